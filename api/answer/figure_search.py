"""Figures whose own sentence answers a question that no catalogue measure covers.

The catalogue names the programme's measures; the reports print many other figures ("senast 25
dagar efter sista dag med sjukpenning", "omkring 50 per år"). A question about one of them gets no
measure, and "not reported" would be untrue. Here every fact's sentence (or table row and caption)
is read as words, and the facts whose sentence holds nearly all of the question's content words
answer it, marked as found in the text rather than through a measure. A question whose words no
sentence holds stays unanswered.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping, Optional, Sequence

from .ask_words import BREAKDOWN_WORDS, STOP_WORDS, UNIT_CUES
from .interpret import period_in
from .query_words import QueryLexicon, words_of

# Share of the question's content words the sentence must hold (by stem or compound part).
MIN_COVERAGE = 0.75
# A question of fewer content words than this says too little to pick a sentence by.
MIN_CONTENT_WORDS = 2
# A word this long or longer that ends in -s may be a genitive ("oktobers", "kommunens"); shorter ones rarely are
GENITIVE_MIN = 5
# Content words too general to count for or against a sentence.
_GENERAL = frozenset({"rapport", "rapporten", "rapporterna", "år", "året", "siffra", "siffran", "antal", "andel"})


def content_words(question: str) -> list[str]:
    """The words of a question that say what it is about: no function words, unit cues or general words."""
    return [w for w in words_of(question) if w not in STOP_WORDS and w not in UNIT_CUES and w not in _GENERAL
            and not w.isdigit()]


@dataclass(frozen=True)
class TextMatch:
    facts: tuple[Mapping[str, Any], ...]  # the figures of the best sentence, in reading order
    coverage: float  # share of the question's content words the sentence holds
    words: tuple[str, ...]  # the question's content words


class FigureSearch:
    """Built once per knowledge base from its facts; `match` is then a scan of stemmed sentences."""

    def __init__(self, facts: Sequence[Mapping[str, Any]], lexicon: QueryLexicon):
        self.lexicon = lexicon
        self._sentences: dict[tuple[str, str], list[Mapping[str, Any]]] = {}
        for f in facts:
            self._sentences.setdefault((f["doc"], f["quote"] or ""), []).append(f)
        self._keys = {key: self._units(key[1]) for key in self._sentences}

    def _units(self, text: str) -> frozenset[str]:
        """The keys of a sentence's words and compound parts; a word in the genitive also as the word
        itself ("oktobers kostnad" holds "oktober": Snowball stems the two apart, oktober -> oktob)."""
        out: set[str] = set()
        for w in words_of(text):
            out |= self.lexicon.units(w).units
            if len(w) > GENITIVE_MIN and w.endswith("s") and not w.endswith("ss"):
                out.add(self.lexicon.key(w[:-1]))
        return frozenset(out)

    def content_words(self, question: str) -> list[str]:
        return content_words(question)

    def match(self, question: str, period: Optional[str] = None, fact_units: Optional[frozenset[str]] = None) -> Optional[TextMatch]:
        words = self.content_words(question)
        if len(words) < MIN_CONTENT_WORDS:
            return None
        # a word that names a breakdown value ("AF", "FK", "sjukskrivna") is held by a sentence that prints the
        # value as the reports spell it ("Arbetsförmedlingen") as well as by one that prints the word itself
        wanted = [(self.lexicon.units(w), *(self.lexicon.units(v) for v in words_of(BREAKDOWN_WORDS.get(w, ("", ""))[1])
                                             if v not in STOP_WORDS)) for w in words]
        best: Optional[tuple[float, int, tuple[str, str]]] = None
        for key, sentence in self._keys.items():
            held = sum(1 for forms in wanted if any(u.key in sentence or (u.parts and all(p in sentence for p in u.parts))
                                                    for u in forms))
            coverage = held / len(wanted)
            if coverage < MIN_COVERAGE:
                continue
            facts = [f for f in self._sentences[key] if period_in(f["period"] or "", period) and (fact_units is None or f["unit"] in fact_units)]
            if not facts:
                continue
            rank = (coverage, -len(key[1]), key)
            if best is None or rank[:2] > best[:2]:
                best = rank
        if best is None:
            return None
        facts = [f for f in self._sentences[best[2]] if period_in(f["period"] or "", period) and (fact_units is None or f["unit"] in fact_units)]
        facts.sort(key=lambda f: (f["line"] or 0, f.get("offset") or 0))
        return TextMatch(tuple(facts), best[0], tuple(words))


__all__ = ["FigureSearch", "TextMatch", "MIN_COVERAGE", "content_words"]
