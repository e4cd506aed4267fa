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


@pytest.fixture(scope="session")
def fresh_numbers() -> dict[str, str]:
    """Every page's numbers recomputed now (not read from figures/), keyed ``<slug>.<key>``."""
    return {f"{slug}.{k}": v for slug in pipeline.slugs() for k, v in results.numbers(slug).items()}


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The site as `make site` builds it (strict), built once per test session for every test.

    ``SITE_UNDER_TEST=<dir>`` tests an already built site instead (quick iterations).
    """
    if prebuilt := os.environ.get("SITE_UNDER_TEST"):
        return Path(prebuilt).resolve()
    out = tmp_path_factory.mktemp("site")
    run = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert run.returncode == 0, f"mkdocs build --strict failed:\n{run.stderr[-4000:]}"
    return out
