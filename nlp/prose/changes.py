"""Whether a figure is a change, which way, and between which years.

"har minskat med 585 individer", "17 färre än året innan", "(+214)", "▲ +6,4 %": figure_change
says "ökning", "minskning" or "förändring" (no stated direction); change_period gives the span
from the year the change is measured from to the later year of its sentence.
"""
from __future__ import annotations

import re
from typing import Optional

from spacy.tokens import Doc, Span

from nlp.components.periods import paren_ranges
from nlp.components.quantities import QUANTITIES
from nlp.sv.periods import LAST_YEAR, MONTHS, find_year_mentions


_CHANGE_VERBS = (
    r"ökat|ökade|minskat|minskade|sjunkit|sjönk|stigit|steg|förbättrats|förbättrades|försämrats|försämrades"
    r"|vuxit|växte|fallit|föll"
    # a change proposed or made: "höjs med 60 öre", "sänks med 9 öre", "ökas med 250 miljoner"
    r"|höjs|höjts|höjdes|höjer|sänks|sänkts|sänktes|sänker|ökas|ökats|ökar|minskas|minskats|minskar|stiger|sjunker")
_CHANGE_NOUNS = (r"en\s+ökning|en\s+minskning|en\s+förbättring|en\s+försämring|en\s+uppgång|en\s+nedgång"
                 r"|ökningen|minskningen|uppgången|nedgången|en\s+höjning|en\s+sänkning|höjningen|sänkningen")
_CHANGE_QUALIFIER = r"(?:cirka\s+|drygt\s+|knappt\s+|ungefär\s+|nästan\s+)?$"
_CHANGE_BEFORE = re.compile(
    # ("tillförs 1,2 miljarder", "förstärks med 310 miljoner" are amounts added, not a level's change)
    rf"\b(?:({_CHANGE_NOUNS})\s+(?:med\s+|på\s+)?|({_CHANGE_VERBS})(?:\s+(?:med\s+|på\s+)?"
    # the subject or an adverb may stand between the verb and "med": "ökade antalet med 424",
    # "steg andelen med", "har tiden minskat något, med 29 dagar" ("ökade jämfört med 8 991" compares)
    r"|(?:\s+(?!jämfört|jämförelse)[^\W\d]+,?){1,4}?\s+med\s+))"
    + _CHANGE_QUALIFIER, re.IGNORECASE)
# "ökade från 8 514 till 10 324, det vill säga med 21 procent": the size of the change the sentence
# named before, restated after it
_CHANGE_RESTATED = re.compile(r"(?:,|\b(?:det\s+vill\s+säga|dvs\.?|d\.v\.s\.?|alltså|eller))\s+med\s+" + _CHANGE_QUALIFIER,
                              re.IGNORECASE)
_CHANGE_WORD = re.compile(rf"\b({_CHANGE_VERBS})\b", re.IGNORECASE)
_INCREASE = ("ökat", "ökade", "stigit", "steg", "en ökning", "en uppgång", "ökningen", "uppgången", "en höjning", "höjningen",
             "höjs", "höjts",
             "höjdes", "höjer", "ökas", "ökats", "ökar", "stiger", "vuxit", "växte")
# "förbättrades med två procentenheter" is a change, but whether the figure rose or fell depends
# on the measure (fewer days is better), so it names no direction.
_NO_DIRECTION = ("förbättrats", "förbättrades", "försämrats", "försämrades", "en förbättring", "en försämring")
# A change stated after the figure, against an earlier year: "17 färre än året innan",
# "30 fler än föregående år", "fem procentenheter lägre än 2029".
_CHANGE_AFTER = re.compile(
    r"^\s*(?:[\wåäö]+\s+){0,2}?(fler|färre|mer|mindre|högre|lägre|kortare|längre|större|snabbare|långsammare)"
    # the later year or the noun counted may stand between: "11 procentenheter högre 2025 än 2021",
    # "238 fler kartläggningar än 2024"
    # ("9 400 färre jämfört med samma månad i fjol": the comparison in other words)
    r"\s+(?:[^\W\d]+\s+)?(?:(?:år\s+)?(?:19|20)\d\d\s+)?(?:än|jämfört\s+(?:med|mot))\s+"
    # the same month, quarter or time of an earlier year: "än samma månad föregående år", "än motsvarande kvartal
    # 2028", "än i oktober 2025",
    # "än tredje kvartalet 2025", "än vid samma tidpunkt ett år tidigare"
    r"(?:(?:i|under|vid)\s+)?(?:(?:samma|motsvarande)\s+(?:månad|period|kvartal|halvår|tertial|tid|tidpunkt|vecka)(?:et|en)?\s+|(?:" + "|".join(MONTHS) + r")\s+"
    r"|(?:första|andra|tredje|fjärde)\s+kvartalet\s+|(?:första|andra)\s+halvåret\s+|(?:första|andra|tredje)\s+tertialet\s+)?"
    r"(?:året\s+(?:innan|före)|föregående\s+år|(?:ett|\d{1,2})\s+år\s+(?:tidigare|innan)"
    r"|i\s+fjol|i\s+år|i\s+dag|förra\s+året|(?:under\s+|år\s+)?(?:19|20)\d\d(?![\d,.]\d)"
    # what an earlier year's level is called may stand between: "925 miljoner kronor mer än i statens budget för 2027"
    r"|(?:[^\W\d]+\s+){1,3}?(?:för|år|under)\s+(?:19|20)\d\d(?![\d,.]\d))", re.IGNORECASE)
# "Det är 756 fler, en ökning med ...", "Störst var ökningen i Västra Götaland, 172 fler kartläggningar": "fler" or
# "färre" with no "än" after it, in a sentence about a change, is a change against the time before
_MORE_OR_FEWER_AFTER = re.compile(r"^\s*(fler|färre)(?:\s+[^\W\d]+)?\s*(?:[,.;)]|$)", re.IGNORECASE)
_MORE = ("fler", "mer", "högre", "längre", "större", "långsammare")


def figure_change(doc: Doc, span: Span) -> Optional[str]:
    """"ökning" or "minskning" when the figure is a change ("har minskat med 585 individer",
    "17 färre än året innan"); "förändring" for a change of no stated direction ("förbättrades med")."""
    before = doc.text[max(0, span.start_char - 60):span.start_char]
    m = _CHANGE_BEFORE.search(before)
    word = re.sub(r"\s+", " ", (m.group(1) or m.group(2)).lower()) if m else None
    if word is None and _CHANGE_RESTATED.search(before):
        sent = span.sent if doc.has_annotation("SENT_START") else doc[:]
        verbs = list(_CHANGE_WORD.finditer(doc.text[sent.start_char:span.start_char]))
        word = verbs[-1].group(1).lower() if verbs else None
    if word is not None:
        if word in _NO_DIRECTION:
            return "förändring"
        return "ökning" if word in _INCREASE else "minskning"
    after = _CHANGE_AFTER.match(doc.text[span.end_char:span.end_char + 80])
    if after:
        return "ökning" if after.group(1).lower() in _MORE else "minskning"
    bare = _MORE_OR_FEWER_AFTER.match(doc.text[span.end_char:span.end_char + 40])
    if bare:
        sent = span.sent if doc.has_annotation("SENT_START") else doc[:]
        if _CHANGE_NOUN.search(sent.text) or _CHANGE_WORD.search(sent.text) or _CHANGE_ANAPHORA.search(sent.text):
            return "ökning" if bare.group(1).lower() == "fler" else "minskning"
    signed = SIGNED.match(span.text)
    if signed and span._.quantity.unit == "procentenheter" and not _DEVIATION.search(
            doc.text[max(0, span.start_char - 30):span.end_char + 30]):
        # "–3,1 procentenheter jämfört med 2025", "(+2,4 procentenheter)": points are a change, the sign its direction
        return "ökning" if signed.group(1) == "+" else "minskning"
    if signed and doc.text[:span.start_char].rstrip().endswith("(") and doc.text[span.end_char:].lstrip().startswith(")") and \
            _FIGURE_BEFORE.search(doc.text[max(0, span.start_char - 60):max(0, span.start_char - 1)]):
        # "4 316 personer per månad i en insats (+214)": a signed figure alone in parentheses after a figure
        # is its change (not "(+2,7 miljoner kronor för alternativa insatser)", an amount added for something)
        return "ökning" if signed.group(1) == "+" else "minskning"
    arrow = _ARROW_BEFORE.search(before)
    if arrow:
        # "▲ +6,4 %", "▼ −1,1 procentenheter": a statistics sheet's arrow marks a change and its direction
        if arrow.group(1) in _UP_ARROWS + _DOWN_ARROWS:
            return "ökning" if arrow.group(1) in _UP_ARROWS else "minskning"
        if signed:
            return "ökning" if signed.group(1) == "+" else "minskning"
    if signed:
        sent = span.sent if doc.has_annotation("SENT_START") else doc[:]
        if _CHANGE_NOUN.search(doc.text[sent.start_char:span.start_char]) and not _DEVIATION.search(sent.text):
            # "Minskningen var störst bland kvinnor, −7,1 procent": a signed figure in a sentence about a change
            return "ökning" if signed.group(1) == "+" else "minskning"
    if _YEAR_AND_BEFORE.search(before):
        # "ökar med 45 miljoner kronor 2032 och 60 miljoner kronor årligen därefter", "minskar med 35 ... 2032 och med
        # 95 ...": a change for one year and the next level of the same change
        sent = span.sent if doc.has_annotation("SENT_START") else doc[:]
        previous = [o for o in doc.spans.get(QUANTITIES, []) if sent.start <= o.start and o.end <= span.start]
        if previous and previous[-1]._.quantity.unit == span._.quantity.unit:
            return figure_change(doc, previous[-1])
    if _OR_BEFORE.search(before):
        # "en ökning med 1 411 kartläggningar eller 16 procent": the same change restated in another unit
        sent = span.sent if doc.has_annotation("SENT_START") else doc[:]
        previous = [o for o in doc.spans.get(QUANTITIES, []) if sent.start <= o.start and o.end <= span.start]
        if previous:
            return figure_change(doc, previous[-1])
    return None


SIGNED = re.compile(r"^\s*([+−–\-])\s?\d")
# a year, then "och" and the next figure: "med 45 miljoner kronor 2032 och [med] 60 miljoner kronor ..."
_YEAR_AND_BEFORE = re.compile(r"\b(?:19|20)\d\d,?\s+och\s+(?:med\s+)?(?:cirka\s+|omkring\s+|ungefär\s+|drygt\s+|knappt\s+)?$",
                              re.IGNORECASE)
_UP_ARROWS = "▲↑⬆△▴"
_DOWN_ARROWS = "▼↓⬇▽▾"
# "→ −16 dagar": an arrow pointing on marks a change whose sign says which way
_ARROW_BEFORE = re.compile(r"([▲↑⬆△▴▼↓⬇▽▾→➔➞])\s*$")
_CHANGE_NOUN = re.compile(r"\b(?:ökning|minskning|förändring|uppgång|nedgång|utveckling)\w*", re.IGNORECASE)
_FIGURE_BEFORE = re.compile(r"\d[^()]*$")
# "en avvikelse på -3,2 procentenheter mot målet": a signed distance from a goal, not a change over time
_DEVIATION = re.compile(r"\b(?:avvikelse\w*|mål\w*|jämfört\s+med\s+budget\w*)\b", re.IGNORECASE)
_OR_BEFORE = re.compile(r"\beller\s+(?:cirka\s+|drygt\s+|knappt\s+|nästan\s+|omkring\s+)?$", re.IGNORECASE)
# A sentence that speaks of the change the sentence before stated: "Det är en ökning med 3,4
# procentenheter", "Minskningen med 3 procentenheter ...", "Utfallet ökade ... under samma period"
_CHANGE_ANAPHORA = re.compile(r"^\s*(?:det\s+är|det\s+motsvarar|detta\s+(?:är|motsvarar)|det\s+innebär|ökningen|"
                              r"minskningen|förändringen|uppgången|nedgången)\b|\bsamma\s+period\b", re.IGNORECASE)


# Words before a year that make it the year a change is measured from: "från 62 procent 2021",
# "jämfört med 2 310 år 2021" (a figure and its unit may stand between).
FROM_YEAR_BEFORE = re.compile(r"\b(?:från|jämfört\s+(?:med|mot)|i\s+jämförelse\s+med)\s+(?:[^\s.;:!?]+\s+){0,4}?(?:år\s+)?$",
                              re.IGNORECASE)
_SINCE_REACH = 40  # "sedan 2021" this near before a change, or anywhere after it, is its base


_SINCE_OPENING = re.compile(r"\s*sedan\s+(?:år\s+)?", re.IGNORECASE)


def _change_years(doc: Doc, span: Span) -> tuple[Optional[int], Optional[int]]:
    """(base, later) for a change figure: the year its sentence measures the change from ("från 62
    procent 2021 till 68 procent 2025", "jämfört med 2 310 år 2021", "högre 2025 än 2021", "sedan
    2021") and the latest other year the sentence names, outside parentheses; None where none."""
    sent = span.sent if doc.has_annotation("SENT_START") else doc[:]
    parens = paren_ranges(doc.text)
    own = [p for p in parens if p[0] < span.start_char < p[1]]
    bases: list[int] = []
    others: list[int] = []
    for start, end, role, period in find_year_mentions(sent.text):
        pos = sent.start_char + start
        if not period[:4].isdigit() or any(o < pos < c for o, c in parens if (o, c) not in own):
            continue
        year = int(period[:4])
        # ("Sedan 2021, då 9 326 ... genomfördes, har antalet ökat med 2 267": opening the sentence, it reaches it all)
        if role == "during" and _SINCE_OPENING.fullmatch(sent.text[:start]):
            role = "since"  # "Sedan 2021, då 9 326 ...": read as the då-clause's year, and the change's base
        if role == "comparison" or (role == "since" and (pos > span.start_char or span.start_char - pos <= _SINCE_REACH
                                                         or _SINCE_OPENING.fullmatch(sent.text[:start]))) \
                or (role in ("year", "during") and FROM_YEAR_BEFORE.search(sent.text[:start])):
            bases.append(year)
        elif role in ("year", "during") and period.isdigit():
            others.append(year)
    base = min(bases) if bases else None
    later = max((y for y in others if base is None or y > base), default=None)
    if base is None and _CHANGE_ANAPHORA.search(sent.text):
        earlier = [x for x in doc.sents if x.end <= sent.start] if doc.has_annotation("SENT_START") else []
        if earlier:
            prev = earlier[-1]
            figures = [o for o in doc.spans.get(QUANTITIES, []) if prev.start <= o.start < prev.end]
            if figures:
                # the years of the change the sentence before stated
                prev_base, prev_later = _change_years(doc, figures[-1])
                if prev_base is not None:
                    return prev_base, later if later is not None and later > prev_base else prev_later
    return base, later


def change_period(doc: Doc, span: Span, period: str, default_base: bool = True,
                  reporting_year: Optional[int] = None) -> Optional[str]:
    """The period of a change: from the year it is measured from to the later year of its sentence
    (or the figure's own year, or the report's when that is the base itself: "jämfört med 2021, då
    andelen var 62,0 procent; andelen har minskat med 0,6 procentenheter"); the year before the
    figure's own when no base is named (unless not `default_base`)."""
    base, later = _change_years(doc, span)
    if base is None and reporting_year and _compared_with_last_year(doc, span):
        base = reporting_year - 1  # "9 400 färre jämfört med samma månad i fjol": from the text's last year
    own = re.fullmatch(r"(\d{4})(?:-(\d{4}))?", period or "")
    end = later if later is not None else (int(own.group(2) or own.group(1)) if own else None)
    if base is not None and (end is None or end <= base) and reporting_year and reporting_year > base:
        end = reporting_year
    if base is None:
        if not own or own.group(2) or not default_base:
            return None  # a span of its own ("mellan 2021 och 2025") or no year at all
        base = int(own.group(1)) - 1
    if end is None or base >= end:
        return None
    return f"{base}-{end}"


def _compared_with_last_year(doc: Doc, span: Span) -> bool:
    """Whether the sentence of a change compares with last year in words ("än i fjol", "jämfört med samma
    månad förra året"): the change is measured from the year before the text's now."""
    sent = span.sent if doc.has_annotation("SENT_START") else doc[:]
    return any(role == "comparison" and period == LAST_YEAR for _, _, role, period in find_year_mentions(sent.text))
