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


def test_the_reports_own_words_for_a_new_way_of_counting(fact, block, table, document, context, flat):
    """No phrase from a list: a way of counting called new, figures called not comparable, a count that
    now takes in what it did not. The note's marker is on the new year's sentence, not on the figures."""
    b = block("new", 3, "Med det nya sättet att räkna genomfördes 2 612 kontaktmöten under 2027.", line=83)
    note = Footnote("new:fn2", "new", 2, "Uppgiften för 2026 har tagits fram enligt det nya räknesättet och kan inte jämföras "
                    "med de 2 087 kontaktmöten som redovisades för 2026 i förra årets rapport.", marker_refs=(b.id,), line=85)
    old_t = table("old", 0, [["År", "Kontaktmöten"], ["2026", "2 087"]], line=149)
    new_t = table("new", 0, [["År", "Kontaktmöten"], ["2026", "2 541"]], line=171)
    docs = [document("old", "2027-03-01", 2026, tables=[old_t]), document("new", "2028-03-01", 2027, blocks=[b], tables=[new_t], footnotes=[note])]
    facts = [
        fact(2087, measure="kontaktmoten_antal", period="2026", doc="old", printed="2 087", kind="table", cell="old:t0:r1c1", line=150),
        fact(2541, measure="kontaktmoten_antal", period="2026", doc="new", printed="2 541", kind="table", cell="new:t0:r1c1", line=172),
    ]
    findings = run_checks(facts, context(documents=docs))
    assert flat(findings) == [("definition_change", "definition", "kontaktmoten_antal", "2026")]


def test_definition_cues_are_composed_not_listed():
    from nlp.checks.explanations import classify

    assert classify("Från och med 2027 räknas även möten via video och telefon.") == "definition"
    assert classify("Avgränsningen av målgruppen har ändrats.") == "definition"
    assert classify("Siffrorna går inte att jämföra med tidigare år.") == "definition"
    assert classify("Sedan 2025 ingår även personer med aktivitetsersättning.") == "definition"
    # ways of working are not ways of measuring
    assert classify("En ny metod för kartläggning infördes 2026.") is None
    assert classify("Myndigheterna har infört ett nytt arbetssätt.") is None
    assert classify("Jämfört med andra myndigheter är andelen hög.") is None
