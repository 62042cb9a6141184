"""Places no list knows (kommuner, towns, districts), named in parallel before their figures, as the groups of
those figures. Sentences made up for these tests."""
from __future__ import annotations

from pathlib import Path

from ingest.records import DocumentMetadata
from ingest.text_reader import read_text
from nlp.extract import extract_facts
from nlp.sv.places import find_parallel_places


def _groups(nlp, catalogue, text: str) -> dict[str, str]:
    doc = read_text(Path("p.txt"), "p", DocumentMetadata(reporting_year=2031), "0", text=f"Rapport 2031\n\n{text}\n")
    return {f.printed: dict(f.breakdown).get("grupp", "") for f in extract_facts(doc, nlp, catalogue)}


def test_places_in_parallel_are_the_groups_of_their_figures(nlp, catalogue):
    groups = _groups(nlp, catalogue, "I Ljusdal deltog 318 personer, i Bollnäs 244 och i Söderhamn 197.")
    assert (groups["318"], groups["244"], groups["197"]) == ("Ljusdal", "Bollnäs", "Söderhamn")


def test_one_place_or_a_year_is_no_parallel():
    assert find_parallel_places("Arbetslösheten var 6,1 procent i Sverige 2030.") == []
    assert find_parallel_places("I Ljusdal deltog 318 personer under året.") == []
    # a län's short name is a län (nlp.sv.places.find_place_terms), not a new place
    assert [t.value for t in find_parallel_places("i Gotland 12 och i Visby 30 och i Slite 4")] == ["Visby", "Slite"]
