"""Build the PDF table-reader fixtures in this directory from Python data.

Every fixture is written twice over from the same data: once as a PDF through a real producer
and once as the truth (NAME.truth.json) and a Markdown text version (NAME.md). The truth is the
data that was rendered, so scoring against it is exact. Page numbers in the truth are declared
in the data and checked against the rendered PDF (pdfplumber) when the script runs; a mismatch
stops the script, so a regenerated fixture never carries stale pages.

Two producers, neither of them the project's own renderer:

* ``lo_*``: python-docx writes NAME.docx (tables with OXML borders, real Word footnotes in a
  footnotes part, DrawingML shapes for the chart, column sections), LibreOffice converts it:
  ``soffice --headless --convert-to pdf``.
* ``wp_*``: HTML + CSS (NAME.html, inline SVG chart, CSS ``float: footnote``) rendered by
  WeasyPrint.

Run it from the repository root (needs LibreOffice's ``soffice`` on PATH, and python-docx and
weasyprint in the environment; neither is a project dependency, CI only reads the output)::

    apt-get install -y libreoffice-writer-nogui
    .venv/bin/pip install python-docx weasyprint
    .venv/bin/python tests/data/pdf_producers/make_fixtures.py            # all fixtures
    .venv/bin/python tests/data/pdf_producers/make_fixtures.py lo_kapitel  # some of them

Output is deterministic for a given LibreOffice/WeasyPrint version: the .docx zip entries carry a
fixed date, the document metadata is fixed, and LibreOffice's /CreationDate and /ID are patched
to fixed values of the same length after export.
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
FIXED_DATE = "2024-01-01T00:00:00Z"

# --------------------------------------------------------------------------------------------
# Data model
# --------------------------------------------------------------------------------------------


@dataclass
class N:
    """A footnote. ``page`` is where its text is printed, ``cited_page`` where its marker is."""

    text: str
    page: int
    cited_page: int
    placement: str = "page-foot"  # or "after-paragraph"
    marker: str = ""  # assigned in document order
    cited_in: str = ""
    context: str = ""


@dataclass
class C:
    """A table cell with options; a plain str is a plain cell."""

    text: str
    span: int = 1
    note: N | None = None
    indent: int = 0
    bold: bool = False
    align: str | None = None  # "l", "r", "c"; default: stub left, numbers right


@dataclass
class Row:
    cells: list
    kind: str = "data"  # "group" (label row, no numbers), "total", "data"


def G(label: str) -> Row:
    return Row([C(label, bold=True)], kind="group")


@dataclass
class Table:
    label: str | None
    caption: str | None
    caption_pos: str | None
    header: list  # rows of cells (str | C)
    body: list  # Row | list
    widths: list  # mm per column
    pages: list
    rules: str = "header"  # header | horizontal | grid | none
    notes: list = field(default_factory=list)
    font_pt: float = 9
    line: float = 1.0
    pad_mm: float = 1.2
    vpad_pt: float = 0.0
    repeat_header: bool = True
    hazards: list = field(default_factory=list)  # declared (the rest is derived)
    header_align: list | None = None
    id: str = ""


@dataclass
class Heading:
    level: int
    text: str


@dataclass
class Para:
    parts: list  # str | N
    size: float | None = None
    bold: bool = False


@dataclass
class Bullets:
    items: list
    page: int


@dataclass
class Toc:
    entries: list  # (title, page)
    page: int


@dataclass
class Chart:
    label: str
    caption: str
    source: str
    cats: list
    series: list  # (name, color, values)
    ymax: int
    ystep: int
    page: int
    ytitle: str = "Antal"


@dataclass
class Side:
    left: list
    right: list
    kind: str  # "side-by-side" | "beside-text"
    page: int


@dataclass
class TwoCol:
    paras: list
    page: int


@dataclass
class PageBreak:
    pass


@dataclass
class Doc:
    name: str
    producer: str  # libreoffice | weasyprint
    title: str
    running_head: str
    pages: int
    blocks: list
    body_font: str = "Liberation Serif"
    body_pt: float = 11
    table_font: str = "Liberation Sans"


# --------------------------------------------------------------------------------------------
# Helpers for figures
# --------------------------------------------------------------------------------------------


def fi(n: int) -> str:
    s = f"{abs(n):,}".replace(",", " ")
    return ("-" if n < 0 else "") + s


def fd(x: float, k: int = 1) -> str:
    return f"{x:.{k}f}".replace(".", ",")


def pct(a: int, b: int, k: int = 0) -> str:
    return fd(100.0 * a / b, k) if k else str(round(100.0 * a / b))


def cell_text(c) -> str:
    return c.text if isinstance(c, C) else str(c)


def logical(s: str) -> str:
    """Text as the truth has it: soft hyphens and no-break spaces normalised."""
    return s.replace("\u00ad", "").replace("\u00a0", " ")


def grid_row(cells: list) -> list:
    out = []
    for c in cells:
        out.append(logical(cell_text(c)))
        span = c.span if isinstance(c, C) else 1
        out.extend([""] * (span - 1))
    return out


def row_cells(r) -> list:
    return r.cells if isinstance(r, Row) else r


def full_row(r, ncols: int) -> list:
    cells = list(row_cells(r))
    n = sum(c.span if isinstance(c, C) else 1 for c in cells)
    return cells + [""] * (ncols - n)


NUMERIC = re.compile(r"^[-−–]?[\d\s\u00a0]+(,\d+)?$")
MISSING = {"..", "–", "x", "<5", "-", "…"}


def is_num(s: str) -> bool:
    return bool(NUMERIC.match(logical(s).strip()))


# --------------------------------------------------------------------------------------------
# Walking a document: ids, footnote markers, truth, markdown
# --------------------------------------------------------------------------------------------


def walk(blocks):
    for b in blocks:
        if isinstance(b, Side):
            yield b
            yield from walk(b.left)
            yield from walk(b.right)
        else:
            yield b


def prepare(doc: Doc) -> None:
    """Assign table ids and footnote markers (document order)."""
    n_table = 0
    n_note = 0

    def take(note: N, cited_in: str, context: str):
        nonlocal n_note
        n_note += 1
        note.marker = str(n_note)
        note.cited_in = cited_in
        note.context = context

    for b in walk(doc.blocks):
        if isinstance(b, Para):
            before = ""
            for p in b.parts:
                if isinstance(p, N):
                    take(p, "text", " ".join(before.split()[-4:]))
                else:
                    before += p
        elif isinstance(b, TwoCol):
            for para in b.paras:
                assert not any(isinstance(p, N) for p in para.parts)
        elif isinstance(b, Table):
            n_table += 1
            b.id = f"t{n_table}"
            for r in list(b.header) + list(b.body):
                for c in row_cells(r):
                    if isinstance(c, C) and c.note:
                        take(c.note, "cell", logical(c.text))
    kinds = {n.placement for n in notes_of(doc)}
    assert len(kinds) <= 1, f"{doc.name}: mixes footnote placements (markers would not match)"


def notes_of(doc: Doc) -> list:
    out = []
    for b in walk(doc.blocks):
        if isinstance(b, Para):
            out += [p for p in b.parts if isinstance(p, N)]
        elif isinstance(b, Table):
            for r in list(b.header) + list(b.body):
                out += [c.note for c in row_cells(r) if isinstance(c, C) and c.note]
    return out


def table_hazards(t: Table, side_kind: str | None) -> list:
    hz = list(t.hazards)
    hz.append({"header": "header-rule-only", "horizontal": "horizontal-rules",
               "grid": "full-grid", "none": "no-rules"}[t.rules])
    if t.font_pt <= 9 and t.line <= 1.0 and t.vpad_pt <= 0.5 and len(t.body) >= 20:
        hz.append("single-spaced")
    if any(isinstance(c, C) and c.span > 1 for r in t.header for c in r):
        hz.append("spanning-header")
    if any(isinstance(r, Row) and r.kind == "group" for r in t.body):
        hz.append("group-rows")
    if any(isinstance(c, C) and c.indent for r in t.body for c in row_cells(r)):
        hz.append("nested-stub")
    if t.caption_pos:
        hz.append("caption-" + t.caption_pos)
    if t.notes:
        hz.append("notes-below")
    if len(t.pages) > 1:
        hz.append("continued-repeated-header" if t.repeat_header else "continued-no-header")
    if any(logical(cell_text(c)).strip() in MISSING for r in t.body for c in row_cells(r)):
        hz.append("missing-symbols")
    if any(isinstance(c, C) and c.note for r in list(t.header) + list(t.body) for c in row_cells(r)):
        hz.append("footnote-in-cell")
    if side_kind:
        hz.append(side_kind)
    order = HAZARDS
    return sorted(set(hz), key=order.index)


HAZARDS = [
    "single-spaced", "header-rule-only", "horizontal-rules", "full-grid", "no-rules",
    "spanning-header", "wrapped-header", "group-rows", "nested-stub", "caption-above",
    "caption-below", "notes-below", "english", "side-by-side", "beside-text", "two-column-text",
    "chart", "bullets", "toc", "footnote-page-foot", "footnote-after-paragraph",
    "footnote-in-cell", "continued-repeated-header", "continued-no-header", "wrapped-cell",
    "wrapped-number", "narrow-gap", "years-in-rows", "years-in-columns", "missing-symbols",
]


def first_words(parts_or_text, n=8) -> str:
    if isinstance(parts_or_text, str):
        text = parts_or_text
    else:
        text = "".join(p for p in parts_or_text if isinstance(p, str))
    return " ".join(logical(text).split()[:n])


def truth(doc: Doc) -> dict:
    tables, not_tables, toc = [], [], None
    hazards = set()

    def visit(blocks, side_kind=None):
        nonlocal toc
        for b in blocks:
            if isinstance(b, Table):
                ncols = len(b.widths)
                rows = [grid_row(full_row(r, ncols)) for r in b.header]
                rows += [grid_row(full_row(r, ncols)) for r in b.body]
                assert all(len(r) == ncols for r in rows), (doc.name, b.caption)
                hz = table_hazards(b, side_kind)
                hazards.update(hz)
                tables.append({
                    "id": b.id, "label": b.label, "caption": b.caption,
                    "caption_position": b.caption_pos, "pages": b.pages, "hazards": hz,
                    "header_rows": len(b.header), "rows": rows, "notes": b.notes,
                })
            elif isinstance(b, Side):
                if b.kind == "beside-text":
                    paras = [x for x in b.right if isinstance(x, Para)]
                    not_tables.append({"page": b.page, "kind": "text-beside-table",
                                       "sample": first_words(paras[0].parts, 4)})
                visit(b.left, b.kind)
                visit(b.right, b.kind)
            elif isinstance(b, TwoCol):
                hazards.add("two-column-text")
                not_tables.append({"page": b.page, "kind": "two-column-text",
                                   "sample": first_words(b.paras[0].parts, 4)})
            elif isinstance(b, Chart):
                hazards.add("chart")
                sample = " ".join(b.cats)
                not_tables.append({"page": b.page, "kind": "chart", "sample": sample})
            elif isinstance(b, Bullets):
                hazards.add("bullets")
                not_tables.append({"page": b.page, "kind": "bullets",
                                   "sample": first_words(b.items[0])})
            elif isinstance(b, Toc):
                hazards.add("toc")
                toc = {"page": b.page, "entries": [[t, str(p)] for t, p in b.entries]}
                not_tables.append({"page": b.page, "kind": "toc", "sample": b.entries[0][0]})

    visit(doc.blocks)
    notes = []
    for n in notes_of(doc):
        hazards.add("footnote-" + n.placement)
        if n.cited_in == "cell":
            hazards.add("footnote-in-cell")
        notes.append({"marker": n.marker, "text": n.text, "page": n.page,
                      "placement": n.placement, "cited_in": n.cited_in,
                      "cited_page": n.cited_page, "context": n.context})
    return {
        "file": doc.name + ".pdf", "producer": doc.producer, "pages": doc.pages,
        "hazards": sorted(hazards, key=HAZARDS.index), "tables": tables, "footnotes": notes,
        "toc": toc, "not_tables": not_tables,
    }


def md_inline(parts) -> str:
    out = ""
    for p in parts:
        out += f"[^{p.marker}]" if isinstance(p, N) else logical(p)
    return out


def md_cell(c) -> str:
    s = logical(cell_text(c))
    if isinstance(c, C) and c.note:
        s += f"[^{c.note.marker}]"
    return s


def markdown(doc: Doc) -> str:
    out: list[str] = []
    foot: list[N] = []

    def para(s):
        out.append(s)
        out.append("")

    def notes_after(ns):
        for n in ns:
            if n.placement == "after-paragraph":
                para(f"[^{n.marker}]: {n.text}")
            else:
                foot.append(n)

    def table(t: Table):
        ncols = len(t.widths)
        if t.caption and t.caption_pos == "above":
            para(t.caption)
        lines = []
        for i, r in enumerate(list(t.header) + list(t.body)):
            cells = []
            for c in full_row(r, ncols):
                cells.append(md_cell(c))
                cells += [""] * ((c.span if isinstance(c, C) else 1) - 1)
            lines.append("| " + " | ".join(cells) + " |")
            if i == len(t.header) - 1:
                lines.append("|" + "---|" * ncols)
        out.extend(lines)
        out.append("")
        if t.caption and t.caption_pos == "below":
            para(t.caption)
        for n in t.notes:
            para(n)
        notes_after([c.note for r in list(t.header) + list(t.body) for c in row_cells(r)
                     if isinstance(c, C) and c.note])

    def visit(blocks):
        for b in blocks:
            if isinstance(b, Heading):
                para("#" * (b.level + 1) + " " + b.text)
            elif isinstance(b, Para):
                para(md_inline(b.parts))
                notes_after([p for p in b.parts if isinstance(p, N)])
            elif isinstance(b, Bullets):
                out.extend("- " + logical(i) for i in b.items)
                out.append("")
            elif isinstance(b, Toc):
                for t, p in b.entries:
                    para(f"{t} .......... {p}")
            elif isinstance(b, Table):
                table(b)
            elif isinstance(b, Chart):
                para(f"{b.label} {b.caption}")
                para(b.source)
            elif isinstance(b, Side):
                visit(b.left)
                visit(b.right)
            elif isinstance(b, TwoCol):
                for p in b.paras:
                    para(md_inline(p.parts))

    para("# " + doc.title)
    visit(doc.blocks)
    for n in foot:
        para(f"[^{n.marker}]: {n.text}")
    return "\n".join(out).rstrip() + "\n"


# --------------------------------------------------------------------------------------------
# WeasyPrint producer (HTML + CSS)
# --------------------------------------------------------------------------------------------


def esc(s: str) -> str:
    return html.escape(s, quote=True).replace("\u00ad", "&shy;")


def slug(s: str) -> str:
    return "h-" + re.sub(r"[^a-z0-9]+", "-", s.lower()).strip("-")


def html_inline(parts) -> str:
    out = ""
    for p in parts:
        if isinstance(p, N):
            if p.placement == "page-foot":
                out += f'<span class="fn">{esc(p.text)}</span>'
            else:
                out += f"<sup>{p.marker}</sup>"
        else:
            out += esc(p)
    return out


def html_after_notes(ns) -> str:
    return "".join(f'<p class="afn"><sup>{n.marker}</sup> {esc(n.text)}</p>'
                   for n in ns if n.placement == "after-paragraph")


def html_table(t: Table) -> str:
    ncols = len(t.widths)
    css = (f"width:{sum(t.widths):.1f}mm;font-size:{t.font_pt}pt;line-height:{t.line};")
    cls = f"t r-{t.rules}"
    pad = f"padding:{t.vpad_pt}pt {t.pad_mm}mm;"
    o = []
    if t.caption and t.caption_pos == "above":
        o.append(f'<p class="cap above">{caption_html(t)}</p>')
    o.append(f'<table class="{cls}" style="{css}">')
    o.append("<colgroup>" + "".join(f'<col style="width:{w}mm">' for w in t.widths) + "</colgroup>")

    def cell(c, tag, col, row_kind, is_header, last_header):
        text = cell_text(c)
        span = c.span if isinstance(c, C) else 1
        align = c.align if isinstance(c, C) and c.align else None
        if align is None:
            if is_header:
                align = (t.header_align[col] if t.header_align else ("l" if col == 0 else "r"))
                if span > 1:
                    align = "c"
            else:
                align = "l" if col == 0 else "r"
        st = pad + {"l": "text-align:left;", "r": "text-align:right;", "c": "text-align:center;"}[align]
        if isinstance(c, C) and c.indent:
            st += f"padding-left:{t.pad_mm + 3 * c.indent}mm;"
        if (isinstance(c, C) and c.bold) or is_header or row_kind in ("group", "total"):
            st += "font-weight:bold;"
        if is_header and t.rules == "header" and last_header:
            st += "border-bottom:0.75pt solid #000;"
        if is_header and t.rules == "header" and not last_header and span > 1:
            st += "border-bottom:0.4pt solid #000;"
        inner = esc(text)
        if isinstance(c, C) and c.note:
            n = c.note
            inner += (f'<span class="fn">{esc(n.text)}</span>' if n.placement == "page-foot"
                      else f"<sup>{n.marker}</sup>")
        sp = f' colspan="{span}"' if span > 1 else ""
        return f'<{tag}{sp} style="{st}">{inner}</{tag}>'

    def row_html(r, is_header, last_header=False):
        cells = full_row(r, ncols)
        kind = r.kind if isinstance(r, Row) else "data"
        col = 0
        h = "<tr>"
        for c in cells:
            h += cell("" if c is None else c, "th" if is_header else "td", col, kind, is_header,
                      last_header)
            col += c.span if isinstance(c, C) else 1
        return h + "</tr>"

    head = [row_html(r, True, i == len(t.header) - 1) for i, r in enumerate(t.header)]
    body = [row_html(r, False) for r in t.body]
    if t.repeat_header:
        o.append("<thead>" + "".join(head) + "</thead><tbody>" + "".join(body) + "</tbody>")
    else:
        o.append("<tbody>" + "".join(head) + "".join(body) + "</tbody>")
    o.append("</table>")
    if t.caption and t.caption_pos == "below":
        o.append(f'<p class="cap below">{caption_html(t)}</p>')
    for n in t.notes:
        o.append(f'<p class="tnote">{esc(n)}</p>')
    o.append(html_after_notes([c.note for r in list(t.header) + list(t.body) for c in row_cells(r)
                               if isinstance(c, C) and c.note]))
    return '<div class="tblock">' + "".join(o) + "</div>"


def caption_html(t: Table) -> str:
    cap = t.caption
    m = re.match(r"^((?:Tabell|Tab\.|Table)\s+\S+?)(\.?\s)(.*)$", cap)
    if m:
        return f"<b>{esc(m.group(1) + m.group(2).rstrip())}</b> {esc(m.group(3))}"
    return esc(cap)


def svg_chart(ch: Chart) -> str:
    W, H = 150.0, 72.0
    x0, x1, ytop, ybot = 20.0, 146.0, 8.0, 54.0
    s = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{W}mm" height="{H}mm" '
         f'viewBox="0 0 {W} {H}" font-family="Liberation Sans">']
    s.append(f'<text x="{x0 - 2}" y="{ytop - 3.5}" font-size="2.8" text-anchor="end">{esc(ch.ytitle)}</text>')
    for v in range(0, ch.ymax + 1, ch.ystep):
        y = ybot - (ybot - ytop) * v / ch.ymax
        s.append(f'<line x1="{x0}" y1="{y:.2f}" x2="{x1}" y2="{y:.2f}" stroke="#bbbbbb" stroke-width="0.15"/>')
        s.append(f'<text x="{x0 - 2}" y="{y + 1:.2f}" font-size="2.8" text-anchor="end">{esc(fi(v))}</text>')
    s.append(f'<line x1="{x0}" y1="{ybot}" x2="{x1}" y2="{ybot}" stroke="#000" stroke-width="0.3"/>')
    gw = (x1 - x0) / len(ch.cats)
    bw = 10.0
    for i, cat in enumerate(ch.cats):
        cx = x0 + gw * (i + 0.5)
        for j, (name, color, vals) in enumerate(ch.series):
            bx = cx - bw * len(ch.series) / 2 + j * bw
            h = (ybot - ytop) * vals[i] / ch.ymax
            s.append(f'<rect x="{bx + 0.4:.2f}" y="{ybot - h:.2f}" width="{bw - 0.8:.2f}" height="{h:.2f}" fill="{color}"/>')
            s.append(f'<text x="{bx + bw / 2:.2f}" y="{ybot - h - 1:.2f}" font-size="2.2" text-anchor="middle">{esc(fi(vals[i]))}</text>')
        s.append(f'<text x="{cx:.2f}" y="{ybot + 4.5}" font-size="2.8" text-anchor="middle">{esc(cat)}</text>')
    lx = 55.0
    for name, color, vals in ch.series:
        s.append(f'<rect x="{lx}" y="{H - 7}" width="3" height="3" fill="{color}"/>')
        s.append(f'<text x="{lx + 4.5}" y="{H - 4.4}" font-size="2.8">{esc(name)}</text>')
        lx += 25
    s.append("</svg>")
    return "".join(s)


WP_CSS = """
@page { size: A4; margin: 24mm 22mm 26mm 22mm;
  @top-right { content: "%(head)s"; font: 8pt "Liberation Sans"; color: #333; }
  @bottom-center { content: counter(page) " (" counter(pages) ")"; font: 8.5pt "Liberation Sans"; }
  @footnote { border-top: 0.5pt solid #000; } }
body { font-family: "%(font)s"; font-size: %(pt)spt; line-height: 1.3; margin: 0; }
h1, h2, h3 { font-family: "Liberation Sans"; break-after: avoid; margin: 12pt 0 5pt 0; }
h1 { font-size: 15pt; } h2 { font-size: 12pt; } h3 { font-size: 10.5pt; }
h1.title { font-size: 19pt; margin-top: 0; }
p { margin: 0 0 6pt 0; orphans: 2; widows: 2; }
.fn { float: footnote; font-size: 8pt; line-height: 1.2; font-family: "%(font)s"; text-align: left;
  font-weight: normal; }
::footnote-call { content: counter(footnote); vertical-align: super; font-size: 65%%; line-height: 0; }
::footnote-marker { content: counter(footnote) " "; }
sup { font-size: 65%%; line-height: 0; }
p.afn { font-size: 8.5pt; line-height: 1.2; margin: -3pt 0 7pt 0; }
table.t { border-collapse: collapse; table-layout: fixed; font-family: "%(tfont)s"; margin: 2pt 0 3pt 0; }
table.t th, table.t td { vertical-align: top; overflow-wrap: anywhere; hyphens: manual; }
table.r-horizontal th, table.r-horizontal td { border-bottom: 0.4pt solid #000; }
table.r-horizontal tr:first-child th { border-top: 0.75pt solid #000; }
table.r-grid th, table.r-grid td { border: 0.5pt solid #000; }
p.cap { font-family: "Liberation Sans"; font-size: 9.5pt; margin: 8pt 0 2pt 0; break-after: avoid; }
p.cap.below { margin: 3pt 0 2pt 0; break-after: auto; }
p.tnote { margin: 0 0 2pt 0; }
div.tblock { margin-bottom: 8pt; }
ul.bul { margin: 0 0 6pt 0; padding-left: 6mm; }
ul.bul li { margin-bottom: 2pt; }
div.toc p { margin: 0 0 3pt 0; }
div.toc p.l2 { padding-left: 6mm; }
div.toc a { color: #000; text-decoration: none; }
div.toc a::after { content: leader('.') target-counter(attr(href), page); }
div.side { display: flex; flex-direction: row; justify-content: space-between; margin-bottom: 6pt; }
div.side > div.l { width: 48%%; }
div.side > div.r { width: 48%%; }
div.twocol { columns: 2; column-gap: 7mm; text-align: justify; }
div.fig p.cap { margin-top: 6pt; }
div.pb { break-before: page; height: 0; }
"""


def render_weasyprint(doc: Doc, out_pdf: Path, out_html: Path) -> None:
    from weasyprint import HTML

    b = []

    def visit(blocks):
        for x in blocks:
            if isinstance(x, Heading):
                b.append(f'<h{x.level} id="{slug(x.text)}">{esc(x.text)}</h{x.level}>')
            elif isinstance(x, Para):
                st = f' style="font-size:{x.size}pt"' if x.size else ""
                inner = html_inline(x.parts)
                if x.bold:
                    inner = f"<b>{inner}</b>"
                b.append(f"<p{st}>{inner}</p>" + html_after_notes([p for p in x.parts if isinstance(p, N)]))
            elif isinstance(x, Bullets):
                b.append('<ul class="bul">' + "".join(f"<li>{esc(i)}</li>" for i in x.items) + "</ul>")
            elif isinstance(x, Toc):
                rows = []
                for t, _p in x.entries:
                    lvl = "l2" if re.match(r"^\d+\.\d+ ", t) else "l1"
                    rows.append(f'<p class="{lvl}"><a href="#{slug(t)}">{esc(t)}</a></p>')
                b.append('<div class="toc">' + "".join(rows) + "</div>")
            elif isinstance(x, Table):
                b.append(html_table(x))
            elif isinstance(x, Chart):
                b.append(f'<div class="fig"><p class="cap"><b>{esc(x.label)}</b> {esc(x.caption)}</p>'
                         f"{svg_chart(x)}<p>{esc(x.source)}</p></div>")
            elif isinstance(x, Side):
                b.append('<div class="side"><div class="l">')
                visit(x.left)
                b.append('</div><div class="r">')
                visit(x.right)
                b.append("</div></div>")
            elif isinstance(x, TwoCol):
                b.append('<div class="twocol">' + "".join(f"<p>{html_inline(p.parts)}</p>" for p in x.paras) + "</div>")
            elif isinstance(x, PageBreak):
                b.append('<div class="pb"></div>')

    visit(doc.blocks)
    css = WP_CSS % {"head": doc.running_head, "font": doc.body_font, "pt": doc.body_pt,
                    "tfont": doc.table_font}
    page = (
        '<!DOCTYPE html>\n<html lang="sv"><head><meta charset="utf-8">'
        f"<title>{esc(doc.title)}</title>"
        '<meta name="author" content="rapportkoll test fixtures">'
        f'<meta name="dcterms.created" content="{FIXED_DATE}">'
        f'<meta name="dcterms.modified" content="{FIXED_DATE}">'
        f"<style>{css}</style></head><body>\n"
        f'<h1 class="title">{esc(doc.title)}</h1>\n' + "\n".join(b) + "\n</body></html>\n"
    )
    out_html.write_text(page, encoding="utf-8")
    HTML(string=page, base_url=str(HERE)).write_pdf(str(out_pdf))


# --------------------------------------------------------------------------------------------
# LibreOffice producer (python-docx -> soffice)
# --------------------------------------------------------------------------------------------

W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
DML = ('xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
       'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
       'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"')
EMU_MM = 36000


class DocxWriter:
    def __init__(self, doc: Doc):
        import docx
        from docx.shared import Mm

        self.doc = doc
        self.d = docx.Document()
        self.shape_id = 100
        self.page_foot: list[N] = []
        self.pending_break = False
        self.pending_colbreak = False
        sec = self.d.sections[0]
        sec.page_width, sec.page_height = Mm(210), Mm(297)
        sec.left_margin = sec.right_margin = Mm(25)
        sec.top_margin, sec.bottom_margin = Mm(25), Mm(25)
        sec.header_distance = sec.footer_distance = Mm(12)
        self.text_width_mm = 160
        # Normal style: the body font, without the template's theme fonts
        from docx.oxml.ns import qn
        from docx.shared import Pt

        normal = self.d.styles["Normal"]
        normal.font.name = doc.body_font
        normal.font.size = Pt(doc.body_pt)
        rf = normal.element.get_or_add_rPr().find(qn("w:rFonts"))
        for a in ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme"):
            rf.attrib.pop(qn(a), None)
        rf.set(qn("w:cs"), doc.body_font)
        rf.set(qn("w:eastAsia"), doc.body_font)
        cp = self.d.core_properties
        import datetime as dt

        when = dt.datetime(2024, 1, 1, 0, 0, 0)
        cp.author = "rapportkoll test fixtures"
        cp.last_modified_by = "rapportkoll test fixtures"
        cp.title = doc.title
        cp.created = cp.modified = when
        cp.revision = 1
        # Running head and page number
        hp = sec.header.paragraphs[0]
        hp.alignment = 2  # right
        self.run(hp, doc.running_head, size=8, font="Liberation Sans")
        fp = sec.footer.paragraphs[0]
        fp.alignment = 1
        from docx.oxml import parse_xml

        for instr in ("PAGE", None, "NUMPAGES", ")"):
            if instr == "PAGE" or instr == "NUMPAGES":
                fp._p.append(parse_xml(
                    f'<w:fldSimple {W_NS} w:instr="{instr}"><w:r><w:rPr><w:rFonts w:ascii="Liberation Sans" '
                    f'w:hAnsi="Liberation Sans"/><w:sz w:val="17"/></w:rPr><w:t>1</w:t></w:r></w:fldSimple>'))
            else:
                self.run(fp, " (" if instr is None else ")", size=8.5, font="Liberation Sans")

    # -- low level -------------------------------------------------------------------------
    def run(self, p, text, size=None, bold=False, font=None, sup=False, italic=False):
        from docx.oxml.ns import qn
        from docx.shared import Pt

        r = p.add_run(text)
        f = r.font
        font = font or self.doc.body_font
        f.name = font
        rpr = r._r.get_or_add_rPr()
        rf = rpr.find(qn("w:rFonts"))
        rf.set(qn("w:cs"), font)
        rf.set(qn("w:eastAsia"), font)
        f.size = Pt(size or self.doc.body_pt)
        f.bold = bold
        f.italic = italic
        if sup:
            f.superscript = True
        return r

    def para(self, space_after=6, space_before=0, keep_next=False, line=1.15, align=None,
             indent_mm=0):
        from docx.shared import Mm, Pt

        p = self.d.add_paragraph()
        pf = p.paragraph_format
        pf.space_after = Pt(space_after)
        pf.space_before = Pt(space_before)
        pf.line_spacing = line
        pf.keep_with_next = keep_next
        pf.widow_control = True
        if indent_mm:
            pf.left_indent = Mm(indent_mm)
        if align is not None:
            p.alignment = align
        if self.pending_break:
            pf.page_break_before = True
            self.pending_break = False
        if self.pending_colbreak:
            from docx.enum.text import WD_BREAK

            p.add_run().add_break(WD_BREAK.COLUMN)
            self.pending_colbreak = False
        return p

    def inline(self, p, parts, size=None, bold=False):
        from docx.oxml import parse_xml

        for x in parts:
            if isinstance(x, N):
                if x.placement == "page-foot":
                    self.page_foot.append(x)
                    r = self.run(p, "", size=size, sup=True)
                    r._r.append(parse_xml(f'<w:footnoteReference {W_NS} w:id="{x.marker}"/>'))
                else:
                    self.run(p, x.marker, size=size, sup=True)
            else:
                self.run(p, x, size=size, bold=bold)

    def after_notes(self, ns):
        for n in ns:
            if n.placement != "after-paragraph":
                continue
            p = self.para(space_after=7, line=1.0)
            p.paragraph_format.space_before = 0
            self.run(p, n.marker, size=8, sup=True)
            self.run(p, " " + n.text, size=8.5)

    def set_cols(self, section, num, space_mm=7):
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn

        sp = section._sectPr
        for old in sp.findall(qn("w:cols")):
            sp.remove(old)
        cols = OxmlElement("w:cols")
        cols.set(qn("w:num"), str(num))
        cols.set(qn("w:space"), str(int(space_mm / 25.4 * 1440)))
        # w:cols must come before w:docGrid etc.; LibreOffice is lenient, Word wants order
        anchor = sp.find(qn("w:docGrid"))
        if anchor is not None:
            anchor.addprevious(cols)
        else:
            sp.append(cols)

    def section(self, num):
        from docx.enum.section import WD_SECTION

        s = self.d.add_section(WD_SECTION.CONTINUOUS)
        self.set_cols(s, num)
        return s

    def column_break(self):
        self.pending_colbreak = True

    # -- blocks ----------------------------------------------------------------------------
    def heading(self, h: Heading):
        size = {0: 19, 1: 15, 2: 12, 3: 10.5}[h.level]
        p = self.para(space_before=14 if h.level <= 1 else 10, space_after=6, keep_next=True, line=1.0)
        self.run(p, h.text, size=size, bold=True, font="Liberation Sans")

    def caption(self, t: Table, above: bool):
        p = self.para(space_before=8 if above else 3, space_after=3, keep_next=above, line=1.0)
        m = re.match(r"^((?:Tabell|Tab\.|Table)\s+\S+?)(\.?\s)(.*)$", t.caption)
        if m:
            self.run(p, m.group(1) + m.group(2).rstrip(), size=9.5, bold=True, font="Liberation Sans")
            self.run(p, " " + m.group(3), size=9.5, font="Liberation Sans")
        else:
            self.run(p, t.caption, size=9.5, font="Liberation Sans")

    def table(self, t: Table):
        from docx.enum.text import WD_ALIGN_PARAGRAPH as AL
        from docx.oxml import parse_xml
        from docx.shared import Mm, Pt

        if t.caption and t.caption_pos == "above":
            self.caption(t, True)
        elif self.pending_break:
            p = self.para(space_after=0, line=1.0)
        ncols = len(t.widths)
        rows = list(t.header) + list(t.body)
        tb = self.d.add_table(rows=len(rows), cols=ncols)
        tbl = tb._tbl
        tblPr = tbl.tblPr
        for el in list(tblPr):
            if el.tag.endswith("}tblStyle"):
                tblPr.remove(el)
        tw = lambda mm: int(round(mm / 25.4 * 1440))  # twips
        pad = tw(t.pad_mm)
        brd = ("single", 4) if t.rules == "grid" else ("nil", 0)
        edges = "".join(f'<w:{e} w:val="{brd[0]}" w:sz="{brd[1]}" w:space="0" w:color="000000"/>'
                        for e in ("top", "left", "bottom", "right", "insideH", "insideV"))
        for xml in (
            f'<w:tblW {W_NS} w:w="{tw(sum(t.widths))}" w:type="dxa"/>',
            f'<w:tblInd {W_NS} w:w="0" w:type="dxa"/>',
            f"<w:tblBorders {W_NS}>{edges}</w:tblBorders>",
            f'<w:tblLayout {W_NS} w:type="fixed"/>',
            f'<w:tblCellMar {W_NS}><w:top w:w="{int(t.vpad_pt * 20)}" w:type="dxa"/><w:left w:w="{pad}" w:type="dxa"/>'
            f'<w:bottom w:w="{int(t.vpad_pt * 20)}" w:type="dxa"/><w:right w:w="{pad}" w:type="dxa"/></w:tblCellMar>',
        ):
            el = parse_xml(xml)
            for old in tblPr.findall(el.tag):
                tblPr.remove(old)
            tblPr.append(el)
        for gc, w in zip(tbl.tblGrid.findall(
                "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}gridCol"), t.widths):
            gc.set("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}w", str(tw(w)))
        for r in range(len(rows)):
            for c in range(ncols):
                tb.cell(r, c).width = Mm(t.widths[c])
        # merges first
        for ri, r in enumerate(rows):
            col = 0
            for c in full_row(r, ncols):
                span = c.span if isinstance(c, C) else 1
                if span > 1:
                    tb.cell(ri, col).merge(tb.cell(ri, col + span - 1))
                col += span
        nh = len(t.header)
        for ri, r in enumerate(rows):
            tr = tb.rows[ri]._tr
            trPr = tr.get_or_add_trPr()
            trPr.append(parse_xml(f"<w:cantSplit {W_NS}/>"))
            if ri < nh and t.repeat_header:
                trPr.append(parse_xml(f"<w:tblHeader {W_NS}/>"))
            is_header = ri < nh
            kind = r.kind if isinstance(r, Row) else "data"
            col = 0
            for c in full_row(r, ncols):
                span = c.span if isinstance(c, C) else 1
                cell = tb.cell(ri, col)
                p = cell.paragraphs[0]
                pf = p.paragraph_format
                pf.space_before = Pt(0)
                pf.space_after = Pt(0)
                pf.line_spacing = t.line
                align = c.align if isinstance(c, C) and c.align else None
                if align is None:
                    if is_header:
                        align = (t.header_align[col] if t.header_align else ("l" if col == 0 else "r"))
                        if span > 1:
                            align = "c"
                    else:
                        align = "l" if col == 0 else "r"
                p.alignment = {"l": AL.LEFT, "r": AL.RIGHT, "c": AL.CENTER}[align]
                if isinstance(c, C) and c.indent:
                    pf.left_indent = Mm(3 * c.indent)
                bold = (isinstance(c, C) and c.bold) or is_header or kind in ("group", "total")
                self.run(p, cell_text(c), size=t.font_pt, bold=bold, font=self.doc.table_font)
                # the paragraph mark's size sets the height of an empty cell
                f = self.doc.table_font
                p._p.get_or_add_pPr().append(parse_xml(
                    f'<w:rPr {W_NS}><w:rFonts w:ascii="{f}" w:hAnsi="{f}" w:cs="{f}"/>'
                    f'<w:sz w:val="{int(round(t.font_pt * 2))}"/></w:rPr>'))
                if isinstance(c, C) and c.note:
                    self.inline(p, [c.note], size=t.font_pt)
                # borders per cell
                b = {}
                if t.rules == "header" and is_header and ri == nh - 1:
                    b["bottom"] = 6
                if t.rules == "header" and is_header and ri < nh - 1 and span > 1:
                    b["bottom"] = 3
                if t.rules == "horizontal":
                    b["bottom"] = 3
                    if ri == 0:
                        b["top"] = 6
                if b:
                    tcPr = cell._tc.get_or_add_tcPr()
                    x = "".join(f'<w:{e} w:val="single" w:sz="{s}" w:space="0" w:color="000000"/>'
                                for e, s in b.items())
                    tcPr.append(parse_xml(f"<w:tcBorders {W_NS}>{x}</w:tcBorders>"))
                col += span
        if t.caption and t.caption_pos == "below":
            self.caption(t, False)
        for n in t.notes:
            p = self.para(space_after=1, line=1.0)
            self.run(p, n)
        last = self.d.paragraphs[-1] if (t.notes or t.caption_pos == "below") else None
        if last is not None:
            last.paragraph_format.space_after = Pt(8)
        else:
            self.para(space_after=2, line=1.0)
        self.after_notes([c.note for r in rows for c in row_cells(r) if isinstance(c, C) and c.note])

    def bullets(self, b: Bullets):
        from docx.shared import Mm

        for it in b.items:
            p = self.para(space_after=2, line=1.15)
            p.style = self.d.styles["List Bullet"]
            p.paragraph_format.left_indent = Mm(7)
            p.paragraph_format.first_line_indent = Mm(-5)
            self.run(p, it)
        self.d.paragraphs[-1].paragraph_format.space_after = self._pt(6)

    def _pt(self, v):
        from docx.shared import Pt

        return Pt(v)

    def toc(self, x: Toc):
        from docx.enum.text import WD_TAB_ALIGNMENT, WD_TAB_LEADER
        from docx.shared import Mm

        for t, pg in x.entries:
            l2 = bool(re.match(r"^\d+\.\d+ ", t))
            p = self.para(space_after=3, line=1.15, indent_mm=6 if l2 else 0)
            p.paragraph_format.tab_stops.add_tab_stop(Mm(self.text_width_mm), WD_TAB_ALIGNMENT.RIGHT,
                                                      WD_TAB_LEADER.DOTS)
            self.run(p, f"{t}\t{pg}")

    def chart(self, ch: Chart):
        from docx.oxml import parse_xml

        p = self.para(space_before=8, space_after=3, keep_next=True, line=1.0)
        self.run(p, ch.label, size=9.5, bold=True, font="Liberation Sans")
        self.run(p, " " + ch.caption, size=9.5, font="Liberation Sans")
        H = 72.0
        anchor = self.para(space_after=0, line=1.0)
        anchor.paragraph_format.space_after = self._pt(H / 25.4 * 72)
        x0, x1, ytop, ybot = 20.0, 146.0, 8.0, 54.0
        shapes = []
        shapes.append(("text", x0 - 16, ytop - 6.5, 14, 3.5, ch.ytitle, 8, "r"))
        for v in range(0, ch.ymax + 1, ch.ystep):
            y = ybot - (ybot - ytop) * v / ch.ymax
            shapes.append(("rect", x0, y - 0.05, x1 - x0, 0.1, "BBBBBB"))
            shapes.append(("text", x0 - 16, y - 1.7, 14, 3.5, fi(v), 8, "r"))
        shapes.append(("rect", x0, ybot - 0.15, x1 - x0, 0.3, "000000"))
        gw = (x1 - x0) / len(ch.cats)
        bw = 10.0
        for i, cat in enumerate(ch.cats):
            cx = x0 + gw * (i + 0.5)
            for j, (name, color, vals) in enumerate(ch.series):
                bx = cx - bw * len(ch.series) / 2 + j * bw
                h = (ybot - ytop) * vals[i] / ch.ymax
                shapes.append(("rect", bx + 0.4, ybot - h, bw - 0.8, h, color.lstrip("#")))
                shapes.append(("text", bx - 1, ybot - h - 3.4, bw + 2, 3, fi(vals[i]), 6.3, "c"))
            shapes.append(("text", cx - 8, ybot + 1.3, 16, 3.5, cat, 8, "c"))
        lx = 55.0
        for name, color, vals in ch.series:
            shapes.append(("rect", lx, H - 7, 3, 3, color.lstrip("#")))
            shapes.append(("text", lx + 4.5, H - 7.3, 20, 3.5, name, 8, "l"))
            lx += 25
        for s in shapes:
            anchor._p.append(parse_xml(self.shape_xml(s)))
        p = self.para(space_after=8, line=1.15)
        self.run(p, ch.source)

    def shape_xml(self, s) -> str:
        self.shape_id += 1
        kind, x, y, w, h = s[:5]
        X, Y, Wd, Hd = (int(round(v * EMU_MM)) for v in (x, y, w, h))
        head = (f'<w:r {W_NS}><w:drawing><wp:anchor {DML} distT="0" distB="0" distL="0" distR="0" '
                f'simplePos="0" relativeHeight="{self.shape_id}" behindDoc="0" locked="0" layoutInCell="1" '
                f'allowOverlap="1"><wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column">'
                f'<wp:posOffset>{X}</wp:posOffset></wp:positionH><wp:positionV relativeFrom="paragraph">'
                f'<wp:posOffset>{Y}</wp:posOffset></wp:positionV><wp:extent cx="{Wd}" cy="{Hd}"/>'
                f'<wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapNone/>'
                f'<wp:docPr id="{self.shape_id}" name="Shape {self.shape_id}"/><wp:cNvGraphicFramePr/>'
                f'<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">')
        tail = "</a:graphicData></a:graphic></wp:anchor></w:drawing></w:r>"
        geom = (f'<a:xfrm><a:off x="0" y="0"/><a:ext cx="{Wd}" cy="{Hd}"/></a:xfrm>'
                f'<a:prstGeom prst="rect"><a:avLst/></a:prstGeom>')
        if kind == "rect":
            return (head + f'<wps:wsp><wps:cNvSpPr/><wps:spPr>{geom}<a:solidFill><a:srgbClr val="{s[5]}"/>'
                    f"</a:solidFill><a:ln><a:noFill/></a:ln></wps:spPr><wps:bodyPr/></wps:wsp>" + tail)
        text, size, align = s[5], s[6], s[7]
        jc = {"l": "left", "r": "right", "c": "center"}[align]
        return (head + f'<wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr>{geom}<a:noFill/><a:ln><a:noFill/></a:ln>'
                f'</wps:spPr><wps:txbx><w:txbxContent><w:p><w:pPr><w:spacing w:before="0" w:after="0" '
                f'w:line="240" w:lineRule="auto"/><w:jc w:val="{jc}"/></w:pPr><w:r><w:rPr>'
                f'<w:rFonts w:ascii="Liberation Sans" w:hAnsi="Liberation Sans" w:cs="Liberation Sans"/>'
                f'<w:sz w:val="{int(round(size * 2))}"/></w:rPr><w:t xml:space="preserve">{html.escape(text)}</w:t>'
                f'</w:r></w:p></w:txbxContent></wps:txbx><wps:bodyPr lIns="0" tIns="0" rIns="0" bIns="0" '
                f'wrap="square"><a:noAutofit/></wps:bodyPr></wps:wsp>' + tail)

    def blocks(self, blocks):
        for x in blocks:
            if isinstance(x, Heading):
                self.heading(x)
            elif isinstance(x, Para):
                p = self.para(space_after=6, line=1.15)
                self.inline(p, x.parts, size=x.size, bold=x.bold)
                self.after_notes([q for q in x.parts if isinstance(q, N)])
            elif isinstance(x, Bullets):
                self.bullets(x)
            elif isinstance(x, Toc):
                self.toc(x)
            elif isinstance(x, Table):
                self.table(x)
            elif isinstance(x, Chart):
                self.chart(x)
            elif isinstance(x, Side):
                self.section(2)
                self.blocks(x.left)
                self.column_break()
                self.blocks(x.right)
                self.section(1)
            elif isinstance(x, TwoCol):
                self.section(2)
                for p_ in x.paras:
                    p = self.para(space_after=6, line=1.15, align=3)
                    self.inline(p, p_.parts)
                self.section(1)
            elif isinstance(x, PageBreak):
                self.pending_break = True

    def footnotes_part(self):
        from docx.opc.constants import RELATIONSHIP_TYPE as RT
        from docx.opc.packuri import PackURI
        from docx.opc.part import Part

        if not self.page_foot:
            return
        f = self.doc.body_font
        body = "".join(
            f'<w:footnote w:id="{n.marker}"><w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="240" '
            f'w:lineRule="auto"/><w:rPr><w:rFonts w:ascii="{f}" w:hAnsi="{f}" w:cs="{f}"/><w:sz w:val="16"/>'
            f'</w:rPr></w:pPr><w:r><w:rPr><w:rFonts w:ascii="{f}" w:hAnsi="{f}" w:cs="{f}"/>'
            f'<w:vertAlign w:val="superscript"/><w:sz w:val="16"/></w:rPr><w:footnoteRef/></w:r><w:r><w:rPr>'
            f'<w:rFonts w:ascii="{f}" w:hAnsi="{f}" w:cs="{f}"/><w:sz w:val="16"/></w:rPr>'
            f'<w:t xml:space="preserve"> {html.escape(n.text)}</w:t></w:r></w:p></w:footnote>'
            for n in self.page_foot)
        xml = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:footnotes {W_NS}>'
               '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
               '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/>'
               f"</w:r></w:p></w:footnote>{body}</w:footnotes>")
        part = Part(PackURI("/word/footnotes.xml"),
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
                    xml.encode("utf-8"), self.d.part.package)
        self.d.part.relate_to(part, RT.FOOTNOTES)

    def save(self, path: Path):
        p = self.para(space_after=0, line=1.0)
        p.paragraph_format.space_before = 0
        p._p.getparent().remove(p._p)  # consume a dangling page break flag, keep no empty tail
        self.footnotes_part()
        buf = io.BytesIO()
        self.d.save(buf)
        # rewrite the zip with fixed dates so the .docx is byte-stable
        src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
            for info in sorted(src.infolist(), key=lambda i: (i.filename != "[Content_Types].xml", i.filename)):
                zi = zipfile.ZipInfo(info.filename, date_time=(2024, 1, 1, 0, 0, 0))
                zi.compress_type = zipfile.ZIP_DEFLATED
                dst.writestr(zi, src.read(info.filename))


def render_libreoffice(doc: Doc, out_pdf: Path, out_docx: Path) -> None:
    w = DocxWriter(doc)
    w.heading(Heading(0, doc.title))
    w.blocks(doc.blocks)
    w.save(out_docx)
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        sys.exit("soffice not found: apt-get install -y libreoffice-writer-nogui")
    with tempfile.TemporaryDirectory() as tmp:
        profile = Path(tmp) / "profile"
        subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless",
                        "--convert-to", "pdf", "--outdir", tmp, str(out_docx)],
                       check=True, capture_output=True, timeout=180)
        data = (Path(tmp) / (out_docx.stem + ".pdf")).read_bytes()
    # fixed metadata of the same length, so the xref offsets stay valid
    data = re.sub(rb"/CreationDate\(D:\d{14}[^)]*\)",
                  lambda m: b"/CreationDate(D:20240101000000Z" + b"'" * (len(m.group(0)) - 32) + b")"
                  if len(m.group(0)) >= 32 else m.group(0), data)
    data = re.sub(rb"/ID \[ <([0-9A-Fa-f]+)>(\s*)<([0-9A-Fa-f]+)> \]",
                  lambda m: b"/ID [ <" + b"0" * len(m.group(1)) + b">" + m.group(2) + b"<"
                  + b"0" * len(m.group(3)) + b"> ]", data)
    data = re.sub(rb"/DocChecksum /([0-9A-Fa-f]+)", lambda m: b"/DocChecksum /" + b"0" * len(m.group(1)), data)
    out_pdf.write_bytes(data)


# --------------------------------------------------------------------------------------------
# Checking declared pages against the rendered PDF
# --------------------------------------------------------------------------------------------


def norm(s: str) -> str:
    s = logical(s).replace("\u2010", "-").replace("\u2011", "-")
    return re.sub(r"\s+", " ", s).strip()


def check(doc: Doc, pdf_path: Path) -> list:
    import pdfplumber

    errs = []
    with pdfplumber.open(pdf_path) as pdf:
        texts = [norm(p.extract_text() or "") for p in pdf.pages]
        tokens = [set(t.split()) for t in texts]
        if len(pdf.pages) != doc.pages:
            errs.append(f"pages: declared {doc.pages}, rendered {len(pdf.pages)}")
            return errs

    def row_on(row, page):
        toks = [tok for c in row_cells(row) if not (isinstance(c, C) and c.note)
                for tok in norm(cell_text(c)).split()]
        return page - 1 < len(tokens) and all(tok in tokens[page - 1] for tok in toks)

    for b in walk(doc.blocks):
        if isinstance(b, Table):
            plain = [r for r in b.body if not any(
                isinstance(c, C) and ("\u00ad" in c.text) for c in row_cells(r))]
            if not row_on(plain[0], b.pages[0]):
                errs.append(f"{b.id}: first body row not on page {b.pages[0]}")
            if not row_on(plain[-1], b.pages[-1]):
                errs.append(f"{b.id}: last body row not on page {b.pages[-1]}")
            if b.caption:
                cp = b.pages[0] if b.caption_pos == "above" else b.pages[-1]
                if norm(b.caption)[:40] not in texts[cp - 1]:
                    errs.append(f"{b.id}: caption not on page {cp}")
            if len(b.pages) > 1:
                # the header's words must repeat on the continuation page or not
                hdr = [tok for r in b.header for c in row_cells(r) for tok in norm(cell_text(c)).split()]
                cont = texts[b.pages[1] - 1]
                lines = cont.split(" ")
                head_of_page = " ".join(lines[:60])
                present = all(tok in head_of_page for tok in hdr[:3])
                if present != b.repeat_header:
                    errs.append(f"{b.id}: header repeated={present} on page {b.pages[1]}, declared {b.repeat_header}")
        elif isinstance(b, Toc):
            for t, pg in b.entries:
                if norm(t) not in texts[int(pg) - 1]:
                    errs.append(f"toc: '{t}' not on page {pg}")
            if not all(norm(t) in texts[b.page - 1] for t, _ in b.entries):
                errs.append(f"toc not on page {b.page}")
        elif isinstance(b, (Bullets, TwoCol, Chart, Side)):
            sample = {Bullets: lambda: first_words(b.items[0]), TwoCol: lambda: first_words(b.paras[0].parts, 4),
                      Chart: lambda: b.caption[:40],
                      Side: lambda: ""}[type(b)]()
            if sample and norm(sample) not in texts[b.page - 1]:
                errs.append(f"{type(b).__name__} '{sample}' not on page {b.page}")
    for n in notes_of(doc):
        if norm(n.text)[:35] not in texts[n.page - 1]:
            errs.append(f"footnote {n.marker} text not on page {n.page}")
        if n.cited_in == "text" and not re.search(re.escape(norm(n.context)) + r" ?" + n.marker + r"(?!\d)",
                                                  texts[n.cited_page - 1]):
            errs.append(f"footnote {n.marker} marker after '{n.context}' not on page {n.cited_page}")
    return errs


# --------------------------------------------------------------------------------------------
# The fixtures
# --------------------------------------------------------------------------------------------

def build(name: str) -> None:
    doc = DESIGNS[name]()
    prepare(doc)
    pdf = HERE / f"{name}.pdf"
    if doc.producer == "weasyprint":
        render_weasyprint(doc, pdf, HERE / f"{name}.html")
    else:
        render_libreoffice(doc, pdf, HERE / f"{name}.docx")
    (HERE / f"{name}.truth.json").write_text(
        json.dumps(truth(doc), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    (HERE / f"{name}.md").write_text(markdown(doc), encoding="utf-8")
    errs = check(doc, pdf)
    status = "ok" if not errs else "MISMATCH"
    print(f"{name}: {status} ({pdf.stat().st_size // 1024} KB)")
    for e in errs:
        print("   ", e)
    return not errs


def main() -> None:
    names = [a for a in sys.argv[1:] if not a.startswith("--")] or list(DESIGNS)
    bad = [n for n in names if not build(n)]
    if bad:
        sys.exit(f"declared pages do not match the rendered PDF: {', '.join(bad)}")


# --------------------------------------------------------------------------------------------
# The fixtures (all figures invented; wording after the AF/FK återrapporter in corpus/)
# --------------------------------------------------------------------------------------------

LAN = [
    ("Stockholms län", 0.225), ("Uppsala län", 0.037), ("Södermanlands län", 0.029),
    ("Östergötlands län", 0.045), ("Jönköpings län", 0.035), ("Kronobergs län", 0.019),
    ("Kalmar län", 0.024), ("Gotlands län", 0.006), ("Blekinge län", 0.015),
    ("Skåne län", 0.133), ("Hallands län", 0.032), ("Västra Götalands län", 0.167),
    ("Värmlands län", 0.027), ("Örebro län", 0.029), ("Västmanlands län", 0.027),
    ("Dalarnas län", 0.027), ("Gävleborgs län", 0.028), ("Västernorrlands län", 0.024),
    ("Jämtlands län", 0.013), ("Västerbottens län", 0.026), ("Norrbottens län", 0.025),
]

HEAD_LO = "Arbetsförmedlingen och Försäkringskassan"
HEAD_WP = "Försäkringskassan och Arbetsförmedlingen"


def producer(v: str) -> str:
    return "libreoffice" if v == "lo" else "weasyprint"


def jitter(rng: random.Random, x: float, rel: float = 0.06) -> int:
    return int(round(x * (1 + rng.uniform(-rel, rel))))


def d_tabellbilaga(v: str) -> Doc:
    """Appendix of statistical tables: single-spaced, continued over pages."""
    rng = random.Random("tabellbilaga-" + v)
    lo = v == "lo"
    lab = ["B1", "B2", "B3"] if lo else ["A:1", "A:2", "A:3"]
    cap = [f"Tabell {x}" for x in lab]
    # Table 1: years in rows 2003-2022
    level = {2003: 13800, 2004: 13100, 2005: 12400, 2006: 11900, 2007: 11200, 2008: 10700,
             2009: 10100, 2010: 9800, 2011: 10400, 2012: 11900, 2013: 9254, 2014: 20269,
             2015: 20680, 2016: 11381, 2017: 10592, 2018: 8936, 2019: 8770, 2020: 9024,
             2021: 9055, 2022: 8991}
    body1 = []
    for y, x in level.items():
        tot = jitter(rng, x, 0.04)
        if y < 2005:
            body1.append([str(y), "..", "..", fi(tot), ".."])
        else:
            k = int(round(tot * rng.uniform(0.58, 0.65)))
            body1.append([str(y), fi(k), fi(tot - k), fi(tot), pct(k, tot)])
    t1 = Table(
        label=lab[0], caption=f"{cap[0]} Antal gemensamma kartläggningar, kvinnor och män, 2003–2022",
        caption_pos="above", header=[["År", "Kvinnor", "Män", "Totalt", "Andel kvinnor (%)"]],
        body=body1, widths=[18, 22, 22, 22, 30], pages=[1], rules="header", font_pt=8, line=1.0,
        notes=["Källa: SUS", "Anm.: .. = uppgift saknas. Uppgifter per kön finns från och med 2005."],
        hazards=["years-in-rows"])
    # Table 2: län, grouped by sex, years in columns, continued with a repeated header
    body2 = []
    for sex, share in (("Kvinnor", 0.62), ("Män", 0.38)):
        body2.append(G(sex))
        sums = [0, 0, 0]
        for lan, w in LAN:
            vals = [jitter(rng, 6400 * share * w * f, 0.08) for f in (0.97, 0.99, 1.03)]
            sums = [a + b for a, b in zip(sums, vals)]
            if lan == "Gotlands län" and sex == "Män":
                body2.append([lan, "x", "x", "x", ".."])
            else:
                body2.append([lan] + [fi(x) for x in vals] + [fd(100 * (vals[2] - vals[1]) / vals[1])])
        body2.append(Row(["Samtliga län"] + [fi(x) for x in sums]
                         + [fd(100 * (sums[2] - sums[1]) / sums[1])], kind="total"))
    t2 = Table(
        label=lab[1],
        caption=f"{cap[1]} Antal individer i rehabiliteringsinsats efter län och kön, genomsnitt per månad, 2020–2022",
        caption_pos="above", header=[["Län", "2020", "2021", "2022", "Förändring 2021–2022 (%)"]],
        body=body2, widths=[48, 20, 20, 20, 25], pages=[1, 2], rules="header", font_pt=8, line=1.0,
        repeat_header=True,
        notes=["Källa: SUS", "Anm.: x = uppgiften redovisas inte av sekretesskäl. .. = kan inte beräknas."],
        hazards=["wrapped-header", "years-in-columns"])
    # Table 3: omställningsmöten, spanning header, no repeated header on the next page
    body3 = []
    for grp, first, base in (("Sjukpenning", 2010 if lo else 2005, 1700),
                             ("Aktivitetsersättning", 2010 if lo else 2005, 170),
                             ("Sjukersättning", 2020, 150)):
        body3.append(G(grp))
        for y in range(first, 2023):
            k = jitter(rng, base * 0.6 * (1 + 0.04 * (5 - abs(2017 - y))), 0.1)
            m = jitter(rng, base * 0.4, 0.1)
            ka, ma = rng.uniform(8.5, 12.5), rng.uniform(8.0, 12.0)
            body3.append([str(y), fi(k), fd(ka), fi(m), fd(ma), fi(k + m),
                          fd((k + m) / (k / ka + m / ma))])
    t3 = Table(
        label=lab[2],
        caption=f"{cap[2]} Antal omställningsmöten och andel av dem som fått avslag som deltagit i möte, efter ersättningstyp och kön, {2010 if lo else 2005}–2022",
        caption_pos="above",
        header=[["År", C("Kvinnor", 2), C("Män", 2), C("Totalt", 2)],
                ["", "Antal", "Andel (%)", "Antal", "Andel (%)", "Antal", "Andel (%)"]],
        body=body3, widths=[34, 19, 19, 19, 19, 19, 19], pages=[2, 3], rules="header", font_pt=9,
        line=1.15, vpad_pt=1.2, repeat_header=False,
        notes=["Källa: Bearbetad sjukfallsdata och manuell registrering",
               "Anm.: Möten för omställning med individer som fått avslag på sjukersättning redovisas från och med 2020."],
        hazards=["years-in-rows"])
    intro = Para([
        "Tabellerna i bilagan redovisar de uppgifter som ligger till grund för figurerna i rapporten. "
        "Om inget annat anges avser uppgifterna helår. Uppgifterna om rehabiliteringsinsatser avser "
        "genomsnittligt antal individer per månad under året."])
    mid = Para([
        "Antalet möten för omställning påverkas av Försäkringskassans avslagsfrekvens. Andelen avser "
        "antalet individer som deltagit i möte i förhållande till antalet individer som fått avslag "
        "under samma år."])
    blocks = [Heading(1, "Tabellbilaga"), intro, Heading(2, "Rehabiliteringssamverkan"), t1, t2,
              Heading(2, "Möten för omställning"), mid, t3]
    return Doc(f"{v}_tabellbilaga", producer(v), "Bilaga till återrapportering 2022",
               HEAD_LO if lo else HEAD_WP, 3, blocks)



def d_kapitel(v: str) -> Doc:
    """Report chapters: TOC with dot leaders, bullets with numbers, page-foot footnotes (text and
    cell), a table with spanning and wrapped headers, group rows and a nested stub."""
    rng = random.Random("kapitel-" + v)
    lo = v == "lo"
    year = 2023 if lo else 2021
    n_k = jitter(rng, 5460, 0.05)
    n_m = jitter(rng, 3520, 0.05)
    n_tot = n_k + n_m
    toc = Toc([("Sammanfattning", 2), ("1 Inledning", 2), ("2 Rehabiliteringssamverkan", 3),
               ("2.1 Gemensamma kartläggningar", 3), ("2.2 Rehabiliteringsinsatser", 3),
               ("3 Möten för omställning", 4), ("4 Förbrukning av anslagna medel", 4)], page=1)
    bul = Bullets([
        f"{fi(n_tot)} gemensamma kartläggningar genomfördes under {year}, varav {pct(n_k, n_tot)} procent med kvinnor.",
        f"I genomsnitt {fi(jitter(rng, 6617))} individer per månad deltog i rehabiliteringsinsatser (6 329 året innan).",
        f"Den genomsnittliga tiden i rehabiliteringssamverkan var {jitter(rng, 406)} dagar.",
        f"Totalt {fi(jitter(rng, 1762))} omställningsmöten genomfördes, jämfört med 2 281 möten året innan.",
        f"Myndigheterna förbrukade {fd(rng.uniform(660, 690))} av de tilldelade 700,0 miljoner kronorna.",
    ], page=2)
    # Table with spanning header, wrapped header, group rows, nested stub, footnote in a cell
    def block(base_k, base_m, extra=0, note=None):
        rows = []
        k1, m1 = jitter(rng, base_k, 0.03), jitter(rng, base_m, 0.03)
        k2, m2 = int(k1 * rng.uniform(0.68, 0.74)), int(m1 * rng.uniform(0.66, 0.73))
        k3, m3 = int(k2 * rng.uniform(0.55, 0.65)), int(m2 * rng.uniform(0.55, 0.65))
        k4, m4 = int(k2 * rng.uniform(0.45, 0.52)), int(m2 * rng.uniform(0.47, 0.54))
        rows.append(["Gemensam kartläggning", fi(k1), "100", fi(m1), "100", fi(k1 + m1), "100"])
        tot2 = C(fi(k2 + m2 + extra), note=note) if note else fi(k2 + m2)
        rows.append(["Påbörjad rehabiliteringsinsats", fi(k2), pct(k2, k1), fi(m2), pct(m2, m1), tot2,
                     pct(k2 + m2 + extra, k1 + m1)])
        rows.append([C("varav inom 90 dagar", indent=1), fi(k3), pct(k3, k1), fi(m3), pct(m3, m1),
                     fi(k3 + m3), pct(k3 + m3, k1 + m1)])
        rows.append(["Utvecklad arbetsförmåga", fi(k4), pct(k4, k1), fi(m4), pct(m4, m1), fi(k4 + m4),
                     pct(k4 + m4, k1 + m1)])
        return rows, (k1, m1)

    extra = 4 if lo else 3
    cell_note = N(f"Inklusive {extra} individer med okänd könstillhörighet i registret.", page=3, cited_page=3)
    sp, (spk, spm) = block(4400, 2460)
    ae, (aek, aem) = block(770, 840, extra, cell_note)
    t = Table(
        label="2.1",
        caption=f"Tabell 2.1 Gemensamma kartläggningar och påbörjade insatser efter ersättningstyp och kön, {year}",
        caption_pos="above",
        header=[["", C("Kvinnor", 2), C("Män", 2), C("Totalt", 2)],
                ["", "Antal", "Andel av kartlagda (%)", "Antal", "Andel av kartlagda (%)", "Antal",
                 "Andel av kartlagda (%)"]],
        body=[G("Sjukpenning")] + sp + [G("Aktivitetsersättning")] + ae
        + [Row(["Totalt", fi(spk + aek), "", fi(spm + aem), "", fi(spk + aek + spm + aem), ""], kind="total")],
        widths=[52, 16, 18, 16, 18, 16, 18], pages=[3], rules="horizontal" if lo else "header",
        font_pt=8.5, line=1.0, vpad_pt=1.0 if lo else 1.5,
        notes=["Källa: SUS och MiDAS"], hazards=["wrapped-header"])
    blocks = [
        Para([f"Återrapportering enligt regleringsbrevet för {year}"], bold=True),
        Para([f"Diarienummer: Af-{year + 1}/0000 {rng.randint(1000, 9999)}, FK {year}/00{rng.randint(1000, 9999)}"]),
        Heading(1, "Innehållsförteckning"), toc, PageBreak(),
        Heading(1, "Sammanfattning"),
        Para(["I denna rapport redovisas Arbetsförmedlingens och Försäkringskassans samarbete enligt "
              "gemensamma regleringsbrevsuppdrag som benämns det förstärkta samarbetet. Samarbetet omfattar "
              "två delar: rehabiliteringssamverkan och möten för omställning. Några resultat i korthet:"]),
        bul,
        Heading(1, "1 Inledning"),
        Para(["Arbetsförmedlingen och Försäkringskassan har sedan 2008 ett gemensamt uppdrag att stödja "
              "personer som är sjukskrivna eller har aktivitetsersättning att utveckla eller återfå sin "
              "arbetsförmåga", N("Uppdraget regleras i myndigheternas regleringsbrev, se Af-2022/0012 3456.", 2, 2),
              ". Uppdraget finansieras genom ett särskilt anslag om 700 miljoner kronor per år."]),
        Para(["Myndigheterna har en nationell samverkansgrupp som behandlar strategiska frågor i uppdraget. "
              "Regionala och lokala samverkansgrupper hanterar operativa frågor, erfarenhetsutbyte och "
              "gemensamt lärande. Under året har myndigheterna följt upp resultaten i 21 regionala "
              "samverkansgrupper", N("Uppföljningen omfattar samtliga län utom Gotland, som ingår i Stockholms samverkansgrupp.", 2, 2),
              " och tagit fram ett gemensamt underlag för fortsatt utveckling."]),
        PageBreak(),
        Heading(1, "2 Rehabiliteringssamverkan"),
        Para(["Rehabiliteringssamverkan riktar sig till individer som behöver stöd för att utveckla eller "
              "återfå arbetsförmåga. Samverkan inleds med en gemensam kartläggning där handläggare från "
              "båda myndigheterna träffar individen."]),
        Heading(2, "2.1 Gemensamma kartläggningar"),
        Para([f"Under {year} genomfördes {fi(n_tot)} gemensamma kartläggningar", N(
            "Källa: SUS. Uppgifterna avser kartläggningar som registrerats senast den 31 januari året efter.", 3, 3),
            ". Andelen som påbörjar en insats efter kartläggningen redovisas i tabell 2.1."]),
        t,
        Heading(2, "2.2 Rehabiliteringsinsatser"),
        Para(["Det vanligaste är att individerna tar del av rehabiliteringsinsatser i Arbetsförmedlingens "
              "regi via en arbetsträningsplats. Ungefär 13 procent av individerna tar del av insatser i en "
              "upphandlad tjänst."]),
        PageBreak(),
        Heading(1, "3 Möten för omställning"),
        Para([f"Under {year} genomfördes totalt {fi(jitter(rng, 1633))} omställningsmöten. Med individer som inte "
              f"längre får sjukpenning genomfördes {fi(jitter(rng, 1199))} möten", N(
                  "Källa: Bearbetad sjukfallsdata.", 4, 4),
              f" och med individer som fått avslag på ansökan om aktivitetsersättning {jitter(rng, 164)} möten",
              N("Källa: Manuell registrering.", 4, 4), "."]),
        Para(["Antalet möten påverkas av Försäkringskassans avslagsfrekvens, som har varierat över åren. "
              "De senaste årens lagändringar inom sjukpenningen har lett till färre avslag."]),
        Heading(1, "4 Förbrukning av anslagna medel"),
        Para([f"Arbetsförmedlingen förbrukade cirka {fd(rng.uniform(330, 360))} miljoner av de tilldelade "
              "375,6 miljoner kronorna i förvaltningsmedel. Försäkringskassan förbrukade sina tilldelade "
              "medel", N("Försäkringskassans förbrukning omfattar även kostnader för it-stöd, 4,2 mnkr.", 4, 4), "."]),
    ]
    return Doc(f"{v}_kapitel", producer(v),
               "Insatser för personer som är sjukskrivna och för unga med aktivitetsersättning",
               HEAD_LO if lo else HEAD_WP, 4, blocks,
               body_font="Liberation Sans" if lo else "Liberation Serif", body_pt=10 if lo else 11)



def d_layout(v: str) -> Doc:
    """Two tables side by side, a table beside a text column, a page of two-column running text."""
    rng = random.Random("layout-" + v)
    lo = v == "lo"
    years = list(range(2017, 2023))

    def small(base, share):
        rows = []
        for y in years:
            k = jitter(rng, base * share, 0.12)
            m = jitter(rng, base * (1 - share), 0.12)
            rows.append([str(y), fi(k), fi(m), fi(k + m)])
        return rows

    ta = Table(label="3.3", caption="Tabell 3.3 Omställningsmöten efter avslag på sjukpenning, 2017–2022",
               caption_pos="above", header=[["År", "Kvinnor", "Män", "Totalt"]], body=small(1700, 0.63),
               widths=[14, 18, 18, 19], pages=[1], rules="horizontal" if lo else "none", font_pt=9,
               line=1.0, vpad_pt=1.5, notes=["Källa: Bearbetad sjukfallsdata"], hazards=["years-in-rows"])
    tb = Table(label="3.4", caption="Tabell 3.4 Omställningsmöten efter avslag på aktivitetsersättning, 2017–2022",
               caption_pos="above" if lo else "below", header=[["År", "Kvinnor", "Män", "Totalt"]],
               body=small(165, 0.49), widths=[14, 18, 18, 19], pages=[1],
               rules="none" if lo else "horizontal", font_pt=9, line=1.0, vpad_pt=1.5,
               notes=["Källa: Manuell registrering"], hazards=["years-in-rows"])
    shares = {"Öppet arbetslös": 48.6, "I program med aktivitetsstöd": 17.9, "Övriga inskrivna": 8.4}
    rows = []
    for k, x in shares.items():
        rows.append([k, fd(x + rng.uniform(-2, 2)), fd(x + rng.uniform(-2, 2))])
    s21 = sum(float(r[1].replace(",", ".")) for r in rows)
    s22 = sum(float(r[2].replace(",", ".")) for r in rows)
    rows.append(["Ej inskrivna", fd(100 - s21), fd(100 - s22)])
    rows.append(Row(["Totalt", "100,0", "100,0"], kind="total"))
    tc = Table(label="3.5", caption="Tabell 3.5 Status 90 dagar efter avslag, andel (%)", caption_pos="above",
               header=[["Status", "2021", "2022"]], body=rows, widths=[44, 16, 16], pages=[1],
               rules="header" if lo else "grid", font_pt=9, line=1.1, vpad_pt=1.5 if lo else 1,
               notes=["Källa: MiDAS"])
    beside = [
        Para(["Runt hälften av de inskrivna är öppet arbetslösa 90 dagar efter avslaget. Andelen som "
              "deltar i ett arbetsmarknadspolitiskt program med aktivitetsstöd har ökat något och var "
              f"{rows[1][2]} procent 2022."]),
        Para(["Det finns en viss skillnad mellan kvinnor och män. En större andel av de inskrivna männen "
              "är öppet arbetslösa, och skillnaden motsvarar runt 9 procentenheter. Andelen inskrivna är "
              "högst i åldersgruppen 40–59 år."]),
    ]
    two = [
        Para(["Myndigheterna ser en flerårig sjunkande trend när det gäller andelen som har utvecklat eller "
              "återfått arbetsförmåga efter rehabiliteringsinsats. Andelen steg stadigt fram till 2017, då "
              "60 procent uppnådde arbetsförmåga, och har sedan dess sjunkit till 49 procent 2021 och 50 "
              "procent 2022. Samma trend gäller för både kvinnor och män."]),
        Para(["Inflödet till gemensam kartläggning påverkades av att den bortre tidsgränsen i "
              "sjukförsäkringen togs bort 2016. Under 2015 genomfördes 20 680 gemensamma kartläggningar, "
              "och året efter 11 381. De senaste fem åren har nivån legat kring 9 000 kartläggningar per år, "
              "med 8 936 under 2018, 8 770 under 2019 och 9 024 under 2020."]),
        Para(["Andelen kvinnor bland deltagarna har varierat mellan 60 och 64 procent. Fördelningen speglar "
              "att det är fler kvinnor än män som har sjukpenning. För unga med aktivitetsersättning är "
              "fördelningen jämnare, mellan 48 och 52 procent kvinnor under de år som redovisas."]),
        Para(["Den genomsnittliga tiden i rehabiliteringssamverkan har ökat från 318 dagar 2018 till 406 "
              "dagar 2022. En förklaring är att fler individer har behov av längre insatser, och att andelen "
              "som avslutar insatsen inom 90 dagar har minskat från 21,4 till 14,8 procent."]),
        Para(["Under 2022 deltog i genomsnitt 6 617 individer per månad i rehabiliteringsinsatser, varav 62 "
              "procent kvinnor. Omkring 13 procent tog del av insatser i en upphandlad tjänst, och av dem "
              "fick 91 procent stöd via tjänsten Introduktion till arbete. Kostnaden per deltagare var i "
              "genomsnitt 4 210 kronor per månad."]),
        Para(["Myndigheterna bedömer att målet om att 55 procent ska ha utvecklat eller återfått "
              "arbetsförmåga inte har nåtts under perioden. Från och med 2023 ska myndigheterna vid "
              "gemensam kartläggning bedöma vilken insats individen behöver snarare än om individen behöver "
              "en insats. Effekten av det nya arbetssättet följs upp i nästa återrapportering."]),
        Para(["Antalet möten för omställning påverkas av Försäkringskassans avslagsfrekvens. Under 2022 "
              "deltog cirka 10 procent av dem som inte längre fick sjukpenning i ett möte, och 9 procent av "
              "dem som fick avslag på ansökan om aktivitetsersättning. För sjukersättning var andelen 3,1 "
              "procent, mer än en fördubbling sedan 2020 då andelen var 1,4 procent."]),
    ]
    blocks = [
        Heading(1, "3 Möten för omställning"),
        Para(["Möten för omställning erbjuds individer som inte längre har rätt till ersättning från "
              "sjukförsäkringen. Tabell 3.3 och 3.4 visar antalet genomförda möten efter ersättningstyp."]),
        Side([ta], [tb], "side-by-side", 1),
        Heading(2, "Inskrivning hos Arbetsförmedlingen efter avslag"),
        Side([tc], beside, "beside-text", 1),
        PageBreak(),
        Heading(1, "4 Analys och slutsatser"),
        TwoCol(two, 2),
    ]
    return Doc(f"{v}_layout", producer(v), "Möten för omställning och resultat 2022",
               HEAD_LO if lo else HEAD_WP, 2, blocks,
               body_font="Liberation Serif", body_pt=10.5 if lo else 11)


def d_diagram(v: str) -> Doc:
    """A vector bar chart with axis labels and value labels, bullets with numbers, a table with years
    in columns, and an English-language table."""
    rng = random.Random("diagram-" + v)
    lo = v == "lo"
    cats = ["2018", "2019", "2020", "2021", "2022"]
    kv = [jitter(rng, 5450, 0.04) for _ in cats]
    mv = [jitter(rng, 3500, 0.05) for _ in cats]
    chart = Chart("Figur 2", "Antal gemensamma kartläggningar efter kön, 2018–2022", "Källa: SUS",
                  cats, [("Kvinnor", "#1F4E79", kv), ("Män", "#9DC3E6", mv)], ymax=6000, ystep=1000,
                  page=1)
    bul = Bullets([
        f"Kvinnor: {fi(kv[-1])} kartläggningar 2022, {fd(100 * (kv[-1] - kv[-2]) / kv[-2])} procent jämfört med 2021.",
        f"Män: {fi(mv[-1])} kartläggningar 2022, {fd(100 * (mv[-1] - mv[-2]) / mv[-2])} procent jämfört med 2021.",
        f"Andelen kvinnor var {pct(kv[-1], kv[-1] + mv[-1])} procent, samma nivå som 2018 ({pct(kv[0], kv[0] + mv[0])} procent).",
    ], page=1)
    yrs = [str(y) for y in range(2016, 2023)]
    k = [jitter(rng, 4100, 0.06) for _ in yrs]
    m = [jitter(rng, 2450, 0.06) for _ in yrs]
    ae = [jitter(rng, 980, 0.08) for _ in yrs]
    t1 = Table(label="2.3" if lo else "4",
               caption=("Tabell 2.3" if lo else "Tabell 4") + " Antal deltagare i rehabiliteringsinsats, genomsnitt per månad, 2016–2022",
               caption_pos="above", header=[[""] + yrs],
               body=[["Kvinnor"] + [fi(x) for x in k], ["Män"] + [fi(x) for x in m],
                     Row(["Totalt"] + [fi(a + b) for a, b in zip(k, m)], kind="total"),
                     [C("varav med aktivitetsersättning", indent=1)] + [fi(x) for x in ae]],
               widths=[48] + [15] * 7, pages=[2], rules="header" if lo else "horizontal", font_pt=9,
               line=1.1, vpad_pt=1.5, notes=["Källa: SUS"], hazards=["years-in-columns"])
    ey = [str(y) for y in range(2018, 2023)]
    body = []
    totals = [0] * len(ey)
    for grp, bk, bm in (("Sickness benefit", 4400, 2450), ("Activity compensation", 800, 860)):
        body.append(G(grp))
        for sex, b in (("Women", bk), ("Men", bm)):
            vals = [jitter(rng, b, 0.05) for _ in ey]
            totals = [a + b for a, b in zip(totals, vals)]
            cells = [fi(x) for x in vals]
            if grp == "Activity compensation" and sex == "Men":
                cells[0] = ".."
            body.append([C(sex, indent=1)] + cells)
    body.append(Row(["Total"] + [fi(x) for x in totals], kind="total"))
    t2 = Table(label="2", caption="Table 2. Number of joint assessments by benefit type and sex, 2018–2022",
               caption_pos="above", header=[[""] + ey], body=body, widths=[50] + [18] * 5, pages=[2],
               rules="horizontal" if lo else "header", font_pt=9, line=1.0, vpad_pt=1.2,
               notes=["Source: SUS, Swedish Social Insurance Agency", "Note: .. = data not available. The total includes the suppressed cell."],
               hazards=["english", "years-in-columns"])
    blocks = [
        Heading(1, "2 Resultat av rehabiliteringssamverkan"),
        Para(["Antalet gemensamma kartläggningar har varit relativt stabilt de senaste fem åren. Figur 2 "
              "visar antalet kartläggningar för kvinnor och män. Motsvarande uppgifter finns i tabellbilagan."]),
        chart,
        Para(["Fördelningen mellan kvinnor och män har varit stabil över tid:"]),
        bul,
        PageBreak(),
        Heading(2, "Deltagare i rehabiliteringsinsats"),
        Para(["Antalet individer som deltar i rehabiliteringsinsatser redovisas som ett genomsnitt per månad. "
              "Antalet har ökat sedan 2019, främst bland kvinnor."]),
        t1,
        Heading(1, "Summary in English"),
        Para(["The Swedish Public Employment Service and the Swedish Social Insurance Agency cooperate to "
              "support people on sick leave and young people with activity compensation. Table 2 shows the "
              "number of joint assessments carried out by the two agencies."]),
        t2,
    ]
    return Doc(f"{v}_diagram", producer(v), "Resultat av det förstärkta samarbetet 2022",
               HEAD_LO if lo else HEAD_WP, 2, blocks,
               body_font="Liberation Sans" if lo else "Liberation Serif", body_pt=10 if lo else 11)


def d_smala_kolumner(v: str) -> Doc:
    """Narrow columns: a word broken inside itself, a word broken at a hyphen, a number wrapped at its
    thousands space, narrow gaps between number columns, missing-value symbols."""
    rng = random.Random("smala-" + v)
    lo = v == "lo"
    yrs = [str(y) for y in range(2016, 2023)]
    lab1, lab2 = ("A:1", "A:2") if lo else ("B1", "B2")

    def series(base, rel=0.1):
        return [jitter(rng, base, rel) for _ in yrs]

    sp = series(4480)
    ak = series(640)
    se = [None, None, None, None, 3, jitter(rng, 41), jitter(rng, 77)]
    ov = [0] + series(260)[1:]
    ov[2] = None  # suppressed
    body = []
    for name, vals in (("Sjukpenning", sp), ("Aktivitetsersättning", ak), ("Sjukersättning", se),
                       ("Övrigt", ov)):
        cells = []
        for i, x in enumerate(vals):
            if name == "Sjukersättning" and x is None:
                cells.append("..")
            elif name == "Sjukersättning" and x < 5:
                cells.append("<5")
            elif name == "Övrigt" and x is None:
                cells.append("x")
            elif x == 0:
                cells.append("–")
            else:
                cells.append(fi(x))
        tot = sum(x or 0 for x in vals)
        body.append([name] + cells + [fi(tot)])
    sums = [sum((vals[i] or 0) for vals in (sp, ak, se, ov)) for i in range(len(yrs))]
    body.append(Row(["Samtliga"] + [fi(x) for x in sums] + [fi(sum(sums))], kind="total"))
    t1 = Table(label=lab1, caption=f"Tabell {lab1} Avslutade rehabiliteringsinsatser efter ersättningstyp, 2016–2022",
               caption_pos="above", header=[["Ersättning"] + yrs + ["Alla år"]], body=body,
               widths=[21.2] + [8.6] * 7 + [9.0], pages=[1], rules="grid", font_pt=8, line=1.0,
               pad_mm=0.35 if lo else 0.3, vpad_pt=1.0,
               notes=["Källa: SUS",
                      "Anm.: .. = uppgift saknas, – = inga fall, x = uppgift undertryckt av sekretesskäl, <5 = färre än fem fall. Summorna omfattar de undertryckta uppgifterna."],
               hazards=["wrapped-cell", "wrapped-number", "wrapped-header", "narrow-gap", "years-in-columns"])
    # second table: the word breaks at an explicit (soft) hyphen
    body2 = []
    for name in ("Sjukpenning", "Aktivitetsersätt\u00adning", "Sjukersättning"):
        k, m = rng.uniform(38, 62), rng.uniform(38, 62)
        body2.append([name, fd(k), fd(m), fd((k + m) / 2)])
    t2 = Table(label=lab2, caption=f"Tabell {lab2} Andel med arbete eller studier efter avslutad insats, procent, 2022",
               caption_pos="above", header=[["Ersättning", "Kvinnor", "Män", "Totalt"]], body=body2,
               widths=[22.4, 15, 15, 15], pages=[1], rules="header" if lo else "none", font_pt=8,
               line=1.0, pad_mm=0.6, vpad_pt=1.0, notes=["Källa: SUS"], hazards=["wrapped-cell"])
    blocks = [
        Heading(1, "Bilaga 2 Avslutade insatser"),
        Para(["Tabellerna i denna bilaga redovisar avslutade rehabiliteringsinsatser efter ersättningstyp. "
              "Uppgifter som avser färre än fem individer redovisas inte, och vissa uppgifter har "
              "undertryckts av sekretesskäl."]),
        t1,
        Para(["Andelen med arbete eller studier efter avslutad insats var högst bland dem som haft "
              "aktivitetsersättning. Uppgifterna avser avslut under 2022."]),
        t2,
        Para(["Anmärkning: Uppgifterna för 2016 och 2017 har reviderats sedan föregående rapport."]),
    ]
    return Doc(f"{v}_smala_kolumner", producer(v), "Bilaga 2 till återrapportering 2022",
               HEAD_LO if lo else HEAD_WP, 1, blocks,
               body_font="Liberation Serif", body_pt=11)


def d_kostnader(v: str) -> Doc:
    """Borderless tables with the caption below (Tab. 4), tkr/mnkr amounts, notes set right after
    the citing paragraph (and one after a table for a cell marker)."""
    rng = random.Random("kostnader-" + v)
    lo = v == "lo"
    af_tilld, fk_tilld = 375600, 222400
    af_forv = jitter(rng, 318000, 0.03)
    af_rehab = jitter(rng, 21500, 0.1)
    af_akt = jitter(rng, 9800, 0.1)
    af_forb = af_forv + af_rehab + af_akt
    fk_forv = fk_tilld - rng.randint(0, 400)
    fk_forb = fk_forv
    cell_note = N("Varav 9 000 tkr avser en transaktion mellan myndigheterna som bokfördes först 2023.",
                  page=1, cited_page=1, placement="after-paragraph")
    rows = [
        ["Tilldelade medel", fi(af_tilld), fi(fk_tilld), fi(af_tilld + fk_tilld)],
        ["Förbrukade medel", fi(af_forb), fi(fk_forb), fi(af_forb + fk_forb)],
        [C("varav förvaltning", indent=1), fi(af_forv), fi(fk_forv), fi(af_forv + fk_forv)],
        [C("varav rehabiliteringsinsatser", indent=1), fi(af_rehab), "–", fi(af_rehab)],
        [C("varav aktivitetsstöd", indent=1), fi(af_akt), "–", fi(af_akt)],
        Row(["Återstående medel", C(fi(af_tilld - af_forb), note=cell_note), fi(fk_tilld - fk_forb),
             fi(af_tilld - af_forb + fk_tilld - fk_forb)], kind="total"),
    ]
    t1 = Table(label="4", caption="Tab. 4 Myndigheternas förbrukning av medel 2022", caption_pos="below",
               header=[["", "Arbetsförmedlingen", "Försäkringskassan", "Totalt"]], body=rows,
               widths=[56, 40, 38, 24], pages=[1], rules="none", font_pt=9.5, line=1.15, vpad_pt=1.5,
               notes=["Anm.: Belopp i tkr.", "Källa: Arbetsförmedlingen och Försäkringskassan"])
    yrs = [str(y) for y in range(2019, 2024)]
    af = [375.6, jitter(rng, 380, 0.02), jitter(rng, 384, 0.02), 375.6, jitter(rng, 390, 0.02)]
    fk = [222.4, jitter(rng, 225, 0.02), jitter(rng, 226, 0.02), 222.4, jitter(rng, 230, 0.02)]
    pr = [111.0, jitter(rng, 105, 0.05), jitter(rng, 102, 0.05), 102.0, jitter(rng, 98, 0.05)]
    t2 = Table(label="5", caption="Tab. 5 Tilldelade medel för det förstärkta samarbetet 2019–2023, mnkr",
               caption_pos="below" if lo else "above", header=[[""] + yrs],
               body=[["Arbetsförmedlingen, förvaltning"] + [fd(x) for x in af],
                     ["Försäkringskassan, förvaltning"] + [fd(x) for x in fk],
                     ["Rehabiliteringsinsatser och aktivitetsstöd"] + [fd(x) for x in pr],
                     Row(["Summa"] + [fd(a + b + c) for a, b, c in zip(af, fk, pr)], kind="total")],
               widths=[66] + [17] * 5, pages=[2] if lo else [1], rules="none" if lo else "horizontal",
               font_pt=9.5, line=1.15, vpad_pt=1.5, notes=["Källa: Regleringsbrev för respektive år"],
               hazards=["years-in-columns"])
    n1 = N("Förvaltningsmedlen finansierar handläggarnas arbete i samarbetet.", 1, 1, "after-paragraph")
    n2 = N("Se regleringsbrevet för budgetåret 2022 avseende anslag 1:6 inom utgiftsområde 10.", 1, 1, "after-paragraph")
    n4 = N("Avser främst en vakant tjänst inom it-förvaltningen.", 1 if not lo else 2, 1 if not lo else 2, "after-paragraph")
    blocks = [
        Heading(1, "5 Myndigheternas förbrukning av anslagna medel"),
        Para(["Samarbetet finansieras genom en särskild budget om 700 miljoner kronor på anslag 1:6", n2,
              ". Myndigheterna har fördelat medlen så att Arbetsförmedlingen tilldelades 375,6 miljoner "
              "kronor och Försäkringskassan 222,4 miljoner kronor i förvaltningsmedel", n1,
              ". Resterande 102,0 miljoner kronor avsåg köp av rehabiliteringsinsatser och aktivitetsstöd."]),
        Para([f"Under 2022 förbrukade myndigheterna cirka {fd((af_forb + fk_forb) / 1000)} miljoner kronor "
              "av de tilldelade medlen. Tab. 4 visar förbrukningen per myndighet."]),
        t1,
        Para(["Försäkringskassan förbrukade i stort sett hela sin tilldelning. Den mindre avvikelsen på "
              f"{fk_tilld - fk_forb} tusen kronor", n4, " återbetalas till statskassan."]),
        t2,
        Para(["Tilldelningen har varit i stort sett oförändrad under perioden. Medlen för köp av "
              "rehabiliteringsinsatser har minskat något sedan 2019."]),
    ]
    if lo:
        blocks.insert(4, PageBreak())
    return Doc(f"{v}_kostnader", producer(v), "Förbrukning av medel för det förstärkta samarbetet",
               HEAD_LO if lo else HEAD_WP, 2 if lo else 1, blocks,
               body_font="Liberation Sans" if lo else "Liberation Serif", body_pt=10 if lo else 11)


def d_aldersgrupper(v: str) -> Doc:
    """A wide single-spaced table: ten year columns set close together, group rows by sex."""
    rng = random.Random("alder-" + v)
    lo = v == "lo"
    yrs = [str(y) for y in range(2013, 2023)]
    ages = ["19–29 år", "30–39 år", "40–49 år", "50–59 år", "60–64 år"]
    body = []
    for grp, off in (("Kvinnor", 0.0), ("Män", 3.0), ("Samtliga", 1.4)):
        body.append(G(grp))
        for i, a in enumerate(ages):
            base = [47, 52, 55, 54, 41][i] + off
            cells = [fd(base + rng.uniform(-3.5, 3.5)) for _ in yrs]
            if a == "60–64 år" and grp != "Samtliga":
                cells[0] = ".."
            body.append([a] + cells)
        body.append(Row(["Totalt"] + [fd(51 + off + rng.uniform(-2, 2)) for _ in yrs], kind="total"))
    t = Table(label="3.2",
              caption="Tabell 3.2 Andel inskrivna hos Arbetsförmedlingen 90 dagar efter avslag på fortsatt sjukpenning, efter kön och ålder, procent, 2013–2022",
              caption_pos="above", header=[["Ålder"] + yrs], body=body,
              widths=[30] + [7.4] * 10, pages=[1], rules="grid" if lo else "horizontal", font_pt=8,
              line=1.0, pad_mm=0.3, vpad_pt=0.3,
              notes=["Källa: MiDAS", "Anm.: .. = uppgift saknas på grund av för få observationer."],
              hazards=["narrow-gap", "years-in-columns"])
    blocks = [
        Heading(1, "Bilaga 3 Inskrivna efter avslag"),
        Para(["Tabellen visar hur stor andel av dem som fått avslag på fortsatt sjukpenning som var "
              "inskrivna hos Arbetsförmedlingen 90 dagar efter avslaget. Andelen är högst i åldersgruppen "
              "40–59 år och har varit relativt stabil under perioden."]),
        t,
        Para(["Andelen inskrivna bland män är genomgående något högre än bland kvinnor. Skillnaden har "
              "minskat under de senaste tre åren."]),
    ]
    return Doc(f"{v}_aldersgrupper", producer(v), "Bilaga 3 till återrapportering 2022",
               HEAD_LO if lo else HEAD_WP, 1, blocks,
               body_font="Liberation Sans" if lo else "Liberation Serif", body_pt=10 if lo else 11)


DESIGNS = {}
for _v in ("lo", "wp"):
    for _f in (d_tabellbilaga, d_kapitel, d_layout, d_diagram, d_smala_kolumner, d_kostnader,
               d_aldersgrupper):
        DESIGNS[f"{_v}_{_f.__name__[2:]}"] = (lambda f=_f, v=_v: f(v))


if __name__ == "__main__":
    main()
