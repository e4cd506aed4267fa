"""The errata registry and the tables generated from it."""

from __future__ import annotations

import posixpath

import pytest

from scripts import errata


def test_registry_is_valid_and_non_empty():
    entries = errata.entries()
    assert entries
    known = errata.articles()
    for entry in entries:
        assert entry.article in known
        page = errata.ROOT / "docs" / entry.evidence.split("#")[0]
        assert page.is_file(), f"evidence page {entry.evidence} does not exist"


def test_site_wide_tables_have_a_row_per_entry_and_counts_that_add_up():
    table = errata.table("all", "errata.md")
    entries = errata.entries()
    claims = [line for line in table.splitlines() if line.startswith("| “")]
    assert len(claims) == len(entries)
    assert table.splitlines()[0].startswith("| Article | wrong | imprecise | missing caveat | total |")
    total_row = next(line for line in table.splitlines() if line.startswith("| **all articles**"))
    assert total_row.rstrip(" |").endswith(str(len(entries)))
    for key in {e.article for e in entries}:
        assert f"{{ #{key} }}" in table  # one section per article, with a stable anchor


def test_links_are_relative_to_the_page():
    for entry in errata.entries():
        path, anchor = entry.evidence.split("#")
        expected = posixpath.relpath(path, "articles")  # from a page in docs/articles/
        assert f"]({expected}#{anchor})" in errata.table(entry.article, "articles/x.md")
    assert "](../conventions.md#" in errata.table("geometry", "articles/x.md")  # one outside articles/


def test_unknown_article_marker_is_an_error():
    with pytest.raises(errata.ErrataError, match="unknown article 'nope'"):
        errata.expand("<!-- errata: nope -->", "index.md")


def test_invalid_entries_are_rejected(tmp_path, monkeypatch):
    (tmp_path / "articles.toml").write_text('[a]\ntitle = "T"\nbyline = "B"\npage = "p.md"\n')
    (tmp_path / "a.toml").write_text(
        '[[erratum]]\nclaim = "c"\nverdict = "bad"\ncorrection = "x"\nevidence = "p.md#a"\n'
    )
    monkeypatch.setattr(errata, "FOLDER", tmp_path)
    with pytest.raises(errata.ErrataError, match="verdict must be one of"):
        errata.entries()
    long_quote = " ".join(["word"] * 26)
    (tmp_path / "a.toml").write_text(
        f'[[erratum]]\nclaim = "{long_quote}"\nverdict = "wrong"\ncorrection = "x"\nevidence = "p.md#a"\n'
    )
    with pytest.raises(errata.ErrataError, match="quote longer than"):
        errata.entries()


def test_the_census_sees_corrections_but_not_generated_counts():
    from scripts import prose as census

    page = "Intro.\n\n<!-- errata: all -->\n"
    text = errata.prose(page)
    assert len(text.split("\n\n")) == len(errata.entries())
    assert census.check("The error is 0.5.", {})  # an untagged number in a correction would be caught
    assert "| total |" not in text
