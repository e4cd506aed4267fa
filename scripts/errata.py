"""The errata registry: one TOML file per article under ``errata/``, one table per page.

``errata/articles.toml`` describes the articles (title, what their text shows about author and
site, the page and lab that restate them); ``errata/<article>.toml`` lists that article's
claims in the article's order, each with its verdict: the ones judged correct too, so the
article page's verdict list (``scripts/article_template.py``) is generated from here alone.
The corrections (every verdict but "correct") are what the errata page and its counts show:

    <!-- errata: norms -->     (one article)     <!-- errata: all -->

The verdict scale (``SCALE``) is defined here once: the errata page shows it with
``<!-- verdict-scale -->``, the registry is validated against it, and the tests check
that every inline verdict on the article pages (``**Verdict: <word>.**``) uses it.
"""

from __future__ import annotations

import posixpath
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from scripts.prose import quoted as _quoted_words

ROOT = Path(__file__).resolve().parent.parent
FOLDER = ROOT / "errata"
# The one verdict scale of the site, mildest first: word -> definition (Markdown).
SCALE = {
    "correct": "true as the article states it, in its own setting.",
    "imprecise": (
        "the idea is right, but the wording is loose or names the wrong object, and a careful reader "
        "could repair it from the article itself (for example the squared norm called “the L2 norm” "
        "where the article names the squared form elsewhere)."
    ),
    "missing caveat": "true under conditions the article does not state, and false outside them.",
    "wrong": (
        "false as stated, in the article's own setting, including a right conclusion given for a reason "
        "the evidence shows is not the reason."
    ),
}
# Verdicts that make a claim a correction (the errata page and its counts); column order of the tables.
VERDICTS = ("wrong", "imprecise", "missing caveat")
MAX_QUOTE_WORDS = 25
MARKER = re.compile(r"<!--\s*errata:\s*([\w-]+)\s*-->")
SCALE_MARKER = re.compile(r"<!--\s*verdict-scale\s*-->")
ARTICLE_FIELDS = ("title", "byline", "page", "lab")
# Every claim: a short quote, its verdict, a one-line summary of the correction (or of why it is
# right) for the verdict list, and the section with the evidence.  The full correction text is
# required for corrections and absent for correct claims.
ERRATUM_FIELDS = ("claim", "verdict", "short", "evidence")
CORRECTION_FIELD = "correction"
MAX_SHORT_WORDS = 30
# On article pages: a bold span that announces a verdict ...
_BOLD = re.compile(r"\*\*(.+?)\*\*", re.DOTALL)
_LOOKS_LIKE_VERDICT = re.compile(
    r"^\s*verdict\b|:\s*(correct|right|wrong|imprecise|missing caveat|partly|mostly|confirmed)\b[^:]*$",
    re.IGNORECASE,
)
# ... must be exactly this, with a word of the scale.
INLINE_VERDICT = re.compile(r"Verdict: (" + "|".join(map(re.escape, SCALE)) + r")\.")

assert set(VERDICTS) < set(SCALE)


class ErrataError(ValueError):
    pass


@dataclass(frozen=True)
class Article:
    key: str
    title: str
    byline: str  # author and site as the article's text shows them
    page: str  # docs-relative path of the page that restates it
    lab: str  # docs-relative path of its notebook


@dataclass(frozen=True)
class Erratum:
    article: str
    claim: str  # short quote of the article
    verdict: str
    short: str  # one line, Markdown: the verdict list's summary
    evidence: str  # docs-relative link, with anchor
    correction: str = ""  # Markdown; empty for a correct claim


def _read(path: Path) -> dict:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ErrataError(f"{path.relative_to(ROOT)}: {exc}") from exc


def _check_fields(fields, where: str, names: tuple[str, ...], optional: tuple[str, ...] = ()) -> dict[str, str]:
    """Exactly the named fields (plus optional ones), each a non-empty string; errors name the place and field."""
    if not isinstance(fields, dict):
        raise ErrataError(f"{where}: expected a table with fields {', '.join(names)}, got {type(fields).__name__}")
    unknown = sorted(set(fields) - set(names) - set(optional))
    if unknown:
        raise ErrataError(f"{where}: unknown field(s) {', '.join(unknown)}; allowed: {', '.join(names + optional)}")
    missing = [k for k in names if k not in fields]
    if missing:
        raise ErrataError(f"{where}: missing {', '.join(missing)}")
    for k in [*names, *(k for k in optional if k in fields)]:
        if not isinstance(fields[k], str) or not fields[k].strip():
            raise ErrataError(f"{where}: field {k!r} must be a non-empty string, got {fields[k]!r}")
    return fields


def articles() -> dict[str, Article]:
    path = FOLDER / "articles.toml"
    data = _read(path)
    name = path.name
    return {
        key: Article(key=key, **_check_fields(fields, f"{name} [{key}]", ARTICLE_FIELDS))
        for key, fields in data.items()
    }


def entries() -> list[Erratum]:
    """The corrections (every claim whose verdict is not "correct"), in ``claims()`` order."""
    return [c for c in claims() if c.verdict in VERDICTS]


def claims() -> list[Erratum]:
    """Every judged claim, validated; article files in name order, claims in file order."""
    known = articles()
    found = []
    for path in sorted(FOLDER.glob("*.toml")):
        if path.name in ("articles.toml", "changelog.toml"):  # not corrections: scripts/changelog.py
            continue
        key = path.stem
        if key not in known:
            raise ErrataError(f"{path.name}: no article {key!r} in errata/articles.toml")
        data = _read(path)
        unknown = sorted(set(data) - {"erratum"})
        if unknown:
            raise ErrataError(f"{path.name}: unknown key(s) {', '.join(unknown)}; entries go in [[erratum]] tables")
        items = data.get("erratum", [])
        if not isinstance(items, list):
            raise ErrataError(
                f"{path.name}: 'erratum' must be an array of tables ([[erratum]]), got {type(items).__name__}"
            )
        for i, fields in enumerate(items, start=1):
            where = f"{path.name} entry {i}"
            fields = _check_fields(fields, where, ERRATUM_FIELDS, (CORRECTION_FIELD,))
            if fields["verdict"] not in SCALE:
                raise ErrataError(f"{where}: verdict must be one of {tuple(SCALE)}, not {fields['verdict']!r}")
            if fields["verdict"] in VERDICTS and CORRECTION_FIELD not in fields:
                raise ErrataError(f"{where}: verdict {fields['verdict']!r} needs a 'correction' (the full text)")
            if fields["verdict"] not in VERDICTS and CORRECTION_FIELD in fields:
                raise ErrataError(f"{where}: a correct claim has no 'correction'; say why it is right in 'short'")
            if len(fields["claim"].split()) > MAX_QUOTE_WORDS:
                raise ErrataError(f"{where}: quote longer than {MAX_QUOTE_WORDS} words; shorten it")
            if len(fields["short"].split()) > MAX_SHORT_WORDS or "\n" in fields["short"].strip():
                raise ErrataError(f"{where}: 'short' must be one line of at most {MAX_SHORT_WORDS} words")
            if "#" not in fields["evidence"] or not fields["evidence"].split("#")[0].endswith(".md"):
                raise ErrataError(f"{where}: evidence must be a page link with an anchor, like page.md#section")
            found.append(Erratum(article=key, **fields))
    return found


def _relative(target: str, page: str) -> str:
    path, _, anchor = target.partition("#")
    rel = posixpath.relpath(path, posixpath.dirname(page) or ".")
    return f"{rel}#{anchor}" if anchor else rel


def _rows(rows: list[Erratum], page: str) -> list[str]:
    lines = ["| Claim | Verdict | Correction |", "|---|---|---|"]
    for e in rows:
        correction = e.correction.replace("\n", " ").strip()
        cells = [f"“{e.claim}”", e.verdict, f"{correction} [evidence]({_relative(e.evidence, page)})"]
        lines.append("| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |")
    return lines


def table(which: str, page: str) -> str:
    """Markdown for one article's errata (or ``all``, grouped by article), links relative to ``page``."""
    known = articles()
    if which != "all" and which not in known:
        raise ErrataError(f"errata marker names unknown article {which!r}; known: {', '.join(known)}")
    rows = [e for e in entries() if which in ("all", e.article)]
    if not rows:
        raise ErrataError(f"no errata recorded for {which!r}")
    if which != "all":
        return "\n".join(_rows(rows, page))
    # Site-wide: a count per article and verdict, then one section per article.
    head = ["| Article | " + " | ".join(VERDICTS) + " | total |", "|---|" + "---:|" * (len(VERDICTS) + 1)]
    sections = []
    for key, article in known.items():
        mine = [e for e in rows if e.article == key]
        if not mine:
            continue
        exists = (ROOT / "docs" / article.page).is_file()  # link once the page exists
        title = f"[{article.title}]({_relative(article.page, page)})" if exists else article.title
        counts = [str(sum(e.verdict == v for e in mine)) for v in VERDICTS]
        head.append(f"| {title} | " + " | ".join(counts) + f" | {len(mine)} |")
        page_link = f"[restated and checked here]({_relative(article.page, page)})" if exists else "restated here"
        sections += [
            "",
            f"## {article.title} {{ #{key} }}",
            "",
            f"{article.byline[0].upper()}{article.byline[1:]}; {page_link}.",
            "",
        ]
        sections += _rows(mine, page)
    total = [str(sum(e.verdict == v for e in rows)) for v in VERDICTS]
    head.append("| **all articles** | " + " | ".join(total) + f" | {len(rows)} |")
    return "\n".join(head + sections)


def prose(markdown: str) -> str:
    """The hand-written text (quotes and corrections) of the errata a page's markers show.

    The census of untagged numbers applies to it, but not to the generated counts.
    """
    parts = [scale_markdown()] if SCALE_MARKER.search(markdown) else []
    for which in MARKER.findall(markdown):
        # The claim is the article's words: numbers in its math are the article's, not computed.
        parts += [f"“{_quoted_words(e.claim)}” {e.correction}" for e in entries() if which in ("all", e.article)]
    return "\n\n".join(parts)


def scale_markdown() -> str:
    """The verdict scale as a Markdown list, from ``SCALE``."""
    return "\n".join(f"- **{word}**: {definition}" for word, definition in SCALE.items())


def verdict_problems(markdown: str) -> list[str]:
    """Bold spans of an article page that announce a verdict but are not ``**Verdict: <word>.**``.

    Also the cells of a table column headed "verdict", which must be one word of the scale.
    """
    problems = []
    for m in _BOLD.finditer(markdown):
        inner = m.group(1)
        if _LOOKS_LIKE_VERDICT.search(inner) and not INLINE_VERDICT.fullmatch(inner):
            problems.append(
                f"**{inner}**: write an inline verdict exactly as **Verdict: <word>.**, word in {list(SCALE)}"
            )
    column = None
    for line in markdown.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")] if line.lstrip().startswith("|") else None
        if cells is None:
            column = None
        elif column is None:
            lowered = [c.lower() for c in cells]
            column = lowered.index("verdict") if "verdict" in lowered else -1
        elif column >= 0 and not set(line) <= set("|:- "):
            cell = cells[column] if column < len(cells) else ""
            if cell not in SCALE:
                problems.append(f"table row {line.strip()[:60]!r}: verdict {cell!r} is not a word of {list(SCALE)}")
    return problems


def expand(markdown: str, page: str) -> str:
    markdown = SCALE_MARKER.sub(lambda m: scale_markdown(), markdown)
    return MARKER.sub(lambda m: table(m.group(1), page), markdown)
