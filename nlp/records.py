"""The records the NLP stage produces: Fact, Measure, Finding. Data only.

Field names match the JSON named in the issues (`rapportkoll facts --format jsonl`,
`rapportkoll check --format jsonl`): they are a public contract.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

UNCLASSIFIED = "unclassified"  # measure key of a figure that matched no catalogue entry

FACT_KINDS = ("summary", "body", "table", "footnote")
QUALIFIERS = ("exact", "approximate", "over", "under")
SEVERITIES = ("error", "rounding", "definition", "info")

Breakdown = tuple[tuple[str, str], ...]  # sorted (key, value) pairs; () is the total


def breakdown_dict(breakdown: Breakdown) -> dict[str, str]:
    return dict(breakdown)


def make_breakdown(**parts: Optional[str]) -> Breakdown:
    return tuple(sorted((k, v) for k, v in parts.items() if v))


@dataclass(frozen=True)
class Fact:
    id: str  # stable: derived from doc, place and measure, see nlp.extract.fact_id
    doc: str
    source_file: str
    measure: str  # a catalogue key, or UNCLASSIFIED
    measure_label: str
    period: str  # "2019", or "2013-2022" for a span
    breakdown: Breakdown
    value: float
    printed: str  # the number as printed, "8 662", "9,7%", "375,6 miljoner kronor"
    unit: str  # antal, procent, procentenheter, kronor, dagar, ...
    scale: float = 1.0  # what `printed` was multiplied by to get `value` (tkr -> 1000)
    qualifier: str = "exact"  # one of QUALIFIERS
    kind: str = "body"  # one of FACT_KINDS
    page: Optional[int] = None
    page_label: Optional[str] = None
    line: Optional[int] = None  # line in a text source
    section: str = ""  # section path joined with " > "
    quote: str = ""  # the sentence, or the table row as "header: cell | ..."
    block: Optional[str] = None  # Block.id when from running text or a footnote
    cell: Optional[str] = None  # TableCell.id when from a table
    phrase: str = ""  # the words that named the measure (kept for unclassified facts)
    period_source: str = ""  # how the period was found: sentence, parenthesis, table, report
    offset: Optional[int] = None  # character offset of the figure in its block's text (prose)
    measure_score: float = 0.0  # the lexical evidence for `measure` (nlp.measures); below MIN_SCORE it stays unclassified
    measure_candidate: str = ""  # for an unclassified figure: a stable key from its context (nlp.candidate_keys.candidate_key)
    qualifier_word: str = ""  # the qualifier as printed ("drygt", "knappt", "upp till", "<"): its direction
    period_part: str = ""  # the part of the period the figure covers ("oktober", "kvartal 3"); "" for all of it

    @property
    def year(self) -> Optional[int]:
        return int(self.period) if self.period.isdigit() else None


@dataclass(frozen=True)
class DefinitionNote:
    """A recorded change in how a measure is defined or measured."""

    text: str
    years: str = ""  # the period it applies from or to, "2021-" or "2012-2019"
    source: str = ""  # where the reports say so


@dataclass(frozen=True)
class Measure:
    key: str
    label: str
    unit: str
    definition: str
    denominator: str = ""  # for shares: what the percentage is of
    lemmas: tuple[str, ...] = ()
    phrases: tuple[str, ...] = ()
    notes: tuple[DefinitionNote, ...] = ()
    breakdowns: tuple[str, ...] = ()  # breakdown keys the reports use for it
    counts_of: str = ""  # for a share: the count measure it is computed from
    synonyms: tuple[str, ...] = ()  # words a user may type for it
    # for a measure of one project or study ("Resa", "Pila", handlingsplanssamverkan): words one of which
    # must stand near a figure (its sentence, the sentences before, its headings or caption) for it to be one
    scope: tuple[str, ...] = ()
    # for a measure of people an event picks out ("90 dagar efter avslag"): words one of which the document
    # must use somewhere, in any form or compound ("avslag", "indrag", "upphör"), for a figure to be one
    population: tuple[str, ...] = ()


@dataclass(frozen=True)
class FindingFact:
    doc: str
    source_file: str
    value: float
    page: Optional[int]
    quote: str
    fact: str = ""  # Fact.id
    printed: str = ""
    line: Optional[int] = None
    kind: str = ""
    period: str = ""
    published: str = ""  # the document's publication date, to order vintages


@dataclass(frozen=True)
class Finding:
    id: str
    type: str  # a key of nlp.checks.CHECKS
    severity: str  # one of SEVERITIES
    measure: str
    period: str
    breakdown: Breakdown
    facts: tuple[FindingFact, ...]
    expected: str
    found: str
    explanation: str  # Swedish, one paragraph
    score: float = 0.0  # ranking: real errors first
