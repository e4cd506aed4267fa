"""The article template: generated verdict lists, boxes and reading time, and every article page's shape."""

from __future__ import annotations

import pytest

from scripts import article_template as tpl
from scripts import errata

ARTICLES = errata.articles()

CONFORMING = """---
description: d
---

# Title

<!-- reading-time -->

One paragraph saying what the article claims and what the reader will learn.

!!! abstract "In short"

    - one
    - two
    - three

![A figure](../figures/x/y.svg)

## The article's claims, checked { #verdicts }

<!-- verdicts: a -->

??? info "Conventions on this page"

    Notation.

<!-- run-it-yourself: a -->

## A section { #sec }

Text.

## Corrections { #corrections }

<!-- corrections: a -->

## Exercises { #exercises }

1. Do it.
"""


@pytest.fixture
def registry(tmp_path, monkeypatch):
    """A scratch registry and docs folder: article ``a`` with one correct and one wrong claim."""
    docs = tmp_path / "docs"
    (docs / "articles").mkdir(parents=True)
    (docs / "labs").mkdir()
    (docs / "labs" / "a.ipynb").write_text("{}")
    (docs / "articles" / "a.md").write_text("# A\n\n## Norms, two of them { #norms }\n\n## Plain heading\n")
    folder = tmp_path / "errata"
    folder.mkdir()
    (folder / "articles.toml").write_text(
        '[a]\ntitle = "T"\nbyline = "B"\npage = "articles/a.md"\nlab = "labs/a.ipynb"\n'
    )
    (folder / "a.toml").write_text(
        '[[erratum]]\nclaim = "right one"\nverdict = "correct"\nshort = "Why."\nevidence = "articles/a.md#norms"\n\n'
        '[[erratum]]\nclaim = "bad one"\nverdict = "wrong"\nshort = "Fix."\ncorrection = "Long."\n'
        'evidence = "articles/a.md#plain-heading"\n'
    )
    monkeypatch.setattr(errata, "FOLDER", folder)
    monkeypatch.setattr(errata, "ROOT", tmp_path)
    monkeypatch.setattr(tpl, "DOCS", docs)
    return docs


def test_badges_carry_icon_and_word_for_every_verdict():
    for verdict in errata.SCALE:
        html = tpl.badge(verdict)
        assert f">{verdict}</span>" in html and 'aria-hidden="true"' in html
        assert f"verdict--{verdict.replace(' ', '-')}" in html
    with pytest.raises(tpl.TemplateError, match="unknown verdict 'right'"):
        tpl.badge("right")


def test_the_verdict_list_has_every_claim_in_order_with_links_named_after_sections(registry):
    md = tpl.verdict_list("a", "articles/a.md")
    items = [line for line in md.splitlines() if line.startswith("- ")]
    assert len(items) == 2
    assert "“right one” — Why. → [Norms, two of them](#norms)" in items[0] and ">correct</span>" in items[0]
    assert "→ [Plain heading](#plain-heading)" in items[1] and ">wrong</span>" in items[1]
    assert "*1 correct, 1 wrong.*" in md
    # from another page the links are relative to it
    assert "](../articles/a.md#norms)" in tpl.verdict_list("a", "beyond/x.md")


def test_a_claim_pointing_at_no_heading_is_an_error_naming_it(registry):
    (registry / "articles" / "a.md").write_text("# A\n\n## Renamed { #other }\n")
    with pytest.raises(tpl.TemplateError, match=r"evidence 'articles/a.md#norms' names no heading"):
        tpl.verdict_list("a", "articles/a.md")


def test_unknown_article_and_missing_lab_are_errors(registry):
    with pytest.raises(tpl.TemplateError, match="unknown article 'zz'"):
        tpl.expand("<!-- verdicts: zz -->", "articles/a.md")
    (registry / "labs" / "a.ipynb").unlink()
    with pytest.raises(tpl.TemplateError, match=r"lab docs/labs/a\.ipynb does not exist"):
        tpl.run_box("a", "articles/a.md")


def test_corrections_count_only_corrections_and_link_the_errata_page(registry):
    text = tpl.corrections("a", "articles/a.md")
    assert "1 need a correction (1 wrong)" in text and "](../errata.md#a)" in text


def test_the_census_sees_the_verdict_lists_text(registry):
    assert tpl.prose("<!-- verdicts: a -->") == "“right one” Why.\n\n“bad one” Fix."


def test_words_hidden_in_folded_blocks_formulas_and_permalinks_are_not_visible():
    html = (
        '<h2>Two words<a class="headerlink" href="#x">¶</a></h2>'
        "<details><summary>A summary</summary><p>three hidden words</p></details>"
        "<details open><summary>open</summary><p>seen</p></details>"
        "<p>x <math><mi>a</mi><annotation>\\frac{1}{2}</annotation></math> y</p><svg><text>tick</text></svg>"
    )
    assert tpl.visible_words(html) == (2 + 2 + 2 + 3, 3)


def test_reading_time_fills_the_placeholder_once():
    html = tpl.READING_PLACEHOLDER + "<p>" + "word " * 401 + "</p>"
    out = tpl.fill_reading_time(html)
    assert out.startswith('<p class="reading-time">About 3 min to read: 401 words on the main path.</p>')
    assert tpl.fill_reading_time("<p>no marker</p>") == "<p>no marker</p>"


def test_a_conforming_page_passes_and_each_missing_part_is_named(registry):
    assert tpl.structure(CONFORMING, "a") == []
    for part, name in [
        ("<!-- reading-time -->", "reading time"),
        ("![A figure](../figures/x/y.svg)", "key figure"),
        ("<!-- run-it-yourself: a -->", "run-it-yourself box"),
    ]:
        assert f"missing {name}" in tpl.structure(CONFORMING.replace(part, ""), "a")
    two = CONFORMING.replace("    - three\n", "")
    assert "'In short' has 2 takeaways; the template asks for 3 to 5" in tpl.structure(two, "a")
    swapped = CONFORMING.replace("## Corrections { #corrections }", "## X { #x }").replace(
        "## Exercises { #exercises }", "## Corrections { #corrections }"
    )
    assert any("last sections" in p for p in tpl.structure(swapped, "a"))
    moved = CONFORMING.replace("<!-- verdicts: a -->\n", "").replace("Text.\n", "Text.\n\n<!-- verdicts: a -->\n")
    assert any(p.endswith("comes before verdict list") for p in tpl.structure(moved, "a"))
    assert "the verdict list needs a heading with anchor #verdicts" in tpl.structure(
        CONFORMING.replace("{ #verdicts }", ""), "a"
    )
    assert any("errata page" in p for p in tpl.structure(CONFORMING + "\n<!-- errata: a -->\n", "a"))


@pytest.mark.parametrize("key", sorted(ARTICLES))
def test_every_article_page_follows_the_template(key):
    page = errata.ROOT / "docs" / ARTICLES[key].page
    assert tpl.structure(page.read_text(encoding="utf-8"), key) == []
