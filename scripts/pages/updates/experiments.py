"""Every computation of the updates page: the update rules, the experiments and their analysis.

``compute()`` runs one function per experiment, each with its own constant block (and seed),
and collects their results; everything the page quotes or draws is derived here.
"""

from __future__ import annotations

import numpy as np

from scripts import solvers

# --- the update rules, in the site's convention ---------------------------------------
#   J(b, w) = 1/(2n) ||y - b - Xw||^2 + lam * P(w),  P = ||w||_1 or 1/2 ||w||_2^2


def data_gradient(X, y, b: float, w) -> np.ndarray:
    """Gradient in w of the data term 1/(2n) ||y - b - Xw||^2."""
    X = np.asarray(X, float)
    return -X.T @ (np.asarray(y, float) - b - X @ w) / len(y)


def site_objective(X, y, b: float, w, lam: float, penalty: str) -> float:
    r = np.asarray(y, float) - b - np.asarray(X, float) @ w
    pen = {"none": 0.0, "l1": float(np.abs(w).sum()), "l2": 0.5 * float(w @ w)}[penalty]
    return float(r @ r / (2 * len(r)) + lam * pen)


def step_none(X, y, b, w, eta):
    """w <- w - eta * g."""
    return w - eta * data_gradient(X, y, b, w)


def step_ridge(X, y, b, w, eta, lam):
    """w <- w - eta (g + lam w) = (1 - eta lam) w - eta g."""
    return (1 - eta * lam) * w - eta * data_gradient(X, y, b, w)


def step_subgradient(X, y, b, w, eta, lam):
    """w <- w - eta (g + lam sign(w)), with sign(0) = 0 (one element of the subdifferential)."""
    return w - eta * (data_gradient(X, y, b, w) + lam * np.sign(w))


def step_proximal(X, y, b, w, eta, lam):
    """w <- S(w - eta g, eta lam): the gradient step on the data term, then soft-thresholding."""
    return solvers.soft_threshold(w - eta * data_gradient(X, y, b, w), eta * lam)


def min_norm_subgradient(X, y, b, w, lam) -> np.ndarray:
    """The smallest element of the subdifferential of J (lasso): 0 at an optimum.

    Where w_j != 0 it is g_j + lam sign(w_j); where w_j = 0 the subdifferential is the
    interval [g_j - lam, g_j + lam], whose smallest element is S(g_j, lam).
    """
    g = data_gradient(X, y, b, w)
    w = np.asarray(w, float)
    return np.where(w != 0, g + lam * np.sign(w), solvers.soft_threshold(g, lam))


# --- the article's convention ----------------------------------------------------------
#   one example: L = (wx + b - y)^2 + lam_art |w|   or   + lam_art w^2   (eta = 1 substituted)


def article_loss(x, y, b, w, lam_art, penalty):
    """The article's loss, summed over the examples given (one example: its own formula)."""
    r = np.atleast_1d(np.asarray(x, float)) * w + b - np.atleast_1d(np.asarray(y, float))
    pen = {"none": 0.0, "l1": abs(w), "l2": w * w}[penalty]
    return float(r @ r + lam_art * pen)


def article_gradient(x, y, b, w, lam_art, penalty):
    """The article's derivatives: 2x(wx+b-y), plus lam_art sign(w) (w != 0) or 2 lam_art w."""
    x = np.atleast_1d(np.asarray(x, float))
    h = float(2 * x @ (x * w + b - np.atleast_1d(np.asarray(y, float))))
    return h + {"none": 0.0, "l1": lam_art * np.sign(w), "l2": 2 * lam_art * w}[penalty]


def article_ridge(X, y, lam_art):
    """Minimiser of sum_i (y_i - b - x_i'w)^2 + lam_art ||w||^2 (intercept unpenalised), closed form."""
    Xc, yc = X - X.mean(axis=0), y - y.mean()
    w = np.linalg.solve(Xc.T @ Xc + lam_art * np.eye(X.shape[1]), Xc.T @ yc)
    return w


def article_gd(X, y, lam_art, eta_art, n_iter, w0):
    """Gradient descent on the article's summed L2 objective (centred data, b at its optimum)."""
    Xc, yc = X - X.mean(axis=0), y - y.mean()
    w = np.array(w0, float)
    trace = [w.copy()]
    for _ in range(n_iter):
        w = w - eta_art * (2 * Xc.T @ (Xc @ w - yc) + 2 * lam_art * w)
        trace.append(w.copy())
    return np.array(trace)


# --- analysis helpers -----------------------------------------------------------------------

METHODS = ("none", "ridge", "subgradient", "proximal", "cd")  # the order of tables, legends and panels


def first_stay_zero(trace: np.ndarray) -> int | None:
    """First iteration from which the weight(s) in ``trace`` stay exactly zero, or None."""
    zero = np.all(np.atleast_2d(trace.T).T == 0, axis=1) if trace.ndim > 1 else trace == 0
    if not zero[-1]:
        return None
    nonzero = np.nonzero(~zero)[0]
    return int(nonzero[-1] + 1) if len(nonzero) else 0


# --- experiment 1: one feature, every method ----------------------------------------------------

ONE_D = {"seed": 4, "n": 40, "w_true": 0.15, "lam": 0.4, "eta": 0.25, "w0": 1.5, "n_iter": 40, "tail": 10}


def one_feature() -> dict:
    c = ONE_D
    rng = np.random.default_rng(c["seed"])
    x = rng.standard_normal(c["n"])
    x = (x - x.mean()) / x.std()
    y = 0.5 + c["w_true"] * x + rng.standard_normal(c["n"])
    X = x[:, None]
    lam, eta, w0, k = c["lam"], c["eta"], np.array([c["w0"]]), c["n_iter"]
    corr = float((x - x.mean()) @ (y - y.mean()) / c["n"])  # = the least-squares slope, x standardised
    traces = {
        "none": solvers.proximal_gradient(X, y, 0.0, step=eta, n_iter=k, w0=w0).trace[:, 0],
        "ridge": solvers.proximal_gradient(X, y, lam, alpha=0.0, step=eta, n_iter=k, w0=w0).trace[:, 0],
        "subgradient": solvers.subgradient_descent(X, y, lam, step=eta, n_iter=k, w0=w0).trace[:, 0],
        "proximal": solvers.proximal_gradient(X, y, lam, step=eta, n_iter=k, w0=w0).trace[:, 0],
        "cd": solvers.coordinate_descent(X, y, lam, w0=w0, record=True).trace[:, 0],
    }
    tail = traces["subgradient"][-c["tail"] :]
    return {
        "X": X,
        "y": y,
        "n": c["n"],
        "w0": c["w0"],
        "n_iter": k,
        "corr": corr,
        "traces": traces,
        "lam": lam,
        "eta": eta,
        "eta_lam": eta * lam,
        "ridge_exact": corr / (1 + lam),
        "prox_zero_at": first_stay_zero(traces["proximal"]),
        "cd_zero_at": first_stay_zero(traces["cd"]),
        "sub_low": float(tail.min()),
        "sub_high": float(tail.max()),
        "sub_zeros": int((traces["subgradient"] == 0).sum()),
    }


# --- experiment 2: ten features, seven irrelevant -------------------------------------------------

MULTI = {
    "seed": 0,
    "n": 100,
    "p": 10,
    "relevant": (1.5, -1.0, 0.5),
    "lam": 0.1,
    "w0": 0.5,
    "n_iter": 100,
    "tail": 50,  # last iterations over which the subgradient method's wobble is measured
    "eta_small": 0.1,  # eta * L for the amplitude comparison of the subgradient method
    "small_iter_factor": 20,  # the small-step run is this many times longer
    "step_factors": (0.5, 1.0, 1.9, 2.05),  # eta * L for the stability figure
    "stability_steps": 60,
}


def multivariate() -> dict:
    c = MULTI
    rng = np.random.default_rng(c["seed"])
    X, _, _ = solvers.standardize(rng.standard_normal((c["n"], c["p"])))
    w_true = np.zeros(c["p"])
    w_true[: len(c["relevant"])] = c["relevant"]
    y = 1.0 + X @ w_true + rng.standard_normal(c["n"])
    lam, k, L = c["lam"], c["n_iter"], solvers.lipschitz(X)
    eta = 1 / L
    w0 = np.full(c["p"], c["w0"])
    fits = {
        "none": solvers.proximal_gradient(X, y, 0.0, step=eta, n_iter=k, w0=w0),
        "ridge": solvers.proximal_gradient(X, y, lam, alpha=0.0, step=eta, n_iter=k, w0=w0),
        "subgradient": solvers.subgradient_descent(X, y, lam, step=eta, n_iter=k, w0=w0),
        "proximal": solvers.proximal_gradient(X, y, lam, step=eta, n_iter=k, w0=w0),
        "cd": solvers.coordinate_descent(X, y, lam, w0=w0, record=True),
    }
    traces = {m: f.trace for m, f in fits.items()}
    lasso = fits["cd"]
    n_relevant = len(c["relevant"])
    irrelevant = slice(n_relevant, None)
    tail = c["tail"]
    small = solvers.subgradient_descent(
        X, y, lam, step=c["eta_small"] * eta, n_iter=c["small_iter_factor"] * k, w0=w0
    ).trace
    ols = solvers.ridge(X, y, 0.0)
    # Step sizes on the ridge objective: stable below 2 / (L + lam).
    L_ridge = solvers.lipschitz(X, lam, alpha=0.0)
    ridge_exact = solvers.ridge(X, y, lam)
    f_star = site_objective(X, y, ridge_exact.b, ridge_exact.w, lam, "l2")
    stability = {}
    for factor in c["step_factors"]:
        tr = solvers.proximal_gradient(
            X, y, lam, alpha=0.0, step=factor / L_ridge, n_iter=c["stability_steps"], w0=w0
        ).trace
        # X is standardised (column means 0), so the optimal intercept is mean(y) for every w.
        b = float(y.mean())
        gaps = np.array([site_objective(X, y, b, w, lam, "l2") for w in tr]) - f_star
        stability[factor] = gaps
    diverging = stability[c["step_factors"][-1]]
    # Penalty or constraint: the lasso at lam equals the L1-constrained fit with t = ||w_lam||_1.
    t = float(np.abs(lasso.w).sum())
    w_constrained = solvers.constrained_lasso(X, y, t)
    zeros = {m: (tr == 0).sum(axis=1) for m, tr in traces.items()}
    wobble = float(np.abs(traces["subgradient"][-tail:, irrelevant]).max())
    wobble_small = float(np.abs(small[-tail:, irrelevant]).max())
    # Where each method ends: the relevant weights, the exact zeros, the largest irrelevant weight.
    end = {
        method: {
            "run": len(traces[method]) - 1,
            "relevant": traces[method][-1, :n_relevant],
            "zeros": int((traces[method][-1] == 0).sum()),
            "largest_irrelevant": float(np.abs(traces[method][-1, irrelevant]).max()),
        }
        for method in METHODS
    }
    return {
        "X": X,
        "y": y,
        "n": c["n"],
        "p": c["p"],
        "w0": c["w0"],
        "n_iter": k,
        "w_true": w_true,
        "lam": lam,
        "L": L,
        "eta": eta,
        "eta_lam": eta * lam,
        "L_ridge": L_ridge,
        "eta_limit": 2 / L_ridge,
        "traces": traces,
        "lasso": lasso,
        "lasso_zeros": int((lasso.w == 0).sum()),
        "cd_sweeps": lasso.n_iter,
        "ols": ols,
        "ridge": ridge_exact,
        "ridge_smallest": float(np.abs(ridge_exact.w[irrelevant]).min()),
        "ols_smallest": float(np.abs(ols.w[irrelevant]).min()),
        "zeros": zeros,
        "end": end,
        "irrelevant": irrelevant,
        "n_relevant": n_relevant,
        "cd_zero_at": first_stay_zero(traces["cd"][:, irrelevant]),
        "prox_zero_at": first_stay_zero(traces["proximal"][:, irrelevant]),
        "sub_ever_zero": int((traces["subgradient"][1:] == 0).sum()),
        "wobble": wobble,
        "wobble_small": wobble_small,
        "eta_small_factor": c["eta_small"],
        "wobble_ratio": wobble / wobble_small,
        "subgradient_gap": float(np.abs(traces["subgradient"][-1] - lasso.w).max()),
        "stability": stability,
        "diverge": {"start": diverging[0], "end": diverging[-1], "steps": len(diverging) - 1},
        "t": t,
        "w_constrained": w_constrained,
        "constrained_gap": float(np.abs(w_constrained - lasso.w).max()),
        "kkt": solvers.kkt_violation(X, y, lasso.b, lasso.w, lam),
        # the article's eta = 1 in its own units: its summed loss has curvature 2 n L
        "article_L": 2 * c["n"] * L,
        "article_eta_limit": 2 / (2 * c["n"] * L),
    }


# --- experiment 3: the "doubling" of lambda, on experiment 2's data ---------------------------------

DOUBLING = {"lam0": 20.0, "eta_factor": 0.5, "n_iter": 30}  # lam0: article-style (its loss is a sum)


def doubling(m: dict) -> dict:
    """lam w^2 versus (lam/2) w^2 on the multivariate problem, in the article's summed form."""
    c = DOUBLING
    X, y = m["X"], m["y"]
    n = len(y)
    lam0 = c["lam0"]
    w_art = article_ridge(X, y, lam0)  # sum + lam0 w^2
    w_half_same = article_ridge(X, y, lam0 / 2)  # sum + (lam0/2) w^2: the "no 2" convention, same number
    w_half_double = article_ridge(X, y, 2 * lam0 / 2)  # sum + (2 lam0 / 2) w^2
    w_site = solvers.ridge(X, y, 2 * lam0 / (2 * n)).w  # 1/(2n) sum + (lam/2) w^2 with lam = lam0/n
    # Gradient descent in both conventions: identical iterates when eta = 2 n eta_art, lam = lam_art / n.
    eta_art = c["eta_factor"] / (2 * n * m["L"] + 2 * lam0)
    art_trace = article_gd(X, y, lam0, eta_art, c["n_iter"], np.zeros(X.shape[1]))
    site_trace = solvers.proximal_gradient(
        X, y, lam0 / n, alpha=0.0, step=2 * n * eta_art, n_iter=c["n_iter"], w0=np.zeros(X.shape[1])
    ).trace
    return {
        "lam0": lam0,
        "lam0_half": lam0 / 2,
        "lam0_double": 2 * lam0,
        "site_lam": lam0 / n,
        "n": n,
        "w_art": w_art,
        "w_half_same": w_half_same,
        "w_half_double": w_half_double,
        "w_site": w_site,
        "eta_art": eta_art,
        "trace_gap": float(np.abs(art_trace - site_trace).max()),
        "same_gap": float(np.abs(w_art - w_half_double).max()),
        "site_gap": float(np.abs(w_art - w_site).max()),
        "diff_gap": float(np.abs(w_art - w_half_same).max()),
    }


# --- experiment 4: the article's small coefficients ------------------------------------------------

SMALL = {
    "seed": 7,
    "n_train": 200,
    "n_test": 5000,
    "w": (0.4561, -0.0007, 0.3251, 0.0009, 0.0001, -0.9142),
    "b": -0.553,
    "scale": (1.0, 1000.0, 1.0, 1.0, 1.0, 1.0),  # x2 is measured in units a thousand times smaller
    "noise": 0.3,
    "lam": 0.02,
}


def small_coefficients() -> dict:
    c = SMALL
    rng = np.random.default_rng(c["seed"])
    w, scale = np.array(c["w"]), np.array(c["scale"])
    p = len(w)

    def draw(n):
        X = rng.standard_normal((n, p)) * scale
        return X, c["b"] + X @ w + c["noise"] * rng.standard_normal(n)

    X, y = draw(c["n_train"])
    Xt, yt = draw(c["n_test"])

    def test_mse(columns):
        fit = solvers.ridge(X[:, columns], y, 0.0)
        r = yt - fit.b - Xt[:, columns] @ fit.w
        return float(r @ r / len(r))

    everything = list(range(p))
    ols = solvers.ridge(X, y, 0.0)
    Xs, _, sd = solvers.standardize(X)
    lasso_std = solvers.coordinate_descent(Xs, y, c["lam"])
    mse_all = test_mse(everything)
    mse_without_x2 = test_mse([0, 2, 3, 4, 5])
    return {
        "n_train": c["n_train"],
        "n_test": c["n_test"],
        "scale_x2": c["scale"][1],
        "ols_w": ols.w,
        "sd": sd,
        "standardised_w": ols.w * sd,
        "mse_all": mse_all,
        "mse_without_x2": mse_without_x2,
        "mse_without_x45": test_mse([0, 1, 2, 5]),
        "mse_without_x245": test_mse([0, 2, 5]),
        "x2_ratio": mse_without_x2 / mse_all,
        "noise_var": c["noise"] ** 2,
        "lasso_std_w": lasso_std.w,
        "lasso_raw_units": lasso_std.w / sd,
        "lasso_zeros": int((lasso_std.w == 0).sum()),
        "lasso_kkt": solvers.kkt_violation(Xs, y, lasso_std.b, lasso_std.w, c["lam"]),
        "Xs": Xs,
        "y": y,
        "lam": c["lam"],
    }


# --- experiment 5: train and test error as p approaches n --------------------------------------------

OVERFIT = {"seed": 11, "n": 50, "n_test": 2000, "p_max": 48, "relevant": 5, "noise": 1.0, "reps": 40, "lam": 0.5}


def overfitting() -> dict:
    c = OVERFIT
    rng = np.random.default_rng(c["seed"])
    n, ps = c["n"], np.arange(1, c["p_max"] + 1)
    w_true = np.zeros(c["p_max"])
    w_true[: c["relevant"]] = np.linspace(1.0, 0.2, c["relevant"])
    shape = (c["reps"], len(ps))
    train, test, ridge_train, ridge_test = (np.empty(shape) for _ in range(4))
    null_test = np.empty(c["reps"])  # predicting the training mean for every test example
    for rep in range(c["reps"]):
        X = rng.standard_normal((n, c["p_max"]))
        y = X @ w_true + c["noise"] * rng.standard_normal(n)
        Xt = rng.standard_normal((c["n_test"], c["p_max"]))
        yt = Xt @ w_true + c["noise"] * rng.standard_normal(c["n_test"])
        null_test[rep] = np.mean((yt - y.mean()) ** 2)
        for i, p in enumerate(ps):
            for fit, tr, te in (
                (solvers.ridge(X[:, :p], y, 0.0), train, test),
                (solvers.ridge(X[:, :p], y, c["lam"]), ridge_train, ridge_test),
            ):
                r = y - fit.b - X[:, :p] @ fit.w
                rt = yt - fit.b - Xt[:, :p] @ fit.w
                tr[rep, i], te[rep, i] = r @ r / n, rt @ rt / len(rt)
    runs = {"train": train, "test": test, "ridge_train": ridge_train, "ridge_test": ridge_test}
    median = {key: np.median(v, axis=0) for key, v in runs.items()}
    return {
        "median_gap": median["test"] - median["train"],
        "ps": ps,
        "n": n,
        **runs,
        "median": median,
        "best_p": int(ps[np.argmin(median["test"])]),
        "null_test": null_test,
        "null_median": float(np.median(null_test)),
        "noise_var": c["noise"] ** 2,
        "relevant": c["relevant"],
        "lam": c["lam"],
        "reps": c["reps"],
    }


# --- experiment 6: one feature, very few examples ------------------------------------------------------

FEW = {"seed": 21, "slope": 0.3, "noise": 1.0, "ns": (6, 50), "reps": 20000}


def expected_test_error(b, w, w_true, noise: float):
    """Mean squared error of ``b + x'w`` on a new example, x ~ N(0, I), y = x'w_true + noise (exact)."""
    return noise**2 + b**2 + np.sum((np.atleast_2d(w) - w_true) ** 2, axis=-1)


def few_examples() -> dict:
    """One-feature least squares against the intercept alone (predicting the mean of y), per n."""
    c = FEW
    rng = np.random.default_rng(c["seed"])
    out = {"slope": c["slope"], "noise_var": c["noise"] ** 2, "reps": c["reps"], "ns": c["ns"], "by_n": {}}
    for n in c["ns"]:
        x = rng.standard_normal((c["reps"], n))
        y = c["slope"] * x + c["noise"] * rng.standard_normal((c["reps"], n))
        xc, yc = x - x.mean(axis=1, keepdims=True), y - y.mean(axis=1, keepdims=True)
        w = (xc * yc).sum(axis=1) / (xc * xc).sum(axis=1)
        b = y.mean(axis=1) - w * x.mean(axis=1)
        ols = expected_test_error(b, w[:, None], c["slope"], c["noise"])
        mean_only = expected_test_error(y.mean(axis=1), np.zeros((c["reps"], 1)), c["slope"], c["noise"])
        out["by_n"][n] = {
            "ols": float(ols.mean()),
            "mean_only": float(mean_only.mean()),
            "ols_better": bool(ols.mean() < mean_only.mean()),
        }
    return out


# --- experiment 7: Intuition A, moving away from the least-squares weights -------------------------------

SHIFT = {"seed": 31, "n": 50, "p": 40, "relevant": 5, "noise": 1.0, "lam": 0.5, "reps": 200}


def shift_direction() -> dict:
    """Move the least-squares w as far as ridge moves it, in ridge's direction, at random, or backwards."""
    c = SHIFT
    rng = np.random.default_rng(c["seed"])
    w_true = np.zeros(c["p"])
    w_true[: c["relevant"]] = np.linspace(1.0, 0.2, c["relevant"])
    errors = {key: np.empty(c["reps"]) for key in ("ols", "ridge", "random", "reversed")}
    distance_sq = np.empty(c["reps"])  # squared length of ridge's move, which the other moves copy
    ridge_shorter = np.empty(c["reps"], dtype=bool)  # ridge's move shrinks the weights
    for rep in range(c["reps"]):
        X = rng.standard_normal((c["n"], c["p"]))
        y = X @ w_true + c["noise"] * rng.standard_normal(c["n"])
        ols, ridge = solvers.ridge(X, y, 0.0), solvers.ridge(X, y, c["lam"])
        shift = ridge.w - ols.w
        direction = rng.standard_normal(c["p"])
        random_shift = direction * np.linalg.norm(shift) / np.linalg.norm(direction)
        distance_sq[rep] = shift @ shift
        ridge_shorter[rep] = ridge.w @ ridge.w < ols.w @ ols.w
        for key, (b, w) in {
            "ols": (ols.b, ols.w),
            "ridge": (ridge.b, ridge.w),
            "random": (ols.b, ols.w + random_shift),
            "reversed": (ols.b, ols.w - shift),
        }.items():
            errors[key][rep] = expected_test_error(b, w, w_true, c["noise"])[0]
    mean = {key: float(v.mean()) for key, v in errors.items()}
    return {
        **{k: c[k] for k in ("n", "p", "relevant", "lam", "reps")},
        "w_true": w_true,
        "ridge_shorter": ridge_shorter,
        "errors": errors,
        "distance_sq": distance_sq,
        "mean": mean,
        # in how many runs a random shift of ridge's length does better than not moving at all
        "random_helps": int(np.sum(errors["random"] < errors["ols"])),
    }


# --- the exercises ---------------------------------------------------------------------------------

EXERCISES = {
    # Exercise 1: one step from w = 0.1 on a data-term gradient g = -0.1, eta = 0.5, lam = 0.4.
    "ex1": {"w": 0.1, "g": -0.1, "eta": 0.5, "lam": 0.4},
    # Exercise 2: an article lambda for the L1 penalty, n examples, read in its two ways:
    # penalty attached to every example's loss (counted n times) or added once to the sum.
    "ex2": {"lam_art": 0.3, "n": 250},
}


def exercises(m: dict) -> dict:
    w, g, eta, lam = (EXERCISES["ex1"][k] for k in ("w", "g", "eta", "lam"))
    sub = w - eta * (g + lam * np.sign(w))
    prox = float(solvers.soft_threshold(w - eta * g, eta * lam))
    lam_art, n = EXERCISES["ex2"]["lam_art"], EXERCISES["ex2"]["n"]
    return {
        "ex1": {
            "w": w,
            "g": g,
            "eta": eta,
            "lam": lam,
            "sub": sub,
            "prox": prox,
            "threshold": eta * lam,
            "before": w - eta * g,
        },
        "ex2": {"lam_art": lam_art, "n": n, "per_example": lam_art / 2, "once": lam_art / (2 * n)},
        "ex3": {"limit": 2 / m["L_ridge"], "lam": m["lam"], "L": m["L"]},
    }


def compute() -> dict:
    multi = multivariate()
    return {
        "one": one_feature(),
        "multi": multi,
        "doubling": doubling(multi),
        "small": small_coefficients(),
        "overfit": overfitting(),
        "few": few_examples(),
        "shift": shift_direction(),
        "exercises": exercises(multi),
    }
