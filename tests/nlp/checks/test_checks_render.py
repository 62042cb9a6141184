"""The auditor's report: Markdown and self-contained HTML, in Swedish, grouped by type."""
from __future__ import annotations

import re

from nlp.checks import run_checks
from nlp.checks.render import render_html, render_markdown


def sample(fact, document, context):
    docs = [document("a", "2020-05-08", 2019), document("b", "2023-04-14", 2022)]
    facts = [
        fact(8638, period="2018", doc="a", line=55, quote="Under 2018 genomfördes 8 638 <kartläggningar> | bra."),
        fact(8936, period="2018", doc="b", kind="table", line=475, printed="8936"),
        fact(1633, measure="moten", period="2022", doc="b", kind="summary", line=5),
        fact(1762, measure="moten", period="2022", doc="b", line=50),
    ]
    return run_checks(facts, context(documents=docs))


def test_markdown_groups_by_type_with_counts_and_quotes_side_by_side(fact, document, context):
    md = render_markdown(sample(fact, document, context))
    assert md.startswith("# Granskning av rapporternas siffror\n")
    assert "2 avvikelser: 2 fel." in md
    assert "## Omräknad siffra mellan rapporter (`restatement`)" in md
    assert "## Sammanfattning mot brödtext (`summary_vs_body`)" in md
    assert md.index("`restatement`)") < md.index("`summary_vs_body`)")
    row = next(line for line in md.splitlines() if line.startswith("| Citat |"))
    assert row.count("”") == 4 and "8 638 <kartläggningar> \\| bra." in row  # both quotes, pipes escaped
    assert "| Värde | 8 638 | 8936 |" in md


def test_html_is_self_contained_and_escaped(fact, document, context):
    page = render_html(sample(fact, document, context))
    assert page.startswith("<!DOCTYPE html>") and '<html lang="sv">' in page and "<style>" in page
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", page)
    assert "&lt;kartläggningar&gt;" in page and "<kartläggningar>" not in page
    assert page.count('class="finding ') == 2 and page.count('class="quote"') == 4


def test_empty_report_says_so():
    assert "Inga avvikelser hittades." in render_markdown([])
    assert "Inga avvikelser hittades." in render_html([])
