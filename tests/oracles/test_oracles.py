"""The real libraries checked for real (marker ``oracles``; run by ``make test-oracles``)."""

from __future__ import annotations

import pytest

from tests.oracles import checks, report

pytestmark = pytest.mark.oracles


@pytest.fixture(scope="module")
def groups() -> dict:
    """Each group's checks, computed once: the group tests and the report test share them."""
    glmnet, r_versions = checks.check_glmnet()
    return {
        "sklearn": checks.check_sklearn() + checks.check_sklearn_intercepts(),
        "torch": checks.check_torch(),
        "keras": checks.check_keras(),
        "glmnet": glmnet,
        "versions": {**checks.versions_python(), "keras_backend": "torch", **r_versions},
    }


def _failures(found: list[checks.Check]) -> str:
    return "\n".join(f"{c.id}: measured {c.measured:.3g}, expected {c.expectation()}" for c in found if not c.ok)


@pytest.mark.parametrize("group", ["sklearn", "torch", "keras", "glmnet"])
def test_library_claims_hold(groups, group):
    assert groups[group], f"group {group} ran no check"
    assert not _failures(groups[group]), _failures(groups[group])


def test_versions_are_the_pinned_ones(groups):
    pins = report.pinned_versions()
    for name in ("torch", "keras", "scikit-learn", "numpy"):
        assert groups["versions"][name] == pins[name], (
            f"{name}: running {groups['versions'][name]}, pinned {pins[name]}"
        )


def test_committed_report_is_this_run(groups):
    found = [c for g in ("sklearn", "torch", "keras", "glmnet") for c in groups[g]]
    fresh = report.dumps(report.build(found, groups["versions"]))
    assert fresh == report.REPORT.read_text(encoding="utf-8"), (
        "tests/oracles/report.json differs from this oracle run: `make oracle-report` rewrites it"
    )
