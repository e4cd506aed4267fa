"""Every computation of the norms page: one function and one constant block per experiment.

``compute()`` calls them in order and collects one result dict; ``text.py`` and
``figures.py`` only read it.
"""

from __future__ import annotations

import numpy as np
from numpy.polynomial import legendre
from numpy.polynomial import polynomial as poly

from scripts import solvers

# ---------------------------------------------------------------------------- the data set
SEED = 2  # the only random experiment: the data draws
N = 9  # training points: a degree-8 polynomial has 9 coefficients, so it can interpolate them
DEGREE = 8
N_TEST = 2000  # held-out points from the same distribution
SIGMA = 0.3  # noise standard deviation
X_MAX = 3.0  # x is a length in metres, between 0 and X_MAX
TRUTH = np.array([1.0, 1.2, -0.45])  # f(x) = 1 + 1.2 x - 0.45 x^2 (x in metres)
GRID_POINTS = 301  # where curves are drawn

# ---------------------------------------------------------------------------- the three fits
RIDGE_FACTORS = np.logspace(1, -5, 31)  # lambda / lambda_max: leave-one-out choice and held-out error
LABELS = ("a", "b", "c")

# ---------------------------------------------------------------------------- units and bases
UNITS = {"m": 1.0, "cm": 100.0}  # metres -> unit factor

# ---------------------------------------------------------------------------- ridge and lasso paths
LASSO_FACTORS = np.logspace(0, -2, 13)  # lambda / lambda_max for the lasso path
RIDGE_PATH_FACTORS = np.logspace(0, -2, 41)  # lambda / lambda_max for the ridge path (the lasso's range)
SHOWN = (10**-0.5, 10**-1, 10**-2)  # lambda / lambda_max for the bar charts and curves
SHOWN_NAMES = ("large", "medium", "small")
CD_TOL = 1e-9
STRICT_MARGIN = 1e-9  # |x_j'r|/n counts as strictly below lambda only by more than solver tolerance
GROWTH_TOL = 1e-12  # a ridge weight "grows" only by more than rounding

# ---------------------------------------------------------------------------- descent demonstration
DESCENT_FACTOR = 10**-1  # lambda / lambda_max for the gradient-descent demonstration
DESCENT_STEPS = 3000
DESCENT_SHOWN = 200  # iterations drawn

# ---------------------------------------------------------------------------- penalties of one weight
PENALTY_WEIGHTS = (1.0, 2.0, 4.0)
PENALTY_STEP = (10.0, 11.0)  # w^2 from one weight to the next, against an exponential's factor e

# ---------------------------------------------------------------------------- one weight, drawn
ONE_WEIGHT_LAM = 1.0
ONE_WEIGHT_Z = np.linspace(-3, 3, 241)

# ---------------------------------------------------------------------------- when is a ridge weight always 0?
# Exact constructions on orthonormal, centred directions q1..q4 (features standardised, divisor n):
# [a] x1, x2 correlated with each other, both uncorrelated with y and x3: w1 = w2 = 0 at every lambda;
# [b] x1 uncorrelated with y but correlated with x2, which y depends on: w1 != 0 at every lambda.
RIDGE_ZERO_SEED = 7
RIDGE_ZERO_N = 20
RIDGE_ZERO_RHO = 0.6  # correlation of x1 and x2
RIDGE_ZERO_LAMS = np.logspace(-3, 3, 61)
RIDGE_ZERO_FLOOR = -12  # rounding level for "exactly zero"

# ---------------------------------------------------------------------------- exercises
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
        "linf": float(np.abs(v).max()),
    }


def mse(y, pred) -> float:
    """Mean squared error as the article writes it: (1/n) sum of squared residuals (no factor 1/2)."""
    return float(np.mean((np.asarray(y) - pred) ** 2))


def _intercept(Xs, y, w) -> float:
    return float(y.mean() - Xs.mean(axis=0) @ w)


def _nearest(factors: np.ndarray, factor: float) -> int:
    return int(np.argmin(np.abs(factors - factor)))


# ---------------------------------------------------------------------------- analyses of a path
def ridge_nonmonotone(ridge_path: np.ndarray) -> list[int]:
    """Features whose ridge weight grows in size somewhere as lambda increases.

    ``ridge_path`` has one row per lambda of RIDGE_PATH_FACTORS (decreasing lambda).
    """
    W = ridge_path[::-1]  # reversed: lambda increases down the rows
    grows = np.diff(np.abs(W), axis=0) > GROWTH_TOL
    return [j for j in range(W.shape[1]) if grows[:, j].any()]


def lasso_leavers(lasso_path: np.ndarray) -> list[int]:
    """Features that are non-zero at some lambda and exactly zero again at a smaller lambda."""
    W = lasso_path  # lambda decreases down the rows
    out = []
    for j in range(W.shape[1]):
        nz = W[:, j] != 0
        if nz.any() and not nz[np.argmax(nz) :].all():
            out.append(j)
    return out


def ridge_sign_changes(ridge_path: np.ndarray) -> list[int]:
    W = ridge_path
    return [j for j in range(W.shape[1]) if np.any(np.sign(W[1:, j]) != np.sign(W[:-1, j]))]


def descent_summary(descent: dict) -> dict:
    """Where subgradient descent and the proximal step stand on the weights the solution sets to 0."""
    zero = np.flatnonzero(descent["exact"].w == 0)
    tail = slice(DESCENT_STEPS // 2, None)  # second half of the run
    last_nonzero = [int(np.flatnonzero(descent["ista"][:, j]).max()) for j in zero]
    return {
        "zero": zero,
        "sub_exact_zeros": int(np.sum(descent["sub"][1:, zero] == 0)),
        "sub_amplitude": float(np.abs(descent["sub"][tail][:, zero]).max()),
        "ista_exact_from": max(last_nonzero) + 1,
        "ista_support_matches": bool(np.array_equal(descent["ista"][-1] != 0, descent["exact"].w != 0)),
        "step_lam": descent["step"] * descent["lam"],
        "watched": int(zero[0]),
        "watched_ista_from": last_nonzero[0] + 1,
        "watched_sign_changes": int(np.sum(np.diff(np.sign(descent["sub"][1:, zero[0]])) != 0)),
        "watched_max_abs": float(np.abs(descent["sub"][tail, zero[0]]).max()),
        "support": np.flatnonzero(descent["exact"].w).tolist(),
    }


# ---------------------------------------------------------------------------- experiments
def make_data() -> dict:
    """Nine training points on a slightly irregular grid, and a large held-out sample."""
    rng = np.random.default_rng(SEED)
    x = np.linspace(0.0, X_MAX, N)
    x[1:-1] += rng.uniform(-0.12, 0.12, N - 2)  # a slightly irregular grid, ends at 0 and X_MAX
    y = truth(x) + rng.normal(0.0, SIGMA, N)
    x_test = rng.uniform(0.0, X_MAX, N_TEST)
    y_test = truth(x_test) + rng.normal(0.0, SIGMA, N_TEST)
    return {"x": x, "y": y, "x_test": x_test, "y_test": y_test}


def make_design(data: dict) -> dict:
    """Standardised monomial features x, ..., x^8 (the intercept is fitted separately)."""
    features = vander(data["x"])[:, 1:]
    Xs, mean, scale = solvers.standardize(features)
    test_s = (vander(data["x_test"])[:, 1:] - mean) / scale
    return {"features": features, "Xs": Xs, "mean": mean, "scale": scale, "test_s": test_s}


def _loo_ridge(Xs, y, lam):
    errors = []
    for i in range(len(y)):
        keep = np.arange(len(y)) != i
        fit = solvers.ridge(Xs[keep], y[keep], lam)
        errors.append((y[i] - fit.b - Xs[i] @ fit.w) ** 2)
    return float(np.mean(errors))


def three_fits(data: dict, design: dict, lam_max: float) -> dict:
    """[a] least-squares quadratic, [b] degree 8 with ridge chosen by leave-one-out, [c] the interpolant."""
    x, y, x_test, y_test = data["x"], data["y"], data["x_test"], data["y_test"]
    Xs, mean, scale = design["Xs"], design["mean"], design["scale"]
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
        fits[k] = {
            "coef": c,
            "train_mse": mse(y, vander(x) @ c),
            "test_mse": mse(y_test, vander(x_test) @ c),
            "norms": norms(c),  # the article's table: every coefficient, intercept included, x in metres
            "norms_no_intercept": norms(c[1:]),
            "roughness": roughness(c),
            "top_cm": float(in_units(c, UNITS["cm"])[DEGREE]),
        }
    fa, fc = fits["a"], fits["c"]
    ratios = {
        "test_c_over_a": fc["test_mse"] / fa["test_mse"],
        "sq_c_over_a": fc["norms"]["sq"] / fa["norms"]["sq"],
        "rough_c_over_a": fc["roughness"] / fa["roughness"],
        "c_l2_first3": float(np.linalg.norm(coef_c[:3])),
    }
    return {
        "ridge_lams": ridge_lams,
        "loo": loo,
        "lam_b": lam_b,
        "lam_b_ratio": lam_b / lam_max,
        "fits": fits,
        "ratios": ratios,
    }


def norms_by_basis(fits: dict, scale: np.ndarray) -> dict:
    """The same three curves' norms in other units and bases, and the ratio [c] / [a] in each."""
    coefs = {k: f["coef"] for k, f in fits.items()}
    bases = {}
    for unit, factor in UNITS.items():
        bases[f"{unit}.with"] = {k: norms(in_units(c, factor)) for k, c in coefs.items()}
        bases[f"{unit}.without"] = {k: norms(in_units(c, factor)[1:]) for k, c in coefs.items()}
    bases["standardised"] = {k: norms(standardised_weights(c, scale)) for k, c in coefs.items()}
    bases["legendre"] = {k: norms(legendre_weights(c)[1:]) for k, c in coefs.items()}
    ratio_c_a = {b: vals["c"]["l2"] / vals["a"]["l2"] for b, vals in bases.items()}
    c_l2 = [v["c"]["l2"] for v in bases.values()]
    return {"bases": bases, "ratio_c_a": ratio_c_a, "spread_c": max(c_l2) / min(c_l2)}


def paths(data: dict, design: dict, lam_max: float) -> dict:
    """Ridge and lasso along a grid of lambda (standardised features, intercept not penalised)."""
    y = data["y"]
    Xs = design["Xs"]
    lasso_lams = lam_max * LASSO_FACTORS
    lasso_path = solvers.path(Xs, y, lasso_lams, tol=CD_TOL)
    ridge_path_lams = lam_max * RIDGE_PATH_FACTORS
    ridge_path = np.array([solvers.ridge(Xs, y, lam).w for lam in ridge_path_lams])
    return {
        "lasso_lams": lasso_lams,
        "lasso_path": lasso_path,
        "ridge_path": ridge_path,
        "ridge_path_lams": ridge_path_lams,
        "first_support": np.flatnonzero(next(w for w in lasso_path if np.any(w))).tolist(),
        "leavers": lasso_leavers(lasso_path),
        "max_nonzero": int(max(np.count_nonzero(w) for w in lasso_path)),
        "ridge_min_abs_w": float(np.abs(ridge_path).min()),
        "ridge_nonmonotone": ridge_nonmonotone(ridge_path),
        "ridge_sign_changes": ridge_sign_changes(ridge_path),
    }


def shown_fits(data: dict, design: dict, lam_max: float, lasso_path: np.ndarray) -> dict:
    """Ridge and lasso at the three lambdas of the bar charts, with their subgradient check."""
    y, y_test = data["y"], data["y_test"]
    Xs, mean, scale, test_s = design["Xs"], design["mean"], design["scale"], design["test_s"]
    shown = {}
    for method in ("ridge", "lasso"):
        for factor in SHOWN:
            lam = lam_max * factor
            if method == "ridge":
                fit = solvers.ridge(Xs, y, lam)
            else:  # the shown values of lambda are on the path's grid: reuse its solutions
                w = lasso_path[_nearest(LASSO_FACTORS, factor)]
                fit = solvers.Fit(b=_intercept(Xs, y, w), w=w)
            r = y - fit.b - Xs @ fit.w
            inner = Xs.T @ r / N  # x_j'r/n, an inner product: lam sign(w_j) on the support, |.| <= lam off it
            zero = fit.w == 0
            shown[(method, factor)] = {
                "lam": lam,
                "b": fit.b,
                "w": fit.w,
                "inner": inner,
                "kkt": solvers.kkt_violation(Xs, y, fit.b, fit.w, lam, alpha=1.0 if method == "lasso" else 0.0),
                "train_mse": mse(y, fit.b + Xs @ fit.w),
                "test_mse": mse(y_test, fit.b + test_s @ fit.w),
                "coef": to_monomials(fit.b, fit.w, mean, scale),
                "zeros": int(np.sum(zero)),
                "nonzero": int(np.count_nonzero(fit.w)),
                "support": np.flatnonzero(fit.w).tolist(),
                "min_abs_w": float(np.abs(fit.w).min()),
                "max_abs_inner_off": float(np.abs(inner[zero]).max()) if np.any(zero) else None,
                # |x_j'r|/n < lam forces w_j = 0; at equality the weight may be zero or not
                "strictly_inside": np.abs(inner) < lam * (1 - STRICT_MARGIN),
            }
    return shown


def held_out(data: dict, design: dict, three: dict, path: dict) -> dict:
    """Held-out error along the ridge (leave-one-out grid) and lasso paths."""
    y, y_test = data["y"], data["y_test"]
    Xs, test_s = design["Xs"], design["test_s"]
    lasso_test = np.array([mse(y_test, _intercept(Xs, y, w) + test_s @ w) for w in path["lasso_path"]])
    ridge_test = np.array(
        [mse(y_test, fit.b + test_s @ fit.w) for fit in (solvers.ridge(Xs, y, lam) for lam in three["ridge_lams"])]
    )
    return {
        "lasso_test": lasso_test,
        "ridge_test": ridge_test,
        "ridge_best": float(ridge_test.min()),
        "lasso_best": float(lasso_test.min()),
    }


def descent(data: dict, design: dict, lam_max: float, lasso_path: np.ndarray) -> dict:
    """Plain subgradient descent with a fixed step against the proximal step, same lambda and step."""
    y, Xs = data["y"], design["Xs"]
    lam_d = lam_max * DESCENT_FACTOR
    step = 1 / solvers.lipschitz(Xs)
    w_d = lasso_path[_nearest(LASSO_FACTORS, DESCENT_FACTOR)]
    exact = solvers.Fit(b=_intercept(Xs, y, w_d), w=w_d)
    sub = solvers.subgradient_descent(Xs, y, lam_d, step=step, n_iter=DESCENT_STEPS)
    ista = solvers.proximal_gradient(Xs, y, lam_d, step=step, n_iter=DESCENT_STEPS)
    out = {"lam": lam_d, "step": step, "exact": exact, "sub": sub.trace, "ista": ista.trace}
    out["summary"] = descent_summary(out)
    return out


def lasso_stability(data: dict, design: dict, lam_max: float, full_w: np.ndarray) -> dict:
    """Drop each training point in turn, re-standardise, and refit the lasso at the medium lambda."""
    features, y = design["features"], data["y"]
    lam_loo = lam_max * SHOWN[1]
    supports = []
    for i in range(N):
        keep = np.arange(N) != i
        X_k, _, _ = solvers.standardize(features[keep])
        supports.append(solvers.coordinate_descent(X_k, y[keep], lam_loo, tol=CD_TOL).w != 0)
    supports = np.array(supports)
    full = full_w != 0
    return {
        "supports": supports,
        "fits": len(supports),
        "distinct": len({tuple(s) for s in supports}),
        "same": int(sum(np.array_equal(s, full) for s in supports)),
    }


def penalties() -> dict:
    """Penalties of one weight: w^2 at a few weights, and its growth factor against e."""
    w0, w1 = PENALTY_STEP
    return {
        "sq": {w: w**2 for w in PENALTY_WEIGHTS},
        "ratio_sq_step": (w1 / w0) ** 2,
        "ratio_exp": float(np.e),
    }


def krylov_terms(S: np.ndarray, c: np.ndarray) -> np.ndarray:
    """Rows m = 0..p-1 of S^m c: ridge weight j is 0 at every lambda exactly when column j is all zero.

    (S + lam I)^-1 c is a polynomial in S applied to c, whose coefficients vary freely with lambda.
    """
    out, v = [], np.asarray(c, float)
    for _ in range(len(c)):
        out.append(v)
        v = S @ v
    return np.array(out)


def ridge_zero_condition() -> dict:
    """Two exact data sets showing what makes a ridge weight zero for every lambda, and what does not."""
    n, rho = RIDGE_ZERO_N, RIDGE_ZERO_RHO
    rng = np.random.default_rng(RIDGE_ZERO_SEED)
    Q, _ = np.linalg.qr(np.column_stack([np.ones(n), rng.normal(size=(n, 4))]))
    q = Q[:, 1:] * np.sqrt(n)  # mean 0 (orthogonal to the constant), variance 1 with divisor n
    X = np.column_stack([q[:, 0], rho * q[:, 0] + np.sqrt(1 - rho**2) * q[:, 1], q[:, 2]])
    targets = {"a": 1 + 2 * q[:, 2] + 0.5 * q[:, 3], "b": 1 + 2 * q[:, 1] + q[:, 2]}
    out = {"corr_x1_x2": float(np.corrcoef(X[:, 0], X[:, 1])[0, 1])}
    for case, y in targets.items():
        W = np.array([solvers.ridge(X, y, lam).w for lam in RIDGE_ZERO_LAMS])
        Xc, yc = X - X.mean(0), y - y.mean()
        K = krylov_terms(Xc.T @ Xc / n, Xc.T @ yc / n)
        out[case] = {
            "X": X,
            "y": y,
            "W": W,
            "corr_x1_y": float(np.corrcoef(X[:, 0], y)[0, 1]),
            "max_abs_w1": float(np.abs(W[:, 0]).max()),
            "min_abs_w1": float(np.abs(W[:, 0]).min()),
            "max_abs_w2": float(np.abs(W[:, 1]).max()),
            "krylov_x1": K[:, 0],
        }
    return out


def one_weight() -> dict:
    """The minimiser of 1/2 (w - z)^2 + lam P(w) as a function of z, for both penalties."""
    z, lam = ONE_WEIGHT_Z, ONE_WEIGHT_LAM
    return {"lam": lam, "z": z, "lasso": solvers.soft_threshold(z, lam), "ridge": z / (1 + lam)}


def curves(fits: dict, shown: dict, grid: np.ndarray) -> dict:
    """The true curve, the three fits and the shown ridge and lasso fits on the drawing grid."""
    out = {"truth": truth(grid), **{k: poly.polyval(grid, f["coef"]) for k, f in fits.items()}}
    for s in shown.values():
        s["curve"] = poly.polyval(grid, s["coef"])
    return out


def exercises() -> dict:
    """The one-weight problem solved for both penalties, and the norms of the exercise vector."""
    lam, (z_small, z_big) = EXERCISE_LAM, EXERCISE_Z
    return {
        "lasso_small": float(solvers.soft_threshold(z_small, lam)),
        "lasso_big": float(solvers.soft_threshold(z_big, lam)),
        "ridge_small": z_small / (1 + lam),
        "ridge_big": z_big / (1 + lam),
        "norms": norms(EXERCISE_W),
        "top_factor": UNITS["cm"] ** -DEGREE,
    }


def compute() -> dict:
    data = make_data()
    design = make_design(data)
    lam_max = solvers.lambda_max(design["Xs"], data["y"])
    three = three_fits(data, design, lam_max)
    path = paths(data, design, lam_max)
    shown = shown_fits(data, design, lam_max, path["lasso_path"])
    grid = np.linspace(0.0, X_MAX, GRID_POINTS)
    return {
        **data,
        "mean": design["mean"],
        "scale": design["scale"],
        "Xs": design["Xs"],
        "lam_max": lam_max,
        **three,
        **norms_by_basis(three["fits"], design["scale"]),
        **path,
        "shown": shown,
        **held_out(data, design, three, path),
        "descent": descent(data, design, lam_max, path["lasso_path"]),
        "stability": lasso_stability(data, design, lam_max, shown[("lasso", SHOWN[1])]["w"]),
        "penalties": penalties(),
        "exercises": exercises(),
        "grid": grid,
        "curves": curves(three["fits"], shown, grid),
        "one_weight": one_weight(),
        "ridge_zero": ridge_zero_condition(),
        "noise_var": SIGMA**2,
    }
