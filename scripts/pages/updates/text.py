"""The updates page's quoted numbers and tables: they only read the result and format it."""

from __future__ import annotations

from scripts import fmt

METHOD_LABELS = {
    "none": "no penalty",
    "ridge": "L2 (ridge), gradient step",
    "subgradient": "L1, subgradient step",
    "proximal": "L1, proximal step",
    "cd": "L1, coordinate descent",
}

ROUNDING = -12  # differences at rounding level: print a bound, since their digits vary between machines


def tiny(x: float) -> str:
    """A rounding-level difference as the bound "10⁻¹²" (the same on every machine); exact zero as 0."""
    return fmt.zero_or_bound(x, ROUNDING)


def step_key(factor: float) -> str:
    return f"multi.step.{fmt.num(factor).replace('.', '_')}"


def numbers(r: dict) -> dict[str, str]:
    one, m, d, s, o, ex = r["one"], r["multi"], r["doubling"], r["small"], r["overfit"], r["exercises"]
    out = {}
    # one feature
    t = one["traces"]
    out["one.n"] = fmt.integer(one["n"])
    out["one.lam"] = fmt.num(one["lam"])
    out["one.eta"] = fmt.num(one["eta"])
    out["one.eta_lam"] = fmt.num(one["eta_lam"])
    out["one.w0"] = fmt.num(one["w0"])
    out["one.iterations"] = fmt.integer(one["n_iter"])
    out["one.corr"] = fmt.num(one["corr"])
    out["one.ols"] = fmt.num(t["none"][-1])
    out["one.ridge"] = fmt.num(t["ridge"][-1])
    out["one.ridge_exact"] = fmt.num(one["ridge_exact"])
    out["one.prox_zero_at"] = fmt.integer(one["prox_zero_at"])
    out["one.cd_zero_at"] = fmt.integer(one["cd_zero_at"])
    out["one.sub_low"] = fmt.num(one["sub_low"])
    out["one.sub_high"] = fmt.num(one["sub_high"])
    out["one.sub_zeros"] = fmt.integer(one["sub_zeros"])
    # multivariate
    out["multi.n"] = fmt.integer(m["n"])
    out["multi.p"] = fmt.integer(m["p"])
    out["multi.relevant"] = fmt.integer(m["n_relevant"])
    out["multi.irrelevant"] = fmt.integer(m["p"] - m["n_relevant"])
    out["multi.lam"] = fmt.num(m["lam"])
    out["multi.w0"] = fmt.num(m["w0"])
    out["multi.iterations"] = fmt.integer(m["n_iter"])
    out["multi.L"] = fmt.num(m["L"])
    out["multi.eta"] = fmt.num(m["eta"])
    out["multi.eta_lam"] = fmt.num(m["eta_lam"])
    for method, end in m["end"].items():
        out[f"multi.zeros.{method}"] = fmt.integer(end["zeros"])
    out["multi.zeros.lasso"] = fmt.integer(m["lasso_zeros"])
    out["multi.cd_sweeps"] = fmt.integer(m["cd_sweeps"])
    out["multi.cd_zero_at"] = fmt.integer(m["cd_zero_at"])
    out["multi.prox_zero_at"] = fmt.integer(m["prox_zero_at"])
    out["multi.sub_ever_zero"] = fmt.integer(m["sub_ever_zero"])
    out["multi.wobble"] = fmt.num(m["wobble"])
    out["multi.wobble_small"] = fmt.num(m["wobble_small"])
    out["multi.eta_small_factor"] = fmt.num(m["eta_small_factor"])
    out["multi.wobble_ratio"] = fmt.num(m["wobble_ratio"], 2)
    out["multi.sub_gap"] = fmt.num(m["subgradient_gap"])
    out["multi.kkt"] = tiny(m["kkt"])
    out["multi.ridge_smallest"] = fmt.num(m["ridge_smallest"])
    out["multi.ols_smallest"] = fmt.num(m["ols_smallest"])
    out["multi.L_ridge"] = fmt.num(m["L_ridge"])
    out["multi.eta_limit"] = fmt.num(m["eta_limit"])
    for factor in m["stability"]:
        out[step_key(factor)] = fmt.num(factor)
    out["multi.diverge.start"] = fmt.num(m["diverge"]["start"])
    out["multi.diverge.end"] = fmt.num(m["diverge"]["end"])
    out["multi.diverge.steps"] = fmt.integer(m["diverge"]["steps"])
    out["multi.t"] = fmt.num(m["t"])
    out["multi.constrained_gap"] = tiny(m["constrained_gap"])
    # the article's eta = 1 in its own units
    out["multi.article_L"] = fmt.num(m["article_L"])
    out["multi.article_eta_limit"] = fmt.num(m["article_eta_limit"])
    # doubling
    out["doubling.lam0"] = fmt.num(d["lam0"])
    out["doubling.lam0_half"] = fmt.num(d["lam0_half"])
    out["doubling.site_lam"] = fmt.num(d["site_lam"])
    out["doubling.same_gap"] = tiny(d["same_gap"])
    out["doubling.site_gap"] = tiny(d["site_gap"])
    out["doubling.trace_gap"] = tiny(d["trace_gap"])
    out["doubling.diff_gap"] = fmt.num(d["diff_gap"])
    # small coefficients
    for j in range(len(s["ols_w"])):
        name = f"x{j + 1}"
        out[f"small.ols.{name}"] = fmt.num(s["ols_w"][j])
        out[f"small.std.{name}"] = fmt.num(s["standardised_w"][j])
        out[f"small.lasso.{name}"] = fmt.num(s["lasso_std_w"][j])
        out[f"small.sd.{name}"] = fmt.num(s["sd"][j])
    out["small.lasso_x2_raw"] = fmt.num(s["lasso_raw_units"][1])
    out["small.scale_x2"] = fmt.num(s["scale_x2"])
    out["small.n_train"] = fmt.integer(s["n_train"])
    out["small.n_test"] = fmt.integer(s["n_test"])
    out["small.noise_var"] = fmt.num(s["noise_var"])
    for key in ("mse_all", "mse_without_x2", "mse_without_x45", "mse_without_x245"):
        out[f"small.{key}"] = fmt.num(s[key])
    out["small.x2_ratio"] = fmt.num(s["x2_ratio"])
    out["small.lam"] = fmt.num(s["lam"])
    out["small.lasso_zeros"] = fmt.integer(s["lasso_zeros"])
    # overfitting
    ps = list(o["ps"])
    out["overfit.n"] = fmt.integer(o["n"])
    out["overfit.relevant"] = fmt.integer(o["relevant"])
    out["overfit.reps"] = fmt.integer(o["reps"])
    out["overfit.p_max"] = fmt.integer(ps[-1])
    out["overfit.lam"] = fmt.num(o["lam"])
    out["overfit.noise_var"] = fmt.num(o["noise_var"])
    for p in (1, o["relevant"], 25, ps[-1]):
        i = ps.index(p)
        out[f"overfit.p{p}"] = fmt.integer(p)
        for key, values in o["median"].items():
            out[f"overfit.{key}.p{p}"] = fmt.num(values[i])
    for p in (1, o["relevant"]):
        out[f"overfit.gap.p{p}"] = fmt.num(o["median_gap"][ps.index(p)])
    out["overfit.null_test"] = fmt.num(o["null_median"])
    out["overfit.best_p"] = fmt.integer(o["best_p"])
    # one feature, few examples
    f = r["few"]
    out["few.slope"] = fmt.num(f["slope"])
    out["few.noise_var"] = fmt.num(f["noise_var"])
    out["few.reps"] = fmt.integer(f["reps"])
    for n, by_n in f["by_n"].items():
        out[f"few.n{n}"] = fmt.integer(n)
        out[f"few.ols.n{n}"] = fmt.num(by_n["ols"])
        out[f"few.mean_only.n{n}"] = fmt.num(by_n["mean_only"])
    # Intuition A: which way to move away from least squares
    sh = r["shift"]
    for key in ("n", "p", "reps"):
        out[f"shift.{key}"] = fmt.integer(sh[key])
    out["shift.lam"] = fmt.num(sh["lam"])
    for key, value in sh["mean"].items():
        out[f"shift.{key}"] = fmt.num(value)
    out["shift.random_helps"] = fmt.integer(sh["random_helps"])
    # exercises
    e1, e2, e3 = ex["ex1"], ex["ex2"], ex["ex3"]
    for key in ("w", "g", "eta", "lam", "sub", "prox", "threshold", "before"):
        out[f"ex1.{key}"] = fmt.num(e1[key])
    out["ex2.lam_art"] = fmt.num(e2["lam_art"])
    out["ex2.n"] = fmt.integer(e2["n"])
    out["ex2.per_example"] = fmt.num(e2["per_example"])
    out["ex2.once"] = fmt.num(e2["once"])
    out["ex3.limit"] = fmt.num(e3["limit"])
    return out


# --- tables ----------------------------------------------------------------------------------


def _doubling_table(d: dict) -> str:
    rows = []
    for label, penalty, lam, w in (
        ("the article", "$\\lambda_{\\text{art}} w^2$", d["lam0"], d["w_art"]),
        ("halved penalty, same λ", "$\\tfrac{\\lambda_{\\text{art}}}{2} w^2$", d["lam0"], d["w_half_same"]),
        ("halved penalty, doubled λ", "$\\tfrac{\\lambda_{\\text{art}}}{2} w^2$", d["lam0_double"], d["w_half_double"]),
    ):
        rows.append(
            [label, "$\\sum_i (y_i - \\hat y_i)^2$", penalty, fmt.num(lam), fmt.fixed(w[0], 4), fmt.fixed(w[2], 4)]
        )
    rows.append(
        [
            "this site",
            "$\\frac{1}{2n}\\sum_i (y_i - \\hat y_i)^2$",
            "$\\tfrac{\\lambda}{2} w^2$",
            fmt.num(d["site_lam"]),
            fmt.fixed(d["w_site"][0], 4),
            fmt.fixed(d["w_site"][2], 4),
        ]
    )
    return fmt.table(["convention", "data term", "penalty", "value of λ", "$w_1$", "$w_3$"], rows, "lllrrr")


def _zeros_table(m: dict) -> str:
    rows = []
    for method, label in METHOD_LABELS.items():
        end = m["end"][method]
        unit = "sweeps" if method == "cd" else "steps"
        rows.append(
            [
                label,
                f"{fmt.integer(end['run'])} {unit}",
                ", ".join(fmt.num(v) for v in end["relevant"]),
                fmt.integer(end["zeros"]),
                fmt.num(end["largest_irrelevant"]),
            ]
        )
    head = [
        "method",
        "run",
        "$w_1, w_2, w_3$ at the end",
        "exact zeros at the end",
        "largest irrelevant weight, in size",
    ]
    return fmt.table(head, rows, "llrrr")


def _small_tables(s: dict) -> tuple[str, str]:
    rows = [
        [
            f"$x_{j + 1}$",
            fmt.num(s["sd"][j]),
            fmt.num(s["ols_w"][j]),
            fmt.num(s["standardised_w"][j]),
            fmt.num(s["lasso_std_w"][j]),
        ]
        for j in range(len(s["ols_w"]))
    ]
    small = fmt.table(
        [
            "feature",
            "standard deviation",
            "least-squares weight (raw units)",
            "weight × standard deviation",
            f"lasso weight, standardised, λ = {fmt.num(s['lam'])}",
        ],
        rows,
        "lrrrr",
    )
    rows_m = [
        ["all six features", fmt.num(s["mse_all"])],
        ["without $x_2$", fmt.num(s["mse_without_x2"])],
        ["without $x_4$ and $x_5$", fmt.num(s["mse_without_x45"])],
        ["without $x_2$, $x_4$ and $x_5$ (the article's advice)", fmt.num(s["mse_without_x245"])],
    ]
    drop = fmt.table(["least-squares model fitted on", "test mean squared error"], rows_m, "lr")
    return small, drop


def tables(r: dict) -> dict[str, str]:
    small, drop = _small_tables(r["small"])
    return {
        "doubling": _doubling_table(r["doubling"]),
        "zeros": _zeros_table(r["multi"]),
        "small-coefficients": small,
        "drop-features": drop,
    }


# Keys of numbers() that no page, erratum or lab quotes: the page's tests read them
# (tests/test_docs.py keeps this list exact).
INTERNAL_NUMBERS = frozenset(
    {
        "doubling.lam0_half",
        "multi.eta_lam",
        "multi.ols_smallest",
        "multi.zeros.cd",
        "overfit.p1",
        "overfit.p5",
        "overfit.ridge_test.p5",
        "overfit.ridge_train.p1",
        "overfit.ridge_train.p25",
        "overfit.ridge_train.p48",
        "overfit.ridge_train.p5",
        "small.lasso.x1",
        "small.lasso.x3",
        "small.lasso.x4",
        "small.lasso.x5",
        "small.lasso.x6",
        "small.mse_without_x2",
        "small.mse_without_x245",
        "small.ols.x1",
        "small.ols.x3",
        "small.ols.x4",
        "small.ols.x5",
        "small.ols.x6",
        "small.sd.x1",
        "small.sd.x2",
        "small.sd.x3",
        "small.sd.x4",
        "small.sd.x5",
        "small.sd.x6",
        "small.std.x1",
        "small.std.x3",
        "small.std.x4",
        "small.std.x5",
        "small.std.x6",
    }
)
