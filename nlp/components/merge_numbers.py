"""Make one token of every number as printed: "8 662", "375,6", "−5 000", "2013–2022".

spaCy's tokenizer splits on every space, the no-break and thin spaces that group thousands
included, so "8 662" arrives as "8" and "662" and a regex over tokens would read two numbers.
This component finds numbers in the text by pattern (nlp.sv.numerals), merges the tokens each
one covers, and attaches a `Numeral` to the merged token as `token._.numeral`.

Only the text of one Doc is seen, and each table cell is its own Doc (nlp.tables), so
numbers are never merged across cells.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc, Token

from nlp.sv.english import ENGLISH_NUMBER, is_english, parse_english_number
from nlp.sv.numerals import NUMBER_PATTERN, RANGE_PATTERN, Number, parse_range, parse_swedish_number

COMPONENT = "rapportkoll_merge_numbers"

# Not glued to letters, identifiers or other digits: "S2019/03413", "2018:8", "4ESS", "60-tal",
# "2.1" (a section number) and "2020-05-08" (a date) are no numbers.
_BEFORE = r"(?<![\w/:.,\-−–§])"
_AFTER = r"(?![\w/:§]|[.,]\d|[\-–−]\d|-[^\W\d])"
NUMERAL_RE = re.compile(_BEFORE + r"(?:(?P<range>" + RANGE_PATTERN + r")|(?P<number>" + NUMBER_PATTERN + r"))" + _AFTER)


@dataclass(frozen=True)
class Numeral:
    """A number as printed and what it is worth; a range has `low` and `high` instead of `value`."""

    printed: str
    value: Optional[Number] = None
    low: Optional[Number] = None
    high: Optional[Number] = None
    grouped: bool = False  # printed with a space between thousands ("8 662")

    @property
    def is_range(self) -> bool:
        return self.value is None


def ensure_extensions() -> None:
    """Register `token._.numeral` once; a no-op when it exists."""
    if not Token.has_extension("numeral"):
        Token.set_extension("numeral", default=None)


def find_english_numerals(text: str) -> list[tuple[int, int, Numeral]]:
    """(start, end, Numeral) for each number of English text ("6,214", "71.2"; nlp.sv.english)."""
    out: list[tuple[int, int, Numeral]] = []
    for m in ENGLISH_NUMBER.finditer(text):
        value = parse_english_number(m.group(0))
        if value is not None and not (len(m.group(0)) > 1 and m.group(0).startswith("0") and "." not in m.group(0)):
            out.append((m.start(), m.end(), Numeral(printed=m.group(0), value=value, grouped="," in m.group(0))))
    return out


_SPACED_DASH = re.compile(r"\s[\-–—]\s")


def find_numerals(text: str) -> list[tuple[int, int, Numeral]]:
    """(start, end, Numeral) for each number in `text`; identifiers with leading zeros are skipped.
    An English passage (a report's English summary) is read with English digits."""
    if is_english(text):
        return find_english_numerals(text)
    out: list[tuple[int, int, Numeral]] = []
    for m in NUMERAL_RE.finditer(text):
        printed = m.group(0)
        parts = [re.sub(r"[^\d,]", "", p) for p in re.split(r"(?<=\d)\s?[\-–—]\s?(?=\d)", printed)]
        if any(len(d) > 1 and d.startswith("0") and not d.startswith("0,") for d in parts):
            continue  # "001386-2020", "0000 3819": parts of a diarienummer
        if m.group("range"):
            ends = parse_range(printed)
            if ends is not None and ends[1] < ends[0] and _SPACED_DASH.search(printed):
                # "2006 – 49 förbund": a dash between a year and a figure (a timeline's item), two numbers
                out += [(m.start() + n.start(), m.start() + n.end(), Numeral(printed=n.group(0), value=v, grouped=" " in n.group(0)))
                        for n in re.finditer(NUMBER_PATTERN, printed) for v in [parse_swedish_number(n.group(0))] if v is not None]
                continue
            if ends is None or ends[1] < ends[0]:
                continue  # "2010-2" (a report number), "2007–08"
            numeral = Numeral(printed=printed, low=ends[0], high=ends[1])
        else:
            value = parse_swedish_number(printed)
            if value is None:
                continue
            grouped = bool(re.search(r"\d[ \u00a0\u202f\u2009]\d", printed))
            numeral = Numeral(printed=printed, value=value, grouped=grouped)
        out.append((m.start(), m.end(), numeral))
    return out


@Language.component(COMPONENT, assigns=["token._.numeral"], retokenizes=True)
def merge_numbers(doc: Doc) -> Doc:
    """Merge the tokens of each printed number and set `token._.numeral`.

    RETURNS (Doc): the same Doc, retokenized.
    """
    ensure_extensions()
    found = find_numerals(doc.text)
    spans = []
    for start, end, numeral in found:
        span = doc.char_span(start, end, alignment_mode="strict")
        if span is None:
            continue  # does not line up with tokens (glued to punctuation the tokenizer kept)
        spans.append((span, numeral))
    with doc.retokenize() as retokenizer:
        for span, _ in spans:
            if len(span) > 1:
                retokenizer.merge(span, attrs={"NORM": span.text, "LEMMA": span.text})
    for span, numeral in spans:
        token = doc.char_span(span.start_char, span.end_char, alignment_mode="strict")
        if token is not None and len(token) == 1:
            token[0]._.numeral = numeral
    return doc


__all__ = ["COMPONENT", "NUMERAL_RE", "Numeral", "ensure_extensions", "find_numerals", "merge_numbers"]
