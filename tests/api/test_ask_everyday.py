"""Everyday words read as the reports' words (issue 13): "plugga", "killar", "tacka nej", "pengarna".

The questions here are made up and in no benchmark question file: each checks the mechanism
(a word, its inflections and compounds meeting the catalogue's word), not one wording.
"""
from __future__ import annotations

import pytest

from api.answer.ask import Asker
from api.answer.ask_words import EVERYDAY_WORDS
from api.answer.query_words import QueryLexicon
from api.kb import load_search_index, open_readonly


@pytest.mark.parametrize("everyday, report", [
    ("pluggade", "studier"), ("jobbet", "arbete"), ("oanvända", "underutnyttjande"), ("köpte", "upphandlade"),
])
def test_an_everyday_word_and_its_inflections_meet_the_reports_word(everyday, report):
    lexicon = QueryLexicon(aliases=EVERYDAY_WORDS)
    assert lexicon.units(everyday).key == lexicon.key(report)


@pytest.mark.parametrize("word, parts", [
    ("rehabpengarna", ("rehabilitering", "medel")),  # both parts are everyday words
    ("kvinnoandelen", ("kvin", "andel")),  # a head that begins like "-ande" but is a word of its own
])
def test_an_everyday_word_is_read_inside_a_compound(word, parts):
    lexicon = QueryLexicon(["rehabilitering", "medel", "kvinnor", "andel"], aliases=EVERYDAY_WORDS)
    assert lexicon.units(word).parts == parts


@pytest.fixture(scope="module")
def built_asker(built_db):
    conn = open_readonly(built_db)
    index, _ = load_search_index(conn)
    return Asker(conn, index)


def test_everyday_words_for_groups_and_outcomes_narrow_the_answer(built_asker):
    """"killar" is kön män, "pluggade" the outcome reguljära studier: Tabell 2's one cell, not the whole row."""
    answer = built_asker.ask("killar med aktivitetsersättning som pluggade efter insatsen 2022")
    assert answer.interpretation.measure == "sysselsattning_efter_avslut_andel"
    assert dict(answer.interpretation.breakdown) == {
        "kon": "män", "forman": "aktivitetsersättning", "sysselsattning": "reguljära studier"}
    assert [(a["doc"], a["value"]) for a in answer.answers] == [("af-fk-2022", 16)]


def test_an_everyday_phrase_is_read_as_one_word(built_asker):
    """"tackade nej" is "avböjde", not a negation: the share who declined, not a measure of those without."""
    answer = built_asker.ask("andel som tackade nej till kontaktmötet 2010")
    assert answer.interpretation.measure == "kontaktmoten_avbojda_andel"
    assert [(a["doc"], a["value"]) for a in answer.answers] == [("sou-underlag-2011", 38)]


def test_money_in_everyday_words_names_the_post_and_the_measure(built_asker):
    """"blev över" is the överskott (differens); "rehabpengarna" is medel for the rehabilitation post."""
    answer = built_asker.ask("hur mycket av rehabpengarna blev över hos Arbetsförmedlingen 2022")
    assert answer.interpretation.measure == "differens_medel_kronor"
    assert dict(answer.interpretation.breakdown) == {
        "myndighet": "Arbetsförmedlingen", "post": "rehabiliteringsinsatser och aktivitetsstöd"}
    assert answer.interpretation.ignored == ()
    assert [(a["doc"], a["value"]) for a in answer.answers] == [("af-fk-2022", -5_000_000)]


@pytest.mark.parametrize("query, asks_for", [
    ("deltagarantalet i omställningsmöten 2019", "antal"),
    ("förvaltningskostnaden för Försäkringskassan 2019", "kronor"),
    ("kvinnoandelen bland deltagarna i omställningsmöten 2022", "procent"),
])
def test_a_compounds_head_says_which_unit_is_asked_for(built_asker, query, asks_for):
    assert built_asker.interpret(query).asks_for == asks_for


def test_a_group_the_measure_is_never_split_by_is_not_answered_with_everyones_figure(built_asker):
    """"... var män": the reports give no count of declined meetings per kön, and the figure for everyone
    answers another question; "not reported", with the group named in `ignored`."""
    answer = built_asker.ask("hur många av dem som avböjde kontaktmöte var män 2010")
    assert answer.not_reported and answer.answers == ()
    assert any(w.startswith("kon=män (rapporterna redovisar inte") for w in answer.interpretation.ignored)


def test_a_group_the_measure_itself_names_is_no_missing_split(built_asker):
    """"kvinnornas andel" is the measure "Andel kvinnor bland deltagare i kontaktmöten", not a filter it lacks."""
    answer = built_asker.ask("kvinnornas andel bland deltagare i kontaktmöten 2019")
    assert answer.interpretation.measure == "kontaktmoten_kvinnor_andel"
    assert [(a["doc"], a["value"]) for a in answer.answers] == [("af-fk-2019", 60)]
