"""Tables written in other notations than tabs -> tab-separated rows: ";"-delimited lines, lists of
"label  amount" lines, Markdown pipe rows (with or without their outer pipes) and HTML tables."""
from __future__ import annotations

import html
import re
from typing import Optional

from nlp.sv.captions import is_caption
from nlp.sv.units import unit_line_of

from .text_grid import ROW_CONTINUED, TableShape
from .text_markup import sup_tags_as_superscripts
from .text_tables import is_numeric


# A Markdown pipe-table row ("| 2026 | 117,5 |") and its separator row ("|---|:--:|")
PIPE_ROW = re.compile(r"^\s*\|.*\|\s*$")


# A key figure set as "Label: value" on a line of its own ("Antal deltagare: 412", "Budget 2026: 3 300 tkr",
# "Huvudman: Åsby kommun"): a short label of a few words, then a short value.
PIPE_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")


def is_unit_line(line: str) -> bool:
    """A line that only names a unit ("Tusental kronor" under a caption): the table's, not the caption's words."""
    return bool(unit_line_of(line))


# Separators of delimited text tables as spreadsheets export them ("Period;Kvinnor;Män"): with a decimal
# comma the separator is a semicolon
DELIMITERS = (";",)
_MAX_DELIMITED_CELL = 80  # a cell longer than this is a sentence, not a table cell
# a cell that ends a sentence is prose, unless the period closes an abbreviation ("1:1 Sjukpenning m.m.")
SENTENCE_END = re.compile(r"(?<!\bm\.m)(?<!\bm\.fl)(?<!\bbl\.a)(?<!\bt\.ex)(?<!\bo\.d)(?<!\bosv)(?<!\betc)"
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
    if m is None or is_caption(text.strip()) or SENTENCE_END.search(m.group("label")) or find_sentence_break(m.group("label")) \
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
        if not out[i].strip() or "\t" in out[i] or is_unit_line(out[i]):
            i += 1
            continue
        j = i
        while j < len(out) and out[j].strip() and "\t" not in out[j] and not is_unit_line(out[j]) \
                and len(out[j].rstrip()) <= _MAX_LIST_LINE and not SENTENCE_END.search(out[j].rstrip()) \
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
        while n and j < len(out) and (_pipe_width(out[j]) == n or rows and PIPE_SEPARATOR.match(out[j]) and "|" in out[j]):
            if not PIPE_SEPARATOR.match(out[j]):
                rows.append(j)
            j += 1
        bordered = all(PIPE_ROW.match(out[k]) and out[k].strip().startswith("|") for k in rows)
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
    if "|" not in line or "\t" in line or PIPE_SEPARATOR.match(line):
        return 0
    return _width(_PIPE_CELL.split(line.rstrip("\n\r")))


def _delimited_width(line: str, sep: str) -> int:
    """How many times `sep` cuts `line` into table cells (0 when it is no table row)."""
    if sep not in line or "\t" in line:
        return 0
    return _width(line.rstrip("\n\r").split(sep))


def _width(cells: list[str]) -> int:
    """The number of cuts between `cells`, or 0 when one of them is a sentence rather than a cell."""
    if any(len(c.strip()) > _MAX_DELIMITED_CELL or SENTENCE_END.search(c.strip()) for c in cells):
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


_HTML_INLINE = re.compile(r"</?(?:b|strong|i|em|u|span|a|abbr|small|sub|mark|data|time)\b[^>]*>", re.IGNORECASE)


def _html_text(fragment: str) -> str:
    """A cell's text: a note marker in <sup> as the superscript digits the reader knows ("1 234<sup>2</sup>"
    is 1 234 with note 2, not 1 234 2), inline tags gone without a space ("<b>12</b>%" is "12%")."""
    fragment = sup_tags_as_superscripts(fragment)
    return " ".join(html.unescape(_HTML_TAG.sub(" ", _HTML_INLINE.sub("", fragment))).split())


def html_rows_to_tabs(lines: list[str], shapes: Optional[dict[int, TableShape]] = None) -> list[str]:
    """Lines of HTML tables as tab-separated rows: "<tr><td>Arbete</td><td>97</td></tr>" -> "Arbete\t97".
    A cell spanning columns (colspan) is followed by empty cells so the columns stay in place; a
    <caption> becomes a caption line of its own. What the markup says beyond the rows goes into
    `shapes` (by the index of the table's first row line): the header rows (the leading rows of <th>
    cells only) and the line each cell stands on, for a page that sets each <td> on a line of its own."""
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
        below: dict[int, int] = {}  # column -> rows a cell above (rowspan) still covers
        cell_lines: dict[int, tuple[int, ...]] = {}
        header_rows, body_seen, first_row = 0, False, None
        for r, row in enumerate(_HTML_ROW.finditer(block)):
            at = line_of(row.start())
            cells: list[str] = []
            where: list[int] = []

            def covered() -> None:
                while below.get(len(cells), 0) > 0:  # a cell merged down from a row above: empty here, as in a PDF
                    below[len(cells)] -= 1
                    cells.append("")
                    where.append(at)
            only_th = True
            for cell in _HTML_CELL.finditer(row.group(1)):
                attrs, inner = cell.group(1), cell.group(2)
                covered()
                col = len(cells)
                cells.append(_html_text(inner))
                span = re.search(r"colspan\s*=\s*[\"']?(\d+)", attrs, re.IGNORECASE)
                cells.extend([""] * (int(span.group(1)) - 1 if span else 0))
                where.extend([line_of(row.start(1) + cell.start())] * (len(cells) - col))
                only_th = only_th and cell.group(0)[:3].lower() == "<th"
                down = re.search(r"rowspan\s*=\s*[\"']?(\d+)", attrs, re.IGNORECASE)
                if down and int(down.group(1)) > 1:
                    for c in range(col, len(cells)):
                        below[c] = int(down.group(1)) - 1
            covered()
            first_row = at if first_row is None else first_row
            cell_lines[r] = tuple(where)
            if only_th and cells and not body_seen:
                header_rows += 1
            else:
                body_seen = True
            out[at] = "\t".join(cells) if len(cells) > 1 else (cells[0] + "\t" if cells else "")
        # a <caption> with no number ("Så ser det ut i länet") is the table's all the same: the markup says so
        named = _html_text(caption.group(1)) if caption is not None else ""
        named = "" if is_caption(named) else named
        if shapes is not None and first_row is not None and header_rows and any(len(set(w)) > 1 for w in cell_lines.values()):
            shapes[first_row] = TableShape(header_rows, cell_lines=cell_lines, caption=named)
        elif shapes is not None and first_row is not None and named:
            shapes[first_row] = TableShape(None, caption=named)
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
