"""definition_change: values differ because the measure was defined or measured differently.

"2018 ändrade myndigheterna sättet att mäta resultaten", a share computed over another
population, or a change noted in the measure catalogue: the figures are not comparable, and
neither is wrong. Reported with severity "definition" so a reader does not compare them as
if they were, and never also as a restatement.
"""
from __future__ import annotations

from typing import Iterator, Sequence

from nlp.checks.base import CheckSpec
from nlp.checks.conflicts import explained_findings
from nlp.checks.context import CheckContext
from nlp.records import Fact, Finding

TYPE = "definition_change"


def check(facts: Sequence[Fact], context: CheckContext) -> Iterator[Finding]:
    return explained_findings(facts, context, "definition", TYPE, "definition",
                              "Skillnaden beror på att måttet definierats eller mätts på olika sätt",
                              "Jämför inte värdena rakt av; ange vilken definition som gäller när siffran citeras.")


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
