"""On a phone, a line never starts with what completes the line before it: a number never starts the
line after the formula it completes ("λ =" at the end of one line, "0.5" at the start of the next),
no line starts with ".", ",", ")" or ";" (punctuation after inline math or a link), and in plain text
anywhere on the page (captions, table cells, lists) "t = 1.2" and "36 %" never break inside.
scripts/page_markdown.py binds the numbers; scripts/mathml.py keeps numbers and punctuation on the
formula's line and binds the numbers of the text (bind_numbers_in_text)."""

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

# The last box on screen of a node (an element's last line box, a text's last non-space character):
# where the line stands that what follows the node should stay on. null if the node shows nothing.
LAST_BOX = r"""
const lastBox = (node) => {
  if (node.nodeType === 1) {
    const boxes = node.getClientRects();
    return boxes.length ? boxes[boxes.length - 1] : null;
  }
  const text = node.data.trimEnd();
  if (!text) return null;
  const r = document.createRange();
  r.setStart(node, text.length - 1);
  r.setEnd(node, text.length);
  return r.getBoundingClientRect();
};
"""

# Text that starts with punctuation right after an element (a formula, a link, code) and sits on a
# later line than that element's last box: the line starts with the punctuation.
PUNCTUATION_FIRST = (
    r"""() => {"""
    + LAST_BOX
    + r"""
  const found = [];
  const walker = document.createTreeWalker(document.querySelector(".md-content"), NodeFilter.SHOW_TEXT);
  for (let n; (n = walker.nextNode());) {
    if (!/^[.,);]/.test(n.data) || !n.previousSibling) continue;
    if (n.parentElement.closest("pre, script, style, math")) continue;
    const prev = n.previousSibling;
    const a = lastBox(prev);
    if (!a) continue;
    const r = document.createRange();
    r.setStart(n, 0);
    r.setEnd(n, 1);
    const b = r.getBoundingClientRect();
    if (b.height && (b.top > a.top + a.height / 2 || b.left < a.left)) {
      const what = (prev.querySelector?.("annotation") || prev).textContent.replace(/\s+/g, " ").trim();
      found.push(`${what.slice(-40)} | ${n.data.slice(0, 15)}`);
    }
  }
  return found;
}"""
)

# An inline formula that starts with a relation ("= α" after "alpha"), or follows a word that ends
# with one ("λ=" before "1,000,000,000"), on a later line than what comes before it.
RELATION_AT_A_BREAK = (
    r"""() => {"""
    + LAST_BOX
    + r"""
  const found = [];
  const starts = /^(=|\\approx|\\leq?|\\geq?|\\ne|<|>)/;
  for (const m of document.querySelectorAll(".md-typeset math:not([display=block])")) {
    const tex = (m.querySelector("annotation") || m).textContent.trim();
    let prev = m.previousSibling || m.parentElement.previousSibling;
    if (prev && prev.nodeType === 3 && !prev.data.trim()) prev = prev.previousSibling;
    if (!prev || prev.nodeName.toLowerCase() === "math") continue;  // two formulas: split on purpose
    const before = prev.textContent.replace(/\s+$/, "");
    if (!before || !(starts.test(tex) || /[=<>≈≤≥]$/.test(before))) continue;
    const a = lastBox(prev);
    if (!a) continue;
    const b = m.getClientRects()[0];
    if (b && a.height && b.top > a.top + a.height / 2) found.push(`${before.slice(-20)} | ${tex.slice(0, 20)}`);
  }
  // code after a formula that ends with a relation ("λ =" then `weight_decay`)
  for (const code of document.querySelectorAll(".md-typeset :not(pre) > code")) {
    let prev = code.previousSibling || code.parentElement.previousSibling;
    if (prev && prev.nodeType === 3 && !prev.data.trim()) prev = prev.previousSibling;
    if (!prev || prev.nodeName.toLowerCase() !== "math") continue;
    const tex = (prev.querySelector("annotation") || prev).textContent.trim();
    if (!/(=|\\approx|\\leq?|\\geq?|<|>)$/.test(tex)) continue;
    const a = lastBox(prev), b = code.getClientRects()[0];
    if (a && b && b.top > a.top + a.height / 2) found.push(`${tex.slice(-20)} | ${code.textContent.slice(0, 20)}`);
  }
  return found;
}"""
)


@pytest.fixture(scope="module")
def visit(browser, origin):
    """page -> (numbers split from their formula, lines starting with punctuation, relations at a line
    break), at 390 px."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    done = {}

    def measure(page: str) -> tuple[list[str], list[str], list[str]]:
        if page not in done:
            tab = context.new_page()
            try:
                tab.goto(f"{origin}/{page}", wait_until="load")
                done[page] = (tab.evaluate(SPLIT), tab.evaluate(PUNCTUATION_FIRST), tab.evaluate(RELATION_AT_A_BREAK))
            finally:
                tab.close()
        return done[page]

    yield measure
    context.close()


PAGES = [p for p in browsed_pages() if not p.startswith("code/")]


@pytest.mark.slow
@pytest.mark.parametrize("page", PAGES, ids=lambda p: p or "home")
def test_a_number_stays_on_the_line_of_its_formula(visit, page):
    split = visit(page)[0]
    assert split == [], f"/{page}: a number starts the line after its formula:\n  " + "\n  ".join(split)


@pytest.mark.slow
@pytest.mark.parametrize("page", browsed_pages(), ids=lambda p: p or "home")
def test_no_line_starts_with_punctuation(visit, page):
    first = visit(page)[1]
    assert first == [], f"/{page}: lines starting with punctuation at 390 px:\n  " + "\n  ".join(first)


@pytest.mark.slow
@pytest.mark.parametrize("page", browsed_pages(), ids=lambda p: p or "home")
def test_a_relation_keeps_both_its_sides_on_one_line(visit, page):
    broken = visit(page)[2]
    assert broken == [], f"/{page}: a line ends before a relation's formula at 390 px:\n  " + "\n  ".join(broken)
