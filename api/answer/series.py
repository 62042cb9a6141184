"""One measure's series: every period, every vintage (report), and JSON-stat 2.0 for it.

A report often states one figure several times (summary, body, table); a series keeps one
row per period, breakdown and report, preferring the table, then the body, then the summary
(as api.store.dataset does), and says how many mentions there were and whether they agreed. Two
reports giving the same year stay two rows: that is the vintage dimension, and where they
differ is where the audit looks.

JSON-stat 2.0 is the format SCB's PxWeb API serves ("class": "dataset", `id`/`size`, one
`dimension` object per id with `category.index` and `category.label`, `role.time` and
`role.metric`, a row-major `value` array with null for an empty cell, `status` for flags),
with one dimension per breakdown variable, as PxWeb has one per variable.
"""
from __future__ import annotations

import sqlite3
from typing import Any, Mapping, Optional

from nlp.store import BREAKDOWN_COLUMNS

from ..store.queries import query_facts
from ..store.tidy import PERIOD_COLUMNS, extra_breakdown_keys, with_tidy_columns
from .ask import KIND_ORDER
from .interpret import period_in, period_sort_key

SERIES_COLUMNS = (
    "measure", "measure_label", "unit", "period", *BREAKDOWN_COLUMNS, "breakdown", "value", "qualifier", "printed",
    "doc", "source_file", "published", "reporting_year", "kind", "page", "page_label", "line", "quote", "fact_id",
    "mentions", "mentions_agree", "block", "cell", *PERIOD_COLUMNS,
)
STATUS_OF_QUALIFIER = {"approximate": "a", "over": "o", "under": "u"}
STATUS_LABELS = {"a": "cirka (approximate)", "o": "över (a lower bound)", "u": "under (an upper bound)"}
TOTAL = "totalt"
VARIABLE_LABELS = {"kon": "kön", "forman": "förmån", "alder": "ålder", "myndighet": "myndighet",
                   "forandring": "förändring", "aktor": "aktör", "sysselsattning": "sysselsättning"}


def series_body(measure: str, info: Mapping[str, Any], rows: list[dict[str, Any]],
                documents: Mapping[str, Mapping[str, Any]]) -> dict[str, Any]:
    """GET /series/MEASURE's JSON: the measure, its periods in row order, its vintages (reports) by
    publication date, and the rows."""
    vintages = sorted({r["doc"] for r in rows}, key=lambda d: (documents.get(d, {}).get("published") or "", d))
    periods = list(dict.fromkeys(r["period"] for r in rows))
    return {"measure": {"key": measure, "label": info["label"], "unit": info["unit"]}, "total": len(rows),
            "periods": periods,
            "vintages": [{"doc": d, "title": documents.get(d, {}).get("title"),
                          "published": documents.get(d, {}).get("published")} for d in vintages],
            "rows": rows}


def breakdown_id(breakdown: Mapping[str, str]) -> str:
    """A stable category id for a breakdown: "totalt", "kon=kvinnor", "forman=sjukpenning|kon=män"."""
    return "|".join(f"{k}={v}" for k, v in sorted(breakdown.items())) or TOTAL


def _breakdown_order(breakdown: Mapping[str, str]) -> tuple[int, str]:
    """Totals first, then single breakdowns, then crossed ones."""
    return (len(breakdown), breakdown_id(breakdown))


def series_rows(conn: sqlite3.Connection, measure: str, breakdown: Optional[Mapping[str, str]] = None,
                total_only: bool = False, period: Optional[str] = None) -> list[dict[str, Any]]:
    """One row per period, breakdown and report, in period order, then breakdown, then publication.
    Figures for a part of a year (`period_part`) are left out: the series is of whole years."""
    facts = query_facts(conn, measure=measure, breakdown=dict(breakdown or {}), total_only=total_only)
    groups: dict[tuple[str, str, str], list[dict[str, Any]]] = {}
    for f in facts:
        if period and not period_in(f["period"] or "", period):
            continue
        if f.get("period_part"):
            continue  # a month's or a quarter's figure is not a point of the yearly series
        groups.setdefault((f["period"] or "", breakdown_id(f["breakdown"]), f["doc"]), []).append(f)
    rows = []
    for mentions in groups.values():
        best = min(mentions, key=lambda f: (KIND_ORDER.get(f["kind"], 9), f["line"] or 0, f["page"] or 0, f["id"]))
        row = {k: best.get(k) for k in SERIES_COLUMNS if k in best}
        row["fact_id"] = best["id"]
        row["mentions"] = len(mentions)
        row["mentions_agree"] = len({m["value"] for m in mentions}) == 1
        row = with_tidy_columns(row)
        rows.append({k: row.get(k) for k in SERIES_COLUMNS})
    rows.sort(key=lambda r: (period_sort_key(r["period"] or ""), _breakdown_order(r["breakdown"]), r["published"] or "", r["doc"]))
    return rows


def to_jsonstat(measure: Mapping[str, Any], rows: list[dict[str, Any]], documents: Mapping[str, Mapping[str, Any]],
                href: Optional[str] = None, updated: Optional[str] = None) -> dict[str, Any]:
    """A JSON-stat 2.0 dataset with the dimensions measure x period x one per breakdown variable x vintage.

    As PxWeb serves one dimension per variable, kön, förmån, ålder and myndighet are always
    dimensions of their own (category "totalt" where a figure is not broken down by it), and so
    is any other breakdown key the rows have (grupp, post ...): a client slices by kön alone.
    `measure` is a /measures row (key, label, unit); `documents` maps doc id -> {title, published}
    for the vintage labels. Cells with no figure are null; approximate figures get a status.
    """
    periods = sorted({r["period"] for r in rows}, key=period_sort_key)
    variables = [*BREAKDOWN_COLUMNS, *extra_breakdown_keys(r["breakdown"] for r in rows)]
    categories = {key: _categories(rows, key) for key in variables}
    vintages = sorted({r["doc"] for r in rows}, key=lambda d: ((documents.get(d) or {}).get("published") or "", d))
    ids = ["measure", "period", *variables, "vintage"]
    indexes = [{measure["key"]: 0}, {p: i for i, p in enumerate(periods)},
               *({c: i for i, c in enumerate(categories[k])} for k in variables), {v: i for i, v in enumerate(vintages)}]
    size = [len(ix) for ix in indexes]
    values: list[Any] = [None] * _product(size)
    status: dict[str, str] = {}
    facts: dict[str, str] = {}
    for r in rows:
        coordinates = [measure["key"], r["period"], *(r["breakdown"].get(k, TOTAL) for k in variables), r["doc"]]
        i = 0
        for ix, n, c in zip(indexes, size, coordinates):
            i = i * n + ix[c]  # row-major: the last dimension varies fastest
        values[i] = r["value"]
        facts[str(i)] = r["fact_id"]
        flag = STATUS_OF_QUALIFIER.get(r["qualifier"] or "")
        if flag:
            status[str(i)] = flag
    unit = measure.get("unit") or ""
    decimals = 1 if unit in ("procent", "procentenheter") else 0
    doc_label = {}
    for v in vintages:
        d = documents.get(v) or {}
        doc_label[v] = f"{d.get('title') or v} ({d.get('published') or 'odaterad'})"
    dimension: dict[str, Any] = {
        "measure": {"label": "mått", "category": {
            "index": indexes[0], "label": {measure["key"]: measure.get("label") or measure["key"]},
            "unit": {measure["key"]: {"label": unit, "decimals": decimals}}}},
        "period": {"label": "period", "category": {"index": indexes[1], "label": {p: p for p in periods}}},
    }
    for key, index in zip(variables, indexes[2:-1]):
        dimension[key] = {"label": VARIABLE_LABELS.get(key, key), "category": {
            "index": index, "label": {c: ("Totalt" if c == TOTAL else c) for c in index}}}
    dimension["vintage"] = {"label": "rapport (årgång)", "category": {"index": indexes[-1], "label": doc_label}}
    dataset: dict[str, Any] = {
        "version": "2.0",
        "class": "dataset",
        "label": measure.get("label") or measure["key"],
        "source": "rapportkoll: Arbetsförmedlingens och Försäkringskassans rapporter",
        "id": ids,
        "size": size,
        "role": {"time": ["period"], "metric": ["measure"]},
        "dimension": dimension,
        "value": values,
        "note": ["Varje rapport är en egen årgång (vintage): samma år kan ha olika värden i olika rapporter.",
                 "Kategorin \"totalt\" i en redovisningsvariabel betyder att siffran inte är uppdelad på den."],
        "extension": {"facts": facts},
    }
    if status:
        dataset["status"] = status
        dataset["extension"]["status_labels"] = {k: STATUS_LABELS[k] for k in sorted(set(status.values()))}
    if href:
        dataset["href"] = href
    if updated:
        dataset["updated"] = updated  # when the knowledge base was built
    return dataset


def _categories(rows: list[dict[str, Any]], key: str) -> list[str]:
    """A breakdown variable's categories: "totalt" first when some figure is not broken down by it."""
    values = sorted({r["breakdown"][key] for r in rows if key in r["breakdown"]})
    return ([TOTAL] if not values or any(key not in r["breakdown"] for r in rows) else []) + values


def _product(sizes: list[int]) -> int:
    n = 1
    for s in sizes:
        n *= s
    return n


__all__ = ["SERIES_COLUMNS", "breakdown_id", "series_rows", "to_jsonstat"]
