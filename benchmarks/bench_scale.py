"""Cost as the collection grows: build, incremental add, cold start and queries over N generated reports.

The reports are the corpus's own text reports re-set N times over (benchmarks.scale_corpus):
each copy has its own name and its figures moved by a few units (years kept), so every copy
is a new document with new facts and new passages, in the corpus's styles. Each stage runs in a
subprocess, so its wall time and peak memory (ru_maxrss) are its own:

- full build of the N reports (lexical index; `--dense` embeds every passage as well);
- incremental build after adding one more report;
- cold start: `rapportkoll serve` to the first 200 on /health;
- /ask and /facts through HTTP: CLIENTS loopback clients for SECONDS, p50/p95;
- the knowledge base's size.

Per-document costs are what docs/scale.md extrapolates from.

    python -m benchmarks.bench_scale [--reports 40] [--dense] [--clients 4] [--seconds 10]
"""
from __future__ import annotations

import argparse
import datetime as dt
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
from pathlib import Path

import httpx

from benchmarks.bench_api import free_port, percentile, start_server, stop, wait_healthy
from benchmarks.scale_corpus import write_reports

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "benchmarks" / "scale_results.md"
QUERIES = ["gemensamma kartläggningar 2018", "andel omställningsmöte 2019", "kontaktmöten 2021",
           "förbrukade medel 2022", "Hur många omställningsmöten genomfördes 2022?", "rehabiliteringsinsatser kvinnor 2019"]


def run_stage(code: str) -> tuple[float, float, dict]:
    """Run Python `code` in a fresh process: (wall seconds, peak RSS in MiB, the JSON it printed last)."""
    t = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    wall = time.perf_counter() - t
    if proc.returncode != 0:
        raise RuntimeError(f"stage failed:\n{proc.stderr[-3000:]}")
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)  # the largest child so far: stages run in order
    last = proc.stdout.strip().splitlines()[-1] if proc.stdout.strip() else "{}"
    return wall, usage.ru_maxrss / 1024, json.loads(last)


def build_code(folder: Path, db: Path, dense: bool) -> str:
    return (
        "import json, sys\n"
        "from api.build import build_kb\n"
        f"r = build_kb([{str(folder)!r}], {str(db)!r}, with_dense={dense})\n"
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


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--reports", type=int, default=40, help="How many reports to generate (default 40).")
    ap.add_argument("--dense", action="store_true", help="Embed every passage too (the default build does; slow on 2 cores).")
    ap.add_argument("--clients", type=int, default=4, help="Loopback clients for the query load (default 4).")
    ap.add_argument("--seconds", type=float, default=10.0, help="How long the query load runs (default 10).")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)

    with tempfile.TemporaryDirectory() as tmp:
        folder, extra = Path(tmp) / "rapporter", Path(tmp) / "extra"
        made = write_reports(ROOT / "corpus", folder, args.reports)
        write_reports(ROOT / "corpus", extra, 1, start=args.reports)
        text_mb = sum(p.stat().st_size for p in made) / 2**20
        db = Path(tmp) / "kb.db"

        full_s, full_rss, full = run_stage(build_code(folder, db, args.dense))
        size_mb = db.stat().st_size / 2**20
        for p in extra.iterdir():
            shutil.copy(p, folder / p.name)
        inc_s, _, inc = run_stage(build_code(folder, db, args.dense))

        starts = []
        for _ in range(3):
            port = free_port()
            t = time.perf_counter()
            proc = start_server(db, port, lexical_only=not args.dense)
            try:
                wait_healthy(port, proc, timeout=300)
                starts.append(time.perf_counter() - t)
            finally:
                stop(proc)
        port = free_port()
        proc = start_server(db, port, lexical_only=not args.dense)
        try:
            wait_healthy(port, proc, timeout=300)
            httpx.get(f"http://127.0.0.1:{port}/ask", params={"q": QUERIES[0]}, timeout=300)  # loads the compound dictionary
            times = load(port, args.clients, args.seconds)
        finally:
            stop(proc)

    n = full["documents"]
    lines = [
        "## Scale (`python -m benchmarks.bench_scale`)",
        "",
        f"{args.reports} reports generated from the corpus's text reports (benchmarks/scale_corpus.py: each a new "
        f"document with its figures moved, {text_mb:.1f} MiB of text), built {'with dense vectors' if args.dense else 'with the lexical index only'}; "
        f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, {dt.date.today().isoformat()}. "
        "Each stage ran in its own process; peak memory is its maximum resident set.",
        "",
        "| measure | value | per report |",
        "|---|---|---|",
        f"| full build: {n} reports, {full['facts']} facts, {full['chunks']} passages, {full['findings']} findings | "
        f"{full_s:.1f} s wall, peak {full_rss:.0f} MiB | {full_s / n:.2f} s |",
        f"| of which ingest / facts / checks / index | " + " / ".join(f"{full['seconds'].get(k, 0):.1f} s" for k in
                                                                 ("ingest", "facts", "checks", "index")) +
        f" | {full['seconds'].get('facts', 0) / n:.2f} s facts |",
        f"| incremental build after adding one report ({inc['extracted']} extracted, {inc['embedded']} passages embedded) | "
        f"{inc_s:.1f} s wall (build_kb {inc['seconds'].get('total', 0):.1f} s) | |",
        f"| knowledge base size | {size_mb:.1f} MiB | {size_mb / n * 1024:.0f} KiB |",
        f"| cold start to /health 200 (3 starts) | median {statistics.median(starts):.2f} s, max {max(starts):.2f} s | |",
        f"| /ask, {args.clients} clients, {args.seconds:.0f} s | p50 {percentile(times['ask'], 50):.0f} ms, p95 "
        f"{percentile(times['ask'], 95):.0f} ms ({len(times['ask'])} requests) | |",
        f"| /facts (a page of 100), same load | p50 {percentile(times['facts'], 50):.0f} ms, p95 "
        f"{percentile(times['facts'], 95):.0f} ms ({len(times['facts'])} requests) | |",
        f"| errors (non-200) | {len(times['errors'])} | |",
        "",
    ]
    args.out.write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
