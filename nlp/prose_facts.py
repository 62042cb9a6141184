"""Running text -> Facts: every figure in paragraphs, list items and footnotes.

Blocks go through `nlp.pipe(..., as_tuples=True)` with their TextSource (the Block, or the
few Blocks of one sentence that a page break or a footnote split) as the context, so each
figure is born knowing its block, line and section. For every quantity the components found
(nlp.components.quantities and .periods), this module decides
- the measure: catalogue cues in the sentence, earlier sentences of the paragraph and the
  headings above (nlp.measures); a comparison in parentheses ("(8 638 kartläggningar 2018)")
  takes the measure of the figure it follows;
- the breakdown: "56 respektive 53 procent" after "män än för kvinnor" pairs in order; else the
  nearest group word before the figure in its sentence, or the one its "av de som ..." clause
  names; a pair such as "kvinnor och män" is the total, not a group; "Av dem var 66 procent
  kvinnor" keeps the groups of the sentence before;
- the period: the components' answer, else the report's reporting_year;
- the kind: "summary" under a Sammanfattning heading, "footnote" for footnotes, else "body".
A range ("60–64 procent", "mellan 50 och 60 procent") is two facts, a lower bound ("over")
and an upper bound ("under").
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, replace
from typing import Callable, Iterator, Optional, Sequence

from spacy.language import Language
from spacy.tokens import Doc, Span

from ingest.records import Block, Document, Footnote
from nlp.boxes import BoxTitle, apply_box, box_title, in_box
from nlp.components.periods import paren_ranges
from nlp.components.quantities import NON_FACTS, QUANTITIES, Quantity
from nlp.sv.non_facts import EXAMPLE_SUBJECT
from nlp.measures import (GENERIC_WORDS, MIN_SCORE, ContextWord, MeasureMatch, MeasureMatcher, candidate_key,
                          is_generic_cue, settle_tie)
from nlp.records import UNCLASSIFIED, Breakdown, Fact, Measure
from nlp.sv.places import find_place_terms, is_place
from nlp.sv.breakdowns import DEFAULT_BREAKDOWN_KEYS, OPEN_AGE_AFTER, Term, age_value, find_group_terms, find_terms
from nlp.sv.captions import NOTE_PATTERN
from nlp.sv.stop_words import FIGURE_FILLER_WORDS, STOP_WORDS
from nlp.sv.numerals import NUMBER_WORDS
from nlp.sv.budget import OVERSPENT_AFTER, OVERSPENT_BEFORE
from nlp.sv.goals import GOAL_INTENT, GOAL_NOUN, GOAL_OUTCOME
from nlp.sv.statistics import MEAN_WORDS, MEDIAN_WORDS
from nlp.sv.surveys import SURVEY_WORDS
from nlp.part_year import report_part_of_year
from nlp.sv.periods import BUDGET_YEAR, LAST_YEAR_WORDS, MONTHS, PROPOSAL_CUES, find_parts_of_year, find_year_mentions, previous_years, resolve_period

# Block kinds read as running text. Headings count: "Ungefär tio procent av de som får avslag
# deltar vid omställningsmöte" states a figure. Tables of contents and source notes do not.
PROSE_KINDS = frozenset({"paragraph", "list_item", "caption", "footnote", "heading"})
SUMMARY_HEADINGS = ("sammanfattning", "summary")
HEADING_WEIGHT = 0.45
EARLIER_SENTENCE_WEIGHT = 0.4
OTHER_FIGURE_WEIGHT = 0.35
EXCLUDING_WORDS = frozenset({"utöver", "förutom", "exklusive", "undantaget"})
EXCLUDED_WEIGHT = 0.2  # a word nearer another figure of the sentence speaks for that one
_JOINERS = frozenset({"och", "eller", "samt", ",", "respektive", "/"})
# "Av dem var 66 procent kvinnor": the people the sentence before counted ("Bland dem som var 19–29 år" names
# a group of its own in the relative clause)
_ANAPHORA = re.compile(r"^\s*(?:av|bland)\s+(?:dem|dessa|de|den)\b(?!\s+som\b)", re.IGNORECASE)
_STOP = STOP_WORDS | FIGURE_FILLER_WORDS


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
    kept as a newline there; offsets stay those of the joined text."""
    text = list(source.text)
    for block, start in zip(source.blocks, source.starts):
        for br in block.line_breaks:
            pos = start + br
            if 0 < pos < len(text) and text[pos - 1] == " " and text[pos].isdigit():
                text[pos - 1] = "\n"
    return "".join(text)


# A span of years that a section goes on describing ("att under 2006–2008 bedriva ett projekt"):
# the words before it that make it the period of what follows, not a figure's own span.
_CARRIED_SPAN_BEFORE = re.compile(r"(?:under|åren|perioden|period)\s*$", re.IGNORECASE)


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
    leads = {a.block.order for a, b in zip(sources, sources[1:]) if b.block.kind == "list_item" and a.block.kind != "list_item"}
    lead_period: Optional[str] = None  # the period of the sentence the list now read completes
    for doc, source in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
        section = source.block.section
        if source.block.kind != "list_item":
            lead_period = None
        if section in introduced and _caption_between(captions, introduced[section], source.block.order):
            # "Diagram (andel, %):" introduces what stands below it, up to the next caption ("Bild 8", "Tabell 3")
            carried.pop(section, None)
            del introduced[section]
        frame = (lead_period if source.block.kind == "list_item" else None) or local.get(section) or _inherited(carried, section)
        found = list(doc_to_facts(doc, source, document, matcher, frame, budget_year,
                                  population.get(section) if source.kind != "footnote" else None, fieldwork,
                                  heading_forman(section)))
        if in_box(box, source.block, doc.text):
            found = apply_box(found, box)
            box = replace(box, last_line=source.block.line_end)
        else:
            box = box_title(doc, source.block) if source.kind != "footnote" else None
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


def _survey_figure(doc: Doc, span: Span, period_source: str) -> bool:
    """True for a figure of a survey or interviews: its clause names one after the year the
    sentence names ("avser perioden 2021–2025 och bygger på ... en enkät som besvarades av 1 245"),
    or, when it has no year of its own, its sentence or the one before names one."""
    if not doc.has_annotation("SENT_START") or period_source in ("following", "parenthesis", "from_to"):
        return False
    sent = span.sent
    before = doc.text[sent.start_char:span.start_char]
    if period_source == "sentence":
        parens = paren_ranges(before)
        years = [m for m in find_year_mentions(before) if not any(o < m[0] < c for o, c in parens)]
        return bool(years) and bool(SURVEY_WORDS.search(before[years[-1][1]:]))
    if period_source:
        return False
    earlier = [s for s in doc.sents if s.end <= sent.start]
    text = sent.text + (" " + earlier[-1].text if earlier else "")
    return bool(SURVEY_WORDS.search(text))


def paragraph_population(doc: Doc) -> Optional[str]:
    """The one förmån a paragraph names as its population ("Av de personer som fick avslag på
    sjukpenning ..."), "" when it names several, None when it names none."""
    named = {t.value for t in _terms(doc) if t.key == "forman" and t.value
             and _POPULATION_BEFORE.search(doc.text[max(0, t.start - 40):t.start])}
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
        if _CARRIED_SPAN_BEFORE.search(text[max(0, start - 12):start]) and not _SERIES_SUBJECT.search(text[:start]):
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


_CHANGE_VERBS = (
    r"ökat|ökade|minskat|minskade|sjunkit|sjönk|stigit|steg|förbättrats|förbättrades|försämrats|försämrades"
    r"|vuxit|växte|fallit|föll"
    # a change proposed or made: "höjs med 60 öre", "sänks med 9 öre", "ökas med 250 miljoner"
    r"|höjs|höjts|höjdes|höjer|sänks|sänkts|sänktes|sänker|ökas|ökats|ökar|minskas|minskats|minskar|stiger|sjunker")
_CHANGE_NOUNS = (r"en\s+ökning|en\s+minskning|en\s+förbättring|en\s+försämring|en\s+uppgång|en\s+nedgång"
                 r"|ökningen|minskningen|uppgången|nedgången|en\s+höjning|en\s+sänkning|höjningen|sänkningen")
_CHANGE_QUALIFIER = r"(?:cirka\s+|drygt\s+|knappt\s+|ungefär\s+|nästan\s+)?$"
_CHANGE_BEFORE = re.compile(
    # ("tillförs 1,2 miljarder", "förstärks med 310 miljoner" are amounts added, not a level's change)
    rf"\b(?:({_CHANGE_NOUNS})\s+(?:med\s+|på\s+)?|({_CHANGE_VERBS})(?:\s+(?:med\s+|på\s+)?"
    # the subject or an adverb may stand between the verb and "med": "ökade antalet med 424",
    # "steg andelen med", "har tiden minskat något, med 29 dagar" ("ökade jämfört med 8 991" compares)
    r"|(?:\s+(?!jämfört|jämförelse)[^\W\d]+,?){1,4}?\s+med\s+))"
    + _CHANGE_QUALIFIER, re.IGNORECASE)
# "ökade från 8 514 till 10 324, det vill säga med 21 procent": the size of the change the sentence
# named before, restated after it
_CHANGE_RESTATED = re.compile(r"(?:,|\b(?:det\s+vill\s+säga|dvs\.?|d\.v\.s\.?|alltså|eller))\s+med\s+" + _CHANGE_QUALIFIER,
                              re.IGNORECASE)
_CHANGE_WORD = re.compile(rf"\b({_CHANGE_VERBS})\b", re.IGNORECASE)
_INCREASE = ("ökat", "ökade", "stigit", "steg", "en ökning", "en uppgång", "ökningen", "uppgången", "en höjning", "höjningen",
             "höjs", "höjts",
             "höjdes", "höjer", "ökas", "ökats", "ökar", "stiger", "vuxit", "växte")
# "förbättrades med två procentenheter" is a change, but whether the figure rose or fell depends
# on the measure (fewer days is better), so it names no direction.
_NO_DIRECTION = ("förbättrats", "förbättrades", "försämrats", "försämrades", "en förbättring", "en försämring")
# A change stated after the figure, against an earlier year: "17 färre än året innan",
# "30 fler än föregående år", "fem procentenheter lägre än 2029".
_CHANGE_AFTER = re.compile(
    r"^\s*(?:[\wåäö]+\s+){0,2}?(fler|färre|mer|mindre|högre|lägre|kortare|längre|större|snabbare|långsammare)"
    # the later year or the noun counted may stand between: "11 procentenheter högre 2025 än 2021",
    # "238 fler kartläggningar än 2024"
    r"\s+(?:[^\W\d]+\s+)?(?:(?:år\s+)?(?:19|20)\d\d\s+)?än\s+"
    # the same month, quarter or time of an earlier year: "än samma månad föregående år", "än i oktober 2025",
    # "än tredje kvartalet 2025", "än vid samma tidpunkt ett år tidigare"
    r"(?:(?:i|under|vid)\s+)?(?:samma\s+(?:månad|period|kvartal|tid|tidpunkt)\s+|(?:" + "|".join(MONTHS) + r")\s+"
    r"|(?:första|andra|tredje|fjärde)\s+kvartalet\s+)?"
    r"(?:året\s+(?:innan|före)|föregående\s+år|(?:ett|\d{1,2})\s+år\s+(?:tidigare|innan)"
    r"|i\s+fjol|i\s+år|i\s+dag|förra\s+året|(?:under\s+|år\s+)?(?:19|20)\d\d(?![\d,.]\d))", re.IGNORECASE)
_MORE = ("fler", "mer", "högre", "längre", "större", "långsammare")


def _change(doc: Doc, span: Span) -> Optional[str]:
    """"ökning" or "minskning" when the figure is a change ("har minskat med 585 individer",
    "17 färre än året innan"); "förändring" for a change of no stated direction ("förbättrades med")."""
    before = doc.text[max(0, span.start_char - 60):span.start_char]
    m = _CHANGE_BEFORE.search(before)
    word = re.sub(r"\s+", " ", (m.group(1) or m.group(2)).lower()) if m else None
    if word is None and _CHANGE_RESTATED.search(before):
        sent = span.sent if doc.has_annotation("SENT_START") else doc[:]
        verbs = list(_CHANGE_WORD.finditer(doc.text[sent.start_char:span.start_char]))
        word = verbs[-1].group(1).lower() if verbs else None
    if word is not None:
        if word in _NO_DIRECTION:
            return "förändring"
        return "ökning" if word in _INCREASE else "minskning"
    after = _CHANGE_AFTER.match(doc.text[span.end_char:span.end_char + 60])
    if after:
        return "ökning" if after.group(1).lower() in _MORE else "minskning"
    signed = _SIGNED.match(span.text)
    if signed and span._.quantity.unit == "procentenheter" and not _DEVIATION.search(
            doc.text[max(0, span.start_char - 30):span.end_char + 30]):
        # "–3,1 procentenheter jämfört med 2025", "(+2,4 procentenheter)": points are a change, the sign its direction
        return "ökning" if signed.group(1) == "+" else "minskning"
    if signed and doc.text[:span.start_char].rstrip().endswith("(") and doc.text[span.end_char:].lstrip().startswith(")") and \
            _FIGURE_BEFORE.search(doc.text[max(0, span.start_char - 60):max(0, span.start_char - 1)]):
        # "4 316 personer per månad i en insats (+214)": a signed figure alone in parentheses after a figure
        # is its change (not "(+2,7 miljoner kronor för alternativa insatser)", an amount added for something)
        return "ökning" if signed.group(1) == "+" else "minskning"
    arrow = _ARROW_BEFORE.search(before)
    if arrow:
        # "▲ +6,4 %", "▼ −1,1 procentenheter": a statistics sheet's arrow marks a change and its direction
        if arrow.group(1) in _UP_ARROWS + _DOWN_ARROWS:
            return "ökning" if arrow.group(1) in _UP_ARROWS else "minskning"
        if signed:
            return "ökning" if signed.group(1) == "+" else "minskning"
    if signed:
        sent = span.sent if doc.has_annotation("SENT_START") else doc[:]
        if _CHANGE_NOUN.search(doc.text[sent.start_char:span.start_char]) and not _DEVIATION.search(sent.text):
            # "Minskningen var störst bland kvinnor, −7,1 procent": a signed figure in a sentence about a change
            return "ökning" if signed.group(1) == "+" else "minskning"
    if _OR_BEFORE.search(before):
        # "en ökning med 1 411 kartläggningar eller 16 procent": the same change restated in another unit
        sent = span.sent if doc.has_annotation("SENT_START") else doc[:]
        previous = [o for o in doc.spans.get(QUANTITIES, []) if sent.start <= o.start and o.end <= span.start]
        if previous:
            return _change(doc, previous[-1])
    return None


_SIGNED = re.compile(r"^\s*([+−–\-])\s?\d")
_UP_ARROWS = "▲↑⬆△▴"
_DOWN_ARROWS = "▼↓⬇▽▾"
# "→ −16 dagar": an arrow pointing on marks a change whose sign says which way
_ARROW_BEFORE = re.compile(r"([▲↑⬆△▴▼↓⬇▽▾→➔➞])\s*$")
_CHANGE_NOUN = re.compile(r"\b(?:ökning|minskning|förändring|uppgång|nedgång|utveckling)\w*", re.IGNORECASE)
_FIGURE_BEFORE = re.compile(r"\d[^()]*$")
# "en avvikelse på -3,2 procentenheter mot målet": a signed distance from a goal, not a change over time
_DEVIATION = re.compile(r"\b(?:avvikelse\w*|mål\w*|jämfört\s+med\s+budget\w*)\b", re.IGNORECASE)
_OR_BEFORE = re.compile(r"\beller\s+(?:cirka\s+|drygt\s+|knappt\s+|nästan\s+|omkring\s+)?$", re.IGNORECASE)
# A sentence that speaks of the change the sentence before stated: "Det är en ökning med 3,4
# procentenheter", "Minskningen med 3 procentenheter ...", "Utfallet ökade ... under samma period"
_CHANGE_ANAPHORA = re.compile(r"^\s*(?:det\s+är|det\s+motsvarar|detta\s+(?:är|motsvarar)|det\s+innebär|ökningen|"
                              r"minskningen|förändringen|uppgången|nedgången)\b|\bsamma\s+period\b", re.IGNORECASE)


# Words before a year that make it the year a change is measured from: "från 62 procent 2021",
# "jämfört med 2 310 år 2021" (a figure and its unit may stand between).
_FROM_YEAR_BEFORE = re.compile(r"\b(?:från|jämfört\s+(?:med|mot)|i\s+jämförelse\s+med)\s+(?:[^\s.;:!?]+\s+){0,4}?(?:år\s+)?$",
                               re.IGNORECASE)
_SINCE_REACH = 40  # "sedan 2021" this near before a change, or anywhere after it, is its base


_SINCE_OPENING = re.compile(r"\s*sedan\s+(?:år\s+)?", re.IGNORECASE)


def _change_years(doc: Doc, span: Span) -> tuple[Optional[int], Optional[int]]:
    """(base, later) for a change figure: the year its sentence measures the change from ("från 62
    procent 2021 till 68 procent 2025", "jämfört med 2 310 år 2021", "högre 2025 än 2021", "sedan
    2021") and the latest other year the sentence names, outside parentheses; None where none."""
    sent = span.sent if doc.has_annotation("SENT_START") else doc[:]
    parens = paren_ranges(doc.text)
    own = [p for p in parens if p[0] < span.start_char < p[1]]
    bases: list[int] = []
    others: list[int] = []
    for start, end, role, period in find_year_mentions(sent.text):
        pos = sent.start_char + start
        if not period[:4].isdigit() or any(o < pos < c for o, c in parens if (o, c) not in own):
            continue
        year = int(period[:4])
        # ("Sedan 2021, då 9 326 ... genomfördes, har antalet ökat med 2 267": opening the sentence, it reaches it all)
        if role == "during" and _SINCE_OPENING.fullmatch(sent.text[:start]):
            role = "since"  # "Sedan 2021, då 9 326 ...": read as the då-clause's year, and the change's base
        if role == "comparison" or (role == "since" and (pos > span.start_char or span.start_char - pos <= _SINCE_REACH
                                                         or _SINCE_OPENING.fullmatch(sent.text[:start]))) \
                or (role in ("year", "during") and _FROM_YEAR_BEFORE.search(sent.text[:start])):
            bases.append(year)
        elif role in ("year", "during") and period.isdigit():
            others.append(year)
    base = min(bases) if bases else None
    later = max((y for y in others if base is None or y > base), default=None)
    if base is None and _CHANGE_ANAPHORA.search(sent.text):
        earlier = [x for x in doc.sents if x.end <= sent.start] if doc.has_annotation("SENT_START") else []
        if earlier:
            prev = earlier[-1]
            figures = [o for o in doc.spans.get(QUANTITIES, []) if prev.start <= o.start < prev.end]
            if figures:
                # the years of the change the sentence before stated
                prev_base, prev_later = _change_years(doc, figures[-1])
                if prev_base is not None:
                    return prev_base, later if later is not None and later > prev_base else prev_later
    return base, later


def _change_span(doc: Doc, span: Span, period: str, default_base: bool = True,
                 reporting_year: Optional[int] = None) -> Optional[str]:
    """The period of a change: from the year it is measured from to the later year of its sentence
    (or the figure's own year, or the report's when that is the base itself: "jämfört med 2021, då
    andelen var 62,0 procent; andelen har minskat med 0,6 procentenheter"); the year before the
    figure's own when no base is named (unless not `default_base`)."""
    base, later = _change_years(doc, span)
    own = re.fullmatch(r"(\d{4})(?:-(\d{4}))?", period or "")
    end = later if later is not None else (int(own.group(2) or own.group(1)) if own else None)
    if base is not None and (end is None or end <= base) and reporting_year and reporting_year > base:
        end = reporting_year
    if base is None:
        if not own or own.group(2) or not default_base:
            return None  # a span of its own ("mellan 2021 och 2025") or no year at all
        base = int(own.group(1)) - 1
    if end is None or base >= end:
        return None
    return f"{base}-{end}"


def _earlier_period(doc: Doc, span: Span) -> Optional[str]:
    """The period named last, outside parentheses, in the sentences of the block before the figure's."""
    if not doc.has_annotation("SENT_START"):
        return None
    start = span.sent.start_char
    parens = paren_ranges(doc.text)
    text = doc.text[:start]
    # a bare year or span counts from the run of sentences with figures just before ("... 412 dagar
    # 2025. Kvinnor var i samverkan 431 dagar"; "de 14 529 personer som avslutade en insats
    # 2023–2025. För 13 902 av dem ..."); "under 2025" and the like from any sentence before
    bare_from = start
    figures = doc.spans.get(QUANTITIES, [])
    for sent in reversed([s for s in doc.sents if s.end <= span.sent.start]):
        if not any(sent.start <= q.start < sent.end for q in figures):
            break
        bare_from = sent.start_char
    # a line that ends in ":" introduces the lines below it ("Diagram, helår 2026 (andel, %):")
    introducing = [(s.start_char, s.end_char) for s in doc.sents if s.end <= span.sent.start and s.text.rstrip().endswith(":")]
    mentions = [m for m in find_year_mentions(text)
                if not any(o < m[0] < c for o, c in parens)
                and (m[2] in ("during", "recent", "from") or (m[2] in ("year", "span") and m[0] >= bare_from)
                     or (m[2] in ("year", "span") and any(a <= m[0] < b for a, b in introducing))
                     or m[2] == "last_year"
                     or (m[2] == "span" and _CARRIED_SPAN_BEFORE.search(text[max(0, m[0] - 12):m[0]])))
                and not _IN_COMPARISON.search(re.split(r"[.;:!?]", text[:m[0]])[-1])
                and not (m[2] in ("year", "during") and _FROM_YEAR_BEFORE.search(text[:m[0]]))]
    return mentions[-1][3] if mentions else None



# A year named in a comparison ("jämfört med 10 115 under 2025 och 9 640 under 2024") is not the
# year the paragraph goes on to speak of.
# ("... är densamma som 2027", "lika många som 2025": the year compared with, too)
_IN_COMPARISON = re.compile(r"\b(?:jämfört\s+med|jämfört\s+mot|i\s+jämförelse\s+med|att\s+jämföra\s+med|än"
                            r"|(?:samma|densamma|detsamma|desamma|lika\s+[^\W\d]+)\s+som)\b", re.IGNORECASE)

_HEADING_NUMBER = re.compile(r"^\s*(?:§\s*)?\d{1,2}(?:\.\d{1,2}){0,3}\.?(?=\s+\S)")


def doc_to_facts(doc: Doc, source: TextSource, document: Document, matcher: MeasureMatcher,
                 carried: Optional[str] = None, budget_year: Optional[str] = None,
                 population: Optional[str] = None, fieldwork: Optional[str] = None,
                 section_forman: Optional[str] = None) -> Iterator[Fact]:
    """The facts of one processed text; `carried` is the period its section describes, if any;
    `budget_year` the year a budget text's proposals are for ("budgetpropositionen för 2027");
    `population` the förmån an earlier paragraph of the section named as its population;
    `fieldwork` the year the document's survey or interviews were done."""
    spans = list(doc.spans.get(QUANTITIES, []))
    if not spans:
        return
    parens = paren_ranges(doc.text)
    terms = _terms(doc)
    heading_words = _heading_words(source.block.section)
    anchors = _anchors(doc, spans, parens)
    previous_of = previous_period_parentheses(doc, spans, parens)
    periods: dict[int, tuple[str, str]] = {}  # figure -> (period, part) as decided
    groups = _respektive_groups(doc, spans)
    reporting_year = document.metadata.reporting_year
    reporting_part = report_part_of_year(document)
    decided: dict[int, tuple[str, Breakdown]] = {}
    # "2 Möten för omställning", "3.2 Resultat", "§ 5 Svar på ...": a heading's own number labels it, counts nothing
    numbered = _HEADING_NUMBER.match(doc.text) if source.block.kind == "heading" else None
    for idx, span in enumerate(spans):
        if numbered and span.start_char < numbered.end():
            continue
        q: Quantity = span._.quantity
        anchor = anchors.get(idx)
        if anchor is not None and anchor in decided:
            measure_key, breakdown = decided[anchor]
            if spans[anchor]._.quantity.unit != q.unit:
                measure_key = _match(doc, span, spans, heading_words, matcher)
        else:
            measure_key = _match(doc, span, spans, heading_words, matcher)
            if _compared(doc, span):
                # "71 procent, jämfört med 64 procent av dem med aktivitetsersättning": the measure of the
                # figure it is compared with, for another group or year
                measure_key = _compared_level(doc, span, idx, spans, decided) or measure_key
            measure = matcher.by_key.get(measure_key)
            breakdown = _breakdown(doc, span, idx, spans, terms, groups, measure, decided, population)
            sent = span.sent if doc.has_annotation("SENT_START") else doc[:]
            if section_forman and "forman" not in dict(breakdown) and "forman" in _allowed_keys(measure, q.unit) \
                    and not any(t.key == "forman" and sent.start_char <= t.start < sent.end_char for t in terms):
                # a chapter headed by one förmån's name is about it: "4.3 Sjukpenning och rehabiliteringspenning"
                breakdown = tuple(sorted(dict(breakdown, forman=section_forman).items()))
        if measure_key == UNCLASSIFIED and idx > 0 and idx - 1 in decided and _appositive(doc, spans[idx - 1], span):
            measure_key, breakdown = decided[idx - 1]  # "drygt sju av tio, 73 procent": the same figure restated
        change = _change(doc, span)
        share = _share_of_count(doc, span, idx, spans, decided, matcher)
        if share is not None:
            measure_key, breakdown = share
        else:
            gapped = _gapped(doc, span, idx, spans, decided)
            if gapped is not None:
                measure_key = gapped  # "med sjukpenning 7 310 kartläggningar och med aktivitetsersättning 1 876"
            elif change in ("ökning", "minskning") and q.unit != "procent":
                # "7 140 personer ..., en ökning med 225 personer", "1 046 kartläggningar, 42 fler än samma
                # månad föregående år": a change of the level its sentence just stated, whatever its own words match
                level = _level_before(doc, span, idx, spans, decided)
                if level is not None:
                    measure_key, breakdown = level[0], tuple(sorted({**dict(level[1]), **dict(breakdown)}.items()))
        goal = _goal_sibling(doc, span, measure_key, matcher)
        if goal is not None:
            measure_key = goal  # "ett gemensamt mål om minst 13 000 gemensamma kartläggningar"
        coded = _coded_group(doc, span)
        if coded and not any(k in dict(breakdown) for k in ("grupp", "post")):
            breakdown = tuple(sorted(dict(breakdown, grupp=coded).items()))  # "63 M, 64 SD, 17 KD": each count's code
        difference = _difference(doc, span, spans, terms) if not change else None
        if difference is not None:  # "en skillnad på 48 dagar": the gap between two groups, not a group's figure
            key, value = difference
            breakdown = tuple(sorted({**{k: v for k, v in breakdown if k != key}, "skillnad": value}.items()))
        decided[idx] = (measure_key, breakdown)
        measure = matcher.by_key.get(measure_key)
        # "1 046 kartläggningar i oktober" keeps its measure here; nlp.part_year settles it once the
        # document's measures are trusted or not
        part = span._.period_part or ""
        period = span._.period
        period_source = span._.period_source or ""
        # a change of a count or an amount is marked as one, whatever measure it is of (a change of a
        # share is in procentenheter and needs no mark); a change in percent, below, once it has a span
        if change in ("ökning", "minskning") and q.unit not in ("procent", "procentenheter") \
                and "forandring" not in dict(breakdown):
            breakdown = tuple(sorted(dict(breakdown, forandring=change).items()))
        if fieldwork and _survey_figure(doc, span, period_source if period else ""):
            period, period_source = fieldwork, "survey"
        if not period:
            period, period_source = _earlier_period(doc, span), "paragraph"
            if period and period.startswith("prev:"):
                period = resolve_period(period, reporting_year)  # "Förra året ...": the year before the text's now
        if not period and carried:
            period, period_source = carried, "section"
        if period and period.startswith("prev:"):  # "året innan" in a sentence that names no year
            sent = span.sent if doc.has_annotation("SENT_START") else doc[:]
            if reporting_year and LAST_YEAR_WORDS.search(doc.text[sent.start_char:span.start_char]):
                # "förra året 11 870, att jämföra med 10 960 året innan": the year before the sentence's own
                ref = str(reporting_year - 1)
            else:
                ref = _earlier_period(doc, span) or carried
            ref = resolve_period(ref, reporting_year) if ref else ""
            period = str(int(ref) - previous_years(period)) if ref.isdigit() else period
        if not period and budget_year and (PROPOSAL_CUES.search(span.sent.text) or EXAMPLE_SUBJECT.match(span.sent.text)):
            # (a made-up person in a budget text, "En undersköterska som ... får 310 kronor mer", shows a proposal)
            # "får med förslaget omkring 4 600 kronor mer": a proposal is for the budget year, not for today
            period, period_source = budget_year, "proposal"
        if period:
            period = resolve_period(period, reporting_year)
        else:
            # a report about a stated period (a project's whole run) gives it; else the report's year
            period = document.metadata.reporting_period or (str(reporting_year) if reporting_year else "")
            period_source = "report"
        paired = _respektive_year(doc, span, idx, groups)
        if paired:
            period, period_source = paired, "respektive"  # "För 2030 och 2031 ... 8 538 respektive 8 661"
        if change or q.source == "multiplier":
            # a factor is a comparison too: "dubbelt så många som 2021" covers 2021 to the figure's year
            changed = _change_span(doc, span, period, default_base=bool(change), reporting_year=reporting_year)
            if changed:
                period, period_source = changed, "change"
                if change in ("ökning", "minskning") and q.unit == "procent" and "forandring" not in dict(breakdown):
                    # "minskade med 36 procent" between two years: a change in percent of a level;
                    # "ökade med 40 procent om ... jämfört med offentlig aktör" compares groups, not years
                    breakdown = tuple(sorted(dict(breakdown, forandring=change).items()))
        if not part and period_source == "report" and reporting_part:
            part = reporting_part  # "Under perioden avslutade 2 140 ..." in a report on the first half-year
        earlier = periods.get(previous_of.get(idx, -1))
        if earlier and earlier[0].isdigit() and len(earlier[0]) == 4:
            # "8 412 (7 903)": the value a year before the figure's own, for the same part of the year
            period, part, period_source = str(int(earlier[0]) - 1), earlier[1], "previous"
        periods[idx] = (period, part)
        score = matcher.score_of(measure_key, _context(doc, span, spans, heading_words, matcher.lexicon),
                                 "procent" if q.unit == "procentenheter" and measure and measure.unit == "procent" else q.unit) \
            if measure_key != UNCLASSIFIED else 0.0
        block, offset = source.locate(span.start_char)
        line = block.line_at(offset) if block.line_start is not None else source.line
        base = dict(
            id="", doc=document.id, source_file=document.source_file, measure=measure_key,
            measure_label=measure.label if measure else "", period=period, breakdown=breakdown,
            printed=q.printed, unit=q.unit, scale=q.scale, kind=source.kind, page=block.page,
            page_label=block.page_label, line=line, section=" > ".join(block.section), quote=_quote(span),
            block=block.id, phrase=_phrase(doc, span),
            period_source=period_source, offset=offset, measure_score=round(score, 4), qualifier_word=q.qualifier_word,
            # kept on classified figures too: nlp.measure_trust may yet leave one unclassified
            measure_candidate=candidate_key(_phrase(doc, span), q.unit, matcher.lexicon),
            period_part=part,
        )
        if q.high is not None:  # a range: its two ends
            yield Fact(value=_clean(q.value), qualifier="over", **base)
            yield Fact(value=_clean(q.high), qualifier="under", **base)
        else:
            value = abs(q.value) if change and _SIGNED.match(q.printed) else q.value  # its size; the sign said which way
            if q.unit.startswith("kronor") and not change and _overspent(doc, span, idx, spans):
                value = -abs(value)  # "överskreds med 3,4 mnkr": a budget deviation below zero
            yield Fact(value=_clean(value), qualifier=q.qualifier, **base)


def _goal_sibling(doc: Doc, span: Span, measure_key: str, matcher: MeasureMatcher) -> Optional[str]:
    """The catalogue's goal key beside an outcome's ("gemensamma_kartlaggningar_mal_antal" beside
    "gemensamma_kartlaggningar_antal") when the figure's clause sets a goal: it names a mål before the figure
    ("målet om 13 000", "Målet för andelen ... är 15 procent") or says what shall be reached ("att genomföra
    minst 12 000", "att minst 58 procent ... ska"), and does not tell of a goal reached ("målet uppnåddes")."""
    if measure_key == UNCLASSIFIED or "_mal_" in measure_key:
        return None
    head, _, tail = measure_key.rpartition("_")
    sibling = f"{head}_mal_{tail}"
    if sibling not in matcher.by_key:
        return None
    sent = span.sent if doc.has_annotation("SENT_START") else doc[:]
    clause = re.split(r"[.;:!?]|,\s+(?=och\b|men\b|medan\b)", doc.text[sent.start_char:span.start_char])[-1]
    after = re.split(r"[.;:!?]", doc.text[span.end_char:sent.end_char])[0]
    nouns = list(GOAL_NOUN.finditer(clause))
    if nouns and not GOAL_OUTCOME.search(clause[nouns[-1].end():]):
        return sibling  # "målet att minst 55 procent ska ..." even where it was reached, not "Målet nåddes: 11 593"
    if GOAL_OUTCOME.search(clause) or GOAL_OUTCOME.search(after):
        return None
    if GOAL_INTENT.search(clause) or (
            re.search(r"\bminst\s*$", clause, re.IGNORECASE) and re.search(r"^[^,]*\bska\b", after)):
        return sibling
    return None


# "63 M, 64 SD, 17 KD", "12 AB, 4 C": counts each followed by a short code in capitals (parties, counties)
_COUNT_CODE = re.compile(r"(?<![\w,])\d{1,3}(?:\s\d{3})*\s+([A-ZÅÄÖ]{1,3})(?=\s*(?:,|;|\.|$|\s+och\s))", re.MULTILINE)


def _coded_group(doc: Doc, span: Span) -> Optional[str]:
    """The code after a count in a list of three or more "count CODE" pairs (a vote by party, a spread by
    county code); None elsewhere ("3 M" alone may be a scale or a name)."""
    sent = span.sent if doc.has_annotation("SENT_START") else doc[:]
    text = doc.text[sent.start_char:sent.end_char]
    pairs = list(_COUNT_CODE.finditer(text))
    if len(pairs) < 3:
        return None
    for m in pairs:
        if m.start() + sent.start_char == span.start_char:
            return m.group(1)
    return None


def _overspent(doc: Doc, span: Span, idx: int, spans: Sequence[Span]) -> bool:
    """True when the words next to an amount say it was spent beyond what was given (nlp.sv.budget): before
    it in its clause, with no other figure between, or right after it."""
    sent = span.sent if doc.has_annotation("SENT_START") else doc[:]
    start = max([sent.start_char] + [spans[idx - 1].end_char] if idx > 0 else [sent.start_char])
    before = re.split(r"[.;:!?]", doc.text[start:span.start_char])[-1]
    end = spans[idx + 1].start_char if idx + 1 < len(spans) else sent.end_char
    return bool(OVERSPENT_BEFORE.search(before) or OVERSPENT_AFTER.match(doc.text[span.end_char:min(end, sent.end_char)]))


def _appositive(doc: Doc, first: Span, second: Span) -> bool:
    """True when `second` restates `first` right after it ("sju av tio, 73 procent", "två av tio
    (17 procent)") or is the other end of the same change ("från 9,7 procent 2022 till 10,2 procent")."""
    between = doc.text[first.end_char:second.start_char].strip()
    between = re.sub(r"^(?:(?:år\s+)?(?:19|20)\d\d\s+)?(?=till$)", "", between)
    return first._.quantity.unit == second._.quantity.unit and between in (",", "(", "–", "-", ":", "till")


# A share that restates the count before it: "7 310 kartläggningar, vilket motsvarar 74 procent",
# "1 876 (19 procent)".
_RESTATES_COUNT = re.compile(r"^\s*(?:\(|,?\s*(?:vilket|som|det)\s+(?:motsvarar|utgör|är)\s+(?:en\s+andel\s+(?:om|på)\s+)?)$", re.IGNORECASE)


def _share_of_count(doc: Doc, span: Span, idx: int, spans: Sequence[Span], decided: dict[int, tuple[str, Breakdown]],
                    matcher: MeasureMatcher) -> Optional[tuple[str, Breakdown]]:
    """A share printed as the restatement of the count before it is the share of that count:
    the catalogue's share measure whose `counts_of` is the count's measure. Where several shares
    count the same measure, the one whose first breakdown key the count is split by (a count
    "med sjukpenning" gives the share by förmån, not by kön)."""
    if span._.quantity.unit != "procent" or idx == 0 or idx - 1 not in decided:
        return None
    prev = spans[idx - 1]
    count_key, count_breakdown = decided[idx - 1]
    if prev._.quantity.unit != "antal" or count_key == UNCLASSIFIED or prev.sent.start != span.sent.start:
        return None
    if not _RESTATES_COUNT.match(doc.text[prev.end_char:span.start_char]):
        return None
    shares = [m for m in matcher.catalogue if m.counts_of == count_key and m.unit == "procent"]
    if len(shares) > 1:
        keys = {k for k, _ in count_breakdown}
        fitting = [m for m in shares if m.breakdowns and m.breakdowns[0] in keys]
        shares = fitting or [m for m in shares if not keys or keys <= set(m.breakdowns)]
    if len(shares) != 1:
        return None
    allowed = set(shares[0].breakdowns)
    return shares[0].key, tuple((k, v) for k, v in count_breakdown if k in allowed)


_GAP_BETWEEN = re.compile(r"^\s*,?\s*(?:och|samt|medan)\s+(?:[\wåäöÅÄÖ]+\s+){0,3}$", re.IGNORECASE)


def _gapped(doc: Doc, span: Span, idx: int, spans: Sequence[Span], decided: dict[int, tuple[str, Breakdown]]) -> Optional[str]:
    """The measure of a figure whose verb and noun are left out because the clause before has
    them: "Försäkringskassan lämnade tillbaka 0,62 mnkr och Arbetsförmedlingen drygt 13 mnkr".
    The figure stands last in its clause (punctuation after it) and follows a figure of the
    same unit, joined by "och" and a few words."""
    if idx == 0 or idx - 1 not in decided or _in_parens(doc, span):
        return None
    after = [t for t in doc[span.end:span.end + 1] if not t.is_space]
    if after and not after[0].is_punct:
        return None
    prev = spans[idx - 1]
    key = decided[idx - 1][0]
    if key == UNCLASSIFIED or prev._.quantity.unit != span._.quantity.unit or prev.sent.start != span.sent.start:
        return None
    between = doc.text[prev.end_char:span.start_char]
    if any(ch.isdigit() for ch in between) or not _GAP_BETWEEN.match(between):
        return None
    return key


def _level_before(doc: Doc, span: Span, idx: int, spans: Sequence[Span],
                  decided: dict[int, tuple[str, Breakdown]]) -> Optional[tuple[str, Breakdown]]:
    """The figure a change names no measure for belongs to: the last level of the same unit
    before it in its sentence ("7 140 personer ... (6 915 år 2023), en ökning med 225 personer")."""
    for j in range(idx - 1, -1, -1):
        other = spans[j]
        if other.sent.start != span.sent.start:
            break
        if j in decided and decided[j][0] != UNCLASSIFIED and other._.quantity.unit == span._.quantity.unit \
                and not _in_parens(doc, other) and _change(doc, other) is None:
            return decided[j]
    return None


def _clean(value: float) -> float:
    return float(round(value, 6))


def _quote(span: Span) -> str:
    sent = span.sent if span.doc.has_annotation("SENT_START") else span.doc[:]
    return re.sub(r"\s+", " ", sent.text).strip()


# --- measure ---------------------------------------------------------------------------------

SUPINE_ENDINGS = ("it", "at", "tt")  # Swedish supine forms: deltagit, avslutat, genomfört
OWN_TIE = 0.15  # own-clause scores this close are a tie, decided by the wider context
OWN_MIN_SHARE = 0.5  # a clause's own measure must score at least this share of the best in the wider context


def _match(doc: Doc, span: Span, spans: Sequence[Span], heading_words: Sequence[str], matcher: MeasureMatcher) -> str:
    q: Quantity = span._.quantity
    context = _context(doc, span, spans, heading_words, matcher.lexicon)
    head = _counted_noun(doc, span, matcher.lexicon) if q.unit == "antal" and q.printed.strip()[-1:].isdigit() else []
    found = decide_in_clause(matcher, context, q.unit, q.value / q.scale, head)
    if found is None and q.unit == "procentenheter":
        found = decide_in_clause(matcher, context, "procent")  # a change in a share
    if found is not None and head and _is_noun_like(head[0].text) and not matcher.covers(found.key, head[0].text):
        return UNCLASSIFIED  # "9 000 platser": the noun counted is one the measure never speaks of
    if found is not None and _statistic(doc, span) == "median" and _is_mean(matcher.by_key.get(found.key)):
        return UNCLASSIFIED  # "medianen var 142 dagar": not the mean the measure is defined as
    return found.key if found else UNCLASSIFIED


def _statistic(doc: Doc, span: Span) -> Optional[str]:
    """"median" or "mean" when the figure's sentence says which: the word nearest before it in
    its clause ("medianen var 322 dagar 2025 och medelvärdet 371 dagar"), else the first before it
    in the sentence ("Medelvärdet ligger över medianen, 183 dagar")."""
    sent = span.sent if doc.has_annotation("SENT_START") else doc[:]
    before = doc.text[sent.start_char:span.start_char]
    clause = re.split(r"[,:;–]", before)[-1]
    found = [(m.start(), "median") for m in MEDIAN_WORDS.finditer(clause)] + [(m.start(), "mean") for m in MEAN_WORDS.finditer(clause)]
    if found:
        return max(found)[1]
    found = [(m.start(), "median") for m in MEDIAN_WORDS.finditer(before)] + [(m.start(), "mean") for m in MEAN_WORDS.finditer(before)]
    return min(found)[1] if found else None


def _is_mean(measure: Optional[Measure]) -> bool:
    return measure is not None and bool(MEAN_WORDS.search(f"{measure.label} {measure.definition}"))


def decide_in_clause(matcher: MeasureMatcher, context: Sequence[ContextWord], unit: str,
                     value: Optional[float] = None, head: Sequence[ContextWord] = ()) -> Optional[MeasureMatch]:
    """The measure of a figure: when the words of its own clause (weight 1) name measures by
    themselves, one of those, the best by the clause's own score; earlier sentences and the
    headings break near-ties and decide only when the clause names nothing ("Anslaget uppgick
    till 720 mnkr" under the heading "Förbrukning av medel" is the anslag)."""
    own = [w for w in context if w.weight >= 1.0]
    full = {m.key: m for m in matcher.scores(context, unit)}
    named = [m for m in matcher.scores(own, unit, near=context)
             if m.score >= MIN_SCORE and any(not is_generic_cue(c) for c in m.cues)
             and (value is None or float(value).is_integer() or matcher.may_be_fractional(m.key))]
    best_full = max((m.score for m in full.values()), default=0.0)
    named = [m for m in named if m.key in full and full[m.key].score >= OWN_MIN_SHARE * best_full]
    if not named:
        return matcher.match(context, unit, value)
    # the noun a count is a count of ("171 möten") outranks words of a relative clause ("som fått avslag")
    counted = {m.key for m in matcher.scores(head, unit, near=context) if m.score >= MIN_SCORE and any(not is_generic_cue(c) for c in m.cues)} if head else set()
    if counted & {m.key for m in named}:
        named = [m for m in named if m.key in counted]
    top = named[0].score
    tied = [m for m in named if m.score >= top * (1 - OWN_TIE)]
    def evidence(m: MeasureMatch) -> MeasureMatch:
        return full.get(m.key, m)
    best = evidence(max(tied, key=lambda m: evidence(m).score))
    # "anvisade flest deltagare": the same words name several measures equally (see settle_tie)
    return settle_tie(best, [evidence(m) for m in tied if evidence(m).score == best.score])


def _resolve_head(token, sent: Span, lexicon) -> str:
    """A bare noun that repeats the head of a compound before it in the same sentence means that
    compound: "Antalet kontaktmöten minskade med 30 möten till 281 (297 möten 2024)" counts kontaktmöten."""
    text = _word_text(token)
    if lexicon is None or not token.is_alpha or len(token.text) < 3:
        return text
    keys = lexicon.keys(token.text)
    if keys.parts:
        return text
    for t in reversed(sent.doc[sent.start:token.i]):
        if t.is_alpha and len(t.text) > len(token.text):
            other = lexicon.keys(t.text)
            if other.parts and other.parts[-1] & keys.whole:
                return t.text
    return text


# Words after a count that are no noun: comparisons and numbers ("444 fler än", "8 494 sex år tidigare").
_NOT_NOUNS = frozenset({"fler", "färre", "mer", "mindre", "högre", "lägre", "större", "längre", "kortare", "än", "gånger",
                        "gång", "st", "stycken", "respektive", "resp", "totalt", "sammanlagt", "sammantaget"})


def _is_noun_like(word: str) -> bool:
    w = word.lower()
    return len(w) >= 4 and w not in _NOT_NOUNS and w not in NUMBER_WORDS and not w.endswith(("are", "ast"))


def _counted_noun(doc: Doc, span: Span, lexicon=None) -> list[ContextWord]:
    """The words right after a count that say what it counts ("171 möten", "318 kontaktmöten")."""
    following = [t for t in doc[span.end:min(span.sent.end, span.end + 1)]]
    if not following or not following[0].is_alpha or following[0].lower_ in _STOP or following[0].lower_ in GENERIC_WORDS:
        return []  # "6 617 individer deltagit ...": a generic noun, the verb after it is no noun
    if following[0].lower_.endswith(SUPINE_ENDINGS):
        return []  # "337 deltagit", "de 50 genomfört": a supine verb, not what is counted
    return [ContextWord(_resolve_head(following[0], span.sent, lexicon), 0.0, 1.0, 0)]


def _heading_words(section: Sequence[str]) -> list[str]:
    words: list[str] = []
    for title in section[-2:]:
        words.extend(w for w in re.findall(r"[\wåäöÅÄÖ]+", title.lower()) if not w.isdigit())
    return words


def _context(doc: Doc, span: Span, spans: Sequence[Span], heading_words: Sequence[str], lexicon=None) -> list[ContextWord]:
    """Words around a figure: its sentence (weight 1), earlier sentences (less), headings (less).

    A word that stands nearer another figure of the sentence counts less for this one:
    in "förbrukade 222,2 miljoner av de tilldelade 222,4 miljoner" "tilldelade" names the second.
    """
    words: list[tuple[str, float, float]] = [(w, 3.0, HEADING_WEIGHT) for w in heading_words]
    has_sents = doc.has_annotation("SENT_START")
    sent = span.sent if has_sents else doc[:]
    earlier = [s for s in doc.sents if s.end <= sent.start] if has_sents else []
    for k, s in enumerate(reversed(earlier[-2:])):
        weight = EARLIER_SENTENCE_WEIGHT / (k + 1)
        words.extend((_word_text(t), 3.0, weight) for t in s if _keep(t))
    # figures in their own parentheses ("två av tio (17 procent)") restate, they claim no words
    others = [o for o in spans if o is not span and sent.start <= o.start < sent.end
              and not (_in_parens(doc, o) and not _in_parens(doc, span))
              and not _in_apposition(doc, o) and not _changes_to(doc, o, span) and not _compared(doc, o)]
    excluded = _excluded_positions(sent)
    for t in sent:
        if not _keep(t):
            continue
        if span.start <= t.i < span.end:
            if t._.numeral is None:
                words.append((_word_text(t), 0.0, 1.0))  # the unit word: "procent eller fler ska ha ..."
            continue
        distance = t.i - span.end if t.i >= span.end else span.start - t.i - 1
        weight = 1.0
        for o in others:
            d_other = t.i - o.end if t.i >= o.end else (o.start - t.i - 1 if t.i < o.start else -1)
            if 0 <= d_other < distance:
                weight = OTHER_FIGURE_WEIGHT
                break
        if t.i in excluded:
            weight *= EXCLUDED_WEIGHT
        words.append((_resolve_head(t, sent, lexicon), float(distance), weight))
    return [ContextWord(text, d, w, i) for i, (text, d, w) in enumerate(words)]


def _in_apposition(doc: Doc, span: Span) -> bool:
    """True for a figure set off by commas that restates a group: "..., 4 942 personer, var inskrivna"."""
    before = doc.text[max(span.sent.start_char, span.start_char - 2):span.start_char].strip()
    following = [t for t in doc[span.end:min(span.sent.end, span.end + 3)] if not t.is_space]
    if before != "," or not following:
        return False
    if following[0].text == ",":
        return True
    return len(following) > 1 and following[0].is_alpha and following[1].text == ","


_COMPARED_BEFORE = re.compile(r"(?:jämfört\s+(?:med|mot)|i\s+förhållande\s+till|\bän|,\s*mot)\s+(?:de\s+|den\s+)?$", re.IGNORECASE)


def _compared(doc: Doc, span: Span) -> bool:
    """True for a figure another is compared with ("en ökning jämfört med 49 procent 2021"): like a
    figure in parentheses, it restates the measure for another year and claims no words."""
    return bool(_COMPARED_BEFORE.search(doc.text[max(0, span.start_char - 30):span.start_char]))


def _compared_level(doc: Doc, span: Span, idx: int, spans: Sequence[Span],
                    decided: dict[int, tuple[str, Breakdown]]) -> Optional[str]:
    """The measure of the level a compared figure is set against: the last figure before it in
    its sentence, in the same unit, outside parentheses, not itself a change."""
    for j in range(idx - 1, -1, -1):
        other = spans[j]
        if other.sent.start != span.sent.start:
            return None
        if other._.quantity.unit == span._.quantity.unit and not _in_parens(doc, other) and j in decided:
            key = decided[j][0]
            return None if key == UNCLASSIFIED or _change(doc, other) else key
    return None


def _changes_to(doc: Doc, change: Span, level: Span) -> bool:
    """True when `change` is the size of a change and `level` the value it changed to:
    "minskade med tre procentenheter till 71 procent"."""
    if change.end > level.start or _change(doc, change) is None:
        return False
    return doc.text[change.end_char:level.start_char].strip().lower() == "till"


def _excluded_positions(sent: Span) -> set[int]:
    """Tokens named as left out: "Utöver omställningsmöten har även 573 kontaktmöten genomförts"."""
    out: set[int] = set()
    for t in sent:
        if t.lower_ in EXCLUDING_WORDS:
            for u in sent.doc[t.i + 1: min(sent.end, t.i + 4)]:
                if u.is_punct or u._.numeral is not None or u.lower_ in ("har", "är", "var", "hade"):
                    break
                out.add(u.i)
    return out


def _keep(token) -> bool:
    return not token.is_space


def _word_text(token) -> str:
    """The token as a context word: numbers are "#", punctuation "|" (no phrase runs across it)."""
    if token._.numeral is not None:
        return "#"
    if token.is_punct and token.text != "%":
        return "|"
    return token.text


def _phrase(doc: Doc, span: Span) -> str:
    """The words that name what an unclassified figure counts: the content words after it."""
    after = []
    for t in doc[span.end: span.end + 8]:
        if t.is_sent_start or t.text in (".", ";", "(", ")") or t._.numeral is not None:
            break
        if t.is_alpha and t.lower_ not in _STOP:
            after.append(t.text)
        if len(after) == 3:
            break
    if after:
        return " ".join(after)
    before = [t.text for t in doc[max(span.sent.start, span.start - 6): span.start] if t.is_alpha and t.lower_ not in _STOP]
    return " ".join(before[-3:])


# --- parentheses -----------------------------------------------------------------------------

def _anchors(doc: Doc, spans: Sequence[Span], parens: Sequence[tuple[int, int]]) -> dict[int, int]:
    """Figures in a comparison parenthesis -> the figure it compares with.

    A parenthesis is a comparison when it names a year ("(8 638 kartläggningar 2018)",
    "(166, 2021)"); the figure it compares with is the last one before it, outside it, with the
    same unit, in the same sentence (or the sentence the parenthesis closes).
    """
    out: dict[int, int] = {}
    previous_of = previous_period_parentheses(doc, spans, parens)
    mentions = find_year_mentions(doc.text)
    for idx, span in enumerate(spans):
        inside = [p for p in parens if p[0] < span.start_char < p[1]]
        if not inside:
            continue
        paren = max(inside, key=lambda p: p[0])
        if idx in previous_of:
            out[idx] = previous_of[idx]
            continue
        # "(166, 2021)", or a figure alone after its year: "dubbelt så många som 2021 (1 706)"
        after_year = any(m[1] <= paren[0] and not doc.text[m[1]:paren[0]].strip() for m in mentions) \
            and doc.text[paren[0] + 1:paren[1]].strip() == span.text.strip()
        if not any(paren[0] < m[0] < paren[1] for m in mentions) and not after_year:
            continue
        sent = span.sent
        prev_sent_start = _previous_sentence_start(doc, sent)
        for j in range(idx - 1, -1, -1):
            other = spans[j]
            if paren[0] < other.start_char < paren[1]:
                continue
            if other.start_char < prev_sent_start:
                break
            if other.start_char < sent.start_char and not doc.text[paren[0] - 2:paren[0] + 1].strip().startswith((".", "(")):
                break
            if other._.quantity.unit == span._.quantity.unit and other.end_char <= paren[0] and \
                    not any(p[0] < other.start_char < p[1] for p in parens) and not (after_year and _change(doc, other)):
                out[idx] = j
                break
    return out


# What may stand between a figure and a parenthesis that gives its previous value: its unit's words
# and a parenthesis of words ("402 dagar (median) (389 dagar)", "45 493 kr per deltagare (44 986 kr)").
_BEFORE_PREVIOUS = re.compile(r"^\s*(?:(?:\([^\d()]{1,30}\)|[^\W\d]+\.?)(?:\s+|$)){0,4}$")


def previous_period_parentheses(doc: Doc, spans: Sequence[Span], parens: Sequence[tuple[int, int]]) -> dict[int, int]:
    """Figures printed alone in parentheses after a figure in the same unit -> that figure: "8 412
    (7 903)", "61,2 % (60,4 %)". The house style of annual reports and statistics sheets puts the
    previous year's value (or the same period's a year earlier) there, without naming it."""
    out: dict[int, int] = {}
    for idx in range(1, len(spans)):
        span, prev = spans[idx], spans[idx - 1]
        paren = next((p for p in parens if p[0] < span.start_char < p[1]), None)
        if paren is None or doc.text[paren[0] + 1:paren[1]].strip() != span.text.strip():
            continue
        if _SIGNED.match(span.text) or prev._.quantity.unit != span._.quantity.unit or not re.search(r"\d", prev.text) \
                or prev._.quantity.qualifier == "approximate":
            # "(+214)" is a change; "1 177 personer (55,0 procent)" restates in another unit, "två av tio
            # (17 procent)" the words in digits and "ungefär 20 procent (17 procent)" the rounded figure exactly
            continue
        if any(p[0] < prev.start_char < p[1] for p in parens) or prev.sent.start != span.sent.start:
            continue
        if _BEFORE_PREVIOUS.match(doc.text[prev.end_char:paren[0]]):
            out[idx] = idx - 1
    return out


def _previous_sentence_start(doc: Doc, sent: Span) -> int:
    prev = [s for s in doc.sents if s.end <= sent.start]
    return prev[-1].start_char if prev else sent.start_char


# --- breakdowns ------------------------------------------------------------------------------

def _terms(doc: Doc) -> list[Term]:
    terms = list(find_terms(doc.text)) + find_group_terms(doc.text) + find_place_terms(doc.text)
    for nf in doc.spans.get(NON_FACTS, []):
        if nf.label_ == "age":
            value, end = age_value(nf.text), nf.end_char
            if value is None:  # "60 år och äldre": the open group is printed after the number
                m = OPEN_AGE_AFTER.match(doc.text, nf.end_char)
                value, end = (age_value(nf.text + m.group(0)), m.end()) if m else (None, end)
            if value:
                terms.append(Term(nf.start_char, end, "alder", value))
    return sorted(terms, key=lambda t: t.start)


def _respektive_groups(doc: Doc, spans: Sequence[Span]) -> dict[int, list[int]]:
    """Span index -> the indices of its "A, B respektive C" group (only for members of one)."""
    groups: dict[int, list[int]] = {}
    current: list[int] = []
    for idx in range(len(spans)):
        if current:
            prev = spans[current[-1]]
            between = [t for t in doc[prev.end:spans[idx].start] if not t.is_space]
            if len(between) == 1 and between[0].lower_ in ("respektive", ",", "och"):
                current.append(idx)
                continue
            _close_group(doc, spans, current, groups)
        current = [idx]
    _close_group(doc, spans, current, groups)
    return groups


def _respektive_year(doc: Doc, span: Span, idx: int, groups: dict[int, list[int]]) -> Optional[str]:
    """The year a member of an "A respektive B" group pairs with when its sentence names as many years,
    coordinated ("För 2030 och 2031 beräknas anslaget till 8 538 respektive 8 661 miljoner kronor"):
    the first figure the first year, and so on. None otherwise, or when a year is a span's end or a
    comparison ("från 2029 till 2030", "jämfört med 2028")."""
    members = groups.get(idx)
    if not members or not doc.has_annotation("SENT_START"):
        return None
    sent = span.sent
    text = sent.text
    parens = paren_ranges(text)
    mentions = [m for m in find_year_mentions(text) if not any(o < m[0] < c for o, c in parens)]
    if any(m[2] not in ("year", "during") or not m[3].isdigit() for m in mentions):
        return None
    years = list(dict.fromkeys(m[3] for m in mentions))
    if len(years) != len(members) or len(mentions) != len(years):
        return None
    if any(not re.fullmatch(r"\s*(?:,|och|samt)\s*", text[a[1]:b[0]]) for a, b in zip(mentions, mentions[1:])):
        return None  # "2007 var nyckeltalen 60 respektive 35, och 2008 ...": each year has its own pair
    return years[members.index(idx)]


def _close_group(doc: Doc, spans: Sequence[Span], members: list[int], groups: dict[int, list[int]]) -> None:
    if len(members) < 2:
        return
    joined = doc[spans[members[0]].start:spans[members[-1]].end].text.lower()
    if "respektive" not in joined:
        return
    for m in members:
        groups[m] = list(members)


def _allowed_keys(measure: Optional[Measure], unit: str = "") -> tuple[str, ...]:
    if measure is None:
        # an amount of money no catalogue measure claims (a benefit level, a cost) is not a figure
        # about a group of people: "taket i sjukpenningen höjs till 592 000 kronor" has no förmån group
        # (the agency the money is for is no group of people: "Försäkringskassan har fått 250 miljoner kronor")
        return ("myndighet",) if unit.startswith("kronor") else DEFAULT_BREAKDOWN_KEYS
    if measure.unit == "antal" and "kon" not in measure.breakdowns:
        # a count of people splits by kön whether or not the reports the catalogue was written from did
        # ("412 personer, varav 231 kvinnor och 181 män")
        return (*measure.breakdowns, "kon")
    return tuple(measure.breakdowns)


def _breakdown(doc: Doc, span: Span, idx: int, spans: Sequence[Span], terms: Sequence[Term],
               groups: dict[int, list[int]], measure: Optional[Measure],
               decided: dict[int, tuple[str, Breakdown]], population: Optional[str] = None) -> Breakdown:
    allowed = _allowed_keys(measure, span._.quantity.unit)
    sent = span.sent
    if "grupp" not in allowed and any(is_place(t) and sent.start_char <= t.start < sent.end_char for t in terms):
        # any figure may be a län's ("högst i Södermanlands län, 9,1 procent"), whatever groups its measure lists
        allowed = (*allowed, "grupp")
        terms = [t for t in terms if t.key != "grupp" or is_place(t)]
    if not allowed:
        return ()
    in_sent = [t for t in terms if sent.start_char <= t.start < sent.end_char and t.key in allowed
               and (measure is not None or t.key != "myndighet" or _agency_as_place(doc, t, span))]
    parts: dict[str, str] = {}
    if idx in groups:
        members = groups[idx]
        position = members.index(idx)
        first, last = spans[members[0]], spans[members[-1]]
        for key in allowed:
            before = [t for t in in_sent if t.key == key and t.end <= first.start_char and t.value]
            after = [t for t in in_sent if t.key == key and t.start >= last.end_char and t.value]
            for candidates in (before[-len(members):], after[:len(members)]):
                if len(candidates) == len(members) and len({t.value for t in candidates}) == len(members):
                    parts[key] = candidates[position].value  # type: ignore[assignment]
                    break
    for key in allowed:
        if key in parts:
            continue
        key_terms = [t for t in in_sent if t.key == key]
        value = _single_term(doc, span, idx, spans, key_terms, in_sent)
        last_end = max(s.end_char for s in spans if s.sent.start == sent.start)
        if not value and key != "kon" and len({t.value for t in key_terms}) == 1 and key_terms[0].value \
                and 0 <= key_terms[0].start - last_end <= 2:
            value = key_terms[0].value  # "345 miljoner av de tilldelade 375,6 miljoner kronor förvaltningsmedel"
        if value:
            parts[key] = value
    if "forman" in allowed and "forman" not in parts:
        # "Bland dem som fick avslag på sjukpenning deltog ... och ...": the population the sentence is about
        of_sentence = _sentence_forman(doc, sent, spans, in_sent)
        if of_sentence:
            parts["forman"] = of_sentence
    if "forman" in allowed and "forman" not in parts and not any(t.key == "forman" for t in in_sent) \
            and not _WHOLE_POPULATION.match(sent.text):
        # a paragraph about one förmån: "... fått avslag på sjukpenning från 2012–2022. Andelen var hög 2012 (9,7 procent)"
        before = [t for t in terms if t.key == "forman" and t.end <= sent.start_char]
        # an opening population reaches on until a later sentence names a förmån of its own
        last = next((x for x in reversed(list(doc.sents)) if before and x.start_char <= before[-1].start < x.end_char), None)
        earlier = {t.value for t in before
                   if _POPULATION_BEFORE.search(doc.text[max(0, t.start - 40):t.start])
                   or (last is not None and last.start_char <= t.start and _opens_sentence(doc, t, spans))}
        if len(earlier) == 1 and None not in earlier:
            parts["forman"] = earlier.pop()  # type: ignore[assignment]
        elif not earlier and population and measure is not None and not any(t.key == "forman" for t in terms):
            # a section that goes on about the population an earlier paragraph named (for a catalogue
            # measure split by förmån; a figure no measure claims may be about anything)
            parts["forman"] = population
    if _ANAPHORA.match(sent.text):
        # "Av dem var 66 procent kvinnor": the groups of the figure the sentence before counted
        earlier = [j for j in decided if spans[j].end_char <= sent.start_char]
        if earlier:
            for key, value in decided[max(earlier)][1]:
                if key in allowed and key not in parts:
                    parts[key] = value
    return tuple(sorted(parts.items()))


_PLACE_BEFORE = re.compile(r"\b(?:på|vid|hos|inom)\s+$", re.IGNORECASE)
# "inskrivna på Arbetsförmedlingen": a status of the people counted, not where they were counted
_AGENCY_PAIR = re.compile(r"^s?\s+(?:och|eller|samt)\s+(?:arbetsförmedlingen|försäkringskassan)", re.IGNORECASE)
_STATUS_BEFORE = re.compile(r"\b(?:inskriv\w*|registrer\w*|anmäld\w*)\s+(?:på|vid|hos)\s+$", re.IGNORECASE)


def _agency_as_place(doc: Doc, term: Term, span: Span) -> bool:
    """True when an agency named near a figure no measure claims is where the figure was counted
    ("På Arbetsförmedlingen var andelen 52 procent", "702 handläggare på Försäkringskassan"), not a
    party to it ("ska samlokaliseras med Försäkringskassan") or the place of an earlier clause
    ("inskrivna på Arbetsförmedlingen, och drygt hälften av dem")."""
    before = doc.text[max(0, term.start - 30):term.start]
    if _opens_clause_of(doc, term, span):
        return True  # "Försäkringskassan har fått 250 miljoner kronor", "Arbetsförmedlingens anslag är 8 miljarder"
    if not _PLACE_BEFORE.search(before) or _STATUS_BEFORE.search(before):
        return False
    if _AGENCY_PAIR.match(doc.text[term.end:term.end + 40]):
        return False  # "inom Försäkringskassans och Arbetsförmedlingens verksamhet": both, no group
    return term.start > span.start_char or "," not in doc.text[term.end:span.start_char]


# The start of a clause, or an opening adverbial and the finite verb before the subject (Swedish puts the
# verb second: "Därför har Försäkringskassan fått ...", "I år får Arbetsförmedlingen ...")
_CLAUSE_START = re.compile(r"(?:^|[.;:!?,–]\s*|\b(?:och|men|medan|samt)\s+)(?:(?:[^\W\d]+\s+){1,3}(?:har|hade|är|var|blir|blev|"
                           r"får|fick|ska|skulle|kan|kunde|kommer|ger|gav|tar|tog)\s+)?$", re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r"[;:!?,–(]|\b(?:och|men|medan|som|varav)\b", re.IGNORECASE)


def _opens_clause_of(doc: Doc, term: Term, span: Span) -> bool:
    """True when the agency is the subject (or, in the genitive, the owner) that opens the clause the
    figure stands in: "Försäkringskassan har fått 250 miljoner kronor extra", "Arbetsförmedlingens
    förvaltningsanslag är 7,8 miljarder kronor" (not "... tillsammans med Försäkringskassan, 20 nya")."""
    if term.end > span.start_char:
        return False
    sent = span.sent if doc.has_annotation("SENT_START") else doc[:]
    opening = doc.text[sent.start_char:term.start]
    agencies = [t for t in find_terms(opening) if t.key == "myndighet"]
    if not _CLAUSE_START.search(opening) or any(re.fullmatch(r"\w*\s+(?:och|samt)\s+", opening[t.end:]) for t in agencies):
        return False  # (not the second of "Arbetsförmedlingen och Försäkringskassan genomförde ...")
    between = doc.text[term.end:span.start_char]
    # (another agency, or "myndigheten", between them opens a clause of its own)
    return not _CLAUSE_BREAK.search(between) and not re.search(r"\bmyndighet", between, re.IGNORECASE) \
        and not any(t.key == "myndighet" for t in find_terms(between))


# --- differences between groups ----------------------------------------------------------------

_DIFFERENCE_WORD = re.compile(r"\bskillnad(?:en|er|erna)?\b", re.IGNORECASE)
_DIFFERENCE_REACH = 8  # words from "skillnaden" to the first figure it introduces
# "5,0 procentenheter högre andel än kvinnor", "20 dagar längre tid än männen"
_COMPARATIVE_AFTER = re.compile(
    r"^\s*(?:[^\W\d]+\s+)?(?:högre|lägre|större|mindre|fler|färre|längre|kortare|oftare|mer)\b", re.IGNORECASE)
# "mellan könen": the pair is women and men
_BOTH_SEXES = re.compile(r"\b(?:könen|kvinnor\s+och\s+män|män\s+och\s+kvinnor)\b", re.IGNORECASE)
_PAIR_KEYS = ("kon", "forman", "myndighet", "alder")
# The catalogue's one spelling of the gap between the sexes, whichever is larger.
SEX_GAP = "män-kvinnor"


def _difference(doc: Doc, span: Span, spans: Sequence[Span], terms: Sequence[Term]) -> Optional[tuple[str, str]]:
    """(key, "A-B") when a figure is the gap between two groups: introduced by "skillnaden"
    ("skillnaden mellan könen var 2,5 procentenheter", "en skillnad på 48 dagar", "Skillnaden,
    22 procentenheter"), or a figure "högre/längre ... än" with two groups of one key in its sentence
    ("Män hade en 5,0 procentenheter högre andel än kvinnor"). The groups are those the phrase
    names ("mellan sjukpenning och aktivitetsersättning") or the two the sentence, or the one
    before it, compares. A level in procent is never a gap."""
    if span._.quantity.unit == "procent" or not doc.has_annotation("SENT_START"):
        return None
    sent = span.sent
    before = doc.text[sent.start_char:span.start_char]
    cues = list(_DIFFERENCE_WORD.finditer(before))
    if cues:
        cue = sent.start_char + cues[-1].end()
        between = [o for o in spans if cue <= o.start_char < span.start_char]
        first = between[0].start_char if between else span.start_char
        if any(o._.quantity.unit != span._.quantity.unit for o in between) \
                or len(re.findall(r"[^\W\d]+", doc.text[cue:first])) > _DIFFERENCE_REACH:
            return None
        named = doc.text[cue:first]
        if _BOTH_SEXES.search(named):
            return "kon", SEX_GAP
        pair = _group_pair([t for t in terms if cue <= t.start < first])
        if pair is not None:
            return pair
    elif not _COMPARATIVE_AFTER.match(doc.text[span.end_char:span.end_char + 40]):
        return None
    in_sent = [t for t in terms if sent.start_char <= t.start < sent.end_char]
    pair = _group_pair(in_sent)
    if pair is None and cues:
        earlier = [s for s in doc.sents if s.end <= sent.start]
        if earlier:
            prev = earlier[-1]
            pair = _group_pair([t for t in terms if prev.start_char <= t.start < prev.end_char])
    return pair


def _group_pair(terms: Sequence[Term]) -> Optional[tuple[str, str]]:
    """The two groups of one key that `terms` name, as (key, "A-B") in the order first named
    ("män-kvinnor" for the sexes); None unless exactly one key has two."""
    found = []
    for key in _PAIR_KEYS:
        values = list(dict.fromkeys(t.value for t in terms if t.key == key and t.value))
        if len(values) == 2:
            found.append((key, SEX_GAP if key == "kon" else f"{values[0]}-{values[1]}"))
    return found[0] if len(found) == 1 else None


# Words before a förmån that define the population a paragraph is about: "fått avslag på
# (ansökan om) sjukpenning", "inte längre får sjukpenning".
_POPULATION_BEFORE = re.compile(r"(?:avslag\s+på\s+(?:ansökan\s+om\s+)?|inte\s+längre\s+(?:får|fick|har\s+rätt\s+till)\s+)$", re.IGNORECASE)

# The same, and the words that open a sentence about one förmån: "Bland dem som fick ...",
# "För individer med aktivitetsersättning ...", "hos personer som har sjukersättning".
_SENTENCE_POPULATION_BEFORE = re.compile(
    r"(?:avslag\s+på\s+(?:ansökan\s+om\s+)?|inte\s+längre\s+(?:får|fick|har\s+rätt\s+till)\s+"
    r"|\b(?:bland|för|hos)\s+(?:alla\s+|de\s+)?(?:dem|de|individer|individerna|personer|personerna|deltagare|deltagarna|unga)\s+"
    r"(?:som\s+(?:har|hade|får|fick|haft|har\s+haft|uppbär|uppbar)\s+|med\s+))$", re.IGNORECASE)


def _opens_sentence(doc: Doc, term: Term, spans: Sequence[Span]) -> bool:
    """True for a förmån named as the population a sentence opens with, before its first figure
    ("För personer med sjukpenning sjönk medianen ..."): the paragraph goes on about it."""
    sent = next((s for s in doc.sents if s.start_char <= term.start < s.end_char), None)
    if sent is None or not _SENTENCE_POPULATION_BEFORE.search(doc.text[max(sent.start_char, term.start - 60):term.start]) \
            or len(doc.text[sent.start_char:term.start].split()) > 5:
        return False  # "Sedan har antalet minskat, främst för individer med sjukpenning": no opening
    first = min((s.start_char for s in spans if s.sent.start == sent.start), default=None)
    # "Bland unga med aktivitetsersättning är inskrivningen något högre. Av de 1 612 som ...": a sentence
    # with no figure of its own that opens on a population is about it too
    return first is None or term.start < first


def _sentence_forman(doc: Doc, sent: Span, spans: Sequence[Span], in_sent: Sequence[Term]) -> Optional[str]:
    """The förmån of the population a sentence is about, for every figure of the sentence whose own
    clause names none: one named at the start of the sentence, before its first figure ("För individer
    med aktivitetsersättning var ..."), or the only förmån of the sentence, named for its population
    ("Något färre än hälften, 45 procent, av dem som fick avslag på sjukersättning ...")."""
    forman = [t for t in in_sent if t.key == "forman" and t.value]
    population = [t for t in forman if _SENTENCE_POPULATION_BEFORE.search(doc.text[max(sent.start_char, t.start - 60):t.start])]
    if not population:
        return None
    first_figure = min((s.start_char for s in spans if s.sent.start == sent.start), default=sent.end_char)
    if population[0].start < first_figure:
        return population[0].value
    if len({t.value for t in forman}) == 1:
        return population[0].value
    return None


# A sentence that opens on everyone ("Av alla som avslutade en insats ...", "Totalt ...") leaves the
# population of the sentences before it
_WHOLE_POPULATION = re.compile(r"^\s*(?:av\s+alla|bland\s+alla|för\s+alla|totalt|sammantaget|sammanlagt|samtliga|"
                               r"i\s+hela\s+gruppen)\b", re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r"[,;]\s+(?:och|men|medan|samt)\b|;")
_FOLLOWING_GROUP_PREPOSITIONS = frozenset({"hos", "inom", "för", "bland", "med", "av", "i", "på", "vid",
                                           # "171 hade aktivitetsersättning": the group the counted people had
                                           "hade", "har", "fick", "får", "uppbar", "uppbär"})


def _single_term(doc: Doc, span: Span, idx: int, spans: Sequence[Span], terms: Sequence[Term],
                 all_terms: Sequence[Term] = ()) -> Optional[str]:
    """The group one figure belongs to, from the terms of one key in its sentence; `all_terms` are the
    sentence's terms of every key."""
    if not terms:
        return None
    # "62 procent kvinnor": the group named right after the figure
    nxt = [t for t in doc[span.end:span.end + 3] if not t.is_space]
    if nxt:
        for t in terms:
            if t.start == nxt[0].idx and t.value:
                return t.value
    # the figure's own clause: up to the next figure, less a group word glued to that figure
    # ("var andelen kvinnor 62 procent": "kvinnor" is the 62's)
    following = [s for s in spans[idx + 1:] if not _in_parens(doc, s) or _in_parens(doc, span)]
    next_fig = following[0] if following else None
    limit = min(next_fig.start_char if next_fig is not None else span.sent.end_char, span.sent.end_char)
    window = [t for t in terms if span.end_char <= t.start < limit]
    if next_fig is not None and window and not doc.text[window[-1].end:next_fig.start_char].strip(" :"):
        window = window[:-1]  # not across a comma: "812 av dem som kartlades sjukpenning, 171 hade ..."
    if nxt and nxt[0].lower_ == "av" and window:
        if len(window) > 1 and _coordinated(doc, window[1], window[:2]):
            return None  # "54 procent av de kvinnor och män som ..."
        return window[0].value
    prep = _first_word_after_unit(doc, span)
    if prep in _FOLLOWING_GROUP_PREPOSITIONS and len(window) == 1 and window[0].value:
        return window[0].value  # "varav 223 personer hos aktör inom den sociala ekonomin"
    before = [t for t in terms if t.end <= span.start_char]
    if before:
        last = before[-1]
        if len(window) == 1 and window[0].value and _CLAUSE_BREAK.search(doc.text[last.end:span.start_char]) \
                and _SENTENCE_POPULATION_BEFORE.search(doc.text[max(span.end_char, window[0].start - 60):window[0].start]):
            # "..., och ungefär var tionde ung person som fick avslag på aktivitetsersättning": the population
            # its own clause describes, not a group an earlier clause named
            return window[0].value
        if _coordinated(doc, last, before):
            return None
        if _new_population_between(doc, last, span, all_terms):
            return None  # "Bland dem som var 19–29 år ... 61 procent, och bland kvinnor 57,9 procent"
        return last.value
    if len(window) == 1:
        return window[0].value
    return None


# A clause that names its own population: ", och bland kvinnor", "; för män", "medan bland unga".
_NEW_POPULATION = re.compile(r"(?:[,;:]\s*|\b(?:och|men|medan)\s+)(?:och\s+|men\s+|medan\s+)?(?:bland|för|hos)\s+$",
                             re.IGNORECASE)


def _new_population_between(doc: Doc, last: Term, span: Span, all_terms: Sequence[Term]) -> bool:
    """True when, between a group named earlier and the figure, a new clause names a population of
    another key ("bland kvinnor"): the figure is about that population, not a subgroup of the earlier one."""
    return any(last.end <= t.start and t.end <= span.start_char and t.key != last.key
               and _NEW_POPULATION.search(doc.text[last.end:t.start]) for t in all_terms)


def _first_word_after_unit(doc: Doc, span: Span) -> str:
    """The first word after a figure and the noun it counts ("40 för", "223 personer hos")."""
    words = [t for t in doc[span.end:span.end + 3] if not t.is_space]
    if not words or words[0].is_punct:
        return ""
    if words[0].lower_ in _FOLLOWING_GROUP_PREPOSITIONS:
        return words[0].lower_
    return words[1].lower_ if len(words) > 1 and not words[1].is_punct else ""


def _in_parens(doc: Doc, span: Span) -> bool:
    return doc.text[:span.start_char].count("(") > doc.text[:span.start_char].count(")")


def _coordinated(doc: Doc, last: Term, before: Sequence[Term]) -> bool:
    """True when the nearest term is one of a pair: "kvinnor och män", "sjukskrivna eller har aktivitetsersättning"."""
    if len(before) < 2:
        return False
    prev = before[-2]
    between = doc.text[prev.end:last.start].lower().split()
    return len(between) <= 3 and any(w.strip(",") in _JOINERS or w == "," for w in between)


__all__ = ["PROSE_KINDS", "TextSource", "doc_to_facts", "extract_prose_facts", "fact_kind", "pipeline_text", "text_sources"]
