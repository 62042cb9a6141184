"""The registry, the ranking and the promise that one disagreement is reported once."""
from __future__ import annotations

import pytest

from nlp.checks import CHECKS, Tolerances, rank, run_checks
from nlp.checks.base import make_finding
from nlp.records import SEVERITIES

ISSUE_TYPES = [
    "restatement", "summary_vs_body", "text_vs_table", "arithmetic", "share_vs_counts",
    "trend_claim", "unit_slip", "revision_explained", "definition_change",
]


def test_every_type_of_the_issue_is_registered_and_described():
    assert list(CHECKS) == ISSUE_TYPES
    for t, spec in CHECKS.items():
        assert spec.type == t
        assert spec.title and len(spec.description) > 60, t
        assert set(spec.severities) <= set(SEVERITIES) and spec.severities, t


def test_unknown_type_is_refused(fact, context):
    with pytest.raises(ValueError, match="nonsense"):
        run_checks([fact(1)], context(), types=["nonsense"])


def test_bad_tolerance_names_the_field():
    with pytest.raises(ValueError, match="approximate_rel"):
        Tolerances(approximate_rel=-1)
    with pytest.raises(ValueError, match="unknown tolerance"):
        Tolerances.resolve({"nope": 1})
    assert Tolerances.resolve({"marginal_points": 3}).marginal_points == 3


def test_ranking_puts_errors_first_then_definition_rounding_info():
    def f(severity, gap, name):
        return make_finding("restatement", severity, [], "a", "b", name, measure=name, discrepancy=gap)

    ranked = rank([f("info", 0.9, "i"), f("rounding", 0.5, "r"), f("error", 0.1, "small"), f("definition", 0.2, "d"), f("error", 0.6, "big")])
    assert [x.measure for x in ranked] == ["big", "small", "d", "r", "i"]


def test_a_disagreement_is_reported_under_one_type_only(fact, document, context):
    """Explained, slipped or plain: each group of figures lands in exactly one finding."""
    docs = [document("a", "2020-01-01", 2019), document("b", "2021-01-01", 2020)]
    facts = [
        fact(45e6, measure="m_kronor", unit="kronor", scale=1e6, printed="45 miljoner", doc="a"),
        fact(450e6, measure="m_kronor", unit="kronor", scale=1e3, printed="450 000", doc="b", kind="table"),
        fact(8638, period="2018", doc="a"),
        fact(8936, period="2018", doc="b", kind="table"),
    ]
    findings = run_checks(facts, context(documents=docs))
    assert sorted((f.type, f.measure) for f in findings) == [("restatement", "kartlaggningar_antal"), ("unit_slip", "m_kronor")]


def test_findings_carry_what_a_reader_needs(fact, document, context):
    docs = [document("a", "2020-05-08", 2019), document("b", "2023-04-14", 2022)]
    facts = [fact(8638, period="2018", doc="a", line=55), fact(8936, period="2018", doc="b", kind="table", line=475)]
    (f,) = run_checks(facts, context(documents=docs))
    assert len(f.id) == 16 and f.breakdown == ()
    assert [(r.doc, r.line, r.value, r.published) for r in f.facts] == [("a", 55, 8638.0, "2020-05-08"), ("b", 475, 8936.0, "2023-04-14")]
    assert all(r.quote and r.fact and r.source_file for r in f.facts)
    assert "rad 55" in f.explanation and "rad 475" in f.explanation
