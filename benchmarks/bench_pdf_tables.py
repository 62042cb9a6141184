"""PDF table extraction against exact structure truth: rapportkoll, bare pdfplumber, camelot.

Every fixture in tests/data/pdf_producers/ is a PDF made by a real producer (LibreOffice,
WeasyPrint) with NAME.truth.json beside it: every table as its full printed grid, the
footnotes with where their markers sit, the table of contents, and the regions that look
like tables but are not (charts, bullet lists, two-column prose). NAME.md is the same
report as a text version. Each PDF is read by

- rapportkoll: `ingest.reader.read_path`, the whole ingestion (blocks, footnotes, tables);
- pdfplumber: `page.extract_tables()` with default settings on every page (timed together
  with `page.extract_text()`, the baseline rapportkoll's overhead is measured against);
- camelot 2.0 "network" and "hybrid" flavours, where camelot is installed
  (`pip install -e .[bench]`); otherwise those rows are left out with a note.

Table structure is scored with the ICDAR 2013 adjacency relations (benchmarks/table_metrics.py):
precision, recall and F1 of the (cell, neighbour to the right / below) relations, every
truth table matched to at most one predicted table on a page it shares; predicted tables
nobody matched count all their relations as false positives. Numeric cells "found" are
truth figures that the matched predicted table holds; "extra" are predicted figures the
truth tables of that document do not account for, as a share of all predicted figures.
For rapportkoll also: footnotes (number and text, and a marker ref on the cited page),
captions of matched tables, the TOC not read as a table, and the text version's tables
found cell for cell in the PDF's. Times are CPU seconds of this process
(`time.process_time`), the best of --repeat runs.

Usage: python -m benchmarks.bench_pdf_tables [--repeat N] [--out FILE] [NAME ...]
"""
from __future__ import annotations

import argparse
import json
import platform
import re
import sys
import time
import warnings
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Optional

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.table_metrics import (  # noqa: E402
    Counts, DocumentScore, TableGrid, neighbours, normalise, normalised_grid, row_texts, score_document, words_found,
)

FIXTURES = ROOT / "tests" / "data" / "pdf_producers"
OUT = ROOT / "benchmarks" / "pdf_tables_results.md"

RAPPORTKOLL = "rapportkoll"
PDFPLUMBER = "pdfplumber"
NETWORK = "camelot network"
HYBRID = "camelot hybrid"
# a region that is not a table counts as "read as a table" when a predicted table on its
# page holds this share of the region's words
READ_AS_TABLE = 0.5


# ----------------------------------------------------------------------------------------
# Fixtures


@dataclass
class TruthTable:
    id: str
    label: Optional[str]
    caption: Optional[str]
    pages: tuple[int, ...]
    hazards: tuple[str, ...]
    header_rows: int
    rows: list[list[str]]
    notes: list[str]

    @property
    def grid(self) -> TableGrid:
        return TableGrid.of(self.pages, self.rows, self.id)


@dataclass
class Fixture:
    name: str
    pdf: Path
    md: Optional[Path]
    producer: str
    pages: int
    hazards: tuple[str, ...]
    tables: list[TruthTable]
    footnotes: list[dict]
    toc: Optional[dict]
    not_tables: list[dict]


def load_fixture(truth_path: Path) -> Fixture:
    data = json.loads(truth_path.read_text(encoding="utf-8"))
    name = truth_path.name[: -len(".truth.json")]
    md = truth_path.with_name(f"{name}.md")
    tables = [
        TruthTable(
            id=t["id"], label=t.get("label"), caption=t.get("caption"), pages=tuple(t["pages"]),
            hazards=tuple(t.get("hazards") or ()), header_rows=t.get("header_rows", 1), rows=t["rows"],
            notes=t.get("notes") or [],
        )
        for t in data.get("tables", [])
    ]
    return Fixture(
        name=name, pdf=truth_path.with_name(data.get("file") or f"{name}.pdf"), md=md if md.exists() else None,
        producer=data.get("producer", "?"), pages=data.get("pages", 0), hazards=tuple(data.get("hazards") or ()),
        tables=tables, footnotes=data.get("footnotes") or [], toc=data.get("toc"), not_tables=data.get("not_tables") or [],
    )


def load_fixtures(folder: Path = FIXTURES, names: Optional[list[str]] = None) -> list[Fixture]:
    """Every NAME.truth.json in the folder whose PDF exists (or the named ones), by name."""
    out = []
    for path in sorted(folder.glob("*.truth.json")):
        fx = load_fixture(path)
        if (not names or fx.name in names) and fx.pdf.exists():
            out.append(fx)
    return out


# ----------------------------------------------------------------------------------------
# Extractors: a PDF path -> predicted tables


@dataclass
class Extraction:
    tables: list[TableGrid]
    cpu: float  # best CPU seconds over the repeats
    wall: float  # wall seconds of that run: shows work done outside this process
    doc: object = None  # rapportkoll's Document (or IngestFailure)
    error: str = ""


def rapportkoll_tables(path: Path) -> tuple[object, list[TableGrid]]:
    from ingest.reader import read_path
    from ingest.records import Document

    doc = read_path(path)
    if not isinstance(doc, Document):
        return doc, []
    return doc, [TableGrid.of(t.pages or (t.page or 0,), t.rows, t.id) for t in doc.tables]


def pdfplumber_tables(path: Path) -> tuple[None, list[TableGrid]]:
    """Default-settings tables, with the page text extracted too: the baseline's full cost."""
    import pdfplumber

    out = []
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_text()
            for i, rows in enumerate(page.extract_tables()):
                out.append(TableGrid.of((page.page_number,), rows, f"p{page.page_number}#{i}"))
            page.close()
    return None, out


def camelot_available() -> str:
    """'' when camelot imports, else why not (the rows are then left out)."""
    try:
        import camelot  # noqa: F401
    except Exception as e:  # ImportError, or a broken opencv underneath
        return f"camelot not importable ({type(e).__name__}: {e}); install with `pip install -e .[bench]`"
    return ""


def camelot_tables(flavor: str) -> Callable[[Path], tuple[None, list[TableGrid]]]:
    def read(path: Path) -> tuple[None, list[TableGrid]]:
        import camelot

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # "no tables found on page n" for every text page
            found = camelot.read_pdf(str(path), pages="all", flavor=flavor, suppress_stdout=True)
        return None, [TableGrid.of((int(t.page),), t.df.values.tolist(), f"p{t.page}#{i}") for i, t in enumerate(found)]

    return read


def extractors(only: Optional[list[str]] = None) -> tuple[dict[str, Callable], list[str]]:
    """The extractors to run (all, or those named in `only`), and notes on those left out."""
    wanted = set(only or (RAPPORTKOLL, PDFPLUMBER, NETWORK, HYBRID))
    chosen: dict[str, Callable] = {RAPPORTKOLL: rapportkoll_tables, PDFPLUMBER: pdfplumber_tables}
    notes = []
    if wanted & {NETWORK, HYBRID}:  # importing camelot pulls in OpenCV: only when asked for
        why = camelot_available()
        if why:
            notes.append(why)
        else:
            chosen[NETWORK] = camelot_tables("network")
            chosen[HYBRID] = camelot_tables("hybrid")
    return {k: v for k, v in chosen.items() if k in wanted}, notes


def extract(read: Callable, path: Path, repeat: int) -> Extraction:
    best_cpu, best_wall, result = float("inf"), 0.0, None
    for _ in range(max(1, repeat)):
        wall, cpu = time.perf_counter(), time.process_time()
        try:
            result = read(path)
        except Exception as e:  # one extractor failing on one file is a result, not a crash
            return Extraction([], 0.0, 0.0, error=f"{type(e).__name__}: {e}")
        cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
        if cpu < best_cpu:
            best_cpu, best_wall = cpu, wall
    doc, tables = result
    error = "" if doc is None or hasattr(doc, "tables") else f"{doc.reason}: {doc.message}"
    return Extraction(tables, best_cpu, best_wall, doc=doc, error=error)


# ----------------------------------------------------------------------------------------
# rapportkoll's extras: footnotes, captions, TOC, text version


@dataclass
class FootnoteResult:
    marker: str
    placement: str
    page: Optional[int]
    found: bool
    linked: bool
    why: str = ""  # for the miss list


def ref_page(doc, ref: str) -> Optional[int]:
    """The page of a marker ref: a block id "{doc}:b{n}" or a cell id "{table}:r{r}c{c}"."""
    for b in doc.blocks:
        if b.id == ref:
            return b.page
    for t in doc.tables:
        for c in t.cells:
            if c.id == ref:
                return c.page or t.page
    return None


_CELL_REF = re.compile(r":t\d+:r\d+c\d+$")


def is_cell_ref(ref: str) -> bool:
    """A cell id "{doc}:t{n}:r{r}c{c}" (a block id is "{doc}:b{n}")."""
    return bool(_CELL_REF.search(ref))


def score_footnote(doc, want: dict) -> FootnoteResult:
    marker, placement = str(want.get("marker", "")), want.get("placement", "?")
    result = FootnoteResult(marker, placement, want.get("page"), False, False)
    got = doc.footnote(int(marker)) if marker.isdigit() else None
    if got is None:
        result.why = "no footnote with that number" if marker.isdigit() else f"marker {marker!r} is not a number"
        return result
    if normalise(got.text) != normalise(want.get("text", "")):
        result.why = f"text differs: got {got.text!r}"
        return result
    result.found = True
    cited_page, cited_in = want.get("cited_page"), want.get("cited_in")
    for ref in got.marker_refs:
        kind_ok = cited_in is None or (cited_in == "cell") == is_cell_ref(ref)
        if kind_ok and ref_page(doc, ref) == cited_page:
            result.linked = True
            return result
    result.why = f"marker not linked in the {cited_in} on p. {cited_page}: refs {list(got.marker_refs)}"
    return result


def toc_read_as_table(fixture: Fixture, tables: list[TableGrid]) -> bool:
    toc = fixture.toc
    if not toc:
        return False
    text = " ".join(" ".join(entry) for entry in toc.get("entries", []))
    return any(toc.get("page") in t.pages and words_found(text, t.rows) >= READ_AS_TABLE for t in tables)


def same_grid(a, b) -> bool:
    """Cell for cell after normalisation, ignoring empty rows and columns added at the edges."""
    return trimmed(normalised_grid(a)) == trimmed(normalised_grid(b))


def trimmed(grid: list[list[str]]) -> list[list[str]]:
    rows = [r for r in grid if any(r)]
    width = max((i + 1 for r in rows for i, c in enumerate(r) if c), default=0)
    first = min((i for r in rows for i, c in enumerate(r) if c), default=0)
    return [r[first:width] for r in rows]


# ----------------------------------------------------------------------------------------
# Running and adding up


@dataclass
class Run:
    """One extractor on one fixture."""

    fixture: Fixture
    extractor: str
    extraction: Extraction
    score: DocumentScore
    footnotes: list[FootnoteResult] = field(default_factory=list)
    captions: list[tuple[str, str, str, str]] = field(default_factory=list)  # (table id, what, want, got)
    captions_checked: Counter = field(default_factory=Counter)  # "label"/"caption" -> n checked
    toc_as_table: bool = False
    text_tables: int = 0  # tables in the text version
    text_tables_same: int = 0
    text_table_misses: list[str] = field(default_factory=list)


def run_fixture(fx: Fixture, name: str, read: Callable, repeat: int) -> Run:
    ex = extract(read, fx.pdf, repeat)
    run = Run(fx, name, ex, score_document([t.grid for t in fx.tables], ex.tables))
    run.toc_as_table = toc_read_as_table(fx, ex.tables)
    if name == RAPPORTKOLL and ex.doc is not None and not ex.error:
        add_rapportkoll_extras(run)
    return run


def add_rapportkoll_extras(run: Run) -> None:
    fx, doc = run.fixture, run.extraction.doc
    run.footnotes = [score_footnote(doc, f) for f in fx.footnotes]
    for ts in run.score.tables:
        want = fx.tables[ts.truth]
        if ts.predicted is None:
            continue
        got = doc.tables[ts.predicted]
        if want.label:
            run.captions_checked["label"] += 1
            if normalise(got.label) != normalise(want.label):
                run.captions.append((want.id, "label", want.label, got.label))
        if want.caption:
            run.captions_checked["caption"] += 1
            if normalise(got.caption) != normalise(want.caption):
                run.captions.append((want.id, "caption", want.caption, got.caption))
    if fx.md is not None:
        compare_text_version(run, fx.md, doc)


def compare_text_version(run: Run, md: Path, doc) -> None:
    from ingest.reader import read_path

    try:
        text_doc = read_path(md)
    except Exception as e:  # a reader bug on one file is a finding, not the end of the run
        run.text_table_misses.append(f"{md.name}: reading failed: {type(e).__name__}: {e}")
        return
    if not hasattr(text_doc, "tables"):
        run.text_table_misses.append(f"{md.name}: not read ({text_doc.reason}: {text_doc.message})")
        return
    for t in text_doc.tables:
        run.text_tables += 1
        if any(same_grid(t.rows, p.rows) for p in doc.tables):
            run.text_tables_same += 1
        else:
            head = " | ".join(t.rows[0]) if t.rows else ""
            run.text_table_misses.append(f"text table {t.index + 1} ({t.caption or head!s}) has no identical PDF table")


@dataclass
class Totals:
    relations: Counts = field(default_factory=Counts)
    tables: int = 0
    matched: int = 0
    predicted: int = 0
    numeric_total: int = 0
    numeric_found: int = 0
    numeric_predicted: int = 0
    numeric_extra: int = 0
    cpu: float = 0.0
    wall: float = 0.0
    pages: int = 0
    errors: int = 0

    def add_run(self, run: Run) -> None:
        s = run.score
        self.relations = self.relations + s.relations
        self.tables += len(s.tables)
        self.matched += sum(t.predicted is not None for t in s.tables)
        self.predicted += len(run.extraction.tables)
        self.numeric_total += s.numeric_total
        self.numeric_found += s.numeric_found
        self.numeric_predicted += s.numeric_predicted
        self.numeric_extra += s.numeric_extra
        self.cpu += run.extraction.cpu
        self.wall += run.extraction.wall
        self.pages += run.fixture.pages
        self.errors += bool(run.extraction.error)


def totals(runs: list[Run]) -> Totals:
    out = Totals()
    for r in runs:
        out.add_run(r)
    return out


def document_hazards(fx: Fixture) -> set[str]:
    """The fixture's own hazards (chart, toc, two-column-text ...). The truth's top-level list
    is the union of these and its tables' hazards, so a hazard some table lists is that
    table's, not the whole document's."""
    own_tables = {h for t in fx.tables for h in t.hazards}
    return {h for h in fx.hazards if h not in own_tables}


def hazard_totals(runs: list[Run], hazard: str) -> Totals:
    """Tables with the hazard (their own or their fixture's); a fixture-wide hazard also
    takes the fixture's unmatched predicted tables. "Extra" figures are counted per table
    here (those of the matched predicted table its truth table lacks, and all of an
    unmatched table's), since a table-level hazard has no document to count them in."""
    out = Totals()
    for run in runs:
        fx, s = run.fixture, run.score
        whole = hazard in document_hazards(fx)
        for ts in s.tables:
            if whole or hazard in fx.tables[ts.truth].hazards:
                out.relations = out.relations + ts.relations
                out.tables += 1
                out.matched += ts.predicted is not None
                out.numeric_total += ts.numeric_total
                out.numeric_found += ts.numeric_found
                out.numeric_predicted += ts.numeric_predicted
                out.numeric_extra += ts.numeric_extra
        if whole:  # every figure of a table nobody matched is extra
            out.relations = out.relations + s.unmatched_relations
            out.numeric_predicted += s.unmatched_numeric
            out.numeric_extra += s.unmatched_numeric
    return out


def run_all(fixtures: list[Fixture], repeat: int, only: Optional[list[str]] = None,
            progress: bool = True) -> tuple[dict[str, list[Run]], list[str]]:
    chosen, notes = extractors(only)
    runs: dict[str, list[Run]] = {name: [] for name in chosen}
    for fx in fixtures:
        for name, read in chosen.items():
            run = run_fixture(fx, name, read, repeat)
            runs[name].append(run)
            if progress:
                print(f"{fx.name}: {name} F1 {run.score.relations.f1:.3f}, {run.extraction.cpu:.2f} s"
                      + (f" ({run.extraction.error})" if run.extraction.error else ""), file=sys.stderr)
    return runs, notes


# ----------------------------------------------------------------------------------------
# Markdown


def pct(a: int, b: int) -> str:
    return f"{100 * a / b:.1f} %" if b else "–"


def score_cells(t: Totals) -> str:
    r = t.relations
    return (f"{r.precision:.3f} | {r.recall:.3f} | {r.f1:.3f} | {pct(t.numeric_found, t.numeric_total)} "
            f"({t.numeric_found}/{t.numeric_total}) | {pct(t.numeric_extra, t.numeric_predicted)} "
            f"({t.numeric_extra}/{t.numeric_predicted})")


def score_table(runs: dict[str, list[Run]], keep: Callable[[Run], bool]) -> list[str]:
    lines = [
        "| extractor | truth tables | matched | predicted tables | relation P | R | F1 | numeric found | numeric extra | CPU s/page |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for name, rs in runs.items():
        t = totals([r for r in rs if keep(r)])
        per_page = f"{t.cpu / t.pages:.3f}" if t.pages else "–"
        lines.append(f"| {name} | {t.tables} | {t.matched} | {t.predicted} | {score_cells(t)} | {per_page} |")
    return lines


def hazard_section(runs: dict[str, list[Run]]) -> list[str]:
    fixtures = next(iter(runs.values()), [])
    hazards = sorted({h for r in fixtures for h in r.fixture.hazards}
                     | {h for r in fixtures for t in r.fixture.tables for h in t.hazards})
    if not hazards:
        return []
    names = list(runs)
    lines = [
        "## Per hazard",
        "",
        "A table counts under its own hazards and its fixture's document-level ones (chart, toc, bullets, two-column-text,",
        "footnote placement: those no table of the fixture lists); a document-level hazard also takes the fixture's",
        "unmatched predicted tables (their relations as false positives). Each cell: relation F1 · numeric cells found.",
        "",
        "| hazard | fixtures | tables | " + " | ".join(names) + " |",
        "|---|---|---|" + "---|" * len(names),
    ]
    for h in hazards:
        cells = []
        tables = n_fx = 0
        for name in names:
            t = hazard_totals(runs[name], h)
            tables = t.tables
            n_fx = sum(h in r.fixture.hazards for r in runs[name])
            cells.append(f"{t.relations.f1:.3f} · {pct(t.numeric_found, t.numeric_total)}")
        lines.append(f"| {h} | {n_fx} | {tables} | " + " | ".join(cells) + " |")
    lines += ["", "<details><summary>Per hazard, every score</summary>", "",
              "Numeric extra per table: figures of the matched predicted table its truth table lacks, and all figures of",
              "unmatched predicted tables under a document-level hazard.", "",
              "| hazard | extractor | tables | relation P | R | F1 | numeric found | numeric extra |",
              "|---|---|---|---|---|---|---|---|"]
    for h in hazards:
        for name in names:
            t = hazard_totals(runs[name], h)
            lines.append(f"| {h} | {name} | {t.tables} | {score_cells(t)} |")
    return lines + ["", "</details>", ""]


def fixture_section(runs: dict[str, list[Run]]) -> list[str]:
    names = list(runs)
    lines = ["## Per fixture", "", "Relation F1 (predicted tables).", "",
             "| fixture | producer | pages | truth tables | " + " | ".join(names) + " |",
             "|---|---|---|---|" + "---|" * len(names)]
    for i, run in enumerate(runs[names[0]]):
        fx = run.fixture
        cells = []
        for name in names:
            r = runs[name][i]
            cells.append("error" if r.extraction.error else f"{r.score.relations.f1:.3f} ({len(r.extraction.tables)})")
        lines.append(f"| {fx.name} | {fx.producer} | {fx.pages} | {len(fx.tables)} | " + " | ".join(cells) + " |")
    return lines + [""]


def not_table_section(runs: dict[str, list[Run]]) -> list[str]:
    names = list(runs)
    kinds: dict[str, Counter] = defaultdict(Counter)
    regions: Counter = Counter()
    for name in names:
        for run in runs[name]:
            for nt in run.fixture.not_tables:
                kind = nt.get("kind", "?")
                if name == names[0]:
                    regions[kind] += 1
                page = nt.get("page")
                if any(page in t.pages and words_found(nt.get("sample", ""), t.rows) >= READ_AS_TABLE
                       for t in run.extraction.tables):
                    kinds[kind][name] += 1
    if not regions:
        return []
    lines = ["## Not tables read as tables", "",
             f"Regions of the truth's `not_tables` for which a predicted table on the page holds at least "
             f"{READ_AS_TABLE:.0%} of the region's sample words (fewer is better).", "",
             "| kind | regions | " + " | ".join(names) + " |", "|---|---|" + "---|" * len(names)]
    for kind in sorted(regions):
        lines.append(f"| {kind} | {regions[kind]} | " + " | ".join(str(kinds[kind][n]) for n in names) + " |")
    toc = [r for r in runs[names[0]] if r.fixture.toc]
    if toc:
        lines += ["", "Table of contents read as a table (same test on the TOC entries): "
                  + ", ".join(f"{n} {sum(r.toc_as_table for r in runs[n] if r.fixture.toc)}/{len(toc)}" for n in names) + "."]
    return lines + [""]


def rapportkoll_section(rs: list[Run]) -> list[str]:
    lines = ["## rapportkoll: footnotes, captions, TOC, text version", ""]
    by_placement: dict[str, list[FootnoteResult]] = defaultdict(list)
    for r in rs:
        for f in r.footnotes:
            by_placement[f.placement].append(f)
    if by_placement:
        lines += ["| footnotes | truth | found (number + text) | linked (marker ref on the cited page) |", "|---|---|---|---|"]
        for placement, fs in sorted(by_placement.items()) + [("**all**", [f for v in by_placement.values() for f in v])]:
            found, linked = sum(f.found for f in fs), sum(f.linked for f in fs)
            lines.append(f"| {placement} | {len(fs)} | {found} ({pct(found, len(fs))}) | {linked} ({pct(linked, len(fs))}) |")
        lines.append("")
    checked = sum((r.captions_checked for r in rs), Counter())
    wrong = Counter(what for r in rs for (_, what, _, _) in r.captions)
    for what in ("label", "caption"):
        if checked[what]:
            lines.append(f"- Matched tables whose {what} is right: {checked[what] - wrong[what]}/{checked[what]}")
    with_toc = [r for r in rs if r.fixture.toc]
    if with_toc:
        ok = sum(not r.toc_as_table for r in with_toc)
        lines.append(f"- Table of contents not read as a table: {ok}/{len(with_toc)}")
    text_tables = sum(r.text_tables for r in rs)
    if text_tables:
        same = sum(r.text_tables_same for r in rs)
        lines.append(f"- Text-version (NAME.md) tables found identical, cell for cell, among the PDF's tables: "
                     f"{same}/{text_tables} ({pct(same, text_tables)})")
    return lines + [""]


def speed_section(runs: dict[str, list[Run]], repeat: int) -> list[str]:
    lines = ["## Speed", "", f"CPU seconds of this process (best of {repeat}); wall seconds of the same run beside it.", "",
             "| extractor | pages | CPU s | CPU s/page | wall s/page |", "|---|---|---|---|---|"]
    for name, rs in runs.items():
        t = totals(rs)
        if t.pages:
            lines.append(f"| {name} | {t.pages} | {t.cpu:.2f} | {t.cpu / t.pages:.3f} | {t.wall / t.pages:.3f} |")
    if RAPPORTKOLL in runs and PDFPLUMBER in runs:
        ours, bare = totals(runs[RAPPORTKOLL]).cpu, totals(runs[PDFPLUMBER]).cpu
        if bare:
            lines += ["", f"rapportkoll's whole ingestion over bare pdfplumber `extract_text()` + `extract_tables()`: "
                          f"**{ours / bare:.2f}×** CPU time."]
    return lines + [""]


def table_misses(run: Run) -> list[str]:
    fx, s, ex = run.fixture, run.score, run.extraction
    out = []
    for ts in s.tables:
        want = fx.tables[ts.truth]
        where = f"{fx.name} {want.id}" + (f" ({want.label})" if want.label else "") + f" p. {','.join(map(str, want.pages))}"
        if ts.predicted is None:
            out.append(f"- {where}: no table came back ({ts.relations.fn} relations, {ts.numeric_total} figures missed)")
            continue
        got = ex.tables[ts.predicted]
        if not ts.missed_relations and not ts.extra_relations and not ts.missed_numbers:
            continue
        out.append(f"- {where}: matched {got.id or ts.predicted} (p. {','.join(map(str, got.pages))}), "
                   f"P {ts.relations.precision:.3f} R {ts.relations.recall:.3f}")
        want_rows, got_rows = row_texts(want.rows), row_texts(got.rows)
        for row, n in (want_rows - got_rows).items():
            out.append(f"  - row not in the table{f' ×{n}' if n > 1 else ''}: {list(row)!r}")
        for row, n in (got_rows - want_rows).items():
            out.append(f"  - row not in the truth{f' ×{n}' if n > 1 else ''}: {list(row)!r}")
        for (a, b, d), n in sorted(ts.missed_relations.items()):
            came = neighbours(got.rows, a, d)
            came_back = ", ".join(repr(x) for x in came) if came else f"{a!r} not in the table"
            out.append(f"  - missed {a!r} → {b!r} ({d}){f' ×{n}' if n > 1 else ''}: got {came_back}")
        for (a, b, d), n in sorted(ts.extra_relations.items()):
            out.append(f"  - extra {a!r} → {b!r} ({d}){f' ×{n}' if n > 1 else ''}")
        for text, n in sorted(ts.missed_numbers.items()):
            out.append(f"  - figure {text!r}{f' ×{n}' if n > 1 else ''} not in the table")
    for j in s.unmatched_predicted:
        t = ex.tables[j]
        first = next((r for r in t.rows if any((c or "").strip() for c in r)), ())
        out.append(f"- {fx.name}: extra table {t.id or j} on p. {','.join(map(str, t.pages))}, "
                   f"{sum(1 for _ in t.rows)} rows, first {[c for c in first]!r}")
    if s.extra_numbers:
        out.append(f"- {fx.name}: extra figures " + ", ".join(f"{t!r}×{n}" if n > 1 else repr(t)
                                                             for t, n in sorted(s.extra_numbers.items())))
    return out


def misses_section(rs: list[Run]) -> list[str]:
    lines = ["## Misses (rapportkoll)", "",
             "Every truth relation and figure rapportkoll did not return, with what its table has in that place",
             "(`(end)`: the cell has no neighbour in that direction), extra tables and figures, footnotes, captions.", ""]
    for run in rs:
        if run.extraction.error:
            lines.append(f"- {run.fixture.name}: not read: {run.extraction.error}")
            continue
        lines += table_misses(run)
        for f in run.footnotes:
            if not (f.found and f.linked):
                lines.append(f"- {run.fixture.name} footnote {f.marker} ({f.placement}, p. {f.page}): {f.why}")
        for tid, what, want, got in run.captions:
            lines.append(f"- {run.fixture.name} {tid} {what}: want {want!r}, got {got!r}")
        if run.toc_as_table:
            lines.append(f"- {run.fixture.name}: table of contents (p. {run.fixture.toc.get('page')}) read as a table")
        lines += [f"- {run.fixture.name}: {m}" for m in run.text_table_misses]
    return lines + [""]


def _folder_name(fixtures) -> str:
    """The fixtures' folder as written in the report (relative to the repository when inside it)."""
    folders = {f.pdf.parent.resolve() for f in fixtures}
    if len(folders) != 1:
        return "the fixture folders"
    folder = folders.pop()
    try:
        return str(folder.relative_to(ROOT)) + "/"
    except ValueError:
        return str(folder) + "/"


def code_version() -> str:
    """The commit measured, and whether the reader had local changes: the reader changes often."""
    import subprocess

    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True,
                              check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--", "ingest", "nlp"], cwd=ROOT, capture_output=True,
                               text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return ""
    return f" Code: commit {head}" + (" with local changes in ingest/ or nlp/." if dirty else ".")


def markdown(runs: dict[str, list[Run]], notes: list[str], repeat: int) -> str:
    import pdfplumber

    fixtures = [r.fixture for r in next(iter(runs.values()), [])]
    versions = f"pdfplumber {pdfplumber.__version__}"
    try:
        import camelot

        versions += f", camelot {camelot.__version__}"
    except Exception:
        pass
    producers = sorted({f.producer for f in fixtures})
    lines = [
        "# PDF table extraction against structure truth",
        "",
        "Written by `python -m benchmarks.bench_pdf_tables`. Fixtures: the "
        f"{len(fixtures)} PDFs of {_folder_name(fixtures)} ({sum(f.pages for f in fixtures)} pages, "
        f"{sum(len(f.tables) for f in fixtures)} truth tables; producers: {', '.join(producers) or '–'}). "
        f"{versions}, Python {platform.python_version()}, {platform.machine()}.{code_version()}",
        "",
        "Relations: ICDAR 2013 adjacency relations of non-empty cells (right and down neighbours), texts normalised;",
        "unmatched predicted tables count all their relations as false positives. Numeric found: truth figures in the",
        "matched predicted table; extra: predicted figures no truth table of the document has, over all predicted figures.",
        "A figure is any cell that reads as a number (\"8 662\", \"9,7\", \"-5\", \"<5\"), header years included, so the",
        "counts run above the fixtures README's (body cells only, without `<5`). Every miss of rapportkoll is listed at the end.",
        "",
    ]
    lines += [f"> {n}" for n in notes] + ([""] if notes else [])
    lines += ["## All fixtures", ""] + score_table(runs, lambda r: True) + [""]
    if len(producers) > 1:
        for p in producers:
            lines += [f"## Producer: {p}", ""] + score_table(runs, lambda r, p=p: r.fixture.producer == p) + [""]
    lines += hazard_section(runs) + not_table_section(runs)
    if RAPPORTKOLL in runs:
        lines += rapportkoll_section(runs[RAPPORTKOLL])
    lines += speed_section(runs, repeat) + fixture_section(runs)
    errors = [f"- {r.fixture.name}: {name}: {r.extraction.error}" for name, rs in runs.items() for r in rs if r.extraction.error]
    if errors:
        lines += ["## Errors", "", *errors, ""]
    if RAPPORTKOLL in runs:
        lines += misses_section(runs[RAPPORTKOLL])
    return "\n".join(lines).rstrip() + "\n"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", help="fixture names (NAME of NAME.pdf); default all")
    parser.add_argument("--repeat", type=int, default=3, help="runs per file and extractor; the best CPU time counts (default 3)")
    parser.add_argument("--out", type=Path, default=OUT, help="where the markdown is written")
    parser.add_argument("--fixtures", type=Path, default=FIXTURES, help="folder of NAME.pdf + NAME.truth.json")
    parser.add_argument("--only", nargs="*", help=f"extractors to run: {RAPPORTKOLL!r}, {PDFPLUMBER!r}, {NETWORK!r}, {HYBRID!r}")
    args = parser.parse_args(argv)
    fixtures = load_fixtures(args.fixtures, args.names)
    if not fixtures:
        print(f"no fixtures in {args.fixtures}" + (f" named {args.names}" if args.names else ""), file=sys.stderr)
        return 1
    runs, notes = run_all(fixtures, args.repeat, args.only)
    text = markdown(runs, notes, args.repeat)
    args.out.write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
