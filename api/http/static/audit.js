// Audit: every finding, grouped by type and then severity, with the quotes of the facts
// involved side by side so a reader can judge the disagreement without opening the reports.
// Filters live in the address (?typ=, ?allvar=, ?matt=, ?text=) so a filtered list can be shared;
// ?id= opens and focuses one finding (the answer cards' conflict badges link there).

import { allFindings, documentsById, measuresByKey } from "./api.js";
import {
  h, marked, fmtNumber, breakdownText, placeText, factHref, hashFor, heading, notice,
  SEVERITIES, SEVERITY_ORDER, TYPE_ORDER, typeLabel,
} from "./dom.js";

export async function auditView({ params, navigate }) {
  const [findings, docs, measures] = await Promise.all([
    allFindings(), documentsById().catch(() => new Map()), measuresByKey().catch(() => new Map()),
  ]);
  const filters = {
    typ: params.get("typ") || "",
    allvar: params.get("allvar") || "",
    matt: params.get("matt") || "",
    text: params.get("text") || "",
  };
  const focusId = params.get("id") || "";
  const words = filters.text.toLowerCase().split(/\s+/).filter(Boolean);
  const shown = findings.filter((f) =>
    (!filters.typ || f.type === filters.typ) &&
    (!filters.allvar || f.severity === filters.allvar) &&
    (!filters.matt || f.measure === filters.matt) &&
    (!words.length || words.every((w) => searchText(f).includes(w))) ||
    f.id === focusId);

  const node = h("section", { class: "view view-audit", "aria-labelledby": "avv-rubrik" },
    heading(1, "Avvikelser", { id: "avv-rubrik" }),
    h("p", {}, "Ställen där rapporternas siffror inte går ihop, med de citerade meningarna bredvid varandra. Verkliga fel står först."),
    summaryTable(findings),
    filterForm(findings, measures, filters, navigate),
    h("p", { class: "hint", role: "status" }, `Visar ${shown.length} av ${findings.length} avvikelser.`));

  let focus = null;
  const types = [...new Set(shown.map((f) => f.type))].sort((a, b) => order(TYPE_ORDER, a) - order(TYPE_ORDER, b));
  for (const type of types) {
    const ofType = shown.filter((f) => f.type === type);
    const typeId = `typ-${type}`;
    const section = h("section", { class: "finding-type", "aria-labelledby": typeId },
      h("h2", { id: typeId }, `${typeLabel(type)} `, h("span", { class: "count" }, `(${ofType.length})`)));
    const severities = [...new Set(ofType.map((f) => f.severity))].sort((a, b) => order(SEVERITY_ORDER, a) - order(SEVERITY_ORDER, b));
    for (const severity of severities) {
      const list = ofType.filter((f) => f.severity === severity);
      section.append(h("h3", { class: `severity-heading sev-${severity}` }, `${SEVERITIES[severity] || severity} (${list.length})`),
        h("ol", { class: "findings", role: "list" }, list.map((f) => {
          const card = findingCard(f, docs, measures, f.id === focusId);
          if (f.id === focusId) focus = card;
          return h("li", {}, card);
        })));
    }
    node.append(section);
  }
  if (!shown.length) node.append(notice("info", "Inga avvikelser. ", findings.length ? "Inget matchar filtren." : "Kontrollerna hittade inget."));
  if (focusId && !focus) node.insertBefore(notice("error", "Hittades inte: ", `avvikelsen ${focusId} finns inte.`), node.children[2]);
  return { title: "Avvikelser", node, target: focus, announce: `${shown.length} avvikelser` };
}

function order(list, value) {
  const i = list.indexOf(value);
  return i < 0 ? list.length : i;
}

function searchText(f) {
  return [f.measure, f.period, f.explanation, f.expected, f.found, ...(f.facts || []).map((x) => `${x.doc} ${x.quote}`)].join(" ").toLowerCase();
}

function summaryTable(findings) {
  const severities = SEVERITY_ORDER.filter((s) => findings.some((f) => f.severity === s));
  const types = [...new Set(findings.map((f) => f.type))].sort((a, b) => order(TYPE_ORDER, a) - order(TYPE_ORDER, b));
  if (!types.length) return null;
  const n = (t, s) => findings.filter((f) => f.type === t && (!s || f.severity === s)).length;
  return h("div", { class: "table-wrap", tabindex: "0", role: "region", "aria-labelledby": "avv-sammanfattning" },
    h("table", { class: "data-table summary" },
      h("caption", { id: "avv-sammanfattning" }, "Antal avvikelser per typ och allvarlighet"),
      h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Typ"), severities.map((s) => h("th", { scope: "col", class: "num" }, SEVERITIES[s] || s)),
        h("th", { scope: "col", class: "num" }, "Summa"))),
      h("tbody", {}, types.map((t) => h("tr", {},
        h("th", { scope: "row" }, h("a", { href: hashFor("/avvikelser", { typ: t }) }, typeLabel(t))),
        severities.map((s) => h("td", { class: "num" }, n(t, s) ? h("a", { href: hashFor("/avvikelser", { typ: t, allvar: s }) }, String(n(t, s))) : "0")),
        h("td", { class: "num" }, String(n(t))))))));
}

function filterForm(findings, measures, filters, navigate) {
  const go = (focusId) => {
    const next = {
      typ: form.elements.typ.value, allvar: form.elements.allvar.value, matt: form.elements.matt.value, text: form.elements.text.value.trim(),
    };
    navigate(hashFor("/avvikelser", next), { keepFocus: focusId });
  };
  const select = (name, id, label, options) => {
    const el = h("select", { id, name }, h("option", { value: "" }, "Alla"),
      options.map(([value, text]) => h("option", { value, selected: value === filters[name] }, text)));
    el.addEventListener("change", () => go(id));
    return h("div", { class: "field" }, h("label", { for: id }, label), el);
  };
  const types = [...new Set(findings.map((f) => f.type))].sort((a, b) => order(TYPE_ORDER, a) - order(TYPE_ORDER, b));
  const severities = SEVERITY_ORDER.filter((s) => findings.some((f) => f.severity === s));
  const measureKeys = [...new Set(findings.map((f) => f.measure).filter(Boolean))]
    .map((k) => [k, measures.get(k)?.label || k]).sort((a, b) => a[1].localeCompare(b[1], "sv"));
  const text = h("input", { id: "filter-text", name: "text", type: "search", value: filters.text, autocomplete: "off" });
  const form = h("form", { class: "filters", "aria-label": "Filtrera avvikelser" },
    select("typ", "filter-typ", "Typ", types.map((t) => [t, typeLabel(t)])),
    select("allvar", "filter-allvar", "Allvarlighet", severities.map((s) => [s, SEVERITIES[s] || s])),
    select("matt", "filter-matt", "Mått", measureKeys),
    h("div", { class: "field" }, h("label", { for: "filter-text" }, "Fritext"), text),
    h("div", { class: "field field-buttons" }, h("button", { type: "submit" }, "Filtrera"),
      h("a", { href: "#/avvikelser", class: "button secondary" }, "Rensa")));
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    go("filter-text");
  });
  return form;
}

function findingCard(f, docs, measures, isTarget) {
  const measure = measures.get(f.measure);
  const facts = f.facts || [];
  return h("article", { id: `f-${f.id}`, class: `card finding sev-${f.severity}${isTarget ? " target" : ""}`, tabindex: "-1",
    "aria-labelledby": `f-${f.id}-rubrik` },
    h("header", { class: "finding-head" },
      h("span", { class: `badge badge-${f.severity}` }, SEVERITIES[f.severity] || f.severity),
      h("h4", { id: `f-${f.id}-rubrik` }, [measure?.label || f.measure, f.period, breakdownText(f.breakdown)].filter(Boolean).join(" · ")),
      h("a", { class: "permalink", href: hashFor("/avvikelser", { id: f.id }), "aria-label": `Länk till avvikelsen ${f.id}` }, "länk")),
    f.explanation ? h("p", { class: "explanation" }, f.explanation) : null,
    (f.expected || f.found) ? h("dl", { class: "expected-found" },
      h("div", {}, h("dt", {}, "Förväntat"), h("dd", {}, f.expected || "–")),
      h("div", {}, h("dt", {}, "Funnet"), h("dd", {}, f.found || "–"))) : null,
    facts.length ? h("div", { class: "quotes", role: "list", "aria-label": "Citat ur rapporterna" }, facts.map((x) => quoteCard(x, docs))) : null);
}

function quoteCard(x, docs) {
  const doc = docs.get(x.doc);
  return h("figure", { class: "quote-card", role: "listitem" },
    h("p", { class: "quote-value" }, h("data", { value: x.value }, x.printed || fmtNumber(x.value)),
      x.period ? h("span", { class: "muted" }, ` (${x.period})`) : null),
    x.quote ? h("blockquote", { class: "quote" }, h("p", {}, marked(x.quote, x.printed))) : null,
    h("figcaption", {},
      h("a", { href: factHref(x) }, `${x.doc}${doc?.published || x.published ? `, publ. ${doc?.published || x.published}` : ""}${placeText(x) ? ", " + placeText(x) : ""}`)));
}
