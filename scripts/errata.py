"""The errata registry: one TOML file per article under ``errata/``, one table per page.

``errata/articles.toml`` describes the articles (title and what their text shows about
author and site); ``errata/<article>.toml`` lists that article's corrections.  Pages show
them with a marker comment, and the site-wide errata page shows them all:

    <!-- errata: norms -->     (one article)     <!-- errata: all -->
"""

from __future__ import annotations

import posixpath
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FOLDER = ROOT / "errata"
VERDICTS = ("wrong", "imprecise", "missing caveat")
MAX_QUOTE_WORDS = 25
MARKER = re.compile(r"<!--\s*errata:\s*([\w-]+)\s*-->")


class ErrataError(ValueError):
    pass


@dataclass(frozen=True)
class Article:
    key: str
    title: str
    byline: str  # author and site as the article's text shows them
    page: str  # docs-relative path of the page that restates it


@dataclass(frozen=True)
class Erratum:
    article: str
    claim: str  # short quote of the article
    verdict: str
    correction: str  # Markdown
    evidence: str  # docs-relative link, with anchor


def _read(path: Path) -> dict:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ErrataError(f"{path.relative_to(ROOT)}: {exc}") from exc


def articles() -> dict[str, Article]:
    data = _read(FOLDER / "articles.toml")
    return {key: Article(key=key, **fields) for key, fields in data.items()}


def entries() -> list[Erratum]:
    """Every erratum, validated; article files in name order, entries in file order."""
    known = articles()
    found = []
    for path in sorted(FOLDER.glob("*.toml")):
        if path.name in ("articles.toml", "changelog.toml"):  # not corrections: scripts/changelog.py
            continue
        key = path.stem
        if key not in known:
            raise ErrataError(f"{path.name}: no article {key!r} in errata/articles.toml")
        for i, fields in enumerate(_read(path).get("erratum", []), start=1):
            where = f"{path.name} entry {i}"
            missing = {"claim", "verdict", "correction", "evidence"} - set(fields)
            if missing:
                raise ErrataError(f"{where}: missing {', '.join(sorted(missing))}")
            if fields["verdict"] not in VERDICTS:
                raise ErrataError(f"{where}: verdict must be one of {VERDICTS}, not {fields['verdict']!r}")
            if len(fields["claim"].split()) > MAX_QUOTE_WORDS:
                raise ErrataError(f"{where}: quote longer than {MAX_QUOTE_WORDS} words; shorten it")
            if "#" not in fields["evidence"] or not fields["evidence"].split("#")[0].endswith(".md"):
                raise ErrataError(f"{where}: evidence must be a page link with an anchor, like page.md#section")
            found.append(Erratum(article=key, **{k: fields[k] for k in ("claim", "verdict", "correction", "evidence")}))
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
    parts = []
    for which in MARKER.findall(markdown):
        parts += [f"“{e.claim}” {e.correction}" for e in entries() if which in ("all", e.article)]
    return "\n\n".join(parts)


def expand(markdown: str, page: str) -> str:
    return MARKER.sub(lambda m: table(m.group(1), page), markdown)
