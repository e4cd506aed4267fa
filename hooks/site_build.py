"""MkDocs hooks: wire MkDocs' events to the project's tested modules (no logic of their own here).

1. on_startup        remember whether this is ``mkdocs serve``;
2. on_pre_build      figures current?  ``serve`` rebuilds stale pages (a subprocess, so page code
                     is always fresh); ``build`` fails naming them, as CI's check does;
3. on_files          serve ``figures/**.svg`` and explorables' data ``.json`` without copying them;
                     scripts.code_pages: the code pages, generated from the modules;
                     scripts/serve_site.py as site/serve.py (the classroom server);
4. on_page_markdown  scripts.page_markdown: check every quoted number, expand errata tables;
                     scripts.citation: <!-- citation --> becomes BibTeX and APA from CITATION.cff;
                     scripts.code_pages: each figure caption links the function that draws it;
                     scripts.glossary: the glossary page's entries (registry glossary.toml);
5. on_page_content   scripts.mathml: TeX -> MathML; light/dark figure twins; reading time;
                     labs (scripts.notebook_html): math, links to pages, a download button;
                     scripts.glossary: first use of each term linked (tooltip: its definition);
                     scripts.search_index: what the search must skip (TeX, display math, lab code);
6. on_post_page      labs: their theme stylesheet moved to one shared file, dead loaders dropped,
                     figure outputs re-encoded into files next to the page (alt text: cell metadata);
7. on_post_build     scripts.csspurge on that stylesheet and on the theme's; scripts.mathfont: the
                     math font subset; scripts.search_index: the search index ranked (labs lower)
                     and Greek spelled out.

Every problem is logged as a warning, so ``mkdocs build --strict`` refuses to publish it.
"""

from __future__ import annotations

import importlib
import json
import logging
import re
import subprocess
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, InclusionLevel

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # hooks load before the project is importable
    sys.path.insert(0, str(ROOT))
log = logging.getLogger("mkdocs.hooks.site_build")

import scripts.article_template  # noqa: E402
import scripts.changelog  # noqa: E402
import scripts.citation  # noqa: E402
import scripts.code_pages  # noqa: E402
import scripts.csspurge  # noqa: E402
import scripts.errata  # noqa: E402
import scripts.figure_html  # noqa: E402
import scripts.glossary  # noqa: E402
import scripts.mathfont  # noqa: E402
import scripts.mathml  # noqa: E402
import scripts.notebook_html  # noqa: E402
import scripts.page_markdown  # noqa: E402
import scripts.pipeline  # noqa: E402
import scripts.prose  # noqa: E402
import scripts.search_index  # noqa: E402

# Reloaded by on_config: `mkdocs serve` keeps this hook loaded, so edits to them take effect.
_MODULES = (
    scripts.pipeline,
    scripts.prose,
    scripts.errata,
    scripts.changelog,  # after errata (its error class), before page_markdown (which calls it)
    scripts.article_template,  # likewise
    scripts.page_markdown,
    scripts.mathml,
    scripts.csspurge,
    scripts.notebook_html,
    scripts.mathfont,
    scripts.figure_html,
    scripts.code_pages,
    scripts.citation,
    scripts.search_index,
    scripts.glossary,
)
_state: dict = {"serve": False}
_IMG = re.compile(r'<img([^>]*?)\ssrc="([^"]*?figures/[^"]+?)\.svg"([^>]*)>')


def on_startup(command, dirty):
    _state["serve"] = command == "serve"


def on_config(config):
    for module in _MODULES:
        importlib.reload(module)
    return config


def on_pre_build(config):
    stale = scripts.pipeline.stale_pages()
    if stale and _state["serve"]:
        log.info("figures stale (%s): rebuilding", ", ".join(f"{s}: {w}" for s, w in stale.items()))
        run = subprocess.run([sys.executable, "-m", "scripts.build", *stale], cwd=ROOT, capture_output=True, text=True)
        if run.returncode:
            raise PluginError(f"figure build failed:\n{run.stdout}{run.stderr}")
    elif stale:
        pages = "; ".join(f"{s} ({w})" for s, w in stale.items())
        raise PluginError(
            f"figures are stale: {pages}. Run `make figures` (python -m scripts.build --stale) and commit."
        )
    _state["numbers"] = scripts.pipeline.committed_numbers()
    _state["math"] = scripts.mathml.Renderer()
    try:
        _state["glossary"] = scripts.glossary.load()
    except scripts.glossary.GlossaryError as exc:
        raise PluginError(str(exc)) from exc
    _state["linker"] = scripts.glossary.Linker(_state["glossary"])


def on_files(files, config):
    # Figures, and the data files of explorables (``data()`` outputs; not the pipeline's own records).
    served = [*(ROOT / "figures").glob("*/*.svg"), *(ROOT / "figures").glob("*/*.json")]
    for path in sorted(p for p in served if p.name not in (scripts.pipeline.NUMBERS, scripts.pipeline.MANIFEST)):
        uri = path.relative_to(ROOT).as_posix()
        files.append(File.generated(config, uri, abs_src_path=str(path)))
    # The classroom server, shipped with the site (site/serve.py): it serves 404.html, http.server does not.
    files.append(File.generated(config, "serve.py", abs_src_path=str(ROOT / "scripts" / "serve_site.py")))
    # The code pages: only their index is in the nav, it lists the others.
    for uri, markdown in scripts.code_pages.pages().items():
        inclusion = InclusionLevel.INCLUDED if uri == scripts.code_pages.INDEX else InclusionLevel.NOT_IN_NAV
        files.append(File.generated(config, uri, content=markdown, inclusion=inclusion))
    return files


def _is_notebook(page) -> bool:
    return page.file.src_uri.endswith(".ipynb")


def on_page_markdown(markdown, page, config, files):
    if _is_notebook(page) or scripts.code_pages.is_code_page(page.file.src_uri):
        return markdown  # a lab computes its own numbers (tests compare them); a code page is code
    markdown, problems = scripts.page_markdown.process(markdown, page.file.src_uri, _state["numbers"])
    for problem in problems:
        log.warning("%s", problem)
    if scripts.glossary.MARKER in markdown:
        markdown = scripts.glossary.expand(markdown, page.file.src_uri, _state["glossary"])
    try:
        markdown = scripts.citation.expand(markdown)
        return scripts.code_pages.link_captions(markdown, page.file.src_uri)
    except (scripts.code_pages.CodePageError, scripts.citation.CitationError) as exc:
        log.warning("%s: %s", page.file.src_uri, exc)
        return markdown


def _figure(match: re.Match) -> str:
    before, src, after = match.groups()
    return scripts.figure_html.picture(before + after, src) or match.group(0)


def _notebook(html: str, page, files) -> str:
    """Labs: typeset their $...$ math, resolve their links to pages, offer the .ipynb for download."""

    def url_of(path: str) -> str | None:
        target = files.get_file_from_path(path)
        return None if target is None else target.url

    html, missing = scripts.notebook_html.rewrite_links(html, page.file.src_uri, page.url, url_of)
    for target in missing:
        log.warning("%s: link to missing page %s", page.file.src_uri, target)
    html = _state["math"].dollars(html)  # Markdown cells keep $...$; code and outputs are spared
    html = scripts.mathml.keep_punctuation_with_math(html)
    return scripts.notebook_html.download_button(page.file.src_uri) + html


def on_page_content(html, page, config, files):
    html = _IMG.sub(_figure, html)
    try:
        if _is_notebook(page):
            html = _notebook(html, page, files)
        else:
            html = scripts.mathml.keep_numbers_with_math(scripts.mathml.label_header_math(_state["math"].page(html)))
    except scripts.mathml.MathError as exc:
        log.warning("%s: math: %s", page.file.src_uri, exc)
        return html
    glossary = files.get_file_from_path(scripts.glossary.PAGE)
    if glossary is not None and page.file.src_uri != scripts.glossary.PAGE:
        html = _state["linker"].link(html, scripts.glossary.glossary_href(page.url, glossary.url))
    html = scripts.article_template.fill_reading_time(html)  # last: counts the words as shown
    return scripts.search_index.mark_page(html, lab=scripts.search_index.is_code_page(page.file.src_uri))


def _lab_figures(output: str, page, config) -> str:
    """The lab's figure outputs as files next to it, with their alt text from the notebook (issue 17)."""
    source = Path(page.file.abs_src_path)
    notebook = json.loads(source.read_text(encoding="utf-8"))
    try:
        alts = scripts.notebook_html.figure_alts(notebook, page.file.src_uri)
        output, figures = scripts.notebook_html.externalize_figures(output, alts, page.file.src_uri)
    except scripts.notebook_html.LabFigureError as exc:
        raise PluginError(str(exc)) from exc
    scripts.notebook_html.write_files((Path(config["site_dir"]) / page.file.dest_path).parent, figures)
    return output


def on_post_page(output, page, config):
    if not _is_notebook(page):
        return output
    _state.setdefault("notebook_classes", set()).update(scripts.csspurge.classes_in(output))
    output = scripts.notebook_html.extract_stylesheet(output, page.url, Path(config["site_dir"]))
    output = scripts.notebook_html.mend_copy_buttons(scripts.notebook_html.drop_dead_scripts(output))
    output = scripts.notebook_html.size_code_cells(scripts.notebook_html.unwrap_plain_tokens(output))
    output = _lab_figures(output, page, config)
    # Variables the page's remaining inline styles use must survive the purge of the shared sheet.
    _state.setdefault("notebook_variables", set()).update(scripts.csspurge.variables_used(output))
    return output


def on_post_build(config):
    jupyter_css = Path(config["site_dir"]) / scripts.notebook_html.JUPYTER_CSS
    if jupyter_css.is_file() and "notebook_classes" in _state:
        full = jupyter_css.read_text(encoding="utf-8")
        kept = scripts.csspurge.purge(full, _state.pop("notebook_classes"))
        css = scripts.csspurge.drop_unused_variables(kept, _state.pop("notebook_variables", set()))
        jupyter_css.write_text(css, encoding="utf-8")
        log.info("notebook stylesheet: %.0f KiB -> %.0f KiB", len(full) / 1024, len(css) / 1024)

    _clean_search_index(Path(config["site_dir"]) / "search" / "search_index.json")
    # The theme's stylesheets: rules no page or script can match (Material's are written for every
    # feature and colour; issue 17). After the notebook sheet, so its own rules are not judged by it.
    for sheet, before, after in scripts.csspurge.purge_theme(config["site_dir"]):
        log.info("theme stylesheet %s: %.0f KiB -> %.0f KiB", sheet, before / 1024, after / 1024)

    renderer = _state.pop("math")
    chars = renderer.characters()
    renderer.close()
    try:
        size = scripts.mathfont.ship(Path(config["site_dir"]), chars)
    except scripts.mathfont.MathFontError as exc:
        raise PluginError(str(exc)) from exc
    log.info("math font subset: %d characters, %.1f KiB", len(chars), size / 1024)


def _clean_search_index(path: Path) -> None:
    # Runs after the search plugin's on_post_build (hooks come after plugins), which wrote the index.
    if not path.is_file():
        raise PluginError(f"{path} is missing: the search plugin did not write its index")
    raw = path.read_text(encoding="utf-8")
    try:
        cleaned = scripts.search_index.clean_index(raw)
    except scripts.search_index.SearchIndexError as exc:
        raise PluginError(str(exc)) from exc
    for fragment in scripts.search_index.tex_in(cleaned)[:5]:
        log.warning("search index: TeX source left in: %r", fragment)
    path.write_text(cleaned, encoding="utf-8")
    log.info("search index: %.0f KiB -> %.0f KiB", len(raw.encode()) / 1024, len(cleaned.encode()) / 1024)


def on_shutdown():
    if "math" in _state:
        _state.pop("math").close()
