"""Why small weights, unpenalised biases, and the symmetries of neural networks.

Restates and checks "Courage to learn ML: Demystifying L1 & L2 Regularization (part 1)".
Everything is numpy: a small fully connected network with hand-written backpropagation,
linear models from ``scripts.solvers`` (site convention, intercept never penalised), and a
Newton solver for logistic regression whose two intercept conventions the tests compare
with scikit-learn.
"""

from __future__ import annotations

import itertools

import numpy as np

from scripts import fmt, solvers, style

SEED = 20231122

# --------------------------------------------------------------------------------------
# A small fully connected network.  Parameters are a list of (W, b) per layer with
# W of shape (inputs, outputs); hidden layers apply the activation, the last is linear.
# --------------------------------------------------------------------------------------

LEAK = 0.1


def _sigmoid(z):
    return 0.5 * (1 + np.tanh(z / 2))  # overflow-free logistic function


ACTIVATIONS = {
    "ReLU": lambda z: np.maximum(z, 0.0),
    "leaky ReLU": lambda z: np.where(z > 0, z, LEAK * z),
    "linear": lambda z: z,
    "softplus": lambda z: np.logaddexp(0.0, z),
    "ELU": lambda z: np.where(z > 0, z, np.expm1(np.minimum(z, 0.0))),
    "tanh": np.tanh,
    "sigmoid": _sigmoid,
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


# --------------------------------------------------------------------------------------
# Logistic regression in scikit-learn's form, C * sum(log-loss) + 1/2 ||w||^2 (+ 1/2 b^2).
# --------------------------------------------------------------------------------------


def logistic_newton(X, y, C: float, penalise_intercept: bool, intercept_scaling: float = 1.0, iters: int = 50):
    """Newton's method on C * sum_i logloss(y_i, b + x_i'w) + ||w||^2/2 [+ (b/s)^2/2].

    With the penalty on b this is liblinear's problem: the intercept is s times the weight of a
    constant feature of value s (``intercept_scaling``), and that weight is penalised.
    """
    A = np.column_stack([np.ones(len(X)), X])
    reg = np.ones(A.shape[1])
    reg[0] = 1.0 / intercept_scaling**2 if penalise_intercept else 0.0
    theta = np.zeros(A.shape[1])
    for _ in range(iters):
        p = _sigmoid(A @ theta)
        grad = C * A.T @ (p - y) + reg * theta
        hess = C * (A.T * (p * (1 - p))) @ A + np.diag(reg)
        step = np.linalg.solve(hess, grad)
        theta -= step
        if np.max(np.abs(step)) < 1e-14:
            break
    return float(theta[0]), theta[1:]


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


def compute() -> dict:
    rng = np.random.default_rng(SEED)
    out: dict = {}

    # The cat example: one input (30 lb), two coefficients.
    cat_x, small, large = 30.0, 10.0, 1000.0
    out["cat"] = {
        "x": cat_x,
        "small": small,
        "large": large,
        "out_small": small * cat_x,
        "out_large": large * cat_x,
        "ounce_small": small / 16,  # the same model with the input in ounces (16 oz = 1 lb)
    }

    # Two interpolating linear models: same (zero) training error, different norms.
    n, p, n_test, sigma = 30, 60, 4000, 0.5
    w_true = np.zeros(p)
    w_true[:10] = 0.3 * rng.standard_normal(10)
    X = rng.standard_normal((n, p))
    y = 2.0 + X @ w_true + sigma * rng.standard_normal(n)
    X_test = rng.standard_normal((n_test, p))
    y_test = 2.0 + X_test @ w_true + sigma * rng.standard_normal(n_test)
    x_mean = X.mean(axis=0)
    Xc, yc = X - x_mean, y - y.mean()
    pinv = np.linalg.pinv(Xc)
    w_min = pinv @ yc  # the minimum-norm interpolant (the limit of ridge as lam -> 0)
    null = rng.standard_normal(p)
    null -= pinv @ (Xc @ null)  # a direction that changes no training prediction
    null /= np.linalg.norm(null)
    ts = np.linspace(0, 3, 61)
    family = []
    for t in ts:
        w = w_min + t * np.linalg.norm(w_min) * null
        b = y.mean() - x_mean @ w
        family.append(
            {
                "norm": float(np.linalg.norm(w)),
                "train": float(np.mean((y - b - X @ w) ** 2)),
                "test": float(np.mean((y_test - b - X_test @ w) ** 2)),
                "w": w,
                "b": float(b),
            }
        )
    t_big = 2.0
    big = family[int(np.argmin(np.abs(ts - t_big)))]
    small_model = family[0]
    # The same direction taken the other way: the test error is a quadratic in t whose minimum
    # need not be at t = 0, so an exact fit with a (slightly) larger norm can do better.
    other_way = []
    for t in np.linspace(-1, 0, 101):
        w = w_min + t * np.linalg.norm(w_min) * null
        b = y.mean() - x_mean @ w
        other_way.append({"norm": float(np.linalg.norm(w)), "test": float(np.mean((y_test - b - X_test @ w) ** 2))})
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
    lams = np.logspace(-3, 1.5, 46)
    ridge_path = []
    for lam in lams:
        f = solvers.ridge(X, y, lam)
        ridge_path.append(
            {
                "lam": float(lam),
                "norm": float(np.linalg.norm(f.w)),
                "train": float(np.mean((y - f.b - X @ f.w) ** 2)),
                "test": float(np.mean((y_test - f.b - X_test @ f.w) ** 2)),
            }
        )
    best = min(ridge_path, key=lambda r: r["test"])
    out["fit"] = {
        "n": n,
        "p": p,
        "n_test": n_test,
        "sigma": sigma,
        "ts": ts,
        "family": family,
        "small": small_model,
        "big": big,
        "t_big": t_big,
        "sens": sens,
        "ridge": ridge_path,
        "ridge_best": best,
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

    # Two nearly identical features: ridge shares the weight, the lasso does not.
    n2 = 100
    z = rng.standard_normal(n2)
    raw = np.column_stack([z + 0.05 * rng.standard_normal(n2), z + 0.05 * rng.standard_normal(n2)])
    X2, _, _ = solvers.standardize(raw)
    y2 = X2 @ np.array([1.0, 1.0]) + 0.5 * rng.standard_normal(n2)
    lam2 = 1.5
    ridge2 = solvers.ridge(X2, y2, lam2)
    lasso2 = solvers.coordinate_descent(X2, y2, lam2)
    out["corr"] = {
        "rho": float(np.corrcoef(X2.T)[0, 1]),
        "lam": lam2,
        "ridge": ridge2,
        "lasso": lasso2,
        "X": X2,
        "y": y2,
    }

    # A trained ReLU network with two hidden layers (1 -> 12 -> 12 -> 1).
    xs = np.sort(rng.uniform(-2, 2, 64))[:, None]
    ys = np.sin(1.5 * xs[:, 0]) + 0.3 * xs[:, 0] + 0.1 * rng.standard_normal(64)
    width = 12
    net = train_adam(init([1, width, width, 1], rng), xs, ys, steps=3000, lr=0.01)
    grid = np.linspace(-2.5, 2.5, 201)[:, None]
    f0 = forward(net, grid)
    correct = rescale(net, 0, 2.0)
    literal = rescale(net, 0, 2.0, halve_next_bias=True)
    negative = rescale(net, 0, -1.0)
    literal_last = rescale(net, 1, 2.0, halve_next_bias=True)  # last hidden layer and output layer
    out["net"] = {
        "params": net,
        "x": xs,
        "y": ys,
        "grid": grid[:, 0],
        "f": f0,
        "f_correct": forward(correct, grid),
        "f_literal": forward(literal, grid),
        "loss": loss(net, xs, ys),
        "loss_literal": loss(literal, xs, ys),
        "change_correct": float(np.max(np.abs(forward(correct, grid) - f0))),
        "change_literal": float(np.max(np.abs(forward(literal, grid) - f0))),
        "change_negative": float(np.max(np.abs(forward(negative, grid) - f0))),
        "shift_literal_last": forward(literal_last, grid) - f0,
        "output_bias": float(net[-1][1][0]),
        "b2_norm": float(np.linalg.norm(net[1][1])),
        "width": width,
    }

    # Which activations have which symmetry (random network 2 -> 8 -> 8 -> 1, random inputs).
    probe_params = init([2, 8, 8, 1], rng)
    probe_x = rng.uniform(-3, 3, (500, 2))
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
    out["symmetry"] = symmetry

    # Loss along straight segments between equivalent networks, and along the scale curve.
    order = np.arange(width)[::-1]
    permuted = permute(net, 0, order)
    ts_path = np.linspace(0, 1, 101)
    out["paths"] = {
        "t": ts_path,
        "permutation": np.array([loss(along(net, permuted, t), xs, ys) for t in ts_path]),
        "scale_segment": np.array([loss(along(net, correct, t), xs, ys) for t in ts_path]),
        "scale_curve": np.array([loss(rescale(net, 0, 2.0**t), xs, ys) for t in ts_path]),
        "loss_permuted": loss(permuted, xs, ys),
        "param_distance": float(
            np.sqrt(
                sum(
                    ((Wa - Wb) ** 2).sum() + ((ba - bb) ** 2).sum()
                    for (Wa, ba), (Wb, bb) in zip(net, permuted, strict=True)
                )
            )
        ),
    }
    out["paths"]["permutation_max"] = float(out["paths"]["permutation"].max())
    out["paths"]["scale_segment_mid"] = float(out["paths"]["scale_segment"][50])

    # Weight decay along the rescaling orbit of layer 1 -> layer 2 (biases unpenalised).
    A = float((net[0][0] ** 2).sum())  # ||W1||^2, scales with c^2
    B = float((net[1][0] ** 2).sum())  # ||W2||^2, scales with 1/c^2
    rest = float((net[2][0] ** 2).sum())
    cs = np.logspace(np.log10(0.25), np.log10(4), 121)
    c_star = (B / A) ** 0.25
    balanced = rescale(net, 0, c_star)
    out["orbit"] = {
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
        "change_balanced": float(np.max(np.abs(forward(balanced, grid) - f0))),
    }

    # L2 on the factors of a product is L1 on the product.
    products = np.linspace(-3, 3, 121)
    a_grid = np.logspace(-3, 3, 4001)
    out["product"] = {
        "c": products,
        "min_penalty": np.array([min_product_penalty(c, a_grid) for c in products]),
        "example_c": -3.0,
        "example_min": min_product_penalty(-3.0, a_grid),
        "example_a": float(np.sqrt(3.0)),
    }

    # A factored linear model trained with weight decay finds the lasso solution.
    n3, p3 = 60, 8
    X3, _, _ = solvers.standardize(rng.standard_normal((n3, p3)))
    beta_true = np.array([1.5, -1.0, 0.6, 0, 0, 0, 0, 0])
    y3 = 1.0 + X3 @ beta_true + 0.5 * rng.standard_normal(n3)
    lam3 = 0.1
    b_fac, beta_fac, u, v = factored_weight_decay(X3, y3, lam3, rng)
    lasso3 = solvers.coordinate_descent(X3, y3, lam3)
    ridge3 = solvers.ridge(X3, y3, lam3)
    out["factored"] = {
        "lam": lam3,
        "X": X3,
        "y": y3,
        "beta_true": beta_true,
        "b": float(b_fac),
        "beta": beta_fac,
        "u": u,
        "v": v,
        "lasso": lasso3,
        "ridge": ridge3,
        "max_diff": float(np.max(np.abs(beta_fac - lasso3.w))),
        "lasso_zeros": int(np.sum(lasso3.w == 0)),
        "factored_small": int(np.sum(np.abs(beta_fac) < 1e-8)),
        "ridge_zeros": int(np.sum(ridge3.w == 0)),
        "imbalance": float(np.max(np.abs(np.abs(u) - np.abs(v)))),
    }

    # Penalising the intercept: the fit depends on where the origin of y is.
    n4 = 40
    x4 = rng.uniform(0, 4, n4)  # a raw, non-centred feature (the point of the demonstration)
    y4 = 5.0 + 1.5 * x4 + 0.8 * rng.standard_normal(n4)
    lam4 = 0.5
    X4 = x4[:, None]
    ones = np.column_stack([np.ones(n4), x4])
    shifts = np.linspace(0, 100, 51)
    free, pen = [], []
    for K in shifts:
        f = solvers.ridge(X4, y4 + K, lam4)
        free.append((f.b, float(f.w[0]), float(np.mean((y4 + K - f.b - f.w[0] * x4) ** 2))))
        g = solvers.ridge(ones, y4 + K, lam4, fit_intercept=False)  # intercept = a penalised weight
        pen.append((float(g.w[0]), float(g.w[1]), float(np.mean((y4 + K - ones @ g.w) ** 2))))
    free, pen = np.array(free), np.array(pen)
    K_show = 100.0
    # Centred feature: the penalised intercept is mean(y) / (1 + lam), the slope is unaffected.
    xc4 = (x4 - x4.mean()) / x4.std()
    centred = solvers.ridge(np.column_stack([np.ones(n4), xc4]), y4 + K_show, lam4, fit_intercept=False)
    out["bias"] = {
        "x": x4,
        "y": y4,
        "lam": lam4,
        "shifts": shifts,
        "free": free,
        "pen": pen,
        "K": K_show,
        "centred_b": float(centred.w[0]),
        "centred_ybar": float(np.mean(y4 + K_show)),
    }

    # Logistic regression: intercept penalised or not (scikit-learn's two behaviours).
    n5 = 300
    X5 = rng.standard_normal((n5, 2))
    prob = _sigmoid(2.0 + X5 @ np.array([1.0, -1.0]))
    y5 = (rng.uniform(size=n5) < prob).astype(float)
    C = 0.01
    b_free, w_free = logistic_newton(X5, y5, C, penalise_intercept=False)
    b_pen, w_pen = logistic_newton(X5, y5, C, penalise_intercept=True)
    b_scaled, _ = logistic_newton(X5, y5, C, penalise_intercept=True, intercept_scaling=100.0)
    out["logistic"] = {
        "X": X5,
        "y": y5,
        "C": C,
        "b_free": b_free,
        "w_free": w_free,
        "b_pen": b_pen,
        "w_pen": w_pen,
        "b_scaled": b_scaled,
        "scaling": 100.0,
        "share_free": float(np.mean(_sigmoid(b_free + X5 @ w_free))),
        "share_pen": float(np.mean(_sigmoid(b_pen + X5 @ w_pen))),
        "share_data": float(y5.mean()),
    }
    return out


# --------------------------------------------------------------------------------------


def _tiny(x: float) -> str:
    """A change that is rounding error is printed as such, not as a long decimal."""
    return "< 10⁻¹²" if abs(x) < 1e-12 else fmt.num(x)


def numbers(r: dict) -> dict[str, str]:
    cat, fit, net, sym, paths, orbit = r["cat"], r["fit"], r["net"], r["symmetry"], r["paths"], r["orbit"]
    corr, prod, fac, bias, logi = r["corr"], r["product"], r["factored"], r["bias"], r["logistic"]
    num = fmt.num
    out = {
        "cat.small": num(cat["small"]),
        "cat.large": num(cat["large"]),
        "cat.x": num(cat["x"]),
        "cat.out_small": fmt.integer(round(cat["out_small"])),
        "cat.out_large": fmt.integer(round(cat["out_large"])),
        "cat.ounce_small": num(cat["ounce_small"]),
        "fit.n": fmt.integer(fit["n"]),
        "fit.p": fmt.integer(fit["p"]),
        "fit.n_test": fmt.integer(fit["n_test"]),
        "fit.sigma": num(fit["sigma"]),
        "fit.noise_var": num(fit["sigma"] ** 2),
        "fit.null_test": num(fit["null_test"]),
        "fit.best_exact.test": num(fit["best_exact"]["test"]),
        "fit.best_exact.norm": num(fit["best_exact"]["norm"]),
        "fit.small.norm": num(fit["small"]["norm"]),
        "fit.big.norm": num(fit["big"]["norm"]),
        "fit.small.test": num(fit["small"]["test"]),
        "fit.big.test": num(fit["big"]["test"]),
        "fit.small.sens": num(fit["sens"]["small"]["rms_change"]),
        "fit.big.sens": num(fit["sens"]["big"]["rms_change"]),
        "fit.ridge_best.lam": num(fit["ridge_best"]["lam"]),
        "fit.ridge_best.test": num(fit["ridge_best"]["test"]),
        "fit.ridge_best.norm": num(fit["ridge_best"]["norm"]),
        "fit.ridge_best.train": num(fit["ridge_best"]["train"]),
        "fit.ridge_largest.lam": num(fit["ridge_largest"]["lam"]),
        "fit.ridge_largest.test": num(fit["ridge_largest"]["test"]),
        "fit.ridge_largest.train": num(fit["ridge_largest"]["train"]),
        "corr.rho": num(corr["rho"]),
        "corr.lam": num(corr["lam"]),
        "corr.ridge.w1": num(corr["ridge"].w[0]),
        "corr.ridge.w2": num(corr["ridge"].w[1]),
        "corr.lasso.w1": num(corr["lasso"].w[0]),
        "corr.lasso.w2": num(corr["lasso"].w[1]),
        "net.width": fmt.integer(net["width"]),
        "net.n": fmt.integer(len(net["y"])),
        "net.loss": num(net["loss"]),
        "net.loss_literal": num(net["loss_literal"]),
        "net.change_correct": _tiny(net["change_correct"]),
        "net.change_literal": num(net["change_literal"]),
        "net.change_negative": num(net["change_negative"]),
        "net.output_bias": num(net["output_bias"]),
        "net.half_output_bias": num(net["output_bias"] / 2),
        "net.shift_literal_last": num(float(np.mean(net["shift_literal_last"]))),
        "net.b2_norm": num(net["b2_norm"]),
        "paths.loss": num(paths["permutation"][0]),
        "paths.loss_permuted": num(paths["loss_permuted"]),
        "paths.permutation_max": num(paths["permutation_max"]),
        "paths.permutation_ratio": num(paths["permutation_max"] / paths["permutation"][0]),
        "paths.scale_segment_mid": num(paths["scale_segment_mid"]),
        "paths.distance": num(paths["param_distance"]),
        "orbit.A": num(orbit["A"]),
        "orbit.B": num(orbit["B"]),
        "orbit.c_star": num(orbit["c_star"]),
        "orbit.p1": num(orbit["p1"]),
        "orbit.p2": num(orbit["p2"]),
        "orbit.p_star": num(orbit["p_star"]),
        "orbit.layer_part_star": num(orbit["layer_part_star"]),
        "orbit.balanced_in": num(orbit["balanced_in"]),
        "orbit.balanced_out": num(orbit["balanced_out"]),
        "product.example_min": num(prod["example_min"]),
        "product.example_a": num(prod["example_a"]),
        "factored.lam": num(fac["lam"]),
        "factored.max_diff": "< 10⁻¹⁰" if fac["max_diff"] < 1e-10 else fmt.num(fac["max_diff"]),
        "factored.lasso_zeros": fmt.integer(fac["lasso_zeros"]),
        "factored.factored_small": fmt.integer(fac["factored_small"]),
        "factored.ridge_zeros": fmt.integer(fac["ridge_zeros"]),
        "factored.p": fmt.integer(len(fac["beta"])),
        "bias.lam": num(bias["lam"]),
        "bias.K": num(bias["K"]),
        "bias.free.b0": num(bias["free"][0, 0]),
        "bias.free.w0": num(bias["free"][0, 1]),
        "bias.free.bK": num(bias["free"][-1, 0]),
        "bias.free.wK": num(bias["free"][-1, 1]),
        "bias.free.mse": num(bias["free"][0, 2]),
        "bias.pen.b0": num(bias["pen"][0, 0]),
        "bias.pen.w0": num(bias["pen"][0, 1]),
        "bias.pen.bK": num(bias["pen"][-1, 0]),
        "bias.pen.wK": num(bias["pen"][-1, 1]),
        "bias.pen.mse0": num(bias["pen"][0, 2]),
        "bias.pen.mseK": num(bias["pen"][-1, 2]),
        "bias.centred_b": num(bias["centred_b"]),
        "bias.centred_ybar": num(bias["centred_ybar"]),
        "logistic.C": num(logi["C"]),
        "logistic.n": fmt.integer(len(logi["y"])),
        "logistic.b_free": num(logi["b_free"]),
        "logistic.b_pen": num(logi["b_pen"]),
        "logistic.b_scaled": num(logi["b_scaled"]),
        "logistic.scaling": num(logi["scaling"]),
        "logistic.share_data": fmt.percent(logi["share_data"]),
        "logistic.share_free": fmt.percent(logi["share_free"]),
        "logistic.share_pen": fmt.percent(logi["share_pen"]),
    }
    for name, row in sym.items():
        key = name.replace(" ", "_").lower()
        out[f"sym.{key}.scale"] = _tiny(row["scale"])
        out[f"sym.{key}.sign"] = _tiny(row["sign"])
    out["sym.sigmoid.sign_fixed"] = _tiny(sym["sigmoid"]["sign_fixed"])
    return out


def tables(r: dict) -> dict[str, str]:
    rows = []
    for name, row in r["symmetry"].items():
        rows.append(
            [
                name,
                "yes" if row["homogeneous"] else "no",
                _tiny(row["scale"]),
                _tiny(row["literal"]),
                fmt.num(row["range"]),
                _tiny(row["sign"])
                + (f" ({_tiny(row['sign_fixed'])} with the bias fix)" if "sign_fixed" in row else ""),
            ]
        )
    symmetry = fmt.table(
        [
            "activation $\\sigma$",
            "$\\sigma(cz) = c\\,\\sigma(z)$ for $c > 0$?",
            "change, correct rescaling ($c = 2$)",
            "change, article's literal rule",
            "output range (for scale)",
            "change, sign flip of every unit",
        ],
        rows,
        "lcrrrr",
    )
    c = r["corr"]
    corr = fmt.table(
        ["penalty", "$w_1$", "$w_2$", "share of $w_1$ in $w_1 + w_2$"],
        [
            [name, fmt.num(f.w[0]), fmt.num(f.w[1]), fmt.percent(f.w[0] / f.w.sum())]
            for name, f in (("ridge", c["ridge"]), ("lasso", c["lasso"]))
        ],
    )
    return {"activation-symmetries": symmetry, "correlated-features": corr}


# --------------------------------------------------------------------------------------


def _fig_equal_fit(r):
    fit = r["fit"]
    fig = style.new_figure(7.6, 3.4)
    left, right = fig.subplots(1, 2)
    norms = [m["norm"] for m in fit["family"]]
    left.plot(norms, [m["test"] for m in fit["family"]], color=style.VERMILLION, label="test error")
    left.plot(norms, [m["train"] for m in fit["family"]], color=style.BLUE, linestyle="--", label="training error")
    for m, marker in ((fit["small"], "o"), (fit["big"], "s")):
        left.plot([m["norm"]], [m["test"]], marker=marker, color=style.INK, linestyle="none")
    left.axhline(fit["sigma"] ** 2, color=style.MUTED, linewidth=0.8, linestyle=":")
    left.text(norms[-1], fit["sigma"] ** 2 * 1.15, "noise level", color=style.MUTED, ha="right", fontsize=9)
    left.set_xlabel("‖w‖₂ of an interpolating model")
    left.set_ylabel("mean squared error")
    left.set_title("Same training fit, growing norm")
    left.legend(loc="upper left")
    lam = [q["lam"] for q in fit["ridge"]]
    right.semilogx(lam, [q["test"] for q in fit["ridge"]], color=style.VERMILLION, label="test error")
    right.semilogx(lam, [q["train"] for q in fit["ridge"]], color=style.BLUE, linestyle="--", label="training error")
    best = fit["ridge_best"]
    right.plot([best["lam"]], [best["test"]], marker="D", color=style.INK, linestyle="none")
    right.set_xlabel("ridge strength λ")
    right.set_title("Ridge: too little and too much")
    right.legend(loc="upper left")
    return fig


def _fig_scale(r):
    net = r["net"]
    fig = style.new_figure(6.4, 3.6)
    ax = fig.add_subplot()
    ax.plot(net["x"][:, 0], net["y"], linestyle="none", marker=".", color=style.MUTED, label="training data")
    ax.plot(net["grid"], net["f"], color=style.BLUE, linewidth=3.2, label="trained network")
    ax.plot(net["grid"], net["f_correct"], color=style.ORANGE, linestyle="--", label="layer 1 ×2, layer 2 weights ÷2")
    ax.plot(
        net["grid"],
        net["f_literal"],
        color=style.VERMILLION,
        linestyle=(0, (5, 2, 1, 2)),
        label="layer 1 ×2, layer 2 weights and bias ÷2",
    )
    ax.set_xlabel("input x")
    ax.set_ylabel("network output")
    ax.set_title("Rescaling a ReLU network with two hidden layers")
    ax.legend(loc="upper left", fontsize=9)
    return fig


def _fig_paths(r):
    paths = r["paths"]
    fig = style.new_figure(6.4, 3.6)
    ax = fig.add_subplot()
    t = paths["t"]
    ax.plot(t, paths["permutation"], color=style.VERMILLION, label="straight line to a permuted copy")
    ax.plot(t, paths["scale_segment"], color=style.BLUE, linestyle="--", label="straight line to the ×2 / ÷2 copy")
    ax.plot(t, paths["scale_curve"], color=style.GREEN, linestyle=":", linewidth=2.4, label="rescaling curve c = 2ᵗ")
    ax.set_yscale("log")
    ax.set_ylim(top=0.5)
    ax.set_xlabel("position t along the path (0 = trained network, 1 = equivalent copy)")
    ax.set_ylabel("training loss")
    ax.set_title("Loss between two networks that compute the same function")
    ax.legend(loc="upper center", fontsize=9, ncols=2)
    return fig


def _fig_weight_decay(r):
    orbit, prod = r["orbit"], r["product"]
    fig = style.new_figure(7.6, 3.4)
    left, right = fig.subplots(1, 2)
    left.semilogx(orbit["c"], orbit["penalty"], color=style.BLUE, label="weight penalty")
    left.set_xticks([0.25, 0.5, 1, 2, 4], ["¼", "½", "1", "2", "4"])
    left.minorticks_off()
    marks = [
        (1.0, orbit["p1"], "o", "as trained"),
        (2.0, orbit["p2"], "s", "doubled"),
        (orbit["c_star"], orbit["p_star"], "D", "balanced"),
    ]
    for c, pen, marker, label in marks:
        left.plot([c], [pen], marker=marker, color=style.INK, linestyle="none", label=label)
    left.set_xlabel("rescaling factor c (function unchanged)")
    left.set_ylabel("½ Σ ‖W‖² (biases not penalised)")
    left.set_title("One function, many penalties")
    left.legend(loc="upper center", fontsize=9)
    c = prod["c"]
    right.plot(c, prod["min_penalty"], color=style.VERMILLION, label="min (a² + b²)/2 over a·b = c")
    right.plot(c, c**2 / 2, color=style.BLUE, linestyle="--", label="c²/2 (L2 on the product)")
    right.set_xlabel("product c = a·b")
    right.set_title("L2 on factors = L1 on the product")
    right.set_ylim(0, 4.6)
    right.legend(loc="upper center", fontsize=9)
    return fig


def _fig_factored(r):
    fac = r["factored"]
    fig = style.new_figure(6.4, 3.4)
    ax = fig.add_subplot()
    j = np.arange(len(fac["beta"])) + 1
    ax.axhline(0, color=style.MUTED, linewidth=0.8)
    ax.plot(j - 0.15, fac["ridge"].w, marker="^", linestyle="none", color=style.BLUE, label="ridge on β (same λ)")
    ax.plot(j, fac["lasso"].w, marker="o", linestyle="none", markersize=9, color=style.ORANGE, label="lasso on β")
    ax.plot(
        j,
        fac["beta"],
        marker="x",
        linestyle="none",
        markersize=7,
        color=style.VERMILLION,
        label="β = u ⊙ v, L2 on u and v",
    )
    ax.plot(j + 0.15, fac["beta_true"], marker="_", linestyle="none", markersize=12, color=style.INK, label="true β")
    ax.set_xticks(j)
    ax.set_xlabel("feature j")
    ax.set_ylabel("coefficient βⱼ")
    ax.set_title("Weight decay on a factored linear model gives the lasso")
    ax.legend(loc="upper right", fontsize=9)
    return fig


def _fig_bias(r):
    bias = r["bias"]
    fig = style.new_figure(7.6, 3.4)
    left, right = fig.subplots(1, 2)
    K = bias["shifts"]
    left.plot(K, bias["free"][:, 1], color=style.BLUE, label="intercept not penalised")
    left.plot(K, bias["pen"][:, 1], color=style.VERMILLION, linestyle="--", label="intercept penalised")
    left.set_xlabel("constant K added to every target")
    left.set_ylabel("fitted slope w")
    left.set_title("The slope")
    left.legend(loc="upper left", fontsize=9)
    right.plot(K, bias["free"][:, 2], color=style.BLUE, label="intercept not penalised")
    right.plot(K, bias["pen"][:, 2], color=style.VERMILLION, linestyle="--", label="intercept penalised")
    right.set_xlabel("constant K added to every target")
    right.set_ylabel("training mean squared error")
    right.set_title("The fit")
    right.legend(loc="upper left", fontsize=9)
    return fig


def figures(r: dict) -> dict:
    return {
        "equal-fit-different-norms": _fig_equal_fit(r),
        "scale-symmetry-literal-vs-correct": _fig_scale(r),
        "loss-between-equivalent-networks": _fig_paths(r),
        "weight-decay-picks-one-rescaling": _fig_weight_decay(r),
        "factored-weight-decay-is-lasso": _fig_factored(r),
        "penalised-intercept-depends-on-origin": _fig_bias(r),
    }
