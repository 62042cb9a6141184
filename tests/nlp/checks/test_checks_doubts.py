"""Facts the checks do not hold against each other because the extractor likely misread them."""
from __future__ import annotations

import pytest

from nlp.checks import run_checks
from nlp.checks.doubts import cited_labels


def test_one_sentence_giving_one_thing_two_values_is_not_trusted(fact, context, flat):
    q = "Antalet kartläggningar ökade till 9 877 (9 412 året innan)."
    facts = [
        fact(9877, period="2024", kind="summary", quote=q, block="r:b1", printed="9 877"),
        fact(9412, period="2024", kind="summary", quote=q, block="r:b1", printed="9 412"),  # year misread
        fact(9877, period="2024", kind="table", printed="9 877", line=40),
    ]
    assert flat(run_checks(facts, context())) == []


def test_a_text_figure_that_is_another_groups_figure(fact, context, flat):
    q = "Av dessa 8 662 kartläggningar var andelen kvinnor 62 procent."
    facts = [
        fact(8662, quote=q, printed="8 662", breakdown=(("kon", "kvinnor"),), line=321),  # group misread
        fact(8662, kind="table", printed="8 662", line=326),
        fact(5369, kind="table", printed="5 369", breakdown=(("kon", "kvinnor"),), line=327),
    ]
    assert flat(run_checks(facts, context(), types=["text_vs_table"])) == []


def test_a_total_equal_to_a_group_far_away_is_still_compared(fact, context, flat):
    facts = [
        fact(70, measure="andel", unit="procent", period="2021", kind="summary", printed="70 procent", line=65),
        fact(69, measure="andel", unit="procent", period="2021", kind="table", printed="69%", line=533),
        fact(70, measure="andel", unit="procent", period="2021", kind="table", printed="70%", line=533, breakdown=(("kon", "kvinnor"),)),
    ]
    assert flat(run_checks(facts, context(), types=["summary_vs_body"])) == [("summary_vs_body", "error", "andel", "2021")]


def test_two_tables_disagreeing_on_a_key_make_the_text_uncheckable(fact, context, flat):
    facts = [
        fact(8900, period="2018", printed="8 900", line=10),
        fact(8936, period="2018", kind="table", printed="8936", line=474),
        fact(6566, period="2018", kind="table", printed="6566", line=493),  # a sub-group read as the total
    ]
    assert flat(run_checks(facts, context(), types=["text_vs_table"])) == []


def test_a_tables_100_percent_is_no_figure_of_its_measure(fact, table, document, context, flat):
    t = table("r", 0, [["", "Fått", "Totalt"], ["Kvinnor", "53%", "100%"]])
    doc = document("r", "2020-05-08", 2019, tables=[t])
    facts = [
        fact(62, measure="kvinnor_andel", unit="procent", printed="62 procent", breakdown=(("kon", "kvinnor"),)),
        fact(100, measure="kvinnor_andel", unit="procent", kind="table", printed="100%", cell="r:t0:r1c2", breakdown=(("kon", "kvinnor"),)),
    ]
    assert flat(run_checks(facts, context(documents=[doc]))) == []


def test_figures_far_apart_are_different_things_unless_a_power_of_ten(fact, context, flat):
    far = [fact(573, measure="moten", printed="573"), fact(4647, measure="moten", kind="table", printed="4 647")]
    assert flat(run_checks(far, context())) == []
    typo = [fact(4647, measure="moten", printed="4 647"), fact(46470, measure="moten", kind="table", printed="46 470")]
    assert flat(run_checks(typo, context())) == [("text_vs_table", "error", "moten", "2019")]


def test_only_rough_figures_are_held_against_each_year_of_a_span(fact, context, flat):
    over = fact(9800, period="2016-2024", qualifier="over", printed="9 800",
                quote="Det är första gången sedan 2016 som över 9 800 kartläggningar genomförs.")
    years = [fact(v, period=str(y), kind="table", printed=str(v), line=40 + i) for i, (y, v) in enumerate([(2022, 9104), (2023, 9412)])]
    assert flat(run_checks([over, *years], context())) == []


def test_a_figure_whose_sentence_names_another_measure(fact, context, flat):
    from nlp.records import Measure

    measures = [
        Measure("arbetsformaga_andel", "Andel med arbetsförmåga", "procent", "…", lemmas=("arbetsförmåga",)),
        Measure("paborjar_andel", "Andel som påbörjar insats", "procent", "…", phrases=("påbörjade insats",)),
    ]
    q = "Andelen som påbörjade insats minskade till 71 procent."
    facts = [
        fact(71, measure="arbetsformaga_andel", unit="procent", kind="summary", quote=q, printed="71 procent"),
        fact(52, measure="arbetsformaga_andel", unit="procent", kind="table", printed="52%", line=30),
    ]
    assert flat(run_checks(facts, context(measures=measures))) == []
    assert flat(run_checks(facts, context())) == [("summary_vs_body", "error", "arbetsformaga_andel", "2019")]  # no catalogue: no doubt


def _two_tables(table, table_facts):
    """Tabell 1: where those who left went (shares of them); Tabell 2: the share of the
    registered who are openly unemployed, by year. Another measure, printed apart."""
    t1 = table("r", 0, [["Sysselsättning", "Andel"], ["Öppet arbetslösa", "29%"], ["Anställning", "34%"]], line=40)
    t2 = table("r", 1, [["År", "Andel öppet arbetslösa"], ["2019", "52%"]], line=80)
    return [t1, t2], table_facts(t1, "sysselsattning_andel") + table_facts(t2, "arbetslosa_andel")


def _quoting(paragraph: str, sentence: str, value: float, fact, block, document, tables):
    doc = document("r", "2020-05-08", 2019, blocks=[block("r", 1, paragraph, line=10)], tables=tables)
    prose = fact(value, measure="arbetslosa_andel", unit="procent", printed=f"{value:g} procent", doc="r", block="r:b1", quote=sentence)
    return doc, prose


def test_a_text_figure_from_the_table_its_paragraph_cites_is_not_held_against_another(fact, table, table_facts, block, document, context, flat):
    tables, cells = _two_tables(table, table_facts)
    sentence = "Näst vanligast var att vara inskriven som öppet arbetslös (29 procent)."
    doc, prose = _quoting(f"I tabell 1 redovisas var de hamnade. {sentence}", sentence, 29, fact, block, document, tables)
    assert flat(run_checks([prose, *cells], context(documents=[doc]), types=["text_vs_table"])) == []


def test_a_text_figure_still_meets_the_table_it_cites_or_one_it_is_not_in(fact, table, table_facts, block, document, context, flat):
    tables, cells = _two_tables(table, table_facts)
    sentence = "Näst vanligast var att vara inskriven som öppet arbetslös (29 procent)."
    expected = [("text_vs_table", "error", "arbetslosa_andel", "2019")]
    # the paragraph cites the table of the fact's own measure
    doc, prose = _quoting(f"Se tabell 2 i bilagan. {sentence}", sentence, 29, fact, block, document, tables)
    assert flat(run_checks([prose, *cells], context(documents=[doc]), types=["text_vs_table"])) == expected
    # the cited table does not print the figure: nothing says the figure is that table's
    doc, prose = _quoting(f"I tabell 1 redovisas var de hamnade. {sentence}", sentence, 31, fact, block, document, tables)
    assert flat(run_checks([prose, *cells], context(documents=[doc]), types=["text_vs_table"])) == [
        ("text_vs_table", "error", "arbetslosa_andel", "2019")]
    # no table cited at all: compared as before
    doc, prose = _quoting(sentence, sentence, 29, fact, block, document, tables)
    assert flat(run_checks([prose, *cells], context(documents=[doc]), types=["text_vs_table"])) == expected


@pytest.mark.parametrize("text, labels", [
    ("I tabell 2 redovisas resultatet", {"2"}),
    ("se tabell 21 i bilagan", {"21"}),
    ("se tabellerna 11 och 12", {"11", "12"}),
    ("tabell 2–4 visar", {"2", "3", "4"}),
    ("(se tabell B1.)", {"B1"}),
    ("Tabell B3, B4 och B5", {"B3", "B4", "B5"}),
    ("tabell 3.2 visar", {"3.2"}),
    ("tabellen nedan visar", set()),
    ("tabell i bilagan 2", set()),
])
def test_the_tables_a_text_cites(text, labels):
    assert cited_labels(text) == labels
