"""The corpus reports rendered as PDFs in every layout come back as their text versions did.

Each text version (read by the text reader) is set as an A4 PDF by `pdf_render` in six
layouts (ruled tables, borderless tables with a header rule, no rules at all with a running
header and footer, and tables broken over a page with and without a repeated header), then
read back with `read_pdf`. Every table must match cell for cell, every footnote by number
and text; page labels, running headers and footers, and block text are checked too.

Rendering and reading run once per session, in two worker processes.
"""
from __future__ import annotations

import os
import re
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest

from ingest.pdf_reader import read_pdf
from ingest.records import Document

from pdf_render import LAYOUTS, corpus_documents, render_pdf

DOC_IDS = ("af-fk-2019", "af-fk-2022")  # the reports with tables
CASES = [(d, layout) for d in DOC_IDS for layout in LAYOUTS]


def _render_and_read(args: tuple[Document, str, str]) -> tuple[str, str, Document]:
    doc, layout, outdir = args
    path = Path(outdir) / f"{doc.id}--{layout}.pdf"
    path.write_bytes(render_pdf(doc, LAYOUTS[layout]))
    result = read_pdf(path, doc.id, doc.metadata, "test")
    assert isinstance(result, Document), result
    return doc.id, layout, result


@pytest.fixture(scope="session")
def text_docs() -> dict[str, Document]:
    return {d.id: d for d in corpus_documents(DOC_IDS)}


@pytest.fixture(scope="session")
def pdf_docs(text_docs, tmp_path_factory) -> dict[tuple[str, str], Document]:
    """Every (report, layout) rendered and read back, keyed by (doc id, layout name)."""
    outdir = tmp_path_factory.mktemp("rendered")
    jobs = [(text_docs[d], layout, str(outdir)) for d, layout in CASES]
    workers = min(2, os.cpu_count() or 1)
    if workers > 1:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            results = list(pool.map(_render_and_read, jobs))
    else:
        results = [_render_and_read(j) for j in jobs]
    return {(d, layout): doc for d, layout, doc in results}


def _source_follows(doc: Document, table) -> bool:
    """True when the text version has the table's source line right after the table."""
    after = [b for b in doc.blocks if (b.line_start or 0) > (table.line_end or 0)]
    return bool(after) and after[0].kind == "source_note"


@pytest.mark.parametrize("doc_id, layout", CASES)
def test_every_table_cell_for_cell(text_docs, pdf_docs, doc_id, layout):
    want, got = text_docs[doc_id], pdf_docs[(doc_id, layout)]
    assert [t.rows for t in got.tables] == [t.rows for t in want.tables]
    for a, b in zip(want.tables, got.tables):
        assert (b.caption, b.number, b.unit_note.lower()) == (a.caption, a.number, a.unit_note.lower())
        if _source_follows(want, a):
            assert b.source_note == a.source_note
        headers = {(c.row, c.col): (c.row_headers, c.col_headers, c.is_header) for c in a.cells}
        assert {(c.row, c.col): (c.row_headers, c.col_headers, c.is_header) for c in b.cells} == headers


@pytest.mark.parametrize("doc_id, layout", CASES)
def test_table_cells_know_their_page_and_box(pdf_docs, doc_id, layout):
    for t in pdf_docs[(doc_id, layout)].tables:
        assert t.page == t.pages[0] and t.page_label == str(t.page)
        for c in t.cells:
            if c.text:
                assert c.page in t.pages and c.bbox is not None


@pytest.mark.parametrize("layout", [name for name, l in LAYOUTS.items() if l.split_tables])
def test_split_layouts_really_split_tables(pdf_docs, layout):
    """The split layouts are only a test if tables do break over pages there."""
    split = [t for d in DOC_IDS for t in pdf_docs[(d, layout)].tables if len(t.pages) > 1]
    assert len(split) >= 5
    assert all(t.pages == (t.pages[0], t.pages[0] + 1) for t in split)


def _words(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("doc_id, layout", CASES)
def test_footnotes_by_number_and_text(text_docs, pdf_docs, doc_id, layout):
    """A line break inside a footnote is kept as a newline when the line ended short; one
    that happened to fill its line reads as a wrap, so line breaks compare as spaces."""
    want, got = text_docs[doc_id], pdf_docs[(doc_id, layout)]
    assert {f.number: _words(f.text) for f in got.footnotes} == {f.number: _words(f.text) for f in want.footnotes}
    exact = {f.number: f.text for f in got.footnotes}
    assert sum(exact[f.number] == f.text for f in want.footnotes) >= len(want.footnotes) - 1
    for f in got.footnotes:
        assert f.page is not None and f.page_label == str(f.page)


@pytest.mark.parametrize("layout", list(LAYOUTS))
def test_marker_after_a_year_is_a_footnote_not_part_of_the_number(pdf_docs, layout):
    """"(3 109 möten 2018).¹⁹": the block says 2018, the marker points at footnote 19."""
    doc = pdf_docs[("af-fk-2019", layout)]
    fn = doc.footnote(19)
    (block,) = [b for b in doc.blocks if b.id in fn.marker_refs]
    ref = next(r for r in block.footnote_refs if r.number == 19)
    assert block.text[:ref.offset].endswith("(3 109 möten 2018).")
    assert "201819" not in block.text and "2018)." in block.text


@pytest.mark.parametrize("doc_id, layout", CASES)
def test_markers_link_blocks_as_in_the_text_version(text_docs, pdf_docs, doc_id, layout):
    want, got = text_docs[doc_id], pdf_docs[(doc_id, layout)]
    texts = {b.id: b.text for b in got.blocks}
    for fn in want.footnotes:
        # the renderer prints no markers in headings (see pdf_render.render_pdf), so only body blocks count
        want_blocks = {b.text for b in want.blocks if b.id in fn.marker_refs and b.kind != "heading"}
        got_blocks = {texts[r] for r in got.footnote(fn.number).marker_refs if r in texts}
        # a paragraph the text version broke at a page break may be whole in the PDF
        assert all(any(w in g for g in got_blocks) for w in want_blocks), fn.number


@pytest.mark.parametrize("doc_id, layout", CASES)
def test_page_labels_and_no_running_header_or_footer_in_blocks(text_docs, pdf_docs, doc_id, layout):
    got = pdf_docs[(doc_id, layout)]
    assert got.page_count and all(b.page_label == str(b.page) for b in got.blocks)
    title = text_docs[doc_id].metadata.title
    for b in got.blocks:
        assert not re.fullmatch(r"(Sida )?\d+( \(\d+\))?", b.text), b.text
        assert "Sida " not in b.text
        assert not b.text.startswith(title[:60] + " …") and b.text != "Arbetsförmedlingen och Försäkringskassan"


@pytest.mark.parametrize("doc_id, layout", CASES)
def test_blocks_read_as_in_the_text_version(text_docs, pdf_docs, doc_id, layout):
    """Block kind and text, hyphenated line breaks joined. A few text blocks are parts of one
    paragraph that the text converter broke at a page break; the PDF reader makes them whole."""
    want, got = text_docs[doc_id], pdf_docs[(doc_id, layout)]
    found = {(b.kind, b.text) for b in got.blocks}
    missing = [b for b in want.blocks if (b.kind, b.text) not in found]
    assert len(missing) <= 0.03 * len(want.blocks), [b.text[:60] for b in missing]
    headings = [b.text for b in want.blocks if b.kind == "heading"]
    assert [b.text for b in got.blocks if b.kind == "heading"] == headings


def test_sections_follow_the_headings(pdf_docs):
    doc = pdf_docs[("af-fk-2019", "running")]
    block = next(b for b in doc.blocks if b.text.startswith("Av de 4 852 individer som har avslutat"))
    assert block.section[-1] == "Sammanfattning"
    table = next(t for t in doc.tables if t.number == 3)
    assert table.section[-2:] == ("6. Resultat", "Resultat för de som deltagit i rehabiliteringsinsatser")
