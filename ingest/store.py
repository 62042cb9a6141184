"""The knowledge base file: one SQLite database, written atomically.

SQLite because it is in the standard library (nothing to install), one file that can be
copied, mailed and opened by any tool (datasette included), and a build can be written to a
temporary file and renamed into place, so a failed build never leaves a half-written KB.

This module owns the ingest tables (documents, blocks, tables, cells, footnotes); later
stages add their own tables through the same connection.
"""
from __future__ import annotations

import json
import os
import shutil
import sqlite3
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, Optional

from .records import Block, Document, DocumentMetadata, Footnote, FootnoteRef, IngestFailure, Table, TableCell

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows has no flock; writers there are not serialised
    fcntl = None  # type: ignore[assignment]

DEFAULT_DB = "rapportkoll.db"
DB_ENV = "RAPPORTKOLL_DB"
SCHEMA_VERSION = 2  # 2: tables.label, tables.continued

SCHEMA = """
CREATE TABLE IF NOT EXISTS kb_meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS documents (
    id TEXT PRIMARY KEY, source_file TEXT NOT NULL, content_hash TEXT NOT NULL, format TEXT NOT NULL,
    path TEXT, page_count INTEGER, line_count INTEGER,
    title TEXT, publishers TEXT, published TEXT, reporting_year INTEGER, years TEXT, kind TEXT,
    diarienummer TEXT, from_manifest INTEGER, ingested_at TEXT DEFAULT (datetime('now')), reporting_period TEXT
);
CREATE TABLE IF NOT EXISTS blocks (
    id TEXT PRIMARY KEY, doc TEXT NOT NULL, ord INTEGER, kind TEXT, section TEXT, text TEXT,
    page INTEGER, page_label TEXT, line_start INTEGER, line_end INTEGER, bbox TEXT,
    footnote_refs TEXT, line_breaks TEXT
);
CREATE INDEX IF NOT EXISTS blocks_doc ON blocks(doc, ord);
CREATE TABLE IF NOT EXISTS tables (
    id TEXT PRIMARY KEY, doc TEXT NOT NULL, idx INTEGER, number INTEGER, caption TEXT, source_note TEXT,
    unit_note TEXT, section TEXT, page INTEGER, pages TEXT, page_label TEXT, header_rows INTEGER,
    line_start INTEGER, line_end INTEGER, n_rows INTEGER, n_cols INTEGER, label TEXT, continued INTEGER
);
CREATE INDEX IF NOT EXISTS tables_doc ON tables(doc, idx);
CREATE TABLE IF NOT EXISTS cells (
    table_id TEXT NOT NULL, doc TEXT NOT NULL, row INTEGER, col INTEGER, text TEXT, row_headers TEXT,
    col_headers TEXT, is_header INTEGER, page INTEGER, line INTEGER, bbox TEXT,
    PRIMARY KEY (table_id, row, col)
);
CREATE INDEX IF NOT EXISTS cells_doc ON cells(doc);
CREATE TABLE IF NOT EXISTS footnotes (
    id TEXT PRIMARY KEY, doc TEXT NOT NULL, number INTEGER, text TEXT, page INTEGER, page_label TEXT,
    line INTEGER, marker_refs TEXT
);
CREATE INDEX IF NOT EXISTS footnotes_doc ON footnotes(doc, number);
CREATE TABLE IF NOT EXISTS failures (path TEXT PRIMARY KEY, reason TEXT, message TEXT, at TEXT DEFAULT (datetime('now')));
"""

DOC_TABLES = ("blocks", "tables", "cells", "footnotes")


def default_db_path() -> Path:
    return Path(os.environ.get(DB_ENV, DEFAULT_DB))


def connect(path: str | Path) -> sqlite3.Connection:
    conn = sqlite3.connect(str(path))
    conn.row_factory = sqlite3.Row
    conn.executescript(SCHEMA)
    _add_missing_columns(conn)
    conn.execute("INSERT OR REPLACE INTO kb_meta VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))
    conn.commit()  # never hold a write lock just for opening
    return conn


# Columns added since schema 1, so a knowledge base built by an earlier version still opens and grows.
_ADDED_COLUMNS = {"tables": (("label", "TEXT"), ("continued", "INTEGER")), "documents": (("reporting_period", "TEXT"),)}


def _add_missing_columns(conn: sqlite3.Connection) -> None:
    for table, columns in _ADDED_COLUMNS.items():
        have = {r[1] for r in conn.execute(f"PRAGMA table_info({table})")}
        for name, kind in columns:
            if name not in have:
                conn.execute(f"ALTER TABLE {table} ADD COLUMN {name} {kind}")


def readonly_uri(path: str | Path) -> str:
    """A `file:` URI that opens `path` read-only. Percent-encoded, so a "#", "?" or "%" in a folder
    name stays part of the path instead of ending it (and dropping "mode=ro")."""
    return Path(path).resolve().as_uri() + "?mode=ro"


def open_kb_readonly(path: str | Path) -> sqlite3.Connection:
    """An existing knowledge base for reading only: nothing is created, migrated or stamped, so a
    reader leaves the file as it was and works on a file it may not write."""
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"no knowledge base at {path}; run `rapportkoll build` first")
    conn = sqlite3.connect(readonly_uri(path), uri=True, check_same_thread=False)
    conn.row_factory = sqlite3.Row
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise FileNotFoundError(f"{path} is not a knowledge base ({exc}); run `rapportkoll build`") from None
    return conn


def open_kb(path: str | Path, must_exist: bool = True) -> sqlite3.Connection:
    """Open an existing knowledge base for reading (and later writes in place)."""
    path = Path(path)
    if must_exist and not path.is_file():
        raise FileNotFoundError(f"no knowledge base at {path}; run `rapportkoll build` first")
    return connect(path)


@contextmanager
def writer_lock(path: str | Path) -> Iterator[None]:
    """Writers of one KB one at a time: each copies the KB, edits the copy and renames it over the
    original, so two at once would each keep only their own change. A second writer waits here
    until the first has renamed its copy in place, then starts from that. (An advisory lock on a
    file beside the KB; where the platform has none, writers are not serialised.)"""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    if fcntl is None:  # pragma: no cover - Windows
        yield
        return
    with open(path.parent / f".{path.name}.lock", "a+") as lock:
        fcntl.flock(lock.fileno(), fcntl.LOCK_EX)
        try:
            _remove_stale_copies(path)
            yield
        finally:
            fcntl.flock(lock.fileno(), fcntl.LOCK_UN)


def _remove_stale_copies(path: Path) -> None:
    """Temp copies (and their journals) that a killed writer left beside the KB: under the writer
    lock no other writer is at work, so every one of them is stale."""
    for stale in path.parent.glob(f".{path.name}.*.tmp*"):
        stale.unlink(missing_ok=True)


@contextmanager
def building(path: str | Path, start_from_existing: bool = False) -> Iterator[sqlite3.Connection]:
    """A connection to a temporary copy of the KB, renamed over `path` only on success.

    `start_from_existing` copies the current KB first (incremental ingest); otherwise the
    build starts empty. On any exception, including KeyboardInterrupt, the temp file is
    removed and the old KB is untouched. Writers of one KB wait for each other (writer_lock).
    """
    path = Path(path)
    with writer_lock(path):
        with _building(path, start_from_existing) as conn:
            yield conn


@contextmanager
def _building(path: Path, start_from_existing: bool) -> Iterator[sqlite3.Connection]:
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=str(path.parent))
    os.close(fd)
    tmp = Path(tmp_name)
    conn: Optional[sqlite3.Connection] = None
    try:
        if start_from_existing and path.is_file():
            shutil.copyfile(path, tmp)
        else:
            tmp.unlink()
        conn = connect(tmp)
        yield conn
        conn.commit()
        conn.close()
        conn = None
        os.replace(tmp, path)
    except BaseException:
        if conn is not None:
            conn.close()
        tmp.unlink(missing_ok=True)
        raise


def _j(value) -> Optional[str]:
    return None if value is None else json.dumps(value, ensure_ascii=False)


def existing_hash(conn: sqlite3.Connection, doc_id: str) -> Optional[str]:
    row = conn.execute("SELECT content_hash FROM documents WHERE id = ?", (doc_id,)).fetchone()
    return row["content_hash"] if row else None


def delete_document(conn: sqlite3.Connection, doc_id: str) -> None:
    conn.execute("DELETE FROM documents WHERE id = ?", (doc_id,))
    for table in DOC_TABLES:
        conn.execute(f"DELETE FROM {table} WHERE doc = ?", (doc_id,))


def save_document(conn: sqlite3.Connection, doc: Document) -> str:
    """Store a document; returns 'added', 'replaced' or 'unchanged' (same content hash)."""
    same_hash = conn.execute("SELECT id FROM documents WHERE content_hash = ?", (doc.content_hash,)).fetchone()
    if same_hash and same_hash["id"] == doc.id:
        return "unchanged"
    status = "added"
    old = conn.execute("SELECT id FROM documents WHERE id = ? OR (source_file = ? AND format = ?)",
                       (doc.id, doc.source_file, doc.format)).fetchall()
    for row in old:
        delete_document(conn, row["id"])
        status = "replaced"
    if same_hash:  # the same bytes under another id: keep one copy, under the newest id
        delete_document(conn, same_hash["id"])
        status = "replaced"
    m = doc.metadata
    conn.execute(
        "INSERT INTO documents (id, source_file, content_hash, format, path, page_count, line_count, title, publishers,"
        " published, reporting_year, years, kind, diarienummer, from_manifest, reporting_period)"
        " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        (doc.id, doc.source_file, doc.content_hash, doc.format, doc.path, doc.page_count, doc.line_count, m.title,
         _j(list(m.publishers)), m.published, m.reporting_year, m.years, m.kind, _j(list(m.diarienummer)), int(m.from_manifest),
         m.reporting_period),
    )
    conn.executemany(
        "INSERT INTO blocks VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
        [(b.id, b.doc, b.order, b.kind, _j(list(b.section)), b.text, b.page, b.page_label, b.line_start, b.line_end,
          _j(b.bbox), _j([[r.number, r.offset] for r in b.footnote_refs]), _j(list(b.line_breaks))) for b in doc.blocks],
    )
    for t in doc.tables:
        conn.execute(
            "INSERT INTO tables VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (t.id, t.doc, t.index, t.number, t.caption, t.source_note, t.unit_note, _j(list(t.section)), t.page,
             _j(list(t.pages)), t.page_label, t.header_rows, t.line_start, t.line_end, t.n_rows, t.n_cols,
             t.label, int(t.continued)),
        )
        conn.executemany(
            "INSERT INTO cells VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            [(c.table, t.doc, c.row, c.col, c.text, _j(list(c.row_headers)), _j(list(c.col_headers)), int(c.is_header),
              c.page, c.line, _j(c.bbox)) for c in t.cells],
        )
    conn.executemany(
        "INSERT INTO footnotes VALUES (?,?,?,?,?,?,?,?)",
        [(f.id, f.doc, f.number, f.text, f.page, f.page_label, f.line, _j(list(f.marker_refs))) for f in doc.footnotes],
    )
    conn.execute("DELETE FROM failures WHERE path LIKE ?", (f"%{doc.source_file}",))
    return status


def save_failure(conn: sqlite3.Connection, fail: IngestFailure) -> None:
    conn.execute("INSERT OR REPLACE INTO failures (path, reason, message) VALUES (?,?,?)", (fail.path, fail.reason, fail.message))


def _tuple(value: Optional[str]) -> tuple:
    return tuple(json.loads(value)) if value else ()


def _bbox(value: Optional[str]):
    return tuple(json.loads(value)) if value else None


def metadata_from_row(row: sqlite3.Row) -> DocumentMetadata:
    return DocumentMetadata(
        title=row["title"] or "", publishers=_tuple(row["publishers"]), published=row["published"],
        reporting_year=row["reporting_year"], years=row["years"], kind=row["kind"],
        diarienummer=_tuple(row["diarienummer"]), from_manifest=bool(row["from_manifest"]),
        reporting_period=row["reporting_period"] if "reporting_period" in row.keys() else None,
    )


def list_documents(conn: sqlite3.Connection) -> list[sqlite3.Row]:
    return conn.execute(
        "SELECT d.*, (SELECT count(*) FROM blocks b WHERE b.doc = d.id) AS n_blocks,"
        " (SELECT count(*) FROM tables t WHERE t.doc = d.id) AS n_tables,"
        " (SELECT count(*) FROM footnotes f WHERE f.doc = d.id) AS n_footnotes"
        " FROM documents d ORDER BY d.published, d.id"
    ).fetchall()


def resolve_doc_id(conn: sqlite3.Connection, ref: str) -> Optional[str]:
    """A document id from an id or the file name as ingested."""
    row = conn.execute("SELECT id FROM documents WHERE id = ? OR source_file = ? ORDER BY id = ? DESC LIMIT 1",
                       (ref, ref, ref)).fetchone()
    return row["id"] if row else None


def load_document(conn: sqlite3.Connection, doc_id: str) -> Optional[Document]:
    row = conn.execute("SELECT * FROM documents WHERE id = ?", (doc_id,)).fetchone()
    if row is None:
        return None
    blocks = tuple(
        Block(id=b["id"], doc=b["doc"], order=b["ord"], kind=b["kind"], section=_tuple(b["section"]), text=b["text"],
              page=b["page"], page_label=b["page_label"], line_start=b["line_start"], line_end=b["line_end"],
              bbox=_bbox(b["bbox"]), footnote_refs=tuple(FootnoteRef(n, o) for n, o in _tuple(b["footnote_refs"])),
              line_breaks=_tuple(b["line_breaks"]))
        for b in conn.execute("SELECT * FROM blocks WHERE doc = ? ORDER BY ord", (doc_id,))
    )
    tables = []
    for t in conn.execute("SELECT * FROM tables WHERE doc = ? ORDER BY idx", (doc_id,)).fetchall():
        cells = tuple(
            TableCell(table=c["table_id"], row=c["row"], col=c["col"], text=c["text"], row_headers=_tuple(c["row_headers"]),
                      col_headers=_tuple(c["col_headers"]), is_header=bool(c["is_header"]), page=c["page"], line=c["line"],
                      bbox=_bbox(c["bbox"]))
            for c in conn.execute("SELECT * FROM cells WHERE table_id = ? ORDER BY row, col", (t["id"],))
        )
        tables.append(Table(id=t["id"], doc=t["doc"], index=t["idx"], number=t["number"], caption=t["caption"], cells=cells,
                            header_rows=t["header_rows"], source_note=t["source_note"], unit_note=t["unit_note"],
                            section=_tuple(t["section"]), page=t["page"], pages=_tuple(t["pages"]), page_label=t["page_label"],
                            line_start=t["line_start"], line_end=t["line_end"], label=t["label"] or "",
                            continued=bool(t["continued"])))
    footnotes = tuple(
        Footnote(id=f["id"], doc=f["doc"], number=f["number"], text=f["text"], page=f["page"], page_label=f["page_label"],
                 line=f["line"], marker_refs=_tuple(f["marker_refs"]))
        # in the order they were saved, the document's: numbering may restart by chapter
        for f in conn.execute("SELECT * FROM footnotes WHERE doc = ? ORDER BY rowid", (doc_id,))
    )
    return Document(id=row["id"], source_file=row["source_file"], content_hash=row["content_hash"], format=row["format"],
                    metadata=metadata_from_row(row), page_count=row["page_count"], line_count=row["line_count"],
                    blocks=blocks, tables=tuple(tables), footnotes=footnotes, path=row["path"] or "")


def load_documents(conn: sqlite3.Connection) -> list[Document]:
    ids = [r["id"] for r in conn.execute("SELECT id FROM documents ORDER BY published, id")]
    return [d for d in (load_document(conn, i) for i in ids) if d is not None]
