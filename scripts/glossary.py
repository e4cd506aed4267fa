"""The glossary: one registry (``glossary.toml``), its page, and links from every page to it.

- :func:`load` reads and validates the registry; a bad entry raises :class:`GlossaryError` naming
  the file, the entry and the field.
- :func:`expand` replaces the marker ``<!-- glossary -->`` of ``docs/glossary.md`` by the entries
  (a definition list; each term has an anchor, and a link to the section that explains it).
- :func:`link_terms` (on every other page's HTML) turns the first use of each term in the prose
  into a link to its entry whose ``title`` is the definition: Material's ``content.tooltips`` shows
  it on hover and keyboard focus, and the link itself leads to the definition, so the tooltip is
  never the only way to read it.

What counts as prose for :func:`link_terms`: text outside headings, links, code, math, figure and
table captions, table header cells, admonition titles, collapsible-block summaries, form controls
and lab code cells (their input and output). Only the first use on a page is linked, so a page
gains at most one link per term.
"""

from __future__ import annotations

import html
import posixpath
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from scripts import prose

ROOT = Path(__file__).resolve().parent.parent
REGISTRY = ROOT / "glossary.toml"
DOCS = ROOT / "docs"
PAGE = "glossary.md"
MARKER = "<!-- glossary -->"

_FIELDS = {"term", "id", "definition", "aliases", "see"}
_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_MAX_DEFINITION = 320  # one line of a tooltip: about four lines on a phone


class GlossaryError(ValueError):
    pass


@dataclass(frozen=True)
class Term:
    term: str
    id: str
    definition: str
    aliases: tuple[str, ...] = ()
    see: str | None = None

    @property
    def forms(self) -> tuple[str, ...]:
        return (self.term, *self.aliases)


def _case_sensitive(form: str) -> bool:
    """Acronyms and brand spellings (KKT, AdamW, ReLU, MAP) keep their case; words do not."""
    return any(c.isupper() for c in form[1:])


def _form_pattern(form: str) -> str:
    """A regex for one spelling: hyphen or space interchangeable, either apostrophe, plural s/es."""
    parts = []
    for char in form:
        if char in "- ":
            parts.append(r"[-\s]+")
        elif char in "'’":
            parts.append("['’]")
        else:
            parts.append(re.escape(char))
    body = "".join(parts) + ("(?:e?s)?" if form[-1].isalpha() else "")
    return body if _case_sensitive(form) else f"(?i:{body})"


def _heading(page: str, anchor: str | None, docs: Path) -> str | None:
    """The text of the heading with this anchor (or the page's title), read from the page's Markdown."""
    text = (docs / page).read_text(encoding="utf-8")
    for match in re.finditer(r"^(#{1,6})[ \t]+(.+?)[ \t]*$", text, re.M):
        level, title = len(match.group(1)), match.group(2)
        explicit = re.search(r"\{[^}]*#([\w-]+)[^}]*\}\s*$", title)
        title = re.sub(r"\s*\{[^}]*\}\s*$", "", title).strip()
        if anchor is None and level == 1:
            return title
        slug = re.sub(r"[\s]+", "-", re.sub(r"[^\w\s-]", "", title.lower())).strip("-")
        if anchor is not None and (explicit.group(1) if explicit else slug) == anchor:
            return title
    return None


def _has_anchor(page: str, anchor: str, docs: Path) -> bool:
    """An anchor set on something other than a heading (a folded block's ``{ #id }``, an ``id=``).

    MkDocs' own link validation (strict) then checks that the built page has it."""
    text = (docs / page).read_text(encoding="utf-8")
    name = re.escape(anchor)
    pattern = rf"""\{{[^}}\n]*#{name}[\s}}]|\bid=["']{name}["']"""
    return bool(anchor) and re.search(pattern, text) is not None


def _label(see: str, docs: Path) -> str:
    """The link text for ``see``: the heading of that section, else the page's title."""
    page, _, anchor = see.partition("#")
    title = _heading(page, anchor or None, docs) or _heading(page, None, docs) or page
    return prose.TAG.sub("", title)


def _check(entry: object, number: int, where: str, docs: Path) -> Term:
    if not isinstance(entry, dict):
        raise GlossaryError(f"{where}: entry {number} is not a table of fields")
    name = entry.get("term")
    label = f"{where}: entry {number}" + (f" ({name})" if isinstance(name, str) else "")

    def fail(field: str, message: str) -> GlossaryError:
        return GlossaryError(f"{label}: field {field!r}: {message}")

    for field in sorted(set(entry) - _FIELDS):
        raise fail(field, f"unknown field (known: {', '.join(sorted(_FIELDS))})")
    for field in ("term", "id", "definition"):
        if not isinstance(entry.get(field), str) or not entry[field].strip():
            raise fail(field, "missing or not a non-empty string")
    if not _ID.fullmatch(entry["id"]):
        raise fail("id", f"{entry['id']!r} is not lower case letters, digits and hyphens")
    definition = entry["definition"]
    if "\n" in definition or len(definition) > _MAX_DEFINITION:
        raise fail("definition", f"must be one line of at most {_MAX_DEFINITION} characters")
    if re.search(r"[$\\`<>]", definition):
        raise fail("definition", "must be plain text (no math, code or HTML: a tooltip shows it as is)")
    if not definition.endswith("."):
        raise fail("definition", "must be a sentence ending with a full stop")
    for problem in prose.check(definition, {}):
        raise fail("definition", problem.message.replace("untagged number", "a digit"))
    aliases = entry.get("aliases", [])
    if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip() for a in aliases):
        raise fail("aliases", "must be a list of non-empty strings")
    see = entry.get("see")
    if see is not None:
        if not isinstance(see, str) or not re.fullmatch(r"[\w./-]+\.md(?:#[\w-]+)?", see):
            raise fail("see", f"{see!r} is not 'page.md' or 'page.md#anchor'")
        page, _, anchor = see.partition("#")
        if not (docs / page).is_file():
            raise fail("see", f"no page docs/{page}")
        if _heading(page, anchor or None, docs) is None and not _has_anchor(page, anchor, docs):
            missing = f"no heading or element with anchor #{anchor}" if anchor else "no title"
            raise fail("see", f"docs/{page} has {missing}")
    return Term(entry["term"], entry["id"], definition, tuple(aliases), see)


def load(path: Path = REGISTRY, docs: Path = DOCS) -> list[Term]:
    """Every term of the registry, validated, in alphabetical order."""
    where = path.name
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise GlossaryError(f"{where}: {exc}") from exc
    entries = data.get("term")
    if set(data) != {"term"} or not isinstance(entries, list) or not entries:
        raise GlossaryError(f"{where}: expected only [[term]] entries")
    terms = [_check(entry, number, where, docs) for number, entry in enumerate(entries, 1)]
    seen_ids: dict[str, str] = {}
    seen_forms: dict[str, str] = {}
    for t in terms:
        if t.id in seen_ids:
            raise GlossaryError(f"{where}: entry {t.term}: field 'id': {t.id!r} is also the id of {seen_ids[t.id]}")
        seen_ids[t.id] = t.term
        for form in t.forms:
            key = re.sub(r"[-\s]+", " ", form.lower()).replace("’", "'")
            if key in seen_forms and seen_forms[key] != t.term:
                other = seen_forms[key]
                raise GlossaryError(f"{where}: entry {t.term}: spelling {form!r} is also a spelling of {other}")
            seen_forms[key] = t.term
    return sorted(terms, key=lambda t: t.term.lower())


def expand(markdown: str, page_src: str, terms: list[Term], docs: Path = DOCS) -> str:
    """The glossary page with its marker replaced by the entries (links relative to ``page_src``)."""
    if MARKER not in markdown:
        return markdown
    base = posixpath.dirname(page_src)
    lines = ['<dl class="glossary" markdown>']
    for t in terms:
        see = ""
        if t.see:
            see = f" See [{_label(t.see, docs)}]({posixpath.relpath(t.see, base or '.')})."
        definition = html.escape(t.definition, quote=False)
        name = t.term[0].upper() + t.term[1:]  # "Soft-thresholding" heads its entry; prose keeps "soft-"
        lines += [f'<dt id="{t.id}">{html.escape(name)}</dt>', f'<dd markdown="span">{definition}{see}</dd>']
    lines.append("</dl>")
    return markdown.replace(MARKER, "\n".join(lines))


# Elements whose text is not prose: the first use of a term there is not linked.
_SKIP_TAGS = {
    "a", "abbr", "button", "caption", "code", "dt", "figcaption", "h1", "h2", "h3", "h4", "h5", "h6",
    "kbd", "label", "math", "option", "pre", "samp", "script", "select", "style", "summary", "svg",
    "textarea", "th", "title",
}  # fmt: skip
_SKIP_CLASSES = re.compile(r"\b(?:admonition-title|jp-CodeCell|jp-OutputArea|clipboard-copy-txt|headerlink)\b")
# Elements whose content is raw text or a world of its own, taken whole so that a "<" inside is no tag.
_OPAQUE = re.compile(r"<(script|style|textarea|pre|code|math|svg)\b.*?</\1\s*>", re.S | re.I)
_TAG = re.compile(r"<(/?)([A-Za-z][\w:-]*)([^>]*)>|<!--.*?-->", re.S)
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"}


class Linker:
    """Links the first use of each term in a page's prose to the glossary (one compiled pattern)."""

    def __init__(self, terms: list[Term]) -> None:
        self._terms = terms
        forms = sorted(((form, i) for i, t in enumerate(terms) for form in t.forms), key=lambda p: -len(p[0]))
        self._form_term = [i for _, i in forms]
        alternatives = "|".join(f"(?P<f{k}>{_form_pattern(form)})" for k, (form, _) in enumerate(forms))
        self._pattern = re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])")

    def link(self, page_html: str, glossary_href: str) -> str:
        """``page_html`` with the first use of each term linked to ``glossary_href#id``."""
        used: set[int] = set()

        def in_text(text: str) -> str:
            def replace(match: re.Match) -> str:
                index = self._form_term[int(match.lastgroup[1:])]
                if index in used:
                    return match.group(0)
                used.add(index)
                t = self._terms[index]
                title = html.escape(t.definition)
                return f'<a class="glossary-term" href="{glossary_href}#{t.id}" title="{title}">{match.group(0)}</a>'

            return self._pattern.sub(replace, text)

        out: list[str] = []
        stack: list[tuple[str, bool]] = []  # open elements: (name, is the text inside it prose?)
        for chunk_start, chunk in _chunks(page_html):
            if chunk_start:  # an opaque element (code, math, ...): never prose
                out.append(chunk)
                continue
            last = 0
            for tag in _TAG.finditer(chunk):
                text = chunk[last : tag.start()]
                out.append(in_text(text) if all(p for _, p in stack) and text.strip() else text)
                out.append(tag.group(0))
                last = tag.end()
                closing, name, attrs = tag.group(1), (tag.group(2) or "").lower(), tag.group(3) or ""
                if not name or name in _VOID or attrs.rstrip().endswith("/"):
                    continue
                if closing:  # close up to the matching element (HTML may leave <li>, <p> open)
                    names = [n for n, _ in stack]
                    if name in names:
                        del stack[len(names) - 1 - names[::-1].index(name) :]
                else:
                    stack.append((name, name not in _SKIP_TAGS and not _SKIP_CLASSES.search(attrs)))
            rest = chunk[last:]
            out.append(in_text(rest) if all(p for _, p in stack) and rest.strip() else rest)
        return "".join(out)


def _chunks(page_html: str):
    """(is_opaque, text) pieces of the page, in order."""
    last = 0
    for match in _OPAQUE.finditer(page_html):
        yield False, page_html[last : match.start()]
        yield True, match.group(0)
        last = match.end()
    yield False, page_html[last:]


def glossary_href(page_url: str, glossary_url: str) -> str:
    """The glossary page's address relative to a page's (MkDocs directory URLs)."""
    rel = posixpath.relpath(glossary_url or ".", page_url or ".")
    return "./" if rel == "." else f"{rel}/"
