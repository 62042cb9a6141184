"""Changes stated with "fler"/"färre" and no "än", and against an earlier year's level named in words.
Sentences made up for these tests."""
from __future__ import annotations

from pathlib import Path

import pytest

from ingest.records import DocumentMetadata
from ingest.text_reader import read_text
from nlp.extract import extract_facts


def _change(nlp, catalogue, sentence: str, printed: str):
    doc = read_text(Path("c.txt"), "c", DocumentMetadata(reporting_year=2031), "0", text=f"Rapport 2031\n\n{sentence}\n")
    found = [f for f in extract_facts(doc, nlp, catalogue) if f.printed.startswith(printed)]
    assert len(found) == 1, [(f.printed, dict(f.breakdown)) for f in extract_facts(doc, nlp, catalogue)]
    return dict(found[0].breakdown).get("forandring")


@pytest.mark.parametrize("sentence, printed, expected", [
    # "fler"/"färre" with no "än", in a sentence about a change
    ("Under våren hölls 3 410 möten. Det är 214 fler, en ökning med sju procent.", "214", "ökning"),
    ("Minskningen var störst i Kalmar län, 38 färre ärenden.", "38", "minskning"),
    # ... and not in a sentence that states no change: a difference between two groups
    ("I Uppsala fanns 12 fler handläggare.", "12", None),
    # against an earlier year's level named in a few words
    ("Anslaget blir 2 410 miljoner kronor, vilket är 85 miljoner kronor mer än i statens budget för 2030.", "85", "ökning"),
    # a comparison with an earlier estimate of the same year is no change
    ("Arbetslösheten blir 6,8 procent, 0,3 procentenheter lägre än regeringen antog i budgetpropositionen för 2031.",
     "0,3", None),
])
def test_change_words(nlp, catalogue, sentence, printed, expected):
    assert _change(nlp, catalogue, sentence, printed) == expected


@pytest.mark.parametrize("sentence, printed, period", [
    # the corresponding part of an earlier year: the change runs from that year to the figure's
    ("Under andra kvartalet 2031 var 88 200 personer inskrivna. Det är 4 300 färre än motsvarande kvartal 2030.",
     "4 300", "2030-2031"),
    ("I maj 2031 fick 6 120 personer ett arbete, 410 fler än samma månad 2029.", "410", "2029-2031"),
    ("Under tredje kvartalet 2031 avslutades 2 950 ärenden, 120 fler än tredje kvartalet 2030.", "120", "2030-2031"),
])
def test_a_change_against_the_same_part_of_an_earlier_year_spans_the_years(nlp, catalogue, sentence, printed, period):
    doc = read_text(Path("c.txt"), "c", DocumentMetadata(reporting_year=2031), "0", text=f"Rapport 2031\n\n{sentence}\n")
    found = [f for f in extract_facts(doc, nlp, catalogue) if f.printed.startswith(printed)]
    assert len(found) == 1 and found[0].period == period, [(f.printed, f.period) for f in found]


@pytest.mark.parametrize("sentence, printed, expected", [
    # a change for one year and, after "och", the next level of the same change
    ("Utgifterna för tolkar ökar med 12 miljoner kronor 2032 och 18 miljoner kronor årligen därefter.", "18", "ökning"),
    ("Bidragen minskar med 5 miljoner kronor 2032 och med 9 miljoner kronor per år från 2033.", "9", "minskning"),
    # ... not a figure of another unit, nor one after a year that is no change's
    ("Antalet ärenden ökade med 310 under 2031 och 4 procent av dem gällde unga.", "4 procent", None),
])
def test_a_change_continued_after_its_year(nlp, catalogue, sentence, printed, expected):
    assert _change(nlp, catalogue, sentence, printed) == expected
