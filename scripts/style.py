"""One plotting style for every figure, and the SVG writer that keeps output repeatable.

Figures are drawn once, in light colours, on a transparent background.  The dark twin
is derived by swapping a fixed set of colours (ink, grid, data colours), so both
variants always show the same data.  Data colours are the Okabe-Ito palette, which
stays distinguishable under the common colour-vision deficiencies.
"""

from __future__ import annotations

import io
import itertools
import math
import re
import textwrap
from contextlib import contextmanager

import matplotlib
import matplotlib.colors
import matplotlib.ticker
import numpy as np
from matplotlib import transforms
from matplotlib.figure import Figure
from matplotlib.legend import Legend
from matplotlib.text import Text

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


# ---------------------------------------------------------------------------------------------
# Readable text on every screen, and the phone variant of every figure.
#
# On-screen size of a figure's text, in CSS px: SVG font size (pt) x rendered width / viewBox width.
# Desktop (1280 px): figures up to 7.6 in wide are shown at their natural size, 4/3 px per pt.
# Phone (390 px): the content column is 358 px; the phone variant is PHONE_WIDTH wide.
# Targets (issue 11): smallest text >= 10 px on desktop, 11 px on a phone; tick labels, axis
# labels and titles >= 12 px on both.  Mathtext super- and subscripts are drawn at 0.7 of their
# text's size, so text that has them gets a floor divided by 0.7.
# ---------------------------------------------------------------------------------------------

SCRIPT_SHRINK = 0.7  # matplotlib's mathtext SHRINK_FACTOR
PHONE_WIDTH = 4.0  # in: 288 pt drawn 358 px wide, 1.24 px per pt
PHONE_MEDIA = "(max-width: 600px)"  # below this width the browser picks the phone variant
DESKTOP_COLUMN = 680  # CSS px: the content column at 1280 px is 688 px; wider figures are shrunk to it
DESKTOP_TARGET = (10.2, 12.2)  # CSS px: (any text, main text), a little over the 10 and 12
PHONE_FLOOR = (9.0, 10.0)  # pt: -> 11.2 px and 12.4 px at 358 / 288 px per pt
PHONE_MIN_PLOT = 1.8  # in: the least height of a plot on a phone (161 px at 358 px wide, 45 % of it)
_SCRIPTED = re.compile(r"\$[^$]*[\^_][^$]*\$")


def _floor(text: str, floor: float, *, scripted: bool = False) -> float:
    return floor / SCRIPT_SHRINK if scripted or _SCRIPTED.search(text) else floor


def _main_texts(fig: Figure) -> list[Text]:
    """Titles and axis labels: held to the main-text floor (tick labels are handled per axis)."""
    found = [t for t in (fig._suptitle, fig._supxlabel, fig._supylabel) if t is not None]
    for ax in fig.axes:
        found += [ax.title, ax._left_title, ax._right_title, ax.xaxis.label, ax.yaxis.label]
    return found


def desktop_floors(fig: Figure) -> tuple[float, float]:
    """Font sizes (pt) that reach DESKTOP_TARGET on screen at this figure's desktop width."""
    px_per_pt = min(4 / 3, DESKTOP_COLUMN / (fig.get_size_inches()[0] * 72))
    return DESKTOP_TARGET[0] / px_per_pt, DESKTOP_TARGET[1] / px_per_pt


def readable(fig: Figure, floors: tuple[float, float] | None = None) -> Figure:
    """Raise every text of the figure to at least ``floors`` = (any text, main text), in points
    (default: what the desktop layout needs, ``desktop_floors``)."""
    least, main = floors or desktop_floors(fig)
    for ax in fig.axes:
        for axis, name in ((ax.xaxis, "x"), (ax.yaxis, "y")):
            labels = axis.get_ticklabels(which="both")
            size = max([t.get_fontsize() for t in labels] or [matplotlib.rcParams[f"{name}tick.labelsize"]])
            if isinstance(size, str):
                size = matplotlib.rcParams["font.size"]
            # Log axes label their ticks 10^k in mathtext (an exponent at 0.7 size).
            floor = _floor("", main, scripted=axis.get_scale() in ("log", "symlog"))
            floor = max([floor, *(_floor(t.get_text(), main) for t in labels)])
            ax.tick_params(axis=name, which="both", labelsize=max(size, floor))
    main_ids = {id(t) for t in _main_texts(fig)}
    for text in fig.findobj(Text):
        content = text.get_text()
        if not content or not text.get_visible():
            continue
        floor = _floor(content, main if id(text) in main_ids else least)
        if text.get_fontsize() < floor:
            text.set_fontsize(floor)
    return fig


def _panels(fig: Figure) -> list[list] | None:
    """Axes grouped by grid cell (a twin shares its parent's cell), in reading order.

    None when the figure is not one plain grid (nested grids, sub-figures): left as drawn.
    """
    cells: dict[tuple, list] = {}
    grids = set()
    for ax in fig.axes:
        spec = ax.get_subplotspec()
        if spec is None:  # colorbars and insets follow their parent axes
            continue
        if spec.get_topmost_subplotspec() is not spec:
            return None
        grids.add(id(spec.get_gridspec()))
        key = (spec.rowspan.start, spec.colspan.start, spec.rowspan.stop, spec.colspan.stop)
        cells.setdefault(key, []).append(ax)
    if len(grids) != 1 or fig.subfigs:
        return None
    return [cells[key] for key in sorted(cells)]


def _legend_entries(legend: Legend):
    handles = list(legend.legend_handles)
    labels = [t.get_text() for t in legend.get_texts()]
    title = legend.get_title().get_text() or None
    return handles, labels, title


def _columns(labels: list[str], size: float, width: float = PHONE_WIDTH) -> int:
    """Legend columns that fit ``width`` inches (a label is about 0.6 em per character)."""
    widest = max((len(line) for label in labels for line in label.split("\n")), default=1) * 0.6 * size
    widest += 5 * size  # handle, its gap to the label, the gap between columns (in em)
    return max(1, min(len(labels), int(width * 72 * 0.95 // widest)))


# Spaces a wrapped line must not break at: around a relation followed by a number ("t = 1.2"), before
# a per cent sign ("36 %") and inside a pair of numbers ("(1.8, 0.2)").
_BOUND_SPACE = re.compile(r"(?<=\S) (?=[=<>≈≤≥] [−-]?\d)|(?<=[=<>≈≤≥]) (?=[−-]?\d)|(?<=\d) (?=%)|(?<=\d,) (?=[−-]?\d)")


def _fill(text: str, chars: int) -> str:
    """``textwrap.fill`` that keeps a number with the symbol it completes (see _BOUND_SPACE)."""
    bound = _BOUND_SPACE.sub("\u00a0", text)
    return textwrap.fill(bound, chars, break_long_words=False).replace("\u00a0", " ")


def _wrap(text: Text, width_pt: float) -> None:
    content = text.get_text()
    if not content or "$" in content or "\n" in content:
        return
    chars = int(width_pt / (0.58 * text.get_fontsize()))
    if len(content) > chars:
        text.set_text(_fill(content, chars))


def _wrap_category_labels(ax, chars: int = 14) -> float:
    """Long text labels on a y axis (categories) wrapped, so the plot keeps its width.

    Returns the height in inches the labels need (0 when the axis has no text labels)."""
    labels = [t.get_text() for t in ax.get_yticklabels()]
    fixed = isinstance(ax.yaxis.get_major_locator(), matplotlib.ticker.FixedLocator)
    if not fixed or not any(c.isalpha() for label in labels for c in label):
        return 0.0
    if any(len(label) > chars and "$" not in label for label in labels):
        labels = [_fill(label.replace("\n", " "), chars) for label in labels]
        ax.set_yticks(ax.get_yticks(), labels)
    size = max([t.get_fontsize() for t in ax.get_yticklabels()] or [PHONE_FLOOR[1]])
    return sum(label.count("\n") + 1 for label in labels) * size * 1.5 / 72


def _all_legends(fig: Figure) -> list[Legend]:
    axes_legends = [leg for ax in fig.axes if (leg := ax.get_legend()) is not None]
    return [*fig.legends, *(leg for leg in axes_legends if _outside(leg) or leg._ncols > 1)]


def _legend_height(legend: Legend) -> float:
    """Inches a legend takes once moved below the plot (one line per row, labels wrapped)."""
    labels = [t.get_text() for t in legend.get_texts()]
    size = max(PHONE_FLOOR[0], legend.get_texts()[0].get_fontsize() if labels else 0)
    rows = math.ceil(len(labels) / _columns(labels, size)) + bool(legend.get_title().get_text())
    return rows * size * 1.5 / 72 + 0.15


def _wrapped_labels(labels: list[str], size: float, width: float = PHONE_WIDTH) -> list[str]:
    chars = int((width * 72 * 0.92 - 3 * size) / (0.6 * size))
    return [label if "$" in label else _fill(label, chars) for label in labels]


def _outside(legend: Legend) -> bool:
    """An axes legend anchored outside its axes (beside or below the plot)."""
    box = legend.get_bbox_to_anchor().transformed(legend.axes.transAxes.inverted())
    return box.x0 >= 0.99 or box.y1 <= 0.01 or box.y0 < -0.01


def phone(fig: Figure) -> Figure:
    """The same figure for a phone: panels in one column, legends below, larger text."""
    width, height = fig.get_size_inches()
    panels = _panels(fig)
    if panels:
        spec = panels[0][0].get_subplotspec().get_gridspec()
        rows, cols = spec.get_geometry()
        aspect = (height / rows) / (width / cols)
        count = len(panels)
        if cols > 1:
            grid = fig.add_gridspec(count, 1)
            for i, group in enumerate(panels):
                for ax in group:
                    ax.set_subplotspec(grid[i])
            for group in panels:  # a shared y axis hid the labels of all but the first column
                ax = group[0]
                if len(ax.get_shared_y_axes().get_siblings(ax)) > 1:
                    ax.tick_params(axis="y", labelleft=True)
        panel_height = min(3.4, max(1.7 if count > 2 else 2.4, PHONE_WIDTH * aspect * 1.1))
        extra = 0.35 * (fig._suptitle is not None) + sum(_legend_height(leg) for leg in _all_legends(fig))
        fig.set_size_inches(PHONE_WIDTH, count * panel_height + extra)
    else:
        panel_height = max(2.4, height * PHONE_WIDTH / width)
        fig.set_size_inches(PHONE_WIDTH, panel_height)
    readable(fig, PHONE_FLOOR)
    for text in _main_texts(fig):
        _wrap(text, PHONE_WIDTH * 72 * 0.9)
    for ax in fig.axes:  # a y label longer than its axis is tall
        _wrap(ax.yaxis.label, panel_height * 72 * 0.75)
        need = _wrap_category_labels(ax) + 1.0  # + title, x ticks and label
        if len(fig.axes) == 1 and need > fig.get_size_inches()[1]:
            fig.set_size_inches(PHONE_WIDTH, need)
    # Figure legends: below, in as many columns as fit.
    for legend in list(fig.legends):
        handles, labels, title = _legend_entries(legend)
        size = legend.get_texts()[0].get_fontsize() if labels else PHONE_FLOOR[0]
        legend.remove()
        labels = _wrapped_labels(labels, size)
        # Bottom, unless a shared x label is there (constrained layout would stack them on each other).
        where = "outside upper center" if fig._supxlabel is not None else "outside lower center"
        fig.legend(handles, labels, title=title, loc=where, ncols=_columns(labels, size), fontsize=size)
    # Axes legends beside or below the plot: below its tick and axis labels.
    moved = []
    for ax in fig.axes:
        legend = ax.get_legend()
        # Below the plot too: a legend in several columns, which at phone width covers the data.
        if legend is not None and (_outside(legend) or legend._ncols > 1):
            handles, labels, title = _legend_entries(legend)
            size = legend.get_texts()[0].get_fontsize() if labels else PHONE_FLOOR[0]
            legend.remove()
            moved.append((ax, handles, _wrapped_labels(labels, size), title, size))
    _below(fig, moved)
    return _tall_enough(declutter(fig))


def _tall_enough(fig: Figure) -> Figure:
    """Grow the figure until every plot is PHONE_MIN_PLOT tall: legends and labels below a plot
    take their room from the plot under constrained layout."""
    plots = [ax for ax in fig.axes if ax.get_subplotspec() is not None]  # not colorbars or insets
    for _ in range(4):  # the layout is not linear in the height: a few steps
        fig.draw_without_rendering()
        renderer = fig._get_renderer()
        short = {}  # grid row -> inches the row's plots lack
        for ax in plots:
            lack = PHONE_MIN_PLOT - ax.get_window_extent(renderer).height / fig.dpi
            row = ax.get_subplotspec().rowspan.start
            short[row] = max(short.get(row, 0.0), lack)
        missing = sum(lack for lack in short.values() if lack > 0.005)
        if not missing:
            break
        width, height = fig.get_size_inches()
        fig.set_size_inches(width, height + missing)
    return fig


def _column(fig: Figure, ax) -> tuple[bool, float]:
    """(whether ``ax`` is alone in its grid row, the width in inches a legend below it may take)."""
    spec = ax.get_subplotspec()
    alone = spec is None or spec.get_gridspec().get_geometry()[1] == 1
    return alone, fig.get_size_inches()[0] * (1 if alone else ax.get_position().width)


def _below(fig: Figure, moved: list) -> None:
    """Put each (axes, handles, labels, title, size) legend below its axes' tick and axis labels."""
    if not moved:
        return
    fig.draw_without_rendering()  # lay out once to measure the tick and axis labels
    renderer = fig._get_renderer()
    for ax, handles, labels, title, size in moved:
        below = ax.get_window_extent(renderer).y0 - ax.get_tightbbox(renderer).y0  # px at fig dpi
        gap = below * 72 / fig.dpi + 4  # pt
        below_axes = transforms.offset_copy(ax.transAxes, fig=fig, y=-gap, units="points")
        # Centred on the figure when the axes spans it (it is off-centre by its y labels), else on
        # the axes: a legend wider than its column would squeeze the panels beside it.
        alone, width = _column(fig, ax)
        anchor = transforms.blended_transform_factory(fig.transFigure if alone else ax.transAxes, below_axes)
        ax.legend(
            handles,
            labels,
            title=title,
            loc="upper center",
            bbox_to_anchor=(0.5, 0.0),
            bbox_transform=anchor,
            ncols=_columns(labels, size, width),
            fontsize=size,
        )


def size_pt(svg: bytes) -> tuple[float, float]:
    """Width and height of an SVG written by ``svg_bytes``, in points."""
    found = re.search(rb'<svg[^>]*?width="([\d.]+)pt" height="([\d.]+)pt"', svg[:600])
    if not found:
        raise ValueError("not an SVG written by matplotlib: no width/height in pt")
    return float(found[1]), float(found[2])


# ---------------------------------------------------------------------------------------------
# Legends and labels that cover data.  After layout, a legend or a text inside the axes whose box
# holds a drawn point of the data (a line sampled every 2 px, a marker, a scatter point, a bar) hides
# it.  On a phone the text is larger and the plot smaller, so a legend placed for the desktop often
# lands on the curves: phone() moves such a legend to a free corner, else below the plot.  A text
# also keeps TEXT_CLEARANCE from the stroke of a curve it does not label (one of another colour):
# closer, it reads as sitting on that curve.
# ---------------------------------------------------------------------------------------------

TEXT_CLEARANCE = 3.0  # pt between a text's box and the stroke of a curve of another colour


def _data_points(ax, renderer) -> list[tuple[str, np.ndarray, float, tuple]]:
    """(what, display points (n, 2), half its stroke or marker in px, colour) per data artist of ``ax``."""
    px = renderer.points_to_pixels(1.0)
    found = []
    for line in ax.get_lines():
        if not line.get_visible() or not len(line.get_xydata()):
            continue
        xy = line.get_transform().transform(np.asarray(line.get_xydata(), float))
        xy = xy[np.isfinite(xy).all(axis=1)]
        if line.get_linestyle() not in ("None", "", " ", "none") and len(xy) > 1:
            # every segment sampled every 2 px (at least its end points)
            steps = np.maximum(1, (np.hypot(*np.diff(xy, axis=0).T) // 2).astype(int))
            seg = np.repeat(np.arange(len(steps)), steps)
            frac = (np.arange(len(seg)) - np.repeat(np.cumsum(steps) - steps, steps) + 1) / steps[seg]
            xy = np.concatenate([xy[:1], xy[seg] + (xy[seg + 1] - xy[seg]) * frac[:, None]])
        # a reference line (axhline, axvline) spans the axes: a text may label it in place
        reference = line.get_transform() != ax.transData
        stroke = line.get_linewidth() if line.get_linestyle() not in ("None", "", " ", "none") else 0.0
        marker = line.get_markersize() if line.get_marker() not in (None, "None", "", " ", "none") else 0.0
        reach = max(stroke, marker) / 2 * px
        colour = matplotlib.colors.to_rgba(line.get_color())
        found.append((f"{'reference line' if reference else 'line'} {line.get_label()!r}", xy, reach, colour))
    for coll in ax.collections:
        if not coll.get_visible() or type(coll).__name__ != "PathCollection":
            continue
        offsets = np.asarray(coll.get_offsets(), float)
        if len(offsets):
            sizes = coll.get_sizes()
            reach = float(np.sqrt(sizes.max()) / 2 * px) if len(sizes) else 0.0  # sizes: marker area in pt²
            faces = coll.get_facecolor()
            colour = tuple(faces[0]) if len(faces) else None
            found.append(
                (f"points {coll.get_label()!r}", coll.get_offset_transform().transform(offsets), reach, colour)
            )
    for patch in ax.patches:
        if patch.get_visible() and type(patch).__name__ == "Rectangle":
            box = patch.get_window_extent(renderer)
            if box.width > 0.5 and box.height > 0.5:
                xs, ys = np.linspace(box.x0, box.x1, 5), np.linspace(box.y0, box.y1, 5)
                kind = "bar" if patch.get_data_transform() == ax.transData else "reference band"  # axvspan
                grid = np.stack(np.meshgrid(xs, ys), -1).reshape(-1, 2)
                found.append(
                    (f"{kind} {patch.get_label()!r}", grid, 0.0, matplotlib.colors.to_rgba(patch.get_facecolor()))
                )
    box = ax.get_window_extent(renderer)  # clipped data beyond the axes is not drawn
    return [
        (what, xy[(xy[:, 0] >= box.x0) & (xy[:, 0] <= box.x1) & (xy[:, 1] >= box.y0) & (xy[:, 1] <= box.y1)], *rest)
        for what, xy, *rest in found
    ]


def _inside(box, xy, pad: float) -> bool:
    inner = box.padded(pad)
    return bool(((xy[:, 0] > inner.x0) & (xy[:, 0] < inner.x1) & (xy[:, 1] > inner.y0) & (xy[:, 1] < inner.y1)).any())


def _covered(box, points) -> list[str]:
    """The data artists (of ``_data_points``) with a point strictly inside ``box``."""
    return [what for what, xy, *_ in points if _inside(box, xy, -1.0)]


def _text_clashes(text: Text, box, points, clearance: float) -> list[str]:
    """What a text's ``box`` covers, and the curves of another colour whose stroke comes within
    ``clearance`` px of it.  A reference line (the text may label it in place) and the curve of the
    text's own colour (a direct label by its line) only count when the box holds their points."""
    colour = matplotlib.colors.to_rgba(text.get_color())
    out = []
    for what, xy, reach, own in points:
        if what.startswith("reference"):
            continue
        if _inside(box, xy, -1.0):
            out.append(f"covers {what}")
        elif own is not None and not np.allclose(own, colour) and _inside(box, xy, reach + clearance):
            out.append(f"touches {what}")
    return out


def clashes(fig: Figure, *, drawn: bool = False) -> list[str]:
    """Legends and texts inside an axes that cover its data, and texts that touch a curve they do
    not label (TEXT_CLEARANCE), after layout: one line each.  ``drawn``: the figure was laid out just
    before (each layout pass moves constrained layout a little: a check must not add one)."""
    if not drawn:
        fig.draw_without_rendering()
    renderer = fig._get_renderer()
    clearance = TEXT_CLEARANCE * renderer.points_to_pixels(1.0)
    out = []
    for ax in fig.axes:
        legend = ax.get_legend()
        texts = [t for t in ax.texts if _shown(t)]
        if (legend is None or not legend.get_visible()) and not texts:
            continue
        points = _data_points(ax, renderer)
        title = " ".join(ax.get_title().split()) or f"axes {fig.axes.index(ax)}"
        if legend is not None and legend.get_visible():
            out += [f"{title}: legend covers {what}" for what in _covered(legend.get_window_extent(renderer), points)]
        for t in texts:
            found = _text_clashes(t, t.get_window_extent(renderer), points, clearance)
            out += [f"{title}: text {t.get_text()!r} {what}" for what in found]
    return out


def _shown(text: Text) -> bool:
    return text.get_visible() and bool(text.get_text().strip())


# ---------------------------------------------------------------------------------------------
# Texts and legends that overlap each other.  Direct labels placed a fixed distance apart in data
# units collide once the text is larger and the plot smaller (the phone variant): repel() spreads
# such labels vertically, overlaps() finds what is still on top of something else.
# ---------------------------------------------------------------------------------------------


def _text_boxes(ax, renderer) -> list[tuple[str, object, Text | None]]:
    """(name, display box, text or None for the legend) of the legend and the texts of ``ax``."""
    boxes = []
    legend = ax.get_legend()
    if legend is not None and legend.get_visible():
        boxes.append(("legend", legend.get_window_extent(renderer), None))
    boxes += [(f"text {t.get_text()!r}", t.get_window_extent(renderer), t) for t in ax.texts if _shown(t)]
    return boxes


TEXT_GAP = 2.0  # pt between two texts: a text box has no leading, labels one box apart read as one block


def _overlap(a, b, gap: float = 0.0) -> bool:
    """Whether boxes ``a`` and ``b`` (display px) are less than ``gap`` px apart (0: they intersect)."""
    a, b = a.padded(gap / 2 - 0.5), b.padded(gap / 2 - 0.5)  # half a pixel of rounding
    return a.x0 < b.x1 and b.x0 < a.x1 and a.y0 < b.y1 and b.y0 < a.y1


def _axis_texts(ax, renderer) -> list[tuple[str, object]]:
    """(name, display box) of the tick labels and axis labels of ``ax``."""
    found = []
    for axis in (ax.xaxis, ax.yaxis):
        for t in [*axis.get_ticklabels(), axis.label]:
            if _shown(t) and t.get_window_extent(renderer).width > 0:
                kind = "axis label" if t is axis.label else "tick label"
                found.append((f"{kind} {t.get_text()!r}", t.get_window_extent(renderer)))
    return found


def overlaps(fig: Figure, *, drawn: bool = False) -> list[str]:
    """Texts inside one axes (its legend too) less than TEXT_GAP apart, a text of an axes on its
    tick or axis labels or across its axis lines, after layout: one line each (``drawn``: as in
    ``clashes``)."""
    if not drawn:
        fig.draw_without_rendering()
    renderer = fig._get_renderer()
    gap = TEXT_GAP * fig.dpi / 72
    out = []
    for i, ax in enumerate(fig.axes):
        boxes = _text_boxes(ax, renderer)
        if not boxes:
            continue
        title = " ".join(ax.get_title().split()) or f"axes {i}"
        out += [
            f"{title}: {a} overlaps {b}"
            for j, (a, box_a, _) in enumerate(boxes)
            for b, box_b, _ in boxes[j + 1 :]
            if _overlap(box_a, box_b, gap)
        ]
        out += [
            f"{title}: {a} overlaps {b}"
            for a, box_a, text in boxes
            if text is not None
            for b, box_b in _axis_texts(ax, renderer)
            if _overlap(box_a, box_b, gap)
        ]
        crossed = [(a, side) for a, box, _ in boxes for side in _spines_crossed(ax, box, renderer)]
        out += [f"{title}: {a} crosses the {side} spine" for a, side in crossed]
    return out


def _spines_crossed(ax, box, renderer) -> list[str]:
    """The drawn spines (axis lines) of ``ax`` that pass through ``box``."""
    frame = ax.get_window_extent(renderer)
    lines = {
        "left": (frame.x0, box.x0, box.x1, box.y0 < frame.y1 and box.y1 > frame.y0),
        "right": (frame.x1, box.x0, box.x1, box.y0 < frame.y1 and box.y1 > frame.y0),
        "bottom": (frame.y0, box.y0, box.y1, box.x0 < frame.x1 and box.x1 > frame.x0),
        "top": (frame.y1, box.y0, box.y1, box.x0 < frame.x1 and box.x1 > frame.x0),
    }
    return [
        side
        for side, (at, low, high, facing) in lines.items()
        if side in ax.spines and ax.spines[side].get_visible() and facing and low + 1 < at < high - 1
    ]


def _isotonic(values: list[float]) -> list[float]:
    """The non-decreasing sequence closest to ``values`` in least squares (pool adjacent violators)."""
    blocks: list[list[float]] = []  # [sum, count]
    for v in values:
        blocks.append([v, 1])
        while len(blocks) > 1 and blocks[-2][0] / blocks[-2][1] > blocks[-1][0] / blocks[-1][1]:
            total, count = blocks.pop()
            blocks[-1][0] += total
            blocks[-1][1] += count
    return [total / count for total, count in blocks for _ in range(int(count))]


def _spread_column(centres: list[float], heights: list[float], low: float, high: float, gap: float) -> list[float]:
    """Centres as close as possible to ``centres`` (least squares), in their order, each box ``gap``
    clear of the next, inside [low, high] when they fit."""
    order = sorted(range(len(centres)), key=lambda i: (centres[i], i))
    # p_k - p_{k-1} >= gap_k  <=>  q_k = p_k - G_k non-decreasing, G_k the sum of the gaps so far
    gaps = [0.0] + [(heights[a] + heights[b]) / 2 + gap + 0.5 for a, b in itertools.pairwise(order)]
    cumulative = np.cumsum(gaps)
    q = _isotonic([centres[i] - g for i, g in zip(order, cumulative, strict=True)])
    lowest = low + heights[order[0]] / 2
    highest = high - heights[order[-1]] / 2 - cumulative[-1]
    if lowest <= highest:  # they fit: none leaves the axes
        q = [min(max(v, lowest), highest) for v in q]
    out = [0.0] * len(centres)
    for k, i in enumerate(order):
        out[i] = q[k] + cumulative[k]
    return out


def repel(fig: Figure) -> Figure:
    """Spread the horizontal texts of each axes that overlap one another vertically, each moved as
    little as possible and kept in its order; texts clear of the others do not move."""
    for ax in fig.axes:
        if sum(_shown(t) for t in ax.texts) < 2:
            continue  # nothing to spread: no layout pass (each pass moves constrained layout a little)
        fig.draw_without_rendering()
        renderer = fig._get_renderer()
        texts = [(box, t) for _, box, t in _text_boxes(ax, renderer) if t is not None and t.get_rotation() == 0]
        # Columns: texts whose horizontal extents overlap, joined transitively.
        columns: list[list] = []
        for box, text in sorted(texts, key=lambda bt: bt[0].x0):
            if columns and box.x0 < max(b.x1 for b, _ in columns[-1]) - 1.0:
                columns[-1].append((box, text))
            else:
                columns.append([(box, text)])
        frame = ax.get_window_extent(renderer)
        gap = TEXT_GAP * fig.dpi / 72
        for column in columns:
            if not any(_overlap(a, b, gap) for k, (a, _) in enumerate(column) for b, _ in column[k + 1 :]):
                continue
            centres = [(b.y0 + b.y1) / 2 for b, _ in column]
            spots = _spread_column(centres, [b.height for b, _ in column], frame.y0, frame.y1, gap)
            for (_, text), centre, spot in zip(column, centres, spots, strict=True):
                if abs(spot - centre) < 1e-6:
                    continue
                to_display = text.get_transform()  # an annotation's is that of its text coordinates
                x, y = to_display.transform(text.get_position())
                text.set_position(tuple(to_display.inverted().transform((x, y + spot - centre))))
    return fig


# Where a legend that covers data may go instead, in order of preference.
_FREE_SPOTS = (
    "upper right",
    "upper left",
    "lower right",
    "lower left",
    "center right",
    "center left",
    "upper center",
    "lower center",
)


def declutter(fig: Figure) -> Figure:
    """Spread texts that overlap one another (``repel``), then move each axes legend that covers
    data or a text to a free spot in its axes, else below the plot (the figure grows by the
    legend's height)."""
    repel(fig)
    moved = []
    for ax in fig.axes:
        legend = ax.get_legend()
        if legend is None or not legend.get_visible() or _outside(legend):
            continue
        for loc in (None, *_FREE_SPOTS):
            if loc is not None:
                legend.set_bbox_to_anchor(None)  # a spot of the axes, not of the page's anchor
                legend.set_loc(loc)
            fig.draw_without_rendering()
            renderer = fig._get_renderer()
            box = legend.get_window_extent(renderer)
            inside = ax.get_window_extent(renderer).padded(1.0)
            within = inside.contains(box.x0, box.y0) and inside.contains(box.x1, box.y1)
            texts = [t.get_window_extent(renderer) for t in ax.texts if _shown(t)]
            if within and not _covered(box, _data_points(ax, renderer)) and not any(_overlap(box, t) for t in texts):
                break
        else:
            handles, labels, title = _legend_entries(legend)
            size = legend.get_texts()[0].get_fontsize() if labels else PHONE_FLOOR[0]
            legend.remove()
            width, height = fig.get_size_inches()
            column = _column(fig, ax)[1]
            labels = _wrapped_labels(labels, size, column)
            lines = sum(label.count("\n") + 1 for label in labels)
            rows = math.ceil(lines / _columns(labels, size, column)) + bool(title)
            fig.set_size_inches(width, height + rows * size * 1.5 / 72 + 0.15)
            moved.append((ax, handles, labels, title, size))
    _below(fig, moved)
    return fig
