"""A question read once, before a measure is picked: what api.answer.interpret scores and chooses from.

Interpreter.read turns the question into tokens, a period, a unit cue, a breakdown and every catalogue
measure (a MeasureProfile) scored against them; Interpreter.choose picks one measure from that reading,
and api.answer.ask may choose another from the same reading when the best one has no figure. The cues
here are the shape of the question itself: what a "hur många" counts and what an opening "andel" is a
share of.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Mapping, Optional

from .ask_words import BREAKDOWN_WORDS, UNIT_FAMILIES
from .query_words import WordUnits


@dataclass(frozen=True)
class MeasureProfile:
    """A catalogue measure as the interpreter sees it: the word units that name it."""

    key: str
    label: str
    unit: str
    breakdowns: frozenset[str]  # keys from the catalogue and from its facts
    units: frozenset[str]  # keys of its words and of their compound parts
    name_units: frozenset[str]  # the same for the words that name it (label, lemmas, synonyms), not its phrases' context
    population_units: frozenset[str]  # a share's: the words of its label and denominator, which name what it is a share of
    word_keys: frozenset[str]  # keys of its whole words
    label_words: tuple[WordUnits, ...]  # the label's content words
    synonym_keys: tuple[frozenset[str], ...]  # content-word keys of each phrase and synonym
    phrases: tuple[str, ...]  # phrase keys joined by spaces, for word-for-word matches
    n_facts: int
    is_goal: bool
    is_mean: bool  # its label or definition says it is a mean ("Genomsnittlig tid", "Medelålder")
    negated: bool  # the label names a complement ("utan", "ej")
    counts_of: str  # the count measure a share is computed from


# How `ignored` says that the question named a breakdown the measure is not split by
NOT_SPLIT_BY = "måttet redovisas inte per"
# "Hur många skriver in sig ...", "hur många av dem ...", "hur många kvinnor ...": how many people do
# something, which a report often answers with a share ("två av tio (17 procent)"). "Hur många planer
# ..." counts things, and "antal" asks for a count outright: no share stands in for those.
COUNTED_RE = re.compile(r"\bhur många\s+(?:av\s+)?(\w+)")
COUNT_WORD_RE = re.compile(r"\bantal(?:et)?\b")
PEOPLE_PRONOUNS = frozenset({"de", "dem", "som"})  # "hur många (av) dem som ...", "hur många som ..."
# "andel utlandsfödda ...": in a question that opens with "andel", the word after it is what the share is of; a
# share measure that does not name it answers another question ("andel kvinnor" for "andel utlandsfödda"), however
# well the rest fits. ("hur stor andel låg kvar ..." puts a verb there: only the opening "andel" is read so.)
SHARE_HEAD_RE = re.compile(r"^andel(?:en)?\s+(\w+)")
SHARE_FOR_COUNT = "rapporterna redovisar en andel, inget antal"


@dataclass(frozen=True)
class Reading:
    """A question read once: what Interpreter.choose picks a measure from, again for another measure."""

    tokens: tuple
    scored: tuple  # (profile, score, coverage, matched words), best first
    breakdown: Mapping[str, str]
    breakdown_word_keys: Mapping[str, set]
    names: frozenset
    base: Mapping  # period, series, asks_for, asks_definition, read_as
    counted: Optional[str] = None  # the word right after "hur många" ("av" skipped), when no "antal" asks for a count
    share_of: Optional[str] = None  # the word right after "andel"/"andelen": what the share is of

    def score_of(self, key: str) -> float:
        return next((sc for p, sc, _, _ in self.scored if p.key == key), 0.0)


def counts_people(reading: Reading, matched: Iterable[str]) -> bool:
    """Whether a "hur många" question counts people: the word after it points at people ("av dem
    som ..."), is a group's word ("kvinnor") or a word of the measure read ("skriver"); not a thing
    the measure does not name ("planer"), nor a place ("hur många i projektet", whose population the
    measure need not be about)."""
    w = reading.counted
    return w is not None and (w in PEOPLE_PRONOUNS or w in BREAKDOWN_WORDS or w in set(matched))


def counted_thing(reading: Reading, best: MeasureProfile, scored: list, min_coverage: float,
                  runner_up: float) -> Optional[tuple]:
    """Another count measure when "hur många X" names a thing X that the best measure's name does not and that
    one's name does, scoring within `runner_up` of the best: what the question counts decides between them
    ("hur många kommuner var med i förbunden" asks for the kommuner, not the förbund)."""
    word = reading.counted
    if not word or word in PEOPLE_PRONOUNS or word in BREAKDOWN_WORDS:
        return None
    token = next((t for t in reading.tokens if t.units.word == word), None)
    if token is None or token.units.units & best.name_units or best.unit not in UNIT_FAMILIES["antal"]:
        return None
    top = scored[0][1]
    return next((c for c in scored[1:] if c[0].unit in UNIT_FAMILIES["antal"] and c[2] > min_coverage
                 and c[1] >= runner_up * top and token.units.units & c[0].name_units), None)


def share_for_count(reading: Reading, unit: str, matched: Iterable[str]) -> bool:
    """Whether a "hur många" question may be read as a share measure: it counts people and the measure is a share."""
    return unit in UNIT_FAMILIES["procent"] and counts_people(reading, matched)


__all__ = ["COUNT_WORD_RE", "COUNTED_RE", "NOT_SPLIT_BY", "PEOPLE_PRONOUNS", "SHARE_FOR_COUNT", "SHARE_HEAD_RE", "MeasureProfile", "Reading",
           "counted_thing", "counts_people", "share_for_count"]
