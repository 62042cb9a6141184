"""The texts of a document whose figures are facts, as the pipeline reads them.

A TextSource is a Block, or the few Blocks of one sentence that a page break or a footnote
split, with each block's offset in the joined text, so a figure's offset finds its block and
line again (TextSource.locate).
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, replace
from typing import Optional

from ingest.records import Block, Document, Footnote
from nlp.sv.captions import NOTE_PATTERN


# Block kinds read as running text. Headings count: "Ungefär tio procent av de som får avslag
# deltar vid omställningsmöte" states a figure. Tables of contents and source notes do not.
PROSE_KINDS = frozenset({"paragraph", "list_item", "caption", "footnote", "heading"})
SUMMARY_HEADINGS = ("sammanfattning", "summary")


@dataclass(frozen=True)
class TextSource:
    """One text that goes through the pipeline: a Block, or the Blocks of a sentence a page
    break or footnote split ("... inte längre får sjukpenning" / "(20 procent 2018)."), with
    each block's offset in the joined text."""

    blocks: tuple[Block, ...]
    starts: tuple[int, ...]
    kind: str  # summary, body, footnote
    line: Optional[int] = None  # a footnote's own line

    @property
    def block(self) -> Block:
        return self.blocks[0]

    @property
    def text(self) -> str:
        return " ".join(b.text for b in self.blocks)

    def locate(self, offset: int) -> tuple[Block, int]:
        """The block holding character `offset` of the joined text, and the offset in it."""
        k = max(0, bisect_right(self.starts, offset) - 1)
        return self.blocks[k], offset - self.starts[k]


def fact_kind(block: Block) -> str:
    if block.kind == "footnote":
        return "footnote"
    if any(s.strip().lower().lstrip("0123456789. ").startswith(SUMMARY_HEADINGS) for s in block.section):
        return "summary"
    return "body"


def _continues(prev: Block, block: Block) -> bool:
    """True when `block` finishes the sentence `prev` left open (a page break or a footnote between)."""
    if prev.kind not in ("paragraph", "list_item") or block.kind != "paragraph" or prev.section != block.section:
        return False
    tail = prev.text.rstrip()
    head = block.text.lstrip()
    return bool(tail) and bool(head) and tail[-1] not in ".!?:;" and (head[0].islower() or head[0] == "(")


def text_sources(document: Document) -> list[TextSource]:
    """The running text and footnotes of `document` whose figures are facts, in reading order."""
    by_id = {b.id: b for b in document.blocks}
    out: list[TextSource] = []
    # a note under a table ("Anm. ... motsvarar cirka 2 620 miljoner kronor") states figures; a source line does not
    prose = [b for b in document.blocks if b.kind in PROSE_KINDS or b.kind == "source_note" and NOTE_PATTERN.match(b.text)]
    prose += [n for b in document.blocks if b.kind == "source_note" and not NOTE_PATTERN.match(b.text)
              for n in [note_part(b)] if n is not None]
    prose.sort(key=lambda b: b.order)
    group: list[Block] = []
    for b in prose:
        if group and _continues(group[-1], b):
            group.append(b)
            continue
        if group:
            out.append(_source(group))
        group = [b]
    if group:
        out.append(_source(group))
    for fn in document.footnotes:
        out.append(footnote_source(document, fn, by_id))
    return out


def note_part(block: Block) -> Optional[Block]:
    """The note lines of a source block that opens with its source: "Källa: MiDAS." / "Anm.: För
    2021 ingår inte 212 kartläggningar ..." states a figure the source line does not."""
    for pos in block.line_breaks:
        if NOTE_PATTERN.match(block.text[pos:]):
            return replace(block, text=block.text[pos:], line_start=block.line_at(pos),
                           line_breaks=tuple(p - pos for p in block.line_breaks if p > pos))
    return None


def _source(blocks: list[Block]) -> TextSource:
    starts, pos = [], 0
    for b in blocks:
        starts.append(pos)
        pos += len(b.text) + 1
    return TextSource(tuple(blocks), tuple(starts), fact_kind(blocks[0]))


def footnote_source(document: Document, fn: Footnote, by_id: dict[str, Block]) -> TextSource:
    """A footnote as a block; it takes the section of the first block that points to it."""
    ref = next((by_id[r] for r in fn.marker_refs if r in by_id), None)
    section = ref.section if ref is not None else ()
    # a footnote printed over several lines keeps its line breaks as "\n" (see ingest.text_reader)
    breaks = tuple(i + 1 for i, ch in enumerate(fn.text) if ch == "\n")
    line_end = fn.line + len(breaks) if fn.line is not None else None
    block = Block(id=fn.id, doc=document.id, order=-1, kind="footnote", section=section, text=fn.text,
                  page=fn.page, page_label=fn.page_label, line_start=fn.line, line_end=line_end, line_breaks=breaks)
    return TextSource((block,), (0,), "footnote", fn.line)


def pipeline_text(source: TextSource) -> str:
    """The text as the pipeline reads it: a line that starts with a number starts a new
    statement ("... 51 procent uppnådde arbetsförmåga" / "2017 lämnade ..."), so the break is
    kept as a newline there; offsets stay those of the joined text. A break the text was wrapped
    at is no statement's end: "Under 2036 fick" / "24 800 personer ..." in a text set to 72
    columns broke there only because the number did not fit on the line."""
    text = list(source.text)
    for block, start in zip(source.blocks, source.starts):
        for br in block.line_breaks:
            pos = start + br
            if 0 < pos < len(text) and text[pos - 1] == " " and text[pos].isdigit() and not _wrapped_at(block, br):
                text[pos - 1] = "\n"
    return "".join(text)


def _wrapped_at(block: Block, br: int) -> bool:
    """Whether the line ending at `br` broke because the next word did not fit: the line and that
    word together are wider than the block's widest line. Two lines say too little of a width: two
    statements of about the same length, each a line, look wrapped as well."""
    edges = (0, *block.line_breaks, len(block.text) + 1)
    widths = [b - a - 1 for a, b in zip(edges, edges[1:])]
    if len(widths) < 3:
        return False
    if re.search(r"[.?!:;]\s*$", block.text[:br]) or re.match(r"\d{1,2}[.)]\s", block.text[br:]):
        return False  # a line that ends a sentence, or a numbered item under it ("1. ...", "2. ..."), was not cut short
    k = block.line_breaks.index(br)
    word = block.text[br:].split(" ", 1)[0]
    return widths[k] + 1 + len(word) > max(widths)
