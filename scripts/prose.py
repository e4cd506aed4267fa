r"""Tie every number in the prose to the code that computes it.

A number quoted in a page is written followed by its key::

    the test error drops to 0.53<!--n:norms.ridge.test_mse-->

``<slug>.<key>`` names the entry ``key`` of ``numbers()`` in ``scripts/pages/<slug>.py``.
:func:`check` reports a tagged value that differs from the computed one, an unknown key,
and (the census) any number in prose that carries no tag.  Code, link targets, HTML
attributes, heading ids, years and citation pointers ("Table 3.4") are not prose.

Math has its own census.  Inside ``$…$`` (or ``$$…$$``, ``\(…\)``, ``\[…\]``,
``\begin{…}…\end{…}``) a number is notation when it is a single digit (``2n``,
``1 - \eta\lambda``, ``\tfrac12``, ``\lambda = 0``) or sits in a sub- or superscript
(``w^2``, ``\ell_1``, ``X^{-1}``, the exponent of ``10^{-3}``).  Any other number (``0.1``,
``442``, the ``10`` of ``10^{-3}``) looks computed: a tag right after the closing delimiter
ties it to its key, one tag per number, in any order (a tag there may also tie a single digit)::

    $\lambda = 0.05\,\lambda_{\max}$<!--n:geometry.lasso.share_lam-->

Math whose numbers are not results (an article's own numbers quoted, a worked example's
inputs) says so with ``<!--not-computed-->`` right after it; the marker is removed for rendering.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

TAG = re.compile(r"<!--n:([A-Za-z0-9_.-]+)-->")
NOT_COMPUTED = "<!--not-computed-->"

# Regions that are not prose, blanked before the census (offsets are kept); the math ones
# are censused on their own (see the module docstring).
_CODE = [
    re.compile(r"\A---\n.*?\n---\n", re.S),  # front matter
    re.compile(r"^([ \t]*)(`{3,}|~{3,}).*?^\1\2[ \t]*$", re.S | re.M),  # fenced code
    re.compile(r"(`+)(?!`).+?(?<!`)\1(?!`)", re.S),  # inline code
]
_MATH = [
    re.compile(r"(?<!\\)\$\$.+?(?<!\\)\$\$", re.S),  # display math
    re.compile(r"\\\[.+?\\\]|\\\(.+?\\\)", re.S),
    re.compile(r"\\begin\{(\w+\*?)\}.*?\\end\{\1\}", re.S),
    re.compile(r"(?<![\\$])\$(?![\s$])(?:\\.|[^$\\\n]|\n(?![ \t]*\n))+?(?<!\s)\$(?!\d)"),  # inline math
]
_OTHER = [
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
_SINGLE_DIGIT = re.compile(r"[-−]?\d")
_POWER_OF_TEN = re.compile(r"(?<![\w.])10\s*\^\s*(?:\{\s*([-−]?\d+)\s*\}|(\d))")
# A sub- or superscript: a braced group (one level of nesting), a command, or one character.
_SCRIPT = re.compile(r"[\^_]\s*(?:\{(?:[^{}]|\{[^{}]*\})*\}|\\[A-Za-z]+|.)")
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


@dataclass(frozen=True)
class _Math:
    start: int
    end: int
    tags: list[tuple[str, int, int]]  # (key, start, end) of each tag right after the math
    not_computed: tuple[int, int] | None  # span of the marker, if present


def _blank(text: str, start: int, end: int) -> str:
    return text[:start] + re.sub(r"[^\n]", " ", text[start:end]) + text[end:]


def _blank_all(text: str, patterns: list[re.Pattern[str]], found: list[tuple[int, int]] | None = None) -> str:
    for pattern in patterns:
        for match in pattern.finditer(text):
            text = _blank(text, match.start(), match.end())
            if found is not None:
                found.append(match.span())
    return text


def _scan(markdown: str) -> tuple[str, list[_Math], str]:
    """The masked Markdown (every non-prose region blanked), the math regions with the tags and
    marker that follow them, and the Markdown with only code blanked."""
    spans: list[tuple[int, int]] = []
    code_masked = _blank_all(markdown, _CODE)
    masked = _blank_all(code_masked, _MATH, spans)
    maths = []
    for start, end in sorted(spans):
        tags, pos, marker = [], end, None
        while True:
            if tag := TAG.match(markdown, pos):
                tags.append((tag.group(1), tag.start(), tag.end()))
                pos = tag.end()
            elif markdown.startswith(NOT_COMPUTED, pos) and marker is None:
                marker = (pos, pos + len(NOT_COMPUTED))
                pos = marker[1]
            else:
                break
        maths.append(_Math(start, end, tags, marker))
    return _blank_all(masked, _OTHER), maths, code_masked


def mask(markdown: str) -> str:
    """The Markdown with every non-prose region replaced by spaces (same length)."""
    return _scan(markdown)[0]


def _line(text: str, pos: int) -> int:
    return text.count("\n", 0, pos) + 1


def _unsigned(number: str) -> str:
    """A number as text, without its sign (in TeX a minus may be an operator) or TeX's ``{,}``."""
    return number.replace("{,}", ",").lstrip("-−")


def math_numbers(tex: str) -> tuple[list[str], list[str]]:
    """The numbers of a piece of TeX outside sub- and superscripts: (computed-looking, single digits).

    A power of ten ``10^{-3}`` is one number, written ``1e-3``.
    """
    tex = tex.replace("{,}", ",")
    powers = [f"1e{m.group(1) or m.group(2)}".replace("−", "-") for m in _POWER_OF_TEN.finditer(tex)]
    tex = _POWER_OF_TEN.sub(lambda m: " " * len(m.group(0)), tex)
    tex = _SCRIPT.sub(lambda m: " " * len(m.group(0)), tex)
    tokens = NUMBER.findall(tex)
    digits = [t for t in tokens if _SINGLE_DIGIT.fullmatch(t)]
    return powers + [t for t in tokens if not _SINGLE_DIGIT.fullmatch(t)], digits


_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻", "0123456789-")


def _as_float(number: str) -> float | None:
    """``0.001``, ``1e-3``, ``10⁻³`` or ``1 × 10⁻³`` as a float (None if it is none of these)."""
    text = re.sub(r"[\s\u00a0\u2009\u202f]", "", number).replace("−", "-").replace(",", "")
    if match := re.fullmatch(r"(?:(-?\d+(?:\.\d+)?)×)?10([⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+)", text):
        return float(match.group(1) or 1) * 10.0 ** int(match.group(2).translate(_SUPERSCRIPTS))
    try:
        return float(text)
    except ValueError:
        return None


def _same_number(value: str, token: str) -> bool:
    """Whether a tag's value is the math's number: the same text, or for a power of ten the same value."""
    if _unsigned(value) == _unsigned(token):
        return True
    if "e" not in token:
        return False
    a, b = _as_float(value), _as_float(token)
    return a is not None and b is not None and abs(abs(a) - abs(b)) <= 1e-12 * abs(b)


def _check_math(markdown: str, math: _Math, numbers: dict[str, str]) -> list[Problem]:
    tex = markdown[math.start : math.end]
    line = _line(markdown, math.start)
    shown = " ".join(tex.split())
    shown = shown if len(shown) <= 60 else shown[:57] + "..."
    computed, digits = math_numbers(tex)
    untied = computed + digits  # a tag ties a computed-looking number first
    problems = []
    for key, start, _ in math.tags:
        value = numbers.get(key)
        if value is None:
            problems.append(Problem(_line(markdown, start), f"unknown number key {key!r}"))
        elif _as_float(value) is None:
            problems.append(Problem(line, f"{key} is {value!r}, not a number: quote it in prose, not after {shown}"))
        elif tied := next((t for t in untied if _same_number(value, t)), None):
            untied.remove(tied)
        else:
            problems.append(Problem(line, f"{key} is {value!r} but the math says {shown}"))
            # Report the tag once, not also a number it was meant to tie as untagged.
            if wrong := next((t for t in untied if not _SINGLE_DIGIT.fullmatch(t)), None):
                untied.remove(wrong)
    if math.not_computed is None:
        problems += [
            Problem(line, f"untagged number {t!r} in math {shown} (tag it after the math, or mark it {NOT_COMPUTED})")
            for t in untied
            if not _SINGLE_DIGIT.fullmatch(t)
        ]
    return problems


def check(markdown: str, numbers: dict[str, str]) -> list[Problem]:
    """All tag mismatches, unknown keys and untagged numbers (prose and math) in one page's Markdown."""
    masked, maths, code_masked = _scan(markdown)
    problems = []
    for math in maths:
        problems += _check_math(markdown, math, numbers)
        for _, start, end in math.tags:
            masked = _blank(masked, start, end)
    used = {m.not_computed for m in maths}
    for marker in re.finditer(re.escape(NOT_COMPUTED), code_masked):
        if marker.span() not in used:
            problems.append(Problem(_line(markdown, marker.start()), f"{NOT_COMPUTED} must follow math right away"))
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
    return sorted(problems, key=lambda p: p.line)


def strip(markdown: str) -> str:
    """Remove the tags (keeping the values) and the not-computed markers wherever they are prose."""
    masked, maths, _ = _scan(markdown)
    spans = [m.span() for m in TAG.finditer(masked)]
    spans += [m.not_computed for m in maths if m.not_computed is not None]
    for start, end in sorted(spans, reverse=True):
        markdown = markdown[:start] + markdown[end:]
    return markdown


def quoted(markdown: str) -> str:
    """An article's own words, for the census: its math is marked not computed (the article wrote it)."""
    for math in reversed(_scan(markdown)[1]):
        if math.not_computed is None and not math.tags:
            markdown = markdown[: math.end] + NOT_COMPUTED + markdown[math.end :]
    return markdown
