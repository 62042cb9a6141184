"""An incremental build equals a full build: fact for fact, finding for finding, passage for passage.

The corpus KB built in full (the `built_db` fixture) is brought up to date after one report
changed and one was removed, and compared with a full build of those files; then the files
are put back and the KB brought up to date again, which must give the first KB back. Reports
on other subjects are added one at a time, each build rerunning the checks only where the new
report reaches (api.build_checks), and the findings compared with every check over every fact.
"""
from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import numpy as np

from api.build import build_kb
from api.build_checks import CheckPlan, plan_checks, save_scope

# columns that say when or where a report was read, not what the KB holds
VOLATILE = {"path", "ingested_at"}
TABLES = ("documents", "blocks", "tables", "footnotes", "facts", "findings", "measures", "chunks", "build_inputs",
          "index_blobs", "check_scope")


def dump(db: Path) -> dict[str, list[tuple]]:
    conn = sqlite3.connect(db)
    try:
        out = {}
        for table in TABLES:
            cols = [r[1] for r in conn.execute(f"PRAGMA table_info({table})") if r[1] not in VOLATILE]
            out[table] = sorted(conn.execute(f"SELECT {', '.join(cols)} FROM {table}").fetchall(), key=repr)
        out["index_meta"] = sorted(conn.execute("SELECT key, value FROM index_meta WHERE key != 'faiss'").fetchall())
        return out
    finally:
        conn.close()


def assert_same_kb(a: Path, b: Path) -> None:
    left, right = dump(a), dump(b)
    for table in left:
        assert left[table] == right[table], f"table {table} differs"


def test_incremental_build_equals_a_full_build(built_db, corpus_dir, tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(corpus_dir, corpus)
    kb = tmp_path / "kb.db"
    shutil.copyfile(built_db, kb)

    # one report's figure changes, one report is withdrawn
    changed = corpus / "af-fk-aterrapport-2019.txt"
    text = changed.read_text(encoding="utf-8")
    assert "8 662" in text
    changed.write_text(text.replace("8 662", "8 672", 1), encoding="utf-8")
    withdrawn = corpus / "af-fk-aterrapport-2020-sammanfattning.txt"
    kept_copy = tmp_path / withdrawn.name
    shutil.move(withdrawn, kept_copy)

    report = build_kb([corpus], kb, with_dense=False)
    assert report.incremental
    assert report.extracted == ["af-fk-2019"] and len(report.removed) == 1
    assert sorted(report.reused) == sorted(set(report.documents) - {"af-fk-2019"})
    full = tmp_path / "full.db"
    full_report = build_kb([corpus], full, with_dense=False)
    assert not full_report.incremental
    assert_same_kb(kb, full)
    conn = sqlite3.connect(kb)
    assert conn.execute("SELECT count(*) FROM facts WHERE printed = '8 672'").fetchone()[0] >= 1

    # and back: the withdrawn report returns and the figure is restored
    shutil.move(kept_copy, withdrawn)
    changed.write_text(text, encoding="utf-8")
    back = build_kb([corpus], kb, with_dense=False)
    assert sorted(back.extracted) == sorted(["af-fk-2019", report.removed[0]])
    assert_same_kb(kb, built_db)


def test_nothing_changed_reads_nothing(built_db, corpus_dir, tmp_path):
    kb = tmp_path / "kb.db"
    shutil.copyfile(built_db, kb)
    report = build_kb([corpus_dir], kb, with_dense=False)
    assert report.incremental and report.extracted == [] and report.removed == []
    assert_same_kb(kb, built_db)


def test_full_flag_and_other_code_rebuild_everything(corpus_dir, tmp_path):
    folder = tmp_path / "one"
    folder.mkdir()
    shutil.copyfile(corpus_dir / "af-fk-aterrapport-2020-sammanfattning.txt", folder / "rapport.txt")
    kb = tmp_path / "kb.db"
    assert not build_kb([folder], kb, with_dense=False).incremental
    assert build_kb([folder], kb, with_dense=False).extracted == []
    assert build_kb([folder], kb, with_dense=False, full=True).extracted == ["rapport"]
    # a KB whose facts another version of the extractor found is extracted anew
    conn = sqlite3.connect(kb)
    conn.execute("UPDATE kb_meta SET value = 'older code' WHERE key = 'pipeline_fingerprint'")
    conn.commit()
    conn.close()
    report = build_kb([folder], kb, with_dense=False)
    assert not report.incremental and report.extracted == ["rapport"]


def findings_rows(conn: sqlite3.Connection) -> list[tuple]:
    cols = [r[1] for r in conn.execute("PRAGMA table_info(findings)")]
    return sorted((tuple(r) for r in conn.execute(f"SELECT {', '.join(cols)} FROM findings")), key=repr)


def full_checks(db: Path) -> list[tuple]:
    """The findings rows a full build writes for the facts and reports a KB holds: every check
    over every fact, report by report in the order the build read them."""
    from ingest import store
    from nlp import store as nlp_store
    from nlp.checks import run_checks
    from nlp.checks.context import CheckContext
    from nlp.measures import load_catalogue

    conn = store.open_kb_readonly(db)
    try:
        order = [r[0] for r in conn.execute("SELECT doc FROM build_inputs ORDER BY rowid")]
        docs = [store.load_document(conn, d) for d in dict.fromkeys(order)]
        facts = [f for d in docs for f in nlp_store.load_doc_facts(conn, d.id)]
    finally:
        conn.close()
    context = CheckContext(measures={m.key: m for m in load_catalogue()}, documents={d.id: d for d in docs})
    scratch = sqlite3.connect(":memory:")
    nlp_store.ensure_schema(scratch)
    nlp_store.save_findings(scratch, run_checks(facts, context))
    return findings_rows(scratch)


TEST_DATA = Path(__file__).resolve().parents[1] / "data"
# Reports on other subjects than the corpus's (a monthly statistics release, a Q&A page, a
# budget chapter) and one on the same (a follow-up report): their checks reach few measures
# or every report.
OTHER_REPORTS = ("firstrun-pub2-fragor-svar-sjukpenningtak-2029.md", "firstrun-pub2-af-manadsstatistik-2030.txt",
                 "firstrun-pub2-esv-utgiftsomrade14-2030.txt", "blindaudit-uppfoljning-2026.txt")


def test_adding_reports_reruns_the_checks_only_where_they_reach(built_db, corpus_dir, tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(corpus_dir, corpus)
    kb = tmp_path / "kb.db"
    shutil.copyfile(built_db, kb)
    narrowed = []
    for name in OTHER_REPORTS:
        shutil.copyfile(TEST_DATA / name, corpus / name)
        report = build_kb([corpus], kb, with_dense=False)
        assert report.incremental and len(report.extracted) == 1 and report.checked is not None
        narrowed.append(report.checked[1] < len(report.documents))
        conn = sqlite3.connect(kb)
        assert findings_rows(conn) == full_checks(kb), f"findings after adding {name}"
        conn.close()
    assert any(narrowed), "no build checked fewer reports than the KB holds"
    # a report leaves: its findings go, and those it took part in are redone
    (corpus / "af-fk-aterrapport-2019.txt").unlink()
    report = build_kb([corpus], kb, with_dense=False)
    assert report.removed == ["af-fk-2019"]
    conn = sqlite3.connect(kb)
    assert findings_rows(conn) == full_checks(kb)
    assert not conn.execute("SELECT count(*) FROM check_scope WHERE doc = 'af-fk-2019'").fetchone()[0]
    conn.close()
    full = tmp_path / "full.db"
    build_kb([corpus], full, with_dense=False)
    assert_same_kb(kb, full)


def test_a_kb_without_scopes_is_checked_in_full_once(built_db, corpus_dir, tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(corpus_dir, corpus)
    kb = tmp_path / "kb.db"
    shutil.copyfile(built_db, kb)
    conn = sqlite3.connect(kb)
    conn.execute("DROP TABLE check_scope")  # as a KB built before scopes were kept
    conn.commit()
    conn.close()
    shutil.copyfile(TEST_DATA / OTHER_REPORTS[0], corpus / OTHER_REPORTS[0])
    first = build_kb([corpus], kb, with_dense=False)
    assert first.incremental and first.checked is None  # every report checked, every scope written
    conn = sqlite3.connect(kb)
    conn.execute("UPDATE kb_meta SET value = 'other code' WHERE key = 'check_scope_code'")
    conn.commit()
    conn.close()
    assert build_kb([corpus], kb, with_dense=False).checked is None  # scopes another idea of them wrote
    shutil.copyfile(TEST_DATA / OTHER_REPORTS[1], corpus / OTHER_REPORTS[1])
    second = build_kb([corpus], kb, with_dense=False)
    assert second.checked is not None
    conn = sqlite3.connect(kb)
    assert findings_rows(conn) == full_checks(kb)
    scopes = conn.execute("SELECT * FROM check_scope").fetchall()
    conn.close()
    conn = sqlite3.connect(built_db)
    assert set(conn.execute("SELECT * FROM check_scope").fetchall()) <= set(scopes)  # the scopes a full build writes
    conn.close()


def test_a_check_type_the_plan_does_not_know_is_rerun_over_everything(tmp_path):
    from nlp.records import Finding, FindingFact

    conn = sqlite3.connect(tmp_path / "kb.db")
    save_scope(conn, "a", ["m1"])
    save_scope(conn, "b", ["m1", "m2"])
    save_scope(conn, "c", ["m3"])
    plan = plan_checks(conn, {"a"}, set(), ["a", "b", "c"], ["restatement", "trend_claim"])
    assert plan.measures == {"m1"} and plan.documents == {"a", "b"}
    assert plan_checks(conn, {"a"}, set(), ["a", "b", "c"], ["restatement", "new_check"]).documents == {"a", "b", "c"}

    def finding(type_: str, measure: str, doc: str) -> Finding:
        ref = FindingFact(doc=doc, source_file="", value=1.0, page=None, quote="")
        return Finding(id="x", type=type_, severity="error", measure=measure, period="2020", breakdown=(),
                       facts=(ref,), expected="", found="", explanation="")

    plan = CheckPlan(changed={"a"}, measures={"m1"}, documents={"a", "b"})
    assert plan.touches(finding("restatement", "m1", "b")) and not plan.touches(finding("restatement", "m2", "b"))
    assert plan.touches(finding("arithmetic", "m2", "a")) and not plan.touches(finding("arithmetic", "m1", "b"))
    assert plan.touches(finding("trend_claim", "m1", "b")) and plan.touches(finding("trend_claim", "m3", "a"))
    assert not plan.touches(finding("trend_claim", "m3", "b"))
    assert plan.touches(finding("new_check", "m3", "c"))


class CountingEmbedder:
    """Deterministic vectors from the text, counting what it is asked to embed."""

    name = "counting-test-model"
    backend = "test"
    dim = 8

    def __init__(self):
        self.embedded: list[str] = []

    def encode_passages(self, texts):
        self.embedded.extend(texts)
        out = np.array([[float((hash(t) >> i) & 0xFF) + 1 for i in range(8)] for t in texts], dtype=np.float32)
        return out / np.linalg.norm(out, axis=1, keepdims=True)

    encode_queries = encode_passages


def test_vectors_come_from_the_cache_and_only_new_text_is_embedded(corpus_docs):
    from api.search.index import build_index

    docs = list(corpus_docs.values())
    cache: dict = {}
    first = CountingEmbedder()
    whole = build_index(docs, first, vector_cache=cache)
    assert len(first.embedded) == len(set(first.embedded)) == len(cache)  # each distinct text once
    again = CountingEmbedder()
    rebuilt = build_index(docs, again, vector_cache=cache)
    assert again.embedded == []
    n = whole.vectors.ntotal
    assert np.array_equal(whole.vectors.reconstruct_n(0, n), rebuilt.vectors.reconstruct_n(0, n))
    smaller = dict(cache)
    for key in list(smaller)[:3]:
        del smaller[key]
    third = CountingEmbedder()
    build_index(docs, third, vector_cache=smaller)
    assert len(third.embedded) == 3
