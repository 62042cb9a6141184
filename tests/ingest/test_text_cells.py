"""ingest/text_cells.py: tables as LibreOffice's plain-text export of a Word document writes them, one
cell to a line (issue 21). The fixtures in tests/data/ingest_cells/ are Word documents made for these
tests with python-docx and exported by LibreOffice (make_ingest_cells.py); each table's true grid is in
that script's DOCUMENTS, so the tests compare what the reader finds with it."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from ingest.records import DocumentMetadata
from ingest.text_cells import find_cell_tables, header_rows
from ingest.text_reader import read_text

DATA = Path(__file__).resolve().parent.parent / "data" / "ingest_cells"


def _generator():
    spec = importlib.util.spec_from_file_location("make_ingest_cells", DATA / "make_ingest_cells.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


DOCUMENTS = _generator().DOCUMENTS


def read_fixture(stem: str):
    path = DATA / f"{stem}.txt"
    return read_text(path, stem, DocumentMetadata(), "hash")


def read(text: str):
    return read_text("t.txt", "t", DocumentMetadata(), "hash", text=text)


def body(table) -> list[list[str]]:
    """The table's rows below its header, cell texts by column."""
    rows: dict[int, dict[int, str]] = {}
    for c in table.cells:
        if c.row >= table.header_rows:
            rows.setdefault(c.row, {})[c.col] = c.text
    return [[cells[k] for k in sorted(cells)] for _, cells in sorted(rows.items())]


def col_headers(table) -> list[tuple[str, ...]]:
    """The header path of each value column, read off the first body row."""
    first = [c for c in table.cells if c.row == table.header_rows]
    return [c.col_headers for c in sorted(first, key=lambda c: c.col)][1:]


def true_tables(stem: str) -> list[tuple[str, list[list[str]], int]]:
    """(caption, body rows, header rows) of each table in the generator's document, "^1" marks taken off, a
    cell covered by a merge empty."""
    out = []
    for block in DOCUMENTS[stem]:
        if block[0] == "table":
            _, caption, rows, _, n_header = block
            out.append((caption or "", [[(t or "").split("^")[0] for t in row] for row in rows[n_header:]], n_header))
    return out


@pytest.mark.parametrize("stem", ["cells-years-in-rows", "cells-spanning-header", "cells-two-and-five",
                                  "cells-two-label-columns"])
@pytest.mark.issue(21)
def test_every_table_has_the_rows_and_columns_of_the_word_document(stem):
    doc = read_fixture(stem)
    truth = true_tables(stem)
    assert [(t.caption, body(t), t.header_rows) for t in doc.tables] == truth


@pytest.mark.issue(21)
def test_years_down_the_label_column_label_the_rows():
    (table,) = read_fixture("cells-years-in-rows").tables
    assert table.number == 1 and table.source_note == "Källa: MiDAS."
    assert col_headers(table) == [("Antal mottagare",), ("Belopp, mnkr",), ("Andel kvinnor, %",)]
    assert [row[0] for row in body(table)] == ["2026", "2027", "2028", "2029", "2030"]
    dash = next(c for c in table.cells if c.text == "–")
    missing = next(c for c in table.cells if c.text == "..")
    assert (dash.row_headers, dash.col_headers) == (("2028",), ("Belopp, mnkr",))
    assert (missing.row_headers, missing.col_headers) == (("2029",), ("Andel kvinnor, %",))


@pytest.mark.issue(21)
def test_a_year_merged_over_three_columns_heads_each_of_them():
    doc = read_fixture("cells-spanning-header")
    (table,) = doc.tables
    assert table.header_rows == 2
    assert col_headers(table) == [("2029", "Kvinnor"), ("2029", "Män"), ("2029", "Totalt"),
                                  ("2030", "Kvinnor"), ("2030", "Män"), ("2030", "Totalt")]
    # the header rows as printed: a spanning label in the first of its columns, the corner merged down
    assert table.rows[:2] == [["Region", "2029", "", "", "2030", "", ""], ["", "Kvinnor", "Män", "Totalt", "Kvinnor", "Män", "Totalt"]]
    cell = next(c for c in table.cells if c.text == "1 360")
    assert (cell.row_headers, cell.col_headers) == (("Samtliga",), ("2030", "Kvinnor"))


@pytest.mark.issue(21)
def test_a_footnote_digit_glued_to_a_label_is_a_marker_as_in_the_other_readers():
    doc = read_fixture("cells-spanning-header")
    (table,) = doc.tables
    label = next(c for c in table.cells if c.row == 5 and c.col == 0)
    assert label.text == "Övriga"
    assert next(c for c in table.cells if c.text == "41").row_headers == ("Övriga",)
    note = next(f for f in doc.footnotes if f.number == 1)
    assert f"{table.id}:r5c0" in note.marker_refs


@pytest.mark.issue(21)
def test_two_and_five_value_columns_and_a_header_merged_down_over_its_column():
    two, five, uncaptioned = read_fixture("cells-two-and-five").tables
    assert col_headers(two) == [("2029",), ("2030",)]
    assert col_headers(five) == [("Kvinnor", "Antal"), ("Män", "Antal"), ("Totalt", "Antal"), ("Därav unga", "Antal"),
                                 ("Andel kvinnor, %",)]
    empty = next(c for c in five.cells if c.row == 2 and c.col == 4)  # an empty cell is an empty line
    assert empty.text == "" and empty.row_headers == ("Arbetsträning",)
    assert five.source_note == "Källa: SUS."


@pytest.mark.issue(21)
def test_a_label_merged_down_over_its_rows_makes_a_second_label_column():
    (table,) = read_fixture("cells-two-label-columns").tables
    assert col_headers(table)[1:] == [("2029",), ("2030",)]
    men = next(c for c in table.cells if c.text == "5 120")
    assert (men.row_headers, men.col_headers) == (("Sjukpenning", "Män"), ("2029",))
    # the total row's label merged across both label columns: one line fewer, its figures in their columns
    total = next(c for c in table.cells if c.text == "20 227")
    assert (total.row_headers, total.col_headers, total.col) == (("Samtliga",), ("2030",), 3)


@pytest.mark.issue(21)
def test_a_table_under_a_heading_without_caption_and_the_prose_after_it():
    doc = read_fixture("cells-two-and-five")
    table = doc.tables[2]
    assert table.caption == ""
    assert col_headers(table) == [("Anslag, tkr",), ("Utfall, tkr",), ("Avvikelse, tkr",)]
    assert body(table)[-1] == ["Skåne", "19 750", "19 802", "−52"]
    assert any(b.text.startswith("Avvikelserna är små") for b in doc.blocks)
    assert any(b.text == "Kostnader per län" for b in doc.blocks)


@pytest.mark.issue(21)
def test_short_lines_a_bulleted_list_and_label_figure_lines_stay_prose():
    doc = read_fixture("cells-prose-lists")
    assert doc.tables == ()
    text = " ".join(b.text for b in doc.blocks)
    for words in ("Fler fick stöd", "412", "87 %", "2 nya samordnare", "Telefon 010-123 45 67"):
        assert words in text
    assert [b.text for b in doc.blocks if b.kind == "list_item"] == ["• nya lokaler i Umeå", "• 2 nya samordnare",
                                                                      "• ett nytt avtal"]


@pytest.mark.parametrize("text", [
    # label and figure lines under a heading: one value column and no caption
    "Året i siffror\nDeltagare\n412\nMöten\n612\nNöjda\n87 %\n",
    # a caption over prose lines with no figures of their own
    "Tabell 2. Insatser\nArbetsträning\nVägledning\nKurser\nStudier\nPraktik\nÖvrigt\n",
    # a list of short lines with numbers in them
    "Det här hände:\n2 nya kontor\n3 nya avtal\n12 utbildningar\n4 samordnare\n",
    # a bulleted list
    "Vi har\n• 412 deltagare\n• 612 möten\n• 87 % nöjda\n",
    # figures alone (a column of numbers is no row labels)
    "Utfall per kvartal\n1 204\n1 310\n1 402\n1 517\n1 620\n1 700\n",
])
@pytest.mark.issue(21)
def test_prose_and_lists_are_no_table(text):
    assert find_cell_tables(text.splitlines()) == []
    assert read(text).tables == ()


@pytest.mark.parametrize("cells, width, rows", [
    # one full row
    (["År", "Antal", "Andel"], 3, [["År", "Antal", "Andel"]]),
    # a label merged over three columns, the corner merged down (empty below)
    (["Förmån", "Antal", "", "K", "M", "T"], 4, [["Förmån", "Antal", "", ""], ["", "K", "M", "T"]]),
    # two labels over two groups of the same kind, the last header merged down
    (["Post", "AF", "FK", "Andel", "", "Till", "Förbr", "Till", "Förbr", ""], 6,
     [["Post", "AF", "", "FK", "", "Andel"], ["", "Till", "Förbr", "Till", "Förbr", ""]]),
    # two full rows
    (["", "Kvinnor", "Män", "Region", "Antal", "Antal"], 3, [["", "Kvinnor", "Män"], ["Region", "Antal", "Antal"]]),
    # groups of different kinds under two labels: no telling which label spans which
    (["Post", "A", "B", "", "x", "y", "z", "w"], 5, None),
    # an odd number of columns shared by two labels
    (["Post", "A", "B", "", "x", "y", "z"], 4, None),
    # more header lines than two rows hold
    (["a", "b", "c", "d", "e", "f", "g"], 3, None),
])
@pytest.mark.issue(21)
def test_header_lines_fit_the_column_count_or_nothing(cells, width, rows):
    found = header_rows(cells, width)
    assert (None if found is None else [r for _, r in found]) == rows


@pytest.mark.issue(21)
def test_the_column_count_comes_from_the_period_of_labels_and_figures():
    lines = ["Tabell 7. Utfall", "Förmån", "2029", "2030", "Sjukpenning", "1 062", "1 100",
             "Sjukersättning", "231", "..", "Samtliga", "1 293", "1 100", "Källa: SUS."]
    (found,) = find_cell_tables(lines)
    assert (found.first, found.body, found.last, found.width) == (1, 4, 12, 3)
    assert [cells for _, cells in found.rows][1] == ["Sjukersättning", "231", ".."]


@pytest.mark.issue(21)
def test_a_label_without_figures_after_the_last_row_is_the_next_heading():
    text = "\n".join(["Tabell 1. Möten", "Slag", "2029", "2030", "Omställning", "559", "612", "Kontakt", "231", "248",
                      "3 Ekonomi", "", "", "Ekonomin var i balans under hela året, med ett litet överskott på slutet."])
    doc = read(text)
    (table,) = doc.tables
    assert body(table) == [["Omställning", "559", "612"], ["Kontakt", "231", "248"]]
    assert any(b.text == "3 Ekonomi" for b in doc.blocks)


@pytest.mark.issue(21)
def test_each_cell_keeps_the_line_it_stands_on():
    path = DATA / "cells-spanning-header.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    (table,) = read_fixture("cells-spanning-header").tables
    for c in table.cells:
        if c.text:
            assert lines[c.line - 1].strip() == c.text or c.text == "Övriga" and lines[c.line - 1].endswith("Övriga1")
    year = next(c for c in table.cells if c.text == "2030" and c.is_header)
    assert [c.line for c in table.cells if c.row == 0 and c.col in (4, 5, 6)] == [year.line] * 3


@pytest.mark.issue(21)
def test_a_unit_in_a_cell_of_its_own_joins_the_figure_on_its_left():
    # Word lines up shares by giving their "%" a cell of its own under a header merged over both; LibreOffice
    # writes the header once and each "%" on a line of its own
    text = "\n".join([
        "Tabell 3. Utgifter per verksamhet 2031, tkr",
        "Verksamhet", "Budget", "Utfall", "Andel av utfallet",
        "Skolskjuts", "1 200", "1 260", "12,4", "%",
        "Hemtjänst", "8 800", "8 910", "87,6", "%",
        "Summa", "10 000", "10 170", "100", "%",
        "Källa: Ekonomisystemet.",
    ])
    doc = read(text)
    (table,) = doc.tables
    assert col_headers(table) == [("Budget",), ("Utfall",), ("Andel av utfallet",)]
    assert body(table) == [["Skolskjuts", "1 200", "1 260", "12,4 %"], ["Hemtjänst", "8 800", "8 910", "87,6 %"],
                           ["Summa", "10 000", "10 170", "100 %"]]
    share = next(c for c in table.cells if c.text == "87,6 %")
    assert share.line == 14  # the figure's own line, not its unit's
