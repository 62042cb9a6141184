"""What every route of the HTTP API shares: the paging, format and dialect parameters, and rendering
a result as one JSON page or as a whole download (CSV streamed, or an xlsx workbook)."""
from __future__ import annotations

from typing import Any, Literal, Optional, Sequence

from fastapi import Query, Request
from fastapi.responses import Response, StreamingResponse

from ..output import CSV_DIALECTS, iter_csv
from . import models as m
from .downloads import CSV_MEDIA_TYPE, XLSX_MEDIA_TYPE, About, render_xlsx

MAX_LIMIT = 1000
DEFAULT_LIMIT = 100
MAX_OFFSET = 2**31  # sqlite takes 64-bit ints; a bigger offset would be a 500, so it is a 422 instead

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
