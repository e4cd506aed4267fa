"""The code pages on the built site: every caption link lands on the def line of the function
that draws the figure, and a link to a function scrolls its def line into view below the header."""

from __future__ import annotations

import html
import posixpath
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from scripts import code_pages

from .conftest import built_pages

pytestmark = pytest.mark.slow

DRAWN_BY = re.compile(r'<p class="drawn-by">\s*Drawn by <a href="([^"]+)"><code>([^<]+)</code></a>')
LINE = re.compile(r'<span id="__span-0-\d+">(.*?)(?=<span id="__span-0-|</code>)', re.S)


def _html(site: Path, page: str) -> str:
    path = site / page / "index.html" if not page.endswith(".html") else site / page
    return path.read_text(encoding="utf-8")


def _caption_links(site: Path) -> list[tuple[str, str, str]]:
    return [
        (page, href, name)
        for page in built_pages(site)
        if not page.startswith("code/")
        for href, name in DRAWN_BY.findall(_html(site, page))
    ]


def test_every_figure_caption_links_a_def_line_on_a_code_page(site):
    links = _caption_links(site)
    figures = sum(
        len(re.findall(r'<figure[^>]*>\s*(?:<p>)?<a class="figure-zoom"', _html(site, p)))
        for p in built_pages(site)
        if not p.startswith("code/")
    )
    assert links and len(links) == figures  # every captioned figure has exactly one link
    for page, href, name in links:
        target = urlsplit(href)
        resolved = posixpath.normpath(posixpath.join(page, target.path)) + "/"
        assert resolved.startswith("code/") and target.fragment == name, (page, href)
        lines = [html.unescape(re.sub("<[^>]+>", "", line)) for line in LINE.findall(_html(site, resolved))]
        marked = [
            line for raw, line in zip(LINE.findall(_html(site, resolved)), lines, strict=True) if f'id="{name}"' in raw
        ]
        assert len(marked) == 1, (page, href)
        assert re.match(rf"\s*(async\s+)?(def|class)\s+{re.escape(name)}\b", marked[0]), (page, href, marked[0])


def test_every_code_page_module_is_built(site):
    built = {p for p in built_pages(site) if p.startswith("code/")}
    assert built == {m.url for m in code_pages.modules()} | {"code/"}


@pytest.mark.parametrize("width", [390, 1280])
def test_a_function_link_shows_its_def_line_below_the_header(browser, origin, width):
    tab = browser.new_page(viewport={"width": width, "height": 800})
    try:
        tab.goto(f"{origin}/{code_pages.url('pages.norms.figures', '_fig_paths')}", wait_until="load")
        tab.wait_for_timeout(200)
        box = tab.evaluate(
            """() => {
              const a = document.getElementById("_fig_paths").getBoundingClientRect();
              const h = document.querySelector(".md-header").getBoundingClientRect();
              const line = document.getElementById("_fig_paths").closest("span[id^=__span]").textContent;
              return { top: a.top, header: h.bottom, line, height: innerHeight };
            }"""
        )
    finally:
        tab.close()
    assert box["line"].startswith("def _fig_paths(")
    assert box["header"] <= box["top"] < box["height"] / 2, box


# The "__" of the first linked code name with underscores (the code index's "__init__.py"): its box.
UNDERSCORES = """() => {
  const code = [...document.querySelectorAll(".md-typeset a > code")].find((c) => c.textContent.includes("__"));
  const text = code.firstChild, at = text.data.indexOf("__");
  const range = document.createRange();
  range.setStart(text, at);
  range.setEnd(text, at + 2);
  code.scrollIntoView({ block: "center" });
  const r = range.getBoundingClientRect();
  return { x: r.left, y: r.top, width: r.width, height: r.height };
}"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [390, 1280])
def test_a_linked_name_shows_its_underscores_above_the_underline(browser, origin, width, scheme):
    """Underscores and the link's underline are two lines with a gap, not one (it hid them)."""
    from io import BytesIO

    import numpy as np
    from PIL import Image

    tab = browser.new_page(viewport={"width": width, "height": 800}, color_scheme=scheme)
    try:
        tab.goto(f"{origin}/code/", wait_until="load")
        box = tab.evaluate(UNDERSCORES)
        # from the middle of the glyphs to well below them, where the underline is
        clip = {"x": box["x"], "y": box["y"] + box["height"] / 2, "width": box["width"], "height": box["height"]}
        shot = Image.open(BytesIO(tab.screenshot(clip=clip))).convert("RGB")
    finally:
        tab.close()
    pixels = np.asarray(shot, dtype=int)
    colours, counts = np.unique(pixels.reshape(-1, 3), axis=0, return_counts=True)
    background = colours[counts.argmax()]
    ink = [bool(row) for row in (np.abs(pixels - background).sum(axis=2) > 150).mean(axis=1) > 0.5]
    lines = sum(1 for y, on in enumerate(ink) if on and (y == 0 or not ink[y - 1]))
    rows = "".join("#" if on else "." for on in ink)
    assert lines >= 2, f"underscores and underline drawn as {lines} line(s) at {width} px ({scheme}): {rows}"
