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


GROUPS = [["", "2023", "", "2024", ""], ["", "Kvinnor", "Män", "Kvinnor", "Män"]]


def _by_row(t, table_facts, measures):
    """Facts of a table with its measures in rows: row index -> measure."""
    from dataclasses import replace

    facts = table_facts(t, "x")
    return [replace(f, measure=measures[int(f.cell.rsplit("r", 1)[1].split("c")[0])]) for f in facts]


def test_a_table_with_counts_and_shares_in_rows(table, table_facts, context, document, flat):
    t = table("r", 0, GROUPS + [
        ["Antal som avslutade", "1 200", "800", "1 000", "900"],
        ["Antal med arbete", "300", "200", "260", "225"],
        ["Andel med arbete", "25%", "25%", "28%", "25%"],  # 260 / 1 000 = 26 %
    ], header_rows=2)
    facts = _by_row(t, table_facts, {2: "avslutade", 3: "arbete", 4: "arbete_andel"})
    findings = run(t, facts, context, document)
    assert flat(findings) == [("share_vs_counts", "error", "arbete_andel", "2019")]
    assert findings[0].found == "28%" and findings[0].expected == "26 % (260 / 1 000)"
    assert "kolumnen ”2024, Kvinnor”, raden ”Andel med arbete”" in findings[0].explanation


def test_a_wrapped_row_and_a_share_padded_with_a_zero(table, table_facts, context, document, flat):
    t = table("r", 0, GROUPS + [
        ["Antal som avslutade", "1 200", "800", "1 000", "900"],
        ["", "2 000", "1 500", "", "1 900"],  # a second line of figures under the same stub
        ["Antal med arbete", "300", "200", "260", "225"],
        ["", "500", "360", "", "485"],
        ["Andel med arbete", "25%", "25%", "26%", "25%"],
        ["", "25,00%", "24,00%", "", "25,50%"],  # 485 / 1 900 = 25,53: printed 25,5 padded to two decimals
    ], header_rows=2)
    # the wrapped lines' figures got no measure from the extractor
    facts = _by_row(t, table_facts, {2: "avslutade", 3: "unclassified", 4: "arbete", 5: "unclassified",
                                     6: "arbete_andel", 7: "unclassified"})
    findings = run(t, facts, context, document)
    assert flat(findings) == [("share_vs_counts", "rounding", "arbete_andel", "2019")]
    assert findings[0].found == "25,50%" and "slutar på en nolla" in findings[0].explanation


def test_a_share_column_beside_its_counts_is_not_read_again_turned(table, table_facts, context, document, flat):
    t = table("r", 0, [["", "Antal", "Varav arbete", "Andel"], ["Kvinnor", "1 000", "260", "28%"],
                       ["Män", "900", "225", "25%"], ["Totalt", "1 900", "485", "26%"]])
    assert flat(run(t, table_facts(t, "arbete"), context, document)) == [("share_vs_counts", "error", "arbete", "2019")]
