"""Every computation of the geometry page: one function and one constant block per experiment.

``compute()`` only calls the experiments and collects their results. Every summary the page
prints (gaps, counts, end points, entry order, converted lambdas) is derived here, so
``text.py`` and ``figures.py`` only read and format.
"""

from __future__ import annotations

import numpy as np

from scripts import data, solvers

# One generator feeds, in this order, the two-feature problems, the exact-zero problems and the
# train/test split with its folds.
SEED = 2004
TOL = 1e-10  # coordinate-descent tolerance (relative change of the weights in a sweep)

# ---------------------------------------------------------------------------- two-feature geometry
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
VIEW_POINTS = 81  # loss-grid points per axis for the contours of the figure


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


def multiplier(S: np.ndarray, ols: np.ndarray, w: np.ndarray, kind: str) -> float:
    """The lambda of the penalised problem solved by a constrained solution w (KKT conditions).

    The data gradient is g = S (ols - w) = X'r/n.  Lasso: |g_j| = lambda on the support, so
    lambda = max_j |g_j|; ridge: g = lambda w, so lambda = g.w / w.w.
    """
    g = S @ (ols - w)
    if kind == "lasso":
        return float(np.max(np.abs(g)))
    return float(g @ w / (w @ w))


def view(ols: np.ndarray, t: float) -> tuple[float, float, float, float]:
    """Square plot limits (x0, x1, y0, y1) showing the least-squares point and the whole budget region."""
    lo = min(-0.3, ols.min() - 0.3, -t - 0.15)
    hi = max(ols.max() + 0.4, t + 0.3)
    return (lo, hi, lo, hi)


def loss_grid(S, ols, lim, points: int = VIEW_POINTS):
    """The data term 1/2 (w - ols)' S (w - ols) on a grid over ``lim``, for contour lines."""
    u = np.linspace(lim[0], lim[1], points)
    v = np.linspace(lim[2], lim[3], points)
    U, V = np.meshgrid(u, v)
    D = np.stack([U - ols[0], V - ols[1]])
    F = 0.5 * np.einsum("i...,ij,j...->...", D, S, D)
    return U, V, F


def two_feature_geometry(rng) -> dict:
    panels = []
    for rho, ols, t in CONFIGS:
        ols = np.asarray(ols, float)
        X, y = two_feature_problem(rho, ols, rng)
        S = X.T @ X / len(X)
        out = {"rho": rho, "ols": ols, "t": t, "S": S, "weight_gap": float(abs(abs(ols[0]) - abs(ols[1])))}
        for kind in ("lasso", "ridge"):
            w_c = solvers.constrained_quadratic(S, S @ ols, t, kind, PG_STEPS)
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
        out["view"] = view(ols, t)
        out["grid"] = loss_grid(S, ols, out["view"])
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
        W = solvers.constrained_quadratic(S, np.tile(S @ ols, (len(t), 1)), t, kind, PG_STEPS)
        budgets[kind] = {"t": t, "lam": np.array([multiplier(S, ols, w, kind) for w in W]), "W": W}
    mapping = {
        "lasso": {"lam": lam_grid, "t": np.abs(lasso_w).sum(axis=1), "W": lasso_w},
        "ridge": {"lam": ridge_lams, "t": np.linalg.norm(ridge_w, axis=1), "W": ridge_w},
        "budgets": budgets,
        # Both weights positive: both shrink by lam/(1+rho), so the smaller leaves at (1+rho) min|ols|.
        "leave_lam": float((1 + p["rho"]) * min(abs(ols))),
        "leave_t": p["weight_gap"],
        "lasso_top": float(np.abs(ols).sum()),
        "ridge_top": float(np.linalg.norm(ols)),
    }
    # Check every constrained solve against the penalised solver at its multiplier.
    gaps = [panel[kind]["gap"] for panel in panels for kind in ("lasso", "ridge")]
    for kind in ("lasso", "ridge"):
        for lam, w in zip(budgets[kind]["lam"], budgets[kind]["W"], strict=True):
            fit = solvers.coordinate_descent(X, y, lam, tol=TOL) if kind == "lasso" else solvers.ridge(X, y, lam)
            gaps.append(float(np.max(np.abs(fit.w - w))))
    return {"panels": panels, "map": mapping, "max_gap": max(gaps)}


# ---------------------------------------------------------------------------- exact zeros
ZERO_PROBLEMS = 200  # random problems for the exact-zero rates
ZERO_N, ZERO_P = 30, 5
ZERO_RHO_MAX = 0.8  # common correlation of the features drawn from [0, ZERO_RHO_MAX] (the page says 0.8)
ZERO_FRACTIONS = np.array([0.05, 0.1, 0.2, 0.3, 0.5, 0.7, 0.9])  # lambda / lambda_max


def zero_rates(rng) -> dict:
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
        "ridge_weights": total * len(ZERO_FRACTIONS),
        "ridge_zero_count": int(ridge_zeros.sum()),
        "worst_kkt": worst_kkt,
        "smallest_ridge": smallest_ridge,
    }


# ---------------------------------------------------------------------------- diabetes paths
# lambda / lambda_max, fine where variables enter, coarse where nothing new happens
PATH_FINE_STEPS = 80  # equal log steps from lambda_max down to PATH_FINE_LOW lambda_max
PATH_FINE_LOW = 0.02
PATH_FRACTIONS = np.concatenate(
    [np.logspace(0, np.log10(PATH_FINE_LOW), PATH_FINE_STEPS + 1), np.logspace(np.log10(PATH_FINE_LOW), -3, 7)[1:]]
)
PATH_JUST_BELOW = 1 - 1e-2  # lambda / lambda_max just below the first entry
RIDGE_LAMBDAS = np.logspace(-2, 4, 61)


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


def entry_lambdas(Xs, y, w_below, below: float, above: float) -> dict[int, float]:
    """Exact lambdas in [below, above] at which weights enter the lasso path, from the solution at ``below``.

    While the active set A and its signs s stay fixed, the solution is linear in lambda,
    w_A = G_AA^-1 (c_A - lambda s_A) with G = X'X/n and c = X'(y - mean y)/n. Walking up from
    ``below``, each weight that reaches zero leaves A: going down, that is where it entered.
    Valid when no weight leaves the path inside the step (true of the grid steps used here).
    """
    n = len(y)
    G, c = Xs.T @ Xs / n, Xs.T @ (y - y.mean()) / n
    active = [int(j) for j in np.flatnonzero(w_below)]
    lam, entries = below, {}
    while active:
        signs = np.sign(w_below[active])
        a = np.linalg.solve(G[np.ix_(active, active)], c[active])
        b = np.linalg.solve(G[np.ix_(active, active)], signs)
        with np.errstate(divide="ignore", invalid="ignore"):
            hits = np.where(a * b > 0, a / b, np.inf)  # where a - lambda b crosses zero
        hits[hits <= lam] = np.inf
        i = int(np.argmin(hits))
        if hits[i] > above * (1 + 1e-12):  # (rounding: the first entry is at lambda_max itself)
            break
        lam = float(hits[i])
        entries[active.pop(i)] = lam
    return entries


def diabetes_paths(X, y, names) -> dict:
    Xs, _, _ = solvers.standardize(X)
    lam_max = solvers.lambda_max(Xs, y)
    # lambda_max depends on how the features are scaled: divisor n - 1, or scikit-learn's
    # load_diabetes() default (centred, each column of unit Euclidean norm, i.e. divided by sqrt(n) more).
    n = len(y)
    Xc = X - X.mean(axis=0)
    lam_max_ddof1 = solvers.lambda_max(Xc / X.std(axis=0, ddof=1), y)
    lam_max_unit_norm = solvers.lambda_max(Xc / np.linalg.norm(Xc, axis=0), y)
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
    just_below = solvers.coordinate_descent(Xs, y, lam_max * PATH_JUST_BELOW, tol=TOL)
    # Exact first-entry lambdas: the grid can put two entries in one step (it does in its coarse part).
    entry = np.full(W.shape[1], np.nan)
    for k in sorted(set(first.tolist()) - {0, len(lams)}):
        for j, lam in entry_lambdas(Xs, y, W[k], lams[k], lams[k - 1]).items():
            if first[j] == k:
                entry[j] = lam
    out = {
        "lam_max": lam_max,
        "lam_max_ddof1": lam_max_ddof1,
        "lam_max_unit_norm": lam_max_unit_norm,
        "n": n,
        "entry": entry,
        "exact_order": [int(j) for j in np.argsort(-entry, kind="stable")],
        "lams": lams,
        "W": W,
        "first": first,
        "order": order,
        "leaves": leaves,
        "ridge_lams": RIDGE_LAMBDAS,
        "R": R,
        "ridge_big_lam": float(RIDGE_LAMBDAS[-1]),
        "ridge_big_ratio": float(RIDGE_LAMBDAS[-1] / lam_max),
        "ridge_big_min": float(np.abs(big.w).min()),
        "ridge_big_max": float(np.abs(big.w).max()),
        "ridge_big_nonzero": int(np.count_nonzero(big.w)),
        "above_nonzero": int(np.count_nonzero(just_above.w)),
        "below_nonzero": int(np.count_nonzero(just_below.w)),
        "below_fraction": PATH_JUST_BELOW,
        "fine_low": float(PATH_FRACTIONS[PATH_FINE_STEPS]),
        "coarse_low": float(PATH_FRACTIONS.min()),
        "ridge_low": float(RIDGE_LAMBDAS[0]),
        "scaled_limit": RIDGE_LAMBDAS[-1] * big.w,  # lambda * w -> X'y/n as lambda -> infinity
        "xty": Xs.T @ (y - y.mean()) / len(y),
    }
    out["groups"] = entry_groups(out, names)
    out["grid_ties"] = [group for group in out["groups"] if len(group) > 1]
    return out


# ---------------------------------------------------------------------------- choosing lambda
N_TEST = 110  # diabetes rows held out as a test set (a quarter)
FOLDS = 10
# lasso: lambda / lambda_max of the training set, 20 log steps down to CV_FINE_LOW, 6 coarser ones down to 1e-3
# (the recipe's range: the CV minimum must lie inside the grid, not at its end)
CV_FINE_LOW = 0.02
CV_FRACTIONS = np.concatenate(
    [np.logspace(0, np.log10(CV_FINE_LOW), 20), np.logspace(np.log10(CV_FINE_LOW), -3, 7)[1:]]
)
CV_RIDGE = np.logspace(-2, 3, 21)  # ridge on the quadratic model
# The page's conclusions rest on one split; rerun the whole choice on other seeded splits.
SPLIT_SEED = 7
SPLITS = 20


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
    train = ((y_train[:, None] - pred_train) ** 2).mean(axis=0)
    test = ((y_test[:, None] - pred_test) ** 2).mean(axis=0)
    smallest, largest = int(np.argmin(lams)), int(np.argmax(lams))
    return {
        "lams": lams,
        "W": W,
        "nonzero": np.count_nonzero(W, axis=1),
        "train": train,
        "test": test,
        "cv": cv,
        "ols": {
            "train": float(((y_train - ols_train[:, 0]) ** 2).mean()),
            "test": float(((y_test - ols_test[:, 0]) ** 2).mean()),
            "cv": float(ols_cv["mean"][0]),
        },
        "summary": {
            "test_min": float(test.min()),
            "test_at_largest_lam": float(test[largest]),
            "train_at_smallest_lam": float(train[smallest]),
            "train_at_largest_lam": float(train[largest]),
            "cv_at_smallest_lam": float(cv["mean"][smallest]),
            "lam_low": float(lams.min()),
            "lam_high": float(lams.max()),
        },
    }


def ridge_df(X_fit, lams) -> np.ndarray:
    """Effective degrees of freedom of ridge, sum_j d_j^2 / (d_j^2 + n lam), on X_fit standardised.

    A property of the fitted model, so the same in every convention and for y in any units.
    """
    Xs, _, _ = solvers.standardize(X_fit)
    d2 = np.linalg.svd(Xs, compute_uv=False) ** 2
    return np.array([np.sum(d2 / (d2 + len(Xs) * lam)) for lam in lams])


def choosing_lambda(rng, X, y, names) -> dict:
    order = rng.permutation(len(y))
    test, train = order[:N_TEST], order[N_TEST:]
    folds = np.arange(len(train)) % FOLDS
    rng.shuffle(folds)
    X_train, y_train, X_test, y_test = X[train], y[train], X[test], y[test]
    Xs_train, _, _ = solvers.standardize(X_train)
    lam_max = solvers.lambda_max(Xs_train, y_train)
    lasso = _choose("lasso", X_train, y_train, X_test, y_test, CV_FRACTIONS * lam_max, folds)
    lasso["lam_max"] = lam_max
    lasso["grid_low_fraction"] = float(CV_FRACTIONS.min())
    lasso["fine_low_fraction"] = CV_FINE_LOW
    lasso["best_fraction"] = float(CV_FRACTIONS[lasso["cv"]["best"]])
    # Ridge on the quadratic model (products of the main effects standardised on the training set).
    Xs_all = (X - X_train.mean(axis=0)) / X_train.std(axis=0)
    Q, qnames = quadratic_features(Xs_all, names)
    ridge = _choose("ridge", Q[train], y_train, Q[test], y_test, CV_RIDGE, folds)
    ridge["p"] = Q.shape[1]
    ridge["df"] = ridge_df(Q[train], CV_RIDGE)
    n_train = len(train)
    sd_y = float(y_train.std())
    return {
        "n_train": n_train,
        "n_test": len(test),
        "sd_y": sd_y,
        "lasso": lasso,
        "ridge": ridge,
        "quadratic_names": qnames,
        "conversions": conversions(
            lasso["lams"][lasso["cv"]["one_se"]], ridge["lams"][ridge["cv"]["one_se"]], n_train, sd_y
        ),
    }


def split_robustness(X, y, names) -> dict:
    """How often the page's conclusions from its one train/test split hold on SPLITS other splits.

    Each split reruns ``choosing_lambda`` in full (split, folds, both CV searches) with its own seed.
    """
    counts = {
        "ridge_best_beats_ols": 0,  # ridge at the CV minimum: lower test error than least squares
        "ridge_one_se_beats_ols": 0,
        "lasso_ols_beats_grid": 0,  # least squares: lower test error than every lasso fit on the grid
        "lasso_one_se_costs": 0,  # the 1-SE lasso: higher test error than least squares
    }
    kept = []
    for s in range(SPLITS):
        c = choosing_lambda(np.random.default_rng([SPLIT_SEED, s]), X, y, names)
        ridge, lasso = c["ridge"], c["lasso"]
        counts["ridge_best_beats_ols"] += bool(ridge["test"][ridge["cv"]["best"]] < ridge["ols"]["test"])
        counts["ridge_one_se_beats_ols"] += bool(ridge["test"][ridge["cv"]["one_se"]] < ridge["ols"]["test"])
        counts["lasso_ols_beats_grid"] += bool(lasso["ols"]["test"] < lasso["test"].min())
        counts["lasso_one_se_costs"] += bool(lasso["test"][lasso["cv"]["one_se"]] > lasso["ols"]["test"])
        kept.append(int(lasso["nonzero"][lasso["cv"]["one_se"]]))
    kept = np.array(kept)
    return {
        "splits": SPLITS,
        **counts,
        "lasso_one_se_kept": kept,
        "lasso_one_se_kept_min": int(kept.min()),
        "lasso_one_se_kept_max": int(kept.max()),
        "lasso_one_se_kept_median": float(np.median(kept)),
    }


# ---------------------------------------------------------------------------- conventions
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


# ---------------------------------------------------------------------------- the article's lambdas
ARTICLE_LAMBDAS = (0.001, 0.01, 0.1, 1.0)  # "reasonable choices" listed by the article
EXTREME_LAMBDA = 1e9  # the article's "extremely strong" value, in its SSE form
MICRO_UNITS = 1e6  # y in units a million times smaller: values, and the lasso's lambda_max, a million times larger


def article_lambdas(X, y) -> dict:
    """What the article's "reasonable" values do to the lasso on the diabetes data, read three ways."""
    Xs, _, _ = solvers.standardize(X)
    n = len(y)
    sd_y = float(y.std())
    readings = {
        "site": (y, np.array(ARTICLE_LAMBDAS)),  # our convention, y in its own units
        "sse": (y, np.array(ARTICLE_LAMBDAS) / (2 * n)),  # the article's SSE + lambda ||w||_1
        "ystd": (y / sd_y, np.array(ARTICLE_LAMBDAS)),  # our convention, y standardised
    }
    out = {"n": n, "sd_y": sd_y, "y_mean": float(y.mean()), "article_lambdas": ARTICLE_LAMBDAS}
    # Features in their original units (centred, not scaled): the lasso's first variable is the one
    # with the largest |covariance| with y, which depends on the units.
    cov = np.abs((X - X.mean(axis=0)).T @ (y - y.mean())) / n
    out["raw"] = {"lam_max": solvers.lambda_max(X, y), "first": int(np.argmax(cov))}
    out["std_first"] = int(np.argmax(np.abs(Xs.T @ (y - y.mean()))))
    for key, (target, lams) in readings.items():
        lam_max = solvers.lambda_max(Xs, target)
        W = solvers.path(Xs, target, lams, tol=TOL)
        out[key] = {"lam_max": lam_max, "ratio": lams / lam_max, "nonzero": (W != 0).sum(axis=1), "lams": lams}
    extreme = EXTREME_LAMBDA / (2 * n)  # the article's SSE lambda in this site's convention
    out["extreme_ratio"] = extreme / out["site"]["lam_max"]
    out["extreme_ratio_micro"] = extreme / (MICRO_UNITS * out["site"]["lam_max"])
    return out


# ---------------------------------------------------------------------------- compute
def compute() -> dict:
    rng = np.random.default_rng(SEED)
    d = data.diabetes()
    return {
        "geometry": two_feature_geometry(rng),
        "zeros": zero_rates(rng),
        "paths": diabetes_paths(d.X, d.y, d.feature_names),
        "choosing": choosing_lambda(rng, d.X, d.y, d.feature_names),
        "splits": split_robustness(d.X, d.y, d.feature_names),
        "article": article_lambdas(d.X, d.y),
        "names": d.feature_names,
        "n": len(d.y),
    }
