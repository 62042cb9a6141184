"""Tables -> Facts: every numeric cell is a fact, named by its headers.

A cell's measure comes from its column and row headers and the caption (nlp.measures), its
period from a year in its headers ("2013" in the stub, "2021, Alla" above it) or else from the
caption or the report's year, its breakdown from group words in the headers ("Ja, kvinnor",
"Kvinnor, SP" with a legend "Sjukpenning=SP", "30–39 år") and, for a key the headers leave
open, from the caption ("..., sjukpenning, kvinnor och män": förmån sjukpenning; "kvinnor och
män" together is the total). "Totalt" and "Alla" name no group.

Units: "%" in the cell, "Andel"/"Antal" in a header, the unit note ("Belopp i tkr": kronor,
scale 1000) or the caption ("i antal dagar").
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Callable, Iterator, Optional, Sequence

from spacy.language import Language

from ingest.records import Document, Table, TableCell
from nlp.appropriations import appropriations_named
from nlp.measures import (MIN_SCORE, ContextWord, MeasureMatch, MeasureMatcher, candidate_key,
                          is_generic_cue)
from nlp.nearby import NearbyText
from nlp.records import UNCLASSIFIED, Breakdown, Fact, Measure
from nlp.sv.budget import appropriation_code, appropriation_name
from nlp.sv.breakdowns import BREAKDOWN_CLAUSE, BUDGET_COLUMN_WORDS, CORNER_KEYS, DEFAULT_BREAKDOWN_KEYS, TOTAL_WORDS, age_value, find_group_values, find_terms
from nlp.sv.captions import strip_caption_label
from nlp.sv.numerals import NUMBER_PATTERN, parse_swedish_number
from nlp.part_year import report_part_of_year
from nlp.sv.periods import FULL_YEAR, SAME_PART, find_parts_of_year, find_year_mentions
from nlp.sv.statistics import MEAN_WORDS, MEDIAN_WORDS, statistic_unit
from nlp.sv.stop_words import STOP_WORDS
from nlp.sv.units import UNITS, unit_note_scale, unit_phrase

LEGEND_RE = re.compile(r"^\s*([\wåäöÅÄÖ][\wåäöÅÄÖ ]{2,40}?)\s*=\s*([A-ZÅÄÖ]{1,6})\s*$")
_CELL_NUMBER = re.compile(r"^(?:[<>≤≥]\s?)?[+−–\-±]?\s?\d[\d \u00a0\u202f\u2009]*(?:[,.]\d+)?\s?"
                          r"(?:%|procent|år|dagar|kr|tkr|mkr|mnkr)?\s?[*†‡]{0,3}$")
# "345 400*", "62%†": a footnote sign after a cell marks it, it is no part of the number
_CELL_MARK = re.compile(r"\s?[*†‡]{1,3}$")
_CELL_BOUND = re.compile(r"^([<>≤≥])\s?")
_BOUND_QUALIFIER = {"<": "under", "≤": "under", ">": "over", "≥": "over"}
_CELL_UNIT = re.compile(r"\s?(procent|år|dagar|kr|tkr|mkr|mnkr)$")
_SHARE_WORDS = ("andel", "könsfördelning", "procent", "%")
_COUNT_WORDS = ("antal",)
# Words after which a caption names the population a share is of ("... av alla som fått avslag"):
# they say little about what is counted, so they weigh less when the measure is chosen.
_DENOMINATOR = re.compile(r"\bav\s+(?:alla|de|dem|samtliga)\b(?:\s+som)?|\bbland\b", re.IGNORECASE)
HEADER_WEIGHT = 1.0
OTHER_AXIS_WEIGHT = 0.5  # the headers that name groups (rows when columns name measures)
CAPTION_WEIGHT = 0.6
DENOMINATOR_WEIGHT = 0.25
SECTION_WEIGHT = 0.3
PARENT_WEIGHT = 0.6  # the row a "varav" row is part of: it names what is counted when the varav row does not
# A header that makes its cells changes between two periods, not levels.
# A column of differences that are not changes over time: a deviation from a goal or a budget
_DIFFERENCE_HEADER = re.compile(r"\b(?:avvikelse|differens|skillnad)\w*", re.IGNORECASE)
_CHANGE_HEADER = re.compile(r"\b(?:förändring(?:en)?|förändr\.|ökning|minskning|förändring\s+i\s+procent)\b", re.IGNORECASE)
# "Diff." beside columns of two or more years: the change between them (beside "Tilldelat | Förbrukat",
# with the years in the rows, it is a deviation)
_DIFF_HEADER = re.compile(r"\b(?:diff\.?|differens|skillnad)(?!\w)", re.IGNORECASE)
_NO_CHANGE = re.compile(r"^±\s*(?=0(?:,0+)?$)")
# A short code in capitals, in parentheses or not: a party, a county, a member's abbreviation
_CODE_LABEL = re.compile(r"^\s*\(?[A-ZÅÄÖ]{1,4}\)?\s*$")
# A budget line's number before its name: "1:2 Aktivitets- och sjukersättningar", "2.1 Förvaltning"
_LINE_NUMBER = re.compile(r"^\s*(?:\d{1,2}\s+)?(?:\d{1,2}(?:[:.]\d{1,2})+\s+)?(?:ap\.\s?\d{1,2}\s+)?(?=\w)")
# "ap.1 Sjukpenning (ram)", "10 1:6 ap.5 Ersättning till regionerna (ram)": an anslagspost, a budget line
_ANSLAGSPOST = re.compile(r"^\s*(?:\d{1,2}\s+)?(?:\d{1,2}:\d{1,2}\s+)?ap\.\s?\d{1,2}\s+\w", re.IGNORECASE)
# what the budget says of a line's kind, not part of its name: "(ram)", "(ramanslag)", "(obet.)"
_APPROPRIATION_KIND = re.compile(r"\s*\((?:ram|ramanslag|obet\.?|obetecknat|reservationsanslag)\)\s*$", re.IGNORECASE)
_YEAR_WORD = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
# A stub that is part of the row above it: "varav kvinnor", "därav aktivitetsstöd".
_PART_OF_ABOVE = re.compile(r"^\s*(?:varav|därav|varibland)\b", re.IGNORECASE)


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


def is_numeric_cell(text: str) -> bool:
    return bool(_CELL_NUMBER.match(text.strip()))


# "141 (45,2 %)", "45,2 % (141)": a count and its share printed in one cell
_SHARE = rf"{NUMBER_PATTERN}\s?(?:%|procent)"
_COUNT_AND_SHARE = re.compile(rf"^\s*(?P<count>{NUMBER_PATTERN})\s*\(\s*(?P<share>{_SHARE})\s*\)\s*$")
_SHARE_AND_COUNT = re.compile(rf"^\s*(?P<share>{_SHARE})\s*\(\s*(?P<count>{NUMBER_PATTERN})\s*\)\s*$")


_REGRESSION_UNITS = ("koefficient", "standardfel")
# "0,12*** (0,03)": a regression's estimate, with its significance stars, and its standard error in parentheses
_ESTIMATE_AND_ERROR = re.compile(rf"^\s*(?P<estimate>[−–-]?{NUMBER_PATTERN})\s?(?P<stars>[*†]{{1,3}})?\s*\(\s*(?P<error>{NUMBER_PATTERN})\s*\)\s*$")


def cell_pieces(cell: TableCell) -> list[TableCell]:
    """The figures a cell prints: itself, or for "141 (45,2 %)" the count and the share, each a cell
    of its own place (the share under its column's headers and "andel"); for "0,12*** (0,03)" the
    estimate and its standard error (under its column's headers and the statistic each is)."""
    estimate = _ESTIMATE_AND_ERROR.match(cell.text) if not cell.is_header else None
    if estimate is not None and (estimate.group("stars") or all(
            "," in estimate.group(g) and abs(parse_swedish_number(estimate.group(g).lstrip("−–-")) or 10) < 10
            for g in ("estimate", "error"))):
        named = any(statistic_unit(h) for h in cell.col_headers)
        return [replace(cell, text=estimate.group("estimate") + (estimate.group("stars") or ""),
                        col_headers=cell.col_headers if named else (*cell.col_headers, "koefficient")),
                replace(cell, text=estimate.group("error"), col_headers=(*cell.col_headers, "standardfel"))]
    m = _COUNT_AND_SHARE.match(cell.text) or _SHARE_AND_COUNT.match(cell.text)
    if m is None or cell.is_header:
        return [cell]
    return [replace(cell, text=m.group("count").strip()),
            replace(cell, text=m.group("share").strip(), col_headers=(*cell.col_headers, "andel"))]


def extract_table_facts(document: Document, matcher: MeasureMatcher, nlp: Optional[Language] = None,
                        on_table: Optional[Callable[[Table], None]] = None) -> list[Fact]:
    """Facts from every numeric cell of every table of one document (ids left empty: see nlp.extract).

    on_table: called with each table once its facts are read (for progress).
    """
    facts: list[Fact] = []
    appropriations = appropriations_named(document)
    nearby = NearbyText(document)
    for table in document.tables:
        facts.extend(appropriations_own_their_amounts(table, appropriations, rows_keep_their_group(
            table, totals_follow_their_parts(table, list(table_to_facts(document, table, matcher, nearby)), matcher))))
        if on_table is not None:
            on_table(table)
    return facts


def appropriations_own_their_amounts(table: Table, named: dict[str, str], facts: list[Fact]) -> list[Fact]:
    """An amount under a named appropriation is that appropriation's: its post is the name, from the row or column
    label that opens with the anslag's number ("1:1 Arbetsförmedlingens förvaltningskostnader": one anslag, not the
    catalogue's post "förvaltning" its words suggest), else from the caption that names one ("Härledning av
    anslagsnivån 2028-2030 för 1:6 Bidrag för sjukskrivningsprocessen": its rows are steps of one anslag's
    derivation, "Nya åtaganden" a line of its commitments, no posts of their own)."""
    cells = {c.id: c for c in table.cells}
    caption = strip_caption_label(table.caption) if table.caption else ""
    in_caption = appropriation_name(caption) or named.get(appropriation_code(caption) or "")
    parents = parent_rows(table)
    out = []
    for f in facts:
        cell = cells.get(f.cell or "")
        if cell is None:
            out.append(f)
            continue
        own = next((n for n in (appropriation_name(h, at_start=True) for h in (*cell.row_headers, *cell.col_headers)) if n), None)
        label = cell.row_headers[-1] if cell.row_headers else ""
        if own is None and _PART_OF_ABOVE.match(label) and any(appropriation_name(h, at_start=True) for h in parents.get(cell.row, ())):
            # "varav personalkostnader" under "1:1 Arbetsförmedlingens förvaltningskostnader": a line of that anslag
            own = _PART_OF_ABOVE.sub("", re.sub(r"\s*(?:\d\)|[¹²³⁴⁵⁶⁷⁸⁹]+)\s*$", "", label)).strip()
        # the row's own anslag for all its figures ("Förändring, %" too); the caption's for its amounts
        name = own or (in_caption if f.unit.startswith("kronor") else None)
        if name:
            post = name[0].lower() + name[1:]  # budget lines are named in lower case, as the catalogue's posts are
            f = replace(f, breakdown=tuple(sorted(dict(f.breakdown, post=post).items())))
        out.append(f)
    return out


def rows_keep_their_group(table: Table, facts: list[Fact]) -> list[Fact]:
    """A row that is a group (see _row_category) is that group in every column, the columns no measure
    claims too ("Förändring sedan 2021, %" beside "Gemensamma kartläggningar, antal")."""
    cells = {c.id: c for c in table.cells}
    groups: dict[int, tuple[str, str]] = {}
    for f in facts:
        cell = cells.get(f.cell or "")
        for key in ("grupp", "post"):
            value = dict(f.breakdown).get(key)
            if cell is not None and value and cell.row_headers and value.lower() in cell.row_headers[-1].lower():
                groups[cell.row] = (key, value)
    if not groups:
        return facts
    out = []
    for f in facts:
        cell = cells.get(f.cell or "")
        if cell is not None and cell.row in groups and not any(k in dict(f.breakdown) for k in ("grupp", "post", "myndighet")):
            key, value = groups[cell.row]
            f = replace(f, breakdown=tuple(sorted(dict(f.breakdown, **{key: value}).items())))
        out.append(f)
    return out


def totals_follow_their_parts(table: Table, facts: list[Fact], matcher: MeasureMatcher) -> list[Fact]:
    """A total row ("Summa", "Totalt") counts what the rows above it count: when no row of its
    column took a catalogue measure, the total takes none either (its caption alone named one)."""
    if measure_axis(table) != "row":
        return facts
    cells = {c.id: c for c in table.cells}
    total_rows = {c.row for c in table.cells if c.col == 0 and not c.row < table.header_rows and _is_total(c.text)}
    if not total_rows:
        return facts
    out = []
    for f in facts:
        cell = cells.get(f.cell or "")
        if cell is not None and cell.row in total_rows and f.measure != UNCLASSIFIED:
            parts = [g for g in facts if g is not f and (c := cells.get(g.cell or "")) is not None
                     and c.col == cell.col and c.row not in total_rows]
            if parts and all(g.measure == UNCLASSIFIED for g in parts):
                f = replace(f, measure=UNCLASSIFIED, measure_label="", measure_score=0.0, phrase=" ".join(cell.row_headers),
                            measure_candidate=parts[0].measure_candidate)
        out.append(f)
    return out


def table_to_facts(document: Document, table: Table, matcher: MeasureMatcher,
                   nearby: Optional[NearbyText] = None) -> Iterator[Fact]:
    nearby = nearby or NearbyText(document)
    legends = legends_for(document, table, nearby)
    lead = lead_words(document, table, nearby)
    reporting_part = report_part_of_year(document)  # read once per table, not per cell
    # a table with no caption is about what the heading above it says
    caption = strip_caption_label(table.caption) if table.caption else (table.section[-1] if table.section else "")
    if table.continued and not caption:
        caption = continued_caption(document, table, nearby)  # "Tabell 4.12 (forts.)" is about what Tabell 4.12 is
    caption_words = _caption_words(caption)
    section_words = [w for t in table.section[-1:] for w in re.findall(r"[\wåäöÅÄÖ]+", t.lower()) if not w.isdigit()]
    caption_terms = find_terms(caption)
    caption_periods = [m for m in find_year_mentions(caption) if m[2] in ("span", "during", "year", "report")]
    unit_from_note = _unit_note(table)
    # "Avslutade | Arbetsförmåga, procent" under a caption "Avslutade ... och andel som ...": the caption's
    # share is the column that says so, the other columns count
    share_column = any(label_unit(c.text) == UNITS["procent"] for c in table.cells if c.row < table.header_rows and c.col > 0)
    quoted_units = {} if unit_from_note else unit_quoted_in_text(document, table, nearby)
    rows = table.rows
    axis = measure_axis(table)
    cited = cited_terms(document, table, nearby)
    parents = parent_rows(table)
    agencies = agency_group_rows(table)
    fraction_lines = fraction_lines_of(table)
    column_words = _column_header_words(table)
    full_caption = caption
    by_place = {(c.row, c.col): c for c in table.cells}
    for cell in (piece for whole in table.cells for piece in cell_pieces(whole)):
        if cell.is_header or not is_numeric_cell(cell.text):
            continue
        cell = share_of_left(cell, by_place)
        caption = caption_for_column(full_caption, cell.col, column_words)
        if caption != full_caption:
            caption_words = _caption_words(caption)
            caption_terms = find_terms(caption)
        else:
            caption_words = _caption_words(full_caption)
            caption_terms = find_terms(full_caption)
        text = _NO_CHANGE.sub("", _CELL_MARK.sub("", cell.text.strip()))  # "±0": a deviation of nothing, 0
        cell_unit = _CELL_UNIT.search(text)
        bound = _CELL_BOUND.match(text)  # "<5": a suppressed small count, an upper bound
        raw = parse_swedish_number(_CELL_UNIT.sub("", _CELL_BOUND.sub("", text)))
        if raw is None:
            continue
        parent = parents.get(cell.row, ())
        # the varav row's own words first: "Varav aktivitetsstöd" sets the post, its parent row the myndighet
        headers = _expand(list(cell.col_headers) + list(cell.row_headers) + list(parent), legends)
        unit, scale = UNITS[cell_unit.group(1)] if cell_unit else _unit(cell, headers, caption, unit_from_note, quoted_units.get(cell.col),
                                                                        share_column)
        change = _CHANGE_HEADER.search(" ".join(cell.col_headers + cell.row_headers)) or (
            _DIFF_HEADER.search(" ".join(cell.col_headers)) and len(_sibling_years(table, cell, rows=False)) >= 2)
        if change and _level_after_changes(cell):
            change = None  # "Förslag/beräknad ramnivå" closing the rows of "Förändring till följd av:": a level again
        level_unit = unit
        if change and not cell_unit:
            # the unit of what changed: the cell's headers without the change header ("Förändring (%)")
            level = replace(cell, col_headers=tuple(h for h in cell.col_headers if not _CHANGE_HEADER.search(h)),
                            row_headers=tuple(h for h in cell.row_headers if not _CHANGE_HEADER.search(h)))
            # (a unit the text quotes for this column is the changes' own: "8,8 procent mot 5,2 procent")
            level_unit, level_scale = _unit(level, [h for h in headers if not _CHANGE_HEADER.search(h)], caption, unit_from_note,
                                            None, share_column)
            if level_unit == "procent" and "%" not in cell.text:
                unit, scale = "procentenheter", 1.0  # a change of a share is in percentage points
            elif unit != "procent":
                unit, scale = level_unit, level_scale
        if unit == "procent" and not change and _DIFFERENCE_HEADER.search(" ".join(cell.col_headers)):
            unit, scale = "procentenheter", 1.0  # "Avvikelse" from a goal in a row of shares: percentage points
        if unit == "procent" and not cell_unit and "%" not in cell.text and raw <= 1.0 and \
                not _names_percent(headers, caption, table.unit_note) and \
                (("col", cell.col) in fraction_lines or ("row", cell.row) in fraction_lines):
            scale = 100.0  # a share printed as a fraction: "0,64" under "Andel kvinnor" is 64 procent
        context = _context(cell, legends, caption_words, section_words, axis, parent, lead)
        # a change is a change of the measure its row or column counts: matched in that measure's unit
        found = decide_measure(matcher, context, level_unit if change else unit, raw)
        own_label = _own_label(cell, axis)
        if found is not None and not matcher.covers(found.key, own_label):
            found = None  # the row or column names something the measure never speaks of
        if found is not None and _names_median(cell) and _is_mean(matcher.by_key.get(found.key)):
            found = None  # "Tid i samverkan, dagar (median)": not the mean the measure is defined as
        measure_key = found.key if found else UNCLASSIFIED
        measure = matcher.by_key.get(measure_key)
        # a row "Kv 3 2025" of a yearly measure keeps it here; nlp.part_year settles it
        part = period_part(list(cell.row_headers) + list(parent) + list(cell.col_headers), full_caption)
        period, period_source = _period(cell, caption_periods, document)
        if change and period_source != "table" and len(_sibling_years(table, cell, rows=False)) >= 2:
            # "Första halvåret 2029 | Första halvåret 2030 | Förändring": a change with no year of its own ends in
            # the latest year it stands beside, whatever year the caption names last ("... samt helåret 2029")
            period = str(max(_sibling_years(table, cell, rows=False)))
        if not part and period_source == "report":
            part = reporting_part
        if change:
            # "Förändring sedan 2021, %" in a table of 2025: the change over 2021-2025
            base = next((m[3][:4] for h in cell.col_headers + cell.row_headers for m in find_year_mentions(h)
                         if m[2] in ("since", "comparison")), None)
            if base is None and period.isdigit():
                # rows of changes under a level row that names its year ("Anvisat 2027", then "Förändring till
                # följd av: ... Volymer"): each column's change is from that year
                base = _level_row_year(table, cell)
            if base is None and period.isdigit():
                # "2025 | 2026 | Förändring": the change between the column (or row) before and this year
                base = str(max((y for y in _sibling_years(table, cell) if y < int(period)), default=0) or "") or None
            if base and period.isdigit() and int(period) > int(base):
                period = f"{base}-{period}"
        breakdown = _breakdown(headers, caption, caption_terms, measure, cited, unit)
        if unit in _REGRESSION_UNITS:
            breakdown = ()  # a regression's rows are its variables ("Kvinna", "50 år eller äldre"), not groups counted
        row_category = _row_category(table, cell, measure_key, matcher)
        col_category = column_category(table, cell)
        category = row_category or col_category or row_sibling_category(table, cell)
        key = corner_key(table) if row_category else "grupp"
        if key == "post" and dict(breakdown).get("grupp", "").lower() in category.lower():
            breakdown = tuple((k, v) for k, v in breakdown if k != "grupp")  # "Övriga intäkter" in a list of posts
        if key == "post" and row_category:
            # "1:1 Sjukpenning och rehabilitering m.m.": a budget line named after a förmån is money, not its people
            breakdown = tuple((k, v) for k, v in breakdown if not (k == "forman" and v.lower() in row_category.lower()))
        if category and not any(k in dict(breakdown) for k in ("grupp", "post", "myndighet")):
            # budget lines are named in lower case, as the catalogue's posts are ("förvaltning")
            value = category[0].lower() + category[1:] if key == "post" else category
            breakdown = tuple(sorted(dict(breakdown, **{key: value}).items()))
        if key == "post" and row_category and col_category and "grupp" not in dict(breakdown):
            breakdown = tuple(sorted(dict(breakdown, grupp=col_category).items()))  # a party's deviation on a post
        if cell.row in agencies and "myndighet" not in dict(breakdown):
            breakdown = tuple(sorted(dict(breakdown, myndighet=agencies[cell.row]).items()))  # "Disponeras av ..." above
        value = float(round(raw * scale, 6))
        if change and value and unit != "procentenheter" and not (unit == "procent" and level_unit == "procent"):
            # a column "Förändring 2025–2026" ("+233", "−69"), or one in percent ("Förändring (%)") of a
            # count or an amount: a change of the measure, its size and direction
            breakdown = tuple(sorted(dict(breakdown, forandring="ökning" if value > 0 else "minskning").items()))
            value = abs(value)
        elif change and value and unit == "procentenheter":
            value = abs(value)  # "−3,1" in a change column of shares: a change of so many points, as the prose says it
        yield Fact(
            id="",
            doc=document.id,
            source_file=document.source_file,
            measure=measure_key,
            measure_label=measure.label if measure else "",
            period=period,
            breakdown=breakdown,
            value=value,
            printed=cell.text,
            unit=unit,
            scale=scale,
            qualifier=_BOUND_QUALIFIER[bound.group(1)] if bound else "exact",
            qualifier_word=bound.group(1) if bound else "",
            kind="table",
            page=cell.page if cell.page is not None else table.page,
            page_label=table.page_label,
            line=cell.line,
            section=" > ".join(table.section),
            quote=_quote(table, cell, rows),
            cell=cell.id,
            phrase=" ".join(cell.col_headers + cell.row_headers),
            period_source=period_source,
            measure_score=round(found.score, 4) if found else 0.0,
            # kept on classified figures too: nlp.measure_trust may yet leave one unclassified
            measure_candidate=candidate_key(" ".join(_candidate_words(cell, caption)), unit, matcher.lexicon),
            period_part=part,
        )


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


def _names_median(cell: TableCell) -> bool:
    """The cell's own headers say it is a median, not a mean ("Handläggningstid, dagar (median)")."""
    text = " ".join(cell.col_headers + cell.row_headers)
    return bool(MEDIAN_WORDS.search(text)) and not MEAN_WORDS.search(text)


def _is_mean(measure: Optional[Measure]) -> bool:
    return measure is not None and bool(MEAN_WORDS.search(f"{measure.label} {measure.definition}"))


def continued_caption(document: Document, table: Table, nearby: Optional[NearbyText] = None) -> str:
    """The caption title of the table a continuation goes on from: the nearest earlier table with
    the same label that prints a title."""
    for earlier in reversed((nearby or NearbyText(document)).tables_before(table)):
        title = strip_caption_label(earlier.caption) if earlier.caption else ""
        if earlier.label and earlier.label == table.label and title:
            return title
    return ""


def _unit_note(table: Table) -> Optional[tuple[str, float]]:
    """The table's unit note, or one printed in its corner cell ("Belopp i mnkr" above the stub)."""
    if table.unit_note:
        return unit_note_scale(table.unit_note)
    for c in table.cells:
        if c.is_header and c.col == 0 and c.row < table.header_rows and c.text.strip():
            found = unit_note_scale(c.text)
            if found is not None:
                return found
    return None


def agency_group_rows(table: Table) -> dict[int, str]:
    """Row -> the agency a row without figures above it names ("Disponeras av Försäkringskassan",
    "Arbetsförmedlingen" over its lines): the rows under it, up to the next row without figures, are its."""
    numeric_rows = {c.row for c in table.cells if not c.is_header and c.row >= table.header_rows and parse_swedish_number(c.text) is not None}
    labels = {c.row: c.text for c in table.cells if c.col == 0 and c.row >= table.header_rows}
    out: dict[int, str] = {}
    current: Optional[str] = None
    for row in sorted(labels):
        if _is_total(re.sub(r"[*_]", "", labels[row])):
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
        if stub and _PART_OF_ABOVE.match(stub[-1]):
            if parent:
                out[row] = parent
        else:
            parent = stub
    return out


def decide_measure(matcher: MeasureMatcher, context: Sequence[ContextWord], unit: str, value: float) -> Optional[MeasureMatch]:
    """The measure of a cell: when its own headers (the words at full header weight) name a
    measure by themselves, the caption only chooses among the measures they name, so a column
    "Avslutade" under the caption "Gemensamma kartläggningar och resultat" counts avslutade,
    not kartläggningar. Otherwise headers, caption and section are scored together."""
    own = [w for w in context if w.weight >= HEADER_WEIGHT]
    named = {m.key for m in matcher.scores(own, unit, near=context)
             if m.score >= MIN_SCORE and any(not is_generic_cue(c) for c in m.cues)} if own else set()
    if named:
        for found in matcher.scores(context, unit):
            if found.key not in named:
                continue
            if not float(value).is_integer() and not matcher.may_be_fractional(found.key):
                continue
            return found
    return matcher.match(context, unit, value)


def _own_label(cell: TableCell, axis: str) -> str:
    """The header that names what the cell counts: the innermost column header when the columns
    name measures, the row's stub when the columns are years."""
    headers = cell.row_headers if axis == "row" else cell.col_headers
    label = headers[-1] if headers else ""
    label = label.replace(unit_phrase(label), " ").strip(" ,;:") if unit_phrase(label) else label  # "2019, mnkr"
    if _PART_OF_ABOVE.match(label) or find_group_values(label) or _names_group_only(label) \
            or _is_total(label) or re.match(r"^\s*övriga\b", label, re.IGNORECASE):
        return ""  # a group of what the row above or the caption counts ("varav kvinnor", "Övriga")
    return label


def _candidate_words(cell: TableCell, caption: str) -> list[str]:
    """What an unclassified cell counts, most specific first: its row and column labels that are
    not years or groups, then the caption."""
    labels = [h for h in (*cell.row_headers, *cell.col_headers) if not is_year_label(h)]
    return [*labels, caption]


def _column_header_words(table: Table) -> dict[int, set[str]]:
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


def fraction_lines_of(table: Table) -> set[tuple[str, int]]:
    """Columns and rows whose figures are all between 0 and 1 with decimals ("0,64", "0,7"):
    shares printed as fractions when a header calls them a share."""
    values: dict[tuple[str, int], list[str]] = {}
    for c in table.cells:
        if c.is_header or not is_numeric_cell(c.text):
            continue
        values.setdefault(("col", c.col), []).append(c.text.strip())
        values.setdefault(("row", c.row), []).append(c.text.strip())
    out = set()
    for key, texts in values.items():
        nums = [parse_swedish_number(_CELL_UNIT.sub("", _CELL_MARK.sub("", t))) for t in texts]
        if nums and all(n is not None and 0 <= n <= 1.0 for n in nums) and any(re.search(r"[,.]\d", t) for t in texts):
            out.add(key)
    return out


def _names_percent(headers: Sequence[str], caption: str, unit_note: str) -> bool:
    """The headers, caption or unit note say the figures are in percent ("Andel (%)", "procent")."""
    text = " ".join([*headers, caption, unit_note]).lower()
    return "%" in text or bool(re.search(r"\bprocent\b", text))


def _caption_words(caption: str) -> list[tuple[str, float]]:
    """Caption words with their weight: less after "av alla som" (the population, not the figure)."""
    out: list[tuple[str, float]] = []
    cut = _DENOMINATOR.search(caption)
    for m in re.finditer(r"[\wåäöÅÄÖ%]+", caption.lower()):
        if re.fullmatch(r"(?:19|20)\d\d", m.group(0)):
            continue  # a year is the period, not a word of the measure
        weight = DENOMINATOR_WEIGHT if cut and m.start() >= cut.start() else CAPTION_WEIGHT
        out.append((m.group(0), weight))
    return out


def _expand(headers: Sequence[str], legends: dict[str, str]) -> list[str]:
    """Headers with legend abbreviations spelled out: "Kvinnor, SP" -> "Kvinnor, Sjukpenning"."""
    if not legends:
        return list(headers)
    out = []
    for h in headers:
        out.append(re.sub(r"\b([A-ZÅÄÖ]{1,6})\b", lambda m: legends.get(m.group(1).lower(), m.group(1)), h))
    return out


def _unit(cell: TableCell, headers: Sequence[str], caption: str, note: Optional[tuple[str, float]],
          quoted: Optional[tuple[str, float]] = None, share_column: bool = False) -> tuple[str, float]:
    if "%" in cell.text:
        return "procent", 1.0
    for header in cell.col_headers[::-1]:
        statistic = statistic_unit(header)
        if statistic:
            return statistic, 1.0  # "Koefficient | Standardfel | Oddskvot": a regression's statistics
    for header in list(cell.col_headers)[::-1] + list(cell.row_headers)[::-1]:
        # a unit named in the cell's own header or row label ("Kostnad, mnkr", "Andel (%)",
        # "Antal ärenden (tusental)", "Tid, dagar (median)") rules its cells
        named = label_unit(header)
        if named is not None and note is not None and named == ("antal", 1.0) and note[0] == "antal":
            return note  # "Antal" under a unit line "Tusental": counted in thousands
        if named is not None:
            return named
    words = " ".join(headers).lower()
    if any(w in words for w in _SHARE_WORDS):
        return "procent", 1.0
    if note is not None:
        return note
    if any(re.search(rf"\b{w}\b", words) for w in _COUNT_WORDS):
        return "antal", 1.0
    low = caption.lower()
    for word in ("dagar", "procent"):
        if word == "procent" and (re.search(r"\bantal\b", low) or share_column):
            continue  # "Deltagare per halvår, antal och procent": the rows say which
        # "i antal dagar" names the unit; "90 dagar efter avslaget" is part of the definition
        if re.search(rf"(?<![\d\s])\s*\b{word}\b", low) and not re.search(rf"\d\s*{word}\b", low):
            return UNITS[word]
    if re.search(r"\bandel\b", low) and not re.search(r"\bantal\b", low) and not share_column:
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


def label_unit(label: str) -> Optional[tuple[str, float]]:
    """The unit and scale a header or row label names, also before a closing remark in
    parentheses ("Handläggningstid, dagar (median)" -> dagar), or None."""
    for text in (label, _TRAILING_NOTE.sub("", label)):
        named = unit_phrase(text)
        if named and unit_note_scale(named):
            return unit_note_scale(named)
    return None


def measure_axis(table: Table) -> str:
    """"row" when the column headers are years, or only groups ("Kvinnor | Män | Totalt"): the rows
    then name what is counted; else "col". Years under headers that name what is counted, in every
    column ("Antal möten" and "Andel kvinnor (%)", each over its years), leave it "col"."""
    heads = [c for c in table.cells if c.is_header and c.row < table.header_rows and c.col > 0]
    years = [c for c in heads if is_year_label(c.text.replace(unit_phrase(c.text), " ").strip(" ,;:") if unit_phrase(c.text) else c.text)]
    if years:
        # years under (or over) headers that name what is counted ("Antal möten", "Andel kvinnor (%)"
        # each over two years): the columns name the measures; a change column or groups do not
        named = [c for c in heads if c not in years and re.search(r"[^\W\d_]{4,}", c.text) and not _CHANGE_HEADER.search(c.text)
                 and not _names_group_only(c.text) and not _is_total(c.text) and not _unit_only(c.text)]
        return "col" if named and len({c.col for c in named}) >= len({c.col for c in years}) else "row"  # "2019", "2019, mnkr"
    last = [c.text for c in heads if c.row == table.header_rows - 1 and c.text.strip()]
    if last and all(_names_group_only(h) for h in last):
        return "row"
    return "col"


def _unit_only(header: str) -> bool:
    """A header that only names a unit ("mnkr", "(%)", "Belopp i tkr")."""
    named = unit_phrase(header)
    return bool(named) and not re.sub(r"[\W\d_]+", "", header.replace(named, ""))


def _names_group_only(header: str) -> bool:
    """A header that is a group and nothing else: "Kvinnor", "Män", "30–39 år", "Totalt", "Sjukpenning"."""
    words = [w for w in re.findall(r"[\wåäöÅÄÖ]+", header.lower()) if not w.isdigit() and w != "år"]
    if not words:
        return bool(age_value(header))
    return all(w in TOTAL_WORDS or any(t.value for t in find_terms(w, short_words=True)) for w in words)


def is_year_label(text: str) -> bool:
    return bool(find_year_mentions(text)) and not re.search(r"[A-Za-zÅÄÖåäö]{4,}", re.sub(r"(?i)årsskiftet|q\d", "", text))


def _header_words(header: str, legends: dict[str, str]) -> list[str]:
    """A header's words for measure matching, abbreviations spelled out ("SP" -> "Sjukpenning")."""
    return [legends.get(w.lower(), w) for w in re.findall(r"[\wåäöÅÄÖ%]+", header) if not w.isdigit()]


def _context(cell: TableCell, legends: dict[str, str], caption_words: Sequence[tuple[str, float]],
             section_words: Sequence[str], axis: str = "col", parent: Sequence[str] = (), lead: Sequence[str] = ()) -> list[ContextWord]:
    words: list[tuple[str, float, float]] = []
    main, other = (cell.col_headers, cell.row_headers) if axis == "col" else (cell.row_headers, cell.col_headers)
    for k, header in enumerate(main):  # in reading order; the innermost header is nearest the cell
        distance = float(len(main) - 1 - k)
        words.extend((w, distance, HEADER_WEIGHT) for w in _header_words(header, legends))
    for header in other:
        words.extend((w, 2.0, OTHER_AXIS_WEIGHT) for w in _header_words(header, legends))
    for header in parent:
        words.extend((w, 2.0, PARENT_WEIGHT if axis == "row" else OTHER_AXIS_WEIGHT) for w in _header_words(header, legends))
    words.extend((w, 1.5, weight) for w, weight in caption_words)
    words.extend((w, 3.0, SECTION_WEIGHT) for w in section_words)
    # the paragraph that leads into the table counts for nothing but may name what the table is of (a
    # measure of one project or study needs its name near the figure: "... uppnått maximal tid. Tabellen nedan ...")
    words.extend((w, 9.0, 0.0) for w in lead)
    return [ContextWord(t, d, wt, i) for i, (t, d, wt) in enumerate(words)]


def lead_words(document: Document, table: Table, nearby: Optional[NearbyText] = None) -> list[str]:
    """The words of the paragraph right before the table (in a text source, within a few lines; in a
    PDF, the last one above it on its page)."""
    nearby = nearby or NearbyText(document)
    before = []
    if table.line_start is not None:
        before = [b for b in nearby.blocks_between(table.line_start - 8, table.line_start) if b.kind == "paragraph"]
    elif table.page is not None:
        tops = [c.bbox[1] for c in table.cells if c.bbox and (c.page or table.page) == table.page]
        if tops:
            before = [b for b in nearby.paragraphs_on(table.page) if b.bbox and b.bbox[3] <= min(tops) + 1]
            if not before:  # the table opens its page: the paragraph that leads into it ended the page before
                before = nearby.paragraphs_on(table.page - 1)
    return re.findall(r"[\wåäöÅÄÖ]+", before[-1].text.lower()) if before else []


# A row that closes a run of changes with the level they lead to: "Förslag/beräknad ramnivå", "Ny nivå", "Summa"
_LEVEL_LABEL = re.compile(r"\b(?:förslag|beräknad\w*|ramnivå\w*|anslagsnivå\w*|nivå|nivån|utgiftsram\w*)\b", re.IGNORECASE)


def _level_after_changes(cell: TableCell) -> bool:
    """Whether the cell's row is a level that closes the change rows it is nested under: the change is
    named only by a row above ("Förändring till följd av:"), and the row's own label is a total or a level."""
    if len(cell.row_headers) < 2 or _CHANGE_HEADER.search(" ".join(cell.col_headers)) \
            or _CHANGE_HEADER.search(cell.row_headers[-1]):
        return False
    own = cell.row_headers[-1]
    return _is_total(own) or bool(_LEVEL_LABEL.search(own))


def _level_row_year(table: Table, cell: TableCell) -> Optional[str]:
    """The year of the level row above a change row, when its label names one year and it has a figure in the
    cell's column ("Anvisat 2027 | 97 794,4 | ..." over "Förändring till följd av:"); None elsewhere."""
    if not any(_CHANGE_HEADER.search(h) for h in cell.row_headers):
        return None
    for c in sorted((c for c in table.cells if c.col == cell.col and table.header_rows <= c.row < cell.row
                     and is_numeric_cell(c.text)), key=lambda c: c.row, reverse=True):
        label = c.row_headers[-1] if c.row_headers else ""
        years = _YEAR_WORD.findall(label)
        if len(years) == 1 and not _CHANGE_HEADER.search(" ".join(c.row_headers)):
            return years[0]
    return None


def _sibling_years(table: Table, cell: TableCell, rows: bool = True) -> set[int]:
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


def _period(cell: TableCell, caption_periods: Sequence[tuple[int, int, str, str]], document: Document) -> tuple[str, str]:
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


def _breakdown(headers: Sequence[str], caption: str, caption_terms, measure: Optional[Measure], cited=(),
               unit: str = "") -> Breakdown:
    allowed = tuple(measure.breakdowns) if measure is not None else DEFAULT_BREAKDOWN_KEYS
    # a cost or benefit level no measure claims is not a figure about a group (see nlp.prose_facts),
    # unless a header of its own is that group and nothing else ("Utgifter, mnkr" under "Aktivitetsersättning")
    headers_only = measure is None and unit.startswith("kronor")
    if headers_only:
        headers = [h for h in headers if _names_group_only(h)]  # "Aktivitetsersättning", not "Stöd till unga med ..."
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
    caption_groups = {} if re.search(r"\w-\s+(?:och|eller|samt)\s", caption) or any(_has_total_word(h) for h in headers) \
        else dict(find_group_values(caption))
    for header in headers:
        if _is_total(header) or appropriation_name(header, at_start=True):
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
        elif not valued and key == "forman" and not any(_has_total_word(h) for h in headers):
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
    return next((r[0].strip() for r in reversed(rows) if r and r[0].strip()), "")


def corner_key(table: Table) -> str:
    """The breakdown key of the groups a table's rows list, from its corner cell: "Post" lists budget
    lines (post), and so does any table whose columns are a budget's ("Budget | Utfall | Avvikelse");
    any other corner ("Län", "Insats") lists groups (grupp)."""
    corner = stub_header(table).lower()
    if corner.rstrip(":") in CORNER_KEYS:
        return CORNER_KEYS[corner.rstrip(":")]
    labels = [c.text for c in table.cells if c.col == 0 and c.row >= table.header_rows and c.text.strip()]
    if sum(1 for label in labels if _ANSLAGSPOST.match(label)) >= 2:
        return "post"  # rows of anslagsposter ("ap.1 Sjukpenning (ram)") are budget lines, whatever the corner says
    return "post" if _budget_columns(table) else "grupp"


def _budget_columns(table: Table) -> bool:
    labels = {w for c in table.cells if c.row < table.header_rows and c.col > 0
              for w in re.findall(r"[\wåäöÅÄÖ]+", c.text.lower())}
    return len(labels & BUDGET_COLUMN_WORDS) >= 2


def _caption_breaks_down_by(caption: str, corner: str) -> bool:
    """Whether the caption says the table's figures are broken down by what its corner cell names:
    "Deltagare ... efter insats och kön" under the corner "Insats"; then the rows are groups of that
    kind even when no catalogue measure is counted."""
    clause = BREAKDOWN_CLAUSE.search(caption)
    if clause is None:
        return False
    words = re.findall(r"[\wåäöÅÄÖ]+", clause.group(1).lower())
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
    label = re.sub(r"\s*(?:\d\)|\[\^?\d+\]|[¹²³⁴⁵⁶⁷⁸⁹]+)\s*$", "", own).strip()
    if not label or _is_total(label) or find_year_mentions(label) or unit_phrase(label) or _CHANGE_HEADER.search(label) \
            or parse_swedish_number(label) is not None or find_terms(label, short_words=True) or find_group_values(label) \
            or age_value(label) or label.split()[0].lower() in _MEASURE_HEAD_WORDS:
        return None
    return label


def _names_only(header: str, term) -> bool:
    """The header is the term and nothing more (a footnote marker aside): "Försäkringskassan"."""
    rest = (header[:term.start] + header[term.end:]).strip()
    return not re.sub(r"[\d¹²³⁴⁵⁶⁷⁸⁹⁰*)\s.,:]+", "", rest)


def _row_category(table: Table, cell: TableCell, measure_key: str, matcher: MeasureMatcher) -> Optional[str]:
    """The group a row stands for when the table's corner cell names what its rows list ("Län",
    "Region", "Ersättning") and the row's own label is a group of that kind, not a measure, a year or a
    total: "Stockholms län" in a table of kartläggningar per län. Such a row label names nothing the
    measure speaks of (the measure came from the column or the caption) and no known group."""
    corner = stub_header(table)
    posts = corner_key(table) == "post"  # "Post", "Kostnadsslag": every row is a budget line, whatever is measured
    if not cell.row_headers or not (corner or posts) or (corner and (_NO_CATEGORY_CORNER.match(corner) or unit_phrase(corner)
                                                                     or find_year_mentions(corner))):
        return None
    if measure_key == UNCLASSIFIED and not posts and not _caption_breaks_down_by(strip_caption_label(table.caption or ""), corner):
        return None  # the rows may be what is counted ("Anslag 1:1 ..."): groups only where the caption says so
    label = re.sub(r"\s*(?:\d\)|\[\^?\d+\]|[¹²³⁴⁵⁶⁷⁸⁹]+)\s*$", "", cell.row_headers[-1]).strip()
    if not label or _is_total(label) or find_year_mentions(label) or parse_swedish_number(label) is not None \
            or (find_terms(label, short_words=True) and not posts) or (find_group_values(label) and not posts) \
            or age_value(label) or label.split()[0].lower() in ("antal", "andel", "summa", "medelvärde", "median", "genomsnitt"):
        return None  # "Antal observationer": what is counted, not a group; "Övriga intäkter" is a post
    if _BALANCE_LINE.match(label):
        return None  # "Årets resultat", "Saldo": the balance of the lines above, not a line of its own
    if not posts and measure_key != UNCLASSIFIED and matcher.covers(measure_key, label):
        return None  # the row speaks of the measure (or of nothing): a measure row, not a group
    named = unit_phrase(label)
    label = label.replace(named, "").strip(" ,;:()") if named else label  # "Arbetsplatsförlagd praktik, %"
    # "1:2 Aktivitets- och sjukersättningar m.m.", "ap.1 Sjukpenning (ram)": the anslag's or the post's name
    return _APPROPRIATION_KIND.sub("", _LINE_NUMBER.sub("", label)) or label


_GROUP_VALUES = {"kon": ("kvinnor", "män"), "forman": ("sjukpenning", "aktivitetsersättning", "sjukersättning"),
                 "alder": ("ålder", "alder")}


def _has_total_word(header: str) -> bool:
    return any(w in TOTAL_WORDS for w in re.findall(r"[\wåäöÅÄÖ]+", header.lower()))


def _is_total(header: str) -> bool:
    words = re.findall(r"[\wåäöÅÄÖ]+", header.lower())
    return bool(words) and all(w in TOTAL_WORDS for w in words)


def _quote(table: Table, cell: TableCell, rows: list[list[str]]) -> str:
    label = table.label or (str(table.number) if table.number is not None else "")
    label = f"Tabell {label}" if label else "Tabell"
    caption = strip_caption_label(table.caption)
    row_header = " / ".join(cell.row_headers)
    col_header = " / ".join(cell.col_headers)
    return f"{label}: {caption} | {row_header} | {col_header}: {cell.text}"


__all__ = ["extract_table_facts", "is_numeric_cell", "legends_for", "table_to_facts"]
