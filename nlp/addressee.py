"""The agency a government decision is addressed to: its figures are that agency's.

A regleringsbrev, an ändringsbeslut or an uppdrag names its addressee in its title ("Regleringsbrev för
budgetåret 2027 avseende Försäkringskassan", "Uppdrag till Arbetsförmedlingen att ..."). Every amount, limit
and count the decision sets after that title is for that agency, until the next such title; one file may hold
several decisions. A figure that already names an agency, or whose measure is split by no agency, is left as
it is.
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Optional, Sequence

from ingest.records import Document
from nlp.records import Fact, UNCLASSIFIED
from nlp.measures import MeasureMatcher
from nlp.sv.breakdowns import DEFAULT_BREAKDOWN_KEYS, find_terms

# A decision's title: the kind of decision, then "avseende" or "till" and its addressee at the end of the title.
_DECISION_TITLE = re.compile(r"^\s*(?:ändring\s+av\s+)?(?:regleringsbrev|uppdrag|beslut|ändringsbeslut)\b.{0,120}?"
                             r"\b(?:avseende|till)\s+(\S[^.:;]{2,60})$", re.IGNORECASE)
_TITLE_LENGTH = 160


def decision_addressees(document: Document) -> list[tuple[tuple[int, int], str]]:
    """(position, agency) of every decision title in reading order; position is (page, line)."""
    out = []
    for block in sorted(document.blocks, key=lambda b: b.order):
        # (the title may open a paragraph the reader ran on into: "... avseende Arbetsförmedlingen" / "Regeringens beslut")
        first = block.text[:block.line_breaks[0]] if block.line_breaks else block.text
        text = " ".join(first.split())
        m = _DECISION_TITLE.match(text) if len(text) <= _TITLE_LENGTH else None
        if m is None:
            continue
        agencies = {t.value for t in find_terms(m.group(1)) if t.key == "myndighet" and t.value}
        if len(agencies) == 1:
            out.append(((block.page or 0, block.line_start or 0), agencies.pop()))
    return out


def _addressee_at(titles: Sequence[tuple[tuple[int, int], str]], fact: Fact) -> Optional[str]:
    place = (fact.page or 0, fact.line or 0)
    found = None
    for position, agency in titles:
        if position <= place:
            found = agency
    return found


def give_addressee(facts: Sequence[Fact], document: Document, matcher: MeasureMatcher) -> list[Fact]:
    """The facts with the agency their decision is addressed to, where they name none and their measure may be
    split by agency (a figure no measure claims: money, or any count of people)."""
    titles = decision_addressees(document)
    if not titles:
        return list(facts)
    out = []
    for f in facts:
        agency = _addressee_at(titles, f)
        parts = dict(f.breakdown)
        if agency and "myndighet" not in parts and _may_split_by_agency(f, matcher) and not _shared(f.quote):
            f = replace(f, breakdown=tuple(sorted({**parts, "myndighet": agency}.items())))
        out.append(f)
    return out


# "Myndigheterna ska tillsammans genomföra minst 11 000 ...": a goal of both agencies, not the addressee's own
_BOTH_AGENCIES = re.compile(r"\bmyndigheterna\b|\bbåda\s+myndigheterna\b", re.IGNORECASE)


def _shared(quote: str) -> bool:
    agencies = {t.value for t in find_terms(quote or "") if t.key == "myndighet" and t.value}
    return bool(_BOTH_AGENCIES.search(quote or "")) or len(agencies) > 1


def _may_split_by_agency(fact: Fact, matcher: MeasureMatcher) -> bool:
    measure = matcher.by_key.get(fact.measure) if fact.measure != UNCLASSIFIED else None
    if measure is None:
        return fact.unit.startswith("kronor") or "myndighet" in DEFAULT_BREAKDOWN_KEYS
    return "myndighet" in measure.breakdowns


__all__ = ["decision_addressees", "give_addressee"]
