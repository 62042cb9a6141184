"""Render a Document (as the text reader produces it) to a real PDF, in several layouts.

The PDF tests and the ingestion benchmark need PDFs whose every table cell and footnote is
known: these are the corpus text versions, set as an A4 report would be. Each `Layout` is
one way real reports print the same content:

- ruled:          tables with a full grid of rules; a plain page number ("7") in the footer
- borderless:     tables with only a rule under the header; footer "7 (24)"
- running:        no rules at all in tables, a running header and footer ("Sida 7") on
                  every page, thousands gaps set by positioning instead of a space glyph
- split_repeat:   every longer table breaks over a page, its header row printed again
- split_ruled:    the same with ruled tables
- split_plain:    rule-less tables broken over a page, header not repeated, running header

Tables also break where they happen to meet the foot of a page, header not repeated, so
every table style is read both ways.

Footnotes always sit at the foot of the page where their first marker is, with superscript
markers in the text and in table cells. The font is DejaVu Sans as shipped inside
matplotlib, so a clean CI machine has it without system fonts.

Write the PDFs out for a look: `python tests/ingest/pdf_render.py OUTDIR [DOC_ID ...]` (or
`python -m tests.ingest.pdf_render OUTDIR` once tests/ is a package: the venv holds another
package named `tests`, from spylls, which shadows a namespace package).
"""
from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Optional, Sequence

from ingest.records import Block, Document, Table

PAGE_W, PAGE_H = 595.28, 841.89  # A4 in points
LEFT, RIGHT = 70.0, 525.28
BODY_TOP, BODY_BOTTOM = 78.0, 768.0
BODY_W = RIGHT - LEFT

BODY_SIZE, BODY_LEADING = 10.0, 13.0
TABLE_SIZE = 8.5
NOTE_SIZE, NOTE_LEADING = 8.0, 9.8
MARGIN_SIZE = 8.0
HEADING_SIZES = {0: 16.0, 1: 14.0, 2: 11.5}
SUPER_RATIO, SUPER_RISE = 0.6, 0.36
CELL_PAD_X, CELL_PAD_Y = 4.0, 2.6

_NUMBER = re.compile(r"^[−–\-+]?\d{1,3}(?: \d{3})+(?:,\d+)?%?$|^[−–\-+]?\d+(?:,\d+)?\s?%?$")
_THOUSANDS = re.compile(r"(?<![\d,])\d{1,3}(?: \d{3})+(?![\d])")
_HYPHENATABLE = re.compile(r"^[a-zåäöéü]{10,}$")
# words that follow a suspended hyphen ("hälso- och sjukvården"); never split before them
_CONJUNCTIONS = ("och", "eller", "samt", "respektive", "till", "som", "resp")


@dataclass(frozen=True)
class Layout:
    name: str
    table_style: str  # ruled | header_rule | plain
    running_header: bool = False
    page_label: str = "{n}"  # format of the printed page number
    split_tables: bool = False
    repeat_header: bool = False
    positioned_gaps: bool = False  # "8 662" as two glyph runs 2.2 pt apart, no space glyph


LAYOUTS: dict[str, Layout] = {
    "ruled": Layout("ruled", "ruled", page_label="{n}"),
    "borderless": Layout("borderless", "header_rule", page_label="{n} ({total})"),
    "running": Layout("running", "plain", running_header=True, page_label="Sida {n}", positioned_gaps=True),
    "split_repeat": Layout("split_repeat", "header_rule", running_header=True, page_label="{n} ({total})",
                           split_tables=True, repeat_header=True),
    "split_ruled": Layout("split_ruled", "ruled", page_label="{n}", split_tables=True, repeat_header=True),
    "split_plain": Layout("split_plain", "plain", running_header=True, page_label="Sida {n}", split_tables=True,
                          positioned_gaps=True),
}


def font_dir() -> Path:
    """DejaVu Sans from matplotlib's package data: it covers å ä ö, − and superscripts."""
    import matplotlib

    return Path(matplotlib.__file__).parent / "mpl-data" / "fonts" / "ttf"


# ----------------------------------------------------------------------------------------
# What the renderer knows about the content: runs of text with footnote markers


@dataclass(frozen=True)
class Piece:
    text: str
    sup: bool = False  # a footnote marker


Token = tuple[Piece, ...]  # one word as printed, possibly with a marker inside or after it


def tokens_with_markers(text: str, refs: Sequence[tuple[int, int]], keep_numbers: bool) -> list[Token]:
    """Split `text` into words and put each marker back where it stood (offset in `text`)."""
    text = text.replace("\t", " ")
    marks: dict[int, list[int]] = {}
    for number, offset in refs:
        marks.setdefault(min(max(offset, 0), len(text)), []).append(number)
    spans = []  # (start, end) of words, optionally joining "8 662" into one word
    if keep_numbers:
        protected = [(m.start(), m.end()) for m in _THOUSANDS.finditer(text)]
    else:
        protected = []
    i, n = 0, len(text)
    while i < n:
        if text[i] == " ":
            i += 1
            continue
        j = i
        while j < n and text[j] != " ":
            j += 1
        for a, b in protected:
            if a <= i < b and j < b:
                j = b
                while j < n and text[j] != " ":
                    j += 1  # the rest of the word after the grouped digits: "31 208,4", "1 222,5%"
        spans.append((i, j))
        i = j
    tokens: list[Token] = []
    for a, b in spans:
        pieces: list[Piece] = []
        cut = a
        for pos in sorted(p for p in marks if a < p <= b or (p == a == 0)):
            if pos > cut:
                pieces.append(Piece(text[cut:pos]))
            pieces.append(Piece(",".join(str(x) for x in marks[pos]), sup=True))
            cut = pos
        if cut < b:
            pieces.append(Piece(text[cut:b]))
        tokens.append(tuple(pieces))
    # markers after trailing spaces (offset == len(text) after a strip) go on the last word
    for pos in marks:
        if pos > 0 and all(not (a < pos <= b) for a, b in spans) and tokens and pos >= spans[-1][1]:
            tokens[-1] = tokens[-1] + (Piece(",".join(str(x) for x in marks[pos]), sup=True),)
    return tokens


# ----------------------------------------------------------------------------------------
# The page engine


@dataclass
class PendingNote:
    number: int
    lines: list[list[Token]]
    height: float


class Writer:
    """Places text on A4 pages top to bottom, reserving room for footnotes at the foot."""

    def __init__(self, doc: Document, layout: Layout):
        from fpdf import FPDF

        self.doc = doc
        self.layout = layout
        self.pdf = FPDF(unit="pt", format="A4")
        self.pdf.set_auto_page_break(False)
        self.pdf.set_compression(True)
        fonts = font_dir()
        self.pdf.add_font("DejaVu", "", str(fonts / "DejaVuSans.ttf"))
        self.pdf.add_font("DejaVu", "B", str(fonts / "DejaVuSans-Bold.ttf"))
        self.footnotes = {f.number: f for f in doc.footnotes}
        self.placed_notes: set[int] = set()
        self.page_notes: list[PendingNote] = []
        self.notes_height = 0.0
        self.y = BODY_TOP
        self.page = 0
        self._style = ("", 0.0)
        self._widths: dict[tuple[str, float, str], float] = {}
        self.labels: list[str] = []
        self.new_page()

    # -- fonts and measuring

    def font(self, bold: bool, size: float) -> None:
        style = ("B" if bold else "", size)
        if style != self._style:
            self.pdf.set_font("DejaVu", style[0], size)
            self._style = style

    def width(self, text: str, bold: bool, size: float) -> float:
        key = ("B" if bold else "", size, text)
        w = self._widths.get(key)
        if w is None:
            self.font(bold, size)
            w = self._widths[key] = self.pdf.get_string_width(text)
        return w

    def token_width(self, token: Token, bold: bool, size: float) -> float:
        total = 0.0
        for p in token:
            if p.sup:
                total += self.width(p.text, False, size * SUPER_RATIO) + 0.4
            elif self.layout.positioned_gaps and _THOUSANDS.fullmatch(p.text.strip(".,;:()%")):
                total += sum(self.width(g, bold, size) for g in p.text.split(" ")) + 2.2 * p.text.count(" ")
            else:
                total += self.width(p.text, bold, size)
        return total

    def draw_token(self, x: float, baseline: float, token: Token, bold: bool, size: float) -> float:
        for p in token:
            if p.sup:
                s = size * SUPER_RATIO
                self.font(False, s)
                self.pdf.text(x + 0.4, baseline - SUPER_RISE * size, p.text)
                x += self.width(p.text, False, s) + 0.4
            elif self.layout.positioned_gaps and " " in p.text:
                for k, group in enumerate(p.text.split(" ")):
                    if k:
                        x += 2.2
                    self.font(bold, size)
                    self.pdf.text(x, baseline, group)
                    x += self.width(group, bold, size)
            else:
                self.font(bold, size)
                self.pdf.text(x, baseline, p.text)
                x += self.width(p.text, bold, size)
        return x

    def draw_line(self, x: float, baseline: float, tokens: Sequence[Token], bold: bool, size: float) -> None:
        space = self.width(" ", bold, size)
        for k, t in enumerate(tokens):
            x = self.draw_token(x, baseline, t, bold, size) + (space if k < len(tokens) - 1 else 0)

    def wrap(self, tokens: Sequence[Token], width: float, bold: bool, size: float, hyphenate: bool) -> list[list[Token]]:
        """Greedy line breaking; a long lowercase word at the end may be hyphenated."""
        space = self.width(" ", bold, size)
        lines: list[list[Token]] = [[]]
        used = 0.0
        queue = list(tokens)
        while queue:
            t = queue.pop(0)
            w = self.token_width(t, bold, size)
            need = w if not lines[-1] else used + space + w
            if need <= width or not lines[-1]:
                lines[-1].append(t)
                used = need
                continue
            room = width - used - space
            split = self._hyphen_split(t, room, bold, size) if hyphenate else None
            if split:
                lines[-1].append(split[0])
                queue.insert(0, split[1])
            else:
                queue.insert(0, t)
            lines.append([])
            used = 0.0
        return [l for l in lines if l]

    def _hyphen_split(self, token: Token, room: float, bold: bool, size: float) -> Optional[tuple[Token, Token]]:
        if len(token) != 1 or token[0].sup or not _HYPHENATABLE.match(token[0].text):
            return None
        word = token[0].text
        for cut in range(len(word) - 4, 4, -1):
            head, tail = word[:cut] + "-", word[cut:]
            if tail in _CONJUNCTIONS:
                continue
            if self.width(head, bold, size) <= room:
                return (Piece(head),), (Piece(tail),)
        return None

    # -- pages, margins, footnotes

    @property
    def bottom(self) -> float:
        return BODY_BOTTOM - self.notes_height

    def new_page(self) -> None:
        if self.page:
            self.finish_page()
        self.pdf.add_page()
        self.page += 1
        self.y = BODY_TOP
        self.page_notes = []
        self.notes_height = 0.0

    def finish_page(self) -> None:
        """Footnotes at the foot, then the running header and footer."""
        if self.page_notes:
            y = BODY_BOTTOM - sum(n.height for n in self.page_notes) + 4.0
            self.pdf.set_line_width(0.5)
            self.pdf.line(LEFT, y - 6.0, LEFT + 0.3 * BODY_W, y - 6.0)
            for note in self.page_notes:
                for k, line in enumerate(note.lines):
                    baseline = y + NOTE_SIZE * 0.76
                    if k == 0:
                        self.font(False, NOTE_SIZE * SUPER_RATIO)
                        self.pdf.text(LEFT, baseline - SUPER_RISE * NOTE_SIZE, str(note.number))
                    self.draw_line(LEFT + 9.0, baseline, line, False, NOTE_SIZE)
                    y += NOTE_LEADING
                y += 2.0
        self.font(False, MARGIN_SIZE)
        if self.layout.running_header:
            title = self.doc.metadata.title or self.doc.source_file
            short = title if len(title) <= 90 else title[:87].rsplit(" ", 1)[0] + " …"
            self.pdf.text(LEFT, 44.0, short)
            self.pdf.set_line_width(0.4)
            self.pdf.line(LEFT, 50.0, RIGHT, 50.0)
            publishers = " och ".join(self.doc.metadata.publishers) or "Rapport"
            self.pdf.text(LEFT, 806.0, publishers)

    def reserve_notes(self, numbers: Iterable[int]) -> float:
        """Height the footnotes for these markers would add on this page (0 if placed)."""
        extra = 0.0
        for n in numbers:
            if n in self.placed_notes or n not in self.footnotes:
                continue
            extra += self.note_for(n).height
        return extra

    def note_for(self, number: int) -> PendingNote:
        fn = self.footnotes[number]
        lines: list[list[Token]] = []
        for part in fn.text.split("\n"):
            lines.extend(self.wrap(tokens_with_markers(part, (), False), BODY_W - 9.0, False, NOTE_SIZE, False))
        return PendingNote(number, lines, len(lines) * NOTE_LEADING + 2.0)

    def place_notes(self, numbers: Iterable[int]) -> None:
        for n in numbers:
            if n in self.placed_notes or n not in self.footnotes:
                continue
            note = self.note_for(n)
            self.placed_notes.add(n)
            self.page_notes.append(note)
            self.notes_height += note.height + (8.0 if len(self.page_notes) == 1 else 0.0)

    def ensure(self, height: float, notes: Iterable[int] = ()) -> None:
        notes = list(notes)
        first = self.reserve_notes(notes)
        sep = 8.0 if first and not self.page_notes else 0.0
        if self.y + height > self.bottom - first - sep and self.y > BODY_TOP + 0.1:
            self.new_page()

    # -- content

    def paragraph(self, text: str, refs, bold: bool, size: float, leading: float, space_before: float,
                  space_after: float, hyphenate: bool = True, keep_with: float = 0.0) -> None:
        tokens = tokens_with_markers(text, refs, self.layout.positioned_gaps)
        lines = self.wrap(tokens, BODY_W, bold, size, hyphenate)
        if self.y > BODY_TOP + 0.1:
            self.y += space_before
        first = True
        for line in lines:
            numbers = [int(x) for t in line for p in t if p.sup for x in p.text.split(",")]
            self.ensure(leading + (keep_with if first else 0.0), numbers)
            first = False
            self.draw_line(LEFT, self.y + size * 0.8, line, bold, size)
            self.place_notes(numbers)
            self.y += leading
        self.y += space_after

    def orphan_note(self, number: int) -> None:
        """A footnote whose marker is not printed (a marker in a heading, a lost one)."""
        self.ensure(0.0, [number])
        self.place_notes([number])

    def toc_line(self, text: str, page_no: int) -> None:
        """A contents entry with dot leaders; a long title wraps, leaders on its last line."""
        size = BODY_SIZE
        number = str(page_no)
        avail = BODY_W - self.width(number, False, size) - 30
        lines = self.wrap(tokens_with_markers(text, (), False), avail, False, size, False)
        self.ensure(BODY_LEADING * len(lines))
        for k, line in enumerate(lines):
            baseline = self.y + size * 0.8
            self.draw_line(LEFT, baseline, line, False, size)
            if k == len(lines) - 1:
                space = self.width(" ", False, size)
                tw = sum(self.token_width(t, False, size) for t in line) + space * (len(line) - 1)
                dot = self.width(".", False, size)
                n_dots = max(3, int((BODY_W - self.width(number, False, size) - tw - 8) / dot))
                self.font(False, size)
                self.pdf.text(LEFT + tw + space, baseline, "." * n_dots)
                self.pdf.text(RIGHT - self.width(number, False, size), baseline, number)
            self.y += BODY_LEADING

    def output(self) -> bytes:
        """Finish the last page, print the page labels (they need the page count), serialise."""
        self.finish_page()
        total = self.page
        for n in range(1, total + 1):
            self.pdf.page = n  # fpdf2 lets us go back and add to a finished page
            label = self.layout.page_label.format(n=n, total=total)
            lw = self.width(label, False, MARGIN_SIZE)
            # fpdf2 only emits a font change when the font differs from its last one, which
            # may not be the one this page's content stream ended with: force it
            self.pdf.set_font("DejaVu", "B", MARGIN_SIZE + 1)
            self._style = ("B", MARGIN_SIZE + 1)
            self.font(False, MARGIN_SIZE)
            self.pdf.text(RIGHT - lw if self.layout.running_header else (PAGE_W - lw) / 2, 806.0, label)
        self.pdf.page = total
        return bytes(self.pdf.output())


# ----------------------------------------------------------------------------------------
# Tables


@dataclass
class TableGeometry:
    size: float
    widths: list[float]
    header_rows: int
    spans: dict[tuple[int, int], int] = field(default_factory=dict)  # (row, col) -> columns covered


def header_row_count(table: Table) -> int:
    """Leading rows whose cells are all header cells (the text reader marks them)."""
    n = 0
    for r in range(table.n_rows):
        cells = [c for c in table.cells if c.row == r]
        if cells and all(c.is_header for c in cells) and any(c.text for c in cells[1:]):
            n += 1
        else:
            break
    return n


def is_number(text: str) -> bool:
    return bool(_NUMBER.match(text.strip()))


def cell_markers(doc: Document, table: Table) -> dict[tuple[int, int], list[int]]:
    """Footnote markers that the text version puts in this table's cells."""
    out: dict[tuple[int, int], list[int]] = {}
    for fn in doc.footnotes:
        for ref in fn.marker_refs:
            if ref.startswith(table.id + ":r"):
                m = re.match(r".*:r(\d+)c(\d+)$", ref)
                if m:
                    out.setdefault((int(m.group(1)), int(m.group(2))), []).append(fn.number)
    return out


STUB_INDENT = 8.0  # points per level of a nested row label


class TableRenderer:
    def __init__(self, w: Writer, doc: Document, table: Table):
        self.w = w
        self.table = table
        self.rows = table.rows
        self.markers = cell_markers(doc, table)
        # a row label nested under the one above ("kvinnor" under "Andel med arbetsförmåga (%)") is
        # indented, as report templates set it; the text version showed it by leading spaces
        self.depth = {c.row: len(c.row_headers) - 1 for c in table.cells if c.col == 1 and len(c.row_headers) > 1}
        self.geo = self.geometry()

    def indent(self, r: int, c: int) -> float:
        return STUB_INDENT * self.depth.get(r, 0) if c == 0 else 0.0

    def cell_tokens(self, r: int, c: int) -> list[Token]:
        refs = [(n, len(self.rows[r][c])) for n in self.markers.get((r, c), [])]
        return tokens_with_markers(self.rows[r][c], refs, self.w.layout.positioned_gaps)

    def geometry(self) -> TableGeometry:
        hr = header_row_count(self.table)
        n_cols = self.table.n_cols
        spans: dict[tuple[int, int], int] = {}
        for r in range(hr - 1):  # spanning labels sit in upper header rows, empty cells to their right
            row = self.rows[r]
            for c in range(1, n_cols):
                if row[c]:
                    k = 1
                    while c + k < n_cols and not row[c + k]:
                        k += 1
                    if k > 1:
                        spans[(r, c)] = k
        size = TABLE_SIZE
        while True:
            mins, prefs = [], []
            for c in range(n_cols):
                lo = pref = 10.0
                for r, row in enumerate(self.rows):
                    if (r, c) in spans or not row[c]:
                        continue
                    tokens = self.cell_tokens(r, c)
                    bold = r < hr
                    indent = self.indent(r, c)
                    widest = max(self.w.token_width(t, bold, size) for t in tokens) + indent
                    full = self.w.token_width(tuple(p for t in tokens for p in t + (Piece(" "),))[:-1], bold, size) + indent
                    if r >= hr and is_number(row[c]):
                        lo = max(lo, full)
                        pref = max(pref, full)
                    else:
                        lo = max(lo, widest)
                        pref = max(pref, min(full, 150.0 if c == 0 else 80.0))
                mins.append(lo + 2 * CELL_PAD_X)
                prefs.append(max(lo, pref) + 2 * CELL_PAD_X)
            if sum(mins) <= BODY_W or size <= 6.0:
                break
            size -= 0.5
        widths = list(prefs)
        while sum(widths) > BODY_W:
            over = sum(widths) - BODY_W
            slack = [(widths[c] - mins[c], c) for c in range(n_cols) if widths[c] > mins[c] + 0.01]
            if not slack:
                break
            s, c = max(slack)
            widths[c] -= min(s, over, max(2.0, s / 2))
        # a spanning label needs its columns together to be wide enough for its longest word
        for (r, c), k in spans.items():
            need = max(self.w.token_width(t, True, size) for t in self.cell_tokens(r, c)) + 2 * CELL_PAD_X
            have = sum(widths[c:c + k])
            if need > have:
                widths[c + k - 1] += need - have
        return TableGeometry(size, widths, hr, spans)

    def row_lines(self, r: int) -> list[list[list[Token]]]:
        """Per cell of row r, the wrapped lines."""
        g = self.geo
        out = []
        for c in range(self.table.n_cols):
            if not self.rows[r][c] or any((r, c0) in g.spans and c0 < c < c0 + g.spans[(r, c0)] for c0 in range(c)):
                out.append([])
                continue
            width = sum(g.widths[c:c + g.spans.get((r, c), 1)]) - 2 * CELL_PAD_X - self.indent(r, c)
            out.append(self.w.wrap(self.cell_tokens(r, c), width, r < g.header_rows, g.size, False))
        return out

    def row_height(self, r: int) -> float:
        lead = self.geo.size * 1.2
        return max([len(ls) for ls in self.row_lines(r)] + [1]) * lead + 2 * CELL_PAD_Y

    def draw_row(self, r: int, y: float, last_header: bool) -> float:
        g, w = self.geo, self.w
        lead = g.size * 1.2
        height = self.row_height(r)
        x = LEFT
        bold = r < g.header_rows
        for c, lines in enumerate(self.row_lines(r)):
            span = g.spans.get((r, c), 1)
            cw = sum(g.widths[c:c + span])
            numeric = r >= g.header_rows and c > 0 and is_number(self.rows[r][c])
            right = (r < g.header_rows and c > 0 and self._numeric_column(c)) or numeric
            for k, line in enumerate(lines):
                space = w.width(" ", bold, g.size)
                lw = sum(w.token_width(t, bold, g.size) for t in line) + space * (len(line) - 1)
                lx = x + cw - CELL_PAD_X - lw if right and span == 1 else x + CELL_PAD_X
                lx += self.indent(r, c)
                w.draw_line(lx, y + CELL_PAD_Y + k * lead + g.size * 0.8, line, bold, g.size)
                numbers = [int(n) for t in line for p in t if p.sup for n in p.text.split(",")]
                w.place_notes(numbers)
            x += g.widths[c]
        style = w.layout.table_style
        if style == "ruled":
            self._grid_rules(r, y, height)
        elif style == "header_rule" and last_header:
            w.pdf.set_line_width(0.6)
            w.pdf.line(LEFT, y + height, LEFT + sum(g.widths), y + height)
        return height

    def _numeric_column(self, c: int) -> bool:
        vals = [row[c] for row in self.rows[self.geo.header_rows:] if row[c]]
        return bool(vals) and sum(is_number(v) for v in vals) >= len(vals) / 2

    def _grid_rules(self, r: int, y: float, height: float) -> None:
        pdf, g = self.w.pdf, self.geo
        pdf.set_line_width(0.5)
        total = sum(g.widths)
        pdf.line(LEFT, y, LEFT + total, y)
        pdf.line(LEFT, y + height, LEFT + total, y + height)
        x = LEFT
        covered = set()
        for c0, span in ((c, g.spans[(r, c)]) for c in range(self.table.n_cols) if (r, c) in g.spans):
            covered.update(range(c0 + 1, c0 + span))
        pdf.line(x, y, x, y + height)
        for c in range(self.table.n_cols):
            x += g.widths[c]
            if c + 1 not in covered:
                pdf.line(x, y, x, y + height)

    def draw(self, preamble: Sequence[Block], unit_note: str, source: Optional[Block]) -> None:
        """The table with what goes before it (caption, legend lines) and its source line;
        kept together, and in the split layouts pushed down so that it breaks over a page."""
        w, g, layout = self.w, self.geo, self.w.layout
        header_h = sum(self.row_height(r) for r in range(g.header_rows))
        body = list(range(g.header_rows, self.table.n_rows))
        heights = {r: self.row_height(r) for r in body}
        cap_lines: list[tuple[list[Token], bool, float, float, float]] = []  # line, bold, size, leading, space after
        for b in preamble:
            caption = b.kind == "caption"
            size, lead = (9.0, 11.5) if caption else (BODY_SIZE, BODY_LEADING)
            lines = w.wrap(tokens_with_markers(b.text, [(f.number, f.offset) for f in b.footnote_refs], False),
                           BODY_W, caption, size, False)
            for k, line in enumerate(lines):
                cap_lines.append((line, caption, size, lead, (4.0 if caption else 7.0) if k == len(lines) - 1 else 0.0))
        cap_h = sum(lead + after for _, _, _, lead, after in cap_lines)
        captions = " ".join(b.text.lower() for b in preamble)
        unit_h = 12.0 if unit_note and unit_note.lower() not in captions else 0.0
        def rows_need(rows: Sequence[int]) -> float:
            """Height of these rows plus the footnotes their markers bring onto the page."""
            notes = [n for r in rows for c in range(self.table.n_cols) for n in self.markers.get((r, c), [])]
            extra = w.reserve_notes(notes)
            return sum(heights[r] for r in rows) + extra + (8.0 if extra and not w.page_notes else 0.0)

        first_rows = rows_need(body[:2])  # never leave a header alone at the foot of a page
        w.y += 10.0 if w.y > BODY_TOP + 0.1 else 0.0
        remaining = w.bottom - w.y
        total = cap_h + unit_h + header_h + rows_need(body)
        if layout.split_tables and len(body) >= 4 and total <= remaining:
            # push the table down so that roughly half of its rows fall on the next page
            half = rows_need(body[: max(2, len(body) // 2)])
            w.y += max(0.0, remaining - (cap_h + unit_h + header_h + half) - 1.0)
        if w.y + cap_h + unit_h + header_h + first_rows > w.bottom and w.y > BODY_TOP + 0.1:
            w.new_page()
        for line, bold, size, lead, after in cap_lines:
            w.draw_line(LEFT, w.y + size * 0.8, line, bold, size)
            w.y += lead + after
        if unit_h:
            w.font(False, g.size)
            w.pdf.text(LEFT, w.y + g.size * 0.8, unit_note)
            w.y += unit_h
        self.draw_header(w.y)
        w.y += header_h
        source_h = 14.0 if source is not None else 0.0
        for k, r in enumerate(body):
            need = heights[r] + (source_h if k == len(body) - 1 else 0.0)
            notes = [n for c in range(self.table.n_cols) for n in self.markers.get((r, c), [])]
            extra = w.reserve_notes(notes)
            if w.y + need > w.bottom - extra - (8.0 if extra and not w.page_notes else 0.0):
                w.new_page()
                if layout.repeat_header:
                    self.draw_header(w.y)
                    w.y += header_h
            self.draw_row(r, w.y, False)
            w.y += heights[r]
        if source is not None:
            w.y += 3.0
            w.font(False, TABLE_SIZE)
            w.pdf.text(LEFT, w.y + TABLE_SIZE * 0.8, source.text)
            w.y += 11.0
        w.y += 8.0

    def draw_header(self, y: float) -> None:
        for r in range(self.geo.header_rows):
            y += self.draw_row(r, y, r == self.geo.header_rows - 1)


# ----------------------------------------------------------------------------------------
# Putting it together


def same_caption(block_text: str, caption: str) -> bool:
    """The text reader trims a final period off Table.caption but not off the caption block."""
    return bool(caption) and block_text.rstrip(" .") == caption.rstrip(" .")


def flow(doc: Document) -> list[tuple[str, object]]:
    """Blocks and tables in reading order, by the source line they start on."""
    items = [(b.line_start or 0, "block", b) for b in doc.blocks]
    items += [((t.line_start or 0) - 0.5, "table", t) for t in doc.tables]
    return [(kind, obj) for _, kind, obj in sorted(items, key=lambda x: x[0])]


def table_preambles(items: Sequence[tuple[str, object]]) -> tuple[dict[int, list[Block]], set[int]]:
    """For each table, its caption and the short legend lines between ("Sjukpenning=SP"),
    which print together with it; and the indexes of those blocks."""
    preambles: dict[int, list[Block]] = {}
    held: set[int] = set()
    for idx, (kind, obj) in enumerate(items):
        if kind != "table":
            continue
        group: list[int] = []
        j = idx - 1
        while j >= 0 and len(group) < 4 and items[j][0] == "block":
            b = items[j][1]
            if b.kind == "caption" and same_caption(b.text, obj.caption):
                group.append(j)
                preambles[idx] = [items[i][1] for i in reversed(group)]
                held.update(group)
                break
            if b.kind != "paragraph" or len(b.text) > 60 or b.footnote_refs:
                break
            group.append(j)
            j -= 1
    return preambles, held


def render_pdf(doc: Document, layout: Layout) -> bytes:
    """The document set in `layout`, as PDF bytes."""
    w = Writer(doc, layout)
    items = flow(doc)
    # footnotes with no printed marker: place them by their source line
    printed = {r.number for b in doc.blocks if b.kind != "heading" for r in b.footnote_refs}
    for fn in doc.footnotes:
        printed.update(fn.number for ref in fn.marker_refs if ":t" in ref and ":r" in ref)
    orphans = sorted((fn.line or 0, fn.number) for fn in doc.footnotes if fn.number not in printed)
    toc_no = 2
    skip: set[int] = set()
    preambles, held = table_preambles(items)
    for idx, (kind, obj) in enumerate(items):
        if idx in skip:
            continue
        line_no = obj.line_start or 0
        while orphans and orphans[0][0] <= line_no:
            w.orphan_note(orphans.pop(0)[1])
        if kind == "table":
            table: Table = obj
            k = idx + 1
            source = None
            if k < len(items) and items[k][0] == "block" and items[k][1].kind == "source_note" \
                    and items[k][1].text == table.source_note:
                source = items[k][1]
                skip.add(k)
            TableRenderer(w, doc, table).draw(preambles.get(idx, []), table.unit_note, source)
            continue
        b: Block = obj
        if idx in held:
            continue  # drawn with its table
        refs = [(r.number, r.offset) for r in b.footnote_refs]
        if b.kind == "heading":
            level = min(len(b.section), 2)
            size = HEADING_SIZES[level]
            w.paragraph(b.text, (), True, size, size * 1.3, 12.0, 5.0, hyphenate=False, keep_with=3 * BODY_LEADING)
        elif b.kind == "toc":
            w.toc_line(b.text, toc_no)
            toc_no += 1
        elif b.kind == "caption":
            w.paragraph(b.text, refs, True, 9.0, 11.5, 6.0, 40.0 if b.text.lower().startswith("figur") else 4.0,
                        hyphenate=False)
        elif b.kind == "source_note":
            w.paragraph(b.text, refs, False, TABLE_SIZE, 11.0, 2.0, 8.0, hyphenate=False)
        else:
            w.paragraph(b.text, refs, False, BODY_SIZE, BODY_LEADING, 0.0, 7.0)
    for _, number in orphans:
        w.orphan_note(number)
    return w.output()


def corpus_documents(names: Optional[Sequence[str]] = None) -> list[Document]:
    """The corpus text versions read by the text reader (all, or those whose id is in names)."""
    from ingest.reader import iter_report_files, read_path

    root = Path(__file__).resolve().parents[2] / "corpus"
    docs = []
    for path in iter_report_files([root]):
        if path.suffix != ".txt":
            continue
        doc = read_path(path)
        if isinstance(doc, Document) and (names is None or doc.id in names):
            docs.append(doc)
    return docs


def write_rendered(outdir: Path, names: Optional[Sequence[str]] = None,
                   layouts: Optional[Sequence[str]] = None) -> list[Path]:
    """Render the corpus in every layout into `outdir` as {doc}--{layout}.pdf."""
    outdir.mkdir(parents=True, exist_ok=True)
    written = []
    for doc in corpus_documents(names):
        for name in layouts or LAYOUTS:
            path = outdir / f"{doc.id}--{name}.pdf"
            path.write_bytes(render_pdf(doc, LAYOUTS[name]))
            written.append(path)
    return written


def main(argv: Optional[Sequence[str]] = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or args[0] in ("-h", "--help"):
        print("Usage: python tests/ingest/pdf_render.py OUTDIR [DOC_ID ...]\n\n"
              "Render the corpus text versions as PDFs in every test layout, for a look.\n"
              f"Layouts: {', '.join(LAYOUTS)}")
        return 0 if args else 2
    for path in write_rendered(Path(args[0]), args[1:] or None):
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())


def make_pdf(draw, pages: int = 1) -> bytes:
    """A small hand-made PDF for unit tests: `draw(pdf, page_no)` is called on each A4 page
    with DejaVu Sans ("DejaVu", styles "" and "B") loaded and sizes in points."""
    from fpdf import FPDF

    pdf = FPDF(unit="pt", format="A4")
    pdf.set_auto_page_break(False)
    fonts = font_dir()
    pdf.add_font("DejaVu", "", str(fonts / "DejaVuSans.ttf"))
    pdf.add_font("DejaVu", "B", str(fonts / "DejaVuSans-Bold.ttf"))
    for n in range(1, pages + 1):
        pdf.add_page()
        pdf.set_font("DejaVu", "", 10)
        draw(pdf, n)
    return bytes(pdf.output())
