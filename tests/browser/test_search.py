"""The site's own search box (Material's worker, offline) finds the teaching, and the glossary's tooltips show.

Queries are typed into the real search input of the built site; results are read from the list the
theme renders. The built index itself is checked for TeX and lab code.
"""

from __future__ import annotations

import contextlib
import json
from pathlib import Path

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from scripts import search_index


@pytest.fixture(scope="module")
def page(browser, origin):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    tab = context.new_page()
    tab.goto(origin + "/")
    yield tab
    context.close()


def _search(page, query: str) -> list[str]:
    """The result addresses (site paths, without the ?h= highlight) for a query typed in the box."""
    page.keyboard.press("Escape")
    box = page.locator("input.md-search__input")
    box.click()
    meta = page.locator(".md-search-result__meta").element_handle()
    box.fill("")
    box.press("End")  # the theme searches on keyup: an empty query clears the previous results
    page.wait_for_function("el => !/matching/.test(el.textContent)", arg=meta, timeout=10_000)
    # The whole query at once, then one keyup (the theme searches on keyup): typing it key by key
    # would leave the results of a prefix ("soft") on screen while the last search runs.
    box.fill(query)
    box.press("End")
    page.wait_for_function("el => /matching/.test(el.textContent)", arg=meta, timeout=10_000)
    # Under a loaded CPU the count can read "No matching documents" for a moment, before the index
    # the first search loads has answered: every query here has results, so wait for them.
    with contextlib.suppress(PlaywrightTimeout):  # none came: the callers' assertions say so
        page.wait_for_selector(".md-search-result__item > a", timeout=10_000)
    hrefs = page.locator(".md-search-result__item > a").evaluate_all("els => els.map(e => e.href)")
    origin = page.evaluate("location.origin")
    return [h.removeprefix(origin + "/").split("?")[0] + ("#" + h.split("#")[1] if "#" in h else "") for h in hrefs]


@pytest.mark.parametrize(
    ("query", "first"),
    [("weight decay", "beyond/adamw/"), ("soft-thresholding", "articles/updates/")],
)
def test_a_topic_finds_the_page_that_teaches_it_first(page, query, first):
    results = _search(page, query)
    assert results and results[0] == first, results[:5]


@pytest.mark.parametrize("query", ["weight decay", "soft-thresholding", "subgradient", "lambda max"])
def test_labs_rank_below_the_pages_for_their_topics(page, query):
    results = _search(page, query)
    pages = [r for r in results if not r.startswith(("labs/", "code/", "glossary/"))]
    assert pages and not results[0].startswith(("labs/", "code/", "glossary/")), results[:5]


@pytest.mark.parametrize("query", ["λ", "lambda"])
def test_lambda_is_found_both_as_a_letter_and_spelled_out(page, query):
    results = _search(page, query)
    assert "articles/geometry/" in results, results[:10]  # "choosing λ" is in its title


def test_the_built_index_has_no_tex_no_lab_code_and_its_size_is_bounded(site: Path):
    raw = (site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert search_index.tex_in(raw) == []
    docs = json.loads(raw)["docs"]
    text = " ".join(d["title"] + " " + d["text"] for d in docs)
    for noise in ("Copied!", "In [1]:", "import numpy", "def "):
        assert noise not in text, noise
    assert any(d.get("keywords", "").startswith("lambda") for d in docs)
    assert len(raw.encode()) < 360_000  # 435 KiB before TeX and lab code were dropped (issue 12)


def _glossary_link(page, origin: str):
    page.goto(origin + "/articles/updates/")
    link = page.locator("article a.glossary-term", has_text="soft-thresholding").first
    # Centred: at the top edge the sticky header (or the back-to-top button) would take the pointer.
    link.evaluate("el => el.scrollIntoView({block: 'center'})")
    return link


@pytest.mark.parametrize("how", ["hover", "focus"])
def test_a_glossary_term_shows_its_definition_on_hover_and_keyboard_focus(browser, origin, how):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    try:
        link = _glossary_link(page, origin)
        assert link.get_attribute("href").endswith("glossary/#soft-thresholding")
        definition = link.get_attribute("title") or link.get_attribute("data-title") or ""
        link.hover() if how == "hover" else link.focus()
        tooltip = page.locator(".md-tooltip2, .md-tooltip").filter(has_text="proximal operator").first
        tooltip.wait_for(state="visible", timeout=15_000)
        assert "sets it exactly to zero" in tooltip.inner_text()
        assert definition == "" or "sets it exactly to zero" in definition
    finally:
        context.close()


def test_the_glossary_link_leads_to_the_definition(browser, origin):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    try:
        _glossary_link(page, origin).focus()
        page.keyboard.press("Enter")  # the keyboard's way to the definition, no tooltip needed
        page.wait_for_url("**/glossary/#soft-thresholding")
        entry = page.locator("dt#soft-thresholding")
        assert entry.is_visible()
        assert "sets it exactly to zero" in entry.locator("xpath=following-sibling::dd[1]").inner_text()
    finally:
        context.close()
