"""The built HTML, read as files: every page tested, internal links and anchors resolve, images
exist with alt text, and the markup is valid (Nu HTML checker)."""

from __future__ import annotations

import fnmatch
import json
import re
import subprocess
import tomllib
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest

from scripts.pipeline import ROOT

from .conftest import built_pages, source_pages

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
ALLOWED = Path(__file__).with_name("html-allowed.toml")
BASE = "http://site.invalid/"  # a stand-in origin to resolve relative links against


class _Page(HTMLParser):
    """Ids (link targets) and every reference (href/src) of one HTML page."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.refs: list[tuple[str, str]] = []  # (tag, url)
        self.images: list[dict[str, str | None]] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(a["id"])
        if tag == "a" and a.get("name"):
            self.ids.add(a["name"])
        for key in ("href", "src"):
            if a.get(key) and not (tag == "link" and a.get("rel") in ("canonical", "alternate")):
                self.refs.append((tag, a[key]))
        if tag == "img":
            self.images.append(a)


def _parse(path: Path) -> _Page:
    parser = _Page()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def _site_path(page: str) -> str:
    return page if page.endswith(".html") or page == "" or page.endswith("/") else page + "/"


def _file_for(site: Path, path: str) -> Path | None:
    """The file a site path is served from, as http.server (and any static host) resolves it."""
    target = site / unquote(path).lstrip("/")
    if target.is_dir():
        target = target / "index.html"
    return target if target.is_file() else None


@pytest.fixture(scope="module")
def parsed(site: Path) -> dict[str, _Page]:
    return {page: _parse(_file_for(site, page)) for page in built_pages(site)}


def test_every_built_page_is_tested_in_the_browser(site: Path):
    """The browser tests are parametrized from docs/ (before the build): they must cover the built site."""
    assert set(built_pages(site)) == set(source_pages())


def _references(site: Path, parsed: dict[str, _Page]):
    for page, html in parsed.items():
        base = urljoin(BASE, page)
        for tag, ref in html.refs:
            url = urljoin(base, ref)
            if not url.startswith(BASE):
                continue  # another host (external link), or mailto:, data:, javascript:
            yield page, tag, ref, urlsplit(url)


def test_internal_links_and_anchors_resolve(site: Path, parsed: dict[str, _Page]):
    broken = []
    for page, tag, ref, url in _references(site, parsed):
        target = _file_for(site, url.path)
        if target is None:
            broken.append(f"{page or '/'}: <{tag}> {ref}: no such file")
            continue
        if url.fragment and target.suffix == ".html":
            ids = parsed.get(target.relative_to(site).as_posix().removesuffix("index.html"))
            ids = ids.ids if ids else _parse(target).ids
            if unquote(url.fragment) not in ids:
                broken.append(f"{page or '/'}: <{tag}> {ref}: no element with id {unquote(url.fragment)!r}")
    assert broken == [], "broken links:\n" + "\n".join(broken)


def test_there_are_links_to_check(site: Path, parsed: dict[str, _Page]):
    """Guard against a checker that silently checks nothing (e.g. after a change of URL scheme)."""
    fragments = [ref for _, _, ref, url in _references(site, parsed) if url.fragment]
    assert len(list(_references(site, parsed))) > 10 * len(parsed) and fragments


def test_every_image_exists_with_alt_text_and_figures_have_both_twins(site: Path, parsed: dict[str, _Page]):
    problems = []
    for page, html in parsed.items():
        srcs = [img.get("src") or "" for img in html.images]
        for img in html.images:
            src = img.get("src") or ""
            if not (img.get("alt") or "").strip():
                problems.append(f"{page}: {src}: no alt text")
            if src.endswith("#only-light") and src.replace(".svg#only-light", ".dark.svg#only-dark") not in srcs:
                problems.append(f"{page}: {src}: no dark twin")
            if src.endswith("#only-dark") and src.replace(".dark.svg#only-dark", ".svg#only-light") not in srcs:
                problems.append(f"{page}: {src}: no light twin")
            url = urlsplit(urljoin(urljoin(BASE, page), src))
            if url.scheme != "data" and _file_for(site, url.path) is None:
                problems.append(f"{page}: {src}: no such file")
    assert problems == [], "\n".join(problems)


def _allowed() -> list[dict]:
    return tomllib.loads(ALLOWED.read_text(encoding="utf-8"))["allowed"]


def _is_allowed(message: dict, rule: dict) -> bool:
    return fnmatch.fnmatch(message["file"], rule["file"]) and re.search(rule["message"], message["text"]) is not None


@pytest.fixture(scope="module")
def nu_errors(site: Path) -> list[dict]:
    """Errors of the Nu HTML checker (vnu-jar, from package-lock.json) on every page of the site."""
    files = sorted(str(p) for p in site.rglob("*.html"))
    run = subprocess.run(
        ["java", "-Xss1m", "-jar", str(VNU), "--errors-only", "--format", "json", *files],
        capture_output=True,
        text=True,
    )
    messages = json.loads(run.stderr)["messages"]
    return [
        {
            "file": Path(urlsplit(m["url"]).path).relative_to(site).as_posix(),
            "line": m.get("lastLine"),
            "text": m["message"],
        }
        for m in messages
        if m["type"] == "error" or m.get("subType") == "fatal"
    ]


@pytest.mark.slow
def test_html_is_valid(nu_errors: list[dict]):
    rules = _allowed()
    left = [m for m in nu_errors if not any(_is_allowed(m, r) for r in rules)]
    assert left == [], "\n".join(f"{m['file']}:{m['line']}: {m['text']}" for m in left)


@pytest.mark.slow
def test_every_allowed_html_error_still_occurs(nu_errors: list[dict]):
    """An allow-list entry that matches nothing is stale: remove it."""
    stale = [r for r in _allowed() if not any(_is_allowed(m, r) for m in nu_errors)]
    assert stale == [], f"stale entries in {ALLOWED.name}: {stale}"
