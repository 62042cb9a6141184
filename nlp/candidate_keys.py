"""Keys for figures no catalogue measure claims: a stable key from the words that name a figure and its unit
(`candidate_key`), so the same unlisted measure links across reports and years and `rapportkoll measures
--unclassified` can list it; and the key of a part-year figure of a yearly measure (`part_candidate_key`)."""
from __future__ import annotations

import re
from typing import Optional

from nlp.measures import GENERIC_WORDS, words_of, normalise_unit
from nlp.records import Measure
from nlp.sv.breakdowns import BREAKDOWN_TERMS
from nlp.sv.periods import MONTHS
from nlp.sv.stop_words import FIGURE_FILLER_WORDS, STOP_WORDS
from nlp.wordkeys import Lexicon


# Words that say nothing of what a figure is, left out of a candidate key.
_CANDIDATE_SKIP = STOP_WORDS | FIGURE_FILLER_WORDS | frozenset(
    {"tabell", "kronor", "miljoner", "miljarder", "tkr", "mnkr", "mkr", "mdkr"})
_FOLD = str.maketrans("åäöéü", "aaoeu")
_UNIT_SUFFIX = {"antal": "antal", "procent": "andel", "procentenheter": "andel", "kronor": "kronor", "dagar": "dagar",
                "ar": "ar", "år": "ar", "månader": "manader", "veckor": "veckor", "timmar": "timmar", "gånger": "ganger"}


def candidate_key(phrase: str, unit: str, lexicon: Optional[Lexicon] = None) -> str:
    """A stable key for a figure no measure claims, from the words that name it and its unit:
    "Höjt inkomsttak i sjukpenningen" (kronor) -> "x_hojt_inkomsttak_kronor". Words are stemmed so
    that "inkomsttaket" and "inkomsttak" meet; breakdown words, numbers and generic words are left
    out, so the same unlisted figure gets the same key in every report and year."""
    lexicon = lexicon or Lexicon()
    words = []
    for w in words_of(phrase):
        if w.isdigit() or len(w) < 3 or w in GENERIC_WORDS or w in _CANDIDATE_SKIP or w in BREAKDOWN_TERMS:
            continue
        stem = lexicon.stem(w).translate(_FOLD)
        if stem and stem not in words:
            words.append(stem)
        if len(words) == 3:
            break
    suffix = _UNIT_SUFFIX.get(normalise_unit(unit.split("/")[0]), re.sub(r"[^a-z]", "", unit.lower().translate(_FOLD)) or "antal")
    return "x_" + "_".join(words + [suffix]) if words else ""


# A measure counted over a whole year says so in its definition ("under året", "per år"); a snapshot of a
# month names the month ("i december").
_YEARLY = re.compile(r"\b(?:under\s+året|per\s+år|årligen|under\s+ett\s+år|årets|helår\w*)\b", re.IGNORECASE)
_NAMED_MONTH = re.compile(rf"\b(?:i|under|per)\s+({'|'.join(MONTHS)})\b", re.IGNORECASE)


def covers_part_of_year(measure: Measure, part: str) -> bool:
    """Whether a figure for `part` of a year ("oktober", "kvartal 3", "januari–september"; "" for the
    whole year) can be `measure`: not when the measure counts over the whole year, and not when it is
    a snapshot of another month. A measure whose definition names no period takes any part."""
    if not part or part.endswith("–december"):
        # "augusti–december 2018": the rest of the year, the year's figure of something begun that August
        # (the figure keeps its part, so a reader sees it)
        return True
    months = {m.lower() for m in _NAMED_MONTH.findall(f"{measure.label} {measure.definition}")}
    if months:
        return part in months
    return not _YEARLY.search(f"{measure.definition} {measure.denominator}")


def part_candidate_key(measure_key: str, part: str) -> str:
    """The candidate key of a part-year figure of a yearly measure: the measure's key and the kind
    of part, so every October (or third quarter) of every report links up:
    ("gemensamma_kartlaggningar_antal", "oktober") -> "x_gemensamma_kartlaggningar_antal_manad"."""
    kind = "manad" if part in MONTHS else part.split()[0].translate(_FOLD) if " " in part and part.split()[0] in (
        "kvartal", "halvår") else "delar"
    return f"x_{measure_key}_{kind}"
