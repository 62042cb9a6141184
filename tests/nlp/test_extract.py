"""nlp/extract.py on the corpus and on a report we wrote ourselves (never tuned on).

tests/data/nlp-egen-aterrapport-2024.txt is written in the reports' style with new wording
and new numbers: years in the columns of a table, "belopp i mnkr", "0,62", qualifiers
("knappt", "cirka", "drygt"), numbers in words ("Hälften", "sju av tio").
"""
from __future__ import annotations

from pathlib import Path

import pytest

from ingest.reader import read_path
from nlp.extract import extract_facts, fact_id, parts
from nlp.prose import text_sources

DATA = Path(__file__).resolve().parent.parent / "data"
OWN = DATA / "nlp-egen-aterrapport-2024.txt"


@pytest.fixture(scope="module")
def own(nlp, catalogue):
    doc = read_path(OWN)
    return doc, extract_facts(doc, nlp, catalogue)


def line_of(path: Path, needle: str) -> int:
    for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            return i
    raise AssertionError(needle)


def row(f):
    return (f.printed, f.value, f.unit, f.qualifier, f.period, f.measure, dict(f.breakdown), f.kind)


# (text on the line, printed, value, unit, qualifier, period, measure, breakdown, kind)
OWN_FACTS = [
    ("9 412 gemensamma", "9 412", 9412.0, "antal", "exact", "2024", "gemensamma_kartlaggningar_antal", {}, "summary"),
    ("9 412 gemensamma", "8 991", 8991.0, "antal", "exact", "2023", "gemensamma_kartlaggningar_antal", {}, "summary"),
    ("Hälften av deltagarna", "Hälften", 50.0, "procent", "exact", "2024", "arbetsformaga_andel", {}, "summary"),
    ("Hälften av deltagarna", "52", 52.0, "procent", "exact", "2024", "arbetsformaga_andel", {"kon": "kvinnor"}, "summary"),
    ("Hälften av deltagarna", "47 procent", 47.0, "procent", "exact", "2024", "arbetsformaga_andel", {"kon": "män"}, "summary"),
    ("knappt 1 500", "1 500", 1500.0, "antal", "approximate", "2024", "omstallningsmoten_antal", {}, "summary"),
    ("knappt 1 500", "1 633", 1633.0, "antal", "exact", "2023", "omstallningsmoten_antal", {}, "summary"),
    ("drygt sju av tio", "sju av tio", 70.0, "procent", "approximate", "2024", "paborjar_rehabiliteringsinsats_andel", {}, "body"),
    ("drygt sju av tio", "64 procent", 64.0, "procent", "exact", "2024", "paborjar_rehabiliteringsinsats_andel",
     {"forman": "aktivitetsersättning"}, "body"),
    ("drygt sju av tio", "62 procent", 62.0, "procent", "exact", "2023", "paborjar_rehabiliteringsinsats_andel",
     {"forman": "aktivitetsersättning"}, "body"),
    ("402 dagar", "402 dagar", 402.0, "dagar", "exact", "2024", "tid_i_samverkan_dagar", {"kon": "kvinnor"}, "body"),
    ("402 dagar", "391 dagar", 391.0, "dagar", "exact", "2024", "tid_i_samverkan_dagar", {"kon": "män"}, "body"),
    ("301 möten", "301", 301.0, "antal", "exact", "2024", "omstallningsmoten_antal", {"forman": "sjukersättning"}, "body"),
    ("301 möten", "270", 270.0, "antal", "exact", "2023", "omstallningsmoten_antal", {"forman": "sjukersättning"}, "body"),
    ("301 möten", "57 procent", 57.0, "procent", "exact", "2024", "omstallningsmoten_kvinnor_andel", {"forman": "sjukersättning"}, "body"),
    ("0,62", "0,62", 0.62, "antal", "exact", "2024", "unclassified", {}, "body"),
    ("705 mnkr", "705 mnkr", 705e6, "kronor", "exact", "2024", "anslag_kronor", {}, "body"),
    ("705 mnkr", "362 miljoner", 362e6, "kronor", "approximate", "2024", "forbrukade_medel_kronor", {"myndighet": "Arbetsförmedlingen"}, "body"),
    ("Försäkringskassan\t261,0", "261,0", 261e6, "kronor", "exact", "2023", "forbrukade_medel_kronor", {"myndighet": "Försäkringskassan"}, "table"),
    ("Försäkringskassan\t261,0", "266,5", 266.5e6, "kronor", "exact", "2024", "forbrukade_medel_kronor", {"myndighet": "Försäkringskassan"}, "table"),
    ("Totalt\t637,0", "628,9", 628.9e6, "kronor", "exact", "2024", "forbrukade_medel_kronor", {}, "table"),
    ("2024\t75%", "65%", 65.0, "procent", "exact", "2024", "paborjar_rehabiliteringsinsats_andel",
     {"forman": "aktivitetsersättning", "kon": "kvinnor"}, "table"),
]


@pytest.mark.parametrize("needle,printed,value,unit,qualifier,period,measure,breakdown,kind", OWN_FACTS)
def test_own_report(own, needle, printed, value, unit, qualifier, period, measure, breakdown, kind):
    _, facts = own
    line = line_of(OWN, needle)
    on_line = [row(f) for f in facts if f.line == line]
    assert (printed, value, unit, qualifier, period, measure, breakdown, kind) in on_line


def test_own_report_non_facts(own):
    _, facts = own
    for needle in ("Datum: 2025-04-11", "Återrapportering enligt regleringsbrevet för 2024", "Möten för omställning räknas"):
        assert not [f for f in facts if f.line == line_of(OWN, needle)], needle


def test_ids_are_stable_and_unique(own, nlp, catalogue):
    doc, facts = own
    assert len({f.id for f in facts}) == len(facts)
    again = extract_facts(doc, nlp, catalogue)
    assert [f.id for f in again] == [f.id for f in facts]
    assert fact_id("d", "p", "m", "2019", ()) == fact_id("d", "p", "m", "2019", ())
    assert fact_id("d", "p", "m", "2019", ()) != fact_id("d", "p", "m", "2018", ())


def test_progress_counts_every_passage_and_table(own, nlp, catalogue):
    """A long report shows how far extraction has come: one step per text passage and per table,
    numbered up to the total parts() gives, and the facts are the same as without progress."""
    doc, facts = own
    steps = []
    again = extract_facts(doc, nlp, catalogue, on_progress=lambda done, total: steps.append((done, total)))
    total = parts(doc)
    assert total == len(text_sources(doc)) + len(doc.tables) > len(doc.tables) > 0
    assert steps == [(k, total) for k in range(1, total + 1)]
    assert again == facts


def test_provenance(own):
    doc, facts = own
    for f in facts:
        assert f.doc == doc.id and f.source_file == OWN.name
        assert (f.block is None) != (f.cell is None)
        assert f.quote and f.printed
        assert f.line is not None
    table_fact = next(f for f in facts if f.printed == "266,5")
    assert table_fact.quote == "Tabell 1: Förbrukning av medel, belopp i mnkr | Försäkringskassan | 2024: 266,5"
    assert table_fact.section == "2. Förbrukning av medel"


# --- the corpus ----------------------------------------------------------------------------

def find(facts, line, value):
    return [f for f in facts if f.line == line and f.value == value]


@pytest.mark.parametrize("doc,line,value,period,measure,breakdown", [
    ("af-fk-2019", 65, 8662, "2019", "gemensamma_kartlaggningar_antal", ()),
    ("af-fk-2019", 65, 8638, "2018", "gemensamma_kartlaggningar_antal", ()),
    ("af-fk-2019", 67, 56, "2019", "arbetsformaga_andel", (("kon", "män"),)),
    ("af-fk-2019", 112, 375.6e6, "2019", "tilldelade_medel_kronor", (("myndighet", "Arbetsförmedlingen"), ("post", "förvaltning"))),
    ("af-fk-2019", 128, 345_400_000, "2019", "forbrukade_medel_kronor", (("myndighet", "Arbetsförmedlingen"), ("post", "förvaltning"))),
    ("af-fk-2022", 290, 166, "2021", "omstallningsmoten_antal", (("forman", "aktivitetsersättning"),)),
    ("af-fk-2022", 545, 9.7, "2012", "omstallningsmoten_andel", (("forman", "sjukpenning"),)),
    ("af-fk-2022", 384, 394_000_000, "2022", "tilldelade_medel_kronor",
     (("myndighet", "Arbetsförmedlingen"), ("post", "förvaltning"))),
    ("af-fk-2022", 385, -5_000_000, "2022", "differens_medel_kronor",
     (("myndighet", "Arbetsförmedlingen"), ("post", "rehabiliteringsinsatser och aktivitetsstöd"))),
    ("sou-underlag-2011", 357, 11647, "2008", "handlingsplan_nya_deltagare_antal", ()),
])
def test_corpus_facts(corpus_facts, doc, line, value, period, measure, breakdown):
    found = find(corpus_facts[doc], line, value)
    assert any((f.period, f.measure, f.breakdown) == (period, measure, breakdown) for f in found), \
        [(f.period, f.measure, f.breakdown) for f in found]


@pytest.mark.parametrize("doc,line", [
    ("af-fk-2019", 9),    # diarienummer
    ("af-fk-2019", 187),  # "Sedan den 15 maj 2019"
    ("af-fk-2019", 175),  # "Socialförsäkringsbalk (2010:110)"
    ("af-fk-2022", 6),    # diarienummer
    ("fk-ru-2021", 15),   # "S2018/00529/SF (delvis)"
])
def test_corpus_non_fact_lines(corpus_facts, doc, line):
    assert not [f for f in corpus_facts[doc] if f.line == line]


def test_every_table_cell_is_a_fact(corpus_docs, corpus_facts):
    doc = corpus_docs["af-fk-2022"]
    numeric = [c for t in doc.tables for c in t.cells if not c.is_header and c.text.strip()]
    from_tables = [f for f in corpus_facts["af-fk-2022"] if f.kind == "table"]
    assert len(from_tables) == len(numeric)


def test_no_duplicates(corpus_facts):
    for facts in corpus_facts.values():
        keys = [(f.block or f.cell, f.line, f.offset, f.printed, f.value, f.measure, f.period, f.breakdown, f.qualifier) for f in facts]
        assert len(keys) == len(set(keys))


def test_a_value_printed_twice_on_a_line_is_two_facts(corpus_facts):
    # af-fk-2019 line 65: "... 8 662 gemensamma kartläggningar ... Av dessa 8 662 ..."
    twice = [f for f in corpus_facts["af-fk-2019"] if f.line == 65 and f.printed == "8 662"]
    assert len(twice) == 2 and twice[0].offset != twice[1].offset
