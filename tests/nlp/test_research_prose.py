"""Research-style prose: changes over a span, gaps between groups, survey years, factors,
confidence intervals and thresholds. Each sentence is worded unlike any test report."""
from __future__ import annotations

import pytest

from ingest.records import Block, Document, DocumentMetadata
from nlp.prose import extract_prose_facts


def document(*paragraphs: str, year=2030, sections=None) -> Document:
    sections = sections or [("3 Resultat",)] * len(paragraphs)
    blocks = tuple(
        Block(id=f"r:b{i}", doc="r", order=i, kind="paragraph", section=sections[i], text=text,
              line_start=20 + 2 * i, line_end=20 + 2 * i)
        for i, text in enumerate(paragraphs)
    )
    return Document(id="r", source_file="r.md", content_hash="x", format="text",
                    metadata=DocumentMetadata(reporting_year=year), blocks=blocks)


def facts(nlp, matcher, *paragraphs, **kw):
    return {f.printed: (f.value, f.unit, f.period, dict(f.breakdown))
            for f in extract_prose_facts(document(*paragraphs, **kw), nlp, matcher)}


# --- changes -----------------------------------------------------------------------------------

@pytest.mark.parametrize("text, printed, period, direction", [
    # the subject between the verb and "med"
    ("Under 2029 steg antalet deltagare med 318.", "318", "2028-2029", "ökning"),
    # the span from the year it is measured from to the later year of the sentence
    ("Antalet beslut sjönk från 4 120 år 2026 till 3 905 år 2029, alltså med 215 beslut.", "215", "2026-2029", "minskning"),
    ("Under 2029 fattades 930 beslut, jämfört med 1 210 år 2024, en minskning med 23 procent.", "23 procent", "2024-2029", "minskning"),
    ("Handläggningstiden har sjunkit med 12 dagar sedan 2025.", "12 dagar", "2025-2030", "minskning"),
])
def test_a_change_covers_the_span_it_is_measured_over(nlp, matcher, text, printed, period, direction):
    value, unit, got_period, breakdown = facts(nlp, matcher, text)[printed]
    assert (got_period, breakdown.get("forandring")) == (period, direction)


def test_a_change_in_procentenheter_between_two_named_years(nlp, matcher):
    got = facts(nlp, matcher, "Andelen i arbete steg med 3,4 procentenheter, från 40,2 procent 2027 till 43,6 procent 2029.")
    assert got["3,4 procentenheter"][2] == "2027-2029"
    assert "forandring" not in got["3,4 procentenheter"][3]  # a share's change in procentenheter needs no mark
    assert (got["40,2 procent"][2], got["43,6 procent"][2]) == ("2027", "2029")


def test_higher_in_one_year_than_another_is_a_change(nlp, matcher):
    got = facts(nlp, matcher, "Andelen som fick stöd var 6 procentenheter lägre 2029 än 2023.")
    assert got["6 procentenheter"][2] == "2023-2029"


# --- differences between groups ------------------------------------------------------------------

@pytest.mark.parametrize("text, printed, gap", [
    ("Bland männen var andelen 47 procent och bland kvinnorna 44 procent. Skillnaden mot kvinnorna är alltså 3 procentenheter.",
     "3 procentenheter", "män-kvinnor"),
    ("Kvinnorna väntade i snitt 64 dagar och männen 51 dagar, en skillnad på 13 dagar.", "13 dagar", "män-kvinnor"),
    ("Skillnaden mellan sjukersättning och sjukpenning minskade från 9 procentenheter 2024 till 6 procentenheter 2029.",
     "6 procentenheter", "sjukersättning-sjukpenning"),
    ("Hos Försäkringskassan svarade 38 procent ja och hos Arbetsförmedlingen 29 procent, en skillnad på 9 procentenheter.",
     "9 procentenheter", "Försäkringskassan-Arbetsförmedlingen"),
    ("Kvinnor hade en 4,5 procentenheter lägre andel än män 2028.", "4,5 procentenheter", "män-kvinnor"),
])
def test_a_gap_between_two_groups_is_a_skillnad(nlp, matcher, text, printed, gap):
    breakdown = facts(nlp, matcher, text)[printed][3]
    assert breakdown.get("skillnad") == gap
    assert "kon" not in breakdown and "forandring" not in breakdown


def test_a_group_compared_with_leaves_the_following_year_to_the_figure(nlp, matcher):
    got = facts(nlp, matcher, "Kvinnor hade en 4,5 procentenheter lägre andel än män 2028.")
    assert got["4,5 procentenheter"][2] == "2028"


# --- periods -----------------------------------------------------------------------------------

def test_a_sentence_without_a_year_takes_the_year_of_the_figures_just_before(nlp, matcher):
    got = facts(nlp, matcher, "Totalt avslutade 2 480 personer en insats 2028. Bland kvinnorna var det 1 390 personer.")
    assert got["1 390"][2] == "2028"


def test_a_bare_year_further_back_is_not_the_paragraphs_year(nlp, matcher):
    got = facts(nlp, matcher, "Andelen sjönk kraftigt efter 2013 och vände först 2018. Det beror på flera saker. "
                              "I dag deltar ungefär hälften av dem som erbjuds ett möte.")
    assert got["hälften"][2] == "2030"


def test_survey_figures_take_the_year_the_survey_was_done(nlp, matcher):
    got = facts(nlp, matcher,
                "Studien omfattar åren 2024–2029 och bygger på 61 200 ärenden ur registren och en webbenkät som 812 "
                "medarbetare besvarade.",
                "Webbenkäten genomfördes under våren 2031. Av de svarande uppgav 57 procent att de saknar tid.",
                "På Försäkringskassan var andelen 61 procent.")
    assert got["61 200"][2] == "2024-2029"
    assert got["812"][2] == "2031"
    assert got["57 procent"][2] == "2031"
    assert got["61 procent"][2:] == ("2031", {"myndighet": "Försäkringskassan"})


def test_an_agency_that_is_a_party_is_no_group(nlp, matcher):
    got = facts(nlp, matcher, "En tredjedel av de nya kontoren ska delas med Försäkringskassan.")
    assert "myndighet" not in got["En tredjedel"][3]


# --- factors, intervals and thresholds -----------------------------------------------------------

def test_twice_as_many_is_a_factor_over_the_span_compared(nlp, matcher):
    got = facts(nlp, matcher, "Under 2029 deltog 1 830 personer, dubbelt så många som 2026 (915).")
    assert got["dubbelt så många"][:3] == (2.0, "gånger", "2026-2029")
    assert got["915"][2] == "2026"


def test_confidence_interval_bounds_take_the_estimates_unit(nlp, matcher):
    got = facts(nlp, matcher, "Bland männen var andelen 36,4 procent (95 % KI 33,0–39,8).")
    assert got["36,4 procent"][1] == "procent"
    assert got["33,0–39,8"][1] == "procent"
    assert "95 %" not in got


@pytest.mark.parametrize("text, absent", [
    ("Sambandet var signifikant (p < 0,01) och uppgick till 7 procentenheter.", "0,01"),
    ("Med 60 dagar som gräns blir andelen 44 procent.", "60 dagar"),
    ("Av besluten fattades 81 procent inom 14 dagar.", "14 dagar"),
    ("Koefficienten i modell 3 är 0,05.", "3"),
])
def test_levels_limits_and_labels_are_not_figures(nlp, matcher, text, absent):
    assert absent not in facts(nlp, matcher, text)


def test_a_time_limit_alone_in_its_sentence_is_the_figure(nlp, matcher):
    assert "10 dagar" in facts(nlp, matcher, "Beslut ska fattas inom 10 dagar från ansökan.")


def test_a_factor_between_two_printed_shares_is_no_figure(nlp, matcher):
    got = facts(nlp, matcher, "Bland dem med sjukersättning är andelen män som studerar dubbelt så stor som andelen kvinnor.")
    assert not any(unit == "gånger" for _, unit, _, _ in got.values())


def test_a_span_named_for_the_figures_just_before_is_the_period(nlp, matcher):
    got = facts(nlp, matcher, "Analysen gäller de 8 140 personer som lämnade sjukförsäkringen 2026–2028. "
                              "För 7 902 av dem finns uppgifter om inkomst.")
    assert got["7 902"][2] == "2026-2028"


def test_a_compared_figure_takes_the_measure_of_the_level_it_is_set_against(nlp, matcher, catalogue):
    doc = document("Under 2029 hölls 2 140 kontaktmöten, jämfört med 2 590 år 2027.")
    got = {f.printed: f.measure for f in extract_prose_facts(doc, nlp, matcher)}
    assert got["2 590"] == got["2 140"] == "kontaktmoten_antal"


@pytest.mark.parametrize("text, printed", [
    ("Medianen för tiden till gemensam kartläggning sjönk till 131 dagar 2029.", "131 dagar"),
    ("Tiden till gemensam kartläggning var kortare för kvinnor: medianen låg på 118 dagar.", "118 dagar"),
])
def test_a_median_is_not_the_mean_the_catalogue_defines(nlp, matcher, text, printed):
    got = {f.printed: f.measure for f in extract_prose_facts(document(text), nlp, matcher)}
    assert got[printed] == "unclassified"


def test_the_mean_beside_a_median_keeps_its_measure(nlp, matcher):
    text = "Tiden till gemensam kartläggning har minskat: medianen var 131 dagar 2029 och medelvärdet 176 dagar."
    got = {f.printed: f.measure for f in extract_prose_facts(document(text), nlp, matcher)}
    assert (got["131 dagar"], got["176 dagar"]) == ("unclassified", "tid_fore_kartlaggning_dagar")


def test_a_note_line_under_its_source_line_states_figures(nlp, matcher):
    block = Block(id="r:b0", doc="r", order=0, kind="source_note", section=("2 Resultat",),
                  text="Källa: Försäkringskassans register. Anm.: I 2028 års siffror saknas 64 ärenden från Gotland.",
                  line_start=40, line_end=41, line_breaks=(36,))
    doc = Document(id="r", source_file="r.md", content_hash="x", format="text",
                   metadata=DocumentMetadata(reporting_year=2030), blocks=(block,))
    got = [(f.printed, f.line, f.period) for f in extract_prose_facts(doc, nlp, matcher)]
    assert got == [("64", 41, "2028")]


def test_a_variables_codes_are_not_figures(nlp, matcher):
    got = facts(nlp, matcher, "Variabeln kodas 1 om personen har en anställning ett år senare och annars 0.")
    assert not got


def test_a_population_a_sentence_opens_with_goes_on_in_the_paragraph(nlp, matcher):
    got = facts(nlp, matcher, "För unga med sjukersättning steg medelvärdet till 212 dagar 2029. "
                              "Här har tiden ökat med 17 dagar sedan 2026.")
    assert got["17 dagar"][2:] == ("2026-2029", {"forandring": "ökning", "forman": "sjukersättning"})


def test_registered_at_an_agency_is_a_status_not_a_group(nlp, matcher):
    got = facts(nlp, matcher, "Ett år senare var 37 procent inskrivna på Arbetsförmedlingen.")
    assert "myndighet" not in got["37 procent"][3]


def test_an_opening_population_stops_where_a_later_sentence_names_another(nlp, matcher):
    got = facts(nlp, matcher, "För personer med sjukersättning var andelen 48 procent. Sammantaget nådde 57 procent av dem "
                              "som haft sjukpenning målet. Totalt gällde det ungefär 52 procent.")
    assert "forman" not in got["52 procent"][3]


def test_two_agencies_together_are_no_group(nlp, matcher):
    got = facts(nlp, matcher, "Vi genomförde 12 intervjuer inom Arbetsförmedlingens och Försäkringskassans ledning.")
    assert "myndighet" not in got["12"][3]
