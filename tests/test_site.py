"""The whole site, built the way `make site` builds it: strict, self-contained, math typeset."""

from __future__ import annotations

import importlib.util
import logging
import re
import types
from pathlib import Path

import pytest

from scripts.pipeline import ROOT

EXTERNAL_RESOURCE = [
    re.compile(r"""<(?:script|img|iframe|source|audio|video)\b[^>]*\ssrc=["']?(?:https?:)?//""", re.I),
    re.compile(
        r"""<link\b(?=[^>]*\srel=["']?(?:stylesheet|preload|modulepreload|icon|prefetch|manifest))[^>]*\shref=["']?(?:https?:)?//""",
        re.I,
    ),
    re.compile(r"""url\(\s*["']?(?:https?:)?//""", re.I),
    re.compile(r"""@import\s+(?:url\()?["']?(?:https?:)?//""", re.I),
]


@pytest.mark.slow
def test_no_request_leaves_the_site(site: Path):
    offenders = []
    for path in [*site.rglob("*.html"), *site.rglob("*.css")]:
        text = path.read_text(encoding="utf-8", errors="replace")
        offenders += [f"{path.relative_to(site)}: {m.group(0)}" for p in EXTERNAL_RESOURCE for m in p.finditer(text)]
    assert offenders == []


@pytest.mark.slow
def test_math_is_typeset_and_fonts_are_shipped(site: Path):
    html = (site / "conventions" / "index.html").read_text(encoding="utf-8")
    assert "<math" in html and 'class="arithmatex"' not in html and "\\(" not in html
    font = site / "assets" / "fonts" / "latinmodern-math.woff2"
    assert 0 < font.stat().st_size < 150 * 1024  # subset, not the 383 KiB original
    from fontTools.ttLib import TTFont

    cmap = TTFont(font).getBestCmap()
    assert {ord("√"), ord("∑"), ord("λ"), 0x1D464} <= set(cmap)  # radical, sum, lambda, italic w
    assert "../fonts/latinmodern-math.woff2" in (site / "assets" / "stylesheets" / "temml.css").read_text()


@pytest.mark.slow
def test_figures_have_light_and_dark_twins(site: Path):
    html = (site / "conventions" / "index.html").read_text(encoding="utf-8")
    assert 'src="../figures/conventions/unit-balls.svg#only-light"' in html
    assert 'src="../figures/conventions/unit-balls.dark.svg#only-dark"' in html
    assert (site / "figures" / "conventions" / "unit-balls.dark.svg").is_file()


@pytest.mark.slow
def test_number_tags_do_not_reach_the_reader(site: Path):
    for path in site.rglob("*.html"):
        assert "<!--n:" not in path.read_text(encoding="utf-8"), path


def test_the_build_hook_reports_drifted_numbers(caplog):
    """`mkdocs build --strict` fails on any warning: check the hook emits one."""
    spec = importlib.util.spec_from_file_location("site_build", ROOT / "hooks" / "site_build.py")
    hook = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hook)
    hook._state["numbers"] = {"conventions.l1": "8"}
    page = types.SimpleNamespace(file=types.SimpleNamespace(src_uri="x.md"))
    with caplog.at_level(logging.WARNING, logger="mkdocs.hooks.site_build"):
        out = hook.on_page_markdown("The L1 norm is 9<!--n:conventions.l1-->, and 3 untagged.", page, {}, None)
    assert out == "The L1 norm is 9, and 3 untagged."
    assert [r.getMessage() for r in caplog.records] == [
        "x.md: line 1: conventions.l1 is '8' but the text says ...'norm is 9'",
        "x.md: line 1: untagged number '3' in ...n:conventions.l1-->, and 3 untagged....",
    ]


_ATTRIBUTE_NAME = re.compile(r"[a-z_:][-a-z0-9_:.]*")


@pytest.mark.slow
def test_every_attribute_has_a_well_formed_name(site: Path):
    """A template's typo (a comma between attributes, a quote too many) parses as an attribute with a
    stray name such as ","; the Nu checker lets it pass on custom elements."""
    from html.parser import HTMLParser

    class Names(HTMLParser):
        def __init__(self):
            super().__init__()
            self.bad: set[str] = set()

        def handle_starttag(self, tag, attrs):
            self.bad |= {f"<{tag} {name}>" for name, _ in attrs if not _ATTRIBUTE_NAME.fullmatch(name)}

    offenders = {}
    for path in site.rglob("*.html"):
        parser = Names()
        parser.feed(path.read_text(encoding="utf-8"))
        if parser.bad:
            offenders[str(path.relative_to(site))] = sorted(parser.bad)
    assert offenders == {}
