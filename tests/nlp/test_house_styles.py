"""Mechanisms for house styles the corpus does not use (issue 21), each on a small text of its own.

The texts here are written for these tests, not taken from the first-run reports in
tests/data (those are scored as a whole by the benchmark and tests/nlp/test_accuracy_floor.py).
"""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from ingest.records import DocumentMetadata
from ingest.text_reader import read_text
from nlp.extract import extract_facts


def facts_of(nlp, catalogue, text: str, year: int = 2026, name: str = "stil.md"):
    doc = read_text(Path(name), "stil", DocumentMetadata(reporting_year=year), "0", text=text)
    return doc, extract_facts(doc, nlp, catalogue)


def one(facts, printed: str):
    found = [f for f in facts if f.printed == printed]
    assert len(found) == 1, (printed, [(f.printed, f.value) for f in facts])
    return found[0]


# --- tables ---------------------------------------------------------------------------------

MARKDOWN_REPORT = """# Återrapport 2026

## 3 Möten för omställning

| Förmån | 2025 | 2026 | Förändring 2025–2026 |
|---|---:|---:|---:|
| Sjukpenning | 1 057 | 945 | −112 |
| **Totalt** | **1 403** | **1 291** | **−112** |
*Tabell 3.2 Möten för omställning efter förmån, 2025–2026*

Källa: Arbetsförmedlingen

| År | Kvinnor | Andel kvinnor |
|---|---:|---:|
| 2025 | 812 | 0,58 |
| 2026 | 790 | 0,61 |

*Tabell 3.3 Möten med kvinnor*

Under 2026 hölls 1 291 möten[^1].

[^1]: Räknas från och med 2025 per beslut.
"""


def test_markdown_tables_captions_below_and_labels(nlp, catalogue):
    doc, facts = facts_of(nlp, catalogue, MARKDOWN_REPORT)
    assert [(t.label, t.number, t.line_start) for t in doc.tables] == [("3.2", None, 5), ("3.3", None, 13)]
    cell = one(facts, "945")
    assert (cell.line, cell.period, cell.measure, dict(cell.breakdown)) == (
        7, "2026", "omstallningsmoten_antal", {"forman": "sjukpenning"})
    # the first row of a Markdown table is its header, years and all: no fact is read from it
    assert not [f for f in facts if f.kind == "table" and f.line == 5]


def test_a_change_column_is_a_change_of_the_measure(nlp, catalogue):
    _, facts = facts_of(nlp, catalogue, MARKDOWN_REPORT)
    change = [f for f in facts if f.printed == "−112" and f.line == 7][0]
    assert (change.value, change.period, dict(change.breakdown)) == (
        112, "2025-2026", {"forman": "sjukpenning", "forandring": "minskning"})


def test_shares_printed_as_fractions_are_percent(nlp, catalogue):
    _, facts = facts_of(nlp, catalogue, MARKDOWN_REPORT)
    share = [f for f in facts if f.printed == "0,61"][0]
    assert (share.value, share.unit, share.period) == (61.0, "procent", "2026")


def test_markdown_footnote_is_linked(nlp, catalogue):
    doc, _ = facts_of(nlp, catalogue, MARKDOWN_REPORT)
    assert [(f.number, f.text[:9]) for f in doc.footnotes] == [(1, "Räknas fr")]
    assert doc.footnotes[0].marker_refs


APPENDIX = """Bilaga B Tabeller

Tabell B2 Kostnader för insatserna 2025–2026
Miljoner kronor

Post\t2025\t2026
Förvaltning\t117,5\t2002
Insatser\t<5\t12,4

Anm.: Belopp i miljoner kronor. .. = uppgift saknas.

Tabell B3 Personer som berörs (tusental)

Förslag\tKvinnor\tMän
Höjt tak\t118\t96
"""


def test_unit_lines_and_unit_in_caption(nlp, catalogue):
    doc, facts = facts_of(nlp, catalogue, APPENDIX, name="bilaga.txt")
    assert [t.label for t in doc.tables] == ["B2", "B3"]
    amount = one(facts, "2002")  # an amount that looks like a year
    assert (amount.value, amount.unit, amount.period) == (2_002_000_000, "kronor", "2026")
    bound = one(facts, "<5")
    assert (bound.value, bound.qualifier) == (5_000_000, "under")
    assert one(facts, "118").value == 118_000


# --- prose ----------------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, printed, value, unit", [
    ("Anslaget ökas med en halv miljard kronor.", "en halv miljard kronor", 500_000_000, "kronor"),
    ("Ersättningen höjs med 72 öre.", "72 öre", 0.72, "kronor"),
    ("Priset var 1,25 kr/kWh.", "1,25 kr/kWh", 1.25, "kronor/kWh"),
    ("Antalet ersättningsdagar var 180 000.", "180 000", 180_000, "antal"),
    ("I genomsnitt betalades 118 ersättningsdagar ut.", "118 ersättningsdagar", 118, "dagar"),
    ("Väntetiden var sju dagar för de flesta.", "sju dagar", 7, "dagar"),
    ("Det är tre gånger så många som förra året.", "tre gånger", 3, "gånger"),
    ("Av deltagarna fick 7 av 10 ett arbete.", "7 av 10", 70, "procent"),
    ("Ungefär var tredje deltagare avbröt insatsen.", "var tredje", 33.3333, "procent"),
    ("Vart fjärde sjukfall var längre än ett år.", "Vart fjärde", 25, "procent"),
    # a scale word before a unit noun: the noun's unit, scaled
    ("Under året betalades 1,2 miljoner ersättningsdagar ut.", "1,2 miljoner ersättningsdagar", 1_200_000, "dagar"),
    # a bare scale word where the paragraph says what is done with money: the currency is implied
    ("Regeringen satsar 100 miljoner per år på samverkan.", "100 miljoner", 100_000_000, "kronor"),
    ("Till insatserna avsätts 40 miljoner under 2027.", "40 miljoner", 40_000_000, "kronor"),
    ("Antalet resor var 3 miljoner under året.", "3 miljoner", 3_000_000, "antal"),
])
def test_units_number_words_and_shares_in_words(nlp, catalogue, sentence, printed, value, unit):
    _, facts = facts_of(nlp, catalogue, f"# Rapport\n\n{sentence}\n", name="prosa.txt")
    fact = one(facts, printed)
    assert (pytest.approx(fact.value), fact.unit) == (value, unit)


@pytest.mark.parametrize("sentence, printed", [
    ("Den som har fyllt 55 år omfattas av regeln.", "55"),
    ("En familj med två barn, 3 och 5 år, får stödet.", "3"),
    ("Regeln gäller alla över 67 som har pension.", "67"),
])
def test_ages_are_not_figures(nlp, catalogue, sentence, printed):
    _, facts = facts_of(nlp, catalogue, f"# Rapport\n\n{sentence}\n", name="prosa.txt")
    assert not [f for f in facts if f.printed.startswith(printed)]


@pytest.mark.parametrize("sentence, printed", [
    # an age group or an age limit names who is counted; it is no figure, whatever word stands before it
    ("Antalet unga vuxna 18–24 år med försörjningsstöd minskade med 31 personer.", "18–24"),
    ("Gruppen 50–64 år ökade med 13 personer.", "50–64"),
    ("Ungefär var fjärde deltagare var 25–29 år.", "25–29"),
    ("Fler deltagare än planerat var över 30 år.", "30"),
    ("Ungdomar under 25 år erbjuds ett första samtal.", "25"),
    ("Andelen bland dem som är 60 år och äldre var 41 procent.", "60"),
])
def test_age_groups_and_limits_are_not_figures(nlp, catalogue, sentence, printed):
    _, facts = facts_of(nlp, catalogue, f"# Rapport\n\n{sentence}\n", name="prosa.txt")
    assert not [f for f in facts if f.printed.startswith(printed)], [(f.printed, f.unit) for f in facts]


@pytest.mark.parametrize("sentence, printed, value, unit", [
    # where the sentence reports an age, or years measured, "N år" is the figure
    ("Deltagarnas medelålder var 34 år.", "34 år", 34, "ar"),
    ("Medianåldern bland de nya deltagarna var 41 år.", "41 år", 41, "ar"),
    ("Samarbetet har pågått i 20 år.", "20 år", 20, "ar"),
    ("Förvaltningen deltog i 186 kartläggningar, jämfört med 93 år 2024.", "93", 93, "antal"),
])
def test_ages_reported_and_years_measured_stay_figures(nlp, catalogue, sentence, printed, value, unit):
    _, facts = facts_of(nlp, catalogue, f"# Rapport\n\n{sentence}\n", name="prosa.txt")
    fact = one(facts, printed)
    assert (fact.value, fact.unit) == (value, unit)


def test_an_age_group_in_prose_splits_the_figures_of_its_clause(nlp, catalogue):
    text = ("# Rapport\n\nI gruppen 18–29 år nådde 61 procent arbetsförmåga, medan andelen bland dem som är "
            "60 år och äldre stannade vid 41 procent. Bland dem som var 19–29 år var andelen 52 procent, och "
            "bland kvinnor 57,9 procent mot 53,8 procent bland män.\n")
    _, facts = facts_of(nlp, catalogue, text, name="prosa.txt")
    assert dict(one(facts, "61 procent").breakdown).get("alder") == "18-29"
    assert dict(one(facts, "41 procent").breakdown).get("alder") == "60-"  # an open group: "60 år och äldre"
    # a clause that names a population of its own ("och bland kvinnor") is about it, not about the age group before
    assert dict(one(facts, "57,9 procent").breakdown) == {"kon": "kvinnor"}
    assert dict(one(facts, "53,8 procent").breakdown) == {"kon": "män"}


def test_chart_labels_that_are_age_groups_label_their_values(nlp, catalogue):
    text = ("Arbetsförmåga efter ålder, helår 2026\nDiagram (andel med arbetsförmåga, %):\n19–29 år: 63\n"
            "50–64 år: 53\nAnteckningar:\nDiagrammet avser helåret 2026, då 59 procent fick arbetsförmåga.\n")
    doc, facts = facts_of(nlp, catalogue, text, year=2027, name="bilder.txt")
    assert [b.text for b in doc.blocks if b.text.startswith(("19", "50"))] == ["19–29 år: 63", "50–64 år: 53"]
    assert dict(one(facts, "63").breakdown).get("alder") == "19-29"
    assert "alder" not in dict(one(facts, "59 procent").breakdown)  # the group of the line above is not the note's


def test_a_period_in_parentheses_of_its_own_dates_the_figures_before_it(nlp, catalogue):
    text = "• Snitt 402 dagar till avslut (jan–sep 2027)\n\nAndelen var som mest 20 procent (2006), och som minst tio procent 2008.\n"
    _, facts = facts_of(nlp, catalogue, text, year=2026, name="bilder.txt")
    assert one(facts, "402 dagar").period == "2027"
    assert one(facts, "20 procent").period == "2006"
    assert one(facts, "tio procent").period == "2008"  # the parenthesis dates what stands before it, not after


@pytest.mark.parametrize("sentence, printed, period", [
    ("Anslaget uppgår till 250 miljoner kronor från och med 2028.", "250 miljoner kronor", "2028"),
    ("Stödet blir 40 miljoner kronor fr.o.m. 2027.", "40 miljoner kronor", "2027"),
    # a change that starts to apply: from the year before to the year it applies
    ("Anslaget höjs med 250 miljoner kronor från och med 2028.", "250 miljoner kronor", "2027-2028"),
    ("Satsningen uppgår till 100 miljoner kronor per år 2027 och 2028.", "100 miljoner kronor", "2027-2028"),
    ("Bidraget är i år 1 200 kronor.", "1 200 kronor", "2026"),
    ("År 2026 gjordes 10 745 kartläggningar, jämfört med 8 494 sex år tidigare.", "8 494", "2020"),
    ("Andelen är lägre än 2019, då den var 73,8 procent.", "73,8 procent", "2019"),
    ("Under 2026 gjordes 9 412 kartläggningar, 421 fler än 2025 (8 991).", "8 991", "2025"),
    ("Under 2026 föll antalet möten till 945 från 1 057.", "1 057", "2025"),
    ("Bidraget höjs från 190 till 260 kronor per dag fr.o.m. 2027.", "190", "2026"),
])
def test_periods_in_other_wordings(nlp, catalogue, sentence, printed, period):
    _, facts = facts_of(nlp, catalogue, f"# Rapport\n\n{sentence}\n", year=2026, name="prosa.txt")
    assert one(facts, printed).period == period


def test_a_value_printed_twice_is_two_facts(nlp, catalogue):
    text = "# Rapport\n\nBidraget höjs från 223 till 365 kronor, och den som redan har bidraget får också 365 kronor.\n"
    _, facts = facts_of(nlp, catalogue, text, name="prosa.txt")
    assert len([f for f in facts if f.value == 365]) == 2


def test_press_releases_speak_of_their_publication_year():
    from ingest.manifest import infer_metadata

    meta = infer_metadata("# Höjt tak\n\nPressmeddelande · 23 september 2026 · Socialdepartementet\n\n"
                          "Regeringen föreslår i budgetpropositionen för 2027 att taket höjs.")
    assert (meta.kind, meta.published, meta.reporting_year) == ("pressmeddelande", "2026-09-23", 2026)


def test_a_proposal_is_for_the_budget_year(nlp, catalogue):
    text = ("# Höjt tak\n\nPressmeddelande · 23 september 2026\n\n"
            "Regeringen föreslår i budgetpropositionen för 2027 att taket höjs.\n\n"
            "Inkomsttaket är i år 592 000 kronor.\n\n"
            "En person med hög lön får med förslaget omkring 4 600 kronor mer i månaden.\n")
    _, facts = facts_of(nlp, catalogue, text, year=2026, name="press.md")
    assert one(facts, "592 000 kronor").period == "2026"
    assert one(facts, "4 600 kronor").period == "2027"


def test_a_proposed_change_runs_from_now_to_the_budget_year(nlp, catalogue):
    text = ("# Resor\n\nArtikel · Publicerad 21 september 2026\n\n"
            "Regeringen föreslår i budgetpropositionen för 2027 ändrade ersättningar.\n\n"
            "Ersättningen för resor med egen bil höjs med 60 öre, till 25 kronor per mil.\n\n"
            "Förra året fick 1 420 personer ersättningen. Var femte av dem reste mer än 100 mil.\n")
    _, facts = facts_of(nlp, catalogue, text, year=2026, name="press.md")
    change = one(facts, "60 öre")
    assert (change.period, dict(change.breakdown).get("forandring")) == ("2026-2027", "ökning")
    assert one(facts, "25 kronor per mil").period == "2027"
    # "förra året" is the year before the text's now, for the sentence after it too
    assert one(facts, "1 420").period == "2025"
    assert one(facts, "Var femte").period == "2025"


@pytest.mark.parametrize("sentence, printed, qualifier, word", [
    ("Antalet var drygt 10 000 under året.", "10 000", "approximate", "drygt"),
    ("Antalet var knappt 10 000 under året.", "10 000", "approximate", "knappt"),
    ("Stödet ges i upp till 120 dagar.", "120 dagar", "under", "upp till"),
    ("Målet är 60 procent eller fler.", "60 procent", "over", "eller fler"),
])
def test_qualifiers_keep_their_direction_in_the_word(nlp, catalogue, sentence, printed, qualifier, word):
    _, facts = facts_of(nlp, catalogue, f"# Rapport\n\n{sentence}\n", name="prosa.txt")
    fact = one(facts, printed)
    assert (fact.qualifier, fact.qualifier_word) == (qualifier, word)


def test_a_section_goes_on_about_the_population_an_earlier_paragraph_named(nlp, catalogue):
    text = ("# Rapport\n\n## 4 Inskrivning efter avslag\n\n"
            "Av de personer som fick avslag på sjukpenning 2026 var 4 749 inskrivna efter 90 dagar, eller 47 procent.\n\n"
            "För kvinnor låg andelen inskrivna på 46 procent 2026.\n\n"
            "## 5 Ekonomi\n\nAndelen inskrivna var 12 procent 2026.\n")
    _, facts = facts_of(nlp, catalogue, text, name="prosa.txt")
    assert dict(one(facts, "46 procent").breakdown) == {"forman": "sjukpenning", "kon": "kvinnor"}
    assert "forman" not in dict(one(facts, "12 procent").breakdown)  # another section


def test_a_denied_phrase_names_no_measure(nlp, catalogue):
    # "riskerar att inte kunna gå tillbaka till sin arbetsgivare" is who is offered the meeting,
    # not the share who went back
    text = ("# Rapport\n\nKontaktmöte erbjuds sjukskrivna som riskerar att inte kunna gå tillbaka till sin arbetsgivare, "
            "från dag 91 till dag 180. Försäkringskassan erbjöd 512 personer ett kontaktmöte under året, och knappt var "
            "tredje tackade nej.\n")
    _, facts = facts_of(nlp, catalogue, text, name="prosa.txt")
    assert one(facts, "var tredje").measure != "atergang_till_arbetsgivare_andel"


@pytest.mark.parametrize("sentence, printed, direction", [
    ("Under 2026 genomfördes 1 046 gemensamma kartläggningar, 42 fler än samma månad föregående år.", "42", "ökning"),
    ("Under 2026 genomfördes 1 046 gemensamma kartläggningar, 310 färre än ett år tidigare.", "310", "minskning"),
    ("Under 2026 genomfördes 1 046 gemensamma kartläggningar, 42 fler än i oktober 2025.", "42", "ökning"),
    ("Jämfört med oktober 2025 ökade antalet kartläggningar med kvinnor med 51.", "51", "ökning"),
])
def test_a_change_against_the_same_time_an_earlier_year(nlp, catalogue, sentence, printed, direction):
    _, facts = facts_of(nlp, catalogue, f"# Statistik\n\n{sentence}\n", name="prosa.txt")
    change = one(facts, printed)
    assert (change.period, dict(change.breakdown).get("forandring")) == ("2025-2026", direction)
    if "1 046" in sentence:
        # a change of the level its sentence just stated
        assert change.measure == one(facts, "1 046").measure == "gemensamma_kartlaggningar_antal"


def test_a_sentence_introducing_a_list_gives_the_list_its_period(nlp, catalogue):
    text = ("# Statistik\n\n## 2 Insatser\n\nUnder perioden 2022–2025 gjordes i genomsnitt 10 500 kartläggningar per år.\n\n"
            "Resultat för de 2 694 personer som avslutade en insats under januari–oktober 2026:\n"
            "• 1 519 personer (56,4 procent) fick arbete.\n• 127 personer (4,7 procent) lämnade samarbetet.\n")
    _, facts = facts_of(nlp, catalogue, text, name="prosa.txt")
    assert one(facts, "1 519").period == "2026"
    assert one(facts, "127").period == "2026"


def test_rows_of_a_table_whose_corner_names_them_are_groups(nlp, catalogue):
    text = ("# Granskning\n\nTabell 3.2 Gemensamma kartläggningar per region 2025\n\n"
            "| Region | Gemensamma kartläggningar, antal | Påbörjat insats, % | Förändring sedan 2021, % |\n|---|---:|---:|---:|\n"
            "| Region Nord | 1 204 | 72 | +12 |\n| Region Syd | 988 | 77 | −3 |\n| Totalt | 2 192 | 74 | +5 |\n")
    _, facts = facts_of(nlp, catalogue, text, name="granskning.md")
    assert dict(one(facts, "1 204").breakdown).get("grupp") == "Region Nord"
    assert dict(one(facts, "77").breakdown).get("grupp") == "Region Syd"
    # a column no measure claims is about the row's group too, and a change since 2021 covers 2021-2025
    change = one(facts, "−3")
    assert (dict(change.breakdown).get("grupp"), dict(change.breakdown).get("forandring"), change.period) == \
        ("Region Syd", "minskning", "2021-2025")
    assert "grupp" not in dict(one(facts, "2 192").breakdown)  # the total is no group


def test_a_sentence_with_no_figure_can_name_the_population_of_the_next(nlp, catalogue):
    text = ("# Rapport\n\nBland unga med aktivitetsersättning är inskrivningen något högre. Av de 1 612 som fick "
            "avslag under 2026 var 880 inskrivna hos Arbetsförmedlingen efter 90 dagar.\n")
    _, facts = facts_of(nlp, catalogue, text, name="prosa.txt")
    assert dict(one(facts, "880").breakdown).get("forman") == "aktivitetsersättning"


def test_each_count_of_a_list_takes_the_group_its_own_clause_names(nlp, catalogue):
    text = ("# Statistik\n\nI oktober 2026 hade 812 av dem som kartlades sjukpenning, 171 hade aktivitetsersättning "
            "och 63 hade någon annan ersättning.\n")
    _, facts = facts_of(nlp, catalogue, text, name="prosa.txt")
    assert dict(one(facts, "812").breakdown).get("forman") == "sjukpenning"
    assert dict(one(facts, "171").breakdown).get("forman") == "aktivitetsersättning"


@pytest.mark.parametrize("sentence, printed, period, direction", [
    ("År 2025 genomfördes 238 fler kartläggningar än 2024.", "238", "2024-2025", "ökning"),
    # the only year named is the one compared with: the change runs to the report's year
    ("Andelen är oförändrad jämfört med 2021, då andelen kvinnor var 62,0 procent; andelen har minskat med "
     "0,6 procentenheter.", "0,6 procentenheter", "2021-2025", None),
])
def test_changes_of_an_audit_over_its_years(nlp, catalogue, sentence, printed, period, direction):
    _, facts = facts_of(nlp, catalogue, f"# Granskning\n\n{sentence}\n", year=2025, name="prosa.txt")
    change = one(facts, printed)
    assert (change.period, dict(change.breakdown).get("forandring")) == (period, direction)


def test_a_subsection_goes_on_about_the_years_its_section_named(nlp, catalogue):
    text = ("# Rapport\n\n## 12 Resultat\n\nAnalysen har utgått från sjukfall under vart och ett av åren 2006–2008.\n\n"
            "### 12.1 Vilka deltar\n\nAndelen kvinnor bland deltagarna var 63 procent.\n\n"
            "## 13 Slutsatser\n\nAndelen kvinnor var 61 procent.\n")
    _, facts = facts_of(nlp, catalogue, text, year=2011, name="prosa.md")
    assert one(facts, "63 procent").period == "2006-2008"
    assert one(facts, "61 procent").period == "2011"  # another chapter: the report's year


def test_the_rest_of_a_split_is_a_group_whatever_the_measure(nlp, catalogue):
    text = ("# Rapport\n\nTabell 2.2 Gemensamma kartläggningar efter förmån och kön 2027\n\n"
            "\tKvinnor\t\tMän\t\nFörmån\tAntal\tAndel (%)\tAntal\tAndel (%)\n"
            "Sjukpenning\t5 402\t63,8\t3 071\t36,2\nÖvriga³\t508\t65,5\t268\t34,5\n\nKälla: SUS\n")
    _, facts = facts_of(nlp, catalogue, text, year=2027, name="rapport.txt")
    share = one(facts, "65,5")
    assert (dict(share.breakdown).get("grupp"), dict(share.breakdown).get("kon")) == ("övriga", "kvinnor")


def test_a_figure_takes_the_population_its_own_clause_describes(nlp, catalogue):
    text = ("# Rapport\n\nAndelen av dem som inte längre fick sjukpenning som deltog i ett möte steg till 13,0 procent, "
            "och ungefär var tionde ung person som fick avslag på aktivitetsersättning hade ett omställningsmöte.\n")
    _, facts = facts_of(nlp, catalogue, text, year=2027, name="prosa.txt")
    assert dict(one(facts, "var tionde").breakdown).get("forman") == "aktivitetsersättning"
    assert dict(one(facts, "13,0 procent").breakdown).get("forman") == "sjukpenning"


def test_a_sentence_about_everyone_leaves_the_population_before_it(nlp, catalogue):
    text = ("# Rapport\n\nBland dem som hade aktivitetsersättning uppnådde knappt hälften arbetsförmåga (47 procent). "
            "Av alla som avslutade en insats var 705 personer kvar i sjukförsäkringen.\n")
    _, facts = facts_of(nlp, catalogue, text, year=2027, name="prosa.txt")
    assert dict(one(facts, "47 procent").breakdown).get("forman") == "aktivitetsersättning"
    assert "forman" not in dict(one(facts, "705").breakdown)


def test_a_table_that_names_no_unit_takes_the_one_the_text_quotes_it_with(nlp, catalogue):
    text = ("# Utvärdering\n\nFör personer med sjukpenning sjönk medianen från 168 dagar 2021 till 142 dagar 2025 "
            "(tabell 2). Medelvärdet ligger över medianen, 183 dagar 2025.\n\n"
            "| År | Sjukpenning, medel | Sjukpenning, median |\n|---|--:|--:|\n"
            "| 2021 | 214 | 168 |\n| 2023 | 196 | 153 |\n| 2025 | 183 | 142 |\n")
    _, facts = facts_of(nlp, catalogue, text, year=2025, name="utv.md")
    cells = {f.printed: f for f in facts if f.kind == "table"}
    assert (cells["153"].unit, cells["153"].value) == ("dagar", 153)
    assert cells["196"].unit == "dagar"  # the column quoted once goes with the table


def test_a_table_of_counts_beside_quoted_shares_keeps_its_counts(nlp, catalogue):
    text = ("# Rapport\n\nAv dem nådde 53 procent arbetsförmåga, mot 51 procent året innan.\n\n"
            "| År | Avslutade | Arbetsförmåga, andel |\n|---|--:|--:|\n| 2023 | 4 406 | 51 |\n| 2024 | 4 602 | 53 |\n")
    _, facts = facts_of(nlp, catalogue, text, year=2024, name="rapport.md")
    cells = {f.printed: f for f in facts if f.kind == "table"}
    assert cells["4 602"].unit == "antal" and cells["53"].unit == "procent"


@pytest.mark.parametrize("text, printed, direction", [
    ("Av dem som avslutade en insats 2025 fick 54,6 procent arbetsförmåga, jämfört med 51,2 procent 2021. "
     "Det är en ökning med 3,4 procentenheter.", "3,4 procentenheter", None),
    ("Andelen var 74 procent 2025, jämfört med 77 procent 2021. Minskningen med 3 procentenheter gäller både "
     "kvinnor och män; 2025 påbörjade 73 procent av kvinnorna en insats.", "3 procentenheter", None),
    ("Antalet ökade från 8 873 år 2021 till 10 284 år 2025, en ökning med 1 411 kartläggningar eller 16 procent.",
     "16 procent", "ökning"),
])
def test_a_change_restated_or_referred_back_to_keeps_its_years(nlp, catalogue, text, printed, direction):
    _, facts = facts_of(nlp, catalogue, f"# Granskning\n\n{text}\n", year=2025, name="prosa.txt")
    change = one(facts, printed)
    assert (change.period, dict(change.breakdown).get("forandring")) == ("2021-2025", direction)


def test_a_budget_texts_worked_example_and_raise_are_for_the_budget_year(nlp, catalogue):
    text = ("# Budget\n\nArtikel · Publicerad 21 september 2026\n\n"
            "Regeringen föreslår i budgetpropositionen för 2027 ett förstärkt jobbskatteavdrag.\n\n"
            "En undersköterska som arbetar heltid och tjänar 31 000 kronor i månaden får 310 kronor mer i plånboken.\n\n"
            "För en deltagare på heltid innebär höjningen 1 430 kronor mer i månaden. Handledaren får ett höjt stöd "
            "på 165 kronor per timme.\n")
    _, facts = facts_of(nlp, catalogue, text, year=2026, name="budget.md")
    assert one(facts, "310 kronor").period == "2027"
    raise_ = one(facts, "1 430 kronor")
    assert (raise_.period, dict(raise_.breakdown).get("forandring")) == ("2026-2027", "ökning")
    assert one(facts, "165 kronor").period == "2027"
    assert not any(f.printed.startswith("31 000") for f in facts)  # the example's input


def test_a_chapter_headed_by_one_formans_name_is_about_it(nlp, catalogue):
    text = ("# Årsredovisning\n\n## 4.3 Sjukpenning och rehabiliteringspenning\n\n"
            "I december 2026 pågick cirka 203 000 sjukfall, och 64 procent av dem avsåg kvinnor.\n\n"
            "## 4.4 Sjukersättning och aktivitetsersättning\n\nAndelen kvinnor var 55 procent.\n")
    _, facts = facts_of(nlp, catalogue, text, year=2026, name="ar.md")
    assert dict(one(facts, "64 procent").breakdown) == {"forman": "sjukpenning", "kon": "kvinnor"}
    assert "forman" not in dict(one(facts, "55 procent").breakdown)  # a chapter about two


def test_a_paragraph_opening_on_a_year_frames_the_paragraphs_after_it(nlp, catalogue):
    text = ("# Granskning\n\n## 4 Resultat\n\nGranskningen avser åren 2021–2025.\n\n"
            "Under 2025 avslutade 6 140 personer en rehabiliteringsinsats.\n\n"
            "Kvinnor nådde sämre resultat än män, 52,3 procent mot 58,1 procent.\n\n"
            "### 4.1 Utfall\n\nAndelen var 31,8 procent.\n")
    _, facts = facts_of(nlp, catalogue, text, year=2025, name="rir.md")
    assert one(facts, "52,3 procent").period == "2025"
    assert one(facts, "31,8 procent").period == "2021-2025"  # a subsection inherits the span, not the opening year


@pytest.mark.parametrize("sentence, printed, direction", [
    ("Minskningen var störst bland kvinnor, −7,1 procent.", "−7,1 procent", "minskning"),
    ("Ökningen var störst i Norrbotten, +12 procent.", "+12 procent", "ökning"),
])
def test_a_signed_figure_in_a_sentence_about_a_change_is_that_change(nlp, catalogue, sentence, printed, direction):
    _, facts = facts_of(nlp, catalogue, f"# Rapport 2026\n\nAntalet deltagare minskade jämfört med 2025.\n{sentence}\n", name="prosa.txt")
    fact = one(facts, printed)
    assert (fact.value, dict(fact.breakdown).get("forandring")) == (pytest.approx(abs(float(printed.strip("+−% procent").replace(",", ".")))), direction)


def test_a_signed_figure_beside_a_goal_is_no_change(nlp, catalogue):
    _, facts = facts_of(nlp, catalogue, "# Rapport\n\nUtvecklingen mot målet: andelen var −2,0 procent under målet.\n", name="prosa.txt")
    assert "forandring" not in dict(one(facts, "−2,0 procent").breakdown)


STATISTICS_SHEET = """# Nyckeltal, januari–september 2027

Värdet för samma period föregående år står inom parentes.

- **Gemensamma kartläggningar:** 8 412 (7 903) ▲ +6,4 %
- **Andel kvinnor:** 61,2 % (60,4 %) ▼ −0,8 procentenheter
- **Tid till avslut:** 402 dagar (median) (389 dagar)
- Drygt sex av tio (62 procent) var kvinnor.
- Ungefär 20 procent (17 procent) skrev in sig.

**Tabell 4. Deltagare per län, januari–september 2027**

| Län | Deltagare | Andel kvinnor, % |
| :--- | ---: | ---: |
| Stockholms län | 1 712 | 69,7 |
| Uppsala län | 412 | 73,6 |
| **Riket** | **2 124** | **70,4** |

**Tabell 6. Kostnader per post**

| Post | Budget 2027 | Utfall 2027 |
| :--- | ---: | ---: |
| Personal | 8 200 | 8 050 |
| **Summa** | **8 200** | **8 050** |

*Belopp i tusentals kronor.*
"""


def test_a_bare_value_in_parentheses_after_a_figure_is_the_year_before(nlp, catalogue):
    _, facts = facts_of(nlp, catalogue, STATISTICS_SHEET, year=2027)
    assert [(one(facts, p).period, one(facts, p).value) for p in ("8 412", "7 903", "61,2 %", "60,4 %", "402 dagar", "389 dagar")] == [
        ("2027", 8412), ("2026", 7903), ("2027", 61.2), ("2026", 60.4), ("2027", 402), ("2026", 389)]
    assert one(facts, "60,4 %").measure == one(facts, "61,2 %").measure
    # the words restated in digits are the same figure, of the same year
    assert one(facts, "62 procent").period == "2027"
    assert one(facts, "17 procent").period == "2027"  # a rounded figure restated exactly


def test_arrows_mark_a_change_and_its_direction(nlp, catalogue):
    _, facts = facts_of(nlp, catalogue, STATISTICS_SHEET, year=2027)
    up, down = one(facts, "+6,4 %"), one(facts, "−0,8 procentenheter")
    assert (up.value, dict(up.breakdown).get("forandring"), up.period) == (6.4, "ökning", "2026-2027")
    # a change of a share is in points over the span, as the prose writes it (no mark needed)
    assert (down.value, down.unit, down.period) == (0.8, "procentenheter", "2026-2027")


def test_county_rows_are_groups_and_riket_their_total(nlp, catalogue):
    _, facts = facts_of(nlp, catalogue, STATISTICS_SHEET, year=2027)
    assert dict(one(facts, "1 712").breakdown).get("grupp") == "Stockholms län"
    assert dict(one(facts, "412").breakdown).get("grupp") == "Uppsala län"
    assert "grupp" not in dict(one(facts, "2 124").breakdown)


def test_a_unit_line_under_a_table_scales_its_figures(nlp, catalogue):
    _, facts = facts_of(nlp, catalogue, STATISTICS_SHEET, year=2027)
    personal = [f for f in facts if f.printed == "8 050" and f.cell]
    assert personal and all((f.unit, f.value) == ("kronor", 8_050_000) for f in personal)


def test_a_change_column_in_percent_is_a_change_of_its_counts(nlp, catalogue):
    # the paragraph quotes two of the column's values in procent; that is the change's unit, not the level's
    text = ("# Rapport 2027\n\nAntalet med män har ökat snabbare (8,8 procent mot 5,2 procent för kvinnor).\n\n"
            "\t2026\t2027\tFörändring 2026–2027, %\nvarav kvinnor\t6 644\t6 991\t5,2\nvarav män\t4 230\t4 602\t8,8\n"
            "Tabell 2.1 Deltagare efter kön, 2026 och 2027\n")
    _, facts = facts_of(nlp, catalogue, text, year=2027, name="tabell.txt")
    cell = next(f for f in facts if f.printed == "8,8" and f.cell)
    assert (cell.unit, cell.period, dict(cell.breakdown)) == ("procent", "2026-2027", {"kon": "män", "forandring": "ökning"})


@pytest.mark.parametrize("sentence, printed, agency", [
    ("Därför har Försäkringskassan fått 250 miljoner kronor extra för 2027.", "250 miljoner kronor", "Försäkringskassan"),
    ("Arbetsförmedlingens förvaltningsanslag är i år nästan 8 miljarder kronor.", "8 miljarder kronor", "Arbetsförmedlingen"),
    ("Arbetsförmedlingen har i dag 242 kontor i hela landet.", "242", "Arbetsförmedlingen"),
    # a party to the figure, or one agency of two, is no group
    ("Kommunen öppnar 20 nya kontor tillsammans med Försäkringskassan.", "20", None),
    ("Arbetsförmedlingen och Försäkringskassan höll 412 möten.", "412", None),
])
def test_the_agency_a_clause_is_about_is_the_figures_agency(nlp, catalogue, sentence, printed, agency):
    _, facts = facts_of(nlp, catalogue, f"# Protokoll\n\n{sentence}\n", year=2027, name="prosa.txt")
    assert dict(one(facts, printed).breakdown).get("myndighet") == agency


DEBATE = """Riksdagens protokoll 2026/27:58

§ 6 Svar på interpellation 2026/27:196 om aktivitetsersättning för unga

Anf. 25 Socialförsäkringsminister ANNA LUNDGREN (M):

Fru talman! I dag får 29 000 unga ersättningen, och av dem som lämnade den fick 4 procent ett arbete.

§ 7 Svar på interpellation 2026/27:214 om samverkan mellan myndigheterna

Anf. 31 Socialförsäkringsminister ANNA LUNDGREN (M):

Fru talman! Enligt myndigheternas siffror genomfördes förra året 11 870 gemensamma kartläggningar, att jämföra med 10 960 året innan. Av de 6 420 personer som avslutade en rehabiliteringsinsats förra året fick 58 procent arbetsförmåga.
"""


def test_an_item_about_one_forman_gives_it_to_its_figures(nlp, catalogue):
    _, facts = facts_of(nlp, catalogue, DEBATE, year=2027, name="protokoll.txt")
    assert dict(one(facts, "29 000").breakdown).get("forman") == "aktivitetsersättning"
    assert "forman" not in dict(one(facts, "11 870").breakdown)  # § 7 is about the agencies, no förmån


def test_last_year_is_the_year_before_the_texts_own_wherever_the_sentence_says_it(nlp, catalogue):
    _, facts = facts_of(nlp, catalogue, DEBATE, year=2027, name="protokoll.txt")
    assert [one(facts, p).period for p in ("11 870", "10 960", "6 420", "58 procent")] == ["2026", "2025", "2026", "2026"]



def test_counts_in_a_list_of_codes_take_their_code_as_group(nlp, catalogue):
    text = "# Protokoll\n\nFrånvarande: 12 S, 3 M, 4 SD och 2 MP.\n\nAnslaget är 3 M och 4 procent.\n"
    _, facts = facts_of(nlp, catalogue, text, year=2027, name="protokoll.txt")
    assert [dict(f.breakdown).get("grupp") for f in facts if f.line == 3] == ["S", "M", "SD", "MP"]
    assert [dict(f.breakdown).get("grupp") for f in facts if f.line == 5] == [None, None]  # not a list of codes


def test_row_labels_under_a_spanning_year_row_are_groups_of_the_stub_header(nlp, catalogue):
    text = """# Faktablad

**Tabell 5. Möten per län och kön, 2026 och 2027**

| | 2026 | | 2027 | |
| :--- | ---: | ---: | ---: | ---: |
| Län | Kvinnor | Män | Kvinnor | Män |
| Stockholms län | 352 | 241 | 331 | 228 |
| Skåne län | 204 | 139 | 193 | 137 |
"""
    _, facts = facts_of(nlp, catalogue, text, year=2027)
    assert (one(facts, "241").period, dict(one(facts, "241").breakdown)) == ("2026", {"grupp": "Stockholms län", "kon": "män"})


def test_a_sentence_opening_with_since_measures_its_change_from_that_year(nlp, catalogue):
    text = ("# Rapport 2027\n\nSedan 2021, då 9 326 kartläggningar genomfördes, har antalet ökat med 2 267, "
            "eller 24 procent.\n")
    _, facts = facts_of(nlp, catalogue, text, year=2027, name="prosa.txt")
    assert [(one(facts, p).period) for p in ("9 326", "2 267", "24 procent")] == ["2021", "2021-2027", "2021-2027"]



@pytest.mark.parametrize("sentence, printed, key", [
    ("För 2028 har myndigheterna beslutat att genomföra minst 12 000 gemensamma kartläggningar.", "12 000",
     "gemensamma_kartlaggningar_mal_antal"),
    ("Myndigheterna har ett gemensamt mål om minst 13 000 gemensamma kartläggningar.", "13 000", "gemensamma_kartlaggningar_mal_antal"),
    ("Därmed uppnåddes målet att minst 55 procent ska utveckla eller återfå arbetsförmåga.", "55 procent", "arbetsformaga_mal_andel"),
    # what was done, even beside a goal reached, is the outcome
    ("Målet uppnåddes: 11 593 gemensamma kartläggningar genomfördes.", "11 593", "gemensamma_kartlaggningar_antal"),
    ("Under 2027 genomfördes 11 593 gemensamma kartläggningar.", "11 593", "gemensamma_kartlaggningar_antal"),
])
def test_a_figure_in_a_clause_that_sets_a_goal_takes_the_goal_key(nlp, catalogue, sentence, printed, key):
    _, facts = facts_of(nlp, catalogue, f"# Rapport 2027\n\n{sentence}\n", year=2027, name="prosa.txt")
    assert one(facts, printed).measure == key



def test_anslagsposter_are_posts_of_the_agency_named_above_them(nlp, catalogue):
    text = ("# Regleringsbrev för budgetåret 2027\n\n3.1 Anslag\n\nTkr\n1:1 Sjukpenning och rehabilitering m.m. (ramanslag)\n"
            "Disponeras av Försäkringskassan\nap.1 Sjukpenning (ram) 44 871 300\nap.2 Rehabiliteringsersättning (ram) 731 600\n"
            "Summa 45 602 900\n")
    _, facts = facts_of(nlp, catalogue, text, year=2027, name="rb.txt")
    first = one(facts, "44 871 300")
    assert (first.value, dict(first.breakdown)) == (44_871_300_000, {"myndighet": "Försäkringskassan", "post": "sjukpenning"})
    assert dict(one(facts, "731 600").breakdown)["post"] == "rehabiliteringsersättning"


def test_a_total_row_is_no_part_of_the_last_agency_group(nlp, catalogue):
    text = """# Rapport 2026

| Myndighet och post | Tilldelat, mnkr | Kostnad, mnkr |
|---|---:|---:|
| **Försäkringskassan** | | |
| Förvaltning | 276,0 | 275,3 |
| **Arbetsförmedlingen** | | |
| Förvaltning | 412,0 | 397,6 |
| **Summa** | 688,0 | 672,9 |
*Tabell 5 Tilldelade och förbrukade medel 2026 per myndighet och post*
"""
    _, facts = facts_of(nlp, catalogue, text, year=2026)
    assert dict(one(facts, "397,6").breakdown).get("myndighet") == "Arbetsförmedlingen"
    assert dict(one(facts, "275,3").breakdown).get("myndighet") == "Försäkringskassan"
    assert "myndighet" not in dict(one(facts, "672,9").breakdown)



@pytest.mark.parametrize("sentence, printed, value", [
    ("Posten rehabiliteringsinsatser och aktivitetsstöd överskreds med 3,4 mnkr.", "3,4 mnkr", -3_400_000),
    ("Kostnaden blev 55,9 mnkr, alltså 1,9 mnkr mer än ramen.", "1,9 mnkr", -1_900_000),
    ("Förbrukningen översteg tilldelningen med 3 812 tusen kronor.", "3 812 tusen kronor", -3_812_000),
    # what was left over, and the level spent, keep their sign
    ("Arbetsförmedlingen lämnar tillbaka 13,2 mnkr.", "13,2 mnkr", 13_200_000),
    ("Kostnaden blev 55,9 mnkr, alltså 1,9 mnkr mer än ramen.", "55,9 mnkr", 55_900_000),
])
def test_money_spent_beyond_what_was_given_is_a_negative_deviation(nlp, catalogue, sentence, printed, value):
    _, facts = facts_of(nlp, catalogue, f"# Rapport 2027\n\n{sentence}\n", year=2027, name="prosa.txt")
    assert one(facts, printed).value == value



def test_a_slide_deck_year_in_parentheses_arrows_and_slide_numbers(nlp, catalogue):
    text = ("Bild 8\nKortare tid i samverkan\n• Jan–sep 2026: 418 dagar  → −16 dagar\n"
            "• Helår: 431 (2024) · 423 (2025) · 415 (2026)\n")
    _, facts = facts_of(nlp, catalogue, text, year=2027, name="bilder.txt")
    assert [one(facts, p).period for p in ("431", "423", "415")] == ["2024", "2025", "2026"]  # the year right after
    arrow = one(facts, "−16 dagar")
    assert (arrow.value, dict(arrow.breakdown).get("forandring")) == (16, "minskning")  # "→" and the sign
    assert not [f for f in facts if f.printed == "8"]  # "Bild 8" labels a slide


def test_a_period_a_line_introduces_ends_at_the_next_caption(nlp, catalogue):
    text = ("Bild 7\nArbetsförmåga efter ålder, helår 2026\nDiagram (andel med arbetsförmåga, %):\n19–29 år: 63\n\n"
            "Bild 9\nAnteckningar:\nAntalet omställningsmöten var 2 611 till och med september.\n")
    _, facts = facts_of(nlp, catalogue, text, year=2027, name="bilder.txt")
    assert one(facts, "63").period == "2026"  # introduced by the line above it
    assert one(facts, "2 611").period == "2027"  # a new slide: the deck's own year again


def test_a_key_figure_box_takes_the_period_and_unit_its_title_names(nlp, catalogue):
    text = ("Nyheter 2027\n\nFakta: det förstärkta samarbetet 2026\nGemensamma kartläggningar: 12 400\n"
            "Personer i rehabiliteringsinsats, genomsnitt per månad: 4 870\nOmställningsmöten 2025: 1 550\n\n"
            "Fakta: prognos för 2028, miljarder kronor\nSjukpenning: 44,9\nSumma: 83,4\n\n"
            "Utanför rutan: 310\n")
    _, facts = facts_of(nlp, catalogue, text, year=2027, name="nyheter.txt")
    assert [one(facts, p).period for p in ("12 400", "4 870")] == ["2026", "2026"]
    assert one(facts, "1 550").period == "2025"  # a line's own year wins
    summa = one(facts, "83,4")
    assert (summa.value, summa.unit, summa.period) == (83_400_000_000, "kronor", "2028")
    outside = one(facts, "310")  # after a blank line: no longer the box
    assert (outside.unit, outside.period) == ("antal", "2027")


def test_a_lan_named_in_a_sentence_is_the_group_of_its_figure(nlp, catalogue):
    text = ("# Rapport\n\nArbetslösheten var högst i Södermanlands län, 9,1 procent, och lägst i Gotlands län med 4,2 "
            "procent. I storstadslänen var andelen 6,0 procent i Stockholm och 7,4 procent i Skåne.\n\n"
            "Stockholm stad hade 310 deltagare.\n")
    _, facts = facts_of(nlp, catalogue, text, year=2027, name="prosa.txt")
    groups = {p: dict(one(facts, p).breakdown).get("grupp") for p in ("9,1 procent", "4,2 procent", "6,0 procent", "7,4 procent")}
    assert groups == {"9,1 procent": "Södermanlands län", "4,2 procent": "Gotlands län", "6,0 procent": "Stockholms län",
                      "7,4 procent": "Skåne län"}
    # a short name is a län only where the text speaks of län (else it is a town or a kommun)
    assert "grupp" not in dict(one(facts, "310").breakdown)


def test_rows_of_changes_under_a_level_row_change_from_its_year(nlp, catalogue):
    text = """# Budgetpropositionen för 2028

Tabell 2.2 Förändring av ramnivå 2028–2030
Miljoner kronor

| | 2028 | 2029 | 2030 |
|---|---:|---:|---:|
| Anvisat 2027 | 97 794,4 | 97 794,4 | 97 794,4 |
| *Förändring till följd av:* | | | |
| Beslut | 1 330,0 | 1 360,0 | 1 380,0 |
| Volymer | −1 306,2 | −1 580,2 | −1 748,0 |
| **Förslag/beräknad ramnivå** | **97 818,2** | **97 574,2** | **97 426,4** |
"""
    _, facts = facts_of(nlp, catalogue, text, year=2028)
    assert {f.period for f in facts if f.printed == "97 794,4"} == {"2027"}
    assert [(one(facts, p).period, dict(one(facts, p).breakdown).get("forandring")) for p in ("1 330,0", "1 360,0", "−1 748,0")] \
        == [("2027-2028", "ökning"), ("2027-2029", "ökning"), ("2027-2030", "minskning")]
    total = one(facts, "97 574,2")  # the level the changes lead to, no change itself
    assert (total.period, dict(total.breakdown).get("forandring")) == ("2029", None)


def test_a_rate_per_thousand_is_in_promille_and_its_base_is_no_figure(nlp, catalogue):
    text = ("# Rapport\n\nRäknat per 1 000 försäkrade genomfördes 1,9 kartläggningar 2027. Bland kvinnorna var talet "
            "2,3 och bland männen 1,5 per 1 000 försäkrade. Under 2027 gjordes 11 965 kartläggningar. Ohälsotalet var "
            "35 promille.\n\nTabell 3 Kartläggningar per 1 000 försäkrade efter kön\n\n\tKvinnor\tMän\n2027\t2,3\t1,5\n\n"
            "Tabell 4 Nystartade sjukfall per 1 000 försäkrade\nAntal\n\n\tKvinnor\tMän\n2027\t72,4\t43,2\n")
    _, facts = facts_of(nlp, catalogue, text, year=2027, name="prosa.txt")
    assert not [f for f in facts if f.value == 1000]  # "per 1 000": the rate's base
    assert {f.unit for f in facts if f.printed in ("1,9", "2,3", "1,5 per 1 000", "35 promille", "1,5")} == {"promille"}
    assert one(facts, "11 965").unit == "antal"
    assert one(facts, "72,4").unit == "antal"  # the unit line under the caption names the table's own unit


def test_a_regressions_statistics_are_in_their_own_units(nlp, catalogue):
    text = ("# Rapport\n\nEtt sjukfall som pågått i mer än 365 dagar minskar chansen: oddskvoten är 0,66. Kvinnor har "
            "lägre odds än män (oddskvot 0,76).\n\n"
            "Tabell 4.3 Logistisk regression\n\nVariabel\tKoefficient\tStandardfel\tOddskvot\n"
            "Anställd vid start\t0,29***\t0,025\t1,34\n")
    _, facts = facts_of(nlp, catalogue, text, year=2027, name="prosa.txt")
    units = {f.value: f.unit for f in facts}
    assert (units[0.66], units[0.76]) == ("gånger", "gånger")
    assert (units[0.29], units[0.025], units[1.34]) == ("koefficient", "standardfel", "gånger")


@pytest.mark.parametrize("text, printed", [
    ("Under 2026 gjordes 8 156 kartläggningar med sjukpenning. Övriga 652 kartläggningar gällde annan ersättning.", "652"),
    ("Antalet kartläggningar med personer som har annan ersättning minskade något, från 711 till 702.", "702"),
    ("För 562 personer med annan eller ingen ersättning gjordes också en gemensam kartläggning.", "562"),
])
def test_others_and_another_benefit_are_the_group_ovriga(nlp, catalogue, text, printed):
    _, facts = facts_of(nlp, catalogue, f"# Gemensamma kartläggningar\n\n{text}\n", name="prosa.txt")
    assert dict(one(facts, printed).breakdown).get("grupp") == "övriga"


def test_the_figures_of_a_decision_are_its_addressees(nlp, catalogue):
    text = ("Regleringsbrev för budgetåret 2027 avseende Försäkringskassan\n\n"
            "Försäkringskassan ska under 2027 ta emot minst 40 praktikanter.\n\n"
            "Myndigheterna ska tillsammans genomföra minst 600 kontaktmöten med Arbetsförmedlingen.\n\n"
            "Ändring av regleringsbrev för budgetåret 2027 avseende Arbetsförmedlingen\nRegeringens beslut\n"
            "Myndigheten ska ta emot minst 25 praktikanter.\n")
    _, facts = facts_of(nlp, catalogue, text, year=2027, name="rb.txt")
    assert dict(one(facts, "40").breakdown).get("myndighet") == "Försäkringskassan"
    assert dict(one(facts, "25").breakdown).get("myndighet") == "Arbetsförmedlingen"  # the next decision's
    assert "myndighet" not in dict(one(facts, "600").breakdown)  # both agencies' goal


def test_the_span_a_time_series_covers_is_not_the_period_of_the_prose(nlp, catalogue):
    # the series' span says which years its tables hold; the prose under it speaks of the latest year
    text = ("# Statistik 2031\n\n## 3 Bostadsbidrag\n\nI kapitlet redovisas bostadsbidrag. Tidsserierna omfattar åren "
            "2021–2030.\n\nTotalt fick 41 200 hushåll bostadsbidrag.\n\n"
            "## 4 Underhållsstöd\n\nProjektet bedrevs under åren 2024–2026.\n\nTotalt deltog 310 familjer.\n")
    _, facts = facts_of(nlp, catalogue, text, year=2030)
    assert one(facts, "41 200").period == "2030"
    assert one(facts, "310").period == "2024-2026"  # a span a passage describes is still carried


def test_a_statistics_table_in_thousands_with_an_index_and_a_price_base(nlp, catalogue):
    text = ("Statistik 2031\n\n"
            "Tabell 2b. Hushåll med bostadsbidrag, förändring och index efter år, 2028–2030\n"
            "Tusental\n"
            "År             Antal      Förändring, %      Index (2028=100)\n"
            "2028           188,9                 ..                100,0\n"
            "2029           186,4               −1,3                 98,7\n"
            "2030           178,2               −4,4                 94,3\n\n"
            "Tabell 3. Genomsnittligt bostadsbidrag per hushåll och månad efter hushållstyp, 2029–2030\n"
            "Kronor, 2030 års priser\n"
            "År           Ensamstående       Sammanboende\n"
            "2029                  1 724               1 846\n"
            "2030                  1 733               1 855\n")
    _, facts = facts_of(nlp, catalogue, text, year=2030, name="siffror.txt")
    count = one(facts, "186,4")
    assert (count.value, count.unit) == (186400, "antal")  # "Antal" under the unit line "Tusental"
    assert (one(facts, "98,7").value, one(facts, "98,7").unit) == (98.7, "index")
    assert {f.unit for f in facts if f.line and f.line >= 12} == {"kronor"}  # "Kronor, 2030 års priser"


def test_a_year_named_as_what_a_figure_equals_is_not_the_period_of_the_next_sentence(nlp, catalogue):
    text = ("# Rapport\n\nUnder 2030 fick 410 hushåll stöd. Skillnaden på sju procentenheter är densamma som 2029. "
            "Bland de unga fick 61 hushåll stöd.\n")
    _, facts = facts_of(nlp, catalogue, text, year=2030)
    assert one(facts, "61").period == "2030"


@pytest.mark.parametrize("text, periods", [
    # coordinated years pair with the figures of a "respektive" group, in order
    ("För 2031 och 2032 beräknas anslaget till 4 538 respektive 4 661 miljoner kronor.", ["2031", "2032"]),
    ("Andelen var 61 respektive 64 procent 2030 och 2031.", ["2030", "2031"]),
    # each year with its own pair: the pairs are the groups', not the years'
    ("2029 var nyckeltalen 60 respektive 35, och 2030 var de 65 respektive 35.", ["2029", "2029", "2030", "2030"]),
])
def test_years_coordinated_before_a_respektive_group_pair_with_its_figures(nlp, catalogue, text, periods):
    _, facts = facts_of(nlp, catalogue, "# Budget\n\n" + text + "\n", year=2030)
    assert [f.period for f in facts] == periods


# --- what frames a line: a list's lead, a label's year, a chapter of several topics -------------

LIST_AND_CARDS = """Förslag

Styrelsen föreslår att förbundet för 2031 fastställer
• att ramen för insatserna uppgår till 4 200 tkr,
• att högst 300 tkr får användas till utvärdering.
Förbundets kostnader var 3 950 tkr.

Bilaga 2 Insatser

Vägen ut
Huvudman: Östby kommun
Startår: 2022
Deltagare: 57
"""


def test_a_list_that_completes_a_sentence_takes_its_period(nlp, catalogue):
    _, facts = facts_of(nlp, catalogue, LIST_AND_CARDS, year=2030, name="forbund.txt")
    assert one(facts, "4 200 tkr").period == "2031"
    assert one(facts, "300 tkr").period == "2031"
    assert one(facts, "3 950 tkr").period == "2030"  # the list has ended: the report's year again


def test_a_year_given_as_a_labels_value_frames_no_line_below_it(nlp, catalogue):
    _, facts = facts_of(nlp, catalogue, LIST_AND_CARDS, year=2030, name="forbund.txt")
    assert one(facts, "57").period == "2030"  # "Startår: 2022" is when the insats started, not the count's year


CHAPTER_OF_TOPICS = """# Statistik 2027

## 5 Sjukersättning, tillsyn och samarbetet med kommunerna

### 5.1 Ansökningar

Under 2027 kom 81 200 nya ansökningar in.

### 5.2 Samarbetet med kommunerna

Under 2027 hölls 640 samråd.
"""


def test_a_subsection_about_another_topic_of_its_chapter_is_not_about_the_chapters_forman(nlp, catalogue):
    _, facts = facts_of(nlp, catalogue, CHAPTER_OF_TOPICS, year=2027)
    assert dict(one(facts, "81 200").breakdown).get("forman") == "sjukersättning"
    assert "forman" not in dict(one(facts, "640").breakdown)


INDICATOR_TABLE = """Indikatorer 2027

Tabell 2. Andel som fått eller återfått arbetsförmåga, per område 2027
Område | Avslutade, antal | Andel, % (95 % KI) | Förändring mot 2026 (procentenheter)
Norra | 412 | 63,1 (58,4–67,8) | +2,4
Södra | 287 | 60,3 (54,6–65,9) | -1,2
"""


def test_an_estimate_with_its_interval_in_one_cell_is_three_figures(nlp, catalogue):
    _, facts = facts_of(nlp, catalogue, INDICATOR_TABLE, year=2027, name="indikator.txt")
    estimate, low, high = one(facts, "63,1"), one(facts, "58,4"), one(facts, "67,8")
    assert (estimate.value, estimate.unit, dict(estimate.breakdown)) == (63.1, "procent", {"grupp": "Norra"})
    assert estimate.measure == "arbetsformaga_andel"
    # the ends of the interval are the estimate's uncertainty, not the measure
    assert (low.value, high.value, low.measure, high.measure) == (58.4, 67.8, "unclassified", "unclassified")


def test_a_change_column_in_points_keeps_its_sign_and_spans_from_the_year_it_compares_with(nlp, catalogue):
    _, facts = facts_of(nlp, catalogue, INDICATOR_TABLE, year=2027, name="indikator.txt")
    down, up = one(facts, "-1,2"), one(facts, "+2,4")
    assert (down.value, down.unit, down.period) == (-1.2, "procentenheter", "2026-2027")
    assert (up.value, up.unit, up.period) == (2.4, "procentenheter", "2026-2027")


def test_a_month_the_texts_now_has_not_reached_is_last_years(nlp, catalogue):
    text = "Frågestund\n\nAntalet nya ärenden var i november 4 100, vilket är 300 fler än ett år tidigare. I januari kom 380 in.\n"
    doc = read_text(Path("debatt.txt"), "debatt", DocumentMetadata(reporting_year=2027, published="2027-01-19"), "0", text=text)
    facts = extract_facts(doc, nlp, catalogue)
    assert one(facts, "4 100").period == "2026"  # said in January 2027: last November
    assert one(facts, "300").period == "2025-2026"
    assert one(facts, "380").period == "2027"  # this January


def test_a_change_against_the_same_half_year_of_an_earlier_year(nlp, catalogue):
    text = "Halvårsrapport\n\nUnder första halvåret 2031 hölls 2 410 samråd, 130 fler än samma halvår 2030 och 95 fler än andra halvåret 2030.\n"
    _, facts = facts_of(nlp, catalogue, text, year=2031, name="halvar.txt")
    for printed in ("130", "95"):
        assert (one(facts, printed).period, dict(one(facts, printed).breakdown).get("forandring")) == ("2030-2031", "ökning")


def test_the_first_day_of_a_date_range_is_no_figure(nlp, catalogue):
    text = "Metod\n\nNämnare: personer som kartlagts 1 januari–30 september 2030. Under perioden gjordes 7 400 kartläggningar.\n"
    _, facts = facts_of(nlp, catalogue, text, year=2030, name="metod.txt")
    assert [f.printed for f in facts] == ["7 400"]


def test_items_separated_by_a_middle_dot_are_separate_for_their_groups(nlp, catalogue):
    text = "Rangordning\n\nHögst: Kalmar län (81,2) · Lägst: Gotlands län (52,0) · Riket: 70,4\n"
    _, facts = facts_of(nlp, catalogue, text, year=2030, name="rang.txt")
    assert dict(one(facts, "52,0").breakdown).get("grupp") == "Gotlands län"
    assert "grupp" not in dict(one(facts, "70,4").breakdown)  # the country's figure, no county's
