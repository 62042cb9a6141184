"""restatement: two reports give one measure, period and breakdown different values.

The later report may have corrected the figure, or one of them is wrong; either way a reader
who quotes one report and not the other quotes a figure the other contradicts. Printed
precision is respected ("54" and "54,3" agree), and a change the reports explain is reported
as revision_explained or definition_change instead (see conflicts.py).
"""
from __future__ import annotations

from typing import Iterator, Sequence

from nlp.checks.base import CheckSpec, breakdown_words, difference_words, measure_words, unique_figures
from nlp.checks.conflicts import BEYOND_ROUNDING, conflict_finding, conflicts_of
from nlp.checks.context import CheckContext
from nlp.records import Fact, Finding

TYPE = "restatement"


def check(facts: Sequence[Fact], context: CheckContext) -> Iterator[Finding]:
    for c in conflicts_of(facts, context, TYPE):
        earliest = c.facts[0].doc
        first = [f for f in c.facts if f.doc == earliest]
        later = [f for f in c.facts if f.doc != earliest]
        label = measure_words(c.measure, context, c.facts[0].measure_label)
        text = (
            f"{label} för {c.period} ({breakdown_words(c.breakdown)}) anges olika i rapporterna: "
            f"{unique_figures(first)} mot {unique_figures(later)}; {difference_words(c.pairs)}. "
            f"{BEYOND_ROUNDING} Ingen av rapporterna säger att siffran har reviderats eller mäts på nytt sätt. "
            f"Stäm av siffran mot källan (register eller uttag) och ange i den senare rapporten om och varför "
            f"uppgiften har ändrats."
        )
        yield conflict_finding(TYPE, c, context, expected=unique_figures(first), found=unique_figures(later), explanation=text)


CHECK = CheckSpec(
    type=TYPE,
    title="Omräknad siffra mellan rapporter",
    description=(
        "Samma mått, år och uppdelning har olika värden i två rapporter, utöver vad den tryckta "
        "precisionen tillåter, utan att någon rapport förklarar varför. Den som citerar den ena "
        "rapporten citerar en siffra som den andra motsäger."
    ),
    severities=("error",),
    check=check,
)
