"""The published addresses of a built site: every page, and every heading anchor of its content.

``addresses.txt`` (at the top of the repository) is the committed list; test_addresses.py fails when
an address disappears or a new one is not in it.  After adding a page or a heading:

    .venv/bin/mkdocs build --strict && .venv/bin/python -m tests.browser.addresses site

adds the new addresses and keeps every listed one that still resolves (directly or through a redirect
of mkdocs.yml's ``redirects`` plugin); it refuses to drop one that no longer does.
"""

from __future__ import annotations

import re
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from scripts.pipeline import ROOT

LIST = ROOT / "addresses.txt"
HEADER = """\
# Every published address of the site, below its address (SITE_URL): each page, and each
# heading anchor of its content. Instructors link these from syllabi: an address here must keep
# working. Renaming or moving a page: add a redirect (mkdocs.yml, plugin `redirects`) and keep its
# lines; changing a heading: give it its old id ({ #old-id }). Adding a page or heading: add its
# lines in the same change (python -m tests.browser.addresses site). Checked by
# tests/browser/test_addresses.py.
"""
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
# What the mkdocs-redirects plugin writes for a moved page.
_REDIRECT = re.compile(r'<meta http-equiv="refresh" content="0; url=([^"]+)">')


class _Anchors(HTMLParser):
    """Ids of the headings inside the page's <article> (the content, not the theme's chrome)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.ids: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "article":
            self.depth += 1
        elif self.depth and tag in HEADINGS and (anchor := dict(attrs).get("id")):
            self.ids.append(anchor)

    def handle_endtag(self, tag):
        if tag == "article" and self.depth:
            self.depth -= 1


def redirect_target(html: str) -> str | None:
    """The URL a mkdocs-redirects stub sends the reader to (None for a real page)."""
    match = _REDIRECT.search(html)
    return match.group(1) if match and "<title>Redirecting...</title>" in html else None


def page_file(site: Path, page: str) -> Path | None:
    """The file of a site path (``/`` for the home page, ``/a/b/`` for a page)."""
    target = site / page.lstrip("/")
    if page.endswith("/"):
        target = target / "index.html"
    return target if target.is_file() else None


def anchors(path: Path) -> list[str]:
    parser = _Anchors()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser.ids


def collect(site: Path) -> set[str]:
    """The addresses a built site publishes: its real pages (not 404, not redirect stubs) and their anchors."""
    found = set()
    for path in site.rglob("index.html"):
        if redirect_target(path.read_text(encoding="utf-8")) is not None:
            continue
        rel = "/" + path.relative_to(site).as_posix().removesuffix("index.html")
        found.add(rel)
        found.update(f"{rel}#{anchor}" for anchor in anchors(path))
    return found


def resolve(site: Path, address: str, hops: int = 5) -> str | None:
    """Where an address ends up in a built site (following redirect stubs), or None if it is broken."""
    page, _, anchor = address.partition("#")
    for _ in range(hops):
        path = page_file(site, page)
        if path is None:
            return None
        target = redirect_target(path.read_text(encoding="utf-8"))
        if target is None:
            break
        page = urlsplit(urljoin(f"http://site.invalid{page}", target)).path
    else:
        return None  # a redirect loop
    if anchor and anchor not in anchors(path):
        return None
    return f"{page}#{anchor}" if anchor else page


def read(path: Path = LIST) -> list[str]:
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()[:1] not in ("", "#")]


def write(site: Path, path: Path = LIST) -> list[str]:
    """Add the site's new addresses to the list; return the listed ones that no longer resolve (kept)."""
    listed = set(read(path)) if path.is_file() else set()
    broken = sorted(a for a in listed if resolve(site, a) is None)
    if not broken:
        scratch = path.with_name(path.name + ".tmp")  # never a half-written list
        scratch.write_text(HEADER + "".join(f"{a}\n" for a in sorted(listed | collect(site))), encoding="utf-8")
        scratch.replace(path)
    return broken


if __name__ == "__main__":
    if len(sys.argv) != 2 or not Path(sys.argv[1], "index.html").is_file():
        sys.exit("usage: python -m tests.browser.addresses <built site folder, e.g. site>")
    if broken := write(Path(sys.argv[1])):
        sys.exit(
            "not written: these listed addresses no longer resolve (add a redirect or restore the anchor):\n  "
            + "\n  ".join(broken)
        )
    print(f"{LIST.name}: {len(read())} addresses")
