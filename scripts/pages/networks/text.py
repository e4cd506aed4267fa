"""The networks page's text: the numbers it quotes and its tables, formatted from the result."""

from __future__ import annotations

from scripts import fmt

# A change below 10**ROUNDING is rounding error, printed as a bound rather than a long decimal.
ROUNDING = -12


def numbers(r: dict) -> dict[str, str]:
    cat, fit, net, sym, paths, orbit = r["cat"], r["fit"], r["net"], r["symmetry"], r["paths"], r["orbit"]
    corr, prod, fac, bias, logi = r["corr"], r["product"], r["factored"], r["bias"], r["logistic"]
    near = r["near_square"]
    num = fmt.num
    out = {
        "cat.small": num(cat["small"]),
        "cat.large": num(cat["large"]),
        "cat.x": num(cat["x"]),
        "cat.out_small": fmt.integer(round(cat["out_small"])),
        "cat.out_large": fmt.integer(round(cat["out_large"])),
        "cat.ounce_small": num(cat["ounce_small"]),
        "fit.n": fmt.integer(fit["n"]),
        "fit.p": fmt.integer(fit["p"]),
        "fit.n_test": fmt.integer(fit["n_test"]),
        "fit.sigma": num(fit["sigma"]),
        "fit.signal": fmt.integer(fit["signal"]),
        "fit.null_test": num(fit["null_test"]),
        "fit.best_exact.test": num(fit["best_exact"]["test"]),
        "fit.best_exact.norm": num(fit["best_exact"]["norm"]),
        "fit.small.norm": num(fit["small"]["norm"]),
        "fit.big.norm": num(fit["big"]["norm"]),
        "fit.small.test": num(fit["small"]["test"]),
        "fit.big.test": num(fit["big"]["test"]),
        "fit.small.sens": num(fit["sens"]["small"]["rms_change"]),
        "fit.big.sens": num(fit["sens"]["big"]["rms_change"]),
        "fit.ridge_best.lam": num(fit["ridge_best"]["lam"]),
        "fit.ridge_best.test": num(fit["ridge_best"]["test"]),
        "fit.ridge_best.norm": num(fit["ridge_best"]["norm"]),
        "fit.ridge_best.train": num(fit["ridge_best"]["train"]),
        "fit.ridge_largest.lam": num(fit["ridge_largest"]["lam"]),
        "fit.ridge_largest.test": num(fit["ridge_largest"]["test"]),
        "fit.ridge_largest.train": num(fit["ridge_largest"]["train"]),
        "near_square.p": fmt.integer(near["p"]),
        "near_square.train": num(near["least_squares"]["train"]),
        "near_square.test": num(near["least_squares"]["test"]),
        "near_square.ridge_best.test": num(near["ridge_best"]["test"]),
        "near_square.signal_only.test": num(near["signal_only"]["test"]),
        "corr.rho": num(corr["rho"]),
        "corr.lam": num(corr["lam"]),
        "corr.ridge.w1": num(corr["ridge"].w[0]),
        "corr.ridge.w2": num(corr["ridge"].w[1]),
        "corr.lasso.w1": num(corr["lasso"].w[0]),
        "corr.lasso.w2": num(corr["lasso"].w[1]),
        "corr.lasso.share": fmt.percent(corr["share"]["lasso"]),
        "corr.repeats": fmt.integer(corr["repeats"]),
        "corr.lasso_keeps_one": fmt.percent(corr["lasso_keeps_one"]),
        "corr.ridge_share_min": fmt.percent(corr["ridge_share_min"], 1),
        "corr.ridge_share_max": fmt.percent(corr["ridge_share_max"], 1),
        "net.width": fmt.integer(net["width"]),
        "net.n": fmt.integer(net["n"]),
        "net.loss": num(net["loss"]),
        "net.loss_literal": num(net["loss_literal"]),
        "net.change_correct": fmt.num_or_below(net["change_correct"], ROUNDING),
        "net.change_literal": num(net["change_literal"]),
        "net.change_negative": num(net["change_negative"]),
        "net.output_bias": num(net["output_bias"]),
        "net.shift_literal_last": num(net["shift_literal_last_mean"]),
        "paths.loss_permuted": num(paths["loss_permuted"]),
        "paths.permutation_max": num(paths["permutation_max"]),
        "paths.permutation_ratio": num(paths["permutation_ratio"]),
        "paths.scale_segment_mid": num(paths["scale_segment_mid"]),
        "orbit.A": num(orbit["A"]),
        "orbit.B": num(orbit["B"]),
        "orbit.c_star": num(orbit["c_star"]),
        "orbit.p1": num(orbit["p1"]),
        "orbit.p2": num(orbit["p2"]),
        "orbit.p_star": num(orbit["p_star"]),
        "orbit.layer_part_star": num(orbit["layer_part_star"]),
        "orbit.balanced_in": num(orbit["balanced_in"]),
        "product.example_min": num(prod["example_min"]),
        "product.example_a": num(prod["example_a"]),
        "factored.lam": num(fac["lam"]),
        "factored.max_diff": fmt.num_or_below(fac["max_diff"], -10),
        "factored.lasso_zeros": fmt.integer(fac["lasso_zeros"]),
        "factored.factored_small": fmt.integer(fac["factored_small"]),
        "factored.ridge_zeros": fmt.integer(fac["ridge_zeros"]),
        "factored.p": fmt.integer(fac["p"]),
        "bias.lam": num(bias["lam"]),
        "bias.K": num(bias["K"]),
        "bias.free.b0": num(bias["free"][0, 0]),
        "bias.free.w0": num(bias["free"][0, 1]),
        "bias.free.bK": num(bias["free"][-1, 0]),
        "bias.free.wK": num(bias["free"][-1, 1]),
        "bias.free.mse": num(bias["free"][0, 2]),
        "bias.pen.b0": num(bias["pen"][0, 0]),
        "bias.pen.w0": num(bias["pen"][0, 1]),
        "bias.pen.bK": num(bias["pen"][-1, 0]),
        "bias.pen.wK": num(bias["pen"][-1, 1]),
        "bias.pen.mse0": num(bias["pen"][0, 2]),
        "bias.pen.mseK": num(bias["pen"][-1, 2]),
        "bias.centred_b": num(bias["centred_b"]),
        "bias.centred_ybar": num(bias["centred_ybar"]),
        "logistic.C": num(logi["C"]),
        "logistic.n": fmt.integer(logi["n"]),
        "logistic.b_free": num(logi["b_free"]),
        "logistic.b_pen": num(logi["b_pen"]),
        "logistic.b_scaled": num(logi["b_scaled"]),
        "logistic.scaling": num(logi["scaling"]),
        "logistic.share_data": fmt.percent(logi["share_data"]),
        "logistic.share_free": fmt.percent(logi["share_free"]),
        "logistic.share_pen": fmt.percent(logi["share_pen"]),
    }
    for name, row in sym.items():
        key = name.replace(" ", "_").lower()
        out[f"sym.{key}.scale"] = fmt.num_or_below(row["scale"], ROUNDING)
        out[f"sym.{key}.sign"] = fmt.num_or_below(row["sign"], ROUNDING)
    out["sym.sigmoid.sign_fixed"] = fmt.num_or_below(sym["sigmoid"]["sign_fixed"], ROUNDING)
    return out


def tables(r: dict) -> dict[str, str]:
    rows = []
    for name, row in r["symmetry"].items():
        sign = fmt.num_or_below(row["sign"], ROUNDING)
        if "sign_fixed" in row:
            sign += f" ({fmt.num_or_below(row['sign_fixed'], ROUNDING)} with the bias fix)"
        rows.append(
            [
                name,
                "yes" if row["homogeneous"] else "no",
                fmt.num_or_below(row["scale"], ROUNDING),
                fmt.num_or_below(row["literal"], ROUNDING),
                fmt.num(row["range"]),
                sign,
            ]
        )
    symmetry = fmt.table(
        [
            "activation $\\sigma$",
            "$\\sigma(cz) = c\\,\\sigma(z)$ for $c > 0$?",
            "change, correct rescaling ($c = 2$)",
            "change, article's literal rule",
            "output range (for scale)",
            "change, sign flip of every unit",
        ],
        rows,
        "lcrrrr",
    )
    c = r["corr"]
    corr = fmt.table(
        ["penalty", "$w_1$", "$w_2$", "share of $w_1$ in $w_1 + w_2$"],
        [
            [name, fmt.num(f.w[0]), fmt.num(f.w[1]), fmt.percent(c["share"][name])]
            for name, f in (("ridge", c["ridge"]), ("lasso", c["lasso"]))
        ],
    )
    return {"activation-symmetries": symmetry, "correlated-features": corr}


# Keys of numbers() that no page, erratum or lab quotes: the page's tests read them
# (tests/test_docs.py keeps this list exact).
INTERNAL_NUMBERS = frozenset(
    {
        "logistic.C",
        "sym.elu.sign",
        "sym.leaky_relu.scale",
        "sym.leaky_relu.sign",
        "sym.linear.scale",
        "sym.linear.sign",
        "sym.relu.scale",
        "sym.relu.sign",
        "sym.sigmoid.scale",
        "sym.sigmoid.sign",
        "sym.sigmoid.sign_fixed",
        "sym.softplus.sign",
        "sym.tanh.scale",
        "sym.tanh.sign",
    }
)
