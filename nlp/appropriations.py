"""Appropriations (anslag) named in a document, and the amounts of running text that are theirs.

Swedish state budget texts (regleringsbrev, budgetpropositioner, betänkanden, budgetunderlag) name an
appropriation by its number and name, "1:1 Arbetsförmedlingens förvaltningskostnader", in a table row or a
heading, and refer to it after that by its number alone: "anslaget 1:1 för 2029 uppgår till 8 412 000 tkr". An
amount of money in a sentence about an appropriation is that appropriation's: its `post` is the name, and the
agency in a name ("Arbetsförmedlingens ...") is part of the name, not a group the amount is split by. The tables'
side of this is nlp.tables.across_cells.appropriations_own_their_amounts.
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Mapping, Optional, Sequence

from ingest.records import Block, Document
from nlp.records import UNCLASSIFIED, Fact, Measure
from nlp.sv.breakdowns import names_agency
from nlp.sv.budget import CODE, SEVERAL_APPROPRIATIONS, AppropriationMention, appropriation_code, appropriation_name, find_appropriation_mentions

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ0-9\"”])")


def appropriations_named(document: Document) -> dict[str, str]:
    """The appropriations a document names in full, by number ("1:3" -> "Kostnader för arbetsmarknadspolitiska
    program och insatser"), from a row label or a heading, else from running text ("anslaget 1:6 Bidrag för
    sjukskrivningsprocessen ökas ..."), so that "Beställningsbemyndigande för anslaget 1:3" names one too. A number
    given two names by labels and headings (1:1 of two utgiftsområden) names none."""
    seen: dict[str, set[str]] = {}
    labels = [h for t in document.tables for c in t.cells for h in (*c.row_headers, *c.col_headers)]
    labels += [b.text for b in document.blocks if b.kind == "heading"]
    for label in labels:
        name = appropriation_name(label, at_start=True)
        code = appropriation_code(label)
        if name and code:
            seen.setdefault(code, set()).add(name)
    named = {code: names.pop() for code, names in seen.items() if len(names) == 1}
    in_text: dict[str, str] = {}
    for block in document.blocks:
        if block.kind == "heading":
            continue
        for mention in find_appropriation_mentions(block.text):
            if mention.name and mention.code not in seen:
                in_text.setdefault(mention.code, mention.name)  # the first full mention, as a reader learns it
    return {**in_text, **named}


def sentence_around(text: str, offset: int) -> tuple[int, int]:
    """The (start, end) of the sentence of `text` that holds `offset`."""
    start, end = 0, len(text)
    for m in _SENTENCE_END.finditer(text):
        if m.end() <= offset:
            start = m.end()
        elif m.start() >= offset:
            end = m.start()
            break
    return start, end


def mention_of(mentions: Sequence[AppropriationMention], at: int) -> Optional[AppropriationMention]:
    """The appropriation an amount at `at` belongs to: the last one named before it in its sentence ("anslaget 1:1
    ... ökas med 1 200 miljoner kronor och anslaget 1:2 ... med 850 miljoner kronor"), or the one the sentence names
    after it ("högst 2 500 tkr av anslaget 2:1 ap.1")."""
    before = [m for m in mentions if m.end <= at]
    if before:
        return before[-1]
    return mentions[0] if len(mentions) == 1 else None


def measure_appropriations(measure: Measure) -> set[str]:
    """The appropriation numbers a catalogue measure's definition restricts it to ("Det särskilda anslaget (anslag
    1:6, utgiftsområde 10) ..." -> {"1:6"}); empty for a measure of any money."""
    return set(CODE.findall(measure.definition))


def appropriations_own_prose_amounts(document: Document, facts: Sequence[Fact], by_key: Mapping[str, Measure],
                                     named: Optional[dict[str, str]] = None) -> list[Fact]:
    """Amounts of money in running text with the appropriation their sentence names as their post, and no agency
    of their sentence's: those no catalogue measure claims, and those a measure of another appropriation claimed
    through the word "anslag" alone (the catalogue's special anslag 1:6 is not "anslaget 1:1 ...")."""
    named = appropriations_named(document) if named is None else named
    blocks: dict[str, Block] = {b.id: b for b in document.blocks}
    out = []
    for f in facts:
        block = blocks.get(f.block or "")
        measure = by_key.get(f.measure)
        codes = measure_appropriations(measure) if measure is not None else set()
        if block is None or f.offset is None or f.cell or not f.unit.startswith("kronor") \
                or (f.measure != UNCLASSIFIED and not codes):
            out.append(f)
            continue
        start, end = sentence_around(block.text, f.offset)
        sentence = block.text[start:end]
        mentions = find_appropriation_mentions(sentence)
        mention = mention_of(mentions, f.offset - start)
        name = (mention.name or named.get(mention.code, "")) if mention else ""
        if codes and mention is None and SEVERAL_APPROPRIATIONS.search(sentence[:f.offset - start]):
            # "anslagen ökas med sammanlagt 3 360 miljoner kronor": the sum of several, not the one anslag the
            # measure is of
            out.append(replace(f, measure=UNCLASSIFIED, measure_label="", measure_score=0.0))
            continue
        if not name or (codes and mention.code in codes):
            out.append(f)
            continue
        if codes:
            f = replace(f, measure=UNCLASSIFIED, measure_label="", measure_score=0.0)
        parts = dict(f.breakdown, post=name[0].lower() + name[1:])  # budget lines are named in lower case
        # the appropriation says whose money it is: "Arbetsförmedlingen föreslår att anslaget 1:1 Arbetsförmedlingens
        # förvaltningskostnader ..." is no split by agency (a decision's addressee is given after this, nlp.addressee)
        if names_agency(name):
            parts.pop("myndighet", None)  # (not from "anslaget 1:6 Bidrag till förstärkt samarbete", which both draw on)
        out.append(replace(f, breakdown=tuple(sorted(parts.items()))))
    return out


__all__ = ["appropriations_named", "appropriations_own_prose_amounts", "measure_appropriations", "mention_of", "sentence_around"]
