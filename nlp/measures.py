"""The measure catalogue (nlp/measures.yaml) and deciding which measure a figure reports.

`load_catalogue()` reads the YAML into Measure records; its schema is documented at the top
of measures.yaml. `match_measure()` scores every measure whose unit agrees with the figure's
against the words around the figure: catalogue phrases ("fått eller återfått arbetsförmåga")
count most, then lemmas ("kartläggning"), each weighted by how close it stands to the figure
and whether it is in the figure's own sentence, an earlier sentence of the paragraph, or a
heading above it. Words are compared by lemma, Snowball stem and compound parts (nlp.wordkeys),
so "omställningsmötena" and "möten för omställning" both meet "omställningsmöte".

A figure whose best score stays under MIN_SCORE matches no measure; the caller keeps it as
"unclassified" with its phrase.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Iterable, Optional, Sequence, Union

import yaml

from nlp.records import DefinitionNote, Measure
from nlp.sv.breakdowns import BREAKDOWN_TERMS, TOTAL_WORDS
from nlp.sv.negations import ANSWERS, NEGATIONS
from nlp.sv.periods import MONTHS
from nlp.sv.statistics import MEAN_COUNT_WORDS, MEAN_WORDS
from nlp.stemmer import swedish_stemmer
from nlp.sv.units import SCALES, UNIT_NOTES, UNITS
from nlp.sv.stop_words import STOP_WORDS
from nlp.wordkeys import Lexicon, WordKeys

CATALOGUE_PATH = Path(__file__).with_name("measures.yaml")
REQUIRED_FIELDS = ("key", "label", "unit", "definition")
LIST_FIELDS = ("lemmas", "phrases", "synonyms", "breakdowns", "scope", "population")
KNOWN_FIELDS = frozenset(REQUIRED_FIELDS + LIST_FIELDS + ("denominator", "counts_of", "notes"))

MIN_SCORE = 0.35
PHRASE_GAP = 1
# Words a phrase may skip ("fått eller återfått [sin] arbetsförmåga", "genomfördes [164] möten").
SKIPPABLE = frozenset({"sin", "sina", "sitt", "de", "den", "det", "en", "ett", "#", "också", "även", "totalt", "cirka", "drygt",
                       "individer", "personer"})
# Words that name a unit, a total or a group, not what is counted: a cue made only of them
# ("andel kvinnor", "totalt") fits too many measures to count fully.
GENERIC_WORDS = frozenset({"andel", "andelen", "antal", "antalet", "procent", "%", "#", "av", "i", "som", "var", "är",
                           "personer", "person", "individer", "individ"}
                          | set(TOTAL_WORDS) | set(BREAKDOWN_TERMS)
                          | set(MONTHS))  # "i december" says when, not what is counted
TIE = 0.02  # scores within 2 % of the best count as a tie
GENERIC_YIELD = 0.8  # a near tie (within 20 %) between a generic-only and a content-named measure goes to the latter
GENERIC_CUE_FACTOR = 0.3  # words allowed between two words of a phrase ("fått eller återfått [sin] arbetsförmåga")
# Negations: a word in the few words after one is denied ("Inte haft möte", "ej återvänt"), so it
# speaks for no measure on its own; a phrase that spells out the negation still matches.
NEGATION_REACH = 3  # "Inte haft möte (Nej)": the answer (nlp.sv.negations.ANSWERS) is a cue of its own, not denied
# Unit spellings that name the same unit (the catalogue writes ASCII keys: "ar" for år).
UNIT_ALIASES: dict[str, str] = {"år": "ar", "%": "procent", "st": "antal"}


def normalise_unit(unit: str) -> str:
    u = unit.strip().lower()
    return UNIT_ALIASES.get(u, u)


def load_catalogue(path: Union[None, str, Path] = None) -> list[Measure]:
    """The measures in `path` (default nlp/measures.yaml), in file order.

    Raises ValueError naming the entry and field when an entry lacks a required field, has a
    field the schema does not know, or repeats a key.
    """
    p = Path(path) if path is not None else CATALOGUE_PATH
    data = yaml.safe_load(p.read_text(encoding="utf-8")) or []
    if not isinstance(data, list):
        raise ValueError(f"{p.name}: expected a list of measures")
    measures: list[Measure] = []
    seen: set[str] = set()
    for i, entry in enumerate(data):
        if not isinstance(entry, dict):
            raise ValueError(f"{p.name}: entry {i} is not a mapping")
        name = entry.get("key", f"entry {i}")
        for f in REQUIRED_FIELDS:
            if not entry.get(f):
                raise ValueError(f"{p.name}: measure {name!r} lacks {f!r}")
        unknown = sorted(set(entry) - KNOWN_FIELDS)
        if unknown:
            raise ValueError(f"{p.name}: measure {name!r} has unknown field {unknown[0]!r}")
        if name in seen:
            raise ValueError(f"{p.name}: measure key {name!r} is listed twice")
        seen.add(name)
        notes = tuple(
            DefinitionNote(text=str(n.get("text", "")), years=str(n.get("years", "") or ""), source=str(n.get("source", "") or ""))
            if isinstance(n, dict) else DefinitionNote(text=str(n))
            for n in entry.get("notes") or ()
        )
        measures.append(Measure(
            key=str(entry["key"]),
            label=str(entry["label"]),
            unit=str(entry["unit"]),
            definition=str(entry["definition"]).strip(),
            denominator=str(entry.get("denominator") or "").strip(),
            lemmas=tuple(str(x).lower() for x in entry.get("lemmas") or ()),
            phrases=tuple(str(x).lower() for x in entry.get("phrases") or ()),
            notes=notes,
            breakdowns=tuple(str(x) for x in entry.get("breakdowns") or ()),
            counts_of=str(entry.get("counts_of") or ""),
            synonyms=tuple(str(x).lower() for x in entry.get("synonyms") or ()),
            scope=tuple(str(x).lower() for x in entry.get("scope") or ()),
            population=tuple(str(x).lower() for x in entry.get("population") or ()),
        ))
    return measures


@dataclass(frozen=True)
class ContextWord:
    """A word near a figure: its text, how far from the figure, and how much its place counts."""

    text: str
    distance: float  # in words from the figure; 0 for the unit word right after it
    weight: float = 1.0  # 1 in the figure's sentence, less in earlier sentences and headings
    position: int = 0  # order in the context, so phrases are matched in sequence


@dataclass(frozen=True)
class MeasureMatch:
    key: str
    score: float
    cues: tuple[str, ...] = ()


@dataclass
class _Cue:
    text: str
    words: tuple[WordKeys, ...]
    strength: float
    is_phrase: bool


@dataclass
class _Entry:
    measure: Measure
    unit: str
    cues: list[_Cue] = field(default_factory=list)
    scope: list[tuple[str, ...]] = field(default_factory=list)


def words_of(text: str) -> list[str]:
    """Words of a cue; numbers become "#" as they do in the context ("90 dagar efter avslaget")."""
    out = []
    for w in re.findall(r"[\wåäöÅÄÖ%:\-]+", text.lower()):
        if w == "-":
            continue
        out.append("#" if re.fullmatch(r"[\d:,\-]+", w) else w)
    return out


def is_generic_cue(cue: str) -> bool:
    """True for a cue made only of unit, total and group words ("andel kvinnor"): it fits many measures."""
    words = words_of(cue)
    return bool(words) and all(w in GENERIC_WORDS for w in words)


def _generic(words: Sequence[str], strength: float) -> float:
    return strength * GENERIC_CUE_FACTOR if all(w in GENERIC_WORDS for w in words) else strength


def proximity(distance: float) -> float:
    """How much a cue at `distance` words from the figure counts: 1 next to it, 1/2 at three words."""
    return 1.0 / (1.0 + max(distance, 0.0) / 3.0)


class MeasureMatcher:
    """Scores the catalogue's measures against the words around a figure. Build once, reuse."""

    def __init__(self, catalogue: Sequence[Measure], lexicon: Optional[Lexicon] = None):
        self.lexicon = lexicon or Lexicon()
        self.catalogue = list(catalogue)
        self.by_key = {m.key: m for m in self.catalogue}
        self._vocabulary: dict[str, frozenset[str]] = {}
        self._entries: list[_Entry] = []
        for m in self.catalogue:
            entry = _Entry(m, normalise_unit(m.unit))
            for lemma in m.lemmas:
                words = words_of(lemma)
                if all(w in UNITS and UNITS[w][0] == "kronor" for w in words):
                    continue  # a currency word ("mkr") says what an amount is in, not which amount it is
                if words:
                    entry.cues.append(_Cue(lemma, tuple(self.lexicon.keys(w) for w in words), _generic(words, 1.0), len(words) > 1))
            for phrase in m.phrases:
                words = words_of(phrase)
                if words:
                    entry.cues.append(_Cue(phrase, tuple(self.lexicon.keys(w) for w in words),
                                           _generic(words, 1.0 + 0.75 * len(words)), True))
            # each scope entry as its words' forms; every word of one entry ("maximal tid") must be near the figure
            entry.scope = [tuple(words_of(s)) for s in m.scope]
            self._entries.append(entry)

    def context(self, texts: Iterable[tuple[str, float, float]]) -> list[ContextWord]:
        """ContextWords from (word, distance, weight) triples, keeping their order."""
        return [ContextWord(t, d, w, i) for i, (t, d, w) in enumerate(texts)]

    def scores(self, words: Sequence[ContextWord], unit: str, near: Optional[Sequence[ContextWord]] = None) -> list[MeasureMatch]:
        """Every measure with a compatible unit and a positive score, best first.

        Each context word speaks for a measure once: cues that overlap ("kartläggning" and
        "gemensamma kartläggningar" on the same words) count only the strongest. A measure with a
        scope counts only where a scope word is among `near` (default: `words`), the whole context
        when `words` is a part of it.
        """
        u = normalise_unit(unit)
        keys = [_SEPARATOR if w.text == "|" else WordKeys(frozenset({"#"})) if w.text.startswith("#") or w.text.isdigit()
                else _group_word(self.lexicon.keys(w.text)) if w.text.lower() in BREAKDOWN_TERMS
                else self.lexicon.keys(w.text) for w in words]
        negated = negated_positions(words)
        meets = _Meetings(keys, self._cue_words)
        present: set[str] = set()
        if any(e.scope for e in self._entries):
            for w in (words if near is None else near):  # every form and part of the words near the figure, "Pila-projektet" as "pila" too
                for piece in {w.text, *w.text.split("-")}:
                    if piece:
                        present |= self.lexicon.keys(piece).all
        out: list[MeasureMatch] = []
        for entry in self._entries:
            if entry.unit != u:
                continue
            if entry.scope and not any(all(w in present for w in words_of) for words_of in entry.scope):
                continue  # a measure of one project or study, which nothing near the figure names
            hits = []
            for cue in entry.cues:
                value, positions = self._best_occurrence(cue, words, keys, meets)
                if value > 0 and positions and min(positions) in negated and not any(w in NEGATIONS for w in words_of(cue.text)):
                    continue  # the cue names what the text denies ("riskerar att inte kunna gå tillbaka till sin arbetsgivare")
                if value > 0:
                    hits.append((value, positions, cue.text))
            hits.sort(key=lambda h: -h[0])
            used: set[int] = set()
            total = 0.0
            cues: list[str] = []
            for value, positions, text in hits:
                if used & positions:
                    continue
                used |= positions
                total += value
                cues.append(text)
            if total > 0:
                out.append(MeasureMatch(entry.measure.key, round(total, 4), tuple(cues)))
        out.sort(key=lambda m: -m.score)
        return out

    def match(self, words: Sequence[ContextWord], unit: str, value: Optional[float] = None) -> Optional[MeasureMatch]:
        """The best measure for a figure, or None. With `value`, a count measure ("Antal ...")
        does not take a fraction such as 0,62: that is a ratio or a mean, not a count."""
        ranked = self.scores(words, unit)
        # a measure named only by generic words ("andel kvinnor") yields to one that a content word
        # names ("omställningsmöten" in the caption): the generic words fit too many measures
        top = ranked[0].score if ranked else 0.0
        if any(m.score >= max(MIN_SCORE, GENERIC_YIELD * top) and any(not is_generic_cue(c) for c in m.cues) for m in ranked):
            ranked = [m for m in ranked if any(not is_generic_cue(c) for c in m.cues)]
        ranked = [m for m in ranked if value is None or float(value).is_integer() or self.may_be_fractional(m.key)]
        if not ranked or ranked[0].score < MIN_SCORE or not self.fits_statistic(ranked[0].key, words):
            return None  # (the words fit a mean best, but say no mean: none of the catalogue's measures, not the next best)
        tied = [m for m in ranked if m.score >= ranked[0].score * (1 - TIE)]
        if len(tied) > 1:
            # a tie goes to the measure whose own words cover more of the figure's nearest words: "Andel
            # kvinnor" under "Omställningsmöten" is omstallningsmoten_kvinnor_andel, not _andel
            near = [w.text for w in words if w.weight >= 1.0]
            def key(m: MeasureMatch) -> tuple[int, float]:
                return sum(1 for w in near if self.covers_word(m.key, w)), m.score
            best = max(tied, key=key)
            return settle_tie(best, [m for m in tied if key(m) == key(best)])
        return ranked[0]

    def vocabulary(self, key: str) -> frozenset[str]:
        """Every stem and compound part of a measure's own words: key, label, definition, lemmas,
        phrases and synonyms. A figure whose own label shares none of them is about something else."""
        cached = self._vocabulary.get(key)
        if cached is None:
            m = self.by_key[key]
            texts = [m.key.replace("_", " "), m.label, m.definition, m.denominator, *m.lemmas, *m.phrases, *m.synonyms]
            out: set[str] = set()
            for t in texts:
                for w in words_of(t):
                    if w != "#":
                        out |= self.lexicon.keys(w).all
            cached = self._vocabulary[key] = frozenset(out)
        return cached

    def covers(self, key: str, label: str) -> bool:
        """Whether a figure's own label ("1:2 Bidrag till arbetslöshetsersättning") speaks of the
        measure at all: True when the label has no content word of its own (a group, a year, "Antal")
        or when one of its content words or their compound parts is among the measure's words."""
        words = [w for w in words_of(label)
                 if w != "#" and len(w) > 2 and w not in GENERIC_WORDS and w not in STOP_WORDS
                 and w not in BREAKDOWN_TERMS and w not in NEGATIONS and w not in ANSWERS and w not in _NOT_CONTENT]
        if not words:
            return True
        vocabulary = self.vocabulary(key)
        return any(self._word_covered(w, vocabulary) for w in words)

    def names(self, key: str, label: str) -> bool:
        """Whether a label by itself names the measure ("Tilldelade medel"): it scores on the label alone, by a non-generic cue."""
        words = [ContextWord(w, 0.0, 1.0, i) for i, w in enumerate(re.findall(r"[\wåäöÅÄÖ%]+", label))]
        return key in self.by_key and any(m.key == key and m.score >= MIN_SCORE and any(not is_generic_cue(c) for c in m.cues)
                                          for m in self.scores(words, normalise_unit(self.by_key[key].unit)))

    def _word_covered(self, word: str, vocabulary: frozenset[str]) -> bool:
        """A word speaks of the measure when the word itself, or a part of it that says which kind of
        thing it is, is among the measure's words. The head of a compound alone is not enough:
        "handläggningstid" is a time, but not the measure's "tid före kartläggning", and
        "styckkostnad" is not the measure's "kostnad". A first part that names only a group or a
        unit ("sjukpenningärenden") leaves the head to decide."""
        keys = self.lexicon.keys(word)
        if keys.whole & vocabulary:
            return True
        if not keys.parts:
            return False
        modifiers = [p for p in keys.parts[:-1] if not p & _GROUP_OR_GENERIC]
        if not modifiers:
            return bool(keys.parts[-1] & vocabulary)
        return any(p & vocabulary for p in modifiers)

    def covers_word(self, key: str, word: str) -> bool:
        """Whether one word (or a compound part of it) is among the measure's own words."""
        return bool(self.lexicon.keys(word).all & self.vocabulary(key)) if len(word) > 2 else False

    def score_of(self, key: str, words: Sequence[ContextWord], unit: str) -> float:
        """The score of one measure in this context (0.0 when its unit does not fit)."""
        found = next((m for m in self.scores(words, unit) if m.key == key), None)
        return found.score if found else 0.0

    @cached_property
    def _mean_counts(self) -> frozenset[str]:
        """The count measures the catalogue defines as means ("Genomsnittligt antal ...", "... per månad (genomsnitt)")."""
        return frozenset(e.measure.key for e in self._entries if normalise_unit(e.measure.unit) == "antal"
                         and MEAN_WORDS.search(f"{e.measure.label} {e.measure.definition}"))

    def fits_statistic(self, key: str, words: Sequence[ContextWord]) -> bool:
        """A count the catalogue defines as a mean is a figure's measure only where its words say mean:
        "Genomsnittligt antal tidigare sjukfall" is not what "6 289 nya sjukfall" counts."""
        return key not in self._mean_counts or bool(MEAN_COUNT_WORDS.search(" ".join(w.text for w in words)))

    def may_be_fractional(self, key: str) -> bool:
        m = self.by_key.get(key)
        if m is None or normalise_unit(m.unit) != "antal":
            return True
        text = f"{m.label} {m.definition} {key}".lower()
        return any(w in text for w in ("genomsnitt", "medel", "kvot", "miljon", "tusen"))

    @cached_property
    def _cue_words(self) -> "_CueWords":
        return _CueWords([w for e in self._entries for c in e.cues for w in c.words])

    def _best_occurrence(self, cue: _Cue, words: Sequence[ContextWord], keys: Sequence[WordKeys],
                         meets: Optional["_Meetings"] = None) -> tuple[float, set[int]]:
        """The best score of one cue in the context, and the context positions it used."""
        meets = meets or _Meetings(keys, self._cue_words)
        best, best_pos = 0.0, set()
        n = len(cue.words)
        for j, strength in meets.positions(cue.words[0]):
            if n > 1 and strength < 1.0:
                continue  # the words of a phrase must each meet a word, not a part of one
            if n == 1:
                value = strength * cue.strength * words[j].weight * proximity(words[j].distance)
                if value > best:
                    best, best_pos = value, {j}
                continue
            # a phrase: the rest of its words in order, with small gaps
            pos, matched, dist = j, [j], words[j].distance
            ok = True
            for cw in cue.words[1:]:
                found = None
                for step in range(1, PHRASE_GAP + 2):
                    q = pos + step
                    if step > 1 and q - 1 < len(words) and words[q - 1].text.lower() not in SKIPPABLE:
                        break  # only a small word may stand between: "antal inte inskrivna" is not "antal inskrivna"
                    if q < len(keys) and words[q].weight == words[j].weight and meets.strength(cw, q) >= 1.0:
                        found = q
                        break
                if found is None:
                    ok = False
                    break
                pos = found
                matched.append(found)
                dist = min(dist, words[found].distance)
            if ok:
                value = cue.strength * words[j].weight * proximity(dist)
                if value > best:
                    best, best_pos = value, set(matched)
        if best == 0.0 and n == 1 and cue.words[0].parts:
            return self._compound_spread(cue, words, keys)
        return best, best_pos

    def _compound_spread(self, cue: _Cue, words: Sequence[ContextWord], keys: Sequence[WordKeys]) -> tuple[float, set[int]]:
        """A compound cue whose parts stand as separate words: "möten för omställning"."""
        parts = cue.words[0].parts
        hits: list[int] = []
        for part in parts:
            found = [j for j, k in enumerate(keys) if part & k.all]
            if not found:
                return 0.0, set()
            hits.append(min(found, key=lambda j: words[j].distance))
        if max(hits) - min(hits) > 6 or len({words[j].weight for j in hits}) > 1:
            return 0.0, set()
        dist = min(words[j].distance for j in hits)
        return 0.9 * cue.strength * words[hits[0]].weight * proximity(dist), set(hits)


def settle_tie(best: MeasureMatch, equal: Sequence[MeasureMatch]) -> Optional[MeasureMatch]:
    """`best`, unless measures that score `equal` to it rest on the very same cues: then the plain one
    of a family ("gemensamma_kartlaggningar_antal", not its "_mal_" goal), else no telling which
    ("Deltagare: 118" could be any project's): None."""
    same = [m for m in equal if set(m.cues) == set(best.cues)]
    if len(same) < 2:
        return best
    plain = plain_measure([m.key for m in same])
    return next(m for m in same if m.key == plain) if plain else None


def plain_measure(keys: Sequence[str]) -> Optional[str]:
    """Of measures the same words name equally, the one every other is a variant of: its key's parts
    are in each other key ("arbetsformaga_andel" beside "arbetsformaga_mal_andel"); None when there is
    no such one ("resa_deltagare_antal" beside "handlingsplan_nya_deltagare_antal")."""
    parts = {k: set(k.split("_")) for k in keys}
    plain = [k for k in keys if all(parts[k] < parts[o] for o in keys if o != k)]
    return plain[0] if plain else None


def _group_word(keys: WordKeys) -> WordKeys:
    """A breakdown word ("aktivitetsersättning") names a group, not what is counted: it meets a cue
    only as a whole word, never as a compound or by a stem prefix ("aktivitet")."""
    return WordKeys(keys.whole, (), exact=True)


def negated_positions(words: Sequence[ContextWord]) -> set[int]:
    """Context positions a negation word denies: up to NEGATION_REACH words after it, within
    the same part of the context and up to punctuation or a figure."""
    out: set[int] = set()
    for i, w in enumerate(words):
        if w.text.lower() not in NEGATIONS:
            continue
        for j in range(i + 1, min(len(words), i + 1 + NEGATION_REACH)):
            if words[j].text in ("|", "#") or words[j].weight != w.weight or words[j].text.lower() in NEGATIONS | ANSWERS:
                break
            out.add(j)
    return out


def _with_stems(words: Iterable[str]) -> frozenset[str]:
    stemmer = swedish_stemmer()
    return frozenset(w.lower() for w in words) | frozenset(stemmer.stemWord(w.lower()) for w in words)


# Words of a label that say when or in which unit, not what: "Mottagare i december", "Handläggningstid, dagar"
_NOT_CONTENT = frozenset(MONTHS) | frozenset(w for w in (*UNITS, *UNIT_NOTES, *SCALES) if " " not in w)

# First parts of a compound that name a group or a unit, not a kind of thing ("sjukpenning|ärenden", "antals|uppgift")
_GROUP_OR_GENERIC = _with_stems(set(BREAKDOWN_TERMS) | GENERIC_WORDS)

_SEPARATOR = WordKeys(frozenset({"|"}))  # punctuation: meets no cue word
MIN_PREFIX = 6  # a cue stem this long also meets longer derivations ("inskriv" in "inskrivningsperiod")


class _CueWords:
    """The catalogue's cue words by the keys through which a context word can meet them (see _word_match):
    a form of the whole word, a form of a compound's first part, the first MIN_PREFIX letters of a long
    stem. A context word is then compared with the few cue words it may meet, not with every cue."""

    def __init__(self, cue_words: Iterable[WordKeys]):
        self.by_form: dict[str, list[WordKeys]] = {}
        self.by_first_part: dict[str, list[WordKeys]] = {}
        self.by_prefix: dict[str, list[WordKeys]] = {}
        for cw in {id(w): w for w in cue_words}.values():
            for form in cw.whole:
                self.by_form.setdefault(form, []).append(cw)
                if len(form) >= MIN_PREFIX and form != "#":
                    self.by_prefix.setdefault(form[:MIN_PREFIX], []).append(cw)
            for form in cw.parts[0] if cw.parts else ():
                self.by_first_part.setdefault(form, []).append(cw)

    def meeting(self, word: WordKeys) -> dict[int, float]:
        """id() of each cue word `word` meets -> _word_match's strength (only those above 0)."""
        candidates: dict[int, WordKeys] = {}
        lookups = [(self.by_form, word.whole)]
        if word.parts:
            lookups += [(self.by_first_part, word.parts[0]), (self.by_form, word.parts[-1])]
        for table, forms in lookups:
            for form in forms:
                for cw in table.get(form, ()):
                    candidates[id(cw)] = cw
        for form in word.whole:
            for cw in self.by_prefix.get(form[:MIN_PREFIX], ()) if len(form) >= MIN_PREFIX else ():
                candidates[id(cw)] = cw
        return {i: strength for i, cw in candidates.items() for strength in [_word_match(cw, word)] if strength > 0}


class _Meetings:
    """Which cue words each word of one context meets, and how strongly: worked out once per context."""

    def __init__(self, keys: Sequence[WordKeys], cue_words: _CueWords):
        self.rows = [cue_words.meeting(k) for k in keys]
        self._positions: dict[int, list[tuple[int, float]]] = {}
        for j, row in enumerate(self.rows):
            for i, strength in row.items():
                self._positions.setdefault(i, []).append((j, strength))

    def positions(self, cue_word: WordKeys) -> list[tuple[int, float]]:
        """(position, strength) of the context words `cue_word` meets, in order."""
        return self._positions.get(id(cue_word), [])

    def strength(self, cue_word: WordKeys, position: int) -> float:
        return self.rows[position].get(id(cue_word), 0.0)


def _word_match(cue: WordKeys, word: WordKeys) -> float:
    """1 when the forms meet, 0.6 when the cue is one part of a compound word, 0.5 when a long
    cue stem begins the word ("förbruk" in "förbrukningen"), else 0."""
    if cue.whole & word.whole:
        return 1.0
    if cue.parts and word.parts and len(cue.parts) == len(word.parts) and all(a & b for a, b in zip(cue.parts, word.parts)):
        return 1.0
    if word.parts and any(cue.whole & p for p in word.parts[-1:]):
        return 0.45  # the cue is the head of a compound ("möte" in "kontaktmöten")
    if word.exact:
        return 0.0
    stems = [k for k in cue.whole if len(k) >= MIN_PREFIX and k != "#"]
    if stems and any(w.startswith(k) for k in stems for w in word.whole):
        return 0.5
    return 0.0


def match_measure(words: Sequence[ContextWord], unit: str, catalogue: Union[Sequence[Measure], MeasureMatcher],
                  lexicon: Optional[Lexicon] = None) -> Optional[str]:
    """The key of the measure the words around a figure name, or None.

    `catalogue` may be the list from load_catalogue() or a MeasureMatcher built from it (build
    the matcher once when matching many figures).
    """
    matcher = catalogue if isinstance(catalogue, MeasureMatcher) else MeasureMatcher(catalogue, lexicon)
    found = matcher.match(words, unit)
    return found.key if found else None


__all__ = [
    "CATALOGUE_PATH",
    "ContextWord",
    "MIN_SCORE",
    "candidate_key",
    "MeasureMatch",
    "MeasureMatcher",
    "load_catalogue",
    "match_measure",
    "normalise_unit",
    "plain_measure",
    "settle_tie",
    "proximity",
]
