"""The HTML of one figure: light and dark twins, each a ``<picture>`` whose phone variant a
narrow screen downloads instead of the desktop one, sized so nothing shifts while it loads, and
a link that opens the figure full size (click, or Enter on the focused link).

``hooks/site_build.py`` calls ``picture`` for every ``<img>`` of a ``figures/`` SVG.
"""

from __future__ import annotations

import html
from pathlib import Path

from scripts import style
from scripts.pipeline import ROOT

# The link around a figure (here, and around a lab's figures: scripts/notebook_html.py).
ZOOM_TITLE = html.escape("Open the figure full size", quote=True)

PX_PER_PT = 4 / 3  # an SVG "pt" is 4/3 CSS px


def _dims(svg: Path) -> str:
    width, height = style.size_pt(svg.read_bytes()[:600])
    return f'width="{round(width * PX_PER_PT)}" height="{round(height * PX_PER_PT)}"'


def picture(attrs: str, src: str, root: Path = ROOT) -> str | None:
    """Markup for the figure ``<src>.svg`` (``src`` as the page links it, without ``.svg``).

    ``attrs`` are the ``<img>`` attributes other than ``src`` (alt, title). Returns None when the
    files are missing (MkDocs' link validation reports it).
    """
    rel = src[src.index("figures/") :]
    files = {v: root / f"{rel}{v}.svg" for v in ("", ".dark", ".phone", ".phone.dark")}
    missing = [str(p.relative_to(root)) for p in files.values() if not p.is_file()]
    if missing:
        if files[""].is_file():  # desktop exists, its variants not: a stale build, say which
            raise FileNotFoundError(f"figure variants missing (run python -m scripts.build): {', '.join(missing)}")
        return None
    desktop, phone = _dims(files[""]), _dims(files[".phone"])
    attrs = attrs.strip().rstrip("/").strip()

    def twin(variant: str, scheme: str) -> str:
        return (
            f'<picture><source media="{style.PHONE_MEDIA}" srcset="{src}.phone{variant}.svg" {phone}>'
            f'<img {attrs} src="{src}{variant}.svg#only-{scheme}" {desktop} loading="lazy" decoding="async">'
            "</picture>"
        )

    # The full-size view is the light desktop figure: on its own it is shown on a white page.
    return (
        f'<a class="figure-zoom" href="{src}.svg" title="{ZOOM_TITLE}">{twin("", "light")}{twin(".dark", "dark")}</a>'
    )
