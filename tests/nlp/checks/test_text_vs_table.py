"""text_vs_table: running text or a footnote against a table of the same report."""
from __future__ import annotations

from nlp.checks import run_checks

M = "individer_i_insats_antal"


def test_text_that_misquotes_the_table(fact, context, flat):
    facts = [
        fact(6617, measure=M, period="2022", doc="r", printed="6 617", line=230),
        fact(6799, measure=M, period="2022", doc="r", kind="table", printed="6799", line=247),
        fact(6329, measure=M, period="2021", doc="r", printed="6 329", line=230),
        fact(6329, measure=M, period="2021", doc="r", kind="table", printed="6329", line=246),
    ]
    findings = run_checks(facts, context(), types=["text_vs_table", "summary_vs_body", "restatement"])
    assert flat(findings) == [("text_vs_table", "error", M, "2022")]
    assert findings[0].expected.startswith("6799") and findings[0].found.startswith("6 617")


def test_small_differences_are_errors(fact, context, flat):
    facts = [
        fact(1558, measure="moten_antal", period="2021", doc="r", printed="1 558"),
        fact(1555, measure="moten_antal", period="2021", doc="r", kind="table", printed="1555"),
        fact(70, measure="andel", unit="procent", period="2021", doc="r", printed="70 procent"),
        fact(69, measure="andel", unit="procent", period="2021", doc="r", kind="table", printed="69%"),
    ]
    assert flat(run_checks(facts, context(), types=["text_vs_table"])) == [
        ("text_vs_table", "error", "andel", "2021"),  # 1,4 % apart ranks above 0,2 %
        ("text_vs_table", "error", "moten_antal", "2021"),
    ]


def test_footnote_against_table_counts_and_body_against_body_does_not(fact, context, flat):
    facts = [
        fact(55, measure="andel", unit="procent", period="2017", doc="r", kind="footnote", printed="55 procent"),
        fact(60, measure="andel", unit="procent", period="2017", doc="r", kind="table", printed="60%"),
        fact(100, measure="antal", doc="r", kind="body", line=1),
        fact(120, measure="antal", doc="r", kind="body", line=2),
    ]
    assert flat(run_checks(facts, context(), types=["text_vs_table"])) == [("text_vs_table", "error", "andel", "2017")]


def test_a_figure_said_of_a_span_of_years_against_each_year(fact, context, flat):
    text = "Sedan 2012 är ungefär hälften inskrivna 90 dagar efter avslaget."
    years = {"2012": ("71%", 71), "2013": ("68%", 68), "2014": ("52%", 52)}
    facts = [fact(50, measure="inskrivna_andel", unit="procent", period="2012-2014", qualifier="approximate", printed="hälften", quote=text)]
    facts += [fact(v, measure="inskrivna_andel", unit="procent", period=y, kind="table", printed=p, line=600 + i)
              for i, (y, (p, v)) in enumerate(years.items())]
    findings = run_checks(facts, context(), types=["text_vs_table"])
    assert flat(findings) == [("text_vs_table", "error", "inskrivna_andel", "2012-2014")]
    assert [r.printed for r in findings[0].facts] == ["hälften", "71%", "68%"]
    about_nine_thousand = [fact(9000, period="2018-2019", qualifier="approximate", printed="9000"),
                           fact(8936, period="2018", kind="table", printed="8936", line=90),
                           fact(8770, period="2019", kind="table", printed="8770", line=91)]
    assert flat(run_checks(about_nine_thousand, context())) == []
