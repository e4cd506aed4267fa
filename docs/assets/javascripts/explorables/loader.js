/*
 * Explorables: loads each one only when its placeholder comes near the viewport (issue 17).
 * A placeholder is <div class="explorable" data-explorable="NAME">; its module NAME.js exports
 * mount(root, dataUrl, hash). A URL hash naming an explorable (#NAME.key=value) loads it at once and
 * scrolls to it. Material's navigation.tracking is off (mkdocs.yml): it would overwrite that state
 * link as the page scrolls. Runs again after Material's instant navigation (document$).
 */
(() => {
  const base = document.currentScript.src;
  const NEAR = "400px 0px";

  // The stylesheet comes with the first explorable: pages without one (and hosting pages, until the
  // reader scrolls near it) load nothing more than this file.
  function stylesheet() {
    let link = document.querySelector("link[data-explorables]");
    if (!link) {
      link = Object.assign(document.createElement("link"), { rel: "stylesheet", href: new URL("../../stylesheets/explorables.css", base).href });
      link.dataset.explorables = "";
      link.loaded = new Promise((resolve) => {
        link.onload = resolve;
        link.onerror = resolve; // unstyled is better than absent
      });
      document.head.append(link);
    }
    return link.loaded || Promise.resolve();
  }

  async function start(root, hash = "") {
    if (root.dataset.explorableState) return;
    root.dataset.explorableState = "loading";
    const name = root.dataset.explorable;
    try {
      await stylesheet();
      const module = await import(new URL(`./${name}.js`, base).href);
      await module.mount(root, new URL(`../../../figures/explorables/${name}.json`, base).href, hash);
      root.dataset.explorableState = "ready";
    } catch (error) {
      root.dataset.explorableState = "failed";
      console.warn(`explorable ${name} could not start:`, error);
    }
  }

  function scan() {
    const roots = [...document.querySelectorAll("[data-explorable]")];
    if (!roots.length) return;
    const hash = location.hash;
    const wanted = decodeURIComponent(hash.slice(1)).split(".")[0];
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
        start(root, hash).then(() => root.scrollIntoView({ block: "start" }));
      } else {
        observer.observe(root);
      }
    }
  }

  if (window.document$) window.document$.subscribe(scan);
  else scan();
})();
