"""Render the TeX left by ``pymdownx.arithmatex`` (generic mode) to MathML at build time.

Pages then carry no math JavaScript: Chromium, Firefox and Safari draw MathML natively,
with the Latin Modern Math font shipped by the site.  Temml runs in one Node process that
lives as long as the build (or ``mkdocs serve``).
"""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "tex2mathml.mjs"

# Site-wide macros, documented on the conventions page.
MACROS = {
    "\\R": "\\mathbb{R}",
    "\\norm": "\\lVert #1 \\rVert",
    "\\abs": "\\lvert #1 \\rvert",
    "\\sign": "\\operatorname{sign}",
    "\\argmin": "\\operatorname*{arg\\,min}",
    "\\prox": "\\operatorname{prox}",
    "\\soft": "\\operatorname{S}",
    "\\trans": "^{\\top}",
}

# What arithmatex (generic: true) emits.
_SPAN = re.compile(r'<span class="arithmatex">\\\((.*?)\\\)</span>', re.S)
_DIV = re.compile(r'<div class="arithmatex">\\\[(.*?)\\\]</div>', re.S)


# Never typeset inside code, scripts, styles, or the hidden copy of a notebook cell's source.
_CODE = re.compile(
    r"(<(code|pre|script|style|textarea)\b.*?</\2>|<div class=\"clipboard-copy-txt\"[^>]*>.*?</div>)", re.S
)
_DOLLARS = re.compile(r"\$\$(.+?)\$\$|(?<![\\$])\$(?![\s$])((?:\\.|[^$\\])+?)(?<!\s)\$", re.S)


_TH = re.compile(r"(<th\b[^>]*>)(.*?)(</th>)", re.S)
_MATH = re.compile(r"<math\b(?![^>]*aria-label)([^>]*)>(.*?)</math>", re.S)


def _flat_text(mathml: str) -> str:
    without_source = re.sub(r"<annotation.*?</annotation>", "", mathml, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", "", without_source)).strip()


def label_header_math(page_html: str) -> str:
    """Give a text label to math that is the only content of a table header cell.

    axe-core (and some screen readers) find no text in a header holding only MathML, which
    leaves the column unnamed; the label is the formula's visible characters (ρ, ŵ, t).
    """

    def cell(match: re.Match) -> str:
        start, body, end = match.groups()
        if "<math" not in body or re.sub(r"<math\b.*?</math>|<[^>]+>|\s", "", body, flags=re.S):
            return match.group(0)
        labelled = _MATH.sub(
            lambda m: f'<math aria-label="{html.escape(_flat_text(m.group(2)))}"{m.group(1)}>{m.group(2)}</math>', body
        )
        return start + labelled + end

    return _TH.sub(cell, page_html)


class MathError(RuntimeError):
    pass


# \bigl( ... \bigr), \Big| etc.: Temml emits a stretchy <mo> with minsize = maxsize = the size.
_SIZED = re.compile(r'<mo\b([^>]*)\bminsize="([\d.]+)em" maxsize="\2em"([^>]*)>([^<]*)</mo>')
# Latin Modern Math's MathConstants.AxisHeight: symmetric delimiters are centred on the math axis.
AXIS_HEIGHT_EM = 0.25
# Delimiters whose size variants are all about as wide as their widest part: stretching them
# leaves no gap, so they keep the font's own size variants (thinner than a scaled glyph).
EVEN_WIDTH_DELIMITERS = frozenset("|\u2223\u2016")  # |, \mid, \lVert; not ∥ (its base glyph is wider)


def sized_delimiters(mathml: str) -> str:
    """Draw ``\\big``-family delimiters at their size without the gap Chromium leaves beside them.

    Chromium lays out a stretchy vertical operator as wide as the widest of the font's variants and
    assembly parts (0.875 em for Latin Modern Math's parenthesis), whichever size it draws: a
    ``\\bigl(`` sat in a box twice its width.  A non-stretchy operator scaled to the size
    (``mathsize``), lowered back onto the math axis, is as tall as intended and only as wide as its
    glyph, in every browser.
    """

    def scaled(match: re.Match) -> str:
        before, size, after, delimiter = match.groups()
        if html.unescape(delimiter) in EVEN_WIDTH_DELIMITERS:
            # Stretched: Temml leaves \\Bigl\\lvert without stretchy, and a | between operands is
            # the infix form, which the operator dictionary does not stretch.
            extra = "" if 'stretchy="true"' in match.group(0) else ' stretchy="true"'
            if 'fence="true"' in before and "lspace" not in before + after:
                extra += ' lspace="0em" rspace="0em"'  # \\Bigl|, \\Bigr| open and close: no space inside
            return match.group(0).replace("<mo", "<mo" + extra, 1)
        spacing = " ".join(re.findall(r'\b[lr]space="[^"]*"', before + after))
        # Scaling grows the glyph from the baseline: its centre, on the axis, rises by (scale - 1) axis.
        lowered = -AXIS_HEIGHT_EM * (float(size) - 1)
        return (
            f'<mpadded voffset="{lowered:.4g}em">'
            f'<mo stretchy="false" mathsize="{size}em"{" " + spacing if spacing else ""}>{delimiter}</mo></mpadded>'
        )

    return _SIZED.sub(scaled, mathml)


_TOKEN = re.compile(r"\\begin\{|\\end\{|\\[A-Za-z]+|\\.|[{}&=()]", re.S)


def _split_top_level(tex: str, separator: str) -> list[str]:
    """``tex`` cut at each ``separator`` token (``\\\\``, ``&``, ``\\qquad``, ``=``) outside braces and
    environments (and, for ``=``, outside parentheses)."""
    parts, depth, env, parens, last = [], 0, 0, 0, 0
    for match in _TOKEN.finditer(tex):
        token = match.group(0)
        parens += {"(": 1, ")": -1}.get(token, 0)
        if token == "\\begin{":
            env += 1
        elif token == "\\end{":
            env -= 1
        if token == "{" or token.endswith("{"):
            depth += 1
        elif token == "}":
            depth -= 1
        elif token == separator and depth == 0 and env == 0 and (separator != "=" or parens == 0):
            parts.append(tex[last : match.start()])
            last = match.end()
    return [*parts, tex[last:]]


def one_statement_per_line(tex: str) -> str | None:
    """``A, \\qquad B`` as ``A, \\\\ B`` in a ``gathered`` block, for narrow screens; None when the
    display has no top-level ``\\qquad`` (inside braces or an environment it is left alone)."""
    parts = [part.strip() for part in _split_top_level(tex, "\\qquad")]
    if len(parts) == 1:
        return None
    return "\\begin{gathered}" + " \\\\ ".join(parts) + "\\end{gathered}"


_ALIGNED = re.compile(r"\s*\\begin\{aligned\}(.*)\\end\{aligned\}\s*", re.S)
# A label cell: text (maybe with a formula in it, "L1, where w_j != 0:") ending in a colon.
_LABEL = re.compile(r"\s*(\\text\{.*:\}?)\s*(?:\\q?quad(?![A-Za-z])\s*)?", re.S)


def labels_above(tex: str) -> str | None:
    """An ``aligned`` display whose rows start with a text label (``\\text{L2:}\\quad & ...``), each
    label on its own line above its formula, one statement per line, for narrow screens; None for
    any other display."""
    match = _ALIGNED.fullmatch(tex)
    if not match:
        return None
    rows = [row for row in _split_top_level(match.group(1), "\\\\") if row.strip()]
    lines = []
    for row in rows:
        cells = _split_top_level(row, "&")
        label = _LABEL.fullmatch(cells[0])
        if label is None or len(cells) < 2 or not label.group(1).rstrip("}").endswith(":"):
            return None
        lines.append(label.group(1))
        # Columns come in (right, left) pairs: a formula is a pair, the label the first cell's pair.
        formulas = [cells[1], *("".join(cells[i : i + 2]) for i in range(2, len(cells), 2))]
        for formula in formulas:
            for statement in filter(str.strip, _split_top_level(formula, "\\qquad")):
                lines += _chain_lines(statement)
    return "\\begin{aligned}" + " \\\\ ".join("&" + line for line in lines) + "\\end{aligned}"


def _chain_lines(statement: str) -> list[str]:
    """One statement as phone lines: ``a \\leftarrow b = c`` as ``a \\leftarrow b`` and, below it,
    ``= c`` (a chain continues at each relation after the first); a remark ``\\quad\\text{...}`` or
    ``\\quad (...)`` goes on its own line."""
    formula, *pieces = _split_top_level(statement, "\\quad")
    remarks = []
    for piece in pieces:
        if piece.lstrip().startswith(("\\text", "(")):
            remarks.append(piece)
        elif remarks:
            remarks[-1] += "\\quad" + piece
        else:
            formula += "\\quad" + piece
    parts = _split_top_level(formula, "=")
    if "\\leftarrow" not in parts[0] and len(parts) > 1:  # the first relation is an "="
        parts = [parts[0] + "=" + parts[1], *parts[2:]]
    lines = ["\\quad " + parts[0].strip(), *("\\qquad = " + part.strip() for part in parts[1:])]
    return lines + ["\\qquad " + remark.strip() for remark in remarks]


def narrow_twin(tex: str) -> str | None:
    """The phone layout of a display (labels above, one statement per line), or None if it has none."""
    return labels_above(tex) or one_statement_per_line(tex)


class Renderer:
    def __init__(self) -> None:
        self._proc: subprocess.Popen | None = None
        self._cache: dict[tuple[str, bool], str] = {}

    def _start(self) -> subprocess.Popen:
        if self._proc is None or self._proc.poll() is not None:
            node = shutil.which("node")
            if node is None:
                raise MathError("node is not installed: it is needed to render math (see README)")
            if not (ROOT / "node_modules" / "temml").is_dir():
                raise MathError("node_modules/temml is missing: run `npm ci` (make does it)")
            self._proc = subprocess.Popen(
                [node, str(SCRIPT)],
                cwd=ROOT,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                text=True,
                encoding="utf-8",
            )
        return self._proc

    def render(self, items: list[tuple[str, bool]]) -> list[str]:
        """MathML for each (tex, display); raises MathError listing every formula that fails."""
        todo = sorted({item for item in items if item not in self._cache})
        if todo:
            proc = self._start()
            request = {"macros": MACROS, "items": [{"tex": tex, "display": display} for tex, display in todo]}
            proc.stdin.write(json.dumps(request) + "\n")
            proc.stdin.flush()
            reply = proc.stdout.readline()
            if not reply:
                raise MathError("the TeX renderer stopped unexpectedly")
            errors = []
            for (tex, display), result in zip(todo, json.loads(reply), strict=True):
                if "error" in result:
                    errors.append(f"{result['error']} in: {tex}")
                else:
                    self._cache[(tex, display)] = sized_delimiters(result["mathml"])
            if errors:
                raise MathError("; ".join(errors))
        return [self._cache[item] for item in items]

    def close(self) -> None:
        if self._proc is not None:
            self._proc.stdin.close()
            self._proc.wait(timeout=10)
            self._proc.stdout.close()  # both pipes, or Python warns about an unclosed file
            self._proc = None

    def page(self, content: str) -> str:
        """Replace every arithmatex span/div in a page's HTML by MathML."""
        found = [(m, False) for m in _SPAN.finditer(content)] + [(m, True) for m in _DIV.finditer(content)]
        if not found:
            return content
        found.sort(key=lambda pair: pair[0].start())
        sources = [html.unescape(m.group(1)).strip() for m, _ in found]
        rendered = self.render([(tex, display) for tex, (_, display) in zip(sources, found, strict=True)])
        # Displays of several statements also get a one-statement-per-line twin; CSS shows one of
        # the two by screen width (extra.css: .math-display--wide / --narrow).
        narrow = {i: t for i, tex in enumerate(sources) if found[i][1] and (t := narrow_twin(tex))}
        narrow_mathml = dict(zip(narrow, self.render([(t, True) for t in narrow.values()]), strict=True))
        out, last = [], 0
        for i, ((match, display), mathml) in enumerate(zip(found, rendered, strict=True)):
            out.append(content[last : match.start()])
            if i in narrow_mathml:
                out.append(
                    f'<div class="math-display math-display--wide">{mathml}</div>'
                    f'<div class="math-display math-display--narrow">{narrow_mathml[i]}</div>'
                )
            else:
                out.append(f'<div class="math-display">{mathml}</div>' if display else mathml)
            last = match.end()
        out.append(content[last:])
        return "".join(out)

    def dollars(self, html_fragment: str) -> str:
        """Render ``$...$`` and ``$$...$$`` left in HTML (notebook Markdown cells), sparing <code>/<pre>."""
        # split() returns text, match, group 2 (tag name), ...: keep text and whole matches.
        parts = [p for i, p in enumerate(_CODE.split(html_fragment)) if i % 3 != 2]
        items, where = [], []
        for i, part in enumerate(parts):
            if i % 2:  # code, script or style: leave it alone
                continue
            for match in _DOLLARS.finditer(part):
                display = match.group(1) is not None
                tex = html.unescape(match.group(1) if display else match.group(2)).strip()
                items.append((tex, display))
                where.append((i, match))
        narrow = {k: t for k, (tex, display) in enumerate(items) if display and (t := narrow_twin(tex))}
        narrow_mathml = dict(zip(narrow, self.render([(t, True) for t in narrow.values()]), strict=True))
        by_part: dict[int, list] = {}
        for k, ((i, match), mathml) in enumerate(zip(where, self.render(items), strict=True)):
            by_part.setdefault(i, []).append((match, mathml, narrow_mathml.get(k)))
        for i, replacements in by_part.items():
            out, last, part = [], 0, parts[i]
            for match, mathml, phone in replacements:
                display = match.group(1) is not None
                # A span (styled as a block): notebook display math sits inside <p>, where a div is invalid.
                if phone:  # as on pages: CSS shows one twin by screen width
                    wrapped = (
                        f'<span class="math-display math-display--wide">{mathml}</span>'
                        f'<span class="math-display math-display--narrow">{phone}</span>'
                    )
                else:
                    wrapped = f'<span class="math-display">{mathml}</span>' if display else mathml
                out += [part[last : match.start()], wrapped]
                last = match.end()
            parts[i] = "".join(out) + part[last:]
        return "".join(parts)

    def characters(self) -> set[str]:
        """Every character the rendered math displays (for subsetting the font)."""
        chars: set[str] = set()
        for mathml in self._cache.values():
            text = re.sub(r"<annotation.*?</annotation>", "", mathml, flags=re.S)
            chars.update(html.unescape(re.sub(r"<[^>]+>", "", text)))
        return chars


# Inline math ending in a relation, then its number ("λ = 0.5"): scripts/page_markdown.py binds them
# with a no-break space, but Chromium still breaks after an inline <math>, so the pair is wrapped in
# a span that does not break (extra.css .nobr).
_MATH_THEN_NUMBER = re.compile(r"(<math\b(?:(?!</math>).)*</math>)\u00a0([−-]?\d[\d.,]*\d|[−-]?\d)", re.S)


# The relation that ends such a formula keeps its space on the left only: the no-break space before
# the number is the one on its right ("n = 64", not "n =  64", which MathML's rspace and the text's
# space together made, about 0.6 em where TeX puts 0.28).
_FORMULA_END = r"(?:</m\w+>)*(?:<annotation\b|</math>)"  # what may follow a formula's last token
# The relations that bind a formula to its neighbour (MathML escapes < and >).
_RELATION_SIGN = r"(?:=|≈|≤|≥|≠|&lt;|&gt;)"
_LAST_OPERATOR = re.compile(rf"<mo>([^<]*)</mo>({_FORMULA_END})")


def _no_space_after(math: str) -> str:
    return _LAST_OPERATOR.sub(r'<mo rspace="0">\1</mo>\2', math, count=1)


def keep_numbers_with_math(html: str) -> str:
    """Keep on one line what a phone must not split: each inline formula and the number bound to it
    (in a ``<span class="nobr">``), a number of the text and its per cent sign or relation
    (``bind_numbers_in_text``), a formula and the punctuation after it (``keep_punctuation_with_math``),
    and the two sides of a relation (``keep_relations_with_their_sides``)."""
    html = _MATH_THEN_NUMBER.sub(lambda m: f'<span class="nobr">{_no_space_after(m[1])}\u00a0{m[2]}</span>', html)
    return keep_relations_with_their_sides(keep_punctuation_with_math(bind_numbers_in_text(html)))


# Punctuation right after an inline formula (", and", ".", ")."): Chromium may break between the
# <math> and it, and a line then starts with "." on a phone; the pair goes in a .nobr span too.
_MATH_THEN_PUNCTUATION = re.compile(r"(<math\b(?:(?!</math>).)*</math>)([.,;:!?)\]]+)", re.S)


def keep_punctuation_with_math(html: str) -> str:
    """Wrap each inline formula and the punctuation right after it in ``<span class="nobr">``."""
    return _MATH_THEN_PUNCTUATION.sub(lambda m: f'<span class="nobr">{m[1]}{m[2]}</span>', html)


# A formula that starts with a relation ("<code>alpha</code> = α", "weight_decay = λ/α") and a word
# that ends with one ("λ= 1,000,000,000"): Chromium breaks before an inline <math> even after a
# no-break space, so a phone showed "alpha" at the end of one line and "= α" at the start of the
# next; the word, the space and the formula (or its .nobr span) go in a .nobr span together. Two
# formulas side by side ("$w_t =$ $w_{t-1} - ...$") are split so a long one can wrap there: left so.
_RELATION_START = re.compile(rf"<math>(?:<semantics>)?(?:<mrow>)?<mo\b[^>]*>(?:{_RELATION_SIGN}|<|>)</mo>")
_RELATION_END = re.compile(rf"{_RELATION_SIGN}$")
_WORD_THEN_MATH = re.compile(
    r"(<code>[^<]*</code>|(?<![^\s>])[^\s<>]+)[ \n\u00a0]+"
    r'(<span class="nobr"><math>(?:(?!</span>).)*</span>|<math>(?:(?!</math>).)*</math>)',
    re.S,
)


def keep_relations_with_their_sides(html: str) -> str:
    """Wrap a word (or code) and the inline formula after it in ``<span class="nobr">`` when the
    formula starts with a relation or the word ends with one; and a formula that ends with a
    relation and the code after it."""
    out, pos = [], 0
    while m := _WORD_THEN_MATH.search(html, pos):
        word, math = m[1], m[2]
        formula = math.removeprefix('<span class="nobr">')
        if _RELATION_START.match(formula) or _RELATION_END.search(word):
            out += [html[pos : m.start()], f'<span class="nobr">{word}\u00a0{math}</span>']
            pos = m.end()
        else:
            out.append(html[pos : m.end(1)])
            pos = m.end(1)
    return _MATH_THEN_CODE.sub(_bind_code, "".join(out) + html[pos:])


# A formula that ends with a relation, then code ("$\lambda =$ `weight_decay`"): the same break.
_MATH_THEN_CODE = re.compile(r"(<math>(?:(?!</math>).)*</math>)[ \n\u00a0]+(<code>[^<]*</code>)", re.S)
_ENDS_WITH_RELATION = re.compile(rf"<mo\b[^>]*>{_RELATION_SIGN}</mo>{_FORMULA_END}")


def _bind_code(m: re.Match) -> str:
    if not _ENDS_WITH_RELATION.search(m[1]):
        return m[0]
    return f'<span class="nobr">{_no_space_after(m[1])}\u00a0{m[2]}</span>'


# Plain text, wherever it is (captions, table cells, card titles, lists): "36 %" and "t = 1.2" (and
# "(< 0.01") never break inside.  page_markdown.bind_numbers only sees the page's own Markdown and
# math; generated tables and the errata's text reach the HTML without it.
_SKIPPED = re.compile(r"<(code|pre|script|style|math|svg|textarea)\b.*?</\1>", re.S)
_TAG = re.compile(r"<[^>]*>")
_RELATION = r"(?:=|&lt;|&gt;|≈|≤|≥)"
_AFTER_RELATION = re.compile(rf"({_RELATION})[ \n]+(?=[−-]?\d)")
_BEFORE_RELATION = re.compile(rf"(?<=\S)[ \n]+(?={_RELATION}\u00a0[−-]?\d)")
_BEFORE_PER_CENT = re.compile(r"(?<=\d)[ \n]+(?=%)")


def _bind_text(text: str) -> str:
    text = _BEFORE_PER_CENT.sub("\u00a0", text)
    text = _AFTER_RELATION.sub("\\1\u00a0", text)
    return _BEFORE_RELATION.sub("\u00a0", text)


def bind_numbers_in_text(html: str) -> str:
    """No-break spaces in the text of ``html`` (not in tags, code, scripts or math) before a per cent
    sign after a number, and around a relation followed by a number."""
    out, last = [], 0
    for skipped in [*_SKIPPED.finditer(html), None]:
        end = skipped.start() if skipped else len(html)
        chunk, pos = html[last:end], 0
        for tag in [*_TAG.finditer(chunk), None]:
            stop = tag.start() if tag else len(chunk)
            out.append(_bind_text(chunk[pos:stop]))
            if tag:
                out.append(tag.group(0))
                pos = tag.end()
        if skipped:
            out.append(skipped.group(0))
            last = skipped.end()
    return "".join(out)
