"""News pieces in a text: each speaks of its own day, and its lead says which year its figures are about.

A collection of agency news ("Publicerad 9 februari 2027 · ..." over each piece) has as many nows as
pieces: "i oktober" in a piece of 2 December is this year's October, not the last one before the first
piece's date. And a news piece published in February about last year's statistics ("gjorde 12 400
gemensamma kartläggningar under 2026") goes on about that year: "Knappt två av tre kartläggningar,
7 936 stycken, gjordes med kvinnor" is 2026 too, where a report's undated figure is its reporting year.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, replace
from typing import Optional, Sequence

from ingest.manifest import NEWS_KINDS, first_date
from ingest.records import Block, Document, DocumentMetadata
from nlp.components.periods import paren_ranges
from nlp.sv.periods import PUBLICATION_LINE, find_year_mentions

# a line short enough to be a dateline, not a paragraph that tells of a publication
_DATELINE_MAX = 160
# years in a lead that date its own figures; comparisons ("än 2025", "jämfört med samma månad i fjol") do not
_OWN_ROLES = frozenset({"during", "year", "last_year"})
_NOW_ROLES = frozenset({"current", "month"})
_COMPARED_BEFORE = re.compile(r"(?:jämfört\s+med|än|som|mot)\s+(?:(?:samma|motsvarande)\s+\w+\s+)?$", re.IGNORECASE)


@dataclass(frozen=True)
class Article:
    """A news piece: from block order `start` on, published on `published` (ISO date); `subject` is the one
    earlier year its lead dates its figures to, if any."""

    start: int
    published: str
    subject: Optional[str] = None


def dateline(text: str) -> Optional[str]:
    """The ISO date a publication line gives ("Publicerad 9 februari 2027 · Uppdaterad 16 februari 2027",
    "Publicerad: 2026-11-12"), None for any other text."""
    if len(text) > _DATELINE_MAX:
        return None
    m = PUBLICATION_LINE.search(text)
    if not m or not text[m.start()].isupper():
        return None  # "(publicerat 2027-08-12)": a sentence that tells of another publication
    return first_date(text[m.end():])


def find_articles(document: Document) -> list[Article]:
    """The news pieces of a document, in order: one per publication line when it has several (a collection),
    else the whole document when it is a news piece; none for a report."""
    blocks = [b for b in document.blocks if b.kind in ("paragraph", "heading", "list_item")]
    dated = [(b.order, d) for b in blocks for d in [dateline(b.text)] if d]
    if len(dated) >= 2:
        starts = dated
    elif document.metadata.kind in NEWS_KINDS and document.metadata.published:
        starts = [(blocks[0].order if blocks else 0, document.metadata.published)]
    else:
        return []
    articles = []
    for k, (start, published) in enumerate(starts):
        end = starts[k + 1][0] if k + 1 < len(starts) else None
        piece = [b for b in blocks if b.order >= start and (end is None or b.order < end)]
        articles.append(Article(start, published, lead_subject(piece, int(published[:4]))))
    return articles


def lead_subject(blocks: Sequence[Block], now: int) -> Optional[str]:
    """The one year before `now` that a piece's headline and lead (its first paragraph of running text)
    date their own figures to, or None when they name none, several, or the piece's own year."""
    text = []
    for block in blocks:
        if dateline(block.text):
            continue
        text.append(block.text)
        if block.kind == "paragraph" and len(block.text) >= 80:
            break  # the lead: what the piece is about, headline included
    years = set()
    for part in text:
        parens = paren_ranges(part)
        for start, _end, role, period in find_year_mentions(part):
            if any(o < start < c for o, c in parens) or _COMPARED_BEFORE.search(part[max(0, start - 30):start]):
                continue
            if role in _NOW_ROLES:
                years.add(now)
            elif role == "last_year":
                years.add(now - 1)
            elif role in _OWN_ROLES and period.isdigit():
                years.add(int(period))
    if len(years) == 1:
        (year,) = years
        return str(year) if year < now else None
    return None


def article_at(articles: Sequence[Article], order: int) -> Optional[Article]:
    """The piece a block of this order belongs to (None before the first, or when there are none)."""
    k = bisect_right([a.start for a in articles], order) - 1
    return articles[k] if k >= 0 else None


def as_of(document: Document, article: Optional[Article]) -> Document:
    """The document as its piece speaks: its now the piece's date, when that differs from the document's."""
    if article is None or article.published == document.metadata.published:
        return document
    year = int(article.published[:4])
    metadata: DocumentMetadata = replace(document.metadata, published=article.published, reporting_year=year)
    return replace(document, metadata=metadata)
