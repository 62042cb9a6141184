"""The ICDAR 2013 relation metric and the numeric-cell counts on hand-made grids."""
from __future__ import annotations

from collections import Counter

import pytest

from benchmarks.table_metrics import (
    DOWN, RIGHT, Counts, TableGrid, is_numeric, match_tables, neighbours, normalise, relations, row_texts,
    score_document, words_found,
)

# 3 rows x 3 columns: 5 relations to the right, 5 down
SMALL = [["", "2019", "2020"], ["Kvinnor", "1 234", "1 301"], ["Män", "2 000", "2 100"]]
# one more row: 7 right, 8 down
TALL = SMALL + [["Totalt", "3 234", "3 401"]]
TOC = [["1 Inledning", "3"], ["2 Resultat", "5"]]


def grid(rows, pages=(1,), id=""):
    return TableGrid.of(pages, rows, id)


def test_normalise_evens_out_what_extractors_disagree_on():
    assert normalise("  1\u00a0234\u202f567 ") == "1 234 567"
    assert normalise("\u22125,2") == "-5,2"
    assert normalise("arbets\u00adlöshet") == "arbetslöshet"
    assert normalise("Kvinnor\nTOTALT") == "kvinnor totalt"
    assert normalise(None) == ""


@pytest.mark.parametrize("text", ["8 662", "12345", "9,7", "-5", "0,62", "<5", "9,7 %", "–3", "2019", "1 234 567"])
def test_numbers(text):
    assert is_numeric(normalise(text))


@pytest.mark.parametrize("text", ["", "Kvinnor", "2 000 3 234", "..", "–", "1 2", "2019–2020"])
def test_not_numbers(text):
    assert not is_numeric(normalise(text))


def test_relations_skip_empty_cells_and_go_to_the_nearest_neighbour():
    rel = relations([["a", "", "b"], ["", "", ""], ["c", "d", ""]])
    assert rel == Counter({("a", "b", RIGHT): 1, ("a", "c", DOWN): 1, ("c", "d", RIGHT): 1})


def test_ragged_rows_are_padded():
    assert relations([["a", "b"], ["c"]]) == Counter({("a", "b", RIGHT): 1, ("a", "c", DOWN): 1})


def test_perfect_match():
    score = score_document([grid(TALL)], [grid(TALL)])
    assert (score.relations.tp, score.relations.fp, score.relations.fn) == (15, 0, 0)
    assert score.relations.precision == score.relations.recall == score.relations.f1 == 1.0
    assert (score.numeric_found, score.numeric_total, score.numeric_extra) == (8, 8, 0)


def test_merged_row():
    # "Män" and "Totalt" run together: the three relations inside the merged row and the
    # two down into it are wrong; everything that touched the two true rows is missed
    merged = SMALL[:2] + [["Män Totalt", "2 000 3 234", "2 100 3 401"]]
    score = score_document([grid(TALL)], [grid(merged)])
    r = score.relations
    assert (r.tp, r.fp, r.fn) == (5, 5, 10)
    assert r.precision == 0.5
    assert r.recall == pytest.approx(1 / 3)
    assert r.f1 == pytest.approx(0.4)
    # "2 000 3 234" is not a figure: four of eight numeric cells survive, none extra
    assert (score.numeric_found, score.numeric_total, score.numeric_extra) == (4, 8, 0)


def test_split_column():
    # the thousands gap of "1 234" read as a column gap
    split = [["", "2019", "", "2020"], ["Kvinnor", "1", "234", "1 301"], ["Män", "2 000", "", "2 100"]]
    score = score_document([grid(SMALL)], [grid(split)])
    r = score.relations
    assert (r.tp, r.fp, r.fn) == (6, 5, 4)
    assert r.precision == pytest.approx(6 / 11)
    assert r.recall == pytest.approx(0.6)
    assert r.f1 == pytest.approx(12 / 21)
    assert (score.numeric_found, score.numeric_total) == (5, 6)
    assert (score.numeric_predicted, score.numeric_extra) == (7, 2)
    assert score.extra_numbers == Counter({"1": 1, "234": 1})
    assert (score.tables[0].numeric_predicted, score.tables[0].numeric_extra) == (7, 2)
    assert score.tables[0].missed_numbers == Counter({"1 234": 1})


def test_extra_table_costs_all_its_relations():
    score = score_document([grid(SMALL)], [grid(SMALL), grid(TOC)])
    r = score.relations
    assert (r.tp, r.fp, r.fn) == (10, 4, 0)
    assert r.precision == pytest.approx(10 / 14)
    assert r.recall == 1.0
    assert r.f1 == pytest.approx(5 / 6)
    assert score.unmatched_predicted == [1]
    assert score.unmatched_numeric == 2
    assert (score.numeric_found, score.numeric_total, score.numeric_extra) == (6, 6, 2)
    assert score.tables[0].numeric_extra == 0


def test_unmatched_truth_table_is_all_misses():
    score = score_document([grid(SMALL), grid([["a", "1"], ["b", "2"]], pages=(2,))], [grid(SMALL)])
    r = score.relations
    assert (r.tp, r.fp, r.fn) == (10, 0, 4)
    assert r.precision == 1.0
    assert r.recall == pytest.approx(10 / 14)
    assert r.f1 == pytest.approx(5 / 6)
    assert score.tables[1].predicted is None
    assert (score.numeric_found, score.numeric_total) == (6, 8)


def test_a_table_on_another_page_does_not_match():
    score = score_document([grid(SMALL, pages=(1,))], [grid(SMALL, pages=(2,))])
    assert (score.relations.tp, score.relations.fp, score.relations.fn) == (0, 10, 10)
    assert score.relations.f1 == 0.0
    # the figures are still in the document, so they are not "extra", only not found
    assert (score.numeric_found, score.numeric_extra) == (0, 0)


def test_continued_table_read_as_two_tables():
    # truth: one table over pages 2 and 3; predicted: the two page parts
    head, first, second = SMALL[0], SMALL[1], SMALL[2]
    score = score_document([grid(SMALL, pages=(2, 3))], [grid([head, first], pages=(2,)), grid([head, second], pages=(3,))])
    # both parts have 5 relations and share 5 resp. 3 with the truth: the first part wins,
    # the second is an unmatched table (the repeated header and "Män" row are false positives)
    assert score.tables[0].predicted == 0
    assert score.unmatched_predicted == [1]
    assert (score.relations.tp, score.relations.fp, score.relations.fn) == (5, 5, 5)


def test_matching_is_one_to_one_and_greedy():
    pairs = match_tables([grid(SMALL), grid(TALL)], [grid(TALL), grid(SMALL)])
    assert pairs == {0: 1, 1: 0}
    # two truth tables, one prediction: the larger overlap takes it
    assert match_tables([grid(SMALL), grid(TALL)], [grid(TALL)]) == {1: 0}


def test_counts_without_predictions():
    assert Counts(0, 0, 0).f1 == 1.0
    assert Counts(0, 0, 5).precision == 0.0
    assert (Counts(1, 2, 3) + Counts(1, 1, 1)) == Counts(2, 3, 4)


def test_neighbours_say_what_came_back():
    merged = SMALL[:2] + [["Män Totalt", "2 000 3 234", "2 100 3 401"]]
    assert neighbours(merged, "1 234", DOWN) == ["2 000 3 234"]
    assert neighbours(merged, "2 100 3 401", DOWN) == ["(end)"]
    assert neighbours(merged, "3 234", DOWN) == []


def test_words_found():
    assert words_found("1 Inledning 3", TOC) == 1.0
    assert words_found("Diagram 1 Andel", TOC) == pytest.approx(1 / 3)


def test_row_texts_show_a_merged_row():
    merged = SMALL[:2] + [["Män Totalt", "2 000 3 234", "2 100 3 401"]]
    assert row_texts(TALL) - row_texts(merged) == Counter({("män", "2 000", "2 100"): 1, ("totalt", "3 234", "3 401"): 1})
    assert row_texts(merged) - row_texts(TALL) == Counter({("män totalt", "2 000 3 234", "2 100 3 401"): 1})
