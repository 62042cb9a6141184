"""What one cell's fact takes from the others of its table, once all are read: a total row counts
what the rows above it count, a group row is that group in every column, an amount under a named
appropriation is that appropriation's."""
from __future__ import annotations

import re
from dataclasses import replace

from ingest.records import Table
from nlp.measures import MeasureMatcher
from nlp.records import Fact, UNCLASSIFIED
from nlp.sv.breakdowns import names_agency
from nlp.sv.budget import appropriation_code, appropriation_name
from nlp.sv.captions import strip_caption_label
from nlp.tables.headers import NOTE_MARK_AT_END, PART_OF_ABOVE, has_total_word, is_total, measure_axis, parent_rows


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
    # rows of numbered anslag: their sum ("Summa utgiftsområde 14") is no catalogue measure either
    anslag_rows = {c.row for c in table.cells if c.col == 0 and appropriation_name(c.text, at_start=True)}
    out = []
    for f in facts:
        cell = cells.get(f.cell or "")
        if cell is None:
            out.append(f)
            continue
        own = next((n for n in (appropriation_name(h, at_start=True) for h in (*cell.row_headers, *cell.col_headers)) if n), None)
        label = cell.row_headers[-1] if cell.row_headers else ""
        if own is None and PART_OF_ABOVE.match(label) and any(appropriation_name(h, at_start=True) for h in parents.get(cell.row, ())):
            # "varav personalkostnader" under "1:1 Arbetsförmedlingens förvaltningskostnader": a line of that anslag
            own = PART_OF_ABOVE.sub("", re.sub(NOTE_MARK_AT_END, "", label)).strip()
        # the row's own anslag for all its figures ("Förändring, %" too); the caption's for its amounts
        name = own or (in_caption if f.unit.startswith("kronor") else None)
        if name:
            post = name[0].lower() + name[1:]  # budget lines are named in lower case, as the catalogue's posts are
            # the anslag says whose money it is ("Arbetsförmedlingens förvaltningskostnader"), and so does a table
            # whose rows are an agency's anslag: no split by agency, as in running text (nlp.appropriations); the
            # one anslag a caption names that both agencies draw on ("Försäkringskassans medel från anslaget 1:6
            # Bidrag till förstärkt samarbete") keeps the agency the caption names
            parts = {k: v for k, v in f.breakdown if k != "myndighet" or (own is None and not names_agency(name))}
            f = replace(f, breakdown=tuple(sorted(dict(parts, post=post).items())))
        summed = len(anslag_rows) >= 2 and bool(label) and has_total_word(label.split()[0])
        if (own or summed) and f.measure != UNCLASSIFIED:
            # a row of one numbered anslag measures that anslag, whatever its words share with a catalogue
            # measure ("1:1 Arbetsförmedlingens förvaltningskostnader" is no förbrukade medel of the
            # collaboration): its candidate key links it across reports instead
            f = replace(f, measure=UNCLASSIFIED, measure_label="", measure_score=0.0)
        out.append(f)
    return out


def rows_keep_their_group(table: Table, facts: list[Fact]) -> list[Fact]:
    """A row that is a group (see row_category_of) is that group in every column, the columns no measure
    claims too ("Förändring sedan 2021, %" beside "Gemensamma kartläggningar, antal")."""
    cells = {c.id: c for c in table.cells}
    groups: dict[int, tuple[str, str]] = {}
    for f in facts:
        cell = cells.get(f.cell or "")
        for key in ("grupp", "post"):
            value = dict(f.breakdown).get(key)
            if cell is not None and value and cell.row_headers \
                    and re.search(rf"(?<!\w){re.escape(value.lower())}(?!\w)", cell.row_headers[-1].lower()):  # "C" is no group of "och"
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
    total_rows = {c.row for c in table.cells if c.col == 0 and not c.row < table.header_rows and is_total(c.text)}
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
