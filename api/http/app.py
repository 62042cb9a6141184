"""create_app(db) -> FastAPI: thin routes over api.store.queries, api.answer.ask and api.answer.series; one error body.

Every route (api.http.routes) parses its parameters, calls a plain function and renders
(api.http.render): JSON by default, CSV with `?format=csv` or `Accept: text/csv` on every list. Every 4xx (and the 500 that must
never happen) has one body, `{ok: false, error, status, errors}`, from the handlers at the
bottom (as datasette's handle_exception.py does). Parameters a route does not know are
ignored. The knowledge base is opened read-only once; the catalogue, the findings and the
search index are read once, at start, so a request only queries.

Stability promise (datasette's, docs/json_api.rst): documented keys keep their names and
types; new keys may appear; clients should ignore keys they do not know.
"""
from __future__ import annotations

import logging
import threading
from pathlib import Path
from typing import Any, Optional, Sequence

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from ..answer.ask import Asker
from ..kb import document_rows, load_search_index, open_readonly
from ..store.queries import query_measures
from .docs import register_docs
from .head import HeadAsGet
from .render import DEFAULT_LIMIT, MAX_LIMIT
from .routes import register_routes
from .state import AppState, search_modes

log = logging.getLogger(__name__)


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
        modes=search_modes(index),
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
    register_routes(app, state)
    if with_web:
        _web_routes(app, db_path)
    return app


def _web_routes(app: FastAPI, db_path: Path) -> None:
    from .pages import register_page_routes
    from .web import register_web_routes

    register_page_routes(app, db_path)
    register_web_routes(app)


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
