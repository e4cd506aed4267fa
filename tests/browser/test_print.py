"""Handouts: article pages printed to PDF by Chromium (docs/assets/stylesheets/print.css).

Each article page is opened in dark mode (the harder case: print must still be light), switched to
print media and checked element by element, then printed with Chromium's print-to-PDF into
reports/print/, whose text is read back with poppler's pdftotext.
"""

from __future__ import annotations

import shutil
import subprocess

import pytest

from scripts.pipeline import ROOT

from .conftest import source_pages

ARTICLES = [page for page in source_pages() if page.startswith("articles/")]
PDFS = ROOT / "reports" / "print"
EXTERNAL = "https://example.org/handoutcheck"  # no hyphen: pdftotext drops one at a line break

# A made-up external link, to see what print writes after it (the articles have none yet).
ADD_EXTERNAL_LINK = """
(external) => {
  const probe = document.createElement("a");
  probe.href = external;
  probe.textContent = "an external link";
  probe.id = "print-probe";
  document.querySelector("article p").append(" ", probe);
}
"""

# Everything the checks need, measured under print media.
MEASURE = """
async () => {
  const box = (e) => e.getClientRects().length > 0;
  const article = document.querySelector("article");
  const probe = document.getElementById("print-probe");
  // A link to another page of the site (Material has made every href absolute).
  const internal = [...article.querySelectorAll("a[href]")].find(
    (a) => a.origin === location.origin && a.pathname !== location.pathname && !a.classList.contains("headerlink"));
  const words = (root) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const found = [];
    for (let n; (n = walker.nextNode());) {
      if (!n.parentElement.closest("math, summary")) found.push(...n.textContent.split(/\\s+/));
    }
    return found.filter((w) => /^[A-Za-z]{4,}$/.test(w)).slice(0, 4);
  };
  const after = (a) => a ? getComputedStyle(a, "::after").content : null;
  const images = [...article.querySelectorAll("img")].filter(box);
  await Promise.all(images.map((i) => i.complete ? null : new Promise((r) => {
    i.addEventListener("load", r, { once: true });
    i.addEventListener("error", r, { once: true });
    setTimeout(r, 10000);
  })));
  const chrome = ".md-header, .md-search, .md-sidebar, .md-nav, .md-tabs, .md-footer, .md-top, .md-skip";
  return {
    chrome: [...document.querySelectorAll(chrome)].filter(box).map((e) => e.className),
    details: [...article.querySelectorAll("details")].map((d) => ({
      summary: d.querySelector("summary").textContent.trim(),
      open: d.getBoundingClientRect().height > d.querySelector("summary").getBoundingClientRect().height + 16,
      // Words of the block's own text (from the DOM, not from what is rendered), outside math.
      text: words(d),
    })),
    images: images.map((i) => ({ src: i.getAttribute("src"), loaded: i.complete && i.naturalWidth > 0 })),
    hiddenLight: [...article.querySelectorAll('img[src$="#only-light"]')].filter((i) => !box(i)).length,
    background: getComputedStyle(document.body).backgroundColor,
    rootBackground: getComputedStyle(document.documentElement).backgroundColor,
    color: getComputedStyle(article).color,
    externalAfter: after(probe),
    internalAfter: after(internal),
    internalHref: internal && internal.getAttribute("href"),
    scheme: document.body.getAttribute("data-md-color-scheme"),
  };
}
"""


@pytest.fixture(scope="module")
def dark_context(browser):
    context = browser.new_context(color_scheme="dark", viewport={"width": 1280, "height": 900})
    yield context
    context.close()


@pytest.fixture(scope="module")
def printed(dark_context, origin):
    """``printed(page)``: the print-media measurements and the PDF file of one page (opened once)."""
    done = {}

    def open_page(page: str):
        if page not in done:
            tab = dark_context.new_page()
            try:
                tab.goto(f"{origin}/{page}", wait_until="load")
                tab.evaluate(ADD_EXTERNAL_LINK, EXTERNAL)
                PDFS.mkdir(parents=True, exist_ok=True)
                pdf = PDFS / (page.strip("/").replace("/", "_") + ".pdf")
                # As when a reader prints: beforeprint fires (print.js), then the page is laid out for print.
                tab.pdf(path=pdf, format="A4", print_background=True)
                tab.emulate_media(media="print")  # the same layout, to measure
                measured = tab.evaluate(MEASURE)
            finally:
                tab.close()
            done[page] = measured, pdf
        return done[page]

    return open_page


pytestmark = [pytest.mark.slow, pytest.mark.parametrize("page", ARTICLES)]


def _luminance(css_colour: str) -> float:
    r, g, b = (float(x) / 255 for x in css_colour[css_colour.index("(") + 1 :].rstrip(")").split(",")[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def test_print_hides_the_site_chrome_and_is_light_in_dark_mode(printed, page):
    measured, _ = printed(page)
    assert measured["scheme"] == "slate"  # the screen is dark ...
    assert measured["chrome"] == [], "navigation, header, search or footer printed"
    assert measured["background"] == "rgb(255, 255, 255)"  # ... the paper is not
    assert measured["rootBackground"] in ("rgb(255, 255, 255)", "rgba(0, 0, 0, 0)"), "dark page margins"
    assert _luminance(measured["color"]) < 0.3, f"text colour {measured['color']} is not dark"


def test_print_shows_the_light_figures_loaded(printed, page):
    measured, _ = printed(page)
    assert measured["images"], "an article page without figures?"
    dark = [i["src"] for i in measured["images"] if not i["src"].endswith("#only-light")]
    assert dark == [], f"figures printed other than the light twin: {dark}"
    assert measured["hiddenLight"] == 0
    blank = [i["src"] for i in measured["images"] if not i["loaded"]]
    assert blank == [], f"figures that did not load for print: {blank}"


def test_print_opens_every_folded_block(printed, page):
    measured, _ = printed(page)
    closed = [d["summary"] for d in measured["details"] if not d["open"]]
    assert closed == [], f"folded blocks printed closed: {closed}"


def test_print_shows_where_external_links_go_and_only_those(printed, page):
    measured, _ = printed(page)
    assert EXTERNAL in measured["externalAfter"]
    assert measured["internalHref"], "no internal link to compare with"
    assert measured["internalAfter"] in ("none", "normal", ""), f"internal link got {measured['internalAfter']}"


def test_the_pdf_has_the_content_and_not_the_chrome(printed, page):
    measured, pdf = printed(page)
    if not shutil.which("pdftotext"):
        pytest.fail("no pdftotext: install Debian's poppler-utils (make test does it when root)", pytrace=False)
    assert pdf.read_bytes()[:5] == b"%PDF-"
    done = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True)
    text = " ".join(done.stdout.split())
    assert EXTERNAL in text.replace(" ", "") or EXTERNAL in text
    for block in measured["details"]:
        assert block["text"], f"folded block {block['summary']!r}: no words to look for"
        missing = [word for word in block["text"] if word not in text]
        assert missing == [], f"folded block {block['summary']!r}: {missing} not in the PDF"
    for chrome in ("Skip to content", "Made with", "Back to top", "Table of contents"):
        assert chrome not in text, f"{chrome!r} printed"


def test_the_pdf_pages_are_light(printed, page, tmp_path):
    """Page 1 rendered to pixels (poppler's pdftoppm): white margins, mostly light."""
    from PIL import Image

    _, pdf = printed(page)
    if not shutil.which("pdftoppm"):
        pytest.fail("no pdftoppm: install Debian's poppler-utils (make test does it when root)", pytrace=False)
    subprocess.run(["pdftoppm", "-png", "-r", "20", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "p")], check=True)
    image = Image.open(next(tmp_path.glob("p*.png"))).convert("L")
    assert image.getpixel((0, 0)) == 255 and image.getpixel((image.width - 1, image.height - 1)) == 255
    dark = sum(image.histogram()[:128]) / (image.width * image.height)
    assert dark < 0.1, f"{dark:.0%} of page 1 is dark"
