"""Swedish search terms: numbers kept whole, inflections met, compounds split against the vocabulary."""
from __future__ import annotations

import pytest

from api.search.analysis import Analyzer, normalise, stem, words

VOCABULARY = """
omställning omställningar möte möten mötena kartläggning kartläggningar gemensam gemensamma
kvinnor kvinna andel sjukpenning grundande insats insatser rehabilitering förslag förs lagen
personer per ner kön fördelning arbete
""".split()


@pytest.fixture(scope="module")
def analyzer():
    return Analyzer.from_words(VOCABULARY)


@pytest.mark.parametrize(
    "text,expected",
    [
        ("8 662", ["8662"]),
        ("8\u00a0662 personer", ["8662", "personer"]),  # no-break space
        ("12 587 000", ["12587000"]),
        ("9,7 procent", ["9,7", "procent"]),
        ("−5 000", ["5000"]),
        ("2013–2022", ["2013", "2022"]),
        ("Under 2019 8 662", ["under", "2019", "8662"]),  # a year is no thousands group
        ("Tabell 6 a", ["tabell", "6", "a"]),  # one-character terms survive
    ],
)
def test_words_keep_numbers_whole(text, expected):
    assert words(text) == expected


@pytest.mark.parametrize(
    "a,b",
    [
        ("möte", "mötena"),
        ("insats", "insatserna"),
        ("kartläggning", "kartläggningarna"),
        ("omställningsmöte", "omställningsmötena"),
        ("myndighet", "myndigheterna"),
    ],
)
def test_inflections_share_a_stem(a, b):
    assert stem(a) == stem(b)


@pytest.mark.parametrize(
    "word,parts",
    [
        ("omställningsmöte", ("omställning", "möt")),  # linking -s-
        ("omställningsmötena", ("omställning", "möt")),  # inflected head
        ("könsfördelning", ("kön", "fördelning")),
        ("kvinnoandel", ("kvinn", "andel")),  # kvinn(a)-o-
        ("sjukpenninggrundande", ("sjukpenning", "grund")),
        # the shared splitter (nlp.compounds) knows Swedish words beyond the indexed texts
        ("omställningsbrevet", ("omställning", "brev")),
    ],
)
def test_compounds_split_against_vocabulary(analyzer, word, parts):
    assert analyzer.split(word) == parts


@pytest.mark.parametrize("word", ["personer", "förslagen", "insatser"])
def test_no_false_compounds(analyzer, word):
    # "per|soner", "förs|lagen" (för is a stop word), an inflection is no compound
    assert analyzer.split(word) == ()


def test_compound_meets_its_paraphrase(analyzer):
    compound = set(analyzer.terms("omställningsmötena"))
    paraphrase = set(analyzer.terms("möten för omställning"))
    assert paraphrase <= compound


def test_stop_words_dropped_numbers_weighted(analyzer):
    weights = analyzer.query_terms("Hur många möten hölls 2022?")
    assert "hur" not in weights and weights["2022"] == 2.0 and weights[stem("möten")] == 1.0


def test_normalise_is_nfkc_lowercase():
    assert normalise("ﬁnansiering ÅÄÖ") == "finansiering åäö"
