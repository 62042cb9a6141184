"""A document's tables -> Facts, cell by cell: each numeric cell's unit, measure, period and
breakdown decided from its headers, caption and the text around the table."""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Callable, Iterator, Optional

from spacy.language import Language

from ingest.records import Document, Table, TableCell
from nlp.appropriations import appropriations_named
from nlp.candidate_keys import candidate_key
from nlp.measures import MeasureMatcher
from nlp.nearby import NearbyText
from nlp.part_year import report_part_of_year
from nlp.records import Fact, UNCLASSIFIED
from nlp.sv.captions import strip_caption_label
from nlp.sv.breakdowns import split_outcomes
from nlp.sv.numerals import parse_swedish_number
from nlp.sv.periods import find_year_mentions
from nlp.sv.statistics import INTERVAL_LOWER, INTERVAL_UPPER
from nlp.sv.units import UNITS
from nlp.tables.across_cells import appropriations_own_their_amounts, rows_keep_their_group, totals_follow_their_parts
from nlp.tables.breakdown import (caption_terms_of, cell_breakdown, cited_terms, column_category, corner_key, row_category_of,
                                  row_sibling_category, rows_list_groups)
from nlp.tables.cells import (CELL_BOUND, CELL_MARK, CELL_UNIT, ERROR_PIECE, ESTIMATE_PIECE, NO_CHANGE, REGRESSION_UNITS,
                              bound_qualifier,
                              cell_pieces, is_numeric_cell, is_range, share_of_left)
from nlp.tables.headers import (CHANGE_HEADER, FEWER_HEADER, agency_group_rows, block_groups, caption_for_column, column_header_words,
                                continued_caption, expand_legends, legends_for, measure_axis, parent_rows)
from nlp.tables.measure import (candidate_words, caption_word_weights, context_words, counted_label, decide_measure, goal_key,
                                is_mean_measure, lead_words, names_goal, names_median)
from nlp.tables.periods import DIFF_HEADER, cell_period, level_after_changes, level_row_year, period_part, sibling_years
from nlp.tables.units import (DIFFERENCE_HEADER, fraction_lines_of, label_unit, names_percent, table_unit_note,
                              unit_of_cell, unit_quoted_in_text)


def extract_table_facts(document: Document, matcher: MeasureMatcher, nlp: Optional[Language] = None,
                        on_table: Optional[Callable[[Table], None]] = None,
                        appropriations: Optional[dict[str, str]] = None) -> list[Fact]:
    """Facts from every numeric cell of every table of one document (ids left empty: see nlp.extract).

    on_table: called with each table once its facts are read (for progress); appropriations: the document's
    named anslag (nlp.appropriations.appropriations_named), when the caller has them already.
    """
    facts: list[Fact] = []
    appropriations = appropriations_named(document) if appropriations is None else appropriations
    nearby = NearbyText(document)
    for table in document.tables:
        facts.extend(appropriations_own_their_amounts(table, appropriations, rows_keep_their_group(
            table, totals_follow_their_parts(table, list(table_to_facts(document, table, matcher, nearby)), matcher))))
        if on_table is not None:
            on_table(table)
    return facts


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
    caption_words = caption_word_weights(caption)
    section_words = [w for t in table.section[-1:] for w in re.findall(r"[\wåäöÅÄÖ]+", t.lower()) if not w.isdigit()]
    caption_terms = caption_terms_of(caption)
    caption_periods = [m for m in find_year_mentions(caption) if m[2] in ("span", "during", "year", "report")]
    unit_from_note = table_unit_note(table)
    # "Avslutade | Arbetsförmåga, procent" under a caption "Avslutade ... och andel som ...": the caption's
    # share is the column that says so, the other columns count
    share_column = any(label_unit(c.text) == UNITS["procent"] for c in table.cells if c.row < table.header_rows and c.col > 0)
    quoted_units = {} if unit_from_note else unit_quoted_in_text(document, table, nearby)
    rows = table.rows
    axis = measure_axis(table)
    grouped_rows = rows_list_groups(table)
    outcomes = bool(split_outcomes([h for c in table.cells for h in (*c.row_headers, *c.col_headers)]))
    cited = cited_terms(document, table, nearby)
    parents = parent_rows(table)
    blocks = block_groups(table)
    agencies = agency_group_rows(table)
    fraction_lines = fraction_lines_of(table)
    column_words = column_header_words(table)
    full_caption = caption
    by_place = {(c.row, c.col): c for c in table.cells}
    for whole, cell in ((whole, piece) for whole in table.cells for piece in cell_pieces(whole)):
        if cell.is_header or not is_numeric_cell(cell.text):
            continue
        cell = share_of_left(cell, by_place)
        caption = caption_for_column(full_caption, cell.col, column_words)
        if caption != full_caption:
            caption_words = caption_word_weights(caption)
            caption_terms = caption_terms_of(caption)
        else:
            caption_words = caption_word_weights(full_caption)
            caption_terms = caption_terms_of(full_caption)
        text = NO_CHANGE.sub("", CELL_MARK.sub("", cell.text.strip()))  # "±0": a deviation of nothing, 0
        cell_unit = CELL_UNIT.search(text)
        bound = CELL_BOUND.match(text)  # "<5": a suppressed small count, an upper bound
        raw = parse_swedish_number(CELL_UNIT.sub("", CELL_BOUND.sub("", text)))
        if raw is None:
            continue
        parent = parents.get(cell.row, ())
        # the varav row's own words first: "Varav aktivitetsstöd" sets the post, its parent row the myndighet;
        # a row in a block of rows under a förmån's row is that förmån's
        headers = expand_legends(list(cell.col_headers) + list(cell.row_headers) + list(parent), legends) + \
            ([blocks[cell.row]] if cell.row in blocks else [])
        unit, scale = UNITS[cell_unit.group(1)] if cell_unit else unit_of_cell(cell, headers, caption, unit_from_note, quoted_units.get(cell.col),
                                                                               share_column)
        change = CHANGE_HEADER.search(" ".join(cell.col_headers + cell.row_headers)) or (
            DIFF_HEADER.search(" ".join(cell.col_headers)) and len(sibling_years(table, cell, rows=False)) >= 2)
        if change and level_after_changes(cell):
            change = None  # "Förslag/beräknad ramnivå" closing the rows of "Förändring till följd av:": a level again
        level_unit = unit
        if change and not cell_unit:
            # the unit of what changed: the cell's headers without the change header ("Förändring (%)")
            level = replace(cell, col_headers=tuple(h for h in cell.col_headers if not CHANGE_HEADER.search(h)),
                            row_headers=tuple(h for h in cell.row_headers if not CHANGE_HEADER.search(h)))
            # (a unit the text quotes for this column is the changes' own: "8,8 procent mot 5,2 procent")
            level_unit, level_scale = unit_of_cell(level, [h for h in headers if not CHANGE_HEADER.search(h)], caption, unit_from_note,
                                                   None, share_column)
            if "%" not in cell.text and _row_prints_percent(table, cell):
                level_unit, level_scale = "procent", 1.0  # "72,4 % | 74,5 % | +2,1": the change of a share its row prints
            if level_unit == "procent" and "%" not in cell.text:
                unit, scale = "procentenheter", 1.0  # a change of a share is in percentage points
            elif unit not in ("procent", "procentenheter"):  # (a header "Förändring (procentenheter)" says it)
                unit, scale = level_unit, level_scale
        fraction = not cell_unit and "%" not in cell.text and abs(raw) <= 1.0 and \
            not names_percent(headers, caption, table.unit_note) and \
            (("col", cell.col) in fraction_lines or ("row", cell.row) in fraction_lines)
        if unit == "procent" and not change and DIFFERENCE_HEADER.search(" ".join(cell.col_headers)):
            unit, scale = "procentenheter", 100.0 if fraction else 1.0  # "Avvikelse" from a goal in a row of shares: points
        elif unit == "procent" and fraction and raw >= 0:
            scale = 100.0  # a share printed as a fraction: "0,64" under "Andel kvinnor" is 64 procent
        context = context_words(cell, legends, caption_words, section_words, axis, parent, lead)
        # a change is a change of the measure its row or column counts: matched in that measure's unit
        found = decide_measure(matcher, context, level_unit if change else unit, raw)
        # (rows that list groups the caption breaks the figures down by name no measure: the caption does)
        own_label = "" if axis == "row" and grouped_rows else counted_label(cell, axis)
        if found is not None and not matcher.covers(found.key, own_label):
            found = None  # the row or column names something the measure never speaks of
        if found is not None and names_median(cell) and is_mean_measure(matcher.by_key.get(found.key)):
            found = None  # "Tid i samverkan, dagar (median)": not the mean the measure is defined as
        if found is not None and any(h in (INTERVAL_LOWER, INTERVAL_UPPER) for h in cell.col_headers):
            found = None  # an end of an estimate's interval is its uncertainty, not the measure
        measure_key = found.key if found else UNCLASSIFIED
        if measure_key != UNCLASSIFIED and names_goal(cell):
            # "Mål 2034": a goal set is no outcome; the catalogue's goal key beside the outcome's, where it has one
            measure_key = goal_key(measure_key, matcher)
        measure = matcher.by_key.get(measure_key)
        # a row "Kv 3 2025" of a yearly measure keeps it here; nlp.part_year settles it
        part = period_part(list(cell.row_headers) + list(parent) + list(cell.col_headers), full_caption)
        period, period_source = cell_period(cell, caption_periods, document)
        if change and period_source != "table" and len(sibling_years(table, cell, rows=False)) >= 2:
            # "Första halvåret 2029 | Första halvåret 2030 | Förändring": a change with no year of its own ends in
            # the latest year it stands beside, whatever year the caption names last ("... samt helåret 2029")
            period = str(max(sibling_years(table, cell, rows=False)))
        if not part and period_source == "report":
            part = reporting_part
        if change:
            # "Förändring sedan 2021, %" in a table of 2025: the change over 2021-2025
            base = next((m[3][:4] for h in cell.col_headers + cell.row_headers for m in find_year_mentions(h)
                         if m[2] in ("since", "comparison") and m[3][:4].isdigit()), None)
            if base is None and period.isdigit():
                # rows of changes under a level row that names its year ("Anvisat 2027", then "Förändring till
                # följd av: ... Volymer"): each column's change is from that year
                base = level_row_year(table, cell)
            if base is None and period.isdigit():
                # "2025 | 2026 | Förändring": the change between the column (or row) before and this year
                base = str(max((y for y in sibling_years(table, cell) if y < int(period)), default=0) or "") or None
            if base and period.isdigit() and int(period) > int(base):
                period = f"{base}-{period}"
        breakdown = cell_breakdown(headers, caption, caption_terms, measure, cited, unit, outcomes)
        if unit in REGRESSION_UNITS or any(h in (ESTIMATE_PIECE, ERROR_PIECE) for h in cell.col_headers):
            breakdown = ()  # a regression's rows are its variables ("Kvinna", "50 år eller äldre"), not groups counted
        row_category = row_category_of(table, cell, measure_key, matcher, unit)
        col_category = column_category(table, cell)
        category = row_category or col_category or row_sibling_category(table, cell)
        key = corner_key(table, unit) if row_category else "grupp"
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
            # count or an amount: a change of the measure, its size and direction (a change of a share in points
            # keeps its sign, "−3,1", as a difference between two shares is printed and read)
            rises = (value > 0) != bool(FEWER_HEADER.search(" ".join(cell.col_headers + cell.row_headers)))
            breakdown = tuple(sorted(dict(breakdown, forandring="ökning" if rises else "minskning").items()))
            value = abs(value)
        yield Fact(
            id="",
            doc=document.id,
            source_file=document.source_file,
            measure=measure_key,
            measure_label=measure.label if measure else "",
            period=period,
            breakdown=breakdown,
            value=value,
            printed=whole.text if is_range(whole.text) else cell.text,  # both ends of "22–30" quote the range
            unit=unit,
            scale=scale,
            qualifier=bound_qualifier(bound) if bound else "exact",
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
            measure_candidate=candidate_key(" ".join(candidate_words(cell, caption)), unit, matcher.lexicon),
            period_part=part,
        )


def _quote(table: Table, cell: TableCell, rows: list[list[str]]) -> str:
    label = table.label or (str(table.number) if table.number is not None else "")
    label = f"Tabell {label}" if label else "Tabell"
    caption = strip_caption_label(table.caption)
    row_header = " / ".join(cell.row_headers)
    col_header = " / ".join(cell.col_headers)
    return f"{label}: {caption} | {row_header} | {col_header}: {cell.text}"


def _row_prints_percent(table: Table, cell: TableCell) -> bool:
    """Whether every other figure of the cell's row prints "%" (a row of shares beside its change column)."""
    others = [c.text for c in table.cells if c.row == cell.row and c.col not in (0, cell.col) and not c.is_header and c.text.strip()]
    return len(others) >= 2 and all("%" in text for text in others)
