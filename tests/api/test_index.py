"""The search index: Swedish lexical matching, table rows, the optional dense half, the KB round trip.

Dense search here runs on a tiny stand-in embedder (hashed bags of words), so these tests
need no model; tests/api/test_embedder.py covers the real one.
"""
from __future__ import annotations

import hashlib
import sqlite3

import numpy as np
import pytest

from api.search.analysis import words
from api.search.chunks import document_to_chunks
from api.search.index import DenseUnavailable, Index, IndexMissing, build_index, load_index, rrf, save_index
from api.records import Passage
from ingest.records import Block, Document, DocumentMetadata, Footnote, Table, TableCell


class BagOfWordsEmbedder:
    """A deterministic stand-in for the model: each word hashed into one of 64 dimensions."""

    name = "bag-of-words-64"
    backend = "test"
    dim = 64

    def _encode(self, texts):
        out = np.zeros((len(texts), self.dim), np.float32)
        for i, text in enumerate(texts):
            for w in words(text):
                out[i, int(hashlib.md5(w.encode()).hexdigest(), 16) % self.dim] += 1
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        return out / np.where(norms > 0, norms, 1)

    def encode_queries(self, texts):
        return self._encode(texts)

    def encode_passages(self, texts):
        return self._encode(texts)


def block(doc, order, kind, text, section=()):
    return Block(id=f"{doc}:b{order}", doc=doc, order=order, kind=kind, section=section, text=text,
                 line_start=order + 1, line_end=order + 1)


def table_of_meetings(doc: str) -> Table:
    tid = f"{doc}:t0"
    head = ("", "Antal")
    body = [("Totalt", "4 647"), ("Sjukpenning", "3 887"), ("Aktivitetsersättning", "537")]
    cells = [TableCell(tid, 0, c, text, is_header=True, line=40) for c, text in enumerate(head)]
    for r, (label, value) in enumerate(body, start=1):
        cells.append(TableCell(tid, r, 0, label, is_header=True, line=40 + r))
        cells.append(TableCell(tid, r, 1, value, row_headers=(label,), col_headers=("Antal",), line=40 + r))
    return Table(id=tid, doc=doc, index=0, number=6, caption="Tabell 6 Antal omställningsmöten",
                 cells=tuple(cells), section=("6. Resultat",), line_start=39, line_end=43,
                 source_note="Källa: Försäkringskassan")


@pytest.fixture(scope="module")
def report() -> Document:
    doc = "test-2019"
    section = ("6. Resultat", "Omställningsmöten")
    blocks = (
        block(doc, 0, "heading", "Omställningsmöten", ("6. Resultat",)),
        block(doc, 1, "paragraph", "Under året har totalt 4 647 omställningsmöten genomförts (3 109 möten 2018).", section),
        block(doc, 2, "paragraph", "Möten för omställning ges till den som inte längre har rätt till sjukpenning.", section),
        block(doc, 3, "paragraph", "Under 2019 har myndigheterna genomfört 8 662 gemensamma kartläggningar.", ("Kartläggning",)),
        block(doc, 4, "paragraph", "Myndigheterna har följande mål:", ("Mål",)),
        block(doc, 5, "list_item", "fler ska få ta del av samarbetet", ("Mål",)),
        block(doc, 6, "toc", "6. Resultat ..... 13", ("Innehåll",)),
        block(doc, 7, "caption", "Tabell 6 Antal omställningsmöten.", ("6. Resultat",)),
        block(doc, 8, "paragraph", "Arbetsförmedlingen varslade personal om uppsägning.", ("Inledning",)),
    )
    footnotes = (Footnote(id=f"{doc}:fn1", doc=doc, number=1, text="Omställningsmöten infördes i juni 2018",
                          line=60, marker_refs=(f"{doc}:b1",)),)
    return Document(id=doc, source_file="test-2019.txt", content_hash="0" * 64, format="text",
                    metadata=DocumentMetadata(title="Test"), blocks=blocks, tables=(table_of_meetings(doc),),
                    footnotes=footnotes)


@pytest.fixture(scope="module")
def index(report) -> Index:
    return build_index([report], BagOfWordsEmbedder())


@pytest.fixture(scope="module")
def lexical_index(report) -> Index:
    return build_index([report])


# --- chunks -------------------------------------------------------------------------------------
def test_chunks_follow_the_document(report):
    chunks = {c.id: c for c in document_to_chunks(report)}
    assert set(chunks) == {"test-2019:b1", "test-2019:b2", "test-2019:b3", "test-2019:b4", "test-2019:b8",
                           "test-2019:t0", "test-2019:t0:r1", "test-2019:t0:r2", "test-2019:t0:r3",
                           "test-2019:fn1"}
    # the list item joins the paragraph that introduces it; toc, heading and the repeated caption do not index
    assert chunks["test-2019:b4"].blocks == ("test-2019:b4", "test-2019:b5")
    assert chunks["test-2019:b1"].search_text.startswith("6. Resultat – Omställningsmöten\n")
    assert chunks["test-2019:b1"].text.startswith("Under året")
    assert chunks["test-2019:t0:r2"].text == "Tabell 6 Antal omställningsmöten | Sjukpenning | Antal: 3 887"
    assert chunks["test-2019:t0"].text.splitlines() == [
        "Tabell 6 Antal omställningsmöten", " | Antal", "Totalt | 4 647", "Sjukpenning | 3 887",
        "Aktivitetsersättning | 537", "Källa: Försäkringskassan"]
    assert chunks["test-2019:fn1"].section == ("6. Resultat", "Omställningsmöten")


# --- lexical ------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "query,expected",
    [
        ("omställningsmötena", "test-2019:b1"),  # inflected compound -> compound
        ("möten för omställning 2018", "test-2019:b1"),  # paraphrase -> compound
        ("omställningsmöte sjukpenning", "test-2019:b2"),  # compound -> paraphrase
        ("8 662", "test-2019:b3"),  # a number printed with a space, typed with one
        ("8662 kartläggningar", "test-2019:b3"),  # ... or without
        ("varsla", "test-2019:b8"),  # inflection
    ],
)
def test_swedish_lexical_matches(lexical_index, query, expected):
    # the footnote "Omställningsmöten infördes i juni 2018" is a fair match too, so: among the first two
    assert expected in [p.id for p in lexical_index.search(query, k=2, mode="lexical")]


def test_table_row_found_by_caption_words(lexical_index):
    hits = lexical_index.search("antal omställningsmöten sjukpenning", k=3, mode="lexical")
    row = next(p for p in hits if p.kind == "table_row")
    assert (row.id, row.table, row.row, row.line) == ("test-2019:t0:r2", "test-2019:t0", 2, 42)
    assert "3 887" in row.text


def test_real_table_row_found_by_caption_words(corpus_docs):
    index = build_index([corpus_docs["af-fk-2019"]])
    hits = index.search("omställningsmöten aktivitetsersättning tabell", k=5, mode="lexical")
    assert any(p.id == "af-fk-2019:t5:r3" and "537" in p.text for p in hits)


def test_unknown_words_find_nothing(lexical_index):
    assert lexical_index.search("xyzzy", mode="lexical") == []
    assert lexical_index.search("   ", mode="lexical") == []


def test_filters(lexical_index):
    assert lexical_index.search("omställningsmöten", k=10, mode="lexical", kinds=["footnote"])[0].id == "test-2019:fn1"
    assert lexical_index.search("omställningsmöten", mode="lexical", docs=["other"]) == []


def test_passage_carries_provenance(lexical_index):
    p = lexical_index.search("gemensamma kartläggningar", k=1, mode="lexical")[0]
    assert isinstance(p, Passage)
    assert (p.doc, p.source_file, p.kind, p.line, p.section, p.blocks) == (
        "test-2019", "test-2019.txt", "paragraph", 4, ("Kartläggning",), ("test-2019:b3",))
    assert p.score > 0


# --- dense and hybrid ---------------------------------------------------------------------------
def test_dense_and_hybrid(index):
    assert index.dense_available and index.dense_note == ""
    assert index.search("gemensamma kartläggningar 2019", k=1, mode="dense")[0].id == "test-2019:b3"
    assert index.search("gemensamma kartläggningar 2019", k=1, mode="hybrid")[0].id == "test-2019:b3"


def test_lexical_alone_says_why(lexical_index):
    assert not lexical_index.dense_available
    assert "without dense vectors" in lexical_index.dense_note
    assert lexical_index.resolve_mode("hybrid") == "lexical"
    assert lexical_index.search("omställningsmöten", k=1)[0].id  # hybrid falls back to lexical
    with pytest.raises(DenseUnavailable, match="without dense vectors"):
        lexical_index.search("omställningsmöten", mode="dense")


def test_other_model_disables_dense(index):
    class Other(BagOfWordsEmbedder):
        name = "another-model"

    other = index.with_embedder(Other())
    assert not other.dense_available and "another-model" in other.dense_note
    assert other.resolve_mode("hybrid") == "lexical"
    assert "no embedding model" in index.with_embedder(None).dense_note


@pytest.mark.parametrize("kwargs,message", [({"mode": "fuzzy"}, "mode"), ({"k": 0}, "k must")])
def test_bad_arguments(index, kwargs, message):
    with pytest.raises(ValueError, match=message):
        index.search("möten", **kwargs)


def test_rrf_rewards_agreement():
    a = np.array([3.0, 2.0, 1.0, 0.0])
    b = np.array([0.1, 0.9, 0.5, 0.2])
    assert int(np.argmax(rrf([a, b]))) == 1


# --- persistence --------------------------------------------------------------------------------
def test_save_load_round_trip(index, tmp_path):
    path = tmp_path / "kb.sqlite"
    with sqlite3.connect(path) as conn:
        save_index(conn, index)
        save_index(conn, index)  # saving again replaces, never duplicates
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT count(*) FROM chunks").fetchone()[0] == len(index.chunks)
        assert conn.execute("SELECT count(*) FROM index_meta WHERE key='faiss'").fetchone()[0] == 0  # no single BLOB
        assert conn.execute("SELECT count(*) FROM index_blobs WHERE name='faiss'").fetchone()[0] == 1
        assert dict(conn.execute("SELECT key, value FROM index_meta WHERE key IN ('version', 'vector_index')")) == \
            {"version": 2, "vector_index": "flat"}
        loaded = load_index(conn, BagOfWordsEmbedder())
    assert loaded.chunks == index.chunks
    assert loaded.model == "bag-of-words-64" and loaded.dense_available
    for mode in ("lexical", "dense", "hybrid"):
        query = "möten för omställning 2018"
        assert [p.id for p in loaded.search(query, mode=mode)] == [p.id for p in index.search(query, mode=mode)]
    assert [round(p.score, 5) for p in loaded.search("8 662", mode="lexical")] == \
        [round(p.score, 5) for p in index.search("8 662", mode="lexical")]


def test_loaded_without_embedder_is_lexical(index, tmp_path):
    with sqlite3.connect(tmp_path / "kb.sqlite") as conn:
        save_index(conn, index)
        loaded = load_index(conn)
    assert not loaded.dense_available and "no embedding model" in loaded.dense_note
    assert loaded.search("omställningsmötena genomförts", k=1)[0].id == "test-2019:b1"


def test_lexical_only_round_trip(lexical_index, tmp_path):
    with sqlite3.connect(tmp_path / "kb.sqlite") as conn:
        save_index(conn, lexical_index)
        loaded = load_index(conn, BagOfWordsEmbedder())
    assert loaded.vectors is None and "without dense vectors" in loaded.dense_note


def test_missing_index(tmp_path):
    with sqlite3.connect(tmp_path / "empty.sqlite") as conn, pytest.raises(IndexMissing, match="rapportkoll build"):
        load_index(conn)


def test_old_analyser_terms_are_redone(index, tmp_path):
    with sqlite3.connect(tmp_path / "kb.sqlite") as conn:
        save_index(conn, index)
        conn.execute("UPDATE index_meta SET value = 0 WHERE key = 'analyzer'")
        conn.execute("UPDATE chunks SET terms = 'stale'")
        loaded = load_index(conn)
    assert loaded.search("omställningsmötena genomförts", k=1, mode="lexical")[0].id == "test-2019:b1"
