"""summary_vs_body: a report's summary says one value, its body, a table or a footnote another.

The summary is what most readers read and what others quote; a figure there that the body
does not support spreads further than any other.
"""
from __future__ import annotations

from typing import Iterator, Sequence

from nlp.checks.base import CheckSpec, breakdown_words, difference_words, measure_words, unique_figures
from nlp.checks.conflicts import BEYOND_ROUNDING, conflict_finding, conflicts_of
from nlp.checks.context import CheckContext
from nlp.checks.evidence import supported_side
from nlp.records import Fact, Finding

TYPE = "summary_vs_body"


def check(facts: Sequence[Fact], context: CheckContext) -> Iterator[Finding]:
    for c in conflicts_of(facts, context, TYPE):
        summary = [f for f in c.facts if f.kind == "summary"]
        body = [f for f in c.facts if f.kind != "summary"]
        label = measure_words(c.measure, context, c.facts[0].measure_label)
        support = supported_side([summary, body], facts, context)
        if support is None:
            advice = "Kontrollera vilken siffra som är rätt och rätta sammanfattningen, eftersom det är den som oftast citeras."
        elif support.side[0].kind == "summary":
            advice = (f"Sammanfattningens siffra stämmer med {support.words}; det är {unique_figures(body)} som bör "
                      f"kontrolleras och rättas.")
        else:
            advice = f"Resten av rapportens siffra stämmer med {support.words}; rätta sammanfattningen, eftersom det är den som oftast citeras."
        text = (
            f"I {c.facts[0].doc} anger sammanfattningen {unique_figures(summary)} för {label.lower()} "
            f"{c.period} ({breakdown_words(c.breakdown)}), men resten av rapporten anger {unique_figures(body)}; "
            f"{difference_words(c.pairs)}. {BEYOND_ROUNDING} {advice}"
        )
        yield conflict_finding(TYPE, c, context, expected=unique_figures(body), found=unique_figures(summary), explanation=text)


CHECK = CheckSpec(
    type=TYPE,
    title="Sammanfattning mot brödtext",
    description=(
        "Rapportens sammanfattning anger ett annat värde än dess brödtext, tabeller eller fotnoter "
        "för samma mått, år och uppdelning. Sammanfattningen är det som läses och citeras mest."
    ),
    severities=("error",),
    check=check,
)
