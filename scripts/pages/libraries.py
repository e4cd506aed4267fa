"""Conventions across libraries: one penalty, six ways to write it, converted to the site's lambda.

scikit-learn is installed, so its estimators are fitted here and compared with the site's
solvers.  glmnet, Keras and PyTorch are not installed: for those, the objective (or update
rule) each one documents is implemented in numpy and minimised, and its minimiser is compared
with the site's at the converted lambda ("formula as documented": this checks the algebra of
the conversion, not the libraries' code).  For glmnet's Gaussian family the steps its source
code takes with a user-supplied lambda (standardise y, divide lambda by the standard deviation
of y) are reproduced too ("as coded").
"""

from __future__ import annotations

import warnings

import numpy as np
from sklearn.linear_model import ElasticNet, Lasso, LogisticRegression, Ridge

from scripts import fmt, solvers, style

SEED = 2
N, P = 60, 4
SCALES = np.array([1.0, 3.0, 0.5, 2.0])  # features deliberately not standardised
OFFSETS = np.array([5.0, -1.0, 0.0, 2.0])
W_TRUE = np.array([1.0, -0.5, 0.0, 0.8])
LAM = 0.1  # site lambda for the regression rows
ALPHA = 0.5  # site elastic-net mixing weight
LAM_LOG = 0.05  # site lambda for the logistic rows


# --------------------------------------------------------------------------- conversions
# Each returns the library's knob for a given site lambda (and n where it matters).
def sklearn_ridge_alpha(lam: float, n: int) -> float:
    return n * lam


def sklearn_logistic_C(lam: float, n: int) -> float:
    return 1 / (n * lam)


def keras_l2_mse(lam: float) -> float:
    return lam


def keras_l1_mse(lam: float) -> float:
    return 2 * lam


def keras_l2_crossentropy(lam: float) -> float:
    return lam / 2


def torch_weight_decay_mse(lam: float) -> float:
    return 2 * lam


def torch_weight_decay_crossentropy(lam: float) -> float:
    return lam


# --------------------------------------------------------------------------- data
def make_data(rng: np.random.Generator):
    X = rng.normal(size=(N, P)) * SCALES + OFFSETS
    signal = (X - OFFSETS) @ W_TRUE
    y = 2.0 + signal + rng.normal(size=N)
    labels = np.where(signal + rng.normal(size=N) > 0.5, 1.0, -1.0)
    return X, y, labels


# --------------------------------------------------------------------------- site logistic
def logistic_site(X, s, lam: float, iters: int = 50):
    """Minimise (1/n) sum log(1 + exp(-s_i (b + x_i'w))) + lam/2 ||w||^2 (labels -1/+1, b free).

    The shared Newton solver with data weight 1/n and penalty lam on w only.  Returns (b, w).
    """
    p = X.shape[1]
    return solvers.logistic_newton(X, (np.asarray(s) + 1) / 2, 1 / len(X), [0.0] + [lam] * p, iters=iters)


# --------------------------------------------------------------------------- documented objectives
def _descend(grad, theta, lr: float, max_iter: int = 200_000, tol: float = 1e-13):
    """Plain gradient descent until a step moves no coordinate by more than tol."""
    for _ in range(max_iter):
        step = lr * grad(theta)
        theta = theta - step
        if np.abs(step).max() < tol:
            return theta
    raise RuntimeError("gradient descent did not converge")


def keras_mse_l2_fit(X, y, l2: float):
    """Minimise the Keras objective mean((y - b - Xw)^2) + l2 * sum(w^2) (kernel regulariser only)."""
    n, p = X.shape
    A = np.column_stack([np.ones(n), X])
    mask = np.r_[0.0, np.ones(p)]

    def grad(theta):
        return -2 * A.T @ (y - A @ theta) / n + 2 * l2 * mask * theta

    L = 2 * np.linalg.eigvalsh(A.T @ A / n)[-1] + 2 * l2
    theta = _descend(grad, np.zeros(p + 1), 1 / L)
    return float(theta[0]), theta[1:]


def keras_mse_l1_fit(X, y, l1: float, max_iter: int = 200_000, tol: float = 1e-13):
    """Minimise mean((y - b - Xw)^2) + l1 * sum(|w|) by proximal gradient (the exact minimiser).

    Keras itself would run (sub)gradient steps on this objective; its minimiser is what they aim at.
    """
    n, p = X.shape
    A = np.column_stack([np.ones(n), X])
    L = 2 * np.linalg.eigvalsh(A.T @ A / n)[-1]
    theta = np.zeros(p + 1)
    for _ in range(max_iter):
        z = theta + (1 / L) * 2 * A.T @ (y - A @ theta) / n
        new = np.r_[z[0], np.sign(z[1:]) * np.maximum(np.abs(z[1:]) - l1 / L, 0.0)]
        if np.abs(new - theta).max() < tol:
            return float(new[0]), new[1:]
        theta = new
    raise RuntimeError("proximal gradient did not converge")


def keras_crossentropy_l2_fit(X, s, l2: float, iters: int = 50):
    """Minimise Keras's mean binary cross-entropy + l2 * sum(w^2) by Newton's method; labels -1/+1."""
    n, p = X.shape
    A = np.column_stack([np.ones(n), X])
    t = (s + 1) / 2  # 0/1 targets, as Keras wants them
    theta = np.zeros(p + 1)
    mask = np.r_[0.0, np.ones(p)]
    for _ in range(iters):
        prob = 0.5 * (1 + np.tanh(A @ theta / 2))
        grad = A.T @ (prob - t) / n + 2 * l2 * mask * theta
        hess = (A.T * (prob * (1 - prob))) @ A / n + 2 * l2 * np.diag(mask)
        step = np.linalg.solve(hess, grad)
        theta -= step
        if np.abs(step).max() < 1e-14:
            break
    return float(theta[0]), theta[1:]


def torch_sgd_mse_fit(X, y, weight_decay: float, decay_bias: bool):
    """Iterate torch.optim.SGD's documented update, full batch: g <- grad MSELoss + wd * theta.

    ``decay_bias=False`` puts the bias in its own parameter group with weight_decay=0.
    """
    n, p = X.shape
    A = np.column_stack([np.ones(n), X])
    decay = np.r_[1.0 if decay_bias else 0.0, np.ones(p)] * weight_decay

    def grad(theta):
        return -2 * A.T @ (y - A @ theta) / n + decay * theta

    L = 2 * np.linalg.eigvalsh(A.T @ A / n)[-1] + weight_decay
    theta = _descend(grad, np.zeros(p + 1), 1 / L)
    return float(theta[0]), theta[1:]


def ridge_penalised_intercept(X, y, lam: float):
    """Minimiser of 1/(2n)||y - b - Xw||^2 + lam/2 (b^2 + ||w||^2): what decaying the bias amounts to."""
    n, p = X.shape
    A = np.column_stack([np.ones(n), X])
    theta = np.linalg.solve(A.T @ A / n + lam * np.eye(p + 1), A.T @ y / n)
    return float(theta[0]), theta[1:]


def glmnet_gaussian_fit(X, y, lam: float, alpha: float, standardize: bool):
    """What glmnet's Gaussian elastic net does with a user-supplied ``lambda`` ("as coded").

    Following its source (the ``elnet`` driver, Fortran and C++ alike): centre y and divide it
    by its standard deviation s_y (divisor n), divide lambda by s_y, optionally standardise the
    columns of X (divisor n), solve, then multiply the weights by s_y and undo the column scaling.
    """
    s_y = float(y.std())
    if standardize:
        Xs, _, scale = solvers.standardize(X)
    else:
        Xs, scale = X, np.ones(X.shape[1])
    fit = solvers.coordinate_descent(Xs, (y - y.mean()) / s_y, lam / s_y, alpha)
    w = s_y * fit.w / scale
    b = float(y.mean() - X.mean(axis=0) @ w)
    return b, w


def glmnet_standardized_fit(X, y, lam: float, alpha: float):
    """glmnet's default standardize=TRUE: fit on standardised columns, return the original scale."""
    return glmnet_gaussian_fit(X, y, lam, alpha, standardize=True)


def glmnet_gaussian_args(lam: float, alpha: float, s_y: float) -> tuple[float, float]:
    """glmnet's (lambda, alpha) giving the site's elastic net at (lam, alpha), Gaussian family.

    glmnet's code minimises the site objective with L1 weight lambda*alpha but L2 weight
    lambda*(1 - alpha)/s_y (see glmnet_gaussian_fit); solve for both to match lam*alpha and lam*(1 - alpha).
    """
    scale = alpha + s_y * (1 - alpha)
    return lam * scale, alpha / scale


# --------------------------------------------------------------------------- compute
def _sklearn_fits(X, y, labels):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # liblinear's convergence chatter
        ridge = Ridge(alpha=sklearn_ridge_alpha(LAM, N), solver="cholesky").fit(X, y)
        lasso = Lasso(alpha=LAM, tol=1e-14, max_iter=100_000).fit(X, y)
        enet = ElasticNet(alpha=LAM, l1_ratio=ALPHA, tol=1e-14, max_iter=100_000).fit(X, y)
        C = sklearn_logistic_C(LAM_LOG, N)
        logit = LogisticRegression(C=C, solver="newton-cholesky", tol=1e-12, max_iter=1000).fit(X, labels)
        liblinear = LogisticRegression(C=C, solver="liblinear", tol=1e-12, max_iter=10_000).fit(X, labels)
    return {
        "ridge": (float(ridge.intercept_), ridge.coef_),
        "lasso": (float(lasso.intercept_), lasso.coef_),
        "enet": (float(enet.intercept_), enet.coef_),
        "logistic": (float(logit.intercept_[0]), logit.coef_[0]),
        "liblinear": (float(liblinear.intercept_[0]), liblinear.coef_[0]),
    }


def compute() -> dict:
    rng = np.random.default_rng(SEED)
    X, y, labels = make_data(rng)

    site = {
        "ridge": solvers.ridge(X, y, LAM),
        "lasso": solvers.coordinate_descent(X, y, LAM),
        "enet": solvers.coordinate_descent(X, y, LAM, ALPHA),
    }
    site = {k: (f.b, f.w) for k, f in site.items()}
    site["logistic"] = logistic_site(X, labels, LAM_LOG)

    sk = _sklearn_fits(X, y, labels)
    documented = {
        "keras_l2": keras_mse_l2_fit(X, y, keras_l2_mse(LAM)),
        "keras_l1": keras_mse_l1_fit(X, y, keras_l1_mse(LAM)),
        "keras_xent": keras_crossentropy_l2_fit(X, labels, keras_l2_crossentropy(LAM_LOG)),
        "torch": torch_sgd_mse_fit(X, y, torch_weight_decay_mse(LAM), decay_bias=False),
        "torch_bias": torch_sgd_mse_fit(X, y, torch_weight_decay_mse(LAM), decay_bias=True),
        "glmnet_std": glmnet_standardized_fit(X, y, LAM, 1.0),
        "glmnet_lasso": glmnet_gaussian_fit(X, y, LAM, 1.0, standardize=False),
        "glmnet_enet_naive": glmnet_gaussian_fit(X, y, LAM, ALPHA, standardize=False),
        "glmnet_enet": glmnet_gaussian_fit(X, y, *glmnet_gaussian_args(LAM, ALPHA, float(y.std())), standardize=False),
    }
    return {
        "X": X,
        "y": y,
        "labels": labels,
        "site": site,
        "sklearn": sk,
        "documented": documented,
        "penalised_intercept": ridge_penalised_intercept(X, y, LAM),
    }


def _diff(a, b) -> float:
    """Largest difference between two (b, w) fits, intercept included."""
    return float(max(abs(a[0] - b[0]), np.abs(np.asarray(a[1]) - np.asarray(b[1])).max()))


def differences(r: dict) -> dict[str, float]:
    site, sk, doc = r["site"], r["sklearn"], r["documented"]
    return {
        "sk_ridge": _diff(sk["ridge"], site["ridge"]),
        "sk_lasso": _diff(sk["lasso"], site["lasso"]),
        "sk_enet": _diff(sk["enet"], site["enet"]),
        "sk_logistic": _diff(sk["logistic"], site["logistic"]),
        "sk_liblinear": _diff(sk["liblinear"], site["logistic"]),
        "keras_l2": _diff(doc["keras_l2"], site["ridge"]),
        "keras_l1": _diff(doc["keras_l1"], site["lasso"]),
        "keras_xent": _diff(doc["keras_xent"], site["logistic"]),
        "torch": _diff(doc["torch"], site["ridge"]),
        "torch_bias": _diff(doc["torch_bias"], site["ridge"]),
        "glmnet_std": _diff(doc["glmnet_std"], site["lasso"]),
        "glmnet_lasso": _diff(doc["glmnet_lasso"], site["lasso"]),
        "glmnet_enet_naive": _diff(doc["glmnet_enet_naive"], site["enet"]),
        "glmnet_enet": _diff(doc["glmnet_enet"], site["enet"]),
    }


# --------------------------------------------------------------------------- numbers


FLOOR = -8  # differences below 10^-8 are rounding and solver tolerance, which vary between machines


def bound(x: float) -> str:
    return fmt.power_bound(x, FLOOR)  # the shared printer at this page's floor


AGREES = 1e-6  # below this, two fits are "the same" on this page


def _verdict(d: float) -> str:
    return f"agree (below {bound(d)})" if d < AGREES else f"differ by {fmt.num(d)}"


# Exercise data
EX1 = {"alpha": 10.0, "n": 250}  # scikit-learn Ridge alpha, n
EX2 = {"wd": 1e-4, "n": 1000}  # PyTorch weight_decay with MSELoss, n for scikit-learn
EX3 = {"C": 1.0, "n": 500}  # scikit-learn LogisticRegression C, n


def exercises() -> dict[str, float]:
    lam1 = EX1["alpha"] / EX1["n"]
    lam2 = EX2["wd"] / 2
    lam3 = 1 / (EX3["n"] * EX3["C"])
    return {
        "ex1.lam": lam1,
        "ex1.keras_l2": keras_l2_mse(lam1),
        "ex1.keras_l1_same_lam": keras_l1_mse(lam1),
        "ex2.lam": lam2,
        "ex2.sk_alpha": sklearn_ridge_alpha(lam2, EX2["n"]),
        "ex3.lam": lam3,
        "ex3.keras_l2": keras_l2_crossentropy(lam3),
        "ex3.torch_wd": torch_weight_decay_crossentropy(lam3),
    }


def numbers(r: dict) -> dict[str, str]:
    d = differences(r)
    site, sk, doc = r["site"], r["sklearn"], r["documented"]
    out = {
        "n": fmt.integer(N),
        "p": fmt.integer(P),
        "lam": fmt.num(LAM),
        "alpha": fmt.num(ALPHA),
        "lam_log": fmt.num(LAM_LOG),
        "knob.sk_ridge": fmt.num(sklearn_ridge_alpha(LAM, N)),
        "knob.sk_C": fmt.num(sklearn_logistic_C(LAM_LOG, N)),
        "knob.keras_l2": fmt.num(keras_l2_mse(LAM)),
        "knob.keras_l1": fmt.num(keras_l1_mse(LAM)),
        "knob.keras_xent": fmt.num(keras_l2_crossentropy(LAM_LOG)),
        "knob.torch": fmt.num(torch_weight_decay_mse(LAM)),
        "agree_below": bound(AGREES),
        "liblinear.b": fmt.num(sk["liblinear"][0]),
        "logistic.b": fmt.num(site["logistic"][0]),
        "liblinear.diff": fmt.num(d["sk_liblinear"]),
        "torch_bias.b": fmt.num(doc["torch_bias"][0]),
        "ridge.b": fmt.num(site["ridge"][0]),
        "torch_bias.diff": fmt.num(d["torch_bias"]),
        "glmnet_std.diff": fmt.num(d["glmnet_std"]),
        "glmnet.s_y": fmt.num(float(r["y"].std())),
        "glmnet_enet_naive.diff": fmt.num(d["glmnet_enet_naive"]),
        "glmnet_enet.lambda": fmt.num(glmnet_gaussian_args(LAM, ALPHA, float(r["y"].std()))[0]),
        "glmnet_enet.alpha": fmt.num(glmnet_gaussian_args(LAM, ALPHA, float(r["y"].std()))[1]),
        "glmnet_std.zeros": fmt.integer(int(np.sum(doc["glmnet_std"][1] == 0))),
        "glmnet_std.w3": fmt.num(doc["glmnet_std"][1][2]),
        "lasso.zeros": fmt.integer(int(np.sum(site["lasso"][1] == 0))),
        "lasso.w3": fmt.num(site["lasso"][1][2]),
        "worst_agreeing": bound(max(v for v in d.values() if v < AGREES)),
    }
    for k, v in d.items():
        out[f"diff.{k}"] = bound(v) if v < AGREES else fmt.num(v)
    for j in range(P):
        out[f"scale.x{j + 1}"] = fmt.num(float(r["X"][:, j].std()))
    out.update({k: fmt.num(v) for k, v in exercises().items()})
    out["ex1.alpha"] = fmt.num(EX1["alpha"])
    out["ex1.n"] = fmt.integer(EX1["n"])
    out["ex2.wd"] = fmt.num(EX2["wd"])
    out["ex2.n"] = fmt.integer(EX2["n"])
    out["ex3.C"] = fmt.num(EX3["C"])
    out["ex3.n"] = fmt.integer(EX3["n"])
    return out


# --------------------------------------------------------------------------- tables
def tables(r: dict) -> dict[str, str]:
    d = differences(r)
    nb = numbers(r)

    def check(how: str, key: str) -> str:
        return f"{how}: {_verdict(d[key])}"

    rows = [
        ["scikit-learn `Ridge`", "`alpha` $= n\\lambda$", nb["knob.sk_ridge"], check("fitted", "sk_ridge")],
        ["scikit-learn `Lasso`", "`alpha` $= \\lambda$", nb["lam"], check("fitted", "sk_lasso")],
        [
            "scikit-learn `ElasticNet`",
            "`alpha` $= \\lambda$, `l1_ratio` $= \\alpha$",
            f"{nb['lam']}, {nb['alpha']}",
            check("fitted", "sk_enet"),
        ],
        ["scikit-learn `LogisticRegression`", "`C` $= 1/(n\\lambda)$", nb["knob.sk_C"], check("fitted", "sk_logistic")],
        ['the same with `solver="liblinear"`', "no exact match", nb["knob.sk_C"], check("fitted", "sk_liblinear")],
        [
            "glmnet gaussian, `standardize = FALSE`, lasso",
            "`lambda` $= \\lambda$, `alpha` $= 1$",
            nb["lam"],
            check("as coded", "glmnet_lasso"),
        ],
        [
            "the same, elastic net",
            "`lambda` $= \\lambda$, `alpha` $= \\alpha$ only if $s_y = 1$",
            f"{nb['lam']}, {nb['alpha']}",
            check("as coded", "glmnet_enet_naive"),
        ],
        [
            "the same, elastic net, converted",
            "`lambda` $= \\lambda c$, `alpha` $= \\alpha / c$, $c = \\alpha + s_y(1 - \\alpha)$",
            f"{nb['glmnet_enet.lambda']}, {nb['glmnet_enet.alpha']}",
            check("as coded", "glmnet_enet"),
        ],
        [
            "glmnet gaussian, default `standardize = TRUE`, lasso",
            "`lambda` $= \\lambda$ on standardised $X$ only",
            nb["lam"],
            check("as coded", "glmnet_std"),
        ],
        [
            "glmnet binomial, `standardize = FALSE`",
            "`lambda` $= \\lambda$, `alpha` $= \\alpha$",
            nb["lam_log"],
            "same objective (documented)",
        ],
        ["Keras `L2`, `mse` loss", "`l2` $= \\lambda$", nb["knob.keras_l2"], check("as documented", "keras_l2")],
        ["Keras `L1`, `mse` loss", "`l1` $= 2\\lambda$", nb["knob.keras_l1"], check("as documented", "keras_l1")],
        [
            "Keras `L2`, cross-entropy loss",
            "`l2` $= \\lambda/2$",
            nb["knob.keras_xent"],
            check("as documented", "keras_xent"),
        ],
        [
            "PyTorch SGD, `MSELoss`, bias not decayed",
            "`weight_decay` $= 2\\lambda$",
            nb["knob.torch"],
            check("as documented", "torch"),
        ],
        [
            "PyTorch SGD, bias decayed (the default)",
            "no exact match",
            nb["knob.torch"],
            check("as documented", "torch_bias"),
        ],
    ]
    header = ["library and setting", "the site's $\\lambda$ becomes", "value here", "weights vs the site's solver"]
    return {"conversion-table": fmt.table(header, rows, "llrl")}


# --------------------------------------------------------------------------- figures
def _knob_figure():
    fig = style.new_figure(6.6, 3.9)
    ax = fig.add_subplot()
    ns = np.logspace(1, 5, 81)
    lam = LAM
    series = [
        ("scikit-learn Ridge alpha = nλ", ns * lam, style.BLUE, "solid", None),
        ("LogisticRegression C = 1/(nλ)", 1 / (ns * lam), style.VERMILLION, (0, (5, 2)), None),
        ("Keras L1 (mse), PyTorch weight_decay (MSELoss) = 2λ", np.full_like(ns, 2 * lam), style.GREEN, "solid", "s"),
        (
            "Lasso/ElasticNet alpha, glmnet lasso lambda, Keras L2 (mse) = λ",
            np.full_like(ns, lam),
            style.INK,
            "solid",
            "o",
        ),
        ("Keras L2 (cross-entropy) = λ/2", np.full_like(ns, lam / 2), style.PURPLE, (0, (1, 1.5)), "^"),
    ]
    for label, values, colour, dash, marker in series:
        ax.plot(ns, values, color=colour, linestyle=dash, marker=marker, markevery=10, markersize=5, label=label)
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel("number of training examples n")
    ax.set_ylabel("value to pass to the library")
    ax.set_title(f"Settings that all mean the site's λ = {fmt.num(lam)}")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.2), ncol=1, fontsize=8.5)
    return fig


def _weights_figure(r: dict):
    fig = style.new_figure(6.8, 4.6)
    axes = fig.subplots(1, 2, sharey=True)
    j = np.arange(1, P + 1)
    site, sk, doc = r["site"], r["sklearn"], r["documented"]
    panels = [
        (
            axes[0],
            f"ridge, λ = {fmt.num(LAM)}",
            site["ridge"][1],
            [
                ("scikit-learn Ridge", sk["ridge"][1], style.BLUE, "x", -0.15),
                ("Keras L2 (as documented)", doc["keras_l2"][1], style.GREEN, "+", 0.0),
                ("PyTorch, bias not decayed", doc["torch"][1], style.ORANGE, "^", 0.15),
                ("PyTorch, bias decayed", doc["torch_bias"][1], style.VERMILLION, "v", 0.3),
            ],
        ),
        (
            axes[1],
            f"lasso, λ = {fmt.num(LAM)}",
            site["lasso"][1],
            [
                ("scikit-learn Lasso", sk["lasso"][1], style.BLUE, "x", -0.15),
                ("Keras L1 (as documented)", doc["keras_l1"][1], style.GREEN, "+", 0.0),
                ("glmnet standardize=TRUE", doc["glmnet_std"][1], style.PURPLE, "D", 0.3),
            ],
        ),
    ]
    for ax, title, reference, others in panels:
        ax.axhline(0, color=style.MUTED, linewidth=0.8)
        ax.plot(j, reference, "o", markersize=13, markerfacecolor="none", color=style.INK, label="site's solver")
        for label, w, colour, marker, shift in others:
            ax.plot(j + shift, w, marker, color=colour, markersize=7, label=label, linestyle="none")
        ax.set_xticks(j, [f"w{k}" for k in "₁₂₃₄"])
        ax.set_title(title)
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.1), fontsize=8.5)
    axes[0].set_ylabel("fitted weight")
    return fig


def figures(r: dict) -> dict:
    return {"knob-values-by-library": _knob_figure(), "weights-by-library": _weights_figure(r)}


# Keys of numbers() that no page, erratum or lab quotes: the page's tests read them
# (tests/test_docs.py keeps this list exact).
INTERNAL_NUMBERS = frozenset(
    {
        "agree_below",
        "diff.glmnet_enet",
        "diff.glmnet_enet_naive",
        "diff.glmnet_lasso",
        "diff.glmnet_std",
        "diff.keras_l1",
        "diff.keras_l2",
        "diff.keras_xent",
        "diff.sk_enet",
        "diff.sk_lasso",
        "diff.sk_liblinear",
        "diff.sk_logistic",
        "diff.sk_ridge",
        "diff.torch",
        "diff.torch_bias",
        "glmnet_std.zeros",
        "knob.keras_l1",
        "knob.keras_l2",
        "knob.keras_xent",
        "knob.torch",
        "lasso.zeros",
        "worst_agreeing",
    }
)
