"""arithmetic: a total that is not the sum of its parts, a "varav" above its whole, a
difference column that is not the difference, beyond what rounding explains.

Sums are read from the table's layout (tables.py) and, in running text, from a total and its
parts by sex in one paragraph, or "X ..., varav Y" in one sentence. When one cell breaks two
sums and one corrected value mends both, the finding names that cell: it is most likely the
typing error. A footnote that says a group does not add up ("summerar inte till totalen")
silences the sums it names.
"""
from __future__ import annotations

import re
from collections import defaultdict
from typing import Iterator, Optional, Sequence

from ingest.records import Footnote
from nlp.checks.base import CheckSpec, fact_ref, make_finding, sv_number, where
from nlp.checks.context import CheckContext
from nlp.checks.document_index import nearest_table
from nlp.checks.precision import read_fact, relative_gap, sum_grade
from nlp.checks.relations import Failure, Relation, Suspect, failures, mean_failure, suspects
from nlp.checks.tables import Grid, Pos, cell_year, grid_ref, grids, norm
from nlp.checks.words import ADDITIVE_UNITS, EXHAUSTIVE_LABELS, EXHAUSTIVE_SETS, MEAN_UNITS, NON_SUM_CUES, TOTAL_CUES
from nlp.records import UNCLASSIFIED, Fact, Finding

TYPE = "arithmetic"
PROSE = ("summary", "body", "footnote")

ROUNDING_NOTE = (
    "Skillnaden ryms i avrundningen om beloppen är avrundade (till exempel till tusental); "
    "kontrollera ändå att de opublicerade, oavrundade beloppen går ihop."
)
ERROR_NOTE = "Skillnaden är större än vad avrundning av de tryckta siffrorna kan förklara."


def check(facts: Sequence[Fact], context: CheckContext) -> Iterator[Finding]:
    for grid in grids(facts, context):
        yield from _table_findings(grid, context)
    yield from _prose_sums(facts, context)
    yield from _prose_varav(facts, context)


# --- tables ---------------------------------------------------------------------------------

def _table_findings(grid: Grid, context: CheckContext) -> Iterator[Finding]:
    fails = failures(grid)
    notes = {id(f): _explaining_note(grid, f, context) for f in fails}
    open_ = [f for f in fails if notes[id(f)] is None]
    suspect_of = {id(f): s for s in suspects(grid, open_) for f in s.failures}
    for f in fails:
        yield _failure_finding(grid, f, context, suspect_of.get(id(f)), notes[id(f)])


def _explaining_note(grid: Grid, f: Failure, context: CheckContext) -> Optional[Footnote]:
    """A footnote on the table that says this group does not add up, and names one of its parts."""
    doc = context.document(grid.doc)
    if doc is None or grid.table is None:
        return None
    ids = {grid.table_id} | {c.id for c in grid.table.cells}
    labels = _part_labels(grid, f)
    for note in doc.footnotes:
        linked = bool(ids & set(note.marker_refs)) or (not note.marker_refs and nearest_table(note, doc) is grid.table)
        low = note.text.lower()
        if linked and any(c in low for c in NON_SUM_CUES) and any(lab and lab in low for lab in labels):
            return note
    return None


def _part_labels(grid: Grid, f: Failure) -> set[str]:
    rel = f.relation
    if rel.axis == "col":
        return {norm(grid.row_labels.get(r, "")) for r, _ in rel.parts}
    whole = grid.col_labels.get(rel.whole[1], ())
    out = set()
    for _, c in rel.parts:
        out.update(norm(t) for t in grid.col_labels.get(c, ()) if t not in whole)
    return out


def _name(grid: Grid, pos: Pos) -> str:
    row = grid.row_labels.get(pos[0], "")
    col = " / ".join(grid.col_labels.get(pos[1], ()))
    return ", ".join(f"”{x}”" for x in (row, col) if x) or f"rad {pos[0]}, kolumn {pos[1]}"


def _formula(grid: Grid, f: Failure) -> str:
    rel = f.relation
    bits = []
    for i, (s, p) in enumerate(zip(rel.signs, rel.parts)):
        text = grid.cells[p].text
        text = f"({text})" if i and grid.cells[p].value < 0 else text
        bits.append(text if i == 0 and s > 0 else (f"+ {text}" if s > 0 else f"− {text}"))
    return " ".join(bits)


def _sentence(grid: Grid, f: Failure) -> str:
    rel, whole = f.relation, grid.cells[f.relation.whole]
    got = sv_number(whole.printed(f.computed))
    if rel.kind == "difference":
        return f"differensen i {_name(grid, rel.whole)} är {whole.text}, men {_formula(grid, f)} = {got}"
    if rel.kind == "varav":
        return f"”{rel.why}” ({_formula(grid, f)} = {got}) är större än helheten {whole.text} i {_name(grid, rel.whole)}"
    if rel.kind == "mean":
        parts = ", ".join(grid.cells[p].text for p in rel.parts)
        return (
            f"{_name(grid, rel.whole)} är {whole.text}, men delgrupperna som tillsammans utgör helheten har "
            f"{parts}; ett genomsnitt (eller en andel) för alla kan inte ligga utanför delgruppernas"
        )
    return f"{_name(grid, rel.whole)} är {whole.text}, men delarna {_formula(grid, f)} ger {got}"


def _measure(grid: Grid, positions: Sequence[Pos]) -> tuple[str, tuple]:
    for p in positions:
        cell = grid.cells.get(p)
        if cell is not None and cell.fact is not None and cell.fact.measure != UNCLASSIFIED:
            return cell.fact.measure, tuple(cell.fact.breakdown)
    return UNCLASSIFIED, ()


def _where_table(grid: Grid, context: CheckContext) -> str:
    t = grid.table
    bits = [grid.doc]
    if t is not None:
        if t.page is not None:
            bits.append(f"s. {t.page}")
        if t.line_start is not None:
            bits.append(f"rad {t.line_start}")
    return ", ".join(bits)


def _failure_finding(
    grid: Grid, f: Failure, context: CheckContext, suspect: Optional[Suspect], note: Optional[Footnote]
) -> Finding:
    rel = f.relation
    positions = [rel.whole, *rel.parts]
    measure, breakdown = _measure(grid, [rel.whole, *rel.parts])
    whole = grid.cells[rel.whole]
    got = sv_number(whole.printed(f.computed))
    severity = "info" if note is not None else f.severity
    text = f"I {grid.label()} ({_where_table(grid, context)}) {_sentence(grid, f)}. "
    if note is not None:
        text += (
            f"Rapporten förklarar det själv i fotnot {note.number}: ”{note.text.strip()}” Ingen åtgärd krävs om "
            f"förklaringen täcker hela skillnaden."
        )
    else:
        if suspect is not None and len(suspect.failures) > 1:
            cell = grid.cells[suspect.pos]
            shown = cell.printed(suspect.fix)
            fixed = sv_number(shown, 0 if float(round(shown, 6)).is_integer() else 1)
            text += (
                f"Cellen {_name(grid, suspect.pos)} ingår i {len(suspect.failures)} summor som inte går ihop, och "
                f"alla går ihop om den är {fixed} i stället för {cell.text}: troligen ett skrivfel i den cellen. "
            )
        text += f"{ROUNDING_NOTE if f.severity == 'rounding' else ERROR_NOTE} Kontrollera cellerna mot källan."
    if rel.kind == "varav":
        expected, found = f"högst {whole.text}", got
    elif rel.kind == "mean":
        expected = "mellan " + " och ".join(sorted({grid.cells[p].text for p in rel.parts}))
        found = whole.text
    else:
        expected, found = f"{got} ({_formula(grid, f)})", whole.text
    return make_finding(
        TYPE, severity, [grid_ref(grid, p, context) for p in positions],
        expected=expected, found=found, explanation=text,
        measure=measure, period=cell_year(grid, rel.whole, context), breakdown=breakdown,
        discrepancy=relative_gap(f.computed, whole.value),
    )


# --- running text ---------------------------------------------------------------------------

def _prose_sums(facts: Sequence[Fact], context: CheckContext) -> Iterator[Finding]:
    """A total and its parts by one breakdown key in one paragraph.

    Counts and amounts must add up when the parts are complete: kvinnor and män, a group of
    "övriga", or a total introduced as "totalt" before its parts are listed. Shares and
    averages for kvinnor and män must have the figure for everyone between them.
    """
    groups: dict[tuple, list[Fact]] = defaultdict(list)
    for f in facts:
        if f.kind in PROSE and f.measure != UNCLASSIFIED and f.period and f.block:
            groups[(f.doc, f.block, f.measure, f.period, f.unit)].append(f)
    for (doc, _, measure, period, unit), fs in sorted(groups.items()):
        fs = sorted(fs, key=lambda f: (f.line or 0, f.id))
        totals = [f for f in fs if not f.breakdown]
        if not totals or len({f.value for f in totals}) > 1:
            continue  # no total, or two "totals" in one paragraph: one of them is a group
        whole = totals[0]
        by_key: dict[str, dict[str, Fact]] = defaultdict(dict)
        for f in fs:
            if len(f.breakdown) == 1 and not _after_varav(f, whole):
                k, v = f.breakdown[0]
                by_key[k].setdefault(v, f)
        for key, parts_by_value in sorted(by_key.items()):
            parts = list(parts_by_value.values())
            if len(parts) < 2:
                continue
            values = list(parts_by_value)
            if unit in ADDITIVE_UNITS:
                complete = _complete_labels(values) or any(w in whole.quote.lower() for w in TOTAL_CUES)
                finding = _prose_sum(doc, whole, parts, complete, context)
            elif unit in MEAN_UNITS and _complete_labels(values, strict=True):
                finding = _prose_mean(doc, whole, parts, context)
            else:
                finding = None
            if finding is not None:
                yield finding


def _after_varav(f: Fact, whole: Fact) -> bool:
    """ "1 510 deltagare ..., varav 230 personer ...": 230 is part of 1 510, not a sibling of it.
    After the total itself ("2 500 individer, varav 1 520 kvinnor och 980 män") it is a part."""
    quote = f.quote or ""
    if not re.search(r"\bvarav\s+(?:\w+\s+){0,2}?" + re.escape(f.printed) + r"(?!\d)", quote):
        return False
    return not re.search(re.escape(whole.printed) + r"(?!\d)[^.;]{0,60}?\bvarav\b", quote)


def _complete_labels(values: Sequence[str], strict: bool = False) -> bool:
    low = [norm(v) for v in values]
    if any(set(low) == s for s in EXHAUSTIVE_SETS):
        return True
    return not strict and any(any(w in v for w in EXHAUSTIVE_LABELS) for v in low)


def _prose_sum(doc: str, whole: Fact, parts: list[Fact], complete: bool, context: CheckContext) -> Optional[Finding]:
    g = sum_grade([read_fact(p, context.tolerances) for p in parts], read_fact(whole, context.tolerances))
    computed = sum(p.value for p in parts)
    if g is None or (not complete and computed <= whole.value):
        return None
    formula = " + ".join(p.printed for p in parts)
    text = (
        f"I {doc} ({where(fact_ref(whole, context))}) anges totalt {whole.printed}, men delarna "
        f"{formula} ger {sv_number(computed / (whole.scale or 1.0))}. "
        f"{ROUNDING_NOTE if g == 'rounding' else ERROR_NOTE} Kontrollera om någon grupp saknas i texten "
        f"eller om en siffra är fel, mot tabellen eller källan."
    )
    return make_finding(
        TYPE, g, [fact_ref(f, context) for f in [whole, *parts]],
        expected=f"{sv_number(computed / (whole.scale or 1.0))} ({formula})", found=whole.printed, explanation=text,
        measure=whole.measure, period=whole.period, breakdown=tuple(whole.breakdown),
        discrepancy=relative_gap(computed, whole.value),
    )


def _prose_mean(doc: str, whole: Fact, parts: list[Fact], context: CheckContext) -> Optional[Finding]:
    rel = Relation("mean", (0, 0), (), (), True, "row", "")
    f = mean_failure(rel, read_fact(whole, context.tolerances), [read_fact(p, context.tolerances) for p in parts])
    if f is None:
        return None
    listed = " och ".join(f"{p.printed} ({', '.join(v for _, v in p.breakdown)})" for p in parts)
    text = (
        f"I {doc} ({where(fact_ref(whole, context))}) anges {whole.printed} för alla, men {listed} för "
        f"grupperna som tillsammans utgör alla. Ett genomsnitt eller en andel för alla kan inte ligga utanför "
        f"gruppernas. Kontrollera siffrorna mot tabellen eller källan."
    )
    return make_finding(
        TYPE, "error", [fact_ref(x, context) for x in [whole, *parts]],
        expected="mellan " + " och ".join(sorted({p.printed for p in parts})), found=whole.printed, explanation=text,
        measure=whole.measure, period=whole.period, breakdown=tuple(whole.breakdown),
        discrepancy=relative_gap(f.computed, whole.value),
    )


def _prose_varav(facts: Sequence[Fact], context: CheckContext) -> Iterator[Finding]:
    """ "totalt 500 möten, varav 620 med ...": a part larger than its whole in one sentence."""
    by_sentence: dict[tuple, list[Fact]] = defaultdict(list)
    for f in facts:
        if f.kind in PROSE and f.unit in ADDITIVE_UNITS and f.quote:
            by_sentence[(f.doc, f.block, f.quote)].append(f)
    for (doc, _, quote), fs in sorted(by_sentence.items(), key=lambda kv: (kv[0][0], str(kv[0][1]), kv[0][2])):
        for whole in fs:
            for part in fs:
                if part is whole or part.unit != whole.unit or part.period != whole.period:
                    continue
                pattern = re.escape(whole.printed) + r"[^.;]{0,80}?\bvarav\b\s+(?:\w+\s+){0,3}?" + re.escape(part.printed) + r"(?!\d)"
                if not re.search(pattern, quote):
                    continue
                rw, rp = read_fact(whole, context.tolerances), read_fact(part, context.tolerances)
                if rp.lo <= rw.hi:
                    continue
                text = (
                    f"I {doc} ({where(fact_ref(whole, context))}) är delen efter ”varav” ({part.printed}) större "
                    f"än helheten ({whole.printed}): ”{quote}” En del kan inte vara större än det den ingår i; "
                    f"kontrollera vilken av siffrorna som är fel."
                )
                yield make_finding(
                    TYPE, "error", [fact_ref(whole, context), fact_ref(part, context)],
                    expected=f"högst {whole.printed}", found=part.printed, explanation=text,
                    measure=whole.measure, period=whole.period, breakdown=tuple(whole.breakdown),
                    discrepancy=relative_gap(whole.value, part.value),
                )


CHECK = CheckSpec(
    type=TYPE,
    title="Summor som inte går ihop",
    description=(
        "En totalrad eller totalkolumn är inte summan av sina delar, en ”varav”-rad är större än "
        "helheten, eller en differenskolumn är inte skillnaden mellan kolumnerna, utöver vad "
        "avrundning förklarar. Räknefel i tabeller sprider sig till allt som citerar dem."
    ),
    severities=("error", "rounding"),
    check=check,
)
