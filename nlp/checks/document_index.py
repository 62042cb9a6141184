"""One document's blocks, footnotes and tables by id, section and marker, for the checks.

Explaining a disagreement looks up, for each figure involved, its block, its table, the
footnotes whose markers sit on or near it, the headings above it and the sentences of its
section. Scanning the whole document for each figure made the checks cost figures × blocks,
which a long report turns into hours (a 2 MB text: 38 s, a 4 MB one four times that). The
index is built once per document and check run (CheckContext.cached); every lookup answers
what the scan answered, in document order.
"""
from __future__ import annotations

import re
from functools import cached_property
from typing import Iterable, Optional

from ingest.records import Block, Document, Footnote, Table
from nlp.records import Fact

# How far below a table (in lines of a text source) a footnote without a marker may stand and
# still belong to it: a page's worth of running text.
NOTE_REACH_LINES = 40


def heading_key(text: str) -> str:
    """A heading as a section path names it: Markdown marks and spacing gone, lower case."""
    return re.sub(r"[#*\s]+", " ", text or "").strip().lower()


def table_id_of(fact: Fact) -> Optional[str]:
    """The id of the table a table fact was read from ("doc:t3" of "doc:t3:r2c1"); None for prose."""
    return re.sub(r":r\d+c\d+$", "", fact.cell) if fact.cell else None


def nearest_table(note: Footnote, doc: Document) -> Optional[Table]:
    """The table a footnote without a known marker most likely belongs to: the last one
    before it on its page (PDF), or the last one before its line (text)."""
    if note.page is not None:
        same = [t for t in doc.tables if note.page in (t.pages or (t.page,))]
        if same:
            return same[-1]
    if note.line is not None:
        before = [t for t in doc.tables if t.line_start is not None and t.line_start < note.line]
        if before:
            t = max(before, key=lambda t: t.line_start or 0)
            end = t.line_end or t.line_start or 0
            return t if note.line - end <= NOTE_REACH_LINES else None
    return None


def _first_by_id(items: Iterable) -> dict:
    out: dict = {}
    for item in items:
        out.setdefault(item.id, item)
    return out


class DocumentIndex:
    """Lookups into one Document that the checks would otherwise scan it for."""

    def __init__(self, document: Document):
        self.document = document

    @cached_property
    def _blocks(self) -> dict[str, Block]:
        return _first_by_id(self.document.blocks)

    @cached_property
    def _footnotes(self) -> dict[str, Footnote]:
        return _first_by_id(self.document.footnotes)

    @cached_property
    def _tables(self) -> dict[str, Table]:
        return _first_by_id(self.document.tables)

    def block(self, block_id: Optional[str]) -> Optional[Block]:
        return self._blocks.get(block_id) if block_id else None

    def footnote(self, note_id: Optional[str]) -> Optional[Footnote]:
        return self._footnotes.get(note_id) if note_id else None

    def table_of(self, fact: Fact) -> Optional[Table]:
        """The table a fact was read from (the first of that id), None for prose."""
        table_id = table_id_of(fact)
        return self._tables.get(table_id) if table_id else None

    @cached_property
    def _headings(self) -> dict[str, set[str]]:
        out: dict[str, set[str]] = {}
        for b in self.document.blocks:
            if b.kind == "heading":
                out.setdefault(heading_key(b.text), set()).add(b.id)
        return out

    def heading_ids(self, keys: Iterable[str]) -> set[str]:
        """Ids of the heading blocks whose heading_key is one of `keys`."""
        return set().union(*(self._headings.get(k, ()) for k in keys))

    @cached_property
    def _sections(self) -> dict[tuple[str, ...], list[Block]]:
        out: dict[tuple[str, ...], list[Block]] = {}
        for b in self.document.blocks:
            out.setdefault(b.section, []).append(b)
        return out

    def section_blocks(self, section: tuple[str, ...]) -> list[Block]:
        """The blocks of one section (its own, not its subsections'), in document order."""
        return self._sections.get(section, [])

    @cached_property
    def _notes_by_ref(self) -> dict[str, list[int]]:
        out: dict[str, list[int]] = {}
        for i, note in enumerate(self.document.footnotes):
            for ref in set(note.marker_refs):
                out.setdefault(ref, []).append(i)
        return out

    @cached_property
    def _unmarked_notes(self) -> dict[int, list[int]]:
        """id() of a table -> the footnotes without markers that nearest_table() gives it."""
        out: dict[int, list[int]] = {}
        for i, note in enumerate(self.document.footnotes):
            if not note.marker_refs:
                table = nearest_table(note, self.document)
                if table is not None:
                    out.setdefault(id(table), []).append(i)
        return out

    def notes_marked_on(self, ids: Iterable[str], table: Optional[Table] = None) -> list[Footnote]:
        """Footnotes whose markers sit on one of `ids`, and, with `table`, those without markers that
        belong to it (nearest_table), in document order."""
        found: set[int] = set()
        for i in ids:
            found.update(self._notes_by_ref.get(i, ()))
        if table is not None:
            found.update(self._unmarked_notes.get(id(table), ()))
        return [self.document.footnotes[i] for i in sorted(found)]


__all__ = ["DocumentIndex", "NOTE_REACH_LINES", "heading_key", "nearest_table", "table_id_of"]
