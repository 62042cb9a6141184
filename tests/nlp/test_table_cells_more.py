"""Table mechanisms from the fifth batch of blind reports (issue 21), each on a small text of its own:
goal cells with a qualifier word, a caption that only one table stands next to, Markdown's backslash
escapes, estimates with their standard errors in the unit the caption names, shares printed as fractions
beside a negative difference, and units quoted in the text for rows that name their own.

The texts are written for these tests, not taken from tests/data (the benchmark scores those)."""
from __future__ import annotations

from pathlib import Path

import pytest

from ingest.records import DocumentMetadata
from ingest.text_markup import strip_tags
from ingest.text_reader import read_text
from nlp.extract import extract_facts
from nlp.tables.cells import CELL_BOUND, bound_qualifier, is_numeric_cell


def facts_of(nlp, catalogue, text: str, year: int = 2030, name: str = "plan.txt"):
    doc = read_text(Path(name), "plan", DocumentMetadata(reporting_year=year), "0", text=text)
    return doc, extract_facts(doc, nlp, catalogue)


@pytest.mark.parametrize("text,numeric,qualifier", [
    ("högst 14", True, "under"), ("Minst 2 300", True, "over"), ("ca 40 %", True, "approximate"),
    ("<5", True, "under"), ("upp till 12", True, "under"), ("17", True, None),
    ("Högst", False, None), ("minst en", False, None), ("över tid", False, None),
])
def test_a_qualifier_word_before_a_cell_figure(text, numeric, qualifier):
    assert is_numeric_cell(text) is numeric
    bound = CELL_BOUND.match(text)
    assert (bound_qualifier(bound) if bound and numeric else None) == qualifier


GOALS = """Verksamhetsplan 2030

Tabell 4. Mål för ärendehanteringen
Mått\tUtfall 2028\tUtfall 2029\tMål 2030
Väntetid i telefon, minuter (median)\t9\t11\thögst 8
Andel besvarade brev inom fem dagar, %\t77\t74\tminst 90
Källa: Ärendesystemet.
"""


def test_goal_cells_with_a_qualifier_are_figures(nlp, catalogue):
    _, facts = facts_of(nlp, catalogue, GOALS)
    wait = next(f for f in facts if f.line == 5 and f.period == "2030")
    assert (wait.printed, wait.value, wait.qualifier) == ("högst 8", 8.0, "under")
    assert [f.qualifier for f in facts if f.line == 5 and f.period != "2030"] == ["exact", "exact"]
    goal = next(f for f in facts if f.line == 6 and f.printed == "minst 90")
    assert (goal.value, goal.unit, goal.qualifier, goal.period) == (90.0, "procent", "over", "2030")


MIXED_CAPTIONS = """Plan för 2030

1 Ärenden
Antalet ärenden väntas öka något under året.
Tabell 1. Ärenden per enhet, antal
Enhet\t2028\t2029
Norr\t410\t455
Söder\t380\t402
Källa: Ärendesystemet.

2 Ekonomi
Ramarna fördelas enligt beslut i styrelsen.
Enhet\tRam 2029\tRam 2030
Norr\t12,4\t13,1
Söder\t10,2\t10,9
Tabell 2. Budgetram per enhet, mnkr
Källa: Ekonomisystemet.

3 Personal
Personalen räknas i årsarbetskrafter.
Tabell 3. Kostnad per årsarbetskraft, tkr
Enhet\t2029\t2030
Norr\t612\t630
Söder\t598\t611
Uppgifterna avser genomsnitt för året.
"""


def test_a_caption_only_one_table_stands_next_to_is_its_own(nlp, catalogue):
    # two captions above their tables, one below: each table keeps the one that is next to it and no other table
    doc, facts = facts_of(nlp, catalogue, MIXED_CAPTIONS)
    assert [t.caption.split(".")[0] for t in doc.tables] == ["Tabell 1", "Tabell 2", "Tabell 3"]
    ram = next(f for f in facts if f.printed == "13,1")
    assert (ram.value, ram.unit) == (13_100_000.0, "kronor")
    cost = next(f for f in facts if f.printed == "630")
    assert (cost.value, cost.unit) == (630_000.0, "kronor")


def test_markdown_backslash_escapes_are_the_characters():
    assert strip_tags(r"2,2\*\* (0,9)") == "2,2** (0,9)"
    assert strip_tags(r"\*\*\* p < 0,01 och *kursivt*") == "*** p < 0,01 och kursivt"
    assert strip_tags(r"C:\\mapp") == r"C:\mapp"


EFFECTS = """# Utvärdering

**Tabell 5. Effekter efter 6 och 18 månader. Procentenheter, standardfel inom parentes**

| Utfall | 6 månader | 18 månader |
|---|---:|---:|
| Studier | 0,9 (0,5) | 2,2\\*\\* (0,9) |
| Månadslön, tkr | 0,4 (0,3) | 1,6\\* (0,8) |

**Tabell 6. Skattade koefficienter**

| Variabel | Skattning |
|---|---:|
| Kvinna | −0,21\\*\\*\\* (0,05) |
"""


def test_estimates_and_errors_take_the_unit_the_table_names(nlp, catalogue):
    _, facts = facts_of(nlp, catalogue, EFFECTS, name="utv.md")
    studies = [f for f in facts if f.line == 7]
    assert sorted((f.printed.rstrip("*"), f.unit) for f in studies) == [
        ("0,5", "procentenheter"), ("0,9", "procentenheter"), ("0,9", "procentenheter"), ("2,2", "procentenheter")]
    assert all(not f.breakdown for f in studies)  # an effect is no group's figure
    wage = sorted((f.value, f.unit) for f in facts if f.line == 8)
    assert wage == [(300.0, "kronor"), (400.0, "kronor"), (800.0, "kronor"), (1600.0, "kronor")]
    # with no unit named, an estimate is a regression's koefficient and its standardfel
    assert sorted((f.unit, f.value) for f in facts if f.line == 14) == [("koefficient", -0.21), ("standardfel", 0.05)]


FRACTIONS = """# Deltagarna

| Variabel | Deltagare | Övriga | Skillnad |
|---|---:|---:|---:|
| Andel med gymnasieexamen | 0,71 | 0,76 | −0,05 |
| Andel födda utomlands | 0,22 | 0,19 | 0,03 |
| Ålder, år | 41,2 | 42,0 | −0,8 |

*Tabell 2. Deltagare och övriga, kohorten 2029*
"""


def test_shares_as_fractions_beside_a_negative_difference(nlp, catalogue):
    _, facts = facts_of(nlp, catalogue, FRACTIONS, name="frak.md")
    row = sorted((f.printed, f.value, f.unit) for f in facts if f.line == 5)
    assert row == [("0,71", 71.0, "procent"), ("0,76", 76.0, "procent"), ("−0,05", -5.0, "procentenheter")]
    assert sorted((f.printed, f.value, f.unit) for f in facts if f.line == 6)[0] == ("0,03", 3.0, "procentenheter")
    # a row of ages is no fraction, nor is its difference
    assert sorted((f.printed, f.value) for f in facts if f.line == 7) == [("41,2", 41.2), ("42,0", 42.0), ("−0,8", -0.8)]


QUOTED = """Förbundets siffror

Andelen som påbörjade en insats ökade till 64 procent, och 57 procent av dem som avslutade hade fått arbete.

  Förbundets område                        2029      2030
  Kartläggningar                            231       268
  Påbörjat insats, %                         61        64
  Avslutat insats, antal                    102       118
    därav fått arbete, %                     53        57
"""


def test_units_quoted_for_rows_that_name_their_own_say_nothing_of_the_column(nlp, catalogue):
    _, facts = facts_of(nlp, catalogue, QUOTED)
    counts = {f.printed: f.unit for f in facts if f.line == 6}
    assert counts == {"231": "antal", "268": "antal"}
    assert {f.printed: f.unit for f in facts if f.line == 7} == {"61": "procent", "64": "procent"}


GOAL_COLUMNS = """Verksamhetsplan 2031

Tabell 2. Det förstärkta samarbetet
Indikator\tUtfall 2029\tUtfall 2030\tMål 2031
Gemensamma kartläggningar, antal\t9 870\t10 240\tminst 11 000
Kontaktmöten, antal\t1 020\t1 110\t1 200
Källa: SUS.
"""


def test_a_goal_column_takes_the_goal_key_or_none(nlp, catalogue):
    _, facts = facts_of(nlp, catalogue, GOAL_COLUMNS, year=2031)
    kartl = {f.period: f.measure for f in facts if f.line == 5}
    assert kartl == {"2029": "gemensamma_kartlaggningar_antal", "2030": "gemensamma_kartlaggningar_antal",
                     "2031": "gemensamma_kartlaggningar_mal_antal"}
    meetings = {f.period: f.measure for f in facts if f.line == 6}
    assert meetings["2030"] == "kontaktmoten_antal"
    assert meetings["2031"] == "unclassified"  # a goal the catalogue keeps no key for is no outcome


AFTER_WORDS = """Uppföljning 2031

Tabell 5. Samarbetet i kommunen
Uppgift\t2029\t2030
Avslag på sjukpenning, antal\t174\t196
Omställningsmöten efter avslag på sjukpenning, antal\t29\t41
Källa: Försäkringskassan.
"""


def test_what_follows_efter_in_a_label_is_whom_it_counts_not_what(nlp, catalogue):
    _, facts = facts_of(nlp, catalogue, AFTER_WORDS, year=2030)
    assert {f.measure for f in facts if f.line == 5} == {"avslag_antal"}
    assert {f.measure for f in facts if f.line == 6} == {"omstallningsmoten_antal"}


KEY_FIGURES = """Halvårsuppföljning 2031

Tabell 1. Nyckeltal, första halvåret 2030 och 2031. Förändring i antal, dagar respektive procentenheter
Mått\tFörsta halvåret 2030\tFörsta halvåret 2031\tFörändring
Deltagare i insats per månad, genomsnitt\t4 210\t4 388\t+178
Andel som fått arbete\t41,2 %\t43,0 %\t+1,8
Väntetid till första möte, dagar i genomsnitt\t37\t33\t−4
Källa: Uppföljningssystemet.
"""


def test_a_caption_naming_several_units_names_none_and_a_row_of_shares_changes_in_points(nlp, catalogue):
    _, facts = facts_of(nlp, catalogue, KEY_FIGURES, year=2031)
    assert {f.printed: f.unit for f in facts if f.line == 5} == {"4 210": "antal", "4 388": "antal", "+178": "antal"}
    assert {f.printed: f.unit for f in facts if f.line == 6} == {"41,2 %": "procent", "43,0 %": "procent",
                                                                  "+1,8": "procentenheter"}
    assert {f.printed: f.unit for f in facts if f.line == 7} == {"37": "dagar", "33": "dagar", "−4": "dagar"}
