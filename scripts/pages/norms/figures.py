"""The norms page's figures: they read the result of ``compute()`` and draw it with ``scripts/style.py``."""

from __future__ import annotations

import numpy as np

from scripts import fmt, style

from .experiments import DEGREE, DESCENT_SHOWN, LABELS, SHOWN
from .text import feature_name

NAMES = {"a": "[a] degree 2", "b": "[b] degree 8, ridge", "c": "[c] degree 8, interpolating"}


CURVE_STYLE = {
    "a": {"color": style.BLUE, "linestyle": "solid"},
    "b": {"color": style.GREEN, "linestyle": (0, (5, 2))},
    "c": {"color": style.VERMILLION, "linestyle": (0, (1, 1.2))},
}
LAM_STYLE = [
    {"color": style.BLUE, "linestyle": "solid", "hatch": None},
    {"color": style.ORANGE, "linestyle": (0, (5, 2)), "hatch": "//"},
    {"color": style.PURPLE, "linestyle": (0, (1, 1.2)), "hatch": ".."},
]


def _data_points(ax, r, test=True):
    if test:
        ax.scatter(
            r["x_test"][:120],
            r["y_test"][:120],
            s=6,
            color=style.MUTED,
            alpha=0.45,
            linewidths=0,
            label="held-out data (sample)",
        )
    ax.scatter(r["x"], r["y"], s=30, color=style.INK, zorder=5, label="training data (9 points)")


def _fig_three_fits(r):
    fig = style.new_figure(6.4, 3.9)
    ax = fig.add_subplot()
    grid = r["grid"]
    _data_points(ax, r)
    ax.plot(grid, r["curves"]["truth"], color=style.MUTED, linewidth=1.0, linestyle=(0, (6, 3)), label="true curve")
    for k in LABELS:
        ax.plot(grid, r["curves"][k], label=NAMES[k], **CURVE_STYLE[k])
    ax.set_xlabel("x (metres)")
    ax.set_ylabel("y")
    ax.set_title("Three polynomial fits to the same nine points")
    ax.legend(loc="center left", bbox_to_anchor=(1.02, 0.5), fontsize=9)
    return fig


def _fig_penalties(r):
    fig = style.new_figure(7.2, 3.4)
    left, right = fig.subplots(1, 2)
    w = np.linspace(-2, 2, 201)
    left.plot(w, np.abs(w), color=style.BLUE, label="|w|  (L1 = L2 norm of one weight)")
    left.plot(w, w**2, color=style.VERMILLION, linestyle=(0, (5, 2)), label="w²  (squared L2)")
    left.plot(w, w**2 / 2, color=style.GREEN, linestyle=(0, (1, 1.2)), label="½ w²  (this site's ridge)")
    left.set_ylim(-0.1, 4.2)
    left.set_xlabel("w")
    left.set_title("Penalty of one weight")
    left.legend(loc="upper center", fontsize=8, bbox_to_anchor=(0.5, -0.2))
    neg, pos = w[w < 0], w[w > 0]
    right.plot(neg, -np.ones_like(neg), color=style.BLUE, label="slope of |w|: sign(w)")
    right.plot(pos, np.ones_like(pos), color=style.BLUE)
    right.plot(
        [0, 0],
        [-1, 1],
        color=style.BLUE,
        linewidth=4,
        alpha=0.35,
        solid_capstyle="butt",
        label="at w = 0: any value in [−1, 1]",
    )
    right.plot(w, 2 * w, color=style.VERMILLION, linestyle=(0, (5, 2)), label="slope of w²: 2w")
    right.plot(w, w, color=style.GREEN, linestyle=(0, (1, 1.2)), label="slope of ½ w²: w")
    right.set_ylim(-2.2, 2.2)
    right.set_xlabel("w")
    right.set_title("Slope (derivative) of the penalty")
    right.legend(loc="upper center", fontsize=8, bbox_to_anchor=(0.5, -0.2))
    return fig


def _fig_norms_by_basis(r):
    fig = style.new_figure(6.8, 4.0)
    ax = fig.add_subplot()
    order = ["m.with", "m.without", "cm.with", "cm.without", "standardised", "legendre"]
    labels = [
        "monomials, metres,\nwith intercept",
        "monomials, metres,\nno intercept",
        "monomials, centimetres,\nwith intercept",
        "monomials, centimetres,\nno intercept",
        "standardised\nfeatures",
        "Legendre,\nno constant",
    ]
    height = 0.26
    hatches = {"a": None, "b": "//", "c": ".."}
    for i, k in enumerate(LABELS):
        values = [r["bases"][b][k]["l2"] for b in order]
        ypos = np.arange(len(order)) + (i - 1) * height
        ax.barh(
            ypos,
            values,
            height=height,
            color=CURVE_STYLE[k]["color"],
            hatch=hatches[k],
            edgecolor=style.INK,
            linewidth=0.4,
            label=NAMES[k],
        )
    ax.set_xscale("log")
    ax.set_yticks(np.arange(len(order)), labels, fontsize=8.5)
    ax.invert_yaxis()
    ax.set_xlabel("L2 norm of the coefficient vector (log scale)")
    ax.set_title("One set of curves, six sets of coefficients")
    ax.legend(loc="lower right", fontsize=8)
    return fig


def _fig_one_weight(r):
    fig = style.new_figure(5.6, 3.6)
    ax = fig.add_subplot()
    one = r["one_weight"]
    lam, z = one["lam"], one["z"]
    ax.axvspan(-lam, lam, color=style.SKY, alpha=0.18, linewidth=0)
    ax.text(0, 2.4, "lasso gives exactly 0\nwhen |z| ≤ λ", ha="center", fontsize=8.5, color=style.INK)
    ax.plot(z, z, color=style.MUTED, linewidth=1.0, linestyle=(0, (6, 3)), label="no penalty: w = z")
    ax.plot(z, one["lasso"], color=style.BLUE, label="lasso: w = sign(z) max(|z| − λ, 0)")
    ax.plot(z, one["ridge"], color=style.VERMILLION, linestyle=(0, (5, 2)), label="ridge: w = z / (1 + λ)")
    ax.set_xlabel("z (the unpenalised solution)")
    ax.set_ylabel("minimiser w")
    ax.set_title("One weight, λ = 1: minimise ½(w − z)² + λ P(w)")
    ax.legend(loc="lower right", fontsize=8)
    return fig


def _fig_descent(r):
    d = r["descent"]
    j = d["summary"]["watched"]
    fig = style.new_figure(7.2, 3.4)
    left, right = fig.subplots(1, 2, gridspec_kw={"width_ratios": [1.6, 1]})
    it = np.arange(DESCENT_SHOWN + 1)
    for ax, sl in ((left, slice(0, DESCENT_SHOWN + 1)), (right, slice(DESCENT_SHOWN - 30, DESCENT_SHOWN + 1))):
        ax.axhline(0, color=style.MUTED, linewidth=0.8)
        ax.plot(
            it[sl],
            d["sub"][sl, j],
            color=style.VERMILLION,
            linewidth=0.9,
            marker="." if ax is right else None,
            markersize=4,
            label="subgradient descent, fixed step",
        )
        ax.plot(
            it[sl],
            d["ista"][sl, j],
            color=style.BLUE,
            linestyle=(0, (5, 2)),
            marker="s" if ax is right else None,
            markersize=3,
            label="proximal gradient (ISTA)",
        )
        ax.set_xlabel("iteration")
    left.set_ylabel(f"weight of {feature_name(j)} (standardised)")
    left.set_title(f"Weight of {feature_name(j)}: the solution is exactly 0")
    right.set_title(f"Iterations {DESCENT_SHOWN - 30}–{DESCENT_SHOWN}, enlarged")
    left.legend(loc="lower right", fontsize=8)
    return fig


def _fig_bars(r):
    fig = style.new_figure(7.2, 4.6)
    axes = fig.subplots(2, 1, sharex=True)
    xpos = np.arange(DEGREE)
    width = 0.26
    for ax, method in zip(axes, ("ridge", "lasso"), strict=True):
        ax.axhline(0, color=style.INK, linewidth=0.6)
        for i, factor in enumerate(SHOWN):
            s = r["shown"][(method, factor)]
            pos = xpos + (i - 1) * width
            st = LAM_STYLE[i]
            ax.bar(
                pos,
                s["w"],
                width=width,
                color=st["color"],
                hatch=st["hatch"],
                edgecolor=style.INK,
                linewidth=0.4,
                label=f"λ = {fmt.num(s['lam'])}",
            )
            zeros = s["w"] == 0
            ax.scatter(pos[zeros], np.zeros(zeros.sum()), marker="x", s=18, color=style.INK, zorder=4, linewidths=1.0)
        ax.set_ylabel("weight (standardised)")
        ax.set_title(
            f"{method.capitalize()}"
            + (": × marks a weight that is exactly 0" if method == "lasso" else ": no weight is exactly 0"),
            fontsize=10,
        )
        ax.grid(axis="x", visible=False)
    axes[0].legend(loc="upper center", bbox_to_anchor=(0.5, 1.0), ncol=3, fontsize=8)
    axes[1].set_xticks(xpos, [feature_name(j) for j in range(DEGREE)])
    axes[1].set_xlabel("feature (each standardised to mean 0, variance 1)")
    return fig


def _fig_fits_by_lambda(r):
    fig = style.new_figure(7.2, 3.4)
    axes = fig.subplots(1, 2, sharey=True)
    grid = r["grid"]
    for ax, method in zip(axes, ("ridge", "lasso"), strict=True):
        _data_points(ax, r, test=False)
        for i, factor in enumerate(SHOWN):
            s = r["shown"][(method, factor)]
            st = LAM_STYLE[i]
            ax.plot(
                grid,
                s["curve"],
                color=st["color"],
                linestyle=st["linestyle"],
                label=f"λ = {fmt.num(s['lam'])}",
            )
        ax.set_title(method.capitalize())
        ax.set_xlabel("x (metres)")
        ax.legend(loc="lower center", fontsize=8)
    axes[0].set_ylabel("y")
    return fig


def _fig_paths(r):
    fig = style.new_figure(7.2, 3.4)
    axes = fig.subplots(1, 2, sharex=True)
    dashes = ["solid", (0, (5, 2)), (0, (1, 1.2)), (0, (5, 2, 1, 2))]
    colours = [style.BLUE, style.VERMILLION, style.GREEN, style.PURPLE, style.ORANGE, style.SKY, style.INK, style.MUTED]
    for ax, lams, W, title in (
        (axes[0], r["ridge_path_lams"], r["ridge_path"], "Ridge: smooth paths, no weight held at 0"),
        (axes[1], r["lasso_lams"], r["lasso_path"], "Lasso: weights hit 0 exactly"),
    ):
        ax.axhline(0, color=style.MUTED, linewidth=0.8)
        for j in range(DEGREE):
            ax.plot(lams, W[:, j], color=colours[j], linestyle=dashes[j % 4], linewidth=1.4, label=feature_name(j))
        ax.set_xscale("log")
        ax.set_xlabel("λ (log scale)")
        ax.set_title(title, fontsize=10)
    axes[0].set_ylabel("weight (standardised features)")
    axes[1].set_xlim(r["lasso_lams"].min(), r["lasso_lams"].max())
    axes[1].legend(loc="center left", bbox_to_anchor=(1.0, 0.5), fontsize=8, handlelength=2.4)
    return fig


def _fig_held_out(r):
    fig = style.new_figure(6.0, 3.4)
    ax = fig.add_subplot()
    ax.plot(r["ridge_lams"], r["ridge_test"], color=style.VERMILLION, linestyle=(0, (5, 2)), label="ridge, held-out")
    ax.plot(r["lasso_lams"], r["lasso_test"], color=style.BLUE, marker="o", markersize=3.5, label="lasso, held-out")
    ax.plot(
        r["ridge_lams"],
        r["loo"],
        color=style.GREEN,
        linestyle=(0, (1, 1.2)),
        label="ridge, leave-one-out (training data)",
    )
    ax.axhline(r["noise_var"], color=style.MUTED, linewidth=0.9, linestyle=(0, (5, 2, 1, 2)), label="noise variance σ²")
    ax.axvline(r["lam_b"], color=style.INK, linewidth=0.8, linestyle=(0, (1, 2)))
    ax.text(r["lam_b"], 0.27, " λ chosen for [b]", fontsize=8, color=style.INK)
    ax.set_xscale("log")
    ax.set_ylim(0, 0.3)
    ax.set_xlabel("λ (log scale)")
    ax.set_ylabel("mean squared error")
    ax.set_title("Error on new data as λ varies", fontsize=10)
    ax.legend(loc="upper left", fontsize=8)
    return fig


def figures(r: dict) -> dict:
    return {
        "three-fits": _fig_three_fits(r),
        "penalties-and-slopes": _fig_penalties(r),
        "norms-by-basis": _fig_norms_by_basis(r),
        "one-weight-solutions": _fig_one_weight(r),
        "descent-oscillates-prox-hits-zero": _fig_descent(r),
        "coefficient-bars": _fig_bars(r),
        "fits-by-lambda": _fig_fits_by_lambda(r),
        "coefficient-paths": _fig_paths(r),
        "held-out-error-by-lambda": _fig_held_out(r),
    }
