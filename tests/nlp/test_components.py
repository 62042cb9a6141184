"""nlp/components and nlp/pipeline: numbers merged, figures found, periods given."""
from __future__ import annotations

import pytest

from nlp.pipeline import NlpSettings, make_nlp


@pytest.fixture(scope="module")
def bare():
    """The pipeline without the lemmatizer: the number components need no lookup tables."""
    return make_nlp({"lemmatizer": False})


def numerals(doc):
    return [(t.text, t._.numeral.value if not t._.numeral.is_range else (t._.numeral.low, t._.numeral.high))
            for t in doc if t._.numeral is not None]


def quantities(doc):
    return [(sp.text, sp._.quantity.value, sp._.quantity.unit, sp._.quantity.qualifier) for sp in doc.spans["quantities"]]


def non_facts(doc):
    return [(sp.text, sp.label_) for sp in doc.spans["non_facts"]]


@pytest.mark.parametrize("text,expected", [
    ("genomfört 8 662 gemensamma", [("8 662", 8662)]),
    ("genomfört 8\u00a0662 gemensamma", [("8\u00a0662", 8662)]),
    ("tilldelade 375,6 miljoner", [("375,6", 375.6)]),
    ("differens −5 000 och -5 000", [("−5 000", -5000), ("-5 000", -5000)]),
    ("Tabell 1, 2013–2022", [("1", 1), ("2013–2022", (2013, 2022))]),
    ("som är 19–29 år", [("19–29", (19, 29))]),
    ("inkomst 100 000–200 000 kr", [("100 000–200 000", (100000, 200000))]),
])
def test_merge_numbers(bare, text, expected):
    assert numerals(bare(text)) == expected


@pytest.mark.parametrize("text", [
    "Lagen (2003:1210)", "Dnr Af-2020/00074723", "FK 001386-2020", "avsnitt 2.1", "projektet 4ESS", "ett 60-tal",
    "2000-talet", "Datum: 2020-05-08", "Q1",
])
def test_identifiers_are_no_numbers(bare, text):
    assert numerals(bare(text)) == []


def test_never_merges_across_a_year(bare):
    # a year followed by a three-digit number: two numbers, not "2018 269"
    assert numerals(bare("december 2018 269 möten")) == [("2018", 2018), ("269", 269)]


@pytest.mark.parametrize("text,expected", [
    ("andelen kvinnor 62 procent", [("62 procent", 62.0, "procent", "exact")]),
    ("cirka 345 miljoner av de tilldelade 375,6 miljoner kronor",
     [("345 miljoner", 345e6, "kronor", "approximate"), ("375,6 miljoner kronor", 375.6e6, "kronor", "exact")]),
    ("en budget om 709 mkr", [("709 mkr", 709e6, "kronor", "exact")]),
    ("belopp om 1 250 tkr", [("1 250 tkr", 1.25e6, "kronor", "exact")]),
    ("minskat med fyra procentenheter", [("fyra procentenheter", 4.0, "procentenheter", "exact")]),
    ("högre för män än för kvinnor, 56 respektive 53 procent", [("56", 56.0, "procent", "exact"), ("53 procent", 53.0, "procent", "exact")]),
    ("över 20 000 kartläggningar", [("20 000", 20000.0, "antal", "over")]),
    ("60 procent eller fler ska ha", [("60 procent", 60.0, "procent", "over")]),
    ("varierat mellan 50 och 60 procent", [("50", 50.0, "procent", "over"), ("60 procent", 60.0, "procent", "under")]),
    ("en majoritet, sju av tio, går tillbaka", [("sju av tio", 70.0, "procent", "exact")]),
    ("Mer än hälften av dem", [("hälften", 50.0, "procent", "over")]),
    ("i 903 dagar", [("903 dagar", 903.0, "dagar", "exact")]),
    ("medelålder 47 år", [("47 år", 47.0, "ar", "exact")]),
    # an upper bound on a duration is the figure a rule sets; a window or a condition is not
    ("får ett stöd i högst sex månader", [("sex månader", 6.0, "månader", "under")]),
    ("i upp till sex månader i stället för", [("sex månader", 6.0, "månader", "under")]),
    ("arbete inom sex månader", []),
    ("om den varade minst två veckor", []),
    # "en" before a unit of measurement is the number one, not an article
    ("sjönk till 38 procent, en procentenhet lägre", [("38 procent", 38.0, "procent", "exact"),
                                                      ("en procentenhet", 1.0, "procentenheter", "exact")]),
    # "i dag" is today: its "dag" labels no number, as "dag 180" does
    ("har i dag 320 lokalkontor", [("320", 320.0, "antal", "exact")]),
    # a correction shares the unit printed after it; a qualifier between them joins nothing
    ("skulle kosta inte 1,1 utan närmare 1,6 miljarder kronor",
     [("1,1", 1.1e9, "kronor", "exact"), ("1,6 miljarder kronor", 1.6e9, "kronor", "approximate")]),
    # a count and its change after a comma are no list of shares
    ("Antalet möten var 2 310, 20 procent fler än 2025",
     [("2 310", 2310.0, "antal", "exact"), ("20 procent", 20.0, "procent", "exact")]),
    ("andelen var 56, 53 och 50 procent", [("56", 56.0, "procent", "exact"), ("53", 53.0, "procent", "exact"),
                                           ("50 procent", 50.0, "procent", "exact")]),
    # "gånger" counts occasions unless it compares
    ("Närmare 19 000 gånger förra året fick någon ett brev", [("19 000 gånger", 19000.0, "antal", "approximate")]),
    ("Risken var 1,34 gånger så hög", [("1,34 gånger", 1.34, "gånger", "exact")]),
])
def test_quantities(nlp, text, expected):
    assert quantities(nlp(text)) == expected


def test_range_keeps_both_ends(nlp):
    doc = nlp("varierar mellan 60–64 procent")
    q = doc.spans["quantities"][0]._.quantity
    assert (q.value, q.high, q.unit) == (60.0, 64.0, "procent")


@pytest.mark.parametrize("text,reason", [
    ("Under 2019 har", "year"),
    ("se tabell 6 i bilagan", "label"),
    ("efter dag 180 i sjukfall", "label"),
    ("mellan dag 91 och 180", "label"),
    ("senast den 8 maj 2020", "date_or_reference"),
    ("30 kap. socialförsäkringsbalken", "date_or_reference"),
    ("Dnr Af 2017/0001 2965", "reference"),
    ("inskrivna 90 dagar efter avslaget", "time_point"),
    ("summerar inte till 100 procent", "reference_value"),
    ("den som är mellan 19–29 år", "age"),
    ("årsintervallet 2013–2022", "period"),
    ("en inkomst mellan 100 000–200 000 kr", "range"),
    # ages of the people a rule is about, with or without "år"
    ("den som är under 25 år får 275 kronor", "age"),
    ("Alla över 67 år undantas", "age"),
    ("var inskrivna 90 dagar senare", "time_point"),
    # the made-up person of an example: its input is no figure, its result is
    ("En undersköterska som tjänar 31 000 kronor i månaden får 310 kronor mer", "example"),
    # the numbered items of a bill, a budget and a list of age groups
    ("föreslår i motion 2026/27:1187 yrkande 6 att anslaget minskas", "label"),
    ("i yrkandena 1 och 6 att anslagen ökas", "label"),
    ("Se reservation 4 och res. 6.", "label"),
    ("Intäkter redovisas mot inkomsttitel 2965 Avgifter.", "label"),
    ("Anslagssparande på 10 2:1 ap.1 dras in", "reference"),
    ("fördelade på åldersgrupperna 19–29, 30–49 och 50–64 år", "age"),
])
def test_non_facts(nlp, text, reason):
    doc = nlp(text)
    assert reason in [label for _, label in non_facts(doc)]
    assert not any(text_ in ("2019", "6", "180", "2965", "10", "19–29", "30–49") for text_, *_ in quantities(doc))


def test_rules_in_words_are_no_figures(nlp):
    assert quantities(nlp("på lägre omfattning än en fjärdedel av arbetstiden")) == []
    assert quantities(nlp("rehabiliteringspenning kan vara en fjärdedels dag")) == []


@pytest.mark.parametrize("text,expected", [
    ("Under 2019 har myndigheterna genomfört 8 662 gemensamma kartläggningar (8 638 kartläggningar 2018).",
     [("8 662", "2019", "sentence"), ("8 638", "2018", "parenthesis")]),
    ("genomfördes 164 möten (166, 2021)", [("164", None, None), ("166", "2021", "parenthesis")]),
    ("Resultatet var 38 procent för 2007 och 37 procent för 2008.",
     [("38 procent", "2007", "following"), ("37 procent", "2008", "following")]),
    ("Andelen har minskat något, 74 procent 2019 (78 procent 2018).",
     [("74 procent", "2019", "following"), ("78 procent", "2018", "parenthesis")]),
    ("Resultaten under 2019 har minskat med fyra procentenheter jämfört med 2018.", [("fyra procentenheter", "2019", "sentence")]),
    ("Sedan 2012 är ungefär hälften inskrivna.", [("hälften", "2012-", "since")]),
    ("De senaste fem åren har nivån legat på runt 9000 kartläggningar.", [("9000", "last:5", "sentence")]),
    ("2016 lämnade 9 329 individer samarbetet, 51 procent uppnådde arbetsförmåga\n2017 lämnade 7 187 individer",
     [("9 329", "2016", "sentence"), ("51 procent", "2016", "sentence"), ("7 187", "2017", "sentence")]),
    # the words of "från och med år" lead to their year; they are not words between figure and year
    ("kosta 85 miljoner kronor 2027 och 170 miljoner kronor årligen från och med år 2028.",
     [("85 miljoner kronor", "2027", "following"), ("170 miljoner kronor", "2028-", "following")]),
    # a budget bill's year is a period, but "nästa år" counts from the text's now, not from it
    ("föreslår i budgetpropositionen för 2027 att stödet förstärks med 1,4 miljarder kronor nästa år.",
     [("1,4 miljarder kronor", "next:1", "following")]),
    # a month without a year is in the text's own year, unless the sentence names another period
    ("I augusti var knappt 356 000 personer inskrivna.", [("356 000", "cur", "sentence")]),
    ("I december 2019 pågick 4 100 insatser.", [("4 100", "2019", "sentence")]),
    # "från X till Y" over a span of years: the first year and the last
    ("Andelen minskade under perioden 2022–2025 med 2 procentenheter, från 75 till 73 procent.",
     [("2 procentenheter", "2022-2025", "sentence"), ("75", "2022", "from_to"), ("73 procent", "2025", "from_to")]),
    # the figure a change went from is the year the sentence compares with
    ("Antalet har ökat med 43 procent jämfört med 2021, från 3 410 till 4 870 år 2025.",
     [("43 procent", None, None), ("3 410", "2021", "from_to"), ("4 870", "2025", "following")]),
    # ... and with the span after the level it went to: that level is the span's last year
    ("Antalet handläggare ökade från 1 240 till 1 395 mellan 2027 och 2030.",
     [("1 240", "2027", "from_to"), ("1 395", "2030", "from_to")]),
    # the level a change ended at, after a verb of change over a span
    ("Antalet ärenden minskade med en femtedel mellan 2027 och 2030, till 8 400.",
     [("en femtedel", "2027-2030", "following"), ("8 400", "2030", "from_to")]),
    # a parenthesis after a compared year holds that year's figure, with the noun it counts
    ("Sammanlagt 2 145 möten, vilket är 425 fler än 2021 (1 720 möten).",
     [("2 145", None, None), ("425", None, None), ("1 720", "2021", "parenthesis")]),
    # a month before the year of a comparison keeps it a comparison
    ("Jämfört med oktober 2025 minskade antalet med 9.", [("9", None, None)]),
])
def test_periods(nlp, text, expected):
    doc = nlp(text)
    assert [(sp.text, sp._.period, sp._.period_source) for sp in doc.spans["quantities"]] == expected


def test_pipeline_order_is_checked(nlp):
    assert nlp.pipe_names == ["merge_numbers", "sentencizer", "lemmatizer", "quantities", "periods"]
    assert not nlp.analyze_pipes()["problems"] or all(not v for v in nlp.analyze_pipes()["problems"].values())


def test_lemmatizer_is_offline(nlp):
    assert [t.lemma_ for t in nlp("kartläggningar möten")] == ["kartläggning", "möte"]


def test_abbreviation_does_not_end_a_sentence(nlp):
    doc = nlp("Det är ca. 40 procent av dem.")
    assert len(list(doc.sents)) == 1


@pytest.mark.parametrize("config,field", [
    ({"pipeline": ["merge_numbers", "tagger"]}, "pipeline"),
    ({"pipeline": ["merge_numbers", "merge_numbers"]}, "pipeline"),
    ({"lemmatiser": False}, "lemmatiser"),
])
def test_settings_name_the_bad_field(config, field):
    with pytest.raises(ValueError, match=field):
        NlpSettings.resolve(config)


def test_settings_resolve_accepts_none_dict_instance():
    s = NlpSettings.resolve({"lemmatizer": False})
    assert NlpSettings.resolve(s) is s
    assert NlpSettings.resolve(None) == NlpSettings()
