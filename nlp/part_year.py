"""Figures for part of a year ("1 046 kartläggningar i oktober", a row "Kv 3 2025") under a yearly measure.

The paths give such a figure the measure its words name, and its `period_part`. A measure counted
over the whole year cannot be a month's or a quarter's figure, so here the figure is left
unclassified with a candidate key that names the measure and the kind of part: every October, or
every third quarter, of every report links up under `rapportkoll measures --unclassified`.

This runs before nlp.measure_trust weighs the document's matches: counting part-year matches there as
the document's own measures was tried, and it let a half-year report's weak matches through.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Mapping, Sequence

from ingest.records import Document
from nlp.candidate_keys import covers_part_of_year, part_candidate_key
from nlp.records import UNCLASSIFIED, Fact, Measure
from nlp.sv.periods import SAME_PART, find_parts_of_year


def settle_part_year(facts: Sequence[Fact], by_key: Mapping[str, Measure]) -> list[Fact]:
    """`facts` with every part-of-year figure of a measure that covers only whole years unclassified."""
    out = []
    for f in facts:
        measure = by_key.get(f.measure)
        if measure is not None and f.period_part and not covers_part_of_year(measure, f.period_part):
            f = replace(f, measure=UNCLASSIFIED, measure_label="", measure_score=0.0,
                        measure_candidate=part_candidate_key(measure.key, f.period_part))
        out.append(f)
    return out


def report_part_of_year(document: Document) -> str:
    """The part of a year a whole report covers, as its title names it ("..., första halvåret 2026" ->
    "halvår 1"); "" for a report on a whole year. A figure that takes its year from the report takes
    this part with it: "Under perioden avslutade 2 140 personer ..." is the half-year's figure."""
    parts = [label for _, _, label in find_parts_of_year(document.metadata.title or "") if label != SAME_PART]
    return parts[-1] if parts else ""


__all__ = ["report_part_of_year", "settle_part_year"]
