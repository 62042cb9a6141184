"""A document about something else than the catalogue's programme keeps its weak matches unclassified.

The catalogue names the joint work of Arbetsförmedlingen and Försäkringskassan. A municipal job
centre's year shares only everyday words with it ("deltagare", "avslutade", "kostnad", "budget"):
those figures are the centre's own measures, not the catalogue's, and go to the candidate list.
A report of the programme itself keeps its weak matches. The job centre's text is written for
this test.
"""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from ingest.records import DocumentMetadata
from ingest.text_reader import read_text
from nlp.extract import extract_facts
from nlp.measure_trust import MIN_CLASSIFIED, STRONG_SCORE, catalogue_fit, distrust_weak_matches
from nlp.records import UNCLASSIFIED, Fact

JOB_CENTRE = """Jobbcentrum Älvby
Årsrapport 2026

Nyckeltal

Antal deltagare: 518
Nya deltagare: 301
Avslutade deltagare: 276
Andel som fick arbete: 38 %
Kostnad per deltagare: 24 300 kr
Totala kostnader: 12 590 tkr
Budget: 13 000 tkr

Verksamheten under året

Under 2026 deltog 518 personer i jobbcentrets verksamhet, varav 243 kvinnor och 275 män. Av dem som avslutade sin tid hos oss fick 105 ett arbete och 41 började studera. Andelen som gick till arbete eller studier ökade från 49 till 53 procent.

Kostnaderna uppgick till 12,6 miljoner kronor, vilket är 410 tkr lägre än budget. Kostnaden per deltagare minskade till 24 300 kronor.

Tabell 1: Deltagare per spår 2026
Spår	Deltagare	Avslutade	Till arbete
Praktikspåret	212	118	47
Språkspåret	164	87	29
Företagsspåret	142	71	29
Summa	518	276	105

Deltagarna var i genomsnitt 31 år. 64 deltagare hade försörjningsstöd när de började.

Ekonomi

Tabell 2: Kostnader och budget 2026, tkr
Post	Budget	Utfall
Personal	8 200	8 050
Lokaler	2 100	2 060
Köpta tjänster	2 700	2 480
Summa	13 000	12 590

Kostnaderna för köpta tjänster blev 220 tkr lägre än budget, och kostnaderna för lokaler 40 tkr lägre.

Avslutade deltagare per månad var i genomsnitt 23. Av de avslutade deltagarna hade 58 procent varit inskrivna i mer än sex månader.
"""


def test_weak_matches_in_a_document_about_something_else_stay_unclassified(nlp, catalogue):
    doc = read_text(Path("jobbcentrum.txt"), "jobbcentrum", DocumentMetadata(reporting_year=2026), "0", text=JOB_CENTRE)
    facts = extract_facts(doc, nlp, catalogue)
    assert len(facts) > 35
    # what stays classified is what the words name plainly; every weak match is let go
    assert all(f.measure_score >= STRONG_SCORE for f in facts if f.measure != UNCLASSIFIED)
    assert {(f.printed, f.measure) for f in facts if f.printed in ("518", "13 000 tkr", "12,6 miljoner kronor")} == {
        ("518", UNCLASSIFIED), ("13 000 tkr", UNCLASSIFIED), ("12,6 miljoner kronor", UNCLASSIFIED)}
    costs = next(f for f in facts if f.printed == "24 300 kr")
    assert costs.measure_candidate == "x_kostn_deltag_kronor" and costs.measure_score == 0.0
    # the column's own word names its candidate, so the centre's figure links to its kind elsewhere
    finished = [f for f in facts if f.cell and "Avslutade" in f.quote.split("|")[-1] and f.printed in ("118", "87", "71")]
    assert len(finished) == 3 and all("avslut" in f.measure_candidate for f in finished)


def test_a_report_of_the_programme_keeps_its_weak_matches(corpus_facts):
    facts = corpus_facts["af-fk-2019"]
    fit = catalogue_fit(facts)
    assert fit.trusts_weak_matches and fit.strong_share > 0.5
    weak = [f for f in facts if f.measure != UNCLASSIFIED and f.measure_score < STRONG_SCORE]
    assert len(weak) > 20


def _fact(n: int, measure: str, score: float) -> Fact:
    return Fact(id=str(n), doc="d", source_file="d.txt", measure=measure, measure_label=measure, period="2026",
                breakdown=(), value=float(n), printed=str(n), unit="antal", measure_score=score, measure_candidate=f"x_{n}_antal")


def _measures(facts):
    return [(f.measure, f.measure_candidate) for f in facts]


def test_too_few_classified_figures_say_nothing_about_the_document():
    few = [_fact(n, "deltagare_antal", 0.5) for n in range(MIN_CLASSIFIED - 1)]
    # kept, and as classified figures they carry no candidate key
    assert _measures(distrust_weak_matches(few)) == [("deltagare_antal", "")] * len(few)
    many = [_fact(n, "deltagare_antal", 0.5) for n in range(MIN_CLASSIFIED)]
    assert _measures(distrust_weak_matches(many)) == [(UNCLASSIFIED, f"x_{n}_antal") for n in range(MIN_CLASSIFIED)]


def test_strong_matches_stay_and_decide_the_share():
    weak = [_fact(n, "deltagare_antal", 0.5) for n in range(16)]
    strong = [_fact(100 + n, "kartlaggningar_antal", STRONG_SCORE) for n in range(4)]  # a fifth: trusted
    assert [f.measure for f in distrust_weak_matches(weak + strong)] == ["deltagare_antal"] * 16 + ["kartlaggningar_antal"] * 4
    one_less = weak + strong[:3] + [replace(strong[3], measure_score=STRONG_SCORE - 0.01)]
    kept = distrust_weak_matches(one_less)
    # the share falls under a fifth: the weak deltagare go; the weak kartläggningar stay with their measure,
    # which the document names plainly three times
    assert [f.measure for f in kept if f.measure != UNCLASSIFIED] == ["kartlaggningar_antal"] * 4
    assert [f.measure for f in kept[:16]] == [UNCLASSIFIED] * 16
    assert all(f.measure_score == 0.0 and f.measure_label == "" and f.measure_candidate for f in kept if f.measure == UNCLASSIFIED)


def test_weak_matches_of_a_measure_the_document_names_plainly_are_that_measure():
    # a document about something else that names one catalogue measure plainly in a sentence, and words
    # the caption of its table of that measure weakly: the table is the measure, the rest is not
    others = [_fact(n, "deltagare_antal", 0.5) for n in range(20)]
    table = [_fact(50 + n, "kartlaggningar_antal", 0.9) for n in range(10)]
    named = [_fact(100, "kartlaggningar_antal", STRONG_SCORE)]
    kept = distrust_weak_matches(others + table + named)
    assert [f.measure for f in kept] == [UNCLASSIFIED] * 20 + ["kartlaggningar_antal"] * 11
