"""Words before a figure that say how exact it is.

"cirka 345 miljoner" is approximate, "över 20 000" is a lower bound, "under 10 procent" an
upper one. The qualifier is part of the fact: "drygt 57 miljoner" and "57 miljoner" are not
the same claim, and a restatement check must know which figures were rounded on purpose.
"""
from __future__ import annotations

# Phrase (lower case) -> qualifier. Multi-word phrases are matched before single words.
QUALIFIERS: dict[str, str] = {
    # approximate: the figure is rounded or estimated
    "cirka": "approximate",
    "ca": "approximate",
    "ca.": "approximate",
    "c:a": "approximate",
    "ungefär": "approximate",
    "runt": "approximate",
    "omkring": "approximate",
    "kring": "approximate",
    "drygt": "approximate",
    "knappt": "approximate",
    "nästan": "approximate",
    "närmare": "approximate",
    "nära": "approximate",
    "uppskattningsvis": "approximate",
    "i storleksordningen": "approximate",
    "uppemot": "approximate",
    # over: a lower bound
    "över": "over",
    "mer än": "over",
    "fler än": "over",
    "minst": "over",
    # under: an upper bound
    "under": "under",
    "mindre än": "under",
    "färre än": "under",
    "högst": "under",
    "som mest": "under",
    "upp till": "under",
    # signs printed before a figure in tables and notes ("<5" for a small, suppressed count)
    "<": "under",
    "≤": "under",
    ">": "over",
    "≥": "over",
}
# After the figure: "60 procent eller fler ska ha utvecklat ... arbetsförmåga".
POST_QUALIFIERS: dict[str, str] = {
    "eller fler": "over",
    "eller mer": "over",
    "eller högre": "over",
    "eller färre": "under",
    "eller mindre": "under",
    "eller lägre": "under",
}

# Left out: "nära hälften" needs no entry of its own ("nära" + FRACTIONS); "omkring" and
# "kring" also start periods ("kring 2015") but only a figure after them is qualified.

EXACT = "exact"

__all__ = ["EXACT", "POST_QUALIFIERS", "QUALIFIERS"]
