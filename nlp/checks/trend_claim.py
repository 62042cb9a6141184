"""trend_claim: a sentence says a figure rose, fell, stayed, changed marginally or by so many
points, and the figures say otherwise.

Each clause of a sentence is read on its own ("har minskat med fyra procentenheter ... medan
antalet ... har ökat något"). The figure the claim is about is the clause's own figure, or,
for a clause without one, the measure whose catalogue phrase it names. The figure it is
compared with is the one the clause gives for the other year, or else that measure's value
for the compared year ("jämfört med 2018", "föregående år", the year before by default) from
the same report first, then from any report, the latest first. Printed precision decides:
"ökat" between 54 and 54,3 is no error, a fall from 58 to 54 said as "ökat" is.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Iterator, Optional, Sequence

from nlp.checks.base import CheckSpec, breakdown_words, fact_ref, make_finding, measure_words, sv_number
from nlp.checks.context import CheckContext
from nlp.checks.explanations import sentences
from nlp.checks.precision import Reading, read_fact, relative_gap, slack
from nlp.checks.superlative import superlative_findings
from nlp.checks.words import (
    CLAUSE_BREAKS,
    COMPARATIVES,
    DOUBLED,
    HALVED,
    MARGINAL,
    PREVIOUS_YEAR,
    SPAN_WORDS,
    TREND_DOWN,
    TREND_SAME,
    TREND_UP,
    UNIT_HINTS,
)
from nlp.records import UNCLASSIFIED, Breakdown, Fact, Finding
from nlp.sv.periods import find_year_mentions

TYPE = "trend_claim"
_CHANGE_VERB = r"(?:ökat|ökade|ökar|ökning|minskat|minskade|minskar|minskning|sjunkit|sjönk|sjunker|stigit|steg|höjts|sänkts|förändr\w*|skillnad\w*)\w*"
_QUALIFIER = r"(?:cirka |drygt |knappt |ungefär |nästan |runt )?"
# How many words may stand between a change word and the figure it is about.
CUE_REACH_WORDS = 10


@dataclass(frozen=True)
class Claim:
    direction: str  # "up", "down", "same"
    cue: str  # the words that made the claim
    marginal: bool
    doubled: bool
    halved: bool


@dataclass(frozen=True)
class Sentence:
    doc: str
    text: str
    facts: tuple[Fact, ...]
    block: Optional[str]
    line: Optional[int]
    page: Optional[int]


def check(facts: Sequence[Fact], context: CheckContext) -> Iterator[Finding]:
    index = _index(facts)
    seen: set[str] = set()
    for s in _sentences(facts, context):
        for clause in _clauses(s.text):
            for finding in _check_clause(s, clause, index, context):
                if finding.id not in seen:
                    seen.add(finding.id)
                    yield finding
    # "ökar mest för män med sjukpenning": which group changed the most (nlp.checks.superlative)
    yield from superlative_findings(facts, context)


# --- reading sentences ----------------------------------------------------------------------

def _sentences(facts: Sequence[Fact], context: CheckContext) -> Iterator[Sentence]:
    groups: dict[tuple, list[Fact]] = defaultdict(list)
    for f in facts:
        if f.kind != "table" and f.quote:
            groups[(f.doc, f.block, f.quote)].append(f)
    quoted: dict[tuple[str, Optional[str]], list[str]] = defaultdict(list)
    for (doc, block, quote), fs in sorted(groups.items(), key=lambda kv: (kv[0][0], str(kv[0][1]), kv[0][2])):
        quoted[(doc, block)].append(quote)
        yield Sentence(doc, quote, tuple(fs), block, min((f.line for f in fs if f.line), default=None), fs[0].page)
    # Sentences with no figure of their own: "Under 2019 har antalet omställningsmöten ökat jämfört med 2018."
    for doc_id in sorted({f.doc for f in facts}):
        doc = context.document(doc_id)
        if doc is None:
            continue
        for b in doc.blocks:
            if b.kind in ("heading", "toc", "caption"):
                continue
            for text in sentences(b.text):
                if not _claim(text.lower(), True) or any(text in q or q in text for q in quoted.get((doc_id, b.id), [])):
                    continue
                yield Sentence(doc_id, text, (), b.id, b.line_start, b.page)


def _clauses(text: str) -> list[str]:
    parts = [text]
    for brk in CLAUSE_BREAKS:
        parts = [p for part in parts for p in _split_keep(part, brk)]
    return [p for p in parts if p.strip()]


def _split_keep(text: str, brk: str) -> list[str]:
    bits = text.split(brk)
    if len(bits) == 1:
        return bits
    keep = brk.strip() if brk.strip() in ("och antalet", "och andelen") else ""
    return [bits[0]] + [(keep.replace("och ", "") + " " + b).strip() for b in bits[1:]]


def _has(low: str, words: Sequence[str]) -> list[str]:
    return [w for w in words if _word_pattern(w).search(low)]


@lru_cache(maxsize=None)
def _word_pattern(word: str) -> re.Pattern[str]:
    """A cue word where a word starts ("ökade", not "minskade" for "kade"); with a trailing space, a whole word.
    Built once, not escaped, joined and looked up in re's cache again for every word of every sentence."""
    return re.compile(r"(?<![a-zåäö])" + re.escape(word.strip()) + (r"\b" if word.endswith(" ") else ""))


def _claim(low: str, year_named: bool) -> Optional[Claim]:
    up, down, same = _has(low, TREND_UP), _has(low, TREND_DOWN), _has(low, TREND_SAME)
    if not year_named:
        up = [w for w in up if w not in COMPARATIVES]
        down = [w for w in down if w not in COMPARATIVES]
    kinds = [k for k, ws in (("up", up), ("down", down), ("same", same)) if ws]
    if len(kinds) != 1:
        return None
    cue = (up or down or same)[0].strip()
    return Claim(kinds[0], cue, bool(_has(low, MARGINAL)), bool(_has(low, DOUBLED)), bool(_has(low, HALVED)))


# --- years ----------------------------------------------------------------------------------

def _years(clause: str, sentence: str) -> tuple[Optional[int], Optional[int]]:
    """(the year the claim is about, the year it compares with), as far as the words say.

    Only "Under 2019", "för 2022" name the claim's own year; a bare year is as often the
    compared one ("74 procent (70 procent 2018)"), so the figures decide that case. A year in a
    parenthesis beside a figure of its own ("7 140 personer (6 915 år 2023)") is the compared
    year's, whatever word stands before it.
    """
    cur = cmp = None
    between = re.search(r"mellan\s+((?:19|20)\d{2})\s+och\s+((?:19|20)\d{2})", clause)
    if between:
        return int(between.group(2)), int(between.group(1))
    for text in (clause, sentence):
        aside = _asides(text)
        for start, _, role, period in find_year_mentions(text):
            if not period.isdigit():
                continue
            if any(a <= start < b for a, b in aside):
                role = "comparison"
            if role in ("comparison", "since") and cmp is None and text is clause:
                cmp = int(period)
            elif role in ("during", "report") and cur is None and int(period) != cmp:
                cur = int(period)
        if cur is not None:
            break
    if cur is None:  # "är något högre 2019 jämfört med 2018": a bare year beside a comparison year
        years = [int(p) for _, _, role, p in find_year_mentions(clause) if p.isdigit() and role == "year"]
        cur = next((y for y in years if y != cmp), None) if cmp is not None else None
    return cur, cmp


def _asides(text: str) -> list[tuple[int, int]]:
    """Spans of the parentheses that give a figure beside a year: "(6 915 år 2023)", "(70 procent 2018)"."""
    out = []
    for m in re.finditer(r"\(([^()]*)\)", text):
        inner = re.sub(r"(?<!\d)(?:19|20)\d{2}(?!\d)", "", m.group(1))
        if re.search(r"\d", inner):
            out.append((m.start(), m.end()))
    return out


# --- figures --------------------------------------------------------------------------------

Index = dict[tuple[str, Breakdown, str], list[Fact]]


def _index(facts: Sequence[Fact]) -> Index:
    idx: Index = defaultdict(list)
    for f in facts:
        if f.measure != UNCLASSIFIED and f.period:
            idx[(f.measure, tuple(f.breakdown), f.period)].append(f)
    return idx


def _lookup(index: Index, measure: str, breakdown: Breakdown, unit: str, year: int, doc: str, context: CheckContext) -> Optional[Fact]:
    """The measure's value for a year: this report first (a table before text), then the latest other report."""
    pool = [f for f in index.get((measure, breakdown, str(year)), []) if f.unit == unit]
    if not pool:
        return None
    order = {"table": 0, "body": 1, "summary": 2, "footnote": 3}
    same = sorted((f for f in pool if f.doc == doc), key=lambda f: (order.get(f.kind, 9), f.line or 0))
    if same:
        return same[0]
    others = sorted(pool, key=lambda f: (context.vintage(f.doc), -order.get(f.kind, 9)), reverse=True)
    return others[0]


def _near(cue: str, printed: str, low: str) -> bool:
    """The change word stands within a few words of the figure ("minskat med fyra
    procentenheter", "ökat till 74 procent"), not at the other end of a long sentence."""
    i, j = low.find(cue.lower()), low.find(printed.lower())
    if i < 0 or j < 0:
        return True
    between = low[min(i, j):max(i, j)]
    return len(between.split()) <= CUE_REACH_WORDS


def _is_delta(fact: Fact, clause: str) -> bool:
    if fact.unit == "procentenheter":
        return True
    pattern = _CHANGE_VERB + r"\s+(?:(?!jämfört|jämförelse)\w+\s+){0,2}?med\s+" + _QUALIFIER + re.escape(fact.printed) + r"(?!\d)"
    return re.search(pattern, clause.lower()) is not None or re.search(
        r"\b(?:en\s+)?(?:ökning|minskning)\s+(?:med\s+|på\s+)" + _QUALIFIER + re.escape(fact.printed), clause.lower()
    ) is not None


def _in_clause(facts: Sequence[Fact], clause: str, whole: str) -> list[Fact]:
    if clause == whole:
        return list(facts)
    return [f for f in facts if f.printed and f.printed in clause]


def _catalogue_measure(clause: str, context: CheckContext) -> Optional[str]:
    """The one measure whose multi-word catalogue phrase the clause names, the longest phrase winning."""
    low = clause.lower()
    unit_hint = next((u for w, u in UNIT_HINTS if w in low), None)
    hits: list[tuple[int, str]] = []
    for m in context.measures.values():
        if unit_hint and m.unit != unit_hint:
            continue
        best = max((len(p) for p in m.phrases if " " in p.strip() and p.lower() in low), default=0)
        if best:
            hits.append((best, m.key))
    if not hits:
        return None
    hits.sort(reverse=True)
    if len(hits) > 1 and hits[0][0] == hits[1][0]:
        return None
    return hits[0][1]


@dataclass(frozen=True)
class ClauseFigures:
    """What a clause claims and the figures it gives: its levels (one value per measure, year and
    group) and its deltas ("med 4 procentenheter")."""

    claim: Claim
    cur_year: Optional[int]  # the year the clause speaks of, when it names one
    cmp_year: Optional[int]  # the year it compares with ("jämfört med 2018")
    previous: bool  # "föregående år": the year before, whatever the clause's other figures
    levels: tuple[Fact, ...]
    deltas: tuple[Fact, ...]


Target = tuple[str, Breakdown, str]  # (measure, breakdown, unit) a claim is judged for


@dataclass(frozen=True)
class Comparison:
    """A clause, the figure its claim is about and the figure that figure is compared with: what a
    finding is built from."""

    sentence: Sentence
    clause: str
    measure: str
    breakdown: Breakdown
    unit: str
    year: int
    base_year: int
    cur: Fact
    prev: Fact
    delta: Optional[Fact]  # the clause's printed change, when it gives one


def _check_clause(s: Sentence, clause: str, index: Index, context: CheckContext) -> Iterator[Finding]:
    read = _read_clause(s, clause)
    if read is None:
        return
    for target in _targets(s, clause, read, context):
        comparison = _compare(s, clause, read, target, index, context)
        if comparison is not None:
            yield from _judge_comparison(comparison, read.claim, index, context)


def _read_clause(s: Sentence, clause: str) -> Optional[ClauseFigures]:
    """The clause's claim, its years and its own figures; None when it claims no change, or its
    change word is about something else than its figures."""
    low = clause.lower()
    cur_year, cmp_year = _years(clause, s.text)
    previous = bool(_has(low, PREVIOUS_YEAR))
    claim = _claim(low, cmp_year is not None or previous)
    if claim is None:
        return None
    facts = _in_clause(s.facts, clause, s.text)
    if facts and not any(_near(claim.cue, f.printed, low) for f in facts):
        return None  # the change word is about something else than the clause's figures
    deltas = [f for f in facts if _is_delta(f, clause)]
    levels = [f for f in facts if f not in deltas and f.unit != "procentenheter"]
    # Two values for one measure, year and group in one clause: one was read with the wrong
    # year ("ökade till 9 950 (9 480 året innan)"); look both years up instead.
    seen: dict[tuple, set[float]] = defaultdict(set)
    for f in levels:
        seen[(f.measure, f.period, tuple(f.breakdown))].add(f.value)
    levels = [f for f in levels if len(seen[(f.measure, f.period, tuple(f.breakdown))]) == 1]
    return ClauseFigures(claim, cur_year, cmp_year, previous, tuple(levels), tuple(deltas))


def _targets(s: Sentence, clause: str, read: ClauseFigures, context: CheckContext) -> list[Target]:
    """What the claim is about: each measure and group of the clause's levels (an unclassified
    figure only with a second one), else its delta's, else the catalogue measure a figureless
    clause names."""
    levels, deltas = read.levels, read.deltas
    targets: list[Target] = []
    for f in levels:
        key = (f.measure, tuple(f.breakdown), f.unit)
        if key not in targets and (f.measure != UNCLASSIFIED or sum(1 for g in levels if g.measure == f.measure) > 1):
            targets.append(key)
    if not targets and deltas and deltas[0].measure != UNCLASSIFIED:
        d = deltas[0]
        targets.append((d.measure, tuple(d.breakdown), "procent" if d.unit == "procentenheter" else d.unit))
    if not targets and not s.facts and not _has(clause.lower(), SPAN_WORDS):
        m = _catalogue_measure(clause, context)
        if m is not None and read.cur_year is not None:
            targets.append((m, (), context.measures[m].unit))
    return targets


def _compare(s: Sentence, clause: str, read: ClauseFigures, target: Target, index: Index,
             context: CheckContext) -> Optional[Comparison]:
    """The claim's year and figure and the compared year's figure: the clause's own first, then
    the measure's from the KB (same report first); None when either is missing."""
    measure, breakdown, unit = target
    mine = sorted((f for f in read.levels if f.measure == measure and tuple(f.breakdown) == breakdown and f.unit == unit and f.year),
                  key=lambda f: f.year or 0)
    own = [f for f in mine if f.year != read.cmp_year]  # the compared year's figure is never the claim's
    cur = next((f for f in own if f.year == read.cur_year), None) or (own[-1] if own else None)
    year = cur.year if cur is not None else read.cur_year
    if year is None and read.deltas:
        year = read.deltas[0].year
    if year is None:
        year = _report_year(s.doc, context)
    if year is None:
        return None
    base_year = read.cmp_year
    others = sorted((f for f in mine if f is not cur and f.year is not None and f.year < year), key=lambda f: -(f.year or 0))
    if base_year is None:
        base_year = others[0].year if others and not read.previous else year - 1
    prev = next((f for f in others if f.year == base_year), None)
    if measure != UNCLASSIFIED:
        cur = cur or _lookup(index, measure, breakdown, unit, year, s.doc, context)
        prev = prev or _lookup(index, measure, breakdown, unit, base_year, s.doc, context)
    if cur is None or prev is None or base_year == year:
        return None
    delta = next((d for d in read.deltas if d.measure in (measure, UNCLASSIFIED)), None)
    return Comparison(s, clause, measure, breakdown, unit, year, base_year, cur, prev, delta)


def _judge_comparison(c: Comparison, claim: Claim, index: Index, context: CheckContext) -> Iterator[Finding]:
    """A finding when the figures contradict the claim; else, when the claim holds in its own report
    but a later report's figures for the same years reverse its direction, an info finding."""
    verdict = _judge(claim, c.cur, c.prev, c.delta, context)
    if verdict is not None:
        yield _finding(c, *verdict, context)
        return
    doc = c.sentence.doc
    later = (_later_figures(index, c.measure, c.breakdown, c.unit, c.year, c.base_year, doc, context)
             if c.cur.doc == c.prev.doc == doc else None)
    if later is not None and claim.direction in ("up", "down"):
        # Only a reversed direction is worth telling: that later figures move the size of
        # a change is already a restatement.
        verdict = _judge(Claim(claim.direction, claim.cue, False, False, False), later[0], later[1], None, context)
        if verdict is not None and verdict[0] == "error":
            _, expected, found = verdict
            yield _finding(replace(c, cur=later[0], prev=later[1]), "info", expected, found, context,
                           holds_in_report=(c.cur, c.prev))


def _later_figures(
    index: Index, measure: str, breakdown: Breakdown, unit: str, year: int, base_year: int, doc: str, context: CheckContext
) -> Optional[tuple[Fact, Fact]]:
    """Both years' figures from the latest later report that gives both (its restated figures)."""
    def pool(y: int) -> list[Fact]:
        return [f for f in index.get((measure, breakdown, str(y)), []) if f.unit == unit and context.vintage(f.doc) > context.vintage(doc)]

    docs = sorted({f.doc for f in pool(year)} & {f.doc for f in pool(base_year)}, key=context.vintage, reverse=True)
    if not docs:
        return None
    d = docs[0]
    order = {"table": 0, "body": 1, "summary": 2, "footnote": 3}
    pick = lambda y: min((f for f in pool(y) if f.doc == d), key=lambda f: (order.get(f.kind, 9), f.line or 0))  # noqa: E731
    return pick(year), pick(base_year)


def _report_year(doc: str, context: CheckContext) -> Optional[int]:
    d = context.document(doc)
    return d.metadata.reporting_year if d is not None else None


# --- judging --------------------------------------------------------------------------------

def _judge(claim: Claim, cur: Fact, prev: Fact, delta: Optional[Fact], context: CheckContext) -> Optional[tuple[str, str, str]]:
    """(severity, what the figures show, what the text claims), or None when the claim holds."""
    tol = context.tolerances
    rc, rp = read_fact(cur, tol), read_fact(prev, tol)
    lo, hi = rc.lo - rp.hi, rc.hi - rp.lo  # the change the printed figures allow
    shown = _change_words(cur, prev, rc, rp)
    step = slack(rc, rp)
    same_print = cur.value == prev.value
    if claim.direction == "up" and (hi <= 0 or same_print):
        return ("rounding" if same_print else "error"), shown, f"ökning ({claim.cue})"
    if claim.direction == "down" and (lo >= 0 or same_print):
        return ("rounding" if same_print else "error"), shown, f"minskning ({claim.cue})"
    if claim.direction == "same" and (lo > 0 or hi < 0):
        return _severity(abs(cur.value - prev.value), step), shown, f"oförändrad ({claim.cue})"
    if delta is not None:
        rd = read_fact(delta, tol)
        if delta.unit == "procent" and cur.unit != "procent" and rp.value:
            actual_lo, actual_hi = 100 * abs(lo) / abs(rp.value), 100 * abs(hi) / abs(rp.value)
            printed_change = 100 * abs(cur.value - prev.value) / abs(prev.value)
        else:
            actual_lo = min(abs(lo), abs(hi)) if lo * hi > 0 else 0.0
            actual_hi = max(abs(lo), abs(hi))
            printed_change = abs(cur.value - prev.value)
        actual_lo, actual_hi = min(actual_lo, actual_hi), max(actual_lo, actual_hi)
        if rd.hi < actual_lo or rd.lo > actual_hi:
            return _severity(abs(rd.value - printed_change), max(step, rd.step)), shown, f"förändring med {delta.printed}"
    if claim.marginal:
        smallest = 0.0 if lo <= 0 <= hi else min(abs(lo), abs(hi))
        limit = tol.marginal_points if cur.unit == "procent" else tol.marginal_rel * abs(rp.value)
        if smallest > limit:
            return "error", shown, f"marginell förändring ({claim.cue})"
    if claim.doubled and rp.lo > 0 and rc.hi < 2 * rp.lo:
        return "error", shown, "fördubbling"
    if claim.halved and rp.hi > 0 and rc.lo > 0.5 * rp.hi:
        return "error", shown, "halvering"
    return None


def _severity(gap: float, step: float) -> str:
    """Off by no more than one printed unit: a rounding question; else an error."""
    return "rounding" if gap <= step + 1e-9 else "error"


def _change_words(cur: Fact, prev: Fact, rc: Reading, rp: Reading) -> str:
    diff = cur.value - prev.value
    unit = ("procentenhet" if abs(diff) == 1 else "procentenheter") if cur.unit == "procent" else ""
    word = "ökning" if diff > 0 else "minskning" if diff < 0 else "ingen förändring"
    size = f" med {sv_number(abs(diff))} {unit}".rstrip() if diff else ""
    return f"{word}{size}: {prev.period} {prev.printed} → {cur.period} {cur.printed}"


def _finding(c: Comparison, severity: str, expected: str, found: str, context: CheckContext,
             holds_in_report: Optional[tuple[Fact, Fact]] = None) -> Finding:
    """The finding for a comparison; `holds_in_report` is the report's own pair of figures when only
    later figures contradict the claim."""
    s, clause, cur, prev = c.sentence, c.clause, c.cur, c.prev
    involved: list[Fact] = [f for f in s.facts if f.printed and f.printed in clause]
    for f in (c.delta, *(holds_in_report or ()), cur, prev):
        if f is not None and f not in involved:
            involved.append(f)
    refs = [fact_ref(f, context) for f in involved]
    label = measure_words(c.measure, context, cur.measure_label)
    bits = [b for b in (f"s. {s.page}" if s.page is not None else "", f"rad {s.line}" if s.line is not None else "") if b]
    place = f"{s.doc} ({', '.join(bits)})" if bits else s.doc
    if holds_in_report is not None:
        own = _change_words(holds_in_report[0], holds_in_report[1], read_fact(holds_in_report[0], context.tolerances), read_fact(holds_in_report[1], context.tolerances))
        text = (
            f"I {place} står det: ”{clause.strip()}” Det stämmer med rapportens egna siffror ({own}), men "
            f"{cur.doc} har senare redovisat andra siffror för samma år, som visar {expected}. Påståendet "
            f"bygger alltså på siffror som har ändrats; ange vilken årgång av siffrorna som gäller."
        )
    else:
        text = (
            f"I {place} står det: ”{clause.strip()}” Texten påstår {found}, men siffrorna för {label.lower()} "
            f"({breakdown_words(c.breakdown)}) visar {expected} "
            f"(jämförelsevärdet från {prev.doc}{', samma rapport' if prev.doc == s.doc else ''}). "
            f"Kontrollera vilka år och vilket mått meningen avser, och rätta meningen eller siffran."
        )
    return make_finding(
        TYPE, severity, refs, expected=expected, found=found, explanation=text,
        measure=c.measure, period=str(c.year), breakdown=c.breakdown,
        discrepancy=relative_gap(prev.value, cur.value),
    )


CHECK = CheckSpec(
    type=TYPE,
    title="Påstådd utveckling som siffrorna inte visar",
    description=(
        "En mening säger att något har ökat, minskat, är oförändrat, har ändrats marginellt eller med "
        "ett visst antal procentenheter, eller att en grupp har ökat eller minskat mest, men siffrorna för "
        "samma mått och de jämförda åren visar något annat. Texten drar då en slutsats som underlaget inte bär."
    ),
    severities=("error", "rounding", "info"),
    check=check,
)
