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


# Legends and texts that cover data (declutter, clashes).


def _crowded(loc: str = "upper left", width: float = 6.4):
    """A rising and a falling line: the two upper corners hold data, the lower centre does not."""
    with style.rc():
        fig = style.new_figure(width, 3.2)
        ax = fig.subplots()
        x = np.linspace(0, 1, 50)
        ax.plot(x, 0.1 + 0.9 * x, label="rising line with a long label")
        ax.plot(x, 1 - 0.9 * x, label="falling line with a long label")
        ax.legend(loc=loc)
    return fig


def _legend_box(fig):
    with style.rc():
        fig.draw_without_rendering()
    ax = fig.axes[0]
    return ax, ax.get_legend().get_window_extent(fig._get_renderer())


def test_clashes_names_the_legend_and_the_data_it_covers():
    found = style.clashes(_crowded("upper left"))
    assert any("legend covers line 'falling line" in c for c in found), found


def test_declutter_moves_a_legend_off_the_data_and_keeps_a_free_one():
    fig = style.declutter(_crowded("upper left"))
    assert style.clashes(fig) == []
    ax, box = _legend_box(fig)
    assert ax.get_window_extent().y0 < box.y1 < ax.get_window_extent().y1  # still inside the plot
    free = _crowded("lower center")
    before = _legend_box(free)[1]
    assert np.allclose(_legend_box(style.declutter(free))[1].get_points(), before.get_points())


def test_declutter_puts_the_legend_below_when_no_spot_is_free():
    with style.rc():
        fig = style.new_figure(4, 2.4)
        ax = fig.subplots()
        x = np.linspace(0, 1, 50)
        for shift in np.linspace(-1, 1, 9):  # lines through every spot of the axes
            ax.plot(x, x + shift, label=f"line {shift:.2f}")
        ax.set_ylim(-1, 1)
        ax.legend()
    height = fig.get_size_inches()[1]
    fig = style.declutter(fig)
    assert style.clashes(fig) == []
    ax, box = _legend_box(fig)
    assert box.y1 < ax.get_window_extent().y0  # below the plot
    assert fig.get_size_inches()[1] > height  # the figure grew to hold it


def test_phone_variant_never_covers_data_with_its_legend():
    # At phone width and text size, the desktop's free corner holds data.
    fig = _crowded("upper center", width=6.4)
    assert style.clashes(style.phone(fig)) == []


def test_a_text_that_covers_data_is_an_error_naming_the_figure():
    from scripts import pipeline

    def drawn():
        with style.rc():
            fig = style.new_figure(4, 3)
            ax = fig.subplots()
            ax.plot([0, 1], [0, 1])
            ax.text(0.5, 0.5, "on the line", ha="center", va="center")
        return fig

    with pytest.raises(ValueError, match=r"diagonal: text covers data:\n  desktop: .*'on the line' covers line"):
        pipeline.figure_files("diagonal", drawn(), drawn())


def test_a_text_may_label_a_reference_line_in_place():
    with style.rc():
        fig = style.new_figure(4, 3)
        ax = fig.subplots()
        ax.plot([0, 1], [0, 0.2])
        ax.axhline(0.8, color=style.MUTED)
        ax.text(0.5, 0.8, "noise level", va="center")
    assert style.clashes(fig) == []
