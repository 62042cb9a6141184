"""Fact extraction from PDFs: the gold reports rendered as PDFs, read back, and scored.

Every report with gold facts that has a text version (the corpus, tests/gold/facts.yaml, and
our own tests/data/firstrun-* reports) is read with `read_path` as text, set as an A4 PDF in
every layout of tests/ingest/pdf_render.py (ruled, borderless, running header, tables split
over pages ...), read back with `read_path` and run through `extract_facts`. Two things are
measured per layout:

1. Accuracy against the gold. PDF facts carry pages, not lines, so gold and extracted facts
   are matched one-to-one per document by value alone (the tolerance of bench_facts), and
   among the candidates of the same value the assignment that agrees best is chosen
   (scipy's linear_sum_assignment per value): unit, period, breakdown and measure count
   1000 each, kind 100, and closeness in reading order up to 50 (the gold line's rank among
   the document's gold lines against the fact's rank in page order, both scaled to 0..1).
   Matching by value anywhere in a document is more lenient than bench_facts (same line),
   so the text version is scored the same way in a `text` row: the PDF path is judged by
   the difference to that row, not to facts_results.md.

   Precision (the choice): extracted facts matched to a gold fact over *all* extracted facts
   of the set's documents. The gold annotates every figure of these reports, so an unmatched
   fact is a false positive (a non-fact, a second extraction of one printed figure, or a
   value the PDF path garbled), except for the few unannotated numbers the extractor takes;
   those hit the text row equally. A second, lenient figure divides by the facts whose value
   equals some gold fact or non-fact of their document only (a garbled value then drops
   out, so "values in no annotation" is listed separately: it is where PDF-made values show).

2. Agreement with the text path: the share of the text version's facts, as the multiset of
   (value, unit, period, breakdown, measure), that the PDF facts of the same document also
   have; the remaining text facts are paired with a leftover PDF fact of the same value
   where one exists, else with one of the same printed figure and kind (the value changed:
   a unit note or scale lost), and classified by what differs ("value lost" when neither).

One more layout is not drawn by our renderer: **libreoffice_docx**, the corpus reports set in
Word (.docx, agency house style: borderless tables with a rule under the header only, captions
above, real Word footnotes) and exported by LibreOffice, committed as
tests/data/corpus_docx/<doc id>.pdf by tests/data/corpus_docx/make_corpus_pdfs.py (which CI
does not run). Those PDFs are only read back and extracted, not rendered here; the layout covers
the reports that have such a PDF (the corpus, not the firstrun reports) and is skipped with a
note when the folder is absent.

The corpus PDFs are listed in a manifest.toml beside them (the corpus entries, renamed), so
they get the same metadata (reporting year, publication date) as their text versions, as a
user who lists a PDF in the manifest would; the firstrun reports have no manifest entry in
either path and their metadata is inferred from the text both ways.

    python -m benchmarks.bench_pdf_facts [--layouts ruled borderless] [--docs af-fk-2019 ...]
                                         [--jobs 2] [--list 15] [--dump all.jsonl]
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
import tomllib
from collections import Counter, defaultdict
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "ingest"))  # the renderer lives with the tests
sys.path.insert(0, str(ROOT))

from benchmarks.bench_facts import (  # noqa: E402
    DATA, GOLD, _printed_value, _reconstructed, _same_unit, load_gold, norm_breakdown, own_report_files, same_value,
    score as bench_score,
)

OUT = ROOT / "benchmarks" / "pdf_facts_results.md"
TEXT = "text"  # the pseudo-layout of the text version itself
# committed PDFs made outside our renderer: Word (.docx) set by python-docx, exported by LibreOffice
LO_DOCX = "libreoffice_docx"
LO_DOCX_DIR = ROOT / "tests" / "data" / "corpus_docx"
# the blind reports written as Word documents by their authors, with the PDF LibreOffice exported
LO_DOCX_FIRSTRUN_DIR = ROOT / "tests" / "data" / "firstrun_docx"


def lo_docx_pdf(doc_id: str) -> Optional[Path]:
    """The committed LibreOffice PDF of a report, if there is one."""
    for folder in (LO_DOCX_DIR, LO_DOCX_FIRSTRUN_DIR):
        p = folder / f"{doc_id}.pdf"
        if p.is_file():
            return p
    return None

# ----------------------------------------------------------------------------------------
# The documents


@dataclass(frozen=True)
class Source:
    id: str
    path: Path
    group: str  # corpus | firstrun


def sources() -> list[Source]:
    from ingest.manifest import lookup, slug

    out = []
    for p in sorted((ROOT / "corpus").glob("*.txt")):
        entry = lookup(p)
        out.append(Source(entry.id if entry else slug(p.stem), p, "corpus"))
    _, docs, _ = own_report_files("firstrun-*.facts.yaml")
    out += [Source(p.stem, p, "firstrun") for p in docs]
    return out


def write_manifest(outdir: Path, layouts: list[str]) -> None:
    """corpus/manifest.toml with every report listed once per layout as "{id}--{layout}.pdf"."""
    data = tomllib.loads((ROOT / "corpus" / "manifest.toml").read_text(encoding="utf-8"))
    lines = []
    for item in data.get("report", []):
        for layout in layouts:
            lines.append("[[report]]")
            for k, v in item.items():
                if k == "original":
                    continue
                if k == "file":
                    v = f"{item['id']}--{layout}.pdf"
                lines.append(f"{k} = {json.dumps(v, ensure_ascii=False)}")
            lines.append("")
    (outdir / "manifest.toml").write_text("\n".join(lines), encoding="utf-8")


# ----------------------------------------------------------------------------------------
# Worker: read, render, read back, extract

_STATE: dict = {}


def _init() -> None:
    from nlp.extract import build_matcher
    from nlp.measures import load_catalogue
    from nlp.pipeline import make_nlp

    nlp = make_nlp()
    _STATE.update(nlp=nlp, matcher=build_matcher(nlp, load_catalogue()))


def _reading_order(doc, facts) -> list[tuple]:
    """A sort key per fact: page, then top of its block or cell, then left, then offset."""
    where: dict[str, tuple] = {}
    for b in doc.blocks:
        where[b.id] = (b.page or 0, b.bbox[1] if b.bbox else 0.0, b.bbox[0] if b.bbox else 0.0, b.order)
    for fn in doc.footnotes:
        where[fn.id] = (fn.page or 0, 1e4, 0.0, fn.number)
    for t in doc.tables:
        for c in t.cells:
            where[c.id] = (c.page or t.page or 0, c.bbox[1] if c.bbox else float(c.row), c.bbox[0] if c.bbox else float(c.col), 0)
    keys = []
    for i, f in enumerate(facts):
        base = where.get(f.cell or "", None) or where.get(f.block or "", None) or (f.page or 0, 0.0, 0.0, 0)
        keys.append((*base, f.offset or 0, i))
    return keys


def run_job(args: tuple[str, str, str, Optional[str], str]) -> dict:
    doc_id, path, group, layout, outdir = args
    from ingest.reader import read_path
    from ingest.records import Document
    from nlp.extract import extract_facts

    if not _STATE:
        _init()
    t = time.perf_counter()
    text_doc = read_path(Path(path), doc_id=None if group == "corpus" else doc_id)
    if layout is None:
        doc = text_doc
        pages = None
    elif layout == LO_DOCX:
        import shutil

        pdf = Path(outdir) / f"{doc_id}--{layout}.pdf"  # the name the written manifest lists
        shutil.copyfile(lo_docx_pdf(doc_id), pdf)
        doc = read_path(pdf, doc_id=doc_id)
        if not isinstance(doc, Document):
            return {"doc": doc_id, "layout": layout, "error": f"{doc.reason}: {doc.message}",
                    "seconds": time.perf_counter() - t}
        pages = doc.page_count
    else:
        from pdf_render import LAYOUTS, render_pdf

        pdf = Path(outdir) / f"{doc_id}--{layout}.pdf"
        pdf.write_bytes(render_pdf(text_doc, LAYOUTS[layout]))
        doc = read_path(pdf, doc_id=doc_id)
        if not isinstance(doc, Document):
            return {"doc": doc_id, "layout": layout, "error": f"{doc.reason}: {doc.message}",
                    "seconds": time.perf_counter() - t}
        pages = doc.page_count
    facts = extract_facts(doc, _STATE["nlp"], None, matcher=_STATE["matcher"])
    if layout is None:
        order = sorted(range(len(facts)), key=lambda i: (facts[i].line or 0, facts[i].offset or 0, i))
    else:
        keys = _reading_order(doc, facts)
        order = sorted(range(len(facts)), key=lambda i: keys[i])
    rank = [0] * len(facts)
    for r, i in enumerate(order):
        rank[i] = r
    return {"doc": doc_id, "layout": layout or TEXT, "facts": facts, "rank": rank, "pages": pages,
            "metadata_year": doc.metadata.reporting_year, "seconds": time.perf_counter() - t}


# ----------------------------------------------------------------------------------------
# Scoring against the gold


def vkey(v: float) -> float:
    return round(float(v), 6)


def fact_attrs(f) -> tuple:
    return (vkey(f.value), f.unit, f.period, tuple(f.breakdown), f.measure)


@dataclass
class Match:
    """The one-to-one matching of one document's gold facts to one extraction of it."""

    pairs: dict[int, int]  # gold index -> fact index


def match_doc(gold: list[dict], facts: list, rank: list[int]) -> Match:
    import numpy as np
    from scipy.optimize import linear_sum_assignment

    lines = sorted({g["line"] for g in gold})
    line_pos = {l: (i / (len(lines) - 1) if len(lines) > 1 else 0.0) for i, l in enumerate(lines)}
    n = max(len(facts) - 1, 1)
    by_value_g: dict[float, list[int]] = defaultdict(list)
    by_value_f: dict[float, list[int]] = defaultdict(list)
    for i, g in enumerate(gold):
        by_value_g[vkey(g["value"])].append(i)
    for j, f in enumerate(facts):
        by_value_f[vkey(f.value)].append(j)
    pairs: dict[int, int] = {}
    for v, gi in by_value_g.items():
        fj = [j for j in by_value_f.get(v, []) if same_value(facts[j].value, gold[gi[0]]["value"])]
        if not fj:
            continue
        m = np.zeros((len(gi), len(fj)))
        for a, i in enumerate(gi):
            g = gold[i]
            want_b = norm_breakdown(g.get("breakdown"))
            for b, j in enumerate(fj):
                f = facts[j]
                m[a, b] = (1000 * _same_unit(f.unit, g.get("unit", "")) + 1000 * (f.period == str(g["period"]))
                           + 1000 * (norm_breakdown(f.breakdown) == want_b) + 1000 * (f.measure == g.get("measure"))
                           + 100 * (f.kind == g.get("kind")) + 50 * (1 - abs(line_pos[g["line"]] - rank[j] / n)))
        rows, cols = linear_sum_assignment(m, maximize=True)
        for a, b in zip(rows, cols):
            pairs[gi[a]] = fj[b]
    return Match(pairs)


@dataclass
class GoldScore:
    gold: int = 0
    found: int = 0
    unit_ok: int = 0
    full_ok: int = 0  # value + period + breakdown
    measure_ok: int = 0  # among found
    facts: int = 0  # every extracted fact of the set's documents (less those matched to excluded gold)
    matched: int = 0
    annotated_value: int = 0  # facts whose value is some gold or non-fact value of the doc
    unknown_value: int = 0  # facts whose value is in no annotation of the doc

    def add(self, o: "GoldScore") -> None:
        for k in self.__dataclass_fields__:
            setattr(self, k, getattr(self, k) + getattr(o, k))

    def cells(self) -> list[str]:
        return [str(self.gold), pct(self.found, self.gold), pct(self.unit_ok, self.gold), pct(self.full_ok, self.gold),
                pct(self.measure_ok, self.found), pct(self.matched, self.facts),
                pct(self.matched, self.annotated_value), str(self.unknown_value)]


def pct(a: int, b: int) -> str:
    return f"{100 * a / b:.1f} %" if b else "n/a"


def nonfact_values(nonfacts: list[dict]) -> set[float]:
    import re

    out = set()
    for n in nonfacts:
        p = str(n.get("printed", ""))
        v = _printed_value(p)
        if v is not None:
            out.add(vkey(v))
        for m in re.finditer(r"\d{1,3}(?: \d{3})+(?:,\d+)?|\d+(?:,\d+)?", p):
            out.add(vkey(float(m.group(0).replace(" ", "").replace(",", "."))))
    return out


def score_doc(gold: list[dict], keep: list[bool], nonfact_vals: set[float], facts: list, match: Match) -> GoldScore:
    s = GoldScore()
    gold_vals = {vkey(g["value"]) for g in gold}
    excluded_facts = {j for i, j in match.pairs.items() if not keep[i]}
    for i, g in enumerate(gold):
        if not keep[i]:
            continue
        s.gold += 1
        j = match.pairs.get(i)
        if j is None:
            continue
        f = facts[j]
        s.found += 1
        s.unit_ok += _same_unit(f.unit, g.get("unit", ""))
        s.full_ok += f.period == str(g["period"]) and norm_breakdown(f.breakdown) == norm_breakdown(g.get("breakdown"))
        s.measure_ok += f.measure == g.get("measure")
    for j, f in enumerate(facts):
        if j in excluded_facts:
            continue
        s.facts += 1
        known = vkey(f.value) in gold_vals or vkey(f.value) in nonfact_vals
        s.annotated_value += known
        s.unknown_value += not known
    s.matched = sum(1 for i, j in match.pairs.items() if keep[i])
    return s


# ----------------------------------------------------------------------------------------
# Agreement with the text path


def agreement(text_facts: list, pdf_facts: list) -> tuple[int, int, list[tuple], list]:
    """(text facts, of them found in the PDF facts, [(text fact, PDF fact or None, class)], PDF-only facts)."""
    want = Counter(fact_attrs(f) for f in text_facts)
    have = Counter(fact_attrs(f) for f in pdf_facts)
    common = want & have
    found = sum(common.values())
    left = common.copy()
    missing = []
    for f in text_facts:
        k = fact_attrs(f)
        if left[k] > 0:
            left[k] -= 1
        else:
            missing.append(f)
    left = common.copy()
    extra = []
    for f in pdf_facts:
        k = fact_attrs(f)
        if left[k] > 0:
            left[k] -= 1
        else:
            extra.append(f)
    # pair each missing text fact with a leftover PDF fact of the same value, the one agreeing most
    pool: dict[float, list] = defaultdict(list)
    for f in extra:
        pool[vkey(f.value)].append(f)
    by_printed: dict[tuple, list] = defaultdict(list)
    for f in extra:
        by_printed[(f.printed.replace(" ", ""), f.kind)].append(f)

    def agree(p, f) -> int:
        return (p.unit == f.unit) + (p.period == f.period) + (p.breakdown == f.breakdown) + (p.measure == f.measure)

    out: list = []
    paired: set[int] = set()
    unpaired = []
    for f in missing:
        cands = [p for p in pool.get(vkey(f.value), []) if id(p) not in paired]
        if not cands:
            unpaired.append(f)
            continue
        best = max(cands, key=lambda p: agree(p, f))
        paired.add(id(best))
        out.append((f, best, _diff(f, best)))
    # then the same figure as printed with another value (a unit note or scale lost), else lost
    for f in unpaired:
        cands = [p for p in by_printed.get((f.printed.replace(" ", ""), f.kind), []) if id(p) not in paired]
        if not cands:
            out.append((f, None, "value lost"))
            continue
        best = max(cands, key=lambda p: agree(p, f))
        paired.add(id(best))
        out.append((f, best, " + ".join(["value (same printed figure)"] + ([_diff(f, best)] if _diff(f, best) else []))))
    out.sort(key=lambda x: (x[0].line or 0, x[0].offset or 0))
    return len(text_facts), found, out, [f for f in extra if id(f) not in paired]


def _diff(f, p) -> str:
    return " + ".join(name for name, a, b in (("unit", f.unit, p.unit), ("period", f.period, p.period),
                                              ("breakdown", f.breakdown, p.breakdown), ("measure", f.measure, p.measure))
                      if a != b)


def describe(f) -> str:
    if f is None:
        return "—"
    b = ",".join(f"{k}={v}" for k, v in f.breakdown) or "total"
    return f"{f.value:.12g} {f.unit} {f.period} {b} {f.measure}"


def where(f) -> str:
    return f"line {f.line}" if f.line is not None else f"p. {f.page}"


# ----------------------------------------------------------------------------------------


def main(argv=None) -> int:
    from pdf_render import LAYOUTS

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--layouts", nargs="+", choices=[*LAYOUTS, LO_DOCX], default=[*LAYOUTS, LO_DOCX],
                    help=f"layouts to run (default: all six of pdf_render and {LO_DOCX}, the committed "
                         "LibreOffice PDFs in tests/data/corpus_docx)")
    ap.add_argument("--docs", nargs="+", help="document ids to run (default: every corpus and firstrun report)")
    ap.add_argument("--jobs", type=int, default=min(2, os.cpu_count() or 1))
    ap.add_argument("--list", type=int, default=15, help="disagreements listed per layout")
    ap.add_argument("--dump", type=Path, help="also write every disagreement as JSON lines here")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)

    t0 = time.perf_counter()
    srcs = [s for s in sources() if not args.docs or s.id in args.docs]
    if not srcs:
        ap.error("no such document")
    layouts = [l for l in args.layouts if l != LO_DOCX]  # rendered here
    extra: list[str] = []  # read from committed PDFs
    notes: list[str] = []
    lo_ids: set[str] = set()
    if LO_DOCX in args.layouts:
        lo_dir = LO_DOCX_DIR.relative_to(ROOT) if LO_DOCX_DIR.is_relative_to(ROOT) else LO_DOCX_DIR
        lo_ids = {s.id for s in srcs if lo_docx_pdf(s.id)}
        if not LO_DOCX_DIR.is_dir():
            notes.append(f"{LO_DOCX}: skipped, {lo_dir} is absent.")
        elif not lo_ids:
            notes.append(f"{LO_DOCX}: skipped, no PDF in {lo_dir} for the reports run.")
        else:
            extra = [LO_DOCX]
            absent = [s.id for s in srcs if s.group == "corpus" and s.id not in lo_ids]  # firstrun: Word PDFs are few
            if absent:
                notes.append(f"{LO_DOCX}: no PDF for {', '.join(absent)}; its rows cover the other corpus reports.")
    for n in notes:
        print(n, file=sys.stderr)
    results: dict[tuple[str, str], dict] = {}
    with tempfile.TemporaryDirectory(prefix="pdf-facts-") as tmp:
        write_manifest(Path(tmp), layouts + extra)
        jobs = [(s.id, str(s.path), s.group, layout, tmp) for s in srcs for layout in [None, *layouts]]
        jobs += [(s.id, str(s.path), s.group, layout, tmp) for s in srcs if s.id in lo_ids for layout in extra]
        jobs.sort(key=lambda j: -Path(j[1]).stat().st_size)  # the big reports first, for balance
        if args.jobs > 1:
            with ProcessPoolExecutor(max_workers=args.jobs, initializer=_init) as pool:
                futures = [pool.submit(run_job, j) for j in jobs]
                for n, fut in enumerate(as_completed(futures), 1):
                    r = fut.result()
                    results[(r["doc"], r["layout"])] = r
                    _progress(n, len(jobs), r, t0)
        else:
            for n, j in enumerate(jobs, 1):
                r = run_job(j)
                results[(r["doc"], r["layout"])] = r
                _progress(n, len(jobs), r, t0)
    seconds = time.perf_counter() - t0
    cpu = sum(r["seconds"] for r in results.values())

    # gold
    gold_by_doc: dict[str, list[dict]] = defaultdict(list)
    nonfacts_by_doc: dict[str, list[dict]] = defaultdict(list)
    for g in load_gold(GOLD / "facts.yaml"):
        gold_by_doc[g["doc"]].append(g)
    for n in load_gold(GOLD / "nonfacts.yaml"):
        nonfacts_by_doc[n["doc"]].append(n)
    for s in srcs:
        if s.group == "firstrun":
            gold_by_doc[s.id] = load_gold(DATA / f"{s.id}.facts.yaml")
            nf = DATA / f"{s.id}.nonfacts.yaml"
            nonfacts_by_doc[s.id] = load_gold(nf) if nf.exists() else []

    sets = [
        ("corpus", [s for s in srcs if s.group == "corpus"], lambda g: True),
        ("corpus without the garbled SOU cells", [s for s in srcs if s.group == "corpus"], lambda g: not _reconstructed(g)),
        ("firstrun-*", [s for s in srcs if s.group == "firstrun"], lambda g: True),
    ]
    table = ["| set | layout | gold | value recall | value + unit | full recall | measure (of found) | precision | precision (annotated values) | values in no annotation |",
             "|---|---|---|---|---|---|---|---|---|---|"]
    failures = []
    for set_name, docs, keep_fn in sets:
        if not docs:
            continue
        # calibration: the text version scored by bench_facts itself (same line and value)
        ids = {s.id for s in docs}
        text_facts = {s.id: results[(s.id, TEXT)]["facts"] for s in docs if "facts" in results.get((s.id, TEXT), {})}
        ls = bench_score([g for d in ids for g in gold_by_doc.get(d, []) if keep_fn(g)],
                         [n for d in ids for n in nonfacts_by_doc.get(d, [])], text_facts)
        table.append(f"| {set_name} | text, on the line (bench_facts) | {ls.gold} | {pct(ls.found_value, ls.gold)} | "
                     f"{pct(ls.unit_ok, ls.gold)} | {pct(ls.full_ok, ls.gold)} | {pct(ls.measure_ok, ls.found_value)} | "
                     f"({pct(ls.extracted_matching, ls.extracted_on_lines + ls.nonfact_hits)} on annotated lines) | | |")
        for layout in [TEXT, *layouts, *extra]:
            total = GoldScore()
            name = f"**{layout}**" if layout == TEXT else layout
            if layout == LO_DOCX:
                lo_docs = [s for s in docs if s.id in lo_ids]
                if not lo_docs:
                    continue
                if len(lo_docs) < len(docs):
                    name += f" ({len(lo_docs)} of {len(docs)} reports)"
            for s in (lo_docs if layout == LO_DOCX else docs):
                r = results.get((s.id, layout))
                gold = gold_by_doc.get(s.id, [])
                if r is None or "error" in r:
                    failures.append(f"{s.id} / {layout}: {r['error'] if r else 'no result'}")
                    total.gold += sum(keep_fn(g) for g in gold)
                    continue
                m = match_doc(gold, r["facts"], r["rank"])
                total.add(score_doc(gold, [keep_fn(g) for g in gold], nonfact_values(nonfacts_by_doc.get(s.id, [])),
                                    r["facts"], m))
            table.append(f"| {set_name} | {name} | " + " | ".join(total.cells()) + " |")

    # agreement
    agree = ["| layout | text facts | found in PDF facts | agreement | value lost | value changed (same printed figure) | unit | period | breakdown | measure | PDF-only facts | pages | CPU s |",
             "|---|---|---|---|---|---|---|---|---|---|---|---|---|"]
    listings = []
    dump = []
    for layout in [*layouts, *extra]:
        n_text = n_found = 0
        classes: Counter = Counter()
        extra_n = 0
        pages = 0
        secs = 0.0
        per_doc: list[list[tuple]] = []
        for s in srcs:
            rt, rp = results.get((s.id, TEXT)), results.get((s.id, layout))
            if not rt or not rp or "error" in rp or "error" in rt:
                continue
            nt, nf, diffs, extra = agreement(rt["facts"], rp["facts"])
            n_text += nt
            n_found += nf
            extra_n += len(extra)
            pages += rp["pages"] or 0
            secs += rp["seconds"]
            for _, _, c in diffs:
                for part in c.split(" + "):
                    classes[part] += 1
            per_doc.append([(s.id, *d) for d in diffs])
            for d, (tf, pf, c) in zip([s.id] * len(diffs), diffs):
                dump.append({"layout": layout, "doc": d, "class": c, "printed": tf.printed, "kind": tf.kind,
                             "line": tf.line, "text": describe(tf), "pdf": describe(pf), "pdf_page": pf.page if pf else None,
                             "quote": tf.quote[:200], "pdf_quote": pf.quote[:200] if pf else ""})
            for pf in extra:
                dump.append({"layout": layout, "doc": s.id, "class": "pdf only", "printed": pf.printed, "kind": pf.kind,
                             "pdf": describe(pf), "pdf_page": pf.page, "pdf_quote": pf.quote[:200]})
        agree.append(f"| {layout} | {n_text} | {n_found} | {pct(n_found, n_text)} | {classes['value lost']} | "
                     f"{classes['value (same printed figure)']} | {classes['unit']} | {classes['period']} | {classes['breakdown']} | {classes['measure']} | "
                     f"{extra_n} | {pages} | {secs:.0f} |")
        # the first disagreements, taken from the documents in turn so that one report does not fill the list
        shown = []
        i = 0
        while len(shown) < args.list and any(i < len(d) for d in per_doc):
            for d in per_doc:
                if i < len(d) and len(shown) < args.list:
                    shown.append(d[i])
            i += 1
        if shown:
            listings.append(f"### {layout}: first {len(shown)} disagreements\n")
            for doc_id, tf, pf, c in shown:
                listings.append(f"- {doc_id} line {tf.line} ({tf.kind}) `{tf.printed}` — **{c}**: text {describe(tf)}"
                                + (f" / PDF p. {pf.page}: {describe(pf)}" if pf else "") + f" — “{tf.quote[:90]}”")
            listings.append("")

    lines = [
        "## Fact extraction from PDFs (`python -m benchmarks.bench_pdf_facts`)\n",
        f"{len(srcs)} reports ({', '.join(s.id for s in srcs)}) in {len(layouts)} layouts ({', '.join(layouts)}), "
        f"rendered by `tests/ingest/pdf_render.py`, read back with `read_path` and extracted; "
        f"{seconds:.0f} s wall, {cpu:.0f} s in the workers, {args.jobs} worker processes on {os.cpu_count()} cores.\n",
        "### Against the gold\n",
        "Gold facts matched one-to-one to extracted facts by value within the document (no line numbers: PDF facts carry "
        "pages), preferring agreement on unit, period, breakdown and measure, then kind and reading order. "
        "The **text** rows score the text version the same way, so the PDF path shows as the difference to them; "
        "the row *text, on the line* is bench_facts' own scoring of the same text facts (same line and value), to show "
        "how much the value-only matching differs from it. Full recall = value, period and "
        "breakdown right; measure is over the found facts. Precision = extracted facts matched to a gold fact over all "
        "extracted facts; the lenient precision counts only facts whose value is some gold fact or non-fact of the "
        "document; the last column counts the facts left out of it.\n",
        *table,
        "",
        "### Agreement with the text path\n",
        "Share of the text version's facts (value, unit, period, breakdown, measure as a multiset) that the PDF facts "
        "of the same document have. A text fact without a partner is paired with a leftover PDF fact of the same value "
        "and counted under each attribute that differs (so a fact can count twice); failing that with a leftover PDF fact "
        "of the same printed figure and kind (*value changed*: a unit note or scale was lost), or as *value lost*. "
        "PDF-only facts: leftover PDF facts not paired so. Pages and CPU seconds (render + read + extract, in the "
        "workers) are per layout over all reports.\n",
        *agree,
        "",
        *([f"*{LO_DOCX}*: reports set in Word and exported by LibreOffice: the corpus reports "
           f"(tests/data/corpus_docx, made by make_corpus_pdfs.py there) and the blind reports their authors wrote "
           f"as Word documents (tests/data/firstrun_docx); not rendered here, so its CPU seconds are read + extract "
           f"only. Its rows cover {len(lo_ids)} reports ({', '.join(sorted(lo_ids))}).", ""] if extra else []),
        *([*notes, ""] if notes else []),
        *listings,
    ]
    if failures:
        lines += ["Failures:", *[f"- {f}" for f in sorted(set(failures))], ""]
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    if args.dump:
        args.dump.write_text("\n".join(json.dumps(d, ensure_ascii=False) for d in dump) + "\n", encoding="utf-8")
    print("\n".join(lines[:len(table) + 8 + len(agree)]))
    print(f"{seconds:.0f} s", file=sys.stderr)
    return 0


def _progress(n: int, total: int, r: dict, t0: float) -> None:
    what = r.get("error") or f"{len(r['facts'])} facts" + (f", {r['pages']} pages" if r.get("pages") else "")
    print(f"[{n}/{total} {time.perf_counter() - t0:5.0f} s] {r['doc']} / {r['layout']}: {what} ({r['seconds']:.1f} s)",
          file=sys.stderr, flush=True)


if __name__ == "__main__":
    raise SystemExit(main())
