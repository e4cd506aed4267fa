"""The four explorables in Chromium: values against Python, keyboard and pointer, URL state, a11y.

Values shown are compared with Python at five or more settings each:
- lambda-paths and scale-symmetry print text made by scripts/pages/explorables.py: equal strings;
- budget and one-weight compute in the browser; the full-precision values they expose
  (``data-value``) must agree with Python: budget with solvers.constrained_quadratic / geometry.multiplier
  (the page's projected-gradient solver, 400 steps) within ``BUDGET_TOL`` absolute; one-weight with
  scripts/solvers.py within ``TOL``, relative and absolute (float64 rounding only).
"""

from __future__ import annotations

import json

import numpy as np
import pytest

from scripts import fmt, pipeline, solvers
from scripts.pages import explorables

from .test_pages import AXE

TOL = 1e-9  # the browser's float64 arithmetic against numpy's: rounding differences only
BUDGET_TOL = 1e-6  # exact 2-D solutions in the browser against 400 projected-gradient steps
PAGES = {
    "lambda-paths": "",
    "budget": "articles/geometry/",
    "one-weight": "articles/updates/",
    "scale-symmetry": "articles/networks/",
}
STATIC_FIGURE = {
    "lambda-paths": "lasso-vs-ridge-paths",
    "budget": "constraint-geometry",
    "one-weight": "traces-one-feature",
    "scale-symmetry": "weight-decay-picks-one-rescaling",
}
VIEWPORTS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 900}}
AXE_IN = """
async (selector) => {
  const result = await axe.run({ include: [selector] }, { resultTypes: ["violations"] });
  const where = (v) => v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ");
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} :: ${where(v)}`);
}
"""

# Contrast of each pressed button's text on its fill (WCAG formula; axe-core let 1.5:1 through in
# dark mode, where the theme's link colour won over the button's own).
PRESSED_CONTRAST = """
(selector) => [...document.querySelectorAll(`${selector} [aria-pressed="true"]`)].map((e) => {
  const s = getComputedStyle(e);
  const rgb = (c) => c.match(/[\\d.]+/g).slice(0, 3).map(Number);
  const lum = (c) => rgb(c).map((v) => { v /= 255; return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; })
    .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
  const [a, b] = [lum(s.color), lum(s.backgroundColor)].sort((x, y) => y - x);
  return [e.textContent.trim(), (a + 0.05) / (b + 0.05)];
})
"""

pytestmark = pytest.mark.slow


def tagged(slug: str) -> dict[str, str]:
    return json.loads((pipeline.FIGURES / slug / pipeline.NUMBERS).read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def expected():
    """Python's values, computed now (not read from the data files the browser reads)."""
    result = explorables.compute()
    return {"result": result, "data": explorables.data(result)}


class Opened:
    def __init__(self, tab, name, requests, console):
        self.tab, self.name, self.requests, self.console = tab, name, requests, console
        self.root = f'[data-explorable="{name}"]'

    def text(self, key: str) -> str:
        return self.tab.locator(f'{self.root} [data-key="{key}"]').inner_text()

    def value(self, key: str):
        return json.loads(self.tab.locator(f'{self.root} [data-key="{key}"]').get_attribute("data-value"))

    def live(self) -> str:
        self.tab.wait_for_timeout(400)  # the live region is debounced (250 ms)
        return self.tab.locator(f"{self.root} .xp-live").inner_text()

    def hash(self) -> str:
        return self.tab.evaluate("location.hash")


@pytest.fixture
def open_explorable(browser, origin):
    contexts = []

    def opener(name: str, state: str = "", scheme: str = "light", viewport: str = "desktop", wait: bool = True):
        context = browser.new_context(color_scheme=scheme, viewport=VIEWPORTS[viewport])
        contexts.append(context)
        context.route(lambda url: not url.startswith((origin, "data:")), lambda route: route.abort())
        tab = context.new_page()
        requests, console = [], []
        tab.on("request", lambda r: requests.append(r.url))
        tab.on("console", lambda m: m.type in ("error", "warning") and console.append(m.text))
        tab.on("pageerror", lambda e: console.append(f"uncaught: {e}"))
        hash_part = f"#{name}.{state}" if state else ""
        tab.goto(f"{origin}/{PAGES[name]}{hash_part}", wait_until="load")
        opened = Opened(tab, name, requests, console)
        if wait:
            tab.locator(opened.root).scroll_into_view_if_needed()
            tab.wait_for_selector(f'{opened.root}[data-explorable-state="ready"]', timeout=10000)
        return opened

    yield opener
    for context in contexts:
        context.close()


# ---------------------------------------------------------------------------- defaults
def test_defaults_show_the_pages_tagged_numbers(open_explorable):
    home, geo, upd, net = (tagged(s) for s in ("home", "geometry", "updates", "networks"))
    x = open_explorable("lambda-paths")
    assert x.text("lambda") == home["middle_lambda"]
    assert x.text("lasso.zeros") == f"{home['lasso_zeros_middle']} of {home['p']}"
    assert x.text("ridge.zeros") == f"{home['ridge_zeros_any']} of {home['p']}"
    x = open_explorable("budget")
    assert (x.text("rho"), x.text("ols"), x.text("t")) == (geo["geo.d.rho"], geo["geo.d.ols"], geo["geo.d.t"])
    assert (x.text("lasso.w"), x.text("ridge.w")) == (geo["geo.d.lasso.w"], geo["geo.d.ridge.w"])
    x = open_explorable("one-weight")
    assert x.text("k") == upd["one.iterations"]
    assert x.text("proximal.zero") == f"is exactly zero from step {upd['one.prox_zero_at']}"
    x = open_explorable("scale-symmetry")
    assert (x.text("c"), x.text("penalty"), x.text("loss")) == ("1", net["orbit.p1"], net["net.loss"])


# ---------------------------------------------------------------------------- values at settings
@pytest.mark.parametrize("index", [0, 10, 30, 45, 59])
def test_lambda_paths_against_python(open_explorable, expected, index):
    d = expected["data"]["lambda-paths"]
    point = d["points"][index]
    x = open_explorable("lambda-paths", f"lambda={point['lambda']}")
    assert (x.text("lambda"), x.text("ratio")) == (point["lambda"], point["ratio"])
    for method in ("lasso", "ridge"):
        m = point[method]
        assert [x.text(f"{method}.w{j + 1}") for j in range(len(m["w"]))] == m["w_text"]
        assert (x.text(f"{method}.zeros"), x.text(f"{method}.train"), x.text(f"{method}.held_out")) == (
            f"{m['zeros']} of {len(m['w'])}",
            m["train"],
            m["held_out"],
        )


BUDGET_SETTINGS = [
    ("a", 0.0, 1.0),
    ("b", 0.0, 1.0),
    ("c", 0.7, 1.2),
    ("d", -0.6, 1.2),
    ("b", 0.5, 0.6),
    ("a", -0.85, 2.0),
    ("c", 0.9, 0.3),
    ("a", 0.2, 2.5),  # inside both balls: least squares itself, lambda = 0
]


@pytest.mark.parametrize(("panel", "rho", "t"), BUDGET_SETTINGS)
def test_budget_against_geometry_solver(open_explorable, expected, panel, rho, t):
    ols = next(p["ols"] for p in expected["data"]["budget"]["panels"] if p["name"] == panel)
    x = open_explorable("budget", f"panel={panel}&rho={rho}&t={t}")
    assert x.console == []  # a hash that is not an element id upsets nothing
    assert (x.value("rho"), x.value("t")) == (rho, t)
    ref = explorables.budget_reference(rho, ols, t)
    for kind in ("lasso", "ridge"):
        shown_w, shown_lam = np.array(x.value(f"{kind}.w")), x.value(f"{kind}.lam")
        np.testing.assert_allclose(shown_w, ref[kind]["w"], rtol=0, atol=BUDGET_TOL)
        assert shown_lam == pytest.approx(ref[kind]["lam"], abs=BUDGET_TOL)
    on_corner = bool(np.min(np.abs(ref["lasso"]["w"])) < 1e-9) and np.abs(ols).sum() > t
    assert ("on a corner" in x.text("lasso.where")) == on_corner


ONE_WEIGHT_SETTINGS = [
    (0.25, 0.4, 40),
    (0.5, 0.1, 13),
    (1.0, 0.0, 7),
    (1.9, 0.2, 40),
    (2.05, 0.3, 25),
    (2.5, 1.0, 40),
    (0.05, 0.25, 3),
]


@pytest.mark.parametrize(("eta", "lam", "k"), ONE_WEIGHT_SETTINGS)
def test_one_weight_against_solvers(open_explorable, expected, eta, lam, k):
    p = expected["result"]["one_weight"]
    X, y, w0 = p["X"], p["y"], [p["w0"]]
    x = open_explorable("one-weight", f"eta={eta}&lam={lam}&k={k}")
    want = {
        "subgradient": solvers.subgradient_descent(X, y, lam, step=eta, n_iter=k, w0=w0).w[0],
        "proximal": solvers.proximal_gradient(X, y, lam, step=eta, n_iter=k, w0=w0).w[0],
        "cd": solvers.coordinate_descent(X, y, lam, w0=w0).w[0] if k else w0[0],
        "answer": solvers.coordinate_descent(X, y, lam).w[0],
    }
    for key, value in want.items():
        assert x.value(key) == pytest.approx(value, rel=TOL, abs=TOL), key
    if want["proximal"] == 0:
        assert x.text("proximal") == "0"
    stable = eta < 2 / p["curvature"]
    assert ("are stable" in x.text("stability")) == stable
    if not stable:  # the proximal step can still stop at zero: the solver's own trace says whether it does
        steps = (p["steps"] - 1, p["steps"])
        ends = [solvers.proximal_gradient(X, y, lam, step=eta, n_iter=n, w0=w0).w[0] for n in steps]
        assert ("still stops at exactly zero" in x.text("stability")) == (ends == [0, 0])


@pytest.mark.parametrize(
    ("c", "divided"), [("0.25", False), ("0.5", True), ("1", False), ("1.28", False), ("2", True), ("4", True)]
)
def test_scale_symmetry_against_python(open_explorable, expected, c, divided):
    d = expected["data"]["scale-symmetry"]
    i = int(np.argmin(np.abs(np.array(d["log2_c"]) - np.log2(float(c)))))
    row = d["text"][i]
    x = open_explorable("scale-symmetry", f"c={c}" + ("&bias=divided" if divided else ""))
    assert [x.text(k) for k in ("c", "penalty", "first", "second")] == [
        row[k] for k in ("c", "penalty", "first", "second")
    ]
    assert x.text("loss") == row["loss_divided" if divided else "loss"]


# ---------------------------------------------------------------------------- keyboard and pointer
def test_lambda_paths_keyboard_pointer_hash_and_reset(open_explorable, expected):
    d = expected["data"]["lambda-paths"]
    x = open_explorable("lambda-paths")
    slider = x.tab.locator(f"{x.root} input[type=range]")
    assert slider.get_attribute("aria-valuetext").startswith("λ = ")
    slider.focus()
    x.tab.keyboard.press("ArrowRight")  # one grid step towards larger lambda
    assert x.text("lambda") == d["points"][d["default"] - 1]["lambda"]
    assert x.hash() == f"#lambda-paths.lambda={d['points'][d['default'] - 1]['lambda']}"
    x.tab.keyboard.press("End")
    assert x.text("lasso.zeros") == "6 of 6"
    assert "6 of 6 weights exactly zero" in x.live()
    box = slider.bounding_box()
    slider.click(position={"x": 4, "y": box["height"] / 2})  # pointer: the smallest lambda
    assert x.text("lambda") == d["points"][-1]["lambda"]
    x.tab.locator(f"{x.root} button", has_text="Reset").press("Enter")
    assert x.text("lambda") == d["points"][d["default"]]["lambda"]
    assert not x.hash().startswith("#lambda-paths.")


def test_budget_keyboard_pointer_hash_and_reset(open_explorable):
    geo = tagged("geometry")
    x = open_explorable("budget")
    x.tab.locator(f"{x.root} button", has_text="a").first.click()
    assert x.tab.locator(f"{x.root} button[aria-pressed=true]").inner_text() == "a"
    assert (x.text("lasso.w"), x.text("ridge.w")) == (geo["geo.a.lasso.w"], geo["geo.a.ridge.w"])
    assert "on a corner" in x.text("lasso.where")
    t = x.tab.get_by_label("budget t")
    t.focus()
    x.tab.keyboard.press("ArrowLeft")
    assert x.value("t") == pytest.approx(0.95)
    assert x.hash() == "#budget.panel=a&rho=0&t=0.95"
    assert "budget 0.95" in x.live()
    x.tab.get_by_label("correlation ρ").focus()
    x.tab.keyboard.press("Home")
    assert x.value("rho") == -0.9
    x.tab.locator(f"{x.root} button", has_text="Reset").press("Space")
    assert (x.text("lasso.w"), x.text("ridge.w")) == (geo["geo.d.lasso.w"], geo["geo.d.ridge.w"])


def test_one_weight_keyboard_pointer_hash_and_reset(open_explorable):
    upd = tagged("updates")
    x = open_explorable("one-weight")
    steps = x.tab.get_by_label("steps taken")
    steps.focus()
    x.tab.keyboard.press("Home")
    assert x.text("k") == "0" and x.value("proximal") == float(upd["one.w0"])
    x.tab.get_by_role("button", name="Next step").click()
    assert x.text("k") == "1"
    for _ in range(int(upd["one.prox_zero_at"]) - 1):
        x.tab.get_by_role("button", name="Next step").press("Enter")
    assert (
        x.text("proximal") == "0" and x.text("proximal.zero") == f"is exactly zero from step {upd['one.prox_zero_at']}"
    )
    assert x.hash() == f"#one-weight.eta={upd['one.eta']}&lam={upd['one.lam']}&k={upd['one.prox_zero_at']}"
    eta = x.tab.get_by_label("step η")
    box = eta.bounding_box()
    eta.click(position={"x": box["width"] - 3, "y": box["height"] / 2})  # pointer: the largest step
    # the largest step, lambda 0.4: the subgradient step diverges, the proximal step still stops at zero
    assert "subgradient step does not converge" in x.text("stability")
    assert "still stops at exactly zero" in x.text("stability")
    assert "the subgradient step does not converge, the proximal step stops at zero" in x.live()
    x.tab.get_by_role("button", name="Reset").click()
    assert x.text("k") == upd["one.iterations"] and "are stable" in x.text("stability")


def test_scale_symmetry_keyboard_pointer_hash_and_reset(open_explorable):
    net = tagged("networks")
    x = open_explorable("scale-symmetry", "c=2")
    assert x.text("loss") == net["net.loss"]
    x.tab.get_by_label("Also divide the second layer's bias by c").check()  # pointer
    assert x.text("loss") == net["net.loss_literal"]
    assert x.hash() == "#scale-symmetry.c=2&bias=divided"
    x.tab.get_by_role("button", name="Balanced c").press("Enter")
    assert (x.text("c"), x.text("penalty")) == (net["orbit.c_star"], net["orbit.p_star"])
    x.tab.get_by_label("rescaling factor c").focus()
    x.tab.keyboard.press("ArrowLeft")
    assert x.text("c") != net["orbit.c_star"] and "weight penalty" in x.live()
    x.tab.get_by_label("Also divide the second layer's bias by c").press("Space")  # keyboard: untick
    assert x.text("loss") == net["net.loss"]
    x.tab.get_by_role("button", name="Reset").click()
    assert (x.text("c"), x.text("penalty")) == ("1", net["orbit.p1"])


@pytest.mark.parametrize("name", PAGES)
def test_every_slider_answers_keyboard_and_pointer(open_explorable, name):
    """Each range input: arrow keys move it and its printed value, a click moves it, the reader is told."""
    x = open_explorable(name)
    sliders = x.tab.locator(f"{x.root} input[type=range]")
    assert sliders.count() >= 1
    for i in range(sliders.count()):
        slider = sliders.nth(i)
        label = x.tab.locator(f'{x.root} label[for="{slider.get_attribute("id")}"]')
        assert label.count() == 1 and label.inner_text().strip()
        output = label.locator("output")
        slider.focus()
        x.tab.keyboard.press("End")
        at_end, printed_end = slider.input_value(), output.inner_text()
        x.tab.keyboard.press("ArrowLeft")
        assert slider.input_value() != at_end and output.inner_text() != printed_end, label.inner_text()
        box = slider.bounding_box()
        slider.click(position={"x": 3, "y": box["height"] / 2})
        assert slider.input_value() == slider.get_attribute("min"), label.inner_text()
        assert x.live()
    assert x.console == []


# ---------------------------------------------------------------------------- everyone, everywhere
@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name", PAGES)
def test_accessible_quiet_and_local(open_explorable, origin, screenshots, name, scheme, viewport):
    x = open_explorable(name, scheme=scheme, viewport=viewport)
    x.tab.wait_for_load_state("networkidle")
    root = x.tab.locator(x.root)
    root.scroll_into_view_if_needed()
    x.tab.wait_for_timeout(200)
    root.screenshot(path=screenshots / f"explorable-{name}-{scheme}-{viewport}.png")
    # Nothing in the explorable is wider than the screen (the page's own math may be: not ours to test).
    right = x.tab.evaluate(f"""() => Math.max(...[...document.querySelectorAll('{x.root}, {x.root} *')]
        .map((e) => e.getBoundingClientRect().right))""")
    assert right <= VIEWPORTS[viewport]["width"], f"the explorable reaches {right} px"
    faint = [f"{text!r}: {ratio:.2f}:1" for text, ratio in x.tab.evaluate(PRESSED_CONTRAST, x.root) if ratio < 4.5]
    assert faint == [], f"pressed buttons whose text is too faint on their fill ({scheme}): {faint}"
    x.tab.add_script_tag(path=str(AXE))
    assert x.tab.evaluate(AXE_IN, x.root) == []
    assert x.console == []
    assert [u for u in x.requests if not u.startswith((origin, "data:"))] == []


@pytest.mark.parametrize("name", PAGES)
def test_without_javascript_the_static_figure_stays(browser, origin, name):
    context = browser.new_context(java_script_enabled=False)
    try:
        tab = context.new_page()
        tab.goto(f"{origin}/{PAGES[name]}")
        assert tab.locator(f'img[src*="{STATIC_FIGURE[name]}."]').count() == 2  # light and dark twins
        assert "With JavaScript" in tab.locator(f'[data-explorable="{name}"]').inner_text()
    finally:
        context.close()


def test_loaded_only_near_the_viewport(open_explorable):
    x = open_explorable("budget", wait=False)
    x.tab.wait_for_load_state("networkidle")
    assert not [u for u in x.requests if "explorables/budget" in u or "explorables/common" in u]
    x.tab.locator(x.root).scroll_into_view_if_needed()
    x.tab.wait_for_selector(f'{x.root}[data-explorable-state="ready"]', timeout=10000)
    assert any(u.endswith("explorables/budget.json") for u in x.requests)
    assert fmt.num(x.value("t")) == tagged("geometry")["geo.d.t"]


@pytest.mark.parametrize("name", PAGES)
def test_state_link_survives_scrolling(open_explorable, name):
    """The address keeps the explorable's state while the reader scrolls past headings (no
    navigation.tracking), so the link they copy is the state they set."""
    x = open_explorable(name)
    slider = x.tab.locator(f"{x.root} input[type=range]").first
    slider.focus()
    x.tab.keyboard.press("ArrowRight")
    state = x.hash()
    assert state.startswith(f"#{name}."), state
    for y in (0, 2000, 6000):
        x.tab.mouse.wheel(0, y - x.tab.evaluate("scrollY"))
        x.tab.wait_for_timeout(500)  # Material's tracking (if on) rewrites the hash within ~250 ms
        assert x.hash() == state, f"scrolled to {y}px"


@pytest.mark.parametrize("viewport", ["desktop", "phone"])
@pytest.mark.parametrize("name", PAGES)
def test_axis_labels_do_not_overlap(open_explorable, name, viewport):
    """Tick labels of every chart keep apart (a fixed tick step once drew 26 labels in one smear)."""
    x = open_explorable(name, viewport=viewport)
    x.tab.wait_for_timeout(300)  # charts draw once their width is known
    overlaps = x.tab.evaluate(
        """(root) => {
      const out = [];
      for (const svg of document.querySelectorAll(`${root} svg`)) {
        const boxes = [...svg.querySelectorAll("text")].map((t) => [t.textContent, t.getBoundingClientRect()]);
        for (let i = 0; i < boxes.length; i++)
          for (let j = i + 1; j < boxes.length; j++) {
            const [a, ra] = boxes[i], [b, rb] = boxes[j];
            const w = Math.min(ra.right, rb.right) - Math.max(ra.left, rb.left);
            const h = Math.min(ra.bottom, rb.bottom) - Math.max(ra.top, rb.top);
            if (w > 1 && h > 1) out.push(`${a} / ${b}`);
          }
      }
      return out;
    }""",
        x.root,
    )
    assert overlaps == [], f"overlapping chart labels in {name}: {overlaps[:10]}"
