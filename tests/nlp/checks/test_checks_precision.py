"""Printed precision: what interval a print allows, and when two prints disagree."""
from __future__ import annotations

import pytest

from nlp.checks.precision import agree, grade, point, power_of_ten, read, sum_grade


@pytest.mark.parametrize(
    "printed,value,unit,scale,qualifier,lo,hi",
    [
        ("54", 54, "procent", 1, "exact", 53.5, 54.5),
        ("54,3%", 54.3, "procent", 1, "exact", 54.25, 54.35),
        ("8 662", 8662, "antal", 1, "exact", 8661.5, 8662.5),
        ("345 400", 345.4e6, "kronor", 1e3, "exact", 345.3995e6, 345.4005e6),
        ("375,6 miljoner kronor", 375.6e6, "kronor", 1e6, "exact", 375.55e6, 375.65e6),
        ("345 miljoner", 345e6, "kronor", 1e6, "approximate", 345e6 * 0.97, 345e6 * 1.03),
        ("20 000", 20000, "antal", 1, "over", 19999.5, 23000.5),
        ("fyra", 4, "procentenheter", 1, "exact", 3.5, 4.5),
        ("hälften", 50, "procent", 1, "approximate", 45, 55),
    ],
)
def test_interval_of_a_print(printed, value, unit, scale, qualifier, lo, hi):
    r = read(value, printed, unit, scale, qualifier)
    assert r.lo == pytest.approx(lo) and r.hi == pytest.approx(hi)


@pytest.mark.parametrize(
    "a,b,expected",
    [
        (("54", 54), ("54,3", 54.3), None),  # the issue's own examples
        (("55", 55), ("60", 60), "error"),
        (("8 638", 8638), ("8 936", 8936), "error"),
        (("70", 70), ("69", 69), "error"),  # no value rounds to both
        (("9,7", 9.7), ("9,71", 9.71), None),
    ],
)
def test_two_prints(a, b, expected):
    assert grade(read(a[1], a[0], "procent"), read(b[1], b[0], "procent")) == expected


def test_a_computed_share_one_unit_off_is_rounding():
    printed = read(0.9, "0,9%", "procent")
    assert agree(point(100 * 61 / 7197), printed) is False
    assert grade(point(100 * 61 / 7197), printed) == "rounding"
    assert grade(point(100 * 1119 / 11522), read(9.7, "9,7%", "procent")) is None


def test_sums_with_thousands_rounding():
    parts = [read(45000e3, "45 000", "kronor", 1e3), read(-51000e3, "-51 000", "kronor", 1e3)]
    assert sum_grade(parts, read(-5000e3, "-5 000", "kronor", 1e3)) == "rounding"
    assert sum_grade(parts, read(-6000e3, "-6 000", "kronor", 1e3)) is None
    assert sum_grade(parts, read(-9000e3, "-9 000", "kronor", 1e3)) == "error"


def test_power_of_ten():
    assert power_of_ten(read(45e6, "45 miljoner", "kronor", 1e6, "approximate"), read(450e6, "450 000", "kronor", 1e3), 9) == -1
    assert power_of_ten(read(39e6, "39 miljoner", "kronor", 1e6), read(39.3e6, "39 300", "kronor", 1e3), 9) is None


def test_a_round_figure_said_to_be_approximate_allows_a_quarter_of_its_place():
    from nlp.checks.precision import read, round_step

    assert (round_step(10), round_step(1600), round_step(12), round_step(9.5)) == (10, 100, 1, 1)
    about_ten = read(10, "tio procent", "procent", qualifier="approximate")
    assert about_ten.lo <= 9 <= about_ten.hi and not about_ten.lo <= 7 <= about_ten.hi
    assert read(10, "10 procent", "procent", qualifier="approximate").lo == 7.5
    # not approximate: a round figure is as exact as it is printed
    assert read(10, "10 procent", "procent").lo == 9.5
