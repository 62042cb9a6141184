"""Why a number is not a figure, for the quantities component: a year, a label ("dag 180", "Tabell
6"), a date or reference, an age, a time point ("90 dagar efter avslaget"), a condition, a rule, an
example; the reasons are the labels of `doc.spans["non_facts"]`."""
from __future__ import annotations

import re

from typing import Optional

from spacy.tokens import Doc, Token

from nlp.components.merge_numbers import Numeral
from nlp.components.quantity_words import SHARED_UNIT_JOINERS, next_words, prev_words, word_after
from nlp.sv.non_facts import (AGE_FIGURE_STEMS, ANSLAG_CODE, COMPARISON_SIGNS, CONFIDENCE_WORDS, DATE_OR_REF_AFTER,
                              EXAMPLE_MAIN_VERB, EXAMPLE_SUBJECT, LABEL_WORDS, REFERENCE_PREFIXES, SIGNIFICANCE_SYMBOLS,
                              THRESHOLD_NOUNS, YEARS_MEASURED_BEFORE)
from nlp.sv.periods import MONTHS, is_year
from nlp.sv.units import RATE_BASES, SCALES, UNITS


# Words before an age range ("i ålderskategorin 50–59").
_AGE_WORDS = frozenset({"ålder", "åldern", "ålderskategorin", "åldersgruppen", "åldersklassen", "åldersgrupp", "åldrarna"})
# Words before "18–29 år" that make it an age group ("som är 18–29 år", "mellan 19–29 år");
# "jämfört med 40–41 år" is a range of values (a mean age).
_AGE_BEFORE = frozenset({"är", "mellan", "i", "från", "för", "de", "alla", "individer", "personer", "unga", "(", ","})
# Words after "N dagar" that make it a point in time or a rule ("90 dagar efter avslaget",
# "senast 25 dagar efter"), not a duration that was measured.
TIME_POINT_AFTER = frozenset({"efter", "före", "innan", "senare"})  # "inskrivna 90 dagar senare"

TIME_UNITS = frozenset({"dagar", "dagars", "dag", "månader", "månaders", "veckor", "veckors", "år"})
_DEFINITE_TIME_UNITS = frozenset({"dagarna", "månaderna", "veckorna", "åren", "timmarna"})
_TIME_POINT_CONTEXT = frozenset({"rehabiliteringskedjan", "sjukfallet", "sjukskrivningen", "sjukförsäkringen"})


# Words before "sex månader" that make it the time of a rule ("inom sex månader", "efter tolv månader").
# An upper bound is not among them: "stöd i högst sex månader", "i upp till sex månader" state the figure
# itself, as "högst 6 månader" in digits does.
DURATION_RULE_BEFORE = frozenset({"efter", "inom", "senast", "före", "innan", "under", "i", "på", "per", "varje", "om",
                                  "än", "till", "från", "första", "de", "minst"})
DURATION_BOUNDS = frozenset({"högst", "max", "maximalt", "upp till"})  # "minst två veckor" is a condition


# what a rule's hours or days are counted in: "per vecka", "per månad", "per dygn"
_PER_TIME = ("vecka", "veckan", "månad", "dag", "dygn", "år", "arbetsvecka", "kalendervecka", "timme")


def _adverb_of_time(prev: list[Token]) -> bool:
    """"har i dag 320 lokalkontor": the "dag" of "i dag" (today) labels no number."""
    return len(prev) > 1 and prev[0].lower_ == "dag" and prev[1].lower_ == "i"


def non_fact_reason(doc: Doc, token: Token, numeral: Numeral, rejected: dict[int, str]) -> Optional[str]:
    """Why a number is not a figure, or None when it is one."""
    prev = prev_words(doc, token.i, 3)
    nxt = next_words(doc, token.i, 1)
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
            word_after(doc, token.i, 2) not in YEARS_MEASURED_BEFORE and not _year_word(word_after(doc, token.i, 2)) and \
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
    if n1 in ("%", "procent", "procents") and word_after(doc, token.i, 2) in CONFIDENCE_WORDS:
        return "confidence_level"  # "(95 % KI 51,3–54,9)"
    if p1 in COMPARISON_SIGNS and len(prev) > 1 and prev[1].lower_ in SIGNIFICANCE_SYMBOLS:
        return "significance"  # "p < 0,05"
    if value in (0, 1) and not numeral.grouped and (n1 == "om" or p1 == "annars"):
        return "coding"  # "Utfallsvariabeln är 1 om personen har arbete och annars 0": a variable's code
    if n1 in TIME_UNITS and word_after(doc, token.i, 2) == "som" and word_after(doc, token.i, 3) in THRESHOLD_NOUNS:
        return "threshold"  # "använder 120 dagar som gräns"
    if n1 in TIME_UNITS and word_after(doc, token.i, 2) in TIME_POINT_AFTER | {"om"}:
        return "time_point"  # "90 dagar efter avslaget", "12 månader efter påbörjad insats"
    if n1 in TIME_UNITS and word_after(doc, token.i, 2) == "i" and word_after(doc, token.i, 3) in _TIME_POINT_CONTEXT:
        return "time_point"  # "mellan 91 och 180 dagar i rehabiliteringskedjan"
    if n1 in _DEFINITE_TIME_UNITS:
        return "time_point"  # "de 12 månaderna": a rule's span, not a count
    if p1 in ("efter", "före") and n1 == "dagars":
        return "time_point"
    if n1 in ("timmar", "timme", "dagar", "gånger") and word_after(doc, token.i, 2) == "per" \
            and (word_after(doc, token.i, 3) or "").startswith(_PER_TIME):
        # "minst 10 timmar per vecka": a requirement, not a result ("9,8 dagar per försäkrad" is a rate)
        return "rate_rule"
    if p1 in ("exempelvis", "exempel") and len(prev) > 1 and prev[1].lower_ == "till":
        return "example"  # "till exempelvis 10 procent motsvarande fyra timmar"
    if _example_input(doc, token):
        return "example"  # "En undersköterska som tjänar 31 000 kronor i månaden får ...": the example's input
    if n1 in ("dagar", "månader", "veckor") and _in_condition(doc, token):
        return "condition"  # "när arbetsförmågan varit nedsatt i 30 dagar": a rule's threshold
    if value == 100 and p1 == "till" and n1 in ("procent", "%"):
        return "reference_value"  # "summerar inte till 100 procent"
    # ("1 januari–30 september 2027": the tokenizer keeps "januari–30" as one word)
    n1_head = re.split(r"[–—-]", n1, maxsplit=1)[0] if n1[:1].isalpha() else n1
    if n1_head in DATE_OR_REF_AFTER and (n1_head not in MONTHS or (float(value).is_integer() and 1 <= value <= 31 and not numeral.grouped)):
        return "date_or_reference"
    if prev and (p1 in REFERENCE_PREFIXES or "/" in prev[0].text or (any(c.isdigit() for c in prev[0].text) and any(c.isalpha() for c in prev[0].text))):
        return "reference"
    if (not prev or _starts_line(doc, token)) and n1 in (".", ")"):
        return "list_number"  # "2. Samverkan mellan ...", an item of a numbered list
    if p1 in SHARED_UNIT_JOINERS and len(prev) > 1 and prev[1].i in rejected and rejected[prev[1].i] in ("label", "date_or_reference"):
        return rejected[prev[1].i]  # "dag 91 och 180"
    if nxt and ANSLAG_CODE.match(nxt[0].text) and float(value).is_integer() and 1 <= value <= 27 and not numeral.grouped:
        return "reference"  # "10 1:6 ap.2": the utgiftsområde of an anslag's code
    return _coordinated_reason(doc, token, rejected)


def _coordinated_reason(doc: Doc, token: Token, rejected: dict[int, str]) -> Optional[str]:
    """A number coordinated with a later one that is a time point or an age is one too: "mellan 91 och
    180 dagar i rehabiliteringskedjan", "barn på 3 och 5 år", "åldersgrupperna 19–29, 30–49 och 50–64 år"."""
    nxt3 = next_words(doc, token.i, 3)
    if not nxt3 or nxt3[0].lower_ not in SHARED_UNIT_JOINERS:
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
    before = [t.lower_ for t in prev_words(doc, token.i, 5)]
    after = [t.lower_ for t in next_words(doc, token.i, 2)]
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
