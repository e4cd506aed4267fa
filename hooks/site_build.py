"""MkDocs hooks: make ``mkdocs build`` alone produce a complete, current, offline site.

1. on_pre_build      rebuild stale figures (a subprocess, so page code is always fresh);
2. on_files          serve ``figures/**.svg`` without copying them into ``docs/``;
3. on_page_markdown  check every quoted number against its code, expand errata tables;
4. on_page_content   TeX -> MathML at build time; light/dark twins for figures; labs: math,
                     links to pages, a download button;
5. on_post_page      labs: move the notebook theme's stylesheet to one shared file, drop dead loaders;
6. on_post_build     purge that stylesheet; ship the math font, subset to the glyphs the pages use.

Every problem is logged as a warning, so ``mkdocs build --strict`` refuses to publish it.
"""

from __future__ import annotations

import importlib
import logging
import posixpath
import re
import subprocess
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # hooks load before the project is importable
    sys.path.insert(0, str(ROOT))
log = logging.getLogger("mkdocs.hooks.site_build")

import scripts.csspurge  # noqa: E402
import scripts.errata  # noqa: E402
import scripts.figure_html  # noqa: E402
import scripts.mathml  # noqa: E402
import scripts.pipeline  # noqa: E402
import scripts.prose  # noqa: E402

_state: dict = {}
_IMG = re.compile(r'<img([^>]*?)\ssrc="([^"]*?figures/[^"]+?)\.svg"([^>]*)>')
FONT_SRC = ROOT / "assets" / "fonts" / "latinmodern-math.woff2"
FONT_DEST = "assets/fonts/latinmodern-math.woff2"
TEMML = ROOT / "node_modules" / "temml" / "dist"
JUPYTER_CSS = "assets/stylesheets/jupyter.css"
_STYLE = re.compile(r"<style[^>]*>(.*?)</style>", re.S)
_DEAD_SCRIPT = re.compile(
    r'<script src=""></script>|<script type="text/x-mathjax-config">.*?</script>'
    r'|<script type="module">(?:(?!</script>).)*mermaid(?:(?!</script>).)*</script>',
    re.S,
)


def on_config(config):
    # `mkdocs serve` keeps this module loaded: reload what it calls so edits take effect.
    reloaded = (scripts.pipeline, scripts.prose, scripts.errata, scripts.mathml, scripts.csspurge, scripts.figure_html)
    for module in reloaded:
        importlib.reload(module)
    return config


def on_pre_build(config):
    stale = {slug: why for slug in scripts.pipeline.slugs() if (why := scripts.pipeline.stale_reason(slug))}
    if stale:
        log.info("figures stale (%s): rebuilding", ", ".join(f"{s}: {w}" for s, w in stale.items()))
        run = subprocess.run([sys.executable, "-m", "scripts.build", *stale], cwd=ROOT, capture_output=True, text=True)
        if run.returncode:
            raise PluginError(f"figure build failed:\n{run.stdout}{run.stderr}")
    _state["numbers"] = scripts.pipeline.committed_numbers()
    _state["math"] = scripts.mathml.Renderer()


def on_files(files, config):
    for svg in sorted((ROOT / "figures").glob("*/*.svg")):
        uri = svg.relative_to(ROOT).as_posix()
        files.append(File.generated(config, uri, abs_src_path=str(svg)))
    return files


def _is_notebook(page) -> bool:
    return page.file.src_uri.endswith(".ipynb")


def on_page_markdown(markdown, page, config, files):
    where = page.file.src_uri
    if _is_notebook(page):  # a lab computes its own numbers; tests compare them with the pages
        return markdown
    numbers = _state["numbers"]
    for problem in scripts.prose.check(markdown, numbers):
        log.warning("%s: %s", where, problem)
    try:
        for problem in scripts.prose.check(scripts.errata.prose(markdown), numbers):
            log.warning("%s: errata text: %s", where, problem.message)
        markdown = scripts.errata.expand(markdown, where)
    except scripts.errata.ErrataError as exc:
        log.warning("%s: %s", where, exc)
    return scripts.prose.strip(markdown)


def _figure(match: re.Match) -> str:
    before, src, after = match.groups()
    return scripts.figure_html.picture(before + after, src) or match.group(0)


def _notebook(html: str, page, files) -> str:
    """Labs: typeset their $...$ math, resolve their links to pages, offer the .ipynb for download."""
    source_dir = posixpath.dirname(page.file.src_uri)

    def link(match: re.Match) -> str:
        path, _, anchor = match.group(1).partition("#")
        target = files.get_file_from_path(posixpath.normpath(posixpath.join(source_dir, path)))
        if target is None:
            log.warning("%s: link to missing page %s", page.file.src_uri, match.group(1))
            return match.group(0)
        rel = posixpath.relpath(target.url or ".", page.url or ".")
        url = "./" if rel == "." else f"{rel}/"
        return f'href="{url}{"#" + anchor if anchor else ""}"'

    html = re.sub(r'href="(?![a-z]+:|#)([^"]+?\.md(?:#[^"]*)?)"', link, html)
    html = _state["math"].dollars(html)  # Markdown cells keep $...$; code and outputs are spared
    name = posixpath.basename(page.file.src_uri)
    button = (
        f'<p><a class="md-button" href="{name}" download>Download the notebook ({name})</a> '
        "It needs only Python with numpy and matplotlib.</p>"
    )
    return button + html


def on_page_content(html, page, config, files):
    html = _IMG.sub(_figure, html)
    try:
        if _is_notebook(page):
            return _notebook(html, page, files)
        return scripts.mathml.label_header_math(_state["math"].page(html))
    except scripts.mathml.MathError as exc:
        log.warning("%s: math: %s", page.file.src_uri, exc)
        return html


def on_post_page(output, page, config):
    """Move the notebook theme's inline stylesheet (over 500 KB) into one cached file."""
    if not _is_notebook(page):
        return output
    _state.setdefault("notebook_classes", set()).update(scripts.csspurge.classes_in(output))

    def extract(match: re.Match) -> str:
        css = match.group(1)
        if len(css) < 100_000:
            return match.group(0)
        dest = Path(config["site_dir"]) / JUPYTER_CSS
        if not dest.is_file() or dest.read_text(encoding="utf-8") != css:
            dest.parent.mkdir(parents=True, exist_ok=True)
            dest.write_text(css, encoding="utf-8")
        return f'<link rel="stylesheet" href="{posixpath.relpath(JUPYTER_CSS, page.url.rstrip("/") or ".")}">'

    output = _STYLE.sub(extract, output)
    # The notebook template's MathJax loader (empty src, math is already MathML) and its
    # Mermaid loader (which names a CDN; labs draw no diagrams) are dead weight offline.
    output = _DEAD_SCRIPT.sub("", output)
    # Variables the page's remaining inline styles use must survive the purge of the shared sheet.
    _state.setdefault("notebook_variables", set()).update(scripts.csspurge.variables_used(output))
    return output


def on_post_build(config):
    jupyter_css = Path(config["site_dir"]) / JUPYTER_CSS
    if jupyter_css.is_file() and "notebook_classes" in _state:
        full = jupyter_css.read_text(encoding="utf-8")
        kept = scripts.csspurge.purge(full, _state.pop("notebook_classes"))
        css = scripts.csspurge.drop_unused_variables(kept, _state.pop("notebook_variables", set()))
        jupyter_css.write_text(css, encoding="utf-8")
        log.info("notebook stylesheet: %.0f KiB -> %.0f KiB", len(full) / 1024, len(css) / 1024)

    renderer = _state.pop("math")
    chars = renderer.characters()
    renderer.close()
    _ship_math_assets(Path(config["site_dir"]), chars)


def _math_italic(char: str) -> str | None:
    """The Mathematical Italic twin of a Latin or Greek letter (what the browser draws for <mi>x</mi>)."""
    code = ord(char)
    if char == "h":
        return "\u210e"  # the italic h lives in Letterlike Symbols
    if 0x61 <= code <= 0x7A:
        return chr(0x1D44E + code - 0x61)
    if 0x41 <= code <= 0x5A:
        return chr(0x1D434 + code - 0x41)
    if 0x3B1 <= code <= 0x3C9:
        return chr(0x1D6FC + code - 0x3B1)
    if 0x391 <= code <= 0x3A9:
        return chr(0x1D6E2 + code - 0x391)
    return None


def _ship_math_assets(site_dir: Path, chars: set[str]) -> None:
    """The Latin Modern Math font cut to the characters used, and Temml's stylesheet pointing at it."""
    from fontTools import subset

    # Single letters in <mi> are drawn from the Mathematical Italic block: keep the italic twin
    # of every letter the math uses, not the whole block.
    italic = {_math_italic(c) for c in chars} - {None}
    # <msqrt>/<mroot> draw U+221A, which appears in no text node.
    basic = {chr(c) for c in range(0x20, 0x7F)} | {"\u221a"}
    options = subset.Options()
    options.flavor = "woff2"
    options.layout_features = ["*"]
    options.drop_tables += ["FFTM"]  # FontForge timestamps: not needed to render
    font = subset.load_font(str(FONT_SRC), options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(text="".join(sorted(chars | italic | basic)))
    subsetter.subset(font)
    dest = site_dir / FONT_DEST
    dest.parent.mkdir(parents=True, exist_ok=True)
    subset.save_font(font, str(dest), options)
    css = (TEMML / "Temml-Latin-Modern.css").read_text(encoding="utf-8")
    css = css.replace("url('./latinmodernmath.woff2')", "url('../fonts/latinmodern-math.woff2')")
    css = css.replace("url('Temml.woff2')", "url('../fonts/Temml.woff2')")
    if "../fonts/latinmodern-math.woff2" not in css:
        raise PluginError("Temml's stylesheet changed: update the font path rewrite in hooks/site_build.py")
    (site_dir / "assets" / "stylesheets" / "temml.css").write_text(css, encoding="utf-8")
    (dest.parent / "Temml.woff2").write_bytes((TEMML / "Temml.woff2").read_bytes())
    log.info("math font subset: %d characters, %.1f KiB", len(chars), dest.stat().st_size / 1024)


def on_shutdown():
    if "math" in _state:
        _state.pop("math").close()
