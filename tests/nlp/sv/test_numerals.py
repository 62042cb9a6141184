"""nlp/sv/numerals.py: numbers as the reports print them, (text, expected) tables."""
from __future__ import annotations

import pytest

from nlp.sv.numerals import FRACTIONS, NUMBER_WORDS, parse_number_word, parse_out_of, parse_range, parse_swedish_number


@pytest.mark.parametrize("text,expected", [
    ("8 662", 8662),
    ("8\u00a0662", 8662),  # no-break space between thousands
    ("8\u202f662", 8662),  # narrow no-break space
    ("375,6", 375.6),
    ("9,7", 9.7),
    ("0,62", 0.62),
    ("9,7%", 9.7),
    ("24,50%", 24.5),
    ("−5 000", -5000),  # typographic minus
    ("-5 000", -5000),
    ("–5 000", -5000),  # en dash used as a minus
    ("+2,7", 2.7),
    ("1 000 000", 1000000),
    ("9055", 9055),
    ("0", 0),
])
def test_parse_swedish_number(text, expected):
    value = parse_swedish_number(text)
    assert value == expected
    assert isinstance(value, float) == ("," in text)


@pytest.mark.parametrize("text", ["2003:1210", "12 34", "8 66", "abc", "", "2013–2022", "S2019/03413", "4ESS"])
def test_not_a_number(text):
    assert parse_swedish_number(text) is None


@pytest.mark.parametrize("text,expected", [
    ("2013–2022", (2013, 2022)),
    ("2013-2022", (2013, 2022)),
    ("19–29", (19, 29)),
    ("60–64", (60, 64)),
    ("100 000–200 000", (100000, 200000)),
])
def test_parse_range(text, expected):
    assert parse_range(text) == expected


@pytest.mark.parametrize("word,expected", [
    ("fyra", 4), ("tio", 10), ("Tre", 3), ("sexton", 16), ("hundra", 100), ("en", None), ("ett", None), ("majoritet", None),
])
def test_number_words(word, expected):
    assert parse_number_word(word) == expected


def test_one_only_where_no_article_can_stand():
    assert parse_number_word("en", allow_one=True) == 1


@pytest.mark.parametrize("text,expected", [
    ("sju av tio", 70.0), ("två av tio", 20.0), ("Tre av fyra", 75.0), ("en av fem", 20.0), ("3 av 10", 30.0),
])
def test_out_of(text, expected):
    assert parse_out_of(text) == pytest.approx(expected)


@pytest.mark.parametrize("text", ["tio av sju", "sju av", "av tio"])
def test_not_out_of(text):
    assert parse_out_of(text) is None


@pytest.mark.parametrize("phrase,expected", [("hälften", 50.0), ("en fjärdedel", 25.0), ("en femtedel", 20.0), ("tre fjärdedelar", 75.0)])
def test_fractions(phrase, expected):
    assert FRACTIONS[phrase] == pytest.approx(expected)


def test_articles_are_no_numbers():
    assert "en" not in NUMBER_WORDS and "ett" not in NUMBER_WORDS
