"""docs/references.md: every entry links its DOI or arXiv id, or says explicitly that it has none."""

from __future__ import annotations

import re

from scripts.pipeline import ROOT

REFERENCES = ROOT / "docs" / "references.md"
SECTIONS = ("The four articles", "Papers", "Books", "Software")
DOI = re.compile(r"DOI \[`(10\.\d{4,9}/[^`\s]+)`\]\(https://doi\.org/([^)\s]+)\)")
ARXIV = re.compile(r"arXiv \[`(\d{4}\.\d{4,5})`\]\(https://arxiv\.org/abs/([^)\s]+)\)")
NO_ID = re.compile(r"\bno DOI\b", re.I)


def entries(markdown: str) -> dict[str, list[str]]:
    """``{section: [entry text]}``: each top-level list item with its continuation lines."""
    found: dict[str, list[str]] = {}
    section = None
    for line in markdown.splitlines():
        if line.startswith("## "):
            section = line[3:].split("{")[0].strip()
            found.setdefault(section, [])
        elif section and line.startswith("- "):
            found[section].append(line[2:])
        elif section and line.startswith("  ") and found[section]:
            found[section][-1] += " " + line.strip()
    return found


def test_entries_are_read_per_section():
    sample = "## Papers\n\n- One DOI\n  continued.\n- Two\n\n## Books\n- Three\n"
    assert entries(sample) == {"Papers": ["One DOI continued.", "Two"], "Books": ["Three"]}


def test_every_reference_has_a_linked_doi_or_arxiv_id_or_says_it_has_none():
    found = entries(REFERENCES.read_text(encoding="utf-8"))
    assert set(SECTIONS) <= set(found)
    assert len(found["Papers"]) >= 14
    for section in SECTIONS:
        for entry in found[section]:
            ids = DOI.findall(entry) + ARXIV.findall(entry)
            assert ids or NO_ID.search(entry), f"{section}: no DOI, arXiv id or 'no DOI' in: {entry[:80]}"
            for shown, target in ids:
                assert shown == target, f"{section}: link text {shown} differs from its target {target}"


def test_every_paper_has_an_identifier():
    for entry in entries(REFERENCES.read_text(encoding="utf-8"))["Papers"]:
        assert DOI.search(entry) or ARXIV.search(entry), entry[:80]
