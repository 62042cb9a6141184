"""How the figures of one sentence stand to each other.

A figure may restate the one before it ("sju av tio, 73 procent"), give its previous value in
parentheses ("8 412 (7 903)", "(8 638 kartläggningar 2018)"), be compared with it ("jämfört med
64 procent"), share its left-out verb ("0,62 mnkr och Arbetsförmedlingen drygt 13 mnkr") or be
the change of the level before it. These relations let a figure take another's measure.
"""
from __future__ import annotations

import re
from typing import Optional, Sequence

from spacy.tokens import Doc, Span

from nlp.measures import MeasureMatcher
from nlp.prose.changes import SIGNED, figure_change
from nlp.records import Breakdown, UNCLASSIFIED
from nlp.sv.breakdowns import find_terms
from nlp.sv.periods import find_year_mentions
from nlp.sv.qualifiers import QUALIFIERS


def appositive(doc: Doc, first: Span, second: Span) -> bool:
    """True when `second` restates `first` right after it ("sju av tio, 73 procent", "två av tio
    (17 procent)") or is the other end of the same change ("från 9,7 procent 2022 till 10,2 procent")."""
    between = doc.text[first.end_char:second.start_char].strip()
    between = re.sub(r"^(?:(?:år\s+)?(?:19|20)\d\d\s+)?(?=till$)", "", between)
    return first._.quantity.unit == second._.quantity.unit and between in (",", "(", "–", "-", ":", "till")


# what may stand between "(" and the first figure of a parenthesis that restates the figure before it for other
# groups: nothing or a qualifier ("(drygt nio procent ...)"), the qualifiers nlp.sv.qualifiers knows
_QUALIFIER_WORD = "|".join(sorted((re.escape(w) for w in QUALIFIERS if " " not in w), key=len, reverse=True))
_PAREN_LEAD = re.compile(rf"^\s*(?:(?:{_QUALIFIER_WORD})\s+)?$", re.IGNORECASE)
_SIBLING_JOIN = re.compile(rf"(?:,|\boch|\bsamt|\brespektive)\s*(?:(?:{_QUALIFIER_WORD})\s+)?$", re.IGNORECASE)


def restated_in_parens(doc: Doc, spans: Sequence[Span], idx: int, decided: dict[int, tuple[str, Breakdown]],
                       restating: set[int]) -> Optional[str]:
    """The measure of the figure a parenthesis restates for other groups: "Tio procent av de sjukskrivna (elva procent
    av dem med aktivitetsersättning och sex procent av dem med sjukersättning) bedömdes ha arbetsförmåga" gives
    "elva" and "sex" the measure of "Tio procent". Only a parenthesis that opens with the figure (or goes on with
    a sibling after "och" or a comma), of the same unit, a few words after a figure outside it, naming a group; "(anslaget 720
    mnkr)" names its own."""
    span = spans[idx]
    if not in_parens(doc, span):
        return None
    opened = doc.text.rfind("(", 0, span.start_char)
    lead = doc.text[opened + 1:span.start_char]
    sibling = idx - 1 in restating and spans[idx - 1].start_char > opened and _SIBLING_JOIN.search(
        doc.text[spans[idx - 1].end_char:span.start_char])
    if not (_PAREN_LEAD.match(lead) or sibling):
        return None
    closed = doc.text.find(")", span.end_char)
    if not find_terms(doc.text[opened:closed if closed > 0 else span.sent.end_char]):
        return None  # "nästan hälften (49,6 procent)" restates the same figure, for no other group
    sent_start = span.sent.start_char if doc.has_annotation("SENT_START") else 0
    before = [j for j in range(idx) if sent_start <= spans[j].start_char and spans[j].end_char <= opened
              and not in_parens(doc, spans[j])]
    if not before:
        return None
    j = before[-1]
    between = doc.text[spans[j].end_char:opened]
    if re.search(r"[.;:!?()]", between) or len(between.split()) > 8 or spans[j]._.quantity.unit != span._.quantity.unit:
        return None
    key = decided.get(j, (UNCLASSIFIED,))[0]
    return key if key != UNCLASSIFIED else None


_FROM_BEFORE = re.compile(r"\bfrån\s+(?:cirka\s+|drygt\s+|knappt\s+|omkring\s+|ungefär\s+)?$", re.IGNORECASE)


def from_to_pair(doc: Doc, first: Span, second: Span) -> bool:
    """True when `first` and `second` are the two ends of "från X till Y" ("ökade från 96 till 121 mellan 2030
    och 2032"): one measure at two times, whatever other words stand near the second."""
    between = doc.text[first.end_char:second.start_char].strip()
    between = re.sub(r"^(?:(?:år\s+)?(?:19|20)\d\d\s+)?(?=till$)", "", between)
    return between == "till" and first._.quantity.unit == second._.quantity.unit \
        and bool(_FROM_BEFORE.search(doc.text[max(0, first.start_char - 20):first.start_char]))


# A share that restates the count before it: "7 310 kartläggningar, vilket motsvarar 74 procent",
# "1 876 (19 procent)".
_RESTATES_COUNT = re.compile(r"^\s*(?:\(|,?\s*(?:vilket|som|det)\s+(?:motsvarar|utgör|är)\s+(?:en\s+andel\s+(?:om|på)\s+)?)$", re.IGNORECASE)


def share_of_count(doc: Doc, span: Span, idx: int, spans: Sequence[Span], decided: dict[int, tuple[str, Breakdown]],
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


def gapped_measure(doc: Doc, span: Span, idx: int, spans: Sequence[Span], decided: dict[int, tuple[str, Breakdown]]) -> Optional[str]:
    """The measure of a figure whose verb and noun are left out because the clause before has
    them: "Försäkringskassan lämnade tillbaka 0,62 mnkr och Arbetsförmedlingen drygt 13 mnkr".
    The figure stands last in its clause (punctuation after it) and follows a figure of the
    same unit, joined by "och" and a few words."""
    if idx == 0 or idx - 1 not in decided or in_parens(doc, span):
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


def level_before(doc: Doc, span: Span, idx: int, spans: Sequence[Span],
                 decided: dict[int, tuple[str, Breakdown]]) -> Optional[tuple[str, Breakdown]]:
    """The figure a change names no measure for belongs to: the last level of the same unit
    before it in its sentence ("7 140 personer ... (6 915 år 2023), en ökning med 225 personer")."""
    for j in range(idx - 1, -1, -1):
        other = spans[j]
        if other.sent.start != span.sent.start:
            break
        if j in decided and decided[j][0] != UNCLASSIFIED and other._.quantity.unit == span._.quantity.unit \
                and not in_parens(doc, other) and figure_change(doc, other) is None:
            return decided[j]
    return None


def in_apposition(doc: Doc, span: Span) -> bool:
    """True for a figure set off by commas that restates a group: "..., 4 942 personer, var inskrivna"."""
    before = doc.text[max(span.sent.start_char, span.start_char - 2):span.start_char].strip()
    following = [t for t in doc[span.end:min(span.sent.end, span.end + 3)] if not t.is_space]
    if before != "," or not following:
        return False
    if following[0].text == ",":
        return True
    return len(following) > 1 and following[0].is_alpha and following[1].text == ","


_COMPARED_BEFORE = re.compile(r"(?:jämfört\s+(?:med|mot)|i\s+förhållande\s+till|\bän|,\s*mot)\s+(?:de\s+|den\s+)?$", re.IGNORECASE)


def is_compared(doc: Doc, span: Span) -> bool:
    """True for a figure another is compared with ("en ökning jämfört med 49 procent 2021"): like a
    figure in parentheses, it restates the measure for another year and claims no words."""
    return bool(_COMPARED_BEFORE.search(doc.text[max(0, span.start_char - 30):span.start_char]))


# between two figures of one list: the first one's year, then "och", "," or "respektive"
_LIST_GAP = re.compile(r"^\s*(?:(?:år\s+|under\s+)?(?:19|20)\d\d\s*)?(?:,|och|samt|respektive)\s+(?:(?:med|till)\s+)?$",
                       re.IGNORECASE)


def continues_comparison(doc: Doc, before: Span, span: Span) -> bool:
    """True when `span` goes on the list a compared figure opened: "jämfört med 72,6 procent 2026 och 71,8
    procent 2025" (the same unit, only a year and "och" or a comma between)."""
    return before._.quantity.unit == span._.quantity.unit and before.sent.start == span.sent.start \
        and bool(_LIST_GAP.match(doc.text[before.end_char:span.start_char]))


def compared_level(doc: Doc, span: Span, idx: int, spans: Sequence[Span],
                   decided: dict[int, tuple[str, Breakdown]]) -> Optional[str]:
    """The measure of the level a compared figure is set against: the last figure before it in
    its sentence, in the same unit, outside parentheses, not itself a change."""
    for j in range(idx - 1, -1, -1):
        other = spans[j]
        if other.sent.start != span.sent.start:
            return None
        if other._.quantity.unit == span._.quantity.unit and not in_parens(doc, other) and j in decided:
            key = decided[j][0]
            return None if key == UNCLASSIFIED or figure_change(doc, other) else key
    return None


def changes_to(doc: Doc, change: Span, level: Span) -> bool:
    """True when `change` is the size of a change and `level` the value it changed to:
    "minskade med tre procentenheter till 71 procent"."""
    if change.end > level.start or figure_change(doc, change) is None:
        return False
    return doc.text[change.end_char:level.start_char].strip().lower() == "till"


# --- parentheses -----------------------------------------------------------------------------

def comparison_anchors(doc: Doc, spans: Sequence[Span], parens: Sequence[tuple[int, int]]) -> dict[int, int]:
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
                    not any(p[0] < other.start_char < p[1] for p in parens) and not (after_year and figure_change(doc, other)):
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
        if SIGNED.match(span.text) or prev._.quantity.unit != span._.quantity.unit or not re.search(r"\d", prev.text) \
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


def respektive_groups(doc: Doc, spans: Sequence[Span]) -> dict[int, list[int]]:
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


def _close_group(doc: Doc, spans: Sequence[Span], members: list[int], groups: dict[int, list[int]]) -> None:
    if len(members) < 2:
        return
    joined = doc[spans[members[0]].start:spans[members[-1]].end].text.lower()
    if "respektive" not in joined:
        return
    for m in members:
        groups[m] = list(members)


def in_parens(doc: Doc, span: Span) -> bool:
    return doc.text[:span.start_char].count("(") > doc.text[:span.start_char].count(")")
