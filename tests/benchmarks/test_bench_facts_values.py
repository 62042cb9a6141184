"""The fact benchmark's value matching: a share said in words is one figure however many decimals a gold gives it."""
from __future__ import annotations

from benchmarks.bench_facts import gold_value


def test_a_share_in_words_matches_a_gold_rounded_to_one_decimal():
    assert gold_value(100 / 3, {"printed": "var tredje", "value": 33.3})
    assert gold_value(200 / 3, {"printed": "Två av tre", "value": 66.6667})


def test_printed_digits_must_match_to_the_digit():
    assert not gold_value(33.33, {"printed": "33,3", "value": 33.3})
    assert gold_value(33.3, {"printed": "33,3", "value": 33.3})
