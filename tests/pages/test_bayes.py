"""scripts/pages/bayes.py against closed forms (Gaussian CDF), scipy optimisation and the site's solvers."""

from __future__ import annotations

import numpy as np
import pytest
from scipy.optimize import brentq, minimize, minimize_scalar
from scipy.special import log_ndtr
from scipy.stats import norm

from scripts import solvers
from scripts.pages import bayes as B
from tests import results


@pytest.fixture(scope="module")
def result():
    return results.result("bayes")  # computed once per test session


def _closed_form(z, s, beta):
    """Laplace-prior posterior in 1-D: a mixture of two truncated normals; returns (mean, cdf function)."""
    a = 1 / beta
    mp, mm = z - a * s**2, z + a * s**2  # the two Gaussian pieces, for w > 0 and w < 0
    log_wp = -a * z + log_ndtr(mp / s)
    log_wm = a * z + log_ndtr(-mm / s)
    top = max(log_wp, log_wm)
    wp, wm = np.exp(log_wp - top), np.exp(log_wm - top)
    pp, pm = wp / (wp + wm), wm / (wp + wm)
    mean_p = mp + s * np.exp(norm.logpdf(mp / s) - log_ndtr(mp / s))
    mean_m = mm - s * np.exp(norm.logpdf(mm / s) - log_ndtr(-mm / s))

    def cdf(w):
        if w <= 0:
            return pm * np.exp(log_ndtr((w - mm) / s) - log_ndtr(-mm / s))
        return pm + pp * (1 - np.exp(log_ndtr((mp - w) / s) - log_ndtr(mp / s)))

    return pp * mean_p + pm * mean_m, cdf


def test_posterior_mean_and_median_match_the_closed_form(result):
    beta = result["beta"]
    for z, mean, median in zip(
        B.Z_GRID[::8], result["curves"]["mean"][::8], result["curves"]["median"][::8], strict=True
    ):
        exact_mean, cdf = _closed_form(z, B.S, beta)
        assert mean == pytest.approx(exact_mean, abs=1e-6)
        exact_median = brentq(lambda w, cdf=cdf: cdf(w) - 0.5, -1, 1, xtol=1e-14)
        assert median == pytest.approx(exact_median, abs=1e-6)


def test_map_is_the_minimiser_of_the_negative_log_posterior(result):
    beta = result["beta"]
    for z in (-0.3, -0.1, -0.04, 0.0, 0.07, 0.1, 0.25):
        out = minimize_scalar(
            lambda w, z=z: (w - z) ** 2 / (2 * B.S**2) + abs(w) / beta,
            bounds=(-1, 1),
            method="bounded",
            options={"xatol": 1e-10},
        )
        assert out.x == pytest.approx(float(solvers.soft_threshold(z, B.LAM)), abs=1e-7)


def test_prior_to_lambda_conversions():
    # lam = sigma^2 / (n tau^2) and lam = sigma^2 / (n beta)
    assert B.gaussian_prior_variance(0.1, sigma=1.0, n=100) == pytest.approx(0.1)
    assert B.laplace_prior_scale(0.2, sigma=1.0, n=100) == pytest.approx(0.05)
    assert B.gaussian_prior_variance(0.04, sigma=2.0, n=400) == pytest.approx(0.25)


def _data(seed=3, n=40, p=3, sigma=0.8):
    rng = np.random.default_rng(seed)
    X = solvers.standardize(rng.normal(size=(n, p)) @ np.array([[1, 0.5, 0], [0, 1, 0.3], [0, 0, 1.0]]))[0]
    y = 0.5 + X @ np.array([1.0, 0.0, -0.7]) + sigma * rng.normal(size=n)
    return X, y, sigma


def test_ridge_is_the_posterior_mean_under_a_gaussian_prior():
    """Bayesian linear regression with flat prior on b: posterior mean of w = site ridge at lam = sigma^2/(n tau^2)."""
    X, y, sigma = _data()
    n, p = X.shape
    tau2 = 0.3
    lam = sigma**2 / (n * tau2)
    Xc, yc = X - X.mean(axis=0), y - y.mean()
    precision = Xc.T @ Xc / sigma**2 + np.eye(p) / tau2
    mean = np.linalg.solve(precision, Xc.T @ yc / sigma**2)
    assert np.allclose(mean, solvers.ridge(X, y, lam).w)


def test_lasso_is_the_map_under_a_laplace_prior():
    """Minimise the negative log posterior (smooth except at 0) from the lasso solution's neighbourhood."""
    X, y, sigma = _data()
    n = len(y)
    beta = 0.02
    lam = sigma**2 / (n * beta)
    fit = solvers.coordinate_descent(X, y, lam)

    def neg_log_post(theta):
        r = y - theta[0] - X @ theta[1:]
        return r @ r / (2 * sigma**2) + np.abs(theta[1:]).sum() / beta

    best = neg_log_post(np.r_[fit.b, fit.w])
    rng = np.random.default_rng(0)
    for _ in range(200):
        assert neg_log_post(np.r_[fit.b, fit.w] + 1e-3 * rng.normal(size=X.shape[1] + 1)) >= best
    out = minimize(neg_log_post, np.zeros(X.shape[1] + 1), method="Powell", options={"xtol": 1e-10, "ftol": 1e-14})
    assert out.fun >= best - 1e-9 and np.allclose(out.x[1:], fit.w, atol=1e-4)
    assert np.any(fit.w == 0)  # the example really is sparse


def test_the_page_claims(result):
    c = result["curves"]
    nonzero = B.Z_GRID != 0
    # MAP exactly zero exactly on |z| <= lam
    assert np.array_equal(c["map"] == 0, np.abs(B.Z_GRID) <= B.LAM)
    # posterior mean and median: never zero for z != 0, same sign as z, strictly shrunk
    for key in ("mean", "median"):
        assert np.all(c[key][nonzero] != 0)
        assert np.all(np.sign(c[key][nonzero]) == np.sign(B.Z_GRID[nonzero]))
        assert np.all(np.abs(c[key][nonzero]) < np.abs(B.Z_GRID[nonzero]))
        assert np.all(np.diff(c[key]) > 0)  # increasing in z
    assert c["mean"][~nonzero][0] == pytest.approx(0, abs=1e-12)  # zero only at z = 0
    assert c["median"][~nonzero][0] == pytest.approx(0, abs=1e-9)
    # far from zero the mean approaches the lasso shift z - lam
    assert abs(result["at_far"]["mean"] - result["at_far"]["map"]) < 1e-3
    # at the threshold the MAP is zero but the mean is not
    assert result["at_threshold"]["map"] == 0 and result["at_threshold"]["mean"] > 0.04
    assert 0.3 < result["slope_at_zero"] < 0.7
    # below the threshold, more posterior mass lies on the side of the data
    assert result["at_example"]["map"] == 0 and result["at_example"]["p_negative"] < 0.5


def test_exercises(result):
    n = B.numbers(result)
    assert n["ex1.lam"] == "0.04" and n["ex2.lam"] == "0.2"
    exact, _ = _closed_form(0.15, B.S, 0.05)
    assert float(n["ex2.mean"]) == pytest.approx(exact, rel=2e-3)
    assert float(n["ex3.mean"]) == pytest.approx(0.3 / 1.1, rel=2e-3)
    assert float(n["ex3.sd"]) == pytest.approx(0.1 / np.sqrt(1.1), rel=2e-3)
