"""The HTTP API's JSON shapes as pydantic models: they feed the OpenAPI schema and check responses.

Pydantic stays at this edge; inside, records are frozen dataclasses and plain dicts from
api.store.queries. Field names are those of the CLI's JSON, so the two faces cannot drift.
The promise (as datasette's JSON API makes it): documented keys keep their names and types;
new keys may appear, and clients ignore keys they do not know.
"""
from __future__ import annotations

from typing import Any, Literal, Optional, Union

from pydantic import BaseModel, ConfigDict, Field, create_model

from nlp.store import BREAKDOWN_COLUMNS, FACT_COLUMNS, REQUIRED_COLUMNS

from ..store.queries import FACT_FIELDS
from ..store.tidy import PERIOD_COLUMNS

Number = Union[int, float]


class ErrorBody(BaseModel):
    """The one body of every 4xx (and of the 500 that must never happen)."""

    ok: Literal[False] = False
    error: str = Field(description="One plain sentence saying what was wrong.")
    status: int = Field(description="The HTTP status code, repeated for clients that lose it.")
    errors: list[str] = Field(default_factory=list, description="One line per bad parameter, for 422s.")

    model_config = ConfigDict(json_schema_extra={"examples": [
        {"ok": False, "error": "limit: Input should be less than or equal to 1000", "status": 422,
         "errors": ["limit: Input should be less than or equal to 1000"]}]})


class Page(BaseModel):
    """A page of a list: `rows`, with `next` (the offset of the next page) while there is more."""

    ok: Literal[True] = True
    total: int = Field(description="How many rows match the filters, over all pages.")
    next: Optional[int] = Field(None, description="Offset of the next page; null on the last page.")
    next_url: Optional[str] = Field(None, description="The same request for the next page; null on the last page.")


# What a fact's keys mean, where the name does not say it all. The keys themselves, their order and
# their types come from the facts table (nlp.store, from nlp.records.Fact) through api.store.queries.
FACT_KEY_DESCRIPTIONS = {
    "id": "Stable fact id.",
    "doc": "Document id of the report that printed the figure.",
    "measure": "Catalogue key (GET /measures), or 'unclassified'.",
    "period": '"2019", or a span such as "2018-2019".',
    "breakdown": "Breakdown keys and values; {} for a total.",
    "value": "The figure, scaled (8 600, 9.7, 375000000).",
    "qualifier": "exact, approximate, over or under.",
    "kind": "summary, body, table or footnote: where in the report.",
    "line": "1-based line in a text source.",
    "quote": "The sentence or table row the figure is in.",
    "printed": 'The number as printed: "8 600", "9,7%".',
    "published": "The report's publication date: the vintage.",
    "measure_score": "Lexical evidence for the measure; 0 for unclassified figures.",
    "measure_candidate": "For an unclassified figure: a stable key from its context, the same across reports.",
    "qualifier_word": 'The qualifier as printed ("drygt", "knappt", "upp till", "<"): which way an approximate figure leans.',
    "period_part": 'The part of the period the figure covers ("oktober", "kvartal 3", "januari–september"); "" for the whole year.',
}
# The tidy columns every fact row also carries (api.store.tidy.PERIOD_COLUMNS), with their types.
TIDY_KEYS = {
    "period_type": (Optional[str], 'year, span ("2018-2022") or change (a change between period_start and period_end).'),
    "period_start": (Optional[int], "First year of the period."),
    "period_end": (Optional[int], "Last year of the period (= period_start for a year)."),
    "change": (Optional[str], 'For a change figure: "ökning", "minskning" or "förändring"; "" otherwise.'),
    "is_total": (Optional[bool], "True when the figure has no breakdown (a change's direction aside)."),
}
_SQL_TO_PYTHON = {"TEXT": str, "REAL": Number, "INTEGER": int}


def _fact_row_fields() -> dict[str, Any]:
    """FactRow's fields: the facts table's columns in the JSON's order, then the tidy columns. A
    NOT NULL column is a required string; the breakdown an object; any other column may be null."""
    sql_types = dict(FACT_COLUMNS)
    out: dict[str, Any] = {}
    for name in (*FACT_FIELDS, *BREAKDOWN_COLUMNS):
        description = FACT_KEY_DESCRIPTIONS.get(name)
        if name == "breakdown":
            out[name] = (dict[str, str], Field(description=description))
        elif name in REQUIRED_COLUMNS:
            out[name] = (str, Field(description=description))
        else:
            out[name] = (Optional[_SQL_TO_PYTHON[sql_types[name]]], Field(None, description=description) if description else None)
    for name in PERIOD_COLUMNS:
        kind, description = TIDY_KEYS[name]
        out[name] = (kind, Field(None, description=description))
    return out


FactRow = create_model("FactRow", __config__=ConfigDict(extra="allow"), __module__=__name__, **_fact_row_fields())


FACT_EXAMPLE = {
    "id": "af-fk-2019:f0012", "doc": "af-fk-2019", "source_file": "af-fk-aterrapport-2019.txt",
    "measure": "gemensamma_kartlaggningar_antal", "measure_label": "Antal gemensamma kartläggningar", "period": "2018",
    "breakdown": {}, "value": 8600, "unit": "antal", "qualifier": "exact", "kind": "summary", "page": None,
    "page_label": None, "line": 65, "section": "Sammanfattning",
    "quote": "Under 2019 har myndigheterna genomfört 8 700 gemensamma kartläggningar ... (8 600 kartläggningar 2018).",
    "printed": "8 600", "scale": 1, "cell": None, "block": "af-fk-2019:b12", "phrase": "kartläggningar",
    "period_source": "parenthesis", "published": "2020-05-08", "reporting_year": 2019,
    "measure_score": 2.75, "measure_candidate": "", "qualifier_word": "", "period_part": "",
    "kon": None, "forman": None, "alder": None, "myndighet": None,
    "period_type": "year", "period_start": 2018, "period_end": 2018, "change": "", "is_total": True,
}


class FactsPage(Page):
    rows: list[FactRow]

    model_config = ConfigDict(json_schema_extra={"examples": [
        {"ok": True, "total": 1, "next": None, "next_url": None, "rows": [FACT_EXAMPLE]}]})


class DefinitionNoteModel(BaseModel):
    model_config = ConfigDict(extra="allow")
    text: str
    years: str = ""
    source: str = ""


class MeasureRow(BaseModel):
    model_config = ConfigDict(extra="allow")

    key: str
    label: Optional[str] = None
    unit: Optional[str] = None
    definition: Optional[str] = None
    denominator: Optional[str] = None
    counts_of: Optional[str] = None
    breakdowns: list[str] = []
    synonyms: list[str] = []
    notes: list[DefinitionNoteModel] = Field(default_factory=list, description="Definition changes, with years and source.")
    facts: int = Field(0, description="How many facts the knowledge base holds for the measure.")


class MeasuresPage(Page):
    rows: list[MeasureRow]

    model_config = ConfigDict(json_schema_extra={"examples": [{"ok": True, "total": 1, "next": None, "next_url": None, "rows": [{
        "key": "omstallningsmoten_antal", "label": "Antal omställningsmöten", "unit": "antal",
        "definition": "Antal genomförda omställningsmöten under året.", "denominator": "", "counts_of": "",
        "breakdowns": ["forman", "kon"], "synonyms": ["omställningsmöten", "möten för omställning"], "notes": [], "facts": 42}]}]})


class DocumentRow(BaseModel):
    model_config = ConfigDict(extra="allow")

    id: str
    source_file: str
    format: Optional[str] = None
    title: Optional[str] = None
    published: Optional[str] = None
    reporting_year: Optional[int] = None
    kind: Optional[str] = None
    pages: Optional[int] = None
    lines: Optional[int] = None
    blocks: int = 0
    tables: int = 0
    footnotes: int = 0


class DocumentsPage(Page):
    rows: list[DocumentRow]

    model_config = ConfigDict(json_schema_extra={"examples": [{"ok": True, "total": 1, "next": None, "next_url": None, "rows": [{
        "id": "af-fk-2019", "source_file": "af-fk-aterrapport-2019.txt", "format": "txt",
        "title": "Insatser för personer som är sjukskrivna ... Återrapportering enligt regleringsbrevet för 2019",
        "published": "2020-05-08", "reporting_year": 2019, "kind": "återrapport", "pages": None, "lines": 446,
        "blocks": 180, "tables": 9, "footnotes": 27}]}]})


class DocumentDetail(BaseModel):
    """The document model, exactly as `rapportkoll show DOC --format json` prints it."""

    model_config = ConfigDict(extra="allow", json_schema_extra={"examples": [{
        "id": "af-fk-2019", "source_file": "af-fk-aterrapport-2019.txt", "format": "txt", "content_hash": "3f2a…",
        "page_count": None, "line_count": 446, "metadata": {"title": "…", "published": "2020-05-08", "reporting_year": 2019},
        "blocks": [{"id": "af-fk-2019:b12", "kind": "paragraph", "section": ["Sammanfattning"], "text": "Under 2019 …",
                    "page": None, "page_label": None, "line_start": 65, "line_end": 65, "bbox": None, "footnote_refs": []}],
        "footnotes": [], "tables": []}]})

    id: str
    source_file: str
    format: Optional[str] = None
    content_hash: Optional[str] = None
    page_count: Optional[int] = None
    line_count: Optional[int] = None
    metadata: dict[str, Any]
    blocks: list[dict[str, Any]]
    footnotes: list[dict[str, Any]]
    tables: list[dict[str, Any]]


class FindingFactModel(BaseModel):
    model_config = ConfigDict(extra="allow")

    doc: str
    source_file: Optional[str] = None
    value: Optional[Number] = None
    page: Optional[int] = None
    quote: Optional[str] = None
    fact: Optional[str] = Field(None, description="The fact id (GET /facts).")
    printed: Optional[str] = None
    line: Optional[int] = None
    kind: Optional[str] = None
    period: Optional[str] = None
    published: Optional[str] = None


class FindingRow(BaseModel):
    model_config = ConfigDict(extra="allow")

    id: str
    type: str = Field(description="The check that found it: restatement, arithmetic, ...")
    severity: str = Field(description="error, rounding, definition or info.")
    measure: Optional[str] = None
    period: Optional[str] = None
    breakdown: dict[str, str] = {}
    facts: list[FindingFactModel] = Field(default_factory=list, description="The figures involved, each with its source.")
    expected: Optional[str] = None
    found: Optional[str] = None
    explanation: Optional[str] = Field(None, description="Why it matters, in Swedish.")
    rank: Optional[int] = Field(None, description="1 is the most important finding.")


FINDING_EXAMPLE = {
    "id": "restatement:gemensamma_kartlaggningar_antal:2018", "type": "restatement", "severity": "error",
    "measure": "gemensamma_kartlaggningar_antal", "period": "2018", "breakdown": {},
    "facts": [{"doc": "af-fk-2019", "source_file": "af-fk-aterrapport-2019.txt", "value": 8600, "page": None,
               "quote": "(8 600 kartläggningar 2018)", "fact": "af-fk-2019:f0012", "line": 65},
              {"doc": "af-fk-2022", "source_file": "af-fk-aterrapport-2022.txt", "value": 8900, "page": None,
               "quote": "2018 | Totalt: 8900", "fact": "af-fk-2022:f0301", "line": 474}],
    "expected": "8 600", "found": "8 900",
    "explanation": "Två rapporter anger olika antal för samma år utan att förklara skillnaden.", "rank": 1,
}


class FindingsPage(Page):
    rows: list[FindingRow]

    model_config = ConfigDict(json_schema_extra={"examples": [
        {"ok": True, "total": 1, "next": None, "next_url": None, "rows": [FINDING_EXAMPLE]}]})


class PassageModel(BaseModel):
    model_config = ConfigDict(extra="allow")

    id: str
    doc: str
    source_file: Optional[str] = None
    kind: str = Field(description="paragraph, table, table_row or footnote.")
    text: str
    section: list[str] = []
    page: Optional[int] = None
    page_label: Optional[str] = None
    line: Optional[int] = None
    score: float = 0.0
    blocks: list[str] = []
    table: Optional[str] = None
    row: Optional[int] = None


class SearchPage(BaseModel):
    ok: Literal[True] = True
    query: str
    mode: str = Field(description="The mode that ran: lexical, dense or hybrid (lexical when dense is unavailable).")
    total: int
    rows: list[PassageModel]
    note: Optional[str] = Field(None, description="Why the mode differs from the one asked for, or why nothing was searched.")


class InterpretationModel(BaseModel):
    model_config = ConfigDict(extra="allow")

    measure: Optional[str] = Field(description="Catalogue key the question was read as; null when none matched.")
    period: Optional[str] = Field(None, description='"2019", "2016-2019", "2016-" (open), or null for every period.')
    breakdown: dict[str, str] = {}
    series: bool = False
    measure_label: str = ""
    unit: str = ""
    asks_for: Optional[str] = Field(None, description="The unit the wording asked for (andel -> procent).")
    score: float = 0.0
    candidates: list[dict[str, Any]] = []
    ignored: list[str] = []
    related: list[str] = Field(default_factory=list, description="Count/share sibling measures whose facts are also in "
                               "`answers` (a question that does not say share or count gets both).")
    asks_definition: bool = Field(False, description='The question asks what the measure is ("Vad är en gemensam '
                                  'kartläggning?"): `definition` answers it and `answers` is empty.')
    read_as: list[str] = Field(default_factory=list, description='Words the reports do not use, read as the report word they '
                               'were typed for: without å, ä, ö or one letter off ("omstallningsmote → omställningsmöte").')


class AnswerRow(BaseModel):
    model_config = ConfigDict(extra="allow")

    value: Optional[Number] = None
    unit: Optional[str] = None
    period: Optional[str] = None
    measure: str
    measure_label: Optional[str] = None
    breakdown: dict[str, str] = {}
    doc: str
    source_file: Optional[str] = None
    published: Optional[str] = None
    page: Optional[int] = None
    page_label: Optional[str] = None
    line: Optional[int] = None
    kind: Optional[str] = None
    quote: Optional[str] = None
    qualifier: Optional[str] = None
    printed: Optional[str] = None
    fact_id: str = Field(description='The fact\'s id; "" for a number read from the text that no fact holds (`matched_by: "text"`: '
                         'a rule\'s days, a year, "tre kommuner").')
    conflict: bool = Field(False, description="True when an audit finding involves this fact, or another report gives another value.")
    findings: list[str] = Field(default_factory=list, description="Ids of the findings (in `conflicts`) involving this fact.")


class AnswerModel(BaseModel):
    ok: Literal[True] = True
    query: str
    interpretation: InterpretationModel
    answers: list[AnswerRow]
    conflicts: list[FindingRow]
    passages: list[PassageModel]
    not_reported: bool
    message: str
    matched_by: str = Field("measure", description='"measure": the answers are the facts of the measure in `interpretation`; '
                            '"text": no catalogue measure covers the question, and the answers are the figures of the one '
                            'sentence (or table row) in the reports that holds nearly all its words, or, where the reports '
                            'keep no fact of it, the number that the question points at ("hur många dagar", "sedan vilket år") '
                            'in each report\'s paragraph that holds its words (`fact_id` "").')
    definition: Optional[dict[str, Any]] = Field(None, description="For a definition question: the catalogue's "
                                                 "`measure`, `label`, `definition` and `denominator`, and `report_passage` "
                                                 "(doc, source_file, page, line, text) where a report defines the term, or null.")

    model_config = ConfigDict(json_schema_extra={"examples": [{
        "ok": True, "query": "gemensamma kartläggningar 2018",
        "interpretation": {"measure": "gemensamma_kartlaggningar_antal", "period": "2018", "breakdown": {}, "series": False,
                           "measure_label": "Antal gemensamma kartläggningar", "unit": "antal", "asks_for": None,
                           "score": 1.0, "candidates": [], "ignored": []},
        "answers": [
            {"value": 8600, "unit": "antal", "period": "2018", "measure": "gemensamma_kartlaggningar_antal", "breakdown": {},
             "doc": "af-fk-2019", "source_file": "af-fk-aterrapport-2019.txt", "published": "2020-05-08", "page": None,
             "line": 65, "kind": "summary", "quote": "… (8 600 kartläggningar 2018).", "qualifier": "exact",
             "fact_id": "af-fk-2019:f0012", "conflict": True, "findings": ["restatement:gemensamma_kartlaggningar_antal:2018"]},
            {"value": 8900, "unit": "antal", "period": "2018", "measure": "gemensamma_kartlaggningar_antal", "breakdown": {},
             "doc": "af-fk-2022", "source_file": "af-fk-aterrapport-2022.txt", "published": "2023-04-14", "page": None,
             "line": 474, "kind": "table", "quote": "2018 | Totalt: 8900", "qualifier": "exact",
             "fact_id": "af-fk-2022:f0301", "conflict": True, "findings": ["restatement:gemensamma_kartlaggningar_antal:2018"]}],
        "conflicts": [FINDING_EXAMPLE], "passages": [], "not_reported": False,
        "message": "Antal gemensamma kartläggningar, 2018: 8 600 (af-fk-2019, 2020-05-08), 8 900 (af-fk-2022, 2023-04-14) – rapporterna anger olika värden."}]})


class SeriesRow(BaseModel):
    model_config = ConfigDict(extra="allow")

    measure: str
    measure_label: Optional[str] = None
    unit: Optional[str] = None
    period: Optional[str] = None
    breakdown: dict[str, str] = {}
    value: Optional[Number] = None
    qualifier: Optional[str] = None
    printed: Optional[str] = None
    doc: str = Field(description="The report (vintage) that printed this value.")
    source_file: Optional[str] = None
    published: Optional[str] = None
    reporting_year: Optional[int] = None
    kind: Optional[str] = None
    page: Optional[int] = None
    page_label: Optional[str] = None
    line: Optional[int] = None
    quote: Optional[str] = None
    fact_id: str
    mentions: int = Field(description="How many times this report states this value's cell.")
    mentions_agree: bool = Field(description="Whether those mentions all give the same value.")
    kon: Optional[str] = None
    forman: Optional[str] = None
    alder: Optional[str] = None
    myndighet: Optional[str] = None
    period_type: Optional[str] = Field(None, description='year, span ("2018-2022") or change (a change between period_start and period_end).')
    period_start: Optional[int] = Field(None, description="First year of the period.")
    period_end: Optional[int] = Field(None, description="Last year of the period (= period_start for a year).")
    change: Optional[str] = Field(None, description='For a change figure: "ökning", "minskning" or "förändring"; "" otherwise.')
    is_total: Optional[bool] = Field(None, description="True when the figure has no breakdown (a change's direction aside).")


class MeasureRef(BaseModel):
    key: str
    label: Optional[str] = None
    unit: Optional[str] = None


class Vintage(BaseModel):
    doc: str
    title: Optional[str] = None
    published: Optional[str] = None


class SeriesResponse(BaseModel):
    ok: Literal[True] = True
    measure: MeasureRef
    total: int
    periods: list[str]
    vintages: list[Vintage]
    rows: list[SeriesRow]


class JsonStatDataset(BaseModel):
    """A JSON-stat 2.0 dataset (https://json-stat.org/full/), as SCB's PxWeb serves one."""

    model_config = ConfigDict(extra="allow", populate_by_name=True, json_schema_extra={"examples": [{
        "version": "2.0", "class": "dataset", "label": "Antal gemensamma kartläggningar",
        "id": ["measure", "period", "kon", "forman", "alder", "myndighet", "vintage"], "size": [1, 2, 1, 1, 1, 1, 2],
        "role": {"time": ["period"], "metric": ["measure"]},
        "dimension": {
            "measure": {"label": "mått", "category": {"index": {"gemensamma_kartlaggningar_antal": 0},
                                                      "label": {"gemensamma_kartlaggningar_antal": "Antal gemensamma kartläggningar"},
                                                      "unit": {"gemensamma_kartlaggningar_antal": {"label": "antal", "decimals": 0}}}},
            "period": {"label": "period", "category": {"index": {"2018": 0, "2019": 1}, "label": {"2018": "2018", "2019": "2019"}}},
            "kon": {"label": "kön", "category": {"index": {"totalt": 0}, "label": {"totalt": "Totalt"}}},
            "forman": {"label": "förmån", "category": {"index": {"totalt": 0}, "label": {"totalt": "Totalt"}}},
            "alder": {"label": "ålder", "category": {"index": {"totalt": 0}, "label": {"totalt": "Totalt"}}},
            "myndighet": {"label": "myndighet", "category": {"index": {"totalt": 0}, "label": {"totalt": "Totalt"}}},
            "vintage": {"label": "rapport (årgång)", "category": {"index": {"af-fk-2019": 0, "af-fk-2022": 1},
                                                                  "label": {"af-fk-2019": "… (2020-05-08)", "af-fk-2022": "… (2023-04-14)"}}}},
        "value": [8600, 8900, 8700, 8800]}]})

    version: Literal["2.0"]
    class_: Literal["dataset"] = Field(alias="class")
    label: str
    source: Optional[str] = None
    id: list[str]
    size: list[int]
    role: dict[str, list[str]]
    dimension: dict[str, Any]
    value: list[Optional[Number]]
    status: Optional[dict[str, str]] = None
    note: Optional[list[str]] = None
    extension: Optional[dict[str, Any]] = None
    href: Optional[str] = None
    updated: Optional[str] = Field(None, description="When the knowledge base was built (ISO 8601, UTC).")


class Health(BaseModel):
    ok: Literal[True] = True
    documents: int
    facts: int
    findings: int
    measures: int
    chunks: int = Field(description="Search passages in the index; 0 when the KB was built without one.")
    search: dict[str, bool] = Field(description="Which search modes are available: lexical, dense.")
    built_at: Optional[str] = None

    model_config = ConfigDict(json_schema_extra={"examples": [{
        "ok": True, "documents": 5, "facts": 1800, "findings": 120, "measures": 98, "chunks": 900,
        "search": {"lexical": True, "dense": False}, "built_at": "2026-11-23 09:30:00"}]})


__all__ = [name for name in dir() if name[0].isupper()]
