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


# ---------------------------------------------------------------------------- shared building blocks
def test_sigmoid_matches_the_definition_and_never_overflows():
    z = np.linspace(-30, 30, 61)
    # absolute accuracy (the tanh form cancels in the far left tail, so not relative accuracy)
    assert np.allclose(solvers.sigmoid(z), 1 / (1 + np.exp(-z)), rtol=0, atol=1e-15)
    with np.errstate(over="raise"):
        assert solvers.sigmoid(np.array([-1e4, 1e4])).tolist() == [0.0, 1.0]


def test_l1_projection_satisfies_the_variational_inequality():
    # p is the projection of v onto a polytope iff (v - p).(z - p) <= 0 for every vertex z.
    rng = np.random.default_rng(1)
    V = rng.normal(scale=2, size=(200, 4))
    t = rng.uniform(0.2, 3, size=200)
    P = solvers.project_l1_ball(V, t)
    assert np.all(np.abs(P).sum(axis=1) <= t + 1e-12)
    for v, p, tt in zip(V, P, t, strict=True):
        vertices = np.vstack([tt * np.eye(4), -tt * np.eye(4)])
        assert np.max((vertices - p) @ (v - p)) <= 1e-10
        assert np.allclose(solvers.project_l1_ball(v, tt), p)  # 1-D in, 1-D out
    inside = V / np.abs(V).sum(axis=1, keepdims=True) * 0.5
    assert np.array_equal(solvers.project_l1_ball(inside, 1.0), inside)


def test_l2_projection_rescales_only_points_outside():
    V = np.array([[3.0, 4.0], [0.3, 0.4], [0.0, 0.0]])
    assert np.allclose(solvers.project_l2_ball(V, 1.0), [[0.6, 0.8], [0.3, 0.4], [0, 0]])
    assert solvers.project_l2_ball(np.array([3.0, 4.0]), 1.0).shape == (2,)


@pytest.mark.parametrize("kind", ["lasso", "ridge"])
def test_constrained_solution_solves_the_penalised_problem_at_its_multiplier(kind):
    # KKT: the constrained solution w solves the penalised problem at lambda read from the gradient.
    rng = np.random.default_rng(2)
    X = rng.normal(size=(60, 3))
    y = X @ np.array([1.5, -0.8, 0.05]) + rng.normal(scale=0.3, size=60)
    t = 0.9
    if kind == "lasso":
        w = solvers.constrained_lasso(X, y, t, n_iter=20000)
        assert np.abs(w).sum() == pytest.approx(t, abs=1e-9)
        Xc, yc = X - X.mean(0), y - y.mean()
        g = Xc.T @ (yc - Xc @ w) / len(y)
        lam = np.max(np.abs(g))
        fit = solvers.coordinate_descent(X, y, lam, tol=1e-14)
        assert np.allclose(fit.w, w, atol=1e-7)
    else:
        Xc, yc = X - X.mean(0), y - y.mean()
        S, c = Xc.T @ Xc / len(y), Xc.T @ yc / len(y)
        w = solvers.constrained_quadratic(S, c, t, "ridge", steps=20000)
        assert np.linalg.norm(w) == pytest.approx(t, abs=1e-9)
        g = c - S @ w
        lam = g @ w / (w @ w)
        assert np.allclose(solvers.ridge(X, y, lam).w, w, atol=1e-8)


def test_constrained_quadratic_is_vectorised_and_rejects_unknown_kinds():
    S = np.array([[[2.0, 0.0], [0.0, 1.0]], [[1.0, 0.5], [0.5, 1.0]]])
    c = np.array([[2.0, 1.0], [1.0, -1.0]])
    W = solvers.constrained_quadratic(S, c, np.array([0.5, 10.0]), "lasso", steps=5000)
    assert W.shape == (2, 2)
    assert np.abs(W[0]).sum() == pytest.approx(0.5)
    assert np.allclose(W[1], np.linalg.solve(S[1], c[1]))  # budget not binding: the unconstrained minimum
    with pytest.raises(ValueError, match="kind"):
        solvers.constrained_quadratic(S[0], c[0], 1.0, "l3", steps=1)


def test_logistic_newton_matches_scikit_learn_with_and_without_a_penalised_intercept():
    from sklearn.linear_model import LogisticRegression

    rng = np.random.default_rng(3)
    X = rng.normal(size=(80, 2))
    y = (X @ np.array([1.0, -2.0]) + 0.5 + rng.normal(size=80) > 0).astype(float)
    C = 0.7
    b, w = solvers.logistic_newton(X, y, C, [0.0, 1.0, 1.0])
    ref = LogisticRegression(C=C, tol=1e-12, max_iter=10_000).fit(X, y)
    assert np.allclose(w, ref.coef_[0], atol=1e-6) and b == pytest.approx(ref.intercept_[0], abs=1e-6)
    s = 2.0  # liblinear: the intercept is s times the weight of a constant feature s, penalised
    b, w = solvers.logistic_newton(X, y, C, [1 / s**2, 1.0, 1.0])
    ref = LogisticRegression(C=C, solver="liblinear", intercept_scaling=s, tol=1e-12, max_iter=10_000).fit(X, y)
    assert np.allclose(w, ref.coef_[0], atol=1e-5) and b == pytest.approx(ref.intercept_[0], abs=1e-5)
