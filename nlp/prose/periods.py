"""The period of a figure when its own words name none: the year the paragraph named before it,
the year of its "A respektive B" pair, the year a survey was done."""
from __future__ import annotations

import re
from typing import Optional

from spacy.tokens import Doc, Span

from ingest.records import Document
from nlp.components.periods import paren_ranges
from nlp.components.quantities import QUANTITIES
from nlp.prose.changes import FROM_YEAR_BEFORE
from nlp.sv.periods import MONTHS, find_year_mentions
from nlp.sv.surveys import SURVEY_WORDS


# A span of years that a section goes on describing ("att under 2006–2008 bedriva ett projekt"):
# the words before it that make it the period of what follows, not a figure's own span.
CARRIED_SPAN_BEFORE = re.compile(r"(?:under|åren|perioden|period)\s*$", re.IGNORECASE)
# A year that is what a sentence speaks of ("2035 blev ett rekordår för förbundet.", "Året 2035 präglades av ..."):
# the paragraph's year, as "under 2035" is
YEAR_AS_SUBJECT = re.compile(r"(?:^|[.!?:]\s+|\n)(?:året\s+)?((?:19|20)\d{2})\s+(?:blev|var|är|präglades|innebar|"
                             r"kännetecknades|bjöd|inleddes|avslutades)\b", re.IGNORECASE)


def is_survey_figure(doc: Doc, span: Span, period_source: str) -> bool:
    """True for a figure of a survey or interviews: its clause names one after the year the
    sentence names ("avser perioden 2021–2025 och bygger på ... en enkät som besvarades av 1 245"),
    or, when it has no year of its own, its sentence or the one before names one."""
    if not doc.has_annotation("SENT_START") or period_source in ("following", "parenthesis", "from_to"):
        return False
    sent = span.sent
    before = doc.text[sent.start_char:span.start_char]
    if period_source == "sentence":
        parens = paren_ranges(before)
        years = [m for m in find_year_mentions(before) if not any(o < m[0] < c for o, c in parens)]
        return bool(years) and bool(SURVEY_WORDS.search(before[years[-1][1]:]))
    if period_source:
        return False
    earlier = [s for s in doc.sents if s.end <= sent.start]
    text = sent.text + (" " + earlier[-1].text if earlier else "")
    return bool(SURVEY_WORDS.search(text))


def speaking_year(document: Document) -> Optional[int]:
    """The year the text speaks from, for "i år" and "förra året": the year it was dated, else the year
    it reports on. An annual report on 2036 written in March 2037 says "i år" of 2037."""
    year = document.metadata.reporting_year
    published = document.metadata.published or ""
    if year is not None and published[:4].isdigit() and int(published[:4]) > year:
        return int(published[:4])
    return year


def earlier_period(doc: Doc, span: Span) -> Optional[str]:
    """The period named last, outside parentheses, in the sentences of the block before the figure's."""
    if not doc.has_annotation("SENT_START"):
        return None
    start = span.sent.start_char
    parens = paren_ranges(doc.text)
    text = doc.text[:start]
    # a bare year or span counts from the run of sentences with figures just before ("... 412 dagar
    # 2025. Kvinnor var i samverkan 431 dagar"; "de 14 529 personer som avslutade en insats
    # 2023–2025. För 13 902 av dem ..."); "under 2025" and the like from any sentence before
    bare_from = start
    figures = doc.spans.get(QUANTITIES, [])
    for sent in reversed([s for s in doc.sents if s.end <= span.sent.start]):
        if not any(sent.start <= q.start < sent.end for q in figures):
            break
        bare_from = sent.start_char
    # a line that ends in ":" introduces the lines below it ("Diagram, helår 2026 (andel, %):")
    introducing = [(s.start_char, s.end_char) for s in doc.sents if s.end <= span.sent.start and s.text.rstrip().endswith(":")]
    subject_years = {y.start(1) for y in YEAR_AS_SUBJECT.finditer(text)}
    mentions = [m for m in find_year_mentions(text)
                if not any(o < m[0] < c for o, c in parens)
                and (m[2] in ("during", "recent", "from") or (m[2] in ("year", "span") and m[0] >= bare_from)
                     or (m[2] in ("year", "span") and any(a <= m[0] < b for a, b in introducing))
                     or m[2] == "last_year"
                     or (m[2] == "span" and CARRIED_SPAN_BEFORE.search(text[max(0, m[0] - 12):m[0]]))
                     or (m[2] == "year" and m[0] in subject_years))
                and not _IN_COMPARISON.search(re.split(r"[.;:!?]", text[:m[0]])[-1])
                and not (m[2] in ("year", "during") and FROM_YEAR_BEFORE.search(text[:m[0]]))]
    return mentions[-1][3] if mentions else None



# A year named in a comparison ("jämfört med 10 115 under 2025 och 9 640 under 2024") is not the
# year the paragraph goes on to speak of.
# ("... är densamma som 2027", "lika många som 2025": the year compared with, too)
# ("69 procent 2036, mot 73 procent 2035": "mot" before a figure compares, too)
_IN_COMPARISON = re.compile(r"\b(?:jämfört\s+med|jämfört\s+mot|i\s+jämförelse\s+med|att\s+jämföra\s+med|än"
                            r"|mot\s+(?:[^\W\d]+\s+)?\d+"
                            r"|(?:samma|densamma|detsamma|desamma|lika\s+[^\W\d]+)\s+som)\b", re.IGNORECASE)


def respektive_year(doc: Doc, span: Span, idx: int, groups: dict[int, list[int]]) -> Optional[str]:
    """The year a member of an "A respektive B" group pairs with when its sentence names as many years,
    coordinated ("För 2030 och 2031 beräknas anslaget till 8 538 respektive 8 661 miljoner kronor"):
    the first figure the first year, and so on. None otherwise, or when a year is a span's end or a
    comparison ("från 2029 till 2030", "jämfört med 2028")."""
    members = groups.get(idx)
    if not members or not doc.has_annotation("SENT_START"):
        return None
    sent = span.sent
    text = sent.text
    parens = paren_ranges(text)
    mentions = [m for m in find_year_mentions(text) if not any(o < m[0] < c for o, c in parens)]
    if any(m[2] not in ("year", "during") or not m[3].isdigit() for m in mentions):
        return None
    years = list(dict.fromkeys(m[3] for m in mentions))
    if len(years) != len(members) or len(mentions) != len(years):
        return None
    if any(not re.fullmatch(r"\s*(?:,|och|samt)\s*", text[a[1]:b[0]]) for a, b in zip(mentions, mentions[1:])):
        return None  # "2007 var nyckeltalen 60 respektive 35, och 2008 ...": each year has its own pair
    return years[members.index(idx)]


def month_not_yet_reached(period: str, part: str, published: Optional[str]) -> str:
    """The year of a month named without one ("Antalet pågående sjukfall var i december 176 000") in a text
    published earlier in the year the report's year would give it (a debate on 19 January 2027): the month the
    text's now has not reached yet is last year's."""
    if part not in MONTHS or not period.isdigit() or not published or not re.match(r"\d{4}-\d{2}", published):
        return period
    year, month = int(published[:4]), int(published[5:7])
    if int(period) == year and MONTHS.index(part) + 1 > month:
        return str(year - 1)
    return period
