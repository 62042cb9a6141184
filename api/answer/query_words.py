"""Comparison keys for the words of a question: Snowball Swedish plus compound parts.

Why not nlp.wordkeys: that lexicon reads spaCy's 660 000-form lemma table, which costs
seconds at server start; a question needs only to meet the catalogue's and the reports' own
words. So the word list here is the knowledge base's vocabulary (the reports' text and the
catalogue), read once, and a compound splits into words of that list:
"omställningsmöten" -> omställning + möt, which also meets "möten för omställning".

A key is the Snowball stem with the light endings Snowball leaves behind trimmed
("omställningsmötena" -> omställningsmöten -> omställningsmöt, "gemensamma" ->
gemensamm -> gemensam, "arbetsförmågan" -> arbetsförmåg), so inflected forms meet.

A word the vocabulary does not know and that does not split is read as the vocabulary's word
it is typed for, when exactly one fits (`spelled`): the same letters without å, ä, ö
("omstallningsmote" -> omställningsmöte), or, for a long word, one letter added, dropped,
changed or two swapped ("kartlägning" -> kartläggning). Two words that fit equally are no
reading: the word stays unknown.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Mapping

from nlp.stemmer import stem_word_function

WORD_RE = re.compile(r"[a-zåäöéüæø]+(?:-[a-zåäöéüæø]+)*")
# Endings Snowball leaves on some forms (one is trimmed, longest first): "omställningsmötena" stems
# to omställningsmöten, "arbetsförmågan" stays whole, "rehabiliteringsinsats" keeps its -s.
TRIM_SUFFIXES = ("ena", "an", "en", "na", "a", "e", "s")
MIN_STEM = 3  # never trim a key below this: "möte" -> "möt", but "kön", "tid", "män" stay
MIN_PART = 4  # a compound part has at least four letters ("möte", "sjuk"); "om", "in" are prefixes
LINKING = ("s", "e", "a", "o")  # fogemorfem: omställning-s-möte, kvinn-o-
# A head never starts with a derivational ending: "kartläggn|ingar" is one word, not two; unless the head is
# a word of its own longer than MIN_PART ("andel" in "kvinnoandelen").
NOT_HEADS = ("ing", "ning", "het", "lig", "else", "are", "ade", "isk", "ande", "ende")
# Letters a keyboard without Swedish keys, or a hurried user, types without their marks.
FOLD = str.maketrans("åäöéüæø", "aaoeuao")
SPELL_MIN = 7  # a word is read as a vocabulary word one edit away only from this length: "kartlägning" (11)
# -> kartläggning, but "anslog" (6) is no misspelling of "anslag"; at four letters one edit makes another word


@dataclass(frozen=True)
class WordUnits:
    """What one word can meet: its own key and, for a compound, the keys of its parts."""

    word: str
    key: str
    parts: tuple[str, ...] = ()

    @property
    def units(self) -> frozenset[str]:
        return frozenset((self.key, *self.parts))


class QueryLexicon:
    """Stems and splits words against a vocabulary; caches per word (one per app, not global).

    `aliases` maps an everyday word to the reports' word for it ("plugga" -> "studier"): compared
    as keys, so every inflection meets ("pluggade", "pluggar"), and also as a compound part
    ("rehabtjänster" -> rehabilitering + tjänst, "förvaltningspengarna" -> förvaltning + medel)."""

    def __init__(self, vocabulary: Iterable[str] = (), aliases: Mapping[str, str] | None = None):
        self._stem = stem_word_function()
        self._cache: dict[str, WordUnits] = {}
        self.known: set[str] = set()
        self._folded: dict[str, set[str]] = {}  # a word or key without å, ä, ö -> the vocabulary's words
        self._one_off: dict[str, set[str]] | None = None  # a folded word with one letter dropped -> words, built on first use
        self.aliases: dict[str, str] = {self.key(a): self.key(b) for a, b in (aliases or {}).items()}
        self.add_words(vocabulary)

    def add_words(self, words: Iterable[str]) -> None:
        for w in words:
            w = w.lower()
            if len(w) >= MIN_PART and w.isalpha():
                key = self.key(w)
                self.known.add(key)
                self._folded.setdefault(w.translate(FOLD), set()).add(w)
                self._folded.setdefault(key.translate(FOLD), set()).add(w)

        self.known |= self.aliases.keys()
        self._cache.clear()
        self._one_off = None

    def key(self, word: str) -> str:
        s = self._stem(word.lower())
        for suffix in TRIM_SUFFIXES:
            if s.endswith(suffix) and len(s) - len(suffix) >= MIN_STEM:
                s = s[: -len(suffix)]
                break
        if len(s) > MIN_STEM and s[-1] == s[-2] and s[-1] not in "aeiouyåäö":
            s = s[:-1]  # gemensamm -> gemensam, kvinn -> kvin
        return s

    def is_known(self, word: str) -> bool:
        return self.key(word) in self.known

    def units(self, word: str) -> WordUnits:
        w = word.lower()
        hit = self._cache.get(w)
        if hit is None:
            key = self.key(w)
            parts = tuple(self.aliases.get(p, p) for p in self._split(w) or ())
            hit = WordUnits(w, self.aliases.get(key, key), parts)
            self._cache[w] = hit
        return hit

    def spelled(self, word: str) -> str | None:
        """The vocabulary's word an unknown word is typed for, or None: the word is known, splits into
        known parts, or no single word fits. Without å, ä, ö first ("omstallningsmote" ->
        "omställningsmöte"); then, from SPELL_MIN letters, one edit away ("kartlägning")."""
        w = word.lower()
        if len(w) < MIN_PART or not w.isalpha() or self.is_known(w) or self.units(w).parts:
            return None
        folded = w.translate(FOLD)
        found = self._folded.get(folded) or self._folded.get(self.key(folded).translate(FOLD))
        if not found and len(w) >= SPELL_MIN:
            found = self._one_edit(folded)
        # one word in its forms, however the reports mark it ("arbetsformedlingen" in a web address);
        # the spelling with å, ä, ö, the shortest form, is the one read
        keys = {self.key(f).translate(FOLD) for f in found or ()}
        return min(found, key=lambda f: (f == f.translate(FOLD), len(f), f)) if len(keys) == 1 else None

    def _one_edit(self, folded: str) -> set[str]:
        """Vocabulary words one edit from a folded word: one letter dropped on either side, or on
        both at once (a letter changed, two swapped): the symmetric-delete lookup."""
        if self._one_off is None:
            self._one_off = {}
            for form, words in self._folded.items():
                if len(form) >= SPELL_MIN - 1:
                    for d in _deletes(form):
                        self._one_off.setdefault(d, set()).update(words)
        found = set(self._one_off.get(folded, ()))  # a letter dropped from the vocabulary's word
        for d in _deletes(folded):
            found |= self._folded.get(d, set()) | self._one_off.get(d, set())
        return found

    def _part_key(self, part: str) -> str | None:
        """The key of a first part, allowing a linking letter; None when not a known word."""
        if len(part) >= MIN_PART and self.key(part) in self.known:
            return self.key(part)
        if part[-1] in LINKING and len(part) - 1 >= MIN_PART and self.key(part[:-1]) in self.known:
            return self.key(part[:-1])
        return None

    def _split(self, w: str, depth: int = 0) -> tuple[str, ...] | None:
        """Parts of a compound, fewest parts first, then the longest head; None when it does not split."""
        if "-" in w:
            parts = [p for p in w.split("-") if p]
            return tuple(self.key(p) for p in parts) if len(parts) > 1 else None
        if len(w) < 2 * MIN_PART or not w.isalpha():
            return None
        best: tuple[str, ...] | None = None
        for cut in range(MIN_PART, len(w) - MIN_PART + 1):
            left, right = w[:cut], w[cut:]
            if right.startswith(NOT_HEADS) and len(self.key(right)) <= MIN_PART:
                continue  # (a longer known word is a head all the same: "kvinno|andelen", not "kvinnoand|elen")
            first = self._part_key(left)
            if first is None:
                continue
            if self.key(right) in self.known:
                candidate: tuple[str, ...] = (first, self.key(right))
            elif depth < 2 and (rest := self._split(right, depth + 1)):
                candidate = (first, *rest)
            else:
                continue
            if best is None or (len(candidate), -len(candidate[-1])) < (len(best), -len(best[-1])):
                best = candidate
        return best


def _deletes(word: str) -> set[str]:
    return {word[:i] + word[i + 1:] for i in range(len(word))}


def words_of(text: str) -> list[str]:
    return WORD_RE.findall(text.lower())


__all__ = ["QueryLexicon", "WordUnits", "words_of", "WORD_RE"]
