/*
 * Scale symmetry (networks page): the page's trained ReLU network with the first layer multiplied
 * by c and the second layer's weights divided by c. Penalty and data loss at every c of the grid
 * come from figures/explorables/scale-symmetry.json (scripts/pages/explorables.py, which uses
 * networks.rescale, networks.loss and networks.weight_penalty).
 */
import { axes, button, h, line, liveRegion, loadData, nearest, niceTicks, onWidth, parse, readHash, s, slider, writeHash } from "./common.js";

const NAME = "scale-symmetry";
const FRACTIONS = { "-2": "¼", "-1": "½", 0: "1", 1: "2", 2: "4" };

export async function mount(root, url, hash = "") {
  const data = await loadData(url);
  const last = data.log2_c.length - 1;
  let start = data.default;
  let divided = false;
  const fromHash = readHash(NAME, hash);
  if (fromHash) {
    const c = parse(fromHash.get("c"));
    if (fromHash.has("c") && c > 0) start = nearest(data.log2_c, Math.log2(c));
    divided = fromHash.get("bias") === "divided";
  }
  const control = slider({ label: "rescaling factor c (log scale)", min: 0, max: last, step: 1, value: start, onInput: () => update() });
  const toggle = h("input", { type: "checkbox", id: "xp-scale-bias", onChange: () => update() });
  toggle.checked = divided;
  const balanced = button("Balanced c", () => {
    control.input.value = data.balanced;
    update();
  });
  const reset = button("Reset", () => {
    control.input.value = data.default;
    toggle.checked = false;
    update();
  });
  const live = liveRegion();
  const charts = h("div", { class: "xp-charts" });
  const penaltyBox = h("div", { class: "xp-chart-box" });
  const lossBox = h("div", { class: "xp-chart-box" });
  charts.append(penaltyBox, lossBox);
  const out = {};
  const field = (key) => (out[key] = h("span", { "data-key": key }));
  root.replaceChildren(
    h("p", { class: "xp-title" }, h("strong", {}, "Rescale the network."), " Multiply the first layer (weights and biases) by c and divide the second layer's weights by c: the function and its data loss stay the same, the weight penalty does not."),
    h("div", { class: "xp-controls" }, control.wrap, balanced, reset),
    h("label", { class: "xp-check", for: "xp-scale-bias" }, toggle, "Also divide the second layer's bias by c (the article's rule)"),
    h("div", { class: "xp-legend", "aria-hidden": "true" }, h("span", { class: "xp-key xp-blue" }, "bias kept"), h("span", { class: "xp-key xp-vermillion" }, "bias divided by c"), h("span", {}, "◇ balanced c")),
    charts,
    h(
      "ul",
      { class: "xp-summary" },
      h("li", {}, "c = ", field("c"), ": weight penalty ½Σ‖W‖² = ", field("penalty"), " (first layer ", field("first"), ", second layer ", field("second"), ", the output layer unchanged)."),
      h("li", {}, "Data loss ", field("loss"), " ", field("loss.note"), "."),
    ),
    live,
  );
  root.classList.add("xp-ready");

  const xTicks = [-2, -1, 0, 1, 2].map((v) => ({ v, label: FRACTIONS[v] }));
  let width = 0;
  function drawPenalty(i) {
    const lo = 0;
    const { step } = niceTicks(lo, Math.max(...data.penalty));
    const hi = Math.ceil(Math.max(...data.penalty) / step) * step;
    const yTicks = niceTicks(lo, hi).ticks.map((v) => ({ v, label: String(v) }));
    const chart = axes({ width, height: 220, x: [-2, 2], y: [lo, hi], xTicks, yTicks, xLabel: "c (log scale)", yLabel: "weight penalty", title: `Weight penalty against c; at c = ${data.text[i].c} it is ${data.text[i].penalty}.` });
    chart.plot.append(s("path", { d: line(data.log2_c.map((x, k) => [chart.x(x), chart.y(data.penalty[k])])), class: "xp-stroke xp-blue" }));
    const [bx, by] = [chart.x(data.log2_c[data.balanced]), chart.y(data.penalty[data.balanced])];
    chart.plot.append(s("path", { d: `M${bx},${by - 7}l7,7l-7,7l-7,-7z`, class: "xp-stroke xp-muted" })); // the balanced c
    chart.plot.append(s("circle", { cx: chart.x(data.log2_c[i]), cy: chart.y(data.penalty[i]), r: 5, class: "xp-dot-ink" }));
    penaltyBox.replaceChildren(chart.svg);
  }
  function drawLoss(i) {
    const logs = (values) => values.map((v) => Math.log10(v));
    const all = [...logs(data.loss), ...(toggle.checked ? logs(data.loss_divided) : [])];
    const lo = Math.floor(Math.min(...all));
    const hi = Math.max(Math.ceil(Math.max(...all)), lo + 1);
    const yTicks = [];
    for (let v = lo; v <= hi; v++) yTicks.push({ v, label: `10${String(v).replace(/[-0-9]/g, (ch) => "⁻⁰¹²³⁴⁵⁶⁷⁸⁹"["-0123456789".indexOf(ch)])}` });
    const chart = axes({ width, height: 220, x: [-2, 2], y: [lo, hi], xTicks, yTicks, xLabel: "c (log scale)", yLabel: "data loss (log)", title: `Data loss against c; at c = ${data.text[i].c} it is ${current(i)}.` });
    chart.plot.append(s("path", { d: line(data.log2_c.map((x, k) => [chart.x(x), chart.y(Math.log10(data.loss[k]))])), class: "xp-stroke xp-blue" }));
    if (toggle.checked) chart.plot.append(s("path", { d: line(data.log2_c.map((x, k) => [chart.x(x), chart.y(Math.log10(data.loss_divided[k]))])), class: "xp-stroke xp-vermillion xp-dashed" }));
    const y = toggle.checked ? data.loss_divided[i] : data.loss[i];
    chart.plot.append(s("circle", { cx: chart.x(data.log2_c[i]), cy: chart.y(Math.log10(y)), r: 5, class: "xp-dot-ink" }));
    lossBox.replaceChildren(chart.svg);
  }
  const current = (i) => (toggle.checked ? data.text[i].loss_divided : data.text[i].loss);

  function update(announce = true) {
    const i = Number(control.input.value);
    const t = data.text[i];
    const text = `c = ${t.c}`;
    control.output.textContent = text;
    control.input.setAttribute("aria-valuetext", text);
    for (const key of ["c", "penalty", "first", "second"]) out[key].textContent = t[key];
    out.loss.textContent = current(i);
    out["loss.note"].textContent = toggle.checked
      ? `with the bias divided by c (${t.loss} with the bias kept): the function has changed`
      : "with the bias kept: the same at every c";
    if (width) {
      drawPenalty(i);
      drawLoss(i);
    }
    const params = { c: t.c };
    if (toggle.checked) params.bias = "divided";
    writeHash(NAME, params, i === data.default && !toggle.checked);
    if (announce) {
      live.say(`c ${t.c}: weight penalty ${t.penalty}, data loss ${current(i)}${toggle.checked ? ", bias divided by c" : ", unchanged"}.`);
    }
  }

  update(false);
  onWidth(charts, (w) => {
    // Two charts side by side when there is room for both, else one above the other.
    const two = w >= 560;
    charts.style.gridTemplateColumns = two ? "1fr 1fr" : "1fr";
    width = Math.floor(two ? (w - 13) / 2 : w);
    drawPenalty(Number(control.input.value));
    drawLoss(Number(control.input.value));
  });
}
