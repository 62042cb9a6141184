"""Floors for rapportkoll on the producer fixtures (tests/data/pdf_producers/).

The rapportkoll part of benchmarks/bench_pdf_tables.py, one run per fixture and no
camelot: table structure (ICDAR 2013 relations), figures, footnotes, captions, the TOC
and the text version. The floors are set just under what rapportkoll measured when the
benchmark was written (see FLOORS); they are meant to rise as the table reader improves,
so raise them when a change lifts the numbers, and read the "Misses" list of
`python -m benchmarks.bench_pdf_tables` when one drops.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.bench_pdf_tables import RAPPORTKOLL, load_fixtures, run_all, totals

FIXTURES = Path(__file__).resolve().parents[1] / "data" / "pdf_producers"

if not FIXTURES.is_dir() or not any(FIXTURES.glob("*.truth.json")):
    pytest.skip(f"no producer fixtures yet in {FIXTURES}", allow_module_level=True)

# Measured FLOORS_MEASURED_ON; each floor sits just under the measurement.
FLOORS_MEASURED_ON = "(not yet measured)"
FLOORS = {
    "relation_f1": 0.0,
    "relation_precision": 0.0,
    "relation_recall": 0.0,
    "numeric_found": 0.0,
    "numeric_extra_max": 1.0,  # a ceiling: share of rapportkoll's figures no truth table has
    "footnotes_found": 0.0,
    "footnotes_linked": 0.0,
    "captions_right": 0.0,
    "text_tables_identical": 0.0,
}


@pytest.fixture(scope="module")
def runs():
    fixtures = load_fixtures(FIXTURES)
    if not fixtures:
        pytest.skip(f"no fixture in {FIXTURES} has its PDF")
    by_extractor, _ = run_all(fixtures, repeat=1, only=[RAPPORTKOLL], progress=False)
    return by_extractor[RAPPORTKOLL]


def share(a: int, b: int) -> float:
    return a / b if b else 1.0


def test_every_fixture_is_read(runs):
    assert [r.fixture.name for r in runs if r.extraction.error] == []


def test_table_structure(runs):
    rel = totals(runs).relations
    assert rel.f1 >= FLOORS["relation_f1"]
    assert rel.precision >= FLOORS["relation_precision"]
    assert rel.recall >= FLOORS["relation_recall"]


def test_figures(runs):
    t = totals(runs)
    assert share(t.numeric_found, t.numeric_total) >= FLOORS["numeric_found"]
    assert (t.numeric_extra / t.numeric_predicted if t.numeric_predicted else 0.0) <= FLOORS["numeric_extra_max"]


def test_footnotes(runs):
    notes = [f for r in runs for f in r.footnotes]
    assert share(sum(f.found for f in notes), len(notes)) >= FLOORS["footnotes_found"]
    assert share(sum(f.linked for f in notes), len(notes)) >= FLOORS["footnotes_linked"]


def test_captions(runs):
    checked = sum(sum(r.captions_checked.values()) for r in runs)
    wrong = sum(len(r.captions) for r in runs)
    assert share(checked - wrong, checked) >= FLOORS["captions_right"]


def test_toc_is_not_a_table(runs):
    assert [r.fixture.name for r in runs if r.toc_as_table] == []


def test_text_version_tables_match(runs):
    same, total = sum(r.text_tables_same for r in runs), sum(r.text_tables for r in runs)
    assert share(same, total) >= FLOORS["text_tables_identical"]
