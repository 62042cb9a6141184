"""The knowledge base file: round trip, re-ingest without duplicates, atomic writes."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ingest import store
from ingest.reader import read_path


def test_round_trip_keeps_every_record(tmp_path: Path, corpus_docs):
    doc = corpus_docs["af-fk-2022"]
    with store.building(tmp_path / "kb.db") as conn:
        assert store.save_document(conn, doc) == "added"
    conn = store.open_kb(tmp_path / "kb.db")
    loaded = store.load_document(conn, "af-fk-2022")
    assert loaded.blocks == doc.blocks
    assert loaded.tables == doc.tables
    assert loaded.footnotes == doc.footnotes
    assert loaded.metadata == doc.metadata


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
    assert [p.name for p in tmp_path.iterdir()] == ["kb.db"]  # no temp file left


def test_open_missing_kb_says_what_to_do(tmp_path: Path):
    with pytest.raises(FileNotFoundError, match="rapportkoll build"):
        store.open_kb(tmp_path / "none.db")
