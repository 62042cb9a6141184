"""The measure of a cell: its own headers at full weight, the other axis, a "varav" row's parent,
the caption (less after "av alla som") and the section (less); the caption only chooses among
the measures the cell's own headers name."""
from __future__ import annotations

import re
from typing import Optional, Sequence

from ingest.records import Document, Table, TableCell
from nlp.measures import ContextWord, MIN_SCORE, MeasureMatch, MeasureMatcher, is_generic_cue
from nlp.nearby import NearbyText
from nlp.records import UNCLASSIFIED, Measure
from nlp.sv.breakdowns import find_group_values
from nlp.sv.goals import GOAL_HEADER
from nlp.sv.statistics import MEAN_WORDS, MEDIAN_WORDS
from nlp.sv.units import unit_phrase
from nlp.tables.headers import PART_OF_ABOVE, is_total, is_year_label, names_group_only


# Words after which a caption names the population a share is of ("... av alla som fått avslag"):
# they say little about what is counted, so they weigh less when the measure is chosen.
_DENOMINATOR = re.compile(r"\bav\s+(?:alla|de|dem|samtliga)\b(?:\s+som)?|\bbland\b", re.IGNORECASE)
HEADER_WEIGHT = 1.0
# a header's words after "efter" or "bland": counted below a header's own words, above the caption's
_POPULATION_AFTER = re.compile(r"(?<=\w)\s+(?:efter|bland)\s+(?=\w)", re.IGNORECASE)
POPULATION_WEIGHT = 0.8
OTHER_AXIS_WEIGHT = 0.5  # the headers that name groups (rows when columns name measures)
CAPTION_WEIGHT = 0.6
DENOMINATOR_WEIGHT = 0.25
SECTION_WEIGHT = 0.3
PARENT_WEIGHT = 0.6  # the row a "varav" row is part of: it names what is counted when the varav row does not


def names_median(cell: TableCell) -> bool:
    """The cell's own headers say it is a median, not a mean ("Handläggningstid, dagar (median)")."""
    text = " ".join(cell.col_headers + cell.row_headers)
    return bool(MEDIAN_WORDS.search(text)) and not MEAN_WORDS.search(text)


def is_mean_measure(measure: Optional[Measure]) -> bool:
    return measure is not None and bool(MEAN_WORDS.search(f"{measure.label} {measure.definition}"))


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
            if not matcher.fits_statistic(found.key, context):
                return None
            if not float(value).is_integer() and not matcher.may_be_fractional(found.key):
                continue
            return found
    return matcher.match(context, unit, value)


def names_goal(cell: TableCell) -> bool:
    """Whether the cell's own column or row header says it is a goal set, not an outcome."""
    return any(GOAL_HEADER.match(h) for h in (*cell.col_headers, *cell.row_headers))


def goal_key(measure_key: str, matcher: MeasureMatcher) -> str:
    """The catalogue's goal key beside an outcome's ("gemensamma_kartlaggningar_mal_antal"), or unclassified
    where the catalogue keeps no goal for the measure."""
    if "_mal_" in measure_key:
        return measure_key
    head, _, tail = measure_key.rpartition("_")
    return f"{head}_mal_{tail}" if f"{head}_mal_{tail}" in matcher.by_key else UNCLASSIFIED


def counted_label(cell: TableCell, axis: str) -> str:
    """The header that names what the cell counts: the innermost column header when the columns
    name measures, the row's stub when the columns are years."""
    headers = cell.row_headers if axis == "row" else cell.col_headers
    label = headers[-1] if headers else ""
    label = label.replace(unit_phrase(label), " ").strip(" ,;:") if unit_phrase(label) else label  # "2019, mnkr"
    if PART_OF_ABOVE.match(label) or find_group_values(label) or names_group_only(label) \
            or is_total(label) or re.match(r"^\s*övriga\b", label, re.IGNORECASE):
        return ""  # a group of what the row above or the caption counts ("varav kvinnor", "Övriga")
    return label


def candidate_words(cell: TableCell, caption: str) -> list[str]:
    """What an unclassified cell counts, most specific first: its row and column labels that are
    not years or groups, then the caption."""
    labels = [h for h in (*cell.row_headers, *cell.col_headers) if not is_year_label(h)]
    return [*labels, caption]


def caption_word_weights(caption: str) -> list[tuple[str, float]]:
    """Caption words with their weight: less after "av alla som" (the population, not the figure)."""
    out: list[tuple[str, float]] = []
    cut = _DENOMINATOR.search(caption)
    for m in re.finditer(r"[\wåäöÅÄÖ%]+", caption.lower()):
        if re.fullmatch(r"(?:19|20)\d\d", m.group(0)):
            continue  # a year is the period, not a word of the measure
        weight = DENOMINATOR_WEIGHT if cut and m.start() >= cut.start() else CAPTION_WEIGHT
        out.append((m.group(0), weight))
    return out


def _header_words(header: str, legends: dict[str, str]) -> list[str]:
    """A header's words for measure matching, abbreviations spelled out ("SP" -> "Sjukpenning")."""
    return [legends.get(w.lower(), w) for w in re.findall(r"[\wåäöÅÄÖ%]+", header) if not w.isdigit()]


def context_words(cell: TableCell, legends: dict[str, str], caption_words: Sequence[tuple[str, float]],
                  section_words: Sequence[str], axis: str = "col", parent: Sequence[str] = (), lead: Sequence[str] = ()) -> list[ContextWord]:
    words: list[tuple[str, float, float]] = []
    main, other = (cell.col_headers, cell.row_headers) if axis == "col" else (cell.row_headers, cell.col_headers)
    for k, header in enumerate(main):  # in reading order; the innermost header is nearest the cell
        distance = float(len(main) - 1 - k)
        # "Omställningsmöten efter avslag på sjukpenning": what follows "efter" or "bland" is whom or when the
        # figure counts, not what (the caption's words are weighed so after "av alla som", see _DENOMINATOR)
        cut = _POPULATION_AFTER.search(header)
        words.extend((w, distance, HEADER_WEIGHT) for w in _header_words(header[:cut.start()] if cut else header, legends))
        if cut:
            words.extend((w, distance, POPULATION_WEIGHT) for w in _header_words(header[cut.start():], legends))
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
