"""Words that say money was spent beyond what was given.

A budget deviation in the reports is allocation minus use (`differens_medel_kronor`: "lämnar tillbaka 13,2
mnkr" is +13,2 mnkr), so an overspend is a negative deviation however it is worded: "överskreds med 3,4 mnkr",
"översteg tilldelningen med 3 812 tusen kronor", "1,9 mnkr mer än ramen", "ett underskott på 420 tkr".
"""
from __future__ import annotations

import re

# before the amount: "överskreds med", "överskred budgeten med", "översteg tilldelningen med", "ett underskott på"
OVERSPENT_BEFORE: re.Pattern[str] = re.compile(
    r"\b(?:överskr[ei]d\w*|överskridande\w*|överst[ei]g\w*|underskott\w*|överdrag\w*)\b(?:\s+\S+){0,4}?\s+(?:med|på)\s+"
    r"(?:cirka\s+|ca\s+|drygt\s+|knappt\s+|nästan\s+|närmare\s+|omkring\s+|runt\s+)?$", re.IGNORECASE)
# after the amount: "1,9 mnkr mer än ramen", "4 miljoner kronor mer än tilldelat", "över budget"
OVERSPENT_AFTER: re.Pattern[str] = re.compile(
    r"^\s*(?:mer|högre|större)\s+än\s+(?:ramen|tilldelat|tilldelningen|budget\w*|anslag\w*|beviljat|medlen|planerat)\b"
    r"|^\s*över\s+(?:budget\w*|ramen)\b", re.IGNORECASE)

__all__ = ["OVERSPENT_AFTER", "OVERSPENT_BEFORE"]
