// Small helpers shared by every view: building elements without innerHTML (so no report
// text is ever parsed as HTML), and the Swedish labels and number formats of the page.

export function h(tag, attrs, ...children) {
  const el = tag.includes(":") ? document.createElementNS(SVG_NS, tag.split(":")[1]) : document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "class") el.setAttribute("class", value);
    else if (key === "text") el.textContent = value;
    else if (key.startsWith("on") && typeof value === "function") el.addEventListener(key.slice(2), value);
    else if (key === "dataset") Object.assign(el.dataset, value);
    else el.setAttribute(key, value === true ? "" : String(value));
  }
  append(el, children);
  return el;
}

export const SVG_NS = "http://www.w3.org/2000/svg";

export function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false || child === "") continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

// Text with every occurrence of `needle` wrapped in <mark>, e.g. the printed figure in its quote.
// With `prefixes`, each needle is a word start and the mark runs to the end of the word.
export function marked(text, needles, { prefixes = false } = {}) {
  const list = (Array.isArray(needles) ? needles : [needles]).filter((n) => n && String(n).trim().length > 0);
  if (!text || list.length === 0) return [text || ""];
  const escaped = list.map((n) => String(n).replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\s+/g, "\\s+"));
  const tail = prefixes ? "[\\p{L}\\p{N}]*" : "";
  const re = new RegExp(`(?:${escaped.join("|")})${tail}`, "giu");
  const out = [];
  let last = 0;
  for (const m of text.matchAll(re)) {
    if (m.index > last) out.push(text.slice(last, m.index));
    out.push(h("mark", {}, m[0]));
    last = m.index + m[0].length;
  }
  out.push(text.slice(last));
  return out;
}

const NUMBER = new Intl.NumberFormat("sv-SE", { maximumFractionDigits: 2 });

export function fmtNumber(value) {
  if (value === null || value === undefined || value === "") return "–";
  const n = Number(value);
  return Number.isFinite(n) ? NUMBER.format(n) : String(value);
}

// Units as the catalogue names them -> what a reader expects after the number.
const UNIT_SUFFIX = {
  procent: "%",
  procentenheter: "procentenheter",
  kronor: "kr",
  tkr: "tkr",
  mkr: "mkr",
  dagar: "dagar",
  antal: "",
  personer: "personer",
};

export function unitLabel(unit) {
  return unit in UNIT_SUFFIX ? UNIT_SUFFIX[unit] : unit || "";
}

export function fmtValue(value, unit) {
  const suffix = unitLabel(unit);
  return suffix ? `${fmtNumber(value)} ${suffix}` : fmtNumber(value);
}

export const QUALIFIERS = { exact: "", approximate: "cirka", over: "mer än", under: "mindre än" };

// The breakdown keys the API filters on, with their labels; the reports use a few more.
export const BREAKDOWN_KEYS = { kon: "Kön", forman: "Förmån", alder: "Ålder", myndighet: "Myndighet" };
const MORE_KEYS = { grupp: "Grupp", kohort: "Kohort", post: "Post", samverkan: "Samverkan", sysselsattning: "Sysselsättning" };

export function breakdownLabel(key) {
  return BREAKDOWN_KEYS[key] || MORE_KEYS[key] || key.charAt(0).toUpperCase() + key.slice(1);
}

export function breakdownText(breakdown) {
  const entries = Object.entries(breakdown || {}).filter(([, v]) => v);
  if (entries.length === 0) return "Totalt";
  return entries.map(([k, v]) => `${breakdownLabel(k)}: ${v}`).join(", ");
}

export const SEVERITIES = {
  error: "Fel",
  rounding: "Avrundning",
  definition: "Ändrad definition",
  info: "Information",
};
export const SEVERITY_ORDER = ["error", "definition", "rounding", "info"];

export const FINDING_TYPES = {
  restatement: "Siffran ändras mellan rapporter",
  summary_vs_body: "Sammanfattningen mot brödtexten",
  text_vs_table: "Texten mot tabellen",
  arithmetic: "Summor och delar går inte ihop",
  share_vs_counts: "Andelen följer inte av antalen",
  trend_claim: "Påstådd trend stämmer inte",
  unit_slip: "Enhet eller skala",
  revision_explained: "Förklarad revidering",
  definition_change: "Ändrad definition",
};
export const TYPE_ORDER = Object.keys(FINDING_TYPES);

export function typeLabel(type) {
  return FINDING_TYPES[type] || type;
}

export const FACT_KINDS = { summary: "sammanfattning", body: "brödtext", table: "tabell", footnote: "fotnot" };

// Where a figure sits: "s. 7" for a PDF page (the printed label when known), "rad 73" for text.
export function placeText(item) {
  if (item.page_label || item.page) return `s. ${item.page_label || item.page}`;
  const line = item.line ?? item.line_start;
  return line ? `rad ${line}` : "";
}

// The document view, opened at a block, cell, table row, line or footnote; `fig` is marked in the text.
export function docHref(doc, target = {}) {
  const params = new URLSearchParams();
  for (const key of ["block", "cell", "table", "row", "fact", "line", "fn", "page", "fig"]) {
    const value = target[key];
    if (value !== null && value !== undefined && value !== "") params.set(key, value);
  }
  const query = params.toString();
  return `#/dokument/${encodeURIComponent(doc)}${query ? "?" + query : ""}`;
}

// The document link for a fact, finding fact, answer or series row. Where the row names its
// block or cell the link does too; otherwise it names the fact, and the document view looks
// the fact up (GET /facts?doc=) to find its block or cell. Line and page ride along as fallback.
export function factHref(fact) {
  const id = fact.fact_id || fact.fact || null;
  const exact = fact.block || fact.cell;
  return docHref(fact.doc, {
    block: fact.block,
    cell: fact.cell,
    fact: exact ? null : id,
    line: exact ? null : fact.line,
    page: fact.page,
    fig: fact.printed,
  });
}

export function hashFor(path, params) {
  const query = new URLSearchParams(Object.entries(params || {}).filter(([, v]) => v !== null && v !== undefined && v !== "")).toString();
  return `#${path}${query ? "?" + query : ""}`;
}

export function heading(level, text, attrs = {}) {
  return h(`h${level}`, { tabindex: "-1", ...attrs }, text);
}

export function notice(kind, title, ...body) {
  return h("div", { class: `notice notice-${kind}`, role: kind === "error" ? "alert" : null }, h("strong", {}, title), ...body);
}
