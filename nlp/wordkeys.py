"""Comparison keys for Swedish words, so inflections and compounds meet.

"omställningsmötena", "omställningsmöten" and "möten för omställning" must all meet the
catalogue's "omställningsmöte". A word's keys are the Snowball stems of its form and of its
lookup lemma; a compound also has the keys of its parts ("omställning", "möte"). Compounds
are split by the program's one splitter, nlp.compounds.Splitter (hunspell-sv's splits, parts
named by the lemma table of spacy-lookups-data, which this lexicon reads from the pipeline).

Built once from a pipeline with a lookup lemmatizer (make_nlp) and passed on; caches per word.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from nlp.stemmer import swedish_stemmer

from spacy.language import Language

from nlp.compounds import Splitter, share_splitter
from nlp.sv.compounds import CompoundSplitter


@dataclass(frozen=True)
class WordKeys:
    whole: frozenset[str]  # stems of the word and its lemma
    parts: tuple[frozenset[str], ...] = ()  # per compound part: its stems (empty if no compound)
    exact: bool = False  # True: meets a cue only as a whole word (a group word such as "sjukpenning")

    @property
    def all(self) -> frozenset[str]:
        out = set(self.whole)
        for p in self.parts:
            out |= p
        return frozenset(out)


class Lexicon:
    """Lemmas, compound parts and comparison keys for Swedish words."""

    def __init__(self, table: Optional[object] = None, lemma_set: Optional[frozenset[str]] = None):
        self._table = table
        self._lemmas = lemma_set or frozenset()
        self._stemmer = swedish_stemmer()
        # A bare lexicon (no lemma table: a pipeline without lemmatizer) splits nothing, as before,
        # and never loads the hunspell dictionary.
        self.splitter: Splitter | CompoundSplitter = (
            Splitter(self.is_known, self._lookup, self.is_lemma) if table is not None
            else CompoundSplitter(self.is_known, self._lookup, self.is_lemma))
        self.keys = lru_cache(maxsize=65536)(self._keys)  # type: ignore[method-assign]

    @classmethod
    def from_nlp(cls, nlp: Language) -> "Lexicon":
        """The lookup table of the pipeline's lemmatizer; a bare Lexicon when there is none."""
        if "lemmatizer" not in nlp.pipe_names:
            return cls()
        lemmatizer = nlp.get_pipe("lemmatizer")
        table = lemmatizer.lookups.get_table("lemma_lookup")
        lexicon = cls(table, frozenset(table.values()))
        # spacy-lookups-data's Swedish table, as nlp.compounds.default_splitter reads it: one
        # splitter (and one split per word) for the measures and the search index of a process
        lexicon.splitter = share_splitter(lexicon.splitter)
        return lexicon

    def is_known(self, word: str) -> bool:
        return word in self._lemmas or (self._table is not None and word in self._table)

    def is_lemma(self, word: str) -> bool:
        return word in self._lemmas

    def _lookup(self, word: str) -> str:
        if self._table is None:
            return word
        return self._table.get(word, word)

    def lemma(self, word: str) -> str:
        """The lemma of a word form; a compound gets its first parts as printed plus its head's lemma."""
        w = word.lower()
        if self.is_lemma(w):
            return w
        if self._table is not None and w in self._table:
            return self._table.get(w, w)
        parts = self.splitter.split(w)
        if len(parts) > 1:
            head = parts[-1]
            # keep the printed front ("omställnings") and normalise the head ("mötena" -> "möte")
            for cut in range(len(w) - 1, 0, -1):
                if self.lemma_of_head(w[cut:]) == head:
                    return w[:cut] + head
        return w

    def lemma_of_head(self, form: str) -> str:
        return form if self.is_lemma(form) else self._lookup(form)

    def stem(self, word: str) -> str:
        return self._stemmer.stemWord(word.lower())

    def _keys(self, word: str) -> WordKeys:
        w = word.lower()
        whole = {self.stem(w), self.stem(self.lemma(w)), w}
        split = self.splitter.split(w)
        parts: tuple[frozenset[str], ...] = ()
        if len(split) > 1:
            parts = tuple(frozenset({self.stem(p), p}) for p in split)
        return WordKeys(frozenset(whole), parts)


__all__ = ["Lexicon", "WordKeys"]
