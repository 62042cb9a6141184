"""What every check shares: its description, and how a Finding is made.

A check is one module with one `CHECK = CheckSpec(...)` and one `check(facts, context)`
generator, as frictionless-py keeps one check per file. A Finding's id is a hash of what it
is about (type, measure, period, breakdown, the facts involved), so the same inconsistency
keeps its id from one build to the next.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Callable, Iterable, Iterator, Optional, Sequence

from ingest.records import Table, TableCell
from nlp.checks.context import CheckContext
from nlp.records import SEVERITIES, UNCLASSIFIED, Breakdown, Fact, Finding, FindingFact

CheckFunction = Callable[[Sequence[Fact], CheckContext], Iterator[Finding]]

# Ranking weight per severity: real errors first, then definition changes, then what rounding
# may explain, then information.
SEVERITY_RANK = {"error": 3, "definition": 2, "rounding": 1, "info": 0}


@dataclass(frozen=True)
class CheckSpec:
    """One kind of finding: a stable `type`, words for people, and the generator that finds it."""

    type: str
    title: str  # Swedish, a few words
    description: str  # Swedish: what it finds and why it matters
    severities: tuple[str, ...]
    check: CheckFunction

    def __post_init__(self) -> None:
        bad = set(self.severities) - set(SEVERITIES)
        if bad:
            raise ValueError(f"CheckSpec {self.type!r}: unknown severities {sorted(bad)}")


def finding_id(type_: str, measure: str, period: str, breakdown: Breakdown, fact_ids: Iterable[str]) -> str:
    """A stable id: the same inconsistency gets the same id in every build."""
    parts = [type_, measure, period, repr(tuple(breakdown)), *sorted(fact_ids)]
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]


def fact_ref(fact: Fact, context: CheckContext) -> FindingFact:
    return FindingFact(
        doc=fact.doc,
        source_file=fact.source_file,
        value=fact.value,
        page=fact.page,
        quote=fact.quote,
        fact=fact.id,
        printed=fact.printed,
        line=fact.line,
        kind=fact.kind,
        period=fact.period,
        published=context.published(fact.doc),
    )


def cell_ref(table: Table, cell: TableCell, value: float, context: CheckContext, period: str = "") -> FindingFact:
    """A table cell that no fact was extracted from still shows up, with its row as the quote."""
    doc = context.document(table.doc)
    return FindingFact(
        doc=table.doc,
        source_file=doc.source_file if doc else "",
        value=value,
        page=cell.page if cell.page is not None else table.page,
        quote=row_quote(table, cell.row),
        fact="",
        printed=cell.text,
        line=cell.line,
        kind="table",
        period=period,
        published=context.published(table.doc),
    )


def row_quote(table: Table, row: int) -> str:
    """A table row as "header: cell | ...", prefixed by the table's caption."""
    parts = []
    for c in sorted((c for c in table.cells if c.row == row), key=lambda c: c.col):
        if not c.text:
            continue
        head = ", ".join(h for h in c.col_headers if h)
        parts.append(f"{head}: {c.text}" if head and not c.is_header else c.text)
    caption = table.caption.strip()
    return (f"{caption} — " if caption else "") + " | ".join(parts)


def make_finding(
    type_: str,
    severity: str,
    refs: Sequence[FindingFact],
    expected: str,
    found: str,
    explanation: str,
    measure: str = UNCLASSIFIED,
    period: str = "",
    breakdown: Breakdown = (),
    discrepancy: float = 0.0,
) -> Finding:
    ids = [r.fact or f"{r.doc}:{r.line}:{r.printed}" for r in refs]
    return Finding(
        id=finding_id(type_, measure, period, breakdown, ids),
        type=type_,
        severity=severity,
        measure=measure,
        period=period,
        breakdown=tuple(breakdown),
        facts=tuple(refs),
        expected=expected,
        found=found,
        explanation=explanation[:1].upper() + explanation[1:],
        score=SEVERITY_RANK[severity] + min(max(discrepancy, 0.0), 0.999),
    )


# --- Swedish wording ------------------------------------------------------------------------

def sv_number(value: float, decimals: Optional[int] = None) -> str:
    """8512 -> "8 512", 9.7 -> "9,7", -5000 -> "−5 000" (as the reports print them)."""
    if decimals is None:
        decimals = 0 if float(value).is_integer() else (1 if abs(value) >= 10 else 2)
    text = f"{abs(value):,.{decimals}f}".replace(",", " ").replace(".", ",")
    return ("−" if value < 0 else "") + text


def sv_value(value: float, unit: str, decimals: Optional[int] = None) -> str:
    """A value with its unit word, in the reports' style."""
    if unit == "kronor" and abs(value) >= 1e6:
        return f"{sv_number(value / 1e6, 1 if value % 1e6 else 0)} miljoner kronor"
    words = {"procent": "procent", "procentenheter": "procentenheter", "kronor": "kronor", "dagar": "dagar"}
    word = words.get(unit, "")
    return f"{sv_number(value, decimals)} {word}".strip()


def where(ref: FindingFact) -> str:
    """Where a person finds the figure: "s. 7", "rad 123" or both."""
    bits = []
    if ref.page is not None:
        bits.append(f"s. {ref.page}")
    if ref.line is not None:
        bits.append(f"rad {ref.line}")
    return ", ".join(bits) or "plats okänd"


KIND_WORDS = {"summary": "sammanfattningen", "body": "löptexten", "table": "tabell", "footnote": "en fotnot"}


def breakdown_words(breakdown: Breakdown) -> str:
    return ", ".join(v for _, v in breakdown) if breakdown else "totalt"


def measure_words(measure: str, context: CheckContext, fallback: str = "") -> str:
    m = context.measures.get(measure)
    if m is not None:
        return m.label
    return fallback or (measure if measure != UNCLASSIFIED else "samma mått")


def vintage_sorted(facts: Iterable[Fact], context: CheckContext) -> list[Fact]:
    """Earlier report first; inside a report summary, body, footnote, table, then by line."""
    order = {"summary": 0, "body": 1, "footnote": 2, "table": 3}
    return sorted(facts, key=lambda f: (context.vintage(f.doc), order.get(f.kind, 9), f.line or 0, f.id))


def figure(fact: Fact) -> str:
    """ "8 512 (af-fk-2022, tabell, rad 475)" """
    bits = [fact.doc, KIND_WORDS.get(fact.kind, fact.kind)]
    if fact.page is not None:
        bits.append(f"s. {fact.page}")
    if fact.line is not None:
        bits.append(f"rad {fact.line}")
    return f"{fact.printed} ({', '.join(b for b in bits if b)})"


def unique_figures(facts) -> str:
    seen: dict[str, None] = {}
    for f in facts:
        seen.setdefault(figure(f), None)
    return "; ".join(seen)


def difference_words(pairs) -> str:
    """ "skillnaden är 298 (3,4 %)" for the largest pair."""
    p = max(pairs, key=lambda p: p.gap)
    diff = abs(p.a.value - p.b.value)
    unit = {"procent": " procentenheter", "kronor": " kronor", "dagar": " dagar"}.get(p.a.unit, "")
    if p.a.unit == "kronor" and diff >= 1e6:
        return f"skillnaden är {sv_number(diff / 1e6, 1)} miljoner kronor ({sv_number(100 * p.gap, 1)} %)"
    return f"skillnaden är {sv_number(diff, None)}{unit} ({sv_number(100 * p.gap, 1)} %)"
