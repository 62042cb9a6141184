"""definition_change: values differ because the measure was defined or measured differently."""
from __future__ import annotations

from ingest.records import Footnote
from nlp.checks import run_checks
from nlp.records import DefinitionNote, Measure

M = "arbetsformaga_andel"


def test_footnote_saying_the_way_of_measuring_changed(fact, document, context, flat):
    text = (
        "2017 lämnade 7 187 individer samarbetet efter rehabiliteringsinsats, 55 procent uppnådde arbetsförmåga. "
        "2018 lämnade 5 112 individer samarbetet (2018 ändrade myndigheterna sättet att mäta resultaten vilket gör "
        "att jämförelser med tidigare år inte fullt ut kan göras)"
    )
    note = Footnote("old:fn23", "old", 23, text, line=397)
    docs = [document("old", "2020-05-08", 2019, footnotes=[note]), document("new", "2023-04-14", 2022)]
    facts = [
        fact(55, measure=M, unit="procent", period="2017", doc="old", kind="footnote", printed="55 procent",
             block=note.id, quote=text.split(". ")[0] + ".", line=397),
        fact(60, measure=M, unit="procent", period="2017", doc="new", kind="table", printed="60%", line=459),
    ]
    findings = run_checks(facts, context(documents=docs))
    assert flat(findings) == [("definition_change", "definition", M, "2017")]
    assert "sättet att mäta" in findings[0].explanation


def test_catalogue_note_covering_the_period(fact, document, context, flat):
    measure = Measure(M, "Andel med arbetsförmåga", "procent", "Andel av avslutade.",
                      notes=(DefinitionNote("Från 2018 används ett nytt mätsätt; åren före är inte jämförbara.", years="2016-2017", source="fotnot 23"),
                             DefinitionNote("Skillnaden för 2016 förklaras inte i rapporterna.", years="2016")))
    docs = [document("old", "2020-05-08", 2019), document("new", "2023-04-14", 2022)]
    facts = [
        fact(51, measure=M, unit="procent", period="2016", doc="old", printed="51 procent"),
        fact(55, measure=M, unit="procent", period="2016", doc="new", kind="table", printed="55%"),
    ]
    assert flat(run_checks(facts, context(measures=[measure], documents=docs))) == [("definition_change", "definition", M, "2016")]
    assert flat(run_checks(facts, context(documents=docs))) == [("restatement", "error", M, "2016")]


def test_shares_over_different_populations(fact, document, context, flat):
    docs = [document("old", "2020-05-08", 2019), document("new", "2023-04-14", 2022)]
    facts = [
        fact(20, measure="moten_andel", unit="procent", period="2018", doc="old", printed="20 procent",
             quote="Omställningsmöten genomfördes i cirka 15 procent av fallen (20 procent 2018), andelen utifrån de som avslutat sjukfall."),
        fact(6.6, measure="moten_andel", unit="procent", period="2018", doc="new", kind="table", printed="6,6%",
             quote="Andel som haft ett omställningsmöte av alla som fått avslag på sjukpenning: 6,6%"),
    ]
    findings = run_checks(facts, context(documents=docs))
    assert flat(findings) == [("definition_change", "definition", "moten_andel", "2018")]
    assert "olika nämnare" in findings[0].explanation
