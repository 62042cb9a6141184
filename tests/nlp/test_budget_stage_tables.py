"""Tables whose columns are the stages of a budget year ("Utfall 2026 | Prognos 2027 | Beräknat 2028"),
written for these tests.

Such a column is a year: its stage word says whether the figure is an outcome, a forecast or a plan. A row
that names a catalogue measure by itself ("Tilldelade medel") is that measure, not a budget line; a "varav"
row is the part of the row above it, named without the "varav"; the counts under such columns list
activities, not budget lines (posts are money); a row of a numbered anslag measures that anslag and no
catalogue measure, and so does the sum of such rows, and "anslagen" in a sentence (several appropriations)
is not the one anslag a catalogue measure is of; the agency an anslag is named after, or one a caption
names as a partner ("tillsammans med Arbetsförmedlingen"), splits none of the figures.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from ingest.records import DocumentMetadata
from ingest.text_reader import read_text
from nlp.extract import extract_facts
from nlp.tables.headers import is_year_label

REPORT = """Verksamhetsplan 2028

1 Medlen för samarbetet

Tabell 1 Försäkringskassans medel för samarbetet, mnkr
\tUtfall 2026\tPrognos 2027\tBeräknat 2028
Tilldelade medel\t214,5\t220,0\t231,0
Förbrukade medel\t209,8\t219,1\t230,4
varav förvaltning\t98,2\t101,6\t104,9
Differens\t4,7\t0,9\t0,6

2 Volymer

Tabell 2 Volymer i samarbetet
Verksamhet\tUtfall 2026\tPrognos 2027\tBeräknat 2028
Gemensamma kartläggningar\t9 310\t9 540\t9 900
varav med aktivitetsersättning\t1 120\t1 180\t1 240

3 Anslagen

Tabell 3 Försäkringskassans utgifter per anslag, mnkr
Anslag\tUtfall 2026\tPrognos 2027\tBeräknat 2028
2:1 Försäkringskassans förvaltningskostnader\t9 874\t10 112\t10 390
2:3 Bidrag till samordningsförbunden\t452\t461\t470
Summa\t10 326\t10 573\t10 860

4 Projektet

Tabell 4 Deltagare i projektet tillsammans med Arbetsförmedlingen
\t2027\t2028\tFörändring, %
Deltagare i projektet\t412\t447\t8,5

Det särskilda anslaget för samarbetet höjs med 15 miljoner kronor. Regeringen föreslår att anslagen inom
utgiftsområdet ökas med sammanlagt 640 miljoner kronor.
"""


@pytest.fixture(scope="module")
def facts(nlp, catalogue):
    doc = read_text(Path("plan.txt"), "plan", DocumentMetadata(reporting_year=2028), "0", text=REPORT)
    return extract_facts(doc, nlp, catalogue)


def _fact(facts, printed: str):
    found = [f for f in facts if f.printed == printed and f.kind == "table"]
    assert len(found) == 1, (printed, found)
    return found[0]


def test_a_budget_stage_and_its_year_is_a_year_label():
    assert is_year_label("Utfall 2026") and is_year_label("Prognos 2027") and is_year_label("Beräknat 2028")
    assert not is_year_label("Förbrukade medel 2026")


def test_rows_that_name_a_measure_are_that_measure_under_budget_columns(facts):
    assigned = _fact(facts, "214,5")
    assert (assigned.measure, assigned.period, assigned.value) == ("tilldelade_medel_kronor", "2026", 214_500_000)
    assert dict(assigned.breakdown) == {"myndighet": "Försäkringskassan"}  # the caption's agency, no post
    assert _fact(facts, "0,9").measure == "differens_medel_kronor"
    assert _fact(facts, "219,1").period == "2027"


def test_a_varav_row_is_the_post_without_its_varav(facts):
    part = _fact(facts, "101,6")
    assert part.measure == "forbrukade_medel_kronor"
    assert dict(part.breakdown).get("post") == "förvaltning"


def test_counts_under_budget_columns_are_activities_not_posts(facts):
    total = _fact(facts, "9 540")
    assert total.measure == "gemensamma_kartlaggningar_antal"
    assert "post" not in dict(total.breakdown)
    part = _fact(facts, "1 180")
    assert dict(part.breakdown) == {"forman": "aktivitetsersättning"}


def test_numbered_anslag_rows_and_their_sum_measure_no_catalogue_measure(facts):
    for printed in ("9 874", "452", "10 573"):
        assert _fact(facts, printed).measure == "unclassified", printed
    # the anslag says whose money it is: no split by the agency of the caption
    assert dict(_fact(facts, "452").breakdown) == {"post": "bidrag till samordningsförbunden"}


def test_an_agency_the_caption_names_as_a_partner_splits_nothing(facts):
    for printed in ("447", "8,5"):
        assert "myndighet" not in dict(_fact(facts, printed).breakdown), printed


def test_the_sum_of_several_anslag_is_not_the_measure_of_one(facts):
    several = [f for f in facts if f.printed.startswith("640")]
    assert len(several) == 1 and several[0].measure == "unclassified"
