"""The built site in a real browser: one strict build, one local server, one Chromium per test session.

Environment:
- ``SITE_UNDER_TEST=<dir>``: test an already built site instead of building one (quick iterations);
- ``CHROMIUM=<path>``: the browser to drive (default ``/usr/bin/chromium``, Debian's package ``chromium``).
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from scripts.bench import CHROMIUM_ARGS  # closed-network flags, shared with the bench
from scripts.pipeline import ROOT

DOCS = ROOT / "docs"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
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
def site(tmp_path_factory) -> Path:
    """The site as `make site` builds it (strict), in a temporary directory."""
    if prebuilt := os.environ.get("SITE_UNDER_TEST"):
        return Path(prebuilt).resolve()
    out = tmp_path_factory.mktemp("browser-site")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    run = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=env,
    )
    assert run.returncode == 0, f"mkdocs build --strict failed:\n{run.stderr[-4000:]}"
    return out


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


@pytest.fixture(scope="session")
def origin(site: Path):
    """``http://127.0.0.1:<free port>``, serving the built site from a thread."""
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


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
