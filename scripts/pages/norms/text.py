"""The norms page's numbers and tables: they read the result of ``compute()`` and format it."""

from __future__ import annotations

from scripts import fmt

from .experiments import (
    DEGREE,
    DESCENT_SHOWN,
    DESCENT_STEPS,
    EXERCISE_LAM,
    EXERCISE_W,
    EXERCISE_Z,
    LABELS,
    LASSO_FACTORS,
    N_TEST,
    PENALTY_STEP,
    RIDGE_FACTORS,
    RIDGE_ZERO_FLOOR,
    RIDGE_ZERO_LAMS,
    RIDGE_ZERO_N,
    SEED,
    SHOWN,
    SHOWN_NAMES,
    SIGMA,
    TRUTH,
    UNITS,
    X_MAX,
    N,
)

SHORT = {"a": "[a] quadratic", "b": "[b] ridge", "c": "[c] interpolant"}
ROUNDOFF_FLOOR = -20  # the interpolant's training MSE is rounding noise: print a bound, not machine digits


def sci(x: float, digits: int = 3) -> str:
    return fmt.sci(x, digits)


def feature_name(j: int) -> str:
    """x, x², ... for feature index j = 0..7."""
    return "x" + ("" if j == 0 else str(j + 1).translate(fmt.SUPERSCRIPT))


def feature_list(indices) -> str:
    return ", ".join(feature_name(j) for j in indices) or "none"


def train_mse(label: str, value: float) -> str:
    """The interpolant's training error is rounding noise: a bound; the others as numbers."""
    return fmt.below(value, ROUNDOFF_FLOOR) if label == "c" else fmt.num(value)


def numbers(r: dict) -> dict[str, str]:
    out = {
        "n": fmt.integer(N),
        "degree": fmt.integer(DEGREE),
        "params": fmt.integer(DEGREE + 1),
        "n_test": fmt.integer(N_TEST),
        "sigma": fmt.num(SIGMA),
        "noise_var": fmt.num(r["noise_var"]),
        "x_max": fmt.num(X_MAX),
        "seed": fmt.integer(SEED),
        "lam_max": fmt.num(r["lam_max"]),
        "lam_b": fmt.num(r["lam_b"]),
        "lam_b_ratio": fmt.num(r["lam_b_ratio"]),
        "n_lasso": fmt.integer(len(LASSO_FACTORS)),
        "n_ridge": fmt.integer(len(RIDGE_FACTORS)),
        "ridge_min_factor": sci(RIDGE_FACTORS.min()),
        "ridge_max_factor": fmt.num(RIDGE_FACTORS.max()),
        "lasso_min_factor": fmt.num(LASSO_FACTORS.min()),
    }
    for k, fit in r["fits"].items():
        p = f"fit.{k}"
        out[f"{p}.train_mse"] = train_mse(k, fit["train_mse"])
        out[f"{p}.test_mse"] = fmt.num(fit["test_mse"])
        out[f"{p}.l1"] = sci(fit["norms"]["l1"])
        out[f"{p}.l2"] = sci(fit["norms"]["l2"])
        out[f"{p}.sq"] = sci(fit["norms"]["sq"])
        out[f"{p}.roughness"] = sci(fit["roughness"])
        out[f"{p}.intercept"] = fmt.num(fit["coef"][0])
        out[f"{p}.top"] = sci(fit["coef"][DEGREE])
        out[f"{p}.top_cm"] = sci(fit["top_cm"])
        out[f"{p}.l0"] = fmt.integer(fit["norms"]["l0"])
        out[f"{p}.linf"] = sci(fit["norms"]["linf"])
    ratios = r["ratios"]
    out["ratio.test_c_over_a"] = fmt.num(ratios["test_c_over_a"])
    out["ratio.sq_c_over_a"] = sci(ratios["sq_c_over_a"])
    out["ratio.rough_c_over_a"] = sci(ratios["rough_c_over_a"])
    for basis, vals in r["bases"].items():
        for k, nm in vals.items():
            out[f"basis.{basis}.{k}.l1"] = sci(nm["l1"])
            out[f"basis.{basis}.{k}.l2"] = sci(nm["l2"])
        out[f"basis.{basis}.ratio_c_a"] = sci(r["ratio_c_a"][basis])
    out["basis.spread_c"] = sci(r["spread_c"])
    # penalties of one weight
    pen = r["penalties"]
    for w, sq in pen["sq"].items():
        out[f"pen.sq.{fmt.num(w)}"] = fmt.num(sq)
    out["pen.ratio_sq_10_11"] = fmt.num(pen["ratio_sq_step"])
    out["pen.step.from"] = fmt.num(PENALTY_STEP[0])
    out["pen.step.to"] = fmt.num(PENALTY_STEP[1])
    out["truth.linear"] = fmt.num(TRUTH[1])
    out["truth.quadratic"] = fmt.num(TRUTH[2])
    out["units.cm"] = fmt.num(UNITS["cm"])
    out["pen.ratio_exp"] = fmt.num(pen["ratio_exp"])
    # lasso and ridge fits
    for (method, factor), s in r["shown"].items():
        p = f"{method}.{SHOWN_NAMES[SHOWN.index(factor)]}"
        out[f"{p}.lam"] = fmt.num(s["lam"])
        out[f"{p}.zeros"] = fmt.integer(s["zeros"])
        out[f"{p}.nonzero"] = fmt.integer(s["nonzero"])
        out[f"{p}.support"] = feature_list(s["support"])
        out[f"{p}.test_mse"] = fmt.num(s["test_mse"])
        out[f"{p}.train_mse"] = fmt.num(s["train_mse"])
        out[f"{p}.min_abs_w"] = sci(s["min_abs_w"])
        out[f"{p}.max_abs_inner_off"] = "none" if s["max_abs_inner_off"] is None else fmt.num(s["max_abs_inner_off"])
    st = r["stability"]
    out["lasso.loo.fits"] = fmt.integer(st["fits"])
    out["lasso.loo.distinct"] = fmt.integer(st["distinct"])
    out["lasso.loo.same"] = fmt.integer(st["same"])
    out["fit.c.l2_first3"] = sci(ratios["c_l2_first3"])
    out["lasso.path.first"] = feature_list(r["first_support"])
    out["lasso.path.left"] = feature_list(r["leavers"])
    out["lasso.path.max_nonzero"] = fmt.integer(r["max_nonzero"])
    out["ridge.path.min_abs_w"] = sci(r["ridge_min_abs_w"])
    out["ridge.best_test"] = fmt.num(r["ridge_best"])
    out["lasso.best_test"] = fmt.num(r["lasso_best"])
    out["ridge.nonmonotone_count"] = fmt.integer(len(r["ridge_nonmonotone"]))
    out["ridge.nonmonotone_features"] = feature_list(r["ridge_nonmonotone"])
    out["ridge.sign_change_count"] = fmt.integer(len(r["ridge_sign_changes"]))
    # gradient descent demonstration
    d = r["descent"]["summary"]
    out["descent.lam"] = fmt.num(r["descent"]["lam"])
    out["descent.step"] = fmt.num(r["descent"]["step"])
    out["descent.steps"] = fmt.integer(DESCENT_STEPS)
    out["descent.zero_count"] = fmt.integer(len(d["zero"]))
    out["descent.sub_exact_zeros"] = fmt.integer(d["sub_exact_zeros"])
    out["descent.sub_amplitude"] = fmt.num(d["sub_amplitude"])
    out["descent.step_lam"] = fmt.num(d["step_lam"])
    out["descent.ista_exact_from"] = fmt.integer(d["ista_exact_from"])
    out["descent.watched"] = feature_name(d["watched"])
    out["descent.watched_ista_from"] = fmt.integer(d["watched_ista_from"])
    out["descent.watched_sign_changes"] = fmt.integer(d["watched_sign_changes"])
    out["descent.watched_max_abs"] = fmt.num(d["watched_max_abs"])
    out["descent.shown"] = fmt.integer(DESCENT_SHOWN)
    out["descent.support"] = feature_list(d["support"])
    # when a ridge weight is zero at every lambda
    rz = r["ridge_zero"]
    out["ridge_zero.n"] = fmt.integer(RIDGE_ZERO_N)
    out["ridge_zero.n_lams"] = fmt.integer(len(RIDGE_ZERO_LAMS))
    out["ridge_zero.lam_min"] = fmt.num(RIDGE_ZERO_LAMS.min())
    out["ridge_zero.lam_max"] = fmt.num(RIDGE_ZERO_LAMS.max())
    out["ridge_zero.corr_x1_x2"] = fmt.num(rz["corr_x1_x2"])
    out["ridge_zero.a.max_abs_w12"] = fmt.below(max(rz["a"]["max_abs_w1"], rz["a"]["max_abs_w2"]), RIDGE_ZERO_FLOOR)
    for case in ("a", "b"):
        out[f"ridge_zero.{case}.corr_x1_y"] = fmt.below(rz[case]["corr_x1_y"], RIDGE_ZERO_FLOOR)
    out["ridge_zero.b.max_abs_w1"] = fmt.num(rz["b"]["max_abs_w1"])
    out["ridge_zero.b.min_abs_w1"] = sci(rz["b"]["min_abs_w1"])
    out["ridge_zero.b.krylov1"] = fmt.num(rz["b"]["krylov_x1"][1])
    # exercises
    ex = r["exercises"]
    z_small, z_big = EXERCISE_Z
    out["ex.lam"] = fmt.num(EXERCISE_LAM)
    out["ex.z_small"] = fmt.num(z_small)
    out["ex.z_big"] = fmt.num(z_big)
    for key in ("lasso_small", "lasso_big", "ridge_small", "ridge_big"):
        out[f"ex.{key}"] = fmt.num(ex[key])
    out["ex.w"] = "(" + ", ".join(fmt.num(v) for v in EXERCISE_W) + ")"
    out["ex.l0"] = fmt.integer(ex["norms"]["l0"])
    out["ex.l1"] = fmt.num(ex["norms"]["l1"])
    out["ex.l2"] = fmt.num(ex["norms"]["l2"])
    out["ex.sq"] = fmt.num(ex["norms"]["sq"])
    out["ex.linf"] = fmt.num(ex["norms"]["linf"])
    out["ex.top_factor"] = sci(ex["top_factor"])
    return out


def kkt_condition(w: float, strictly_inside: bool) -> str:
    if w != 0:
        return "equals $\\lambda \\sign(w_j)$"
    if strictly_inside:
        return "strictly inside $(-\\lambda, \\lambda)$, which forces $w_j = 0$"
    return "at $\\pm\\lambda$: allowed for $w_j = 0$, but not forcing it"


BASIS_NAMES = {
    "m.with": "monomials, $x$ in metres, intercept included",
    "m.without": "monomials, $x$ in metres, intercept left out",
    "cm.with": "monomials, $x$ in centimetres, intercept included",
    "cm.without": "monomials, $x$ in centimetres, intercept left out",
    "standardised": "standardised features $(x^k - \\text{mean}) / \\text{sd}$, no intercept",
    "legendre": "Legendre polynomials on the interval, no constant term",
}


def tables(r: dict) -> dict[str, str]:
    data = fmt.table(
        ["point", "$x$ (m)", "$y$"],
        [
            [fmt.integer(i + 1), fmt.fixed(xi, 3), fmt.fixed(yi, 3)]
            for i, (xi, yi) in enumerate(zip(r["x"], r["y"], strict=True))
        ],
        "rrr",
    )
    fits = fmt.table(
        [
            "curve",
            "training MSE",
            "held-out MSE",
            "$\\norm{c}_1$",
            "$\\norm{c}_2$",
            "$\\norm{c}_2^2$",
            "roughness",
        ],
        [
            [
                SHORT[k],
                train_mse(k, f["train_mse"]),
                fmt.num(f["test_mse"]),
                sci(f["norms"]["l1"]),
                sci(f["norms"]["l2"]),
                sci(f["norms"]["sq"]),
                sci(f["roughness"]),
            ]
            for k, f in r["fits"].items()
        ],
    )
    coef_rows = []
    for i in range(DEGREE + 1):
        coef_rows.append(
            [f"$x^{i}$" if i > 1 else ("$x$" if i == 1 else "$1$ (intercept)")]
            + [sci(r["fits"][k]["coef"][i]) for k in LABELS]
        )
    coefficients = fmt.table(["monomial", SHORT["a"], SHORT["b"], SHORT["c"]], coef_rows)
    basis = fmt.table(
        ["basis", *(SHORT[k] for k in LABELS), "ratio [c] / [a]"],
        [
            [
                BASIS_NAMES[b],
                *(sci(r["bases"][b][k]["l2"]) for k in LABELS),
                sci(r["ratio_c_a"][b]),
            ]
            for b in BASIS_NAMES
        ],
        "lrrrr",
    )
    s = r["shown"][("lasso", SHOWN[1])]
    kkt = fmt.table(
        ["feature", "lasso weight $w_j$", "$x_j\\trans r / n$", "condition"],
        [
            [
                feature_name(j),
                fmt.fixed(s["w"][j], 4) if s["w"][j] != 0 else "0 (exactly)",
                fmt.fixed(s["inner"][j], 4),
                kkt_condition(s["w"][j], s["strictly_inside"][j]),
            ]
            for j in range(DEGREE)
        ],
        "lrrl",
    )
    return {
        "data": data,
        "three-fits": fits,
        "coefficients": coefficients,
        "norms-by-basis": basis,
        "subgradient-check": kkt,
    }


# Keys of numbers() that no page, erratum or lab quotes: the page's tests read them
# (tests/test_docs.py keeps this list exact).
INTERNAL_NUMBERS = frozenset(
    {
        "basis.cm.with.a.l1",
        "basis.cm.with.b.l1",
        "basis.cm.with.c.l1",
        "basis.cm.without.a.l1",
        "basis.cm.without.a.l2",
        "basis.cm.without.b.l1",
        "basis.cm.without.b.l2",
        "basis.cm.without.c.l1",
        "basis.cm.without.c.l2",
        "basis.legendre.a.l1",
        "basis.legendre.a.l2",
        "basis.legendre.b.l1",
        "basis.legendre.b.l2",
        "basis.legendre.c.l1",
        "basis.legendre.c.l2",
        "basis.m.with.a.l1",
        "basis.m.with.a.l2",
        "basis.m.with.b.l1",
        "basis.m.with.b.l2",
        "basis.m.with.c.l1",
        "basis.m.with.c.l2",
        "basis.m.with.ratio_c_a",
        "basis.m.without.a.l1",
        "basis.m.without.a.l2",
        "basis.m.without.b.l1",
        "basis.m.without.b.l2",
        "basis.m.without.c.l1",
        "basis.m.without.c.l2",
        "basis.m.without.ratio_c_a",
        "basis.standardised.a.l1",
        "basis.standardised.a.l2",
        "basis.standardised.b.l1",
        "basis.standardised.b.l2",
        "basis.standardised.c.l1",
        "basis.standardised.c.l2",
        "descent.sub_amplitude",
        "descent.watched",
        "fit.a.intercept",
        "fit.a.top",
        "fit.a.top_cm",
        "fit.b.l0",
        "fit.b.l1",
        "fit.b.l2",
        "fit.b.linf",
        "fit.b.roughness",
        "fit.b.sq",
        "fit.b.top",
        "fit.b.top_cm",
        "fit.b.train_mse",
        "fit.c.l0",
        "fit.c.l1",
        "fit.c.linf",
        "fit.c.sq",
        "lam_b_ratio",
        "lasso.large.max_abs_inner_off",
        "lasso.large.min_abs_w",
        "lasso.large.nonzero",
        "lasso.large.test_mse",
        "lasso.large.train_mse",
        "lasso.large.zeros",
        "lasso.medium.max_abs_inner_off",
        "lasso.medium.min_abs_w",
        "lasso.medium.nonzero",
        "lasso.medium.test_mse",
        "lasso.medium.train_mse",
        "lasso.medium.zeros",
        "lasso.path.max_nonzero",
        "lasso.small.max_abs_inner_off",
        "lasso.small.min_abs_w",
        "lasso.small.nonzero",
        "lasso.small.test_mse",
        "lasso.small.train_mse",
        "lasso.small.zeros",
        "n_ridge",
        "params",
        "ridge.large.lam",
        "ridge.large.max_abs_inner_off",
        "ridge.large.min_abs_w",
        "ridge.large.support",
        "ridge.large.test_mse",
        "ridge.large.train_mse",
        "ridge.large.zeros",
        "ridge.medium.lam",
        "ridge.medium.max_abs_inner_off",
        "ridge.medium.min_abs_w",
        "ridge.medium.nonzero",
        "ridge.medium.support",
        "ridge.medium.test_mse",
        "ridge.medium.train_mse",
        "ridge.medium.zeros",
        "ridge.small.lam",
        "ridge.small.max_abs_inner_off",
        "ridge.small.min_abs_w",
        "ridge.small.nonzero",
        "ridge.small.support",
        "ridge.small.test_mse",
        "ridge.small.train_mse",
        "ridge.small.zeros",
        "ridge_max_factor",
        "ridge_min_factor",
        "ridge_zero.a.corr_x1_y",
    }
)
