"""scripts/pages/networks/ against independent results: finite differences, algebraic
identities, closed forms, KKT conditions and scikit-learn."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.linear_model import ElasticNet, Lasso, LogisticRegression, Ridge

from scripts import solvers
from scripts.pages import networks
from scripts.pages.networks import experiments
from tests import results


@pytest.fixture(scope="module")
def result():
    return results.result("networks")  # one compute() per test session, shared


@pytest.fixture(scope="module")
def printed():
    return results.numbers("networks")


# --- the network code itself -------------------------------------------------------------


def test_backpropagation_matches_finite_differences():
    rng = np.random.default_rng(0)
    params = networks.init([2, 5, 4, 1], rng)
    X = rng.standard_normal((20, 2))
    y = rng.standard_normal(20)
    grads = networks.relu_gradient(params, X, y)
    h = 1e-6
    for layer, (W, b) in enumerate(params):
        for array, grad in ((W, grads[layer][0]), (b, grads[layer][1])):
            for index in np.ndindex(array.shape):
                old = array[index]
                array[index] = old + h
                up = networks.loss(params, X, y)
                array[index] = old - h
                down = networks.loss(params, X, y)
                array[index] = old
                assert grad[index] == pytest.approx((up - down) / (2 * h), abs=1e-7)


def test_training_reduced_the_loss(result):
    net = result["net"]
    assert net["loss"] < 0.1 * np.var(net["y"]) / 2


# --- scale symmetry ----------------------------------------------------------------------


@pytest.mark.parametrize("activation", sorted(networks.POSITIVE_HOMOGENEOUS))
@pytest.mark.parametrize("c", [0.3, 2.0, 7.5])
def test_correct_rescaling_preserves_positively_homogeneous_networks(activation, c):
    rng = np.random.default_rng(1)
    params = networks.init([3, 6, 6, 1], rng)
    X = rng.standard_normal((50, 3))
    f = networks.forward(params, X, activation)
    for layer in (0, 1):
        g = networks.forward(networks.rescale(params, layer, c), X, activation)
        assert np.max(np.abs(g - f)) < 1e-12


def test_positive_homogeneity_is_what_the_table_says():
    z = np.linspace(-5, 5, 101)
    for name, act in networks.ACTIVATIONS.items():
        homogeneous = np.allclose(act(2.5 * z), 2.5 * act(z)) and np.allclose(act(0.4 * z), 0.4 * act(z))
        assert homogeneous == (name in networks.POSITIVE_HOMOGENEOUS), name


def test_literal_rule_fails_only_because_of_the_second_bias(result):
    net = result["net"]["params"]
    grid = result["net"]["grid"][:, None]
    f = networks.forward(net, grid)
    literal = networks.rescale(net, 0, 2.0, halve_next_bias=True)
    assert np.max(np.abs(networks.forward(literal, grid) - f)) > 0.1
    # With the second layer's bias set to zero, the literal rule becomes the correct one.
    no_bias = [(W, b) for W, b in net]
    no_bias[1] = (net[1][0], np.zeros_like(net[1][1]))
    f0 = networks.forward(no_bias, grid)
    g0 = networks.forward(networks.rescale(no_bias, 0, 2.0, halve_next_bias=True), grid)
    assert np.max(np.abs(g0 - f0)) < 1e-12


def test_literal_rule_on_the_output_layer_shifts_by_half_the_output_bias(result):
    net = result["net"]
    shift = net["shift_literal_last"]
    assert np.allclose(shift, -net["output_bias"] / 2, atol=1e-12)
    assert net["shift_literal_last_mean"] == pytest.approx(-net["half_output_bias"])
    # "small for this network": well below the change of the literal rule on the first layers.
    assert 0 < abs(net["shift_literal_last_mean"]) < 0.1 * net["change_literal"]


def test_scale_claims_on_the_trained_network(result, printed):
    net = result["net"]
    assert net["change_correct"] < 1e-12
    assert net["change_literal"] > 0.1
    assert net["loss_literal"] > 5 * net["loss"]
    assert net["change_negative"] > 0.1  # c must be positive
    assert printed["net.change_correct"] == "< 10⁻¹²"


def test_activation_table(result):
    sym = result["symmetry"]
    for name, row in sym.items():
        if name in networks.POSITIVE_HOMOGENEOUS:
            assert row["scale"] < 1e-12, name
        else:
            assert row["scale"] > 1e-2, name
        # The literal rule breaks every activation, including the homogeneous ones.
        assert row["literal"] > 1e-3, name
        if name in ("tanh", "linear"):
            assert row["sign"] < 1e-12, name  # odd functions
        else:
            assert row["sign"] > 1e-2, name
    assert sym["sigmoid"]["sign_fixed"] < 1e-12


def test_sigmoid_identity_used_for_the_sign_flip():
    z = np.linspace(-30, 30, 301)
    assert np.allclose(solvers.sigmoid(-z), 1 - solvers.sigmoid(z))
    assert np.allclose(solvers.sigmoid(z), 1 / (1 + np.exp(-z)))


# --- permutations and non-convexity ------------------------------------------------------


def test_permutation_gives_the_same_function(result):
    net = result["net"]["params"]
    grid = result["net"]["grid"][:, None]
    order = np.random.default_rng(2).permutation(result["net"]["width"])
    for layer in (0, 1):
        permuted = networks.permute(net, layer, order)
        assert np.max(np.abs(networks.forward(permuted, grid) - networks.forward(net, grid))) < 1e-12


def test_loss_is_not_convex(result):
    paths = result["paths"]
    ends = paths["permutation"][[0, -1]]
    assert ends[0] == pytest.approx(ends[1], abs=1e-14)
    # Convexity would force every point of the segment to lie at or below the end values.
    assert paths["permutation_max"] > 10 * ends.max()
    assert paths["scale_segment_mid"] > 2 * ends.max()
    # The figure's description: "a factor of more than a thousand", the rescaled segment "much less".
    assert paths["permutation_ratio"] > 1000
    assert paths["scale_segment_mid"] < 0.01 * paths["permutation_max"]
    assert np.allclose(paths["scale_curve"], ends[0], atol=1e-14)


# --- weight decay on a symmetry orbit ------------------------------------------------------


def test_penalty_along_the_orbit(result):
    orbit = result["orbit"]
    assert np.allclose(orbit["penalty"], orbit["penalty_formula"])
    # The balanced point is the minimum: compare with a fine grid search.
    cs = np.linspace(0.5, 3, 20001)
    values = cs**2 * orbit["A"] + orbit["B"] / cs**2
    assert orbit["c_star"] == pytest.approx(cs[np.argmin(values)], abs=1e-3)
    assert orbit["balanced_in"] == pytest.approx(orbit["balanced_out"])
    assert orbit["balanced_in"] == pytest.approx(np.sqrt(orbit["A"] * orbit["B"]))
    assert orbit["p_star"] < min(orbit["p1"], orbit["p2"])
    assert orbit["change_balanced"] < 1e-12


@pytest.mark.parametrize("c", [-3.0, -0.5, 0.0, 0.2, 1.0, 2.7])
def test_l2_on_factors_is_l1_on_the_product(c):
    assert networks.min_product_penalty(c, np.logspace(-3, 3, 4001)) == pytest.approx(abs(c), abs=1e-5)


def test_product_curve_and_exercise(result, printed):
    prod = result["product"]
    assert np.allclose(prod["min_penalty"], np.abs(prod["c"]), atol=1e-5)
    a = prod["example_a"]
    assert (a**2 + (prod["example_c"] / a) ** 2) / 2 == pytest.approx(abs(prod["example_c"]))
    assert printed["product.example_min"] == "3"


def test_factored_weight_decay_reaches_the_lasso(result):
    fac = result["factored"]
    X, y, lam = fac["X"], fac["y"], fac["lam"]
    sk = Lasso(alpha=lam, tol=1e-12, max_iter=100_000).fit(X, y)
    assert np.allclose(fac["lasso"].w, sk.coef_, atol=1e-8)
    # Coefficients the factored model drives below 1e-8 count as zero for the optimality check.
    beta = np.where(np.abs(fac["beta"]) < 1e-8, 0.0, fac["beta"])
    assert solvers.kkt_violation(X, y, fac["b"], beta, lam) < 1e-9
    assert fac["max_diff"] < 1e-10
    assert fac["imbalance"] < 1e-8  # |u_j| = |v_j| at the optimum
    assert fac["lasso_zeros"] == fac["factored_small"] >= 3
    assert fac["ridge_zeros"] == 0
    assert np.array_equal(fac["lasso"].w == 0, np.abs(fac["beta"]) < 1e-8)


# --- small weights -----------------------------------------------------------------------


def test_interpolants_fit_equally_and_test_error_grows_with_norm(result):
    fit = result["fit"]
    family = fit["family"]
    assert max(m["train"] for m in family) < 1e-20
    norms = np.array([m["norm"] for m in family])
    tests = np.array([m["test"] for m in family])
    assert np.all(np.diff(norms) > 0) and np.all(np.diff(tests) > 0)
    assert fit["big"]["test"] > 3 * fit["small"]["test"]


def test_minimum_norm_interpolant_is_the_least_squares_minimum_norm_solution(result):
    fit = result["fit"]
    X, y = fit["X"], fit["y"]
    Xc, yc = X - X.mean(axis=0), y - y.mean()
    w = np.linalg.lstsq(Xc, yc, rcond=None)[0]
    assert np.allclose(fit["small"]["w"], w, atol=1e-10)
    assert np.allclose(solvers.ridge(X, y, 1e-9).w, w, atol=1e-6)  # the limit of ridge
    assert np.allclose(Xc @ fit["null_direction"], 0, atol=1e-12)


def test_sensitivity_follows_the_norm(result):
    fit = result["fit"]
    for name in ("small", "big"):
        norm = fit[name]["norm"]
        sens = fit["sens"][name]
        assert sens["max_ratio"] <= norm + 1e-12  # Cauchy-Schwarz (Lipschitz) bound
        assert sens["rms_change"] == pytest.approx(norm / np.sqrt(fit["p"]), rel=0.05)


def test_ridge_path_is_u_shaped_and_matches_scikit_learn(result):
    fit = result["fit"]
    path = fit["ridge"]
    tests = [q["test"] for q in path]
    best = int(np.argmin(tests))
    assert 0 < best < len(path) - 1
    assert fit["ridge_largest"]["test"] > fit["ridge_best"]["test"] + 0.1
    assert np.all(np.diff([q["train"] for q in path]) > 0)
    X, y, n = fit["X"], fit["y"], fit["n"]
    lam = fit["ridge_best"]["lam"]
    sk = Ridge(alpha=n * lam).fit(X, y)
    assert np.linalg.norm(sk.coef_) == pytest.approx(fit["ridge_best"]["norm"], rel=1e-8)


def test_cat_example(result):
    cat = result["cat"]
    assert cat["out_small"] == cat["small"] * cat["x"] and cat["out_large"] == cat["large"] * cat["x"]
    # The same prediction with the input in ounces.
    assert cat["ounce_small"] * (16 * cat["x"]) == pytest.approx(cat["out_small"])


# --- L1 versus L2 with near-copies -------------------------------------------------------------


def test_correlated_features(result, printed):
    corr = result["corr"]
    X, y, lam = corr["X"], corr["y"], corr["lam"]
    w_r, w_l = corr["ridge"].w, corr["lasso"].w
    assert corr["rho"] > 0.99
    assert abs(w_r[0] - w_r[1]) < 0.02 * abs(w_r).max()  # ridge shares
    # On this draw the lasso keeps both copies, one with twice the weight of the other.
    assert np.all(w_l > 0) and 1.8 < w_l[1] / w_l[0] < 2.2
    assert corr["share"]["lasso"] == pytest.approx(w_l[0] / w_l.sum())
    assert solvers.kkt_violation(X, y, corr["lasso"].b, w_l, lam) < 1e-10
    assert np.allclose(Lasso(alpha=lam, tol=1e-12, max_iter=100_000).fit(X, y).coef_, w_l, atol=1e-8)
    assert np.allclose(Ridge(alpha=len(y) * lam).fit(X, y).coef_, w_r)


def test_how_often_the_lasso_keeps_one_copy(result):
    corr = result["corr"]
    assert 0.5 < corr["lasso_keeps_one"] < 0.95  # "in most data sets", not in all
    assert min(corr["lasso_keeps_each"]) > 0.2  # which copy depends on the noise
    assert sum(corr["lasso_keeps_each"]) == pytest.approx(corr["lasso_keeps_one"])
    assert 0.49 < corr["ridge_share_min"] <= corr["ridge_share_max"] < 0.51  # ridge always shares
    # The optimality-condition shortcut against scikit-learn's lasso on the first draws.
    children = np.random.SeedSequence(experiments.CORR_SEED).spawn(corr["repeats"])
    kinds = set()
    for child in children[:30]:
        X, y = experiments._near_copies(np.random.default_rng(child))
        coef = Lasso(alpha=corr["lam"], tol=1e-14, max_iter=1_000_000).fit(X, y).coef_
        kept = experiments._lasso_keeps_one(X, y, corr["lam"])
        if kept is None:
            assert np.all(np.abs(coef) > 1e-6)
        else:
            assert coef[1 - kept] == 0 and coef[kept] > 0
        kinds.add(kept)
    assert kinds == {None, 0, 1}


# --- biases --------------------------------------------------------------------------------


def test_unpenalised_intercept_is_shift_equivariant(result):
    bias = result["bias"]
    free, K = bias["free"], bias["shifts"]
    assert np.allclose(free[:, 1], free[0, 1])
    assert np.allclose(free[:, 0] - free[0, 0], K)
    assert np.allclose(free[:, 2], free[0, 2])


def test_penalised_intercept_depends_on_the_origin_and_matches_scikit_learn(result):
    bias = result["bias"]
    x, y, lam, pen = bias["x"], bias["y"], bias["lam"], bias["pen"]
    n = len(y)
    A = np.column_stack([np.ones(n), x])
    for K, row in ((0.0, pen[0]), (bias["shifts"][-1], pen[-1])):
        sk = Ridge(alpha=n * lam, fit_intercept=False).fit(A, y + K)
        assert np.allclose(sk.coef_, row[:2])
    assert pen[-1, 1] > 5 * pen[0, 1]
    assert pen[-1, 2] > 100 * pen[0, 2]


def test_centred_feature_exercise(result):
    bias = result["bias"]
    assert bias["centred_b"] == pytest.approx(bias["centred_ybar"] / (1 + bias["lam"]))


@pytest.mark.parametrize("model", [Ridge(alpha=3.0), Lasso(alpha=0.1), ElasticNet(alpha=0.1, l1_ratio=0.5)])
def test_scikit_learn_linear_models_do_not_penalise_the_intercept(result, model):
    X = result["fit"]["X"][:, :5]
    y = result["fit"]["y"]
    a = model.fit(X, y)
    coef, intercept = a.coef_.copy(), a.intercept_
    b = model.fit(X, y + 1000.0)
    assert np.allclose(b.coef_, coef, atol=1e-8)
    assert b.intercept_ - intercept == pytest.approx(1000.0)


def test_logistic_regression_intercepts_in_scikit_learn(result):
    logi = result["logistic"]
    X, y, C = logi["X"], logi["y"], logi["C"]
    default = LogisticRegression(C=C, tol=1e-10, max_iter=10_000).fit(X, y)
    assert default.get_params()["solver"] == "lbfgs"
    assert default.intercept_[0] == pytest.approx(logi["b_free"], abs=1e-6)
    assert np.allclose(default.coef_[0], logi["w_free"], atol=1e-6)
    liblinear = LogisticRegression(C=C, solver="liblinear", tol=1e-10, max_iter=10_000).fit(X, y)
    assert liblinear.intercept_[0] == pytest.approx(logi["b_pen"], abs=1e-5)
    assert np.allclose(liblinear.coef_[0], logi["w_pen"], atol=1e-5)
    scaled = LogisticRegression(
        C=C, solver="liblinear", intercept_scaling=logi["scaling"], tol=1e-10, max_iter=10_000
    ).fit(X, y)
    assert scaled.intercept_[0] == pytest.approx(logi["b_scaled"], abs=1e-4)
    for solver in ("newton-cg", "newton-cholesky", "sag", "saga"):
        other = LogisticRegression(C=C, solver=solver, tol=1e-12, max_iter=100_000).fit(X, y)
        assert other.intercept_[0] == pytest.approx(logi["b_free"], abs=1e-4), solver


def test_default_logistic_regression_settings():
    params = LogisticRegression().get_params()
    assert params["solver"] == "lbfgs" and params["C"] == 1.0 and params["l1_ratio"] == 0.0
    assert params["intercept_scaling"] == 1


def test_free_intercept_matches_the_positive_rate(result):
    logi = result["logistic"]
    assert logi["share_free"] == pytest.approx(logi["share_data"], abs=1e-10)
    assert logi["share_pen"] < logi["share_data"] - 0.1


# --- claims added in review ------------------------------------------------------------------


def test_product_model_loss_is_not_convex():
    # f(x) = a b x fitted to y = x with E x^2 = 1 (x = +-1): loss 1/2 (ab - 1)^2.
    x = np.array([-1.0, 1.0, 1.0, -1.0])
    y = x.copy()

    def loss(a, b):
        return float(np.mean((a * b * x - y) ** 2) / 2)

    assert loss(1, 1) == 0 and loss(-1, -1) == 0
    assert loss(0, 0) == pytest.approx(0.5)
    assert loss(0, 0) > max(loss(1, 1), loss(-1, -1))  # above the chord: not convex


def test_null_model_and_the_overfitting_claims(result):
    fit = result["fit"]
    y, y_test = fit["y"], fit["y_test"]
    assert fit["null_test"] == pytest.approx(np.mean((y_test - y.mean()) ** 2))
    assert fit["big"]["test"] > 3 * fit["null_test"]  # "far worse than predicting the mean"
    assert fit["small"]["test"] < fit["null_test"]
    # Strong ridge approaches the mean-only model ("close to").
    assert fit["ridge_largest"]["test"] == pytest.approx(fit["null_test"], rel=0.1)
    # The gain of the best ridge over lambda -> 0 is small on this data ("only a little below").
    assert fit["small"]["test"] - fit["ridge_best"]["test"] < 0.05 * fit["small"]["test"]


def test_test_error_is_quadratic_along_a_null_direction(result):
    fit = result["fit"]
    lengths = fit["ts"] * fit["small"]["norm"]  # length added along the unit null direction
    tests = np.array([m["test"] for m in fit["family"]])
    coef = np.polyfit(lengths, tests, 2)
    assert np.abs(np.polyval(coef, lengths) - tests).max() < 1e-10  # exactly a quadratic
    assert coef[0] == pytest.approx(1.0, rel=0.1)  # about one per squared unit of length


def test_a_larger_norm_exact_fit_can_be_better_but_not_on_average(result):
    fit = result["fit"]
    best = fit["best_exact"]
    assert best["norm"] > fit["small"]["norm"]
    assert best["test"] < fit["small"]["test"] and best["test"] < fit["ridge_best"]["test"]
    # For directions drawn without knowing the truth, the mean increase at length 1 is about 1.
    X, y, X_test, y_test = fit["X"], fit["y"], fit["X_test"], fit["y_test"]
    x_mean = X.mean(axis=0)
    Xc = X - x_mean
    w0 = fit["small"]["w"]
    pinv = np.linalg.pinv(Xc)
    rng = np.random.default_rng(5)

    def test_error(w):
        b = y.mean() - x_mean @ w
        return np.mean((y_test - b - X_test @ w) ** 2)

    increases = []
    for _ in range(200):
        u = rng.standard_normal(X.shape[1])
        u -= pinv @ (Xc @ u)
        u /= np.linalg.norm(u)
        assert np.allclose(Xc @ u, 0, atol=1e-10)  # still an exact fit
        increases.append(test_error(w0 + u) - test_error(w0))
    assert 0.8 < np.mean(increases) < 1.25


def test_weight_decay_balances_every_relu_unit():
    # Minimise loss + lam/2 sum ||W||^2 (biases free) for a one-hidden-layer ReLU network:
    # at the minimum each unit's incoming and outgoing squared norms are equal.
    from scipy.optimize import minimize

    rng = np.random.default_rng(3)
    params = networks.init([1, 6, 1], rng)
    X = np.linspace(-2, 2, 40)[:, None]
    y = np.sin(1.5 * X[:, 0])
    lam = 1e-2
    shapes = [(W.shape, b.shape) for W, b in params]

    def unpack(theta):
        out, i = [], 0
        for sw, sb in shapes:
            kw, kb = int(np.prod(sw)), int(np.prod(sb))
            out.append((theta[i : i + kw].reshape(sw), theta[i + kw : i + kw + kb].reshape(sb)))
            i += kw + kb
        return out

    def pack(ps):
        return np.concatenate([np.concatenate([W.ravel(), b.ravel()]) for W, b in ps])

    def objective(theta):
        ps = unpack(theta)
        grads = networks.relu_gradient(ps, X, y)
        value = networks.loss(ps, X, y) + lam * networks.weight_penalty(ps)
        return value, pack([(gW + lam * W, gb) for (gW, gb), (W, _) in zip(grads, ps, strict=True)])

    res = minimize(
        objective, pack(params), jac=True, method="L-BFGS-B", options={"maxiter": 20_000, "gtol": 1e-12, "ftol": 1e-16}
    )
    (W1, _), (W2, _) = unpack(res.x)
    incoming, outgoing = (W1**2).sum(axis=0), (W2**2).sum(axis=1)
    assert np.allclose(incoming, outgoing, atol=1e-5)
    assert np.abs(res.jac).max() < 1e-6  # a genuine stationary point, not an early stop


def test_scikit_learn_version_and_penalty_deprecation_named_on_the_page():
    import warnings

    import sklearn

    assert sklearn.__version__ == "1.9.1"  # the page names the version it tested
    X = np.random.default_rng(0).standard_normal((40, 2))
    y = (X[:, 0] > 0).astype(int)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        LogisticRegression(penalty="l2").fit(X, y)
    assert any(issubclass(w.category, FutureWarning) and "penalty" in str(w.message) for w in caught)


def test_intercept_scaling_brings_the_intercept_back(result):
    logi = result["logistic"]
    assert abs(logi["b_scaled"] - logi["b_free"]) < 0.01
    assert logi["b_free"] - logi["b_pen"] > 0.5


def test_logistic_c_translates_to_the_site_lambda(result):
    # C * sum(logloss) + ||w||^2 / 2 has the same minimiser as mean(logloss) + lam/2 ||w||^2, lam = 1/(n C).
    from scipy.optimize import minimize

    logi = result["logistic"]
    X, y, C = logi["X"], logi["y"], logi["C"]
    n = len(y)
    lam = 1 / (n * C)

    def site_form(theta):
        z = theta[0] + X @ theta[1:]
        return np.mean(np.logaddexp(0, z) - y * z) + lam / 2 * theta[1:] @ theta[1:]

    theta = minimize(site_form, np.zeros(3), method="BFGS", options={"gtol": 1e-12}).x
    assert theta[0] == pytest.approx(logi["b_free"], abs=1e-5)
    assert np.allclose(theta[1:], logi["w_free"], atol=1e-5)


# --- claims added for issue 14 -----------------------------------------------------------------


def test_least_squares_near_n_overfits_with_independent_features(result, printed):
    fit, near = result["fit"], result["near_square"]
    X, y, X_test, y_test = fit["X"], fit["y"], fit["X_test"], fit["y_test"]
    p = near["p"]
    assert p + 1 < fit["n"] and p + 3 >= fit["n"]  # "almost as many weights as examples"
    # Least squares by an independent route: lstsq on the design with a column of ones.
    A = np.column_stack([np.ones(len(y)), X[:, :p]])
    theta = np.linalg.lstsq(A, y, rcond=None)[0]
    A_test = np.column_stack([np.ones(len(y_test)), X_test[:, :p]])
    assert near["least_squares"]["test"] == pytest.approx(np.mean((y_test - A_test @ theta) ** 2), rel=1e-9)
    assert near["least_squares"]["train"] == pytest.approx(np.mean((y - A @ theta) ** 2), rel=1e-6, abs=1e-12)
    # The features are independent (no interplay to blame): sample correlations near zero.
    corr = np.corrcoef(X_test[:, :p].T)
    assert np.abs(corr - np.eye(p)).max() < 0.1
    # "fits almost exactly", "worse than predicting the mean".
    assert near["least_squares"]["train"] < 0.01 * near["least_squares"]["test"]
    assert near["least_squares"]["test"] > fit["null_test"]
    # A more strongly regularised and a simpler model both predict better: overfitting.
    assert near["ridge_best"]["lam"] > 0
    assert near["ridge_best"]["test"] < 0.5 * near["least_squares"]["test"]
    assert near["signal_only"]["test"] < near["ridge_best"]["test"]
    assert np.count_nonzero(fit["w_true"]) == fit["signal"]
    assert np.all(fit["w_true"][: fit["signal"]] != 0)  # the first ones are those that carry signal


def test_the_natural_exact_fit_predicts_well(result):
    fit, near = result["fit"], result["near_square"]
    small = fit["small"]["test"]
    assert small < fit["null_test"]  # better than predicting the mean
    assert small < near["least_squares"]["test"]  # better than the near-exact fit with fewer weights
    assert abs(small - fit["ridge_best"]["test"]) < 0.05 * small  # close to the best ridge
    assert fit["big"]["test"] > 3 * fit["null_test"]  # some interpolants are far worse


def test_gradient_descent_from_zero_reaches_the_minimum_norm_interpolant(result):
    fit = result["fit"]
    X, y = fit["X"], fit["y"]
    Xc, yc = X - X.mean(axis=0), y - y.mean()
    n = len(y)
    step = n / np.linalg.norm(Xc, 2) ** 2  # 1 / Lipschitz constant of the gradient of ||.||^2 / (2n)
    w = np.zeros(X.shape[1])
    for _ in range(20_000):
        w -= step * Xc.T @ (Xc @ w - yc) / n
    assert np.allclose(Xc @ w, yc, atol=1e-8)  # an exact fit
    assert np.allclose(w, fit["small"]["w"], atol=1e-8)  # and the smallest one
    # A start outside the row space reaches another exact fit, not the minimum-norm one.
    w = fit["null_direction"].copy()
    for _ in range(20_000):
        w -= step * Xc.T @ (Xc @ w - yc) / n
    assert np.allclose(Xc @ w, yc, atol=1e-8)
    assert np.linalg.norm(w) > fit["small"]["norm"] + 0.1


def test_a_symmetric_loss_can_be_convex():
    # ||w||^2 takes the same value at w and -w, and is convex: equal copies alone force nothing.
    rng = np.random.default_rng(7)
    for _ in range(100):
        w, v = rng.standard_normal(5), rng.standard_normal(5)
        assert w @ w == (-w) @ (-w)
        for t in np.linspace(0, 1, 11):
            m = (1 - t) * w + t * v
            assert m @ m <= (1 - t) * (w @ w) + t * (v @ v) + 1e-12


def test_an_unpenalised_intercept_adapts_to_any_weights(result):
    bias = result["bias"]
    x, y = bias["x"], bias["y"]
    for w in (-2.0, 0.0, 1.17, 5.0):
        residual = y - w * x
        grid = np.linspace(residual.mean() - 1, residual.mean() + 1, 2001)
        best = grid[np.argmin([np.mean((residual - b) ** 2) for b in grid])]
        assert best == pytest.approx(y.mean() - w * x.mean(), abs=1e-3)


def test_inline_verdicts_use_the_four_words():
    import re

    from scripts.pipeline import ROOT

    page = (ROOT / "docs" / "articles" / "networks.md").read_text(encoding="utf-8")
    verdicts = re.findall(r"\*\*Verdict[^*]*\*\*", page)
    assert len(verdicts) >= 12
    allowed = {f"**Verdict: {word}.**" for word in ("correct", "imprecise", "missing caveat", "wrong")}
    assert set(verdicts) <= allowed, set(verdicts) - allowed
