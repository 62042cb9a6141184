"""Which group a table cell is for, from the table's own structure (texts written for these tests).

A header row that lists organisations names groups even where only some of them are known words; a
corner cell "Post" makes the rows budget lines; an agency inside a longer label is not the figure's
group; and a count of people splits by kön whatever measure it took.
"""
from __future__ import annotations

from pathlib import Path

from ingest.records import DocumentMetadata
from ingest.text_reader import read_text
from nlp.extract import extract_facts

REPORT = """Verksamhetsberättelse 2027

1. Medlemmar

\tFörsäkringskassan\tArbetsförmedlingen\tRegion Norrland\tÖby kommun\tSumma
Medlemsinsats, tkr\t2 000\t2 000\t2 000\t2 000\t8 000
Anvisade deltagare\t40\t55\t12\t9\t116
Tabell 1: Medlemmarnas insatser och anvisade deltagare 2027

Post\tBudget 2027\tUtfall 2027
Medlemsinsatser\t8 000\t8 000
Övriga intäkter\t100\t140
Kansli och administration\t1 200\t1 150
Tabell 2: Budget och utfall 2027, tkr

År\tInskrivna på Arbetsförmedlingen\tEj inskrivna
2027\t310\t120
Tabell 3: Deltagare efter inskrivning

Under året deltog 116 personer i insatserna, varav 70 kvinnor och 46 män.

Ersättning\tKvinnor\tMän
Sjukpenning\t809\t918
Rehabiliteringspenning\t776\t889
Tabell 4: Ersättning per dag, kronor

Kostnadsslag\tBeviljat\tUpparbetat
Personal\t11 400\t11 652
Resor\t640\t518
Årets resultat\t-120\t-95
Tabell 5: Budget per kostnadsslag, tkr

Indikator\tMål\tUtfall
Deltagare, antal\t400\t538
Tabell 6: Utfall mot mål

Verksamhet	Budget	Utfall	Avvikelse
Hemtjänst	4 300	4 412	-112
Färdtjänst	900	861	39
Tabell 7: Budget och utfall per verksamhet, tkr

Stödform	Flickor	Pojkar
Läxhjälp	61	47
Sommarjobb	38	52
Tabell 8: Unga i stödet efter stödform och kön

Reform	Flickor	Pojkar
Fritidskort	610	640
Tabell 9: Unga som berörs av reformerna

2. Sjukpenning

Antalet ärenden om sjukpenning ökade igen. Under 2027 fattades beslut i 1 204 ärenden om förlängning.
"""


def _facts(nlp, catalogue):
    doc = read_text(Path("forbund.txt"), "forbund", DocumentMetadata(reporting_year=2027), "0", text=REPORT)
    return extract_facts(doc, nlp, catalogue)


def _at(facts, printed: str, kind: str = "table"):
    found = [f for f in facts if f.printed == printed and f.kind == kind]
    assert found, (printed, [(f.printed, f.kind) for f in facts])
    return found[0]


def test_member_columns_are_groups_beside_the_agencies(nlp, catalogue):
    facts = _facts(nlp, catalogue)
    assert dict(_at(facts, "40").breakdown) == {"myndighet": "Försäkringskassan"}
    assert dict(_at(facts, "55").breakdown) == {"myndighet": "Arbetsförmedlingen"}
    assert dict(_at(facts, "12").breakdown) == {"grupp": "Region Norrland"}
    assert dict(_at(facts, "9").breakdown) == {"grupp": "Öby kommun"}
    assert dict(_at(facts, "116").breakdown) == {}  # Summa


def test_rows_under_a_post_corner_are_budget_lines(nlp, catalogue):
    facts = _facts(nlp, catalogue)
    assert dict(_at(facts, "1 150").breakdown) == {"post": "kansli och administration"}
    assert dict(_at(facts, "140").breakdown) == {"post": "övriga intäkter"}


def test_an_agency_inside_a_longer_label_is_not_the_figures_group(nlp, catalogue):
    facts = _facts(nlp, catalogue)
    assert "myndighet" not in dict(_at(facts, "310").breakdown)


def test_a_count_of_people_splits_by_kon(nlp, catalogue):
    facts = _facts(nlp, catalogue)
    assert dict(_at(facts, "70", "body").breakdown).get("kon") == "kvinnor"
    assert dict(_at(facts, "46", "body").breakdown).get("kon") == "män"


def test_rows_beside_a_known_forman_are_groups(nlp, catalogue):
    facts = _facts(nlp, catalogue)
    assert dict(_at(facts, "809").breakdown) == {"forman": "sjukpenning", "kon": "kvinnor"}
    assert dict(_at(facts, "776").breakdown) == {"grupp": "Rehabiliteringspenning", "kon": "kvinnor"}


def test_a_section_headed_by_a_forman_is_about_it_though_another_sentence_names_it(nlp, catalogue):
    facts = _facts(nlp, catalogue)
    assert dict(_at(facts, "1 204", "body").breakdown).get("forman") == "sjukpenning"


def test_cost_lines_under_a_kostnadsslag_corner_are_posts_but_not_the_result(nlp, catalogue):
    facts = _facts(nlp, catalogue)
    assert dict(_at(facts, "11 652").breakdown) == {"post": "personal"}
    assert dict(_at(facts, "518").breakdown) == {"post": "resor"}
    assert "post" not in dict(_at(facts, "-95").breakdown)


def test_rows_under_an_indikator_corner_are_measures_not_groups(nlp, catalogue):
    facts = _facts(nlp, catalogue)
    assert "grupp" not in dict(_at(facts, "538").breakdown)


def test_rows_of_a_budget_table_are_posts_whatever_its_corner_says(nlp, catalogue):
    facts = _facts(nlp, catalogue)
    assert dict(_at(facts, "4 412").breakdown) == {"post": "hemtjänst"}
    assert dict(_at(facts, "39").breakdown) == {"post": "färdtjänst"}


def test_rows_are_groups_where_the_caption_breaks_the_figures_down_by_the_corner(nlp, catalogue):
    facts = _facts(nlp, catalogue)
    assert dict(_at(facts, "47").breakdown).get("grupp") == "Läxhjälp"
    assert dict(_at(facts, "38").breakdown).get("grupp") == "Sommarjobb"
    # no "efter reform" in its caption: each row may be its own figure, not a group of one
    assert "grupp" not in dict(_at(facts, "610").breakdown)

