"""Words for people: what a count of persons is a count of ("2 020 unga", "4 100 sjukskrivna", "312 deltagare").

Language data, importable by any layer. A count whose noun names people counts persons, whatever they did: the
measure comes from what the sentence says they did ("genomförde en gemensam kartläggning"), not from the noun.
"""
from __future__ import annotations

PEOPLE_NOUNS: frozenset[str] = frozenset({
    "personer", "person", "individer", "individ", "människor", "kvinnor", "män", "unga", "ungdomar", "ungdom",
    "äldre", "vuxna", "barn", "pensionärer", "anställda", "arbetslösa", "sjukskrivna", "försäkrade", "inskrivna",
    "klienter", "brukare", "patienter", "invånare", "medborgare", "hushåll", "familjer",
})
# agent nouns and nominalised participles: "deltagare", "mottagare", "sökande", "studerande", "boende"
PEOPLE_SUFFIXES: tuple[str, ...] = ("are", "ande", "ende")


def is_people_word(word: str) -> bool:
    w = word.lower()
    return w in PEOPLE_NOUNS or (len(w) > 5 and w.endswith(PEOPLE_SUFFIXES))


__all__ = ["PEOPLE_NOUNS", "PEOPLE_SUFFIXES", "is_people_word"]
