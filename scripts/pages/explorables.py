"""Data of the four interactive explorables (issue 13), from the same problems as the static figures.

* ``lambda-paths`` (home page): the lasso and ridge paths of the home figure, on its own grid of
  lambda, with training error and the error on a held-out sample of the same model;
* ``budget`` (geometry): the four two-feature problems of the constraint-geometry figure; the
  browser solves the constrained problems exactly (tests compare it with the page's solver,
  ``solvers.constrained_quadratic``);
* ``one-weight`` (updates): the one-feature problem of the traces figure (its slope, curvature and
  start); the browser runs the scalar updates (tests compare them with ``scripts.solvers``);
* ``scale-symmetry`` (networks): the trained ReLU network rescaled by c along a log grid: weight
  penalty, and data loss with the second layer's bias kept or divided by c.

Every value the explorables print is formatted here with ``scripts.fmt`` (``text`` fields), so the
page and the explorable print the same digits. The page has no figure and quotes no number of its own.
"""

from __future__ import annotations

import numpy as np

from scripts import fmt, solvers
from scripts.pages import geometry, home, networks
from scripts.pages.networks import experiments as networks_experiments
from scripts.pages.updates import experiments as updates_experiments

HELD_OUT = 1000  # rows of the held-out sample for the lambda explorer
HELD_OUT_SEED = 2020  # its own generator: the home page's data stay exactly the home page's
SCALE_STEPS_PER_OCTAVE = 30  # grid of c: 2^(k/30), from 1/4 to 4
SCALE_OCTAVES = 2
ROUND = 6  # significant digits of plotted (not printed) values: smaller files, invisible on screen
PANELS = "abcd"


def _round(values) -> list:
    """Plotted values with ``ROUND`` significant digits (JSON-able floats)."""
    return [float(f"{v:.{ROUND}g}") for v in np.ravel(values)]


# ---------------------------------------------------------------------------- lambda explorer
def home_data():
    """The home page's training data, drawn exactly as ``home.compute`` draws them."""
    rng = np.random.default_rng(home.SEED)
    X, mean, scale = solvers.standardize(rng.normal(size=(home.N, home.P)))
    y = X @ home.TRUE_W + rng.normal(scale=1.0, size=home.N)
    return X, y, mean, scale


def held_out(mean, scale):
    """New rows of the same model (features standardised with the training mean and scale)."""
    rng = np.random.default_rng(HELD_OUT_SEED)
    X = (rng.normal(size=(HELD_OUT, home.P)) - mean) / scale
    y = X @ home.TRUE_W + rng.normal(scale=1.0, size=HELD_OUT)
    return X, y


def _lambda_paths() -> dict:
    page = home.compute()
    X, y, mean, scale = home_data()
    X_new, y_new = held_out(mean, scale)
    lams = page["lams"]
    out = {"lams": lams, "lambda_max": page["lambda_max"], "middle": home.GRID_POINTS // 2}
    for method in ("lasso", "ridge"):
        W = page[method]
        b = y.mean() - X.mean(axis=0) @ W.T  # the unpenalised intercept of each fit
        out[method] = {
            "w": W,
            "b": b,
            "train": np.mean((y[:, None] - b - X @ W.T) ** 2, axis=0),
            "held_out": np.mean((y_new[:, None] - b - X_new @ W.T) ** 2, axis=0),
            "zeros": np.sum(W == 0, axis=1),
        }
    return out


def _lambda_json(r: dict) -> dict:
    points = []
    for i, lam in enumerate(r["lams"]):
        point = {"lambda": fmt.num(lam), "ratio": fmt.num(lam / r["lambda_max"])}
        for method in ("lasso", "ridge"):
            m = r[method]
            point[method] = {
                "w": _round(m["w"][i]),
                "w_text": [fmt.num(v) for v in m["w"][i]],
                "zeros": int(m["zeros"][i]),
                "train": fmt.num(m["train"][i]),
                "held_out": fmt.num(m["held_out"][i]),
            }
        points.append(point)
    return {
        "lambda_max": fmt.num(r["lambda_max"]),
        "log10_lambda": _round(np.log10(r["lams"])),
        "default": r["middle"],
        "n": home.N,
        "held_out_n": HELD_OUT,
        "weight_limit": float(np.ceil(np.abs(np.concatenate([r["lasso"]["w"], r["ridge"]["w"]])).max())),
        "points": points,
    }


# ---------------------------------------------------------------------------- budget picture
def gram(rho: float) -> np.ndarray:
    """S = X'X/n of the page's two-feature problems: standardised features with correlation rho."""
    return np.array([[1.0, rho], [rho, 1.0]])


def budget_reference(rho: float, ols, t: float) -> dict:
    """The constrained solutions and their lambdas by the geometry page's own solver (for tests)."""
    S, ols = gram(rho), np.asarray(ols, float)
    out = {}
    for kind in ("lasso", "ridge"):
        inside = (np.abs(ols).sum() if kind == "lasso" else np.linalg.norm(ols)) <= t
        if inside:  # the budget does not bind: least squares, lambda = 0 (exactly, not to rounding)
            out[kind] = {"w": ols.copy(), "lam": 0.0}
            continue
        w = solvers.constrained_quadratic(S, S @ ols, t, kind, geometry.PG_STEPS)
        out[kind] = {"w": w, "lam": geometry.multiplier(S, ols, w, kind)}
    return out


def _budget_json() -> dict:
    panels = []
    for letter, (rho, ols, t) in zip(PANELS, geometry.CONFIGS, strict=True):
        panels.append(
            {
                "name": letter,
                "rho": float(rho),
                "ols": [float(v) for v in ols],
                "t": float(t),
                "rho_text": fmt.num(rho),
                "ols_text": geometry.vector(np.asarray(ols, float)),
                "t_text": fmt.num(t),
            }
        )
    return {"panels": panels, "default": PANELS[geometry.MAP_CONFIG], "rho_max": 0.9, "t_step": 0.05}


# ---------------------------------------------------------------------------- one weight
def one_weight_problem() -> dict:
    """Slope c = x'y/n and curvature L = x'x/n of the traces figure's problem: J(w) = L/2 w^2 - c w + lam |w|."""
    one = updates_experiments.one_feature()  # that experiment alone (it has its own seed), not the whole page
    return {
        "corr": float(one["corr"]),
        "curvature": solvers.lipschitz(one["X"]),
        "lam": float(one["lam"]),
        "eta": float(one["eta"]),
        "w0": float(updates_experiments.ONE_D["w0"]),
        "steps": int(updates_experiments.ONE_D["n_iter"]),
        "X": one["X"],
        "y": one["y"],
    }


def _one_weight_json(p: dict) -> dict:
    return {
        "corr": p["corr"],
        "curvature": p["curvature"],
        "lam": p["lam"],
        "eta": p["eta"],
        "w0": p["w0"],
        "steps": p["steps"],
        "corr_text": fmt.num(p["corr"]),
        "eta_max": 2.5,
        "lam_max": 1.0,
    }


# ---------------------------------------------------------------------------- scale symmetry
def _scale() -> dict:
    # The two experiments it extends (each with its own seed), not the whole page.
    net = networks_experiments.trained_network()
    orbit = networks_experiments.penalty_orbit(net)
    params, xs, ys = net["params"], net["x"], net["y"]
    k = np.arange(-SCALE_OCTAVES * SCALE_STEPS_PER_OCTAVE, SCALE_OCTAVES * SCALE_STEPS_PER_OCTAVE + 1)
    cs = np.sort(np.append(2.0 ** (k / SCALE_STEPS_PER_OCTAVE), orbit["c_star"]))
    rows = []
    for c in cs:
        kept = networks.rescale(params, 0, c)
        divided = networks.rescale(params, 0, c, halve_next_bias=True)
        rows.append(
            {
                "c": c,
                "penalty": networks.weight_penalty(kept),
                "first": float((kept[0][0] ** 2).sum() / 2),
                "second": float((kept[1][0] ** 2).sum() / 2),
                "loss": networks.loss(kept, xs, ys),
                "loss_divided": networks.loss(divided, xs, ys),
            }
        )
    return {"rows": rows, "c_star": orbit["c_star"], "loss": net["loss"], "p1": orbit["p1"]}


def _scale_json(s: dict) -> dict:
    rows = s["rows"]
    cs = [row["c"] for row in rows]
    return {
        "log2_c": _round(np.log2(cs)),
        "penalty": _round([row["penalty"] for row in rows]),
        "loss": _round([row["loss"] for row in rows]),
        "loss_divided": _round([row["loss_divided"] for row in rows]),
        "text": [
            {
                "c": fmt.num(row["c"]),
                "penalty": fmt.num(row["penalty"]),
                "first": fmt.num(row["first"]),
                "second": fmt.num(row["second"]),
                "loss": fmt.num(row["loss"]),
                "loss_divided": fmt.num(row["loss_divided"]),
            }
            for row in rows
        ],
        "default": int(np.argmin(np.abs(np.asarray(cs) - 1.0))),
        "balanced": int(np.argmin(np.abs(np.asarray(cs) - s["c_star"]))),
    }


# ---------------------------------------------------------------------------- page interface
def compute() -> dict:
    return {
        "lambda": _lambda_paths(),
        "one_weight": one_weight_problem(),
        "scale": _scale(),
    }


def numbers(r: dict) -> dict[str, str]:
    return {}  # the explorables print the hosting pages' numbers, not their own


def figures(r: dict) -> dict:
    return {}  # each explorable extends a static figure of its hosting page


def data(r: dict) -> dict:
    return {
        "lambda-paths": _lambda_json(r["lambda"]),
        "budget": _budget_json(),
        "one-weight": _one_weight_json(r["one_weight"]),
        "scale-symmetry": _scale_json(r["scale"]),
    }
