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
    "rehab": "rehabilitering", "snitt": "genomsnitt", "snittet": "genomsnitt",
    # a support under its present name: the wage subsidy the reports call lönebidrag is called lönestöd now
    "lönestöd": "lönebidrag", "lönestödet": "lönebidrag",
    # remaining in a state: "fortfarande inskrivna" is the reports' "kvar som inskrivna"
    "fortfarande": "kvar",
    # meetings
    "träff": "möte", "träffar": "möte", "träffen": "möte",
}

# A question puts its subject between a particle verb and its particle ("vad la Arbetsförmedlingen ut",
# "hur mycket gjorde de av med", "sa de nej"): up to two words, none of them a negation ("sa inte nej"
# is no "avböjde"), stand there and are kept.
SUBJECT = r"((?:(?!inte\b|ej\b|icke\b|aldrig\b)\w+\s+){0,2})"

# Everyday phrases -> the reports' word, replaced in the question before it is read: the words
# one by one mean something else ("nej" would negate, "över" qualifies a number).
EVERYDAY_PHRASES = (
    (rf"\b(?:sa|sade|säger|säga|sagt|tackade|tackar|tacka|tackat)\s+{SUBJECT}nej(?:\s+tack)?\b", r"avböjde \1"),
    (r"\bnej\s+tack\s+till\b", "avböjde"),
    # ("blev sjukskrivna över 90 dagar": "över" qualifies a number that is no year)
    (rf"\b(?:blev|blir|blivit)\s+{SUBJECT}över\b(?!\s+(?!(?:19|20)\d\d\b)\d)", r"överskott \1"),
    (rf"\b(?:gjorde|gör|göra|gjort)\s+{SUBJECT}av\s+med\b", r"förbrukade \1"),
    (rf"\b(?:la|lade|lagt|lägger)\s+{SUBJECT}ut\b", r"förbrukade \1"),
    (rf"\b(?:fick|får|fått)\s+{SUBJECT}tillbaka\b", r"återfick \1"),
    # an age asked about: "hur gamla var deltagarna", "hur gammal är en deltagare" (the reports' "ålder", "medelålder")
    (r"\bhur\s+gam(?:mal|malt|la|le)\b", "ålder"),
    # an insats or a sjukfall that ends: "när insatsen tog slut", "innan sjukfallet tar slut"
    (rf"\b(?:tog|tar|tagit|ta)\s+{SUBJECT}slut\b", r"avslutades \1"),
    # still on sick leave is the reports' "kvar i sjukförsäkringen": "fortfarande sjukskrivna", "fortfarande var
    # sjukskrivna", "kvar i sjukskrivning", "kvar som sjukskriven"; the word alone would name förmån
    # sjukpenning, a group, not the state
    (r"\b(?:fortfarande|fortsatt|alltjämt|kvar)\s+(?:(?:var|är|varit|vara|blev|som|i)\s+){0,2}sjukskriv\w*",
     "kvar i sjukförsäkringen"),
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
