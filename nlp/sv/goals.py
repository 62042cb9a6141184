"""Words that make a figure a goal rather than an outcome.

The catalogue keeps a goal apart from what was achieved (`*_mal_*` keys beside the outcome's key,
see nlp/measures.yaml), so that "minst 12 000 gemensamma kartläggningar" set for next year is never
compared with the 11 593 that were done. A report, a protocol or a regleringsbrev says "mål" in
many ways; these patterns read the clause a figure stands in.
"""
from __future__ import annotations

import re

# "målet om 13 000", "ett gemensamt mål om minst", "Målet för andelen ... är 15 procent", "målsättningen är"
GOAL_NOUN: re.Pattern[str] = re.compile(r"\bmål(?:et|en|sättning(?:en)?|nivå(?:n)?)?\b(?!\s*(?:grupp|bild|gång))", re.IGNORECASE)
# "att genomföra minst 12 000", "att minst 58 procent ... ska", "ska uppgå till minst", "ska nå 60 procent"
GOAL_INTENT: re.Pattern[str] = re.compile(
    r"\b(?:att\s+(?:genomföra|nå|uppnå|erbjuda|hålla)|ska\s+(?:uppgå\s+till|vara|nå|uppnå|genomföras|genomföra|hållas|erbjudas))\s+"
    r"(?:\w+\s+){0,2}?(?:minst|högst|som\s+minst)?\s*$", re.IGNORECASE)
# A clause that reports what happened to a goal ("målet uppnåddes", "nådde målet") speaks of outcomes.
GOAL_OUTCOME: re.Pattern[str] = re.compile(r"\b(?:uppnådde|uppnåddes|nådde|nåddes|överträffade|överträffades|klarade)s?\b",
                                           re.IGNORECASE)

# A table column or row of goals: "Mål 2034", "Målvärde", "Målnivå 2030" (not "Avvikelse mot mål", "Måluppfyllelse")
GOAL_HEADER: re.Pattern[str] = re.compile(r"^\s*(?:mål|målet|målvärde|målvärdet|målnivå|målnivån|målsättning)\b", re.IGNORECASE)

__all__ = ["GOAL_HEADER", "GOAL_INTENT", "GOAL_NOUN", "GOAL_OUTCOME"]
