"""A document's running text -> Facts, carrying from paragraph to paragraph what a section
goes on about: the span of years it describes, the year a paragraph opened with, the förmån of
its population, the year of a survey, the period of a list's lead sentence, a key-figure box.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import replace
from typing import Callable, Optional, Sequence

from spacy.language import Language
from spacy.tokens import Doc

from ingest.records import Document
from nlp.boxes import BoxTitle, apply_box, box_title, in_box, parallel_card_titles
from nlp.components.periods import paren_ranges
from nlp.measures import MeasureMatcher
from nlp.prose.articles import article_at, as_of, find_articles
from nlp.prose.breakdown import POPULATION_BEFORE, doc_terms
from nlp.prose.figure_facts import doc_to_facts
from nlp.prose.periods import CARRIED_SPAN_BEFORE
from nlp.prose.sources import TextSource, pipeline_text, text_sources
from nlp.records import Fact
from nlp.sv.breakdowns import find_terms
from nlp.sv.periods import BUDGET_YEAR, find_parts_of_year, find_year_mentions
from nlp.sv.stop_words import STOP_WORDS
from nlp.sv.surveys import SURVEY_WORDS


# "Tidsserierna omfattar åren 2016–2027", "Tabellerna avser perioden ...": the span of the series and tables,
# each figure of which has a year of its own, not the period of the prose that follows
_SERIES_SUBJECT = re.compile(r"\b(?:tids)?serie(?:n|r|rna)?\b|\btidsserie\w*|\btabell(?:en|erna)\b|\bdiagrammen\b",
                             re.IGNORECASE)


def extract_prose_facts(document: Document, nlp: Language, matcher: MeasureMatcher, batch_size: int = 64,
                        on_source: Optional[Callable[[TextSource], None]] = None) -> list[Fact]:
    """Facts from the running text and footnotes of one document (ids left empty: see nlp.extract).

    The texts stream through the pipeline `batch_size` at a time; on_source is called with each one
    once its facts are read (for progress).
    """
    sources = text_sources(document)
    pairs = ((pipeline_text(s), s) for s in sources)
    facts: list[Fact] = []
    carried: dict[tuple[str, ...], str] = {}  # section -> the span of years it describes (its subsections too)
    local: dict[tuple[str, ...], str] = {}  # section -> the year a paragraph of it opened with (that section only)
    budget_year = next((m.group("year") for b in document.blocks for m in [BUDGET_YEAR.search(b.text)] if m), None)
    population: dict[tuple[str, ...], Optional[str]] = {}  # section -> the förmån its paragraphs are about
    fieldwork = survey_year(sources)
    captions = sorted(b.order for b in document.blocks if b.kind == "caption")
    introduced: dict[tuple[str, ...], int] = {}  # section -> the block whose closing ":" introduced its carried period
    box: Optional[BoxTitle] = None  # the title of the key-figure box the lines now read may belong to
    card_titles = parallel_card_titles(document.blocks)
    leads = {a.block.order for a, b in zip(sources, sources[1:]) if b.block.kind == "list_item" and a.block.kind != "list_item"}
    lead_period: Optional[str] = None  # the period of the sentence the list now read completes
    articles = find_articles(document)  # news pieces: each its own now, and the year its lead is about
    article = None
    for doc, source in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
        piece = article_at(articles, source.block.order)
        if piece is not article:
            # a new news piece starts over: nothing an earlier piece said frames it
            article, lead_period, box = piece, None, None
            for frames in (carried, local, population, introduced):
                frames.clear()
        section = source.block.section
        if source.block.kind != "list_item":
            lead_period = None
        if section in introduced and _caption_between(captions, introduced[section], source.block.order):
            # "Diagram (andel, %):" introduces what stands below it, up to the next caption ("Bild 8", "Tabell 3")
            carried.pop(section, None)
            del introduced[section]
        frame = (lead_period if source.block.kind == "list_item" else None) or local.get(section) \
            or _inherited(carried, section) or (article.subject if article else None)
        found = list(doc_to_facts(doc, source, as_of(document, article), matcher, frame, budget_year,
                                  population.get(section) if source.kind != "footnote" else None, fieldwork,
                                  heading_forman(section)))
        if in_box(box, source.block, doc.text):
            found = apply_box(found, box)
            box = replace(box, last_line=source.block.line_end)
        else:
            box = box_title(doc, source.block, card_titles) if source.kind != "footnote" else None
        facts.extend(found)
        if source.kind != "footnote":
            named = paragraph_population(doc)
            if named is not None:
                population[section] = named or None  # "" (several named): the section's population is open again
        span = carried_span(doc.text)
        introducing = introduced_period(doc.text) if not span else None
        span = span or introducing
        opened = None if span else opening_year(doc.text)
        if span and source.kind != "footnote":
            carried[section] = span
            local.pop(section, None)
            if introducing:
                introduced[section] = source.block.order
            else:
                introduced.pop(section, None)
        elif opened and source.kind != "footnote":
            local[section] = opened  # a year the paragraph opens with frames its own section only
        elif source.kind != "footnote" and any(f.period_source == "survey" for f in found):
            carried[section] = fieldwork  # the paragraphs after a survey's figures go on about its answers
        if source.block.order in leads:
            lead_period = list_lead_period(doc.text)
        if on_source is not None:
            on_source(source)
    return facts


def list_lead_period(text: str) -> Optional[str]:
    """The period a sentence names when a list completes it ("Arbetsförmedlingen föreslår att regeringen för 2029
    beslutar" / "• att anslagskrediten ... uppgår till 3 procent"): each item is about that period. A lead that
    ends its own sentence ("... 2029.") does not carry into the list; one that ends in ":" is introduced_period's."""
    stripped = text.rstrip()
    if not stripped or stripped[-1] in ".!?:" or find_parts_of_year(text):
        return None  # ("I korthet: jan–sep 2027": part of a year, which the items' own reading keeps)
    parens = paren_ranges(text)
    named = [m for m in find_year_mentions(text) if m[2] in ("during", "span", "year") and not any(o < m[0] < c for o, c in parens)]
    return named[-1][3] if named else None


def _caption_between(captions: Sequence[int], after: int, before: int) -> bool:
    """Whether a caption's order (`captions` sorted) lies strictly between two blocks' orders."""
    i = bisect_right(captions, after)
    return i < len(captions) and captions[i] < before


_HEADING_LABEL = re.compile(r"^\s*(?:§\s*)?(?:\d{1,2}(?:\.\d{1,2}){0,3}\.?|[A-Z]\.?\d*)\s+")
# "Svar på interpellation 2026/27:203 om sjukskrivna som nekas sjukpenning": what the item is about
_ABOUT = re.compile(r"\bom\s+(.+)$", re.IGNORECASE)


def heading_forman(section: Sequence[str]) -> Optional[str]:
    """The förmån a section is about when its heading is that förmån's name ("4.3 Sjukpenning och
    rehabiliteringspenning"), or it says what the section is about and that names only it ("§ 6 Svar
    på interpellation ... om aktivitetsersättning för unga"). "Höjt inkomsttak i sjukpenningen" is
    about a ceiling, and "Sjukersättning och aktivitetsersättning" about two."""
    for depth in range(len(section) - 1, -1, -1):
        text = _HEADING_LABEL.sub("", section[depth])
        terms = [t for t in find_terms(text) if t.key == "forman" and t.value]
        if terms and len({t.value for t in terms}) == 1 and terms[0].start == 0:
            if _names_other_topic(text, section[depth + 1:]):
                return None  # "4.4 Samarbetet med Arbetsförmedlingen" under "4 Sjukpenning, rehabilitering och samarbetet ..."
            return terms[0].value
        about = _ABOUT.search(text)
        if terms and about and len({t.value for t in terms}) == 1 and all(t.start >= about.start(1) for t in terms):
            return terms[0].value  # "... om aktivitetsersättning för unga", "... om sjukskrivna som nekas sjukpenning"
        if terms:
            return None
    return None


_CONJUNCTS = re.compile(r",\s*|\s+(?:och|samt)\s+")


def _names_other_topic(heading: str, below: Sequence[str]) -> bool:
    """Whether a heading that lists several topics ("Sjukpenning, rehabilitering och samarbetet med
    Arbetsförmedlingen") has a subsection among `below` about one of those that is no förmån: that
    subsection is about its topic, not about the förmån the heading opens with."""
    others = [c for c in _CONJUNCTS.split(heading) if c.strip() and not any(t.key == "forman" for t in find_terms(c))]
    words = {w[:6] for c in others for w in re.findall(r"[\wåäöÅÄÖ]+", c.lower()) if len(w) >= 5 and w not in STOP_WORDS}
    return any(w[:6] in words for title in below for w in re.findall(r"[\wåäöÅÄÖ]+", _HEADING_LABEL.sub("", title).lower())
               if len(w) >= 5 and w not in STOP_WORDS)


def _inherited(carried: dict[tuple[str, ...], str], section: tuple[str, ...]) -> Optional[str]:
    """The period a section's text carries, or failing that its parent section's: "12 Resultat" says the
    analysis covers "åren 2006–2008", and "12.1 Vilka deltar" goes on about the same years."""
    for depth in range(len(section), 0, -1):
        if section[:depth] in carried:
            return carried[section[:depth]]
    # text under no heading at all (a slide deck, a letter) carries within itself, never into chapters
    return carried.get(()) if not section else None


_FIELDWORK_ROLES = ("during",)  # "i februari 2026", "under hösten 2019": when it was done


def survey_year(sources: Sequence[TextSource]) -> Optional[str]:
    """The year the document's survey or interviews were done, from the first sentence that names
    both ("Enkäten skickades i februari 2026 till 1 832 handläggare"); None when none does."""
    for source in sources:
        if source.kind == "footnote":
            continue
        for sentence in re.split(r"(?<=[.!?])\s+", source.text):
            word = SURVEY_WORDS.search(sentence)
            if not word:
                continue
            parens = paren_ranges(sentence)
            years = [m for m in find_year_mentions(sentence) if m[2] in _FIELDWORK_ROLES and m[3].isdigit()
                     and not any(o < m[0] < c for o, c in parens) and not sentence[m[1]:m[1] + 1] == "-"]
            if years:
                return min(years, key=lambda m: abs(m[0] - word.start()))[3]
    return None


def paragraph_population(doc: Doc) -> Optional[str]:
    """The one förmån a paragraph names as its population ("Av de personer som fick avslag på
    sjukpenning ..."), "" when it names several, None when it names none."""
    named = {t.value for t in doc_terms(doc) if t.key == "forman" and t.value
             and POPULATION_BEFORE.search(doc.text[max(0, t.start - 40):t.start])}
    if not named:
        return None
    return named.pop() if len(named) == 1 else ""


def carried_span(text: str) -> Optional[str]:
    """The last span of years in `text` that reads as the period of a whole passage."""
    parens = paren_ranges(text)
    found = None
    for start, end, role, period in find_year_mentions(text):
        if role != "span" or any(o < start < c for o, c in parens):
            continue
        if CARRIED_SPAN_BEFORE.search(text[max(0, start - 12):start]) and not _SERIES_SUBJECT.search(text[:start]):
            found = period
    return found


def opening_year(text: str) -> Optional[str]:
    """The year a paragraph opens with as its time frame ("Under 2025 avslutade 6 140 personer ..."):
    the paragraphs after it go on about that year, not about a span an earlier paragraph named."""
    head = text[:60]
    found = [m for m in find_year_mentions(head) if m[2] == "during" and m[1] < len(head)]
    return found[0][3] if found and found[0][0] <= 12 else None


def introduced_period(text: str) -> Optional[str]:
    """The period a text that introduces a list names ("Resultat för de 2 694 personer som avslutade en
    insats under januari–oktober 2026:"): the items after it are about that period."""
    if not text.rstrip().endswith(":"):
        return None
    parens = paren_ranges(text)
    named = [m for m in find_year_mentions(text) if m[2] in ("during", "span", "year") and not any(o < m[0] < c for o, c in parens)]
    return named[-1][3] if named else None
