"""Table mechanisms from the sixth batch of blind reports (issue 21), each on a small text of its own: the
scale after a unit in a corner cell or a row label ("Antal, tusental"), a statistics symbol with a note mark
in a Word export ("..3") and a lone note under a table, ranges in cells ("22–30"), a web page setting each
<td> on a line of its own, rows in blocks under a förmån's row, and count measures the catalogue defines
as means.

The texts are written for these tests, not taken from tests/data (the benchmark scores those)."""
from __future__ import annotations

from pathlib import Path

import pytest

from ingest.records import DocumentMetadata
from ingest.text_reader import read_text
from ingest.text_tables import is_figure_range, is_value
from nlp.extract import extract_facts
from nlp.sv.units import unit_note_scale, unit_phrase
from nlp.tables.cells import is_range


def facts_of(nlp, catalogue, text: str, year: int = 2030, name: str = "rapport.txt"):
    doc = read_text(Path(name), "rapport", DocumentMetadata(reporting_year=year), "0", text=text)
    return doc, extract_facts(doc, nlp, catalogue)


def by_line(facts, line: int) -> list:
    return sorted((f for f in facts if f.line == line), key=lambda f: (f.cell, f.value))


@pytest.mark.parametrize("text,unit", [
    ("Antal, tusental", ("antal", 1e3)), ("Personer, tusental", ("antal", 1e3)), ("Belopp, mnkr", ("kronor", 1e6)),
    ("Antal", ("antal", 1.0)), ("Kronor, 2027 års priser", ("kronor", 1.0)),
])
def test_a_scale_after_a_comma_belongs_to_the_unit_before_it(text, unit):
    assert unit_note_scale(unit_phrase(text)) == unit


def test_a_corner_cell_and_a_row_label_name_thousands(nlp, catalogue):
    text = ("Rapport 2030\n\n"
            "Tabell 2. Ärenden i december\n"
            "Antal, tusental\t2029\t2030\n"
            "Nya ärenden\t41,2\t43,9\n"
            "Avslutade ärenden\t39,0\t40,5\n\n"
            "Tabell 3. Intyg\n"
            "\t2029\t2030\n"
            "Läkarintyg, tusental\t12,5\t13,1\n"
            "Kompletteringar, antal\t812\t790\n")
    _, facts = facts_of(nlp, catalogue, text)
    assert [f.value for f in by_line(facts, 5)] == [41200.0, 43900.0]
    assert [f.value for f in by_line(facts, 10)] == [12500.0, 13100.0]
    assert [f.value for f in by_line(facts, 11)] == [812.0, 790.0]


@pytest.mark.parametrize("text,value", [
    ("..", True), ("..³", True), ("..<sup>3</sup>", True), ("x²", True), ("–", True), ("..a", False), ("Kvinnor", False),
])
def test_symbols_with_note_marks_are_cell_values(text, value):
    assert is_value(text) is value


def test_a_word_tables_symbol_with_its_note_keeps_the_table_whole_and_a_lone_note_links_its_row():
    # LibreOffice's text of a Word table: one cell to a line, note marks as plain digits glued to the text
    text = ("Tabell 1. Kartläggningar\n"
            "Uppgift\n2029\n2030\n"
            "Kartläggningar, antal\n5 100\n5 320\n"
            "varav aktivitetsersättning\n..1\n612\n"
            "Påbörjat insats, antal\n3 900\n4 010\n"
            "Avslutat insats, antal2\n2 870\n2 990\n"
            "1 Uppgiften för 2029 saknas eftersom aktivitetsersättning då registrerades manuellt.\n"
            "2 Från och med 2030 räknas även den som avslutat insatsen i förtid.\n"
            "Antalet kartläggningar ökade med 220 mellan 2029 och 2030, och fler än hälften påbörjade en insats.\n")
    doc = read_text(Path("r.txt"), "r", DocumentMetadata(reporting_year=2030), "0", text=text)
    (table,) = doc.tables
    assert [r[0] for r in table.rows[1:]] == ["Kartläggningar, antal", "varav aktivitetsersättning",
                                              "Påbörjat insats, antal", "Avslutat insats, antal"]
    assert table.rows[2][1:] == ["..", "612"]
    notes = {n.number: n for n in doc.footnotes}
    assert set(notes) == {1, 2} and all(n.marker_refs for n in notes.values())


def test_a_lone_numbered_line_without_a_mark_above_stays_text():
    text = ("Bakgrund\n"
            "Myndigheterna har samverkat sedan 2004 och redovisar varje år.\n"
            "1 Myndigheterna genomförde 5 320 kartläggningar under året, fler än året innan.\n")
    doc = read_text(Path("r.txt"), "r", DocumentMetadata(reporting_year=2030), "0", text=text)
    assert not doc.footnotes


@pytest.mark.parametrize("text,ranged", [("22–30", True), ("1 200-1 500", True), ("30–22", False), ("22", False),
                                         ("2028–2029", False)])
def test_a_range_in_a_cell(text, ranged):
    assert is_range(text) is ranged


@pytest.mark.parametrize("text,ranged", [("22–30", True), ("1 200–1 500", True), ("2033–2034", False), ("Kvinnor", False)])
def test_a_range_is_a_figure_in_a_column_of_figures_and_a_span_of_years_is_not(text, ranged):
    assert is_figure_range(text) is ranged


def test_a_range_in_a_cell_is_two_figures_a_lower_and_an_upper_end(nlp, catalogue):
    text = ("Rapport 2030\n\n"
            "Tabell 4. Bedömda kostnader, miljoner kronor\n\n"
            "                                    2031        2032\n"
            "Inskrivningsmöten                  22–30       24–32\n"
            "It-förvaltning                         4           4\n"
            "Summa                              26–34       28–36\n")
    _, facts = facts_of(nlp, catalogue, text)
    row = by_line(facts, 6)
    assert [(f.value, f.qualifier, f.printed, f.period) for f in row] == [
        (22e6, "over", "22–30", "2031"), (30e6, "under", "22–30", "2031"),
        (24e6, "over", "24–32", "2032"), (32e6, "under", "24–32", "2032")]
    assert [f.value for f in by_line(facts, 7)] == [4e6, 4e6]  # the rows below the ranges are body rows too


def test_a_web_page_that_sets_each_cell_on_a_line_of_its_own_keeps_each_cells_line(nlp, catalogue):
    page = "\n".join([
        "<html><body>",
        "<h1>Rapport 2030</h1>",
        "<table>",
        "<caption>Tabell 1. Gemensamma kartläggningar efter kön</caption>",
        "<thead>",
        "<tr>",
        "<th>År</th>",
        "<th>Kvinnor</th>",
        "<th>Män</th>",
        "</tr>",
        "</thead>",
        "<tr>",
        "<th>2030</th>",
        "<td>3&nbsp;120</td>",
        "<td>2&nbsp;044</td>",
        "</tr>",
        "</table>",
        "</body></html>"])
    _, facts = facts_of(nlp, catalogue, page, name="sida.html")
    cells = sorted((f.line, f.value, dict(f.breakdown).get("kon")) for f in facts if f.kind == "table")
    assert cells == [(14, 3120.0, "kvinnor"), (15, 2044.0, "män")]


def test_rows_in_blocks_under_a_formans_row_are_that_formans(nlp, catalogue):
    text = ("Rapport 2030\n\n"
            "Tabell 3. Avslag och omställningsmöten\n"
            "\t2029\t2030\n"
            "Avslag på sjukpenning\t16 240\t17 120\n"
            "därav med omställningsmöte\t2 011\t2 130\n"
            "Andel med möte, procent\t12,4\t12,4\n"
            "Avslag på aktivitetsersättning\t1 040\t1 115\n"
            "därav med omställningsmöte\t212\t241\n"
            "Andel med möte, procent\t20,4\t21,6\n")
    _, facts = facts_of(nlp, catalogue, text)
    assert {dict(f.breakdown).get("forman") for f in by_line(facts, 7)} == {"sjukpenning"}
    assert {dict(f.breakdown).get("forman") for f in by_line(facts, 10)} == {"aktivitetsersättning"}


def test_rows_that_do_not_repeat_under_each_group_are_no_blocks(nlp, catalogue):
    text = ("Rapport 2030\n\n"
            "Tabell 3. Avslag\n"
            "\t2029\t2030\n"
            "Avslag på sjukpenning\t16 240\t17 120\n"
            "därav med omställningsmöte\t2 011\t2 130\n"
            "Avslag på aktivitetsersättning\t1 040\t1 115\n"
            "Kostnad per ärende, kronor\t4 100\t4 300\n")
    _, facts = facts_of(nlp, catalogue, text)
    assert {dict(f.breakdown).get("forman") for f in by_line(facts, 8)} == {None}


def test_a_count_the_catalogue_defines_as_a_mean_needs_a_word_that_says_mean(nlp, catalogue):
    text = ("Rapport 2030\n\n"
            "Under 2030 startade 6 289 nya sjukfall i länet.\n\n"
            "I genomsnitt deltog 7 148 personer per månad i en rehabiliteringsinsats under 2030.\n")
    _, facts = facts_of(nlp, catalogue, text)
    (cases,) = by_line(facts, 3)
    (monthly,) = by_line(facts, 5)
    assert "medel" not in cases.measure and cases.measure != "rehabiliteringsinsats_pagaende_antal"
    assert monthly.measure == "rehabiliteringsinsats_pagaende_antal"


def test_a_caption_that_lists_things_of_the_corners_kind_makes_the_rows_groups(nlp, catalogue):
    text = ("Rapport 2030\n\n"
            "Tabell 5. Aktiviteter som deltagarna tog del av, antal deltagare\n"
            "Aktivitet\tDeltagare\n"
            "Språkstöd\t41\n"
            "Friskvård\t63\n"
            "Studiebesök\t28\n")
    _, facts = facts_of(nlp, catalogue, text)
    assert [dict(f.breakdown).get("grupp") for f in sorted(facts, key=lambda f: f.line) if f.kind == "table"] == [
        "Språkstöd", "Friskvård", "Studiebesök"]
