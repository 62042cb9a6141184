"""Swedish compounds split into known words: "omställningsmötena" -> omställning + möte.

This module is the standard-library half of the program's one compound splitter: the word
lists and rules (data), and CompoundSplitter, the splitter over a plain word list. The
splitter the program uses is nlp.compounds.Splitter (split_compound): hunspell-sv (read by
spylls) finds where a word splits, the lemma table names the parts, the derivation guards
below keep "återgång" or "handläggare" whole, and CompoundSplitter covers the words hunspell
has no analysis for (and everything when spylls or the dictionary is missing).

CompoundSplitter: the lookup lemmatizer leaves compounds alone, so "omställningsmötena"
would never meet the catalogue's "möten för omställning". Splitting needs only a list of
known words: the keys and lemmas of spacy-lookups-data's Swedish lemma table (about 660 000
forms), which installs from PyPI and works offline.

A split is a sequence of known words whose concatenation is the compound, allowing a
linking morpheme ("fogemorfem") after a part: omställning+s+möte, kvinno (kvinna),
arbets (arbete: the lemma table knows "arbets"). Fewest parts win, then the longest last
part, since the last part (the head) carries the meaning and the inflection.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Callable, Optional

# Linking morphemes between parts: "omställning-s-möte", "gäst-a-bud", "kyrk-o-gård".
LINKING_MORPHEMES: tuple[str, ...] = ("s", "e", "a", "o", "u")
# Stems that end a first part after an -a/-e has dropped: "kvinn(a)-o-", "skol(a)-".
TRUNCATED_ENDINGS: tuple[str, ...] = ("a", "e")

# Endings of derived nouns that always take a linking -s- ("överlämning-s-möte",
# "myndighet-s-", "samverkan-s-"): such a first part is accepted even when the
# word list lacks it, since the endings are productive.
LINKING_S_ENDINGS: tuple[str, ...] = ("ning", "tion", "het", "itet", "else", "ande", "ende", "skap")

MIN_PART = 3  # "sjuk", "kön", "tid"; two letters ("om", "in") are prefixes, not parts
MIN_WORD = 7  # shorter words are not worth splitting (nor worth asking hunspell about)

# --- derivation guards: what looks like a compound but is not one ---------------------------------
# Rule R7 of benchmarks/compounds_gold.yaml as data; nlp.compounds.Splitter applies them.
# R7a: a particle or prefix as first part makes a derivation, not a compound (åter|gång,
# över|lämning, genom|förande): such a word is kept whole.
PARTICLES: frozenset[str] = frozenset([
    "av", "an", "be", "bi", "bort", "efter", "emot", "er", "fram", "för", "före", "förut", "genom",
    "hem", "in", "med", "mot", "ned", "ner", "om", "på", "sam", "samman", "till", "tillbaka", "under",
    "upp", "ut", "utom", "vid", "åter", "över",
])
# R7c: heads that are suffixes: -vis adverbs (inledningsvis, exempelvis) always ...
SUFFIX_HEADS: frozenset[str] = frozenset({"vis"})
# ... and -dom after a bare stem (sjuk|dom, ung|dom), though "dom" is a word too.
BARE_SUFFIX_HEADS: frozenset[str] = frozenset({"dom"})
# R7b: a head derived from a verb ("läggning", "läggare", "skriven") after a bare modifier, when
# the dictionary knows modifier + verb as one verb (handlägga, kartlägga, sjukskriva):
# handläggare comes from handlägga, not from hand + läggare. The endings that make such heads:
VERB_DERIVATION_ENDINGS: tuple[str, ...] = ("ning", "are", "ande", "ende", "else", "en", "ad", "d")


class CompoundSplitter:
    """Split words against a vocabulary; results are cached per word.

    `is_known(word)` answers whether a lower-case form is a Swedish word. `lemma(word)` gives
    its lemma (or the word itself) so a head can be normalised ("mötena" -> "möte").
    """

    def __init__(self, is_known: Callable[[str], bool], lemma: Optional[Callable[[str], str]] = None,
                 is_lemma: Optional[Callable[[str], bool]] = None, cache_size: int = 65536):
        self._is_known = is_known
        self._lookup = lemma or (lambda w: w)
        self._is_lemma = is_lemma or (lambda w: False)
        self.split = lru_cache(maxsize=cache_size)(self._split)  # type: ignore[method-assign]

    def _lemma(self, word: str) -> str:
        """A part's lemma; a word that is a lemma itself stays ("sjuk", not the verb "sjuka")."""
        return word if self._is_lemma(word) else self._lookup(word)

    def first_part(self, left: str) -> Optional[str]:
        """The lemma of a first part, undoing a linking morpheme; None when unknown."""
        if len(left) < MIN_PART:
            return None
        if self._is_known(left):
            return self._lemma(left)
        if left[-1] in LINKING_MORPHEMES and len(left) - 1 >= MIN_PART:
            bare = left[:-1]
            if self._is_known(bare):
                return self._lemma(bare)
            if left[-1] == "s" and bare.endswith(LINKING_S_ENDINGS) and len(bare) >= 6:
                return bare
            for ending in TRUNCATED_ENDINGS:
                if self._is_known(bare + ending):
                    return bare + ending
        for ending in TRUNCATED_ENDINGS:
            if self._is_known(left + ending):
                return left + ending
        return None

    def _split(self, word: str) -> tuple[str, ...]:
        """The parts of `word` as lemmas, or `(word,)` when it is not a compound we know."""
        w = word.lower()
        if len(w) < MIN_WORD or not w.isalpha() or self._is_known(w):
            return (w,)  # short, not a word, or a word the list knows: not split further
        best: Optional[tuple[str, ...]] = None
        for cut in range(MIN_PART, len(w) - MIN_PART + 1):
            left, right = w[:cut], w[cut:]
            first = self.first_part(left)
            if first is None:
                continue
            if self._is_known(right):
                rest: tuple[str, ...] = (self._lemma(right),)
            else:
                rest = self._split(right)
                if len(rest) == 1:
                    continue  # the rest is no word and no compound
            candidate = (first, *rest)
            if best is None or _better(candidate, best):
                best = candidate
        return best if best is not None else (w,)

    def parts(self, word: str) -> tuple[str, ...]:
        """The lemmas of the parts of `word`; for a word that is no compound, its lemma."""
        split = self.split(word)
        if len(split) == 1:
            return (self._lemma(split[0]),)
        return split


def _better(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    if len(a) != len(b):
        return len(a) < len(b)
    return len(a[-1]) > len(b[-1])


__all__ = [
    "BARE_SUFFIX_HEADS",
    "LINKING_MORPHEMES",
    "MIN_PART",
    "MIN_WORD",
    "PARTICLES",
    "SUFFIX_HEADS",
    "VERB_DERIVATION_ENDINGS",
    "CompoundSplitter",
]
