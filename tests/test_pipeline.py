"""The figure pipeline: discovery, errors, staleness, atomic writes, determinism."""

from __future__ import annotations

import os
import subprocess
import sys
import types

import pytest

from scripts import PINNED_NUMERICS, build, pipeline, style
from scripts.pipeline import ROOT
from tests import results


def test_pages_are_discovered():
    assert "conventions" in pipeline.slugs()


def test_an_unknown_page_is_an_error_listing_the_valid_ones(capsys):
    assert build.main(["no-such-page"]) == 2
    err = capsys.readouterr().err
    assert "unknown page(s): no-such-page" in err
    assert "conventions" in err


def _fake(figures):
    return types.SimpleNamespace(compute=lambda: 1, numbers=lambda r: {"x": "1"}, figures=figures)


def test_a_failing_figure_names_page_and_figure(monkeypatch, tmp_path):
    def broken(result):
        raise ValueError("boom")

    monkeypatch.setattr(pipeline, "load", lambda slug, fresh=True: _fake(broken))
    monkeypatch.setattr(pipeline, "source_hash", lambda slug: "h")
    with pytest.raises(pipeline.PageError, match=r"page conventions: figures\(\) failed: ValueError: boom"):
        pipeline.render("conventions", progress=lambda line: None)


def test_a_failing_page_writes_nothing_and_exits_non_zero(monkeypatch, tmp_path, capsys):
    monkeypatch.setattr(pipeline, "FIGURES", tmp_path)
    monkeypatch.setattr(pipeline, "load", lambda slug, fresh=True: _fake(lambda r: 1 / 0))
    assert build.main(["conventions"]) == 1
    assert "page conventions: figures() failed: ZeroDivisionError" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_numbers_must_be_strings(monkeypatch):
    module = _fake(lambda r: {})
    module.numbers = lambda r: {"x": 0.5}
    monkeypatch.setattr(pipeline, "load", lambda slug, fresh=True: module)
    with pytest.raises(pipeline.PageError, match="must be a non-empty string"):
        pipeline.render("conventions", progress=lambda line: None)


def test_sources_follow_imports_transitively():
    names = {p.relative_to(ROOT).as_posix() for p in pipeline.sources("conventions")}
    assert {"scripts/pages/conventions.py", "scripts/style.py", "scripts/fmt.py", "scripts/__init__.py"} <= names


def test_writes_are_atomic_and_only_on_change(tmp_path, monkeypatch):
    monkeypatch.setattr(pipeline, "FIGURES", tmp_path)
    output = pipeline.Output("demo", {"a.txt": b"one", "manifest.json": b"{}"})
    assert sorted(pipeline.write(output)) == ["a.txt", "manifest.json"]
    mtime = (tmp_path / "demo" / "a.txt").stat().st_mtime_ns
    assert pipeline.write(output) == []
    assert (tmp_path / "demo" / "a.txt").stat().st_mtime_ns == mtime
    (tmp_path / "demo" / "old.svg").write_bytes(b"x")
    assert pipeline.write(output) == ["old.svg (removed)"]
    assert not list((tmp_path / "demo").glob(".*.tmp"))


def test_staleness_is_detected(tmp_path, monkeypatch):
    monkeypatch.setattr(pipeline, "FIGURES", tmp_path)
    assert pipeline.stale_reason("conventions") == "never built"
    pipeline.write(pipeline.render("conventions", progress=lambda line: None))
    assert pipeline.stale_reason("conventions") is None
    svg = tmp_path / "conventions" / "unit-balls.svg"
    svg.write_bytes(svg.read_bytes() + b" ")
    assert pipeline.stale_reason("conventions") == "unit-balls.svg missing or edited"
    monkeypatch.setattr(pipeline, "source_hash", lambda slug: "changed")
    assert pipeline.stale_reason("conventions") == "code changed"


def test_check_reports_an_edited_figure(tmp_path, monkeypatch):
    monkeypatch.setattr(pipeline, "FIGURES", tmp_path)
    output = pipeline.render("conventions", progress=lambda line: None)
    pipeline.write(output)
    assert pipeline.differences(output) == []
    (tmp_path / "conventions" / "unit-balls.svg").write_bytes(b"<svg/>")
    (tmp_path / "conventions" / "stray.svg").write_bytes(b"<svg/>")
    assert pipeline.differences(output) == [
        "conventions/unit-balls.svg: differs from a fresh build",
        "conventions/stray.svg: not made by page conventions",
    ]


def test_svg_is_byte_identical_across_processes(tmp_path):
    here = pipeline.render("conventions", progress=lambda line: None).files["unit-balls.svg"]
    out = tmp_path / "unit-balls.svg"
    code = (
        "import pathlib, sys; from scripts import pipeline; "
        "svg = pipeline.render('conventions', progress=lambda line: None).files['unit-balls.svg']; "
        "pathlib.Path(sys.argv[1]).write_bytes(svg)"
    )
    subprocess.run([sys.executable, "-c", code, str(out)], cwd=ROOT, check=True)
    assert out.read_bytes() == here
    assert b"<dc:date>" not in here


def test_numpy_and_openblas_take_the_pinned_paths():
    """What makes the committed bytes reproducible on another x86-64 machine (scripts/__init__.py):
    the session's numpy, and every OpenBLAS it loaded for the pages, run the pinned kernels."""
    for slug in pipeline.slugs():
        pipeline.load(slug, fresh=False)
    assert pipeline.numerics_problems() == []


# The environment of a process that imported numpy before anything pinned its paths.
_UNPINNED = {k: v for k, v in os.environ.items() if k not in PINNED_NUMERICS} | {"OPENBLAS_NUM_THREADS": "2"}


def test_a_page_refuses_to_load_when_numpy_came_first():
    code = "import numpy; from scripts import pipeline; pipeline.load('conventions')"
    run = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, env=_UNPINNED)
    assert run.returncode == 1
    assert "page conventions: not the pinned floating-point paths" in run.stderr
    assert "OPENBLAS_NUM_THREADS='1'" in run.stderr  # names the fix


def test_dark_variant_swaps_every_palette_colour():
    light = pipeline.render("conventions", progress=lambda line: None).files["unit-balls.svg"].decode()
    dark = style.dark_variant(light.encode()).decode()
    assert style.INK in light
    for colour in style.DARK:
        assert colour not in dark
    assert style.DARK[style.INK] in dark


@pytest.fixture(scope="module")
def fresh_renders() -> dict:
    """Every page rendered once from its shared result, with the result's bytes before rendering."""
    import pickle

    out = {}
    for slug in pipeline.slugs():
        before = pickle.dumps(results.result(slug))
        out[slug] = (before, pipeline.render(slug, progress=lambda line: None, result=results.result(slug)))
    return out


def test_committed_output_matches_a_fresh_build(fresh_renders):
    """The test twin of `python -m scripts.build --check`: edit any computation and this fails."""
    problems = []
    for _, output in fresh_renders.values():
        problems += pipeline.differences(output)
    assert problems == [], "run `make figures` and commit:\n" + "\n".join(problems)


def test_presentation_only_reads_the_result(fresh_renders):
    """numbers(), tables() and figures() must not change what compute() returned (tests share it)."""
    import pickle

    for slug, (before, _) in fresh_renders.items():
        assert pickle.dumps(results.result(slug)) == before, slug


@pytest.mark.parametrize("name", pipeline.ALWAYS_HASHED)
def test_every_page_depends_on_the_files_that_decide_output_bytes(name):
    for slug in pipeline.slugs():
        assert ROOT / name in pipeline.sources(slug), slug


def _scratch_copy(tmp_path, monkeypatch):
    """The scripts package and figures/ copied to a scratch root the pipeline then reads."""
    import shutil

    shutil.copytree(ROOT / "scripts", tmp_path / "scripts", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "figures", tmp_path / "figures")
    monkeypatch.setattr(pipeline, "ROOT", tmp_path)
    monkeypatch.setattr(pipeline, "PAGES", tmp_path / "scripts" / "pages")
    monkeypatch.setattr(pipeline, "FIGURES", tmp_path / "figures")
    return tmp_path


def _output_deciding_files(slug):
    """Every file the hash covers for a page: its own files, what they import, pipeline and style."""
    return [p.relative_to(ROOT).as_posix() for p in pipeline.sources(slug)]


@pytest.mark.parametrize("slug", ["conventions", "home"])
def test_editing_any_output_deciding_file_makes_the_page_stale(slug, tmp_path, monkeypatch):
    files = _output_deciding_files(slug)
    assert {"scripts/pipeline.py", "scripts/style.py", "scripts/fmt.py"} <= set(files)
    root = _scratch_copy(tmp_path, monkeypatch)
    assert pipeline.stale_reason(slug) is None
    for name in files:
        path = root / name
        original = path.read_bytes()
        path.write_bytes(original + b"\n# edited\n")
        assert pipeline.stale_reason(slug) == "code changed", name
        path.write_bytes(original)
    assert pipeline.stale_reason(slug) is None


def test_a_page_can_be_a_package(tmp_path, monkeypatch):
    root = _scratch_copy(tmp_path, monkeypatch)
    package = root / "scripts" / "pages" / "demo_pkg"
    package.mkdir()
    (package / "__init__.py").write_text("from .experiments import compute\nfrom .text import numbers\n")
    (package / "experiments.py").write_text("from scripts import solvers\n\ndef compute():\n    return 1\n")
    (package / "text.py").write_text("from scripts import fmt\n\ndef numbers(result):\n    return {'x': '1'}\n")
    assert "demo_pkg" in pipeline.slugs()
    names = {p.relative_to(root).as_posix() for p in pipeline.sources("demo_pkg")}
    assert {
        "scripts/pages/demo_pkg/__init__.py",
        "scripts/pages/demo_pkg/experiments.py",
        "scripts/pages/demo_pkg/text.py",
        "scripts/solvers.py",
        "scripts/fmt.py",
    } <= names
    assert pipeline.stale_reason("demo_pkg") == "never built"


def test_hashed_ids_are_renumbered_consistently():
    svg = (
        '<clipPath id="p0123456789"/><path clip-path="url(#p0123456789)"/>'
        '<path id="mabcdefabcd"/><use xlink:href="#mabcdefabcd"/><clipPath id="p9876543210"/>'
    )
    assert style.stable_ids(svg) == (
        '<clipPath id="clip-1"/><path clip-path="url(#clip-1)"/>'
        '<path id="marker-1"/><use xlink:href="#marker-1"/><clipPath id="clip-2"/>'
    )


def test_committed_figures_carry_no_cpu_dependent_ids():
    for svg in (ROOT / "figures").glob("*/*.svg"):
        assert not style._HASHED_ID.search(svg.read_text(encoding="utf-8")), svg


def test_data_outputs_are_written_as_json(monkeypatch):
    module = _fake(lambda r: {})
    module.data = lambda r: {"lambda-explorer": {"lam": [0.1, 1.0]}}
    monkeypatch.setattr(pipeline, "load", lambda slug, fresh=True: module)
    monkeypatch.setattr(pipeline, "source_hash", lambda slug: "h")
    files = pipeline.render("conventions", progress=lambda line: None).files
    assert files["lambda-explorer.json"] == b'{\n  "lam": [\n    0.1,\n    1.0\n  ]\n}\n'
    module.data = lambda r: {"numbers": {}}
    with pytest.raises(pipeline.PageError, match="reserved"):
        pipeline.render("conventions", progress=lambda line: None)


def test_every_page_has_its_test_module():
    missing = [s for s in pipeline.slugs() if not (ROOT / "tests" / "pages" / f"test_{s}.py").is_file()]
    assert missing == [], f"write tests/pages/test_<slug>.py for: {', '.join(missing)}"
