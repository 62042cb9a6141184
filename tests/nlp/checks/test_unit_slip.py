"""unit_slip: the same amount in two scales that disagree by a power of ten."""
from __future__ import annotations

from nlp.checks import run_checks

M = "forbrukning_kronor"


def test_millions_in_text_against_tkr_in_a_table(fact, context, flat):
    facts = [
        fact(45e6, measure=M, unit="kronor", scale=1e6, qualifier="approximate", printed="45 miljoner", doc="r"),
        fact(450e6, measure=M, unit="kronor", scale=1e3, printed="450 000", doc="r", kind="table", line=90),
    ]
    findings = run_checks(facts, context())
    assert flat(findings) == [("unit_slip", "error", M, "2019")]
    assert "10" in findings[0].explanation and "tkr" in findings[0].explanation


def test_a_missing_scale_word(fact, context, flat):
    facts = [
        fact(345, measure=M, unit="antal", printed="345", doc="r"),
        fact(345.4e6, measure=M, unit="kronor", scale=1e3, printed="345 400", doc="r", kind="table", line=90),
    ]
    findings = run_checks(facts, context())
    assert flat(findings) == [("unit_slip", "error", M, "2019")]
    assert "skalord" in findings[0].explanation


def test_same_scale_off_by_ten_is_a_plain_disagreement(fact, context, flat):
    facts = [
        fact(4500, measure="moten", printed="4 500", doc="r"),
        fact(450, measure="moten", printed="450", doc="r", kind="table", line=90),
    ]
    assert flat(run_checks(facts, context())) == [("text_vs_table", "error", "moten", "2019")]


def test_amounts_that_agree_across_scales(fact, context, flat):
    facts = [
        fact(39e6, measure=M, unit="kronor", scale=1e6, qualifier="approximate", printed="39 miljoner", doc="r"),
        fact(39.3e6, measure=M, unit="kronor", scale=1e3, printed="39 300", doc="r", kind="table", line=90),
    ]
    assert flat(run_checks(facts, context())) == []


def test_an_overrun_said_in_kronor_against_a_negative_difference_in_tkr(fact, context, flat):
    facts = [
        fact(1000, measure="differens_kronor", unit="kronor", printed="1 000 kronor", period="2025"),
        fact(-1e6, measure="differens_kronor", unit="kronor", scale=1e3, printed="-1 000", kind="table", period="2025", line=73),
    ]
    assert flat(run_checks(facts, context())) == [("unit_slip", "error", "differens_kronor", "2025")]
    same = [facts[0], fact(-1000, measure="differens_kronor", unit="kronor", printed="-1 000 kronor", kind="table", period="2025", line=73)]
    assert flat(run_checks(same, context())) == []  # one amount, two sign conventions
