"""Every kind of bad PDF comes back as an IngestFailure with its reason, never an exception."""
from __future__ import annotations

import io
from pathlib import Path

import pytest

from ingest.pdf_open import describe_non_pdf, sniff_bytes
from ingest.pdf_reader import read_pdf
from ingest.reader import read_path
from ingest.records import Document, DocumentMetadata, IngestFailure

from pdf_render import make_pdf


def text_page(pdf, n):
    pdf.text(70, 100, f"Sida {n}: Under 2019 genomfördes 8 662 gemensamma kartläggningar.")


def no_pages_pdf() -> bytes:
    """A well-formed PDF whose page tree is empty (fpdf2 will not write one)."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [] /Count 0 >>"]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n%s\nendobj\n" % (i, body))
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for off in offsets:
        out.write(b"%010d 00000 n \n" % off)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def encrypted_pdf() -> bytes:
    from fpdf.enums import EncryptionMethod

    def draw(pdf, n):
        pdf.set_encryption(owner_password="ägare", user_password="hemligt", encryption_method=EncryptionMethod.RC4)
        text_page(pdf, n)

    return make_pdf(draw)


def image_only_pdf() -> bytes:
    from PIL import Image

    image = Image.new("RGB", (300, 400), "white")
    return make_pdf(lambda pdf, n: pdf.image(image, x=70, y=70, w=300))


def blank_pdf() -> bytes:
    return make_pdf(lambda pdf, n: pdf.line(70, 100, 300, 100))


def good_pdf() -> bytes:
    return make_pdf(text_page, pages=3)


BAD = {
    "empty": lambda: b"",
    "corrupt": lambda: b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 9 0 R >>\ngarbage \x00\xff\x13 stream\n%%EOF\n",
    "truncated": lambda: (lambda data: data[: len(data) // 2])(good_pdf()),
    "encrypted": encrypted_pdf,
    "no_pages": no_pages_pdf,
    "no_text": blank_pdf,
    "image_only": image_only_pdf,
    "wrong_type": lambda: "Det här är en textfil med fel ändelse.\nRad två.\n".encode(),
    "zip": lambda: b"PK\x03\x04\x14\x00\x06\x00rest of a docx",
}
REASONS = {
    "empty": "empty",
    "corrupt": "corrupt",
    "truncated": "truncated",
    "encrypted": "encrypted",
    "no_pages": "empty",
    "no_text": "empty",
    "image_only": "image_only",
    "wrong_type": "wrong_type",
    "zip": "wrong_type",
}


@pytest.mark.parametrize("name", list(BAD))
def test_bad_pdf_is_a_named_failure(tmp_path: Path, name):
    path = tmp_path / f"{name}.pdf"
    path.write_bytes(BAD[name]())
    result = read_pdf(path, "x", DocumentMetadata(), "hash")
    assert isinstance(result, IngestFailure), result
    assert result.reason == REASONS[name]
    assert result.message.startswith(f"{name}.pdf: ")
    assert result.path == str(path)


@pytest.mark.parametrize("name", ["corrupt", "truncated", "encrypted", "image_only", "no_pages"])
def test_the_reader_dispatch_passes_pdf_failures_on(tmp_path: Path, name):
    path = tmp_path / f"{name}.pdf"
    path.write_bytes(BAD[name]())
    result = read_path(path)
    assert isinstance(result, IngestFailure) and result.reason == REASONS[name]


def test_a_good_pdf_next_to_the_bad_ones_reads(tmp_path: Path):
    path = tmp_path / "good.pdf"
    path.write_bytes(good_pdf())
    doc = read_pdf(path, "good", DocumentMetadata(), "hash")
    assert isinstance(doc, Document) and doc.page_count == 3 and doc.format == "pdf"
    assert doc.source_file == "good.pdf"


def test_encrypted_with_an_empty_user_password_is_readable(tmp_path: Path):
    """Only an owner password (printing restrictions): anyone can open it, so we do."""
    from fpdf.enums import EncryptionMethod

    def draw(pdf, n):
        pdf.set_encryption(owner_password="ägare", encryption_method=EncryptionMethod.RC4)
        text_page(pdf, n)

    path = tmp_path / "owner-only.pdf"
    path.write_bytes(make_pdf(draw))
    doc = read_pdf(path, "x", DocumentMetadata(), "hash")
    assert isinstance(doc, Document)
    assert "8 662 gemensamma kartläggningar" in doc.blocks[0].text


@pytest.mark.parametrize(
    "head, expected",
    [
        (b"PK\x03\x04", "ZIP archive"),
        (b"\x89PNG\r\n", "PNG image"),
        (b"<!DOCTYPE html><html>", "HTML page"),
        ("Hej, det här är text".encode(), "plain text"),
    ],
)
def test_what_a_non_pdf_looks_like(head, expected):
    assert expected in describe_non_pdf(head)


def test_sniff_says_truncated_when_the_end_marker_is_missing():
    failure = sniff_bytes(Path("cut.pdf"), b"%PDF-1.7\n...", b"... 5 0 obj <<", 5000)
    assert failure is not None and failure.reason == "truncated"
    assert sniff_bytes(Path("ok.pdf"), b"%PDF-1.7\n", b"startxref\n123\n%%EOF\n", 5000) is None
