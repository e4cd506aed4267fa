"""The real libraries as oracles: every library claim of the site, checked against the library itself.

Each ``check_*`` group runs short computations only (one optimiser step, or a library's own fit
compared with the site's solver) and returns ``Check`` records.  A record keeps the measured
discrepancy for the assertion message and, for the committed report, only what is deterministic:
the claim, the threshold and values rounded as the pages print them.

Needs the oracle environment (``make test-oracles``): torch, keras (``KERAS_BACKEND=torch``),
scikit-learn, and ``Rscript`` with glmnet and jsonlite.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
import warnings
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from scripts import fmt, solvers
from scripts.pages import adamw as A
from scripts.pages import libraries as L

HERE = Path(__file__).resolve().parent
R_SCRIPT = HERE / "glmnet_oracle.R"
CV_FOLDS = 10
CV_FRACTIONS = np.logspace(0, np.log10(0.02), 20)  # lambda / lambda_max, as on the geometry page
ADAM_STEPS = 5
SEQUENCES = {  # glmnet's default lambda sequences checked, and the features lambda_max is computed on
    "lasso_std": r"lasso: $\lambda_{\max} = \max_j \abs{\tilde x_j\trans (y - \bar y)}/n$, $\tilde x_j$ standardised",
    "lasso_raw": r"lasso, `standardize=FALSE`: $\lambda_{\max} = \max_j \abs{x_j\trans (y - \bar y)}/n$",
    "enet_std": r"elastic net: $\lambda_{\max} = \max_j \abs{\tilde x_j\trans (y - \bar y)}/(n\alpha)$",
}


@dataclass
class Check:
    id: str
    page: str  # the page whose claim this is
    library: str
    claim: str
    measured: float  # largest discrepancy (or the gap that must be large), for messages only
    threshold: float
    agree: bool = True  # True: measured must be below threshold; False: above it
    values: dict[str, str] = field(default_factory=dict)  # printed as the pages print them

    @property
    def ok(self) -> bool:
        return self.measured < self.threshold if self.agree else self.measured > self.threshold

    def expectation(self) -> str:
        return f"{'agree below' if self.agree else 'differ by more than'} {self.threshold:g}"


def _gap(a, b) -> float:
    """Largest difference between two (b, w) fits, intercept included."""
    return float(max(abs(a[0] - b[0]), np.abs(np.asarray(a[1], float) - np.asarray(b[1], float)).max()))


def site_data():
    return L.make_data(np.random.default_rng(L.SEED))


def site_fits(X, y, labels) -> dict:
    fits = {
        "ridge": solvers.ridge(X, y, L.LAM),
        "lasso": solvers.coordinate_descent(X, y, L.LAM, tol=1e-15),
        "enet": solvers.coordinate_descent(X, y, L.LAM, L.ALPHA, tol=1e-15),
    }
    out = {k: (f.b, f.w) for k, f in fits.items()}
    out["logistic"] = L.logistic_site(X, labels, L.LAM_LOG)
    return out


# ---------------------------------------------------------------------------- scikit-learn
def check_sklearn() -> list[Check]:
    from sklearn.linear_model import ElasticNet, Lasso, LogisticRegression, Ridge

    X, y, labels = site_data()
    n = len(y)
    site = site_fits(X, y, labels)
    C = L.sklearn_logistic_C(L.LAM_LOG, n)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # liblinear's convergence chatter
        ridge = Ridge(alpha=L.sklearn_ridge_alpha(L.LAM, n), solver="cholesky").fit(X, y)
        lasso = Lasso(alpha=L.LAM, tol=1e-15, max_iter=100_000).fit(X, y)
        enet = ElasticNet(alpha=L.LAM, l1_ratio=L.ALPHA, tol=1e-15, max_iter=100_000).fit(X, y)
        lbfgs = LogisticRegression(C=C, tol=1e-12, max_iter=10_000).fit(X, labels)
        liblinear = LogisticRegression(C=C, solver="liblinear", tol=1e-12, max_iter=100_000).fit(X, labels)
        scaled = LogisticRegression(C=C, solver="liblinear", intercept_scaling=100, tol=1e-12, max_iter=100_000)
        scaled.fit(X, labels)

    def fit(m):
        return float(np.ravel(m.intercept_)[0]), np.ravel(m.coef_)

    lib = "scikit-learn"
    libl_gap, scaled_gap = _gap(fit(liblinear), site["logistic"]), _gap(fit(scaled), site["logistic"])
    return [
        Check(
            "sklearn.ridge",
            "libraries",
            lib,
            "`Ridge(alpha=nλ)` gives the site's ridge",
            _gap(fit(ridge), site["ridge"]),
            1e-9,
        ),
        Check(
            "sklearn.lasso",
            "libraries",
            lib,
            "`Lasso(alpha=λ)` gives the site's lasso",
            _gap(fit(lasso), site["lasso"]),
            1e-9,
        ),
        Check(
            "sklearn.elastic_net",
            "libraries",
            lib,
            "`ElasticNet(alpha=λ, l1_ratio=α)` gives the site's elastic net",
            _gap(fit(enet), site["enet"]),
            1e-9,
        ),
        Check(
            "sklearn.logistic",
            "libraries",
            lib,
            "`LogisticRegression(C=1/(nλ))` (default solver) gives the site's logistic fit",
            _gap(fit(lbfgs), site["logistic"]),
            1e-6,
        ),
        Check(
            "sklearn.liblinear",
            "libraries",
            lib,
            '`solver="liblinear"` penalises the intercept: the fit differs',
            libl_gap,
            1.0,
            agree=False,
            values={
                "libraries.liblinear.b": fmt.num(fit(liblinear)[0]),
                "libraries.logistic.b": fmt.num(site["logistic"][0]),
                "libraries.liblinear.diff": fmt.num(libl_gap),
            },
        ),
        Check(
            "sklearn.liblinear_scaling",
            "libraries",
            lib,
            "`intercept_scaling=100` weakens that penalty: the difference falls below 0.1",
            scaled_gap,
            0.1,
        ),
    ]


def check_sklearn_intercepts() -> list[Check]:
    """The networks page: which scikit-learn estimators leave the intercept unpenalised."""
    from sklearn.linear_model import ElasticNet, Lasso, LogisticRegression, Ridge

    X, y, labels = site_data()
    Xs, _, _ = solvers.standardize(X)  # sag and saga converge slowly on unscaled features
    shift = 10.0
    worst = 0.0
    for model in (
        Ridge(alpha=1.0),
        Lasso(alpha=0.1, tol=1e-14, max_iter=100_000),
        ElasticNet(alpha=0.1, tol=1e-14, max_iter=100_000),
    ):
        a, b = model.fit(X, y), type(model)(**model.get_params()).fit(X, y + shift)
        worst = max(worst, abs(b.intercept_ - a.intercept_ - shift), float(np.abs(b.coef_ - a.coef_).max()))
    site = L.logistic_site(Xs, labels, L.LAM_LOG)
    C = L.sklearn_logistic_C(L.LAM_LOG, len(y))
    solver_gap = 0.0
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for solver in ("lbfgs", "newton-cg", "newton-cholesky", "sag", "saga"):
            m = LogisticRegression(C=C, solver=solver, tol=1e-12, max_iter=100_000, random_state=0).fit(Xs, labels)
            solver_gap = max(solver_gap, _gap((float(m.intercept_[0]), m.coef_[0]), site))
    defaults = LogisticRegression().get_params()
    wrong = sum(defaults[k] != v for k, v in {"solver": "lbfgs", "C": 1.0, "l1_ratio": 0.0}.items())
    lib = "scikit-learn"
    return [
        Check(
            "sklearn.intercept_not_penalised",
            "networks",
            lib,
            "`Ridge`, `Lasso`, `ElasticNet`: shifting y shifts `intercept_` by the same amount, `coef_` unchanged",
            worst,
            1e-9,
        ),
        Check(
            "sklearn.logistic_solvers",
            "networks",
            lib,
            "`lbfgs`, `newton-cg`, `newton-cholesky`, `sag`, `saga` leave the intercept unpenalised (the site's fit)",
            solver_gap,
            1e-6,
        ),
        Check(
            "sklearn.logistic_defaults",
            "networks",
            lib,
            '`LogisticRegression()` defaults: `solver="lbfgs"`, `C=1.0`, `l1_ratio=0.0`',
            float(wrong),
            0.5,
        ),
    ]


# ---------------------------------------------------------------------------- PyTorch
def _torch_linear(torch, b: float, w):
    model = torch.nn.Linear(len(w), 1).double()
    with torch.no_grad():
        model.weight.copy_(torch.tensor(np.asarray(w, float)).reshape(1, -1))
        model.bias.fill_(b)
    return model


def _torch_step(torch, optimiser_cls, start, X, target, loss_fn, decay_bias: bool, lr: float = 1.0, **kwargs):
    """One optimiser step from ``start`` (b, w); returns (b, w) after it and the largest move."""
    model = _torch_linear(torch, *start)
    if decay_bias:
        groups = model.parameters()
    else:
        groups = [{"params": [model.weight]}, {"params": [model.bias], "weight_decay": 0.0}]
    optimiser = optimiser_cls(groups, lr=lr, **kwargs)
    optimiser.zero_grad()
    loss_fn(model(torch.tensor(X)).squeeze(1), torch.tensor(target)).backward()
    optimiser.step()
    after = (float(model.bias.item()), model.weight.detach().numpy().ravel().copy())
    return after, _gap(after, start)


def check_torch() -> list[Check]:
    import torch

    torch.manual_seed(0)  # nn.Linear draws initial weights; they are overwritten, but keep the draw fixed
    X, y, labels = site_data()
    site = site_fits(X, y, labels)
    mse, bce = torch.nn.MSELoss(), torch.nn.BCEWithLogitsLoss()
    t01 = (labels + 1) / 2
    wd = L.torch_weight_decay_mse(L.LAM)
    lib = "PyTorch"
    out = []

    # SGD's documented update, bias decayed by default: one step with weight decay minus one without.
    start = (0.7, np.array([0.3, -0.2, 0.1, 0.5]))
    with_wd, _ = _torch_step(torch, torch.optim.SGD, start, X, y, mse, True, lr=0.01, weight_decay=wd)
    without, _ = _torch_step(torch, torch.optim.SGD, start, X, y, mse, True, lr=0.01)
    expected = 0.01 * wd * np.r_[start[0], start[1]]
    moved = np.r_[without[0] - with_wd[0], without[1] - with_wd[1]]
    out.append(
        Check(
            "torch.sgd_update",
            "libraries",
            lib,
            "`SGD(weight_decay=wd)` adds wd·θ to the gradient of every parameter, the bias included",
            float(np.abs(moved - expected).max()),
            1e-14,
        )
    )
    # At the site's ridge solution SGD with weight_decay = 2λ (bias in a group without decay) does not move.
    _, rest = _torch_step(torch, torch.optim.SGD, site["ridge"], X, y, mse, False, weight_decay=wd)
    out.append(
        Check(
            "torch.sgd_ridge",
            "libraries",
            lib,
            "`MSELoss` + `weight_decay=2λ`, bias not decayed: the site's ridge solution is SGD's rest point",
            rest,
            1e-11,
        )
    )
    _, wrong = _torch_step(torch, torch.optim.SGD, site["ridge"], X, y, mse, False, weight_decay=L.LAM)
    out.append(
        Check(
            "torch.sgd_ridge_wrong_factor",
            "libraries",
            lib,
            "`weight_decay=λ` with `MSELoss` is a different model: SGD moves off the site's solution",
            wrong,
            1e-3,
            agree=False,
        )
    )
    penalised = L.torch_sgd_mse_fit(X, y, wd, decay_bias=True)
    _, rest_bias = _torch_step(torch, torch.optim.SGD, penalised, X, y, mse, True, weight_decay=wd)
    out.append(
        Check(
            "torch.sgd_bias_decayed",
            "libraries",
            lib,
            "`model.parameters()` decays the bias: the page's bias-decayed fit is SGD's rest point",
            rest_bias,
            1e-9,
            values={
                "libraries.torch_bias.b": fmt.num(penalised[0]),
                "libraries.ridge.b": fmt.num(site["ridge"][0]),
                "libraries.torch_bias.diff": fmt.num(_gap(penalised, site["ridge"])),
            },
        )
    )
    _, rest_log = _torch_step(torch, torch.optim.SGD, site["logistic"], X, t01, bce, False, weight_decay=L.LAM_LOG)
    out.append(
        Check(
            "torch.sgd_logistic",
            "libraries",
            lib,
            "`BCEWithLogitsLoss` + `weight_decay=λ`: the site's logistic fit is SGD's rest point",
            rest_log,
            1e-11,
        )
    )
    # Adam with weight_decay is Adam + L2: at the ridge solution the gradient is zero, so it rests there;
    # AdamW with the same value moves (its decay is not a penalty in the loss).
    _, adam_rest = _torch_step(torch, torch.optim.Adam, site["ridge"], X, y, mse, False, lr=1e-3, weight_decay=wd)
    _, adamw_move = _torch_step(torch, torch.optim.AdamW, site["ridge"], X, y, mse, False, lr=1e-3, weight_decay=wd)
    out.append(
        Check(
            "torch.adam_ridge",
            "libraries",
            lib,
            "`Adam(weight_decay=2λ)` rests at the site's ridge solution (an L2 penalty)",
            adam_rest,
            1e-7,  # Adam divides a near-zero gradient by its own size: a step of about lr * |g| / eps
        )
    )
    out.append(
        Check(
            "torch.adamw_not_l2",
            "libraries",
            lib,
            "`AdamW(weight_decay=2λ)` moves off it: its decay is not an L2 penalty",
            adamw_move,
            1e-6,
            agree=False,
        )
    )
    out += _torch_adam_steps(torch)
    out += _torch_defaults(torch)
    return out


def _torch_adam_steps(torch) -> list[Check]:
    """A few steps of torch's Adam and AdamW against the adamw page's numpy optimiser, on its problem."""
    prob = A.problem()
    X, y = prob["X"], prob["y"]
    lr = A.ADAM_LR

    def numpy_grad(W, _t):
        return W @ prob["H"].T - prob["c"]  # rows: Adam + L2, AdamW

    page = A.adam_runs(numpy_grad, np.full(ADAM_STEPS, lr), A.LAM)["final"]

    def run(optimiser_cls, **kwargs):
        w = torch.zeros(2, dtype=torch.float64, requires_grad=True)
        optimiser = optimiser_cls([w], lr=lr, betas=(A.BETA1, A.BETA2), eps=A.EPS, **kwargs)
        Xt, yt = torch.tensor(X), torch.tensor(y)
        for _ in range(ADAM_STEPS):
            optimiser.zero_grad()
            (((yt - Xt @ w) ** 2).mean() / 2).backward()  # the page's f: half the mean squared error
            optimiser.step()
        return w.detach().numpy()

    lib = "PyTorch"
    claim = f"{ADAM_STEPS} steps from zero match the adamw page's numpy"
    return [
        Check(
            "torch.adam_steps",
            "adamw",
            lib,
            f"`Adam(weight_decay=λ)` is Adam + L2: {claim}",
            float(np.abs(run(torch.optim.Adam, weight_decay=A.LAM) - page[0]).max()),
            1e-12,
        ),
        Check(
            "torch.adamw_steps",
            "adamw",
            lib,
            f"`AdamW(weight_decay=λ)` decays by lr·λ·w per step: {claim}",
            float(np.abs(run(torch.optim.AdamW, weight_decay=A.LAM) - page[1]).max()),
            1e-12,
        ),
        Check(
            "torch.adam_decoupled",
            "adamw",
            lib,
            f"`Adam(decoupled_weight_decay=True)` is AdamW: {claim}",
            float(np.abs(run(torch.optim.Adam, weight_decay=A.LAM, decoupled_weight_decay=True) - page[1]).max()),
            1e-12,
        ),
    ]


def _torch_defaults(torch) -> list[Check]:
    p = [torch.nn.Parameter(torch.zeros(1))]
    adamw = torch.optim.AdamW(p).defaults
    adam = torch.optim.Adam(p).defaults
    sgd = torch.optim.SGD(p).defaults
    documented = {"lr": A.TORCH_LR, "weight_decay": A.TORCH_WEIGHT_DECAY, "betas": (A.BETA1, A.BETA2), "eps": A.EPS}
    mismatch = {k: adamw[k] for k, v in documented.items() if tuple(np.atleast_1d(adamw[k])) != tuple(np.atleast_1d(v))}
    other = int(adam["weight_decay"] != 0) + int(sgd["weight_decay"] != 0) + int(adam["decoupled_weight_decay"])
    lib = "PyTorch"
    return [
        Check(
            "torch.adamw_defaults",
            "adamw",
            lib,
            "`AdamW` defaults: `lr=0.001`, `weight_decay=0.01`, `betas=(0.9, 0.999)`, `eps=1e-08`",
            float(len(mismatch)),
            0.5,
            values={"adamw.torch.lr": fmt.num(adamw["lr"]), "adamw.torch.wd": fmt.num(adamw["weight_decay"])},
        ),
        Check(
            "torch.adam_sgd_defaults",
            "adamw",
            lib,
            "`Adam` and `SGD` default to `weight_decay=0`; `decoupled_weight_decay` is off by default",
            float(other),
            0.5,
        ),
    ]


# ---------------------------------------------------------------------------- Keras
def _keras_step(keras, start, X, target, loss, regularizer, activation=None, lr: float = 1.0):
    """One full-batch SGD step of a Keras Dense(1) layer from ``start`` (b, w); returns the moved (b, w)."""
    model = keras.Sequential(
        [keras.Input((X.shape[1],)), keras.layers.Dense(1, activation=activation, kernel_regularizer=regularizer)]
    )
    model.set_weights([np.asarray(start[1], "float32").reshape(-1, 1), np.array([start[0]], "float32")])
    model.compile(optimizer=keras.optimizers.SGD(learning_rate=lr), loss=loss)
    model.train_on_batch(X.astype("float32"), target.astype("float32").reshape(-1, 1))
    kernel, bias = model.get_weights()
    return float(bias[0]), kernel.ravel().astype(float)


def check_keras() -> list[Check]:
    os.environ.setdefault("KERAS_BACKEND", "torch")
    import keras

    if keras.backend.backend() != "torch":
        raise RuntimeError(f"the Keras oracle expects KERAS_BACKEND=torch, got {keras.backend.backend()}")
    X, y, labels = site_data()
    site = site_fits(X, y, labels)
    w = np.array([0.5, -2.0, 0.0, 1.5], "float32")
    lib = "Keras"
    out = []
    l2_value = float(keras.ops.convert_to_numpy(keras.regularizers.L2(0.1)(w)))
    l1_value = float(keras.ops.convert_to_numpy(keras.regularizers.L1(0.1)(w)))
    out.append(
        Check(
            "keras.l2_factor",
            "libraries",
            lib,
            "`L2(l2)` adds `l2 * sum(w**2)`, with no ½",
            abs(l2_value - 0.1 * float(w @ w)),
            1e-6,
        )
    )
    out.append(
        Check(
            "keras.l1_factor",
            "libraries",
            lib,
            "`L1(l1)` adds `l1 * sum(abs(w))`",
            abs(l1_value - 0.1 * float(np.abs(w).sum())),
            1e-6,
        )
    )
    dense = keras.layers.Dense(1)
    out.append(
        Check(
            "keras.dense_defaults",
            "networks",
            lib,
            "`Dense` has no kernel or bias regularizer unless one is given",
            float((dense.kernel_regularizer is not None) + (dense.bias_regularizer is not None)),
            0.5,
        )
    )
    # One SGD step with learning rate 1 from the site's solution moves each weight by minus its gradient.
    moved = _keras_step(keras, site["ridge"], X, y, "mse", keras.regularizers.L2(L.keras_l2_mse(L.LAM)))
    out.append(
        Check(
            "keras.l2_mse",
            "libraries",
            lib,
            "`mse` + `L2(l2=λ)`: the site's ridge solution is the rest point",
            _gap(moved, site["ridge"]),
            1e-5,
        )
    )
    wrong = _keras_step(keras, site["ridge"], X, y, "mse", keras.regularizers.L2(L.LAM / 2))
    out.append(
        Check(
            "keras.l2_mse_half",
            "libraries",
            lib,
            "`L2(l2=λ/2)` with `mse` is a different model: the step moves off it",
            _gap(wrong, site["ridge"]),
            1e-2,
            agree=False,
        )
    )
    lasso_step = _keras_step(keras, site["lasso"], X, y, "mse", keras.regularizers.L1(L.keras_l1_mse(L.LAM)), lr=0.01)
    zero = site["lasso"][1] == 0
    nonzero_gap = max(
        abs(lasso_step[0] - site["lasso"][0]), float(np.abs(lasso_step[1] - site["lasso"][1])[~zero].max())
    )
    out.append(
        Check(
            "keras.l1_mse",
            "libraries",
            lib,
            "`mse` + `L1(l1=2λ)`: the site's lasso solution is the rest point of its non-zero weights",
            nonzero_gap,
            1e-6,
            values={"libraries.lasso.zeros": fmt.integer(int(zero.sum()))},
        )
    )
    out.append(
        Check(
            "keras.l1_leaves_nonzero",
            "libraries",
            lib,
            "one (sub)gradient step moves the lasso's zero weight off zero: Keras's L1 leaves it small, not 0",
            float(np.abs(lasso_step[1][zero]).min()),
            0.0,
            agree=False,
        )
    )
    t01 = (labels + 1) / 2
    moved = _keras_step(
        keras,
        site["logistic"],
        X,
        t01,
        "binary_crossentropy",
        keras.regularizers.L2(L.keras_l2_crossentropy(L.LAM_LOG)),
        "sigmoid",
    )
    out.append(
        Check(
            "keras.l2_crossentropy",
            "libraries",
            lib,
            "`binary_crossentropy` + `L2(l2=λ/2)`: the site's logistic fit is the rest point",
            _gap(moved, site["logistic"]),
            1e-5,
        )
    )
    return out


# ---------------------------------------------------------------------------- glmnet (R)
def site_cv(X, y, lams, foldid) -> dict:
    """The site's cross-validation (geometry page): lasso on standardised training folds, mean fold MSE,
    standard error sd(ddof=1)/sqrt(K), and the largest lambda within one standard error of the minimum."""
    errors = np.empty((CV_FOLDS, len(lams)))
    for k in range(CV_FOLDS):
        held = foldid == k
        Xs, mean, scale = solvers.standardize(X[~held])
        W = solvers.path(Xs, y[~held], lams, tol=1e-15)
        pred = ((X[held] - mean) / scale) @ W.T + y[~held].mean()
        errors[k] = ((y[held][:, None] - pred) ** 2).mean(axis=0)
    m = errors.mean(axis=0)
    se = errors.std(axis=0, ddof=1) / np.sqrt(CV_FOLDS)
    best = int(np.argmin(m))
    within = np.nonzero(m <= m[best] + se[best])[0]
    return {"lambda_min": float(lams[best]), "lambda_1se": float(lams[within].max()), "cvm": m, "cvsd": se}


def _folds(n: int) -> np.ndarray:
    folds = np.arange(n) % CV_FOLDS
    np.random.default_rng(L.SEED).shuffle(folds)
    return folds


def run_glmnet(X, y, labels, foldid, cv_lambda, params: dict) -> dict:
    rscript = shutil.which("Rscript")
    if rscript is None:
        raise RuntimeError(
            "Rscript not found: install r-base-core r-cran-glmnet r-cran-jsonlite (.ci/system-packages.txt)"
        )
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for name, values in {"X": X, "y": y, "labels": labels, "foldid": foldid + 1, "cv_lambda": cv_lambda}.items():
            np.savetxt(
                folder / f"{name}.csv", np.asarray(values, float).reshape(len(values), -1), delimiter=",", fmt="%.17g"
            )
        (folder / "params.json").write_text(json.dumps(params), encoding="utf-8")
        done = subprocess.run(
            [rscript, str(R_SCRIPT), str(folder), str(folder / "out.json")], capture_output=True, text=True
        )
        if done.returncode != 0:
            raise RuntimeError(f"glmnet oracle failed:\n{done.stderr}")
        return json.loads((folder / "out.json").read_text(encoding="utf-8"))


def check_glmnet() -> tuple[list[Check], dict[str, str]]:
    X, y, labels = site_data()
    n = len(y)
    site = site_fits(X, y, labels)
    s_y = float(y.std())
    enet_lambda, enet_alpha = L.glmnet_gaussian_args(L.LAM, L.ALPHA, s_y)
    Xs, _, _ = solvers.standardize(X)
    cv_lambda = CV_FRACTIONS * solvers.lambda_max(Xs, y)
    foldid = _folds(n)
    params = {
        "lam": L.LAM,
        "alpha": L.ALPHA,
        "lam_log": L.LAM_LOG,
        "enet_lambda": enet_lambda,
        "enet_alpha": enet_alpha,
    }
    r = run_glmnet(X, y, labels, foldid, cv_lambda, params)

    def fit(key):
        return r[key]["b"], r[key]["w"]

    lib = "glmnet"
    std_fit = L.glmnet_standardized_fit(X, y, L.LAM, 1.0)
    out = [
        Check(
            "glmnet.lasso",
            "libraries",
            lib,
            '`family="gaussian"`, `standardize=FALSE`, `lambda=λ`: the site\'s lasso',
            _gap(fit("lasso"), site["lasso"]),
            1e-9,
        ),
        Check(
            "glmnet.enet_naive",
            "libraries",
            lib,
            '`family="gaussian"` standardises $y$: `lambda=λ`, `alpha=α` is not the site\'s elastic net',
            _gap(fit("enet_naive"), site["enet"]),
            0.01,
            agree=False,
            values={"libraries.glmnet_enet_naive.diff": fmt.num(_gap(fit("enet_naive"), site["enet"]))},
        ),
        Check(
            "glmnet.enet_naive_as_coded",
            "libraries",
            lib,
            "the page's reproduction of glmnet's code ($y$ and $\\lambda$ divided by $s_y$) matches glmnet",
            _gap(fit("enet_naive"), L.glmnet_gaussian_fit(X, y, L.LAM, L.ALPHA, standardize=False)),
            1e-9,
        ),
        Check(
            "glmnet.enet_converted",
            "libraries",
            lib,
            "`lambda=cλ`, `alpha=α/c`, $c = \\alpha + s_y(1 - \\alpha)$: the site's elastic net",
            _gap(fit("enet_converted"), site["enet"]),
            1e-9,
            values={
                "libraries.glmnet_enet.lambda": fmt.num(enet_lambda),
                "libraries.glmnet_enet.alpha": fmt.num(enet_alpha),
            },
        ),
        Check(
            "glmnet.family_object",
            "libraries",
            lib,
            "`family=gaussian()` (an object) leaves $y$ as it is: `lambda=λ`, `alpha=α` is the site's elastic net",
            _gap(fit("enet_family_object"), site["enet"]),
            1e-9,
        ),
        Check(
            "glmnet.family_object_ridge",
            "libraries",
            lib,
            "`family=gaussian()`, `alpha=0`, `lambda=λ`: the site's ridge",
            _gap(fit("ridge_family_object"), site["ridge"]),
            1e-9,
        ),
        Check(
            "glmnet.standardize",
            "libraries",
            lib,
            "`standardize=TRUE` (the default) penalises $s_j \\abs{w_j}$: the page's standardised fit, $w_3 \\ne 0$",
            _gap(fit("lasso_standardized"), std_fit),
            1e-9,
            values={"libraries.glmnet_std.w3": fmt.num(r["lasso_standardized"]["w"][2])},
        ),
        Check(
            "glmnet.binomial",
            "libraries",
            lib,
            '`family="binomial"`, `alpha=0`, `lambda=λ`: the site\'s logistic fit',
            _gap(fit("binomial_ridge"), site["logistic"]),
            1e-8,
        ),
    ]
    # lambda_max and the default sequence: lambda_max * ratio^(k/99), ratio 1e-4 when n > p.
    ratio = 1e-4 if n > X.shape[1] else 1e-2
    for key, Xk, alpha in (("lasso_std", Xs, 1.0), ("lasso_raw", X, 1.0), ("enet_std", Xs, L.ALPHA)):
        seq = np.asarray(r["path"][key])
        lam_max = solvers.lambda_max(Xk, y, alpha)
        expected = lam_max * ratio ** (np.arange(len(seq)) / 99)
        out.append(
            Check(
                f"glmnet.lambda_sequence.{key}",
                "libraries",
                lib,
                f"default λ sequence, {SEQUENCES[key]}, then down by equal ratios",
                float(np.abs(seq / expected - 1).max()),
                1e-10,
                values={r"$\lambda_{\max}$": fmt.num(lam_max)},
            )
        )
    mine = site_cv(X, y, cv_lambda, foldid)
    cv = r["cv"]
    curve_gap = float(
        max(np.abs(np.asarray(cv["cvm"]) - mine["cvm"]).max(), np.abs(np.asarray(cv["cvsd"]) - mine["cvsd"]).max())
    )
    out.append(
        Check(
            "glmnet.cv_curve",
            "libraries",
            lib,
            "`cv.glmnet` with the site's folds: same CV curve and standard errors",
            curve_gap,
            1e-8,
        )
    )
    choice_gap = max(abs(cv["lambda_min"] / mine["lambda_min"] - 1), abs(cv["lambda_1se"] / mine["lambda_1se"] - 1))
    out.append(
        Check(
            "glmnet.cv_choice",
            "libraries",
            lib,
            "`cv.glmnet`'s `lambda.min` and `lambda.1se` are the site's best and one-standard-error $\\lambda$",
            float(choice_gap),
            1e-12,
            values={
                r"$\lambda_{\min}$": fmt.num(mine["lambda_min"]),
                r"$\lambda_{\text{1se}}$": fmt.num(mine["lambda_1se"]),
            },
        )
    )
    return out, r["versions"]


def versions_python() -> dict[str, str]:
    from importlib import metadata

    return {name: metadata.version(name) for name in ("torch", "keras", "scikit-learn", "numpy")}


def run_all() -> tuple[list[Check], dict[str, str]]:
    """Every check and the versions they ran against."""
    checks = check_sklearn() + check_sklearn_intercepts() + check_torch() + check_keras()
    glmnet_checks, r_versions = check_glmnet()
    versions = {**versions_python(), "keras_backend": "torch", **r_versions}
    return checks + glmnet_checks, versions
