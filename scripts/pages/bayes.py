"""The Bayesian view: ridge and lasso as MAP estimates; the Laplace posterior mean and median are not sparse.

One standardised feature (x'x = n, mean zero) reduces everything to one dimension: the
likelihood of w is proportional to exp(-(w - z)^2 / (2 s^2)) with z the least-squares
estimate and s^2 = sigma^2 / n.  The posterior under a Laplace prior is integrated
numerically on a grid (numpy only); the tests compare with the closed form.
"""

from __future__ import annotations

import numpy as np

from scripts import fmt, solvers, style

SIGMA = 1.0  # noise standard deviation
N = 100  # examples
S = SIGMA / np.sqrt(N)  # standard error of the least-squares estimate z
LAM = 0.1  # site lambda, for both priors
Z_EXAMPLE = 0.06  # a least-squares estimate below the lasso threshold, for the posterior panel
Z_GRID = np.round(np.linspace(-0.4, 0.4, 321), 12)  # data values for the shrinkage curves (includes 0 and +-LAM)
GRID_POINTS = 4001  # integration nodes on each side of the kink at w = 0


def gaussian_prior_variance(lam: float, sigma: float = SIGMA, n: int = N) -> float:
    """tau^2 with lam = sigma^2 / (n tau^2)."""
    return sigma**2 / (n * lam)


def laplace_prior_scale(lam: float, sigma: float = SIGMA, n: int = N) -> float:
    """beta (density exp(-|w|/beta) / (2 beta)) with lam = sigma^2 / (n beta)."""
    return sigma**2 / (n * lam)


def _laplace_log_posterior(w, z: float, s: float, beta: float):
    return -((w - z) ** 2) / (2 * s**2) - np.abs(w) / beta


def laplace_posterior_grid(z: float, s: float = S, beta: float | None = None, points: int = GRID_POINTS):
    """Nodes and normalised density of the posterior of w given z, under a Laplace(beta) prior.

    The grid covers twelve standard errors beyond both z and 0, with a node exactly at the kink w = 0.
    """
    beta = laplace_prior_scale(LAM) if beta is None else beta
    lo, hi = min(z, 0.0) - 12 * s, max(z, 0.0) + 12 * s
    w = np.concatenate([np.linspace(lo, 0.0, points), np.linspace(0.0, hi, points)[1:]])
    log_density = _laplace_log_posterior(w, z, s, beta)
    density = np.exp(log_density - log_density.max())
    density /= np.trapezoid(density, w)
    return w, density


def laplace_posterior_summary(z: float, s: float = S, beta: float | None = None) -> dict[str, float]:
    """Posterior mean, median and mode (MAP) of w under a Laplace prior, by numerical integration."""
    beta = laplace_prior_scale(LAM) if beta is None else beta
    w, density = laplace_posterior_grid(z, s, beta)
    mean = float(np.trapezoid(w * density, w))
    cdf = np.concatenate([[0.0], np.cumsum((density[1:] + density[:-1]) / 2 * np.diff(w))])
    median = float(np.interp(0.5, cdf, w))
    return {
        "mean": mean,
        "median": median,
        "map": float(solvers.soft_threshold(z, s**2 / beta)),
        "p_negative": float(np.interp(0.0, w, cdf)),
    }


def ridge_posterior(z: float, lam: float = LAM, s: float = S) -> tuple[float, float]:
    """Mean (= median = MAP) and standard deviation of the Gaussian-prior posterior."""
    return z / (1 + lam), s / np.sqrt(1 + lam)


def compute() -> dict:
    tau2 = gaussian_prior_variance(LAM)
    beta = laplace_prior_scale(LAM)
    summaries = [laplace_posterior_summary(z, S, beta) for z in Z_GRID]
    curves = {k: np.array([s[k] for s in summaries]) for k in ("mean", "median", "map")}
    w_panel, laplace_panel = laplace_posterior_grid(Z_EXAMPLE, S, beta, points=301)
    ridge_mean, ridge_sd = ridge_posterior(Z_EXAMPLE)
    gauss_panel = np.exp(-((w_panel - ridge_mean) ** 2) / (2 * ridge_sd**2)) / (ridge_sd * np.sqrt(2 * np.pi))
    h = 1e-4
    slope_at_zero = (laplace_posterior_summary(h, S, beta)["mean"] - laplace_posterior_summary(-h, S, beta)["mean"]) / (
        2 * h
    )
    return {
        "tau2": tau2,
        "beta": beta,
        "curves": curves,
        "at_threshold": laplace_posterior_summary(LAM, S, beta),
        "at_half": laplace_posterior_summary(LAM / 2, S, beta),
        "at_example": laplace_posterior_summary(Z_EXAMPLE, S, beta),
        "at_far": laplace_posterior_summary(4 * LAM, S, beta),
        "slope_at_zero": slope_at_zero,
        "panel": {"w": w_panel, "laplace": laplace_panel, "gauss": gauss_panel},
        "ex2": laplace_posterior_summary(EX2["z"], S, laplace_prior_scale(EX2["lam"])),
    }


# Exercises
EX1 = {"sigma": 2.0, "n": 400, "tau": 0.5}
EX2 = {"beta": 0.05, "z": 0.15, "lam": SIGMA**2 / (N * 0.05)}
EX3 = {"z": 0.3}


def numbers(r: dict) -> dict[str, str]:
    curves = r["curves"]
    nonzero = Z_GRID != 0
    out = {
        "sigma": fmt.num(SIGMA),
        "n": fmt.integer(N),
        "s": fmt.num(S),
        "lam": fmt.num(LAM),
        "tau2": fmt.num(r["tau2"]),
        "tau": fmt.num(np.sqrt(r["tau2"])),
        "beta": fmt.num(r["beta"]),
        "laplace_var": fmt.num(2 * r["beta"] ** 2),
        "z_example": fmt.num(Z_EXAMPLE),
        "example.mean": fmt.num(r["at_example"]["mean"]),
        "example.median": fmt.num(r["at_example"]["median"]),
        "example.ridge": fmt.num(ridge_posterior(Z_EXAMPLE)[0]),
        "threshold.mean": fmt.num(r["at_threshold"]["mean"]),
        "threshold.median": fmt.num(r["at_threshold"]["median"]),
        "half.z": fmt.num(LAM / 2),
        "half.mean": fmt.num(r["at_half"]["mean"]),
        "far.z": fmt.num(4 * LAM),
        "far.mean": fmt.num(r["at_far"]["mean"]),
        "far.map": fmt.num(r["at_far"]["map"]),
        "far.gap": fmt.num(r["at_far"]["mean"] - r["at_far"]["map"], 2),
        "slope_at_zero": fmt.num(r["slope_at_zero"]),
        "grid_size": fmt.integer(len(Z_GRID)),
        "z_min": fmt.num(Z_GRID[0]),
        "z_max": fmt.num(Z_GRID[-1]),
        "grid_zero_maps": fmt.integer(int(np.sum(curves["map"] == 0))),
        "grid_nonzero": fmt.integer(int(np.sum(nonzero))),
        "grid_zero_maps_nonzero": fmt.integer(int(np.sum(curves["map"][nonzero] == 0))),
        "grid_zero_means": fmt.integer(int(np.sum(curves["mean"][nonzero] == 0))),
        "grid_min_abs_mean": fmt.num(float(np.abs(curves["mean"][nonzero]).min())),
        "ex1.sigma": fmt.num(EX1["sigma"]),
        "ex1.n": fmt.integer(EX1["n"]),
        "ex1.tau": fmt.num(EX1["tau"]),
        "ex1.lam": fmt.num(EX1["sigma"] ** 2 / (EX1["n"] * EX1["tau"] ** 2)),
        "ex2.beta": fmt.num(EX2["beta"]),
        "ex2.lam": fmt.num(EX2["lam"]),
        "ex2.z": fmt.num(EX2["z"]),
        "ex2.mean": fmt.num(r["ex2"]["mean"]),
        "ex3.z": fmt.num(EX3["z"]),
        "ex3.mean": fmt.num(ridge_posterior(EX3["z"])[0]),
        "ex3.sd": fmt.num(ridge_posterior(EX3["z"])[1]),
    }
    return out


# --------------------------------------------------------------------------- figures
def _prior_posterior_figure(r: dict):
    fig = style.new_figure(7.0, 4.3)
    left, right = fig.subplots(1, 2)
    w = np.linspace(-0.5, 0.5, 401)
    left.plot(w, w**2 / (2 * r["tau2"]), color=style.BLUE, label=f"Gaussian, τ² = {fmt.num(r['tau2'])}")
    left.plot(
        w,
        np.abs(w) / r["beta"],
        color=style.VERMILLION,
        linestyle=(0, (5, 2)),
        label=f"Laplace, scale {fmt.num(r['beta'])}",
    )
    left.set_xlabel("w")
    left.set_ylabel("−log prior (+ constant)")
    left.set_title("Negative log-priors = penalties", fontsize=10)
    left.legend(loc="upper center", bbox_to_anchor=(0.5, -0.18), fontsize=8.5)

    p = r["panel"]
    right.plot(p["w"], p["gauss"], color=style.BLUE, label="posterior, Gaussian prior")
    right.plot(p["w"], p["laplace"], color=style.VERMILLION, linestyle=(0, (5, 2)), label="posterior, Laplace prior")
    ex = r["at_example"]
    top = float(max(p["gauss"].max(), p["laplace"].max()))
    right.axvline(Z_EXAMPLE, color=style.MUTED, linewidth=0.8, linestyle=(0, (1, 1.5)))
    right.text(Z_EXAMPLE, top * 0.3, " z", color=style.MUTED, fontsize=10)
    right.plot(
        [ex["map"]],
        [float(np.interp(ex["map"], p["w"], p["laplace"]))],
        "v",
        color=style.VERMILLION,
        markersize=8,
        label=f"Laplace MAP = {fmt.num(ex['map'])}",
    )
    right.plot(
        [ex["mean"]],
        [float(np.interp(ex["mean"], p["w"], p["laplace"]))],
        "o",
        color=style.INK,
        markersize=6,
        label=f"Laplace mean = {fmt.num(ex['mean'])}",
    )
    right.set_xlim(-0.3, 0.4)
    right.set_xlabel("w")
    right.set_ylabel("posterior density")
    right.set_title(f"Posteriors for z = {fmt.num(Z_EXAMPLE)} (one feature)", fontsize=10)
    right.legend(loc="upper center", bbox_to_anchor=(0.5, -0.18), fontsize=8.5, ncol=1)
    return fig


def _shrinkage_curves_figure(r: dict):
    fig = style.new_figure(7.0, 3.6)
    axes = fig.subplots(1, 2)
    c = r["curves"]
    for ax, limit in zip(axes, (0.4, 0.15), strict=True):
        keep = np.abs(Z_GRID) <= limit + 1e-12
        z = Z_GRID[keep]
        ax.plot(z, z, color=style.MUTED, linewidth=0.8, linestyle=(0, (4, 2)), label="no shrinkage")
        ax.plot(z, z / (1 + LAM), color=style.BLUE, linewidth=1.2, label="Gaussian prior (all three)")
        ax.plot(z, c["map"][keep], color=style.VERMILLION, label="Laplace MAP (lasso)")
        ax.plot(z, c["mean"][keep], color=style.INK, linestyle=(0, (5, 2)), label="Laplace posterior mean")
        ax.plot(
            z,
            c["median"][keep],
            color=style.GREEN,
            linestyle=(0, (1, 1.2)),
            linewidth=2.2,
            label="Laplace posterior median",
        )
        for edge in (-LAM, LAM):
            ax.axvline(edge, color=style.MUTED, linewidth=0.8, linestyle=(0, (1, 2)))
        ax.set_xlabel("least-squares estimate z")
        ax.set_aspect("equal")
    axes[0].set_ylabel("estimate of w")
    axes[0].set_title("Shrinkage curves", fontsize=10)
    axes[1].set_title("Zoom: |z| ≤ λ and a little beyond", fontsize=10)
    axes[0].legend(loc="upper left", fontsize=7.5)
    return fig


def figures(r: dict) -> dict:
    return {
        "priors-and-posteriors": _prior_posterior_figure(r),
        "map-mean-median": _shrinkage_curves_figure(r),
    }
