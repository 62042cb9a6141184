"""One entry point for every kind of report file: `read_path` and the batch `read_paths`.

Bad input never raises out of here: it comes back as an IngestFailure naming the file and
the reason, so a batch always finishes.
"""
from __future__ import annotations

import hashlib
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from pathlib import Path
from typing import Callable, Iterable, Iterator, Optional, Sequence

from . import manifest
from .failures import failure
from .records import Document, DocumentMetadata, IngestFailure
from .text_reader import read_text

PDF_SUFFIXES = (".pdf",)
TEXT_SUFFIXES = (".txt", ".md")
SUFFIXES = PDF_SUFFIXES + TEXT_SUFFIXES
# files in a corpus folder that describe it rather than being reports
SKIPPED_NAMES = ("readme.md", "readme.txt", "changelog.md", "license.txt", "license.md")

Result = Document | IngestFailure


def iter_report_files(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Files to ingest, in a stable order: named files as given, folders recursed and sorted.

    A named file is always read (and fails clearly if unsupported); inside folders only
    report suffixes are taken.
    """
    for p in paths:
        path = Path(p)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and child.suffix.lower() in SUFFIXES and child.name.lower() not in SKIPPED_NAMES \
                        and not any(part.startswith(".") for part in child.relative_to(path).parts):
                    yield child
        else:
            yield path


def content_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def read_path(path: str | Path, doc_id: Optional[str] = None) -> Result:
    """Read one report file into a Document, or say why it could not be read."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return failure(path, "unreadable", "no such file")
    except OSError as e:
        return failure(path, "unreadable", e.strerror or str(e))
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        return failure(path, "unsupported", repr(path.suffix or "(none)"))
    if not data.strip():
        return failure(path, "empty", "0 bytes" if not data else "only whitespace")

    entry = manifest.lookup(path)
    doc_id = doc_id or (entry.id if entry else manifest.slug(path.stem))
    metadata = entry.metadata if entry else DocumentMetadata()
    digest = content_hash(data)

    if suffix in PDF_SUFFIXES:
        if not data.lstrip()[:5].startswith(b"%PDF"):
            return failure(path, "wrong_type", _describe_non_pdf(data))
        from .pdf_reader import read_pdf  # pdfplumber is imported only when a PDF is read

        result = read_pdf(path, doc_id, metadata, digest)
        if isinstance(result, IngestFailure):
            return result
        doc = result
    else:
        if data.lstrip()[:5].startswith(b"%PDF"):
            return failure(path, "wrong_type", "the file is a PDF but is named as text; rename it to .pdf")
        if b"\x00" in data[:4096]:
            return failure(path, "wrong_type", "binary content in a text file")
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = data.decode("cp1252", errors="replace")  # older Windows exports
        doc = read_text(path, doc_id, metadata, digest, text=text)
        if not doc.blocks and not doc.tables:
            return failure(path, "empty", "no text")

    if not metadata.from_manifest:
        doc = replace(doc, metadata=manifest.infer_metadata(document_text(doc)))
    return doc


def _describe_non_pdf(data: bytes) -> str:
    head = data.lstrip()[:8]
    if head.startswith(b"PK"):
        what = "a ZIP archive (a .docx or .xlsx?)"
    elif head[:1] in (b"<",):
        what = "HTML or XML"
    elif head.startswith((b"\x89PNG", b"\xff\xd8")):
        what = "an image"
    else:
        what = "text or another format"
    return f"named .pdf but the content is {what}, not a PDF"


def document_text(doc: Document, limit: int = 120) -> str:
    """The opening blocks as text, for metadata inference."""
    return "\n".join(b.text for b in doc.blocks[:limit])


def _read_one(args: tuple[str, Optional[str]]) -> Result:
    path, doc_id = args
    try:
        return read_path(path, doc_id)
    except Exception as e:  # a bug in a reader must not take the batch down; report it by name
        return IngestFailure(path=path, reason="unreadable", message=f"{Path(path).name}: internal error while reading: {type(e).__name__}: {e}")


def read_paths(paths: Sequence[str | Path], jobs: int = 1, on_result: Optional[Callable[[Result], None]] = None) -> list[Result]:
    """Read many files, in worker processes when jobs > 1; results keep the input order."""
    args = [(str(p), None) for p in paths]
    results: list[Result] = []
    if jobs <= 1 or len(args) <= 1:
        for a in args:
            r = _read_one(a)
            results.append(r)
            if on_result:
                on_result(r)
        return results
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        for r in pool.map(_read_one, args):
            results.append(r)
            if on_result:
                on_result(r)
    return results
