// Handouts (print.css). Before the page is printed: fetch the light figures it prints and a lab's
// figures (lazy ones below the fold, and in dark mode the hidden twins, were never loaded), and
// mark the links that leave the site so that print.css writes their address after them (Material's
// instant navigation makes every link absolute, so CSS alone cannot tell them apart).
addEventListener("beforeprint", () => {
  for (const img of document.querySelectorAll('img[src$="#only-light"], .jp-RenderedImage img')) img.loading = "eager";
  for (const link of document.querySelectorAll(".md-typeset a[href]")) {
    const leaves = /^https?:$/.test(link.protocol) && link.origin !== location.origin;
    link.classList.toggle("print-external", leaves);
  }
});
