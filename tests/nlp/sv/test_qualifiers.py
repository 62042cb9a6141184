"""nlp/sv/qualifiers.py: words before (and after) a figure that say how exact it is."""
from __future__ import annotations

import pytest

from nlp.sv.qualifiers import POST_QUALIFIERS, QUALIFIERS


@pytest.mark.parametrize("phrase,expected", [
    ("cirka", "approximate"), ("ca", "approximate"), ("ungefär", "approximate"), ("runt", "approximate"),
    ("omkring", "approximate"), ("drygt", "approximate"), ("knappt", "approximate"), ("nästan", "approximate"),
    ("närmare", "approximate"),
    ("över", "over"), ("mer än", "over"), ("fler än", "over"), ("minst", "over"),
    ("under", "under"), ("mindre än", "under"), ("färre än", "under"), ("högst", "under"),
])
def test_qualifiers(phrase, expected):
    assert QUALIFIERS[phrase] == expected


@pytest.mark.parametrize("phrase,expected", [("eller fler", "over"), ("eller mer", "over"), ("eller färre", "under")])
def test_post_qualifiers(phrase, expected):
    assert POST_QUALIFIERS[phrase] == expected


def test_every_qualifier_is_known():
    from nlp.records import QUALIFIERS as KNOWN

    assert set(QUALIFIERS.values()) | set(POST_QUALIFIERS.values()) <= set(KNOWN)
