"""benchmarks/bench_scale.py: the stand-in vectors look like e5's, and the vector table is made of real measurements."""
from __future__ import annotations

import numpy as np

from benchmarks.bench_scale import StandInEmbedder, stand_in_vectors, vector_figures


def test_stand_in_vectors_are_shaped_like_the_corpus_vectors():
    x = stand_in_vectors(1500)
    assert x.shape == (1500, 384) and np.allclose(np.linalg.norm(x, axis=1), 1, atol=1e-5)
    assert np.array_equal(x, stand_in_vectors(1500))  # the same at every run
    sims = x @ x.T
    np.fill_diagonal(sims, np.nan)
    assert 0.80 <= np.nanmedian(sims) <= 0.88  # the corpus's 1 013 e5 passage vectors: 0.85


def test_stand_in_queries_are_fixed_by_their_text():
    e = StandInEmbedder()
    a, b = e.encode_queries(["kontaktmöten 2021", "andel 2019"])
    assert np.array_equal(a, e.encode_queries(["kontaktmöten 2021"])[0]) and not np.array_equal(a, b)


def test_vector_figures():
    v = vector_figures(3000, queries=50)
    assert v["n"] == 3000 and v["ivf_kind"].startswith("ivf") and 0 <= v["recall"] <= 1
    assert v["parts"] == 1 and v["stored_mib"] > 3000 * 384 * 4 / 2**20
