"""Numbers in the reports that are not figures: references, dates, identifiers, rules.

Issue 4 names them: dates, diarienummer, law references ("(2003:1210)"), footnote markers,
page numbers, section numbers, table and figure numbers, "dag 180", years used as periods.
Most never become numbers at all (nlp.components.merge_numbers skips "2003:1210", "2.1",
"2020-05-08"); the words here catch the rest by what stands next to them.
"""
from __future__ import annotations

from nlp.sv.periods import MONTHS

# A number right after one of these words labels something; it counts nothing.
# "dag 180" is a day of the rehabiliteringskedjan, "tabell 6" a table, "prop. 63" a bill.
LABEL_WORDS: frozenset[str] = frozenset({
    "tabell", "tabellen", "tabellerna", "figur", "figuren", "diagram", "diagrammet", "bilaga",
    "bilagan", "kapitel", "kapitlet", "kap", "kap.", "avsnitt", "avsnittet", "sida", "sidan",
    "sidorna", "s.", "nr", "nr.", "nummer", "punkt", "punkten", "steg", "dag", "dagen",
    "prop", "prop.", "proposition", "utgiftsområde", "version", "fas",
    "dnr", "dnr.", "sfs", "§", "paragraf", "rapport", "socialförsäkringsrapport", "q",
    "kvartal", "anslag", "anslagspost", "mål", "nivå", "klass", "grupp", "typ", "vecka",
    "lag", "lagen", "förordning", "förordningen", "balk", "skr", "skr.", "bet", "bet.",
})
# Left out: "år" ("år 2018" is a period and "19–29 år" an age; periods and breakdowns read
# them) and "mellan" ("mellan dag 91 och 180" is caught by "dag" through the coordination).

# A number right before one of these words is a day of a date, a chapter or a paragraph.
DATE_OR_REF_AFTER: frozenset[str] = frozenset(set(MONTHS) | {"kap", "kap.", "§", "§§", "st", "st.", "p", "p."})

# Words that mark a number as part of a diarienummer or reference when they stand just
# before it ("Dnr Af 2017/0001 2965", "FK 003630–2017").
REFERENCE_PREFIXES: frozenset[str] = frozenset({"dnr", "dnr.", "af", "fk", "s", "sou", "ds", "isf", "ifau", "diarienummer"})

__all__ = ["DATE_OR_REF_AFTER", "LABEL_WORDS", "REFERENCE_PREFIXES"]
