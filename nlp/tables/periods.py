"""The period of a cell: a year in its headers ("2013" in the stub, "2021, Alla" above it), else the
caption's or the report's; the part of a year it covers ("Kv 3 2025"); and for a change column, the
years it sits beside ("2025 | 2026 | Förändring")."""
from __future__ import annotations

import re
from typing import Optional, Sequence

from ingest.records import Document, Table, TableCell
from nlp.sv.periods import FULL_YEAR, SAME_PART, find_parts_of_year, find_year_mentions
from nlp.tables.cells import is_numeric_cell
from nlp.tables.headers import CHANGE_HEADER, is_total


# "Diff." beside columns of two or more years: the change between them (beside "Tilldelat | Förbrukat",
# with the years in the rows, it is a deviation)
DIFF_HEADER = re.compile(r"\b(?:diff\.?|differens|skillnad)(?!\w)", re.IGNORECASE)


_YEAR_WORD = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")


def period_part(headers: Sequence[str], caption: str) -> str:
    """The part of a year a cell covers: named by its own headers ("Kv 3 2025", "Oktober"), unless they say
    it is the whole year ("Helår 2025"), else by the caption ("..., januari–oktober 2026"); "" for a year."""
    for text in (*headers, caption):
        if FULL_YEAR.search(text):
            return ""
        parts = [p for p in find_parts_of_year(text) if p[2] != SAME_PART]
        if parts:
            return parts[0][2]
    return ""


# A row that closes a run of changes with the level they lead to: "Förslag/beräknad ramnivå", "Ny nivå", "Summa"
_LEVEL_LABEL = re.compile(r"\b(?:förslag|beräknad\w*|ramnivå\w*|anslagsnivå\w*|nivå|nivån|utgiftsram\w*)\b", re.IGNORECASE)


def level_after_changes(cell: TableCell) -> bool:
    """Whether the cell's row is a level that closes the change rows it is nested under: the change is
    named only by a row above ("Förändring till följd av:"), and the row's own label is a total or a level."""
    if len(cell.row_headers) < 2 or CHANGE_HEADER.search(" ".join(cell.col_headers)) \
            or CHANGE_HEADER.search(cell.row_headers[-1]):
        return False
    own = cell.row_headers[-1]
    return is_total(own) or bool(_LEVEL_LABEL.search(own))


def level_row_year(table: Table, cell: TableCell) -> Optional[str]:
    """The year of the level row above a change row, when its label names one year and it has a figure in the
    cell's column ("Anvisat 2027 | 97 794,4 | ..." over "Förändring till följd av:"); None elsewhere."""
    if not any(CHANGE_HEADER.search(h) for h in cell.row_headers):
        return None
    for c in sorted((c for c in table.cells if c.col == cell.col and table.header_rows <= c.row < cell.row
                     and is_numeric_cell(c.text)), key=lambda c: c.row, reverse=True):
        label = c.row_headers[-1] if c.row_headers else ""
        years = _YEAR_WORD.findall(label)
        if len(years) == 1 and not CHANGE_HEADER.search(" ".join(c.row_headers)):
            return years[0]
    return None


def sibling_years(table: Table, cell: TableCell, rows: bool = True) -> set[int]:
    """The years a change cell sits beside: those heading the other columns ("2025 | 2026 | Förändring"),
    or, when the cell's own row is a year, those of the other rows (years in rows)."""
    own_row_year = rows and any(_YEAR_WORD.search(h) for h in cell.row_headers)
    years: set[int] = set()
    for c in table.cells:
        if c.row < table.header_rows and c.col != cell.col and c.col > 0:
            years.update(int(y) for y in _YEAR_WORD.findall(c.text))
        elif own_row_year and c.col == 0 and c.row >= table.header_rows and c.row != cell.row:
            years.update(int(y) for y in _YEAR_WORD.findall(c.text))
    return years


def cell_period(cell: TableCell, caption_periods: Sequence[tuple[int, int, str, str]], document: Document) -> tuple[str, str]:
    for header in list(cell.row_headers) + list(cell.col_headers):
        mentions = [m for m in find_year_mentions(header) if m[2] in ("span", "during", "year", "report")]
        if mentions:
            return mentions[-1][3], "table"
    if caption_periods:
        spans = [m for m in caption_periods if m[2] == "span"]
        return (spans[-1] if spans else caption_periods[-1])[3], "caption"
    if document.metadata.reporting_period:
        return document.metadata.reporting_period, "report"  # a project's final report: its whole period
    year = document.metadata.reporting_year
    return (str(year) if year else ""), "report"
