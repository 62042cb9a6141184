"""The audit benchmark's sets as a floor: a change that costs recall or precision fails CI.

Each floor is about one finding under the figure benchmarks/checks_results.md gives (in brackets).
When a real improvement lifts a figure, lift its floor.
"""
from __future__ import annotations

import pytest

from benchmarks.bench_checks import SETS, run_set

# set -> (caught, correct findings of all findings), as counts
FLOORS = {
    "corpus": {"caught": 39, "precision": 0.97},  # [40 of 42, 40 of 40]
    "planted": {"caught": 18, "precision": 0.94},  # [19 of 19, 19 of 19]
    "blind": {"caught": 14, "precision": 0.82},  # [15 of 15, 15 of 17]; first run 13 of 15, 13 of 19
}


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_audit_checks_stay_above_their_floor(name):
    result = run_set(name, *SETS[name])
    caught = len(result.matches)
    precision = len(result.matched_findings) / max(1, len(result.findings))
    assert caught >= FLOORS[name]["caught"], f"{name}: {caught} of {len(result.gold)} caught"
    assert precision >= FLOORS[name]["precision"], f"{name}: precision {precision:.2f}"
