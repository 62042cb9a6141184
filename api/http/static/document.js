// Document: a report's sections, tables and footnotes in reading order, so a quote can be
// checked in context. The address names the place to open at (?block=, ?cell=, ?table=&row=,
// ?line=, ?fn=, ?page=) and ?fig= marks the figure in it. For a PDF source the printed page is
// shown beside the text, with the block or cell highlighted by the server.

import { allRows, getJSON, listOf, query } from "./api.js";
import { h, marked, docHref, heading, notice, placeText } from "./dom.js";

export async function documentListView() {
  const docs = await allRows("documents", "documents");
  const node = h("section", { class: "view", "aria-labelledby": "dok-rubrik" },
    heading(1, "Dokument", { id: "dok-rubrik" }),
    h("p", {}, "Rapporterna i kunskapsbasen. Öppna en rapport för att läsa den med tabeller och fotnoter."),
    h("div", { class: "table-wrap", tabindex: "0", role: "region", "aria-labelledby": "dok-tabell" },
      h("table", { class: "data-table" },
        h("caption", { id: "dok-tabell" }, `${docs.length} rapporter, äldst först`),
        h("thead", {}, h("tr", {}, ["Rapport", "Id", "Publicerad", "Avser år", "Slag", "Källa"].map((c) => h("th", { scope: "col" }, c)))),
        h("tbody", {}, docs.map((d) => h("tr", {},
          h("td", {}, h("a", { href: docHref(d.id) }, d.title || d.id)),
          h("td", {}, h("code", {}, d.id)),
          h("td", {}, d.published || "–"),
          h("td", {}, d.reporting_year ? String(d.reporting_year) : "–"),
          h("td", {}, d.kind || "–"),
          h("td", {}, `${d.source_file || ""}${d.format === "pdf" ? ` (PDF, ${d.page_count ?? d.pages ?? "?"} s.)` : ""}`)))))));
  return { title: "Dokument", node };
}

function cellId(tableId, row, col) {
  return `${tableId}:r${row}c${col}`;
}

// Reading order: by line in a text source; by page and then position on the page in a PDF.
function positionOf(item, isTable) {
  if (item.line_start !== null && item.line_start !== undefined) return [0, item.line_start, 0];
  const page = item.page ?? 0;
  let top = item.bbox ? item.bbox[1] : null;
  if (isTable && top === null) {
    const tops = (item.cells || []).filter((c) => c.bbox && c.page === page).map((c) => c.bbox[1]);
    top = tops.length ? Math.min(...tops) : 1e9;
  }
  return [page, top ?? 0, 0];
}

function readingOrder(doc) {
  const items = [
    ...listOf(doc.blocks || []).map((b, i) => ({ type: "block", item: b, pos: positionOf(b, false), i })),
    ...listOf(doc.tables || []).map((t, i) => ({ type: "table", item: t, pos: positionOf(t, true), i: 1e6 + i })),
  ];
  items.sort((a, b) => a.pos[0] - b.pos[0] || a.pos[1] - b.pos[1] || a.i - b.i);
  return items;
}

// Which element the address points at, and which PDF page and highlight go with it.
function resolveTarget(doc, params) {
  const blocks = listOf(doc.blocks || []);
  const tables = listOf(doc.tables || []);
  const want = Object.fromEntries(["block", "cell", "table", "row", "line", "fn", "page"].map((k) => [k, params.get(k)]));
  if (want.block) {
    const b = blocks.find((x) => x.id === want.block);
    if (b) return { elementId: `b-${b.id}`, page: b.page, highlight: { block: b.id } };
  }
  if (want.cell) {
    for (const t of tables) {
      const c = (t.cells || []).find((x) => (x.id || cellId(t.id, x.row, x.col)) === want.cell);
      if (c) return { elementId: `c-${want.cell}`, page: c.page ?? t.page, highlight: { cell: want.cell }, cellIds: [want.cell] };
    }
  }
  if (want.table) {
    const t = tables.find((x) => x.id === want.table);
    if (t) {
      if (want.row !== null && want.row !== "") {
        const row = Number(want.row);
        const ids = (t.cells || []).filter((c) => c.row === row).map((c) => c.id || cellId(t.id, c.row, c.col));
        const first = (t.cells || []).find((c) => c.row === row);
        return { elementId: `r-${t.id}:r${row}`, page: first?.page ?? t.page, highlight: ids[1] ? { cell: ids[1] } : null, cellIds: ids };
      }
      return { elementId: `t-${t.id}`, page: t.page, highlight: null };
    }
  }
  if (want.fn) {
    const f = listOf(doc.footnotes || []).find((x) => String(x.number) === want.fn);
    if (f) return { elementId: `fn-${f.number}`, page: f.page, highlight: null };
  }
  if (want.line) {
    const line = Number(want.line);
    const b = blocks.find((x) => x.line_start <= line && line <= (x.line_end ?? x.line_start));
    if (b) return { elementId: `b-${b.id}`, page: b.page, highlight: { block: b.id } };
    for (const t of tables) {
      const c = (t.cells || []).find((x) => x.line === line && !x.is_header);
      if (c) {
        const id = c.id || cellId(t.id, c.row, c.col);
        return { elementId: `r-${t.id}:r${c.row}`, page: c.page, highlight: null, cellIds: (t.cells || []).filter((x) => x.row === c.row).map((x) => x.id || cellId(t.id, x.row, x.col)) };
      }
    }
    const f = listOf(doc.footnotes || []).find((x) => x.line === line);
    if (f) return { elementId: `fn-${f.number}`, page: f.page, highlight: null };
  }
  if (want.page) return { elementId: null, page: Number(want.page), highlight: null };
  return null;
}

export async function documentView({ args, params }) {
  const id = args[0];
  const doc = await getJSON(`documents/${encodeURIComponent(id)}`);
  const meta = doc.metadata || doc;
  const title = meta.title || doc.id;
  if (params.get("fact") && !params.get("block") && !params.get("cell")) await placeFact(doc.id, params);
  const target = resolveTarget(doc, params);
  const fig = params.get("fig") || "";
  const targetCells = new Set(target?.cellIds || []);
  const isPdf = doc.format === "pdf";

  const toc = [];
  const body = h("div", { class: "doc-body" });
  // a table's caption and source note are printed with the table, not again as blocks
  const tableTexts = new Set(listOf(doc.tables || []).flatMap((t) => [t.caption, t.source_note]).filter(Boolean).map(squash));
  for (const entry of readingOrder(doc)) {
    if (entry.type === "block") {
      const b = entry.item;
      if ((b.kind === "caption" || b.kind === "source_note") && tableTexts.has(squash(b.text)) && target?.elementId !== `b-${b.id}`) continue;
      const isTarget = target?.elementId === `b-${b.id}`;
      const el = renderBlock(doc, b, isTarget ? fig : "");
      if (isTarget) el.classList.add("target");
      if (b.kind === "heading") toc.push(b);
      body.append(el);
    } else {
      body.append(renderTable(doc, entry.item, target, targetCells, fig));
    }
  }
  const footnotes = listOf(doc.footnotes || []);
  if (footnotes.length) {
    body.append(h("section", { class: "footnotes", "aria-labelledby": "fotnoter" },
      h("h2", { id: "fotnoter" }, "Fotnoter"),
      h("ol", {}, footnotes.map((f) => h("li", {
        id: `fn-${f.number}`, value: f.number, tabindex: "-1",
        class: target?.elementId === `fn-${f.number}` ? "target" : null,
      }, f.text, " ", h("span", { class: "place" }, placeText(f)),
        (f.marker_refs || []).slice(0, 3).map((ref) => [" ", h("a", { href: docHref(doc.id, /:t\d+:r\d+c\d+$/.test(ref) ? { cell: ref } : { block: ref }), "aria-label": `Tillbaka till texten med fotnot ${f.number}` }, "↩")]))))));
  }

  const node = h("article", { class: `view view-document${isPdf ? " has-page" : ""}`, "aria-labelledby": "doc-rubrik" },
    h("p", { class: "crumbs" }, h("a", { href: "#/dokument" }, "Dokument"), " › ", doc.id),
    heading(1, title, { id: "doc-rubrik" }),
    metaList(doc, meta),
    h("div", { class: "doc-layout" },
      toc.length ? h("nav", { class: "toc", "aria-label": "Innehåll" }, h("h2", {}, "Innehåll"),
        h("ol", {}, toc.map((b) => h("li", { class: `depth-${Math.min(3, (b.section || []).length)}` },
          h("a", { href: docHref(doc.id, { block: b.id }) }, b.text))))) : null,
      body,
      isPdf ? pagePanel(doc, target) : null));

  const focus = target?.elementId ? node.querySelector(`[id="${CSS.escape(target.elementId)}"]`) : null;
  if (target && target.elementId && !focus) {
    body.prepend(notice("error", "Hittades inte: ", "platsen i länken finns inte i dokumentet."));
  }
  return { title, node, target: focus, announce: focus ? `${title}, vid citatet` : title };
}

// A link that names only a fact: find its block or cell among the document's facts.
async function placeFact(docId, params) {
  try {
    const fact = (await allRows(`facts${query({ doc: docId })}`)).find((f) => f.id === params.get("fact"));
    if (fact?.block) params.set("block", fact.block);
    else if (fact?.cell) params.set("cell", fact.cell);
    if (fact?.printed && !params.get("fig")) params.set("fig", fact.printed);
  } catch {
    // the line or page in the link still opens the document near the figure
  }
}

function squash(text) {
  return String(text).replace(/\s+/g, " ").trim().toLowerCase();
}

function metaList(doc, meta) {
  const rows = [
    ["Utgivare", (meta.publishers || []).join(", ")],
    ["Publicerad", meta.published],
    ["Avser år", meta.years || meta.reporting_year],
    ["Slag", meta.kind],
    ["Diarienummer", (meta.diarienummer || []).join(", ")],
    ["Källfil", `${doc.source_file}${doc.format === "pdf" ? ` (PDF, ${doc.page_count} sidor)` : doc.line_count ? ` (text, ${doc.line_count} rader)` : ""}`],
  ].filter(([, v]) => v);
  return h("dl", { class: "doc-meta" }, rows.map(([k, v]) => h("div", {}, h("dt", {}, k), h("dd", {}, String(v)))));
}

function placeOf(item) {
  if (item.page) return `s. ${item.page_label || item.page}`;
  if (item.line_start) return item.line_end && item.line_end !== item.line_start ? `rad ${item.line_start}–${item.line_end}` : `rad ${item.line_start}`;
  return "";
}

// Block text with its footnote markers put back as links to the footnotes.
function blockText(doc, b, fig) {
  const refs = [...(b.footnote_refs || [])].sort((x, y) => x.offset - y.offset);
  const out = [];
  let last = 0;
  for (const ref of refs) {
    out.push(marked(b.text.slice(last, ref.offset), fig));
    out.push(h("sup", {}, h("a", { href: docHref(doc.id, { fn: ref.number }), "aria-label": `fotnot ${ref.number}` }, String(ref.number))));
    last = ref.offset;
  }
  out.push(marked(b.text.slice(last), fig));
  return out;
}

function renderBlock(doc, b, fig) {
  const place = placeOf(b);
  const attrs = { id: `b-${b.id}`, class: `block block-${b.kind}`, tabindex: "-1", dataset: { line: b.line_start ?? "", page: b.page ?? "" } };
  const gutter = place ? h("span", { class: "place", "aria-hidden": "false" }, place,
    doc.format === "pdf" && b.page ? [" ", h("a", { href: docHref(doc.id, { block: b.id }), class: "page-link" }, "visa sidan")] : null) : null;
  if (b.kind === "heading") {
    const level = Math.min(5, Math.max(2, (b.section || []).length + 1));
    return h("div", attrs, h(`h${level}`, { class: "doc-heading" }, blockText(doc, b, fig)), gutter);
  }
  return h("div", attrs, gutter, h("p", { class: b.kind === "list_item" ? "list-item" : null }, blockText(doc, b, fig)));
}

function renderTable(doc, t, target, targetCells, fig) {
  const cells = t.cells || [];
  const nRows = t.rows ? t.rows.length : 1 + Math.max(-1, ...cells.map((c) => c.row));
  const nCols = t.rows && t.rows[0] ? t.rows[0].length : 1 + Math.max(-1, ...cells.map((c) => c.col));
  const byPos = new Map(cells.map((c) => [`${c.row}:${c.col}`, c]));
  const headerRows = t.header_rows ?? 1;
  const rowEl = (r) => {
    const rowId = `r-${t.id}:r${r}`;
    const tr = h("tr", { id: rowId, tabindex: "-1", class: target?.elementId === rowId ? "target" : null });
    for (let c = 0; c < nCols; c++) {
      const cell = byPos.get(`${r}:${c}`) || { row: r, col: c, text: t.rows ? t.rows[r][c] : "", is_header: r < headerRows };
      const id = cell.id || cellId(t.id, r, c);
      const hit = targetCells.has(id);
      const isHeader = r < headerRows || (c === 0 && cell.is_header);
      const content = hit && fig ? marked(cell.text, fig) : cell.text;
      tr.append(h(isHeader ? "th" : "td", {
        id: `c-${id}`, tabindex: hit ? "-1" : null,
        scope: isHeader ? (r < headerRows ? "col" : "row") : null,
        class: [hit ? "target" : null, !isHeader && /^[\s\d,.%−–-]+$/.test(cell.text) ? "num" : null].filter(Boolean).join(" ") || null,
      }, content));
    }
    return tr;
  };
  const head = [];
  const rows = [];
  for (let r = 0; r < nRows; r++) (r < headerRows ? head : rows).push(rowEl(r));
  const isTarget = target?.elementId === `t-${t.id}`;
  return h("figure", { id: `t-${t.id}`, class: `doc-table${isTarget ? " target" : ""}`, tabindex: "-1" },
    h("div", { class: "table-wrap", tabindex: "0", role: "region", "aria-labelledby": `cap-${t.id}` },
      h("table", { class: "data-table" },
        h("caption", { id: `cap-${t.id}` }, t.caption || `Tabell ${t.number ?? ""}`, " ", h("span", { class: "place" }, placeOf(t))),
        head.length ? h("thead", {}, head) : null,
        h("tbody", {}, rows))),
    t.unit_note || t.source_note ? h("figcaption", {}, [t.unit_note, t.source_note].filter(Boolean).join(". ")) : null);
}

function pagePanel(doc, target) {
  const pages = doc.page_count || 1;
  const page = Math.min(pages, Math.max(1, target?.page || 1));
  const hl = target?.highlight || {};
  const src = `documents/${encodeURIComponent(doc.id)}/pages/${page}.png${query(hl)}`;
  const label = `Sida ${page} av ${pages} i ${doc.source_file}${hl.block || hl.cell ? ", med citatet markerat" : ""}`;
  return h("aside", { class: "page-panel", "aria-label": "Sidan som den är tryckt" },
    h("h2", {}, "Sidan som den är tryckt"),
    h("nav", { class: "pager", "aria-label": "Sidor" },
      page > 1 ? h("a", { href: docHref(doc.id, { page: page - 1 }) }, "‹ Föregående") : h("span", { class: "muted" }, "‹ Föregående"),
      h("span", {}, ` Sida ${page} av ${pages} `),
      page < pages ? h("a", { href: docHref(doc.id, { page: page + 1 }) }, "Nästa ›") : h("span", { class: "muted" }, "Nästa ›")),
    h("img", { src, alt: label, class: "page-image", loading: "lazy", width: "595", height: "842" }),
    h("p", { class: "hint" }, "Den gula rutan visar var siffran lästes. Bilden ritas från PDF-filen, inte från den utlästa texten."));
}
