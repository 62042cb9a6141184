"""create_app(db) -> FastAPI: thin routes over api.store.queries, api.answer.ask and api.answer.series; one error body.

Every route parses its parameters, calls a plain function and renders: JSON by default, CSV
with `?format=csv` or `Accept: text/csv` on every list. Every 4xx (and the 500 that must
never happen) has one body, `{ok: false, error, status, errors}`, from the handlers at the
bottom (as datasette's handle_exception.py does). Parameters a route does not know are
ignored. The knowledge base is opened read-only once; the catalogue, the findings and the
search index are read once, at start, so a request only queries.

Stability promise (datasette's, docs/json_api.rst): documented keys keep their names and
types; new keys may appear; clients should ignore keys they do not know.
"""
from __future__ import annotations

import logging
import sqlite3
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator, Literal, Optional, Sequence

from fastapi import FastAPI, Path as PathParam, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response, StreamingResponse
from starlette.exceptions import HTTPException

from ingest import store as ingest_store
from nlp.store import BREAKDOWN_COLUMNS

from ..answer.ask import ANSWER_COLUMNS, Asker
from ..answer.series import SERIES_COLUMNS, series_rows, to_jsonstat
from ..kb import DOCUMENT_COLUMNS, document_rows, load_search_index, open_readonly
from ..output import CSV_DIALECTS, iter_csv, to_plain
from ..store.document_json import document_json
from ..store.queries import (FACT_CSV_COLUMNS, breakdown_filter, count_facts, count_findings, count_matching_facts, fact_breakdown_keys,
                             finding_types_in_kb, iter_facts, kb_built_at, query_facts, query_findings, query_measures)
from ..store.tidy import PERIOD_COLUMNS, breakdown_column, extra_breakdown_keys, with_tidy_columns
from . import models as m
from .docs import register_docs
from .downloads import CSV_MEDIA_TYPE, XLSX_MEDIA_TYPE, About, about_for, render_xlsx
from .head import HeadAsGet

log = logging.getLogger(__name__)

MAX_LIMIT = 1000
DEFAULT_LIMIT = 100
MAX_OFFSET = 2**31  # sqlite takes 64-bit ints; a bigger offset would be a 500, so it is a 422 instead
FACT_KINDS = ("summary", "body", "table", "footnote")
SEVERITIES = ("error", "rounding", "definition", "info")
MEASURE_CSV_COLUMNS = ("key", "label", "unit", "definition", "denominator", "counts_of", "breakdowns", "synonyms", "notes", "facts")
FINDING_CSV_COLUMNS = ("rank", "id", "type", "severity", "measure", "period", "breakdown", "expected", "found", "explanation", "facts")
PASSAGE_COLUMNS = ("id", "doc", "source_file", "kind", "section", "page", "page_label", "line", "score", "text")

ERRORS = {
    404: {"model": m.ErrorBody, "description": "No such document or measure (in the path or in a filter)."},
    422: {"model": m.ErrorBody, "description": "A parameter has the wrong type or is out of range."},
}


def csv_example(text: str) -> dict:
    return {"content": {"text/csv": {"schema": {"type": "string"}, "example": text}, XLSX_MEDIA_TYPE: {"schema": {
                "type": "string", "format": "binary"}}},
            "description": "JSON (one page), or the whole result as CSV (`?format=csv` or `Accept: text/csv`; "
                           "`&dialect=excel-sv` for Swedish Excel) or as an xlsx workbook (`?format=xlsx`)."}


FORMAT = Query(None, description="`json` (the default; one page), or a download of the whole result: `csv` "
                                 "(`Accept: text/csv` also gives CSV) or `xlsx`. Downloads ignore `limit` and `offset`.")
DIALECT = Query(None, description="CSV only: `comma` (the default: commas, decimal point, UTF-8) or `excel-sv` (semicolons, "
                            "decimal comma, UTF-8 with BOM: opens right in Swedish Excel; pandas: sep=';', decimal=',').")
DownloadFormat = Optional[Literal["json", "csv", "xlsx"]]
CsvDialect = Optional[Literal["comma", "excel-sv"]]  # api.output.CSV_DIALECTS
LIMIT = Query(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT, description=f"Rows per page (at most {MAX_LIMIT}).")
OFFSET = Query(0, ge=0, le=MAX_OFFSET, description="Rows to skip: the `next` of the previous page.")
PERIOD_PATTERN = r"^\d{4}(-\d{4})?$"
# one filter per breakdown key with a column of its own (nlp.store.BREAKDOWN_COLUMNS), the same on /facts and /series
BREAKDOWN_HELP = {"kon": "kvinnor or män.", "forman": "sjukpenning, aktivitetsersättning or sjukersättning.",
                  "alder": 'Age group as printed, e.g. "30-39".', "myndighet": "Arbetsförmedlingen or Försäkringskassan."}
BREAKDOWN_QUERIES = {key: Query(None, description=BREAKDOWN_HELP[key]) for key in BREAKDOWN_COLUMNS}


@dataclass
class AppState:
    """What the routes share: opened and read once in create_app."""

    db_path: Path
    conn: sqlite3.Connection
    asker: Asker
    index: Any  # api.search.index.Index, or None when the KB has no search index
    index_note: str
    measures: dict[str, dict[str, Any]]
    documents: dict[str, dict[str, Any]]

    def built_at(self) -> Optional[str]:
        """When the knowledge base was built ("2021-03-01 12:00:00", UTC), or None."""
        return kb_built_at(self.conn)

    def stream_facts(self, filters: dict[str, Any]) -> Iterator[dict[str, Any]]:
        """Every fact matching `filters`, read as it is sent, on a connection of its own: one
        snapshot of the KB for the whole download, and other requests keep the shared connection."""
        conn = ingest_store.open_kb_readonly(self.db_path)
        try:
            yield from iter_facts(conn, **filters)
        finally:
            conn.close()


def warm_compound_splitter() -> None:
    """Load the Swedish compound dictionary (nlp.compounds) in the background, so the server
    answers /health at once and the first question does not wait seconds for it."""
    from nlp.compounds import split_compound

    threading.Thread(target=split_compound, args=("omställningsmöte",), name="warm-compounds", daemon=True).start()


def create_app(db_path: str | Path, embedder: Any = None, *, load_model: bool = True, model_path: Optional[str] = None,
               with_web: bool = True, cors_origins: Sequence[str] = ()) -> FastAPI:
    """The HTTP API over the knowledge base at `db_path` (raises FileNotFoundError when there is none).

    `embedder` answers dense queries; without one, the default model is loaded when the index
    has vectors and `load_model` is true, else search is lexical only. `with_web` adds the
    web page at / and the PDF page images (api.http.web, api.http.pages). `cors_origins` lets browser
    pages from those origins ("https://example.org", or "*") read the API; none by default.
    """
    db_path = Path(db_path)
    conn = open_readonly(db_path)
    index, note = load_search_index(conn, embedder, load_model, model_path)
    state = AppState(
        db_path=db_path, conn=conn, asker=Asker(conn, index), index=index, index_note=note,
        measures={r["key"]: r for r in query_measures(conn)}, documents={d["id"]: d for d in document_rows(conn)},
    )
    app = FastAPI(
        docs_url=None, redoc_url=None,  # /docs from this server's own files (api.http.docs), never a CDN
        title="rapportkoll",
        version="1",
        summary="Figures from Arbetsförmedlingen's and Försäkringskassan's reports, with their sources and conflicts.",
        description=(
            "Ask in Swedish and get every report's figure with its page or line and quote, or `not_reported`. "
            "Lists answer JSON `{ok, total, rows, next, next_url}` by default and CSV with `?format=csv` or "
            "`Accept: text/csv`; page with `limit` and `offset`. Every error has the body `{ok: false, error, status, errors}`. "
            "Documented keys keep their names and types; new keys may appear, so ignore keys you do not know."
        ),
        openapi_tags=[
            {"name": "answers", "description": "Questions in Swedish and full-text search."},
            {"name": "data", "description": "Facts, series, measures, documents and the audit's findings."},
            {"name": "meta", "description": "Is the server up, and what does it hold."},
        ],
    )
    # once the server listens: loading the compound dictionary at import would hold back /health
    app.router.on_startup.append(warm_compound_splitter)
    app.state.rapportkoll = state
    _install_error_handlers(app)
    app.add_middleware(HeadAsGet)
    if cors_origins:
        from starlette.middleware.cors import CORSMiddleware

        # read-only API: GET and HEAD only, no credentials; the paging and download headers readable
        app.add_middleware(CORSMiddleware, allow_origins=list(cors_origins), allow_methods=["GET", "HEAD"],
                           allow_credentials=False, expose_headers=["X-Total-Count", "Link", "Content-Disposition"])
    register_docs(app)
    _routes(app, state)
    if with_web:
        _web_routes(app, db_path)
    return app


def _web_routes(app: FastAPI, db_path: Path) -> None:
    from .pages import register_page_routes
    from .web import register_web_routes

    register_page_routes(app, db_path)
    register_web_routes(app)


# -- rendering ------------------------------------------------------------------------------

def download_format(request: Request, fmt: Optional[str]) -> Optional[str]:
    """"csv" or "xlsx" when the client asks for a file (by `format`, else by `Accept`), None for JSON."""
    if fmt:
        return fmt if fmt in ("csv", "xlsx") else None
    accept = request.headers.get("accept", "")
    if "text/csv" in accept:
        return "csv"
    if XLSX_MEDIA_TYPE in accept:
        return "xlsx"
    return None


def check_dialect(dialect: Optional[str]) -> str:
    """The CSV dialect to write; FastAPI has checked it is one of CSV_DIALECTS."""
    return dialect or CSV_DIALECTS[0]


def download(kind: str, name: str, rows, columns: Sequence[str], dialect: Optional[str] = None,
             total: Optional[int] = None, about: Optional[About] = None) -> Response:
    """The whole result as a file: CSV streamed a few hundred rows at a time, or an xlsx workbook.

    `rows` may be a generator (read from the KB as it is sent); `about` fills the workbook's
    "Om datat" sheet."""
    headers = {"Content-Disposition": f'attachment; filename="{name}.{kind}"'}
    if total is not None:
        headers["X-Total-Count"] = str(total)
    if kind == "xlsx":
        rows = list(rows)
        headers["X-Total-Count"] = str(len(rows))
        return Response(render_xlsx(rows, columns, about or About(title=name)), media_type=XLSX_MEDIA_TYPE, headers=headers)
    return StreamingResponse(iter_csv(rows, columns, check_dialect(dialect)), media_type=CSV_MEDIA_TYPE, headers=headers)


def page_body(request: Request, rows: list, total: int, limit: int, offset: int) -> dict[str, Any]:
    nxt = offset + limit if offset + limit < total else None
    # relative to the server: built from the Host header, an absolute URL would point wherever a
    # client's (or an attacker's) header said
    next_url = None
    if nxt is not None:
        url = request.url.include_query_params(offset=nxt)
        next_url = f"{url.path}?{url.query}"
    return {"ok": True, "total": total, "next": nxt, "next_url": next_url, "rows": rows}


def listing(request: Request, name: str, rows: list, limit: int, offset: int, fmt: Optional[str],
            columns: Sequence[str], dialect: Optional[str] = None, about: Optional[About] = None):
    """A list held in memory: one page as JSON, or all of it as a download."""
    kind = download_format(request, fmt)
    if kind:
        return download(kind, name, rows, columns, dialect, len(rows), about)
    check_dialect(dialect)
    return page_body(request, rows[offset: offset + limit], len(rows), limit, offset)


# -- routes ---------------------------------------------------------------------------------

def _routes(app: FastAPI, state: AppState) -> None:  # noqa: C901 - one small function per route
    conn = state.conn

    def check_measure(measure: Optional[str], status: int = 404) -> None:
        if measure and measure not in state.measures:
            raise HTTPException(status, f"unknown measure {measure!r}; GET /measures lists them")

    def resolve_doc(doc: Optional[str], status: int = 404) -> Optional[str]:
        if not doc:
            return None
        doc_id = ingest_store.resolve_doc_id(conn, doc)
        if doc_id is None:
            raise HTTPException(status, f"unknown document {doc!r}; GET /documents lists them")
        return doc_id

    modes = search_modes(state.index)  # the modes this KB and model can run

    def about(rows: Sequence[dict[str, Any]], title: str, filters: dict[str, Any]) -> About:
        """The xlsx "Om datat" sheet for rows carrying `measure` and `doc`."""
        return about_for(rows, title, state.measures, state.documents, state.built_at(), filters)

    def check_mode(mode: str) -> None:
        if mode not in modes:
            why = f"; {state.index_note}" if state.index_note and mode in ("hybrid", "lexical", "dense") else ""
            raise HTTPException(422, f"mode: {mode!r} is not available here; use {' or '.join(modes)}{why}")

    # Routes that read the KB, search or embed are plain `def`: FastAPI runs them in its thread pool, so
    # one slow question does not hold up /health or anyone else (an `async def` doing blocking SQLite,
    # BM25 and FAISS work would run on the event loop). The shared SQLite connection is safe across
    # threads (sqlite3.threadsafety 3: serialized), and the indexes are only read.
    @app.get("/ask", tags=["answers"], response_model=m.AnswerModel, summary="Answer a question in Swedish",
             responses={**ERRORS, 200: csv_example("value,unit,period,measure,breakdown,doc,...\n")})
    def ask(
        request: Request,
        q: str = Query(..., min_length=1, max_length=500, description="The question, in Swedish.",
                       examples=["gemensamma kartläggningar 2018", "andel omställningsmöte 2019",
                                 "Hur många omställningsmöten genomfördes 2022?"]),
        k: int = Query(5, ge=0, le=50, description="How many supporting passages (0 for none)."),
        mode: str = Query("lexical", json_schema_extra={"enum": list(modes)},
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
        check_mode(mode)
        dialect = check_dialect(dialect)
        answer = state.asker.ask(q, k=k if state.index is not None else 0, mode=mode)
        body = to_plain(answer)
        kind = download_format(request, format)
        if kind:
            return download(kind, "svar", body["answers"], ANSWER_COLUMNS, dialect,
                            about=about(body["answers"], f"Svar på frågan: {q}", {"q": q}))
        return {"ok": True, **body}

    @app.get("/search", tags=["answers"], response_model=m.SearchPage, summary="Search the reports' passages",
             responses={**ERRORS, 200: csv_example("id,doc,source_file,kind,section,page,page_label,line,score,text\n")})
    def search(
        request: Request,
        q: str = Query(..., min_length=1, max_length=500, description="Words to search for.", examples=["omställningsmöten"]),
        mode: str = Query(
            modes[0], json_schema_extra={"enum": list(modes)}, description="hybrid fuses lexical and dense scores; lexical is Swedish BM25 (stems and compound "
                                  "parts); dense uses the embedding model. Only the modes this server can run are "
                                  f"accepted: {', '.join(modes)}" + (f" ({state.index_note})." if state.index_note else ".")),
        k: int = Query(10, ge=1, le=100, description="How many passages."),
        format: DownloadFormat = FORMAT,
        dialect: CsvDialect = DIALECT,
    ):
        """Passages (paragraphs, tables, table rows, footnotes) best first, each with its place in the report."""
        check_mode(mode)
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
                            about=about(rows, f"Sökträffar för: {q}", {"q": q, "mode": ran}))
        return {"ok": True, "query": q, "mode": ran, "total": len(rows), "rows": rows, "note": note}

    @app.get("/facts", tags=["data"], response_model=m.FactsPage, summary="Facts: every figure with its source",
             responses={**ERRORS, 200: csv_example(",".join(FACT_CSV_COLUMNS) + "\n")})
    def facts(
        request: Request,
        measure: Optional[str] = Query(None, description="Measure key (GET /measures).", examples=["gemensamma_kartlaggningar_antal"]),
        period: Optional[str] = Query(None, pattern=PERIOD_PATTERN, description='Exactly this period: "2019" or "2018-2019".'),
        doc: Optional[str] = Query(None, description="Document id or file name (GET /documents)."),
        kind: Optional[Literal["summary", "body", "table", "footnote"]] = Query(None, description="Where in the report."),
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
        check_measure(measure)
        doc_id = resolve_doc(doc)
        dialect = check_dialect(dialect)
        breakdown = breakdown_filter(dict(kon=kon, forman=forman, alder=alder, myndighet=myndighet))
        filters = dict(measure=measure, period=period, doc=doc_id, kind=kind, breakdown=breakdown, total_only=total)
        total_count = count_matching_facts(conn, **filters)
        file_kind = download_format(request, format)
        if file_kind:
            extra = [k for k in fact_breakdown_keys(conn, **filters) if k not in BREAKDOWN_COLUMNS]
            columns = [*FACT_CSV_COLUMNS, *PERIOD_COLUMNS, *(breakdown_column(k) for k in extra)]
            rows = (with_tidy_columns(r, extra) for r in state.stream_facts(filters))
            if file_kind == "xlsx":
                rows = list(rows)
            return download(file_kind, "fakta", rows, columns, dialect, total_count,
                            about(rows, "Fakta", {k: v for k, v in {**filters, **breakdown}.items() if k != "breakdown"})
                            if file_kind == "xlsx" else None)
        # one page read in SQL, and the total counted there: not every fact loaded to send a hundred
        rows = [with_tidy_columns(r) for r in query_facts(conn, **filters, limit=limit, offset=offset)]
        return page_body(request, rows, total_count, limit, offset)

    @app.get("/series/{measure}", tags=["data"], response_model=m.SeriesResponse | m.JsonStatDataset,
             summary="One measure over every period and every report (vintage)",
             responses={**ERRORS, 200: {
                 "content": {"text/csv": {"schema": {"type": "string"}, "example": ",".join(SERIES_COLUMNS) + "\n"}},
                 "description": "JSON rows; JSON-stat 2.0 with `?format=jsonstat`; CSV with `?format=csv`."}})
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
        check_measure(measure)
        dialect = check_dialect(dialect)
        breakdown = breakdown_filter(dict(kon=kon, forman=forman, alder=alder, myndighet=myndighet))
        rows = series_rows(conn, measure, breakdown, total_only=total)
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
                            about=about(rows, f"Serie: {info['label']} ({measure})", {"measure": measure, **breakdown, "total": total}))
        vintages = sorted({r["doc"] for r in rows}, key=lambda d: (state.documents.get(d, {}).get("published") or "", d))
        periods: list[str] = []
        for r in rows:
            if r["period"] not in periods:
                periods.append(r["period"])
        return {"ok": True, "measure": {"key": measure, "label": info["label"], "unit": info["unit"]}, "total": len(rows),
                "periods": periods,
                "vintages": [{"doc": d, "title": state.documents.get(d, {}).get("title"),
                              "published": state.documents.get(d, {}).get("published")} for d in vintages],
                "rows": rows}

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
        resolved = resolve_doc(doc_id)
        doc = ingest_store.load_document(conn, resolved)
        return JSONResponse(document_json(doc))

    types = finding_types(conn)

    @app.get("/inconsistencies", tags=["data"], response_model=m.FindingsPage, summary="The audit's findings",
             responses={**ERRORS, 200: csv_example(",".join(FINDING_CSV_COLUMNS) + "\n")})
    def inconsistencies(
        request: Request,
        type: Optional[str] = Query(None, description="Finding type (the check that found it).",
                                    json_schema_extra={"enum": sorted(types)} if types else None),
        severity: Optional[Literal["error", "rounding", "definition", "info"]] = Query(None, description="Only this severity."),
        measure: Optional[str] = Query(None, description="Only findings about this measure key."),
        period: Optional[str] = Query(None, pattern=PERIOD_PATTERN, description="Only findings about this period."),
        limit: int = LIMIT,
        offset: int = OFFSET,
        format: DownloadFormat = FORMAT,
        dialect: CsvDialect = DIALECT,
    ):
        """Where the reports' figures do not hold together, most important first, each with the figures' sources."""
        check_measure(measure)
        if type is not None and type not in types:
            raise HTTPException(422, f"unknown finding type {type!r}; choose from {', '.join(sorted(types))}")
        filters = {"type": type, "severity": severity, "measure": measure, "period": period}
        kind = download_format(request, format)
        if kind:
            rows = query_findings(conn, **filters)
            return download(kind, "avvikelser", rows, FINDING_CSV_COLUMNS, dialect, len(rows), about(rows, "Avvikelser", filters))
        # one page read in SQL, the total counted there
        rows = query_findings(conn, **filters, limit=limit, offset=offset)
        return page_body(request, rows, count_findings(conn, **filters), limit, offset)

    @app.get("/health", tags=["meta"], response_model=m.Health, summary="Is the server up, and what does it hold")
    async def health():
        """Counts of documents, facts, findings and passages, and which search modes are on."""
        built = (state.built_at(),) if state.built_at() else None
        described = state.index.describe() if state.index is not None else {"chunks": 0, "lexical": False, "dense": False}
        return {"ok": True, "documents": len(state.documents), "facts": count_facts(conn),
                "findings": count_findings(conn), "measures": len(state.measures),
                "chunks": described["chunks"], "search": {"lexical": bool(described["lexical"]), "dense": bool(described["dense"])},
                "built_at": built[0] if built else None}


def search_modes(index: Any) -> tuple[str, ...]:
    """The search modes a server can run: all three with dense vectors and a model, else lexical."""
    if index is None or not index.dense_available:
        return ("lexical",) if index is None else ("hybrid", "lexical")
    return ("hybrid", "lexical", "dense")


def finding_types(conn: sqlite3.Connection) -> set[str]:
    """The checks' types (when nlp.checks is importable) and the types the KB holds."""
    try:
        from nlp.checks import CHECKS

        known = set(CHECKS)
    except ImportError:  # reading a KB does not need the checks
        known = set()
    return known | finding_types_in_kb(conn)


# -- one error body -------------------------------------------------------------------------

# An error names what was wrong, not all of it: a 100 KB path or parameter is not echoed back.
MAX_ERROR_CHARS = 300


def _clip_error(text: str) -> str:
    return text if len(text) <= MAX_ERROR_CHARS else text[: MAX_ERROR_CHARS - 1] + "…"


def error_body(status: int, error: str, errors: Sequence[str] = ()) -> JSONResponse:
    return JSONResponse({"ok": False, "error": _clip_error(error), "status": status,
                         "errors": [_clip_error(e) for e in errors][:20]}, status_code=status)


def _validation_lines(exc: RequestValidationError) -> list[str]:
    lines = []
    for e in exc.errors():
        where = ".".join(str(p) for p in e.get("loc", ()) if p not in ("query", "path", "header", "body"))
        lines.append(f"{where}: {e.get('msg', 'invalid')}" if where else str(e.get("msg", "invalid")))
    return lines


def _install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException):
        message = exc.detail if isinstance(exc.detail, str) else str(exc.detail)
        if exc.status_code == 404 and message == "Not Found":
            message = f"no such path {request.url.path!r}; GET /docs lists the endpoints"
        elif exc.status_code == 405:
            message = f"{request.method} is not allowed here; the API only answers GET"
        response = error_body(exc.status_code, message)
        for key, value in (exc.headers or {}).items():
            response.headers[key] = value
        return response

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError):
        lines = _validation_lines(exc)
        return error_body(422, "; ".join(lines) or "invalid request", lines)

    @app.exception_handler(Exception)
    async def server_error(request: Request, exc: Exception):  # pragma: no cover - must never trigger
        log.exception("unhandled error on %s", request.url.path)
        return error_body(500, f"internal error ({type(exc).__name__}); please report it")


__all__ = ["create_app", "AppState", "MAX_LIMIT", "DEFAULT_LIMIT"]
