/*
 * Explorables: loads each one only when its placeholder comes near the viewport (issue 17).
 * A placeholder is <div class="explorable" data-explorable="NAME">; its module NAME.js exports
 * mount(root, dataUrl). A URL hash naming an explorable (#NAME.key=value) loads it at once and
 * scrolls to it. Runs again after Material's instant navigation (document$).
 */
(() => {
  const base = document.currentScript.src;
  const NEAR = "400px 0px";

  async function start(root) {
    if (root.dataset.explorableState) return;
    root.dataset.explorableState = "loading";
    const name = root.dataset.explorable;
    try {
      const module = await import(new URL(`./${name}.js`, base).href);
      await module.mount(root, new URL(`../../../figures/explorables/${name}.json`, base).href);
      root.dataset.explorableState = "ready";
    } catch (error) {
      root.dataset.explorableState = "failed";
      console.warn(`explorable ${name} could not start:`, error);
    }
  }

  function scan() {
    const roots = [...document.querySelectorAll("[data-explorable]")];
    if (!roots.length) return;
    const wanted = decodeURIComponent(location.hash.slice(1)).split(".")[0];
    const observer = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          if (!entry.isIntersecting) continue;
          observer.unobserve(entry.target);
          start(entry.target);
        }
      },
      { rootMargin: NEAR },
    );
    for (const root of roots) {
      if (root.dataset.explorable === wanted) {
        start(root).then(() => root.scrollIntoView({ block: "start" }));
      } else {
        observer.observe(root);
      }
    }
  }

  if (window.document$) window.document$.subscribe(scan);
  else scan();
})();
