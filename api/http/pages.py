"""Page images of PDF sources, with the quoted words or table cell highlighted.

So nobody has to trust the extraction blindly: the web page shows the printed page next to
the extracted text, with a box where the figure was read. Pages are rendered through
pypdfium2 (installed with pdfplumber) on request; text sources have no pages and get a 404.

Coordinates are pdfplumber's (x0, top, x1, bottom) in PDF points from the mediabox's top
left; pdfium renders the cropbox, so boxes are shifted by the cropbox offset.
"""
from __future__ import annotations

import io
import json
import math
import re
import sqlite3
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from fastapi import FastAPI, HTTPException, Query, Response

from ingest import store as ingest_store

from ..store.queries import block_place, cell_place, document_source_row

BBox = tuple[float, float, float, float]

DEFAULT_SCALE = 2.0  # 144 dpi: sharp on a laptop screen, ~200 kB per page
SCALE_RANGE = (0.5, 4.0)
PAD = 2.0  # points around a box, so the outline does not cover the glyphs
FILL = (255, 214, 0, 90)  # translucent yellow
OUTLINE = (200, 60, 0, 255)  # dark orange, 3:1 against white paper
# rows and columns as SQLite can hold them: a longer number is no cell, not an overflow (a 500)
OUTLINE_MARGIN = 8  # pixels a clamped box may reach past the image, so its outline stays off the page
CELL_ID = re.compile(r"^(?P<table>.+):r(?P<row>\d{1,9})c(?P<col>\d{1,9})$")


@dataclass(frozen=True)
class PdfSource:
    doc: str
    path: Path
    page_count: Optional[int]


def parse_bbox(text: str) -> BBox:
    """'x0,top,x1,bottom' -> floats; ValueError names what is wrong."""
    parts = [p.strip() for p in text.split(",")]
    if len(parts) != 4:
        raise ValueError("bbox must be four numbers: x0,top,x1,bottom")
    try:
        x0, top, x1, bottom = (float(p) for p in parts)
    except ValueError:
        raise ValueError("bbox must be four numbers: x0,top,x1,bottom") from None
    if not all(math.isfinite(v) for v in (x0, top, x1, bottom)):
        raise ValueError("bbox must be four finite numbers: x0,top,x1,bottom")
    if x1 < x0 or bottom < top:
        raise ValueError("bbox needs x0 <= x1 and top <= bottom")
    return (x0, top, x1, bottom)


def find_source(conn: sqlite3.Connection, doc_id: str, db_path: Path) -> PdfSource:
    """The PDF file a document was read from; HTTPException 404 when there is none."""
    row = document_source_row(conn, doc_id)
    if row is None:
        raise HTTPException(404, f"no document {doc_id!r}")
    if row["format"] != "pdf":
        raise HTTPException(404, f"document {doc_id!r} is a text source; it has no page images")
    for candidate in _candidates(row["path"], row["source_file"], db_path):
        if candidate.is_file():
            return PdfSource(doc=row["id"], path=candidate, page_count=row["page_count"])
    raise HTTPException(404, f"the PDF of {doc_id!r} ({row['source_file']}) is no longer where it was ingested from")


def _candidates(path: Optional[str], source_file: str, db_path: Path) -> list[Path]:
    """Where the PDF may be: as ingested, relative to the KB's folder, or in its corpus/."""
    out = []
    if path:
        p = Path(path)
        out.append(p)
        if not p.is_absolute():
            out.append(db_path.parent / p)
    out.append(db_path.parent / "corpus" / source_file)
    return out


def highlight_box(conn: sqlite3.Connection, doc_id: str, page: int, *, bbox: Optional[str] = None,
                  block: Optional[str] = None, cell: Optional[str] = None) -> Optional[BBox]:
    """The box to draw, from exactly one of bbox, block or cell; HTTPException 400/404 on bad ids."""
    given = [name for name, value in (("bbox", bbox), ("block", block), ("cell", cell)) if value]
    if len(given) > 1:
        raise HTTPException(400, f"give one of bbox, block or cell, not {' and '.join(given)}")
    if bbox:
        try:
            return parse_bbox(bbox)
        except ValueError as e:
            raise HTTPException(400, str(e)) from None
    if block:
        row = block_place(conn, doc_id, block)
        if row is None:
            raise HTTPException(404, f"no block {block!r} in document {doc_id!r}")
        return _on_page(row, page, f"block {block!r}")
    if cell:
        m = CELL_ID.match(cell)
        row = m and cell_place(conn, doc_id, m["table"], int(m["row"]), int(m["col"]))
        if not row:
            raise HTTPException(404, f"no cell {cell!r} in document {doc_id!r}")
        return _on_page(row, page, f"cell {cell!r}")
    return None


def _on_page(row: sqlite3.Row, page: int, what: str) -> Optional[BBox]:
    if row["page"] is not None and row["page"] != page:
        raise HTTPException(400, f"{what} is on page {row['page']}, not page {page}")
    return tuple(json.loads(row["bbox"])) if row["bbox"] else None


def clamp_rect(rect: list[float], size: tuple[int, int]) -> list[float]:
    """The rectangle cut to just outside the image: a box of 1e308 points would otherwise keep the
    drawing busy for half a minute and the whole server with it."""
    w, h = size
    lo_x, lo_y, hi_x, hi_y = -OUTLINE_MARGIN, -OUTLINE_MARGIN, w + OUTLINE_MARGIN, h + OUTLINE_MARGIN
    x0, y0, x1, y1 = rect
    return [min(max(x0, lo_x), hi_x), min(max(y0, lo_y), hi_y), min(max(x1, lo_x), hi_x), min(max(y1, lo_y), hi_y)]


def render_page_png(path: Path, page: int, box: Optional[BBox], scale: float = DEFAULT_SCALE) -> bytes:
    """One page as PNG, with `box` (pdfplumber coordinates) drawn over it. Not thread-safe: pdfium is not."""
    import pypdfium2 as pdfium
    from PIL import Image, ImageDraw

    pdf = pdfium.PdfDocument(str(path))
    try:
        if not 1 <= page <= len(pdf):
            raise HTTPException(404, f"page {page} does not exist; the PDF has {len(pdf)} pages")
        p = pdf[page - 1]
        media = p.get_mediabox()  # (left, bottom, right, top), PDF origin bottom left
        crop = p.get_cropbox()
        image = p.render(scale=scale).to_pil().convert("RGBA")
        p.close()
    finally:
        pdf.close()
    if box is not None:
        dx, dy = crop[0] - media[0], media[3] - crop[3]
        x0, top, x1, bottom = box
        rect = clamp_rect([(x0 - PAD - dx) * scale, (top - PAD - dy) * scale, (x1 + PAD - dx) * scale,
                           (bottom + PAD - dy) * scale], image.size)
        overlay = Image.new("RGBA", image.size, (0, 0, 0, 0))
        draw = ImageDraw.Draw(overlay)
        draw.rectangle(rect, fill=FILL, outline=OUTLINE, width=max(2, round(scale * 1.2)))
        image = Image.alpha_composite(image, overlay)
    buf = io.BytesIO()
    image.convert("RGB").save(buf, format="PNG", optimize=False)
    return buf.getvalue()


def register_page_routes(app: FastAPI, db_path: str | Path) -> None:
    """Add GET /documents/{doc_id}/pages/{n}.png to `app`, reading the KB at `db_path`."""
    db_path = Path(db_path)
    lock = threading.Lock()  # pdfium must not render from two threads at once

    @app.get(
        "/documents/{doc_id}/pages/{page}.png",
        tags=["documents"],
        summary="A PDF page as an image, with a block, a table cell or a box highlighted",
        response_class=Response,
        responses={200: {"content": {"image/png": {}}, "description": "The page as PNG."},
                   400: {"description": "Bad bbox, or more than one of bbox/block/cell."},
                   404: {"description": "Unknown document, page, block or cell, or a text source (no pages)."}},
    )
    def page_image(
        doc_id: str,
        page: int,
        bbox: Optional[str] = Query(None, description="Box to highlight, in PDF points: x0,top,x1,bottom.",
                                    examples=["72,140.5,300,152"]),
        block: Optional[str] = Query(None, description="Highlight this block (its id, e.g. af-fk-2019:b42).",
                                     examples=["af-fk-2019:b42"]),
        cell: Optional[str] = Query(None, description="Highlight this table cell (TABLE:rROWcCOL).",
                                    examples=["af-fk-2019:t0:r1c1"]),
        scale: float = Query(DEFAULT_SCALE, ge=SCALE_RANGE[0], le=SCALE_RANGE[1],
                             description="Pixels per PDF point; 2 is 144 dpi."),
    ) -> Response:
        conn = ingest_store.open_kb_readonly(db_path)  # serving pages never writes to the knowledge base
        try:
            source = find_source(conn, doc_id, db_path)
            box = highlight_box(conn, doc_id, page, bbox=bbox, block=block, cell=cell)
        finally:
            conn.close()
        with lock:
            png = render_page_png(source.path, page, box, scale)
        return Response(png, media_type="image/png", headers={"Cache-Control": "private, max-age=300"})
