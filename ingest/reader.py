"""One entry point for every kind of report file: `read_path` and the batch `read_paths`.

Bad input never raises out of here: it comes back as an IngestFailure naming the file and
the reason, so a batch always finishes.
"""
from __future__ import annotations

import hashlib
import os
import stat
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from pathlib import Path
from typing import Callable, Iterable, Iterator, Optional, Sequence

from . import manifest
from .failures import failure
from .records import Document, DocumentMetadata, IngestFailure
from .text_reader import read_text

PDF_SUFFIXES = (".pdf",)
TEXT_SUFFIXES = (".txt", ".md", ".html", ".htm")
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
            unreadable: list[Path] = []
            found = []
            for folder, dirs, names in os.walk(path, onerror=lambda e: unreadable.append(Path(e.filename))):
                dirs[:] = [d for d in dirs if not d.startswith(".")]
                for name in names:
                    child = Path(folder) / name
                    if child.suffix.lower() in SUFFIXES and name.lower() not in SKIPPED_NAMES and not name.startswith("."):
                        found.append(child)
            # a folder that cannot be listed is named as a failure (read_path), not skipped in silence
            yield from sorted(found + unreadable)
        else:
            yield path


def _not_a_report_file(path: Path) -> Optional[IngestFailure]:
    """A pipe, socket or device would hang or stream forever; a link out of its folder would read
    a file nobody meant to publish (a link to /etc/passwd)."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return failure(path, "unreadable", "no such file")
    except OSError as e:
        return failure(path, "unreadable", e.strerror or str(e))
    if stat.S_ISDIR(mode):
        return failure(path, "unreadable", "a folder that cannot be read" if not os.access(path, os.R_OK | os.X_OK)
                       else "a folder, not a file")
    if not stat.S_ISREG(mode):
        return failure(path, "wrong_type", "not a regular file (a pipe, socket or device)")
    if path.is_symlink():
        target, home = path.resolve(), path.parent.resolve()
        if home not in target.parents:
            return failure(path, "wrong_type", f"a link to a file outside its folder ({target})")
    return None


def content_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def read_path(path: str | Path, doc_id: Optional[str] = None) -> Result:
    """Read one report file into a Document, or say why it could not be read."""
    path = Path(path)
    refused = _not_a_report_file(path)
    if refused is not None:
        return refused
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
        if looks_binary(data):
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


# Text, in any encoding the reports come in (UTF-8, cp1252), has next to no control bytes: tab, line
# feed, form feed and carriage return aside. Random or compressed bytes have one in eight.
CONTROL_BYTES = frozenset(set(range(32)) - {9, 10, 12, 13}) | {127}
MAX_CONTROL_SHARE = 0.01


def looks_binary(data: bytes, sample: int = 65536) -> bool:
    """Whether bytes named as text are something else (an image, an archive, random data)."""
    head = data[:sample]
    if b"\x00" in head:
        return True
    return sum(1 for b in head if b in CONTROL_BYTES) > MAX_CONTROL_SHARE * max(1, len(head))


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
