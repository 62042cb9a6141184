"""revision_explained: a figure that differs, and the report itself says why.

"reviderad siffra", a footnote on a missed transaction, "uppdaterade uppgifter": the
difference is known and accounted for. It is information for the reader, with the
explanation quoted, not an error; the same disagreement is then not reported as a
restatement, summary_vs_body or text_vs_table.
"""
from __future__ import annotations

from typing import Iterator, Sequence

from nlp.checks.base import CheckSpec
from nlp.checks.conflicts import explained_findings
from nlp.checks.context import CheckContext
from nlp.records import Fact, Finding

TYPE = "revision_explained"


def check(facts: Sequence[Fact], context: CheckContext) -> Iterator[Finding]:
    return explained_findings(facts, context, "revision", TYPE, "info",
                              "Rapporten förklarar skillnaden",
                              "Ingen åtgärd krävs om förklaringen täcker hela skillnaden; citera i så fall den reviderade siffran.")


CHECK = CheckSpec(
    type=TYPE,
    title="Förklarad revidering",
    description=(
        "En siffra skiljer sig mellan rapporter eller inom en rapport, men rapporten förklarar "
        "själv varför (reviderad eller korrigerad siffra, en utebliven transaktion). Information, "
        "inte fel; förklaringen citeras."
    ),
    severities=("info",),
    check=check,
)
