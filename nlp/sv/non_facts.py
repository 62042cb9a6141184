"""Numbers in the reports that are not figures: references, dates, identifiers, rules.

Issue 4 names them: dates, diarienummer, law references ("(2003:1210)"), footnote markers,
page numbers, section numbers, table and figure numbers, "dag 180", years used as periods.
Most never become numbers at all (nlp.components.merge_numbers skips "2003:1210", "2.1",
"2020-05-08"); the words here catch the rest by what stands next to them.
"""
from __future__ import annotations

import re

from nlp.sv.english import ENGLISH_MONTHS, ENGLISH_THRESHOLD_BEFORE
from nlp.sv.periods import MONTHS

# A number right after one of these words labels something; it counts nothing.
# "dag 180" is a day of the rehabiliteringskedjan, "tabell 6" a table, "prop. 63" a bill.
LABEL_WORDS: frozenset[str] = frozenset({
    "tabell", "tabellen", "tabellerna", "figur", "figuren", "diagram", "diagrammet", "bilaga", "bild", "bilden",
    "bilagan", "kapitel", "kapitlet", "kap", "kap.", "avsnitt", "avsnittet", "sida", "sidan",
    "sidorna", "s.", "nr", "nr.", "nummer", "punkt", "punkten", "steg", "dag", "dagen",
    "prop", "prop.", "proposition", "utgiftsområde", "version", "fas",
    "dnr", "dnr.", "sfs", "§", "paragraf", "rapport", "socialförsäkringsrapport", "q",
    "kvartal", "anslag", "anslagspost", "mål", "nivå", "klass", "grupp", "typ", "vecka",
    "lag", "lagen", "förordning", "förordningen", "balk", "skr", "skr.", "bet", "bet.",
    "modell", "modellen",
    # plural and definite forms point at numbered things just the same ("tabellerna 3 och 4", "punkterna 2-5")
    "punkterna", "figurerna", "diagrammen", "bilagorna", "avsnitten", "kapitlen", "paragraferna", "bilderna",
    "fotnot", "fotnoten", "kolumn", "kolumnen", "rad", "raden",
    # a bill's and a budget's numbered items: "motion 2026/27:1187 yrkande 1", "res. 4", "inkomsttitel 2511"
    "yrkande", "yrkandet", "yrkandena", "res", "res.", "reservation", "reservationen", "inkomsttitel", "inkomsttiteln",
})
# Left out: "år" ("år 2018" is a period and "19–29 år" an age; periods and breakdowns read
# them) and "mellan" ("mellan dag 91 och 180" is caught by "dag" through the coordination).

# A number right before one of these words is a day of a date, a chapter or a paragraph.
DATE_OR_REF_AFTER: frozenset[str] = frozenset(set(MONTHS) | ENGLISH_MONTHS | {"kap", "kap.", "§", "§§", "st", "st.", "p", "p."})

# Words that mark a number as part of a diarienummer or reference when they stand just
# before it ("Dnr Af 2017/0001 2965", "FK 003630–2017").
REFERENCE_PREFIXES: frozenset[str] = frozenset({"dnr", "dnr.", "af", "fk", "s", "sou", "ds", "isf", "ifau", "diarienummer"})

# A percentage before one of these words is the confidence level of an interval, not a figure:
# "(95 % KI 51,3–54,9)", "95 procents konfidensintervall".
CONFIDENCE_WORDS: frozenset[str] = frozenset({
    "ki", "konfidensintervall", "konfidensintervallet", "konfidensintervallen", "konfidensgrad", "konfidensnivå",
    "konfidensnivån", "ci", "säkerhetsnivå", "signifikansnivå", "signifikansnivån",
})

# "p < 0,05", "p = 0,03": a significance level or a p-value tests a figure, it is not one.
SIGNIFICANCE_SYMBOLS: frozenset[str] = frozenset({"p", "p-värde", "p-värdet"})
COMPARISON_SIGNS: frozenset[str] = frozenset({"<", ">", "=", "≤", "≥", "<=", ">="})

# A time limit that defines a measure rather than counting anything: "kartläggs inom 90 dagar",
# "beslut inom 30 dagar" (when the sentence states the share it defines), "120 dagar som gräns".
THRESHOLD_BEFORE: frozenset[str] = frozenset({"inom"}) | ENGLISH_THRESHOLD_BEFORE
THRESHOLD_NOUNS: frozenset[str] = frozenset({"gräns", "gränsen", "gränsvärde", "gränsvärdet", "tröskel", "tröskelvärde",
                                             "brytpunkt"})

# "Den som ...", "En undersköterska som ...", "Exempel: Den som ...": a sentence about one made-up person
EXAMPLE_SUBJECT = re.compile(r"^\s*(?:(?:exempel|typfall|räkneexempel)\s*:\s*)?(?:den|en|ett)\s+(?:[^\W\d]+\s+){0,2}?som\s",
                             re.IGNORECASE)
# The main verb after the person's description: what the example shows ("får 310 kronor mer")
EXAMPLE_MAIN_VERB = re.compile(r"\b(?:får|fick|ska|skulle|kan|kunde|behåller|betalar|beräknas|blir)\b", re.IGNORECASE)

# Words whose sentence reports an age as a figure ("Medelåldern var 34 år", "medianåldern 41 år"): only
# there is "N år" a value; elsewhere an age ("unga 18–24 år", "deltagare över 30 år", "60 år och äldre")
# names a group or a limit. Matched as the start of a word, so "medelåldern", "genomsnittsåldern" count.
AGE_FIGURE_STEMS: tuple[str, ...] = ("medelålder", "medianålder", "genomsnittsålder", "snittålder", "medelåldrar")
# "i 20 år", "på 15 år", "för 30 år sedan": a duration or a time point; "i genomsnitt 44 år": a mean.
# After one of these words "N år" is no age group or limit.
YEARS_MEASURED_BEFORE: frozenset[str] = frozenset({"i", "på", "inom", "efter", "sedan", "för", "om", "senaste", "sista",
                                                   "första", "kommande", "närmaste", "genomsnitt", "snitt", "median"})

# An anslag's code ("1:6", "2:1") after the number of its utgiftsområde: "10 1:6 ap.2" names a post, counts nothing.
ANSLAG_CODE = re.compile(r"^\d{1,2}:\d{1,2}$")

__all__ = ["AGE_FIGURE_STEMS", "ANSLAG_CODE", "COMPARISON_SIGNS", "CONFIDENCE_WORDS", "DATE_OR_REF_AFTER", "EXAMPLE_MAIN_VERB", "EXAMPLE_SUBJECT", "LABEL_WORDS",
           "REFERENCE_PREFIXES", "SIGNIFICANCE_SYMBOLS", "THRESHOLD_BEFORE", "THRESHOLD_NOUNS", "YEARS_MEASURED_BEFORE"]
