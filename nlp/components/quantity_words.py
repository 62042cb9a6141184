"""The words around a number, for the quantities component: its unit ("62 procent", "375,6 miljoner
kronor"), its qualifier before or after it ("cirka", "drygt", "eller fler")."""
from __future__ import annotations

import re
from typing import Optional

from spacy.tokens import Doc, Token

from nlp.sv.qualifiers import EXACT, POST_QUALIFIERS, QUALIFIERS
from nlp.sv.units import COUNT_UNIT, MONEY_WORDS, RATE_DENOMINATORS, SCALES, UNITS, UNIT_SUFFIXES


# Joiners between two figures that share the unit printed after the second
# ("56 respektive 53 procent", "mellan 50 och 60 procent").
SHARED_UNIT_JOINERS = frozenset({"respektive", "och", "till", "eller", "mot", "utan", ",", "–", "-"})


def _words(doc: Doc, start: int, stop: int, step: int) -> list[Token]:
    """Non-space tokens from `start` walking by `step`, at most until `stop` (exclusive)."""
    out = []
    i = start
    while 0 <= i < len(doc) and i != stop:
        if not doc[i].is_space:
            out.append(doc[i])
        i += step
    return out


def next_words(doc: Doc, i: int, n: int = 3) -> list[Token]:
    return _words(doc, i + 1, min(len(doc), i + 1 + n + 4), 1)[:n]


def prev_words(doc: Doc, i: int, n: int = 3) -> list[Token]:
    return _words(doc, i - 1, max(-1, i - 1 - n - 4), -1)[:n]


def unit_after(doc: Doc, end: int) -> tuple[Optional[str], float, int, bool]:
    """(unit, scale, tokens used, printed) for the words after token index `end - 1`."""
    nxt = next_words(doc, end - 1, 2)
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
        after = next_words(doc, nxt[0].i, 2)
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
        used = nxt[0].i - end + 1
        counted = _counted_in_sentence(doc, end - 1)
        if counted is not None:
            return counted, SCALES[low[0]], used, True  # "Antalet ersatta dagar ... från 24,8 miljoner 2029"
        # the paragraph, not only the sentence: "Arbetsförmedlingen lämnar tillbaka drygt 57 miljoner."
        money = any(w in doc.text.lower() for w in MONEY_WORDS)
        return ("kronor" if money else COUNT_UNIT), SCALES[low[0]], used, True
    return None, 1.0, 0, False


_COUNT_OF = re.compile(r"\bantal(?:et)?\s+((?:[^\W\d]+\s+){0,2}[^\W\d]+)", re.IGNORECASE)


def _counted_in_sentence(doc: Doc, i: int) -> Optional[str]:
    """The unit of a bare "N miljoner" whose sentence says what it counts and names no money: "Antalet ersatta
    dagar ... minskar från 24,8 miljoner" (dagar), "Antalet inskrivna ... 1,2 miljoner" (antal); None otherwise."""
    sent = doc[i].sent if doc.has_annotation("SENT_START") else doc[:]
    text = sent.text.lower()
    m = _COUNT_OF.search(text[:doc[i].idx - sent.start_char])
    if m is None or any(re.search(r"\b" + re.escape(w), text) for w in MONEY_WORDS):
        return None
    for word in m.group(1).split():
        for suffix, unit in UNIT_SUFFIXES:
            if word.endswith(suffix):
                return unit
    return COUNT_UNIT


def _qualifier_phrase_before(doc: Doc, start: int) -> str:
    """The qualifier printed before a figure, as written ("drygt", "upp till", "<"), or ""."""
    prev = prev_words(doc, start, 3)
    words = [t.lower_ for t in prev]  # nearest first
    for n in (3, 2, 1):
        if len(words) >= n:
            phrase = " ".join(reversed(words[:n]))
            if phrase in QUALIFIERS:
                return phrase
    return ""


def qualifier_before(doc: Doc, start: int) -> str:
    phrase = _qualifier_phrase_before(doc, start)
    return QUALIFIERS[phrase] if phrase else EXACT


def _qualifier_phrase_after(doc: Doc, end: int) -> str:
    nxt = [t.lower_ for t in next_words(doc, end - 1, 2)]
    if len(nxt) == 2 and f"{nxt[0]} {nxt[1]}" in POST_QUALIFIERS:
        return f"{nxt[0]} {nxt[1]}"
    return ""


def qualifier_after(doc: Doc, end: int) -> Optional[str]:
    phrase = _qualifier_phrase_after(doc, end)
    return POST_QUALIFIERS[phrase] if phrase else None


def qualifier_word(doc: Doc, start: int, end: int) -> str:
    """The qualifier as printed ("drygt", "knappt", "upp till", "eller fler"): "approximate" alone
    does not say whether a figure was rounded up or down, the word does."""
    return _qualifier_phrase_after(doc, end) or _qualifier_phrase_before(doc, start)


def word_after(doc: Doc, i: int, n: int) -> str:
    """The n-th word after token i (1 = the next one), lower case, or ""."""
    nxt = next_words(doc, i, n)
    return nxt[n - 1].lower_ if len(nxt) >= n else ""
