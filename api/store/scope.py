"""The check_scope table: each report's measures, so an incremental build reruns only the checks
the changed reports reach (api.build_checks says what a scope holds and why)."""
from __future__ import annotations

import sqlite3
from typing import Iterable

SCOPE_SCHEMA = "CREATE TABLE IF NOT EXISTS check_scope (doc TEXT NOT NULL, measure TEXT NOT NULL, PRIMARY KEY (doc, measure))"


def has_scope_table(conn: sqlite3.Connection) -> bool:
    """Whether the KB records each report's scope (KBs built before scopes were kept do not)."""
    return conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'check_scope'").fetchone() is not None


def ensure_scope_table(conn: sqlite3.Connection) -> None:
    conn.execute(SCOPE_SCHEMA)


def save_scope(conn: sqlite3.Connection, doc_id: str, measures: Iterable[str]) -> None:
    """Replace a report's scope."""
    ensure_scope_table(conn)
    conn.execute("DELETE FROM check_scope WHERE doc = ?", (doc_id,))
    conn.executemany("INSERT INTO check_scope VALUES (?, ?)", [(doc_id, m) for m in sorted(set(measures))])


def scope_of(conn: sqlite3.Connection, doc_ids: Iterable[str]) -> set[str]:
    """The measures in the scopes of these reports."""
    ensure_scope_table(conn)
    out: set[str] = set()
    for doc_id in doc_ids:
        out.update(m for (m,) in conn.execute("SELECT measure FROM check_scope WHERE doc = ?", (doc_id,)))
    return out


def delete_scope(conn: sqlite3.Connection, doc_ids: Iterable[str]) -> None:
    ensure_scope_table(conn)
    conn.executemany("DELETE FROM check_scope WHERE doc = ?", [(d,) for d in doc_ids])


def reports_meeting(conn: sqlite3.Connection, measures: Iterable[str]) -> set[str]:
    """The reports whose scope holds one of these measures."""
    wanted = sorted(set(measures))
    if not wanted:
        return set()
    marks = ",".join("?" * len(wanted))
    return {d for (d,) in conn.execute(f"SELECT DISTINCT doc FROM check_scope WHERE measure IN ({marks})", wanted)}


__all__ = ["SCOPE_SCHEMA", "delete_scope", "ensure_scope_table", "has_scope_table", "reports_meeting", "save_scope", "scope_of"]
