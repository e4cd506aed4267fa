/* Shared pieces of the explorables: elements, number printing, URL-hash state, controls, charts. */

const SVG = "http://www.w3.org/2000/svg";

/** An HTML element with attributes (on* keys become listeners) and children. */
export function h(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  setAttrs(node, attrs);
  node.append(...children.flat().filter((c) => c !== null && c !== undefined && c !== false));
  return node;
}

/** An SVG element with attributes. */
export function s(tag, attrs = {}, ...children) {
  const node = document.createElementNS(SVG, tag);
  setAttrs(node, attrs);
  node.append(...children.flat().filter((c) => c !== null && c !== undefined && c !== false));
  return node;
}

function setAttrs(node, attrs) {
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith("on")) node.addEventListener(key.slice(2).toLowerCase(), value);
    else node.setAttribute(key, value === true ? "" : String(value));
  }
}

/** scripts/fmt.py num(): `digits` significant figures, no trailing zeros, true minus sign. */
export function num(x, digits = 3) {
  if (!Number.isFinite(x)) throw new Error(`cannot print ${x}`);
  if (x === 0) return "0";
  const decimals = Math.max(digits - 1 - Math.floor(Math.log10(Math.abs(x))), 0);
  let text = x.toFixed(decimals);
  if (text.includes(".")) text = text.replace(/0+$/, "").replace(/\.$/, "");
  if (/^-0(\.0*)?$/.test(text)) text = "0";
  return text.replace("-", "−");
}

/** scripts/fmt.py sci(): like num(), very large or small values as 1.23 × 10⁻⁵. */
export function sci(x, digits = 3) {
  if (x === 0 || (Math.abs(x) >= 1e-3 && Math.abs(x) < 1e5)) return num(x, digits);
  let exponent = Math.floor(Math.log10(Math.abs(x)));
  let mantissa = x / 10 ** exponent;
  if (Math.abs(Number(mantissa.toFixed(digits - 1))) >= 10) {
    exponent += 1;
    mantissa /= 10;
  }
  const sup = String(exponent).replace(/[-0-9]/g, (c) => "⁻⁰¹²³⁴⁵⁶⁷⁸⁹"["-0123456789".indexOf(c)]);
  return `${num(mantissa, digits)} × 10${sup}`;
}

/** State in a URL hash, namespaced: #NAME.key=value&key2=value2. Null when the hash is another's. */
export function readHash(name, raw) {
  const hash = decodeURIComponent(raw.slice(1));
  if (!hash.startsWith(`${name}.`)) return null;
  return new URLSearchParams(hash.slice(name.length + 1));
}

/** Write the state without scrolling or adding a history entry; defaults leave the hash empty. */
export function writeHash(name, params, isDefault) {
  const query = new URLSearchParams(params).toString();
  const hash = isDefault ? "" : `#${name}.${query}`;
  if (hash === location.hash) return;
  history.replaceState(history.state, "", `${location.pathname}${location.search}${hash}`);
}

/** A polite live region; updates are debounced so holding an arrow key does not flood the reader. */
export function liveRegion() {
  const node = h("p", { class: "xp-live", "aria-live": "polite", "aria-atomic": "true" });
  let timer = null;
  node.say = (text) => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      node.textContent = text;
    }, 250);
  };
  return node;
}

let counter = 0;
/** A labelled native range input with its printed value next to the label. */
export function slider({ label, min, max, step, value, onInput }) {
  const id = `xp-range-${++counter}`;
  const output = h("output", { for: id, class: "xp-value" });
  const input = h("input", { type: "range", id, min, max, step, value, onInput });
  const wrap = h("div", { class: "xp-slider" }, h("label", { for: id }, label, " ", output), input);
  return { wrap, input, output };
}

export function button(text, onClick, attrs = {}) {
  return h("button", { type: "button", class: "md-button xp-button", onClick, ...attrs }, text);
}

/** Fetch an explorable's data file (written by scripts/pages/explorables.py). */
export async function loadData(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.json();
}

/** Linear scale. */
export function scale(d0, d1, r0, r1) {
  const f = (v) => r0 + ((v - d0) / (d1 - d0)) * (r1 - r0);
  f.invert = (p) => d0 + ((p - r0) / (r1 - r0)) * (d1 - d0);
  return f;
}

/**
 * Axes in an SVG of the container's width (text at true pixel size on every screen):
 * returns { svg, plot (group), x, y } with x, y the data -> pixel scales.
 */
/** Width in px of `text` in the charts' font (.xp-chart: 12px, the page's text font), before the SVG is on the page. */
let measurer;
function textWidth(text) {
  if (!measurer) {
    measurer = document.createElement("canvas").getContext("2d");
    const family = getComputedStyle(document.body).getPropertyValue("--md-text-font-family").trim();
    measurer.font = `12px ${family || "sans-serif"}`;
  }
  return measurer.measureText(text).width;
}

export function axes({ width, height, x, y, xTicks = [], yTicks = [], xLabel = "", yLabel = "", title, desc }) {
  // The left margin holds the widest y tick label and the rotated y label beside it (a fixed margin
  // let a wide font put "1000" on top of the axis title); x tick labels sit below the lowest y label.
  const widest = Math.max(0, ...yTicks.map((t) => textWidth(t.label)));
  const m = { left: Math.max(46, Math.ceil(widest) + (yLabel ? 28 : 10)), right: 10, top: 10, bottom: xLabel ? 42 : 26 };
  const sx = scale(x[0], x[1], m.left, width - m.right);
  const sy = scale(y[0], y[1], height - m.bottom, m.top);
  const svg = s("svg", {
    width,
    height,
    viewBox: `0 0 ${width} ${height}`,
    class: "xp-chart",
    role: "img",
    "aria-label": title,
  });
  if (desc) svg.append(s("title", {}, desc));
  const grid = s("g", { class: "xp-grid" });
  for (const t of yTicks) {
    grid.append(s("line", { x1: m.left, x2: width - m.right, y1: sy(t.v), y2: sy(t.v) }));
  }
  for (const t of xTicks) {
    grid.append(s("line", { x1: sx(t.v), x2: sx(t.v), y1: m.top, y2: height - m.bottom }));
  }
  const ink = s("g", { class: "xp-axis" });
  ink.append(s("line", { x1: m.left, x2: width - m.right, y1: height - m.bottom, y2: height - m.bottom }));
  ink.append(s("line", { x1: m.left, x2: m.left, y1: m.top, y2: height - m.bottom }));
  for (const t of yTicks) {
    ink.append(s("text", { x: m.left - 5, y: sy(t.v), "text-anchor": "end", "dominant-baseline": "middle" }, t.label));
  }
  for (const t of xTicks) {
    ink.append(s("text", { x: sx(t.v), y: height - m.bottom + 18, "text-anchor": "middle" }, t.label));
  }
  if (xLabel) ink.append(s("text", { x: (m.left + width - m.right) / 2, y: height - 6, "text-anchor": "middle" }, xLabel));
  if (yLabel) {
    const cy = (m.top + height - m.bottom) / 2;
    ink.append(s("text", { x: 12, y: cy, "text-anchor": "middle", transform: `rotate(-90 12 ${cy})` }, yLabel));
  }
  const clip = `xp-clip-${++counter}`;
  svg.append(
    s("defs", {}, s("clipPath", { id: clip }, s("rect", { x: m.left, y: m.top, width: width - m.left - m.right, height: height - m.top - m.bottom }))),
    grid,
    ink,
  );
  const plot = s("g", { "clip-path": `url(#${clip})` });
  svg.append(plot);
  return { svg, plot, x: sx, y: sy, margin: m };
}

/** SVG path data through points [[x, y], ...] (already in pixels). */
/** Round tick values covering [lo, hi]: a step of 1, 2 or 5 times a power of ten, about `count` ticks. */
export function niceTicks(lo, hi, count = 5) {
  const raw = (hi - lo) / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((st) => st >= raw);
  const ticks = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) ticks.push(Number(v.toPrecision(12)));
  return { step, ticks };
}

export function line(points) {
  return points.map(([px, py], i) => `${i ? "L" : "M"}${px.toFixed(1)},${py.toFixed(1)}`).join("");
}

/** Re-render on width changes of the container (phone rotation, window resize). */
export function onWidth(node, render) {
  let last = 0;
  const observer = new ResizeObserver(() => {
    const width = Math.round(node.clientWidth);
    if (width && width !== last) {
      last = width;
      render(width);
    }
  });
  observer.observe(node);
}

/** Nearest index of `value` in `values` (for snapping a hash value to a grid). */
export function nearest(values, value) {
  let best = 0;
  values.forEach((v, i) => {
    if (Math.abs(v - value) < Math.abs(values[best] - value)) best = i;
  });
  return best;
}

/** Parse a number written with a true minus sign or an ASCII one. */
export function parse(text) {
  return Number(String(text).replace("−", "-"));
}
