"""The kinds of bad input, each with a stable reason key, a title and a message template.

In the manner of frictionless-py's errors: the reason is what scripts match on, the
message is what a person reads.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .records import IngestFailure


@dataclass(frozen=True)
class FailureKind:
    reason: str
    title: str
    description: str
    template: str  # slots: {name}, {detail}


FAILURES: dict[str, FailureKind] = {
    k.reason: k
    for k in (
        FailureKind("corrupt", "Corrupt PDF", "The file claims to be a PDF but cannot be parsed.",
                    "{name}: not a readable PDF (corrupt): {detail}"),
        FailureKind("truncated", "Truncated PDF", "The PDF ends before its cross-reference table or trailer.",
                    "{name}: the PDF is truncated (incomplete download or copy?): {detail}"),
        FailureKind("encrypted", "Encrypted PDF", "The PDF needs a password to be read.",
                    "{name}: the PDF is encrypted; remove the password and ingest it again"),
        FailureKind("empty", "Empty file", "The file has no content, or no page with any text.",
                    "{name}: the file is empty ({detail})"),
        FailureKind("image_only", "Image-only PDF", "The pages are scanned images with no text layer; OCR it first.",
                    "{name}: the PDF has no text layer ({detail}); run OCR (e.g. ocrmypdf) and ingest it again"),
        FailureKind("wrong_type", "Wrong file type", "The content does not match the file name's extension.",
                    "{name}: {detail}"),
        FailureKind("unsupported", "Unsupported file type", "Only .pdf, .txt and .md files are ingested.",
                    "{name}: unsupported file type {detail}; ingest .pdf, .txt or .md"),
        FailureKind("unreadable", "Unreadable file", "The file could not be read from disk or decoded.",
                    "{name}: cannot be read: {detail}"),
    )
}


def failure(path: str | Path, reason: str, detail: str = "") -> IngestFailure:
    """An IngestFailure for `path` with the message of its kind filled in."""
    kind = FAILURES[reason]
    name = Path(path).name
    return IngestFailure(path=str(path), reason=reason, message=kind.template.format(name=name, detail=detail))
