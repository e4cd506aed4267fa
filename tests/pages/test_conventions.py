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


def test_exercise_article_lambda_gives_the_same_minimiser_in_both_readings(result):
    """Penalty once: sum of squares + lam_art ||w||^2 is the site's ridge at lam_art / n.
    Penalty per example: sum_i (err_i^2 + lam_art ||w||^2) is the site's ridge at lam_art."""
    from scripts import solvers

    rng = np.random.default_rng(2)
    n, lam_art = conventions.ARTICLE_N, conventions.ARTICLE_LAMBDA
    X, y = rng.normal(size=(n, 3)), rng.normal(size=n)
    Xc, yc = X - X.mean(0), y - y.mean()
    w_once = np.linalg.solve(Xc.T @ Xc + lam_art * np.eye(3), Xc.T @ yc)
    w_per_example = np.linalg.solve(Xc.T @ Xc + n * lam_art * np.eye(3), Xc.T @ yc)
    ex = result["exercise"]
    assert np.allclose(solvers.ridge(X, y, ex["article_lambda_once"]).w, w_once)
    assert np.allclose(solvers.ridge(X, y, ex["article_lambda_per_example"]).w, w_per_example)
    assert not np.allclose(w_once, w_per_example)  # the two readings are different fits
    assert ex["article_ratio"] == pytest.approx(n)


def test_exercise_3_agrees_with_the_updates_page_exercise_2():
    """The same two readings, applied to the L1 penalty of updates' exercise 2, give its answers."""
    import json

    from scripts import fmt, pipeline

    printed = json.loads((pipeline.FIGURES / "updates" / "numbers.json").read_text(encoding="utf-8"))
    lam_art, n = float(printed["ex2.lam_art"]), int(printed["ex2.n"])
    # L1: once on the sum -> lam_art / (2n); in every example's loss -> lam_art / 2
    assert fmt.num(lam_art / (2 * n)) == printed["ex2.once"]
    assert fmt.num(lam_art / 2) == printed["ex2.per_example"]


def test_corners_catch_solutions_and_smooth_balls_do_not(result):
    """Independent rules for the projection of v onto the unit balls (round contours):
    L1: a corner exactly when ||v1| - |v2|| >= 1 (the geometry page's rule); L-infinity: a
    diagonal corner exactly when both |v_i| >= 1; L2: never on an axis unless v is."""
    rng = np.random.default_rng(conventions.CORNER_SEED)
    V = rng.uniform(-conventions.CORNER_BOX, conventions.CORNER_BOX, size=(conventions.CORNER_SAMPLES, 2))
    c = result["corners"]
    l1_out = np.abs(V).sum(1) > 1
    assert c["l1"]["outside"] == l1_out.sum()
    assert c["l1"]["on_axis_count"] == np.sum(np.abs(np.abs(V[:, 0]) - np.abs(V[:, 1]))[l1_out] >= 1)
    assert c["l1"]["on_diagonal_corner_count"] == 0
    assert c["l2"]["on_axis_count"] == 0
    linf_out = np.abs(V).max(1) > 1
    assert c["linf"]["on_diagonal_corner_count"] == np.sum(np.all(np.abs(V[linf_out]) >= 1, axis=1))
    assert 0.3 < c["l1"]["on_axis"] < 0.7  # the page: a large share, not a coincidence
    assert result["corner_cone_degrees"] == pytest.approx(90.0)
