"""Inline markup of the text versions: footnote markers, `<b>` tags, markdown emphasis.

Kept apart from the line-level reader because the PDF path needs the same marker rules
for cell text ("Ersättning¹⁷").
"""
from __future__ import annotations

import re

from .records import FootnoteRef

SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_SUPERSCRIPT_TO_DIGIT = {c: str(i) for i, c in enumerate(SUPERSCRIPT_DIGITS)}

# <sup>12</sup> or a run of Unicode superscript digits. A run directly after a digit is
# still a marker ("2018¹⁹" is 2018 with footnote 19): superscripts are never part of a number.
# Markdown writes "text[^3]" with the note as a line "[^3]: ...".
_MARKER = re.compile(r"<sup>\s*(\d{1,3})\s*</sup>|([⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3})|\[\^(\d{1,3})\](?!:)")
_TAG = re.compile(r"</?(?:b|strong|i|em|u|span)\b[^>]*>", re.IGNORECASE)
# Markdown emphasis: **bold**, *italic*. Only paired asterisks, so "5 * 3" survives.
_EMPHASIS = re.compile(r"(\*{1,3})(?=\S)(.+?)(?<=\S)\1")


_SUP_TAG = re.compile(r"<sup\b[^>]*>\s*(\d{1,3})\s*</sup\s*>", re.IGNORECASE)


def sup_tags_as_superscripts(text: str) -> str:
    """HTML's note marks as the superscript digits every reader knows: "1 234<sup>2</sup>" -> "1 234²"."""
    return _SUP_TAG.sub(lambda m: "".join(SUPERSCRIPT_DIGITS[int(d)] for d in m.group(1)), text)


def superscript_to_int(text: str) -> int:
    return int("".join(_SUPERSCRIPT_TO_DIGIT.get(c, c) for c in text))


# Markdown's backslash escapes (a cell "4,1\*\*\* (0,6)", stars that are no emphasis): the character itself
_ESCAPED = re.compile(r"\\([!\"#$%&'()*+,\-./:;<=>?@\[\]^_`{|}~\\])")
_HIDDEN = re.compile("\x00(\\d+)\x00")


def strip_tags(text: str) -> str:
    """Remove HTML-ish formatting tags and markdown emphasis, keep the words (and what a backslash escapes)."""
    text = _TAG.sub("", text)
    escaped: list[str] = []

    def hide(m: re.Match[str]) -> str:
        escaped.append(m.group(1))
        return f"\x00{len(escaped) - 1}\x00"

    text = _ESCAPED.sub(hide, text)
    prev = None
    while prev != text:
        prev, text = text, _EMPHASIS.sub(r"\2", text)
    return _HIDDEN.sub(lambda m: escaped[int(m.group(1))], text)


def split_markers(text: str) -> tuple[str, tuple[FootnoteRef, ...]]:
    """Remove footnote markers from `text`, returning the clean text and where each stood."""
    out: list[str] = []
    refs: list[FootnoteRef] = []
    pos = 0
    length = 0
    for m in _MARKER.finditer(text):
        chunk = text[pos:m.start()]
        out.append(chunk)
        length += len(chunk)
        number = int(m.group(1) or m.group(3)) if (m.group(1) or m.group(3)) else superscript_to_int(m.group(2))
        refs.append(FootnoteRef(number=number, offset=length))
        pos = m.end()
    out.append(text[pos:])
    return "".join(out), tuple(refs)


# Word's plain-text export writes a footnote's reference as a plain digit glued to the word or the stop
# before it ("kartläggningar2", "redovisningar.1", "Övriga3") and the notes as lines "1 I redovisningen ...".
_PLAIN_NOTE_LINE = re.compile(r"^(\d{1,2}) ([A-ZÅÄÖ0-9].{20,}[.!?)])\s*$")
_GLUED_MARK = re.compile(r"(?<=[a-zåäöé]{3})(\d{1,2})(?=[\s.,;:)]|$)|(?<=[a-zåäöé]{4}[.,;:])(\d{1,2})(?=\s|$)"
                         # a statistics symbol in a cell of its own with its note ("..3": no figure there, see note 3)
                         r"|(?:(?<=^\.\.)|(?<=^…))(\d{1,2})$")


def plain_footnotes(lines: list[str]) -> list[str]:
    """The lines with Word's plain-text footnotes made explicit: a block of lines numbered one after the
    other ("1 ...", "2 ...") whose numbers stand glued to words of the text above is a block of notes, so
    each becomes "<sup>n</sup> ..." and each glued reference "<sup>n</sup>". Nothing changes unless most of
    the notes have such a reference: "2 Möten för omställning" is a chapter, "2030" in "år2030" nothing."""
    notes: dict[int, int] = {}  # number -> line index
    k = 0
    while k < len(lines):
        block = []
        while k < len(lines) and (m := _PLAIN_NOTE_LINE.match(lines[k])) and int(m.group(1)) == \
                (int(_PLAIN_NOTE_LINE.match(lines[block[-1]]).group(1)) + 1 if block else int(m.group(1))):
            block.append(k)
            k += 1
        if len(block) >= 2 or (block and _marked_above(lines, block[0])):
            notes.update({int(_PLAIN_NOTE_LINE.match(lines[i]).group(1)): i for i in block})
        k += 1 if not block else 0
    if not notes:
        return lines
    # (references stand above their notes: a chapter's or a table's notes may come before the next one's text)
    marked = {int(m.group(0)) for line in lines[:max(notes.values())] for m in _GLUED_MARK.finditer(line)}
    if len(marked & set(notes)) * 2 < len(notes):
        return lines
    out = list(lines)
    for i, line in enumerate(lines):
        if i in notes.values():
            m = _PLAIN_NOTE_LINE.match(line)
            out[i] = f"<sup>{m.group(1)}</sup> {line[m.end(1):].strip()}"
        elif i < max(notes.values()):
            out[i] = _GLUED_MARK.sub(lambda m: f"<sup>{m.group(0)}</sup>" if int(m.group(0)) in notes else m.group(0), line)
    return out


# How far above a lone note its reference may stand: a table's note right under the table ("varav längre än
# 365 dagar1" ... "1 Sjukfall som pågått längre än 365 dagar.").
LONE_NOTE_REACH = 60


def _marked_above(lines: list[str], at: int) -> bool:
    """Whether a lone numbered line ("1 Sjukfall som ...") has its number glued to a word or symbol just above:
    a note of its own under a table or a paragraph, not a numbered paragraph."""
    number = int(_PLAIN_NOTE_LINE.match(lines[at]).group(1))
    return any(int(m.group(0)) == number for line in lines[max(0, at - LONE_NOTE_REACH):at] for m in _GLUED_MARK.finditer(line))


_FOOTNOTE_LINE = re.compile(r"^\s*(?:<sup>\s*(\d{1,3})\s*</sup>|([⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3})|\[\^(\d{1,3})\]:)\s*(\S.*)$")


def match_footnote_line(line: str) -> tuple[int, str] | None:
    """`(number, text)` when the line is a footnote ("<sup>3</sup> Sjukpenning är ...", "¹ S2020/...")."""
    m = _FOOTNOTE_LINE.match(line)
    if not m:
        return None
    number = int(m.group(1) or m.group(3)) if (m.group(1) or m.group(3)) else superscript_to_int(m.group(2))
    return number, m.group(4).strip()
