"""Words that say money was spent beyond what was given.

A budget deviation in the reports is allocation minus use (`differens_medel_kronor`: "lämnar tillbaka 13,2
mnkr" is +13,2 mnkr), so an overspend is a negative deviation however it is worded: "överskreds med 3,4 mnkr",
"översteg tilldelningen med 3 812 tusen kronor", "1,9 mnkr mer än ramen", "ett underskott på 420 tkr".
"""
from __future__ import annotations

import re
from typing import NamedTuple, Optional

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
CODE: re.Pattern[str] = re.compile(r"(?<![\d:/.])\d{1,2}:\d{1,2}(?![\d:])")  # an anslag's number
# "anslagen", "anslagen inom utgiftsområde 10": several appropriations together, no one of them
SEVERAL_APPROPRIATIONS = re.compile(r"\banslagen\b", re.IGNORECASE)
# where a caption's name of an appropriation ends: a comma, its kind or unit in parentheses, a year, its unit
_NAME_END = re.compile(r"\s*(?:[,;(]|\s(?:19|20)\d{2}\b|\s(?:i|inom)\s+(?:tusental|miljoner|miljarder|utgiftsområde)\b"
                       r"|\s(?:tkr|mnkr|mdkr|mkr|kronor)\b).*$", re.IGNORECASE)
# what may stand before an anslag's number at the start of a label: its utgiftsområde, bare or named ("10 1:6 ...",
# "Utgiftsområde 10 anslag 1:1 Sjukpenning ...", "UO 14 1:3 ...")
_LABEL_PREFIX = re.compile(r"(?:(?:utgiftsområde|uo)\s*)?\d{1,2}(?:\s+(?:ram)?anslag(?:et)?)?|(?:ram)?anslag(?:et)?", re.IGNORECASE)
_ABBREVIATION_END = re.compile(r"\b\w\.\w\.$")  # "m.m." ends the name "Sjukpenning och rehabilitering m.m."
_CLIPPED_ABBREVIATION = re.compile(r"\b\w\.\w$")


def appropriation_name(text: str, at_start: bool = False) -> Optional[str]:
    """The name of the one appropriation a caption or a label names by its number ("Anslagsutveckling 1:6 Bidrag för
    sjukskrivningsprocessen" -> "Bidrag för sjukskrivningsprocessen"), running to the end of the text, less its
    unit, years and kind; None when the text names none or several. `at_start`: only a label that opens with the
    number ("1:1 Arbetsförmedlingens förvaltningskostnader", "10 1:6 Bidrag ...")."""
    if len(CODE.findall(text)) != 1:
        return None
    m = _APPROPRIATION.search(text)
    prefix = text[:m.start()].strip() if m else ""
    if m is None or (at_start and prefix and not _LABEL_PREFIX.fullmatch(prefix)):
        return None
    name = _NAME_END.sub("", m.group("name")).strip()
    if name.endswith(".") and not _ABBREVIATION_END.search(name):
        name = name[:-1].rstrip()
    elif _CLIPPED_ABBREVIATION.search(name):
        name += "."  # "... m.m" whose last full stop went with the caption's
    return name or None


def appropriation_code(text: str) -> Optional[str]:
    """The one anslag number a text names ("Beställningsbemyndigande för anslaget 1:3, tkr" -> "1:3"), else None."""
    codes = CODE.findall(text)
    return codes[0] if len(codes) == 1 else None


class AppropriationMention(NamedTuple):
    """An appropriation named in running text: "anslaget 1:1 Sjukpenning och rehabilitering m.m.", "anslaget 1:6",
    "anslagsposten 10 1:6 ap.2"; `name` is the name printed after the number, "" when none is."""

    start: int
    end: int
    code: str
    name: str


# the word that makes "1:6" an appropriation's number in prose (a time "10:30", a motion "2026/27:2345" are not)
_MENTION = re.compile(
    r"\b(?:anslag(?:et|en|s|sposten|sposter|spost)?|ramanslag(?:et)?|utgiftsområde\s+\d{1,2})"
    r"(?:\s+(?:\d{1,2}(?=\s+\d{1,2}:)))?\s+(?P<code>\d{1,2}:\d{1,2})(?![\d:])"
    r"(?:\s+ap\.\s?\d{1,2})?", re.IGNORECASE)
# the rest of the clause after the number, over abbreviations ("m.m.") and post numbers ("ap.2")
_REST = re.compile(r"(?:\b\w\.\w\.|\bap\.(?=\s?\d)|[^.;])*")
# where a name printed in prose after the number ends: the verb of the clause, a year, an amount, punctuation
# ("anslaget 1:1 Arbetsförmedlingens förvaltningskostnader för 2029 uppgår till ..."); "för" and "till" inside a
# name ("Bidrag för sjukskrivningsprocessen", "Bidrag till arbetsmarknadspolitiska program") do not end it
_PROSE_NAME_END = re.compile(
    r"\s*(?:[,;:(]|\s[–-]\s|$)"
    r"|\s+(?=(?:för|under|till|i|från|med|om|år|per)\s+(?:år\s+)?(?:19|20)\d{2}\b)"
    r"|\s+(?=(?:med|till|på|om)\s+(?:cirka\s+|drygt\s+|knappt\s+|totalt\s+|sammanlagt\s+)?[+−-]?\d)"
    r"|\s+(?=(?:ökas|ökar|ökade|ökat|minskas|minskar|minskade|minskat|uppgår|uppgick|uppgå|beräknas|beräknades|"
    r"föreslås|får|fick|ska|skall|bör|har|hade|är|var|blir|blev|anvisas|anvisades|tillförs|fördelas|disponeras|"
    r"jämfört|motsvarande|varav|som|vilket|medan|och\s+anslag\w*|samt|eftersom|då|när|därmed|dock|också|även)\b)",
    re.IGNORECASE)


def find_appropriation_mentions(text: str) -> list[AppropriationMention]:
    """Every appropriation the text names by its number after the word "anslag" ("anslaget 1:3", "anslagsposten
    1:1 ap.1 ..."), in order, with the name printed after the number when one is (it opens with a capital)."""
    out = []
    for m in _MENTION.finditer(text):
        rest = _REST.match(text, m.end()).group(0)
        name = ""
        stripped = rest.lstrip()
        if stripped[:1].isupper():
            end = _PROSE_NAME_END.search(stripped)
            name = stripped[:end.start()] if end else stripped
            name = name.strip()
            if name.endswith(".") and not _ABBREVIATION_END.search(name):
                name = name[:-1].rstrip()
            elif _CLIPPED_ABBREVIATION.search(name):
                name += "."
            name = re.sub(r"\s*\((?:ram|ramanslag|obet|sakanslag)[^)]*\)?$", "", name).strip()
        end = m.end() + (len(rest) - len(stripped)) + len(name) if name else m.end()
        out.append(AppropriationMention(m.start(), end, m.group("code"), name))
    return out


__all__ = ["CODE", "OVERSPENT_AFTER", "OVERSPENT_BEFORE", "SEVERAL_APPROPRIATIONS", "AppropriationMention", "appropriation_code", "appropriation_name",
           "find_appropriation_mentions"]
