"""Number + unit + qualifier -> a span in `doc.spans["quantities"]` with `span._.quantity`.

Reads the numbers merge_numbers found, and numbers written as words ("fyra procentenheter",
"hälften", "sju av tio"). Each figure gets its unit from the word after it ("62 procent",
"375,6 miljoner kronor", "903 dagar"; none means "antal"), its qualifier from the words before
it ("cirka", "drygt", "över"), and a value normalised to kronor for money.

A range ("60–64 procent") is one quantity with `value` (its low end) and `high`; "mellan 50
och 60 procent" makes the first figure a lower bound and the second an upper one.

Numbers that are not figures go to `doc.spans["non_facts"]` with the reason as the span label
(year, period, label: "dag 180" / "Tabell 6", date_or_reference, reference: diarienummer,
age, range: an income bracket, time_point: "90 dagar efter avslaget", condition: "när ... i
30 dagar", rate_rule: "10 timmar per vecka", reference_value: "till 100 procent", example,
list_number), so the benchmark can show what was left out and why.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc, Span

from nlp.components.merge_numbers import Numeral, ensure_extensions as ensure_numeral_extension
from nlp.components.non_fact_reasons import (DURATION_BOUNDS, DURATION_RULE_BEFORE, TIME_POINT_AFTER, TIME_UNITS,
                                             non_fact_reason)
from nlp.components.quantity_words import (SHARED_UNIT_JOINERS, next_words, prev_words, qualifier_after,
                                           qualifier_before, qualifier_word, unit_after, word_after)
from nlp.sv.non_facts import CONFIDENCE_WORDS, LABEL_WORDS, THRESHOLD_BEFORE
from nlp.sv.numerals import (EVERY_NTH_WORDS, EVERY_OTHER, FRACTIONS, HALF_MORE_WORDS, HALF_WORDS, MULTIPLIED_WORDS, MULTIPLIER_WORDS,
                             NUMBER_WORDS, ONE_WORDS, ORDINALS, OUT_OF_DIGIT_WHOLES, SINGULAR_TIME_UNITS, SPOKEN_YEARS,
                             parse_approximate_count, parse_cardinal, parse_out_of)
from nlp.sv.qualifiers import EXACT, QUALIFIERS
from nlp.sv.statistics import statistic_unit
from nlp.sv.units import COUNT_UNIT, FRACTION_FIGURE, RATE_PER_MILLE, SCALES, SHARE_COMPARISON_AFTER, SHARE_SENTENCE, UNITS


COMPONENT = "rapportkoll_quantities"
QUANTITIES = "quantities"
NON_FACTS = "non_facts"


# Comparisons of two words that join figures of one unit: "47 jämfört med 40–41 år".
_SHARED_UNIT_PHRASES = frozenset({("jämfört", "med"), ("jämfört", "mot"), ("jämfört", "m"), ("i", "jämförelse", "med"),
                                  ("än", "för"), ("mot", "för")})
_OUT_OF_WHOLES = frozenset({"tio", "hundra", "fem", "fyra", "tre"})


# Unit words after a number word that make it a figure ("sju dagar", "tre gånger"); "år" is
# left out ("fem år" is as often a rule or an age as a measured duration).
_WORD_UNITS = frozenset({"procent", "procentenheter", "%", "dagar", "veckor", "månader", "timmar", "gånger",
                         "miljoner", "miljarder", "kronor", "tusen"})
# Singular units after "en"/"ett" that make it the number one ("en procentenhet"); "en dag", "en gång"
# are left out: as often a manner of speaking ("en gång i tiden") as a figure.
_SINGULAR_UNITS = frozenset({"procentenhet"})
# A fraction after these words states a rule ("än en fjärdedel", "med minst en fjärdedel").
_RULE_BEFORE_FRACTION = frozenset({"än", "minst"})


@dataclass(frozen=True)
class Quantity:
    """A figure read from text: what it is worth, as printed, in which unit."""

    value: float  # normalised: kronor for money
    printed: str  # as printed, with its unit word ("375,6 miljoner kronor", "8 662")
    unit: str  # procent, procentenheter, antal, kronor, dagar, år, ...
    scale: float = 1.0  # printed number x scale = value
    qualifier: str = EXACT
    source: str = "digits"  # digits | word | fraction | out_of | range
    unit_printed: bool = False  # a unit word followed the number (else it was inferred)
    high: Optional[float] = None  # a range ("60–64 procent"): value is its low end, high its high end
    qualifier_word: str = ""  # the qualifier as printed: "drygt", "knappt", "upp till", "<"


def ensure_extensions() -> None:
    ensure_numeral_extension()
    if not Span.has_extension("quantity"):
        Span.set_extension("quantity", default=None)


def _digit_out_of(doc: Doc, i: int, numeral) -> Optional[tuple[int, float]]:
    """(end, percent) for "7 av 10", "3 av 4": a share printed as digits out of a small whole."""
    nxt = next_words(doc, i, 2)
    if numeral.is_range or len(nxt) < 2 or nxt[0].lower_ != "av" or nxt[1]._.numeral is None:
        return None
    whole = nxt[1]._.numeral
    if whole.is_range or whole.value not in OUT_OF_DIGIT_WHOLES or not 0 < numeral.value <= whole.value:
        return None
    after = next_words(doc, nxt[1].i, 1)
    if after and (after[0].lower_ in UNITS or after[0].lower_ in SCALES):
        return None  # "3 av 10 miljoner": amounts
    return nxt[1].i + 1, round(100.0 * numeral.value / whole.value, 4)


def _word_quantity(doc: Doc, i: int) -> Optional[tuple[int, float, str]]:
    """(end, value in percent, source) for a figure written in words starting at token i."""
    tok = doc[i]
    nxt = next_words(doc, i, 2)
    low = tok.lower_
    if len(nxt) == 2 and nxt[0].lower_ == "av" and nxt[1].lower_ in _OUT_OF_WHOLES:
        share = parse_out_of(f"{tok.text} av {nxt[1].text}")
        if share is not None:
            return nxt[1].i + 1, share, "out_of"
    if low in MULTIPLIER_WORDS and len(nxt) == 2 and nxt[0].lower_ == "så" and nxt[1].lower_ in MULTIPLIED_WORDS:
        return nxt[1].i + 1, float(MULTIPLIER_WORDS[low]), "multiplier"  # "dubbelt så många": a factor
    half_more = _and_a_half(doc, i)
    if half_more is not None:
        return half_more
    if low in ONE_WORDS and nxt and nxt[0].lower_ in HALF_WORDS:
        after = next_words(doc, nxt[0].i, 1)
        if after and after[0].lower_ in SCALES:
            return nxt[0].i + 1, 0.5, "half"  # "en halv miljard": the scale word is read as the unit
    prev = [t.lower_ for t in prev_words(doc, i, 2)]
    qualified = len(prev) > 1 and prev[0] == "än" and prev[1] in ("fler", "mer", "färre", "mindre")
    rule = bool(prev) and not qualified and (prev[0] in _RULE_BEFORE_FRACTION or prev[:2] == ["minst", "med"])
    is_fraction = low in FRACTIONS or (nxt and f"{low} {nxt[0].lower_}" in FRACTIONS)
    if rule and is_fraction:
        return None  # "lägre omfattning än en fjärdedel av arbetstiden": a rule, not a result
    if nxt and f"{low} {nxt[0].lower_}" in FRACTIONS:
        end = nxt[0].i + 1
        if word_after(doc, nxt[0].i, 1) in ("dag", "dags", "dels"):
            return None  # "en fjärdedels dag": a level of benefit
        return end, FRACTIONS[f"{low} {nxt[0].lower_}"], "fraction"
    if low in FRACTIONS:
        return i + 1, FRACTIONS[low], "fraction"
    if low in EVERY_NTH_WORDS and nxt and nxt[0].lower_ in ORDINALS:
        return nxt[0].i + 1, round(100.0 / ORDINALS[nxt[0].lower_], 4), "every_nth"  # "var tredje": 33.3 procent
    if low in EVERY_OTHER and nxt and nxt[0].is_alpha and nxt[0].lower_ not in ("år", "vecka", "månad", "dag", "gång"):
        return i + 1, 50.0, "every_nth"  # "varannan deltagare"; "varannan vecka" is a rhythm
    if low in ONE_WORDS and nxt and nxt[0].lower_ in _SINGULAR_UNITS:
        return i + 1, 1.0, "word"  # "en procentenhet lägre": no article stands before a unit of measurement
    approx = parse_approximate_count(low)
    if approx is not None and "ett" in prev:
        return i + 1, float(approx), "approximate"  # "ett tjugotal arbetsgivare", "ett drygt sextiotal"
    said = _said_number(doc, i)
    if said is not None and said[2] and prev and prev[0] in LABEL_WORDS and prev[:2] != ["dag", "i"]:
        return None  # "dag nittioett", "bild tjugotre": a number that labels something, said in words ("i dag" is now)
    if said is not None and said[0] > i + 1:
        return said[0], float(said[1]), "word"  # "sju tusen fyrahundra": the whole number, not "sju tusen"
    word_value = NUMBER_WORDS.get(low, said[1] if said is not None else None)
    if word_value is not None and nxt and nxt[0].lower_ in _WORD_UNITS:
        bound = bool(prev) and (prev[0] in DURATION_BOUNDS or " ".join(reversed(prev[:2])) in DURATION_BOUNDS)
        if nxt[0].lower_ in TIME_UNITS and (prev and prev[0] in DURATION_RULE_BEFORE and not bound
                                            or word_after(doc, nxt[0].i, 1) in TIME_POINT_AFTER):
            return None  # "inom sex månader", "tolv månader efter": a rule's time, not a figure
        return i + 1, float(word_value), "word"  # "fyra procentenheter", "sju dagar", "sjuttioåtta procent"
    if said is not None and said[2]:
        return said[0], float(said[1]), "word"  # "sju tusen fyrahundra personer", "niohundrafemtio": said, not written
    return None


def _said_number(doc: Doc, i: int) -> Optional[tuple[int, int, bool]]:
    """(end, value, figure) of a number in words that opens at token i ("sjuttioåtta", "tre tusen sexhundra",
    nlp.sv.numerals.parse_cardinal), or None. `figure`: composed of several number words or 13 and above,
    so a figure whatever follows ("tre frågor" may count a report's parts; "fyrtiotre tusen deltagare" counts
    people); a year said in words ("tvåtusentrettiofem") is none."""
    following = next_words(doc, i, 2)
    card = parse_cardinal([doc[i].lower_, *(t.lower_ for t in following)])
    if card is None:
        return None
    value, used, composed = card
    if used == 1 and "tusen" in doc[i].lower_ and value in SPOKEN_YEARS:
        return None
    end = i + 1 if used == 1 else following[used - 2].i + 1
    return end, value, composed or (value >= 13 and doc[i].lower_ not in ("hundra", "tusen"))


def _and_a_half(doc: Doc, i: int) -> Optional[tuple[int, float, str]]:
    """(end, value, "half_more") for "halvannan gång" (1.5) and "två och en halv månad" (2.5): the end is after
    the number, before its singular unit (see SINGULAR_TIME_UNITS)."""
    low = doc[i].lower_
    nxt = [t.lower_ for t in next_words(doc, i, 4)]
    if low in HALF_MORE_WORDS and nxt and nxt[0] in SINGULAR_TIME_UNITS:
        return i + 1, HALF_MORE_WORDS[low], "half_more"
    if low in NUMBER_WORDS and nxt[:3] == ["och", "en", "halv"] and len(nxt) == 4 and nxt[3] in SINGULAR_TIME_UNITS:
        return next_words(doc, i, 3)[2].i + 1, NUMBER_WORDS[low] + 0.5, "half_more"
    return None


@Language.component(COMPONENT, requires=["token._.numeral"], assigns=["doc.spans", "span._.quantity"])
def find_quantities(doc: Doc) -> Doc:
    """Set `doc.spans["quantities"]` (figures) and `doc.spans["non_facts"]` (numbers that are not).

    RETURNS (Doc): the same Doc.
    """
    ensure_extensions()
    quantities: list[Span] = []
    non_facts: list[Span] = []
    rejected: dict[int, str] = {}
    i = 0
    while i < len(doc):
        token = doc[i]
        numeral: Optional[Numeral] = token._.numeral
        if numeral is not None:
            reason = non_fact_reason(doc, token, numeral, rejected)
            if reason:
                rejected[i] = reason
                non_facts.append(Span(doc, i, i + 1, label=reason))
                i += 1
                continue
            out_of = _digit_out_of(doc, i, numeral)
            if out_of is not None:
                end, share = out_of
                span = Span(doc, i, end, label="quantity")
                span._.quantity = Quantity(value=share, printed=span.text, unit="procent", qualifier=qualifier_before(doc, i),
                                           source="out_of", unit_printed=True)
                quantities.append(span)
                i = end
                continue
            unit, scale, used, printed_unit = unit_after(doc, i + 1)
            end = i + 1 + used
            span = Span(doc, i, end, label="quantity")
            qualifier = qualifier_after(doc, end) or qualifier_before(doc, i)
            if numeral.is_range:
                span._.quantity = Quantity(
                    value=float(numeral.low) * scale, printed=span.text, unit=unit or COUNT_UNIT, scale=scale,
                    qualifier=qualifier, source="range", unit_printed=printed_unit, high=float(numeral.high) * scale,
                )
            else:
                span._.quantity = Quantity(
                    value=float(numeral.value) * scale, printed=span.text, unit=unit or COUNT_UNIT, scale=scale,
                    qualifier=qualifier, source="digits", unit_printed=printed_unit,
                )
            quantities.append(span)
            i = end
            continue
        found = _word_quantity(doc, i) if token.is_alpha or parse_approximate_count(token.text) is not None else None
        if found is not None:
            end, value, source = found
            unit_end = end
            nxt = next_words(doc, end - 1, 1)
            unit = "gånger" if source == "multiplier" else "procent"
            scale = 1.0
            if source in ("word", "half", "approximate") and nxt:
                unit, scale, used, _ = unit_after(doc, end)
                unit = unit or COUNT_UNIT
                unit_end = end + used
                value = value * scale
            elif source == "approximate":
                unit = COUNT_UNIT
            elif source == "half_more":
                unit, unit_end = SINGULAR_TIME_UNITS[nxt[0].lower_], end + 1  # "halvannan gång": gånger
            qualifier = qualifier_before(doc, i)
            if source == "approximate" and qualifier == "exact":
                qualifier = "approximate"  # "ett tjugotal" is about twenty
            span = Span(doc, i, unit_end, label="quantity")
            span._.quantity = Quantity(
                value=value, printed=span.text, unit=unit, scale=scale, qualifier=qualifier, source=source,
                unit_printed=source in ("word", "half", "multiplier", "half_more"),
            )
            quantities.append(span)
            i = unit_end
            continue
        i += 1
    _share_units(doc, quantities)
    _occasions(doc, quantities)
    _per_mille_rates(doc, quantities)
    _named_statistics(doc, quantities)
    _fraction_shares(doc, quantities)
    _thresholds(doc, quantities, non_facts)
    _interval_units(doc, quantities)
    _change_units(doc, quantities)
    for span in quantities:
        span._.quantity = replace(span._.quantity, qualifier_word=qualifier_word(doc, span.start, span.end))
    doc.spans[QUANTITIES] = quantities
    doc.spans[NON_FACTS] = non_facts
    return doc


def _named_statistics(doc: Doc, quantities: list[Span]) -> None:
    """A bare figure right after the statistic it is ("oddskvoten är 0,66", "(oddskvot 0,76)", "koefficienten
    −0,27") is in that statistic's unit (nlp.sv.statistics)."""
    for span in quantities:
        q: Quantity = span._.quantity
        if q.unit != COUNT_UNIT or q.unit_printed:
            continue
        before = [t for t in doc[max(0, span.start - 3):span.start] if not t.is_space]
        words = [t.lower_ for t in before if t.lower_ not in ("är", "var", "blir", "blev", "på", "=", ":")]
        unit = statistic_unit(words[-1]) if words else None
        if unit:
            span._.quantity = replace(q, unit=unit)


def _fraction_shares(doc: Doc, quantities: list[Span]) -> None:
    """A bare "0,48" in a sentence about a share ("Andelen ... varierade mellan 0,08 och 0,58") is that share
    printed as a fraction, 48 procent, as a table column "Andelar (0–1)" prints it; "0,31 lägre" is the
    difference of two such shares, in procentenheter. A fraction in any other sentence stays as printed."""
    for span in quantities:
        q: Quantity = span._.quantity
        if q.unit != COUNT_UNIT or q.unit_printed or q.source not in ("digits", "range") or not FRACTION_FIGURE.match(span.text):
            continue
        sent = span.sent if doc.has_annotation("SENT_START") else doc[:]
        if not SHARE_SENTENCE.search(sent.text):
            continue
        unit = "procentenheter" if SHARE_COMPARISON_AFTER.match(doc.text[span.end_char:]) else "procent"
        span._.quantity = replace(q, unit=unit, scale=100.0, value=q.value * 100.0,
                                  high=None if q.high is None else q.high * 100.0)


def _per_mille_rates(doc: Doc, quantities: list[Span]) -> None:
    """Bare figures of a sentence that speaks of a rate per thousand ("Räknat per 1 000 försäkrade genomfördes
    1,9 kartläggningar", "talet 2,3 och bland männen 1,5 per 1 000 försäkrade") are that rate, in promille;
    a grouped count beside them ("11 965 kartläggningar, 1,9 per 1 000") stays a count."""
    if not RATE_PER_MILLE.search(doc.text):
        return
    for span in quantities:
        q: Quantity = span._.quantity
        numeral = doc[span.start]._.numeral
        if q.unit != COUNT_UNIT or q.unit_printed or numeral is None or numeral.grouped or q.value >= 1000:
            continue
        sent = span.sent if doc.has_annotation("SENT_START") else doc[:]
        if RATE_PER_MILLE.search(sent.text):
            span._.quantity = replace(q, unit="promille")


def _interval_units(doc: Doc, quantities: list[Span]) -> None:
    """"58,3 procent (95 % KI 56,1–60,5)": the bounds of a confidence interval are in the unit of
    the estimate before its parenthesis."""
    for k, span in enumerate(quantities):
        q = span._.quantity
        if q.unit_printed or k == 0:
            continue
        opening = doc.text.rfind("(", 0, span.start_char)
        if opening < 0 or ")" in doc.text[opening:span.start_char]:
            continue
        inside = {t.lower_ for t in doc.char_span(opening, span.start_char, alignment_mode="expand") or ()}
        estimate = quantities[k - 1]
        if inside & CONFIDENCE_WORDS and estimate.end_char <= opening and estimate._.quantity.unit_printed:
            e = estimate._.quantity
            span._.quantity = replace(q, unit=e.unit, scale=e.scale, value=q.value / q.scale * e.scale,
                                      high=None if q.high is None else q.high / q.scale * e.scale, unit_printed=True)


# "12,9 dagar (+0,6)": a signed figure alone in parentheses right after a figure
_SIGNED_IN_PARENTHESES = re.compile(r"\s*\(\s*$")


def _change_units(doc: Doc, quantities: list[Span]) -> None:
    """"Jämtlands län: 12,9 dagar (+0,6)": a bare signed figure alone in parentheses right after a figure is its
    change, in its unit (a share's change in procentenheter)."""
    for k, span in enumerate(quantities):
        q = span._.quantity
        if k == 0 or q.unit_printed or q.source != "digits" or span.text[:1] not in "+−-–" \
                or not doc.text[span.end_char:].lstrip().startswith(")"):
            continue
        level = quantities[k - 1]
        if not level._.quantity.unit_printed or not _SIGNED_IN_PARENTHESES.fullmatch(doc.text[level.end_char:span.start_char]):
            continue
        e = level._.quantity
        unit = "procentenheter" if e.unit == "procent" else e.unit
        span._.quantity = replace(q, unit=unit, scale=e.scale, value=q.value / q.scale * e.scale, unit_printed=True)


_THRESHOLD_UNITS = frozenset({"dagar", "veckor", "månader", "timmar"})


def _thresholds(doc: Doc, quantities: list[Span], non_facts: list[Span]) -> None:
    """"inom 90 dagar" in a sentence that states another figure is the time limit that defines
    it ("21 procent kartlades inom 90 dagar"), not a figure; alone ("Individen erbjuds ett första
    möte inom 3 veckor") it is the figure the sentence is about, a goal."""
    if not doc.has_annotation("SENT_START"):
        return
    limits = [s for s in quantities if s._.quantity.unit in _THRESHOLD_UNITS and s._.quantity.source in ("digits", "word")
              and prev_words(doc, s.start, 1) and prev_words(doc, s.start, 1)[0].lower_ in THRESHOLD_BEFORE]
    for span in limits:
        if any(o.sent.start == span.sent.start for o in quantities if o not in limits):
            quantities.remove(span)
            non_facts.append(Span(doc, span.start, span.end, label="threshold"))


def _share_units(doc: Doc, quantities: list[Span]) -> None:
    """"56 respektive 53 procent": the first figure takes the unit printed after the second."""
    for k in range(len(quantities) - 2, -1, -1):
        first, second = quantities[k], quantities[k + 1]
        q1, q2 = first._.quantity, second._.quantity
        if q1.unit_printed or not q2.unit_printed or q1.source not in ("digits", "range"):
            continue
        # "inte 1,1 utan närmare 1,6 miljarder kronor": a qualifier of the second figure joins nothing
        between = [t for t in doc[first.end:second.start] if not t.is_space and t.lower_ not in QUALIFIERS]
        words = tuple(t.lower_ for t in between)
        if words == (",",) and (_comparison_after(doc, second.end) or (q2.unit == "procent" and q1.value > 100)):
            continue  # "2 310, 20 procent fler än 2025": a count and its change, not a list of shares
        if (len(words) == 1 and words[0] in SHARED_UNIT_JOINERS) or words in _SHARED_UNIT_PHRASES:
            first._.quantity = replace(q1, value=q1.value / q1.scale * q2.scale, unit=q2.unit, scale=q2.scale,
                                       unit_printed=True,
                                       high=None if q1.high is None else q1.high / q1.scale * q2.scale)
    _between_bounds(doc, quantities)


# Words after a figure that compare it with another: "20 procent fler än", "tre gånger så många", "1,5 gånger högre".
_COMPARISON_AFTER = frozenset({"fler", "färre", "mer", "mindre", "högre", "lägre", "större", "kortare", "längre", "så",
                               "om", "än"})


def _comparison_after(doc: Doc, end: int) -> bool:
    nxt = next_words(doc, end - 1, 1)
    return bool(nxt) and nxt[0].lower_ in _COMPARISON_AFTER


def _occasions(doc: Doc, quantities: list[Span]) -> None:
    """"Närmare 19 000 gånger förra året fick någon ett brev": a whole count of occasions, not a factor
    ("1,34 gånger så hög", "tre gånger så många"): a factor that large compares nothing."""
    for span in quantities:
        q: Quantity = span._.quantity
        if q.unit == "gånger" and q.source == "digits" and q.value >= 100 and float(q.value).is_integer() \
                and not _comparison_after(doc, span.end):
            span._.quantity = replace(q, unit=COUNT_UNIT)


def _between_bounds(doc: Doc, quantities: list[Span]) -> None:
    """"mellan 50 och 60 procent": the first figure is a lower bound, the second an upper one."""
    for k in range(len(quantities) - 1):
        first, second = quantities[k], quantities[k + 1]
        before = prev_words(doc, first.start, 1)
        between = [t for t in doc[first.end:second.start] if not t.is_space]
        if before and before[0].lower_ == "mellan" and len(between) == 1 and between[0].lower_ == "och":
            q1, q2 = first._.quantity, second._.quantity
            if q1.unit == q2.unit and q1.high is None and q2.high is None:
                first._.quantity = replace(q1, qualifier="over")
                second._.quantity = replace(q2, qualifier="under")
