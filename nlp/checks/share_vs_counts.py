"""share_vs_counts: a percentage that does not follow from the counts it is computed from.

In a table, which counts a share column is computed from is learnt from the table itself:
every simple formula over the row's counts (a/b, a/(a+b), a over the total row) is tried, and
the one that fits most rows (at least Tolerances.majority of them) is taken as the column's
rule. Rows that break that rule beyond the printed decimals are findings. A row whose count is
itself a broken sum is left to the arithmetic check. A table that prints its counts and shares
as rows, with the groups in columns, is read the same way turned (tables.transposed). A share
printed with a trailing zero ("24,50 %") may be a coarser figure padded to the column's
decimals: a miss within one unit of its last non-zero digit is a rounding question. In running text, a sentence with one
share and two counts of the same year ("Av de 1 200 ... 300 ..., 35 procent") must satisfy
part/whole or part/(part+rest).
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from itertools import permutations
from typing import Generator, Iterator, Optional, Sequence

from nlp.checks.base import CheckSpec, fact_ref, make_finding, sv_number, where
from nlp.checks.context import CheckContext
from nlp.checks.precision import grade, point, read_fact, relative_gap
from nlp.checks.tables import Grid, Pos, cell_year, grid_ref, grids, is_total, share_columns, transposed
from nlp.records import UNCLASSIFIED, Fact, Finding

TYPE = "share_vs_counts"


@dataclass(frozen=True)
class Formula:
    kind: str  # "ratio": a/b, "complement": a/(a+b), "column": a / a in the total row
    a: int  # column of the part
    b: Optional[int] = None  # column of the whole (ratio) or of the rest (complement)
    total_row: Optional[int] = None

    def cells(self, row: int) -> list[Pos]:
        if self.kind == "column":
            return [(row, self.a), (self.total_row, self.a)]  # type: ignore[list-item]
        return [(row, self.a), (row, self.b)]  # type: ignore[list-item]

    def value(self, grid: Grid, row: int) -> Optional[float]:
        try:
            a = grid.cells[(row, self.a)].value
            if self.kind == "ratio":
                den = grid.cells[(row, self.b)].value  # type: ignore[index]
            elif self.kind == "complement":
                den = a + grid.cells[(row, self.b)].value  # type: ignore[index]
            else:
                if row == self.total_row:
                    return None
                den = grid.cells[(self.total_row, self.a)].value  # type: ignore[index]
        except KeyError:
            return None
        return 100.0 * a / den if den else None

    def words(self, grid: Grid, row: int) -> str:
        ta = grid.cells[(row, self.a)].text
        if self.kind == "ratio":
            return f"{ta} / {grid.cells[(row, self.b)].text}"  # type: ignore[index]
        if self.kind == "complement":
            tb = grid.cells[(row, self.b)].text  # type: ignore[index]
            return f"{ta} / ({ta} + {tb})"
        return f"{ta} / {grid.cells[(self.total_row, self.a)].text}"  # type: ignore[index]


def check(facts: Sequence[Fact], context: CheckContext) -> Iterator[Finding]:
    for grid in grids(facts, context):
        ruled = yield from _table(grid, context)
        turned = transposed(grid)
        yield from _table(turned, context, skip={(c, r) for r, c in ruled})
    yield from _sentences(facts, context)


def _count_cols(grid: Grid) -> list[int]:
    return [c for c in grid.cols if all(grid.cells[(r, c)].unit == "antal" for r in grid.rows if (r, c) in grid.cells)]


def _candidates(grid: Grid, counts: list[int]) -> list[Formula]:
    out = [Formula("ratio", a, b) for a, b in permutations(counts, 2)]
    out += [Formula("complement", a, b) for a, b in permutations(counts, 2)]
    totals = [r for r in grid.rows if is_total(grid.row_labels.get(r, ""))]
    out += [Formula("column", a, None, t) for a in counts for t in totals]
    return out


def _affinity(grid: Grid, f: Formula, share_col: int) -> int:
    """Shared words between the share's header and the part's header ("Andel kvinnor" ~ "Ja, kvinnor")."""
    share = set(" ".join(grid.col_labels.get(share_col, ())).lower().replace(",", " ").split())
    mine = set(" ".join(grid.col_labels.get(f.a, ())).lower().replace(",", " ").split())
    return len(share & mine)


def _negation(grid: Grid, f: Formula) -> int:
    """1 for "Ja" over "Ja" + "Nej" (or "inskrivna" over "inskrivna" + "inte inskrivna"): the
    complement of a count is what a share "av alla" is computed from."""
    if f.kind != "complement":
        return 0
    a = " ".join(grid.col_labels.get(f.a, ())).lower().split()
    b = " ".join(grid.col_labels.get(f.b, ())).lower().replace(",", " ").split()  # type: ignore[arg-type]
    neg = {"nej", "inte", "ej", "utan", "icke"}
    return int(bool(neg & set(b)) and not neg & set(a))


def _canonical(grid: Grid, f: Formula, share_col: int) -> bool:
    """A formula the headers name outright: "Andel" beside "Antal" under one group over a total
    row, "Ja" over "Ja" + "Nej", a part over a "Totalt" column. Such a rule needs fewer rows
    to be trusted (one table of "Totalt", "Kvinnor", "Män" has only two)."""
    share = grid.col_labels.get(share_col, ())
    part = grid.col_labels.get(f.a, ())
    if f.kind == "column":
        return len(share) == len(part) and share[:-1] == part[:-1] and "antal" in " ".join(part[-1:]).lower()
    if f.kind == "complement":
        return bool(_negation(grid, f))
    return any(is_total(t) for t in grid.col_labels.get(f.b, ()))  # type: ignore[arg-type]


def _fits(grid: Grid, formula: Formula, col: int, rows: list[int]) -> tuple[int, int]:
    fit = tried = 0
    for r in rows:
        v = formula.value(grid, r)
        if v is None:
            continue
        tried += 1
        fit += grade(point(v), grid.cells[(r, col)].reading) is None
    return fit, tried


def _rules(grid: Grid, counts: list[int], context: CheckContext) -> dict[int, Formula]:
    """The formula each share column follows: the one that fits most rows; on a tie, the kind
    of formula that fits most across the table's share columns, then the headers' words."""
    kinds = ["ratio", "complement", "column"]
    fits: dict[int, list[tuple[Formula, int, int]]] = {}
    kind_score = {k: 0 for k in kinds}
    for col in share_columns(grid):
        rows = [r for r in grid.rows if (r, col) in grid.cells and grid.cells[(r, col)].unit == "procent"]
        fits[col] = [(f, *_fits(grid, f, col, rows)) for f in _candidates(grid, counts)]
        for k in kinds:
            kind_score[k] += max((fit for f, fit, _ in fits[col] if f.kind == k), default=0)
    rules: dict[int, Formula] = {}
    for col, options in fits.items():
        ok = [
            (f, fit) for f, fit, tried in options
            if tried and (
                fit >= max(2, context.tolerances.majority * tried)
                or (_canonical(grid, f, col) and fit >= max(1, tried / 2))
            )
        ]
        if ok:
            rules[col] = max(
                ok, key=lambda o: (o[1], _canonical(grid, o[0], col), _negation(grid, o[0]), kind_score[o[0].kind], _affinity(grid, o[0], col), -kinds.index(o[0].kind))
            )[0]
    return rules


def _table(grid: Grid, context: CheckContext, skip: frozenset[Pos] | set[Pos] = frozenset()) -> Generator[Finding, None, set[Pos]]:
    """The findings of one grid; returns the share cells a rule was found for (`skip`: cells
    already judged the other way round)."""
    counts = _count_cols(grid)
    ruled: set[Pos] = set()
    if not counts:
        return ruled
    for col, rule in sorted(_rules(grid, counts, context).items()):
        for r in grid.rows:
            if (r, col) not in grid.cells or grid.cells[(r, col)].unit != "procent" or (r, col) in skip:
                continue
            v = rule.value(grid, r)
            if v is None:
                continue
            ruled.add((r, col))
            share = grid.cells[(r, col)]
            g = grade(point(v), share.reading)
            padded = g == "error" and _padded_miss(share.text, v)
            if g is not None:
                yield _table_finding(grid, (r, col), rule, v, "rounding" if padded else g, context, padded)
    return ruled


def _padded_miss(text: str, computed: float) -> bool:
    """ "24,50 %" against 24,44: printed to two decimals, but the last is a padding zero; read as
    "24,5" the miss is within one unit of the last digit."""
    m = re.search(r"(\d+),(\d*?)(0+)\s*%?$", text.strip())
    if m is None:
        return False
    digits = len(m.group(2))
    value = float(f"{m.group(1)}.{m.group(2) or 0}")
    return abs(value - computed) <= 10.0 ** (-digits) + 1e-9


def _table_finding(grid: Grid, pos: Pos, formula: Formula, computed: float, severity: str, context: CheckContext,
                   padded: bool = False) -> Finding:
    share = grid.cells[pos]
    positions = [pos] + formula.cells(pos[0])
    fact = next((grid.cells[p].fact for p in positions if grid.cells[p].fact is not None), None)
    measure = share.fact.measure if share.fact is not None else (fact.measure if fact else UNCLASSIFIED)
    if measure == UNCLASSIFIED:
        measure = _series_measure(grid, pos[1]) or measure
    breakdown = tuple(share.fact.breakdown) if share.fact is not None else ()
    # the grid's row is the table's row, or its column when the table was read turned
    line, series = grid.row_labels.get(pos[0], ""), _series_label(grid, pos[1])
    line_word, series_word, same = ("kolumnen", "raden", "kolumn") if grid.transposed else ("raden", "kolumnen", "rad")
    others = "kolumner" if grid.transposed else "rader"
    decimals = len(share.text.rstrip("%").split(",", 1)[1]) if "," in share.text else 0
    text = (
        f"I {grid.label()} ({grid.doc}) är andelen i {line_word} ”{line}”, {series_word} ”{series}” {share.text}, men "
        f"antalen i samma {same} ger {formula.words(grid, pos[0])} = {sv_number(computed, 2)} procent, vilket "
        f"avrundas till {sv_number(round(computed, decimals), decimals)}. Övriga {others} i tabellen följer den "
        f"formeln. "
        + (
            f"Andelen slutar på en nolla och kan vara avrundad till färre decimaler än den är tryckt med; så läst "
            f"är skillnaden högst en enhet i sista siffran. " if padded
            else "Skillnaden är högst en enhet i sista siffran och kan bero på avrundning av mellanled. "
            if severity == "rounding" else ""
        )
        + "Kontrollera andelen och antalen mot källan."
    )
    return make_finding(
        TYPE, severity, [grid_ref(grid, p, context) for p in positions],
        expected=f"{sv_number(round(computed, decimals), decimals)} % ({formula.words(grid, pos[0])})",
        found=share.text, explanation=text, measure=measure, period=cell_year(grid, pos, context), breakdown=breakdown,
        discrepancy=relative_gap(computed, share.value),
    )


def _series_label(grid: Grid, col: int) -> str:
    """The share column's header; for one without (a wrapped line), the labelled column before it."""
    for k in range(col, -1, -1):
        label = " / ".join(grid.col_labels.get(k, ()))
        if label:
            return label
    return ""


def _series_measure(grid: Grid, col: int) -> Optional[str]:
    """The measure of the share column's classified figures; for a column without a label of its
    own (a wrapped line of the series above it: a second line of figures under an unlabelled
    stub), the labelled column before it. None when no figure there was given a measure."""
    while True:
        found = Counter(c.fact.measure for (r, k), c in grid.cells.items()
                        if k == col and c.unit == "procent" and c.fact is not None and c.fact.measure != UNCLASSIFIED)
        if found:
            return found.most_common(1)[0][0]
        if grid.col_labels.get(col) or col <= 0:
            return None
        col -= 1


def _sentences(facts: Sequence[Fact], context: CheckContext) -> Iterator[Finding]:
    """A sentence with one share and two counts of its year, the larger introduced as the
    whole ("Av de 1 200 individerna ... 300 ..., 35 procent"): the share must be part/whole
    (or part/(part + rest) when the two counts are the two groups)."""
    by_sentence: dict[tuple, list[Fact]] = defaultdict(list)
    for f in facts:
        if f.kind != "table" and f.quote:
            by_sentence[(f.doc, f.block, f.quote)].append(f)
    for (doc, _, quote), fs in sorted(by_sentence.items(), key=lambda kv: (kv[0][0], str(kv[0][1]), kv[0][2])):
        shares = [f for f in fs if f.unit == "procent"]
        if len(shares) != 1 or shares[0].qualifier != "exact":
            continue
        share = shares[0]
        counts = [f for f in fs if f.unit == "antal" and f.period == share.period and f.qualifier == "exact"]
        counts = list({f.value: f for f in counts}.values())
        if len(counts) != 2:
            continue
        part, whole = sorted(counts, key=lambda f: f.value)
        if not whole.value or not re.search(r"\bav\s+(?:de\s+|dessa\s+|totalt\s+|samtliga\s+|alla\s+)?" + re.escape(whole.printed), quote, re.IGNORECASE):
            continue
        r = read_fact(share, context.tolerances)
        options = [100.0 * part.value / whole.value, 100.0 * part.value / (part.value + whole.value)]
        if any(grade(point(v), r) is None for v in options):
            continue
        v = options[0]
        severity = grade(point(v), r) or "error"
        text = (
            f"I {doc} ({where(fact_ref(share, context))}) står andelen {share.printed} bredvid antalen "
            f"{part.printed} och {whole.printed}, men {part.printed} av {whole.printed} är "
            f"{sv_number(v, 1)} procent: ”{quote}” Kontrollera vilken av siffrorna som är fel."
        )
        yield make_finding(
            TYPE, severity, [fact_ref(f, context) for f in (share, part, whole)],
            expected=f"{sv_number(v, 1)} % ({part.printed} / {whole.printed})", found=share.printed,
            explanation=text, measure=share.measure, period=share.period, breakdown=tuple(share.breakdown),
            discrepancy=relative_gap(v, share.value),
        )


CHECK = CheckSpec(
    type=TYPE,
    title="Andel som inte följer av antalen",
    description=(
        "En procentsats följer inte av de antal den räknas fram ur (i samma tabellrad eller mening), "
        "utöver vad de tryckta decimalerna tillåter. Antingen andelen eller antalen är fel."
    ),
    severities=("error", "rounding"),
    check=check,
)
