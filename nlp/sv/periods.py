"""How the reports say which year a figure belongs to.

Each pattern finds a year mention and names its role, because the role decides whether the
year is the period of a nearby figure:

- "during"      "Under 2019", "år 2018", "för 2022", "i december 2019": the period of the
                figures around it
- "span"        "2013–2022", "under perioden 2012–2021": a period that is a span of years
- "report"      "regleringsbrevet för 2019": the report's own year
- "budget"      "budgetpropositionen för 2027": the year a budget's proposals are for; the
                period of a figure in its sentence, but not the year "nästa år" counts from
- "comparison"  "jämfört med 2018": the base a change is measured against, not the period
                of the figure before it ("minskat med fyra procentenheter jämfört med 2018"
                is a figure for the report's year)
- "record"      "första gången sedan 2016", "det högsta antalet sedan 2016": a year a figure
                is compared with, neither its period nor the base of a change
- "since"       "sedan 2012": the start of an open span (a figure after it covers 2012 up
                to the report's year)
- "from"        "från och med 2028", "fr.o.m. 2027": where a figure starts to apply; the
                open span "2028-", which is that year alone when it is not in the past
- "recent"      "de senaste fem åren": the last N years up to the report's year, "last:5"
- "previous"    "året innan", "föregående år", "året före": the year before the sentence's own
                year (or the report's); period "prev:1", resolved by the caller
- "last_year"   "förra året", "i fjol": the year before the text's own now, wherever the sentence
                says it ("Av de 6 420 som avslutade en insats förra året"); period "cur-1"
- "month"       "i augusti" with no year: the text's own year ("cur"), only where its sentence names
                no other period
- "year"        a bare year ("2016 lämnade 9 329 individer", "8 638 kartläggningar 2018")

"(166, 2021)" needs no pattern of its own: a figure inside parentheses takes the year
printed inside the same parentheses (see nlp.components.periods).
"""
from __future__ import annotations

import re
from typing import Optional

YEAR_MIN = 1900
YEAR_MAX = 2099
YEAR = r"(?:19|20)\d{2}"

# A year anywhere in a text, not inside a longer number: "2019" in "Tabell 3, 2019".
BARE_YEAR = re.compile(rf"(?<!\d){YEAR}(?!\d)")
# A table label that is a year or a span of years and nothing else: "2019", "2013–2022", "2009/10".
YEAR_LABEL = re.compile(rf"^{YEAR}(?:\s?[–\-/]\s?(?:19|20)?\d{{2,4}})?$")

# The stage of a budget year in a column header ("Utfall 2026", "Prognos 2027", "Beräknat 2029"): the
# year is the figure's period, the word only says whether it is an outcome, a forecast or a plan
BUDGET_STAGE = re.compile(r"\b(?:utfall|prognos|beräknat|beräknad|budget|förslag|anvisat|anvisad|plan|"
                          r"preliminärt|preliminär)\b", re.IGNORECASE)
# A year is not part of a longer number, an identifier ("2018:8", "S2019/03413", "2020-05-08")
# or a decimal ("2019,5").
_NOT_BEFORE = r"(?<![\d/:.,\w\-–])"
# "2018:8" is an identifier, "oktober 2026:" a year, "1990-talet" a decade
_NOT_AFTER = r"(?![\d/%]|:\d|[.,]\d|-\d{2}-|-tal|\w)"

MONTHS = (
    "januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september",
    "oktober", "november", "december",
)
SEASONS = ("våren", "sommaren", "hösten", "vintern", "början av", "slutet av", "mitten av")

# (role, pattern) in priority order: where two patterns find the same year, the first wins.
# "förra året", "i fjol": the year before the text's own now (see the role "last_year" above)
LAST_YEAR_WORDS: re.Pattern[str] = re.compile(r"\b(?:i\s+fjol|fjolåret|förra\s+året|fjolårets)\b", re.IGNORECASE)

PERIOD_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("span", re.compile(
        _NOT_BEFORE + rf"(?P<start>{YEAR})\s?[–—\-]\s?(?P<end>{YEAR})" + _NOT_AFTER)),
    ("span", re.compile(
        rf"\b(?:från|mellan|åren|perioden)\s+(?:[\wåäö]+\s+){{0,3}}?(?P<start>{YEAR})\s+(?:till(?:\s+och\s+med)?|och|t\.o\.m\.)\s+"
        rf"(?:år\s+)?(?P<end>{YEAR})" + _NOT_AFTER, re.IGNORECASE)),
    ("span", re.compile(
        # "250 miljoner kronor per år 2026 och 2027", "årligen 2026–2028": each of those years
        rf"\b(?:per\s+år|årligen|varje\s+år|om\s+året)\s+(?:under\s+)?(?:åren\s+)?(?P<start>{YEAR})\s*(?:och|till|,)\s*(?P<end>{YEAR})"
        + _NOT_AFTER, re.IGNORECASE)),
    ("recent", re.compile(
        r"\b(?:de\s+)?senaste\s+(?P<count>\d{1,2}|två|tre|fyra|fem|sex|sju|åtta|nio|tio)\s+åren\b", re.IGNORECASE)),
    ("during", re.compile(
        # "lägre än 2019, då andelen var 73,8 procent", "sedan 2023, då den var 211 dagar": the year of the då-clause
        _NOT_BEFORE + rf"(?P<year>{YEAR}),?\s+då\b", re.IGNORECASE)),
    ("report", re.compile(
        rf"regleringsbrev(?:et|en|ens)?\s+för\s+(?:budgetåret\s+)?(?P<year>{YEAR})" + _NOT_AFTER, re.IGNORECASE)),
    ("budget", re.compile(
        # "i budgetpropositionen för 2027": the year the proposals are for, not the now that "nästa år" counts from
        rf"\b(?:budgetproposition\w*|propositionen|budgeten)\s+för\s+(?:år\s+|budgetåret\s+)?(?P<year>{YEAR})" + _NOT_AFTER,
        re.IGNORECASE)),
    ("comparison", re.compile(
        rf"(?:jämfört\s+med|jämfört\s+mot|(?:förändring\w*|ökning\w*|minskning\w*|skillnad\w*)\s+mot|i\s+förhållande\s+till|än\s+för|än\s+under|än\s+år|\bän|\bså\s+\w+\s+som|\bsamma\s+\w+\s+som)\s+(?:år\s+|under\s+|(?:i\s+)?(?:{'|'.join(MONTHS)})\s+|(?:samma|motsvarande)\s+(?:månad|period|kvartal|halvår|tertial|vecka)(?:et|en)?\s+|(?:första|andra|tredje|fjärde)\s+kvartalet\s+|(?:första|andra)\s+halvåret\s+)?(?P<year>{YEAR})"
        + _NOT_AFTER, re.IGNORECASE)),
    ("comparison", re.compile(
        # "dubbelt så många som samma kvartal förra året", "än i fjol": last year as what a figure is compared
        # with, not the figure's own year (its period is LAST_YEAR)
        r"(?:jämfört\s+(?:med|mot)|\bän|\bsom)\s+(?:under\s+)?(?:(?:samma|motsvarande)\s+(?:månad|period|kvartal|halvår|tertial)"
        r"(?:et)?\s+)?(?:i\s+fjol|förra\s+året|fjolåret)\b", re.IGNORECASE)),
    ("record", re.compile(
        rf"\b(?:gången|högsta|lägsta|största|minsta|flest|färst|bästa|sämsta|högre|lägre|fler|färre)"
        rf"(?:\s+[\wåäö]+){{0,2}}?\s+sedan\s+(?:år\s+)?(?P<year>{YEAR})" + _NOT_AFTER, re.IGNORECASE)),
    ("from", re.compile(
        rf"(?:\bfrån\s+och\s+med|\bfr\.\s?o\.\s?m\.?|\bfrom|\bfrån(?=\s+den\s+\d))\s+(?:år\s+|budgetåret\s+|och\s+med\s+)?"
        rf"(?:den\s+\d{{1,2}}\s+(?:{'|'.join(MONTHS)})\s+)?(?P<year>{YEAR})" + _NOT_AFTER,
        re.IGNORECASE)),
    ("ago", re.compile(
        # "För tio år sedan genomförde ...": so many years before the text's now
        r"\bför\s+(?P<count>\d{1,2}|ett|två|tre|fyra|fem|sex|sju|åtta|nio|tio)\s+år\s+sedan\b", re.IGNORECASE)),
    ("since", re.compile(
        rf"\bsedan\s+(?:[\wåäö]+\s+){{0,2}}?(?P<year>{YEAR})" + _NOT_AFTER, re.IGNORECASE)),
    ("during", re.compile(
        rf"\b(?:under|för|år|året|i|inför|till|kvartalet|(?:{'|'.join(MONTHS)})|(?:{'|'.join(SEASONS)}))\s+"
        rf"(?:hela\s+|år\s+)?(?P<year>{YEAR})" + _NOT_AFTER, re.IGNORECASE)),
    ("year", re.compile(_NOT_BEFORE + rf"(?P<year>{YEAR})" + _NOT_AFTER)),
    ("previous", re.compile(
        r"\b(?:året\s+(?:innan|före|dessförinnan)|föregående\s+år(?:et)?|närmast\s+föregående\s+år)\b",
        re.IGNORECASE)),
    ("last_year", LAST_YEAR_WORDS),
    ("next", re.compile(
        r"\b(?:året\s+(?:därpå|därefter|efter)|nästa\s+år|följande\s+år|påföljande\s+år)\b", re.IGNORECASE)),
    ("month", re.compile(
        # "I augusti var 356 000 inskrivna", "i december pågick": a month named without a year is in the
        # text's own year ("i december 2019" is a "during" above)
        rf"\b(?:i|under|per|i\s+slutet\s+av|i\s+början\s+av|i\s+mitten\s+av)\s+(?:{'|'.join(MONTHS)})\b"
        rf"(?!\s+(?:år\s+)?{YEAR})(?!\s+(?:i\s+)?(?:år|fjol))(?!\s*[–—\-])", re.IGNORECASE)),
    ("current", re.compile(
        # "i år", "i dag", "innevarande år": the text's own now, the report's year ("detta år" is left
        # out: in a narrative it points back at the year just named)
        # "under årets första tio månader": part of the text's own year
        r"\b(?:i\s+år|i\s+dag|idag|innevarande\s+år|hittills\s+i\s+år"
        r"|årets(?:\s+(?:första|sista|andra|tredje|två|tre|fyra|fem|sex|sju|åtta|nio|tio|elva)){1,2}\s+(?:månader|kvartal|halvår|tertial))\b",
        re.IGNORECASE)),
    ("previous", re.compile(
        # "sex år tidigare", "två år före", "tre år innan": N years before the sentence's own year
        r"\b(?P<count>\d{1,2}|ett|två|tre|fyra|fem|sex|sju|åtta|nio|tio)\s+år\s+(?:tidigare|före|innan|dessförinnan)\b",
        re.IGNORECASE)),
)
# Parts of a year. The reports' measures are yearly ("under året"); a figure for a month, a quarter or
# the months so far ("i oktober", "tredje kvartalet 2026", "januari–september", "Kv 3 2025", "hittills
# i år") is not that year's figure. Each pattern names the part; a year printed with it belongs to it.
_MONTH = "|".join(MONTHS)
_MONTH_SHORT = r"jan|feb|mar|apr|jun|jul|aug|sept?|okt|nov|dec"
_MONTH_ANY = rf"(?:{_MONTH}|(?:{_MONTH_SHORT})\.?)"
_WITH_YEAR = rf"(?:\s+(?:år\s+)?{YEAR}{_NOT_AFTER})?"
_QUARTER_ORDINALS = {"första": 1, "andra": 2, "tredje": 3, "fjärde": 4}
PART_OF_YEAR_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("months", re.compile(  # "januari–oktober 2026", "jan–sep"
        rf"\b(?P<first>{_MONTH_ANY})\s?[–—\-]\s?(?P<last>{_MONTH_ANY})(?!\w){_WITH_YEAR}", re.IGNORECASE)),
    ("until", re.compile(  # "till och med september 2026": the months of the year so far
        rf"\b(?:till\s+och\s+med|t\.\s?o\.\s?m\.?|fram\s+till)\s+(?:utgången\s+av\s+|slutet\s+av\s+)?"
        rf"(?P<last>{_MONTH})\b{_WITH_YEAR}", re.IGNORECASE)),
    ("quarter", re.compile(  # "tredje kvartalet 2026"
        rf"\b(?P<ordinal>första|andra|tredje|fjärde)\s+kvartalet\b{_WITH_YEAR}", re.IGNORECASE)),
    ("quarter", re.compile(  # "Kvartal 2", "Kv 3 2025", "2025 kv 1", "Q3"
        rf"(?:\b{YEAR}\s+)?\b(?:kvartal|kv\.?|q)\s?(?P<number>[1-4])\b{_WITH_YEAR}", re.IGNORECASE)),
    ("half", re.compile(
        rf"\b(?P<ordinal>första|andra)\s+halvåret\b{_WITH_YEAR}", re.IGNORECASE)),
    # "H1 2025", "2025 H2", "halvår 2 2025" (a bare "H1" is too short to be sure of)
    ("half", re.compile(rf"\bH(?P<number>[12])\s+{YEAR}{_NOT_AFTER}|\b{YEAR}\s+H(?P<number2>[12])\b", re.IGNORECASE)),
    ("half", re.compile(rf"\bhalvår\s?(?P<number>[12])\b{_WITH_YEAR}", re.IGNORECASE)),
    ("to_date", re.compile(r"\bhittills\s+i\s+år\b", re.IGNORECASE)),
    ("same", re.compile(  # "samma månad föregående år", "vid samma tidpunkt 2025": the part named before
        r"\b(?:samma|motsvarande)\s+(?:månad|kvartal|period|tidpunkt|halvår)\b", re.IGNORECASE)),
    ("month", re.compile(  # "i oktober", "i slutet av oktober 2026", "I december 2025"
        rf"\b(?:i|under|vid\s+utgången\s+av|i\s+slutet\s+av|i\s+början\s+av|i\s+mitten\s+av)\s+"
        rf"(?P<month>{_MONTH})\b{_WITH_YEAR}", re.IGNORECASE)),
    ("month", re.compile(  # a label that is or ends in a month: "Oktober", "okt 2026", "Ersättning per dag, oktober 2026"
        rf"(?:^|[,:]\s*)(?P<month>{_MONTH_ANY}){_WITH_YEAR}\s*$", re.IGNORECASE)),
)
# A whole year said outright: "helåret 2025", "Helår 2024", "hela året", "årets anslag" (not "årets första månader").
FULL_YEAR = re.compile(r"\b(?:helår(?:et|s\w*)?|hela\s+(?:året|år)|årets(?!\s+(?:första|andra|tredje|fjärde|sista)))\b",
                       re.IGNORECASE)
SAME_PART = "samma"  # the label of a "same" mention until it is resolved against the part named before it


def _month_name(word: str) -> str:
    word = word.lower().rstrip(".")
    return next((m for m in MONTHS if m.startswith(word[:3])), word)


def find_parts_of_year(text: str) -> list[tuple[int, int, str]]:
    """Every mention of a part of a year in `text` as (start, end, label), in text order.

    Labels are normalised: "oktober", "januari–september", "kvartal 3", "halvår 1", "hittills i år",
    and SAME_PART for "samma period"; where patterns overlap the first listed wins.
    """
    found: list[tuple[int, int, str]] = []
    for kind, pattern in PART_OF_YEAR_PATTERNS:
        for m in pattern.finditer(text):
            groups = m.groupdict()
            if kind == "months":
                label = f"{_month_name(groups['first'])}–{_month_name(groups['last'])}"
            elif kind == "until":
                label = f"januari–{_month_name(groups['last'])}"
            elif kind in ("quarter", "half"):
                number = int(groups.get("number") or groups.get("number2") or 0) or _QUARTER_ORDINALS[groups["ordinal"].lower()]
                label = f"{'kvartal' if kind == 'quarter' else 'halvår'} {number}"
            elif kind == "to_date":
                label = "hittills i år"
            elif kind == "same":
                label = SAME_PART
            else:
                label = _month_name(groups["month"])
            if label == "januari–december" or any(s < m.end() and m.start() < e for s, e, _ in found):
                continue  # the whole year, or inside a mention already found
            found.append((m.start(), m.end(), label))
    return sorted(found)


# The year a budget bill or proposal is for: "budgetpropositionen för 2027", "i budgetpropositionen för år 2027".
BUDGET_YEAR = re.compile(rf"\b(?:budgetproposition\w*|propositionen|budgeten)\s+för\s+(?:år\s+|budgetåret\s+)?(?P<year>{YEAR})"
                         + _NOT_AFTER, re.IGNORECASE)
# Words that make a sentence speak of what is proposed or planned, not of today: "får med
# förslaget", "Regeringen föreslår", "ska", "beräknas kosta"; in a budget text also a change in the
# s-passive present ("taket höjs till", "nivån räknas upp", "myndigheterna tillförs") and "höjningen".
PROPOSAL_CUES = re.compile(r"\b(?:föresl\w*|förslag\w*|ska|skall|kommer\s+att|beräknas|planeras|avses|satsning\w*"
                           r"|(?:höj|sänk|ök|minsk|förläng|förkort|förstärk|inför|tillför|avsätt|utök)s"
                           r"|räknas\s+upp|byggs\s+ut|höjningen|sänkningen"
                           # "får ett höjt handledarstöd": what the proposal changes
                           r"|höjt|höjd|höjda|sänkt|sänkta|nytt|nya)\b",
                           re.IGNORECASE)
# A clause that gives a cause ("främst på grund av höjda riksnormer") names what changed before, no proposal
_CAUSE_CLAUSE = re.compile(r"\b(?:på\s+grund\s+av|till\s+följd\s+av|tack\s+vare|beroende\s+på|beror\s+på|eftersom)\b[^,.;]*",
                           re.IGNORECASE)


def proposes(sentence: str) -> bool:
    """Whether a sentence speaks of a proposal or a coming change (PROPOSAL_CUES), outside a clause of cause."""
    return bool(PROPOSAL_CUES.search(_CAUSE_CLAUSE.sub(" ", sentence)))


PREVIOUS = "prev:1"  # the period of a "previous" mention until it is resolved against a year

# Roles whose year may become the period of a figure near it.
PERIOD_ROLES = frozenset({"during", "span", "report", "budget", "year", "recent", "from", "current", "last_year", "ago"})
CURRENT = "cur"  # "i augusti" with no year: the report's own year
NOW = "now"  # "i år", "hittills i år": the year the text speaks from (an annual report on 2036 written in 2037 says "i år" of 2037)
LAST_YEAR = "cur-1"  # "förra året", "i fjol": the year before the text's now, wherever the sentence says it
RECENT_WORDS = {"ett": 1, "två": 2, "tre": 3, "fyra": 4, "fem": 5, "sex": 6, "sju": 7, "åtta": 8, "nio": 9, "tio": 10}


def resolve_period(period: str, reporting_year: Optional[int], now_year: Optional[int] = None) -> str:
    """Close an open period against the report's year: "2012-" -> "2012-2022", "last:5" -> "2018-2022",
    "prev:1" -> "2021"; "i år", "förra året" and "för tio år sedan" against the year the text speaks
    from (`now_year`, the report's year when not given)."""
    now = now_year if now_year is not None else reporting_year
    if period == CURRENT:
        return str(reporting_year) if reporting_year is not None else ""
    if period == NOW:
        return str(now) if now is not None else ""
    if period == LAST_YEAR:
        return str(now - 1) if now is not None else ""
    if period.startswith("ago:") and now is not None:
        return str(now - int(period[4:]))  # "för tio år sedan"
    if previous_years(period) and reporting_year is not None:  # "prev:6": six years before; "next:1" the year after
        return str(reporting_year - previous_years(period))
    if reporting_year is None:
        return period.rstrip("-") if period.endswith("-") else period
    if period.startswith("last:"):
        n = int(period.split(":", 1)[1])
        return span_period(reporting_year - n + 1, reporting_year)
    if period.endswith("-") and period[:-1].isdigit():
        # "från och med 2028" in a text about 2027 is the year it starts, not a span backwards
        start = int(period[:-1])
        return str(start) if start >= reporting_year else span_period(start, reporting_year)
    return period


def previous_years(period: str) -> int:
    """How many years back a "prev:N" period points, minus N for "next:N" (0 for any other period)."""
    if period.startswith("prev:"):
        return int(period.split(":", 1)[1])
    if period.startswith("next:"):
        return -int(period.split(":", 1)[1])
    return 0


def is_year(value: float) -> bool:
    """A whole number in the range the reports' years fall in."""
    return float(value).is_integer() and YEAR_MIN <= value <= YEAR_MAX


def span_period(start: int, end: int) -> str:
    """The period string of a span of years, "2013-2022" (an ASCII hyphen, as in the API)."""
    return f"{start}-{end}" if start != end else str(start)


def find_year_mentions(text: str) -> list[tuple[int, int, str, str]]:
    """Every year mention in `text` as (start, end, role, period), in text order.

    Where patterns overlap, the one listed first in PERIOD_PATTERNS wins, so "jämfört med
    2018" is a comparison and not also a bare year.
    """
    found: list[tuple[int, int, str, str]] = []
    taken: list[tuple[int, int]] = []
    for role, pattern in PERIOD_PATTERNS:
        for m in pattern.finditer(text):
            if role == "span":
                start, end = m.start("start"), m.end("end")
                period: Optional[str] = span_period(int(m.group("start")), int(m.group("end")))
                if int(m.group("end")) < int(m.group("start")):
                    continue
            elif role in ("next", "current", "month", "last_year"):
                start, end = m.start(), m.end()
                # "i år" is the year the text speaks in; "i dag" the state its latest figures show, the report's year
                now = role == "current" and "år" in m.group(0).lower()
                period = "next:1" if role == "next" else LAST_YEAR if role == "last_year" else NOW if now else CURRENT
            elif role == "previous":
                start, end = m.start(), m.end()
                count = m.groupdict().get("count")
                n = (int(count) if count.isdigit() else RECENT_WORDS[count.lower()]) if count else 1
                period = f"prev:{n}"
            elif role == "ago":
                start, end = m.start(), m.end()
                count = m.group("count")
                period = f"ago:{int(count) if count.isdigit() else RECENT_WORDS[count.lower()]}"
            elif role == "recent":
                start, end = m.start(), m.end()
                count = m.group("count")
                n = int(count) if count.isdigit() else RECENT_WORDS[count.lower()]
                period = f"last:{n}"
            elif role == "from":
                start, end = m.start("year"), m.end("year")
                period = m.group("year") + "-"  # open: see resolve_period
            elif "year" not in pattern.groupindex:  # a comparison with last year, in words
                start, end = m.start(), m.end()
                period = LAST_YEAR
            else:
                start, end = m.start("year"), m.end("year")
                period = m.group("year")
            if any(s < end and start < e for s, e in taken):
                continue
            taken.append((start, end))
            found.append((start, end, role, period))
    return sorted(found)


# "Publicerad 9 februari 2027 · Uppdaterad ...", "Publicerat: 2026-11-12": the line that dates a news piece
PUBLICATION_LINE: re.Pattern[str] = re.compile(r"\bpublicera(?:d|t|des)\b:?", re.IGNORECASE)

# "Startår: 2019", "Bildat: 2005": a label whose value is a year, an attribute of what the lines describe
LABELLED_YEAR: re.Pattern[str] = re.compile(r"^[^:\n]{1,40}:\s*(?:19|20)\d{2}\s*\.?\s*$")

__all__ = ["BARE_YEAR", "BUDGET_YEAR", "CURRENT", "FULL_YEAR", "LABELLED_YEAR", "LAST_YEAR_WORDS", "MONTHS", "NOW",
           "PART_OF_YEAR_PATTERNS", "PERIOD_PATTERNS", "PUBLICATION_LINE", "PERIOD_ROLES", "PREVIOUS", "PROPOSAL_CUES", "SAME_PART",
           "SEASONS", "YEAR", "YEAR_LABEL", "YEAR_MAX", "YEAR_MIN", "find_parts_of_year", "find_year_mentions",
           "is_year", "previous_years", "proposes", "resolve_period", "span_period"]
