"""The text near each table of one document, looked up instead of searched for.

The table path asks, for every table, which blocks stand a few lines above it (its legend, the
paragraph that leads into it, the paragraphs that quote its figures) and which sentences cite it
("se tabell 9 i bilagan"). Scanning every block of the document for every table made a report of
n tables and blocks cost n² (a 4 MB text with 324 tables: 31 s of 187 s in cited_terms alone). This
index is built once per document; every answer is the one the scan gives, in the same order.

    nearby = NearbyText(document)
    nearby.blocks_between(first_line, last_line)  # blocks starting on those lines, in document order
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from functools import cached_property
from typing import Optional

from ingest.records import Block, Document, Table
from nlp.sv.captions import cites_table

# Every citation cites_table() finds opens with these words: a sentence without them cites no table.
_CITES_ANY_TABLE = re.compile(r"\btab(?:ell(?:erna)?|\.)\s+", re.IGNORECASE)
# How cited_terms cuts a paragraph into sentences.
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ])")


class NearbyText:
    """Blocks by source line and page, paragraphs that cite tables, tables by label: one document's."""

    def __init__(self, document: Document):
        self.document = document
        self._citations: dict[str, list[tuple[bool, int, list[str]]]] = {}

    @cached_property
    def _by_line(self) -> tuple[list[int], list[int]]:
        """(line_start, position in document.blocks) of every block with a line, sorted."""
        pairs = sorted((b.line_start, i) for i, b in enumerate(self.document.blocks) if b.line_start is not None)
        return [line for line, _ in pairs], [i for _, i in pairs]

    def blocks_between(self, first: int, stop: int) -> list[Block]:
        """Blocks whose line_start is in [first, stop), in document order."""
        lines, positions = self._by_line
        lo, hi = bisect_left(lines, first), bisect_left(lines, stop)
        return [self.document.blocks[i] for i in sorted(positions[lo:hi])]

    @cached_property
    def _running_text(self) -> tuple[list[Block], bool]:
        """Paragraphs and list items with a line, in document order, and whether their lines never go back."""
        found = [b for b in self.document.blocks if b.kind in ("paragraph", "list_item") and b.line_start is not None]
        return found, all(a.line_start <= b.line_start for a, b in zip(found, found[1:]))

    def running_text_before(self, line: int) -> list[Block]:
        """Paragraphs and list items that start before `line`, in document order."""
        found, ordered = self._running_text
        if not ordered:  # lines out of order (text read in an unusual way): the plain scan
            return [b for b in found if b.line_start < line]
        return found[:bisect_left(self._running_lines, line)]

    @cached_property
    def _running_lines(self) -> list[int]:
        return [b.line_start for b in self._running_text[0]]

    @cached_property
    def _paragraphs_by_page(self) -> dict[Optional[int], list[Block]]:
        out: dict[Optional[int], list[Block]] = {}
        for b in self.document.blocks:
            if b.kind == "paragraph":
                out.setdefault(b.page, []).append(b)
        return out

    def paragraphs_on(self, page: Optional[int]) -> list[Block]:
        """The paragraphs of one page, in document order."""
        return self._paragraphs_by_page.get(page, [])

    @cached_property
    def _label_counts(self) -> Counter:
        return Counter((t.label or str(t.number)) for t in self.document.tables)

    def tables_labelled(self, label: str) -> int:
        """How many tables carry this label (a table and its appendix namesake, or its continuation)."""
        return self._label_counts[label]

    @cached_property
    def _table_positions(self) -> dict[int, int]:
        return {id(t): i for i, t in enumerate(self.document.tables)}

    def tables_before(self, table: Table) -> tuple[Table, ...]:
        """The tables before `table` in the document; none when it is not one of them."""
        tables = self.document.tables
        i = self._table_positions.get(id(table))
        if i is None:
            i = tables.index(table) if table in tables else 0
        return tuple(tables[:i])

    @cached_property
    def _citing_paragraphs(self) -> list[list[str]]:
        """The sentences of every paragraph or list item one of whose sentences may cite a table."""
        out = []
        for b in self.document.blocks:
            if b.kind in ("paragraph", "list_item") and _CITES_ANY_TABLE.search(b.text):
                sentences = _SENTENCE.split(b.text)
                if any(_CITES_ANY_TABLE.search(s) for s in sentences):
                    out.append(sentences)
        return out

    def citations(self, label: str) -> list[tuple[bool, int, list[str]]]:
        """Each citation of the tables labelled `label`, in document order: (whether the words cite an
        appendix's table, the citing sentence's index, the sentences of its paragraph)."""
        found = self._citations.get(label)
        if found is None:
            pattern = cites_table(label)
            found = [("bilaga" in m.group(0).lower(), k, sentences)
                     for sentences in self._citing_paragraphs for k, sentence in enumerate(sentences)
                     for m in pattern.finditer(sentence)]
            self._citations[label] = found
        return found


__all__ = ["NearbyText"]
