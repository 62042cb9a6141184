"""Candidate keys for figures no measure claims: stable across reports, inflections and years (issue 21)."""
from __future__ import annotations

import pytest

from nlp.measures import candidate_key


@pytest.mark.parametrize("a, b", [
    ("Höjt inkomsttak i sjukpenningen", "höjt inkomsttak i sjukpenningen 2027"),
    ("antal ersättningsdagar", "ersättningsdagarna"),
    ("Kostnader för regionala rehabiliteringsteam", "kostnaderna för regionala rehabiliteringsteam"),
])
def test_same_words_give_the_same_key(a, b):
    assert candidate_key(a, "antal") == candidate_key(b, "antal") != ""


def test_unit_is_part_of_the_key():
    assert candidate_key("regionala rehabiliteringsteam", "kronor").endswith("_kronor")
    assert candidate_key("regionala rehabiliteringsteam", "procent").endswith("_andel")
    assert candidate_key("regionala rehabiliteringsteam", "kronor") != candidate_key("regionala rehabiliteringsteam", "antal")


def test_groups_years_and_generic_words_are_left_out():
    assert candidate_key("Andel kvinnor 2026", "procent") == ""
    assert candidate_key("antal personer med sjukpenning", "antal") == ""
