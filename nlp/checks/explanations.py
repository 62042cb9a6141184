"""Where a report explains why its figure differs: a revision, or a change of definition.

A changed figure is an error only when nobody says why. The explanation may sit in the
figure's own sentence or footnote ("2018 ändrade myndigheterna sättet att mäta resultaten"),
in a footnote whose marker is on the figure, its table or the heading above it, in a sentence
of the same section that names the measure ("en utebliven transaktion ... felaktigt
överskott"), or in the measure catalogue (Measure.notes). Shares of one measure computed over
different populations ("av alla som fått avslag" against "utifrån de som avslutat
sjukfall") differ by definition too.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator, Optional, Sequence

from ingest.records import Document
from nlp.checks.context import CheckContext
from nlp.checks.document_index import DocumentIndex, heading_key
from nlp.checks.words import (
    DATA_NOUNS,
    DEFINITION_CUES,
    DEFINITION_PATTERNS,
    DENOMINATOR_LEADS,
    NOT_EXPLAINED,
    OTHER_PUBLICATIONS,
    REVISION_CUES,
)
from nlp.records import Fact

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ0-9(])|\n+")
_WORD = re.compile(r"[a-zåäöéü]{5,}")
_DEFINITION = re.compile("|".join(DEFINITION_PATTERNS))


@dataclass(frozen=True)
class Explanation:
    kind: str  # "revision" or "definition"
    text: str  # the words quoted
    doc: str  # "" for the catalogue
    source: str  # "fotnot 23", "samma mening", "samma avsnitt", "måttkatalogen", ...
    page: Optional[int] = None
    line: Optional[int] = None

    def cite(self) -> str:
        where = [self.source]
        if self.page is not None:
            where.append(f"s. {self.page}")
        if self.line is not None:
            where.append(f"rad {self.line}")
        origin = f"{self.doc}, " if self.doc else ""
        return f"({origin}{', '.join(where)})"


def sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_END.split(text or "") if s.strip()]


def classify(sentence: str) -> Optional[str]:
    """"definition" or "revision" when the sentence says a figure was measured or set anew."""
    low = sentence.lower()
    if any(n in low for n in NOT_EXPLAINED):
        return None
    if any(c in low for c in DEFINITION_CUES) or _DEFINITION.search(low):
        return "definition"
    if any(c in low for c in REVISION_CUES) and any(n in low for n in DATA_NOUNS):
        if any(p in low for p in OTHER_PUBLICATIONS) and "skiljer sig från" in low:
            return None  # explains a difference from another publication, not between these
        return "revision"
    return None


def explain(facts: Sequence[Fact], context: CheckContext) -> Optional[Explanation]:
    """The first explanation found for why these facts (one measure, period, breakdown) differ."""
    periods = [f.year for f in facts if f.year is not None]
    found = [e for e in _candidates(facts, context) if e.kind != "definition" or _before_change(e, periods)]
    definitions = [e for e in found if e.kind == "definition"]
    return (definitions or found or [None])[0]


def _before_change(e: Explanation, periods: Sequence[int]) -> bool:
    """A change of method in year Y explains figures for Y and the years before, not after: "2018
    ändrade myndigheterna sättet att mäta" covers 2016 to 2018, not 2019; "Uppgiften för 2026 har
    tagits fram enligt det nya räknesättet" covers 2026. The catalogue's notes carry their own
    years and are checked where they are read."""
    if e.source.startswith(("måttkatalogen", "olika nämnare")) or not periods:
        return True
    years = [int(y) for y in re.findall(r"\b(?:19|20)\d{2}\b", e.text)]
    return not years or any(y >= min(periods) for y in years)


def _candidates(facts: Sequence[Fact], context: CheckContext) -> Iterator[Explanation]:
    """The reports' own words first, then populations that differ, then the catalogue's notes."""
    yield from _from_reports(facts, context)
    yield from _from_denominators(facts, context)
    yield from _from_catalogue(facts, context)


def _from_reports(facts: Sequence[Fact], context: CheckContext) -> Iterator[Explanation]:
    numbers = {_digits(f.printed) for f in facts if _digits(f.printed)}
    for fact in facts:
        doc = context.document(fact.doc)
        if doc is None:
            for s in sentences(fact.quote):
                kind = classify(s)
                if kind:
                    yield Explanation(kind, s, fact.doc, "samma mening", fact.page, fact.line)
            continue
        index = document_index(doc, context)
        yield from _from_own_text(fact, index)
        yield from _from_footnotes(fact, index, context, numbers)
        yield from _from_section(fact, index, context, numbers)
    for doc_id in dict.fromkeys(f.doc for f in facts):
        doc = context.document(doc_id)
        if doc is not None:
            yield from _from_notes_quoting_figures(document_index(doc, context), numbers, context)


def document_index(doc: Document, context: CheckContext) -> DocumentIndex:
    """The lookups into `doc`, made once per check run."""
    return context.cached(("document_index", doc.id, id(doc)), lambda: DocumentIndex(doc))


def _explaining(text: str, context: CheckContext) -> list[tuple[str, str]]:
    """(sentence, "definition" or "revision") for each sentence of `text` that classify() accepts,
    worked out once per text and check run."""
    known = context.cached("explaining_sentences", dict)
    found = known.get(text)
    if found is None:
        found = known[text] = [(s, kind) for s in sentences(text) for kind in [classify(s)] if kind]
    return found


def _digits(printed: str) -> str:
    """The number in a print, as digits and comma only: "4 602" -> "4602"."""
    m = re.search(r"\d[\d \u00a0\u202f\u2009]*(?:,\d+)?", printed or "")
    return re.sub(r"[ \u00a0\u202f\u2009]", "", m.group(0)) if m else ""


def _names_it(sentence: str, fact: Fact, context: CheckContext, numbers: set[str]) -> bool:
    """A sentence found near the fact (not on it) counts only when it names the measure or
    one of the disagreeing figures: "Antalet avslutade ... reviderats från 4 571 till 4 602"
    explains the count of those who ended, not the share with work capacity beside it."""
    low = sentence.lower()
    if any(w in low for w in measure_words(fact, context)):
        return True
    present = {_digits(m) for m in re.findall(r"\d[\d \u00a0\u202f\u2009]*(?:,\d+)?", sentence)}
    return bool(numbers & present)


def _from_own_text(fact: Fact, index: DocumentIndex) -> Iterator[Explanation]:
    texts = [(fact.quote, "samma mening", fact.page, fact.line)]
    block = index.block(fact.block)
    if block is not None:
        texts.append((block.text, "samma stycke", block.page, block.line_start))
    note = index.footnote(fact.block)
    if note is not None:
        texts.append((note.text, f"fotnot {note.number}", note.page, note.line))
    for text, source, page, line in texts:
        for s in sentences(text):
            kind = classify(s)
            if kind:
                yield Explanation(kind, s, fact.doc, source, page, line)


def anchors(fact: Fact, index: DocumentIndex) -> tuple[set[str], set[str]]:
    """Ids a footnote marker may sit on: (on the fact itself, near it).

    On the fact: its block or cell, and the header cells of its own row and column. Near it:
    the table (a marker in the caption), the headings above it, other cells of the table.
    """
    own = {i for i in (fact.block, fact.cell) if i}
    near: set[str] = set()
    table = index.table_of(fact)
    section: tuple[str, ...] = ()
    if table is not None:
        row, col = _cell_pos(fact.cell)
        own.update(c.id for c in table.cells if c.is_header and (c.row == row or c.col == col))
        near.add(table.id)
        near.update(c.id for c in table.cells)
        section = table.section
    else:
        block = index.block(fact.block)
        section = block.section if block is not None else ()
    near |= index.heading_ids({heading_key(h) for h in section})
    return own, near - own


def _from_footnotes(fact: Fact, index: DocumentIndex, context: CheckContext, numbers: set[str]) -> Iterator[Explanation]:
    own, near = anchors(fact, index)
    table = index.table_of(fact)
    for note in index.notes_marked_on(own | near, table):
        refs = set(note.marker_refs)
        direct = bool(own & refs)
        nearby = bool(near & refs) or not refs  # a note without markers comes only as the one nearest the table
        if not direct and not nearby:
            continue
        for s, kind in _explaining(note.text, context):
            if direct or _names_it(s, fact, context, numbers):
                yield Explanation(kind, s, fact.doc, f"fotnot {note.number}", note.page, note.line)


def _from_section(fact: Fact, index: DocumentIndex, context: CheckContext, numbers: set[str]) -> Iterator[Explanation]:
    """Sentences in the fact's own section that name its measure or one of the figures."""
    table = index.table_of(fact)
    block = index.block(fact.block)
    section = table.section if table is not None else (block.section if block is not None else None)
    if section is None:
        return
    explaining = context.cached(("section_explaining", index.document.id, id(index.document), section),
                                lambda: [(b, found) for b in index.section_blocks(section) if b.kind != "heading"
                                         for found in [_explaining(b.text, context)] if found])
    for b, found in explaining:  # the section's blocks that say why a figure changed, not every block of it
        if block is not None and b.id == block.id:
            continue
        for s, kind in found:
            if _names_it(s, fact, context, numbers):
                yield Explanation(kind, s, fact.doc, "samma avsnitt", b.page, b.line_start)


# Figures this short ("12", "5,5") stand in too many places to tie a note to a conflict.
MIN_QUOTED_DIGITS = 3


def _from_notes_quoting_figures(index: DocumentIndex, numbers: set[str], context: CheckContext) -> Iterator[Explanation]:
    """A footnote or paragraph anywhere in a report that quotes one of the disagreeing figures
    and says why it changed ("Uppgiften för 2026 är korrigerad. I förra årets rapport angavs 3 874
    ..."): its marker may stand on another sentence than the figures the checks compare, but the
    figure it quotes ties it to them. The cue and the figure may be in different sentences of it."""
    quoted = {n for n in numbers if len(n.replace(",", "")) >= MIN_QUOTED_DIGITS}
    if not quoted:
        return
    units, quoting = context.cached(("quoted_figures", index.document.id, id(index.document)),
                                    lambda: _figures_quoted(index.document))
    for i in sorted(set().union(*(quoting.get(n, ()) for n in quoted))):
        text, source, page, line = units[i]
        for s, kind in _explaining(text, context)[:1]:
            yield Explanation(kind, s, index.document.id, source, page, line)


def _figures_quoted(doc: Document) -> tuple[list[tuple[str, str, Optional[int], Optional[int]]], dict[str, list[int]]]:
    """The footnotes and non-heading blocks of `doc` as (text, source, page, line), and for each
    figure (as _digits() gives it) the positions of those that print it."""
    units = [(n.text, f"fotnot {n.number}", n.page, n.line) for n in doc.footnotes]
    units += [(b.text, "samma rapport", b.page, b.line_start) for b in doc.blocks if b.kind != "heading"]
    quoting: dict[str, list[int]] = {}
    for i, (text, *_) in enumerate(units):
        for figure in {_digits(m) for m in re.findall(r"\d[\d \u00a0\u202f\u2009]*(?:,\d+)?", text)}:
            quoting.setdefault(figure, []).append(i)
    return units, quoting


def measure_words(fact: Fact, context: CheckContext) -> set[str]:
    """Lower-case words that name the fact's measure: catalogue lemmas and phrases, label words."""
    m = context.measures.get(fact.measure)
    words = set()
    if m is not None:
        words.update(x.lower() for x in m.lemmas + m.phrases if x)
    else:
        words.update(_WORD.findall((fact.measure_label or "").lower()))
    return {w for w in words if len(w) >= 5} - {"antal", "andel", "antalet", "andelen", "individer"}


def _from_catalogue(facts: Sequence[Fact], context: CheckContext) -> Iterator[Explanation]:
    """Notes in the measure catalogue whose years cover the period and that say what changed.

    A note is read like any sentence: one that records a difference without explaining it
    ("förklaras inte i rapporterna") explains nothing.
    """
    if not facts:
        return
    m = context.measures.get(facts[0].measure)
    if m is None or not m.notes:
        return
    periods = [f.year for f in facts if f.year is not None]
    for note in m.notes:
        start, end = _years(note.years)
        if start is None or not any(start <= p <= (end or 9999) for p in periods):
            continue
        kind = classify(note.text)
        if kind:
            yield Explanation(kind, note.text, "", f"måttkatalogen{': ' + note.source if note.source else ''}")


def _years(text: str) -> tuple[Optional[int], Optional[int]]:
    ys = [int(y) for y in re.findall(r"(?:19|20)\d{2}", text or "")]
    if not ys:
        return None, None
    if len(ys) == 1:
        return ys[0], (None if (text or "").strip().endswith(("-", "–")) else ys[0])
    return ys[0], ys[1]


def denominator(text: str) -> Optional[str]:
    """The population a share is of, as content words: "fått avslag sjukpenning"."""
    low = (text or "").lower()
    for lead in DENOMINATOR_LEADS:
        i = low.find(lead)
        if i < 0:
            continue
        tail = re.split(r"[,.;:()]|\s\d", low[i + len(lead):], maxsplit=1)[0]
        words = [w for w in re.findall(r"[a-zåäö]+", tail) if len(w) > 3][:5]
        if words:
            return " ".join(words)
    return None


def _fact_denominator(fact: Fact, context: CheckContext) -> Optional[tuple[str, str]]:
    texts = [fact.quote]
    doc = context.document(fact.doc)
    if doc is not None:
        index = document_index(doc, context)
        table = index.table_of(fact)
        if table is not None:
            texts.insert(0, table.caption)
        own, _ = anchors(fact, index)
        texts += [n.text for n in index.notes_marked_on(own)]
    for t in texts:
        d = denominator(t)
        if d:
            return d, t
    return None


def _from_denominators(facts: Sequence[Fact], context: CheckContext) -> Iterator[Explanation]:
    shares = [f for f in facts if f.unit == "procent"]
    if len({f.doc for f in shares}) < 2:
        return
    seen: dict[str, tuple[Fact, str]] = {}
    for f in shares:
        d = _fact_denominator(f, context)
        if d is None:
            continue
        key = _stems(d[0])
        for other_key, (other, text) in seen.items():
            if other.doc != f.doc and _overlap(key, other_key) < 0.5:
                yield Explanation(
                    "definition",
                    f"{other.doc}: ”{_clip(text)}” – {f.doc}: ”{_clip(d[1])}”",
                    "",
                    "olika nämnare",
                )
                return
        seen[key] = (f, d[1])


def _stems(words: str) -> str:
    return " ".join(sorted({w[:5] for w in words.split()}))


def _overlap(a: str, b: str) -> float:
    sa, sb = set(a.split()), set(b.split())
    return len(sa & sb) / max(1, min(len(sa), len(sb)))


def _clip(text: str, n: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def _cell_pos(cell: Optional[str]) -> tuple[Optional[int], Optional[int]]:
    m = re.search(r":r(\d+)c(\d+)$", cell or "")
    return (int(m.group(1)), int(m.group(2))) if m else (None, None)


