"""One small hand-made PDF per format quirk: markers, thin gaps, hyphens, margins, tables."""
from __future__ import annotations

from pathlib import Path

import pytest

from ingest.pdf_footnotes import join_hyphenated
from ingest.pdf_margins import page_label_of
from ingest.pdf_reader import PdfSettings, read_pdf
from ingest.pdf_tables import BORDERLESS, RULED, TableSettings
from ingest.records import Document, DocumentMetadata

from pdf_render import make_pdf


def read(tmp_path: Path, draw, pages: int = 1, name: str = "quirk.pdf") -> Document:
    path = tmp_path / name
    path.write_bytes(make_pdf(draw, pages))
    doc = read_pdf(path, "q", DocumentMetadata(), "hash")
    assert isinstance(doc, Document), doc
    return doc


def sup(pdf, x: float, baseline: float, text: str, size: float = 10.0) -> float:
    """A footnote marker as real reports set it: smaller and raised."""
    pdf.set_font("DejaVu", "", size * 0.6)
    pdf.text(x, baseline - 0.36 * size, text)
    width = pdf.get_string_width(text)
    pdf.set_font("DejaVu", "", size)
    return x + width


def words(pdf, x: float, baseline: float, text: str) -> float:
    pdf.text(x, baseline, text)
    return x + pdf.get_string_width(text)


# --- footnote markers and footnotes --------------------------------------------------------


def test_marker_after_a_year_does_not_fuse_with_it(tmp_path):
    """"2018¹⁹" is the year 2018 with footnote 19, not 201819."""
    def draw(pdf, n):
        x = words(pdf, 70, 100, "Under 2018")
        x = sup(pdf, x, 100, "19")
        words(pdf, x + pdf.get_string_width(" "), 100, "genomfördes 3 109 möten.")
        pdf.set_font("DejaVu", "", 8)
        sup(pdf, 70, 760, "19", 8)
        pdf.text(79, 760, "Källa: Manuell registrering.")

    doc = read(tmp_path, draw)
    (block,) = doc.blocks
    assert block.text == "Under 2018 genomfördes 3 109 möten."
    assert [(r.number, r.offset) for r in block.footnote_refs] == [(19, len("Under 2018"))]
    (note,) = doc.footnotes
    assert (note.number, note.text, note.page) == (19, "Källa: Manuell registrering.", 1)
    assert note.marker_refs == (block.id,)


def test_marker_before_punctuation_leaves_no_space(tmp_path):
    def draw(pdf, n):
        x = words(pdf, 70, 100, "via samordningsförbund")
        x = sup(pdf, x, 100, "5")
        words(pdf, x, 100, ", ett ESF-projekt eller kommunen.")

    assert read(tmp_path, draw).blocks[0].text == "via samordningsförbund, ett ESF-projekt eller kommunen."


def test_footnote_text_over_two_lines_is_one_footnote(tmp_path):
    body = ["Myndigheterna erbjuder omställningsmöten till dem som inte längre får sjukpenning,",
            "och till dem som får avslag på sin ansökan om sjukersättning eller aktivitetsersättning."]

    def draw(pdf, n):
        pdf.text(70, 87, body[0])
        x = words(pdf, 70, 100, body[1])
        sup(pdf, x, 100, "3")
        pdf.set_font("DejaVu", "", 8)
        sup(pdf, 70, 740, "3", 8)
        pdf.text(79, 740, "Omställningsmöten infördes i juni 2018 och följs sedan dess upp av båda myndig-")
        pdf.text(79, 750, "heterna i en gemensam uppföljning.")
        pdf.text(79, 760, "Källa: Manuell registrering.")

    doc = read(tmp_path, draw)
    assert [b.text for b in doc.blocks] == [" ".join(body)]
    assert doc.footnote(3).text == ("Omställningsmöten infördes i juni 2018 och följs sedan dess upp av båda "
                                    "myndigheterna i en gemensam uppföljning.\nKälla: Manuell registrering.")


# --- characters as printed ------------------------------------------------------------------


def test_thin_thousands_gap_keeps_its_space(tmp_path):
    """"8 662" set as two glyph runs 2.2 pt apart, with no space glyph: pdfplumber's default
    x_tolerance (3 pt) would read 8662; ours keeps the gap."""
    def draw(pdf, n):
        x = words(pdf, 70, 100, "Totalt")
        x = words(pdf, x + pdf.get_string_width(" "), 100, "8")
        x = words(pdf, x + 2.2, 100, "662")
        words(pdf, x + pdf.get_string_width(" "), 100, "kartläggningar, −5 000 tkr och 9,7 %.")

    path = tmp_path / "gap.pdf"
    path.write_bytes(make_pdf(draw))
    doc = read_pdf(path, "q", DocumentMetadata(), "hash")
    assert doc.blocks[0].text == "Totalt 8 662 kartläggningar, −5 000 tkr och 9,7 %."
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        assert "8662" in pdf.pages[0].extract_text()  # the trap our setting avoids


@pytest.mark.parametrize(
    "text, nxt, joined",
    [
        ("rehabiliterings-", "insatser genomförs", "rehabiliteringsinsatser genomförs"),
        ("hälso-", "och sjukvården", "hälso- och sjukvården"),
        ("ett ESF-", "projekt", "ett ESF-projekt"),
        ("under 2019", "har myndigheterna", "under 2019 har myndigheterna"),
        ("Af-2020/", "00074723", "Af-2020/ 00074723"),
        ("sjukskrivnings-", "Rehabilitering", "sjukskrivnings- Rehabilitering"),
    ],
)
def test_join_hyphenated(text, nxt, joined):
    assert join_hyphenated(text, nxt) == joined


def test_hyphenated_line_break_is_joined_in_a_block(tmp_path):
    def draw(pdf, n):
        pdf.text(70, 100, "Arbetsförmedlingen erbjuder arbetslivsinriktade rehabiliterings-")
        pdf.text(70, 113, "insatser till personer med sjukpenning.")

    (block,) = read(tmp_path, draw).blocks
    assert block.text == "Arbetsförmedlingen erbjuder arbetslivsinriktade rehabiliteringsinsatser till personer med sjukpenning."


# --- headings, kinds -----------------------------------------------------------------------


def test_block_kinds_and_section_path(tmp_path):
    def draw(pdf, n):
        pdf.set_font("DejaVu", "B", 14)
        pdf.text(70, 90, "6. Resultat")
        pdf.set_font("DejaVu", "B", 11.5)
        pdf.text(70, 115, "Antal omställningsmöten")
        pdf.set_font("DejaVu", "", 10)
        pdf.text(70, 135, "Under året har totalt 4 647 omställningsmöten genomförts.")
        pdf.text(70, 160, "- Andelen som återfår arbetsförmågan ska öka.")
        pdf.set_font("DejaVu", "B", 9)
        pdf.text(70, 185, "Figur 2 Den gemensamma arbetsprocessen")
        pdf.set_font("DejaVu", "", 8.5)
        pdf.text(70, 205, "Källa: Försäkringskassan")

    doc = read(tmp_path, draw)
    assert [(b.kind, b.text, b.section) for b in doc.blocks] == [
        ("heading", "6. Resultat", ()),
        ("heading", "Antal omställningsmöten", ("6. Resultat",)),
        ("paragraph", "Under året har totalt 4 647 omställningsmöten genomförts.", ("6. Resultat", "Antal omställningsmöten")),
        ("list_item", "- Andelen som återfår arbetsförmågan ska öka.", ("6. Resultat", "Antal omställningsmöten")),
        ("caption", "Figur 2 Den gemensamma arbetsprocessen", ("6. Resultat", "Antal omställningsmöten")),
        ("source_note", "Källa: Försäkringskassan", ("6. Resultat", "Antal omställningsmöten")),
    ]
    assert all(b.bbox and b.page == 1 for b in doc.blocks)


def test_table_of_contents_entries(tmp_path):
    def draw(pdf, n):
        pdf.set_font("DejaVu", "B", 14)
        pdf.text(70, 90, "Innehållsförteckning")
        pdf.set_font("DejaVu", "", 10)
        pdf.text(70, 115, "1. Inledning " + "." * 60)
        pdf.text(510, 115, "6")
        pdf.text(70, 128, "Nationell samverkansgrupp " + "." * 50)
        pdf.text(510, 128, "7")

    doc = read(tmp_path, draw)
    assert [(b.kind, b.text) for b in doc.blocks[1:]] == [("toc", "1. Inledning"), ("toc", "Nationell samverkansgrupp")]


# --- margins -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, label",
    [("Sida 7", "7"), ("7 (24)", "7"), ("Sida 7 av 24", "7"), ("- 7 -", "7"), ("7", "7"), ("7/24", "7"),
     ("iv", "iv"), ("Arbetsförmedlingen", None), ("Tabell 7", None), ("2019 2020", None)],
)
def test_page_label_of(text, label):
    assert page_label_of(text) == label


@pytest.mark.parametrize("footer", ["Sida {n}", "{n} ({total})", "{n}"])
def test_running_header_and_footer_are_cut_and_the_label_kept(tmp_path, footer):
    def draw(pdf, n):
        pdf.set_font("DejaVu", "", 8)
        pdf.text(70, 44, "Återrapportering 2019 – Arbetsförmedlingen och Försäkringskassan")
        pdf.text(300, 806, footer.format(n=n + 4, total=24))
        pdf.set_font("DejaVu", "", 10)
        pdf.text(70, 100, f"Brödtext på sidan {n}, som fortsätter här.")

    doc = read(tmp_path, draw, pages=3)
    assert [(b.text, b.page, b.page_label) for b in doc.blocks] == [
        (f"Brödtext på sidan {n}, som fortsätter här.", n, str(n + 4)) for n in (1, 2, 3)]


# --- tables --------------------------------------------------------------------------------


def borderless_table(pdf, rows, x_right, top=120.0, pitch=15.4, header_rule=True, size=8.5):
    """Rows of (stub, cells...) with numbers right-aligned at x_right[c]; row 0 bold header."""
    y = top
    for r, row in enumerate(rows):
        lines = row if isinstance(row[0], tuple) else [row]
        for k, line in enumerate(lines):
            pdf.set_font("DejaVu", "B" if r == 0 else "", size)
            base = y + k * size * 1.2 + size * 0.8
            if line[0]:
                pdf.text(74, base, line[0])
            for c, text in enumerate(line[1:]):
                if text:
                    pdf.text(x_right[c] - pdf.get_string_width(text), base, text)
        height = len(lines) * size * 1.2 + 5.2
        if r == 0 and header_rule:
            pdf.set_line_width(0.6)
            pdf.line(70, y + height, x_right[-1] + 4, y + height)
        y += height


def test_borderless_table_with_right_aligned_numbers(tmp_path):
    rows = [("", "Antal", "Andel"), ("Totalt", "8 662", "100"), ("Kvinnor", "5 369", "62"), ("Män", "3 293", "38")]

    def draw(pdf, n):
        pdf.set_font("DejaVu", "B", 9)
        pdf.text(70, 100, "Tabell 4 Gemensam kartläggning kvinnor och män")
        borderless_table(pdf, rows, [220, 270])
        pdf.set_font("DejaVu", "", 8.5)
        pdf.text(70, 200, "Källa: SUS")

    doc = read(tmp_path, draw)
    (t,) = doc.tables
    assert t.rows == [list(r) for r in rows]
    assert (t.number, t.caption, t.source_note, t.header_rows) == (4, "Tabell 4 Gemensam kartläggning kvinnor och män", "Källa: SUS", 1)
    cell = next(c for c in t.cells if c.text == "5 369")
    assert cell.row_headers == ("Kvinnor",) and cell.col_headers == ("Antal",)


def test_number_wrapped_in_a_narrow_cell_is_one_cell(tmp_path):
    """"12" over "587" inside one row is the number 12 587, not two rows."""
    rows = [("", "Ja", "Nej"), ("2019", "3266", "38030"), [("2020", "12", "46640"), ("", "587", "")], ("2021", "1555", "17002")]

    def draw(pdf, n):
        borderless_table(pdf, rows, [200, 250])

    (t,) = read(tmp_path, draw).tables
    assert t.rows == [["", "Ja", "Nej"], ["2019", "3266", "38030"], ["2020", "12 587", "46640"], ["2021", "1555", "17002"]]


def test_unit_line_above_a_table_is_its_unit_note(tmp_path):
    rows = [("Verksamhetsområden", "2019"), ("Förvaltningskostnader", "345 400"), ("Totalt", "384 700")]

    def draw(pdf, n):
        pdf.set_font("DejaVu", "B", 9)
        pdf.text(70, 90, "Tabell 1 Förbrukning av medel 2019")
        pdf.set_font("DejaVu", "", 8.5)
        pdf.text(70, 108, "Belopp i tkr")
        borderless_table(pdf, rows, [300], top=114)

    doc = read(tmp_path, draw)
    (t,) = doc.tables
    assert t.unit_note == "Belopp i tkr" and t.rows == [list(r) for r in rows]
    assert "Belopp i tkr" not in [b.text for b in doc.blocks]


def test_the_wrapped_end_of_a_sentence_above_a_table_is_no_unit_line(tmp_path):
    """"... lämnar tillbaka 2,4" over "mnkr." ends a paragraph; the table under it keeps its own unit (its corner)."""
    rows = [("tkr", "Tilldelat", "Förbrukat"), ("Arbetsförmedlingen", "478 000", "464 770"), ("Totalt", "760 000", "744 385")]

    def draw(pdf, n):
        pdf.set_font("DejaVu", "", 10)
        pdf.text(70, 80, "Försäkringskassan förbrukade nästan hela sin tilldelning och lämnar tillbaka 2,4")
        pdf.text(70, 93, "mnkr.")
        borderless_table(pdf, rows, [300, 370], top=102)

    doc = read(tmp_path, draw)
    (t,) = doc.tables
    assert t.unit_note == "" and t.rows == [list(r) for r in rows]
    assert any(b.text.endswith("tillbaka 2,4 mnkr.") for b in doc.blocks)


def test_ruled_table_with_a_spanning_header(tmp_path):
    grid = [["", "Fått arbetsförmåga", "", "Totalt", ""], ["", "Antal", "Andel", "Antal", "Andel"],
            ["Kvinnor", "1 611", "53%", "3 036", "100%"], ["Män", "1 022", "56%", "1 816", "100%"]]
    xs = [70, 150, 200, 250, 300, 350]

    def draw(pdf, n):
        pdf.set_line_width(0.5)
        for r, row in enumerate(grid):
            top = 100 + r * 16
            pdf.set_font("DejaVu", "B" if r < 2 else "", 8.5)
            for c, text in enumerate(row):
                if text:
                    pdf.text(xs[c] + 4, top + 11, text)
            pdf.line(xs[0], top, xs[-1], top)
            for c, x in enumerate(xs):
                if not (r == 0 and c in (2, 4)):  # the spanning labels cover two columns
                    pdf.line(x, top, x, top + 16)
        pdf.line(xs[0], 164, xs[-1], 164)

    (t,) = read(tmp_path, draw).tables
    assert t.rows == grid and t.header_rows == 2
    share = next(c for c in t.cells if c.text == "56%")
    assert share.col_headers == ("Fått arbetsförmåga", "Andel") and share.row_headers == ("Män",)


def _ruled_rows(pdf, rows, xs, top, inner=True):
    """Rows of a ruled table from `top`, 16 pt each, framed; `inner` (True, False or a function of the row
    number) says on which rows the rules between rows and columns are drawn."""
    pdf.set_line_width(0.5)
    pdf.set_font("DejaVu", "", 8.5)
    for r, row in enumerate(rows):
        y = top + r * 16
        ruled = inner(r) if callable(inner) else inner
        for c, text in enumerate(row):
            if text:
                pdf.text(xs[c] + 4, y + 11, text)
        if ruled or r == 0 or callable(inner):
            pdf.line(xs[0], y, xs[-1], y)
        for c, x in enumerate(xs):
            if ruled or c in (0, len(xs) - 1):
                pdf.line(x, y, x, y + 16)
    pdf.line(xs[0], top + 16 * len(rows), xs[-1], top + 16 * len(rows))
    return top + 16 * len(rows)


def test_ruled_table_whose_inner_rules_are_drawn_on_some_rows_only(tmp_path):
    # As Word tables exported by LibreOffice come out: the rules between the columns of every other row are
    # missing, so the lines strategy sees those rows as one merged cell ("Män 18 001 37,3").
    grid = [["", "Antal", "Andel (%)"], ["Kvinnor", "30 214", "62,7"], ["Män", "18 001", "37,3"],
            ["16–29 år", "6 412", "13,3"], ["Samtliga", "48 215", "100,0"]]

    def draw(pdf, n):
        _ruled_rows(pdf, grid, [70, 230, 330, 430], 100, inner=lambda r: r % 2 == 1)  # rows 1 and 3 only

    (t,) = read(tmp_path, draw).tables
    assert t.rows == grid


def test_ruled_table_keeps_a_merged_heading_row(tmp_path):
    # a heading that spans the columns has no words of its own in the columns to the right: it stays merged
    grid = [["Sjukpenning", "", ""], ["Kvinnor", "30 214", "62,7"], ["Män", "18 001", "37,3"]]

    def draw(pdf, n):
        _ruled_rows(pdf, grid, [70, 230, 330, 430], 100, inner=lambda r: r > 0)

    (t,) = read(tmp_path, draw).tables
    assert t.rows[1:] == grid[1:] and t.rows[0][0] == "Sjukpenning"


def test_the_last_rows_of_a_table_on_the_next_page_in_a_frame_without_inner_rules(tmp_path):
    # Word's table over a page break, as LibreOffice drew it: the header repeated and the last row on the next
    # page, framed, with no rule between them; a paragraph follows right under the frame
    head = ["År", "Kvinnor", "Män", "Samtliga"]
    def grouped(n: int) -> str:
        return f"{n:,}".replace(",", " ")

    body = [[str(2018 + k), grouped(5400 + 100 * k), grouped(3200 + 100 * k), grouped(8600 + 200 * k)] for k in range(8)]
    xs = [70, 230, 330, 430, 520]

    def draw(pdf, n):
        if n == 1:
            pdf.text(70, 90, "Tabell 3 Kartläggningar efter kön, antal")
            _ruled_rows(pdf, [head] + body[:7], xs, 100)
        else:
            bottom = _ruled_rows(pdf, [head, body[7]], xs, 60, inner=False)
            pdf.text(70, bottom + 14, "Kvinnor stod för 6 100 av kartläggningarna 2025, knappt sex av tio.")

    doc = read(tmp_path, draw, pages=2)
    (t,) = doc.tables
    assert t.rows == [head] + body and t.pages == (1, 2)
    assert any("knappt sex av tio" in b.text for b in doc.blocks)


def test_a_table_under_a_chart_takes_the_charts_caption(tmp_path):
    # "Diagram 3.2 ..., dagar" above a drawn chart, its source line and a "Diagrammets data" heading, then the data
    rows = [["År", "Kvinnor", "Män"], ["2025", "219", "206"], ["2026", "212", "199"]]

    def draw(pdf, n):
        pdf.text(70, 80, "Diagram 3.2 Mediantid till kartläggning efter kön, dagar")
        pdf.rect(70, 100, 400, 140)
        pdf.text(70, 256, "Källa: MiDAS.")
        pdf.set_font("DejaVu", "B", 10)
        pdf.text(70, 276, "Diagrammets data")
        _ruled_rows(pdf, rows, [70, 230, 330, 430], 286)

    (t,) = read(tmp_path, draw).tables
    assert t.caption.startswith("Diagram 3.2") and t.unit_note == "dagar"


def test_paragraph_text_is_not_a_table(tmp_path):
    def draw(pdf, n):
        for k in range(6):
            pdf.text(70, 100 + 13 * k, f"Rad {k} av en vanlig text med siffror som 2019 och 8 662 i sig.")

    doc = read(tmp_path, draw)
    assert doc.tables == () and len(doc.blocks) == 1


# --- settings ------------------------------------------------------------------------------


def test_table_settings_presets_and_resolve():
    assert RULED.strategy == "ruled" and BORDERLESS.strategy == "borderless"
    assert TableSettings.resolve(None) is BORDERLESS
    assert TableSettings.resolve(RULED) is RULED
    assert TableSettings.resolve({"column_gap_em": 1.2}).column_gap_em == 1.2
    assert RULED.pdfplumber_settings()["vertical_strategy"] == "lines"


@pytest.mark.parametrize(
    "value, message",
    [({"strategy": "stream"}, "strategy"), ({"column_gap_em": -1}, "column_gap_em"), ({"min_rows": 0}, "min_rows"),
     ({"header_rule_share": 2}, "header_rule_share"), ({"bogus": 1}, "bogus"), ("ruled", "TableSettings")],
)
def test_bad_table_setting_names_itself(value, message):
    with pytest.raises(ValueError, match=message):
        TableSettings.resolve(value)


def test_pdf_settings_resolve():
    assert PdfSettings.resolve(None) == PdfSettings()
    s = PdfSettings.resolve({"x_tolerance": 1.0, "borderless": {"row_gap_em": 0.5}})
    assert s.x_tolerance == 1.0 and s.borderless.row_gap_em == 0.5 and s.borderless.strategy == "borderless"
    with pytest.raises(ValueError, match="x_tolerance"):
        PdfSettings(x_tolerance=-1)
    with pytest.raises(ValueError, match="ruled"):
        PdfSettings(ruled=BORDERLESS)
