"""The facts, measures and findings tables of the knowledge base.

Facts carry the breakdown both as one JSON object (the contract) and as plain columns
(kon, forman, alder, myndighet) so SQL and CSV users can filter without parsing JSON.
The document's publication date and reporting year ride along: they name the vintage.
"""
from __future__ import annotations

import json
import sqlite3
from dataclasses import MISSING, Field, asdict, fields
from typing import Any, Iterable, Iterator, Optional, Sequence

from .records import DefinitionNote, Fact, Finding, FindingFact, Measure
from .sv.breakdowns import DEFAULT_BREAKDOWN_KEYS

# The breakdown keys with a column of their own: those any figure may be split by.
BREAKDOWN_COLUMNS = DEFAULT_BREAKDOWN_KEYS
# The report's publication date and reporting year ride along with each of its facts: they name the vintage.
VINTAGE_COLUMNS = (("published", "TEXT"), ("reporting_year", "INTEGER"))
# Fact fields used only while extracting: where the figure sits in its block's text.
NOT_STORED = frozenset({"offset"})
_SQL_TYPES = {"float": "REAL", "Optional[int]": "INTEGER"}  # any other field is TEXT (the breakdown as JSON)
REQUIRED_COLUMNS = ("id", "doc", "measure")  # never NULL: the id is the key, and every fact has a report and a measure
_CONSTRAINTS = {"id": " PRIMARY KEY", **{name: " NOT NULL" for name in REQUIRED_COLUMNS[1:]}}
STORED_FACT_FIELDS: tuple[Field, ...] = tuple(f for f in fields(Fact) if f.name not in NOT_STORED)


def _fact_columns() -> tuple[tuple[str, str], ...]:
    """The facts table's (name, SQL type) in order: a Fact's stored fields, the breakdown's own
    columns after `breakdown`, the vintage after `period_source` (where a KB has always had them)."""
    columns: list[tuple[str, str]] = []
    for f in STORED_FACT_FIELDS:
        columns.append((f.name, _SQL_TYPES.get(str(f.type), "TEXT")))
        if f.name == "breakdown":
            columns += [(k, "TEXT") for k in BREAKDOWN_COLUMNS]
        elif f.name == "period_source":
            columns += VINTAGE_COLUMNS
    return tuple(columns)


FACT_COLUMNS = _fact_columns()
FACT_COLUMN_NAMES = tuple(name for name, _ in FACT_COLUMNS)

SCHEMA = f"""
CREATE TABLE IF NOT EXISTS facts (
    {", ".join(f"{name} {kind}{_CONSTRAINTS.get(name, '')}" for name, kind in FACT_COLUMNS)}
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
_ADDED_COLUMNS = {"facts": tuple((name, kind) for name, kind in FACT_COLUMNS
                                 if name in ("measure_score", "measure_candidate", "qualifier_word", "period_part"))}


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
            count += 1
            yield fact_values(f, *documents_meta.get(f.doc, (None, None)))

    conn.executemany(f"INSERT OR REPLACE INTO facts ({', '.join(FACT_COLUMN_NAMES)}) "
                     f"VALUES ({', '.join('?' * len(FACT_COLUMNS))})", rows())
    return count


def fact_values(fact: Fact, published: Optional[str], reporting_year: Optional[int]) -> tuple:
    """A fact's row of the facts table, in FACT_COLUMNS' order."""
    b = dict(fact.breakdown)
    derived = {"breakdown": _j(b), **{k: b.get(k) for k in BREAKDOWN_COLUMNS}, "published": published,
               "reporting_year": reporting_year}
    return tuple(derived[name] if name in derived else getattr(fact, name) for name in FACT_COLUMN_NAMES)


def delete_facts(conn: sqlite3.Connection, doc_id: str) -> None:
    ensure_schema(conn)
    conn.execute("DELETE FROM facts WHERE doc = ?", (doc_id,))


def _stored_default(f: Field) -> Any:
    """What a field reads as when its column is NULL (or missing from a KB built before it was added)."""
    if f.default is not MISSING:
        return f.default
    return "" if f.type == "str" else None


def fact_from_row(row: sqlite3.Row) -> Fact:
    have = set(row.keys())
    values: dict[str, Any] = {}
    for f in STORED_FACT_FIELDS:
        value = row[f.name] if f.name in have else None
        if f.name == "breakdown":
            value = tuple(sorted(json.loads(value or "{}").items()))
        elif value is None or (value == "" and f.type == "str"):  # "" for a qualifier or kind reads as the default
            value = _stored_default(f)
        values[f.name] = value
    return Fact(**values)


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
