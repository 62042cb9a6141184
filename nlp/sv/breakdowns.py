"""Words that split a figure by group: kön, förmån, ålder, myndighet.

"Kvinnor fick stöd 392 dagar" is the figure for women; "sjukpenning" in a row header makes
a cell the figure for that förmån. Values are kept in one spelling, so a breakdown from prose
and one from a table header compare equal: kon kvinnor|män, forman
sjukpenning|aktivitetsersättning|sjukersättning, alder "18-29" (an ASCII hyphen, "60-" when
open), myndighet Arbetsförmedlingen|Försäkringskassan.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional, Sequence

# The keys a figure splits by when no catalogue measure says which: the groups of people (and the
# agency) any figure of these reports may be for.
DEFAULT_BREAKDOWN_KEYS = ("kon", "forman", "alder", "myndighet")
# a count or share no catalogue measure claims may still be of an outcome: "Av dem gick 161 till arbete och 58 till
# studier", a row "I arbete utan stöd" (money is no outcome: a cost is not split by what people went on to)
UNCLASSIFIED_BREAKDOWN_KEYS = (*DEFAULT_BREAKDOWN_KEYS, "sysselsattning")

# A table's corner cell that says which breakdown its rows are: "Post" (budget lines). Any other corner
# naming what the rows list ("Län", "Insats") makes them groups (grupp).
CORNER_KEYS = {"post": "post", "budgetpost": "post", "kostnadspost": "post", "anslagspost": "post", "poster": "post",
               "kostnadsslag": "post", "utgiftspost": "post", "intäktspost": "post"}
# Column headers of a budget table ("Budget | Utfall | Avvikelse", "Beviljat | Upparbetat | Återstår"): two
# or more of them make the rows budget lines (post), whatever the corner says ("Verksamhet").
BUDGET_COLUMN_WORDS = frozenset({"budget", "budgeterat", "utfall", "beviljat", "upparbetat", "återstår", "avvikelse",
                                 "prognos", "förbrukat", "tilldelat", "kvar", "förslag", "beräknat", "anslag"})
# The clause of a caption that names what a table breaks its figures down by: "Deltagare efter insats och
# kön" -> "insats och kön"; "Hushåll per kvartal" -> "kvartal".
BREAKDOWN_CLAUSE = re.compile(r"\b(?:efter|per|fördelat\s+på|uppdelat\s+på)\s+(.+)$", re.IGNORECASE)

# Word form (lower case) -> (key, value). A value of None would mark a word that names a group
# without being one of the values (counted for pairs such as "X eller Y", never assigned).
# "sjukskrivna" is read as sjukpenning: the reports contrast "sjukskrivna" with "sjuk- eller
# aktivitetsersättning"; "långtidssjukskrivna" is another word and is not matched.
BREAKDOWN_TERMS: dict[str, tuple[str, Optional[str]]] = {
    "kvinnor": ("kon", "kvinnor"),
    "kvinna": ("kon", "kvinnor"),
    "kvinnorna": ("kon", "kvinnor"),
    "kvinnors": ("kon", "kvinnor"),
    "kvinnornas": ("kon", "kvinnor"),
    "kvinnliga": ("kon", "kvinnor"),
    "flickor": ("kon", "kvinnor"),
    "manliga": ("kon", "män"),
    "pojkar": ("kon", "män"),
    "män": ("kon", "män"),
    "männen": ("kon", "män"),
    "mäns": ("kon", "män"),
    "männens": ("kon", "män"),
    "sjukpenning": ("forman", "sjukpenning"),
    "sjukpenningen": ("forman", "sjukpenning"),
    "sp": ("forman", "sjukpenning"),
    "aktivitetsersättning": ("forman", "aktivitetsersättning"),
    "aktivitetsersättningen": ("forman", "aktivitetsersättning"),
    "ae": ("forman", "aktivitetsersättning"),
    "sjukersättning": ("forman", "sjukersättning"),
    "sjukersättningen": ("forman", "sjukersättning"),
    "se": ("forman", "sjukersättning"),
    "sjukskrivna": ("forman", "sjukpenning"),
    "sjukskriven": ("forman", "sjukpenning"),
    "arbetsförmedlingen": ("myndighet", "Arbetsförmedlingen"),
    "arbetsförmedlingens": ("myndighet", "Arbetsförmedlingen"),
    "af": ("myndighet", "Arbetsförmedlingen"),
    "arbetsförmedlare": ("myndighet", "Arbetsförmedlingen"),
    "arbetsförmedlaren": ("myndighet", "Arbetsförmedlingen"),
    "försäkringskassan": ("myndighet", "Försäkringskassan"),
    "försäkringskassans": ("myndighet", "Försäkringskassan"),
    "fk": ("myndighet", "Försäkringskassan"),
}
# Left out: "man" (also the pronoun "one": "man kan konstatera"). The search questions read the
# same words (api.answer.ask_words), so "kvinnliga", "flickor" and the like are here too. "sp", "ae", "se" and "af", "fk" are abbreviations
# that only table headers use; prose matching skips words of two letters (see find_terms).

# Terms that name a group only as a noun, after one of these words ("bland sjukskrivna",
# "de sjukskrivna"); as a predicate ("har varit sjukskrivna") they name no group.
NOUN_ONLY_TERMS: dict[str, frozenset[str]] = {
    w: frozenset({"bland", "de", "dem", "alla", "av", "för", "hos", "med", "samtliga", "är", "eller", "och"})
    for w in ("sjukskrivna", "sjukskriven")
}

# Words that make a whole row or column a total, not a group.
# ("Riket", "Hela landet": official statistics' total over the regions in its rows)
TOTAL_WORDS: frozenset[str] = frozenset({"totalt", "total", "totalen", "alla", "samtliga", "summa", "båda", "hela", "riket", "landet"})

# An age group as printed: "18–29 år", "0-29 år", "60- år", "60-", "50–59".
AGE_RE = re.compile(r"^\s*(\d{1,2})\s?[–\-]\s?(\d{1,3})?\s*(?:år)?\s*$")
# Open age groups: "65 år och äldre", "65 år eller äldre", "65+", "65+ år" (N and up); "24 år och yngre",
# "yngre än 25 år" (up to N).
AGE_AND_OLDER_RE = re.compile(r"^\s*(\d{1,2})\s*(?:\+\s*(?:år)?|år\s+(?:och|eller)\s+(?:äldre|över))\s*$", re.IGNORECASE)
# What follows the number of an open age group in prose: "60| år och äldre", "24| år eller yngre".
OPEN_AGE_AFTER = re.compile(r"\s*år\s+(?:och|eller)\s+(?:äldre|över|yngre)\b", re.IGNORECASE)
AGE_AND_YOUNGER_RE = re.compile(r"^\s*(?:(\d{1,2})\s*år\s+(?:och|eller)\s+yngre|yngre\s+än\s+(\d{1,2})\s*år)\s*$", re.IGNORECASE)


# Groups the catalogue splits some measures by, beyond kön, förmån, ålder and myndighet:
# (pattern, key, value), first match wins per key. A measure only takes the keys it lists
# under `breakdowns` in measures.yaml, so "program" names a sysselsättning only there.
GROUP_PATTERNS: tuple[tuple[re.Pattern[str], str, str], ...] = tuple(
    (re.compile(p, re.IGNORECASE), k, v) for p, k, v in (
        (r"\b(?:rehabiliterings)?insatser\s+och\s+aktivitetsstöd\b", "post", "rehabiliteringsinsatser och aktivitetsstöd"),
        (r"\bförvaltning\w*", "post", "förvaltning"),
        (r"^\s*(?:varav\s+)?rehabiliteringsinsatser\s*$", "post", "rehabiliteringsinsatser"),
        (r"^\s*(?:varav\s+)?aktivitetsstöd\s*$", "post", "aktivitetsstöd"),
        (r"\balternativa\s+insatser\b", "post", "alternativa insatser"),
        (r"\bsamordningsförbund\w*", "post", "samordningsförbund"),
        (r"\bfinansiell\w*\s+samordning\w*", "post", "finansiell samordning"),
        (r"\blänsarbetsnämnd\w*", "post", "samverkan med länsarbetsnämnderna"),
        (r"\bhandlingsplan\w*", "post", "handlingsplanssamverkan"),
        (r"\böppet\s+arbetslös\w*", "sysselsattning", "öppet arbetslösa"),
        (r"\bosubventionerad\w*|\banställning\s+\(osubventionerad\)", "sysselsattning", "anställning osubventionerad"),
        (r"\banställning\s+\(subventionerad\)|\bsubventionerad\w*\s+anställning", "sysselsattning", "anställning subventionerad"),
        (r"\breguljära\s+studier\b", "sysselsattning", "reguljära studier"),
        (r"\bprogram\b", "sysselsattning", "program"),
        (r"\benbart\s+inskrivna\b", "sysselsattning", "enbart inskrivna"),
        (r"\blämnat\s+af\b", "sysselsattning", "lämnat Af, ej arbete"),
        # work without or with support, as a row or a clause says it ("I arbete utan stöd", "Anställning med stöd")
        (r"\b(?:i\s+arbete|arbete|anställning)\s+utan\s+(?:stöd|subvention)\b", "sysselsattning", "anställning osubventionerad"),
        (r"\b(?:i\s+arbete|arbete|anställning)\s+med\s+(?:stöd|subvention)\b", "sysselsattning", "anställning subventionerad"),
        (r"\bi\s+arbete\b", "sysselsattning", "i arbete"),
        # where people went on to: "161 gick till arbete och 58 till studier", a row label "Arbete" or "Studier"
        (r"\btill\s+(?:ett\s+)?arbete\b|^\s*arbete\s*$", "sysselsattning", "i arbete"),
        (r"\btill\s+(?:reguljära\s+)?studier\b|^\s*studier\s*$", "sysselsattning", "reguljära studier"),
        (r"\bfrån\s+arbetsförmedlingen\b|\barbetssökande\s+inskrivna\s+vid\s+arbetsförmedlingen\b", "grupp", "från Arbetsförmedlingen"),
        (r"\bgått\s+vidare\s+till\s+studier\b", "sysselsattning", "reguljära studier"),
        (r"\bfått\s+(?:ett\s+)?arbete\b", "sysselsattning", "i arbete"),
        (r"\bgenomfört\s+(?:projektet|insatsen|programmet)\b", "sysselsattning", "genomfört"),
        # "Övriga", "varav övriga" opening a label or a sentence ("Övriga 652 kartläggningar gällde ..."), and the
        # group it stands for in the reports: people with another benefit or none ("annan eller ingen ersättning")
        (r"^\s*(?:varav\s+)?övriga\b|(?<=[.!?]\s)Övriga(?=\s+\d)", "grupp", "övriga"),
        (r"\b(?:annan|andra)\s+(?:eller\s+ingen\s+)?ersättning(?:ar)?\b", "grupp", "övriga"),
        (r"\b(?:ej|inte)\s+(?:[\wåäö]+\s+){0,2}?i\s+samverkan\b|\bjämförelsegrupp\w*", "samverkan", "ej i samverkan"),
        (r"\bi\s+samverkan\b", "samverkan", "i samverkan"),
        (r"\balternativ\w*\s+aktör\w*", "aktor", "alternativ aktör"),
        (r"\bsociala\s+ekonomin\b", "aktor", "social ekonomi"),
        (r"\bQ([1-4]),?\s+((?:19|20)\d{2})\b", "kohort", "Q{0} {1}"),
        (r"\bårsskiftet\s+((?:19|20)\d{2})\s*[-/–]\s*((?:19|20)?\d{2})\b", "kohort", "årsskiftet {0}/{1}"),
    )
)


@dataclass(frozen=True)
class Term:
    start: int  # character offsets in the text searched
    end: int
    key: str
    value: Optional[str]


_AGE_LEAD = re.compile(r"^\s*(?:varav|därav|bland|unga|ungdomar|i\s+åldern|åldern|åldersgrupp(?:en)?)\s+(?=\d)",
                       re.IGNORECASE)


def age_value(text: str) -> Optional[str]:
    """"18–29 år" -> "18-29", "60- år" and "60 år och äldre" -> "60-", "yngre än 30 år" -> "0-29";
    None when `text` is no age group. A word that says the group is part of a whole or names its
    age may lead: "Varav 18–24 år", "Unga 18–24 år", "I åldern 25–29 år"."""
    text = _AGE_LEAD.sub("", text)
    m = AGE_RE.match(text)
    if not m:
        older = AGE_AND_OLDER_RE.match(text)
        if older:
            return f"{int(older.group(1))}-"
        younger = AGE_AND_YOUNGER_RE.match(text)
        if younger:
            top = int(younger.group(1)) if younger.group(1) else int(younger.group(2)) - 1
            return f"0-{top}"
        return None
    low, high = m.group(1), m.group(2)
    if high is not None and int(high) <= int(low):
        return None
    return f"{int(low)}-{int(high)}" if high else f"{int(low)}-"


_WORD = re.compile(r"[\wåäöÅÄÖ]+(?:-(?=\s))?")
# "sjuk- eller aktivitetsersättning": the first word borrows the second one's head.
_ELLIPSIS = re.compile(r"\b([\wåäöÅÄÖ]+)-\s+(?:eller|och|samt|respektive|,)\s+([\wåäöÅÄÖ]+)", re.IGNORECASE)


def find_terms(text: str, short_words: bool = False) -> list[Term]:
    """Breakdown words in `text`, in order; hyphen ellipses are expanded ("sjuk- eller
    aktivitetsersättning" gives sjukersättning and aktivitetsersättning).

    short_words: also read two-letter abbreviations ("SP", "AE"), which only headers use.
    """
    found: list[Term] = []
    for m in _ELLIPSIS.finditer(text):
        first, second = m.group(1).lower(), m.group(2).lower()
        for cut in range(1, len(second)):
            candidate = first + second[cut:]
            if candidate in BREAKDOWN_TERMS:
                key, value = BREAKDOWN_TERMS[candidate]
                found.append(Term(m.start(1), m.end(1) + 1, key, value))
                break
    taken = [(t.start, t.end) for t in found]
    for m in _WORD.finditer(text):
        word = m.group(0).rstrip("-").lower()
        if len(word) <= 2 and not short_words:
            continue
        if word in NOUN_ONLY_TERMS:
            before = re.findall(r"[\wåäöÅÄÖ]+", text[max(0, m.start() - 20):m.start()].lower())
            if not before or before[-1] not in NOUN_ONLY_TERMS[word]:
                continue  # "varit sjukskrivna i 1 289 dagar" describes, "bland sjukskrivna" names a group
        if word in BREAKDOWN_TERMS and not any(s <= m.start() < e for s, e in taken):
            key, value = BREAKDOWN_TERMS[word]
            found.append(Term(m.start(), m.start() + len(word), key, value))
    return sorted(found, key=lambda t: t.start)


def names_agency(text: str) -> bool:
    """Whether a name says whose it is: "Arbetsförmedlingens förvaltningskostnader" does, "Bidrag till
    förstärkt samarbete" does not."""
    return any(t.key == "myndighet" and t.value for t in find_terms(text))


def find_group_terms(text: str) -> list[Term]:
    """Every group word of GROUP_PATTERNS in `text`, in text order; an earlier pattern wins
    where two overlap ("ej i samverkan" is not also "i samverkan")."""
    found: list[Term] = []
    taken: list[tuple[int, int]] = []
    for pattern, key, value in GROUP_PATTERNS:
        for m in pattern.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            groups = list(m.groups())
            if key == "kohort" and len(groups) == 2 and groups[1] and len(groups[1]) == 2:
                groups[1] = groups[0][:2] + groups[1]
            taken.append((m.start(), m.end()))
            if key == "sysselsattning" and (_OR_AFTER.match(text[m.end():]) or _OR_BEFORE.search(text[:m.start()])):
                continue  # "till arbete eller studier": one outcome made of two, what is counted, not a group
            found.append(Term(m.start(), m.end(), key, value.format(*groups)))
    return sorted(found, key=lambda t: t.start)


_OR_AFTER = re.compile(r"\s*(?:eller|och/eller)\s+(?:till\s+)?[^\W\d]", re.IGNORECASE)
_OR_BEFORE = re.compile(r"\b(?:eller|och/eller)\s+$", re.IGNORECASE)


def split_outcomes(texts: Sequence[str]) -> set[str]:
    """The sysselsättning values `texts` (a sentence; a table's headers) name as parts of a split: none unless
    two or more differ ("Av dem gick 161 till arbete och 58 till studier", rows "Arbete" and "Studier"), for a
    single outcome named ("Andelen som återgått i arbete", "till arbete eller studier") is what a figure
    measures, not a group of it."""
    values: set[str] = set()
    for text in texts:
        values |= {t.value for t in find_group_terms(text) if t.key == "sysselsattning" and t.value}
    return values if len(values) >= 2 else set()


def find_group_values(text: str) -> list[tuple[str, str]]:
    """(key, value) pairs of the groups a header names ("Varav förvaltning" -> post förvaltning), one per key."""
    out: dict[str, str] = {}
    for t in find_group_terms(text):
        if t.value:
            out.setdefault(t.key, t.value)
    return list(out.items())


__all__ = [
    "AGE_RE",
    "BREAKDOWN_TERMS",
    "BREAKDOWN_CLAUSE",
    "BUDGET_COLUMN_WORDS",
    "CORNER_KEYS",
    "DEFAULT_BREAKDOWN_KEYS",
    "UNCLASSIFIED_BREAKDOWN_KEYS",
    "split_outcomes",
    "OPEN_AGE_AFTER",
    "GROUP_PATTERNS",
    "TOTAL_WORDS",
    "Term",
    "age_value",
    "find_group_terms",
    "find_group_values",
    "find_terms",
    "names_agency",
]
