"""Lab pages (notebooks rendered by mkdocs-jupyter): links, download button, dead scripts, stylesheet.

Pure functions over HTML strings, so the build hook only wires them to MkDocs events.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable
from pathlib import Path

JUPYTER_CSS = "assets/stylesheets/jupyter.css"
_STYLE = re.compile(r"<style[^>]*>(.*?)</style>", re.S)
_MD_LINK = re.compile(r'href="(?![a-z]+:|#)([^"]+?\.md(?:#[^"]*)?)"')
# The notebook template's MathJax loader (empty src; math is already MathML) and its Mermaid
# loader (which names a CDN; labs draw no diagrams) are dead weight offline.
_DEAD_SCRIPT = re.compile(
    r'<script src=""></script>|<script type="text/x-mathjax-config">.*?</script>'
    r'|<script type="module">(?:(?!</script>).)*mermaid(?:(?!</script>).)*</script>',
    re.S,
)
# Only the notebook theme's own sheet is this large; small inline styles stay where they are.
_LARGE_STYLESHEET = 100_000


def rewrite_links(html: str, src_uri: str, page_url: str, url_of: Callable[[str], str | None]) -> tuple[str, list[str]]:
    """Turn ``href="../x.md#a"`` into the page's URL, relative to the lab; returns (html, missing targets).

    ``url_of(src_path)`` gives the site URL of a documentation file, or None when there is none.
    """
    source_dir = posixpath.dirname(src_uri)
    missing: list[str] = []

    def link(match: re.Match) -> str:
        path, _, anchor = match.group(1).partition("#")
        url = url_of(posixpath.normpath(posixpath.join(source_dir, path)))
        if url is None:
            missing.append(match.group(1))
            return match.group(0)
        rel = posixpath.relpath(url or ".", page_url or ".")
        target = "./" if rel == "." else f"{rel}/"
        return f'href="{target}{"#" + anchor if anchor else ""}"'

    return _MD_LINK.sub(link, html), missing


def download_button(src_uri: str) -> str:
    name = posixpath.basename(src_uri)
    return (
        f'<p><a class="md-button" href="{name}" download>Download the notebook ({name}, without outputs)</a> '
        "It needs only Python with numpy and matplotlib.</p>"
    )


def drop_dead_scripts(html: str) -> str:
    return _DEAD_SCRIPT.sub("", html)


def extract_stylesheet(html: str, page_url: str, site_dir: Path) -> str:
    """Move the notebook theme's inline stylesheet (over 500 KB) to one shared, cacheable file."""

    def extract(match: re.Match) -> str:
        css = match.group(1)
        if len(css) < _LARGE_STYLESHEET:
            return match.group(0)
        dest = site_dir / JUPYTER_CSS
        if not dest.is_file() or dest.read_text(encoding="utf-8") != css:
            dest.parent.mkdir(parents=True, exist_ok=True)
            dest.write_text(css, encoding="utf-8")
        return f'<link rel="stylesheet" href="{posixpath.relpath(JUPYTER_CSS, page_url.rstrip("/") or ".")}">'

    return _STYLE.sub(extract, html)
