"""The updates page's figures: they only read the result and draw it."""

from __future__ import annotations

import numpy as np

from scripts import fmt, style

from .text import METHOD_LABELS

STYLE = {
    "none": (style.MUTED, (0, (1, 1.5)), None),
    "ridge": (style.BLUE, "solid", None),
    "subgradient": (style.VERMILLION, "solid", None),
    "proximal": (style.GREEN, (0, (5, 2)), None),
    "cd": (style.PURPLE, "none", "o"),
}


def _fig_one_feature(one):
    fig = style.new_figure(6.4, 3.8)
    ax = fig.add_subplot()
    for method, label in METHOD_LABELS.items():
        colour, dash, _ = STYLE[method]
        tr = one["traces"][method]
        if method == "cd":
            ax.plot(
                np.arange(len(tr)),
                tr,
                color=colour,
                linestyle=(0, (2, 2)),
                marker="o",
                markersize=6,
                label=label + " (sweeps)",
            )
        else:
            ax.plot(np.arange(len(tr)), tr, color=colour, linestyle=dash, label=label)
    ax.axhline(0, color=style.INK, linewidth=0.8)
    ax.set_xlabel("iteration (step, or sweep for coordinate descent)")
    ax.set_ylabel("weight w")
    ax.set_title(f"One feature, λ = {fmt.num(one['lam'])}, η = {fmt.num(one['eta'])}")
    ax.legend(loc="upper right", fontsize=9)
    return fig


def _fig_multi_traces(m):
    fig = style.new_figure(6.4, 7.4)
    axes = fig.subplots(5, 1, sharex=True, sharey=True)
    irrelevant = range(m["n_relevant"], m["p"])
    dashes = ["solid", (0, (5, 2)), (0, (1, 1.5)), (0, (5, 2, 1, 2))]
    for ax, (method, label) in zip(axes, METHOD_LABELS.items(), strict=True):
        tr = m["traces"][method]
        it = np.arange(len(tr))
        if method != "subgradient":  # smooth curves: thin out the points after the first steps
            keep = np.unique(np.concatenate([it[:20], it[20::4], it[-1:]]))
            tr, it = tr[keep], it[keep]
        colour, _, _ = STYLE[method]
        for i, j in enumerate(irrelevant):
            ax.plot(
                it,
                tr[:, j],
                color=colour,
                linestyle=dashes[i % len(dashes)],
                linewidth=1.1,
                marker="o" if method == "cd" else None,
                markersize=3,
            )
        ax.axhline(0, color=style.INK, linewidth=0.7)
        zeros = m["end"][method]["zeros"]
        unit = "sweeps" if method == "cd" else "steps"
        ax.set_title(f"{label}: {zeros} exact zeros after {it[-1]} {unit}", fontsize=10, loc="left")
        ax.set_xscale("symlog", linthresh=10)
        ax.set_ylabel("w₄ … w₁₀")
    axes[-1].set_xlabel("iteration (steps; sweeps for coordinate descent), log scale after 10")
    return fig


ZERO_OFFSET = {"none": 0.15, "subgradient": -0.15}


def _fig_zero_counts(m):
    fig = style.new_figure(6.4, 3.6)
    ax = fig.add_subplot()
    for method, label in METHOD_LABELS.items():
        colour, dash, _ = STYLE[method]
        z = m["zeros"][method]
        it = np.arange(len(z))
        if method == "cd":
            ax.plot(it, z, color=colour, linestyle=(0, (2, 2)), marker="o", markersize=5, label=label + " (sweeps)")
        else:  # the three methods that stay at 0 are drawn slightly apart so that all are visible
            ax.step(it, z + ZERO_OFFSET.get(method, 0.0), where="post", color=colour, linestyle=dash, label=label)
    ax.axhline(m["lasso_zeros"], color=style.INK, linewidth=0.6)
    ax.set_xscale("symlog", linthresh=10)
    ax.set_ylim(-0.4, m["p"] + 0.4)
    ax.set_xlabel("iteration (steps; sweeps for coordinate descent)")
    ax.set_ylabel("weights exactly 0")
    ax.set_title(f"Exact zeros among {m['p']} weights ({m['p'] - m['n_relevant']} irrelevant)")
    ax.legend(loc="center right", bbox_to_anchor=(1.0, 0.42), fontsize=9)
    return fig


def _fig_stability(m):
    fig = style.new_figure(6.4, 3.6)
    ax = fig.add_subplot()
    colours = [style.BLUE, style.GREEN, style.ORANGE, style.VERMILLION]
    dashes = ["solid", (0, (5, 2)), (0, (1, 1.5)), (0, (5, 2, 1, 2))]
    for (factor, gaps), colour, dash in zip(m["stability"].items(), colours, dashes, strict=True):
        ax.plot(
            np.arange(len(gaps)),
            np.maximum(gaps, 1e-16),  # a log axis cannot show an exact zero
            color=colour,
            linestyle=dash,
            label=f"η = {fmt.num(factor)}/L",
        )
    ax.set_yscale("log")
    ax.set_xlabel("gradient step")
    ax.set_ylabel("J(w) − min J")
    ax.set_title(f"Ridge by gradient descent: stable only for η < 2/L (L = {fmt.num(m['L_ridge'])})")
    ax.legend(loc="lower left", fontsize=9)
    return fig


def _fig_overfitting(o):
    fig = style.new_figure(6.4, 3.8)
    ax = fig.add_subplot()
    ps = o["ps"]
    series = [
        ("train", "least squares, training", style.BLUE, (0, (5, 2)), None),
        ("test", "least squares, test", style.BLUE, "solid", "o"),
        ("ridge_train", f"ridge λ = {fmt.num(o['lam'])}, training", style.VERMILLION, (0, (5, 2)), None),
        ("ridge_test", f"ridge λ = {fmt.num(o['lam'])}, test", style.VERMILLION, "solid", "s"),
    ]
    for key, label, colour, dash, marker in series:
        ax.plot(ps, o["median"][key], color=colour, linestyle=dash, marker=marker, markersize=3.5, label=label)
    # in the legend, not beside the line: the test curves cross it where a label would sit
    ax.axhline(o["noise_var"], color=style.MUTED, linewidth=0.8, label="noise variance")
    ax.axvline(o["relevant"], color=style.MUTED, linewidth=0.8, linestyle=(0, (1, 1.5)))
    ax.text(o["relevant"] + 0.5, 0.012, "true number of features", color=style.MUTED, fontsize=9)
    ax.set_yscale("log")
    ax.set_xlabel(f"number of features p (n = {o['n']} training examples)")
    ax.set_ylabel("mean squared error (median of runs)")
    ax.set_title("Linear regression overfits as p approaches n")
    ax.legend(loc="upper left", bbox_to_anchor=(0.12, 1.0), fontsize=9)
    return fig


def figures(r: dict) -> dict:
    return {
        "traces-one-feature": _fig_one_feature(r["one"]),
        "traces-ten-features": _fig_multi_traces(r["multi"]),
        "exact-zeros": _fig_zero_counts(r["multi"]),
        "step-size-stability": _fig_stability(r["multi"]),
        "train-test-features": _fig_overfitting(r["overfit"]),
    }
