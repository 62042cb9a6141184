"""Units of figures in public-sector prose: rates per person, changes in parentheses, counts in millions,
factors and halves in words, shares printed as fractions, key-figure lists under a heading. Sentences made up for these tests."""
from __future__ import annotations

from pathlib import Path

import pytest

from ingest.records import DocumentMetadata
from ingest.text_reader import read_text
from nlp.extract import extract_facts
from nlp.sv.captions import cites_table, is_label_value
from nlp.sv.units import unit_note_scale, unit_phrase


def _quantities(nlp, text: str):
    doc = nlp(text)
    return [(s.text, s._.quantity.unit, s._.quantity.value) for s in doc.spans["quantities"]]


@pytest.mark.parametrize("sentence, expected", [
    # a rate per person is a result; hours or days per week are a rule
    ("Ohälsotalet sjönk till 23,4 dagar per invånare under 2029.", [("23,4 dagar", "dagar", 23.4)]),
    ("Deltagaren ska vara aktiv minst 10 timmar per vecka.", []),
    # a bare signed figure in parentheses after a figure is its change, in its unit
    ("Kalmar län: 11,2 dagar (+0,4)", [("11,2 dagar", "dagar", 11.2), ("+0,4", "dagar", 0.4)]),
    ("Andelen var 61 procent (−2)", [("61 procent", "procent", 61.0), ("−2", "procentenheter", -2.0)]),
    # "miljoner" with no currency: what the sentence counts
    ("Antalet utbetalda ersättningsdagar steg från 31,5 miljoner till 33,0 miljoner.",
     [("31,5 miljoner", "dagar", 31.5e6), ("33,0 miljoner", "dagar", 33.0e6)]),
    ("Antalet besök på webbplatsen var 4,2 miljoner.", [("4,2 miljoner", "antal", 4.2e6)]),
    ("Antalet platser byggs ut och kostar 65 miljoner.", [("65 miljoner", "kronor", 65e6)]),
    # factors and halves in words
    ("Väntetiden var i fjol halvannan månad.", [("halvannan månad", "månader", 1.5)]),
    ("Handläggningen tog tre och en halv vecka.", [("tre och en halv vecka", "veckor", 3.5)]),
    ("Ansökningarna var hälften så många som året innan.", [("hälften så många", "gånger", 0.5)]),
    ("Män söker vård nästan dubbelt så ofta som kvinnor.", [("dubbelt så ofta", "gånger", 2.0)]),
    ("Hälften av de sökande fick bifall.", [("Hälften", "procent", 50.0)]),
    # a share printed as a fraction in a sentence about a share; the difference of two such shares
    ("Andelen med beslut inom 30 dagar låg mellan 0,61 och 0,77 i länen.",
     [("0,61", "procent", 61.0), ("0,77", "procent", 77.0)]),
    ("I den yngsta gruppen är andelen 0,12 högre än i den äldsta.", [("0,12", "procentenheter", 12.0)]),
    ("Koefficienten för utbildning var 0,42 i modellen.", [("0,42", "antal", 0.42)]),
])
def test_units_of_public_sector_figures(nlp, sentence, expected):
    assert _quantities(nlp, sentence) == expected


def test_a_unit_with_its_base_after_a_comma_is_a_unit_note():
    assert unit_note_scale(unit_phrase("Ohälsotalet de senaste sex månaderna, dagar per invånare")) == ("dagar", 1.0)


def test_an_ordinal_period_is_a_label():
    assert is_label_value("2:a kvartalet 2029: 8,8")
    assert is_label_value("4:e tertialet: 112")
    assert not is_label_value("10:30: möte")


def test_key_figures_under_a_heading_take_its_unit(nlp, catalogue):
    text = ("Ohälsotalet i länet\n\nOhälsotalet stiger igen.\n\n"
            "Ohälsotalet per halvår, dagar per invånare\n1:a halvåret 2029: 22,1\n2:a halvåret 2029: 22,6\n")
    doc = read_text(Path("o.txt"), "o", DocumentMetadata(reporting_year=2029), "0", text=text)
    facts = [f for f in extract_facts(doc, nlp, catalogue) if f.printed in ("22,1", "22,6")]
    assert [(f.printed, f.unit) for f in facts] == [("22,1", "dagar"), ("22,6", "dagar")]


def test_a_catalogue_count_splits_by_age_group(nlp, catalogue):
    # a count whose catalogue measure lists no age groups still takes the one its sentence names
    text = "I åldersgruppen 25–29 år var 12 300 personer inskrivna som arbetslösa i slutet av maj.\n"
    doc = read_text(Path("a.txt"), "a", DocumentMetadata(reporting_year=2031), "0", text=text)
    (fact,) = [f for f in extract_facts(doc, nlp, catalogue) if f.printed == "12 300"]
    assert dict(fact.breakdown).get("alder") == "25-29"


def test_a_column_of_a_part_names_its_age_group(nlp, catalogue):
    # "Varav 16–24 år": the part of the row's total that is that age group
    text = ("Deltagare per kommun, maj 2031\n"
            "Kommun\tDeltagare\tVarav 16–24 år\n"
            "Alby\t1 240\t310\n"
            "Berga\t860\t205\n")
    doc = read_text(Path("t.txt"), "t", DocumentMetadata(reporting_year=2031), "0", text=text)
    facts = {f.printed: dict(f.breakdown) for f in extract_facts(doc, nlp, catalogue)}
    assert facts["310"].get("alder") == "16-24" and facts["205"].get("alder") == "16-24"
    assert "alder" not in facts["1 240"]


def test_a_caption_that_calls_its_figures_shares_in_the_plural_makes_fractions_shares(nlp, catalogue):
    text = ("Rapport 2030\n\nTabell C2 Utfall efter insats och län, 2029. Andelar (0–1)\nUtfall\tNorr\tSyd\n"
            "I arbete\t0,44\t0,39\nI utbildning\t0,12\t0,18\nÖvrigt\t0,44\t0,43\n")
    doc = read_text(Path("t.txt"), "t", DocumentMetadata(reporting_year=2030), "0", text=text)
    got = {(f.printed, f.unit, f.value) for f in extract_facts(doc, nlp, catalogue) if f.line == 6}
    assert got == {("0,12", "procent", 12.0), ("0,18", "procent", 18.0)}


@pytest.mark.parametrize("label, text, cites", [
    ("2", "se tabell 2 i bilagan", True),
    ("2", "som tabellerna 1 och 2 visar.", True),
    ("2", "se tabell 21 i bilagan", False),  # another table whose label starts with the same digit
    ("3", "se tabell 3.2 nedan", False),
    ("3.2", "se tabell 3.2 nedan", True),
    ("B3", "(se tabell B3).", True),
])
def test_a_citation_names_the_whole_label(label, text, cites):
    assert bool(cites_table(label).search(text)) is cites
