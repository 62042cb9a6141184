"""The records the API returns: data only, field names as in the JSON the issues name.

Passage is one search hit: a piece of a report with the place it came from, so an answer
can always be checked against the report (which file, which page or line, which section).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping, Optional

PASSAGE_KINDS = ("paragraph", "table", "table_row", "footnote")


@dataclass(frozen=True)
class Passage:
    id: str  # the chunk id: a Block id ("af-fk-2019:b42"), Table id, "{table}:r{row}", Footnote id
    doc: str
    source_file: str
    kind: str  # one of PASSAGE_KINDS
    text: str  # as printed; a table row as "caption | row header | column header: cell; ..."
    section: tuple[str, ...] = ()  # heading path, outermost first
    page: Optional[int] = None  # 1-based PDF page
    page_label: Optional[str] = None  # the printed page number
    line: Optional[int] = None  # first line in a text source
    score: float = 0.0  # higher is better; comparable only within one search
    blocks: tuple[str, ...] = ()  # Block ids the passage covers (paragraphs, list items)
    table: Optional[str] = None  # Table id for tables and table rows
    row: Optional[int] = None  # table row (0-based, header rows first) for a table row


@dataclass(frozen=True)
class Interpretation:
    """What a question was read as: a catalogue measure, a period, a breakdown.

    Kept in the answer so a reader can see why these figures came back, and retype the
    question when the reading is wrong.
    """

    measure: Optional[str]  # a catalogue key; None when no measure matched
    period: Optional[str] = None  # "2019", a span "2016-2019", an open span "2016-", or None (every period)
    breakdown: Mapping[str, str] = field(default_factory=dict)  # kon, forman, alder, myndighet
    series: bool = False  # the whole series was asked for (or no single year was named)
    measure_label: str = ""
    unit: str = ""  # the measure's unit
    asks_for: Optional[str] = None  # the unit the wording asked for: procent, antal, kronor, dagar
    score: float = 0.0  # how well the measure's words cover the question's words (0-1)
    candidates: tuple[Mapping[str, Any], ...] = ()  # the next-best measures, {key, label, score}
    ignored: tuple[str, ...] = ()  # words and breakdowns that played no part, with why
    related: tuple[str, ...] = ()  # count/share sibling measures whose facts are among the answers
    asks_definition: bool = False  # "Vad är en gemensam kartläggning?": what the measure is, not its figures
    read_as: tuple[str, ...] = ()  # unknown words read as the reports spell them: "omstallningsmote → omställningsmöte"
    count_as_share: bool = False  # "hur många skriver in sig ...": people counted, so a share answers when no count is given


@dataclass(frozen=True)
class Answer:
    """Every report's figure for one question, with conflicts linked, or "not reported".

    `answers` holds one row per matching fact: a figure as one report printed it, with its
    page or line and quote. Two reports giving different values both stay (`conflict` marks
    them, `conflicts` holds the audit findings about them). `not_reported` is true, and
    `answers` empty, when no fact matches: never the nearest number.
    """

    query: str
    interpretation: Interpretation
    answers: tuple[Mapping[str, Any], ...] = ()
    conflicts: tuple[Mapping[str, Any], ...] = ()  # findings (nlp.checks) involving any answer fact
    passages: tuple[Passage, ...] = ()  # supporting search hits, best first
    not_reported: bool = False
    message: str = ""  # one Swedish sentence or two summing the answer up
    # for a definition question: the catalogue's definition and the report passage that defines the term
    definition: Optional[Mapping[str, Any]] = None
    # "measure": the answers are a catalogue measure's facts; "text": no measure covers the question and
    # the answers are the figures of the one sentence that holds its words (api.answer.figure_search), or
    # the number it points at in text that no fact holds (api.answer.text_figures)
    matched_by: str = "measure"


__all__ = ["PASSAGE_KINDS", "Answer", "Interpretation", "Passage"]
