"""The tidy longitudinal dataset: one row per measure, period, breakdown and reporting document.

A report often states the same figure several times (summary, body, table). The dataset
keeps one row per report, preferring the table, then body text, then the summary, and says
how many times the report gave it and whether those mentions agreed. Every vintage (report)
stays a row of its own, so restatements are visible side by side.

Tidy means one fact per row and one variable per column: besides kön, förmån, ålder and
myndighet, every other breakdown key that occurs (grupp, post ...) has a column, and the
period's type (year, span, change), start and end are columns (api.store.tidy).
"""
from __future__ import annotations

import json
import sqlite3

import pandas as pd

from nlp.store import BREAKDOWN_COLUMNS, ensure_schema

from .tidy import PERIOD_COLUMNS, breakdown_column, extra_breakdown_keys, period_fields

KIND_PREFERENCE = {"table": 0, "body": 1, "summary": 2, "footnote": 3}
COLUMNS = [
    "measure", "measure_label", "unit", "period", *BREAKDOWN_COLUMNS, "breakdown", "value", "qualifier", "printed",
    "doc", "source_file", "published", "reporting_year", "kind", "page", "line", "quote", "fact_id", "mentions",
    "mentions_agree",
]


def longitudinal_frame(conn: sqlite3.Connection, include_unclassified: bool = False) -> pd.DataFrame:
    ensure_schema(conn)
    sql = "SELECT * FROM facts" + ("" if include_unclassified else " WHERE measure != 'unclassified'")
    frame = pd.read_sql_query(sql, conn)
    if frame.empty:
        return pd.DataFrame(columns=[*COLUMNS, *PERIOD_COLUMNS])
    frame["kind_rank"] = frame["kind"].map(KIND_PREFERENCE).fillna(9)
    frame["breakdown"] = frame["breakdown"].fillna("{}").map(lambda s: json.dumps(json.loads(s), ensure_ascii=False, sort_keys=True))
    keys = ["measure", "period", "breakdown", "doc"]
    grouped = frame.groupby(keys, dropna=False)
    mentions = grouped["value"].agg(mentions="size", mentions_agree=lambda v: v.nunique() == 1).reset_index()
    best = frame.sort_values(keys + ["kind_rank", "line", "page"]).drop_duplicates(keys, keep="first")
    out = best.merge(mentions, on=keys).rename(columns={"id": "fact_id"})
    out = out.sort_values(["measure", "period", "breakdown", "published", "doc"]).reset_index(drop=True)
    breakdowns = out["breakdown"].map(json.loads)
    periods = pd.DataFrame([period_fields(p, u, b) for p, u, b in zip(out["period"], out["unit"], breakdowns)],
                           columns=list(PERIOD_COLUMNS), index=out.index)
    periods[["period_start", "period_end"]] = periods[["period_start", "period_end"]].astype("Int64")
    extra = extra_breakdown_keys(breakdowns)
    others = pd.DataFrame({breakdown_column(k): breakdowns.map(lambda b, k=k: b.get(k)) for k in extra}, index=out.index)
    return pd.concat([out[COLUMNS], periods, others], axis=1)
