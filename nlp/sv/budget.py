"""Words that say money was spent beyond what was given.

A budget deviation in the reports is allocation minus use (`differens_medel_kronor`: "lämnar tillbaka 13,2
mnkr" is +13,2 mnkr), so an overspend is a negative deviation however it is worded: "överskreds med 3,4 mnkr",
"översteg tilldelningen med 3 812 tusen kronor", "1,9 mnkr mer än ramen", "ett underskott på 420 tkr".
"""
from __future__ import annotations

import re
from typing import Optional

# before the amount: "överskreds med", "överskred budgeten med", "översteg tilldelningen med", "ett underskott på"
OVERSPENT_BEFORE: re.Pattern[str] = re.compile(
    r"\b(?:överskr[ei]d\w*|överskridande\w*|överst[ei]g\w*|underskott\w*|överdrag\w*)\b(?:\s+\S+){0,4}?\s+(?:med|på)\s+"
    r"(?:cirka\s+|ca\s+|drygt\s+|knappt\s+|nästan\s+|närmare\s+|omkring\s+|runt\s+)?$", re.IGNORECASE)
# after the amount: "1,9 mnkr mer än ramen", "4 miljoner kronor mer än tilldelat", "över budget"
OVERSPENT_AFTER: re.Pattern[str] = re.compile(
    r"^\s*(?:mer|högre|större)\s+än\s+(?:ramen|tilldelat|tilldelningen|budget\w*|anslag\w*|beviljat|medlen|planerat)\b"
    r"|^\s*över\s+(?:budget\w*|ramen)\b", re.IGNORECASE)

# "1:6 Bidrag för sjukskrivningsprocessen": an appropriation (anslag) by its number in the state budget, then its
# name; not "rskr. 2026/27:98" or "(SFS 2019:420)", and not an anslagspost ("1:6 ap.5 ...", a line of its own)
_APPROPRIATION = re.compile(r"(?<![\d:/.])(?P<code>\d{1,2}:\d{1,2})\s+(?!ap\.)(?P<name>[A-ZÅÄÖ][^\t|]*)")
_CODE = re.compile(r"(?<![\d:/.])\d{1,2}:\d{1,2}(?![\d:])")
# where a caption's name of an appropriation ends: a comma, its kind or unit in parentheses, a year, its unit
_NAME_END = re.compile(r"\s*(?:[,;(]|\s(?:19|20)\d{2}\b|\s(?:i|inom)\s+(?:tusental|miljoner|miljarder|utgiftsområde)\b"
                       r"|\s(?:tkr|mnkr|mdkr|mkr|kronor)\b).*$", re.IGNORECASE)
_ABBREVIATION_END = re.compile(r"\b\w\.\w\.$")  # "m.m." ends the name "Sjukpenning och rehabilitering m.m."
_CLIPPED_ABBREVIATION = re.compile(r"\b\w\.\w$")


def appropriation_name(text: str, at_start: bool = False) -> Optional[str]:
    """The name of the one appropriation a caption or a label names by its number ("Anslagsutveckling 1:6 Bidrag för
    sjukskrivningsprocessen" -> "Bidrag för sjukskrivningsprocessen"), running to the end of the text, less its
    unit, years and kind; None when the text names none or several. `at_start`: only a label that opens with the
    number ("1:1 Arbetsförmedlingens förvaltningskostnader", "10 1:6 Bidrag ...")."""
    if len(_CODE.findall(text)) != 1:
        return None
    m = _APPROPRIATION.search(text)
    prefix = text[:m.start()].strip() if m else ""
    if m is None or (at_start and prefix and not (prefix.isdigit() and len(prefix) <= 2)):  # "10 1:6 ...": utgiftsområde 10
        return None
    name = _NAME_END.sub("", m.group("name")).strip()
    if name.endswith(".") and not _ABBREVIATION_END.search(name):
        name = name[:-1].rstrip()
    elif _CLIPPED_ABBREVIATION.search(name):
        name += "."  # "... m.m" whose last full stop went with the caption's
    return name or None


def appropriation_code(text: str) -> Optional[str]:
    """The one anslag number a text names ("Beställningsbemyndigande för anslaget 1:3, tkr" -> "1:3"), else None."""
    codes = _CODE.findall(text)
    return codes[0] if len(codes) == 1 else None


__all__ = ["OVERSPENT_AFTER", "OVERSPENT_BEFORE", "appropriation_code", "appropriation_name"]
