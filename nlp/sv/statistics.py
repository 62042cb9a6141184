"""Words that name which statistic a figure is: a median or a mean.

The catalogue's day measures are means ("Genomsnittligt antal dagar ..."); a research report
gives medians beside them ("medianen var 142 dagar, medelvärdet 183 dagar"). A median is not
the mean the measure defines, so it stays unclassified rather than join the mean's series.
"""
from __future__ import annotations

import re

MEDIAN_WORDS: re.Pattern[str] = re.compile(r"\bmedian(?:en|er|tid|tiden|värde|värdet|värden)?\b", re.IGNORECASE)
MEAN_WORDS: re.Pattern[str] = re.compile(
    r"\b(?:medelvärde(?:t|n)?|medeltid(?:en)?|genomsnitt(?:et|lig|liga|ligt)?|genomsnittstid(?:en)?|i\s+snitt|snittet)\b",
    re.IGNORECASE)

# What says a count is a mean ("I genomsnitt deltog 7 148 personer per månad", "Antal sjukfall de två
# föregående åren (medel)", "Snitt per månad"): a catalogue measure that is a mean count is no plain count
MEAN_COUNT_WORDS: re.Pattern[str] = re.compile(
    MEAN_WORDS.pattern + r"|\bmedel(?:antal|antalet)?\b|\bsnitt\b|\bper\s+månad\b|\bmånadsgenomsnitt\w*", re.IGNORECASE)

# The statistics of a regression or a comparison of risks, in the units the reports' tables give them: a
# column "Koefficient | Standardfel | Oddskvot", a sentence "oddskvoten är 0,66". A ratio is "gånger", as
# "1,34 gånger så hög" is.
STATISTIC_UNITS: tuple[tuple[re.Pattern[str], str], ...] = tuple((re.compile(p, re.IGNORECASE), u) for p, u in (
    (r"\b(?:regressions)?koefficient(?:en|er|erna)?\b|\bkoeff\.?(?!\w)", "koefficient"),
    (r"\bstandardfel(?:et|en)?\b|\bmedelfel(?:et)?\b", "standardfel"),
    (r"\b(?:oddskvot(?:en|er|erna)?|riskkvot(?:en|er)?|hazardkvot(?:en|er)?|relativ(?:a)?\s+risk(?:en|er)?|odds\s+ratio)\b",
     "gånger"),
    # an index series against a base year ("Index (2016=100)", "indexet för 2027 var 111,0"): points, no count
    (r"\b(?:index(?:et|tal|talet|värde|värdet)?|indextal(?:et)?)\b", "index"),
))


# The ends of a confidence interval printed beside an estimate ("63,1 (58,4–67,8)" under "Andel, % (95 % KI)"):
# figures of their own, the estimate's uncertainty, not the measure the estimate is
INTERVAL_LOWER = "konfidensintervall, nedre gräns"
INTERVAL_UPPER = "konfidensintervall, övre gräns"


def statistic_unit(text: str) -> str | None:
    """The unit of the statistic `text` names ("Standardfel" -> standardfel, "oddskvoten" -> gånger), or None."""
    return next((unit for pattern, unit in STATISTIC_UNITS if pattern.search(text)), None)


__all__ = ["INTERVAL_LOWER", "INTERVAL_UPPER", "MEAN_COUNT_WORDS", "MEAN_WORDS", "MEDIAN_WORDS", "STATISTIC_UNITS", "statistic_unit"]
