"""Closed forms and shrinkage: orthonormal designs (ridge, lasso, best subset) and ridge along principal directions."""

from __future__ import annotations

import itertools

import numpy as np

from scripts import fmt, solvers, style

SEED = 34
# Orthonormal design: X'X = n I in the site's convention (columns with mean 0 and variance 1, uncorrelated).
N_ORTHO, P_ORTHO = 50, 8
W_TRUE_ORTHO = np.array([2.0, -1.5, 1.0, 0.7, -0.45, 0.3, -0.15, 0.05])
NOISE_ORTHO = 0.7
LAM = 0.5  # ridge and lasso in the orthonormal example
M = 3  # best-subset size
LAM0 = 0.125  # an L0 penalty for the exercise: hard threshold sqrt(2 * LAM0)

# Correlated design for the principal-direction part.
N_PC, P_PC = 100, 6
LAMS_PC = np.logspace(-3, 3, 241)
LAMS_MARKED = np.array([0.001, 0.01, 0.1, 1.0, 10.0, 100.0, 1000.0])


# --------------------------------------------------------------------------- orthonormal design
def orthonormal_design(rng: np.random.Generator, n: int, p: int) -> np.ndarray:
    """Columns with mean 0, mean square 1 and zero correlation: X'X = n I."""
    Z = rng.normal(size=(n, p))
    Q, _ = np.linalg.qr(Z - Z.mean(axis=0))
    return np.sqrt(n) * Q


def ridge_closed_form(w_ols, lam):
    return np.asarray(w_ols) / (1 + lam)


def lasso_closed_form(w_ols, lam):
    return solvers.soft_threshold(w_ols, lam)


def best_subset_closed_form(w_ols, m: int):
    """Keep the m coefficients largest in absolute value (Table 3.4's hard threshold at |w_(m)|)."""
    w_ols = np.asarray(w_ols, dtype=float)
    threshold = np.sort(np.abs(w_ols))[::-1][m - 1]
    return np.where(np.abs(w_ols) >= threshold, w_ols, 0.0)


def best_subset_search(X, y, m: int):
    """Best subset of size m by exhaustive search: least squares on every subset, smallest RSS wins."""
    Xc, yc = X - X.mean(axis=0), y - y.mean()
    best, best_rss = None, np.inf
    for subset in itertools.combinations(range(X.shape[1]), m):
        cols = list(subset)
        coef, *_ = np.linalg.lstsq(Xc[:, cols], yc, rcond=None)
        rss = float(np.sum((yc - Xc[:, cols] @ coef) ** 2))
        if rss < best_rss:
            best_rss = rss
            best = np.zeros(X.shape[1])
            best[cols] = coef
    return best


# --------------------------------------------------------------------------- principal directions
def correlated_design(rng: np.random.Generator, n: int, p: int) -> np.ndarray:
    """Standardised features driven by two shared factors, so the spectrum is spread out."""
    factors = rng.normal(size=(n, 2))
    loadings = np.array([[1.0, 0.0], [0.9, 0.2], [0.8, -0.3], [0.0, 1.0], [0.2, 0.9], [0.0, 0.0]])
    X = factors @ loadings.T + rng.normal(size=(n, p)) * np.array([0.3, 0.3, 0.5, 0.4, 0.4, 1.0])
    return solvers.standardize(X)[0]


def spectrum(X) -> tuple[np.ndarray, np.ndarray]:
    """Singular values d_j of the centred X and the right singular vectors (columns of V)."""
    Xc = X - X.mean(axis=0)
    _, d, Vt = np.linalg.svd(Xc, full_matrices=False)
    return d, Vt.T


def shrinkage_factors(d, n: int, lam):
    """d_j^2 / (d_j^2 + n lam): how much ridge keeps of the least-squares fit along direction j."""
    d2 = np.asarray(d) ** 2
    lam = np.atleast_1d(lam)[:, None]
    return d2 / (d2 + n * lam)


def effective_df(d, n: int, lam):
    return shrinkage_factors(d, n, lam).sum(axis=1)


def hat_trace(X, lam: float) -> float:
    """Trace of the ridge hat matrix (weights only; the unpenalised intercept would add one)."""
    Xc = X - X.mean(axis=0)
    n, p = Xc.shape
    H = Xc @ np.linalg.solve(Xc.T @ Xc + n * lam * np.eye(p), Xc.T)
    return float(np.trace(H))


def lam_for_df(d, n: int, target: float) -> float:
    """The lam with df(lam) = target, by bisection on log(lam) (df decreases from p to 0)."""
    lo, hi = -12.0, 12.0
    for _ in range(200):
        mid = (lo + hi) / 2
        if effective_df(d, n, 10**mid)[0] > target:
            lo = mid
        else:
            hi = mid
    return float(10 ** ((lo + hi) / 2))


# --------------------------------------------------------------------------- compute
def compute() -> dict:
    rng = np.random.default_rng(SEED)
    X = orthonormal_design(rng, N_ORTHO, P_ORTHO)
    y = 1.0 + X @ W_TRUE_ORTHO + NOISE_ORTHO * rng.normal(size=N_ORTHO)
    w_ols = X.T @ (y - y.mean()) / N_ORTHO  # least squares, since X'X = n I and X has mean-zero columns
    numeric = {
        "ridge": solvers.ridge(X, y, LAM).w,
        "lasso": solvers.coordinate_descent(X, y, LAM).w,
        "subset": best_subset_search(X, y, M),
    }
    closed = {
        "ridge": ridge_closed_form(w_ols, LAM),
        "lasso": lasso_closed_form(w_ols, LAM),
        "subset": best_subset_closed_form(w_ols, M),
    }

    Xpc = correlated_design(rng, N_PC, P_PC)
    d, V = spectrum(Xpc)
    df_marked = np.array([hat_trace(Xpc, lam) for lam in LAMS_MARKED])
    return {
        "X": X,
        "y": y,
        "w_ols": w_ols,
        "numeric": numeric,
        "closed": closed,
        "Xpc": Xpc,
        "d": d,
        "V": V,
        "eigen": d**2 / N_PC,  # variances along the principal directions
        "factors": shrinkage_factors(d, N_PC, LAMS_PC),
        "df": effective_df(d, N_PC, LAMS_PC),
        "df_marked": df_marked,
        "lam_half_df": lam_for_df(d, N_PC, P_PC / 2),
    }


# --------------------------------------------------------------------------- numbers and tables


FLOOR = -12  # closed forms and solvers agree to rounding; its digits vary between machines


def numbers(r: dict) -> dict[str, str]:
    w = r["w_ols"]
    gap = max(float(np.abs(r["numeric"][k] - r["closed"][k]).max()) for k in r["closed"])
    eigen = r["eigen"]
    out = {
        "n": fmt.integer(N_ORTHO),
        "p": fmt.integer(P_ORTHO),
        "lam": fmt.num(LAM),
        "m": fmt.integer(M),
        "ridge_factor": fmt.num(1 / (1 + LAM)),
        "max_gap": fmt.power_bound(gap, FLOOR),
        "subset_threshold": fmt.num(np.sort(np.abs(w))[::-1][M - 1]),
        "lasso_zeros": fmt.integer(int(np.sum(r["numeric"]["lasso"] == 0))),
        "sqrt_n": fmt.num(np.sqrt(N_ORTHO)),
        "esl_lasso_lam": fmt.num(np.sqrt(N_ORTHO) * LAM),
        "pc.n": fmt.integer(N_PC),
        "pc.p": fmt.integer(P_PC),
        "pc.eigen": ", ".join(fmt.num(e) for e in eigen),
        "pc.eigen_max": fmt.num(eigen[0]),
        "pc.eigen_min": fmt.num(eigen[-1]),
        "pc.eigen_sum": fmt.num(eigen.sum()),
        "pc.factor_max_at1": fmt.num(eigen[0] / (eigen[0] + 1)),
        "pc.factor_min_at1": fmt.num(eigen[-1] / (eigen[-1] + 1)),
        "pc.df_at1": fmt.num(effective_df(r["d"], N_PC, 1.0)[0]),
        "pc.lam_half_df": fmt.num(r["lam_half_df"]),
        "pc.half_p": fmt.integer(P_PC // 2),
        "pc.trace_gap": fmt.power_bound(
            float(np.abs(r["df_marked"] - effective_df(r["d"], N_PC, LAMS_MARKED)).max()), FLOOR
        ),
    }
    # Exercise 1: feature four of the orthonormal example
    w4 = w[3]
    out["ex1.w"] = fmt.num(w4)
    out["ex1.ridge"] = fmt.num(w4 / (1 + LAM))
    out["ex1.lasso"] = fmt.num(float(lasso_closed_form(w4, LAM)))
    out["ex1.lam_zero"] = fmt.num(abs(w4))
    # Exercise 2: an ESL-style ridge lambda on n = 200 standardised examples
    out["ex2.lam_esl"] = fmt.num(EX2_LAM_ESL)
    out["ex2.n"] = fmt.integer(EX2_N)
    out["ex2.lam"] = fmt.num(EX2_LAM_ESL / EX2_N)
    # Exercise 3: L0 penalty
    out["ex3.lam0"] = fmt.num(LAM0)
    out["ex3.threshold"] = fmt.num(np.sqrt(2 * LAM0))
    out["ex3.kept"] = fmt.integer(int(np.sum(np.abs(w) > np.sqrt(2 * LAM0))))
    return out


EX2_LAM_ESL, EX2_N = 10.0, 200


def tables(r: dict) -> dict[str, str]:
    w, num = r["w_ols"], r["numeric"]
    rows = [
        [
            f"$w_{j + 1}$",
            fmt.fixed(W_TRUE_ORTHO[j], 2),
            fmt.fixed(w[j], 3),
            fmt.fixed(num["ridge"][j], 3),
            fmt.fixed(num["lasso"][j], 3),
            fmt.fixed(num["subset"][j], 3),
        ]
        for j in range(P_ORTHO)
    ]
    header = [
        "weight",
        "true",
        "least squares $\\hat w_j$",
        f"ridge, $\\lambda = {fmt.num(LAM)}$",
        f"lasso, $\\lambda = {fmt.num(LAM)}$",
        f"best subset, $M = {M}$",
    ]
    return {"orthonormal-estimates": fmt.table(header, rows)}


# --------------------------------------------------------------------------- figures
def _orthonormal_figure(r: dict):
    fig = style.new_figure(7.0, 3.0)
    axes = fig.subplots(1, 3, sharex=True, sharey=True)
    grid = np.linspace(-2.5, 2.5, 501)
    threshold = np.sort(np.abs(r["w_ols"]))[::-1][M - 1]
    panels = [
        ("ridge", "Ridge: ŵ/(1 + λ)", ridge_closed_form(grid, LAM), style.BLUE),
        ("lasso", "Lasso: soft threshold at λ", lasso_closed_form(grid, LAM), style.VERMILLION),
        (
            "subset",
            f"Best subset (M = {M})",
            np.where(np.abs(grid) >= threshold, grid, 0.0),
            style.GREEN,
        ),
    ]
    for ax, (key, title, curve, colour) in zip(axes, panels, strict=True):
        ax.plot(grid, grid, color=style.MUTED, linestyle=(0, (4, 2)), linewidth=1, label="least squares")
        if key == "subset":  # draw the jump as two pieces, not a vertical segment
            for side in (grid <= -threshold, np.abs(grid) < threshold, grid >= threshold):
                ax.plot(grid[side], curve[side], color=colour)
        else:
            ax.plot(grid, curve, color=colour)
        ax.plot(r["w_ols"], r["numeric"][key], "o", color=style.INK, markersize=4, label="solver, this data")
        ax.set_title(title, fontsize=9.5)
        ax.set_xlabel("least-squares estimate ŵⱼ")
        ax.set_aspect("equal")
    axes[0].set_ylabel("regularised estimate")
    axes[0].legend(loc="upper left", fontsize=8)
    fig.suptitle(f"Orthonormal design, λ = {fmt.num(LAM)}", fontsize=11)
    return fig


def _factor_figure(r: dict):
    fig = style.new_figure(6.4, 3.6)
    ax = fig.add_subplot()
    dashes = ["solid", (0, (5, 2)), (0, (1, 1.5)), (0, (5, 2, 1, 2)), (0, (3, 1)), (0, (8, 2))]
    colours = [style.BLUE, style.VERMILLION, style.GREEN, style.PURPLE, style.ORANGE, style.SKY]
    for j, e in enumerate(r["eigen"]):
        ax.plot(
            LAMS_PC,
            r["factors"][:, j],
            color=colours[j],
            linestyle=dashes[j],
            label=f"j = {j + 1}, d²/n = {fmt.num(e)}",
        )
        ax.plot([e], [0.5], "o", color=colours[j], markersize=5)
    ax.set_xscale("log")
    ax.set_xlabel("λ (site convention)")
    ax.set_ylabel("shrinkage factor dⱼ² / (dⱼ² + nλ)")
    ax.set_ylim(0, 1.02)
    ax.set_title("Ridge shrinks low-variance principal directions first")
    ax.legend(loc="center left", bbox_to_anchor=(1.01, 0.5), fontsize=8.5, title="direction")
    return fig


def _df_figure(r: dict):
    fig = style.new_figure(6.0, 3.6)
    ax = fig.add_subplot()
    ax.plot(LAMS_PC, r["df"], color=style.BLUE, label="Σ dⱼ² / (dⱼ² + nλ)")
    ax.plot(
        LAMS_MARKED,
        r["df_marked"],
        "s",
        color=style.VERMILLION,
        markersize=6,
        markerfacecolor="none",
        label="trace of the hat matrix",
    )
    ax.axhline(P_PC / 2, color=style.MUTED, linewidth=0.8, linestyle=(0, (4, 2)))
    ax.plot([r["lam_half_df"]], [P_PC / 2], "o", color=style.INK, markersize=5)
    ax.annotate(
        f"df = {P_PC // 2} at λ = {fmt.num(r['lam_half_df'])}",
        (r["lam_half_df"], P_PC / 2),
        xytext=(12, 10),
        textcoords="offset points",
        fontsize=9,
    )
    ax.set_xscale("log")
    ax.set_xlabel("λ (site convention)")
    ax.set_ylabel("effective degrees of freedom")
    ax.set_ylim(0, P_PC + 0.3)
    ax.set_title(f"Ridge uses between {P_PC} and 0 degrees of freedom")
    ax.legend(loc="upper right")
    return fig


def figures(r: dict) -> dict:
    return {
        "orthonormal-estimators": _orthonormal_figure(r),
        "principal-direction-shrinkage": _factor_figure(r),
        "effective-degrees-of-freedom": _df_figure(r),
    }


# Keys of numbers() that no page, erratum or lab quotes: the page's tests read them
# (tests/test_docs.py keeps this list exact).
INTERNAL_NUMBERS = frozenset(
    {
        "pc.eigen_max",
        "pc.eigen_min",
    }
)
