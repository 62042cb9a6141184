"""A PDF report -> Document: pdfplumber once per page, then pure stages on plain records.

    read_pdf
      sniff / open_pdf / read_page      (pdf_open, pdf_page: the only pdfplumber contact)
      find_margins -> crop              (pdf_margins: running header/footer, page label)
      split_footnote_area               (pdf_footnotes: notes off the page foot)
      find_tables                       (pdf_tables: ruled grids, borderless regions)
      lines_to_blocks -> classify -> join_page_breaks -> assign_sections   (pdf_blocks)
      join_continued, captions, sources, footnote links -> records

Bad input comes back as an IngestFailure (see pdf_open); only pdfplumber's own stage is
guarded, so a bug in our stages is not passed off as a corrupt file.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Mapping, Optional, Sequence, Union

from nlp.sv.units import unit_line_of, unit_phrase

from .pdf_blocks import BlockDraft, assign_sections, body_font_size, classify, join_page_breaks, lines_to_blocks
from .pdf_footnotes import NoteDraft, cited_markers, link_footnotes, lines_to_notes, split_footnote_area
from .pdf_borderless import word_counts
from .pdf_charts import chart_areas, inside
from .pdf_layout import TextColumn, page_columns
from .pdf_margins import Margins, find_margins
from .pdf_open import classify_exception, content_failure, iter_pages, open_pdf, pdf_error_types, sniff
from .pdf_page import Line, PageText, read_page, words_to_lines
from .pdf_tables import BORDERLESS, RULED, TableDraft, TableSettings, find_tables, join_continued, \
    is_caption, region_to_table, same_columns, unit_line
from .records import Block, Document, DocumentMetadata, FootnoteRef, IngestFailure, Table
from .text_tables import GridCell, caption_label, caption_number, cells_from_grid



@dataclass(frozen=True)
class PdfSettings:
    """Everything read_pdf can be told; print it to see what was used.

    x_tolerance is lower than pdfplumber's 3 pt so a thin thousands gap ("8 662") is
    still a gap; y_tolerance stays at 3 because superscripts are kept apart by size
    (`extra_attrs`), not by position.
    """

    x_tolerance: float = 1.5
    y_tolerance: float = 3.0
    ruled: TableSettings = RULED
    borderless: TableSettings = BORDERLESS
    find_ruled: bool = True

    def __post_init__(self) -> None:
        for name in ("x_tolerance", "y_tolerance"):
            if getattr(self, name) < 0:
                raise ValueError(f"{name} must not be negative, not {getattr(self, name)!r}")
        if self.ruled.strategy != "ruled":
            raise ValueError("ruled must be a TableSettings with strategy 'ruled'")
        if self.borderless.strategy != "borderless":
            raise ValueError("borderless must be a TableSettings with strategy 'borderless'")

    @classmethod
    def resolve(cls, value: Union[None, dict, "PdfSettings"]) -> "PdfSettings":
        if value is None:
            return cls()
        if isinstance(value, cls):
            return value
        if isinstance(value, dict):
            unknown = set(value) - {f.name for f in fields(cls)}
            if unknown:
                raise ValueError(f"unknown PDF setting(s): {', '.join(sorted(unknown))}")
            value = dict(value)
            if "ruled" in value:
                value["ruled"] = TableSettings.resolve(value["ruled"], RULED)
            if "borderless" in value:
                value["borderless"] = TableSettings.resolve(value["borderless"], BORDERLESS)
            return cls(**value)
        raise ValueError(f"PDF settings must be None, a dict or PdfSettings, not {type(value).__name__}")


def read_pdf(path: Path, doc_id: str, metadata: DocumentMetadata, content_hash: str,
             settings: Union[None, dict, PdfSettings] = None) -> Union[Document, IngestFailure]:
    """Read one PDF report into a Document, or say why it cannot be read."""
    path = Path(path)
    bad = sniff(path)
    if bad is not None:
        return bad
    settings = PdfSettings.resolve(settings)
    try:
        pages = extract_pages(path, settings)
    except pdf_error_types() as exc:
        return classify_exception(path, exc)
    bad = content_failure(path, len(pages), sum(p.char_count for p in pages), sum(p.image_count for p in pages))
    if bad is not None:
        return bad
    return pages_to_document(pages, doc_id, metadata, content_hash, path, settings)


def extract_pages(path: Path, settings: PdfSettings) -> list[PageText]:
    """The pdfplumber stage: every page as a PageText, parsed objects freed as we go."""
    table_settings = settings.ruled.pdfplumber_settings() if settings.find_ruled else None
    with open_pdf(path) as pdf:
        return [read_page(page, index, settings.x_tolerance, settings.y_tolerance, table_settings)
                for index, page in iter_pages(pdf)]


@dataclass
class PageParts:
    page: PageText
    margins: Margins
    lines: list[Line]  # running lines left for blocks
    notes: list[NoteDraft]
    tables: list[TableDraft]
    # the page's text columns (pdf_layout), when it has more than one: each line's column, and
    # where each column ends on the right
    column_of: dict[int, int] = field(default_factory=dict)
    column_right: list[float] = field(default_factory=list)

    def line_columns(self) -> list[list[Line]]:
        """The running lines left for blocks, column by column in reading order."""
        if not self.column_right:
            return [self.lines]
        out: list[list[Line]] = [[] for _ in self.column_right]
        for line in self.lines:
            out[self.column_of.get(id(line), 0)].append(line)
        return [c for c in out if c]


def pages_to_document(pages: Sequence[PageText], doc_id: str, metadata: DocumentMetadata, content_hash: str,
                      path: Path, settings: PdfSettings) -> Document:
    """All pure stages after pdfplumber: margins, footnotes, tables, blocks, records."""
    all_lines = [words_to_lines(p.words) for p in pages]
    margins = find_margins(pages, all_lines)
    body_lines = [[l for l in lines if m.body[1] <= (l.top + l.bottom) / 2 <= m.body[3]]
                  for lines, m in zip(all_lines, margins)]
    body_size = body_font_size([l for ls in body_lines for l in ls])
    lexicon = word_counts(w for p in pages for w in p.words)
    gap = settings.borderless.column_gap_em * body_size
    parts: list[PageParts] = []
    typical_right = typical_line_end([l for ls in body_lines for l in ls])
    for page, m, lines in zip(pages, margins, body_lines):
        cropped = page.crop(m.body)
        cited = cited_markers(lines)
        running, note_lines = split_footnote_area(lines, body_size, gap, cited)
        notes = lines_to_notes(note_lines, page.index, column_right(lines, typical_right, page.width), cited)
        charts = chart_areas(cropped.shapes, body_size, [(w.x0, w.top, w.x1, w.bottom) for w in cropped.words],
                             cropped.polylines)
        if charts:  # a bar chart's labels are neither a table nor running text
            running = [l for l in running if not inside(l.bbox, charts)]
        columns = page_columns(running, body_size)
        part = PageParts(page, m, [], notes, [])
        if len(columns) > 1:
            part.column_right = [c.x1 for c in columns]
        for k, column in enumerate(columns):
            grids = [g for g in cropped.grids if _grid_column(g, columns) == k and not inside(g.bbox, charts)]
            finder = find_tables(column.lines, grids, cropped.rules, page.index, body_size, settings.borderless, lexicon)
            used = {id(l) for l in finder.used}
            rest = _take_unit_notes(finder.tables, [l for l in column.lines if id(l) not in used])
            part.tables.extend(finder.tables)
            part.lines.extend(rest)
            if part.column_right:
                part.column_of.update((id(l), k) for l in column.lines)
        parts.append(part)

    tables = _join_tables(parts, settings, lexicon)  # before blocks: an unjoined fragment is text again
    labels = {p.page.index: p.margins.page_label for p in parts}
    right = {p.page.index: column_right(p.lines, typical_right, p.page.width) for p in parts}
    drafts_by_page = [_page_blocks(p, right[p.page.index]) for p in parts]
    flat = [b for bs in drafts_by_page for b in bs]
    classify(flat, body_size)
    blocks = join_page_breaks(drafts_by_page, right)
    sections = assign_sections(blocks)

    block_records = [_block_record(doc_id, i, b, sections[i], labels) for i, b in enumerate(blocks)]
    table_records, cell_refs = _table_records(doc_id, tables, blocks, block_records, labels)

    refs: dict[int, list[str]] = {}
    for b in block_records:
        for r in b.footnote_refs:
            refs.setdefault(r.number, []).append(b.id)
    for number, ids in cell_refs.items():
        refs.setdefault(number, []).extend(ids)
    notes = [n for p in parts for n in p.notes]
    footnotes = link_footnotes(doc_id, notes, refs, labels)
    return Document(id=doc_id, source_file=path.name, content_hash=content_hash, format="pdf", metadata=metadata,
                    page_count=len(pages), blocks=tuple(block_records), tables=tuple(table_records),
                    footnotes=footnotes, path=str(path))


def _grid_column(grid, columns: Sequence[TextColumn]) -> int:
    """The text column holding most of a ruled grid's lines."""
    x0, top, x1, bottom = grid.bbox
    counts = [sum(top <= (l.top + l.bottom) / 2 <= bottom and x0 <= (l.x0 + l.x1) / 2 <= x1 for l in c.lines)
              for c in columns]
    return max(range(len(columns)), key=lambda k: counts[k])


def _page_blocks(part: PageParts, right: float) -> list[BlockDraft]:
    """Blocks column by column; a column's own right edge tells a wrapped line from a short one."""
    if not part.column_right:
        return lines_to_blocks(part.lines, part.page.index, right)
    blocks: list[BlockDraft] = []
    for lines in part.line_columns():
        k = part.column_of.get(id(lines[0]), 0)
        blocks.extend(lines_to_blocks(lines, part.page.index, part.column_right[k]))
    return blocks


def typical_line_end(lines: Sequence[Line]) -> float:
    """The 95th percentile of where lines end: the right edge of the text column, robust to
    the odd long URL that sticks out."""
    ends = sorted(l.x1 for l in lines)
    return ends[int(0.95 * (len(ends) - 1))] if ends else 0.0


def column_right(page_lines: Sequence[Line], typical: float, page_width: float) -> float:
    """Where a page's text column ends: the document's typical line end, or the left margin
    mirrored when the document has no long lines to show it (a one-page note)."""
    left = min((l.x0 for l in page_lines), default=0.0)
    return max(typical, page_width - left) if typical < 0.6 * page_width else typical


def _ends_a_sentence_above(line: Line, lines: Sequence[Line]) -> bool:
    """True when `line` is the wrapped end of a sentence on the line just above it: "... lämnar tillbaka 2,4"
    over "mnkr." is a paragraph's last word, not a table's unit line."""
    above = [l for l in lines if l is not line and l.bottom <= line.top + 0.5 and line.top - l.bottom < 0.8 * line.size
             and l.x0 < line.x1 and line.x0 < l.x1]
    if not above:
        return False
    prev = max(above, key=lambda l: l.bottom)
    return line.text.strip()[:1].islower() and not is_caption(prev.text) \
        and not re.search(r"[.:;!?)]\s*$", prev.text.strip()) and len(prev.text.split()) > 3


def _take_unit_notes(tables: Sequence[TableDraft], lines: list[Line]) -> list[Line]:
    """A unit line ("Belopp i tkr") right above a table is the table's unit note, not a block."""
    taken: set[int] = set()
    for t in tables:
        inside = [l for l in lines if t.bbox[1] <= (l.top + l.bottom) / 2 <= t.bbox[3] and unit_line(l.text)]
        if inside:  # a unit row set between the header and the body
            t.unit_note = unit_line(inside[0].text)
            taken.update(id(l) for l in inside)
            continue
        above = [l for l in lines if l.bottom <= t.bbox[1] + 0.5 and t.bbox[1] - l.bottom < 2.5 * l.size]
        if above:
            line = max(above, key=lambda l: l.bottom)
            unit = unit_line_of(line.text)  # the text reader's rule: "Procent", "Tusental kronor (tkr)"
            if unit and not _ends_a_sentence_above(line, lines):
                t.unit_note = unit
                taken.add(id(line))
    return [l for l in lines if id(l) not in taken]


def _join_tables(parts: Sequence[PageParts], settings: PdfSettings,
                 lexicon: Optional[Mapping[str, int]] = None) -> list[TableDraft]:
    """Tables in document order, a table broken by a page break joined into one.

    A table that ends its page (nothing but footnotes below it) and a table that starts the
    next (nothing above it, so no caption of its own) are one table when their columns
    line up; a borderless continuation is re-read with the first part's columns. A fragment
    (a lone row) that continues nothing goes back to the page's text lines.
    """
    out: list[TableDraft] = []
    carry: Optional[TableDraft] = None  # the previous page's last table, when it ended the page
    for part in parts:
        last: Optional[TableDraft] = None
        for i, t in enumerate(part.tables):
            if i == 0 and carry is not None and _starts_page(t, part):
                cont = _continuation(carry, t, part, settings, lexicon)
                if cont is not None:
                    out[-1] = join_continued(carry, cont)
                    last = t
                    continue
            if t.fragment:
                part.lines = sorted(part.lines + t.lines, key=lambda l: (l.top, l.x0))
                continue
            out.append(t)
            last = t
        carry = out[-1] if last is not None and _ends_page(last, part) else None
    return out


def _continuation(first: TableDraft, t: TableDraft, part: PageParts, settings: PdfSettings,
                  lexicon: Optional[Mapping[str, int]] = None) -> Optional[TableDraft]:
    if first.style != t.style:
        return t if same_columns(first, t) else None  # a part whose rules were not drawn, inside the first's columns
    if t.style == "ruled":
        return t if same_columns(first, t) else None
    if abs(t.bbox[0] - first.bbox[0]) > 6.0:
        return None
    redone = region_to_table(t.lines, part.page.rules, part.page.index, settings.borderless, extents=first.columns,
                             lexicon=lexicon)
    return redone if redone is not None and redone.n_cols == first.n_cols else None


def _starts_page(table: TableDraft, part: PageParts) -> bool:
    return not any(l.bottom <= table.bbox[1] + 0.5 for l in part.lines)


def _ends_page(table: TableDraft, part: PageParts) -> bool:
    return not any(l.top >= table.bbox[3] - 0.5 for l in part.lines)


def _block_record(doc_id: str, order: int, b: BlockDraft, section: tuple[str, ...],
                  labels: dict[int, Optional[str]]) -> Block:
    return Block(id=f"{doc_id}:b{order}", doc=doc_id, order=order, kind=b.kind, section=section, text=b.text,
                 page=b.page, page_label=labels.get(b.page), bbox=_round(b.bbox),
                 footnote_refs=tuple(FootnoteRef(n, off) for n, off in b.refs))


def _round(bbox) -> Optional[tuple[float, float, float, float]]:
    return None if bbox is None else tuple(round(v, 2) for v in bbox)


# Indentation steps closer than this are the same level (points): glyph side bearings differ a little.
_INDENT_STEP = 3.0


def stub_indents(t: TableDraft) -> dict[int, float]:
    """Row -> how far its label is indented past the stub column's least indented label, in points
    ("  kvinnor" under "Andel med arbetsförmåga (%)"). Empty unless the labels are left-aligned with at
    most three levels: centred or right-aligned labels start wherever their length puts them."""
    starts = {r: row[0].ink_x0 for r, row in enumerate(t.rows)
              if r >= t.header_rows and row and row[0].text.strip() and row[0].ink_x0 is not None}
    if len(starts) < 2:
        return {}
    left = min(starts.values())
    levels = {r: round((x - left) / _INDENT_STEP) * _INDENT_STEP for r, x in starts.items()}
    if len(set(levels.values())) > 3:
        return {}
    return levels


def _table_records(doc_id: str, tables: Sequence[TableDraft], drafts: Sequence[BlockDraft],
                   blocks: Sequence[Block], labels: dict[int, Optional[str]]) -> tuple[list[Table], dict[int, list[str]]]:
    """Table records with caption, source and unit notes, section; and footnote refs in cells."""
    out: list[Table] = []
    cell_refs: dict[int, list[str]] = {}
    below = captions_below(tables, drafts)
    for index, t in enumerate(tables):
        table_id = f"{doc_id}:t{index}"
        if below:
            caption_i = _caption_after(t, drafts, tables, habit_below=True)
            if caption_i is None:
                caption_i = _caption_before(t, drafts)
        else:
            caption_i = _caption_before(t, drafts)
            if caption_i is None:
                caption_i = _caption_after(t, drafts, tables)
        if caption_i is None:
            caption_i = _figure_caption_before(t, drafts, tables)
        source_i = _source_after(t, drafts)
        caption = " ".join(blocks[caption_i].text.split()).strip(" .") if caption_i is not None else ""
        position = caption_i if caption_i is not None else _last_block_before(t, drafts)
        section = _section_after(blocks, position)
        indents = stub_indents(t)
        grid = [[GridCell(c.text, page=c.page or t.page, bbox=_round(c.bbox), indent=indents.get(r) if k == 0 else None)
                 for k, c in enumerate(row)]
                + [GridCell("")] * (t.n_cols - len(row)) for r, row in enumerate(t.rows)]
        cells = cells_from_grid(table_id, grid, t.header_rows)
        for r, row in enumerate(t.rows):
            for c, cell in enumerate(row):
                for n in cell.refs:
                    cell_refs.setdefault(n, []).append(f"{table_id}:r{r}c{c}")
        unit = t.unit_note or unit_phrase(caption)
        label, continued = caption_label(caption)
        out.append(Table(id=table_id, doc=doc_id, index=index, number=caption_number(caption), caption=caption,
                         label=label, continued=continued,
                         cells=cells, header_rows=t.header_rows,
                         source_note=blocks[source_i].text if source_i is not None else "",
                         unit_note=unit, section=section, page=t.page, pages=tuple(t.pages),
                         page_label=labels.get(t.page)))
    return out, cell_refs


def _caption_before(t: TableDraft, drafts: Sequence[BlockDraft]) -> Optional[int]:
    """The caption block above the table on its first page ("Tabell 6 ..."); a legend or two
    ("Sjukpenning=SP") may stand between them, a heading or a paragraph may not."""
    above = sorted((i for i, b in enumerate(drafts) if b.page == t.page and b.bbox[3] <= t.bbox[1] + 0.5),
                   key=lambda i: drafts[i].bbox[3], reverse=True)
    edge = t.bbox[1]
    for i in above[:4]:
        b = drafts[i]
        if edge - b.bbox[3] > 40:
            return None
        if b.kind == "caption":
            return None if b.text.lower().startswith(("figur", "diagram", "bild")) else i
        if b.kind != "paragraph" or len(b.text) > 60:
            return None
        edge = b.bbox[1]
    return None


# How far above its data a chart's caption may stand: the height of the drawing between them.
_CHART_HEIGHT = 320.0


def _figure_caption_before(t: TableDraft, drafts: Sequence[BlockDraft], tables: Sequence[TableDraft]) -> Optional[int]:
    """The caption of the figure whose data the table is ("Diagram 3.2 Tid till kartläggning, dagar" above a
    chart, its "Källa" line and a short "Diagrammets data" heading, then the table): a table with no caption
    of its own prints the data of the figure right above it. Only the figure's source line and short lines
    with no figure may stand between, and no other table."""
    # (the chart may open the page, its caption closing the page before)
    above = sorted((i for i, b in enumerate(drafts) if (b.page == t.page and b.bbox[3] <= t.bbox[1] + 0.5)
                    or b.page == t.page - 1), key=lambda i: (drafts[i].page, drafts[i].bbox[3]), reverse=True)
    for i in above[:4]:
        b = drafts[i]
        if b.page == t.page and t.bbox[1] - b.bbox[3] > _CHART_HEIGHT:
            return None
        if b.kind == "caption":
            if not b.text.lower().startswith(("figur", "diagram", "bild")):
                return None
            between = [o for o in tables if o is not t and (o.page, o.bbox[1]) < (t.page, t.bbox[1])
                       and (o.page, o.bbox[1]) >= (b.page, b.bbox[3])]
            return None if between else i
        if b.kind == "source_note" or (len(b.text) <= 40 and not any(ch.isdigit() for ch in b.text)):
            continue
        return None
    return None


def _source_after(t: TableDraft, drafts: Sequence[BlockDraft]) -> Optional[int]:
    """The source line ("Källa: SUS") right below the table on its last page."""
    last_page = t.pages[-1] if t.pages else t.page
    best = None
    for i, b in enumerate(drafts):
        if b.page != last_page or b.bbox[1] < t_bottom(t, last_page) - 0.5:
            continue
        if best is None or b.bbox[1] < drafts[best].bbox[1]:
            best = i
    if best is not None and drafts[best].kind == "source_note" and drafts[best].bbox[1] - t_bottom(t, last_page) < 30:
        return best
    return None


def captions_below(tables: Sequence[TableDraft], drafts: Sequence[BlockDraft]) -> bool:
    """Whether this document prints its table captions below the tables, from its own habit (as
    ingest.text_table_records.captions_below): a caption between two tables could be either's, so count
    the tables with a caption right below them against those with one right above."""
    above = sum(_caption_before(t, drafts) is not None for t in tables)
    below = sum(_caption_after(t, drafts, tables, habit_below=True) is not None for t in tables)
    return below > above


def _caption_after(t: TableDraft, drafts: Sequence[BlockDraft], tables: Sequence[TableDraft],
                   habit_below: bool = False) -> Optional[int]:
    """A caption printed below the table (some house styles do), source or note lines may come
    first; not one that stands right above another table, which is that table's, unless the
    document prints its captions below its tables."""
    last_page = t.pages[-1] if t.pages else t.page
    bottom = t_bottom(t, last_page)
    below = sorted((i for i, b in enumerate(drafts) if b.page == last_page and b.bbox[1] >= bottom - 0.5),
                   key=lambda i: drafts[i].bbox[1])
    edge = bottom
    page = last_page
    if not below:
        # the table ends at the foot of its page: its caption may open the next one
        below = sorted((i for i, b in enumerate(drafts) if b.page == last_page + 1), key=lambda i: drafts[i].bbox[1])
        if not below or any(o.page == last_page + 1 and o.bbox[1] < drafts[below[0]].bbox[1] for o in tables):
            return None
        edge, page = drafts[below[0]].bbox[1], last_page + 1
    for i in below[:3]:
        b = drafts[i]
        if b.bbox[1] - edge > 40:
            return None
        if b.kind == "caption":
            if b.text.lower().startswith(("figur", "diagram", "bild")):
                return None
            nxt = [o for o in tables if o is not t and o.page == page and 0 <= o.bbox[1] - b.bbox[3] < 40]
            return None if nxt and not habit_below else i
        if b.kind != "source_note":
            return None
        edge = b.bbox[3]
    return None


def t_bottom(t: TableDraft, page: int) -> float:
    """Bottom of the table's part on `page` (the bbox is the first part's; later parts use cells)."""
    boxes = [c.bbox[3] for r in t.rows for c in r if c.bbox and (c.page or t.page) == page]
    if page == t.page:
        boxes.append(t.bbox[3])
    return max(boxes) if boxes else 0.0


def _last_block_before(t: TableDraft, drafts: Sequence[BlockDraft]) -> Optional[int]:
    best = None
    for i, b in enumerate(drafts):
        if (b.page, b.bbox[1]) <= (t.page, t.bbox[1]):
            best = i
    return best


def _section_after(blocks: Sequence[Block], i: Optional[int]) -> tuple[str, ...]:
    if i is None:
        return ()
    # the nearest heading at or before i decides
    for j in range(i, -1, -1):
        if blocks[j].kind == "heading":
            return blocks[j].section + (blocks[j].text,)
    return blocks[i].section
