"""arithmetic: totals, "varav" rows and difference columns, in tables and in running text."""
from __future__ import annotations

from ingest.records import Footnote
from nlp.checks import run_checks

M = "forbrukning_kronor"


def run(table, facts, context, document, footnotes=()):
    doc = document(table.doc, "2020-05-08", 2019, tables=[table], footnotes=footnotes)
    return run_checks(facts, context(documents=[doc]), types=["arithmetic"])


def test_bottom_total_and_varav_rows_that_add_up(table, table_facts, context, document, flat):
    t = table("r", 0, [
        ["Verksamhetsområden", "2019"],
        ["Förvaltningskostnader", "345 400"],
        ["Rehabiliteringsinsatser", "26 800"],
        ["Aktivitetsstöd", "12 500"],
        ["Totalt", "384 700"],
        ["Varav förvaltning", "345 400"],
        ["Varav rehabiliteringsinsatser och aktivitetsstöd", "39 300"],
    ], caption="Tabell 1 Förbrukning 2019", unit_note="Belopp i tkr")
    assert flat(run(t, table_facts(t, M, unit="kronor", scale=1e3), context, document)) == []


def test_bottom_total_that_does_not_add_up(table, table_facts, context, document, flat):
    t = table("r", 0, [
        ["Område", "2019"],
        ["Förvaltning", "345 400"],
        ["Rehabilitering", "26 800"],
        ["Totalt", "392 200"],
    ], unit_note="Belopp i tkr")
    findings = run(t, table_facts(t, M, unit="kronor", scale=1e3), context, document)
    assert flat(findings) == [("arithmetic", "error", M, "2019")]
    assert findings[0].expected.startswith("372 200")
    assert findings[0].found == "392 200"


def test_varav_larger_than_its_whole(table, table_facts, context, document, flat):
    t = table("r", 0, [
        ["Område", "2019"],
        ["Totalt", "384 700"],
        ["Varav förvaltning", "395 400"],
    ], unit_note="Belopp i tkr")
    assert flat(run(t, table_facts(t, M, unit="kronor", scale=1e3), context, document)) == [
        ("arithmetic", "error", M, "2019")
    ]


def test_one_typing_error_breaking_a_row_and_a_column_names_the_cell(table, table_facts, context, document, flat):
    t = table("r", 0, [
        ["", "Fått arbete", "", "Kvar", "", "Totalt", ""],
        ["", "Antal", "Andel", "Antal", "Andel", "Antal", "Andel"],
        ["Totalt", "2 633", "54%", "2 219", "46%", "4 852", "100%"],
        ["Kvinnor", "1 611", "53%", "1 425", "47%", "3 036", "100%"],
        ["Män", "1 022", "56%", "794", "44%", "1 816", "100%"],
        ["Ålder", "", "", "", "", "", ""],
        ["18–29 år", "770", "59%", "541", "41%", "1 311", "100%"],
        ["30–65 år", "1 863", "53%", "1 678", "47%", "3 571", "100%"],
    ], header_rows=2)
    findings = run(t, table_facts(t, "avslutade_antal"), context, document)
    assert flat(findings) == [("arithmetic", "error", "avslutade_antal", "2019")] * 2
    assert sorted(f.found for f in findings) == ["3 571", "4 852"]  # the row's total and the column's total
    assert all("3 541 i stället för 3 571" in f.explanation for f in findings)


def test_difference_column_off_by_rounding_names_the_cell(table, table_facts, context, document, flat):
    t = table("r", 3, [
        ["Myndighet", "Förbrukade medel 2022", "Tilldelade medel 2022", "Differens"],
        ["FK förvaltning", "261 000", "261 000", "0"],
        ["AF förvaltning", "331 000", "394 000", "63 000"],
        ["AF insatser", "51 000", "45 000", "-5 000"],
        ["Totalt", "643 000", "700 000", "57 000"],
    ], caption="Tabell 5: Förbrukning av medel 2022, belopp i tkr", unit_note="belopp i tkr")
    findings = run(t, table_facts(t, M, period="2022", unit="kronor", scale=1e3), context, document)
    assert flat(findings) == [("arithmetic", "rounding", M, "2022")] * 2
    assert sorted((f.expected, f.found) for f in findings) == [("58 000 (0 + 63 000 + (-5 000))", "57 000"), ("−6 000 (45 000 − 51 000)", "-5 000")]
    assert all("−6 000 i stället för -5 000" in f.explanation for f in findings)


def test_difference_column_far_off_is_an_error(table, table_facts, context, document, flat):
    t = table("r", 0, [
        ["Post", "Förbrukat", "Tilldelat", "Differens"],
        ["A", "331 000", "394 000", "36 000"],
        ["B", "100 000", "120 000", "20 000"],
    ], unit_note="belopp i tkr")
    assert flat(run(t, table_facts(t, M, unit="kronor", scale=1e3), context, document)) == [
        ("arithmetic", "error", M, "2019")
    ]


def test_footnote_saying_the_group_does_not_add_up_makes_it_information(table, table_facts, context, document, flat):
    t = table("r", 0, [
        ["", "Antal", "Andel"],
        ["Totalt", "8 662", "103"],
        ["Sjukpenning", "6 539", "75"],
        ["Aktivitetsersättning", "1 645", "19"],
        ["Övriga", "543", "6"],
    ], line=100)
    note = Footnote("r:fn18", "r", 18, "Deltagare summerar inte till 100 procent på grund av att gruppen övriga kan återfinnas i flera grupper.", line=110)
    facts = table_facts(t, "kartlaggningar_antal")
    assert flat(run(t, facts, context, document)) == [("arithmetic", "error", "kartlaggningar_antal", "2019")]
    findings = run(t, facts, context, document, footnotes=[note])
    assert flat(findings) == [("arithmetic", "info", "kartlaggningar_antal", "2019")]
    assert "fotnot 18" in findings[0].explanation and "flera grupper" in findings[0].explanation


def test_groups_that_need_not_be_complete_may_fall_short(table, table_facts, context, document, flat):
    t = table("r", 0, [
        ["", "Antal"],
        ["Totalt", "4 852"],
        ["Sjukpenning", "3 638"],
        ["Aktivitetsersättning", "923"],
    ])
    assert flat(run(t, table_facts(t, "avslutade_antal"), context, document)) == []


def test_total_column_by_sex_and_yes_no_columns(table, table_facts, context, document, flat):
    t = table("r", 0, [
        ["", "Kvinnor", "Män", "Totalt", "Könsfördelning (% kvinnor av totalen)"],
        ["2018", "5467", "3469", "8936", "61%"],
        ["2019", "5434", "3336", "8780", "62%"],
    ])
    facts = table_facts(t, "kartlaggningar_antal")
    assert flat(run(t, facts, context, document)) == [("arithmetic", "error", "kartlaggningar_antal", "2019")]
    y = table("r", 1, [
        ["", "Ja", "Nej", "Andel totalt", "Ja, kvinnor", "Nej, kvinnor", "Andel kvinnor", "Ja, män", "Nej, män", "Andel män"],
        ["2012", "1119", "10403", "9,7%", "658", "6357", "9,4%", "461", "4046", "10,2%"],
        ["2013", "769", "9925", "7,2%", "455", "5861", "7,2%", "324", "4064", "7,4%"],
    ])
    facts = table_facts(y, "moten_antal")
    assert flat(run(y, facts, context, document)) == [("arithmetic", "error", "moten_antal", "2019")]


def test_shares_of_a_distribution_add_to_100(table, table_facts, context, document, flat):
    t = table("r", 0, [["", "Antal", "Andel"], ["Totalt", "8 662", "100"], ["Kvinnor", "5 369", "62"], ["Män", "3 293", "38"]])
    assert flat(run(t, table_facts(t, "kartlaggningar_antal"), context, document)) == []


def test_columns_without_a_header_of_their_own_make_no_promise(table, table_facts, context, document, flat):
    t = table("r", 0, [
        ["", "Q3", "", "", ""],
        ["", "Män", "Kvinnor", "", ""],
        ["Antal", "6 411", "4 555", "1 856", "5 897"],
    ], header_rows=2)
    assert flat(run(t, table_facts(t, "x_antal"), context, document)) == []


def test_prose_total_and_parts_by_sex(fact, context, flat):
    q = "Under 2019 deltog 2 633 individer, varav 1 611 kvinnor och 1 122 män."
    facts = [
        fact(2633, measure="deltagare_antal", block="r:b1", quote=q, printed="2 633"),
        fact(1611, measure="deltagare_antal", block="r:b1", quote=q, printed="1 611", breakdown=(("kon", "Kvinnor"),)),
        fact(1122, measure="deltagare_antal", block="r:b1", quote=q, printed="1 122", breakdown=(("kon", "Män"),)),
    ]
    assert flat(run_checks(facts, context(), types=["arithmetic"])) == [("arithmetic", "error", "deltagare_antal", "2019")]


def test_prose_varav_larger_than_whole(fact, context, flat):
    q = "Under året genomfördes totalt 500 möten, varav 620 med individer med sjukpenning."
    facts = [
        fact(500, measure="moten_antal", block="r:b2", quote=q, printed="500"),
        fact(620, measure="moten_antal", block="r:b2", quote=q, printed="620", breakdown=(("forman", "Sjukpenning"),)),
    ]
    assert flat(run_checks(facts, context(), types=["arithmetic"])) == [("arithmetic", "error", "moten_antal", "2019")]
    ok = [fact(500, measure="moten_antal", block="r:b2", quote=q.replace("620", "320"), printed="500"),
          fact(320, measure="moten_antal", block="r:b2", quote=q.replace("620", "320"), printed="320")]
    assert flat(run_checks(ok, context(), types=["arithmetic"])) == []


def test_an_average_for_all_outside_the_groups(table, table_facts, context, document, flat):
    t = table("r", 2, [
        ["", "2021, Alla", "2022, Alla"],
        ["Alla", "378", "406"],
        ["Kvinnor", "394", "413"],
        ["Män", "382", "394"],
    ], caption="Tabell 4: Genomsnittstiden i samverkan i antal dagar")
    findings = run(t, table_facts(t, "tid_dagar", unit="dagar"), context, document)
    assert flat(findings) == [("arithmetic", "error", "tid_dagar", "2019")]
    assert findings[0].found == "378" and findings[0].expected == "mellan 382 och 394"


def test_shares_by_sex_around_the_total(table, table_facts, context, document, flat):
    t = table("r", 0, [["", "Kvinnor", "Män", "Totalt"], ["2013", "45%", "46%", "45%"], ["2014", "50%", "53%", "55%"]])
    assert flat(run(t, table_facts(t, "andel"), context, document)) == [("arithmetic", "error", "andel", "2019")]


def test_prose_average_outside_its_groups(fact, context, flat):
    q = "Kvinnor fick stöd 392 dagar (360 dagar 2018) och män 395 dagar (360 dagar 2018)."
    facts = [
        fact(393, measure="tid_dagar", unit="dagar", block="r:b1", line=317, printed="393 dagar"),
        fact(356, measure="tid_dagar", unit="dagar", period="2018", block="r:b1", line=317, printed="356 dagar"),
        fact(392, measure="tid_dagar", unit="dagar", block="r:b1", quote=q, printed="392 dagar", breakdown=(("kon", "kvinnor"),)),
        fact(360, measure="tid_dagar", unit="dagar", period="2018", block="r:b1", quote=q, printed="360 dagar", breakdown=(("kon", "kvinnor"),)),
        fact(395, measure="tid_dagar", unit="dagar", block="r:b1", quote=q, printed="395 dagar", breakdown=(("kon", "män"),)),
        fact(360, measure="tid_dagar", unit="dagar", period="2018", block="r:b1", quote=q, printed="360 dagar", breakdown=(("kon", "män"),), line=318),
    ]
    assert flat(run_checks(facts, context(), types=["arithmetic"])) == [("arithmetic", "error", "tid_dagar", "2018")]


def test_prose_total_with_parts_by_benefit(fact, context, flat):
    total = "Under 2022 har totalt 1 762 omställningsmöten genomförts."
    facts = [
        fact(1762, measure="moten", period="2022", block="r:b1", quote=total, printed="1 762"),
        fact(1199, measure="moten", period="2022", block="r:b1", printed="1 199", breakdown=(("forman", "sjukpenning"),)),
        fact(164, measure="moten", period="2022", block="r:b1", printed="164", breakdown=(("forman", "aktivitetsersättning"),)),
        fact(270, measure="moten", period="2022", block="r:b1", printed="270", breakdown=(("forman", "sjukersättning"),)),
    ]
    assert flat(run_checks(facts, context(), types=["arithmetic"])) == [("arithmetic", "error", "moten", "2022")]
    unsaid = [f if f.quote != total else fact(1762, measure="moten", period="2022", block="r:b1", printed="1 762") for f in facts]
    assert flat(run_checks(unsaid, context(), types=["arithmetic"])) == []  # without "totalt" the groups may be a selection
