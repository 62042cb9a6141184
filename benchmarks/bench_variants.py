"""Variant harness: recall of the extractor on corpus tables and sentences re-set in other house styles.

benchmarks/variants.py takes every corpus table and body/summary line whose facts the gold knows
and writes it again as a small standalone report, once unchanged (`baseline`) and once per
variant, each variant changing one dimension (caption numbering, caption position, orientation,
grouped headers, units, number formats, footnote markers, qualifiers, number words, rewording)
with the true facts remapped exactly. This runs the extractor on every variant and scores each
true fact as bench_facts does: found = an extracted fact on the same line with the same value;
then period, breakdown, measure (and qualifier) on the found ones; full = value + period +
breakdown. Every number is also compared with the baseline on the SAME gold facts, so a drop is
caused by the dimension, not by the unit having lost its report around it. Precision is over the
truth lines of the variants.

    python -m benchmarks.bench_variants [--per-dimension N] [--seed S] [--jobs 2] [--misses 12] [--keep DIR]
"""
from __future__ import annotations

import argparse
import math
import os
import tempfile
import time
from collections import Counter, defaultdict
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from benchmarks.variants import (
    DIMENSIONS,
    Truth,
    Variant,
    generate,
    load_sources,
    sample,
    write_all,
)

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "benchmarks" / "variants_results.md"

# (line, value, period, breakdown, measure, qualifier, printed)
Got = tuple


def same_value(a: float, b: float) -> bool:
    return math.isclose(float(a), float(b), rel_tol=1e-9, abs_tol=1e-9)


# --- extraction -----------------------------------------------------------------------------

_STATE: dict = {}


def _init() -> None:
    from nlp.extract import build_matcher
    from nlp.measures import load_catalogue
    from nlp.pipeline import make_nlp

    nlp = make_nlp()
    _STATE["nlp"] = nlp
    _STATE["matcher"] = build_matcher(nlp, load_catalogue())


def use_pipeline(nlp, matcher) -> None:
    """Extract in this process with an existing pipeline (the tests' session fixtures)."""
    _STATE["nlp"] = nlp
    _STATE["matcher"] = matcher


def _extract_one(args: tuple[str, str]) -> tuple[str, Optional[list[Got]], str]:
    from ingest.reader import read_path
    from nlp.extract import extract_facts

    path, doc_id = args
    try:
        doc = read_path(path, doc_id=doc_id)
        if not hasattr(doc, "blocks"):
            return doc_id, None, f"ingest failed: {getattr(doc, 'reason', '?')}: {getattr(doc, 'message', '')}"
        facts = extract_facts(doc, _STATE["nlp"], _STATE["matcher"])
    except Exception as e:  # an extractor crash on a style is a finding, not a reason to stop
        return doc_id, None, f"{type(e).__name__}: {e}"
    return doc_id, [(f.line, f.value, f.period, tuple(f.breakdown), f.measure, f.qualifier, f.printed) for f in facts], ""


def extract_paths(args: list[tuple[str, str]], jobs: int = 1) -> tuple[dict[str, list[Got]], dict[str, str]]:
    """Extract facts from each (path, doc_id): {doc_id: facts}, {doc_id: error}."""
    facts: dict[str, list[Got]] = {}
    errors: dict[str, str] = {}
    if jobs <= 1:
        if "nlp" not in _STATE:
            _init()
        results = list(map(_extract_one, args))
    else:
        with ProcessPoolExecutor(max_workers=jobs, initializer=_init) as pool:
            results = list(pool.map(_extract_one, args, chunksize=4))
    for doc_id, got, err in results:
        facts[doc_id] = got or []
        if got is None:
            errors[doc_id] = err
    return facts, errors


def extract(variants: list[Variant], folder: Path, jobs: int = 1,
            also: list[tuple[str, str]] = ()) -> tuple[dict[str, list[Got]], dict[str, str]]:
    """Write the variants into `folder` and extract facts from each (and from the `also` files)."""
    paths = write_all(variants, folder)
    return extract_paths(list(also) + [(str(p), v.id) for p, v in zip(paths, variants)], jobs)


# --- scoring ----------------------------------------------------------------------------------

@dataclass
class FactResult:
    truth: Truth
    found: bool
    period: bool = False
    breakdown: bool = False
    measure: bool = False
    qualifier: bool = False
    got: Optional[Got] = None

    @property
    def full(self) -> bool:
        return self.found and self.period and self.breakdown


@dataclass
class VariantResult:
    variant: Variant
    facts: list[FactResult]
    on_lines: int = 0  # extracted facts on the truth lines (ignored values left out)
    matching: int = 0  # of those, the ones that match a true fact (value, period, breakdown)
    extra: list[Got] = field(default_factory=list)
    error: str = ""


def score_variant(v: Variant, got: list[Got], error: str = "") -> VariantResult:
    by_line: dict[int, list[Got]] = defaultdict(list)
    for f in got:
        by_line[f[0]].append(f)
    used: set[int] = set()
    results = []
    for t in v.truth:
        cands = [f for f in by_line.get(t.line, []) if same_value(f[1], t.value)]
        if not cands:
            results.append(FactResult(t, False))
            continue
        best = max(cands, key=lambda f: (id(f) not in used, f[2] == t.period and f[3] == t.breakdown, f[2] == t.period,
                                         f[3] == t.breakdown, f[4] == t.measure, f[5] == t.qualifier))
        used.add(id(best))
        results.append(FactResult(t, True, best[2] == t.period, best[3] == t.breakdown, best[4] == t.measure,
                                  best[5] == t.qualifier, best))
    r = VariantResult(v, results, error=error)
    lines = {t.line for t in v.truth}
    ignore = defaultdict(list)
    for line, value in v.ignore:
        ignore[line].append(value)
    for line in lines:
        truths = [t for t in v.truth if t.line == line]
        for f in by_line.get(line, []):
            if any(same_value(f[1], t.value) and f[2] == t.period and f[3] == t.breakdown for t in truths):
                r.on_lines += 1
                r.matching += 1
            elif any(same_value(f[1], x) for x in ignore.get(line, [])):
                continue
            else:
                r.on_lines += 1
                r.extra.append(f)
    return r


@dataclass
class Tally:
    variants: int = 0
    facts: int = 0
    found: int = 0
    full: int = 0
    period: int = 0
    breakdown: int = 0
    measure: int = 0
    qualifier: int = 0
    on_lines: int = 0
    matching: int = 0
    base_found: int = 0  # the baseline on the same gold facts
    base_full: int = 0
    base_measure: int = 0
    errors: int = 0

    def add(self, r: VariantResult, base: dict[int, FactResult]) -> None:
        self.variants += 1
        self.errors += bool(r.error)
        self.on_lines += r.on_lines
        self.matching += r.matching
        for f in r.facts:
            self.facts += 1
            self.found += f.found
            self.full += f.full
            self.period += f.found and f.period
            self.breakdown += f.found and f.breakdown
            self.measure += f.found and f.measure
            self.qualifier += f.found and f.qualifier
            b = base.get(f.truth.gid)
            if b is not None:
                self.base_found += b.found
                self.base_full += b.full
                self.base_measure += b.found and b.measure


def pct(a: int, b: int) -> str:
    return f"{100 * a / b:.1f} %" if b else "n/a"


def delta(a: int, b: int, n: int) -> str:
    if not n:
        return "n/a"
    d = 100 * (a - b) / n
    return f"{d:+.1f}"


def measure_recall(results: list[VariantResult]) -> dict[str, dict[str, float]]:
    """Per dimension: found / full / measure recall in percent (measure over all true facts).
    Used by the floor test; `full` and `measure` are over all true facts, not the found ones."""
    out: dict[str, Tally] = defaultdict(Tally)
    for r in results:
        out[r.variant.dimension].add(r, {})
    return {d: {"found": 100 * t.found / t.facts, "full": 100 * t.full / t.facts, "measure": 100 * t.measure / t.facts,
                "facts": t.facts} for d, t in out.items() if t.facts}


def baselines(results: list[VariantResult]) -> dict[str, dict[int, FactResult]]:
    out: dict[str, dict[int, FactResult]] = {}
    for r in results:
        if r.variant.dimension == "baseline":
            out[r.variant.unit] = {f.truth.gid: f for f in r.facts}
    return out


def _fmt_got(g: Optional[Got]) -> str:
    if g is None:
        return "nothing with that value on the line"
    return f"{g[4]} {g[2]} {dict(g[3]) or '{}'} {g[5]} (printed `{g[6]}`)"


def _miss_line(r: VariantResult, f: FactResult, base: Optional[FactResult]) -> str:
    t = f.truth
    text = r.variant.lines[t.line - 1] if 0 < t.line <= len(r.variant.lines) else ""
    if len(text) > 160:
        at = max(0, text.find(t.printed) - 70)
        text = ("…" if at else "") + text[at:at + 160] + "…"
    text = text.replace("\t", " ⇥ ").replace("\u00a0", "⍽").replace("\u2009", "˙").replace("\u202f", "⍽")
    state = "not found" if not f.found else "wrong " + "/".join(
        k for k, ok in (("period", f.period), ("breakdown", f.breakdown), ("measure", f.measure)) if not ok)
    was = "n/a" if base is None else ("full" if base.full else "found" if base.found else "missed")
    return (f"- `{r.variant.id}` L{t.line} `{t.printed}` — {state} (baseline: {was}). Truth: {t.measure} {t.period} "
            f"{dict(t.breakdown) or '{}'} {t.qualifier}; got: {_fmt_got(f.got)}. Line: `{text}`")


def report(results: list[VariantResult], n_misses: int, header: list[str]) -> list[str]:
    base = baselines(results)
    by_dim: dict[tuple[str, str], Tally] = defaultdict(Tally)
    by_name: dict[tuple[str, str, str], Tally] = defaultdict(Tally)
    for r in results:
        b = base.get(r.variant.unit, {})
        by_dim[(r.variant.dimension, r.variant.source)].add(r, b)
        by_name[(r.variant.dimension, r.variant.name, r.variant.source)].add(r, b)
    lines = list(header)
    lines += [
        "### Recall per dimension\n",
        "Found = value on its line; full = value + period + breakdown; period/breakdown/measure/qualifier are over the "
        "found facts; precision over the truth lines. *Baseline* columns score the same gold facts in the unchanged "
        "re-set unit; Δ is the change in points (variant − baseline) over all true facts.\n",
        "| dimension | source | variants | true facts | found | full | period | breakdown | measure | qualifier | "
        "precision | baseline found | baseline full | Δ found | Δ full | Δ measure (all facts) |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for dim in DIMENSIONS:
        for source in ("table", "sentence"):
            t = by_dim.get((dim, source))
            if not t:
                continue
            lines.append(
                f"| {dim} | {source} | {t.variants} | {t.facts} | {pct(t.found, t.facts)} | {pct(t.full, t.facts)} | "
                f"{pct(t.period, t.found)} | {pct(t.breakdown, t.found)} | {pct(t.measure, t.found)} | "
                f"{pct(t.qualifier, t.found)} | {pct(t.matching, t.on_lines)} | {pct(t.base_found, t.facts)} | "
                f"{pct(t.base_full, t.facts)} | {delta(t.found, t.base_found, t.facts)} | {delta(t.full, t.base_full, t.facts)} | "
                f"{delta(t.measure, t.base_measure, t.facts)} |" + (f" ({t.errors} crashed)" if t.errors else ""))
    lines += ["", "### Recall per variant\n",
              "| dimension | variant | source | variants | true facts | found | full | measure | qualifier | precision | Δ found | Δ full |",
              "|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for dim in DIMENSIONS:
        if dim == "baseline":
            continue
        for (d, name, source), t in sorted(by_name.items()):
            if d != dim:
                continue
            lines.append(f"| {dim} | {name} | {source} | {t.variants} | {t.facts} | {pct(t.found, t.facts)} | "
                         f"{pct(t.full, t.facts)} | {pct(t.measure, t.found)} | {pct(t.qualifier, t.found)} | "
                         f"{pct(t.matching, t.on_lines)} | {delta(t.found, t.base_found, t.facts)} | "
                         f"{delta(t.full, t.base_full, t.facts)} |")
    lines += ["", f"### Misses per dimension (first {n_misses}; facts the baseline got fully right come first)\n",
              "`⇥` is a TAB, `⍽` a no-break space, `˙` a thin space.\n"]
    for dim in DIMENSIONS:
        rows = []  # (not a regression, variant id, line, result, fact, baseline fact)
        for r in results:
            if r.variant.dimension != dim:
                continue
            b = base.get(r.variant.unit, {})
            for f in r.facts:
                if f.full and f.measure:
                    continue
                bf = b.get(f.truth.gid)
                regression = dim != "baseline" and bf is not None and bf.full and bf.measure
                rows.append((not regression, r.variant.id, f.truth.line, r, f, bf))
        if not rows:
            if any(r.variant.dimension == dim for r in results):
                lines += [f"#### {dim}: every true fact fully right", ""]
            continue
        rows.sort(key=lambda x: (x[0], x[1], x[2]))
        n_reg = sum(1 for x in rows if not x[0])
        lines.append(f"#### {dim}: {len(rows)} facts not fully right (value, period, breakdown and measure)"
                     + (f", {n_reg} of them right in the baseline" if dim != "baseline" else "") + "\n")
        # spread the list over the variants: a few misses of each variant name first, then the rest in order
        per_name: Counter = Counter()
        picked: list[int] = []
        for k, x in enumerate(rows):
            if per_name[(x[0], x[3].variant.name)] < max(1, n_misses // 6):
                picked.append(k)
                per_name[(x[0], x[3].variant.name)] += 1
        rest = [k for k in range(len(rows)) if k not in set(picked)]
        chosen = sorted((picked + rest)[:n_misses], key=lambda k: (rows[k][0], rows[k][1], rows[k][2]))
        lines += [_miss_line(rows[k][3], rows[k][4], rows[k][5]) for k in chosen]
        lines.append("")
    extra = [(r, f) for r in results if r.variant.dimension != "baseline" for f in r.extra]
    if extra:
        lines.append(f"### Extracted on truth lines but matching no true fact (first {n_misses})\n")
        for r, f in extra[:n_misses]:
            lines.append(f"- `{r.variant.id}` L{f[0]} `{f[6]}` {f[4]} {f[2]} {dict(f[3]) or '{}'}")
        lines.append("")
    errors = [r for r in results if r.error]
    if errors:
        lines.append("### Variants the extractor could not read\n")
        lines += [f"- `{r.variant.id}`: {r.error}" for r in errors[:n_misses]]
        lines.append("")
    return lines


def run(variants: list[Variant], jobs: int = 1, keep: Optional[Path] = None,
        corpus: bool = False) -> tuple[list[VariantResult], dict[str, list[Got]], float]:
    """Extract and score every variant; with `corpus`, also extract the corpus reports themselves
    (returned by document id) so the baseline can be compared with the facts in their own report."""
    also = []
    if corpus:
        from benchmarks.variants import CORPUS, load_manifest

        also = [(str(CORPUS / e["file"]), doc_id) for doc_id, e in load_manifest().items()]
    t0 = time.perf_counter()
    if keep:
        facts, errors = extract(variants, keep, jobs, also)
    else:
        with tempfile.TemporaryDirectory(prefix="rapportkoll-variants-") as tmp:
            facts, errors = extract(variants, Path(tmp), jobs, also)
    seconds = time.perf_counter() - t0
    corpus_facts = {doc_id: facts.get(doc_id, []) for _, doc_id in also}
    return [score_variant(v, facts.get(v.id, []), errors.get(v.id, "")) for v in variants], corpus_facts, seconds


def corpus_comparison(results: list[VariantResult], corpus_facts: dict[str, list[Got]]) -> list[str]:
    """The baseline against the same gold facts scored in their own corpus report."""
    out = []
    for source in ("table", "sentence"):
        n = found = full = b_found = b_full = 0
        for r in results:
            if r.variant.dimension != "baseline" or r.variant.source != source:
                continue
            for f in r.facts:
                t = f.truth
                gold_line = _gold_line(t.gid)
                cands = [g for g in corpus_facts.get(t.doc, []) if g[0] == gold_line and same_value(g[1], t.value)]
                ok = any(g[2] == t.period and g[3] == t.breakdown for g in cands)
                n += 1
                found += bool(cands)
                full += ok
                b_found += f.found
                b_full += f.full
        if n:
            out.append(f"- {source}s: baseline found {pct(b_found, n)}, full {pct(b_full, n)}; the same {n} gold facts "
                       f"in their corpus report: found {pct(found, n)}, full {pct(full, n)}")
    return out


_GOLD_LINES: dict[int, int] = {}


def _gold_line(gid: int) -> int:
    if not _GOLD_LINES:
        from benchmarks.variants import load_gold

        _GOLD_LINES.update({i: g["line"] for i, g in enumerate(load_gold())})
    return _GOLD_LINES[gid]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--per-dimension", type=int, default=0,
                    help="at most N variants per dimension and source, drawn with --seed (0: all)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--jobs", type=int, default=min(2, os.cpu_count() or 1))
    ap.add_argument("--misses", type=int, default=12, help="misses listed per dimension")
    ap.add_argument("--keep", type=Path, default=None, help="write the variant documents here and keep them")
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--no-corpus", action="store_true", help="skip extracting the corpus reports for comparison")
    args = ap.parse_args()

    t0 = time.perf_counter()
    sources = load_sources()
    variants = sample(generate(sources), args.per_dimension, args.seed)
    gen_seconds = time.perf_counter() - t0
    results, corpus_facts, seconds = run(variants, args.jobs, args.keep, corpus=not args.no_corpus)
    n_units = len({v.unit for v in variants})
    header = [
        "## Variant harness (`python -m benchmarks.bench_variants`)\n",
        f"{len(variants)} variant documents ({sum(len(v.truth) for v in variants)} true facts) from "
        f"{len(sources.tables)} corpus tables and {len(sources.sentences)} body/summary lines ({n_units} units used"
        + (f"; sample of {args.per_dimension} per dimension and source, seed {args.seed}" if args.per_dimension else "")
        + f"), generated in {gen_seconds:.1f} s and extracted in {seconds:.1f} s with {args.jobs} process(es)"
        + ("" if args.no_corpus else ", the five corpus reports included") + ".\n",
        f"Left out: {sources.skipped_tables} SOU tables whose gold was reconstructed from a garbled conversion, and "
        f"{len(sources.unpaired)} gold facts of annotated lines that could not be placed exactly (sentences split "
        "over a page break or wrapped over several lines, a figure printed more often than annotated); their values "
        "are ignored where they still stand on a truth line.\n",
        "Each variant changes one dimension of a unit and is scored against the unit's own *baseline* (the same "
        "table or line re-set unchanged in the same kind of standalone document), so a drop is caused by that "
        "dimension. The baseline itself is below the corpus numbers of bench_facts where the extractor used "
        "context that a standalone unit does not carry (other paragraphs, other tables).\n",
    ]
    if corpus_facts:
        header += ["Baseline against the same gold facts extracted from their own corpus report (the difference is "
                   "context a standalone unit lacks: the manifest's years, earlier paragraphs, other tables):\n"]
        header += corpus_comparison(results, corpus_facts) + [""]
    lines = report(results, args.misses, header)
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    end = next(i for i, l in enumerate(lines) if l.startswith("### Recall per variant"))
    print("\n".join(lines[:end]))


if __name__ == "__main__":
    main()
