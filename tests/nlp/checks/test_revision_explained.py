"""revision_explained: a difference the report itself explains is information, not an error."""
from __future__ import annotations

from ingest.records import Footnote
from nlp.checks import run_checks
from nlp.records import Measure

M = "forbrukade_medel_kronor"
MEASURE = Measure(M, "Förbrukade medel", "kronor", "Förbrukade medel för uppdraget.", lemmas=("förbruk",))


def test_missed_transaction_in_the_same_paragraph(fact, block, table, document, context, flat):
    text = (
        "Under 2022 förbrukade myndigheterna cirka 677 miljoner av de tilldelade 700 miljoner kronorna. "
        "I början av 2023 identifierades en utebliven transaktion mellan myndigheterna vilket innebär att "
        "förbrukningen visar ett felaktigt överskott på 34 miljoner kronor."
    )
    b = block("r", 5, text, section=("4. Förbrukning",), line=370)
    t = table("r", 0, [["Myndighet", "Förbrukade medel 2022"], ["Totalt", "643 000"]], unit_note="belopp i tkr", line=380)
    doc = document("r", "2023-04-14", 2022, blocks=[b], tables=[t])
    facts = [
        fact(677e6, measure=M, period="2022", unit="kronor", scale=1e6, qualifier="approximate", printed="677 miljoner",
             doc="r", block=b.id, quote=text.split(". ")[0] + ".", line=370),
        fact(643e6, measure=M, period="2022", unit="kronor", scale=1e3, printed="643 000", doc="r", kind="table",
             cell="r:t0:r1c1", line=381),
    ]
    findings = run_checks(facts, context(measures=[MEASURE], documents=[doc]))
    assert flat(findings) == [("revision_explained", "info", M, "2022")]
    assert "utebliven transaktion" in findings[0].explanation


def test_footnote_on_the_later_report_saying_revised(fact, block, document, context, flat):
    b = block("new", 3, "Under 2021 genomfördes 9 055 kartläggningar.", line=40)
    note = Footnote("new:fn4", "new", 4, "Siffran för 2021 är reviderad jämfört med förra årets rapport.", marker_refs=(b.id,), line=60)
    docs = [document("old", "2022-04-01", 2021), document("new", "2023-04-14", 2022, blocks=[b], footnotes=[note])]
    facts = [
        fact(8900, period="2021", doc="old", printed="8 900"),
        fact(9055, period="2021", doc="new", printed="9 055", block=b.id, line=40),
    ]
    findings = run_checks(facts, context(documents=docs))
    assert flat(findings) == [("revision_explained", "info", "kartlaggningar_antal", "2021")]
    assert "fotnot 4" in findings[0].explanation


def test_differences_from_annual_reports_or_revised_ways_of_working_explain_nothing(fact, block, document, context, flat):
    b = block("new", 3, "Under 2021 genomfördes 9 055 kartläggningar.", line=40)
    notes = [
        Footnote("new:fn9", "new", 9, "Resultatet skiljer sig från myndigheternas årsredovisningar på grund av skilda tidpunkter för uttag.", marker_refs=(b.id,)),
    ]
    other = block("new", 4, "Myndigheternas reviderade arbetssätt bidrog till att färre anvisades program 2021.", line=42)
    docs = [document("old", "2022-04-01", 2021), document("new", "2023-04-14", 2022, blocks=[b, other], footnotes=notes)]
    facts = [
        fact(8900, period="2021", doc="old", printed="8 900"),
        fact(9055, period="2021", doc="new", printed="9 055", block=b.id, line=40),
    ]
    assert flat(run_checks(facts, context(documents=docs))) == [("restatement", "error", "kartlaggningar_antal", "2021")]


def _restated_in_tables(fact, block, table, document, context, sentence: str, note_text: str):
    """A count of 2026 restated from 3 874 (last year's table) to 3 941 (this year's), and a sentence of
    this year's report whose footnote says something: the checks' findings."""
    b = block("new", 3, sentence, line=53)
    note = Footnote("new:fn1", "new", 1, note_text, marker_refs=(b.id,), line=55)
    old_t = table("old", 0, [["År", "Individer"], ["2026", "3 874"]], line=129)
    new_t = table("new", 0, [["År", "Individer"], ["2026", "3 941"]], line=137)
    docs = [document("old", "2027-03-01", 2026, tables=[old_t]), document("new", "2028-03-01", 2027, blocks=[b], tables=[new_t], footnotes=[note])]
    facts = [
        fact(3874, period="2026", doc="old", printed="3 874", kind="table", cell="old:t0:r1c1", line=130),
        fact(3941, period="2026", doc="new", printed="3 941", kind="table", cell="new:t0:r1c1", line=138),
    ]
    return run_checks(facts, context(documents=docs))


def test_a_correction_note_anywhere_in_the_report_that_quotes_the_figure(fact, block, table, document, context, flat):
    """The note's marker sits on a sentence about the new year; the figures compared are table cells.
    The note quotes the old figure, which ties it to them; its cue and figures are in different sentences."""
    findings = _restated_in_tables(
        fact, block, table, document, context, "I genomsnitt deltog 4 042 individer per månad, jämfört med 3 941 året innan.",
        "Uppgiften för 2026 är korrigerad. I förra årets rapport angavs 3 874 individer per månad, men det uttaget "
        "saknade insatser som registrerades i efterhand.")
    assert flat(findings) == [("revision_explained", "info", "kartlaggningar_antal", "2026")]
    assert "fotnot 1" in findings[0].explanation and "korrigerad" in findings[0].explanation


def test_a_note_that_quotes_no_figure_of_the_conflict_explains_nothing_far_from_it(fact, block, table, document, context, flat):
    findings = _restated_in_tables(fact, block, table, document, context, "I genomsnitt deltog 4 042 individer per månad.",
                                   "Uppgiften för 2025 är korrigerad. I förra årets rapport angavs 3 120 individer.")
    assert flat(findings) == [("restatement", "error", "kartlaggningar_antal", "2026")]
