/*
 * One weight, step by step (updates page). The traces figure's problem, in the site's convention:
 *   J(w) = L/2 w² − c w + λ|w| + const,  c = x'y/n (the least-squares slope), L = x'x/n
 * (data from figures/explorables/one-weight.json). Three update rules with step η:
 *   subgradient  w ← w − η (L w − c + λ sign w)      (sign 0 = 0)
 *   proximal     w ← S(w − η (L w − c), η λ)        (soft-thresholding)
 *   coordinate descent: one sweep gives S(c, λ) / L and stays there.
 * tests/browser/test_explorables.py compares the values shown with scripts/solvers.py.
 */
import { axes, button, h, line, liveRegion, loadData, num, onWidth, parse, readHash, s, sci, slider, writeHash } from "./common.js";

const NAME = "one-weight";
const METHODS = [
  ["subgradient", "L1 subgradient step", "xp-vermillion"],
  ["proximal", "L1 proximal step", "xp-green"],
  ["cd", "coordinate descent (per sweep)", "xp-purple"],
];
const soft = (z, t) => Math.sign(z) * Math.max(Math.abs(z) - t, 0);

export function traces({ corr, curvature, w0 }, eta, lam, steps) {
  const out = { subgradient: [w0], proximal: [w0], cd: [w0] };
  for (let k = 0; k < steps; k++) {
    const w = out.subgradient[k];
    out.subgradient.push(w - eta * (curvature * w - corr + lam * Math.sign(w)));
    const v = out.proximal[k];
    out.proximal.push(soft(v - eta * (curvature * v - corr), eta * lam));
    out.cd.push(soft(corr, lam) / curvature);
  }
  return out;
}

/** First step from which a trace stays exactly zero up to its end, or null. */
function zeroFrom(trace) {
  if (trace[trace.length - 1] !== 0) return null;
  let k = trace.length - 1;
  while (k > 0 && trace[k - 1] === 0) k--;
  return k;
}

export async function mount(root, url, hash = "") {
  const p = await loadData(url);
  const state = { eta: p.eta, lam: p.lam, k: p.steps };
  const fromHash = readHash(NAME, hash);
  if (fromHash) {
    const clamp = (v, lo, hi, fallback) => (Number.isFinite(v) ? Math.min(Math.max(v, lo), hi) : fallback);
    if (fromHash.has("eta")) state.eta = clamp(parse(fromHash.get("eta")), 0.05, p.eta_max, p.eta);
    if (fromHash.has("lam")) state.lam = clamp(parse(fromHash.get("lam")), 0, p.lam_max, p.lam);
    if (fromHash.has("k")) state.k = Math.round(clamp(parse(fromHash.get("k")), 0, p.steps, p.steps));
  }
  const etaControl = slider({ label: "step η", min: 0.05, max: p.eta_max, step: 0.05, value: state.eta, onInput: () => update() });
  const lamControl = slider({ label: "λ", min: 0, max: p.lam_max, step: 0.05, value: state.lam, onInput: () => update() });
  const kControl = slider({ label: "steps taken", min: 0, max: p.steps, step: 1, value: state.k, onInput: () => update() });
  const next = button("Next step", () => {
    kControl.input.value = Math.min(Number(kControl.input.value) + 1, p.steps);
    update();
  });
  const back = button("Step back", () => {
    kControl.input.value = Math.max(Number(kControl.input.value) - 1, 0);
    update();
  });
  const reset = button("Reset", () => {
    etaControl.input.value = p.eta;
    lamControl.input.value = p.lam;
    kControl.input.value = p.steps;
    update();
  });
  const live = liveRegion();
  const chartBox = h("div", { class: "xp-chart-box" });
  const out = {};
  const field = (key) => (out[key] = h("span", { "data-key": key }));
  const note = h("p", { class: "xp-note", "data-key": "stability" });
  root.replaceChildren(
    h("p", { class: "xp-title" }, h("strong", {}, "Step through the updates."), ` The figure's problem (least-squares slope ${p.corr_text}), one step at a time: with an L1 penalty, the subgradient step keeps jumping around zero; the proximal step lands on it.`),
    h("div", { class: "xp-controls" }, etaControl.wrap, lamControl.wrap),
    h("div", { class: "xp-controls" }, kControl.wrap, back, next, reset),
    h("div", { class: "xp-legend", "aria-hidden": "true" }, METHODS.map(([, label, colour]) => h("span", { class: `xp-key ${colour}` }, label))),
    chartBox,
    h(
      "ul",
      { class: "xp-summary" },
      h("li", {}, "After ", field("k"), " steps: subgradient w = ", field("subgradient"), "; proximal w = ", field("proximal"), "; coordinate descent w = ", field("cd"), "."),
      h("li", {}, "The lasso's answer S(c, λ)/L = ", field("answer"), "; the proximal step ", field("proximal.zero"), "."),
    ),
    note,
    live,
  );
  root.classList.add("xp-ready");

  let width = 0;
  let current = null;
  function draw() {
    const { tr, k, steps } = current;
    const lim = 2;
    const chart = axes({
      width,
      height: 240,
      x: [0, steps],
      y: [-lim, lim],
      xTicks: [0, 10, 20, 30, 40].filter((v) => v <= steps).map((v) => ({ v, label: String(v) })),
      yTicks: [-2, -1, 0, 1, 2].map((v) => ({ v, label: String(v).replace("-", "−") })),
      xLabel: "step (sweep for coordinate descent)",
      yLabel: "weight w",
      title: `Weight against step for three update rules up to step ${k}.`,
    });
    chart.plot.append(s("line", { x1: chart.x(0), x2: chart.x(steps), y1: chart.y(0), y2: chart.y(0), class: "xp-zero-line" }));
    const clip = (v) => Math.max(Math.min(v, 50), -50); // far outside the view: keeps path numbers small
    for (const [key, , colour] of METHODS) {
      const pts = tr[key].slice(0, k + 1).map((v, i) => [chart.x(i), chart.y(clip(v))]);
      chart.plot.append(s("path", { d: line(pts), class: `xp-stroke ${colour}` }));
      if (key === "cd") for (const [x, y] of pts) chart.plot.append(s("circle", { cx: x, cy: y, r: 3, class: "xp-dot-purple" }));
    }
    chart.plot.append(s("line", { x1: chart.x(k), x2: chart.x(k), y1: chart.y(lim), y2: chart.y(-lim), class: "xp-stroke xp-muted" }));
    chartBox.replaceChildren(chart.svg);
  }

  function update(announce = true) {
    const eta = Number(etaControl.input.value);
    const lam = Number(lamControl.input.value);
    const k = Number(kControl.input.value);
    const tr = traces(p, eta, lam, p.steps);
    current = { tr, k, steps: p.steps };
    etaControl.output.textContent = num(eta);
    lamControl.output.textContent = num(lam);
    kControl.output.textContent = String(k);
    const put = (key, value) => {
      out[key].textContent = sci(value);
      out[key].dataset.value = JSON.stringify(value);
    };
    out.k.textContent = String(k);
    for (const [key] of METHODS) put(key, tr[key][k]);
    put("answer", soft(p.corr, lam) / p.curvature);
    const z = zeroFrom(tr.proximal.slice(0, k + 1));
    out["proximal.zero"].textContent = z === null ? "is not at zero" : `is exactly zero from step ${z}`;
    const limit = 2 / p.curvature;
    // Beyond 2/L no step converges to a non-zero weight, but the proximal step can still stop at
    // exactly zero, which its threshold holds once λ ≥ |c|: read off the whole trace (two zeros in a
    // row: zero is then a fixed point; a single one can be a visit of a cycle).
    const last = zeroFrom(tr.proximal);
    const stops = last !== null && last < tr.proximal.length - 1;
    note.textContent =
      eta >= limit
        ? `η = ${num(eta)} is at or beyond 2/L = ${num(limit)}: each gradient step multiplies the distance to the answer by |1 − ηL| ≥ 1, so the subgradient step does not converge; ` +
          (stops
            ? "the proximal step still stops at exactly zero, where its threshold holds it because λ is at least the slope's size"
            : "nor does the proximal step here") +
          ". Coordinate descent needs no step size."
        : `η = ${num(eta)} is below 2/L = ${num(limit)}: the gradient steps are stable.`;
    // aria-disabled, not disabled: a disabled button would drop the keyboard focus
    next.setAttribute("aria-disabled", String(k >= p.steps));
    back.setAttribute("aria-disabled", String(k <= 0));
    if (width) draw();
    writeHash(NAME, { eta: String(eta), lam: String(lam), k: String(k) }, eta === p.eta && lam === p.lam && k === p.steps);
    if (announce) {
      live.say(`η ${num(eta)}, λ ${num(lam)}, after ${k} steps: subgradient ${sci(tr.subgradient[k])}, proximal ${sci(tr.proximal[k])}, coordinate descent ${sci(tr.cd[k])}. ${eta >= limit ? `η is at least 2 over L: the subgradient step does not converge${stops ? ", the proximal step stops at zero" : ", nor does the proximal step"}.` : ""}`);
    }
  }

  update(false);
  onWidth(chartBox, (w) => {
    width = w;
    draw();
  });
}
