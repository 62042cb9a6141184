"""The breakdown of a figure: the groups (kön, förmån, ålder, myndighet, län, ...) it is about.

"56 respektive 53 procent" after "män än för kvinnor" pairs in order; else the nearest group
word before the figure in its sentence, or the one its "av de som ..." clause names; a pair
such as "kvinnor och män" is the total, not a group; "Av dem var 66 procent kvinnor" keeps the
groups of the sentence before; "skillnaden mellan könen" is a gap between two groups.
"""
from __future__ import annotations

import re
from typing import Optional, Sequence

from spacy.tokens import Doc, Span

from nlp.components.quantities import NON_FACTS
from nlp.prose.figures import in_parens
from nlp.records import Breakdown, Measure
from nlp.sv.breakdowns import DEFAULT_BREAKDOWN_KEYS, OPEN_AGE_AFTER, UNCLASSIFIED_BREAKDOWN_KEYS, split_outcomes, Term, age_value, find_group_terms, find_terms
from nlp.sv.places import find_parallel_places, find_place_terms, is_place


_JOINERS = frozenset({"och", "eller", "samt", ",", "respektive", "/"})
# "Av dem var 66 procent kvinnor": the people the sentence before counted ("Bland dem som var 19–29 år" names
# a group of its own in the relative clause)
_ANAPHORA = re.compile(r"^\s*(?:av|bland)\s+(?:dem|dessa|de|den)\b(?!\s+som\b)", re.IGNORECASE)


# "63 M, 64 SD, 17 KD", "12 AB, 4 C": counts each followed by a short code in capitals (parties, counties)
_COUNT_CODE = re.compile(r"(?<![\w,])\d{1,3}(?:\s\d{3})*\s+([A-ZÅÄÖ]{1,3})(?=\s*(?:,|;|\.|$|\s+och\s))", re.MULTILINE)


def coded_group(doc: Doc, span: Span) -> Optional[str]:
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


# --- breakdowns ------------------------------------------------------------------------------

def doc_terms(doc: Doc) -> list[Term]:
    terms = list(find_terms(doc.text)) + find_group_terms(doc.text) + find_place_terms(doc.text) + find_parallel_places(doc.text)
    for nf in doc.spans.get(NON_FACTS, []):
        if nf.label_ == "age":
            value, end = age_value(nf.text), nf.end_char
            if value is None:  # "60 år och äldre": the open group is printed after the number
                m = OPEN_AGE_AFTER.match(doc.text, nf.end_char)
                value, end = (age_value(nf.text + m.group(0)), m.end()) if m else (None, end)
            if value:
                terms.append(Term(nf.start_char, end, "alder", value))
    return sorted(terms, key=lambda t: t.start)


def allowed_keys(measure: Optional[Measure], unit: str = "") -> tuple[str, ...]:
    if measure is None:
        # an amount of money no catalogue measure claims (a benefit level, a cost) is not a figure
        # about a group of people: "taket i sjukpenningen höjs till 592 000 kronor" has no förmån group
        # (the agency the money is for is no group of people: "Försäkringskassan har fått 250 miljoner kronor")
        return ("myndighet",) if unit.startswith("kronor") else UNCLASSIFIED_BREAKDOWN_KEYS
    if measure.unit == "antal":
        # a count of people splits by kön and age whether or not the reports the catalogue was written from did
        # ("412 personer, varav 231 kvinnor och 181 män", "I åldern 18–24 år var 44 600 inskrivna")
        return (*measure.breakdowns, *(k for k in ("kon", "alder") if k not in measure.breakdowns))
    return tuple(measure.breakdowns)


def figure_breakdown(doc: Doc, span: Span, idx: int, spans: Sequence[Span], terms: Sequence[Term],
                     groups: dict[int, list[int]], measure: Optional[Measure],
                     decided: dict[int, tuple[str, Breakdown]], population: Optional[str] = None) -> Breakdown:
    allowed = allowed_keys(measure, span._.quantity.unit)
    sent = span.sent
    if measure is None and "sysselsattning" in allowed and not split_outcomes([sent.text]):
        allowed = tuple(k for k in allowed if k != "sysselsattning")  # one outcome named is what is counted
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
                   if POPULATION_BEFORE.search(doc.text[max(0, t.start - 40):t.start])
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


def group_difference(doc: Doc, span: Span, spans: Sequence[Span], terms: Sequence[Term]) -> Optional[tuple[str, str]]:
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
POPULATION_BEFORE = re.compile(r"(?:avslag\s+på\s+(?:ansökan\s+om\s+)?|inte\s+längre\s+(?:får|fick|har\s+rätt\s+till)\s+)$", re.IGNORECASE)

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
# (_opens_clause_of reads this one too: a wider pattern, r"[;:!?,–(]|\b(?:och|men|medan|som|varav)\b", once
# written for it was shadowed by this one in the old prose_facts.py, and the figures are as this one makes them)
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
    following = [s for s in spans[idx + 1:] if not in_parens(doc, s) or in_parens(doc, span)]
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
    if before and is_place(before[-1]) and not doc.text[before[-1].end:span.start_char].strip():
        return before[-1].value  # "i Köping 640 och i Sala 410": the place printed right before the figure
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


def _coordinated(doc: Doc, last: Term, before: Sequence[Term]) -> bool:
    """True when the nearest term is one of a pair: "kvinnor och män", "sjukskrivna eller har aktivitetsersättning"."""
    if len(before) < 2:
        return False
    prev = before[-2]
    between = doc.text[prev.end:last.start].lower().split()
    return len(between) <= 3 and any(w.strip(",") in _JOINERS or w == "," for w in between)
