"""Running text of a PDF: lines -> blocks in reading order, with kinds and section paths.

Stages, each a plain function: `lines_to_blocks` cuts one page's lines into blocks at
vertical gaps and at changes of size or weight; `classify` names each block (heading,
paragraph, list item, caption, table of contents, source note); `join_page_breaks` glues a
paragraph that runs over a page break; `assign_sections` gives every block the headings
above it. Hyphenated line breaks are joined as the text reader joins them
(`pdf_footnotes.join_hyphenated`), so both readers give the same text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional, Sequence

from nlp.sv.captions import is_caption, is_source_or_note

from .pdf_footnotes import join_hyphenated, line_text_with_refs, wrapped
from .pdf_page import Line
from .records import BBox

# dots leading to a page number: "......" or ". . . ."; not ".. .." (two cells "uppgift saknas")
DOT_LEADER = re.compile(r"(?:\.{4,}|(?:\.\s){3,}\.|…{2,})\s*\d{0,4}\s*$")
# bullets as printed; U+F0B7 is the Symbol font's bullet, which Word and LibreOffice export
BULLET_MARK = re.compile(r"^(?:[-•*–·▪◦●■□➢✓\uf0b7\uf0a7\uf0d8]|\d{1,2}[.)]|[a-z][.)])$")
_BULLET = re.compile(r"^\s*(?:[-•*–·▪◦●■□➢✓\uf0b7\uf0a7\uf0d8]\s+|\d{1,2}[.)]\s+|[a-z][.)]\s+)(?=\S)")
_NUMBERED = re.compile(r"^(\d{1,2}(?:\.\d{1,2}){0,3})\.?\s+[A-ZÅÄÖ\"”«]")
_SENTENCE_END = (".", "!", "?", ":", ";")


@dataclass
class BlockDraft:
    """A block while it is being built: its lines, text and where it sits."""

    page: int
    lines: list[Line]
    text: str = ""
    refs: list[tuple[int, int]] = field(default_factory=list)
    kind: str = "paragraph"
    level: Optional[int] = None  # heading level, 1 = chapter
    bboxes: list[BBox] = field(default_factory=list)

    @property
    def size(self) -> float:
        return self.lines[0].size

    @property
    def bold(self) -> bool:
        return all(l.bold for l in self.lines)

    @property
    def bbox(self) -> BBox:
        return (min(l.x0 for l in self.lines), min(l.top for l in self.lines),
                max(l.x1 for l in self.lines), max(l.bottom for l in self.lines))


def body_font_size(lines: Sequence[Line]) -> float:
    """The size most running text is set in (weighted by characters). Lines with column gaps
    are table rows, not running text: a table appendix would otherwise make its table size
    the body size, and every larger table look like headings."""
    prose = [l for l in lines if len(l.segments(0.8 * l.size, with_supers=True)) == 1] or list(lines)
    weights: dict[float, int] = {}
    for line in prose:
        n = sum(len(w.text) for w in line.words)
        weights[line.size] = weights.get(line.size, 0) + n
    return max(weights, key=weights.get) if weights else 10.0


def lines_to_blocks(lines: Sequence[Line], page: int, right: float) -> list[BlockDraft]:
    """Cut one page's running lines into blocks.

    A new block starts at a vertical gap wider than about half a line, at a change of font
    size or weight, after a table-of-contents entry, and at a bullet, unless the line before
    was broken only for want of room (then a dash that opens the line is the text's own:
    "resultat" / "– fler i arbete?"). `right` is where the text column ends.
    """
    blocks: list[BlockDraft] = []
    prev: Optional[Line] = None
    for line in lines:
        text = line.text
        start = prev is None
        if prev is not None:
            gap = line.top - prev.bottom
            if gap > 0.5 * min(line.size, prev.size) + 0.5:
                start = True
            elif abs(line.size - prev.size) > 0.6 or line.bold != prev.bold:
                start = True
            elif DOT_LEADER.search(prev.text):
                start = True
            elif is_source_or_note(text) or is_caption(text):
                start = True  # "Anm.:" under a caption below a table is a note of its own
            elif _BULLET.match(text) and not wrapped(prev, line, right):
                start = True
        if start:
            blocks.append(BlockDraft(page=page, lines=[line]))
        else:
            blocks[-1].lines.append(line)
        prev = line
    for b in blocks:
        b.text, b.refs = block_text(b.lines)
    return blocks


def block_text(lines: Sequence[Line]) -> tuple[str, list[tuple[int, int]]]:
    """The text of a block's lines, hyphenated breaks joined, and its markers' offsets."""
    text = ""
    refs: list[tuple[int, int]] = []
    for line in lines:
        piece, piece_refs = line_text_with_refs(line)
        if not text:
            text, start = piece, 0
        else:
            joined = join_hyphenated(text, piece)
            start = len(joined) - len(piece)
            text = joined
        refs.extend((n, start + off) for n, off in piece_refs)
    return text, refs


def heading_level(block: BlockDraft, body_size: float, sizes: Sequence[float]) -> Optional[int]:
    """The heading level of a block, or None for running text.

    Bigger than the body: a heading, its level the rank of its size among the heading sizes
    (a numbered "4.1" counts its dots instead). Bold at body size, short and without a final
    period: a heading at the deepest level.
    """
    text = block.text.strip()
    if not text or len(block.lines) > 3 or len(text) > 200:
        return None
    if is_caption(text) or is_source_or_note(text) or DOT_LEADER.search(text):
        return None
    numbered = _NUMBERED.match(text)
    if block.size >= body_size * 1.08:
        if numbered:
            return numbered.group(1).count(".") + 1
        bigger = sorted({round(s, 1) for s in sizes if s >= body_size * 1.08}, reverse=True)
        return 1 + bigger.index(round(block.size, 1)) if round(block.size, 1) in bigger else 1
    if block.bold and not text.endswith((".", ",", ";")) and len(text) <= 160:
        if numbered:
            return numbered.group(1).count(".") + 1
        bigger = {round(s, 1) for s in sizes if s >= body_size * 1.08}
        return len(bigger) + 1
    return None


TOC_HEADINGS = ("innehållsförteckning", "innehåll", "contents", "table of contents")
_TOC_ENTRY = re.compile(r"^(?P<title>\D.*?|\d[\d.]*\s+\D.*?)\s+\d{1,3}$")


def classify(blocks: Sequence[BlockDraft], body_size: float) -> None:
    """Name every block's kind (and heading level) in place."""
    sizes = [b.size for b in blocks]
    in_toc = False
    for b in blocks:
        text = b.text
        if DOT_LEADER.search(text):
            b.kind = "toc"
            b.text = DOT_LEADER.sub("", text).rstrip(" .")
            in_toc = True
            continue
        if in_toc and _TOC_ENTRY.match(text):
            b.kind = "toc"  # under "Innehåll", set with a tab instead of dot leaders
            b.text = _TOC_ENTRY.match(text).group("title")
            continue
        if is_caption(text):
            b.kind = "caption"
        elif is_source_or_note(text):
            b.kind = "source_note"
        else:
            level = heading_level(b, body_size, sizes)
            if level is not None:
                b.kind, b.level = "heading", level
                in_toc = text.strip().lower() in TOC_HEADINGS
                continue
            if _BULLET.match(text) and not _NUMBERED.match(text):
                b.kind = "list_item"
            else:
                b.kind = "paragraph"
        in_toc = in_toc and b.kind == "toc"


def join_page_breaks(pages: Sequence[list[BlockDraft]], body_right: dict[int, float]) -> list[BlockDraft]:
    """All pages' blocks in order, a paragraph broken by a page break made whole again.

    The first block of a page continues the last paragraph of the page before when it
    starts in lower case, or when that paragraph's last line ran to the right margin and
    did not end a sentence.
    """
    out: list[BlockDraft] = []
    for blocks in pages:
        for i, b in enumerate(blocks):
            if i == 0 and out and b.kind in ("paragraph", "list_item") and out[-1].kind in ("paragraph", "list_item") \
                    and out[-1].page != b.page and _continues(out[-1], b, body_right.get(out[-1].page)):
                prev = out[-1]
                joined = join_hyphenated(prev.text, b.text)
                shift = len(joined) - len(b.text)
                prev.refs.extend((n, shift + off) for n, off in b.refs)
                prev.text = joined
                prev.bboxes.append(b.bbox)
                continue
            out.append(b)
    return out


def _continues(prev: BlockDraft, nxt: BlockDraft, right: Optional[float]) -> bool:
    """Lower case goes on a sentence; otherwise the page's last line must have been full:
    had the next page's first word fitted on it, the line would not have been broken there."""
    if nxt.text[:1].islower():
        return True
    if right is None or not nxt.lines[0].words:
        return False
    return wrapped(prev.lines[-1], nxt.lines[0], right)


def assign_sections(blocks: Sequence[BlockDraft]) -> list[tuple[str, ...]]:
    """The heading path above each block (a heading's own path excludes itself)."""
    stack: list[tuple[int, str]] = []
    out = []
    for b in blocks:
        if b.kind == "heading" and b.level is not None:
            while stack and stack[-1][0] >= b.level:
                stack.pop()
            out.append(tuple(t for _, t in stack))
            stack.append((b.level, b.text))
        else:
            out.append(tuple(t for _, t in stack))
    return out

