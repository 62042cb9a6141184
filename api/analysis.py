"""Swedish text -> search terms for the lexical index: numbers whole, stems, compound parts.

- Numbers are kept whole as printed-without-spaces: "8 662" (with a space, no-break or thin
  space) is the term "8662", "9,7" stays "9,7", "−5 000" is "5000". Single characters are
  kept (bm25s's default pattern drops them, which turns "8 662" into "662").
- Words are lower-cased and stemmed with Snowball's Swedish stemmer: "omställningsmötena"
  and "omställningsmöte" meet in "omställningsmöt".
- Compounds are split against the index's own vocabulary (the stems of the words that occur
  on their own in the reports), and the parts are added as extra terms, so that
  "omställningsmöte" also yields "omställning" + "möt" and meets "möten för omställning".
  Splitting against the corpus rather than a dictionary keeps it fast and offline; a part
  that never occurs alone could not match anything anyway.
- Stop words (Snowball's Swedish list) are dropped, so that question words in "Hur många
  ... ?" do not outweigh the words that matter.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable

from nlp.sv.stop_words import STOP_WORDS

# Snowball's Swedish stop-word list, kept once with the other Swedish data (nlp.sv.stop_words).

# Bumped whenever terms change for the same text, so a stored index re-analyses its chunks
# on load instead of matching new query terms against old document terms.
ANALYZER_VERSION = 1

# Digit groups split by a space of any kind: "8 662", "12 587 000", "8\u00a0662".
GROUPED_NUMBER = re.compile(r"(?<![\d,.])\d{1,3}(?:[ \u00a0\u2009\u202f]\d{3})+(?![\d])")
TOKEN = re.compile(r"\d+(?:,\d+)?|[^\W\d_]+", re.UNICODE)

# A number in a query (a year above all) pins down which figure is meant, yet BM25 gives it
# little weight because years occur everywhere in these reports. Counting it twice raised
# lexical found@1 from 0.58 to 0.67 on benchmarks/questions.yaml (three times was worse).
NUMBER_WEIGHT = 2.0

MIN_SPLIT_WORD = 8  # shorter words are hardly ever compounds worth splitting
MIN_PART = 3  # "kön" in "könsfördelning"
MIN_HEAD = 4  # a head of three letters ("ner", "son") is more often a false split than a word
LINKING = ("s", "e", "o", "a", "u")  # fogemorfem: omställning-s-möte, kvinn-o-, gäst-a-
TRUNCATED = ("a", "e")  # a first part that lost its last vowel: kvinn(a)-o-, arbet(e)-s-
# Prefixes and particles, not modifiers: "för|slag", "med|verka", "åter|gång" are no compounds
# of "för" or "med" in the sense that helps search. Stop words are excluded as well.
NOT_MODIFIERS = frozenset("fram åter sam genom bort bi an in be hand tillbaka".split())
# Word endings that are also stems of words ("ring" from "ringa"): as heads they are suffixes,
# "planer|ingen", "värde|ringar", so a head known only by its stem may not be one of them.
# "rad" and "end" are what "-erade" and "-ende" stem to: "konstate|rade", "avse|ende".
SUFFIX_STEMS = frozenset("ring ling ning ing het skap else ande ende are tion itet ism rad end dig".split())
MAX_ENDING = 3  # letters an inflection may add to a head known only by its stem: möt|ena
MAX_STEM_PASSES = 4


def normalise(text: str) -> str:
    """NFKC, lower case, digit groups joined."""
    text = unicodedata.normalize("NFKC", text).lower()
    return GROUPED_NUMBER.sub(lambda m: re.sub(r"\D", "", m.group(0)), text)


def words(text: str) -> list[str]:
    """Numbers and words of a text, as they will be matched (before stemming)."""
    return TOKEN.findall(normalise(text))


@lru_cache(maxsize=1)
def _stemmer():
    """Snowball Swedish: PyStemmer (C, fast) when installed, else the pure-Python snowballstemmer."""
    try:
        import Stemmer

        return Stemmer.Stemmer("swedish")
    except ImportError:
        import snowballstemmer

        return snowballstemmer.stemmer("swedish")


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """Snowball Swedish, repeated until the word stops changing.

    Snowball removes one suffix per pass, so "mötena" -> "möten" but "möte" -> "möt", and
    "insatser" -> "insats" but "insats" -> "insat". Repeating joins such pairs: on the corpus
    vocabulary it merged about 120 groups, nearly all inflections of one word (a few
    over-merges remain, "slut" with "slutsats").
    """
    if word[0].isdigit():
        return word
    stemmer = _stemmer()
    for _ in range(MAX_STEM_PASSES):
        shorter = stemmer.stemWord(word)
        if shorter == word:
            break
        word = shorter
    return word


@dataclass
class Analyzer:
    """Terms for the index and for queries.

    `known` holds the words (as written) and `known_stems` their stems, of every word in the
    indexed texts: the vocabulary compounds are split against.
    """

    known: frozenset[str] = frozenset()
    known_stems: frozenset[str] = frozenset()
    _splits: dict[str, tuple[str, ...]] = field(default_factory=dict, repr=False)

    @classmethod
    def from_words(cls, known: Iterable[str]) -> "Analyzer":
        known = frozenset(known)
        return cls(known, frozenset(stem(w) for w in known))

    @classmethod
    def from_texts(cls, texts: Iterable[str]) -> "Analyzer":
        """Learn the vocabulary from the texts to be indexed."""
        return cls.from_words(w for t in texts for w in words(t) if w.isalpha() and len(w) >= MIN_PART)

    def _first_part(self, left: str) -> str | None:
        """The stem of a modifier part ("omställnings" -> omställning), or None if unknown.

        Modifiers are looked up as written, not stemmed: they do not inflect, and stemming
        them on top of removing a linking letter would make "pers" out of "personer".
        """
        if len(left) < MIN_PART or left in STOP_WORDS or left in NOT_MODIFIERS:
            return None
        if left in self.known:
            s = stem(left)
            return None if s in STOP_WORDS else s  # "förs|lagen" is no compound of "för"
        bare = left[:-1]
        if left[-1] in LINKING and len(bare) >= MIN_PART and bare not in STOP_WORDS | NOT_MODIFIERS:
            if bare in self.known:
                return stem(bare)
            for ending in TRUNCATED:  # kvinn-o- from kvinna, arbet-s- from arbete
                s = stem(bare + ending)
                if bare + ending in self.known or (len(s) > MIN_PART and s in self.known_stems):
                    return s
        return None

    def _head(self, right: str) -> str | None:
        """The stem of a head part, if it is a word of the vocabulary."""
        if len(right) < MIN_HEAD:
            return None
        s = stem(right)
        if s in SUFFIX_STEMS or s in STOP_WORDS:
            return None
        if right in self.known:
            return s
        if len(s) >= MIN_PART and len(right) - len(s) <= MAX_ENDING and s in self.known_stems:
            return s
        return None

    def split(self, word: str) -> tuple[str, ...]:
        """Stems of the parts of a compound (head last), or () when it is not one we can split."""
        if word in self._splits:
            return self._splits[word]
        best: tuple[str, ...] = ()
        best_rank: tuple[int, bool, int] = (0, False, 0)
        if len(word) >= MIN_SPLIT_WORD and word.isalpha():
            for cut in range(MIN_PART, len(word) - MIN_HEAD + 1):
                head = self._head(word[cut:])
                if head is None:
                    continue
                left = word[:cut]
                first = self._first_part(left)
                parts = (first,) if first else self.split(left)
                if not parts:
                    continue
                candidate = (*parts, head)
                # fewest parts, then a head seen as written, then the longest head (it carries the meaning)
                rank = (len(candidate), word[cut:] not in self.known, cut)
                if not best or rank < best_rank:
                    best, best_rank = candidate, rank
        self._splits[word] = best
        return best

    def terms(self, text: str) -> list[str]:
        """Stems of the non-stop words and whole numbers, plus the parts of compounds."""
        out: list[str] = []
        for w in words(text):
            if w in STOP_WORDS:
                continue
            s = stem(w)
            out.append(s)
            if not w[0].isdigit():
                out.extend(p for p in self.split(w) if p != s)
        return out

    def query_terms(self, text: str) -> dict[str, float]:
        """A query's terms with their weights: as `terms`, numbers counted NUMBER_WEIGHT times."""
        weights: dict[str, float] = {}
        for term in self.terms(text):
            weights[term] = weights.get(term, 0.0) + (NUMBER_WEIGHT if term[0].isdigit() else 1.0)
        return weights


__all__ = ["ANALYZER_VERSION", "Analyzer", "NUMBER_WEIGHT", "STOP_WORDS", "normalise", "stem", "words"]
