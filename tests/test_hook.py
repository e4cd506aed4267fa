"""hooks/site_build.py: only wiring, so only what it decides itself is tested here."""

from __future__ import annotations

import base64
import importlib.util
import io
import json
import types

import pytest
from mkdocs.exceptions import PluginError
from PIL import Image

from scripts.pipeline import ROOT


@pytest.fixture()
def hook():
    spec = importlib.util.spec_from_file_location("site_build_under_test", ROOT / "hooks" / "site_build.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_a_plain_build_with_stale_figures_fails_naming_them(hook, monkeypatch):
    monkeypatch.setattr(hook.scripts.pipeline, "stale_pages", lambda: {"norms": "code changed"})
    hook.on_startup(command="build", dirty=False)
    with pytest.raises(PluginError, match=r"figures are stale: norms \(code changed\)\. Run `make figures`"):
        hook.on_pre_build({})


def test_serve_rebuilds_stale_figures_in_a_subprocess(hook, monkeypatch):
    calls = []
    monkeypatch.setattr(hook.scripts.pipeline, "stale_pages", lambda: {"norms": "code changed"})
    monkeypatch.setattr(hook.scripts.pipeline, "committed_numbers", lambda: {})
    monkeypatch.setattr(hook.scripts.mathml, "Renderer", lambda: None)
    fake_run = lambda args, **kw: calls.append(args) or types.SimpleNamespace(returncode=0)  # noqa: E731
    monkeypatch.setattr(hook.subprocess, "run", fake_run)
    hook.on_startup(command="serve", dirty=False)
    hook.on_pre_build({})
    assert calls and calls[0][1:] == ["-m", "scripts.build", "norms"]


def test_current_figures_build_without_a_subprocess(hook, monkeypatch):
    monkeypatch.setattr(hook.scripts.pipeline, "stale_pages", dict)
    monkeypatch.setattr(hook.scripts.mathml, "Renderer", lambda: None)
    monkeypatch.setattr(hook.subprocess, "run", lambda *a, **k: pytest.fail("no rebuild expected"))
    hook.on_startup(command="build", dirty=False)
    hook.on_pre_build({})
    assert "numbers" in hook._state


def test_a_missing_search_index_fails_the_build(hook, tmp_path):
    with pytest.raises(PluginError, match="search plugin did not write its index"):
        hook._clean_search_index(tmp_path / "search_index.json")


def test_tex_left_in_the_search_index_is_a_warning_so_strict_builds_fail(hook, tmp_path, caplog):
    path = tmp_path / "search_index.json"
    path.write_text('{"config": {"fields": {}}, "docs": [{"location": "a/", "title": "t", "text": "\\\\frac12"}]}')
    hook._clean_search_index(path)
    assert any(r.levelname == "WARNING" and "TeX source left" in r.getMessage() for r in caplog.records)
    assert '"keywords"' in path.read_text()  # the cleaned index was written


def _lab(tmp_path, alt: str | None):
    """A lab's source (one code cell, with or without alt text) and its page as mkdocs-jupyter renders it."""
    metadata = {} if alt is None else {"alt": alt}
    source = tmp_path / "docs" / "labs" / "x.ipynb"
    source.parent.mkdir(parents=True)
    source.write_text(json.dumps({"cells": [{"id": "cell-1", "cell_type": "code", "metadata": metadata}]}))
    png = io.BytesIO()
    Image.new("RGBA", (30, 20), "white").save(png, "PNG")
    output = (
        '<div class="jp-Cell" id="cell-id=cell-1"><img src="data:image/png;base64,'
        + base64.b64encode(png.getvalue()).decode()
        + '"/></div>'
    )
    file = types.SimpleNamespace(abs_src_path=str(source), src_uri="labs/x.ipynb", dest_path="labs/x/index.html")
    return output, types.SimpleNamespace(file=file), {"site_dir": str(tmp_path / "site")}


def test_a_labs_figures_are_written_next_to_its_page_in_the_built_site_only(hook, tmp_path):
    output, page, config = _lab(tmp_path, "a white rectangle")
    html = hook._lab_figures(output, page, config)
    (figure,) = (tmp_path / "site" / "labs" / "x").glob("figure-1.*.png")
    assert f'src="{figure.name}" width="30" height="20" alt="a white rectangle"' in html
    assert sorted(p.name for p in (tmp_path / "docs" / "labs").iterdir()) == ["x.ipynb"]  # the sources untouched


def test_a_lab_figure_without_alt_text_fails_the_build(hook, tmp_path):
    output, page, config = _lab(tmp_path, None)
    with pytest.raises(PluginError, match=r"labs/x\.ipynb: cell-1 draws a figure without alt text"):
        hook._lab_figures(output, page, config)
