"""Words that deny what follows them ("inte haft möte", "ej återvänt", "avslag utan omställningsmöte").

A measure named in the few words after a negation is the complement ("Nej" in a Ja/Nej table),
so the measure matcher and the question reader both need to see them.
"""
from __future__ import annotations

NEGATIONS: frozenset[str] = frozenset({"inte", "ej", "icke", "utan", "aldrig", "ingen", "inget", "inga"})

# Answers printed as table headers ("Ja", "Nej"): a cue of their own, never denied.
ANSWERS: frozenset[str] = frozenset({"ja", "nej"})

__all__ = ["ANSWERS", "NEGATIONS"]
