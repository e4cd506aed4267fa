"""The geometry page's figures: ``figures(result)`` only reads the result and draws (``scripts/style.py``)."""

from __future__ import annotations

import numpy as np

from scripts import fmt, style

from .experiments import FOLDS, MAP_CONFIG, ZERO_N, ZERO_P, ZERO_PROBLEMS
from .text import PANELS, vector


def _spread(values, gap: float) -> np.ndarray:
    """Label positions near ``values``, at least ``gap`` apart, keeping their order."""
    order = np.argsort(values)
    pos = np.asarray(values, float)[order].copy()
    for _ in range(200):
        moved = False
        for i in range(1, len(pos)):
            if pos[i] - pos[i - 1] < gap:
                shift = (gap - (pos[i] - pos[i - 1])) / 2
                pos[i - 1] -= shift
                pos[i] += shift
                moved = True
        if not moved:
            break
    out = np.empty_like(pos)
    out[order] = pos
    return out


def _fig_geometry(g: dict):
    fig = style.new_figure(7.2, 7.2)
    axes = fig.subplots(2, 2)
    for ax, letter, p in zip(axes.flat, PANELS, g["panels"], strict=True):
        ols, t = p["ols"], p["t"]
        lo, hi, _, _ = p["view"]
        U, V, F = p["grid"]
        levels = sorted({p["lasso"]["loss"], p["ridge"]["loss"]})
        others = np.array(levels[-1]) * np.array([0.2, 2.5, 5.0])
        ax.contour(U, V, F, levels=np.sort(others), colors=style.MUTED, linewidths=0.6, linestyles="solid")
        ax.contour(U, V, F, levels=[p["lasso"]["loss"]], colors=style.VERMILLION, linewidths=1.0, linestyles="solid")
        ax.contour(U, V, F, levels=[p["ridge"]["loss"]], colors=style.BLUE, linewidths=1.0, linestyles="dashed")
        diamond = np.array([[t, 0], [0, t], [-t, 0], [0, -t], [t, 0]])
        ax.fill(diamond[:, 0], diamond[:, 1], color=style.VERMILLION, alpha=0.12, linewidth=0)
        ax.plot(diamond[:, 0], diamond[:, 1], color=style.VERMILLION, linewidth=1.6, label="‖w‖₁ ≤ t")
        theta = np.linspace(0, 2 * np.pi, 181)
        ax.plot(
            t * np.cos(theta),
            t * np.sin(theta),
            color=style.BLUE,
            linewidth=1.6,
            linestyle=(0, (4, 2)),
            label="‖w‖₂ ≤ t",
        )
        ax.plot(*ols, marker="P", color=style.INK, markersize=8, linestyle="none", label="least squares")
        ax.plot(
            *p["lasso"]["w"], marker="s", color=style.VERMILLION, markersize=7, linestyle="none", label="lasso solution"
        )
        ax.plot(
            *p["ridge"]["w"],
            marker="o",
            color=style.BLUE,
            markersize=7,
            linestyle="none",
            label="ridge solution",
            markerfacecolor="none",
            markeredgewidth=1.8,
        )
        ax.axhline(0, color=style.INK, linewidth=0.6)
        ax.axvline(0, color=style.INK, linewidth=0.6)
        ax.set_xlim(lo, hi)
        ax.set_ylim(lo, hi)
        ax.set_aspect("equal")
        ax.set_title(f"({letter}) ρ = {fmt.num(p['rho'])}, least squares {vector(ols)}, t = {fmt.num(t)}", fontsize=9)
        ax.set_xlabel("w₁")
        ax.set_ylabel("w₂")
    handles, labels = axes[0, 0].get_legend_handles_labels()
    fig.legend(handles, labels, loc="outside lower center", ncol=5, fontsize=8, handletextpad=0.4, columnspacing=1.0)
    return fig


def _fig_map(g: dict):
    m = g["map"]
    top = g["panels"][MAP_CONFIG]["lambda_max"]
    fig = style.new_figure(7.2, 3.3)
    axes = fig.subplots(1, 2)
    for ax, kind, colour, dash, marker in (
        (axes[0], "lasso", style.VERMILLION, "solid", "s"),
        (axes[1], "ridge", style.BLUE, (0, (4, 2)), "o"),
    ):
        ax.plot(m[kind]["t"], m[kind]["lam"], color=colour, linestyle=dash, label="penalised path: t = ‖w(λ)‖")
        b = m["budgets"][kind]
        ax.plot(
            b["t"],
            b["lam"],
            marker=marker,
            linestyle="none",
            color=style.INK,
            markerfacecolor="none",
            markersize=7,
            label="constrained solve: λ from KKT",
        )
        ax.set_ylim(0, 2.0 * top)
        ax.set_xlim(0, None)
        ax.set_xlabel("budget t = ‖w‖₁" if kind == "lasso" else "budget t = ‖w‖₂")
        ax.set_ylabel("λ")
        ax.set_title("lasso: λ(0) = λmax is finite" if kind == "lasso" else "ridge: λ → ∞ as t → 0", fontsize=10)
        if kind == "lasso":
            ax.axhline(top, color=style.MUTED, linewidth=0.8, linestyle=(0, (1, 1.5)))
            ax.text(ax.get_xlim()[1], top, " λmax", color=style.MUTED, fontsize=8, va="bottom", ha="right")
        ax.legend(loc="upper right", fontsize=8)
    return fig


def _fig_zeros(z: dict):
    fig = style.new_figure(6.4, 3.4)
    ax = fig.add_subplot()
    x = z["fractions"]
    ax.plot(x, 100 * z["lasso"], color=style.VERMILLION, marker="s", label="lasso: weights exactly 0")
    ax.plot(
        x,
        100 * z["lasso_some"],
        color=style.ORANGE,
        marker="^",
        linestyle=(0, (5, 2)),
        label="lasso: problems with at least one 0",
    )
    ax.plot(
        x,
        100 * z["ridge"],
        color=style.BLUE,
        marker="o",
        markerfacecolor="none",
        linestyle=(0, (1, 1.5)),
        label="ridge: weights exactly 0 (none)",
    )
    ax.set_xlabel("λ / λmax")
    ax.set_ylabel("per cent")
    ax.set_ylim(-3, 103)
    ax.set_xlim(0, 1)
    ax.set_title(
        f"{ZERO_PROBLEMS} random problems, n = {ZERO_N}, p = {ZERO_P}, every true weight non-zero", fontsize=10
    )
    ax.legend(loc="center right", fontsize=8)
    return fig


STYLES = [
    (style.BLUE, "solid"),
    (style.VERMILLION, "solid"),
    (style.GREEN, "solid"),
    (style.PURPLE, "solid"),
    (style.ORANGE, "solid"),
    (style.SKY, (0, (5, 2))),
    (style.INK, (0, (5, 2))),
    (style.MUTED, (0, (5, 2))),
    (style.BLUE, (0, (1, 1.5))),
    (style.VERMILLION, (0, (1, 1.5))),
]


def _fig_paths(pa: dict, names):
    fig = style.new_figure(7.6, 4.0)
    axes = fig.subplots(1, 2)
    panels = ((axes[0], pa["lams"], pa["W"]), (axes[1], pa["ridge_lams"], pa["R"]))
    for ax, lams, W in panels:
        for j, (colour, dash) in enumerate(STYLES):
            ax.plot(lams, W[:, j], color=colour, linestyle=dash, linewidth=1.4)
        ax.set_xscale("log")
        ax.set_xlabel("λ (log scale)")
        ax.axhline(0, color=style.INK, linewidth=0.6)
        left = np.argmin(lams)
        spots = _spread(W[left], 0.055 * (W.max() - W.min()))
        for j, (colour, _) in enumerate(STYLES):
            ax.annotate(
                names[j],
                (lams[left], W[left, j]),
                # a fixed gap in points to the start of the paths, which are TEXT_CLEARANCE away
                xytext=(-6, spots[j]),
                textcoords=("offset points", "data"),
                color=colour,
                fontsize=8,
                ha="right",
                va="center",
                annotation_clip=False,
            )
        # Room for the labels left of the paths: a share of the log axis, so a wide λ range keeps it.
        span = lams.max() * 1.2 / lams.min()
        ax.set_xlim(lams.min() / span**0.2, lams.max() * 1.2)
    axes[0].axvline(pa["lam_max"], color=style.MUTED, linewidth=0.8, linestyle=(0, (1, 1.5)))
    axes[0].text(pa["lam_max"], axes[0].get_ylim()[1], "λmax ", color=style.MUTED, fontsize=8, ha="right", va="top")
    axes[0].set_ylabel("weight on the standardised feature")
    axes[0].set_title("lasso: exactly 0 above λmax, variables enter one by one", fontsize=9.5)
    axes[1].set_title("ridge: shrinks towards 0, never reaches it", fontsize=9.5)
    return fig


def _fig_choosing(c: dict):
    fig = style.new_figure(7.6, 3.9)
    axes = fig.subplots(1, 2)
    for ax, kind, title in (
        (axes[0], "ridge", f"ridge, quadratic model ({c['ridge']['p']} features)"),
        (axes[1], "lasso", "lasso, main effects (10 features)"),
    ):
        k = c[kind]
        lams, cv = k["lams"], k["cv"]
        ax.plot(lams, k["train"], color=style.BLUE, marker="o", markersize=3, label="training error")
        ax.errorbar(
            lams,
            cv["mean"],
            yerr=cv["se"],
            color=style.VERMILLION,
            linestyle=(0, (5, 2)),
            marker="s",
            markersize=3,
            capsize=2,
            elinewidth=0.8,
            label=f"{FOLDS}-fold CV error ± 1 SE",
        )
        ax.plot(
            lams, k["test"], color=style.GREEN, marker="^", markersize=3, linestyle=(0, (1, 1.2)), label="test error"
        )
        for which, text in (("best", "min"), ("one_se", "1 SE")):
            lam = lams[cv[which]]
            ax.axvline(lam, color=style.MUTED, linewidth=0.8, linestyle=(0, (1, 1.5)))
            ax.text(
                lam,
                0.98,
                f" {text} ",
                transform=ax.get_xaxis_transform(),
                color=style.MUTED,
                fontsize=8,
                ha="right" if which == "best" and cv["best"] != int(np.argmin(lams)) else "left",
                va="top",
            )
        ax.axhline(k["ols"]["test"], color=style.GREEN, linewidth=0.8, linestyle=(0, (6, 3)), label="test error, λ = 0")
        ax.set_xscale("log")
        ax.set_xlabel("λ (log scale)")
        ax.set_title(title, fontsize=10)
    axes[0].set_ylabel("mean squared error")
    axes[0].legend(loc="upper left", fontsize=8, bbox_to_anchor=(0.0, 0.93))
    return fig


def figures(r: dict) -> dict:
    return {
        "constraint-geometry": _fig_geometry(r["geometry"]),
        "penalty-budget-map": _fig_map(r["geometry"]),
        "exact-zero-rates": _fig_zeros(r["zeros"]),
        "diabetes-paths": _fig_paths(r["paths"], r["names"]),
        "choosing-lambda": _fig_choosing(r["choosing"]),
    }
