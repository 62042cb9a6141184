// Series: one measure over every period, one line per vintage (the report the value came from),
// with breakdown selectors, the numbers as a table and a CSV download of the same selection.

import { getJSON, listOf, measuresByKey, documentsById, query } from "./api.js";
import { h, fmtNumber, unitLabel, BREAKDOWN_KEYS, breakdownLabel, breakdownText, factHref, hashFor, heading, notice } from "./dom.js";
import { lineChart, legend } from "./chart.js";

export async function measureListView() {
  const measures = [...(await measuresByKey()).values()].filter((m) => (m.facts ?? 1) > 0 && m.key !== "unclassified");
  const filter = h("input", { id: "matt-filter", type: "search", autocomplete: "off", "aria-describedby": "matt-antal" });
  const count = h("p", { id: "matt-antal", class: "hint", "aria-live": "polite" }, `${measures.length} mått`);
  const items = measures.map((m) => h("li", { dataset: { text: `${m.label} ${m.key} ${(m.synonyms || []).join(" ")}`.toLowerCase() } },
    h("a", { href: `#/serie/${encodeURIComponent(m.key)}` }, m.label || m.key),
    h("span", { class: "muted" }, ` · ${unitLabel(m.unit) || m.unit || "antal"}${m.facts !== undefined ? ` · ${m.facts} siffror` : ""}`)));
  filter.addEventListener("input", () => {
    const words = filter.value.toLowerCase().split(/\s+/).filter(Boolean);
    let shown = 0;
    for (const li of items) {
      const hit = words.every((w) => li.dataset.text.includes(w));
      li.hidden = !hit;
      shown += hit ? 1 : 0;
    }
    count.textContent = `${shown} av ${measures.length} mått`;
  });
  const node = h("section", { class: "view", "aria-labelledby": "serier-rubrik" },
    heading(1, "Serier", { id: "serier-rubrik" }),
    h("p", {}, "Välj ett mått för att se alla år som rapporterna anger, med en linje per rapport."),
    h("div", { class: "field" }, h("label", { for: "matt-filter" }, "Filtrera måtten"), filter, count),
    h("ul", { class: "measure-list" }, items));
  return { title: "Serier", node };
}

// A breakdown as an object, whichever way the endpoint sends it (object, JSON text or columns).
function breakdownOf(row) {
  let bd = row.breakdown;
  if (typeof bd === "string") {
    try {
      bd = JSON.parse(bd || "{}");
    } catch {
      bd = {};
    }
  }
  bd = { ...(bd || {}) };
  for (const key of Object.keys(BREAKDOWN_KEYS)) if (row[key] && !bd[key]) bd[key] = row[key];
  for (const key of Object.keys(bd)) if (!bd[key]) delete bd[key];
  return bd;
}

// The observations of a series response: a list of rows, or rows under a key.
export function seriesRows(body) {
  return listOf(body, "rows", "observations", "points", "values", "facts").map((r) => ({
    ...r,
    breakdown: breakdownOf(r),
    value: r.value === null || r.value === undefined ? null : Number(r.value),
    period: String(r.period),
    doc: r.doc || r.vintage || r.source_file,
    fact: r.fact_id || r.fact || r.id,
  }));
}

const TOTAL = "totalt";

// The breakdown group with values for the most periods; the total wins a tie, then the simplest.
function defaultBreakdown(rows) {
  const groups = new Map();
  for (const r of rows) {
    const id = JSON.stringify(Object.entries(r.breakdown).sort());
    if (!groups.has(id)) groups.set(id, { breakdown: r.breakdown, periods: new Set() });
    groups.get(id).periods.add(r.period);
  }
  let best = null;
  for (const g of groups.values()) {
    const better = !best || g.periods.size > best.periods.size ||
      (g.periods.size === best.periods.size && Object.keys(g.breakdown).length < Object.keys(best.breakdown).length);
    if (better) best = g;
  }
  return best ? best.breakdown : {};
}

function sameBreakdown(a, b) {
  const ka = Object.keys(a).sort();
  const kb = Object.keys(b).sort();
  return ka.length === kb.length && ka.every((k, i) => k === kb[i] && a[k] === b[k]);
}

export async function seriesView({ args, params, navigate }) {
  const key = args[0];
  const [measures, docs, body] = await Promise.all([
    measuresByKey().catch(() => new Map()), documentsById().catch(() => new Map()), getJSON(`series/${encodeURIComponent(key)}`),
  ]);
  const measure = measures.get(key) || {};
  const rows = seriesRows(body);
  const head = typeof body.measure === "object" && body.measure ? body.measure : {};
  const label = head.label || measure.label || rows[0]?.measure_label || key;
  const unit = head.unit || measure.unit || rows[0]?.unit || "";
  for (const v of body.vintages || []) if (v.doc && !docs.has(v.doc)) docs.set(v.doc, v);

  // The breakdowns that exist. An address that names any of them is taken as it is ("totalt"
  // for no breakdown on that key); otherwise the group with the longest run of periods is shown.
  const standard = Object.keys(BREAKDOWN_KEYS);
  const keys = [...new Set(rows.flatMap((r) => Object.keys(r.breakdown)))]
    .sort((a, b) => (standard.indexOf(a) + 1 || 99) - (standard.indexOf(b) + 1 || 99) || a.localeCompare(b));
  const explicit = [...standard, ...keys].some((k) => params.get(k));
  const wanted = explicit
    ? Object.fromEntries(keys.map((k) => [k, params.get(k)]).filter(([, v]) => v && v !== TOTAL))
    : defaultBreakdown(rows);
  const shown = rows.filter((r) => sameBreakdown(r.breakdown, wanted));

  const selectors = keys.map((k) => {
    const values = [...new Set(rows.map((r) => r.breakdown[k]).filter(Boolean))].sort((a, b) => a.localeCompare(b, "sv"));
    const id = `val-${k}`;
    const select = h("select", { id, name: k },
      h("option", { value: TOTAL }, "Totalt (ingen uppdelning)"),
      values.map((v) => h("option", { value: v, selected: v === wanted[k] }, v)));
    select.addEventListener("change", () => {
      const next = Object.fromEntries(keys.map((x) => [x, wanted[x] || TOTAL]));
      next[k] = select.value;
      navigate(hashFor(`/serie/${encodeURIComponent(key)}`, next), { keepFocus: id });
    });
    return h("div", { class: "field" }, h("label", { for: id }, breakdownLabel(k)), select);
  });

  // the API filters on the standard keys; a group with other keys downloads with its standard ones
  const filter = Object.keys(wanted).length
    ? Object.fromEntries(Object.entries(wanted).filter(([k]) => standard.includes(k))) : { total: "true" };
  const csvHref = `series/${encodeURIComponent(key)}${query({ format: "csv", ...filter })}`;
  const node = h("section", { class: "view view-series", "aria-labelledby": "serie-rubrik" },
    h("p", { class: "crumbs" }, h("a", { href: "#/serie" }, "Serier"), " › ", key),
    heading(1, label, { id: "serie-rubrik" }),
    measure.definition ? h("p", { class: "definition" }, measure.definition) : null,
    notesList(measure.notes),
    selectors.length ? h("form", { class: "filters", "aria-label": "Uppdelning", onsubmit: (e) => e.preventDefault() }, selectors) : null,
    !explicit && Object.keys(wanted).length ? h("p", { class: "hint" },
      `Visar ${breakdownText(wanted)}: den uppdelning som rapporterna anger för flest år. Välj en annan ovan.`) : null);

  if (!shown.length) {
    node.append(notice("info", "Inga värden. ", rows.length ? "Ingen rapport anger måttet för den här uppdelningen." : "Ingen rapport anger det här måttet."));
    return { title: label, node };
  }

  const vintages = vintagesOf(shown, docs);
  const years = yearAxis(shown.map((r) => r.period));
  const allPeriods = [...new Set(shown.map((r) => r.period))].sort(comparePeriods);
  const chartSeries = vintages.map((v) => ({
    label: v.label,
    points: shown.filter((r) => r.doc === v.doc && r.value !== null).map((r) => ({ period: r.period, value: r.value })),
  }));
  const bdText = breakdownText(wanted);
  node.append(
    h("figure", { class: "chart-figure" },
      years.length ? lineChart({ periods: years, series: chartSeries, unit: unitLabel(unit), title: `${label}, ${bdText}` })
        : h("p", { class: "hint" }, "Bara flerårsperioder; se tabellen."),
      h("figcaption", {}, legend(chartSeries), h("p", { class: "hint" }, `${bdText}. En linje per rapport (årgång); där linjerna skiljer sig har en senare rapport angett en annan siffra för samma år.`))),
    seriesTable({ label, unit, periods: allPeriods, vintages, rows: shown, bdText }),
    h("p", { class: "downloads" }, h("a", { href: csvHref, download: `${key}.csv`, class: "button" }, "Ladda ned CSV"),
      " ", h("a", { href: `series/${encodeURIComponent(key)}${query({ format: "xlsx", ...filter })}`, download: `${key}.xlsx`, class: "button" }, "Excel"),
      " ", h("a", { href: `series/${encodeURIComponent(key)}${query({ format: "csv", dialect: "excel-sv", ...filter })}`, download: `${key}.csv` }, "CSV för svenska Excel"),
      " ", h("a", { href: `series/${encodeURIComponent(key)}${query({ format: "jsonstat", ...filter })}` }, "JSON-stat"),
      " ", h("a", { href: `series/${encodeURIComponent(key)}${query(filter)}` }, "JSON")));
  return { title: label, node, announce: `${label}: ${allPeriods.length} perioder, ${vintages.length} rapporter` };
}

// Every year from the first to the last, so the x axis is true to time even where no report gives a value.
function yearAxis(periods) {
  const years = periods.filter((p) => /^\d{4}$/.test(p)).map(Number);
  if (!years.length) return [];
  const out = [];
  for (let y = Math.min(...years); y <= Math.max(...years); y++) out.push(String(y));
  return out;
}

function comparePeriods(a, b) {
  return a.localeCompare(b, "sv", { numeric: true });
}

function vintagesOf(rows, docs) {
  const byDoc = new Map();
  for (const r of rows) {
    if (!byDoc.has(r.doc)) {
      const doc = docs.get(r.doc);
      const published = r.published || doc?.published || "";
      byDoc.set(r.doc, { doc: r.doc, published, label: `${r.doc}${published ? ` (publ. ${published})` : ""}` });
    }
  }
  return [...byDoc.values()].sort((a, b) => (a.published || "").localeCompare(b.published || "") || a.doc.localeCompare(b.doc));
}

function seriesTable({ label, unit, periods, vintages, rows, bdText }) {
  const cell = new Map(rows.map((r) => [`${r.period}\u0000${r.doc}`, r]));
  return h("div", { class: "table-wrap", tabindex: "0", role: "region", "aria-labelledby": "serie-tabell" },
    h("table", { class: "data-table" },
      h("caption", { id: "serie-tabell" }, `${label} (${unitLabel(unit) || unit || "antal"}), ${bdText}: period per rad, rapport per kolumn`),
      h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Period"), vintages.map((v) => h("th", { scope: "col" }, v.label)))),
      h("tbody", {}, periods.map((p) => {
        const values = vintages.map((v) => cell.get(`${p}\u0000${v.doc}`)).filter(Boolean).map((r) => r.value);
        const differs = new Set(values).size > 1;
        return h("tr", { class: differs ? "differs" : null },
          h("th", { scope: "row" }, p, differs ? h("span", { class: "badge badge-error small", title: "Rapporterna anger olika värden" }, "skiljer") : null),
          vintages.map((v) => {
            const r = cell.get(`${p}\u0000${v.doc}`);
            if (!r) return h("td", {}, h("span", { class: "muted", "aria-label": "inget värde" }, "–"));
            return h("td", { class: "num" }, h("a", { href: factHref(r), title: r.quote || "" }, fmtNumber(r.value)));
          }));
      }))));
}

function notesList(notes) {
  const list = (notes || []).filter(Boolean);
  if (!list.length) return null;
  return h("div", { class: "notice notice-info" }, h("strong", {}, "Ändrad definition: "),
    h("ul", {}, list.map((n) => h("li", {}, typeof n === "string" ? n : `${n.years ? n.years + ": " : ""}${n.text}${n.source ? ` (${n.source})` : ""}`))));
}
