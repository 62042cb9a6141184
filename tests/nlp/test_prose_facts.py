"""nlp/prose/: running text -> Facts, on short blocks written as the reports write."""
from __future__ import annotations

import pytest

from ingest.records import Block, Document, DocumentMetadata, Footnote
from nlp.prose import extract_prose_facts, fact_kind, pipeline_text, text_sources


def document(*texts: str, section=("1. Resultat",), year=2019, footnotes=()) -> Document:
    blocks = tuple(
        Block(id=f"t:b{i}", doc="t", order=i, kind="paragraph", section=section, text=text, line_start=10 + 2 * i, line_end=10 + 2 * i)
        for i, text in enumerate(texts)
    )
    return Document(id="t", source_file="t.txt", content_hash="x", format="text",
                    metadata=DocumentMetadata(reporting_year=year), blocks=blocks, footnotes=tuple(footnotes))


def facts(nlp, matcher, *texts, **kw):
    return [(f.printed, f.value, f.period, f.measure, dict(f.breakdown), f.qualifier)
            for f in extract_prose_facts(document(*texts, **kw), nlp, matcher)]


def test_earlier_year_in_passing_is_a_fact_of_that_year(nlp, matcher):
    got = facts(nlp, matcher, "Under 2019 har myndigheterna genomfört 8 662 gemensamma kartläggningar "
                              "tillsammans med kvinnor och män (8 638 kartläggningar 2018).")
    assert got == [
        ("8 662", 8662.0, "2019", "gemensamma_kartlaggningar_antal", {}, "exact"),
        ("8 638", 8638.0, "2018", "gemensamma_kartlaggningar_antal", {}, "exact"),
    ]


def test_comparison_in_parentheses_with_a_comma(nlp, matcher):
    got = facts(nlp, matcher, "Med individer som fått avslag på ansökan om aktivitetsersättning genomfördes "
                              "164 möten (166, 2021).", year=2022)
    assert got == [
        ("164", 164.0, "2022", "omstallningsmoten_antal", {"forman": "aktivitetsersättning"}, "exact"),
        ("166", 166.0, "2021", "omstallningsmoten_antal", {"forman": "aktivitetsersättning"}, "exact"),
    ]


def test_respektive_pairs_groups_in_order(nlp, matcher):
    got = facts(nlp, matcher, "Resultatet är högre för män än för kvinnor, 56 respektive 53 procent.")
    assert [(p, b) for p, _, _, _, b, _ in got] == [("56", {"kon": "män"}), ("53 procent", {"kon": "kvinnor"})]


def test_hyphen_ellipsis_names_two_forman(nlp, matcher):
    got = facts(nlp, matcher, "Andelen var högre bland individer med sjuk- eller aktivitetsersättning "
                              "(71 respektive 70 procent) än bland sjukskrivna (59 procent).")
    assert [b for *_, b, _ in got] == [{"forman": "sjukersättning"}, {"forman": "aktivitetsersättning"}, {"forman": "sjukpenning"}]


def test_group_of_each_clause(nlp, matcher):
    got = facts(nlp, matcher, "Kvinnor fick stöd 392 dagar (360 dagar 2018) och män 395 dagar (360 dagar 2018).")
    assert [(v, p, b) for _, v, p, _, b, _ in got] == [
        (392.0, "2019", {"kon": "kvinnor"}), (360.0, "2018", {"kon": "kvinnor"}),
        (395.0, "2019", {"kon": "män"}), (360.0, "2018", {"kon": "män"}),
    ]


def test_a_pair_of_groups_is_the_total(nlp, matcher):
    got = facts(nlp, matcher, "Under 2019 har 54 procent av de kvinnor och män som deltagit i rehabiliteringsinsats "
                              "fått eller återfått arbetsförmågan.")
    assert got == [("54 procent", 54.0, "2019", "arbetsformaga_andel", {}, "exact")]


def test_anaphora_keeps_the_group_of_the_sentence_before(nlp, matcher):
    got = facts(nlp, matcher, "Med individer som inte längre får sjukpenning har 3 887 möten genomförts. Av dem var 66 procent kvinnor.")
    assert got[1][3:5] == ("omstallningsmoten_kvinnor_andel", {"forman": "sjukpenning"})


def test_change_is_a_fact_of_a_span(nlp, matcher):
    got = facts(nlp, matcher, "Resultaten under 2019 för de som fått eller återfått arbetsförmåga har minskat med "
                              "fyra procentenheter jämfört med 2018.")
    assert got == [("fyra procentenheter", 4.0, "2018-2019", "arbetsformaga_andel", {}, "exact")]


def test_range_is_two_bounds(nlp, matcher):
    got = facts(nlp, matcher, "Andelen kvinnor som deltar i gemensam kartläggning varierar mellan 60–64 procent.", year=2022)
    assert [(v, q) for _, v, _, _, _, q in got] == [(60.0, "over"), (64.0, "under")]


def test_money_normalised_to_kronor(nlp, matcher):
    got = facts(nlp, matcher, "Arbetsförmedlingen förbrukade cirka 345 miljoner av de tilldelade 375,6 miljoner kronor "
                              "förvaltningsmedel för uppdraget.")
    assert [(p, v, m, q) for p, v, _, m, _, q in got] == [
        ("345 miljoner", 345e6, "forbrukade_medel_kronor", "approximate"),
        ("375,6 miljoner kronor", 375.6e6, "tilldelade_medel_kronor", "exact"),
    ]
    assert all(b == {"myndighet": "Arbetsförmedlingen", "post": "förvaltning"} for *_, b, _ in got)


def test_unmatched_figure_is_kept_as_unclassified(nlp, matcher):
    doc = document("Arbetsförmedlingen tvingades varsla 4 500 personer om uppsägning.")
    (fact,) = extract_prose_facts(doc, nlp, matcher)
    assert (fact.measure, fact.value, fact.phrase) == ("unclassified", 4500.0, "varsla personer uppsägning") or \
        (fact.measure == "unclassified" and fact.phrase)


@pytest.mark.parametrize("text", [
    "Sedan den 15 maj 2019 har möjligheten tagits bort.",
    "Kontaktmötet ger rätt att söka arbete med bibehållen sjukpenning fram till dag 181.",
    "Se tabell 6 och figur 2 i kapitel 4.",
    "Lagen (2003:1210) om finansiell samordning av rehabiliteringsinsatser.",
    "Dnr Af-2020/0000 6301 Dnr FK-000272-2020",
    "Deltagare summerar inte till 100 procent på grund av avrundning.",
])
def test_non_facts(nlp, matcher, text):
    assert facts(nlp, matcher, text) == []


def test_line_of_a_figure_in_a_wrapped_block(nlp, matcher):
    block = Block(id="t:b0", doc="t", order=0, kind="paragraph", section=(), line_start=40, line_end=41,
                  text="Under 2019 genomfördes 4 647 omställningsmöten. Av dem var 66 procent kvinnor.",
                  line_breaks=(48,))
    doc = Document(id="t", source_file="t.txt", content_hash="x", format="text",
                   metadata=DocumentMetadata(reporting_year=2019), blocks=(block,))
    assert [f.line for f in extract_prose_facts(doc, nlp, matcher)] == [40, 41]


def test_kind_summary_body_footnote(nlp, matcher):
    fn = Footnote(id="t:fn23", doc="t", number=23, text="2016 lämnade 9 329 individer samarbetet efter rehabiliteringsinsats.",
                  line=99, marker_refs=("t:b0",))
    doc = document("Under 2019 genomfördes 4 647 omställningsmöten.", section=("Sammanfattning",), footnotes=[fn])
    got = [(f.kind, f.line, f.period) for f in extract_prose_facts(doc, nlp, matcher)]
    assert got == [("summary", 10, "2019"), ("footnote", 99, "2016")]
    assert fact_kind(doc.blocks[0]) == "summary"


def test_sentence_split_by_a_page_break_is_read_as_one(nlp, matcher):
    doc = document("2019 genomfördes omställningsmöten i cirka 15 procent av fallen där personer inte längre får sjukpenning",
                   "(20 procent 2018). Syftet med omställningsmöten är att ge individen information.")
    sources = text_sources(doc)
    assert len(sources) == 1
    got = extract_prose_facts(doc, nlp, matcher)
    assert [(f.value, f.period, f.line, f.measure) for f in got] == [
        (15.0, "2019", 10, "omstallningsmoten_andel"), (20.0, "2018", 12, "omstallningsmoten_andel")]


def test_numbered_lines_stay_apart(nlp, matcher):
    text = ("2016 lämnade 9 329 individer samarbetet, 51 procent uppnådde arbetsförmåga "
            "2017 lämnade 7 187 individer samarbetet, 55 procent uppnådde arbetsförmåga")
    block = Block(id="t:b0", doc="t", order=0, kind="paragraph", section=(), line_start=5, line_end=6,
                  text=text, line_breaks=(text.index("2017"),))
    source = text_sources(Document(id="t", source_file="t.txt", content_hash="x", format="text",
                                   metadata=DocumentMetadata(), blocks=(block,)))[0]
    assert "arbetsförmåga\n2017" in pipeline_text(source)
    got = extract_prose_facts(Document(id="t", source_file="t.txt", content_hash="x", format="text",
                                       metadata=DocumentMetadata(reporting_year=2019), blocks=(block,)), nlp, matcher)
    assert [(f.value, f.period, f.line) for f in got] == [(9329.0, "2016", 5), (51.0, "2016", 5), (7187.0, "2017", 6), (55.0, "2017", 6)]


def test_a_numbered_list_item_is_no_figure(nlp, matcher):
    """"2. Samverkan ..." on a line of its own inside a paragraph numbers a list item."""
    got = facts(nlp, matcher, "Underlagsrapporter i serien:\n1. Studerande och socialförsäkringen\n"
                              "2. Samverkan mellan Arbetsförmedlingen och Försäkringskassan")
    assert got == []


@pytest.mark.parametrize("text, printed, unit", [
    ("Medelåldern var 47 jämfört med 41 år i gruppen.", "47", "ar"),
    ("Kostnaden var 12 jämfört mot 15 miljoner kronor året innan.", "12", "kronor"),
])
def test_a_comparison_shares_the_unit_printed_after_it(nlp, matcher, text, printed, unit):
    got = {p: u for p, u in ((f.printed, f.unit) for f in extract_prose_facts(document(text), nlp, matcher))}
    assert got[printed] == unit


def test_signed_points_are_a_change_but_a_signed_distance_from_a_goal_keeps_its_sign(nlp, matcher):
    got = facts(nlp, matcher, "Andelen som fick beslut i tid var 64,0 procent, –2,5 procentenheter jämfört med 2047.",
                "Andelen blev 46,8 procent, en avvikelse på -3,2 procentenheter mot målet om 50 procent.", year=2048)
    by_printed = {p: (v, period) for p, v, period, *_ in got}
    assert by_printed["–2,5 procentenheter"] == (2.5, "2047-2048")
    assert by_printed["-3,2 procentenheter"][0] == -3.2


def test_a_signed_figure_alone_in_parentheses_after_a_figure_is_its_change(nlp, matcher):
    got = facts(nlp, matcher, "I genomsnitt hade 5 120 personer ersättning per månad (+230), jämfört med 2047.",
                "Fördelningen var 730 miljoner kronor för planen (+2,5 miljoner kronor för andra insatser).", year=2048)
    by_printed = {p: (v, b) for p, v, _, _, b, _ in got}
    assert by_printed["+230"] == (230.0, {"forandring": "ökning"})
    assert "forandring" not in by_printed["+2,5 miljoner kronor"][1]  # an amount added for something, no change


def test_a_list_of_earlier_years_after_jamfort_med_keeps_the_measure(nlp, matcher):
    # each figure the first is compared with is the same measure for another year, not only the first of them
    got = facts(nlp, matcher, "Andelen som påbörjade en rehabiliteringsinsats efter den gemensamma kartläggningen var "
                              "76,4 procent i landet 2030, jämfört med 75,1 procent 2029 och 72,9 procent 2028.", year=2030)
    assert [(p, period, measure) for p, _, period, measure, _, _ in got] == [
        ("76,4 procent", "2030", "paborjar_rehabiliteringsinsats_andel"),
        ("75,1 procent", "2029", "paborjar_rehabiliteringsinsats_andel"),
        ("72,9 procent", "2028", "paborjar_rehabiliteringsinsats_andel")]


def test_the_end_of_a_from_to_pair_keeps_the_measure_of_its_start(nlp, matcher):
    # the second end stands among other words ("avslag", "kommunen") that must not name it
    got = facts(nlp, matcher, "Under 2030 fick 180 personer avslag på sjukpenning. Antalet gemensamma kartläggningar "
                              "i kommunen ökade från 64 till 88 mellan 2028 och 2030.", year=2030)
    ends = {p: measure for p, _, _, measure, _, _ in got if p in ("64", "88")}
    assert ends == {"64": "gemensamma_kartlaggningar_antal", "88": "gemensamma_kartlaggningar_antal"}
