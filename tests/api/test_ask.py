"""Questions -> Interpretation -> Answer, on the real catalogue and the real corpus.

Interpretations are (question, expected) tables, as spacy/tests/lang/sv does for words.
Answers are checked value by value, with the report, line and quote: an answer that lists
one report's figure where two reports disagree is wrong, and so is a number where the
reports have none.
"""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from api.answer.ask import Asker, format_number
from api.answer.interpret import Interpreter, period_in
from api.cli import cli
from api.kb import load_search_index, open_readonly
from api.answer.query_words import QueryLexicon

GK, OM = "gemensamma_kartlaggningar_antal", "omstallningsmoten_antal"
RESTATEMENT = "restatement:gemensamma_kartlaggningar_antal:2018"


@pytest.fixture(scope="module")
def asker(corpus_db):
    conn = open_readonly(corpus_db)
    index, _ = load_search_index(conn)
    return Asker(conn, index)


# -- words ----------------------------------------------------------------------------------

@pytest.mark.parametrize("a, b", [
    ("omställningsmöte", "omställningsmötena"), ("kartläggning", "kartläggningarna"), ("gemensam", "gemensamma"),
    ("arbetsförmåga", "arbetsförmågan"), ("rehabiliteringsinsats", "rehabiliteringsinsatser"), ("kvinnor", "kvinnorna"),
    ("möte", "möten"),
])
def test_inflections_share_a_key(a, b):
    lexicon = QueryLexicon()
    assert lexicon.key(a) == lexicon.key(b)


@pytest.mark.parametrize("word, parts", [
    ("omställningsmöten", ("omställning", "möt")),
    ("rehabiliteringsinsatser", ("rehabilitering", "insat")),
    ("kartläggningar", ()),  # "kartläggn|ingar" is no compound
])
def test_compound_parts(word, parts):
    lexicon = QueryLexicon(["omställning", "möten", "rehabilitering", "insatser", "kartlägga", "ingen"])
    assert lexicon.units(word).parts == parts


@pytest.mark.parametrize("fact_period, wanted, inside", [
    ("2018", "2018", True), ("2018", "2019", False), ("2018", "2016-2019", True), ("2020", "2016-2019", False),
    ("2018-2019", "2016-2019", True), ("2021", "2018-", True), ("2017", "2018-", False), ("2018", None, True),
])
def test_period_in(fact_period, wanted, inside):
    assert period_in(fact_period, wanted) is inside


@pytest.mark.parametrize("value, text", [(8638, "8 638"), (7.9, "7,9"), (1234567, "1 234 567"), (None, "–")])
def test_format_number(value, text):
    assert format_number(value) == text


# -- interpretation ----------------------------------------------------------------------------

INTERPRETATIONS = [
    # question, measure, period, breakdown, series
    ("andel omställningsmöte 2019", "omstallningsmoten_andel", "2019", {}, False),
    ("gemensamma kartläggningar kvinnor 2018", GK, "2018", {"kon": "kvinnor"}, False),
    ("Hur många omställningsmöten genomfördes 2022?", OM, "2022", {}, False),
    ("gemensamma kartläggningarna 2019", GK, "2019", {}, False),
    ("GK 2018", GK, "2018", {}, False),
    ("möten för omställning 2019", OM, "2019", {}, False),
    ("omställningsmötena 2019", OM, "2019", {}, False),
    ("omställningsmöten sjukpenning 2019", OM, "2019", {"forman": "sjukpenning"}, False),
    ("aktivitetsersättning omställningsmöten 2019", OM, "2019", {"forman": "aktivitetsersättning"}, False),
    ("Hur många omställningsmöten hölls med kvinnor 2021?", OM, "2021", {"kon": "kvinnor"}, False),
    ("andel kvinnor gemensamma kartläggningar 2019", "gemensamma_kartlaggningar_kon_andel", "2019", {"kon": "kvinnor"}, False),
    ("Hur stor andel av männen påbörjade rehabiliteringsinsats 2019?", "paborjar_rehabiliteringsinsats_andel", "2019",
     {"kon": "män"}, False),
    ("Hur stor andel fick arbetsförmåga 2019?", "arbetsformaga_andel", "2019", {}, False),
    ("Hur lång tid i sjukförsäkringen innan gemensam kartläggning 2019?", "tid_fore_kartlaggning_dagar", "2019", {}, False),
    ("Hur många samordningsförbund fanns 2010?", "samordningsforbund_antal", "2010", {}, False),
    ("mål för gemensamma kartläggningar 2019", "gemensamma_kartlaggningar_mal_antal", "2019", {}, False),
    ("utveckling av omställningsmöten", OM, None, {}, True),
    ("Hur har antalet gemensamma kartläggningar utvecklats?", GK, None, {}, True),
    ("omställningsmöten 2013–2022", OM, "2013-2022", {}, True),
    ("omställningsmöten mellan 2018 och 2020", OM, "2018-2020", {}, True),
    ("omställningsmöten sedan 2018", OM, "2018-", {}, True),
    # a breakdown the measure is never split by is dropped, and said so in `ignored`
    ("omställningsmöten Försäkringskassan 2019", OM, "2019", {}, False),
]


@pytest.mark.parametrize("query, measure, period, breakdown, series", INTERPRETATIONS, ids=[q[0] for q in INTERPRETATIONS])
def test_interpretation(asker, query, measure, period, breakdown, series):
    i = asker.interpret(query)
    assert (i.measure, i.period, dict(i.breakdown), i.series) == (measure, period, breakdown, series)


def test_dropped_breakdown_is_reported(asker):
    assert asker.interpret("omställningsmöten Försäkringskassan 2019").ignored == (
        "myndighet=Försäkringskassan (måttet redovisas inte per myndighet)",)


@pytest.mark.parametrize("query, asks_for", [
    ("andel omställningsmöte 2019", "procent"), ("hur många procent fick arbetsförmåga", "procent"),
    ("antal omställningsmöten", "antal"), ("Hur många omställningsmöten", "antal"), ("omställningsmöten", None),
    ("hur mycket pengar till samverkan", "kronor"), ("hur många dagar innan kartläggning", "dagar"),
])
def test_unit_cue(query, asks_for):
    assert Interpreter.read_unit_cue(query.lower()) == asks_for


@pytest.mark.parametrize("query", [
    "Hur många bilar sålde Volvo 2019?",
    "omställningsmöten i Norge 2019",  # the measure matches, but half the question is about something else
    "väder i Stockholm 2019",
    "Hur många anställda har Försäkringskassan?",  # only a breakdown word matches
    "",
])
def test_no_measure(asker, query):
    assert asker.interpret(query).measure is None


# -- answers -----------------------------------------------------------------------------------

def test_two_reports_disagree(asker):
    """The headline case: 2018 is 8 638 in the 2019 report and 8 936 in the 2022 report; both come back."""
    answer = asker.ask("gemensamma kartläggningar 2018")
    assert answer.not_reported is False
    got = [(a["value"], a["doc"], a["line"], a["kind"], a["conflict"], a["findings"]) for a in answer.answers]
    assert got == [(8638, "af-fk-2019", 65, "summary", True, [RESTATEMENT]),
                   (8936, "af-fk-2022", 474, "table", True, [RESTATEMENT])]
    assert "(8 638 kartläggningar 2018)" in answer.answers[0]["quote"]
    assert answer.answers[0]["published"] == "2020-05-08" and answer.answers[1]["published"] == "2023-04-14"
    assert [c["id"] for c in answer.conflicts] == [RESTATEMENT]
    assert {f["fact"] for f in answer.conflicts[0]["facts"]} == {a["fact_id"] for a in answer.answers}
    assert answer.message == ("Antal gemensamma kartläggningar, 2018: 8 638 (af-fk-2019, 2020-05-08), "
                              "8 936 (af-fk-2022, 2023-04-14) – rapporterna anger olika värden.")


def test_breakdown_answer(asker):
    answer = asker.ask("gemensamma kartläggningar kvinnor 2018")
    assert [(a["value"], a["doc"], a["breakdown"], a["conflict"]) for a in answer.answers] == [
        (5467, "af-fk-2022", {"kon": "kvinnor"}, False)]


def test_every_mention_is_kept(asker):
    """A report that prints 2019's figure twice (summary and table) gives two rows, table first."""
    answer = asker.ask("gemensamma kartläggningar 2019")
    assert [(a["value"], a["doc"], a["kind"]) for a in answer.answers] == [
        (8662, "af-fk-2019", "table"), (8662, "af-fk-2019", "summary"), (8770, "af-fk-2022", "table")]
    assert all(a["conflict"] for a in answer.answers)  # 8 662 and 8 770 for one year: marked, if no finding yet
    assert answer.conflicts == ()


def test_share_answer_keeps_qualifier(asker):
    answer = asker.ask("andel omställningsmöte 2019")
    assert [(a["value"], a["unit"], a["qualifier"], a["doc"]) for a in answer.answers] == [
        (15, "procent", "approximate", "af-fk-2019"), (7.9, "procent", "exact", "af-fk-2022")]


def test_series_answer(asker):
    """A series question gets every period and every vintage."""
    answer = asker.ask("utveckling av omställningsmöten")
    assert answer.interpretation.series is True
    assert [(a["period"], a["value"], a["doc"]) for a in answer.answers] == [
        ("2018", 3109, "af-fk-2019"), ("2019", 4647, "af-fk-2019"), ("2019", 3266, "af-fk-2022"), ("2022", 1199, "af-fk-2022")]
    assert answer.message == (
        "Antal omställningsmöten, 2018: 3 109 (af-fk-2019, 2020-05-08); 2019: 4 647 (af-fk-2019, 2020-05-08), "
        "3 266 (af-fk-2022, 2023-04-14) – rapporterna anger olika värden; 2022: 1 199 (af-fk-2022, 2023-04-14).")


def test_span_answer(asker):
    answer = asker.ask("omställningsmöten 2019-2022")
    assert [(a["period"], a["value"]) for a in answer.answers] == [("2019", 4647), ("2019", 3266), ("2022", 1199)]


@pytest.mark.parametrize("query, message", [
    ("antal gemensamma kartläggningar 2015",
     "Rapporterna redovisar inte antal gemensamma kartläggningar för 2015. Rapporterna har siffror för 2018, 2019."),
    ("omställningsmöten män 2019",
     "Rapporterna redovisar inte antal omställningsmöten för 2019 för män. Rapporterna har siffror för 2018, 2019, 2022."),
])
def test_not_reported_for_the_period(asker, query, message):
    answer = asker.ask(query)
    assert answer.not_reported is True and answer.answers == ()
    assert answer.message == message


def test_not_reported_when_no_measure(asker):
    answer = asker.ask("Hur många bilar sålde Volvo 2019?")
    assert answer.not_reported is True and answer.answers == () and answer.interpretation.measure is None
    assert answer.message.startswith("Rapporterna redovisar ingen siffra som svarar på frågan")


def test_passages_support_the_answer(asker):
    answer = asker.ask("gemensamma kartläggningar 2018", k=3)
    assert len(answer.passages) == 3
    assert any("8 638" in p.text and p.doc == "af-fk-2019" for p in answer.passages)


def test_answer_json_keys(asker):
    from api.output import to_plain

    body = to_plain(asker.ask("GK 2018"))
    assert {"query", "interpretation", "answers", "conflicts", "passages", "not_reported"} <= set(body)
    assert {"measure", "period", "breakdown"} <= set(body["interpretation"])
    assert {"value", "unit", "period", "measure", "breakdown", "doc", "source_file", "page", "quote", "qualifier",
            "line", "kind", "fact_id", "published"} <= set(body["answers"][0])


# -- the CLI -----------------------------------------------------------------------------------

def test_cli_ask_json_is_the_http_answer(corpus_db, corpus_client):
    result = CliRunner().invoke(cli, ["ask", "gemensamma kartläggningar 2018", "--db", str(corpus_db), "--format", "json",
                                      "--passages", "2", "--lexical-only"])
    assert result.exit_code == 0, result.output
    cli_body = json.loads(result.output)
    http_body = corpus_client.get("/ask", params={"q": "gemensamma kartläggningar 2018", "k": 2}).json()
    assert {"ok": True, **cli_body} == http_body
    assert "kartläggningar" in result.output  # non-ASCII kept as is


def test_cli_ask_table(corpus_db):
    result = CliRunner().invoke(cli, ["ask", "gemensamma kartläggningar 2018", "--db", str(corpus_db), "--passages", "0"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "Fråga:   gemensamma kartläggningar 2018"
    assert lines[1] == "Tolkning: gemensamma_kartlaggningar_antal (Antal gemensamma kartläggningar), period 2018, totalt"
    assert any(line.startswith("2018    totalt     8638") and " JA " in line for line in lines)
    assert any(line.startswith("2018    totalt     8936") for line in lines)
    assert any(line.startswith("Avvikelse [error] restatement:") for line in lines)


def test_cli_ask_not_reported(corpus_db):
    result = CliRunner().invoke(cli, ["ask", "väder i Stockholm 2019", "--db", str(corpus_db), "--passages", "0"])
    assert result.exit_code == 0
    assert "INTE REDOVISAT: Rapporterna redovisar ingen siffra" in result.output


def test_cli_ask_missing_kb(tmp_path):
    result = CliRunner().invoke(cli, ["ask", "x", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 1 and "run `rapportkoll build` first" in result.output


@pytest.mark.parametrize("command", ["ask", "serve"])
@pytest.mark.parametrize("flag", ["-h", "--help"])
def test_help(command, flag):
    result = CliRunner().invoke(cli, [command, flag])
    assert result.exit_code == 0 and "Example:" in result.output


def test_serve_help_says_why_localhost():
    text = " ".join(CliRunner().invoke(cli, ["serve", "--help"]).output.split())
    assert "127.0.0.1 means only this computer can connect" in text


@pytest.mark.parametrize("path, code", [("/health", 0), ("/series/nope", 1)])
def test_serve_get(corpus_db, path, code):
    result = CliRunner().invoke(cli, ["serve", "--db", str(corpus_db), "--lexical-only", "--get", path])
    assert result.exit_code == code
    assert json.loads(result.output)["ok"] is (code == 0)


# -- the whole corpus through the real build ---------------------------------------------------

@pytest.mark.slow
def test_built_kb_gemensamma_kartlaggningar_2018(built_db):
    """On the KB built from the corpus: both reports' 2018 figures, the conflict linked to a finding."""
    conn = open_readonly(built_db)
    index, _ = load_search_index(conn)
    answer = Asker(conn, index).ask("gemensamma kartläggningar 2018")
    by_doc = {(a["doc"], a["value"]) for a in answer.answers if a["breakdown"] == {}}
    assert {("af-fk-2019", 8638), ("af-fk-2022", 8936)} <= by_doc
    for a in answer.answers:
        if a["value"] in (8638, 8936):
            assert a["conflict"] is True
    linked = {fid for a in answer.answers for fid in a["findings"]}
    assert linked and linked <= {c["id"] for c in answer.conflicts}
    involved = {f["fact"] for c in answer.conflicts for f in c["facts"]}
    assert {a["fact_id"] for a in answer.answers if a["value"] in (8638, 8936)} & involved


@pytest.mark.slow
def test_built_kb_not_reported(built_db):
    conn = open_readonly(built_db)
    answer = Asker(conn).ask("Hur många bilar sålde Volvo 2019?")
    assert answer.not_reported is True and answer.answers == ()


@pytest.mark.slow
def test_built_kb_answers_broadest_and_cross_report_figures_first(built_db):
    conn = open_readonly(built_db)
    answer = Asker(conn, load_search_index(conn)[0]).ask("andel omställningsmöte 2019")
    first_two = [(a["doc"], a["value"]) for a in answer.answers[:2]]
    assert first_two == [("af-fk-2019", 15), ("af-fk-2022", 7.9)]
    assert all(a["conflict"] for a in answer.answers[:2])


# -- issue 13: a word that narrows narrows; a definition question gets a definition ----------

@pytest.fixture(scope="module")
def built_asker(built_db):
    """An Asker on the knowledge base the whole pipeline builds from corpus/."""
    conn = open_readonly(built_db)
    index, _ = load_search_index(conn)
    return Asker(conn, index)


def test_a_word_naming_a_breakdown_value_narrows_the_answer(built_asker):
    """"förvaltningsmedlen" names the post "förvaltning" the facts carry (a compound part is enough):
    the answer is the förvaltning figure, not the total of every post."""
    answer = built_asker.ask("Hur mycket förbrukade Arbetsförmedlingen av förvaltningsmedlen 2019?")
    assert dict(answer.interpretation.breakdown) == {"myndighet": "Arbetsförmedlingen", "post": "förvaltning"}
    assert not any("förvaltningsmedlen" in w for w in answer.interpretation.ignored)
    assert {a["value"] for a in answer.answers} == {345_400_000, 345_000_000}
    # "cirka 345 miljoner" and 345 400 tkr can be one value: no conflict is claimed between them
    assert not any(a["conflict"] for a in answer.answers) and "olika värden" not in answer.message


def test_a_compound_of_a_breakdown_value_leaves_the_verb_to_choose_the_measure(built_asker):
    """"förvaltningsmedel" is medel for the post förvaltning, for every measure of medel alike: "tilldelades"
    picks the allocated, not the spent (whose own words happened to hold "förvaltning")."""
    answer = built_asker.ask("Hur mycket förvaltningsmedel tilldelades Arbetsförmedlingen 2019?")
    assert answer.interpretation.measure == "tilldelade_medel_kronor"
    assert dict(answer.interpretation.breakdown) == {"myndighet": "Arbetsförmedlingen", "post": "förvaltning"}
    assert {a["value"] for a in answer.answers} == {375_600_000}
    spent = built_asker.ask("Hur mycket förvaltningsmedel förbrukade Arbetsförmedlingen 2019?")
    assert spent.interpretation.measure == "forbrukade_medel_kronor"


def test_two_words_side_by_side_in_a_label_name_the_measure(built_asker):
    """"andel kvinnor" is how the label "Andel kvinnor bland deltagare i omställningsmöten" begins: that measure,
    not the share of refused who had a meeting (whose synonym "andel omställningsmöten" holds the other words)."""
    answer = built_asker.ask("andel kvinnor omställningsmöten sjukersättning")
    assert answer.interpretation.measure == "omstallningsmoten_kvinnor_andel"
    assert {(a["doc"], a["value"]) for a in answer.answers} == {("af-fk-2022", 55)}


def test_a_definition_question_gets_the_definition_and_the_reports_own_words(built_asker):
    answer = built_asker.ask("Vad är en gemensam kartläggning?")
    assert answer.interpretation.asks_definition and answer.answers == () and not answer.not_reported
    d = answer.definition
    assert d["measure"] == GK and d["definition"] and d["definition"] in answer.message
    passage = d["report_passage"]
    assert passage is not None and "gemensam kartläggning" in passage["text"].lower()
    assert answer.passages[0].text == passage["text"]


@pytest.mark.parametrize("query, definition", [
    ("Vad menas med omställningsmöte?", True),
    ("Vad är en gemensam kartläggning?", True),
    ("Vad är andelen kvinnor i gemensamma kartläggningar 2019?", False),  # a year: a figure is asked for
    ("Vad är antalet omställningsmöten?", False),  # a unit cue: a figure is asked for
    ("gemensamma kartläggningar 2019", False),
])
def test_what_makes_a_definition_question(asker, query, definition):
    assert asker.interpret(query).asks_definition is definition


def test_a_word_naming_a_breakdown_value_speaks_for_the_measure(built_asker):
    """"samverkan" is a value of bortfall_antal's breakdown in the facts ("i samverkan"): it tips a
    near tie with a measure of "deltagare" towards the measure whose facts it names."""
    i = built_asker.interpret("bortfall bland deltagare i samverkan")
    assert (i.measure, dict(i.breakdown)) == ("bortfall_antal", {"samverkan": "i samverkan"})
    # a compound part is not enough: "sjukpenningtalet" is not förmån sjukpenning
    assert built_asker.interpret("sjukpenningtalet 2019").measure is None


def test_a_question_no_measure_covers_is_answered_from_the_sentence_that_holds_its_words(built_asker):
    answer = built_asker.ask("Vilken fördelning av insatser för yrkesobestämda fanns när Arbetsmarknadsinstitut bildades?")
    assert answer.interpretation.measure is None and answer.matched_by == "text" and not answer.not_reported
    assert {(a["printed"], a["line"]) for a in answer.answers} == {("60 procent", 218), ("40 procent", 218)}
    assert "Ingen mätning i katalogen" in answer.message
    # words no sentence holds stay unanswered
    for query in ("Hur många bilar sålde Volvo 2019?", "väder i Stockholm 2019"):
        unanswered = built_asker.ask(query)
        assert unanswered.not_reported and unanswered.answers == () and unanswered.matched_by == "measure"


def test_figure_search_needs_nearly_every_content_word():
    from api.answer.figure_search import MIN_COVERAGE, FigureSearch
    from api.answer.query_words import QueryLexicon

    rows = [{"doc": "r", "quote": "Bortfallet är omkring 50 personer per år för dem som deltar i samverkan.", "period": "2008",
             "unit": "antal", "line": 3, "value": 50, "printed": "50"},
            {"doc": "r", "quote": "Under 2008 genomfördes 900 möten.", "period": "2008", "unit": "antal", "line": 5,
             "value": 900, "printed": "900"}]
    search = FigureSearch(rows, QueryLexicon())
    found = search.match("bortfallet bland dem som deltar i samverkan", "2008")
    assert found is not None and [f["printed"] for f in found.facts] == ["50"] and found.coverage >= MIN_COVERAGE
    assert search.match("bortfallet bland dem som deltar i samverkan", "2009") is None  # another year
    assert search.match("bortfallet bland kvinnor på arbetsplatsen i Norrland") is None  # too few of its words
    assert search.match("bortfallet", "2008") is None  # one word says too little


@pytest.mark.parametrize("query, aktor", [
    ("deltagare hos aktörer i den sociala ekonomin", "social ekonomi"),  # three words name it, one names the other
    ("deltagare hos alternativa aktörer", "alternativ aktör"),
])
def test_the_breakdown_value_named_by_most_words_wins(built_asker, query, aktor):
    i = built_asker.interpret(query)
    assert (i.measure, dict(i.breakdown).get("aktor")) == ("alternativa_insatser_deltagare_antal", aktor)


# -- issue 13, third held-out set: what the question's unit and own words say -----------------

def test_a_count_question_is_not_answered_with_a_share(built_asker):
    """"Hur många ..." asks for a count: when the count measure has no figure, its share sibling
    does not stand in for it (the reports' 52 % is no number of plans)."""
    answer = built_asker.ask("Hur många planer för återgång i arbete hämtade Försäkringskassan in under 2020?")
    assert answer.interpretation.asks_for == "antal"
    assert all(a["unit"] == "antal" for a in answer.answers)
    assert answer.not_reported


def test_the_questions_unit_picks_between_two_measures_its_words_fit(built_asker):
    """The best word match is a measure in days (the time before a kartläggning); the question
    asks "hur många" and a count measure fits its words nearly as well: the count is meant,
    where the question used to go unanswered."""
    interp = built_asker.interpret("Hur många sjukfall hade deltagarna i genomsnitt före det studerade sjukfallet?")
    assert interp.asks_for == "antal"
    assert (interp.measure, interp.unit) == ("tidigare_sjukfall_medel_antal", "antal")


def test_a_compounds_first_part_names_a_breakdown_value(built_asker):
    """"handlingsplanen" names the post "handlingsplanssamverkan" by the part that tells the posts
    apart; the head "samverkan", shared by many values, names none of them."""
    i = built_asker.interpret("samverkansmedel handlingsplanen 2009")
    assert dict(i.breakdown).get("post") == "handlingsplanssamverkan"
    assert "post" not in dict(built_asker.interpret("samverkansmedel samverkan 2009").breakdown)


def test_a_breakdown_word_in_the_measures_own_name_is_no_filter(asker):
    """"kvinnor" is a word of "Andel kvinnor bland deltagare i omställningsmöten": for that measure
    it is no kön filter the measure lacks, so it is neither penalised nor reported as dropped."""
    from api.answer.interpret import Interpreter

    interp = asker.interpret("andel kvinnor bland deltagare i omställningsmöten 2022")
    assert interp.measure == "omstallningsmoten_kvinnor_andel"
    assert not any("kon=" in w for w in interp.ignored)
    assert "kon" not in dict(interp.breakdown)


def test_a_number_word_in_a_question_is_no_unknown_content():
    """"under tre år före": a number word says how much, not which measure, so it neither counts against a
    measure's cover of the question nor is listed as a word the reports do not know."""
    from api.answer.interpret import Interpreter
    from nlp.records import Measure

    measure = Measure(key="tidigare_samrad_medel_antal", label="Tidigare samråd i genomsnitt", unit="antal",
                      definition="Genomsnittligt antal samråd före insatsen.", lemmas=("samråd", "genomsnitt", "tidigare"))
    reader = Interpreter([measure])
    with_number = reader.interpret("hur många samråd i genomsnitt under tre år före insatsen")
    without = reader.interpret("hur många samråd i genomsnitt före insatsen")
    assert with_number.score == without.score
    assert not any(w.startswith("tre ") for w in with_number.ignored)


# -- issue 13: a number the reports print in running text but keep no fact of ---------------------

@pytest.mark.parametrize("query, expected", [
    # "hur många N": the number printed before the noun ("tre kommuner som arbetsgivare")
    ("Hur många kommuner var med som arbetsgivare i 4ESS?", {("fk-ru-2021", 3, "tre", 244)}),
    # a unit: a number with the unit's word; a footnote is read too ("senast 25 dagar efter sista dag ...")
    ("Hur många dagar efter sista dag med sjukpenning kan man skriva in sig på Arbetsförmedlingen och behålla sin SGI?",
     {("af-fk-2022", 25, "25 dagar", 304)}),
    # "sedan vilket år": the year after "sedan", from every report that says it
    ("Sedan vilket år samarbetar Arbetsförmedlingen och Försäkringskassan enligt regleringsbrevsuppdrag?",
     {("af-fk-2019", 2012, "2012", 83), ("af-fk-2022", 2012, "2012", 89)}),
    # a keyword question that stops where the number stands
    ("överenskommelsen med Arbetsmiljöverket gäller till och med", {("fk-ru-2021", 2024, "2024", 224)}),
])
def test_a_number_no_fact_holds_is_read_where_the_question_points(built_asker, query, expected):
    """Extraction keeps no fact of a rule's days, a validity year or "tre kommuner" (no unit): the
    question is answered from the paragraph that holds its words, with the number its wording points at."""
    answer = built_asker.ask(query)
    assert answer.interpretation.measure is None and answer.matched_by == "text" and not answer.not_reported
    assert {(a["doc"], a["value"], a["printed"], a["line"]) for a in answer.answers} == expected
    for a in answer.answers:
        assert a["fact_id"] == "" and a["measure"] == "unclassified" and a["printed"] in a["quote"].lower()
    assert "ingen statistik" in answer.message


def test_text_figures_answer_only_where_the_question_points():
    from api.answer.query_words import QueryLexicon
    from api.answer.text_figures import TextFigures

    text = ("Projektet Brobygget omfattar tre olika delar. Brobygget pågick i 24 månader från 2017 med stöd av "
            "Europeiska socialfonden. Fyra kommuner deltog som arbetsgivare i Brobygget.")
    other = "Budgeten för arbetsmarknadsutbildning omfattade 2017 fem poster och 40 miljoner kronor."
    passages = [{"id": "r:b1", "doc": "r", "kind": "paragraph", "section": ["3 Projekt"], "text": text, "page": None,
                 "page_label": None, "line": 7, "source_file": "r.txt", "published": None},
                {"id": "r:b2", "doc": "r", "kind": "paragraph", "section": ["4 Budget"], "text": other, "page": None,
                 "page_label": None, "line": 9, "source_file": "r.txt", "published": None}]
    figures = TextFigures(passages, QueryLexicon(words for p in passages for words in p["text"].lower().split()))

    def printed(question, asks_for):
        return [n.printed for f in figures.match(question, asks_for) for n in f.numbers]

    assert printed("Hur många delar omfattar projektet Brobygget?", "antal") == ["tre"]
    assert printed("Hur många månader pågick projektet Brobygget?", "antal") == ["24 månader"]
    assert printed("Från vilket år pågick projektet Brobygget?", "år") == ["2017"]
    assert printed("Hur många kommuner deltog i Brobygget?", "antal") == ["fyra"]  # a sentence may open with it
    # nothing the wording points at: no amount in kronor, no count of deltagare, a year after another word
    assert printed("Hur många kronor kostade projektet Brobygget?", "kronor") == []
    assert printed("Hur många deltagare hade projektet Brobygget?", "antal") == []
    assert printed("Till vilket år pågick projektet Brobygget?", "år") == []
    # a paragraph that does not hold the question's words answers nothing, whatever it prints
    assert printed("Hur många delar omfattar arbetsmarknadsutbildning för nyanlända?", "antal") == []


def test_a_measure_no_word_of_the_question_names_is_not_claimed(built_asker):
    """"omfattar" is a word of the phrase "jämförelsegruppen omfattar" that urval_antal's figures are printed
    in, not a name of it: a question that shares only such a word with a measure gets no measure, and is
    answered from the text that holds its words."""
    from api.answer.interpret import Interpreter
    from nlp.records import Measure

    measure = Measure(key="urval_antal", label="Antal personer i analysgrupperna", unit="antal", definition="",
                      lemmas=("urvalsgrupp",), phrases=("jämförelsegruppen omfattar",))
    reader = Interpreter([measure], vocabulary=("delar", "samarbetet", "omfattar", "personer", "analysgrupperna"))
    refused = reader.interpret("hur många delar omfattar samarbetet")
    assert refused.measure is None and any("omfattar" in w for w in refused.ignored)
    assert reader.interpret("hur många personer omfattar analysgrupperna").measure == "urval_antal"

    answer = built_asker.ask("Hur många delar omfattar samarbetet?")
    assert answer.interpretation.measure is None and answer.matched_by == "text"
    assert {(a["doc"], a["printed"]) for a in answer.answers} >= {("af-fk-2020", "två"), ("af-fk-2022", "två")}


@pytest.mark.parametrize("query, asks_for", [
    ("När bildades Arbetsmarknadsinstitut?", "år"),
    ("sedan när har myndigheterna ett gemensamt uppdrag", "år"),
    ("Vilken fördelning av insatser fanns när Arbetsmarknadsinstitut bildades?", None),  # "när" joins a clause
])
def test_när_asks_for_a_year_only_as_the_questions_own_word(query, asks_for):
    from api.answer.interpret import Interpreter

    assert Interpreter.read_unit_cue(" ".join(query.lower().strip("?").split())) == asks_for


def test_bland_names_the_population_a_share_is_of(built_asker):
    """"bland alla sjukpenningärenden": the share of all sick-pay cases (its denominator), not the share at
    gemensam kartläggning, whose synonym "psykisk ohälsa kartläggning" holds more of the other words."""
    answer = built_asker.ask("hur stor andel har psykisk ohälsa bland alla sjukpenningärenden")
    assert answer.interpretation.measure == "sjukpenning_psykiatrisk_diagnos_andel"
    assert {(a["doc"], a["value"], a["printed"]) for a in answer.answers} == {("fk-ru-2021", 50, "hälften")}
    # without the population the synonym's words still name the kartläggning share
    assert built_asker.interpret("andel psykisk ohälsa vid gemensam kartläggning").measure == \
        "kartlaggning_psykiatrisk_diagnos_andel"
    # a group the facts break down by is no population: "bland kvinnor" leaves the measure to the other words
    assert built_asker.interpreter.read_population(["andel", "bland", "kvinnor"]) == ()
    assert [w.word for w in built_asker.interpreter.read_population(["bland", "alla", "sjukpenningärenden"])] == \
        ["sjukpenningärenden"]


def test_a_text_number_needs_the_questions_subject_in_its_paragraph_or_report(built_asker):
    """"Uppdraget gäller individer med två olika förmåner": the paragraph leaves "det förstärkta samarbetet" to
    its report, which keeps naming it, so it answers a question about it; "handlingsplanen", which the reports
    with "omfattar två delar" name at most in passing, is another matter, and "När startade projektet Resa?"
    is not answered by a year of the paragraph whose own sentence is about something else."""
    answer = built_asker.ask("Hur många olika förmåner inom sjukförsäkringen gäller det förstärkta samarbetet?")
    assert {(a["doc"], a["printed"]) for a in answer.answers} == {("af-fk-2019", "två"), ("af-fk-2020", "två")}
    for query in ("Hur många delar omfattar handlingsplanen?", "När startade projektet Resa?"):
        assert built_asker.ask(query).not_reported, query
