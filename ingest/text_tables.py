"""Tab-separated table runs of the text versions -> Table records with resolved headers.

The converters wrote a table as consecutive lines of tab-separated cells: one or more
header rows (spanning headers leave empty cells to their right), a stub column of row
labels (years, "Kvinnor", "Totalt"), sometimes group rows ("Ålder") whose other cells are
empty, and sometimes a unit row ("Belopp i tkr"). The PDF reader resolves headers the same
way through `cells_from_grid`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional, Sequence

from nlp.sv.captions import parse_caption
from nlp.sv.numerals import parse_swedish_number
from nlp.sv.periods import YEAR_LABEL
from nlp.sv.units import unit_phrase

from .records import TableCell

_FIGURE = r"[−–\-+]?\s?\d[\d\s\u00a0\u202f]*(?:[,.]\d+)?\s?(?:%|procent|år|kr|tkr|mkr)?"
# a figure, or a count with its share in parentheses ("141 (45,2 %)") or the reverse
_NUMBER = re.compile(rf"^{_FIGURE}(?:\s*\(\s*{_FIGURE}\s*\))?$")
_UNIT_ROW = re.compile(r"^(?:belopp\s+i\s+|i\s+)?(tkr|mkr|mnkr|kr|kronor|tusentals kronor|miljoner kronor|procent|antal)\b", re.I)


# "22–30", "1 200–1 500": a range of figures in a cell (a span of years, "2026–2027", is a label)
_RANGE = re.compile(r"^(\d[\d\s\u00a0\u202f]*(?:,\d+)?)\s?[–—-]\s?(\d[\d\s\u00a0\u202f]*(?:,\d+)?)$")


def is_numeric(text: str) -> bool:
    t = text.strip()
    return bool(t) and bool(_NUMBER.match(t))


def is_figure_range(text: str) -> bool:
    """"22–30" in a column of figures: a range, a value (not "2033–2034", a span of years, nor "30–22"). In a label
    column a range is a label ("19–29" is an age group), so only the readers that know which column is
    the labels' ask."""
    r = _RANGE.match(text.strip())
    if r is None or (is_year(r.group(1)) and is_year(r.group(2))):
        return False
    low, high = parse_swedish_number(r.group(1)), parse_swedish_number(r.group(2))
    return low is not None and high is not None and low < high  # ("30–22" is no range)


# Statistics symbols for a missing or nil value: a cell, not a label.
_SYMBOLS = frozenset({"–", "—", "-", "..", "…", "x", ".", "0"})
_PAREN_FIGURE = re.compile(r"^\(\s*[−–\-+]?\d[\d\s\u00a0]*(?:[,.]\d+)?\s?%?\s*\)$")


# A note mark after a symbol: "..<sup>3</sup>", "..³" (no figure, and a note says why)
_SYMBOL_MARK = re.compile(r"(?:<sup>\s*\d{1,3}\s*</sup>|[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3})$")


def is_value(text: str) -> bool:
    """A figure or a statistics symbol ("1 038", "-1,5", "58,9 %", "(1 688)", "–", "..", "..³")."""
    t = text.strip()
    return is_numeric(t) or t in _SYMBOLS or _SYMBOL_MARK.sub("", t) in _SYMBOLS or bool(_PAREN_FIGURE.match(t))


# A row label that goes on in the next line: it ends in a comma, a hyphen or a word that needs more.
LABEL_GOES_ON = re.compile(r"(?:[,\-–/]|\b(?:och|eller|samt|av|i|för|med|som|per|på|till|från|inom|utan|efter|vid|om))$",
                           re.IGNORECASE)
# A row label that is a part of the row above, however it is set: "varav kvinnor", "därav unga"
PART_LABEL = re.compile(r"^(?:varav|därav)\b", re.IGNORECASE)
# Words after which a hyphen at a line's end is a shortened compound's ("hälso- och sjukvård")
_AFTER_SUSPENDED_HYPHEN = re.compile(r"^(?:och|eller|samt|respektive|resp\.|till)\b", re.IGNORECASE)


def join_wrapped(a: str, b: str) -> str:
    """Two lines of one cell or label as one text: "(tusen-" + "tals kronor)" -> "(tusentals kronor)",
    "Bostads-" + "tillägg" -> "Bostadstillägg"; "hälso-" + "och sjukvård" keeps its hyphen."""
    if not a or not b:
        return a or b
    if re.search(r"[^\W\d_]-$", a) and b[:1].islower() and not _AFTER_SUSPENDED_HYPHEN.match(b):
        return a[:-1] + b
    return f"{a} {b}"


def is_year(text: str) -> bool:
    return bool(YEAR_LABEL.match(text.strip()))


def caption_number(caption: str) -> Optional[int]:
    """"Tabell 6 ..." -> 6; None for no caption or a label that is not a plain number ("Tabell B1")."""
    found = parse_caption(caption)
    return found.number if found and found.kind == "table" else None


def caption_label(caption: str) -> tuple[str, bool]:
    """The caption's label as printed and whether it says "(forts.)": "Tabell B1 (forts.)" -> ("B1", True)."""
    found = parse_caption(caption)
    return (found.label, found.continued) if found and found.kind == "table" else ("", False)


def unit_note_of(row: Sequence[str]) -> Optional[str]:
    """'Belopp i tkr' when a row only states the unit of the table's figures."""
    filled = [c for c in row if c.strip()]
    if len(filled) != 1:
        return None
    text = filled[0].strip()
    named = unit_phrase(text)
    if _UNIT_ROW.match(text) or (named and len(named) >= len(text.strip(" .()")) - 2):
        return text  # "Belopp i tkr", "Belopp i mdkr", "(miljoner kronor)"
    return None


@dataclass(frozen=True)
class GridCell:
    """One cell of a raw grid before headers are resolved (text plus where it was)."""

    text: str
    page: Optional[int] = None
    line: Optional[int] = None
    bbox: Optional[tuple[float, float, float, float]] = None
    indent: Optional[float] = None  # a row label's indentation: an indented row is part of the one above


# A cell that reads as a figure whatever marks it carries: a unit, significance stars or a footnote asterisk, its
# standard error ("45%*", "0,29***", "0,12*** (0,03)"); an age group or a span ("0-29") is a label
_NUM = r"[−–+\-]?\d[\d\s\u00a0]*(?:[,.]\d+)?"
_MARKED_FIGURE = re.compile(rf"^{_NUM}(?:\s?%)?\s?(?:[*†]+(?:\s*\(\s*{_NUM}\s*\))?|\(\s*{_NUM}\s*\))$")


def _figure_like(text: str) -> bool:
    t = text.strip()
    return is_numeric(t) or bool(_MARKED_FIGURE.match(t))


def count_header_rows(grid: Sequence[Sequence[str]]) -> int:
    """Leading rows whose data cells (all but the first column) hold no numbers.

    A first row of years ("Verksamhetsområden | 2019", "| 2006 | 2007") is a header too:
    years in the columns are labels, not data.
    """
    n = 0
    for i, row in enumerate(grid):
        data = [c for c in row[1:] if c.strip()]
        if not data:
            if i == 0:  # a lone title cell above the real header
                n += 1
                continue
            break
        if all(not _figure_like(c) for c in data):
            n += 1
            continue
        if i == n and all(is_year(c) or not is_numeric(c) for c in data) and any(is_year(c) for c in data) \
                and not is_year(row[0]):
            n += 1  # years across the columns of the first row ("| 2025 | 2026 | Förändring 2025–2026 |")
            continue
        break
    return min(n, max(len(grid) - 1, 0))


def _forward_fill(row: list[str]) -> list[str]:
    """Spanning header cells: an empty cell belongs to the label on its left."""
    out: list[str] = []
    last = ""
    for i, c in enumerate(row):
        if c.strip():
            last = c.strip()
            out.append(last)
        else:
            out.append(last if i > 0 else "")
    return out


def spread_short_header(row: Sequence[str], below: Sequence[str], n_cols: int) -> Optional[list[str]]:
    """A header row with fewer cells than the table has columns, as a word processor's plain text
    writes a cell merged over several columns (one field): "Resultat | Kvinnor | Män" over
    "| Antal | Andel | Antal | Andel". Its k labels share the m columns after the stub evenly when
    the row below repeats itself with that period, so each label heads its own group:
    ["Resultat", "Kvinnor", "Kvinnor", "Män", "Män"]. None when the row is not such a row."""
    cells = [c.strip() for c in row]
    while len(cells) > 1 and not cells[-1]:
        cells.pop()  # a grid padded to its width: the merged row's missing fields
    labels = cells[1:]
    m = n_cols - 1
    if len(cells) >= n_cols or not labels or not all(labels):
        return None
    sub = [c.strip().lower() for c in below[1:]] + [""] * (m - len(below[1:]))
    # a label with nothing under it heads its own column alone (merged down); the last label heads the rest:
    # "Anslag | Regeringens förslag | Avvikelse från regeringen" over " | | (S) | (SD) | (V)"
    leaves = next((k for k in range(len(labels)) if sub[k]), len(labels))
    if leaves == len(labels) - 1 and all(sub[leaves:]):
        return [cells[0]] + labels[:-1] + [labels[-1]] * (m - leaves)
    width = m // len(labels)
    if m % len(labels) or width < 2:
        return None
    if len(labels) > 1 and any(sub[j] != sub[j % width] for j in range(m)):
        return None  # the columns under each label are not the same kind: no telling which it spans
    return [cells[0]] + [label for label in labels for _ in range(width)]


def stub_width(data_rows: Sequence[Sequence[str]]) -> int:
    """How many leading columns label the rows: "Sjukpenning | Kvinnor | 5 236 | 5 498" has two, a
    förmån merged down over its kön rows. A column after the first is a label column when none of its
    cells is a figure and a column of figures follows it."""
    if not _has_stub_column(data_rows):
        return 0
    n_cols = max((len(r) for r in data_rows), default=0)
    width = 1
    for c in range(1, n_cols - 1):
        column = [r[c].strip() for r in data_rows if len(r) > c and r[c].strip()]
        if len(column) < len(data_rows) / 2 or any(_figure_like(t) for t in column):
            break
        if not any(len(r) > c + 1 and is_numeric(r[c + 1]) for r in data_rows):
            break
        width = c + 1
    return width


def align_merged_stub(rows: list[list[str]], n_cols: int) -> list[list[str]]:
    """A word processor's plain text writes a cell merged across the label columns as one field: the
    total row "Totalt | 11 402 | 12 034" and the corner "Sysselsättning vid avslut | Antal | Andel"
    under a table of two label columns. Such a row gets the missing fields after its first, so its
    figures stand under their own headers. Rows left as they are when the table has one label column."""
    full = [r for r in rows if len(r) == n_cols]
    width = stub_width([r for r in full if any(is_numeric(t) for t in r)])
    if width < 2:
        return rows
    short = n_cols - (width - 1)
    return [r[:1] + [""] * (width - 1) + r[1:] if len(r) == short and r[0].strip() and not is_numeric(r[0]) else r
            for r in rows]


def cells_from_grid(table_id: str, grid: Sequence[Sequence[GridCell]], header_rows: Optional[int] = None) -> tuple[TableCell, ...]:
    """Resolve row and column headers for every cell of a rectangular grid."""
    texts = [[c.text for c in row] for row in grid]
    n_header = count_header_rows(texts) if header_rows is None else header_rows
    n_cols = max((len(r) for r in texts), default=0)
    width = stub_width(texts[n_header:])
    outer: list[str] = [""] * max(width - 1, 0)  # the labels merged down over the rows below them
    header_grid = []
    for r in range(n_header):
        spread = spread_short_header(texts[r], texts[r + 1], n_cols) if r < n_header - 1 else None
        row = spread or list(texts[r]) + [""] * (n_cols - len(texts[r]))
        # the last header row names single columns; earlier ones may span
        header_grid.append(_forward_fill(row) if r < n_header - 1 else [c.strip() for c in row])

    has_stub = _has_stub_column(texts[n_header:])
    parents = _indent_parents(grid, n_header) if has_stub else {}
    cells: list[TableCell] = []
    group = ""  # a group row ("Ålder") labels the rows under it
    blocks: list[list[str]] = [[]]  # the stub labels of the rows before the first group row, then of each group
    for r, row in enumerate(grid):
        row_texts = [c.text for c in row]
        is_group_row = r >= n_header and has_stub and row_texts and row_texts[0].strip() and not any(t.strip() for t in row_texts[1:])
        if is_group_row:
            group = row_texts[0].strip()
            blocks.append([])
        elif r >= n_header and has_stub and row_texts and _is_total_label(row_texts[0]) \
                and not _repeats_block_before(blocks, row_texts[0].strip()):
            group = ""  # "Samtliga" after the last group is the total of all groups, not part of that one
        if r >= n_header and has_stub and row_texts and not is_group_row:
            blocks[-1].append(row_texts[0].strip())
        labels = [t.strip() for t in row_texts[1:width]] if r >= n_header else []
        if r >= n_header and width > 1:
            # an empty outer label under a label merged down ("Sjukpenning" over " | Män"): the one above;
            # a row whose inner labels are empty too ("Totalt") ends the merge
            firsts = [row_texts[0].strip()] + labels[:-1]
            if not any(labels) or is_group_row:
                outer = [""] * (width - 1)
            for k, text in enumerate(firsts):
                if text:
                    outer[k] = text
                    outer[k + 1:] = [""] * (width - 2 - k)
                elif any(labels[k:]):
                    firsts[k] = outer[k]
            labels = firsts[1:] + labels[-1:]
        for c, gc in enumerate(row):
            header = r < n_header
            stub = has_stub and c < max(width, 1) and not header
            col_headers = tuple(h[c] for h in header_grid if c < len(h) and h[c]) if not header else ()
            if has_stub and c >= max(width, 1) and not header:
                stub_label = row_texts[0].strip() or (outer[0] if width > 1 and any(labels) else "")
                parent = parents.get(r, "")
                row_headers = tuple(dict.fromkeys(x for x in (group if group and group != stub_label else "", parent, stub_label,
                                                              *labels) if x))
            else:
                row_headers = ()
            cells.append(TableCell(
                table=table_id, row=r, col=c, text=gc.text.strip(), row_headers=row_headers,
                col_headers=col_headers, is_header=header or stub or bool(is_group_row),
                page=gc.page, line=gc.line, bbox=gc.bbox,
            ))
    return tuple(cells)


def _repeats_block_before(blocks: Sequence[Sequence[str]], total: str) -> bool:
    """Whether a total row ends its group as the block before it ended: groups that each list "Kvinnor, Män,
    Totalt" under a measure's name ("Antal ...", "Andel ... (procent)") have each their own total."""
    if len(blocks) < 2 or not blocks[-1]:
        return False
    before = [label.lower() for label in blocks[-2]]
    return before == [label.lower() for label in blocks[-1]] + [total.lower()]


def _indent_parents(grid: Sequence[Sequence[GridCell]], n_header: int) -> dict[int, str]:
    """Row -> the label of the row it is indented under ("  därav med sjukpenning" under
    "Gemensamma kartläggningar", "  kvinnor" under "Andel med arbetsförmåga (%)"): the nearest
    row above whose label is indented less. Only where the reader measured indentation."""
    out: dict[int, str] = {}
    stack: list[tuple[float, str]] = []
    for r in range(n_header, len(grid)):
        stub = grid[r][0] if grid[r] else None
        if stub is None or stub.indent is None or not stub.text.strip():
            continue
        while stack and stack[-1][0] >= stub.indent:
            stack.pop()
        if stack:
            out[r] = stack[-1][1]
        stack.append((stub.indent, stub.text.strip()))
    return out


_TOTAL_LABEL = re.compile(r"^\s*(?:totalt|total|samtliga|summa|alla|hela\s+\w+)\s*[¹²³⁴⁵⁶⁷⁸⁹⁰*]*\s*$", re.IGNORECASE)


def _is_total_label(text: str) -> bool:
    return bool(_TOTAL_LABEL.match(text))


def _has_stub_column(data_rows: Sequence[Sequence[str]]) -> bool:
    """True when the first column labels rows (text or years) rather than holding data."""
    firsts = [r[0].strip() for r in data_rows if r and r[0].strip()]
    if not firsts:
        return False
    numeric_non_year = [f for f in firsts if is_numeric(f) and not is_year(f)]
    return len(numeric_non_year) < len(firsts) / 2
