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
    # from a page in another folder (every evidence now points at a section of its article's page)
    assert "](../articles/geometry.md#" in errata.table("geometry", "beyond/x.md")


def test_unknown_article_marker_is_an_error():
    with pytest.raises(errata.ErrataError, match="unknown article 'nope'"):
        errata.expand("<!-- errata: nope -->", "index.md")


def test_invalid_entries_are_rejected(tmp_path, monkeypatch):
    (tmp_path / "articles.toml").write_text('[a]\ntitle = "T"\nbyline = "B"\npage = "p.md"\nlab = "l"\n')
    (tmp_path / "a.toml").write_text(
        '[[erratum]]\nclaim = "c"\nverdict = "bad"\nshort = "s"\ncorrection = "x"\nevidence = "p.md#a"\n'
    )
    monkeypatch.setattr(errata, "FOLDER", tmp_path)
    with pytest.raises(errata.ErrataError, match="verdict must be one of"):
        errata.entries()
    long_quote = " ".join(["word"] * 26)
    (tmp_path / "a.toml").write_text(
        f'[[erratum]]\nclaim = "{long_quote}"\nverdict = "wrong"\nshort = "s"\ncorrection = "x"\nevidence = "p.md#a"\n'
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


# ----------------------------------------------------------------------- registry input errors
ARTICLES_OK = '[a]\ntitle = "T"\nbyline = "B"\npage = "p.md"\nlab = "l.ipynb"\n'
ENTRY_OK = 'claim = "c"\nverdict = "wrong"\nshort = "s"\ncorrection = "x"\nevidence = "p.md#a"\n'


@pytest.mark.parametrize(
    ("articles", "entries", "message"),
    [
        ('[a]\ntitle = "T"\npage = "p.md"\nlab = "l"\n', "", r"articles\.toml \[a\]: missing byline"),
        (ARTICLES_OK + 'tittle = "x"\n', "", r"articles\.toml \[a\]: unknown field\(s\) tittle"),
        (
            '[a]\ntitle = 3\nbyline = "B"\npage = "p.md"\nlab = "l"\n',
            "",
            r"articles\.toml \[a\]: field 'title' must be",
        ),
        ('a = "not a table"\n', "", r"articles\.toml \[a\]: expected a table"),
        (ARTICLES_OK, "[[erratum]]\n" + ENTRY_OK + 'sorce = "x"\n', r"a\.toml entry 1: unknown field\(s\) sorce"),
        (
            ARTICLES_OK,
            '[[erratum]]\nclaim = "c"\nverdict = "wrong"\nshort = "s"\nevidence = "p.md#a"\n',
            "entry 1: verdict 'wrong' needs a 'correction'",
        ),
        (ARTICLES_OK, "[[erratum]]\n" + ENTRY_OK.replace('"x"', "1"), r"entry 1: field 'correction' must be"),
        (ARTICLES_OK, "erratum = 3\n", r"a\.toml: 'erratum' must be an array of tables"),
        (ARTICLES_OK, "[erratum]\n" + ENTRY_OK, r"a\.toml: 'erratum' must be an array of tables"),
        (ARTICLES_OK, "[[errata]]\n" + ENTRY_OK, r"a\.toml: unknown key\(s\) errata"),
        (ARTICLES_OK, "[[erratum]]\n" + ENTRY_OK.replace('"wrong"', '"right"'), "verdict must be one of"),
        (
            ARTICLES_OK,
            "[[erratum]]\n" + ENTRY_OK.replace('"wrong"', '"correct"'),
            "a correct claim has no 'correction'",
        ),
        (ARTICLES_OK, "[[erratum]]\n" + ENTRY_OK.replace('short = "s"\n', ""), "entry 1: missing short"),
        (
            ARTICLES_OK,
            "[[erratum]]\n" + ENTRY_OK.replace('"s"', '"' + " ".join(["w"] * 31) + '"'),
            "'short' must be one line of at most 30 words",
        ),
    ],
)
def test_bad_registry_input_names_the_file_and_field(tmp_path, monkeypatch, articles, entries, message):
    (tmp_path / "articles.toml").write_text(articles)
    (tmp_path / "a.toml").write_text(entries)
    monkeypatch.setattr(errata, "FOLDER", tmp_path)
    with pytest.raises(errata.ErrataError, match=message):
        errata.entries()


def test_a_valid_scratch_registry_passes(tmp_path, monkeypatch):
    (tmp_path / "articles.toml").write_text(ARTICLES_OK)
    (tmp_path / "a.toml").write_text("[[erratum]]\n" + ENTRY_OK)
    monkeypatch.setattr(errata, "FOLDER", tmp_path)
    assert [e.claim for e in errata.entries()] == ["c"]


def test_correct_claims_are_judged_but_are_not_corrections(tmp_path, monkeypatch):
    right = 'claim = "r"\nverdict = "correct"\nshort = "why"\nevidence = "p.md#a"\n'
    (tmp_path / "articles.toml").write_text(ARTICLES_OK)
    (tmp_path / "a.toml").write_text("[[erratum]]\n" + right + "\n[[erratum]]\n" + ENTRY_OK)
    monkeypatch.setattr(errata, "FOLDER", tmp_path)
    assert [(c.claim, c.verdict, c.correction) for c in errata.claims()] == [("r", "correct", ""), ("c", "wrong", "x")]
    assert [e.claim for e in errata.entries()] == ["c"]


# ----------------------------------------------------------------------- the verdict scale
def test_the_scale_has_four_words_and_the_registry_uses_three_of_them():
    assert list(errata.SCALE) == ["correct", "imprecise", "missing caveat", "wrong"]
    assert set(errata.VERDICTS) == set(errata.SCALE) - {"correct"}
    assert all(errata.SCALE[word].strip() for word in errata.SCALE)
    assert {e.verdict for e in errata.entries()} <= set(errata.VERDICTS)


def test_the_errata_page_shows_the_scale_from_the_code():
    page = (errata.ROOT / "docs" / "errata.md").read_text(encoding="utf-8")
    assert errata.SCALE_MARKER.search(page)
    expanded = errata.expand(page, "errata.md")
    for word, definition in errata.SCALE.items():
        assert f"- **{word}**: {definition}" in expanded
    # no hand-written definition next to the generated one
    assert page.count("**wrong**") == page.count("**imprecise**") == 0


def test_verdict_checker_accepts_only_the_exact_form():
    assert errata.verdict_problems("**Verdict: missing caveat.** Because ...") == []
    assert errata.verdict_problems("**Ridge is not always gentle.**") == []
    for bad in (
        "**Verdict: right.**",
        "**Verdict: wrong as stated; right after one fix.**",
        "**Verdict on the landscape: imprecise.**",
        "**Verdict: Wrong.**",
        "**Verdict: wrong**",
        "**“the L2 norm increases exponentially”: wrong.**",
    ):
        assert errata.verdict_problems(bad), bad
    table = "| claim | verdict | evidence |\n| :--- | :--- | :--- |\n| a | correct | x |\n| b | right | y |\n"
    problems = errata.verdict_problems(table)
    assert len(problems) == 1 and "'right'" in problems[0]


@pytest.mark.parametrize("page", sorted(p.stem for p in (errata.ROOT / "docs" / "articles").glob("*.md")))
def test_every_verdict_on_the_article_pages_uses_the_scale(page):
    markdown = (errata.ROOT / "docs" / "articles" / f"{page}.md").read_text(encoding="utf-8")
    assert errata.verdict_problems(markdown) == []
