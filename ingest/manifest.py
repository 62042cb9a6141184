"""Report metadata: from corpus/manifest.toml when a file is listed, inferred from the text otherwise.

A report nobody listed must still ingest well, so `infer_metadata` reads what the reports
print on their first pages: the title, "Datum: 2020-05-08", "regleringsbrevet för 2019",
the publishing agencies and diarienummer.
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from nlp.sv.periods import MONTHS

from .records import DocumentMetadata

MANIFEST_NAME = "manifest.toml"

PUBLISHERS = ("Arbetsförmedlingen", "Försäkringskassan", "Inspektionen för socialförsäkringen", "Socialstyrelsen")

_DATE = re.compile(r"\b((?:19|20)\d{2})-(0[1-9]|1[0-2])-([0-2]\d|3[01])\b")
# The year a report says it reports on, on its title pages: "regleringsbrevet för 2019", "årsrapport 2025"
_STATED_YEAR = (
    # "resultat för 2027" under the title "Återrapportering 2028": the year of the results, not of the report
    re.compile(r"\b(?:resultat(?:en)?|utfall(?:et)?|verksamhet(?:en)?)\s+(?:för|under)\s+(?:år\s+)?((?:19|20)\d{2})\b(?!-tal)", re.I),
    re.compile(r"regleringsbrev(?:et)?\s+för\s+(?:budgetåret\s+)?((?:19|20)\d{2})", re.I),
    re.compile(r"(?:återrapportering|årsrapport|redovisning)\s+(?:för\s+)?(?:år\s+)?((?:19|20)\d{2})", re.I),
)
# The last resort before the publication date: a year the opening text speaks of ("under 2024"), not a decade
_YEAR_IN_TEXT = re.compile(r"\b(?:under|för)\s+(?:år\s+)?((?:19|20)\d{2})\b(?!-tal)", re.I)
# A year the title names as its subject ("Rehabiliteringssamverkan – oktober 2026", "Årsrapport 2025"),
# not one inside an identifier ("Statistiknyhet 2026:10", "Af-2026/0081342") or a decade ("2000-talet")
_REFERENCE_ENTRY = re.compile(r"\((?:19|20)\d{2}[a-z]?\)[.,:]")  # "Arbetsförmedlingen (2025). Titel"
_TITLE_YEAR = re.compile(r"(?<![\d/:\-])((?:19|20)\d{2})(?![\d/:]|-tal|-\d)")
# "Stockholm i juni 2011": the month and year an inquiry or a report signs its foreword with
_SIGN_OFF = re.compile(r"^\W*[A-ZÅÄÖ][a-zåäö]+(?:\s+[A-ZÅÄÖ]?[a-zåäö]+)?\s+i\s+(" + "|".join(MONTHS) + r")\s+((?:19|20)\d{2})\W*$", re.I)
# "23 september 2026": dates as press releases print them
_DATE_WORDS = re.compile(r"\b([0-3]?\d)\s+(" + "|".join(MONTHS) + r")\s+((?:19|20)\d{2})\b", re.I)
# Kinds of text that speak of the day they were published rather than report on a past year.
NEWS_KINDS = frozenset({"pressmeddelande", "artikel"})
# Minutes of a meeting ("Protokoll fört vid styrelsemöte", "Riksdagens protokoll") speak as of the meeting's
# day, as news does: "årets första kvartal" and a figure with no year are that day's year
# Kinds that speak as of the day they are dated, as news does: minutes, an answer on a proposal.
DATED_KINDS = frozenset({"protokoll", "remissvar"})
_PROTOCOL_TITLE = re.compile(r"\b(?:protokoll|sammanträdesprotokoll|mötesprotokoll)\b(?!\s+från)", re.IGNORECASE)
_DIARIENUMMER = re.compile(
    r"\b(Af[- ]?\d{4}/\d{4}[\d ]{0,6}\d|FK\s?\d{4}/\d{6}|FK\s?\d{6}-\d{4}|S\d{4}/\d{5}/[A-Z]{2,3}|Dnr\.?\s?[A-Z]{0,3}\s?[\d/ -]{6,})"
)
_KINDS = (
    ("pressmeddelande", re.compile(r"\bpressmeddelande\b", re.I)),
    # an agency's answer on a proposal ("Remissvar över betänkandet ...", "Yttrande över ...") speaks as of its date
    ("remissvar", re.compile(r"\bremissvar\b|^\s*yttrande\s+över\b", re.I | re.M)),
    ("artikel", re.compile(r"\b(?:debattartikel|budgetartikel|artikel|nyhet)\b", re.I)),
    ("underlagsrapport", re.compile(r"underlagsrapport", re.I)),
    ("återrapport", re.compile(r"återrapport", re.I)),
    ("regeringsuppdrag", re.compile(r"regeringsuppdrag", re.I)),
    ("årsredovisning", re.compile(r"årsredovisning", re.I)),
)


@dataclass(frozen=True)
class ManifestEntry:
    id: str
    file: str
    metadata: DocumentMetadata
    original: str = ""


def find_manifest(path: Path) -> Optional[Path]:
    """The manifest.toml in the file's folder or the nearest folder above it."""
    for folder in [path.parent, *path.parent.parents][:4]:
        candidate = folder / MANIFEST_NAME
        if candidate.is_file():
            return candidate
    return None


def load_manifest(manifest_path: Path) -> dict[str, ManifestEntry]:
    """Entries keyed by file name (and by the original name of the reference copy)."""
    data = tomllib.loads(manifest_path.read_text(encoding="utf-8"))
    entries: dict[str, ManifestEntry] = {}
    for item in data.get("report", []):
        meta = DocumentMetadata(
            title=item.get("title", ""),
            publishers=tuple(item.get("publishers", ())),
            published=str(item["published"]) if item.get("published") else None,
            reporting_year=item.get("reporting_year"),
            years=item.get("years"),
            reporting_period=item.get("reporting_period"),
            kind=item.get("kind"),
            diarienummer=tuple(item.get("diarienummer", ())),
            from_manifest=True,
        )
        entry = ManifestEntry(id=item["id"], file=item["file"], metadata=meta, original=item.get("original", ""))
        entries[entry.file] = entry
        if entry.original:
            entries[entry.original] = entry
    return entries


def lookup(path: Path) -> Optional[ManifestEntry]:
    manifest = find_manifest(path)
    if manifest is None:
        return None
    return load_manifest(manifest).get(path.name)


def slug(text: str) -> str:
    text = text.lower()
    for a, b in (("å", "a"), ("ä", "a"), ("ö", "o"), ("é", "e")):
        text = text.replace(a, b)
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-") or "doc"


def first_date(text: str) -> Optional[str]:
    """The first date `text` prints, as an ISO date: "2026-11-12" or "9 februari 2027" -> "2027-02-09"."""
    iso, words = _DATE.search(text), _DATE_WORDS.search(text)
    if iso and (not words or iso.start() < words.start()):
        return iso.group(0)
    return _date_in_words(text) if words else None


def _date_in_words(text: str) -> Optional[str]:
    m = _DATE_WORDS.search(text)
    if not m:
        return None
    month = MONTHS.index(m.group(2).lower()) + 1
    return f"{m.group(3)}-{month:02d}-{int(m.group(1)):02d}"


def _reporting_year(head_lines: list[str]) -> Optional[int]:
    """The year the opening says the report is about: stated on its title pages, else named in its
    title, else spoken of in its first pages; None when it names none."""
    opening = _opening(head_lines)
    for pattern in _STATED_YEAR:
        m = pattern.search(opening)
        if m:
            return int(m.group(1))
    named = _title_years(head_lines)
    if named:
        return max(named)  # "Rehabiliteringssamverkan – oktober 2026"
    m = _YEAR_IN_TEXT.search("\n".join(head_lines))
    return int(m.group(1)) if m else None


def _opening(head_lines: list[str]) -> str:
    # the title pages, not the reference list ("Försäkringskassan (2025). Återrapportering enligt
    # regleringsbrevet för 2024.") nor the body's narrative of earlier years
    return "\n".join(l for l in head_lines[:25] if not _REFERENCE_ENTRY.search(l))


# a title is a line or a few short lines joined; a paragraph of running text among the first lines is not one
_TITLE_LENGTH = 140


def _title_years(head_lines: list[str]) -> list[int]:
    # a date in a title line ("... – juni 2030 Publicerad 2030-06-17", "Sidan redigerades senast den 17 januari 2036")
    # is the publication's, not the title's year
    return [int(y) for y in _TITLE_YEAR.findall(" ".join(_STAMPED_DATE.sub(" ", _DATE.sub(" ", l))
                                                         for l in head_lines[:4] if len(l) <= _TITLE_LENGTH))]


# "Sidan redigerades senast den 17 januari 2036", "Uppdaterad 3 mars 2031": when a page was edited, in words
_STAMPED_DATE = re.compile(r"\b(?:redigera|uppdatera|ändra|publicera)\w*\s+(?:senast\s+)?(?:den\s+)?[0-3]?\d\s+(?:"
                           + "|".join(MONTHS) + r")\s+(?:19|20)\d{2}\b", re.IGNORECASE)


def _stated_or_titled(head_lines: list[str]) -> bool:
    """Whether the title pages state the year reported on, or the title names one."""
    opening = _opening(head_lines)
    return any(p.search(opening) for p in _STATED_YEAR) or bool(_title_years(head_lines))


# "Projektperiod: 2024-03-01 – 2026-08-31", "Granskningsperiod: 2021–2025": the span the whole report covers
_REPORTING_PERIOD = re.compile(
    r"^[\W_]*(?:projektperiod|projekttid|rapportperiod|redovisningsperiod|uppföljningsperiod|granskningsperiod"
    r"|verksamhetsperiod|undersökningsperiod|period)[\W_]*:[\W_]*((?:19|20)\d{2})(?:-\d{2}-\d{2})?\s*(?:[–—\-]|till|t\.o\.m\.)\s*"
    r"((?:19|20)\d{2})(?:-\d{2}-\d{2})?\b", re.IGNORECASE | re.MULTILINE)


# A study's population over a span of years: "Vi jämför 8 612 deltagare från kohorterna 2027–2029",
# "Studiepopulationen består av alla sjukfall ... mellan den 1 januari 2020 och den 31 december 2026"
_STUDY_SPAN = re.compile(
    r"\b(?:kohort(?:erna|en|er)?|studiepopulation(?:en)?|undersökningspopulation(?:en)?|studiegrupp(?:en)?)\b"
    r"[^.\n]{0,140}?\b(?:((?:19|20)\d{2})\s*[–—\-]\s*((?:19|20)\d{2})\b"
    r"|mellan\s+(?:den\s+)?(?:\d{1,2}\s+\w+\s+)?((?:19|20)\d{2})\s+och\s+(?:den\s+)?(?:\d{1,2}\s+\w+\s+)?((?:19|20)\d{2})\b)",
    re.IGNORECASE)


def study_period(text: str) -> Optional[str]:
    """The span of years a study's population covers, as its text first states it ("kohorterna 2027–2029"):
    the period of the figures it gives without a year of their own. None when it states none."""
    m = _STUDY_SPAN.search(text)
    if m is None:
        return None
    first, last = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
    return f"{first}-{last}" if int(last) > int(first) else None


def reporting_period(head_lines: list[str]) -> Optional[str]:
    """The span of years a report says it covers as a whole, "2024-2026"; None when it states none
    (or one year only)."""
    m = _REPORTING_PERIOD.search("\n".join(head_lines[:40]))
    if m is None or int(m.group(2)) <= int(m.group(1)):
        return None
    return f"{m.group(1)}-{m.group(2)}"


# A line that dates the report itself rather than something it tells of
_PUBLICATION_WORDS = re.compile(r"\b(?:publicerad|fastställd|beslutad|utgiven|datum|daterad|rapporten\s+lämnad|stockholm)\b",
                                re.IGNORECASE)


def publication_date(head_lines: list[str]) -> Optional[str]:
    """The report's own date: the first on a line that says it is one ("Publicerad: 2026-11-12",
    "Rapporten fastställd: 2026-11-20"), else the first date not in a stated period."""
    dated = [(l, m.group(0)) for l in head_lines for m in [_DATE.search(l)] if m and not _REPORTING_PERIOD.search(l)]
    # "Publicerad: 28 augusti 2026" says which date is the report's own, in words or in figures
    own = [d for l in head_lines if _PUBLICATION_WORDS.search(l) and not _REPORTING_PERIOD.search(l)
           for d in [_DATE.search(l) and _DATE.search(l).group(0) or _date_in_words(l)] if d]
    return (own or [d for _, d in dated] or [None])[0]


def sign_off(head_lines: list[str]) -> Optional[str]:
    """The month a report signs off with ("Stockholm i juni 2011") as "2011-06", or None."""
    for line in head_lines:
        m = _SIGN_OFF.match(line)
        if m:
            return f"{m.group(2)}-{MONTHS.index(m.group(1).lower()) + 1:02d}"
    return None


def _names_publishers_only(line: str) -> bool:
    """A line of logos or a site's breadcrumb: "Arbetsförmedlingen | Försäkringskassan", not a title."""
    parts = [p.strip() for p in re.split(r"[|·•/]", re.sub(r"</?b>|\*{1,3}", "", line)) if p.strip()]
    return bool(parts) and all(p.lower() in {x.lower() for x in PUBLISHERS} for p in parts)


# an item of a list ("1.  Startsida", "- Om oss"): a web page's breadcrumb or a contents list, never its title
_LIST_ITEM = re.compile(r"^(?:\d{1,2}[.)]|[-•*–])\s+\S")


def infer_metadata(text: str) -> DocumentMetadata:
    """Best-effort metadata from the opening of a report's text."""
    head_lines = [l.strip().lstrip("#").strip() for l in text.splitlines()[:120] if l.strip()]
    head = "\n".join(head_lines)
    title = next((re.sub(r"</?b>|\*{1,3}|^#{1,6}\s+", "", l).strip() for l in head_lines
                  if len(l) > 12 and not _DATE.search(l) and not _names_publishers_only(l) and not _LIST_ITEM.match(l)), "")
    signed = sign_off(head_lines)
    published = publication_date(head_lines) or _date_in_words(head) or signed
    year = _reporting_year(head_lines)
    if signed and published == signed and not _stated_or_titled(head_lines):
        # a foreword signed "i juni 2011" speaks as of that year: "under innevarande år" is 2011, and
        # "Under 2010 tillsatte regeringen ..." in its opening is history, not the year it reports on
        year = int(signed[:4])
    period = reporting_period(head_lines)
    if period is not None:
        year = int(period[-4:])  # a project's final report is about its whole period, up to its last year
    else:
        period = study_period(text)  # (a study's report keeps the year it speaks from: "i dag", "förra året")
    if year is None and published:
        year = int(published[:4]) - 1  # reports on last year are published in spring
    publishers = tuple(p for p in PUBLISHERS if p in head)
    diarienummer = tuple(dict.fromkeys(m.strip() for m in _DIARIENUMMER.findall(head)))
    kind = next((k for k, rx in _KINDS if rx.search(head)), "rapport")
    if any(_PROTOCOL_TITLE.search(line) for line in head_lines[:6]):
        kind = "protokoll"  # (its agenda may name an årsredovisning or an artikel: the title says what it is)
    if (kind in NEWS_KINDS or kind in DATED_KINDS) and published:
        # a press release speaks of its own day: "i år" and a figure with no year are the year it
        # was published; a budget year it announces is named where it applies ("från och med 2027")
        year = int(published[:4])
    return DocumentMetadata(title=title[:300], publishers=publishers, published=published, reporting_year=year,
                            years=period or (str(year) if year else None), kind=kind, diarienummer=diarienummer,
                            from_manifest=False, reporting_period=period)
