"""Measures of people an event picks out ("inskrivna hos Arbetsförmedlingen 90 dagar efter avslag"),
in two documents written for these tests: a labour-market statistics page that never names the event,
whose unemployment figures are no such measure, and a follow-up of people whose sjukpenning stopped,
whose figures are."""
from __future__ import annotations

from pathlib import Path

import pytest

from ingest.records import DocumentMetadata
from ingest.text_reader import read_text
from nlp.extract import extract_facts
from nlp.population import document_text, names_population

STATISTICS = """Arbetsmarknaden i siffror, tredje kvartalet 2031

Under tredje kvartalet var i genomsnitt 318 400 personer inskrivna som arbetslösa hos Arbetsförmedlingen.
Av de inskrivna arbetslösa hade 41 procent varit utan arbete i tolv månader eller mer.

Tabell 1 Inskrivna arbetslösa per kvartal
Indikator\tKv1 2031\tKv2 2031\tKv3 2031
Inskrivna arbetslösa\t331 200\t325 900\t318 400
Andel öppet arbetslösa, procent\t52,1\t51,4\t50,8
"""

FOLLOW_UP = """Uppföljning 2031

1 Efter avslaget

Uppföljningen gäller dem som fick avslag på fortsatt sjukpenning vid dag 180 under 2031.
Efter 90 dagar var 5 210 personer inskrivna hos Arbetsförmedlingen, 53 procent av gruppen.
Av de inskrivna var 2 480 öppet arbetslösa.
"""


def _facts(nlp, catalogue, text: str, name: str):
    doc = read_text(Path(f"{name}.txt"), name, DocumentMetadata(reporting_year=2031), "0", text=text)
    return doc, extract_facts(doc, nlp, catalogue)


@pytest.fixture(scope="module")
def statistics(nlp, catalogue):
    return _facts(nlp, catalogue, STATISTICS, "statistik")


@pytest.fixture(scope="module")
def follow_up(nlp, catalogue):
    return _facts(nlp, catalogue, FOLLOW_UP, "uppfoljning")


def test_figures_of_all_unemployed_are_no_measure_of_people_after_avslag(statistics):
    _, facts = statistics
    unemployed = [f for f in facts if f.printed.startswith(("318 400", "331 200", "52,1", "41"))]
    assert len(unemployed) >= 4
    assert all(f.measure == "unclassified" for f in unemployed), [(f.printed, f.measure) for f in unemployed]
    assert all(f.measure_candidate for f in unemployed)  # linkable under `measures --unclassified`


def test_a_document_that_names_the_event_once_keeps_its_measures(follow_up):
    doc, facts = follow_up
    by_printed = {f.printed: f for f in facts}
    assert by_printed["5 210"].measure == "inskrivna_efter_avslag_antal"
    assert by_printed["2 480"].measure == "oppet_arbetslosa_inskrivna_antal"


def test_the_event_in_any_form_or_compound(catalogue, follow_up, statistics):
    measure = next(m for m in catalogue if m.key == "inskrivna_efter_avslag_andel")
    assert names_population(measure, document_text(follow_up[0]))
    assert names_population(measure, "vars sjukpenning drogs in vid dag 180")
    assert not names_population(measure, document_text(statistics[0]))
    assert names_population(measure, "de flesta avslagsbesluten gällde")
    assert names_population(measure, "när ersättningen upphörde")
    assert names_population(measure, "fick sin sjukpenning indragen")
