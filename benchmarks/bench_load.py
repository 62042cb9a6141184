"""The server under load: /health latency while 20 clients ask questions, bounded and on loopback.

Starts `rapportkoll serve` on a free 127.0.0.1 port over a KB built from corpus/ (lexical search,
so the load is SQLite, BM25 and the interpreter), runs CLIENTS threads that send /ask and /facts
requests for SECONDS, polls /health meanwhile, stops by itself and writes benchmarks/load_results.md.

    python -m benchmarks.bench_load [--db KB] [--clients 20] [--seconds 15]
"""
from __future__ import annotations

import argparse
import os
import platform
import statistics
import tempfile
import threading
import time
from pathlib import Path

import httpx
import yaml

from benchmarks.bench_api import QUESTIONS, build, free_port, percentile, start_server, stop, wait_healthy

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "benchmarks" / "load_results.md"


def load(port: int, clients: int, seconds: float, queries: list[str]) -> dict[str, list[float]]:
    base = f"http://127.0.0.1:{port}"
    stop_at = time.perf_counter() + seconds
    times: dict[str, list[float]] = {"ask": [], "facts": [], "health": [], "errors": []}
    lock = threading.Lock()

    def client(k: int) -> None:
        with httpx.Client(base_url=base, timeout=30) as c:
            i = k
            while time.perf_counter() < stop_at:
                kind = "facts" if i % 4 == 0 else "ask"
                t = time.perf_counter()
                r = c.get("/facts", params={"limit": 100}) if kind == "facts" else c.get("/ask", params={"q": queries[i % len(queries)]})
                with lock:
                    times[kind].append((time.perf_counter() - t) * 1000)
                    if r.status_code >= 500:
                        times["errors"].append(r.status_code)
                i += clients

    def poll_health() -> None:
        with httpx.Client(base_url=base, timeout=30) as c:
            while time.perf_counter() < stop_at:
                t = time.perf_counter()
                c.get("/health")
                times["health"].append((time.perf_counter() - t) * 1000)
                time.sleep(0.05)

    threads = [threading.Thread(target=client, args=(k,)) for k in range(clients)] + [threading.Thread(target=poll_health)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return times


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", type=Path, help="A built knowledge base (default: build one from corpus/ into a temp folder).")
    ap.add_argument("--clients", type=int, default=20)
    ap.add_argument("--seconds", type=float, default=15.0)
    args = ap.parse_args(argv)
    queries = [q["query"] for q in yaml.safe_load(QUESTIONS.read_text(encoding="utf-8"))]
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or build(False, Path(tmp))[0]
        port = free_port()
        proc = start_server(db, port, lexical_only=True)
        try:
            wait_healthy(port, proc)
            load(port, 2, 3.0, queries)  # warm-up: the compound dictionary loads after start
            quiet = load(port, 0, 3.0, queries)["health"]
            loaded = load(port, args.clients, args.seconds, queries)
        finally:
            stop(proc)
    rows = [("/health, idle", quiet), ("/health, under load", loaded["health"]), ("/ask, under load", loaded["ask"]),
            ("/facts?limit=100, under load", loaded["facts"])]
    lines = [
        "## Server under load (`python -m benchmarks.bench_load`)",
        "",
        f"{args.clients} client threads on loopback for {args.seconds:.0f} s, 3 of 4 requests /ask (the questions of "
        f"benchmarks/questions.yaml in turn, lexical passages), 1 of 4 /facts?limit=100; /health polled every 50 ms. "
        f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}. "
        f"Server errors (5xx): {len(loaded['errors'])}.",
        "",
        "| requests | n | p50 (ms) | p95 (ms) | max (ms) | per second |",
        "|---|---|---|---|---|---|",
    ]
    for name, xs in rows:
        span = 3.0 if name.endswith("idle") else args.seconds
        lines.append(f"| {name} | {len(xs)} | {statistics.median(xs):.1f} | {percentile(xs, 95):.1f} | {max(xs):.1f} | "
                     f"{len(xs) / span:.0f} |" if xs else f"| {name} | 0 | – | – | – | – |")
    lines += ["", "Target (issue 15): /health p95 ≤ 100 ms while 20 clients load /ask."]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
