"""The program's one Swedish compound splitter: split_compound("omställningsmötena") -> (omställning, möte).

Used by nlp.wordkeys.Lexicon (measure matching) and api.search.analysis.Analyzer (search terms).
benchmarks/bench_compounds.py scores it (row d2) on 653 hand-split corpus compounds and 79
non-compounds: 96.8 % exact, 1 false split, against 68 % for the lemma-table splitter alone.

How a word is split (Splitter):

1. hunspell-sv finds where it splits. Its .aff marks which words may begin, continue and end
   a compound and which linking letters they take (omställning-s-, kvinn-o-, arbet-s-), so
   it knows far more compounds than any word list ("arbetsförmågan" -> arbets|förmågan).
   The dictionary is read by spylls (pure Python) from the files the hunspell-sv wheel
   installs, once per process and only when a word first needs it; nothing is downloaded.
   Of several analyses, the fewest parts win, then the shorter head ([arbetslivs][erfarenheter]).
2. The lemma table (spacy-lookups-data, as nlp.wordkeys.Lexicon reads it) names the parts:
   "arbets" -> arbete, "förmågan" -> förmåga; hunspell's own stem where the table lacks one.
3. Derivations are kept whole (data in nlp.sv.compounds, rule R7 of the gold): a particle as
   first part (åter|gång, över|lämning), -vis and -dom heads (inledningsvis, sjukdom), and a
   verb-derived head after a bare modifier when modifier + verb is itself a verb
   (hand|läggare from handlägga, sjuk|skrivning from sjukskriva).
4. A word hunspell has no analysis for goes to nlp.sv.compounds.CompoundSplitter (the lemma
   table alone), unless a part of that split is a particle or function word (tills|ammans,
   dess|utom) or a -vis head.

Without spylls or the hunspell-sv files the splitter logs a warning and is CompoundSplitter
alone, the splitter the program had before. Only alphabetic words of at least MIN_WORD (7)
letters are ever split; results are cached per word (and hunspell's analyses once per
process, shared by every Splitter).

Licences: spylls is MPL-2.0 (its LICENSE file; PyPI's classifier says MIT), hunspell-sv's
dictionary is LGPL-3.0 (Göran Andersson's Swedish word list); both are read at run time,
unmodified, and not shipped with this package.
"""
from __future__ import annotations

import gzip
import json
import logging
import sys
import sysconfig
import threading
import time
from functools import lru_cache
from pathlib import Path
from typing import Callable, Optional

from nlp.sv.compounds import (
    BARE_SUFFIX_HEADS,
    LINKING_MORPHEMES,
    MIN_PART,
    MIN_WORD,
    PARTICLES,
    SUFFIX_HEADS,
    TRUNCATED_ENDINGS,
    VERB_DERIVATION_ENDINGS,
    CompoundSplitter,
)
from nlp.sv.stop_words import STOP_WORDS

log = logging.getLogger(__name__)

DISTRIBUTION = "hunspell-sv"  # the PyPI wheel that installs <prefix>/share/hunspell/sv_SE.{aff,dic}
DICTIONARY = "sv_SE"
CACHE_SIZE = 65536  # words per cache (analyses, splits)
LOOKUP_CACHE_LIMIT = 500_000  # entries in spylls' per-substring caches before they are emptied


# --- the hunspell-sv dictionary -------------------------------------------------------------------
def hunspell_sv_files() -> Optional[Path]:
    """sv_SE.aff/.dic without a network: the path without its suffix, as spylls wants it, or None.

    Tried in order: the files of the installed "hunspell-sv" distribution (a data-only wheel:
    its RECORD names them ../../../share/hunspell/sv_SE.aff relative to site-packages), the
    environment's data folder and sys.prefix (the same place when the RECORD is missing),
    the system's /usr/share/hunspell, and last the older sv_SE that spylls itself bundles
    (0.3 points less exact on the gold).
    """
    from importlib import metadata

    candidates: list[Path] = []
    try:
        for f in metadata.distribution(DISTRIBUTION).files or ():
            if f.name == f"{DICTIONARY}.aff":
                candidates.append(Path(str(f.locate())).resolve())
    except metadata.PackageNotFoundError:
        pass
    candidates += [Path(sysconfig.get_path("data")) / "share" / "hunspell" / f"{DICTIONARY}.aff",
                   Path(sys.prefix) / "share" / "hunspell" / f"{DICTIONARY}.aff",
                   Path("/usr/share/hunspell") / f"{DICTIONARY}.aff"]
    try:
        import spylls.hunspell

        candidates.append(Path(spylls.hunspell.__file__).parent / "data" / "sv" / f"{DICTIONARY}.aff")
    except ImportError:
        pass
    for aff in candidates:
        if aff.is_file() and aff.with_suffix(".dic").is_file():
            return aff.with_suffix("")
    return None


def _fast_lookup(aff, dic):
    """spylls' Lookup with the same results, several times faster on compounds: the flag test
    of every suffix (most of the time) is done once per flag set, and the affix forms of a
    substring are kept, since compounding asks for the same substrings again and again.
    Checked equal to spylls' own on the corpus vocabulary (benchmarks) and on sample words
    (tests/nlp/sv/test_compounds.py)."""
    from spylls.hunspell.algo.lookup import AffixForm, Lookup

    class FastLookup(Lookup):
        def __init__(self, aff, dic):
            super().__init__(aff, dic)
            self._all_suffixes = [s for group in aff.SFX.values() for s in group]  # spylls' trie order
            # (required flags, forbidden flags, crossproduct) -> (ending -> the suffixes that add it
            # and pass the flag test, longest ending)
            self._suffix_tables: dict[tuple, tuple[dict[str, tuple], int]] = {}
            self._affix_forms: dict[tuple, tuple] = {}

        def _suffix_table(self, required_flags, forbidden_flags, crossproduct) -> tuple[dict[str, tuple], int]:
            key = (tuple(required_flags), tuple(forbidden_flags), crossproduct)
            found = self._suffix_tables.get(key)
            if found is None:
                table: dict[str, list] = {}
                for s in self._all_suffixes:
                    if ((not crossproduct or s.crossproduct) and all(f in s.flags for f in required_flags)
                            and all(f not in s.flags for f in forbidden_flags)):
                        table.setdefault(s.add, []).append(s)
                found = self._suffix_tables[key] = ({k: tuple(v) for k, v in table.items()},
                                                    max(map(len, table), default=-1))
            return found

        def desuffix(self, word, required_flags, forbidden_flags, nested=False, crossproduct=False):
            # spylls walks a trie of every suffix and tests each one's flags; the same suffixes,
            # shortest ending first as the trie gives them, come here from a table per flag set
            table, longest = self._suffix_table(required_flags, forbidden_flags, crossproduct)
            n = len(word)
            for size in range(min(longest, n) + 1):
                for suffix in table.get(word[n - size:], ()):
                    stem = suffix.replace_regexp.sub(suffix.strip, word)
                    if not suffix.cond_regexp.search(stem):
                        continue
                    yield AffixForm(word, stem, suffix=suffix)
                    if not nested:
                        for form2 in self.desuffix(stem, required_flags=[suffix.flag, *required_flags],
                                                   forbidden_flags=forbidden_flags, nested=True,
                                                   crossproduct=crossproduct):
                            yield form2.replace(suffix2=suffix, text=word)

        def affix_forms(self, word, captype, allow_nosuggest=True, prefix_flags=(), suffix_flags=(),
                        forbidden_flags=(), compoundpos=None, with_forbidden=False):
            key = (word, captype, allow_nosuggest, tuple(prefix_flags), tuple(suffix_flags),
                   tuple(forbidden_flags), compoundpos, with_forbidden)
            found = self._affix_forms.get(key)
            if found is None:
                if len(self._affix_forms) >= LOOKUP_CACHE_LIMIT:
                    self._affix_forms.clear()
                found = self._affix_forms[key] = tuple(super().affix_forms(
                    word, captype, allow_nosuggest=allow_nosuggest, prefix_flags=list(prefix_flags),
                    suffix_flags=list(suffix_flags), forbidden_flags=list(forbidden_flags),
                    compoundpos=compoundpos, with_forbidden=with_forbidden))
            return iter(found)

        def clear(self) -> None:
            self._affix_forms.clear()

    return FastLookup(aff, dic)


class Hunspell:
    """hunspell-sv's analyses of lower-case words, cached per word: known, lemma, compound splits."""

    def __init__(self, dictionary, source: str = ""):
        from spylls.hunspell.algo.capitalization import Type as CapType

        self.source = source
        self._dic = dictionary.dic
        self._lookup = _fast_lookup(dictionary.aff, dictionary.dic)
        self._captype = CapType.NO  # words arrive lower-cased; no case variants are tried
        self._only_in_compound = dictionary.aff.ONLYINCOMPOUND
        self.forms = lru_cache(maxsize=CACHE_SIZE)(self._forms)
        self.compounds = lru_cache(maxsize=CACHE_SIZE)(self._compounds)
        self.is_lemma = lru_cache(maxsize=CACHE_SIZE)(self._is_lemma)

    @classmethod
    def from_files(cls, base: Path) -> "Hunspell":
        from spylls.hunspell import Dictionary

        return cls(Dictionary.from_files(str(base)), str(base))

    def cache_clear(self) -> None:
        self.forms.cache_clear()
        self.compounds.cache_clear()
        self.is_lemma.cache_clear()
        self._lookup.clear()

    def _forms(self, word: str) -> tuple:
        """Analyses of `word` as one dictionary word with affixes (no compounding)."""
        return tuple(self._lookup.affix_forms(word, captype=self._captype))

    def is_known(self, word: str) -> bool:
        return bool(self.forms(word))

    def lemma(self, word: str) -> str:
        """The shortest stem among the analyses ("förslaget" -> förslag, "mötena" -> möte)."""
        forms = self.forms(word)
        return min((f.stem for f in forms), key=len) if forms else word

    def _is_lemma(self, word: str) -> bool:
        """A dictionary entry that may stand alone (not only inside compounds, as "arbets")."""
        flag = self._only_in_compound
        return any(flag not in h.flags for h in self._dic.homonyms(word))

    def part_lemma(self, form) -> str:
        """A compound part's lemma; stems listed only for compounds ("arbets", "kvinno", "kart")
        get their word back: a linking letter off, a lost -a/-e on (arbete, kvinna, karta)."""
        s = form.stem
        if self.is_lemma(s):
            return s
        bares = [s[:-1]] if s[-1:] in LINKING_MORPHEMES and len(s) > MIN_PART else []
        for base in (*bares, s):
            for ending in ("", "a", "e"):
                if base + ending != s and self.is_lemma(base + ending):
                    return base + ending
        return s

    def _compounds(self, word: str) -> tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]:
        """Every compound analysis of `word` as (part texts, part lemmas), best first: fewest
        parts, then the shorter head ([arbetslivs][erfarenheter], not [arbets][livserfarenheter]),
        then the shortest lemmas ("processen" -> process, not the entry "processen")."""
        scored: dict[tuple[str, ...], tuple[tuple[int, int, int], tuple[str, ...]]] = {}
        for form in self._lookup.compound_forms(word, captype=self._captype):
            texts = tuple(p.text for p in form.parts)
            lemmas = tuple(self.part_lemma(p) for p in form.parts)
            rank = (len(texts), len(texts[-1]), sum(map(len, lemmas)))
            if texts not in scored or rank < scored[texts][0]:
                scored[texts] = (rank, lemmas)
        return tuple((texts, lemmas) for texts, (_, lemmas) in sorted(scored.items(), key=lambda kv: kv[1][0]))


_hunspell: dict[str, Optional[Hunspell]] = {}
_hunspell_lock = threading.Lock()


def hunspell() -> Optional[Hunspell]:
    """The process's hunspell-sv, read on first use; None (with a warning, once) when spylls or
    the dictionary is missing or unreadable."""
    if "sv" not in _hunspell:
        with _hunspell_lock:
            if "sv" not in _hunspell:
                _hunspell["sv"] = _load_hunspell()
    return _hunspell["sv"]


def _load_hunspell() -> Optional[Hunspell]:
    try:
        import spylls.hunspell  # noqa: F401
    except ImportError:
        log.warning("spylls is not installed: Swedish compounds are split by the lemma table alone, "
                    "which finds about two thirds of them (pip install spylls hunspell-sv)")
        return None
    base = hunspell_sv_files()
    if base is None:
        log.warning("hunspell-sv's sv_SE.aff/.dic were not found: Swedish compounds are split by the "
                    "lemma table alone (pip install hunspell-sv)")
        return None
    t = time.perf_counter()
    try:
        found = Hunspell.from_files(base)
    except Exception as exc:  # a broken or unexpected dictionary must not stop a build
        log.warning("could not read the hunspell dictionary %s (%s: %s): Swedish compounds are split by "
                    "the lemma table alone", base, type(exc).__name__, exc)
        return None
    log.info("hunspell dictionary %s read in %.1f s", base, time.perf_counter() - t)
    if "spylls" in base.parts:
        log.warning("hunspell-sv is not installed: compounds are split with the older sv_SE that spylls "
                    "bundles (pip install hunspell-sv)")
    return found


# --- the splitter -----------------------------------------------------------------------------------
class Splitter:
    """Compound splits of Swedish words; cached per word. One per word list (Lexicon); the
    hunspell analyses behind every Splitter of a process are shared.

    `is_known`, `lookup` and `is_lemma` are the lemma table's (as in CompoundSplitter):
    is this lower-case form a word, its lemma, and is it a lemma itself. `hunspell` returns
    the analyser or None (then this is CompoundSplitter alone); by default the process's.
    """

    def __init__(self, is_known: Callable[[str], bool], lookup: Optional[Callable[[str], str]] = None,
                 is_lemma: Optional[Callable[[str], bool]] = None,
                 hunspell: Callable[[], Optional[Hunspell]] = hunspell, cache_size: int = CACHE_SIZE):
        self._is_known = is_known
        self._lookup = lookup or (lambda w: w)
        self._is_lemma = is_lemma or (lambda w: False)
        self._hunspell = hunspell
        self.fallback = CompoundSplitter(is_known, lookup, is_lemma, cache_size=cache_size)
        self.split = lru_cache(maxsize=cache_size)(self._split)  # type: ignore[method-assign]

    @property
    def uses_hunspell(self) -> bool:
        return self._hunspell() is not None

    def cache_clear(self) -> None:
        self.split.cache_clear()
        self.fallback.split.cache_clear()

    def _lemma(self, word: str) -> str:
        """The table's lemma of a known form; a form that is a lemma itself stays."""
        return word if self._is_lemma(word) else self._lookup(word)

    def _head(self, text: str, fallback: str) -> str:
        return self._lemma(text) if self._is_known(text) else fallback

    def _split(self, word: str) -> tuple[str, ...]:
        """The parts of `word` as lemmas, head last, or `(word,)` (lower-cased) when it is no compound."""
        w = word.lower()
        if len(w) < MIN_WORD or not w.isalpha():
            return (w,)
        hs = self._hunspell()
        if hs is None:
            return self.fallback.split(w)
        analyses = hs.compounds(w)
        for texts, hs_lemmas in analyses:
            parts = (*(self.fallback.first_part(t) or lemma for t, lemma in zip(texts[:-1], hs_lemmas)),
                     self._head(texts[-1], hs_lemmas[-1]))
            if not _is_derivation(hs, texts, parts, hs_lemmas):
                return parts
        if analyses:  # hunspell splits it only as a derivation: one word
            return (w,)
        parts = self.fallback.split(w)
        if len(parts) > 1 and _is_function_word_split(parts):
            return (w,)
        return parts

    def parts(self, word: str) -> tuple[str, ...]:
        """The lemmas of the parts of `word`, head last; for a word that is no compound, its lemma."""
        split = self.split(word)
        if len(split) == 1:
            return (self._lemma(split[0]),)
        return split


def _is_derivation(hs: Hunspell, texts: tuple[str, ...], *namings: tuple[str, ...]) -> bool:
    """True when a compound analysis is a derivation (rule R7), by any naming of its parts:
    hunspell's stems or the lemma table's lemmas ("domar" is dom to one, domare to the other)."""
    if texts[0] in PARTICLES or any(n[0] in PARTICLES for n in namings):
        return True
    heads = {n[-1] for n in namings}
    if heads & SUFFIX_HEADS:
        return True
    if len(texts) != 2 or not hs.is_lemma(texts[0]):  # a linking letter or more parts: a true compound
        return False
    if heads & BARE_SUFFIX_HEADS:
        return True
    verbs = set()
    for head in heads:
        for ending in VERB_DERIVATION_ENDINGS:
            if head.endswith(ending) and len(head) > len(ending) + 1:
                verb = head[: -len(ending)]
                verbs.add(verb if verb.endswith("a") else verb + "a")
    return any(hs.is_known(texts[0] + v) for v in verbs)


FUNCTION_WORDS = PARTICLES | STOP_WORDS


def _is_function_word_split(parts: tuple[str, ...]) -> bool:
    """A word-list split hunspell would not make, with a particle or function word for a part,
    also one that lost its -a/-e ("tilla" for till-): tills|ammans, dess|utom, anting|en,
    gent|emot; or a -vis head. Such words are adverbs and derivations, not compounds (the
    hunspell path has its own guards, and keeps "själv|klar")."""
    if parts[-1] in SUFFIX_HEADS or any(p in FUNCTION_WORDS for p in parts):
        return True
    first = parts[0]
    return first[-1:] in TRUNCATED_ENDINGS and first[:-1] in FUNCTION_WORDS


# --- the default word list: spacy-lookups-data's Swedish lemma table ---------------------------------
@lru_cache(maxsize=1)
def lemma_table() -> tuple[dict[str, str], frozenset[str]]:
    """(form -> lemma, the set of lemmas) of spacy-lookups-data's Swedish table, the one the
    pipeline's lookup lemmatizer reads, read without spaCy (half a second); empty, with a
    warning, when the package is missing."""
    from importlib import resources

    try:
        folder = resources.files("spacy_lookups_data") / "data"
    except ModuleNotFoundError:
        log.warning("spacy-lookups-data is not installed: compound parts keep hunspell's names")
        return {}, frozenset()
    for name in ("sv_lemma_lookup.json.gz", "sv_lemma_lookup.json"):
        path = folder / name
        if path.is_file():
            data = path.read_bytes()
            table = json.loads(gzip.decompress(data) if name.endswith(".gz") else data)
            return table, frozenset(table.values())
    log.warning("spacy-lookups-data has no Swedish lemma table: compound parts keep hunspell's names")
    return {}, frozenset()


_default: dict[str, Splitter] = {}
_default_lock = threading.Lock()


def default_splitter() -> Splitter:
    """The process's Splitter: the one a pipeline's Lexicon shared (share_splitter), else one
    over the lemma table read from spacy-lookups-data (an API process has no pipeline)."""
    if "sv" not in _default:
        with _default_lock:
            if "sv" not in _default:
                table, lemmas = lemma_table()
                _default["sv"] = Splitter(lambda w: w in lemmas or w in table, lambda w: table.get(w, w),
                                          lemmas.__contains__)
    return _default["sv"]


def share_splitter(splitter: Splitter) -> Splitter:
    """Make `splitter` (over the pipeline's copy of the same lemma table) the process's default,
    unless there is one already; returns the default. nlp.wordkeys.Lexicon.from_nlp calls it, so
    that a build splits each word once for measures and the index, with one lemma table in memory."""
    with _default_lock:
        return _default.setdefault("sv", splitter)


def split_compound(word: str) -> tuple[str, ...]:
    """The parts of a Swedish compound as lemmas, head last: "omställningsmötena" ->
    (omställning, möte). A word that is no compound gives one part: its lemma, or the word
    itself (lower-cased) when it is shorter than MIN_WORD letters or not alphabetic."""
    w = word.lower()
    if len(w) < MIN_WORD or not w.isalpha():
        return (w,)  # nothing to load for a word that is never split
    return default_splitter().parts(w)


def clear_caches() -> None:
    """Empty every cache of split words (for cold timings); the dictionary stays loaded."""
    default_splitter().cache_clear()
    hs = _hunspell.get("sv")
    if hs is not None:
        hs.cache_clear()


__all__ = ["Hunspell", "Splitter", "clear_caches", "default_splitter", "hunspell", "hunspell_sv_files",
           "lemma_table", "share_splitter", "split_compound"]
