"""hooks/site_build.py: only wiring, so only what it decides itself is tested here."""

from __future__ import annotations

import importlib.util
import types

import pytest
from mkdocs.exceptions import PluginError

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
