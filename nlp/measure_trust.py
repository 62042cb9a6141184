"""How far a document's weak measure matches can be trusted, judged from the document itself.

The catalogue (nlp/measures.yaml) describes one programme's figures. A report about that
programme names many of them plainly ("gemensamma kartläggningar" in a caption, "andelen som
återgick i arbete" in a sentence): a good share of its figures match a measure strongly, and a
weak match there is usually right, because the report's subject is the catalogue's. A document
about something else (a samordningsförbund's year, a project's final report, a press release on
benefit levels) shares only the everyday words: "deltagare", "avslutade", "kostnad", "budget".
Almost none of its figures match strongly, and its weak matches are coincidences of words, so
they are left unclassified with their own candidate key (`rapportkoll measures --unclassified`).

The decision is per document and uses only the scores the matcher gave, so it holds for wordings
and documents nobody has seen.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Sequence

from nlp.records import UNCLASSIFIED, Fact

# A score this high means the figure's own words name the measure (a phrase of it, or a content
# lemma next to the figure), not just a word that many measures share.
STRONG_SCORE = 1.5
# Reports of the catalogue's programme have a third to three quarters of their classified figures
# matched strongly; documents about something else a tenth or less (benchmarks/facts_results.md).
MIN_STRONG_SHARE = 0.2
# Below this many classified figures the share says too little to overrule the matcher (a page
# of a report in new wording can have a dozen weak, right matches and nothing strong).
MIN_CLASSIFIED = 20


@dataclass(frozen=True)
class CatalogueFit:
    """How well a document's figures match the catalogue."""

    classified: int  # figures given a measure
    strong: int  # of them, matched with at least STRONG_SCORE

    @property
    def strong_share(self) -> float:
        return self.strong / self.classified if self.classified else 0.0

    @property
    def trusts_weak_matches(self) -> bool:
        return self.classified < MIN_CLASSIFIED or self.strong_share >= MIN_STRONG_SHARE


def catalogue_fit(facts: Sequence[Fact]) -> CatalogueFit:
    scores = [f.measure_score for f in facts if f.measure != UNCLASSIFIED]
    return CatalogueFit(classified=len(scores), strong=sum(1 for s in scores if s >= STRONG_SCORE))


def distrust_weak_matches(facts: Sequence[Fact]) -> list[Fact]:
    """The facts of one document, with weak measure matches left unclassified where the document
    as a whole hardly matches the catalogue (see the module's docstring).

    The paths give every figure its candidate key; once the measures are settled only the
    unclassified keep theirs, as `measure_candidate` promises."""
    trusted = catalogue_fit(facts).trusts_weak_matches
    # a measure the document names plainly somewhere is one it speaks of: its weak matches elsewhere (a table
    # whose caption words it otherwise) are that measure too
    named = {f.measure for f in facts if f.measure != UNCLASSIFIED and f.measure_score >= STRONG_SCORE}
    out = []
    for f in facts:
        if f.measure != UNCLASSIFIED and not trusted and f.measure_score < STRONG_SCORE and f.measure not in named:
            f = replace(f, measure=UNCLASSIFIED, measure_label="", measure_score=0.0)
        elif f.measure != UNCLASSIFIED and f.measure_candidate:
            f = replace(f, measure_candidate="")
        out.append(f)
    return out


__all__ = ["CatalogueFit", "MIN_CLASSIFIED", "MIN_STRONG_SHARE", "STRONG_SCORE", "catalogue_fit", "distrust_weak_matches"]
