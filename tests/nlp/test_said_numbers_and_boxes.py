"""Mechanisms from the seventh batch of blind reports (issue 21), each on a small text of its own: numbers said
in words ("sjuttioåtta procent", "sju tusen fyrahundra personer"), a timeline's "2006 – 49 förbund", the sentence
that introduces a table without a caption, an infobox of label | value rows, and note marks at the end of a label.

The texts are written for these tests, not taken from tests/data (the benchmark scores those)."""
from __future__ import annotations

from pathlib import Path

import pytest

from ingest.records import DocumentMetadata
from ingest.text_reader import read_text
from nlp.extract import extract_facts
from nlp.sv.captions import table_intro
from nlp.sv.numerals import parse_cardinal
from nlp.tables.headers import NOTE_MARK_AT_END


def facts_of(nlp, catalogue, text: str, year: int = 2030, name: str = "rapport.txt"):
    doc = read_text(Path(name), "rapport", DocumentMetadata(reporting_year=year), "0", text=text)
    return doc, extract_facts(doc, nlp, catalogue)


@pytest.mark.parametrize("words,expected", [
    ("sjuttioåtta procent", (78, 1, True)), ("tjugoen", (21, 1, True)), ("sjuhundra", (700, 1, True)),
    ("niohundrafemtio", (950, 1, True)), ("etthundratjugo", (120, 1, True)), ("femtusen personer", (5000, 1, True)),
    ("tre tusen sexhundra möten", (3600, 3, True)), ("fyrtiotre tusen", (43000, 2, True)),
    ("tolv tusen fyrahundra", (12400, 3, True)), ("tolv", (12, 1, False)), ("tre frågor", (3, 1, False)),
    ("hundra", (100, 1, False)), ("en", None), ("tusentals", None), ("trettiotal", None), ("tjugotrettiofem", None),
])
def test_a_cardinal_as_swedish_says_it(words, expected):
    assert parse_cardinal(words.split()) == expected


def test_numbers_said_in_words_are_figures(nlp, catalogue):
    text = ("Presskonferens 2030\n\n"
            "[00:01:40] GD: Sjuttiotre procent av dem som kartlades gick vidare till en insats.\n"
            "[00:02:10] GD: I genomsnitt hade vi ungefär sju tusen fyrahundra personer i insats varje månad.\n"
            "[00:02:50] GD: Det kostade drygt sexhundra miljoner kronor.\n"
            "[00:03:20] GD: Jag vill ta upp tre frågor. Reglerna gäller från dag nittioett.\n"
            "[00:03:40] GD: Målet för tvåtusentrettio är fyrtiotre tusen deltagare.\n")
    _, facts = facts_of(nlp, catalogue, text)
    got = {(f.line, f.printed): (f.value, f.unit, f.qualifier) for f in facts}
    assert got[(3, "Sjuttiotre procent")] == (73.0, "procent", "exact")
    assert got[(4, "sju tusen fyrahundra")][:2] == (7400.0, "antal")
    assert got[(4, "sju tusen fyrahundra")][2] == "approximate"
    assert got[(5, "sexhundra miljoner kronor")][:2] == (600e6, "kronor")
    assert not [f for f in facts if f.line == 6]  # three questions and a rule's day: no figures
    assert [f.value for f in facts if f.line == 7] == [43000.0]  # the year said in words is none


def test_a_timelines_year_dash_figure_is_two_numbers(nlp, catalogue):
    text = ("Historik\n\n"
            "- 2006 – 49 förbund med 142 kommuner\n"
            "- 2010 – 87 förbund med 188 kommuner\n")
    _, facts = facts_of(nlp, catalogue, text, year=2036, name="artikel.md")
    assert sorted((f.line, f.value, f.period) for f in facts) == [
        (3, 49.0, "2006"), (3, 142.0, "2006"), (4, 87.0, "2010"), (4, 188.0, "2010")]


@pytest.mark.parametrize("paragraph,intro", [
    ("Förbunden finns i hela landet. Tabellen visar förbunden per län 2035. Sju län redovisas separat.",
     "Tabellen visar förbunden per län 2035."),
    ("I tabellen nedan redovisas deltagarna 2035.", "I tabellen nedan redovisas deltagarna 2035."),
    ("Av tabellen framgår att antalet ökade.", "Av tabellen framgår att antalet ökade."),
    ("Förbunden finns i hela landet.", ""), ("Se tabell 3 för detaljer.", ""),
])
def test_the_sentence_that_introduces_a_table(paragraph, intro):
    assert table_intro(paragraph) == intro


def test_a_table_without_caption_takes_its_year_from_the_sentence_that_introduces_it(nlp, catalogue):
    text = ("# Finansiell samordning\n\n"
            "Tabellen visar förbunden per län 2035. Övriga län summeras.\n\n"
            "| Län | Förbund | Medlemskommuner |\n"
            "|---|---:|---:|\n"
            "| Stockholms län | 8 | 24 |\n"
            "| Skåne län | 9 | 30 |\n")
    doc, facts = facts_of(nlp, catalogue, text, year=2036, name="artikel.md")
    (table,) = doc.tables
    assert table.caption == "Tabellen visar förbunden per län 2035."
    assert {f.period for f in facts if f.kind == "table"} == {"2035"}


def test_an_infobox_is_label_value_rows_under_its_title(nlp, catalogue):
    text = ("# Finsam\n\n"
            "| **Finansiell samordning** | |\n"
            "|---|---|\n"
            "| Förkortning | Finsam |\n"
            "| Typ | Frivillig samverkan |\n"
            "| Införd | 2004 |\n"
            "| Medlemskommuner (2035) | 262 |\n"
            "| Deltagare (2035) | cirka 43 000 |\n")
    doc, facts = facts_of(nlp, catalogue, text, year=2036, name="artikel.md")
    (table,) = doc.tables
    assert table.header_rows == 1
    cells = {f.value: f for f in facts if f.kind == "table"}
    assert cells[262.0].period == "2035" and "grupp" not in dict(cells[262.0].breakdown)
    assert cells[43000.0].qualifier == "approximate" and "grupp" not in dict(cells[43000.0].breakdown)


@pytest.mark.parametrize("label,stripped", [
    ("Övriga 1)", "Övriga"), ("Deltagare[^2]", "Deltagare"), ("Avslutade²", "Avslutade"),
    ("Antal förbund (2035)", "Antal förbund (2035)"), ("Utfall (3)", "Utfall (3)"),
])
def test_a_note_mark_at_the_end_of_a_label(label, stripped):
    assert NOTE_MARK_AT_END.sub("", label).strip() == stripped


def test_a_year_a_sentence_speaks_of_is_the_paragraphs_year(nlp, catalogue):
    text = ("Nyhetsbrev 2036\n\n"
            "Hej! 2035 blev ett rekordår för förbundet. 412 personer deltog i våra insatser.\n")
    _, facts = facts_of(nlp, catalogue, text, year=2036)
    (f,) = [f for f in facts if f.printed == "412"]
    assert f.period == "2035"


def test_a_column_of_more_or_fewer_than_a_year_is_a_change_against_it(nlp, catalogue):
    text = ("Rapport 2035\n\n"
            "Tabell 1. Deltagare per insats 2035\n"
            "Insats\tDeltagare\tFler deltagare än 2034\tFärre avbrott än 2034\n"
            "Steg till arbete\t164\t21\t4\n")
    _, facts = facts_of(nlp, catalogue, text, year=2035)
    got = {f.value: (f.period, dict(f.breakdown).get("forandring")) for f in facts if f.kind == "table"}
    assert got[164.0] == ("2035", None)
    assert got[21.0] == ("2034-2035", "ökning")
    assert got[4.0] == ("2034-2035", "minskning")


def test_a_newsletter_set_in_layout_tables_is_read_as_paragraphs_and_its_data_tables_stay(nlp, catalogue):
    page = "\n".join([
        "<html><body>",
        '<table role="presentation" width="640"><tr><td>',
        "<h1>Nyhetsbrev 2030</h1>",
        "<p>Under 2030 deltog 412 personer i våra insatser.</p>",
        "<p>Av dem var 57 procent kvinnor.</p>",
        '<table role="presentation"><tr><td>Deltagare 2030</td><td>412</td></tr>',
        "<tr><td>Avslutade 2030</td><td>305</td></tr></table>",
        "</td></tr></table>",
        "</body></html>"])
    doc, facts = facts_of(nlp, catalogue, page, name="brev.html")
    assert [b.text for b in doc.blocks if b.kind == "paragraph"][:2] == [
        "Under 2030 deltog 412 personer i våra insatser.", "Av dem var 57 procent kvinnor."]
    (box,) = doc.tables  # the label | value box is data; the table around the page is none
    assert [r[1] for r in box.rows] == ["412", "305"]
    assert {(f.line, f.value) for f in facts} >= {(4, 412.0), (5, 57.0), (6, 412.0), (7, 305.0)}
