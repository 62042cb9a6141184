"""Arrays of any size inside the KB file: each stored as numbered parts of at most PART_BYTES.

SQLite holds one value up to 1 GB (SQLITE_MAX_LENGTH), so a FAISS index stored as a single
BLOB stops at about 650 000 passages. Split into parts, an array grows with the file (SQLite's
limit is 281 TB) and stays in the one KB file, which a build writes to a temporary file and
renames into place: the index can never be half-written or belong to another build. Reading
fills one preallocated buffer, so the parts are never joined in a second copy.

    write_array(conn, "bm25.data", weights.data)
    read_array(conn, "bm25.data")  -> the same array, or None when the KB has none
"""
from __future__ import annotations

import json
import sqlite3
from typing import Optional

import numpy as np

PART_BYTES = 32 * 2**20  # 32 MiB: far under the 1 GB value limit, and few rows for a large index

SCHEMA = """
CREATE TABLE IF NOT EXISTS index_blobs (
    name TEXT NOT NULL, part INTEGER NOT NULL, dtype TEXT NOT NULL, shape TEXT NOT NULL, data BLOB NOT NULL,
    PRIMARY KEY (name, part)
);
"""


class BlobDamaged(ValueError):
    """An array's parts are missing or of the wrong length (a KB written by hand, or damaged)."""


def write_array(conn: sqlite3.Connection, name: str, array: np.ndarray, part_bytes: int = PART_BYTES) -> int:
    """Store `array` under `name` (replacing what was there); returns the number of parts."""
    if part_bytes < 1:
        raise ValueError(f"part_bytes must be at least 1, not {part_bytes}")
    conn.executescript(SCHEMA)
    conn.execute("DELETE FROM index_blobs WHERE name = ?", (name,))
    array = np.ascontiguousarray(array)
    raw = memoryview(array.reshape(-1).view(np.uint8)) if array.size else memoryview(b"")
    dtype, shape = array.dtype.str, json.dumps(list(array.shape))
    starts = range(0, max(len(raw), 1), part_bytes)
    conn.executemany("INSERT INTO index_blobs VALUES (?, ?, ?, ?, ?)",
                     ((name, i, dtype, shape, sqlite3.Binary(raw[s:s + part_bytes])) for i, s in enumerate(starts)))
    return len(starts)


def read_array(conn: sqlite3.Connection, name: str) -> Optional[np.ndarray]:
    """The array stored under `name`, or None when there is none (or no table of arrays)."""
    try:
        head = conn.execute("SELECT count(*), coalesce(sum(length(data)), 0), max(part), min(dtype), min(shape) "
                            "FROM index_blobs WHERE name = ?", (name,)).fetchone()
    except sqlite3.OperationalError:  # a KB from before arrays were stored in parts
        return None
    count, total, last, dtype, shape = head
    if not count:
        return None
    dtype, shape = np.dtype(dtype), tuple(json.loads(shape))
    expected = int(np.prod(shape, dtype=np.int64)) * dtype.itemsize
    if last != count - 1 or total != expected:
        raise BlobDamaged(f"the stored array {name!r} is damaged ({count} parts, {total} of {expected} bytes); "
                          "run `rapportkoll build --full`")
    buffer = np.empty(total, np.uint8)
    at = 0
    for (data,) in conn.execute("SELECT data FROM index_blobs WHERE name = ? ORDER BY part", (name,)):
        buffer[at:at + len(data)] = np.frombuffer(data, np.uint8)
        at += len(data)
    return buffer.view(dtype).reshape(shape)


def delete_arrays(conn: sqlite3.Connection) -> None:
    """Remove every stored array (a new index replaces them all)."""
    conn.executescript(SCHEMA)
    conn.execute("DELETE FROM index_blobs")


__all__ = ["BlobDamaged", "PART_BYTES", "delete_arrays", "read_array", "write_array"]
