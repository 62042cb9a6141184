// Search: a question in Swedish -> one answer card per report's value, each with its quote and
// source, a badge where the reports disagree, "Inte rapporterat" when none of them says, and
// the best passages below.

import { getJSON, listOf, documentsById, query } from "./api.js";
import {
  h, marked, fmtValue, QUALIFIERS, breakdownText, placeText, factHref, docHref, hashFor, heading, notice,
  typeLabel, SEVERITIES, FACT_KINDS,
} from "./dom.js";

const EXAMPLES = [
  "andel omställningsmöte 2019",
  "gemensamma kartläggningar kvinnor 2018",
  "Hur många omställningsmöten genomfördes 2022?",
];

export async function searchView({ params, navigate }) {
  const q = (params.get("q") || "").trim();
  const input = h("input", {
    id: "q", name: "q", type: "search", value: q, autocomplete: "off", spellcheck: "false",
    "aria-describedby": "q-hjalp", placeholder: "t.ex. andel omställningsmöte 2019",
  });
  const form = h("form", { class: "search-form", role: "search", "aria-label": "Sök i rapporterna" },
    h("label", { for: "q" }, "Fråga eller sökord"),
    h("div", { class: "search-row" }, input, h("button", { type: "submit" }, "Sök")),
    h("p", { id: "q-hjalp", class: "hint" }, "Skriv mått, år och gärna kön eller förmån. Exempel: ",
      EXAMPLES.map((e, i) => [i ? ", " : "", h("a", { href: hashFor("/sok", { q: e }) }, e)])));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const text = input.value.trim();
    if (text) navigate(hashFor("/sok", { q: text }));
  });

  const node = h("section", { class: "view view-search", "aria-labelledby": "sok-rubrik" },
    heading(1, "Sök i rapporterna", { id: "sok-rubrik" }), form);
  if (!q) {
    return { title: "Sök", node, focus: input };
  }

  // the best passages the server can find: hybrid (words and meaning) where it has the model, else lexical
  const mode = await searchMode();
  const [answer, docs] = await Promise.all([getJSON(`ask${query({ q, mode })}`), documentsById().catch(() => new Map())]);
  const results = renderAnswer(answer, docs);
  node.append(results.node);
  return { title: `Sök: ${q}`, node, focus: results.focus, announce: results.announce };
}

async function searchMode() {
  try {
    const health = await getJSON("health");
    return health && health.search && health.search.dense ? "hybrid" : "lexical";
  } catch {
    return "lexical";
  }
}

function renderAnswer(answer, docs) {
  const answers = listOf(answer, "answers");
  const conflicts = listOf(answer.conflicts || [], "findings");
  const passages = listOf(answer.passages || [], "passages");
  const interp = answer.interpretation || {};
  const definition = answer.definition || null;  // "Vad är en gemensam kartläggning?": words, not figures
  const notReported = Boolean(answer.not_reported) || (answers.length === 0 && !definition);
  const title = heading(2, definition ? "Definition" : notReported ? "Inget svar i rapporterna" : `Svar (${answers.length})`,
    { id: "svar-rubrik" });

  const node = h("div", { class: "results" },
    h("section", { "aria-labelledby": "svar-rubrik" },
      title,
      renderInterpretation(interp, answers),
      answer.message && !notReported ? h("p", { class: "answer-summary" }, answer.message) : null,
      notReported ? renderNotReported(interp, answer, passages.length > 0)
        : groupAnswers(answers).map((group, i) => h("section", { class: "answer-group", "aria-labelledby": `grupp-${i}` },
          h("h3", { id: `grupp-${i}` }, groupTitle(group)),
          h("ul", { class: "cards answers", role: "list" },
            group.answers.map((a) => h("li", {}, answerCard(a, conflictsFor(a, conflicts), docs)))))),
      conflicts.length ? renderConflicts(conflicts) : null),
    passages.length ? renderPassages(passages, docs, answer.query || "") : null);
  const announce = definition ? "Definition" : notReported ? "Inte rapporterat" : `${answers.length} svar`;
  return { node, focus: title, announce };
}

// Answers side by side per breakdown, so every report's value for the same group sits together:
// totals first, then the simplest breakdowns, and among equals the groups where reports disagree.
function groupAnswers(answers) {
  const groups = new Map();
  for (const a of answers) {
    const key = JSON.stringify(Object.entries(a.breakdown || {}).sort());
    if (!groups.has(key)) groups.set(key, { breakdown: a.breakdown || {}, answers: [], order: groups.size });
    groups.get(key).answers.push(a);
  }
  const disagree = (g) => new Set(g.answers.map((a) => `${a.period}|${a.value}`)).size > new Set(g.answers.map((a) => a.period)).size;
  return [...groups.values()].sort((x, y) =>
    Object.keys(x.breakdown).length - Object.keys(y.breakdown).length ||
    Number(disagree(y)) - Number(disagree(x)) || x.order - y.order);
}

function groupTitle(group) {
  const periods = [...new Set(group.answers.map((a) => a.period).filter(Boolean))];
  const docs = new Set(group.answers.map((a) => a.doc));
  return `${breakdownText(group.breakdown)}${periods.length === 1 ? `, ${periods[0]}` : ""}: ` +
    `${group.answers.length} ${group.answers.length === 1 ? "värde" : "värden"} ur ${docs.size} ${docs.size === 1 ? "rapport" : "rapporter"}`;
}

function renderInterpretation(interp, answers) {
  const measure = interp.measure_label || interp.label || answers[0]?.measure_label || interp.measure;
  const parts = [];
  if (measure) {
    parts.push(h("div", {}, h("dt", {}, "Mått"), h("dd", {},
      interp.measure ? h("a", { href: `#/serie/${encodeURIComponent(interp.measure)}` }, measure) : measure)));
  }
  if (interp.period) parts.push(h("div", {}, h("dt", {}, "Period"), h("dd", {}, String(interp.period))));
  const bd = interp.breakdown && Object.keys(interp.breakdown).length ? breakdownText(interp.breakdown) : null;
  if (bd) parts.push(h("div", {}, h("dt", {}, "Uppdelning"), h("dd", {}, bd)));
  const others = (interp.candidates || []).filter((c) => c.key && c.key !== interp.measure).slice(0, 3);
  const alternatives = others.length ? h("p", { class: "hint" }, "Andra mått som kan passa: ",
    others.map((c, i) => [i ? ", " : "", h("a", { href: `#/serie/${encodeURIComponent(c.key)}` }, c.label || c.key)])) : null;
  if (!parts.length) return [h("p", { class: "interpretation" }, "Frågan kunde inte knytas till ett mått i katalogen."), alternatives];
  return [h("dl", { class: "interpretation", "aria-label": "Så tolkades frågan" }, parts), alternatives];
}

function renderNotReported(interp, answer, hasPassages) {
  const what = [interp.measure_label || interp.measure, interp.period, interp.breakdown && Object.keys(interp.breakdown).length
    ? breakdownText(interp.breakdown) : null].filter(Boolean).join(", ");
  return h("div", { class: "card not-reported", role: "note" },
    h("p", { class: "value" }, "Inte rapporterat"),
    h("p", {}, answer.message ? answer.message
      : what ? `Ingen av rapporterna anger en siffra för ${what}.` : "Ingen av rapporterna anger en siffra för det du frågade om."),
    h("p", { class: "hint" }, "Vi visar hellre det än en närliggande siffra.",
      hasPassages ? " Textavsnitten nedan är det som ligger närmast frågan." : ""),
    interp.measure ? h("p", {}, h("a", { href: `#/serie/${encodeURIComponent(interp.measure)}` }, "Se vilka år som finns för måttet")) : null);
}

// The findings that involve this answer: by the ids the answer lists, by fact id, or by
// document, period and value when neither is given.
function conflictsFor(a, conflicts) {
  if (Array.isArray(a.findings)) return conflicts.filter((f) => a.findings.includes(f.id));
  const id = a.fact_id || a.fact || a.id || null;
  return conflicts.filter((f) => listOf(f.facts || []).some((x) =>
    (id && x.fact === id) ||
    (!x.fact && x.doc === a.doc && Number(x.value) === Number(a.value) && (!x.period || x.period === a.period))));
}

function answerCard(a, conflicts, docs) {
  const doc = docs.get(a.doc);
  const qualifier = QUALIFIERS[a.qualifier] || "";
  const badge = conflicts.length ? conflictBadge(conflicts)
    : a.conflict ? h("a", { class: "badge badge-rounding", href: hashFor("/avvikelser", { matt: a.measure }),
      title: "Rapporterna anger olika värden för samma år, utan en avvikelse som förklarar det." }, "Olika värden") : null;
  return h("article", { class: `card answer${conflicts.length || a.conflict ? " has-conflict" : ""}`, dataset: { doc: a.doc } },
    h("header", { class: "answer-head" },
      h("p", { class: "value" }, qualifier ? h("span", { class: "qualifier" }, qualifier + " ") : null,
        h("data", { value: a.value }, fmtValue(a.value, a.unit))),
      badge),
    h("p", { class: "answer-meta" },
      [a.measure_label || a.measure, a.period ? `år ${a.period}` : null, breakdownText(a.breakdown)].filter(Boolean).join(" · ")),
    a.quote ? h("blockquote", { class: "quote" }, h("p", {}, marked(a.quote, a.printed))) : null,
    h("p", { class: "source" }, "Källa: ",
      h("a", { href: factHref(a), class: "source-link" }, sourceLabel(a, doc)),
      a.kind ? h("span", { class: "kind" }, ` (${FACT_KINDS[a.kind] || a.kind})`) : null),
    a.measure ? h("p", { class: "series-link" }, h("a", { href: seriesHref(a.measure, a.breakdown) }, "Hela serien för ", breakdownText(a.breakdown).toLowerCase())) : null);
}

// The series view at exactly this breakdown ("totalt" when the answer is a total).
export function seriesHref(measure, breakdown) {
  const bd = Object.keys(breakdown || {}).length ? breakdown : { kon: "totalt" };
  return hashFor(`/serie/${encodeURIComponent(measure)}`, bd);
}

export function sourceLabel(fact, doc) {
  const name = doc ? `${doc.title ? shortTitle(doc.title) + " – " : ""}${fact.doc}` : fact.doc || fact.source_file;
  const published = doc?.published ? `, publ. ${doc.published}` : "";
  const place = placeText(fact);
  return `${name}${published}${place ? ", " + place : ""}`;
}

function shortTitle(title) {
  return title.length > 60 ? title.slice(0, 57).replace(/\s+\S*$/, "") + "…" : title;
}

function conflictBadge(conflicts) {
  const worst = conflicts.find((f) => f.severity === "error") || conflicts[0];
  const label = `${SEVERITIES[worst.severity] || worst.severity}: ${typeLabel(worst.type)}`;
  return h("a", {
    class: `badge badge-${worst.severity}`, href: hashFor("/avvikelser", { id: worst.id }),
    title: "Rapporterna är inte överens om den här siffran. Öppna avvikelsen.",
  }, "Avvikelse", h("span", { class: "visually-hidden" }, ` – ${label}`), conflicts.length > 1 ? ` (${conflicts.length})` : "");
}

function renderConflicts(conflicts) {
  return h("section", { class: "conflicts", "aria-labelledby": "konflikt-rubrik" },
    h("h3", { id: "konflikt-rubrik" }, "Avvikelser som rör svaret"),
    h("ul", {}, conflicts.map((f) => h("li", {},
      h("a", { href: hashFor("/avvikelser", { id: f.id }) }, `${SEVERITIES[f.severity] || f.severity}: ${typeLabel(f.type)}`),
      f.period ? ` (${f.period})` : "", f.explanation ? h("span", { class: "muted" }, ` – ${firstSentence(f.explanation)}`) : null))));
}

function firstSentence(text) {
  const m = text.match(/^.{20,200}?[.!?](\s|$)/);
  return m ? m[0].trim() : text.slice(0, 200);
}

function renderPassages(passages, docs, q) {
  const words = q.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= 4 && !/^\d+$/.test(w))
    .map((w) => w.slice(0, Math.max(4, w.length - 2)));
  return h("section", { class: "passages", "aria-labelledby": "avsnitt-rubrik" },
    h("h2", { id: "avsnitt-rubrik" }, "Textavsnitt som matchar"),
    h("ol", { class: "passage-list" }, passages.slice(0, 10).map((p) => {
      const doc = docs.get(p.doc);
      const text = p.text || p.snippet || "";
      const section = Array.isArray(p.section) ? p.section.join(" › ") : p.section;
      return h("li", { class: "passage" },
        h("p", { class: "passage-source" },
          h("a", { href: passageHref(p) },
            sourceLabel(p, doc)),
          section ? h("span", { class: "muted" }, ` · ${section}`) : null),
        h("p", { class: "passage-text" }, marked(text.length > 500 ? text.slice(0, 497) + "…" : text, words, { prefixes: true })));
    })));
}

// A passage opens the document at its first block, its table row, its table or its footnote.
function passageHref(p) {
  const fn = /:fn(\d+)$/.exec(p.id || "");
  if (p.kind === "footnote" && fn) return docHref(p.doc, { fn: fn[1] });
  if (p.table && p.row !== null && p.row !== undefined) return docHref(p.doc, { table: p.table, row: p.row, page: p.page });
  if (p.table) return docHref(p.doc, { table: p.table, page: p.page });
  const block = (p.blocks && p.blocks[0]) || p.block;
  if (block) return docHref(p.doc, { block, page: p.page });
  return docHref(p.doc, { line: p.line ?? p.line_start, page: p.page });
}
