"""Pages with math are first drawn in the math font (issue 17): overrides/main.html holds the first
paint of a page with math until Latin Modern Math has arrived, for at most 3 s; a first paint in a
fallback font moves the text around the math when the font comes (a lab moved by 0.094)."""

from __future__ import annotations

import pytest

from .test_layout_shift import LOAD_TIMEOUT_MS, PRESETS, throttled_tab

pytestmark = pytest.mark.slow

# The state of the math font the first time the page is drawn with math on it (requestAnimationFrame
# runs just before each paint).
FONT_AT_FIRST_PAINT = """
window.__mathFont = null;
const look = () => {
  if (document.body && document.querySelector("math") && getComputedStyle(document.body).visibility !== "hidden") {
    window.__mathFont = [...document.fonts].filter((f) => f.family.replace(/"/g, "") === "Latin Modern Math")
      .map((f) => f.status);
  } else requestAnimationFrame(look);
};
requestAnimationFrame(look);
"""


@pytest.mark.parametrize("page", ["", "articles/norms/", "labs/conventions/"], ids=["home", "article", "lab"])
def test_math_is_first_drawn_in_its_own_font(browser, origin, page):
    """On a phone's network (Lighthouse's mobile preset), nothing cached: the page waits for the font."""
    width, height, *conditions = PRESETS["phone"]
    context = browser.new_context(viewport={"width": width, "height": height})
    try:
        tab = throttled_tab(context, conditions, cache=False)
        tab.add_init_script(FONT_AT_FIRST_PAINT)
        tab.goto(f"{origin}/{page}", wait_until="load", timeout=LOAD_TIMEOUT_MS)
        assert tab.evaluate("() => window.__mathFont") == ["loaded"], f"/{page}: math drawn before its font"
    finally:
        context.close()
