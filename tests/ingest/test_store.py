"""The knowledge base file: round trip, re-ingest without duplicates, atomic writes."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ingest import store
from ingest.reader import read_path


def test_round_trip_keeps_every_record(tmp_path: Path, corpus_docs):
    # every corpus report: the SOU report's footnote numbers restart by chapter, so their order
    # is the document's, not their numbers'
    with store.building(tmp_path / "kb.db") as conn:
        for doc in corpus_docs.values():
            assert store.save_document(conn, doc) == "added"
    conn = store.open_kb(tmp_path / "kb.db")
    for doc in corpus_docs.values():
        loaded = store.load_document(conn, doc.id)
        assert loaded == doc, doc.id


def test_same_content_is_not_duplicated_and_changed_file_replaces(tmp_path: Path, corpus_dir: Path):
    src = tmp_path / "rapport.txt"
    shutil.copyfile(corpus_dir / "af-fk-aterrapport-2020-sammanfattning.txt", src)
    db = tmp_path / "kb.db"
    for expected in ("added", "unchanged"):
        with store.building(db, start_from_existing=True) as conn:
            assert store.save_document(conn, read_path(src)) == expected
    src.write_text(src.read_text(encoding="utf-8") + "\n\nUnder 2020 genomfördes 1 234 möten.\n", encoding="utf-8")
    with store.building(db, start_from_existing=True) as conn:
        assert store.save_document(conn, read_path(src)) == "replaced"
    conn = store.open_kb(db)
    assert conn.execute("SELECT count(*) FROM documents").fetchone()[0] == 1
    assert store.load_document(conn, "rapport").blocks[-1].text == "Under 2020 genomfördes 1 234 möten."


def test_failed_build_leaves_old_kb_untouched(tmp_path: Path, corpus_docs):
    db = tmp_path / "kb.db"
    with store.building(db) as conn:
        store.save_document(conn, corpus_docs["af-fk-2020"])
    before = db.read_bytes()
    with pytest.raises(RuntimeError):
        with store.building(db, start_from_existing=True) as conn:
            store.save_document(conn, corpus_docs["af-fk-2019"])
            raise RuntimeError("stage failed")
    assert db.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [".kb.db.lock", "kb.db"]  # no temp file left, the writers' lock stays


def test_open_missing_kb_says_what_to_do(tmp_path: Path):
    with pytest.raises(FileNotFoundError, match="rapportkoll build"):
        store.open_kb(tmp_path / "none.db")


def test_two_writers_at_once_keep_both_changes(tmp_path: Path):
    """issue 15: two `ingest` runs at once each copied the KB, edited the copy and renamed it over
    the original; the later rename dropped the earlier run's document. The second writer now waits
    for the first and starts from its result."""
    import threading
    import time

    path = tmp_path / "kb.db"
    with store.building(path) as conn:
        conn.execute("INSERT INTO kb_meta VALUES ('start', '1')")
    first_in = threading.Event()

    def first():
        with store.building(path, start_from_existing=True) as conn:
            conn.execute("INSERT INTO kb_meta VALUES ('first', '1')")
            first_in.set()
            time.sleep(0.3)  # the second writer arrives while this one is at work

    def second():
        first_in.wait(5)
        with store.building(path, start_from_existing=True) as conn:
            conn.execute("INSERT INTO kb_meta VALUES ('second', '1')")

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(10)
    conn = store.open_kb_readonly(path)
    assert {r[0] for r in conn.execute("SELECT key FROM kb_meta")} >= {"start", "first", "second"}


def test_a_killed_writers_copy_is_removed_by_the_next(tmp_path: Path):
    path = tmp_path / "kb.db"
    with store.building(path) as conn:
        conn.execute("INSERT INTO kb_meta VALUES ('start', '1')")
    stale = [tmp_path / ".kb.db.x1y2.tmp", tmp_path / ".kb.db.x1y2.tmp-journal"]
    for p in stale:
        p.write_bytes(b"left by kill -9")
    with store.building(path, start_from_existing=True):
        pass
    assert not any(p.exists() for p in stale)
    assert sorted(p.name for p in tmp_path.iterdir()) == [".kb.db.lock", "kb.db"]
