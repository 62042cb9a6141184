"""query -> Interpretation -> Answer: every report's figure for a question, or "not reported".

The answer comes from the facts, not from the passages: a retrieval-only tool returns the
nearest number and never says "the reports do not say". So a question is first read as a
catalogue measure, a period and a breakdown (kön, förmån, åldersgrupp, myndighet); then
every fact that matches is returned, one row per report and mention, with its page or line
and quote; facts that the audit found in conflict are marked and the findings attached;
search passages come last, as support. When no fact matches, `not_reported` is true and
the message says what was looked for.

Reading the question is api.answer.interpret's job. `Asker` reads the catalogue, the reports'
vocabulary and the findings once (at server start) and answers many questions; `ask()` is
the one-off form.
"""
from __future__ import annotations

import json
import re
import sqlite3
from dataclasses import replace
from itertools import combinations
from typing import Any, Mapping, Optional, Sequence

from nlp.checks.precision import agree, read
from nlp.store import load_measures

from ..records import Answer, Interpretation, Passage
from ..store.queries import (fact_counts_by_measure, iter_measure_breakdowns, iter_report_texts, iter_text_passages,
                              measure_periods, query_facts, query_findings)
from .ask_words import DEFINING_WORDS, UNIT_FAMILIES
from .figure_search import FigureSearch
from .interpret import MIN_COVERAGE, NOT_SPLIT_BY, Interpreter, Reading, period_in, period_sort_key
from .query_words import words_of
from .text_figures import TextFigures, text_answer_rows

KIND_ORDER = {"table": 0, "body": 1, "summary": 2, "footnote": 3}  # which mention of a figure comes first
# an answer's figures as CSV rows (GET /ask?format=csv, `rapportkoll ask --format csv`)
ANSWER_COLUMNS = ("value", "unit", "period", "measure", "breakdown", "doc", "source_file", "published", "page", "line",
                  "kind", "qualifier", "printed", "conflict", "findings", "fact_id", "quote")

def format_number(value: Any) -> str:
    """Swedish style: thousands spaced ("12 345"), decimal comma ("9,7")."""
    if value is None:
        return "–"
    if isinstance(value, float) and not value.is_integer():
        return f"{value:,.2f}".rstrip("0").rstrip(".").replace(",", " ").replace(".", ",")
    return f"{int(value):,}".replace(",", " ")


def answer_row(fact: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "value": fact["value"], "unit": fact["unit"], "period": fact["period"], "measure": fact["measure"],
        "measure_label": fact["measure_label"], "breakdown": fact["breakdown"], "doc": fact["doc"],
        "source_file": fact["source_file"], "published": fact["published"], "page": fact["page"],
        "page_label": fact["page_label"], "line": fact["line"], "kind": fact["kind"], "quote": fact["quote"],
        "qualifier": fact["qualifier"], "printed": fact["printed"], "fact_id": fact["id"],
        "section": fact.get("section"), "block": fact.get("block"), "cell": fact.get("cell"),
        "conflict": False, "findings": [],
    }


def _clip(text: str, n: int = 300) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def values_disagree(answers: Sequence[Mapping[str, Any]]) -> bool:
    """Whether figures given for one measure, period and breakdown cannot all be one value, as
    printed: "cirka 120 miljoner" and "120 400" (tkr) agree; 1 000 and 1 100 do not."""
    readings = [read(a["value"], a["printed"] or "", a["unit"] or "antal", qualifier=a["qualifier"] or "exact")
                for a in answers]
    return any(not agree(x, y) for x, y in combinations(readings, 2))


def _bd_label(breakdown: Mapping[str, str]) -> str:
    return ", ".join(str(v) for v in breakdown.values())


# A reading of another measure answers instead of the best one only when scored at least this share as
# well (Asker.other_reading): "erbjöds kontaktmöte" is the measure of offered meetings when the meetings
# held have no figure for the year, but a measure that only shares one word of five is not.
OTHER_READING = 0.5
# How many passages a definition question searches for the one that defines the term.
DEFINITION_SEARCH = 20


class Asker:
    """Answers questions against one open knowledge base; everything it reads is read once."""

    def __init__(self, conn: sqlite3.Connection, index: Any = None):
        self.conn = conn
        self.index = index
        counts = fact_counts_by_measure(conn)
        fact_breakdowns: dict[str, set[str]] = {}
        values: dict[str, dict[str, set[str]]] = {}
        for measure, bd in iter_measure_breakdowns(conn):
            for k, v in bd.items():
                fact_breakdowns.setdefault(measure, set()).add(k)
                values.setdefault(measure, {}).setdefault(k, set()).add(str(v))
        measures = load_measures(conn)
        self.interpreter = Interpreter(measures, counts, fact_breakdowns, _vocabulary(conn), breakdown_values=values)
        self.siblings: dict[str, tuple[str, ...]] = {}  # a count and the shares computed from it, both ways
        for m in measures:
            if m.counts_of:
                self.siblings[m.key] = (*self.siblings.get(m.key, ()), m.counts_of)
                self.siblings[m.counts_of] = (*self.siblings.get(m.counts_of, ()), m.key)
        self._figure_search: Optional[FigureSearch] = None
        self._text_figures: Optional[TextFigures] = None
        self.findings_by_fact: dict[str, list[dict[str, Any]]] = {}
        for f in query_findings(conn):
            for x in f["facts"]:
                if x.get("fact"):
                    self.findings_by_fact.setdefault(x["fact"], []).append(f)

    def interpret(self, query: str) -> Interpretation:
        return self.interpreter.interpret(query)

    def figure_search(self) -> FigureSearch:
        """The sentence index for questions no measure covers, built on first use."""
        if self._figure_search is None:
            self._figure_search = FigureSearch(query_facts(self.conn), self.interpreter.lexicon)
        return self._figure_search

    def text_figures(self) -> TextFigures:
        """The running-text index for numbers the reports print but keep no fact of, built on first use."""
        if self._text_figures is None:
            self._text_figures = TextFigures(iter_text_passages(self.conn), self.interpreter.lexicon)
        return self._text_figures

    def passages(self, query: str, k: int = 5, mode: str = "lexical") -> tuple[Passage, ...]:
        """Supporting passages; lexical by default, since a dense query costs ~0.1 s of CPU."""
        if self.index is None or k <= 0:
            return ()
        return tuple(self.index.search(query, k=k, mode=mode))

    def ask(self, query: str, k: int = 5, mode: str = "lexical") -> Answer:
        reading = self.interpreter.read(query)
        interp = self.interpreter.choose(reading)
        passages = self.passages(query, k, mode)
        if interp.measure is None:
            answer = self.answer_from_text(query, interp, passages)
            if answer is not None:
                return answer
            return Answer(query, interp, passages=passages, not_reported=True,
                          message="Rapporterna redovisar ingen siffra som svarar på frågan: ingen mätning i katalogen "
                                  "matchar orden. Se avsnitten nedan, eller GET /measures för de mätningar som finns.")
        if interp.asks_definition:
            return self.define(query, interp, k, mode)
        rows, interp, note = self.facts_for(interp)
        other = self.other_reading(reading, interp, rows)
        if other is not None:
            rows, interp, note = other
        elif rows:
            rows, interp = self.with_ties(reading, interp, rows)
        if not rows:
            return Answer(query, interp, passages=passages, not_reported=True, message=self._not_reported_message(interp))
        unsplit = [k for k in WHERE_KEYS if k in interp.breakdown and all(k not in f["breakdown"] for f in rows)]
        if unsplit:
            note = (f"Rapporterna delar inte upp siffrorna per {', '.join(unsplit)} för perioden; de gäller alla "
                    f"({', '.join(interp.breakdown[k] for k in unsplit)} ingår). " + note).strip()
        answers = [answer_row(f) for f in rows]
        conflicts: dict[str, dict[str, Any]] = {}
        groups: dict[tuple, list] = {}
        for a in answers:
            groups.setdefault(_group_key(a), []).append(a)
        differing = {key for key, group in groups.items() if values_disagree(group)}
        for a in answers:
            linked = self.findings_by_fact.get(a["fact_id"], [])
            a["findings"] = [f["id"] for f in linked]
            for f in linked:
                conflicts.setdefault(f["id"], f)
            a["conflict"] = bool(linked) or _group_key(a) in differing
        ordered = sorted(conflicts.values(), key=lambda f: f.get("rank") or 0)
        return Answer(query, interp, answers=tuple(answers), conflicts=tuple(ordered), passages=passages,
                      message=(note + " " if note else "") + self._message(answers))

    def answer_from_text(self, query: str, interp: Interpretation, passages: tuple[Passage, ...]) -> Optional[Answer]:
        """A question no measure covers, answered from the reports' text, or None.

        First the facts of a sentence that holds nearly all its words, in the unit asked for; then
        a number the question points at that the text prints but no fact holds ("hur många dagar",
        "sedan vilket år", api.answer.text_figures); then, when the question asked for no unit or
        no such number is printed, the facts of that sentence whatever their unit."""
        units = UNIT_FAMILIES.get(interp.asks_for or "")
        found = units and self.figure_search().match(query, interp.period, frozenset(units))
        if not found:
            in_text = self.text_figures().match(query, interp.asks_for, interp.period) if interp.asks_for else ()
            if in_text:
                return self._text_answer(query, interp, in_text, passages)
            found = self.figure_search().match(query, interp.period)
        if found:
            first = found.facts[0]
            where = f"s. {first['page_label'] or first['page']}" if first.get("page") else f"rad {first['line']}"
            return Answer(query, interp, answers=tuple(answer_row(f) for f in found.facts), passages=passages,
                          matched_by="text",
                          message=f"Ingen mätning i katalogen matchar frågan, men en mening i rapporterna har nästan alla "
                                  f"dess ord ({first['doc']}, {where}): ”{_clip(first['quote'] or '')}”")
        in_text = self.text_figures().match(query, interp.asks_for, interp.period) if not interp.asks_for else ()
        return self._text_answer(query, interp, in_text, passages) if in_text else None

    @staticmethod
    def _text_answer(query: str, interp: Interpretation, found, passages) -> Answer:
        """The numbers the question points at in the reports' running text (api.answer.text_figures)."""
        rows = text_answer_rows(found)
        first = rows[0]
        where = f"s. {first['page_label'] or first['page']}" if first.get("page") else f"rad {first['line']}"
        return Answer(query, interp, answers=tuple(answer_row(r) for r in rows), passages=passages, matched_by="text",
                      message=f"Ingen mätning i katalogen matchar frågan, och siffran är ingen statistik bland rapporternas "
                              f"fakta, men rapporten anger den i texten ({first['doc']}, {where}): ”{_clip(first['quote'] or '')}”")

    def define(self, query: str, interp: Interpretation, k: int = 5, mode: str = "lexical") -> Answer:
        """What a measure is: the catalogue's definition and the passage where a report defines the
        term in its own words ("Med gemensam kartläggning avses ..."), first among the passages.
        No figures: the question did not ask for any."""
        m = self.interpreter.measures[interp.measure or ""]
        found = self.passages(query, max(k, DEFINITION_SEARCH), mode)
        words = {w for w in words_of(m.label.lower()) if len(w) > 4}
        stems = {w[:6] for w in words}

        def defines(p: Passage) -> bool:
            text = f" {p.text.lower()} "
            return any(w in text for w in DEFINING_WORDS) and any(s in text for s in stems)

        defining = [p for p in found if defines(p)]
        passages = tuple(defining + [p for p in found if p not in defining])[:max(k, 1 if defining else 0)]
        source = defining[0] if defining else None
        definition = {
            "measure": m.key, "label": m.label, "definition": m.definition, "denominator": m.denominator,
            "report_passage": None if source is None else {
                "doc": source.doc, "source_file": source.source_file, "page": source.page, "line": source.line,
                "text": source.text},
        }
        message = f"{m.label}: {m.definition}"
        if source is not None:
            where = f"s. {source.page_label or source.page}" if source.page else f"rad {source.line}"
            message += f" I rapporten ({source.doc}, {where}): ”{_clip(source.text)}”"
        return Answer(query, interp, passages=passages, message=message, definition=definition)

    def facts_for(self, interp: Interpretation) -> tuple[list[dict[str, Any]], Interpretation, str]:
        """The facts answering an interpretation: (rows, interpretation with `related` set, a note).

        Siblings are a count and the shares computed from it (`counts_of`). A question that does
        not say share or count is answered with the measure's facts and its same-quantity
        sibling's ("omställningsmöten 2019": the count and the share), and, when it names a group
        ("... kvinnor 2018"), with the group's share as well: all with the same period and
        breakdown. A series question without a group stays with the one measure. When the measure has no facts but its same-quantity sibling has, the sibling
        answers and the note says so: the same quantity in another unit, not a nearby number.
        """
        rows = self.matching_facts(interp)
        related: list[str] = []
        note = ""
        stem = (interp.measure or "").rsplit("_", 1)[0]
        siblings = self.siblings.get(interp.measure or "", ())
        if rows and interp.asks_for is None and (interp.breakdown or not interp.series):
            for key in siblings:
                if key.rsplit("_", 1)[0] != stem and not interp.breakdown:
                    continue
                extra = self.matching_facts(replace(interp, measure=key), fallback=False)
                if extra:
                    rows += extra
                    related.append(key)
        elif not rows:
            for key in siblings:
                if key.rsplit("_", 1)[0] != stem:
                    continue
                unit = self.interpreter.measures[key].unit
                if interp.asks_for and unit not in UNIT_FAMILIES.get(interp.asks_for, {interp.asks_for}) and not (
                        interp.count_as_share and unit in UNIT_FAMILIES["procent"]):
                    continue  # "hur många planer" is not answered with a share, nor "hur stor andel" with a count
                extra = self.matching_facts(replace(interp, measure=key), fallback=False)
                if extra:
                    other = self.interpreter.measures[key].label
                    note = f"Rapporterna redovisar inte {interp.measure_label.lower()} här, men väl {other.lower()}:"
                    rows, related = extra, [key]
                    break
        return rows, replace(interp, related=tuple(related)), note

    def other_reading(self, reading: Reading, interp: Interpretation,
                      rows: Sequence[Mapping[str, Any]]) -> Optional[tuple[list[dict[str, Any]], Interpretation, str]]:
        """A nearly as good reading that answers what the best one cannot, or None.

        The best-scored measure may have no figure for the period and breakdown asked, or may not be
        split by a breakdown the question names ("Försäkringskassan", a post): then a measure scored at
        least OTHER_READING times as well, covering the question as a measure must, that the reports
        give for exactly the period and the breakdown the question names, answers instead, and the
        note says which measure that is. With no figure at all, the other measure must also name every
        word the best one matched, or the breakdown it is given for must be one the question named: a
        measure that only shares some words is another quantity, not the one asked about."""
        dropped = [x for x in interp.ignored if NOT_SPLIT_BY in x]
        if interp.measure is None or (rows and not dropped):
            return None
        top = reading.score_of(interp.measure)
        own = next((set(m) for p, _, _, m in reading.scored if p.key == interp.measure), set())
        left = {t.units.word for t in reading.tokens if t.weight == 1.0} - own  # content words the best one left over
        for p, score, coverage, matched in reading.scored:
            if p.key == interp.measure or coverage <= MIN_COVERAGE or score < OTHER_READING * top:
                continue
            wanted_unit = interp.asks_for or (None if rows else interp.unit)
            if wanted_unit and p.unit not in UNIT_FAMILIES.get(wanted_unit, {wanted_unit}):
                continue
            other = self.interpreter.choose(reading, p.key)
            if other.measure != p.key or any(NOT_SPLIT_BY in x for x in other.ignored):
                continue
            if rows and (len(other.breakdown) <= len(interp.breakdown) or not left & set(matched)):
                continue  # it must narrow by what the best reading could not use, and use a word that one left over
            if not rows and not (own <= set(matched) or other.breakdown and set(interp.breakdown.items()) <= set(other.breakdown.items())):
                continue
            found = [f for f in self.matching_facts(other, fallback=False) if f["breakdown"] == dict(other.breakdown)]
            if found:
                where = f" per {', '.join(sorted(k for k in other.breakdown if k not in interp.breakdown))}" if rows else ""
                note = (f"Rapporterna redovisar inte {interp.measure_label.lower()}{where} här, men väl "
                        f"{other.measure_label.lower()}:")
                return found, other, note
        return None

    def with_ties(self, reading: Reading, interp: Interpretation,
                  rows: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], Interpretation]:
        """The answer with the figures of every measure the question cannot tell from the one read: the
        same score from the same words, in the same unit ("samordningsförbundens pengar" names no more
        than the post, so the money allotted, used and given as samverkansmedel all answer), each in
        its own row and listed in `related`, for the same period and breakdown."""
        top = reading.score_of(interp.measure or "")
        own = next((set(m) for p, _, _, m in reading.scored if p.key == interp.measure), None)
        if own is None:
            return rows, interp
        related = list(interp.related)
        for p, score, _, matched in reading.scored:
            if score < top - 1e-9:
                break
            if p.key == interp.measure or p.key in related or p.unit != interp.unit or set(matched) != own:
                continue
            tied = self.interpreter.choose(reading, p.key)
            if tied.measure != p.key or dict(tied.breakdown) != dict(interp.breakdown):
                continue
            extra = self.matching_facts(replace(interp, measure=p.key), fallback=False)
            if extra:
                rows = rows + extra
                related.append(p.key)
        return rows, replace(interp, related=tuple(related))

    def matching_facts(self, interp: Interpretation, fallback: bool = True) -> list[dict[str, Any]]:
        """The facts for the measure, period and breakdown; the exact breakdown first.

        No breakdown asked: the totals, or (with `fallback`) when the reports give none, every
        breakdown. A breakdown asked: facts with exactly it, else facts that have it among others.
        """
        facts = query_facts(self.conn, measure=interp.measure)
        rows = [f for f in facts if period_in(f["period"] or "", interp.period)]
        if not rows and interp.period and interp.period.isdigit():
            # "Från och med 2010 är nyckeltalen 40": a state that holds in every year of its span
            rows = [f for f in facts if holds_in_year(f, int(interp.period))]
        wanted = {k: v for k, v in interp.breakdown.items() if k not in unsplit_where(rows, interp.breakdown)}
        exact = [f for f in rows if f["breakdown"] == wanted]
        if exact:
            rows = exact + finer_splits(rows, wanted, exact)
        elif wanted:
            rows = [f for f in rows if all(f["breakdown"].get(k) == v for k, v in wanted.items())]
        elif not fallback:
            rows = []
        # within a period: the broadest figures first (fewest breakdown keys), then the ones most
        # reports give (where vintages can disagree), then report by report in publication order
        reports: dict[tuple, set] = {}
        for f in rows:
            reports.setdefault((f["period"], json.dumps(f["breakdown"], sort_keys=True)), set()).add(f["doc"])
        rows.sort(key=lambda f: (period_sort_key(f["period"] or ""), len(f["breakdown"]),
                                 -len(reports[(f["period"], json.dumps(f["breakdown"], sort_keys=True))]),
                                 json.dumps(f["breakdown"], sort_keys=True),
                                 f["published"] or "", f["doc"], KIND_ORDER.get(f["kind"], 9), f["line"] or 0, f["page"] or 0))
        return rows

    def _not_reported_message(self, interp: Interpretation) -> str:
        where = []
        if interp.period:
            where.append(f"för {interp.period}")
        if interp.breakdown:
            where.append(f"för {_bd_label(interp.breakdown)}")
        periods = sorted({p for p in measure_periods(self.conn, interp.measure) if p}, key=period_sort_key)
        have = f" Rapporterna har siffror för {', '.join(periods)}." if periods else " Rapporterna har inga siffror för måttet."
        return f"Rapporterna redovisar inte {interp.measure_label.lower() or interp.measure} {' '.join(where)}.".replace(" .", ".") + have

    @staticmethod
    def _message(answers: Sequence[Mapping[str, Any]]) -> str:
        """One sentence per measure: each period and breakdown with every report's value."""
        by_measure: dict[str, list[Mapping[str, Any]]] = {}
        for a in answers:
            by_measure.setdefault(a["measure"], []).append(a)
        return " ".join(_measure_sentence(rows) for rows in by_measure.values())


# A span the report opens with "från och med 2010", "fr.o.m. 2010", "sedan 2010" or "allt sedan 2010":
# what it says holds from that year on, so it answers a question about any year inside the span.
FROM_YEAR_RE = re.compile(r"\b(?:från\s+och\s+med|fr\.?\s?o\.?\s?m\.?|(?:allt\s?)?sedan)\s+(?:år\s+)?(\d{4})(?!\d)", re.IGNORECASE)


def holds_in_year(fact: Mapping[str, Any], year: int) -> bool:
    """Whether a fact for a span answers a question about one year of it: the span covers the year and
    the report's sentence says the figure holds from the span's first year on (a state, "från och med
    2010 är nyckeltalen 40"), not a sum or mean over the span ("2008-2010 deltog 3 060")."""
    period = fact["period"] or ""
    lo, _, hi = period.partition("-")
    if not (lo.isdigit() and (hi.isdigit() or hi == "")):
        return False
    if not int(lo) <= year <= (int(hi) if hi else 10_000):
        return False
    return any(int(y) == int(lo) for y in FROM_YEAR_RE.findall(fact["quote"] or ""))


# Breakdowns a question's word often names only to say where or whom ("sjukskrivna", "hos Arbetsförmedlingen",
# "för köpta rehabtjänster"): where the reports do not split a measure's figures for the period by one at all, the
# figures for all answer, and the answer says so. Where any figure of the period is split by it, it narrows the
# answer as before ("förvaltningsmedlen 2019" is the post's 345 400, not the total). (A group, kön or ålder, is
# never dropped: the total is another group's figure.)
WHERE_KEYS = ("forman", "myndighet", "post")


def unsplit_where(rows: Sequence[Mapping[str, Any]], breakdown: Mapping[str, str]) -> set[str]:
    """The WHERE_KEYS the question names that none of the period's figures is split by."""
    return {k for k in WHERE_KEYS if k in breakdown and rows and not any(k in f["breakdown"] for f in rows)}


def _source(fact: Mapping[str, Any]) -> Optional[str]:
    """Where a figure is printed: its table, or its text passage (None when the fact does not say)."""
    if fact.get("cell"):
        return fact["cell"].rsplit(":", 1)[0]
    return fact.get("block") or None


def finer_splits(rows: Sequence[Mapping[str, Any]], wanted: Mapping[str, str],
                 exact: Sequence[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    """The figures a table or passage gives only split one step further than asked, for the
    periods where it gives none for the breakdown asked: a table of aktivitetsersättning by kön
    with no total column answers "aktivitetsersättning 2022" with its kvinnor and män, beside the
    text's total. A source that does give the asked breakdown adds nothing, nor does a fact that does not
    say where it is printed."""
    have = {(_source(f), f["period"]) for f in exact}
    return [f for f in rows if _source(f) is not None and len(f["breakdown"]) == len(wanted) + 1
            and all(f["breakdown"].get(k) == v for k, v in wanted.items())
            and (_source(f), f["period"]) not in have]


def _group_key(a: Mapping[str, Any]) -> tuple[str, str, str]:
    return (a["measure"], a["period"] or "", json.dumps(a["breakdown"], sort_keys=True))


def _measure_sentence(answers: Sequence[Mapping[str, Any]]) -> str:
    label = answers[0]["measure_label"] or answers[0]["measure"]
    unit = answers[0]["unit"] or ""
    suffix = " procent" if unit == "procent" else (f" {unit}" if unit and unit != "antal" else "")
    by_group: dict[tuple, dict[tuple, Mapping[str, Any]]] = {}
    for a in answers:
        by_group.setdefault((a["period"], _bd_label(a["breakdown"])), {}).setdefault((a["value"], a["doc"]), a)
    if len(by_group) > 3:
        periods = sorted({a["period"] for a in answers}, key=period_sort_key)
        docs = sorted({a["doc"] for a in answers})
        differ = sum(1 for g in by_group.values() if values_disagree(list(g.values())))
        text = f"{label}: {len(by_group)} värden för {periods[0]}–{periods[-1]} ur {len(docs)} rapport(er)."
        if differ:
            text += f" För {differ} av dem anger rapporterna olika värden."
        return text
    parts = []
    for (period, bd), g in by_group.items():
        values = ", ".join(f"{format_number(v)}{suffix} ({doc}, {a['published'] or 'odaterad'})" for (v, doc), a in g.items())
        text = f"{period}" + (f", {bd}" if bd else "") + f": {values}"
        if values_disagree(list(g.values())):
            text += " – rapporterna anger olika värden"
        parts.append(text)
    return f"{label}, " + "; ".join(parts) + "."


def _vocabulary(conn: sqlite3.Connection) -> set[str]:
    """Every word the reports use: the word list compounds are split against."""
    words: set[str] = set()
    for text in iter_report_texts(conn):
        words.update(words_of(text))
    return words


def ask(conn: sqlite3.Connection, query: str, index: Any = None, k: int = 5, mode: str = "lexical") -> Answer:
    """Answer one question (builds an Asker; keep one Asker to answer many)."""
    return Asker(conn, index).ask(query, k=k, mode=mode)


__all__ = ["ANSWER_COLUMNS", "Asker", "Interpreter", "ask", "period_in", "period_sort_key", "format_number"]
