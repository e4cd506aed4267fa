"""scripts/solvers.py: optimality (KKT) conditions and agreement with scikit-learn."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.linear_model import ElasticNet, Lasso, Ridge, lasso_path

from scripts import solvers


@pytest.fixture(scope="module")
def problem():
    rng = np.random.default_rng(0)
    n, p = 60, 8
    X = rng.normal(size=(n, p)) @ np.diag([1, 2, 0.5, 1, 3, 1, 1, 0.2]) + 1.5
    w_true = np.array([2.0, 0, 0, -1.5, 0, 0, 0.5, 0])
    y = 3 + X @ w_true + rng.normal(scale=0.8, size=n)
    return X, y


@pytest.mark.parametrize("lam", [0.01, 0.1, 0.5])
def test_ridge_matches_sklearn_with_alpha_n_lambda(problem, lam):
    X, y = problem
    fit = solvers.ridge(X, y, lam)
    ref = Ridge(alpha=len(y) * lam).fit(X, y)
    assert np.allclose(fit.w, ref.coef_, atol=1e-10)
    assert fit.b == pytest.approx(ref.intercept_, abs=1e-10)
    assert solvers.kkt_violation(X, y, fit.b, fit.w, lam, alpha=0) < 1e-10


@pytest.mark.parametrize("lam", [0.01, 0.1, 0.5])
@pytest.mark.parametrize("alpha", [1.0, 0.5])
def test_coordinate_descent_matches_sklearn_and_kkt(problem, lam, alpha):
    X, y = problem
    fit = solvers.coordinate_descent(X, y, lam, alpha)
    model = (
        Lasso(alpha=lam, tol=1e-14, max_iter=10**6)
        if alpha == 1
        else ElasticNet(alpha=lam, l1_ratio=alpha, tol=1e-14, max_iter=10**6)
    )
    ref = model.fit(X, y)
    assert np.allclose(fit.w, ref.coef_, atol=1e-8)
    assert fit.b == pytest.approx(ref.intercept_, abs=1e-8)
    assert solvers.kkt_violation(X, y, fit.b, fit.w, lam, alpha) < 1e-9
    assert np.array_equal(fit.w == 0, ref.coef_ == 0)


def test_lasso_sets_exact_zeros_and_lambda_max_is_the_threshold(problem):
    X, y = problem
    lmax = solvers.lambda_max(X, y)
    assert np.all(solvers.coordinate_descent(X, y, lmax * 1.0001).w == 0)
    assert np.any(solvers.coordinate_descent(X, y, lmax * 0.99).w != 0)
    assert 0 < np.count_nonzero(solvers.coordinate_descent(X, y, 0.1).w) < X.shape[1]


def test_proximal_gradient_converges_to_the_same_minimiser_and_never_increases(problem):
    X, y = problem
    lam = 0.1
    exact = solvers.coordinate_descent(X, y, lam)
    fit = solvers.proximal_gradient(X, y, lam, n_iter=20000)
    assert np.allclose(fit.w, exact.w, atol=1e-7)
    Xc, yc = X - X.mean(0), y - y.mean()
    values = [solvers.objective(Xc, yc, 0.0, w, lam) for w in fit.trace]
    assert np.all(np.diff(values) <= 1e-12)
    assert np.array_equal(fit.w == 0, exact.w == 0)  # the proximal step reaches exact zeros


def test_subgradient_descent_does_not_reach_exact_zeros(problem):
    X, y = problem
    lam = 0.1
    exact = solvers.coordinate_descent(X, y, lam)
    fit = solvers.subgradient_descent(X, y, lam, step=0.01, n_iter=5000)
    zeros = exact.w == 0
    assert zeros.any()
    assert np.all(fit.w[zeros] != 0)
    assert np.max(np.abs(fit.w[zeros])) < 0.05  # small but not zero


def test_path_matches_sklearn(problem):
    X, y = problem
    lams = solvers.lambda_max(X, y) * np.logspace(0, -3, 12)
    W = solvers.path(X, y, lams)
    _, coefs, _ = lasso_path(X - X.mean(0), y - y.mean(), alphas=lams, tol=1e-14, max_iter=10**6)
    assert np.allclose(W, coefs.T, atol=1e-7)


def test_soft_threshold():
    assert np.array_equal(solvers.soft_threshold([-3.0, -0.5, 0.0, 0.5, 3.0], 1.0), [-2.0, 0, 0, 0, 2.0])


def test_kkt_detects_a_non_minimiser(problem):
    X, y = problem
    fit = solvers.coordinate_descent(X, y, 0.1)
    assert solvers.kkt_violation(X, y, fit.b, fit.w * 1.1, 0.1) > 1e-3


def test_standardize_refuses_constant_columns():
    with pytest.raises(ValueError):
        solvers.standardize(np.ones((3, 2)))
