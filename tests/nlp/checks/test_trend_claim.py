"""trend_claim: "ökat", "minskat", "marginell ökning", "med fyra procentenheter" against the figures."""
from __future__ import annotations

from nlp.checks import run_checks
from nlp.records import Measure

SHARE = "psykiatriska_diagnoser_andel"
RESULT = "arbetsformaga_andel"
MOTEN = "omstallningsmoten_antal"


def test_direction_in_the_sentence_itself(fact, context, flat):
    ok = "För individer med sjukpenning har andelen psykiatriska diagnoser ökat till 74 procent (70 procent 2018)."
    bad = ok.replace("ökat", "minskat")
    for quote, expected in ((ok, []), (bad, [("trend_claim", "error", SHARE, "2019")])):
        facts = [
            fact(74, measure=SHARE, unit="procent", quote=quote, block="r:b1", printed="74 procent"),
            fact(70, measure=SHARE, unit="procent", period="2018", quote=quote, block="r:b1", printed="70 procent"),
        ]
        assert flat(run_checks(facts, context(), types=["trend_claim"])) == expected


def test_points_of_change_looked_up_in_the_same_report(fact, context, document, flat):
    quote = "Resultaten under 2019 för de som fått eller återfått arbetsförmåga har minskat med fyra procentenheter jämfört med 2018."
    docs = [document("r", "2020-05-08", 2019)]
    for level_2019, expected in ((54, []), (56, [("trend_claim", "error", RESULT, "2019")])):
        facts = [
            fact(4, measure=RESULT, unit="procentenheter", quote=quote, block="r:b2", doc="r", printed="fyra procentenheter"),
            fact(level_2019, measure=RESULT, unit="procent", doc="r", line=50, printed=f"{level_2019} procent"),
            fact(58, measure=RESULT, unit="procent", period="2018", doc="r", line=50, printed="58 procent"),
        ]
        assert flat(run_checks(facts, context(documents=docs), types=["trend_claim"])) == expected


def test_marginal_change(fact, context, flat):
    q = "Under 2022 genomfördes 8 991 gemensamma kartläggningar, en marginell minskning jämfört med 9 055 kartläggningar 2021."
    ok = [
        fact(8991, period="2022", quote=q, block="r:b3", printed="8 991"),
        fact(9055, period="2021", quote=q, block="r:b3", printed="9 055"),
    ]
    assert flat(run_checks(ok, context(), types=["trend_claim"])) == []
    q2 = q.replace("8 991", "7 500")
    bad = [fact(7500, period="2022", quote=q2, block="r:b3", printed="7 500"), fact(9055, period="2021", quote=q2, block="r:b3", printed="9 055")]
    assert flat(run_checks(bad, context(), types=["trend_claim"])) == [("trend_claim", "error", "kartlaggningar_antal", "2022")]


def test_sentence_without_figures_uses_the_catalogue_and_other_facts(fact, block, document, context, flat):
    measure = Measure(MOTEN, "Antal omställningsmöten", "antal", "Antal möten.", phrases=("antalet omställningsmöten", "omställningsmöten"))
    claim = block("r", 7, "Under 2019 har antalet omställningsmöten minskat jämfört med 2018.", line=400)
    docs = [document("r", "2020-05-08", 2019, blocks=[claim])]
    facts = [
        fact(4647, measure=MOTEN, doc="r", line=300, printed="4 647", quote="Under året har totalt 4 647 omställningsmöten genomförts (3 109 möten 2018)."),
        fact(3109, measure=MOTEN, period="2018", doc="r", line=300, printed="3 109", quote="Under året har totalt 4 647 omställningsmöten genomförts (3 109 möten 2018)."),
    ]
    findings = run_checks(facts, context(measures=[measure], documents=docs), types=["trend_claim"])
    assert flat(findings) == [("trend_claim", "error", MOTEN, "2019")]
    assert "minskat" in findings[0].explanation and "3 109" in findings[0].expected


def test_comparison_between_groups_is_not_a_trend(fact, context, flat):
    q = "Resultatet är högre för män än för kvinnor, 56 respektive 53 procent."
    facts = [
        fact(56, measure=RESULT, unit="procent", quote=q, block="r:b4", breakdown=(("kon", "Män"),)),
        fact(53, measure=RESULT, unit="procent", quote=q, block="r:b4", breakdown=(("kon", "Kvinnor"),)),
    ]
    assert flat(run_checks(facts, context(), types=["trend_claim"])) == []


def test_compared_value_from_another_report(fact, document, context, flat):
    q = "Andelen som påbörjar insats har ökat till 71 procent 2022 jämfört med föregående år."
    docs = [document("old", "2022-05-01", 2021), document("new", "2023-04-14", 2022)]
    for old_value, expected in ((69, []), (73, [("trend_claim", "error", "paborjar_andel", "2022")])):
        facts = [
            fact(71, measure="paborjar_andel", unit="procent", period="2022", doc="new", quote=q, block="new:b1", printed="71 procent"),
            fact(old_value, measure="paborjar_andel", unit="procent", period="2021", doc="old", kind="table", printed=f"{old_value}%"),
        ]
        assert flat(run_checks(facts, context(documents=docs), types=["trend_claim"])) == expected


def test_no_change_in_print_is_rounding(fact, context, flat):
    q = "Andelen har ökat något, 54 procent 2019 jämfört med 54 procent 2018."
    facts = [
        fact(54, measure=RESULT, unit="procent", quote=q, block="r:b5", printed="54 procent"),
        fact(54, measure=RESULT, unit="procent", period="2018", quote=q, block="r:b5", printed="54 procent"),
    ]
    assert flat(run_checks(facts, context(), types=["trend_claim"])) == [("trend_claim", "rounding", RESULT, "2019")]


def test_delta_in_counts(fact, context, flat):
    q = "Det genomsnittliga antalet individer i insats per månad har minskat med 585 individer jämfört med 2018."
    base = [
        fact(5763, measure="i_insats_antal", line=40, printed="5 763"),
        fact(6348, measure="i_insats_antal", period="2018", line=40, printed="6 348"),
    ]
    ok = base + [fact(585, measure="i_insats_antal", quote=q, block="r:b6", printed="585", line=80)]
    assert flat(run_checks(ok, context(), types=["trend_claim"])) == []
    bad = base + [fact(885, measure="i_insats_antal", quote=q.replace("585", "885"), block="r:b6", printed="885", line=80)]
    assert flat(run_checks(bad, context(), types=["trend_claim"])) == [("trend_claim", "error", "i_insats_antal", "2019")]


def test_claim_that_holds_only_in_the_reports_own_figures_is_information(fact, block, document, context, flat):
    measure = Measure("kartlaggningar_antal", "Antal gemensamma kartläggningar", "antal", "Antal.", phrases=("gemensam kartläggning",))
    claim = block("old", 9, "Antalet individer som deltagit i gemensam kartläggning är något högre 2019 jämfört med 2018.", line=408)
    docs = [document("old", "2020-05-08", 2019, blocks=[claim]), document("new", "2023-04-14", 2022)]
    facts = [
        fact(8662, doc="old", line=321, printed="8 662"),
        fact(8638, period="2018", doc="old", line=321, printed="8 638"),
        fact(8770, doc="new", kind="table", line=475, printed="8770"),
        fact(8936, period="2018", doc="new", kind="table", line=474, printed="8936"),
    ]
    findings = run_checks(facts, context(measures=[measure], documents=docs), types=["trend_claim"])
    assert flat(findings) == [("trend_claim", "info", "kartlaggningar_antal", "2019")]
    assert "8936" in findings[0].expected and "senare redovisat" in findings[0].explanation


def test_a_year_in_a_parenthesis_beside_its_figure_is_the_compared_year(fact, document, context, flat):
    """ "(5 100 år 2020)": "år 2020" names the compared figure's year, not the claim's; the change is
    2020 -> 2021, not 2019 -> 2020 (from the year before's report)."""
    docs = [document("r20", "2021-05-07", 2020), document("r21", "2022-05-06", 2021)]
    earlier = fact(4950, measure="i_insats_antal", period="2019", doc="r20", line=30, printed="4 950")
    for change, expected in (("200", []), ("300", [("trend_claim", "error", "i_insats_antal", "2021")])):
        q = f"I genomsnitt deltog 5 300 personer i insats per månad (5 100 år 2020), en ökning med {change} personer."
        facts = [
            earlier,
            fact(5300, measure="i_insats_antal", period="2021", doc="r21", quote=q, block="r21:b1", printed="5 300"),
            fact(5100, measure="i_insats_antal", period="2020", doc="r21", quote=q, block="r21:b1", printed="5 100"),
            fact(float(change), measure="i_insats_antal", period="2020-2021", doc="r21", quote=q, block="r21:b1", printed=change,
                 breakdown=(("forandring", "ökning"),)),
        ]
        assert flat(run_checks(facts, context(documents=docs), types=["trend_claim"])) == expected
