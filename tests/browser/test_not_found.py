"""The "page not found" page, as the classroom server (scripts/serve_site.py, site/serve.py) serves
it: status 404 at any depth, and its links (home, every page of the map) and its search work."""

from __future__ import annotations

import threading

import pytest

from scripts import serve_site
from tools.browser import free_port

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def classroom(site):
    server = serve_site.make_server(str(site), free_port(), "127.0.0.1")
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize("address", ["/nowhere", "/articles/no-such-article/", "/a/b/c/d/page.html"])
def test_an_unknown_address_answers_404_with_links_that_all_work(browser, classroom, site, address):
    tab = browser.new_page(viewport={"width": 1280, "height": 900})
    failed = []
    tab.on("response", lambda r: r.status >= 400 and r.url != classroom + address and failed.append(r.url))
    try:
        response = tab.goto(classroom + address, wait_until="load")
        assert response.status == 404
        assert tab.locator("h1").inner_text() == "Page not found"
        links = tab.eval_on_selector_all('.md-content a[href]:not([href^="#"])', "as => as.map((a) => a.href)")
        map_links = tab.eval_on_selector_all(".not-found-map a", "as => as.map((a) => a.href)")
        checked = {}
        for url in {u.split("#")[0] for u in links} - {classroom + address}:  # not "#all-pages"
            checked[url] = tab.request.get(url).status
    finally:
        tab.close()
    assert '<a href="/.">Go to the home page</a>' in (site / "404.html").read_text(encoding="utf-8")  # absolute
    assert len(map_links) >= 20 and any(u.endswith("/code/") for u in map_links)
    assert {url: status for url, status in checked.items() if status != 200} == {}
    assert failed == []  # the page's own styles and scripts load from any depth


def test_the_search_link_opens_the_search(browser, classroom):
    tab = browser.new_page(viewport={"width": 390, "height": 844})
    try:
        tab.goto(f"{classroom}/deep/unknown/", wait_until="load")
        tab.locator(".not-found-search").click()
        tab.wait_for_timeout(100)
        assert tab.evaluate("document.getElementById('__search').checked")
    finally:
        tab.close()
