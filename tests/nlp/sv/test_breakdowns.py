"""nlp/sv/breakdowns.py: age groups as tables and prose print them."""
from __future__ import annotations

import pytest

from nlp.sv.breakdowns import age_value


@pytest.mark.parametrize("text, value", [
    ("18–24 år", "18-24"), ("60- år", "60-"), ("65 år och äldre", "65-"), ("65 år eller äldre", "65-"),
    ("65+", "65-"), ("60+ år", "60-"), ("24 år och yngre", "0-24"), ("yngre än 25 år", "0-24"),
])
def test_age_groups_closed_and_open(text, value):
    assert age_value(text) == value


@pytest.mark.parametrize("text", ["65", "2025", "65 år", "över 65 år", "30–20 år", "Äldre"])
def test_what_is_no_age_group(text):
    assert age_value(text) is None
