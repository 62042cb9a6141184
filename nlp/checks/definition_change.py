"""definition_change: values differ because the measure was defined or measured differently.

"2018 ändrade myndigheterna sättet att mäta resultaten", a share computed over another
population, or a change noted in the measure catalogue: the figures are not comparable, and
neither is wrong. Reported with severity "definition" so a reader does not compare them as
if they were, and never also as a restatement.
"""
from __future__ import annotations

from typing import Iterator, Sequence

from nlp.checks.base import CheckSpec, breakdown_words, fact_ref, make_finding, measure_words, unique_figures
from nlp.checks.conflicts import explained
from nlp.checks.context import CheckContext
from nlp.checks.revision_explained import RELATION_WORDS
from nlp.records import Fact, Finding

TYPE = "definition_change"


def check(facts: Sequence[Fact], context: CheckContext) -> Iterator[Finding]:
    for c in explained(facts, context, "definition"):
        label = measure_words(c.measure, context, c.facts[0].measure_label)
        e = c.explanation
        text = (
            f"{label} för {c.period} ({breakdown_words(c.breakdown)}) skiljer sig "
            f"{RELATION_WORDS[c.relation]}: {unique_figures(c.facts)}. Skillnaden beror på att måttet "
            f"definierats eller mätts på olika sätt {e.cite()}: ”{e.text}” Jämför inte värdena rakt av; "
            f"ange vilken definition som gäller när siffran citeras."
        )
        yield make_finding(
            TYPE, "definition", [fact_ref(f, context) for f in c.facts],
            expected=unique_figures(c.facts[:1]), found=unique_figures(c.facts[1:]), explanation=text,
            measure=c.measure, period=c.period, breakdown=c.breakdown, discrepancy=c.discrepancy,
        )


CHECK = CheckSpec(
    type=TYPE,
    title="Ändrad definition",
    description=(
        "Värdena skiljer sig för att måttet har definierats eller mätts på olika sätt (ett nytt "
        "mätsätt, en annan nämnare för samma andel, en anteckning i måttkatalogen). De går inte "
        "att jämföra rakt av, men ingen av dem är fel."
    ),
    severities=("definition",),
    check=check,
)
