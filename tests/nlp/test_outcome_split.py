"""Where people went on to (sysselsättning) as a group of a figure no catalogue measure claims, in
sentences and a table written for these tests: a split names two or more outcomes ("161 till arbete och
58 till studier", rows "I arbete utan stöd" / "Anställning med stöd" / "Studier"); one outcome named, or
two joined by "eller", is what the figure counts, not a group of it."""
from __future__ import annotations

from pathlib import Path

import pytest

from ingest.records import DocumentMetadata
from ingest.text_reader import read_text
from nlp.extract import extract_facts
from nlp.sv.breakdowns import find_group_values, split_outcomes

REPORT = """Verksamhetsberättelse 2031

1 Resultat

Under året avslutade 318 deltagare en insats i projektet Nästa steg. Av dem gick 122 till arbete och 47 till studier.
Av de 318 deltagarna gick 169 till arbete eller studier, 53 procent.
Andelen som gick till arbete var 38 procent.

Tabell 1 Deltagare i projektet Nästa steg efter utfall, 2031
Utfall\tAntal\tAndel, %
I arbete utan stöd\t81\t25,5
Anställning med stöd\t41\t12,9
Studier\t47\t14,8
"""


@pytest.fixture(scope="module")
def facts(nlp, catalogue):
    doc = read_text(Path("vb.txt"), "vb", DocumentMetadata(reporting_year=2031), "0", text=REPORT)
    return {f.printed: f for f in extract_facts(doc, nlp, catalogue)}


def test_a_split_in_a_sentence_gives_each_figure_its_outcome(facts):
    assert dict(facts["122"].breakdown).get("sysselsattning") == "i arbete"
    assert dict(facts["47"].breakdown).get("sysselsattning") == "reguljära studier"


def test_one_outcome_or_two_joined_by_eller_is_what_is_counted(facts):
    assert "sysselsattning" not in dict(facts["169"].breakdown)
    assert "sysselsattning" not in dict(facts["53 procent"].breakdown)
    assert "sysselsattning" not in dict(facts["38 procent"].breakdown)


def test_rows_that_split_by_outcome_are_outcomes(facts):
    assert dict(facts["81"].breakdown).get("sysselsattning") == "anställning osubventionerad"
    assert dict(facts["12,9"].breakdown).get("sysselsattning") == "anställning subventionerad"


def test_split_outcomes_and_coordination():
    assert split_outcomes(["Av dem gick 161 till arbete och 58 till studier"]) == {"i arbete", "reguljära studier"}
    assert split_outcomes(["gick 207 till arbete eller studier"]) == set()
    assert split_outcomes(["Andelen som återgått i arbete"]) == set()
    assert find_group_values("Andel till arbete eller studier, %") == []
