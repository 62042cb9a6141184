"""unit_slip: one amount given in two scales that disagree by a power of ten.

"cirka 45 miljoner" beside a cell "450 000" in a table "i tkr", or "345" where "345 miljoner"
was meant: the digits agree and the scale does not. Such a slip multiplies or divides an
amount by ten or more, so it outranks any rounding question.
"""
from __future__ import annotations

from typing import Iterator, Sequence

from nlp.checks.base import CheckSpec, breakdown_words, fact_ref, make_finding, measure_words, sv_value, unique_figures
from nlp.checks.conflicts import find_conflicts
from nlp.checks.context import CheckContext
from nlp.records import Fact, Finding

TYPE = "unit_slip"


def check(facts: Sequence[Fact], context: CheckContext) -> Iterator[Finding]:
    for c in find_conflicts(facts, context):
        if not c.is_slip:
            continue
        p = max(c.pairs, key=lambda p: abs(p.power or 0))
        factor = f"10^{abs(p.power or 0)}" if abs(p.power or 0) > 3 else f"{10 ** abs(p.power or 0):,}".replace(",", " ")
        label = measure_words(c.measure, context, c.facts[0].measure_label)
        missing = [f for f in (p.a, p.b) if f.scale == 1.0 and f.unit in ("kronor", "antal") and c.facts[0].unit in ("kronor", "antal")]
        hint = (
            f" Siffran {missing[0].printed} saknar troligen ett skalord (tusen, miljoner) eller en enhet."
            if missing and p.a.scale != p.b.scale else ""
        )
        text = (
            f"{label} för {c.period} ({breakdown_words(c.breakdown)}): {unique_figures([p.a])} och "
            f"{unique_figures([p.b])} har samma siffror men skiljer sig med en faktor {factor} "
            f"({sv_value(p.a.value, p.a.unit)} mot {sv_value(p.b.value, p.b.unit)}).{hint} Kontrollera "
            f"tabellens enhetsangivelse (t.ex. \"belopp i tkr\") och skalordet i texten, och rätta den som är fel."
        )
        yield make_finding(
            TYPE, "error", [fact_ref(f, context) for f in c.facts],
            expected=unique_figures([p.b]), found=unique_figures([p.a]), explanation=text,
            measure=c.measure, period=c.period, breakdown=c.breakdown, discrepancy=1.0,
        )


CHECK = CheckSpec(
    type=TYPE,
    title="Fel enhet eller skala",
    description=(
        "Samma belopp står i två skalor som inte stämmer överens (en tiopotens fel), till exempel "
        "\"cirka 45 miljoner\" i texten mot 450 000 i en tabell i tkr, eller ett skalord som saknas."
    ),
    severities=("error",),
    check=check,
)
