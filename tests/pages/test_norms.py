"""scripts/pages/norms/ against independent results (numpy, scikit-learn, quadrature, KKT) and its claims."""

from __future__ import annotations

import numpy as np
import pytest
from numpy.polynomial import polynomial as poly
from sklearn.linear_model import Lasso, Ridge

from scripts import solvers
from scripts.pages import norms
from scripts.pages.norms import experiments


@pytest.fixture(scope="module")
def r():
    return norms.compute()


@pytest.fixture(scope="module")
def n(r):
    return norms.numbers(r)


# ----------------------------------------------------------------------- data and the three fits
def test_constants_the_page_writes_in_math():
    # the page states these in $...$ (not tagged): keep them in sync with the code
    assert np.allclose(norms.TRUTH, [1.0, 1.2, -0.45])
    assert norms.X_MAX == 3.0 and norms.N == norms.DEGREE + 1 == 9


def test_data_are_nine_distinct_points_in_the_interval(r):
    x = r["x"]
    assert len(x) == norms.N and len(np.unique(x)) == norms.N
    assert x.min() == 0 and x.max() == norms.X_MAX and np.all(np.diff(x) > 0)
    assert len(r["x_test"]) == norms.N_TEST


def test_quadratic_and_interpolant_match_numpy_polyfit(r):
    x, y = r["x"], r["y"]
    assert np.allclose(r["fits"]["a"]["coef"][:3], np.polyfit(x, y, 2)[::-1])
    assert np.allclose(r["fits"]["a"]["coef"][3:], 0)
    # the interpolant is unique: polyfit of degree 8 on 9 points reproduces it
    c = r["fits"]["c"]["coef"]
    assert np.allclose(poly.polyval(x, c), y, atol=1e-9)
    assert np.allclose(c, np.polyfit(x, y, 8)[::-1], rtol=1e-5, atol=1e-6)


def test_curve_b_is_scikit_learn_ridge_with_the_loo_lambda(r):
    Xs, y, lam = r["Xs"], r["y"], r["lam_b"]
    sk = Ridge(alpha=len(y) * lam).fit(Xs, y)  # sklearn's Ridge sums: alpha = n * lambda
    pred = poly.polyval(r["x"], r["fits"]["b"]["coef"])
    assert np.allclose(pred, sk.predict(Xs), atol=1e-10)


def test_loo_matches_scikit_learn_refits(r):
    # each left-out fit has n - 1 points, so in scikit-learn's Ridge alpha = (n - 1) * lambda
    Xs, y = r["Xs"], r["y"]
    for lam, loo in list(zip(r["ridge_lams"], r["loo"], strict=True))[::5]:
        errors = []
        for i in range(len(y)):
            keep = np.arange(len(y)) != i
            sk = Ridge(alpha=(len(y) - 1) * lam).fit(Xs[keep], y[keep])
            errors.append((y[i] - sk.predict(Xs[i : i + 1])[0]) ** 2)
        assert loo == pytest.approx(np.mean(errors), rel=1e-6)
    assert r["lam_b"] == r["ridge_lams"][np.argmin(r["loo"])]


def test_errors_and_claims_about_the_three_fits(r):
    f = r["fits"]
    assert f["c"]["train_mse"] < 1e-20  # zero up to rounding
    assert f["a"]["train_mse"] > 0 and f["b"]["train_mse"] > 0
    # held-out: [a] and [b] generalise better than [c], by a wide margin
    assert f["c"]["test_mse"] > 5 * max(f["a"]["test_mse"], f["b"]["test_mse"])
    # the page says [b] does not beat the quadratic here
    assert f["b"]["test_mse"] > f["a"]["test_mse"]
    # held-out error cannot beat the noise variance by much on 2000 points
    assert min(f[k]["test_mse"] for k in "abc") > 0.8 * r["noise_var"]


def test_held_out_mse_against_a_direct_evaluation(r):
    c = r["fits"]["c"]["coef"]
    direct = np.mean((r["y_test"] - np.polyval(c[::-1], r["x_test"])) ** 2)
    assert r["fits"]["c"]["test_mse"] == pytest.approx(direct)


# ----------------------------------------------------------------------- norms, units, bases
def test_norms_match_numpy(r):
    c = r["fits"]["a"]["coef"]
    got = r["fits"]["a"]["norms"]
    assert got["l1"] == pytest.approx(np.linalg.norm(c, 1))
    assert got["l2"] == pytest.approx(np.linalg.norm(c))
    assert got["sq"] == pytest.approx(np.linalg.norm(c) ** 2)
    assert got["l0"] == 3


def test_padding_with_zeros_does_not_change_a_norm(r):
    c = r["fits"]["a"]["coef"]
    assert np.linalg.norm(c[:3]) == pytest.approx(r["fits"]["a"]["norms"]["l2"])


def test_units_change_the_coefficients_not_the_curve(r):
    c = r["fits"]["c"]["coef"]
    cm = norms.in_units(c, 100.0)
    x = np.linspace(0, norms.X_MAX, 7)
    assert np.allclose(poly.polyval(100 * x, cm), poly.polyval(x, c))
    assert cm[8] == pytest.approx(c[8] * 1e-16)


def test_standardised_weights_reproduce_the_curve(r):
    for k in "abc":
        c = r["fits"][k]["coef"]
        w = norms.standardised_weights(c, r["scale"])
        b = c[0] + (c[1:] @ r["mean"])
        assert np.allclose(b + r["Xs"] @ w, poly.polyval(r["x"], c), atol=1e-6)


def test_legendre_norm_is_the_mean_square_deviation_parseval(r):
    nodes, weights = np.polynomial.legendre.leggauss(20)
    xs = (nodes + 1) * norms.X_MAX / 2
    for k in "abc":
        f = poly.polyval(xs, r["fits"][k]["coef"])
        mean = weights @ f / 2
        msd = weights @ (f - mean) ** 2 / 2
        assert r["bases"]["legendre"][k]["l2"] ** 2 == pytest.approx(msd, rel=1e-8)


def test_roughness_against_quadrature(r):
    nodes, weights = np.polynomial.legendre.leggauss(20)
    xs = (nodes + 1) * norms.X_MAX / 2
    for k in "abc":
        second = poly.polyval(xs, poly.polyder(r["fits"][k]["coef"], 2))
        assert r["fits"][k]["roughness"] == pytest.approx(weights @ second**2 * norms.X_MAX / 2, rel=1e-8)


def test_ranking_of_norms_flips_with_units(r):
    b = r["bases"]
    # metres: [c] has by far the largest norm; centimetres with intercept: [b] > [c] > [a]
    assert b["m.with"]["c"]["l2"] > 100 * max(b["m.with"]["a"]["l2"], b["m.with"]["b"]["l2"])
    assert b["cm.with"]["b"]["l2"] > b["cm.with"]["c"]["l2"] > b["cm.with"]["a"]["l2"]
    # the intercept matters: without it the centimetre ratio is large
    assert b["cm.without"]["c"]["l2"] / b["cm.without"]["a"]["l2"] > 10
    # standardised features (the fair comparison) separate [c] clearly; Legendre barely
    assert b["standardised"]["c"]["l2"] > 1000 * b["standardised"]["a"]["l2"]
    assert b["legendre"]["c"]["l2"] < 2 * b["legendre"]["a"]["l2"]
    assert r["fits"]["c"]["roughness"] > 1000 * r["fits"]["a"]["roughness"]


# ----------------------------------------------------------------------- ridge and lasso
def test_lambda_max_is_where_the_lasso_becomes_empty(r):
    Xs, y, lam_max = r["Xs"], r["y"], r["lam_max"]
    assert np.all(Lasso(alpha=lam_max * 1.0001, tol=1e-12, max_iter=100_000).fit(Xs, y).coef_ == 0)
    assert np.any(Lasso(alpha=lam_max * 0.99, tol=1e-12, max_iter=100_000).fit(Xs, y).coef_ != 0)


def test_lasso_path_matches_scikit_learn_and_kkt(r):
    Xs, y = r["Xs"], r["y"]
    for lam, w in zip(r["lasso_lams"], r["lasso_path"], strict=True):
        b = y.mean() - Xs.mean(axis=0) @ w
        assert solvers.kkt_violation(Xs, y, b, w, lam) < 1e-5 * lam
        sk = Lasso(alpha=lam, tol=1e-14, max_iter=1_000_000).fit(Xs, y)
        obj_sk = solvers.objective(Xs, y, sk.intercept_, sk.coef_, lam)
        assert solvers.objective(Xs, y, b, w, lam) <= obj_sk + 1e-9


def test_ridge_path_matches_scikit_learn(r):
    Xs, y = r["Xs"], r["y"]
    for lam, w in zip(r["ridge_path_lams"][::8], r["ridge_path"][::8], strict=True):
        assert np.allclose(w, Ridge(alpha=len(y) * lam).fit(Xs, y).coef_, atol=1e-8)


def test_lasso_has_exact_zeros_and_ridge_none(r):
    for factor in norms.SHOWN:
        assert np.all(r["shown"][("ridge", factor)]["w"] != 0)
        assert np.sum(r["shown"][("lasso", factor)]["w"] == 0) >= 1
    assert np.all(r["ridge_path"] != 0)


def test_subgradient_condition_holds_at_the_shown_lasso_fits(r):
    for factor in norms.SHOWN:
        s = r["shown"][("lasso", factor)]
        w, g, lam = s["w"], s["inner"], s["lam"]
        on = w != 0
        assert np.allclose(g[on], lam * np.sign(w[on]), rtol=1e-5, atol=1e-7 * lam)
        assert np.all(np.abs(g[~on]) <= lam * (1 + 1e-6))


def test_lasso_never_selects_the_quadratic(r):
    quadratic = np.zeros(norms.DEGREE, bool)
    quadratic[:2] = True
    for w in r["lasso_path"]:
        assert not np.array_equal(w != 0, quadratic)
    assert norms.lasso_leavers(r["lasso_path"]) == r["leavers"]
    assert r["leavers"]  # some weights enter the active set and leave it again


def test_ridge_norm_shrinks_but_some_weights_grow(r):
    W = r["ridge_path"]  # lambda decreases down the rows
    size = np.linalg.norm(W, axis=1)
    assert np.all(np.diff(size) > 0)  # the norm grows as lambda falls, i.e. shrinks as lambda grows
    assert len(r["ridge_nonmonotone"]) >= 1
    assert len(r["ridge_sign_changes"]) >= 1


def test_path_analyses_on_hand_made_paths():
    # rows: decreasing lambda, as on the page
    lasso = np.array([[0.0, 0.0, 0.0], [0.5, 0.0, 0.0], [0.4, 0.2, 0.0], [0.0, 0.3, 0.0]])
    assert norms.lasso_leavers(lasso) == [0]  # enters, then exactly zero again; feature 2 never enters
    ridge = np.array([[0.1, -0.05], [0.3, 0.1], [0.2, 0.3]])  # lambda falls down the rows
    assert norms.ridge_nonmonotone(ridge) == [0]  # |w_0| 0.2 -> 0.3 as lambda grows from the bottom
    assert norms.ridge_sign_changes(ridge) == [1]


def test_regularised_fits_generalise_far_better_than_the_interpolant(r):
    c = r["fits"]["c"]["test_mse"]
    assert np.all(r["lasso_test"] < c / 2) and np.all(r["ridge_test"] < c / 3)


# ----------------------------------------------------------------------- gradient descent vs proximal
def test_subgradient_descent_never_hits_zero_but_ista_does(r):
    d = r["descent"]["summary"]
    assert len(d["zero"]) >= 1
    assert d["sub_exact_zeros"] == 0
    assert d["watched_sign_changes"] > 100  # it oscillates around zero
    assert d["sub_amplitude"] < 5 * d["step_lam"]  # ... within a band set by the step
    assert d["ista_support_matches"]
    assert d["ista_exact_from"] < norms.DESCENT_STEPS
    trace = r["descent"]["ista"]
    assert np.all(trace[d["ista_exact_from"] :, d["zero"]] == 0)


def test_ista_and_subgradient_are_the_shared_solvers(r):
    Xs, y, lam = r["Xs"], r["y"], r["descent"]["lam"]
    again = solvers.proximal_gradient(Xs, y, lam, step=r["descent"]["step"], n_iter=50)
    assert np.array_equal(again.trace, r["descent"]["ista"][:51])


# ----------------------------------------------------------------------- printed numbers and exercises
def test_exercise_answers(n):
    w = norms.EXERCISE_W
    assert n["ex.l1"] == "4" and float(n["ex.l2"]) == pytest.approx(np.linalg.norm(w), abs=5e-3)
    assert n["ex.sq"] == "6.5" and n["ex.l0"] == "3" and n["ex.linf"] == "2"
    # one weight: brute-force minimisation on a fine grid
    grid = np.linspace(-3, 3, 600_001)
    lam = norms.EXERCISE_LAM
    for z, lasso, ridge in ((0.3, "ex.lasso_small", "ex.ridge_small"), (1.2, "ex.lasso_big", "ex.ridge_big")):
        wl = grid[np.argmin(0.5 * (grid - z) ** 2 + lam * np.abs(grid))]
        wr = grid[np.argmin(0.5 * (grid - z) ** 2 + lam / 2 * grid**2)]
        assert float(n[lasso]) == pytest.approx(wl, abs=1e-4)
        assert float(n[ridge]) == pytest.approx(wr, abs=1e-4)
    assert n["ex.top_factor"] == "1 × 10⁻¹⁶"


def test_printed_values(n):
    assert n["fit.c.train_mse"] == "< 10⁻²⁰"  # a bound: rounding noise differs between machines
    assert n["pen.ratio_sq_10_11"] == "1.21" and n["pen.ratio_exp"] == "2.72"
    assert n["lasso.path.first"] == n["lasso.large.support"]
    assert norms.sci(123456) == "1.23 × 10⁵" and norms.sci(-2.55e-16) == "−2.55 × 10⁻¹⁶" and norms.sci(0.5) == "0.5"
    assert norms.sci(9.996e5) == "1 × 10⁶"


# ----------------------------------------------------------------------- claims added in review
def test_lasso_selection_is_unstable_under_leave_one_out(r, n):
    # independent refits with scikit-learn (re-standardising each subset), at the medium lambda
    features = norms.vander(r["x"])[:, 1:]
    lam = r["shown"][("lasso", norms.SHOWN[1])]["lam"]
    full = r["shown"][("lasso", norms.SHOWN[1])]["w"] != 0
    supports = []
    for i in range(norms.N):
        keep = np.arange(norms.N) != i
        Xk, _, _ = solvers.standardize(features[keep])
        coef = Lasso(alpha=lam, tol=1e-14, max_iter=1_000_000).fit(Xk, r["y"][keep]).coef_
        supports.append(tuple(np.abs(coef) > 1e-10))
    assert supports == [tuple(s) for s in r["stability"]["supports"]]
    distinct = len(set(supports))
    same = sum(s == tuple(full) for s in supports)
    assert distinct >= 5 and same <= 2  # the page: many different sets, rarely the full-data one
    assert n["lasso.loo.distinct"] == str(distinct) and n["lasso.loo.same"] == str(same)


def test_first_lasso_feature_is_the_one_most_correlated_with_y(r, n):
    Xs, y = r["Xs"], r["y"]
    first = int(np.argmax(np.abs(Xs.T @ (y - y.mean()))))
    assert n["lasso.path.first"] == norms.feature_name(first)
    assert first not in (0, 1)  # not x or x²: the lasso does not start from the quadratic


def test_parameter_count_is_not_what_makes_a_small(r):
    a, c = r["fits"]["a"]["coef"], r["fits"]["c"]["coef"]
    assert np.linalg.norm(c[:3]) > 50 * np.linalg.norm(a[:3])


def test_b_ties_the_quadratic_and_loses_to_it(r):
    f = r["fits"]
    assert f["b"]["test_mse"] > f["a"]["test_mse"]
    # the best ridge on the grid, chosen with hindsight, is within 1 % of the quadratic
    assert abs(r["ridge_test"].min() / f["a"]["test_mse"] - 1) < 0.01


def test_roughness_ratio_does_not_depend_on_units(r):
    def rough(coef, x_max):
        second = poly.polyder(coef, 2)
        antider = poly.polyint(poly.polymul(second, second))
        return poly.polyval(x_max, antider) - poly.polyval(0.0, antider)

    a, c = r["fits"]["a"]["coef"], r["fits"]["c"]["coef"]
    cm = rough(norms.in_units(c, 100.0), 300.0) / rough(norms.in_units(a, 100.0), 300.0)
    assert cm == pytest.approx(r["fits"]["c"]["roughness"] / r["fits"]["a"]["roughness"], rel=1e-6)


def test_smallest_ridge_weight_on_the_path_sits_at_a_sign_change(r):
    W = r["ridge_path"]
    i, j = np.unravel_index(np.argmin(np.abs(W)), W.shape)
    neighbours = W[max(i - 1, 0) : i + 2, j]
    assert np.sign(neighbours.min()) != np.sign(neighbours.max())


def test_unsquared_l2_penalty_can_zero_the_whole_vector():
    # minimise 1/2 ||w - z||^2 + lam ||w||_2 by brute force on a grid: w = max(1 - lam/||z||, 0) z
    g = np.linspace(-2, 2, 801)
    W1, W2 = np.meshgrid(g, g)
    lam = 1.0
    for z, expect_zero in (((0.6, -0.5), True), ((1.5, 1.0), False)):
        obj = 0.5 * ((W1 - z[0]) ** 2 + (W2 - z[1]) ** 2) + lam * np.hypot(W1, W2)
        k = np.argmin(obj)
        w = np.array([W1.flat[k], W2.flat[k]])
        assert (np.abs(w).max() < 1e-9) == expect_zero
        sq = 0.5 * ((W1 - z[0]) ** 2 + (W2 - z[1]) ** 2) + lam / 2 * (W1**2 + W2**2)
        k = np.argmin(sq)
        assert np.abs([W1.flat[k], W2.flat[k]]).min() > 0  # the squared norm leaves both non-zero


def test_ridge_gradient_descent_converges_for_steps_below_two_over_l(r):
    Xs, y = r["Xs"], r["y"]
    lam = r["shown"][("ridge", norms.SHOWN[1])]["lam"]
    target = solvers.ridge(Xs, y, lam).w
    Xc, yc = Xs - Xs.mean(axis=0), y - y.mean()
    L = solvers.lipschitz(Xs, lam, alpha=0.0)
    for factor, converges in ((1.9, True), (2.1, False)):
        w = np.zeros(Xs.shape[1])
        with np.errstate(over="ignore", invalid="ignore"):  # the divergent run overflows
            for _ in range(20_000):
                w = w - factor / L * (-Xc.T @ (yc - Xc @ w) / len(y) + lam * w)
        assert np.allclose(w, target, atol=1e-6) == converges
    assert np.all(target != 0)


def test_not_every_coefficient_of_b_is_smaller_than_cs(r):
    b, c = r["fits"]["b"]["coef"], r["fits"]["c"]["coef"]
    assert abs(b[0]) > abs(c[0])  # the intercepts: [b]'s is the larger
    assert np.all(np.abs(b[1:]) < np.abs(c[1:]))  # every other coefficient of [b] is smaller


# ----------------------------------------------------------------------- issue 14 items 7 and 8
def test_a_ridge_weight_zero_at_every_lambda_needs_no_uncorrelated_feature(r, n):
    rz = r["ridge_zero"]
    a, b = rz["a"], rz["b"]
    X = a["X"]
    assert np.corrcoef(X[:, 0], X[:, 1])[0, 1] == pytest.approx(0.6)  # x1 correlated with x2 ...
    assert np.allclose(X.mean(0), 0) and np.allclose(X.var(0), 1)  # standardised, divisor n
    m = len(a["y"])
    for lam in experiments.RIDGE_ZERO_LAMS[::10]:
        w_a = Ridge(alpha=m * lam).fit(X, a["y"]).coef_  # independent solver, same objective
        assert np.abs(w_a[:2]).max() < 1e-12  # ... yet both weights are zero
        w_b = Ridge(alpha=m * lam).fit(X, b["y"]).coef_
        assert abs(w_b[0]) > 1e-7  # uncorrelated with y alone is not enough
    assert abs(np.corrcoef(X[:, 0], b["y"])[0, 1]) < 1e-12
    assert np.all(np.abs(b["W"][:, 0]) > 0) and b["min_abs_w1"] > 1e-8
    assert np.abs(a["krylov_x1"]).max() < 1e-12 and abs(b["krylov_x1"][1]) > 0.5
    assert n["ridge_zero.a.max_abs_w12"] == "< 10⁻¹²" and n["ridge_zero.b.krylov1"] == "0.96"


def test_krylov_condition_matches_zero_weights_on_random_problems():
    rng = np.random.default_rng(5)
    lams = np.logspace(-2, 2, 9)
    for _ in range(20):
        A = rng.normal(size=(4, 4))
        S = A @ A.T + 0.1 * np.eye(4)
        c = rng.normal(size=4)
        K = experiments.krylov_terms(S, c)
        W = np.array([np.linalg.solve(S + lam * np.eye(4), c) for lam in lams])
        assert np.all(np.abs(K).max(axis=0) > 1e-9) and np.all(np.abs(W).max(axis=0) > 1e-9)
    # block structure: feature 0 lives in a block that c does not touch
    S = np.array([[2.0, 0.5, 0.0], [0.5, 1.0, 0.0], [0.0, 0.0, 3.0]])
    c = np.array([0.0, 0.0, 1.0])
    K = experiments.krylov_terms(S, c)
    assert np.all(K[:, 0] == 0) and all(np.linalg.solve(S + lam * np.eye(3), c)[0] == 0 for lam in lams)


def test_fixed_step_descent_reaches_a_zero_ridge_weight_when_the_minimiser_has_one(r):
    # the reason ridge weights are non-zero is the minimiser, not small steps near zero
    a = r["ridge_zero"]["a"]
    X, y = a["X"] - a["X"].mean(0), a["y"] - a["y"].mean()
    lam = 0.1
    step = 1 / (np.linalg.eigvalsh(X.T @ X / len(y)).max() + lam)
    w = np.ones(3)
    for _ in range(2000):
        w = w - step * (X.T @ (X @ w - y) / len(y) + lam * w)
    assert np.abs(w[:2]).max() < 1e-12
    assert np.allclose(w, solvers.ridge(a["X"], a["y"], lam).w, atol=1e-12)


def test_lasso_zeros_are_strictly_inside_and_the_inner_product_is_a_covariance(r):
    Xs = r["Xs"]
    for factor in norms.SHOWN:
        s = r["shown"][("lasso", factor)]
        zero = s["w"] == 0
        assert np.all(s["strictly_inside"][zero])  # the table's "strictly inside ... forces w_j = 0"
        resid = r["y"] - s["b"] - Xs @ s["w"]
        assert abs(resid.mean()) < 1e-12  # intercept fitted: residuals have mean zero
        cov = np.array([np.cov(Xs[:, j], resid, bias=True)[0, 1] for j in range(Xs.shape[1])])
        assert np.allclose(s["inner"], cov)
        corr = np.array([np.corrcoef(Xs[:, j], resid)[0, 1] for j in range(Xs.shape[1])])
        assert not np.allclose(s["inner"], corr)  # not a correlation
    table = norms.tables(r)["subgradient-check"]
    assert "strictly inside" in table and "[-\\lambda" not in table
