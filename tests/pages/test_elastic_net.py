"""scripts/pages/elastic_net.py against scikit-learn, optimality conditions and closed forms."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.linear_model import ElasticNet, Lasso, Ridge

from scripts import solvers
from scripts.pages import elastic_net as page
from tests import results


@pytest.fixture(scope="module")
def result():
    return results.result("elastic_net")  # computed once per test session


def _sk(X, y, lam, alpha):
    kwargs = {"tol": 1e-12, "max_iter": 1_000_000}
    if alpha == 0:
        return Ridge(alpha=len(y) * lam).fit(X, y)
    if alpha == 1:
        return Lasso(alpha=lam, **kwargs).fit(X, y)
    return ElasticNet(alpha=lam, l1_ratio=alpha, **kwargs).fit(X, y)


@pytest.mark.parametrize("data", ["two", "group"])
@pytest.mark.parametrize("method", list(page.METHODS))
def test_site_convention_matches_scikit_learn(result, data, method):
    """lam (alpha ||w||_1 + (1-alpha)/2 ||w||^2) == ElasticNet(alpha=lam, l1_ratio=alpha); Ridge(alpha=n lam)."""
    d = result[data]
    alpha = page.METHODS[method]
    ours = page.fit(d["X"], d["y"], d["lam"], alpha)
    theirs = _sk(d["X"], d["y"], d["lam"], alpha)
    assert np.allclose(ours.w, theirs.coef_, atol=1e-7)
    assert ours.b == pytest.approx(theirs.intercept_, abs=1e-7)
    assert solvers.kkt_violation(d["X"], d["y"], ours.b, ours.w, d["lam"], alpha) < 1e-7


@pytest.mark.parametrize("method", ["lasso", "net"])
def test_paths_satisfy_optimality_conditions(result, method):
    g = result["group"]
    for lam, w in zip(g["lams"][::5], g["paths"][method][::5], strict=True):
        b = float(np.mean(g["y"]) - g["X"].mean(axis=0) @ w)
        assert solvers.kkt_violation(g["X"], g["y"], b, w, lam, page.METHODS[method]) < 1e-6


def test_ridge_path_is_the_closed_form(result):
    g = result["group"]
    for lam, w in zip(g["lams"], g["paths"]["ridge"], strict=True):
        theirs = Ridge(alpha=len(g["y"]) * lam).fit(g["X"], g["y"]).coef_
        assert np.allclose(w, theirs, atol=1e-10)


def test_identical_copies_get_identical_elastic_net_weights(result):
    same = result["identical"]
    w = same["fits"]["net"].w
    assert w.max() - w.min() <= 4 * np.spacing(w.max())  # equal to rounding
    assert np.allclose(w, same["closed_form"]["net"], rtol=0, atol=1e-15)
    # The closed form, independently, by scikit-learn on the copies.
    sk = ElasticNet(alpha=same["lam"], l1_ratio=page.ALPHA_NET, tol=1e-14, max_iter=1_000_000)
    assert np.allclose(sk.fit(same["X"], same["y"]).coef_, same["closed_form"]["net"], atol=1e-8)
    ridge = Ridge(alpha=len(same["y"]) * same["lam"]).fit(same["X"], same["y"]).coef_
    assert np.allclose(ridge, same["closed_form"]["ridge"], atol=1e-12)


def test_lasso_on_copies_only_fixes_the_total(result):
    same = result["identical"]
    X, y, lam = same["X"], same["y"], same["lam"]
    total = same["lasso_total"]
    b = float(np.mean(y) - X.mean(axis=0) @ np.full(page.COPIES, total / page.COPIES))
    splits = [
        np.array([total, 0, 0]),
        np.array([0, 0, total]),
        np.full(3, total / 3),
        np.array([0.5, 0.3, 0.2]) * total,
    ]
    costs = [solvers.objective(X, y, b, s, lam, 1.0) for s in splits]
    assert max(costs) - min(costs) < 1e-12  # every split costs the same: no unique solution
    net_costs = [solvers.objective(X, y, b, s, lam, page.ALPHA_NET) for s in splits]
    assert net_costs[2] < min(net_costs[:2] + net_costs[3:]) - 1e-6  # the equal split is strictly best
    w = same["fits"]["lasso"].w
    assert w[0] == pytest.approx(total, abs=1e-12) and np.all(np.abs(w[1:]) < 1e-12)
    # The solution a solver returns depends on where it starts: from w = (0, 0, 1) coordinate
    # descent puts the whole total on the third copy (the page says so), at the same cost.
    other = solvers.coordinate_descent(X, y, lam, 1.0, w0=[0.0, 0.0, 1.0], tol=0.0).w
    assert other[2] == pytest.approx(total, abs=1e-12) and np.all(np.abs(other[:2]) < 1e-12)
    b_other = float(np.mean(y) - X.mean(axis=0) @ other)
    assert solvers.objective(X, y, b_other, other, lam, 1.0) == pytest.approx(min(costs), abs=1e-12)
    assert not np.allclose(other, w)


def test_grouping_bound_holds_on_every_bootstrap_refit(result):
    """|w1 - w2| <= sd(y) sqrt(2 (1 - rho)) / (lam (1 - alpha)), rho and sd(y) of each resample."""
    two = result["two"]
    rng = np.random.default_rng(page.BOOT_SEED)  # the same resamples as compute()
    for method in ("net", "ridge"):
        gaps, bounds = [], []
        rng = np.random.default_rng(page.BOOT_SEED)
        for W in two["boot"][method]:
            idx = rng.integers(0, page.N, page.N)
            Xb, _, _ = solvers.standardize(two["X"][idx])
            rho = float(Xb[:, 0] @ Xb[:, 1] / page.N)
            gaps.append(abs(W[0] - W[1]))
            bounds.append(page.grouping_bound(two["y"][idx], rho, two["lam"], page.METHODS[method]))
            assert W[0] * W[1] > 0
        assert np.all(np.array(gaps) <= np.array(bounds))
    assert two["net_gap"] <= two["net_bound"] and two["ridge_gap"] <= two["ridge_bound"]


def test_second_entry_of_the_lasso(result):
    two = result["two"]
    lam2 = two["lam_second"]
    assert 0 < lam2 < two["lam_max"]
    assert lam2 == pytest.approx(page.lasso_second_entry_same_sign(two["X"], two["y"]))  # same sign here
    above = solvers.coordinate_descent(two["X"], two["y"], lam2 * 1.001).w
    below = solvers.coordinate_descent(two["X"], two["y"], lam2 * 0.999).w
    assert np.count_nonzero(above) == 1 and np.count_nonzero(below) == 2
    assert two["lam_max"] == pytest.approx(np.max(np.abs(two["X"].T @ (two["y"] - two["y"].mean()))) / page.N)


def test_entry_points_predict_which_resamples_keep_one_feature(result):
    """The page: per resample, the lasso keeps one feature exactly when the entry point is below lam."""
    two = result["two"]
    one = np.count_nonzero(two["boot"]["lasso"], axis=1) == 1
    assert np.array_equal(one, two["entries"]["entry"] < two["lam"])
    # Rows really are the resamples of the bootstrap (same generator, same order).
    rng = np.random.default_rng(page.BOOT_SEED)
    assert all(np.array_equal(rng.integers(0, page.N, page.N), idx) for idx in two["rows"])


def test_opposite_sign_entry(result):
    """When c2 <= rho c1 the second feature enters at (rho c1 - c2)/(1 + rho), with a negative weight."""
    from sklearn.linear_model import Lasso

    two = result["two"]
    e = two["entries"]
    opposite = np.flatnonzero(e["same_sign"] <= 0)
    assert len(opposite) >= 10 and np.all(e["entry"][opposite] > 0)
    assert np.all(e["entry"][opposite] < 0.02 * two["lam"])  # "a small value, close to least squares"
    for i in opposite[:3]:
        idx = two["rows"][i]
        Xb, _, _ = solvers.standardize(two["X"][idx])
        yb = two["y"][idx]
        c = Xb.T @ (yb - yb.mean()) / page.N
        assert np.all(c > 0)  # both features positively correlated with y
        lam = e["entry"][i]
        kw = {"tol": 1e-14, "max_iter": 1_000_000}
        above = Lasso(alpha=lam * 1.05, **kw).fit(Xb, yb).coef_
        below = Lasso(alpha=lam * 0.95, **kw).fit(Xb, yb).coef_
        assert np.count_nonzero(above) == 1
        assert np.count_nonzero(below) == 2 and np.sum(below < 0) == 1  # one weight negative
        assert np.argmin(below) == np.argmin(c)  # it is the feature with the smaller c


def test_general_entry_formula_on_a_made_up_case():
    """Independent of the data: a design with a chosen correlation and chosen c_1, c_2 (both signs)."""
    from sklearn.linear_model import lasso_path

    rng = np.random.default_rng(0)
    n = 200
    for rho, c1, c2 in ((0.9, 0.8, 0.75), (0.9, 0.8, 0.5), (-0.5, -0.7, 0.3)):
        # Orthonormal columns orthogonal to the constant: centred, with unit variance after * sqrt(n).
        Z, _ = np.linalg.qr(np.column_stack([np.ones(n), rng.standard_normal((n, 3))]))
        u1, u2, u3 = Z[:, 1] * np.sqrt(n), Z[:, 2] * np.sqrt(n), Z[:, 3] * np.sqrt(n)
        x1, x2 = u1, rho * u1 + np.sqrt(1 - rho**2) * u2
        X = np.column_stack([x1, x2])
        # y with X'y/n = (c1, c2): solve for the coefficients on x1, x2 plus an orthogonal part.
        coef = np.linalg.solve(X.T @ X / n, [c1, c2])
        y = X @ coef + 0.3 * u3 + 5.0
        lam2 = page.lasso_second_entry(X, y)
        path_lams = np.array([lam2 * 1.01, lam2 * 0.99])
        _, coefs, _ = lasso_path(X, y - y.mean(), alphas=path_lams, tol=1e-14, max_iter=1_000_000)
        assert np.count_nonzero(coefs[:, 0]) == 1 and np.count_nonzero(coefs[:, 1]) == 2


def test_zou_hastie_translation(result):
    """beta = sqrt(n) w solves the naive elastic net of Zou and Hastie with lambda2 = lam (1 - alpha),
    lambda1 = 2 sqrt(n) lam alpha, features scaled to unit sum of squares (their KKT conditions)."""
    two = result["two"]
    X, y, lam, alpha = two["X"], two["y"], two["lam"], page.ALPHA_NET
    n = len(y)
    w = two["full"]["net"].w
    Xt, yc, beta = X / np.sqrt(n), y - y.mean(), np.sqrt(n) * w
    lam1, lam2 = 2 * np.sqrt(n) * lam * alpha, lam * (1 - alpha)
    grad = -2 * Xt.T @ (yc - Xt @ beta) + 2 * lam2 * beta
    assert np.all(beta != 0)
    assert np.allclose(grad + lam1 * np.sign(beta), 0, atol=1e-7)
    assert np.allclose(Xt.T @ Xt, X.T @ X / n) and np.allclose(np.diag(Xt.T @ Xt), 1)


def test_claims_of_the_page(result):
    two, group = result["two"], result["group"]
    s2, sg = two["stats"], group["stats"]
    # Two features: the lasso often drops one, the others never; which one is unstable.
    assert s2["lasso"]["exactly_one"] > 0.5
    assert s2["net"]["exactly_one"] == 0 and s2["ridge"]["exactly_one"] == 0
    assert two["keeps_first"] > 0.1 and two["keeps_second"] > 0.1
    assert two["keeps_first"] + two["keeps_second"] == pytest.approx(s2["lasso"]["exactly_one"])
    assert s2["lasso"]["share_first_sd"] > 5 * s2["net"]["share_first_sd"] > 5 * s2["ridge"]["share_first_sd"]
    # Full data: the lasso keeps both here, since lam is below the second entry point.
    assert np.count_nonzero(two["full"]["lasso"].w) == 2 and two["lam"] < two["lam_second"]
    # The group: the lasso concentrates, elastic net and ridge share; no noise feature at this lam.
    assert sg["lasso"]["largest_share"] > 2 * sg["net"]["largest_share"]
    assert sg["net"]["largest_share"] > sg["ridge"]["largest_share"] > 1 / page.GROUP_SIZE
    assert sg["net"]["nonzero_mean"] == page.GROUP_SIZE and sg["lasso"]["nonzero_mean"] < page.GROUP_SIZE
    assert group["active"]["lasso"] < group["active"]["net"] == page.GROUP_SIZE
    assert group["active_noise"]["lasso"] == group["active_noise"]["net"] == 0
    assert group["rho_min"] > 0.9
    # Ridge never produces exact zeros along its path.
    assert np.all(group["paths"]["ridge"] != 0)


def test_printed_values(result):
    n = page.numbers(result)
    assert n["two.lasso.exactly_one"].endswith(" %")
    assert float(n["two.rho"]) == pytest.approx(result["two"]["rho"], abs=0.005)
    assert n["ex.sklearn_ridge_alpha"] == "42"


def test_path_claims_of_the_alt_text(result):
    """Elastic net: all five members enter together; lasso: spread out, the last much later; noise
    features exactly zero under lasso and elastic net until lambda is small, never zero under ridge."""
    g = result["group"]
    P, lams, k = g["paths"], g["lams"], page.GROUP_SIZE
    net = P["net"][:, :k] != 0
    assert np.all(net[1:].all(axis=1))  # from the first grid point below lam_max / alpha on
    assert np.max(np.abs(P["net"][0])) < 1e-12  # at lam_max / alpha the elastic net is all zeros
    lasso = P["lasso"][:, :k] != 0
    first_any, first_all = int(np.argmax(lasso.any(axis=1))), int(np.argmax(lasso.all(axis=1)))
    assert lasso.all(axis=1).any() and lams[first_any] / lams[first_all] > 10  # a decade apart
    for m in ("lasso", "net"):
        noise_in = int(np.argmax((P[m][:, k:] != 0).any(axis=1)))
        assert lams[noise_in] < g["lam"] / 2
        assert np.all(P[m][:noise_in, k:] == 0)
    assert np.all(P["ridge"][:, k:] != 0)


def test_largest_member_changes_between_resamples(result):
    """'Which member is the largest changes from resample to resample for every method.'"""
    for m in page.METHODS:
        counts = result["group"]["stats"][m]["largest_counts"][: page.GROUP_SIZE]
        assert counts.sum() == page.N_BOOT and counts.max() < 0.5 * page.N_BOOT and np.count_nonzero(counts) == 5
