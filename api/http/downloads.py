"""Whole results as xlsx workbooks, for the HTTP API and the CLI (CSV is api.output.iter_csv).

A download is the whole result, never a page: a spreadsheet cannot see paging headers, so a
page would silently be taken for everything.

The xlsx has the rows on a sheet "Data" (numbers as numbers, the header row frozen) and a
second sheet "Om datat": where the figures come from, what the measures mean, when the
knowledge base was built and which filters gave this result.
"""
from __future__ import annotations

import io
import json
from dataclasses import dataclass, field
from typing import Any, Iterable, Mapping, Sequence

from ..output import to_plain

XLSX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV_MEDIA_TYPE = "text/csv; charset=utf-8"
DATA_SHEET = "Data"
ABOUT_SHEET = "Om datat"


@dataclass
class About:
    """What the "Om datat" sheet says about a download."""

    title: str
    built_at: str | None = None
    filters: Mapping[str, Any] = field(default_factory=dict)
    measures: Sequence[Mapping[str, Any]] = ()  # /measures rows of the measures in the result
    documents: Sequence[Mapping[str, Any]] = ()  # /documents rows of the reports in the result
    notes: Sequence[str] = ()


# -- xlsx -------------------------------------------------------------------------------------

def _xlsx_value(value: Any) -> Any:
    """A cell value openpyxl writes with its type: numbers as numbers, nested values as JSON text."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    if value is None or isinstance(value, (bool, int, float)):
        return value
    if isinstance(value, (dict, list)):
        value = json.dumps(value, ensure_ascii=False) if value else ""
    # control characters are not allowed in the XML of a sheet (a quote from a PDF may hold one)
    return ILLEGAL_CHARACTERS_RE.sub("", str(value))


def render_xlsx(rows: Iterable[Any], columns: Sequence[str], about: About) -> bytes:
    """An xlsx workbook: the rows on "Data" (typed cells, frozen header), the provenance on "Om datat"."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    book = Workbook(write_only=True)  # rows go straight to the file: memory does not grow with the sheet
    data = book.create_sheet(DATA_SHEET)
    data.freeze_panes = "A2"
    bold = Font(bold=True)

    def header_cells(sheet, names):
        out = []
        for name in names:
            cell = WriteOnlyCell(sheet, value=_xlsx_value(name))
            cell.font = bold
            out.append(cell)
        return out

    def cells(sheet, values):
        out = []
        for value in values:
            value = _xlsx_value(value)
            if isinstance(value, str) and value.startswith("="):
                # text, never a formula: a quote or a question is data, not something for Excel to run
                cell = WriteOnlyCell(sheet, value=value)
                cell.data_type = "s"
                value = cell
            out.append(value)
        return out

    data.append(header_cells(data, columns))
    count = 0
    for row in rows:
        row = to_plain(row)
        data.append(cells(data, [row.get(c) for c in columns]))
        count += 1

    sheet = book.create_sheet(ABOUT_SHEET)
    sheet.append(header_cells(sheet, [about.title]))
    sheet.append([])
    for key, value in (
        ("Källa", "rapportkoll: siffror ur Arbetsförmedlingens och Försäkringskassans rapporter, var och en med "
                  "dokument, sida eller rad och citat (kolumnerna doc, page, line, quote)"),
        ("Kunskapsbasen byggd", about.built_at or "okänt"),
        ("Rader", count),
        ("Urval", ", ".join(f"{k}={v}" for k, v in about.filters.items() if v not in (None, "", False)) or "allt"),
    ):
        sheet.append(cells(sheet, [key, value]))
    for note in about.notes:
        sheet.append(cells(sheet, ["Not", note]))
    if about.measures:
        sheet.append([])
        sheet.append(header_cells(sheet, ["Mått (measure)", "Benämning", "Enhet", "Definition", "Nämnare"]))
        for m in about.measures:
            sheet.append(cells(sheet, [m.get(k) for k in ("key", "label", "unit", "definition", "denominator")]))
    if about.documents:
        sheet.append([])
        sheet.append(header_cells(sheet, ["Rapport (doc)", "Titel", "Publicerad", "Redovisningsår", "Fil"]))
        for d in about.documents:
            sheet.append(cells(sheet, [d.get(k) for k in ("id", "title", "published", "reporting_year", "source_file")]))
    buf = io.BytesIO()
    book.save(buf)
    return buf.getvalue()


def about_for(rows: Sequence[Mapping[str, Any]], title: str, measures: Mapping[str, Mapping[str, Any]],
              documents: Mapping[str, Mapping[str, Any]], built_at: str | None, filters: Mapping[str, Any],
              notes: Sequence[str] = ()) -> About:
    """The "Om datat" content for rows that carry `measure` and `doc` keys (facts, series, answers)."""
    keys = sorted({r.get("measure") for r in rows if r.get("measure")})
    docs = sorted({r.get("doc") for r in rows if r.get("doc")}, key=lambda d: ((documents.get(d) or {}).get("published") or "", d))
    return About(title=title, built_at=built_at, filters=filters, notes=notes,
                 measures=[measures[k] for k in keys if k in measures],
                 documents=[documents[d] for d in docs if d in documents])


def about_kb(conn, rows: Sequence[Mapping[str, Any]], title: str, filters: Mapping[str, Any],
             notes: Sequence[str] = ()) -> About:
    """about_for, reading the catalogue, the reports and the build date from an open KB (the CLI's way)."""
    from ..kb import document_rows
    from ..store.queries import kb_built_at, query_measures

    return about_for(rows, title, {m["key"]: m for m in query_measures(conn)}, {d["id"]: d for d in document_rows(conn)},
                     kb_built_at(conn), filters, notes)


__all__ = ["About", "XLSX_MEDIA_TYPE", "CSV_MEDIA_TYPE", "render_xlsx", "about_for", "about_kb"]
