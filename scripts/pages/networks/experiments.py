"""The networks page's computation: the model code and one function per experiment.

Everything is numpy: a small fully connected network with hand-written backpropagation,
linear models from ``scripts.solvers`` (site convention, intercept never penalised), and
logistic regression by ``solvers.logistic_newton`` in scikit-learn's two intercept
conventions, which the tests compare with scikit-learn.  Every derived value the page prints is computed here.
"""

from __future__ import annotations

import itertools

import numpy as np

from scripts import solvers

# Each experiment draws from its own generator, so editing one leaves the others unchanged.
# Seeds: the article's date (2023-11-22), counted up in the order of the page.

# --------------------------------------------------------------------------------------
# A small fully connected network.  Parameters are a list of (W, b) per layer with
# W of shape (inputs, outputs); hidden layers apply the activation, the last is linear.
# --------------------------------------------------------------------------------------

LEAK = 0.1


ACTIVATIONS = {
    "ReLU": lambda z: np.maximum(z, 0.0),
    "leaky ReLU": lambda z: np.where(z > 0, z, LEAK * z),
    "linear": lambda z: z,
    "softplus": lambda z: np.logaddexp(0.0, z),
    "ELU": lambda z: np.where(z > 0, z, np.expm1(np.minimum(z, 0.0))),
    "tanh": np.tanh,
    "sigmoid": solvers.sigmoid,
}
# sigma(c z) = c sigma(z) for every c > 0: the exact condition for the scale symmetry.
POSITIVE_HOMOGENEOUS = {"ReLU", "leaky ReLU", "linear"}


def forward(params, X, activation: str = "ReLU"):
    act = ACTIVATIONS[activation]
    h = np.asarray(X, dtype=float)
    for W, b in params[:-1]:
        h = act(h @ W + b)
    W, b = params[-1]
    return (h @ W + b).ravel()


def loss(params, X, y, activation: str = "ReLU") -> float:
    """Mean squared error with the site's factor one half."""
    r = np.asarray(y, float) - forward(params, X, activation)
    return float(r @ r / (2 * len(r)))


def init(sizes, rng):
    """He-scaled Gaussian weights and small non-zero biases (so every bias matters)."""
    return [
        (rng.standard_normal((m, k)) * np.sqrt(2 / m), 0.3 * rng.standard_normal(k))
        for m, k in itertools.pairwise(sizes)
    ]


def relu_gradient(params, X, y):
    """Gradient of ``loss`` for a ReLU network, by backpropagation."""
    hs, zs = [np.asarray(X, float)], []
    for W, b in params[:-1]:
        zs.append(hs[-1] @ W + b)
        hs.append(np.maximum(zs[-1], 0.0))
    W, b = params[-1]
    n = len(y)
    delta = ((hs[-1] @ W + b).ravel() - y)[:, None] / n
    grads = [None] * len(params)
    for layer in range(len(params) - 1, -1, -1):
        W, _ = params[layer]
        grads[layer] = (hs[layer].T @ delta, delta.sum(axis=0))
        if layer:
            delta = (delta @ W.T) * (zs[layer - 1] > 0)
    return grads


def train_adam(params, X, y, steps: int, lr: float = 0.01):
    """Full-batch Adam (deterministic); returns new parameters."""
    params = [(W.copy(), b.copy()) for W, b in params]
    flat = [a for pair in params for a in pair]
    m = [np.zeros_like(a) for a in flat]
    v = [np.zeros_like(a) for a in flat]
    beta1, beta2, eps = 0.9, 0.999, 1e-8
    for t in range(1, steps + 1):
        grads = [g for pair in relu_gradient(params, X, y) for g in pair]
        for i, (a, g) in enumerate(zip(flat, grads, strict=True)):
            m[i] = beta1 * m[i] + (1 - beta1) * g
            v[i] = beta2 * v[i] + (1 - beta2) * g * g
            a -= lr * (m[i] / (1 - beta1**t)) / (np.sqrt(v[i] / (1 - beta2**t)) + eps)
    return params


def rescale(params, layer: int, c: float, halve_next_bias: bool = False):
    """Multiply layer ``layer``'s weights and biases by c and the next layer's weights by 1/c.

    The next layer's bias is kept (the correct symmetry) unless ``halve_next_bias``, which
    divides it by c as well: the rule exactly as the article words it (c = 2).
    """
    out = [(W.copy(), b.copy()) for W, b in params]
    W, b = out[layer]
    out[layer] = (c * W, c * b)
    W, b = out[layer + 1]
    out[layer + 1] = (W / c, b / c if halve_next_bias else b)
    return out


def permute(params, layer: int, order):
    """Reorder the units of hidden layer ``layer``: same function, different parameter vector."""
    out = [(W.copy(), b.copy()) for W, b in params]
    W, b = out[layer]
    out[layer] = (W[:, order], b[order])
    W, b = out[layer + 1]
    out[layer + 1] = (W[order, :], b)
    return out


def flip_signs(params, layer: int, sigmoid_fix: bool = False):
    """Negate every unit of hidden layer ``layer``: incoming weights, bias and outgoing weights.

    Exact for odd activations (tanh, linear).  For the sigmoid, sigma(-z) = 1 - sigma(z), so
    the next bias must also absorb the outgoing weights (``sigmoid_fix``).
    """
    out = [(W.copy(), b.copy()) for W, b in params]
    W, b = out[layer]
    out[layer] = (-W, -b)
    W, b = out[layer + 1]
    out[layer + 1] = (-W, b + W.sum(axis=0) if sigmoid_fix else b)
    return out


def weight_penalty(params) -> float:
    """Weight decay in the site's form: one half of the squared weights, biases not penalised."""
    return float(sum((W**2).sum() for W, _ in params) / 2)


def along(params_a, params_b, t: float):
    return [(Wa + t * (Wb - Wa), ba + t * (bb - ba)) for (Wa, ba), (Wb, bb) in zip(params_a, params_b, strict=True)]


def max_change(params_a, params_b, X, activation: str = "ReLU") -> float:
    """Largest difference between two networks' outputs over the inputs X."""
    return float(np.max(np.abs(forward(params_a, X, activation) - forward(params_b, X, activation))))


# --------------------------------------------------------------------------------------
# Weight decay on the two factors of a product: gradient descent on a diagonal network.
# --------------------------------------------------------------------------------------


def factored_weight_decay(X, y, lam: float, rng, steps: int = 6000, step: float = 0.1):
    """Minimise 1/(2n)||y - b - X(u*v)||^2 + lam/2 (||u||^2 + ||v||^2) by gradient descent.

    The model is linear in x with coefficients beta = u * v (elementwise): a network with one
    hidden unit per feature, linear activation and one weight on each side of it.  The
    intercept is handled by centring, as in ``solvers``.
    """
    X = np.asarray(X, float)
    xm, ym = X.mean(axis=0), float(np.mean(y))
    Xc, yc = X - xm, np.asarray(y, float) - ym
    n = len(yc)
    u = 0.1 * rng.standard_normal(X.shape[1])
    v = 0.1 * rng.standard_normal(X.shape[1])
    for _ in range(steps):
        g = Xc.T @ (Xc @ (u * v) - yc) / n
        u, v = u - step * (g * v + lam * u), v - step * (g * u + lam * v)
    beta = u * v
    return ym - xm @ beta, beta, u, v


def min_product_penalty(c: float, grid) -> float:
    """min over a in grid (a > 0) of (a^2 + (c/a)^2)/2: the cheapest way to write c = a b."""
    a = np.asarray(grid, float)
    return float(np.min((a**2 + (c / a) ** 2) / 2))


# --------------------------------------------------------------------------------------
# The experiments, in the order of the page.
# --------------------------------------------------------------------------------------

# The article's cat example: one input (30 lb), two coefficients.
CAT_X, CAT_SMALL, CAT_LARGE = 30.0, 10.0, 1000.0
OUNCES_PER_POUND = 16


def cat_example() -> dict:
    return {
        "x": CAT_X,
        "small": CAT_SMALL,
        "large": CAT_LARGE,
        "out_small": CAT_SMALL * CAT_X,
        "out_large": CAT_LARGE * CAT_X,
        "ounce_small": CAT_SMALL / OUNCES_PER_POUND,  # the same model with the input in ounces
    }


# Interpolating linear models: more weights than examples, ten of them carry signal.
FIT_N, FIT_P, FIT_N_TEST, FIT_SIGMA, FIT_INTERCEPT, FIT_SIGNAL = 30, 60, 4000, 0.5, 2.0, 10
FIT_TS = np.linspace(0, 3, 61)  # length added along the null direction, in units of ||w_min||
FIT_T_BIG = 2.0
FIT_TS_OTHER_WAY = np.linspace(-1, 0, 101)
FIT_LAMS = np.logspace(-3, 1.5, 46)
FIT_SEED = 20231122


def _linear_errors(w, b, X, y, X_test, y_test) -> dict:
    return {
        "norm": float(np.linalg.norm(w)),
        "train": float(np.mean((y - b - X @ w) ** 2)),
        "test": float(np.mean((y_test - b - X_test @ w) ** 2)),
    }


def exact_fits() -> dict:
    """Exact fits of the same training data, and ridge on it: small norm as a preference."""
    rng = np.random.default_rng(FIT_SEED)
    n, p, n_test, sigma = FIT_N, FIT_P, FIT_N_TEST, FIT_SIGMA
    w_true = np.zeros(p)
    w_true[:FIT_SIGNAL] = 0.3 * rng.standard_normal(FIT_SIGNAL)
    X = rng.standard_normal((n, p))
    y = FIT_INTERCEPT + X @ w_true + sigma * rng.standard_normal(n)
    X_test = rng.standard_normal((n_test, p))
    y_test = FIT_INTERCEPT + X_test @ w_true + sigma * rng.standard_normal(n_test)
    x_mean = X.mean(axis=0)
    Xc, yc = X - x_mean, y - y.mean()
    pinv = np.linalg.pinv(Xc)
    w_min = pinv @ yc  # the minimum-norm interpolant (the limit of ridge as lam -> 0)
    null = rng.standard_normal(p)
    null -= pinv @ (Xc @ null)  # a direction that changes no training prediction
    null /= np.linalg.norm(null)
    family = []
    for t in FIT_TS:
        w = w_min + t * np.linalg.norm(w_min) * null
        b = y.mean() - x_mean @ w
        family.append({**_linear_errors(w, b, X, y, X_test, y_test), "w": w, "b": float(b)})
    big = family[int(np.argmin(np.abs(FIT_TS - FIT_T_BIG)))]
    small_model = family[0]
    # The same direction taken the other way: the test error is a quadratic in t whose minimum
    # need not be at t = 0, so an exact fit with a (slightly) larger norm can do better.
    other_way = []
    for t in FIT_TS_OTHER_WAY:
        w = w_min + t * np.linalg.norm(w_min) * null
        b = y.mean() - x_mean @ w
        errors = _linear_errors(w, b, X, y, X_test, y_test)
        other_way.append({"norm": errors["norm"], "test": errors["test"]})
    best_exact = min(other_way, key=lambda m: m["test"])
    # Predicting the training mean for every example: the baseline any useful model must beat.
    null_test = float(np.mean((y_test - y.mean()) ** 2))
    # Sensitivity: the same random input perturbation, |delta x| = 1 on average per test point.
    delta = rng.standard_normal((n_test, p)) / np.sqrt(p)
    sens = {
        name: {
            "rms_change": float(np.sqrt(np.mean((delta @ m["w"]) ** 2))),
            "max_ratio": float(np.max(np.abs(delta @ m["w"]) / np.linalg.norm(delta, axis=1))),
        }
        for name, m in (("small", small_model), ("big", big))
    }
    ridge_path = []
    for lam in FIT_LAMS:
        f = solvers.ridge(X, y, lam)
        ridge_path.append({"lam": float(lam), **_linear_errors(f.w, f.b, X, y, X_test, y_test)})
    return {
        "n": n,
        "p": p,
        "n_test": n_test,
        "sigma": sigma,
        "noise_var": sigma**2,
        "signal": FIT_SIGNAL,
        "ts": FIT_TS,
        "family": family,
        "small": small_model,
        "big": big,
        "t_big": FIT_T_BIG,
        "sens": sens,
        "ridge": ridge_path,
        "ridge_best": min(ridge_path, key=lambda r: r["test"]),
        "ridge_largest": ridge_path[-1],
        "X": X,
        "y": y,
        "null_direction": null,
        "best_exact": best_exact,
        "null_test": null_test,
        "w_true": w_true,
        "X_test": X_test,
        "y_test": y_test,
    }


# Least squares with almost as many weights as examples, on the same independent features.
NEAR_SQUARE_P = 27  # with the intercept, 28 parameters for 30 examples


def near_square_least_squares(fit: dict) -> dict:
    """Overfitting without any interplay between features: least squares at p close to n."""
    X, y, X_test, y_test = fit["X"], fit["y"], fit["X_test"], fit["y_test"]

    def errors(columns, lam):
        f = solvers.ridge(X[:, columns], y, lam)
        return {"lam": float(lam), **_linear_errors(f.w, f.b, X[:, columns], y, X_test[:, columns], y_test)}

    first = slice(0, NEAR_SQUARE_P)
    ridge_path = [errors(first, lam) for lam in FIT_LAMS]
    return {
        "p": NEAR_SQUARE_P,
        "least_squares": errors(first, 0.0),
        "ridge_best": min(ridge_path, key=lambda r: r["test"]),  # chosen on the test set: optimistic
        "signal_only": errors(slice(0, fit["signal"]), 0.0),  # least squares on the features that matter
    }


# Two nearly identical features: ridge shares the weight, the lasso tends to pick one.
CORR_N, CORR_NOISE, CORR_LAM, CORR_SEED = 100, 0.05, 1.5, 20231123
CORR_REPEATS = 1000  # further data sets drawn the same way, to say how often the lasso picks one


def _near_copies(rng):
    z = rng.standard_normal(CORR_N)
    raw = np.column_stack([z + CORR_NOISE * rng.standard_normal(CORR_N), z + CORR_NOISE * rng.standard_normal(CORR_N)])
    X, _, _ = solvers.standardize(raw)
    return X, X @ np.array([1.0, 1.0]) + 0.5 * rng.standard_normal(CORR_N)


def _lasso_keeps_one(X, y, lam: float) -> int | None:
    """Which feature the lasso keeps when it sets exactly one of two standardised ones to zero.

    The candidate with only feature j active is w_j = S(x_j'y/n, lam); it is the lasso solution
    (unique: X has full rank) exactly when it satisfies the optimality conditions.
    """
    c = X.T @ (y - y.mean()) / len(y)
    for j in range(2):
        w = np.zeros(2)
        w[j] = solvers.soft_threshold(c[j], lam)
        if w[j] != 0 and solvers.kkt_violation(X, y, float(y.mean()), w, lam) < 1e-12:
            return j
    return None


def correlated_features() -> dict:
    rng = np.random.default_rng(CORR_SEED)
    X, y = _near_copies(rng)
    ridge = solvers.ridge(X, y, CORR_LAM)
    lasso = solvers.coordinate_descent(X, y, CORR_LAM)
    kept, ridge_shares = [], []
    for child in np.random.SeedSequence(CORR_SEED).spawn(CORR_REPEATS):
        Xr, yr = _near_copies(np.random.default_rng(child))
        kept.append(_lasso_keeps_one(Xr, yr, CORR_LAM))
        w = solvers.ridge(Xr, yr, CORR_LAM).w
        ridge_shares.append(w[0] / w.sum())
    return {
        "rho": float(np.corrcoef(X.T)[0, 1]),
        "lam": CORR_LAM,
        "ridge": ridge,
        "lasso": lasso,
        "share": {name: float(f.w[0] / f.w.sum()) for name, f in (("ridge", ridge), ("lasso", lasso))},
        "X": X,
        "y": y,
        "repeats": CORR_REPEATS,
        "lasso_keeps_one": float(np.mean([k is not None for k in kept])),
        "lasso_keeps_each": [float(np.mean([k == j for k in kept])) for j in range(2)],
        "ridge_share_min": float(np.min(ridge_shares)),
        "ridge_share_max": float(np.max(ridge_shares)),
    }


# A trained ReLU network with two hidden layers (1 -> 12 -> 12 -> 1).
NET_N, NET_WIDTH, NET_STEPS, NET_LR, NET_SEED = 64, 12, 3000, 0.01, 20231124
NET_GRID = np.linspace(-2.5, 2.5, 201)[:, None]


def trained_network() -> dict:
    rng = np.random.default_rng(NET_SEED)  # the data, then the initial weights
    xs = np.sort(rng.uniform(-2, 2, NET_N))[:, None]
    ys = np.sin(1.5 * xs[:, 0]) + 0.3 * xs[:, 0] + 0.1 * rng.standard_normal(NET_N)
    width = NET_WIDTH
    net = train_adam(init([1, width, width, 1], rng), xs, ys, steps=NET_STEPS, lr=NET_LR)
    grid = NET_GRID
    f0 = forward(net, grid)
    correct = rescale(net, 0, 2.0)
    literal = rescale(net, 0, 2.0, halve_next_bias=True)
    negative = rescale(net, 0, -1.0)
    literal_last = rescale(net, 1, 2.0, halve_next_bias=True)  # last hidden layer and output layer
    shift_literal_last = forward(literal_last, grid) - f0
    output_bias = float(net[-1][1][0])
    return {
        "params": net,
        "correct": correct,
        "x": xs,
        "y": ys,
        "n": len(ys),
        "grid": grid[:, 0],
        "f": f0,
        "f_correct": forward(correct, grid),
        "f_literal": forward(literal, grid),
        "loss": loss(net, xs, ys),
        "loss_literal": loss(literal, xs, ys),
        "change_correct": float(np.max(np.abs(forward(correct, grid) - f0))),
        "change_literal": float(np.max(np.abs(forward(literal, grid) - f0))),
        "change_negative": float(np.max(np.abs(forward(negative, grid) - f0))),
        "shift_literal_last": shift_literal_last,
        "shift_literal_last_mean": float(np.mean(shift_literal_last)),
        "output_bias": output_bias,
        "half_output_bias": output_bias / 2,
        "width": width,
    }


# Which activations have which symmetry (random network 2 -> 8 -> 8 -> 1, random inputs).
PROBE_SIZES, PROBE_N, PROBE_SEED = [2, 8, 8, 1], 500, 20231125


def activation_symmetries() -> dict:
    rng = np.random.default_rng(PROBE_SEED)
    probe_params = init(PROBE_SIZES, rng)
    probe_x = rng.uniform(-3, 3, (PROBE_N, 2))
    symmetry = {}
    for name in ACTIVATIONS:
        f = forward(probe_params, probe_x, name)
        row = {
            "homogeneous": name in POSITIVE_HOMOGENEOUS,
            "scale": float(np.max(np.abs(forward(rescale(probe_params, 0, 2.0), probe_x, name) - f))),
            "literal": float(
                np.max(np.abs(forward(rescale(probe_params, 0, 2.0, halve_next_bias=True), probe_x, name) - f))
            ),
            "sign": float(np.max(np.abs(forward(flip_signs(probe_params, 0), probe_x, name) - f))),
            "range": float(np.ptp(f)),
        }
        if name == "sigmoid":
            fixed = flip_signs(probe_params, 0, sigmoid_fix=True)
            row["sign_fixed"] = float(np.max(np.abs(forward(fixed, probe_x, name) - f)))
        symmetry[name] = row
    return symmetry


PATH_TS = np.linspace(0, 1, 101)


def loss_paths(network: dict) -> dict:
    """Loss along straight segments between equivalent networks, and along the scale curve."""
    net, correct, xs, ys = network["params"], network["correct"], network["x"], network["y"]
    order = np.arange(network["width"])[::-1]
    permuted = permute(net, 0, order)
    ts = PATH_TS
    permutation = np.array([loss(along(net, permuted, t), xs, ys) for t in ts])
    scale_segment = np.array([loss(along(net, correct, t), xs, ys) for t in ts])
    permutation_max = float(permutation.max())
    return {
        "t": ts,
        "permutation": permutation,
        "scale_segment": scale_segment,
        "scale_curve": np.array([loss(rescale(net, 0, 2.0**t), xs, ys) for t in ts]),
        "loss_permuted": loss(permuted, xs, ys),
        "permutation_max": permutation_max,
        "permutation_ratio": permutation_max / permutation[0],
        "scale_segment_mid": float(scale_segment[50]),
    }


ORBIT_CS = np.logspace(np.log10(0.25), np.log10(4), 121)


def penalty_orbit(network: dict) -> dict:
    """Weight decay along the rescaling orbit of layer 1 -> layer 2 (biases unpenalised)."""
    net, correct = network["params"], network["correct"]
    grid = NET_GRID
    A = float((net[0][0] ** 2).sum())  # ||W1||^2, scales with c^2
    B = float((net[1][0] ** 2).sum())  # ||W2||^2, scales with 1/c^2
    rest = float((net[2][0] ** 2).sum())
    cs = ORBIT_CS
    c_star = (B / A) ** 0.25
    balanced = rescale(net, 0, c_star)
    return {
        "A": A,
        "B": B,
        "rest": rest,
        "c": cs,
        "penalty": np.array([weight_penalty(rescale(net, 0, c)) for c in cs]),
        "penalty_formula": (cs**2 * A + B / cs**2 + rest) / 2,
        "c_star": float(c_star),
        "p1": weight_penalty(net),
        "p2": weight_penalty(correct),
        "p_star": weight_penalty(balanced),
        "layer_part_star": float(np.sqrt(A * B)),
        "balanced_in": float((balanced[0][0] ** 2).sum()),
        "balanced_out": float((balanced[1][0] ** 2).sum()),
        "change_balanced": float(np.max(np.abs(forward(balanced, grid) - network["f"]))),
    }


# L2 on the factors of a product is L1 on the product.
PRODUCTS = np.linspace(-3, 3, 121)
FACTOR_GRID = np.logspace(-3, 3, 4001)
PRODUCT_EXAMPLE = -3.0


def product_penalty() -> dict:
    return {
        "c": PRODUCTS,
        "min_penalty": np.array([min_product_penalty(c, FACTOR_GRID) for c in PRODUCTS]),
        "l2_on_product": PRODUCTS**2 / 2,
        "example_c": PRODUCT_EXAMPLE,
        "example_min": min_product_penalty(PRODUCT_EXAMPLE, FACTOR_GRID),
        "example_a": float(np.sqrt(abs(PRODUCT_EXAMPLE))),
    }


# A factored linear model trained with weight decay finds the lasso solution.
FACTORED_N, FACTORED_LAM = 60, 0.1
FACTORED_BETA = np.array([1.5, -1.0, 0.6, 0, 0, 0, 0, 0])
FACTORED_ZERO = 1e-8  # a factored coefficient below this counts as zero
FACTORED_SEED = 20231126


def factored_lasso() -> dict:
    rng = np.random.default_rng(FACTORED_SEED)  # the data, then the starting point
    p = len(FACTORED_BETA)
    X, _, _ = solvers.standardize(rng.standard_normal((FACTORED_N, p)))
    y = 1.0 + X @ FACTORED_BETA + 0.5 * rng.standard_normal(FACTORED_N)
    lam = FACTORED_LAM
    b_fac, beta_fac, u, v = factored_weight_decay(X, y, lam, rng)
    lasso = solvers.coordinate_descent(X, y, lam)
    ridge = solvers.ridge(X, y, lam)
    return {
        "lam": lam,
        "p": p,
        "X": X,
        "y": y,
        "beta_true": FACTORED_BETA,
        "b": float(b_fac),
        "beta": beta_fac,
        "u": u,
        "v": v,
        "lasso": lasso,
        "ridge": ridge,
        "max_diff": float(np.max(np.abs(beta_fac - lasso.w))),
        "lasso_zeros": int(np.sum(lasso.w == 0)),
        "factored_small": int(np.sum(np.abs(beta_fac) < FACTORED_ZERO)),
        "ridge_zeros": int(np.sum(ridge.w == 0)),
        "imbalance": float(np.max(np.abs(np.abs(u) - np.abs(v)))),
    }


# Penalising the intercept: the fit depends on where the origin of y is.
BIAS_N, BIAS_LAM, BIAS_K, BIAS_SEED = 40, 0.5, 100.0, 20231127
BIAS_SHIFTS = np.linspace(0, BIAS_K, 51)


def penalised_intercept() -> dict:
    rng = np.random.default_rng(BIAS_SEED)
    n = BIAS_N
    x = rng.uniform(0, 4, n)  # a raw, non-centred feature (the point of the demonstration)
    y = 5.0 + 1.5 * x + 0.8 * rng.standard_normal(n)
    lam = BIAS_LAM
    ones = np.column_stack([np.ones(n), x])
    free, pen = [], []
    for K in BIAS_SHIFTS:
        f = solvers.ridge(x[:, None], y + K, lam)
        free.append((f.b, float(f.w[0]), float(np.mean((y + K - f.b - f.w[0] * x) ** 2))))
        g = solvers.ridge(ones, y + K, lam, fit_intercept=False)  # intercept = a penalised weight
        pen.append((float(g.w[0]), float(g.w[1]), float(np.mean((y + K - ones @ g.w) ** 2))))
    free, pen = np.array(free), np.array(pen)
    # Centred feature: the penalised intercept is mean(y) / (1 + lam), the slope is unaffected.
    xc = (x - x.mean()) / x.std()
    centred = solvers.ridge(np.column_stack([np.ones(n), xc]), y + BIAS_K, lam, fit_intercept=False)
    return {
        "x": x,
        "y": y,
        "lam": lam,
        "shifts": BIAS_SHIFTS,
        "free": free,
        "pen": pen,
        "K": BIAS_K,
        "centred_b": float(centred.w[0]),
        "centred_ybar": float(np.mean(y + BIAS_K)),
    }


# Logistic regression: intercept penalised or not (scikit-learn's two behaviours).
LOGISTIC_N, LOGISTIC_C, LOGISTIC_SCALING, LOGISTIC_SEED = 300, 0.01, 100.0, 20231128


def logistic_intercepts() -> dict:
    rng = np.random.default_rng(LOGISTIC_SEED)
    n, C = LOGISTIC_N, LOGISTIC_C
    X = rng.standard_normal((n, 2))
    prob = solvers.sigmoid(2.0 + X @ np.array([1.0, -1.0]))
    y = (rng.uniform(size=n) < prob).astype(float)
    # scikit-learn's C * sum(logloss) + 1/2 ||w||^2; liblinear adds (b / s)^2 / 2 for the intercept.
    b_free, w_free = solvers.logistic_newton(X, y, C, [0.0, 1.0, 1.0])
    b_pen, w_pen = solvers.logistic_newton(X, y, C, [1.0, 1.0, 1.0])
    b_scaled, _ = solvers.logistic_newton(X, y, C, [1 / LOGISTIC_SCALING**2, 1.0, 1.0])
    return {
        "X": X,
        "y": y,
        "n": n,
        "C": C,
        "b_free": b_free,
        "w_free": w_free,
        "b_pen": b_pen,
        "w_pen": w_pen,
        "b_scaled": b_scaled,
        "scaling": LOGISTIC_SCALING,
        "share_free": float(np.mean(solvers.sigmoid(b_free + X @ w_free))),
        "share_pen": float(np.mean(solvers.sigmoid(b_pen + X @ w_pen))),
        "share_data": float(y.mean()),
    }


def compute() -> dict:
    out = {"cat": cat_example(), "fit": exact_fits(), "corr": correlated_features()}
    out["near_square"] = near_square_least_squares(out["fit"])
    out["net"] = trained_network()
    out["symmetry"] = activation_symmetries()
    out["paths"] = loss_paths(out["net"])
    out["orbit"] = penalty_orbit(out["net"])
    out["product"] = product_penalty()
    out["factored"] = factored_lasso()
    out["bias"] = penalised_intercept()
    out["logistic"] = logistic_intercepts()
    return out
