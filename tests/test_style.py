"""The phone variant and the readable-text floors of scripts/style.py, on small figures drawn here."""

from __future__ import annotations

import re

import numpy as np
import pytest

from scripts import style


def _two_panels(legend_outside: bool = True):
    with style.rc():
        fig = style.new_figure(7.2, 3.2)
        left, right = fig.subplots(1, 2, sharey=True)
        x = np.linspace(0.01, 1, 20)
        left.plot(x, x, label="a long label for the first curve")
        right.semilogx(x, x**2, label="second")
        left.set_title("left", fontsize=7)
        right.text(0.5, 0.5, "direct label", fontsize=6)
        if legend_outside:
            right.legend(loc="center left", bbox_to_anchor=(1.02, 0.5), fontsize=6)
        fig.legend(loc="outside right center", fontsize=6)
    return fig


def _sizes(svg: bytes) -> list[float]:
    return [float(s) for s in re.findall(rb"font-size: ([\d.]+)px", svg)]


def test_phone_stacks_panels_in_one_column_at_phone_width():
    fig = style.phone(_two_panels())
    assert fig.get_size_inches()[0] == style.PHONE_WIDTH
    with style.rc():
        fig.draw_without_rendering()
    boxes = sorted((ax.get_position() for ax in fig.axes), key=lambda b: -b.y0)
    assert len(boxes) == 2
    assert boxes[0].y0 > boxes[1].y1  # one above the other
    assert abs(boxes[0].x0 - boxes[1].x0) < 0.1


def test_phone_text_meets_the_floor_exponents_included():
    svg = style.svg_bytes(style.phone(_two_panels()))
    # Exponents of 10^k are drawn at SCRIPT_SHRINK of their label: they too reach the floor.
    assert min(_sizes(svg)) >= style.PHONE_FLOOR[0] - 1e-9


@pytest.mark.parametrize("width", [6.4, 7.6, 10.0])
def test_desktop_text_reaches_its_on_screen_target(width):
    with style.rc():
        fig = style.new_figure(width, 3)
        ax = fig.add_subplot()
        ax.semilogx([1, 10, 100], [1, 2, 3])
        ax.set_xlabel("x", fontsize=6)
        ax.text(2, 2, "note", fontsize=5)
    svg = style.svg_bytes(style.readable(fig))
    px_per_pt = min(4 / 3, style.DESKTOP_COLUMN / (width * 72))
    assert min(_sizes(svg)) * px_per_pt >= style.DESKTOP_TARGET[0] - 1e-6


def test_phone_legends_go_below_the_plot():
    fig = style.phone(_two_panels())
    with style.rc():
        fig.draw_without_rendering()
    renderer = fig._get_renderer()
    bottom_axes = min(ax.get_window_extent(renderer).y0 for ax in fig.axes)
    legends = [*fig.legends, *(ax.get_legend() for ax in fig.axes if ax.get_legend())]
    assert legends
    for legend in legends:
        box = legend.get_window_extent(renderer)
        assert box.y1 <= bottom_axes + 1, "legend not below the plot"
        assert box.x0 >= -1 and box.x1 <= fig.bbox.width + 1, "legend wider than the figure"


def test_phone_variant_is_byte_deterministic():
    assert style.svg_bytes(style.phone(_two_panels())) == style.svg_bytes(style.phone(_two_panels()))


def test_size_pt_reads_the_svg_and_refuses_other_files():
    assert style.size_pt(style.svg_bytes(_two_panels())) == (7.2 * 72, 3.2 * 72)
    with pytest.raises(ValueError, match="no width/height"):
        style.size_pt(b"<svg></svg>")
