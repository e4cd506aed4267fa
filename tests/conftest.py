"""Shared fixtures: every page's numbers (one computation per page) and the built site (one build), per session."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from scripts import pipeline
from scripts.pipeline import ROOT
from tests import results


def _session_folder(tmp_path_factory) -> Path:
    """A folder of this test session, the same for every pytest-xdist worker of it."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


@pytest.fixture(scope="session", autouse=True)
def _results_shared_by_workers(tmp_path_factory):
    if os.environ.get("PYTEST_XDIST_WORKER"):
        results.share(_session_folder(tmp_path_factory) / "results")


@pytest.fixture(scope="session")
def fresh_numbers() -> dict[str, str]:
    """Every page's numbers recomputed now (not read from figures/), keyed ``<slug>.<key>``."""
    numbers = {slug: results.numbers(slug) for slug in results.in_worker_order(pipeline.slugs())}
    return {f"{slug}.{k}": v for slug in pipeline.slugs() for k, v in numbers[slug].items()}


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The site as `make site` builds it (strict), built once per test session for every test
    (under pytest-xdist, by the first worker that needs it, for all of them).

    ``SITE_UNDER_TEST=<dir>`` tests an already built site instead (quick iterations).
    """
    if prebuilt := os.environ.get("SITE_UNDER_TEST"):
        return Path(prebuilt).resolve()
    folder = _session_folder(tmp_path_factory)
    out, failure = folder / "site", folder / "site-build-failed.txt"
    with results.locked(folder / "site.lock"):
        if not out.is_dir() and not failure.exists():
            run = subprocess.run(
                [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
                cwd=ROOT,
                capture_output=True,
                text=True,
                env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
            )
            if run.returncode != 0:
                failure.write_text(run.stderr[-4000:], encoding="utf-8")
    assert not failure.exists(), f"mkdocs build --strict failed:\n{failure.read_text(encoding='utf-8')}"
    return out
