"""GET /documents/{id}/pages/{n}.png: a PDF page rendered with the block or cell highlighted.

The KB here is written by hand (one PDF document with a block and a table cell whose boxes
we know), so the test needs neither the PDF reader nor the NLP stage.
"""
from __future__ import annotations

import io

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from api.http.pages import parse_bbox, register_page_routes
from ingest import store
from ingest.records import Block, Document, DocumentMetadata, Table, TableCell

BLOCK_BOX = (72.0, 100.0, 300.0, 114.0)
CELL_BOX = (200.0, 300.0, 260.0, 314.0)


@pytest.fixture(scope="module")
def kb(tmp_path_factory):
    from fpdf import FPDF

    folder = tmp_path_factory.mktemp("pages")
    pdf = FPDF(unit="pt", format="A4")
    for text in ("Sida ett: 4 647 omställningsmöten", "Sida två"):
        pdf.add_page()
        pdf.set_font("helvetica", size=12)
        pdf.text(72, 110, text)
    pdf_path = folder / "rapport.pdf"
    pdf.output(str(pdf_path))

    doc = Document(
        id="rapport", source_file="rapport.pdf", content_hash="0" * 64, format="pdf", metadata=DocumentMetadata(title="Rapport"),
        page_count=2, path=str(pdf_path),
        blocks=(Block(id="rapport:b0", doc="rapport", order=0, kind="paragraph", section=(), text="Sida ett: 4 647 omställningsmöten",
                      page=1, bbox=BLOCK_BOX),),
        tables=(Table(id="rapport:t0", doc="rapport", index=0, number=1, caption="Tabell 1", page=2, pages=(2,),
                      cells=(TableCell(table="rapport:t0", row=0, col=0, text="2019", is_header=True, page=2, bbox=(72.0, 300.0, 120.0, 314.0)),
                             TableCell(table="rapport:t0", row=0, col=1, text="4 647", page=2, bbox=CELL_BOX))),),
    )
    text_doc = Document(id="textrapport", source_file="textrapport.txt", content_hash="1" * 64, format="text",
                        metadata=DocumentMetadata(title="Text"), line_count=1,
                        blocks=(Block(id="textrapport:b0", doc="textrapport", order=0, kind="paragraph", section=(), text="x", line_start=1),))
    db = folder / "kb.db"
    with store.building(db) as conn:
        store.save_document(conn, doc)
        store.save_document(conn, text_doc)
    return db


@pytest.fixture(scope="module")
def client(kb):
    app = FastAPI()
    register_page_routes(app, kb)
    return TestClient(app)


def _image(response):
    from PIL import Image

    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "image/png"
    return Image.open(io.BytesIO(response.content)).convert("RGB")


def _is_highlight(pixel) -> bool:
    r, g, b = pixel
    return r > 200 and g > 180 and b < 190  # translucent yellow over white paper


def test_page_renders_at_scale(client):
    image = _image(client.get("/documents/rapport/pages/1.png?scale=1"))
    width, height = image.size
    assert (round(width / 10), round(height / 10)) == (60, 84)  # A4, 595.3 x 841.9 points, at 72 dpi
    assert not _is_highlight(image.getpixel((150, 90)))


def test_block_is_highlighted_where_its_bbox_says(client):
    image = _image(client.get("/documents/rapport/pages/1.png?block=rapport:b0&scale=1"))
    inside = image.getpixel((int(BLOCK_BOX[2]) - 5, int(BLOCK_BOX[1]) + 2))
    outside = image.getpixel((int(BLOCK_BOX[2]) + 40, int(BLOCK_BOX[1]) + 2))
    assert _is_highlight(inside), inside
    assert outside == (255, 255, 255)


def test_cell_and_bbox_are_highlighted(client):
    for query in ("cell=rapport:t0:r0c1", "bbox=200,300,260,314"):
        image = _image(client.get(f"/documents/rapport/pages/2.png?{query}&scale=2"))
        assert _is_highlight(image.getpixel((int(CELL_BOX[0] * 2) + 10, int(CELL_BOX[1] * 2) + 8))), query


@pytest.mark.parametrize("path, status, words", [
    ("/documents/textrapport/pages/1.png", 404, "text source"),
    ("/documents/okand/pages/1.png", 404, "no document"),
    ("/documents/rapport/pages/3.png", 404, "page 3 does not exist"),
    ("/documents/rapport/pages/1.png?block=rapport:b9", 404, "no block"),
    ("/documents/rapport/pages/1.png?cell=rapport:t0:r0c1", 400, "on page 2"),
    ("/documents/rapport/pages/1.png?cell=nonsense", 404, "no cell"),
    ("/documents/rapport/pages/1.png?bbox=1,2,3", 400, "four numbers"),
    # issue 15: a row number SQLite cannot hold is no cell, not an overflow; an endless box is no box
    ("/documents/rapport/pages/1.png?cell=x:r99999999999999999999c1", 404, "no cell"),
    ("/documents/rapport/pages/1.png?bbox=0,0,inf,inf", 400, "finite"),
    ("/documents/rapport/pages/1.png?bbox=nan,0,1,1", 400, "finite"),
    ("/documents/rapport/pages/1.png?bbox=1,2,3,4&block=rapport:b0", 400, "one of bbox, block or cell"),
    ("/documents/rapport/pages/1.png?scale=40", 422, ""),
    ("/documents/rapport/pages/x.png", 422, ""),
])
def test_bad_requests_are_4xx_with_a_message(client, path, status, words):
    response = client.get(path)
    assert response.status_code == status
    assert words in response.text


def test_a_huge_box_is_drawn_cut_to_the_page(client):
    """0,0,1e308,1e308 is finite: it is drawn, cut to just outside the image, not for half a minute."""
    from api.http.pages import OUTLINE_MARGIN, clamp_rect

    assert clamp_rect([-1e308, 5, 1e308, 1e308], (100, 200)) == [-OUTLINE_MARGIN, 5, 100 + OUTLINE_MARGIN, 200 + OUTLINE_MARGIN]
    response = client.get("/documents/rapport/pages/1.png?bbox=0,0,1e308,1e308")
    assert response.status_code == 200 and response.headers["content-type"] == "image/png"


def test_parse_bbox():
    assert parse_bbox(" 1, 2.5,3,4 ") == (1.0, 2.5, 3.0, 4.0)
    with pytest.raises(ValueError, match="x0 <= x1"):
        parse_bbox("3,0,1,4")
