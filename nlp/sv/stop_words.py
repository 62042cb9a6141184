"""Swedish words that carry no content, for every stage that drops them.

STOP_WORDS is Snowball's Swedish list (the search index drops these). Left out on purpose:
"män" is not on it (Snowball's is "men", but), and words that carry meaning in these reports
("över", "andel", "antal") are not added. The other lists add the words one job also drops;
each stage takes STOP_WORDS plus its own, so a word is listed once.
"""
from __future__ import annotations

STOP_WORDS: frozenset[str] = frozenset("""
och det att i en jag hon som han på den med var sig för så till är men ett om hade de av
icke mig du henne då sin nu har inte hans honom skulle hennes där min man ej vid kunde något
från ut när efter upp vi dem vara vad över än dig kan sina här ha mot alla under någon eller
allt mycket sedan ju denna själv detta åt utan varit hur ingen mitt ni bli blev oss din dessa
några deras blir mina samma vilken er sådan vår blivit dess inom mellan sådant varför varje
vilka ditt vem vilket sitta sådana vart dina vars vårt våra ert era vilkas
""".split())

# Words around a figure that say how it was rounded or that it is a total, not what it counts:
# left out of the phrase that names an unclassified figure ("cirka 1 200 [personer]").
FIGURE_FILLER_WORDS: frozenset[str] = frozenset(
    "procent cirka drygt knappt totalt också även per år hade blev samt hos sitt".split())

# Words a question wraps around the measure ("Hur många ... genomfördes 2022?"): question words,
# auxiliaries and reporting verbs. "man" stays a stop word: "hur många har man kartlagt" is the
# pronoun, not män. "erbjöds" is left out: it names kontaktmoten_erbjudna_antal.
QUESTION_WORDS: frozenset[str] = frozenset("""
    a alltså blev bli blir dom du efter enligt fanns finns fick förra gjorde gjordes gjort genomfördes genomfört
    genomförts genomförde genomföra genomförs hurdan in jag just kommer många rapporten rapporterna rapport
    redovisas redovisades ska stor stort stora totalt totala utav år året åren års deltog deltagit hände hänt
    fått ungefär cirka siffra siffran siffror värde värdet uppgick uppgår statistik hölls höll hålls skedde sker
    ägde rum utfördes utförts utförde gavs getts gick ledde lett finnas
    myndigheterna myndigheten myndigheternas tillsammans
""".split())

__all__ = ["FIGURE_FILLER_WORDS", "QUESTION_WORDS", "STOP_WORDS"]
