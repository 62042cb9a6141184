"""Facts from space-aligned tables (`pdftotext -layout` text): units and scales named in a row
label, change columns in percent and in percentage points, running footers. Texts written for
these tests, in a style of their own."""
from __future__ import annotations

from pathlib import Path

from ingest.records import DocumentMetadata
from ingest.text_reader import read_text
from nlp.extract import extract_facts

REPORT = """Bostadsbidrag

Tabell 7 Bostadsbidrag, nyckeltal 2019–2021

                                        2019      2020      2021    Förändring
                                                                     2020–2021
                                                                           (%)
Hushåll med bidrag (tusental)            140,2     145,9     151,3         3,7
Utbetalt belopp, mnkr                    4 610     4 892     5 127         4,8
Kostnad per ärende, kronor               1 915     1 880     1 862        -1,0
Genomsnittlig handläggningstid för
  nya ansökningar, dagar (median)           21        19        24        26,3
Andel beslut inom 14 dagar (%)              88        90        85           –

Källa: Egen statistik.

                                       Myndigheten  Årsbok 2021      12

Tabell 8 Ärenden och andelar 2020–2021

                                        2020      2021    Förändring
                                                           2020–2021
Inkomna ärenden                          8 120     8 452         332
Andel digitala ansökningar (%)            71,5      74,0         2,5

                                       13      Myndigheten  Årsbok 2021
"""


def facts_of(nlp, catalogue, text: str):
    doc = read_text(Path("arsbok.txt"), "arsbok", DocumentMetadata(reporting_year=2021), "0", text=text)
    return extract_facts(doc, nlp, catalogue)


def by_printed(facts):
    return {(f.line, f.printed): f for f in facts}


def test_unit_and_scale_from_the_row_label(nlp, catalogue):
    got = by_printed(facts_of(nlp, catalogue, REPORT))
    assert (got[(8, "151,3")].value, got[(8, "151,3")].unit, got[(8, "151,3")].period) == (151_300, "antal", "2021")
    assert (got[(9, "4 610")].value, got[(9, "4 610")].unit, got[(9, "4 610")].period) == (4_610_000_000, "kronor", "2019")
    assert (got[(10, "1 862")].value, got[(10, "1 862")].unit) == (1862, "kronor")
    # the unit before a remark in parentheses: "dagar (median)"
    assert (got[(12, "24")].value, got[(12, "24")].unit, got[(12, "24")].period) == (24, "dagar", "2021")
    assert (got[(13, "90")].unit, got[(13, "90")].period) == ("procent", "2020")


def test_change_column_in_percent_is_a_relative_change_with_its_direction(nlp, catalogue):
    got = by_printed(facts_of(nlp, catalogue, REPORT))
    rise, fall = got[(8, "3,7")], got[(10, "-1,0")]
    assert (rise.value, rise.unit, rise.period, dict(rise.breakdown).get("forandring")) == (3.7, "procent", "2020-2021", "ökning")
    assert (fall.value, fall.unit, dict(fall.breakdown).get("forandring")) == (1.0, "procent", "minskning")
    assert not any(f.printed == "–" for f in got.values())


def test_change_of_a_count_and_of_a_share(nlp, catalogue):
    got = by_printed(facts_of(nlp, catalogue, REPORT))
    count, share = got[(23, "332")], got[(24, "2,5")]
    assert (count.value, count.unit, count.period, dict(count.breakdown).get("forandring")) == (332, "antal", "2020-2021", "ökning")
    # a change of a share, in a column that names no unit, is in percentage points
    assert (share.value, share.unit, share.period, "forandring" in dict(share.breakdown)) == (2.5, "procentenheter", "2020-2021", False)


def test_running_footers_give_no_facts(nlp, catalogue):
    facts = facts_of(nlp, catalogue, REPORT)
    assert not [f for f in facts if f.line in (17, 26)]
    assert not [f for f in facts if f.printed in ("12", "13")]


GROUPED = """Tabell 5 Kartläggningar per förmån, 2021 och 2022

                      Gemensamma kartläggningar       Andel kvinnor (%)
                          2021          2022          2021        2022
Sjukpenning              6 410         6 980            62          63
Aktivitetsersättning     1 522         1 604            47          49

Tabell 6 Utbetalningar 2022–2023

                           Sjukpenning        Sjukersättning
                          2022     2023       2022     2023
Utbetalt, mnkr          38 120   40 210     33 015   32 480
"""


def test_headers_over_the_years_name_the_measure_and_rows_the_group(nlp, catalogue):
    got = by_printed(facts_of(nlp, catalogue, GROUPED))
    count, share = got[(5, "6 980")], got[(5, "63")]
    assert (count.measure, count.unit, count.period, dict(count.breakdown)) == \
        ("gemensamma_kartlaggningar_antal", "antal", "2022", {"forman": "sjukpenning"})
    assert (share.measure, share.unit, share.period, dict(share.breakdown)) == \
        ("gemensamma_kartlaggningar_kon_andel", "procent", "2022", {"forman": "sjukpenning", "kon": "kvinnor"})


def test_an_amount_no_measure_claims_keeps_the_group_its_own_header_is(nlp, catalogue):
    got = by_printed(facts_of(nlp, catalogue, GROUPED))
    paid = got[(12, "32 480")]
    assert (paid.value, paid.unit, paid.period, dict(paid.breakdown)) == (32_480_000_000, "kronor", "2023", {"forman": "sjukersättning"})


CONTINUED = """Tabell 3 Gemensamma kartläggningar efter kön, 2020–2021

                    2020      2021
Kvinnor            4 100     4 300

                                       Myndigheten  Årsbok 2021      12

Tabell 3 (forts.)

                    2020      2021
Män                2 900     3 050

                                       13      Myndigheten  Årsbok 2021
"""


def test_a_continued_table_is_about_what_its_first_part_is(nlp, catalogue):
    got = by_printed(facts_of(nlp, catalogue, CONTINUED))
    men = got[(11, "3 050")]
    assert (men.measure, men.period, dict(men.breakdown)) == ("gemensamma_kartlaggningar_antal", "2021", {"kon": "män"})


MEDIANS = """Tabell 9 Rehabiliteringssamverkan 2020–2021

                                             2020      2021
Tid i samverkan, dagar (genomsnitt)           402       396
Tid i samverkan, dagar (median)               361       355
"""


def test_a_median_row_is_not_the_mean_the_measure_is(nlp, catalogue):
    got = by_printed(facts_of(nlp, catalogue, MEDIANS))
    mean, median = got[(4, "396")], got[(5, "355")]
    assert (mean.measure, mean.unit, mean.period) == ("tid_i_samverkan_dagar", "dagar", "2021")
    assert (median.measure, median.unit, median.period) == ("unclassified", "dagar", "2021")
