"""One plotting style for every figure, and the SVG writer that keeps output repeatable.

Figures are drawn once, in light colours, on a transparent background.  The dark twin
is derived by swapping a fixed set of colours (ink, grid, data colours), so both
variants always show the same data.  Data colours are the Okabe-Ito palette, which
stays distinguishable under the common colour-vision deficiencies.
"""

from __future__ import annotations

import io
import re
from contextlib import contextmanager

import matplotlib
from matplotlib.figure import Figure

matplotlib.use("Agg")

# Light colour -> dark-mode colour.  Keys are the only colours a figure should use
# (besides colormaps such as cividis that read well on both backgrounds).
INK = "#222222"
MUTED = "#6b6b6b"
GRID = "#d9d9d9"
BLUE = "#0072b2"
VERMILLION = "#d55e00"
GREEN = "#009e73"
PURPLE = "#cc79a7"
ORANGE = "#e69f00"
SKY = "#56b4e9"

DARK = {
    INK: "#e3e3e3",
    MUTED: "#a8a8a8",
    GRID: "#3d4250",
    BLUE: "#4fa3e0",
    VERMILLION: "#f08a4b",
    GREEN: "#2bc79a",
    PURPLE: "#e09bc4",
    ORANGE: "#f5b93a",
    SKY: "#8fd0f5",
}
CYCLE = [BLUE, VERMILLION, GREEN, PURPLE, ORANGE, SKY]

RC = {
    "svg.hashsalt": "l1-l2-regularization",  # fixed ids: byte-identical SVG
    "svg.fonttype": "none",  # text stays text: smaller, searchable, screen-readable
    "font.family": "DejaVu Sans",  # shipped with matplotlib: same metrics everywhere
    "font.size": 10,
    "axes.titlesize": 11,
    "axes.labelsize": 10,
    "axes.edgecolor": INK,
    "axes.labelcolor": INK,
    "axes.titlecolor": INK,
    "axes.prop_cycle": matplotlib.cycler(color=CYCLE),
    "axes.grid": True,
    "axes.axisbelow": True,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "grid.color": GRID,
    "grid.linewidth": 0.6,
    "xtick.color": INK,
    "ytick.color": INK,
    "text.color": INK,
    "legend.frameon": False,
    "lines.linewidth": 1.8,
    "figure.dpi": 100,
    "savefig.transparent": True,
    "path.simplify": False,
}


@contextmanager
def rc():
    """Apply the site style for the duration of a block (no global state left behind)."""
    with matplotlib.rc_context(RC):
        yield


def new_figure(width: float = 6.4, height: float = 3.6, **kwargs) -> Figure:
    """A figure detached from pyplot, so nothing accumulates between pages."""
    return Figure(figsize=(width, height), layout="constrained", **kwargs)


# matplotlib names clip paths and markers by a hash of their full-precision geometry, which
# can differ in the last bit between CPUs (numpy's SIMD log/exp); the drawn coordinates are
# rounded and do not.  Renumbering the ids in order of appearance keeps the bytes repeatable.
_HASHED_ID = re.compile(r'id="([a-z]+)([0-9a-f]{10})"')


def stable_ids(svg: str) -> str:
    """Replace matplotlib's hashed ids (``p1a2b...``) with ``clip-1``, ``marker-1``, ..."""
    names: dict[str, str] = {}
    counts: dict[str, int] = {}
    for prefix, digest in _HASHED_ID.findall(svg):
        old = prefix + digest
        if old not in names:
            kind = {"p": "clip", "m": "marker"}.get(prefix, prefix)
            counts[kind] = counts.get(kind, 0) + 1
            names[old] = f"{kind}-{counts[kind]}"
    if not names:
        return svg
    pattern = re.compile("|".join(re.escape(old) for old in names))
    return pattern.sub(lambda m: names[m.group(0)], svg)


def svg_bytes(fig: Figure) -> bytes:
    """Render a figure to SVG with no date and ids that do not depend on the CPU."""
    buf = io.BytesIO()
    with rc():
        fig.savefig(buf, format="svg", metadata={"Date": None, "Creator": None})
    return stable_ids(buf.getvalue().decode("utf-8")).encode("utf-8")


def dark_variant(svg: bytes) -> bytes:
    """Swap every light colour for its dark-mode twin."""
    text = svg.decode("utf-8")
    # Two passes through placeholders so a swap can never be swapped again.
    for i, light in enumerate(DARK):
        text = text.replace(light, f"@@{i}@@")
    for i, dark in enumerate(DARK.values()):
        text = text.replace(f"@@{i}@@", dark)
    return text.encode("utf-8")
