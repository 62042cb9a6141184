"""ingest/text_grid.py: tables as pandoc writes them in plain text (grid, simple and multiline tables).
Small texts written for these tests."""
from __future__ import annotations

import pytest

from ingest.records import DocumentMetadata
from ingest.text_tables import join_wrapped
from ingest.text_reader import read_text


def read(text: str):
    return read_text("t.txt", "t", DocumentMetadata(), "hash", text=text)


def cell(table, text: str):
    (found,) = [c for c in table.cells if c.text == text]
    return found


@pytest.mark.parametrize("a, b, joined", [
    ("(tusen-", "tals kronor)", "(tusentals kronor)"),
    ("Bostads-", "tillägg", "Bostadstillägg"),
    ("hälso-", "och sjukvård", "hälso- och sjukvård"),
    ("Antal", "(medel)", "Antal (medel)"),
    ("2020-", "2024", "2020- 2024"),
])
def test_lines_of_one_cell_are_joined_and_a_hyphen_at_a_break_joins_a_word(a, b, joined):
    assert join_wrapped(a, b) == joined


GRID_NO_ROW_BORDERS = (
    "Ärendena i korthet\n"
    "\n"
    "Tabell 4.1 Ärenden vid nämnden, 2031–2033\n"
    "\n"
    "    +---------------------------+---------+---------+--------------+\n"
    "    | Slag av ärende            |    2031 |    2033 | Kostnad      |\n"
    "    |                           |         |         | (tusen-      |\n"
    "    |                           |         |         | tals kronor) |\n"
    "    +===========================+=========+=========+==============+\n"
    "    | Inkomna ansökningar       |   5 114 |   6 020 |       12 400 |\n"
    "    |   därav förnyade          |   1 877 |   2 105 |              |\n"
    "    | Överklaganden, samtliga   |     311 |     287 |        1 950 |\n"
    "    | instanser                 |         |         |              |\n"
    "    | Återkallade²              |      .. |      64 |            – |\n"
    "    +---------------------------+---------+---------+--------------+\n"
    "² Uppgiften för 2031 saknas.\n"
    "Källa: Nämndens diarium.\n"
    "\n"
    "Ärendena ökade under perioden.\n"
)


def test_a_grid_table_without_borders_between_its_rows_has_a_row_per_line_of_figures():
    doc = read(GRID_NO_ROW_BORDERS)
    (t,) = doc.tables
    assert t.caption == "Tabell 4.1 Ärenden vid nämnden, 2031–2033"
    assert t.header_rows == 1
    assert t.rows == [
        ["Slag av ärende", "2031", "2033", "Kostnad (tusentals kronor)"],
        ["Inkomna ansökningar", "5 114", "6 020", "12 400"],
        ["därav förnyade", "1 877", "2 105", ""],
        ["Överklaganden, samtliga instanser", "311", "287", "1 950"],
        ["Återkallade", "..", "64", "–"],
    ]
    assert cell(t, "12 400").col_headers == ("Kostnad (tusentals kronor)",)
    # the indented label is part of the row above; the wrapped label is one
    assert cell(t, "2 105").row_headers == ("Inkomna ansökningar", "därav förnyade")
    assert cell(t, "287").row_headers == ("Överklaganden, samtliga instanser",) and cell(t, "287").line == 12
    # the note to the marker and the source under the table, as for a tab table
    assert t.source_note == "Källa: Nämndens diarium."
    (note,) = doc.footnotes
    assert note.text == "Uppgiften för 2031 saknas." and note.marker_refs == ("t:t0:r4c0",)
    assert not any("|" in b.text or "+--" in b.text for b in doc.blocks)


def test_a_grid_table_with_a_border_under_every_row_and_no_header_line_takes_its_first_row_as_header():
    doc = read(
        "+----------------+----------+----------+\n"
        "| Län            | Platser  | Belagda  |\n"
        "+----------------+----------+----------+\n"
        "| Norra länet    | 48       | 41       |\n"
        "| (exkl. filial) |          |          |\n"
        "+----------------+----------+----------+\n"
        "| Södra länet    | 102      |          |\n"
        "+----------------+----------+----------+\n"
        "\n"
        "Tabell 9. Platser och beläggning per län\n"
    )
    (t,) = doc.tables
    assert t.header_rows == 1
    assert t.rows == [["Län", "Platser", "Belagda"], ["Norra länet (exkl. filial)", "48", "41"], ["Södra länet", "102", ""]]
    assert t.caption == "Tabell 9. Platser och beläggning per län"
    assert not cell(t, "102").is_header and cell(t, "102").row_headers == ("Södra länet",)


def test_a_grid_header_cell_spanning_columns_heads_each_of_them():
    # the top border has fewer joins: "Beslut" spans the two year columns; "Region" spans two header rows
    doc = read(
        "+----------+-----------------------+\n"
        "| Region   | Beslut                |\n"
        "|          +-----------+-----------+\n"
        "|          | 2029      | 2030      |\n"
        "+==========+===========+===========+\n"
        "| Väster   | 7 310     | 7 702     |\n"
        "+----------+-----------+-----------+\n"
        "| Öster    | 2 118     | 2 460     |\n"
        "+----------+-----------+-----------+\n"
    )
    (t,) = doc.tables
    assert t.header_rows == 2
    assert t.rows[:2] == [["Region", "Beslut", ""], ["", "2029", "2030"]]
    assert cell(t, "2 460").col_headers == ("Beslut", "2030")
    assert cell(t, "7 310").col_headers == ("Beslut", "2029") and cell(t, "7 310").row_headers == ("Väster",)


def test_a_grid_table_at_the_very_end_of_the_file_is_read():
    doc = read(
        "Tabell 2 Besök per kanal\n"
        "+---------+-------+\n"
        "| Kanal   | Besök |\n"
        "+=========+=======+\n"
        "| Telefon | 9 412 |\n"
        "| Webb    | 3 876 |\n"
        "+---------+-------+"
    )
    (t,) = doc.tables
    assert t.caption == "Tabell 2 Besök per kanal"
    assert t.rows == [["Kanal", "Besök"], ["Telefon", "9 412"], ["Webb", "3 876"]]


def test_a_box_round_a_text_is_no_table():
    doc = read(
        "+--------------------------------------+\n"
        "| Observera att siffrorna för 2030 är  |\n"
        "| preliminära.                         |\n"
        "+--------------------------------------+\n"
    )
    assert not doc.tables
    assert [b.text for b in doc.blocks] == ["Observera att siffrorna för 2030 är preliminära."]


SIMPLE = (
    "Under året avgjordes fler mål än någonsin.\n"
    "\n"
    "    Domstol         Mål inkomna Mål avgjorda  Förändring\n"
    "    --------------- ----------- ------------ -----------\n"
    "    Tingsrätt A           4 021        3 980        −41\n"
    "    Tingsrätt B           1 113        1 250       +137\n"
    "    Hovrätten               ..           612          –\n"
    "\n"
    "    : Tabell 3.4. Mål vid domstolarna 2032, antal\n"
    "\n"
    "Fler mål avgjordes i tingsrätt B.\n"
)


def test_a_simple_table_is_cut_where_its_dash_runs_start_even_one_space_apart():
    doc = read(SIMPLE)
    (t,) = doc.tables
    assert t.caption == "Tabell 3.4. Mål vid domstolarna 2032, antal"
    assert t.header_rows == 1
    assert t.rows == [["Domstol", "Mål inkomna", "Mål avgjorda", "Förändring"],
                      ["Tingsrätt A", "4 021", "3 980", "−41"], ["Tingsrätt B", "1 113", "1 250", "+137"],
                      ["Hovrätten", "..", "612", "–"]]
    assert cell(t, "1 250").col_headers == ("Mål avgjorda",) and cell(t, "1 250").line == 6
    assert not any(set(b.text) <= {"-", " "} for b in doc.blocks)


def test_a_simple_table_with_a_second_header_row_under_its_rule_spans_its_groups():
    doc = read(
        "  Kvartal   Kvinnor               Män\n"
        "  --------- --------- ---------- --------- ----------\n"
        "            Antal     Andel (%)  Antal     Andel (%)\n"
        "  Kv 1      211       38,2       341       61,8\n"
        "  Kv 2      240       40,1       358       59,9\n"
    )
    (t,) = doc.tables
    assert t.header_rows == 2
    assert cell(t, "40,1").col_headers == ("Kvinnor", "Andel (%)")
    assert cell(t, "358").col_headers == ("Män", "Antal") and cell(t, "358").row_headers == ("Kv 2",)


MULTILINE = (
    "  -----------------------------------------------------------------\n"
    "  Grupp     Område            Bidrag,     Ändring mot\n"
    "                              tkr         föregående år\n"
    "                                          (procent-\n"
    "                                          enheter)\n"
    "  --------- ----------------- ----------- ------------------------\n"
    "  Ålder     Under 30 år,      1 412       +2,5\n"
    "            studerande\n"
    "\n"
    "            Övriga            822         −0,4\n"
    "\n"
    "  Totalt                      2 234       +1,1\n"
    "  -----------------------------------------------------------------\n"
    "\n"
    "  : Tabell 12. Bidrag efter grupp\n"
)


def test_a_multiline_table_stacks_each_cells_lines_and_parts_its_rows_at_blank_lines():
    doc = read(MULTILINE)
    (t,) = doc.tables
    assert t.caption == "Tabell 12. Bidrag efter grupp"
    assert t.header_rows == 1
    assert t.rows == [["Grupp", "Område", "Bidrag, tkr", "Ändring mot föregående år (procentenheter)"],
                      ["Ålder", "Under 30 år, studerande", "1 412", "+2,5"],
                      ["", "Övriga", "822", "−0,4"],
                      ["Totalt", "", "2 234", "+1,1"]]
    assert cell(t, "822").row_headers == ("Ålder", "Övriga")
    assert cell(t, "+1,1").col_headers == ("Ändring mot föregående år (procentenheter)",)


def test_a_simple_table_without_header_between_two_rules_at_the_end_of_the_file():
    doc = read(
        "Antal platser per ort:\n"
        "\n"
        "  ----------- -------\n"
        "  Storby        1 240\n"
        "  Lillby          315\n"
        "  ----------- -------"
    )
    (t,) = doc.tables
    assert t.header_rows == 0
    assert t.rows == [["Storby", "1 240"], ["Lillby", "315"]]
    assert not cell(t, "315").is_header and cell(t, "315").row_headers == ("Lillby",)


def test_lines_of_dashes_round_no_figures_are_no_table():
    doc = read(
        "Rubrik\n"
        "------ ------\n"
        "\n"
        "Texten fortsätter här utan några tabeller.\n"
    )
    assert not doc.tables


def test_a_grid_table_with_borders_between_its_rows_keeps_each_row_whole():
    # each bordered row is one row, however many of its lines hold figures: a share printed under its count
    # and a header separated from the body by a plain border
    doc = read(
        "+-----------------+------------+------------+\n"
        "| Utfall          | Flickor    | Pojkar     |\n"
        "+-----------------+------------+------------+\n"
        "| Fullföljt       | 141        | 170        |\n"
        "|                 | (45,2 %)   | (54,8 %)   |\n"
        "+-----------------+------------+------------+\n"
        "| Avbrutit        | 37         | 52         |\n"
        "|                 | (41,6 %)   | (58,4 %)   |\n"
        "+-----------------+------------+------------+\n"
    )
    (t,) = doc.tables
    assert t.rows == [["Utfall", "Flickor", "Pojkar"], ["Fullföljt", "141 (45,2 %)", "170 (54,8 %)"],
                      ["Avbrutit", "37 (41,6 %)", "52 (58,4 %)"]]


def test_a_grid_table_with_only_a_plain_border_under_its_header_has_a_row_per_line_of_figures():
    doc = read(
        "+-------------+--------+\n"
        "| Kommun      | Elever |\n"
        "+-------------+--------+\n"
        "| Ådal        | 1 804  |\n"
        "| Bergby      | 655    |\n"
        "|             | (45 %) |\n"
        "+-------------+--------+\n"
    )
    (t,) = doc.tables
    assert t.header_rows == 1
    assert t.rows == [["Kommun", "Elever"], ["Ådal", "1 804"], ["Bergby", "655 (45 %)"]]
