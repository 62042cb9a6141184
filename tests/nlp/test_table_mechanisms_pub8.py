"""Table mechanisms from the eighth batch of blind reports (issue 21), each on a small text of its own: a
statistics database's table id as a caption label ("Tabell SF0712A"), a definition list's terms on a web page
(labels, not section headings), a column compared with the year before ("Jämfört med föregående år"), and an
agency that a caption names for an anslag both agencies draw on.

The texts are written for these tests, not taken from tests/data (the benchmark scores those)."""
from __future__ import annotations

from pathlib import Path

import pytest

from ingest.html_lines import html_to_lines
from ingest.records import DocumentMetadata
from ingest.text_reader import read_text
from nlp.extract import extract_facts
from nlp.sv.breakdowns import names_agency
from nlp.sv.captions import parse_caption
from nlp.tables.headers import CHANGE_HEADER


def facts_of(nlp, catalogue, text: str, year: int = 2031, name: str = "rapport.md"):
    doc = read_text(Path(name), "rapport", DocumentMetadata(reporting_year=year), "0", text=text)
    return doc, extract_facts(doc, nlp, catalogue)


@pytest.mark.parametrize("line,label", [
    ("Tabell AM0401B. Sysselsatta efter län", "AM0401B"), ("Tabell BE0101N1: Folkmängd", "BE0101N1"),
    ("Tabell 4.2 Möten", "4.2"), ("Tabell B3. Avslag", "B3"), ("Tabellen visar 2031 års utfall", None),
])
def test_a_table_id_is_a_caption_label(line, label):
    found = parse_caption(line)
    assert (found.label if found else None) == label


def test_a_definition_term_labels_its_definition_and_heads_no_section():
    page = ("<html><body>\n<h2>Begrepp</h2>\n<dl>\n<dt>Deltagare</dt>\n<dd>Personer som deltagit i minst en aktivitet.</dd>\n"
            "<dt>Övriga</dt>\n<dd>Personer utan ersättning.</dd>\n</dl>\n</body></html>\n")
    lines, _ = html_to_lines(page)
    assert "Deltagare:" in [line.strip() for line in lines] and "Övriga:" in [line.strip() for line in lines]
    doc = read_text(Path("sida.html"), "sida", DocumentMetadata(reporting_year=2031), "0", text=page)
    assert [b.text for b in doc.blocks if b.kind == "heading"] == ["Begrepp"]


@pytest.mark.parametrize("header,is_change", [
    ("Jämfört med föregående år", True), ("Jfr 2030", True), ("Mot föregående år", True),
    ("Förändring", True), ("2031", False), ("Andel kvinnor, %", False), ("Kostnad mot budget", False),
])
def test_a_column_compared_with_another_year_holds_changes(header, is_change):
    assert bool(CHANGE_HEADER.search(header)) == is_change


def test_changes_against_the_year_before_in_a_table_of_years_in_descending_order(nlp, catalogue):
    text = ("# Verksamhet 2031\n\n"
            "| Mått | 2031 | 2030 | 2029 | Jämfört med föregående år |\n"
            "|:--|--:|--:|--:|--:|\n"
            "| Omställningsmöten, antal | 2 510 | 2 300 | 2 410 | +210 |\n"
            "| Kontaktmöten, antal | 3 120 | 3 260 | 3 050 | −140 |\n\n"
            "*Tabell 2.1 Möten 2029–2031*\n")
    _, facts = facts_of(nlp, catalogue, text)
    got = {f.printed: (f.value, f.period, dict(f.breakdown).get("forandring")) for f in facts}
    assert got["+210"] == (210.0, "2030-2031", "ökning")
    assert got["−140"] == (140.0, "2030-2031", "minskning")


def test_the_caption_names_whose_money_an_anslag_both_agencies_draw_on_is(nlp, catalogue):
    text = ("# Årsredovisning 2031\n\n"
            "| Belopp i tkr | 2031 | 2030 |\n"
            "|:--|--:|--:|\n"
            "| Tilldelade medel | 352 000 | 344 000 |\n"
            "| Förbrukade medel | 349 100 | 336 900 |\n\n"
            "*Tabell 5.3 Arbetsförmedlingens medel från anslaget 1:6 Bidrag till förstärkt samarbete 2030–2031 (tkr)*\n")
    _, facts = facts_of(nlp, catalogue, text)
    by_value = {f.printed: dict(f.breakdown) for f in facts}
    assert by_value["352 000"].get("myndighet") == "Arbetsförmedlingen"
    assert by_value["349 100"].get("myndighet") == "Arbetsförmedlingen"


def test_an_anslag_named_after_an_agency_says_whose_it_is():
    assert names_agency("Arbetsförmedlingens förvaltningskostnader")
    assert not names_agency("Bidrag till förstärkt samarbete")


def test_an_unnumbered_html_caption_is_the_tables_caption(nlp, catalogue):
    page = ("<html><body>\n<h1>Få får möte när sjukpenningen tar slut</h1>\n<p>Länets kommuner skiljer sig åt.</p>\n"
            "<table>\n<caption>Så ser det ut i länet</caption>\n"
            "<tr><th>Kommun</th><th>Kartläggningar 2031</th></tr>\n"
            "<tr><td>Norrby</td><td>398</td></tr>\n<tr><td>Ekeså</td><td>311</td></tr>\n</table>\n</body></html>\n")
    doc = read_text(Path("sida.html"), "sida", DocumentMetadata(reporting_year=2031), "0", text=page)
    assert [t.caption for t in doc.tables] == ["Så ser det ut i länet"]
    facts = extract_facts(doc, nlp, catalogue)
    got = {f.printed: dict(f.breakdown) for f in facts if f.kind == "table"}
    assert got["398"] == {"grupp": "Norrby"}  # not the headline's förmån


@pytest.mark.parametrize("line,unit", [
    ("Tusental kronor (tkr)", "Tusental kronor"), ("Procent", "Procent"), ("Belopp i tkr", "Belopp i tkr"),
    ("Kronor, 2031 års priser", "Kronor"), ("Antal personer respektive procent", ""), ("Kvinnor", ""),
    ("Kostnader 2031 (mnkr)", ""),
])
def test_one_rule_says_a_line_only_names_a_unit(line, unit):
    from ingest.pdf_tables import unit_line
    from ingest.text_tab_rows import is_unit_line
    from nlp.sv.units import unit_line_of
    assert unit_line_of(line) == unit
    assert is_unit_line(line) == bool(unit)
    assert unit_line(line) is None or unit  # the PDF reader's narrow rule (table regions) names no unit the shared one denies
