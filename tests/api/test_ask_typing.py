"""Questions as people type them (issue 13): without å, ä, ö, one letter off, clipped, abbreviated.

Each mechanism is checked on words of its own, made up here or taken from the catalogue, and on
no question of a benchmark file: the word lists below are invented vocabularies, so a test says
what the mechanism does, not that one wording works.
"""
from __future__ import annotations

import pytest

from api.answer.ask import Asker
from api.answer.query_words import QueryLexicon
from api.kb import open_readonly

VOCABULARY = ["sjöräddningsövning", "sjöräddningsövningar", "båtförare", "skogsbrand", "skogsbrant", "anslag",
              "fyrvaktare", "kustbevakning", "kustbevakningen"]


@pytest.fixture(scope="module")
def lexicon():
    return QueryLexicon(VOCABULARY)


# -- spelling: without å, ä, ö, and one letter off --------------------------------------------

@pytest.mark.parametrize("typed, read", [
    ("sjoraddningsovning", "sjöräddningsövning"),  # no marks at all
    ("sjöraddningsövningar", "sjöräddningsövningar"),  # some marks, an inflected form
    ("batforare", "båtförare"),
    ("kustbevakninng", "kustbevakning"),  # a letter too many
    ("fyrvaktre", "fyrvaktare"),  # a letter dropped
    ("fyrvaktrae", "fyrvaktare"),  # two letters swapped
    ("kustbevakmingen", "kustbevakningen"),  # a letter changed
])
def test_an_unknown_word_is_read_as_the_vocabulary_word_it_was_typed_for(lexicon, typed, read):
    assert lexicon.spelled(typed) == read


@pytest.mark.parametrize("typed", [
    "skogsbran",  # one letter from both "skogsbrand" and "skogsbrant": no reading is better than a guess
    "anslog",  # six letters: one edit away is another word, not a typo
    "fyrvakt",  # two letters off
    "båtförare",  # known already
])
def test_a_word_is_not_respelled_when_no_single_reading_fits(lexicon, typed):
    assert lexicon.spelled(typed) is None


@pytest.fixture(scope="module")
def asker(corpus_db):
    return Asker(open_readonly(corpus_db))


def test_a_question_without_swedish_letters_reads_as_with_them(asker):
    """The catalogue words, the unit cue ("hur manga") and the förmån all meet, and `read_as` says how."""
    plain = asker.interpret("Hur många påbörjade rehabiliteringsinsats med sjukpenning 2019?")
    folded = asker.interpret("hur manga paborjade rehabiliteringsinsats med sjukpenning 2019")
    assert (folded.measure, folded.period, dict(folded.breakdown), folded.asks_for) == \
        (plain.measure, plain.period, dict(plain.breakdown), plain.asks_for)
    assert "manga → många" in folded.read_as and "paborjade → påbörjade" in folded.read_as


def test_a_name_is_read_without_its_marks_but_never_one_letter_off(asker):
    assert "forsakringskassan → försäkringskassan" in asker.interpret("förbrukade medel Forsakringskassan 2019").read_as
    skane = asker.interpret("Hur många deltog i Skane 2019?")
    assert skane.measure is None and skane.read_as == ()


# -- periods: a list of years ------------------------------------------------------------------

@pytest.mark.parametrize("text, period", [
    ("siffror för 2011, 2012 och 2013", "2011-2013"),  # the list's last two years alone are a span
    ("2015 och 2016 samt 2019", "2015-2019"),
    ("mellan 2012 och 2014", "2012-2014"),
    ("2012 och 2014", "2012-2014"),
    ("2012", "2012"),
])
def test_years_listed_beside_a_span_widen_it(text, period):
    from api.answer.interpret import Interpreter

    assert Interpreter.read_period(text)[0] == period


# -- abbreviations ------------------------------------------------------------------------------

@pytest.mark.parametrize("with_genitive, without", [
    ("AF:s förbrukade medel för förvaltning 2019", "AF förbrukade medel för förvaltning 2019"),
    ("kontaktmöten enligt FK:s siffror 2010", "kontaktmöten enligt FK siffror 2010"),
])
def test_an_abbreviations_genitive_is_the_abbreviation(asker, with_genitive, without):
    """"FK:s" is Försäkringskassan's, not "fk" and a word "s" the reports never use."""
    a, b = asker.interpret(with_genitive), asker.interpret(without)
    assert (a.measure, dict(a.breakdown), a.ignored) == (b.measure, dict(b.breakdown), b.ignored)
    assert a.measure is not None and not any(w.startswith("s ") for w in a.ignored)


# -- a breakdown word of another kind ----------------------------------------------------------

def _excursion_reader(groups):
    from api.answer.interpret import Interpreter
    from nlp.records import Measure

    measure = Measure(key="friluftsdagar_antal", label="Antal friluftsdagar", unit="antal",
                      definition="Friluftsdagar som ordnats under året.", lemmas=("friluftsdag",), breakdowns=("grupp",))
    return Interpreter([measure], {"friluftsdagar_antal": 3}, vocabulary=("friluftsdagar", "deltagare", "försäkringskassan"),
                       breakdown_values={"friluftsdagar_antal": {"grupp": groups}})


def test_a_breakdown_word_the_measure_is_not_split_by_can_name_a_value_of_another_kind():
    """"Försäkringskassan" is a myndighet, which the made-up measure is not split by; but one of its
    groups is "från Försäkringskassan", and that narrows the answer instead of being dropped."""
    interp = _excursion_reader(["från Försäkringskassan", "övriga"]).interpret(
        "hur många friluftsdagar för deltagare från Försäkringskassan 2019")
    assert interp.measure == "friluftsdagar_antal"
    assert dict(interp.breakdown) == {"grupp": "från Försäkringskassan"}
    assert not any(w.startswith("myndighet=") for w in interp.ignored)


def test_a_breakdown_word_naming_no_value_is_still_dropped_with_a_note():
    interp = _excursion_reader(["unga", "övriga"]).interpret("hur många friluftsdagar för deltagare från Försäkringskassan 2019")
    assert interp.measure == "friluftsdagar_antal" and dict(interp.breakdown) == {}
    assert "myndighet=Försäkringskassan (måttet redovisas inte per myndighet)" in interp.ignored


# -- verbs of receiving in a question about money ------------------------------------------------

@pytest.fixture(scope="module")
def grant_reader():
    from api.answer.interpret import Interpreter
    from nlp.records import Measure

    measures = [
        Measure(key="bidrag_tilldelade_kronor", label="Tilldelade bidrag", unit="kronor",
                definition="Bidrag som tilldelats föreningen under året.", lemmas=("tilldela", "bidrag")),
        Measure(key="bidrag_forbrukade_kronor", label="Förbrukade bidrag", unit="kronor",
                definition="Bidrag som föreningen förbrukat under året.", lemmas=("förbruka", "bidrag")),
    ]
    return Interpreter(measures, {m.key: 2 for m in measures}, vocabulary=("föreningen", "bidrag", "bidragen"))


@pytest.mark.parametrize("query, measure", [
    ("hur mycket pengar fick föreningen i bidrag 2015", "bidrag_tilldelade_kronor"),
    ("hur mycket bidrag har föreningen fått 2015 i kronor", "bidrag_tilldelade_kronor"),
    ("hur mycket pengar tog föreningen emot i bidrag 2015", "bidrag_tilldelade_kronor"),
    ("hur mycket pengar förbrukade föreningen av bidragen 2015", "bidrag_forbrukade_kronor"),
])
def test_a_verb_of_receiving_asks_for_money_allotted_not_spent(grant_reader, query, measure):
    assert grant_reader.interpret(query).measure == measure


def test_a_verb_of_receiving_is_no_money_in_a_question_about_something_else(asker):
    """"fick arbete" asks for an outcome; only a question that asks for kronor reads "fick" as "tilldelades"."""
    interp = asker.interpret("andel som fick arbete efter insats 2022")
    assert interp.measure == "sysselsattning_efter_avslut_andel"
    assert not any("tilldelades" in w for w in interp.ignored)


# -- clipped and derived forms ------------------------------------------------------------------

@pytest.fixture(scope="module")
def office_reader():
    from api.answer.interpret import Interpreter
    from nlp.records import Measure

    measures = [
        Measure(key="administration_kronor", label="Kostnader för administration", unit="kronor",
                definition="Föreningens kostnader för administration under året.", lemmas=("administration",)),
        Measure(key="medelalder_ar", label="Medelålder", unit="ar", definition="Medlemmarnas medelålder.", lemmas=("medelålder",)),
        Measure(key="medlemmar_antal", label="Antal medlemmar", unit="antal", definition="Medlemmar vid årets slut.",
                lemmas=("medlem",)),
    ]
    return Interpreter(measures, {m.key: 2 for m in measures},
                       vocabulary=("administration", "föreningen", "medel", "ålder", "medlemmar", "kostnader"))


@pytest.mark.parametrize("query, measure", [
    ("vad kostade adminen 2015", "administration_kronor"),  # clipped, "admin" of "administration", and inflected
    ("kostnader för admin 2015", "administration_kronor"),
])
def test_a_word_that_begins_a_measures_word_names_it(office_reader, query, measure):
    assert office_reader.interpret(query).measure == measure


def test_a_compounds_first_part_is_no_clipped_word(office_reader):
    """"medel" begins "medelålder", but the rest is a word ("ålder"): a compound's part (weighed as the
    compound splitter has it), not a clipped word."""
    assert office_reader.clipped(office_reader.lexicon.key("medel")) == frozenset()
    assert office_reader.clipped(office_reader.lexicon.key("admin")) == frozenset({"administration_kronor"})


def test_a_beginning_shorter_than_five_letters_names_nothing(office_reader):
    assert office_reader.clipped(office_reader.lexicon.key("adm")) == frozenset()
    assert office_reader.clipped("medl") == frozenset()


# -- a head that denies its first part ----------------------------------------------------------

def test_a_value_whose_head_denies_its_first_part_is_not_named_by_that_part():
    """"arbetslösa" is without work, "avgiftsfria" without a fee: "avgift" names the made-up measure's
    value "med avgift" only, never "avgiftsfria besök"; the value's whole word still names it."""
    from api.answer.interpret import Interpreter
    from nlp.records import Measure

    measure = Measure(key="besok_antal", label="Antal besök", unit="antal", definition="Besök på museet under året.",
                      lemmas=("besök",), breakdowns=("typ",))
    reader = Interpreter([measure], {"besok_antal": 4}, vocabulary=("besök", "avgift", "avgiftsfria", "fria", "skolklasser"),
                         breakdown_values={"besok_antal": {"typ": ["avgiftsfria besök", "skolklasser"]}})
    assert dict(reader.interpret("hur många besök med avgift 2015").breakdown) == {}
    assert dict(reader.interpret("hur många avgiftsfria besök 2015").breakdown) == {"typ": "avgiftsfria besök"}
