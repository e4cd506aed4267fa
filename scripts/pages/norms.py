"""Norms, polynomial fits and model complexity: recomputes "Visualizing regularization and the L1 and L2 norms".

One small seeded data set (nine points, so that a degree-8 polynomial can pass through all
of them), three fits like the article's, their norms in several bases, the penalties and
their slopes, and ridge and lasso fitted to standardised degree-8 monomial features with
the shared solvers of ``scripts/solvers.py``.
"""

from __future__ import annotations

import numpy as np
from numpy.polynomial import legendre
from numpy.polynomial import polynomial as poly

from scripts import fmt, solvers, style

SEED = 2
N = 9  # training points: a degree-8 polynomial has 9 coefficients, so it can interpolate them
DEGREE = 8
N_TEST = 2000  # held-out points from the same distribution
SIGMA = 0.3  # noise standard deviation
X_MAX = 3.0  # x is a length in metres, between 0 and X_MAX
TRUTH = np.array([1.0, 1.2, -0.45])  # f(x) = 1 + 1.2 x - 0.45 x^2 (x in metres)
LASSO_FACTORS = np.logspace(0, -2, 13)  # lambda / lambda_max for the lasso path
RIDGE_FACTORS = np.logspace(1, -5, 31)  # lambda / lambda_max: leave-one-out choice and held-out error
RIDGE_PATH_FACTORS = np.logspace(0, -2, 41)  # lambda / lambda_max for the ridge path (the lasso's range)
SHOWN = (10**-0.5, 10**-1, 10**-2)  # lambda / lambda_max for the bar charts and curves
CD_TOL = 1e-9
DESCENT_FACTOR = 10**-1  # lambda / lambda_max for the gradient-descent demonstration
DESCENT_STEPS = 3000
DESCENT_SHOWN = 200  # iterations drawn
UNITS = {"m": 1.0, "cm": 100.0}  # metres -> unit factor
LABELS = ("a", "b", "c")
NAMES = {"a": "[a] degree 2", "b": "[b] degree 8, ridge", "c": "[c] degree 8, interpolating"}
SHORT = {"a": "[a] quadratic", "b": "[b] ridge", "c": "[c] interpolant"}
# the one-weight problem of the exercise: minimise 1/2 (w - z)^2 + lam P(w)
EXERCISE_LAM = 0.5
EXERCISE_Z = (0.3, 1.2)
EXERCISE_W = np.array([0.5, -2.0, 0.0, 1.5])


# ---------------------------------------------------------------------------- helpers
def vander(x, degree: int = DEGREE) -> np.ndarray:
    """Monomials 1, x, ..., x^degree as columns."""
    return np.vander(np.asarray(x, float), degree + 1, increasing=True)


def truth(x):
    return poly.polyval(x, TRUTH)


def in_units(coef: np.ndarray, factor: float) -> np.ndarray:
    """Monomial coefficients of the same curve when x is measured in units `factor` times smaller.

    With u = factor * x, c_k x^k = (c_k / factor^k) u^k.
    """
    return coef / factor ** np.arange(len(coef))


def pad(coef: np.ndarray, length: int = DEGREE + 1) -> np.ndarray:
    return np.concatenate([coef, np.zeros(length - len(coef))])


def to_monomials(b: float, w: np.ndarray, mean: np.ndarray, scale: np.ndarray) -> np.ndarray:
    """Coefficients c_0..c_8 of b + sum_k w_k (x^k - mean_k) / scale_k."""
    slopes = w / scale
    return np.concatenate([[b - slopes @ mean], slopes])


def standardised_weights(coef: np.ndarray, scale: np.ndarray) -> np.ndarray:
    """Weights on the standardised features x^k (k >= 1) of a monomial coefficient vector."""
    return coef[1:] * scale


def legendre_weights(coef: np.ndarray) -> np.ndarray:
    """Coefficients on Legendre polynomials of t = 2x/X_MAX - 1, scaled to mean square 1 on [0, X_MAX].

    Then sum_k c_k^2 is the mean of the curve squared over the interval (Parseval).
    """
    t = np.cos(np.linspace(0, np.pi, 4 * DEGREE + 1))  # Chebyshev points: exact fit, well conditioned
    values = poly.polyval((t + 1) * X_MAX / 2, coef)
    c = legendre.legfit(t, values, DEGREE)
    return c / np.sqrt(2 * np.arange(DEGREE + 1) + 1)


def roughness(coef: np.ndarray) -> float:
    """Integral of f''(x)^2 over [0, X_MAX]: a measure of wiggliness that does not depend on a basis."""
    second = poly.polyder(coef, 2)
    antider = poly.polyint(poly.polymul(second, second))
    return float(poly.polyval(X_MAX, antider) - poly.polyval(0.0, antider))


def norms(v: np.ndarray) -> dict:
    v = np.asarray(v, float)
    return {
        "l0": int(np.count_nonzero(v)),
        "l1": float(np.abs(v).sum()),
        "l2": float(np.sqrt(v @ v)),
        "sq": float(v @ v),
    }


def mse(y, pred) -> float:
    """Mean squared error as the article writes it: (1/n) sum of squared residuals (no factor 1/2)."""
    return float(np.mean((np.asarray(y) - pred) ** 2))


# ---------------------------------------------------------------------------- compute
def _data(rng):
    x = np.linspace(0.0, X_MAX, N)
    x[1:-1] += rng.uniform(-0.12, 0.12, N - 2)  # a slightly irregular grid, ends at 0 and X_MAX
    y = truth(x) + rng.normal(0.0, SIGMA, N)
    x_test = rng.uniform(0.0, X_MAX, N_TEST)
    y_test = truth(x_test) + rng.normal(0.0, SIGMA, N_TEST)
    return x, y, x_test, y_test


def _loo_ridge(Xs, y, lam):
    errors = []
    for i in range(len(y)):
        keep = np.arange(len(y)) != i
        fit = solvers.ridge(Xs[keep], y[keep], lam)
        errors.append((y[i] - fit.b - Xs[i] @ fit.w) ** 2)
    return float(np.mean(errors))


def compute() -> dict:
    rng = np.random.default_rng(SEED)
    x, y, x_test, y_test = _data(rng)
    features = vander(x)[:, 1:]  # x, x^2, ..., x^8 (the intercept is fitted separately)
    Xs, mean, scale = solvers.standardize(features)
    test_s = (vander(x_test)[:, 1:] - mean) / scale
    lam_max = solvers.lambda_max(Xs, y)

    # the three curves, all as degree-8 monomial coefficient vectors (x in metres)
    coef_a = pad(np.linalg.lstsq(vander(x, 2), y, rcond=None)[0])
    ridge_lams = lam_max * RIDGE_FACTORS
    loo = np.array([_loo_ridge(Xs, y, lam) for lam in ridge_lams])
    lam_b = float(ridge_lams[np.argmin(loo)])
    fit_b = solvers.ridge(Xs, y, lam_b)
    coef_b = to_monomials(fit_b.b, fit_b.w, mean, scale)
    coef_c = np.linalg.solve(vander(x), y)
    coefs = {"a": coef_a, "b": coef_b, "c": coef_c}

    fits = {}
    for k, c in coefs.items():
        metres = norms(c)
        fits[k] = {
            "coef": c,
            "train_mse": mse(y, vander(x) @ c),
            "test_mse": mse(y_test, vander(x_test) @ c),
            "norms": metres,  # the article's table: every coefficient, intercept included, x in metres
            "norms_no_intercept": norms(c[1:]),
            "roughness": roughness(c),
        }

    # the same three curves in other units and bases
    bases = {}
    for unit, factor in UNITS.items():
        bases[f"{unit}.with"] = {k: norms(in_units(c, factor)) for k, c in coefs.items()}
        bases[f"{unit}.without"] = {k: norms(in_units(c, factor)[1:]) for k, c in coefs.items()}
    bases["standardised"] = {k: norms(standardised_weights(c, scale)) for k, c in coefs.items()}
    bases["legendre"] = {k: norms(legendre_weights(c)[1:]) for k, c in coefs.items()}

    # ridge and lasso along a grid of lambda (standardised features, intercept not penalised)
    lasso_lams = lam_max * LASSO_FACTORS
    lasso_path = solvers.path(Xs, y, lasso_lams, tol=CD_TOL)
    ridge_path_lams = lam_max * RIDGE_PATH_FACTORS
    ridge_path = np.array([solvers.ridge(Xs, y, lam).w for lam in ridge_path_lams])

    def intercept(w):
        return float(y.mean() - Xs.mean(axis=0) @ w)

    shown = {}
    for method in ("ridge", "lasso"):
        for factor in SHOWN:
            lam = lam_max * factor
            if method == "ridge":
                fit = solvers.ridge(Xs, y, lam)
            else:  # the shown values of lambda are on the path's grid: reuse its solutions
                w = lasso_path[int(np.argmin(np.abs(LASSO_FACTORS - factor)))]
                fit = solvers.Fit(b=intercept(w), w=w)
            r = y - fit.b - Xs @ fit.w
            shown[(method, factor)] = {
                "lam": lam,
                "b": fit.b,
                "w": fit.w,
                "corr": Xs.T @ r / N,  # X'r/n: equals lam sign(w_j) on the support, |.| <= lam off it
                "kkt": solvers.kkt_violation(Xs, y, fit.b, fit.w, lam, alpha=1.0 if method == "lasso" else 0.0),
                "train_mse": mse(y, fit.b + Xs @ fit.w),
                "test_mse": mse(y_test, fit.b + test_s @ fit.w),
                "coef": to_monomials(fit.b, fit.w, mean, scale),
            }

    lasso_test = np.array([mse(y_test, intercept(w) + test_s @ w) for w in lasso_path])
    ridge_test = np.array(
        [mse(y_test, fit.b + test_s @ fit.w) for fit in (solvers.ridge(Xs, y, lam) for lam in ridge_lams)]
    )

    # plain subgradient descent with a fixed step versus the proximal step, same lambda and step
    lam_d = lam_max * DESCENT_FACTOR
    step = 1 / solvers.lipschitz(Xs)
    w_d = lasso_path[int(np.argmin(np.abs(LASSO_FACTORS - DESCENT_FACTOR)))]
    exact = solvers.Fit(b=intercept(w_d), w=w_d)
    sub = solvers.subgradient_descent(Xs, y, lam_d, step=step, n_iter=DESCENT_STEPS)
    ista = solvers.proximal_gradient(Xs, y, lam_d, step=step, n_iter=DESCENT_STEPS)

    # how stable is the lasso's choice of features? Drop each training point in turn, re-standardise,
    # and refit at the same lambda as the medium fit shown
    lam_loo = lam_max * SHOWN[1]
    loo_supports = []
    for i in range(N):
        keep = np.arange(N) != i
        X_k, _, _ = solvers.standardize(features[keep])
        loo_supports.append(solvers.coordinate_descent(X_k, y[keep], lam_loo, tol=CD_TOL).w != 0)

    grid = np.linspace(0.0, X_MAX, 301)
    return {
        "x": x,
        "y": y,
        "x_test": x_test,
        "y_test": y_test,
        "mean": mean,
        "scale": scale,
        "Xs": Xs,
        "lam_max": lam_max,
        "lam_b": lam_b,
        "ridge_lams": ridge_lams,
        "loo": loo,
        "fits": fits,
        "bases": bases,
        "lasso_lams": lasso_lams,
        "lasso_path": lasso_path,
        "lasso_test": lasso_test,
        "ridge_path": ridge_path,
        "ridge_path_lams": ridge_path_lams,
        "ridge_test": ridge_test,
        "shown": shown,
        "descent": {"lam": lam_d, "step": step, "exact": exact, "sub": sub.trace, "ista": ista.trace},
        "loo_supports": np.array(loo_supports),
        "grid": grid,
        "noise_var": SIGMA**2,
    }


# ---------------------------------------------------------------------------- numbers
ROUNDOFF = 1e-20  # the interpolant's training MSE is rounding noise: print a bound, not machine-dependent digits


def roundoff(x: float) -> str:
    """A value that is zero up to floating-point rounding, printed as a bound that any machine reproduces."""
    if not 0 <= x < ROUNDOFF:
        raise ValueError(f"{x!r} is not below the rounding bound {ROUNDOFF}")
    return f"< 10{fmt.integer(round(np.log10(ROUNDOFF))).translate(fmt.SUPERSCRIPT)}"


def sci(x: float, digits: int = 3) -> str:
    return fmt.sci(x, digits)


def _feature(j: int) -> str:
    """x, x², ... for feature index j = 0..7."""
    return "x" + ("" if j == 0 else str(j + 1).translate(fmt.SUPERSCRIPT))


def _support(w) -> str:
    return ", ".join(_feature(j) for j in np.flatnonzero(w)) or "none"


def _factor_key(factor: float) -> str:
    return {SHOWN[0]: "large", SHOWN[1]: "medium", SHOWN[2]: "small"}[factor]


def descent_summary(r: dict) -> dict:
    d = r["descent"]
    zero = np.flatnonzero(d["exact"].w == 0)
    tail = slice(DESCENT_STEPS // 2, None)  # second half of the run
    last_nonzero = [int(np.flatnonzero(d["ista"][:, j]).max()) for j in zero]
    return {
        "zero": zero,
        "sub_exact_zeros": int(np.sum(d["sub"][1:, zero] == 0)),
        "sub_amplitude": float(np.abs(d["sub"][tail][:, zero]).max()),
        "ista_exact_from": max(last_nonzero) + 1,
        "ista_support_matches": bool(np.array_equal(d["ista"][-1] != 0, d["exact"].w != 0)),
        "step_lam": d["step"] * d["lam"],
        "watched": int(zero[0]),
        "watched_ista_from": last_nonzero[0] + 1,
        "watched_sign_changes": int(np.sum(np.diff(np.sign(d["sub"][1:, zero[0]])) != 0)),
        "watched_max_abs": float(np.abs(d["sub"][tail, zero[0]]).max()),
    }


def numbers(r: dict) -> dict[str, str]:
    out = {
        "n": fmt.integer(N),
        "degree": fmt.integer(DEGREE),
        "params": fmt.integer(DEGREE + 1),
        "n_test": fmt.integer(N_TEST),
        "sigma": fmt.num(SIGMA),
        "noise_var": fmt.num(r["noise_var"]),
        "x_max": fmt.num(X_MAX),
        "seed": fmt.integer(SEED),
        "lam_max": fmt.num(r["lam_max"]),
        "lam_b": fmt.num(r["lam_b"]),
        "lam_b_ratio": fmt.num(r["lam_b"] / r["lam_max"]),
        "n_lasso": fmt.integer(len(LASSO_FACTORS)),
        "n_ridge": fmt.integer(len(RIDGE_FACTORS)),
        "ridge_min_factor": sci(RIDGE_FACTORS.min()),
        "ridge_max_factor": fmt.num(RIDGE_FACTORS.max()),
        "lasso_min_factor": fmt.num(LASSO_FACTORS.min()),
    }
    for k, fit in r["fits"].items():
        p = f"fit.{k}"
        out[f"{p}.train_mse"] = roundoff(fit["train_mse"]) if k == "c" else fmt.num(fit["train_mse"])
        out[f"{p}.test_mse"] = fmt.num(fit["test_mse"])
        out[f"{p}.l1"] = sci(fit["norms"]["l1"])
        out[f"{p}.l2"] = sci(fit["norms"]["l2"])
        out[f"{p}.sq"] = sci(fit["norms"]["sq"])
        out[f"{p}.roughness"] = sci(fit["roughness"])
        out[f"{p}.intercept"] = fmt.num(fit["coef"][0])
        out[f"{p}.top"] = sci(fit["coef"][DEGREE])
        out[f"{p}.top_cm"] = sci(in_units(fit["coef"], UNITS["cm"])[DEGREE])
        out[f"{p}.l0"] = fmt.integer(fit["norms"]["l0"])
        out[f"{p}.linf"] = sci(np.abs(fit["coef"]).max())
    fa, fc = r["fits"]["a"], r["fits"]["c"]
    out["ratio.test_c_over_a"] = fmt.num(fc["test_mse"] / fa["test_mse"])
    out["ratio.sq_c_over_a"] = sci(fc["norms"]["sq"] / fa["norms"]["sq"])
    out["ratio.rough_c_over_a"] = sci(fc["roughness"] / fa["roughness"])
    for basis, vals in r["bases"].items():
        for k, nm in vals.items():
            out[f"basis.{basis}.{k}.l1"] = sci(nm["l1"])
            out[f"basis.{basis}.{k}.l2"] = sci(nm["l2"])
        out[f"basis.{basis}.ratio_c_a"] = sci(vals["c"]["l2"] / vals["a"]["l2"])
    out["basis.spread_c"] = sci(
        max(v["c"]["l2"] for v in r["bases"].values()) / min(v["c"]["l2"] for v in r["bases"].values())
    )
    # penalties of one weight
    for w in (1.0, 2.0, 4.0):
        out[f"pen.sq.{fmt.num(w)}"] = fmt.num(w**2)
    out["pen.ratio_sq_10_11"] = fmt.num((11 / 10) ** 2)
    out["pen.ratio_exp"] = fmt.num(np.e)
    # lasso and ridge fits
    for (method, factor), s in r["shown"].items():
        p = f"{method}.{_factor_key(factor)}"
        out[f"{p}.lam"] = fmt.num(s["lam"])
        out[f"{p}.zeros"] = fmt.integer(int(np.sum(s["w"] == 0)))
        out[f"{p}.nonzero"] = fmt.integer(int(np.count_nonzero(s["w"])))
        out[f"{p}.support"] = _support(s["w"])
        out[f"{p}.test_mse"] = fmt.num(s["test_mse"])
        out[f"{p}.train_mse"] = fmt.num(s["train_mse"])
        out[f"{p}.min_abs_w"] = sci(np.abs(s["w"]).min())
        out[f"{p}.max_abs_corr_off"] = fmt.num(np.abs(s["corr"][s["w"] == 0]).max()) if np.any(s["w"] == 0) else "none"
    loo = r["loo_supports"]
    full = r["shown"][("lasso", SHOWN[1])]["w"] != 0
    out["lasso.loo.fits"] = fmt.integer(len(loo))
    out["lasso.loo.distinct"] = fmt.integer(len({tuple(s) for s in loo}))
    out["lasso.loo.same"] = fmt.integer(int(sum(np.array_equal(s, full) for s in loo)))
    out["fit.c.l2_first3"] = sci(np.linalg.norm(r["fits"]["c"]["coef"][:3]))
    out["lasso.path.first"] = _support(next(w for w in r["lasso_path"] if np.any(w)))
    out["lasso.path.left"] = ", ".join(_feature(j) for j in lasso_leavers(r)) or "none"
    out["lasso.path.max_nonzero"] = fmt.integer(int(max(np.count_nonzero(w) for w in r["lasso_path"])))
    out["ridge.path.min_abs_w"] = sci(np.abs(r["ridge_path"]).min())
    out["ridge.best_test"] = fmt.num(r["ridge_test"].min())
    out["lasso.best_test"] = fmt.num(r["lasso_test"].min())
    ridge_growth = ridge_nonmonotone(r)
    out["ridge.nonmonotone_count"] = fmt.integer(len(ridge_growth))
    out["ridge.nonmonotone_features"] = ", ".join(_feature(j) for j in ridge_growth) or "none"
    out["ridge.sign_change_count"] = fmt.integer(len(ridge_sign_changes(r)))
    # gradient descent demonstration
    d = descent_summary(r)
    out["descent.lam"] = fmt.num(r["descent"]["lam"])
    out["descent.step"] = fmt.num(r["descent"]["step"])
    out["descent.steps"] = fmt.integer(DESCENT_STEPS)
    out["descent.zero_count"] = fmt.integer(len(d["zero"]))
    out["descent.sub_exact_zeros"] = fmt.integer(d["sub_exact_zeros"])
    out["descent.sub_amplitude"] = fmt.num(d["sub_amplitude"])
    out["descent.step_lam"] = fmt.num(d["step_lam"])
    out["descent.ista_exact_from"] = fmt.integer(d["ista_exact_from"])
    out["descent.watched"] = _feature(d["watched"])
    out["descent.watched_ista_from"] = fmt.integer(d["watched_ista_from"])
    out["descent.watched_sign_changes"] = fmt.integer(d["watched_sign_changes"])
    out["descent.watched_max_abs"] = fmt.num(d["watched_max_abs"])
    out["descent.shown"] = fmt.integer(DESCENT_SHOWN)
    out["descent.support"] = _support(r["descent"]["exact"].w)
    # exercises
    lam, (z_small, z_big) = EXERCISE_LAM, EXERCISE_Z
    out["ex.lam"] = fmt.num(lam)
    out["ex.z_small"] = fmt.num(z_small)
    out["ex.z_big"] = fmt.num(z_big)
    out["ex.lasso_small"] = fmt.num(float(solvers.soft_threshold(z_small, lam)))
    out["ex.lasso_big"] = fmt.num(float(solvers.soft_threshold(z_big, lam)))
    out["ex.ridge_small"] = fmt.num(z_small / (1 + lam))
    out["ex.ridge_big"] = fmt.num(z_big / (1 + lam))
    ew = norms(EXERCISE_W)
    out["ex.w"] = "(" + ", ".join(fmt.num(v) for v in EXERCISE_W) + ")"
    out["ex.l0"] = fmt.integer(ew["l0"])
    out["ex.l1"] = fmt.num(ew["l1"])
    out["ex.l2"] = fmt.num(ew["l2"])
    out["ex.sq"] = fmt.num(ew["sq"])
    out["ex.linf"] = fmt.num(np.abs(EXERCISE_W).max())
    out["ex.top_factor"] = sci(UNITS["cm"] ** -DEGREE)
    return out


def ridge_nonmonotone(r: dict) -> list[int]:
    """Features whose ridge weight grows in size somewhere as lambda increases."""
    W = r["ridge_path"][::-1]  # RIDGE_PATH_FACTORS decreases: reversed, lambda increases down the rows
    grows = np.diff(np.abs(W), axis=0) > 1e-12
    return [j for j in range(W.shape[1]) if grows[:, j].any()]


def lasso_leavers(r: dict) -> list[int]:
    """Features that are non-zero at some lambda and exactly zero again at a smaller lambda."""
    W = r["lasso_path"]  # lambda decreases down the rows
    out = []
    for j in range(W.shape[1]):
        nz = W[:, j] != 0
        if nz.any() and not nz[np.argmax(nz) :].all():
            out.append(j)
    return out


def ridge_sign_changes(r: dict) -> list[int]:
    W = r["ridge_path"]
    return [j for j in range(W.shape[1]) if np.any(np.sign(W[1:, j]) != np.sign(W[:-1, j]))]


# ---------------------------------------------------------------------------- tables
def tables(r: dict) -> dict[str, str]:
    data = fmt.table(
        ["point", "$x$ (m)", "$y$"],
        [
            [fmt.integer(i + 1), fmt.fixed(xi, 3), fmt.fixed(yi, 3)]
            for i, (xi, yi) in enumerate(zip(r["x"], r["y"], strict=True))
        ],
        "rrr",
    )
    fits = fmt.table(
        [
            "curve",
            "training MSE",
            "held-out MSE",
            "$\\norm{c}_1$",
            "$\\norm{c}_2$",
            "$\\norm{c}_2^2$",
            "roughness",
        ],
        [
            [
                SHORT[k],
                roundoff(f["train_mse"]) if k == "c" else fmt.num(f["train_mse"]),
                fmt.num(f["test_mse"]),
                sci(f["norms"]["l1"]),
                sci(f["norms"]["l2"]),
                sci(f["norms"]["sq"]),
                sci(f["roughness"]),
            ]
            for k, f in r["fits"].items()
        ],
    )
    coef_rows = []
    for i in range(DEGREE + 1):
        coef_rows.append(
            [f"$x^{i}$" if i > 1 else ("$x$" if i == 1 else "$1$ (intercept)")]
            + [sci(r["fits"][k]["coef"][i]) for k in LABELS]
        )
    coefficients = fmt.table(["monomial", SHORT["a"], SHORT["b"], SHORT["c"]], coef_rows)
    basis_names = {
        "m.with": "monomials, $x$ in metres, intercept included",
        "m.without": "monomials, $x$ in metres, intercept left out",
        "cm.with": "monomials, $x$ in centimetres, intercept included",
        "cm.without": "monomials, $x$ in centimetres, intercept left out",
        "standardised": "standardised features $(x^k - \\text{mean}) / \\text{sd}$, no intercept",
        "legendre": "Legendre polynomials on the interval, no constant term",
    }
    basis = fmt.table(
        ["basis", *(SHORT[k] for k in LABELS), "ratio [c] / [a]"],
        [
            [
                basis_names[b],
                *(sci(r["bases"][b][k]["l2"]) for k in LABELS),
                sci(r["bases"][b]["c"]["l2"] / r["bases"][b]["a"]["l2"]),
            ]
            for b in basis_names
        ],
        "lrrrr",
    )
    s = r["shown"][("lasso", SHOWN[1])]
    kkt = fmt.table(
        ["feature", "lasso weight $w_j$", "$x_j\\trans r / n$", "condition"],
        [
            [
                _feature(j),
                fmt.fixed(s["w"][j], 4) if s["w"][j] != 0 else "0 (exactly)",
                fmt.fixed(s["corr"][j], 4),
                "equals $\\lambda \\sign(w_j)$" if s["w"][j] != 0 else "inside $[-\\lambda, \\lambda]$, so $w_j = 0$",
            ]
            for j in range(DEGREE)
        ],
        "lrrl",
    )
    return {
        "data": data,
        "three-fits": fits,
        "coefficients": coefficients,
        "norms-by-basis": basis,
        "subgradient-check": kkt,
    }


# ---------------------------------------------------------------------------- figures
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
    ax.plot(grid, truth(grid), color=style.MUTED, linewidth=1.0, linestyle=(0, (6, 3)), label="true curve")
    for k in LABELS:
        ax.plot(grid, poly.polyval(grid, r["fits"][k]["coef"]), label=NAMES[k], **CURVE_STYLE[k])
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
    lam = 1.0
    z = np.linspace(-3, 3, 241)
    ax.axvspan(-lam, lam, color=style.SKY, alpha=0.18, linewidth=0)
    ax.text(0, 2.4, "lasso gives exactly 0\nwhen |z| ≤ λ", ha="center", fontsize=8.5, color=style.INK)
    ax.plot(z, z, color=style.MUTED, linewidth=1.0, linestyle=(0, (6, 3)), label="no penalty: w = z")
    ax.plot(z, solvers.soft_threshold(z, lam), color=style.BLUE, label="lasso: w = sign(z) max(|z| − λ, 0)")
    ax.plot(z, z / (1 + lam), color=style.VERMILLION, linestyle=(0, (5, 2)), label="ridge: w = z / (1 + λ)")
    ax.set_xlabel("z (the unpenalised solution)")
    ax.set_ylabel("minimiser w")
    ax.set_title("One weight, λ = 1: minimise ½(w − z)² + λ P(w)")
    ax.legend(loc="lower right", fontsize=8)
    return fig


def _fig_descent(r):
    d = r["descent"]
    j = descent_summary(r)["watched"]
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
    left.set_ylabel(f"weight of {_feature(j)} (standardised)")
    left.set_title(f"Weight of {_feature(j)}: the solution is exactly 0")
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
    axes[1].set_xticks(xpos, [_feature(j) for j in range(DEGREE)])
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
                poly.polyval(grid, s["coef"]),
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
            ax.plot(lams, W[:, j], color=colours[j], linestyle=dashes[j % 4], linewidth=1.4, label=_feature(j))
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
