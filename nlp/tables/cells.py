"""What a table cell prints: whether it is a number, its marks and bounds ("345 400*", "<5"), and the
figures of a cell that prints two ("141 (45,2 %)", "0,12*** (0,03)")."""
from __future__ import annotations

import re
from dataclasses import replace

from ingest.records import TableCell
from ingest.text_tables import is_figure_range
from nlp.sv.numerals import NUMBER_PATTERN, parse_swedish_number
from nlp.sv.qualifiers import QUALIFIERS
from nlp.sv.statistics import INTERVAL_LOWER, INTERVAL_UPPER, statistic_unit


# A qualifier before a cell's figure: "<5" (a suppressed small count), "minst 85" and "högst 30" in a table of
# goals, "ca 400" (nlp.sv.qualifiers, the words prose uses before a figure)
_BOUND_WORDS = "|".join(re.escape(q) for q in sorted(QUALIFIERS, key=len, reverse=True) if q[0] not in "<>≤≥")
CELL_BOUND = re.compile(rf"^([<>≤≥]|(?:{_BOUND_WORDS})(?=\s?[+−–\-]?\d))\s?", re.IGNORECASE)
_CELL_NUMBER = re.compile(rf"^(?:{CELL_BOUND.pattern[1:]})?[+−–\-±]?\s?\d[\d \u00a0\u202f\u2009]*(?:[,.]\d+)?\s?"
                          r"(?:%|procent|år|dagar|kr|tkr|mkr|mnkr)?\s?[*†‡]{0,3}$", re.IGNORECASE)
# "345 400*", "62%†": a footnote sign after a cell marks it, it is no part of the number
CELL_MARK = re.compile(r"\s?[*†‡]{1,3}$")


def bound_qualifier(bound: "re.Match[str]") -> str:
    """The qualifier a CELL_BOUND match names: "<" and "högst" under, ">" and "minst" over, "ca" approximate."""
    return QUALIFIERS[bound.group(1).lower()]
CELL_UNIT = re.compile(r"\s?(procent|år|dagar|kr|tkr|mkr|mnkr)$")


NO_CHANGE = re.compile(r"^±\s*(?=0(?:,0+)?$)")


def is_numeric_cell(text: str) -> bool:
    return bool(_CELL_NUMBER.match(text.strip()))


# "141 (45,2 %)", "45,2 % (141)": a count and its share printed in one cell
_SHARE = rf"{NUMBER_PATTERN}\s?(?:%|procent)"
_COUNT_AND_SHARE = re.compile(rf"^\s*(?P<count>{NUMBER_PATTERN})\s*\(\s*(?P<share>{_SHARE})\s*\)\s*$")
_SHARE_AND_COUNT = re.compile(rf"^\s*(?P<share>{_SHARE})\s*\(\s*(?P<count>{NUMBER_PATTERN})\s*\)\s*$")


REGRESSION_UNITS = ("koefficient", "standardfel")
# The two figures of an estimate cell ("4,1*** (0,6)") are marked with these pseudo-headers: they are a regression's
# koefficient and standardfel unless the table names their unit ("Procentenheter, standardfel inom parentes",
# a row "Årsinkomst, tkr"), see nlp.tables.units.unit_of_cell
ESTIMATE_PIECE = "(skattning)"
ERROR_PIECE = "(standardfel)"
# "0,12*** (0,03)": a regression's estimate, with its significance stars, and its standard error in parentheses
_ESTIMATE_AND_ERROR = re.compile(rf"^\s*(?P<estimate>[−–-]?{NUMBER_PATTERN})\s?(?P<stars>[*†]{{1,3}})?\s*\(\s*(?P<error>{NUMBER_PATTERN})\s*\)\s*$")


# "63,1 (58,4–67,8)", "57,3 % (KI 56,1–58,6)": an estimate and the two ends of its confidence interval
_ESTIMATE_AND_INTERVAL = re.compile(
    rf"^\s*(?P<estimate>{NUMBER_PATTERN}\s?%?)\s*\(\s*(?:(?:95\s?%\s*)?(?:KI|CI)[:\s]*)?"
    rf"(?P<low>{NUMBER_PATTERN})\s?[–—-]\s?(?P<high>{NUMBER_PATTERN})\s*\)\s*$", re.IGNORECASE)


# "22–30" in a table of cost estimates: a range, two figures (its lower end at least, its upper at most), as in prose
_RANGE = re.compile(rf"^\s*(?P<low>{NUMBER_PATTERN})\s?[–—-]\s?(?P<high>{NUMBER_PATTERN})\s*$")


def is_range(text: str) -> bool:
    """Whether a cell prints a range ("22–30", "1 200–1 500"): its first end below its second, no span of
    years (the reader's own test, ingest.text_tables.is_figure_range)."""
    return is_figure_range(text) and _RANGE.match(text) is not None


def cell_pieces(cell: TableCell) -> list[TableCell]:
    """The figures a cell prints: itself, or for "141 (45,2 %)" the count and the share, each a cell
    of its own place (the share under its column's headers and "andel"); for "0,12*** (0,03)" the
    estimate and its standard error (under its column's headers and the statistic each is); for
    "63,1 (58,4–67,8)" the estimate and the ends of its interval (under its headers and which end); for
    "22–30" its two ends, at least 22 and at most 30."""
    if not cell.is_header and is_range(cell.text):
        ends = _RANGE.match(cell.text)
        return [replace(cell, text="≥" + ends.group("low").strip()), replace(cell, text="≤" + ends.group("high").strip())]
    interval = _ESTIMATE_AND_INTERVAL.match(cell.text) if not cell.is_header else None
    if interval is not None:
        return [replace(cell, text=interval.group("estimate").strip()),
                replace(cell, text=interval.group("low"), col_headers=(*cell.col_headers, INTERVAL_LOWER)),
                replace(cell, text=interval.group("high"), col_headers=(*cell.col_headers, INTERVAL_UPPER))]
    estimate = _ESTIMATE_AND_ERROR.match(cell.text) if not cell.is_header else None
    if estimate is not None and (estimate.group("stars") or all(
            "," in estimate.group(g) and abs(parse_swedish_number(estimate.group(g).lstrip("−–-")) or 10) < 10
            for g in ("estimate", "error"))):
        named = any(statistic_unit(h) for h in cell.col_headers)
        return [replace(cell, text=estimate.group("estimate") + (estimate.group("stars") or ""),
                        col_headers=cell.col_headers if named else (*cell.col_headers, ESTIMATE_PIECE)),
                replace(cell, text=estimate.group("error"), col_headers=(*cell.col_headers, ERROR_PIECE))]
    m = _COUNT_AND_SHARE.match(cell.text) or _SHARE_AND_COUNT.match(cell.text)
    if m is None or cell.is_header:
        return [cell]
    return [replace(cell, text=m.group("count").strip()),
            replace(cell, text=m.group("share").strip(), col_headers=(*cell.col_headers, "andel"))]


# A column headed by the share alone ("Andel", "Andel, %", "%"): the share of what the column on its left counts
_BARE_SHARE = re.compile(r"^(?:andel(?:en)?|procent|%)(?:\s*[,(]?\s*(?:%|procent)\s*\)?)?$", re.IGNORECASE)
_BARE_COUNT = re.compile(r"^(?:antal|antalet|summa|totalt|samtliga)\b", re.IGNORECASE)


def share_of_left(cell: TableCell, by_place: dict[tuple[int, int], TableCell]) -> TableCell:
    """"Avslutade | Fått eller återfått arbetsförmåga | Andel": the share column takes the label of the
    count on its left, so it is the share of those who got arbetsförmåga, not of any share the caption names."""
    if not cell.col_headers or not _BARE_SHARE.match(cell.col_headers[-1].strip()):
        return cell
    left = by_place.get((cell.row, cell.col - 1))
    if left is None or left.is_header or not left.col_headers or not is_numeric_cell(left.text):
        return cell
    label = left.col_headers[-1].strip()
    if not label or _BARE_SHARE.match(label) or _BARE_COUNT.match(label) or label in cell.col_headers:
        return cell
    return replace(cell, col_headers=cell.col_headers[:-1] + (label, cell.col_headers[-1]))
