"""trend_claim, superlatives: "ökar mest för män med sjukpenning" against the report's own table."""
from __future__ import annotations

from dataclasses import replace

import pytest

from nlp.checks import run_checks

M = "tid_i_samverkan_dagar"
# (kön, förmån) -> (2021, 2022), as a table of the report gives them
TABLE = {("kvinnor", "sjukpenning"): (395, 415), ("kvinnor", "aktivitetsersättning"): (350, 402),
         ("män", "sjukpenning"): (377, 399), ("män", "aktivitetsersättning"): (396, 363)}


def _facts(fact, table=TABLE):
    out = []
    for i, ((kon, forman), values) in enumerate(table.items()):
        for year, value in zip((2021, 2022), values):
            f = fact(value, measure=M, unit="dagar", period=str(year), doc="r", kind="table", printed=str(value),
                     line=50 + i, breakdown=(("forman", forman), ("kon", kon)), cell=f"r:t0:r{i + 1}c{year - 2020}")
            out.append(replace(f, section="Resultat"))
    return out


def _run(fact, block, document, context, sentence, table=TABLE):
    b = block("r", 1, sentence, section=("Resultat",), line=40)
    return run_checks(_facts(fact, table), context(documents=[document("r", "2023-04-14", 2022, blocks=[b])]),
                      types=["trend_claim"])


def test_the_group_said_to_rise_most_did_not(fact, block, document, context, flat):
    findings = _run(fact, block, document, context, "Antalet dagar ökar mest för män med sjukpenning.")
    assert flat(findings) == [("trend_claim", "error", M, "2021-2022")]
    text = findings[0].explanation
    assert "+22 (377 → 399)" in text and "+52 (350 → 402)" in text
    assert {(x.line, x.printed) for x in findings[0].facts} == {(52, "377"), (52, "399"), (51, "350"), (51, "402")}


@pytest.mark.parametrize("sentence", [
    "Antalet dagar ökar mest för kvinnor med aktivitetsersättning.",  # true
    "Antalet dagar minskar mest för män med aktivitetsersättning.",  # true: 396 -> 363
    "Antalet dagar ökar mest för de med sjukersättning.",  # no such group in the table
    "Antalet dagar ökar mest för unga i storstäder.",  # not a group the facts are split by
])
def test_true_or_uncheckable_claims_are_quiet(fact, block, document, context, flat, sentence):
    assert flat(_run(fact, block, document, context, sentence)) == []


def test_a_tie_as_printed_is_no_error(fact, block, document, context, flat):
    """Averages printed to whole days move by one in rounding: +23 against +22 may be a tie, +25 is not."""
    sentence = "Antalet dagar ökar mest för män med sjukpenning."
    table = {**TABLE, ("kvinnor", "aktivitetsersättning"): (350, 375)}  # +25 against +22
    assert flat(_run(fact, block, document, context, sentence, table)) == [("trend_claim", "error", M, "2021-2022")]
    table = {**TABLE, ("kvinnor", "aktivitetsersättning"): (350, 373)}  # +23 against +22
    assert flat(_run(fact, block, document, context, sentence, table)) == []
