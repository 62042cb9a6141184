"""Read queries over the knowledge base, shared by the CLI, the HTTP API and the Python API.

Every function takes an open connection and plain filter values and returns plain dicts
in the public JSON shape, so the three faces cannot drift apart.
"""
from __future__ import annotations

import json
import sqlite3
from typing import Any, Iterator, Optional

from nlp.store import BREAKDOWN_COLUMNS, FACT_COLUMN_NAMES, has_table

# A fact's keys in the JSON are the facts table's columns (nlp.store, from nlp.records.Fact), in an
# order that is a public contract older than the record's: these lead, in this order, and every
# other column follows in the table's order (a new Fact field reaches the JSON without being listed
# here); the breakdown's own columns come last (fact_row_to_dict).
_JSON_ORDER_LEAD = ("id", "doc", "source_file", "measure", "measure_label", "period", "breakdown", "value", "unit",
                    "qualifier", "kind", "page", "page_label", "line", "section", "quote", "printed", "scale", "cell", "block")
FACT_FIELDS = (*_JSON_ORDER_LEAD,
               *(c for c in FACT_COLUMN_NAMES if c not in _JSON_ORDER_LEAD and c not in BREAKDOWN_COLUMNS))
FACT_CSV_COLUMNS = (
    "id", "doc", "source_file", "published", "measure", "measure_label", "period", *BREAKDOWN_COLUMNS, "breakdown",
    "value", "printed", "unit", "scale", "qualifier", "kind", "page", "page_label", "line", "section", "cell", "quote",
)
FINDING_FIELDS = ("id", "type", "severity", "measure", "period", "breakdown", "facts", "expected", "found", "explanation", "rank")


def breakdown_filter(values: dict[str, Optional[str]]) -> dict[str, str]:
    """The breakdown filter from the per-key options or parameters (`--kon`, `?kon=`): the keys given, in key order."""
    return {k: values[k] for k in BREAKDOWN_COLUMNS if values.get(k)}


def fact_row_to_dict(row: sqlite3.Row) -> dict[str, Any]:
    have = set(row.keys())  # a knowledge base built before a field was added lacks its column
    d = {k: row[k] if k in have else None for k in FACT_FIELDS if k != "breakdown"}
    d["breakdown"] = json.loads(row["breakdown"] or "{}")
    for k in BREAKDOWN_COLUMNS:
        d[k] = row[k]
    if isinstance(d["value"], float) and d["value"].is_integer():
        d["value"] = int(d["value"])
    return {k: d[k] for k in (*FACT_FIELDS, *BREAKDOWN_COLUMNS)}


def _fact_filter(measure: Optional[str], period: Optional[str], doc: Optional[str], breakdown: Optional[dict[str, str]],
                 kind: Optional[str], total_only: bool) -> tuple[list[str], list[Any]]:
    """The WHERE conditions and their arguments for query_facts' filters."""
    where: list[str] = []
    args: list[Any] = []
    if measure:
        where.append("measure = ?"); args.append(measure)
    if period:
        where.append("period = ?"); args.append(str(period))
    if doc:
        where.append("(doc = ? OR source_file = ?)"); args += [doc, doc]
    if kind:
        where.append("kind = ?"); args.append(kind)
    for key, value in (breakdown or {}).items():
        if key in BREAKDOWN_COLUMNS:
            where.append(f"{key} = ?")
        else:
            where.append("json_extract(breakdown, ?) = ?"); args.append(f"$.{key}")
        args.append(value)
    if total_only:
        where.append("breakdown = '{}'")
    return where, args


def count_matching_facts(conn: sqlite3.Connection, *, measure: Optional[str] = None, period: Optional[str] = None,
                         doc: Optional[str] = None, breakdown: Optional[dict[str, str]] = None, kind: Optional[str] = None,
                         total_only: bool = False) -> int:
    """How many facts query_facts would give without limit: the total a page of them belongs to."""
    if not has_table(conn, "facts"):
        return 0
    where, args = _fact_filter(measure, period, doc, breakdown, kind, total_only)
    return conn.execute("SELECT count(*) FROM facts" + (" WHERE " + " AND ".join(where) if where else ""), args).fetchone()[0]


def _facts_select(measure, period, doc, breakdown, kind, total_only) -> tuple[str, list[Any]]:
    where, args = _fact_filter(measure, period, doc, breakdown, kind, total_only)
    sql = "SELECT * FROM facts" + (" WHERE " + " AND ".join(where) if where else "")
    sql += " ORDER BY measure, period, published, doc, coalesce(line, 0), coalesce(page, 0), id"
    return sql, args


def query_facts(conn: sqlite3.Connection, *, measure: Optional[str] = None, period: Optional[str] = None,
                doc: Optional[str] = None, breakdown: Optional[dict[str, str]] = None, kind: Optional[str] = None,
                total_only: bool = False, limit: Optional[int] = None, offset: int = 0) -> list[dict[str, Any]]:
    """Facts matching every given filter, ordered by measure, period, publication and place.

    `breakdown` filters on breakdown keys (kon=kvinnor); `total_only` keeps facts with no breakdown.
    """
    if not has_table(conn, "facts"):
        return []
    sql, args = _facts_select(measure, period, doc, breakdown, kind, total_only)
    if limit is not None:
        sql += " LIMIT ? OFFSET ?"; args += [int(limit), int(offset)]
    return [fact_row_to_dict(r) for r in conn.execute(sql, args)]


def iter_facts(conn: sqlite3.Connection, *, measure: Optional[str] = None, period: Optional[str] = None,
               doc: Optional[str] = None, breakdown: Optional[dict[str, str]] = None, kind: Optional[str] = None,
               total_only: bool = False, batch: int = 500) -> Iterator[dict[str, Any]]:
    """query_facts' rows one at a time, read a batch at a time: a download of every fact streams
    without holding them all."""
    if not has_table(conn, "facts"):
        return
    sql, args = _facts_select(measure, period, doc, breakdown, kind, total_only)
    cursor = conn.execute(sql, args)
    while True:
        rows = cursor.fetchmany(batch)
        if not rows:
            return
        for r in rows:
            yield fact_row_to_dict(r)


def fact_breakdown_keys(conn: sqlite3.Connection, *, measure: Optional[str] = None, period: Optional[str] = None,
                        doc: Optional[str] = None, breakdown: Optional[dict[str, str]] = None, kind: Optional[str] = None,
                        total_only: bool = False) -> list[str]:
    """Every breakdown key among the matching facts (kon, grupp, post ...): the columns a download needs."""
    if not has_table(conn, "facts"):
        return []
    where, args = _fact_filter(measure, period, doc, breakdown, kind, total_only)
    sql = "SELECT DISTINCT j.key FROM facts, json_each(facts.breakdown) AS j" + (" WHERE " + " AND ".join(where) if where else "")
    return sorted(r[0] for r in conn.execute(sql, args))


def count_facts(conn: sqlite3.Connection) -> int:
    if not has_table(conn, "facts"):
        return 0
    return conn.execute("SELECT count(*) FROM facts").fetchone()[0]


def query_measures(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    if not has_table(conn, "measures"):
        return []
    counts = fact_counts_by_measure(conn)
    out = []
    for r in conn.execute("SELECT * FROM measures ORDER BY key"):
        out.append({
            "key": r["key"], "label": r["label"], "unit": r["unit"], "definition": r["definition"],
            "denominator": r["denominator"], "counts_of": r["counts_of"], "breakdowns": json.loads(r["breakdowns"] or "[]"),
            "synonyms": json.loads(r["synonyms"] or "[]"), "notes": json.loads(r["notes"] or "[]"),
            "facts": counts.get(r["key"], 0),
        })
    if counts.get("unclassified"):
        out.append({"key": "unclassified", "label": "Oklassificerade siffror", "unit": "", "definition":
                    "Siffror som inte matchar någon mätning i katalogen; behålls med sin fras så att katalogen kan växa.",
                    "denominator": "", "counts_of": "", "breakdowns": [], "synonyms": [], "notes": [],
                    "facts": counts["unclassified"]})
    return out


def query_unclassified(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    """Figures no catalogue measure claims, grouped by their candidate key: what the catalogue
    could learn next, with how often and in how many reports each occurs."""
    if not has_table(conn, "facts"):
        return []
    rows = conn.execute(
        "SELECT measure_candidate AS candidate, unit, count(*) AS facts, count(DISTINCT doc) AS documents,"
        " group_concat(DISTINCT doc) AS docs, min(phrase) AS phrase, min(quote) AS example"
        " FROM facts WHERE measure = 'unclassified' GROUP BY measure_candidate, unit"
        " ORDER BY facts DESC, candidate").fetchall()
    return [{"candidate": r["candidate"] or "", "unit": r["unit"], "facts": r["facts"], "documents": r["documents"],
             "docs": sorted((r["docs"] or "").split(",")), "phrase": r["phrase"] or "", "example": r["example"] or ""}
            for r in rows]


def finding_row_to_dict(row: sqlite3.Row) -> dict[str, Any]:
    d = {k: row[k] for k in FINDING_FIELDS}
    d["breakdown"] = json.loads(row["breakdown"] or "{}")
    d["facts"] = json.loads(row["facts"] or "[]")
    return d


def _finding_filter(type, severity, measure, period) -> tuple[str, list[Any]]:
    where, args = [], []
    for col, value in (("type", type), ("severity", severity), ("measure", measure), ("period", period)):
        if value:
            where.append(f"{col} = ?"); args.append(str(value))
    return (" WHERE " + " AND ".join(where) if where else ""), args


def count_findings(conn: sqlite3.Connection, *, type: Optional[str] = None, severity: Optional[str] = None,
                   measure: Optional[str] = None, period: Optional[str] = None) -> int:
    """How many findings query_findings would give without limit."""
    if not has_table(conn, "findings"):
        return 0
    where, args = _finding_filter(type, severity, measure, period)
    return conn.execute("SELECT count(*) FROM findings" + where, args).fetchone()[0]


def query_findings(conn: sqlite3.Connection, *, type: Optional[str] = None, severity: Optional[str] = None,
                   measure: Optional[str] = None, period: Optional[str] = None, limit: Optional[int] = None,
                   offset: int = 0) -> list[dict[str, Any]]:
    if not has_table(conn, "findings"):
        return []
    where, args = _finding_filter(type, severity, measure, period)
    sql = "SELECT * FROM findings" + where + " ORDER BY rank, id"
    if limit is not None:
        sql += " LIMIT ? OFFSET ?"; args += [int(limit), int(offset)]
    return [finding_row_to_dict(r) for r in conn.execute(sql, args)]


def findings_for_facts(conn: sqlite3.Connection, fact_ids: set[str]) -> list[dict[str, Any]]:
    """Findings that involve any of the given facts (to mark conflicts on answers)."""
    out = []
    for f in query_findings(conn):
        if any(x.get("fact") in fact_ids for x in f["facts"]):
            out.append(f)
    return out


# -- lookups the faces need: one small named query each, so no SQL sits outside this package --


def fact_counts_by_measure(conn: sqlite3.Connection) -> dict[str, int]:
    """How many facts each measure has (a measure with none is absent)."""
    return dict(conn.execute("SELECT measure, count(*) FROM facts GROUP BY measure").fetchall())


def iter_measure_breakdowns(conn: sqlite3.Connection) -> Iterator[tuple[str, dict[str, Any]]]:
    """Each distinct (measure, breakdown) pair among the facts, the breakdown as a dict."""
    for measure, bd in conn.execute("SELECT DISTINCT measure, breakdown FROM facts"):
        yield measure, json.loads(bd or "{}")


def breakdown_keys_in_use(conn: sqlite3.Connection) -> set[str]:
    """Every breakdown key that some fact carries (kon, grupp, post ...)."""
    keys: set[str] = set()
    for (bd,) in conn.execute("SELECT DISTINCT breakdown FROM facts"):
        keys.update(json.loads(bd or "{}"))
    return keys


def measure_periods(conn: sqlite3.Connection, measure: str) -> list[Optional[str]]:
    """The distinct periods the facts of one measure have (None included, unordered)."""
    return [r[0] for r in conn.execute("SELECT DISTINCT period FROM facts WHERE measure = ?", (measure,))]


def has_measure(conn: sqlite3.Connection, key: str) -> bool:
    """Whether the catalogue in the KB has this measure key."""
    return conn.execute("SELECT 1 FROM measures WHERE key = ?", (key,)).fetchone() is not None


def finding_types_in_kb(conn: sqlite3.Connection) -> set[str]:
    """The finding types the KB holds."""
    return {r[0] for r in conn.execute("SELECT DISTINCT type FROM findings")}


def kb_built_at(conn: sqlite3.Connection) -> Optional[str]:
    """When the knowledge base was built ("2021-03-01 12:00:00", UTC), or None."""
    if not has_table(conn, "kb_meta"):
        return None
    row = conn.execute("SELECT value FROM kb_meta WHERE key = 'built_at'").fetchone()
    return row[0] if row else None


REPORT_TEXT_QUERIES = ("SELECT text FROM blocks", "SELECT text FROM cells", "SELECT caption FROM tables",
                       "SELECT text FROM footnotes")


def iter_report_texts(conn: sqlite3.Connection) -> Iterator[str]:
    """Every non-empty text the reports hold: blocks, table cells, captions and footnotes (a table
    the KB lacks is skipped)."""
    for sql in REPORT_TEXT_QUERIES:
        try:
            for (text,) in conn.execute(sql):
                if text:
                    yield text
        except sqlite3.OperationalError:  # a KB without that table
            continue


TEXT_BLOCK_KINDS = ("paragraph", "list_item")


def iter_text_passages(conn: sqlite3.Connection) -> Iterator[dict[str, Any]]:
    """The reports' running text, paragraph by paragraph, footnotes included: id, doc, kind
    (paragraph, list_item, footnote), section (its headings, outermost first; a footnote has the
    section of the block its marker sits in), text, page, page_label, line, and the document's
    source_file and published."""
    if not (has_table(conn, "blocks") and has_table(conn, "documents")):
        return
    docs = {r["id"]: r for r in conn.execute("SELECT id, source_file, published FROM documents")}
    sections: dict[str, list[str]] = {}
    marks = ",".join("?" * len(TEXT_BLOCK_KINDS))
    for r in conn.execute(f"SELECT id, doc, kind, section, text, page, page_label, line_start FROM blocks "
                          f"WHERE kind IN ({marks}) ORDER BY doc, ord", TEXT_BLOCK_KINDS):
        section = json.loads(r["section"] or "[]")
        sections[r["id"]] = section
        d = docs.get(r["doc"])
        yield {"id": r["id"], "doc": r["doc"], "kind": r["kind"], "section": section, "text": r["text"] or "",
               "page": r["page"], "page_label": r["page_label"], "line": r["line_start"],
               "source_file": d["source_file"] if d else None, "published": d["published"] if d else None}
    if not has_table(conn, "footnotes"):
        return
    for r in conn.execute("SELECT id, doc, text, page, page_label, line, marker_refs FROM footnotes ORDER BY doc, number"):
        refs = json.loads(r["marker_refs"] or "[]")
        section = next((sections[b] for b in refs if b in sections), [])
        d = docs.get(r["doc"])
        yield {"id": r["id"], "doc": r["doc"], "kind": "footnote", "section": section, "text": r["text"] or "",
               "page": r["page"], "page_label": r["page_label"], "line": r["line"],
               "source_file": d["source_file"] if d else None, "published": d["published"] if d else None}


def document_source_row(conn: sqlite3.Connection, doc_id: str) -> Optional[sqlite3.Row]:
    """Where a document was read from: id, source_file, format, path and page_count, or None."""
    return conn.execute("SELECT id, source_file, format, path, page_count FROM documents WHERE id = ?", (doc_id,)).fetchone()


def block_place(conn: sqlite3.Connection, doc_id: str, block: str) -> Optional[sqlite3.Row]:
    """A block's page and bbox (JSON), or None when the document has no such block."""
    return conn.execute("SELECT page, bbox FROM blocks WHERE id = ? AND doc = ?", (block, doc_id)).fetchone()


def cell_place(conn: sqlite3.Connection, doc_id: str, table_id: str, row: int, col: int) -> Optional[sqlite3.Row]:
    """A table cell's page and bbox (JSON), or None when the document has no such cell."""
    return conn.execute("SELECT page, bbox FROM cells WHERE table_id = ? AND row = ? AND col = ? AND doc = ?",
                        (table_id, row, col, doc_id)).fetchone()
