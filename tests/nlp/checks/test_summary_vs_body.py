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


def test_advice_follows_the_side_the_sum_of_parts_bears_out(fact, context, flat):
    """The summary's 1 633 is the sum of the body's meetings per förmån: the body's total is the
    figure to correct, and the finding says so (not "rätta sammanfattningen")."""
    parts = [("sjukpenning", 1199), ("aktivitetsersättning", 164), ("sjukersättning", 270)]
    facts = [
        fact(1633, measure=M, period="2022", doc="r", kind="summary", printed="1 633", line=5),
        fact(1762, measure=M, period="2022", doc="r", kind="body", printed="1 762", line=50),
        *[fact(v, measure=M, period="2022", doc="r", kind="body", printed=f"{v}", line=51 + i, breakdown=(("forman", k),))
          for i, (k, v) in enumerate(parts)],
    ]
    findings = run_checks(facts, context(), types=["summary_vs_body"])
    assert flat(findings) == [("summary_vs_body", "error", M, "2022")]
    text = findings[0].explanation
    assert "summan av delarna (sjukpenning 1199 + aktivitetsersättning 164 + sjukersättning 270 = 1 633)" in text
    assert "det är 1 762" in text and "rätta sammanfattningen" not in text


def test_advice_stays_open_when_nothing_bears_either_side_out(fact, context):
    facts = [
        fact(1633, measure=M, period="2022", doc="r", kind="summary", printed="1 633", line=5),
        fact(1762, measure=M, period="2022", doc="r", kind="body", printed="1 762", line=50),
        fact(1000, measure=M, period="2022", doc="r", kind="body", printed="1 000", line=51, breakdown=(("forman", "sjukpenning"),)),
        fact(400, measure=M, period="2022", doc="r", kind="body", printed="400", line=52, breakdown=(("forman", "sjukersättning"),)),
    ]
    text = run_checks(facts, context(), types=["summary_vs_body"])[0].explanation
    assert "Kontrollera vilken siffra som är rätt" in text and "stämmer med" not in text


def test_a_vague_figure_bears_nothing_out(fact, context):
    """"hälften" elsewhere agrees with 52 % and with 48 % alike: no advice rests on it."""
    facts = [
        fact(29, measure="andel", unit="procent", period="2022", doc="r", kind="body", printed="29%", line=10),
        fact(52, measure="andel", unit="procent", period="2022", doc="r", kind="table", printed="52%", line=90),
        fact(50, measure="andel", unit="procent", period="2022", doc="r", kind="body", printed="hälften",
             qualifier="approximate", line=40),
    ]
    text = run_checks(facts, context(), types=["text_vs_table"])[0].explanation
    assert "stämmer med" not in text
