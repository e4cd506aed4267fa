"""Lab pages (notebooks rendered by mkdocs-jupyter): links, download button, dead scripts, stylesheet,
figures.

Pure functions over HTML strings, so the build hook only wires them to MkDocs events.
"""

from __future__ import annotations

import base64
import hashlib
import html as html_lib
import io
import os
import posixpath
import re
from collections.abc import Callable
from pathlib import Path

from PIL import Image

from scripts import code_html
from scripts.figure_html import ZOOM_TITLE

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
# A figure output as nbconvert writes it (matplotlib's inline PNG), and the cell each output is in.
_DATA_PNG = re.compile(r'<img\s[^>]*?src="data:image/png;base64,([^"]*)"[^>]*>')
_CELL_ID = re.compile(r'id="cell-id=([^"]+)"')
# The cell metadata key that holds the alt text of the figure a code cell draws.
ALT = "alt"


class LabFigureError(ValueError):
    """A lab's figure cannot be published as it is (no alt text, alt text without a figure, bad PNG)."""


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


# Pygments wraps every name (class "n") and run of whitespace ("w") of code in a span; the theme gives
# a name the code's own colour and whitespace none, so these spans change nothing on screen but are
# a quarter of a lab's DOM (1,241 of 5,282 nodes on labs/geometry), which the theme's scripts restyle
# on load and on every scroll (issue 17). tests/browser/test_code_blocks.py checks the premise.
PLAIN_TOKENS = ("n", "w")
_PRE = re.compile(r"<pre\b.*?</pre>", re.S)
_PLAIN_TOKEN = re.compile(rf'<span class="(?:{"|".join(PLAIN_TOKENS)})">([^<]*)</span>')


def unwrap_plain_tokens(html: str) -> str:
    """The text of the code's name and whitespace spans, without the spans (only inside ``<pre>``)."""
    return _PRE.sub(lambda pre: _PLAIN_TOKEN.sub(r"\1", pre.group(0)), html)


_CODE = re.compile(r'(<div class="highlight-ipynb[^"]*"><pre>)(.*?)(</pre>)', re.S)


def size_code_cells(html: str) -> str:
    """Each code cell's code sized for the browser to skip until it is near (scripts/code_html.py)."""
    return _CODE.sub(lambda match: match[1] + code_html.sized(match[2]) + match[3], html)


def drop_dead_scripts(html: str) -> str:
    return _DEAD_SCRIPT.sub("", html)


# The notebook template writes `<clipboard-copy for="cell-N", aria-label=...>`: the comma becomes an
# attribute named "," on every copy button, which reaches the page re-serialised as `,=""`.
_COPY_BUTTON_COMMA = re.compile(r'(<clipboard-copy\b[^>]*?)(?:\s,=""|(?<="),(?=\s))')


def mend_copy_buttons(html: str) -> str:
    return _COPY_BUTTON_COMMA.sub(r"\1", html)


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


def figure_alts(notebook: dict, name: str) -> dict[str, str]:
    """``{cell id: alt text}`` from the code cells' metadata (``"alt": "what the figure shows"``)."""
    alts = {}
    for cell in notebook.get("cells", []):
        alt = cell.get("metadata", {}).get(ALT)
        if alt is None:
            continue
        if not isinstance(alt, str) or not alt.strip():
            raise LabFigureError(f"{name}: {cell.get('id')}: metadata {ALT!r} must be non-empty text, not {alt!r}")
        alts[cell["id"]] = " ".join(alt.split())
    return alts


def optimise_png(data: bytes) -> tuple[bytes, tuple[int, int]]:
    """An opaque PNG as an indexed one (256 colours, no dithering), and its size in pixels.

    Matplotlib writes RGBA with a few hundred to a few thousand colours, almost all antialiasing
    shades: 256 keep every channel within a few levels at about a third of the bytes (PNG does
    not gzip). An image with transparency, or one that would not shrink, is kept as it is.
    """
    try:
        with Image.open(io.BytesIO(data)) as image:
            image.load()
    except (OSError, SyntaxError) as exc:  # Pillow's errors for data that is not a readable image
        raise LabFigureError(f"not a readable PNG: {exc}") from exc
    if image.format != "PNG":
        raise LabFigureError(f"not a PNG but {image.format}")
    if "A" in image.getbands() and image.getchannel("A").getextrema() != (255, 255):
        return data, image.size
    indexed = image.convert("RGB").quantize(256, method=Image.Quantize.MAXCOVERAGE, dither=Image.Dither.NONE)
    out = io.BytesIO()
    indexed.save(out, "PNG", optimize=True)
    smaller = out.getvalue()
    return (smaller if len(smaller) < len(data) else data), image.size


def externalize_figures(html: str, alts: dict[str, str], name: str) -> tuple[str, dict[str, bytes]]:
    """Each inline PNG output becomes a file next to the page: ``(html, {file name: bytes})``.

    The ``<img>`` gets its size (no layout shift), the alt text of its cell (``figure_alts``),
    lazy loading (a figure below the first screen costs nothing until the reader gets there),
    a name with its content hash (a changed figure is never a stale cached one), and the link that
    opens it full size, as every figure of the site has.
    """
    cells = [(m.start(), m.group(1)) for m in _CELL_ID.finditer(html)]
    files: dict[str, bytes] = {}
    drawn: set[str] = set()

    def figure(match: re.Match) -> str:
        before = [cell for start, cell in cells if start < match.start()]
        cell = before[-1] if before else None
        if cell not in alts:
            raise LabFigureError(
                f"{name}: {cell or 'a figure before any cell'} draws a figure without alt text: "
                f"say what it shows in the cell's metadata, {ALT!r}"
            )
        drawn.add(cell)
        try:
            png, (width, height) = optimise_png(base64.b64decode(match.group(1), validate=True))
        except (ValueError, LabFigureError) as exc:  # binascii.Error is a ValueError
            raise LabFigureError(f"{name}: {cell}: figure output: {exc}") from exc
        file = f"figure-{len(files) + 1}.{hashlib.sha256(png).hexdigest()[:10]}.png"
        files[file] = png
        alt = html_lib.escape(alts[cell])
        img = f'<img src="{file}" width="{width}" height="{height}" alt="{alt}" loading="lazy" decoding="async">'
        return f'<a class="figure-zoom" href="{file}" title="{ZOOM_TITLE}">{img}</a>'

    out = _DATA_PNG.sub(figure, html)
    if unused := sorted(set(alts) - drawn):
        raise LabFigureError(f"{name}: alt text for a figure, but no figure in {', '.join(unused)}")
    return out, files


def write_files(directory: Path, files: dict[str, bytes]) -> None:
    """Write each file whole (a temporary file renamed into place); an unchanged one is left alone."""
    directory.mkdir(parents=True, exist_ok=True)
    for file, data in files.items():
        dest = directory / file
        if dest.is_file() and dest.read_bytes() == data:
            continue
        partial = dest.with_name(f".{file}.partial")
        partial.write_bytes(data)
        os.replace(partial, dest)
