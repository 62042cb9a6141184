"""The search index: chunks, a Swedish lexical index (BM25), dense vectors (FAISS), fusion.

Everything lives in the knowledge-base SQLite file (tables `chunks` and `index_meta`, the
FAISS index as a BLOB), so a rebuilt KB, index included, replaces the old one in a single
rename. The dense half is optional: built without an embedder, or opened without one (or
with a different model than the vectors came from), the index searches lexically and
`Index.dense_note` says why.

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
from typing import Collection, Iterable, Optional

import numpy as np

from ingest.records import Document

from ..records import Passage
from .analysis import ANALYZER_VERSION, Analyzer
from .bm25 import BM25
from .chunks import Chunk, documents_to_chunks
from .embedder import Embedder

SEARCH_MODES = ("hybrid", "lexical", "dense")
FUSIONS = ("weighted", "rrf")
INDEX_VERSION = 1
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
    chunks: list[Chunk]
    analyzer: Analyzer
    bm25: BM25
    vectors: Optional[object] = None  # faiss.IndexFlatIP over normalised chunk vectors
    model: Optional[str] = None  # Embedder.name the vectors were made with
    embedder: Optional[Embedder] = None  # encodes queries; None means lexical only
    dense_weight: float = DENSE_WEIGHT
    fusion: str = "weighted"
    terms: list[list[str]] = field(default_factory=list, repr=False)  # analysed terms per chunk, as stored
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
        """Cosine similarity of the query with every chunk (vectors are normalised)."""
        n = len(self.chunks)
        q = self.query_vector(query).reshape(1, -1).astype(np.float32)
        sims, ids = self.vectors.search(q, n)
        out = np.full(n, -1.0, np.float32)
        valid = ids[0] >= 0
        out[ids[0][valid]] = sims[0][valid]
        return out

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
            keep &= np.fromiter((c.doc in docs for c in self.chunks), bool, len(self.chunks))
        if kinds is not None:
            keep &= np.fromiter((c.kind in kinds for c in self.chunks), bool, len(self.chunks))
        if effective == "lexical":
            keep &= scores > 0
        candidates = np.flatnonzero(keep)
        if candidates.size == 0:
            return []
        top = candidates[np.argsort(-scores[candidates], kind="stable")[:k]]
        return [self.chunks[i].to_passage(float(scores[i])) for i in top]


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
def _dense_index(vectors: np.ndarray):
    import faiss

    index = faiss.IndexFlatIP(vectors.shape[1])
    index.add(np.ascontiguousarray(vectors, dtype=np.float32))
    return index


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
    vectors, model = None, None
    if embedder is not None and chunks:
        vectors = _dense_index(embed_passages(embedder, [c.search_text for c in chunks], vector_cache))
        model = embedder.name
    return Index(chunks=chunks, analyzer=analyzer, bm25=bm25, vectors=vectors, model=model,
                 embedder=embedder, terms=terms)


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


def save_vector_cache(conn: sqlite3.Connection, model: str, cache: dict[str, np.ndarray], keep: Collection[str]) -> None:
    """Store the vectors of the passages in `keep` (the index's passages): the cache never outgrows the KB."""
    conn.executescript(VECTOR_CACHE_SCHEMA)
    conn.execute("DELETE FROM passage_vectors")
    conn.executemany("INSERT INTO passage_vectors VALUES (?, ?, ?)",
                     [(model, k, sqlite3.Binary(np.asarray(cache[k], dtype=np.float32).tobytes()))
                      for k in sorted(set(keep)) if k in cache])


# --- persistence ------------------------------------------------------------------------------
def ensure_schema(conn: sqlite3.Connection) -> None:
    conn.executescript(SCHEMA)


def save_index(conn: sqlite3.Connection, index: Index) -> None:
    """Write chunks, terms, meta and the FAISS index into the KB (replacing any earlier index)."""
    ensure_schema(conn)
    conn.execute("DELETE FROM chunks")
    conn.execute("DELETE FROM index_meta")
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
        "chunks": len(index.chunks),
        "model": index.model,
        "known_words": json.dumps(sorted(index.analyzer.known), ensure_ascii=False),
        "fusion": index.fusion,
        "dense_weight": index.dense_weight,
    }
    if index.vectors is not None:
        import faiss

        meta["dim"] = index.vectors.d
        meta["faiss"] = sqlite3.Binary(faiss.serialize_index(index.vectors).tobytes())
    conn.executemany("INSERT INTO index_meta VALUES (?, ?)", [(k, v) for k, v in meta.items() if v is not None])


def _chunk_from_row(row) -> Chunk:
    return Chunk(
        id=row[1], doc=row[2], source_file=row[3], kind=row[4], text=row[5], search_text=row[6],
        section=tuple(json.loads(row[7] or "[]")), page=row[8], page_label=row[9], line=row[10],
        blocks=tuple(json.loads(row[11] or "[]")), table=row[12], row=row[13],
    )


def load_index(conn: sqlite3.Connection, embedder: Optional[Embedder] = None) -> Index:
    """Open the index stored in a KB; pass the embedder that should answer dense queries."""
    try:
        meta = dict(conn.execute("SELECT key, value FROM index_meta").fetchall())
        rows = conn.execute("SELECT * FROM chunks ORDER BY ord").fetchall()
    except sqlite3.OperationalError as exc:
        raise IndexMissing("the knowledge base has no search index; run `rapportkoll build`") from exc
    if not meta:
        raise IndexMissing("the knowledge base has no search index; run `rapportkoll build`")
    if int(meta.get("version", 0)) != INDEX_VERSION:
        raise IndexMissing(f"the search index has version {meta.get('version')}, this program reads "
                           f"{INDEX_VERSION}; run `rapportkoll build` again")
    chunks = [_chunk_from_row(r) for r in rows]
    if int(meta.get("analyzer", 0)) == ANALYZER_VERSION:
        analyzer = Analyzer.from_words(json.loads(meta.get("known_words", "[]")))
        terms = [(r[14] or "").split() for r in rows]
    else:  # terms from an older analyser: redo them (fast) rather than mismatch query terms
        analyzer = Analyzer.from_texts(c.search_text for c in chunks)
        terms = [analyzer.terms(c.search_text) for c in chunks]
    vectors = None
    if meta.get("faiss") is not None:
        import faiss

        vectors = faiss.deserialize_index(np.frombuffer(meta["faiss"], dtype=np.uint8))
    return Index(
        chunks=chunks, analyzer=analyzer, bm25=BM25.build(terms), vectors=vectors,
        model=meta.get("model"), embedder=embedder, terms=terms,
        fusion=meta.get("fusion", "weighted"), dense_weight=float(meta.get("dense_weight", DENSE_WEIGHT)),
    )


__all__ = [
    "DENSE_WEIGHT",
    "DenseUnavailable",
    "FUSIONS",
    "Index",
    "IndexMissing",
    "SEARCH_MODES",
    "build_index",
    "embed_passages",
    "index_chunks",
    "load_vector_cache",
    "passage_key",
    "save_vector_cache",
    "load_index",
    "rrf",
    "save_index",
    "weighted_fusion",
]
