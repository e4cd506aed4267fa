"""How to cite the site, in BibTeX and APA, made from ``CITATION.cff`` (nothing else: no date or
address is added that the file does not give; APA says "n.d." without a release date).

``hooks/site_build.py`` replaces the marker line ``<!-- citation -->`` of a page with
``markdown(load())``: two tabs, each a code block with Material's copy button.
"""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import yaml

from scripts.pipeline import ROOT

CFF = ROOT / "CITATION.cff"
MARKER = re.compile(r"^([ \t]*)<!-- citation -->[ \t]*$", re.M)


class CitationError(ValueError):
    """CITATION.cff is missing, unreadable, or lacks what a citation needs."""


def load(path: Path = CFF) -> dict:
    """The parsed file; raises ``CitationError`` naming the file and what is wrong."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise CitationError(f"{path.name}: cannot read it: {exc}") from exc
    if not isinstance(data, dict):
        raise CitationError(f"{path.name}: not a mapping of keys")
    if not isinstance(data.get("title"), str) or not data["title"].strip():
        raise CitationError(f"{path.name}: no title")
    authors = data.get("authors")
    if not isinstance(authors, list) or not authors:
        raise CitationError(f"{path.name}: no authors")
    for i, author in enumerate(authors, 1):
        if not isinstance(author, dict) or not (author.get("name") or author.get("family-names")):
            raise CitationError(f"{path.name}: author {i} has neither a name nor family-names")
    return data


def _year(cff: dict) -> str | None:
    released = cff.get("date-released")
    if released is None:
        return None
    if isinstance(released, datetime.date):
        return str(released.year)
    match = re.match(r"(\d{4})-\d\d-\d\d$", str(released))
    if not match:
        raise CitationError(f"date-released {released!r} is not YYYY-MM-DD")
    return match[1]


def _url(cff: dict) -> str | None:
    return cff.get("url") or cff.get("repository-code")


def _bibtex_name(author: dict) -> str:
    if author.get("family-names"):
        given = author.get("given-names")
        return f"{author['family-names']}, {given}" if given else author["family-names"]
    return "{" + author["name"] + "}"  # an entity: braces keep BibTeX from splitting it


def _key(cff: dict) -> str:
    words = re.findall(r"[a-z0-9]+", cff["title"].lower())
    return "_".join(words[:6])


def bibtex(cff: dict) -> str:
    fields = [
        ("author", " and ".join(_bibtex_name(a) for a in cff["authors"])),
        ("title", "{" + cff["title"] + "}"),  # keep its capitals (L1, L2)
    ]
    if cff.get("version"):
        fields.append(("version", str(cff["version"])))
    if year := _year(cff):
        fields.append(("year", year))
    if url := _url(cff):
        fields.append(("url", url))
    if cff.get("license"):
        licences = cff["license"] if isinstance(cff["license"], list) else [cff["license"]]
        fields.append(("note", "Licence: " + ", ".join(licences)))
    width = max(len(name) for name, _ in fields)
    body = ",\n".join(f"  {name.ljust(width)} = {{{value}}}" for name, value in fields)
    return f"@misc{{{_key(cff)},\n{body},\n}}"


def _apa_name(author: dict) -> str:
    if not author.get("family-names"):
        return author["name"]
    given = author.get("given-names", "")
    initials = " ".join(f"{part[0]}." for part in re.split(r"[\s]+", given) if part)
    return f"{author['family-names']}, {initials}" if initials else author["family-names"]


def apa(cff: dict) -> str:
    """APA 7 for software: Author. (Year). *Title* (Version v) [Computer software]. URL"""
    names = [_apa_name(a) for a in cff["authors"]]
    authors = names[0] if len(names) == 1 else ", ".join(names[:-1]) + ", & " + names[-1]
    version = f" (Version {cff['version']})" if cff.get("version") else ""
    kind = " [Computer software]" if cff.get("type", "software") == "software" else ""
    text = f"{authors}{'' if authors.endswith('.') else '.'} ({_year(cff) or 'n.d.'}). {cff['title']}{version}{kind}."
    if url := _url(cff):
        text += f" {url}"
    return text


def markdown(cff: dict, indent: str = "") -> str:
    """Two content tabs, BibTeX and APA, each one code block (Material adds the copy button)."""

    def block(title: str, lang: str, text: str) -> list[str]:
        return [f'=== "{title}"', "", f"    ``` {lang}", *(f"    {line}" for line in text.splitlines()), "    ```", ""]

    lines = [*block("BibTeX", "bibtex", bibtex(cff)), *block("APA", "text", apa(cff))]
    return "\n".join(f"{indent}{line}" if line else "" for line in lines).rstrip("\n")


def expand(page_markdown: str, cff: dict | None = None) -> str:
    """Replace each ``<!-- citation -->`` line with the citation (CITATION.cff read only if needed)."""
    if not MARKER.search(page_markdown):
        return page_markdown
    cff = load() if cff is None else cff
    return MARKER.sub(lambda m: markdown(cff, m[1]), page_markdown)
