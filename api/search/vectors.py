"""The dense vector index: exact up to EXACT_UP_TO passages, FAISS IVF above, top-k queries only.

Up to EXACT_UP_TO passages the index is flat (every query compared with every vector, exact):
the corpus has about a thousand passages, where this takes well under a millisecond. Above
it, an inverted-file index (IVF, `nlist` = IVF_LISTS_PER_ROOT · √n k-means cells, a share
IVF_PROBE_SHARE of them searched per query) returns the DENSE_DEPTH nearest passages without
reading the rest; benchmarks/scale_results.md gives its recall@10 against exact search and
the query times that set the threshold.

Hybrid fusion (api.search.index.weighted_fusion) measures how far a passage stands out from
the median similarity of the query. An approximate search does not see every passage, so
the median is estimated from a fixed sample of SAMPLE stored vectors, and every passage it
did not return gets that median (it is no nearer than the DENSE_DEPTH it did).
"""
from __future__ import annotations

import math
from typing import Optional

import numpy as np

# Measured on 2 cores (benchmarks/scale_results.md): an exact search of 50 000 vectors of 384
# dimensions takes a few milliseconds; at 250 000 it is the slowest step of a question.
EXACT_UP_TO = 50_000
IVF_LISTS_PER_ROOT = 4  # nlist = 4·√n (about 2 000 cells at 250 000 passages), FAISS's usual range
# Cells searched per query, as a share of all. On the corpus's real e5 vectors (IVF forced,
# 127 cells) recall@10 against exact search was 0.70 searching 3 % of the cells and 0.90
# searching 10 %; clustered stand-in vectors reach 1.0 at 2.4 % (scale_results.md). Real
# text is the harder case, so 10 %: about a tenth of an exact search's work.
IVF_PROBE_SHARE = 0.10
TRAIN_PER_LIST = 40  # k-means training points per cell (FAISS warns under 39)
DENSE_DEPTH = 1000  # passages an approximate search returns for fusion (CANDIDATES reads 100)
SAMPLE = 2048  # vectors kept to estimate a query's median similarity


def make_vector_index(vectors: np.ndarray, exact_up_to: Optional[int] = None, nprobe: Optional[int] = None):
    """A FAISS index over normalised `vectors` (inner product = cosine): flat when there are at
    most `exact_up_to` (default EXACT_UP_TO) of them, IVF above."""
    import faiss

    vectors = np.ascontiguousarray(vectors, dtype=np.float32)
    n, d = vectors.shape
    exact_up_to = EXACT_UP_TO if exact_up_to is None else exact_up_to
    if n <= exact_up_to:
        index = faiss.IndexFlatIP(d)
        index.add(vectors)
        return index
    nlist = max(1, min(n, int(IVF_LISTS_PER_ROOT * math.sqrt(n))))
    quantizer = faiss.IndexFlatIP(d)
    index = faiss.IndexIVFFlat(quantizer, d, nlist, faiss.METRIC_INNER_PRODUCT)
    train = vectors[evenly_spaced(n, min(n, TRAIN_PER_LIST * nlist))]
    index.train(train)  # k-means with FAISS's fixed seed: the same vectors give the same cells
    index.add(vectors)
    index.nprobe = min(nlist, nprobe or max(1, math.ceil(IVF_PROBE_SHARE * nlist)))
    return index


def is_exact(index) -> bool:
    """Whether a search compares the query with every vector."""
    import faiss

    return isinstance(index, faiss.IndexFlat)


def kind(index) -> str:
    return "flat" if is_exact(index) else f"ivf{index.nlist}"


def evenly_spaced(n: int, k: int) -> np.ndarray:
    """k row numbers spread evenly over 0..n-1 (a sample that is the same at every build)."""
    if k >= n:
        return np.arange(n)
    return np.linspace(0, n - 1, k).round().astype(np.int64)


def sample_for_median(vectors: np.ndarray) -> np.ndarray:
    return np.ascontiguousarray(vectors[evenly_spaced(len(vectors), SAMPLE)], dtype=np.float32)


def similarities(index, query: np.ndarray, n: int, sample: Optional[np.ndarray] = None) -> np.ndarray:
    """Cosine similarity of `query` with each of the n passages.

    Exact for a flat index. For an approximate one, the DENSE_DEPTH nearest get their own
    similarity and the others the median similarity over `sample` (see the module's note)."""
    q = np.ascontiguousarray(query, dtype=np.float32).reshape(1, -1)
    if is_exact(index):
        sims, ids = index.search(q, n)
        out = np.full(n, -1.0, np.float32)
    else:
        sims, ids = index.search(q, min(n, DENSE_DEPTH))
        floor = float(np.median(sample @ q[0])) if sample is not None and len(sample) else float(sims[0][-1])
        out = np.full(n, floor, np.float32)
    valid = ids[0] >= 0
    out[ids[0][valid]] = sims[0][valid]
    return out


def recall_at(index, exact, queries: np.ndarray, k: int = 10) -> float:
    """Share of the exact top k that `index` also returns in its top k, over `queries`."""
    queries = np.ascontiguousarray(queries, dtype=np.float32)
    _, got = index.search(queries, k)
    _, truth = exact.search(queries, k)
    hits = sum(len(set(g[g >= 0]) & set(t[t >= 0])) for g, t in zip(got, truth))
    return hits / max(1, sum(int((t >= 0).sum()) for t in truth))


__all__ = ["DENSE_DEPTH", "EXACT_UP_TO", "IVF_PROBE_SHARE", "is_exact", "kind", "make_vector_index", "recall_at",
           "sample_for_median", "similarities"]
