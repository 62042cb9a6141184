"""An incremental build equals a full build: fact for fact, finding for finding, passage for passage.

The corpus KB built in full (the `built_db` fixture) is brought up to date after one report
changed and one was removed, and compared with a full build of those files; then the files
are put back and the KB brought up to date again, which must give the first KB back.
"""
from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import numpy as np

from api.build import build_kb

# columns that say when or where a report was read, not what the KB holds
VOLATILE = {"path", "ingested_at"}
TABLES = ("documents", "blocks", "tables", "footnotes", "facts", "findings", "measures", "chunks", "build_inputs",
          "index_blobs")


def dump(db: Path) -> dict[str, list[tuple]]:
    conn = sqlite3.connect(db)
    try:
        out = {}
        for table in TABLES:
            cols = [r[1] for r in conn.execute(f"PRAGMA table_info({table})") if r[1] not in VOLATILE]
            out[table] = sorted(conn.execute(f"SELECT {', '.join(cols)} FROM {table}").fetchall(), key=repr)
        out["index_meta"] = sorted(conn.execute("SELECT key, value FROM index_meta WHERE key != 'faiss'").fetchall())
        return out
    finally:
        conn.close()


def assert_same_kb(a: Path, b: Path) -> None:
    left, right = dump(a), dump(b)
    for table in left:
        assert left[table] == right[table], f"table {table} differs"


def test_incremental_build_equals_a_full_build(built_db, corpus_dir, tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(corpus_dir, corpus)
    kb = tmp_path / "kb.db"
    shutil.copyfile(built_db, kb)

    # one report's figure changes, one report is withdrawn
    changed = corpus / "af-fk-aterrapport-2019.txt"
    text = changed.read_text(encoding="utf-8")
    assert "8 662" in text
    changed.write_text(text.replace("8 662", "8 672", 1), encoding="utf-8")
    withdrawn = corpus / "af-fk-aterrapport-2020-sammanfattning.txt"
    kept_copy = tmp_path / withdrawn.name
    shutil.move(withdrawn, kept_copy)

    report = build_kb([corpus], kb, with_dense=False)
    assert report.incremental
    assert report.extracted == ["af-fk-2019"] and len(report.removed) == 1
    assert sorted(report.reused) == sorted(set(report.documents) - {"af-fk-2019"})
    full = tmp_path / "full.db"
    full_report = build_kb([corpus], full, with_dense=False)
    assert not full_report.incremental
    assert_same_kb(kb, full)
    conn = sqlite3.connect(kb)
    assert conn.execute("SELECT count(*) FROM facts WHERE printed = '8 672'").fetchone()[0] >= 1

    # and back: the withdrawn report returns and the figure is restored
    shutil.move(kept_copy, withdrawn)
    changed.write_text(text, encoding="utf-8")
    back = build_kb([corpus], kb, with_dense=False)
    assert sorted(back.extracted) == sorted(["af-fk-2019", report.removed[0]])
    assert_same_kb(kb, built_db)


def test_nothing_changed_reads_nothing(built_db, corpus_dir, tmp_path):
    kb = tmp_path / "kb.db"
    shutil.copyfile(built_db, kb)
    report = build_kb([corpus_dir], kb, with_dense=False)
    assert report.incremental and report.extracted == [] and report.removed == []
    assert_same_kb(kb, built_db)


def test_full_flag_and_other_code_rebuild_everything(corpus_dir, tmp_path):
    folder = tmp_path / "one"
    folder.mkdir()
    shutil.copyfile(corpus_dir / "af-fk-aterrapport-2020-sammanfattning.txt", folder / "rapport.txt")
    kb = tmp_path / "kb.db"
    assert not build_kb([folder], kb, with_dense=False).incremental
    assert build_kb([folder], kb, with_dense=False).extracted == []
    assert build_kb([folder], kb, with_dense=False, full=True).extracted == ["rapport"]
    # a KB whose facts another version of the extractor found is extracted anew
    conn = sqlite3.connect(kb)
    conn.execute("UPDATE kb_meta SET value = 'older code' WHERE key = 'pipeline_fingerprint'")
    conn.commit()
    conn.close()
    report = build_kb([folder], kb, with_dense=False)
    assert not report.incremental and report.extracted == ["rapport"]


class CountingEmbedder:
    """Deterministic vectors from the text, counting what it is asked to embed."""

    name = "counting-test-model"
    backend = "test"
    dim = 8

    def __init__(self):
        self.embedded: list[str] = []

    def encode_passages(self, texts):
        self.embedded.extend(texts)
        out = np.array([[float((hash(t) >> i) & 0xFF) + 1 for i in range(8)] for t in texts], dtype=np.float32)
        return out / np.linalg.norm(out, axis=1, keepdims=True)

    encode_queries = encode_passages


def test_vectors_come_from_the_cache_and_only_new_text_is_embedded(corpus_docs):
    from api.search.index import build_index

    docs = list(corpus_docs.values())
    cache: dict = {}
    first = CountingEmbedder()
    whole = build_index(docs, first, vector_cache=cache)
    assert len(first.embedded) == len(set(first.embedded)) == len(cache)  # each distinct text once
    again = CountingEmbedder()
    rebuilt = build_index(docs, again, vector_cache=cache)
    assert again.embedded == []
    n = whole.vectors.ntotal
    assert np.array_equal(whole.vectors.reconstruct_n(0, n), rebuilt.vectors.reconstruct_n(0, n))
    smaller = dict(cache)
    for key in list(smaller)[:3]:
        del smaller[key]
    third = CountingEmbedder()
    build_index(docs, third, vector_cache=smaller)
    assert len(third.embedded) == 3
