"""text_vs_table: the running text (or a footnote) and a table of the same report disagree.

The table is usually the source the sentence was written from; a sentence that quotes it
wrongly, or a table that was updated after the text, leaves the reader two figures for one
fact. Summary sentences are left to summary_vs_body.
"""
from __future__ import annotations

from typing import Iterator, Sequence

from nlp.checks.base import CheckSpec, breakdown_words, difference_words, measure_words, unique_figures
from nlp.checks.conflicts import BEYOND_ROUNDING, conflict_finding, conflicts_of
from nlp.checks.context import CheckContext
from nlp.checks.evidence import supported_side
from nlp.records import Fact, Finding

TYPE = "text_vs_table"


def check(facts: Sequence[Fact], context: CheckContext) -> Iterator[Finding]:
    for c in conflicts_of(facts, context, TYPE):
        prose = [f for f in c.facts if f.kind != "table"]
        table = [f for f in c.facts if f.kind == "table"]
        label = measure_words(c.measure, context, c.facts[0].measure_label)
        support = supported_side([prose, table], facts, context)
        if support is None:
            advice = "Kontrollera om texten skrevs från en äldre version av tabellen och rätta den som är fel."
        elif support.side[0].kind == "table":
            advice = f"Tabellens siffra stämmer med {support.words}; rätta texten ({unique_figures(prose)})."
        else:
            advice = f"Textens siffra stämmer med {support.words}; kontrollera och rätta tabellen ({unique_figures(table)})."
        text = (
            f"I {c.facts[0].doc} säger texten {unique_figures(prose)} om {label.lower()} {c.period} "
            f"({breakdown_words(c.breakdown)}), medan tabellen anger {unique_figures(table)}; "
            f"{difference_words(c.pairs)}. {BEYOND_ROUNDING} {advice}"
        )
        yield conflict_finding(TYPE, c, context, expected=unique_figures(table), found=unique_figures(prose), explanation=text)


CHECK = CheckSpec(
    type=TYPE,
    title="Text mot tabell",
    description=(
        "Löptexten eller en fotnot anger ett annat värde än en tabell i samma rapport för samma "
        "mått, år och uppdelning. Läsaren får två siffror för samma sak."
    ),
    severities=("error",),
    check=check,
)
