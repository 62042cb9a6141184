"""The measure of a figure: the catalogue cues in its clause (weight 1), in earlier sentences
and in the headings above (less), a word nearer another figure of the sentence counting less;
the noun a count counts; and a goal's key beside an outcome's where the clause sets a goal.
"""
from __future__ import annotations

import re
from typing import Optional, Sequence

from spacy.tokens import Doc, Span

from nlp.components.quantities import Quantity
from nlp.measures import ContextWord, GENERIC_WORDS, MIN_SCORE, MeasureMatch, MeasureMatcher, is_generic_cue, settle_tie
from nlp.prose.figures import changes_to, in_apposition, in_parens, is_compared
from nlp.records import Measure, UNCLASSIFIED
from nlp.sv.goals import GOAL_INTENT, GOAL_NOUN, GOAL_OUTCOME
from nlp.sv.numerals import NUMBER_WORDS
from nlp.sv.people import is_people_word
from nlp.sv.statistics import MEAN_WORDS, MEDIAN_WORDS
from nlp.sv.stop_words import FIGURE_FILLER_WORDS, STOP_WORDS


HEADING_WEIGHT = 0.45
EARLIER_SENTENCE_WEIGHT = 0.4
OTHER_FIGURE_WEIGHT = 0.35
EXCLUDING_WORDS = frozenset({"utöver", "förutom", "exklusive", "undantaget"})
EXCLUDED_WEIGHT = 0.2  # a word nearer another figure of the sentence speaks for that one


_STOP = STOP_WORDS | FIGURE_FILLER_WORDS


def goal_sibling(doc: Doc, span: Span, measure_key: str, matcher: MeasureMatcher) -> Optional[str]:
    """The catalogue's goal key beside an outcome's ("gemensamma_kartlaggningar_mal_antal" beside
    "gemensamma_kartlaggningar_antal") when the figure's clause sets a goal: it names a mål before the figure
    ("målet om 13 000", "Målet för andelen ... är 15 procent") or says what shall be reached ("att genomföra
    minst 12 000", "att minst 58 procent ... ska"), and does not tell of a goal reached ("målet uppnåddes")."""
    if measure_key == UNCLASSIFIED or "_mal_" in measure_key:
        return None
    head, _, tail = measure_key.rpartition("_")
    sibling = f"{head}_mal_{tail}"
    if sibling not in matcher.by_key:
        return None
    sent = span.sent if doc.has_annotation("SENT_START") else doc[:]
    clause = re.split(r"[.;:!?]|,\s+(?=och\b|men\b|medan\b)", doc.text[sent.start_char:span.start_char])[-1]
    after = re.split(r"[.;:!?]", doc.text[span.end_char:sent.end_char])[0]
    nouns = list(GOAL_NOUN.finditer(clause))
    if nouns and not GOAL_OUTCOME.search(clause[nouns[-1].end():]):
        return sibling  # "målet att minst 55 procent ska ..." even where it was reached, not "Målet nåddes: 11 593"
    if GOAL_OUTCOME.search(clause) or GOAL_OUTCOME.search(after):
        return None
    if GOAL_INTENT.search(clause) or (
            re.search(r"\bminst\s*$", clause, re.IGNORECASE) and re.search(r"^[^,]*\bska\b", after)):
        return sibling
    return None


# --- measure ---------------------------------------------------------------------------------

SUPINE_ENDINGS = ("it", "at", "tt")  # Swedish supine forms: deltagit, avslutat, genomfört
OWN_TIE = 0.15  # own-clause scores this close are a tie, decided by the wider context
OWN_MIN_SHARE = 0.5  # a clause's own measure must score at least this share of the best in the wider context


def figure_measure(doc: Doc, span: Span, spans: Sequence[Span], heading_words: Sequence[str], matcher: MeasureMatcher) -> str:
    q: Quantity = span._.quantity
    context = context_words(doc, span, spans, heading_words, matcher.lexicon)
    head = _counted_noun(doc, span, matcher.lexicon) if q.unit == "antal" and q.printed.strip()[-1:].isdigit() else []
    found = decide_in_clause(matcher, context, q.unit, q.value / q.scale, head)
    if found is None and q.unit == "procentenheter":
        found = decide_in_clause(matcher, context, "procent")  # a change in a share
    if found is not None and head and _is_noun_like(head[0].text) and not is_people_word(head[0].text) \
            and not matcher.covers(found.key, head[0].text):
        # "9 000 platser": the noun counted is one the measure never speaks of ("2 020 unga ... genomförde en
        # gemensam kartläggning" counts people, and what they did says the measure)
        return UNCLASSIFIED
    if found is not None and _statistic(doc, span) == "median" and _is_mean(matcher.by_key.get(found.key)):
        return UNCLASSIFIED  # "medianen var 142 dagar": not the mean the measure is defined as
    return found.key if found else UNCLASSIFIED


def _statistic(doc: Doc, span: Span) -> Optional[str]:
    """"median" or "mean" when the figure's sentence says which: the word nearest before it in
    its clause ("medianen var 322 dagar 2025 och medelvärdet 371 dagar"), else the first before it
    in the sentence ("Medelvärdet ligger över medianen, 183 dagar")."""
    sent = span.sent if doc.has_annotation("SENT_START") else doc[:]
    before = doc.text[sent.start_char:span.start_char]
    clause = re.split(r"[,:;–]", before)[-1]
    found = [(m.start(), "median") for m in MEDIAN_WORDS.finditer(clause)] + [(m.start(), "mean") for m in MEAN_WORDS.finditer(clause)]
    if found:
        return max(found)[1]
    found = [(m.start(), "median") for m in MEDIAN_WORDS.finditer(before)] + [(m.start(), "mean") for m in MEAN_WORDS.finditer(before)]
    return min(found)[1] if found else None


def _is_mean(measure: Optional[Measure]) -> bool:
    return measure is not None and bool(MEAN_WORDS.search(f"{measure.label} {measure.definition}"))


def decide_in_clause(matcher: MeasureMatcher, context: Sequence[ContextWord], unit: str,
                     value: Optional[float] = None, head: Sequence[ContextWord] = ()) -> Optional[MeasureMatch]:
    """The measure of a figure: when the words of its own clause (weight 1) name measures by
    themselves, one of those, the best by the clause's own score; earlier sentences and the
    headings break near-ties and decide only when the clause names nothing ("Anslaget uppgick
    till 720 mnkr" under the heading "Förbrukning av medel" is the anslag)."""
    own = [w for w in context if w.weight >= 1.0]
    full = {m.key: m for m in matcher.scores(context, unit)}
    named = [m for m in matcher.scores(own, unit, near=context)
             if m.score >= MIN_SCORE and any(not is_generic_cue(c) for c in m.cues)
             and (value is None or float(value).is_integer() or matcher.may_be_fractional(m.key))]
    best_full = max((m.score for m in full.values()), default=0.0)
    named = [m for m in named if m.key in full and full[m.key].score >= OWN_MIN_SHARE * best_full]
    if not named:
        return matcher.match(context, unit, value)
    # the noun a count is a count of ("171 möten") outranks words of a relative clause ("som fått avslag")
    counted = {m.key for m in matcher.scores(head, unit, near=context) if m.score >= MIN_SCORE and any(not is_generic_cue(c) for c in m.cues)} if head else set()
    if counted & {m.key for m in named}:
        named = [m for m in named if m.key in counted]
    top = named[0].score
    tied = [m for m in named if m.score >= top * (1 - OWN_TIE)]
    def evidence(m: MeasureMatch) -> MeasureMatch:
        return full.get(m.key, m)
    best = evidence(max(tied, key=lambda m: evidence(m).score))
    if not matcher.fits_statistic(best.key, context):
        return None  # the clause's words fit a mean best but say no mean
    # "anvisade flest deltagare": the same words name several measures equally (see settle_tie)
    return settle_tie(best, [evidence(m) for m in tied if evidence(m).score == best.score])


def _resolve_head(token, sent: Span, lexicon) -> str:
    """A bare noun that repeats the head of a compound before it in the same sentence means that
    compound: "Antalet kontaktmöten minskade med 30 möten till 281 (297 möten 2024)" counts kontaktmöten."""
    text = _word_text(token)
    if lexicon is None or not token.is_alpha or len(token.text) < 3:
        return text
    keys = lexicon.keys(token.text)
    if keys.parts:
        return text
    for t in reversed(sent.doc[sent.start:token.i]):
        if t.is_alpha and len(t.text) > len(token.text):
            other = lexicon.keys(t.text)
            if other.parts and other.parts[-1] & keys.whole:
                return t.text
    return text


# Words after a count that are no noun: comparisons and numbers ("444 fler än", "8 494 sex år tidigare").
_NOT_NOUNS = frozenset({"fler", "färre", "mer", "mindre", "högre", "lägre", "större", "längre", "kortare", "än", "gånger",
                        "gång", "st", "stycken", "respektive", "resp", "totalt", "sammanlagt", "sammantaget"})


def _is_noun_like(word: str) -> bool:
    w = word.lower()
    return len(w) >= 4 and w not in _NOT_NOUNS and w not in NUMBER_WORDS and not w.endswith(("are", "ast"))


def _counted_noun(doc: Doc, span: Span, lexicon=None) -> list[ContextWord]:
    """The words right after a count that say what it counts ("171 möten", "318 kontaktmöten")."""
    following = [t for t in doc[span.end:min(span.sent.end, span.end + 1)]]
    if not following or not following[0].is_alpha or following[0].lower_ in _STOP or following[0].lower_ in GENERIC_WORDS:
        return []  # "6 617 individer deltagit ...": a generic noun, the verb after it is no noun
    if following[0].lower_.endswith(SUPINE_ENDINGS):
        return []  # "337 deltagit", "de 50 genomfört": a supine verb, not what is counted
    return [ContextWord(_resolve_head(following[0], span.sent, lexicon), 0.0, 1.0, 0)]


def section_words(section: Sequence[str]) -> list[str]:
    words: list[str] = []
    for title in section[-2:]:
        words.extend(w for w in re.findall(r"[\wåäöÅÄÖ]+", title.lower()) if not w.isdigit())
    return words


def context_words(doc: Doc, span: Span, spans: Sequence[Span], heading_words: Sequence[str], lexicon=None) -> list[ContextWord]:
    """Words around a figure: its sentence (weight 1), earlier sentences (less), headings (less).

    A word that stands nearer another figure of the sentence counts less for this one:
    in "förbrukade 222,2 miljoner av de tilldelade 222,4 miljoner" "tilldelade" names the second.
    """
    words: list[tuple[str, float, float]] = [(w, 3.0, HEADING_WEIGHT) for w in heading_words]
    has_sents = doc.has_annotation("SENT_START")
    sent = span.sent if has_sents else doc[:]
    earlier = [s for s in doc.sents if s.end <= sent.start] if has_sents else []
    for k, s in enumerate(reversed(earlier[-2:])):
        weight = EARLIER_SENTENCE_WEIGHT / (k + 1)
        words.extend((_word_text(t), 3.0, weight) for t in s if _keep(t))
    # figures in their own parentheses ("två av tio (17 procent)") restate, they claim no words
    others = [o for o in spans if o is not span and sent.start <= o.start < sent.end
              and not (in_parens(doc, o) and not in_parens(doc, span))
              and not in_apposition(doc, o) and not changes_to(doc, o, span) and not is_compared(doc, o)]
    excluded = _excluded_positions(sent)
    for t in sent:
        if not _keep(t):
            continue
        if span.start <= t.i < span.end:
            if t._.numeral is None:
                words.append((_word_text(t), 0.0, 1.0))  # the unit word: "procent eller fler ska ha ..."
            continue
        distance = t.i - span.end if t.i >= span.end else span.start - t.i - 1
        weight = 1.0
        for o in others:
            d_other = t.i - o.end if t.i >= o.end else (o.start - t.i - 1 if t.i < o.start else -1)
            if 0 <= d_other < distance:
                weight = OTHER_FIGURE_WEIGHT
                break
        if t.i in excluded:
            weight *= EXCLUDED_WEIGHT
        words.append((_resolve_head(t, sent, lexicon), float(distance), weight))
    return [ContextWord(text, d, w, i) for i, (text, d, w) in enumerate(words)]


def _excluded_positions(sent: Span) -> set[int]:
    """Tokens named as left out: "Utöver omställningsmöten har även 573 kontaktmöten genomförts"."""
    out: set[int] = set()
    for t in sent:
        if t.lower_ in EXCLUDING_WORDS:
            for u in sent.doc[t.i + 1: min(sent.end, t.i + 4)]:
                if u.is_punct or u._.numeral is not None or u.lower_ in ("har", "är", "var", "hade"):
                    break
                out.add(u.i)
    return out


def _keep(token) -> bool:
    return not token.is_space


def _word_text(token) -> str:
    """The token as a context word: numbers are "#", punctuation "|" (no phrase runs across it)."""
    if token._.numeral is not None:
        return "#"
    if token.is_punct and token.text != "%":
        return "|"
    return token.text


def figure_phrase(doc: Doc, span: Span) -> str:
    """The words that name what an unclassified figure counts: the content words after it."""
    after = []
    for t in doc[span.end: span.end + 8]:
        if t.is_sent_start or t.text in (".", ";", "(", ")") or t._.numeral is not None:
            break
        if t.is_alpha and t.lower_ not in _STOP:
            after.append(t.text)
        if len(after) == 3:
            break
    if after:
        return " ".join(after)
    before = [t.text for t in doc[max(span.sent.start, span.start - 6): span.start] if t.is_alpha and t.lower_ not in _STOP]
    return " ".join(before[-3:])
