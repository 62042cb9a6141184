"""Tables as pandoc writes them in plain text: grid tables (also reStructuredText's and Emacs's) as
tab-separated rows, and the caption mark ": " taken off the caption under a table.

Grid tables, as pandoc, reStructuredText and Emacs draw them in plain text, as tab-separated rows.

    +--------------------+-------------+
    | Myndighet och post | Tilldelade  |
    |                    | medel 2030  |
    +====================+=============+
    | Försäkringskassan  | 96 000      |
    |                    |             |
    | Förvaltning        |             |
    +--------------------+-------------+

A cell's text may wrap over several lines of its row and hold several paragraphs; the borders say
where each cell begins and ends, so the row is read cell by cell and written as one line
("Myndighet och post<TAB>Tilldelade medel 2030"), on the line where the row starts, the way the rest
of the text reader takes a table row. The row's other lines and the inner borders are marked as
part of the table (ROW_CONTINUED); the outer borders stand where blank lines would.
"""
from __future__ import annotations

import re

# a line the reader skips inside a table: the further lines of a row written out on an earlier line
ROW_CONTINUED = "\x00html-table-line"

_BORDER = re.compile(r"^\s*\+(?:[-=:]+\+)+\s*$")
_ROW_LINE = re.compile(r"^\s*\|.*\|\s*$")


def grid_rows_to_tabs(lines: list[str]) -> list[str]:
    """Each row of every grid table in `lines` as one tab-separated line (see the module's doc)."""
    out = list(lines)
    i = 0
    while i < len(out):
        if not _BORDER.match(out[i]):
            i += 1
            continue
        cuts = [k for k, ch in enumerate(out[i].rstrip()) if ch == "+"]
        rows: list[list[int]] = []
        row: list[int] = []
        j = i + 1
        while j < len(out) and (_BORDER.match(out[j]) or _ROW_LINE.match(out[j])):
            if _BORDER.match(out[j]):
                if row:
                    rows.append(row)
                row = []
            else:
                row.append(j)
            j += 1
        if not rows or row:  # no row, or one never closed by a border: not a grid table
            i = max(j, i + 1)
            continue
        for k in range(i + 1, j - 1):
            out[k] = ROW_CONTINUED
        out[i] = out[j - 1] = ""  # the outer borders: where the table starts and ends
        for row in rows:
            cells = [" ".join(" ".join(lines[k][a + 1:b] for k in row).split()) for a, b in zip(cuts, cuts[1:])]
            out[row[0]] = "\t".join(cells)
        i = j
    return out


# pandoc's caption of a table, under it: ": Tabell 6. ..." (plain) or "Table: Tabell 6. ..." (Markdown)
_CAPTION_MARK = re.compile(r"^(\s*)(?::|Table:)\s+(?=\S)")


def caption_marks_removed(lines: list[str], is_caption) -> list[str]:
    """Table captions as pandoc marks them, with the mark taken off so they read as the captions they are
    (`is_caption` says which text is one); any other line that opens with a colon stays as it is."""
    return [m.group(1) + line[m.end():] if (m := _CAPTION_MARK.match(line)) and is_caption(line[m.end():].strip())
            else line for line in lines]


__all__ = ["ROW_CONTINUED", "caption_marks_removed", "grid_rows_to_tabs"]
