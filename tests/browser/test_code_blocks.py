"""A code block's copy button never covers its code (phone review: it sat on the first line at 390 px)."""

from __future__ import annotations

import pytest

from .conftest import browsed_pages

# Characters of code whose box meets the copy button's box, per code block.
UNDER_THE_BUTTON = r"""() => [...document.querySelectorAll(".md-typeset pre > code")]
  .filter((c) => c.getClientRects().length)
  .flatMap((code) => {
    const button = code.parentElement.querySelector(".md-code__nav");
    if (!button) return [];
    const b = button.getBoundingClientRect();
    let covered = "";
    const walker = document.createTreeWalker(code, NodeFilter.SHOW_TEXT);
    for (let n; (n = walker.nextNode());) {
      for (let i = 0; i < n.data.length; i++) {
        if (!n.data[i].trim()) continue;
        const r = document.createRange();
        r.setStart(n, i);
        r.setEnd(n, i + 1);
        const q = r.getBoundingClientRect();
        if (q.right > b.left && q.left < b.right && q.bottom > b.top && q.top < b.bottom) covered += n.data[i];
      }
    }
    return covered ? [`${code.textContent.trim().slice(0, 40)}: ${covered}`] : [];
  })"""


@pytest.fixture(scope="module", params=[390, 1280])
def context(browser, request):
    context = browser.new_context(viewport={"width": request.param, "height": 844})
    yield context
    context.close()


@pytest.mark.slow
@pytest.mark.parametrize("page", browsed_pages(), ids=lambda p: p or "home")
def test_the_copy_button_covers_no_code(context, origin, page):
    tab = context.new_page()
    try:
        tab.goto(f"{origin}/{page}", wait_until="load")
        covered = tab.evaluate(UNDER_THE_BUTTON)
    finally:
        tab.close()
    assert covered == [], f"/{page}: code under the copy button:\n  " + "\n  ".join(covered)


# The viewport top of an element's first non-space character (both checks below measure text, not boxes).
FIRST_CHARACTER_TOP = r"""(element) => {
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  let text;
  while ((text = walker.nextNode()) && !text.data.trim());
  const range = document.createRange();
  range.setStart(text, text.data.search(/\S/));
  range.setEnd(text, text.data.search(/\S/) + 1);
  return range.getBoundingClientRect().top;
}"""

# A numbered block (the code pages): the first line number and the first line of code, tops in px.
FIRST_LINES = f"""() => {{
  const firstCharacterTop = {FIRST_CHARACTER_TOP};
  const table = document.querySelector(".md-typeset .highlighttable");
  const [numbers, code] = [".linenodiv pre", "td.code code"].map((s) => table.querySelector(s));
  return [firstCharacterTop(numbers), firstCharacterTop(code)];
}}"""


@pytest.mark.slow
def test_line_numbers_stay_level_with_their_code(context, origin):
    """The room made for the copy button moves the line numbers down as much as the code."""
    tab = context.new_page()
    try:
        tab.goto(f"{origin}/code/solvers/", wait_until="load")
        number, code = tab.evaluate(FIRST_LINES)
    finally:
        tab.close()
    assert abs(number - code) < 1, f"line 1 at {number:.1f} px, its code at {code:.1f} px"


# scripts/notebook_html.unwrap_plain_tokens drops the labs' name and whitespace spans on the premise
# that the theme styles them like the code around them; a span put back in each code block says so.
PUT_BACK = r"""(classes) => [...document.querySelectorAll(".md-typeset pre")]
  .filter((pre) => pre.getClientRects().length && pre.closest(".highlight, .highlight-ipynb"))
  .flatMap((pre) => classes.map((name) => {
    const span = document.createElement("span");
    span.className = name;
    span.textContent = "x";
    const host = pre.querySelector("code") || pre;
    host.prepend(span);
    const a = getComputedStyle(span), b = getComputedStyle(host);
    const props = ["color", "fontFamily", "fontSize", "fontWeight", "fontStyle", "textDecorationLine"];
    const differ = props.filter((p) => a[p] !== b[p]).map((p) => `${p} ${a[p]} (code: ${b[p]})`);
    if (a.backgroundColor !== "rgba(0, 0, 0, 0)") differ.push(`background ${a.backgroundColor}`);
    span.remove();
    const block = pre.closest(".highlight, .highlight-ipynb").className;
    return differ.length ? `${block} .${name}: ${differ.join(", ")}` : "";
  }))
  .filter(Boolean)"""


@pytest.mark.slow
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("page", [p for p in browsed_pages() if p.startswith("labs/")])
def test_the_code_spans_a_lab_drops_would_look_like_the_code_around_them(browser, origin, page, scheme):
    from scripts.notebook_html import PLAIN_TOKENS

    context = browser.new_context(viewport={"width": 390, "height": 844}, color_scheme=scheme)
    try:
        tab = context.new_page()
        tab.goto(f"{origin}/{page}", wait_until="load")
        left = tab.locator("pre span.n, pre span.w").count()
        differ = tab.evaluate(PUT_BACK, list(PLAIN_TOKENS))
    finally:
        context.close()
    assert left == 0, f"/{page}: {left} name or whitespace spans left in its code"
    assert differ == [], f"/{page} ({scheme}): spans the build drops would look different:\n  " + "\n  ".join(differ)


# Each lab code cell's and code page listing's size while the browser skips it (content-visibility,
# sized by scripts/code_html.sized) and once drawn: width, height, and its scroller's scroll width.
SKIPPED_AND_DRAWN = r"""async () => {
  const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  window.scrollTo(0, 0);
  await frame();
  const cells = [...document.querySelectorAll(".md-typeset .code-lines")];
  const size = (e) => {
    const r = e.getBoundingClientRect();
    return { width: r.width, height: r.height, scroll: e.parentElement.scrollWidth, box: e.parentElement.clientWidth };
  };
  const drawn = (e) => e.lastElementChild.checkVisibility({ contentVisibilityAuto: true });
  const skipped = cells.map((e) => ({ ...size(e), drawn: drawn(e) }));
  const out = [];
  for (const [i, e] of cells.entries()) {
    e.scrollIntoView();
    await frame();
    out.push({ text: e.textContent.trim().split("\n")[0].slice(0, 40), skipped: skipped[i], drawn: size(e) });
  }
  return out;
}"""


@pytest.mark.slow
@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("page", [p for p in browsed_pages() if p.startswith(("labs/", "code/")) and p != "code/"])
def test_code_has_its_size_before_it_is_drawn(browser, origin, page, width):
    context = browser.new_context(viewport={"width": width, "height": 844})
    try:
        tab = context.new_page()
        tab.goto(f"{origin}/{page}", wait_until="load")
        cells = tab.evaluate(SKIPPED_AND_DRAWN)
    finally:
        context.close()
    assert cells, f"/{page}: no sized code (scripts/code_html.sized)"
    assert not cells[-1]["skipped"]["drawn"], f"/{page}: its last code was drawn before anyone scrolled to it"
    moved = [
        f"{c['text']}: {k} {c['skipped'][k]:.1f} px before it is drawn, {c['drawn'][k]:.1f} px after"
        for c in cells
        for k, tolerance in (("height", 1), ("width", 2), ("scroll", 2), ("box", 1))
        if abs(c["skipped"][k] - c["drawn"][k]) > tolerance
    ]
    assert moved == [], f"/{page} at {width} px: code changes size when drawn:\n  " + "\n  ".join(moved)


# Where each code block's first character is drawn, in px from the top of its pre.
FIRST_CHARACTERS = f"""() => {{
  const firstCharacterTop = {FIRST_CHARACTER_TOP};
  return [...document.querySelectorAll(".md-typeset pre > code")].map(
    (code) => firstCharacterTop(code) - code.parentElement.getBoundingClientRect().top,
  );
}}"""


@pytest.mark.slow
@pytest.mark.parametrize("page", ["", "teaching/", "code/pages/norms/__init__/"], ids=lambda p: p or "home")
def test_code_does_not_move_when_the_copy_button_arrives(browser, origin, page):
    """The room for the button is made before Material's deferred bundle adds it (no layout shift)."""
    tops = {}
    for bundle in ("blocked", "loaded"):
        context = browser.new_context(viewport={"width": 390, "height": 844})
        try:
            tab = context.new_page()
            if bundle == "blocked":
                tab.route("**/assets/javascripts/bundle.*.js", lambda route: route.abort())
            tab.goto(f"{origin}/{page}", wait_until="load")
            if bundle == "loaded":
                tab.wait_for_selector(".md-typeset pre > .md-code__nav", state="attached")
            tops[bundle] = tab.evaluate(FIRST_CHARACTERS)
        finally:
            context.close()
    assert tops["blocked"], f"/{page}: no code block"
    moved = f"/{page}: first characters at {tops['blocked']} px, then {tops['loaded']} px"
    assert tops["blocked"] == tops["loaded"], moved
