"""Every page readable on a phone and on a desktop (issue 11), measured in the built site.

Each page is opened once per (viewport width, colour scheme); the tests below share that visit:
- no sideways page scroll at 320, 390 and 768 px;
- figures: smallest and main (tick and axis labels) on-screen text size, in CSS px, is the SVG font
  size x rendered width / viewBox width of the variant the browser chose (phone at 390, desktop at 1280);
- every display formula or table that overflows its box carries the scroll cue and is keyboard-scrollable;
- on phones a display too wide for the screen has each text label ("L2:") on its own line, above its formula;
- axe-core finds nothing at 390 px either (test_pages runs it at 1280);
- at 1280 px no table is wider than the page's column.
Phone screenshots go to reports/screenshots/phone/.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from functools import cache
from pathlib import Path

import pytest

from .conftest import SCHEMES, browsed_pages, full_page_screenshot, screenshot_name
from .test_pages import AXE, AXE_RUN, LIST_IMAGES, NEXT_FRAMES, SCROLL

PAGES = browsed_pages()
WIDTHS = (320, 390, 768, 1280)
PHONE, DESKTOP = 390, 1280
# Issue 11: (smallest text, main text) in CSS px.
FLOORS = {PHONE: (11, 12), DESKTOP: (10, 12)}

MEASURE = """
() => {
  const column = document.querySelector(".md-content__inner").getBoundingClientRect();
  const REGIONS = ".md-typeset .math-display, .md-typeset__scrollwrap, .md-typeset .math-inline-scroll, "
    + ".md-typeset .highlight-ipynb pre, .md-typeset .jp-RenderedText pre, .md-typeset pre > code";
  const shown = (e) => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== "hidden";
  // The scroll cue around a region (phone.js, extra.css): its right edge shadow and "scroll →" hint
  // as drawn now, the hint's size and where it sits.
  const cueShown = (e) => {
    const box = e.parentElement.closest(".scroll-cue");
    const hint = box && box.querySelector(":scope > .scroll-cue__hint");
    if (!hint) return { shadow: 0, hint: null };
    const h = getComputedStyle(hint), r = hint.getBoundingClientRect(), region = e.getBoundingClientRect();
    return {
      shadow: parseFloat(getComputedStyle(box, "::after").opacity),
      hint: {
        text: hint.textContent, shown: h.visibility === "visible" && parseFloat(h.opacity) > 0.99 && r.width > 0,
        fontSize: parseFloat(h.fontSize),
        // within the region's width, and under it (in the cue's strip), or over an inline formula
        inside: r.left >= Math.max(region.left, 0) - 0.5 && r.right <= Math.min(region.right, innerWidth) + 0.5
          && (r.top + r.bottom) / 2 >= region.top && r.bottom <= region.bottom + 2 * r.height,
        over: r.top < region.bottom - 0.5 && !e.matches(".math-inline-scroll"),
      },
    };
  };
  // Contrast of the hint's text on its pill, the pill composited on the page (WCAG formula).
  const cueContrast = () => {
    const hint = document.querySelector(".scroll-cue__hint");
    if (!hint) return null;
    const rgba = (c) => c.match(/[\\d.]+/g).map(Number).concat([1]).slice(0, 4);
    const page = rgba(getComputedStyle(document.body).backgroundColor);
    const over = (c, under) => c.slice(0, 3).map((v, i) => v * c[3] + under[i] * (1 - c[3]));
    const pill = over(rgba(getComputedStyle(hint).backgroundColor), page);
    const text = over(rgba(getComputedStyle(hint).color), pill);
    const lum = (c) => c.map((v) => { v /= 255; return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; })
      .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
    const [a, b] = [lum(pill), lum(text)].sort((x, y) => y - x);
    return (a + 0.05) / (b + 0.05);
  };
  const where = (e) => {
    const m = e.querySelector("annotation");
    return (m ? m.textContent : e.textContent).replace(/\\s+/g, " ").trim().slice(0, 70);
  };
  return {
    contrast: cueContrast(),
    docWidth: document.documentElement.scrollWidth,
    viewport: innerWidth,
    column: { left: column.left, right: column.right },
    figures: [...document.querySelectorAll(".md-typeset img")].filter(shown)
      .filter((i) => /\\/figures\\//.test(i.currentSrc))
      .map((i) => ({ src: new URL(i.currentSrc).pathname, width: i.getBoundingClientRect().width })),
    regions: [...document.querySelectorAll(REGIONS)].filter(shown)
      .map((e) => {
        const s = getComputedStyle(e);
        return {
          kind: e.matches(".math-display, .math-inline-scroll") ? "math" : e.matches("pre, code") ? "code" : "table",
          what: where(e),
          overflow: e.scrollWidth - e.clientWidth, tabindex: e.getAttribute("tabindex"),
          mask: s.maskImage || s.webkitMaskImage || "none",
          more: e.dataset.scrollMore || "", ...cueShown(e),
          // in a closed <details> (phone.js cues it when it opens; see OPEN_DETAILS)
          closed: !!e.closest("details:not([open]), details[data-was-closed]"),
        };
      }),
    // notebook code: lines in the source, lines on screen (a wrapped line would add one)
    code: [...document.querySelectorAll(".md-typeset .highlight-ipynb pre")].filter(shown).map((pre) => {
      const s = getComputedStyle(pre);
      const line = parseFloat(s.lineHeight) || 1.2 * parseFloat(s.fontSize);
      const padding = parseFloat(s.paddingTop) + parseFloat(s.paddingBottom);
      return {
        what: where(pre), whiteSpace: s.whiteSpace, overflow: pre.scrollWidth - pre.clientWidth,
        lines: pre.textContent.replace(/\\n$/, "").split("\\n").length,
        shownLines: Math.round((pre.clientHeight - padding) / line),
      };
    }),
    // A label ("L2:") with formula text to its right on the same line, in a display too wide for
    // the screen (a short "lasso: λ = ..." may keep its label in front).
    labelsBeside: [...document.querySelectorAll(".md-typeset .math-display mtext")].filter(shown)
      .filter((t) => /:\\s*$/.test(t.textContent))
      .filter((t) => { const d = t.closest(".math-display"); return d.scrollWidth > d.clientWidth + 1; })
      .filter((t) => {
        const r = t.getBoundingClientRect();
        return [...t.closest("math").querySelectorAll("mi, mn, mo, mtext")].some((e) => {
          const b = e.getBoundingClientRect();
          return e.textContent.trim() && shown(e) && b.left >= r.right - 0.5 &&
            b.top < r.bottom - r.height / 4 && b.bottom > r.top + r.height / 4;
        });
      })
      .map((t) => `${t.textContent.trim()} in ${where(t.closest("math"))}`),
    tables: [...document.querySelectorAll(".md-typeset table")].filter(shown).map((t) => {
      const box = t.closest(".md-typeset__scrollwrap") || t;
      const first = t.querySelector("tr > :first-child");
      return {
        what: where(t.querySelector("th, td") || t),
        overflow: Math.max(box.scrollWidth - box.clientWidth, t.scrollWidth - t.clientWidth),
        headers: [...t.querySelectorAll("thead th")].map((th) => th.innerText.trim().toLowerCase()),
        // card cells whose column header has math but whose label on screen has none (flattened)
        flatLabels: t.dataset.layout !== "cards" ? [] : [...t.querySelectorAll("tbody tr")].flatMap((tr) => {
          const ths = [...t.querySelectorAll("thead th")];
          return [...tr.children].filter((td, i) => ths[i] && ths[i].querySelector("math") && shown(td)
            && !(i === 0 && t.hasAttribute("data-titled"))
            && ![...td.querySelectorAll(":scope > .card-label math")].some(shown))
            .map((td) => where(td));
        }),
        layout: t.dataset.layout || null, sticky: first ? getComputedStyle(first).position === "sticky" : false,
        // first cells on screen that repeat the one above (a run of rows of one library)
        repeats: (() => {
          const seen = [...t.querySelectorAll("tbody tr > :first-child")]
            .filter((c) => c.getBoundingClientRect().width > 1).map((c) => c.innerText.trim());
          return seen.filter((s, i) => i > 0 && s === seen[i - 1]).length;
        })(),
      };
    }),
  };
}
"""


# Every overflowing region scrolled to its right end: what of the cue still shows (it must all go),
# then back to the start. The cue's fade is run to its end (Chromium does not start a transition
# off screen).
TO_THE_END = """
async () => {
  const REGIONS = ".md-typeset .math-display, .md-typeset__scrollwrap, .md-typeset .math-inline-scroll, "
    + ".md-typeset .highlight-ipynb pre, .md-typeset .jp-RenderedText pre, .md-typeset pre > code";
  const regions = [...document.querySelectorAll(REGIONS)]
    .filter((e) => e.getClientRects().length && e.scrollWidth - e.clientWidth > 1);
  // a scrolling table's first column stays in view (sticky)
  const firsts = regions.map((e) => e.querySelector("table[data-layout=scroll] tr > :first-child"));
  regions.forEach((e) => { e.scrollLeft = e.scrollWidth; });
  await new Promise((r) => setTimeout(r, 100));
  const left = regions.map((e) => {
    const box = e.parentElement.closest(".scroll-cue"), hint = box && box.querySelector(".scroll-cue__hint");
    let shown = false, shadow = 0;
    if (hint) {
      box.getAnimations({ subtree: true }).forEach((a) => a.finish());
      shown = getComputedStyle(hint).visibility !== "hidden" || parseFloat(getComputedStyle(hint).opacity) > 0;
      shadow = parseFloat(getComputedStyle(box, "::after").opacity);
    }
    // a table's last column unfaded (its first column is sticky: no fade on the left either)
    const mask = getComputedStyle(e).maskImage || getComputedStyle(e).webkitMaskImage || "none";
    const faded = e.matches(".md-typeset__scrollwrap") && mask !== "none";
    return { what: (e.querySelector("annotation") || e).textContent.trim().slice(0, 70), hint: shown, shadow, faded };
  });
  const moved = firsts.map((c, i) =>
    c && c.getBoundingClientRect().left < regions[i].getBoundingClientRect().left - 1 ? left[i].what : null);
  regions.forEach((e) => { e.scrollLeft = 0; });
  return { shown: left.filter((r) => r.hint || r.shadow > 0 || r.faded), moved: moved.filter(Boolean) };
}
"""


# Every closed <details> opened, as a reader opens it, and two frames later (phone.js measures what
# it shows in the ResizeObserver report that comes with the first of them), once the cues have faded in.
OPEN_DETAILS = """
async () => {
  for (const d of document.querySelectorAll("details:not([open])")) { d.dataset.wasClosed = ""; d.open = true; }
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  const ends = document.getAnimations().filter((a) => a.effect?.getComputedTiming().iterations !== Infinity);
  await Promise.all(ends.map((a) => a.finished));  // the cue fades in
}
"""


def seen_regions(m: dict) -> list[dict]:
    """The regions as a reader meets them: one in a closed <details> as measured once it is open."""
    return [r for r in m["regions"] if not r["closed"]] + [r for r in m.get("opened", []) if r["closed"]]


@pytest.fixture(scope="session")
def measure(browser, origin, screenshots):
    contexts, done = {}, {}

    def open_page(page: str, width: int, scheme: str) -> dict:
        if (page, width, scheme) in done:
            return done[page, width, scheme]
        if (width, scheme) not in contexts:
            contexts[width, scheme] = browser.new_context(
                color_scheme=scheme, viewport={"width": width, "height": 844 if width < 1000 else 900}
            )
            contexts[width, scheme].route(lambda url: not url.startswith((origin, "data:")), lambda r: r.abort())
        tab = contexts[width, scheme].new_page()
        try:
            tab.goto(f"{origin}/{page}", wait_until="load")
            tab.evaluate(SCROLL)
            tab.evaluate(LIST_IMAGES)
            tab.evaluate(NEXT_FRAMES)
            result = tab.evaluate(MEASURE)
            if width in (PHONE, DESKTOP) and any(r["overflow"] > 1 for r in result["regions"]):
                result["scrolledToEnd"] = tab.evaluate(TO_THE_END)
            if width == PHONE:
                folder = screenshots / "phone"
                folder.mkdir(exist_ok=True)
                full_page_screenshot(tab, folder / screenshot_name(page, scheme))
                # axe-core as test_pages runs it at 1280 px (dark mode: the colour rules).
                tab.add_script_tag(path=str(AXE))
                result["violations"] = tab.evaluate(AXE_RUN, scheme)
            if any(r["closed"] for r in result["regions"]):
                tab.evaluate(OPEN_DETAILS)
                result["opened"] = tab.evaluate(MEASURE)["regions"]
        finally:
            tab.close()
        done[page, width, scheme] = result
        return result

    yield open_page
    for context in contexts.values():
        context.close()


_SIZE = re.compile(r"font-size:\s*([\d.]+)px")


@cache
def svg_text_sizes(path: Path) -> tuple[float, list[float], list[float]]:
    """(viewBox width, every text's font size, main texts' font sizes: tick and axis labels), in SVG units."""
    root = ET.parse(path).getroot()
    view_width = float(root.get("viewBox").split()[2])
    every, main = [], []

    def walk(node, in_axis: bool) -> None:
        in_axis = in_axis or node.get("id", "").startswith("matplotlib.axis")
        if node.tag.endswith("}text"):
            # A mathtext label is a <text> of <tspan>s: its size is its largest part (10 in 10^-2);
            # every part, exponents included, counts for the smallest text.
            parts = [node, *node.iter("{http://www.w3.org/2000/svg}tspan")]
            sizes = [float(f[1]) for p in parts if (p.text or "").strip() and (f := _SIZE.search(p.get("style", "")))]
            every.extend(sizes)
            if in_axis and sizes:
                main.append(max(sizes))
            return
        for child in node:
            walk(child, in_axis)

    walk(root, False)
    return view_width, every, main


def figure_sizes(site: Path, figures: list[dict]) -> list[tuple[str, float, float]]:
    """(figure, smallest text px, smallest main text px) for each figure shown."""
    out = []
    for fig in figures:
        view_width, every, main = svg_text_sizes(site / fig["src"].lstrip("/"))
        scale = fig["width"] / view_width
        out.append((fig["src"], min(every) * scale, min(main or every) * scale))
    return out


def _lines(items) -> str:
    return "\n".join(f"  {item}" for item in items)


pytestmark = [
    pytest.mark.slow,
    pytest.mark.parametrize("scheme", SCHEMES),
    pytest.mark.parametrize("page", PAGES, ids=lambda page: page or "home"),
]


@pytest.mark.parametrize("width", (320, PHONE, 768))
def test_no_sideways_page_scroll(measure, page, width, scheme):
    m = measure(page, width, scheme)
    assert m["docWidth"] <= m["viewport"], f"document is {m['docWidth']} px wide in a {m['viewport']} px window"


@pytest.mark.parametrize("width", (PHONE, DESKTOP))
def test_figure_text_is_readable(measure, site, page, width, scheme):
    least, main = FLOORS[width]
    small = [
        f"{src}: smallest {a:.1f} px, main {b:.1f} px"
        for src, a, b in figure_sizes(site, measure(page, width, scheme)["figures"])
        if a < least or b < main
    ]
    assert small == [], f"figure text under {least} px (any) / {main} px (ticks, labels) at {width} px:\n" + _lines(
        small
    )


@pytest.mark.parametrize("width", (PHONE, DESKTOP))
def test_phone_downloads_its_variant(measure, page, width, scheme):
    srcs = [f["src"] for f in measure(page, width, scheme)["figures"]]
    wrong = [s for s in srcs if (".phone." in s) != (width == PHONE)]
    assert wrong == [], f"figure variants not meant for {width} px:\n" + _lines(wrong)


@pytest.mark.parametrize("width", (PHONE, DESKTOP))
def test_overflowing_regions_carry_the_scroll_cue(measure, page, width, scheme):
    bare = [
        f"{r['kind']} ({r['overflow']} px more): {r['what']}"
        for r in seen_regions(measure(page, width, scheme))
        if r["overflow"] > 1 and (r["tabindex"] != "0" or r["mask"] == "none")
    ]
    assert bare == [], "overflowing blocks without scroll cue or keyboard access:\n" + _lines(bare)


# The cue a first-time reader cannot miss (issue 11, phone review): the faded edge alone was missed.
HINT_MIN_PX, HINT_MIN_CONTRAST = 11, 4.5


@pytest.mark.parametrize("width", (PHONE, DESKTOP))
def test_the_scroll_cue_is_unmistakable_and_goes_at_the_end(measure, page, width, scheme):
    m = measure(page, width, scheme)
    weak = []
    for r in seen_regions(m):
        if r["overflow"] <= 1 or "right" not in r["more"]:
            continue
        hint = r["hint"]
        if not hint or not hint["shown"]:
            weak.append(f"{r['kind']}: no 'scroll' hint shown: {r['what']}")
        elif hint["fontSize"] < HINT_MIN_PX or not hint["inside"] or "scroll" not in hint["text"]:
            weak.append(f"{r['kind']}: hint {hint} too small or away from the region: {r['what']}")
        elif hint["over"]:
            weak.append(f"{r['kind']}: the hint covers the region's content: {r['what']}")
        if r["shadow"] < 0.99:
            weak.append(f"{r['kind']}: no edge shadow on the side with more: {r['what']}")
    if m["contrast"] is not None and m["contrast"] < HINT_MIN_CONTRAST:
        weak.append(f"the hint's text is {m['contrast']:.2f}:1 on its pill")
    end = m.get("scrolledToEnd", {"shown": [], "moved": []})
    weak += [f"still shown scrolled to the end: {r}" for r in end["shown"]]
    assert weak == [], f"scroll cues at {width} px:\n" + _lines(weak)


@pytest.mark.parametrize("width", (PHONE, DESKTOP))
def test_lab_code_scrolls_and_never_wraps(measure, page, width, scheme):
    """A wrapped code line would restart at column 0 and break Python's visible indentation."""
    if not page.startswith("labs/"):
        pytest.skip("no notebook code on this page")
    code = measure(page, width, scheme)["code"]
    assert code, "a lab page with no code cell"
    wrapped = [f"{c['what']}: {c['lines']} lines on {c['shownLines']}" for c in code if c["shownLines"] != c["lines"]]
    assert wrapped == [], f"code that wraps at {width} px:\n" + _lines(wrapped)
    assert {c["whiteSpace"] for c in code} == {"pre"}
    if width == PHONE:  # 79-column lines do not fit a phone: they scroll (with the cue, tested above)
        assert any(c["overflow"] > 1 for c in code), "no code cell scrolls sideways at 390 px"


def test_labels_sit_above_their_formula_on_phones(measure, page, scheme):
    beside = measure(page, PHONE, scheme)["labelsBeside"]
    assert beside == [], f"display labels with the formula beside them at {PHONE} px:\n" + _lines(beside)


def test_no_accessibility_violation_on_phones(measure, page, scheme):
    violations = measure(page, PHONE, scheme)["violations"]
    assert violations == [], f"axe-core at {PHONE} px: " + "\n".join(
        f"{v['id']} ({v['impact']}): {v['help']}\n    " + "\n    ".join(v["nodes"]) for v in violations
    )


def test_desktop_tables_fit_their_column(measure, page, scheme):
    m = measure(page, DESKTOP, scheme)
    wide = [f"{t['what']}: {t['overflow']} px too wide" for t in m["tables"] if t["overflow"] > 1]
    assert wide == [], f"tables wider than the column at {DESKTOP} px:\n" + _lines(wide)


def test_desktop_math_fits_its_column(measure, page, scheme):
    """A desktop reader never scrolls a formula: a long display is split into statements instead."""
    m = measure(page, DESKTOP, scheme)
    math = [r for r in m["regions"] if r["kind"] == "math"]
    wide = [f"{r['what']}: {r['overflow']} px too wide" for r in math if r["overflow"] > 1]
    assert wide == [], f"display math wider than the column at {DESKTOP} px:\n" + _lines(wide)


def test_verdict_tables_are_cards_and_wide_numeric_tables_keep_their_first_column(measure, page, scheme):
    m = measure(page, PHONE, scheme)
    moved = m.get("scrolledToEnd", {"moved": []})["moved"]
    problems = [f"{what}: its first column scrolls away with the rest" for what in moved]
    for t in m["tables"]:
        if {"claim", "verdict"} & set(t["headers"]):
            if t["layout"] != "cards" or t["overflow"] > 1:
                problems.append(f"{t['what']}: claim/verdict table not shown as cards ({t['overflow']} px too wide)")
        elif t["overflow"] > 1 and not (t["layout"] == "scroll" and t["sticky"]):
            problems.append(f"{t['what']}: scrolling table without a sticky first column")
    assert problems == [], f"tables at {PHONE} px:\n" + _lines(problems)


# Numeric tables narrow enough for a phone (first header, by page): they fit at 390 px rather than
# scroll by a few px, where the cue is easy to miss and the fade covers the last column's values.
FIT_ON_PHONES = {"conventions/": {"quantity"}, "articles/networks/": {"penalty"}}


def test_narrow_numeric_tables_fit_a_phone(measure, page, scheme):
    if page not in FIT_ON_PHONES:
        pytest.skip("no table listed for this page")
    tables = [
        t for t in measure(page, PHONE, scheme)["tables"] if t["headers"][:1] and t["headers"][0] in FIT_ON_PHONES[page]
    ]
    assert len(tables) == len(FIT_ON_PHONES[page]), f"tables not found: {FIT_ON_PHONES[page]}"
    wide = [f"{t['what']}: {t['overflow']} px too wide" for t in tables if t["overflow"] > 1]
    assert wide == [], f"tables that should fit at {PHONE} px:\n" + _lines(wide)


def test_card_labels_keep_the_math_of_their_header(measure, page, scheme):
    """A card's label is its column's header: one with math shows that math, not its flattened text."""
    flat = [f"{t['what']}: {cell}" for t in measure(page, PHONE, scheme)["tables"] for cell in t["flatLabels"]]
    assert flat == [], f"card cells labelled with flattened math at {PHONE} px:\n" + _lines(flat)


def test_card_runs_show_their_title_once(measure, page, scheme):
    """On phones a run of rows with the same first cell (the oracle checks of one library) shows it once."""
    tables = measure(page, PHONE, scheme)["tables"]
    repeated = [f"{t['what']}: {t['repeats']} repeats" for t in tables if t["layout"] != "scroll" and t["repeats"]]
    assert repeated == [], f"card tables repeating their first cell at {PHONE} px:\n" + _lines(repeated)
