"""Lines of a .txt/.md report -> runs: consecutive lines that belong together (paragraph, list item,
table, footnote, rule, heading), with wrapped paragraphs joined over page breaks and tables set in
aligned columns (ingest.text_layout), one cell to a line (ingest.text_cells) or other notations
(ingest.text_tab_rows) made tab rows."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Collection, Optional

from nlp.sv.captions import is_caption, is_label_value, is_source_or_note, parse_caption

from .text_cells import cell_lines_to_tabs
from .text_grid import TableShape, caption_marks_removed, dash_rows_to_tabs, grid_rows_to_tabs
from .text_headings import DOT_LEADER, NUMBERED_HEADING, TOC_TITLE, is_toc_line
from .text_layout import AlignedTable, find_layouts, margin_lines
from .text_markup import match_footnote_line, plain_footnotes
from .text_tab_rows import (HTML_CONTINUED, PIPE_ROW, PIPE_SEPARATOR, SENTENCE_END, amount_list_rows_to_tabs,
                            borderless_pipe_rows_to_tabs, delimited_rows_to_tabs, html_rows_to_tabs, is_unit_line,
                            pipe_row_to_tabs)


_HASH_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")


_RULE = re.compile(r"^\s*(?:-{3,}|\*{3,}|_{3,})\s*$")
_LIST_ITEM = re.compile(r"^\s*(?:[-•*–]\s+|\d{1,2}[.)]\s+|[a-z][.)]\s+)(?=\S)")
# A list item as a word processor's plain text writes it: the bullet or number, a TAB, then the item
# ("•\t412 personer ..."). One field after the mark, so it is no table row.
_TABBED_LIST_MARK = re.compile(r"^(\s*(?:[•◦▪·*–-]|\d{1,2}[.)]|[a-z][.)]))\t+(?=[^\t]+$)")


@dataclass
class Run:
    """Consecutive source lines that belong together."""

    kind: str  # paragraph, table, footnote, rule
    lines: list[str]
    start: int  # 1-based line number of the first line
    heading_level: Optional[int] = None  # for a `#` heading line
    extra: dict = field(default_factory=dict)
    skipped: list[int] = field(default_factory=list)  # source lines inside the run that are not in `lines`

    def line_of(self, j: int) -> int:
        """The 1-based source line of `lines[j]` (a Markdown table's rule line is skipped)."""
        line = self.start + j
        for s in self.skipped:
            if s <= line:
                line += 1
        return line

    @property
    def end(self) -> int:
        return self.line_of(len(self.lines) - 1)


def lines_to_runs(lines: list[str], block_starts: Collection[int] = ()) -> list[Run]:
    """Group raw lines into runs; blank lines separate paragraphs, tabs make tables, and so do
    columns aligned with spaces (see ingest.text_layout); running page headers and footers are
    left out like blank lines. `block_starts` (0-based lines) are where the source's own markup
    opens a block (an HTML page's <p>): a paragraph never runs on over one."""
    runs: list[Run] = []
    cur: Optional[Run] = None
    toc_mode = False  # inside a table of contents: "Sammanfattning<TAB>4" is an entry, not a table row
    shapes: dict[int, TableShape] = {}  # what a grid, simple or multiline table's notation says of its header and labels
    lines = html_rows_to_tabs(caption_marks_removed(plain_footnotes(lines), is_caption), shapes)
    lines = dash_rows_to_tabs(grid_rows_to_tabs(lines, shapes), is_caption, shapes)
    lines = amount_list_rows_to_tabs(borderless_pipe_rows_to_tabs(delimited_rows_to_tabs(lines)))
    lines = cell_lines_to_tabs(lines, shapes)
    margins = margin_lines(lines)
    layouts = find_layouts(lines, margins)
    layout_end = -1  # 1-based last line of the aligned block being passed over
    unwrapped = one_paragraph_per_line(lines)
    width = wrap_width(lines)

    def close() -> None:
        nonlocal cur
        if cur is not None:
            runs.append(cur)
            cur = None

    for i, raw in enumerate(lines, start=1):
        line = raw.rstrip("\n\r")
        if i <= layout_end:
            continue
        if not line.strip() or i - 1 in margins:
            close()
            continue
        if i - 1 in block_starts and cur is not None and cur.kind in ("paragraph", "footnote"):
            close()
        if i - 1 in layouts:
            close()
            runs.extend(layout_runs(layouts[i - 1]))
            layout_end = layouts[i - 1].end + 1
            continue
        if line == HTML_CONTINUED:
            if cur is not None and cur.kind == "table":
                cur.skipped.append(i)  # a line of an HTML row or a <tbody> tag: part of the table, not a row
            continue
        if PIPE_SEPARATOR.match(line) and "|" in line and cur is not None and cur.kind == "table":
            cur.skipped.append(i)  # the rule under a Markdown table's header row: part of the table, not a row
            continue
        if PIPE_ROW.match(line):
            line = pipe_row_to_tabs(line)
        line = _TABBED_LIST_MARK.sub(r"\1 ", line)
        if _RULE.match(line):
            close()
            continue
        if TOC_TITLE.match(_HASH_HEADING.sub(r"\2", line).strip(" *")):
            toc_mode = True
            if not _HASH_HEADING.match(line):
                # "Innehåll" with its entries right under it (no blank line): a title of its own, so the
                # entries are read as a table of contents and not as a paragraph of page numbers
                close()
                runs.append(Run("paragraph", [line], i))
                continue
        elif toc_mode and not (is_toc_line(line, True) or DOT_LEADER.search(line)):
            toc_mode = False
        if cur is not None and cur.kind == "table" and "\t" not in line and i < len(lines) and "\t" in lines[i] \
                and len(line.strip()) <= 60 and not SENTENCE_END.search(line) and not is_caption(line.strip()) \
                and not is_source_or_note(line.strip()):
            line = line.strip() + "\t"  # "Uppdragsverksamhet" between the rows: a group row of the table, not its end
        if "\t" in line and not (is_toc_line(line, toc_mode) and (toc_mode or DOT_LEADER.search(line))):
            if cur is None or cur.kind != "table":
                close()
                shape = shapes.get(i - 1)
                cur = Run("table", [], i, extra={"header_rows": shape.header_rows, "indents": dict(shape.indents),
                                                 "cell_lines": dict(shape.cell_lines), "caption": shape.caption} if shape else {})
            cur.lines.append(line)
            continue
        fn = match_footnote_line(line)
        if fn is not None:
            close()
            cur = Run("footnote", [line], i, extra={"number": fn[0], "text": fn[1]})
            continue
        if cur is not None and cur.kind == "footnote" and "\t" not in line and not _HASH_HEADING.match(line) \
                and not _ends_footnote(cur.lines[-1].strip(), line.strip()):
            cur.lines.append(line)  # a footnote printed over several lines, as in a list of years
            cur.extra["text"] += "\n" + line.strip()
            continue
        m = _HASH_HEADING.match(line)
        if m:
            close()
            runs.append(Run("heading", [m.group(2)], i, heading_level=len(m.group(1))))
            continue
        if _LIST_ITEM.match(line) and not NUMBERED_HEADING.match(line.strip()):
            close()
            runs.append(Run("list_item", [line], i))
            continue
        if cur is not None and cur.kind == "paragraph" and not unwrapped and not _starts_own_run(line, cur, width):
            cur.lines.append(line)
        else:
            close()
            cur = Run("paragraph", [line], i)
    close()
    return join_over_page_breaks(runs, lines, margins)


def _ends_footnote(prev: str, line: str) -> bool:
    """Whether `line` is no longer part of the footnote above it: a heading, a caption, a source or note
    line ("Källa: ..." under the notes to a table's markers) or a paragraph after a footnote line that was
    never wrapped (a word processor's export: one paragraph per line, the chapter's notes at its end and
    the next chapter right under them)."""
    return _unwrapped_paragraph_end(prev) or is_caption(line) or is_source_or_note(line) or bool(NUMBERED_HEADING.match(line)) \
        or (prev.endswith((".", "!", "?")) and len(line) > UNWRAPPED_LINE)


def _starts_own_run(line: str, cur: Run, width: Optional[int] = None) -> bool:
    """A caption, a source line or a "Label: value" line is never the next line of a paragraph, and
    nothing goes on after a source line or a "Label: value" line: "Källa: SUS" right under a table and "Tabell B2 ..." right under that (a caption printed
    below its table, with no blank line between) are two records, not one sentence. A short first line is
    no title when the next goes on in lower case, or when the next line's first word would not have fit on
    it: a text wrapped at 72 columns ("Sedan 2016 har ... ett gemensamt" over "uppdrag att stödja ...",
    "... på anslaget 1:6" over "Bidrag till förstärkt samarbete, ...") breaks its sentences anywhere."""
    text = line.strip()
    prev = cur.lines[-1].strip()
    if _hangs_under(cur.lines[-1], line) or (is_source_or_note(prev) and text[:1].islower() and not prev.endswith((".", "!", "?"))):
        return False  # a caption's title or a note that wraps onto the next line
    return is_caption(text) or is_source_or_note(text) or is_source_or_note(prev) \
        or is_label_value(text) or is_label_value(prev) or _unwrapped_paragraph_end(prev) or is_unit_line(text) \
        or (len(cur.lines) == 1 and _lone_title(prev) and len(text) > len(prev) and not text[:1].islower()
            and not _broke_for_width(prev, text, width)) \
        or _closed_caption(prev, text)


def wrap_width(lines: list[str]) -> Optional[int]:
    """The width a text was wrapped at (72 for a text set to 72 columns), read off its long lines: None
    for a text with too few of them to say."""
    lengths = sorted(len(line.rstrip()) for line in lines
                     if len(line.strip()) > 40 and "\t" not in line and "|" not in line)
    if len(lengths) < 8:
        return None
    return lengths[int(0.9 * (len(lengths) - 1))]


def _broke_for_width(prev: str, line: str, width: Optional[int]) -> bool:
    """Whether `prev` ended only because the first word of `line` did not fit within the text's width."""
    word = line.strip().split(" ", 1)[0]
    return width is not None and len(prev.rstrip()) + 1 + len(word) > width


def _hangs_under(caption: str, line: str) -> bool:
    """A line indented to where the title of the caption above starts goes on with that title, as a
    layout sets a caption wrapped under its label: "Tabell C2   Utbetalningar per stöd och län, 2031."
    over "            Kronor per dag"."""
    found = parse_caption(caption.strip()) if is_caption(caption.strip()) else None
    if found is None or not found.title.strip() or not line.startswith(" "):
        return False
    at = caption.find(found.title.strip()[:12])
    return at > 0 and len(line) - len(line.lstrip(" ")) == at


def _closed_caption(prev: str, line: str) -> bool:
    """A caption line with its title that ends a sentence ("Tabell 1. Kartläggningar efter kön, 2026–2028.
    Källa: SUS.") is whole: the line under it starts something else (a heading, the next paragraph), as in
    a word processor's export where nothing but the line break separates them. "Tabell 3." alone goes on."""
    found = parse_caption(prev) if is_caption(prev) else None
    return found is not None and bool(found.title.strip(" .")) and prev.endswith((".", "!", "?")) and line[:1].isupper()


# Text with one paragraph per line (a word processor's plain-text export, text copied from a web page)
# has no blank lines between paragraphs; a line this long that ends a sentence was never wrapped, so
# the next line is a paragraph (or heading) of its own.
UNWRAPPED_LINE = 100


def one_paragraph_per_line(lines: list[str]) -> bool:
    """Whether the text was never wrapped: a word processor's plain-text export puts each paragraph on
    one line, with no blank lines between them, so no two lines are one paragraph (a bold sub-heading
    "Vilka som kartläggs" is a line of its own, not the first words of the paragraph under it)."""
    text = [line for line in lines if line.strip() and "\t" not in line and line != HTML_CONTINUED]  # (a table's lines are none)
    blank = sum(1 for line in lines if not line.strip())
    long = sum(1 for line in text if len(line) > UNWRAPPED_LINE)
    return len(text) >= 5 and blank <= len(lines) // 20 and long >= len(text) // 4


def _unwrapped_paragraph_end(line: str) -> bool:
    return len(line) > UNWRAPPED_LINE and line.endswith((".", "!", "?"))


def _lone_title(line: str) -> bool:
    """A short line with no closing punctuation that opens with a capital or a section number
    ("Rehabiliteringsinsatser", "2.3 Försörjningshinder"): a heading when longer text follows it."""
    return 0 < len(line) <= 80 and "\t" not in line and not is_toc_line(line) and not line.endswith((".", ":", ";", ",", "?", "!", "-", "–")) and \
        (line[0].isupper() or bool(NUMBERED_HEADING.match(line)))


def join_over_page_breaks(runs: list[Run], lines: list[str], margins: set[int]) -> list[Run]:
    """Text cut by a page break is one again. A paragraph whose last line has no closing
    punctuation goes on after the running footer and header when the text there goes on in lower
    case; an aligned table goes on when the next page opens with rows in the same columns and no
    caption, with or without its column headers repeated."""
    if not margins:
        return runs
    out: list[Run] = []
    for run in runs:
        prev = out[-1] if out else None
        between = range(prev.end + 1, run.start) if prev is not None else range(0)
        over_break = prev is not None and any(k - 1 in margins for k in between) \
            and all(k - 1 in margins or not lines[k - 1].strip() for k in between)
        if over_break and prev.kind == run.kind == "paragraph" \
                and not prev.lines[-1].rstrip().endswith((".", "!", "?", ":")) and run.lines[0].strip()[:1].islower():
            prev.skipped = sorted([*prev.skipped, *between, *run.skipped])
            prev.lines.extend(run.lines)
            continue
        if over_break and prev.kind == run.kind == "table" and _continues_table(prev, run):
            repeated = run.extra["header_rows"]
            base = len(prev.lines)
            prev.extra["indents"].update({base + j - repeated: ind for j, ind in run.extra["indents"].items() if j >= repeated})
            prev.skipped = sorted({*prev.skipped, *between, *run.skipped, *(run.line_of(j) for j in range(repeated))})
            prev.lines.extend(run.lines[repeated:])
            continue
        out.append(run)
    return out


def _continues_table(prev: Run, run: Run) -> bool:
    """An aligned table after a page break goes on with the one before it: the same number of
    columns, and no column headers or the same ones again."""
    if prev.extra.get("header_rows") is None or run.extra.get("header_rows") is None:
        return False
    width = {len(line.split("\t")) for line in prev.lines + run.lines}
    h = run.extra["header_rows"]
    return len(width) == 1 and (h == 0 or run.lines[:h] == prev.lines[:prev.extra["header_rows"]][-h:])


def layout_runs(found) -> list[Run]:
    """Runs for a space-aligned block: one table run (rows as tab-separated lines, the lines folded
    into other rows skipped), or one paragraph per column of side-by-side text."""
    if isinstance(found, AlignedTable):
        start = found.row_lines[0] + 1
        skipped = [k + 1 for k in found.folded if k + 1 > start]
        indents = {j: ind for j, ind in enumerate(found.indents)}
        return [Run("table", ["\t".join(r) for r in found.rows], start, skipped=skipped,
                    extra={"header_rows": found.header_rows, "indents": indents})]
    runs = []
    for column in found.columns:
        first, last = column[0][0], column[-1][0]
        used = {k for k, _ in column}
        runs.append(Run("paragraph", [t for _, t in column], first + 1,
                        skipped=[k + 1 for k in range(first, last + 1) if k not in used]))
    return runs
