"""The articles' own words: every quotation of an article, on its page and in its errata, is verbatim
in the article's text, and short.

The article texts are not part of the repository (they are the blog posts themselves). The test reads
them from ``ARTICLE_SEEDS`` (default: ``../shared/seeds`` beside the repository) and is skipped, saying
where it looked, when they are not there.
"""

from __future__ import annotations

import os
import re
import tomllib
from pathlib import Path

import pytest

from scripts import errata

ROOT = Path(__file__).resolve().parent.parent
SEEDS = Path(os.environ.get("ARTICLE_SEEDS", ROOT.parent / "shared" / "seeds"))
ARTICLES = tomllib.loads((ROOT / "errata" / "articles.toml").read_text(encoding="utf-8"))
# Quoted text on an article's page that is not the article's words: scare quotes, figure titles,
# other sources (each with its reason).
NOT_THE_ARTICLE = {
    "norms": {"smaller norm": "a heading's scare quote (“Less complex” is not “smaller norm”)"},
    "updates": {},
    "geometry": {"intended": "Goodfellow et al.'s word, quoted as theirs"},
    "networks": {
        "Not too much importance to any single feature": "a figure's panel title",
        "Same training fit, growing norm": "a figure's panel title",
        "Ridge: too little and too much": "a figure's panel title",
        "One function, many penalties": "a figure's panel title",
        "L2 on factors = L1 on the product": "a figure's panel title",
    },
}
_QUOTE = re.compile(r"“([^”]+)”")
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_MATH = re.compile(r"\$[^$]*\$")
_ELISION = re.compile(r"…|\.\.\.|\[…\]")


def words(text: str) -> list[str]:
    """Lower-case words, apostrophes unified; markup, [sic] and TeX commands dropped. The text copy of
    the geometry article has some of its symbols twice ("λλ": the rendered formula and its source)."""
    text = _COMMENT.sub("", text).replace("[sic]", "").replace("’", "'").replace("‘", "'")
    text = re.sub(r"\\[A-Za-z]+", " ", text).replace("λλ", "λ")
    return [w for w in (w.strip("'") for w in re.findall(r"[\w']+", text.lower())) if w]


def pieces(quote: str) -> list[str]:
    """The runs of a quotation to find in the article: split at an elision and at inline math (a
    formula is written in TeX here and as plain text in the article)."""
    return [p for part in _ELISION.split(quote) for p in _MATH.split(part) if words(p)]


def missing(quote: str, article: str) -> list[str]:
    text = " " + " ".join(words(article)) + " "
    return [p for p in pieces(quote) if f" {' '.join(words(p))} " not in text]


def _article_texts() -> dict[str, str]:
    if not SEEDS.is_dir():
        pytest.skip(f"the article texts are not here: {SEEDS} (set ARTICLE_SEEDS)")
    texts = {}
    for slug, article in ARTICLES.items():
        found = [p for p in sorted(SEEDS.glob("*.txt")) if article["title"] in p.read_text(encoding="utf-8")[:3000]]
        assert len(found) == 1, f"{slug}: expected one text titled {article['title']!r} in {SEEDS}, found {found}"
        texts[slug] = found[0].read_text(encoding="utf-8")
    return texts


@pytest.fixture(scope="module")
def article_texts() -> dict[str, str]:
    return _article_texts()


def _quoted(slug: str) -> list[str]:
    """Every “…” on the article's page, markup comments dropped, whitespace made single."""
    page = (ROOT / "docs" / ARTICLES[slug]["page"]).read_text(encoding="utf-8")
    return [" ".join(_COMMENT.sub("", q).split()) for q in _QUOTE.findall(page)]


def _page_quotes(slug: str) -> list[str]:
    return [q for q in _quoted(slug) if q not in NOT_THE_ARTICLE[slug]]


@pytest.mark.parametrize("slug", sorted(ARTICLES))
def test_every_quotation_on_an_article_page_is_the_articles_words(slug: str, article_texts: dict[str, str]):
    wrong = {q: missing(q, article_texts[slug]) for q in _page_quotes(slug)}
    assert {q: m for q, m in wrong.items() if m} == {}


@pytest.mark.parametrize("slug", sorted(ARTICLES))
def test_every_quotation_on_an_article_page_is_short(slug: str):
    long = [q for q in _page_quotes(slug) if len(words(q)) > errata.MAX_QUOTE_WORDS]
    assert long == []


@pytest.mark.parametrize("slug", sorted(ARTICLES))
def test_every_erratum_quotes_the_articles_words(slug: str, article_texts: dict[str, str]):
    claims = [e.claim for e in errata.claims() if e.article == slug]
    assert claims
    wrong = {c: missing(c, article_texts[slug]) for c in claims}
    assert {c: m for c, m in wrong.items() if m} == {}


def test_every_exception_is_still_quoted_on_its_page():
    for slug, exceptions in NOT_THE_ARTICLE.items():
        quoted = set(_quoted(slug))
        assert set(exceptions) <= quoted, f"{slug}: no longer quoted: {set(exceptions) - quoted}"


def test_a_changed_or_cut_word_is_caught():
    article = "a machine learning or statistics model is tailored to a particular dataset"
    assert missing("a machine learning or statistics model is tailored", article) == []
    assert missing("a model is tailored to a particular dataset", article) != []
    assert missing("a machine learning … model is tailored", article) == []  # an elision is marked
    assert missing("a machine learning model is tailored", article) != []
    assert missing("statistic model", article) != []  # whole words only
