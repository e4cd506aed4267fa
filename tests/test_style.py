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


# Texts and legends that overlap each other (overlaps, repel).


def _labels(spots, *, x=0.05, size=10):
    """A line and direct labels at ``spots`` (y in data units), left of the plot's data."""
    with style.rc():
        fig = style.new_figure(4, 3)
        ax = fig.subplots()
        ax.plot([0.5, 1], [0, 1])
        for i, y in enumerate(spots):
            ax.annotate(f"label {i}", (x, y), fontsize=size, va="center")
        ax.set_xlim(0, 1)
        ax.set_ylim(-0.1, 1.1)
    return fig


def test_overlaps_names_each_pair_of_texts_whose_boxes_overlap():
    found = style.overlaps(_labels([0.50, 0.52, 0.9]))
    assert found == ["axes 0: text 'label 0' overlaps text 'label 1'"], found
    assert style.overlaps(_labels([0.1, 0.5, 0.9])) == []


def test_overlaps_sees_a_legend_on_a_text():
    fig = _labels([1.02], x=0.02)
    fig.axes[0].lines[0].set_label("the line")
    fig.axes[0].legend(loc="upper left")
    assert any("legend overlaps text 'label 0'" in c for c in style.overlaps(fig))


def test_overlapping_texts_are_an_error_naming_the_figure_and_the_texts():
    from scripts import pipeline

    # More labels than the axes has room for: repel cannot spread them.
    def drawn():
        return _labels([0.5] * 30)

    with pytest.raises(ValueError, match=r"stacked: texts overlap:\n  desktop: axes 0: text 'label \d+' "):
        pipeline.figure_files("stacked", drawn(), drawn())


def test_repel_spreads_crowded_labels_in_their_order_and_leaves_free_ones():
    fig = style.repel(_labels([0.50, 0.52, 0.54, 0.9]))
    assert style.overlaps(fig) == []
    with style.rc():
        fig.draw_without_rendering()
    ys = [t.get_window_extent(fig._get_renderer()).y0 for t in fig.axes[0].texts]
    assert ys[0] < ys[1] < ys[2] < ys[3]  # order kept
    free = _labels([0.1, 0.5, 0.9])
    assert style.svg_bytes(style.repel(free)) == style.svg_bytes(_labels([0.1, 0.5, 0.9]))


def test_repel_keeps_labels_inside_their_axes():
    fig = style.repel(_labels([-0.1, -0.09, -0.08, -0.07]))
    assert style.overlaps(fig) == []
    with style.rc():
        fig.draw_without_rendering()
    renderer = fig._get_renderer()
    bottom = fig.axes[0].get_window_extent(renderer).y0
    assert min(t.get_window_extent(renderer).y0 for t in fig.axes[0].texts) >= bottom - 0.5


def test_phone_variant_spreads_direct_labels_that_crowd_at_phone_size():
    # 0.06 apart in data is enough on the desktop, not with the phone's larger text.
    fig = _labels([0.50, 0.56, 0.62], size=7)
    assert style.overlaps(style.readable(fig)) == []
    assert style.overlaps(style.phone(_labels([0.50, 0.56, 0.62], size=7))) == []


def test_overlaps_wants_a_gap_between_labels_and_sees_tick_labels():
    fig = _labels([0.5, 0.5])
    with style.rc():
        fig.draw_without_rendering()
    ax, renderer = fig.axes[0], fig._get_renderer()
    lower, upper = ax.texts
    box = lower.get_window_extent(renderer)
    # The upper label one box above the lower one: touching, no gap between the lines.
    x, y = ax.transData.transform(upper.get_position())
    upper.set_position(ax.transData.inverted().transform((x, y + box.height)))
    assert style.overlaps(fig) == ["axes 0: text 'label 0' overlaps text 'label 1'"]
    upper.set_position(ax.transData.inverted().transform((x, y + box.height + 3 * style.TEXT_GAP)))
    assert style.overlaps(fig) == []
    ax.annotate("left of the axes", (0, 0.4), ha="right", va="center", annotation_clip=False)
    assert style.overlaps(fig) == ["axes 0: text 'left of the axes' overlaps tick label '0.4'"], style.overlaps(fig)


# A plot that keeps its height on a phone when legends go below it.


def _long_legend_below(panels: int = 1):
    """Like the libraries page's knob figure: five long labels in one column below each plot."""
    with style.rc():
        fig = style.new_figure(6.6, 3.9)
        for ax in np.atleast_1d(fig.subplots(1, panels)):
            x = np.logspace(1, 5, 20)
            for k in range(5):
                ax.loglog(x, x ** (k - 2), label=f"a library's setting number {k} that means λ, with a long name")
            ax.set_title("settings that all mean the same λ")
            ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.2), ncols=1, fontsize=8.5)
    return fig


@pytest.mark.parametrize("panels", [1, 2])
def test_phone_plot_keeps_its_height_under_a_tall_legend(panels):
    fig = style.phone(_long_legend_below(panels))
    with style.rc():
        fig.draw_without_rendering()
    renderer = fig._get_renderer()
    for ax in fig.axes:
        assert ax.get_window_extent(renderer).height / fig.dpi >= style.PHONE_MIN_PLOT - 0.01
    assert style.clashes(fig) == [] and style.overlaps(fig) == []


# A number stays with the symbol it completes when the phone variant wraps a title or a label.


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("(c) ρ = 0.7, least squares (1.8, 0.2), t = 1.2", ["t = 1.2", "(1.8, 0.2)", "ρ = 0.7"]),
        ("Settings that all mean the site's λ = 0.1", ["λ = 0.1"]),
        ("the lasso sets 36 % of the weights exactly to zero", ["36 %"]),
    ],
)
def test_phone_wrapping_keeps_a_number_with_its_symbol(text, kept):
    for chars in range(8, len(text)):
        lines = style._fill(text, chars).split("\n")
        assert " ".join(lines) == text
        for unit in kept:
            assert any(unit in line for line in lines), (chars, lines)


def test_phone_title_wraps_without_splitting_its_number():
    with style.rc():
        fig = style.new_figure(7.6, 3)
        fig.subplots().set_title("(c) ρ = 0.7, least squares (1.8, 0.2), t = 1.2")
    title = style.phone(fig).axes[0].get_title()
    assert "\n" in title and "t = 1.2" in title.split("\n")[-1], title


def test_overlaps_sees_a_text_across_an_axis_line():
    fig = _labels([])
    fig.axes[0].annotate("on the spine", (0, 0.5), ha="center", va="center", annotation_clip=False)
    assert style.overlaps(fig) == ["axes 0: text 'on the spine' crosses the left spine"]
    fig.axes[0].spines["left"].set_visible(False)
    assert style.overlaps(fig) == []


# A text near a curve it does not label (networks' "noise level", issue 11).


def _noise_label(offset_pt: float | None = None):
    """Like networks' equal-fit figure: a label for the noise level just above the training error."""
    with style.rc():
        fig = style.new_figure(4, 3)
        ax = fig.subplots()
        x = np.linspace(0.8, 2.6, 30)
        ax.plot(x, 1.5 * x**2, color=style.VERMILLION, label="test error")
        ax.plot(x, 0 * x, color=style.BLUE, linestyle="--", label="training error")
        ax.axhline(0.25, color=style.MUTED, linewidth=0.8, linestyle=":")
        if offset_pt is None:  # the old placement: 15 % above the line, in data units
            ax.text(x[-1], 0.25 * 1.15, "noise level", color=style.MUTED, ha="right", fontsize=9)
        else:
            ax.annotate(
                "noise level",
                (x[-1], 0.25),
                xytext=(0, offset_pt),
                textcoords="offset points",
                color=style.MUTED,
                ha="right",
                va="bottom",
                fontsize=9,
            )
    return fig


def test_clashes_sees_a_text_that_touches_a_curve_it_does_not_label():
    assert style.clashes(_noise_label()) == ["axes 0: text 'noise level' touches line 'training error'"]


def test_a_text_clear_of_other_curves_may_sit_by_the_line_of_its_colour():
    assert style.clashes(_noise_label(offset_pt=1.5)) == []
    with style.rc():  # a direct label at the end of its own line (conventions' "w₁ = w₂")
        fig = style.new_figure(4, 3)
        ax = fig.subplots()
        ax.plot([0, 1], [0, 1], color=style.MUTED)
        ax.text(1.01, 1.01, "w₁ = w₂", color=style.MUTED, clip_on=False)
        ax.set_xlim(-0.2, 1.3)
        ax.set_ylim(-0.2, 1.3)
    assert style.clashes(fig) == []
    fig.axes[0].texts[0].set_color(style.BLUE)  # the same place, but labelling something else
    assert style.clashes(fig) == ["axes 0: text 'w₁ = w₂' touches line '_child0'"]
