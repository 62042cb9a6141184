"""A short Swedish question read as a catalogue measure, a period and a breakdown.

"andel omställningsmöte 2019", "gemensamma kartläggningar kvinnor 2018" and "Hur många
omställningsmöten genomfördes 2022?" become {measure, period, breakdown}. The measure is the
catalogue entry whose words (label, lemmas, phrases, synonyms) best cover the question's words,
compared as Snowball keys with compound parts (api.answer.query_words), each word weighted by how few
measures share it; "andel"/"antal", "kronor", "dagar" pick the unit; a goal word picks a goal; "bland X"
names whom a share is of, and a share whose label and denominator name no X is of another population.
No measure is claimed when too little of the question is accounted for, when no word of the
question names it (only a word of a phrase its figures are printed in), when a name restricts
it ("i Skåne"), or when it asks for a unit no matching measure has: an honest "not reported"
beats the nearest number. The Swedish words themselves are data, in api.answer.ask_words.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from math import log
from typing import Iterable, Mapping, Optional, Sequence

from nlp.records import Measure
from nlp.sv.numerals import NUMBER_WORDS
from nlp.sv.periods import YEAR
from nlp.sv.units import SCALES

from ..records import Interpretation
from .ask_words import (BREAKDOWN_WORDS, CONJUNCTION_CUES, DEFINITION_CUES, EVERYDAY_PHRASES, EVERYDAY_WORDS, GOAL_CUES, MEAN_CUES,
                        MEAN_PARTS, NEGATION_SYNONYMS, NEGATIONS, PRIVATIVE_HEADS, RECEIVING_VERBS, SERIES_CUES, STOP_WORDS,
                        TIME_PREPOSITIONS, UNIT_CUES, UNIT_FAMILIES)
from .periods import period_in, period_sort_key
from .query_words import FOLD, LINKING, WORD_RE, QueryLexicon, WordUnits, words_of
from .reading import (COUNT_WORD_RE, COUNTED_RE, NOT_SPLIT_BY, SHARE_FOR_COUNT, SHARE_HEAD_RE, MeasureProfile, Reading,
                      counted_thing, counts_people, share_for_count)

SPAN_RE = re.compile(rf"(?<!\d)({YEAR})\s*(?:-|–|—|till|och|t\.?\s?o\.?\s?m\.?)\s*({YEAR})(?!\d)")
OPEN_SPAN_RE = re.compile(rf"\b(?:sedan|från|fr\.o\.m\.?|efter)\s+({YEAR})(?!\d)")
YEAR_RE = re.compile(rf"(?<!\d)({YEAR})(?!\d)")
AGE_RE = re.compile(r"(?<![\d-])(\d{1,2})\s*(?:-|–)\s*(\d{2})(?!\d)(?:\s*år)?")
AGE_OPEN_RE = re.compile(r"(?<![\d-])(\d{2})\s*(?:år\s+och\s+äldre|år\s+eller\s+äldre|\+|-(?!\d))")
PERCENT_SIGN_RE = re.compile(r"\d\s*%|%")
GENITIVE_COLON_RE = re.compile(r"\b(\w+):s\b")  # Swedish writes an abbreviation's genitive "FK:s", "SCB:s"
# A number and the unit word after it ("90 dagar", "tio procent"): a quantity the question names, not the unit it
# asks for. (A scale word is no such number: "hur många tusen kronor" asks for kronor.)
QUANTITY_RE = re.compile(rf"(?:(?<![\w-])\d+(?:[ ,.]\d+)*|\b(?:{'|'.join(sorted(set(NUMBER_WORDS) - set(SCALES), key=len, reverse=True))}))\s+"
                         rf"(?:{'|'.join(re.escape(c) for c in sorted(UNIT_CUES, key=len, reverse=True) if c[:1].isalpha())})(?!\w)")

PART_MATCH = 0.5  # a question word that is only part of a measure's compound word
BREAKDOWN_WEIGHT = 0.05  # "kvinnor" names the breakdown, not the measure: a tie-breaker at most
FOREIGN_WEIGHT = 1.0  # a word the reports never use: the question is about something else
KNOWN_UNMATCHED_WEIGHT = 0.25  # a report word that names no measure ("deltog", "styrelsen")
GOAL_WORD = "mål"  # "målsättning", "målet" are matched as the catalogue's "mål"
MIN_COVERAGE = 0.5  # at or below this share of the question's words, no measure is claimed
PHRASE_BONUS = 0.4  # per extra word of the longest catalogue phrase found word for word
SYNONYM_BONUS = 0.5  # per word of the longest catalogue phrase or synonym the question contains whole
LABEL_BONUS = 0.5  # times the share of the label's words the question has: "samordningsförbund" is the
# measure labelled "Antal samordningsförbund", not "Antal aktiviteter finansierade av samordningsförbunden"
GOAL_PENALTY = 0.3  # a goal measure asked about without a goal word
GOAL_BOOST = 2.0  # a goal measure asked about with one ("mål", "målsättning")
NEGATION_PENALTY = 0.4  # "avslag utan omställningsmöte" asked about without "utan"
BREAKDOWN_MISMATCH = 0.8  # a measure the reports never split the way the question asks
UNIT_MISMATCH = 0.55  # "andel" asked, a count offered (and back)
MEAN_MISMATCH = 0.55  # "i snitt" asked, a measure that is no mean offered: as far off as another unit
POPULATION_CUES = frozenset({"bland"})  # "bland X": X is whom a share is of (read_population), the word itself no content
PLACE_PREPOSITIONS = frozenset({"i", "inom", "vid"})  # "bland deltagarna i samverkan": where the population is
POPULATION_MISMATCH = 0.55  # "bland alla sjukpenningärenden": a share of another population (its label and denominator
# name none of it) is as far off as a measure in another unit
# Groups of people ("kvinnor", "18-29 år"): a measure never split by one cannot answer for it, since its
# total is another group's figure. (A förmån or myndighet word often only says where, "sjukskrivna hos
# Arbetsförmedlingen", and is dropped with a note instead.)
GROUP_KEYS = ("kon", "alder")
# A word that is the beginning of a measure's word, a clipped or derived form ("arbetsföra" of "arbetsförmåga"):
# half a word, as a compound part is; from five letters of its key, below which a beginning is shared by too many words
CLIP_MATCH = 0.5
CLIP_MIN = 5
UNIT_RUNNER_UP = 0.8  # a measure in the asked unit within this share of the best (penalised) score is taken instead


@dataclass(frozen=True)
class _Token:
    units: WordUnits
    weight: float
    foreign: bool


def _measure_words(m: Measure) -> list[str]:
    texts = [m.label, *m.lemmas, *m.phrases, *m.synonyms]
    return [w for t in texts for w in words_of(t)]


# A question word that names one of a measure's breakdown values in the facts ("samverkan" for
# bortfall_antal's "i samverkan") speaks for that measure, as half a word of its own; only a whole
# word does ("sjukpenningtalet" is not förmån sjukpenning).
VALUE_MATCH = 0.5


class Interpreter:
    """Reads a short Swedish question as measure + period + breakdown."""

    def __init__(self, measures: Sequence[Measure], fact_counts: Mapping[str, int] | None = None,
                 fact_breakdowns: Mapping[str, Iterable[str]] | None = None, vocabulary: Iterable[str] = (),
                 breakdown_values: Mapping[str, Mapping[str, Iterable[str]]] | None = None):
        fact_counts = fact_counts or {}
        # measure -> breakdown key -> the values the reports give it ("post": "förvaltning", ...):
        # a question word that names one narrows the answer to it
        self.breakdown_values = {m: {k: tuple(sorted(set(vs))) for k, vs in by_key.items()}
                                 for m, by_key in (breakdown_values or {}).items()}
        self._value_key_cache: dict[str, dict[str, list[tuple[str, frozenset[str]]]]] = {}
        self._value_head_cache: dict[str, frozenset[str]] = {}  # a breakdown value -> the heads of its compounds
        self._value_word_set: dict[str, frozenset[str]] = {}  # measure -> every key that names one of its values
        self._clipped_cache: dict[str, frozenset[str]] = {}  # a word's key -> the measures a word it begins names
        fact_breakdowns = fact_breakdowns or {}
        self.lexicon = QueryLexicon(vocabulary, aliases={**EVERYDAY_WORDS, **NEGATION_SYNONYMS})
        self._everyday_phrases = [(re.compile(p), w) for p, w in EVERYDAY_PHRASES]
        self._receiving_verbs = [(re.compile(p), w) for p, w in RECEIVING_VERBS]
        self._privative_heads = frozenset(self.lexicon.key(h) for h in PRIVATIVE_HEADS)
        self._mean_parts = frozenset(self.lexicon.units(w).key for w in MEAN_PARTS)
        # the words this module reads itself, and each one typed without å, ä, ö ("manga", "fran", "for")
        self._own_words = frozenset({*STOP_WORDS, *(w for cue in (*UNIT_CUES, *SERIES_CUES, *DEFINITION_CUES) for w in cue.split()),
                                     *NUMBER_WORDS, *GOAL_CUES, *BREAKDOWN_WORDS, *EVERYDAY_WORDS, *NEGATIONS, *POPULATION_CUES})
        folded: dict[str, set[str]] = {}
        for w in self._own_words:
            folded.setdefault(w.translate(FOLD), set()).add(w)
        self._own_folded = {f: next(iter(ws)) for f, ws in folded.items() if len(ws) == 1 and f not in self._own_words}
        # a compound whose head is a unit cue asks for that unit: "kvinnoandelen", "deltagarantalet",
        # "förvaltningskostnaden", "förvaltningspengarna"
        # ("pengar" is read as the reports' "medel", so a compound of "medel" asks for kronor too)
        self._unit_heads = {self.lexicon.key(cue): unit for cue, unit in UNIT_CUES.items() if cue.isalpha() and len(cue) >= 4}
        self._unit_heads.update({self.lexicon.aliases[k]: u for k, u in list(self._unit_heads.items()) if k in self.lexicon.aliases})
        self.lexicon.add_words(w for m in measures for w in _measure_words(m))
        self.measures: dict[str, Measure] = {m.key: m for m in measures}
        self.profiles: list[MeasureProfile] = []
        for m in measures:
            units: set[str] = set()
            word_keys: set[str] = set()
            for w in _measure_words(m):
                if w in STOP_WORDS or w in UNIT_CUES:
                    continue
                units |= self.lexicon.units(w).units
                word_keys.add(self.lexicon.key(w))
            name_units = {u for t in (m.label, *m.lemmas, *m.synonyms) for w in words_of(t)
                          if w not in STOP_WORDS and w not in UNIT_CUES for u in self.lexicon.units(w).units}
            population_units = {u for w in words_of(f"{m.label} {m.denominator}") if w not in STOP_WORDS
                                for u in self.lexicon.units(w).units} if m.denominator else set()
            label = words_of(m.label)
            # two content words side by side in the label name it as a phrase does: "andel kvinnor" for
            # "Andel kvinnor bland deltagare i omställningsmöten"
            label_pairs = {f"{self.lexicon.key(a)} {self.lexicon.key(b)}" for a, b in zip(label, label[1:])
                           if a not in STOP_WORDS and b not in STOP_WORDS}
            phrases = tuple(sorted({" ".join(self.lexicon.key(w) for w in words_of(p))
                                    for p in (m.label, *m.phrases, *m.synonyms) if len(words_of(p)) > 1} | label_pairs))
            self.profiles.append(MeasureProfile(
                key=m.key, label=m.label, unit=m.unit, breakdowns=frozenset(m.breakdowns) | frozenset(fact_breakdowns.get(m.key, ())),
                units=frozenset(units), name_units=frozenset(name_units),
                population_units=frozenset(population_units), word_keys=frozenset(word_keys), phrases=phrases,
                synonym_keys=tuple(k for k in (self._content_keys(t) for t in (*m.phrases, *m.synonyms)) if k),
                label_words=tuple(self.lexicon.units(w) for w in words_of(m.label) if w not in STOP_WORDS and w not in UNIT_CUES), n_facts=int(fact_counts.get(m.key, 0)),
                is_goal="_mal_" in m.key or m.key.endswith("_mal"),
                is_mean=bool(MEAN_CUES.search(f"{m.label} {m.definition}")),
                negated=any(w in NEGATIONS for w in words_of(m.label)), counts_of=m.counts_of,
            ))

    def _content_keys(self, text: str) -> frozenset[str]:
        return frozenset(self.lexicon.key(w) for w in words_of(text) if w not in STOP_WORDS and w not in UNIT_CUES)

    # -- the parts of a question -------------------------------------------------------------

    @staticmethod
    def read_period(text: str) -> tuple[Optional[str], str]:
        """The period named in the text ("2019", "2016-2019", "2016-") and the text without it.

        Years listed beside a span widen it: "2006, 2007 och 2008" is 2006-2008, not the
        "2007 och 2008" its last two years make."""
        m = SPAN_RE.search(text)
        if m:
            rest = text[: m.start()] + " " + text[m.end():]
            years = [int(m.group(1)), int(m.group(2)), *(int(y) for y in YEAR_RE.findall(rest))]
            return f"{min(years)}-{max(years)}", YEAR_RE.sub(" ", rest)
        m = OPEN_SPAN_RE.search(text)
        if m:
            return f"{m.group(1)}-", text[: m.start()] + " " + text[m.end():]
        years = sorted({int(y) for y in YEAR_RE.findall(text)})
        rest = YEAR_RE.sub(" ", text)
        if not years:
            return None, rest
        if len(years) == 1:
            return str(years[0]), rest
        return f"{years[0]}-{years[-1]}", rest

    @staticmethod
    def read_age(text: str) -> tuple[Optional[str], str]:
        m = AGE_RE.search(text)
        if m and int(m.group(1)) < int(m.group(2)):
            return f"{int(m.group(1))}-{int(m.group(2))}", text[: m.start()] + " " + text[m.end():]
        m = AGE_OPEN_RE.search(text)
        if m:
            return f"{int(m.group(1))}-", text[: m.start()] + " " + text[m.end():]
        return None, text

    @staticmethod
    def read_unit_cue(text: str) -> Optional[str]:
        """procent > kronor > dagar > år > antal: "hur många procent" asks for a share.

        A unit word after a number is a quantity the question names, not the unit it asks for:
        "antal inskrivna 90 dagar efter avslag" asks for a count, "andel med mer än 100 mkr" for a share."""
        padded = f" {QUANTITY_RE.sub(' ', text)} "
        found = {unit for cue, unit in UNIT_CUES.items() if f" {cue} " in padded and
                 (cue not in CONJUNCTION_CUES or re.search(rf"(?:^|\b(?:{'|'.join(TIME_PREPOSITIONS)})) {cue} ", padded))}
        if PERCENT_SIGN_RE.search(text):
            found.add("procent")
        for unit in ("procent", "kronor", "dagar", "år", "antal"):
            if unit in found:
                return unit
        return None

    def _unit_head(self, words: Sequence[str]) -> Optional[str]:
        """The unit a compound's head asks for ("kvinnoandelen": procent), as read_unit_cue ranks them."""
        found = {self._unit_heads.get(self.lexicon.units(w).parts[-1]) for w in words if len(self.lexicon.units(w).parts) > 1}
        return next((u for u in ("procent", "kronor", "dagar", "år", "antal") if u in found), None)

    @staticmethod
    def is_series(text: str) -> bool:
        padded = f" {text} "
        return any(f" {cue} " in padded for cue in SERIES_CUES)

    # -- reading ----------------------------------------------------------------------------

    def interpret(self, query: str) -> Interpretation:
        """The best reading of the question; `measure=None` when no measure accounts for it.

        Why a measure is refused is said in `ignored`: too few of the question's words are the
        measure's, a name the reports do not break down by ("Skåne"), or the question asks for
        another unit than the measure has and no sibling measure has it.
        """
        return self.choose(self.read(query))

    def read(self, query: str) -> Reading:
        """The question's words, period, unit cue and breakdown, and every measure scored against them."""
        text = " ".join(query.lower().replace("–", "-").replace("—", "-").split())
        text = GENITIVE_COLON_RE.sub(r"\1", text)  # "FK:s studier": the abbreviation's genitive, not a word "s"
        text = re.sub(r"[?!.,;:()\"”“'’]+", " ", text).strip()
        # a capitalised word inside the question is a name ("Skåne", "Norge"): unmatched, it restricts
        # the question to something the reports do not cover
        names = {w.lower() for n, w in enumerate(re.findall(r"\w+", query)) if n > 0 and w[:1].isupper()}
        text, read_as = self.respell(text, names)
        for pattern, word in self._everyday_phrases:  # "sa nej tack" -> "avböjde"
            text = pattern.sub(word, text)
        period, rest = self.read_period(text)
        age, rest = self.read_age(rest)
        asks_for = self.read_unit_cue(rest) or self._unit_head(words_of(rest))
        if asks_for == "kronor":  # "hur mycket pengar fick X": what X was allotted ("fick jobb" is no money)
            for pattern, word in self._receiving_verbs:
                rest = pattern.sub(word, rest)
        asks_definition = period is None and asks_for is None and any(f" {cue} " in f" {rest} " for cue in DEFINITION_CUES)
        series = not asks_definition and (self.is_series(rest) or period is None or (period is not None and "-" in period))
        multi_cue_words = {w for cue in (*UNIT_CUES, *SERIES_CUES, *(DEFINITION_CUES if asks_definition else ())) if " " in cue and f" {cue} " in f" {rest} " for w in cue.split()}
        words = words_of(rest)

        breakdown: dict[str, str] = {}
        if age:
            breakdown["alder"] = age
        breakdown_word_keys: dict[str, set[str]] = {}  # breakdown key -> the keys of the words that gave it
        tokens: list[_Token] = []
        for w in words:
            bd = BREAKDOWN_WORDS.get(w) or BREAKDOWN_WORDS.get(EVERYDAY_WORDS.get(w, ""))
            if bd:
                breakdown.setdefault(bd[0], bd[1])
                breakdown_word_keys.setdefault(bd[0], set()).add(self.lexicon.key(w))
            if w in STOP_WORDS or w in UNIT_CUES or w in multi_cue_words or w in SERIES_CUES or w in NUMBER_WORDS \
                    or w in POPULATION_CUES:
                continue  # ("under två år före": a number word says how much, not which measure; "bland" says among whom)
            units = self.lexicon.units(GOAL_WORD if w in GOAL_CUES else w)
            # (a clipped word, "admin" of "administration", is no foreign word: it begins one of the catalogue's)
            foreign = (units.key not in self.lexicon.known and not units.parts and not self.clipped(units.key)) or w in names
            tokens.append(_Token(units, BREAKDOWN_WEIGHT if bd else 1.0, foreign))
        goal = any(w in GOAL_CUES for w in words)
        negated = any(w in NEGATIONS for w in words)
        all_keys = " " + " ".join(self.lexicon.key(w) for w in words) + " "
        population = self.read_population(words)
        mean = bool(MEAN_CUES.search(rest))
        scored = self._score(tokens, all_keys, asks_for, goal, negated, set(breakdown), breakdown_word_keys, population, mean)
        base = dict(period=period, series=series, asks_for=asks_for, asks_definition=asks_definition, read_as=read_as)
        counted = COUNTED_RE.search(rest) if asks_for == "antal" and not COUNT_WORD_RE.search(rest) else None
        share_of = SHARE_HEAD_RE.search(rest)
        return Reading(tokens=tuple(tokens), scored=tuple(scored), breakdown=breakdown, breakdown_word_keys=breakdown_word_keys,
                       names=frozenset(names), base=base, counted=counted.group(1) if counted else None,
                       share_of=share_of.group(1) if share_of else None)

    def choose(self, reading: Reading, measure: Optional[str] = None) -> Interpretation:
        """The reading as the best-scored measure, or as `measure` (one of the scored ones), which then
        has to pass the same tests: enough of the question covered, a word that names it, the unit."""
        tokens, scored, names, base = list(reading.tokens), list(reading.scored), set(reading.names), reading.base
        breakdown, breakdown_word_keys, asks_for = dict(reading.breakdown), reading.breakdown_word_keys, base["asks_for"]
        if not scored or scored[0][1] <= 0:
            return Interpretation(measure=None, breakdown=breakdown, ignored=tuple(t.units.word for t in tokens), **base)
        if measure is not None:
            scored = [c for c in scored if c[0].key == measure] + [c for c in scored if c[0].key != measure]
        candidates = tuple({"key": p.key, "label": p.label, "score": round(sc, 3)} for p, sc, _, _ in scored[:4])
        p, _, coverage, matched = scored[0]
        named_count = counted_thing(reading, p, scored, MIN_COVERAGE, UNIT_RUNNER_UP)
        if named_count is not None:
            # "hur många kommuner var med i förbunden": the count of what "hur många" names, not of the förbund
            p, _, coverage, matched = named_count
        unmatched = [t for t in tokens if t.units.word not in matched and t.weight == 1.0]
        refused = None
        share_note: list[str] = []
        # a "hur många" question about people that the share of the same quantity may answer when no count is given
        count_as_share = counts_people(reading, matched)
        if coverage <= MIN_COVERAGE:
            refused = [f"{t.units.word} ({'okänt ord i rapporterna' if t.foreign else 'matchar inte ' + p.key})" for t in unmatched]
        elif not any(self._names(t.units, p) for t in tokens if t.units.word in matched):
            # "Hur många delar omfattar ...": only "omfattar", a word of the phrase "jämförelsegruppen omfattar"
            # the measure's figures are printed in, matched; no word of the question names the measure
            refused = [f"{w} (ett ord ur sammanhanget där {p.key} anges, inte ett namn på måttet)" for w in sorted(matched)]
        elif reading.share_of in {t.units.word for t in unmatched} and reading.share_of not in BREAKDOWN_WORDS:
            refused = [f"{reading.share_of} (andelen frågas om {reading.share_of}, som {p.key} inte gäller)"]
        elif any(t.units.word in names for t in unmatched):
            refused = [f"{t.units.word} (rapporterna redovisar inte per {t.units.word})" for t in unmatched if t.units.word in names]
        elif asks_for and p.unit not in UNIT_FAMILIES.get(asks_for, {asks_for}):
            twin = self._same_quantity(p.key, asks_for)
            fitting = next((c for c in scored[1:] if c[0].unit in UNIT_FAMILIES.get(asks_for, {asks_for})), None)
            if twin is not None:
                p = twin
            elif fitting is not None and fitting[2] > MIN_COVERAGE and fitting[1] >= UNIT_RUNNER_UP * scored[0][1]:
                # the question's unit decides between two measures its words fit almost as well:
                # "hur många sjukfall ... i genomsnitt under två år" is a count, not the days before
                p, _, coverage, matched = fitting
                unmatched = [t for t in tokens if t.units.word not in matched and t.weight == 1.0]
            elif share_for_count(reading, p.unit, matched):
                share_note = [f"hur många ({SHARE_FOR_COUNT})"]
            else:
                refused = [f"frågan gäller {asks_for}, men {p.key} anges i {p.unit}"]
        if refused is not None:
            return Interpretation(measure=None, breakdown=breakdown, candidates=candidates, score=round(coverage, 3),
                                  ignored=tuple(refused), **base)
        kept = {k: v for k, v in breakdown.items() if k in p.breakdowns}
        # "andel kvinnor" for the measure "Andel kvinnor bland ...": the word is the measure's, not a filter
        # (or the group the word names: "kvinnors andel" for the same measure)
        own = {k for k in breakdown if k not in p.breakdowns and (breakdown_word_keys.get(k, set()) & p.word_keys
                                                                   or self.lexicon.key(breakdown[k]) in p.word_keys)}
        missing_groups = [k for k in GROUP_KEYS if k in breakdown and k not in p.breakdowns and k not in own]
        if missing_groups:
            # "Hur stor andel av deltagarna var kvinnor?": the figure for everyone answers another question
            return Interpretation(measure=None, breakdown=breakdown, candidates=candidates, score=round(coverage, 3),
                                  ignored=tuple(f"{k}={breakdown[k]} (rapporterna redovisar inte {p.key} per {k})"
                                                for k in missing_groups), **base)
        dropped = {k for k in breakdown if k not in p.breakdowns and k not in own}
        # a word naming one of the measure's breakdown values narrows the answer, also when it matched
        # the measure's wider words ("studier" for "reguljära studier"); a word of the label is the measure.
        # So does a breakdown word of a kind the measure is not split by, when it names a value of another
        # kind: "Arbetsförmedlingen" is no myndighet of the kartläggningar, but their group "från Arbetsförmedlingen"
        label_keys = {lw.key for lw in p.label_words}
        narrowing = [t for t in tokens if t.weight == 1.0 and (t in unmatched or t.units.key not in label_keys)]
        for key, value, used in self.named_values(p.key, [t.units for t in narrowing], taken=set(kept)):
            kept[key] = value
            unmatched = [t for t in unmatched if t.units not in used]
        elsewhere = [t.units for t in tokens if t.weight != 1.0 and any(t.units.key in breakdown_word_keys.get(k, ()) for k in dropped)]
        for key, value, used in self.named_values(p.key, elsewhere, taken=set(kept), whole=True):
            kept[key] = value
            dropped -= {k for k in dropped if breakdown_word_keys.get(k, set()) & {u.key for u in used}}
        ignored = [f"{k}={v} ({NOT_SPLIT_BY} {k})" for k, v in breakdown.items() if k in dropped]
        ignored += [f"{t.units.word} (matchar inte måttet)" for t in unmatched]
        return Interpretation(
            measure=p.key, breakdown=kept, measure_label=p.label, unit=p.unit, score=round(coverage, 3),
            candidates=tuple(c for c in candidates if c["key"] != p.key), ignored=tuple(share_note + ignored),
            count_as_share=count_as_share, **base)


    def respell(self, text: str, names: set[str]) -> tuple[str, tuple[str, ...]]:
        """The text with each word the reports do not use read as the word it was typed for, and a note
        per word so read ("omstallningsmote → omställningsmöte"). A word this module reads itself (a cue,
        a stop word, a breakdown or everyday word) typed without å, ä, ö is that word ("hur manga",
        "for"); any other word as QueryLexicon.spelled reads it. A name is only read without its marks
        ("Forsakringskassan"), never one letter off ("Skane" is no report word unless a report prints
        "Skåne"), and stays a name (`names` gets the word it was read as)."""
        read_as: list[str] = []

        def one(m: re.Match) -> str:
            w = m.group(0)
            if w in self._own_words:
                return w
            spelled = self._own_folded.get(w)
            if spelled is None:
                spelled = self.lexicon.spelled(w)
                if w in names and spelled and spelled.translate(FOLD) != w.translate(FOLD):
                    spelled = None
            if not spelled or spelled == w:
                return w
            read_as.append(f"{w} → {spelled}")
            if w in names:
                names.add(spelled)
            return spelled

        return WORD_RE.sub(one, text), tuple(read_as)

    def _names(self, word: WordUnits, profile: MeasureProfile) -> bool:
        """Whether the word names the measure: a word (or compound part) of its label, lemmas or synonyms,
        or one of the breakdown values its facts carry."""
        return bool(word.units & profile.name_units) or self._value_compound(word, profile) > 0 or profile.key in self.clipped(word.key) or \
            bool(self.named_values(profile.key, [word], whole=True))

    def read_population(self, words: Sequence[str]) -> tuple[WordUnits, ...]:
        """The population a share is asked among: the first content word after "bland" ("bland alla
        sjukpenningärenden"), unless it names a group the facts break down by ("bland kvinnor"), and
        the word of the place it is in, right after it ("bland deltagarna i samverkan": deltagarna in
        samverkan, not in omställningsmöten), unless that one is a group's word, a number or a cue."""
        for i, w in enumerate(words):
            if w not in POPULATION_CUES:
                continue
            rest = [(j, x) for j, x in enumerate(words) if j > i and x not in STOP_WORDS]
            if not rest or rest[0][1] in BREAKDOWN_WORDS or rest[0][1] in NUMBER_WORDS:
                return ()
            j, head = rest[0]
            found = [self.lexicon.units(head)]
            if len(rest) > 1 and j + 1 < len(words) and words[j + 1] in PLACE_PREPOSITIONS and rest[1][0] == j + 2:
                place = rest[1][1]
                if place not in BREAKDOWN_WORDS and place not in NUMBER_WORDS and place not in SERIES_CUES \
                        and place not in UNIT_CUES and place not in NEGATIONS:
                    found.append(self.lexicon.units(place))
            return tuple(found)
        return ()

    def named_values(self, measure: str, words: Sequence[WordUnits], taken: set[str] = frozenset(), whole: bool = False):
        """(key, value, words used) for each breakdown key of the measure whose values the question's
        words name, by themselves or (unless `whole`) by a part of a compound ("förvaltningsmedlen"
        names post "förvaltning"): per key the value named by the most words ("aktör inom den sociala
        ekonomin" is aktor "social ekonomi", not "alternativ aktör"), then the shortest."""
        out = []
        for key, values in self._value_keys(measure).items():
            if key in taken:
                continue
            best, best_rank = None, None
            for value, value_keys in values:
                used = [u for u in words if u.key in value_keys or (not whole and any(part in value_keys for part in u.parts))]
                if not used:
                    continue
                # a tie between values named by as many words goes to the one whose compound's head another
                # word of the question is ("köpta insatser och aktivitetsstöd": "rehabiliteringsinsatser och
                # aktivitetsstöd", not "aktivitetsstöd"), then to the shortest
                heads = self._value_heads(value)
                rank = (len(used), sum(1 for u in words if u not in used and u.key in heads), -len(value))
                if best_rank is None or rank > best_rank:
                    best, best_rank = (key, value, used), rank
            if best is not None:
                out.append(best)
        return out

    def _value_heads(self, value: str) -> frozenset[str]:
        """The heads of a breakdown value's compounds ("insats" of "rehabiliteringsinsatser"): shared by
        many values, so they name none by themselves, but they tell two named values apart."""
        heads = self._value_head_cache.get(value)
        if heads is None:
            heads = self._value_head_cache[value] = frozenset(
                units.parts[-1] for w in words_of(value) if w not in STOP_WORDS
                for units in (self.lexicon.units(w),) if len(units.parts) > 1)
        return heads

    def _value_keys(self, measure: str) -> dict[str, list[tuple[str, frozenset[str]]]]:
        """Each breakdown value of the measure with its words' keys, stemmed once."""
        cached = self._value_key_cache.get(measure)
        if cached is None:
            cached = self._value_key_cache[measure] = {
                key: [(v, self._value_word_keys(v)) for v in values]
                for key, values in self.breakdown_values.get(measure, {}).items()}
        return cached

    def _value_word_keys(self, value: str) -> frozenset[str]:
        """The keys that name a breakdown value: its words', and the first part of a compound among
        them, which says which one it is ("handlingsplanen" names "handlingsplanssamverkan"; the
        head "samverkan" is shared by many values and names none), unless the head denies it
        ("arbetslösa" is without work: "arbete" does not name it)."""
        keys = set()
        for w in words_of(value):
            if w in STOP_WORDS:
                continue
            units = self.lexicon.units(w)
            keys.add(units.key)
            if len(units.parts) > 1 and units.parts[-1] not in self._privative_heads:
                keys.add(units.parts[0])
        return frozenset(keys)

    def _same_quantity(self, key: str, unit: str) -> Optional[MeasureProfile]:
        """The measure with the same key stem in the asked unit: arbetsformaga_antal -> arbetsformaga_andel."""
        stem = key.rsplit("_", 1)[0]
        family = UNIT_FAMILIES.get(unit, {unit})
        return next((p for p in self.profiles if p.key.rsplit("_", 1)[0] == stem and p.unit in family), None)

    def _score(self, tokens: Sequence[_Token], all_keys: str, asks_for: Optional[str], goal: bool,
               negated: bool = False, breakdown_keys: frozenset[str] | set[str] = frozenset(),
               breakdown_word_keys: Optional[dict[str, set[str]]] = None, population: Sequence[WordUnits] = (),
               mean: bool = False):
        """(profile, score, coverage, matched words), best first."""
        content_tokens = [t for t in tokens if t.weight == 1.0]
        query_keys = {t.units.key for t in content_tokens}
        if not tokens:
            return []
        n = len(self.profiles)
        matches = {p.key: [self._match(t.units, p) or self._value_compound(t.units, p) or
                           (VALUE_MATCH if t.weight == 1.0 and self.named_values(p.key, [t.units], whole=True) else 0.0) or
                           (CLIP_MATCH if t.weight == 1.0 and p.key in self.clipped(t.units.key) else 0.0)
                           for t in tokens] for p in self.profiles}
        idf = []
        for i, _ in enumerate(tokens):
            df = sum(1 for p in self.profiles if matches[p.key][i] > 0)
            idf.append(log(1 + n / df) if df else 0.0)
        out = []
        for p in self.profiles:
            ms = matches[p.key]
            raw = sum(t.weight * idf[i] * ms[i] for i, t in enumerate(tokens))
            if raw <= 0:
                continue
            bonus = PHRASE_BONUS * max((ph.count(" ") for ph in p.phrases if f" {ph} " in all_keys), default=0)
            bonus += SYNONYM_BONUS * max((len(k) for k in p.synonym_keys if k <= query_keys), default=0)
            if p.label_words:
                # breakdown words too: "kvinnor" in the label "Andel kvinnor bland ..." names the measure
                covered = sum(1 for lw in p.label_words
                              if any(t.units.key in lw.units or lw.key in t.units.units for t in tokens))
                bonus += LABEL_BONUS * covered / len(p.label_words)
            score = raw + bonus
            if asks_for and p.unit not in UNIT_FAMILIES.get(asks_for, {asks_for}):
                score *= UNIT_MISMATCH
            if mean and not p.is_mean:
                score *= MEAN_MISMATCH
            if p.is_goal:
                score *= GOAL_BOOST if goal else GOAL_PENALTY
            if p.negated and not negated:
                score *= NEGATION_PENALTY
            if population and p.population_units and not all(
                    w.key in p.population_units or w.parts and set(w.parts) <= p.population_units for w in population):
                score *= POPULATION_MISMATCH
            # a breakdown word among the measure's own words ("kvinnor" in "Andel kvinnor bland ...") is no filter it lacks
            filters = {k for k in breakdown_keys if not (breakdown_word_keys or {}).get(k, set()) & p.word_keys}
            if filters and not filters <= p.breakdowns:
                score *= BREAKDOWN_MISMATCH
            # coverage: how much of the question (breakdown words aside) the measure accounts for
            content = [(t, ms[i]) for i, t in enumerate(tokens) if t.weight == 1.0]
            matched_weight = sum(m for _, m in content)
            unmatched_weight = sum((1 - m) * (FOREIGN_WEIGHT if t.foreign else KNOWN_UNMATCHED_WEIGHT) for t, m in content)
            coverage = matched_weight / (matched_weight + unmatched_weight) if matched_weight else 0.0
            matched = {t.units.word for i, t in enumerate(tokens) if ms[i] > 0}
            out.append((p, score, coverage, matched))
        # ties: a measure with facts, then more facts (the headline figure), then the count before the share
        out.sort(key=lambda x: (-round(x[1], 6), x[0].n_facts == 0, -x[0].n_facts, x[0].unit != "antal" and not asks_for, x[0].key))
        return out

    def _value_compound(self, word: WordUnits, profile: MeasureProfile) -> float:
        """1 for a compound of one of the measure's breakdown values and its own words: "förvaltningsmedel" is
        the measure "medel" for the post "förvaltning", whichever measure of medel the rest of the question names."""
        if len(word.parts) < 2 or not any(part in profile.units for part in word.parts):
            return 0.0
        values = self._value_word_set.get(profile.key)
        if values is None:  # (once per measure: this runs for every measure and word of every question)
            values = self._value_word_set[profile.key] = frozenset(
                k for vs in self._value_keys(profile.key).values() for _, keys in vs for k in keys)
        return 1.0 if all(part in profile.units or part in values for part in word.parts) else 0.0

    def clipped(self, key: str) -> frozenset[str]:
        """The measures named by a word of which this word's key is the beginning: a clipped or derived
        form ("arbetsför" of "arbetsförmåga", "handlägg" of "handläggning"); CLIP_MIN letters at least."""
        found = self._clipped_cache.get(key)
        if found is None:
            found = self._clipped_cache[key] = frozenset(
                p.key for p in self.profiles if len(key) >= CLIP_MIN and any(self._clips(key, k) for k in p.name_units))
        return found

    def _clips(self, key: str, word_key: str) -> bool:
        """Whether `key` is the beginning of `word_key` and the rest no word: "arbetsför|måg" is a clipped
        "arbetsförmåga", but "medel|ålder" and "arbet|s|förmåg" are compounds (a part is a compound's part, not a clip)."""
        if word_key == key or not word_key.startswith(key):
            return False
        rest = word_key[len(key):]
        known = self.lexicon.known
        return not (rest in known or self.lexicon.key(rest) in known or rest[0] in LINKING and self.lexicon.key(rest[1:]) in known)

    def _match(self, word: WordUnits, profile: MeasureProfile) -> float:
        """1 when the word, or every part of the compound, is one of the measure's words; 0.5 when
        it is only a part of one ("möten" in "omställningsmöten", but also "arbete" in
        "arbetsförmåga", which is why it counts half); else 0. A mean's compound ("snittåldern",
        "genomsnittskostnaden") is a mean measure's when its head is: the first part says mean, as
        the measure's label or definition does, in whichever word ("Medelålder")."""
        if word.key in profile.word_keys:
            return 1.0
        if word.parts and all(part in profile.units for part in word.parts):
            return 1.0
        if profile.is_mean and len(word.parts) > 1 and word.parts[0] in self._mean_parts and \
                all(part in profile.units for part in word.parts[1:]):
            return 1.0
        if word.key in profile.units:
            return PART_MATCH
        return 0.0


__all__ = ["Interpreter", "MeasureProfile", "NOT_SPLIT_BY", "Reading", "period_in", "period_sort_key"]
