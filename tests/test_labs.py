"""Notebook labs: committed clean, standalone (numpy + matplotlib), and agreeing with the pages."""

from __future__ import annotations

import ast
import json
import re
from html import unescape
from pathlib import Path

import pytest

from scripts.pipeline import ROOT

LABS = sorted((ROOT / "docs" / "labs").glob("*.ipynb"))
ALLOWED_IMPORTS = {"numpy", "matplotlib"}


def _cells(path: Path) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))["cells"]


@pytest.mark.parametrize("lab", LABS, ids=lambda p: p.stem)
def test_lab_is_committed_clean(lab: Path):
    notebook = json.loads(lab.read_text(encoding="utf-8"))
    assert notebook["metadata"]["kernelspec"]["name"] == "python3"
    for i, cell in enumerate(notebook["cells"], start=1):
        assert cell["id"] == f"cell-{i}", "renumber cell ids: they must not change between edits"
        if cell["cell_type"] == "code":
            assert cell["outputs"] == [] and cell["execution_count"] is None, "strip outputs before committing"


@pytest.mark.parametrize("lab", LABS, ids=lambda p: p.stem)
def test_lab_is_standalone(lab: Path):
    for cell in _cells(lab):
        if cell["cell_type"] != "code":
            continue
        for node in ast.walk(ast.parse("".join(cell["source"]))):
            if isinstance(node, ast.Import):
                modules = {a.name.split(".")[0] for a in node.names}
            elif isinstance(node, ast.ImportFrom):
                modules = {(node.module or "").split(".")[0]}
            else:
                continue
            assert modules <= ALLOWED_IMPORTS, f"{lab.name} imports {modules - ALLOWED_IMPORTS}"


_EXECUTE_RESULT = re.compile(
    r'<div class="jp-RenderedText[^"]*jp-OutputArea-executeResult" data-mime-type="text/plain"[^>]*>'
    r"\s*<pre>(.*?)</pre>",
    re.S,
)


def executed_results(site: Path, lab: Path) -> dict:
    """The ``results`` a lab printed when the site build executed it (its last execute result)."""
    html = (site / "labs" / lab.stem / "index.html").read_text(encoding="utf-8")
    found = _EXECUTE_RESULT.findall(html)
    assert found, f"{lab.name}: no executed output in the built page"
    return ast.literal_eval(unescape(re.sub(r"<[^>]+>", "", found[-1])))


@pytest.mark.slow
@pytest.mark.parametrize("lab", LABS, ids=lambda p: p.stem)
def test_lab_results_agree_with_the_page(lab: Path, site: Path, fresh_numbers):
    """The site build executes every lab (allow_errors false): its output is compared, not re-run."""
    last = _cells(lab)[-1]
    assert "results" in "".join(last["source"]), "the last cell of a lab must evaluate `results`"
    results = executed_results(site, lab)
    assert results, "a lab must report at least one of its page's numbers"
    for key, value in results.items():
        assert key in fresh_numbers, f"{lab.name}: {key} is not a number of any page"
        assert value == fresh_numbers[key], (
            f"{lab.name}: {key} is {value!r} in the lab, {fresh_numbers[key]!r} on the page"
        )


def test_every_article_page_has_a_lab():
    articles = {p.stem for p in (ROOT / "docs" / "articles").glob("*.md")}
    assert articles, "no article pages found"
    assert articles <= {lab.stem for lab in LABS}, (
        f"article pages without a lab: {articles - {lab.stem for lab in LABS}}"
    )
