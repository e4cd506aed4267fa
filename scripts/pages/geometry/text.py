"""What the geometry page prints: ``numbers(result)`` and ``tables(result)`` only read the result and format it."""

from __future__ import annotations

from scripts import fmt

from .experiments import (
    FOLDS,
    MAP_BUDGETS,
    MAP_CONFIG,
    PATH_FINE_STEPS,
    ZERO_FRACTIONS,
    ZERO_N,
    ZERO_P,
    ZERO_PROBLEMS,
    ZERO_RHO_MAX,
)

PANELS = "abcd"


def sci(x: float, digits: int = 3) -> str:
    """x as 'm × 10ᵏ' (with no-break spaces) for very small or large values, plain otherwise."""
    return fmt.sci(x, digits, space="\u00a0")


def vector(w) -> str:
    return "(" + ", ".join(fmt.num(v) if abs(v) > 1e-12 else "0" for v in w) + ")"


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def numbers(r: dict) -> dict[str, str]:
    out: dict[str, str] = {}
    g = r["geometry"]
    for letter, p in zip(PANELS, g["panels"], strict=True):
        out[f"geo.{letter}.rho"] = fmt.num(p["rho"])
        out[f"geo.{letter}.ols"] = vector(p["ols"])
        out[f"geo.{letter}.t"] = fmt.num(p["t"])
        out[f"geo.{letter}.gap"] = fmt.num(p["weight_gap"])
        for kind in ("lasso", "ridge"):
            out[f"geo.{letter}.{kind}.w"] = vector(p[kind]["w"])
            out[f"geo.{letter}.{kind}.lam"] = fmt.num(p[kind]["lam"])
    m = g["map"]
    out["map.panel"] = PANELS[MAP_CONFIG]
    out["map.lambda_max"] = fmt.num(g["panels"][MAP_CONFIG]["lambda_max"])
    out["map.leave.lam"] = fmt.num(m["leave_lam"])
    out["map.leave.t"] = fmt.num(m["leave_t"])
    out["map.ridge.top"] = fmt.num(m["ridge_top"])
    out["map.lasso.top"] = fmt.num(m["lasso_top"])
    out["map.budgets"] = fmt.integer(MAP_BUDGETS)

    z = r["zeros"]
    out["zeros.problems"] = fmt.integer(ZERO_PROBLEMS)
    out["zeros.n"] = fmt.integer(ZERO_N)
    out["zeros.p"] = fmt.integer(ZERO_P)
    out["zeros.levels"] = fmt.integer(len(ZERO_FRACTIONS))
    for f, lasso, some in zip(z["fractions"], z["lasso"], z["lasso_some"], strict=True):
        key = fmt.num(f).replace(".", "_")
        out[f"zeros.lasso.{key}"] = fmt.percent(lasso)
        out[f"zeros.some.{key}"] = fmt.percent(some)
        out[f"zeros.fraction.{key}"] = fmt.num(f)
    out["zeros.rho_max"] = fmt.num(ZERO_RHO_MAX)
    out["zeros.ridge_weights"] = fmt.integer(z["ridge_weights"])
    out["zeros.ridge_zero"] = fmt.integer(z["ridge_zero_count"])
    out["zeros.smallest_ridge"] = sci(z["smallest_ridge"])

    pa = r["paths"]
    names = r["names"]
    groups = pa["groups"]
    out["n"] = fmt.integer(r["n"])
    out["paths.lam_max"] = fmt.num(pa["lam_max"])
    exact = [names[j] for j in pa["exact_order"]]
    out["paths.order"] = ", ".join(exact[:-1]) + " and " + exact[-1]
    out["paths.grid_ties"] = "; ".join(_and(grp) for grp in pa["grid_ties"]) if pa["grid_ties"] else "none"
    for j, name in enumerate(names):
        out[f"paths.entry.{name}"] = fmt.num(pa["entry"][j])
    out["paths.lam_max_ddof1"] = fmt.num(pa["lam_max_ddof1"])
    out["paths.lam_max_unit_norm"] = fmt.num(pa["lam_max_unit_norm"], 4)
    out["paths.first"] = names[pa["order"][0]]
    out["paths.second"] = names[pa["order"][1]]
    out["paths.leaves"] = _and(pa["leaves"]) if pa["leaves"] else "none"
    out["paths.last_group"] = _and(groups[-1])
    out["paths.fine_steps"] = fmt.integer(PATH_FINE_STEPS)
    out["paths.ridge_big_lam"] = sci(pa["ridge_big_lam"])
    out["paths.ridge_big_ratio"] = fmt.num(pa["ridge_big_ratio"])
    out["paths.ridge_big_min"] = sci(pa["ridge_big_min"])
    out["paths.ridge_big_max"] = fmt.num(pa["ridge_big_max"])
    out["paths.ridge_big_nonzero"] = fmt.integer(pa["ridge_big_nonzero"])
    out["paths.below_nonzero"] = fmt.integer(pa["below_nonzero"])
    out["paths.below_fraction"] = fmt.num(pa["below_fraction"])
    out["paths.fine_low"] = fmt.num(pa["fine_low"])
    out["paths.coarse_low"] = fmt.num(pa["coarse_low"])
    out["paths.ridge_low"] = fmt.num(pa["ridge_low"])
    out["paths.y_mean"] = fmt.num(r["article"]["y_mean"])
    bmi = names.index("bmi")
    out["paths.scaled_limit_bmi"] = fmt.num(pa["scaled_limit"][bmi])
    out["paths.xty_bmi"] = fmt.num(pa["xty"][bmi])

    c = r["choosing"]
    out["cv.n_train"] = fmt.integer(c["n_train"])
    out["cv.n_test"] = fmt.integer(c["n_test"])
    out["cv.folds"] = fmt.integer(FOLDS)
    out["cv.ridge.p"] = fmt.integer(c["ridge"]["p"])
    for which in ("best", "one_se"):
        out[f"cv.ridge.{which}.df"] = fmt.num(c["ridge"]["df"][c["ridge"]["cv"][which]])
    for kind in ("ridge", "lasso"):
        k = c[kind]
        cv, s = k["cv"], k["summary"]
        for which in ("best", "one_se"):
            i = cv[which]
            out[f"cv.{kind}.{which}.lam"] = fmt.num(k["lams"][i])
            out[f"cv.{kind}.{which}.cv"] = fmt.num(cv["mean"][i])
            out[f"cv.{kind}.{which}.test"] = fmt.num(k["test"][i])
            out[f"cv.{kind}.{which}.nonzero"] = fmt.integer(k["nonzero"][i])
        out[f"cv.{kind}.se"] = fmt.num(cv["se"][cv["best"]])
        out[f"cv.{kind}.lam.count"] = fmt.integer(len(k["lams"]))
        out[f"cv.{kind}.ols.test"] = fmt.num(k["ols"]["test"])
        out[f"cv.{kind}.ols.cv"] = fmt.num(k["ols"]["cv"])
        out[f"cv.{kind}.ols.train"] = fmt.num(k["ols"]["train"])
        out[f"cv.{kind}.test.min"] = fmt.num(s["test_min"])
        out[f"cv.{kind}.test.largest_lam"] = fmt.num(s["test_at_largest_lam"])
        out[f"cv.{kind}.train.smallest_lam"] = fmt.num(s["train_at_smallest_lam"])
        out[f"cv.{kind}.train.largest_lam"] = fmt.num(s["train_at_largest_lam"])
        out[f"cv.{kind}.cv.smallest_lam"] = fmt.num(s["cv_at_smallest_lam"])
        out[f"cv.{kind}.lam.low"] = fmt.num(s["lam_low"])
        out[f"cv.{kind}.lam.high"] = fmt.num(s["lam_high"])
    out["cv.lasso.lam_max"] = fmt.num(c["lasso"]["lam_max"])
    out["cv.lasso.grid_low"] = fmt.num(c["lasso"]["grid_low_fraction"])
    out["cv.lasso.fine_low"] = fmt.num(c["lasso"]["fine_low_fraction"])
    out["cv.lasso.best.fraction"] = fmt.num(c["lasso"]["best_fraction"])
    sp = r["splits"]
    out["splits.count"] = fmt.integer(sp["splits"])
    for key in ("ridge_best_beats_ols", "ridge_one_se_beats_ols", "lasso_ols_beats_grid", "lasso_one_se_costs"):
        out[f"splits.{key}"] = fmt.integer(sp[key])
    for key in ("min", "max", "median"):
        out[f"splits.lasso_one_se_kept_{key}"] = fmt.num(sp[f"lasso_one_se_kept_{key}"])

    ar = r["article"]
    for key in ("site", "sse", "ystd"):
        out[f"article.{key}.lam_max"] = fmt.num(ar[key]["lam_max"])
        out[f"article.{key}.ratio_max"] = sci(ar[key]["ratio"].max())
    out["article.ystd.nonzero_at_one"] = fmt.integer(ar["ystd"]["nonzero"][-1])
    out["article.sd_y"] = fmt.num(ar["sd_y"])
    out["article.raw.lam_max"] = fmt.num(ar["raw"]["lam_max"])
    out["article.raw.first"] = names[ar["raw"]["first"]]
    out["article.std_first"] = names[ar["std_first"]]
    out["article.billion_ratio"] = sci(ar["extreme_ratio"])
    out["article.billion_ratio_micro"] = sci(ar["extreme_ratio_micro"])

    conv = c["conversions"]
    out["ex.sklearn_lasso"] = sci(conv[5][2])
    out["ex.sklearn_ridge"] = sci(conv[5][3])
    out["ex.article_lasso"] = sci(conv[2][2])
    out["ex.article_ridge"] = sci(conv[2][3])
    return out


def tables(r: dict) -> dict[str, str]:
    rows = [
        [name, objective, "—" if lasso is None else sci(lasso), sci(ridge)]
        for name, objective, lasso, ridge in r["choosing"]["conversions"]
    ]
    convention_table = fmt.table(
        ["convention", "objective ($r = y - b - Xw$)", "lasso, main effects", "ridge, quadratic model"], rows, "llrr"
    )
    ar = r["article"]
    rows = []
    for i, lam in enumerate(ar["article_lambdas"]):
        row = [f"${fmt.num(lam)}$"]
        for key in ("site", "sse", "ystd"):
            row += [sci(ar[key]["ratio"][i]), fmt.integer(ar[key]["nonzero"][i])]
        rows.append(row)
    article_table = fmt.table(
        [
            "article's $\\lambda$",
            "site, $y$ in its units: $\\lambda/\\lambda_{\\max}$",
            "non-zero",
            "article's SSE: $\\lambda/\\lambda_{\\max}$",
            "non-zero",
            "site, $y$ standardised: $\\lambda/\\lambda_{\\max}$",
            "non-zero",
        ],
        rows,
        "lrrrrrr",
    )
    return {"lambda-conventions": convention_table, "article-lambdas": article_table}


# Keys of numbers() that no page, erratum or lab quotes: the page's tests read them
# (tests/test_docs.py keeps this list exact).
INTERNAL_NUMBERS = frozenset(
    {
        "article.sd_y",
        "article.sse.lam_max",
        "article.ystd.nonzero_at_one",
        "cv.lasso.best.test",
        "cv.lasso.lam.high",
        "cv.lasso.lam.low",
        "cv.lasso.lam_max",
        "cv.lasso.ols.train",
        "cv.lasso.one_se.cv",
        "cv.lasso.test.largest_lam",
        "cv.lasso.test.min",
        "cv.ridge.best.df",
        "cv.ridge.best.nonzero",
        "cv.ridge.cv.smallest_lam",
        "cv.ridge.lam.count",
        "cv.ridge.lam.high",
        "cv.ridge.lam.low",
        "cv.ridge.one_se.cv",
        "cv.ridge.one_se.nonzero",
        "ex.article_ridge",
        "geo.a.lasso.lam",
        "geo.a.ridge.lam",
        "geo.b.lasso.lam",
        "geo.b.ridge.lam",
        "geo.c.lasso.lam",
        "geo.c.ridge.lam",
        "geo.d.lasso.lam",
        "geo.d.ridge.lam",
        "paths.entry.bmi",
        "paths.entry.bp",
        "paths.entry.s1",
        "paths.entry.s3",
        "paths.entry.s4",
        "paths.entry.s5",
        "paths.entry.s6",
        "paths.entry.sex",
        "paths.first",
        "paths.last_group",
        "paths.second",
        "zeros.lasso.0_1",
        "zeros.lasso.0_3",
        "zeros.lasso.0_5",
        "zeros.lasso.0_7",
        "zeros.some.0_1",
        "zeros.some.0_2",
        "zeros.some.0_3",
        "zeros.some.0_7",
        "zeros.some.0_9",
        "zeros.fraction.0_1",
        "zeros.fraction.0_3",
        "zeros.fraction.0_7",
    }
)
