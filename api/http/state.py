"""AppState: what the HTTP API's routes share, opened and read once in create_app; and the checks
of a request's measure, document and search mode against it."""
from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator, Optional, Sequence

from starlette.exceptions import HTTPException

from ingest import store as ingest_store

from ..answer.ask import Asker
from ..store.queries import finding_types_in_kb, iter_facts, kb_built_at
from .downloads import About, about_for


@dataclass
class AppState:
    """What the routes share: opened and read once in create_app."""

    db_path: Path
    conn: sqlite3.Connection
    asker: Asker
    index: Any  # api.search.index.Index, or None when the KB has no search index
    index_note: str
    measures: dict[str, dict[str, Any]]
    documents: dict[str, dict[str, Any]]
    modes: tuple[str, ...]  # the search modes this KB and model can run (search_modes)

    def built_at(self) -> Optional[str]:
        """When the knowledge base was built ("2021-03-01 12:00:00", UTC), or None."""
        return kb_built_at(self.conn)

    def stream_facts(self, filters: dict[str, Any]) -> Iterator[dict[str, Any]]:
        """Every fact matching `filters`, read as it is sent, on a connection of its own: one
        snapshot of the KB for the whole download, and other requests keep the shared connection."""
        conn = ingest_store.open_kb_readonly(self.db_path)
        try:
            yield from iter_facts(conn, **filters)
        finally:
            conn.close()

    def check_measure(self, measure: Optional[str], status: int = 404) -> None:
        if measure and measure not in self.measures:
            raise HTTPException(status, f"unknown measure {measure!r}; GET /measures lists them")

    def resolve_doc(self, doc: Optional[str], status: int = 404) -> Optional[str]:
        if not doc:
            return None
        doc_id = ingest_store.resolve_doc_id(self.conn, doc)
        if doc_id is None:
            raise HTTPException(status, f"unknown document {doc!r}; GET /documents lists them")
        return doc_id

    def check_mode(self, mode: str) -> None:
        if mode not in self.modes:
            why = f"; {self.index_note}" if self.index_note and mode in ("hybrid", "lexical", "dense") else ""
            raise HTTPException(422, f"mode: {mode!r} is not available here; use {' or '.join(self.modes)}{why}")

    def about(self, rows: Sequence[dict[str, Any]], title: str, filters: dict[str, Any]) -> About:
        """The xlsx "Om datat" sheet for rows carrying `measure` and `doc`."""
        return about_for(rows, title, self.measures, self.documents, self.built_at(), filters)


def search_modes(index: Any) -> tuple[str, ...]:
    """The search modes a server can run: all three with dense vectors and a model, else lexical."""
    if index is None or not index.dense_available:
        return ("lexical",) if index is None else ("hybrid", "lexical")
    return ("hybrid", "lexical", "dense")


def finding_types(conn: sqlite3.Connection) -> set[str]:
    """The checks' types (when nlp.checks is importable) and the types the KB holds."""
    try:
        from nlp.checks import CHECKS

        known = set(CHECKS)
    except ImportError:  # reading a KB does not need the checks
        known = set()
    return known | finding_types_in_kb(conn)
