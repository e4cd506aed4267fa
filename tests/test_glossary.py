"""scripts/glossary.py: the registry, its page, and first-use links with tooltips."""

from __future__ import annotations

import re

import pytest

from scripts import glossary as g


@pytest.fixture(scope="module")
def terms():
    return g.load()


def test_the_registry_defines_every_term_issue_12_names(terms):
    named = {form.lower() for t in terms for form in t.forms}
    for term in [
        "kkt conditions", "ista", "lars", "lipschitz constant", "subdifferential", "subgradient",
        "soft-thresholding", "hat matrix", "degrees of freedom", "frobenius norm", "spectral norm",
        "parseval's identity", "proximal operator", "coordinate descent", "elastic net", "weight decay",
        "adamw", "map estimate", "laplace prior", "standardisation", "cross-validation",
    ]:  # fmt: skip
        assert term in named, term


def test_every_term_links_to_a_page_section_and_ids_are_unique(terms):
    assert len({t.id for t in terms}) == len(terms)
    assert all(t.see for t in terms)


def _registry(tmp_path, body: str):
    path = tmp_path / "glossary.toml"
    path.write_text(body, encoding="utf-8")
    return path


GOOD = '[[term]]\nterm = "lasso"\nid = "lasso"\ndefinition = "Least squares plus λ‖w‖₁."\n'


@pytest.mark.parametrize(
    ("extra", "field", "message"),
    [
        ('colour = "red"\n', "colour", "unknown field"),
        ('see = "nowhere.md#x"\n', "see", "no page docs/nowhere.md"),
        ('see = "conventions.md#no-such-heading"\n', "see", "no heading or element with anchor #no-such-heading"),
        ("aliases = [1]\n", "aliases", "list of non-empty strings"),
    ],
)
def test_a_bad_entry_names_the_file_the_entry_and_the_field(tmp_path, extra, field, message):
    with pytest.raises(g.GlossaryError, match=rf"glossary\.toml: entry 1 \(lasso\): field '{field}': .*{message}"):
        g.load(_registry(tmp_path, GOOD + extra))


@pytest.mark.parametrize(
    ("definition", "message"),
    [
        ("Uses $\\\\lambda$.", "plain text"),
        ("The step is below 2/L.", "a digit '2'"),
        ("No full stop", "full stop"),
    ],
)
def test_a_definition_must_be_one_plain_sentence_without_digits(tmp_path, definition, message):
    body = f'[[term]]\nterm = "x"\nid = "x"\ndefinition = "{definition}"\n'
    with pytest.raises(g.GlossaryError, match=rf"entry 1 \(x\): field 'definition': .*{re.escape(message)}"):
        g.load(_registry(tmp_path, body))


def test_a_spelling_shared_by_two_terms_is_refused(tmp_path):
    body = GOOD + '[[term]]\nterm = "L1 fit"\nid = "l1"\ndefinition = "A fit."\naliases = ["Lasso"]\n'
    with pytest.raises(g.GlossaryError, match="spelling 'Lasso' is also a spelling of lasso"):
        g.load(_registry(tmp_path, body))


def test_the_page_lists_every_term_with_its_anchor_and_a_link_named_after_the_section(terms):
    page = g.expand("# Glossary\n\n<!-- glossary -->\n", "glossary.md", terms)
    assert page.count("<dt id=") == len(terms)
    assert '<dt id="soft-thresholding">Soft-thresholding</dt>' in page
    assert "See [The proximal step: soft-thresholding](articles/updates.md#proximal-step)." in page
    assert g.expand("no marker", "glossary.md", terms) == "no marker"


TERMS = [
    g.Term("lasso", "lasso", "Least squares plus λ‖w‖₁.", ("L1 regression",)),
    g.Term("soft-thresholding", "soft-thresholding", "S(z, τ) = sign(z)·(|z| − τ)₊.", ("soft-threshold",)),
    g.Term("KKT conditions", "kkt-conditions", "Optimality conditions.", ("KKT",)),
    g.Term("MAP estimate", "map-estimate", "The posterior's mode.", ("MAP",)),
    g.Term("Parseval's identity", "parsevals-identity", "Lengths in an orthonormal basis.", ()),
    g.Term("degrees of freedom", "degrees-of-freedom", "Effective parameters.", ("effective degrees of freedom",)),
]


def link(html: str) -> str:
    return g.Linker(TERMS).link(html, "../glossary/")


def _links(html: str) -> list[str]:
    return re.findall(r'<a class="glossary-term" href="\.\./glossary/#([\w-]+)" title="[^"]+">([^<]+)</a>', html)


def test_only_the_first_use_on_a_page_is_linked_with_its_definition_as_title():
    out = link("<p>The lasso is a lasso.</p><p>Again the lasso.</p>")
    assert _links(out) == [("lasso", "lasso")]
    assert 'title="Least squares plus λ‖w‖₁."' in out and out.endswith("is a lasso.</p><p>Again the lasso.</p>")


def test_no_link_in_headings_code_math_links_captions_or_lab_code():
    html = (
        '<h2 id="x">The lasso</h2><pre><code>lasso = 1</code></pre><p><code>lasso</code> '
        '<math><mi>lasso</mi></math> <a href="y">the lasso</a></p><figcaption>lasso</figcaption>'
        '<table><tr><th>lasso</th></tr></table><p class="admonition-title">lasso</p>'
        '<details><summary>lasso</summary></details><div class="jp-OutputArea"><div>lasso</div></div>'
    )
    assert _links(link(html)) == []
    assert _links(link(html + "<p>first prose lasso</p>")) == [("lasso", "lasso")]


def test_plurals_case_hyphens_and_apostrophes_count_as_uses():
    out = link("<p>Two Lassos, soft thresholding, Parseval’s identity, effective degrees of freedom.</p>")
    assert _links(out) == [
        ("lasso", "Lassos"),
        ("soft-thresholding", "soft thresholding"),
        ("parsevals-identity", "Parseval’s identity"),
        ("degrees-of-freedom", "effective degrees of freedom"),
    ]


def test_acronyms_match_only_in_capitals_and_only_whole_words():
    out = link("<p>A page map, a kkt check, the MAP of it, KKTs and non-lasso words, lassoing.</p>")
    assert _links(out) == [("map-estimate", "MAP"), ("kkt-conditions", "KKTs")]


def test_markup_around_and_between_uses_is_kept_byte_for_byte():
    html = "<ul><li>one<li>the <em>lasso</em> and <strong>KKT</strong></ul><!-- lasso --><p>x</p>"
    out = link(html)
    assert re.sub(r'<a class="glossary-term"[^>]*>([^<]*)</a>', r"\1", out) == html
    assert _links(out) == [("lasso", "lasso"), ("kkt-conditions", "KKT")]


def test_the_glossary_address_is_relative_to_the_page():
    assert g.glossary_href("articles/updates/", "glossary/") == "../../glossary/"
    assert g.glossary_href("", "glossary/") == "glossary/"
    assert g.glossary_href("glossary/", "glossary/") == "./"


def test_an_anchor_on_a_folded_block_is_accepted_and_the_link_named_after_the_page(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "page.md").write_text('# The page\n\n??? note "Derivation" { #derivation }\n    text\n', encoding="utf-8")
    body = GOOD + 'see = "page.md#derivation"\n'
    terms = g.load(_registry(tmp_path, body), docs)
    assert "See [The page](page.md#derivation)." in g.expand("<!-- glossary -->", "glossary.md", terms, docs)
    with pytest.raises(g.GlossaryError, match="no heading or element with anchor #gone"):
        g.load(_registry(tmp_path, GOOD + 'see = "page.md#gone"\n'), docs)
