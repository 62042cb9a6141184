"""Parallel cards: several short titles, each over "Label: value" lines with the same labels, are one card per
group, and the title is the group of its figures (a report's project sheets, a county's office cards).
Texts made up for these tests."""
from __future__ import annotations

from pathlib import Path

from ingest.records import DocumentMetadata
from ingest.text_reader import read_text
from nlp.extract import extract_facts

REPORT = """Verksamhetsberättelse 2031

Kontoren

Norra kontoret
Besök: 4 210
Ärenden: 1 306
Handläggare: 14

Södra kontoret
Besök: 3 980
Ärenden: 1 122
Handläggare: 11

Fakta i korthet
Besök: 8 190
Öppettimmar per vecka: 32
"""


def _facts(nlp, catalogue):
    doc = read_text(Path("kontor.txt"), "kontor", DocumentMetadata(reporting_year=2031), "0", text=REPORT)
    return {(f.line, f.printed): f for f in extract_facts(doc, nlp, catalogue)}


def test_each_card_title_is_the_group_of_its_figures(nlp, catalogue):
    got = _facts(nlp, catalogue)
    assert dict(got[(6, "4 210")].breakdown).get("grupp") == "Norra kontoret"
    assert dict(got[(8, "14")].breakdown).get("grupp") == "Norra kontoret"
    assert dict(got[(12, "1 122")].breakdown).get("grupp") == "Södra kontoret"


def test_a_box_with_labels_no_other_card_shares_has_no_group(nlp, catalogue):
    got = _facts(nlp, catalogue)
    assert "grupp" not in dict(got[(16, "8 190")].breakdown)
