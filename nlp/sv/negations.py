"""Words that deny what follows them ("inte haft möte", "ej återvänt", "avslag utan omställningsmöte").

A measure named in the few words after a negation is the complement ("Nej" in a Ja/Nej table),
so the measure matcher and the question reader both need to see them.
"""
from __future__ import annotations

NEGATIONS: frozenset[str] = frozenset({"inte", "ej", "icke", "utan", "aldrig", "ingen", "inget", "inga"})

# Answers printed as table headers ("Ja", "Nej"): a cue of their own, never denied.
ANSWERS: frozenset[str] = frozenset({"ja", "nej"})

# Heads that deny the compound's first part: "arbetslös" is without work, "avgiftsfri" without a fee.
# So "arbete" (or "jobb") names no value "öppet arbetslösa", as "handlingsplan" names "handlingsplanssamverkan".
# Written as a user types the head; compared as stem keys.
PRIVATIVE_HEADS: frozenset[str] = frozenset({"lös", "lösa", "fri", "fria"})

__all__ = ["ANSWERS", "NEGATIONS", "PRIVATIVE_HEADS"]
