/*
 * Keyboard access to regions that scroll (axe-core rule scrollable-region-focusable, WCAG 2.1.1):
 * wide display math (.math-display), wide tables (Material wraps them in .md-typeset__scrollwrap)
 * and notebook outputs (pre). A region becomes a tab stop only while it really overflows, so short
 * equations and tables add no stops. A ResizeObserver re-checks each region when its size changes
 * (window resized, fonts loaded, a collapsed block opened).
 * Material's own code blocks are left alone: Material already does this for them (pre > code).
 * Loaded by overrides/main.html after Material's bundle, whose document$ emits on every page view
 * (also after instant navigation).
 */
(() => {
  const SELECTOR = ".md-typeset .math-display, .md-typeset__scrollwrap, .md-typeset pre";
  const scrollable = (axis, style) => style[axis] === "auto" || style[axis] === "scroll";

  function overflowing(el) {
    const style = getComputedStyle(el);
    return (
      (scrollable("overflowX", style) && el.scrollWidth > el.clientWidth) ||
      (scrollable("overflowY", style) && el.scrollHeight > el.clientHeight)
    );
  }

  function update(el, overflows) {
    if (overflows && !el.hasAttribute("tabindex")) {
      el.setAttribute("tabindex", "0");
      el.dataset.mdScrollRegion = "";
    } else if (!overflows && "mdScrollRegion" in el.dataset) {
      el.removeAttribute("tabindex");
      delete el.dataset.mdScrollRegion;
    }
  }

  // Every region is read before any is changed: one layout per report, not one per region.
  const observer = new ResizeObserver((entries) => {
    const overflows = entries.map((entry) => overflowing(entry.target));
    entries.forEach((entry, i) => update(entry.target, overflows[i]));
  });
  function mount() {
    observer.disconnect();
    document.querySelectorAll(SELECTOR).forEach((el) => observer.observe(el));
  }
  if (window.document$) window.document$.subscribe(mount);
  else mount();
})();
