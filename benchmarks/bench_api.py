"""The HTTP API measured as a user meets it: answer accuracy, /ask latency, cold start.

- Accuracy, on benchmarks/questions.yaml: an answerable question is right when every gold
  (report, value) pair is among the answers (a conflict or a series needs all its values),
  "partly" when some are; a question the reports cannot answer is right when the answer is
  `not_reported`. A "wrong" answer is figures where no gold value is among them. Values match
  as printed ("8 662" = 8662, "7,9" = 7.9, "åtta" = 8, "hälften" = 50), on the answer's printed figure or its value.
- Latency: GET /ask through a real uvicorn server on 127.0.0.1 (a subprocess, `rapportkoll
  serve`), one request at a time over a keep-alive connection, every question `--rounds`
  times; client-side wall time. Passages are lexical (the /ask default); with `--dense`, also
  hybrid, first pass only (the index caches query vectors, so later passes would not embed).
- Cold start: from starting the server process to the first 200 on /health, `--starts` times.

    python -m benchmarks.bench_api                      # builds a lexical KB from corpus/ first
    python -m benchmarks.bench_api --dense              # ... with dense vectors, and times hybrid too
    python -m benchmarks.bench_api --db rapportkoll.db  # a KB you built
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any, Optional

import httpx
import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
QUESTIONS = ROOT / "benchmarks" / "questions.yaml"
OUT = ROOT / "benchmarks" / "api_results.md"
NUMBER = re.compile(r"-?\d[\d \u00a0\u2009\u202f]*(?:,\d+)?")


def as_number(text: Any) -> Optional[float]:
    """"8 662" -> 8662.0, "7,9%" -> 7.9; None when there is no number."""
    if isinstance(text, (int, float)):
        return float(text)
    m = NUMBER.search(str(text or ""))
    if not m:
        from nlp.sv.numerals import FRACTIONS, parse_number_word  # "åtta procent", "hälften" (50 %)

        words = str(text or "").lower().split()
        for n in (2, 1):
            if len(words) >= n and " ".join(words[:n]) in FRACTIONS:
                return FRACTIONS[" ".join(words[:n])]
        value = parse_number_word(words[0], allow_one=True) if words else None
        return float(value) if value is not None else None
    return float(re.sub(r"[ \u00a0\u2009\u202f]", "", m.group(0)).replace(",", "."))


def answer_pairs(body: dict) -> set[tuple[str, float]]:
    pairs = set()
    for a in body.get("answers", []):
        for v in (as_number(a.get("printed")), as_number(a.get("value"))):
            if v is not None:
                pairs.add((a["doc"], round(v, 6)))
    return pairs


def grade(question: dict, body: dict) -> str:
    """right | partly | wrong | not_reported (for an answerable question) | right | wrong (unanswerable)."""
    if question["style"] == "unanswerable":
        return "right" if body["not_reported"] else "wrong"
    gold = {(g["doc"], round(as_number(g["value"]), 6)) for g in question.get("gold") or [] if as_number(g["value"]) is not None}
    got = answer_pairs(body)
    if body["not_reported"]:
        return "not_reported"
    if gold and gold <= got:
        return "right"
    return "partly" if gold & got else "wrong"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(db: Path, port: int, lexical_only: bool) -> subprocess.Popen:
    # `python -m api.cli` would register `serve` on another copy of the group; import it instead
    cmd = [sys.executable, "-c", "from api.cli import main; main()", "serve", "--db", str(db), "--port", str(port)]
    if lexical_only:
        cmd.append("--lexical-only")
    return subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def wait_healthy(port: int, proc: subprocess.Popen, timeout: float = 60.0) -> float:
    """Seconds until /health answers 200 (measured from now)."""
    t0 = time.perf_counter()
    while time.perf_counter() - t0 < timeout:
        if proc.poll() is not None:
            raise RuntimeError("server exited: " + proc.stderr.read().decode(errors="replace")[-2000:])
        try:
            if httpx.get(f"http://127.0.0.1:{port}/health", timeout=1.0).status_code == 200:
                return time.perf_counter() - t0
        except httpx.HTTPError:
            pass
        time.sleep(0.01)
    raise TimeoutError(f"no 200 from /health within {timeout} s")


def stop(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()


def cold_start(db: Path, lexical_only: bool, starts: int) -> list[float]:
    out = []
    for _ in range(starts):
        port = free_port()
        t0 = time.perf_counter()
        proc = start_server(db, port, lexical_only)
        try:
            wait_healthy(port, proc)
            out.append(time.perf_counter() - t0)
        finally:
            stop(proc)
    return out


def percentile(values: list[float], p: float) -> float:
    values = sorted(values)
    if not values:
        return float("nan")
    k = (len(values) - 1) * p / 100
    lo, hi = int(k), min(int(k) + 1, len(values) - 1)
    return values[lo] + (values[hi] - values[lo]) * (k - lo)


def time_asks(client: httpx.Client, questions: list[dict], rounds: int, mode: str) -> tuple[list[float], dict[str, dict]]:
    """Milliseconds per /ask, and the last body per question id."""
    times, bodies = [], {}
    for _ in range(rounds):
        for q in questions:
            t = time.perf_counter()
            r = client.get("/ask", params={"q": q["query"], "mode": mode})
            times.append((time.perf_counter() - t) * 1000)
            r.raise_for_status()
            bodies[q["id"]] = r.json()
    return times, bodies


def build(dense: bool, folder: Path) -> tuple[Path, float]:
    from api.build import build_kb

    db = folder / "rapportkoll.db"
    t = time.perf_counter()
    build_kb([ROOT / "corpus"], db, with_dense=dense, say=lambda s: print(s, file=sys.stderr))
    return db, time.perf_counter() - t


def main(argv: Optional[list[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", type=Path, help="A built knowledge base (default: build one from corpus/ into a temp folder).")
    ap.add_argument("--dense", action="store_true", help="Build with dense vectors and time hybrid /ask as well.")
    ap.add_argument("--rounds", type=int, default=3, help="Passes over the questions for the lexical latency (default 3).")
    ap.add_argument("--starts", type=int, default=3, help="Cold starts to time (default 3).")
    ap.add_argument("--questions", type=Path, default=QUESTIONS,
                    help="Question set (default benchmarks/questions.yaml; benchmarks/questions_heldout.yaml was written "
                         "blind, by someone who never saw the code).")
    ap.add_argument("--out", type=Path, default=OUT, help=f"Where to write the report (default {OUT.relative_to(ROOT)}).")
    args = ap.parse_args(argv)

    questions = yaml.safe_load(args.questions.read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        build_s = None
        db = args.db
        if db is None:
            db, build_s = build(args.dense, Path(tmp))
        starts = cold_start(db, lexical_only=not args.dense, starts=args.starts)
        port = free_port()
        proc = start_server(db, port, lexical_only=not args.dense)
        try:
            wait_healthy(port, proc)
            with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=60) as client:
                health = client.get("/health").json()
                client.get("/ask", params={"q": "uppvärmning"})  # one warm-up request
                lex_times, bodies = time_asks(client, questions, args.rounds, "lexical")
                hyb_times = None
                if args.dense and health["search"]["dense"]:
                    hyb_times, _ = time_asks(client, questions, 1, "hybrid")
        finally:
            stop(proc)
    write_report(questions, bodies, lex_times, hyb_times, starts, health, build_s, args, db)
    print(args.out.read_text(encoding="utf-8"))
    return 0


def write_report(questions, bodies, lex_times, hyb_times, starts, health, build_s, args, db) -> None:
    grades = {q["id"]: grade(q, bodies[q["id"]]) for q in questions}
    answerable = [q for q in questions if q["style"] != "unanswerable"]
    unanswerable = [q for q in questions if q["style"] == "unanswerable"]
    count = Counter(grades[q["id"]] for q in answerable)
    right_un = sum(grades[q["id"]] == "right" for q in unanswerable)
    by_style: dict[str, Counter] = defaultdict(Counter)
    for q in questions:
        by_style[q["style"]][grades[q["id"]]] += 1
    n_ans = len(answerable)
    overall = (count["right"] + right_un) / len(questions)
    lines = [
        "## API: answers, latency, cold start" if args.questions.resolve() == QUESTIONS.resolve()
        else f"## API: answers on {args.questions.name} (written blind), latency, cold start",
        "",
        f"`python -m benchmarks.bench_api{' --dense' if args.dense else ''}` on {len(questions)} questions of "
        f"{args.questions.resolve().relative_to(ROOT)} ({n_ans} answerable, {len(unanswerable)} not answerable by the reports); "
        f"knowledge base {'built from corpus/ in ' + format(build_s, '.0f') + ' s' if build_s else db} "
        f"({health['facts']} facts, {health['findings']} findings, {health['chunks']} passages, dense search "
        f"{'on' if health['search']['dense'] else 'off'}); {platform.machine()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}, {dt.date.today().isoformat()}.",
        "",
        "### Answer accuracy",
        "",
        "Right: every gold (report, value) among the answers, or `not_reported` for a question the reports cannot "
        "answer. Partly: some gold values. Wrong: figures, none of them gold. Not reported: `not_reported` for an "
        "answerable question (honest, but a miss).",
        "",
        "| questions | right | partly | wrong | not reported |",
        "|---|---|---|---|---|",
        f"| answerable ({n_ans}) | {count['right']} ({count['right'] / n_ans:.0%}) | {count['partly']} | {count['wrong']} | "
        f"{count['not_reported']} |",
        f"| not answerable ({len(unanswerable)}) | {right_un} ({right_un / max(1, len(unanswerable)):.0%}) | – | "
        f"{len(unanswerable) - right_un} | – |",
        f"| all ({len(questions)}) | {count['right'] + right_un} ({overall:.0%}) | | | |",
        "",
        "By style (right / all):",
        "",
        "| " + " | ".join(sorted(by_style)) + " |",
        "|" + "---|" * len(by_style),
        "| " + " | ".join(f"{by_style[s]['right']}/{sum(by_style[s].values())}" for s in sorted(by_style)) + " |",
        "",
        "### Latency and start",
        "",
        "| measure | p50 | p95 | max | n |",
        "|---|---|---|---|---|",
        f"| GET /ask, lexical passages (ms) | {percentile(lex_times, 50):.1f} | {percentile(lex_times, 95):.1f} | "
        f"{max(lex_times):.1f} | {len(lex_times)} |",
    ]
    if hyb_times:
        lines.append(f"| GET /ask, hybrid passages, query embedded (ms) | {percentile(hyb_times, 50):.1f} | "
                     f"{percentile(hyb_times, 95):.1f} | {max(hyb_times):.1f} | {len(hyb_times)} |")
    lines += [
        f"| cold start: process start to /health 200 (s) | {statistics.median(starts):.2f} | – | {max(starts):.2f} | "
        f"{len(starts)} |",
        "",
        "Targets (issue 6): p95 of /ask under 50 ms, start under 5 s with a built knowledge base.",
        "",
        "### Questions not answered right",
        "",
    ]
    for q in questions:
        g = grades[q["id"]]
        if g == "right":
            continue
        b = bodies[q["id"]]
        i = b["interpretation"]
        got = ", ".join(sorted({f"{a['doc']} {a['printed'] or a['value']}" for a in b["answers"]})[:4]) or "–"
        lines.append(f"- {q['id']} ({g}) \"{q['query']}\": read as {i['measure'] or 'no measure'}"
                     f"{' ' + i['period'] if i['period'] else ''}{' ' + str(i['breakdown']) if i['breakdown'] else ''}; "
                     f"got {got}")
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
