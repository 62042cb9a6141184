"""News pieces: a collection of dated pieces has a now per piece, and a piece's lead says which year its
undated figures are about (nlp/prose/articles.py). The texts are made up for these tests."""
from __future__ import annotations

from pathlib import Path

from ingest.manifest import infer_metadata
from ingest.records import DocumentMetadata
from ingest.text_reader import read_text
from nlp.extract import extract_facts
from nlp.prose.articles import dateline, find_articles
from nlp.sv.periods import find_year_mentions

COLLECTION = """Pressklipp från kommunerna 2029

~~~

Norrby kommun | Aktuellt
Publicerad: 2029-03-04

Fler fick feriejobb förra sommaren

Kommunen erbjöd 1 240 ungdomar feriejobb under 2028, fler än någonsin.

Av ungdomarna var 610 flickor. Ungefär 85 procent var nöjda med sin placering.

~~~

Söderby kommun | Nyheter
Publicerat 11 november 2029

Försörjningsstödet minskar

Hittills i år har 2 310 hushåll fått försörjningsstöd, 140 färre jämfört med samma period i fjol.

I oktober fick 880 hushåll stöd. Under årets första tio månader betalades 96 miljoner kronor ut.

Fakta: försörjningsstöd helåret 2028
• Hushåll: 2 640
• Utbetalt: 118 miljoner kronor
"""


def _facts(nlp, catalogue, text: str, metadata: DocumentMetadata):
    doc = read_text(Path("klipp.txt"), "klipp", metadata, "0", text=text)
    return doc, extract_facts(doc, nlp, catalogue)


def _one(facts, printed: str, line: int):
    found = [f for f in facts if f.printed == printed and f.line == line]
    assert len(found) == 1, (printed, line, [(f.printed, f.line, f.period) for f in facts])
    return found[0]


def test_a_dateline_gives_its_date_and_a_sentence_about_a_publication_does_not():
    assert dateline("Publicerad 9 februari 2027 · Uppdaterad 16 februari 2027") == "2027-02-09"
    assert dateline("Nyheter · Publicerat: 2026-11-12") == "2026-11-12"
    assert dateline("Uppgiften har reviderats sedan förra bladet (publicerat 2027-08-12).") is None
    assert dateline("Publicerad av kommunikationsavdelningen") is None


def test_each_piece_of_a_collection_has_its_own_date_and_lead_year():
    metadata = infer_metadata(COLLECTION)
    doc = read_text(Path("klipp.txt"), "klipp", metadata, "0", text=COLLECTION)
    pieces = find_articles(doc)
    assert [(p.published, p.subject) for p in pieces] == [("2029-03-04", "2028"), ("2029-11-11", None)]


def test_a_report_with_one_dateline_is_no_collection():
    text = "Årsrapport 2028\n\nPublicerad: 2029-03-20\n\nUnder 2028 genomfördes 4 100 möten.\n"
    doc = read_text(Path("r.txt"), "r", DocumentMetadata(reporting_year=2028, kind="rapport"), "0", text=text)
    assert find_articles(doc) == []


def test_a_piece_about_last_year_dates_its_undated_figures_to_that_year(nlp, catalogue):
    _, facts = _facts(nlp, catalogue, COLLECTION, infer_metadata(COLLECTION))
    assert _one(facts, "1 240", 10).period == "2028"
    assert _one(facts, "610", 12).period == "2028"  # the next paragraph, which names no year
    assert _one(facts, "85 procent", 12).period == "2028"


def test_a_later_piece_speaks_of_its_own_day(nlp, catalogue):
    _, facts = _facts(nlp, catalogue, COLLECTION, infer_metadata(COLLECTION))
    # "I oktober" in a piece of November 2029 is this year's October, although the first piece is of March
    assert _one(facts, "880", 23).period == "2029"
    # "under årets första tio månader": the piece's own year, whatever the piece before was about
    assert _one(facts, "96 miljoner kronor", 23).period == "2029"
    # compared with last year in words: a change from last year to this, not a figure of last year
    change = _one(facts, "140", 21)
    assert change.period == "2028-2029"


def test_bulleted_lines_under_a_box_title_take_its_period(nlp, catalogue):
    _, facts = _facts(nlp, catalogue, COLLECTION, infer_metadata(COLLECTION))
    assert _one(facts, "2 640", 26).period == "2028"
    assert _one(facts, "118 miljoner kronor", 27).period == "2028"


def test_last_year_as_a_comparison_is_no_period_of_the_figure():
    mentions = find_year_mentions("De var 118, dubbelt så många som samma kvartal förra året, och fler än i fjol.")
    assert [m[2] for m in mentions] == ["comparison", "comparison"]
    assert [m[2] for m in find_year_mentions("Förra året var de 118.")] == ["last_year"]


def test_years_ago_count_back_from_the_texts_now():
    from nlp.sv.periods import resolve_period

    mentions = find_year_mentions("För fem år sedan var de 3 100, för 2 år sedan 3 900.")
    assert [(m[2], resolve_period(m[3], 2030)) for m in mentions] == [("ago", "2025"), ("ago", "2028")]
