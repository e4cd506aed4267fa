/*
 * Narrow screens (issue 11). Loaded deferred after Material's bundle (mkdocs.yml extra_javascript).
 * 1. Scroll cue: a region that scrolls sideways (wide display math, wide tables, code) carries
 *    data-scroll-more="left", "right" or "left right"; extra.css fades that edge. The first time it
 *    overflows it is wrapped in a .scroll-cue box (which does not scroll; a Material code block's
 *    <pre> is its own box), where extra.css draws a shadow on each side that has more and a
 *    "scroll →" hint under the region (a strip for lab code and output, which have no margin); a click
 *    on the hint scrolls the region (keyboard: the region itself is a tab stop, arrow keys scroll).
 * 2. Text tables (claim / verdict / correction and the like) get data-layout="cards" and each cell
 *    a data-label with its column's header, so extra.css can stack them as cards on phones
 *    (data-titled: the first cell is the card's title; data-continues: same title as the card before;
 *    data-layout="groups": a grouped three-column table, shown as two columns under group headings);
 *    numeric tables get data-layout="scroll" (a sticky first column while they scroll).
 * 3. Code in tables may break after . ( , = _ only, never inside a name.
 * 4. An inline formula wider than its line scrolls in a box of its own (see boxInlineMath).
 * 5. Keyboard access: a region that overflows is a tab stop (once scroll-regions.js; see FOCUSABLE).
 * The page is read in ResizeObserver reports and changed after every read (issue 17: each read
 * after a change laid out the whole page again, most of the blocking time of a long page).
 */
(() => {
  const REGIONS =
    ".md-typeset .math-display, .md-typeset__scrollwrap, .md-typeset .math-inline-scroll, " +
    ".md-typeset .highlight-ipynb pre, .md-typeset .jp-RenderedText pre, " + // notebook code and output (extra.css)
    ".md-typeset pre > code"; // Material's code blocks
  const VERDICT = /^(claim|verdict|correction|the article says|evidence)$/i;
  const TITLE_MAX = 80; // characters: longer first cells (errata claims) keep their label
  const NUMERIC = /^[\s\u2212+\-−]*[\d.,]+(\s*[%×e\-−+\d.]*)?\s*$/;

  const reducedMotion = matchMedia("(prefers-reduced-motion: reduce)");

  // The box that draws the cue around a region (a span for math, which may sit inside a <p>).
  function wrap(el) {
    if (el.parentElement.classList.contains("scroll-cue")) return;
    // Material's code block: its <pre> (which does not scroll; its <code> does) is the box
    const own = el.matches("pre > code");
    const box = own ? el.parentElement : document.createElement(el.matches("pre, div") ? "div" : "span");
    box.classList.add("scroll-cue");
    const hint = document.createElement("span");
    hint.className = "scroll-cue__hint";
    hint.setAttribute("aria-hidden", "true"); // screen readers and keyboards scroll the region itself
    hint.textContent = "scroll \u2192";
    hint.addEventListener("click", () =>
      el.scrollBy({ left: el.clientWidth * 0.8, behavior: reducedMotion.matches ? "auto" : "smooth" })
    );
    if (own) {
      box.append(hint);
      return;
    }
    el.replaceWith(box);
    box.append(el, hint);
  }

  // Which sides of a region have more to scroll to (a read: layout).
  function sides(el) {
    const more = [];
    if (el.scrollLeft > 1) more.push("left");
    if (el.scrollLeft + el.clientWidth < el.scrollWidth - 1) more.push("right");
    return more;
  }

  // Marks a region and its box with those sides (writes only).
  function cue(el, more) {
    if (more.length) el.dataset.scrollMore = more.join(" ");
    else delete el.dataset.scrollMore;
    if (more.length) wrap(el);
    // the box's own copy (not :has() in CSS: Chromium 156 left the box unrestyled inside admonitions)
    const box = el.parentElement;
    if (box.classList.contains("scroll-cue")) box.dataset.cue = more.join(" ");
    // a region that scrolls is a tab stop, also when its content grew without it changing size
    if (more.length) focusable(el, true);
  }

  // 5. Keyboard access (axe-core scrollable-region-focusable, WCAG 2.1.1): wide display math,
  //    wide tables and notebook code and output are tab stops while they overflow, and only then,
  //    so short equations and tables add no stops. Material already does this for its own code
  //    blocks (pre > code): their <pre> does not scroll.
  const FOCUSABLE = ".md-typeset .math-display, .md-typeset__scrollwrap, .md-typeset pre";
  const scrollable = (overflow) => overflow === "auto" || overflow === "scroll";

  function overflows(el) {
    const style = getComputedStyle(el);
    return (
      (scrollable(style.overflowX) && el.scrollWidth > el.clientWidth) ||
      (scrollable(style.overflowY) && el.scrollHeight > el.clientHeight)
    );
  }

  function focusable(el, yes) {
    if (yes && !el.hasAttribute("tabindex")) {
      el.setAttribute("tabindex", "0");
      el.dataset.mdScrollRegion = "";
    } else if (!yes && "mdScrollRegion" in el.dataset) {
      el.removeAttribute("tabindex");
      delete el.dataset.mdScrollRegion;
    }
  }

  // The text a cell shows, read without layout (innerText would force one on every call): the
  // MathML's TeX annotation is not shown, a <br> is a space.
  function shownText(node) {
    let text = "";
    const walk = document.createTreeWalker(node, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT, {
      acceptNode: (n) => (n.localName === "annotation" || n.localName === "annotation-xml" ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
    });
    for (let n = walk.nextNode(); n; n = walk.nextNode()) {
      if (n.nodeType === Node.TEXT_NODE) text += n.data;
      else if (n.localName === "br") text += " ";
    }
    return text.replace(/\s+/g, " ").trim();
  }

  function layoutTable(table) {
    if (table.dataset.layout) return;
    const headers = [...table.querySelectorAll("thead th")].map(shownText);
    const cells = [...table.querySelectorAll("tbody td")];
    const numeric = cells.filter((td) => NUMERIC.test(shownText(td))).length;
    const verdicts = headers.some((h) => VERDICT.test(h));
    const text = verdicts || (headers.length > 2 && numeric < cells.length / 3);
    table.dataset.layout = text ? "cards" : "scroll";
    // A header with math labels its cells with that math (a copy of the header), not the flat text
    // a data-label would show ("X E ⊤ X E" for X_E^T X_E); the others keep the data-label.
    const labels = [...table.querySelectorAll("thead th")].map((th) => {
      if (!th.querySelector("math")) return null;
      const label = document.createElement("span");
      label.className = "card-label";
      label.append(...[...th.childNodes].map((n) => n.cloneNode(true)), ": ");
      label.querySelectorAll("[id]").forEach((e) => e.removeAttribute("id"));
      return label;
    });
    if (text) {
      const rows = [...table.querySelectorAll("tbody tr")];
      for (const row of rows) {
        [...row.children].forEach((td, i) => {
          if (labels[i]) td.prepend(labels[i].cloneNode(true));
          else if (headers[i]) td.dataset.label = headers[i];
        });
      }
      // Short first cells (a library, a page, an estimator) title their card. A three-column table
      // whose first column comes in runs (the oracle checks, by library) reads on phones as a
      // two-column table under one heading per run: its headers shown once, not on every card.
      const firsts = rows.map((row) => shownText(row.children[0] || row));
      if (firsts.length && firsts.every((f) => f.length <= TITLE_MAX)) {
        table.dataset.titled = "";
        rows.forEach((row, i) => { if (i && firsts[i] === firsts[i - 1]) row.dataset.continues = ""; });
        const runs = rows.filter((row) => !row.hasAttribute("data-continues")).length;
        if (headers.length === 3 && runs < rows.length / 2 && !verdicts) table.dataset.layout = "groups";
      }
    }
    for (const code of table.querySelectorAll("code")) {
      if (code.querySelector("wbr")) continue;
      for (const node of [...code.childNodes]) {
        if (node.nodeType !== Node.TEXT_NODE || !/[.(,=_]/.test(node.data)) continue;
        const parts = node.data.split(/(?<=[.(,=_])/);
        const frag = document.createDocumentFragment();
        parts.forEach((part, i) => {
          frag.append(part);
          if (i < parts.length - 1) frag.append(document.createElement("wbr"));
        });
        node.replaceWith(frag);
      }
    }
  }

  // 4. An inline formula wider than its line (inline MathML never wraps) scrolls in its own box
  //    instead of widening the page; the TeX of the pages breaks the usual ones into parts.
  //    Measured when the column is laid out (and again when its width changes); a formula in a
  //    closed <details> when it opens (reading it closed lays out its hidden contents once per
  //    formula). All widths are read before any box is made.
  function wideInlineMath(root) {
    return [...root.querySelectorAll(".md-typeset math:not([display=block])")].filter((math) => {
      if (math.closest(".math-display, .math-inline-scroll, table, details:not([open])")) return false;
      // the line's width: a formula kept with its number or punctuation sits in an inline .nobr span
      const line = math.parentElement.closest(":not(.nobr, a, em, strong, span)").clientWidth;
      return line && math.getBoundingClientRect().width > line;
    });
  }

  function boxInlineMath(wide) {
    for (const math of wide) {
      const box = document.createElement("span");
      box.className = "math-inline-scroll";
      box.tabIndex = 0;
      math.replaceWith(box);
      box.append(math);
      watch(box);
    }
  }

  // Everything is read, then everything is changed: reading after a change would lay the page out
  // again each time (on a long page, most of this script's cost). A ResizeObserver reports each
  // element once it is laid out, before it is painted, and again when its size changes, so its
  // reports are read without laying anything out.
  const COLUMN = ".md-content__inner";
  let columnWidth = null; // the column's width when its inline formulas were last measured
  const observer = new ResizeObserver((entries) => {
    // the column is also reported when only its height changes (a <details> opens, a cue's strip
    // appears): only a new width can make a formula wider than its line
    const width = entries.find((entry) => entry.target.matches(COLUMN))?.contentRect.width;
    const column = width !== undefined && width !== columnWidth;
    if (column) columnWidth = width;
    const reads = entries.map(({ target }) => ({
      target,
      more: target.matches(REGIONS) ? sides(target) : null,
      overflows: target.matches(FOCUSABLE) ? overflows(target) : null,
    }));
    const wide = column ? wideInlineMath(document) : [];
    for (const { target, more, overflows } of reads) {
      if (overflows !== null) focusable(target, overflows);
      if (more) cue(target, more);
    }
    boxInlineMath(wide);
  });

  function watch(el) {
    observer.observe(el);
    if (el.matches(REGIONS) && !el.dataset.cueBound) {
      el.dataset.cueBound = "";
      el.addEventListener("scroll", () => cue(el, sides(el)), { passive: true });
    }
  }

  function mount() {
    observer.disconnect();
    columnWidth = null; // a new page (instant navigation): its formulas are measured afresh
    document.querySelectorAll(".md-typeset table:not([class])").forEach(layoutTable);
    document.querySelectorAll(`${COLUMN}, ${REGIONS}, ${FOCUSABLE}`).forEach(watch);
  }
  // "toggle" does not bubble: listened for on the way down
  document.addEventListener("toggle", (event) => event.target.open && boxInlineMath(wideInlineMath(event.target)), true);
  if (window.document$) window.document$.subscribe(mount);
  else mount();
})();
