"""The English that Swedish reports print beside their Swedish: the "Summary" an agency's report ends
with, a table's English subtitle. Its numbers are written the English way ("6,214", "71.2 per cent",
"SEK 742 million"), which read as Swedish would be 6.214 and 71 and 2.

Language data, as the rest of nlp/sv: which words tell English text, how its numbers are printed,
and its unit words (nlp.sv.units carries them beside the Swedish ones).
"""
from __future__ import annotations

import re
from typing import Optional, Union

# Function words: common in English running text and never Swedish words themselves.
_ENGLISH = frozenset({"the", "of", "and", "was", "were", "which", "with", "have", "has", "had", "been",
                      "from", "than", "that", "this", "these", "by", "on", "is", "are", "it", "its", "their",
                      "people", "who", "per", "cent", "compared", "increase", "decrease", "agency", "agencies"})
_SWEDISH = frozenset({"och", "av", "att", "som", "för", "med", "var", "det", "är", "till", "på", "under", "har",
                      "hade", "om", "eller", "inte", "de", "den", "ett", "en", "vid", "efter", "samt", "också"})
MIN_ENGLISH_WORDS = 4

# "6,214", "11,318.5" (comma thousands), "71.2", "742": English digits. Not glued to other digits,
# letters, or a date's or an identifier's separators.
ENGLISH_NUMBER = re.compile(r"(?<![\w.,/:\-–])(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+\.\d+|\d+)(?![\w/:§]|[.,]\d|[\-–]\d)")


def is_english(text: str) -> bool:
    """Whether `text` (a sentence or a paragraph) is written in English: several English function
    words and fewer than half as many Swedish ones."""
    words = re.findall(r"[a-zåäö]+", text.lower())
    english = sum(w in _ENGLISH for w in words)
    swedish = sum(w in _SWEDISH for w in words)
    return english >= MIN_ENGLISH_WORDS and swedish * 2 < english


def parse_english_number(text: str) -> Optional[Union[int, float]]:
    """"6,214" -> 6214; "71.2" -> 71.2; None for anything else."""
    if not ENGLISH_NUMBER.fullmatch(text.strip()):
        return None
    digits = text.strip().replace(",", "")
    return float(digits) if "." in digits else int(digits)


# English unit words -> (unit, scale), looked up with the Swedish ones (they never clash).
ENGLISH_UNITS: dict[str, tuple[str, float]] = {
    "per cent": ("procent", 1.0),
    "percent": ("procent", 1.0),
    "percentage points": ("procentenheter", 1.0),
    "percentage point": ("procentenheter", 1.0),
    "days": ("dagar", 1.0),
    "sek": ("kronor", 1.0),
}
ENGLISH_MONTHS: frozenset[str] = frozenset({"january", "february", "march", "april", "may", "june", "july", "august",
                                            "september", "october", "november", "december"})
# "within 90 days": a time limit that defines a measure, as Swedish "inom"
ENGLISH_THRESHOLD_BEFORE: frozenset[str] = frozenset({"within"})
ENGLISH_SCALES: dict[str, float] = {"thousand": 1e3, "million": 1e6, "billion": 1e9}
# "SEK 742 million": the currency printed before the number
ENGLISH_MONEY_WORDS: tuple[str, ...] = ("sek ",)

__all__ = ["ENGLISH_MONEY_WORDS", "ENGLISH_MONTHS", "ENGLISH_NUMBER", "ENGLISH_SCALES", "ENGLISH_THRESHOLD_BEFORE", "ENGLISH_UNITS", "is_english", "parse_english_number"]
