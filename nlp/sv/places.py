"""Sweden's 21 län, as the reports name them: a figure "i Norrbottens län" is that län's.

A län is named in full ("Västra Götalands län") or, where the text speaks of län, by its short name
("... 7,4 procent i Skåne och 5,8 procent i Västra Götaland" after "I storstadslänen"): the short names are
also towns and regions, so they count only then. The group is the län's full name, as a table's row
label prints it.
"""
from __future__ import annotations

import re

from nlp.sv.breakdowns import Term

# short name -> full name (Länsstyrelsernas spelling)
LAN: dict[str, str] = {
    "Stockholm": "Stockholms län", "Uppsala": "Uppsala län", "Södermanland": "Södermanlands län",
    "Östergötland": "Östergötlands län", "Jönköping": "Jönköpings län", "Kronoberg": "Kronobergs län",
    "Kalmar": "Kalmar län", "Gotland": "Gotlands län", "Blekinge": "Blekinge län", "Skåne": "Skåne län",
    "Halland": "Hallands län", "Västra Götaland": "Västra Götalands län", "Värmland": "Värmlands län",
    "Örebro": "Örebro län", "Västmanland": "Västmanlands län", "Dalarna": "Dalarnas län",
    "Gävleborg": "Gävleborgs län", "Västernorrland": "Västernorrlands län", "Jämtland": "Jämtlands län",
    "Västerbotten": "Västerbottens län", "Norrbotten": "Norrbottens län",
}
LAN_NAMES: frozenset[str] = frozenset(LAN.values())

_FULL = re.compile(r"\b(" + "|".join(re.escape(n[:-4]) for n in sorted(LAN_NAMES, key=len, reverse=True)) + r")\s+län\b")
_SHORT = re.compile(r"\b(" + "|".join(re.escape(n) for n in sorted(LAN, key=len, reverse=True)) + r")\b(?!s?\s+(?:län|kommun))")
# the text speaks of län: "länen", "storstadslänen", "i vilket län"
_SPEAKS_OF_LAN = re.compile(r"\w*län(?:en|et|s)?\b", re.IGNORECASE)


def find_place_terms(text: str) -> list[Term]:
    """Every län named in `text` as a Term (key "grupp", the full name as value), in text order."""
    found = [Term(m.start(), m.end(), "grupp", f"{m.group(1)} län") for m in _FULL.finditer(text)]
    if _SPEAKS_OF_LAN.search(text):
        taken = [(t.start, t.end) for t in found]
        found += [Term(m.start(), m.end(), "grupp", LAN[m.group(1)]) for m in _SHORT.finditer(text)
                  if not any(s <= m.start() < e for s, e in taken)]
    return sorted(found, key=lambda t: t.start)


# "i Köping 640 och i Sala 410": places no list knows (kommuner, towns, districts), named in parallel, each right
# before its figure. Two or more in one sentence are the groups of its figures, and so is the place that opens the
# sentence ("I Västerås nådde koordinatorerna 2 530 patienter, i Köping 640 och i Sala 410").
_NAME = r"[A-ZÅÄÖ][a-zåäö]{2,}(?:[- ][A-ZÅÄÖ][a-zåäö]{2,})?"
_PLACE_BEFORE_FIGURE = re.compile(rf"\bi\s+({_NAME})(?=\s+(?:cirka\s+|drygt\s+|knappt\s+|nästan\s+)?\d)")
_PLACE_OPENING = re.compile(rf"^\s*I\s+({_NAME})\b")
_SENTENCE = re.compile(r"[^.!?\n]+[.!?]*")


def find_parallel_places(text: str) -> list[Term]:
    """Places named in parallel before their figures, as Terms (key "grupp", the name as printed)."""
    found: list[Term] = []
    for sentence in _SENTENCE.finditer(text):
        before = [m for m in _PLACE_BEFORE_FIGURE.finditer(sentence.group(0)) if m.group(1) not in LAN]
        opening = _PLACE_OPENING.match(sentence.group(0))
        named = [*([opening] if opening and opening.group(1) not in LAN else []), *before]
        if len({m.group(1) for m in before}) >= 2 or (before and opening and len({m.group(1) for m in named}) >= 2):
            found += [Term(sentence.start() + m.start(1), sentence.start() + m.end(1), "grupp", m.group(1))
                      for m in dict.fromkeys(named)]
    return found


def is_place(term: Term) -> bool:
    """A län, or a place no list knows named in parallel (find_parallel_places): a group's proper name."""
    return term.key == "grupp" and bool(term.value) and (term.value in LAN_NAMES or term.value[:1].isupper())


__all__ = ["LAN", "LAN_NAMES", "find_parallel_places", "find_place_terms", "is_place"]
