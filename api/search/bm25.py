"""Okapi BM25 over pre-analysed terms, as one sparse matrix.

Our own rather than bm25s: the terms come from api/search/analysis.py (so "8662" and one-letter
terms survive), and the matrix of precomputed term weights is stored in the knowledge base
(api.search.index saves its arrays), so opening a KB reads it rather than rebuilding it: 40 ms
for the corpus's thousand passages, but seconds at a thousand reports (benchmarks/scale_results.md).
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
from scipy import sparse

K1 = 1.2  # term-frequency saturation (the usual Lucene/Elasticsearch default)
B = 0.75  # length normalisation


@dataclass(frozen=True)
class BM25:
    vocabulary: dict[str, int]
    weights: sparse.csc_matrix  # documents x terms, BM25 weight of each term in each document

    @classmethod
    def build(cls, documents: list[list[str]], k1: float = K1, b: float = B) -> "BM25":
        vocabulary: dict[str, int] = {}
        rows, cols, tfs = [], [], []
        for i, terms in enumerate(documents):
            for term, tf in Counter(terms).items():
                rows.append(i)
                cols.append(vocabulary.setdefault(term, len(vocabulary)))
                tfs.append(tf)
        n_docs = len(documents)
        tf = np.asarray(tfs, dtype=np.float32)
        rows_a = np.asarray(rows, dtype=np.int64)
        cols_a = np.asarray(cols, dtype=np.int64)
        lengths = np.asarray([len(t) for t in documents], dtype=np.float32)
        avg = float(lengths.mean()) if n_docs and lengths.mean() > 0 else 1.0
        df = np.bincount(cols_a, minlength=len(vocabulary)).astype(np.float32)
        idf = np.log1p((n_docs - df + 0.5) / (df + 0.5))  # never negative (Lucene's variant)
        norm = k1 * (1 - b + b * lengths[rows_a] / avg) if n_docs else np.zeros(0, np.float32)
        values = idf[cols_a] * tf * (k1 + 1) / (tf + norm)
        weights = sparse.csc_matrix((values, (rows_a, cols_a)), shape=(n_docs, len(vocabulary)), dtype=np.float32)
        return cls(vocabulary, weights)

    def scores(self, query: list[str] | Mapping[str, float]) -> np.ndarray:
        """BM25 score of every document: query terms as a list (a repeated term counts again)
        or as a mapping of term to weight."""
        n_docs = self.weights.shape[0]
        weights = query if isinstance(query, Mapping) else Counter(query)
        known = [t for t in weights if t in self.vocabulary]
        if not known:
            return np.zeros(n_docs, np.float32)
        cols = [self.vocabulary[t] for t in known]
        q = np.asarray([weights[t] for t in known], dtype=np.float32)
        return np.asarray(self.weights[:, cols] @ q, dtype=np.float32).ravel()


__all__ = ["BM25"]
