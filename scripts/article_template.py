"""The parts of the article template that are generated, and the template's shape.

Every article page follows one template (README, "How a page is made"); the build expands these
markers from the registry in ``errata/``, so nothing in them is typed twice:

    <!-- reading-time -->         filled after rendering: minutes and words on the main path
    <!-- verdicts: KEY -->        the verdict list: every claim, badge, one line, link to its section
    <!-- run-it-yourself: KEY --> the lab and the code of the page
    <!-- corrections: KEY -->     the counts, and where the full corrections and the page's changes are

``structure()`` lists how a page departs from the template (the tests and the build report it);
``visible_words()`` counts what a reader sees before unfolding anything.
"""

from __future__ import annotations

import itertools
import math
import posixpath
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import ClassVar

import material
from markdown.extensions.toc import slugify

from scripts import code_pages, errata
from scripts import prose as prose_census

DOCS = errata.ROOT / "docs"
VERDICTS_MARKER = re.compile(r"<!--\s*verdicts:\s*([\w-]+)\s*-->")
RUN_MARKER = re.compile(r"<!--\s*run-it-yourself:\s*([\w-]+)\s*-->")
CORRECTIONS_MARKER = re.compile(r"<!--\s*corrections:\s*([\w-]+)\s*-->")
READING_MARKER = re.compile(r"<!--\s*reading-time\s*-->")
READING_PLACEHOLDER = '<p class="reading-time" data-reading-time></p>'
WORDS_PER_MINUTE = 200  # a careful reader of technical prose; formulas count as one word each
MAX_VISIBLE_WORDS = 3000  # issue 12: the main path of an article page
# Material Design icons shipped with Material for MkDocs (read, not copied), so a badge never
# depends on colour alone: icon + word, the icon hidden from screen readers.
_ICONS = {
    "correct": "check-circle",
    "imprecise": "approximately-equal",
    "missing caveat": "alert-circle",
    "wrong": "close-circle",
}
_ICON_DIR = Path(material.__file__).parent / "templates" / ".icons" / "material"
assert set(_ICONS) == set(errata.SCALE)
# The template: level-2 sections every article page ends with, in this order.
LAST_SECTIONS = ("corrections", "exercises")


class TemplateError(errata.ErrataError):
    pass


def badge(verdict: str) -> str:
    """Inline HTML: the verdict's icon and word (a class per verdict for the colour)."""
    if verdict not in errata.SCALE:
        raise TemplateError(f"unknown verdict {verdict!r}; the scale is {list(errata.SCALE)}")
    css = verdict.replace(" ", "-")
    svg = (_ICON_DIR / f"{_ICONS[verdict]}.svg").read_text(encoding="utf-8").strip()
    icon = svg.replace("<svg ", '<svg class="verdict-icon" aria-hidden="true" focusable="false" ', 1)
    return f'<span class="verdict verdict--{css}">{icon}{verdict}</span>'


_HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*(?:\{([^}]*)\})?\s*$")
_ID = re.compile(r"#([\w-]+)")


def headings(page: str) -> dict[str, str]:
    """Anchor -> heading text (Markdown) of a docs page, explicit ``{ #id }`` or toc's slug."""
    path = DOCS / page
    if not path.is_file():
        raise TemplateError(f"no page docs/{page}")
    found, fenced = {}, False
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
        m = None if fenced else _HEADING.match(line)
        if m:
            title, attrs = m.group(2), m.group(3) or ""
            anchor = _ID.search(attrs)
            found[anchor.group(1) if anchor else slugify(title, "-")] = title
    return found


def _relative(target: str, page: str) -> str:
    path, _, anchor = target.partition("#")
    rel = "" if path == page else posixpath.relpath(path, posixpath.dirname(page) or ".")
    return f"{rel}#{anchor}" if anchor else rel


def _claims(key: str) -> list[errata.Erratum]:
    if key not in errata.articles():
        raise TemplateError(f"template marker names unknown article {key!r}; known: {', '.join(errata.articles())}")
    mine = [c for c in errata.claims() if c.article == key]
    if not mine:
        raise TemplateError(f"no claims recorded for {key!r} in errata/{key}.toml")
    return mine


def verdict_list(key: str, page: str) -> str:
    """Markdown: every claim of the article, in its order, with badge, one line and a named link."""
    claims = _claims(key)  # the registry is read and validated once per list
    found: dict[str, dict[str, str]] = {}  # headings per evidence page, each page read once
    items = []
    for c in claims:
        path, _, anchor = c.evidence.partition("#")
        if path not in found:
            found[path] = headings(path)
        title = found[path].get(anchor)
        if title is None:
            raise TemplateError(f"errata/{key}.toml: evidence {c.evidence!r} names no heading of docs/{path}")
        title = re.sub(r"\s*\[[^\]]*\]\([^)]*\)", "", title)  # a link inside a heading stays there
        items.append(f"- {badge(c.verdict)} “{c.claim}” — {c.short.strip()} → [{title}]({_relative(c.evidence, page)})")
    counts = ", ".join(
        f"{n} {v}" for v in errata.SCALE if (n := sum(c.verdict == v for c in claims))
    )  # generated, so outside the census
    return "\n".join(['<div class="verdict-list" markdown>', "", *items, "", "</div>", "", f"*{counts}.*"])


def run_box(key: str, page: str) -> str:
    """Markdown: an admonition linking the page's lab and its code."""
    article = errata.articles().get(key)
    if article is None:
        raise TemplateError(f"run-it-yourself marker names unknown article {key!r}")
    if not (DOCS / article.lab).is_file():
        raise TemplateError(f"errata/articles.toml [{key}]: lab docs/{article.lab} does not exist")
    package = (errata.ROOT / "scripts" / "pages" / key).is_dir()
    if package:  # the page's code, one module per job, each shown on the site (scripts.code_pages)
        parts = [
            f"[`{part}`]({_relative(code_pages.find(f'pages.{key}.{part}').src_uri, page)})"
            for part in ("experiments", "text", "figures")
        ]
        code = f"`scripts/pages/{key}/`: " + ", ".join(parts)
    else:
        code = f"[`scripts/pages/{key}.py`]({_relative(code_pages.find(f'pages.{key}').src_uri, page)})"
    rebuild = _relative("index.md#rebuild-it-yourself", page)
    return "\n".join(
        [
            '!!! example "Run it yourself"',
            "",
            f"    The [lab for this page]({_relative(article.lab, page)}) reruns its examples in a notebook",
            "    you can download and change. Every number and figure on this page is computed by the",
            f"    code in {code}; [rebuild it yourself]({rebuild}) with two commands.",
        ]
    )


def corrections(key: str, page: str) -> str:
    """Markdown: how many corrections, and where their full text and this page's changes are."""
    mine = [c for c in _claims(key) if c.verdict in errata.VERDICTS]
    counts = ", ".join(f"{n} {v}" for v in errata.VERDICTS if (n := sum(c.verdict == v for c in mine)))
    errata_page = _relative(f"errata.md#{key}", page)
    changelog = _relative("changelog.md", page)
    return (
        f"Of the claims listed [at the top](#verdicts), {len(mine)} need a correction ({counts}). "
        f"Their full text, to quote or cite, is on the [errata page]({errata_page}); "
        f"[what changed on this site]({changelog}) records every correction to this page itself."
    )


def expand(markdown: str, page: str) -> str:
    markdown = VERDICTS_MARKER.sub(lambda m: verdict_list(m.group(1), page), markdown)
    markdown = RUN_MARKER.sub(lambda m: run_box(m.group(1), page), markdown)
    markdown = CORRECTIONS_MARKER.sub(lambda m: corrections(m.group(1), page), markdown)
    return READING_MARKER.sub(READING_PLACEHOLDER, markdown)


def prose(markdown: str) -> str:
    """The hand-written text the verdict lists show (claims and one-liners), for the census."""
    parts = []
    for key in VERDICTS_MARKER.findall(markdown):
        # The claim is the article's words: numbers in its math are the article's, not computed.
        parts += [f"“{prose_census.quoted(c.claim)}” {c.short}" for c in errata.claims() if c.article == key]
    return "\n\n".join(parts)


# --------------------------------------------------------------------------- after rendering
class _Words(HTMLParser):
    """Words a reader sees without unfolding: not inside a closed <details> (its <summary> counts),
    nor scripts, styles, permalinks or SVG text; a formula counts as one word."""

    SKIP: ClassVar[set[str]] = {"script", "style", "svg", "template"}
    VOID: ClassVar[set[str]] = {"br", "img", "hr", "input", "meta", "link", "source", "wbr", "col", "area"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.visible = self.folded = 0
        self._stack: list[tuple[str, str]] = []  # (tag, role): role in folded/summary/skip/math/""

    def _inside(self, role: str) -> bool:
        return any(r == role for _, r in self._stack)

    def handle_starttag(self, tag, attrs):
        if tag in self.VOID:
            return
        attrs = dict(attrs)
        role = ""
        if tag == "details" and "open" not in attrs:
            role = "folded"
        elif tag == "summary":
            role = "summary"
        elif tag in self.SKIP or (tag == "a" and "headerlink" in (attrs.get("class") or "")):
            role = "skip"
        elif tag == "math":
            if not self._inside("math") and not self._inside("skip"):
                self._count(1)
            role = "math"
        self._stack.append((tag, role))

    def handle_endtag(self, tag):
        if any(t == tag for t, _ in self._stack):
            while self._stack and self._stack.pop()[0] != tag:
                pass

    def _count(self, n):
        # Inside a closed <details>, only its own <summary> (the last folded/summary role) is visible.
        roles = [r for _, r in self._stack if r in ("folded", "summary")]
        if (roles and roles[-1] == "folded") or roles.count("folded") > 1:
            self.folded += n
        else:
            self.visible += n

    def handle_data(self, data):
        if self._inside("skip") or self._inside("math"):
            return
        self._count(len(re.findall(r"[\w’'-]*\w", data)))


def visible_words(html: str) -> tuple[int, int]:
    """(words on the main path, words inside folded blocks) of rendered page content."""
    parser = _Words()
    parser.feed(html)
    parser.close()
    return parser.visible, parser.folded


def fill_reading_time(html: str) -> str:
    """Replace the placeholder with the reading time of the main path (and what folding hides)."""
    if READING_PLACEHOLDER not in html:
        return html
    visible, folded = visible_words(html.replace(READING_PLACEHOLDER, ""))
    minutes = max(1, math.ceil(visible / WORDS_PER_MINUTE))
    text = f"About {minutes} min to read: {visible:,} words on the main path"
    if folded:
        text += f", {folded:,} more in folded details"
    return html.replace(READING_PLACEHOLDER, f'<p class="reading-time">{text}.</p>', 1)


# --------------------------------------------------------------------------- the template's shape
_FRONT = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)


def structure(markdown: str, key: str) -> list[str]:
    """How an article page's Markdown departs from the template; empty when it follows it."""
    text = _FRONT.sub("", markdown).strip("\n")
    blocks = [b for b in re.split(r"\n\s*\n", text) if b.strip()]
    problems = []

    def first(pattern: str) -> int:
        return next((i for i, b in enumerate(blocks) if re.search(pattern, b, re.MULTILINE)), -1)

    order = [
        ("title", r"\A# \S"),
        ("reading time", READING_MARKER.pattern),
        ("lead paragraph", r"\A(?![#!?<|>-])\S"),
        ("'In short' box", r'\A!!! abstract "In short"'),
        ("key figure", r"\A(!\[|<figure|/// figure-caption)|^!\[[^\]]+\]\(\.\./figures/"),
        ("verdict list", VERDICTS_MARKER.pattern),
        ("conventions note", r'\A\?\?\?\+? \w+ "[^"]*[Cc]onventions'),
        ("run-it-yourself box", RUN_MARKER.pattern),
    ]
    where = [(name, first(p)) for name, p in order]
    for name, i in where:
        if i < 0:
            problems.append(f"missing {name}")
    found = [(name, i) for name, i in where if i >= 0]
    for (a, i), (b, j) in itertools.pairwise(found):
        if j < i:
            problems.append(f"{b} comes before {a}")
    if where[0][1] != 0:
        problems.append("the page must start with its title")
    short = first(r'\A!!! abstract "In short"')
    if short >= 0:
        takeaways = re.findall(r"^\s{4}[-*] ", blocks[short], re.MULTILINE)
        rest = blocks[short + 1 :]
        for b in rest:  # a list may be split from its box title by a blank line
            if not b.startswith("    "):
                break
            takeaways += re.findall(r"^\s{4}[-*] ", b, re.MULTILINE)
        if not 3 <= len(takeaways) <= 5:
            problems.append(f"'In short' has {len(takeaways)} takeaways; the template asks for 3 to 5")
    if key and f"<!-- verdicts: {key} -->" not in text:
        problems.append(f"the verdict list must be <!-- verdicts: {key} -->")
    if not re.search(r"^## .*\{\s*#verdicts\b", text, re.MULTILINE):
        problems.append("the verdict list needs a heading with anchor #verdicts")
    sections = re.findall(r"^## .*?\{\s*#([\w-]+)[^}]*\}\s*$", text, re.MULTILINE)
    if tuple(sections[-len(LAST_SECTIONS) :]) != LAST_SECTIONS:
        problems.append(f"the last sections must be {LAST_SECTIONS} (with those anchors); found {sections[-3:]}")
    if errata.MARKER.search(text):
        problems.append("the full errata table belongs on the errata page; the verdict list shows each claim once")
    return problems
