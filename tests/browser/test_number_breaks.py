"""On a phone, a number stays on the line of the formula it completes ("λ = 0.5", never "λ =" at the
end of one line and "0.5" at the start of the next): scripts/page_markdown.py binds them and
scripts/mathml.py keeps the pair on one line.  In plain text too, anywhere on the page (captions,
table cells, lists): "t = 1.2" and "36 %" never break inside (scripts/mathml.bind_numbers_in_text)."""

from __future__ import annotations

import pytest

from .conftest import browsed_pages

SPLIT = r"""() => {
  const split = [];
  for (const m of document.querySelectorAll(".md-typeset math:not([display=block])")) {
    const tex = (m.querySelector("annotation") || m).textContent.trim();
    if (!/(=|\\approx|\\le|\\ge|<|>)$/.test(tex)) continue;
    const next = m.nextSibling;
    if (!next || next.nodeType !== 3) continue;
    const at = next.textContent.search(/\S/);
    if (at < 0 || !/^[−-]?\d/.test(next.textContent.slice(at).replace(/^\u00a0/, ""))) continue;
    const digit = next.textContent.search(/\d/);
    const range = document.createRange();
    range.setStart(next, digit);
    range.setEnd(next, digit + 1);
    const a = m.getBoundingClientRect(), b = range.getBoundingClientRect();
    if (b.top > a.top + a.height / 2) split.push(`${tex} | ${next.textContent.slice(0, 12)}`);
  }
  // Plain text: a number and its per cent sign, a relation and its number, on two lines.
  const line = (node, i) => {
    const range = document.createRange();
    range.setStart(node, i);
    range.setEnd(node, i + 1);
    const rects = range.getClientRects();
    return rects.length ? rects[0].top : null;
  };
  const walker = document.createTreeWalker(document.querySelector(".md-content"), NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.parentElement.closest("math, code, pre, script, style, svg")) continue;
    const text = node.textContent;
    for (const pair of text.matchAll(/\d\s+%|[=<>≈≤≥]\s+[−-]?\d/g)) {
      const a = line(node, pair.index), b = line(node, pair.index + pair[0].length - 1);
      if (a !== null && b !== null && b > a + 4) {
        split.push(`${JSON.stringify(text.slice(Math.max(0, pair.index - 12), pair.index + pair[0].length + 2))}`);
      }
    }
  }
  return split;
}"""


@pytest.fixture(scope="module")
def phone(browser):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    yield context
    context.close()


@pytest.mark.slow
@pytest.mark.parametrize("page", [p for p in browsed_pages() if not p.startswith("code/")], ids=lambda p: p or "home")
def test_a_number_stays_on_the_line_of_its_formula(phone, origin, page):
    tab = phone.new_page()
    try:
        tab.goto(f"{origin}/{page}", wait_until="load")
        split = tab.evaluate(SPLIT)
    finally:
        tab.close()
    assert split == [], f"/{page}: a number starts the line after its formula:\n  " + "\n  ".join(split)
