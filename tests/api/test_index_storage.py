"""Issue 17: the search index stored so it can grow, opened without rebuilding, exact up to a size
and approximate above it.

- api.search.blobs: arrays of any size in the KB as parts (SQLite caps one value at 1 GB);
- api.search.vectors: a flat index up to EXACT_UP_TO passages, FAISS IVF above, with its
  recall@10 against exact search on a clustered synthetic set;
- the KB stays one file written atomically: a build that fails while writing the index leaves
  the old KB, index included, as it was;
- a KB from before (index version 1, the FAISS index as one BLOB) still opens, says so, and
  the next build rewrites it.
"""
from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import numpy as np
import pytest

import api.search.vectors as vectors
from api.build import build_kb
from api.kb import load_search_index, open_readonly
from api.search import blobs
from api.search.index import INDEX_VERSION, index_chunks, load_index, save_index, top_k
from api.search.chunks import documents_to_chunks

from test_index import BagOfWordsEmbedder, report  # noqa: F401 - `report`: the example report (a fixture)


# --- arrays in parts ------------------------------------------------------------------------------
@pytest.mark.parametrize("array", [np.arange(1000, dtype=np.float32).reshape(250, 4), np.arange(7, dtype=np.int64),
                                   np.zeros((0, 384), np.float32), np.frombuffer("åäö\nord".encode(), np.uint8)])
def test_array_round_trip_in_parts(array):
    conn = sqlite3.connect(":memory:")
    parts = blobs.write_array(conn, "a", array, part_bytes=100)
    assert parts == max(1, -(-array.nbytes // 100))
    back = blobs.read_array(conn, "a")
    assert back.dtype == array.dtype and back.shape == array.shape and np.array_equal(back, array)
    blobs.write_array(conn, "a", array[:1], part_bytes=100)  # writing again replaces every part
    assert np.array_equal(blobs.read_array(conn, "a"), array[:1])


def test_missing_and_damaged_arrays():
    conn = sqlite3.connect(":memory:")
    assert blobs.read_array(conn, "faiss") is None  # no table yet: a KB from before
    blobs.write_array(conn, "v", np.arange(100, dtype=np.float32), part_bytes=64)
    assert blobs.read_array(conn, "other") is None
    conn.execute("DELETE FROM index_blobs WHERE part = 2")
    with pytest.raises(blobs.BlobDamaged, match="rapportkoll build --full"):
        blobs.read_array(conn, "v")


# --- top k without sorting everything --------------------------------------------------------------
def test_top_k_is_a_stable_sort_of_all():
    rng = np.random.default_rng(17)
    for _ in range(50):
        scores = rng.integers(0, 5, 400).astype(np.float32)  # many ties
        candidates = np.flatnonzero(rng.random(400) < 0.7)
        for k in (1, 5, 10):
            expected = candidates[np.argsort(-scores[candidates], kind="stable")[:k]]
            assert top_k(scores, candidates, k).tolist() == expected.tolist()


# --- exact up to a size, IVF above -------------------------------------------------------------------
def clustered(n: int, dim: int = 32, centres: int = 150, seed: int = 0) -> np.ndarray:
    """Normalised vectors around a number of centres, as passages gather around topics."""
    rng = np.random.default_rng(seed)
    c = rng.normal(size=(centres, dim))
    x = c[rng.integers(0, centres, n)] + 0.35 * rng.normal(size=(n, dim))
    return (x / np.linalg.norm(x, axis=1, keepdims=True)).astype(np.float32)


def test_flat_up_to_the_threshold_ivf_above():
    x = clustered(3000)
    assert vectors.kind(vectors.make_vector_index(x, exact_up_to=3000)) == "flat"
    ivf = vectors.make_vector_index(x, exact_up_to=2999)
    assert vectors.kind(ivf) == f"ivf{int(4 * 3000 ** 0.5)}" and not vectors.is_exact(ivf)


def test_ivf_recall_at_10_against_exact_search():
    x = clustered(8000)
    queries = clustered(200, seed=1)
    exact = vectors.make_vector_index(x, exact_up_to=len(x))
    ivf = vectors.make_vector_index(x, exact_up_to=1000)
    assert vectors.recall_at(exact, exact, queries) == 1.0
    assert vectors.recall_at(ivf, exact, queries) >= 0.95


def test_approximate_similarities_keep_the_nearest_and_the_median():
    x = clustered(6000)
    ivf = vectors.make_vector_index(x, exact_up_to=1000)
    q = clustered(1, seed=2)[0]
    exact = x @ q
    got = vectors.similarities(ivf, q, len(x), vectors.sample_for_median(x))
    nearest = np.argsort(-exact)[:10]
    assert np.allclose(got[nearest], exact[nearest], atol=1e-5)
    assert abs(np.median(got) - np.median(exact)) < 0.05  # the fusion's baseline, estimated from the sample
    assert np.argsort(-got, kind="stable")[:5].tolist() == nearest[:5].tolist()


def test_an_approximate_index_is_saved_and_opened_as_it_was(report, tmp_path, monkeypatch):  # noqa: F811
    monkeypatch.setattr(vectors, "EXACT_UP_TO", 2)  # the example reports' handful of passages, as IVF
    index = index_chunks(documents_to_chunks([report]), BagOfWordsEmbedder())
    assert not vectors.is_exact(index.vectors) and index.dense_sample is not None
    with sqlite3.connect(tmp_path / "kb.sqlite") as conn:
        save_index(conn, index)
        loaded = load_index(conn, BagOfWordsEmbedder())
    assert vectors.kind(loaded.vectors) == vectors.kind(index.vectors)
    assert (loaded.analyzer.known, loaded.analyzer.known_stems) == (index.analyzer.known, index.analyzer.known_stems)
    assert list(loaded.chunks) == index.chunks and loaded.chunks[-1] == index.chunks[-1]  # read when asked for
    assert np.array_equal(loaded.dense_sample, index.dense_sample)
    for mode in ("dense", "hybrid"):
        assert [p.id for p in loaded.search("omställningsmöten 2018", mode=mode)] == \
            [p.id for p in index.search("omställningsmöten 2018", mode=mode)]


# --- one file, written atomically; old KBs --------------------------------------------------------------
def write_report(path: Path, value: str = "1 633") -> Path:
    path.write_text(f"# Resultat\n\nUnder 2021 hölls {value} omställningsmöten.\n\nTabell 1 Omställningsmöten 2021\n\n"
                    "| Förmån | Antal |\n|---|---|\n| Sjukpenning | 1 200 |\n| Aktivitetsersättning | 433 |\n",
                    encoding="utf-8")
    return path


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_build_that_fails_while_writing_the_index_leaves_the_old_kb(tmp_path, monkeypatch):
    import api.search.index

    source = write_report(tmp_path / "rapport-2021.md")
    kb = tmp_path / "kb.db"
    build_kb([source], kb, with_dense=False)
    before = digest(kb)
    save_index = api.search.index.save_index

    def half_then_fail(conn, index):
        save_index(conn, index)  # every part written to the temporary KB ...
        raise KeyboardInterrupt  # ... and then Ctrl-C

    monkeypatch.setattr(api.search.index, "save_index", half_then_fail)
    write_report(source, "1 733")
    with pytest.raises(KeyboardInterrupt):
        build_kb([source], kb, with_dense=False)
    assert digest(kb) == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".kb.db.")) == [".kb.db.lock"]
    index, _ = load_search_index(open_readonly(kb))
    assert index.note == "" and index.search("omställningsmöten 2021", k=1, mode="lexical")


def as_version_1(kb: Path) -> None:
    """Rewrite a KB's index the way version 1 stored it: FAISS as one BLOB in index_meta, no arrays."""
    import faiss

    conn = sqlite3.connect(kb)
    stored = blobs.read_array(conn, "faiss")
    if stored is not None:
        conn.execute("INSERT INTO index_meta VALUES ('faiss', ?)", (sqlite3.Binary(stored.tobytes()),))
        assert faiss.deserialize_index(stored).ntotal > 0
    conn.execute("DROP TABLE index_blobs")
    conn.execute("UPDATE index_meta SET value = 1 WHERE key = 'version'")
    conn.commit()
    conn.close()


def test_a_version_1_kb_opens_with_a_note_and_the_next_build_rewrites_it(report, tmp_path):  # noqa: F811
    kb = tmp_path / "kb.sqlite"
    index = index_chunks(documents_to_chunks([report]), BagOfWordsEmbedder())
    with sqlite3.connect(kb) as conn:
        save_index(conn, index)
    as_version_1(kb)
    with sqlite3.connect(kb) as conn:
        old = load_index(conn, BagOfWordsEmbedder())
    assert "old format" in old.note and "rapportkoll build" in old.note
    for mode in ("lexical", "dense", "hybrid"):
        assert [(p.id, round(p.score, 5)) for p in old.search("omställningsmöten 2018", mode=mode)] == \
            [(p.id, round(p.score, 5)) for p in index.search("omställningsmöten 2018", mode=mode)]


def test_build_over_a_version_1_kb_writes_the_current_format(tmp_path):
    source = write_report(tmp_path / "rapport-2021.md")
    kb = tmp_path / "kb.db"
    build_kb([source], kb, with_dense=False)
    as_version_1(kb)
    assert "old format" in load_search_index(open_readonly(kb))[0].note
    again = build_kb([source], kb, with_dense=False)
    assert again.incremental and again.extracted == []  # nothing read again: only the index is rewritten
    conn = sqlite3.connect(kb)
    assert conn.execute("SELECT value FROM index_meta WHERE key = 'version'").fetchone()[0] == INDEX_VERSION
    assert conn.execute("SELECT count(*) FROM index_blobs WHERE name LIKE 'bm25.%'").fetchone()[0] == 5
    assert load_search_index(open_readonly(kb))[0].note == ""
