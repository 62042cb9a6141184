"""share_vs_counts: a percentage against the counts it is computed from, in a table or a sentence."""
from __future__ import annotations

from nlp.checks import run_checks

YES_NO = ["", "Ja", "Nej", "Andel totalt", "Ja, kvinnor", "Nej, kvinnor", "Andel kvinnor"]


def run(table, facts, context, document):
    doc = document(table.doc, "2023-04-14", 2022, tables=[table])
    return run_checks(facts, context(documents=[doc]), types=["share_vs_counts"])


def test_yes_no_table_that_holds(table, table_facts, context, document, flat):
    t = table("r", 0, [
        YES_NO,
        ["2012", "1119", "10403", "9,7%", "658", "6357", "9,4%"],
        ["2013", "769", "9925", "7,2%", "455", "5861", "7,2%"],
        ["2014", "596", "9602", "5,8%", "349", "5605", "5,9%"],
    ])
    assert flat(run(t, table_facts(t, "moten"), context, document)) == []


def test_yes_no_table_with_a_wrong_share_and_a_rounding_slip(table, table_facts, context, document, flat):
    t = table("r", 0, [
        YES_NO,
        ["2012", "1119", "10403", "9,7%", "658", "6357", "9,4%"],
        ["2013", "769", "9925", "8,2%", "455", "5861", "7,2%"],
        ["2014", "596", "9602", "5,8%", "349", "5605", "5,9%"],
        ["2015", "779", "15781", "4,7%", "61", "7136", "0,9%"],
    ])
    facts = table_facts(t, "moten")
    findings = run(t, facts, context, document)
    assert flat(findings) == [("share_vs_counts", "error", "moten", "2019"), ("share_vs_counts", "rounding", "moten", "2019")]
    assert findings[0].found == "8,2%" and findings[0].expected.startswith("7,2 %")
    assert findings[1].found == "0,9%" and findings[1].expected.startswith("0,8 %")


def test_share_of_the_total_row(table, table_facts, context, document, flat):
    t = table("r", 0, [["", "Antal", "Andel"], ["Totalt", "8 662", "100"], ["Kvinnor", "5 369", "62"], ["Män", "3 293", "40"]])
    findings = run(t, table_facts(t, "kartlaggningar"), context, document)
    assert flat(findings) == [("share_vs_counts", "error", "kartlaggningar", "2019")]
    assert findings[0].found == "40"


def test_a_share_computed_from_a_mistyped_total(table, table_facts, context, document, flat):
    t = table("r", 0, [
        ["", "Fått", "", "Kvar", "", "Ingen uppgift", "", "Totalt", ""],
        ["", "Antal", "Andel", "Antal", "Andel", "Antal", "Andel", "Antal", "Andel"],
        ["Totalt", "2 633", "54%", "1 875", "39%", "344", "7%", "4 852", "100%"],
        ["Kvinnor", "1 611", "53%", "1 207", "40%", "218", "7%", "3 036", "100%"],
        ["Män", "1 022", "56%", "668", "37%", "126", "7%", "1 816", "100%"],
        ["Ålder", "", "", "", "", "", "", "", ""],
        ["18–29 år", "770", "59%", "462", "35%", "79", "6%", "1 311", "100%"],
        ["30–65 år", "1 863", "53%", "1 413", "40%", "265", "7%", "3 571", "100%"],
    ], header_rows=2)
    facts = table_facts(t, "avslutade")
    findings = run(t, facts, context, document)
    assert flat(findings) == [("share_vs_counts", "rounding", "avslutade", "2019")]  # 1 863 / 3 571 = 52,2 %, printed 53 %
    assert findings[0].found == "53%"


def test_sentence_with_a_share_and_its_counts(fact, context, flat):
    q = "Av de 1 200 individer som avslutade insatsen fick 300 arbete, det vill säga 35 procent."
    facts = [
        fact(1200, measure="avslutade", quote=q, block="r:b1", printed="1 200"),
        fact(300, measure="arbete", quote=q, block="r:b1", printed="300"),
        fact(35, measure="arbete_andel", unit="procent", quote=q, block="r:b1", printed="35 procent"),
    ]
    assert flat(run_checks(facts, context(), types=["share_vs_counts"])) == [("share_vs_counts", "error", "arbete_andel", "2019")]
    good = [f if f.unit != "procent" else fact(25, measure="arbete_andel", unit="procent", quote=q, block="r:b1") for f in facts]
    assert flat(run_checks(good, context(), types=["share_vs_counts"])) == []


def test_counts_of_another_year_are_not_a_share_base(fact, context, flat):
    q = "Av de 4 852 individer som avslutat insatser 2019 har 54 procent fått arbete (5 112 individer 2018)."
    facts = [
        fact(4852, measure="avslutade", quote=q, block="r:b1"),
        fact(54, measure="andel", unit="procent", quote=q, block="r:b1"),
        fact(5112, measure="avslutade", period="2018", quote=q, block="r:b1"),
    ]
    assert flat(run_checks(facts, context(), types=["share_vs_counts"])) == []
