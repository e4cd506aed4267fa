"""The site's code pages: every page module and the shared modules, highlighted at build time.

Each module ``scripts/<path>.py`` becomes the generated page ``code/<path>.md`` (address
``code/<path>/``) with line numbers, an anchor on the ``def`` line of each top-level function and
class (``#compute``; a method is ``#Class.method``) and a list of them; ``code/index.md`` lists
every page. ``hooks/site_build.py`` adds them as virtual files, so they cannot drift from the code.

``url(module, function)`` is the address other code links to; ``link_captions`` adds to each
figure's caption a link to the function that draws it (read from the page's ``figures()``).
"""

from __future__ import annotations

import ast
import html
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path

from markdown import Markdown
from pymdownx.highlight import Highlight

from scripts import code_html
from scripts.pipeline import ROOT

CODE_DIR = "code"
INDEX = f"{CODE_DIR}/index.md"
SHARED = ("solvers", "fmt", "data", "style")  # shown after the pages, in this order
LINE_ANCHOR = "__codelineno-0-{}"  # what pymdownx.highlight (anchor_linenums) puts on every line
TITLE_ID = "source"  # the heading's id: the same on every code page, whatever the file is called


class CodePageError(LookupError):
    """An unknown module or function was asked for."""


@dataclass(frozen=True)
class Symbol:
    name: str  # "compute", or "Class.method"
    line: int  # of the ``def`` / ``class`` keyword (after any decorators)
    summary: str  # first line of the docstring, or ""


@dataclass(frozen=True)
class Module:
    name: str  # dotted, under scripts/: "pages.norms.figures", "solvers"
    path: Path

    @property
    def src_uri(self) -> str:
        return f"{CODE_DIR}/{self.name.replace('.', '/')}.md"

    @property
    def url(self) -> str:
        return f"{CODE_DIR}/{self.name.replace('.', '/')}/"

    @property
    def source_name(self) -> str:
        return self.path.relative_to(self.path.parents[len(self.name.split("."))]).as_posix()


def modules(root: Path = ROOT) -> list[Module]:
    """Page modules (single files, then each package's modules), then the shared modules."""
    scripts = root / "scripts"
    pages = scripts / "pages"
    found = []
    for path in sorted(pages.iterdir()):
        if path.is_dir() and (path / "__init__.py").is_file():
            for part in sorted(path.glob("*.py"), key=lambda p: (p.name != "__init__.py", p.name)):
                found.append(Module(f"pages.{path.name}.{part.stem}", part))
        elif path.suffix == ".py" and path.name != "__init__.py":
            found.append(Module(f"pages.{path.stem}", path))
    for name in SHARED:
        found.append(Module(name, scripts / f"{name}.py"))
    return found


def _normalise(module: str) -> str:
    name = module.removesuffix(".py").replace("/", ".")
    return name.removeprefix("scripts.")


def find(module: str, root: Path = ROOT) -> Module:
    """The module ``pages.norms.figures`` (also ``scripts.pages.norms.figures`` or ``pages/norms/figures.py``)."""
    name = _normalise(module)
    for candidate in modules(root):
        if candidate.name == name:
            return candidate
    raise CodePageError(f"no code page for module {module!r}: it is not a page module or one of {', '.join(SHARED)}")


def symbols(source: str) -> list[Symbol]:
    """Top-level functions and classes, and the methods of those classes, in source order."""

    def summary(node) -> str:
        doc = ast.get_docstring(node)
        return doc.strip().splitlines()[0] if doc else ""

    found = []
    for node in ast.parse(source).body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            found.append(Symbol(node.name, node.lineno, summary(node)))
        if isinstance(node, ast.ClassDef):
            for member in node.body:
                if isinstance(member, (ast.FunctionDef, ast.AsyncFunctionDef)):
                    found.append(Symbol(f"{node.name}.{member.name}", member.lineno, summary(member)))
    return found


def url(module: str, function: str | None = None, root: Path = ROOT) -> str:
    """Docs-relative address of a module's code page, or of one function on it (``code/solvers/#lasso_cd``)."""
    found = find(module, root)
    if function is None:
        return found.url
    names = [s.name for s in symbols(found.path.read_text(encoding="utf-8"))]
    if function not in names:
        raise CodePageError(f"module {found.name!r} ({found.source_name}) has no function or class {function!r}")
    return f"{found.url}#{function}"


def md_link(module: str, function: str, from_src_uri: str, root: Path = ROOT) -> str:
    """A Markdown link target to ``function`` from the page ``from_src_uri`` (MkDocs checks the anchor)."""
    url(module, function, root)  # raises when unknown
    target = find(module, root).src_uri
    return f"{posixpath.relpath(target, posixpath.dirname(from_src_uri) or '.')}#{function}"


# --- the pages ---------------------------------------------------------------------------------

_FRONT_MATTER = "---\ndescription: {description}\nhide:\n  - toc\nsearch:\n  exclude: true\n---\n\n"  # wide code


def _highlight(source: str) -> str:
    """The listing as pymdownx.highlight renders a numbered fenced block (Material lays out its line spans)."""
    highlighter = Highlight(
        Markdown(), linenums=True, anchor_linenums=True, line_spans="__span", linenums_style="table"
    )
    return highlighter.highlight(source, "python", classes=["language-python"], linestart=1)


_LINE_TARGET = re.compile(r'<a id="(__codelineno-0-\d+)" name="\1"></a>')
# Each line number is a link to its own line: 16 px tall links packed 19 px apart fail WCAG 2.5.8's
# 24 px target size (Lighthouse's target-size, issue 17), and they are 2 of every 9 elements of a
# code page. The numbers become plain text; every line keeps its #__codelineno-0-N target.
_LINE_NUMBER = re.compile(r'<span class="normal"><a href="#__codelineno-0-\d+">( *\d+)</a></span>')


def _anchored(listing: str, found: list[Symbol]) -> str:
    """Each symbol's id, just after its line's own anchor: a link to ``#name`` lands on the ``def`` line."""
    for symbol in found:
        line_anchor = f'<a id="{LINE_ANCHOR.format(symbol.line)}" name="{LINE_ANCHOR.format(symbol.line)}"></a>'
        at = listing.find(line_anchor)
        if at < 0:
            raise CodePageError(f"line {symbol.line} of {symbol.name!r} has no anchor in the highlighted listing")
        end = at + len(line_anchor)
        listing = f'{listing[:end]}<span class="code-def" id="{html.escape(symbol.name)}"></span>{listing[end:]}'
    # Each line's target <a id name> has no href, which HTML does not allow (Nu checker): a <span> with the same id.
    return _LINE_NUMBER.sub(r"\1", _LINE_TARGET.sub(r'<span id="\1"></span>', listing))


_LISTING_CODE = re.compile(r'(<td class="code"><div><pre><span></span><code>)(.*?)(</code>)', re.S)
_LINE_SPAN = re.compile(r'(?=<span id="__span-0-\d+">)')  # each line is one top-level span
# The listing goes to the browser in blocks of this many lines, each skipped until it is near the
# screen (scripts/code_html.py): about a phone screen's worth, so a page first lays out two or three.
LINES_PER_BLOCK = 50


def _sized(listing: str) -> str:
    """The listing's code in blocks the browser may skip until they are near (scripts/code_html.py)."""

    def blocks(match: re.Match) -> str:
        lines = [line for line in _LINE_SPAN.split(match[2]) if line]
        chunks = ("".join(lines[at : at + LINES_PER_BLOCK]) for at in range(0, len(lines), LINES_PER_BLOCK))
        return match[1] + "".join(map(code_html.sized, chunks)) + match[3]

    sized, found = _LISTING_CODE.subn(blocks, listing)
    if found != 1:
        raise CodePageError(f"expected one code column in the highlighted listing, found {found}")
    return sized


def _module_summary(source: str) -> str:
    doc = ast.get_docstring(ast.parse(source))
    return doc.strip().split("\n\n")[0].replace("\n", " ") if doc else ""


def page_markdown(module: Module) -> str:
    """The generated page of one module: title, what it is, its functions, the listing."""
    source = module.path.read_text(encoding="utf-8")
    found = symbols(source)
    if any(s.name == TITLE_ID for s in found):
        raise CodePageError(f"{module.source_name}: a function named {TITLE_ID!r} would share the page title's id")
    summary = _module_summary(source)
    description = f"The source of {module.source_name}, highlighted, with an anchor per function."
    index = posixpath.relpath(INDEX, posixpath.dirname(module.src_uri))
    items = "".join(
        f'<li><a href="#{html.escape(s.name)}"><code>{html.escape(s.name)}</code></a>'
        f'<span class="code-toc-line">line {s.line}</span>'
        + (f" <span class='code-toc-summary'>{html.escape(s.summary)}</span>" if s.summary else "")
        + "</li>"
        for s in found
    )
    toc = (
        f'<nav class="code-toc" aria-label="Functions in {html.escape(module.source_name)}">'
        f'<p class="code-toc-title">Functions and classes</p><ul>{items}</ul></nav>'
        if found
        else ""
    )
    return (
        _FRONT_MATTER.format(description=description)
        + f"# `{module.source_name}` {{ #{TITLE_ID} }}\n\n"
        + (f"<p class='code-summary'>{html.escape(summary)}</p>\n\n" if summary else "")
        + f"Generated from the repository's `{module.source_name}` when the site was built. "
        + f"[All code pages]({index}).\n"
        + "{ .code-meta }\n\n"
        + (f"{toc}\n\n" if toc else "")
        + f"<div class='code-listing'>{_sized(_anchored(_highlight(source), found))}</div>\n"
    )


def index_markdown(root: Path = ROOT) -> str:
    """``code/index.md``: every code page, one entry per page package with its modules beneath."""
    lines = [
        "---",
        "description: The code that computes every number and draws every figure of this site, one page per module.",
        "search:",
        "  exclude: true",
        "---",
        "",
        "# The code",
        "",
        "Every number and figure on this site is computed by the Python modules below. Each page shows",
        "one module's source exactly as the site was built from it, with line numbers and a link to",
        "every function; each figure's caption links to the function that draws it. The rules the",
        "page modules follow are in `scripts/pages/CONTRACT.md` of the repository.",
        "",
        "## Page modules { #pages }",
        "",
    ]
    listed = modules(root)
    packages: dict[str, list[Module]] = {}
    for module in listed:
        parts = module.name.split(".")
        if parts[0] == "pages":
            packages.setdefault(parts[1], []).append(module)

    def entry(module: Module, indent: str = "") -> str:
        link = posixpath.relpath(module.src_uri, CODE_DIR)
        summary = _module_summary(module.path.read_text(encoding="utf-8"))
        return f"{indent}- [`{module.source_name}`]({link})" + (f": {summary}" if summary else "")

    for slug, members in packages.items():
        if len(members) == 1:
            lines.append(entry(members[0]))
        else:
            lines.append(f"- `scripts/pages/{slug}/`, a package:")
            lines.extend(entry(m, "    ") for m in members)
    lines += ["", "## Shared modules { #shared }", ""]
    lines.extend(entry(m) for m in listed if m.name in SHARED)
    return "\n".join(lines) + "\n"


def is_code_page(src_uri: str) -> bool:
    return src_uri.startswith(f"{CODE_DIR}/")


def pages(root: Path = ROOT) -> dict[str, str]:
    """``{src_uri: markdown}`` of every generated page, the index first."""
    return {INDEX: index_markdown(root), **{m.src_uri: page_markdown(m) for m in modules(root)}}


# --- figure captions ---------------------------------------------------------------------------


def _figures_module(slug: str, root: Path = ROOT) -> Module:
    package = root / "scripts" / "pages" / slug
    return find(f"pages.{slug}.figures" if package.is_dir() else f"pages.{slug}", root)


def figure_functions(slug: str, root: Path = ROOT) -> dict[str, tuple[str, str]]:
    """``{figure name: (module, function)}``: who draws each figure of a page, read from its ``figures()``.

    A figure built inside ``figures()`` itself (``return {"unit-balls": fig}``) is drawn by ``figures``.
    """
    module = _figures_module(slug, root)
    tree = ast.parse(module.path.read_text(encoding="utf-8"))
    function = next((n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == "figures"), None)
    if function is None:
        raise CodePageError(f"{module.source_name} has no figures() function")
    drawn = {}
    for node in ast.walk(function):
        if isinstance(node, ast.Return) and isinstance(node.value, ast.Dict):
            for key, value in zip(node.value.keys, node.value.values, strict=True):
                if not (isinstance(key, ast.Constant) and isinstance(key.value, str)):
                    raise CodePageError(f"{module.source_name}: figures() returns a key that is not a string")
                if isinstance(value, ast.Call) and isinstance(value.func, ast.Name):
                    drawn[key.value] = (module.name, value.func.id)
                else:
                    drawn[key.value] = (module.name, "figures")
    return drawn


_IMAGE = re.compile(r"^(?P<indent>[ \t]*)!\[[^\]]*\]\((?P<src>[^)\s]*figures/(?P<slug>[^/)]+)/(?P<name>[^/)]+)\.svg)\)")


def link_captions(markdown: str, src_uri: str, root: Path = ROOT) -> str:
    """Add "Drawn by `function`" (a link to its code page) to the caption of every figure image.

    A figure is an image of ``figures/<slug>/<name>.svg`` followed by a ``/// caption`` block; an
    image without a caption is left alone. Raises ``CodePageError`` for a figure no ``figures()``
    draws.
    """
    lines = markdown.split("\n")
    known: dict[str, dict[str, tuple[str, str]]] = {}
    out: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        out.append(line)
        match = _IMAGE.match(line)
        i += 1
        if not match or i >= len(lines) or lines[i].strip() != "/// caption":
            continue
        indent, slug, name = match["indent"], match["slug"], match["name"]
        if slug not in known:
            known[slug] = figure_functions(slug, root)
        if name not in known[slug]:
            raise CodePageError(f"{src_uri}: figure {slug}/{name} is not drawn by the figures() of page {slug!r}")
        module, function = known[slug][name]
        end = next((j for j in range(i + 1, len(lines)) if lines[j].strip() == "///"), None)
        if end is None:
            raise CodePageError(f"{src_uri}: the caption of {slug}/{name} is not closed with ///")
        target = md_link(module, function, src_uri, root)
        source = find(module, root).source_name
        out.extend(lines[i:end])
        out += ["", f"{indent}Drawn by [`{function}`]({target}) in `{source}`.", f"{indent}{{ .drawn-by }}"]
        i = end
    return "\n".join(out)
