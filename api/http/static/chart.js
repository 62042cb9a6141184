// A line chart drawn as inline SVG: one line per vintage (the report a value came from), every
// period on the x axis. No charting library: the page stays offline and small. Lines differ in
// colour (Okabe-Ito based, readable with colour blindness), marker shape and dash, so colour is never
// the only cue; the table under the chart carries the same numbers for screen readers.

import { h, fmtNumber } from "./dom.js";

// Okabe-Ito hues, darkened where needed so every line has 3:1 contrast against white.
const COLORS = ["#0072B2", "#D55E00", "#008060", "#B8488F", "#7A5C00", "#6A3D9A", "#000000", "#9C6B00"];
const DASHES = ["", "6 3", "2 3", "8 3 2 3", "", "6 3", "2 3", "8 3 2 3"];
const MARKERS = ["circle", "square", "triangle", "diamond", "circle", "square", "triangle", "diamond"];

export function lineStyle(i) {
  return { color: COLORS[i % COLORS.length], dash: DASHES[i % DASHES.length], marker: MARKERS[i % MARKERS.length] };
}

// Round axis steps: 1, 2 or 5 times a power of ten.
export function niceTicks(min, max, count = 5) {
  if (min === max) {
    const pad = Math.abs(min) || 1;
    min -= pad;
    max += pad;
  }
  const raw = (max - min) / count;
  const power = Math.pow(10, Math.floor(Math.log10(raw)));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw);
  const start = Math.floor(min / step) * step;
  const ticks = [];
  for (let v = start; v <= max + step * 0.5; v += step) ticks.push(Number(v.toFixed(10)));
  return ticks;
}

function marker(kind, x, y, color, label) {
  const s = 4.5;
  const common = { fill: color, stroke: "#fff", "stroke-width": "1.2" };
  let el;
  if (kind === "square") el = h("svg:rect", { ...common, x: x - s, y: y - s, width: 2 * s, height: 2 * s });
  else if (kind === "triangle") el = h("svg:polygon", { ...common, points: `${x},${y - s - 1} ${x + s + 1},${y + s} ${x - s - 1},${y + s}` });
  else if (kind === "diamond") el = h("svg:polygon", { ...common, points: `${x},${y - s - 1} ${x + s + 1},${y} ${x},${y + s + 1} ${x - s - 1},${y}` });
  else el = h("svg:circle", { ...common, cx: x, cy: y, r: s });
  el.append(h("svg:title", {}, label));
  return el;
}

// series: [{label, points: [{period, value}]}]; periods: the x categories in order.
export function lineChart({ periods, series, unit = "", title = "", width = 760, height = 340 }) {
  const margin = { top: 16, right: 20, bottom: 36, left: 64 };
  const plotW = width - margin.left - margin.right;
  const plotH = height - margin.top - margin.bottom;
  const values = series.flatMap((s) => s.points.map((p) => p.value)).filter((v) => Number.isFinite(v));
  const lo = Math.min(0, ...values);
  const top = Math.max(...values, lo + 1);
  const hi = top + (top - lo) * 0.04; // headroom, so the highest point does not sit on the frame
  const ticks = niceTicks(lo, hi);
  const yMin = ticks[0];
  const yMax = ticks[ticks.length - 1];
  const x = (i) => margin.left + (periods.length === 1 ? plotW / 2 : (i * plotW) / (periods.length - 1));
  const y = (v) => margin.top + plotH - ((v - yMin) / (yMax - yMin || 1)) * plotH;
  const index = new Map(periods.map((p, i) => [p, i]));
  const labelEvery = Math.ceil(periods.length / 12);

  const svg = h("svg:svg", {
    viewBox: `0 0 ${width} ${height}`, class: "chart", role: "img",
    "aria-label": `${title}: linjediagram med ${series.length} rapporter över ${periods.length} perioder. Samma siffror finns i tabellen under.`,
    preserveAspectRatio: "xMidYMid meet",
  });
  const grid = h("svg:g", { class: "grid" });
  for (const t of ticks) {
    grid.append(h("svg:line", { x1: margin.left, x2: width - margin.right, y1: y(t), y2: y(t) }));
    grid.append(h("svg:text", { x: margin.left - 8, y: y(t) + 4, "text-anchor": "end" }, fmtNumber(t)));
  }
  periods.forEach((p, i) => {
    if (i % labelEvery === 0 || i === periods.length - 1) {
      grid.append(h("svg:text", { x: x(i), y: height - margin.bottom + 20, "text-anchor": "middle" }, p));
    }
  });
  if (unit) grid.append(h("svg:text", { x: 8, y: margin.top + 4, class: "unit" }, unit));
  svg.append(grid);

  series.forEach((s, i) => {
    const style = lineStyle(i);
    const pts = s.points.filter((p) => index.has(p.period) && Number.isFinite(p.value))
      .sort((a, b) => index.get(a.period) - index.get(b.period));
    const g = h("svg:g", { class: "series" });
    if (pts.length > 1) {
      g.append(h("svg:polyline", {
        points: pts.map((p) => `${x(index.get(p.period))},${y(p.value)}`).join(" "),
        fill: "none", stroke: style.color, "stroke-width": "2.5", "stroke-dasharray": style.dash || null,
        "stroke-linejoin": "round",
      }));
    }
    for (const p of pts) {
      g.append(marker(style.marker, x(index.get(p.period)), y(p.value), style.color, `${s.label}: ${p.period} = ${fmtNumber(p.value)}${unit ? " " + unit : ""}`));
    }
    svg.append(g);
  });
  return svg;
}

export function legend(series) {
  return h("ul", { class: "legend", "aria-label": "Rapporter i diagrammet" }, series.map((s, i) => {
    const style = lineStyle(i);
    const swatch = h("svg:svg", { width: "34", height: "14", viewBox: "0 0 34 14", "aria-hidden": "true" },
      h("svg:line", { x1: "1", x2: "33", y1: "7", y2: "7", stroke: style.color, "stroke-width": "2.5", "stroke-dasharray": style.dash || null }),
      marker(style.marker, 17, 7, style.color, ""));
    return h("li", {}, swatch, " ", s.label);
  }));
}
