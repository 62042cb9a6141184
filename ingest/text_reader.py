"""The text versions in corpus/ (.txt, .md) -> the same Document as a PDF gives.

Formats seen (see shared/corpus/README.md): plain paragraphs, one per line or wrapped over
several lines; `#` headings or numbered lines ("4. Den gemensamma ..."); tables as runs of
tab-separated lines; footnotes as lines starting with `<sup>N</sup>` or superscript digits;
`---` rules; tables of contents with dot leaders; `<b>` and `**` emphasis. Text converted with
`pdftotext -layout` sets its tables in columns aligned with spaces and keeps the pages' running
headers and footers: ingest.text_layout reads those tables and finds those margins.

The reader works in named stages: `lines_to_runs` groups lines into runs (paragraph, table,
footnote, rule), `toc_titles` learns headings from the table of contents, and `runs_to_records`
turns runs into Blocks, Tables and Footnotes with their section path.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Optional

from nlp.sv.captions import is_caption, is_label_value, is_source_or_note, is_table_caption, parse_caption
from nlp.sv.units import unit_phrase

from .records import Block, Document, DocumentMetadata, Footnote, FootnoteRef, Table
from .text_layout import AlignedTable, find_layouts, margin_lines
from .text_grid import ROW_CONTINUED, caption_marks_removed, grid_rows_to_tabs
from .text_markup import match_footnote_line, plain_footnotes, split_markers, strip_tags
from .text_tables import GridCell, align_merged_stub, caption_label, caption_number, cells_from_grid, count_header_rows, is_numeric, unit_note_of

_HASH_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
# "4.2 Omställningsmöten", and "2 2000-talets första år": a title may open with a decade or year word
# ("§ 5 Svar på interpellation ...": a protocol's numbered items are its sections)
_NUMBERED_HEADING = re.compile(r"^(?:§\s*)?(\d{1,2}(?:\.\d{1,2}){0,3})\.?\s+([A-ZÅÄÖ\"”«].{2,150}|\d{2,4}-[a-zåäö].{2,150})$")
_DOT_LEADER = re.compile(r"(?:\.{4,}|…{2,})\s*\d{0,3}\s*$")
_TOC_LINE = re.compile(r"^(.*?)(?:\s*\.{3,}\s*|\t+\s*|\s{2,})(\d{1,3})\s*$")
_RULE = re.compile(r"^\s*(?:-{3,}|\*{3,}|_{3,})\s*$")
_LIST_ITEM = re.compile(r"^\s*(?:[-•*–]\s+|\d{1,2}[.)]\s+|[a-z][.)]\s+)(?=\S)")
# A list item as a word processor's plain text writes it: the bullet or number, a TAB, then the item
# ("•\t412 personer ..."). One field after the mark, so it is no table row.
_TABBED_LIST_MARK = re.compile(r"^(\s*(?:[•◦▪·*–-]|\d{1,2}[.)]|[a-z][.)]))\t+(?=[^\t]+$)")
# A Markdown pipe-table row ("| 2026 | 117,5 |") and its separator row ("|---|:--:|")
_PIPE_ROW = re.compile(r"^\s*\|.*\|\s*$")
# "Bilaga 1. Insatserna i korthet", and chapters that name their number in words ("Avsnitt 2 Gemensam kartläggning")
_APPENDIX_TITLE = re.compile(r"^(?:Bilaga|Appendix|Avsnitt|Kapitel|Del)\s+(?:\d{1,2}|[A-Z]|[IVX]{1,5})\b")
# A key figure set as "Label: value" on a line of its own ("Antal deltagare: 412", "Budget 2026: 3 300 tkr",
# "Huvudman: Åsby kommun"): a short label of a few words, then a short value.
_PIPE_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")
_TOC_TITLE = re.compile(r"^\s*(?:innehållsförteckning|innehåll)\s*$", re.I)
# chapters that sit at the top level even in documents with numbered chapters
_TOP_LEVEL_WORDS = ("sammanfattning", "inledning", "tabellbilaga", "bilaga", "referenser", "innehåll",
                    "innehållsförteckning", "uppdragsbeskrivning", "förord", "summary")


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


def lines_to_runs(lines: list[str]) -> list[Run]:
    """Group raw lines into runs; blank lines separate paragraphs, tabs make tables, and so do
    columns aligned with spaces (see ingest.text_layout); running page headers and footers are
    left out like blank lines."""
    runs: list[Run] = []
    cur: Optional[Run] = None
    toc_mode = False  # inside a table of contents: "Sammanfattning<TAB>4" is an entry, not a table row
    lines = amount_list_rows_to_tabs(borderless_pipe_rows_to_tabs(delimited_rows_to_tabs(grid_rows_to_tabs(html_rows_to_tabs(
        caption_marks_removed(plain_footnotes(lines), is_caption))))))
    margins = margin_lines(lines)
    layouts = find_layouts(lines, margins)
    layout_end = -1  # 1-based last line of the aligned block being passed over
    unwrapped = one_paragraph_per_line(lines)

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
        if i - 1 in layouts:
            close()
            runs.extend(layout_runs(layouts[i - 1]))
            layout_end = layouts[i - 1].end + 1
            continue
        if line == HTML_CONTINUED:
            if cur is not None and cur.kind == "table":
                cur.skipped.append(i)  # a line of an HTML row or a <tbody> tag: part of the table, not a row
            continue
        if _PIPE_SEPARATOR.match(line) and "|" in line and cur is not None and cur.kind == "table":
            cur.skipped.append(i)  # the rule under a Markdown table's header row: part of the table, not a row
            continue
        if _PIPE_ROW.match(line):
            line = pipe_row_to_tabs(line)
        line = _TABBED_LIST_MARK.sub(r"\1 ", line)
        if _RULE.match(line):
            close()
            continue
        if _TOC_TITLE.match(_HASH_HEADING.sub(r"\2", line).strip(" *")):
            toc_mode = True
            if not _HASH_HEADING.match(line):
                # "Innehåll" with its entries right under it (no blank line): a title of its own, so the
                # entries are read as a table of contents and not as a paragraph of page numbers
                close()
                runs.append(Run("paragraph", [line], i))
                continue
        elif toc_mode and not (_is_toc_line(line, True) or _DOT_LEADER.search(line)):
            toc_mode = False
        if cur is not None and cur.kind == "table" and "\t" not in line and i < len(lines) and "\t" in lines[i] \
                and len(line.strip()) <= 60 and not _SENTENCE_END.search(line) and not is_caption(line.strip()) \
                and not is_source_or_note(line.strip()):
            line = line.strip() + "\t"  # "Uppdragsverksamhet" between the rows: a group row of the table, not its end
        if "\t" in line and not (_is_toc_line(line, toc_mode) and (toc_mode or _DOT_LEADER.search(line))):
            if cur is None or cur.kind != "table":
                close()
                cur = Run("table", [], i)
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
        if _LIST_ITEM.match(line) and not _NUMBERED_HEADING.match(line.strip()):
            close()
            runs.append(Run("list_item", [line], i))
            continue
        if cur is not None and cur.kind == "paragraph" and not unwrapped and not _starts_own_run(line, cur):
            cur.lines.append(line)
        else:
            close()
            cur = Run("paragraph", [line], i)
    close()
    return join_over_page_breaks(runs, lines, margins)


def _ends_footnote(prev: str, line: str) -> bool:
    """Whether `line` is no longer part of the footnote above it: a heading, a caption or a paragraph after
    a footnote line that was never wrapped (a word processor's export: one paragraph per line, the chapter's
    notes at its end and the next chapter right under them)."""
    return _unwrapped_paragraph_end(prev) or is_caption(line) or bool(_NUMBERED_HEADING.match(line)) \
        or (prev.endswith((".", "!", "?")) and len(line) > UNWRAPPED_LINE)


def _starts_own_run(line: str, cur: Run) -> bool:
    """A caption, a source line or a "Label: value" line is never the next line of a paragraph, and
    nothing goes on after a source line or a "Label: value" line: "Källa: SUS" right under a table and "Tabell B2 ..." right under that (a caption printed
    below its table, with no blank line between) are two records, not one sentence."""
    text = line.strip()
    prev = cur.lines[-1].strip()
    return is_caption(text) or is_source_or_note(text) or is_source_or_note(prev) \
        or is_label_value(text) or is_label_value(prev) or _unwrapped_paragraph_end(prev) or _is_unit_line(text) \
        or (len(cur.lines) == 1 and _lone_title(prev) and len(text) > len(prev)) or _closed_caption(prev, text)


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


def _is_unit_line(line: str) -> bool:
    """A line that only names a unit ("Tusental kronor" under a caption): the table's, not the caption's words."""
    found = unit_phrase(line)
    return bool(found) and len(found) >= len(line.strip(" .()")) - 2


def one_paragraph_per_line(lines: list[str]) -> bool:
    """Whether the text was never wrapped: a word processor's plain-text export puts each paragraph on
    one line, with no blank lines between them, so no two lines are one paragraph (a bold sub-heading
    "Vilka som kartläggs" is a line of its own, not the first words of the paragraph under it)."""
    text = [line for line in lines if line.strip() and "\t" not in line]
    blank = sum(1 for line in lines if not line.strip())
    long = sum(1 for line in text if len(line) > UNWRAPPED_LINE)
    return len(text) >= 5 and blank <= len(lines) // 20 and long >= len(text) // 4


def _unwrapped_paragraph_end(line: str) -> bool:
    return len(line) > UNWRAPPED_LINE and line.endswith((".", "!", "?"))


def _lone_title(line: str) -> bool:
    """A short line with no closing punctuation that opens with a capital or a section number
    ("Rehabiliteringsinsatser", "2.3 Försörjningshinder"): a heading when longer text follows it."""
    return 0 < len(line) <= 80 and "\t" not in line and not _is_toc_line(line) and not line.endswith((".", ":", ";", ",", "?", "!", "-", "–")) and \
        (line[0].isupper() or bool(_NUMBERED_HEADING.match(line)))


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
    if "header_rows" not in prev.extra or "header_rows" not in run.extra:
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


# Separators of delimited text tables as spreadsheets export them ("Period;Kvinnor;Män"): with a decimal
# comma the separator is a semicolon
DELIMITERS = (";",)
_MAX_DELIMITED_CELL = 80  # a cell longer than this is a sentence, not a table cell
# a cell that ends a sentence is prose, unless the period closes an abbreviation ("1:1 Sjukpenning m.m.")
_SENTENCE_END = re.compile(r"(?<!\bm\.m)(?<!\bm\.fl)(?<!\bbl\.a)(?<!\bt\.ex)(?<!\bo\.d)(?<!\bosv)(?<!\betc)"
                           r"(?<!\binkl)(?<!\bexkl)(?<!\bresp)(?<!\bca)(?<!\bdvs)(?<!\bst)[.!?]\s*$")


def delimited_rows_to_tabs(lines: list[str]) -> list[str]:
    """Lines of a delimited table as the tab-separated rows the rest of the reader knows. A run of
    two or more consecutive lines, each cut by the same number of one delimiter into short cells, at
    least one of them holding a number, is a table: "Kvartal 1;1 894;1 083" -> "Kvartal 1\t1 894\t1 083".
    Prose with a semicolon in it is left alone: its parts are long, end a sentence, or stand alone."""
    out = list(lines)
    for sep in DELIMITERS:
        i = 0
        while i < len(out):
            n = _delimited_width(out[i], sep)
            j = i
            while n and j < len(out) and _delimited_width(out[j], sep) == n:
                j += 1
            rows = out[i:j]
            if j - i >= 2 and any(any(is_numeric(c) for c in r.split(sep)) for r in rows):
                for k in range(i, j):
                    out[k] = "\t".join(c.strip() for c in out[k].rstrip("\n\r").split(sep))
            i = max(j, i + 1)
    return out


# "ap.1 Sjukpenning (ram) 44 871 300", "Summa 46 812 400": a label and an amount at the end of its line
_LABEL_AMOUNT = re.compile(r"^(?P<label>\S.*?[^\W\d_)].*?|\S.*?\))\s+(?P<amount>[−–\-+]?\d{1,3}(?:[ \u00a0]\d{3})+(?:,\d+)?"
                           r"|[−–\-+]?\d{3,}(?:,\d+)?|[−–\-+]?\d+,\d+)\s*$")
_MAX_LIST_LINE = 100


def _list_line(line: str) -> Optional[re.Match[str]]:
    text = line.rstrip("\n\r")
    if "\t" in text or len(text) > _MAX_LIST_LINE or "|" in text or re.search(r"\S {2,}\S", text):
        return None  # (columns set with runs of spaces are the layout reader's)
    m = _LABEL_AMOUNT.match(text.strip())
    if m is None or is_caption(text.strip()) or _SENTENCE_END.search(m.group("label")) or find_sentence_break(m.group("label")) \
            or re.search(r"\d\s*$", m.group("label")) or m.group("label").rstrip().endswith(":"):
        # ("Antal deltagare: 518" is a key figure's "Label: value" line, read as such)
        return None
    return m


def find_sentence_break(text: str) -> bool:
    """Whether a label holds a sentence's end and the start of another ("Det blev 12. Sedan ...")."""
    return bool(re.search(r"[.!?]\s+[A-ZÅÄÖ]", text))


def amount_list_rows_to_tabs(lines: list[str]) -> list[str]:
    """A list of amounts set one to a line with no column separator, as statsliggaren and budget texts
    print them ("ap.1 Sjukpenning (ram) 44 871 300" ... "Summa 46 812 400", under a line "Tkr"): the
    tab-separated rows of a two-column table. A block of lines with no blank line between them is such a
    list when two or more of its lines end with an amount after a label and none of them is a sentence;
    the lines with a label only ("Disponeras av Försäkringskassan") are rows of the same table. A line
    that only names a unit ends the block (it is the unit of the list under it)."""
    out = list(lines)
    i = 0
    while i < len(out):
        if not out[i].strip() or "\t" in out[i] or _is_unit_line(out[i]):
            i += 1
            continue
        j = i
        while j < len(out) and out[j].strip() and "\t" not in out[j] and not _is_unit_line(out[j]) \
                and len(out[j].rstrip()) <= _MAX_LIST_LINE and not _SENTENCE_END.search(out[j].rstrip()) \
                and not re.search(r"\S {2,}\S", out[j]):
            j += 1
        amounts = [k for k in range(i, j) if _list_line(out[k])]
        if len(amounts) >= 2 and j - i <= 3 * len(amounts):
            for k in range(i, j):
                m = _list_line(out[k])
                out[k] = f"{m.group('label').strip()}\t{m.group('amount')}" if m else f"{out[k].strip()}\t"
        i = max(j, i + 1)
    return out


def borderless_pipe_rows_to_tabs(lines: list[str]) -> list[str]:
    """Rows cut by " | " without the Markdown border pipes, as web pages and chat tools copy a table:
    "Gemensamma kartläggningar | 6 912 | 4 087", under " | 2024 | | | 2025 | |". Every pipe is a
    cell border, so a line that opens with one has an empty first cell (the corner over the row
    labels) and the columns stay in place. Two or more such lines with the same number of pipes, a
    number among their cells, make a table; a Markdown rule line between them ("---|---") stays a
    rule. Tables whose every row has both border pipes are left to the Markdown reading."""
    out = list(lines)
    i = 0
    while i < len(out):
        n = _pipe_width(out[i])
        j, rows = i, []
        while n and j < len(out) and (_pipe_width(out[j]) == n or rows and _PIPE_SEPARATOR.match(out[j]) and "|" in out[j]):
            if not _PIPE_SEPARATOR.match(out[j]):
                rows.append(j)
            j += 1
        bordered = all(_PIPE_ROW.match(out[k]) and out[k].strip().startswith("|") for k in rows)
        if rows and rows[0] > 0 and 0 < _pipe_width(out[rows[0] - 1]) < n:
            rows.insert(0, rows[0] - 1)  # a header row with fewer cells: one merged over several columns
        if len(rows) >= 2 and not bordered and any(is_numeric(c.strip()) for k in rows for c in _PIPE_CELL.split(out[k])):
            for k in rows:
                out[k] = "\t".join(c.strip().replace("\\|", "|") for c in _PIPE_CELL.split(out[k].rstrip("\n\r")))
        i = max(j, i + 1)
    return out


_PIPE_CELL = re.compile(r"(?<!\\)\|")


def _pipe_width(line: str) -> int:
    """How many unescaped pipes cut `line` into short table cells (0 when it is no such row)."""
    if "|" not in line or "\t" in line or _PIPE_SEPARATOR.match(line):
        return 0
    return _width(_PIPE_CELL.split(line.rstrip("\n\r")))


def _delimited_width(line: str, sep: str) -> int:
    """How many times `sep` cuts `line` into table cells (0 when it is no table row)."""
    if sep not in line or "\t" in line:
        return 0
    return _width(line.rstrip("\n\r").split(sep))


def _width(cells: list[str]) -> int:
    """The number of cuts between `cells`, or 0 when one of them is a sentence rather than a cell."""
    if any(len(c.strip()) > _MAX_DELIMITED_CELL or _SENTENCE_END.search(c.strip()) for c in cells):
        return 0
    return len(cells) - 1


# An HTML table in a Markdown document (pandoc and many editors write them): each <tr> becomes the
# tab-separated row the reader knows, on the line the row starts on; the row's further lines and the
# structural tags between rows are marked as part of the table.
HTML_CONTINUED = ROW_CONTINUED
_HTML_TABLE_OPEN = re.compile(r"^\s*<table\b", re.IGNORECASE)
_HTML_TABLE_CLOSE = re.compile(r"</table\s*>", re.IGNORECASE)
_HTML_STRUCTURE = re.compile(r"^\s*(?:</?(?:table|thead|tbody|tfoot|colgroup|col)\b[^>]*>\s*)+$", re.IGNORECASE)
_HTML_ROW = re.compile(r"<tr\b[^>]*>(.*?)</tr\s*>", re.IGNORECASE | re.DOTALL)
_HTML_CELL = re.compile(r"<t[hd]\b([^>]*)>(.*?)</t[hd]\s*>", re.IGNORECASE | re.DOTALL)
_HTML_CAPTION = re.compile(r"<caption\b[^>]*>(.*?)</caption\s*>", re.IGNORECASE | re.DOTALL)
_HTML_TAG = re.compile(r"<[^>]+>")


def _html_text(fragment: str) -> str:
    return " ".join(html.unescape(_HTML_TAG.sub(" ", fragment)).split())


def html_rows_to_tabs(lines: list[str]) -> list[str]:
    """Lines of HTML tables as tab-separated rows: "<tr><td>Arbete</td><td>97</td></tr>" -> "Arbete\t97".
    A cell spanning columns (colspan) is followed by empty cells so the columns stay in place; a
    <caption> becomes a caption line of its own."""
    out = list(lines)
    i = 0
    while i < len(out):
        if not _HTML_TABLE_OPEN.match(out[i]):
            i += 1
            continue
        end = next((j for j in range(i, len(out)) if _HTML_TABLE_CLOSE.search(out[j])), len(out) - 1)
        block = "\n".join(out[i:end + 1])
        for k in range(i, end + 1):
            out[k] = HTML_CONTINUED
        out[i] = ""  # "<table>": what stands before the first row, like a blank line
        caption = _HTML_CAPTION.search(block)
        offsets = [0]
        for k in range(i, end + 1):
            offsets.append(offsets[-1] + len(lines[k]) + 1)
        def line_of(pos: int) -> int:
            return i + next(k for k in range(len(offsets) - 1) if offsets[k] <= pos < offsets[k + 1])
        if caption is not None:
            out[line_of(caption.start())] = _html_text(caption.group(1))
        for row in _HTML_ROW.finditer(block):
            cells: list[str] = []
            for attrs, inner in _HTML_CELL.findall(row.group(1)):
                cells.append(_html_text(inner))
                span = re.search(r"colspan\s*=\s*[\"']?(\d+)", attrs, re.IGNORECASE)
                cells.extend([""] * (int(span.group(1)) - 1 if span else 0))
            at = line_of(row.start())
            out[at] = "\t".join(cells) if len(cells) > 1 else (cells[0] + "\t" if cells else "")
        if out[end] == HTML_CONTINUED and not _HTML_ROW.search(lines[end]):
            out[end] = ""  # "</table>": the table ends here
        i = end + 1
    return out


def pipe_row_to_tabs(line: str) -> str:
    """A Markdown table row as the tab-separated row the rest of the reader knows:
    "| Förmån | 2025 | 2026 |" -> "Förmån\t2025\t2026". An escaped pipe ("\\|") stays text."""
    body = line.strip()
    body = body[1:] if body.startswith("|") else body
    body = body[:-1] if body.endswith("|") and not body.endswith("\\|") else body
    cells = re.split(r"(?<!\\)\|", body)
    row = "\t".join(c.strip().replace("\\|", "|") for c in cells)
    return row if "\t" in row else row + "\t"


def _is_toc_line(line: str, in_toc: bool = False) -> bool:
    """'Sammanfattning<TAB>4' or '1. Inledning.....<TAB>6': a table-of-contents entry.

    Inside a table of contents any "title<TAB>page" line is an entry; elsewhere the title
    must not end in digits (a two-column table row "Sjukpenning<TAB>905" otherwise looks alike).
    """
    cells = [c for c in line.split("\t") if c.strip()]
    if in_toc and len(cells) >= 2 and re.fullmatch(r"\d{1,3}", cells[-1].strip()) and re.search(r"[A-Za-zÅÄÖåäö]{3}", cells[0] + cells[-2]):
        return True
    if len(cells) == 2 and re.fullmatch(r"\d{1,3}", cells[1].strip()) and not re.fullmatch(r"[\d\s,.%−\-]+", cells[0]):
        first = cells[0].strip()
        return bool(_DOT_LEADER.search(line)) or not re.search(r"\d", first[-3:]) and len(first) > 3
    if len(cells) == 3 and re.fullmatch(r"\d{1,2}(?:\.\d{1,2})*", cells[0].strip()) and re.fullmatch(r"\d{1,3}", cells[2].strip()):
        return True  # "4<TAB>"Hamna mellan stolarna"<TAB>41"
    return False


def _clean_title(text: str) -> str:
    text = strip_tags(split_markers(text)[0])
    text = _DOT_LEADER.sub("", text)
    text = re.sub(r"\t+\d{1,3}\s*$", "", text)
    text = text.replace("\t", " ")
    return re.sub(r"\s+", " ", text).strip(" .")


def _norm(text: str) -> str:
    return re.sub(r"[^\wåäö]+", " ", _clean_title(text).lower()).strip()


def toc_titles(runs: list[Run]) -> set[str]:
    """Headings announced by the table of contents, normalised for matching."""
    titles: set[str] = set()
    for run in runs:
        for line in run.lines:
            if _is_toc_line(line) or (_DOT_LEADER.search(line) and len(line) < 200):
                m = _TOC_LINE.match(line.replace("\t", "\t"))
                title = m.group(1) if m else line
                title = re.sub(r"^\d{1,2}(?:\.\d{1,2})*\.?\s*", "", _clean_title(title).replace("\t", " "))
                if title:
                    titles.add(_norm(title))
    return titles


def _numbered_level(text: str) -> Optional[int]:
    m = _NUMBERED_HEADING.match(text.strip())
    if not m or len(text) > 160 or text.rstrip().endswith((".", ":", ";", ",")):
        return None
    return m.group(1).count(".") + 1


def _looks_like_heading(run: Run, next_run: Optional[Run]) -> bool:
    """A short stand-alone line with no closing punctuation, followed by longer text or by a block of
    "Label: value" lines ("Året i siffror", the name of an insats above its key figures)."""
    if len(run.lines) != 1:
        return False
    raw = strip_tags(split_markers(run.lines[0])[0]).strip()
    if raw.endswith((".", ":", ";", ",", "?", "!")) or is_label_value(raw):
        return False
    text = _clean_title(run.lines[0])
    if not text or len(text) > 110 or len(text.split()) > 14 or not text[0].isupper():
        return False
    if text.endswith((".", ":", ";", ",", "?", "!")) or re.match(r"^[\d\W]", text):
        return False
    if is_caption(text) or is_source_or_note(text) or re.search(r"\d{4}-\d{2}-\d{2}", text):
        return False
    if len(re.findall(r"\d+(?:[ ,]\d+)*", text)) >= 3:
        return False  # "För res. 1: 98 S, 24 V, 20 MP": a line of figures, not a title
    if next_run is not None and next_run.kind == "paragraph" and is_label_value(next_run.lines[0].strip()):
        return True
    if next_run is not None and _APPENDIX_TITLE.match(text):
        return True  # "Bilaga 1. Insatserna i korthet" opens the appendix, whatever follows
    return next_run is not None and next_run.kind in ("paragraph", "list_item") and len(" ".join(next_run.lines)) > 2 * len(text) + 40


@dataclass
class _SectionStack:
    entries: list[tuple[int, str]] = field(default_factory=list)

    def push(self, level: int, title: str) -> None:
        while self.entries and self.entries[-1][0] >= level:
            self.entries.pop()
        self.entries.append((level, title))

    @property
    def path(self) -> tuple[str, ...]:
        return tuple(t for _, t in self.entries)


def runs_to_records(doc_id: str, runs: list[Run]) -> tuple[list[Block], list[Table], list[Footnote]]:
    """Blocks, Tables and Footnotes, with section paths, from the runs of one document."""
    toc = toc_titles(runs)
    uses_numbers = any(_numbered_level(r.lines[0]) for r in runs if r.kind in ("paragraph", "heading") and len(r.lines) == 1)
    min_hash = min((r.heading_level for r in runs if r.kind == "heading"), default=1)
    # one biggest heading that comes first is the document title (level 0); several are chapters
    top = [i for i, r in enumerate(runs) if r.kind == "heading" and r.heading_level == min_hash]
    first_heading = next((i for i, r in enumerate(runs) if r.kind == "heading"), None)
    single_title = len(top) == 1 and top[0] == first_heading and \
        _norm(runs[top[0]].lines[0]).split(" ")[0] not in _TOP_LEVEL_WORDS
    stack = _SectionStack()
    blocks: list[Block] = []
    tables: list[Table] = []
    footnotes: list[Footnote] = []
    in_toc = False
    seen_numbered = False
    cell_refs: dict[int, list[str]] = {}  # footnote number -> ids of cells where its marker stands
    below = captions_below(runs)

    for idx, run in enumerate(runs):
        nxt = runs[idx + 1] if idx + 1 < len(runs) else None
        if run.kind == "table":
            if in_toc:
                for j, line in enumerate(run.lines):
                    blocks.append(_block(doc_id, len(blocks), "toc", stack.path, _clean_title(line), run.start + j, run.start + j))
                continue
            table = _table(doc_id, len(tables), run, runs[:idx], runs[idx + 1:], stack.path, cell_refs, below)
            if table is not None:
                tables.append(table)
            continue
        if run.kind == "footnote":
            text, _ = split_markers(strip_tags(run.extra["text"]))
            number = run.extra["number"]
            if any(f.number == number and f.text == text for f in footnotes):
                continue  # the converter repeated a footnote: the same footnote
            repeat = sum(1 for f in footnotes if f.number == number)  # numbering restarts per chapter
            fn_id = f"{doc_id}:fn{number}" + (f"-{repeat + 1}" if repeat else "")
            footnotes.append(Footnote(id=fn_id, doc=doc_id, number=number, text=text, line=run.start))
            continue

        first = run.lines[0]
        level: Optional[int] = None
        if in_toc and run.kind == "paragraph" and len(run.lines) == 1 and "\t" in first and _is_toc_line(first, True):
            # an entry of the table of contents under its title, a line of its own in a word processor's export
            # ("Bilaga 2 Nyckeltal 2024–2028<TAB>11"): neither a heading nor a figure
            blocks.append(_block(doc_id, len(blocks), "toc", stack.path, _clean_title(first), run.start, run.start))
            continue
        if run.kind == "heading":
            title = _clean_title(first)
            num_level = _numbered_level(title)
            if num_level:
                level = num_level
                seen_numbered = True
            else:
                # the document title (the first, biggest heading) is level 0; the rest nest under it
                level = run.heading_level - min_hash + (0 if single_title else 1)
                if level == 0 and any(b.kind == "heading" for b in blocks):
                    level = 1
                if seen_numbered and _norm(title).split(" ")[0] not in _TOP_LEVEL_WORDS:
                    level = max(level, 2)
        elif run.kind == "paragraph" and len(run.lines) == 1:
            title = _clean_title(first)
            num_level = _numbered_level(first.replace("\t", " "))
            norm = _norm(title)
            if num_level and (not toc or norm and _norm(re.sub(r"^\d{1,2}(?:\.\d{1,2})*\.?\s*", "", title)) in toc or _looks_like_heading(run, nxt) or len(title) < 100):
                level = num_level
                seen_numbered = True
            elif norm in toc or _looks_like_heading(run, nxt) or _TOC_TITLE.match(title):
                top = norm.split(" ")[0] in _TOP_LEVEL_WORDS
                level = 1 if (top or not uses_numbers) else 2
        if level is not None:
            title = _clean_title(first)
            in_toc = bool(_TOC_TITLE.match(title))
            stack.push(level, title)
            # markers in a heading ("Resultat ... arbetsförmåga<sup>9</sup>") still cite their footnote
            heading_refs = tuple(FootnoteRef(r.number, min(r.offset, len(title)))
                                 for r in split_markers(strip_tags(first.lstrip("# ")))[1])
            blocks.append(_block(doc_id, len(blocks), "heading", stack.path[:-1], title, run.start, run.end, heading_refs))
            continue

        if in_toc and all(_DOT_LEADER.search(l) or _TOC_LINE.match(l) for l in run.lines):
            for j, line in enumerate(run.lines):
                blocks.append(_block(doc_id, len(blocks), "toc", stack.path, _clean_title(line), run.start + j, run.start + j))
            continue
        in_toc = False if run.kind == "paragraph" and not _DOT_LEADER.search(first) else in_toc

        kind = run.kind
        joined, breaks = _join_lines(run.lines)
        if run.skipped:
            # a line left out inside the run (a page's footer and header) still counts: its break repeats
            breaks = tuple(b for j, b in enumerate(breaks, start=1) for _ in range(run.line_of(j) - run.line_of(j - 1)))
        text, refs = split_markers(strip_tags(joined))
        breaks = _shift_breaks(breaks, joined, refs)
        if is_caption(text):
            kind = "caption"
        elif is_source_or_note(text):
            kind = "source_note"
        elif kind == "list_item":
            text = text.strip()
        blocks.append(_block(doc_id, len(blocks), kind, stack.path, text.strip(), run.start, run.end, refs, breaks))

    footnotes = _link_footnotes(footnotes, blocks, cell_refs)
    return blocks, tables, footnotes


def _join_lines(lines: list[str]) -> tuple[str, tuple[int, ...]]:
    """Join wrapped lines; 'social-' + 'försäkringen' loses its hyphen, other breaks become spaces."""
    text = lines[0].strip()
    breaks: list[int] = []
    for line in lines[1:]:
        nxt = line.strip()
        if re.search(r"\w-$", text) and nxt[:1].islower():
            text = text[:-1]
            breaks.append(len(text))
            text += nxt
        else:
            text += " "
            breaks.append(len(text))
            text += nxt
    return text, tuple(breaks)


def _shift_breaks(breaks: tuple[int, ...], raw: str, refs: tuple[FootnoteRef, ...]) -> tuple[int, ...]:
    """Line-break offsets after markup removal: approximate by scaling to the cleaned length."""
    if not breaks:
        return breaks
    clean_len = len(split_markers(strip_tags(raw))[0])
    if clean_len == len(raw):
        return breaks
    ratio = clean_len / max(len(raw), 1)
    return tuple(int(b * ratio) for b in breaks)


def _block(doc_id: str, order: int, kind: str, section: tuple[str, ...], text: str, start: int, end: int,
           refs: tuple[FootnoteRef, ...] = (), breaks: tuple[int, ...] = ()) -> Block:
    return Block(id=f"{doc_id}:b{order}", doc=doc_id, order=order, kind=kind, section=section, text=text,
                 line_start=start, line_end=end, footnote_refs=refs, line_breaks=breaks)


def _run_text(run: Run) -> str:
    return _clean_title(" ".join(run.lines))


def captions_below(runs: list[Run]) -> bool:
    """Whether this document prints its table captions below the tables.

    Decided from the document's own habit, since a caption between two tables could belong to
    either: captions that stand right after a table (a source or note line may come between)
    against captions that stand right before one.
    """
    above = below = 0
    for i, run in enumerate(runs):
        if run.kind == "table" or not is_table_caption(_run_text(run)):
            continue
        nxt = runs[i + 1:i + 3]
        if nxt and (nxt[0].kind == "table" or len(nxt) > 1 and nxt[1].kind == "table" and len(_run_text(nxt[0])) < 80):
            above += 1
        prev = [r for r in runs[max(0, i - 3):i]]
        while prev and prev[-1].kind != "table" and is_source_or_note(_run_text(prev[-1])):
            prev.pop()
        if prev and prev[-1].kind == "table":
            below += 1
    return below > above


def _table(doc_id: str, index: int, run: Run, before: list[Run], after: list[Run], section: tuple[str, ...],
           cell_refs: dict[int, list[str]], below: bool = False) -> Optional[Table]:
    table_id = f"{doc_id}:t{index}"
    rows: list[list[GridCell]] = []
    unit_note = ""
    markers: list[tuple[int, int, int]] = []  # (footnote, row, col)
    indents = run.extra.get("indents", {})
    layout_header = run.extra.get("header_rows")
    paren_notes = _paren_note_numbers(after)
    for j, line in enumerate(run.lines):
        split = [_split_paren_marker(*split_markers(strip_tags(c)), paren_notes) for c in line.split("\t")]
        parts = [text.strip() for text, _ in split]
        if unit_note_of(parts) and rows:
            unit_note = unit_note_of(parts) or ""
            if layout_header is not None and j < run.extra["header_rows"]:
                layout_header -= 1
            continue
        for col, (_, refs) in enumerate(split):
            markers += [(r.number, len(rows), col) for r in refs]
        rows.append([GridCell(text=p, line=run.line_of(j), indent=indents.get(j) if col == 0 else None)
                     for col, p in enumerate(parts)])
    # trailing empty columns exist only because lines end with a tab
    n_cols = max(len(r) for r in rows)
    while n_cols > 1 and all(len(r) < n_cols or not r[n_cols - 1].text for r in rows):
        n_cols -= 1
    aligned = align_merged_stub([[c.text for c in r] for r in rows], n_cols)
    rows = [r[:1] + [GridCell(text="", line=r[0].line)] * (len(a) - len(r)) + r[1:] if len(a) > len(r) else r
            for r, a in zip(rows, aligned)]
    grid = [(r + [GridCell(text="", line=r[0].line if r else None)] * (n_cols - len(r)))[:n_cols] for r in rows]
    if not any(c.text for row in grid for c in row):
        return None
    # a Markdown table says which rows are its header: those above its |---| rule
    marked = sum(1 for j in range(len(run.lines)) if run.skipped and run.line_of(j) < run.skipped[0]) \
        if layout_header is None else 0
    header_rows = max(marked, count_header_rows([[c.text for c in row] for row in grid])) if marked else layout_header
    for number, row, col in markers:
        cell_refs.setdefault(number, []).append(f"{table_id}:r{row}c{col}")
    caption = (_caption_after(after) if below else _nearby_caption(before)) or _figure_caption(before, after)
    source = _nearby_source(after)
    notes = _notes_after(after)
    corner = grid[0][0].text if grid and grid[0] else ""
    # (a line of its own that names the unit is the table's own word; a caption may speak of a rate "per 1 000")
    unit_note = unit_note or _unit_line_above(before) or unit_phrase(caption) or unit_phrase(corner) or next(
        (unit_phrase(n) for n in notes if unit_phrase(n)), "") or _unit_line_below(after)
    label, continued = caption_label(caption)
    return Table(id=table_id, doc=doc_id, index=index, number=caption_number(caption), caption=caption,
                 cells=cells_from_grid(table_id, grid, header_rows), source_note=source, unit_note=unit_note,
                 section=section, line_start=run.start, line_end=run.end, label=label, continued=continued,
                 header_rows=header_rows if header_rows is not None else count_header_rows([[c.text for c in r] for r in grid]))


def _nearby_caption(before: list[Run]) -> str:
    """The closest table caption ("Tabell 6 ...", "Tabell B1 ...", "Tab. 3.2 ...") among the few runs above."""
    for run in reversed(before[-4:]):
        if run.kind == "table":
            break
        text = _run_text(run)
        if is_table_caption(text):
            return text
    return ""


# A note under a table numbered "1) ..." and its marker after a cell's figure ("311 1)"), as word processors
# write them without superscript.
_PAREN_NOTE_LINE = re.compile(r"^\s*(\d{1,2})\)\s+\S")
_PAREN_MARKER = re.compile(r"(?<=\d)\s+(\d{1,2})\)\s*$")


def _paren_note_numbers(after: list[Run]) -> set[int]:
    """The numbers of the "1) ..." notes printed right below a table."""
    found: set[int] = set()
    for run in after[:3]:
        if run.kind == "table":
            break
        for line in run.lines:
            m = _PAREN_NOTE_LINE.match(line)
            if m:
                found.add(int(m.group(1)))
    return found


def _split_paren_marker(text: str, refs: tuple[FootnoteRef, ...], notes: set[int]) -> tuple[str, tuple[FootnoteRef, ...]]:
    """"311 1)" under a note "1) ...": the figure 311 with a marker for note 1."""
    m = _PAREN_MARKER.search(text)
    if m is None or int(m.group(1)) not in notes:
        return text, refs
    return text[:m.start()], refs + (FootnoteRef(number=int(m.group(1)), offset=m.start()),)


def _figure_caption(before: list[Run], after: list[Run]) -> str:
    """A figure's caption right next to a table that has none of its own: the figure's data, as web
    pages and reports set it under or over the chart ("Figur 3. Antal möten ..." then the rows). Above
    when it stands right over the table, else below it (source and note lines may come first)."""
    for run in reversed(before[-4:]):
        # (the chart's source line and a short heading such as "Diagrammets data" may stand between)
        if run.kind == "table":
            break
        text = _run_text(run)
        found = parse_caption(text)
        if found is not None:
            if found.kind == "figure":
                return text
            break
        if not (is_source_or_note(text) or (len(text) <= 40 and not any(ch.isdigit() for ch in text))):
            break
    for run in after[:3]:
        if run.kind == "table":
            break
        text = _run_text(run)
        found = parse_caption(text)
        if found is not None:
            return text if found.kind == "figure" else ""
        if not is_source_or_note(text):
            break
    return ""


def _unit_line_above(before: list[Run]) -> str:
    """A line of its own right above the table that only names its unit ("Miljoner kronor"),
    printed under the caption in the same paragraph or alone."""
    if not before or before[-1].kind == "table":
        return ""
    for line in reversed(before[-1].lines[-2:]):
        text = strip_tags(line).strip()
        found = unit_phrase(text)
        if found and (len(found) >= len(text.strip(" .()")) - 2 or text[len(found):].lstrip().startswith(",")):
            return found  # "Miljoner kronor", "Kronor, 2027 års priser"
    return ""


_EMPHASIS = re.compile(r"^[*_]{1,3}(.*?)[*_]{1,3}$")


def _unit_line_below(after: list[Run]) -> str:
    """A line of its own under the table (before or after its source line) that only names the unit of
    its figures: "*Belopp i tusentals kronor.*" in a Markdown sheet, "Belopp i tkr" in a report."""
    for run in after[:3]:
        if run.kind == "table" or len(run.lines) > 2:
            break
        text = strip_tags(" ".join(run.lines)).strip()
        plain = _EMPHASIS.sub(r"\1", text).strip()
        if unit_note_of([plain]) and unit_phrase(plain):  # ("Antal individer i ...", a heading below, names none)
            return plain
        if not is_source_or_note(text):
            break
    return ""


def _caption_after(after: list[Run]) -> str:
    """The table caption right below a table (source and note lines may come first)."""
    for run in after[:4]:
        if run.kind == "table":
            break
        text = _run_text(run)
        if is_table_caption(text):
            return text
        if not is_source_or_note(text):
            break
    return ""


def _nearby_source(after: list[Run]) -> str:
    for run in after[:3]:
        text = strip_tags(" ".join(run.lines)).strip()
        if is_source_or_note(text) and not re.match(r"^\s*(?:anm|not|kommentar|förklaring)", text, re.I):
            return text
        if run.kind == "table" or not (is_source_or_note(text) or is_table_caption(_run_text(run))):
            break
    return ""


def _notes_after(after: list[Run]) -> list[str]:
    """The note and source lines printed right below a table ("Anm.: Belopp i mnkr.")."""
    out = []
    for run in after[:4]:
        text = strip_tags(" ".join(run.lines)).strip()
        if run.kind == "table":
            break
        if is_source_or_note(text):
            out.append(text)
        elif not is_table_caption(_run_text(run)):
            break
    return out


def _link_footnotes(footnotes: list[Footnote], blocks: list[Block], cell_refs: dict[int, list[str]]) -> list[Footnote]:
    """Give each footnote the ids of the blocks and table cells where its marker stands.

    Numbering may restart per chapter, so a marker goes to the first footnote of its number
    printed at or after it (footnotes follow their markers), else the last one before it.
    """
    refs: dict[str, list[str]] = {f.id: [] for f in footnotes}

    def target(number: int, line: Optional[int]) -> Optional[Footnote]:
        same = [f for f in footnotes if f.number == number]
        if not same:
            return None
        if line is None:
            return same[0]
        after = [f for f in same if (f.line or 0) >= line]
        return after[0] if after else same[-1]

    for number, ids in cell_refs.items():
        for cell_id in ids:
            fn = target(number, None)
            if fn:
                refs[fn.id].append(cell_id)
    for b in blocks:
        for r in b.footnote_refs:
            fn = target(r.number, b.line_start)
            if fn:
                refs[fn.id].append(b.id)
    return [Footnote(id=fn.id, doc=fn.doc, number=fn.number, text=fn.text, page=fn.page, page_label=fn.page_label,
                     line=fn.line, marker_refs=tuple(refs[fn.id])) for fn in footnotes]


def read_text(path: Path, doc_id: str, metadata: DocumentMetadata, content_hash: str, text: Optional[str] = None) -> Document:
    """Read a .txt/.md report into a Document."""
    if text is None:
        text = Path(path).read_text(encoding="utf-8")
    lines = text.splitlines()
    runs = lines_to_runs(lines)
    blocks, tables, footnotes = runs_to_records(doc_id, runs)
    return Document(id=doc_id, source_file=Path(path).name, content_hash=content_hash, format="text",
                    metadata=metadata, line_count=len(lines), blocks=tuple(blocks), tables=tuple(tables),
                    footnotes=tuple(footnotes), path=str(path))


def iter_lines(doc: Document) -> Iterable[str]:
    """Plain text of a document in reading order (for inference and debugging)."""
    for b in doc.blocks:
        yield b.text
