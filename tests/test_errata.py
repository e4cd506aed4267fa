"""The errata registry and the tables generated from it."""

from __future__ import annotations

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


def test_site_wide_table_has_a_row_per_entry():
    table = errata.table("all", "errata.md")
    assert len(table.splitlines()) == 2 + len(errata.entries())
    assert table.splitlines()[0].startswith("| Article | Claim |")


def test_links_are_relative_to_the_page():
    entry = errata.entries()[0]
    path, anchor = entry.evidence.split("#")
    assert f"](../{path}#{anchor})" in errata.table(entry.article, "articles/x.md")


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
