"""The committed oracle report, checked without the oracle environment (part of the main test run)."""

from __future__ import annotations

import json

import pytest

from scripts import pipeline
from tests.oracles import report

DOCS = report.ROOT / "docs"


@pytest.fixture(scope="module")
def committed() -> dict:
    return report.committed()


def test_report_matches_the_oracle_code(committed):
    assert committed["source"] == report.source_hash(), (
        "the oracle code or requirements-oracles.txt changed since tests/oracles/report.json was written: "
        "run `make oracle-report`"
    )


def test_snippets_are_rendered_from_the_report(committed):
    for path, text in report.outputs(committed).items():
        assert path.read_text(encoding="utf-8") == text, f"{path.name} is not what report.json renders"


def test_report_versions_are_the_pins(committed):
    pins = report.pinned_versions()
    for name in ("torch", "keras", "scikit-learn", "numpy"):
        assert committed["versions"][name] == pins[name]


def test_every_check_passed_and_names_a_page(committed):
    assert len(committed["checks"]) >= 30
    for check in committed["checks"]:
        assert check["result"] == "pass", check["id"]
        assert check["page"] in report.PAGES, check["id"]


def test_values_quoted_by_pages_match_their_numbers(committed):
    """A value the report keys by a page number (``<slug>.<key>``) is the value that page prints."""
    quoted = 0
    for check in committed["checks"]:
        for key, value in check["values"].items():
            slug, _, name = key.partition(".")
            if slug not in report.PAGES:
                continue
            numbers = json.loads((pipeline.FIGURES / slug / pipeline.NUMBERS).read_text(encoding="utf-8"))
            assert numbers.get(name) == value, (
                f"{check['id']}: the oracle found {key} = {value}, the page prints {numbers.get(name)}"
            )
            quoted += 1
    assert quoted >= 10


def test_pages_say_which_versions_were_checked():
    pages = [*(f"{p}" for p in report.PAGES.values()), "conventions.md"]
    for page in pages:
        assert '--8<-- "oracles/versions.md"' in (DOCS / page).read_text(encoding="utf-8"), (
            f"{page} does not include the versions"
        )
    assert '--8<-- "oracles/checks.md"' in (DOCS / report.PAGES["libraries"]).read_text(encoding="utf-8")


def test_report_is_deterministic(committed):
    assert report.dumps(json.loads(report.dumps(committed))) == report.dumps(committed)
