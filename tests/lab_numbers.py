"""What each lab must reproduce of its page, and how to read it from the lab.

The labs carry no test plumbing: a reader (on the site or in the downloaded notebook) sees only
the teaching. Here, each lab maps page keys to an expression evaluated in the lab's namespace
after the whole notebook has run, and to the page's own formatter (``scripts/fmt.py``): the lab
must compute the number the page prints, to the digits the page prints.

Fenced ``python`` blocks in a lab's Markdown cells (optional code that needs more than numpy
and matplotlib, such as scikit-learn's diabetes data) are run after the notebook, in order, so
they are checked too.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import nbformat
from nbclient import NotebookClient

from scripts import fmt
from scripts.pages.geometry.text import vector
from scripts.pipeline import ROOT
from tests import lab_figures


def _names(names: list[str]) -> str:
    """``a``, ``a and b``, ``a, b and c``: as the geometry page lists variables."""
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _num4(x: float) -> str:
    return fmt.num(x, 4)


def _below(floor: int) -> Callable[[float], str]:
    return lambda x: fmt.num_or_below(x, floor)


# lab (file stem) -> {page key: (expression in the lab's namespace, the page's formatter)}
LAB_NUMBERS: dict[str, dict[str, tuple[str, Callable]]] = {
    "conventions": {
        "conventions.l1": ("lp_norm(w, 1)", fmt.num),
        "conventions.l2": ("lp_norm(w, 2)", _num4),
        "conventions.linf": ("lp_norm(w, np.inf)", fmt.num),
        "conventions.diagonal.p2": ("1 / lp_norm([1, 1], 2)", fmt.num),
    },
    "norms": {
        "norms.fit.a.train_mse": ('fits["[a] quadratic"]["train"]', fmt.num),
        "norms.fit.a.test_mse": ('fits["[a] quadratic"]["test"]', fmt.num),
        "norms.lam_b": ("lam_b", fmt.num),
        "norms.fit.b.test_mse": ('fits["[b] ridge"]["test"]', fmt.num),
        "norms.fit.c.test_mse": ('fits["[c] interpolant"]["test"]', fmt.num),
        "norms.fit.c.l2": ('norms(coef_c)["L2"]', fmt.num),
        "norms.basis.cm.with.b.l2": ('l2["centimetres, with intercept"]["[b] ridge"]', fmt.num),
        "norms.basis.cm.with.c.l2": ('l2["centimetres, with intercept"]["[c] interpolant"]', fmt.num),
        "norms.descent.sub_exact_zeros": ("sub_zeros", fmt.integer),
        "norms.descent.ista_exact_from": ("ista_from", fmt.integer),
    },
    "updates": {
        "updates.one.ridge": ('one["L2 (ridge)"][-1]', fmt.num),
        "updates.one.prox_zero_at": ('first_stay_zero(one["L1, proximal"])', fmt.integer),
        "updates.one.sub_low": ('one["L1, subgradient"][-10:].min()', fmt.num),
        "updates.one.sub_high": ('one["L1, subgradient"][-10:].max()', fmt.num),
        "updates.multi.zeros.none": ('(multi["no penalty"][-1] == 0).sum()', fmt.integer),
        "updates.multi.zeros.ridge": ('(multi["L2 (ridge)"][-1] == 0).sum()', fmt.integer),
        "updates.multi.zeros.subgradient": ('(multi["L1, subgradient"][-1] == 0).sum()', fmt.integer),
        "updates.multi.zeros.proximal": ('(multi["L1, proximal"][-1] == 0).sum()', fmt.integer),
        "updates.multi.prox_zero_at": ('first_stay_zero(multi["L1, proximal"][:, irrelevant])', fmt.integer),
        "updates.multi.eta_limit": ("2 / L_ridge", fmt.num),
    },
    "geometry": {
        "geometry.geo.a.lasso.w": ('problems["a"]["lasso"]', vector),
        "geometry.geo.b.lasso.w": ('problems["b"]["lasso"]', vector),
        "geometry.geo.c.ridge.w": ('problems["c"]["ridge"]', vector),
        "geometry.map.lambda_max": ('np.abs(problems["d"]["c"]).max()', fmt.num),
        "geometry.map.leave.lam": ("leave_lam", fmt.num),
        "geometry.zeros.lasso.0_05": ("lasso_zero[0]", fmt.percent),
        "geometry.zeros.lasso.0_9": ("lasso_zero[-1]", fmt.percent),
        "geometry.zeros.some.0_05": ("lasso_some[0]", fmt.percent),
        "geometry.zeros.some.0_5": ("lasso_some[4]", fmt.percent),
        "geometry.zeros.ridge_zero": ("ridge_zeros", fmt.integer),
        # the optional diabetes section (scikit-learn's data), run from its fenced code
        "geometry.paths.lam_max": ("diabetes_lam_max", fmt.num),
        "geometry.paths.order": ("[names[j] for j in exact_order]", _names),
        "geometry.paths.grid_ties": ("tied", _names),
        "geometry.paths.entry.s2": ('entry["s2"]', fmt.num),
        "geometry.paths.entry.age": ('entry["age"]', fmt.num),
        "geometry.paths.leaves": ("leaves", _names),
        "geometry.cv.lasso.one_se.lam": ("lams[one_se]", fmt.num),
        "geometry.cv.lasso.one_se.nonzero": ("np.count_nonzero(W[one_se])", fmt.integer),
    },
    "networks": {
        "networks.net.loss": ("loss(net, x_train, y_train)", fmt.num),
        "networks.net.change_correct": ("change_correct", _below(-12)),
        "networks.net.change_literal": ("change_literal", fmt.num),
        "networks.net.loss_literal": ("loss_literal", fmt.num),
        "networks.orbit.c_star": ("c_star", fmt.num),
        "networks.orbit.p_star": ("weight_penalty(balanced)", fmt.num),
        "networks.product.example_min": ("min_product_penalty(-3.0)", fmt.num),
        "networks.factored.max_diff": ("max_diff", _below(-10)),
        "networks.bias.free.wK": ("free[-1, 1]", fmt.num),
        "networks.bias.pen.wK": ("pen[-1, 1]", fmt.num),
    },
}

_FENCED_PYTHON = re.compile(r"^```python\n(.*?)^```", re.S | re.M)
MARKER = "\x1elab-values:"
SECONDS = "lab CPU seconds"
FIGURES = "lab figures"


def optional_code(notebook: dict) -> list[str]:
    """The fenced ``python`` blocks of a lab's Markdown cells, in order."""
    blocks = []
    for cell in notebook["cells"]:
        if cell["cell_type"] == "markdown":
            blocks += _FENCED_PYTHON.findall("".join(cell["source"]))
    return blocks


def reading_cell(expressions: dict[str, str]) -> str:
    """Code that prints every expression's value as JSON after one marker line."""
    return (
        "import json as _json\nimport numpy as _np\n"
        f"_values = {{k: _np.asarray(eval(e)).tolist() for k, e in {expressions!r}.items()}}\n"
        f"print({MARKER!r} + _json.dumps(_values))\n"
    )


def run_lab(path: Path, workdir: Path, timeout: float = 600) -> tuple[dict, float, list[dict]]:
    """Execute the lab, then its optional code and the reading cell.

    Returns (raw values, lab CPU seconds, its figures as ``lab_figures.measure`` records them).

    The time is the kernel's CPU time for the lab's own cells (not the optional code): on a busy
    shared machine wall time says more about the neighbours than about the lab.
    """
    notebook = nbformat.read(path, as_version=4)
    spec = LAB_NUMBERS[path.stem]
    start = "import time as _clock\n_started = _clock.process_time()\n"
    stop = "_lab_seconds = _clock.process_time() - _started - _measuring[0]\n"
    reading = reading_cell({k: e for k, (e, _) in spec.items()} | {SECONDS: "_lab_seconds", FIGURES: "_figures"})
    recorder = lab_figures.RECORDER.format(root=str(ROOT))
    code = [recorder, start, *(cell.source for cell in notebook.cells if cell.cell_type == "code"), stop]
    notebook.cells = [nbformat.v4.new_code_cell(c) for c in [*code, *optional_code(notebook), reading]]
    resources = {"metadata": {"path": str(workdir)}}  # the kernel's working directory
    NotebookClient(notebook, kernel_name="python3", timeout=timeout, resources=resources).execute()
    text = "".join(o.get("text", "") for o in notebook.cells[-1].outputs if o.get("name") == "stdout")
    values = json.loads(text.split(MARKER, 1)[1])
    return values, values.pop(SECONDS), values.pop(FIGURES)


def formatted(lab: str, values: dict) -> dict[str, str]:
    """The lab's raw values, each printed with its page's formatter."""
    return {key: formatter(values[key]) for key, (_, formatter) in LAB_NUMBERS[lab].items()}


def disagreements(lab: str, values: dict, page_numbers: dict[str, str]) -> list[str]:
    """One line per key whose lab value, printed as the page prints it, is not the page's text."""
    out = []
    for key, text in formatted(lab, values).items():
        if key not in page_numbers:
            out.append(f"{lab}: {key} is not a number of any page")
        elif text != page_numbers[key]:
            out.append(f"{lab}: {key} is {text!r} in the lab, {page_numbers[key]!r} on the page")
    return out
