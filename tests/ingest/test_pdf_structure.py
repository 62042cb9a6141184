"""The PDF reader's structure stages on hand-set lines: rows, columns, headers, page columns,
charts, notes after a paragraph, words broken in narrow cells.

Words are placed as a producer would set them (8 pt, about 0.5 em a character), so each test
states the geometry it is about; the producer fixtures (tests/data/pdf_producers) test the
same stages on real PDFs.
"""
from __future__ import annotations

from collections import Counter

from ingest.pdf_borderless import body_rows, broken_inside_word, column_bounds, cut_line, header_rows, row_cells
from ingest.pdf_charts import chart_areas
from ingest.pdf_footnotes import split_footnote_area
from ingest.pdf_layout import page_columns
from ingest.pdf_page import Line, Word
from nlp.sv.captions import parse_caption

SIZE = 8.0
CHAR = 0.5 * SIZE


def word(text: str, x0: float, top: float, size: float = SIZE) -> Word:
    return Word(text, x0, x0 + len(text) * 0.5 * size, top, top + size, size)


def line(top: float, *cells: tuple[float, str], right: bool = False, size: float = SIZE) -> Line:
    """Cells at x (left edge, or right edge with `right=True` for the figures after the first)."""
    words = []
    for k, (x, text) in enumerate(cells):
        width = sum(len(t) * 0.5 * size for t in text.split()) + 0.25 * size * (len(text.split()) - 1)
        start = x - width if right and k > 0 else x
        for t in text.split():
            words.append(word(t, start, top, size))
            start += len(t) * 0.5 * size + 0.25 * size
    return Line(tuple(words))


def table_rows(lines, head=()):
    cols = column_bounds(lines)
    rows = header_rows(list(head), cols) + body_rows([cut_line(l, cols) for l in lines])
    return [[text for text, *_ in row_cells(r, len(cols))] for r in rows]


# --- rows ------------------------------------------------------------------------------------


def test_single_spaced_rows_stay_rows():
    """Rows 1 pt apart (a statistical table set solid) are still one line each."""
    lines = [line(100 + 9 * k, (50, label), (200, a), (260, b), right=True)
             for k, (label, a, b) in enumerate([("Uppsala", "140", "154"), ("Skåne", "515", "544"),
                                                ("Örebro", "117", "122")])]
    assert table_rows(lines) == [["Uppsala", "140", "154"], ["Skåne", "515", "544"], ["Örebro", "117", "122"]]


def test_wrapped_label_joins_its_row_and_a_group_label_stands_alone():
    lines = [line(100, (50, "Män")),
             line(109, (50, "Personer med"), (200, "12"), (260, "14"), right=True),
             line(118, (50, "aktivitetsersättning")),
             line(127, (50, "Övriga"), (200, "3"), (260, "5"), right=True)]
    assert table_rows(lines) == [["Män", "", ""], ["Personer med aktivitetsersättning", "12", "14"],
                                 ["Övriga", "3", "5"]]


def test_a_number_wrapped_in_a_narrow_cell_is_one_figure():
    lines = [line(100, (50, "Totalt"), (200, "12"), (260, "4"), right=True),
             line(109, (200, "587"), right=False),
             line(118, (50, "Kvinnor"), (200, "8"), (260, "1"), right=True)]
    lines[1] = Line((word("587", 200 - 3 * CHAR, 109),))
    assert table_rows(lines)[0] == ["Totalt", "12 587", "4"]


# --- columns ---------------------------------------------------------------------------------


def test_a_narrow_gap_between_figures_still_parts_two_columns():
    """Half an em between two columns of right-aligned figures; the thousands gap stays inside."""
    rows = [("2019", "12 345", "6 789"), ("2020", "9 001", "10 112"), ("2021", "11 870", "9 034")]
    lines = [line(100 + 10 * k, (50, y), (140, a), (140 + 0.5 * SIZE + 6 * CHAR + 0.25 * SIZE, b), right=True)
             for k, (y, a, b) in enumerate(rows)]
    assert table_rows(lines) == [list(r) for r in rows]


def test_a_long_group_label_does_not_merge_columns():
    lines = [line(100, (50, "Kvinnor"), (200, "140"), (260, "154"), right=True),
             line(110, (50, "Personer som deltagit i en insats under året")),
             line(120, (50, "Män"), (200, "88"), (260, "90"), right=True)]
    assert len(column_bounds(lines)) == 3


# --- headers ---------------------------------------------------------------------------------


def test_spanning_header_row_over_a_row_of_labels():
    head = [line(80, (150, "Kvinnor"), (240, "Män")),
            line(89, (120, "Antal"), (170, "Andel"), (210, "Antal"), (260, "Andel"))]
    body = [line(100, (50, "2022"), (145, "10"), (195, "51"), (235, "9"), (285, "49"), right=True),
            line(110, (50, "2023"), (145, "12"), (195, "55"), (235, "10"), (285, "45"), right=True)]
    got = table_rows(body, head)
    assert got[0][1:] == ["Kvinnor", "", "Män", ""]
    assert got[1][1:] == ["Antal", "Andel", "Antal", "Andel"]
    assert got[2] == ["2022", "10", "51", "9", "49"]


def test_header_label_wrapped_over_two_lines_is_one_label():
    head = [line(80, (120, "Förbrukade"), (200, "Tilldelade")),
            line(89, (120, "medel"), (200, "medel"))]
    body = [line(100, (50, "AF"), (170, "331"), (250, "394"), right=True),
            line(110, (50, "FK"), (170, "261"), (250, "261"), right=True)]
    assert table_rows(body, head)[0] == ["", "Förbrukade medel", "Tilldelade medel"]


# --- page columns ----------------------------------------------------------------------------


def prose(top: float, x0: float, n: int) -> Line:
    return line(top, (x0, " ".join(["ordet"] * n)))


def test_two_columns_of_prose_are_read_column_by_column():
    lines = [Line(prose(100 + 12 * k, 50, 6).words + prose(100 + 12 * k, 250, 6).words) for k in range(5)]
    columns = page_columns(lines, 10.0)
    assert len(columns) == 2
    assert all(l.x1 < 200 for l in columns[0].lines) and all(l.x0 > 200 for l in columns[1].lines)


def test_a_table_is_not_cut_between_its_stub_and_its_figures():
    lines = [line(100 + 10 * k, (50, "Aktivitetsersättning"), (250, "1 234"), (320, "5 678"), right=True)
             for k in range(5)]
    assert len(page_columns(lines, 10.0)) == 1


def test_two_tables_side_by_side_each_with_a_caption():
    left = [line(90, (50, "Tabell 1 Antal möten"))] + [line(100 + 10 * k, (50, "2019"), (150, "80"), right=True)
                                                       for k in range(4)]
    right = [line(90, (280, "Tabell 2 Antal avslag"))] + [line(100 + 10 * k, (280, "2019"), (380, "93"), right=True)
                                                          for k in range(4)]
    lines = [Line(a.words + b.words) for a, b in zip(left, right)]
    columns = page_columns(lines, 10.0)
    assert [c.lines[0].text for c in columns] == ["Tabell 1 Antal möten", "Tabell 2 Antal avslag"]


# --- charts ----------------------------------------------------------------------------------


def test_bars_on_one_baseline_make_a_chart_and_row_shading_does_not():
    bars = [(100 + 30 * k, 300 - h, 120 + 30 * k, 300) for k, h in enumerate((80, 60, 95, 70))]
    assert len(chart_areas(bars, 10.0)) == 1
    # the same shapes with text in them are shaded cells
    labels = [(b[0] + 2, b[3] - 12, b[2] - 2, b[3] - 2) for b in bars]
    assert chart_areas(bars, 10.0, labels) == []
    stripes = [(50, 100 + 20 * k, 400, 110 + 20 * k) for k in range(6)]
    assert chart_areas(stripes, 10.0) == []


# --- notes -----------------------------------------------------------------------------------


def test_a_note_right_after_its_paragraph_is_a_footnote():
    """A plain "2" set small after the paragraph, with a raised marker 2 in the paragraph."""
    marker = Word("2", 300, 303, 99, 104, 5.0)
    para = Line((word("Myndigheterna", 50, 100, 10.0), word("tilldelades", 130, 100, 10.0)), (marker,))
    note = Line((word("2", 50, 115, 7.0), word("Avser", 56, 115, 7.0), word("förvaltningsmedel.", 80, 115, 7.0)))
    after = Line((word("Under", 50, 130, 10.0), word("året", 90, 130, 10.0)))
    running, notes = split_footnote_area([para, note, after], 10.0, 8.0)
    assert notes == [note] and running == [para, after]


# --- words broken in narrow cells ------------------------------------------------------------


def test_a_word_broken_for_want_of_width_is_joined_when_the_document_says_so():
    first = (word("Aktivitetsersättn", 50, 100),)
    lexicon = Counter({"aktivitetsersättning": 3, "ing": 1, "år": 4})
    assert broken_inside_word(first, (word("ing", 50, 109),), first[0].x1, lexicon)
    alla = (word("Alla", 50, 100),)
    assert not broken_inside_word(alla, (word("år", 50, 109),), alla[0].x1, lexicon)
    # a line that ends short of the cell's edge broke at a space
    assert not broken_inside_word(first, (word("ing", 50, 109),), first[0].x1 + 20, lexicon)


def test_a_sentence_citing_two_tables_is_no_caption():
    assert parse_caption("Tabell 3.3 och 3.4 visar antalet möten") is None
    assert parse_caption("Tabell 3.3 Antal möten").label == "3.3"


def test_a_line_charts_series_marks_a_chart_and_a_rule_does_not():
    series = [(100.0, 200.0, 400.0, 260.0)]  # a stroked path through many points
    assert len(chart_areas([], 10.0, polylines=series)) == 1
    assert chart_areas([], 10.0, polylines=[(100.0, 200.0, 400.0, 200.5)]) == []  # flat: a rule


def test_two_uncaptioned_tables_side_by_side_part_at_the_second_stub():
    """Rows that end in a figure on the left open with a label again on the right."""
    rows = [("Nord", "541", "16–19", "6"), ("Mitt", "1 280", "20–29", "474"), ("Syd", "897", "30–39", "208"),
            ("Väst", "1 204", "Samtliga", "2 199")]
    fixed = []  # the labels left-aligned, the figures right-aligned
    for k, (a, b, c, d) in enumerate(rows):
        left = line(100 + 9 * k, (50, a), (200, b), right=True)
        right = line(100 + 9 * k, (260, c), (400, d), right=True)
        fixed.append(Line(left.words + right.words))
    columns = page_columns(fixed, 8.0)
    assert len(columns) == 2
    assert columns[1].lines[0].text == "16–19 6"


def test_one_tables_column_gap_is_no_gutter_below_its_own_rows():
    """A table whose rows all leave one gap white stays one table however its tail is read."""
    lines = [line(100 + 9 * k, (50, str(2014 + k)), (150, "3 281"), (200, "54,8"), (300, "3 013"), (350, "44,5"),
                  right=True) for k in range(8)]
    assert len(page_columns(lines, 8.0)) == 1
