"""Columns that make a fact row tidy: a column per breakdown key, the period's type and ends, changes marked.

A fact's breakdown is a dict ({"kon": "kvinnor", "grupp": "övriga"}). kön, förmån, ålder and
myndighet have columns of their own everywhere; any other key (grupp, post, forandring ...)
gets one in an export where it occurs, so a filter on the empty kön and förmån columns does
not take a group's figure for a total. `is_total` says plainly that a row has no breakdown.

A period is a year ("2019") or a span ("2018-2022"); a change figure ("ökade med 4
procentenheter", a "Förändring" column) spans the two years it compares. `period_type` tells
them apart (year, span, change), `period_start`/`period_end` give the years as numbers, and
`change` says which way a change went ("ökning", "minskning", or "förändring" when unsaid).
"""
from __future__ import annotations

from typing import Any, Iterable, Mapping, Optional

from nlp.store import BREAKDOWN_COLUMNS

from .queries import FACT_FIELDS

PERIOD_COLUMNS = ("period_type", "period_start", "period_end", "change", "is_total")
CHANGE_KEY = "forandring"  # the breakdown key nlp gives a figure that is a change over time
GAP_KEY = "skillnad"  # a gap between groups ("män-kvinnor") in procentenheter is no change over time
_FIELD_NAMES = {*FACT_FIELDS, *PERIOD_COLUMNS, "fact_id", "mentions", "mentions_agree"}


def period_fields(period: Optional[str], unit: Optional[str], breakdown: Mapping[str, str]) -> dict[str, Any]:
    """{period_type, period_start, period_end, change, is_total} for one fact."""
    start_text, _, end_text = (period or "").partition("-")
    start = int(start_text) if start_text.isdigit() else None
    end = int(end_text) if end_text.isdigit() else start
    change = breakdown.get(CHANGE_KEY) or ""
    if not change and unit == "procentenheter" and GAP_KEY not in breakdown:
        change = "förändring"  # procentenheter are the difference of two shares
    kind = "change" if change else ("span" if end_text else "year")
    return {"period_type": kind if start is not None else "", "period_start": start, "period_end": end,
            "change": change, "is_total": not (set(breakdown) - {CHANGE_KEY})}


def extra_breakdown_keys(breakdowns: Iterable[Mapping[str, str]]) -> list[str]:
    """Breakdown keys beyond the four standard columns that occur, in a stable order."""
    keys = {k for b in breakdowns for k in b}
    return sorted(keys - set(BREAKDOWN_COLUMNS))


def breakdown_column(key: str) -> str:
    """The column a breakdown key gets: its own name, unless a row has a field of that name."""
    return f"breakdown_{key}" if key in _FIELD_NAMES else key


def with_tidy_columns(row: Mapping[str, Any], extra_keys: Iterable[str] = ()) -> dict[str, Any]:
    """A copy of a fact or series row with PERIOD_COLUMNS and a column for each of `extra_keys`."""
    breakdown = row.get("breakdown") or {}
    out = dict(row)
    out.update(period_fields(row.get("period"), row.get("unit"), breakdown))
    for key in extra_keys:
        out[breakdown_column(key)] = breakdown.get(key)
    return out


__all__ = ["PERIOD_COLUMNS", "period_fields", "extra_breakdown_keys", "breakdown_column", "with_tidy_columns"]
