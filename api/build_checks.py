"""The audit's checks in an incremental build: redone only where the changed reports reach.

A full build runs every check over every fact. When reports are added, changed or removed,
most findings cannot change. Each check reads one of three things (nlp.checks):

- per measure (restatement, summary_vs_body, text_vs_table, unit_slip, revision_explained,
  definition_change: nlp.checks.conflicts): one measure's facts in every report, and the text
  of those reports that may explain a change. Each finding is about that measure.
- per report (arithmetic, share_vs_counts): one report's tables and sentences and its facts of
  any measure; each finding cites that report.
- claims (trend_claim): one report's sentences with all its facts (which sentences claim a
  change without a figure of their own, naming a measure by a catalogue phrase), and the
  claimed measure's figures in every report. Each finding is about that measure.

So each report has a scope (`check_scope`): the measures of its facts and the measures whose
catalogue phrases its text names. A build that changed the reports T (added, changed or
removed) touches the measures M of their scopes, before and after the change, and reruns:
the per-measure checks over the facts of M in every report; the per-report checks over every
fact of T; the claims over every fact of T and of the reports whose scope meets M. Of what
they find, the findings about a measure in M (per measure, claims) or citing a report of T
(per report, claims) are taken; every other stored finding is kept as it was. That equals a
full build's findings (tests/api/test_build_incremental.py compares them finding for finding):
what an untouched finding reads did not change, and every report that can give a touched
finding is among those checked. A check type not named here is rerun over everything.

Periods are not used to narrow further: a claim compares two years, and a restatement is
looked for between any two reports that give the same year.
"""
from __future__ import annotations

import hashlib
import sqlite3
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterable, Optional, Sequence

from ingest.records import Document
from nlp.records import UNCLASSIFIED

from .store.scope import delete_scope, has_scope_table, reports_meeting, save_scope, scope_of

MIN_PHRASE = 4  # shorter catalogue phrases ("gk") are abbreviations that any text may hold as letters


PER_MEASURE = frozenset({"restatement", "summary_vs_body", "text_vs_table", "unit_slip", "revision_explained",
                         "definition_change"})
PER_REPORT = frozenset({"arithmetic", "share_vs_counts"})
CLAIMS = frozenset({"trend_claim"})


@lru_cache(maxsize=1)
def scope_code() -> str:
    """A hash of this module's source, kept with the scopes: scopes written by other code (another
    idea of what a report's findings read) are not trusted, and the next build checks in full."""
    return hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:16]


def _cites(finding, docs: set[str]) -> bool:
    return any(ref.doc in docs for ref in finding.facts)


@dataclass
class CheckPlan:
    """What an incremental build checks again: the reports T that changed, the measures M they
    touch, and the reports whose claims are read again (T and every report whose scope meets M;
    every report when a check type is not one this module knows)."""

    changed: set[str]
    measures: set[str]
    documents: set[str]

    def touches(self, finding) -> bool:
        """Whether a finding is redone by this build (else the stored one stands)."""
        if finding.type in PER_MEASURE:
            return finding.measure in self.measures
        if finding.type in PER_REPORT:
            return _cites(finding, self.changed)
        if finding.type in CLAIMS:
            return finding.measure in self.measures or _cites(finding, self.changed)
        return True


def _text(doc: Document) -> str:
    parts = [b.text for b in doc.blocks] + [f.text for f in doc.footnotes] + [t.caption for t in doc.tables]
    return " ".join(" ".join(parts).lower().split())


def named_measures(doc: Document, catalogue: Sequence) -> set[str]:
    """The measures whose catalogue phrases the report's text names (a claim without a figure
    of its own is judged by that measure's figures in other reports)."""
    text = _text(doc)
    out = set()
    for m in catalogue:
        for phrase in m.phrases:
            p = " ".join(phrase.lower().split())
            if len(p) >= MIN_PHRASE and p in text:
                out.add(m.key)
                break
    return out


def document_scope(doc: Document, facts: Iterable, catalogue: Sequence) -> set[str]:
    """The measures a report's findings can concern: those of its facts and those its text names."""
    return ({f.measure for f in facts} | named_measures(doc, catalogue)) - {UNCLASSIFIED, ""}


def forget_scope(conn: sqlite3.Connection, doc_ids: Iterable[str]) -> set[str]:
    """Remove the scopes of reports that leave the KB (removed, or replaced by a new version);
    returns the measures they held, which the build then touches."""
    doc_ids = list(doc_ids)
    measures = scope_of(conn, doc_ids)
    delete_scope(conn, doc_ids)
    return measures


def plan_checks(conn: sqlite3.Connection, changed: set[str], left_measures: set[str], present: Iterable[str],
                types: Iterable[str]) -> CheckPlan:
    """The plan for a build whose new or changed reports (`changed`, their scopes saved) and
    removed or replaced ones (`left_measures`: the scopes they had) are known; `types` are the
    check types that will run."""
    present = set(present)
    measures = (set(left_measures) | scope_of(conn, changed & present)) - {UNCLASSIFIED, ""}
    reading = set(changed) & present
    if any(t not in PER_MEASURE | PER_REPORT | CLAIMS for t in types):
        reading = set(present)
    else:
        reading |= reports_meeting(conn, measures)
    return CheckPlan(changed=set(changed), measures=measures, documents=reading & present)


def run_planned(plan: CheckPlan, facts: Sequence, documents: dict[str, Document], context: Callable[[dict], object],
                types: Sequence[str], on_check: Optional[Callable[[str], None]] = None) -> list:
    """The findings of the checks the plan reruns, each type over the facts it reads: `facts` are
    every fact of plan.documents, in a full build's order; `context(documents)` makes the checks'
    context for some of `documents`."""
    from nlp.checks import run_checks

    def run(kinds: list[str], chosen: list) -> list:
        if not kinds:
            return []
        if not chosen:
            for t in kinds:
                on_check and on_check(t)
            return []
        docs = {d: documents[d] for d in dict.fromkeys(f.doc for f in chosen)}
        return run_checks(chosen, context(docs), types=kinds, on_check=on_check)

    found = run([t for t in types if t in PER_MEASURE], [f for f in facts if f.measure in plan.measures])
    found += run([t for t in types if t in PER_REPORT], [f for f in facts if f.doc in plan.changed])
    found += run([t for t in types if t not in PER_MEASURE | PER_REPORT], list(facts))
    return found


def merge_findings(stored: Sequence, fresh: Sequence, plan: CheckPlan) -> list:
    """The stored findings the build does not touch, and the fresh ones it does, ranked as
    run_checks ranks them."""
    from nlp.checks import rank

    by_id = {f.id: f for f in stored if not plan.touches(f)}
    for f in fresh:
        if plan.touches(f):
            by_id.setdefault(f.id, f)
    return rank(by_id.values())


__all__ = ["CLAIMS", "CheckPlan", "PER_MEASURE", "PER_REPORT", "document_scope", "scope_code", "forget_scope", "has_scope_table",
           "merge_findings", "named_measures", "plan_checks", "run_planned", "save_scope"]
