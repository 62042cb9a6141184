"""Faults and a long report: concurrent writers, kill -9 during a build, readers on a read-only KB, a 50 MB report.

Every command is `rapportkoll` run as a child process on copies in a temp folder (nothing leaves the
machine, nothing outside the folder is written), each with a time limit, so the benchmark stops by itself:

(a) writers: in each round a `build` starts, and as soon as it holds the KB (its temp copy appears)
    two `ingest` runs of two other reports start at once; every document the three reported must be
    in the KB afterwards (the ingests wait for the build and then for each other).
(b) kill -9: a `build` over an existing KB is killed at several moments (reading, saving, extracting,
    checking, indexing); the KB must keep its documents, facts and bytes, and the next complete build
    must remove the temp copies and journals the killed ones left.
(c) readers: `documents`, `facts`, `measures`, `show`, `check` on a KB whose file and folder are not
    writable (as root, with the capability to override file permissions dropped); all must exit 0 and
    leave the file's bytes and the folder as they were.
(d) a long report: the corpus's text reports repeated to --big-mb MB in one file, then `ingest` and
    `build --lexical-only` with stderr on a pseudo-terminal: time, peak memory (the command and its
    children), resident memory as the build goes on, and the progress lines it drew. This part takes
    most of the time (about a quarter of an hour for 50 MB on two cores); --big-mb 5 for a quick run.

    python -m benchmarks.bench_faults [--rounds 5] [--big-mb 50]
"""
from __future__ import annotations

import argparse
import fcntl
import hashlib
import os
import platform
import shutil
import signal
import sqlite3
import stat
import struct
import subprocess
import sys
import tempfile
import termios
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Optional
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "benchmarks" / "faults_results.md"
CORPUS = ROOT / "corpus"
DATA = ROOT / "tests" / "data"
LIMIT_S = 1800  # no one command may run longer than this
# the child reports its children's peak resident memory (KiB) to a file, then exits with their code
_PEAK = ("import resource, subprocess, sys; rc = subprocess.call(sys.argv[2:]); "
         "open(sys.argv[1], 'w').write(str(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)); sys.exit(rc)")


def rk(*args: str) -> list[str]:
    return [sys.executable, "-c", "from api.cli import main; main()", *args]


def run(cmd: list[str], timeout: float = LIMIT_S) -> subprocess.CompletedProcess:
    return subprocess.run(cmd, cwd=ROOT, stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=timeout)


def read_only(db: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{quote(str(db))}?mode=ro", uri=True)


def kb_state(db: Path) -> tuple[frozenset[str], int]:
    """The KB's document ids and number of facts (0 when it has no facts table)."""
    conn = read_only(db)
    try:
        docs = frozenset(r[0] for r in conn.execute("SELECT id FROM documents"))
        has_facts = conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'facts'").fetchone()
        facts = conn.execute("SELECT count(*) FROM facts").fetchone()[0] if has_facts else 0
        return docs, facts
    finally:
        conn.close()


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def leftovers(db: Path) -> list[str]:
    """Files beside the KB other than the KB and the writers' lock: temp copies, journals."""
    return sorted(p.name for p in db.parent.iterdir() if p.name not in (db.name, f".{db.name}.lock"))


def doc_id(path: Path) -> str:
    from ingest.reader import read_path

    return read_path(path).id


def wait_for(predicate: Callable[[], bool], timeout: float, step: float = 0.005) -> bool:
    end = time.perf_counter() + timeout
    while time.perf_counter() < end:
        if predicate():
            return True
        time.sleep(step)
    return False


# --- (a) writers -----------------------------------------------------------------------------

@dataclass
class WriterRound:
    expected: frozenset[str]
    found: frozenset[str]
    codes: tuple[int, ...]
    waited_s: float  # from the ingests' start to the last exit

    @property
    def lost(self) -> frozenset[str]:
        return self.expected - self.found


def writers(folder: Path, rounds: int) -> list[WriterRound]:
    built = [CORPUS / "af-fk-aterrapport-2020-sammanfattning.txt", CORPUS / "fk-regeringsuppdrag-stod-individen-2020.txt"]
    extra = sorted(DATA.glob("firstrun-*.txt"))
    out = []
    for r in range(rounds):
        db = folder / f"round{r}" / "kb.db"
        db.parent.mkdir(parents=True)
        added = [extra[(2 * r) % len(extra)], extra[(2 * r + 1) % len(extra)]]
        build = subprocess.Popen(rk("build", *map(str, built), "--db", str(db), "--no-index", "-j", "1", "-q"), cwd=ROOT,
                                 stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        # the build holds the KB once its temp copy is there: the ingests must wait for it, not write beside it
        holding = wait_for(lambda: any(p.suffix == ".tmp" for p in db.parent.iterdir()) or build.poll() is not None, 120)
        t = time.perf_counter()
        ingests = [subprocess.Popen(rk("ingest", str(p), "--db", str(db), "-j", "1", "-q"), cwd=ROOT, stdin=subprocess.DEVNULL,
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL) for p in added]
        codes = tuple(p.wait(timeout=LIMIT_S) for p in (build, *ingests))
        waited = time.perf_counter() - t
        expected = frozenset(map(doc_id, built + added))
        out.append(WriterRound(expected, kb_state(db)[0], codes, waited))
        if not holding:
            print(f"round {r}: the build was never seen holding the KB", file=sys.stderr)
    return out


# --- (b) kill -9 -----------------------------------------------------------------------------

@dataclass
class Kill:
    moment: str
    at_s: float  # seconds after the build started
    last_line: str  # the build's last stage line before the kill
    killed: bool  # False: it had finished before the moment came
    intact: bool  # documents, facts and bytes of the KB as before
    left: list[str]  # temp copies and journals beside the KB afterwards


def _stage_lines(proc: subprocess.Popen, lines: list[tuple[float, str]], t0: float) -> None:
    for raw in proc.stderr:  # type: ignore[union-attr]
        lines.append((time.perf_counter() - t0, raw.decode("utf-8", "replace").strip()))


TEMP_COPY = "temp copy"
KILL_MOMENTS: list[tuple[str, Optional[str], float]] = [
    # (name, what to wait for: a stage line the build prints, its temp copy beside the KB or nothing; seconds after it)
    ("reading the files", None, 1.0),
    ("saving the documents", TEMP_COPY, 0.0),
    ("extracting facts", "läste ", 4.0),
    ("running the checks", " fakta (", 0.0),
    ("building the index", " avvikelser ", 0.0),
]


def kills(folder: Path) -> tuple[list[Kill], dict]:
    db = folder / "kb.db"
    folder.mkdir(parents=True)
    first = run(rk("build", str(CORPUS / "af-fk-aterrapport-2020-sammanfattning.txt"), str(CORPUS / "af-fk-aterrapport-2019.txt"),
                   "--db", str(db), "--lexical-only", "-j", "1", "-q"))
    assert first.returncode == 0, first.stderr
    before, digest = kb_state(db), sha256(db)
    # a 2 MB report among them, so that reading (about a second a MB) and each later stage last a while
    long_report(folder.parent / "rapport-2mb.txt", 2)
    later = [str(CORPUS / "af-fk-aterrapport-2022.txt"), str(CORPUS / "fk-regeringsuppdrag-stod-individen-2020.txt"),
             str(folder.parent / "rapport-2mb.txt")]
    out = []
    for moment, after_line, delay in KILL_MOMENTS:
        stale = set(leftovers(db))  # a killed build's temp copy is no sign of this one's
        t0 = time.perf_counter()
        proc = subprocess.Popen(rk("build", *later, "--db", str(db), "--lexical-only", "-j", "1"), cwd=ROOT,
                                stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        lines: list[tuple[float, str]] = []
        reader = threading.Thread(target=_stage_lines, args=(proc, lines, t0), daemon=True)
        reader.start()
        if after_line == TEMP_COPY:
            wait_for(lambda: any(p.suffix == ".tmp" and p.name not in stale for p in folder.iterdir()) or proc.poll() is not None,
                     LIMIT_S, 0.001)
        elif after_line is not None:
            wait_for(lambda: any(after_line in text for _, text in lines) or proc.poll() is not None, LIMIT_S, 0.001)
        time.sleep(delay)
        killed = proc.poll() is None
        at = time.perf_counter() - t0
        if killed:
            os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=60)
        reader.join(timeout=10)
        state = kb_state(db)
        out.append(Kill(moment, at, lines[-1][1] if lines else "", killed, state == before and sha256(db) == digest,
                        leftovers(db)))
        if not killed:  # it replaced the KB: the later moments start from its result
            before, digest = state, sha256(db)
    t = time.perf_counter()
    done = run(rk("build", *later, "--db", str(db), "--lexical-only", "-j", "1", "-q"))
    final = {"rc": done.returncode, "seconds": time.perf_counter() - t, "left": leftovers(db), "documents": len(kb_state(db)[0]),
             "facts": kb_state(db)[1]}
    return out, final


# --- (c) readers -----------------------------------------------------------------------------

def _without_override() -> list[str]:
    """A prefix that runs a command as root without the capability to ignore file permissions."""
    if os.geteuid() != 0:
        return []
    if shutil.which("setpriv") is None:
        return []
    drop = "-dac_override,-dac_read_search"
    return ["setpriv", f"--bounding-set={drop}", f"--inh-caps={drop}"]


def readers(db: Path) -> tuple[list[tuple[str, int, float, bool]], bool, bool, bool]:
    """(command, exit code, seconds, traceback shown) per reader; bytes unchanged; folder unchanged; enforced."""
    doc = sorted(kb_state(db)[0])[0]
    commands = [("documents",), ("facts", "--format", "jsonl"), ("measures",), ("show", doc), ("check",)]
    prefix = _without_override()
    digest, listing = sha256(db), sorted(p.name for p in db.parent.iterdir())
    rows = []
    db.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
    db.parent.chmod(stat.S_IRUSR | stat.S_IXUSR | stat.S_IRGRP | stat.S_IXGRP | stat.S_IROTH | stat.S_IXOTH)
    try:
        enforced = run(prefix + ["sh", "-c", f"touch '{db.parent / 'probe'}'"], timeout=30).returncode != 0
        for args in commands:
            t = time.perf_counter()
            done = run(prefix + rk(*args, "--db", str(db)), timeout=300)
            rows.append((" ".join(args[:1] + (("DOC",) if args[0] == "show" else args[1:])), done.returncode,
                         time.perf_counter() - t, "Traceback" in done.stderr))
    finally:
        db.parent.chmod(stat.S_IRWXU)
        db.chmod(stat.S_IRUSR | stat.S_IWUSR)
    return rows, sha256(db) == digest, sorted(p.name for p in db.parent.iterdir()) == listing, enforced


# --- (d) a long report -----------------------------------------------------------------------

def long_report(path: Path, megabytes: float) -> int:
    """The corpus's text reports one after another, again and again, to `megabytes` MB; its size in bytes."""
    parts = [p.read_text(encoding="utf-8") + "\n\n" for p in sorted(CORPUS.glob("*.txt"))]
    target, size, chunks, i = int(megabytes * 1e6), 0, [], 0
    while size < target:
        chunks.append(parts[i % len(parts)])
        size += len(chunks[-1].encode("utf-8"))
        i += 1
    path.write_text("".join(chunks), encoding="utf-8")
    return size


@dataclass
class Measured:
    rc: int
    seconds: float
    peak_mb: float
    shown: str  # what the command wrote on its terminal
    rss: list[tuple[float, float]] = field(default_factory=list)  # (seconds, MB) of the command's process tree
    written: list[tuple[float, str]] = field(default_factory=list)  # (seconds, text) as it came

    def rss_at(self, seconds: float) -> float:
        """The last memory sample taken at or before `seconds`."""
        before = [mb for t, mb in self.rss if t <= seconds]
        return before[-1] if before else float("nan")

    def when(self, text: str) -> Optional[float]:
        """Seconds until `text` had been written (it may straddle two pieces)."""
        so_far = ""
        for t, piece in self.written:
            so_far = so_far[-200:] + piece
            if text in so_far:
                return t
        return None

    def redraws(self, label: str) -> int:
        """How many times the bar `label` was drawn."""
        return sum(1 for piece in self.shown.replace("\n", "\r").split("\r") if piece.startswith(f"{label}:") and "%|" in piece)

    def lines(self) -> list[str]:
        """The stage lines: what is left of the output without the bars."""
        return [p.strip() for p in self.shown.replace("\r", "\n").split("\n") if p.strip() and "%|" not in p]


def on_a_terminal(args: list[str], folder: Path) -> Measured:
    """Run `rapportkoll ARGS` with stderr on a pseudo-terminal 100 columns wide, sampling memory."""
    import psutil

    peak_file = folder / "peak.txt"
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))
    chunks: list[tuple[float, bytes]] = []
    t0 = time.perf_counter()

    def drain() -> None:
        while True:
            try:
                data = os.read(master, 65536)
            except OSError:
                return
            if not data:
                return
            chunks.append((time.perf_counter() - t0, data))

    reader = threading.Thread(target=drain, daemon=True)
    reader.start()
    proc = subprocess.Popen([sys.executable, "-c", _PEAK, str(peak_file), *rk(*args)], cwd=ROOT, stdin=subprocess.DEVNULL,
                            stdout=subprocess.DEVNULL, stderr=slave)
    rss: list[tuple[float, float]] = []
    try:
        while proc.poll() is None and time.perf_counter() - t0 < LIMIT_S:
            try:
                tree = [psutil.Process(proc.pid), *psutil.Process(proc.pid).children(recursive=True)]
                rss.append((time.perf_counter() - t0, sum(p.memory_info().rss for p in tree) / 2**20))
            except psutil.Error:
                pass
            time.sleep(1.0)
        if proc.poll() is None:
            proc.kill()
        proc.wait()
    finally:
        seconds = time.perf_counter() - t0
        os.close(slave)
        reader.join(timeout=10)
        os.close(master)
    peak = int(peak_file.read_text()) / 1024 if peak_file.exists() else float("nan")
    return Measured(proc.returncode, seconds, peak, b"".join(c for _, c in chunks).decode("utf-8", "replace"), rss,
                    [(t, c.decode("utf-8", "replace")) for t, c in chunks])


def big(folder: Path, megabytes: float) -> dict:
    folder.mkdir(parents=True)
    report = folder / f"rapport-{megabytes:g}mb.txt"
    size = long_report(report, megabytes)
    ingest = on_a_terminal(["ingest", str(report), "--db", str(folder / "ingest.db"), "-j", "1"], folder)
    build = on_a_terminal(["build", str(report), "--db", str(folder / "build.db"), "--lexical-only", "-j", "1"], folder)
    docs, facts = kb_state(folder / "build.db") if build.rc == 0 else (frozenset(), 0)
    return {"size": size, "ingest": ingest, "build": build, "facts": facts, "documents": len(docs)}


# --- the report ------------------------------------------------------------------------------

def _mb(measured: Measured, text: str) -> str:
    t = measured.when(text)
    return f"{measured.rss_at(t):.0f}" if t is not None else "–"


def _at(rss: list[tuple[float, float]], fraction: float) -> str:
    if not rss:
        return "–"
    return f"{rss[min(len(rss) - 1, int(fraction * (len(rss) - 1)))][1]:.0f}"


def write(args, rounds: list[WriterRound], killed: list[Kill], final: dict, read: tuple, long: Optional[dict], took: float) -> list[str]:
    lost = sum(len(r.lost) for r in rounds)
    codes = sorted({c for r in rounds for c in r.codes})
    lines = [
        "## Faults and a long report (`python -m benchmarks.bench_faults`)",
        "",
        f"`python -m benchmarks.bench_faults --rounds {args.rounds} --big-mb {args.big_mb:g}`: every command a `rapportkoll` "
        f"child process on copies in a temp folder. {platform.machine()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}; {took / 60:.1f} min in all.",
        "",
        "### Writers at once",
        "",
        f"{len(rounds)} rounds: a `build` of two reports starts, and as soon as it holds the KB (its temp copy is there) two "
        "`ingest` runs of two other reports start at the same moment; afterwards every one of the four documents must be in the KB.",
        "",
        "| round | documents expected | found | lost | exit codes (build, ingest, ingest) | ingests done after (s) |",
        "|---|---|---|---|---|---|",
    ]
    for i, r in enumerate(rounds):
        lines.append(f"| {i + 1} | {len(r.expected)} | {len(r.found & r.expected)} | {len(r.lost)} | {', '.join(map(str, r.codes))} | "
                     f"{r.waited_s:.1f} |")
    lines += ["", f"Lost documents: {lost} in {len(rounds)} rounds (exit codes seen: {', '.join(map(str, codes))}).", "",
              "### kill -9 during a build", "",
              "A KB of two reports; a `build` of three others (one of them 2 MB) over it is killed at each moment (a time after it "
              "started, its temp copy appearing beside the KB, a stage line it prints, or a time after one). The KB must "
              "keep its documents, facts and bytes.", "",
              "| killed while | after (s) | its last stage line | killed | KB intact | files left beside the KB |",
              "|---|---|---|---|---|---|"]
    for k in killed:
        lines.append(f"| {k.moment} | {k.at_s:.1f} | {k.last_line or '–'} | {'yes' if k.killed else 'no (had finished)'} | "
                     f"{'yes' if k.intact else 'NO'} | {len(k.left)} ({', '.join(n.split('.')[-1] for n in k.left) or 'none'}) |")
    lines += ["", f"The next complete build: exit {final['rc']} in {final['seconds']:.1f} s, {final['documents']} documents, "
              f"{final['facts']} facts; files left beside the KB afterwards: {len(final['left'])}.", "",
              "### Readers on a read-only KB", ""]
    rows, same_bytes, same_folder, enforced = read
    how = ("file and folder without write permission, the readers run without the capability to override it (`setpriv`), "
           "so a write would fail" if enforced else "file and folder without write permission (not enforced for this user)")
    lines += [f"The KB of the build above, {how}.", "", "| command | exit code | seconds | traceback |", "|---|---|---|---|"]
    lines += [f"| `{name}` | {rc} | {s:.1f} | {'yes' if tb else 'no'} |" for name, rc, s, tb in rows]
    lines += ["", f"File bytes unchanged (sha256): {'yes' if same_bytes else 'NO'}; folder unchanged (no journal, no stray "
              f"file): {'yes' if same_folder else 'NO'}.", ""]
    if long is not None:
        ingest, build = long["ingest"], long["build"]
        lines += [f"### A {long['size'] / 1e6:.0f} MB report", "",
                  f"The corpus's text reports one after another to {long['size'] / 1e6:.1f} MB in one .txt file; "
                  "each command with stderr on a pseudo-terminal (so the bars draw) and its peak memory read from the "
                  "kernel (the command and its children).", "",
                  "| command | exit code | time (s) | peak memory (MB) | bar redraws | stage lines |", "|---|---|---|---|---|---|",
                  f"| `ingest` | {ingest.rc} | {ingest.seconds:.1f} | {ingest.peak_mb:.0f} | läser {ingest.redraws('läser')} | "
                  f"{len(ingest.lines())} |",
                  f"| `build --lexical-only` | {build.rc} | {build.seconds:.1f} | {build.peak_mb:.0f} | läser "
                  f"{build.redraws('läser')}, fakta {build.redraws('fakta')}, kontroller {build.redraws('kontroller')} | "
                  f"{len(build.lines())} |", "",
                  f"The build: {long['documents']} document, {long['facts']} facts. Resident memory of the build (MB, "
                  f"sampled each second) when the facts bar first showed " + ", ".join(
                      f"{p} % {build.rss_at(t):.0f}" for p in (1, 10, 25, 50, 75, 100)
                      for t in [build.when(f"fakta: {p:3d}%")] if t is not None)
                  + "; when the checks ended " + _mb(build, " avvikelser ") + ", when the index was built "
                  + _mb(build, "index: ") + f". At 10, 50 and 90 % of its time: {_at(build.rss, 0.1)}, "
                  f"{_at(build.rss, 0.5)}, {_at(build.rss, 0.9)}. Its stage lines:", ""]
        lines += [f"    {line}" for line in build.lines()]
        last = [p for p in build.shown.replace("\n", "\r").split("\r") if p.startswith("fakta:") and "%|" in p]
        if last:
            lines += ["", "The last drawing of the facts bar:", "", f"    {last[-1].strip()}"]
        lines.append("")
    OUT.write_text("\n".join(lines), encoding="utf-8")
    return lines


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=5, help="Rounds of writers at once (default 5).")
    ap.add_argument("--big-mb", type=float, default=50.0, help="Size of the long report in MB (default 50; 0 leaves it out).")
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="bench_faults_") as tmp:
        folder = Path(tmp)
        print("writers at once ...", file=sys.stderr)
        rounds = writers(folder / "writers", args.rounds)
        print("kill -9 during builds ...", file=sys.stderr)
        killed, final = kills(folder / "kills")
        print("readers on a read-only KB ...", file=sys.stderr)
        read = readers(folder / "kills" / "kb.db")
        long = None
        if args.big_mb > 0:
            print(f"a {args.big_mb:g} MB report ...", file=sys.stderr)
            long = big(folder / "big", args.big_mb)
    lines = write(args, rounds, killed, final, read, long, time.perf_counter() - t0)
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
