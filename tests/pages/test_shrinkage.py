"""scripts/pages/shrinkage.py against independent results: solvers, scikit-learn, brute force, finite differences."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.linear_model import Lasso, Ridge

from scripts import solvers
from scripts.pages import shrinkage as S
from tests import results


@pytest.fixture(scope="module")
def result():
    return results.result("shrinkage")  # computed once per test session


def test_design_is_orthonormal_in_the_site_convention(result):
    X = result["X"]
    n, p = X.shape
    assert np.allclose(X.T @ X, n * np.eye(p), atol=1e-10)
    assert np.allclose(X.mean(axis=0), 0, atol=1e-12)
    assert np.allclose(X.std(axis=0), 1)  # standardised, divisor n


def test_least_squares_estimate(result):
    X, y = result["X"], result["y"]
    Xc = np.column_stack([np.ones(len(y)), X])
    coef, *_ = np.linalg.lstsq(Xc, y, rcond=None)
    assert np.allclose(result["w_ols"], coef[1:])


@pytest.mark.parametrize("lam", [0.05, 0.5, 2.0])
def test_closed_forms_match_solvers_and_sklearn(result, lam):
    X, y, w = result["X"], result["y"], result["w_ols"]
    assert np.allclose(solvers.ridge(X, y, lam).w, w / (1 + lam), atol=1e-12)
    assert np.allclose(solvers.coordinate_descent(X, y, lam).w, S.lasso_closed_form(w, lam), atol=1e-12)
    # scikit-learn, in its own conventions
    assert np.allclose(Ridge(alpha=len(y) * lam).fit(X, y).coef_, w / (1 + lam), atol=1e-10)
    lasso = Lasso(alpha=lam, tol=1e-14, max_iter=100_000).fit(X, y)
    assert np.allclose(lasso.coef_, S.lasso_closed_form(w, lam), atol=1e-10)


@pytest.mark.parametrize("m", [1, 2, 3, 5, 8])
def test_best_subset_is_a_hard_threshold(result, m):
    X, y, w = result["X"], result["y"], result["w_ols"]
    assert np.allclose(S.best_subset_search(X, y, m), S.best_subset_closed_form(w, m), atol=1e-12)
    assert np.count_nonzero(S.best_subset_closed_form(w, m)) == m


def test_l0_penalty_threshold_by_brute_force(result):
    """min over all supports of 1/(2n)||y - ybar - Xw||^2 + lam0 ||w||_0 keeps exactly |w_j| > sqrt(2 lam0)."""
    X, y, w = result["X"], result["y"], result["w_ols"]
    n, p = X.shape
    yc = y - y.mean()
    best, best_value = None, np.inf
    for mask in range(2**p):
        cols = [j for j in range(p) if mask >> j & 1]
        fit = np.zeros(p)
        if cols:
            fit[cols] = np.linalg.lstsq(X[:, cols], yc, rcond=None)[0]
        value = np.sum((yc - X @ fit) ** 2) / (2 * n) + S.LAM0 * len(cols)
        if value < best_value:
            best, best_value = fit, value
    assert np.array_equal(best != 0, np.abs(w) > np.sqrt(2 * S.LAM0))
    assert S.numbers(result)["ex3.kept"] == str(np.count_nonzero(best))  # exercise 3's answer, by brute force
    assert np.allclose(best[best != 0], w[best != 0])  # the survivors are unchanged


def test_esl_translation_of_the_lasso_and_ridge(result):
    """Refit in ESL's convention (X_E = X / sqrt(n), lasso 1/2 RSS + lam_E |b|_1, ridge RSS + lam_E |b|^2)."""
    X, y, w = result["X"], result["y"], result["w_ols"]
    n = len(y)
    XE = X / np.sqrt(n)
    assert np.allclose(XE.T @ XE, np.eye(X.shape[1]), atol=1e-12)
    lam = S.LAM
    lam_E = np.sqrt(n) * lam
    # 1/2 RSS + lam_E |b|_1 = n * [1/(2n) RSS + (lam_E / n) |b|_1]  -> scikit-learn alpha = lam_E / n
    beta = Lasso(alpha=lam_E / n, tol=1e-14, max_iter=100_000).fit(XE, y).coef_
    beta_hat = np.sqrt(n) * w
    assert np.allclose(beta, np.sign(beta_hat) * np.maximum(np.abs(beta_hat) - lam_E, 0), atol=1e-9)
    assert np.allclose(beta / np.sqrt(n), S.lasso_closed_form(w, lam), atol=1e-10)
    # ridge: (X_E'X_E + lam_E I) beta = X_E'y with lam_E = lam
    beta = np.linalg.solve(XE.T @ XE + lam * np.eye(X.shape[1]), XE.T @ (y - y.mean()))
    assert np.allclose(beta, beta_hat / (1 + lam)) and np.allclose(beta / np.sqrt(n), w / (1 + lam))


def test_ridge_in_principal_coordinates_is_least_squares_times_the_factor(result):
    X, y_rng = result["Xpc"], np.random.default_rng(0)
    y = X @ np.array([1.0, -1, 0.5, 0, 0, 2]) + y_rng.normal(size=len(X))
    d, V = result["d"], result["V"]
    n = len(y)
    for lam in (0.01, 0.3, 5.0):
        w_ridge = solvers.ridge(X, y, lam).w
        w_ols = solvers.ridge(X, y, 0.0).w
        factor = S.shrinkage_factors(d, n, lam)[0]
        assert np.allclose(V.T @ w_ridge, factor * (V.T @ w_ols), atol=1e-10)


def test_eigenvalues_are_those_of_the_correlation_matrix(result):
    X = result["Xpc"]
    eig = np.sort(np.linalg.eigvalsh(np.corrcoef(X, rowvar=False)))[::-1]
    assert np.allclose(result["eigen"], eig)
    assert result["eigen"].sum() == pytest.approx(X.shape[1])


def test_df_formula_equals_trace_and_divergence(result):
    X, d = result["Xpc"], result["d"]
    n = len(X)
    assert np.allclose(result["df_marked"], S.effective_df(d, n, S.LAMS_MARKED), atol=1e-10)
    # df = sum_i d yhat_i / d y_i, by perturbing y and refitting with the solver (intercept excluded)
    rng = np.random.default_rng(1)
    y = rng.normal(size=n)
    lam = 0.7
    base = solvers.ridge(X, y, lam)
    h = 1e-4
    div = 0.0
    for i in range(n):
        yp = y.copy()
        yp[i] += h
        fit = solvers.ridge(X, yp, lam)
        div += ((fit.b + X[i] @ fit.w) - (base.b + X[i] @ base.w)) / h
    assert div - 1 == pytest.approx(S.effective_df(d, n, lam)[0], abs=1e-6)  # minus the intercept's one


def test_df_limits_monotonicity_and_half(result):
    d, df = result["d"], result["df"]
    n, p = result["Xpc"].shape
    assert S.effective_df(d, n, 0.0)[0] == pytest.approx(p)
    assert np.all(np.diff(df) < 0) and df[-1] < 0.01
    assert S.effective_df(d, n, result["lam_half_df"])[0] == pytest.approx(p / 2, abs=1e-9)


def test_claims_on_the_page(result):
    num = result["numeric"]
    assert np.count_nonzero(num["ridge"]) == S.P_ORTHO  # ridge zeroes nothing
    assert np.count_nonzero(num["lasso"]) < S.P_ORTHO  # the lasso does
    eigen = result["eigen"]
    factors_at_1 = eigen / (eigen + 1)
    assert factors_at_1[0] > 0.7 and factors_at_1[-1] < 0.1  # low-variance directions shrink first
    # a direction is halved exactly at lam = its variance
    assert np.allclose(S.shrinkage_factors(result["d"], S.N_PC, eigen).diagonal(), 0.5)


def test_exercise_answers(result):
    n = S.numbers(result)
    w4 = result["w_ols"][3]
    assert float(n["ex1.ridge"]) == pytest.approx(w4 / 1.5, abs=5e-3)
    assert float(n["ex1.lasso"]) == pytest.approx(w4 - 0.5, abs=5e-4)
    assert n["ex2.lam"] == "0.05" and n["ex3.threshold"] == "0.5"
