"""Facts not to hold against each other: where the extractor, not the report, is likely wrong.

A check that compares figures trusts that each fact's measure, year and group were read
right. Where the facts themselves show they were not, comparing them would report the
extractor's mistake as the report's. These tests say so, each for one pattern, and the
conflict finder leaves such facts out. None of them looks at particular figures.
"""
from __future__ import annotations

import re
from collections import defaultdict
from itertools import combinations
from typing import Sequence

from nlp.checks.context import CheckContext
from nlp.checks.document_index import table_id_of
from nlp.checks.explanations import document_index
from nlp.checks.precision import Reading, grade, read_fact
from nlp.checks.tables import is_total, tokens_of
from nlp.records import Breakdown, Fact

# How close (in lines of a text source) a group's figure must be printed for a text figure
# without a group to be taken as a mis-read of it.
ALIAS_REACH_LINES = 30

# A table label as running text cites it ("tabell 2", "tabell B1", "tabell 3.2", "tabell A:1"),
# and the list of labels after one "tabell(erna)" ("tabellerna 2 och 3", "tabell 2-4").
_LABEL = r"(?:[A-Z]\s?[:.]?\s?\d{1,3}(?:[.:]\d{1,3})?|\d{1,3}(?:[.:]\d{1,3}){0,2}[a-z]?)(?![\w.:]?\d)"
_CITATION = re.compile(
    rf"\btab(?:ell(?:erna)?|\.)\s+(?P<labels>{_LABEL}(?:\s*(?:,|och|samt|respektive|resp\.|[–-])\s*{_LABEL})*)",
    re.IGNORECASE,
)
_LIST_SEP = re.compile(r"\s*(?:,|och|samt|respektive|resp\.)\s*", re.IGNORECASE)


def ratio(x: float, y: float) -> float:
    lo, hi = sorted((abs(x), abs(y)))
    return hi / lo if lo else float("inf")


def whole_share(fact: Fact, context: CheckContext) -> bool:
    """A table's "100 %" (or 103 % where shares overlap) in its total row or column: the share
    of the whole in itself, which says nothing about the measure the extractor gave it."""
    if fact.kind != "table" or fact.unit != "procent" or fact.value < 99.5:
        return False
    doc = context.document(fact.doc)
    table = document_index(doc, context).table_of(fact) if doc is not None else None
    if table is None:
        return fact.value == 100
    cell = next((c for c in table.cells if c.id == fact.cell), None)
    labels = (cell.row_headers + cell.col_headers) if cell is not None else ()
    return any(is_total(t) for label in labels for t in tokens_of([label]))


def doubled_in_sentence(facts: Sequence[Fact]) -> set[str]:
    """Facts that share measure, period and breakdown with a different value in one sentence.

    A sentence does not give two values for one thing ("ökade till 9 950 (9 480 året innan)"):
    one of them was read with the wrong year or group, and neither can be trusted for a
    comparison.
    """
    by: dict[tuple, list[Fact]] = defaultdict(list)
    for f in facts:
        if f.kind != "table" and f.quote and not _range_end(f):
            by[(f.doc, f.block, f.quote, f.measure, f.period, tuple(f.breakdown))].append(f)
    return {f.id for fs in by.values() if len({x.value for x in fs}) > 1 for f in fs}


def _range_end(f: Fact) -> bool:
    """One end of a printed range ("48–52 procent" gives 48 "over" and 52 "under")."""
    return bool(re.search(r"\d\s?[–-]\s?\d", f.printed))


def aliases(facts: Sequence[Fact], context: CheckContext) -> set[str]:
    """Text facts that are likely another group's figure read with the wrong group.

    "Av dessa 8 512 kartläggningar var andelen kvinnor 62 procent" read as 8 512 kvinnor: the
    value is the same report's total. A fact with a group the total lacks, whose value is the
    total's, is such a case; so is a fact without a group whose value is a group's figure
    printed close by ("cirka 312 miljoner" above the table row "Förvaltningskostnader 312 300").
    A total that happens to equal a group's figure pages away is left alone.
    """
    by: dict[tuple[str, str, str, str], list[Fact]] = defaultdict(list)
    for f in facts:
        by[(f.doc, f.measure, f.period, f.unit)].append(f)
    out: set[str] = set()
    for fs in by.values():
        readings = {f.id: read_fact(f, context.tolerances) for f in fs}
        for f in fs:
            if f.kind == "table":
                continue
            mine = set(f.breakdown)
            for g in fs:
                theirs = set(g.breakdown)
                if theirs == mine or grade(readings[f.id], readings[g.id]) is not None:
                    continue
                near = f.line is not None and g.line is not None and abs(f.line - g.line) <= ALIAS_REACH_LINES
                if theirs < mine or (mine < theirs and near):
                    out.add(f.id)
                    break
    return out


def span_alias(f: Fact, rf: Reading, groups: dict[tuple[str, str, Breakdown], list[Fact]], start: int, end: int, context: CheckContext) -> bool:
    """The span figure fits every year of the same measure under another group: "runt 9000
    kartläggningar" read with "sjukpenning" from the sentence before fits the totals."""
    by_breakdown: dict[Breakdown, list[Fact]] = defaultdict(list)
    for (measure, period, breakdown), fs in groups.items():
        if measure == f.measure and breakdown != tuple(f.breakdown) and period.isdigit() and start <= int(period) <= end:
            by_breakdown[breakdown] += [t for t in fs if t.doc == f.doc and t.kind == "table" and t.unit == f.unit]
    return any(
        ts and all(grade(rf, read_fact(t, context.tolerances)) is None for t in ts) for ts in by_breakdown.values()
    )


def tables_disagree(facts: Sequence[Fact], readings: dict[str, Reading]) -> bool:
    """One report's tables give one measure, year and group two values. The report does not
    say that; the extractor gave two tables' cells one key (a sub-group read as the total), and
    the report's text cannot be held against either."""
    tables = [f for f in facts if f.kind == "table"]
    return any(grade(readings[a.id], readings[b.id]) is not None for a, b in combinations(tables, 2))


def range_like(f: Fact) -> bool:
    """A figure said of every year of a span: "ungefär hälften", "runt 9000", "48–52 procent".
    "över 9 800 för första gången sedan 2016" says nothing of each year, and is left alone."""
    return f.qualifier == "approximate" or _range_end(f)


def misnamed(facts: Sequence[Fact], context: CheckContext) -> set[str]:
    """Facts whose own sentence names another measure of the same unit and not theirs at all.

    "Andelen som påbörjade insats minskade ... till 71 procent" given the measure for work
    capacity, "Anslaget för 2025 var 730 miljoner kronor" given the one for money spent: no
    phrase or stem of the fact's measure is in its sentence, and one of another measure is.
    Such a figure is not compared. A sentence naming both is left to the extractor.
    """
    if not context.measures:
        return set()
    out: set[str] = set()
    others: dict[tuple[str, str], bool] = {}
    for f in facts:
        m = context.measures.get(f.measure)
        if m is None or not f.quote or f.kind == "table":
            continue
        if any(_names(f.quote, w) for w in m.phrases + m.lemmas if len(w) >= 4):
            continue
        key = (f.quote, f.measure)
        if key not in others:
            others[key] = any(
                _names(f.quote, w)
                for o in context.measures.values() if o.key != m.key and o.unit == m.unit
                for w in o.phrases + o.lemmas if len(w) >= 4
            )
        if others[key]:
            out.add(f.id)
    return out


def cited_labels(text: str) -> set[str]:
    """The table labels a text cites: "I tabell 2 redovisas ..., se tabellerna 11 och 12" -> {"2", "11", "12"}.
    A range of plain numbers ("tabell 2–4") cites every table in it."""
    out: set[str] = set()
    for m in _CITATION.finditer(text or ""):
        for part in _LIST_SEP.split(m.group("labels")):
            ends = [re.sub(r"\s+", "", e) for e in re.split(r"\s*[–-]\s*", part) if e.strip()]
            if len(ends) == 2 and all(e.isdigit() for e in ends) and int(ends[0]) < int(ends[1]) <= int(ends[0]) + 20:
                out.update(str(n) for n in range(int(ends[0]), int(ends[1]) + 1))
            else:
                out.update(ends)
    return out


def quotes_another_table(facts: Sequence[Fact], context: CheckContext) -> set[str]:
    """Text facts whose sentence (or else paragraph) cites tables that print their value but
    hold no figure of their measure.

    "I tabell 2 redovisas ... Näst vanligast var att vara inskriven som öppet arbetslös (29%)":
    the 29 % is tabell 2's, a share of those who left with work capacity. Given the measure of
    another table (the share of the inskrivna who are openly unemployed) it would be held
    against that table's 52 %. The report says where its figure comes from, and the figure is
    there: the extractor, not the report, named the measure. A cited table that holds the
    fact's measure, or no cell of its value, leaves the fact as it is.
    """
    by_doc: dict[str, list[Fact]] = defaultdict(list)
    for f in facts:
        by_doc[f.doc].append(f)
    out: set[str] = set()
    for doc_id, fs in by_doc.items():
        doc = context.document(doc_id)
        if doc is None:
            continue
        index = document_index(doc, context)
        label_of = {t.id: (t.label or (str(t.number) if t.number is not None else "")) for t in doc.tables}
        measures: dict[str, set[str]] = defaultdict(set)
        cells: dict[str, list[Fact]] = defaultdict(list)
        for f in fs:
            label = label_of.get(table_id_of(f) or "", "") if f.kind == "table" else ""
            if label:
                measures[label].add(f.measure)
                cells[label].append(f)
        if not cells:
            continue
        said: dict[str, set[str]] = {}  # sentence or paragraph -> the labels it cites, read once

        def cites(text: str) -> set[str]:
            if text not in said:
                said[text] = cited_labels(text)
            return said[text]

        for f in fs:
            if f.kind == "table" or not f.quote:
                continue
            block = index.block(f.block)
            cited = cites(f.quote) or (cites(block.text) if block is not None else set())
            cited = cited & set(cells)
            if not cited or any(f.measure in measures[label] for label in cited):
                continue
            rf = read_fact(f, context.tolerances)
            if any(t.unit == f.unit and grade(rf, read_fact(t, context.tolerances)) is None
                   for label in cited for t in cells[label]):
                out.add(f.id)
    return out


def _names(text: str, words: str) -> bool:
    """The words stand in the text at the start of a word ("möte" in "möten", not in "kontaktmöten")."""
    return re.search(r"(?<![a-zåäöé])" + re.escape(words.lower()), text.lower()) is not None
