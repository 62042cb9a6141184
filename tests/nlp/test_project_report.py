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
