"""The Swedish words the checks read: totals, "varav", trends, revisions, definition changes.

Data, not code, in the spirit of nlp/sv/: one constant per idea, lower case, with a comment
where a word is left out and why. Matching is on lower-cased text; stems end where Swedish
inflects ("reviderad", "reviderade", "reviderats" all start with "revider").
"""
from __future__ import annotations

# Stub or header labels that mark a total row or column. "Alla" is here because the reports
# write "Alla" for the sum over benefit groups; a table of averages also says "Alla", but
# averages are never summed (only counts and amounts are, see ADDITIVE_UNITS).
TOTAL_LABELS: frozenset[str] = frozenset(
    {"totalt", "total", "summa", "sammanlagt", "samtliga", "alla", "totalsumma", "totalt antal", "summa totalt"}
)

# Words that introduce a figure as the total of what the paragraph then lists by group.
TOTAL_CUES: tuple[str, ...] = ("totalt", "sammanlagt", "sammantaget", "allt som allt", "i alla")

# A row that is part of the row above it, not of the total: "Varav förvaltning".
VARAV_PREFIXES: tuple[str, ...] = ("varav", "därav", "av vilka", "av dessa")

# A column that is the difference of two others.
DIFFERENCE_LABELS: tuple[str, ...] = ("differens", "skillnad", "avvikelse", "diff", "över-/underskott")

# Units whose figures add up: counts and money. Shares add up only inside a distribution whose
# total is 100; averages (dagar) never.
ADDITIVE_UNITS: frozenset[str] = frozenset({"antal", "kronor"})
# Units of figures that are averages over people (a share, a mean duration): the figure for
# everyone lies between the figures for the groups that make everyone up.
MEAN_UNITS: frozenset[str] = frozenset({"procent", "dagar", "år", "månader", "veckor"})

# Labels of a part that make a group exhaustive: with one of them among the parts, the parts
# must add up to the whole, not only stay below it.
EXHAUSTIVE_LABELS: tuple[str, ...] = ("övrig", "annat", "andra", "ingen uppgift", "uppgift saknas", "okän", "resterande")

# Values of a breakdown that together make the whole. Only sex is listed: "Sjukpenning" and
# "Aktivitetsersättning" leave out people with other benefits (a report says so in a footnote).
EXHAUSTIVE_SETS: tuple[frozenset[str], ...] = (frozenset({"kvinnor", "män"}),)

# A footnote that says a group does not add up on purpose.
NON_SUM_CUES: tuple[str, ...] = (
    "summerar inte", "inte summerar", "summeras inte", "avrundning", "flera grupper", "ingår inte",
    "ingår i flera", "överlapp", "kan återfinnas i flera", "dubbelräkn",
)

# Headers of a share column or row.
SHARE_LABELS: tuple[str, ...] = ("andel", "%", "procent", "könsfördelning")

# --- trends ---------------------------------------------------------------------------------
# Stems of words that claim a change upwards or downwards. "högre"/"lägre" only compare two
# groups as often as two years ("högre för män än för kvinnor"), so they count only when a
# comparison year is named in the same clause (see trend_claim).
TREND_UP: tuple[str, ...] = (
    "ökat", "ökade", "ökar", "ökning", "ökningen", "stigit", "steg ", "stiger", "uppgång",
    "höjts", "högre", "fler än", "större än", "vänt uppåt", "vände uppåt", "överstiger",
)
TREND_DOWN: tuple[str, ...] = (
    "minskat", "minskade", "minskar", "minskning", "minskningen", "sjunkit", "sjönk", "sjunker",
    "nedgång", "sänkts", "lägre", "färre än", "mindre än", "gått ned", "gått ner", "försämrats",
)
TREND_SAME: tuple[str, ...] = ("oförändrad", "oförändrat", "densamma", "detsamma", "samma nivå", "lika hög", "lika stor")
COMPARATIVES: tuple[str, ...] = ("högre", "lägre", "fler än", "färre än", "större än", "mindre än", "överstiger")

# A change said to be small. "något" is left out: "har minskat något" in the reports covers
# falls of four percentage points.
MARGINAL: tuple[str, ...] = ("marginell", "marginellt", "obetydlig", "knappt märkbar")
DOUBLED: tuple[str, ...] = ("fördubblats", "fördubblades", "dubbelt så")
HALVED: tuple[str, ...] = ("halverats", "halverades", "hälften så")

# Clause breaks: a sentence may claim one change in its first half and another in its second
# ("har minskat med fyra procentenheter ... medan antalet ... har ökat något").
CLAUSE_BREAKS: tuple[str, ...] = (" medan ", " men ", "; ", " samtidigt som ", " däremot ", " och antalet ", " och andelen ")

# Words that make a claim about a run of years, not one year against the one before ("en
# trend som bröts under 2022", "sedan dess sjunkit"): a clause without figures of its own is
# not checked when it has one.
SPAN_WORDS: tuple[str, ...] = ("trend", "period", "sedan", "över tid", "under åren", "fram till", "tidigare år", "flerårig")

# Phrases that name the year compared with as the one before the figure's own.
PREVIOUS_YEAR: tuple[str, ...] = ("föregående år", "året innan", "fjolåret", "förra året", "tidigare år", "gentemot föregående")

# Words that say what kind of figure a clause is about.
UNIT_HINTS: tuple[tuple[str, str], ...] = (
    ("andel", "procent"), ("procent", "procent"), ("antal", "antal"), ("dagar", "dagar"), ("tiden", "dagar"),
    ("kronor", "kronor"), ("medel", "kronor"), ("miljoner", "kronor"),
)

# --- explanations ---------------------------------------------------------------------------
# A figure was changed after it was first published.
REVISION_CUES: tuple[str, ...] = (
    "revider", "korriger", "rättad", "rättat", "rättats", "uppdaterad", "uppdaterat", "uppdaterats",
    "skiljer sig från", "utebliven transaktion", "uteblivna transaktion", "missad transaktion",
    "felaktig", "felaktigt", "räknats om", "omräkn", "justerad", "justerats", "efterregistr",
    "eftersläp", "senare uttag", "nytt uttag", "tidpunkt för uttag", "tidpunkter för uttag",
)
# The measure itself changed: another definition, population or way of measuring.
DEFINITION_CUES: tuple[str, ...] = (
    "sättet att mäta", "sätt att mäta", "mäts på ett annat sätt", "mättes på ett annat sätt",
    "nytt mätsätt", "ändrat mätsätt", "annat mätsätt", "ny definition", "nya definition", "ändrad definition", "ändrade definition", "definitionen ändr",
    "definierats om", "definieras nu", "annan definition", "ändrade mätmetod", "ändrad mätmetod",
    "ny mätmetod", "nytt beräkningssätt", "ändrat beräkningssätt", "ändrade beräkningssätt",
    "ny beräkningsmetod", "beräknas på ett annat sätt", "beräknades på ett annat sätt",
    "inte fullt ut kan göras", "inte jämförbar", "ej jämförbar", "inte direkt jämförbar",
    "jämförelser med tidigare år", "annan population", "ny population", "ändrade urval", "ändrat urval",
    "olika nämnare", "annan nämnare", "ny nämnare",
)
# The same idea said in other words, composed rather than listed phrase by phrase: a way of
# counting named as new or changed ("enligt det nya räknesättet", "avgränsningen har ändrats"),
# figures said not to be comparable ("kan inte jämföras med", "är inte fullt ut jämförbara"), and
# a count that now takes in, or leaves out, what it did not before ("från och med 2027 räknas även
# möten via video"). The nouns are ways of measuring only: "en ny metod för kartläggning" is a way
# of working, so a bare "metod" is not among them.
_METHOD_NOUNS = (
    r"(?:sätt(?:et)?\s+att\s+(?:mäta|räkna|beräkna|redovisa)|räknesätt\w*|mätsätt\w*|beräkningssätt\w*|"
    r"beräkningsmetod\w*|mätmetod\w*|definition\w*|avgränsning\w*|population\w*|urval\w*|nämnare\w*|"
    r"redovisningsprincip\w*)"
)
_NEW_WORDS = r"(?:ny|nya|nytt|ändrad\w*|ändrat|annan|annat|andra|förändrad\w*|förändrat)"
DEFINITION_PATTERNS: tuple[str, ...] = (
    rf"\b{_NEW_WORDS}\s+(?:\w+\s+)?{_METHOD_NOUNS}",
    rf"\b{_METHOD_NOUNS}\s+(?:\w+\s+){{0,3}}(?:ändr\w*|förändr\w*|byt\w*|lagts om|gjorts om)",
    r"\b(?:inte|ej|icke)\s+(?:\w+\s+){0,3}jämför(?:a|as|bar\w*)\b",
    r"\b(?:från och med|fr\.\s?o\.\s?m\.|sedan|numera)\b[^.]*?\b(?:räknas|ingår|inkluderas|redovisas)\s+(?:\w+\s+){0,2}?"
    r"(?:även|också|inte längre|numera)\b",
)
# Words that make a revision cue about figures rather than about ways of working
# ("myndigheternas reviderade arbetssätt" is not an explanation of a number).
DATA_NOUNS: tuple[str, ...] = (
    "siffr", "uppgift", "resultat", "statistik", "data", "förbrukning", "belopp", "värde", "antal",
    "andel", "transaktion", "utfall", "redovisad", "redovisade", "redovisning", "överskott",
    "underskott", "tabell", "mått", "nivå", "uttag", "beräkn", "mät",
)
# A note that records a difference and says it is not explained.
NOT_EXPLAINED: tuple[str, ...] = ("förklaras inte", "inte förklarad", "ingen förklaring", "utan förklaring", "oförklarad")

# Other publications: a note that figures differ from these explains nothing between the
# reports themselves.
OTHER_PUBLICATIONS: tuple[str, ...] = ("årsredovisning",)

# Phrases that introduce what a share is a share of ("av alla som fått avslag", "utifrån de
# som avslutat sjukfall"); two shares of one measure over different populations differ by
# definition, not by error.
DENOMINATOR_LEADS: tuple[str, ...] = ("av alla som", "av samtliga som", "av de som", "av dem som", "utifrån de som", "bland de som", "bland alla som", "av alla ", "av samtliga ")
