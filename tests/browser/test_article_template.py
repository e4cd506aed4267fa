"""The article template as a reader meets it, in Chromium at 1280 × 800 (issue 12).

For each article page: the key figure starts inside the first screen, "In short" is at the body
font size, the verdict badges show an icon and a word, the main path is short
(``article_template.visible_words`` on the built page) and the reading time is stated.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from scripts import article_template, errata

from .conftest import DOCS, page_url

DESKTOP = {"width": 1280, "height": 800}
ARTICLES = errata.articles()


@pytest.fixture(scope="module")
def tabs(browser, origin):
    """One desktop tab per article page, opened once, scrolled to the top."""
    context = browser.new_context(viewport=DESKTOP)
    opened = {}

    def tab(key: str):
        if key not in opened:
            page = context.new_page()
            page.goto(f"{origin}/{page_url(DOCS / ARTICLES[key].page)}", wait_until="load")
            opened[key] = page
        return opened[key]

    yield tab
    context.close()


@pytest.mark.parametrize("key", sorted(ARTICLES))
def test_the_key_figure_starts_inside_the_first_desktop_screen(tabs, key):
    top = tabs(key).evaluate(
        "() => { const f = document.querySelector('article figure');"
        " return f ? f.getBoundingClientRect().top + window.scrollY : null; }"
    )
    assert top is not None, f"{key}: no <figure> in the article"
    assert top < DESKTOP["height"], f"{key}: first figure starts at {top:.0f} px, below the first screen"


@pytest.mark.parametrize("key", sorted(ARTICLES))
def test_in_short_is_a_list_at_the_body_font_size(tabs, key):
    sizes = tabs(key).evaluate(
        """() => {
          const box = [...document.querySelectorAll('article .admonition.abstract')]
            .find((b) => b.querySelector('.admonition-title')?.textContent.trim() === 'In short');
          const body = document.querySelector('article > p:not(.reading-time)');
          if (!box || !body) return null;
          const px = (el) => parseFloat(getComputedStyle(el).fontSize);
          return { items: [...box.querySelectorAll('li')].map(px), body: px(body) };
        }"""
    )
    assert sizes is not None, f"{key}: no 'In short' box or no body paragraph"
    assert 3 <= len(sizes["items"]) <= 5, f"{key}: {len(sizes['items'])} takeaways"
    assert all(abs(s - sizes["body"]) < 0.5 for s in sizes["items"]), sizes


@pytest.mark.parametrize("key", sorted(ARTICLES))
def test_every_verdict_badge_shows_an_icon_and_a_word(tabs, key):
    badges = tabs(key).evaluate(
        """() => [...document.querySelectorAll('article .verdict-list .verdict')].map((b) => {
          const icon = b.querySelector('svg.verdict-icon');
          const box = (el) => { const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0; };
          return { word: b.textContent.trim(), badge: box(b), icon: !!icon && box(icon),
                   hidden: getComputedStyle(b).visibility !== 'visible' };
        })"""
    )
    claims = [c for c in errata.claims() if c.article == key]
    assert len(badges) == len(claims), f"{key}: {len(badges)} badges for {len(claims)} claims"
    assert [b["word"] for b in badges] == [c.verdict for c in claims]
    assert all(b["badge"] and b["icon"] and not b["hidden"] for b in badges), [
        b for b in badges if not (b["badge"] and b["icon"]) or b["hidden"]
    ]


@pytest.mark.parametrize("key", sorted(ARTICLES))
def test_the_main_path_is_short_and_its_reading_time_is_stated(tabs, site: Path, key):
    built = (site / page_url(DOCS / ARTICLES[key].page) / "index.html").read_text(encoding="utf-8")
    content = re.search(r"<article\b[^>]*>(.*)</article>", built, re.DOTALL)
    assert content, f"{key}: no <article> in the built page"
    visible, _ = article_template.visible_words(content.group(1))
    assert visible <= article_template.MAX_VISIBLE_WORDS, f"{key}: {visible} words on the main path"
    stated = tabs(key).locator("article .reading-time").inner_text()
    pattern = r"About \d+ min to read: [\d,]+ words on the main path(, [\d,]+ more in folded details)?\."
    assert re.fullmatch(pattern, stated), stated
    # The stated count is the measured one (the reading-time line does not count itself).
    without_line = re.sub(r'<p class="reading-time">.*?</p>', "", content.group(1), count=1, flags=re.DOTALL)
    assert f"{article_template.visible_words(without_line)[0]:,} words" in stated, stated
