"""Candidate keys for figures no measure claims: stable across reports, inflections and years (issue 21)."""
from __future__ import annotations

import pytest

from nlp.candidate_keys import candidate_key


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


@pytest.mark.parametrize("key, label, expected", [
    # the head of a compound alone is another kind of the same thing
    ("tid_fore_kartlaggning_dagar", "Handläggningstid första utbetalning, dagar (medelvärde)", False),
    ("forbrukade_medel_kronor", "Styckkostnad, kronor", False),
    # a month or a unit in the label says when or in what, not what
    ("rehabiliteringsinsats_pagaende_december_antal", "Mottagare i december (tusental)", False),
    # the word itself, or a first part that says which kind, does speak of the measure
    ("tid_fore_kartlaggning_dagar", "Tid före kartläggning, dagar", True),
    ("omstallningsmoten_antal", "Omställningsmöten", True),
    # a first part that names only a group leaves the head to decide
    ("avslag_antal", "Sjukpenningavslag", True),
    # a label with no content word of its own is no evidence either way
    ("omstallningsmoten_antal", "Antal (tusental)", True),
])
def test_a_label_covers_a_measure_only_through_words_that_say_what_it_is(matcher, key, label, expected):
    assert matcher.covers(key, label) is expected


def test_a_tie_the_same_words_make_is_no_measure():
    from nlp.measures import MeasureMatcher
    from nlp.records import Measure

    a = Measure(key="projekt_a_deltagare_antal", label="Deltagare i projekt A", unit="antal", definition="", lemmas=("deltagare",))
    b = Measure(key="projekt_b_deltagare_antal", label="Deltagare i projekt B", unit="antal", definition="", lemmas=("deltagare",))
    m = MeasureMatcher([a, b])
    assert m.match(m.context([("Deltagare", 0.0, 1.0)]), "antal") is None  # either project: no telling which
    found = m.match(m.context([("Deltagare", 0.0, 1.0), ("projekt", 1.0, 1.0), ("B", 2.0, 1.0)]), "antal")
    assert found is None or found.key == "projekt_b_deltagare_antal"


def test_the_plain_measure_of_a_family_wins_a_tie_of_the_same_words():
    from nlp.measures import plain_measure

    assert plain_measure(["arbetsformaga_mal_andel", "arbetsformaga_andel"]) == "arbetsformaga_andel"
    assert plain_measure(["gemensamma_kartlaggningar_antal", "gemensamma_kartlaggningar_mal_antal"]) == "gemensamma_kartlaggningar_antal"
    assert plain_measure(["resa_deltagare_antal", "handlingsplan_nya_deltagare_antal"]) is None


def test_a_measure_of_one_project_needs_the_project_named_near_the_figure():
    from nlp.measures import MeasureMatcher
    from nlp.records import Measure

    resa = Measure(key="resa_arbete_studier_andel", label="Andel till arbete eller studier i Resa", unit="procent",
                   definition="", phrases=("arbete eller studier",), scope=("resa",))
    m = MeasureMatcher([resa])
    words = [("gick", 1.0, 1.0), ("till", 1.0, 1.0), ("arbete", 1.0, 1.0), ("eller", 1.0, 1.0), ("studier", 1.0, 1.0)]
    assert m.match(m.context(words), "procent") is None  # another project's "arbete eller studier"
    for named in ("Resa", "Resa-projektet"):
        assert m.match(m.context(words + [(named, 3.0, 0.4)]), "procent").key == "resa_arbete_studier_andel"
    assert m.match(m.context(words + [("resor", 3.0, 0.4)]), "procent") is None  # travel is not the project


def test_the_catalogue_scopes_the_measures_of_single_projects(catalogue):
    scoped = {m.key for m in catalogue if m.scope}
    assert {"resa_arbete_studier_andel", "pila_arbetsformaga_andel", "handlingsplan_deltagare_antal",
            "maximal_tid_uppnadd_antal"} <= scoped
    assert "gemensamma_kartlaggningar_antal" not in scoped


def test_a_currency_word_is_no_evidence_of_which_amount():
    from nlp.measures import MeasureMatcher
    from nlp.records import Measure

    anslag = Measure(key="anslag_kronor", label="Anslag", unit="kronor", definition="", lemmas=("anslag", "mkr"))
    m = MeasureMatcher([anslag])
    assert m.match(m.context([("budget", 2.0, 1.0), ("på", 1.0, 1.0), ("Mkr", 0.0, 1.0)]), "kronor") is None
    assert m.match(m.context([("anslaget", 2.0, 1.0), ("Mkr", 0.0, 1.0)]), "kronor").key == "anslag_kronor"
