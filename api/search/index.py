"""The search index: chunks, a Swedish lexical index (BM25), dense vectors (FAISS), fusion.

Everything lives in the knowledge-base SQLite file (tables `chunks` and `index_meta`; the
FAISS index and the BM25 matrix as arrays in parts, api.search.blobs, so they grow past
SQLite's 1 GB value limit), so a rebuilt KB, index included, replaces the old one in a single
rename. Opening reads the stored BM25 matrix and FAISS index as they are (nothing is
re-analysed or rebuilt), and a passage's text only when a search returns it (StoredChunks).
Up to api.search.vectors.EXACT_UP_TO passages the vector index is exact (flat); above it,
FAISS IVF, asked for the nearest passages only. The dense half is optional: built without an
embedder, or opened without one (or with a different model than the vectors came from), the
index searches lexically and `Index.dense_note` says why.

Fusion (mode "hybrid"): BM25 and cosine scores are each scaled to [0, 1] by the best score
of the query and mixed as `DENSE_WEIGHT * dense + (1 - DENSE_WEIGHT) * lexical`. On
benchmarks/questions.yaml this finds a gold value in the top 5 for 0.96 of the questions,
against 0.87 lexical, 0.91 dense and 0.93 for reciprocal rank fusion (fusion="rrf", kept as
an option: it is best at rank 1, but it gives a lexical list that ranks a reworded
question's answer at 40 as much say as the dense list that ranks it first). Dense weights
from 0.5 to 0.7 score alike; see benchmarks/retrieval_results.md.
"""
from __future__ import annotations

import hashlib
import json
import sqlite3
import threading
from collections import OrderedDict
from dataclasses import dataclass, field, replace
from typing import Collection, Iterable, Iterator, Optional, Sequence

import numpy as np

from ingest.records import Document

from ..records import Passage
from . import blobs, vectors as vector_index
from .analysis import ANALYZER_VERSION, Analyzer, analyzer_code
from .bm25 import BM25
from .chunks import Chunk, documents_to_chunks
from .embedder import Embedder

SEARCH_MODES = ("hybrid", "lexical", "dense")
FUSIONS = ("weighted", "rrf")
# 2: the FAISS index and the BM25 matrix as arrays in parts (index_blobs); 1 kept them as one
# BLOB in index_meta and rebuilt BM25 at every open. A version-1 KB is still read (see load_index).
INDEX_VERSION = 2
READABLE_VERSIONS = (1, 2)
DENSE_WEIGHT = 0.7  # share of the dense score in hybrid fusion; see benchmarks/retrieval_results.md
RRF_K = 60  # the constant of Cormack et al. (2009)
CANDIDATES = 100  # how deep each list is read for fusion
QUERY_CACHE = 256  # query vectors kept, so a repeated query skips the model

SCHEMA = """
CREATE TABLE IF NOT EXISTS chunks (
    ord INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, doc TEXT NOT NULL, source_file TEXT, kind TEXT,
    text TEXT, search_text TEXT, section TEXT, page INTEGER, page_label TEXT, line INTEGER,
    blocks TEXT, table_id TEXT, row INTEGER, terms TEXT
);
CREATE INDEX IF NOT EXISTS chunks_doc ON chunks(doc);
CREATE TABLE IF NOT EXISTS index_meta (key TEXT PRIMARY KEY, value);
"""


class IndexMissing(LookupError):
    """The knowledge base has no search index (built with --no-index, or too old)."""


class DenseUnavailable(ValueError):
    """Dense search was asked for, but there are no vectors or no matching model."""


@dataclass
class Index:
    chunks: Sequence[Chunk]  # a list when built, StoredChunks when opened from a KB
    analyzer: Analyzer
    bm25: BM25
    vectors: Optional[object] = None  # a FAISS index over normalised chunk vectors (api.search.vectors)
    model: Optional[str] = None  # Embedder.name the vectors were made with
    embedder: Optional[Embedder] = None  # encodes queries; None means lexical only
    dense_weight: float = DENSE_WEIGHT
    fusion: str = "weighted"
    terms: list[list[str]] = field(default_factory=list, repr=False)  # analysed terms per chunk, as stored
    dense_sample: Optional[np.ndarray] = field(default=None, repr=False)  # for an approximate index's median
    note: str = ""  # something the user should do about this index (an old format), else ""
    _query_vectors: OrderedDict = field(default_factory=OrderedDict, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self.fusion not in FUSIONS:
            raise ValueError(f"fusion must be one of {', '.join(FUSIONS)}, not {self.fusion!r}")
        if not 0.0 <= self.dense_weight <= 1.0:
            raise ValueError(f"dense_weight must be between 0 and 1, not {self.dense_weight}")

    # --- what can be searched -------------------------------------------------------------
    @property
    def dense_note(self) -> str:
        """Why dense search is off ("" when it is on)."""
        if self.vectors is None:
            return "the index was built without dense vectors (lexical search only)"
        if self.embedder is None:
            return "no embedding model is loaded (lexical search only)"
        if self.embedder.name != self.model:
            return f"the vectors are from {self.model}, the loaded model is {self.embedder.name} (lexical search only)"
        return ""

    @property
    def dense_available(self) -> bool:
        return not self.dense_note

    def with_embedder(self, embedder: Optional[Embedder]) -> "Index":
        """The same index, answering dense queries with `embedder`."""
        return replace(self, embedder=embedder, _query_vectors=OrderedDict(), _lock=threading.Lock())

    def resolve_mode(self, mode: str) -> str:
        """The mode a search will really run in: hybrid falls back to lexical without vectors."""
        if mode not in SEARCH_MODES:
            raise ValueError(f"mode must be one of {', '.join(SEARCH_MODES)}, not {mode!r}")
        if mode == "dense" and not self.dense_available:
            raise DenseUnavailable(f"dense search is unavailable: {self.dense_note}")
        if mode == "hybrid" and not self.dense_available:
            return "lexical"
        return mode

    def describe(self) -> dict:
        return {
            "chunks": len(self.chunks),
            "lexical": True,
            "dense": self.dense_available,
            "model": self.model,
            "dense_note": self.dense_note,
            "fusion": self.fusion,
            "dense_weight": self.dense_weight,
        }

    # --- scores ---------------------------------------------------------------------------
    def lexical_scores(self, query: str) -> np.ndarray:
        return self.bm25.scores(self.analyzer.query_terms(query))

    def query_vector(self, query: str) -> np.ndarray:
        """The query's vector, from a small LRU cache (the HTTP server calls this from several threads)."""
        with self._lock:
            cached = self._query_vectors.get(query)
            if cached is not None:
                self._query_vectors.move_to_end(query)
                return cached
        vector = self.embedder.encode_queries([query])[0]
        with self._lock:
            self._query_vectors[query] = vector
            if len(self._query_vectors) > QUERY_CACHE:
                self._query_vectors.popitem(last=False)
        return vector

    def dense_scores(self, query: str) -> np.ndarray:
        """Cosine similarity of the query with every chunk (vectors are normalised): exact for a
        flat index; from the nearest DENSE_DEPTH for an approximate one (api.search.vectors)."""
        return vector_index.similarities(self.vectors, self.query_vector(query), len(self.chunks), self.dense_sample)

    def hybrid_scores(self, query: str) -> np.ndarray:
        lexical, dense = self.lexical_scores(query), self.dense_scores(query)
        if self.fusion == "rrf":
            return rrf([lexical, dense], k=RRF_K, depth=CANDIDATES)
        return weighted_fusion(lexical, dense, self.dense_weight)

    def scores(self, query: str, mode: str = "hybrid") -> np.ndarray:
        mode = self.resolve_mode(mode)
        if mode == "lexical":
            return self.lexical_scores(query)
        if mode == "dense":
            return self.dense_scores(query)
        return self.hybrid_scores(query)

    # --- search ---------------------------------------------------------------------------
    def search(self, query: str, k: int = 5, mode: str = "hybrid",
               docs: Optional[Collection[str]] = None, kinds: Optional[Collection[str]] = None) -> list[Passage]:
        """The k best passages for `query`, best first; optionally only from `docs` / of `kinds`.

        A lexical search returns only passages that share a term with the query, so a query
        of unknown words gets no passages rather than arbitrary ones.
        """
        if k < 1:
            raise ValueError(f"k must be at least 1, not {k}")
        effective = self.resolve_mode(mode)
        if not self.chunks or not query.strip():
            return []
        scores = self.scores(query, effective)
        keep = np.ones(len(self.chunks), bool)
        if docs is not None:
            keep &= self._member(self._docs, docs)
        if kinds is not None:
            keep &= self._member(self._kinds, kinds)
        if effective == "lexical":
            keep &= scores > 0
        candidates = np.flatnonzero(keep)
        if candidates.size == 0:
            return []
        top = top_k(scores, candidates, k)
        return [self.chunks[i].to_passage(float(scores[i])) for i in top]

    # each chunk's document and kind as codes, made on the first filtered search
    @staticmethod
    def _member(coded: tuple[np.ndarray, dict[str, int]], wanted: Collection[str]) -> np.ndarray:
        codes, names = coded
        return np.isin(codes, [names[w] for w in wanted if w in names])

    @property
    def _docs(self) -> tuple[np.ndarray, dict[str, int]]:
        if "_doc_codes" not in self.__dict__:
            self.__dict__["_doc_codes"] = _coded(self._column("doc"))
        return self.__dict__["_doc_codes"]

    @property
    def _kinds(self) -> tuple[np.ndarray, dict[str, int]]:
        if "_kind_codes" not in self.__dict__:
            self.__dict__["_kind_codes"] = _coded(self._column("kind"))
        return self.__dict__["_kind_codes"]

    def _column(self, name: str) -> Iterable[str]:
        column = getattr(self.chunks, "column", None)
        return column(name) if column else (getattr(c, name) for c in self.chunks)


def _coded(values: Iterable[str]) -> tuple[np.ndarray, dict[str, int]]:
    names: dict[str, int] = {}
    codes = np.fromiter((names.setdefault(v, len(names)) for v in values), np.int32)
    return codes, names


def top_k(scores: np.ndarray, candidates: np.ndarray, k: int) -> np.ndarray:
    """The k best `candidates` by score, best first, ties in index order: the same as a stable
    sort of them all, without sorting all of a large collection."""
    if candidates.size > 8 * k:
        values = scores[candidates]
        kth = np.partition(values, values.size - k)[values.size - k]  # the k-th best score
        candidates = candidates[values >= kth]  # all that can be among the k, still in index order
    return candidates[np.argsort(-scores[candidates], kind="stable")[:k]]


def _scaled(scores: np.ndarray) -> np.ndarray:
    """Scores divided by the best one; a query with no positive score gives zeros."""
    best = float(scores.max()) if scores.size else 0.0
    return scores / best if best > 0 else np.zeros_like(scores)


def weighted_fusion(lexical: np.ndarray, dense: np.ndarray, dense_weight: float) -> np.ndarray:
    """Each list scaled by its best score, then mixed.

    Cosine similarities of e5 sit in a narrow band (about 0.75-0.9), so the dense list is
    first shifted to start at its median: what counts is how far a chunk stands out.
    """
    shifted = np.clip(dense - np.median(dense), 0, None)
    return dense_weight * _scaled(shifted) + (1 - dense_weight) * _scaled(lexical)


def rrf(lists: Iterable[np.ndarray], k: int = RRF_K, depth: int = CANDIDATES) -> np.ndarray:
    """Reciprocal rank fusion over the top `depth` of each score list."""
    lists = list(lists)
    out = np.zeros(len(lists[0]), np.float32)
    for scores in lists:
        order = np.argsort(-scores, kind="stable")[:depth]
        order = order[scores[order] > (0 if scores.min() >= 0 else -np.inf)]
        out[order] += 1.0 / (k + 1 + np.arange(order.size))
    return out


# --- building ---------------------------------------------------------------------------------
def build_index(docs: Iterable[Document], embedder: Optional[Embedder] = None,
                vector_cache: Optional[dict[str, np.ndarray]] = None) -> Index:
    """Chunk the documents and index them lexically, and densely when given an embedder.

    `vector_cache` maps passage_key(text) -> vector for the embedder's model: passages found
    there are not embedded again (an incremental build embeds only new text), and every
    vector embedded here is added to it."""
    chunks = documents_to_chunks(docs)
    return index_chunks(chunks, embedder, vector_cache=vector_cache)


def index_chunks(chunks: list[Chunk], embedder: Optional[Embedder] = None,
                 terms: Optional[list[list[str]]] = None, analyzer: Optional[Analyzer] = None,
                 vector_cache: Optional[dict[str, np.ndarray]] = None) -> Index:
    analyzer = analyzer or Analyzer.from_texts(c.search_text for c in chunks)
    terms = terms if terms is not None else [analyzer.terms(c.search_text) for c in chunks]
    bm25 = BM25.build(terms)
    vectors, model, sample = None, None, None
    if embedder is not None and chunks:
        embedded = embed_passages(embedder, [c.search_text for c in chunks], vector_cache)
        vectors = vector_index.make_vector_index(embedded)
        sample = None if vector_index.is_exact(vectors) else vector_index.sample_for_median(embedded)
        model = embedder.name
    return Index(chunks=chunks, analyzer=analyzer, bm25=bm25, vectors=vectors, model=model,
                 embedder=embedder, terms=terms, dense_sample=sample)


def passage_key(text: str) -> str:
    """What a passage's vector is cached under: the hash of the text the model reads."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def embed_passages(embedder: Embedder, texts: list[str], cache: Optional[dict[str, np.ndarray]] = None) -> np.ndarray:
    """Passage vectors, embedding only the texts `cache` lacks (each distinct text once) and adding them to it."""
    cache = cache if cache is not None else {}
    keys = [passage_key(t) for t in texts]
    missing: dict[str, str] = {}
    for key, text in zip(keys, texts):
        if key not in cache:
            missing.setdefault(key, text)
    if missing:
        fresh = embedder.encode_passages(list(missing.values()))
        for key, vector in zip(missing, fresh):
            cache[key] = np.asarray(vector, dtype=np.float32)
    if not keys:
        return np.zeros((0, embedder.dim), np.float32)
    return np.stack([cache[k] for k in keys]).astype(np.float32)


# Vectors by passage text and model, kept in the KB so the next build embeds only what is new.
VECTOR_CACHE_SCHEMA = """
CREATE TABLE IF NOT EXISTS passage_vectors (
    model TEXT NOT NULL, text_hash TEXT NOT NULL, vector BLOB NOT NULL, PRIMARY KEY (model, text_hash)
);
"""


def load_vector_cache(conn: sqlite3.Connection, model: str) -> dict[str, np.ndarray]:
    """The cached passage vectors of `model` in a KB ({} when it has none)."""
    try:
        rows = conn.execute("SELECT text_hash, vector FROM passage_vectors WHERE model = ?", (model,)).fetchall()
    except sqlite3.OperationalError:  # a KB from before the cache
        return {}
    return {h: np.frombuffer(v, dtype=np.float32).copy() for h, v in rows}


def vector_cache_keys(conn: sqlite3.Connection, model: str) -> set[str]:
    """The passage keys a KB holds vectors for under `model` (the vectors themselves are not read)."""
    try:
        return {h for (h,) in conn.execute("SELECT text_hash FROM passage_vectors WHERE model = ?", (model,))}
    except sqlite3.OperationalError:  # a KB from before the cache
        return set()


def vector_cache_dim(conn: sqlite3.Connection, model: str) -> Optional[int]:
    """The length of the vectors a KB caches under `model` (None when it has none)."""
    try:
        row = conn.execute("SELECT length(vector) FROM passage_vectors WHERE model = ? LIMIT 1", (model,)).fetchone()
    except sqlite3.OperationalError:  # a KB from before the cache
        return None
    return row[0] // np.dtype(np.float32).itemsize if row else None


def save_vector_cache(conn: sqlite3.Connection, model: str, cache: dict[str, np.ndarray], keep: Collection[str]) -> None:
    """Store the vectors of the passages in `keep` (the index's passages): the cache never outgrows the KB."""
    conn.executescript(VECTOR_CACHE_SCHEMA)
    conn.execute("DELETE FROM passage_vectors")
    conn.executemany("INSERT INTO passage_vectors VALUES (?, ?, ?)",
                     [(model, k, sqlite3.Binary(np.asarray(cache[k], dtype=np.float32).tobytes()))
                      for k in sorted(set(keep)) if k in cache])


def stored_terms(conn: sqlite3.Connection) -> dict[str, list[str]]:
    """search text -> terms of the passages a KB's index holds, when this code would make the
    same terms ({} when the index is missing or its analyser differs: see analysis.analyzer_code).
    An incremental build analyses only the passages that are new."""
    try:
        meta = dict(conn.execute("SELECT key, value FROM index_meta WHERE key IN ('analyzer', 'analyzer_code')").fetchall())
        if str(meta.get("analyzer")) != str(ANALYZER_VERSION) or meta.get("analyzer_code") != analyzer_code():
            return {}
        return {text: (terms or "").split() for text, terms in conn.execute("SELECT search_text, terms FROM chunks")}
    except sqlite3.OperationalError:  # no index yet
        return {}


# --- persistence ------------------------------------------------------------------------------
def ensure_schema(conn: sqlite3.Connection) -> None:
    conn.executescript(SCHEMA)


def save_index(conn: sqlite3.Connection, index: Index) -> None:
    """Write chunks, terms, meta, the BM25 matrix and the FAISS index into the KB (replacing any earlier index)."""
    ensure_schema(conn)
    conn.execute("DELETE FROM chunks")
    conn.execute("DELETE FROM index_meta")
    blobs.delete_arrays(conn)
    terms = index.terms or [index.analyzer.terms(c.search_text) for c in index.chunks]
    conn.executemany(  # row by row, so a long report's rows are not all in memory at once
        "INSERT INTO chunks VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        (
            (i, c.id, c.doc, c.source_file, c.kind, c.text, c.search_text,
             json.dumps(list(c.section), ensure_ascii=False), c.page, c.page_label, c.line,
             json.dumps(list(c.blocks)), c.table, c.row, " ".join(t))
            for i, (c, t) in enumerate(zip(index.chunks, terms))
        ),
    )
    meta: dict[str, object] = {
        "version": INDEX_VERSION,
        "analyzer": ANALYZER_VERSION,
        "analyzer_code": analyzer_code(),
        "chunks": len(index.chunks),
        "model": index.model,
        "known_words": json.dumps(sorted(index.analyzer.known), ensure_ascii=False),
        "known_stems": json.dumps(sorted(index.analyzer.known_stems), ensure_ascii=False),
        "fusion": index.fusion,
        "dense_weight": index.dense_weight,
    }
    _save_bm25(conn, index.bm25)
    if index.vectors is not None:
        import faiss

        meta["dim"] = index.vectors.d
        meta["vector_index"] = vector_index.kind(index.vectors)
        blobs.write_array(conn, "faiss", faiss.serialize_index(index.vectors))
        if index.dense_sample is not None:
            blobs.write_array(conn, "dense_sample", index.dense_sample)
    conn.executemany("INSERT INTO index_meta VALUES (?, ?)", [(k, v) for k, v in meta.items() if v is not None])


def _save_bm25(conn: sqlite3.Connection, bm25: BM25) -> None:
    weights = bm25.weights
    vocabulary = sorted(bm25.vocabulary, key=bm25.vocabulary.__getitem__)  # terms in column order
    blobs.write_array(conn, "bm25.data", weights.data.astype(np.float32, copy=False))
    blobs.write_array(conn, "bm25.indices", weights.indices)
    blobs.write_array(conn, "bm25.indptr", weights.indptr)
    blobs.write_array(conn, "bm25.shape", np.asarray(weights.shape, np.int64))
    blobs.write_array(conn, "bm25.vocabulary", np.frombuffer("\n".join(vocabulary).encode("utf-8"), np.uint8))


def _load_bm25(conn: sqlite3.Connection) -> Optional[BM25]:
    from scipy import sparse

    arrays = {name: blobs.read_array(conn, f"bm25.{name}") for name in ("data", "indices", "indptr", "shape", "vocabulary")}
    if any(a is None for a in arrays.values()):
        return None
    text = arrays["vocabulary"].tobytes().decode("utf-8")
    vocabulary = {term: i for i, term in enumerate(text.split("\n"))} if text else {}
    shape = tuple(int(x) for x in arrays["shape"])
    weights = sparse.csc_matrix((arrays["data"], arrays["indices"], arrays["indptr"]), shape=shape, copy=False)
    return BM25(vocabulary, weights)


CHUNK_COLUMNS = "ord, id, doc, source_file, kind, text, search_text, section, page, page_label, line, blocks, table_id, row"


class StoredChunks(Sequence):
    """The chunks of a KB, read from its `chunks` table when asked for, not all at open.

    A search needs every chunk's document and kind (read as one column each, on the first
    filtered search) but the text of its top k alone: a thousand reports' 250 000 chunks are
    not all made into objects every time a server starts. `list(chunks)` reads them all."""

    def __init__(self, conn: sqlite3.Connection, n: int):
        self._conn = conn
        self._n = n

    def __len__(self) -> int:
        return self._n

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(self._n))]
        i = int(i)
        if i < 0:
            i += self._n
        if not 0 <= i < self._n:
            raise IndexError(f"chunk {i} of {self._n}")
        row = self._conn.execute(f"SELECT {CHUNK_COLUMNS} FROM chunks WHERE ord = ?", (i,)).fetchone()
        return _chunk_from_row(row)

    def __iter__(self) -> Iterator[Chunk]:
        for row in self._conn.execute(f"SELECT {CHUNK_COLUMNS} FROM chunks ORDER BY ord"):
            yield _chunk_from_row(row)

    def __eq__(self, other) -> bool:
        return isinstance(other, Sequence) and len(self) == len(other) and list(self) == list(other)

    def column(self, name: str) -> list:
        """One attribute of every chunk, in order (`doc`, `kind`, ...), without making chunks."""
        if name not in CHUNK_COLUMNS.split(", "):
            raise ValueError(f"no chunk column {name!r}")
        return [v for (v,) in self._conn.execute(f"SELECT {name} FROM chunks ORDER BY ord")]


def _chunk_from_row(row) -> Chunk:
    return Chunk(
        id=row[1], doc=row[2], source_file=row[3], kind=row[4], text=row[5], search_text=row[6],
        section=tuple(json.loads(row[7])) if row[7] and row[7] != "[]" else (), page=row[8], page_label=row[9],
        line=row[10], blocks=tuple(json.loads(row[11])) if row[11] and row[11] != "[]" else (), table=row[12], row=row[13],
    )


def load_index(conn: sqlite3.Connection, embedder: Optional[Embedder] = None) -> Index:
    """Open the index stored in a KB; pass the embedder that should answer dense queries.

    A version-1 index (from before the arrays were stored in parts) is read as it is, its
    BM25 matrix rebuilt from the stored terms; `Index.note` asks for `rapportkoll build`,
    which rewrites it in the current format without embedding anything again."""
    try:
        meta = dict(conn.execute("SELECT key, value FROM index_meta").fetchall())
    except sqlite3.OperationalError as exc:
        raise IndexMissing("the knowledge base has no search index; run `rapportkoll build`") from exc
    if not meta:
        raise IndexMissing("the knowledge base has no search index; run `rapportkoll build`")
    version = int(meta.get("version", 0))
    if version not in READABLE_VERSIONS:
        raise IndexMissing(f"the search index has version {meta.get('version')}, this program reads "
                           f"{', '.join(map(str, READABLE_VERSIONS))}; run `rapportkoll build` again")
    current_analyzer = int(meta.get("analyzer", 0)) == ANALYZER_VERSION
    n = int(meta["chunks"]) if meta.get("chunks") is not None else conn.execute("SELECT count(*) FROM chunks").fetchone()[0]
    chunks = StoredChunks(conn, n)
    terms: list[list[str]] = []
    bm25 = None
    if current_analyzer:
        known = json.loads(meta.get("known_words", "[]"))
        analyzer = (Analyzer(frozenset(known), frozenset(json.loads(meta["known_stems"]))) if "known_stems" in meta
                    else Analyzer.from_words(known))  # stems stored: a large vocabulary is not stemmed at every open
        bm25 = _load_bm25(conn) if version >= 2 else None
        if bm25 is None:  # version 1: the matrix is made from the stored terms
            terms = [(t or "").split() for (t,) in conn.execute("SELECT terms FROM chunks ORDER BY ord")]
    else:  # terms from an older analyser: redo them rather than mismatch query terms
        analyzer = Analyzer.from_texts(c.search_text for c in chunks)
        terms = [analyzer.terms(c.search_text) for c in chunks]
    if bm25 is None:
        bm25 = BM25.build(terms)
    if len(chunks) != bm25.weights.shape[0]:
        raise IndexMissing("the search index does not match its passages; run `rapportkoll build --full`")
    vectors, sample, note = None, None, ""
    if version == 1:
        note = ("this knowledge base stores its search index in the old format (one BLOB, at most 1 GB); "
                "`rapportkoll build` rewrites it without embedding anything again")
        if meta.get("faiss") is not None:
            import faiss

            vectors = faiss.deserialize_index(np.frombuffer(meta["faiss"], dtype=np.uint8))
    else:
        stored = blobs.read_array(conn, "faiss")
        if stored is not None:
            import faiss

            vectors = faiss.deserialize_index(stored)
            del stored
            sample = blobs.read_array(conn, "dense_sample")
    return Index(
        chunks=chunks, analyzer=analyzer, bm25=bm25, vectors=vectors,
        model=meta.get("model"), embedder=embedder, terms=terms,
        fusion=meta.get("fusion", "weighted"), dense_weight=float(meta.get("dense_weight", DENSE_WEIGHT)),
        dense_sample=sample, note=note,
    )


__all__ = [
    "DENSE_WEIGHT",
    "DenseUnavailable",
    "FUSIONS",
    "INDEX_VERSION",
    "Index",
    "IndexMissing",
    "SEARCH_MODES",
    "build_index",
    "embed_passages",
    "index_chunks",
    "load_vector_cache",
    "passage_key",
    "save_vector_cache",
    "stored_terms",
    "vector_cache_dim",
    "vector_cache_keys",
    "load_index",
    "rrf",
    "save_index",
    "top_k",
    "weighted_fusion",
]
