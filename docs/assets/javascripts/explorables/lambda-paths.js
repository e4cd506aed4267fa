/*
 * λ explorer (home page): the lasso and ridge weights of the home figure's problem at one λ of its
 * grid, as bars and a table, with exact zeros, training and held-out error and λ/λmax.
 * Every printed value comes from figures/explorables/lambda-paths.json (scripts/pages/explorables.py).
 */
import { axes, button, h, liveRegion, loadData, nearest, onWidth, parse, readHash, s, slider, writeHash } from "./common.js";

const NAME = "lambda-paths";
const METHODS = [
  ["lasso", "Lasso (L1)"],
  ["ridge", "Ridge (L2)"],
];

export async function mount(root, url, hash = "") {
  const data = await loadData(url);
  const points = data.points;
  const last = points.length - 1;
  const p = points[0].lasso.w.length;
  // The slider runs from small λ (left) to large λ (right); the grid is stored from large to small.
  const indexOf = (v) => last - v;
  let position = indexOf(data.default);
  const fromHash = readHash(NAME, hash);
  if (fromHash?.has("lambda")) {
    const wanted = Math.log10(parse(fromHash.get("lambda")));
    if (Number.isFinite(wanted)) position = indexOf(nearest(data.log10_lambda, wanted));
  }

  const control = slider({ label: "λ (log scale)", min: 0, max: last, step: 1, value: position, onInput: () => update() });
  const reset = button("Reset", () => {
    control.input.value = indexOf(data.default);
    update();
  });
  const live = liveRegion();
  const chartBox = h("div", { class: "xp-chart-box" });
  const cells = {};
  const cell = (key) => (cells[key] = h("td", { "data-key": key }));
  const weightRows = Array.from({ length: p }, (_, j) =>
    h("tr", {}, h("th", { scope: "row" }, `w${j + 1}`), cell(`lasso.w${j + 1}`), cell(`ridge.w${j + 1}`)),
  );
  const weights = h(
    "table",
    { class: "xp-table" },
    h("caption", {}, "Weights at this λ"),
    h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "weight"), ...METHODS.map(([, label]) => h("th", { scope: "col" }, label)))),
    h("tbody", {}, weightRows),
  );
  const errors = h(
    "table",
    { class: "xp-table" },
    h("caption", {}, "Exact zeros and errors (mean squared error)"),
    h(
      "thead",
      {},
      h("tr", {}, h("th", { scope: "col" }, "method"), h("th", { scope: "col" }, "exact zeros"), h("th", { scope: "col" }, `training (n = ${data.n})`), h("th", { scope: "col" }, `held-out (${data.held_out_n} new rows)`)),
    ),
    h(
      "tbody",
      {},
      METHODS.map(([key, label]) => h("tr", {}, h("th", { scope: "row" }, label), cell(`${key}.zeros`), cell(`${key}.train`), cell(`${key}.held_out`))),
    ),
  );
  const summary = h("p", { class: "xp-summary" });
  root.replaceChildren(
    h("p", { class: "xp-title" }, h("strong", {}, "Explore λ."), " Move the slider along the same paths as the figure above: lasso weights reach exactly zero one by one, ridge weights only shrink."),
    h("div", { class: "xp-controls" }, control.wrap, reset),
    summary,
    h("div", { class: "xp-legend", "aria-hidden": "true" }, METHODS.map(([key, label]) => h("span", { class: `xp-key xp-${key}` }, label))),
    chartBox,
    h("div", { class: "xp-tables" }, weights, errors),
    live,
  );
  root.classList.add("xp-ready");

  let width = 0;
  function draw() {
    const point = points[indexOf(Number(control.input.value))];
    const limit = data.weight_limit;
    const ticks = [];
    for (let v = -limit; v <= limit; v += 1) ticks.push({ v, label: String(v).replace("-", "−") });
    const chart = axes({
      width,
      height: 220,
      x: [0, p],
      y: [-limit, limit],
      yTicks: ticks,
      xTicks: [],
      yLabel: "weight",
      title: `Bar chart of the six weights at λ = ${point.lambda}: lasso ${point.lasso.w_text.join(", ")}; ridge ${point.ridge.w_text.join(", ")}.`,
    });
    const band = chart.x(1) - chart.x(0);
    const bar = Math.min(band * 0.36, 28);
    for (let j = 0; j < p; j++) {
      METHODS.forEach(([key], k) => {
        const v = point[key].w[j];
        const x0 = chart.x(j + 0.5) + (k - 1) * bar - (k === 0 ? 1 : -1);
        const top = Math.min(chart.y(v), chart.y(0));
        chart.plot.append(s("rect", { x: x0, y: top, width: bar, height: Math.max(Math.abs(chart.y(v) - chart.y(0)), 0), class: `xp-bar xp-${key}` }));
        if (v === 0) chart.plot.append(s("text", { x: x0 + bar / 2, y: chart.y(0) - 4, "text-anchor": "middle", class: "xp-zero" }, "0"));
      });
      chart.svg.append(s("text", { x: chart.x(j + 0.5), y: chart.y(-limit) + 15, "text-anchor": "middle", class: "xp-tick" }, `w${j + 1}`));
    }
    chart.plot.append(s("line", { x1: chart.x(0), x2: chart.x(p), y1: chart.y(0), y2: chart.y(0), class: "xp-zero-line" }));
    chartBox.replaceChildren(chart.svg);
  }

  function update(announce = true) {
    const i = indexOf(Number(control.input.value));
    const point = points[i];
    const text = `λ = ${point.lambda} (λ/λmax = ${point.ratio})`;
    control.output.textContent = text;
    control.input.setAttribute("aria-valuetext", text);
    summary.replaceChildren(
      "λ = ", h("span", { "data-key": "lambda" }, point.lambda), ", λ/λmax = ", h("span", { "data-key": "ratio" }, point.ratio),
      ` (λmax = ${data.lambda_max}: above it every lasso weight is zero).`,
    );
    for (const [key] of METHODS) {
      point[key].w_text.forEach((t, j) => (cells[`${key}.w${j + 1}`].textContent = t));
      cells[`${key}.zeros`].textContent = `${point[key].zeros} of ${p}`;
      cells[`${key}.train`].textContent = point[key].train;
      cells[`${key}.held_out`].textContent = point[key].held_out;
    }
    if (width) draw();
    writeHash(NAME, { lambda: point.lambda.replace("−", "-") }, i === data.default);
    if (announce) {
      live.say(
        `λ ${point.lambda}, ${point.ratio} of λ max. ` +
          METHODS.map(([key, label]) => `${label}: ${point[key].zeros} of ${p} weights exactly zero, training error ${point[key].train}, held-out error ${point[key].held_out}.`).join(" "),
      );
    }
  }

  update(false);
  onWidth(chartBox, (w) => {
    width = w;
    draw();
  });
}
