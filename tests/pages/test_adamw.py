"""scripts/pages/adamw.py against independent implementations, closed forms and fixed-point equations."""

from __future__ import annotations

import itertools
import math

import numpy as np
import pytest

from scripts import fmt, solvers
from scripts.pages import adamw as page
from tests import results


@pytest.fixture(scope="module")
def result():
    return results.result("adamw")


def test_problem_has_features_on_very_different_scales(result):
    assert list(page.W_TRUE) == [1.0, 1.0]  # the page writes y = x1 + x2 + noise
    assert page.BOX_CURVATURE == 1.0  # the page writes f(w) = 1/2 (w - a)^2
    X = result["X"]
    assert np.allclose(X.std(axis=0), page.SCALES) and np.allclose(X.mean(axis=0), 0, atol=1e-12)
    assert abs(result["y"].mean()) < 1e-12
    assert result["H"][0, 0] / result["H"][1, 1] == pytest.approx(100)


def test_ridge_and_least_squares_against_scikit_learn(result):
    from sklearn.linear_model import LinearRegression, Ridge

    X, y = result["X"], result["y"]
    # Site ridge lam <-> scikit-learn Ridge(alpha = n lam).
    sk = Ridge(alpha=page.N * page.LAM, fit_intercept=False).fit(X, y).coef_
    assert np.allclose(result["ridge"], sk, atol=1e-12)
    assert np.allclose(result["ls"], LinearRegression(fit_intercept=False).fit(X, y).coef_, atol=1e-12)


def test_sgd_l2_and_decoupled_decay_are_the_same_update(result):
    sgd = result["sgd"]
    assert result["sgd_gap"] < 1e-14
    limit = 2 / (np.linalg.eigvalsh(result["H"]).max() + page.LAM)  # the page's convergence condition
    assert limit > page.SGD_LR
    assert np.max(np.abs(sgd["sgd_l2"] - sgd["sgd_decay"])) < 1e-14
    assert np.allclose(sgd["sgd_l2"][-1], result["ridge"], atol=1e-8)  # both converge to ridge
    assert np.allclose(sgd["sgd"][-1], result["ls"], atol=1e-2)  # plain GD heads for least squares
    assert not np.allclose(sgd["sgd"], sgd["sgd_l2"])  # and the penalty does change the iterates


def _adam_reference(grad, w0, lrs, lam, decoupled, eps=page.EPS):
    """Scalar-loop Adam written from the PyTorch documentation, independent of the page's vectorised loop."""
    w = list(w0)
    p = len(w)
    m, v = [0.0] * p, [0.0] * p
    for t, lr in enumerate(lrs, start=1):
        g = list(grad(np.array(w), t - 1))
        if decoupled:
            w = [wi * (1 - lr * lam) for wi in w]  # theta <- theta - lr * wd * theta
        else:
            g = [gi + lam * wi for gi, wi in zip(g, w, strict=True)]
        for j in range(p):
            m[j] = page.BETA1 * m[j] + (1 - page.BETA1) * g[j]
            v[j] = page.BETA2 * v[j] + (1 - page.BETA2) * g[j] ** 2
            mhat = m[j] / (1 - page.BETA1**t)
            vhat = v[j] / (1 - page.BETA2**t)
            w[j] -= lr * mhat / (math.sqrt(vhat) + eps)
    return np.array(w)


def test_vectorised_adam_matches_a_scalar_reference(result):
    H, c = result["H"], result["c"]
    lrs = page.cosine(page.ADAM_LR, 500)
    runs = page.adam_runs(lambda W, t: W @ H - c, lrs, page.LAM)
    ref_l2 = _adam_reference(lambda w, t: H @ w - c, [0.0, 0.0], lrs, page.LAM, decoupled=False)
    ref_w = _adam_reference(lambda w, t: H @ w - c, [0.0, 0.0], lrs, page.LAM, decoupled=True)
    assert np.allclose(runs["final"][0], ref_l2, rtol=0, atol=1e-12)
    assert np.allclose(runs["final"][1], ref_w, rtol=0, atol=1e-12)


def test_minibatch_gradient_against_a_loop(result):
    X, y = result["X"], result["y"]
    W = np.array([[0.3, -0.2], [1.0, 0.5]])
    for idx in (result["batches"][7], np.array([3, 3, 10, 41])):
        for k, w in enumerate(W):
            expected = sum(X[i] * (X[i] @ w - y[i]) for i in idx) / len(idx)
            assert np.allclose(page.minibatch_gradient(X, y, idx, W)[k], expected)
    # Over all examples it is the full gradient.
    assert np.allclose(page.minibatch_gradient(X, y, np.arange(page.N), W[:1])[0], result["H"] @ W[0] - result["c"])


def test_adam_l2_converges_to_ridge_and_adamw_to_its_fixed_point(result):
    full = result["full"]["final"]
    assert np.allclose(full[0], result["ridge"], rtol=1e-6)
    assert np.allclose(full[1], result["adamw_fp"], rtol=1e-5)
    assert np.linalg.norm(full[1] - result["ridge"]) > 0.4  # a different point


def test_full_batch_fixed_point_equation(result):
    H, c, w = result["H"], result["c"], result["adamw_fp"]
    g = H @ w - c
    assert np.max(np.abs(g / (np.abs(g) + page.EPS) + page.LAM * w)) < 1e-6
    assert np.all(np.abs(w) < 1 / page.LAM)
    assert np.allclose(w, result["ls"], atol=1e-6)  # inside the box: least squares up to eps


def test_fixed_point_with_a_large_eps_is_a_ridge_with_strength_eps_lam(result):
    """For small lam |w|, the barrier is eps*lam/2 w^2: a check of the implied-penalty formula."""
    H, c = result["H"], result["c"]
    eps = 1e-3
    w = page.adamw_full_batch_fixed_point(H, c, page.LAM, eps=eps)
    g = H @ w - c
    assert np.allclose(g / (np.abs(g) + eps) + page.LAM * w, 0, atol=1e-10)
    approx = np.linalg.solve(H + eps * page.LAM * np.eye(2), c)
    assert np.allclose(w, approx, rtol=1e-3)


def test_box_example(result):
    assert result["box"] == pytest.approx(1 / page.BOX_LAM, abs=1e-6)
    # Simulated full-batch AdamW on the one-dimensional problem reaches the wall too.
    h, w_ls = page.BOX_CURVATURE, page.BOX_W_LS
    runs = page.adam_runs(lambda W, t: h * (W - w_ls), page.cosine(0.01, 40_000), page.BOX_LAM, p=1)
    assert runs["final"][1, 0] == pytest.approx(1 / page.BOX_LAM, abs=5e-3)
    assert runs["final"][0, 0] == pytest.approx(h * w_ls / (h + page.BOX_LAM), abs=1e-4)


def test_minibatch_second_moment_by_enumeration(result):
    """E[g^2] for a batch of 2 drawn with replacement, by enumerating all n^2 batches."""
    X, y = result["X"][:12], result["y"][:12]
    w = np.array([0.7, 0.2])
    total = np.zeros(2)
    for i, j in itertools.product(range(len(y)), repeat=2):
        idx = [i, j]
        g = X[idx].T @ (X[idx] @ w - y[idx]) / 2
        total += g**2
    assert np.allclose(page.minibatch_second_moment(X, y, w, 2), total / len(y) ** 2)


def test_stochastic_fixed_points(result):
    w, s = result["adamw_mini_fp"], result["s_mini"]
    X, y = result["X"], result["y"]
    # w is the weighted ridge with strengths lam * s, and s is the RMS gradient at w.
    assert np.allclose((result["H"] + page.LAM * np.diag(s)) @ w, result["c"], atol=1e-12)
    assert np.allclose(s, np.sqrt(page.minibatch_second_moment(X, y, w, page.BATCH)) + page.EPS, rtol=1e-9)
    ends = page.endpoints(result)
    assert np.allclose(ends["w_mini"], w, rtol=0.02)
    assert np.allclose(ends["l2_mini"], result["ridge"], rtol=0.02)
    # The claims: AdamW regularises the large-gradient weight more than L2, the other one less.
    assert s[0] > 1 > s[1]
    assert ends["w_mini"][1] > result["ridge"][1] + 0.2
    assert ends["w_mini"][1] < result["ls"][1] - 0.05


def test_adam_l2_decays_large_gradient_weights_less(result):
    vhat = result["mini"]["vhat"][0]
    decay = 1 / (np.sqrt(vhat) + page.EPS)
    assert decay[1] / decay[0] > 5
    assert np.all(np.sqrt(result["mini"]["vtrace"][-10:, 0, 0]) > np.sqrt(result["mini"]["vtrace"][-10:, 0, 1]))


def test_ridge_is_the_site_solver(result):
    fit = solvers.ridge(result["X"], result["y"], page.LAM, fit_intercept=False)
    assert np.allclose(fit.w, np.linalg.solve(result["H"] + page.LAM * np.eye(2), result["c"]))


def test_torch_default_arithmetic(result):
    assert result["torch_factor"] == pytest.approx(1 - 1e-5)
    assert result["torch_after"] == pytest.approx(math.exp(-1), rel=1e-4)


def test_printed_values(result):
    n = page.numbers(result)
    assert n["err.l2_full"] == "< 0.01 %" and n["err.w_full"] == "< 0.01 %"
    assert n["torch.per_step"] == "0.00001" and n["box.fp"] == "2.5"


def test_full_batch_rest_point_formula(result):
    """At rest, g_j = -eps lam w_j / (1 - lam |w_j|) exactly, so |w_j| < 1/lam (the page's formula)."""
    H, c, w = result["H"], result["c"], result["adamw_fp"]
    g = H @ w - c
    assert np.allclose(g, -page.EPS * page.LAM * w / (1 - page.LAM * np.abs(w)), rtol=1e-6, atol=0)
    assert np.all(np.abs(g) < 10 * page.EPS)  # "of the order of eps" away from the walls
    # The run itself ends within the printed bound of least squares.
    gap = result["full_end_gap"]
    assert 1e-12 < gap <= 1e-5 and page.numbers(result)["full_end_gap"] == "10⁻⁵"
    assert gap == pytest.approx(np.max(np.abs(result["full"]["final"][1] - result["ls"])))


def test_least_squares_outside_the_box_two_dimensions(result):
    """Rest point = minimiser of f over the box (scipy's bounded least squares), and a simulated AdamW run."""
    from scipy.optimize import lsq_linear

    H, a, lam = page.box2_hessian(), page.BOX2_A, page.BOX2_LAM
    w = result["box2"]
    L = np.linalg.cholesky(H)  # f(w) = 1/2 ||L'(w - a)||^2
    bounded = lsq_linear(L.T, L.T @ a, bounds=(-1 / lam, 1 / lam), tol=1e-14).x
    assert np.allclose(w, bounded, atol=1e-6)
    assert w[0] == pytest.approx(1 / lam, abs=1e-6)  # on the wall
    assert w[1] > a[1] + 0.2  # larger than its least-squares value
    assert w[1] == pytest.approx(a[1] - H[0, 1] / H[1, 1] * (1 / lam - a[0]), abs=1e-6)  # best w2 given w1
    assert np.all(np.abs(w) < 1 / lam)  # strictly inside
    runs = page.adam_runs(lambda W, t: (W - a) @ H, page.cosine(0.01, 40_000), lam)
    assert np.allclose(runs["final"][1], w, atol=5e-3)  # AdamW
    assert np.allclose(runs["final"][0], np.linalg.solve(H + lam * np.eye(2), H @ a), atol=1e-4)  # Adam + L2
    n = page.numbers(result)
    assert n["box2.fp"] == "(2.5, 1.25)" and n["box2.ls"] == "(3, 1)"


def test_stochastic_gaps_are_printed_as_computed(result):
    n = page.numbers(result)
    ends, preds = page.endpoints(result), page.predictions(result)
    for key in ("w_mini", "l2_mini"):
        gap = np.max(np.abs(ends[key] - preds[key]) / np.abs(preds[key]))
        assert 1e-4 < gap < 0.01 and n[f"err.{key}"] == fmt.percent(gap, 2)


def test_simulated_box_run_reaches_the_rest_point(result):
    """Exercise 3: a full-batch AdamW run ends at the box wall, Adam + L2 at the ridge solution."""
    l2, adamw = result["box_run"]
    assert abs(adamw - result["box"]) <= 1e-6 and abs(adamw - 1 / page.BOX_LAM) < 1e-6
    ridge = page.BOX_CURVATURE * page.BOX_W_LS / (page.BOX_CURVATURE + page.BOX_LAM)
    assert l2 == pytest.approx(ridge, abs=1e-9)
    n = page.numbers(result)
    assert n["box.run_steps"] == str(page.BOX_RUN_STEPS) and n["box.run_adamw"] == "2.5"
    assert n["box.run_gap"] == "10⁻⁶" and n["box.run_l2"] == n["box.ridge"] == "2.14"
    # and it needs the steps: a fifth of them leaves it visibly short of the wall
    short = page.adam_runs(
        lambda W, t: page.BOX_CURVATURE * (W - page.BOX_W_LS),
        page.cosine(page.ADAM_LR, page.BOX_RUN_STEPS // 5),
        page.BOX_LAM,
        p=1,
    )["final"][1, 0]
    assert result["box"] - short > 1e-2
