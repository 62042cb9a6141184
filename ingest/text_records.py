"""Runs -> Blocks, Tables and Footnotes with their section path: the document's way of marking
headings (`#` levels, numbers, the table of contents), each run's kind and text, and the
footnotes linked to the blocks and cells where their markers stand."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from nlp.sv.captions import is_caption, is_label_value, is_source_or_note

from .records import Block, Footnote, FootnoteRef, Table
from .text_headings import DOT_LEADER, TOC_LINE, TOC_TITLE, clean_title, is_toc_line, normalised_title, numbered_level
from .text_markup import split_markers, strip_tags
from .text_runs import Run
from .text_table_records import captions_below, run_to_table


# "Bilaga 1. Insatserna i korthet", and chapters that name their number in words ("Avsnitt 2 Gemensam kartläggning")
_APPENDIX_TITLE = re.compile(r"^(?:Bilaga|Appendix|Avsnitt|Kapitel|Del)\s+(?:\d{1,2}|[A-Z]|[IVX]{1,5})\b")


# chapters that sit at the top level even in documents with numbered chapters
_TOP_LEVEL_WORDS = ("sammanfattning", "inledning", "tabellbilaga", "bilaga", "referenser", "innehåll",
                    "innehållsförteckning", "uppdragsbeskrivning", "förord", "summary")


def toc_titles(runs: list[Run]) -> set[str]:
    """Headings announced by the table of contents, normalised for matching."""
    titles: set[str] = set()
    for run in runs:
        for line in run.lines:
            if is_toc_line(line) or (DOT_LEADER.search(line) and len(line) < 200):
                m = TOC_LINE.match(line.replace("\t", "\t"))
                title = m.group(1) if m else line
                title = re.sub(r"^\d{1,2}(?:\.\d{1,2})*\.?\s*", "", clean_title(title).replace("\t", " "))
                if title:
                    titles.add(normalised_title(title))
    return titles


def _looks_like_heading(run: Run, next_run: Optional[Run]) -> bool:
    """A short stand-alone line with no closing punctuation, followed by longer text or by a block of
    "Label: value" lines ("Året i siffror", the name of an insats above its key figures)."""
    if len(run.lines) != 1:
        return False
    raw = strip_tags(split_markers(run.lines[0])[0]).strip()
    if raw.endswith((".", ":", ";", ",", "?", "!")) or is_label_value(raw):
        return False
    text = clean_title(run.lines[0])
    if not text or len(text) > 110 or len(text.split()) > 14 or not text[0].isupper():
        return False
    if text.endswith((".", ":", ";", ",", "?", "!")) or re.match(r"^[\d\W]", text):
        return False
    if is_caption(text) or is_source_or_note(text) or re.search(r"\d{4}-\d{2}-\d{2}", text):
        return False
    if len(re.findall(r"\d+(?:[ ,]\d+)*", text)) >= 3:
        return False  # "För res. 1: 98 S, 24 V, 20 MP": a line of figures, not a title
    if next_run is not None and next_run.kind == "paragraph" and is_label_value(next_run.lines[0].strip()):
        return True
    if next_run is not None and _APPENDIX_TITLE.match(text):
        return True  # "Bilaga 1. Insatserna i korthet" opens the appendix, whatever follows
    return next_run is not None and next_run.kind in ("paragraph", "list_item") and len(" ".join(next_run.lines)) > 2 * len(text) + 40


@dataclass
class _SectionStack:
    entries: list[tuple[int, str]] = field(default_factory=list)

    def push(self, level: int, title: str) -> None:
        while self.entries and self.entries[-1][0] >= level:
            self.entries.pop()
        self.entries.append((level, title))

    @property
    def path(self) -> tuple[str, ...]:
        return tuple(t for _, t in self.entries)


@dataclass(frozen=True)
class HeadingStyle:
    """How one document marks its headings, learnt from all its runs before any is read: the titles
    its table of contents announces, whether it numbers them ("4.2 Omställningsmöten"), its biggest
    `#` level, and whether one biggest heading opens it as the document's title."""

    toc: set[str]
    uses_numbers: bool
    min_hash: int
    single_title: bool

    @classmethod
    def of(cls, runs: list[Run]) -> "HeadingStyle":
        uses_numbers = any(numbered_level(r.lines[0]) for r in runs if r.kind in ("paragraph", "heading") and len(r.lines) == 1)
        min_hash = min((r.heading_level for r in runs if r.kind == "heading"), default=1)
        # one biggest heading that comes first is the document title (level 0); several are chapters
        top = [i for i, r in enumerate(runs) if r.kind == "heading" and r.heading_level == min_hash]
        first_heading = next((i for i, r in enumerate(runs) if r.kind == "heading"), None)
        single_title = len(top) == 1 and top[0] == first_heading and \
            normalised_title(runs[top[0]].lines[0]).split(" ")[0] not in _TOP_LEVEL_WORDS
        return cls(toc_titles(runs), uses_numbers, min_hash, single_title)

    def level(self, run: Run, nxt: Optional[Run], seen_numbered: bool, blocks: list[Block]) -> tuple[Optional[int], bool]:
        """The section level of a run that is a heading (None for one that is not), and whether it is
        a numbered one. `seen_numbered`: a numbered heading came before; `blocks`: those read so far."""
        first = run.lines[0]
        if run.kind == "heading":
            title = clean_title(first)
            num_level = numbered_level(title)
            if num_level:
                return num_level, True
            # the document title (the first, biggest heading) is level 0; the rest nest under it
            level = run.heading_level - self.min_hash + (0 if self.single_title else 1)
            if level == 0 and any(b.kind == "heading" for b in blocks):
                level = 1
            if seen_numbered and normalised_title(title).split(" ")[0] not in _TOP_LEVEL_WORDS:
                level = max(level, 2)
            return level, False
        if run.kind == "paragraph" and len(run.lines) == 1:
            title = clean_title(first)
            num_level = numbered_level(first.replace("\t", " "))
            norm = normalised_title(title)
            if num_level and (not self.toc or norm and normalised_title(re.sub(r"^\d{1,2}(?:\.\d{1,2})*\.?\s*", "", title)) in self.toc
                              or _looks_like_heading(run, nxt) or len(title) < 100):
                return num_level, True
            if norm in self.toc or _looks_like_heading(run, nxt) or TOC_TITLE.match(title):
                top = norm.split(" ")[0] in _TOP_LEVEL_WORDS
                return (1 if (top or not self.uses_numbers) else 2), False
        return None, False


def runs_to_records(doc_id: str, runs: list[Run]) -> tuple[list[Block], list[Table], list[Footnote]]:
    """Blocks, Tables and Footnotes, with section paths, from the runs of one document."""
    style = HeadingStyle.of(runs)
    stack = _SectionStack()
    blocks: list[Block] = []
    tables: list[Table] = []
    footnotes: list[Footnote] = []
    in_toc = False
    seen_numbered = False
    cell_refs: dict[int, list[str]] = {}  # footnote number -> ids of cells where its marker stands
    below = captions_below(runs)

    for idx, run in enumerate(runs):
        nxt = runs[idx + 1] if idx + 1 < len(runs) else None
        if run.kind == "table":
            if in_toc:
                blocks.extend(_toc_blocks(doc_id, len(blocks), run, stack.path))
                continue
            table = run_to_table(doc_id, len(tables), run, runs[:idx], runs[idx + 1:], stack.path, cell_refs, below)
            if table is not None:
                tables.append(table)
            continue
        if run.kind == "footnote":
            footnote = _footnote(doc_id, run, footnotes)
            if footnote is not None:
                footnotes.append(footnote)
            continue

        first = run.lines[0]
        if in_toc and run.kind == "paragraph" and len(run.lines) == 1 and "\t" in first and is_toc_line(first, True):
            # an entry of the table of contents under its title, a line of its own in a word processor's export
            # ("Bilaga 2 Nyckeltal 2024–2028<TAB>11"): neither a heading nor a figure
            blocks.append(_block(doc_id, len(blocks), "toc", stack.path, clean_title(first), run.start, run.start))
            continue
        level, numbered = style.level(run, nxt, seen_numbered, blocks)
        seen_numbered = seen_numbered or numbered
        if level is not None:
            title = clean_title(first)
            in_toc = bool(TOC_TITLE.match(title))
            stack.push(level, title)
            blocks.append(_heading_block(doc_id, len(blocks), run, title, stack.path[:-1]))
            continue

        if in_toc and all(DOT_LEADER.search(l) or TOC_LINE.match(l) for l in run.lines):
            blocks.extend(_toc_blocks(doc_id, len(blocks), run, stack.path))
            continue
        in_toc = False if run.kind == "paragraph" and not DOT_LEADER.search(first) else in_toc
        blocks.append(_text_block(doc_id, len(blocks), run, stack.path))

    footnotes = _link_footnotes(footnotes, blocks, cell_refs)
    return blocks, tables, footnotes


def _toc_blocks(doc_id: str, order: int, run: Run, section: tuple[str, ...]) -> list[Block]:
    """The lines of a run inside the table of contents, each an entry."""
    return [_block(doc_id, order + j, "toc", section, clean_title(line), run.start + j, run.start + j)
            for j, line in enumerate(run.lines)]


def _footnote(doc_id: str, run: Run, footnotes: list[Footnote]) -> Optional[Footnote]:
    """A footnote run as a Footnote; None when the converter repeated one already read."""
    text, _ = split_markers(strip_tags(run.extra["text"]))
    number = run.extra["number"]
    if any(f.number == number and f.text == text for f in footnotes):
        return None  # the converter repeated a footnote: the same footnote
    repeat = sum(1 for f in footnotes if f.number == number)  # numbering restarts per chapter
    fn_id = f"{doc_id}:fn{number}" + (f"-{repeat + 1}" if repeat else "")
    return Footnote(id=fn_id, doc=doc_id, number=number, text=text, line=run.start)


def _heading_block(doc_id: str, order: int, run: Run, title: str, section: tuple[str, ...]) -> Block:
    # markers in a heading ("Resultat ... arbetsförmåga<sup>9</sup>") still cite their footnote
    heading_refs = tuple(FootnoteRef(r.number, min(r.offset, len(title)))
                         for r in split_markers(strip_tags(run.lines[0].lstrip("# ")))[1])
    return _block(doc_id, order, "heading", section, title, run.start, run.end, heading_refs)


def _text_block(doc_id: str, order: int, run: Run, section: tuple[str, ...]) -> Block:
    """A run of running text as a Block: its lines joined, markup and footnote markers taken out, and its kind
    (a caption or a source note by its words)."""
    kind = run.kind
    joined, breaks = _join_lines(run.lines)
    if run.skipped:
        # a line left out inside the run (a page's footer and header) still counts: its break repeats
        breaks = tuple(b for j, b in enumerate(breaks, start=1) for _ in range(run.line_of(j) - run.line_of(j - 1)))
    text, refs = split_markers(strip_tags(joined))
    breaks = _shift_breaks(breaks, joined, refs)
    if is_caption(text):
        kind = "caption"
    elif is_source_or_note(text):
        kind = "source_note"
    elif kind == "list_item":
        text = text.strip()
    return _block(doc_id, order, kind, section, text.strip(), run.start, run.end, refs, breaks)


def _join_lines(lines: list[str]) -> tuple[str, tuple[int, ...]]:
    """Join wrapped lines; 'social-' + 'försäkringen' loses its hyphen, other breaks become spaces."""
    text = lines[0].strip()
    breaks: list[int] = []
    for line in lines[1:]:
        nxt = line.strip()
        if re.search(r"\w-$", text) and nxt[:1].islower():
            text = text[:-1]
            breaks.append(len(text))
            text += nxt
        else:
            text += " "
            breaks.append(len(text))
            text += nxt
    return text, tuple(breaks)


def _shift_breaks(breaks: tuple[int, ...], raw: str, refs: tuple[FootnoteRef, ...]) -> tuple[int, ...]:
    """Line-break offsets after markup removal: approximate by scaling to the cleaned length."""
    if not breaks:
        return breaks
    clean_len = len(split_markers(strip_tags(raw))[0])
    if clean_len == len(raw):
        return breaks
    ratio = clean_len / max(len(raw), 1)
    return tuple(int(b * ratio) for b in breaks)


def _block(doc_id: str, order: int, kind: str, section: tuple[str, ...], text: str, start: int, end: int,
           refs: tuple[FootnoteRef, ...] = (), breaks: tuple[int, ...] = ()) -> Block:
    return Block(id=f"{doc_id}:b{order}", doc=doc_id, order=order, kind=kind, section=section, text=text,
                 line_start=start, line_end=end, footnote_refs=refs, line_breaks=breaks)


def _link_footnotes(footnotes: list[Footnote], blocks: list[Block], cell_refs: dict[int, list[str]]) -> list[Footnote]:
    """Give each footnote the ids of the blocks and table cells where its marker stands.

    Numbering may restart per chapter, so a marker goes to the first footnote of its number
    printed at or after it (footnotes follow their markers), else the last one before it.
    """
    refs: dict[str, list[str]] = {f.id: [] for f in footnotes}

    def target(number: int, line: Optional[int]) -> Optional[Footnote]:
        same = [f for f in footnotes if f.number == number]
        if not same:
            return None
        if line is None:
            return same[0]
        after = [f for f in same if (f.line or 0) >= line]
        return after[0] if after else same[-1]

    for number, ids in cell_refs.items():
        for cell_id in ids:
            fn = target(number, None)
            if fn:
                refs[fn.id].append(cell_id)
    for b in blocks:
        for r in b.footnote_refs:
            fn = target(r.number, b.line_start)
            if fn:
                refs[fn.id].append(b.id)
    return [Footnote(id=fn.id, doc=fn.doc, number=fn.number, text=fn.text, page=fn.page, page_label=fn.page_label,
                     line=fn.line, marker_refs=tuple(refs[fn.id])) for fn in footnotes]
