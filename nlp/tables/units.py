"""The unit and scale of a cell: "%" in the cell, "Andel"/"Antal" in a header, the unit note
("Belopp i tkr": kronor, scale 1000), the caption ("i antal dagar"), a share printed as a fraction,
or the unit the paragraphs just before the table quote its figures in."""
from __future__ import annotations

import re
from typing import Optional, Sequence

from ingest.records import Document, Table, TableCell
from nlp.nearby import NearbyText
from nlp.sv.numerals import NUMBER_PATTERN, parse_swedish_number
from nlp.sv.statistics import statistic_unit
from nlp.sv.units import UNITS, unit_note_scale, unit_phrase
from nlp.tables.cells import CELL_MARK, CELL_UNIT, ERROR_PIECE, ESTIMATE_PIECE, is_numeric_cell


_SHARE_WORDS = ("andel", "könsfördelning", "procent", "%")
_COUNT_WORDS = ("antal",)
_POINTS = re.compile(r"\bprocentenheter\b", re.IGNORECASE)


# A header that makes its cells changes between two periods, not levels.
# A column of differences that are not changes over time: a deviation from a goal or a budget
DIFFERENCE_HEADER = re.compile(r"\b(?:avvikelse|differens|skillnad)\w*", re.IGNORECASE)


def table_unit_note(table: Table) -> Optional[tuple[str, float]]:
    """The table's unit note, or one printed in its corner cell ("Belopp i mnkr" above the stub)."""
    if table.unit_note:
        return unit_note_scale(table.unit_note)
    for c in table.cells:
        if c.is_header and c.col == 0 and c.row < table.header_rows and c.text.strip():
            found = unit_note_scale(c.text)
            if found is not None:
                return found
    return None


def fraction_lines_of(table: Table) -> set[tuple[str, int]]:
    """Columns and rows whose figures are all between 0 and 1 with decimals ("0,64", "0,7"):
    shares printed as fractions when a header calls them a share. A row's difference between two
    such shares ("0,31 | 0,34 | −0,03" under "... | Skillnad") may be below 0."""
    values: dict[tuple[str, int], list[str]] = {}
    for c in table.cells:
        if c.is_header or not is_numeric_cell(c.text):
            continue
        values.setdefault(("col", c.col), []).append(c.text.strip())
        values.setdefault(("row", c.row), []).append(c.text.strip())
    out = set()
    for key, texts in values.items():
        nums = [parse_swedish_number(CELL_UNIT.sub("", CELL_MARK.sub("", t))) for t in texts]
        low = -1.0 if key[0] == "row" else 0.0
        if nums and all(n is not None and low <= n <= 1.0 for n in nums) and any(n > 0 for n in nums if n is not None) \
                and any(re.search(r"[,.]\d", t) for t in texts):
            out.add(key)
    return out


def names_percent(headers: Sequence[str], caption: str, unit_note: str) -> bool:
    """The headers, caption or unit note say the figures are in percent ("Andel (%)", "procent")."""
    text = " ".join([*headers, caption, unit_note]).lower()
    return "%" in text or bool(re.search(r"\bprocent\b", text))


def unit_of_cell(cell: TableCell, headers: Sequence[str], caption: str, note: Optional[tuple[str, float]],
                 quoted: Optional[tuple[str, float]] = None, share_column: bool = False) -> tuple[str, float]:
    if "%" in cell.text:
        return "procent", 1.0
    pieces = [h for h in cell.col_headers if h in (ESTIMATE_PIECE, ERROR_PIECE)]
    col_headers = [h for h in cell.col_headers if h not in pieces]
    for header in col_headers[::-1]:
        statistic = statistic_unit(header)
        if statistic:
            return statistic, 1.0  # "Koefficient | Standardfel | Oddskvot": a regression's statistics
    for header in col_headers[::-1] + list(cell.row_headers)[::-1]:
        # a unit named in the cell's own header or row label ("Kostnad, mnkr", "Andel (%)",
        # "Antal ärenden (tusental)", "Tid, dagar (median)") rules its cells
        named = label_unit(header)
        if named is not None and note is not None and named == ("antal", 1.0) and note[0] == "antal":
            return note  # "Antal" under a unit line "Tusental": counted in thousands
        if named is not None:
            return named
    if pieces:
        # an effect and its standard error in the unit the caption gives them ("Effekter ... Procentenheter,
        # standardfel inom parentes"); else a regression's koefficient and its standardfel
        if _POINTS.search(caption):
            return "procentenheter", 1.0
        return ("standardfel" if ERROR_PIECE in pieces else "koefficient"), 1.0
    words = " ".join(headers).lower()
    if any(w in words for w in _SHARE_WORDS):
        return "procent", 1.0
    if note is not None:
        return note
    if any(re.search(rf"\b{w}\b", words) for w in _COUNT_WORDS):
        return "antal", 1.0
    low = caption.lower()
    # "Förändring i antal, dagar respektive procentenheter": a caption that names several units names none
    # for a row of its own (the rows and their cells say which)
    # ("Antal dagar" is one unit: days counted)
    named_units = re.sub(r"\bantal\s+(?=dagar|veckor|månader|timmar)", "", low)
    listed = {u for u in ("antal", "dagar", "procent", "procentenheter", "kronor", "tkr", "mnkr") if re.search(rf"\b{u}\b", named_units)}
    for word in ("dagar", "procent") if len(listed) < 2 else ():
        if word == "procent" and (re.search(r"\bantal\b", low) or share_column):
            continue  # "Deltagare per halvår, antal och procent": the rows say which
        # "i antal dagar" names the unit; "90 dagar efter avslaget" is part of the definition
        if re.search(rf"(?<![\d\s])\s*\b{word}\b", low) and not re.search(rf"\d\s*{word}\b", low):
            return UNITS[word]
    if re.search(r"\bandel\b|(?:^|[.:]\s*)andelar\b", low) and not re.search(r"\bantal\b", low) and not share_column:
        # "Andel ...", "... efter förmån, 2030. Andelar (0–1)": the caption calls its figures shares (not "Ärenden
        # och andelar", where the rows say which)
        return "procent", 1.0
    if quoted is not None:
        return quoted  # the text before the table quotes its figures with their unit
    return "antal", 1.0


_QUOTED_FIGURE = re.compile(r"(?<![\d,])(" + NUMBER_PATTERN + r")\s+(" + "|".join(
    sorted((re.escape(u) for u in UNITS if UNITS[u][0] != "antal"), key=len, reverse=True)) + r")\b", re.IGNORECASE)
QUOTE_REACH = 3  # paragraphs before a table that may quote it


def unit_quoted_in_text(document: Document, table: Table, nearby: Optional[NearbyText] = None) -> dict[int, tuple[str, float]]:
    """Column -> unit, for the columns of a table whose unit the table does not name but the paragraphs
    just before it quote: "sjönk medianen från 168 dagar 2021 till 142 dagar 2025 (tabell 2)" over an
    uncaptioned column of 168 ... 142. Two of the column's values must be quoted, all in one unit."""
    lines = [c.line for c in table.cells if c.line is not None]
    if not lines:
        return {}
    first = min(lines)
    before = (nearby or NearbyText(document)).running_text_before(first)[-QUOTE_REACH:]
    quoted: dict[float, set[tuple[str, float]]] = {}
    for b in before:
        for m in _QUOTED_FIGURE.finditer(b.text):
            value = parse_swedish_number(m.group(1))
            if value is not None:
                quoted.setdefault(value, set()).add(UNITS[m.group(2).lower()])
    per_col: dict[int, dict[tuple[str, float], int]] = {}
    for c in table.cells:
        if any(label_unit(h) is not None for h in (*c.row_headers, *c.col_headers)):
            continue  # a row "Påbörjat rehabiliteringsinsats, %" names its own unit: quoting it says nothing of the column
        value = parse_swedish_number(c.text) if not c.is_header else None
        for unit in quoted.get(value, ()) if value is not None else ():
            per_col.setdefault(c.col, {}).setdefault(unit, 0)
            per_col[c.col][unit] += 1
    out: dict[int, tuple[str, float]] = {}
    for col, units in per_col.items():
        if len(units) == 1 and next(iter(units.values())) >= 2:
            out[col] = next(iter(units))
    # a column quoted once goes with the others when the whole table is quoted in that one unit
    # ("Medelvärdet ..., 183 dagar 2025" beside a median column quoted twice in dagar)
    if len({u for units in per_col.values() for u in units}) == 1 and out:
        out.update({col: next(iter(units)) for col, units in per_col.items()})
    return out


_TRAILING_NOTE = re.compile(r"\s*\([^()]*\)\s*$")
# "Tid i samverkan vid avslut, dagar i genomsnitt": which statistic, after the unit
_TRAILING_STATISTIC = re.compile(r"\s+(?:i\s+genomsnitt|i\s+snitt|i\s+median|som\s+median|per\s+person)\s*$", re.IGNORECASE)


def label_unit(label: str) -> Optional[tuple[str, float]]:
    """The unit and scale a header or row label names, also before a closing remark in
    parentheses ("Handläggningstid, dagar (median)" -> dagar), or None."""
    for text in (label, _TRAILING_NOTE.sub("", label), _TRAILING_STATISTIC.sub("", label)):
        named = unit_phrase(text)
        if named and unit_note_scale(named):
            return unit_note_scale(named)
    return None
