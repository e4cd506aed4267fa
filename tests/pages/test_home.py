"""scripts/pages/home.py: the claims of the home page's picture hold for its data."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.linear_model import lasso_path

from scripts.pages import home
from tests import results


@pytest.fixture(scope="module")
def result():
    return results.result("home")  # computed once per test session


def test_every_lasso_weight_is_zero_exactly_above_lambda_max(result):
    above = result["lams"] >= result["lambda_max"]
    assert above.any()
    assert np.all(result["lasso"][above] == 0)
    assert np.all(np.any(result["lasso"][~above] != 0, axis=1))


def test_ridge_never_sets_a_weight_to_zero(result):
    assert result["ridge_zeros_any"] == 0
    assert np.all(result["ridge"] != 0)


def test_lasso_path_agrees_with_scikit_learn(result):
    rng = np.random.default_rng(home.SEED)
    X = rng.normal(size=(home.N, home.P))
    X = (X - X.mean(0)) / X.std(0)
    y = X @ home.TRUE_W + rng.normal(scale=1.0, size=home.N)
    _, coefs, _ = lasso_path(X, y - y.mean(), alphas=result["lams"], tol=1e-14, max_iter=10**6)
    assert np.allclose(result["lasso"], coefs.T, atol=1e-7)


def test_the_quoted_middle_lambda_has_exact_zeros(result):
    assert result["lasso_zeros_middle"] >= 1
    assert home.numbers(result)["lasso_zeros_middle"] == str(result["lasso_zeros_middle"])
