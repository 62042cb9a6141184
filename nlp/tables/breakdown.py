"""The breakdown of a cell: group words in its headers ("Ja, kvinnor", "30–39 år") and, for a key
the headers leave open, the caption's or the citing paragraph's; and the rows or columns that are
groups of a kind the corner cell names ("Län", "Post") rather than measures."""
from __future__ import annotations

import re
from typing import Optional, Sequence

from ingest.records import Document, Table, TableCell
from nlp.measures import MeasureMatcher
from nlp.nearby import NearbyText
from nlp.records import Breakdown, Measure, UNCLASSIFIED
from nlp.sv.breakdowns import (TOTAL_WORDS, BREAKDOWN_CLAUSE, BUDGET_COLUMN_WORDS, CORNER_KEYS, DEFAULT_BREAKDOWN_KEYS, UNCLASSIFIED_BREAKDOWN_KEYS, age_value,
                               find_group_values, find_terms)
from nlp.sv.budget import appropriation_name
from nlp.sv.captions import strip_caption_label
from nlp.sv.numerals import parse_swedish_number
from nlp.sv.periods import find_year_mentions
from nlp.sv.stop_words import STOP_WORDS
from nlp.sv.units import unit_phrase
from nlp.tables.headers import CHANGE_HEADER, NOTE_MARK_AT_END, PART_OF_ABOVE, has_total_word, is_total, names_group_only


# A short code in capitals, in parentheses or not: a party, a county, a member's abbreviation
_CODE_LABEL = re.compile(r"^\s*\(?[A-ZÅÄÖ]{1,4}\)?\s*$")
# A budget line's number before its name: "1:2 Aktivitets- och sjukersättningar", "2.1 Förvaltning"
_LINE_NUMBER = re.compile(r"^\s*(?:\d{1,2}\s+)?(?:\d{1,2}(?:[:.]\d{1,2})+\s+)?(?:ap\.\s?\d{1,2}\s+)?(?=\w)")
# "ap.1 Sjukpenning (ram)", "10 1:6 ap.5 Ersättning till regionerna (ram)": an anslagspost, a budget line
_ANSLAGSPOST = re.compile(r"^\s*(?:\d{1,2}\s+)?(?:\d{1,2}:\d{1,2}\s+)?ap\.\s?\d{1,2}\s+\w", re.IGNORECASE)
# what the budget says of a line's kind, not part of its name: "(ram)", "(ramanslag)", "(obet.)"
_APPROPRIATION_KIND = re.compile(r"\s*\((?:ram|ramanslag|obet\.?|obetecknat|reservationsanslag)\)\s*$", re.IGNORECASE)


def cited_terms(document: Document, table: Table, nearby: Optional[NearbyText] = None) -> list:
    """Group words of the paragraphs that cite the table ("se tabell 9 i bilagan"): they tell
    whom a table counts when its caption does not ("... av alla avslag" in a passage on sjukpenning)."""
    label = table.label or (str(table.number) if table.number is not None else "")
    if not label:
        return []
    nearby = nearby or NearbyText(document)
    several = nearby.tables_labelled(label) > 1
    in_appendix = any("bilaga" in s.lower() for s in table.section)
    terms = []
    for cites_appendix, k, sentences in nearby.citations(label):
        if several and cites_appendix != in_appendix:
            continue
        # the citing sentence and the one before it
        for text in sentences[max(0, k - 1):k + 1]:
            terms.extend(t for t in find_terms(text) if t.key == "forman")
    return terms


# "... samarbetet med Försäkringskassan", "... mellan Arbetsförmedlingen och ...": an agency the figures are
# shared with, not whose figures they are
_PARTNER_BEFORE = re.compile(r"\b(?:med|mellan)\s+$", re.IGNORECASE)


def caption_terms_of(caption: str) -> list:
    """The group words of a caption that hold for its cells: not an agency named as a partner."""
    return [t for t in find_terms(caption)
            if not (t.key == "myndighet" and _PARTNER_BEFORE.search(caption[max(0, t.start - 12):t.start]))]


def cell_breakdown(headers: Sequence[str], caption: str, caption_terms, measure: Optional[Measure], cited=(),
                   unit: str = "", outcomes: bool = False) -> Breakdown:
    """`outcomes`: the table's headers split people by sysselsättning (nlp.sv.breakdowns.split_outcomes), so a
    figure no measure claims is one outcome's."""
    allowed = tuple(measure.breakdowns) if measure is not None else \
        UNCLASSIFIED_BREAKDOWN_KEYS if outcomes and not unit.startswith("kronor") else DEFAULT_BREAKDOWN_KEYS
    # a cost or benefit level no measure claims is not a figure about a group (see nlp.prose.breakdown),
    # unless a header of its own is that group and nothing else ("Utgifter, mnkr" under "Aktivitetsersättning")
    headers_only = measure is None and unit.startswith("kronor")
    if headers_only:
        headers = [h for h in headers if names_group_only(h)]  # "Aktivitetsersättning", not "Stöd till unga med ..."
    # a header that names a sex, förmån or age group splits the figure by it, whether or not the
    # catalogue has seen the measure split that way before (next year's report may)
    in_headers = tuple(dict.fromkeys(allowed + DEFAULT_BREAKDOWN_KEYS))
    if measure is not None:
        # a measure that is itself the share of a group ("andel kvinnor") is not split by that group
        named = f"{measure.key} {measure.label}".lower()
        in_headers = tuple(k for k in in_headers if not any(v in named for v in _GROUP_VALUES.get(k, ())))
    parts: dict[str, str] = {}
    # "... medel för förvaltning": the post of every cell; not when the caption coordinates several
    # ("förvaltnings- och programmedel") or the cell is a total
    caption_groups = {} if re.search(r"\w-\s+(?:och|eller|samt)\s", caption) or any(has_total_word(h) for h in headers) \
        else dict(find_group_values(caption))
    for header in headers:
        if is_total(header) or appropriation_name(header, at_start=True):
            continue  # "1:1 Arbetsförmedlingens förvaltningskostnader" is one anslag's name (see appropriations_own_their_amounts)
        age = age_value(header) or age_value(header.replace(unit_phrase(header), "")) if header else None
        if age and "alder" in in_headers:
            parts.setdefault("alder", age)
            continue
        for term in find_terms(header, short_words=True):
            if term.value and term.key in in_headers and (term.key != "myndighet" or term.key in allowed
                                                          or _names_only(header, term)):
                # an agency splits a figure when the header is that agency and nothing else; "Inskrivna på
                # Arbetsförmedlingen" is what is counted, not whose figure it is
                parts.setdefault(term.key, term.value)
        for key, value in find_group_values(header):
            if key in allowed or key == "grupp":  # "Övriga": the rest of a split, whatever the measure's usual splits
                parts.setdefault(key, value)
    # the caption's one förmån or sex holds for every cell too, whether or not the catalogue has seen the
    # measure split that way ("Pågående sjukfall med sjukpenning efter kön")
    for key in () if headers_only else tuple(dict.fromkeys(allowed + tuple(k for k in in_headers if k in ("kon", "forman")))):
        if key in parts:
            continue
        valued = [t for t in caption_terms if t.key == key]
        values = {t.value for t in valued}
        if len(valued) == 1 and valued[0].value:
            parts[key] = valued[0].value  # type: ignore[assignment]
        elif len(values) == 1 and None not in values and valued:
            parts[key] = valued[0].value  # type: ignore[assignment]
        elif not valued and key != "forman" and key in caption_groups:
            parts[key] = caption_groups[key]  # "... medel för förvaltning": post förvaltning
        elif not valued and key == "forman" and not any(has_total_word(h) for h in headers):
            cited_values = {t.value for t in cited if t.key == key}
            if len(cited_values) == 1 and None not in cited_values:
                parts[key] = cited_values.pop()  # type: ignore[assignment]
    return tuple(sorted(parts.items()))


# A stub column headed by when or in what ("År", "Period", "Belopp, tkr") lists no groups
_BALANCE_LINE = re.compile(r"^(?:årets\s+|periodens\s+)?(?:resultat|saldo|netto|överskott|underskott)\b", re.IGNORECASE)
# nor one headed by what its rows measure ("Indikator", "Nyckeltal", "Mått")
_NO_CATEGORY_CORNER = re.compile(r"^(?:år|året|period|perioden|kvartal|månad|helår|datum|tid|belopp|\w*period"
                                 r"|indikator\w*|nyckeltal|mått|måttet|variabel|uppgift)\b", re.IGNORECASE)


def stub_header(table: Table) -> str:
    """The header of the row labels: the corner cell, or under a spanning year row ("| | 2026 | | 2027 |"
    over "| Län | Kvinnor | Män | ...") the first cell of the lowest header row that has one."""
    rows = table.rows[:max(1, table.header_rows)]
    if not any(c.strip() for r in rows for c in r[1:]):
        return ""  # "| **Finansiell samordning** | |" over label-value rows: the box's title, no column of groups
    return next((r[0].strip() for r in reversed(rows) if r and r[0].strip()), "")


def corner_key(table: Table, unit: str = "kronor") -> str:
    """The breakdown key of the groups a table's rows list, from its corner cell: "Post" lists budget
    lines (post), and so do the rows of money in a table whose columns are a budget's ("Budget | Utfall |
    Avvikelse"); the counts under such columns ("Utfall 2026 | Prognos 2027": deltagare, kartläggningar)
    list activities, and any other corner ("Län", "Insats") lists groups (grupp)."""
    corner = stub_header(table).lower()
    if corner.rstrip(":") in CORNER_KEYS:
        return CORNER_KEYS[corner.rstrip(":")]
    labels = [c.text for c in table.cells if c.col == 0 and c.row >= table.header_rows and c.text.strip()]
    if sum(1 for label in labels if _ANSLAGSPOST.match(label)) >= 2:
        return "post"  # rows of anslagsposter ("ap.1 Sjukpenning (ram)") are budget lines, whatever the corner says
    return "post" if _budget_columns(table) and unit.startswith("kronor") else "grupp"


def _budget_columns(table: Table) -> bool:
    labels = {w for c in table.cells if c.row < table.header_rows and c.col > 0
              for w in re.findall(r"[\wåäöÅÄÖ]+", c.text.lower())}
    return len(labels & BUDGET_COLUMN_WORDS) >= 2


# A caption that opens with the kind of thing its rows list and a relative clause: "Insatser som deltagarna tog del av"
_LISTED_KIND = re.compile(r"^\s*([\wåäöÅÄÖ]{3,})\s+som\s", re.IGNORECASE)


def _caption_breaks_down_by(caption: str, corner: str) -> bool:
    """Whether the caption says the table's figures are broken down by what its corner cell names:
    "Deltagare ... efter insats och kön" under the corner "Insats", or lists things of that kind ("Insatser
    som deltagarna tog del av"); then the rows are groups of that kind even when no catalogue measure is
    counted."""
    clause = BREAKDOWN_CLAUSE.search(caption)
    listed = _LISTED_KIND.match(caption)
    if clause is None and listed is None:
        return False
    # ("Insatser som deltagarna tog del av" over the corner "Insats": the rows are the insatser the caption lists)
    words = re.findall(r"[\wåäöÅÄÖ]+", (clause.group(1) if clause else listed.group(1)).lower())
    # ("Län" under "... per län": a short word counts when it is no function word)
    return any(len(c) >= 3 and c not in STOP_WORDS and any(w.startswith(c[:max(4, len(c) - 2)]) for w in words)
               for c in re.findall(r"[\wåäöÅÄÖ]+", corner.lower()))


_MEASURE_HEAD_WORDS = ("antal", "andel", "summa", "medelvärde", "median", "genomsnitt", "differens", "skillnad", "avvikelse")


def column_category(table: Table, cell: TableCell) -> Optional[str]:
    """The group a column stands for when its header row lists groups: beside "Försäkringskassan" and
    "Arbetsförmedlingen", "Region Dalmark" and "Åsby kommun" are members of the same kind, not measures.
    Only where a neighbour in the header row is a known group by itself (an agency, a förmån), and the
    column's own label names no known group, year, unit, total or what is counted."""
    if table.header_rows < 1 or not cell.col_headers:
        return None
    row = table.header_rows - 1
    labels = [c.text.strip() for c in table.cells if c.row == row and c.col > 0 and c.text.strip()]
    return sibling_category(labels, cell.col_headers[-1])


def row_sibling_category(table: Table, cell: TableCell) -> Optional[str]:
    """The same for rows: "Rehabiliteringspenning" and "Aktivitetsstöd" in the rows under "Sjukpenning"."""
    if not cell.row_headers:
        return None
    labels = [c.text.strip() for c in table.cells if c.col == 0 and c.row >= table.header_rows and c.text.strip()]
    return sibling_category(labels, cell.row_headers[-1])


def sibling_category(labels: Sequence[str], own: str) -> Optional[str]:
    """`own` as a group when `labels` (its row or column of labels) hold a known group by itself, or
    are all codes of the same kind: "(S) | (SD) | (V) | (C)" (parties), "AB | C | D" (counties)."""
    if len(labels) >= 3 and all(_CODE_LABEL.match(label) for label in labels) and _CODE_LABEL.match(own):
        return own.strip("() ")
    if not any(_names_only(label, t) for label in labels for t in find_terms(label, short_words=True)
               if t.value and t.key in ("myndighet", "forman")):
        return None
    label = re.sub(NOTE_MARK_AT_END, "", own).strip()
    if not label or is_total(label) or find_year_mentions(label) or unit_phrase(label) or CHANGE_HEADER.search(label) \
            or parse_swedish_number(label) is not None or find_terms(label, short_words=True) or find_group_values(label) \
            or age_value(label) or label.split()[0].lower() in _MEASURE_HEAD_WORDS:
        return None
    return label


def _names_only(header: str, term) -> bool:
    """The header is the term and nothing more (a footnote marker aside): "Försäkringskassan"."""
    rest = (header[:term.start] + header[term.end:]).strip()
    return not re.sub(r"[\d¹²³⁴⁵⁶⁷⁸⁹⁰*)\s.,:]+", "", rest)


def _short_total(label: str) -> bool:
    """A total named with what it is the total of: "Länet totalt", "Samtliga avslutade", "Totalt riket"."""
    words = re.findall(r"[\wåäöÅÄÖ]+", label.lower())
    return len(words) == 2 and (words[0] in TOTAL_WORDS or words[-1] in TOTAL_WORDS)


def rows_list_groups(table: Table) -> bool:
    """Whether a table's corner cell names a kind of group its rows list and the caption says the figures
    are broken down by it ("Delområde" under "Gemensamma kartläggningar efter delområde och kön"): then a
    row's label is a group of what the caption counts, not what is counted, even a group nobody listed
    ("Göteborgsregionen")."""
    corner = stub_header(table)
    return bool(corner) and not (_NO_CATEGORY_CORNER.match(corner) or unit_phrase(corner) or find_year_mentions(corner)) \
        and _caption_breaks_down_by(strip_caption_label(table.caption or ""), corner)


def row_category_of(table: Table, cell: TableCell, measure_key: str, matcher: MeasureMatcher,
                    unit: str = "kronor") -> Optional[str]:
    """The group a row stands for when the table's corner cell names what its rows list ("Län",
    "Region", "Ersättning") and the row's own label is a group of that kind, not a measure, a year or a
    total: "Stockholms län" in a table of kartläggningar per län. Such a row label names nothing the
    measure speaks of (the measure came from the column or the caption) and no known group."""
    corner = stub_header(table)
    posts = corner_key(table, unit) == "post"  # "Post", "Kostnadsslag": every row is a budget line, whatever is measured
    if not cell.row_headers or not (corner or posts) or (corner and (_NO_CATEGORY_CORNER.match(corner) or unit_phrase(corner)
                                                                     or find_year_mentions(corner))):
        return None
    if measure_key == UNCLASSIFIED and not posts and not _caption_breaks_down_by(strip_caption_label(table.caption or ""), corner):
        return None  # the rows may be what is counted ("Anslag 1:1 ..."): groups only where the caption says so
    label = re.sub(NOTE_MARK_AT_END, "", cell.row_headers[-1]).strip()
    if not label or is_total(label) or _short_total(label) or find_year_mentions(label) or parse_swedish_number(label) is not None \
            or (find_terms(label, short_words=True) and not posts) or (find_group_values(label) and not posts) \
            or age_value(label) or label.split()[0].lower() in ("antal", "andel", "summa", "medelvärde", "median", "genomsnitt"):
        return None  # "Antal observationer": what is counted, not a group; "Övriga intäkter" is a post
    if _BALANCE_LINE.match(label):
        return None  # "Årets resultat", "Saldo": the balance of the lines above, not a line of its own
    explicit_posts = corner.lower().rstrip(":") in CORNER_KEYS
    if (not posts or not explicit_posts) and measure_key != UNCLASSIFIED and matcher.covers(measure_key, label) \
            and (not posts or (matcher.names(measure_key, label) and not appropriation_name(label, at_start=True))):
        # the row speaks of the measure (or of nothing): a measure row, not a group; under budget columns
        # ("Utfall 2026 | Prognos 2027") a row that names a measure itself ("Tilldelade medel") is that measure
        return None
    named = unit_phrase(label)
    label = label.replace(named, "").strip(" ,;:()") if named else label  # "Arbetsplatsförlagd praktik, %"
    label = PART_OF_ABOVE.sub("", label).strip(" ,;:") or label  # "varav förvaltning": the post förvaltning
    # "1:2 Aktivitets- och sjukersättningar m.m.", "ap.1 Sjukpenning (ram)": the anslag's or the post's name
    return _APPROPRIATION_KIND.sub("", _LINE_NUMBER.sub("", label)) or label


_GROUP_VALUES = {"kon": ("kvinnor", "män"), "forman": ("sjukpenning", "aktivitetsersättning", "sjukersättning"),
                 "alder": ("ålder", "alder")}
