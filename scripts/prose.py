"""Tie every number in the prose to the code that computes it.

A number quoted in a page is written followed by its key::

    the test error drops to 0.53<!--n:norms.ridge.test_mse-->

``<slug>.<key>`` names the entry ``key`` of ``numbers()`` in ``scripts/pages/<slug>.py``.
:func:`check` reports a tagged value that differs from the computed one, an unknown key,
and (the census) any number in prose that carries no tag.  Code, math, link targets,
HTML attributes, heading ids, years and citation pointers ("Table 3.4") are not prose.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

TAG = re.compile(r"<!--n:([A-Za-z0-9_.-]+)-->")

# Regions that are not prose, blanked before the census (offsets are kept).
_NOT_PROSE = [
    re.compile(r"\A---\n.*?\n---\n", re.S),  # front matter
    re.compile(r"^([ \t]*)(`{3,}|~{3,}).*?^\1\2[ \t]*$", re.S | re.M),  # fenced code
    re.compile(r"(`+)(?!`).+?(?<!`)\1(?!`)", re.S),  # inline code
    re.compile(r"(?<!\\)\$\$.+?(?<!\\)\$\$", re.S),  # display math
    re.compile(r"\\\[.+?\\\]|\\\(.+?\\\)", re.S),
    re.compile(r"\\begin\{(\w+\*?)\}.*?\\end\{\1\}", re.S),
    re.compile(r"(?<![\\$])\$(?![\s$])(?:\\.|[^$\\\n]|\n(?![ \t]*\n))+?(?<!\s)\$(?!\d)"),  # inline math
    re.compile(r"<!--(?!n:).*?-->", re.S),  # comments other than number tags
    re.compile(r"\]\([^)\s]*(?:\s+\"[^\"]*\")?\)"),  # link and image targets
    re.compile(r"^\s*\[[^\]]+\]:.*$", re.M),  # reference definitions
    re.compile(r"\[\^[^\]]+\]"),  # footnote markers
    re.compile(r"<(?!!--n:)[^<>]*>"),  # html tags and autolinks
    re.compile(r"\{\s*(?:[:#.]|[\w-]+=)[^}\n]*\}"),  # attribute lists and heading ids
    re.compile(r"^\s*(?:-|;){0,2}-8<-.*$", re.M),  # snippet includes
    re.compile(r"^[ \t]*\d+\.[ \t]", re.M),  # ordered-list markers
]
NUMBER = re.compile(r"(?<![\w.\\/#])[-−]?\d+(?:[.,]\d+)*(?:[eE][-+]?\d+)?")
_TRAILING_NUMBER = re.compile(r"[-−]?\d+(?:[.,]\d+)*(?:[eE][-+]?\d+)?\s*$")
_RANGE_END = re.compile(r"\d–$")  # the end of a page range "267–288" after its pointer
_YEAR = re.compile(r"(?:1[89]|20)\d\d[a-z]?")
_POINTER = re.compile(
    r"(?:Section|Sections|Table|Tables|Figure|Fig\.|Chapter|Eq\.|Equation|Equations|Exercise|Algorithm|part|pp\.|p\.|vol\.|no\.|version|v)\s*$",
    re.I,
)


@dataclass(frozen=True)
class Problem:
    line: int
    message: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}"


def _blank(text: str, start: int, end: int) -> str:
    return text[:start] + re.sub(r"[^\n]", " ", text[start:end]) + text[end:]


def mask(markdown: str) -> str:
    """The Markdown with every non-prose region replaced by spaces (same length)."""
    masked = markdown
    for pattern in _NOT_PROSE:
        for match in pattern.finditer(masked):
            masked = _blank(masked, match.start(), match.end())
    return masked


def _line(text: str, pos: int) -> int:
    return text.count("\n", 0, pos) + 1


def check(markdown: str, numbers: dict[str, str]) -> list[Problem]:
    """All tag mismatches, unknown keys and untagged numbers in one page's Markdown."""
    problems = []
    masked = mask(markdown)
    for match in TAG.finditer(masked):
        key = match.group(1)
        line = _line(markdown, match.start())
        value = numbers.get(key)
        if value is not None and markdown[: match.start()].endswith(value):
            masked = _blank(masked, match.start() - len(value), match.end())
            continue
        if value is None:
            problems.append(Problem(line, f"unknown number key {key!r}"))
        else:
            before = markdown[max(0, match.start() - len(value) - 8) : match.start()].split("\n")[-1]
            problems.append(Problem(line, f"{key} is {value!r} but the text says ...{before!r}"))
        # Report the tag once, not also its number as untagged.
        wrong = _TRAILING_NUMBER.search(markdown, 0, match.start())
        masked = _blank(masked, wrong.start() if wrong else match.start(), match.end())
    for match in NUMBER.finditer(masked):
        token = match.group(0)
        before = masked[max(0, match.start() - 12) : match.start()]
        if _YEAR.fullmatch(token) or _POINTER.search(before) or _RANGE_END.search(before):
            continue
        context = markdown[max(0, match.start() - 25) : match.end() + 25].replace("\n", " ")
        problems.append(Problem(_line(markdown, match.start()), f"untagged number {token!r} in ...{context}..."))
    return problems


def strip(markdown: str) -> str:
    """Remove the tags (keeping the values) wherever they are prose, for rendering."""
    masked = mask(markdown)
    spans = [m.span() for m in TAG.finditer(masked)]
    for start, end in reversed(spans):
        markdown = markdown[:start] + markdown[end:]
    return markdown
