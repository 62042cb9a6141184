"""The structure of a table's headers: legends ("Sjukpenning=SP"), which axis names what is counted
(measure_axis), "varav" rows and their parent, rows grouped under an agency, a continued table's
caption, totals ("Summa", "Totalt")."""
from __future__ import annotations

import re
from typing import Optional, Sequence

from ingest.records import Document, Table
from nlp.nearby import NearbyText
from nlp.sv.breakdowns import TOTAL_WORDS, age_value, find_terms
from nlp.sv.captions import strip_caption_label
from nlp.sv.numerals import parse_swedish_number
from nlp.sv.periods import BUDGET_STAGE, find_year_mentions
from nlp.sv.units import unit_phrase


LEGEND_RE = re.compile(r"^\s*([\wåäöÅÄÖ][\wåäöÅÄÖ ]{2,40}?)\s*=\s*([A-ZÅÄÖ]{1,6})\s*$")


CHANGE_HEADER = re.compile(r"\b(?:förändring(?:en)?|förändr\.|ökning|minskning|förändring\s+i\s+procent)\b"
                           # "Fler deltagare än 2034", "Färre ärenden än 2029": a change against that year
                           r"|\b(?:fler|färre)\b[^|\t]*?\bän\s+(?:19|20)\d\d\b"
                           # "Jämfört med föregående år", "Jfr 2035", "Mot föregående år": a column compared with another
                           r"|\bjämfört\s+(?:med|mot)\b|\bjfr\b|^\s*(?:mot|sedan)\s+(?:föregående|förra)\s+år(?:et)?\b",
                           re.IGNORECASE)
# A change column that counts a fall as a positive figure ("Färre ärenden än 2029 | 120")
FEWER_HEADER = re.compile(r"\bfärre\b[^|\t]*?\bän\s+(?:19|20)\d\d\b", re.IGNORECASE)


# A note mark at the end of a label: "Övriga 1)", "Deltagare[^2]", "Avslutade²" (not the ")" of "Förbund (2035)")
NOTE_MARK_AT_END = re.compile(r"\s*(?:(?<![\d(])\d\)|\[\^?\d+\]|[¹²³⁴⁵⁶⁷⁸⁹]+)\s*$")


# A stub that is part of the row above it: "varav kvinnor", "därav aktivitetsstöd".
PART_OF_ABOVE = re.compile(r"^\s*(?:varav|därav|varibland)\b", re.IGNORECASE)


def legends_for(document: Document, table: Table, nearby: Optional[NearbyText] = None) -> dict[str, str]:
    """Abbreviations a table's legend spells out ("Sjukpenning=SP" -> {"sp": "Sjukpenning"})."""
    out: dict[str, str] = {}
    if table.line_start is None:
        return out
    for b in (nearby or NearbyText(document)).blocks_between(table.line_start - 12, table.line_start):
        m = LEGEND_RE.match(b.text)
        if m:
            out[m.group(2).lower()] = m.group(1).strip()
    return out


def continued_caption(document: Document, table: Table, nearby: Optional[NearbyText] = None) -> str:
    """The caption title of the table a continuation goes on from: the nearest earlier table with
    the same label that prints a title."""
    for earlier in reversed((nearby or NearbyText(document)).tables_before(table)):
        title = strip_caption_label(earlier.caption) if earlier.caption else ""
        if earlier.label and earlier.label == table.label and title:
            return title
    return ""


def agency_group_rows(table: Table) -> dict[int, str]:
    """Row -> the agency a row without figures above it names ("Disponeras av Försäkringskassan",
    "Arbetsförmedlingen" over its lines): the rows under it, up to the next row without figures, are its."""
    numeric_rows = {c.row for c in table.cells if not c.is_header and c.row >= table.header_rows and parse_swedish_number(c.text) is not None}
    labels = {c.row: c.text for c in table.cells if c.col == 0 and c.row >= table.header_rows}
    out: dict[int, str] = {}
    current: Optional[str] = None
    for row in sorted(labels):
        if is_total(re.sub(r"[*_]", "", labels[row])):
            current = None  # "Summa", "Totalt": over every group above, none of them
        if row in numeric_rows:
            if current:
                out[row] = current
            continue
        named = {t.value for t in find_terms(labels[row], short_words=True) if t.key == "myndighet" and t.value}
        current = named.pop() if len(named) == 1 else None
    return out


def parent_rows(table: Table) -> dict[int, tuple[str, ...]]:
    """Row -> the stub of the row it is part of, for "varav" rows ("varav kvinnor" under
    "Gemensamma kartläggningar"): the nearest row above whose stub is not itself a part."""
    stubs: dict[int, tuple[str, ...]] = {}
    for c in table.cells:
        if not c.is_header and c.row_headers and c.row not in stubs:
            stubs[c.row] = tuple(c.row_headers)
    out: dict[int, tuple[str, ...]] = {}
    parent: tuple[str, ...] = ()
    for row in sorted(stubs):
        stub = stubs[row]
        if stub and PART_OF_ABOVE.match(stub[-1]):
            if parent:
                out[row] = parent
        else:
            parent = stub
    return out


# The groups whose rows a stub may set out in blocks, each headed by the row that names its group
BLOCK_KEYS = ("forman", "kon")


def block_groups(table: Table) -> dict[int, str]:
    """Row -> the group its block of rows is about, where the stub repeats the same rows under each of two
    or more rows naming a group: "Avslag på sjukpenning | därav med omställningsmöte | Andel med möte",
    then "Avslag på aktivitetsersättning | därav med omställningsmöte | Andel med möte". The rows under a
    head name no group of their own, but they are that group's."""
    stubs: dict[int, str] = {}
    for c in table.cells:
        if not c.is_header and c.row_headers and c.row not in stubs:
            stubs[c.row] = c.row_headers[-1]
    rows = sorted(stubs)
    for key in BLOCK_KEYS:
        named = {r: {t.value for t in find_terms(stubs[r], short_words=True) if t.key == key and t.value} for r in rows}
        heads = [r for r in rows if len(named[r]) == 1]
        if len({next(iter(named[r])) for r in heads}) < 2:
            continue
        ends = [*heads[1:], None]
        blocks = [[r for r in rows if h < r and (e is None or r < e)] for h, e in zip(heads, ends)]
        size = len(blocks[0])
        blocks[-1] = blocks[-1][:size]
        labels = [tuple(re.sub(r"\s+", " ", stubs[r]).strip().lower() for r in b) for b in blocks]
        if size == 0 or len(set(labels)) != 1 or any(named[r] for b in blocks for r in b):
            continue
        return {r: next(iter(named[h])) for h, b in zip(heads, blocks) for r in b}
    return {}


def column_header_words(table: Table) -> dict[int, set[str]]:
    """Column -> the lower-case words of its own header cells (years left out)."""
    out: dict[int, set[str]] = {}
    for c in table.cells:
        if c.is_header and c.row < table.header_rows and c.col > 0:
            out.setdefault(c.col, set()).update(w for w in re.findall(r"[\wåäöÅÄÖ]+", c.text.lower()) if not w.isdigit())
    return out


def caption_for_column(caption: str, col: int, column_words: dict[int, set[str]]) -> str:
    """The caption as it speaks of one column. A caption that lists its columns ("Gemensamma
    kartläggningar, samtliga och andel kvinnor") names in "andel kvinnor" the other column, not
    this one: words that head another column and not this one are left out."""
    own = column_words.get(col, set())
    others = set().union(*(w for c, w in column_words.items() if c != col)) - own if column_words else set()
    if not others or not own:
        return caption
    kept = [w for w in re.split(r"(\s+)", caption) if re.sub(r"[^\wåäöÅÄÖ]", "", w).lower() not in others]
    return "".join(kept).strip()


def expand_legends(headers: Sequence[str], legends: dict[str, str]) -> list[str]:
    """Headers with legend abbreviations spelled out: "Kvinnor, SP" -> "Kvinnor, Sjukpenning"."""
    if not legends:
        return list(headers)
    out = []
    for h in headers:
        out.append(re.sub(r"\b([A-ZÅÄÖ]{1,6})\b", lambda m: legends.get(m.group(1).lower(), m.group(1)), h))
    return out


def measure_axis(table: Table) -> str:
    """"row" when the column headers are years, or only groups ("Kvinnor | Män | Totalt"): the rows
    then name what is counted; else "col". Years under headers that name what is counted, in every
    column ("Antal möten" and "Andel kvinnor (%)", each over its years), leave it "col"."""
    heads = [c for c in table.cells if c.is_header and c.row < table.header_rows and c.col > 0]
    years = [c for c in heads if is_year_label(c.text.replace(unit_phrase(c.text), " ").strip(" ,;:") if unit_phrase(c.text) else c.text)]
    if years:
        # years under (or over) headers that name what is counted ("Antal möten", "Andel kvinnor (%)"
        # each over two years): the columns name the measures; a change column or groups do not
        named = [c for c in heads if c not in years and re.search(r"[^\W\d_]{4,}", c.text) and not CHANGE_HEADER.search(c.text)
                 and not names_group_only(c.text) and not is_total(c.text) and not _unit_only(c.text)]
        return "col" if named and len({c.col for c in named}) >= len({c.col for c in years}) else "row"  # "2019", "2019, mnkr"
    last = [c.text for c in heads if c.row == table.header_rows - 1 and c.text.strip()]
    if last and all(names_group_only(h) for h in last):
        return "row"
    return "col"


def _unit_only(header: str) -> bool:
    """A header that only names a unit ("mnkr", "(%)", "Belopp i tkr")."""
    named = unit_phrase(header)
    return bool(named) and not re.sub(r"[\W\d_]+", "", header.replace(named, ""))


def names_group_only(header: str) -> bool:
    """A header that is a group and nothing else: "Kvinnor", "Män", "30–39 år", "Totalt", "Sjukpenning"."""
    words = [w for w in re.findall(r"[\wåäöÅÄÖ]+", header.lower()) if not w.isdigit() and w != "år"]
    if not words:
        return bool(age_value(header))
    return all(w in TOTAL_WORDS or any(t.value for t in find_terms(w, short_words=True)) for w in words)


def is_year_label(text: str) -> bool:
    """A header that is a year and nothing else ("2027", "2026/27", "Utfall 2026": a budget stage's year)."""
    return bool(find_year_mentions(text)) and not re.search(r"[A-Za-zÅÄÖåäö]{4,}", re.sub(r"(?i)årsskiftet|q\d", "", BUDGET_STAGE.sub("", text)))


def has_total_word(header: str) -> bool:
    return any(w in TOTAL_WORDS for w in re.findall(r"[\wåäöÅÄÖ]+", header.lower()))


def is_total(header: str) -> bool:
    words = re.findall(r"[\wåäöÅÄÖ]+", header.lower())
    return bool(words) and all(w in TOTAL_WORDS for w in words)
