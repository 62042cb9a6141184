"""Units and scales of the figures in the reports.

A figure's unit is the word printed right after it ("62 procent", "903 dagar", "709 mkr").
Amounts of money are normalised to kronor: "375,6 miljoner kronor" is 375 600 000 kronor
with scale 1 000 000, and the printed form is kept beside the value. A figure with no unit
word counts something ("8 662 gemensamma kartläggningar") and gets the unit "antal".
"""
from __future__ import annotations

import re

from nlp.sv.english import ENGLISH_MONEY_WORDS, ENGLISH_SCALES, ENGLISH_UNITS

# Printed unit word (lower case) -> (unit, scale). Multi-word forms are matched first, so
# "miljoner kronor" wins over "miljoner". Ages ("19–29 år") and durations keep their own unit.
UNITS: dict[str, tuple[str, float]] = {
    "procent": ("procent", 1.0),
    "promille": ("promille", 1.0),
    "per 1 000": ("promille", 1.0),  # "1,5 per 1 000 försäkrade": a rate per thousand
    "per tusen": ("promille", 1.0),
    "%": ("procent", 1.0),
    "procentenheter": ("procentenheter", 1.0),
    "procentenhet": ("procentenheter", 1.0),
    "dagar": ("dagar", 1.0),
    "dag": ("dagar", 1.0),
    "dagars": ("dagar", 1.0),
    "kronor": ("kronor", 1.0),
    "kronorna": ("kronor", 1.0),
    "kr": ("kronor", 1.0),
    "tkr": ("kronor", 1e3),
    "tusen kronor": ("kronor", 1e3),
    "tusentals kronor": ("kronor", 1e3),
    "mkr": ("kronor", 1e6),
    "mnkr": ("kronor", 1e6),
    "mdkr": ("kronor", 1e9),
    "miljoner kronor": ("kronor", 1e6),
    "miljoner kronorna": ("kronor", 1e6),
    "miljon kronor": ("kronor", 1e6),
    "miljarder kronor": ("kronor", 1e9),
    "miljard kronor": ("kronor", 1e9),
    "år": ("ar", 1.0),  # the catalogue's ASCII unit key for years of age or duration
    "månader": ("månader", 1.0),
    "månaders": ("månader", 1.0),
    "veckor": ("veckor", 1.0),
    "timmar": ("timmar", 1.0),
    "öre": ("kronor", 0.01),
    "gånger": ("gånger", 1.0),
    "ggr": ("gånger", 1.0),
    "promille": ("promille", 1.0),
    "‰": ("promille", 1.0),
    "mdr": ("kronor", 1e9),
    "mdr kr": ("kronor", 1e9),
    "md kr": ("kronor", 1e9),
}

UNITS.update(ENGLISH_UNITS)  # a report's English summary: "71.2 per cent", "3.1 percentage points"

# Compounds ending in a time unit name that unit: "ersättningsdagar", "sjukdagar", "arbetstimmar".
UNIT_SUFFIXES: tuple[tuple[str, str], ...] = (
    ("dagar", "dagar"), ("dagars", "dagar"), ("timmar", "timmar"), ("veckor", "veckor"), ("månader", "månader"),
)

# "1,5 per 1 000 försäkrade", "Räknat per 1 000 försäkrade genomfördes 1,9 kartläggningar": a rate per
# thousand, in promille; the 1 000 is its base, not a figure.
RATE_PER_MILLE = re.compile(r"\bper\s+(?:1[\s\u00a0\u202f]?000|tusen)(?!\s*(?:kronor|kr)\b)(?=\s+[^\W\d])", re.IGNORECASE)
RATE_BASES: frozenset[float] = frozenset({100.0, 1000.0, 10000.0, 100000.0})

# A share printed as a fraction in running text, "0,48" in a sentence about a share ("Andelen ... varierade
# mellan 0,08 och 0,58", "knappt hälften, 0,48"): the figure, the words that make the sentence about a share,
# and the comparison after it that makes a difference of two shares ("0,31 lägre": procentenheter)
FRACTION_FIGURE = re.compile(r"^[−-]?0,\d{1,3}$")
SHARE_SENTENCE = re.compile(r"\bandel(?:en|ar|arna|s)?\b|\bhälften\b", re.IGNORECASE)
SHARE_COMPARISON_AFTER = re.compile(r"^\s*(?:lägre|högre|större|mindre|fler|färre)\b", re.IGNORECASE)

# "kr/kWh", "kronor per kWh", "öre/kWh": a price per something, kept as a unit of its own.
RATE_DENOMINATORS: frozenset[str] = frozenset({"kwh", "mwh", "liter", "km", "mil", "kvadratmeter", "kvm", "m2", "ton"})

# Scale words that may stand without a unit after them ("cirka 345 miljoner av de tilldelade
# 375,6 miljoner kronor"): the unit then comes from the sentence (see MONEY_WORDS).
SCALES: dict[str, float] = {
    "tusen": 1e3,
    "miljon": 1e6,
    "miljoner": 1e6,
    "miljard": 1e9,
    "miljarder": 1e9,
    **ENGLISH_SCALES,
}

# Words that make a bare "miljoner" an amount of money: the reports write "förbrukade
# cirka 39 miljoner" and "lämnar tillbaka drygt 57 miljoner" about money without "kronor".
MONEY_WORDS: tuple[str, ...] = (
    "kronor", "kr", "tkr", "mkr", "mnkr", "medel", "anslag", "budget", "förbruk", "tilldela",
    "kostnad", "kostar", "kostade", "underutnyttj", "överskott", "underskott", "avräkning", "finansier",
    # what is done with money: "satsar 100 miljoner per år", "avsätts 40 miljoner", "tillförs 2 miljarder"
    "satsa", "satsning", "avsätt", "tillför", "tillskott", "utgift", "intäkt", "pengar", "belopp",
    *ENGLISH_MONEY_WORDS,
)

# Table unit notes ("Belopp i tkr") -> (unit, scale).
UNIT_NOTES: dict[str, tuple[str, float]] = {
    "per 1 000": ("promille", 1.0),  # "Kartläggningar per 1 000 försäkrade": a rate per thousand
    "per 1\u00a0000": ("promille", 1.0),
    "per 1000": ("promille", 1.0),
    "per tusen": ("promille", 1.0),
    "tkr": ("kronor", 1e3),
    "mdkr": ("kronor", 1e9),
    "mdr kr": ("kronor", 1e9),
    "miljarder kronor": ("kronor", 1e9),
    "miljoner": ("kronor", 1e6),  # "Belopp i miljoner": a table's amounts, the currency implied
    "tusental kronor": ("kronor", 1e3),
    "%": ("procent", 1.0),
    "procentenheter": ("procentenheter", 1.0),  # "Förändring mot 2026 (procentenheter)": a difference of shares
    "öre": ("kronor", 0.01),
    "tusental": ("antal", 1e3),  # "Personer som berörs (tusental)": counts in thousands
    "tusentals kronor": ("kronor", 1e3),
    "tusen kronor": ("kronor", 1e3),
    "mkr": ("kronor", 1e6),
    "mnkr": ("kronor", 1e6),
    "miljoner kronor": ("kronor", 1e6),
    "kronor": ("kronor", 1.0),
    "kr": ("kronor", 1.0),
    "procent": ("procent", 1.0),
    "antal": ("antal", 1.0),
    "dagar": ("dagar", 1.0),
}

# The unit of a figure that has no unit word.
COUNT_UNIT = "antal"


def unit_note_scale(note: str) -> tuple[str, float] | None:
    """The unit and scale a table's unit note states: "Belopp i tkr" -> ("kronor", 1000)."""
    low = note.lower()
    for word in sorted(UNIT_NOTES, key=len, reverse=True):
        at = f" {low}".find(f" {word}")
        if at < 0:
            at = low.find(f"({word}")
            at = at + 1 if at >= 0 else -1
        if at < 0:
            continue
        if word == "%" or low.endswith(word) or not low[at + len(word):][:1].isalpha():
            return UNIT_NOTES[word]
    return None


# Amount units that say nothing else: a caption or header naming one ("Kostnad, mnkr",
# "(miljoner kronor)", "Belopp i tkr") gives the unit of every figure under it.
_AMOUNT_UNITS = r"(?:tkr|mkr|mnkr|mdkr|mdr\s+kr|tusentals?\s+kronor|tusen\s+kronor|miljoner\s+kronor|miljarder\s+kronor|miljoner|kronor|kr)"
_UNIT_PHRASE = re.compile(
    r"\bper\s+(?:1[\s\u00a0\u202f]?000|tusen)(?!\s*(?:kronor|kr)\b)(?=\s+[^\W\d])|"
    r"(?<![\d\w])(?:(?:belopp|värden|uppgifter|summor|kostnader?|utgifter)\s+)?i\s+" + _AMOUNT_UNITS + r"(?![\w])"
    r"|\(\s*(?:i\s+|antal\s+i\s+|belopp\s+i\s+)?(?:" + _AMOUNT_UNITS[3:-1] + r"|procentenheter|procent|%|antal|dagar|tusental)\s*\)"
    r"|(?<![\d\w])i\s+tusental\b"
    # ("Sjuktalet de senaste fem kvartalen, dagar per försäkrad": a rate's unit and its base)
    r"|(?<=[,;:])\s*(?:tkr|mkr|mnkr|mdkr|miljoner kronor|miljarder kronor|tusentals kronor|kronor|kr|procentenheter|procent|%|antal|dagar|tusental)"
    r"(?:\s+per\s+[^\W\d]+)?\s*$"
    r"|(?<![\d\s])\s+(?:tkr|mkr|mnkr|mdkr)\b"
    r"|^\s*(?:(?:belopp|värden|uppgifter|antal)\s+i\s+)?(?:tkr|mkr|mnkr|mdkr|miljoner kronor|miljarder kronor|tusentals? kronor|tusen kronor|tusental|antal|procent|dagar|kronor|promille)"
    # a unit line may add its price base or reference after a comma: "Kronor, 2027 års priser"
    r"(?=\s*\.?$|\s*,(?:\s*(?:[^\W\d]+|\d{4}))+\s*\.?$)",
    re.IGNORECASE)


def unit_phrase(text: str) -> str:
    """The words of a caption, header or note that name the unit of a table's figures, as printed,
    or "": "Kostnader 2024–2026 (miljoner kronor)" -> "(miljoner kronor)"; "Anm.: Belopp i mnkr." ->
    "Belopp i mnkr". A unit after a number ("90 dagar", "5 mnkr") is a figure, not a note."""
    m = _UNIT_PHRASE.search(text or "")
    if not m:
        return ""
    # "Antal, tusental": the scale after the comma belongs to the unit before it
    scale = _SCALE_AFTER.match(text[m.end():])
    return (m.group(0) + scale.group(0) if scale else m.group(0)).strip(" ,;:.")


_SCALE_AFTER = re.compile(r"\s*,\s*(?:i\s+)?(?:tusental|tusentals?\s+kronor|tkr|mkr|mnkr|mdkr|miljoner(?:\s+kronor)?|"
                          r"miljarder(?:\s+kronor)?)(?![\w])", re.IGNORECASE)


# "Tusental kronor (tkr)": a unit line that ends in its own abbreviation
_UNIT_ABBREVIATION_AFTER = re.compile(r"\s*\((?:tkr|mnkr|mkr|mdkr|kr|%|procent|antal)\)\s*$", re.IGNORECASE)


def unit_line_of(line: str) -> str:
    """The unit a line names when naming a unit is all it does, as printed, else "": "Miljoner kronor",
    "Belopp i tkr", "Procent", "Kronor, 2027 års priser", "Tusental kronor (tkr)". One rule for every
    reader: the line under a caption, above or below a table, in text or in a PDF."""
    text = " ".join((line or "").split())
    text = _UNIT_ABBREVIATION_AFTER.sub("", text) if unit_phrase(_UNIT_ABBREVIATION_AFTER.sub("", text)) else text
    found = unit_phrase(text)
    if found and (len(found) >= len(text.strip(" .()")) - 2 or text[len(found):].lstrip().startswith(",")):
        return found
    return ""


__all__ = ["COUNT_UNIT", "MONEY_WORDS", "RATE_BASES", "RATE_PER_MILLE", "SCALES", "UNITS", "UNIT_NOTES", "UNIT_SUFFIXES",
           "RATE_DENOMINATORS", "unit_line_of", "unit_note_scale", "unit_phrase"]
