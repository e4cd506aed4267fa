"""Home page: one picture of the difference between the two penalties (lasso zeros, ridge shrinks)."""

from __future__ import annotations

import numpy as np

from scripts import fmt, solvers, style

SEED = 20
N, P = 50, 6
TRUE_W = np.array([3.0, -2.0, 1.5, 0.0, 0.0, 0.0])
GRID_POINTS = 60


def compute() -> dict:
    rng = np.random.default_rng(SEED)
    X, _, _ = solvers.standardize(rng.normal(size=(N, P)))
    y = X @ TRUE_W + rng.normal(scale=1.0, size=N)
    lmax = solvers.lambda_max(X, y)
    lams = lmax * np.logspace(0.3, -3, GRID_POINTS)
    lasso = solvers.path(X, y, lams)
    ridge = solvers.path(X, y, lams, alpha=0)
    middle = GRID_POINTS // 2
    return {
        "lams": lams,
        "lambda_max": lmax,
        "lasso": lasso,
        "ridge": ridge,
        "middle_lambda": lams[middle],
        "lasso_zeros_middle": int(np.sum(lasso[middle] == 0)),
        "ridge_zeros_any": int(np.sum(ridge == 0)),
    }


def numbers(r: dict) -> dict[str, str]:
    return {
        "n": fmt.integer(N),
        "p": fmt.integer(P),
        "lambda_max": fmt.num(r["lambda_max"]),
        "middle_lambda": fmt.num(r["middle_lambda"]),
        "lasso_zeros_middle": fmt.integer(r["lasso_zeros_middle"]),
        "ridge_zeros_any": fmt.integer(r["ridge_zeros_any"]),
    }


def figures(r: dict) -> dict:
    fig = style.new_figure(7.2, 3.2)
    axes = fig.subplots(1, 2, sharey=True)
    styles = ["solid", (0, (5, 2)), (0, (1, 1.5)), (0, (5, 2, 1, 2)), (0, (3, 1)), (0, (8, 2))]
    for ax, key, title in (
        (axes[0], "lasso", "Lasso (L1): weights hit exactly zero"),
        (axes[1], "ridge", "Ridge (L2): weights only shrink"),
    ):
        for j in range(P):
            ax.plot(r["lams"], r[key][:, j], linestyle=styles[j], color=style.CYCLE[j], label=f"w{j + 1}")
        ax.set_xscale("log")
        ax.axhline(0, color=style.MUTED, linewidth=0.8)
        ax.set_xlabel("λ (log scale)")
        ax.set_title(title)
    axes[0].axvline(r["lambda_max"], color=style.MUTED, linestyle=(0, (2, 2)), linewidth=1)
    axes[0].annotate(
        r"$\lambda_{\max}$", (r["lambda_max"], 2.6), xytext=(4, 0), textcoords="offset points", color=style.MUTED
    )
    axes[0].set_ylabel("fitted weight")
    axes[1].legend(loc="upper right", ncols=2, fontsize=8)
    return {"lasso-vs-ridge-paths": fig}
