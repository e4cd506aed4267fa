"""scripts/citation.py: BibTeX and APA from CITATION.cff, with nothing the file does not say."""

from __future__ import annotations

import datetime

import pytest

from scripts import citation

ENTITY = {
    "title": "L1 and L2 regularization, recomputed",
    "authors": [{"name": "The contributors"}],
    "version": "0.1.0",
    "type": "software",
}
PEOPLE = {
    "title": "A site",
    "authors": [
        {"family-names": "Lovelace", "given-names": "Ada Augusta"},
        {"family-names": "Turing", "given-names": "Alan"},
        {"name": "A Lab"},
    ],
    "date-released": datetime.date(2026, 12, 2),
    "repository-code": "https://example.org/repo",
}


def test_the_real_file_gives_an_undated_citation_without_an_address():
    cff = citation.load()
    assert "date-released" not in cff and "url" not in cff and "repository-code" not in cff
    apa = citation.apa(cff)
    assert apa == (
        "The contributors of L1 and L2 regularization, recomputed. (n.d.). "
        "L1 and L2 regularization, recomputed (Version 0.1.0) [Computer software]."
    )
    bib = citation.bibtex(cff)
    assert "year" not in bib and "url" not in bib
    assert "author  = {{The contributors of L1 and L2 regularization, recomputed}}" in bib


def test_bibtex_braces_an_entity_and_writes_people_family_first():
    assert "author  = {{The contributors}}" in citation.bibtex(ENTITY)
    bib = citation.bibtex(PEOPLE)
    assert "author = {Lovelace, Ada Augusta and Turing, Alan and {A Lab}}" in bib
    assert "year   = {2026}" in bib and "url    = {https://example.org/repo}" in bib
    assert bib.startswith("@misc{a_site,\n") and bib.endswith(",\n}")


def test_apa_uses_initials_an_ampersand_the_year_and_the_address_when_given():
    assert citation.apa(PEOPLE) == (
        "Lovelace, A. A., Turing, A., & A Lab. (2026). A site [Computer software]. https://example.org/repo"
    )


def test_the_marker_becomes_two_tabs_of_code_blocks_keeping_its_indent():
    page = "Before.\n\n<!-- citation -->\n\nAfter.\n"
    out = citation.expand(page, ENTITY)
    assert out.startswith('Before.\n\n=== "BibTeX"\n\n    ``` bibtex\n    @misc{')
    assert '=== "APA"\n\n    ``` text\n    The contributors. (n.d.).' in out
    assert out.endswith("    ```\n\nAfter.\n") and "<!-- citation -->" not in out
    nested = citation.expand("- item\n\n    <!-- citation -->\n", ENTITY)
    assert '\n    === "BibTeX"\n\n        ``` bibtex\n' in nested
    assert citation.expand("No marker.\n", None) == "No marker.\n"  # the file is not even read


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("- a list\n", "not a mapping"),
        ("authors: [{name: X}]\n", "no title"),
        ("title: T\n", "no authors"),
        ("title: T\nauthors: [{given-names: Ada}]\n", "author 1 has neither"),
        ("title: T\nauthors: [{name: X}]\ndate-released: soon\n", "not YYYY-MM-DD"),
        ("title: [unclosed\n", "cannot read"),
    ],
)
def test_a_bad_file_raises_a_clear_error(tmp_path, text, problem):
    path = tmp_path / "CITATION.cff"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(citation.CitationError, match=problem):
        citation.apa(citation.load(path))


def test_a_missing_file_raises_naming_it(tmp_path):
    with pytest.raises(citation.CitationError, match=r"CITATION\.cff: cannot read"):
        citation.load(tmp_path / "CITATION.cff")
