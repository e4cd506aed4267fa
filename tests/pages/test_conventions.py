"""scripts/pages/conventions.py against independent formulas."""

from __future__ import annotations

import numpy as np
import pytest

from scripts.pages import conventions


@pytest.fixture(scope="module")
def result():
    return conventions.compute()


def test_norms_match_numpy(result):
    w = conventions.EXAMPLE
    assert result["l1"] == pytest.approx(np.linalg.norm(w, 1))
    assert result["l2"] == pytest.approx(np.linalg.norm(w, 2))
    assert result["linf"] == pytest.approx(np.linalg.norm(w, np.inf))
    assert result["l0"] == np.count_nonzero(w)
    assert result["l2_squared"] == pytest.approx(result["l2"] ** 2)


@pytest.mark.parametrize("p", conventions.BALL_PS)
def test_unit_ball_points_have_norm_one(result, p):
    ball = result["balls"][p]
    assert np.allclose([conventions.lp_norm(point, p) for point in ball], 1.0)


@pytest.mark.parametrize("p", [0.5, 1.0, 2.0])
def test_diagonal_crossing_is_two_to_minus_one_over_p(result, p):
    assert result["diagonal"][p] == pytest.approx(2 ** (-1 / p))


def test_printed_values(result):
    n = conventions.numbers(result)
    assert n["l2"] == "5.099" and n["diagonal.p2"] == "0.707" and n["w"] == "(3, −4, 0, 1)"


def test_exercise_conversions_agree_with_scikit_learn(result):
    """Ridge(alpha=n*lam) and the site's ridge give the same weights: the exercise's answer is right."""
    from sklearn.linear_model import Ridge

    from scripts import solvers

    rng = np.random.default_rng(1)
    n = conventions.SKLEARN_N
    X, y = rng.normal(size=(n, 3)), rng.normal(size=n)
    lam = result["exercise"]["sk_lambda"]
    ref = Ridge(alpha=conventions.SKLEARN_RIDGE_ALPHA).fit(X, y)
    assert np.allclose(solvers.ridge(X, y, lam).w, ref.coef_)


def test_exercise_article_lambda_gives_the_same_minimiser(result):
    """Sum of squares + lam_art * ||w||^2 (closed form) equals the site's ridge at lam_art / n."""
    from scripts import solvers

    rng = np.random.default_rng(2)
    n = conventions.ARTICLE_N
    X, y = rng.normal(size=(n, 3)), rng.normal(size=n)
    Xc, yc = X - X.mean(0), y - y.mean()
    w_article = np.linalg.solve(Xc.T @ Xc + conventions.ARTICLE_LAMBDA * np.eye(3), Xc.T @ yc)
    assert np.allclose(solvers.ridge(X, y, result["exercise"]["article_lambda"]).w, w_article)
