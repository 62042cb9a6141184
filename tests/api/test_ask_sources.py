"""Which facts answer a reading (issue 13): a state that holds from a year on, and a table or passage
that gives a figure only split one step further than asked.

The reports, measures and figures here are made up (fire drills in two made-up municipalities) and in
no benchmark question file: each test says what a mechanism does, not that one question works.
"""
from __future__ import annotations

import pytest

from api.answer.ask import Asker, finer_splits, holds_in_year
from ingest import store as ingest_store
from ingest.records import Block, Document, DocumentMetadata
from nlp import store as nlp_store
from nlp.records import Fact, Measure

DRILLS = [
    Measure(key="ovningar_antal", label="Antal brandövningar", unit="antal", definition="Antal brandövningar under året.",
            lemmas=("brandövning",), breakdowns=("kon", "forman")),
    Measure(key="ovningar_andel", label="Andel som deltagit i brandövning", unit="procent",
            definition="Andel av de anställda som deltagit i en brandövning.", denominator="Anställda.",
            counts_of="ovningar_antal", lemmas=("brandövning", "andel"), breakdowns=("kon", "myndighet")),
    Measure(key="larm_per_station_antal", label="Larm per brandstation", unit="antal",
            definition="Hur många larm en brandstation ska hinna med.", lemmas=("larm", "brandstation"),
            breakdowns=("myndighet",)),
]


def fact(fid, measure, period, value, quote, kind="body", block=None, cell=None, **breakdown) -> Fact:
    unit = {"ovningar_andel": "procent"}.get(measure, "antal")
    return Fact(id=fid, doc="brand-2021", source_file="brand-2021.txt", measure=measure, measure_label=measure,
                period=period, breakdown=tuple(sorted(breakdown.items())), value=value, printed=str(value), unit=unit,
                kind=kind, line=int(fid[1:]), quote=quote, block=block, cell=cell)


FACTS = [
    # a state: "från och med 2019" closed with the report's year 2021
    fact("f1", "larm_per_station_antal", "2019-2021", 12,
         "Från och med 2019 ska varje station klara 12 larm i veckan i Norrby och 9 i Söderby.", block="b1",
         myndighet="Norrby"),
    fact("f2", "larm_per_station_antal", "2019-2021", 9,
         "Från och med 2019 ska varje station klara 12 larm i veckan i Norrby och 9 i Söderby.", block="b1",
         myndighet="Söderby"),
    # a sum over a span: no figure of any one year
    fact("f3", "ovningar_antal", "2017-2019", 300, "Under 2017-2019 hölls sammanlagt 300 brandövningar.", block="b2"),
    # the text gives the share of Norrby; a table gives Norrby only by kön, with no total column
    fact("f4", "ovningar_andel", "2020", 40, "Cirka 40 procent av de anställda i Norrby deltog i en brandövning.",
         block="b3", myndighet="Norrby"),
    fact("f5", "ovningar_andel", "2020", 38, "Tabell 2 | Norrby | Kvinnor: 38", kind="table", cell="brand-2021:t2:r1c1",
         myndighet="Norrby", kon="kvinnor"),
    fact("f6", "ovningar_andel", "2020", 43, "Tabell 2 | Norrby | Män: 43", kind="table", cell="brand-2021:t2:r1c2",
         myndighet="Norrby", kon="män"),
    # a table that gives the total as well: its split is no extra answer
    fact("f7", "ovningar_andel", "2020", 41, "Tabell 3 | Norrby | Totalt: 41", kind="table", cell="brand-2021:t3:r1c1",
         myndighet="Norrby"),
    fact("f8", "ovningar_andel", "2020", 39, "Tabell 3 | Norrby | Kvinnor: 39", kind="table", cell="brand-2021:t3:r1c2",
         myndighet="Norrby", kon="kvinnor"),
]


@pytest.fixture(scope="module")
def drills(tmp_path_factory):
    path = tmp_path_factory.mktemp("drills") / "drills.db"
    with ingest_store.building(path) as conn:
        nlp_store.save_measures(conn, DRILLS)
        nlp_store.save_facts(conn, FACTS, {"brand-2021": ("2021-03-01", 2021)})
    import sqlite3

    conn = sqlite3.connect(path)
    conn.row_factory = sqlite3.Row
    return Asker(conn)


def values(answer) -> list[tuple]:
    return sorted((a["value"], a["period"], tuple(sorted(a["breakdown"].items()))) for a in answer.answers)


# -- a state that holds from a year on ------------------------------------------------------------

@pytest.mark.parametrize("quote, period, year, holds", [
    ("Från och med 2019 gäller 12 larm.", "2019-2021", 2020, True),
    ("Fr.o.m. 2019 gäller 12 larm.", "2019-2021", 2019, True),
    ("Allt sedan 2019 gäller 12 larm.", "2019-", 2024, True),
    ("Från och med 2019 gäller 12 larm.", "2019-2021", 2022, False),  # outside the span
    ("Under 2017-2019 hölls 300 övningar.", "2017-2019", 2018, False),  # a sum over the span
    ("Från och med 2018 räknas 300 övningar.", "2019-2021", 2020, False),  # the sentence's year is not the span's
])
def test_a_figure_that_holds_from_a_year_on_answers_each_year_of_its_span(quote, period, year, holds):
    assert holds_in_year({"period": period, "quote": quote}, year) is holds


def test_a_year_inside_a_from_on_span_is_answered_with_the_span(drills):
    answer = drills.ask("larm per brandstation i Söderby 2020", k=0)
    assert values(answer) == [(9, "2019-2021", (("myndighet", "Söderby"),))]


def test_a_year_inside_a_sum_over_a_span_is_not_reported(drills):
    answer = drills.ask("antal brandövningar 2018", k=0)
    assert answer.not_reported


# -- a source that splits one step further than asked -------------------------------------------

def test_a_table_without_a_total_column_adds_its_split_beside_the_texts_total(drills):
    answer = drills.ask("andel brandövning Norrby 2020", k=0)
    assert values(answer) == [(38, "2020", (("kon", "kvinnor"), ("myndighet", "Norrby"))),
                              (40, "2020", (("myndighet", "Norrby"),)),
                              (41, "2020", (("myndighet", "Norrby"),)),
                              (43, "2020", (("kon", "män"), ("myndighet", "Norrby")))]


def test_finer_splits_only_one_step_and_only_where_the_source_has_no_total():
    wanted = {"myndighet": "Norrby"}
    rows = [{"id": f.id, "period": f.period, "breakdown": dict(f.breakdown), "cell": f.cell, "block": f.block}
            for f in FACTS if f.measure == "ovningar_andel"]
    rows.append({"id": "f9", "period": "2020", "breakdown": {"myndighet": "Norrby", "kon": "män", "alder": "18-29"},
                 "cell": "brand-2021:t2:r1c3", "block": None})
    exact = [r for r in rows if r["breakdown"] == wanted]
    assert sorted(r["id"] for r in finer_splits(rows, wanted, exact)) == ["f5", "f6"]


# -- a nearly as good reading that answers what the best one cannot ------------------------------

COURSES = [
    Measure(key="kurser_antal", label="Antal kurser i brandskydd", unit="antal", definition="Antal hållna kurser.",
            lemmas=("kurs", "brandskydd")),
    Measure(key="kurser_erbjudna_antal", label="Antal erbjudna kurser i brandskydd", unit="antal",
            definition="Antal kurser som erbjudits.", lemmas=("kurs", "brandskydd", "erbjuden")),
    Measure(key="kurser_utan_larare_antal", label="Antal kurser i brandskydd som saknade lärare", unit="antal",
            definition="Antal kurser som ställdes in.", lemmas=("kurs", "brandskydd", "lärare")),
    Measure(key="anmalan_ovning_andel", label="Andel anställda som anmäler sig till övning", unit="procent",
            definition="Andel av de anställda som anmäler sig till en övning.", denominator="Anställda.",
            lemmas=("anmäla", "övning")),
    Measure(key="ovningsmedel_tilldelade_kronor", label="Tilldelade övningsmedel", unit="kronor",
            definition="Medel tilldelade för övningar, per post.", lemmas=("övningsmedel", "tilldela"), breakdowns=("post",)),
    Measure(key="ovningsmedel_forbrukade_kronor", label="Förbrukade övningsmedel", unit="kronor",
            definition="Medel förbrukade för övningar, per post.", lemmas=("övningsmedel", "förbruka"), breakdowns=("post",)),
    Measure(key="raddningsbudget_kronor", label="Räddningstjänstens budget", unit="kronor",
            definition="Budget för räddningstjänsten.", lemmas=("räddningstjänst", "budget")),
    Measure(key="brandmedel_kronor", label="Tilldelade brandmedel", unit="kronor", definition="Tilldelade medel per post.",
            lemmas=("brandmedel", "budget"), breakdowns=("myndighet", "post")),
]


def course_fact(fid, measure, period, value, **breakdown) -> Fact:
    unit = measure.rsplit("_", 1)[1].replace("andel", "procent")
    return Fact(id=fid, doc="kurs-2021", source_file="kurs-2021.txt", measure=measure, measure_label=measure, period=period,
                breakdown=tuple(sorted(breakdown.items())), value=value, printed=str(value), unit=unit, kind="body",
                line=int(fid[1:]), quote=f"{value} ({measure}, {period})", block=f"b{fid}")


COURSE_FACTS = [
    course_fact("c1", "kurser_antal", "2019", 30),
    course_fact("c2", "kurser_erbjudna_antal", "2020", 45),
    course_fact("c3", "kurser_utan_larare_antal", "2021", 12),
    course_fact("c4", "raddningsbudget_kronor", "2020", 900_000),
    course_fact("c9", "anmalan_ovning_andel", "2020", 35),
    course_fact("c12", "anmalan_ovning_andel", "2021", 30, forman="sjukpenning"),
    course_fact("c13", "anmalan_ovning_andel", "2021", 38, forman="sjukersättning"),
    course_fact("c10", "ovningsmedel_tilldelade_kronor", "2020", 50_000, post="rökdykning"),
    course_fact("c14", "ovningsmedel_tilldelade_kronor", "2019", 70_000),
    course_fact("c11", "ovningsmedel_forbrukade_kronor", "2021", 45_000, post="rökdykning"),
    course_fact("c5", "brandmedel_kronor", "2020", 120_000, myndighet="Försäkringskassan", post="utbildning"),
    course_fact("c6", "brandmedel_kronor", "2020", 300_000, myndighet="Försäkringskassan", post="räddningsinsatser och övningar"),
    course_fact("c7", "brandmedel_kronor", "2020", 200_000, myndighet="Försäkringskassan", post="övningar"),
]


COURSE_TEXT = ("Räddningstjänsten ordnade kurser i brandskydd. De anställda anmäler sig till en övning i taget, cheferna likaså. Rökdykning tilldelades och förbrukade medel. Medlen gick till utbildning, till övningar och till "
               "räddning: räddningsinsatser och övningar kostade mest, och en insats i taget planerades.")


def course_report() -> Document:
    meta = DocumentMetadata(title="Kurser i brandskydd", publishers=("Räddningstjänsten",), published="2021-03-01",
                            reporting_year=2020, years="2019-2021", kind="återrapport", from_manifest=True)
    block = Block(id="kurs-2021:b0", doc="kurs-2021", order=0, kind="paragraph", section=(), text=COURSE_TEXT,
                  line_start=1, line_end=1)
    return Document(id="kurs-2021", source_file="kurs-2021.txt", content_hash="1" * 64, format="text", metadata=meta,
                    line_count=1, blocks=(block,))


@pytest.fixture(scope="module")
def courses(tmp_path_factory):
    import sqlite3

    path = tmp_path_factory.mktemp("courses") / "courses.db"
    with ingest_store.building(path) as conn:
        ingest_store.save_document(conn, course_report())
        nlp_store.save_measures(conn, COURSES)
        nlp_store.save_facts(conn, COURSE_FACTS, {"kurs-2021": ("2021-03-01", 2021)})
    conn = sqlite3.connect(path)
    conn.row_factory = sqlite3.Row
    return Asker(conn)


def test_a_measure_with_no_figure_for_the_year_gives_way_to_one_nearly_as_good_that_has_it(courses):
    answer = courses.ask("hur många brandskyddskurser 2020", k=0)
    assert answer.interpretation.measure == "kurser_erbjudna_antal"
    assert [a["value"] for a in answer.answers] == [45]
    assert answer.message.startswith("Rapporterna redovisar inte antal kurser i brandskydd här, men väl antal erbjudna")


def test_no_other_reading_of_the_complement(courses):
    """The courses that lacked a teacher have a figure for 2021, but a measure of what was lacking
    ("saknade") is the complement of the one asked, unless the question says so itself."""
    assert courses.ask("hur många kurser i brandskydd 2021", k=0).not_reported
    assert [a["value"] for a in courses.ask("hur många kurser i brandskydd saknade lärare 2021", k=0).answers] == [12]


def test_a_breakdown_the_best_measure_cannot_use_moves_the_answer_to_one_that_can(courses):
    answer = courses.ask("räddningstjänstens budget Försäkringskassan utbildning 2020", k=0)
    assert courses.interpreter.interpret("räddningstjänstens budget Försäkringskassan utbildning 2020").measure == \
        "raddningsbudget_kronor"  # the best reading, not split by myndighet or post
    assert (answer.interpretation.measure, dict(answer.interpretation.breakdown)) == (
        "brandmedel_kronor", {"myndighet": "Försäkringskassan", "post": "utbildning"})
    assert [a["value"] for a in answer.answers] == [120_000]


@pytest.mark.parametrize("query", ["räddningstjänstens budget 2020", "räddningstjänstens budget Försäkringskassan 2020"])
def test_the_best_measure_keeps_the_question_when_no_word_is_left_over_for_another(courses, query):
    """A myndighet the best measure is not split by, and no other word of the question for another
    measure to use, is no reason to leave the measure that has the figure (the note says what was dropped)."""
    answer = courses.ask(query, k=0)
    assert [a["value"] for a in answer.answers] == [900_000]


def test_a_tie_between_named_values_goes_to_the_one_whose_compound_head_the_question_has(courses):
    """"insatser och övningar" names "räddningsinsatser och övningar" (its compound's head), not "övningar"."""
    i = courses.interpreter.interpret("brandmedel Försäkringskassan insatser och övningar 2020")
    assert dict(i.breakdown)["post"] == "räddningsinsatser och övningar"
    assert dict(courses.interpreter.interpret("brandmedel Försäkringskassan övningar 2020").breakdown)["post"] == "övningar"


# -- "hur många" about people, answered with a share -------------------------------------------------

@pytest.mark.parametrize("query", ["hur många anmäler sig till övning 2020", "hur många av dem anmäler sig till övning 2020",
                                   "hur många som anmäler sig till övning 2020"])
def test_how_many_people_do_something_is_answered_with_the_share_the_report_gives(courses, query):
    answer = courses.ask(query, k=0)
    assert [(a["value"], a["unit"]) for a in answer.answers] == [(35, "procent")]
    assert answer.interpretation.count_as_share
    assert "hur många (rapporterna redovisar en andel, inget antal)" in answer.interpretation.ignored


@pytest.mark.parametrize("query", ["antal som anmäler sig till övning 2020",  # "antal" asks for a count outright
                                   "hur många i räddningstjänsten anmäler sig till övning 2020"])  # a place, not people
def test_a_count_asked_outright_or_of_a_place_is_not_answered_with_a_share(courses, query):
    answer = courses.ask(query, k=0)
    assert all(a["unit"] != "procent" for a in answer.answers)


# -- measures the question cannot tell apart ---------------------------------------------------------

def test_money_named_only_by_its_post_is_answered_by_every_money_measure_of_that_post(courses):
    """"pengar till rökdykning" says neither allotted nor used: both measures answer, each in its own row."""
    answer = courses.ask("pengar till rökdykning 2020-2021", k=0)
    assert sorted((a["measure"], a["value"]) for a in answer.answers) == [
        ("ovningsmedel_forbrukade_kronor", 45_000), ("ovningsmedel_tilldelade_kronor", 50_000)]
    assert len(answer.interpretation.related) == 1


def test_a_word_that_tells_the_money_measures_apart_keeps_one(courses):
    answer = courses.ask("tilldelade pengar till rökdykning 2020-2021", k=0)
    assert [(a["measure"], a["value"]) for a in answer.answers] == [("ovningsmedel_tilldelade_kronor", 50_000)]


# -- a sentence that holds the question's words in other forms ---------------------------------------

def test_a_sentence_holds_a_word_in_the_genitive_and_a_breakdown_value_by_its_abbreviation():
    """"FK" is held by a sentence printing "Försäkringskassan", and "november" by one printing it in the
    genitive ("novembers", which Snowball stems apart): a question in everyday words finds its sentence."""
    from api.answer.figure_search import FigureSearch
    from api.answer.query_words import QueryLexicon

    rows = [{"doc": "r", "quote": "Försäkringskassan fick tillbaka 4 miljoner kronor för novembers larmövningar.",
             "period": "2021", "unit": "kronor", "line": 3, "value": 4e6, "printed": "4 miljoner"},
            {"doc": "r", "quote": "Räddningstjänsten fick tillbaka 9 miljoner kronor.", "period": "2021", "unit": "kronor",
             "line": 5, "value": 9e6, "printed": "9 miljoner"}]
    search = FigureSearch(rows, QueryLexicon(["tillbaka", "november", "försäkringskassan", "larmövningar"]))
    found = search.match("pengar FK tillbaka november", "2021")
    assert found is not None and [f["printed"] for f in found.facts] == ["4 miljoner"]
    assert search.match("pengar FK tillbaka december", "2021") is None  # another month


# -- what a share is of ----------------------------------------------------------------------------

def test_a_share_of_something_the_measure_does_not_name_is_not_reported(courses):
    """"andel chefer ...": the noun after "andel" is what the share is of; the measure of all employees
    fits the rest of the words, but its figure is no share of chefer."""
    answer = courses.ask("andel chefer som anmäler sig till övning 2020", k=0)
    assert answer.not_reported and answer.interpretation.measure is None
    assert any(x.startswith("chefer (andelen frågas om chefer") for x in answer.interpretation.ignored)
    assert [a["value"] for a in courses.ask("andel anställda som anmäler sig till övning 2020", k=0).answers] == [35]


def test_the_supine_of_ha_is_a_function_word_not_content():
    """"sedan när har kommunerna haft ..." asks about what they have had; a sentence saying "har ...
    sedan 2015" prints no "haft", and must not lose the question's words for it."""
    from api.answer.ask_words import STOP_WORDS
    from api.answer.query_words import QueryLexicon
    from api.answer.text_figures import TextFigures

    assert {"ha", "har", "hade", "haft"} <= STOP_WORDS
    passages = [{"id": "b1", "doc": "r", "kind": "paragraph", "section": [], "line": 1, "page": None, "page_label": None,
                 "source_file": "r.txt", "published": "2021",
                 "text": "Kommunerna har en gemensam larmcentral sedan 2015. Den bemannas dygnet runt."},
                {"id": "b2", "doc": "r", "kind": "paragraph", "section": [], "line": 2, "page": None, "page_label": None,
                 "source_file": "r.txt", "published": "2021", "text": "Larmcentralen tog emot 300 samtal under 2020."}]
    figures = TextFigures(passages, QueryLexicon(["kommunerna", "gemensam", "larmcentral", "bemannas", "samtal"]))
    found = figures.match("sedan vilket år har kommunerna haft en gemensam larmcentral", "år")
    assert [n.printed for f in found for n in f.numbers] == ["2015"]


# -- a förmån the period's figures are not split by ------------------------------------------------

def test_a_formans_word_for_a_period_not_split_by_forman_gets_the_figure_for_all_with_a_note(courses):
    """"sjukskrivna" names förmån sjukpenning; 2020's figure is given for everyone, 2021's by förmån."""
    answer = courses.ask("andel anställda sjukskrivna som anmäler sig till övning 2020", k=0)
    assert [(a["value"], a["breakdown"]) for a in answer.answers] == [(35, {})]
    assert answer.message.startswith("Rapporterna delar inte upp siffrorna per forman för perioden")
    answer = courses.ask("andel anställda sjukskrivna som anmäler sig till övning 2021", k=0)
    assert [(a["value"], a["breakdown"]) for a in answer.answers] == [(30, {"forman": "sjukpenning"})]


def test_a_post_the_periods_money_is_not_split_by_gets_the_total_with_a_note(courses):
    """2019's allotment is given only in total; 2020's by post: "rökdykning" narrows 2020, and for 2019
    the total answers with the note that the figures are not split by post."""
    answer = courses.ask("tilldelade pengar till rökdykning 2019", k=0)
    assert [(a["value"], a["breakdown"]) for a in answer.answers] == [(70_000, {})]
    assert answer.message.startswith("Rapporterna delar inte upp siffrorna per post för perioden")
    answer = courses.ask("tilldelade pengar till rökdykning 2019-2020", k=0)
    assert [(a["value"], a["breakdown"]) for a in answer.answers] == [(50_000, {"post": "rökdykning"})]
