"""What a lab's figures look like on a reader's screen, measured in the kernel that draws them.

A lab figure reaches the page as the PNG matplotlib's inline backend saves (``bbox_inches="tight"``
at the figure's dpi), shown at its natural size or shrunk to the notebook's column. So a text of
``s`` points shows at ``s * dpi / 72 * min(1, column / png_width)`` CSS px. ``measure`` records
what that needs (dpi, PNG width, the smallest text and the smallest main text in points) and what
``scripts.style.clashes`` finds (a legend or text covering data), for each figure a lab shows.
The browser suite checks the column widths assumed here (tests/browser/test_lab_figures.py).
"""

from __future__ import annotations

import io
import struct

from matplotlib.figure import Figure
from matplotlib.text import Text

from scripts import style

# The width (CSS px) of a notebook cell's output on the site, by viewport width.
COLUMN = {390: 358, 1280: 584}
# Issue 11: (smallest text, main text) in CSS px, by viewport width, as for the site's figures.
FLOORS = {390: (11, 12), 1280: (10, 12)}


def _size(text: Text) -> float:
    """A text's smallest glyphs, in points: a mathtext exponent or index is drawn smaller."""
    scripted = style._SCRIPTED.search(text.get_text())
    return text.get_fontsize() * (style.SCRIPT_SHRINK if scripted else 1)


def _shown(texts) -> list[Text]:
    return [t for t in texts if t is not None and t.get_visible() and t.get_text().strip()]


def _texts(fig: Figure) -> tuple[list[Text], list[Text]]:
    """(every text drawn, the main ones: ticks, axis labels, titles), as scripts.style ranks them."""
    main = _shown(style._main_texts(fig))
    for ax in fig.axes:
        main += _shown(ax.xaxis.get_ticklabels(which="both") + ax.yaxis.get_ticklabels(which="both"))
    every = main + _shown(fig.texts) + [t for ax in fig.axes for t in _shown(ax.texts)]
    for legend in [*fig.legends, *(ax.get_legend() for ax in fig.axes)]:
        if legend is not None and legend.get_visible():
            every += _shown([*legend.get_texts(), legend.get_title()])
    return every, main


def measure(fig: Figure) -> dict:
    """One figure as the site shows it: dpi, PNG width (px), smallest and main text (pt), clashes."""
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", bbox_inches="tight")
    width = struct.unpack(">I", buffer.getvalue()[16:20])[0]  # the PNG's IHDR chunk
    every, main = _texts(fig)
    return {
        "dpi": float(fig.dpi),
        "png_width": width,
        "smallest": min(map(_size, every)),
        "main": min(map(_size, main)),
        "clashes": style.clashes(fig),
    }


def on_screen(figure: dict, viewport: int) -> tuple[float, float]:
    """(smallest, main) text in CSS px at this viewport width."""
    px_per_pt = figure["dpi"] / 72 * min(1.0, COLUMN[viewport] / figure["png_width"])
    return figure["smallest"] * px_per_pt, figure["main"] * px_per_pt


def problems(lab: str, figures: list[dict]) -> list[str]:
    """One line per figure text under the floors, or legend or text covering data."""
    out = []
    for n, figure in enumerate(figures, start=1):
        for viewport, (least, main) in FLOORS.items():
            small, big = on_screen(figure, viewport)
            if small < least or big < main:
                out.append(
                    f"{lab} figure {n} at {viewport} px: smallest text {small:.1f} px, main {big:.1f} px"
                    f" (floors {least} and {main}; {figure['png_width']} px wide PNG)"
                )
        out += [f"{lab} figure {n}: {clash}" for clash in figure["clashes"]]
    return out


# Run in the lab's kernel before its first cell: every figure ``plt.show()`` shows is measured
# first, and the time that takes is kept apart from the lab's own CPU time.
RECORDER = """
import sys as _sys
import time as _clock_of_figures
_sys.path.insert(0, {root!r})
import matplotlib as _matplotlib
import matplotlib.pyplot as _plt
# scripts.style chooses Agg on import; the lab keeps the inline backend (and its PNGs)
_use, _matplotlib.use = _matplotlib.use, lambda *args, **kwargs: None
from tests.lab_figures import measure as _measure  # noqa: E402
_matplotlib.use = _use
_figures, _measuring, _shown, _show = [], [0.0], [], _plt.show


def _measured_show(*args, **kwargs):
    started = _clock_of_figures.process_time()
    for fig in map(_plt.figure, _plt.get_fignums()):
        if not any(fig is seen for seen in _shown):  # a backend may keep it open
            _shown.append(fig)
            _figures.append(_measure(fig))
    _measuring[0] += _clock_of_figures.process_time() - started
    return _show(*args, **kwargs)


_plt.show = _measured_show
"""
