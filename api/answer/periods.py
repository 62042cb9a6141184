"""Periods as the facts and questions write them: "2019", a span "2016-2019", an open span "2016-"."""
from __future__ import annotations

from typing import Optional


def _period_bounds(period: str) -> tuple[int, int]:
    a, _, b = period.partition("-")
    lo = int(a) if a.isdigit() else -1
    hi = int(b) if b.isdigit() else (10_000 if "-" in period else lo)
    return lo, hi


def period_in(fact_period: str, wanted: Optional[str]) -> bool:
    """Whether a fact's period lies within the asked one ("2018" in "2016-2019", "2018-2019" in "2016-")."""
    if not wanted:
        return True
    if fact_period == wanted:
        return True
    if "-" not in wanted:
        return False
    try:
        lo, hi = _period_bounds(wanted)
        flo, fhi = _period_bounds(fact_period)
    except ValueError:
        return False
    return flo >= lo and fhi <= hi and flo >= 0


def period_sort_key(period: str) -> tuple[int, int, str]:
    try:
        lo, hi = _period_bounds(period)
    except ValueError:
        return (99_999, 99_999, period)
    return (lo, hi, period)


__all__ = ["period_in", "period_sort_key"]
