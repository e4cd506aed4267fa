"""Each page's ``compute()`` result, computed once per test session and shared by every test.

Presentation code (``numbers``, ``tables``, ``figures``) only reads a result, so sharing it is safe;
``tests/test_pipeline.py`` checks that rendering leaves it unchanged.
"""

from __future__ import annotations

import functools

from scripts import pipeline


@functools.cache
def result(slug: str):
    return pipeline.load(slug, fresh=False).compute()


@functools.cache
def numbers(slug: str) -> dict[str, str]:
    return pipeline._checked_numbers(slug, pipeline.load(slug, fresh=False).numbers(result(slug)))
