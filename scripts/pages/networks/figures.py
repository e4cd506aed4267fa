"""The networks page's figures, drawn from the result with the site's style."""

from __future__ import annotations

import numpy as np

from scripts import style


def _fig_equal_fit(r):
    fit = r["fit"]
    fig = style.new_figure(7.6, 3.4)
    left, right = fig.subplots(1, 2)
    norms = [m["norm"] for m in fit["family"]]
    left.plot(norms, [m["test"] for m in fit["family"]], color=style.VERMILLION, label="test error")
    left.plot(norms, [m["train"] for m in fit["family"]], color=style.BLUE, linestyle="--", label="training error")
    for m, marker in ((fit["small"], "o"), (fit["big"], "s")):
        left.plot([m["norm"]], [m["test"]], marker=marker, color=style.INK, linestyle="none")
    left.axhline(fit["noise_var"], color=style.MUTED, linewidth=0.8, linestyle=":")
    # Just above its line, a fixed distance in points (15 % of the value, in data units, put it on the
    # training-error curve once the phone variant made the text larger).
    left.annotate(
        "noise level",
        (norms[-1], fit["noise_var"]),
        xytext=(0, 1),
        textcoords="offset points",
        color=style.MUTED,
        ha="right",
        va="bottom",
        fontsize=9,
    )
    left.set_xlabel("‖w‖₂ of an interpolating model")
    left.set_ylabel("mean squared error")
    left.set_title("Same training fit, growing norm")
    left.legend(loc="upper left")
    lam = [q["lam"] for q in fit["ridge"]]
    right.semilogx(lam, [q["test"] for q in fit["ridge"]], color=style.VERMILLION, label="test error")
    right.semilogx(lam, [q["train"] for q in fit["ridge"]], color=style.BLUE, linestyle="--", label="training error")
    best = fit["ridge_best"]
    right.plot([best["lam"]], [best["test"]], marker="D", color=style.INK, linestyle="none")
    right.set_xlabel("ridge strength λ")
    right.set_title("Ridge: too little and too much")
    right.legend(loc="upper left")
    return fig


def _fig_scale(r):
    net = r["net"]
    fig = style.new_figure(6.4, 3.6)
    ax = fig.add_subplot()
    ax.plot(net["x"][:, 0], net["y"], linestyle="none", marker=".", color=style.MUTED, label="training data")
    ax.plot(net["grid"], net["f"], color=style.BLUE, linewidth=3.2, label="trained network")
    ax.plot(net["grid"], net["f_correct"], color=style.ORANGE, linestyle="--", label="layer 1 ×2, layer 2 weights ÷2")
    ax.plot(
        net["grid"],
        net["f_literal"],
        color=style.VERMILLION,
        linestyle=(0, (5, 2, 1, 2)),
        label="layer 1 ×2, layer 2 weights and bias ÷2",
    )
    ax.set_xlabel("input x")
    ax.set_ylabel("network output")
    ax.set_title("Rescaling a ReLU network with two hidden layers")
    ax.legend(loc="upper left", fontsize=9)
    return fig


def _fig_paths(r):
    paths = r["paths"]
    fig = style.new_figure(6.4, 3.6)
    ax = fig.add_subplot()
    t = paths["t"]
    ax.plot(t, paths["permutation"], color=style.VERMILLION, label="straight line to a permuted copy")
    ax.plot(t, paths["scale_segment"], color=style.BLUE, linestyle="--", label="straight line to the ×2 / ÷2 copy")
    ax.plot(t, paths["scale_curve"], color=style.GREEN, linestyle=":", linewidth=2.4, label="rescaling curve c = 2ᵗ")
    ax.set_yscale("log")
    ax.set_ylim(top=20 * paths["permutation_max"])  # room for the legend above the bump
    ax.set_xlabel("position t along the path (0 = trained network, 1 = equivalent copy)")
    ax.set_ylabel("training loss")
    ax.set_title("Loss between two networks that compute the same function")
    ax.legend(loc="upper center", fontsize=9, ncols=2)
    return fig


def _fig_weight_decay(r):
    orbit, prod = r["orbit"], r["product"]
    fig = style.new_figure(7.6, 3.4)
    left, right = fig.subplots(1, 2)
    left.semilogx(orbit["c"], orbit["penalty"], color=style.BLUE, label="weight penalty")
    left.set_xticks([0.25, 0.5, 1, 2, 4], ["¼", "½", "1", "2", "4"])
    left.minorticks_off()
    marks = [
        (1.0, orbit["p1"], "o", "as trained"),
        (2.0, orbit["p2"], "s", "doubled"),
        (orbit["c_star"], orbit["p_star"], "D", "balanced"),
    ]
    for c, pen, marker, label in marks:
        left.plot([c], [pen], marker=marker, color=style.INK, linestyle="none", label=label)
    left.set_xlabel("rescaling factor c (function unchanged)")
    left.set_ylabel("½ Σ ‖W‖² (biases not penalised)")
    left.set_title("One function, many penalties")
    left.legend(loc="upper center", fontsize=9)
    c = prod["c"]
    right.plot(c, prod["min_penalty"], color=style.VERMILLION, label="min (a² + b²)/2 over a·b = c")
    right.plot(c, prod["l2_on_product"], color=style.BLUE, linestyle="--", label="c²/2 (L2 on the product)")
    right.set_xlabel("product c = a·b")
    right.set_title("L2 on factors = L1 on the product")
    right.set_ylim(0, 4.6)
    right.legend(loc="upper center", fontsize=9)
    return fig


def _fig_factored(r):
    fac = r["factored"]
    fig = style.new_figure(6.4, 3.4)
    ax = fig.add_subplot()
    j = np.arange(len(fac["beta"])) + 1
    ax.axhline(0, color=style.MUTED, linewidth=0.8)
    ax.plot(j - 0.15, fac["ridge"].w, marker="^", linestyle="none", color=style.BLUE, label="ridge on β (same λ)")
    ax.plot(j, fac["lasso"].w, marker="o", linestyle="none", markersize=9, color=style.ORANGE, label="lasso on β")
    ax.plot(
        j,
        fac["beta"],
        marker="x",
        linestyle="none",
        markersize=7,
        color=style.VERMILLION,
        label="β = u ⊙ v, L2 on u and v",
    )
    ax.plot(j + 0.15, fac["beta_true"], marker="_", linestyle="none", markersize=12, color=style.INK, label="true β")
    ax.set_xticks(j)
    ax.set_xlabel("feature j")
    ax.set_ylabel("coefficient βⱼ")
    ax.set_title("Weight decay on a factored linear model gives the lasso")
    ax.legend(loc="upper right", fontsize=9)
    return fig


def _fig_bias(r):
    bias = r["bias"]
    fig = style.new_figure(7.6, 3.4)
    left, right = fig.subplots(1, 2)
    K = bias["shifts"]
    left.plot(K, bias["free"][:, 1], color=style.BLUE, label="intercept not penalised")
    left.plot(K, bias["pen"][:, 1], color=style.VERMILLION, linestyle="--", label="intercept penalised")
    left.set_xlabel("constant K added to every target")
    left.set_ylabel("fitted slope w")
    left.set_title("The slope")
    left.legend(loc="upper left", fontsize=9)
    right.plot(K, bias["free"][:, 2], color=style.BLUE, label="intercept not penalised")
    right.plot(K, bias["pen"][:, 2], color=style.VERMILLION, linestyle="--", label="intercept penalised")
    right.set_xlabel("constant K added to every target")
    right.set_ylabel("training mean squared error")
    right.set_title("The fit")
    right.legend(loc="upper left", fontsize=9)
    return fig


def figures(r: dict) -> dict:
    return {
        "equal-fit-different-norms": _fig_equal_fit(r),
        "scale-symmetry-literal-vs-correct": _fig_scale(r),
        "loss-between-equivalent-networks": _fig_paths(r),
        "weight-decay-picks-one-rescaling": _fig_weight_decay(r),
        "factored-weight-decay-is-lasso": _fig_factored(r),
        "penalised-intercept-depends-on-origin": _fig_bias(r),
    }
