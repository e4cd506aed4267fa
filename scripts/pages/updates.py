"""Gradient-descent updates with L1 and L2: the article's update rules, completed and run.

Restates "Intuitions on L1 and L2 Regularisation" (Raimi Karim, Towards Data Science) in
the site's convention and runs every update it writes: traces of plain gradient descent,
ridge, the lasso by fixed-step subgradient descent, by the proximal step and by coordinate
descent, on one feature and on ten features of which seven are irrelevant.  Also: what
the article's step size eta = 1 hides, the "doubling" of lambda under L2, the article's
example of small coefficients, and train versus test error as p approaches n.

Two small solver features live here rather than in scripts/solvers.py: the article's own
ridge objective (a sum, penalty lam_art * w^2) in closed form, and Euclidean projection
onto the L1 ball for the constrained form of the lasso.
"""

from __future__ import annotations

import numpy as np

from scripts import fmt, solvers, style

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


# --- the constrained form ----------------------------------------------------------------


def project_l1_ball(v, t: float) -> np.ndarray:
    """Euclidean projection onto {w : ||w||_1 <= t} (sort-based, Duchi et al. 2008)."""
    v = np.asarray(v, float)
    if np.abs(v).sum() <= t:
        return v.copy()
    u = np.sort(np.abs(v))[::-1]
    cumulative = np.cumsum(u)
    k = np.arange(1, len(u) + 1)
    rho = np.nonzero(u * k > cumulative - t)[0][-1]
    theta = (cumulative[rho] - t) / (rho + 1)
    return solvers.soft_threshold(v, theta)


def constrained_lasso(X, y, t: float, n_iter: int = 3000) -> np.ndarray:
    """min 1/(2n)||y - b - Xw||^2 subject to ||w||_1 <= t, by projected gradient (step 1/L)."""
    Xc, yc = X - X.mean(axis=0), y - y.mean()
    step = 1 / solvers.lipschitz(X)
    w = np.zeros(X.shape[1])
    for _ in range(n_iter):
        w = project_l1_ball(w + step * Xc.T @ (yc - Xc @ w) / len(yc), t)
    return w


# --- experiments --------------------------------------------------------------------------

ONE_D = {"seed": 4, "n": 40, "w_true": 0.15, "lam": 0.4, "eta": 0.25, "w0": 1.5, "n_iter": 40}
MULTI = {"seed": 0, "n": 100, "p": 10, "relevant": (1.5, -1.0, 0.5), "lam": 0.1, "w0": 0.5, "n_iter": 100}
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
OVERFIT = {"seed": 11, "n": 50, "n_test": 2000, "p_max": 48, "relevant": 5, "noise": 1.0, "reps": 40, "lam": 0.5}
STEP_FACTORS = (0.5, 1.0, 1.9, 2.05)  # eta * L for the stability figure
ETA_SMALL = 0.1  # eta * L for the amplitude comparison of the subgradient method


def _one_feature():
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
    return {"X": X, "y": y, "corr": corr, "traces": traces, "lam": lam, "eta": eta}


def _first_stay_zero(trace: np.ndarray) -> int | None:
    """First iteration from which the weight(s) in ``trace`` stay exactly zero, or None."""
    zero = np.all(np.atleast_2d(trace.T).T == 0, axis=1) if trace.ndim > 1 else trace == 0
    if not zero[-1]:
        return None
    nonzero = np.nonzero(~zero)[0]
    return int(nonzero[-1] + 1) if len(nonzero) else 0


def _multivariate():
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
    irrelevant = slice(len(c["relevant"]), None)
    tail = 50  # last iterations over which the subgradient method's wobble is measured
    small = solvers.subgradient_descent(X, y, lam, step=ETA_SMALL * eta, n_iter=20 * k, w0=w0).trace
    ols = solvers.ridge(X, y, 0.0)
    # Step sizes on the ridge objective: stable below 2 / (L + lam).
    L_ridge = solvers.lipschitz(X, lam, alpha=0.0)
    ridge_exact = solvers.ridge(X, y, lam)
    f_star = site_objective(X, y, ridge_exact.b, ridge_exact.w, lam, "l2")
    stability = {}
    for factor in STEP_FACTORS:
        tr = solvers.proximal_gradient(X, y, lam, alpha=0.0, step=factor / L_ridge, n_iter=60, w0=w0).trace
        # X is standardised (column means 0), so the optimal intercept is mean(y) for every w.
        b = float(y.mean())
        gaps = np.array([site_objective(X, y, b, w, lam, "l2") for w in tr]) - f_star
        stability[factor] = gaps
    # Penalty or constraint: the lasso at lam equals the L1-constrained fit with t = ||w_lam||_1.
    t = float(np.abs(lasso.w).sum())
    w_constrained = constrained_lasso(X, y, t)
    return {
        "X": X,
        "y": y,
        "w_true": w_true,
        "lam": lam,
        "L": L,
        "eta": eta,
        "L_ridge": L_ridge,
        "traces": traces,
        "lasso": lasso,
        "ols": ols,
        "ridge": ridge_exact,
        "zeros": {m: (tr == 0).sum(axis=1) for m, tr in traces.items()},
        "irrelevant": irrelevant,
        "n_relevant": len(c["relevant"]),
        "wobble": float(np.abs(traces["subgradient"][-tail:, irrelevant]).max()),
        "wobble_small": float(np.abs(small[-tail:, irrelevant]).max()),
        "subgradient_gap": float(np.abs(traces["subgradient"][-1] - lasso.w).max()),
        "stability": stability,
        "t": t,
        "w_constrained": w_constrained,
        "kkt": solvers.kkt_violation(X, y, lasso.b, lasso.w, lam),
    }


def _doubling(m):
    """lam w^2 versus (lam/2) w^2 on the multivariate problem, in the article's summed form."""
    X, y = m["X"], m["y"]
    n = len(y)
    lam0 = 20.0  # an article-style lambda (its loss is a sum over the n examples)
    w_art = article_ridge(X, y, lam0)  # sum + lam0 w^2
    w_half_same = article_ridge(X, y, lam0 / 2)  # sum + (lam0/2) w^2: the "no 2" convention, same number
    w_half_double = article_ridge(X, y, 2 * lam0 / 2)  # sum + (2 lam0 / 2) w^2
    w_site = solvers.ridge(X, y, 2 * lam0 / (2 * n)).w  # 1/(2n) sum + (lam/2) w^2 with lam = lam0/n
    # Gradient descent in both conventions: identical iterates when eta = 2 n eta_art, lam = lam_art / n.
    eta_art = 0.5 / (2 * n * m["L"] + 2 * lam0)
    art_trace = article_gd(X, y, lam0, eta_art, 30, np.zeros(X.shape[1]))
    site_trace = solvers.proximal_gradient(
        X, y, lam0 / n, alpha=0.0, step=2 * n * eta_art, n_iter=30, w0=np.zeros(X.shape[1])
    ).trace
    return {
        "lam0": lam0,
        "n": n,
        "w_art": w_art,
        "w_half_same": w_half_same,
        "w_half_double": w_half_double,
        "w_site": w_site,
        "eta_art": eta_art,
        "trace_gap": float(np.abs(art_trace - site_trace).max()),
    }


def _small_coefficients():
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
    return {
        "ols_w": ols.w,
        "sd": sd,
        "standardised_w": ols.w * sd,
        "mse_all": test_mse(everything),
        "mse_without_x2": test_mse([0, 2, 3, 4, 5]),
        "mse_without_x45": test_mse([0, 1, 2, 5]),
        "mse_without_x245": test_mse([0, 2, 5]),
        "noise_var": c["noise"] ** 2,
        "lasso_std_w": lasso_std.w,
        "lasso_raw_units": lasso_std.w / sd,
        "lasso_kkt": solvers.kkt_violation(Xs, y, lasso_std.b, lasso_std.w, c["lam"]),
        "Xs": Xs,
        "y": y,
        "lam": c["lam"],
    }


def _overfitting():
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
    return {
        "ps": ps,
        "n": n,
        "train": train,
        "test": test,
        "ridge_train": ridge_train,
        "ridge_test": ridge_test,
        "null_test": null_test,
        "noise_var": c["noise"] ** 2,
        "relevant": c["relevant"],
        "lam": c["lam"],
        "reps": c["reps"],
    }


def _exercises(one, m):
    # Exercise 1: one step from w = 0.1 on a data-term gradient g = -0.1, eta = 0.5, lam = 0.4.
    w, g, eta, lam = 0.1, -0.1, 0.5, 0.4
    sub = w - eta * (g + lam * np.sign(w))
    prox = float(solvers.soft_threshold(w - eta * g, eta * lam))
    # Exercise 2: an article lambda for the L1 penalty, n examples, read in its two ways:
    # penalty attached to every example's loss (counted n times) or added once to the sum.
    lam_art, n = 0.3, 250
    return {
        "ex1": {"w": w, "g": g, "eta": eta, "lam": lam, "sub": sub, "prox": prox},
        "ex2": {"lam_art": lam_art, "n": n, "per_example": lam_art / 2, "once": lam_art / (2 * n)},
        "ex3": {"limit": 2 / m["L_ridge"], "lam": m["lam"], "L": m["L"]},
    }


def compute() -> dict:
    one = _one_feature()
    multi = _multivariate()
    return {
        "one": one,
        "multi": multi,
        "doubling": _doubling(multi),
        "small": _small_coefficients(),
        "overfit": _overfitting(),
        "exercises": _exercises(one, multi),
    }


# --- numbers --------------------------------------------------------------------------------

METHODS = {
    "none": "no penalty",
    "ridge": "L2 (ridge), gradient step",
    "subgradient": "L1, subgradient step",
    "proximal": "L1, proximal step",
    "cd": "L1, coordinate descent",
}


ROUNDING = -12  # differences at rounding level: print a bound, since their digits vary between machines


def tiny(x: float) -> str:
    """A rounding-level difference, printed as the bound "10⁻¹²" (the same on every machine); exact zero as 0."""
    return "0" if x == 0 else fmt.power_bound(x, ROUNDING)


def numbers(r: dict) -> dict[str, str]:
    one, m, d, s, o, ex = r["one"], r["multi"], r["doubling"], r["small"], r["overfit"], r["exercises"]
    out = {}
    # one feature
    t = one["traces"]
    out["one.n"] = fmt.integer(ONE_D["n"])
    out["one.lam"] = fmt.num(one["lam"])
    out["one.eta"] = fmt.num(one["eta"])
    out["one.eta_lam"] = fmt.num(one["eta"] * one["lam"])
    out["one.w0"] = fmt.num(ONE_D["w0"])
    out["one.iterations"] = fmt.integer(ONE_D["n_iter"])
    out["one.corr"] = fmt.num(one["corr"])
    out["one.ols"] = fmt.num(t["none"][-1])
    out["one.ridge"] = fmt.num(t["ridge"][-1])
    out["one.ridge_exact"] = fmt.num(one["corr"] / (1 + one["lam"]))
    out["one.prox_zero_at"] = fmt.integer(_first_stay_zero(t["proximal"]))
    out["one.cd_zero_at"] = fmt.integer(_first_stay_zero(t["cd"]))
    tail = t["subgradient"][-10:]
    out["one.sub_low"] = fmt.num(tail.min())
    out["one.sub_high"] = fmt.num(tail.max())
    out["one.sub_zeros"] = fmt.integer(int((t["subgradient"] == 0).sum()))
    # multivariate
    p, k = MULTI["p"], MULTI["n_iter"]
    out["multi.n"] = fmt.integer(MULTI["n"])
    out["multi.p"] = fmt.integer(p)
    out["multi.relevant"] = fmt.integer(m["n_relevant"])
    out["multi.irrelevant"] = fmt.integer(p - m["n_relevant"])
    out["multi.lam"] = fmt.num(m["lam"])
    out["multi.w0"] = fmt.num(MULTI["w0"])
    out["multi.iterations"] = fmt.integer(k)
    out["multi.L"] = fmt.num(m["L"])
    out["multi.eta"] = fmt.num(m["eta"])
    out["multi.eta_lam"] = fmt.num(m["eta"] * m["lam"])
    for method in METHODS:
        out[f"multi.zeros.{method}"] = fmt.integer(int(m["zeros"][method][-1]))
    out["multi.zeros.lasso"] = fmt.integer(int((m["lasso"].w == 0).sum()))
    out["multi.cd_sweeps"] = fmt.integer(m["lasso"].n_iter)
    out["multi.cd_zero_at"] = fmt.integer(_first_stay_zero(m["traces"]["cd"][:, m["irrelevant"]]))
    out["multi.prox_zero_at"] = fmt.integer(_first_stay_zero(m["traces"]["proximal"][:, m["irrelevant"]]))
    out["multi.sub_ever_zero"] = fmt.integer(int((m["traces"]["subgradient"][1:] == 0).sum()))
    out["multi.wobble"] = fmt.num(m["wobble"])
    out["multi.wobble_small"] = fmt.num(m["wobble_small"])
    out["multi.eta_small_factor"] = fmt.num(ETA_SMALL)
    out["multi.wobble_ratio"] = fmt.num(m["wobble"] / m["wobble_small"], 2)
    out["multi.sub_gap"] = fmt.num(m["subgradient_gap"])
    out["multi.kkt"] = tiny(m["kkt"])
    out["multi.ridge_smallest"] = fmt.num(np.abs(m["ridge"].w[m["irrelevant"]]).min())
    out["multi.ols_smallest"] = fmt.num(np.abs(m["ols"].w[m["irrelevant"]]).min())
    out["multi.L_ridge"] = fmt.num(m["L_ridge"])
    out["multi.eta_limit"] = fmt.num(2 / m["L_ridge"])
    for factor in STEP_FACTORS:
        out[f"multi.step.{fmt.num(factor).replace('.', '_')}"] = fmt.num(factor)
    diverging = m["stability"][STEP_FACTORS[-1]]
    out["multi.diverge.start"] = fmt.num(diverging[0])
    out["multi.diverge.end"] = fmt.num(diverging[-1])
    out["multi.diverge.steps"] = fmt.integer(len(diverging) - 1)
    out["multi.t"] = fmt.num(m["t"])
    out["multi.constrained_gap"] = tiny(np.abs(m["w_constrained"] - m["lasso"].w).max())
    # the article's eta = 1 in its own units
    n = MULTI["n"]
    out["multi.article_L"] = fmt.num(2 * n * m["L"])
    out["multi.article_eta_limit"] = fmt.num(2 / (2 * n * m["L"]))
    # doubling
    out["doubling.lam0"] = fmt.num(d["lam0"])
    out["doubling.lam0_half"] = fmt.num(d["lam0"] / 2)
    out["doubling.site_lam"] = fmt.num(d["lam0"] / d["n"])
    out["doubling.same_gap"] = tiny(np.abs(d["w_art"] - d["w_half_double"]).max())
    out["doubling.site_gap"] = tiny(np.abs(d["w_art"] - d["w_site"]).max())
    out["doubling.trace_gap"] = tiny(d["trace_gap"])
    out["doubling.diff_gap"] = fmt.num(np.abs(d["w_art"] - d["w_half_same"]).max())
    # small coefficients
    names = ["x1", "x2", "x3", "x4", "x5", "x6"]
    for j, name in enumerate(names):
        out[f"small.ols.{name}"] = fmt.num(s["ols_w"][j])
        out[f"small.std.{name}"] = fmt.num(s["standardised_w"][j])
        out[f"small.lasso.{name}"] = fmt.num(s["lasso_std_w"][j])
        out[f"small.sd.{name}"] = fmt.num(s["sd"][j])
    out["small.lasso_x2_raw"] = fmt.num(s["lasso_raw_units"][1])
    out["small.scale_x2"] = fmt.num(SMALL["scale"][1])
    out["small.n_train"] = fmt.integer(SMALL["n_train"])
    out["small.n_test"] = fmt.integer(SMALL["n_test"])
    out["small.noise_var"] = fmt.num(s["noise_var"])
    for key in ("mse_all", "mse_without_x2", "mse_without_x45", "mse_without_x245"):
        out[f"small.{key}"] = fmt.num(s[key])
    out["small.x2_ratio"] = fmt.num(s["mse_without_x2"] / s["mse_all"])
    out["small.lam"] = fmt.num(s["lam"])
    out["small.lasso_zeros"] = fmt.integer(int((s["lasso_std_w"] == 0).sum()))
    # overfitting
    med = {key: np.median(o[key], axis=0) for key in ("train", "test", "ridge_train", "ridge_test")}
    ps = list(o["ps"])
    out["overfit.n"] = fmt.integer(o["n"])
    out["overfit.relevant"] = fmt.integer(o["relevant"])
    out["overfit.reps"] = fmt.integer(o["reps"])
    out["overfit.p_max"] = fmt.integer(ps[-1])
    out["overfit.lam"] = fmt.num(o["lam"])
    out["overfit.noise_var"] = fmt.num(o["noise_var"])
    for p in (1, o["relevant"], 25, ps[-1]):
        i = ps.index(p)
        out[f"overfit.p{p}"] = fmt.integer(p)
        for key in med:
            out[f"overfit.{key}.p{p}"] = fmt.num(med[key][i])
    best = int(o["ps"][np.argmin(med["test"])])
    out["overfit.null_test"] = fmt.num(np.median(o["null_test"]))
    out["overfit.best_p"] = fmt.integer(best)
    # exercises
    e1, e2, e3 = ex["ex1"], ex["ex2"], ex["ex3"]
    for key in ("w", "g", "eta", "lam"):
        out[f"ex1.{key}"] = fmt.num(e1[key])
    out["ex1.sub"] = fmt.num(e1["sub"])
    out["ex1.prox"] = fmt.num(e1["prox"])
    out["ex1.threshold"] = fmt.num(e1["eta"] * e1["lam"])
    out["ex1.before"] = fmt.num(e1["w"] - e1["eta"] * e1["g"])
    out["ex2.lam_art"] = fmt.num(e2["lam_art"])
    out["ex2.n"] = fmt.integer(e2["n"])
    out["ex2.per_example"] = fmt.num(e2["per_example"])
    out["ex2.once"] = fmt.num(e2["once"])
    out["ex3.limit"] = fmt.num(e3["limit"])
    return out


# --- tables ----------------------------------------------------------------------------------


def tables(r: dict) -> dict[str, str]:
    n = numbers(r)
    d = r["doubling"]
    rows_d = []
    for label, penalty, lam_text, w in (
        ("the article", "$\\lambda_{\\text{art}} w^2$", n["doubling.lam0"], d["w_art"]),
        ("halved penalty, same λ", "$\\tfrac{\\lambda_{\\text{art}}}{2} w^2$", n["doubling.lam0"], d["w_half_same"]),
        (
            "halved penalty, doubled λ",
            "$\\tfrac{\\lambda_{\\text{art}}}{2} w^2$",
            fmt.num(2 * d["lam0"]),
            d["w_half_double"],
        ),
    ):
        rows_d.append(
            [label, "$\\sum_i (y_i - \\hat y_i)^2$", penalty, lam_text, fmt.fixed(w[0], 4), fmt.fixed(w[2], 4)]
        )
    rows_d.append(
        [
            "this site",
            "$\\frac{1}{2n}\\sum_i (y_i - \\hat y_i)^2$",
            "$\\tfrac{\\lambda}{2} w^2$",
            n["doubling.site_lam"],
            fmt.fixed(d["w_site"][0], 4),
            fmt.fixed(d["w_site"][2], 4),
        ]
    )
    doubling = fmt.table(["convention", "data term", "penalty", "value of λ", "$w_1$", "$w_3$"], rows_d, "lllrrr")

    m = r["multi"]
    rows_z = []
    for method, label in METHODS.items():
        tr = m["traces"][method]
        unit = "sweeps" if method == "cd" else "steps"
        irr = tr[-1, m["irrelevant"]]
        rows_z.append(
            [
                label,
                f"{fmt.integer(len(tr) - 1)} {unit}",
                ", ".join(fmt.num(v) for v in tr[-1, : m["n_relevant"]]),
                fmt.integer(int((tr[-1] == 0).sum())),
                fmt.num(np.abs(irr).max()) if np.any(irr) else "0",
            ]
        )
    head = [
        "method",
        "run",
        "$w_1, w_2, w_3$ at the end",
        "exact zeros at the end",
        "largest irrelevant weight, in size",
    ]
    zeros = fmt.table(head, rows_z, "llrrr")

    rows_s = []
    for j in range(6):
        name = f"x{j + 1}"
        rows_s.append(
            [
                f"$x_{j + 1}$",
                n[f"small.sd.{name}"],
                n[f"small.ols.{name}"],
                n[f"small.std.{name}"],
                n[f"small.lasso.{name}"],
            ]
        )
    small = fmt.table(
        [
            "feature",
            "standard deviation",
            "least-squares weight (raw units)",
            "weight × standard deviation",
            f"lasso weight, standardised, λ = {n['small.lam']}",
        ],
        rows_s,
        "lrrrr",
    )
    rows_m = [
        ["all six features", n["small.mse_all"]],
        ["without $x_2$", n["small.mse_without_x2"]],
        ["without $x_4$ and $x_5$", n["small.mse_without_x45"]],
        ["without $x_2$, $x_4$ and $x_5$ (the article's advice)", n["small.mse_without_x245"]],
    ]
    drop = fmt.table(["least-squares model fitted on", "test mean squared error"], rows_m, "lr")
    return {"doubling": doubling, "zeros": zeros, "small-coefficients": small, "drop-features": drop}


# --- figures ---------------------------------------------------------------------------------

STYLE = {
    "none": (style.MUTED, (0, (1, 1.5)), None),
    "ridge": (style.BLUE, "solid", None),
    "subgradient": (style.VERMILLION, "solid", None),
    "proximal": (style.GREEN, (0, (5, 2)), None),
    "cd": (style.PURPLE, "none", "o"),
}


def _fig_one_feature(one):
    fig = style.new_figure(6.4, 3.8)
    ax = fig.add_subplot()
    for method, label in METHODS.items():
        colour, dash, _ = STYLE[method]
        tr = one["traces"][method]
        if method == "cd":
            ax.plot(
                np.arange(len(tr)),
                tr,
                color=colour,
                linestyle=(0, (2, 2)),
                marker="o",
                markersize=6,
                label=label + " (sweeps)",
            )
        else:
            ax.plot(np.arange(len(tr)), tr, color=colour, linestyle=dash, label=label)
    ax.axhline(0, color=style.INK, linewidth=0.8)
    ax.set_xlabel("iteration (step, or sweep for coordinate descent)")
    ax.set_ylabel("weight w")
    ax.set_title(f"One feature, λ = {fmt.num(one['lam'])}, η = {fmt.num(one['eta'])}")
    ax.legend(loc="upper right", fontsize=9)
    return fig


def _fig_multi_traces(m):
    fig = style.new_figure(6.4, 7.4)
    axes = fig.subplots(5, 1, sharex=True, sharey=True)
    irrelevant = range(m["n_relevant"], MULTI["p"])
    dashes = ["solid", (0, (5, 2)), (0, (1, 1.5)), (0, (5, 2, 1, 2))]
    for ax, (method, label) in zip(axes, METHODS.items(), strict=True):
        tr = m["traces"][method]
        it = np.arange(len(tr))
        if method != "subgradient":  # smooth curves: thin out the points after the first steps
            keep = np.unique(np.concatenate([it[:20], it[20::4], it[-1:]]))
            tr, it = tr[keep], it[keep]
        colour, _, _ = STYLE[method]
        for i, j in enumerate(irrelevant):
            ax.plot(
                it,
                tr[:, j],
                color=colour,
                linestyle=dashes[i % len(dashes)],
                linewidth=1.1,
                marker="o" if method == "cd" else None,
                markersize=3,
            )
        ax.axhline(0, color=style.INK, linewidth=0.7)
        zeros = int(m["zeros"][method][-1])
        unit = "sweeps" if method == "cd" else "steps"
        ax.set_title(f"{label}: {zeros} exact zeros after {it[-1]} {unit}", fontsize=10, loc="left")
        ax.set_xscale("symlog", linthresh=10)
        ax.set_ylabel("w₄ … w₁₀")
    axes[-1].set_xlabel("iteration (steps; sweeps for coordinate descent), log scale after 10")
    return fig


ZERO_OFFSET = {"none": 0.15, "subgradient": -0.15}


def _fig_zero_counts(m):
    fig = style.new_figure(6.4, 3.6)
    ax = fig.add_subplot()
    for method, label in METHODS.items():
        colour, dash, _ = STYLE[method]
        z = m["zeros"][method]
        it = np.arange(len(z))
        if method == "cd":
            ax.plot(it, z, color=colour, linestyle=(0, (2, 2)), marker="o", markersize=5, label=label + " (sweeps)")
        else:  # the three methods that stay at 0 are drawn slightly apart so that all are visible
            ax.step(it, z + ZERO_OFFSET.get(method, 0.0), where="post", color=colour, linestyle=dash, label=label)
    ax.axhline(int((m["lasso"].w == 0).sum()), color=style.INK, linewidth=0.6)
    ax.set_xscale("symlog", linthresh=10)
    ax.set_ylim(-0.4, MULTI["p"] + 0.4)
    ax.set_xlabel("iteration (steps; sweeps for coordinate descent)")
    ax.set_ylabel("weights exactly 0")
    ax.set_title(f"Exact zeros among {MULTI['p']} weights ({MULTI['p'] - m['n_relevant']} irrelevant)")
    ax.legend(loc="center right", bbox_to_anchor=(1.0, 0.42), fontsize=9)
    return fig


def _fig_stability(m):
    fig = style.new_figure(6.4, 3.6)
    ax = fig.add_subplot()
    colours = [style.BLUE, style.GREEN, style.ORANGE, style.VERMILLION]
    dashes = ["solid", (0, (5, 2)), (0, (1, 1.5)), (0, (5, 2, 1, 2))]
    for (factor, gaps), colour, dash in zip(m["stability"].items(), colours, dashes, strict=True):
        ax.plot(
            np.arange(len(gaps)),
            np.maximum(gaps, 1e-16),
            color=colour,
            linestyle=dash,
            label=f"η = {fmt.num(factor)}/L",
        )
    ax.set_yscale("log")
    ax.set_xlabel("gradient step")
    ax.set_ylabel("J(w) − min J")
    ax.set_title(f"Ridge by gradient descent: stable only for η < 2/L (L = {fmt.num(m['L_ridge'])})")
    ax.legend(loc="lower left", fontsize=9)
    return fig


def _fig_overfitting(o):
    fig = style.new_figure(6.4, 3.8)
    ax = fig.add_subplot()
    ps = o["ps"]
    series = [
        ("train", "least squares, training", style.BLUE, (0, (5, 2)), None),
        ("test", "least squares, test", style.BLUE, "solid", "o"),
        ("ridge_train", f"ridge λ = {fmt.num(o['lam'])}, training", style.VERMILLION, (0, (5, 2)), None),
        ("ridge_test", f"ridge λ = {fmt.num(o['lam'])}, test", style.VERMILLION, "solid", "s"),
    ]
    for key, label, colour, dash, marker in series:
        ax.plot(ps, np.median(o[key], axis=0), color=colour, linestyle=dash, marker=marker, markersize=3.5, label=label)
    ax.axhline(o["noise_var"], color=style.MUTED, linewidth=0.8)
    ax.text(o["ps"][-1], o["noise_var"] * 1.1, "noise variance", color=style.MUTED, fontsize=9, ha="right")
    ax.axvline(o["relevant"], color=style.MUTED, linewidth=0.8, linestyle=(0, (1, 1.5)))
    ax.text(o["relevant"] + 0.5, 0.012, "true number of features", color=style.MUTED, fontsize=9)
    ax.set_yscale("log")
    ax.set_xlabel(f"number of features p (n = {o['n']} training examples)")
    ax.set_ylabel("mean squared error (median of runs)")
    ax.set_title("Linear regression overfits as p approaches n")
    ax.legend(loc="upper left", bbox_to_anchor=(0.12, 1.0), fontsize=9)
    return fig


def figures(r: dict) -> dict:
    return {
        "traces-one-feature": _fig_one_feature(r["one"]),
        "traces-ten-features": _fig_multi_traces(r["multi"]),
        "exact-zeros": _fig_zero_counts(r["multi"]),
        "step-size-stability": _fig_stability(r["multi"]),
        "train-test-features": _fig_overfitting(r["overfit"]),
    }
