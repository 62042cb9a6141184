"""Running headers, footers and page numbers: find them, read the printed page label, crop.

A running header is the same text at the top of most pages ("Återrapportering 2019"), a
footer the same at the foot, and a page number the one thing in those bands that counts up.
They must not reach the blocks (they would repeat on every page and break sentences), but
the page number is worth keeping: a citation must send the reader to the page they see,
and the printed "Sida 7" is not always PDF page 7.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Optional, Sequence

from .pdf_page import Line, PageText, words_to_lines
from .records import BBox

# Share of the page height searched for running headers (top) and footers (bottom).
MARGIN_ZONE = 0.11
# A line counts as running when it repeats (digits ignored) on at least this share of pages.
RUNNING_SHARE = 0.5

# Printed page numbers, as a whole margin line or at its end. Group "n" is the label.
PAGE_LABEL_PATTERNS = (
    re.compile(r"^(?:sida|sid\.?|s\.)\s*(?P<n>\d{1,4})(?:\s*(?:av|/|\()\s*\d{1,4}\)?)?$", re.I),  # Sida 7, Sida 7 av 24
    re.compile(r"^(?P<n>\d{1,4})\s*\(\s*\d{1,4}\s*\)$"),  # 7 (24)
    re.compile(r"^(?P<n>\d{1,4})\s*(?:/|av)\s*\d{1,4}$", re.I),  # 7/24, 7 av 24
    re.compile(r"^[-–—]\s*(?P<n>\d{1,4})\s*[-–—]$"),  # - 7 -
    re.compile(r"^(?P<n>\d{1,4}|[ivxlc]{1,6})$", re.I),  # 7, vii
)
_TRAILING_LABEL = re.compile(r"(?:^|\s)(?:(?:sida|sid\.?|s\.)\s*)?(?P<n>\d{1,4})(?:\s*\(\s*\d{1,4}\s*\))?$", re.I)


@dataclass(frozen=True)
class Margins:
    """What was cut off one page: the body box that is left, and the printed page label."""

    page: int
    body: BBox
    header: tuple[str, ...] = ()
    footer: tuple[str, ...] = ()
    page_label: Optional[str] = None


MAX_RUNNING_LINES = 2


def page_label_of(text: str, explicit_only: bool = False) -> Optional[str]:
    """The printed page number in a margin line: "Sida 7" -> "7", "7 (24)" -> "7".

    With `explicit_only`, a bare number ("7", "vii") does not count.
    """
    text = " ".join(text.split())
    for pattern in PAGE_LABEL_PATTERNS[:-1] if explicit_only else PAGE_LABEL_PATTERNS:
        m = pattern.match(text)
        if m:
            return m.group("n")
    return None


def running_key(text: str) -> str:
    """A margin line with its numbers blanked, so "Sida 7" and "Sida 8" compare equal."""
    return re.sub(r"\d+", "#", " ".join(text.lower().split()))


def margin_candidates(page: PageText, lines: Sequence[Line]) -> tuple[list[Line], list[Line]]:
    """Lines in the top band (outermost first) and in the bottom band (outermost first)."""
    top_limit = page.height * MARGIN_ZONE
    bottom_limit = page.height * (1 - MARGIN_ZONE)
    top = [l for l in lines if l.bottom <= top_limit]
    bottom = [l for l in reversed(lines) if l.top >= bottom_limit]
    return top, bottom


def find_margins(pages: Sequence[PageText], lines_by_page: Optional[Sequence[Sequence[Line]]] = None) -> list[Margins]:
    """Margins of every page, judged across the whole document.

    Only the outermost lines of each band are removed, and only while they are running text
    (repeated on at least `RUNNING_SHARE` of the pages) or a page number: body text that
    happens to come near the edge stays.
    """
    if lines_by_page is None:
        lines_by_page = [words_to_lines(p.words) for p in pages]
    bands = [margin_candidates(p, ls) for p, ls in zip(pages, lines_by_page)]
    counts: Counter[str] = Counter()
    for top, bottom in bands:
        counts.update({running_key(l.text) for l in top + bottom})
    need = max(2, RUNNING_SHARE * len(pages))

    def is_margin(line: Line) -> bool:
        # repeated text must have words: table rows of figures look alike once digits are blanked
        key = running_key(line.text)
        return (counts[key] >= need and any(ch.isalpha() for ch in key)) or page_label_of(line.text) is not None \
            or trailing_label(line) is not None

    rule_counts: Counter[float] = Counter()
    for page in pages:
        rule_counts.update({round(y) for y in _band_rules(page) if y is not None})

    def running_rule(y: Optional[float]) -> Optional[float]:
        # a rule under a running header repeats on most pages; a table's rule does not
        return y if y is not None and (len(pages) == 1 or rule_counts[round(y)] >= need) else None

    out = []
    for page, (top, bottom) in zip(pages, bands):
        header_rule, footer_rule = (running_rule(y) for y in _band_rules(page))
        # a running header or footer is a line or two; more text beyond a rule is a table's
        # top (a rule under its header) near the edge of a full page
        if header_rule is not None and sum(l.bottom <= header_rule for l in top) > MAX_RUNNING_LINES:
            header_rule = None
        if footer_rule is not None and sum(l.top >= footer_rule for l in bottom) > MAX_RUNNING_LINES:
            footer_rule = None
        header = _outermost(top, lambda l: is_margin(l) or (header_rule is not None and l.bottom <= header_rule))
        footer = _outermost(bottom, lambda l: is_margin(l) or (footer_rule is not None and l.top >= footer_rule))
        label = _label(header, footer, counts, need)
        body_top = max((l.bottom for l in header), default=0.0) + 0.5 if header else 0.0
        body_bottom = min((l.top for l in footer), default=page.height) - 0.5 if footer else page.height
        out.append(Margins(page=page.index, body=(0.0, body_top, page.width, body_bottom),
                           header=tuple(l.text for l in header), footer=tuple(l.text for l in footer),
                           page_label=label))
    return out


def trailing_label(line: Line) -> Optional[str]:
    """The page number standing apart at the end of a margin line ("Arbetsförmedlingen   Sida 7")."""
    segments = line.segments(2.0 * line.size)
    if len(segments) < 2:
        return None
    # a bare number at the end of a line is as likely a table cell as a page number
    return page_label_of(" ".join(w.text for w in segments[-1]), explicit_only=True)


def _band_rules(page: PageText) -> tuple[Optional[float], Optional[float]]:
    """The y of a rule that sets the running header (top band) or footer (bottom band) off
    from the body: lines beyond it are margin even on a one-page document."""
    top_limit = page.height * MARGIN_ZONE
    bottom_limit = page.height * (1 - MARGIN_ZONE)
    wide = [r for r in page.rules if r.horizontal and (r.x1 - r.x0) >= 0.5 * page.width]
    above = [r.bottom for r in wide if r.bottom <= top_limit]
    below = [r.top for r in wide if r.top >= bottom_limit]
    return (max(above) if above else None), (min(below) if below else None)


def _outermost(band: Sequence[Line], is_margin) -> list[Line]:
    taken = []
    for line in band:
        if not is_margin(line):
            break
        taken.append(line)
    return taken


def _label(header: Sequence[Line], footer: Sequence[Line], counts: Counter, need: float) -> Optional[str]:
    """The page label: a whole line that is a page number, else a number ending a running line."""
    for line in list(footer) + list(header):
        label = page_label_of(line.text)
        if label is not None:
            return label
        label = trailing_label(line)  # "Arbetsförmedlingen      Sida 7"
        if label is not None:
            return label
    for line in list(footer) + list(header):
        m = _TRAILING_LABEL.search(line.text)
        if m and counts[running_key(line.text)] >= need and "#" in running_key(line.text)[-4:]:
            return m.group("n")
    return None


def crop_margins(page: PageText, margins: Margins) -> PageText:
    """The page without its running header and footer (see `PageText.crop`)."""
    return page.crop(margins.body)
