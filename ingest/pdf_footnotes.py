"""Footnotes: superscript markers in the text, footnote texts at the foot of the page.

A marker is a run of digits set smaller than its line and raised above the baseline;
pdfplumber reports the size of every character (`extra_attrs=["size"]`), and a word ends
where the size changes, so "2018¹⁹" arrives as the words "2018" and "19" and the year never
fuses with the footnote number. The footnote texts sit below the running text, in a smaller
size, each opening with its number as a superscript; `split_footnote_area` takes them off
the page before blocks and tables are read, and `link_footnotes` ties every footnote to the
blocks and table cells whose markers point at it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional, Sequence

from nlp.sv.captions import is_caption

from .pdf_page import Line, Word, join_words
from .records import BBox, Footnote

_MARKER_TEXT = re.compile(r"^\d{1,3}(?:[,;]\d{1,3})*$")
# Footnote text is set smaller than the body; lines at or above this share of the body size
# are running text, not notes.
NOTE_SIZE_RATIO = 0.95


def marker_numbers(word: Word) -> list[int]:
    """[19] for a superscript "19", [3, 4] for "3,4"; [] when the word is not a marker."""
    if not _MARKER_TEXT.match(word.text):
        return []
    return [int(x) for x in re.split(r"[,;]", word.text)]


def line_text_with_refs(line: Line, words: Optional[Sequence[Word]] = None) -> tuple[str, list[tuple[int, int]]]:
    """One line's text with its markers taken out, and where each stood."""
    main = list(line.words if words is None else words)
    supers = [w for w in line.supers if words is None or any(abs(w.x0 - m.x1) < 2 * m.size or m.x0 <= w.x0 <= m.x1 for m in main)]
    items = sorted([(w.x0, 0, w) for w in main] + [(w.x0, 1, w) for w in supers], key=lambda t: t[0])
    text = ""
    refs: list[tuple[int, int]] = []
    prev: Optional[Word] = None
    prev_x1 = 0.0  # right edge of what was printed last, a marker included
    for _, is_sup, w in items:
        numbers = marker_numbers(w) if is_sup else []
        if is_sup and numbers:
            refs.extend((n, len(text)) for n in numbers)
            prev_x1 = max(prev_x1, w.x1)
            continue
        if prev is not None and w.x0 - prev_x1 > 0.12 * min(w.size, prev.size):
            text += " "
        text += w.text
        prev = w
        prev_x1 = w.x1
    return text, refs


@dataclass(frozen=True)
class NoteDraft:
    """A footnote as found on one page, before it is linked."""

    number: int
    text: str
    page: int
    bbox: BBox


def cited_markers(lines: Sequence[Line]) -> set[int]:
    """Footnote numbers whose superscript markers stand in these lines."""
    return {n for line in lines for w in line.supers for n in marker_numbers(w)}


def split_footnote_area(lines: Sequence[Line], body_size: float, min_gap: float,
                        cited: Optional[set[int]] = None) -> tuple[list[Line], list[Line]]:
    """(running lines, footnote lines) of one page's body.

    Footnotes stand at the foot of the page or, in some house styles, right after the
    paragraph that cites them. Either way a note is set smaller than the body, holds no
    column gaps (which table rows do), and opens with its number (see `note_number`); the
    smaller lines that follow it without a number of their own are its continuation. At the
    page foot, small lines below the last note's opening line are its continuation too.
    """
    cited = cited_markers(lines) if cited is None else cited
    running: list[Line] = []
    notes: list[Line] = []
    in_note = False
    for line in lines:
        small = line.size < NOTE_SIZE_RATIO * body_size and len(line.segments(min_gap)) == 1
        if small and note_number(line, cited) is not None:
            in_note = True
        elif not (small and in_note) or is_caption(line.text):
            in_note = False  # a caption set as small as the notes above it (a "Källa:" line may end a note)
        (notes if in_note else running).append(line)
    return running, notes


def opens_with_marker(line: Line) -> bool:
    """True when the line begins with a superscript number (a footnote's own number)."""
    if not line.supers or not line.words:
        return False
    first = line.supers[0]
    return first.x1 <= line.words[0].x0 + 0.5 and bool(marker_numbers(first))


def note_number(line: Line, cited: set[int]) -> Optional[int]:
    """The number a footnote line opens with: a superscript, or, as many word processors set
    it, a plain number (even one set larger than the note) that a marker on the page cites."""
    if opens_with_marker(line):
        return marker_numbers(line.supers[0])[0]
    first = line.words[0].text.rstrip(".)") if line.words else ""
    if len(line.words) >= 2 and first.isdigit() and len(first) <= 3 and int(first) in cited:
        return int(first)  # "3 Text", or "3. Text" as a numbered list of notes ends a section
    return None


def lines_to_notes(lines: Sequence[Line], page: int, right: Optional[float] = None,
                   cited: Optional[set[int]] = None) -> list[NoteDraft]:
    """Footnote lines -> one draft per footnote; lines without a leading number continue it.

    A line broken for want of room joins the next with a space (or loses its hyphen); a line
    that ended short of the column's `right` edge ended a line of its own, kept as a newline.
    """
    cited = set() if cited is None else cited
    groups: list[tuple[int, list[Line]]] = []
    for line in lines:
        number = note_number(line, cited)
        if number is not None:
            if not opens_with_marker(line):  # the plain number is not part of the note's text
                line = Line(line.words[1:], line.supers)
            groups.append((number, [line]))
        elif groups:
            groups[-1][1].append(line)
    notes = []
    for number, group in groups:
        first, rest = group[0], group[1:]
        text = join_words(first.words)
        prev = first
        for line in rest:
            piece = join_words(line.words)
            if right is not None and not text.endswith("-") and not wrapped(prev, line, right):
                text = text + "\n" + piece
            else:
                text = join_hyphenated(text, piece)
            prev = line
        bbox = (min(l.x0 for l in group), group[0].top, max(l.x1 for l in group), group[-1].bottom)
        notes.append(NoteDraft(number, text, page, bbox))
    return notes


# After a suspended hyphen ("hälso- och sjukvården") the hyphen stays.
SUSPENDED_HYPHEN_FOLLOWERS = frozenset({"och", "eller", "samt", "respektive", "resp.", "till", "som", "el.", "&"})


def wrapped(prev: Line, line: Line, right: float) -> bool:
    """True when `line` continues `prev` because its first word did not fit after it (had it
    fitted, the line would not have been broken there)."""
    first = line.words[:2] if line.words and len(line.words[0].text) <= 1 else line.words[:1]
    if not first:
        return False
    width = first[-1].x1 - first[0].x0
    return prev.x1 + 0.3 * prev.size + width > right + 0.5


_OTHER_HYPHENS = "\u2010\u00ad"


def join_hyphenated(text: str, nxt: str) -> str:
    """Join a wrapped line to the text before it: "rehabiliterings-" + "insatser" loses the
    hyphen, "ESF-" + "projekt" and "hälso-" + "och" keep it, other breaks become a space."""
    if not text:
        return nxt
    if text[-1] in _OTHER_HYPHENS:  # U+2010 HYPHEN and a soft hyphen print as "-"
        text = text[:-1] + "-"
    if text[-1] in "–-" and len(text) > 1 and text[-2].isdigit() and nxt[:1].isdigit():
        return text + nxt  # a span broken after its dash: "2019–" / "2023"
    if text.endswith("-") and len(text) > 1 and text[-2].isalpha() and text[-2].islower() \
            and nxt[:1].islower() and nxt.split(" ", 1)[0] not in SUSPENDED_HYPHEN_FOLLOWERS:
        return text[:-1] + nxt
    if text.endswith("-") and len(text) > 1 and (text[-2].isupper() or text[-2].isdigit()) and nxt[:1].isalnum() \
            and nxt.split(" ", 1)[0] not in SUSPENDED_HYPHEN_FOLLOWERS:
        return text + nxt
    return text + " " + nxt


def link_footnotes(doc_id: str, notes: Sequence[NoteDraft], refs: dict[int, list[str]],
                   labels: dict[int, Optional[str]]) -> tuple[Footnote, ...]:
    """Footnote records, one per number (a note repeated on a later page is the same note),
    each with the ids of the blocks and cells where its marker stands."""
    seen: set[int] = set()
    out = []
    for note in notes:
        if note.number in seen:
            continue
        seen.add(note.number)
        out.append(Footnote(id=f"{doc_id}:fn{note.number}", doc=doc_id, number=note.number, text=note.text,
                            page=note.page, page_label=labels.get(note.page),
                            marker_refs=tuple(dict.fromkeys(refs.get(note.number, ())))))
    return tuple(out)
