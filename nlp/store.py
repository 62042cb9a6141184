"""The facts, measures and findings tables of the knowledge base.

Facts carry the breakdown both as one JSON object (the contract) and as plain columns
(kon, forman, alder, myndighet) so SQL and CSV users can filter without parsing JSON.
The document's publication date and reporting year ride along: they name the vintage.
"""
from __future__ import annotations

import json
import sqlite3
from dataclasses import asdict
from typing import Iterable, Iterator, Optional, Sequence

from .records import DefinitionNote, Fact, Finding, FindingFact, Measure

BREAKDOWN_COLUMNS = ("kon", "forman", "alder", "myndighet")

SCHEMA = """
CREATE TABLE IF NOT EXISTS facts (
    id TEXT PRIMARY KEY, doc TEXT NOT NULL, source_file TEXT, measure TEXT NOT NULL, measure_label TEXT,
    period TEXT, breakdown TEXT, kon TEXT, forman TEXT, alder TEXT, myndighet TEXT,
    value REAL, printed TEXT, unit TEXT, scale REAL, qualifier TEXT, kind TEXT,
    page INTEGER, page_label TEXT, line INTEGER, section TEXT, quote TEXT, block TEXT, cell TEXT,
    phrase TEXT, period_source TEXT, published TEXT, reporting_year INTEGER, measure_score REAL, measure_candidate TEXT,
    qualifier_word TEXT, period_part TEXT
);
CREATE INDEX IF NOT EXISTS facts_measure ON facts(measure, period);
CREATE INDEX IF NOT EXISTS facts_doc ON facts(doc);
CREATE TABLE IF NOT EXISTS measures (
    key TEXT PRIMARY KEY, label TEXT, unit TEXT, definition TEXT, denominator TEXT, counts_of TEXT,
    lemmas TEXT, phrases TEXT, synonyms TEXT, breakdowns TEXT, notes TEXT
);
CREATE TABLE IF NOT EXISTS findings (
    id TEXT PRIMARY KEY, type TEXT NOT NULL, severity TEXT NOT NULL, measure TEXT, period TEXT, breakdown TEXT,
    facts TEXT, expected TEXT, found TEXT, explanation TEXT, score REAL, rank INTEGER
);
CREATE INDEX IF NOT EXISTS findings_type ON findings(type, severity);
"""


# Columns added since the first schema, so a knowledge base built by an earlier version still opens.
_ADDED_COLUMNS = {"facts": (("measure_score", "REAL"), ("measure_candidate", "TEXT"), ("qualifier_word", "TEXT"),
                            ("period_part", "TEXT"))}


def has_table(conn: sqlite3.Connection, name: str) -> bool:
    """Whether the KB holds the table: a reader asks instead of creating it, so it never writes
    (a KB that was only ingested has no facts yet)."""
    return conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)).fetchone() is not None


def ensure_schema(conn: sqlite3.Connection) -> None:
    conn.executescript(SCHEMA)
    for table, columns in _ADDED_COLUMNS.items():
        have = {r[1] for r in conn.execute(f"PRAGMA table_info({table})")}
        for name, kind in columns:
            if name not in have:
                conn.execute(f"ALTER TABLE {table} ADD COLUMN {name} {kind}")


def _j(value) -> str:
    return json.dumps(value, ensure_ascii=False)


def save_facts(conn: sqlite3.Connection, facts: Iterable[Fact], documents_meta: Optional[dict] = None) -> int:
    """Insert facts; `documents_meta` maps doc id -> (published, reporting_year)."""
    ensure_schema(conn)
    documents_meta = documents_meta or {}
    count = 0

    def rows() -> Iterator[tuple]:  # one at a time, so a long report's rows are not all in memory at once
        nonlocal count
        for f in facts:
            b = dict(f.breakdown)
            published, year = documents_meta.get(f.doc, (None, None))
            count += 1
            yield (f.id, f.doc, f.source_file, f.measure, f.measure_label, f.period, _j(b),
                   *(b.get(k) for k in BREAKDOWN_COLUMNS), f.value, f.printed, f.unit, f.scale, f.qualifier, f.kind,
                   f.page, f.page_label, f.line, f.section, f.quote, f.block, f.cell, f.phrase, f.period_source,
                   published, year, f.measure_score, f.measure_candidate, f.qualifier_word, f.period_part)

    conn.executemany(f"INSERT OR REPLACE INTO facts VALUES ({','.join('?' * 32)})", rows())
    return count


def delete_facts(conn: sqlite3.Connection, doc_id: str) -> None:
    ensure_schema(conn)
    conn.execute("DELETE FROM facts WHERE doc = ?", (doc_id,))


def fact_from_row(row: sqlite3.Row) -> Fact:
    return Fact(
        id=row["id"], doc=row["doc"], source_file=row["source_file"], measure=row["measure"],
        measure_label=row["measure_label"] or "", period=row["period"] or "",
        breakdown=tuple(sorted(json.loads(row["breakdown"] or "{}").items())), value=row["value"], printed=row["printed"] or "",
        unit=row["unit"] or "", scale=row["scale"] if row["scale"] is not None else 1.0, qualifier=row["qualifier"] or "exact",
        kind=row["kind"] or "body", page=row["page"], page_label=row["page_label"], line=row["line"],
        section=row["section"] or "", quote=row["quote"] or "", block=row["block"], cell=row["cell"],
        phrase=row["phrase"] or "", period_source=row["period_source"] or "",
        measure_score=row["measure_score"] or 0.0 if "measure_score" in row.keys() else 0.0,
        measure_candidate=row["measure_candidate"] or "" if "measure_candidate" in row.keys() else "",
        qualifier_word=row["qualifier_word"] or "" if "qualifier_word" in row.keys() else "",
        period_part=row["period_part"] or "" if "period_part" in row.keys() else "",
    )


def load_doc_facts(conn: sqlite3.Connection, doc_id: str) -> list[Fact]:
    """One document's facts in the order they were saved (the order its extraction gave them)."""
    ensure_schema(conn)
    return [fact_from_row(r) for r in conn.execute("SELECT * FROM facts WHERE doc = ? ORDER BY rowid", (doc_id,))]


def load_facts(conn: sqlite3.Connection) -> list[Fact]:
    ensure_schema(conn)
    return [fact_from_row(r) for r in conn.execute("SELECT * FROM facts ORDER BY doc, line, page, id")]


def save_measures(conn: sqlite3.Connection, measures: Sequence[Measure]) -> None:
    ensure_schema(conn)
    conn.execute("DELETE FROM measures")
    conn.executemany(
        "INSERT INTO measures VALUES (?,?,?,?,?,?,?,?,?,?,?)",
        [(m.key, m.label, m.unit, m.definition, m.denominator, m.counts_of, _j(list(m.lemmas)), _j(list(m.phrases)),
          _j(list(m.synonyms)), _j(list(m.breakdowns)), _j([asdict(n) for n in m.notes])) for m in measures],
    )


def measure_from_row(row: sqlite3.Row) -> Measure:
    return Measure(
        key=row["key"], label=row["label"], unit=row["unit"], definition=row["definition"] or "",
        denominator=row["denominator"] or "", counts_of=row["counts_of"] or "",
        lemmas=tuple(json.loads(row["lemmas"] or "[]")), phrases=tuple(json.loads(row["phrases"] or "[]")),
        synonyms=tuple(json.loads(row["synonyms"] or "[]")), breakdowns=tuple(json.loads(row["breakdowns"] or "[]")),
        notes=tuple(DefinitionNote(**n) for n in json.loads(row["notes"] or "[]")),
    )


def load_measures(conn: sqlite3.Connection) -> list[Measure]:
    ensure_schema(conn)
    return [measure_from_row(r) for r in conn.execute("SELECT * FROM measures ORDER BY key")]


def save_findings(conn: sqlite3.Connection, findings: Sequence[Finding]) -> None:
    ensure_schema(conn)
    conn.execute("DELETE FROM findings")
    conn.executemany(
        "INSERT OR REPLACE INTO findings VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
        [(f.id, f.type, f.severity, f.measure, f.period, _j(dict(f.breakdown)), _j([asdict(x) for x in f.facts]),
          f.expected, f.found, f.explanation, f.score, rank) for rank, f in enumerate(findings, start=1)],
    )


def finding_from_row(row: sqlite3.Row) -> Finding:
    return Finding(
        id=row["id"], type=row["type"], severity=row["severity"], measure=row["measure"] or "", period=row["period"] or "",
        breakdown=tuple(sorted(json.loads(row["breakdown"] or "{}").items())),
        facts=tuple(FindingFact(**x) for x in json.loads(row["facts"] or "[]")),
        expected=row["expected"] or "", found=row["found"] or "", explanation=row["explanation"] or "", score=row["score"] or 0.0,
    )


def load_findings(conn: sqlite3.Connection) -> list[Finding]:
    ensure_schema(conn)
    return [finding_from_row(r) for r in conn.execute("SELECT * FROM findings ORDER BY rank")]
