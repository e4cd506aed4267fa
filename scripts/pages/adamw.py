"""Weight decay is not L2 under Adam: numpy SGD, Adam and AdamW on one small least-squares problem.

The loss is the site's data term without intercept (the data are centred),

    f(w) = 1/(2n) ||y - X w||^2,      gradient g(w) = H w - c,  H = X'X/n,  c = X'y/n,

with two features on very different scales.  "L2" means adding lam/2 ||w||^2 to f (the
site's ridge penalty), i.e. lam * w to the gradient; "decoupled weight decay" means
subtracting lr * lam * w (w before the step) from the weights, next to the optimizer's own step,
as in PyTorch's AdamW (the paper of Loshchilov & Hutter (2019) multiplies the decay by the
schedule multiplier instead of the full learning rate).  All optimizers run in one vectorised loop.
"""

from __future__ import annotations

import numpy as np

from scripts import fmt, solvers, style

SEED = 2019
N = 64
SCALES = np.array([3.0, 0.3])  # standard deviations of the two features
W_TRUE = np.array([1.0, 1.0])
NOISE = 0.5
LAM = 0.1  # L2 coefficient / weight-decay coefficient (decay per step = lr * LAM)

BETA1, BETA2, EPS = 0.9, 0.999, 1e-8  # Adam's defaults (Kingma & Ba; PyTorch)
SGD_LR = 0.1
SGD_STEPS = 1000
ADAM_LR = 0.01
FULL_STEPS = 20_000  # full batch, cosine schedule from ADAM_LR to 0
MINI_LR = 0.001
MINI_STEPS = 50_000  # mini-batches, constant learning rate, iterates averaged over the second half
BATCH = 1
TRACE_EVERY = 100  # keep every 100th iterate for the figures, and every 10th of the first TRACE_DENSE
TRACE_DENSE = 2000

# Documented PyTorch defaults (torch.optim.AdamW), used only for the worked example.
TORCH_LR = 1e-3
TORCH_WEIGHT_DECAY = 1e-2
TORCH_STEPS = 100_000

# One-dimensional example for the "box" of full-batch AdamW.
BOX_W_LS = 3.0
BOX_LAM = 0.4
BOX_CURVATURE = 1.0
BOX_RUN_STEPS = 100_000  # simulated full-batch runs on it, cosine schedule from ADAM_LR to 0

# Two-dimensional example: least squares outside the box, correlated features.
BOX2_A = np.array([3.0, 1.0])  # least-squares solution
BOX2_OFF = 0.5  # off-diagonal of the curvature matrix (unit diagonal)
BOX2_LAM = 0.4


def problem() -> dict:
    rng = np.random.default_rng(SEED)
    Z = rng.standard_normal((N, 2))
    Z = (Z - Z.mean(axis=0)) / Z.std(axis=0)
    X = Z * SCALES
    y = X @ W_TRUE + NOISE * rng.standard_normal(N)
    y = y - y.mean()
    return {"X": X, "y": y, "H": X.T @ X / N, "c": X.T @ y / N, "batches": rng.integers(0, N, (MINI_STEPS, BATCH))}


# ---------------------------------------------------------------- optimizers (numpy, vectorised)


def sgd_runs(H, c, lr: float, lam: float, steps: int) -> dict[str, np.ndarray]:
    """Full-batch gradient descent: plain, with L2 in the gradient, and with decoupled decay lr * lam."""
    out = {"sgd": [np.zeros(2)], "sgd_l2": [np.zeros(2)], "sgd_decay": [np.zeros(2)]}
    for _ in range(steps):
        w = out["sgd"][-1]
        out["sgd"].append(w - lr * (H @ w - c))
        w = out["sgd_l2"][-1]
        out["sgd_l2"].append(w - lr * ((H @ w - c) + lam * w))  # gradient of f + lam/2 ||w||^2
        w = out["sgd_decay"][-1]
        out["sgd_decay"].append(w - lr * (H @ w - c) - (lr * lam) * w)  # gradient step, then decay
    return {k: np.array(v) for k, v in out.items()}


def adam_runs(grad, lrs: np.ndarray, lam: float, p: int = 2, eps: float = EPS) -> dict:
    """Adam with L2 (row 0) and AdamW (row 1), same gradients oracle ``grad(W, t)`` -> (2, p).

    Adam + L2:  g <- grad f(w) + lam w;  w <- w - lr * mhat / (sqrt(vhat) + eps)
    AdamW:      g <- grad f(w);          w <- w - lr * (mhat / (sqrt(vhat) + eps) + lam w)
    Returns every TRACE_EVERY-th iterate, the final weights, the final vhat, and the running
    sum of the second half of the iterates (for averaging).
    """
    W = np.zeros((2, p))
    m = np.zeros_like(W)
    v = np.zeros_like(W)
    coupled = np.array([[lam], [0.0]])  # L2 added to the gradient of row 0 only
    decoupled = np.array([[0.0], [lam]])  # decay applied to row 1 only
    steps = len(lrs)
    trace, vtrace = [W.copy()], []
    tail = np.zeros_like(W)
    for t in range(1, steps + 1):
        g = grad(W, t - 1) + coupled * W
        m = BETA1 * m + (1 - BETA1) * g
        v = BETA2 * v + (1 - BETA2) * g * g
        mhat = m / (1 - BETA1**t)
        vhat = v / (1 - BETA2**t)
        W = W - lrs[t - 1] * (mhat / (np.sqrt(vhat) + eps) + decoupled * W)
        if t % TRACE_EVERY == 0:
            vtrace.append(vhat.copy())
        if t % TRACE_EVERY == 0 or (t <= TRACE_DENSE and t % 10 == 0):
            trace.append(W.copy())
        if t > steps // 2:
            tail += W
    return {
        "trace": np.array(trace),
        "vtrace": np.array(vtrace),
        "final": W,
        "vhat": vhat,
        "mean_tail": tail / (steps - steps // 2),
    }


def cosine(lr: float, steps: int) -> np.ndarray:
    return lr * 0.5 * (1 + np.cos(np.pi * np.arange(steps) / steps))


# ---------------------------------------------------------------- fixed points


def adamw_full_batch_fixed_point(H, c, lam: float, eps: float = EPS, iters: int = 100) -> np.ndarray:
    """Solve g_j / (|g_j| + eps) + lam w_j = 0 with g = H w - c (m -> g and vhat -> g^2 at rest).

    Equivalently g_j = -eps lam w_j / (1 - lam |w_j|), |w_j| < 1/lam: the stationary point of
    f(w) + eps * sum_j phi(w_j), phi(u) = -|u| - log(1 - lam |u|) / lam, a convex barrier.
    Damped Newton from w = 0, staying inside the box |w_j| < 1/lam.
    """
    w = np.zeros(len(c))
    for _ in range(iters):
        a = np.abs(w)
        grad = H @ w - c + eps * lam * w / (1 - lam * a)
        hess = H + np.diag(eps * lam / (1 - lam * a) ** 2)
        step = np.linalg.solve(hess, grad)
        t = 1.0
        while np.any(np.abs(w - t * step) >= 1 / lam):
            t /= 2
        w = w - t * step
        if np.max(np.abs(t * step)) < 1e-15:
            break
    return w


def minibatch_gradient(X, y, idx, W) -> np.ndarray:
    """Gradient of 1/(2|B|) sum_{i in B} (x_i'w - y_i)^2 for each row w of W (batch B = idx)."""
    Xb, yb = X[idx], y[idx]
    return (W @ Xb.T - yb) @ Xb / len(idx)


def minibatch_second_moment(X, y, w, batch: int) -> np.ndarray:
    """E[g_j^2] for the mean gradient of ``batch`` examples drawn with replacement, at w."""
    G = X * (X @ w - y)[:, None]  # per-example gradients of 1/2 (x'w - y)^2
    return G.mean(axis=0) ** 2 + G.var(axis=0) / batch


def adamw_minibatch_fixed_point(X, y, lam: float, batch: int, eps: float = EPS, iters: int = 200) -> tuple:
    """Where AdamW settles with noisy gradients: vhat ~ E[g^2] stays positive, so at rest
    E[g_j] = -lam (sqrt(E[g_j^2]) + eps) w_j: ridge with per-coordinate strength lam * s_j.
    Solved by fixed-point iteration on s.  Returns (w, s).
    """
    H, c = X.T @ X / len(y), X.T @ y / len(y)
    w = np.linalg.solve(H, c)
    for _ in range(iters):
        s = np.sqrt(minibatch_second_moment(X, y, w, batch)) + eps
        new = np.linalg.solve(H + lam * np.diag(s), c)
        if np.max(np.abs(new - w)) < 1e-15:
            w = new
            break
        w = new
    return w, s


def box_run() -> np.ndarray:
    """Final weights of Adam + L2 (row 0) and AdamW (row 1) on the one-weight box example, full batch."""
    grad = lambda W, t: BOX_CURVATURE * (W - BOX_W_LS)  # noqa: E731
    return adam_runs(grad, cosine(ADAM_LR, BOX_RUN_STEPS), BOX_LAM, p=1)["final"][:, 0]


def box2_hessian() -> np.ndarray:
    return np.array([[1.0, BOX2_OFF], [BOX2_OFF, 1.0]])


def box_fixed_point(w_ls: float, lam: float, h: float, eps: float = EPS) -> float:
    """One coordinate, f(w) = h/2 (w - w_ls)^2: the full-batch AdamW fixed point."""
    return float(adamw_full_batch_fixed_point(np.array([[h]]), np.array([h * w_ls]), lam, eps)[0])


# ---------------------------------------------------------------- the page


def compute() -> dict:
    P = problem()
    X, y, H, c = P["X"], P["y"], P["H"], P["c"]
    ls = np.linalg.solve(H, c)
    ridge = solvers.ridge(X, y, LAM, fit_intercept=False).w
    sgd = sgd_runs(H, c, SGD_LR, LAM, SGD_STEPS)

    full = adam_runs(lambda W, t: W @ H - c, cosine(ADAM_LR, FULL_STEPS), LAM)

    batches = P["batches"]

    mini = adam_runs(lambda W, t: minibatch_gradient(X, y, batches[t], W), np.full(MINI_STEPS, MINI_LR), LAM)
    adamw_fp = adamw_full_batch_fixed_point(H, c, LAM)
    adamw_mini_fp, s_mini = adamw_minibatch_fixed_point(X, y, LAM, BATCH)
    out = {
        **P,
        "ls": ls,
        "ridge": ridge,
        "sgd": sgd,
        "sgd_gap": float(np.max(np.abs(sgd["sgd_l2"] - sgd["sgd_decay"]))),
        "full": full,
        "mini": mini,
        "adamw_fp": adamw_fp,
        "adamw_mini_fp": adamw_mini_fp,
        "s_mini": s_mini,
        "box": box_fixed_point(BOX_W_LS, BOX_LAM, BOX_CURVATURE),
        "box_run": box_run(),
        "box2": adamw_full_batch_fixed_point(box2_hessian(), box2_hessian() @ BOX2_A, BOX2_LAM),
        "full_end_gap": float(np.max(np.abs(full["final"][1] - ls))),
        "torch_factor": 1 - TORCH_LR * TORCH_WEIGHT_DECAY,
        "torch_after": (1 - TORCH_LR * TORCH_WEIGHT_DECAY) ** TORCH_STEPS,
    }
    return {**out, **end_points(out)}


LABELS = {
    "l2_full": "Adam + L2, full batch",
    "w_full": "AdamW, full batch",
    "l2_mini": "Adam + L2, stochastic",
    "w_mini": "AdamW, stochastic",
}


def endpoints(r: dict) -> dict[str, np.ndarray]:
    """Where each Adam run ended: last iterate (full batch) or mean of the second half (mini-batches)."""
    return {
        "l2_full": r["full"]["final"][0],
        "w_full": r["full"]["final"][1],
        "l2_mini": r["mini"]["mean_tail"][0],
        "w_mini": r["mini"]["mean_tail"][1],
    }


def predictions(r: dict) -> dict[str, np.ndarray]:
    return {"l2_full": r["ridge"], "w_full": r["adamw_fp"], "l2_mini": r["ridge"], "w_mini": r["adamw_mini_fp"]}


def end_points(r: dict) -> dict:
    """Where the runs ended against their predictions, and the per-weight decay and shrinkage the page quotes."""
    ends, preds = endpoints(r), predictions(r)
    sq_l2 = np.sqrt(r["mini"]["vhat"][0]) + EPS  # Adam + L2's divisor at the end of the stochastic run
    return {
        "ends": ends,
        "preds": preds,
        "rel_gap": {k: float(np.max(np.abs(ends[k] - preds[k]) / np.abs(preds[k]))) for k in ends},
        "l2_decay": 1 / sq_l2,  # decay per step / (lr * lam) of Adam + L2
        "l2_decay_ratio": float(sq_l2[0] / sq_l2[1]),
        "inv_s2": float(1 / r["s_mini"][1]),
        "lam_eff": LAM * r["s_mini"],
        "ridge_shrink": 1 - r["ridge"] / r["ls"],
        "w_mini_shrink": 1 - r["adamw_mini_fp"] / r["ls"],
        "box_ridge": BOX_CURVATURE * BOX_W_LS / (BOX_CURVATURE + BOX_LAM),
        "box_run_gap": float(abs(r["box_run"][1] - r["box"])),
        "inv_lam": 1 / LAM,
        "sgd_decay_rate": SGD_LR * LAM,
        "box2_wall": 1 / BOX2_LAM,
        "torch_per_step": TORCH_LR * TORCH_WEIGHT_DECAY,
        "l2_decay_trace": {
            "steps": np.arange(1, len(r["mini"]["vtrace"]) + 1) * TRACE_EVERY,
            "decay": 1 / (np.sqrt(r["mini"]["vtrace"][:, 0, :]) + EPS),  # Adam + L2: decay per step / (lr * lam)
        },
        "excess_grid": excess_grid(r["H"], r["ls"]),
    }


def excess_grid(H, ls) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """f(w) - f(least squares) on the trajectories' plot window, for contour lines."""
    g1, g2 = np.meshgrid(np.linspace(-0.05, 1.15, 121), np.linspace(-0.05, 1.05, 111))
    G = np.stack([g1, g2], axis=-1) - ls
    return g1, g2, 0.5 * np.einsum("...i,ij,...j->...", G, H, G)


def _vec(w) -> str:
    return "(" + ", ".join(fmt.num(x) for x in w) + ")"


def _gap(x: float) -> str:
    return "< 0.01 %" if x < 1e-4 else fmt.percent(x, 2)


def numbers(r: dict) -> dict[str, str]:
    out = {
        "n": fmt.integer(N),
        "scale1": fmt.num(SCALES[0]),
        "scale2": fmt.num(SCALES[1]),
        "noise": fmt.num(NOISE),
        "lam": fmt.num(LAM),
        "inv_lam": fmt.num(r["inv_lam"]),
        "ls": _vec(r["ls"]),
        "ridge": _vec(r["ridge"]),
        "adamw_fp": _vec(r["adamw_fp"]),
        "adamw_mini_fp": _vec(r["adamw_mini_fp"]),
        "sgd_lr": fmt.num(SGD_LR),
        "sgd_decay_rate": fmt.num(r["sgd_decay_rate"]),
        "sgd_steps": fmt.integer(SGD_STEPS),
        "sgd_l2_final": _vec(r["sgd"]["sgd_l2"][-1]),
        "adam_lr": fmt.num(ADAM_LR),
        "full_steps": fmt.integer(FULL_STEPS),
        "mini_lr": fmt.num(MINI_LR),
        "mini_steps": fmt.integer(MINI_STEPS),
        "batch": fmt.integer(BATCH),
        "beta1": fmt.num(BETA1),
        "beta2": fmt.num(BETA2, 4),
        "eps": fmt.sci(EPS),
        "s1": fmt.num(r["s_mini"][0]),
        "s2": fmt.num(r["s_mini"][1]),
        "inv_s2": fmt.num(r["inv_s2"]),
        "lam_eff1": fmt.num(r["lam_eff"][0]),
        "lam_eff2": fmt.num(r["lam_eff"][1]),
        "l2_decay1": fmt.num(r["l2_decay"][0]),
        "l2_decay2": fmt.num(r["l2_decay"][1]),
        "l2_decay_ratio": fmt.num(r["l2_decay_ratio"]),
        "curv1": fmt.num(r["H"][0, 0]),
        "curv2": fmt.num(r["H"][1, 1]),
        "ridge_shrink1": fmt.percent(r["ridge_shrink"][0]),
        "ridge_shrink2": fmt.percent(r["ridge_shrink"][1]),
        "w_mini_shrink1": fmt.percent(r["w_mini_shrink"][0]),
        "w_mini_shrink2": fmt.percent(r["w_mini_shrink"][1]),
        "box.w_ls": fmt.num(BOX_W_LS),
        "box.lam": fmt.num(BOX_LAM),
        "box.fp": fmt.num(r["box"]),
        "box.ridge": fmt.num(r["box_ridge"]),
        "box.run_steps": fmt.integer(BOX_RUN_STEPS),
        "box.run_adamw": fmt.num(r["box_run"][1]),
        "box.run_l2": fmt.num(r["box_run"][0]),
        "box.run_gap": fmt.power_bound(r["box_run_gap"], -12),
        "box2.ls": _vec(BOX2_A),
        "box2.off": fmt.num(BOX2_OFF),
        "box2.lam": fmt.num(BOX2_LAM),
        "box2.wall": fmt.num(r["box2_wall"]),
        "box2.fp": _vec(r["box2"]),
        "full_end_gap": fmt.power_bound(r["full_end_gap"], -12),
        "torch.lr": fmt.num(TORCH_LR),
        "torch.wd": fmt.num(TORCH_WEIGHT_DECAY),
        "torch.per_step": fmt.num(r["torch_per_step"]),
        "torch.factor": fmt.num(r["torch_factor"], 5),
        "torch.steps": fmt.integer(TORCH_STEPS),
        "torch.after": fmt.num(r["torch_after"]),
        "torch.sgd_lam": fmt.num(TORCH_WEIGHT_DECAY),
    }
    for key, w in r["ends"].items():
        out[f"end.{key}"] = _vec(w)
        out[f"err.{key}"] = _gap(r["rel_gap"][key])
    return out


def tables(r: dict) -> dict[str, str]:
    ends, preds = r["ends"], r["preds"]
    what = {
        "l2_full": "ridge solution",
        "w_full": "AdamW fixed point, full batch",
        "l2_mini": "ridge solution",
        "w_mini": "AdamW fixed point, stochastic gradients",
    }
    rows = [
        [
            LABELS[k],
            fmt.fixed(ends[k][0], 4),
            fmt.fixed(ends[k][1], 4),
            what[k],
            fmt.fixed(preds[k][0], 4),
            fmt.fixed(preds[k][1], 4),
            _gap(r["rel_gap"][k]),
        ]
        for k in ends
    ]
    rows.append(["(least squares, no penalty)", "", "", "", fmt.fixed(r["ls"][0], 4), fmt.fixed(r["ls"][1], 4), ""])
    header = ["run", "$w_1$", "$w_2$", "predicted end point", "$w_1$", "$w_2$", "largest relative gap"]
    return {"endpoints": fmt.table(header, rows, "lrrlrrr")}


COLOURS = {"l2": style.VERMILLION, "w": style.BLUE}
DASHES = {"l2": (0, (5, 2)), "w": "solid"}


def _reference_points(ax, r, fp_key: str, fp_label: str):
    ax.plot(*r["ls"], marker="X", color=style.INK, markersize=9, linestyle="none", label="least squares (no penalty)")
    ax.plot(
        *r["ridge"],
        marker="s",
        color=style.GREEN,
        markersize=8,
        linestyle="none",
        label="ridge solution, λ = " + fmt.num(LAM),
    )
    ax.plot(
        *r[fp_key],
        marker="D",
        markerfacecolor="none",
        color=style.PURPLE,
        markersize=11,
        markeredgewidth=1.6,
        linestyle="none",
        label=fp_label,
    )


def _trajectory_figure(r: dict):
    fig = style.new_figure(7.6, 3.6)
    axes = fig.subplots(1, 2, sharey=True)
    g1, g2, excess = r["excess_grid"]
    for ax, run, title, fp_key, fp_label in (
        (
            axes[0],
            r["full"],
            f"full batch, cosine schedule, {fmt.integer(FULL_STEPS)} steps",
            "adamw_fp",
            "AdamW fixed point (predicted)",
        ),
        (
            axes[1],
            r["mini"],
            f"stochastic: one example per step, {fmt.integer(MINI_STEPS)} steps",
            "adamw_mini_fp",
            "AdamW fixed point (predicted)",
        ),
    ):
        ax.contour(g1, g2, excess, levels=[0.002, 0.01, 0.03, 0.1, 0.3, 1, 3], colors=style.GRID, linewidths=0.8)
        tr = run["trace"]
        ax.plot(tr[:, 0, 0], tr[:, 0, 1], color=COLOURS["l2"], linestyle=DASHES["l2"], linewidth=1.4, label="Adam + L2")
        ax.plot(tr[:, 1, 0], tr[:, 1, 1], color=COLOURS["w"], linestyle=DASHES["w"], linewidth=1.2, label="AdamW")
        _reference_points(ax, r, fp_key, fp_label)
        ax.set_title(title, fontsize=10)
        ax.set_xlabel("w₁ (feature with scale " + fmt.num(SCALES[0]) + ")")
        ax.set_xlim(-0.05, 1.15)
        ax.set_ylim(-0.05, 1.05)
    axes[0].set_ylabel("w₂ (feature with scale " + fmt.num(SCALES[1]) + ")")
    handles, labels = [], []
    for ax in axes:
        for h, lab in zip(*ax.get_legend_handles_labels(), strict=True):
            if lab not in labels:
                handles.append(h)
                labels.append(lab)
    fig.legend(handles, labels, loc="outside lower center", ncol=3, fontsize=9)
    return fig


def _final_weights_figure(r: dict):
    ends, preds = r["ends"], r["preds"]
    fig = style.new_figure(7.2, 3.4)
    axes = fig.subplots(1, 2)
    keys = list(ends)
    markers = {"l2_full": "o", "l2_mini": "o", "w_full": "^", "w_mini": "^"}
    filled = {"l2_full": True, "l2_mini": False, "w_full": True, "w_mini": False}
    for j, ax in enumerate(axes):
        ax.axhline(r["ls"][j], color=style.INK, linestyle=(0, (1, 1.5)), linewidth=1)
        ax.axhline(r["ridge"][j], color=style.GREEN, linestyle=(0, (5, 2)), linewidth=1.2)
        for i, k in enumerate(keys):
            colour = COLOURS[k.split("_")[0]]
            ax.plot([i - 0.3, i + 0.3], [preds[k][j]] * 2, color=style.INK, linewidth=2)
            ax.plot(
                i,
                ends[k][j],
                marker=markers[k],
                markersize=9,
                color=colour,
                markerfacecolor=colour if filled[k] else "none",
                markeredgewidth=1.6,
                linestyle="none",
            )
        ax.set_xticks(range(len(keys)), [LABELS[k].replace(", ", "\n") for k in keys], fontsize=8)
        ax.set_xlim(-0.6, len(keys) - 0.4)
        ax.set_title(f"w{'₁₂'[j]}: feature with scale {fmt.num(SCALES[j])}", fontsize=10)
    axes[0].set_ylabel("final weight")
    from matplotlib.lines import Line2D

    legend = [
        Line2D([], [], color=style.INK, linewidth=2, label="predicted end point"),
        Line2D([], [], color=style.INK, linestyle=(0, (1, 1.5)), label="least squares"),
        Line2D([], [], color=style.GREEN, linestyle=(0, (5, 2)), label="ridge solution"),
    ]
    fig.legend(handles=legend, loc="outside lower center", ncol=3, fontsize=9)
    return fig


def _decay_figure(r: dict):
    fig = style.new_figure(6.4, 3.2)
    ax = fig.add_subplot()
    steps, rel = r["l2_decay_trace"]["steps"], r["l2_decay_trace"]["decay"]
    ax.plot(
        steps, rel[:, 0], color=COLOURS["l2"], linestyle="solid", label=f"Adam + L2, w₁ (scale {fmt.num(SCALES[0])})"
    )
    ax.plot(
        steps,
        rel[:, 1],
        color=COLOURS["l2"],
        linestyle=(0, (5, 2)),
        label=f"Adam + L2, w₂ (scale {fmt.num(SCALES[1])})",
    )
    ax.axhline(1.0, color=COLOURS["w"], linestyle=(0, (1, 1.5)), linewidth=2, label="AdamW, both weights")
    ax.set_yscale("log")
    ax.set_xlabel("step (stochastic gradients, one example per step)")
    ax.set_ylabel("decay per step ÷ (learning rate × λ)")
    fig.legend(loc="outside lower center", ncol=3, fontsize=9)
    return fig


def figures(r: dict) -> dict:
    return {
        "trajectories": _trajectory_figure(r),
        "final-weights": _final_weights_figure(r),
        "decay-per-step": _decay_figure(r),
    }


# Keys of numbers() that no page, erratum or lab quotes: the page's tests read them
# (tests/test_docs.py keeps this list exact).
INTERNAL_NUMBERS = frozenset(
    {
        "batch",
        "err.l2_full",
        "err.w_full",
        "torch.lr",
        "torch.sgd_lam",
        "torch.wd",
        "w_mini_shrink1",
        "w_mini_shrink2",
    }
)
