"""Key-figure boxes: a title line and the "Label: value" lines right under it.

Press releases and fact sheets print a box of key figures under a title that names what the whole box
is about ("Fakta: det förstärkta samarbetet 2026", "Fakta: prognos för 2028, miljarder kronor"); its
lines give a label and a bare figure ("Summa: 83,4"). The title's period and unit are those of every
figure in the box that names none of its own, as a table's caption is for its cells. Parallel cards,
several boxes under short titles with the same labels ("Steget vidare" / "Budget 2026: 3 300 tkr" /
"Deltagare: 118", then "Unga framåt" / ...), are one per group: the title is the group of its figures.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Optional, Sequence

from spacy.tokens import Doc

from ingest.records import Block
from nlp.components.quantities import QUANTITIES
from nlp.records import Fact
from nlp.sv.captions import is_label_value
from nlp.sv.periods import LABELLED_YEAR, find_year_mentions
from nlp.sv.units import COUNT_UNIT, unit_note_scale, unit_phrase

_TITLE_LENGTH = 90
# a figure printed with nothing but digits, spaces, a sign and a decimal comma: no unit of its own
_BARE_FIGURE = re.compile(r"^[−\-+]?\d[\d\s\u00a0\u202f]*(?:,\d+)?$")
# "• Omställningsmöten: 1 604": a box's lines may be a bulleted list
_BULLET = re.compile(r"^\s*[•◦▪·*–\-]\s+")


@dataclass(frozen=True)
class BoxTitle:
    section: tuple[str, ...]
    period: Optional[str]
    unit: Optional[tuple[str, float]]
    last_line: int  # the last line of the box so far: the next line must follow it directly
    # the section of the lines under a title read as a heading: the title is their heading
    heading: Optional[tuple[str, ...]] = None
    group: Optional[str] = None  # the title of one of several parallel cards: the group its figures are about


def _is_title_line(block: Block, text: str) -> bool:
    return block.line_start is not None and block.line_end == block.line_start and len(text) <= _TITLE_LENGTH \
        and not text.endswith((".", "!", "?")) and not LABELLED_YEAR.match(text)


def _label(text: str) -> Optional[str]:
    """The label of a "Label: value" line, without its years ("Budget 2026: 3 300 tkr" -> "budget")."""
    line = _BULLET.sub("", text).strip()
    if not is_label_value(line):
        return None
    return re.sub(r"\s*\b(?:19|20)\d\d\b", "", line.split(":", 1)[0]).strip().lower() or None


def parallel_card_titles(blocks: Sequence[Block]) -> set[int]:
    """The orders of the blocks that title parallel cards: short lines each followed directly by two or more
    "Label: value" lines, where at least two cards share two or more labels."""
    ordered = sorted((b for b in blocks if b.line_start is not None), key=lambda b: b.order)
    cards: dict[int, set[str]] = {}
    for k, block in enumerate(ordered):
        if not _is_title_line(block, block.text.strip()) or _label(block.text) or re.search(r"\d", block.text):
            continue
        labels: list[str] = []
        last = block.line_end
        for line in ordered[k + 1:]:
            label = _label(line.text)
            if label is None or line.line_start != last + 1:
                break
            labels.append(label)
            last = line.line_end
        if len(labels) >= 2:
            cards[block.order] = set(labels)
    return {order for order, labels in cards.items()
            if any(len(labels & other) >= 2 for o, other in cards.items() if o != order)}


def box_title(doc: Doc, block: Block, card_titles: frozenset[int] | set[int] = frozenset()) -> Optional[BoxTitle]:
    """The title of a box that the lines right under `block` may form: one short line that names a period
    or a unit and states no figure ("Fakta: prognos för 2028, miljarder kronor"), or the title of one of
    several parallel cards (`card_titles`, from parallel_card_titles), which names their group."""
    text = doc.text.strip()
    if not _is_title_line(block, text) or doc.spans.get(QUANTITIES):
        return None  # ("Startår: 2019" is a line of a box, the year its value: no title of the lines below)
    years = [m for m in find_year_mentions(text) if m[2] in ("year", "during", "span")]
    phrase = unit_phrase(text)
    unit = unit_note_scale(phrase) if phrase else None
    period = years[-1][3] if len(years) == 1 else None
    group = text if block.order in card_titles else None
    if period is None and unit is None and group is None:
        return None
    heading = block.section + (block.text,) if block.kind == "heading" else None
    return BoxTitle(block.section, period, unit, block.line_end, heading, group)


def in_box(title: Optional[BoxTitle], block: Block, text: str) -> bool:
    """Whether `block` is the next "Label: value" line of the box under `title`."""
    return title is not None and block.section in (title.section, title.heading) and block.line_start == title.last_line + 1 \
        and is_label_value(_BULLET.sub("", text).strip())


def apply_box(facts: Sequence[Fact], title: BoxTitle) -> list[Fact]:
    """The facts of a box line with the title's period (where the line named none) and unit (where the
    figure was printed bare)."""
    out = []
    for f in facts:
        if title.period and f.period_source in ("report", "section"):
            f = replace(f, period=title.period, period_source="box")
        if title.unit and f.unit == COUNT_UNIT and _BARE_FIGURE.match(f.printed.strip()):
            unit, scale = title.unit
            f = replace(f, value=f.value * scale, unit=unit, scale=scale)
        if title.group and not any(k in dict(f.breakdown) for k in ("grupp", "post")):
            f = replace(f, breakdown=tuple(sorted(dict(f.breakdown, grupp=title.group).items())))
        out.append(f)
    return out


__all__ = ["BoxTitle", "apply_box", "box_title", "in_box", "parallel_card_titles"]
