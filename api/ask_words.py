"""Swedish query words as data: what a question word means for the interpretation.

In the spirit of spacy/lang/sv: one constant per job, with a comment where a word is left
out and why. Words are written as a user types them; api.ask stems them itself.
"""
from __future__ import annotations

# Words that carry no measure: question words, auxiliaries, prepositions, and verbs a question
# wraps around the measure ("Hur många ... genomfördes 2022?"). "man" is left out of the
# breakdown words below and put here: "hur många har man kartlagt" is the pronoun, not män.
STOP_WORDS = frozenset("""
    a alla allt alltså att av blev bli blir de dem den denna deras dess det detta dom du där efter eller en enligt
    er ett fanns finns fick från får för förra gjorde gjordes gjort genomfördes genomfört genomförts genomförde
    genomföra genomförs ha hade har hos hur hurdan i in inom jag just kan kommer man med mellan mot många
    mycket ni när någon något några och om oss på rapporten rapporterna rapport redovisas redovisades samma
    sedan sig sin sina sitt ska skulle som stor stort stora så till totalt totala under upp ut utav vad var vara
    vart varit vi vid vilka vilken vilket visar än är år året åren års åt över deltog deltagit hände hänt fått
    ungefär cirka siffra siffran siffror värde värdet uppgick uppgår blev statistik hölls höll hålls skedde sker
    ägde rum utfördes utförts utförde gavs getts gick ledde lett finnas
    myndigheterna myndigheten myndigheternas tillsammans
""".split())
# ("myndigheterna" is in nearly every sentence of these reports; "erbjöds" is left in: it names
# kontaktmoten_erbjudna_antal.)

# A measure of the complement ("avslag utan omställningsmöte", "ej återvänt") is never the answer
# unless the question itself negates.
NEGATIONS = frozenset({"utan", "ej", "inte", "icke", "nej", "ingen", "inga"})

# Unit cues: a word that says whether the question asks for a share, a count, money or time.
# "andel" picks the *_andel measure over the *_antal one with the same words, and back.
UNIT_CUES = {
    "andel": "procent", "andelen": "procent", "andelar": "procent", "andelarna": "procent",
    "procent": "procent", "procentandel": "procent", "%": "procent", "hur stor del": "procent",
    "hur stor andel": "procent", "procentuellt": "procent",
    "antal": "antal", "antalet": "antal", "hur många": "antal", "st": "antal", "stycken": "antal",
    "kronor": "kronor", "kr": "kronor", "mkr": "kronor", "tkr": "kronor", "miljoner": "kronor", "pengar": "kronor",
    "hur mycket pengar": "kronor", "kostnad": "kronor", "kostnaden": "kronor", "kostade": "kronor",
    "dagar": "dagar", "hur länge": "dagar", "hur lång tid": "dagar",
    "vilket år": "år", "vilka år": "år", "när": "år", "årtal": "år",
}

# Units counted as the same cue ("procentenheter" answers a share question too).
UNIT_FAMILIES = {"procent": {"procent", "procentenheter"}, "antal": {"antal"}, "kronor": {"kronor"}, "dagar": {"dagar"},
                 "år": {"ar", "år"}}

# A question about the whole series rather than one year.
SERIES_CUES = (
    "utveckling", "utvecklingen", "utvecklats", "utvecklades", "serie", "serien", "tidsserie", "tidsserien",
    "över tid", "trend", "trenden", "alla år", "varje år", "per år", "år för år", "förändrats", "förändring över",
    "sedan start", "historik", "historiskt",
)

# Goal words: without one of them a *_mal_* measure (a goal, not an outcome) is not the answer.
GOAL_CUES = frozenset({"mål", "målet", "målen", "målsättning", "målsättningen", "målsatt", "målvärde"})

# Breakdown words -> (key, value as the facts spell it). Inflected forms are listed rather than
# stemmed: "män" and "man" stem apart, and "man" is a pronoun (see STOP_WORDS).
BREAKDOWN_WORDS = {
    "kvinnor": ("kon", "kvinnor"), "kvinna": ("kon", "kvinnor"), "kvinnorna": ("kon", "kvinnor"),
    "kvinnors": ("kon", "kvinnor"), "kvinnliga": ("kon", "kvinnor"), "flickor": ("kon", "kvinnor"),
    "män": ("kon", "män"), "männen": ("kon", "män"), "mäns": ("kon", "män"), "manliga": ("kon", "män"),
    "pojkar": ("kon", "män"),
    "sjukpenning": ("forman", "sjukpenning"), "sjukpenningen": ("forman", "sjukpenning"), "sp": ("forman", "sjukpenning"),
    "aktivitetsersättning": ("forman", "aktivitetsersättning"), "aktivitetsersättningen": ("forman", "aktivitetsersättning"),
    "ae": ("forman", "aktivitetsersättning"),
    "sjukersättning": ("forman", "sjukersättning"), "sjukersättningen": ("forman", "sjukersättning"),
    "arbetsförmedlingen": ("myndighet", "Arbetsförmedlingen"), "arbetsförmedlingens": ("myndighet", "Arbetsförmedlingen"),
    "af": ("myndighet", "Arbetsförmedlingen"),
    "försäkringskassan": ("myndighet", "Försäkringskassan"), "försäkringskassans": ("myndighet", "Försäkringskassan"),
    "fk": ("myndighet", "Försäkringskassan"),
}

# Words joining two years into a span: "mellan 2016 och 2019", "från 2016 till 2019", "2016-2019".
SPAN_JOINERS = frozenset({"och", "till", "-", "–", "—", "tom", "t.o.m."})

