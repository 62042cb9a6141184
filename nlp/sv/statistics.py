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

__all__ = ["MEAN_WORDS", "MEDIAN_WORDS"]
