"""scripts/search_index.py: what the site search indexes, and how it ranks."""

from __future__ import annotations

import json

import pytest

from scripts import search_index as si

INLINE = (
    "<p>the weight <math><semantics><mi>λ</mi>"
    '<annotation encoding="application/x-tex">\\lambda</annotation></semantics></math> grows</p>'
)
DISPLAY = '<div class="math-display math-display--wide"><math display="block"><mi>x</mi></math></div>'


def test_tex_annotations_and_display_math_are_marked_and_inline_formulas_kept():
    out = si.mark_page(INLINE + DISPLAY, lab=False)
    assert '<annotation data-search-exclude="true" encoding="application/x-tex">' in out
    assert '<div class="math-display math-display--wide" data-search-exclude="true">' in out
    assert "<mi>λ</mi>" in out and "<math>" in out  # the visible formula stays searchable


def test_code_showing_tex_is_marked_other_code_is_not():
    out = si.mark_page("<code>\\norm{w}</code> <code>Lasso(alpha=1)</code>", lab=False)
    assert out == '<code data-search-exclude="true">\\norm{w}</code> <code>Lasso(alpha=1)</code>'


LAB = (
    '<div class="jp-Cell jp-CodeCell"><div class="jp-InputPrompt jp-InputArea-prompt">In [4]:</div>'
    '<clipboard-copy for="cell-1"><div><span class="notice" hidden="">Copied!</span></div></clipboard-copy>'
    '<div class="highlight-ipynb"><pre><span>x = 1</span></pre></div></div>'
)


def test_lab_code_prompts_and_copy_buttons_are_marked_only_on_labs():
    lab = si.mark_page(LAB, lab=True)
    assert '<div class="jp-InputPrompt jp-InputArea-prompt" data-search-exclude="true">' in lab
    assert '<clipboard-copy data-search-exclude="true" for="cell-1">' in lab
    assert '<pre data-search-exclude="true">' in lab
    assert si.mark_page(LAB, lab=False) == LAB
    button = '<p><a class="md-button" href="norms.ipynb" download>Download</a> It needs numpy.</p>'
    assert si.mark_page(button, lab=True).startswith('<p data-search-exclude="true"><a class="md-button"')


def test_material_search_parser_skips_what_is_marked():
    # The theme's own parser, on marked HTML: no TeX, no prompt, no code, the prose kept.
    from material.plugins.search.plugin import Parser

    parser = Parser()
    parser.feed(si.mark_page(INLINE + DISPLAY + LAB + "<p>after</p>", lab=True))
    parser.close()
    text = "".join("".join(section.text) for section in parser.data)
    assert "\\lambda" not in text and "In [4]" not in text and "Copied" not in text and "x = 1" not in text
    assert "the weight λ grows" in text and "after" in text


def test_greek_letters_are_spelled_out_and_words_written_with_them_split():
    assert si.greek_keywords("<p>λ and λmax, η=0.1 <code>ρ</code></p> λ") == ["lambda", "max", "eta", "rho"]
    assert si.greek_keywords("no greek here") == []


def _index(*docs):
    return json.dumps({"config": {"lang": ["en"], "fields": {"title": {"boost": 1000.0}}}, "docs": list(docs)})


def test_clean_index_boosts_labs_and_the_glossary_down_and_adds_keywords():
    raw = _index(
        {"location": "labs/norms/", "title": "Lab", "text": "x"},
        {"location": "glossary/#a", "title": "Glossary", "text": "y"},
        {"location": "articles/geometry/", "title": "Choosing λ", "text": "the λmax"},
    )
    out = json.loads(si.clean_index(raw))
    lab, glossary, article = out["docs"]
    assert lab["boost"] == si.BOOSTS["labs/"] < 1 and glossary["boost"] == si.BOOSTS["glossary/"] < 1
    assert "boost" not in article and article[si.KEYWORDS_FIELD] == "lambda max"
    assert si.KEYWORDS_FIELD not in lab
    assert out["config"]["fields"][si.KEYWORDS_FIELD] == {"boost": 1.0}
    assert si.clean_index(si.clean_index(raw)) == si.clean_index(raw)  # a rebuild under serve is stable


def test_a_file_that_is_not_a_search_index_is_refused():
    with pytest.raises(si.SearchIndexError, match="not Material's search index"):
        si.clean_index('{"docs": []}')


def test_tex_in_finds_control_words_and_braced_scripts_with_their_location():
    raw = _index(
        {"location": "a/", "title": "t", "text": "x \\frac12 y"}, {"location": "b/", "title": "w^{2}", "text": ""}
    )
    found = si.tex_in(raw)
    assert len(found) == 2 and found[0].startswith("a/: ") and found[1].startswith("b/: ")
    assert si.tex_in(_index({"location": "c/", "title": "λ", "text": "‖w‖1 and 2^3"})) == []


def test_labs_and_code_pages_are_the_pages_whose_listings_are_skipped():
    assert si.is_code_page("labs/norms.ipynb") and si.is_code_page("code/solvers.md")
    assert not si.is_code_page("articles/norms.md") and not si.is_code_page("beyond/code.md")
