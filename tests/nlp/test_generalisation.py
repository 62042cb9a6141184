"""General rules that carry extraction to wordings the corpus does not use: (text, expected) cases
written in new words, one per rule (table headers that decide, varav rows, negation, counted
nouns, gapping, changes, restated shares). No figure here comes from a report."""
from __future__ import annotations

import pytest

from ingest.records import Block, Document, DocumentMetadata, Table
from ingest.text_tables import GridCell, cells_from_grid
from nlp.prose import extract_prose_facts
from nlp.tables import extract_table_facts


def table(rows, caption, unit_note="", line=20) -> Table:
    grid = [[GridCell(text=c, line=line + i) for c in row] for i, row in enumerate(rows)]
    return Table(id="t:t0", doc="t", index=0, number=1, caption=caption, cells=cells_from_grid("t:t0", grid),
                 unit_note=unit_note, section=("Tabeller",), line_start=line, line_end=line + len(rows) - 1)


def document(*tables, blocks=(), year=2030) -> Document:
    return Document(id="t", source_file="t.txt", content_hash="x", format="text",
                    metadata=DocumentMetadata(reporting_year=year), blocks=tuple(blocks), tables=tuple(tables))


def table_facts(matcher, doc):
    return [(f.printed, f.value, f.unit, f.period, f.measure, dict(f.breakdown)) for f in extract_table_facts(doc, matcher)]


def prose_facts(nlp, matcher, text, year, section):
    block = Block(id="t:b0", doc="t", order=0, kind="paragraph", section=section, text=text, line_start=10, line_end=10)
    doc = Document(id="t", source_file="t.txt", content_hash="x", format="text",
                   metadata=DocumentMetadata(reporting_year=year), blocks=(block,))
    return [(f.printed, f.value, f.period, f.measure, dict(f.breakdown)) for f in extract_prose_facts(doc, nlp, matcher)]


def measures(nlp, matcher, text, year=2030, section=("1. Resultat",)):
    return [(f[0], f[2], f[3], f[4]) for f in prose_facts(nlp, matcher, text, year=year, section=section)]


# --- tables ----------------------------------------------------------------------------------

def test_unit_note_in_the_corner_cell(matcher):
    t = table([["Belopp i mnkr", "Tilldelat", "Förbrukat"], ["Försäkringskassan, förvaltning", "12,5", "11,25"]],
              "Tabell 3 Tilldelade och förbrukade medel 2030")
    got = table_facts(matcher, document(t, year=2030))
    assert [(v, u, m) for _, v, u, _, m, _ in got] == [
        (12_500_000.0, "kronor", "tilldelade_medel_kronor"), (11_250_000.0, "kronor", "forbrukade_medel_kronor")]


def test_varav_row_takes_the_measure_and_groups_of_the_row_above(matcher):
    t = table([["", "2029", "2030"], ["Gemensamma kartläggningar", "100", "120"], ["varav kvinnor", "60", "70"]],
              "Tabell 1 Samverkan 2029–2030")
    got = table_facts(matcher, document(t, year=2030))
    assert got[2][4:] == ("gemensamma_kartlaggningar_antal", {"kon": "kvinnor"})


def test_varav_row_keeps_the_myndighet_of_its_parent(matcher):
    t = table([["Post", "Förbrukat"], ["Arbetsförmedlingen, insatser och aktivitetsstöd", "500"], ["Varav aktivitetsstöd", "300"]],
              "Tabell 4 Förbrukade medel 2030", unit_note="Belopp i tkr")
    got = table_facts(matcher, document(t, year=2030))
    assert got[0][5] == {"myndighet": "Arbetsförmedlingen", "post": "rehabiliteringsinsatser och aktivitetsstöd"}
    assert got[1][5] == {"myndighet": "Arbetsförmedlingen", "post": "aktivitetsstöd"}


@pytest.mark.parametrize("header, expected", [
    ("Avslutade", "avslutade_rehabiliteringsinsatser_antal"),
    ("Varav arbetsförmåga", "arbetsformaga_antal"),
])
def test_column_header_decides_over_a_caption_naming_several_measures(matcher, header, expected):
    t = table([["", header], ["2030", "40"]], "Tabell 1 Gemensamma kartläggningar och resultat efter avslutad rehabiliteringsinsats")
    assert table_facts(matcher, document(t, year=2030))[0][4] == expected


def test_generic_header_does_not_override_the_caption(matcher):
    t = table([["", "Andel kvinnor"], ["2030", "9,5%"]], "Tabell 7 Andel som haft omställningsmöte av alla som fått avslag på sjukpenning")
    assert table_facts(matcher, document(t, year=2030))[0][4] == "omstallningsmoten_andel"


def test_negated_header_is_the_nej_count(matcher):
    t = table([["", "2030"], ["Haft omställningsmöte (Ja)", "50"], ["Inte haft möte (Nej)", "400"]],
              "Tabell 2 Omställningsmöten och kontaktmöten, sjukpenning")
    got = [m for *_, m, _ in table_facts(matcher, document(t, year=2030))]
    assert got == ["omstallningsmoten_antal", "avslag_utan_omstallningsmote_antal"]


def test_group_word_in_a_header_is_no_measure_cue(matcher):
    t = table([["", "Aktivitetsersättning"], ["2030", "900"]], "Tabell 3 Antal individer i rehabiliteringsinsats per månad i genomsnitt")
    assert table_facts(matcher, document(t, year=2030))[0][4:] == (
        "rehabiliteringsinsats_pagaende_antal", {"forman": "aktivitetsersättning"})


# --- prose -----------------------------------------------------------------------------------

def test_ar_before_a_year_is_the_period_not_a_unit(nlp, matcher):
    got = measures(nlp, matcher, "I genomsnitt deltog 700 personer i insats per månad (650 år 2029), en ökning med 50 personer.")
    assert got == [
        ("700", "2030", "rehabiliteringsinsats_pagaende_antal", {}),
        ("650", "2029", "rehabiliteringsinsats_pagaende_antal", {}),
        ("50", "2029-2030", "rehabiliteringsinsats_pagaende_antal", {"forandring": "ökning"}),
    ]


def test_both_ends_of_a_change_share_the_measure(nlp, matcher):
    got = measures(nlp, matcher, "Andelen som deltog vid omställningsmöte ökade från 8,5 procent 2029 till 9,5 procent 2030.")
    assert [g[2] for g in got] == ["omstallningsmoten_andel", "omstallningsmoten_andel"]


def test_change_figure_claims_no_words_from_the_level(nlp, matcher):
    got = measures(nlp, matcher, "Andelen som påbörjade insats minskade med fyra procentenheter till 60 procent.")
    assert [g[2] for g in got] == ["paborjar_rehabiliteringsinsats_andel", "paborjar_rehabiliteringsinsats_andel"]


def test_bare_head_noun_means_the_compound_before_it(nlp, matcher):
    got = measures(nlp, matcher, "Antalet kontaktmöten minskade med 20 möten till 200 (220 möten 2029).",
                   section=("2. Möten för omställning",))
    assert [g[2] for g in got] == ["kontaktmoten_antal"] * 3


def test_counted_noun_outranks_a_relative_clause(nlp, matcher):
    got = measures(nlp, matcher, "Med personer som fått avslag på ansökan om sjukersättning hölls 90 möten.",
                   section=("2. Möten för omställning",))
    assert got == [("90", "2030", "omstallningsmoten_antal", {"forman": "sjukersättning"})]


def test_own_clause_outranks_the_heading(nlp, matcher):
    got = measures(nlp, matcher, "Anslaget uppgick till 800 mnkr.", section=("4. Förbrukning av medel",))
    assert got[0][2] == "anslag_kronor"


def test_gapped_clause_takes_the_measure_of_the_one_before(nlp, matcher):
    got = measures(nlp, matcher, "Försäkringskassan lämnade tillbaka 2 mnkr och Arbetsförmedlingen drygt 9 mnkr.",
                   section=("4. Förbrukning av medel",))
    assert [(g[2], g[3]) for g in got] == [
        ("differens_medel_kronor", {"myndighet": "Försäkringskassan"}),
        ("differens_medel_kronor", {"myndighet": "Arbetsförmedlingen"}),
    ]


def test_share_restating_a_count_is_the_share_of_that_count(nlp, matcher):
    got = measures(nlp, matcher, "Av de 900 individer som avslutade rehabiliteringsinsatser hade 450 utvecklat eller "
                                 "återfått sin arbetsförmåga, vilket motsvarar 50 procent.")
    assert got[-1][2] == "arbetsformaga_andel"


def test_compared_figure_claims_no_words(nlp, matcher):
    got = measures(nlp, matcher, "Hälften av dem som avslutade insats lämnade sjukförsäkringen för att de utvecklat eller "
                                 "återfått arbetsförmåga, en ökning jämfört med 45 procent 2029.")
    assert got[0][2] == "arbetsformaga_andel"


@pytest.mark.parametrize("text, expected", [
    ("Under 2030 hölls 9 800 omställningsmöten, jämfört med 10 200 året innan.", ["2030", "2029"]),
    ("Under 2030 genomfördes 500 gemensamma kartläggningar mot 480 året före.", ["2030", "2029"]),
    ("Antalet gemensamma kartläggningar ökade till 530 (505 föregående år).", ["2030", "2029"]),
])
def test_the_year_before_is_the_period_of_a_compared_figure(nlp, matcher, text, expected):
    assert [g[1] for g in measures(nlp, matcher, text)] == expected


@pytest.mark.parametrize("text", [
    "Under 2030 genomfördes 120 gemensamma kartläggningar, 17 färre än året innan.",
    "Antalet gemensamma kartläggningar var 500, vilket är 30 fler än föregående år.",
])
def test_fewer_than_the_year_before_is_a_change(nlp, matcher, text):
    assert measures(nlp, matcher, text)[1][1] == "2029-2030"


@pytest.mark.parametrize("text", [
    "Andelen som påbörjade insats förbättrades med två procentenheter.",
    "Andelen som påbörjade insats försämrades med 3 procentenheter.",
    "Andelen som påbörjade insats steg med 2 procentenheter.",
    "Andelen som påbörjade insats sjönk med 1 procentenhet.",
])
def test_better_worse_rose_fell_are_changes(nlp, matcher, text):
    assert measures(nlp, matcher, text)[0][1:3] == ("2029-2030", "paborjar_rehabiliteringsinsats_andel")


@pytest.mark.parametrize("text", [
    "Andelen som deltog vid omställningsmöte var för första gången sedan 2024 över 20 procent.",
    "Under 2030 var andelen som deltog vid omställningsmöte den högsta sedan 2022, 21 procent.",
])
def test_a_record_since_a_year_keeps_the_sentences_own_year(nlp, matcher, text):
    assert measures(nlp, matcher, text)[0][1] == "2030"


@pytest.mark.parametrize("text, expected", [
    ("Bland dem som fick avslag på sjukpenning deltog 40 procent vid omställningsmöte och 30 procent påbörjade insats.",
     ["sjukpenning", "sjukpenning"]),
    ("För individer med aktivitetsersättning var andelen som deltog vid omställningsmöte 20 procent medan andelen "
     "med sjukersättning var 15 procent.", ["aktivitetsersättning", "sjukersättning"]),
    ("Något färre än hälften, 45 procent, av dem som fick avslag på sjukersättning deltog vid omställningsmöte.",
     ["sjukersättning", "sjukersättning"]),
])
def test_the_sentences_forman_reaches_every_figure(nlp, matcher, text, expected):
    assert [g[3].get("forman") for g in measures(nlp, matcher, text)] == expected
