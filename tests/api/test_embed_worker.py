"""Passages embedded in a worker process beside fact extraction (api.search.embed_worker), and
the vector cache keyed by engine: a build never mixes vectors of two engines."""
from __future__ import annotations

import sqlite3
from pathlib import Path

import numpy as np
import pytest

import api.search.embedder
from api.build import build_kb
from api.search.embed_worker import Embedded, EmbeddingWorker, WorkerEmbedder, WorkerFailed, cached_keys, embed_missing
from api.search.embedder import E5_NAME, expected_engine, load_embedder, vector_cache_key
from api.search.index import passage_key, save_vector_cache

TEXTS = [
    "Under 2019 genomfördes 8 662 gemensamma kartläggningar, varav 62 procent för kvinnor.",
    "Omställningsmöten",
    "Försäkringskassan och Arbetsförmedlingen har tillsammans ansvar för återgången i arbete.",
    "Omställningsmöten",  # the same passage twice is embedded once
    "Tabell 3. Antal personer med aktivitetsersättning som deltog i förberedande insatser",
]


class Recording:
    """Deterministic vectors, remembering each batch it was given."""

    name, backend, dim = "recording-test-model", "test", 4

    def __init__(self, cache_key: str = "recording-test-model"):
        self.cache_key = cache_key
        self.batches: list[list[str]] = []

    def encode_passages(self, texts):
        self.batches.append(list(texts))
        out = np.array([[len(t), t.count(" ") + 1, sum(map(ord, t)) % 97 + 1, 1.0] for t in texts], np.float32)
        return out / np.linalg.norm(out, axis=1, keepdims=True)

    encode_queries = encode_passages


def test_embed_missing_embeds_each_new_text_once_longest_first(monkeypatch):
    import api.search.embed_worker as worker

    monkeypatch.setattr(worker, "SLICE", 2)
    embedder = Recording()
    vectors = embed_missing(embedder, TEXTS, skip={passage_key(TEXTS[2])})
    assert set(vectors) == {passage_key(t) for t in TEXTS} - {passage_key(TEXTS[2])}
    assert [len(b) for b in embedder.batches] == [2, 1]
    done = [t for b in embedder.batches for t in b]
    assert done == sorted({TEXTS[0], TEXTS[1], TEXTS[4]}, key=len, reverse=True)
    assert all(v.dtype == np.float32 for v in vectors.values())


def kb_with_vectors(path: Path, key: str, texts: list[str], vectors: np.ndarray) -> Path:
    conn = sqlite3.connect(path)
    save_vector_cache(conn, key, {passage_key(t): v for t, v in zip(texts, vectors)}, [passage_key(t) for t in texts])
    conn.commit()
    conn.close()
    return path


def test_cached_keys_are_read_per_engine(tmp_path):
    kb = kb_with_vectors(tmp_path / "kb.db", "m+bfloat16", TEXTS[:2], np.ones((2, 4), np.float32))
    assert cached_keys(str(kb), "m+bfloat16") == {passage_key(TEXTS[0]), passage_key(TEXTS[1])}
    assert cached_keys(str(kb), "m") == set()  # float32's vectors are not bfloat16's
    assert cached_keys(str(tmp_path / "none.db"), "m") == set()
    assert cached_keys(None, "m") == set()


def test_worker_loads_no_model_when_every_passage_is_cached(tmp_path):
    """A build that only removed a report, or changed what no passage reads, embeds nothing: the
    worker tells the engine's key without loading it and finds every passage cached."""
    key = vector_cache_key(load_embedder())  # (converts the default model where that is still to do)
    name, backend, precision, expected_key = expected_engine()
    assert (name, expected_key) == (E5_NAME, key)
    kb = kb_with_vectors(tmp_path / "kb.db", key, TEXTS, np.ones((len(TEXTS), 384), np.float32))
    done = EmbeddingWorker(TEXTS, kb=kb).start().result()
    assert (done.vectors, done.seconds["load"], done.cache_key, done.dim) == ({}, 0.0, key, 384)
    assert done.cached == len(set(TEXTS))
    # one passage the KB lacks: the model is loaded after all, and embeds that one
    done = EmbeddingWorker(TEXTS + ["Ett nytt stycke."], kb=kb).start().result()
    assert list(done.vectors) == [passage_key("Ett nytt stycke.")] and done.seconds["load"] > 0


def test_worker_gives_the_vectors_of_the_engine_in_this_process(tmp_path):
    """The real model, in a spawned process: the vectors the build would have made itself, only
    for the passages the previous KB lacks, under the engine's own cache key."""
    here = load_embedder()
    key = api.search.embedder.vector_cache_key(here)
    kb = kb_with_vectors(tmp_path / "kb.db", key, TEXTS[2:3], here.encode_passages(TEXTS[2:3]))
    done = EmbeddingWorker(TEXTS, kb=kb).start().result()
    assert (done.name, done.cache_key, done.dim, done.cached) == (E5_NAME, key, 384, 1)
    expected = {passage_key(t): v for t, v in zip(TEXTS, here.encode_passages(TEXTS))}
    assert set(done.vectors) == set(expected) - {passage_key(TEXTS[2])}
    for k, v in done.vectors.items():
        assert float(v @ expected[k]) > 0.9999
    assert done.seconds["load"] > 0 and done.seconds["embed"] > 0


def test_a_passage_the_worker_left_is_embedded_here_by_the_same_engine_only():
    here = load_embedder()
    key = api.search.embedder.vector_cache_key(here)
    same = WorkerEmbedder(Embedded(E5_NAME, here.backend, 384, key, "any"))
    assert float(same.encode_passages(TEXTS[:1])[0] @ here.encode_passages(TEXTS[:1])[0]) > 0.9999
    other = WorkerEmbedder(Embedded(E5_NAME, here.backend, 384, key + "+another-engine", "any"))
    with pytest.raises(WorkerFailed, match="another-engine"):
        other.encode_passages(TEXTS[:1])
    assert other.encode_passages([]).shape == (0, 384)


def test_worker_that_cannot_load_the_model_says_so(tmp_path):
    broken = tmp_path / "model"
    broken.mkdir()
    (broken / "config.json").write_text("{not json")  # someone else's folder, unreadable
    with pytest.raises(WorkerFailed) as failed:
        EmbeddingWorker(TEXTS, model_path=str(broken)).start().result()
    assert failed.value.unavailable and "EmbedderUnavailable" in str(failed.value)


def report(folder: Path) -> Path:
    folder.mkdir(exist_ok=True)
    path = folder / "rapport.md"
    path.write_text(
        "# Återrapport 2022\n\n## Kartläggningar\n\n"
        "Under 2022 genomfördes 8 662 gemensamma kartläggningar, varav 62 procent för kvinnor.\n\n"
        "## Omställningsmöten\n\nAntalet omställningsmöten ökade till 4 647 under 2022.\n",
        encoding="utf-8",
    )
    return path


def stored_vectors(kb: Path) -> dict[str, dict[str, bytes]]:
    conn = sqlite3.connect(kb)
    out: dict[str, dict[str, bytes]] = {}
    for model, h, v in conn.execute("SELECT model, text_hash, vector FROM passage_vectors"):
        out.setdefault(model, {})[h] = v
    conn.close()
    return out


def test_a_new_engine_never_reuses_another_engines_vectors(tmp_path, monkeypatch):
    folder = tmp_path / "corpus"
    report(folder)
    kb = tmp_path / "kb.db"
    engines = {"float32": Recording("m"), "bfloat16": Recording("m+bfloat16")}
    chosen = ["float32"]
    monkeypatch.setattr(api.search.embedder, "load_embedder", lambda *a, **k: engines[chosen[0]])

    first = build_kb([folder], kb)
    assert first.embedded == first.chunks > 0
    assert list(stored_vectors(kb)) == ["m"]
    chosen[0] = "bfloat16"  # the same model, computed otherwise: every passage is embedded anew
    second = build_kb([folder], kb)
    assert second.incremental and second.embedded == first.embedded
    assert list(stored_vectors(kb)) == ["m+bfloat16"]  # and the old engine's vectors are gone
    third = build_kb([folder], kb, full=True)
    assert third.embedded == 0  # the same engine again: all from the cache
    assert sum(len(b) for b in engines["bfloat16"].batches) == first.embedded


def test_build_with_a_worker_stores_what_a_build_without_one_does(tmp_path):
    """jobs=2 embeds in the worker during fact extraction; jobs=1 in the build's own process."""
    folder = tmp_path / "corpus"
    report(folder)
    beside = build_kb([folder], tmp_path / "beside.db", jobs=2)
    after = build_kb([folder], tmp_path / "after.db", jobs=1)
    assert beside.dense and after.dense and beside.embedded == after.embedded == beside.chunks
    assert "embed" in beside.seconds and "embed" not in after.seconds
    left, right = stored_vectors(tmp_path / "beside.db"), stored_vectors(tmp_path / "after.db")
    assert list(left) == list(right) and len(left) == 1
    (key,) = left
    assert set(left[key]) == set(right[key])
    for h in left[key]:
        a, b = np.frombuffer(left[key][h], np.float32), np.frombuffer(right[key][h], np.float32)
        assert float(a @ b) > 0.9999
    again = build_kb([folder], tmp_path / "beside.db", jobs=2, full=True)
    assert again.embedded == 0  # the worker read the KB's cache and had nothing to embed


def test_a_script_without_a_main_guard_builds(tmp_path):
    """The worker is a new interpreter, not a multiprocessing child that would import the
    caller's script again: such a child built the KB a second time and waited forever for
    the writer lock the first build held."""
    import subprocess
    import sys

    folder = tmp_path / "corpus"
    report(folder)
    root = Path(__file__).resolve().parents[2]
    script = tmp_path / "bygg.py"
    script.write_text(
        f"import sys\nsys.path.insert(0, {str(root)!r})\nfrom api.build import build_kb\n"
        f"r = build_kb([{str(folder)!r}], {str(tmp_path / 'kb.db')!r}, jobs=2)\n"
        "print(r.dense, r.embedded, 'embed' in r.seconds)\n",
        encoding="utf-8",
    )
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=300, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["True", "2", "True"]
