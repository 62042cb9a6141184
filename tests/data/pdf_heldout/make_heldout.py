"""Build the HELD-OUT PDF fixtures in this directory from Python data.

These fixtures come from two producers the PDF table reader was never tuned on:

* ``lc_*``: openpyxl writes a workbook (NAME.xlsx, one sheet): cell borders in several styles,
  merged header cells, number formats (``#,##0``, ``0.0``, ``0.00``, ``0.0%``, a U+2212 minus
  section ``#,##0;"−"#,##0``), fills, several tables on one sheet, print setup (A4, page
  header and footer, fit to width, repeated title rows and columns, column breaks). LibreOffice
  Calc exports it with ``soffice --headless --convert-to pdf`` under a Swedish locale
  (``LANG=sv_SE.UTF-8``), so the number formats print "1 234" (no-break space), "48,7" and
  "12,5%", as a Swedish statistics unit's Excel export does.
* ``cr_*``: HTML + CSS (NAME.html: CSS tables with <caption> at the top and at the bottom,
  zebra rows, <thead> repeated over a page break, a table in a two-column grid, footnotes as
  superscript links with the notes in an <ol> at the end of the section, a <dl> of key figures,
  an inline SVG line chart, @page margin boxes for the running head and page numbers) printed
  by headless Chromium: ``chromium --headless --no-sandbox --no-pdf-header-footer
  --print-to-pdf=NAME.pdf NAME.html``.

The truth (NAME.truth.json, in the format of tests/data/pdf_producers/README.md) is the data
that was rendered. Calc prints numbers through number formats; the script formats the same
value the same way for the truth, and the check below catches any difference.

Run from the repository root (needs soffice with Calc, chromium, openpyxl and pdfplumber)::

    apt-get install -y libreoffice-calc-nogui chromium
    .venv/bin/python tests/data/pdf_heldout/make_heldout.py              # all fixtures
    .venv/bin/python tests/data/pdf_heldout/make_heldout.py cr_rapport   # some of them
    .venv/bin/python tests/data/pdf_heldout/make_heldout.py --check      # only re-check PDFs

Output is deterministic for a given LibreOffice/Chromium version: fixed workbook metadata and
zip dates, and the PDFs' /CreationDate, /ModDate, /ID and /DocChecksum overwritten with fixed
values of the same length (xref offsets stay valid).

Self-check (pdfplumber, not the project's reader): page count; every body row of every truth
table has its non-empty cells, in order, on one extracted text line of one of the table's
pages (a column-split table: the stub plus that page's columns, page by page); the first body
row is on the table's first page and the last on its last page; caption and notes on their
pages; a repeated header on the continuation page; footnote texts and markers (after their
context words) on their pages; TOC entries on their target pages; not_tables samples on their
pages. Rows that cannot pass (wrapped cells) are listed per table in ``unchecked`` with the
reason. A failure exits non-zero.
"""

from __future__ import annotations

import html
import io
import json
import random
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent

# --------------------------------------------------------------------------------------------
# Data model
# --------------------------------------------------------------------------------------------


@dataclass
class Note:
    """A footnote: ``page`` is where its text is printed, ``cited_page`` where its marker is."""

    text: str
    page: int
    cited_page: int
    placement: str = "after-paragraph"
    marker: str = ""
    cited_in: str = ""
    context: str = ""


@dataclass
class Cell:
    text: str  # as printed, normal spaces
    value: object = None  # Calc: the number written to the sheet (text cells: None)
    fmt: str | None = None  # Calc number format
    indent: int = 0
    bold: bool = False
    note: Note | None = None


@dataclass
class Row:
    cells: list
    kind: str = "data"  # data | group | total


@dataclass
class Table:
    label: str | None
    caption: str | None
    caption_pos: str | None  # above | below | None
    pages: list
    header: list  # full grid of strings ("" under spans)
    merges: list  # (row, col, rowspan, colspan) within the header
    body: list  # Row
    notes: list = field(default_factory=list)
    hazards: list = field(default_factory=list)
    rules: str = "grid"  # grid | hrules | header | none (truth hazard key)
    # Calc
    style: dict = field(default_factory=dict)
    # the check
    split: list | None = None  # column groups printed on each page (column-split tables)
    unchecked: dict = field(default_factory=dict)  # body row index -> why it is not on one line
    id: str = ""
    # HTML
    css_class: str = ""
    group_colspan: bool = False

    @property
    def ncols(self) -> int:
        return len(self.header[0])


def fi(n: int, minus: str = "-") -> str:
    s = f"{abs(n):,}".replace(",", " ")
    return (minus if n < 0 else "") + s


def fd(x: float, k: int = 1, minus: str = "-", group: bool = True) -> str:
    s = f"{abs(x):,.{k}f}" if group else f"{abs(x):.{k}f}"
    s = s.replace(",", " ").replace(".", ",")
    return (minus if x < 0 and float(s.replace(" ", "").replace(",", ".")) != 0 else "") + s


# Calc number cells: value + format, the text is what LibreOffice (sv-SE) prints
def n_int(v: int, minus: str = "-") -> Cell:
    fmt = '#,##0;"\u2212"#,##0' if minus == "\u2212" else "#,##0"
    return Cell(fi(v, minus), v, fmt)


def n_dec(v: float, k: int = 1, group: bool = True, minus: str = "-") -> Cell:
    v = round(v, k)
    base = ("#,##0" if group else "0") + ("." + "0" * k if k else "")
    fmt = f'{base};"\u2212"{base}' if minus == "\u2212" else base
    return Cell(fd(v, k, minus, group), v, fmt)


def n_pct(p: float, k: int = 1) -> Cell:
    """p in percent (48.7); the sheet holds 0.487 with format 0.0%."""
    p = round(p, k)
    return Cell(fd(p, k, group=False) + "%", round(p / 100, k + 2), "0." + "0" * k + "%" if k else "0%")


def t(s: str, **kw) -> Cell:
    return Cell(s, **kw)


NUMERIC = re.compile(r"^[-\u2212\u2013]?[\d\s\u00a0]+(,\d+)?\s?%?$")
MISSING = {"..", "\u2013", "x", "<5", "-", "\u2026"}


def is_num(s: str) -> bool:
    return bool(NUMERIC.match(s.strip()))


@dataclass
class Doc:
    name: str
    producer: str  # libreoffice-calc | chromium
    pages: int
    title: str
    blocks: list  # Chromium: document blocks; Calc: see CalcSheet
    sheet: object = None
    hazards: list = field(default_factory=list)  # document-level hazards
    toc: dict | None = None
    not_tables: list = field(default_factory=list)


# --------------------------------------------------------------------------------------------
# Hazards
# --------------------------------------------------------------------------------------------

HAZARDS = [
    # the keys of tests/data/pdf_producers/README.md
    "single-spaced", "header-rule-only", "horizontal-rules", "full-grid", "no-rules",
    "spanning-header", "wrapped-header", "group-rows", "nested-stub", "caption-above",
    "caption-below", "notes-below", "english", "side-by-side", "beside-text", "two-column-text",
    "chart", "bullets", "toc", "footnote-page-foot", "footnote-after-paragraph",
    "footnote-in-cell", "continued-repeated-header", "continued-no-header", "wrapped-cell",
    "wrapped-number", "narrow-gap", "years-in-rows", "years-in-columns", "missing-symbols",
    # added for the held-out set (README here)
    "no-caption", "multi-level-header", "zebra-rows", "minus-sign", "hyphen-minus",
    "scaled-to-fit", "split-columns", "several-tables-per-page", "details-list",
    "running-head",
]


def table_hazards(tb: Table) -> list:
    hz = list(tb.hazards)
    hz.append({"header": "header-rule-only", "hrules": "horizontal-rules", "grid": "full-grid",
               "none": "no-rules"}[tb.rules])
    if any(cs > 1 for (_, _, _, cs) in tb.merges):
        hz.append("spanning-header")
    if len(tb.header) >= 3:
        hz.append("multi-level-header")
    if any(r.kind == "group" for r in tb.body):
        hz.append("group-rows")
    if any(isinstance(c, Cell) and c.indent for r in tb.body for c in r.cells):
        hz.append("nested-stub")
    hz.append("caption-" + tb.caption_pos if tb.caption_pos else "no-caption")
    if tb.notes:
        hz.append("notes-below")
    if len(tb.pages) > 1 and not tb.split:
        hz.append("continued-repeated-header" if "continued-no-header" not in hz else "continued-no-header")
    if tb.split:
        hz.append("split-columns")
    texts = [ctext(c) for r in tb.body for c in r.cells]
    if any(x.strip() in MISSING for x in texts):
        hz.append("missing-symbols")
    if any(x.startswith("\u2212") for x in texts):
        hz.append("minus-sign")
    if any(re.match(r"^-\d", x) for x in texts):
        hz.append("hyphen-minus")
    if any(isinstance(c, Cell) and c.note for r in tb.body for c in r.cells):
        hz.append("footnote-in-cell")
    return sorted(set(hz), key=HAZARDS.index)


def ctext(c) -> str:
    return c.text if isinstance(c, Cell) else str(c)


# --------------------------------------------------------------------------------------------
# Chromium document blocks
# --------------------------------------------------------------------------------------------


@dataclass
class H:
    level: int
    text: str
    page_break: bool = False


@dataclass
class P:
    parts: list  # str | Note
    cls: str = ""


@dataclass
class Bullets:
    items: list
    page: int


@dataclass
class Toc:
    entries: list  # (title, page)
    page: int


@dataclass
class Dl:
    items: list  # (term, value)
    page: int


@dataclass
class Notes:
    """The <ol> of the notes cited since the previous Notes block."""


@dataclass
class Grid2:
    left: list
    right: list
    page: int


@dataclass
class Columns:
    paras: list  # P
    page: int


@dataclass
class LineChart:
    label: str
    caption: str
    cats: list
    series: list  # (name, [values], colour)
    ymax: int
    ystep: int
    page: int
    source: str = ""


def walk(blocks):
    for b in blocks:
        if isinstance(b, Grid2):
            yield b
            yield from walk(b.left)
            yield from walk(b.right)
        else:
            yield b


def first_words(parts, n=6) -> str:
    text = parts if isinstance(parts, str) else "".join(p for p in parts if isinstance(p, str))
    return " ".join(text.split()[:n])


def prepare(doc: Doc) -> list:
    """Table ids and note markers in document order; returns the notes."""
    notes, nt = [], 0
    blocks = doc.blocks if doc.producer == "chromium" else []
    tables = [b for b in walk(blocks) if isinstance(b, Table)] if blocks else doc.sheet.tables()

    def take(n: Note, cited_in: str, context: str):
        notes.append(n)
        n.marker = str(len(notes))
        n.cited_in = cited_in
        n.context = context

    for b in walk(blocks):
        if isinstance(b, P):
            before = ""
            for p in b.parts:
                if isinstance(p, Note):
                    take(p, "text", " ".join(before.split()[-4:]))
                else:
                    before += p
        elif isinstance(b, Table):
            for r in b.body:
                for c in r.cells:
                    if isinstance(c, Cell) and c.note:
                        take(c.note, "cell", c.text)
    for tb in tables:
        nt += 1
        tb.id = f"t{nt}"
    return notes


def truth(doc: Doc, notes: list) -> dict:
    tables = [b for b in walk(doc.blocks) if isinstance(b, Table)] if doc.producer == "chromium" \
        else doc.sheet.tables()
    hz = set(doc.hazards)
    out_tables = []
    for tb in tables:
        rows = [list(r) for r in tb.header] + [[ctext(c) for c in r.cells] for r in tb.body]
        assert all(len(r) == tb.ncols for r in rows), (doc.name, tb.caption, [len(r) for r in rows])
        th = table_hazards(tb)
        hz.update(th)
        out_tables.append({"id": tb.id, "label": tb.label, "caption": tb.caption,
                           "caption_position": tb.caption_pos, "pages": tb.pages, "hazards": th,
                           "header_rows": len(tb.header), "rows": rows, "notes": tb.notes})
    for n in notes:
        hz.add("footnote-" + n.placement)
    nts = list(doc.not_tables)
    for b in walk(doc.blocks):
        if isinstance(b, LineChart):
            hz.add("chart")
            nts.append({"page": b.page, "kind": "chart", "sample": " ".join(b.cats)})
        elif isinstance(b, Bullets):
            hz.add("bullets")
            nts.append({"page": b.page, "kind": "bullets", "sample": first_words(b.items[0])})
        elif isinstance(b, Toc):
            hz.add("toc")
            nts.append({"page": b.page, "kind": "toc", "sample": b.entries[0][0]})
        elif isinstance(b, Dl):
            hz.add("details-list")
            nts.append({"page": b.page, "kind": "details-list", "sample": b.items[0][0]})
        elif isinstance(b, Columns):
            hz.add("two-column-text")
            nts.append({"page": b.page, "kind": "two-column-text", "sample": first_words(b.paras[0].parts, 4)})
        elif isinstance(b, Grid2):
            hz.add("beside-text")
            paras = [x for x in b.left + b.right if isinstance(x, P)]
            nts.append({"page": b.page, "kind": "text-beside-table", "sample": first_words(paras[0].parts, 4)})
    toc = None
    for b in walk(doc.blocks):
        if isinstance(b, Toc):
            toc = {"page": b.page, "entries": [[x, str(p)] for x, p in b.entries]}
    return {
        "file": doc.name + ".pdf", "producer": doc.producer, "pages": doc.pages,
        "hazards": sorted(hz, key=HAZARDS.index), "tables": out_tables,
        "footnotes": [{"marker": n.marker, "text": n.text, "page": n.page, "placement": n.placement,
                       "cited_in": n.cited_in, "cited_page": n.cited_page, "context": n.context}
                      for n in notes],
        "toc": toc, "not_tables": nts,
    }


# --------------------------------------------------------------------------------------------
# Markdown text version
# --------------------------------------------------------------------------------------------


def md_table(tb: Table) -> list:
    out = []
    if tb.caption and tb.caption_pos == "above":
        out += [tb.caption, ""]
    lines = []
    for i, r in enumerate(tb.header):
        lines.append("| " + " | ".join(r) + " |")
    lines.append("|" + "---|" * tb.ncols)
    for r in tb.body:
        cells = []
        for c in r.cells:
            s = ctext(c)
            if isinstance(c, Cell) and c.note:
                s += f"[^{c.note.marker}]"
            cells.append(s)
        lines.append("| " + " | ".join(cells) + " |")
    out += lines + [""]
    if tb.caption and tb.caption_pos == "below":
        out += [tb.caption, ""]
    for n in tb.notes:
        out += [n, ""]
    return out


def markdown(doc: Doc, notes: list) -> str:
    out = ["# " + doc.title, ""]
    pending: list = []

    def visit(blocks):
        for b in blocks:
            if isinstance(b, H):
                out.extend(["#" * b.level + " " + b.text, ""])
            elif isinstance(b, P):
                s = "".join(f"[^{p.marker}]" if isinstance(p, Note) else p for p in b.parts)
                out.extend([s, ""])
                pending.extend(p for p in b.parts if isinstance(p, Note))
            elif isinstance(b, Bullets):
                out.extend(["- " + i for i in b.items] + [""])
            elif isinstance(b, Toc):
                for x, pg in b.entries:
                    out.extend([f"{x} .......... {pg}", ""])
            elif isinstance(b, Dl):
                for term, val in b.items:
                    out.extend([f"{term}: {val}", ""])
            elif isinstance(b, Table):
                out.extend(md_table(b))
                pending.extend(c.note for r in b.body for c in r.cells if isinstance(c, Cell) and c.note)
            elif isinstance(b, LineChart):
                out.extend([b.caption, ""] + ([b.source, ""] if b.source else []))
            elif isinstance(b, Grid2):
                visit(b.left)
                visit(b.right)
            elif isinstance(b, Columns):
                for p in b.paras:
                    out.extend(["".join(x for x in p.parts if isinstance(x, str)), ""])
            elif isinstance(b, Notes):
                for n in pending:
                    out.extend([f"[^{n.marker}]: {n.text}", ""])
                pending.clear()

    if doc.producer == "chromium":
        visit(doc.blocks)
    else:
        for item in doc.sheet.items:
            if isinstance(item.obj, Table):
                out.extend(md_table(item.obj))
            elif isinstance(item.obj, str) and item.obj != doc.title:
                out.extend([item.obj, ""])
    return "\n".join(out).rstrip() + "\n"


# --------------------------------------------------------------------------------------------
# LibreOffice Calc producer
# --------------------------------------------------------------------------------------------


@dataclass
class Place:
    obj: object  # Table or str (a text cell)
    row: int
    col: int
    bold: bool = False
    size: float = 9
    merge_to: int = 0  # text: merge across to this column (1-based), wrapped


@dataclass
class CalcSheet:
    title: str  # sheet tab name
    widths: dict  # column letter -> width (characters)
    items: list  # Place
    landscape: bool = False
    fit_width: bool = False
    title_rows: str | None = None
    title_cols: str | None = None
    col_breaks: list = field(default_factory=list)  # 0-based column index a page starts at
    row_breaks: list = field(default_factory=list)
    header: dict = field(default_factory=dict)  # left/center/right -> text
    footer: dict = field(default_factory=dict)
    margins: tuple = (0.6, 0.6, 0.8, 0.8)  # left right top bottom (inches)
    font: str = "Arial"

    def tables(self) -> list:
        return [p.obj for p in self.items if isinstance(p.obj, Table)]


def calc_side(style: str):
    from openpyxl.styles import Side

    return Side(style=style, color="000000") if style else Side()


def render_calc(doc: Doc, out_pdf: Path, out_xlsx: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.pagebreak import Break

    sh: CalcSheet = doc.sheet
    wb = Workbook()
    ws = wb.active
    ws.title = sh.title
    wb.properties.creator = "Statistikenheten"
    wb.properties.title = doc.title
    import datetime as _dt

    fixed = _dt.datetime(2024, 1, 1)
    wb.properties.created = fixed
    wb.properties.modified = fixed
    wb.properties.lastModifiedBy = "Statistikenheten"
    for letter, w in sh.widths.items():
        ws.column_dimensions[letter].width = w
    borders: dict = {}  # (r, c) -> dict(side -> style)

    def border(r, c, **sides):
        d = borders.setdefault((r, c), {})
        for k, v in sides.items():
            if v and (k not in d or _weight(v) >= _weight(d[k])):
                d[k] = v

    def font(size, bold=False, italic=False):
        return Font(name=sh.font, size=size, bold=bold, italic=italic)

    for it in sh.items:
        if isinstance(it.obj, str):
            c = ws.cell(it.row, it.col, it.obj)
            c.font = font(it.size, it.bold)
            if it.merge_to:
                ws.merge_cells(start_row=it.row, start_column=it.col, end_row=it.row, end_column=it.merge_to)
                c.alignment = Alignment(wrap_text=True, vertical="top")
            continue
        tb: Table = it.obj
        st = tb.style
        fs = st.get("font", 9)
        r = it.row
        c0 = it.col
        nc = tb.ncols
        if tb.caption and tb.caption_pos == "above":
            c = ws.cell(r, c0, tb.caption)
            c.font = font(fs + 1, True)
            if st.get("caption_rows"):
                ws.merge_cells(start_row=r, start_column=c0, end_row=r, end_column=c0 + nc - 1)
                c.alignment = Alignment(wrap_text=True, vertical="top")
                ws.row_dimensions[r].height = st["caption_rows"] * (fs + 1) * 1.3
            r += 1
        top = r
        hfill = PatternFill("solid", fgColor=st["header_fill"]) if st.get("header_fill") else None
        for i, hrow in enumerate(tb.header):
            for j, txt in enumerate(hrow):
                c = ws.cell(r + i, c0 + j)
                if txt:
                    c.value = txt
                c.font = font(fs, True)
                vmerged = any(hr == i and hc == j and rs > 1 for (hr, hc, rs, _) in tb.merges)
                c.alignment = Alignment(horizontal="left" if j == 0 else "center",
                                        vertical="top" if vmerged else "bottom", wrap_text=True)
                if hfill:
                    c.fill = hfill
            ws.row_dimensions[r + i].height = st.get("header_heights", [None] * len(tb.header))[i] or fs * 1.35
        for (hr, hc, rs, cs) in tb.merges:
            ws.merge_cells(start_row=r + hr, start_column=c0 + hc, end_row=r + hr + rs - 1,
                           end_column=c0 + hc + cs - 1)
        r += len(tb.header)
        body_top = r
        zebra = st.get("zebra")
        for k, row in enumerate(tb.body):
            for j, cell in enumerate(row.cells):
                cell = cell if isinstance(cell, Cell) else Cell(str(cell))
                c = ws.cell(r, c0 + j)
                if cell.value is not None:
                    c.value = cell.value
                    c.number_format = cell.fmt
                elif cell.text:
                    c.value = cell.text
                bold = cell.bold or row.kind in ("group", "total")
                c.font = font(fs, bold)
                c.alignment = Alignment(horizontal="left" if j == 0 else "right", indent=cell.indent,
                                        vertical="bottom")
                if zebra and row.kind == "data" and k % 2 == 1:
                    c.fill = PatternFill("solid", fgColor=zebra)
                if row.kind == "group" and st.get("group_fill"):
                    c.fill = PatternFill("solid", fgColor=st["group_fill"])
            ws.row_dimensions[r].height = st.get("row_height", fs * 1.35)
            r += 1
        bottom = r - 1
        # rules
        inner, outer, hrule = st.get("inner", "thin"), st.get("outer", "thin"), st.get("header_rule", "thin")
        left, right = c0, c0 + nc - 1
        for rr in range(top, bottom + 1):
            for cc in range(left, right + 1):
                if tb.rules == "grid":
                    border(rr, cc, left=inner, right=inner, top=inner, bottom=inner)
                elif tb.rules == "hrules":
                    border(rr, cc, bottom=inner)
                if rr == top and tb.rules != "none":
                    border(rr, cc, top=outer)
                if rr == bottom and tb.rules in ("grid", "hrules", "header") and st.get("bottom_rule", True):
                    border(rr, cc, bottom=outer)
                if tb.rules == "grid" and cc == left:
                    border(rr, cc, left=outer)
                if tb.rules == "grid" and cc == right:
                    border(rr, cc, right=outer)
                if rr == body_top - 1 and tb.rules != "none":
                    border(rr, cc, bottom=hrule)
        for (gc0, gc1) in st.get("group_lines", []):  # vertical lines between column groups
            for rr in range(top, bottom + 1):
                border(rr, c0 + gc0, left=st.get("group_line_style", "thin"))
                border(rr, c0 + gc1, right=st.get("group_line_style", "thin"))
        r += st.get("gap_before_notes", 0)
        if tb.caption and tb.caption_pos == "below":
            c = ws.cell(r, c0, tb.caption)
            c.font = font(fs + 1, True)
            r += 1
        for n in tb.notes:
            c = ws.cell(r, c0, n)
            c.font = font(st.get("note_font", fs - 1), italic=st.get("note_italic", False))
            if st.get("note_merge"):
                ws.merge_cells(start_row=r, start_column=c0, end_row=r, end_column=c0 + st["note_merge"] - 1)
                c.alignment = Alignment(wrap_text=True, vertical="top")
                ws.row_dimensions[r].height = st.get("note_height", fs * 1.3)
            r += 1
    for (rr, cc), d in borders.items():
        ws.cell(rr, cc).border = Border(**{k: calc_side(v) for k, v in d.items()})
    ps = ws.page_setup
    ps.paperSize = ws.PAPERSIZE_A4
    ps.orientation = "landscape" if sh.landscape else "portrait"
    if sh.fit_width:
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        ps.fitToWidth = 1
        ps.fitToHeight = 0
    ws.page_margins.left, ws.page_margins.right, ws.page_margins.top, ws.page_margins.bottom = sh.margins
    ws.page_margins.header = 0.35
    ws.page_margins.footer = 0.35
    if sh.title_rows:
        ws.print_title_rows = sh.title_rows
    if sh.title_cols:
        ws.print_title_cols = sh.title_cols
    for cb in sh.col_breaks:
        ws.col_breaks.append(Break(id=cb))
    for rb in sh.row_breaks:
        ws.row_breaks.append(Break(id=rb))
    for part, txt in sh.header.items():
        hf = getattr(ws.oddHeader, part)
        hf.text, hf.size, hf.font = txt, 8, f"{sh.font},Regular"
    for part, txt in sh.footer.items():
        hf = getattr(ws.oddFooter, part)
        hf.text, hf.size, hf.font = txt, 8, f"{sh.font},Regular"
    ws.sheet_view.showGridLines = False
    buf = io.BytesIO()
    wb.save(buf)
    fixed_zip(buf.getvalue(), out_xlsx)
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        sys.exit("soffice not found: apt-get install -y libreoffice-calc-nogui")
    with tempfile.TemporaryDirectory() as tmp:
        profile = Path(tmp) / "profile"
        env = {"PATH": "/usr/bin:/bin", "HOME": tmp, "LANG": "sv_SE.UTF-8", "LC_ALL": "sv_SE.UTF-8"}
        subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless",
                        "--convert-to", "pdf", "--outdir", tmp, str(out_xlsx)],
                       check=True, capture_output=True, timeout=180, env=env)
        data = (Path(tmp) / (out_xlsx.stem + ".pdf")).read_bytes()
    out_pdf.write_bytes(fixed_pdf(data))


def _weight(style: str) -> int:
    return {"hair": 0, "dotted": 1, "dashed": 1, "thin": 2, "medium": 3, "double": 4, "thick": 5}.get(style, 2)


def fixed_zip(data: bytes, out: Path) -> None:
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in sorted(src.infolist(), key=lambda i: i.filename):
            zi = zipfile.ZipInfo(info.filename, date_time=(2024, 1, 1, 0, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            body = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                body = re.sub(rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", b"2024-01-01T00:00:00Z", body)
            dst.writestr(zi, body)


def fixed_pdf(data: bytes) -> bytes:
    """Fixed dates, /ID and /DocChecksum of the same length, so the xref offsets stay valid."""
    def date(m):
        val = m.group(2)
        return m.group(1) + b"(" + b"D:20240101000000" + val[16:] + b")"

    def xmp(m):
        return m.group(1) + b"2024-01-01T00:00:00" + m.group(3)

    data = re.sub(rb"(/(?:CreationDate|ModDate) ?)\((D:\d{14}[^)]*)\)", date, data)
    data = re.sub(rb"/ID ?\[ ?<([0-9A-Fa-f]+)>(\s*)<([0-9A-Fa-f]+)> ?\]",
                  lambda m: m.group(0).replace(m.group(1), b"0" * len(m.group(1)))
                  .replace(m.group(3), b"0" * len(m.group(3))), data)
    # Chromium's tagged PDF names structure elements by DOM node ids, which shift from run to run:
    # number them in order of first appearance (same length, the names tree stays consistent)
    ids: dict = {}
    data = re.sub(rb"\(node(\d{8})\)", lambda m: b"(node" + ids.setdefault(m.group(1), b"%08d" % len(ids)) + b")",
                  data)
    data = re.sub(rb"/DocChecksum /([0-9A-Fa-f]+)", lambda m: b"/DocChecksum /" + b"0" * len(m.group(1)), data)
    data = re.sub(rb"(<xmp:(?:CreateDate|ModifyDate|MetadataDate)>)(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)([^<]*</xmp:)",
                  xmp, data)
    return data


# --------------------------------------------------------------------------------------------
# Chromium producer
# --------------------------------------------------------------------------------------------


def esc(s: str) -> str:
    return html.escape(s, quote=False)


BASE_CSS = """
@page { size: A4; margin: 22mm 20mm 20mm 20mm;
  @top-left { content: "%(head_left)s"; font: 7.5pt "Liberation Sans"; color: #444; }
  @top-right { content: "%(head_right)s"; font: 7.5pt "Liberation Sans"; color: #444; }
  @bottom-center { content: counter(page) " (" counter(pages) ")"; font: 8pt "Liberation Sans"; } }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font-family: %(font)s; font-size: %(size)s; line-height: 1.4; color: #111; margin: 0; }
h1 { font-size: 18pt; margin: 0 0 6mm 0; color: #1b3a5c; }
h2 { font-size: 13pt; margin: 6mm 0 2mm 0; color: #1b3a5c; break-after: avoid; }
h3 { font-size: 11pt; margin: 4mm 0 1.5mm 0; break-after: avoid; }
p { margin: 0 0 2.5mm 0; }
.pb { break-before: page; }
sup.fn { font-size: 70%%; line-height: 0; }
sup.fn a { color: #1b5fa8; text-decoration: none; }
ol.notes { font-size: 8pt; margin: 2mm 0 4mm 0; padding-left: 6mm; border-top: 0.5pt solid #999; padding-top: 1.5mm; }
ol.notes li { margin: 0 0 1mm 0; }
table { border-collapse: collapse; margin: 1mm 0 1.5mm 0; }
caption { text-align: left; font-weight: bold; padding: 0 0 1.5mm 0; font-size: 9.5pt; }
caption.bottom { caption-side: bottom; padding: 1.5mm 0 0 0; }
th, td { padding: 1.2pt 5pt; vertical-align: bottom; }
th { font-weight: bold; text-align: center; }
th.stub, td.stub { text-align: left; }
td.n { text-align: right; white-space: nowrap; }
tr.group td { font-weight: bold; padding-top: 4pt; }
tr.total td { font-weight: bold; }
td.i1 { padding-left: 14pt; }
th[rowspan] { vertical-align: top; }
table.single td.i1 { padding-left: 10pt; }
p.tnote { font-size: 8pt; margin: 0 0 1mm 0; }
.afterTable { margin-bottom: 4mm; }
/* rule styles */
table.grid th, table.grid td { border: 0.75pt solid #777; }
table.hrules thead tr { border-top: 1.2pt solid #222; border-bottom: 1pt solid #222; }
table.hrules tbody tr { border-bottom: 0.5pt solid #bbb; }
table.header thead { border-bottom: 1.5pt solid #1b3a5c; }
table.zebra tbody tr:nth-child(even) td { background: #e8eef5; }
table.zebra thead th { background: #1b3a5c; color: #fff; }
table.single th, table.single td { padding: 0 4pt; line-height: 1.15; font-size: 8pt; }
dl.kf { display: grid; grid-template-columns: 70mm 30mm; row-gap: 1mm; margin: 2mm 0 4mm 0; }
dl.kf dt { margin: 0; }
dl.kf dd { margin: 0; text-align: right; font-weight: bold; }
.two { display: grid; grid-template-columns: 1fr 1fr; column-gap: 8mm; }
.cols { column-count: 2; column-gap: 8mm; text-align: justify; }
ul { margin: 0 0 3mm 0; padding-left: 6mm; }
.toc { list-style: none; padding: 0; margin: 4mm 0; }
.toc li { display: flex; margin: 0 0 1.5mm 0; }
.toc li .t { flex: none; }
.toc li .dots { flex: 1; border-bottom: 1pt dotted #555; margin: 0 2mm 3pt 2mm; }
.toc li.l2 { padding-left: 8mm; }
.figcap { font-weight: bold; font-size: 9.5pt; margin: 3mm 0 1mm 0; }
.source { font-size: 8pt; }
"""


def html_table(tb: Table) -> str:
    cls = " ".join(x for x in [tb.rules, tb.css_class] if x)
    out = [f'<table class="{cls}">']
    if tb.caption:
        cap_cls = ' class="bottom"' if tb.caption_pos == "below" else ""
        out.append(f"<caption{cap_cls}>{esc(tb.caption)}</caption>")
    covered = set()
    spans = {}
    for (r, c, rs, cs) in tb.merges:
        spans[(r, c)] = (rs, cs)
        for i in range(r, r + rs):
            for j in range(c, c + cs):
                if (i, j) != (r, c):
                    covered.add((i, j))
    out.append("<thead>")
    for i, row in enumerate(tb.header):
        cells = []
        for j, txt in enumerate(row):
            if (i, j) in covered:
                continue
            rs, cs = spans.get((i, j), (1, 1))
            attrs = (f' rowspan="{rs}"' if rs > 1 else "") + (f' colspan="{cs}"' if cs > 1 else "")
            attrs += ' class="stub"' if j == 0 else ""
            cells.append(f"<th{attrs}>{esc(txt)}</th>")
        out.append("<tr>" + "".join(cells) + "</tr>")
    out.append("</thead><tbody>")
    for row in tb.body:
        cells = row.cells
        if row.kind == "group" and tb.group_colspan:
            out.append(f'<tr class="group"><td class="stub" colspan="{tb.ncols}">{esc(ctext(cells[0]))}</td></tr>')
            continue
        tds = []
        for j, c in enumerate(cells):
            c = c if isinstance(c, Cell) else Cell(str(c))
            cl = ["stub" if j == 0 else "n"]
            if c.indent:
                cl.append("i1")
            mark = (f'<sup class="fn"><a href="#fn{c.note.marker}" id="ref{c.note.marker}">{c.note.marker}</a></sup>'
                    if c.note else "")
            tds.append(f'<td class="{" ".join(cl)}">{esc(c.text)}{mark}</td>')
        kind = f' class="{row.kind}"' if row.kind != "data" else ""
        out.append(f"<tr{kind}>" + "".join(tds) + "</tr>")
    out.append("</tbody></table>")
    for n in tb.notes:
        out.append(f'<p class="tnote">{esc(n)}</p>')
    return "\n".join(out)


def html_parts(parts) -> str:
    s = ""
    for p in parts:
        if isinstance(p, Note):
            s += f'<sup class="fn"><a href="#fn{p.marker}" id="ref{p.marker}">{p.marker}</a></sup>'
        else:
            s += esc(p)
    return s


def svg_line_chart(ch: LineChart) -> str:
    w, h = 480, 230
    left, right, top, bottom = 40, 110, 14, 30
    pw, ph = w - left - right, h - top - bottom
    n = len(ch.cats)
    x = lambda i: left + pw * (i + 0.5) / n  # noqa: E731
    y = lambda v: top + ph * (1 - v / ch.ymax)  # noqa: E731
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{w}pt" height="{h}pt" viewBox="0 0 {w} {h}" '
           f'font-family="Liberation Sans" font-size="8">']
    for v in range(0, ch.ymax + 1, ch.ystep):
        out.append(f'<line x1="{left}" x2="{left + pw}" y1="{y(v):.1f}" y2="{y(v):.1f}" stroke="#ccc" stroke-width="0.6"/>')
        out.append(f'<text x="{left - 5}" y="{y(v) + 3:.1f}" text-anchor="end">{v}</text>')
    for i, c in enumerate(ch.cats):
        out.append(f'<text x="{x(i):.1f}" y="{top + ph + 14}" text-anchor="middle">{esc(c)}</text>')
    for k, (name, vals, col) in enumerate(ch.series):
        pts = " ".join(f"{x(i):.1f},{y(v):.1f}" for i, v in enumerate(vals))
        out.append(f'<polyline points="{pts}" fill="none" stroke="{col}" stroke-width="1.6"/>')
        for i, v in enumerate(vals):
            out.append(f'<circle cx="{x(i):.1f}" cy="{y(v):.1f}" r="2" fill="{col}"/>')
            dy = -6 if k == 0 else 12
            out.append(f'<text x="{x(i):.1f}" y="{y(v) + dy:.1f}" text-anchor="middle" font-size="7" '
                       f'fill="{col}">{fd(v, 1)}</text>')
        ly = top + 20 + 16 * k
        out.append(f'<line x1="{left + pw + 14}" x2="{left + pw + 30}" y1="{ly}" y2="{ly}" stroke="{col}" stroke-width="2"/>')
        out.append(f'<text x="{left + pw + 34}" y="{ly + 3}">{esc(name)}</text>')
    out.append("</svg>")
    return "\n".join(out)


def render_chromium(doc: Doc, out_pdf: Path, out_html: Path, css_vars: dict, extra_css: str = "") -> None:
    body = []
    pending: list = []

    def visit(blocks, into):
        for b in blocks:
            if isinstance(b, H):
                cls = ' class="pb"' if b.page_break else ""
                into.append(f"<h{b.level}{cls}>{esc(b.text)}</h{b.level}>")
            elif isinstance(b, P):
                cls = f' class="{b.cls}"' if b.cls else ""
                into.append(f"<p{cls}>{html_parts(b.parts)}</p>")
                pending.extend(p for p in b.parts if isinstance(p, Note))
            elif isinstance(b, Bullets):
                into.append("<ul>" + "".join(f"<li>{esc(i)}</li>" for i in b.items) + "</ul>")
            elif isinstance(b, Toc):
                lis = []
                for title, pg in b.entries:
                    lvl = "l2" if re.match(r"^\d+\.\d+ ", title) else "l1"
                    lis.append(f'<li class="{lvl}"><span class="t">{esc(title)}</span><span class="dots"></span>'
                               f'<span class="p">{pg}</span></li>')
                into.append('<ul class="toc">' + "".join(lis) + "</ul>")
            elif isinstance(b, Dl):
                into.append('<dl class="kf">' + "".join(f"<dt>{esc(a)}</dt><dd>{esc(v)}</dd>" for a, v in b.items)
                            + "</dl>")
            elif isinstance(b, Table):
                into.append(html_table(b))
                pending.extend(c.note for r in b.body for c in r.cells if isinstance(c, Cell) and c.note)
            elif isinstance(b, LineChart):
                into.append(f'<p class="figcap">{esc(b.caption)}</p>')
                into.append(svg_line_chart(b))
                if b.source:
                    into.append(f'<p class="source">{esc(b.source)}</p>')
            elif isinstance(b, Grid2):
                left, right = [], []
                visit(b.left, left)
                visit(b.right, right)
                into.append('<div class="two"><div>' + "\n".join(left) + "</div><div>" + "\n".join(right)
                            + "</div></div>")
            elif isinstance(b, Columns):
                into.append('<div class="cols">' + "".join(f"<p>{html_parts(p.parts)}</p>" for p in b.paras)
                            + "</div>")
            elif isinstance(b, Notes):
                if pending:
                    start = pending[0].marker
                    into.append(f'<ol class="notes" start="{start}">' + "".join(
                        f'<li id="fn{n.marker}">{esc(n.text)}</li>' for n in pending) + "</ol>")
                pending.clear()

    visit(doc.blocks, body)
    assert not pending, f"{doc.name}: notes without a Notes block"
    css = BASE_CSS % css_vars + extra_css
    page = (f'<!DOCTYPE html>\n<html lang="sv">\n<head>\n<meta charset="utf-8">\n<title>{esc(doc.title)}</title>\n'
            f"<style>{css}</style>\n</head>\n<body>\n<h1>{esc(doc.title)}</h1>\n" + "\n".join(body)
            + "\n</body>\n</html>\n")
    out_html.write_text(page, encoding="utf-8")
    exe = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if not exe:
        sys.exit("chromium not found: apt-get install -y chromium")
    with tempfile.TemporaryDirectory() as tmp:
        pdf = Path(tmp) / "out.pdf"
        subprocess.run([exe, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                        f"--user-data-dir={tmp}/profile", f"--print-to-pdf={pdf}", out_html.resolve().as_uri()],
                       check=True, capture_output=True, timeout=180)
        data = pdf.read_bytes()
    out_pdf.write_bytes(fixed_pdf(data))


# --------------------------------------------------------------------------------------------
# The check (pdfplumber)
# --------------------------------------------------------------------------------------------


def norm(s: str) -> str:
    for odd in ("\u00a0", "\u202f", "\u2009", "\u2007"):
        s = s.replace(odd, " ")
    s = s.replace("\u00ad", "")
    return re.sub(r"\s+", " ", s).strip()


def cells_in_line(cells: list, line: str, markers: dict) -> bool:
    """The cells, in order, each a whole run of words of the line (a cell with a note may carry
    its marker right after it)."""
    pos = 0
    for i, c in enumerate(cells):
        pat = r"(?<!\S)" + re.escape(c) + (re.escape(markers[i]) if i in markers else "") + r"(?!\S)"
        m = re.compile(pat).search(line, pos)
        if not m:
            return False
        pos = m.end()
    return True


def check(doc: Doc, notes: list, pdf_path: Path) -> list:
    import pdfplumber

    errs = []
    with pdfplumber.open(pdf_path) as pdf:
        if len(pdf.pages) != doc.pages:
            return [f"pages: declared {doc.pages}, rendered {len(pdf.pages)}"]
        lines = [[norm(x) for x in (p.extract_text() or "").splitlines()] for p in pdf.pages]
    texts = [" ".join(ls) for ls in lines]
    tables = [b for b in walk(doc.blocks) if isinstance(b, Table)] if doc.producer == "chromium" else doc.sheet.tables()

    def row_pages(cells, markers, pages):
        return [pg for pg in pages if any(cells_in_line(cells, ln, markers) for ln in lines[pg - 1])]

    for tb in tables:
        where = {}
        for k, row in enumerate(tb.body):
            if k in tb.unchecked:
                continue
            groups = tb.split or [list(range(tb.ncols))]
            found = []
            for gi, cols in enumerate(groups):
                sub = [(j, norm(ctext(row.cells[j]))) for j in cols if norm(ctext(row.cells[j]))]
                cells = [s for _, s in sub]
                markers = {i: row.cells[j].note.marker for i, (j, _) in enumerate(sub)
                           if isinstance(row.cells[j], Cell) and row.cells[j].note}
                pages = [tb.pages[gi]] if tb.split else tb.pages
                pgs = row_pages(cells, markers, pages)
                if not pgs:
                    errs.append(f"{tb.id} body row {k} {cells} not on one line of p. {pages}")
                found += pgs
            where[k] = found
        checked = [k for k in range(len(tb.body)) if k not in tb.unchecked and len(norm(" ".join(
            ctext(c) for c in tb.body[k].cells)).split()) > 1]
        if not tb.split and checked:
            if tb.pages[0] not in where.get(checked[0], []):
                errs.append(f"{tb.id}: first body row not on p. {tb.pages[0]}")
            if tb.pages[-1] not in where.get(checked[-1], []):
                errs.append(f"{tb.id}: last body row not on p. {tb.pages[-1]}")
        hwords = [w for r in tb.header for x in r for w in norm(x).split()]
        hpages = tb.pages if tb.split else tb.pages[:1]
        htoks = set(" ".join(texts[p - 1] for p in hpages).split())
        if not all(w in htoks for w in hwords):
            errs.append(f"{tb.id}: header words {[w for w in hwords if w not in htoks]} not on p. {hpages}")
        if tb.caption:
            cp = tb.pages[0] if tb.caption_pos == "above" else tb.pages[-1]
            if norm(tb.caption)[:45] not in texts[cp - 1] and not (
                    "beside-text" in tb.hazards and all(w in texts[cp - 1].split() for w in norm(tb.caption).split())):
                # beside text, the caption's lines share text lines with the column beside it
                errs.append(f"{tb.id}: caption not on p. {cp}")
        for n in tb.notes:
            if norm(n)[:45] not in texts[tb.pages[-1] - 1]:
                errs.append(f"{tb.id}: note {n[:30]!r} not on p. {tb.pages[-1]}")
        if len(tb.pages) > 1 and not tb.split:
            hdr = [w for r in tb.header for x in r for w in norm(x).split()][:4]
            head = " ".join(lines[tb.pages[1] - 1][:6])
            rep = all(w in head.split() for w in hdr)
            want = "continued-no-header" not in tb.hazards
            if rep != want:
                errs.append(f"{tb.id}: header repeated={rep} on p. {tb.pages[1]}, declared {want}")
        if tb.split:
            for gi, cols in enumerate(tb.split):
                hdr = [norm(tb.header[-1][j]) for j in cols if tb.header[-1][j]]
                if not any(cells_in_line(hdr, ln, {}) for ln in lines[tb.pages[gi] - 1]):
                    errs.append(f"{tb.id}: header part {hdr[:3]} not on p. {tb.pages[gi]}")
    for n in notes:
        if norm(n.text)[:40] not in texts[n.page - 1]:
            errs.append(f"footnote {n.marker} text not on p. {n.page}")
        if n.cited_in == "text":
            if not re.search(re.escape(norm(n.context)) + r" ?" + n.marker + r"(?!\d)", texts[n.cited_page - 1]):
                errs.append(f"footnote {n.marker} marker after {n.context!r} not on p. {n.cited_page}")
    for b in walk(doc.blocks):
        if isinstance(b, Toc):
            for title, pg in b.entries:
                if norm(title) not in texts[int(pg) - 1].replace(norm(title) + " " + str(pg), ""):
                    # the title must be on its target page outside the TOC itself
                    if not (int(pg) != b.page and norm(title) in texts[int(pg) - 1]):
                        errs.append(f"toc: {title!r} not on p. {pg}")
    tr = truth(doc, notes)
    for nt in tr["not_tables"]:
        toks = texts[nt["page"] - 1].split()
        if not all(w in toks for w in norm(nt["sample"]).split()):
            errs.append(f"not_table {nt['kind']} sample {nt['sample']!r} not on p. {nt['page']}")
    return errs


# --------------------------------------------------------------------------------------------
# Building
# --------------------------------------------------------------------------------------------


def build(name: str, only_check: bool = False) -> bool:
    doc, extra = DESIGNS[name]()
    notes = prepare(doc)
    pdf = HERE / f"{name}.pdf"
    if not only_check:
        if doc.producer == "chromium":
            render_chromium(doc, pdf, HERE / f"{name}.html", *extra)
        else:
            render_calc(doc, pdf, HERE / f"{name}.xlsx")
        (HERE / f"{name}.truth.json").write_text(
            json.dumps(truth(doc, notes), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        (HERE / f"{name}.md").write_text(markdown(doc, notes), encoding="utf-8")
    errs = check(doc, notes, pdf)
    print(f"{name}: {'ok' if not errs else 'MISMATCH'} ({pdf.stat().st_size // 1024} KB)")
    for e in errs:
        print("   ", e)
    return not errs


def main() -> None:
    args = sys.argv[1:]
    names = [a for a in args if not a.startswith("--")] or list(DESIGNS)
    bad = [n for n in names if not build(n, "--check" in args)]
    if bad:
        sys.exit(f"truth does not match the rendered PDF: {', '.join(bad)}")


# --------------------------------------------------------------------------------------------
# The fixtures (all figures invented; wording after the AF/FK återrapporter)
# --------------------------------------------------------------------------------------------



def R(*cells, kind: str = "data") -> Row:
    return Row([c if isinstance(c, Cell) else Cell(str(c)) for c in cells], kind)


def G(label: str, ncols: int) -> Row:
    return Row([Cell(label)] + [Cell("") for _ in range(ncols - 1)], "group")


def jit(rng: random.Random, x: float, rel: float = 0.08) -> int:
    return int(round(x * (1 + rng.uniform(-rel, rel))))


LAN = [
    ("Stockholms län", 0.225), ("Uppsala län", 0.037), ("Södermanlands län", 0.029),
    ("Östergötlands län", 0.045), ("Jönköpings län", 0.035), ("Kronobergs län", 0.019),
    ("Kalmar län", 0.024), ("Gotlands län", 0.006), ("Blekinge län", 0.015),
    ("Skåne län", 0.133), ("Hallands län", 0.032), ("Västra Götalands län", 0.167),
    ("Värmlands län", 0.027), ("Örebro län", 0.029), ("Västmanlands län", 0.027),
    ("Dalarnas län", 0.027), ("Gävleborgs län", 0.028), ("Västernorrlands län", 0.024),
    ("Jämtlands län", 0.013), ("Västerbottens län", 0.026), ("Norrbottens län", 0.025),
]
OMRADEN = ["Nord", "Mitt", "Stockholm-Gotland", "Öst", "Väst", "Syd"]
MANADER = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september",
           "oktober", "november", "december"]
HEAD_AF_FK = "Arbetsförmedlingen och Försäkringskassan"

# ---------------------------------------------------------------- LibreOffice Calc fixtures


def d_lc_statistikblad():
    rng = random.Random(7001)
    body = []
    for y in range(2014, 2024):
        k, m = rng.randint(2800, 6200), rng.randint(1700, 4100)
        ak, am = rng.randint(380, 560) / 10, rng.randint(350, 540) / 10
        at = round((k * ak + m * am) / (k + m), 1)
        body.append(R(str(y), n_int(k), n_dec(ak, 1, False), n_int(m), n_dec(am, 1, False), n_int(k + m),
                      n_dec(at, 1, False)))
    t7 = Table(
        "7", "Tabell 7 Deltagare i rehabiliteringssamverkan efter kön 2014–2023", "above", [1],
        header=[["År", "Kvinnor", "", "Män", "", "Totalt", ""],
                ["", "Antal", "Andel (%)", "Antal", "Andel (%)", "Antal", "Andel (%)"]],
        merges=[(0, 0, 2, 1), (0, 1, 1, 2), (0, 3, 1, 2), (0, 5, 1, 2)], body=body,
        notes=["Källa: Arbetsförmedlingen (Dais) och Försäkringskassan (Midas).",
               "Anm.: Andel (%) avser andelen med arbetsförmåga när samverkan avslutades."],
        hazards=["years-in-rows", "several-tables-per-page", "running-head"], rules="grid",
        style=dict(font=9, outer="medium", inner="hair", header_rule="double", header_fill="D9E1F2"))
    b8, tk, td = [], 0, 0
    for o in OMRADEN:
        k = rng.randint(380, 1450)
        d = int(k * rng.uniform(0.82, 0.95))
        tk, td = tk + k, td + d
        b8.append(R(o, n_int(k), n_int(d), n_pct(100 * d / k)))
    b8.append(R(Cell("Riket", bold=True), n_int(tk), n_int(td), n_pct(100 * td / tk), kind="total"))
    t8 = Table(
        "8", "Tabell 8 Möten för omställning per marknadsområde 2023", "above", [1],
        header=[["Marknadsområde", "Kallade", "Deltog", "Andel"]], merges=[], body=b8,
        notes=["Källa: Arbetsförmedlingen."],
        hazards=["side-by-side", "several-tables-per-page", "running-head"], rules="header",
        style=dict(font=9, outer="thin", header_rule="medium"))
    ages = ["16–19", "20–29", "30–39", "40–49", "50–59", "60–64"]
    b9, s22, s23 = [], 0, 0
    for a in ages:
        if a == "16–19":
            b9.append(R(a, "<5", "6", ".."))
            continue
        if a == "60–64":
            b9.append(R(a, "–", "x", ".."))
            continue
        v22, v23 = rng.randint(180, 900), rng.randint(180, 900)
        s22, s23 = s22 + v22, s23 + v23
        b9.append(R(a, n_int(v22), n_int(v23), n_int(v23 - v22)))
    b9.append(R(Cell("Samtliga", bold=True), n_int(s22 + 9), n_int(s23 + 13), n_int(s23 + 13 - s22 - 9),
                kind="total"))
    t9 = Table(
        None, None, None, [1],
        header=[["Åldersgrupp", "2022", "2023", "Förändring"]], merges=[], body=b9,
        notes=["Anm.: .. uppgift saknas, x sekretess."],
        hazards=["side-by-side", "years-in-columns", "several-tables-per-page", "running-head"], rules="hrules",
        style=dict(font=9, outer="thin", inner="dotted", header_rule="thin"))
    sheet = CalcSheet(
        "Statistikblad", {"A": 20, "B": 9, "C": 10, "D": 9, "E": 10, "F": 12, "G": 10, "H": 9, "I": 11},
        [Place("Det förstärkta samarbetet – statistikblad 2023", 1, 1, bold=True, size=13),
         Place("Arbetsförmedlingen och Försäkringskassan, återrapportering enligt regleringsbrevet för 2023",
               2, 1, size=9),
         Place(t7, 4, 1), Place(t8, 21, 1), Place(t9, 22, 6)],
        fit_width=True, header={"left": HEAD_AF_FK, "right": "Statistikblad 2023"},
        footer={"center": "Sida &P (&N)"})
    doc = Doc("lc_statistikblad", "libreoffice-calc", 1, "Det förstärkta samarbetet – statistikblad 2023", [],
              sheet)
    return doc, ()


def d_lc_bred_skalad():
    rng = random.Random(7002)
    body = []
    tot_m = [0] * 12
    for lan, share in LAN:
        vals = []
        for i in range(12):
            season = 0.55 if i == 6 else (0.8 if i in (5, 7, 11) else 1.0)
            v = jit(rng, 1650 * share * season, 0.15)
            if lan.startswith("Gotland") and i in (5, 7):
                v = rng.randint(2, 4)
            vals.append(v)
        cells = []
        for i, v in enumerate(vals):
            tot_m[i] += v
            if lan.startswith("Gotland") and v < 5:
                cells.append(Cell("<5"))
            elif lan.startswith("Gotland") and i == 6:
                cells.append(Cell(".."))
            else:
                cells.append(n_int(v))
        ch = round(rng.uniform(-9.5, 7.5), 1)
        body.append(R(lan, *cells, n_int(sum(vals)), n_dec(ch, 1, False)))
    body.append(R(Cell("Riket", bold=True), *[n_int(v) for v in tot_m], n_int(sum(tot_m)), n_dec(-1.8, 1, False),
                  kind="total"))
    months = ["jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]
    tb = Table(
        "3.1", "Tab 3.1 Gemensamma kartläggningar per län och månad 2023", "above", [1],
        header=[["Län"] + months + ["Totalt", "Förändring mot 2022 (%)"]], merges=[], body=body,
        notes=["Källa: Arbetsförmedlingen och Försäkringskassan.",
               "Anm.: <5 = färre än fem kartläggningar, .. = uppgift saknas. Förändring i procent mot 2022."],
        hazards=["single-spaced", "wrapped-header", "scaled-to-fit", "running-head"], rules="header",
        style=dict(font=8, row_height=10.2, outer="", header_rule="double", header_heights=[22]))
    widths = {"A": 19}
    for i in range(12):
        widths[chr(ord("B") + i)] = 6.5
    widths["N"] = 8
    widths["O"] = 11
    sheet = CalcSheet(
        "Tab 3.1", widths,
        [Place("Kartläggningar per län", 1, 1, bold=True, size=12), Place(tb, 3, 1)],
        fit_width=True, header={"center": "&A"}, footer={"right": "&P"})
    return Doc("lc_bred_skalad", "libreoffice-calc", 1, "Kartläggningar per län", [], sheet), ()


def d_lc_bred_delad():
    rng = random.Random(7003)
    years = list(range(2010, 2024))
    forms = [("Sjukpenning", 9800), ("Rehabiliteringspenning", 210), ("Aktivitetsersättning", 1750)]
    sums = [0.0] * len(years)
    body = []
    series = {}
    for kon, f in (("Kvinnor", 1.25), ("Män", 0.8)):
        body.append(G(kon, 1 + len(years)))
        for name, base in forms:
            vals = []
            level = base * f
            for _ in years:
                level *= 1 + rng.uniform(-0.06, 0.08)
                vals.append(round(level, 1))
            series[(kon, name)] = vals
            body.append(R(Cell(name, indent=1), *[n_dec(v, 1) for v in vals]))
    body.append(G("Samtliga", 1 + len(years)))
    for name, _ in forms:
        vals = [round(a + b, 1) for a, b in zip(series[("Kvinnor", name)], series[("Män", name)])]
        for i, v in enumerate(vals):
            sums[i] += v
        body.append(R(Cell(name, indent=1), *[n_dec(v, 1) for v in vals]))
    body.append(R(Cell("Totalt", bold=True), *[n_dec(v, 1) for v in sums], kind="total"))
    body.append(R("Andel av BNP (%)", *[n_dec(rng.randint(52, 91) / 100, 2, False) for _ in years]))
    tb = Table(
        "C2", "Tabell C2 Utbetalda ersättningar efter ersättningsform och kön 2010–2023, mnkr", "above", [1, 2],
        header=[["Ersättningsform"] + [str(y) for y in years]], merges=[], body=body,
        notes=["Källa: Försäkringskassan (Store).", "Anm.: Löpande priser."],
        hazards=["years-in-columns", "running-head"], rules="hrules",
        style=dict(font=9, outer="medium", inner="dashed", header_rule="thin"),
        split=[list(range(0, 8)), [0] + list(range(8, 15))])
    widths = {"A": 17}
    for i in range(14):
        widths[chr(ord("B") + i)] = 7.5
    sheet = CalcSheet(
        "Tabell C2", widths, [Place(tb, 1, 1)], title_cols="A:A", col_breaks=[8],
        header={"left": "Försäkringskassan", "right": "Tabellbilaga C"}, footer={"center": "&P (&N)"})
    return Doc("lc_bred_delad", "libreoffice-calc", 2, "Tabell C2", [], sheet), ()


def d_lc_lang_tabell():
    rng = random.Random(7004)
    body = []
    all_p = all_a = all_w = 0
    ongoing = 2400
    for y in range(2019, 2024):
        body.append(G(str(y), 6))
        sp = sa = sw = 0
        for i, m in enumerate(MANADER):
            season = 0.6 if i == 6 else 1.0
            p = jit(rng, 520 * season, 0.12)
            a = jit(rng, 490 * season, 0.12)
            ongoing += p - a
            sp, sa = sp + p, sa + a
            if y == 2019 and i < 3:
                w_cells = [Cell(".."), Cell("..")]
            else:
                w = int(a * rng.uniform(0.38, 0.56))
                sw += w
                w_cells = [n_int(w), n_dec(100 * w / a, 1, False)]
            body.append(R(Cell(m, indent=1), n_int(p), n_int(a), n_int(ongoing), *w_cells))
        base_a = sa if y > 2019 else sum(
            int(ctext(r.cells[2]).replace(" ", "")) for r in body[-9:])
        body.append(R(Cell(f"Totalt {y}", bold=True), n_int(sp), n_int(sa), n_int(ongoing), n_int(sw),
                      n_dec(100 * sw / base_a, 1, False), kind="total"))
        all_p, all_a, all_w = all_p + sp, all_a + sa, all_w + sw
    body.append(R(Cell("Totalt 2019–2023", bold=True), n_int(all_p), n_int(all_a), n_int(ongoing), n_int(all_w),
                  n_dec(100 * all_w / all_a, 1, False), kind="total"))
    tb = Table(
        "12", "Tabell 12 Påbörjade och avslutade rehabiliteringssamverkan per månad 2019–2023", "above", [1, 2],
        header=[["Period", "Påbörjade", "Avslutade", "Pågående vid periodens slut", "Därav med arbetsförmåga", ""],
                ["", "", "", "", "Antal", "Andel (%)"]],
        merges=[(0, 0, 2, 1), (0, 1, 2, 1), (0, 2, 2, 1), (0, 3, 2, 1), (0, 4, 1, 2)], body=body,
        notes=["Källa: Arbetsförmedlingen och Försäkringskassan, gemensam uppföljning.",
               "Anm.: .. = uppgift saknas (registreringen började i april 2019)."],
        hazards=["years-in-rows", "wrapped-header", "zebra-rows", "running-head"], rules="header",
        style=dict(font=9, row_height=12, outer="", header_rule="medium", zebra="EDEDED", group_fill="DDEBF7",
                   header_heights=[24, 13]))
    sheet = CalcSheet(
        "Tabell 12", {"A": 16, "B": 8.5, "C": 8.5, "D": 10.5, "E": 9, "F": 8.5}, [Place(tb, 1, 1)],
        title_rows="2:3", header={"left": "Arbetsförmedlingen", "right": "&A"},
        footer={"right": "Sida &P av &N"})
    return Doc("lc_lang_tabell", "libreoffice-calc", 2, "Tabell 12", [], sheet), ()


def d_lc_kostnader():
    rng = random.Random(7005)
    slag = [("Personalkostnader", 38000), ("Lokalkostnader", 4200), ("Köp av tjänster", 6100),
            ("Insatser för deltagare", 12500), ("IT-utveckling och systemstöd", 3100),
            ("Övriga driftskostnader", 1900)]
    body, sums = [], [0] * 8
    for name, base in slag:
        vals = []
        for ag in (1.0, 0.7):
            for yr in (1.0, 1.06):
                b = jit(rng, base * ag * yr, 0.05)
                u = jit(rng, b, 0.09)
                vals += [b, u]
        for i, v in enumerate(vals):
            sums[i] += v
        body.append(R(name, *[n_int(v, "\u2212") for v in vals]))
    ret = [None, -jit(rng, 2300), None, -jit(rng, 1100), None, -jit(rng, 1800), None, -jit(rng, 640)]
    cells = []
    for i, v in enumerate(ret):
        if v is None:
            cells.append(Cell("–"))
        else:
            sums[i] += v
            cells.append(n_int(v, "\u2212"))
    body.append(R("Återbetalning av outnyttjade medel", *cells))
    body.append(R(Cell("Summa", bold=True), *[n_int(v, "\u2212") for v in sums], kind="total"))
    t4 = Table(
        "4", "Tabell 4 Myndigheternas kostnader för det förstärkta samarbetet 2022–2023, tkr", "above", [1],
        header=[["Kostnadsslag", "Arbetsförmedlingen", "", "", "", "Försäkringskassan", "", "", ""],
                ["", "2022", "", "2023", "", "2022", "", "2023", ""],
                ["", "Budget", "Utfall", "Budget", "Utfall", "Budget", "Utfall", "Budget", "Utfall"]],
        merges=[(0, 0, 3, 1), (0, 1, 1, 4), (0, 5, 1, 4), (1, 1, 1, 2), (1, 3, 1, 2), (1, 5, 1, 2),
                (1, 7, 1, 2)], body=body,
        notes=["Anm.: Belopp i tusental kronor (tkr). Negativa belopp avser återbetalda medel.",
               "Källa: Myndigheternas ekonomisystem."],
        hazards=["years-in-columns", "several-tables-per-page", "running-head"], rules="grid",
        style=dict(font=9, outer="medium", inner="thin", header_rule="double", header_fill="F2F2F2",
                   group_lines=[(1, 4), (5, 8)], group_line_style="medium"))
    b5 = []
    tt = tf = 0.0
    parts = []
    for ag, till, n in (("Arbetsförmedlingen", 112.5, 181000), ("Försäkringskassan", 78.0, 142000)):
        forb = round(till * rng.uniform(0.93, 1.03), 1)
        parts.append((ag, till, forb, n))
        tt, tf = tt + till, tf + forb
    for ag, till, forb, n in parts:
        b5.append(R(ag, n_dec(till, 1), n_dec(forb, 1), n_pct(100 * forb / till), n_dec(till - forb, 1),
                    n_dec(forb / n * 1000, 2, False)))
    b5.append(R(Cell("Totalt", bold=True), n_dec(tt, 1), n_dec(tf, 1), n_pct(100 * tf / tt), n_dec(tt - tf, 1),
                n_dec(tf / sum(p[3] for p in parts) * 1000, 2, False), kind="total"))
    t5 = Table(
        "5", "Tabell 5 Anslag och förbrukning per myndighet 2023", "above", [1],
        header=[["Myndighet", "Tilldelat (mnkr)", "Förbrukat (mnkr)", "Förbrukat (%)", "Kvar (mnkr)",
                 "Kostnad per deltagare (tkr)"]], merges=[], body=b5,
        notes=["Anm.: Kvar är tilldelat minus förbrukat; ett negativt belopp är ett överskridande."],
        hazards=["wrapped-header", "several-tables-per-page", "running-head"], rules="none",
        style=dict(font=9, header_heights=[37]))
    sheet = CalcSheet(
        "Kostnader", {"A": 26, "B": 8.5, "C": 8.5, "D": 8.5, "E": 8.5, "F": 8.5, "G": 8.5, "H": 8.5, "I": 8.5},
        [Place("Kostnader för det förstärkta samarbetet", 1, 1, bold=True, size=12),
         Place(t4, 3, 1), Place(t5, 20, 1)],
        landscape=True, header={"left": HEAD_AF_FK, "center": "Det förstärkta samarbetet – kostnader"},
        footer={"right": "&P (&N)"})
    return Doc("lc_kostnader", "libreoffice-calc", 1, "Kostnader för det förstärkta samarbetet", [], sheet), ()



# ---------------------------------------------------------------- Chromium fixtures

SANS = '"Liberation Sans", Arial, sans-serif'
DEJAVU = '"DejaVu Sans", sans-serif'


def css(head_left=HEAD_AF_FK, head_right="Återrapportering 2023", font=SANS, size="10pt"):
    return {"head_left": head_left, "head_right": head_right, "font": font, "size": size}


def d_cr_rapport():
    rng = random.Random(8001)
    n = [Note("Med det förstärkta samarbetet avses de gemensamma uppdragen i myndigheternas regleringsbrev.", 1, 1),
         Note("Uppgifterna för 2022 har reviderats sedan föregående återrapportering.", 1, 1),
         Note("En gemensam kartläggning genomförs av en handläggare från varje myndighet tillsammans med "
              "individen.", 2, 2),
         Note("Personer som saknade sjukpenning och aktivitetsersättning vid start, till exempel med "
              "försörjningsstöd.", 2, 2),
         Note("Ett möte för omställning erbjuds när Försäkringskassan bedömer att rätten till sjukpenning "
              "upphör.", 3, 3),
         Note("Andelarna avser personer som följts upp 90 dagar efter mötet.", 3, 3)]
    body = []
    tot = [0, 0, 0, 0]
    groups = [("Sjukpenning", 2400, 1600), ("Aktivitetsersättning", 520, 610), ("Utan ersättning", 310, 240)]
    for g, bk, bm in groups:
        body.append(G(g, 7))
        k, m = jit(rng, bk), jit(rng, bm)
        wk, wm = int(k * rng.uniform(0.38, 0.55)), int(m * rng.uniform(0.35, 0.52))
        tot = [tot[0] + k, tot[1] + m, tot[2] + wk, tot[3] + wm]
        first = Cell(fi(k), note=n[3]) if g == "Utan ersättning" else Cell(fi(k))
        body.append(R(Cell("Avslutade", indent=1), first, "100,0", fi(m), "100,0", fi(k + m), "100,0"))
        body.append(R(Cell("varav med arbetsförmåga", indent=1), fi(wk), fd(100 * wk / k), fi(wm), fd(100 * wm / m),
                      fi(wk + wm), fd(100 * (wk + wm) / (k + m))))
    body.append(R("Samtliga avslutade", fi(tot[0]), fd(100 * tot[2] / tot[0]), fi(tot[1]), fd(100 * tot[3] / tot[1]),
                  fi(tot[0] + tot[1]), fd(100 * (tot[2] + tot[3]) / (tot[0] + tot[1])), kind="total"))
    t21 = Table(
        "2.1", "Tabell 2.1 Avslutade rehabiliteringssamverkan efter ersättning och kön 2023", "above", [2],
        header=[["Ersättning vid start", "Kvinnor", "", "Män", "", "Totalt", ""],
                ["", "Antal", "Andel (%)", "Antal", "Andel (%)", "Antal", "Andel (%)"]],
        merges=[(0, 0, 2, 1), (0, 1, 1, 2), (0, 3, 1, 2), (0, 5, 1, 2)], body=body,
        notes=["Källa: Arbetsförmedlingen och Försäkringskassan.",
               "Anm.: Andel (%) för ”varav med arbetsförmåga” avser andelen av de avslutade."],
        hazards=["zebra-rows", "running-head"], rules="header", css_class="zebra", group_colspan=True)
    b22 = []
    utfall = ["Inskriven på Arbetsförmedlingen", "I arbete utan stöd", "Sjukskriven på nytt",
              "Studier", "Övrigt", "Uppgift saknas"]
    for u in utfall:
        vals = [rng.randint(20, 520) / 10 for _ in range(3)]
        cells = [fd(v) for v in vals]
        if u == "Uppgift saknas":
            cells = ["..", fd(vals[1]), fd(vals[2])]
        if u == "Studier":
            cells[0] = "<5"
        b22.append(R(u, *cells))
    t22 = Table(
        "2.2", "Tabell 2.2 Situation 90 dagar efter mötet för omställning 2021–2023, andel (%)", "below", [3],
        header=[["Situation", "2021", "2022", "2023"]], merges=[], body=b22,
        notes=["Anm.: .. = uppgift saknas, <5 = färre än fem personer."],
        hazards=["years-in-columns", "running-head"], rules="grid")
    blocks = [
        P(["Diarienummer: Af-2024/0001 2345, FK 2023/004567. Datum: 2024-04-12."]),
        H(2, "Innehåll"),
        Toc([("Sammanfattning", 1), ("1 Rehabiliteringssamverkan", 2), ("1.1 Resultat av rehabiliteringssamverkan", 2),
             ("2 Möten för omställning", 3), ("2.1 Deltagande och utfall", 3)], page=1),
        H(2, "Sammanfattning"),
        P(["I denna rapport redovisar Arbetsförmedlingen och Försäkringskassan resultaten av det förstärkta "
           "samarbetet", n[0], " under 2023. Samarbetet omfattar två delar: rehabiliteringssamverkan för "
           "individer som behöver insatser för att utveckla eller återfå arbetsförmågan, och möten för "
           "omställning för individer som inte längre har rätt till ersättning från sjukförsäkringen."]),
        Bullets(["12 406 personer deltog i rehabiliteringssamverkan, 7 procent fler än 2022.",
                 "5 318 rehabiliteringssamverkan avslutades och 47,9 procent av deltagarna hade då arbetsförmåga.",
                 "3 102 möten för omställning genomfördes, varav 2 871 med deltagande av individen."], page=1),
        P(["Antalet gemensamma kartläggningar ökade med 6 procent jämfört med 2022", n[1],
           ". Myndigheterna bedömer att målsättningen för 2023 har uppnåtts."]),
        Notes(),
        H(2, "1 Rehabiliteringssamverkan", page_break=True),
        P(["Rehabiliteringssamverkan inleds med en gemensam kartläggning", n[2], " där individens behov av "
           "insatser bedöms. Därefter planeras arbetslivsinriktade insatser, som kan pågå i upp till ett år. "
           "Under 2023 påbörjades 6 104 nya rehabiliteringssamverkan."]),
        H(3, "1.1 Resultat av rehabiliteringssamverkan"),
        P(["Tabell 2.1 visar hur många som avslutade samverkan under året och hur stor andel som då hade "
           "arbetsförmåga, efter vilken ersättning de hade när samverkan startade."]),
        t21,
        P(["Andelen med arbetsförmåga är högre bland dem som hade sjukpenning vid start än bland dem som hade "
           "aktivitetsersättning. Skillnaden mellan kvinnor och män är liten."]),
        Notes(),
        H(2, "2 Möten för omställning", page_break=True),
        P(["Under 2023 kallades 3 340 personer till ett möte för omställning", n[4],
           ". Mötet ska ge individen information om vilket stöd som finns för att komma tillbaka i arbete."]),
        H(3, "2.1 Deltagande och utfall"),
        Dl([("Kallade till möte", "3 340"), ("Genomförda möten", "3 102"), ("Därav med individen närvarande", "2 871"),
            ("Andel som deltog (%)", "92,6"), ("Genomsnittlig väntetid (dagar)", "11,4")], page=3),
        P(["Situationen för deltagarna 90 dagar efter mötet", n[5], " framgår av tabell 2.2."]),
        t22,
        Notes(),
    ]
    doc = Doc("cr_rapport", "chromium", 3, "Det förstärkta samarbetet – återrapportering för 2023", blocks)
    return doc, (css(),)


def d_cr_tabeller():
    rng = random.Random(8002)
    omr = ["Gemensamma kartläggningar", "Rehabiliteringsinsatser", "Arbetslivsinriktade insatser",
           "Möten för omställning", "Kompetensutveckling", "Uppföljning och analys", "IT och systemstöd",
           "Administration"]
    body, sums = [], [0, 0, 0]
    for o in omr:
        v = [jit(rng, rng.randint(1500, 30000), 0.0)]
        v.append(jit(rng, v[0], 0.12))
        v.append(jit(rng, v[1], 0.15))
        sums = [a + b for a, b in zip(sums, v)]
        body.append(R(o, fi(v[0]), fi(v[1]), fi(v[2]), fi(v[2] - v[1], "\u2212")))
    body.append(R("Summa", *[fi(x) for x in sums], fi(sums[2] - sums[1], "\u2212"), kind="total"))
    t3 = Table(
        "3", "Tabell 3 Kostnader per verksamhetsområde 2021–2023, tkr", "above", [1],
        header=[["Verksamhetsområde", "2021", "2022", "2023", "Förändring 2022–2023"]], merges=[], body=body,
        notes=["Anm.: Belopp i tusental kronor (tkr), löpande priser.",
               "Källa: Arbetsförmedlingen och Försäkringskassan."],
        hazards=["years-in-columns", "zebra-rows", "running-head"], rules="header", css_class="zebra")
    b4 = []
    st = [0.0] * 6
    for y in range(2019, 2024):
        row = []
        for base in (98.0, 71.0):
            till = round(base * rng.uniform(0.95, 1.15), 1)
            forb = round(till * rng.uniform(0.9, 1.04), 1)
            row += [till, forb, round(till - forb, 1)]
        st = [a + b for a, b in zip(st, row)]
        b4.append(R(str(y), *[fd(v) for v in row]))
    b4.append(R("Summa", *[fd(round(v, 1)) for v in st], kind="total"))
    t4 = Table(
        "4", "Tabell 4 Tilldelade och förbrukade medel 2019–2023, mnkr", "below", [1],
        header=[["År", "Arbetsförmedlingen", "", "", "Försäkringskassan", "", ""],
                ["", "Tilldelat", "Förbrukat", "Kvar", "Tilldelat", "Förbrukat", "Kvar"]],
        merges=[(0, 0, 2, 1), (0, 1, 1, 3), (0, 4, 1, 3)], body=b4,
        notes=["Anm.: Kvar = tilldelat minus förbrukat. Negativa belopp är överskridanden.",
               "Källa: Myndigheternas årsredovisningar 2019–2023."],
        hazards=["years-in-rows", "running-head"], rules="grid")
    t_nyckel = Table(
        None, None, None, [2],
        header=[["Nyckeltal", "2022", "2023"]], merges=[],
        body=[R("Kostnad per deltagare (tkr)", "41,3", "39,8"),
              R("Kostnad per gemensam kartläggning (tkr)", "6,2", "6,9"),
              R("Andel av förvaltningsanslaget (%)", "0,62", "0,58"),
              R("Årsarbetskrafter", "118,5", "124,0"),
              R("Antal deltagare", "9 842", "10 311")],
        hazards=["years-in-columns", "running-head"], rules="hrules")
    funk = ["Handläggare", "Specialister", "Samordnare", "Chefer", "Administratörer"]
    b5, s5 = [], [0.0] * 8
    for f in funk:
        vals = []
        for ag in (1.0, 0.6):
            for yr in (1.0, 1.05):
                for kon in (0.7, 0.3):
                    vals.append(round(rng.uniform(2, 40) * ag * yr * kon + 0.4, 1))
        cells = [fd(v) for v in vals]
        if f == "Chefer":
            cells[5] = "–"
            vals[5] = 0
        s5 = [a + b for a, b in zip(s5, vals)]
        b5.append(R(f, *cells))
    b5.append(R("Summa", *[fd(round(v, 1)) for v in s5], kind="total"))
    t5 = Table(
        "5", "Tabell 5 Årsarbetskrafter i det förstärkta samarbetet efter funktion, myndighet, år och kön", "above",
        [2],
        header=[["Funktion", "Arbetsförmedlingen", "", "", "", "Försäkringskassan", "", "", ""],
                ["", "2022", "", "2023", "", "2022", "", "2023", ""],
                ["", "Kvinnor", "Män", "Kvinnor", "Män", "Kvinnor", "Män", "Kvinnor", "Män"]],
        merges=[(0, 0, 3, 1), (0, 1, 1, 4), (0, 5, 1, 4), (1, 1, 1, 2), (1, 3, 1, 2), (1, 5, 1, 2), (1, 7, 1, 2)],
        body=b5, notes=["Anm.: – = inga årsarbetskrafter."],
        hazards=["years-in-columns", "running-head"], rules="hrules")
    blocks = [
        P(["Myndigheterna redovisar här kostnaderna för det förstärkta samarbetet. Uppgifterna är hämtade från "
           "respektive myndighets ekonomisystem och avser faktiska kostnader."]),
        H(2, "Kostnader per verksamhetsområde"),
        t3,
        P(["Kostnaderna ökade mest för arbetslivsinriktade insatser, medan kostnaderna för administration minskade."]),
        H(2, "Tilldelade och förbrukade medel"),
        t4,
        H(2, "Nyckeltal", page_break=True),
        P(["Nyckeltalen för de två senaste åren framgår nedan."]),
        t_nyckel,
        H(2, "Personal"),
        P(["Antalet årsarbetskrafter som arbetade med samarbetet framgår av tabell 5."]),
        t5,
    ]
    doc = Doc("cr_tabeller", "chromium", 2, "Kostnader för det förstärkta samarbetet 2023", blocks)
    return doc, (css(head_right="Kostnadsredovisning", font=DEJAVU, size="9pt"),)


def d_cr_tvaspalt():
    rng = random.Random(8003)
    n = [Note("Marknadsområdena följer Arbetsförmedlingens indelning från 2022.", 2, 2),
         Note("Uppgiften om utbildningsnivå hämtas från SCB:s utbildningsregister.", 2, 2)]
    b6, tot, totd = [], 0, 0
    for o in OMRADEN:
        k = rng.randint(300, 900)
        d = int(k * rng.uniform(0.85, 0.96))
        tot, totd = tot + k, totd + d
        b6.append(R(o, fi(k), fd(100 * d / k)))
    b6.append(R("Riket", fi(tot), fd(100 * totd / tot), kind="total"))
    t6 = Table(
        "6", "Tabell 6 Möten för omställning per marknadsområde 2023", "above", [1],
        header=[["Marknadsområde", "Möten", "Deltog (%)"]], merges=[], body=b6,
        notes=["Källa: Arbetsförmedlingen."], hazards=["beside-text", "running-head"], rules="hrules")
    b42 = []
    for lvl in ["Förgymnasial", "Gymnasial", "Eftergymnasial, kortare än 3 år", "Eftergymnasial, 3 år eller längre"]:
        b42.append(R(lvl, *[fd(rng.randint(120, 420) / 10) for _ in range(3)]))
    b42.append(R("Uppgift saknas", "..", "0,6", "0,4"))
    t42 = Table(
        "4.2", "Tab 4.2 Deltagare i möten för omställning efter utbildningsnivå 2021–2023, andel (%)", "above", [2],
        header=[["Utbildningsnivå", "2021", "2022", "2023"]], merges=[], body=b42,
        notes=["Källa: SCB och Arbetsförmedlingen."], hazards=["years-in-columns", "running-head"], rules="grid")
    left = [P(["Möten för omställning genomförs i hela landet. Antalet möten varierar mellan "
               "marknadsområdena, vilket till stor del speglar skillnader i befolkningens storlek. I "
               "marknadsområde Stockholm-Gotland genomfördes flest möten och i Nord färst."]),
            P(["Andelen som deltog i mötet var hög i samtliga marknadsområden, mellan 85 och 96 procent. "
               "Skillnaderna mellan områdena har minskat jämfört med 2022, då spridningen var 12 procentenheter."]),
            P(["Myndigheterna följer upp deltagandet varje månad och återkopplar resultaten till de "
               "lokala samverkansgrupperna."])]
    cols = [P(["Av de 3 102 personer som deltog i ett möte var 1 604 inskrivna på Arbetsförmedlingen inom 90 "
               "dagar. Det motsvarar 51,7 procent, att jämföra med 49,2 procent 2022 och 46,8 procent 2021."]),
            P(["Bland kvinnorna var andelen 53,1 procent och bland männen 49,6 procent. I åldersgruppen 60–64 år "
               "var andelen lägre, 38,4 procent, medan den var 58,2 procent bland dem under 30 år."]),
            P(["Omkring 14 procent hade 90 dagar efter mötet återgått i arbete utan stöd. Ytterligare 9 procent "
               "var sjukskrivna på nytt, vilket är 2 procentenheter färre än året innan."]),
            P(["Uppgifterna bygger på registerdata från båda myndigheterna och avser samtliga som deltog i ett "
               "möte för omställning under perioden 1 januari till 31 december 2023."])]
    blocks = [
        H(2, "Regional uppföljning"),
        Grid2(left, [t6], page=1),
        H(2, "Deltagarnas situation efter mötet"),
        Columns(cols, page=1),
        H(2, "Nyckeltal 2023", page_break=True),
        Dl([("Genomförda möten", "3 102"), ("Inskrivna inom 90 dagar", "1 604"), ("Andel inskrivna (%)", "51,7"),
            ("Åter i arbete utan stöd (%)", "14,2"), ("Kostnad per möte (kr)", "4 850")], page=2),
        P(["Uppföljningen redovisas per marknadsområde", n[0], ". Tabell 4.2 visar deltagarna efter "
           "utbildningsnivå", n[1], ". Fördelningen efter utbildningsnivå har varit stabil över tid."]),
        t42,
        Notes(),
    ]
    doc = Doc("cr_tvaspalt", "chromium", 2, "Möten för omställning – regional uppföljning 2023", blocks)
    return doc, (css(head_left="Arbetsförmedlingen", head_right="Regional uppföljning"),)


def d_cr_lang():
    rng = random.Random(8004)
    years = list(range(2019, 2024))
    body = []
    tot = {k: [0] * len(years) for k in ("Kvinnor", "Män")}
    lanrows = []
    for lan, share in LAN:
        rows = []
        for kon, f in (("Kvinnor", 0.6), ("Män", 0.4)):
            vals = [jit(rng, 11000 * share * f * (1 + 0.04 * i), 0.1) for i in range(len(years))]
            tot[kon] = [a + b for a, b in zip(tot[kon], vals)]
            rows.append((kon, vals))
        lanrows.append((lan, rows))
    lanrows.append(("Riket", [(k, v) for k, v in tot.items()]))

    def ch(a, b):
        return fd(100 * (b - a) / a, 1, "\u2212")

    for lan, rows in lanrows:
        body.append(G(lan, len(years) + 2))
        sums = [a + b for a, b in zip(rows[0][1], rows[1][1])]
        for kon, vals in rows + [("Totalt", sums)]:
            if lan == "Gotlands län" and kon != "Totalt":
                cells = [fi(v) if v >= 5 else "<5" for v in vals]
                cells[0] = "x"
                body.append(R(Cell(kon, indent=1), *cells, ".."))
                continue
            kind = "total" if kon == "Totalt" and lan == "Riket" else "data"
            body.append(R(Cell(kon, indent=1), *[fi(v) for v in vals], ch(vals[-2], vals[-1]), kind=kind))
    tb = Table(
        "B1", "Tabell B1 Deltagare i rehabiliteringssamverkan per län och kön 2019–2023", "above", [1, 2],
        header=[["Län och kön"] + [str(y) for y in years] + ["Förändring 2022–2023 (%)"]], merges=[], body=body,
        notes=["Källa: Arbetsförmedlingen och Försäkringskassan.",
               "Anm.: x = sekretess, <5 = färre än fem deltagare, .. = uppgift saknas."],
        hazards=["single-spaced", "years-in-columns", "zebra-rows", "running-head"], rules="header",
        css_class="zebra single", group_colspan=True)
    blocks = [
        P(["Tabellbilagan redovisar antalet deltagare i rehabiliteringssamverkan per län. En person räknas i "
           "det län där den var folkbokförd när samverkan påbörjades."]),
        tb,
    ]
    doc = Doc("cr_lang", "chromium", 2, "Tabellbilaga B – deltagare per län", blocks)
    return doc, (css(head_right="Tabellbilaga B"),)


def d_cr_diagram():
    rng = random.Random(8005)
    years = [str(y) for y in range(2014, 2024)]
    kv = [round(rng.uniform(40, 55), 1) for _ in years]
    ma = [round(rng.uniform(36, 52), 1) for _ in years]
    n = [Note("Arbetsförmåga bedöms av Försäkringskassan när samverkan avslutas.", 2, 1),
         Note("Uppgifterna för 2014–2016 är preliminära.", 2, 2)]
    chart = LineChart("2", "Figur 2 Andel med arbetsförmåga när samverkan avslutades 2014–2023, procent", years,
                      [("Kvinnor", kv, "#1b5fa8"), ("Män", ma, "#d0661c")], 70, 10, page=1,
                      source="Källa: Arbetsförmedlingen och Försäkringskassan.")
    body = []
    for i, y in enumerate(years):
        a, b = rng.randint(2400, 3600), rng.randint(1700, 2800)
        s = round((a * kv[i] + b * ma[i]) / (a + b), 1)
        body.append(R(y, fd(kv[i]), fd(ma[i]), fd(s), fi(a + b)))
    t_none = Table(
        None, None, None, [2],
        header=[["År", "Kvinnor (%)", "Män (%)", "Samtliga (%)", "Antal avslutade"]], merges=[], body=body,
        hazards=["years-in-rows", "running-head"], rules="hrules")
    orsak = ["Arbetsförmåga", "Fortsatt sjukskrivning", "Sjukersättning", "Studier", "Avliden", "Annan orsak"]
    b9 = []
    for o in orsak:
        if o == "Avliden":
            b9.append(R(o, "x", "<5", "0,2"))
            continue
        b9.append(R(o, *[fd(rng.randint(5, 480) / 10) for _ in range(3)]))
    t9 = Table(
        "9", "Tabell 9 Orsak till att samverkan avslutades 2023, andel (%)", "below", [2],
        header=[["Avslutsorsak", "Kvinnor", "Män", "Samtliga"]], merges=[], body=b9,
        notes=["Anm.: x = sekretess, <5 = färre än fem."], hazards=["running-head"], rules="grid",
        css_class="zebra")
    blocks = [
        H(2, "Andel med arbetsförmåga"),
        P(["Figur 2 visar andelen som hade arbetsförmåga när samverkan avslutades", n[0],
           ". Andelen har varierat mellan 36 och 55 procent under perioden, och kvinnor har oftast haft en "
           "högre andel än män."]),
        chart,
        Bullets(["Högst andel hade kvinnor 2019, 54,6 procent.",
                 "Skillnaden mellan kvinnor och män var som störst 11,3 procentenheter.",
                 "Antalet avslutade samverkan var i genomsnitt 5 380 per år."], page=1),
        H(2, "Underlag till figuren", page_break=True),
        P(["Underlaget till figur 2 redovisas i tabellen nedan tillsammans med antalet avslutade", n[1], "."]),
        t_none,
        H(2, "Avslutsorsaker"),
        t9,
        Notes(),
    ]
    doc = Doc("cr_diagram", "chromium", 2, "Resultat av rehabiliteringssamverkan 2014–2023", blocks)
    return doc, (css(head_right="Diagram och underlag"),)


DESIGNS = {
    "lc_statistikblad": d_lc_statistikblad,
    "lc_bred_skalad": d_lc_bred_skalad,
    "lc_bred_delad": d_lc_bred_delad,
    "lc_lang_tabell": d_lc_lang_tabell,
    "lc_kostnader": d_lc_kostnader,
    "cr_rapport": d_cr_rapport,
    "cr_tabeller": d_cr_tabeller,
    "cr_tvaspalt": d_cr_tvaspalt,
    "cr_lang": d_cr_lang,
    "cr_diagram": d_cr_diagram,
}

if __name__ == "__main__":
    main()
