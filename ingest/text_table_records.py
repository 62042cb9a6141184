"""A table run -> a Table record, with what stands around it: its caption (above or below, by the
document's own habit), unit line, source, notes and the footnote markers in its cells."""
from __future__ import annotations

import re
from typing import Optional

from nlp.sv.captions import is_source_or_note, is_table_caption, parse_caption, table_intro
from nlp.sv.units import unit_line_of, unit_phrase

from .records import FootnoteRef, Table
from .text_headings import clean_title
from .text_markup import split_markers, strip_tags
from .text_runs import Run
from .text_tables import (GridCell, align_merged_stub, caption_label, caption_number, cells_from_grid,
                          count_header_rows, unit_note_of)


def _run_text(run: Run) -> str:
    return clean_title(" ".join(run.lines))


def captions_below(runs: list[Run]) -> bool:
    """Whether this document prints its table captions below the tables.

    Decided from the document's own habit, since a caption between two tables could belong to
    either: captions that stand right after a table (a source or note line may come between)
    against captions that stand right before one.
    """
    above = below = 0
    for i, run in enumerate(runs):
        if run.kind == "table" or not is_table_caption(_run_text(run)):
            continue
        nxt = runs[i + 1:i + 3]
        if nxt and (nxt[0].kind == "table" or len(nxt) > 1 and nxt[1].kind == "table" and len(_run_text(nxt[0])) < 80):
            above += 1
        prev = [r for r in runs[max(0, i - 3):i]]
        while prev and prev[-1].kind != "table" and (prev[-1].kind == "footnote" or is_source_or_note(_run_text(prev[-1]))):
            prev.pop()
        if prev and prev[-1].kind == "table":
            below += 1
    return below > above


def run_to_table(doc_id: str, index: int, run: Run, before: list[Run], after: list[Run], section: tuple[str, ...],
                 cell_refs: dict[int, list[str]], below: bool = False) -> Optional[Table]:
    table_id = f"{doc_id}:t{index}"
    # the notes to the markers in its cells ("¹ Preliminära uppgifter.") stand between a table and its source line
    after = [r for r in after if r.kind != "footnote"]
    rows: list[list[GridCell]] = []
    unit_note = ""
    markers: list[tuple[int, int, int]] = []  # (footnote, row, col)
    indents = run.extra.get("indents", {})
    cell_lines = run.extra.get("cell_lines", {})  # a row whose cells stand on lines of their own (0-based)
    layout_header = run.extra.get("header_rows")
    paren_notes = _paren_note_numbers(after)
    for j, line in enumerate(run.lines):
        split = [_split_paren_marker(*split_markers(strip_tags(c)), paren_notes) for c in line.split("\t")]
        parts = [text.strip() for text, _ in split]
        if unit_note_of(parts) and rows:
            unit_note = unit_note_of(parts) or ""
            if layout_header is not None and j < run.extra["header_rows"]:
                layout_header -= 1
            continue
        for col, (_, refs) in enumerate(split):
            markers += [(r.number, len(rows), col) for r in refs]
        at = cell_lines.get(j, ())
        rows.append([GridCell(text=p, line=at[col] + 1 if col < len(at) else run.line_of(j), indent=indents.get(j) if col == 0 else None)
                     for col, p in enumerate(parts)])
    # trailing empty columns exist only because lines end with a tab
    n_cols = max(len(r) for r in rows)
    while n_cols > 1 and all(len(r) < n_cols or not r[n_cols - 1].text for r in rows):
        n_cols -= 1
    aligned = align_merged_stub([[c.text for c in r] for r in rows], n_cols)
    rows = [r[:1] + [GridCell(text="", line=r[0].line)] * (len(a) - len(r)) + r[1:] if len(a) > len(r) else r
            for r, a in zip(rows, aligned)]
    grid = [(r + [GridCell(text="", line=r[0].line if r else None)] * (n_cols - len(r)))[:n_cols] for r in rows]
    if not any(c.text for row in grid for c in row):
        return None
    # a Markdown table says which rows are its header: those above its |---| rule
    marked = sum(1 for j in range(len(run.lines)) if run.skipped and run.line_of(j) < run.skipped[0]) \
        if layout_header is None else 0
    # (a two-column table under its rule is label | value rows, an infobox's "Införd | 2004": no second header row)
    header_rows = (marked if n_cols == 2 else max(marked, count_header_rows([[c.text for c in row] for row in grid]))) \
        if marked else layout_header
    for number, row, col in markers:
        cell_refs.setdefault(number, []).append(f"{table_id}:r{row}c{col}")
    caption = _own_caption(before, after, below) or _figure_caption(before, after) or run.extra.get("caption", "") \
        or _introduced(before)
    source = _nearby_source(after)
    notes = _notes_after(after)
    corner = grid[0][0].text if grid and grid[0] else ""
    # (a line of its own that names the unit is the table's own word; a caption may speak of a rate "per 1 000")
    unit_note = unit_note or _unit_line_above(before) or unit_phrase(caption) or unit_phrase(corner) or next(
        (unit_phrase(n) for n in notes if unit_phrase(n)), "") or _unit_line_below(after)
    label, continued = caption_label(caption)
    return Table(id=table_id, doc=doc_id, index=index, number=caption_number(caption), caption=caption,
                 cells=cells_from_grid(table_id, grid, header_rows), source_note=source, unit_note=unit_note,
                 section=section, line_start=run.start, line_end=run.end, label=label, continued=continued,
                 header_rows=header_rows if header_rows is not None else count_header_rows([[c.text for c in r] for r in grid]))


def _own_caption(before: list[Run], after: list[Run], below: bool) -> str:
    """The table's caption: the one right above or right below it that no other table stands next to
    (a house style may print some captions above and some below: a Word template's, or an editor's
    habit); a caption between two tables, or one on both sides, goes by the document's habit."""
    above_text, after_caption = _nearby_caption(before), _caption_after(after)
    shared_above = bool(above_text) and _ends_a_table(before)
    shared_below = bool(after_caption) and _opens_a_table(after)
    if above_text and not shared_above and not after_caption:
        return above_text
    if after_caption and not shared_below and not above_text:
        return after_caption
    return after_caption if below else above_text


def _ends_a_table(before: list[Run]) -> bool:
    """Whether the caption nearest above (see `_nearby_caption`) stands right below another table, with
    only source and note lines between."""
    runs = before[-4:]
    at = next((i for i in range(len(runs) - 1, -1, -1) if runs[i].kind != "table" and is_table_caption(_run_text(runs[i]))), None)
    if at is None:
        return False
    for run in reversed(runs[:at]):
        if run.kind == "table":
            return True
        if not (run.kind == "footnote" or is_source_or_note(_run_text(run))):
            return False
    return False


def _opens_a_table(after: list[Run]) -> bool:
    """Whether the caption right below a table (see `_caption_after`) stands right above another."""
    at = next((i for i, run in enumerate(after[:4]) if run.kind != "table" and is_table_caption(_run_text(run))), None)
    if at is None:
        return False
    nxt = after[at + 1:at + 3]
    return bool(nxt) and (nxt[0].kind == "table" or len(nxt) > 1 and nxt[1].kind == "table" and len(_run_text(nxt[0])) < 80)


def _nearby_caption(before: list[Run]) -> str:
    """The closest table caption ("Tabell 6 ...", "Tabell B1 ...", "Tab. 3.2 ...") among the few runs above."""
    for run in reversed(before[-4:]):
        if run.kind == "table":
            break
        text = _run_text(run)
        if is_table_caption(text):
            return text
    return ""


# A note under a table numbered "1) ..." and its marker after a cell's figure ("311 1)"), as word processors
# write them without superscript.
_PAREN_NOTE_LINE = re.compile(r"^\s*(\d{1,2})\)\s+\S")
_PAREN_MARKER = re.compile(r"(?<=\d)\s+(\d{1,2})\)\s*$")


def _paren_note_numbers(after: list[Run]) -> set[int]:
    """The numbers of the "1) ..." notes printed right below a table."""
    found: set[int] = set()
    for run in after[:3]:
        if run.kind == "table":
            break
        for line in run.lines:
            m = _PAREN_NOTE_LINE.match(line)
            if m:
                found.add(int(m.group(1)))
    return found


def _split_paren_marker(text: str, refs: tuple[FootnoteRef, ...], notes: set[int]) -> tuple[str, tuple[FootnoteRef, ...]]:
    """"311 1)" under a note "1) ...": the figure 311 with a marker for note 1."""
    m = _PAREN_MARKER.search(text)
    if m is None or int(m.group(1)) not in notes:
        return text, refs
    return text[:m.start()], refs + (FootnoteRef(number=int(m.group(1)), offset=m.start()),)


def _figure_caption(before: list[Run], after: list[Run]) -> str:
    """A figure's caption right next to a table that has none of its own: the figure's data, as web
    pages and reports set it under or over the chart ("Figur 3. Antal möten ..." then the rows). Above
    when it stands right over the table, else below it (source and note lines may come first)."""
    for run in reversed(before[-4:]):
        # (the chart's source line and a short heading such as "Diagrammets data" may stand between)
        if run.kind == "table":
            break
        text = _run_text(run)
        found = parse_caption(text)
        if found is not None:
            if found.kind == "figure":
                return text
            break
        if not (is_source_or_note(text) or (len(text) <= 40 and not any(ch.isdigit() for ch in text))):
            break
    for run in after[:3]:
        if run.kind == "table":
            break
        text = _run_text(run)
        found = parse_caption(text)
        if found is not None:
            return text if found.kind == "figure" else ""
        if not is_source_or_note(text):
            break
    return ""


def _introduced(before: list[Run]) -> str:
    """For a table with no caption, the sentence right above that introduces it ("Tabellen visar förbunden per län
    2035."): it says what and when the table counts, as a caption would."""
    if not before or before[-1].kind != "paragraph":
        return ""
    return table_intro(_run_text(before[-1]))


def _unit_line_above(before: list[Run]) -> str:
    """A line of its own right above the table that only names its unit ("Miljoner kronor"),
    printed under the caption in the same paragraph or alone."""
    if not before or before[-1].kind == "table":
        return ""
    for line in reversed(before[-1].lines[-2:]):
        found = unit_line_of(strip_tags(line).strip())
        if found:
            return found  # "Miljoner kronor", "Kronor, 2027 års priser"
    return ""


_EMPHASIS = re.compile(r"^[*_]{1,3}(.*?)[*_]{1,3}$")


def _unit_line_below(after: list[Run]) -> str:
    """A line of its own under the table (before or after its source line) that only names the unit of
    its figures: "*Belopp i tusentals kronor.*" in a Markdown sheet, "Belopp i tkr" in a report."""
    for run in after[:3]:
        if run.kind == "table" or len(run.lines) > 2:
            break
        text = strip_tags(" ".join(run.lines)).strip()
        plain = _EMPHASIS.sub(r"\1", text).strip()
        if unit_note_of([plain]) and unit_phrase(plain):  # ("Antal individer i ...", a heading below, names none)
            return plain
        if not is_source_or_note(text):
            break
    return ""


def _caption_after(after: list[Run]) -> str:
    """The table caption right below a table (source and note lines may come first)."""
    for run in after[:4]:
        if run.kind == "table":
            break
        text = _run_text(run)
        if is_table_caption(text):
            return text
        if not is_source_or_note(text):
            break
    return ""


def _nearby_source(after: list[Run]) -> str:
    for run in after[:3]:
        text = strip_tags(" ".join(run.lines)).strip()
        if is_source_or_note(text) and not re.match(r"^\s*(?:anm|not|kommentar|förklaring)", text, re.I):
            return text
        if run.kind == "table" or not (is_source_or_note(text) or is_table_caption(_run_text(run))):
            break
    return ""


def _notes_after(after: list[Run]) -> list[str]:
    """The note and source lines printed right below a table ("Anm.: Belopp i mnkr.")."""
    out = []
    for run in after[:4]:
        text = strip_tags(" ".join(run.lines)).strip()
        if run.kind == "table":
            break
        if is_source_or_note(text):
            out.append(text)
        elif not is_table_caption(_run_text(run)):
            break
    return out
