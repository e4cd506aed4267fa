"""scripts/serve_site.py: the classroom server answers unknown addresses with the site's 404 page."""

from __future__ import annotations

import threading
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from scripts import serve_site
from tools.browser import free_port


@pytest.fixture
def served(tmp_path: Path):
    (tmp_path / "404.html").write_text("<h1>Page not found</h1>", encoding="utf-8")
    (tmp_path / "page").mkdir()
    (tmp_path / "page" / "index.html").write_text("<h1>A page</h1>", encoding="utf-8")
    (tmp_path / "bare").mkdir()  # a folder without index.html
    server = serve_site.make_server(str(tmp_path), free_port(), "127.0.0.1")
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def _get(url: str, method: str = "GET") -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(urllib.request.Request(url, method=method)) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        with error:
            return error.code, error.read()


def test_a_page_is_served(served):
    assert _get(f"{served}/page/") == (200, b"<h1>A page</h1>")


@pytest.mark.parametrize("address", ["/no/such/page/", "/missing.html", "/bare/"])
def test_an_unknown_address_or_a_bare_folder_gets_the_site_404_page(served, address):
    assert _get(served + address) == (404, b"<h1>Page not found</h1>")


def test_head_of_an_unknown_address_has_no_body(served):
    assert _get(f"{served}/nothing", method="HEAD") == (404, b"")


def test_a_folder_without_404_page_is_refused_with_a_clear_error(tmp_path):
    with pytest.raises(FileNotFoundError, match=r"no 404\.html"):
        serve_site.make_server(str(tmp_path), free_port(), "127.0.0.1")
    assert serve_site.main(["--directory", str(tmp_path), "--port", str(free_port())]) == 1
