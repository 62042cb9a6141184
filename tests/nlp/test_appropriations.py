"""Amounts under a named appropriation (anslag) are that appropriation's (texts written for these tests).

A budget document names each anslag by its number and name ("1:6 Bidrag för sjukskrivningsprocessen"):
in a row label, a heading or a caption. The name is the figure's post, whatever narrower post its words
suggest, and a table about one anslag (its derivation, its commitments) gives that anslag to all its
amounts; a caption may name the anslag by number only, when the document spells the name out elsewhere.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from ingest.records import DocumentMetadata
from ingest.text_reader import read_text
from nlp.extract import extract_facts
from nlp.sv.budget import appropriation_code, appropriation_name, find_appropriation_mentions

REPORT = """Budgetunderlag 2029–2031

1 Anslagen

Anslag\tUtfall 2026\tBeräknat 2029
1:1 Myndighetens förvaltningskostnader\t7 884 312\t8 412 000
varav personalkostnader\t5 302 118\t5 664 000
1:3 Kostnader för insatser och program\t3 105 224\t3 285 000
Tabell 1 Myndighetens anslag, tkr

2 Härledning

\t2028\t2029
Anvisat 2027\t1 082 000\t1 082 000
Beslut\t30 000\t30 000
Förslag/beräknat anslag\t1 112 000\t1 112 000
Tabell 2 Härledning av anslagsnivån 2028–2029 för 1:6 Bidrag för sjukskrivningsprocessen, tkr

3 Bemyndiganden

\tUtfall 2026\tBeräknat 2029
Nya åtaganden\t512 600\t585 000
Tilldelad bemyndiganderam\t1 100 000\t1 250 000
Tabell 3 Beställningsbemyndigande för anslaget 1:3, tkr

4 Förslag

Myndigheten föreslår att anslaget 1:1 för 2029 uppgår till 8 412 000 tkr.
Regeringen bör öka anslaget 2:4 Stöd till lokala förbund med 40 miljoner kronor.
Anslaget 2:4 minskades 2027 med 12 miljoner kronor, medan anslaget 1:3 ökades med 25 miljoner kronor.
Högst 900 tkr av anslaget 2:4 får användas till uppföljning.
Styrelsen sammanträdde kl. 10:30 och beslutade om 35 miljoner kronor till kommunerna.
"""


@pytest.fixture(scope="module")
def facts(nlp, catalogue):
    doc = read_text(Path("budget.txt"), "budget", DocumentMetadata(reporting_year=2028), "0", text=REPORT)
    return extract_facts(doc, nlp, catalogue)


def _post(facts, printed: str):
    found = [f for f in facts if f.printed == printed and f.kind == "table"]
    assert found, (printed, [f.printed for f in facts])
    return dict(found[0].breakdown).get("post")


def test_a_row_that_opens_with_an_anslag_number_is_that_anslag_not_the_catalogues_post(facts):
    # "förvaltningskostnader" would otherwise be the catalogue's post "förvaltning"
    assert _post(facts, "7 884 312") == "myndighetens förvaltningskostnader"
    assert _post(facts, "3 285 000") == "kostnader för insatser och program"


def test_a_varav_row_under_an_anslag_is_a_line_of_its_own(facts):
    assert _post(facts, "5 302 118") == "personalkostnader"


def test_a_caption_about_one_anslag_gives_it_to_every_amount_of_the_table(facts):
    assert _post(facts, "30 000") == "bidrag för sjukskrivningsprocessen"  # "Beslut": a step, not a post
    assert _post(facts, "1 112 000") == "bidrag för sjukskrivningsprocessen"


def test_a_caption_naming_the_number_only_takes_the_name_the_document_gives_it(facts):
    assert _post(facts, "512 600") == "kostnader för insatser och program"  # "Nya åtaganden" of anslag 1:3


@pytest.mark.parametrize("text, name", [
    ("Härledning av anslagsnivån 2028–2030 för 1:1 Sjukpenning och rehabilitering m.m.", "Sjukpenning och rehabilitering m.m."),
    ("Härledning av anslagsnivån för 1:1 Sjukpenning och rehabilitering m.m", "Sjukpenning och rehabilitering m.m."),
    ("Anslag och utfall för anslag 1:6 Bidrag för sjukskrivningsprocessen 2021–2025, mnkr", "Bidrag för sjukskrivningsprocessen"),
    ("2:1 Försäkringskassan (ramanslag)", "Försäkringskassan"),
    ("Statens budget enligt riksdagens beslut (rskr. 2026/27:98)", None),  # a record number, not an anslag
    ("Förordningen (SFS 2019:420) om särskilda medel", None),
    ("10 1:6 ap.5 Ersättning till regionerna (ram)", None),  # an anslagspost: a line of its own kind
    ("Anslagen 1:1 och 1:2 Bidrag", None),  # two numbers: no one name
])
def test_appropriation_name(text, name):
    assert appropriation_name(text) == name


def test_a_label_names_its_own_anslag_only_when_it_opens_with_the_number():
    assert appropriation_name("10 1:6 Bidrag för sjukskrivningsprocessen", at_start=True) == "Bidrag för sjukskrivningsprocessen"
    assert appropriation_name("Utgifter under 1:6 Bidrag för sjukskrivningsprocessen", at_start=True) is None
    # a label may name the utgiftsområde before the number, bare or in words, as a lagrådsremiss's table does
    assert appropriation_name("Utgiftsområde 10 anslag 1:1 Sjukpenning och rehabilitering m.m.", at_start=True) \
        == "Sjukpenning och rehabilitering m.m."
    assert appropriation_name("UO 14 1:3 Kostnader för arbetsmarknadspolitiska program", at_start=True) \
        == "Kostnader för arbetsmarknadspolitiska program"
    assert appropriation_name("Anslag 2:1 Försäkringskassan", at_start=True) == "Försäkringskassan"
    assert appropriation_name("Ökning enligt 1:1 Sjukpenning", at_start=True) is None
    assert appropriation_code("Beställningsbemyndigande för anslaget 1:3, tkr") == "1:3"


# --- amounts in running text --------------------------------------------------------------------

def _prose(facts, printed: str):
    found = [f for f in facts if f.printed == printed and f.kind != "table"]
    assert len(found) == 1, (printed, [(f.printed, f.kind) for f in facts])
    return found[0]


def test_an_amount_in_a_sentence_about_an_anslag_is_that_anslags(facts):
    # by number only: the name the table gave 1:1; the agency in the name is no split by agency
    f = _prose(facts, "8 412 000 tkr")
    assert dict(f.breakdown) == {"post": "myndighetens förvaltningskostnader"}
    # named in the sentence itself, and later by number alone
    assert dict(_prose(facts, "40 miljoner kronor").breakdown)["post"] == "stöd till lokala förbund"
    assert dict(_prose(facts, "12 miljoner kronor").breakdown)["post"] == "stöd till lokala förbund"


def test_each_amount_takes_the_anslag_named_last_before_it(facts):
    assert dict(_prose(facts, "25 miljoner kronor").breakdown)["post"] == "kostnader för insatser och program"


def test_an_anslag_named_after_the_amount_is_its_own_when_it_is_the_only_one(facts):
    assert dict(_prose(facts, "900 tkr").breakdown)["post"] == "stöd till lokala förbund"


def test_a_time_of_day_is_no_anslag(facts):
    assert "post" not in dict(_prose(facts, "35 miljoner kronor").breakdown)


@pytest.mark.parametrize("text, mentions", [
    ("att anslaget 1:1 Sjukpenning och rehabilitering m.m. ökas med 1 200 miljoner kronor och anslaget 1:2 med 850",
     [("1:1", "Sjukpenning och rehabilitering m.m."), ("1:2", "")]),
    ("anslagsposten 1:1 ap.1 Arbetsförmedlingens förvaltningskostnader med 15 000 tkr", [("1:1", "Arbetsförmedlingens förvaltningskostnader")]),
    ("under anslaget 1:6 Bidrag för sjukskrivningsprocessen ökas därmed med 25 000 tkr", [("1:6", "Bidrag för sjukskrivningsprocessen")]),
    ("anslaget 1:3 Kostnader för arbetsmarknadspolitiska program och insatser för 2029 uppgår till",
     [("1:3", "Kostnader för arbetsmarknadspolitiska program och insatser")]),
    ("föreslår i motion 2026/27:2345 yrkande 3 ett högre tak", []),
    ("mötet började 10:30", []),
])
def test_appropriation_mentions(text, mentions):
    assert [(m.code, m.name) for m in find_appropriation_mentions(text)] == mentions
