"""Every page of the built site, in light and dark mode, as a reader's browser shows it.

Each page is opened once per colour scheme (the result is shared by the tests below): scrolled to the
bottom so lazy figures load, screenshotted to reports/screenshots/, then checked with axe-core.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlsplit

import pytest

from scripts.pipeline import ROOT

from .conftest import SCHEMES, browsed_pages, full_page_screenshot, screenshot_name

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
PAGES = browsed_pages()

# Scroll through the page as a reader would, so that lazy images load on their own.
SCROLL = """
async () => {
  const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
  const root = document.documentElement;
  for (let y = 0; y < root.scrollHeight; y += Math.floor(innerHeight * 1.5)) { scrollTo(0, y); await sleep(20); }
  scrollTo(0, root.scrollHeight);
  await sleep(50);
  scrollTo(0, 0);
}
"""

# Then every image with a layout box must load (one the fast scroll passed by is asked for now).
# The hidden twin of each figure (#only-dark in light mode, #only-light in dark mode) is display:none
# and is never fetched: only images with a layout box count as visible.
LIST_IMAGES = """
async () => {
  const visible = [...document.images].filter((i) => i.getClientRects().length > 0);
  await Promise.all(visible.map((i) => i.complete ? null : new Promise((r) => {
    i.addEventListener("load", r, { once: true });
    i.addEventListener("error", r, { once: true });
    i.loading = "eager";
    setTimeout(r, 10000);
  })));
  return [...document.images].map((i) => ({
    src: i.getAttribute("src"), alt: i.getAttribute("alt"), visible: visible.includes(i),
    complete: i.complete, width: i.naturalWidth,
  }));
}
"""

# Text a reader sees, outside code and MathML, that still looks like TeX.
RAW_TEX = r"""
() => {
  const skip = "pre, code, kbd, script, style, math, textarea, template";
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT, {
    acceptNode: (n) => n.parentElement.closest(skip) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
  });
  const tex = /\\[()[\]]|\$\$|\$[^\s$][^$]*\$|\\[A-Za-z]{2,}/;
  const where = (e) => [e.tagName.toLowerCase(), ...String(e.className || "").split(/\s+/).filter(Boolean)].join(".");
  const hits = [];
  for (let n; (n = walker.nextNode());) {
    if (tex.test(n.textContent)) hits.push(`${where(n.parentElement)}: ${n.textContent.trim().slice(0, 160)}`);
  }
  return {
    hits,
    arithmatex: document.querySelectorAll(".arithmatex").length,
    scheme: document.body.getAttribute("data-md-color-scheme"),
  };
}
"""

NEXT_FRAMES = "() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 50))))"

# The light and dark pages have the same markup and differ only in colour: all rules run in light
# mode, the colour rules (contrast, links told apart from text) in dark mode. In light mode also
# WCAG 2.2's target size (off in axe by default, run by Lighthouse: the code pages' line-number
# links failed it, issue 17) on the page's content: in the desktop sidebar, a link scrolled under
# Material's sticky title counts as too small.
AXE_RUN = """
async (scheme) => {
  const options = { resultTypes: ["violations"] };
  if (scheme === "dark") options.runOnly = { type: "rule", values: ["color-contrast", "link-in-text-block"] };
  const result = await axe.run(document, options);
  if (scheme === "light") {
    const size = { resultTypes: ["violations"], runOnly: { type: "rule", values: ["target-size"] } };
    result.violations.push(...(await axe.run({ include: [[".md-content"]] }, size)).violations);
  }
  return result.violations.map((v) => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.slice(0, 5).map((n) => n.target.join(" ") + " :: " + (n.failureSummary || "").split("\\n")[1]),
  }));
}
"""


@dataclass
class Visit:
    page: str
    scheme: str
    requests: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    console: list[str] = field(default_factory=list)
    images: list[dict] = field(default_factory=list)
    raw_tex: list[str] = field(default_factory=list)
    arithmatex: int = 0
    color_scheme: str | None = None
    violations: list[dict] = field(default_factory=list)


@pytest.fixture(scope="session")
def visit(browser, origin, screenshots):
    """``visit(page, scheme)``: open the page once, record everything the tests look at."""
    contexts, done = {}, {}

    def open_page(page: str, scheme: str) -> Visit:
        if (page, scheme) in done:
            return done[page, scheme]
        if scheme not in contexts:
            contexts[scheme] = browser.new_context(color_scheme=scheme, viewport={"width": 1280, "height": 900})
            # Nothing may leave the site: such requests are recorded (below), then refused here.
            contexts[scheme].route(lambda url: not url.startswith((origin, "data:")), lambda route: route.abort())
        result = Visit(page, scheme)
        tab = contexts[scheme].new_page()
        tab.on("request", lambda r: result.requests.append(r.url))
        tab.on("requestfailed", lambda r: result.failed.append(f"{r.url}: {r.failure}"))
        tab.on("response", lambda r: r.status >= 400 and result.failed.append(f"{r.url}: HTTP {r.status}"))
        tab.on("console", lambda m: m.type == "error" and result.console.append(f"{m.text} ({m.location})"))
        tab.on("pageerror", lambda e: result.console.append(f"uncaught: {e}"))
        try:
            tab.goto(f"{origin}/{page}", wait_until="load")
            tab.evaluate(SCROLL)
            tab.evaluate(NEXT_FRAMES)  # let phone.js (overrides/) finish its checks
            result.images = tab.evaluate(LIST_IMAGES)
            tab.wait_for_load_state("networkidle")
            tex = tab.evaluate(RAW_TEX)
            result.raw_tex, result.arithmatex, result.color_scheme = tex["hits"], tex["arithmatex"], tex["scheme"]
            full_page_screenshot(tab, screenshots / screenshot_name(page, scheme))
            tab.add_script_tag(path=str(AXE))
            result.violations = tab.evaluate(AXE_RUN, scheme)
        finally:
            tab.close()
        done[page, scheme] = result
        return result

    yield open_page
    for context in contexts.values():
        context.close()


pytestmark = [
    pytest.mark.slow,
    pytest.mark.parametrize("scheme", SCHEMES),
    pytest.mark.parametrize("page", PAGES, ids=lambda page: page or "home"),
]


def test_scheme_is_applied(visit, page, scheme):
    """The palette's first entry follows the system: emulating prefers-color-scheme selects light or dark."""
    assert visit(page, scheme).color_scheme == {"light": "default", "dark": "slate"}[scheme]


def _lines(items) -> str:
    return "\n".join(f"  {item}" for item in items)


def test_no_console_error(visit, page, scheme):
    console = visit(page, scheme).console
    assert console == [], "console errors:\n" + _lines(console)


def _cancelled_by_the_browser(failure: str, site) -> bool:
    """net::ERR_ABORTED on a file the site has: Chromium dropped the request itself (a <picture>
    switching variants while the full-page screenshot resizes the view, or the tab closing)."""
    url, _, reason = failure.partition(": ")
    if reason != "net::ERR_ABORTED":
        return False
    path = urlsplit(url).path.lstrip("/")
    return (site / path).is_file() or (site / path / "index.html").is_file()


def test_every_request_succeeds_and_stays_on_the_site(visit, page, scheme, origin, site):
    v = visit(page, scheme)
    foreign = [u for u in v.requests if not u.startswith("data:") and urlsplit(u).netloc != urlsplit(origin).netloc]
    assert foreign == [], "requests to another host:\n" + _lines(foreign)
    failed = [f for f in v.failed if not _cancelled_by_the_browser(f, site)]
    assert failed == [], "failed requests:\n" + _lines(failed)


def test_math_is_rendered(visit, page, scheme):
    v = visit(page, scheme)
    assert v.arithmatex == 0, "arithmatex spans left: the hook did not turn them into MathML"
    assert v.raw_tex == [], "raw TeX in the text (element: text):\n" + _lines(v.raw_tex)


def test_every_image_has_alt_text_and_every_visible_one_loaded(visit, page, scheme):
    v = visit(page, scheme)
    no_alt = [i["src"] for i in v.images if not (i["alt"] or "").strip()]
    assert no_alt == [], "images without alt text:\n" + _lines(no_alt)
    broken = [i["src"] for i in v.images if i["visible"] and not (i["complete"] and i["width"] > 0)]
    assert broken == [], "visible images that did not load:\n" + _lines(broken)


def test_no_accessibility_violation(visit, page, scheme):
    violations = visit(page, scheme).violations
    assert violations == [], "axe-core: " + "\n".join(
        f"{v['id']} ({v['impact']}): {v['help']}\n    " + "\n    ".join(v["nodes"]) for v in violations
    )
