"""Audit checks against the hand-found and the planted inconsistencies: recall and precision per type.

Three sets, each run through the whole pipeline (ingest -> extract_facts -> run_checks):

- corpus:  corpus/*.txt against tests/gold/findings.yaml (found by hand, reading the reports
           against each other and each summary against its body and tables)
- planted: tests/data/synthetic-*.txt (two clean reports and one with planted errors of every
           type) against tests/data/planted-findings.yaml
- blind:   tests/data/blindaudit-*.txt (two years of a report in another house style, with planted
           errors, written by someone who never saw the extractor or the checks) against
           tests/data/blindaudit-findings.yaml; its first run is kept in benchmarks/first_runs.md

A finding matches a gold inconsistency when type and measure are the same, the periods are
compatible (equal, or one a span of years that contains the other), and at least one of its
facts stands on a line the gold entry names in the same document. Matching is one to one,
best overlap first. Recall = gold entries matched / gold entries; precision = findings matched /
findings. Severity is reported but not required to match. Findings that touch a case the gold
lists as consistent are counted among the false alarms and listed apart.

    python -m benchmarks.bench_checks [--show N]
"""
from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

import yaml

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "benchmarks" / "checks_results.md"
SETS = {
    "corpus": ([ROOT / "corpus"], ROOT / "tests" / "gold" / "findings.yaml"),
    "planted": (sorted((ROOT / "tests" / "data").glob("synthetic-*.txt")), ROOT / "tests" / "data" / "planted-findings.yaml"),
    # written blind (the writer never saw the extractor or the checks), gold before the first run
    "blind": (sorted((ROOT / "tests" / "data").glob("blindaudit-*.txt")), ROOT / "tests" / "data" / "blindaudit-findings.yaml"),
}


@dataclass
class Gold:
    id: str
    type: str
    severity: str
    measure: str
    period: str
    places: set[tuple[str, int]]
    note: str = ""


@dataclass
class SetResult:
    name: str
    gold: list[Gold]
    consistent: list[Gold]
    findings: list
    matches: dict[str, object] = field(default_factory=dict)  # gold id -> finding
    seconds: float = 0.0

    @property
    def matched_findings(self) -> set[str]:
        return {f.id for f in self.matches.values()}


def load_gold(path: Path) -> tuple[list[Gold], list[Gold]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))

    def one(i: int, g: dict) -> Gold:
        return Gold(
            id=str(g.get("id") or f"consistent-{i}"),
            type=str(g.get("type") or ""),
            severity=str(g.get("severity") or ""),
            measure=str(g.get("measure") or ""),
            period=str(g.get("period") or ""),
            places={(str(x["doc"]), int(x["line"])) for x in g.get("facts", []) if x.get("line") is not None},
            note=str(g.get("note") or ""),
        )

    return [one(i, g) for i, g in enumerate(data.get("findings") or [])], [one(i, g) for i, g in enumerate(data.get("consistent") or [])]


def _years(period: str) -> Optional[tuple[int, int]]:
    parts = period.split("-")
    if not all(p.isdigit() for p in parts) or len(parts) not in (1, 2):
        return None
    return int(parts[0]), int(parts[-1])


def periods_compatible(a: str, b: str) -> bool:
    if a == b:
        return True
    ya, yb = _years(a), _years(b)
    if ya is None or yb is None:
        return False
    return ya[0] <= yb[0] <= yb[1] <= ya[1] or yb[0] <= ya[0] <= ya[1] <= yb[1]


def places_of(finding) -> set[tuple[str, int]]:
    return {(r.doc, r.line) for r in finding.facts if r.line is not None}


def overlap(finding, gold: Gold) -> int:
    if finding.type != gold.type or finding.measure != gold.measure or not periods_compatible(finding.period, gold.period):
        return 0
    return len(places_of(finding) & gold.places)


def match(findings: list, gold: list[Gold]) -> dict[str, object]:
    """One to one, best overlap first."""
    scored = sorted(
        ((overlap(f, g), i, j) for i, f in enumerate(findings) for j, g in enumerate(gold)),
        key=lambda t: (-t[0], t[1], t[2]),
    )
    used_f: set[int] = set()
    used_g: set[int] = set()
    out: dict[str, object] = {}
    for score, i, j in scored:
        if score == 0:
            break
        if i in used_f or j in used_g:
            continue
        used_f.add(i)
        used_g.add(j)
        out[gold[j].id] = findings[i]
    return out


def touches_consistent(finding, consistent: list[Gold]) -> Optional[Gold]:
    for c in consistent:
        if c.measure == finding.measure and places_of(finding) & c.places:
            return c
    return None


def run_set(name: str, inputs: list[Path], gold_path: Path) -> SetResult:
    from ingest.reader import iter_report_files, read_path
    from nlp.checks import CheckContext, run_checks
    from nlp.extract import extract_facts
    from nlp.measures import load_catalogue
    from nlp.pipeline import make_nlp

    gold, consistent = load_gold(gold_path)
    nlp, catalogue = make_nlp(), load_catalogue()
    paths = list(iter_report_files(inputs))
    docs = [d for d in (read_path(p) for p in paths) if hasattr(d, "blocks")]
    facts = [f for d in docs for f in extract_facts(d, nlp, catalogue)]
    t = time.perf_counter()
    findings = run_checks(facts, CheckContext.build(measures=catalogue, documents=docs))
    result = SetResult(name, gold, consistent, findings, seconds=time.perf_counter() - t)
    result.matches = match(findings, gold)
    return result


def _row(results: list[SetResult], t: str) -> tuple[int, int, int, int]:
    """(gold, caught, findings, correct) for one type ("all" for every type) over some sets."""
    gold = [(r, g) for r in results for g in r.gold if t in ("all", g.type)]
    found = [(r, f) for r in results for f in r.findings if t in ("all", f.type)]
    caught = sum(1 for r, g in gold if g.id in r.matches)
    correct = sum(1 for r, f in found if f.id in r.matched_findings)
    return len(gold), caught, len(found), correct


def _ratio(a: int, b: int) -> str:
    return f"{a / b:.2f}" if b else "–"


def table(results: list[SetResult], per_set: bool = False) -> list[str]:
    """Recall and precision per type, over all sets together or per set."""
    from nlp.checks import CHECKS

    head = "| set " if per_set else ""
    lines = [f"{head}| type | gold | caught | recall | findings | correct | precision |",
             f"{'|---' if per_set else ''}|---|---:|---:|---:|---:|---:|---:|"]
    groups = [[r] for r in results] if per_set else [results]
    for group in groups:
        for t in list(CHECKS) + ["all"]:
            g, c, f, k = _row(group, t)
            name = f"**{t}**" if t == "all" else t
            prefix = f"| {group[0].name} " if per_set else ""
            lines.append(f"{prefix}| {name} | {g} | {c} | {_ratio(c, g)} | {f} | {k} | {_ratio(k, f)} |")
    return lines


def details(r: SetResult, show: int) -> list[str]:
    out = [f"### {r.name}: missed", ""]
    missed = [g for g in r.gold if g.id not in r.matches]
    out += [f"- `{g.id}` {g.type} {g.severity} {g.measure} {g.period} {sorted(g.places)[:4]}" for g in missed] or ["- none"]
    out += ["", f"### {r.name}: false alarms", ""]
    false = [f for f in r.findings if f.id not in r.matched_findings]
    for f in false[:show]:
        c = touches_consistent(f, r.consistent)
        where = ", ".join(f"{x.doc}:{x.line} {x.printed}" for x in f.facts[:4])
        out.append(f"- {f.type} {f.severity} {f.measure} {f.period} [{where}]" + (f" — on a case listed as consistent ({c.note[:60]})" if c else ""))
    if not false:
        out.append("- none")
    elif len(false) > show:
        out.append(f"- … and {len(false) - show} more")
    return out + [""]


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--show", type=int, default=60, help="false alarms listed per set")
    ap.add_argument("--sets", nargs="*", default=list(SETS), choices=list(SETS))
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    results = [run_set(name, *SETS[name]) for name in args.sets]
    lines = [
        "# Audit checks: recall and precision",
        "",
        "Written by `python -m benchmarks.bench_checks`. Gold: `tests/gold/findings.yaml` (hand-found in",
        "corpus/), `tests/data/planted-findings.yaml` (planted in tests/data/synthetic-planted-errors-2025.txt,",
        "read against the synthetic 2023 and 2024 reports) and `tests/data/blindaudit-findings.yaml` (planted",
        "blind in a report pair of another house style, tests/data/blindaudit-*.txt). Whole pipeline: ingest,",
        "extract_facts, run_checks. A finding counts when type, measure and period agree and one of its facts is",
        "on a line the gold names. Serious findings are those of a severity above info.",
        "",
        "## All sets",
        "",
        *table(results),
        "",
        "## Per set",
        "",
        *table(results, per_set=True),
        "",
        f"Checks ran in {', '.join(f'{r.seconds:.1f} s ({r.name})' for r in results)}; whole benchmark "
        f"{time.perf_counter() - t0:.0f} s. Consistent cases flagged: "
        + ", ".join(f"{sum(1 for f in r.findings if f.id not in r.matched_findings and touches_consistent(f, r.consistent))} ({r.name})" for r in results)
        + ". Serious false findings (severity above info): "
        + ", ".join(f"{sum(1 for f in r.findings if f.id not in r.matched_findings and f.severity != 'info')} ({r.name})" for r in results)
        + ".",
        "",
        "## Misses and false alarms",
        "",
    ]
    for r in results:
        lines += details(r, args.show)
    OUT.write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(table(results)))
    print(f"wrote {OUT.relative_to(ROOT)}", file=sys.stderr)
    sev = Counter(f.severity for r in results for f in r.findings)
    print(f"severities: {dict(sev)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
