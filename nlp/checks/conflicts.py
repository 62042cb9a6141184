"""Figures for one measure, period and breakdown that cannot all be true: found once, sorted once.

Six checks read the same disagreements from different angles. Finding them here, once, and
giving each one a single verdict is what keeps a figure from being reported twice:

    relation             where the two figures stand
    restatement          two reports
    summary_vs_body      one report: its summary against its body, a table or a footnote
    text_vs_table        one report: running text or a footnote against a table

and then, in this order,

    unit slip            the figures agree once one is multiplied by a power of ten -> unit_slip
    explained            the reports say why (explanations.py)       -> definition_change / revision_explained
    otherwise            an error                                     -> the relation's own check

Facts the extractor may have read wrongly are kept out first (doubts.py): a sentence that
seems to give one thing two values, a text figure that is another group's or another cited
table's, a table's 100 %.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from itertools import combinations
from typing import Iterator, Optional, Sequence

from nlp.checks.base import breakdown_words, fact_ref, make_finding, measure_words, unique_figures, vintage_sorted
from nlp.checks.context import CheckContext
from nlp.checks.doubts import (aliases, doubled_in_sentence, misnamed, quotes_another_table, range_like, ratio, span_alias,
                               tables_disagree, whole_share)
from nlp.checks.explanations import Explanation, explain
from nlp.checks.precision import Reading, grade, magnitude, power_of_ten, read_fact, relative_gap
from nlp.records import UNCLASSIFIED, Breakdown, Fact, Finding

PROSE_KINDS = ("body", "footnote")
RELATIONS = ("restatement", "summary_vs_body", "text_vs_table")

# Preference for the figure that stands for a report when reports are compared: a table cell
# is the source the text quotes; the summary quotes the body.
KIND_PREFERENCE = {"table": 0, "body": 1, "footnote": 2, "summary": 3}


@dataclass(frozen=True)
class Pair:
    a: Fact
    b: Fact
    grade: str  # "error" or "slip"
    power: Optional[int] = None  # for a slip: b times 10**power agrees with a
    gap: float = 0.0


@dataclass(frozen=True)
class Conflict:
    relation: str  # one of RELATIONS
    measure: str
    period: str
    breakdown: Breakdown
    facts: tuple[Fact, ...]  # earliest report first
    pairs: tuple[Pair, ...]
    explanation: Optional[Explanation] = None

    @property
    def is_slip(self) -> bool:
        return all(p.grade == "slip" for p in self.pairs)

    @property
    def severity(self) -> str:
        """Always "error": two printed figures that cannot stand for one value (see precision.grade)."""
        return "error"

    @property
    def discrepancy(self) -> float:
        return max((p.gap for p in self.pairs), default=0.0)


def comparable(a: Fact, b: Fact) -> bool:
    return a.unit == b.unit or {a.unit, b.unit} == {"antal", "kronor"}


def compare(a: Fact, b: Fact, ra: Reading, rb: Reading, context: CheckContext) -> Optional[Pair]:
    """How two figures for the same thing disagree, or None when they agree (or are too far
    apart to be the same thing)."""
    if not comparable(a, b):
        return None
    g = grade(ra, rb)
    if g is None or grade(magnitude(ra), magnitude(rb)) is None:
        return None  # equal, or equal but for the sign convention of a difference
    k = power_of_ten(ra, rb, context.tolerances.max_slip_power)
    if k is not None and (a.scale != b.scale or a.unit != b.unit):
        return Pair(a, b, "slip", k, relative_gap(a.value, b.value))
    if a.unit != b.unit:
        return None  # a count beside an amount is only comparable as a slip
    limit = context.tolerances.max_ratio_within if a.doc == b.doc else context.tolerances.max_ratio_across
    if k is None and ratio(a.value, b.value) > limit:
        return None
    return Pair(a, b, g, None, relative_gap(a.value, b.value))


def find_conflicts(facts: Sequence[Fact], context: CheckContext) -> list[Conflict]:
    """Every disagreement among the facts, one Conflict per relation and key.

    Six checks ask for the same facts' conflicts in one run: they are worked out once per
    context and facts (the facts are kept with them, so the key cannot name other facts).
    """
    pinned, found = context.cached(("conflicts", id(facts), len(facts)), lambda: (facts, _find_conflicts(facts, context)))
    return list(found) if pinned is facts else _find_conflicts(facts, context)


def _find_conflicts(facts: Sequence[Fact], context: CheckContext) -> list[Conflict]:
    usable = [
        f for f in facts
        if f.measure and f.measure != UNCLASSIFIED and f.period and not whole_share(f, context)
        and not f.period_part  # a month's figure of a measure with no period of its own is not the year's
    ]
    doubtful = doubled_in_sentence(usable) | misnamed(usable, context) | quotes_another_table(usable, context)
    usable = [f for f in usable if f.id not in doubtful]
    misread = aliases(usable, context)
    groups: dict[tuple[str, str, Breakdown], list[Fact]] = defaultdict(list)
    for f in usable:
        groups[(f.measure, f.period, tuple(f.breakdown))].append(f)
    out: list[Conflict] = []
    for (measure, period, breakdown), group in sorted(groups.items()):
        if len(group) < 2:
            continue
        readings = {f.id: read_fact(f, context.tolerances) for f in group}
        for relation, pairs in _pairs(group, readings, context, misread).items():
            out.extend(_conflicts(relation, measure, period, breakdown, pairs, context))
    for (measure, period, breakdown), group in sorted(groups.items()):
        if _span(period) is None:
            continue
        for f in group:
            if f.kind == "table" or not range_like(f):
                continue
            pairs = _span_pairs(f, groups, context)
            relation = "summary_vs_body" if f.kind == "summary" else "text_vs_table"
            out.extend(_conflicts(relation, measure, period, breakdown, pairs, context))
    return out


def _conflicts(relation: str, measure: str, period: str, breakdown: Breakdown, pairs: list[Pair], context: CheckContext) -> list[Conflict]:
    """Slips apart from the rest: a figure off by a power of ten is a unit slip, whatever else."""
    out = []
    slips = [p for p in pairs if p.grade == "slip"]
    others = [p for p in pairs if p.grade != "slip"]
    for chosen in (slips, others):
        if not chosen:
            continue
        involved = vintage_sorted({f.id: f for p in chosen for f in (p.a, p.b)}.values(), context)
        explanation = None if chosen is slips else explain(involved, context)
        out.append(Conflict(relation, measure, period, breakdown, tuple(involved), tuple(chosen), explanation))
    return out


def _span(period: str) -> Optional[tuple[int, int]]:
    parts = period.split("-")
    if len(parts) == 2 and all(p.isdigit() for p in parts) and int(parts[0]) < int(parts[1]):
        return int(parts[0]), int(parts[1])
    return None


def _span_pairs(f: Fact, groups: dict[tuple[str, str, Breakdown], list[Fact]], context: CheckContext) -> list[Pair]:
    """A figure said of a span of years ("sedan 2012 ungefär hälften", "mellan 48 och 52 procent
    över åren") against the same report's table figures for each year of the span."""
    start, end = _span(f.period)  # type: ignore[misc]
    rf = read_fact(f, context.tolerances)
    if span_alias(f, rf, groups, start, end, context):
        return []
    pairs = []
    for year in range(start, end + 1):
        cells = [t for t in groups.get((f.measure, str(year), tuple(f.breakdown)), []) if t.doc == f.doc and t.kind == "table" and t.unit == f.unit]
        readings = {t.id: read_fact(t, context.tolerances) for t in cells}
        if tables_disagree(cells, readings):
            continue
        for t in cells:
            p = compare(f, t, rf, readings[t.id], context)
            if p is not None and p.grade != "slip":
                pairs.append(p)
    return pairs


def _pairs(group: list[Fact], readings: dict[str, Reading], context: CheckContext, misread: set[str]) -> dict[str, list[Pair]]:
    by_doc: dict[str, list[Fact]] = defaultdict(list)
    for f in group:
        by_doc[f.doc].append(f)
    found: dict[str, list[Pair]] = defaultdict(list)

    def add(relation: str, a: Fact, b: Fact) -> None:
        if relation != "restatement" and a.id in misread:
            return
        p = compare(a, b, readings[a.id], readings[b.id], context)
        if p is not None:
            found[relation].append(p)

    for doc, fs in by_doc.items():
        if tables_disagree(fs, readings):
            continue  # two tables of one report give the key different values: read wrongly
        summary = [f for f in fs if f.kind == "summary"]
        rest = [f for f in fs if f.kind != "summary"]
        for s in summary:
            for o in rest:
                add("summary_vs_body", s, o)
        prose = [f for f in fs if f.kind in PROSE_KINDS]
        tables = [f for f in fs if f.kind == "table"]
        for p in prose:
            for t in tables:
                add("text_vs_table", p, t)
    reps = {doc: _representative(fs, readings) for doc, fs in by_doc.items()}
    ordered = sorted(reps, key=context.vintage)
    for d1, d2 in combinations(ordered, 2):
        add("restatement", reps[d1], reps[d2])
    return found


def _representative(facts: list[Fact], readings: dict[str, Reading]) -> Fact:
    """The figure that stands for its report: the most precise, a table cell before text."""
    return min(facts, key=lambda f: (readings[f.id].half, KIND_PREFERENCE.get(f.kind, 9), f.line or 0, f.id))


def conflicts_of(facts: Sequence[Fact], context: CheckContext, relation: Optional[str] = None) -> list[Conflict]:
    """Conflicts that are neither slips nor explained: what the relation's own check reports."""
    return [
        c for c in find_conflicts(facts, context)
        if (relation is None or c.relation == relation) and not c.is_slip and c.explanation is None
    ]


def explained(facts: Sequence[Fact], context: CheckContext, kind: str) -> list[Conflict]:
    """Conflicts the reports explain (kind "revision" or "definition"), one per measure, period
    and breakdown: the same explained change seen between reports and inside one is one finding."""
    merged: dict[tuple[str, str, Breakdown], Conflict] = {}
    for c in find_conflicts(facts, context):
        if c.is_slip or c.explanation is None or c.explanation.kind != kind:
            continue
        key = (c.measure, c.period, c.breakdown)
        if key not in merged:
            merged[key] = c
            continue
        first = merged[key]
        both = vintage_sorted({f.id: f for f in first.facts + c.facts}.values(), context)
        merged[key] = Conflict(first.relation, first.measure, first.period, first.breakdown, tuple(both),
                               first.pairs + c.pairs, first.explanation)
    return list(merged.values())


RELATION_WORDS = {
    "restatement": "mellan rapporterna",
    "summary_vs_body": "mellan sammanfattningen och resten av rapporten",
    "text_vs_table": "mellan texten och tabellen",
}


def explained_findings(facts: Sequence[Fact], context: CheckContext, kind: str, type_: str, severity: str,
                       reason: str, advice: str) -> Iterator[Finding]:
    """One finding per explained conflict of `kind`; the two explained types differ only in
    their wording (`reason` before the quoted explanation, `advice` after it) and severity."""
    for c in explained(facts, context, kind):
        label = measure_words(c.measure, context, c.facts[0].measure_label)
        e = c.explanation
        text = (
            f"{label} för {c.period} ({breakdown_words(c.breakdown)}) skiljer sig "
            f"{RELATION_WORDS[c.relation]}: {unique_figures(c.facts)}. {reason} {e.cite()}: ”{e.text}” {advice}"
        )
        yield make_finding(
            type_, severity, [fact_ref(f, context) for f in c.facts],
            expected=unique_figures(c.facts[:1]), found=unique_figures(c.facts[1:]), explanation=text,
            measure=c.measure, period=c.period, breakdown=c.breakdown, discrepancy=c.discrepancy,
        )


# the sentence every finding of two printed figures that disagree says after their difference
BEYOND_ROUNDING = "Skillnaden är större än vad avrundningen av de tryckta siffrorna kan förklara."


def conflict_finding(type_: str, c: Conflict, context: CheckContext, expected: str, found: str, explanation: str) -> Finding:
    """The finding of a check that reports one conflict as it stands: its figures, measure, period and breakdown."""
    return make_finding(type_, c.severity, [fact_ref(f, context) for f in c.facts], expected=expected, found=found,
                        explanation=explanation, measure=c.measure, period=c.period, breakdown=c.breakdown,
                        discrepancy=c.discrepancy)
