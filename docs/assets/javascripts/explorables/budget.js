/*
 * The budget picture (geometry page): loss contours of a two-feature problem with the L1 diamond
 * and the L2 disk of budget t. The constrained problems are solved exactly here:
 *   minimise 1/2 (w - ŵ)' S (w - ŵ) subject to ||w|| <= t,  S = [[1, ρ], [ρ, 1]]
 * lasso: the best point of the diamond's four edges (a quadratic on each segment); ridge: the
 * λ with ||(S + λI)^-1 S ŵ||_2 = t by bisection. tests/browser/test_explorables.py compares both with
 * solvers.constrained_quadratic and geometry.multiplier (the page's projected-gradient solver).
 */
import { axes, button, h, line, liveRegion, loadData, num, onWidth, parse, readHash, s, slider, writeHash } from "./common.js";

const NAME = "budget";
const VIEW = [-1.4, 2.6];

const dot = (a, b) => a[0] * b[0] + a[1] * b[1];
const times = (S, v) => [S[0][0] * v[0] + S[0][1] * v[1], S[1][0] * v[0] + S[1][1] * v[1]];
const loss = (S, o, w) => {
  const d = [w[0] - o[0], w[1] - o[1]];
  return 0.5 * dot(d, times(S, d));
};
const vector = (w) => `(${num(w[0])}, ${num(w[1])})`;

export function solveLasso(S, o, t) {
  if (Math.abs(o[0]) + Math.abs(o[1]) <= t) return { w: [o[0], o[1]], lam: 0 };
  let best = null;
  for (const [s1, s2] of [[1, 1], [1, -1], [-1, 1], [-1, -1]]) {
    const P = [s1 * t, 0];
    const d = [-s1 * t, s2 * t]; // from the corner on the w1 axis to the corner on the w2 axis
    const Sd = times(S, d);
    const tau = Math.min(Math.max(dot(Sd, [o[0] - P[0], o[1] - P[1]]) / dot(Sd, d), 0), 1);
    const w = tau === 0 ? [P[0], 0] : tau === 1 ? [0, s2 * t] : [P[0] + tau * d[0], tau * d[1]];
    const q = loss(S, o, w);
    if (!best || q < best.q) best = { w, q };
  }
  const g = times(S, [o[0] - best.w[0], o[1] - best.w[1]]);
  return { w: best.w, lam: Math.max(Math.abs(g[0]), Math.abs(g[1])) };
}

export function solveRidge(rho, o, t) {
  if (Math.hypot(o[0], o[1]) <= t) return { w: [o[0], o[1]], lam: 0 };
  // Eigenvectors of S: (1, 1)/√2 with 1 + ρ, (1, -1)/√2 with 1 - ρ.
  const mu = [1 + rho, 1 - rho];
  const a = [(o[0] + o[1]) / Math.SQRT2, (o[0] - o[1]) / Math.SQRT2];
  const at = (lam) => [(mu[0] * a[0]) / (mu[0] + lam), (mu[1] * a[1]) / (mu[1] + lam)];
  let lo = 0;
  let hi = (Math.max(...mu) * Math.hypot(o[0], o[1])) / t;
  for (let k = 0; k < 200 && hi - lo > 1e-15 * hi; k++) {
    const mid = (lo + hi) / 2;
    const c = at(mid);
    if (Math.hypot(c[0], c[1]) > t) lo = mid;
    else hi = mid;
  }
  const lam = (lo + hi) / 2;
  const c = at(lam);
  return { w: [(c[0] + c[1]) / Math.SQRT2, (c[0] - c[1]) / Math.SQRT2], lam };
}

function where(o, t, w) {
  if (Math.abs(o[0]) + Math.abs(o[1]) <= t) return "inside the diamond: the least-squares point itself";
  if (w[0] === 0 || w[1] === 0) return `on a corner: w${w[0] === 0 ? 1 : 2} is exactly zero`;
  return "on an edge: both weights non-zero";
}

export async function mount(root, url, hash = "") {
  const data = await loadData(url);
  const panels = Object.fromEntries(data.panels.map((p) => [p.name, p]));
  const state = { panel: data.default, rho: panels[data.default].rho, t: panels[data.default].t };
  const fromHash = readHash(NAME, hash);
  if (fromHash) {
    if (panels[fromHash.get("panel")]) {
      state.panel = fromHash.get("panel");
      state.rho = panels[state.panel].rho;
      state.t = panels[state.panel].t;
    }
    const rho = parse(fromHash.get("rho"));
    const t = parse(fromHash.get("t"));
    if (fromHash.has("rho") && Number.isFinite(rho)) state.rho = Math.min(Math.max(rho, -data.rho_max), data.rho_max);
    if (fromHash.has("t") && Number.isFinite(t)) state.t = Math.min(Math.max(t, data.t_step), 2.5);
  }

  const rhoControl = slider({ label: "correlation ρ of the two features", min: -data.rho_max, max: data.rho_max, step: 0.05, value: state.rho, onInput: () => update() });
  const tControl = slider({ label: "budget t", min: data.t_step, max: 2.5, step: data.t_step, value: state.t, onInput: () => update() });
  const panelButtons = data.panels.map((p) =>
    button(p.name, () => choose(p.name), { "aria-pressed": "false", "aria-label": `panel ${p.name}: ρ = ${p.rho_text}, least squares ${p.ols_text}, t = ${p.t_text}` }),
  );
  const reset = button("Reset", () => choose(data.default));
  const live = liveRegion();
  const chartBox = h("div", { class: "xp-chart-box" });
  const out = {};
  const field = (key) => (out[key] = h("span", { "data-key": key }));
  const readout = h(
    "ul",
    { class: "xp-summary" },
    h("li", {}, "Least squares ŵ = ", field("ols"), "; ρ = ", field("rho"), ", t = ", field("t"), "."),
    h("li", {}, h("span", { class: "xp-key xp-vermillion", "aria-hidden": "true" }), "Lasso (diamond ‖w‖₁ ≤ t): w = ", field("lasso.w"), ", ", field("lasso.where"), "; the same w solves the penalised problem with λ = ", field("lasso.lam"), "."),
    h("li", {}, h("span", { class: "xp-key xp-blue", "aria-hidden": "true" }), "Ridge (disk ‖w‖₂ ≤ t): w = ", field("ridge.w"), "; penalised λ = ", field("ridge.lam"), "."),
  );
  root.replaceChildren(
    h("p", { class: "xp-title" }, h("strong", {}, "Move the budget."), " Choose a problem of the figure above, change the correlation of its features or the budget t, and watch where each solution lands."),
    h("div", { class: "xp-controls" }, h("fieldset", { class: "xp-group" }, h("legend", {}, "Problem of panel"), panelButtons), reset),
    h("div", { class: "xp-controls" }, rhoControl.wrap, tControl.wrap),
    chartBox,
    readout,
    live,
  );
  root.classList.add("xp-ready");

  function choose(name) {
    state.panel = name;
    rhoControl.input.value = panels[name].rho;
    tControl.input.value = panels[name].t;
    update();
  }

  let width = 0;
  let solved = null;
  function solve() {
    const rho = Number(rhoControl.input.value);
    const t = Number(tControl.input.value);
    const o = panels[state.panel].ols;
    const S = [[1, rho], [rho, 1]];
    return { rho, t, o, S, lasso: solveLasso(S, o, t), ridge: solveRidge(rho, o, t) };
  }

  function ellipse(S, o, level, rho) {
    // w = ŵ + sqrt(2 level / μ1) cos θ v1 + sqrt(2 level / μ2) sin θ v2
    const r1 = Math.sqrt((2 * level) / (1 + rho));
    const r2 = Math.sqrt((2 * level) / (1 - rho));
    const pts = [];
    for (let k = 0; k <= 120; k++) {
      const th = (2 * Math.PI * k) / 120;
      const u = r1 * Math.cos(th);
      const v = r2 * Math.sin(th);
      pts.push([o[0] + (u + v) / Math.SQRT2, o[1] + (u - v) / Math.SQRT2]);
    }
    return pts;
  }

  function draw() {
    const { rho, t, o, S, lasso, ridge } = solved;
    const size = Math.min(width, 460);
    const ticks = [-1, 0, 1, 2].map((v) => ({ v, label: String(v).replace("-", "−") }));
    const chart = axes({
      width: size,
      height: size,
      x: VIEW,
      y: VIEW,
      xTicks: ticks,
      yTicks: ticks,
      xLabel: "w₁",
      yLabel: "w₂",
      title: `Loss contours around the least-squares point ${vector(o)} with the diamond and the disk of budget ${num(t)}; lasso solution ${vector(lasso.w)}, ridge solution ${vector(ridge.w)}.`,
    });
    const px = (pts) => line(pts.map(([a, b]) => [chart.x(a), chart.y(b)]));
    const lassoLevel = loss(S, o, lasso.w);
    const ridgeLevel = loss(S, o, ridge.w);
    const top = Math.max(lassoLevel, ridgeLevel, 0.05);
    for (const f of [0.2, 2.5, 5]) chart.plot.append(s("path", { d: px(ellipse(S, o, top * f, rho)), class: "xp-stroke xp-muted" }));
    if (lassoLevel > 0) chart.plot.append(s("path", { d: px(ellipse(S, o, lassoLevel, rho)), class: "xp-stroke xp-vermillion", "stroke-width": 1.2 }));
    if (ridgeLevel > 0) chart.plot.append(s("path", { d: px(ellipse(S, o, ridgeLevel, rho)), class: "xp-stroke xp-blue xp-dashed", "stroke-width": 1.2 }));
    const diamond = [[t, 0], [0, t], [-t, 0], [0, -t], [t, 0]];
    chart.plot.append(s("path", { d: px(diamond), class: "xp-fill-vermillion" }), s("path", { d: px(diamond), class: "xp-stroke xp-vermillion" }));
    // an ellipse in pixels: the plot's two scales differ by a few pixels, and the disk must pass through the ridge dot
    chart.plot.append(s("ellipse", { cx: chart.x(0), cy: chart.y(0), rx: chart.x(t) - chart.x(0), ry: chart.y(0) - chart.y(t), class: "xp-stroke xp-blue xp-dashed" }));
    chart.plot.append(s("line", { x1: chart.x(VIEW[0]), x2: chart.x(VIEW[1]), y1: chart.y(0), y2: chart.y(0), class: "xp-zero-line" }));
    chart.plot.append(s("line", { x1: chart.x(0), x2: chart.x(0), y1: chart.y(VIEW[0]), y2: chart.y(VIEW[1]), class: "xp-zero-line" }));
    const [ox, oy] = [chart.x(o[0]), chart.y(o[1])];
    chart.plot.append(s("path", { d: `M${ox - 6},${oy}H${ox + 6}M${ox},${oy - 6}V${oy + 6}`, class: "xp-stroke", stroke: "currentColor", style: "stroke: var(--xp-ink); stroke-width: 2.5" }));
    chart.plot.append(s("rect", { x: chart.x(lasso.w[0]) - 5, y: chart.y(lasso.w[1]) - 5, width: 10, height: 10, class: "xp-dot-vermillion" }));
    chart.plot.append(s("circle", { cx: chart.x(ridge.w[0]), cy: chart.y(ridge.w[1]), r: 6, class: "xp-dot-blue" }));
    chartBox.replaceChildren(
      chart.svg,
      h(
        "div",
        { class: "xp-legend", "aria-hidden": "true" },
        h("span", { class: "xp-key xp-vermillion" }, "‖w‖₁ ≤ t and lasso solution (square)"),
        h("span", { class: "xp-key xp-blue" }, "‖w‖₂ ≤ t and ridge solution (circle)"),
        h("span", { class: "xp-key" }, "least squares (cross)"),
      ),
    );
  }

  function put(key, text, value) {
    out[key].textContent = text;
    if (value !== undefined) out[key].dataset.value = JSON.stringify(value);
  }

  function update(announce = true) {
    solved = solve();
    const { rho, t, o, lasso, ridge } = solved;
    panelButtons.forEach((b) => b.setAttribute("aria-pressed", String(b.textContent === state.panel)));
    rhoControl.output.textContent = num(rho);
    tControl.output.textContent = num(t);
    const place = where(o, t, lasso.w);
    put("ols", vector(o), o);
    put("rho", num(rho), rho);
    put("t", num(t), t);
    put("lasso.w", vector(lasso.w), lasso.w);
    put("lasso.where", place);
    put("lasso.lam", num(lasso.lam), lasso.lam);
    put("ridge.w", vector(ridge.w), ridge.w);
    put("ridge.lam", num(ridge.lam), ridge.lam);
    if (width) draw();
    const p = panels[state.panel];
    writeHash(NAME, { panel: state.panel, rho: String(rho), t: String(t) }, state.panel === data.default && rho === p.rho && t === p.t);
    if (announce) {
      live.say(`Panel ${state.panel}, ρ ${num(rho)}, budget ${num(t)}. Lasso ${vector(lasso.w)}, ${place}, λ ${num(lasso.lam)}. Ridge ${vector(ridge.w)}, λ ${num(ridge.lam)}.`);
    }
  }

  update(false);
  onWidth(chartBox, (w) => {
    width = w;
    draw();
  });
}
