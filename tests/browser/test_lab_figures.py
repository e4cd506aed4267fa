"""Lab figures (issue 17), as a reader's browser gets them, at phone and desktop width, light and dark.

Each figure a lab draws is a file next to the page (not base64 inside it), with its size in the markup
(no layout shift when it arrives), alt text saying what it shows, lazy loading, a link that opens it
full size, and it loads once the reader scrolls to it. It shows at its natural size or the column's
width, the width tests/lab_figures.py sizes its text for (4.2-inch figures need the whole column on a
phone); in dark mode it shows inverted, dark like the page, not as a white block.
"""

from __future__ import annotations

import re

import pytest

from tests.lab_figures import COLUMN

from .conftest import SCHEMES, browsed_pages
from .test_pages import NEXT_FRAMES, SCROLL

LABS = [page for page in browsed_pages() if page.startswith("labs/")]
WIDTHS = tuple(COLUMN)
# nbconvert's alt text when a notebook gives none.
PLACEHOLDER = "No description has been provided for this image"
# The budget for layout shift on every page.
CLS = 0.02

# Layout shifts from the first paint on (none of them follows input: the test only scrolls).
WATCH_SHIFTS = """
window.__shift = 0;
window.__shifted = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) {
    if (e.hadRecentInput) continue;
    window.__shift += e.value;
    // what moved, for the failure message: a shift seen only under a loaded CPU is hard to replay
    const moved = e.sources.map((s) => s.node?.id || s.node?.className || s.node?.nodeName || "?");
    window.__shifted.push(`${e.value.toFixed(3)} at ${Math.round(e.startTime)} ms: ${moved.join(", ")}`);
  }
}).observe({ type: "layout-shift", buffered: true });
"""
FIGURES = """
async () => {
  const figures = [...document.querySelectorAll(".jupyter-wrapper .jp-RenderedImage img")];
  for (const i of figures) {  // a reader who scrolls to a figure gets it, however fast they scrolled
    if (i.complete) continue;
    i.scrollIntoView({ block: "center" });
    await new Promise((r) => {
      i.addEventListener("load", r, { once: true });
      i.addEventListener("error", r, { once: true });
      setTimeout(r, 10000);
    });
  }
  return figures.map((i) => {
    const s = getComputedStyle(i), box = i.getBoundingClientRect();
    const column = i.closest(".jp-OutputArea-output").getBoundingClientRect();
    const w = box.width - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight);
    const h = box.height - parseFloat(s.paddingTop) - parseFloat(s.paddingBottom);
    return {
      src: i.getAttribute("src"), alt: i.getAttribute("alt"),
      zoom: i.closest("a.figure-zoom")?.getAttribute("href"), loading: i.loading, decoding: i.decoding,
      width: i.getAttribute("width"), height: i.getAttribute("height"),
      natural: [i.naturalWidth, i.naturalHeight], complete: i.complete,
      shownRatio: w / h, shownWidth: w, overflow: box.right - column.right, filter: s.filter,
    };
  });
}
"""

pytestmark = [
    pytest.mark.slow,
    pytest.mark.parametrize("scheme", SCHEMES),
    pytest.mark.parametrize("width", WIDTHS),
    pytest.mark.parametrize("page", LABS),
]


def test_lab_figures_are_sized_described_lazy_files_that_load_without_layout_shift(
    browser, origin, page, width, scheme
):
    context = browser.new_context(viewport={"width": width, "height": 844}, color_scheme=scheme)
    try:
        tab = context.new_page()
        tab.add_init_script(WATCH_SHIFTS)
        tab.goto(f"{origin}/{page}", wait_until="load")
        tab.evaluate(SCROLL)
        figures = tab.evaluate(FIGURES)
        tab.evaluate(NEXT_FRAMES)
        shift, shifted = tab.evaluate("() => [window.__shift, window.__shifted]")
    finally:
        context.close()
    assert figures, f"{page}: no figure found (has the notebook markup changed?)"
    problems = []
    for n, f in enumerate(figures, start=1):
        where = f"{page} figure {n} ({(f['src'] or '').rsplit('/', 1)[-1][:40]})"
        if (f["src"] or "").startswith("data:") or not (f["src"] or "").endswith(".png"):
            problems.append(f"{where}: inline data, not a file next to the page")
        if not (f["complete"] and f["natural"][0] > 0):
            problems.append(f"{where}: did not load")
        elif [f["width"], f["height"]] != [str(x) for x in f["natural"]]:
            problems.append(f"{where}: width/height {f['width']}x{f['height']}, the file is {f['natural']}")
        elif abs(f["shownRatio"] / (f["natural"][0] / f["natural"][1]) - 1) > 0.01:
            problems.append(f"{where}: shown at another aspect ratio ({f['shownRatio']:.3f})")
        elif abs(f["shownWidth"] - (expected := min(f["natural"][0], COLUMN[width]))) > 0.5:
            problems.append(f"{where}: shown {f['shownWidth']:.1f} px wide, not {expected} (column {COLUMN[width]})")
        if not (f["alt"] or "").strip() or f["alt"] == PLACEHOLDER:
            problems.append(f"{where}: no alt text saying what it shows ({f['alt']!r})")
        if f["zoom"] != f["src"]:  # a link: a click, or Enter once focused, opens it full size
            problems.append(f"{where}: no link to the figure full size (link: {f['zoom']!r})")
        if (f["loading"], f["decoding"]) != ("lazy", "async"):
            problems.append(f"{where}: loading={f['loading']}, decoding={f['decoding']}")
        inverted = f["filter"].startswith("invert(")
        if inverted != (scheme == "dark"):
            problems.append(f"{where}: filter {f['filter']!r} in the {scheme} scheme")
        if f["overflow"] > 0.5:
            problems.append(f"{where}: {f['overflow']:.1f} px wider than its column")
    if shift > CLS:
        problems.append(f"{page}: layout shift {shift:.3f} while loading and scrolling (budget {CLS}): {shifted}")
    assert problems == [], "\n".join(problems)


# A link to a heading far down a lab (an instructor's syllabus link) lands on it and it stays there
# while the figures above it arrive (their size is in the markup).
HEADING_TOP = "(id) => Math.round(document.getElementById(id).getBoundingClientRect().top)"


def _middle_heading(site, page: str) -> str:
    """The id of the lab's middle section heading: far down, with enough page below to scroll to it."""
    ids = re.findall(r'<h2 id="([^"]+)"', (site / page / "index.html").read_text(encoding="utf-8"))
    assert ids, f"{page}: no h2 with an id in the lab"
    return ids[len(ids) // 2]


def test_a_link_to_a_lab_heading_lands_on_it_and_stays(browser, origin, site, page, width, scheme):
    heading = _middle_heading(site, page)
    context = browser.new_context(viewport={"width": width, "height": 844}, color_scheme=scheme)
    try:
        tab = context.new_page()
        tab.goto(f"{origin}/{page}#{heading}", wait_until="load")
        tab.evaluate(NEXT_FRAMES)
        first = tab.evaluate(HEADING_TOP, heading)
        tab.wait_for_timeout(1500)
        later = tab.evaluate(HEADING_TOP, heading)
    finally:
        context.close()
    header = 48  # Material's header (2.4rem), which the heading must sit below
    assert header <= first <= header + 40, f"{page}#{heading}: the heading is {first} px from the top of the window"
    assert abs(later - first) <= 1, f"{page}#{heading}: the heading moved from {first} to {later} px"
