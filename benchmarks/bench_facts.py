"""Fact extraction accuracy against the hand-annotated gold set.

Gold: tests/gold/facts.yaml (corpus) and tests/data/*.facts.yaml (reports we wrote
ourselves, never tuned on). A gold fact is found when an extracted fact of the same
document sits on the same line with the same value; it is then scored on period,
breakdown and measure separately, and "fully right" when value, period and breakdown all
agree (the figure a researcher would cite). Precision is measured on the annotated lines
only (every figure on a gold line is annotated): extracted facts there that match no gold
fact are false positives, and so is any fact extracted from a gold non-fact.

    python -m benchmarks.bench_facts [--misses N]
"""
from __future__ import annotations

import argparse
import math
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "gold"
DATA = ROOT / "tests" / "data"
OUT = ROOT / "benchmarks" / "facts_results.md"


def same_value(a: float, b: float) -> bool:
    # a gold share out of a whole is written rounded ("två av tre": 66.6667)
    return math.isclose(float(a), float(b), rel_tol=1e-6, abs_tol=1e-4)


def gold_value(value: float, gold: dict) -> bool:
    """Whether an extracted value is the gold's: a share said in words ("var tredje", "två av tre") may be
    written in a gold to one decimal (33.3) or four (33.3333); the figure is the same."""
    if same_value(value, gold["value"]):
        return True
    printed = str(gold.get("printed", ""))
    return not any(ch.isdigit() for ch in printed) and round(float(value), 1) == round(float(gold["value"]), 1)


# Breakdown keys whose values are free text as printed ("Region Dalmark", "Rehabiliteringspenning"):
# compared without case, which is presentation, not which group.
FREE_TEXT_KEYS = ("grupp", "post")


def norm_breakdown(b) -> tuple:
    """A gold breakdown (dict) or a fact's (tuple of pairs) in one comparable form."""
    items = b.items() if isinstance(b, dict) else (b or ())
    return tuple(sorted((str(k), str(v).casefold() if k in FREE_TEXT_KEYS else str(v)) for k, v in items))


@dataclass
class Score:
    gold: int = 0
    found_value: int = 0
    period_ok: int = 0
    breakdown_ok: int = 0
    measure_ok: int = 0
    full_ok: int = 0  # value + period + breakdown
    unit_ok: int = 0  # value + unit
    unit_period_ok: int = 0  # value + unit + period
    extracted_on_lines: int = 0
    extracted_matching: int = 0
    extracted_value_matching: int = 0  # value and unit right, whatever the period and breakdown
    nonfact_hits: int = 0
    nonfacts: int = 0
    misses: list = field(default_factory=list)
    wrong: list = field(default_factory=list)
    extra: list = field(default_factory=list)
    by_kind: Counter = field(default_factory=Counter)
    by_kind_found: Counter = field(default_factory=Counter)

    def row(self, name: str) -> str:
        def pct(a, b):
            return f"{100 * a / b:.1f} %" if b else "n/a"

        precision = pct(self.extracted_matching, self.extracted_on_lines + self.nonfact_hits)
        return (f"| {name} | {self.gold} | {pct(self.found_value, self.gold)} | {pct(self.unit_ok, self.gold)} | "
                f"{pct(self.unit_period_ok, self.gold)} | {pct(self.full_ok, self.gold)} | "
                f"{pct(self.period_ok, self.found_value)} | {pct(self.breakdown_ok, self.found_value)} | "
                f"{pct(self.measure_ok, self.found_value)} | {precision} | "
                f"{pct(self.extracted_value_matching, self.extracted_on_lines + self.nonfact_hits)} | {self.nonfact_hits}/{self.nonfacts} |")


def load_gold(path: Path) -> list[dict]:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    return data if isinstance(data, list) else data.get("facts", [])


def extract(paths: list[Path]) -> dict[str, list]:
    from ingest.reader import read_path
    from nlp.extract import extract_facts
    from nlp.measures import load_catalogue
    from nlp.pipeline import make_nlp

    nlp, catalogue = make_nlp(), load_catalogue()
    out = {}
    for p in paths:
        doc = read_path(p, doc_id=None if p.parent.name == "corpus" else p.stem)
        out[doc.id] = extract_facts(doc, nlp, catalogue)
    return out


def score(gold: list[dict], nonfacts: list[dict], facts_by_doc: dict[str, list]) -> Score:
    s = Score(gold=len(gold), nonfacts=len(nonfacts))
    by_line: dict[tuple, list] = defaultdict(list)
    for doc, facts in facts_by_doc.items():
        for f in facts:
            by_line[(doc, f.line)].append(f)
    gold_lines = defaultdict(list)
    for g in gold:
        gold_lines[(g["doc"], g["line"])].append(g)
    used: set[str] = set()
    for g in gold:
        kind = g.get("kind", "?")
        s.by_kind[kind] += 1
        candidates = [f for f in by_line.get((g["doc"], g["line"]), []) if gold_value(f.value, g)]
        if not candidates:
            s.misses.append(g)
            continue
        want = (str(g["period"]), norm_breakdown(g.get("breakdown")), g.get("measure"))
        best = max(candidates, key=lambda f: (f.id not in used, (f.period, norm_breakdown(f.breakdown)) == want[:2], f.period == want[0],
                                               norm_breakdown(f.breakdown) == want[1], f.measure == want[2]))
        used.add(best.id)
        s.found_value += 1
        s.by_kind_found[kind] += 1
        p_ok, b_ok, m_ok = best.period == want[0], norm_breakdown(best.breakdown) == want[1], best.measure == want[2]
        s.period_ok += p_ok
        s.breakdown_ok += b_ok
        s.measure_ok += m_ok
        s.full_ok += p_ok and b_ok
        u_ok = _same_unit(best.unit, g.get("unit", ""))
        s.unit_ok += u_ok
        s.unit_period_ok += u_ok and p_ok
        if not (p_ok and b_ok and m_ok):
            s.wrong.append((g, best))
    for key, golds in gold_lines.items():
        for f in by_line.get(key, []):
            s.extracted_on_lines += 1
            if any(gold_value(f.value, g) and _same_unit(f.unit, g.get("unit", "")) for g in golds):
                s.extracted_value_matching += 1
            if any(gold_value(f.value, g) and f.period == str(g["period"]) and norm_breakdown(f.breakdown) == norm_breakdown(g.get("breakdown"))
                   for g in golds):
                s.extracted_matching += 1
            else:
                s.extra.append(f)
    for n in nonfacts:
        for f in by_line.get((n["doc"], n["line"]), []):
            if f.printed.replace(" ", "") and str(n["printed"]).replace(" ", "") in f.printed.replace(" ", "") or \
                    _printed_value(str(n["printed"])) is not None and same_value(f.value, _printed_value(str(n["printed"]))):
                s.nonfact_hits += 1
                s.extra.append(f)
                break
    return s


def _same_unit(got: str, gold: str) -> bool:
    aliases = {"år": "ar", "%": "procent"}
    return aliases.get(got, got) == aliases.get(str(gold), str(gold))


def _reconstructed(g: dict) -> bool:
    note = str(g.get("note", ""))
    return "förskjutet av konverteringen" in note or "huvudet säger" in note


def _printed_value(text: str):
    try:
        return float(text.replace(" ", "").replace(",", "."))
    except ValueError:
        return None


def own_report_files(pattern: str) -> tuple[list[Path], list[Path], list[Path]]:
    """(gold files, report files (.txt, .md or .html), non-fact files) of our own reports matching `pattern`."""
    files = sorted(DATA.glob(pattern))
    docs = []
    for p in files:
        stem = p.name.replace(".facts.yaml", "")
        docs += [d for d in (DATA / f"{stem}.txt", DATA / f"{stem}.md", DATA / f"{stem}.html") if d.exists()]
    nonfacts = [DATA / p.name.replace(".facts.yaml", ".nonfacts.yaml") for p in files]
    return files, docs, [n for n in nonfacts if n.exists()]


def score_own(pattern: str) -> Score:
    files, docs, nonfact_files = own_report_files(pattern)
    return score([g for p in files for g in load_gold(p)], [n for p in nonfact_files for n in load_gold(p)], extract(docs))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--misses", type=int, default=40, help="how many misses and wrong facts to list")
    args = ap.parse_args()
    t = time.perf_counter()
    corpus = sorted((ROOT / "corpus").glob("*.txt"))
    facts = extract(corpus)
    seconds = time.perf_counter() - t
    gold = load_gold(GOLD / "facts.yaml")
    nonfacts = load_gold(GOLD / "nonfacts.yaml") if (GOLD / "nonfacts.yaml").exists() else []
    corpus_score = score(gold, nonfacts, facts)
    # gold facts the annotator had to reconstruct from a table the text conversion garbled
    # (shifted headers, repaired by arithmetic): scored apart so the headline is not hidden
    clean = [g for g in gold if not _reconstructed(g)]
    clean_score = score(clean, nonfacts, facts)

    # reports we wrote ourselves: "synthetic-*" were measured first and then used to fix general
    # causes; "heldout-*" were written with their gold before the extractor ever saw them
    def own(pattern: str) -> Score:
        return score_own(pattern)

    syn_score = own("synthetic-*.facts.yaml")
    heldout_score = own("heldout-*.facts.yaml")
    firstrun_score = own("firstrun-*.facts.yaml")

    total = sum(len(v) for v in facts.values())
    lines = [
        "## Fact extraction (`python -m benchmarks.bench_facts`)\n",
        f"{total} facts extracted from the {len(corpus)} corpus reports in {seconds:.1f} s "
        f"({sum(1 for v in facts.values() for f in v if f.measure == 'unclassified')} unclassified).\n",
        "Recall = gold facts whose value was found on the right line; full = value, period and breakdown all right; "
        "period/breakdown/measure are scored on the found ones; precision over the annotated lines (non-facts included).\n",
        "| set | gold facts | value recall | value + unit | value + unit + period | full recall | period | breakdown | measure | precision | precision (value + unit) | non-facts extracted |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
        corpus_score.row("corpus (tests/gold/facts.yaml)"),
        clean_score.row(f"corpus without {len(gold) - len(clean)} cells of two garbled SOU tables"),
        syn_score.row("own reports, synthetic-* (tests/data; fixed against after the first run)"),
        heldout_score.row("own report, heldout-* (gold written before its first run: 88.5 % full, 86.5 % measure; later fixes were general rules for gaps that run showed)"),
        firstrun_score.row("own reports, firstrun-* (reports in other house styles, gold written blind; first runs in the section below; now, after general fixes)"),
        "",
        "Recall by kind of source (corpus): " + ", ".join(
            f"{k} {corpus_score.by_kind_found[k]}/{v}" for k, v in sorted(corpus_score.by_kind.items())) + "\n",
    ]
    for title, sc in (("corpus", corpus_score), ("own reports", syn_score), ("held-out", heldout_score),
                      ("firstrun", firstrun_score)):
        if sc.misses:
            lines.append(f"### Missed ({title}, first {args.misses})\n")
            lines += [f"- {g['doc']}:{g['line']} `{g.get('printed', g['value'])}` {g.get('measure')} {g['period']} {g.get('breakdown') or ''}"
                      for g in sc.misses[: args.misses]]
            lines.append("")
        if sc.wrong:
            lines.append(f"### Found with a wrong attribute ({title}, first {args.misses})\n")
            lines += [f"- {g['doc']}:{g['line']} `{g.get('printed', g['value'])}`: gold {g.get('measure')} {g['period']} {g.get('breakdown') or {}}"
                      f" / got {f.measure} {f.period} {dict(f.breakdown)}" for g, f in sc.wrong[: args.misses]]
            lines.append("")
        if sc.extra:
            lines.append(f"### Extracted but not in gold on annotated lines ({title}, first {args.misses})\n")
            lines += [f"- {f.doc}:{f.line} `{f.printed}` {f.measure} {f.period} {dict(f.breakdown)}" for f in sc.extra[: args.misses]]
            lines.append("")
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines[:10]))


if __name__ == "__main__":
    main()
