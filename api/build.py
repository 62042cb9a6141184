"""ingest -> facts -> checks -> index, into a temporary KB that is swapped into place on success.

`build_kb` is the plain function behind `rapportkoll build`; it also works from Python.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Optional, Sequence

from ingest import store as ingest_store
from ingest.reader import iter_report_files, read_paths
from ingest.records import Document, IngestFailure

Say = Callable[[str], None]


@dataclass
class BuildReport:
    db: str
    documents: list[str] = field(default_factory=list)
    failures: list[IngestFailure] = field(default_factory=list)
    facts: int = 0
    unclassified: int = 0
    findings: int = 0
    chunks: int = 0
    dense: bool = False
    seconds: dict[str, float] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.failures


def build_kb(paths: Sequence[str | Path], db: str | Path, jobs: int = 1, with_index: bool = True,
             with_dense: bool = True, model_path: Optional[str] = None, say: Say = lambda s: None,
             on_file: Optional[Callable] = None) -> BuildReport:
    """Build a fresh knowledge base from report files and folders.

    Files that cannot be read are reported in `BuildReport.failures`; the rest is built.
    Any exception in a later stage leaves the previous KB at `db` untouched.
    """
    from nlp import store as nlp_store
    from nlp.checks import run_checks
    from nlp.checks.context import CheckContext
    from nlp.extract import extract_facts
    from nlp.measures import load_catalogue
    from nlp.pipeline import make_nlp

    report = BuildReport(db=str(db))
    t0 = time.perf_counter()
    files = list(iter_report_files(paths))
    results = read_paths(files, jobs=jobs, on_result=on_file)
    docs: list[Document] = [r for r in results if isinstance(r, Document)]
    report.failures = [r for r in results if isinstance(r, IngestFailure)]
    report.seconds["ingest"] = time.perf_counter() - t0
    say(f"läste {len(docs)} dokument ({len(report.failures)} fel) på {report.seconds['ingest']:.1f} s")

    with ingest_store.building(db) as conn:
        kept: dict[str, Document] = {}
        for doc in docs:
            if ingest_store.save_document(conn, doc) != "unchanged":
                kept[doc.id] = doc
        for f in report.failures:
            ingest_store.save_failure(conn, f)
        docs = list(kept.values())
        report.documents = [d.id for d in docs]

        t = time.perf_counter()
        nlp = make_nlp()
        catalogue = load_catalogue()
        nlp_store.ensure_schema(conn)
        nlp_store.save_measures(conn, catalogue)
        facts = []
        for doc in docs:
            facts.extend(extract_facts(doc, nlp, catalogue))
        meta = {d.id: (d.metadata.published, d.metadata.reporting_year) for d in docs}
        nlp_store.save_facts(conn, facts, meta)
        report.facts = len(facts)
        report.unclassified = sum(1 for f in facts if f.measure == "unclassified")
        report.seconds["facts"] = time.perf_counter() - t
        say(f"{report.facts} fakta ({report.unclassified} oklassificerade) på {report.seconds['facts']:.1f} s")

        t = time.perf_counter()
        context = CheckContext(measures={m.key: m for m in catalogue}, documents={d.id: d for d in docs})
        findings = run_checks(facts, context)
        nlp_store.save_findings(conn, findings)
        report.findings = len(findings)
        report.seconds["checks"] = time.perf_counter() - t
        say(f"{report.findings} avvikelser på {report.seconds['checks']:.1f} s")

        if with_index:
            t = time.perf_counter()
            from .index import build_index, save_index

            embedder = None
            if with_dense:
                from .embedder import load_embedder

                try:
                    embedder = load_embedder(model_path)
                except Exception as e:  # the KB is still useful with lexical search alone
                    say(f"varning: ingen täta vektorer ({type(e).__name__}: {e}); bara lexikal sökning")
            index = build_index(docs, embedder)
            save_index(conn, index)
            report.chunks = len(index.chunks)
            report.dense = embedder is not None
            report.seconds["index"] = time.perf_counter() - t
            say(f"index: {report.chunks} avsnitt, {'lexikalt + tätt' if report.dense else 'lexikalt'}, {report.seconds['index']:.1f} s")
        conn.execute("INSERT OR REPLACE INTO kb_meta VALUES ('built_at', datetime('now'))")
    report.seconds["total"] = time.perf_counter() - t0
    return report
