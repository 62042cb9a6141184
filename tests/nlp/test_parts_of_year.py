"""A figure for a month, a quarter or the months so far is not the year's figure of a yearly measure.

Monthly and quarterly statistics restate the series' measures for parts of a year; taken for the
year's value they would enter the annual series and the consistency checks as false restatements.
The texts are written for these tests.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from ingest.records import DocumentMetadata
from ingest.text_reader import read_text
from nlp.extract import extract_facts
from nlp.candidate_keys import covers_part_of_year, part_candidate_key
from nlp.records import UNCLASSIFIED, Measure
from nlp.sv.periods import find_parts_of_year
from nlp.tables import period_part


def facts_of(nlp, catalogue, text: str, year: int, name: str):
    doc = read_text(Path(name), "manad", DocumentMetadata(reporting_year=year), "0", text=text)
    return extract_facts(doc, nlp, catalogue)


def one(facts, printed: str):
    found = [f for f in facts if f.printed == printed]
    assert len(found) == 1, (printed, [(f.printed, f.value) for f in facts])
    return found[0]


@pytest.mark.parametrize("text, labels", [
    ("I oktober 2026 genomfördes 1 046, fler än i oktober 2025.", ["oktober", "oktober"]),
    ("under tredje kvartalet 2026, mot samma kvartal året innan", ["kvartal 3", "samma"]),
    ("9 874 under januari–oktober", ["januari–oktober"]),
    ("jan–okt 2026", ["januari–oktober"]),
    ("Till och med september 2026 hade", ["januari–september"]),
    ("2025 kv 1", ["kvartal 1"]),
    ("Kv 3 2026", ["kvartal 3"]),
    ("Q2", ["kvartal 2"]),
    ("första halvåret 2027", ["halvår 1"]),
    ("har hållits hittills i år", ["hittills i år"]),
    ("Genomsnittlig ersättning per dag, oktober 2026", ["oktober"]),
    ("Oktober", ["oktober"]),
])
def test_parts_of_a_year_are_named(text, labels):
    assert [label for _, _, label in find_parts_of_year(text)] == labels


@pytest.mark.parametrize("text", [
    "Helår 2025", "per månad i genomsnitt", "infördes den 1 april 2025", "januari–december 2025", "Under 2025",
    "ett halvår efter avslutet", "Kvartalsrapport",
])
def test_not_a_part_of_a_year(text):
    assert find_parts_of_year(text) == []


YEARLY = Measure(key="moten_antal", label="Antal möten", unit="antal", definition="Antal möten under året.")
DECEMBER = Measure(key="pagaende_december_antal", label="Antal i insats i december", unit="antal",
                   definition="Antal som befann sig i en insats i december (ögonblicksbild).")
TIMELESS = Measure(key="diagnos_andel", label="Andel med diagnos", unit="procent",
                   definition="Andel av alla ärenden som rör en viss diagnos.")


def test_which_measures_a_part_of_a_year_can_be():
    assert covers_part_of_year(YEARLY, "")
    assert not covers_part_of_year(YEARLY, "oktober")
    assert not covers_part_of_year(YEARLY, "kvartal 3")
    assert covers_part_of_year(YEARLY, "augusti–december")  # the rest of a year something began in
    assert covers_part_of_year(DECEMBER, "december") and not covers_part_of_year(DECEMBER, "oktober")
    assert covers_part_of_year(TIMELESS, "oktober")
    assert part_candidate_key("moten_antal", "oktober") == "x_moten_antal_manad"
    assert part_candidate_key("moten_antal", "kvartal 3") == "x_moten_antal_kvartal"
    assert part_candidate_key("moten_antal", "januari–september") == "x_moten_antal_delar"


def test_table_cells_take_their_part_from_headers_then_caption():
    caption = "Möten efter förmån, per kvartal januari–september 2027"
    assert period_part(["Kv 2 2027", "Totalt"], caption) == "kvartal 2"
    assert period_part(["Totalt"], caption) == "januari–september"
    assert period_part(["Helår 2026"], caption) == ""
    assert period_part(["2026"], "Möten efter förmån, per år") == ""


MONTHLY_NOTE = """Månadsuppföljning september 2027

Under 2026 genomförde myndigheterna 11 402 gemensamma kartläggningar.

I september 2027 genomförde myndigheterna 987 gemensamma kartläggningar, 31 fler än samma månad året innan. Av dem gjordes 610 med kvinnor.

Hittills i år har 8 120 gemensamma kartläggningar genomförts. Under helåret 2026 hölls 1 612 omställningsmöten.

Tabell 1 Omställningsmöten per kvartal 2027

Kvartal\tSjukpenning\tAktivitetsersättning
Kv 1 2027\t301\t77
Kv 2 2027\t318\t81
"""


def test_monthly_figures_are_not_the_years_measure(nlp, catalogue):
    facts = facts_of(nlp, catalogue, MONTHLY_NOTE, year=2027, name="manad.txt")
    year = one(facts, "11 402")
    assert (year.measure, year.period, year.period_part) == ("gemensamma_kartlaggningar_antal", "2026", "")
    month = one(facts, "987")
    assert (month.measure, month.period, month.period_part) == (UNCLASSIFIED, "2027", "september")
    assert month.measure_candidate == "x_gemensamma_kartlaggningar_antal_manad"
    change = one(facts, "31")
    assert (change.measure, change.period_part) == (UNCLASSIFIED, "september")
    women = one(facts, "610")  # the paragraph opened on September
    assert (women.measure, women.period_part, dict(women.breakdown)) == (UNCLASSIFIED, "september", {"kon": "kvinnor"})
    so_far = one(facts, "8 120")
    assert (so_far.measure, so_far.period_part) == (UNCLASSIFIED, "hittills i år")
    whole = one(facts, "1 612")  # a whole year named in the paragraph ends the part
    assert (whole.measure, whole.period, whole.period_part) == ("omstallningsmoten_antal", "2026", "")
    quarter = one(facts, "318")
    assert (quarter.measure, quarter.period, quarter.period_part) == (UNCLASSIFIED, "2027", "kvartal 2")
    assert quarter.measure_candidate == "x_omstallningsmoten_antal_kvartal"


def test_settle_part_year_leaves_a_yearly_measure_of_a_month_unclassified_with_its_candidate():
    from nlp.measures import load_catalogue
    from nlp.part_year import settle_part_year
    from nlp.records import Fact

    by_key = {m.key: m for m in load_catalogue()}
    base = dict(id="", doc="d", source_file="d.txt", measure="gemensamma_kartlaggningar_antal",
                measure_label="Gemensamma kartläggningar", period="2026", breakdown=(), value=1046.0, printed="1 046",
                unit="antal", scale=1.0, qualifier="exact", kind="body", measure_score=1.8)
    month, year = settle_part_year([Fact(**base, period_part="oktober"), Fact(**base)], by_key)
    assert (month.measure, month.measure_score, month.measure_candidate) == (
        "unclassified", 0.0, "x_gemensamma_kartlaggningar_antal_manad")
    assert year.measure == "gemensamma_kartlaggningar_antal" and year.measure_score == 1.8


def test_a_report_on_a_half_year_gives_its_part_to_figures_that_take_the_reports_year(nlp, catalogue):
    from ingest.records import DocumentMetadata
    from ingest.text_reader import read_text
    from nlp.extract import extract_facts

    text = ("Uppföljning av det förstärkta samarbetet, första halvåret 2043\n\n"
            "Under perioden genomfördes 5 210 gemensamma kartläggningar.\n\n"
            "Under helåret 2042 genomfördes 10 480 gemensamma kartläggningar.\n")
    meta = DocumentMetadata(title="Uppföljning av det förstärkta samarbetet, första halvåret 2043", reporting_year=2043)
    facts = {f.printed: f for f in extract_facts(read_text("h.txt", "h", meta, "0", text=text), nlp, catalogue)}
    assert facts["5 210"].period_part == "halvår 1" and facts["5 210"].measure == "unclassified"
    assert facts["10 480"].period_part == "" and facts["10 480"].measure == "gemensamma_kartlaggningar_antal"
