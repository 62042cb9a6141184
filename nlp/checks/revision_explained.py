"""revision_explained: a figure that differs, and the report itself says why.

"reviderad siffra", a footnote on a missed transaction, "uppdaterade uppgifter": the
difference is known and accounted for. It is information for the reader, with the
explanation quoted, not an error; the same disagreement is then not reported as a
restatement, summary_vs_body or text_vs_table.
"""
from __future__ import annotations

from typing import Iterator, Sequence

from nlp.checks.base import CheckSpec, breakdown_words, fact_ref, make_finding, measure_words, unique_figures
from nlp.checks.conflicts import explained
from nlp.checks.context import CheckContext
from nlp.records import Fact, Finding

TYPE = "revision_explained"

RELATION_WORDS = {
    "restatement": "mellan rapporterna",
    "summary_vs_body": "mellan sammanfattningen och resten av rapporten",
    "text_vs_table": "mellan texten och tabellen",
}


def check(facts: Sequence[Fact], context: CheckContext) -> Iterator[Finding]:
    for c in explained(facts, context, "revision"):
        label = measure_words(c.measure, context, c.facts[0].measure_label)
        e = c.explanation
        text = (
            f"{label} för {c.period} ({breakdown_words(c.breakdown)}) skiljer sig "
            f"{RELATION_WORDS[c.relation]}: {unique_figures(c.facts)}. Rapporten förklarar skillnaden "
            f"{e.cite()}: ”{e.text}” Ingen åtgärd krävs om förklaringen täcker hela skillnaden; "
            f"citera i så fall den reviderade siffran."
        )
        yield make_finding(
            TYPE, "info", [fact_ref(f, context) for f in c.facts],
            expected=unique_figures(c.facts[:1]), found=unique_figures(c.facts[1:]), explanation=text,
            measure=c.measure, period=c.period, breakdown=c.breakdown, discrepancy=c.discrepancy,
        )


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
