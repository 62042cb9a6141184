"""Swedish numbers as the reports print them: digits with space-grouped thousands, decimal
commas, signs, ranges, and numbers written as words.

In the style of spacy/lang/sv/lex_attrs.py: the word lists are data, and the one parser
next to them is small enough to read in one go. The reports print "8 662" (a space, often a
no-break or thin space, groups thousands), "375,6" (decimal comma), "−5 000" (a typographic
minus), "2013–2022" (an en dash between the ends of a range).
"""
from __future__ import annotations

import re
from typing import Optional, Union

Number = Union[int, float]

# Number words the reports use for counts and shares ("fyra procentenheter", "tio procent").
# "en"/"ett" are left out: they are nearly always the indefinite article ("en majoritet").
# They still count inside FRACTIONS ("en fjärdedel") and in "N av tio", where they cannot be
# articles.
NUMBER_WORDS: dict[str, int] = {
    "noll": 0,
    "två": 2,
    "tre": 3,
    "fyra": 4,
    "fem": 5,
    "sex": 6,
    "sju": 7,
    "åtta": 8,
    "nio": 9,
    "tio": 10,
    "elva": 11,
    "tolv": 12,
    "tretton": 13,
    "fjorton": 14,
    "femton": 15,
    "sexton": 16,
    "sjutton": 17,
    "arton": 18,
    "aderton": 18,
    "nitton": 19,
    "tjugo": 20,
    "trettio": 30,
    "fyrtio": 40,
    "femtio": 50,
    "sextio": 60,
    "sjuttio": 70,
    "åttio": 80,
    "nittio": 90,
    "hundra": 100,
    "etthundra": 100,
    "tusen": 1000,
}

# Words for "one", allowed only where an article cannot stand ("en av tio", "en fjärdedel").
ONE_WORDS: dict[str, int] = {"en": 1, "ett": 1}

# Fractions as a share in percent ("hälften av individerna uppnår arbetsförmåga").
# "halva" is left out: the reports use it for "halva arbetstiden", not for a result.
FRACTIONS: dict[str, float] = {
    "hälften": 50.0,
    "en tredjedel": 100.0 / 3,
    "två tredjedelar": 200.0 / 3,
    "en fjärdedel": 25.0,
    "tre fjärdedelar": 75.0,
    "en femtedel": 20.0,
    "en tiondel": 10.0,
}
# Left out: "en majoritet", "de flesta", "merparten": no figure can be read from them.

# "var tredje", "vart fjärde", "varannan": one in N, as percent.
EVERY_NTH_WORDS = frozenset({"var", "vart"})
ORDINALS: dict[str, int] = {
    "andra": 2, "tredje": 3, "fjärde": 4, "femte": 5, "sjätte": 6, "sjunde": 7, "åttonde": 8,
    "nionde": 9, "tionde": 10, "tjugonde": 20,
}
EVERY_OTHER: frozenset[str] = frozenset({"varannan", "vartannat"})

# "en halv miljard", "en halv miljon": half of a scale word.
HALF_WORDS = frozenset({"halv", "halvt"})

# A factor printed as a word before "så" and a comparative: "dubbelt så många som 2021",
# "mer än dubbelt så lång", "tre gånger så" is read as a number word with the unit "gånger".
MULTIPLIER_WORDS: dict[str, float] = {
    "dubbelt": 2, "dubbla": 2, "tredubbelt": 3, "fyrdubbelt": 4, "femdubbelt": 5, "tiodubbelt": 10,
    "hälften": 0.5,  # "hälften så många": a factor, where "hälften av dem" is a share
}
# "halvannan gång så många", "två och en halv månad": one and a half, and a number word and a half
HALF_MORE_WORDS: dict[str, float] = {"halvannan": 1.5, "halvtannat": 1.5}
# singular units after such a number ("halvannan månad", "två och en halv vecka"): the plural unit
SINGULAR_TIME_UNITS: dict[str, str] = {"gång": "gånger", "månad": "månader", "vecka": "veckor", "dag": "dagar",
                                       "timme": "timmar", "år": "år"}
# The comparatives after "så" that make such a factor a figure: a count or a time ("dubbelt så många",
# "dubbelt så lång"). "dubbelt så stor som andelen män" compares two shares printed elsewhere and
# states no figure of its own.
MULTIPLIED_WORDS = frozenset({"många", "mycket", "lång", "långa", "långt", "länge", "dyr", "dyrt", "dyra", "ofta"})

# Wholes a share is read out of when printed in digits ("7 av 10", "3 av 4"); a bigger whole
# ("200 av 1 000 deltagare") gives two counts, not a share.
OUT_OF_DIGIT_WHOLES = frozenset({2, 3, 4, 5, 10, 100})

# "sju av tio", "två av tio", "1 av 5": a share out of a whole, as percent.
OUT_OF = re.compile(
    r"\b(?P<part>\d{1,3}|" + "|".join(sorted(list(NUMBER_WORDS) + list(ONE_WORDS), key=len, reverse=True))
    + r")\s+av\s+(?P<whole>tio|hundra|fem|fyra|tre|\d{1,3})\b",
    re.IGNORECASE,
)

# The characters that group thousands: space, no-break space, narrow no-break space, thin space.
GROUP_SPACES = " \u00a0\u202f\u2009"
# Minus signs as printed: hyphen-minus, typographic minus, en dash used as minus. A "+" is
# allowed too ("(+2,7 miljoner kronor för alternativa insatser)") and keeps the value positive.
MINUS_SIGNS = "-\u2212\u2013"
# Dashes between the two ends of a range.
RANGE_DASHES = "-\u2013\u2014"

_SPACE_CLASS = "[" + GROUP_SPACES + "]"
_SIGN_CLASS = "[" + re.escape(MINUS_SIGNS + "+") + "]"
_DASH_CLASS = "[" + re.escape(RANGE_DASHES) + "]"
_UNSIGNED = r"(?:\d{1,3}(?:" + _SPACE_CLASS + r"\d{3})+|\d+)(?:,\d+)?"

NUMBER_PATTERN = r"(?:" + _SIGN_CLASS + r")?" + _UNSIGNED
RANGE_PATTERN = _UNSIGNED + r"\s?" + _DASH_CLASS + r"\s?" + _UNSIGNED

_NUMBER_FULL = re.compile(r"^(" + _SIGN_CLASS + r")?\s?(" + _UNSIGNED + r")$")
_RANGE_FULL = re.compile(r"^(" + _UNSIGNED + r")\s?" + _DASH_CLASS + r"\s?(" + _UNSIGNED + r")$")


def parse_swedish_number(text: str) -> Optional[Number]:
    """The value of a number as printed: "8 662" -> 8662, "9,7" -> 9.7, "−5 000" -> -5000.

    Returns an int when no decimal comma was printed, a float otherwise, and None for
    anything that is not one number (words, ranges, identifiers such as "2003:1210").
    A trailing "%" is allowed ("9,7%"), since table cells print it glued to the number.
    """
    t = text.strip()
    if t.endswith("%"):
        t = t[:-1].rstrip()
    m = _NUMBER_FULL.match(t)
    if not m:
        return None
    sign, body = m.group(1), m.group(2)
    digits = re.sub(_SPACE_CLASS, "", body)
    if "," in digits:
        value: Number = float(digits.replace(",", "."))
    else:
        value = int(digits)
    return -value if sign and sign != "+" else value


def parse_range(text: str) -> Optional[tuple[Number, Number]]:
    """Both ends of a printed range: "2013–2022" -> (2013, 2022), "19–29" -> (19, 29)."""
    m = _RANGE_FULL.match(text.strip())
    if not m:
        return None
    low, high = parse_swedish_number(m.group(1)), parse_swedish_number(m.group(2))
    if low is None or high is None:
        return None
    return low, high


def parse_number_word(word: str, allow_one: bool = False) -> Optional[int]:
    """The value of a number written as a word ("fyra" -> 4); "en"/"ett" only when allowed."""
    w = word.strip().lower()
    if w in NUMBER_WORDS:
        return NUMBER_WORDS[w]
    if allow_one and w in ONE_WORDS:
        return ONE_WORDS[w]
    return None


# --- cardinals as they are said: "sjuttioåtta", "niohundrafemtio", "tre tusen sexhundra" ----------------------------

_UNITS_1_9 = {"en": 1, "ett": 1, "två": 2, "tre": 3, "fyra": 4, "fem": 5, "sex": 6, "sju": 7, "åtta": 8, "nio": 9}
_TEENS = {w: v for w, v in NUMBER_WORDS.items() if 10 <= v <= 19}
_TENS = {w: v for w, v in NUMBER_WORDS.items() if v in (20, 30, 40, 50, 60, 70, 80, 90)}
_TENS_AND_UNITS = {t + u: tv + uv for t, tv in _TENS.items() for u, uv in _UNITS_1_9.items()}  # "sjuttioåtta", "tjugoen"
_BELOW_100 = {**{w: v for w, v in _UNITS_1_9.items() if w != "en"}, **_TEENS, **_TENS, **_TENS_AND_UNITS}
_BELOW_1000 = re.compile(r"^(?:(?P<h>" + "|".join(sorted(_UNITS_1_9, key=len, reverse=True)) + r")?(?P<hundra>hundra))?(?P<r>"
                         + "|".join(sorted(_BELOW_100, key=len, reverse=True)) + r")?$")
# "tvåtusentrettiofem": a year said in words, not a count
SPOKEN_YEARS = range(1950, 2101)


def _below_thousand(word: str) -> Optional[tuple[int, bool]]:
    """(value, composed) of one word below 1 000 ("sjuttioåtta" 78, "niohundrafemtio" 950, "tolv" 12, "ett" 1);
    composed when it joins more than one number word ("fyrahundra", "tjugoen"; not "tolv", "hundra")."""
    m = _BELOW_1000.match(word)
    if not word or m is None or word == "en":
        return None
    hundreds = (_UNITS_1_9[m.group("h")] if m.group("h") else 1) if m.group("hundra") else 0
    rest = _BELOW_100[m.group("r")] if m.group("r") else 0
    composed = bool(m.group("hundra")) and word != "hundra" or (m.group("r") or "") in _TENS_AND_UNITS
    return hundreds * 100 + rest, composed


def parse_cardinal(words: list[str]) -> Optional[tuple[int, int, bool]]:
    """(value, words used, composed) of the cardinal that `words` (lower case) open, as Swedish says and writes
    numbers in words: "sjuttioåtta" 78, "sjuhundra" 700, "niohundrafemtio" 950, "femtusen" 5 000, "tre tusen
    sexhundra" 3 600, "fyrtiotre tusen" 43 000, "tolv tusen fyrahundra" 12 400. `composed`: more than one number
    word joined (a figure whoever says it; "tre" alone may count a report's parts). None for no number word."""
    if not words:
        return None
    first = words[0]
    glued = re.match(r"^(.*?)tusen(.*)$", first)
    if glued and glued.group(1) != "" or (glued and first != "tusen"):
        left = _below_thousand(glued.group(1)) if glued.group(1) else (1, False)
        right = _below_thousand(glued.group(2)) if glued.group(2) else (0, False)
        if left is None or right is None:
            return None
        return left[0] * 1000 + right[0], 1, True
    head = _below_thousand(first)
    if head is None:
        return None
    value, used, composed = head[0], 1, head[1]
    if len(words) > 1 and words[1] == "tusen" and value:
        value, used, composed = value * 1000, 2, True
        if len(words) > 2:
            tail = _below_thousand(words[2])
            if tail is not None and tail[0] and words[2] not in ("en", "ett"):
                value, used = value + tail[0], 3
    return value, used, composed


# "ett tjugotal", "ett drygt sextiotal", "ett 60-tal": about that many ("tusental" names a unit, "1990-talet" a decade)
APPROXIMATE_TENS = {"tiotal": 10, "tjugotal": 20, "trettiotal": 30, "fyrtiotal": 40, "femtiotal": 50, "sextiotal": 60,
                    "sjuttiotal": 70, "åttiotal": 80, "nittiotal": 90, "hundratal": 100}
_DIGITS_TAL = re.compile(r"^(\d{1,3})-tal$")


def parse_approximate_count(word: str) -> Optional[int]:
    """"tjugotal" -> 20, "60-tal" -> 60; None for any other word."""
    w = word.strip().lower()
    if w in APPROXIMATE_TENS:
        return APPROXIMATE_TENS[w]
    m = _DIGITS_TAL.match(w)
    return int(m.group(1)) if m else None


def parse_out_of(text: str) -> Optional[float]:
    """"sju av tio" -> 70.0 (percent); None unless the whole text is such a phrase."""
    m = OUT_OF.fullmatch(text.strip())
    if not m:
        return None
    part = _word_or_digits(m.group("part"))
    whole = _word_or_digits(m.group("whole"))
    if part is None or not whole or part > whole:
        return None
    return 100.0 * part / whole


def _word_or_digits(text: str) -> Optional[int]:
    if text.isdigit():
        return int(text)
    return parse_number_word(text, allow_one=True)


__all__ = [
    "SPOKEN_YEARS", "parse_cardinal",
    "MULTIPLIED_WORDS",
    "MULTIPLIER_WORDS",
    "HALF_MORE_WORDS",
    "SINGULAR_TIME_UNITS",
    "EVERY_NTH_WORDS",
    "EVERY_OTHER",
    "FRACTIONS",
    "GROUP_SPACES",
    "HALF_WORDS",
    "ORDINALS",
    "OUT_OF_DIGIT_WHOLES",
    "MINUS_SIGNS",
    "NUMBER_PATTERN",
    "NUMBER_WORDS",
    "ONE_WORDS",
    "OUT_OF",
    "RANGE_DASHES",
    "RANGE_PATTERN",
    "APPROXIMATE_TENS",
    "parse_approximate_count",
    "parse_number_word",
    "parse_out_of",
    "parse_range",
    "parse_swedish_number",
]
