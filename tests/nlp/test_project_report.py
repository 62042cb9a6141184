"""A project's final report in Markdown, as projects write them (a text written for these tests):
a stated project period, Roman-numbered tables, cells holding a count and its share, an HTML table,
half-years in columns, a deviation column, units after a sentence's last figure."""
from __future__ import annotations

from pathlib import Path

from ingest.manifest import infer_metadata
from ingest.records import DocumentMetadata
from ingest.text_reader import read_text
from nlp.extract import extract_facts

REPORT = """# Slutrapport: Projekt Nya steg

- **Projektperiod:** 2025-02-01 – 2027-06-30
- **Rapporten fastställd:** 2027-09-15

## I. Deltagare

Projektet tog emot 412 deltagare. Kostnaden per deltagare blev 41 200 kr.

**Tabell I.1 Deltagare efter part och kön, antal (andel)**

| Part | Kvinnor | Män |
|---|---|---|
| Arbetsförmedlingen | 120 (52,2 %) | 95 (52,2 %) |
| Försäkringskassan | 110 (47,8 %) | 87 (47,8 %) |

**Tabell I.2 Deltagare per halvår, antal och procent**

| | H1 2025 | H2 2025 |
|---|---|---|
| Nya deltagare | 60 | 80 |
| Andel till arbete, % | 30,0 | 35,0 |

**Tabell I.3 Utfall mot mål**

| Indikator | Mål | Utfall | Avvikelse |
|---|---|---|---|
| Andel kvinnor, % | 50 | 55,8 | +5,8 |

**Tabell I.4 Utfall vid avslut**

<table>
<tr><th>Utfall</th><th>Antal</th></tr>
<tr><td>Arbete</td><td>97</td></tr>
<tr><td>Studier</td><td>46</td></tr>
</table>

Bland männen var andelen högre än bland kvinnorna, 37,2 mot 31,4 procent.
"""


def _facts(nlp, catalogue):
    meta = infer_metadata(REPORT)
    doc = read_text(Path("projekt.md"), "projekt", meta, "0", text=REPORT)
    return doc, extract_facts(doc, nlp, catalogue)


def _one(facts, printed: str):
    found = [f for f in facts if f.printed == printed]
    assert len(found) == 1, (printed, [(f.printed, f.value) for f in facts])
    return found[0]


def test_a_stated_project_period_dates_the_report_and_its_figures():
    meta = infer_metadata(REPORT)
    assert (meta.reporting_period, meta.reporting_year, meta.published) == ("2025-2027", 2027, "2027-09-15")


def test_project_report_tables_and_units(nlp, catalogue):
    doc, facts = _facts(nlp, catalogue)
    assert [t.label for t in doc.tables] == ["I.1", "I.2", "I.3", "I.4"]
    assert _one(facts, "412").period == "2025-2027"  # no year of its own: the project's period
    assert (_one(facts, "41 200 kr.").unit, _one(facts, "41 200 kr.").value) == ("kronor", 41200)
    count = _one(facts, "120")
    assert (count.unit, dict(count.breakdown)) == ("antal", {"kon": "kvinnor", "myndighet": "Arbetsförmedlingen"})
    shares = [f for f in facts if f.printed == "47,8 %"]  # "110 (47,8 %)" and "87 (47,8 %)": the share of each cell
    assert sorted(f.cell for f in shares) == sorted([_one(facts, "110").cell, _one(facts, "87").cell])
    assert all(f.unit == "procent" and f.value == 47.8 for f in shares)
    assert (_one(facts, "60").unit, _one(facts, "60").period_part) == ("antal", "halvår 1")  # "antal och procent": rows decide
    assert _one(facts, "35,0").unit == "procent"
    assert _one(facts, "+5,8").unit == "procentenheter"  # a deviation of a share from its goal
    work = _one(facts, "97")
    assert work.kind == "table" and work.line == REPORT.splitlines().index("<tr><td>Arbete</td><td>97</td></tr>") + 1
    assert _one(facts, "37,2").unit == "procent"  # "37,2 mot 31,4 procent"


def test_about_so_many_is_an_approximate_count(nlp):
    from nlp.components.quantities import QUANTITIES

    def read(text):
        doc = nlp(text)
        return [(s.text, s._.quantity.value, s._.quantity.unit, s._.quantity.qualifier) for s in doc.spans[QUANTITIES]]

    assert read("Projektet samarbetade med ett tjugotal arbetsgivare.") == [("tjugotal", 20.0, "antal", "approximate")]
    assert read("Det finns ett 60-tal förbund.") == [("60-tal", 60.0, "antal", "approximate")]
    assert read("Under 1990-talet ökade antalet.") == []  # a decade
    assert read("Antal ärenden (tusental)") == []  # a unit


STUDY = """# Arbetsträning i samverkan – en utvärdering

*Rapport 2031:4 · Publicerad 2031-10-02*

## Sammanfattning

Vi följer 4 120 deltagare ur kohorterna 2026–2028 och jämför dem med 9 870 sjukskrivna som inte deltog.
Efter ett år var 38 procent av deltagarna i arbete. Under 2030 avslutade 1 510 personer en insats.
"""


def test_a_studys_population_span_dates_its_figures_without_a_year(nlp, catalogue):
    meta = infer_metadata(STUDY)
    assert meta.reporting_period == "2026-2028"
    doc = read_text(Path("studie.md"), "studie", meta, "0", text=STUDY)
    facts = extract_facts(doc, nlp, catalogue)
    assert {f.printed: f.period for f in facts if f.printed in ("4 120", "9 870", "38 procent")} == {
        "4 120": "2026-2028", "9 870": "2026-2028", "38 procent": "2026-2028"}
    assert _one(facts, "1 510").period == "2030"  # a figure with its own year keeps it


def test_no_study_span_without_a_study_population():
    text = "# Årsrapport 2030\n\nAntalet kartläggningar 2026–2028 ökade. Urvalet av handlingar gjordes 2029-2030.\n"
    assert infer_metadata(text).reporting_period is None


MINUTES = """KOMMUNSTYRELSENS ARBETSUTSKOTT                    PROTOKOLL
Sammanträdesdatum: 2032-03-09

§ 4 Årsredovisning 2031 för samordningsförbundet
Arbetsutskottet noterar att förbundet under årets första månader har tagit emot 38 nya deltagare.
Under 2031 deltog 212 personer.
"""


def test_minutes_speak_as_of_the_meeting_day(nlp, catalogue):
    # the agenda names an årsredovisning, but the title says it is minutes: "årets" is the meeting's year
    meta = infer_metadata(MINUTES)
    assert (meta.kind, meta.published, meta.reporting_year) == ("protokoll", "2032-03-09", 2032)
    doc = read_text(Path("protokoll.txt"), "protokoll", meta, "0", text=MINUTES)
    facts = extract_facts(doc, nlp, catalogue)
    assert _one(facts, "38").period == "2032"
    assert _one(facts, "212").period == "2031"


def test_a_protocol_cited_in_a_report_does_not_make_it_minutes():
    text = "# Återrapport 2031\n\nEnligt protokoll från styrelsemötet i mars fattades beslutet.\nPublicerad 2032-02-20\n"
    assert infer_metadata(text).kind != "protokoll"


def test_an_answer_on_a_proposal_is_a_remissvar_and_speaks_as_of_its_date():
    text = ("MYNDIGHETEN                                   Datum: 2031-03-02\n"
            "                                              Dnr: Af-2031/0042 1100\n\n"
            "Remissvar över betänkandet Ett nytt stöd (SOU 2030:77)\n\n"
            "Myndigheten tillstyrker förslaget. Av den årliga återrapporteringen framgår att 900 personer berördes.\n")
    meta = infer_metadata(text)
    assert (meta.kind, meta.published, meta.reporting_year) == ("remissvar", "2031-03-02", 2031)


def test_a_page_edited_on_a_date_in_words_does_not_report_on_that_year():
    text = ("# Finansiell samordning\n\n"
            "*Sidan redigerades senast den 17 januari 2036 kl. 14.32.*\n\n"
            "Finansiell samordning är en form av samverkan. År 2035 fanns 76 förbund.\n")
    meta = infer_metadata(text)
    assert (meta.published, meta.reporting_year) == ("2036-01-17", 2035)
