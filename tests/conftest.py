"""Shared fixtures: recomputed numbers of every page, once per test session."""

from __future__ import annotations

import pytest

from scripts import pipeline


@pytest.fixture(scope="session")
def fresh_numbers() -> dict[str, str]:
    """Every page's numbers recomputed now (not read from figures/), keyed ``<slug>.<key>``."""
    merged = {}
    for slug in pipeline.slugs():
        merged.update({f"{slug}.{k}": v for k, v in pipeline.compute_numbers(slug).items()})
    return merged
