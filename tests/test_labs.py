"""Notebook labs: committed clean, standalone (numpy + matplotlib), and agreeing with the pages."""

from __future__ import annotations

import ast
import json
import re
import subprocess
from pathlib import Path

import pytest

from scripts.pipeline import ROOT
from tests import lab_figures, lab_numbers

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


# A reader's run of a lab stays below what its first cell promises (CPU time of its cells).
RUN_SECONDS = 10


@pytest.fixture(scope="module")
def lab_run(tmp_path_factory):
    """Each lab run once for this file's tests (a file stays on one pytest-xdist worker)."""
    runs = {}

    def run(lab: Path) -> tuple[dict, float, list[dict]]:
        if lab not in runs:
            runs[lab] = lab_numbers.run_lab(lab, tmp_path_factory.mktemp(lab.stem))
        return runs[lab]

    return run


@pytest.mark.slow
@pytest.mark.parametrize("lab", LABS, ids=lambda p: p.stem)
def test_lab_results_agree_with_the_page(lab: Path, fresh_numbers, lab_run):
    """Run the lab as a reader would (then its optional code), read its values, print them as the page does."""
    values, seconds, _ = lab_run(lab)
    problems = lab_numbers.disagreements(lab.stem, values, fresh_numbers)
    assert not problems, "\n".join(problems)
    assert seconds < RUN_SECONDS, f"{lab.name} took {seconds:.1f} s of CPU; its first cell says under {RUN_SECONDS} s"


@pytest.mark.slow
@pytest.mark.parametrize("lab", LABS, ids=lambda p: p.stem)
def test_lab_figures_are_readable_on_a_phone_and_a_desktop(lab: Path, lab_run):
    """Issue 11 for the labs: every figure's text meets the site's floors at 390 and 1280 px, and no
    legend or text covers data (the checks the site's own figures pass, tests/browser/test_phone.py)."""
    _, _, figures = lab_run(lab)
    assert figures, f"{lab.name}: no figure measured (is plt.show() still how the lab shows them?)"
    problems = lab_figures.problems(lab.stem, figures)
    assert problems == [], "\n".join(problems)


def test_a_figure_of_desktop_size_fails_the_phone_floor():
    """The measure itself can fail: a 7-inch figure with 10 pt text, shown in a phone's column."""
    figure = {"dpi": 100.0, "png_width": 700, "smallest": 10.0, "main": 10.0, "clashes": []}
    small, main = lab_figures.on_screen(figure, 390)
    assert (round(small, 2), round(main, 2)) == (7.1, 7.1)  # 10 pt = 13.9 px, shrunk by 358/700
    assert lab_figures.problems("x", [figure])[0].startswith("x figure 1 at 390 px: smallest text 7.1 px")
    figure["png_width"], figure["clashes"] = 320, ["axes 0: legend covers line 'a'"]
    assert lab_figures.problems("x", [figure]) == ["x figure 1: axes 0: legend covers line 'a'"]


def test_a_lab_number_off_by_a_digit_is_caught(fresh_numbers):
    """The comparison itself can fail: one wrong value, one unknown key."""
    key, (_, formatter) = next(iter(lab_numbers.LAB_NUMBERS["norms"].items()))
    page = dict(fresh_numbers)
    values = {k: 1.0 for k in lab_numbers.LAB_NUMBERS["norms"]}
    page.update({k: formatter(1.0) for k, (_, formatter) in lab_numbers.LAB_NUMBERS["norms"].items()})
    assert lab_numbers.disagreements("norms", values, page) == []
    values[key] = 1.01
    assert lab_numbers.disagreements("norms", values, page) == [
        f"norms: {key} is {formatter(1.01)!r} in the lab, {formatter(1.0)!r} on the page"
    ]
    del page[key]
    assert lab_numbers.disagreements("norms", values, page) == [f"norms: {key} is not a number of any page"]


def test_every_lab_has_page_numbers_and_only_known_keys(fresh_numbers):
    assert set(lab_numbers.LAB_NUMBERS) == {lab.stem for lab in LABS}
    for lab, spec in lab_numbers.LAB_NUMBERS.items():
        assert spec, f"{lab}: a lab must reproduce at least one of its page's numbers"
        assert set(spec) <= set(fresh_numbers), f"{lab}: unknown keys {sorted(set(spec) - set(fresh_numbers))}"


@pytest.mark.parametrize("lab", LABS, ids=lambda p: p.stem)
def test_lab_carries_no_test_plumbing(lab: Path):
    """The page keys and their formatting live in tests/lab_numbers.py, never in what a reader sees."""
    text = "".join("".join(cell["source"]) for cell in _cells(lab))
    assert "page_number" not in text and "results = {" not in text
    keys = [key for key in lab_numbers.LAB_NUMBERS[lab.stem] if key in text]
    assert not keys, f"{lab.name} shows the site's page keys {keys}"


@pytest.mark.parametrize("lab", LABS, ids=lambda p: p.stem)
def test_every_figure_a_lab_draws_has_alt_text(lab: Path):
    """The build gives each figure output the alt text of its cell (scripts/notebook_html.py) and
    refuses one without; this says so before a build, for the cells that show a figure."""
    drawing = [c["id"] for c in _cells(lab) if c["cell_type"] == "code" and "plt.show()" in "".join(c["source"])]
    described = [c["id"] for c in _cells(lab) if "alt" in c["metadata"]]
    assert drawing and described == drawing, f"{lab.name}: cells drawing a figure {drawing}, with alt text {described}"


def test_every_article_page_has_a_lab():
    articles = {p.stem for p in (ROOT / "docs" / "articles").glob("*.md")}
    assert articles, "no article pages found"
    assert articles <= {lab.stem for lab in LABS}, (
        f"article pages without a lab: {articles - {lab.stem for lab in LABS}}"
    )


# ---------------------------------------------------------------------------- what a reader sees
RUFF = ROOT / ".venv" / "bin" / "ruff"
LAB_RUFF_CONFIG = ROOT / "docs" / "labs" / ".ruff.toml"
NAV = re.compile(r"^\s+- \"?(?P<title>[^\n]+?)\"?: (?P<path>[\w/.-]+\.(?:md|ipynb))$", re.M)


def _page_of(lab: Path) -> Path:
    """The page a lab belongs to: the article of the same name, or the conventions page."""
    article = ROOT / "docs" / "articles" / f"{lab.stem}.md"
    return article if article.is_file() else ROOT / "docs" / f"{lab.stem}.md"


def _title(page: Path) -> str:
    return re.search(r"^# (.+)$", page.read_text(encoding="utf-8"), re.M).group(1).strip()


def _pins() -> dict[str, str]:
    lines = (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines()
    # the lock's lines read `name==version \` (hashes follow on their own lines)
    pins = [line.split(";")[0].rstrip(" \\").split("==", 1) for line in lines if "==" in line]
    return {name.strip(): version.strip() for name, version in pins if not name.lstrip().startswith("#")}


@pytest.mark.parametrize("lab", LABS, ids=lambda p: p.stem)
def test_lab_title_and_first_cell_name_its_page(lab: Path):
    page = _page_of(lab)
    first = "".join(_cells(lab)[0]["source"])
    title = _title(page)
    # a raw <h1> keeps the id of an earlier title (addresses.txt: published anchors keep working)
    heading = re.match(r"# (.+)\n|<h1 id=\"[a-z0-9-]+\">(.+)</h1>\n", first)
    assert heading, f"{lab.name}: the first cell must start with its title"
    assert (heading[1] or heading[2]) == f"Lab: {title}", f"{lab.name}: the title must be 'Lab: {title}'"
    link = "../" + page.relative_to(ROOT / "docs").as_posix()
    assert f"]({link})" in first, f"{lab.name}: the first cell must link back to {link}"
    assert "without its outputs" in first, f"{lab.name}: say that the download is not executed"
    assert f"under {RUN_SECONDS} seconds" in first, f"{lab.name}: state the run time the slow test checks"
    pins = _pins()
    for package in ("numpy", "matplotlib"):
        assert f"{package} {pins[package]}" in first, f"{lab.name}: name the pinned {package} {pins[package]}"


def test_lab_nav_titles_match_their_pages():
    """In the navigation a lab is called as its page is there, after "Lab: "."""
    nav = {m["path"]: m["title"] for m in NAV.finditer((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))}
    assert {path for path in nav if path.startswith("labs/")} == {f"labs/{lab.name}" for lab in LABS}
    for lab in LABS:
        page = _page_of(lab).relative_to(ROOT / "docs").as_posix()
        assert nav[f"labs/{lab.name}"] == f"Lab: {nav[page]}"


def test_labs_pass_ruff_at_79_columns():
    for command in (["check"], ["format", "--check"]):
        run = subprocess.run([RUFF, *command, ROOT / "docs" / "labs"], capture_output=True, text=True, check=False)
        assert run.returncode == 0, run.stdout + run.stderr


def test_ruff_refuses_an_80_column_line_in_a_lab(tmp_path):
    notebook = json.loads(LABS[0].read_text(encoding="utf-8"))
    notebook["cells"].append({**notebook["cells"][1], "id": "long", "source": ["x = " + "1 + " * 18 + "1000\n"]})
    assert len(notebook["cells"][-1]["source"][0].rstrip("\n")) == 80
    bad = tmp_path / "bad.ipynb"
    bad.write_text(json.dumps(notebook), encoding="utf-8")
    run = subprocess.run([RUFF, "check", "--config", LAB_RUFF_CONFIG, bad], capture_output=True, text=True, check=False)
    assert run.returncode == 1 and "E501" in run.stdout


@pytest.mark.parametrize("lab", LABS, ids=lambda p: p.stem)
def test_optional_code_in_a_lab_keeps_79_columns(lab: Path):
    notebook = json.loads(lab.read_text(encoding="utf-8"))
    for block in lab_numbers.optional_code(notebook):
        long = [line for line in block.splitlines() if len(line) > 79]
        assert not long, f"{lab.name}: optional code lines over 79 characters: {long}"
