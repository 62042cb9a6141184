"""Mechanisms from the eighth batch of blind reports (issue 21), each on a small text of its own: a text
hard-wrapped at a fixed width (a line break is where a word did not fit, not where a statement ends), the year
that "året innan" counts back from, a comparison with "mot", and "i år" in a text dated after the year it
reports on.

The texts are written for these tests, not taken from tests/data (the benchmark scores those)."""
from __future__ import annotations

from pathlib import Path

from ingest.records import DocumentMetadata
from ingest.text_reader import read_text
from nlp.extract import extract_facts
from nlp.sv.periods import NOW, find_year_mentions, resolve_period


def facts_of(nlp, catalogue, text: str, year: int = 2031, published: str | None = None):
    meta = DocumentMetadata(reporting_year=year, published=published)
    doc = read_text(Path("svar.txt"), "svar", meta, "0", text=text)
    return doc, extract_facts(doc, nlp, catalogue)


def test_a_wrapped_paragraph_is_one_paragraph_and_a_number_at_a_line_start_goes_on_its_sentence(nlp, catalogue):
    text = ("Svar på fråga om stödet\n\n"
            "Sedan 2019 arbetar myndigheterna efter en gemensam modell för\n"
            "stöd till dem som står långt från arbetsmarknaden. Under 2029 fick\n"
            "29 800 personer beslut om att ersättningen upphörde. Totalt hölls\n"
            "2 140 uppföljande möten med båda myndigheterna år 2030 och 2 480\n"
            "2031, vilket är 340 fler än året innan.\n")
    doc, facts = facts_of(nlp, catalogue, text, year=2031)
    assert [b.kind for b in doc.blocks] == ["heading", "paragraph"]  # "Sedan 2019 ... modell för" is no title
    got = {f.printed: f.period for f in facts}
    assert got["29 800"] == "2029"
    assert got["2 480"] == "2031"  # "2 480" / "2031, vilket ...": the year goes on the sentence


def test_a_list_of_lines_each_opening_with_a_year_keeps_its_statements(nlp, catalogue):
    text = ("Resultat\n\n"
            "2027 avslutade 4 120 personer en insats, 48 procent fick arbete\n"
            "2028 avslutade 3 950 personer en insats, 51 procent fick arbete och 212 studerade vidare efter avslutet\n"
            "2029 avslutade 3 870 personer en insats, 53 procent fick arbete\n")
    _, facts = facts_of(nlp, catalogue, text, year=2029)
    got = {f.printed: f.period for f in facts}
    assert got["4 120"] == "2027" and got["3 950"] == "2028" and got["3 870"] == "2029"


def test_the_year_before_counts_from_the_paragraph_not_from_a_year_that_leads_another_figure(nlp, catalogue):
    text = ("Avslag och möten\n\n"
            "Under 2031 fick 18 300 personer avslag och 1 280 av dem hade ett möte. Året innan var andelen "
            "8,1 procent och 2029 7,6 procent.\n")
    _, facts = facts_of(nlp, catalogue, text)
    got = {f.printed: f.period for f in facts}
    assert got["8,1 procent"] == "2030"
    assert got["7,6 procent"] == "2029"


def test_years_compared_with_mot_do_not_date_the_next_sentence(nlp, catalogue):
    text = ("Resultat\n\n"
            "Andelen som fick arbete var 61 procent 2031, mot 64 procent 2030 och 66 procent 2029. "
            "Av de 5 410 personer som lämnade samarbetet hade 1 020 en anställning med stöd.\n")
    _, facts = facts_of(nlp, catalogue, text)
    got = {f.printed: f.period for f in facts}
    assert got["64 procent"] == "2030"
    assert got["5 410"] == "2031" and got["1 020"] == "2031"


def test_i_ar_is_the_year_the_text_speaks_from(nlp, catalogue):
    text = ("Svar på fråga\n\n"
            "Under 2030 hölls 2 480 möten. Hittills i år har drygt 410 möten hållits, och förra året "
            "deltog 1 900 personer. I augusti pågick 640 insatser.\n")
    _, facts = facts_of(nlp, catalogue, text, year=2030, published="2031-03-14")
    got = {f.printed: f.period for f in facts}
    assert got["2 480"] == "2030"
    assert got["410"] == "2031"  # "hittills i år", said in March 2031
    assert got["1 900"] == "2030"  # "förra året" from 2031
    assert got["640"] == "2030"  # a month with no year is the year reported on


def test_now_resolves_against_the_speaking_year():
    (mention,) = [m for m in find_year_mentions("Hittills i år har 400 möten hållits.") if m[2] == "current"]
    assert mention[3] == NOW
    assert resolve_period(NOW, 2030, 2031) == "2031"
    assert resolve_period(NOW, 2030) == "2030"
    assert resolve_period("cur-1", 2030, 2031) == "2030"


def test_i_dag_is_the_year_reported_on(nlp, catalogue):
    text = ("Analys\n\nI dag har bara var tionde ett möte med båda myndigheterna.\n")
    _, facts = facts_of(nlp, catalogue, text, year=2030, published="2031-03-14")
    assert {f.printed: f.period for f in facts}["var tionde"] == "2030"


def test_a_numbered_list_is_no_wrapped_paragraph(nlp, catalogue):
    text = ("Frågor\n\n"
            "1. Når stödet de personer som har störst behov av det?\n"
            "2. Leder stödet till att fler får arbete inom ett år?\n"
            "3. Används medlen på ett sätt som går att följa upp?\n")
    _, facts = facts_of(nlp, catalogue, text)
    assert not [f for f in facts if f.printed in ("2", "3")]


def test_a_first_line_that_broke_for_width_is_no_title(nlp, catalogue):
    body = ("Regeringen har för 2032 anvisat 1 410 miljoner kronor på anslaget 1:6\n"
            "Bidrag till förstärkt samarbete, 40 miljoner kronor mer än 2031, varav\n"
            "1 020 miljoner kronor till Arbetsförmedlingen och 390 miljoner kronor.\n")
    filler = "".join(f"Stycke {k} om arbetet i samverkan mellan myndigheterna under året\nsom gick, med fler möten.\n\n"
                     for k in range(6))
    text = "Svar\n\n" + filler + body
    doc, facts = facts_of(nlp, catalogue, text)
    assert not [b for b in doc.blocks if b.kind == "heading" and b.text.startswith("Bidrag")]
    assert {f.printed: f.period for f in facts}["1 020 miljoner kronor"] == "2032"


def test_a_cause_is_no_proposal():
    from nlp.sv.periods import proposes
    assert proposes("Taket höjs till 10 prisbasbelopp.")
    assert not proposes("Utbetalt bistånd ökade till 96,8 mnkr, främst på grund av höjda riksnormer.")


def test_a_count_of_people_takes_its_measure_from_what_they_did(nlp, catalogue):
    from nlp.sv.people import is_people_word
    assert is_people_word("unga") and is_people_word("deltagare") and is_people_word("sökande")
    assert not is_people_word("platser") and not is_people_word("möten")
    text = ("Svar\n\nEndast 1 480 unga med aktivitetsersättning genomförde en gemensam kartläggning under 2031.\n")
    _, facts = facts_of(nlp, catalogue, text)
    assert {f.printed: f.measure for f in facts}["1 480"] == "gemensamma_kartlaggningar_antal"


def test_a_parenthesis_restates_the_figure_before_it_for_other_groups(nlp):
    from nlp.components.quantities import QUANTITIES
    from nlp.prose.figures import restated_in_parens
    doc = nlp("Tolv procent av de sjukskrivna (nio procent av dem med aktivitetsersättning och fem procent av dem med "
              "sjukersättning) bedömdes ha arbetsförmåga. Förbrukningen var 690 mnkr (anslaget 720 mnkr).")
    spans = list(doc.spans[QUANTITIES])
    assert [s.text for s in spans] == ["Tolv procent", "nio procent", "fem procent", "690 mnkr", "720 mnkr"]
    decided = {0: ("en_andel", ()), 3: ("forbrukade", ())}
    restating: set[int] = set()
    for idx in range(1, 3):
        assert restated_in_parens(doc, spans, idx, decided, restating) == "en_andel"
        restating.add(idx)
    assert restated_in_parens(doc, spans, 4, decided, restating) is None  # "(anslaget 720 mnkr)" names its own


def test_a_parenthesis_that_names_its_own_thing_keeps_its_measure():
    from nlp.prose.figures import _PAREN_LEAD
    assert _PAREN_LEAD.match("") and _PAREN_LEAD.match("drygt ")
    assert not _PAREN_LEAD.match("anslaget ") and not _PAREN_LEAD.match("varav ")
