"""Claims that one group changed the most: "Antalet dagar ökar mest för män med sjukpenning".

Such a sentence gives no figure of its own; the report's table does, for every group. The claim
holds when the named group's change from the year before to the report's year is the largest
(for "ökar mest") or the most negative ("minskar mest") among the groups split the same way
(kön × förmån here) in the same section of the same report. Otherwise the sentence tells the
reader something the figures next to it contradict: a trend_claim error.
"""
from __future__ import annotations

import re
from collections import defaultdict
from typing import Iterator, Optional, Sequence

from nlp.checks.base import breakdown_words, fact_ref, make_finding, measure_words, sv_number
from nlp.checks.context import CheckContext
from nlp.checks.explanations import sentences
from nlp.checks.precision import read_fact
from nlp.checks.words import UNIT_HINTS
from nlp.records import UNCLASSIFIED, Breakdown, Fact, Finding
from nlp.sv.breakdowns import BREAKDOWN_TERMS

TYPE = "trend_claim"
_SUPERLATIVE = re.compile(
    r"\b(?P<verb>ök\w*|minsk\w*|steg|stigit|sjönk|sjunkit)\s+(?:\w+\s+){0,2}?(?:mest|kraftigast|tydligast)\s+"
    r"(?:för|bland|hos|i gruppen)\s+(?P<group>[^,.;]+?)(?=\s+(?:medan|men|och\s+det|där)\b|[,.;]|$)",
    re.IGNORECASE)


def superlative_findings(facts: Sequence[Fact], context: CheckContext) -> Iterator[Finding]:
    by_section: dict[tuple[str, str], list[Fact]] = defaultdict(list)
    for f in facts:
        if f.measure != UNCLASSIFIED and f.year is not None and not f.period_part:
            by_section[(f.doc, f.section)].append(f)
    for doc_id in sorted({f.doc for f in facts}):
        doc = context.document(doc_id)
        year = doc.metadata.reporting_year if doc is not None else None
        if doc is None or year is None:
            continue
        for block in doc.blocks:
            if block.kind in ("heading", "toc", "caption"):
                continue
            for text in sentences(block.text):
                for m in _SUPERLATIVE.finditer(text):
                    group = _group(m.group("group"))
                    if not group:
                        continue
                    up = m.group("verb").lower().startswith(("ök", "ste", "sti"))
                    pool = by_section.get((doc_id, " > ".join(block.section)), [])
                    found = _judge(text, up, group, pool, year, context)
                    if found is not None:
                        yield _finding(doc_id, block.line_start, block.page, text, up, group, year, *found, context=context)


def _group(words: str) -> Breakdown:
    """The breakdown a group phrase names ("män med sjukpenning"); () when a word of it is no group word."""
    pairs = {}
    for w in re.findall(r"[\wåäöÅÄÖ]+", words.lower()):
        term = BREAKDOWN_TERMS.get(w)
        if term and term[1]:
            pairs[term[0]] = term[1]
        elif w not in ("med", "och", "som", "de", "dem", "personer", "individer", "gruppen"):
            return ()
    return tuple(sorted(pairs.items()))


def _judge(text: str, up: bool, group: Breakdown, pool: Sequence[Fact], year: int, context: CheckContext):
    """(measure, named group's pair, the pair that changed most, changes) when the claim is wrong."""
    keys = {k for k, _ in group}
    hinted = {unit for word, unit in UNIT_HINTS if word in text.lower()}
    pairs: dict[str, dict[Breakdown, tuple[Fact, Fact]]] = defaultdict(dict)
    values: dict[tuple[str, Breakdown, int], Fact] = {}
    for f in sorted(pool, key=lambda f: (f.kind != "table", f.line or 0)):
        b = tuple(f.breakdown)
        if {k for k, _ in b} == keys and f.year in (year - 1, year):
            values.setdefault((f.measure, b, f.year), f)
    for (measure, b, y), f in values.items():
        if y == year and (measure, b, year - 1) in values:
            pairs[measure][b] = (values[(measure, b, year - 1)], f)
    candidates = [m for m, by_group in pairs.items() if group in by_group and len(by_group) >= 2
                  and (not hinted or next(iter(by_group.values()))[1].unit in hinted)]
    if len(candidates) != 1:
        return None  # no measure, or no telling which one the sentence speaks of
    measure = candidates[0]
    by_group = pairs[measure]
    change = {b: cur.value - prev.value for b, (prev, cur) in by_group.items()}
    best = max(change, key=change.get) if up else min(change, key=change.get)
    if best == group:
        return None
    rb, rg = (read_fact(f, context.tolerances) for f in (by_group[best][1], by_group[group][1]))
    if abs(change[best] - change[group]) <= max(rb.step, rg.step):
        return None  # a tie as printed
    return measure, by_group[group], by_group[best], change[group], change[best]


def _finding(doc: str, line: Optional[int], page: Optional[int], text: str, up: bool, group: Breakdown, year: int,
             measure: str, named: tuple[Fact, Fact], top: tuple[Fact, Fact], named_change: float, top_change: float,
             context: CheckContext) -> Finding:
    label = measure_words(measure, context, named[1].measure_label)
    top_group = tuple(top[1].breakdown)
    word = "ökar mest" if up else "minskar mest"
    where = ", ".join(b for b in (f"s. {page}" if page is not None else "", f"rad {line}" if line is not None else "") if b)
    expected = f"{word} för {breakdown_words(top_group)} ({_signed(top_change)})"
    found = f"{word} för {breakdown_words(group)} ({_signed(named_change)})"
    explanation = (
        f"I {doc} ({where}) står det: ”{text.strip()}” Men rapportens siffror för {label.lower()} {year - 1}–{year} visar "
        f"att förändringen för {breakdown_words(group)} är {_signed(named_change)} ({named[0].printed} → {named[1].printed}), "
        f"medan den för {breakdown_words(top_group)} är {_signed(top_change)} ({top[0].printed} → {top[1].printed}). "
        f"Kontrollera vilken grupp meningen avser och rätta den."
    )
    refs = [fact_ref(f, context) for f in (*named, *top)]
    return make_finding(TYPE, "error", refs, expected=expected, found=found, explanation=explanation,
                        measure=measure, period=f"{year - 1}-{year}", breakdown=group,
                        discrepancy=abs(top_change - named_change) / max(abs(top_change), 1.0))


def _signed(x: float) -> str:
    return ("+" if x > 0 else "−" if x < 0 else "±") + sv_number(abs(x))


__all__ = ["superlative_findings"]
