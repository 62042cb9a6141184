"""Swedish text -> search terms for the lexical index: numbers whole, stems, compound parts.

- Numbers are kept whole as printed-without-spaces: "8 662" (with a space, no-break or thin
  space) is the term "8662", "9,7" stays "9,7", "−5 000" is "5000". Single characters are
  kept (bm25s's default pattern drops them, which turns "8 662" into "662").
- Words are lower-cased and stemmed with Snowball's Swedish stemmer: "omställningsmötena"
  and "omställningsmöte" meet in "omställningsmöt".
- Compounds are split by the program's one compound splitter (nlp.compounds.split_compound:
  hunspell-sv's splits, parts named by the lemma table, derivations such as "återgång" kept
  whole), and the stems of the parts are added as extra terms, so that "omställningsmöte"
  also yields "omställning" + "möt" and meets "möten för omställning". The splitter is the
  one nlp.wordkeys uses for measures. It reads its dictionaries (hunspell-sv and the lemma
  table) on the first word it splits: about 2.5 s and 340 MB, once per process, so the first
  query a server answers pays for it unless the server warms it (split_compound("arbetsmarknad")).
- Stop words (Snowball's Swedish list) are dropped, so that question words in "Hur många
  ... ?" do not outweigh the words that matter.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Iterable

from nlp.compounds import split_compound
from nlp.sv.compounds import MIN_WORD
from nlp.stemmer import swedish_stemmer
from nlp.sv.stop_words import STOP_WORDS

# Snowball's Swedish stop-word list, kept once with the other Swedish data (nlp.sv.stop_words).

# Bumped whenever terms change for the same text, so a stored index re-analyses its chunks
# on load instead of matching new query terms against old document terms.
# 2: compounds split by nlp.compounds (hunspell-sv) instead of against the index's vocabulary.
ANALYZER_VERSION = 2


@lru_cache(maxsize=1)
def analyzer_code() -> str:
    """A hash of this module's source. An incremental build reuses the stored terms of an
    unchanged passage only when the index records the same hash (and the KB the same nlp
    code, whose compound splitter and stemmer the terms also come from): terms are then
    what this code would make, even if ANALYZER_VERSION was not bumped."""
    return hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:16]


# Digit groups split by a space of any kind: "8 662", "12 587 000", "8\u00a0662".
GROUPED_NUMBER = re.compile(r"(?<![\d,.])\d{1,3}(?:[ \u00a0\u2009\u202f]\d{3})+(?![\d])")
TOKEN = re.compile(r"\d+(?:,\d+)?|[^\W\d_]+", re.UNICODE)

# A number in a query (a year above all) pins down which figure is meant, yet BM25 gives it
# little weight because years occur everywhere in these reports. Counting it twice raised
# lexical found@1 from 0.58 to 0.67 on benchmarks/questions.yaml (three times was worse).
NUMBER_WEIGHT = 2.0

MIN_PART = 3  # shorter words are left out of the vocabulary
MAX_STEM_PASSES = 4


def normalise(text: str) -> str:
    """NFKC, lower case, digit groups joined."""
    text = unicodedata.normalize("NFKC", text).lower()
    return GROUPED_NUMBER.sub(lambda m: re.sub(r"\D", "", m.group(0)), text)


def words(text: str) -> list[str]:
    """Numbers and words of a text, as they will be matched (before stemming)."""
    return TOKEN.findall(normalise(text))


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
    stemmer = swedish_stemmer()
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
    indexed texts; the index stores them with its terms. Compounds are not split against them
    but by nlp.compounds, so a part that never occurs alone ("brev" in "omställningsbrevet")
    is still a term a query can meet.
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

    def split(self, word: str) -> tuple[str, ...]:
        """Stems of the parts of a compound (head last), or () when it is not one.

        Parts that are stop words are left out; a compound of one remaining part is none.
        """
        found = self._splits.get(word)
        if found is not None:
            return found
        found = ()
        if len(word) >= MIN_WORD and word.isalpha():
            parts = split_compound(word)
            if len(parts) > 1:
                stems = tuple(stem(p) for p in parts if p not in STOP_WORDS)
                found = stems if len(stems) > 1 else ()
        self._splits[word] = found
        return found

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


__all__ = ["ANALYZER_VERSION", "Analyzer", "analyzer_code", "NUMBER_WEIGHT", "STOP_WORDS", "normalise", "stem", "words"]
