"""How a question's wording is read (issue 13): money units, a number's own unit.

The wordings here are made up and in no benchmark question file: each test says what a mechanism
does, not that one question works.
"""
from __future__ import annotations

import pytest

from api.answer.ask import Asker
from api.answer.interpret import Interpreter
from api.kb import load_search_index, open_readonly


# -- units --------------------------------------------------------------------------------------

@pytest.mark.parametrize("query", [
    "hur många mnkr gick till utbildningen", "vad kostade kursen i tkr", "hur många mdkr", "hur många miljoner kronor",
    "budgeten i mkr", "hur många tusen kronor",
])
def test_every_word_the_reports_print_money_in_asks_for_kronor(query):
    """The money words of the extraction's unit list (nlp.sv.units.UNITS) are cues: "hur många mnkr" is money, not a count."""
    assert Interpreter.read_unit_cue(query) == "kronor"


@pytest.mark.parametrize("query, asks_for", [
    ("antal anmälda 30 dagar efter beslutet", "antal"),  # a condition, not the unit asked for
    ("hur många fick mer än tio procent", "antal"),
    ("andel som väntat 14 dagar", "procent"),
    ("hur många dagar väntade de", "dagar"),  # no number: the unit asked for
])
def test_a_unit_after_a_number_is_a_quantity_the_question_names(query, asks_for):
    assert Interpreter.read_unit_cue(query) == asks_for


# -- on the corpus, in wordings of no question file ----------------------------------------------

@pytest.fixture(scope="module")
def built_asker(built_db):
    conn = open_readonly(built_db)
    index, _ = load_search_index(conn)
    return Asker(conn, index)


def test_money_in_mnkr_asked_with_a_verb_of_receiving(built_asker):
    answer = built_asker.ask("hur många mnkr fick Arbetsförmedlingen för förvaltningen 2019")
    assert answer.interpretation.measure == "tilldelade_medel_kronor"
    assert {(a["doc"], a["value"]) for a in answer.answers} == {("af-fk-2019", 375_600_000)}
