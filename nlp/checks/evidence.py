"""Which side of a disagreement other figures bear out: the sum of its parts, or the same value elsewhere.

A report's summary says 1 633 omställningsmöten, its body 1 762; the body also gives the meetings
per förmån, 1 199 + 164 + 270 = 1 633. Advice to "correct the summary" would then be wrong: the
body's total is the odd one out. Before a check advises which figure to correct it asks, for each
side, whether other figures agree with it:

    sum of parts   the same measure, period and report split by one more breakdown key
                   (förmån, kön ...), one figure per group, adding up to the side's value
    elsewhere      the same measure, period and breakdown in another report, or in this one
                   outside the disagreement, with the side's value

Only one side borne out makes advice; both or neither leaves the reader to decide.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Optional, Sequence

from nlp.checks.base import figure, sv_value
from nlp.checks.context import CheckContext
from nlp.checks.precision import agree, point, read_fact
from nlp.checks.words import ADDITIVE_UNITS
from nlp.records import Fact

# Where a figure of a part is best read: a table cell before running text.
_KIND_ORDER = {"table": 0, "body": 1, "footnote": 2, "summary": 3}


@dataclass(frozen=True)
class Support:
    """Figures that agree with one side of a disagreement, in words."""

    side: tuple[Fact, ...]  # the figures of the side it supports
    words: str  # "summan av delarna (sjukpenning 1 199 + aktivitetsersättning 164 + sjukersättning 270 = 1 633)"


def supported_side(sides: Sequence[Sequence[Fact]], facts: Sequence[Fact], context: CheckContext) -> Optional[Support]:
    """The one side (of two or more) that other figures bear out, or None when none or several are."""
    found = [s for s in (_support(side, sides, facts, context) for side in sides) if s is not None]
    return found[0] if len(found) == 1 else None


def _support(side: Sequence[Fact], sides: Sequence[Sequence[Fact]], facts: Sequence[Fact], context: CheckContext) -> Optional[Support]:
    if not side:
        return None
    first = side[0]
    reading = read_fact(first, context.tolerances)
    groups = _groups(facts, context)
    parts = sum_of_parts(first, facts, groups)
    if parts:
        total = sum(p.value for p in parts)
        if agree(point(total), reading):
            terms = " + ".join(f"{dict(p.breakdown)[k]} {p.printed}" for p, k in _with_keys(parts, first))
            return Support(tuple(side), f"summan av delarna ({terms} = {sv_value(total, first.unit)})")
    involved = {f.id for s in sides for f in s}
    same_key = [f for f in groups.same_key.get(_key(first), ()) if f.id not in involved]
    # only a figure printed as exactly as a number bears a side out: "hälften" agrees with too much
    agreeing = [f for f in same_key if f.qualifier == "exact" and any(ch.isdigit() for ch in f.printed)
                and agree(read_fact(f, context.tolerances), reading)]
    if agreeing:
        return Support(tuple(side), "samma värde på andra ställen: " + "; ".join(figure(f) for f in agreeing[:3]))
    return None


@dataclass(frozen=True)
class FactGroups:
    """The facts of a run grouped for the lookups above: by report, measure, period and unit in the order
    sum_of_parts reads them (tables first, then by line), and by measure, period, breakdown and unit."""

    by_report: dict[tuple[str, str, str, str], list[Fact]]
    same_key: dict[tuple, list[Fact]]

    @classmethod
    def of(cls, facts: Sequence[Fact]) -> "FactGroups":
        by_report: dict[tuple[str, str, str, str], list[Fact]] = defaultdict(list)
        for f in sorted(facts, key=lambda f: (_KIND_ORDER.get(f.kind, 9), f.line or 0)):
            by_report[(f.doc, f.measure, f.period, f.unit)].append(f)
        same_key: dict[tuple, list[Fact]] = defaultdict(list)
        for f in facts:
            same_key[_key(f)].append(f)
        return cls(dict(by_report), dict(same_key))


def _groups(facts: Sequence[Fact], context: CheckContext) -> FactGroups:
    """FactGroups.of(facts), once per run: a scan of every fact for each side of each disagreement made
    the checks of a long report cost disagreements × facts. The facts are kept with their groups, so the
    key cannot name other facts."""
    pinned, groups = context.cached(("fact_groups", id(facts), len(facts)), lambda: (facts, FactGroups.of(facts)))
    return groups if pinned is facts else FactGroups.of(facts)


def sum_of_parts(total: Fact, facts: Sequence[Fact], groups: Optional[FactGroups] = None) -> list[Fact]:
    """The figures of `total`'s report that split it by one more breakdown key, one per group; []
    when there are fewer than two groups or the unit does not add up."""
    if total.unit not in ADDITIVE_UNITS:
        return []
    own = dict(total.breakdown)
    by_key: dict[str, dict[str, Fact]] = defaultdict(dict)
    for f in (groups or FactGroups.of(facts)).by_report.get((total.doc, total.measure, total.period, total.unit), ()):
        b = dict(f.breakdown)
        extra = set(b) - set(own)
        if len(extra) != 1 or any(b.get(k) != v for k, v in own.items()):
            continue
        key = extra.pop()
        by_key[key].setdefault(b[key], f)
    best = max(by_key.values(), key=len, default={})
    return list(best.values()) if len(best) >= 2 else []


def _with_keys(parts: Sequence[Fact], total: Fact) -> list[tuple[Fact, str]]:
    own = set(dict(total.breakdown))
    return [(p, next(k for k in dict(p.breakdown) if k not in own)) for p in parts]


def _key(f: Fact) -> tuple:
    """Measure, period, breakdown and unit: what two figures of the same thing share."""
    return f.measure, f.period, tuple(f.breakdown), f.unit


__all__ = ["Support", "sum_of_parts", "supported_side"]
