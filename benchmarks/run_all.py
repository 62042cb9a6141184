"""Run every benchmark and collect their result files into benchmarks/RESULTS.md.

Each benchmark is a module `benchmarks.bench_*` that writes `benchmarks/<name>_results.md`.
Benchmarks are measurements, not tests: they never fail the build, they write numbers down.

    python -m benchmarks.run_all            # all of them
    python -m benchmarks.run_all facts api  # some of them
"""
from __future__ import annotations

import platform
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ORDER = ["ingest", "facts", "variants", "pdf_facts", "pdf_tables", "checks", "compounds", "retrieval", "api", "load", "faults", "scale"]


def main(argv: list[str]) -> int:
    names = argv or ORDER
    for name in names:
        module = f"benchmarks.bench_{name}"
        if not (HERE / f"bench_{name}.py").exists():
            print(f"skip {module}: not present", file=sys.stderr)
            continue
        print(f"== {module}", file=sys.stderr)
        t = time.perf_counter()
        rc = subprocess.call([sys.executable, "-m", module], cwd=HERE.parent)
        print(f"   rc={rc} in {time.perf_counter() - t:.0f} s", file=sys.stderr)
        if name == "api":  # the held-out question sets, each written blind, scored apart
            for heldout in HELDOUT_SETS:
                subprocess.call([sys.executable, "-m", module, "--questions", str(HERE / f"questions_{heldout}.yaml"),
                                 "--out", str(HERE / f"api_{heldout}_results.md"), "--rounds", "1", "--starts", "1"],
                                cwd=HERE.parent)
    collect()
    return 0


# question sets written blind, each scored on its own (benchmarks/questions_<name>.yaml)
HELDOUT_SETS = ("heldout", "heldout3", "heldout4", "heldout5", "heldout6", "heldout7")


def collect() -> None:
    parts = [
        "# Benchmark results\n",
        "Written by `make bench` (`python -m benchmarks.run_all`). Machine: "
        f"{platform.machine()}, {platform.python_implementation()} {platform.python_version()}, "
        f"{_cores()} cores. Each section below is the file the benchmark wrote.\n",
    ]
    for name in [*ORDER, *(f"api_{h}" for h in HELDOUT_SETS)]:
        path = HERE / f"{name}_results.md"
        if path.exists():
            parts.append(path.read_text(encoding="utf-8").strip() + "\n")
        first_run = HERE / f"{name}_first_run.md"
        if first_run.exists():
            parts.append(first_run.read_text(encoding="utf-8").strip() + "\n")
        if name == "facts" and (HERE / "first_runs.md").exists():
            parts.append((HERE / "first_runs.md").read_text(encoding="utf-8").strip() + "\n")
    (HERE / "RESULTS.md").write_text("\n".join(parts), encoding="utf-8")


def _cores() -> int:
    import os

    return os.cpu_count() or 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
