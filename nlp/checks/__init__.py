"""The audit checks: one module per finding type, each yielding Findings.

    CHECKS["restatement"].check(facts, context) -> Iterator[Finding]
    run_checks(facts, context, types=None) -> list[Finding], real errors first

Every check reads the same facts; the ones about a disagreement between figures share one
classification (conflicts.py), so a figure is reported as a restatement, an explained
revision, a definition change or a unit slip, never as two of them.
"""
from __future__ import annotations

from typing import Callable, Iterable, Optional, Sequence

from nlp.checks import (
    arithmetic,
    definition_change,
    restatement,
    revision_explained,
    share_vs_counts,
    summary_vs_body,
    text_vs_table,
    trend_claim,
    unit_slip,
)
from nlp.checks.base import SEVERITY_RANK, CheckSpec
from nlp.checks.context import CheckContext, Tolerances
from nlp.records import Fact, Finding

# In the order the report presents them: disagreements between figures, then sums and
# shares, then claims in words, then what the reports explain themselves.
CHECKS: dict[str, CheckSpec] = {
    c.type: c
    for c in (
        restatement.CHECK,
        summary_vs_body.CHECK,
        text_vs_table.CHECK,
        arithmetic.CHECK,
        share_vs_counts.CHECK,
        trend_claim.CHECK,
        unit_slip.CHECK,
        revision_explained.CHECK,
        definition_change.CHECK,
    )
}


def run_checks(facts: Sequence[Fact], context: Optional[CheckContext] = None, types: Optional[Iterable[str]] = None,
               on_check: Optional[Callable[[str], None]] = None) -> list[Finding]:
    """Run the checks named in `types` (all when None) and rank the findings.

    Ranking: severity (error, definition, rounding, info), then the size of the discrepancy,
    then type and id so the order is stable. on_check is called with each type once it has run
    (for progress).
    """
    context = context or CheckContext()
    wanted = list(CHECKS) if types is None else list(types)
    unknown = [t for t in wanted if t not in CHECKS]
    if unknown:
        raise ValueError(f"unknown check type(s): {', '.join(unknown)}; known: {', '.join(CHECKS)}")
    found: dict[str, Finding] = {}
    for t in wanted:
        for finding in CHECKS[t].check(facts, context):
            found.setdefault(finding.id, finding)
        if on_check is not None:
            on_check(t)
    return rank(found.values())


def rank(findings: Iterable[Finding]) -> list[Finding]:
    order = {t: i for i, t in enumerate(CHECKS)}
    return sorted(
        findings,
        key=lambda f: (-SEVERITY_RANK[f.severity], -f.score, order.get(f.type, 99), f.id),
    )


__all__ = ["CHECKS", "CheckContext", "CheckSpec", "Tolerances", "rank", "run_checks"]
