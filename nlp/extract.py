"""extract_facts(document, nlp, catalogue) -> list[Fact]: prose, tables and footnotes.

The one entry point the build and the benchmark call. It runs the prose path
(nlp.prose) and the table path (nlp.tables), removes duplicates (the same figure
read twice from the same place), leaves weak measure matches unclassified in a document that
hardly matches the catalogue (nlp.measure_trust), and gives every fact a stable id: a short SHA-1 of the
document, the place (block or cell and character offset), measure, period and breakdown, so
rebuilding an unchanged report gives the same ids.
"""
from __future__ import annotations

import hashlib
from dataclasses import replace
from typing import Callable, Optional, Sequence, Union

from spacy.language import Language

from ingest.records import Document
from nlp.addressee import give_addressee
from nlp.appropriations import appropriations_named, appropriations_own_prose_amounts
from nlp.measure_trust import distrust_weak_matches
from nlp.part_year import settle_part_year
from nlp.population import document_text, settle_population
from nlp.measures import MeasureMatcher
from nlp.prose import extract_prose_facts, text_sources
from nlp.records import Fact, Measure
from nlp.tables import extract_table_facts
from nlp.wordkeys import Lexicon

Progress = Callable[[int, int], None]


def fact_id(doc: str, place: str, measure: str, period: str, breakdown: Sequence[tuple[str, str]]) -> str:
    """A stable 16-hex id from where a fact was read and what it says."""
    key = "|".join([doc, place, measure, period, ";".join(f"{k}={v}" for k, v in breakdown)])
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def _place(fact: Fact) -> str:
    where = fact.cell or fact.block or ""
    return f"{where}:{fact.line}:{fact.printed}"  # the offset is left out so ids stay those of earlier builds


def build_matcher(nlp: Language, catalogue: Union[Sequence[Measure], MeasureMatcher]) -> MeasureMatcher:
    """A MeasureMatcher for `catalogue` with the pipeline's lemma table (reuse it across documents)."""
    if isinstance(catalogue, MeasureMatcher):
        return catalogue
    cache = getattr(nlp, "_rapportkoll_matchers", None)
    if cache is None:
        cache = {}
        setattr(nlp, "_rapportkoll_matchers", cache)
    key = tuple(m.key for m in catalogue), id(catalogue)
    if key not in cache:
        lexicon = getattr(nlp, "_rapportkoll_lexicon", None) or Lexicon.from_nlp(nlp)
        setattr(nlp, "_rapportkoll_lexicon", lexicon)
        cache.clear()
        cache[key] = MeasureMatcher(catalogue, lexicon)
    return cache[key]


def dedupe(facts: Sequence[Fact]) -> list[Fact]:
    """Drop a fact read twice from the same place with the same value, measure, period and breakdown."""
    seen: set[tuple] = set()
    out: list[Fact] = []
    for f in facts:
        # the offset keeps two printings of one value on a line apart ("från 223 till 365 ... ner till 365")
        key = (f.doc, f.cell or f.block, f.line, f.offset, f.printed, f.value, f.measure, f.period, f.breakdown)
        if key in seen:
            continue
        seen.add(key)
        out.append(f)
    return out


def parts(document: Document) -> int:
    """How many steps extract_facts reports for `document`: its text passages and its tables."""
    return len(text_sources(document)) + len(document.tables)


def extract_facts(document: Document, nlp: Language, catalogue: Union[Sequence[Measure], MeasureMatcher],
                  matcher: Optional[MeasureMatcher] = None, on_progress: Optional[Progress] = None) -> list[Fact]:
    """Every figure of `document` as a Fact, in reading order within prose and then tables.

    nlp: from nlp.pipeline.make_nlp(); catalogue: from nlp.measures.load_catalogue() (or a
    MeasureMatcher built from it, to share across many documents). on_progress(done, total) is
    called as each text passage and table is read (see parts()).
    """
    m = matcher or build_matcher(nlp, catalogue)
    on_source = on_table = None
    if on_progress is not None:
        total, done = parts(document), [0]

        def step(_) -> None:
            done[0] += 1
            on_progress(done[0], total)

        on_source = on_table = step
    prose = extract_prose_facts(document, nlp, m, on_source=on_source)
    named = appropriations_named(document)  # the anslag of tables and of running text alike
    tables = extract_table_facts(document, m, nlp, on_table=on_table, appropriations=named)
    # the document's trust in weak matches is judged with its population measures' matches still counted (left
    # out, a page of unemployment figures would have too few classified figures to be judged at all)
    facts = distrust_weak_matches(settle_part_year(prose + tables, m.by_key))
    facts = settle_population(facts, m.by_key, document_text(document))
    facts = give_addressee(appropriations_own_prose_amounts(document, facts, m.by_key, named), document, m)
    out: list[Fact] = []
    ids: set[str] = set()
    for f in dedupe(facts):
        fid = fact_id(f.doc, _place(f), f.measure, f.period, f.breakdown)
        n = 1
        while fid in ids:  # the same figure printed twice on one line for two groups
            n += 1
            fid = fact_id(f.doc, f"{_place(f)}#{n}", f.measure, f.period, f.breakdown)
        ids.add(fid)
        out.append(replace(f, id=fid))
    return out


__all__ = ["build_matcher", "dedupe", "extract_facts", "fact_id", "parts"]
