"""nlp/sv/units.py: unit words and scales; money is normalised to kronor."""
from __future__ import annotations

import pytest

from nlp.sv.units import SCALES, UNITS, unit_note_scale


@pytest.mark.parametrize("word,expected", [
    ("procent", ("procent", 1.0)),
    ("%", ("procent", 1.0)),
    ("procentenheter", ("procentenheter", 1.0)),
    ("dagar", ("dagar", 1.0)),
    ("kronor", ("kronor", 1.0)),
    ("kr", ("kronor", 1.0)),
    ("tkr", ("kronor", 1e3)),
    ("mkr", ("kronor", 1e6)),
    ("mnkr", ("kronor", 1e6)),
    ("miljoner kronor", ("kronor", 1e6)),
    ("miljarder kronor", ("kronor", 1e9)),
    ("år", ("ar", 1.0)),
])
def test_units(word, expected):
    assert UNITS[word] == expected


@pytest.mark.parametrize("word,expected", [("miljoner", 1e6), ("miljarder", 1e9), ("tusen", 1e3)])
def test_scales(word, expected):
    assert SCALES[word] == expected


@pytest.mark.parametrize("note,expected", [
    ("Belopp i tkr", ("kronor", 1e3)),
    ("belopp i tkr", ("kronor", 1e3)),
    ("Belopp i mnkr", ("kronor", 1e6)),
    ("Belopp i miljoner kronor", ("kronor", 1e6)),
    ("Antal", ("antal", 1.0)),
    ("Källa: SUS", None),
])
def test_unit_notes(note, expected):
    assert unit_note_scale(note) == expected
