"""Swedish query words as data: what a question word means for the interpretation.

In the spirit of spacy/lang/sv: one constant per job, with a comment where a word is left
out and why. Words are written as a user types them; api.answer.ask stems them itself.
"""
from __future__ import annotations

import re

from nlp.sv.breakdowns import BREAKDOWN_TERMS
from nlp.sv.negations import NEGATIONS as SV_NEGATIONS, PRIVATIVE_HEADS  # noqa: F401  (read through this module)
from nlp.sv.stop_words import QUESTION_WORDS
from nlp.sv.everyday import EVERYDAY_PHRASES, EVERYDAY_WORDS, RECEIVING_VERBS  # noqa: F401  (read through this module)
from nlp.sv.statistics import MEAN_WORDS
from nlp.sv.stop_words import STOP_WORDS as SV_STOP_WORDS
from nlp.sv.units import UNITS

# Words that carry no measure (nlp.sv.stop_words): function words and the words a question wraps
# around the measure ("Hur många ... genomfördes 2022?").
# "hos" is a preposition the Swedish list lacks: three letters, so it is no report word either (the vocabulary keeps
# words of four letters and more) and would count as a foreign word, as if the question were about something else.
# "haft" is the supine of the auxiliary "ha", whose other forms (ha, har, hade) the list has: "sedan när har de haft
# ett uppdrag" asks about the uppdrag, and a sentence saying "har ... sedan 2012" holds no "haft".
STOP_WORDS = (SV_STOP_WORDS - SV_NEGATIONS) | QUESTION_WORDS | {"hos", "haft"}  # a negation is read, not dropped

# A measure of the complement ("avslag utan omställningsmöte", "ej återvänt") is never the answer
# unless the question itself negates; "nej" negates a question too, and so does the verb of lacking
# ("bedömdes sakna arbetsförmåga" is the complement of "bedömdes ha arbetsförmåga").
NEGATIONS = SV_NEGATIONS | {"nej", "sakna", "saknar", "saknade", "saknat", "saknas"}

# Negations that deny the same way, read as one word: a question types "inte" where a report's
# table prints "ej" or "icke" ("inte med i samverkan" is the group "ej i samverkan"). ("utan", "ingen"
# deny a noun, not a verb or a group's name, and are left as they are.)
NEGATION_SYNONYMS = {"ej": "inte", "icke": "inte"}

# Words that ask for a mean ("i snitt", "i genomsnitt", "genomsnittlig", "medelålder"): the extraction's
# MEAN_WORDS (nlp.sv.statistics) and the compounds of "medel" that name a mean, not money ("medel",
# "medlen", "medelstilldelning" are money). A measure whose label or definition says it is a mean
# answers such a question; a count or a share, however near its words, does not.
MEAN_CUES = re.compile(rf"{MEAN_WORDS.pattern}|\bsnitt\w*|\bmedel(?:ålder|åldern|antal|antalet|tal|talet|värde|värdet|tid|tiden)\b",
                       re.IGNORECASE)
# First parts of a compound that make it a mean of its head: "snittåldern", "genomsnittstiden", "medelåldern"
# ("snitt" is read as "genomsnitt", nlp.sv.everyday)
MEAN_PARTS = ("genomsnitt", "medel")

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
# Every word the reports print money in is a money cue too ("hur många mnkr", "i tkr", "i miljoner kronor"):
# read from the extraction's own unit list (nlp.sv.units), so a unit the reports gain is asked about as well.
UNIT_CUES.update({word: "kronor" for word, (unit, _) in UNITS.items() if unit == "kronor" and word not in UNIT_CUES})

# Cues that are conjunctions inside a sentence: "när" asks "when?" opening the question or after a
# preposition ("sedan när"), but "Vilken fördelning fanns när institutet bildades?" asks for the fördelning.
CONJUNCTION_CUES = frozenset({"när"})

# Prepositions of time a question puts before its year cue ("sedan vilket år"): the year the reports print
# after the same word ("sedan 2012") is the one asked for.
TIME_PREPOSITIONS = frozenset({"sedan", "från", "till", "före", "efter", "fram", "innan", "under"})

# Units counted as the same cue ("procentenheter" answers a share question too).
UNIT_FAMILIES = {"procent": {"procent", "procentenheter"}, "antal": {"antal"}, "kronor": {"kronor"}, "dagar": {"dagar"},
                 "år": {"ar", "år"}}

# A question about the whole series rather than one year.
SERIES_CUES = (
    "utveckling", "utvecklingen", "utvecklats", "utvecklades", "serie", "serien", "tidsserie", "tidsserien",
    "över tid", "trend", "trenden", "alla år", "varje år", "per år", "år för år", "förändrats", "förändring över",
    "sedan start", "historik", "historiskt",
)

# A question about what a measure *is*, not about its figures: "Vad är en gemensam kartläggning?".
# With a year or a unit cue it asks for a figure after all ("Vad är andelen kvinnor 2019?").
DEFINITION_CUES = (
    "vad är", "vad menas med", "vad innebär", "vad betyder", "vad avses med", "vad räknas som",
    "hur definieras", "definition av", "definitionen av", "vad är definitionen",
)

# Words by which a report defines a term in its own text ("Med gemensam kartläggning avses ...").
DEFINING_WORDS = ("avses", "innebär", "definieras", "definition", "menas", "betyder", "syftar", "är en ", "är ett ")

# Goal words: without one of them a *_mal_* measure (a goal, not an outcome) is not the answer.
GOAL_CUES = frozenset({"mål", "målet", "målen", "målsättning", "målsättningen", "målsatt", "målvärde"})

# Breakdown words -> (key, value as the facts spell it): the same words the extraction reads
# (nlp.sv.breakdowns), those that name a value.
BREAKDOWN_WORDS = {w: (k, v) for w, (k, v) in BREAKDOWN_TERMS.items() if v}

# Words joining two years into a span: "mellan 2016 och 2019", "från 2016 till 2019", "2016-2019".
SPAN_JOINERS = frozenset({"och", "till", "-", "–", "—", "tom", "t.o.m."})
