"""One measure's series: every period, every vintage (report), and JSON-stat 2.0 for it.

A report often states one figure several times (summary, body, table); a series keeps one
row per period, breakdown and report, preferring the table, then the body, then the summary
(as api.dataset does), and says how many mentions there were and whether they agreed. Two
reports giving the same year stay two rows: that is the vintage dimension, and where they
differ is where the audit looks.

JSON-stat 2.0 is the format SCB's PxWeb API serves ("class": "dataset", `id`/`size`, one
`dimension` object per id with `category.index` and `category.label`, `role.time` and
`role.metric`, a row-major `value` array with null for an empty cell, `status` for flags).
"""
from __future__ import annotations

import sqlite3
from typing import Any, Mapping, Optional

from nlp.store import BREAKDOWN_COLUMNS

from .ask import KIND_ORDER
from .interpret import period_in, period_sort_key
from .queries import query_facts

SERIES_COLUMNS = (
    "measure", "measure_label", "unit", "period", *BREAKDOWN_COLUMNS, "breakdown", "value", "qualifier", "printed",
    "doc", "source_file", "published", "reporting_year", "kind", "page", "page_label", "line", "quote", "fact_id",
    "mentions", "mentions_agree", "block", "cell",
)
STATUS_OF_QUALIFIER = {"approximate": "a", "over": "o", "under": "u"}
STATUS_LABELS = {"a": "cirka (approximate)", "o": "över (a lower bound)", "u": "under (an upper bound)"}
TOTAL = "totalt"


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
        rows.append({k: row.get(k) for k in SERIES_COLUMNS})
    rows.sort(key=lambda r: (period_sort_key(r["period"] or ""), _breakdown_order(r["breakdown"]), r["published"] or "", r["doc"]))
    return rows


def to_jsonstat(measure: Mapping[str, Any], rows: list[dict[str, Any]], documents: Mapping[str, Mapping[str, Any]],
                href: Optional[str] = None, updated: Optional[str] = None) -> dict[str, Any]:
    """A JSON-stat 2.0 dataset with the dimensions measure x period x breakdown x vintage.

    `measure` is a /measures row (key, label, unit); `documents` maps doc id -> {title, published}
    for the vintage labels. Cells with no figure are null; approximate figures get a status.
    """
    periods = sorted({r["period"] for r in rows}, key=period_sort_key)
    breakdowns: dict[str, dict[str, str]] = {}
    for r in sorted(rows, key=lambda r: _breakdown_order(r["breakdown"])):
        breakdowns.setdefault(breakdown_id(r["breakdown"]), r["breakdown"])
    vintages = sorted({r["doc"] for r in rows}, key=lambda d: ((documents.get(d) or {}).get("published") or "", d))
    size = [1, len(periods), len(breakdowns), len(vintages)]
    p_index = {p: i for i, p in enumerate(periods)}
    b_index = {b: i for i, b in enumerate(breakdowns)}
    v_index = {v: i for i, v in enumerate(vintages)}
    values: list[Any] = [None] * (size[1] * size[2] * size[3])
    status: dict[str, str] = {}
    cells = list(_cells(rows, p_index, b_index, v_index, size))
    for i, r in cells:
        values[i] = r["value"]
        flag = STATUS_OF_QUALIFIER.get(r["qualifier"] or "")
        if flag:
            status[str(i)] = flag
    unit = measure.get("unit") or ""
    decimals = 1 if unit in ("procent", "procentenheter") else 0
    doc_label = {}
    for v in vintages:
        d = documents.get(v) or {}
        doc_label[v] = f"{d.get('title') or v} ({d.get('published') or 'odaterad'})"
    dataset: dict[str, Any] = {
        "version": "2.0",
        "class": "dataset",
        "label": measure.get("label") or measure["key"],
        "source": "rapportkoll: Arbetsförmedlingens och Försäkringskassans rapporter",
        "id": ["measure", "period", "breakdown", "vintage"],
        "size": size,
        "role": {"time": ["period"], "metric": ["measure"]},
        "dimension": {
            "measure": {"label": "mått", "category": {
                "index": {measure["key"]: 0}, "label": {measure["key"]: measure.get("label") or measure["key"]},
                "unit": {measure["key"]: {"label": unit, "decimals": decimals}}}},
            "period": {"label": "period", "category": {"index": p_index, "label": {p: p for p in periods}}},
            "breakdown": {"label": "redovisningsgrupp", "category": {
                "index": b_index,
                "label": {b: (", ".join(bd.values()) if bd else "Totalt") for b, bd in breakdowns.items()}}},
            "vintage": {"label": "rapport (årgång)", "category": {"index": v_index, "label": doc_label}},
        },
        "value": values,
        "note": ["Varje rapport är en egen årgång (vintage): samma år kan ha olika värden i olika rapporter."],
        "extension": {"facts": {str(i): r["fact_id"] for i, r in cells}},
    }
    if status:
        dataset["status"] = status
        dataset["extension"]["status_labels"] = {k: STATUS_LABELS[k] for k in sorted(set(status.values()))}
    if href:
        dataset["href"] = href
    if updated:
        dataset["updated"] = updated  # when the knowledge base was built
    return dataset


def _cells(rows, p_index, b_index, v_index, size):
    """(position in the row-major value array, row) for every row."""
    for r in rows:
        yield (p_index[r["period"]] * size[2] + b_index[breakdown_id(r["breakdown"])]) * size[3] + v_index[r["doc"]], r


__all__ = ["SERIES_COLUMNS", "breakdown_id", "series_rows", "to_jsonstat"]
