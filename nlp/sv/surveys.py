"""Words that make a figure one of a survey or of interviews, not of the register data.

An evaluation report gives figures of two kinds: register data over a study period ("under
perioden 2021–2025") and a survey or interviews done once, at a time the method section names
("Enkäten skickades i februari 2026"). A survey figure is of the year the survey was done, even
in a paragraph that names the study period: in "bygger på registerdata om 47 368 kartläggningar,
en enkät som besvarades av 1 245 handläggare och intervjuer med 38 chefer" only the first figure
is of the period.
"""
from __future__ import annotations

import re

# Nouns and participles that name a survey, its answers or interviews. "undersökning" alone is
# left out: a register study is an undersökning as well.
SURVEY_WORDS: re.Pattern[str] = re.compile(
    r"\b(?:enkät(?:en|er|erna|svar|svaren|undersökning|undersökningen)?|webbenkät(?:en)?|intervju(?:n|er|erna)?"
    r"|intervjuade|intervjuat|intervjuats|kundundersökning(?:en|ar|arna)?|medarbetarundersökning(?:en)?"
    r"|svarsfrekvens(?:en)?|respondent(?:er|erna)?|besvarade|besvarades)\b",
    re.IGNORECASE)
# Compounds such as "intervjuavsnitt" or "intervjupersoner" are left out: they name a chapter or
# the people, not the survey whose answers a figure counts.

__all__ = ["SURVEY_WORDS"]
