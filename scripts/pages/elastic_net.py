"""Elastic net and correlated features: the lasso picks one, ridge and the elastic net share.

Three experiments, all with the site's objective

    J(b, w) = 1/(2n) ||y - b - Xw||^2 + lam (alpha ||w||_1 + (1 - alpha)/2 ||w||_2^2)

solved by ``scripts.solvers`` (coordinate descent; ridge in closed form):

* two features that are noisy copies of one signal, refitted on bootstrap resamples;
* a group of five such features next to five pure-noise features: coefficient paths and
  a bootstrap of how the weight is spread inside the group;
* exact copies of one feature, where the elastic net has a closed form (grouping effect).
"""

from __future__ import annotations

import numpy as np

from scripts import fmt, solvers, style

N = 100  # examples in every experiment
SEED = 20051  # data
BOOT_SEED = 2005  # bootstrap resamples
N_BOOT = 100  # bootstrap resamples per experiment
ALPHA_NET = 0.5  # the elastic net shown next to the lasso (alpha = 1) and ridge (alpha = 0)
TOL = 1e-9  # coordinate descent tolerance (relative change of the weights per sweep)

TWO_NOISE = 0.1  # x_j = z + 0.1 e_j: correlation about 0.99
GROUP_SIZE = 5
GROUP_NOISE = 0.2  # correlation about 0.96 inside the group
N_NOISE_FEATURES = 5
Y_NOISE = 0.5
LAM_FRACTION = 0.5  # lam = 0.5 * lambda_max of the lasso in the bootstrap experiments
N_LAMS = 30
COPIES = 3  # exact copies of one feature in the grouping-effect example

METHODS = {"lasso": 1.0, "net": ALPHA_NET, "ridge": 0.0}
LABELS = {"lasso": "lasso (α = 1)", "net": f"elastic net (α = {fmt.num(ALPHA_NET)})", "ridge": "ridge (α = 0)"}


def fit(X, y, lam: float, alpha: float, w0=None) -> solvers.Fit:
    """The site's elastic net at (lam, alpha); ridge (alpha = 0) in closed form."""
    if alpha == 0:
        return solvers.ridge(X, y, lam)
    return solvers.coordinate_descent(X, y, lam, alpha, w0=w0, tol=TOL)


def net_identical_copies(c: float, lam: float, alpha: float, k: int) -> float:
    """Weight of each of k exact copies of one standardised feature, with c = x'y/n (centred).

    Restricted to equal weights w_j = s/k, the problem is a one-feature elastic net in s with
    L1 strength lam*alpha and L2 strength lam*(1 - alpha)/k, so w_j = S(c, lam alpha) / (k + lam (1 - alpha)).
    """
    return float(solvers.soft_threshold(c, lam * alpha) / (k + lam * (1 - alpha)))


def grouping_bound(y, rho: float, lam: float, alpha: float) -> float:
    """Bound on |w_i - w_j| for two standardised features of correlation rho whose weights share a sign.

    From the optimality conditions: lam (1 - alpha) (w_i - w_j) = (x_i - x_j)'r / n, with
    ||x_i - x_j||^2 = 2 n (1 - rho) and ||r|| <= ||y - mean(y)|| (the fit is no worse than w = 0).
    """
    return float(np.std(y) * np.sqrt(2 * (1 - rho)) / (lam * (1 - alpha)))


def lasso_second_entry(X, y) -> float:
    """For two standardised features: the lam at which the lasso's second feature enters.

    Relabel so that c_1 = |x_1'(y - mean y)|/n is the larger; flip the sign of x_1 so that c_1 > 0
    (rho changes sign with it, c_2 does not).  The first feature enters at lam_max = c_1 with weight
    c_1 - lam; the second one's inner product with the residual is then
    h(lam) = c_2 - rho (c_1 - lam), and it enters where |h(lam)| = lam:
    at lam_2 = (c_2 - rho c_1) / (1 - rho) = c_1 - (c_1 - c_2)/(1 - rho) with the sign of c_2 if that
    is positive, otherwise at (rho c_1 - c_2) / (1 + rho) with the opposite sign.  (Both expressions
    cannot be positive at once; their maximum is the entry point.)
    """
    c, rho = _entry_inputs(X, y)
    c1, c2 = c
    return float(max((c2 - rho * c1) / (1 - rho), (rho * c1 - c2) / (1 + rho)))


def lasso_second_entry_same_sign(X, y) -> float:
    """The page's formula lam_2 = c_1 - (c_1 - c_2)/(1 - rho), before checking that it is positive."""
    c, rho = _entry_inputs(X, y)
    c1, c2 = c
    return float(c1 - (c1 - c2) / (1 - rho))


def _entry_inputs(X, y) -> tuple[tuple[float, float], float]:
    """(c_1, c_2) and rho after relabelling (|c_1| >= |c_2|) and flipping x_1 so that c_1 > 0."""
    n = len(y)
    c = X.T @ (y - np.mean(y)) / n
    rho = float(X[:, 0] @ X[:, 1] / n)
    first = int(np.argmax(np.abs(c)))
    s = float(np.sign(c[first]))
    return (s * float(c[first]), float(c[1 - first])), s * rho


def _bootstrap(X, y, lam: float, rng) -> tuple[dict[str, np.ndarray], np.ndarray]:
    """Refit every method on the same N_BOOT resamples (each resample re-standardised).

    Returns the weights per method and the (N_BOOT, n) row indices of the resamples.
    """
    starts = {m: fit(X, y, lam, a).w for m, a in METHODS.items()}
    out = {m: np.empty((N_BOOT, X.shape[1])) for m in METHODS}
    rows = np.empty((N_BOOT, len(y)), dtype=int)
    for i in range(N_BOOT):
        idx = rows[i] = rng.integers(0, len(y), len(y))
        Xb, _, _ = solvers.standardize(X[idx])
        for m, a in METHODS.items():
            out[m][i] = fit(Xb, y[idx], lam, a, w0=starts[m]).w
    return out, rows


def _second_entries(X, y, rows: np.ndarray) -> dict[str, np.ndarray]:
    """Per resample: the lasso's second entry point, and the same-sign formula before its sign check."""
    entry, same_sign = [], []
    for idx in rows:
        Xb, _, _ = solvers.standardize(X[idx])
        entry.append(lasso_second_entry(Xb, y[idx]))
        same_sign.append(lasso_second_entry_same_sign(Xb, y[idx]))
    return {"entry": np.array(entry), "same_sign": np.array(same_sign)}


def _two_features(rng) -> dict:
    z = rng.standard_normal(N)
    X = z[:, None] + TWO_NOISE * rng.standard_normal((N, 2))
    y = z + Y_NOISE * rng.standard_normal(N)
    Xs, _, _ = solvers.standardize(X)
    lam_max = solvers.lambda_max(Xs, y)
    lam = LAM_FRACTION * lam_max
    full = {m: fit(Xs, y, lam, a) for m, a in METHODS.items()}
    return {
        "X": Xs,
        "y": y,
        "rho": float(Xs[:, 0] @ Xs[:, 1] / N),
        "lam_max": lam_max,
        "lam": lam,
        "full": full,
    }


def _group(rng) -> dict:
    z = rng.standard_normal(N)
    group = z[:, None] + GROUP_NOISE * rng.standard_normal((N, GROUP_SIZE))
    noise = rng.standard_normal((N, N_NOISE_FEATURES))
    y = z + Y_NOISE * rng.standard_normal(N)
    Xs, _, _ = solvers.standardize(np.column_stack([group, noise]))
    C = Xs.T @ Xs / N
    lam_max = solvers.lambda_max(Xs, y)
    # One grid for all three methods, from where the elastic net is all zeros (lam_max / alpha).
    lams = lam_max / ALPHA_NET * np.logspace(0, -2.3, N_LAMS)
    paths = {m: solvers.path(Xs, y, lams, a, tol=TOL) for m, a in METHODS.items()}
    off = C[:GROUP_SIZE, :GROUP_SIZE][np.triu_indices(GROUP_SIZE, 1)]
    return {
        "X": Xs,
        "y": y,
        "rho_min": float(off.min()),
        "rho_max": float(off.max()),
        "lam_max": lam_max,
        "lam": LAM_FRACTION * lam_max,
        "lams": lams,
        "paths": paths,
    }


def _concentration(W: np.ndarray) -> dict:
    """How the group's weight is spread, per resample: non-zeros, largest share, share of feature 1."""
    A = np.abs(W)
    total = A.sum(axis=1)
    keep = total > 0
    return {
        "nonzero_mean": float((W != 0).sum(axis=1).mean()),
        "exactly_one": float(((W != 0).sum(axis=1) == 1).mean()),
        "largest_share": float((A[keep].max(axis=1) / total[keep]).mean()),
        "share_first_sd": float((A[keep, 0] / total[keep]).std()),
        "coef_sd": float(W.std(axis=0).mean()),
        "largest_counts": np.bincount(A.argmax(axis=1), minlength=W.shape[1]),
    }


def _identical(two: dict) -> dict:
    """Exact copies of the first feature of the two-feature data set."""
    x, y = two["X"][:, 0], two["y"]
    X = np.repeat(x[:, None], COPIES, axis=1)
    c = float(x @ (y - y.mean()) / N)
    lam = two["lam"]
    # tol = 0: sweep until a full sweep changes nothing, so equality is tested to rounding.
    fits = {m: solvers.coordinate_descent(X, y, lam, a, tol=0.0) for m, a in METHODS.items() if m != "ridge"}
    return {
        "X": X,
        "y": y,
        "c": c,
        "lam": lam,
        "fits": fits,
        "closed_form": {m: net_identical_copies(c, lam, a, COPIES) for m, a in METHODS.items()},
        "lasso_total": float(solvers.soft_threshold(c, lam)),
    }


def compute() -> dict:
    rng = np.random.default_rng(SEED)
    two = _two_features(rng)
    group = _group(rng)
    boot_rng = np.random.default_rng(BOOT_SEED)
    two["boot"], two["rows"] = _bootstrap(two["X"], two["y"], two["lam"], boot_rng)
    group["boot"], group["rows"] = _bootstrap(group["X"], group["y"], group["lam"], boot_rng)
    two["entries"] = _second_entries(two["X"], two["y"], two["rows"])
    two["stats"] = {m: _concentration(W) for m, W in two["boot"].items()}
    group["stats"] = {m: _concentration(W[:, :GROUP_SIZE]) for m, W in group["boot"].items()}
    lasso = two["boot"]["lasso"]
    two["keeps_first"] = float(((lasso[:, 0] != 0) & (lasso[:, 1] == 0)).mean())
    two["keeps_second"] = float(((lasso[:, 1] != 0) & (lasso[:, 0] == 0)).mean())
    net = two["full"]["net"].w
    two["net_gap"] = float(abs(net[0] - net[1]))
    two["net_bound"] = grouping_bound(two["y"], two["rho"], two["lam"], ALPHA_NET)
    two["ridge_gap"] = float(abs(two["full"]["ridge"].w[0] - two["full"]["ridge"].w[1]))
    two["ridge_bound"] = grouping_bound(two["y"], two["rho"], two["lam"], 0.0)
    two["lam_second"] = lasso_second_entry(two["X"], two["y"])
    # How many group members each method uses at the lam of the bootstrap (full data).
    group["full"] = {m: fit(group["X"], group["y"], group["lam"], a).w for m, a in METHODS.items()}
    group["active"] = {m: int((w[:GROUP_SIZE] != 0).sum()) for m, w in group["full"].items()}
    group["active_noise"] = {m: int((w[GROUP_SIZE:] != 0).sum()) for m, w in group["full"].items()}
    return {"two": two, "group": group, "identical": _identical(two)}


def numbers(r: dict) -> dict[str, str]:
    two, group, same = r["two"], r["group"], r["identical"]
    out = {
        "n": fmt.integer(N),
        "n_boot": fmt.integer(N_BOOT),
        "alpha_net": fmt.num(ALPHA_NET),
        "lam_fraction": fmt.num(LAM_FRACTION),
        "two.rho": fmt.num(two["rho"]),
        "two.rho4": fmt.num(two["rho"], 4),
        "two.noise": fmt.num(TWO_NOISE),
        "y_noise": fmt.num(Y_NOISE),
        "group.noise": fmt.num(GROUP_NOISE),
        "two.lam_second": fmt.num(two["lam_second"]),
        "two.boot.opposite_sign": fmt.percent(np.mean(two["entries"]["same_sign"] <= 0)),
        "two.boot.entry_max_opposite": fmt.num(two["entries"]["entry"][two["entries"]["same_sign"] <= 0].max()),
        "two.lam": fmt.num(two["lam"]),
        "two.lam_max": fmt.num(two["lam_max"]),
        "two.keeps_first": fmt.percent(two["keeps_first"]),
        "two.keeps_second": fmt.percent(two["keeps_second"]),
        "two.net_gap": fmt.num(two["net_gap"]),
        "two.net_bound": fmt.num(two["net_bound"]),
        "two.ridge_gap": fmt.num(two["ridge_gap"]),
        "two.ridge_bound": fmt.num(two["ridge_bound"]),
        "two.sd_y": fmt.num(np.std(two["y"])),
        "group.size": fmt.integer(GROUP_SIZE),
        "group.noise_features": fmt.integer(N_NOISE_FEATURES),
        "group.rho_min": fmt.num(group["rho_min"]),
        "group.rho_max": fmt.num(group["rho_max"]),
        "group.lam": fmt.num(group["lam"]),
        "group.active.lasso": fmt.integer(group["active"]["lasso"]),
        "group.active.net": fmt.integer(group["active"]["net"]),
        "same.copies": fmt.integer(COPIES),
        "same.c": fmt.num(same["c"]),
        "same.lam": fmt.num(same["lam"]),
        "same.net_each": fmt.num(same["closed_form"]["net"]),
        "same.ridge_each": fmt.num(same["closed_form"]["ridge"]),
        "same.lasso_total": fmt.num(same["lasso_total"]),
        "same.lasso_first": fmt.num(same["fits"]["lasso"].w[0]),
        "ex.sklearn_ridge_alpha": fmt.num(N * two["lam"]),
    }
    for where, res in (("two", two), ("group", group)):
        for m, s in res["stats"].items():
            out[f"{where}.{m}.exactly_one"] = fmt.percent(s["exactly_one"])
            out[f"{where}.{m}.largest_share"] = fmt.num(s["largest_share"])
            out[f"{where}.{m}.share_first_sd"] = fmt.num(s["share_first_sd"])
            out[f"{where}.{m}.nonzero_mean"] = fmt.num(s["nonzero_mean"])
    for m in ("lasso", "net"):
        counts = group["stats"][m]["largest_counts"]
        out[f"group.{m}.largest_top"] = fmt.percent(counts.max() / N_BOOT)
    return out


def tables(r: dict) -> dict[str, str]:
    n = numbers(r)
    rows = []
    for m in METHODS:
        counts = r["group"]["stats"][m]["largest_counts"]
        rows.append(
            [
                LABELS[m],
                n[f"group.{m}.nonzero_mean"],
                n[f"group.{m}.exactly_one"],
                n[f"group.{m}.largest_share"],
                " / ".join(fmt.integer(c) for c in counts),
            ]
        )
    header = [
        "method",
        "members used (mean)",
        "exactly one member",
        "largest member's share (mean)",
        "times member 1 / 2 / 3 / 4 / 5 is largest",
    ]
    return {"group-bootstrap": fmt.table(header, rows, "lrrrr")}


MARKERS = {"lasso": "o", "net": "^", "ridge": "s"}
COLOURS = {"lasso": style.VERMILLION, "net": style.BLUE, "ridge": style.GREEN}


def _bootstrap_figure(two: dict):
    fig = style.new_figure(7.2, 2.9)
    axes = fig.subplots(1, 3, sharex=True, sharey=True)
    top = max(float(W.max()) for W in two["boot"].values()) * 1.05
    for ax, (m, W) in zip(axes, two["boot"].items(), strict=True):
        ax.plot([0, top], [0, top], color=style.MUTED, linewidth=0.8, linestyle=(0, (4, 2)))
        ax.scatter(W[:, 0], W[:, 1], s=14, marker=MARKERS[m], facecolors="none", edgecolors=COLOURS[m], linewidths=0.9)
        full = two["full"][m].w
        ax.plot(full[0], full[1], marker="+", color=style.INK, markersize=10, markeredgewidth=1.6, linestyle="none")
        ax.set_title(LABELS[m], fontsize=10)
        ax.set_xlim(-0.02 * top, top)
        ax.set_ylim(-0.02 * top, top)
        ax.set_aspect("equal")
        ax.set_xlabel("w₁")
    axes[0].set_ylabel("w₂")
    fig.suptitle(
        f"Two features, correlation {fmt.num(two['rho'])}: {N_BOOT} bootstrap refits (+: full data)", fontsize=11
    )
    return fig


def _paths_figure(group: dict):
    fig = style.new_figure(7.6, 3.2)
    axes = fig.subplots(1, 3, sharey=True)
    lams = group["lams"]
    member_colours = [style.BLUE, style.VERMILLION, style.GREEN, style.PURPLE, style.ORANGE]
    member_dashes = ["solid", (0, (5, 2)), (0, (1, 1.2)), (0, (5, 2, 1, 2)), (0, (3, 1.5))]
    for ax, (m, P) in zip(axes, group["paths"].items(), strict=True):
        for j in range(GROUP_SIZE, P.shape[1]):
            ax.plot(
                lams, P[:, j], color=style.MUTED, linewidth=0.9, label="noise features" if j == GROUP_SIZE else None
            )
        for j in range(GROUP_SIZE):
            ax.plot(lams, P[:, j], color=member_colours[j], linestyle=member_dashes[j], label=f"group member {j + 1}")
        ax.axvline(group["lam"], color=style.INK, linewidth=0.8, linestyle=(0, (1, 2)))
        ax.set_xscale("log")
        ax.invert_xaxis()
        ax.set_title(LABELS[m], fontsize=10)
    fig.supxlabel("λ (log scale; regularization decreases to the right)", fontsize=10)
    axes[0].set_ylabel("weight wⱼ")
    handles, labels = axes[0].get_legend_handles_labels()
    fig.legend(handles[1:] + handles[:1], labels[1:] + labels[:1], loc="outside right center", fontsize=9)
    return fig


def figures(r: dict) -> dict:
    return {
        "bootstrap-two-features": _bootstrap_figure(r["two"]),
        "coefficient-paths": _paths_figure(r["group"]),
    }


# Keys of numbers() that no page, erratum or lab quotes: the page's tests read them
# (tests/test_docs.py keeps this list exact).
INTERNAL_NUMBERS = frozenset(
    {
        "group.lasso.nonzero_mean",
        "group.lasso.share_first_sd",
        "group.net.exactly_one",
        "group.net.nonzero_mean",
        "group.net.share_first_sd",
        "group.ridge.exactly_one",
        "group.ridge.nonzero_mean",
        "group.ridge.share_first_sd",
        "lam_fraction",
        "same.copies",
        "two.lasso.nonzero_mean",
        "two.net.nonzero_mean",
        "two.ridge.largest_share",
        "two.ridge.nonzero_mean",
    }
)
