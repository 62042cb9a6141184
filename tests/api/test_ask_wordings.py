"""How a question's wording is read (issue 13): money units, a number's own unit, a particle verb with its
subject inside, everyday paraphrases, a mean, a negated group, the place a population is in.

The wordings here are made up and in no benchmark question file, and some run against a small catalogue
written here (fire drills and courses): each test says what a mechanism does, not that one question works.
"""
from __future__ import annotations

import re

import pytest

from api.answer.ask import Asker
from api.answer.ask_words import EVERYDAY_PHRASES, EVERYDAY_WORDS, NEGATION_SYNONYMS
from api.answer.interpret import Interpreter
from api.answer.query_words import QueryLexicon
from api.kb import load_search_index, open_readonly
from nlp.records import Measure


DRILLS = [
    Measure(key="ovningar_antal", label="Antal brandövningar", unit="antal", definition="Antal brandövningar under året.",
            lemmas=("brandövning",)),
    Measure(key="ovningar_kvinnor_andel", label="Andel kvinnor bland deltagare i brandövningar", unit="procent",
            definition="Andel kvinnor bland dem som deltagit i brandövningar.", denominator="Deltagare i brandövningar.",
            lemmas=("kvinnor", "brandövning")),
    Measure(key="kurs_kvinnor_andel", label="Andel kvinnor i räddningsutbildningen", unit="procent",
            definition="Andel kvinnor bland deltagarna i räddningsutbildningen.", denominator="Deltagare i räddningsutbildningen.",
            lemmas=("kvinnor", "andel")),
    Measure(key="aldre_deltagare_andel", label="Andel deltagare över 60 år i räddningsutbildningen", unit="procent",
            definition="Andel av deltagarna som är över 60 år.", denominator="Deltagare i räddningsutbildningen.",
            lemmas=("deltagare", "utbildning"), breakdowns=("grupp",)),
    Measure(key="medelalder_ar", label="Medelålder", unit="ar", definition="Medelålder i år bland deltagarna.",
            lemmas=("medelålder",), synonyms=("ålder",), breakdowns=("grupp",)),
    Measure(key="utbildning_kostnad_kronor", label="Kostnad för räddningsutbildningen", unit="kronor",
            definition="Vad utbildningen kostade under året.", lemmas=("kostnad", "utbildning")),
]
VOCABULARY = ["brandövning", "brandövningar", "räddning", "utbildning", "utbildningen", "deltagare", "deltagarna",
              "kvinnor", "ålder", "åldern", "medelålder", "kurs", "kursen", "gått", "genomsnitt", "genomsnittlig"]
GROUPS = {"medelalder_ar": {"grupp": ["i utbildningen", "ej i utbildningen"]},
          "aldre_deltagare_andel": {"grupp": ["i utbildningen", "ej i utbildningen"]}}


@pytest.fixture(scope="module")
def drills():
    return Interpreter(DRILLS, {m.key: 3 for m in DRILLS}, vocabulary=VOCABULARY, breakdown_values=GROUPS)


def everyday(text: str) -> str:
    for pattern, word in EVERYDAY_PHRASES:
        text = re.sub(pattern, word, text)
    return " ".join(text.split())


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


# -- everyday wordings ----------------------------------------------------------------------------

@pytest.mark.parametrize("text, read", [
    ("vad lade kommunen ut på konsulter", "vad förbrukade kommunen på konsulter"),
    ("hur mycket gjorde regionen av med", "hur mycket förbrukade regionen"),
    ("hur mycket fick de tillbaka", "hur mycket återfick de"),
    ("hur många sa de nej", "hur många avböjde de"),
    ("hur många sa inte nej", "hur många sa inte nej"),  # a negation is no subject: not "avböjde"
    ("hur mycket blev det över 2030", "hur mycket överskott det 2030"),
    ("hur många blev sjukskrivna över 90 dagar", "hur många blev sjukskrivna över 90 dagar"),  # a number's "över"
    ("hur länge innan kursen tog slut", "hur länge innan kursen avslutades"),
    ("när tar utbildningen slut", "när avslutades utbildningen"),
])
def test_a_particle_verb_is_read_with_its_subject_between(text, read):
    """A question puts its subject between a particle verb and its particle: "la X ut" is "la ut"."""
    assert everyday(text) == read


@pytest.mark.parametrize("text", [
    "hur många var fortfarande sjukskrivna", "hur många var kvar som sjukskrivna", "andel som fortfarande var sjukskrivna",
    "hur många låg kvar i sjukskrivning",
])
def test_still_on_sick_leave_is_the_reports_kvar_i_sjukforsakringen(text):
    assert "kvar i sjukförsäkringen" in everyday(text) and "sjukskriv" not in everyday(text)


def test_sick_leave_without_still_is_left_to_name_the_group():
    assert everyday("kvinnor som varit sjukskrivna") == "kvinnor som varit sjukskrivna"


@pytest.mark.parametrize("word, report", [
    ("lönestödet", "lönebidrag"), ("fortfarande", "kvar"), ("snittet", "genomsnitt"), ("ej", "inte"), ("icke", "inte"),
])
def test_a_word_is_read_as_the_reports_word_for_the_same_thing(word, report):
    lexicon = QueryLexicon(aliases={**EVERYDAY_WORDS, **NEGATION_SYNONYMS})
    assert lexicon.units(word).key == lexicon.key(report)


# -- means, negated groups, populations ----------------------------------------------------------

@pytest.mark.parametrize("query", [
    "hur gamla var deltagarna i räddningsutbildningen i snitt",
    "deltagarnas ålder i genomsnitt i räddningsutbildningen",
    "snittåldern bland deltagarna",
    "hur gammal är en deltagare i utbildningen",
])
def test_a_mean_is_answered_by_a_measure_that_is_a_mean(drills, query):
    """"i snitt", "hur gamla", "snittåldern": the mean, not the share over 60 whose label holds more of the words."""
    assert drills.interpret(query).measure == "medelalder_ar"


def test_without_a_mean_word_the_share_is_read(drills):
    assert drills.interpret("andel deltagare i räddningsutbildningen över 60 år").measure == "aldre_deltagare_andel"


@pytest.mark.parametrize("query, group", [
    ("medelålder för dem som inte var i utbildningen", "ej i utbildningen"),
    ("medelålder för dem som var i utbildningen", "i utbildningen"),
])
def test_inte_in_a_question_names_the_group_a_table_prints_with_ej(drills, query, group):
    assert dict(drills.interpret(query).breakdown) == {"grupp": group}


def test_the_place_after_a_population_is_part_of_it():
    """"bland deltagarna i utbildningen": the share among the course's participants, not the drills', although the
    drills' label has "bland deltagare" word for word and the course's only a compound of "utbildning"."""
    shares = Interpreter([m for m in DRILLS if m.key != "aldre_deltagare_andel"], vocabulary=VOCABULARY)
    assert [w.word for w in shares.read_population(["andel", "bland", "deltagarna", "i", "utbildningen"])] == \
        ["deltagarna", "utbildningen"]
    assert shares.interpret("andel kvinnor bland deltagarna i utbildningen").measure == "kurs_kvinnor_andel"
    assert shares.interpret("andel kvinnor bland deltagarna i brandövningar").measure == "ovningar_kvinnor_andel"


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


def test_still_on_sick_leave_when_the_insats_ended(built_asker):
    answer = built_asker.ask("hur stor andel låg kvar i sjukskrivning när rehabiliteringen tog slut 2019")
    assert answer.interpretation.measure == "avslut_kvar_sjukforsakring_andel"
    assert dict(answer.interpretation.breakdown) == {}
    assert {(a["doc"], a["value"]) for a in answer.answers} == {("af-fk-2019", 39)}
