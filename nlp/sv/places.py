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


def is_place(term: Term) -> bool:
    return term.key == "grupp" and term.value in LAN_NAMES


__all__ = ["LAN", "LAN_NAMES", "find_place_terms", "is_place"]
