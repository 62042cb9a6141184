"""Score each of our new reports (tests/data/firstrun-*) on its own, for the record of its first run.

The gold of every firstrun-* report was written by someone who had not read the extractor,
before the extractor ever saw the report. The first time this is run on a report, its
output is copied by hand into benchmarks/RESULTS.md under "first run" and never changed;
later runs (`make bench`) show the figure after general fixes.

    python -m benchmarks.firstrun [STEM ...]
"""
from __future__ import annotations

import argparse

from benchmarks.bench_facts import DATA, Score, score_own


def report_rows(stems: list[str]) -> list[tuple[str, Score]]:
    return [(stem, score_own(f"{stem}.facts.yaml")) for stem in stems]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("stems", nargs="*", help="report file stems (default: every tests/data/firstrun-*)")
    ap.add_argument("--misses", type=int, default=15)
    args = ap.parse_args()
    stems = args.stems or sorted(p.name.replace(".facts.yaml", "") for p in DATA.glob("firstrun-*.facts.yaml"))
    print("| report | gold facts | value recall | value + unit | value + unit + period | full recall | period | breakdown | measure | precision | precision (value + unit) | non-facts extracted |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    rows = report_rows(stems)
    for stem, sc in rows:
        print(sc.row(stem))
    for stem, sc in rows:
        print(f"\n### {stem}: missed (first {args.misses})")
        for g in sc.misses[: args.misses]:
            print(f"- {g['line']} `{g.get('printed', g['value'])}` {g.get('unit')} {g.get('measure')} {g['period']} {g.get('breakdown') or ''}")
        print(f"\n### {stem}: wrong (first {args.misses})")
        for g, f in sc.wrong[: args.misses]:
            print(f"- {g['line']} `{g.get('printed', g['value'])}`: gold {g.get('measure')} {g['period']} {g.get('breakdown') or {}}"
                  f" / got {f.measure} {f.period} {dict(f.breakdown)}")
        print(f"\n### {stem}: extra (first {args.misses})")
        for f in sc.extra[: args.misses]:
            print(f"- {f.line} `{f.printed}` {f.measure} {f.period} {dict(f.breakdown)}")


if __name__ == "__main__":
    main()
