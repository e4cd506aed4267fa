"""The explorables' data: the same problems as the hosting pages' figures, their defaults the pages' numbers."""

from __future__ import annotations

import gzip
import json

import numpy as np
import pytest

from scripts import fmt, pipeline, solvers
from scripts.pages import explorables, geometry, home, networks

ASSETS = pipeline.ROOT / "docs" / "assets" / "javascripts" / "explorables"
DATA = pipeline.FIGURES / "explorables"
BUDGET_BYTES = 25 * 1024  # issue 17: code and data of one explorable, gzipped
NAMES = ("lambda-paths", "budget", "one-weight", "scale-symmetry")


@pytest.fixture(scope="module")
def result():
    return explorables.compute()


@pytest.fixture(scope="module")
def made(result):
    return explorables.data(result)


def tagged(slug: str) -> dict[str, str]:
    """A hosting page's numbers as its Markdown quotes them (committed, checked by the build)."""
    return json.loads((pipeline.FIGURES / slug / pipeline.NUMBERS).read_text(encoding="utf-8"))


def test_page_quotes_no_number_and_draws_no_figure(result):
    assert explorables.numbers(result) == {}
    assert explorables.figures(result) == {}
    assert set(explorables.data(result)) == set(NAMES)


# ---------------------------------------------------------------------------- lambda explorer
def test_home_data_are_the_home_figures_data():
    """Redrawn data give exactly the home page's paths (a change to home.compute breaks this)."""
    page = home.compute()
    X, y, _, _ = explorables.home_data()
    np.testing.assert_array_equal(solvers.path(X, y, page["lams"]), page["lasso"])
    assert solvers.lambda_max(X, y) == page["lambda_max"]


def test_lambda_default_shows_the_home_pages_numbers(made):
    d, numbers = made["lambda-paths"], tagged("home")
    point = d["points"][d["default"]]
    assert point["lambda"] == numbers["middle_lambda"]
    assert d["lambda_max"] == numbers["lambda_max"]
    assert str(point["lasso"]["zeros"]) == numbers["lasso_zeros_middle"]
    assert all(str(p["ridge"]["zeros"]) == numbers["ridge_zeros_any"] for p in d["points"])


def test_lambda_errors_match_independent_fits(made):
    """Training and held-out errors from fits made here: ridge closed form, lasso coordinate descent."""
    d = made["lambda-paths"]
    X, y, mean, scale = explorables.home_data()
    X_new, y_new = explorables.held_out(mean, scale)
    lams = 10.0 ** np.array(d["log10_lambda"])
    for i in (0, 12, d["default"], 47, len(lams) - 1):
        for method in ("lasso", "ridge"):
            lam = home.compute()["lams"][i]
            assert abs(lams[i] / lam - 1) < 1e-5
            fit = solvers.ridge(X, y, lam) if method == "ridge" else solvers.coordinate_descent(X, y, lam, tol=1e-12)
            point = d["points"][i][method]
            assert point["train"] == fmt.num(np.mean((y - fit.b - X @ fit.w) ** 2))
            assert point["held_out"] == fmt.num(np.mean((y_new - fit.b - X_new @ fit.w) ** 2))
            assert point["zeros"] == int(np.sum(fit.w == 0))


def test_lasso_zeros_grow_as_lambda_grows(made):
    zeros = [p["lasso"]["zeros"] for p in made["lambda-paths"]["points"]]  # stored from large to small lambda
    assert zeros[0] == home.P and zeros[-1] < home.P
    assert max(zeros) == home.P and min(zeros) == 0


# ---------------------------------------------------------------------------- budget picture
def test_budget_panels_are_the_geometry_figures(made):
    numbers = tagged("geometry")
    panels = made["budget"]["panels"]
    assert [p["name"] for p in panels] == list("abcd")
    assert made["budget"]["default"] == numbers["map.panel"]
    for p in panels:
        key = f"geo.{p['name']}"
        assert (p["rho_text"], p["ols_text"], p["t_text"]) == (
            numbers[f"{key}.rho"],
            numbers[f"{key}.ols"],
            numbers[f"{key}.t"],
        )
        ref = explorables.budget_reference(p["rho"], p["ols"], p["t"])
        assert geometry.vector(ref["lasso"]["w"]) == numbers[f"{key}.lasso.w"]
        assert geometry.vector(ref["ridge"]["w"]) == numbers[f"{key}.ridge.w"]


def test_budget_reference_inside_the_ball_is_least_squares():
    ref = explorables.budget_reference(0.3, (0.5, 0.4), 2.0)
    for kind in ("lasso", "ridge"):
        np.testing.assert_allclose(ref[kind]["w"], [0.5, 0.4], atol=1e-12)
        assert ref[kind]["lam"] == 0.0


# ---------------------------------------------------------------------------- one weight
def test_one_weight_problem_is_the_traces_figures(made):
    numbers, d = tagged("updates"), made["one-weight"]
    assert fmt.num(d["corr"]) == d["corr_text"] == numbers["one.corr"]
    assert (fmt.num(d["lam"]), fmt.num(d["eta"]), fmt.num(d["w0"])) == (
        numbers["one.lam"],
        numbers["one.eta"],
        numbers["one.w0"],
    )
    assert fmt.integer(d["steps"]) == numbers["one.iterations"]
    assert d["curvature"] == pytest.approx(1.0, abs=1e-12)  # the feature is standardised


def test_one_weight_scalar_model_is_the_solvers_model(result):
    """J(w) = L/2 w^2 - c w + lam |w|: its gradient is the solvers' (the browser runs this model)."""
    p = result["one_weight"]
    X, y = p["X"], p["y"]
    Xc, yc = X - X.mean(axis=0), y - y.mean()
    for w in (-1.3, 0.0, 0.4, 2.0):
        full = -Xc[:, 0] @ (yc - Xc[:, 0] * w) / len(y)
        assert p["curvature"] * w - p["corr"] == pytest.approx(full, abs=1e-12)


# ---------------------------------------------------------------------------- scale symmetry
def test_scale_default_and_balanced_show_the_networks_numbers(made):
    numbers, d = tagged("networks"), made["scale-symmetry"]
    start, best = d["text"][d["default"]], d["text"][d["balanced"]]
    assert start["c"] == "1"
    assert (start["penalty"], start["loss"], start["loss_divided"]) == (
        numbers["orbit.p1"],
        numbers["net.loss"],
        numbers["net.loss"],
    )
    assert (best["c"], best["penalty"]) == (numbers["orbit.c_star"], numbers["orbit.p_star"])
    doubled = d["text"][int(np.argmin(np.abs(np.array(d["log2_c"]) - 1)))]
    assert (doubled["c"], doubled["penalty"], doubled["loss_divided"]) == (
        "2",
        numbers["orbit.p2"],
        numbers["net.loss_literal"],
    )


def test_scale_loss_is_flat_and_penalty_smallest_at_balance(result, made):
    rows, d = result["scale"]["rows"], made["scale-symmetry"]
    losses = np.array([r["loss"] for r in rows])
    assert np.ptp(losses) < 1e-12 * losses[0]
    divided = np.array([r["loss_divided"] for r in rows])
    away = np.abs(np.log2([r["c"] for r in rows])) > 0.1
    assert np.all(divided[away] > losses[away] + 1e-4)  # dividing the bias too changes the function
    assert divided[d["default"]] == losses[d["default"]]
    penalties = np.array([r["penalty"] for r in rows])
    assert int(np.argmin(penalties)) == d["balanced"]
    r = networks.compute()["orbit"]
    cs = np.array([row["c"] for row in rows])
    np.testing.assert_allclose(penalties, (cs**2 * r["A"] + r["B"] / cs**2 + r["rest"]) / 2, rtol=1e-12)


# ---------------------------------------------------------------------------- size budget
@pytest.mark.parametrize("name", NAMES)
def test_each_explorable_fits_its_budget(name):
    """Code (loader, shared module, its own module, stylesheet) and data, each gzipped, at most 25 KiB."""
    css = pipeline.ROOT / "docs" / "assets" / "stylesheets" / "explorables.css"
    files = [ASSETS / "loader.js", ASSETS / "common.js", ASSETS / f"{name}.js", css, DATA / f"{name}.json"]
    total = sum(len(gzip.compress(f.read_bytes(), mtime=0)) for f in files)
    assert total <= BUDGET_BYTES, f"{name}: {total} bytes gzipped"


def test_every_module_has_a_placeholder_on_a_page():
    docs = pipeline.ROOT / "docs"
    text = "".join(p.read_text(encoding="utf-8") for p in docs.rglob("*.md"))
    for name in NAMES:
        assert text.count(f'data-explorable="{name}"') == 1, name
        assert (ASSETS / f"{name}.js").is_file()
