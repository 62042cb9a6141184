"""The promises a table's layout makes, and where a table breaks them.

A "Totalt" row promises that the rows it closes add up to it; a "Totalt" column that the
columns beside it do; "Varav" rows that they stay within the row above (and add up to it when
they are "varav kvinnor" and "varav män"); a "Differens" column that it is the difference of
two others; a column "Ja, kvinnor" beside "Ja" that it is part of it; a share or average for
"Alla" that it lies between the ones for "Kvinnor" and "Män". These are read from the labels
and the units, never from the figures of a particular report. When one cell breaks two
promises and one corrected value keeps both, that cell is the suspect.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from itertools import permutations
from typing import Iterable, Optional, Sequence

from nlp.checks.precision import Reading, sum_grade
from nlp.checks.tables import Grid, GridCell, Pos, is_share_label, is_total, norm
from nlp.checks.words import (
    ADDITIVE_UNITS,
    DIFFERENCE_LABELS,
    EXHAUSTIVE_LABELS,
    EXHAUSTIVE_SETS,
    MEAN_UNITS,
    VARAV_PREFIXES,
)


@dataclass(frozen=True)
class Relation:
    """A promise the layout makes: sum(sign * part) == whole."""

    kind: str  # "sum", "varav", "difference", "mean" (the whole lies between its parts)
    whole: Pos
    parts: tuple[Pos, ...]
    signs: tuple[int, ...]
    exhaustive: bool  # False: the parts may fall short of the whole, not exceed it
    axis: str  # "row": parts side by side in one row; "col": parts stacked in one column
    why: str  # the label that made the promise ("Totalt", "Varav förvaltning", "Differens")


# --- relations ------------------------------------------------------------------------------

def additive(cells: Iterable[GridCell]) -> bool:
    return all(c.unit in ADDITIVE_UNITS for c in cells)


def _exhaustive(labels: Sequence[str]) -> bool:
    low = [norm(x) for x in labels]
    if any(any(w in x for w in EXHAUSTIVE_LABELS) for x in low):
        return True
    return _complete(labels)


def _complete(labels: Sequence[str]) -> bool:
    """The parts are the whole population split by a known partition (kvinnor and män)."""
    return any({norm(x) for x in labels} == s for s in EXHAUSTIVE_SETS)


def _row_blocks(grid: Grid) -> list[list[int]]:
    """Runs of data rows between stub-only rows ("Ålder"), totals and varav rows."""
    blocks: list[list[int]] = [[]]
    for r in sorted(set(grid.rows) | set(grid.stub_rows)):
        label = grid.row_labels.get(r, "")
        if r in grid.stub_rows or is_total(label) or _is_varav(label):
            blocks.append([])
            continue
        blocks[-1].append(r)
    return [b for b in blocks if b]


def _is_varav(label: str) -> bool:
    return norm(label).startswith(VARAV_PREFIXES)


def _strip_varav(label: str) -> str:
    low = norm(label)
    for p in VARAV_PREFIXES:
        if low.startswith(p):
            return low[len(p):].strip(" :,")
    return low


def relations(grid: Grid) -> list[Relation]:
    return _total_rows(grid) + _total_cols(grid) + _varav_rows(grid) + _difference_cols(grid)


def _relation(pos: Pos, whole: GridCell, parts: Sequence[GridCell], exhaustive: bool, mean_ok: bool, axis: str, why: str) -> Optional[Relation]:
    """A sum for counts, amounts and shares of one 100 per cent whole; a mean for other shares
    and averages, when the parts are the whole population split (kvinnor and män)."""
    positions = tuple((p.row, p.col) for p in parts)
    if additive([whole, *parts]) or _distribution(whole, parts):
        return Relation("sum", pos, positions, (1,) * len(parts), exhaustive, axis, why)
    if mean_ok and whole.unit in MEAN_UNITS and all(p.unit == whole.unit for p in parts):
        return Relation("mean", pos, positions, (1,) * len(parts), True, axis, why)
    return None


def _column_relation(grid: Grid, whole_row: int, rows: list[int], exhaustive: bool, why: str) -> Iterable[Relation]:
    mean_ok = _complete([grid.row_labels.get(r, "") for r in rows])
    for c in grid.cols:
        whole = grid.cells.get((whole_row, c))
        parts = [grid.cells[(r, c)] for r in rows if (r, c) in grid.cells]
        if whole is None or len(parts) < 2:
            continue
        rel = _relation((whole_row, c), whole, parts, exhaustive, mean_ok, "col", why)
        if rel is not None:
            yield rel


def _distribution(whole: GridCell, parts: Sequence[GridCell]) -> bool:
    """Shares that split a 100 per cent whole: each part a share below 100."""
    return (
        whole.unit == "procent" and abs(whole.value - 100) < 1e-9
        and all(p.unit == "procent" and p.value < 100 for p in parts)
    )


def _total_rows(grid: Grid) -> list[Relation]:
    out: list[Relation] = []
    data = sorted(set(grid.rows) | set(grid.stub_rows))
    totals = [r for r in grid.rows if is_total(grid.row_labels.get(r, ""))]
    blocks = _row_blocks(grid)
    for t in totals:
        label = grid.row_labels.get(t, "")
        above = [b for b in blocks if b and b[-1] < t]
        below = [b for b in blocks if b and b[0] > t]
        first_data = min((r for r in data if r not in grid.stub_rows), default=t)
        if t == first_data or not above:
            nxt = min((x for x in totals if x > t), default=None)
            for b in below:
                if nxt is not None and b[0] > nxt:
                    break
                labels = [grid.row_labels.get(r, "") for r in b]
                out.extend(_column_relation(grid, t, b, _exhaustive(labels), label))
        else:
            out.extend(_column_relation(grid, t, above[-1], True, label))
    return out


def _total_cols(grid: Grid) -> list[Relation]:
    out: list[Relation] = []
    cols = {c: grid.col_labels.get(c, ()) for c in grid.cols if grid.has_label(c)}
    for c, toks in cols.items():
        if not toks:
            continue
        # "Totalt" among the tokens: parts differ only in that token ("Kvinnor, SP" for "Totalt, SP").
        for i, t in enumerate(toks):
            if not is_total(t):
                continue
            parts = [
                p for p, pt in cols.items()
                if p != c and len(pt) == len(toks) and not is_total(pt[i])
                and all(norm(a) == norm(b) for j, (a, b) in enumerate(zip(pt, toks)) if j != i)
                and not is_share_label(pt) and not _is_diff(pt)
            ]
            if len(toks) == 1:
                parts = _adjacent_run(c, [p for p in parts if not _is_varav(cols[p][0])])
            # The columns beside a total column are its breakdown: they must add up to it.
            out.extend(_row_relations(grid, c, parts, True, t))
        # "Ja" beside "Ja, kvinnor" and "Ja, män": the longer labels are parts of the shorter.
        parts = [p for p, pt in cols.items() if len(pt) == len(toks) + 1 and all(norm(a) == norm(b) for a, b in zip(pt, toks))]
        if parts and not any(is_total(t) for t in toks):
            out.extend(_row_relations(grid, c, parts, _exhaustive([cols[p][-1] for p in parts]), ", ".join(toks)))
    return out


def _adjacent_run(total: int, candidates: list[int]) -> list[int]:
    """The columns next to a total column that it sums: the unbroken run just left of it
    ("Kvinnor", "Män", "Totalt"), else just right of it ("Alla", "Sjukpenning", ...). A count
    further away ("Avslutade" after "Andel kvinnor") is another measure."""
    have = set(candidates)
    left = []
    i = total - 1
    while i in have:
        left.insert(0, i)
        i -= 1
    right = []
    i = total + 1
    while i in have:
        right.append(i)
        i += 1
    return left if len(left) >= 2 else right


def _row_relations(grid: Grid, whole_col: int, part_cols: list[int], exhaustive: bool, why: str) -> Iterable[Relation]:
    if len(part_cols) < 2:
        return
    whole_tokens = {norm(t) for t in grid.col_labels.get(whole_col, ())}
    mean_ok = _complete([" ".join(t for t in grid.col_labels.get(c, ()) if norm(t) not in whole_tokens) for c in part_cols])
    for r in grid.rows:
        whole = grid.cells.get((r, whole_col))
        parts = [grid.cells[(r, c)] for c in part_cols if (r, c) in grid.cells]
        if whole is None or len(parts) < 2:
            continue
        rel = _relation((r, whole_col), whole, parts, exhaustive, mean_ok, "row", why)
        if rel is not None:
            yield rel


def _varav_rows(grid: Grid) -> list[Relation]:
    out: list[Relation] = []
    rows = sorted(set(grid.rows) | set(grid.stub_rows))
    run: list[int] = []
    whole_row: Optional[int] = None
    for r in rows + [None]:  # type: ignore[list-item]
        label = grid.row_labels.get(r, "") if r is not None else ""
        if r is not None and _is_varav(label):
            run.append(r)
            continue
        if run and whole_row is not None:
            for c in grid.cols:
                whole = grid.cells.get((whole_row, c))
                parts = [grid.cells[(x, c)] for x in run if (x, c) in grid.cells]
                if whole is not None and parts and additive([whole, *parts]):
                    why = grid.row_labels.get(run[0], "varav")
                    labels = [_strip_varav(grid.row_labels.get(x, "")) for x in run]
                    complete = len(parts) == len(run) and _complete(labels)  # "varav kvinnor", "varav män"
                    out.append(Relation("sum" if complete else "varav", (whole_row, c), tuple((p.row, p.col) for p in parts),
                                        (1,) * len(parts), complete, "col", why))
        run = []
        whole_row = r if r is not None and r not in grid.stub_rows else None
    return out


def _is_diff(tokens: Sequence[str]) -> bool:
    return any(any(w in norm(t) for w in DIFFERENCE_LABELS) for t in tokens)


def _difference_cols(grid: Grid) -> list[Relation]:
    out: list[Relation] = []
    for d, toks in grid.col_labels.items():
        if not _is_diff(toks):
            continue
        others = [c for c in grid.cols if c != d and not _is_diff(grid.col_labels.get(c, ())) and not is_share_label(grid.col_labels.get(c, ()))]
        best: Optional[tuple[int, int]] = None
        best_fit = 0
        for x, y in permutations(others, 2):
            fit = 0
            for r in grid.rows:
                cells = [grid.cells.get((r, c)) for c in (x, y, d)]
                if all(cells) and additive(cells) and sum_grade([cells[0].reading, cells[1].reading], cells[2].reading, [1, -1]) != "error":  # type: ignore[union-attr]
                    fit += 1
            if fit > best_fit:
                best, best_fit = (x, y), fit
        if best is None:
            continue
        x, y = best
        for r in grid.rows:
            if all((r, c) in grid.cells for c in (x, y, d)) and additive(grid.cells[(r, c)] for c in (x, y, d)):
                out.append(Relation("difference", (r, d), ((r, x), (r, y)), (1, -1), True, "row", " ".join(toks)))
    return out


# --- evaluation -----------------------------------------------------------------------------

@dataclass(frozen=True)
class Failure:
    relation: Relation
    severity: str  # "error" or "rounding"
    computed: float  # what the parts give (for a mean: the nearest bound)


def evaluate(grid: Grid, rel: Relation) -> Optional[Failure]:
    whole = grid.cells[rel.whole]
    parts = [grid.cells[p] for p in rel.parts]
    if rel.kind == "mean":
        return mean_failure(rel, whole.reading, [p.reading for p in parts])
    computed = sum(s * p.value for s, p in zip(rel.signs, parts))
    g = sum_grade([p.reading for p in parts], whole.reading, list(rel.signs))
    if g is None:
        return None
    if not rel.exhaustive and computed <= whole.value:
        return None  # a group that need not be complete falls short: nothing promised
    return Failure(rel, g, computed)


def mean_failure(rel: Relation, whole: Reading, parts: Sequence[Reading]) -> Optional[Failure]:
    """An average (or share) of a whole population split in groups lies between the groups'."""
    lo, hi = min(p.lo for p in parts), max(p.hi for p in parts)
    if whole.hi < lo - 1e-9:
        return Failure(rel, "error", min(p.value for p in parts))
    if whole.lo > hi + 1e-9:
        return Failure(rel, "error", max(p.value for p in parts))
    return None


def failures(grid: Grid) -> list[Failure]:
    return [f for f in (evaluate(grid, r) for r in relations(grid)) if f is not None]


@dataclass(frozen=True)
class Suspect:
    """A cell that, corrected to `fix`, would make every relation it is in hold."""

    pos: Pos
    fix: float
    failures: tuple[Failure, ...]


def solve(grid: Grid, f: Failure, pos: Pos) -> Optional[float]:
    """The value the cell at `pos` would need for the relation to hold exactly."""
    rel = f.relation
    if rel.kind == "mean":
        return None
    if pos == rel.whole:
        return f.computed
    if pos not in rel.parts:
        return None
    i = rel.parts.index(pos)
    others = sum(s * grid.cells[p].value for j, (s, p) in enumerate(zip(rel.signs, rel.parts)) if j != i)
    return (grid.cells[rel.whole].value - others) / rel.signs[i]


def suspects(grid: Grid, fails: Sequence[Failure]) -> list[Suspect]:
    """Cells that sit in two or more failing relations and one corrected value mends them all."""
    member: dict[Pos, list[Failure]] = defaultdict(list)
    for f in fails:
        for p in (f.relation.whole, *f.relation.parts):
            member[p].append(f)
    out: list[Suspect] = []
    used: set[int] = set()
    for pos, fs in sorted(member.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        fs = [f for f in fs if id(f) not in used]
        if len(fs) < 2:
            continue
        fixes = [solve(grid, f, pos) for f in fs]
        if any(x is None for x in fixes):
            continue
        step = max(grid.cells[pos].reading.step, 1e-9)
        if max(fixes) - min(fixes) <= step * len(fs):  # type: ignore[type-var,operator]
            out.append(Suspect(pos, sum(fixes) / len(fixes), tuple(fs)))  # type: ignore[arg-type]
            used.update(id(f) for f in fs)
    return out
