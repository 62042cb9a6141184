"""One processed text -> its Facts: for each figure, its measure, breakdown and period decided
in order, each later figure able to lean on the ones before it."""
from __future__ import annotations

import re
from typing import Iterator, Optional, Sequence

from spacy.tokens import Doc, Span

from ingest.records import Document
from nlp.components.periods import paren_ranges
from nlp.components.quantities import QUANTITIES, Quantity
from nlp.candidate_keys import candidate_key
from nlp.measures import MeasureMatcher
from nlp.part_year import report_part_of_year
from nlp.prose.breakdown import allowed_keys, coded_group, doc_terms, figure_breakdown, group_difference
from nlp.prose.changes import SIGNED, change_period, figure_change
from nlp.prose.figures import (appositive, compared_level, comparison_anchors, continues_comparison, from_to_pair,
                               gapped_measure, is_compared, level_before, previous_period_parentheses, respektive_groups,
                               restated_in_parens, share_of_count)
from nlp.prose.measure import context_words, figure_measure, figure_phrase, goal_sibling, section_words
from nlp.prose.periods import earlier_period, is_survey_figure, month_not_yet_reached, respektive_year, speaking_year
from nlp.prose.sources import TextSource
from nlp.records import Breakdown, Fact, UNCLASSIFIED
from nlp.sv.budget import OVERSPENT_AFTER, OVERSPENT_BEFORE
from nlp.sv.non_facts import EXAMPLE_SUBJECT
from nlp.sv.periods import LAST_YEAR_WORDS, previous_years, proposes, resolve_period


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
    terms = doc_terms(doc)
    heading_words = section_words(source.block.section)
    anchors = comparison_anchors(doc, spans, parens)
    previous_of = previous_period_parentheses(doc, spans, parens)
    periods: dict[int, tuple[str, str]] = {}  # figure -> (period, part) as decided
    groups = respektive_groups(doc, spans)
    reporting_year = document.metadata.reporting_year
    now_year = speaking_year(document)
    reporting_part = report_part_of_year(document)
    decided: dict[int, tuple[str, Breakdown]] = {}
    restating: set[int] = set()  # figures in parentheses that restate the one before them for other groups
    compared: set[int] = set()  # figures another is compared with ("jämfört med 72,6 procent 2026 och 71,8 procent 2025")
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
                measure_key = figure_measure(doc, span, spans, heading_words, matcher)
        else:
            measure_key = figure_measure(doc, span, spans, heading_words, matcher)
            if is_compared(doc, span) or (idx - 1 in compared and continues_comparison(doc, spans[idx - 1], span)):
                compared.add(idx)
                # "71 procent, jämfört med 64 procent av dem med aktivitetsersättning": the measure of the
                # figure it is compared with, for another group or year
                measure_key = compared_level(doc, span, idx, spans, decided) or measure_key
            measure = matcher.by_key.get(measure_key)
            breakdown = figure_breakdown(doc, span, idx, spans, terms, groups, measure, decided, population)
            sent = span.sent if doc.has_annotation("SENT_START") else doc[:]
            if section_forman and "forman" not in dict(breakdown) and "forman" in allowed_keys(measure, q.unit) \
                    and not any(t.key == "forman" and sent.start_char <= t.start < sent.end_char for t in terms):
                # a chapter headed by one förmån's name is about it: "4.3 Sjukpenning och rehabiliteringspenning"
                breakdown = tuple(sorted(dict(breakdown, forman=section_forman).items()))
        restated = restated_in_parens(doc, spans, idx, decided, restating)
        if restated is not None:
            measure_key = restated  # "Tio procent av de sjukskrivna (elva procent av dem med aktivitetsersättning ...)"
            restating.add(idx)
        elif measure_key == UNCLASSIFIED and idx > 0 and idx - 1 in decided and appositive(doc, spans[idx - 1], span):
            measure_key, breakdown = decided[idx - 1]  # "drygt sju av tio, 73 procent": the same figure restated
        elif idx > 0 and decided.get(idx - 1, (UNCLASSIFIED,))[0] != UNCLASSIFIED and from_to_pair(doc, spans[idx - 1], span):
            measure_key = decided[idx - 1][0]  # "ökade från 96 till 121": the second end is the first one's measure
        change = figure_change(doc, span)
        share = share_of_count(doc, span, idx, spans, decided, matcher)
        if share is not None:
            measure_key, breakdown = share
        else:
            gapped = gapped_measure(doc, span, idx, spans, decided)
            if gapped is not None:
                measure_key = gapped  # "med sjukpenning 7 310 kartläggningar och med aktivitetsersättning 1 876"
            elif change in ("ökning", "minskning") and q.unit != "procent":
                # "7 140 personer ..., en ökning med 225 personer", "1 046 kartläggningar, 42 fler än samma
                # månad föregående år": a change of the level its sentence just stated, whatever its own words match
                level = level_before(doc, span, idx, spans, decided)
                if level is not None:
                    measure_key, breakdown = level[0], tuple(sorted({**dict(level[1]), **dict(breakdown)}.items()))
        goal = goal_sibling(doc, span, measure_key, matcher)
        if goal is not None:
            measure_key = goal  # "ett gemensamt mål om minst 13 000 gemensamma kartläggningar"
        coded = coded_group(doc, span)
        if coded and not any(k in dict(breakdown) for k in ("grupp", "post")):
            breakdown = tuple(sorted(dict(breakdown, grupp=coded).items()))  # "63 M, 64 SD, 17 KD": each count's code
        difference = group_difference(doc, span, spans, terms) if not change else None
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
        if fieldwork and is_survey_figure(doc, span, period_source if period else ""):
            period, period_source = fieldwork, "survey"
        if not period:
            period, period_source = earlier_period(doc, span), "paragraph"
            if period and period.startswith("prev:"):
                period = resolve_period(period, reporting_year, now_year)  # "Förra året ...": the year before the text's now
        if not period and carried:
            period, period_source = carried, "section"
        if period and period.startswith("prev:"):  # "året innan" in a sentence that names no year
            sent = span.sent if doc.has_annotation("SENT_START") else doc[:]
            if reporting_year and LAST_YEAR_WORDS.search(doc.text[sent.start_char:span.start_char]):
                # "förra året 11 870, att jämföra med 10 960 året innan": the year before the sentence's own
                ref = str(now_year - 1)
            else:
                ref = earlier_period(doc, span) or carried
            ref = resolve_period(ref, reporting_year, now_year) if ref else ""
            period = str(int(ref) - previous_years(period)) if ref.isdigit() else period
        if not period and budget_year and (proposes(span.sent.text) or EXAMPLE_SUBJECT.match(span.sent.text)):
            # (a made-up person in a budget text, "En undersköterska som ... får 310 kronor mer", shows a proposal)
            # "får med förslaget omkring 4 600 kronor mer": a proposal is for the budget year, not for today
            period, period_source = budget_year, "proposal"
        if period:
            period = resolve_period(period, reporting_year, now_year)
        else:
            # a report about a stated period (a project's whole run) gives it; else the report's year
            period = document.metadata.reporting_period or (str(reporting_year) if reporting_year else "")
            period_source = "report"
        if period_source in ("report", "sentence") and period not in span.sent.text:
            # (a month the sentence names without a year; the year is the text's now)
            period = month_not_yet_reached(period, part, document.metadata.published)
        paired = respektive_year(doc, span, idx, groups)
        if paired:
            period, period_source = paired, "respektive"  # "För 2030 och 2031 ... 8 538 respektive 8 661"
        if change or q.source == "multiplier":
            # a factor is a comparison too: "dubbelt så många som 2021" covers 2021 to the figure's year
            changed = change_period(doc, span, period, default_base=bool(change), reporting_year=reporting_year)
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
        score = matcher.score_of(measure_key, context_words(doc, span, spans, heading_words, matcher.lexicon),
                                 "procent" if q.unit == "procentenheter" and measure and measure.unit == "procent" else q.unit) \
            if measure_key != UNCLASSIFIED else 0.0
        block, offset = source.locate(span.start_char)
        line = block.line_at(offset) if block.line_start is not None else source.line
        base = dict(
            id="", doc=document.id, source_file=document.source_file, measure=measure_key,
            measure_label=measure.label if measure else "", period=period, breakdown=breakdown,
            printed=q.printed, unit=q.unit, scale=q.scale, kind=source.kind, page=block.page,
            page_label=block.page_label, line=line, section=" > ".join(block.section), quote=_quote(span),
            block=block.id, phrase=figure_phrase(doc, span),
            period_source=period_source, offset=offset, measure_score=round(score, 4), qualifier_word=q.qualifier_word,
            # kept on classified figures too: nlp.measure_trust may yet leave one unclassified
            measure_candidate=candidate_key(figure_phrase(doc, span), q.unit, matcher.lexicon),
            period_part=part,
        )
        if q.high is not None:  # a range: its two ends
            yield Fact(value=_clean(q.value), qualifier="over", **base)
            yield Fact(value=_clean(q.high), qualifier="under", **base)
        else:
            value = abs(q.value) if change and SIGNED.match(q.printed) else q.value  # its size; the sign said which way
            if q.unit.startswith("kronor") and not change and _overspent(doc, span, idx, spans):
                value = -abs(value)  # "överskreds med 3,4 mnkr": a budget deviation below zero
            yield Fact(value=_clean(value), qualifier=q.qualifier, **base)


def _overspent(doc: Doc, span: Span, idx: int, spans: Sequence[Span]) -> bool:
    """True when the words next to an amount say it was spent beyond what was given (nlp.sv.budget): before
    it in its clause, with no other figure between, or right after it."""
    sent = span.sent if doc.has_annotation("SENT_START") else doc[:]
    start = max([sent.start_char] + [spans[idx - 1].end_char] if idx > 0 else [sent.start_char])
    before = re.split(r"[.;:!?]", doc.text[start:span.start_char])[-1]
    end = spans[idx + 1].start_char if idx + 1 < len(spans) else sent.end_char
    return bool(OVERSPENT_BEFORE.search(before) or OVERSPENT_AFTER.match(doc.text[span.end_char:min(end, sent.end_char)]))


def _clean(value: float) -> float:
    return float(round(value, 6))


def _quote(span: Span) -> str:
    sent = span.sent if span.doc.has_annotation("SENT_START") else span.doc[:]
    return re.sub(r"\s+", " ", sent.text).strip()
