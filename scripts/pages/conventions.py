"""Notation and conventions: the norms used on the site, on a worked example and as unit balls."""

from __future__ import annotations

import numpy as np

from scripts import fmt, style

EXAMPLE = np.array([3.0, -4.0, 0.0, 1.0])
EXERCISE_VECTOR = np.array([1.0, -2.0, 2.0])
# Exercise: convert scikit-learn's Ridge alpha (sum convention, no halves) to the site's lambda.
SKLEARN_RIDGE_ALPHA, SKLEARN_N = 10.0, 50
# Exercise: an L2 penalty lam_art * w^2 added to a sum of squared errors over n examples.
ARTICLE_LAMBDA, ARTICLE_N = 0.1, 20
BALL_PS = (0.5, 1.0, 1.5, 2.0, 4.0, np.inf)


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
            "article_lambda": ARTICLE_LAMBDA / ARTICLE_N,  # divide the objective by 2n
        },
    }


def _p_label(p: float) -> str:
    return "∞" if p == np.inf else fmt.num(p)


def _p_key(p: float) -> str:
    return "inf" if p == np.inf else fmt.num(p)


def numbers(r: dict) -> dict[str, str]:
    out = {
        "w": "(" + ", ".join(fmt.num(v) for v in r["w"]) + ")",
        "l0": fmt.integer(r["l0"]),
        "l1": fmt.num(r["l1"]),
        "l2": fmt.num(r["l2"], 4),
        "l2_squared": fmt.num(r["l2_squared"]),
        "half_l2_squared": fmt.num(r["half_l2_squared"]),
        "linf": fmt.num(r["linf"]),
    }
    ex = r["exercise"]
    out["exercise.v"] = "(" + ", ".join(fmt.num(v) for v in EXERCISE_VECTOR) + ")"
    for key in ("l1", "l2", "linf", "sk_lambda", "article_lambda"):
        out[f"exercise.{key}"] = fmt.num(ex[key])
    out["exercise.sk_alpha"] = fmt.num(SKLEARN_RIDGE_ALPHA)
    out["exercise.sk_n"] = fmt.integer(SKLEARN_N)
    out["exercise.article_lambda_art"] = fmt.num(ARTICLE_LAMBDA)
    out["exercise.article_n"] = fmt.integer(ARTICLE_N)
    for p, t in r["diagonal"].items():
        out[f"diagonal.p{_p_key(p)}"] = fmt.num(t)
    return out


def tables(r: dict) -> dict[str, str]:
    n = numbers(r)
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
    ax.plot([0, 1.12], [0, 1.12], color=style.MUTED, linewidth=0.8)
    ax.text(1.13, 1.13, "w₁ = w₂", color=style.MUTED, fontsize=9, clip_on=False)
    ax.set_aspect("equal")
    ax.set_xlim(-1.15, 1.15)
    ax.set_ylim(-1.15, 1.15)
    ax.set_xlabel("w₁")
    ax.set_ylabel("w₂")
    ax.set_title("Unit balls ‖w‖ₚ ≤ 1 in two dimensions")
    ax.legend(loc="center left", bbox_to_anchor=(1.02, 0.5), title="norm")
    return {"unit-balls": fig}
