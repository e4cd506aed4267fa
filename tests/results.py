"""Each page's ``compute()`` result, computed once per test session and shared by every test.

Presentation code (``numbers``, ``tables``, ``figures``) only reads a result, so sharing it is safe;
``tests/test_pipeline.py`` checks that rendering leaves it unchanged.  Under pytest-xdist the
workers of one session share a folder (:func:`share`): the first worker to need a page computes it
and leaves it pickled there for the others, so a page is still computed once per session.
"""

from __future__ import annotations

import contextlib
import fcntl
import functools
import os
import pickle
from collections.abc import Iterator
from pathlib import Path

from scripts import pipeline

_shared: Path | None = None  # set by tests/conftest.py in each xdist worker


def share(folder: Path) -> None:
    """Share results through ``folder`` (every worker of the session passes the same one)."""
    global _shared
    folder.mkdir(parents=True, exist_ok=True)
    _shared = folder


@contextlib.contextmanager
def locked(path: Path) -> Iterator[None]:
    """Hold an exclusive lock on ``path`` (created if missing) across processes."""
    with path.open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _compute(slug: str):
    return pipeline.load(slug, fresh=False).compute()


@functools.cache
def result(slug: str):
    if _shared is None:
        return _compute(slug)
    path = _shared / f"{slug}.pickle"
    with locked(_shared / f"{slug}.lock"):
        if path.is_file():
            return pickle.loads(path.read_bytes())
        value = _compute(slug)
        partial = path.with_suffix(".partial")
        partial.write_bytes(pickle.dumps(value))
        partial.replace(path)  # never a half-written pickle
        return value


@functools.cache
def numbers(slug: str) -> dict[str, str]:
    return pipeline._checked_numbers(slug, pipeline.load(slug, fresh=False).numbers(result(slug)))


def in_worker_order(slugs: list[str]) -> list[str]:
    """``slugs`` rotated by the xdist worker's index, so workers start on different pages."""
    worker = os.environ.get("PYTEST_XDIST_WORKER", "gw0")
    count = int(os.environ.get("PYTEST_XDIST_WORKER_COUNT", "1"))
    index = int(worker.removeprefix("gw") or 0)
    start = len(slugs) * index // max(count, 1)
    return slugs[start:] + slugs[:start]
