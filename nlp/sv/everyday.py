"""Everyday Swedish a question may be typed in, and the words the reports use for the same thing."""
from __future__ import annotations

# Everyday words -> the word the reports use for the same thing. A question is typed in the words
# of its asker ("plugga", "jobb", "killar"); the catalogue and the reports write "studier",
# "arbete", "män". Compared as keys (api.answer.query_words reads them), so one form covers its inflections
# ("pluggade", "jobbet"), and as compound parts ("förvaltningspengarna" is förvaltning + medel,
# "rehabtjänster" rehabilitering + tjänst). Only words with one meaning in these matters are listed:
# A word the reports use in a sense of their own is left out ("utbildning" is an insats there, not
# studies), and so is "unga" (it names an age, which the reports give as "19-29", not aktivitetsersättning),
# so is "sjuk" (sjukpenning, sjukersättning or sjukfall).
EVERYDAY_WORDS = {
    # work and studies
    "jobb": "arbete", "jobba": "arbete", "jobbet": "arbete",
    "plugga": "studier", "pluggar": "studier", "pluggade": "studier",
    # people (read by BREAKDOWN_WORDS under the reports' word)
    "killar": "män", "killarna": "män", "grabbar": "män", "grabbarna": "män",
    "tjejer": "kvinnor", "tjejerna": "kvinnor",
    # money
    "pengar": "medel", "pengarna": "medel", "stålar": "medel", "slantar": "medel", "anslagspengar": "medel",
    "oanvänd": "underutnyttjande", "oanvända": "underutnyttjande", "outnyttjad": "underutnyttjande",
    "outnyttjade": "underutnyttjande", "överskjutande": "överskott",
    "köpa": "upphandla", "köpt": "upphandla", "köpta": "upphandla", "köpte": "upphandla", "inköpt": "upphandla",
    "inköpta": "upphandla",
    # clipped forms
    "rehab": "rehabilitering",
    # meetings
    "träff": "möte", "träffar": "möte", "träffen": "möte",
}

# Everyday phrases -> the reports' word, replaced in the question before it is read: the words
# one by one mean something else ("nej" would negate, "över" qualifies a number).
EVERYDAY_PHRASES = (
    (r"\b(?:sa|sade|säger|säga|sagt|tackade|tackar|tacka|tackat)\s+nej(?:\s+tack)?\b", "avböjde"),
    (r"\bnej\s+tack\s+till\b", "avböjde"),
    (r"\b(?:blev|blir|blivit)\s+över\b", "överskott"),
    (r"\b(?:gjorde|gör|göra|gjort)\s+av\s+med\b", "förbrukade"),
    (r"\b(?:la|lade|lagt|lägger)\s+ut\b", "förbrukade"),
    (r"\b(?:fick|får|fått)\s+tillbaka\b", "återfick"),
)

# Verbs of receiving in a question about money -> the reports' word for money a body was given
# ("tilldelades", the catalogue's lemma "tilldela"): "hur mycket fick X" asks what X was allotted,
# not what it spent. Read only when the question asks for kronor: "fick jobb", "fick avslag" and
# "fått arbetsförmåga" are no money. Spending needs no entry: "förbrukade", "spenderade", "använde"
# are the catalogue's own words, and "gjorde av med", "la ut" are EVERYDAY_PHRASES.
RECEIVING_VERBS = (
    (r"\b(?:fick|får|fått|erhöll|erhåller|erhållit|erhölls)\b", "tilldelades"),
    (r"\b(?:tog|tar|tagit|ta)\s+((?:\w+\s+){0,2})emot\b", r"tilldelades \1"),  # "tog Försäkringskassan emot"
)


__all__ = ["EVERYDAY_PHRASES", "EVERYDAY_WORDS", "RECEIVING_VERBS"]
