"""The colour palette toggle, run by overrides/partials/javascripts/palette.html instead of Material's
bundle (issue 17), does what the theme's did: three palettes in turn (system, light, dark), the
choice remembered from page to page, the system's preference followed in the first one, the
browser's theme colour and colour scheme kept with the header, Enter for keyboards; and the page is
in the reader's scheme from its first paint.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow

PAGE, OTHER = "conventions/", "glossary/"

STATE = """() => {
  const shown = [...document.querySelectorAll("form.md-header__option label")].filter((l) => !l.hidden);
  const header = getComputedStyle(document.querySelector("[data-md-component=header]"));
  const hex = "#" + header.backgroundColor.match(/\\d+/g).slice(0, 3)
    .map((v) => (+v).toString(16).padStart(2, "0")).join("");
  const metas = (name) => [...document.querySelectorAll(`meta[name=${name}]`)].map((m) => m.content);
  return {
    scheme: document.body.dataset.mdColorScheme,
    media: document.body.dataset.mdColorMedia,
    // named by its radio (Material's tooltips take the label's title away on hover)
    toggles: shown.map((l) => l.previousElementSibling.getAttribute("aria-label")),
    checked: [...document.querySelectorAll("input[name=__palette]")].findIndex((i) => i.checked),
    stored: (__md_get("__palette") || {}).index,
    themeColor: metas("theme-color"), headerColor: hex,
    colorScheme: metas("color-scheme"), headerScheme: header.colorScheme,
  };
}"""

# The scheme the body had when the page's main container was parsed, before any script after the
# header ran: the colours of the first paint.
FIRST_PAINT = """
new MutationObserver((records, observer) => {
  const container = document.querySelector(".md-container");
  if (!container) return;
  window.__firstScheme = document.body.dataset.mdColorScheme;
  observer.disconnect();
}).observe(document, { childList: true, subtree: true });
"""


@pytest.fixture
def tab(browser, request):
    context = browser.new_context(viewport={"width": 1280, "height": 800}, color_scheme=request.param)
    context.add_init_script(FIRST_PAINT)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    yield page
    context.close()
    assert errors == [], errors


def _state(tab) -> dict:
    state = tab.evaluate(STATE)
    # one of each <meta>, and they say what the header shows
    assert state["themeColor"] == [state["headerColor"]], state
    assert state["colorScheme"] == [state["headerScheme"]], state
    return state


def _toggle(tab) -> None:
    tab.locator("form.md-header__option label:not([hidden])").click()
    tab.wait_for_function("() => !document.body.hasAttribute('data-md-color-switching')")


@pytest.mark.parametrize("tab", ["light"], indirect=True)
def test_the_toggle_goes_through_the_three_palettes_and_pages_remember_the_choice(tab, origin):
    tab.goto(f"{origin}/{PAGE}")
    first = _state(tab)
    assert (first["scheme"], first["toggles"], first["checked"]) == ("default", ["Switch to light mode"], 0)
    assert first["media"] == "(prefers-color-scheme)"
    _toggle(tab)
    light = _state(tab)
    assert (light["scheme"], light["toggles"], light["stored"]) == ("default", ["Switch to dark mode"], 1)
    _toggle(tab)
    dark = _state(tab)
    assert (dark["scheme"], dark["toggles"], dark["stored"]) == ("slate", ["Switch to system preference"], 2)
    assert (light["colorScheme"], dark["colorScheme"]) == (["light"], ["dark"])
    tab.goto(f"{origin}/{OTHER}")
    assert tab.evaluate("window.__firstScheme") == "slate"  # the next page opens dark
    again = _state(tab)
    assert (again["scheme"], again["toggles"], again["checked"]) == ("slate", ["Switch to system preference"], 2)
    _toggle(tab)
    back = _state(tab)
    assert (back["scheme"], back["toggles"], back["stored"]) == ("default", ["Switch to light mode"], 0)


@pytest.mark.parametrize("tab", ["dark"], indirect=True)
def test_a_first_visit_opens_in_the_systems_scheme_and_follows_it(tab, origin):
    tab.goto(f"{origin}/{PAGE}")
    # Material's own script left a first-time visitor in the light scheme until its bundle ran
    assert tab.evaluate("window.__firstScheme") == "slate"
    assert _state(tab)["scheme"] == "slate"
    tab.emulate_media(color_scheme="light")
    tab.wait_for_function("() => document.body.dataset.mdColorScheme === 'default'")
    assert _state(tab)["toggles"] == ["Switch to light mode"]
    # a palette chosen by hand stays when the system changes
    _toggle(tab)
    _toggle(tab)
    assert _state(tab)["scheme"] == "slate"
    tab.emulate_media(color_scheme="light")
    tab.emulate_media(color_scheme="dark")
    tab.emulate_media(color_scheme="light")
    tab.wait_for_timeout(100)
    assert _state(tab)["scheme"] == "slate"


@pytest.mark.parametrize("tab", ["light"], indirect=True)
def test_enter_on_the_toggle_moves_to_the_next_palette(tab, origin):
    tab.goto(f"{origin}/{PAGE}")
    tab.locator("input[name=__palette]:checked").focus()
    tab.keyboard.press("Enter")
    tab.wait_for_function("() => (__md_get('__palette') || {}).index === 1")
    tab.keyboard.press("Enter")
    tab.wait_for_function("() => document.body.dataset.mdColorScheme === 'slate'")
    state = _state(tab)
    assert (state["toggles"], state["checked"]) == (["Switch to system preference"], 2)
    assert tab.evaluate("document.activeElement.id") == "__palette_2"
