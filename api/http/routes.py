"""The HTTP API's routes, one function per group of endpoints: answers (/ask, /search), figures
(/facts, /series), the catalogue (/measures, /documents), the audit (/inconsistencies) and meta
(/health). Each route parses its parameters, calls a plain function and renders (api.http.render).

Routes that read the KB, search or embed are plain `def`: FastAPI runs them in its thread pool, so
one slow question does not hold up /health or anyone else (an `async def` doing blocking SQLite,
BM25 and FAISS work would run on the event loop). The shared SQLite connection is safe across
threads (sqlite3.threadsafety 3: serialized), and the indexes are only read.
"""
from __future__ import annotations

from typing import Literal, Optional

from fastapi import FastAPI, Path as PathParam, Query, Request
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from ingest import store as ingest_store
from nlp.records import FACT_KINDS, SEVERITIES
from nlp.store import BREAKDOWN_COLUMNS

from ..answer.ask import ANSWER_COLUMNS
from ..answer.series import SERIES_COLUMNS, series_body, series_rows, to_jsonstat
from ..kb import DOCUMENT_COLUMNS
from ..output import to_plain
from ..store.document_json import document_json
from ..store.queries import (FACT_CSV_COLUMNS, breakdown_filter, count_facts, count_findings, count_matching_facts,
                             fact_breakdown_keys, query_facts, query_findings)
from ..store.tidy import PERIOD_COLUMNS, breakdown_column, extra_breakdown_keys, with_tidy_columns
from . import models as m
from .downloads import XLSX_MEDIA_TYPE, About
from .render import (DIALECT, ERRORS, FORMAT, LIMIT, OFFSET, PERIOD_PATTERN, CsvDialect, DownloadFormat, check_dialect,
                     csv_example, download, download_format, listing, page_body)
from .state import AppState, finding_types

MEASURE_CSV_COLUMNS = ("key", "label", "unit", "definition", "denominator", "counts_of", "breakdowns", "synonyms", "notes", "facts")
FINDING_CSV_COLUMNS = ("rank", "id", "type", "severity", "measure", "period", "breakdown", "expected", "found", "explanation", "facts")
PASSAGE_COLUMNS = ("id", "doc", "source_file", "kind", "section", "page", "page_label", "line", "score", "text")
BREAKDOWN_HELP = {"kon": "kvinnor or män.", "forman": "sjukpenning, aktivitetsersättning or sjukersättning.",
                  "alder": 'Age group as printed, e.g. "30-39".', "myndighet": "Arbetsförmedlingen or Försäkringskassan."}
BREAKDOWN_QUERIES = {key: Query(None, description=BREAKDOWN_HELP[key]) for key in BREAKDOWN_COLUMNS}


def register_routes(app: FastAPI, state: AppState) -> None:
    """Every endpoint of the API, in the order /docs lists them."""
    add_answer_routes(app, state)
    add_figure_routes(app, state)
    add_catalogue_routes(app, state)
    add_finding_routes(app, state)
    add_meta_routes(app, state)


def add_answer_routes(app: FastAPI, state: AppState) -> None:
    """/ask and /search."""
    @app.get("/ask", tags=["answers"], response_model=m.AnswerModel, summary="Answer a question in Swedish",
             responses={**ERRORS, 200: csv_example("value,unit,period,measure,breakdown,doc,...\n")})
    def ask(
        request: Request,
        q: str = Query(..., min_length=1, max_length=500, description="The question, in Swedish.",
                       examples=["gemensamma kartläggningar 2018", "andel omställningsmöte 2019",
                                 "Hur många omställningsmöten genomfördes 2022?"]),
        k: int = Query(5, ge=0, le=50, description="How many supporting passages (0 for none)."),
        mode: str = Query("lexical", json_schema_extra={"enum": list(state.modes)},
                          description="How the supporting passages are searched (see /search). lexical is the default "
                                      "because it keeps an answer within milliseconds; hybrid embeds the question first "
                                      "(about 0.1 s on a laptop CPU) and finds reworded passages better."),
        format: DownloadFormat = FORMAT,
        dialect: CsvDialect = DIALECT,
    ):
        """Read the question as measure, period and breakdown; return every report's figure for it.

        Each figure comes with its report, page or line and quote; figures that the audit found in
        conflict are marked (`conflict`, `findings`) and the findings are in `conflicts`. When no fact
        matches, `not_reported` is true and `answers` is empty: never the nearest number. CSV and
        xlsx give the `answers` rows.
        """
        state.check_mode(mode)
        dialect = check_dialect(dialect)
        answer = state.asker.ask(q, k=k if state.index is not None else 0, mode=mode)
        body = to_plain(answer)
        kind = download_format(request, format)
        if kind:
            return download(kind, "svar", body["answers"], ANSWER_COLUMNS, dialect,
                            about=state.about(body["answers"], f"Svar på frågan: {q}", {"q": q}))
        return {"ok": True, **body}

    @app.get("/search", tags=["answers"], response_model=m.SearchPage, summary="Search the reports' passages",
             responses={**ERRORS, 200: csv_example("id,doc,source_file,kind,section,page,page_label,line,score,text\n")})
    def search(
        request: Request,
        q: str = Query(..., min_length=1, max_length=500, description="Words to search for.", examples=["omställningsmöten"]),
        mode: str = Query(
            state.modes[0], json_schema_extra={"enum": list(state.modes)}, description="hybrid fuses lexical and dense scores; lexical is Swedish BM25 (stems and compound "
                                  "parts); dense uses the embedding model. Only the modes this server can run are "
                                  f"accepted: {', '.join(state.modes)}" + (f" ({state.index_note})." if state.index_note else ".")),
        k: int = Query(10, ge=1, le=100, description="How many passages."),
        format: DownloadFormat = FORMAT,
        dialect: CsvDialect = DIALECT,
    ):
        """Passages (paragraphs, tables, table rows, footnotes) best first, each with its place in the report."""
        state.check_mode(mode)
        dialect = check_dialect(dialect)
        if state.index is None:
            rows, ran, note = [], "none", state.index_note
        else:
            ran = state.index.resolve_mode(mode)
            rows = to_plain(state.index.search(q, k=k, mode=mode))
            note = state.index_note if ran != mode else None
        kind = download_format(request, format)
        if kind:
            return download(kind, "avsnitt", rows, PASSAGE_COLUMNS, dialect,
                            about=state.about(rows, f"Sökträffar för: {q}", {"q": q, "mode": ran}))
        return {"ok": True, "query": q, "mode": ran, "total": len(rows), "rows": rows, "note": note}


def add_figure_routes(app: FastAPI, state: AppState) -> None:
    """/facts and /series/{measure}."""
    @app.get("/facts", tags=["data"], response_model=m.FactsPage, summary="Facts: every figure with its source",
             responses={**ERRORS, 200: csv_example(",".join(FACT_CSV_COLUMNS) + "\n")})
    def facts(
        request: Request,
        measure: Optional[str] = Query(None, description="Measure key (GET /measures).", examples=["gemensamma_kartlaggningar_antal"]),
        period: Optional[str] = Query(None, pattern=PERIOD_PATTERN, description='Exactly this period: "2019" or "2018-2019".'),
        doc: Optional[str] = Query(None, description="Document id or file name (GET /documents)."),
        kind: Optional[Literal[FACT_KINDS]] = Query(None, description="Where in the report."),
        kon: Optional[str] = BREAKDOWN_QUERIES["kon"],
        forman: Optional[str] = BREAKDOWN_QUERIES["forman"],
        alder: Optional[str] = BREAKDOWN_QUERIES["alder"],
        myndighet: Optional[str] = BREAKDOWN_QUERIES["myndighet"],
        total: bool = Query(False, description="Only totals (facts with no breakdown)."),
        limit: int = LIMIT,
        offset: int = OFFSET,
        format: DownloadFormat = FORMAT,
        dialect: CsvDialect = DIALECT,
    ):
        """Facts matching every filter, by measure, period and publication; one row per figure as printed.

        JSON is one page (`limit`, `offset`); CSV and xlsx are every matching fact, streamed, with a
        column for every breakdown key that occurs and the period's type, start and end."""
        state.check_measure(measure)
        doc_id = state.resolve_doc(doc)
        dialect = check_dialect(dialect)
        breakdown = breakdown_filter(dict(kon=kon, forman=forman, alder=alder, myndighet=myndighet))
        filters = dict(measure=measure, period=period, doc=doc_id, kind=kind, breakdown=breakdown, total_only=total)
        total_count = count_matching_facts(state.conn, **filters)
        file_kind = download_format(request, format)
        if file_kind:
            extra = [k for k in fact_breakdown_keys(state.conn, **filters) if k not in BREAKDOWN_COLUMNS]
            columns = [*FACT_CSV_COLUMNS, *PERIOD_COLUMNS, *(breakdown_column(k) for k in extra)]
            rows = (with_tidy_columns(r, extra) for r in state.stream_facts(filters))
            if file_kind == "xlsx":
                rows = list(rows)
            return download(file_kind, "fakta", rows, columns, dialect, total_count,
                            state.about(rows, "Fakta", {k: v for k, v in {**filters, **breakdown}.items() if k != "breakdown"})
                            if file_kind == "xlsx" else None)
        # one page read in SQL, and the total counted there: not every fact loaded to send a hundred
        rows = [with_tidy_columns(r) for r in query_facts(state.conn, **filters, limit=limit, offset=offset)]
        return page_body(request, rows, total_count, limit, offset)

    @app.get("/series/{measure}", tags=["data"], response_model=m.SeriesResponse | m.JsonStatDataset,
             summary="One measure over every period and every report (vintage)",
             responses={**ERRORS, 200: {
                 "content": {"text/csv": {"schema": {"type": "string"}, "example": ",".join(SERIES_COLUMNS) + "\n"},
                             XLSX_MEDIA_TYPE: {"schema": {"type": "string", "format": "binary"}}},
                 "description": "JSON rows; JSON-stat 2.0 with `?format=jsonstat`; CSV with `?format=csv`; an xlsx "
                                "workbook with `?format=xlsx`."}})
    def series(
        request: Request,
        measure: str = PathParam(..., description="Measure key (GET /measures).", examples=["gemensamma_kartlaggningar_antal"]),
        kon: Optional[str] = BREAKDOWN_QUERIES["kon"],
        forman: Optional[str] = BREAKDOWN_QUERIES["forman"],
        alder: Optional[str] = BREAKDOWN_QUERIES["alder"],
        myndighet: Optional[str] = BREAKDOWN_QUERIES["myndighet"],
        total: bool = Query(False, description="Only totals (no breakdown)."),
        format: Optional[Literal["json", "csv", "xlsx", "jsonstat", "json-stat2"]] = Query(
            None, description="json (default), csv or xlsx (every row, with a column per breakdown key), or jsonstat "
                              "(also spelled json-stat2): a JSON-stat 2.0 dataset with the dimensions measure, period, "
                              "one per breakdown variable (kon, forman, alder, myndighet and any other present) and "
                              "vintage, as SCB's PxWeb serves statistics."),
        outputFormat: Optional[Literal["json-stat2"]] = Query(
            None, description="PxWeb's spelling: `outputFormat=json-stat2` is `format=jsonstat`."),
        dialect: CsvDialect = DIALECT,
    ):
        """Every period and every report's value: one row per period, breakdown and report.

        A report that states one figure several times gives one row (table before body before summary)
        with `mentions` and `mentions_agree`. Two reports giving the same year are two rows: the vintages.
        """
        state.check_measure(measure)
        dialect = check_dialect(dialect)
        breakdown = breakdown_filter(dict(kon=kon, forman=forman, alder=alder, myndighet=myndighet))
        rows = series_rows(state.conn, measure, breakdown, total_only=total)
        info = state.measures[measure]
        if format in ("jsonstat", "json-stat2") or (format is None and outputFormat == "json-stat2"):
            built = state.built_at()
            return JSONResponse(to_jsonstat(info, rows, state.documents, href=str(request.url),
                                            updated=built.replace(" ", "T") + "Z" if built else None))
        kind = download_format(request, format)
        if kind:
            extra = extra_breakdown_keys(r["breakdown"] for r in rows)
            return download(kind, measure, [with_tidy_columns(r, extra) for r in rows],
                            [*SERIES_COLUMNS, *(breakdown_column(k) for k in extra)], dialect,
                            about=state.about(rows, f"Serie: {info['label']} ({measure})", {"measure": measure, **breakdown, "total": total}))
        return {"ok": True, **series_body(measure, info, rows, state.documents)}


def add_catalogue_routes(app: FastAPI, state: AppState) -> None:
    """/measures, /documents and /documents/{doc_id}."""
    @app.get("/measures", tags=["data"], response_model=m.MeasuresPage, summary="The measure catalogue",
             responses={**ERRORS, 200: csv_example(",".join(MEASURE_CSV_COLUMNS) + "\n")})
    def measures(request: Request, limit: int = LIMIT, offset: int = OFFSET, format: DownloadFormat = FORMAT,
                 dialect: CsvDialect = DIALECT):
        """Every measure with its definition, unit, breakdowns, definition changes and fact count."""
        return listing(request, "matt", list(state.measures.values()), limit, offset, format, MEASURE_CSV_COLUMNS, dialect,
                       About(title="Måttkatalogen", built_at=state.built_at()))

    @app.get("/documents", tags=["data"], response_model=m.DocumentsPage, summary="The ingested reports",
             responses={**ERRORS, 200: csv_example(",".join(DOCUMENT_COLUMNS) + "\n")})
    def documents(request: Request, limit: int = LIMIT, offset: int = OFFSET, format: DownloadFormat = FORMAT,
                  dialect: CsvDialect = DIALECT):
        """The reports, oldest publication first, with counts of blocks, tables and footnotes."""
        return listing(request, "dokument", list(state.documents.values()), limit, offset, format, DOCUMENT_COLUMNS, dialect,
                       About(title="Rapporterna", built_at=state.built_at()))

    @app.get("/documents/{doc_id}", tags=["data"], response_model=m.DocumentDetail, summary="One report's document model",
             responses={404: ERRORS[404], 422: ERRORS[422]})
    def document(doc_id: str = PathParam(..., description="Document id or file name.", examples=["af-fk-2019"])):
        """Metadata, blocks, footnotes and tables with provenance: the shape of `rapportkoll show DOC --format json`."""
        resolved = state.resolve_doc(doc_id)
        doc = ingest_store.load_document(state.conn, resolved)
        return JSONResponse(document_json(doc))


def add_finding_routes(app: FastAPI, state: AppState) -> None:
    """/inconsistencies."""
    types = finding_types(state.conn)

    @app.get("/inconsistencies", tags=["data"], response_model=m.FindingsPage, summary="The audit's findings",
             responses={**ERRORS, 200: csv_example(",".join(FINDING_CSV_COLUMNS) + "\n")})
    def inconsistencies(
        request: Request,
        type: Optional[str] = Query(None, description="Finding type (the check that found it).",
                                    json_schema_extra={"enum": sorted(types)} if types else None),
        severity: Optional[Literal[SEVERITIES]] = Query(None, description="Only this severity."),
        measure: Optional[str] = Query(None, description="Only findings about this measure key."),
        period: Optional[str] = Query(None, pattern=PERIOD_PATTERN, description="Only findings about this period."),
        limit: int = LIMIT,
        offset: int = OFFSET,
        format: DownloadFormat = FORMAT,
        dialect: CsvDialect = DIALECT,
    ):
        """Where the reports' figures do not hold together, most important first, each with the figures' sources."""
        state.check_measure(measure)
        if type is not None and type not in types:
            raise HTTPException(422, f"unknown finding type {type!r}; choose from {', '.join(sorted(types))}")
        filters = {"type": type, "severity": severity, "measure": measure, "period": period}
        kind = download_format(request, format)
        if kind:
            rows = query_findings(state.conn, **filters)
            return download(kind, "avvikelser", rows, FINDING_CSV_COLUMNS, dialect, len(rows), state.about(rows, "Avvikelser", filters))
        # one page read in SQL, the total counted there
        rows = query_findings(state.conn, **filters, limit=limit, offset=offset)
        return page_body(request, rows, count_findings(state.conn, **filters), limit, offset)


def add_meta_routes(app: FastAPI, state: AppState) -> None:
    """/health."""
    @app.get("/health", tags=["meta"], response_model=m.Health, summary="Is the server up, and what does it hold")
    async def health():
        """Counts of documents, facts, findings and passages, and which search modes are on."""
        built = (state.built_at(),) if state.built_at() else None
        described = state.index.describe() if state.index is not None else {"chunks": 0, "lexical": False, "dense": False}
        return {"ok": True, "documents": len(state.documents), "facts": count_facts(state.conn),
                "findings": count_findings(state.conn), "measures": len(state.measures),
                "chunks": described["chunks"], "search": {"lexical": bool(described["lexical"]), "dense": bool(described["dense"])},
                "built_at": built[0] if built else None}
