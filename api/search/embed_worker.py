"""Passage vectors made in a worker process while the build extracts facts.

The two stages of a build that take time need different things: fact extraction is Python
and spaCy on one core, embedding is torch, which can use every core. Run one after the
other, each leaves a core idle. So the build hands the passages to a worker process right
after reading the reports: the worker loads the model (5 s of imports that the facts no
longer wait for) and embeds on one thread while the facts are extracted, then on every
thread once the build has nothing left to do but wait for it (`EmbeddingWorker.all_cores`).

The worker reads the previous KB's vector cache itself (read-only), under the key of the
engine it loaded, and embeds only the passages that cache lacks; it sends back those vectors
and the engine's identity, and the build adds them to the cache as before. When every passage
is cached under the key the engine would have (embedder.expected_engine: a build that removed
a report or changed only its metadata), it answers without loading the model at all. They are the
vectors the build would have made itself (the same engine; cosine above 0.9999, as batches
are cut differently). If the worker fails, the build embeds in its own process as it did
before this worker existed (or, when the model cannot load at all, indexes lexically alone).

Threads wait for each other in torch's OpenMP runtime by spinning; on a machine whose cores
are shared with other work a spinning thread burns the time its partner needs (measured:
3.7 times the CPU time for the same passages at a load average of 3). The worker is started
with OMP_WAIT_POLICY=PASSIVE unless the caller set it, so idle threads sleep instead.
"""
from __future__ import annotations

import gc
import os
import subprocess
import sys
import time
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path
from typing import NoReturn, Optional

import numpy as np

SLICE = 64  # passages encoded between two looks at the build's messages
WAIT_POLICY = {"OMP_WAIT_POLICY": "PASSIVE"}
ALL_CORES = "all cores"  # the build's message once it has nothing left to do but wait


@dataclass
class Embedded:
    """What the worker sends back: the engine it used and the vectors the cache lacked."""

    name: str
    backend: str
    dim: int
    cache_key: str
    precision: str
    vectors: dict[str, np.ndarray] = field(default_factory=dict)  # passage_key(text) -> vector
    cached: int = 0  # passages the previous KB already had vectors for
    seconds: dict[str, float] = field(default_factory=dict)  # load, embed (in the worker)


class WorkerFailed(RuntimeError):
    """The worker could not load the model or embed; the build falls back to its own process."""

    def __init__(self, message: str, unavailable: bool = False):
        super().__init__(message)
        self.unavailable = unavailable  # no backend could load the model (EmbedderUnavailable)


class WorkerEmbedder:
    """The worker's engine as the index sees it: its identity, with the vectors already made.

    A passage the worker did not embed (none, unless the KB changed under it) is embedded by
    loading the same engine here; a different engine would mix vectors, so that is refused."""

    def __init__(self, done: Embedded, model_path: Optional[str] = None):
        self.name, self.backend, self.dim = done.name, done.backend, done.dim
        self.cache_key, self.precision = done.cache_key, done.precision
        self.model_path = model_path
        self._local = None

    def _embedder(self):
        if self._local is None:
            from .embedder import load_embedder, vector_cache_key

            local = load_embedder(self.model_path)
            if vector_cache_key(local) != self.cache_key:
                raise WorkerFailed(f"the worker embedded with {self.cache_key}, this process loads {vector_cache_key(local)}")
            self._local = local
        return self._local

    def encode_passages(self, texts: list[str]) -> np.ndarray:
        return self._embedder().encode_passages(texts) if texts else np.zeros((0, self.dim), np.float32)

    def encode_queries(self, texts: list[str]) -> np.ndarray:
        return self._embedder().encode_queries(texts) if texts else np.zeros((0, self.dim), np.float32)


def cached_keys(kb: Optional[str], cache_key: str) -> set[str]:
    """The passage keys a KB file holds vectors for under `cache_key` (none when there is no KB)."""
    return _cached(kb, cache_key)[0]


def _cached(kb: Optional[str], cache_key: str) -> tuple[set[str], Optional[int]]:
    """(the passage keys a KB file holds vectors for under `cache_key`, their length)."""
    if not kb or not Path(kb).is_file():
        return set(), None
    from ingest.store import open_kb_readonly

    from .index import vector_cache_dim, vector_cache_keys

    try:
        conn = open_kb_readonly(kb)
    except FileNotFoundError:
        return set(), None
    try:
        return vector_cache_keys(conn, cache_key), vector_cache_dim(conn, cache_key)
    finally:
        conn.close()


def embed_missing(embedder, texts: list[str], skip: set[str], on_slice=lambda: None) -> dict[str, np.ndarray]:
    """Vectors of the distinct `texts` whose passage_key is not in `skip`, longest first in
    slices of SLICE (similar lengths share a batch, so little of a batch is padding)."""
    from .index import passage_key

    todo: dict[str, str] = {}
    for text in texts:
        key = passage_key(text)
        if key not in skip:
            todo.setdefault(key, text)
    order = sorted(todo, key=lambda k: -len(todo[k]))
    out: dict[str, np.ndarray] = {}
    for start in range(0, len(order), SLICE):
        on_slice()
        keys = order[start:start + SLICE]
        for key, vector in zip(keys, embedder.encode_passages([todo[k] for k in keys])):
            out[key] = np.asarray(vector, dtype=np.float32)
    return out


def serve(requests: Connection, answers: Connection) -> None:
    """The worker process: read the request, load, embed what the cache lacks, answer.

    The build's messages are the request and then, once it waits, "all cores"; a closed pipe
    means the build ended (killed, or failed): then nobody will read the vectors."""
    try:
        request = requests.recv()
        # the build's garbage collection thresholds (api.build.fewer_collections): importing torch and
        # transformers makes as many long-lived objects as the build's dictionaries
        gc.set_threshold(*request.get("gc_thresholds", gc.get_threshold()))
        import torch

        all_threads = torch.get_num_threads()
        torch.set_num_threads(1)  # the build extracts facts on the other core meanwhile
        t = time.perf_counter()
        from .embedder import expected_engine, load_embedder, vector_cache_key
        from .index import passage_key

        texts = request["texts"]
        expected = expected_engine(request["model_path"])
        if expected is not None:  # every passage cached under the engine's key: no model to load
            name, backend, precision, key = expected
            skip, dim = _cached(request["kb"], key)
            if dim and {passage_key(text) for text in texts} <= skip:
                answers.send(("ok", {"name": name, "backend": backend, "dim": dim, "cache_key": key,
                                     "precision": precision, "vectors": {}, "cached": len(set(texts)),
                                     "seconds": {"load": 0.0, "embed": 0.0}}))
                return
        embedder = load_embedder(request["model_path"])
        loaded = time.perf_counter() - t
        key = vector_cache_key(embedder)
        skip = cached_keys(request["kb"], key)
        widened = False

        def on_slice() -> None:
            nonlocal widened
            while requests.poll():
                try:
                    message = requests.recv()
                except EOFError:
                    os._exit(1)
                if message == ALL_CORES and not widened:
                    torch.set_num_threads(all_threads)
                    widened = True

        t = time.perf_counter()
        vectors = embed_missing(embedder, texts, skip, on_slice)
        answers.send(("ok", {
            "name": embedder.name, "backend": embedder.backend, "dim": embedder.dim, "cache_key": key,
            "precision": getattr(embedder, "precision", embedder.backend), "vectors": vectors,
            "cached": len({passage_key(text) for text in texts} & skip),
            "seconds": {"load": loaded, "embed": time.perf_counter() - t},
        }))
    except BaseException as exc:  # noqa: BLE001 - everything goes back to the build, which falls back
        answers.send(("error", (type(exc).__name__, f"{type(exc).__name__}: {exc}")))


class EmbeddingWorker:
    """Embeds `texts` in a process of its own; `result()` waits for it.

        worker = EmbeddingWorker(texts, model_path, kb).start()
        ...                       # extract facts meanwhile
        worker.all_cores()        # nothing else to do: let it use every core
        embedded = worker.result()

    The process is a new interpreter that runs `main` of this module, not a multiprocessing
    child: those import the caller's main script again, and a script that calls build_kb
    without an `if __name__ == "__main__"` guard would build again in the child and wait
    forever for the KB's writer lock, which the build holds.
    """

    def __init__(self, texts: list[str], model_path: Optional[str] = None, kb: Optional[str | Path] = None):
        self.request = {"texts": list(texts), "model_path": None if model_path is None else str(model_path),
                        "kb": None if kb is None else str(kb), "gc_thresholds": gc.get_threshold()}
        self._process: Optional[subprocess.Popen] = None
        self._requests: Optional[Connection] = None
        self._answers: Optional[Connection] = None
        self._answered = False

    def start(self) -> "EmbeddingWorker":
        child_reads, parent_writes = os.pipe()
        parent_reads, child_writes = os.pipe()
        root = str(Path(__file__).resolve().parents[2])  # the folder that holds this api package
        code = f"import sys; sys.path.insert(0, {root!r}); from {__name__} import main; sys.exit(main(sys.argv[1:]))"
        try:
            self._process = subprocess.Popen(
                [sys.executable, "-c", code, str(child_reads), str(child_writes)], env={**WAIT_POLICY, **os.environ},
                pass_fds=(child_reads, child_writes), stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL)
        except BaseException:
            os.close(parent_reads)
            os.close(parent_writes)
            raise
        finally:
            os.close(child_reads)  # the child holds its ends; EOF on ours then means it ended
            os.close(child_writes)
        self._requests = Connection(parent_writes, readable=False)
        self._answers = Connection(parent_reads, writable=False)
        self._requests.send(self.request)
        return self

    def all_cores(self) -> None:
        try:
            self._requests.send(ALL_CORES)
        except (OSError, ValueError):  # it has already ended; result() says how
            pass

    def result(self) -> Embedded:
        """The worker's vectors; raises WorkerFailed when it could not make them."""
        self.all_cores()
        try:
            status, payload = self._answers.recv()
            self._answered = True
        except (EOFError, OSError) as exc:
            raise WorkerFailed(f"the embedding worker ended without an answer (exit code {self._process.poll()})") from exc
        finally:
            self.close()
        if status != "ok":
            kind, message = payload
            raise WorkerFailed(message, unavailable=kind == "EmbedderUnavailable")
        return Embedded(**payload)

    def close(self) -> None:
        """End the worker: it has answered and exits, or the build failed or was interrupted
        and nobody will read its vectors (it writes nothing, so it is simply stopped)."""
        for conn in (self._requests, self._answers):
            if conn is not None and not conn.closed:
                conn.close()
        if self._process is None or self._process.poll() is not None:
            return
        if not self._answered:
            self._process.kill()
        try:
            self._process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()


def main(argv: list[str]) -> NoReturn:
    """The process EmbeddingWorker starts: argv holds the file descriptors of its two pipes."""
    requests, answers = Connection(int(argv[0]), writable=False), Connection(int(argv[1]), readable=False)
    serve(requests, answers)
    # The answer is sent and nothing else is written: end here rather than let the interpreter
    # free the model and torch object by object (2 to 3 s, which the build waited for).
    answers.close()
    os._exit(0)


__all__ = ["Embedded", "EmbeddingWorker", "WorkerEmbedder", "WorkerFailed", "cached_keys", "embed_missing"]
