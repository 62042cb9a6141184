"""A table whose corner cell names the kind of group its rows list, and whose caption breaks the figures
down by it ("Omställningsmöten efter verksamhetsområde och kön" over a corner "Verksamhetsområde"), written
for these tests: each row is a group of what the caption counts, even a group no word list knows
("Norrby", "Åsen"), so its cells keep the caption's measure and take the row as their group. Without such
a corner and caption, a row that names something else is no group of the caption's measure."""
from __future__ import annotations

from pathlib import Path

import pytest

from ingest.records import DocumentMetadata
from ingest.text_reader import read_text
from nlp.extract import extract_facts

REPORT = """Uppföljning 2031

1 Möten

Tabell 1 Omställningsmöten efter verksamhetsområde och kön, 2031
Verksamhetsområde\tKvinnor\tMän\tTotalt
Norrby\t212\t148\t360
Åsen\t97\t81\t178
Samtliga\t309\t229\t538

Tabell 2 Kontaktmöten efter verksamhetsområde, 2031
Verksamhetsområde\tAntal
Norrby\t64
Åsen\t23
Regionen totalt\t87

Tabell 3 Omställningsmöten 2031
\tKvinnor\tMän\tTotalt
Deltagare i projektet Vidare\t41\t37\t78
"""


@pytest.fixture(scope="module")
def facts(nlp, catalogue):
    doc = read_text(Path("moten.txt"), "moten", DocumentMetadata(reporting_year=2031), "0", text=REPORT)
    return {f.printed: f for f in extract_facts(doc, nlp, catalogue) if f.kind == "table"}


def test_rows_a_corner_and_caption_call_groups_keep_the_caption_measure(facts):
    norrby = facts["212"]
    assert norrby.measure == "omstallningsmoten_antal"
    assert dict(norrby.breakdown) == {"grupp": "Norrby", "kon": "kvinnor"}
    assert facts["178"].measure == "omstallningsmoten_antal" and dict(facts["178"].breakdown) == {"grupp": "Åsen"}
    assert facts["538"].measure == "omstallningsmoten_antal" and dict(facts["538"].breakdown) == {}


def test_a_total_named_with_what_it_totals_is_no_group(facts):
    assert facts["64"].measure == "kontaktmoten_antal" and dict(facts["64"].breakdown) == {"grupp": "Norrby"}
    assert facts["87"].measure == "kontaktmoten_antal" and dict(facts["87"].breakdown) == {}  # "Regionen totalt"


def test_a_row_naming_something_else_without_such_a_corner_is_not_the_caption_measure(facts):
    assert facts["78"].measure == "unclassified"
