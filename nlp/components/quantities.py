"""Number + unit + qualifier -> a span in `doc.spans["quantities"]` with `span._.quantity`.

Reads the numbers merge_numbers found, and numbers written as words ("fyra procentenheter",
"hälften", "sju av tio"). Each figure gets its unit from the word after it ("62 procent",
"375,6 miljoner kronor", "903 dagar"; none means "antal"), its qualifier from the words before
it ("cirka", "drygt", "över"), and a value normalised to kronor for money.

A range ("60–64 procent") is one quantity with `value` (its low end) and `high`; "mellan 50
och 60 procent" makes the first figure a lower bound and the second an upper one.

Numbers that are not figures go to `doc.spans["non_facts"]` with the reason as the span label
(year, period, label: "dag 180" / "Tabell 6", date_or_reference, reference: diarienummer,
age, range: an income bracket, time_point: "90 dagar efter avslaget", condition: "när ... i
30 dagar", rate_rule: "10 timmar per vecka", reference_value: "till 100 procent", example,
list_number), so the benchmark can show what was left out and why.
"""
from __future__ import annotations

import re

from dataclasses import dataclass, replace
from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from nlp.components.merge_numbers import Numeral, ensure_extensions as ensure_numeral_extension
from nlp.sv.non_facts import (AGE_FIGURE_STEMS, COMPARISON_SIGNS, CONFIDENCE_WORDS, DATE_OR_REF_AFTER, YEARS_MEASURED_BEFORE,
                              ANSLAG_CODE, EXAMPLE_MAIN_VERB, EXAMPLE_SUBJECT, LABEL_WORDS, REFERENCE_PREFIXES, SIGNIFICANCE_SYMBOLS, THRESHOLD_BEFORE, THRESHOLD_NOUNS)
from nlp.sv.numerals import (EVERY_NTH_WORDS, EVERY_OTHER, FRACTIONS, HALF_WORDS, MULTIPLIED_WORDS, MULTIPLIER_WORDS,
                             NUMBER_WORDS, ONE_WORDS, ORDINALS, OUT_OF_DIGIT_WHOLES, parse_approximate_count, parse_out_of)
from nlp.sv.periods import MONTHS, is_year
from nlp.sv.qualifiers import EXACT, POST_QUALIFIERS, QUALIFIERS
from nlp.sv.statistics import statistic_unit
from nlp.sv.units import COUNT_UNIT, MONEY_WORDS, RATE_BASES, RATE_DENOMINATORS, RATE_PER_MILLE, SCALES, UNIT_SUFFIXES, UNITS

COMPONENT = "rapportkoll_quantities"
QUANTITIES = "quantities"
NON_FACTS = "non_facts"

# Words before an age range ("i ålderskategorin 50–59").
_AGE_WORDS = frozenset({"ålder", "åldern", "ålderskategorin", "åldersgruppen", "åldersklassen", "åldersgrupp", "åldrarna"})
# Words before "18–29 år" that make it an age group ("som är 18–29 år", "mellan 19–29 år");
# "jämfört med 40–41 år" is a range of values (a mean age).
_AGE_BEFORE = frozenset({"är", "mellan", "i", "från", "för", "de", "alla", "individer", "personer", "unga", "(", ","})
# Words after "N dagar" that make it a point in time or a rule ("90 dagar efter avslaget",
# "senast 25 dagar efter"), not a duration that was measured.
_TIME_POINT_AFTER = frozenset({"efter", "före", "innan", "senare"})  # "inskrivna 90 dagar senare"

_TIME_UNITS = frozenset({"dagar", "dagars", "dag", "månader", "månaders", "veckor", "veckors", "år"})
_DEFINITE_TIME_UNITS = frozenset({"dagarna", "månaderna", "veckorna", "åren", "timmarna"})
_TIME_POINT_CONTEXT = frozenset({"rehabiliteringskedjan", "sjukfallet", "sjukskrivningen", "sjukförsäkringen"})

# Joiners between two figures that share the unit printed after the second
# ("56 respektive 53 procent", "mellan 50 och 60 procent").
_SHARED_UNIT_JOINERS = frozenset({"respektive", "och", "till", "eller", "mot", "utan", ",", "–", "-"})
# Comparisons of two words that join figures of one unit: "47 jämfört med 40–41 år".
_SHARED_UNIT_PHRASES = frozenset({("jämfört", "med"), ("jämfört", "mot"), ("jämfört", "m"), ("i", "jämförelse", "med"),
                                  ("än", "för"), ("mot", "för")})
_OUT_OF_WHOLES = frozenset({"tio", "hundra", "fem", "fyra", "tre"})
# Words before "sex månader" that make it the time of a rule ("inom sex månader", "efter tolv månader").
# An upper bound is not among them: "stöd i högst sex månader", "i upp till sex månader" state the figure
# itself, as "högst 6 månader" in digits does.
_DURATION_RULE_BEFORE = frozenset({"efter", "inom", "senast", "före", "innan", "under", "i", "på", "per", "varje", "om",
                                   "än", "till", "från", "första", "de", "minst"})
_DURATION_BOUNDS = frozenset({"högst", "max", "maximalt", "upp till"})  # "minst två veckor" is a condition
# Unit words after a number word that make it a figure ("sju dagar", "tre gånger"); "år" is
# left out ("fem år" is as often a rule or an age as a measured duration).
_WORD_UNITS = frozenset({"procent", "procentenheter", "%", "dagar", "veckor", "månader", "timmar", "gånger",
                         "miljoner", "miljarder", "kronor", "tusen"})
# Singular units after "en"/"ett" that make it the number one ("en procentenhet"); "en dag", "en gång"
# are left out: as often a manner of speaking ("en gång i tiden") as a figure.
_SINGULAR_UNITS = frozenset({"procentenhet"})
# A fraction after these words states a rule ("än en fjärdedel", "med minst en fjärdedel").
_RULE_BEFORE_FRACTION = frozenset({"än", "minst"})


@dataclass(frozen=True)
class Quantity:
    """A figure read from text: what it is worth, as printed, in which unit."""

    value: float  # normalised: kronor for money
    printed: str  # as printed, with its unit word ("375,6 miljoner kronor", "8 662")
    unit: str  # procent, procentenheter, antal, kronor, dagar, år, ...
    scale: float = 1.0  # printed number x scale = value
    qualifier: str = EXACT
    source: str = "digits"  # digits | word | fraction | out_of | range
    unit_printed: bool = False  # a unit word followed the number (else it was inferred)
    high: Optional[float] = None  # a range ("60–64 procent"): value is its low end, high its high end
    qualifier_word: str = ""  # the qualifier as printed: "drygt", "knappt", "upp till", "<"


def ensure_extensions() -> None:
    ensure_numeral_extension()
    if not Span.has_extension("quantity"):
        Span.set_extension("quantity", default=None)


def _words(doc: Doc, start: int, stop: int, step: int) -> list[Token]:
    """Non-space tokens from `start` walking by `step`, at most until `stop` (exclusive)."""
    out = []
    i = start
    while 0 <= i < len(doc) and i != stop:
        if not doc[i].is_space:
            out.append(doc[i])
        i += step
    return out


def _next(doc: Doc, i: int, n: int = 3) -> list[Token]:
    return _words(doc, i + 1, min(len(doc), i + 1 + n + 4), 1)[:n]


def _prev(doc: Doc, i: int, n: int = 3) -> list[Token]:
    return _words(doc, i - 1, max(-1, i - 1 - n - 4), -1)[:n]


def _unit_after(doc: Doc, end: int) -> tuple[Optional[str], float, int, bool]:
    """(unit, scale, tokens used, printed) for the words after token index `end - 1`."""
    nxt = _next(doc, end - 1, 2)
    # "39 281 kr." at the end of a sentence: the abbreviation's point is the sentence's
    low = [t.lower_[:-1] if t.lower_.endswith(".") and t.lower_[:-1] in UNITS else t.lower_ for t in nxt]
    if len(low) >= 2 and f"{low[0]} {low[1]}" in UNITS:
        unit, scale = UNITS[f"{low[0]} {low[1]}"]
        return unit, scale, nxt[1].i - end + 1, True
    if low and low[0] == "år" and len(nxt) > 1 and re.fullmatch(r"(?:19|20)\d\d", nxt[1].text):
        return None, 1.0, 0, False  # "(6 915 år 2023)": "år 2023" names the period, not a unit
    if low and "/" in low[0]:
        # "kr/kWh", "öre/kWh": a price per unit
        money, _, per = low[0].partition("/")
        if money in UNITS and UNITS[money][0] == "kronor" and per in RATE_DENOMINATORS:
            return f"kronor/{nxt[0].text.split('/', 1)[1]}", UNITS[money][1], nxt[0].i - end + 1, True
    if low and low[0] in UNITS:
        unit, scale = UNITS[low[0]]
        used = nxt[0].i - end + 1
        after = _next(doc, nxt[0].i, 2)
        if unit == "kronor" and len(after) == 2 and after[0].lower_ in ("per", "/") and after[1].lower_ in RATE_DENOMINATORS:
            return f"kronor/{after[1].text}", scale, after[1].i - end + 1, True  # "kronor per kWh", "kr/kWh"
        return unit, scale, used, True
    if low and low[0].isalpha() and len(low[0]) > 6:
        for suffix, unit in UNIT_SUFFIXES:
            if low[0].endswith(suffix):
                return unit, 1.0, nxt[0].i - end + 1, True  # "ersättningsdagar", "sjukdagar"
    if low and low[0] in SCALES:
        if len(low) > 1 and low[1].isalpha() and len(low[1]) > 6:
            for suffix, unit in UNIT_SUFFIXES:
                if low[1].endswith(suffix):
                    return unit, SCALES[low[0]], nxt[1].i - end + 1, True  # "1,2 miljoner ersättningsdagar"
        # the paragraph, not only the sentence: "Arbetsförmedlingen lämnar tillbaka drygt 57 miljoner."
        money = any(w in doc.text.lower() for w in MONEY_WORDS)
        return ("kronor" if money else COUNT_UNIT), SCALES[low[0]], nxt[0].i - end + 1, True
    return None, 1.0, 0, False


def _qualifier_phrase_before(doc: Doc, start: int) -> str:
    """The qualifier printed before a figure, as written ("drygt", "upp till", "<"), or ""."""
    prev = _prev(doc, start, 3)
    words = [t.lower_ for t in prev]  # nearest first
    for n in (3, 2, 1):
        if len(words) >= n:
            phrase = " ".join(reversed(words[:n]))
            if phrase in QUALIFIERS:
                return phrase
    return ""


def _qualifier_before(doc: Doc, start: int) -> str:
    phrase = _qualifier_phrase_before(doc, start)
    return QUALIFIERS[phrase] if phrase else EXACT


def _qualifier_phrase_after(doc: Doc, end: int) -> str:
    nxt = [t.lower_ for t in _next(doc, end - 1, 2)]
    if len(nxt) == 2 and f"{nxt[0]} {nxt[1]}" in POST_QUALIFIERS:
        return f"{nxt[0]} {nxt[1]}"
    return ""


def _qualifier_after(doc: Doc, end: int) -> Optional[str]:
    phrase = _qualifier_phrase_after(doc, end)
    return POST_QUALIFIERS[phrase] if phrase else None


def qualifier_word(doc: Doc, start: int, end: int) -> str:
    """The qualifier as printed ("drygt", "knappt", "upp till", "eller fler"): "approximate" alone
    does not say whether a figure was rounded up or down, the word does."""
    return _qualifier_phrase_after(doc, end) or _qualifier_phrase_before(doc, start)


def _adverb_of_time(prev: list[Token]) -> bool:
    """"har i dag 320 lokalkontor": the "dag" of "i dag" (today) labels no number."""
    return len(prev) > 1 and prev[0].lower_ == "dag" and prev[1].lower_ == "i"


def non_fact_reason(doc: Doc, token: Token, numeral: Numeral, rejected: dict[int, str]) -> Optional[str]:
    """Why a number is not a figure, or None when it is one."""
    prev = _prev(doc, token.i, 3)
    nxt = _next(doc, token.i, 1)
    p1 = prev[0].lower_ if prev else ""
    n1 = nxt[0].lower_ if nxt else ""
    if numeral.is_range:
        if is_year(numeral.low) and is_year(numeral.high):
            return "period"
        if p1 in _AGE_WORDS or (n1 == "år" and (p1 in _AGE_BEFORE or not prev)):
            return "age"
        if n1 in ("år", "års") and _age_bracket(numeral) and not _reports_an_age(doc, token):
            return "age"  # "unga vuxna 18–24 år", "gruppen 50–64 år": an age group names who is counted
        if p1 in LABEL_WORDS:
            return "label"
        if n1 in ("kr", "kronor", "tkr"):
            return "range"  # an income bracket ("100 000–200 000 kr"), a category
        return _coordinated_reason(doc, token, rejected)  # "åldersgrupperna 19–29, 30–49 och 50–64 år"
    value = numeral.value
    if n1 in ("år", "års", "åring", "åringar") and _age_context(doc, token):
        return "age"  # "har fyllt 55 år", "två barn, 3 och 5 år": an age, not a figure
    if n1 in ("år", "års") and _plain_age(numeral) and p1 not in YEARS_MEASURED_BEFORE and \
            _word_after(doc, token.i, 2) not in YEARS_MEASURED_BEFORE and not _year_word(_word_after(doc, token.i, 2)) and \
            not _reports_an_age(doc, token) and \
            not (p1 in ("under", "över") and (len(prev) < 2 or prev[1].lower_ in YEARS_MEASURED_BEFORE or prev[1].is_punct)):
        return "age"  # "deltagare över 30 år", "60 år och äldre": a limit or a group, not a figure
    if p1 in ("över", "under") and len(prev) > 1 and prev[1].lower_ in _AGE_HOLDERS | {"är"} and not numeral.grouped and \
            15 <= value <= 110 and (n1 in ("år", "års") or n1 not in UNITS and n1 not in SCALES):
        return "age"  # "alla över 67 (år)", "den som är under 25 år": people above or below an age
    if is_year(value) and not numeral.grouped and len(numeral.printed.lstrip("-−–")) == 4 \
            and not (n1 in UNITS and n1 != "år") and n1 not in SCALES:  # "1900 miljoner kronor" is an amount
        return "year"
    if p1 in LABEL_WORDS and not _adverb_of_time(prev):
        return "label"
    if p1 == "." and len(prev) > 1 and prev[1].lower_ + "." in LABEL_WORDS and prev[1].idx + len(prev[1]) == prev[0].idx:
        return "label"  # "res. 5", "bet. 2": an abbreviation the tokenizer split from its point
    if p1 == "per" and float(value) in RATE_BASES:
        return "rate_base"  # "per 1 000 försäkrade": the base of a rate, not a figure
    if n1 in ("%", "procent", "procents") and _word_after(doc, token.i, 2) in CONFIDENCE_WORDS:
        return "confidence_level"  # "(95 % KI 51,3–54,9)"
    if p1 in COMPARISON_SIGNS and len(prev) > 1 and prev[1].lower_ in SIGNIFICANCE_SYMBOLS:
        return "significance"  # "p < 0,05"
    if value in (0, 1) and not numeral.grouped and (n1 == "om" or p1 == "annars"):
        return "coding"  # "Utfallsvariabeln är 1 om personen har arbete och annars 0": a variable's code
    if n1 in _TIME_UNITS and _word_after(doc, token.i, 2) == "som" and _word_after(doc, token.i, 3) in THRESHOLD_NOUNS:
        return "threshold"  # "använder 120 dagar som gräns"
    if n1 in _TIME_UNITS and _word_after(doc, token.i, 2) in _TIME_POINT_AFTER | {"om"}:
        return "time_point"  # "90 dagar efter avslaget", "12 månader efter påbörjad insats"
    if n1 in _TIME_UNITS and _word_after(doc, token.i, 2) == "i" and _word_after(doc, token.i, 3) in _TIME_POINT_CONTEXT:
        return "time_point"  # "mellan 91 och 180 dagar i rehabiliteringskedjan"
    if n1 in _DEFINITE_TIME_UNITS:
        return "time_point"  # "de 12 månaderna": a rule's span, not a count
    if p1 in ("efter", "före") and n1 == "dagars":
        return "time_point"
    if n1 in ("timmar", "timme", "dagar", "gånger") and _word_after(doc, token.i, 2) == "per":
        return "rate_rule"  # "minst 10 timmar per vecka": a requirement, not a result
    if p1 in ("exempelvis", "exempel") and len(prev) > 1 and prev[1].lower_ == "till":
        return "example"  # "till exempelvis 10 procent motsvarande fyra timmar"
    if _example_input(doc, token):
        return "example"  # "En undersköterska som tjänar 31 000 kronor i månaden får ...": the example's input
    if n1 in ("dagar", "månader", "veckor") and _in_condition(doc, token):
        return "condition"  # "när arbetsförmågan varit nedsatt i 30 dagar": a rule's threshold
    if value == 100 and p1 == "till" and n1 in ("procent", "%"):
        return "reference_value"  # "summerar inte till 100 procent"
    if n1 in DATE_OR_REF_AFTER and (n1 not in MONTHS or (float(value).is_integer() and 1 <= value <= 31 and not numeral.grouped)):
        return "date_or_reference"
    if prev and (p1 in REFERENCE_PREFIXES or "/" in prev[0].text or (any(c.isdigit() for c in prev[0].text) and any(c.isalpha() for c in prev[0].text))):
        return "reference"
    if (not prev or _starts_line(doc, token)) and n1 in (".", ")"):
        return "list_number"  # "2. Samverkan mellan ...", an item of a numbered list
    if p1 in _SHARED_UNIT_JOINERS and len(prev) > 1 and prev[1].i in rejected and rejected[prev[1].i] in ("label", "date_or_reference"):
        return rejected[prev[1].i]  # "dag 91 och 180"
    if nxt and ANSLAG_CODE.match(nxt[0].text) and float(value).is_integer() and 1 <= value <= 27 and not numeral.grouped:
        return "reference"  # "10 1:6 ap.2": the utgiftsområde of an anslag's code
    return _coordinated_reason(doc, token, rejected)


def _coordinated_reason(doc: Doc, token: Token, rejected: dict[int, str]) -> Optional[str]:
    """A number coordinated with a later one that is a time point or an age is one too: "mellan 91 och
    180 dagar i rehabiliteringskedjan", "barn på 3 och 5 år", "åldersgrupperna 19–29, 30–49 och 50–64 år"."""
    nxt3 = _next(doc, token.i, 3)
    if not nxt3 or nxt3[0].lower_ not in _SHARED_UNIT_JOINERS:
        return None
    if len(nxt3) >= 2 and nxt3[1]._.numeral is not None and (not nxt3[1]._.numeral.is_range or token._.numeral.is_range):
        later = non_fact_reason(doc, nxt3[1], nxt3[1]._.numeral, rejected)
        if later in ("time_point", "age"):
            return later
    return None


def _starts_line(doc: Doc, token: Token) -> bool:
    """Whether the token opens a line of the source (nothing but spaces before it on its line)."""
    before = doc.text[:token.idx]
    return before.rstrip(" \t").endswith("\n") or not before.strip()


# Words near "N år" that make it an age: "fyllt 55 år", "barn på 3 och 5 år", "född", "gammal".
_AGE_CONTEXT = frozenset({"fyllt", "fyller", "fylla", "fyllde", "fyllda", "barn", "barnen", "barnet", "född", "födda",
                          "gammal", "gamla", "ålder", "åldern", "åldersgräns", "åldersgränsen", "pensionsålder",
                          "pensionsåldern", "äldre", "yngre"})
_AGE_HOLDERS = frozenset({"alla", "de", "den", "personer", "individer", "människor", "pensionärer", "äldre"})


def _year_word(word: str) -> bool:
    """"2024" after "93 år": the "år" of "år 2024" names the year of the figure before it."""
    return word.isdigit() and is_year(int(word))


def _age_bracket(numeral: Numeral) -> bool:
    """"18–24", "50–64": whole years that can bound an age group."""
    return _plain_age(numeral) and numeral.high is not None and float(numeral.high).is_integer() and \
        numeral.low < numeral.high <= 110 and numeral.high >= 15


def _plain_age(numeral: Numeral) -> bool:
    """A whole number of years a person can be (15-110), printed without decimals or grouping."""
    low = numeral.low if numeral.is_range else numeral.value
    return not numeral.grouped and float(low).is_integer() and (numeral.is_range or 15 <= low <= 110) and 0 <= low <= 110 \
        and "," not in numeral.printed and "." not in numeral.printed


def _reports_an_age(doc: Doc, token: Token) -> bool:
    """Whether the sentence reports an age as its figure ("Medelåldern var 34 år")."""
    sent = token.sent if doc.has_annotation("SENT_START") else doc[:]
    return any(t.lower_.startswith(AGE_FIGURE_STEMS) for t in sent)


def _age_context(doc: Doc, token: Token) -> bool:
    """An age: an age word within a few words before "N år", or "gammal" right after it."""
    before = [t.lower_ for t in _prev(doc, token.i, 5)]
    after = [t.lower_ for t in _next(doc, token.i, 2)]
    if len(after) > 1 and after[1] in ("gammal", "gamla", "äldre", "yngre"):
        return True
    stop = next((k for k, w in enumerate(before) if w in (".", ";", ":")), len(before))
    return any(w in _AGE_CONTEXT for w in before[:stop])


def _example_input(doc: Doc, token: Token) -> bool:
    """True for a figure that describes the made-up person of an example, before the main verb
    that states the example's result: "En undersköterska som tjänar 31 000 kronor i månaden får
    310 kronor mer" (31 000 is the input, 310 the figure)."""
    start = token.sent.start_char if doc.has_annotation("SENT_START") else 0
    before = doc.text[start:token.idx]
    m = EXAMPLE_SUBJECT.match(before)
    # (past a colon the sentence states its result: "Ett sjukfall som ... minskar chansen: oddskvoten är 0,66")
    return m is not None and not EXAMPLE_MAIN_VERB.search(before[m.end():]) and ":" not in before[m.end():]


def _in_condition(doc: Doc, token: Token) -> bool:
    """True when the figure stands in a clause opened by "när" or "om" ("om Försäkringskassan ...")."""
    start = token.sent.start if doc.has_annotation("SENT_START") else 0
    before = doc[max(start, token.i - 10):token.i]
    for k in range(len(before) - 1, -1, -1):
        t = before[k]
        if t.is_punct and t.text in ",;()":
            return False  # the clause ended before the figure
        if t.lower_ in ("när", "om", "innan"):
            return True
    return False


def _word_after(doc: Doc, i: int, n: int) -> str:
    """The n-th word after token i (1 = the next one), lower case, or ""."""
    nxt = _next(doc, i, n)
    return nxt[n - 1].lower_ if len(nxt) >= n else ""


def _digit_out_of(doc: Doc, i: int, numeral) -> Optional[tuple[int, float]]:
    """(end, percent) for "7 av 10", "3 av 4": a share printed as digits out of a small whole."""
    nxt = _next(doc, i, 2)
    if numeral.is_range or len(nxt) < 2 or nxt[0].lower_ != "av" or nxt[1]._.numeral is None:
        return None
    whole = nxt[1]._.numeral
    if whole.is_range or whole.value not in OUT_OF_DIGIT_WHOLES or not 0 < numeral.value <= whole.value:
        return None
    after = _next(doc, nxt[1].i, 1)
    if after and (after[0].lower_ in UNITS or after[0].lower_ in SCALES):
        return None  # "3 av 10 miljoner": amounts
    return nxt[1].i + 1, round(100.0 * numeral.value / whole.value, 4)


def _word_quantity(doc: Doc, i: int) -> Optional[tuple[int, float, str]]:
    """(end, value in percent, source) for a figure written in words starting at token i."""
    tok = doc[i]
    nxt = _next(doc, i, 2)
    low = tok.lower_
    if len(nxt) == 2 and nxt[0].lower_ == "av" and nxt[1].lower_ in _OUT_OF_WHOLES:
        share = parse_out_of(f"{tok.text} av {nxt[1].text}")
        if share is not None:
            return nxt[1].i + 1, share, "out_of"
    if low in MULTIPLIER_WORDS and len(nxt) == 2 and nxt[0].lower_ == "så" and nxt[1].lower_ in MULTIPLIED_WORDS:
        return nxt[1].i + 1, float(MULTIPLIER_WORDS[low]), "multiplier"  # "dubbelt så många": a factor
    if low in ONE_WORDS and nxt and nxt[0].lower_ in HALF_WORDS:
        after = _next(doc, nxt[0].i, 1)
        if after and after[0].lower_ in SCALES:
            return nxt[0].i + 1, 0.5, "half"  # "en halv miljard": the scale word is read as the unit
    prev = [t.lower_ for t in _prev(doc, i, 2)]
    qualified = len(prev) > 1 and prev[0] == "än" and prev[1] in ("fler", "mer", "färre", "mindre")
    rule = bool(prev) and not qualified and (prev[0] in _RULE_BEFORE_FRACTION or prev[:2] == ["minst", "med"])
    is_fraction = low in FRACTIONS or (nxt and f"{low} {nxt[0].lower_}" in FRACTIONS)
    if rule and is_fraction:
        return None  # "lägre omfattning än en fjärdedel av arbetstiden": a rule, not a result
    if nxt and f"{low} {nxt[0].lower_}" in FRACTIONS:
        end = nxt[0].i + 1
        if _word_after(doc, nxt[0].i, 1) in ("dag", "dags", "dels"):
            return None  # "en fjärdedels dag": a level of benefit
        return end, FRACTIONS[f"{low} {nxt[0].lower_}"], "fraction"
    if low in FRACTIONS:
        return i + 1, FRACTIONS[low], "fraction"
    if low in EVERY_NTH_WORDS and nxt and nxt[0].lower_ in ORDINALS:
        return nxt[0].i + 1, round(100.0 / ORDINALS[nxt[0].lower_], 4), "every_nth"  # "var tredje": 33.3 procent
    if low in EVERY_OTHER and nxt and nxt[0].is_alpha and nxt[0].lower_ not in ("år", "vecka", "månad", "dag", "gång"):
        return i + 1, 50.0, "every_nth"  # "varannan deltagare"; "varannan vecka" is a rhythm
    if low in ONE_WORDS and nxt and nxt[0].lower_ in _SINGULAR_UNITS:
        return i + 1, 1.0, "word"  # "en procentenhet lägre": no article stands before a unit of measurement
    approx = parse_approximate_count(low)
    if approx is not None and "ett" in prev:
        return i + 1, float(approx), "approximate"  # "ett tjugotal arbetsgivare", "ett drygt sextiotal"
    if low in NUMBER_WORDS and nxt and nxt[0].lower_ in _WORD_UNITS:
        bound = bool(prev) and (prev[0] in _DURATION_BOUNDS or " ".join(reversed(prev[:2])) in _DURATION_BOUNDS)
        if nxt[0].lower_ in _TIME_UNITS and (prev and prev[0] in _DURATION_RULE_BEFORE and not bound
                                             or _word_after(doc, nxt[0].i, 1) in _TIME_POINT_AFTER):
            return None  # "inom sex månader", "tolv månader efter": a rule's time, not a figure
        return i + 1, float(NUMBER_WORDS[low]), "word"  # "fyra procentenheter", "sju dagar", "tre gånger"
    return None


@Language.component(COMPONENT, requires=["token._.numeral"], assigns=["doc.spans", "span._.quantity"])
def find_quantities(doc: Doc) -> Doc:
    """Set `doc.spans["quantities"]` (figures) and `doc.spans["non_facts"]` (numbers that are not).

    RETURNS (Doc): the same Doc.
    """
    ensure_extensions()
    quantities: list[Span] = []
    non_facts: list[Span] = []
    rejected: dict[int, str] = {}
    i = 0
    while i < len(doc):
        token = doc[i]
        numeral: Optional[Numeral] = token._.numeral
        if numeral is not None:
            reason = non_fact_reason(doc, token, numeral, rejected)
            if reason:
                rejected[i] = reason
                non_facts.append(Span(doc, i, i + 1, label=reason))
                i += 1
                continue
            out_of = _digit_out_of(doc, i, numeral)
            if out_of is not None:
                end, share = out_of
                span = Span(doc, i, end, label="quantity")
                span._.quantity = Quantity(value=share, printed=span.text, unit="procent", qualifier=_qualifier_before(doc, i),
                                           source="out_of", unit_printed=True)
                quantities.append(span)
                i = end
                continue
            unit, scale, used, printed_unit = _unit_after(doc, i + 1)
            end = i + 1 + used
            span = Span(doc, i, end, label="quantity")
            qualifier = _qualifier_after(doc, end) or _qualifier_before(doc, i)
            if numeral.is_range:
                span._.quantity = Quantity(
                    value=float(numeral.low) * scale, printed=span.text, unit=unit or COUNT_UNIT, scale=scale,
                    qualifier=qualifier, source="range", unit_printed=printed_unit, high=float(numeral.high) * scale,
                )
            else:
                span._.quantity = Quantity(
                    value=float(numeral.value) * scale, printed=span.text, unit=unit or COUNT_UNIT, scale=scale,
                    qualifier=qualifier, source="digits", unit_printed=printed_unit,
                )
            quantities.append(span)
            i = end
            continue
        found = _word_quantity(doc, i) if token.is_alpha or parse_approximate_count(token.text) is not None else None
        if found is not None:
            end, value, source = found
            unit_end = end
            nxt = _next(doc, end - 1, 1)
            unit = "gånger" if source == "multiplier" else "procent"
            scale = 1.0
            if source in ("word", "half", "approximate") and nxt:
                unit, scale, used, _ = _unit_after(doc, end)
                unit = unit or COUNT_UNIT
                unit_end = end + used
                value = value * scale
            elif source == "approximate":
                unit = COUNT_UNIT
            qualifier = _qualifier_before(doc, i)
            if source == "approximate" and qualifier == "exact":
                qualifier = "approximate"  # "ett tjugotal" is about twenty
            span = Span(doc, i, unit_end, label="quantity")
            span._.quantity = Quantity(
                value=value, printed=span.text, unit=unit, scale=scale, qualifier=qualifier, source=source,
                unit_printed=source in ("word", "half", "multiplier"),
            )
            quantities.append(span)
            i = unit_end
            continue
        i += 1
    _share_units(doc, quantities)
    _occasions(doc, quantities)
    _per_mille_rates(doc, quantities)
    _named_statistics(doc, quantities)
    _thresholds(doc, quantities, non_facts)
    _interval_units(doc, quantities)
    for span in quantities:
        span._.quantity = replace(span._.quantity, qualifier_word=qualifier_word(doc, span.start, span.end))
    doc.spans[QUANTITIES] = quantities
    doc.spans[NON_FACTS] = non_facts
    return doc


def _named_statistics(doc: Doc, quantities: list[Span]) -> None:
    """A bare figure right after the statistic it is ("oddskvoten är 0,66", "(oddskvot 0,76)", "koefficienten
    −0,27") is in that statistic's unit (nlp.sv.statistics)."""
    for span in quantities:
        q: Quantity = span._.quantity
        if q.unit != COUNT_UNIT or q.unit_printed:
            continue
        before = [t for t in doc[max(0, span.start - 3):span.start] if not t.is_space]
        words = [t.lower_ for t in before if t.lower_ not in ("är", "var", "blir", "blev", "på", "=", ":")]
        unit = statistic_unit(words[-1]) if words else None
        if unit:
            span._.quantity = replace(q, unit=unit)


def _per_mille_rates(doc: Doc, quantities: list[Span]) -> None:
    """Bare figures of a sentence that speaks of a rate per thousand ("Räknat per 1 000 försäkrade genomfördes
    1,9 kartläggningar", "talet 2,3 och bland männen 1,5 per 1 000 försäkrade") are that rate, in promille;
    a grouped count beside them ("11 965 kartläggningar, 1,9 per 1 000") stays a count."""
    if not RATE_PER_MILLE.search(doc.text):
        return
    for span in quantities:
        q: Quantity = span._.quantity
        numeral = doc[span.start]._.numeral
        if q.unit != COUNT_UNIT or q.unit_printed or numeral is None or numeral.grouped or q.value >= 1000:
            continue
        sent = span.sent if doc.has_annotation("SENT_START") else doc[:]
        if RATE_PER_MILLE.search(sent.text):
            span._.quantity = replace(q, unit="promille")


def _interval_units(doc: Doc, quantities: list[Span]) -> None:
    """"58,3 procent (95 % KI 56,1–60,5)": the bounds of a confidence interval are in the unit of
    the estimate before its parenthesis."""
    for k, span in enumerate(quantities):
        q = span._.quantity
        if q.unit_printed or k == 0:
            continue
        opening = doc.text.rfind("(", 0, span.start_char)
        if opening < 0 or ")" in doc.text[opening:span.start_char]:
            continue
        inside = {t.lower_ for t in doc.char_span(opening, span.start_char, alignment_mode="expand") or ()}
        estimate = quantities[k - 1]
        if inside & CONFIDENCE_WORDS and estimate.end_char <= opening and estimate._.quantity.unit_printed:
            e = estimate._.quantity
            span._.quantity = replace(q, unit=e.unit, scale=e.scale, value=q.value / q.scale * e.scale,
                                      high=None if q.high is None else q.high / q.scale * e.scale, unit_printed=True)


_THRESHOLD_UNITS = frozenset({"dagar", "veckor", "månader", "timmar"})


def _thresholds(doc: Doc, quantities: list[Span], non_facts: list[Span]) -> None:
    """"inom 90 dagar" in a sentence that states another figure is the time limit that defines
    it ("21 procent kartlades inom 90 dagar"), not a figure; alone ("Individen erbjuds ett första
    möte inom 3 veckor") it is the figure the sentence is about, a goal."""
    if not doc.has_annotation("SENT_START"):
        return
    limits = [s for s in quantities if s._.quantity.unit in _THRESHOLD_UNITS and s._.quantity.source in ("digits", "word")
              and _prev(doc, s.start, 1) and _prev(doc, s.start, 1)[0].lower_ in THRESHOLD_BEFORE]
    for span in limits:
        if any(o.sent.start == span.sent.start for o in quantities if o not in limits):
            quantities.remove(span)
            non_facts.append(Span(doc, span.start, span.end, label="threshold"))


def _share_units(doc: Doc, quantities: list[Span]) -> None:
    """"56 respektive 53 procent": the first figure takes the unit printed after the second."""
    for k in range(len(quantities) - 2, -1, -1):
        first, second = quantities[k], quantities[k + 1]
        q1, q2 = first._.quantity, second._.quantity
        if q1.unit_printed or not q2.unit_printed or q1.source not in ("digits", "range"):
            continue
        # "inte 1,1 utan närmare 1,6 miljarder kronor": a qualifier of the second figure joins nothing
        between = [t for t in doc[first.end:second.start] if not t.is_space and t.lower_ not in QUALIFIERS]
        words = tuple(t.lower_ for t in between)
        if words == (",",) and (_comparison_after(doc, second.end) or (q2.unit == "procent" and q1.value > 100)):
            continue  # "2 310, 20 procent fler än 2025": a count and its change, not a list of shares
        if (len(words) == 1 and words[0] in _SHARED_UNIT_JOINERS) or words in _SHARED_UNIT_PHRASES:
            first._.quantity = replace(q1, value=q1.value / q1.scale * q2.scale, unit=q2.unit, scale=q2.scale,
                                       unit_printed=True,
                                       high=None if q1.high is None else q1.high / q1.scale * q2.scale)
    _between_bounds(doc, quantities)


# Words after a figure that compare it with another: "20 procent fler än", "tre gånger så många", "1,5 gånger högre".
_COMPARISON_AFTER = frozenset({"fler", "färre", "mer", "mindre", "högre", "lägre", "större", "kortare", "längre", "så",
                               "om", "än"})


def _comparison_after(doc: Doc, end: int) -> bool:
    nxt = _next(doc, end - 1, 1)
    return bool(nxt) and nxt[0].lower_ in _COMPARISON_AFTER


def _occasions(doc: Doc, quantities: list[Span]) -> None:
    """"Närmare 19 000 gånger förra året fick någon ett brev": a whole count of occasions, not a factor
    ("1,34 gånger så hög", "tre gånger så många"): a factor that large compares nothing."""
    for span in quantities:
        q: Quantity = span._.quantity
        if q.unit == "gånger" and q.source == "digits" and q.value >= 100 and float(q.value).is_integer() \
                and not _comparison_after(doc, span.end):
            span._.quantity = replace(q, unit=COUNT_UNIT)


def _between_bounds(doc: Doc, quantities: list[Span]) -> None:
    """"mellan 50 och 60 procent": the first figure is a lower bound, the second an upper one."""
    for k in range(len(quantities) - 1):
        first, second = quantities[k], quantities[k + 1]
        before = _prev(doc, first.start, 1)
        between = [t for t in doc[first.end:second.start] if not t.is_space]
        if before and before[0].lower_ == "mellan" and len(between) == 1 and between[0].lower_ == "och":
            q1, q2 = first._.quantity, second._.quantity
            if q1.unit == q2.unit and q1.high is None and q2.high is None:
                first._.quantity = replace(q1, qualifier="over")
                second._.quantity = replace(q2, qualifier="under")


__all__ = ["COMPONENT", "NON_FACTS", "QUANTITIES", "Quantity", "ensure_extensions", "find_quantities", "non_fact_reason"]
