"""The corpus reports set in Word (.docx, agency house style) and exported to PDF by LibreOffice.

benchmarks/bench_pdf_facts.py scores these PDFs as the layout "libreoffice_docx", beside the
six layouts of our own renderer (tests/ingest/pdf_render.py). They stand for what an agency
publishes: a report written in Word and saved as PDF, not a PDF our renderer drew.

For each corpus report (corpus/*.txt; the three with tables and, so that the layout covers the
same documents as the others, the two without) the text version is read with
`ingest.reader.read_path` and set with python-docx as:

* A4, margins 25 mm; body Liberation Serif 11 pt (a Times-metric serif), headings Liberation Sans
  bold (Word heading styles, outline levels 1-3), a running head with the publishers at the top
  right and "n (N)" page numbers at the foot (PAGE / NUMPAGES fields);
* the title page paragraphs as they come, the first one set as a title; a table of contents with
  dot leaders and page numbers (static numbers: the text version has none);
* every table as a Word table in the agencies' borderless style: no borders at all except a
  single 0.75 pt rule under the last header row (per-cell OXML borders), Liberation Sans 9 pt
  (8 or 7 pt when the table is wide), header bold, header labels spanning the empty cells to
  their right in upper header rows merged, the stub column left-aligned and the figures
  right-aligned, header rows repeated on a new page, rows not split; a unit note that stands in
  no caption ("Belopp i tkr") as an italic row under the header, as in the source;
* the table's caption ABOVE the table as a paragraph (bold label, 9.5 pt, kept with the table;
  a caption that the source has elsewhere is moved above), its source line ("Källa: ...") below
  in 8.5 pt; captions of figures as caption paragraphs with room for the (absent) figure below;
  a "caption" block that is a sentence ("Figur 2 visar hur ...") as a body paragraph;
* list items as Word bullets (List Bullet style, the "- " of the text version dropped);
* real Word footnotes: a footnotes part (word/footnotes.xml) with a w:footnoteReference where the
  text version has its marker (paragraphs, headings, table cells), superscript. LibreOffice sets
  them at the foot of the page. Where the text version numbers its footnotes otherwise than 1..N
  in reading order (the SOU report restarts per chapter), every reference carries its printed
  number as a custom mark (w:customMarkFollows), as Word does for a restarted or hand-numbered
  note.

LibreOffice (`soffice --headless --convert-to pdf`, a throwaway profile) turns each .docx into
tests/data/corpus_docx/<doc id>.pdf, the ids of corpus/manifest.toml that the gold uses
(af-fk-2019, af-fk-2022, ...). /CreationDate, /ID and /DocChecksum are overwritten with fixed
values of the same length and the .docx zip gets fixed dates, so a rerun with the same
LibreOffice gives the same bytes. Made with LibreOffice 7.4.7.2 and python-docx 1.2.0.

Run from the repository root (needs `soffice` on PATH and python-docx in the venv; CI runs
neither this script nor LibreOffice, it only reads the committed PDFs):

    .venv/bin/python tests/data/corpus_docx/make_corpus_pdfs.py              # every report
    .venv/bin/python tests/data/corpus_docx/make_corpus_pdfs.py af-fk-2019   # one
    .venv/bin/python tests/data/corpus_docx/make_corpus_pdfs.py --keep-docx  # also keep the .docx

This script reads only the text reader's records (ingest.records, ingest.reader); it does not
use the PDF reader.
"""
from __future__ import annotations

import html
import io
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
sys.path.insert(0, str(ROOT))

from ingest.reader import read_path  # noqa: E402
from ingest.records import Block, Document, Table  # noqa: E402

W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

BODY_FONT, BODY_PT = "Liberation Serif", 11.0
SANS = "Liberation Sans"
TABLE_PT = 9.0
NOTE_PT = 8.0
TEXT_W_MM = 160.0

_NUMBER = re.compile(r"^[−–\-+]?\d{1,3}(?: \d{3})+(?:,\d+)?\s?%?$|^[−–\-+]?\d+(?:,\d+)?\s?%?$")
_LABEL = re.compile(r"^((?:Tabell|Figur|Diagram)\s+[A-Z]?\d+(?:\.\d+)?)([:,.]?)\s+(.*)$", re.S)


def is_number(s: str) -> bool:
    return bool(_NUMBER.match(s.strip()))


def same_caption(block_text: str, caption: str) -> bool:
    return bool(caption) and block_text.rstrip(" .") == caption.rstrip(" .")


def text_width_mm(s: str, pt: float, bold: bool = False) -> float:
    """A rough width of `s` in Liberation Sans (Arial metrics), in mm."""
    w = 0.0
    for ch in s:
        if ch.isdigit():
            w += 0.556
        elif ch in " .,:;'!|il":
            w += 0.278
        elif ch in "%mwMWÅÄÖ":
            w += 0.85
        elif ch.isupper():
            w += 0.68
        else:
            w += 0.52
    return w * pt * (1.1 if bold else 1.0) * 25.4 / 72


# ----------------------------------------------------------------------------------------
# The writer


class Writer:
    def __init__(self, doc: Document):
        import datetime as dt

        import docx
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.oxml import parse_xml
        from docx.oxml.ns import qn
        from docx.shared import Mm, Pt, RGBColor

        self.src = doc
        self.d = docx.Document()
        self.notes: list[tuple[int, str, str]] = []  # (xml id, printed mark or "", text)
        self.fn_by_number = {f.number: f for f in doc.footnotes}
        # the footnote a marker stands for: (block or cell id, number) -> Footnote (numbers restart in some reports)
        self.fn_at = {(ref, f.number): f for f in doc.footnotes for ref in f.marker_refs}
        self.custom_marks = not self._auto_numbering_matches()
        self.placed: set[str] = set()  # Footnote ids
        sec = self.d.sections[0]
        sec.page_width, sec.page_height = Mm(210), Mm(297)
        sec.left_margin = sec.right_margin = Mm(25)
        sec.top_margin, sec.bottom_margin = Mm(25), Mm(22)
        sec.header_distance, sec.footer_distance = Mm(12), Mm(10)
        normal = self.d.styles["Normal"]
        normal.font.name = BODY_FONT
        normal.font.size = Pt(BODY_PT)
        rf = normal.element.get_or_add_rPr().find(qn("w:rFonts"))
        for a in ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme"):
            rf.attrib.pop(qn(a), None)
        rf.set(qn("w:cs"), BODY_FONT)
        rf.set(qn("w:eastAsia"), BODY_FONT)
        for level, size in ((1, 16), (2, 13), (3, 11.5)):
            st = self.d.styles[f"Heading {level}"]
            st.font.name = SANS
            st.font.size = Pt(size)
            st.font.bold = True
            st.font.italic = False
            st.font.color.rgb = RGBColor(0, 0, 0)
            srf = st.element.get_or_add_rPr().find(qn("w:rFonts"))
            for a in ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme"):
                srf.attrib.pop(qn(a), None)
            srf.set(qn("w:cs"), SANS)
            pf = st.paragraph_format
            pf.space_before = Pt(16 if level == 1 else 12)
            pf.space_after = Pt(6)
            pf.keep_with_next = True
        # Word's own footnote styles: the reference (in the text and before the note) superscript,
        # the note text small
        from docx.enum.style import WD_STYLE_TYPE

        ref_style = self.d.styles.add_style("footnote reference", WD_STYLE_TYPE.CHARACTER)
        ref_style.element.set(qn("w:styleId"), "FootnoteReference")
        ref_style.font.superscript = True
        note_style = self.d.styles.add_style("footnote text", WD_STYLE_TYPE.PARAGRAPH)
        note_style.element.set(qn("w:styleId"), "FootnoteText")
        note_style.base_style = normal
        note_style.font.size = Pt(NOTE_PT)
        note_style.paragraph_format.space_after = Pt(1)
        note_style.paragraph_format.line_spacing = 1.0
        cp = self.d.core_properties
        when = dt.datetime(2024, 1, 1, 0, 0, 0)
        cp.author = cp.last_modified_by = "rapportkoll corpus_docx"
        cp.title = doc.metadata.title or doc.id
        cp.created = cp.modified = when
        cp.revision = 1
        # running head (publishers) and "n (N)" at the foot
        hp = sec.header.paragraphs[0]
        hp.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        self.run(hp, " och ".join(doc.metadata.publishers) or doc.id, size=8, font=SANS)
        fp = sec.footer.paragraphs[0]
        fp.alignment = WD_ALIGN_PARAGRAPH.CENTER
        for part in ("PAGE", " (", "NUMPAGES", ")"):
            if part in ("PAGE", "NUMPAGES"):
                fp._p.append(parse_xml(
                    f'<w:fldSimple {W_NS} w:instr="{part}"><w:r><w:rPr><w:rFonts w:ascii="{SANS}" '
                    f'w:hAnsi="{SANS}"/><w:sz w:val="18"/></w:rPr><w:t>1</w:t></w:r></w:fldSimple>'))
            else:
                self.run(fp, part, size=9, font=SANS)

    def _auto_numbering_matches(self) -> bool:
        """Whether Word's own numbering (1..N in order of the references) prints the numbers
        the text version has."""
        order = [n for _, n in self.marker_order()]
        return order == list(range(1, len(order) + 1))

    def marker_order(self) -> list[tuple[float, int]]:
        out = []
        for fn in self.src.footnotes:
            for ref in fn.marker_refs:
                out.append((self._ref_pos(ref, fn.number), fn.number))
        return sorted(out)

    def _ref_pos(self, ref: str, number: int) -> float:
        for b in self.src.blocks:
            if b.id == ref:
                off = next((r.offset for r in b.footnote_refs if r.number == number), 0)
                return (b.line_start or 0) + off / 1e5
        for t in self.src.tables:
            if ref.startswith(t.id + ":"):
                m = re.search(r":r(\d+)c(\d+)$", ref)
                r = int(m.group(1)) if m else 0
                return (t.line_start or 0) + r / 100
        return 1e9

    # -- low level -------------------------------------------------------------------------
    def run(self, p, text, size=None, bold=False, font=None, sup=False, italic=False):
        from docx.oxml.ns import qn
        from docx.shared import Pt

        r = p.add_run(text)
        f = r.font
        font = font or BODY_FONT
        f.name = font
        rf = r._r.get_or_add_rPr().find(qn("w:rFonts"))
        rf.set(qn("w:cs"), font)
        rf.set(qn("w:eastAsia"), font)
        f.size = Pt(size or BODY_PT)
        if bold:
            f.bold = True
        if italic:
            f.italic = True
        if sup:
            f.superscript = True
        return r

    def para(self, style=None, space_before=0.0, space_after=6.0, keep_next=False, line=1.1, align=None):
        from docx.shared import Pt

        p = self.d.add_paragraph(style=style)
        pf = p.paragraph_format
        pf.space_before = Pt(space_before)
        pf.space_after = Pt(space_after)
        pf.line_spacing = line
        pf.keep_with_next = keep_next
        pf.widow_control = True
        if align is not None:
            p.alignment = align
        return p

    def marker(self, p, number: int, where: str, size=None, font=None):
        """A footnote reference (a real Word footnote) for the text version's footnote `number`
        cited in the block or cell `where`."""
        from docx.oxml import parse_xml

        fn = self.fn_at.get((where, number))
        if fn is None or fn.id in self.placed:
            self.run(p, str(number), size=size, font=font, sup=True)  # a second citation: a plain mark
            return
        self.placed.add(fn.id)
        xml_id = len(self.notes) + 1
        self.notes.append((xml_id, str(number) if self.custom_marks else "", fn.text))
        r = self.run(p, "", size=size, font=font, sup=True)
        r.style = self.d.styles["footnote reference"]
        if r._r.find(W + "t") is not None:
            r._r.remove(r._r.find(W + "t"))
        if self.custom_marks:
            r._r.append(parse_xml(f'<w:footnoteReference {W_NS} w:customMarkFollows="1" w:id="{xml_id}"/>'))
            r._r.append(parse_xml(f'<w:t {W_NS}>{number}</w:t>'))
        else:
            r._r.append(parse_xml(f'<w:footnoteReference {W_NS} w:id="{xml_id}"/>'))

    def inline(self, p, text: str, refs, where: str = "", size=None, bold=False, font=None, italic=False):
        """`text` with the footnote markers at their offsets."""
        pos = 0
        for off, number in sorted((min(max(r.offset, 0), len(text)), r.number) for r in refs):
            if off > pos:
                self.run(p, text[pos:off], size=size, bold=bold, font=font, italic=italic)
            pos = max(pos, off)
            self.marker(p, number, where, size=size, font=font)
        if pos < len(text) or not text:
            self.run(p, text[pos:], size=size, bold=bold, font=font, italic=italic)

    # -- blocks ----------------------------------------------------------------------------
    def title(self, b: Block):
        p = self.para(space_before=60, space_after=18, line=1.0)
        self.inline(p, b.text, b.footnote_refs, b.id, size=22, bold=True, font=SANS)

    def heading(self, b: Block, page_break: bool):
        level = min(len(b.section), 2) + 1
        p = self.para(style=f"Heading {level}", space_before=16 if level == 1 else 12, keep_next=True, line=1.0)
        p.paragraph_format.page_break_before = page_break
        self.inline(p, b.text, b.footnote_refs, b.id, size={1: 16, 2: 13, 3: 11.5}[level], bold=True, font=SANS)

    def paragraph(self, b: Block):
        p = self.para(space_after=6, line=1.15)
        self.inline(p, b.text, b.footnote_refs, b.id)

    def list_item(self, b: Block):
        from docx.shared import Mm

        m = re.match(r"^\s*(?:[-–•*·]|\d+[.)])\s+", b.text)
        cut = m.end() if m else 0
        p = self.para(style="List Bullet", space_after=3, line=1.15)
        p.paragraph_format.left_indent = Mm(7)
        p.paragraph_format.first_line_indent = Mm(-5)
        refs = [type(r)(r.number, max(0, r.offset - cut)) for r in b.footnote_refs]
        self.inline(p, b.text[cut:], refs, b.id)

    def toc(self, b: Block, page_no: int):
        from docx.enum.text import WD_TAB_ALIGNMENT, WD_TAB_LEADER
        from docx.shared import Mm

        sub = not re.match(r"^(\d+\.?\s|Sammanfattning|Bilaga|Förord|Referenser|Inledning)", b.text)
        p = self.para(space_after=3, line=1.1)
        p.paragraph_format.left_indent = Mm(6 if sub else 0)
        p.paragraph_format.tab_stops.add_tab_stop(Mm(TEXT_W_MM), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)
        self.run(p, f"{b.text}\t{page_no}")

    def caption(self, text: str, refs=(), above=True, figure=False, where=""):
        p = self.para(space_before=10, space_after=(40 if figure else 4), keep_next=above and not figure, line=1.0)
        m = _LABEL.match(text)
        if m and not refs:
            self.run(p, m.group(1) + m.group(2), size=9.5, bold=True, font=SANS)
            self.run(p, " " + m.group(3), size=9.5, font=SANS)
        else:
            self.inline(p, text, refs, where, size=9.5, font=SANS)

    def source_note(self, b: Block):
        p = self.para(space_before=2, space_after=10, line=1.0)
        self.inline(p, b.text, b.footnote_refs, b.id, size=8.5, font=SANS)

    # -- tables ----------------------------------------------------------------------------
    def table(self, t: Table, caption: Block | None, source: Block | None):
        from docx.enum.table import WD_TABLE_ALIGNMENT
        from docx.enum.text import WD_ALIGN_PARAGRAPH as AL
        from docx.oxml import parse_xml
        from docx.shared import Mm, Pt

        if caption is not None:
            self.caption(caption.text, caption.footnote_refs, above=True, where=caption.id)
        elif t.caption:
            self.caption(t.caption, above=True)
        rows = [list(r) for r in t.rows]
        hr = max(1, min(t.header_rows, len(rows)))
        ncols = t.n_cols
        markers: dict[tuple[int, int], list[int]] = {}
        for fn in self.src.footnotes:
            for ref in fn.marker_refs:
                m = re.match(re.escape(t.id) + r":r(\d+)c(\d+)$", ref)
                if m:
                    markers.setdefault((int(m.group(1)), int(m.group(2))), []).append(fn.number)
        unit_row = bool(t.unit_note) and t.unit_note.lower() not in (t.caption or "").lower()
        # spans: a label in an upper header row covers the empty cells to its right
        spans: dict[tuple[int, int], int] = {}
        for r in range(hr - 1):
            for c in range(1, ncols):
                if rows[r][c]:
                    k = 1
                    while c + k < ncols and not rows[r][c + k]:
                        k += 1
                    if k > 1:
                        spans[(r, c)] = k
        # font size and column widths
        size = TABLE_PT
        while True:
            need = []
            for c in range(ncols):
                w = 6.0
                for r, row in enumerate(rows):
                    if (r, c) in spans or not row[c]:
                        continue
                    if r >= hr and is_number(row[c]):
                        w = max(w, text_width_mm(row[c], size) + 1.5)
                    else:
                        longest = max((text_width_mm(x, size, r < hr) for x in row[c].split()), default=0)
                        w = max(w, longest + 1.0)
                need.append(w + 2.2)
            if sum(need) <= TEXT_W_MM or size <= 7.0:
                break
            size -= 1.0
        pref = []
        for c in range(ncols):
            full = max((text_width_mm(row[c], size, r < hr) for r, row in enumerate(rows)
                        if row[c] and (r, c) not in spans), default=0) + 2.2
            pref.append(max(need[c], min(full, 70.0 if c == 0 else 28.0)))
        widths = list(pref)
        if sum(widths) > TEXT_W_MM:
            slack = [w - n for w, n in zip(widths, need)]
            over = sum(widths) - TEXT_W_MM
            tot = sum(slack) or 1.0
            widths = [w - over * s / tot for w, s in zip(widths, slack)]
        elif ncols > 1:
            # numeric columns of an agency table are set evenly; the stub keeps what it needs
            extra = TEXT_W_MM - sum(widths)
            widths[0] += min(extra, 30.0)
        widths = [max(w, 5.0) for w in widths]
        # a spanning header label needs its columns together to be as wide as its longest word
        for (r, c), k in spans.items():
            want = max(text_width_mm(x, size, True) for x in rows[r][c].split()) + 2.4
            have = sum(widths[c:c + k])
            if want > have:
                for i in range(c, c + k):
                    widths[i] += (want - have) / k
        if sum(widths) > TEXT_W_MM:
            widths = [w * TEXT_W_MM / sum(widths) for w in widths]

        nrows = len(rows) + (1 if unit_row else 0)
        tb = self.d.add_table(rows=nrows, cols=ncols)
        tb.alignment = WD_TABLE_ALIGNMENT.LEFT
        tbl = tb._tbl
        tblPr = tbl.tblPr
        for el in list(tblPr):
            if el.tag.endswith("}tblStyle"):
                tblPr.remove(el)
        tw = lambda mm: int(round(mm / 25.4 * 1440))  # noqa: E731  twips
        edges = "".join(f'<w:{e} w:val="nil"/>' for e in ("top", "left", "bottom", "right", "insideH", "insideV"))
        for xml in (
            f'<w:tblW {W_NS} w:w="{tw(sum(widths))}" w:type="dxa"/>',
            f'<w:tblInd {W_NS} w:w="0" w:type="dxa"/>',
            f"<w:tblBorders {W_NS}>{edges}</w:tblBorders>",
            f'<w:tblLayout {W_NS} w:type="fixed"/>',
            f'<w:tblCellMar {W_NS}><w:top w:w="20" w:type="dxa"/><w:left w:w="{tw(1.1)}" w:type="dxa"/>'
            f'<w:bottom w:w="20" w:type="dxa"/><w:right w:w="{tw(1.1)}" w:type="dxa"/></w:tblCellMar>',
        ):
            el = parse_xml(xml)
            for old in tblPr.findall(el.tag):
                tblPr.remove(old)
            tblPr.append(el)
        for gc, w in zip(tbl.tblGrid.findall(W + "gridCol"), widths):
            gc.set(W + "w", str(tw(w)))
        for r in range(nrows):
            for c in range(ncols):
                tb.cell(r, c).width = Mm(widths[c])
        phys = lambda r: r + (1 if unit_row and r >= hr else 0)  # noqa: E731
        for (r, c), k in spans.items():
            tb.cell(phys(r), c).merge(tb.cell(phys(r), c + k - 1))
        numeric_col = []
        for c in range(ncols):
            vals = [row[c] for row in rows[hr:] if row[c]]
            numeric_col.append(bool(vals) and sum(is_number(v) for v in vals) >= len(vals) / 2)

        def cell_par(cell, align):
            p = cell.paragraphs[0]
            pf = p.paragraph_format
            pf.space_before = Pt(1)
            pf.space_after = Pt(1)
            pf.line_spacing = 1.0
            p.alignment = align
            # the paragraph mark's size sets the height of an empty cell
            p._p.get_or_add_pPr().append(parse_xml(
                f'<w:rPr {W_NS}><w:rFonts w:ascii="{SANS}" w:hAnsi="{SANS}" w:cs="{SANS}"/>'
                f'<w:sz w:val="{int(round(size * 2))}"/></w:rPr>'))
            return p

        for pr in range(nrows):
            trPr = tb.rows[pr]._tr.get_or_add_trPr()
            trPr.append(parse_xml(f"<w:cantSplit {W_NS}/>"))
            if pr < hr:
                trPr.append(parse_xml(f"<w:tblHeader {W_NS}/>"))
        covered = {(r, c0 + i) for (r, c0), k in spans.items() for i in range(1, k)}
        for r, row in enumerate(rows):
            is_header = r < hr
            for c in range(ncols):
                if (r, c) in covered:
                    continue
                cell = tb.cell(phys(r), c)
                if is_header:
                    align = AL.CENTER if (r, c) in spans else (AL.RIGHT if c > 0 and numeric_col[c] else AL.LEFT)
                else:
                    align = AL.RIGHT if c > 0 and (is_number(row[c]) or numeric_col[c]) else AL.LEFT
                p = cell_par(cell, align)
                refs = [type("R", (), {"number": n, "offset": len(row[c])})() for n in markers.get((r, c), [])]
                if row[c] or refs:
                    self.inline(p, row[c], refs, f"{t.id}:r{r}c{c}", size=size, bold=is_header, font=SANS)
                borders = {}
                if is_header and r == hr - 1:
                    borders["bottom"] = 6
                if borders:
                    tcPr = cell._tc.get_or_add_tcPr()
                    x = "".join(f'<w:{e} w:val="single" w:sz="{s}" w:space="0" w:color="000000"/>'
                                for e, s in borders.items())
                    tcPr.append(parse_xml(f"<w:tcBorders {W_NS}>{x}</w:tcBorders>"))
        if unit_row:
            for c in range(1, ncols):
                cell_par(tb.cell(hr, c), AL.LEFT)
            p = cell_par(tb.cell(hr, 0), AL.LEFT)
            self.run(p, t.unit_note[:1].upper() + t.unit_note[1:], size=size, italic=True, font=SANS)
        if source is not None:
            self.source_note(source)
        else:
            self.para(space_after=6, line=1.0)

    # -- footnotes part and saving ---------------------------------------------------------
    def footnotes_part(self):
        from docx.opc.constants import RELATIONSHIP_TYPE as RT
        from docx.opc.packuri import PackURI
        from docx.opc.part import Part

        if not self.notes:
            return
        f = BODY_FONT
        rpr = f'<w:rFonts w:ascii="{f}" w:hAnsi="{f}" w:cs="{f}"/><w:sz w:val="{int(NOTE_PT * 2)}"/>'
        body = []
        for xml_id, mark, text in self.notes:
            # LibreOffice prints a custom mark in the note itself (as its label), so the note's
            # text carries no second copy of it
            ref = "" if mark else (f'<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/>{rpr}'
                                   f'<w:vertAlign w:val="superscript"/></w:rPr><w:footnoteRef/></w:r>')

            body.append(
                f'<w:footnote w:id="{xml_id}"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/><w:spacing w:before="0" w:after="20" w:line="240" '
                f'w:lineRule="auto"/><w:rPr>{rpr}</w:rPr></w:pPr>{ref}<w:r><w:rPr>{rpr}</w:rPr>'
                f'<w:t xml:space="preserve"> {html.escape(text, quote=False)}</w:t></w:r></w:p></w:footnote>')
        xml = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:footnotes {W_NS}>'
               '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
               '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/>'
               f"</w:r></w:p></w:footnote>{''.join(body)}</w:footnotes>")
        part = Part(PackURI("/word/footnotes.xml"),
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
                    xml.encode("utf-8"), self.d.part.package)
        self.d.part.relate_to(part, RT.FOOTNOTES)

    def save(self, path: Path) -> None:
        self.footnotes_part()
        buf = io.BytesIO()
        self.d.save(buf)
        src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
            for info in sorted(src.infolist(), key=lambda i: (i.filename != "[Content_Types].xml", i.filename)):
                zi = zipfile.ZipInfo(info.filename, date_time=(2024, 1, 1, 0, 0, 0))
                zi.compress_type = zipfile.ZIP_DEFLATED
                dst.writestr(zi, src.read(info.filename))


# ----------------------------------------------------------------------------------------
# Laying out one document


def flow(doc: Document) -> list[tuple[str, object]]:
    """Blocks and tables in reading order, by the source line they start on."""
    items = [(b.line_start or 0, 0, "block", b) for b in doc.blocks]
    items += [((t.line_start or 0) - 0.5, 1, "table", t) for t in doc.tables]
    return [(kind, obj) for _, _, kind, obj in sorted(items, key=lambda x: (x[0], x[1]))]


def build_docx(doc: Document, out: Path) -> dict:
    w = Writer(doc)
    items = flow(doc)
    caption_of: dict[int, int] = {}  # table item -> caption block item
    source_of: dict[int, int] = {}
    used: set[int] = set()
    for i, (kind, obj) in enumerate(items):
        if kind != "table":
            continue
        for j in list(range(i - 1, max(-1, i - 5), -1)) + list(range(i + 1, min(len(items), i + 4))):
            k, b = items[j]
            if k == "block" and b.kind == "caption" and j not in used and same_caption(b.text, obj.caption):
                caption_of[i] = j
                used.add(j)
                break
        for j in range(i + 1, min(len(items), i + 4)):
            k, b = items[j]
            if k == "block" and b.kind == "source_note" and j not in used and obj.source_note \
                    and b.text.strip() == obj.source_note.strip():
                source_of[i] = j
                used.add(j)
                break
    stats = {"tables": 0, "footnotes": 0, "captions moved": 0}
    toc_page = 3
    seen_toc = False
    first_heading_after_toc = True
    for i, (kind, obj) in enumerate(items):
        if i in used:
            continue
        if kind == "table":
            cap = caption_of.get(i)
            if cap is not None and cap > i:
                stats["captions moved"] += 1
            w.table(obj, items[cap][1] if cap is not None else None,
                    items[source_of[i]][1] if i in source_of else None)
            stats["tables"] += 1
            continue
        b: Block = obj
        if b.order == 0 and b.kind in ("paragraph", "heading"):
            w.title(b)
        elif b.kind == "heading":
            brk = b.text.startswith("Innehåll") or (seen_toc and first_heading_after_toc)
            if seen_toc and first_heading_after_toc and not b.text.startswith("Innehåll"):
                first_heading_after_toc = False
            w.heading(b, brk)
        elif b.kind == "toc":
            seen_toc = True
            w.toc(b, toc_page)
            toc_page += 1 if toc_page < 40 else 0
        elif b.kind == "list_item":
            w.list_item(b)
        elif b.kind == "caption":
            m = _LABEL.match(b.text)
            if m and m.group(3)[:1].isupper() and len(b.text) < 260:
                w.caption(b.text, b.footnote_refs, above=False, where=b.id, figure=not b.text.startswith("Tabell"))
            else:
                w.paragraph(b)
        elif b.kind == "source_note":
            w.source_note(b)
        else:
            w.paragraph(b)
    missing = [fn for fn in doc.footnotes if fn.id not in w.placed]
    for fn in missing:  # a footnote whose marker the text version does not print: after the text
        p = w.para(space_after=4, line=1.0)
        w.run(p, str(fn.number), size=NOTE_PT, sup=True)
        w.run(p, " " + fn.text, size=NOTE_PT)
    stats["footnotes"] = len(w.notes)
    stats["unplaced footnotes"] = len(missing)
    stats["custom marks"] = w.custom_marks
    w.save(out)
    return stats


def to_pdf(docx_path: Path, out_pdf: Path) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        sys.exit("soffice not found: apt-get install -y libreoffice-writer-nogui")
    with tempfile.TemporaryDirectory() as tmp:
        profile = Path(tmp) / "profile"
        subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless",
                        "--convert-to", "pdf", "--outdir", tmp, str(docx_path)],
                       check=True, capture_output=True, timeout=300)
        data = (Path(tmp) / (docx_path.stem + ".pdf")).read_bytes()
    data = re.sub(rb"/CreationDate\(D:\d{14}[^)]*\)",
                  lambda m: b"/CreationDate(D:20240101000000Z" + b"'" * (len(m.group(0)) - 32) + b")"
                  if len(m.group(0)) >= 32 else m.group(0), data)
    data = re.sub(rb"/ID \[ <([0-9A-Fa-f]+)>(\s*)<([0-9A-Fa-f]+)> \]",
                  lambda m: b"/ID [ <" + b"0" * len(m.group(1)) + b">" + m.group(2) + b"<"
                  + b"0" * len(m.group(3)) + b"> ]", data)
    data = re.sub(rb"/DocChecksum /([0-9A-Fa-f]+)", lambda m: b"/DocChecksum /" + b"0" * len(m.group(1)), data)
    out_pdf.write_bytes(data)


def main(argv=None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    keep = "--keep-docx" in args
    names = [a for a in args if not a.startswith("--")]
    for path in sorted((ROOT / "corpus").glob("*.txt")):
        doc = read_path(path)
        if not isinstance(doc, Document):
            print(f"{path.name}: {doc.reason}: {doc.message}", file=sys.stderr)
            continue
        if names and doc.id not in names:
            continue
        out_docx = HERE / f"{doc.id}.docx"
        stats = build_docx(doc, out_docx)
        pdf = HERE / f"{doc.id}.pdf"
        to_pdf(out_docx, pdf)
        if not keep:
            out_docx.unlink()
        print(f"{doc.id}: {pdf.stat().st_size // 1024} KB; {stats}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
