"""Open a PDF with pdfplumber and sort what can go wrong into failure kinds.

pdfplumber leaves bad input to the caller: a broken file surfaces as pdfminer's
`PSException`, wrapped in pdfplumber's `PdfminerException`. A batch must finish and the
user must learn *why* a file was refused, so every such exception becomes an
`IngestFailure` with a stable reason (see ingest/failures.py). Cheap checks on the raw
bytes come first: they give better reasons than a parser stack trace does (a file cut in
half is "truncated", not "corrupt"; a text file named .pdf is "wrong_type").
"""
from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Iterator, Optional

from .failures import failure
from .records import IngestFailure

# The PDF header may sit anywhere in the first 1024 bytes (PDF 1.7, annex H.3).
HEADER_WINDOW = 1024
# %%EOF ends every complete PDF; incremental updates each end with their own, so the last
# one sits at the very end, give or take trailing whitespace or a little junk.
EOF_WINDOW = 2048

# Leading bytes of formats that people save with the wrong extension.
MAGIC = (
    (b"PK\x03\x04", "a ZIP archive (a Word or Excel file?), not a PDF"),
    (b"\x89PNG", "a PNG image, not a PDF"),
    (b"\xff\xd8\xff", "a JPEG image, not a PDF"),
    (b"GIF8", "a GIF image, not a PDF"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office file, not a PDF"),
    (b"{\\rtf", "an RTF document, not a PDF"),
)


def sniff_bytes(path: Path, head: bytes, tail: bytes, size: int) -> Optional[IngestFailure]:
    """A failure judged from the raw bytes alone, or None when the file may be a PDF."""
    if size == 0 or not (head + tail).strip():
        return failure(path, "empty", "0 bytes" if size == 0 else "only whitespace")
    if b"%PDF-" not in head[:HEADER_WINDOW]:
        return failure(path, "wrong_type", describe_non_pdf(head))
    if b"%%EOF" not in tail:
        return failure(path, "truncated", f"no %%EOF marker at the end of its {size} bytes")
    return None


def describe_non_pdf(head: bytes) -> str:
    """Say what a file that is not a PDF looks like, so the user knows what to rename."""
    for magic, what in MAGIC:
        if head.startswith(magic):
            return f"the content is {what}"
    probe = head.lstrip()[:200].lower()
    if probe.startswith((b"<!doctype html", b"<html")):
        return "the content is an HTML page, not a PDF"
    try:
        text = head.decode("utf-8")
    except UnicodeDecodeError:
        text = head.decode("latin-1")
        if sum(ch.isprintable() or ch.isspace() for ch in text) < 0.95 * len(text):
            return "the content is not a PDF (no %PDF- header)"
    return "the content is plain text, not a PDF (ingest it as .txt?)"


def sniff(path: Path) -> Optional[IngestFailure]:
    """Read the first and last bytes of `path` and judge them (see `sniff_bytes`)."""
    try:
        size = path.stat().st_size
        with path.open("rb") as fh:
            head = fh.read(HEADER_WINDOW)
            fh.seek(max(0, size - EOF_WINDOW))
            tail = fh.read()
    except OSError as exc:
        return failure(path, "unreadable", str(exc))
    return sniff_bytes(path, head, tail, size)


def classify_exception(path: Path, exc: BaseException) -> IngestFailure:
    """Sort an exception raised while opening or parsing a PDF into a failure kind.

    pdfplumber wraps pdfminer's errors in `PdfminerException(original)`; unwrap it first.
    """
    from pdfminer.pdfdocument import PDFEncryptionError
    from pdfplumber.utils.exceptions import PdfminerException

    inner = exc.args[0] if isinstance(exc, PdfminerException) and exc.args else exc
    detail = f"{type(inner).__name__}: {inner}".rstrip(": ")
    if isinstance(inner, PDFEncryptionError) or "password" in str(inner).lower():
        return failure(path, "encrypted", detail)
    # A file that lost its end was already called truncated by `sniff`; running out of
    # bytes inside a file that has its %%EOF means the content itself is broken.
    return failure(path, "corrupt", detail)


def pdf_error_types() -> tuple[type[BaseException], ...]:
    """Exceptions that mean "this file is broken" while pdfplumber reads it.

    pdfminer lets a few plain Python errors escape on mangled streams, so they are listed
    too; callers must catch these around pdfplumber calls only, never around our own stages,
    where the same errors would be bugs dressed up as bad PDFs.
    """
    from pdfminer.pdfparser import PDFException
    from pdfminer.psparser import PSException
    from pdfplumber.utils.exceptions import MalformedPDFException, PdfminerException

    return (PdfminerException, MalformedPDFException, PSException, PDFException,
            KeyError, TypeError, ValueError, AssertionError, IndexError, ZeroDivisionError, OverflowError,
            UnicodeDecodeError, EOFError)


@contextlib.contextmanager
def open_pdf(path: Path) -> Iterator["object"]:
    """Open `path` with pdfplumber and close it afterwards; exceptions pass through.

    pdfminer parses pages lazily and a broken page stream only shows when its page is read,
    so callers catch `pdf_error_types()` around the whole pdfplumber stage, not just this.
    """
    import pdfplumber

    pdf = pdfplumber.open(path)
    try:
        yield pdf
    finally:
        pdf.close()


def iter_pages(pdf) -> Iterator[tuple[int, "object"]]:
    """(1-based index, page) for every page, freeing each page's parsed objects after use."""
    for index, page in enumerate(pdf.pages, start=1):
        try:
            yield index, page
        finally:
            page.close()


def content_failure(path: Path, page_count: int, char_count: int, image_count: int) -> Optional[IngestFailure]:
    """A failure for a PDF that parsed but holds nothing to read, or None."""
    if page_count == 0:
        return failure(path, "empty", "the PDF has no pages")
    if char_count == 0 and image_count > 0:
        return failure(path, "image_only", f"{page_count} page(s), {image_count} image(s), no text")
    if char_count == 0:
        return failure(path, "empty", f"{page_count} page(s) without any text")
    return None
