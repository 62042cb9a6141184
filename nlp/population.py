"""Measures of a population that an event defines, in documents that never name the event.

Some catalogue measures count people picked out by what happened to them: "inskrivna hos
Arbetsförmedlingen 90 dagar efter avslag" are those whose sjukpenning was refused or stopped.
The words of such a measure ("inskrivna", "arbetslösa") are everyday words of labour-market
statistics, so a quarterly report on all unemployed people matches them well. But a document that
never speaks of the event (no "avslag", no "indragen", no "upphört") cannot be reporting that
population: its figures are left unclassified with a candidate key, like any figure no measure
claims (`rapportkoll measures --unclassified`).

The catalogue lists the event's words as the measure's `population`; the test is on the whole
document, because reports name the population once (a heading, a table's caption, a paragraph
before) and then go on about "de inskrivna".
"""
from __future__ import annotations

from dataclasses import replace
from typing import Mapping, Sequence

from ingest.records import Document
from nlp.candidate_keys import candidate_key
from nlp.records import UNCLASSIFIED, Fact, Measure

def document_text(document: Document) -> str:
    """All of `document`'s words in lower case: running text, footnotes, captions and table cells."""
    texts = [b.text for b in document.blocks]
    texts += [f.text for f in document.footnotes]
    for t in document.tables:
        texts.append(t.caption)
        texts += [c.text for c in t.cells]
        texts += [h for c in t.cells for h in (*c.row_headers, *c.col_headers)]
    return " ".join(" ".join((text or "").split()) for text in texts).lower()


def names_population(measure: Measure, text: str) -> bool:
    """Whether `text` (lower case) uses a word of the measure's population in any form or compound
    ("avslag" in "avslaget", "avslagsbeslut"; "upphör" in "upphörde"), or one of its particle verbs
    ("drogs in"). A measure with no population is any document's."""
    return not measure.population or any(stem in text for stem in measure.population)


def settle_population(facts: Sequence[Fact], by_key: Mapping[str, Measure], text: str) -> list[Fact]:
    """`facts` with every figure of a population measure that the document (`text`, from document_text)
    never names unclassified."""
    absent = {key for key, m in by_key.items() if not names_population(m, text)}
    if not absent:
        return list(facts)
    out = []
    for f in facts:
        if f.measure in absent:
            f = replace(f, measure=UNCLASSIFIED, measure_label="", measure_score=0.0,
                        measure_candidate=f.measure_candidate or candidate_key(by_key[f.measure].label, f.unit))
        out.append(f)
    return out


__all__ = ["document_text", "names_population", "settle_population"]
