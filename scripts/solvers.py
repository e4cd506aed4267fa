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
