"""The number a question asks for where the reports print it in running text but keep no fact of it.

Extraction keeps the statistics and sets other numbers aside on purpose: "senast 25 dagar efter sista
dag med sjukpenning" is a rule's time, "gäller till och med 2024" a year, and "omfattar två delar" a
number word with no unit. A question may still ask for exactly such a number ("Inom hur många dagar
...", "Hur många delar omfattar ..."). So the reports' paragraphs and footnotes are read as words,
and a paragraph (with its section headings) that holds nearly all of the question's content words,
each weighted by how few paragraphs use it, is searched for the number the question's own wording
points at, and only that:

- "hur många N", "antalet N": a number printed just before the noun N ("tre kommuner", "två olika
  förmåner");
- a unit ("hur många dagar", "hur stor andel"): a number followed by a word of that unit ("25 dagar");
- a year ("vilket år", "när"): a year, first the one after the word the question puts before its
  cue ("sedan vilket år" -> "sedan 2012");
- a question that stops where the figure would stand ("... gäller till och med"): the number right
  after those words in the text.

A paragraph with no such number answers nothing, however well its words match; a question with no
such pointer gets nothing here. Each report's best paragraph answers, so every report's value comes
back. The answers are marked as read from the text: they carry no fact id.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from math import log
from typing import Any, Iterable, Mapping, Optional, Sequence

from nlp.records import UNCLASSIFIED
from nlp.sv.numerals import NUMBER_WORDS
from nlp.sv.units import UNITS

from .ask_words import STOP_WORDS, TIME_PREPOSITIONS, UNIT_CUES, UNIT_FAMILIES
from .figure_search import content_words
from .query_words import QueryLexicon, words_of

# Share of the question's content weight the paragraph (with its headings) must hold; a word the paragraph
# lacks but its report uses elsewhere counts this much ("Uppdraget gäller ... två olika förmåner" is about "det
# förstärkta samarbetet" its report keeps naming; a report that names "handlingsplanen" once, in a footnote, is not
# about it). The whole word, not its compound parts: every report has "hand", "ling" and "plan" somewhere.
MIN_COVERAGE = 0.75
REPORT_WORD = 0.5
REPORT_TOPIC_PASSAGES = 3  # a word in at least this many of a report's paragraphs and footnotes is what it is about
# Share the sentence that prints the number must hold itself: the number is about the question's matter.
MIN_SENTENCE_COVERAGE = 0.5
# Share of the question's content weight a keyword question's sentence holds to be answered by all its numbers.
WHOLE = 0.999
# Words that may stand between a number and the noun it counts ("två olika förmåner"); no function word
# ("tre kommuner som arbetsgivare" counts kommuner).
MAX_GAP = 2
# A question that stops where the figure would stand must end in at least this many of the words
# printed before it ("gäller till och med" | 2024).
MIN_CLOZE = 2
YEAR_CUES = ("vilket år", "vilka år", "när", "årtal")
# "hur många N", "antalet N": the counted words are the first (at most two) content words after the cue
COUNT_CUE_RE = re.compile(r"\b(?:hur många|antalet|antal)\s+(\w+(?:\s+\w+)?)")
# digits as printed ("4 500", "2,7"), a percent sign, or a word
TOKEN_RE = re.compile(r"\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:,\d+)?(?![\d,])|\d+(?:,\d+)?|%|[a-zåäöéüæø]+(?:-[a-zåäöéüæø]+)*")
SENTENCE_END_RE = re.compile(r"(?<=[.!?])[\u00b9\u00b2\u00b3\u2070-\u2079]*\s+(?=[A-ZÅÄÖ\d])")


@dataclass(frozen=True)
class _Number:
    at: int  # token index in the sentence
    value: float
    printed: str
    unit: str
    scale: float
    is_year: bool


def _tokens(sentence: str) -> list[str]:
    return TOKEN_RE.findall(sentence.lower())


def _numbers(tokens: Sequence[str]) -> list[_Number]:
    out = []
    for i, t in enumerate(tokens):
        if t[0].isdigit():
            value = float(re.sub(r"[ \u00a0\u202f]", "", t).replace(",", "."))
            is_year = bool(re.fullmatch(r"(?:19|20)\d\d", t))
        elif t in NUMBER_WORDS:
            value, is_year = float(NUMBER_WORDS[t]), False
        else:
            continue
        unit, scale, printed = "antal", 1.0, t
        two = " ".join(tokens[i + 1:i + 3])
        for w in (two, tokens[i + 1] if i + 1 < len(tokens) else ""):
            if w in UNITS:
                unit, scale = UNITS[w]
                printed = f"{t} {w}"
                break
        if is_year and unit == "antal":
            unit = "år"
        out.append(_Number(i, value * scale, printed, unit, scale, is_year))
    return out


@dataclass(frozen=True)
class _Passage:
    row: Mapping[str, Any]
    keys: frozenset[str]  # the paragraph's and its headings' word keys (and compound parts)
    sentences: tuple[tuple[str, frozenset[str]], ...]  # each sentence with its own keys


@dataclass(frozen=True)
class TextFigure:
    row: Mapping[str, Any]  # the paragraph or footnote
    sentence: str
    numbers: tuple[_Number, ...]  # the number pointed at; for a keyword question every number of the sentence
    coverage: float


class TextFigures:
    """Built once per knowledge base from its running text (api.store.queries.iter_text_passages)."""

    def __init__(self, passages: Iterable[Mapping[str, Any]], lexicon: QueryLexicon):
        self.lexicon = lexicon
        self._passages: list[_Passage] = []
        df: dict[str, int] = {}
        in_report: dict[str, dict[str, int]] = {}
        for p in passages:
            sentences = tuple((s, self._keys(s)) for s in SENTENCE_END_RE.split(p["text"]) if s.strip())
            keys = self._keys(" ".join(p["section"] or ())) | frozenset().union(*(k for _, k in sentences))
            self._passages.append(_Passage(p, keys, sentences))
            counts = in_report.setdefault(p["doc"], {})
            for k in keys:
                counts[k] = counts.get(k, 0) + 1
                df[k] = df.get(k, 0) + 1
        self._report_keys = {doc: frozenset(k for k, c in counts.items() if c >= REPORT_TOPIC_PASSAGES)
                             for doc, counts in in_report.items()}
        n = max(len(self._passages), 1)
        self._idf = {k: log(1 + n / c) for k, c in df.items()}
        self._unknown_idf = log(1 + n)

    def _keys(self, text: str) -> frozenset[str]:
        out: set[str] = set()
        for w in words_of(text):
            out |= self.lexicon.units(w).units
        return frozenset(out)

    def _weight(self, unit) -> float:
        return self._idf.get(unit.key, self._unknown_idf)

    @staticmethod
    def _holds(unit, keys: frozenset[str]) -> bool:
        return unit.key in keys or bool(unit.parts) and all(p in keys for p in unit.parts)

    def match(self, question: str, asks_for: Optional[str] = None, period: Optional[str] = None) -> list[TextFigure]:
        """Each report's figure the question points at, best report first; [] when none."""
        text = " ".join(re.sub(r"[?!.,;:()\"”“'’]+", " ", question.lower()).split())
        words = [self.lexicon.units(w) for w in content_words(text) if w not in NUMBER_WORDS]
        if len(words) < 2:
            return []
        weights = [self._weight(u) for u in words]
        total = sum(weights)
        pointer = self._pointer(text, asks_for)
        if pointer is None:
            return []
        best: dict[str, TextFigure] = {}
        ranks: dict[str, tuple] = {}
        for p in self._passages:
            report = self._report_keys[p.row["doc"]]
            coverage = sum(w if self._holds(u, p.keys) else REPORT_WORD * w if u.key in report else 0.0
                           for u, w in zip(words, weights)) / total
            if coverage < MIN_COVERAGE:
                continue
            for sentence, keys in p.sentences:
                if period and not _names_period(sentence, period):
                    continue
                held = sum(w for u, w in zip(words, weights) if self._holds(u, keys)) / total
                if held < MIN_SENTENCE_COVERAGE:
                    continue
                if pointer == ("year", None) and held < MIN_COVERAGE:
                    continue  # a bare "när": the year's own sentence must be about the question, not its paragraph
                found = self._pointed(sentence, pointer, period, whole=held >= WHOLE)
                if found is None:
                    continue
                numbers, strength = found
                rank = (coverage, strength, held)
                doc = p.row["doc"]
                if doc not in ranks or rank > ranks[doc]:
                    ranks[doc] = rank
                    best[doc] = TextFigure(p.row, sentence.strip(), numbers, round(coverage, 3))
        return [best[d] for d in sorted(best, key=lambda d: ranks[d], reverse=True)]

    def _pointer(self, text: str, asks_for: Optional[str]) -> Optional[tuple[str, Any]]:
        """What in the question points at the number: ("count", the counted words' keys), ("unit",
        unit), ("year", the preposition the question puts before its cue, or None), ("cloze", the
        question's words), or None."""
        padded = f" {text} "
        if asks_for == "år":
            cue = next((c for c in YEAR_CUES if f" {c} " in padded), None)
            before = padded.split(f" {cue} ", 1)[0].split() if cue else []
            return "year", (before[-1] if before and before[-1] in TIME_PREPOSITIONS else None)
        if asks_for in ("dagar", "procent", "kronor"):
            return "unit", asks_for
        if asks_for == "antal":
            m = COUNT_CUE_RE.search(text)
            run = []
            for w in (m.group(1).split() if m else []):
                if w in STOP_WORDS or w in UNIT_CUES or w in NUMBER_WORDS:
                    break
                run.append(self.lexicon.key(w))
            return ("count", frozenset(run)) if run else None
        if asks_for is None:
            return "cloze", [w for w in _tokens(text) if not w[0].isdigit()]
        return None

    def _pointed(self, sentence: str, pointer: tuple[str, Any], period: Optional[str],
                 whole: bool = False) -> Optional[tuple[tuple[_Number, ...], tuple]]:
        """The number of the sentence the pointer points at, with how strongly; None when none. A
        keyword question the sentence holds whole (`whole`) and that stops nowhere in it gets every
        number of the sentence, as a figure's sentence answers it (api.answer.figure_search)."""
        kind, what = pointer
        tokens = _tokens(sentence)
        found: list[tuple[tuple, _Number]] = []
        numbers = [n for n in _numbers(tokens) if not (period and n.is_year and _names_period(n.printed, period))]
        for n in numbers:
            if kind == "count":
                if n.is_year:
                    continue
                gap = next((g for g in range(MAX_GAP + 1) if n.at + 1 + g < len(tokens)
                            and self.lexicon.key(tokens[n.at + 1 + g]) in what), None)
                if gap is not None and not any(t[0].isdigit() or t in NUMBER_WORDS or t in STOP_WORDS
                                               for t in tokens[n.at + 1:n.at + 1 + gap]):
                    found.append(((-gap,), n))
            elif kind == "unit":
                if n.unit in UNIT_FAMILIES.get(what, {what}):
                    found.append(((0,), n))
            elif kind == "year":
                if n.is_year and (what is None or n.at > 0 and tokens[n.at - 1] == what):
                    found.append(((0,), n))
            elif kind == "cloze":
                before = tokens[max(0, n.at - len(what)):n.at]
                same = 0
                while same < min(len(before), len(what)) and \
                        self.lexicon.key(before[-1 - same]) == self.lexicon.key(what[-1 - same]):
                    same += 1
                if same >= MIN_CLOZE:
                    found.append(((same,), n))
        if not found:
            return (tuple(numbers), (0,)) if kind == "cloze" and whole and numbers else None
        strength, number = max(found, key=lambda x: x[0])
        return (number,), strength


def _names_period(text: str, period: str) -> bool:
    lo, _, hi = period.partition("-")
    years = {int(y) for y in re.findall(r"(?<!\d)((?:19|20)\d\d)(?!\d)", text)}
    if not hi and "-" not in period:
        return int(lo) in years
    return any(int(lo) <= y <= (int(hi) if hi else 9999) for y in years)


def text_answer_rows(found: Sequence[TextFigure]) -> list[dict[str, Any]]:
    """The figures as answer rows (the fields of a fact's row); `id` is empty: no fact holds them."""
    return [{
        "id": "", "value": int(n.value) if float(n.value).is_integer() else n.value, "unit": n.unit,
        "period": None, "measure": UNCLASSIFIED, "measure_label": "", "breakdown": {}, "doc": f.row["doc"],
        "source_file": f.row["source_file"], "published": f.row["published"], "page": f.row["page"],
        "page_label": f.row["page_label"], "line": f.row["line"],
        "kind": "footnote" if f.row["kind"] == "footnote" else "body", "quote": f.sentence, "qualifier": "exact",
        "printed": n.printed, "section": " > ".join(f.row["section"] or ()), "block": f.row["id"], "cell": None,
    } for f in found for n in f.numbers]


__all__ = ["MIN_COVERAGE", "TextFigure", "TextFigures", "text_answer_rows"]
