"""Search loads its index on first use (overrides/partials/search-on-demand.html, issue 17), and still
works: typed queries, the search shortcut key, ?q= deep links, ?h= highlighting, and pages reached
by instant navigation after a search."""

from __future__ import annotations

import pytest

INDEX = "/search/search_index.json"
WORKER = "/assets/javascripts/workers/search."
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


@pytest.fixture
def tab(browser):
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.requested = []
    page.on("request", lambda request: page.requested.append(request.url))
    yield page
    context.close()


def _index_requests(tab) -> int:
    return sum(url.split("?")[0].endswith(INDEX) for url in tab.requested)


def _results(tab) -> int:
    tab.wait_for_selector(".md-search-result__item", timeout=15000)
    return tab.locator(".md-search-result__item").count()


def _worker_requests(tab) -> int:
    return sum(WORKER in url for url in tab.requested)


def test_no_page_load_fetches_the_index_or_the_worker(tab, origin):
    tab.goto(f"{origin}/articles/norms/", wait_until="load")
    tab.wait_for_load_state("networkidle")
    tab.mouse.wheel(0, 3000)
    tab.wait_for_timeout(500)
    assert _index_requests(tab) == 0
    assert _worker_requests(tab) == 0


def test_typing_a_query_loads_the_index_once_and_shows_results(tab, origin):
    tab.goto(f"{origin}/articles/norms/", wait_until="load")
    tab.wait_for_load_state("networkidle")
    tab.fill("[data-md-component=search-query]", "ridge")
    assert _results(tab) > 0
    assert _index_requests(tab) == 1
    assert _worker_requests(tab) == 1
    tab.keyboard.press("Escape")
    tab.evaluate("window.sameDocument = true")
    tab.click(".md-footer__link--next")
    tab.wait_for_url("**/articles/updates/")
    tab.wait_for_load_state("networkidle")
    instant = tab.evaluate("window.sameDocument === true")  # only when the sitemap names this origin
    tab.fill("[data-md-component=search-query]", "lasso")
    assert _results(tab) > 0
    assert _index_requests(tab) == (1 if instant else 2)  # a new document fetches it on its first search


def test_the_shortcut_key_opens_search(tab, origin):
    tab.goto(f"{origin}/beyond/bayes/", wait_until="load")
    tab.wait_for_load_state("networkidle")
    tab.keyboard.press("/")
    tab.keyboard.type("prior")
    assert _results(tab) > 0


def test_the_phone_search_button_opens_search(browser, origin):
    context = browser.new_context(viewport=PHONE, has_touch=True, is_mobile=True)
    tab = context.new_page()
    try:
        tab.goto(f"{origin}/", wait_until="load")
        tab.wait_for_load_state("networkidle")
        tab.click("header label[for=__search]")
        tab.keyboard.type("elastic")
        assert _results(tab) > 0
    finally:
        context.close()


def test_deep_links_load_the_index_at_once(tab, origin):
    tab.goto(f"{origin}/?q=weight+decay", wait_until="load")
    assert _results(tab) > 0
    tab.goto(f"{origin}/articles/norms/?h=ridge", wait_until="load")
    tab.wait_for_selector("article mark", timeout=15000)
