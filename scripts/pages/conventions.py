"""Notation and conventions: the norms used on the site, on a worked example and as unit balls."""

from __future__ import annotations

import numpy as np

from scripts import fmt, solvers, style

EXAMPLE = np.array([3.0, -4.0, 0.0, 1.0])
EXERCISE_VECTOR = np.array([1.0, -2.0, 2.0])
# Exercise: convert scikit-learn's Ridge alpha (sum convention, no halves) to the site's lambda.
SKLEARN_RIDGE_ALPHA, SKLEARN_N = 10.0, 50
# Exercise: the second article's single-example loss (squared error + lam_art * w^2) over n examples,
# read two ways: the penalty added once to the summed errors, or carried by every example's loss.
ARTICLE_LAMBDA, ARTICLE_N = 0.1, 20
BALL_PS = (0.5, 1.0, 1.5, 2.0, 4.0, np.inf)
# Why corners make zeros: project many unconstrained solutions (round loss contours, so the
# constrained minimiser is the Euclidean projection) onto the unit L1, L2 and L-infinity balls.
CORNER_SEED = 3
CORNER_SAMPLES = 100_000
CORNER_BOX = 3.0  # unconstrained solutions uniform in [-CORNER_BOX, CORNER_BOX]^2, outside the ball


def lp_norm(w: np.ndarray, p: float) -> float:
    """The Lp norm for p >= 1 (a quasi-norm for 0 < p < 1); p = inf gives the max norm."""
    w = np.abs(np.asarray(w, dtype=float))
    if p == np.inf:
        return float(w.max())
    return float((w**p).sum() ** (1 / p))


def unit_ball(p: float, points: int = 241) -> np.ndarray:
    """Boundary of {w in R^2 : ||w||_p <= 1}, as a closed polygon of shape (points, 2)."""
    theta = np.linspace(0, 2 * np.pi, points)
    direction = np.column_stack([np.cos(theta), np.sin(theta)])
    radius = np.array([1 / lp_norm(d, p) for d in direction])
    return direction * radius[:, None]


def corner_normal_cone_degrees() -> float:
    """Angle between the outward normals of the two L1-ball edges that meet at the corner (1, 0).

    Every direction between them is normal to the ball at the corner: its normal cone.
    """
    upper, lower = np.array([1.0, 1.0]) / np.sqrt(2), np.array([1.0, -1.0]) / np.sqrt(2)
    return float(np.degrees(np.arccos(upper @ lower)))


def corner_experiment() -> dict:
    """Fraction of projected solutions that land on an axis (a zero weight) or on a diagonal corner."""
    rng = np.random.default_rng(CORNER_SEED)
    V = rng.uniform(-CORNER_BOX, CORNER_BOX, size=(CORNER_SAMPLES, 2))
    out = {}
    for name, p, project in (
        ("l1", 1.0, solvers.project_l1_ball),
        ("l2", 2.0, solvers.project_l2_ball),
        ("linf", np.inf, lambda M, t: np.clip(M, -t, t)),
    ):
        outside = V[np.linalg.norm(V, ord=p, axis=1) > 1]
        P = project(outside, 1.0)
        on_axis = np.any(P == 0, axis=1)
        on_corner = np.all(np.abs(P) == 1, axis=1)
        out[name] = {
            "outside": len(outside),
            "on_axis_count": int(on_axis.sum()),
            "on_axis": float(on_axis.mean()),
            "on_diagonal_corner_count": int(on_corner.sum()),
            "on_diagonal_corner": float(on_corner.mean()),
        }
    return out


def compute() -> dict:
    w = EXAMPLE
    diagonal = {p: 1 / lp_norm(np.array([1.0, 1.0]), p) for p in BALL_PS}
    return {
        "w": w,
        "l0": int(np.count_nonzero(w)),
        "l1": lp_norm(w, 1),
        "l2": lp_norm(w, 2),
        "l2_squared": float(w @ w),
        "half_l2_squared": float(w @ w) / 2,
        "linf": lp_norm(w, np.inf),
        "balls": {p: unit_ball(p) for p in BALL_PS},
        "diagonal": diagonal,  # where the unit ball crosses the line w1 = w2
        "exercise": {
            "l1": lp_norm(EXERCISE_VECTOR, 1),
            "l2": lp_norm(EXERCISE_VECTOR, 2),
            "linf": lp_norm(EXERCISE_VECTOR, np.inf),
            "sk_lambda": SKLEARN_RIDGE_ALPHA / SKLEARN_N,  # alpha_sk = n * lambda
            # sum_i (err_i^2) + lam_art ||w||^2, divided by 2n: lam_art/n times 1/2 ||w||^2
            "article_lambda_once": ARTICLE_LAMBDA / ARTICLE_N,
            # sum_i (err_i^2 + lam_art ||w||^2) = sum_i err_i^2 + n lam_art ||w||^2: divided by 2n, lam_art
            "article_lambda_per_example": ARTICLE_LAMBDA,
            "article_ratio": ARTICLE_LAMBDA / (ARTICLE_LAMBDA / ARTICLE_N),
        },
        "corner_cone_degrees": corner_normal_cone_degrees(),
        "corners": corner_experiment(),
    }


def _p_label(p: float) -> str:
    return "∞" if p == np.inf else fmt.num(p)


def _p_key(p: float) -> str:
    return "inf" if p == np.inf else fmt.num(p)


def numbers(r: dict) -> dict[str, str]:
    out = _example_values(r)
    ex = r["exercise"]
    out["exercise.v"] = "(" + ", ".join(fmt.num(v) for v in EXERCISE_VECTOR) + ")"
    for key in ("l1", "l2", "linf", "sk_lambda", "article_lambda_once", "article_lambda_per_example"):
        out[f"exercise.{key}"] = fmt.num(ex[key])
    out["exercise.article_ratio"] = fmt.integer(round(ex["article_ratio"]))
    out["exercise.sk_alpha"] = fmt.num(SKLEARN_RIDGE_ALPHA)
    out["exercise.sk_n"] = fmt.integer(SKLEARN_N)
    out["exercise.article_lambda_art"] = fmt.num(ARTICLE_LAMBDA)
    out["exercise.article_n"] = fmt.integer(ARTICLE_N)
    for p, t in r["diagonal"].items():
        out[f"diagonal.p{_p_key(p)}"] = fmt.num(t)
    out["corner.cone_degrees"] = fmt.num(r["corner_cone_degrees"])
    out["corner.samples"] = fmt.integer(CORNER_SAMPLES)
    out["corner.box"] = fmt.num(CORNER_BOX)
    for name, c in r["corners"].items():
        out[f"corner.{name}.on_axis"] = fmt.percent(c["on_axis"])
        out[f"corner.{name}.on_axis_count"] = fmt.integer(c["on_axis_count"])
        out[f"corner.{name}.outside"] = fmt.integer(c["outside"])
        out[f"corner.{name}.on_diagonal_corner"] = fmt.percent(c["on_diagonal_corner"])
        out[f"corner.{name}.on_diagonal_corner_count"] = fmt.integer(c["on_diagonal_corner_count"])
    return out


def _example_values(r: dict) -> dict[str, str]:
    """The worked example's values as printed, shared by numbers() and tables()."""
    return {
        "w": "(" + ", ".join(fmt.num(v) for v in r["w"]) + ")",
        "l0": fmt.integer(r["l0"]),
        "l1": fmt.num(r["l1"]),
        "l2": fmt.num(r["l2"], 4),
        "l2_squared": fmt.num(r["l2_squared"]),
        "half_l2_squared": fmt.num(r["half_l2_squared"]),
        "linf": fmt.num(r["linf"]),
    }


def tables(r: dict) -> dict[str, str]:
    n = _example_values(r)
    rows = [
        ["L0 “norm” (count of non-zeros)", "$\\norm{w}_0$", n["l0"]],
        ["L1 norm", "$\\norm{w}_1 = \\sum_j \\abs{w_j}$", n["l1"]],
        ["L2 norm", "$\\norm{w}_2 = \\sqrt{\\textstyle\\sum_j w_j^2}$", n["l2"]],
        ["squared L2 norm", "$\\norm{w}_2^2 = \\sum_j w_j^2$", n["l2_squared"]],
        ["ridge penalty of this site", "$\\tfrac12 \\norm{w}_2^2$", n["half_l2_squared"]],
        ["L∞ norm", "$\\norm{w}_\\infty = \\max_j \\abs{w_j}$", n["linf"]],
    ]
    return {"norms-of-example": fmt.table(["quantity", "definition", f"value for $w = {n['w']}$"], rows, "llr")}


def figures(r: dict) -> dict:
    fig = style.new_figure(6.4, 4.0)
    ax = fig.add_subplot()
    colours = [style.PURPLE, style.VERMILLION, style.ORANGE, style.BLUE, style.GREEN, style.MUTED]
    dashes = [(0, (1, 1.5)), "solid", (0, (5, 2)), "solid", (0, (5, 2, 1, 2)), (0, (3, 1.5))]
    for (p, ball), colour, dash in zip(r["balls"].items(), colours, dashes, strict=True):
        ax.plot(ball[:, 0], ball[:, 1], color=colour, linestyle=dash, label=f"p = {_p_label(p)}")
    # named in the legend: a label at its end, outside the axes, ran into the title on phones
    ax.plot([0, 1.12], [0, 1.12], color=style.MUTED, linewidth=0.8, label="w₁ = w₂")
    ax.set_aspect("equal")
    ax.set_xlim(-1.15, 1.15)
    ax.set_ylim(-1.15, 1.15)
    ax.set_xlabel("w₁")
    ax.set_ylabel("w₂")
    ax.set_title("Unit balls ‖w‖ₚ ≤ 1 in two dimensions")
    ax.legend(loc="center left", bbox_to_anchor=(1.02, 0.5))  # no "norm" title: the diagonal is in it
    return {"unit-balls": fig}


# Keys of numbers() that no page, erratum or lab quotes: the page's tests read them
# (tests/test_docs.py keeps this list exact).
INTERNAL_NUMBERS = frozenset(
    {
        "corner.l1.on_diagonal_corner",
        "corner.l1.on_diagonal_corner_count",
        "corner.l2.on_axis",
        "corner.l2.on_diagonal_corner",
        "corner.l2.on_diagonal_corner_count",
        "corner.l2.outside",
        "corner.linf.on_axis",
        "corner.linf.on_axis_count",
        "corner.linf.on_diagonal_corner_count",
        "corner.linf.outside",
        "diagonal.p0.5",
        "diagonal.p1.5",
        "diagonal.p4",
        "half_l2_squared",
        "l0",
        "l2_squared",
    }
)
