"""How reports caption their tables and figures, and mark the notes printed with them.

Language data, importable by `ingest/` as well (this module imports nothing from the rest of
`nlp/`): the PDF and text readers need the same patterns to keep captions and notes out of
table bodies, and the fact stage needs them to read a caption's label and title.

A caption's label is whatever the house style numbers tables with, kept as a string:
"Tabell 6", "Tabell 3.2" (chapter-numbered), "Tabell B1" and "Tabell A:1" (appendix),
"Tab. 4", "Table 2", "Tabell 2 (forts.)" (a continuation). The caption may stand above or
below its table; the readers decide which from the document's own habit.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

# Words that open a table caption, in the languages the reports and their sources use.
TABLE_WORDS = ("tabell", "tab.", "table", "tablå")
FIGURE_WORDS = ("figur", "diagram", "bild", "graf", "karta", "figure", "chart")

# "6", "3.2", "B1", "B 1", "A:1", "B.2", "12a", "IV", "II.3" (a Roman-numbered chapter's third table), and a
# statistics database's table id, "SF0712A", "BE0101N1"
_LABEL = (r"(?:[IVX]{1,5}[.:]\d{1,3}|[A-Z]{2,4}\d{2,6}[A-Z]{0,2}\d{0,2}|[A-Z](?:\s?[:.]?\s?)\d{1,3}(?:[.:]\d{1,3})?"
          r"|\d{1,3}(?:[.:]\d{1,3}){0,2}[a-z]?|[IVX]{1,5})")
_CONTINUED = r"\(\s*(?:forts(?:\.|ättning|att)?|cont(?:\.|inued)?)\s*\)"
_WORD = r"(?:tabell|tab\.?|table|tablå|figur|diagram|bild|graf|karta|figure|chart)"

CAPTION_PATTERN = re.compile(
    rf"^\s*(?P<word>{_WORD})\s*(?P<label>{_LABEL})(?![\w])\s*(?P<cont>{_CONTINUED})?\s*[.:–—\-]?\s*(?P<title>.*)$",
    re.IGNORECASE | re.DOTALL,
)

# Lines printed under a table that belong to it but are not rows: source, notes, units.
SOURCE_PATTERN = re.compile(r"^\s*(?:källa|källor|source|sources|datakälla)\s*:", re.IGNORECASE)
NOTE_PATTERN = re.compile(r"^\s*(?:anm(?:ärkning(?:ar)?)?\.?|not(?:er)?|note|notes|kommentar|förklaring)\s*[:.]", re.IGNORECASE)
CONTINUED_PATTERN = re.compile(_CONTINUED, re.IGNORECASE)


@dataclass(frozen=True)
class Caption:
    """A parsed caption line."""

    kind: str  # "table" or "figure"
    label: str  # "6", "3.2", "B1", "A:1" as printed, inner spaces removed
    title: str  # the words after the label, without "(forts.)"
    continued: bool  # "(forts.)": the table goes on from an earlier page or part

    @property
    def number(self) -> Optional[int]:
        """The label as an integer when it is one ("Tabell 6" -> 6; "Tabell B1" -> None)."""
        return int(self.label) if self.label.isdigit() else None


# a caption labels one table; "Tabell 3 och 4", "Tabell 3–5" cite several
_MORE_LABELS = re.compile(r"^(?:och|samt|till|respektive|resp\.|[–-])\s*[A-Z]?:?\d", re.IGNORECASE)


def parse_caption(text: str) -> Optional[Caption]:
    """The caption a line opens with, or None: "Tabell B3. Möten ..." -> Caption("table", "B3", "Möten ...")."""
    m = CAPTION_PATTERN.match(text or "")
    if not m:
        return None
    word = m.group("word").lower()
    label = re.sub(r"\s+", "", m.group("label"))
    if not word.startswith("tab.") and m.group("word")[0].islower() and not m.group("cont"):
        # "tabell 6 visar" inside a sentence starts lower case; a caption starts upper case
        return None
    title = m.group("title").strip()
    if _MORE_LABELS.match(title):
        return None  # "Tabell 3.3 och 3.4 visar ...": running text citing several tables
    continued = bool(m.group("cont")) or bool(CONTINUED_PATTERN.search(title[:30]))
    title = CONTINUED_PATTERN.sub("", title).strip(" .:–—-")
    kind = "figure" if any(word.startswith(w.rstrip(".")) for w in FIGURE_WORDS) else "table"
    return Caption(kind=kind, label=label, title=title, continued=continued)


def is_table_caption(text: str) -> bool:
    found = parse_caption(text)
    return found is not None and found.kind == "table"


def is_caption(text: str) -> bool:
    return parse_caption(text) is not None


def strip_caption_label(caption: str) -> str:
    """The caption's title without its word and label: "Tabell B1, Antal ... 2019" -> "Antal ... 2019"."""
    found = parse_caption(caption)
    return found.title if found else caption


# The sentence that introduces a table the text gives no caption: "Tabellen visar förbunden per län 2035.",
# "I tabellen nedan redovisas ...", "Av tabellen framgår ..."
TABLE_INTRO = re.compile(r"\b(?:(?:nedanstående\s+)?tabell(?:en|erna)?(?:\s+nedan)?\s+(?:visar|redovisar|sammanfattar|anger|"
                         r"beskriver|innehåller)|(?:i|av)\s+tabell(?:en|erna)?\s+(?:nedan|framgår|redovisas|visas))\b", re.IGNORECASE)


def table_intro(paragraph: str) -> str:
    """The sentence of `paragraph` that introduces the table below it, or ""."""
    return next((s.strip() for s in re.split(r"(?<=[.!?])\s+", paragraph) if TABLE_INTRO.search(s)), "")


def is_source_or_note(text: str) -> bool:
    """'Källa: SUS', 'Anm.: .. = uppgift saknas', 'Not: ...': printed with a table, never a row of it."""
    return bool(SOURCE_PATTERN.match(text) or NOTE_PATTERN.match(text))


def cites_table(label: str) -> re.Pattern[str]:
    """A pattern for running text that cites the table with this label ("se tabell B3", "tabellerna 2 och 3")."""
    return re.compile(rf"\btab(?:ell(?:erna)?|\.)\s+(?:[\w.:]+\s*(?:,|och)\s*)*{re.escape(label)}(?!\w|[.:]\d)([^.]*)",
                      re.IGNORECASE)


# "Label: value" lines of a key-figure block ("Andel kvinnor: 56 %", "Summa: 83,4"): a short label, a colon, a value.
# ("3:e kvartalet 2027: 9,4": an ordinal period as the label)
LABEL_VALUE = re.compile(r"^\s*(?:\d{1,2}:[ae]\s+)?\w[^:.!?]{0,64}?[¹²³⁴⁵⁶⁷⁸⁹⁰]*:\s+\S[^:]{0,48}$")
# A label that opens with a figure is a group or a year ("19–29 år: 63", "2026: 431"), never a count
_NUMERIC_LABEL = re.compile(r"^\s*(?:\d{1,4}(?:\s?[–-]\s?\d{1,4})?(?:\s+år)?|\d{1,2}:[ae]\s+[^\W\d]+(?:\s+(?:19|20)\d{2})?)\s*:")


def is_label_value(line: str) -> bool:
    """A "Label: value" line of a key-figure block: a statement of its own, as a table row is; run together
    with the lines around it, the label of one ("Andel kvinnor: 56 %") would name the figures of the others."""
    m = LABEL_VALUE.match(line)
    if not m or len(line.split(":", 1)[0].split()) > 6:
        return False
    return not line.lstrip()[:1].isdigit() or bool(_NUMERIC_LABEL.match(line))


__all__ = ["CAPTION_PATTERN", "LABEL_VALUE", "TABLE_INTRO", "table_intro", "is_label_value", "Caption", "NOTE_PATTERN", "SOURCE_PATTERN",
           "cites_table", "is_caption",
           "is_source_or_note", "is_table_caption", "parse_caption", "strip_caption_label"]
