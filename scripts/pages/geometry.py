"""Constraint geometry, regularization paths and choosing lambda.

Recomputes and corrects "L2 and L1 Regularization in Machine Learning": the budget picture
drawn from real loss contours, the penalised and constrained forms with their computed
lambda <-> t map, how often each penalty gives exact zeros, ridge and lasso paths on the
diabetes data of Efron et al. (2004), cross-validation with the one-standard-error rule, and
what a value of lambda means under other conventions.  Every fit uses ``scripts/solvers.py``.
"""

from __future__ import annotations

import numpy as np

from scripts import data, fmt, solvers, style

SEED = 2004
N_GEOMETRY = 40  # rows of each two-feature problem
# Two-feature problems: (rho = correlation of the two standardised features, OLS weights, budget t)
CONFIGS = (
    (0.0, (2.0, 0.5), 1.0),
    (0.0, (1.5, 1.1), 1.0),
    (0.7, (1.8, 0.2), 1.2),
    (-0.6, (1.3, 0.9), 1.2),
)
MAP_CONFIG = 3  # the configuration whose lambda <-> t map is drawn
MAP_BUDGETS = 9  # constrained problems solved independently along the map
PG_STEPS = 400  # projected-gradient iterations of the constrained solver

ZERO_PROBLEMS = 200  # random problems for the exact-zero rates
ZERO_N, ZERO_P = 30, 5
ZERO_RHO_MAX = 0.8  # common correlation of the features drawn from [0, ZERO_RHO_MAX] (the page says 0.8)
ZERO_FRACTIONS = np.array([0.05, 0.1, 0.2, 0.3, 0.5, 0.7, 0.9])  # lambda / lambda_max

# Diabetes paths: lambda / lambda_max, fine where variables enter, coarse where nothing new happens
PATH_FINE_STEPS = 80  # equal log steps from lambda_max down to 0.02 lambda_max
PATH_FRACTIONS = np.concatenate(
    [np.logspace(0, np.log10(0.02), PATH_FINE_STEPS + 1), np.logspace(np.log10(0.02), -3, 7)[1:]]
)
RIDGE_LAMBDAS = np.logspace(-2, 4, 61)
TOL = 1e-10  # coordinate-descent tolerance (relative change of the weights in a sweep)

N_TEST = 110  # diabetes rows held out as a test set (a quarter)
FOLDS = 10
CV_FRACTIONS = np.logspace(0, np.log10(0.02), 20)  # lasso: lambda / lambda_max of the training set
CV_RIDGE = np.logspace(-2, 3, 21)  # ridge on the quadratic model

ARTICLE_LAMBDAS = (0.001, 0.01, 0.1, 1.0)  # "reasonable choices" listed by the article


# ---------------------------------------------------------------------------- two-feature geometry
def two_feature_problem(rho: float, ols, rng, n: int = N_GEOMETRY, residual: float = 1.0):
    """Data (X, y) whose standardised features have correlation exactly ``rho`` and whose OLS fit is ``ols``.

    Then 1/(2n)||y - Xw||^2 = 1/2 (w - ols)' S (w - ols) + residual^2 / 2 with S = [[1, rho], [rho, 1]].
    """
    Z = rng.standard_normal((n, 3))
    Z -= Z.mean(axis=0)
    Q, _ = np.linalg.qr(Z)  # orthonormal columns, orthogonal to the constant column
    L = np.linalg.cholesky(np.array([[1.0, rho], [rho, 1.0]]))
    X = np.sqrt(n) * Q[:, :2] @ L.T
    y = X @ np.asarray(ols, float) + np.sqrt(n) * residual * Q[:, 2]
    return X, y


def project_l1(V: np.ndarray, t) -> np.ndarray:
    """Euclidean projection of each row of V onto {w : ||w||_1 <= t} (Duchi et al. 2008)."""
    V = np.atleast_2d(V)
    t = np.broadcast_to(np.asarray(t, float), (len(V),))
    U = -np.sort(-np.abs(V), axis=1)
    css = np.cumsum(U, axis=1) - t[:, None]
    k = np.arange(1, V.shape[1] + 1)
    last = V.shape[1] - 1 - np.argmax((U - css / k > 0)[:, ::-1], axis=1)
    theta = np.maximum(css[np.arange(len(V)), last] / (last + 1), 0.0)
    return np.sign(V) * np.maximum(np.abs(V) - theta[:, None], 0.0)


def project_l2(V: np.ndarray, t) -> np.ndarray:
    V = np.atleast_2d(V)
    t = np.broadcast_to(np.asarray(t, float), (len(V),))
    norm = np.linalg.norm(V, axis=1)
    return V * np.minimum(1.0, t / np.where(norm > 0, norm, 1.0))[:, None]


def constrained(S: np.ndarray, ols: np.ndarray, t, kind: str, steps: int = PG_STEPS) -> np.ndarray:
    """Minimise 1/2 (w - ols)' S (w - ols) subject to ||w|| <= t by projected gradient.

    Vectorised over rows: S has shape (m, p, p) (or (p, p)), ols (m, p) (or (p,)), t (m,) or scalar.
    The step 1/L with L the largest eigenvalue of S makes every step a descent step.
    """
    S = np.broadcast_to(S, (np.atleast_2d(ols).shape[0], *S.shape[-2:]))
    ols = np.atleast_2d(ols).astype(float)
    ols = np.broadcast_to(ols, (len(S), ols.shape[1]))
    project = project_l1 if kind == "lasso" else project_l2
    step = 1 / np.linalg.eigvalsh(S)[:, -1]
    W = np.zeros_like(ols)
    for _ in range(steps):
        W = project(W - step[:, None] * np.einsum("mij,mj->mi", S, W - ols), t)
    return W


def multiplier(S: np.ndarray, ols: np.ndarray, w: np.ndarray, kind: str) -> float:
    """The lambda of the penalised problem solved by a constrained solution w (KKT conditions).

    The data gradient is g = S (ols - w) = X'r/n.  Lasso: |g_j| = lambda on the support, so
    lambda = max_j |g_j|; ridge: g = lambda w, so lambda = g.w / w.w.
    """
    g = S @ (ols - w)
    if kind == "lasso":
        return float(np.max(np.abs(g)))
    return float(g @ w / (w @ w))


def _loss_grid(S, ols, lim, points=81):
    u = np.linspace(lim[0], lim[1], points)
    v = np.linspace(lim[2], lim[3], points)
    U, V = np.meshgrid(u, v)
    D = np.stack([U - ols[0], V - ols[1]])
    F = 0.5 * np.einsum("i...,ij,j...->...", D, S, D)
    return U, V, F


def _geometry(rng) -> dict:
    panels = []
    for rho, ols, t in CONFIGS:
        ols = np.asarray(ols, float)
        X, y = two_feature_problem(rho, ols, rng)
        S = X.T @ X / len(X)
        out = {"rho": rho, "ols": ols, "t": t, "S": S}
        for kind in ("lasso", "ridge"):
            w_c = constrained(S, ols, t, kind)[0]
            lam = multiplier(S, ols, w_c, kind)
            fit = solvers.coordinate_descent(X, y, lam, tol=TOL) if kind == "lasso" else solvers.ridge(X, y, lam)
            out[kind] = {
                "w": w_c,
                "lam": lam,
                "penalised": fit.w,
                "gap": float(np.max(np.abs(fit.w - w_c))),
                "loss": float(0.5 * (w_c - ols) @ S @ (w_c - ols)),
            }
        out["lambda_max"] = solvers.lambda_max(X, y)
        out["X"], out["y"] = X, y
        panels.append(out)
    # The lambda <-> t map of one configuration: penalised paths, and constrained solves at a few budgets.
    p = panels[MAP_CONFIG]
    X, y, S, ols = p["X"], p["y"], p["S"], p["ols"]
    lam_grid = p["lambda_max"] * np.linspace(1, 0, 201)
    lasso_w = solvers.path(X, y, lam_grid, tol=TOL)
    ridge_lams = p["lambda_max"] * np.concatenate([np.logspace(2, 0, 60), np.linspace(1, 0, 141)[1:]])
    ridge_w = np.array([solvers.ridge(X, y, lam).w for lam in ridge_lams])
    budgets = {}
    for kind, top in (("lasso", np.abs(ols).sum()), ("ridge", np.linalg.norm(ols))):
        t = top * np.linspace(0.05, 0.95, MAP_BUDGETS)
        W = constrained(S, np.tile(ols, (len(t), 1)), t, kind)
        budgets[kind] = {"t": t, "lam": np.array([multiplier(S, ols, w, kind) for w in W]), "W": W}
    mapping = {
        "lasso": {"lam": lam_grid, "t": np.abs(lasso_w).sum(axis=1), "W": lasso_w},
        "ridge": {"lam": ridge_lams, "t": np.linalg.norm(ridge_w, axis=1), "W": ridge_w},
        "budgets": budgets,
    }
    # Check every constrained solve against the penalised solver at its multiplier.
    gaps = [panel[kind]["gap"] for panel in panels for kind in ("lasso", "ridge")]
    for kind in ("lasso", "ridge"):
        for lam, w in zip(budgets[kind]["lam"], budgets[kind]["W"], strict=True):
            fit = solvers.coordinate_descent(X, y, lam, tol=TOL) if kind == "lasso" else solvers.ridge(X, y, lam)
            gaps.append(float(np.max(np.abs(fit.w - w))))
    return {"panels": panels, "map": mapping, "max_gap": max(gaps)}


# ---------------------------------------------------------------------------- exact zeros
def _zero_rates(rng) -> dict:
    lasso_zeros = np.zeros(len(ZERO_FRACTIONS))
    lasso_some = np.zeros(len(ZERO_FRACTIONS))
    ridge_zeros = np.zeros(len(ZERO_FRACTIONS))
    worst_kkt = 0.0
    smallest_ridge = np.inf
    for _ in range(ZERO_PROBLEMS):
        rho = rng.uniform(0.0, ZERO_RHO_MAX)
        C = np.full((ZERO_P, ZERO_P), rho) + (1 - rho) * np.eye(ZERO_P)
        X = rng.standard_normal((ZERO_N, ZERO_P)) @ np.linalg.cholesky(C).T
        w_true = rng.standard_normal(ZERO_P)  # every true weight non-zero
        y = X @ w_true + rng.standard_normal(ZERO_N)
        Xs, _, _ = solvers.standardize(X)
        lams = ZERO_FRACTIONS * solvers.lambda_max(Xs, y)
        W = solvers.path(Xs, y, lams, tol=TOL)
        for k, lam in enumerate(lams):
            b = float(np.mean(y - Xs @ W[k]))
            worst_kkt = max(worst_kkt, solvers.kkt_violation(Xs, y, b, W[k], lam) / lam)
            r = solvers.ridge(Xs, y, lam).w
            ridge_zeros[k] += np.count_nonzero(r == 0)
            smallest_ridge = min(smallest_ridge, float(np.abs(r).min()))
        zeros = (W == 0).sum(axis=1)
        lasso_zeros += zeros
        lasso_some += zeros > 0
    total = ZERO_PROBLEMS * ZERO_P
    return {
        "fractions": ZERO_FRACTIONS,
        "lasso": lasso_zeros / total,
        "lasso_some": lasso_some / ZERO_PROBLEMS,
        "ridge": ridge_zeros / total,
        "worst_kkt": worst_kkt,
        "smallest_ridge": smallest_ridge,
    }


# ---------------------------------------------------------------------------- diabetes paths
def _paths(X, y, names) -> dict:
    Xs, _, _ = solvers.standardize(X)
    lam_max = solvers.lambda_max(Xs, y)
    lams = PATH_FRACTIONS * lam_max
    W = solvers.path(Xs, y, lams, tol=TOL)
    nonzero = W != 0
    first = np.array([np.argmax(nonzero[:, j]) if nonzero[:, j].any() else len(lams) for j in range(W.shape[1])])
    order = [int(j) for j in np.argsort(first, kind="stable")]
    # variables that return to exactly zero after having entered (as lambda decreases)
    leaves = [
        names[j]
        for j in range(W.shape[1])
        if nonzero[:, j].any() and not nonzero[first[j] :, j].all()  # zero again somewhere below entry
    ]
    R = np.array([solvers.ridge(Xs, y, lam).w for lam in RIDGE_LAMBDAS])
    big = solvers.ridge(Xs, y, RIDGE_LAMBDAS[-1])
    just_above = solvers.coordinate_descent(Xs, y, lam_max * (1 + 1e-9), tol=TOL)
    just_below = solvers.coordinate_descent(Xs, y, lam_max * (1 - 1e-2), tol=TOL)
    return {
        "lam_max": lam_max,
        "lams": lams,
        "W": W,
        "first": first,
        "order": order,
        "leaves": leaves,
        "ridge_lams": RIDGE_LAMBDAS,
        "R": R,
        "ridge_big_min": float(np.abs(big.w).min()),
        "ridge_big_max": float(np.abs(big.w).max()),
        "ridge_big_nonzero": int(np.count_nonzero(big.w)),
        "above_nonzero": int(np.count_nonzero(just_above.w)),
        "below_nonzero": int(np.count_nonzero(just_below.w)),
        "scaled_limit": RIDGE_LAMBDAS[-1] * big.w,  # lambda * w -> X'y/n as lambda -> infinity
        "xty": Xs.T @ (y - y.mean()) / len(y),
    }


# ---------------------------------------------------------------------------- choosing lambda
def quadratic_features(Z: np.ndarray, names) -> tuple[np.ndarray, list[str]]:
    """Main effects, all pairwise products and squares (except of the binary sex): 64 columns."""
    cols, labels = [Z[:, j] for j in range(Z.shape[1])], list(names)
    for i in range(Z.shape[1]):
        for j in range(i, Z.shape[1]):
            if i == j and names[i] == "sex":
                continue  # sex takes two values, so its square is a linear function of it
            cols.append(Z[:, i] * Z[:, j])
            labels.append(f"{names[i]}·{names[j]}" if i != j else f"{names[i]}²")
    return np.column_stack(cols), labels


def _fit_predict(kind, X_fit, y_fit, X_new, lams):
    """Weights for each lam on standardised X_fit, and predictions on X_new (standardised alike)."""
    Xs, mean, scale = solvers.standardize(X_fit)
    Xn = (X_new - mean) / scale
    if kind == "lasso":
        W = solvers.path(Xs, y_fit, lams, tol=TOL)
    else:
        W = np.array([solvers.ridge(Xs, y_fit, lam).w for lam in lams])
    b = y_fit.mean() - W @ Xs.mean(axis=0)  # Xs is centred, so b is the mean of y
    return W, b, Xn @ W.T + b, Xs @ W.T + b


def _cv_curve(kind, X, y, lams, folds) -> dict:
    errors = np.empty((FOLDS, len(lams)))
    for k in range(FOLDS):
        held = folds == k
        _, _, pred, _ = _fit_predict(kind, X[~held], y[~held], X[held], lams)
        errors[k] = ((y[held][:, None] - pred) ** 2).mean(axis=0)
    mean = errors.mean(axis=0)
    se = errors.std(axis=0, ddof=1) / np.sqrt(FOLDS)
    best = int(np.argmin(mean))
    within = np.nonzero(mean <= mean[best] + se[best])[0]
    one_se = int(within[np.argmax(lams[within])])
    return {"mean": mean, "se": se, "best": best, "one_se": one_se}


def _choose(kind, X_train, y_train, X_test, y_test, lams, folds) -> dict:
    cv = _cv_curve(kind, X_train, y_train, lams, folds)
    W, _, pred_test, pred_train = _fit_predict(kind, X_train, y_train, X_test, lams)
    _, _, ols_test, ols_train = _fit_predict("ridge", X_train, y_train, X_test, np.array([0.0]))
    ols_cv = _cv_curve("ridge", X_train, y_train, np.array([0.0]), folds)
    return {
        "lams": lams,
        "W": W,
        "train": ((y_train[:, None] - pred_train) ** 2).mean(axis=0),
        "test": ((y_test[:, None] - pred_test) ** 2).mean(axis=0),
        "cv": cv,
        "ols": {
            "train": float(((y_train - ols_train[:, 0]) ** 2).mean()),
            "test": float(((y_test - ols_test[:, 0]) ** 2).mean()),
            "cv": float(ols_cv["mean"][0]),
        },
    }


def _choosing(rng, X, y, names) -> dict:
    order = rng.permutation(len(y))
    test, train = order[:N_TEST], order[N_TEST:]
    folds = np.arange(len(train)) % FOLDS
    rng.shuffle(folds)
    X_train, y_train, X_test, y_test = X[train], y[train], X[test], y[test]
    Xs_train, _, _ = solvers.standardize(X_train)
    lam_max = solvers.lambda_max(Xs_train, y_train)
    lasso = _choose("lasso", X_train, y_train, X_test, y_test, CV_FRACTIONS * lam_max, folds)
    lasso["lam_max"] = lam_max
    # Ridge on the quadratic model (products of the main effects standardised on the training set).
    Xs_all = (X - X_train.mean(axis=0)) / X_train.std(axis=0)
    Q, qnames = quadratic_features(Xs_all, names)
    ridge = _choose("ridge", Q[train], y_train, Q[test], y_test, CV_RIDGE, folds)
    ridge["p"] = Q.shape[1]
    return {
        "n_train": len(train),
        "n_test": len(test),
        "sd_y": float(y_train.std()),
        "lasso": lasso,
        "ridge": ridge,
        "quadratic_names": qnames,
    }


# ---------------------------------------------------------------------------- the article's lambdas
def _article_lambdas(X, y) -> dict:
    """What the article's "reasonable" values do to the lasso on the diabetes data, read three ways."""
    Xs, _, _ = solvers.standardize(X)
    n = len(y)
    sd_y = float(y.std())
    readings = {
        "site": (y, np.array(ARTICLE_LAMBDAS)),  # our convention, y in its own units
        "sse": (y, np.array(ARTICLE_LAMBDAS) / (2 * n)),  # the article's SSE + lambda ||w||_1
        "ystd": (y / sd_y, np.array(ARTICLE_LAMBDAS)),  # our convention, y standardised
    }
    out = {"n": n, "sd_y": sd_y, "y_mean": float(y.mean())}
    # Features in their original units (centred, not scaled): the lasso's first variable is the one
    # with the largest |covariance| with y, which depends on the units.
    cov = np.abs((X - X.mean(axis=0)).T @ (y - y.mean())) / n
    out["raw"] = {"lam_max": solvers.lambda_max(X, y), "first": int(np.argmax(cov))}
    out["std_first"] = int(np.argmax(np.abs(Xs.T @ (y - y.mean()))))
    for key, (target, lams) in readings.items():
        lam_max = solvers.lambda_max(Xs, target)
        W = solvers.path(Xs, target, lams, tol=TOL)
        out[key] = {"lam_max": lam_max, "ratio": lams / lam_max, "nonzero": (W != 0).sum(axis=1), "lams": lams}
    return out


# ---------------------------------------------------------------------------- compute
def compute() -> dict:
    rng = np.random.default_rng(SEED)
    d = data.diabetes()
    return {
        "geometry": _geometry(rng),
        "zeros": _zero_rates(rng),
        "paths": _paths(d.X, d.y, d.feature_names),
        "choosing": _choosing(rng, d.X, d.y, d.feature_names),
        "article": _article_lambdas(d.X, d.y),
        "names": d.feature_names,
        "n": len(d.y),
    }


# ---------------------------------------------------------------------------- printing
PANELS = "abcd"


def sci(x: float, digits: int = 3) -> str:
    """x as 'm × 10ᵏ' (with no-break spaces) for very small or large values, plain otherwise."""
    return fmt.sci(x, digits, space="\u00a0")


def vector(w) -> str:
    return "(" + ", ".join(fmt.num(v) if abs(v) > 1e-12 else "0" for v in w) + ")"


def entry_groups(r: dict, names) -> list[list[str]]:
    """Variables in order of first entry on the grid; variables entering at the same grid step share a group."""
    groups: list[list[str]] = []
    last = None
    for j in r["order"]:
        if r["first"][j] == last:
            groups[-1].append(names[j])
        else:
            groups.append([names[j]])
        last = r["first"][j]
    return groups


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def conversions(lam_lasso: float, lam_ridge: float, n: int, sd_y: float) -> list[tuple[str, str, float | None, float]]:
    """The same two models written in other conventions: (convention, objective, lasso lambda, ridge lambda)."""
    return [
        ("this site", r"$\frac{1}{2n}\norm{r}_2^2 + \lambda P(w)$", lam_lasso, lam_ridge),
        ("sum instead of mean", r"$\frac12\norm{r}_2^2 + \lambda P(w)$", n * lam_lasso, n * lam_ridge),
        (
            "the article (sum of squared errors, no halves)",
            r"$\norm{r}_2^2 + \lambda \norm{w}_1$ or $+ \lambda \norm{w}_2^2$",
            2 * n * lam_lasso,
            n * lam_ridge,
        ),
        (
            "mean squared error, no halves",
            r"$\frac1n\norm{r}_2^2 + \lambda \norm{w}_1$ or $+ \lambda \norm{w}_2^2$",
            2 * lam_lasso,
            lam_ridge,
        ),
        (
            "our data term, ridge penalty without its half",
            r"$\frac{1}{2n}\norm{r}_2^2 + \lambda \norm{w}_2^2$",
            None,
            lam_ridge / 2,
        ),
        ("scikit-learn `Lasso(alpha)` / `Ridge(alpha)`", "`alpha`", lam_lasso, n * lam_ridge),
        (
            "this site, target divided by its standard deviation",
            r"$\frac{1}{2n}\norm{r}_2^2 + \lambda P(w)$",
            lam_lasso / sd_y,
            lam_ridge,
        ),
    ]


def numbers(r: dict) -> dict[str, str]:
    out: dict[str, str] = {}
    g = r["geometry"]
    for letter, p in zip(PANELS, g["panels"], strict=True):
        a = p["ols"]
        out[f"geo.{letter}.rho"] = fmt.num(p["rho"])
        out[f"geo.{letter}.ols"] = vector(a)
        out[f"geo.{letter}.t"] = fmt.num(p["t"])
        out[f"geo.{letter}.gap"] = fmt.num(abs(abs(a[0]) - abs(a[1])))
        for kind in ("lasso", "ridge"):
            out[f"geo.{letter}.{kind}.w"] = vector(p[kind]["w"])
            out[f"geo.{letter}.{kind}.lam"] = fmt.num(p[kind]["lam"])
    m = g["panels"][MAP_CONFIG]
    out["map.panel"] = PANELS[MAP_CONFIG]
    out["map.lambda_max"] = fmt.num(m["lambda_max"])
    rho, a = m["rho"], m["ols"]
    out["map.leave.lam"] = fmt.num((1 + rho) * min(abs(a)))  # both weights positive: both shrink by lam/(1+rho)
    out["map.leave.t"] = fmt.num(abs(abs(a[0]) - abs(a[1])))
    out["map.ridge.top"] = fmt.num(np.linalg.norm(a))
    out["map.lasso.top"] = fmt.num(np.abs(a).sum())
    out["map.budgets"] = fmt.integer(MAP_BUDGETS)

    z = r["zeros"]
    out["zeros.problems"] = fmt.integer(ZERO_PROBLEMS)
    out["zeros.n"] = fmt.integer(ZERO_N)
    out["zeros.p"] = fmt.integer(ZERO_P)
    out["zeros.levels"] = fmt.integer(len(ZERO_FRACTIONS))
    for f, lasso, some in zip(z["fractions"], z["lasso"], z["lasso_some"], strict=True):
        key = fmt.num(f).replace(".", "_")
        out[f"zeros.lasso.{key}"] = fmt.percent(lasso)
        out[f"zeros.some.{key}"] = fmt.percent(some)
    out["zeros.ridge_weights"] = fmt.integer(ZERO_PROBLEMS * ZERO_P * len(ZERO_FRACTIONS))
    out["zeros.ridge_zero"] = fmt.integer(round(z["ridge"].sum() * ZERO_PROBLEMS * ZERO_P))
    out["zeros.smallest_ridge"] = sci(z["smallest_ridge"])

    pa = r["paths"]
    names = r["names"]
    out["n"] = fmt.integer(r["n"])
    out["paths.lam_max"] = fmt.num(pa["lam_max"])
    groups = entry_groups(pa, names)
    out["paths.order"] = ", ".join(_and(grp) if len(grp) == 1 else f"then {_and(grp)} together" for grp in groups)
    out["paths.first"] = names[pa["order"][0]]
    out["paths.second"] = names[pa["order"][1]]
    out["paths.leaves"] = _and(pa["leaves"]) if pa["leaves"] else "none"
    out["paths.last_group"] = _and(groups[-1])
    out["paths.fine_steps"] = fmt.integer(PATH_FINE_STEPS)
    out["paths.ridge_big_lam"] = sci(pa["ridge_lams"][-1])
    out["paths.ridge_big_ratio"] = fmt.num(pa["ridge_lams"][-1] / pa["lam_max"])
    out["paths.ridge_big_min"] = sci(pa["ridge_big_min"])
    out["paths.ridge_big_max"] = fmt.num(pa["ridge_big_max"])
    out["paths.ridge_big_nonzero"] = fmt.integer(pa["ridge_big_nonzero"])
    out["paths.below_nonzero"] = fmt.integer(pa["below_nonzero"])
    out["paths.y_mean"] = fmt.num(r["article"]["y_mean"])
    bmi = names.index("bmi")
    out["paths.scaled_limit_bmi"] = fmt.num(pa["scaled_limit"][bmi])
    out["paths.xty_bmi"] = fmt.num(pa["xty"][bmi])

    c = r["choosing"]
    out["cv.n_train"] = fmt.integer(c["n_train"])
    out["cv.n_test"] = fmt.integer(c["n_test"])
    out["cv.folds"] = fmt.integer(FOLDS)
    out["cv.ridge.p"] = fmt.integer(c["ridge"]["p"])
    for kind in ("ridge", "lasso"):
        k = c[kind]
        cv = k["cv"]
        for which in ("best", "one_se"):
            i = cv[which]
            out[f"cv.{kind}.{which}.lam"] = fmt.num(k["lams"][i])
            out[f"cv.{kind}.{which}.cv"] = fmt.num(cv["mean"][i])
            out[f"cv.{kind}.{which}.test"] = fmt.num(k["test"][i])
            out[f"cv.{kind}.{which}.nonzero"] = fmt.integer(np.count_nonzero(k["W"][i]))
        out[f"cv.{kind}.se"] = fmt.num(cv["se"][cv["best"]])
        out[f"cv.{kind}.ols.test"] = fmt.num(k["ols"]["test"])
        out[f"cv.{kind}.ols.cv"] = fmt.num(k["ols"]["cv"])
        out[f"cv.{kind}.ols.train"] = fmt.num(k["ols"]["train"])
        out[f"cv.{kind}.test.min"] = fmt.num(k["test"].min())
        out[f"cv.{kind}.test.largest_lam"] = fmt.num(k["test"][np.argmax(k["lams"])])
        out[f"cv.{kind}.train.smallest_lam"] = fmt.num(k["train"][np.argmin(k["lams"])])
        out[f"cv.{kind}.train.largest_lam"] = fmt.num(k["train"][np.argmax(k["lams"])])
        out[f"cv.{kind}.lam.low"] = fmt.num(k["lams"].min())
        out[f"cv.{kind}.lam.high"] = fmt.num(k["lams"].max())
    out["cv.lasso.lam_max"] = fmt.num(c["lasso"]["lam_max"])
    out["cv.lasso.grid_low"] = fmt.num(CV_FRACTIONS.min())

    ar = r["article"]
    for key in ("site", "sse", "ystd"):
        out[f"article.{key}.lam_max"] = fmt.num(ar[key]["lam_max"])
        out[f"article.{key}.ratio_max"] = sci(ar[key]["ratio"].max())
    out["article.ystd.nonzero_at_one"] = fmt.integer(ar["ystd"]["nonzero"][-1])
    out["article.sd_y"] = fmt.num(ar["sd_y"])
    out["article.raw.lam_max"] = fmt.num(ar["raw"]["lam_max"])
    out["article.raw.first"] = names[ar["raw"]["first"]]
    out["article.std_first"] = names[ar["std_first"]]
    out["article.billion_ratio"] = sci(1e9 / (2 * ar["n"]) / ar["site"]["lam_max"])
    # y in units a million times smaller (values a million times larger): the lasso's lambda_max scales by 1e6
    out["article.billion_ratio_micro"] = sci(1e9 / (2 * ar["n"]) / (1e6 * ar["site"]["lam_max"]))

    conv = conversions(
        c["lasso"]["lams"][c["lasso"]["cv"]["one_se"]],
        c["ridge"]["lams"][c["ridge"]["cv"]["one_se"]],
        c["n_train"],
        c["sd_y"],
    )
    out["ex.sklearn_lasso"] = sci(conv[5][2])
    out["ex.sklearn_ridge"] = sci(conv[5][3])
    out["ex.article_lasso"] = sci(conv[2][2])
    out["ex.article_ridge"] = sci(conv[2][3])
    return out


def tables(r: dict) -> dict[str, str]:
    c = r["choosing"]
    conv = conversions(
        c["lasso"]["lams"][c["lasso"]["cv"]["one_se"]],
        c["ridge"]["lams"][c["ridge"]["cv"]["one_se"]],
        c["n_train"],
        c["sd_y"],
    )
    rows = [
        [name, objective, "—" if lasso is None else sci(lasso), sci(ridge)] for name, objective, lasso, ridge in conv
    ]
    convention_table = fmt.table(
        ["convention", "objective ($r = y - b - Xw$)", "lasso, main effects", "ridge, quadratic model"], rows, "llrr"
    )
    ar = r["article"]
    rows = []
    for i, lam in enumerate(ARTICLE_LAMBDAS):
        row = [f"${fmt.num(lam)}$"]
        for key in ("site", "sse", "ystd"):
            row += [sci(ar[key]["ratio"][i]), fmt.integer(ar[key]["nonzero"][i])]
        rows.append(row)
    article_table = fmt.table(
        [
            "article's $\\lambda$",
            "site, $y$ in its units: $\\lambda/\\lambda_{\\max}$",
            "non-zero",
            "article's SSE: $\\lambda/\\lambda_{\\max}$",
            "non-zero",
            "site, $y$ standardised: $\\lambda/\\lambda_{\\max}$",
            "non-zero",
        ],
        rows,
        "lrrrrrr",
    )
    return {"lambda-conventions": convention_table, "article-lambdas": article_table}


# ---------------------------------------------------------------------------- figures
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
        S, ols, t = p["S"], p["ols"], p["t"]
        lo = min(-0.3, ols.min() - 0.3, -t - 0.15)
        hi = max(ols.max() + 0.4, t + 0.3)
        lim = (lo, hi, lo, hi)
        U, V, F = _loss_grid(S, ols, lim)
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
                xytext=(lams[left] / 1.15, spots[j]),
                color=colour,
                fontsize=8,
                ha="right",
                va="center",
                annotation_clip=False,
            )
        ax.set_xlim(lams.min() / 4.5, lams.max() * 1.2)
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
