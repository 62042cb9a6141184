"""restatement: one measure, period and breakdown, two reports, values beyond printed precision."""
from __future__ import annotations

from nlp.checks import run_checks

M = "kartlaggningar_antal"
SHARE = "arbetsformaga_andel"


def docs(document):
    return [document("rapport-2019", "2020-05-08", 2019), document("rapport-2022", "2023-04-14", 2022)]


def test_counts_that_differ_are_flagged(fact, context, document, flat):
    facts = [
        fact(8638, period="2018", doc="rapport-2019", printed="8 638"),
        fact(8936, period="2018", doc="rapport-2022", kind="table", printed="8936"),
    ]
    findings = run_checks(facts, context(documents=docs(document)), types=["restatement"])
    assert flat(findings) == [("restatement", "error", M, "2018")]
    f = findings[0]
    assert [r.doc for r in f.facts] == ["rapport-2019", "rapport-2022"]  # earlier report first
    assert f.facts[0].published == "2020-05-08"
    assert "8 638" in f.expected and "8936" in f.found
    assert "rapport-2019" in f.explanation and "rapport-2022" in f.explanation


def test_printed_precision_is_respected(fact, context, document, flat):
    facts = [
        fact(54, measure=SHARE, unit="procent", doc="rapport-2019", printed="54 procent"),
        fact(54.3, measure=SHARE, unit="procent", doc="rapport-2022", kind="table", printed="54,3%"),
    ]
    assert flat(run_checks(facts, context(documents=docs(document)), types=["restatement"])) == []


def test_shares_five_points_apart_conflict(fact, context, document, flat):
    facts = [
        fact(55, measure=SHARE, unit="procent", period="2017", doc="rapport-2019", printed="55 procent"),
        fact(60, measure=SHARE, unit="procent", period="2017", doc="rapport-2022", kind="table", printed="60%"),
    ]
    assert flat(run_checks(facts, context(documents=docs(document)), types=["restatement"])) == [
        ("restatement", "error", SHARE, "2017")
    ]


def test_one_unit_in_the_last_digit_is_still_an_error(fact, context, document, flat):
    """No single value rounds to both 69 and 70."""
    facts = [
        fact(70, measure=SHARE, unit="procent", period="2021", doc="rapport-2019", printed="70 procent"),
        fact(69, measure=SHARE, unit="procent", period="2021", doc="rapport-2022", kind="table", printed="69%"),
    ]
    assert flat(run_checks(facts, context(documents=docs(document)), types=["restatement"])) == [
        ("restatement", "error", SHARE, "2021")
    ]


def test_approximate_figures_get_their_margin(fact, context, document, flat):
    facts = [
        fact(345e6, measure="forbrukning_kronor", unit="kronor", scale=1e6, qualifier="approximate",
             doc="rapport-2019", printed="345 miljoner"),
        fact(345.4e6, measure="forbrukning_kronor", unit="kronor", scale=1e3, doc="rapport-2022",
             kind="table", printed="345 400"),
    ]
    assert flat(run_checks(facts, context(documents=docs(document)), types=["restatement"])) == []


def test_other_breakdown_period_or_unclassified_is_not_compared(fact, context, document, flat):
    facts = [
        fact(5369, doc="rapport-2019", breakdown=(("kon", "Kvinnor"),)),
        fact(8770, doc="rapport-2022", kind="table"),
        fact(8662, period="2020", doc="rapport-2022"),
        fact(100, measure="unclassified", doc="rapport-2019"),
        fact(200, measure="unclassified", doc="rapport-2022"),
    ]
    assert flat(run_checks(facts, context(documents=docs(document)), types=["restatement"])) == []


def test_three_reports_give_one_finding(fact, context, document, flat):
    ds = docs(document) + [document("rapport-2020", "2021-05-07", 2020)]
    facts = [
        fact(8662, doc="rapport-2019", printed="8 662"),
        fact(8700, doc="rapport-2020", printed="8 700"),
        fact(8770, doc="rapport-2022", kind="table", printed="8770"),
    ]
    findings = run_checks(facts, context(documents=ds), types=["restatement"])
    assert flat(findings) == [("restatement", "error", M, "2019")]
    assert [r.doc for r in findings[0].facts] == ["rapport-2019", "rapport-2020", "rapport-2022"]


def test_id_is_stable_and_depends_on_the_facts(fact, context, document):
    facts = [fact(8638, period="2018", doc="rapport-2019"), fact(8936, period="2018", doc="rapport-2022")]
    ctx = context(documents=docs(document))
    first = run_checks(facts, ctx, types=["restatement"])[0].id
    assert run_checks(list(reversed(facts)), ctx, types=["restatement"])[0].id == first
    other = [fact(8638, period="2018", doc="rapport-2019"), fact(8937, period="2018", doc="rapport-2022", line=11)]
    assert run_checks(other, ctx, types=["restatement"])[0].id != first
