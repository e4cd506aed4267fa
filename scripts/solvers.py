"""Ridge, lasso and elastic net in the site's convention, shared by every page.

All solvers minimise

    J(b, w) = 1/(2n) ||y - b - X w||^2 + lam * (alpha ||w||_1 + (1 - alpha)/2 ||w||_2^2)

with the intercept b never penalised (alpha = 1: lasso, alpha = 0: ridge).  This is the
convention of glmnet and of scikit-learn's Lasso/ElasticNet (alpha -> ``alpha``,
our alpha -> ``l1_ratio``); scikit-learn's Ridge uses ``alpha = n * lam``.
Everything is plain numpy, deterministic, with no state between calls.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Fit:
    b: float  # intercept
    w: np.ndarray  # weights
    n_iter: int = 0  # sweeps (coordinate descent) or steps (gradient methods)
    trace: np.ndarray | None = None  # weights after each iteration, shape (n_iter + 1, p), when recorded


def _center(X: np.ndarray, y: np.ndarray, fit_intercept: bool):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    if not fit_intercept:
        return X, y, np.zeros(X.shape[1]), 0.0
    x_mean, y_mean = X.mean(axis=0), y.mean()
    return X - x_mean, y - y_mean, x_mean, y_mean


def standardize(X: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Columns with mean 0 and (population) standard deviation 1; returns (Xs, mean, scale)."""
    X = np.asarray(X, dtype=float)
    mean, scale = X.mean(axis=0), X.std(axis=0)
    if np.any(scale == 0):
        raise ValueError("a constant column cannot be standardised")
    return (X - mean) / scale, mean, scale


def soft_threshold(z, t: float):
    """S(z, t) = sign(z) max(|z| - t, 0): the proximal map of t |.|."""
    z = np.asarray(z, dtype=float)
    return np.sign(z) * np.maximum(np.abs(z) - t, 0.0)


def objective(X, y, b: float, w, lam: float, alpha: float = 1.0) -> float:
    r = np.asarray(y, float) - b - np.asarray(X, float) @ w
    penalty = alpha * np.abs(w).sum() + (1 - alpha) / 2 * float(w @ w)
    return float(r @ r / (2 * len(r)) + lam * penalty)


def ridge(X, y, lam: float, fit_intercept: bool = True) -> Fit:
    """Closed form: (Xc'Xc/n + lam I) w = Xc'yc/n."""
    Xc, yc, x_mean, y_mean = _center(X, y, fit_intercept)
    n, p = Xc.shape
    w = np.linalg.solve(Xc.T @ Xc / n + lam * np.eye(p), Xc.T @ yc / n)
    return Fit(b=float(y_mean - x_mean @ w), w=w)


def lambda_max(X, y, alpha: float = 1.0, fit_intercept: bool = True) -> float:
    """Smallest lam at which every weight of the lasso / elastic net is exactly zero."""
    if alpha <= 0:
        raise ValueError("ridge (alpha = 0) never sets all weights to zero")
    Xc, yc, _, _ = _center(X, y, fit_intercept)
    return float(np.max(np.abs(Xc.T @ yc)) / (len(yc) * alpha))


def coordinate_descent(
    X,
    y,
    lam: float,
    alpha: float = 1.0,
    fit_intercept: bool = True,
    w0=None,
    tol: float = 1e-12,
    max_sweeps: int = 100_000,
    record: bool = False,
) -> Fit:
    """Cyclic coordinate descent with exact coordinate minimisation (soft-thresholding).

    Stops when a full sweep changes no weight by more than ``tol`` (relative to the largest weight).
    """
    Xc, yc, x_mean, y_mean = _center(X, y, fit_intercept)
    n, p = Xc.shape
    w = np.zeros(p) if w0 is None else np.array(w0, dtype=float)
    col_sq = (Xc**2).sum(axis=0) / n
    r = yc - Xc @ w
    trace = [w.copy()] if record else None
    for sweep in range(1, max_sweeps + 1):  # noqa: B007 (read after the loop)
        biggest = 0.0
        for j in range(p):
            if col_sq[j] == 0:
                continue
            old = w[j]
            z = Xc[:, j] @ r / n + col_sq[j] * old
            new = soft_threshold(z, lam * alpha) / (col_sq[j] + lam * (1 - alpha))
            if new != old:
                r -= Xc[:, j] * (new - old)
                w[j] = new
                biggest = max(biggest, abs(new - old))
        if record:
            trace.append(w.copy())
        if biggest <= tol * max(1.0, np.abs(w).max()):
            break
    else:
        raise RuntimeError(f"coordinate descent did not converge in {max_sweeps} sweeps")
    return Fit(b=float(y_mean - x_mean @ w), w=w, n_iter=sweep, trace=np.array(trace) if record else None)


def lipschitz(X, lam: float = 0.0, alpha: float = 1.0, fit_intercept: bool = True) -> float:
    """Lipschitz constant of the gradient of the smooth part (largest eigenvalue of Xc'Xc/n, plus ridge)."""
    Xc, _, _, _ = _center(X, np.zeros(len(X)), fit_intercept)
    return float(np.linalg.eigvalsh(Xc.T @ Xc / len(Xc))[-1] + lam * (1 - alpha))


def _smooth_gradient(Xc, yc, w, lam, alpha):
    return -Xc.T @ (yc - Xc @ w) / len(yc) + lam * (1 - alpha) * w


def proximal_gradient(
    X,
    y,
    lam: float,
    alpha: float = 1.0,
    step: float | None = None,
    n_iter: int = 1000,
    fit_intercept: bool = True,
    w0=None,
) -> Fit:
    """ISTA: w <- S(w - step * grad f(w), step * lam * alpha); every iterate is recorded.

    ``step`` defaults to 1/L, which guarantees that the objective never increases.
    """
    Xc, yc, x_mean, y_mean = _center(X, y, fit_intercept)
    step = 1 / lipschitz(X, lam, alpha, fit_intercept) if step is None else step
    w = np.zeros(Xc.shape[1]) if w0 is None else np.array(w0, dtype=float)
    trace = [w.copy()]
    for _ in range(n_iter):
        w = soft_threshold(w - step * _smooth_gradient(Xc, yc, w, lam, alpha), step * lam * alpha)
        trace.append(w.copy())
    return Fit(b=float(y_mean - x_mean @ w), w=w, n_iter=n_iter, trace=np.array(trace))


def subgradient_descent(
    X,
    y,
    lam: float,
    alpha: float = 1.0,
    step: float = 0.1,
    n_iter: int = 1000,
    fit_intercept: bool = True,
    w0=None,
) -> Fit:
    """Plain (sub)gradient descent with a fixed step, using sign(0) = 0; every iterate is recorded.

    Shown for teaching: with a fixed step its iterates oscillate around zero instead of reaching it.
    """
    Xc, yc, x_mean, y_mean = _center(X, y, fit_intercept)
    w = np.zeros(Xc.shape[1]) if w0 is None else np.array(w0, dtype=float)
    trace = [w.copy()]
    for _ in range(n_iter):
        w = w - step * (_smooth_gradient(Xc, yc, w, lam, alpha) + lam * alpha * np.sign(w))
        trace.append(w.copy())
    return Fit(b=float(y_mean - x_mean @ w), w=w, n_iter=n_iter, trace=np.array(trace))


def path(X, y, lams, alpha: float = 1.0, fit_intercept: bool = True, tol: float = 1e-12) -> np.ndarray:
    """Weights for each lam (any order), by coordinate descent with warm starts; shape (len(lams), p)."""
    lams = np.asarray(lams, dtype=float)
    order = np.argsort(-lams)  # from most to least regularised: warm starts stay close
    W = np.empty((len(lams), np.shape(X)[1]))
    w = None
    for i in order:
        if alpha == 0:
            W[i] = ridge(X, y, lams[i], fit_intercept).w
            continue
        w = coordinate_descent(X, y, lams[i], alpha, fit_intercept, w0=w, tol=tol).w
        W[i] = w
    return W


def kkt_violation(X, y, b: float, w, lam: float, alpha: float = 1.0, fit_intercept: bool = True) -> float:
    """Largest violation of the optimality conditions (0 at the exact minimiser).

    With g = X'(y - b - Xw)/n - lam (1 - alpha) w:  g_j = lam alpha sign(w_j) where w_j != 0,
    |g_j| <= lam alpha where w_j = 0, and (with an intercept) the residuals sum to zero.
    """
    X = np.asarray(X, float)
    r = np.asarray(y, float) - b - X @ w
    g = X.T @ r / len(r) - lam * (1 - alpha) * w
    active = w != 0
    worst = 0.0
    if active.any():
        worst = float(np.max(np.abs(g[active] - lam * alpha * np.sign(w[active]))))
    if (~active).any():
        worst = max(worst, float(np.max(np.abs(g[~active]) - lam * alpha)))
    if fit_intercept:
        worst = max(worst, abs(float(r.mean())))
    return max(worst, 0.0)


# --------------------------------------------------------------------------- shared building blocks
def sigmoid(z):
    """The logistic function 1/(1 + e^-z), through tanh so it never overflows (absolute error ~1e-16)."""
    return 0.5 * (1 + np.tanh(np.asarray(z, dtype=float) / 2))


def _rows(V, t):
    V = np.asarray(V, dtype=float)
    M = np.atleast_2d(V)
    return V.ndim == 1, M, np.broadcast_to(np.asarray(t, dtype=float), (len(M),))


def project_l1_ball(V, t) -> np.ndarray:
    """Euclidean projection of v (or of each row of V) onto {w : ||w||_1 <= t} (Duchi et al. 2008).

    Sort |v| decreasingly; the threshold theta is set by the last k with u_k > (u_1 + ... + u_k - t)/k,
    and the projection is the soft-thresholding S(v, theta) (theta = 0 inside the ball).
    """
    single, M, t = _rows(V, t)
    U = -np.sort(-np.abs(M), axis=1)
    css = np.cumsum(U, axis=1) - t[:, None]
    k = np.arange(1, M.shape[1] + 1)
    last = M.shape[1] - 1 - np.argmax((U - css / k > 0)[:, ::-1], axis=1)
    theta = np.maximum(css[np.arange(len(M)), last] / (last + 1), 0.0)
    P = np.sign(M) * np.maximum(np.abs(M) - theta[:, None], 0.0)
    return P[0] if single else P


def project_l2_ball(V, t) -> np.ndarray:
    """Euclidean projection of v (or of each row of V) onto {w : ||w||_2 <= t}: a rescaling."""
    single, M, t = _rows(V, t)
    norm = np.linalg.norm(M, axis=1)
    P = M * np.minimum(1.0, t / np.where(norm > 0, norm, 1.0))[:, None]
    return P[0] if single else P


def constrained_quadratic(S, c, t, kind: str, steps: int) -> np.ndarray:
    """min 1/2 w'Sw - c'w subject to ||w||_1 <= t ("lasso") or ||w||_2 <= t ("ridge").

    Projected gradient with step 1/L, L the largest eigenvalue of S (every step descends).
    Vectorised over a leading axis: S (m, p, p) or (p, p), c (m, p) or (p,), t (m,) or scalar;
    the shape of c is the shape returned.
    """
    project = {"lasso": project_l1_ball, "ridge": project_l2_ball}.get(kind)
    if project is None:
        raise ValueError(f"kind must be 'lasso' or 'ridge', not {kind!r}")
    c = np.asarray(c, dtype=float)
    C = np.atleast_2d(c)
    S = np.broadcast_to(np.asarray(S, dtype=float), (len(C), C.shape[1], C.shape[1]))
    step = 1 / np.linalg.eigvalsh(S)[:, -1]
    W = np.zeros_like(C)
    for _ in range(steps):
        W = project(W - step[:, None] * (np.einsum("mij,mj->mi", S, W) - C), t)
    return W[0] if c.ndim == 1 else W


def constrained_lasso(X, y, t: float, n_iter: int = 3000) -> np.ndarray:
    """min 1/(2n)||y - b - Xw||^2 subject to ||w||_1 <= t (intercept free), by projected gradient."""
    Xc, yc, _, _ = _center(X, y, True)
    n = len(yc)
    return constrained_quadratic(Xc.T @ Xc / n, Xc.T @ yc / n, t, "lasso", n_iter)


def logistic_newton(X, y, data_weight: float, penalty, iters: int = 50, tol: float = 1e-14):
    """Newton's method on data_weight * sum_i logloss(y_i, b + x_i'w) + 1/2 sum_j penalty_j theta_j^2.

    Labels y are 0/1; theta = (b, w) and ``penalty`` has one entry per element of theta (put 0
    first to leave the intercept free).  Every library form maps onto it: scikit-learn's
    C * sum(logloss) + 1/2||w||^2 (data_weight C), the site's (1/n) sum + lam/2 ||w||^2
    (data_weight 1/n, penalty lam), liblinear's penalised intercept (penalty 1/s^2 on b).
    Returns (b, w).
    """
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    A = np.column_stack([np.ones(len(X)), X])
    reg = np.broadcast_to(np.asarray(penalty, dtype=float), (A.shape[1],))
    theta = np.zeros(A.shape[1])
    for _ in range(iters):
        p = sigmoid(A @ theta)
        grad = data_weight * A.T @ (p - y) + reg * theta
        hess = data_weight * (A.T * (p * (1 - p))) @ A + np.diag(reg)
        step = np.linalg.solve(hess, grad)
        theta = theta - step
        if np.max(np.abs(step)) < tol:
            break
    return float(theta[0]), theta[1:]
