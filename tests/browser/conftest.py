"""The built site in a real browser: one strict build, one local server, one Chromium per test session.

Environment:
- ``SITE_UNDER_TEST=<dir>``: test an already built site instead of building one (quick iterations);
- ``CHROMIUM=<path>``: the browser to drive (default ``/usr/bin/chromium``, Debian's package ``chromium``).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from scripts.pipeline import ROOT
from tools.browser import CHROMIUM, CHROMIUM_ARGS, Server, free_port  # shared with the bench

DOCS = ROOT / "docs"
SCREENSHOTS = ROOT / "reports" / "screenshots"
SCHEMES = ("light", "dark")


def page_url(source: Path) -> str:
    """The site path MkDocs gives a source page (``use_directory_urls``): ``a/b.md`` -> ``a/b/``."""
    rel = source.relative_to(DOCS).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] in ("index", "README"):
        parts.pop()
    return "/".join(parts) + "/" if parts else ""


def source_pages() -> list[str]:
    """Every page the site will have, from docs/ (test_built_html compares it with the built site)."""
    sources = [p for p in DOCS.rglob("*") if p.suffix in (".md", ".ipynb") and ".ipynb_checkpoints" not in p.parts]
    return [*sorted({page_url(p) for p in sources}), "404.html"]


def built_pages(site: Path) -> list[str]:
    """Every HTML page of a built site, as a site path."""
    pages = []
    for path in site.rglob("*.html"):
        rel = path.relative_to(site).as_posix()
        pages.append(rel.removesuffix("index.html") if path.name == "index.html" else rel)
    return sorted(pages)


def screenshot_name(page: str, scheme: str) -> str:
    stem = page.removesuffix("/").removesuffix(".html").replace("/", "_") or "home"
    return f"{stem}-{scheme}.png"


@pytest.fixture(scope="session")
def origin(site: Path):
    """``http://127.0.0.1:<free port>``, serving the built site (gzip, as a static host) from a thread."""
    with Server(site, free_port()) as server:
        yield server.origin


@pytest.fixture(scope="session")
def browser():
    if not (Path(CHROMIUM).is_file() or shutil.which(CHROMIUM)):
        pytest.fail(
            f"no Chromium at {CHROMIUM}: install Debian's package (apt-get install -y chromium) "
            "or set CHROMIUM=/path/to/chromium",
            pytrace=False,
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def screenshots() -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS
