"""A report published as a web page (.html) is read like its text: every line keeps its number,
markup becomes the notation the text reader knows, tables are tables. The page in
tests/data/html/ was made up for these tests (no report of the corpus is a web page)."""
from __future__ import annotations

from pathlib import Path

from ingest.html_lines import html_to_lines
from ingest.reader import iter_report_files, read_path

PAGE = Path(__file__).parents[1] / "data" / "html" / "uppfoljning-2031.html"


def test_every_line_keeps_its_number_and_what_no_reader_sees_is_blank():
    text = PAGE.read_text(encoding="utf-8")
    lines, starts = html_to_lines(text)
    assert len(lines) == len(text.splitlines())
    # <head>, <style>, <script>, <nav> and comments hold figures no reader of the page sees
    assert not any(n in line for line in lines for n in ("4711", "2019", "9999", "Om oss", "font"))
    assert lines[9] == "# Uppföljning av samverkan 2031"  # <h1> on line 10
    assert lines[13] == "## Insatser"
    assert lines[15].startswith("- Rehabiliteringsinsatser påbörjades för 1\xa0944")  # <li>, &nbsp; as the character
    assert lines[30] == "¹ Uppgiften för 2031 är preliminär."  # <sup>1</sup> as the marker the reader knows
    assert {10, 12, 15, 16} <= starts and 11 not in starts  # a <p> wrapped over two lines is one block


def test_a_tag_written_over_two_lines_moves_no_line():
    lines, _ = html_to_lines('<p class="lead"\n   id="x">Under 2031 var de 412.</p>\n<p>Nästa.</p>\n')
    assert lines == ["", "Under 2031 var de 412.", "Nästa."]


def test_paragraphs_on_consecutive_lines_stay_apart_and_a_wrapped_one_is_joined():
    doc = read_path(PAGE)
    paragraphs = [b for b in doc.blocks if b.kind == "paragraph"]
    assert [b.text[:20] for b in paragraphs] == ["Under 2031 genomförd", "Av dem som fick avsl"]
    assert "ökning med 312 jämfört" in paragraphs[0].text
    assert doc.metadata.title == "Uppföljning av samverkan 2031"


def test_an_html_table_keeps_its_columns_under_merged_header_cells():
    doc = read_path(PAGE)
    (table,) = doc.tables
    assert table.caption == "Tabell 1. Gemensamma kartläggningar efter kön, antal"
    # rowspan="2" on "År" and "Totalt" and colspan="2" on "Kön": the second header row's cells stay under theirs
    assert table.rows[1] == ["", "Kvinnor", "Män", ""]
    cell = next(c for c in table.cells if c.line == 28 and c.col == 1)
    assert cell.text == "3 202" and cell.col_headers == ("Kön", "Kvinnor") and cell.row_headers == ("2031",)
    (note,) = doc.footnotes
    assert note.marker_refs == (cell_id(cell),)  # the <sup>1</sup> in the cell points at the note under the table
    total = next(c for c in table.cells if c.line == 28 and c.col == 3)
    assert total.text == "5 210"  # <b> inside a cell leaves no gap


def cell_id(cell) -> str:
    return f"{cell.table}:r{cell.row}c{cell.col}"


def test_a_folder_walk_takes_web_pages(tmp_path):
    (tmp_path / "a.html").write_text("<p>Under 2031 var de 412.</p>", encoding="utf-8")
    (tmp_path / "b.htm").write_text("<p>Under 2031 var de 413.</p>", encoding="utf-8")
    (tmp_path / "c.css").write_text("p { color: red }", encoding="utf-8")
    assert sorted(p.name for p in iter_report_files([tmp_path])) == ["a.html", "b.htm"]


def test_a_page_saved_as_plain_text_is_read_as_text(tmp_path):
    path = tmp_path / "sparad.html"
    path.write_text("Rapport 2031\n\nUnder 2031 genomfördes 5 210 kartläggningar.\n", encoding="utf-8")
    doc = read_path(path)
    assert any("5 210" in b.text for b in doc.blocks)
