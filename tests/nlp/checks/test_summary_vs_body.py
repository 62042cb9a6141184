"""summary_vs_body: a report's summary against its own body, tables and footnotes."""
from __future__ import annotations

from nlp.checks import run_checks

M = "omstallningsmoten_antal"


def test_summary_that_differs_from_body_is_flagged(fact, context, flat):
    facts = [
        fact(1633, measure=M, period="2022", doc="r", kind="summary", printed="1 633", line=5),
        fact(1762, measure=M, period="2022", doc="r", kind="body", printed="1 762", line=50),
    ]
    findings = run_checks(facts, context(), types=["summary_vs_body", "text_vs_table", "restatement"])
    assert flat(findings) == [("summary_vs_body", "error", M, "2022")]
    assert "1 762" in findings[0].expected and "1 633" in findings[0].found
    assert "sammanfattningen" in findings[0].explanation


def test_summary_against_a_table_is_summary_vs_body(fact, context, flat):
    facts = [
        fact(71, measure="andel", unit="procent", period="2021", doc="r", kind="summary", printed="71 procent"),
        fact(69, measure="andel", unit="procent", period="2021", doc="r", kind="table", printed="69%"),
    ]
    assert flat(run_checks(facts, context(), types=["summary_vs_body", "text_vs_table"])) == [
        ("summary_vs_body", "error", "andel", "2021")
    ]


def test_summary_that_agrees_is_quiet(fact, context, flat):
    facts = [
        fact(8991, measure=M, doc="r", kind="summary", printed="8 991"),
        fact(8991, measure=M, doc="r", kind="body", printed="8 991", line=40),
        fact(8991, measure=M, doc="r", kind="table", printed="8991", line=90),
    ]
    assert flat(run_checks(facts, context())) == []


def test_two_reports_are_not_summary_vs_body(fact, context, flat):
    facts = [
        fact(1633, measure=M, doc="a", kind="summary"),
        fact(1762, measure=M, doc="b", kind="body"),
    ]
    assert flat(run_checks(facts, context(), types=["summary_vs_body"])) == []
