"""The fact benchmark's gold sets as a guard: extraction accuracy may not fall unseen.

benchmarks/bench_facts.py measures recall and precision against the hand-made gold (the
corpus, and the reports we wrote in tests/data). Here the same scoring runs in the suite with
floors a little under the figures in benchmarks/RESULTS.md, so a change that costs accuracy
fails CI instead of passing green. When a real improvement lifts a figure, lift its floor.
"""
from __future__ import annotations

import pytest

from benchmarks.bench_facts import GOLD, _reconstructed, load_gold, own_report_files, score

# set -> floor, percent; each about 1.5-2 points under the figure benchmarks/RESULTS.md gives (in brackets)
FLOORS = {
    "corpus": {"full_recall": 85.2, "precision": 85.6, "measure": 94.4},  # [86.7, 87.0, 95.9]
    "corpus_clean": {"full_recall": 94.0, "precision": 94.5, "measure": 95.5},  # [95.5, 95.9, 97.0]
    "own_synthetic": {"full_recall": 97.5, "precision": 97.5, "measure": 96.5},  # [98.6, 98.6, 98.2]
}

# Each first-run report (tests/data/firstrun-*) on its own, so a new report never moves the
# others' floor: about two facts' worth under the figure `python -m benchmarks.firstrun` gives
# (in brackets). A report added without a floor here fails the suite: measure it, then add it.
FIRSTRUN_FLOORS = {
    # first runs (benchmarks/first_runs.md, 2026-12-06 tenth session, six public-sector texts):
    # [76.1, 76.1, 100.0], [61.0, 62.5, 72.2], [34.2, 34.2, 76.1], [80.4, 78.7, 81.8], [43.2, 35.8, 97.7], [69.0, 70.7, 82.9]
    "firstrun-pub2-af-manadsstatistik-2030": {"full_recall": 76.8, "precision": 76.8, "measure": 98.5},  # [78.3, 78.3, 100.0]
    "firstrun-pub2-debattartikel-gd-2031": {"full_recall": 61.9, "precision": 59.0, "measure": 74.1},  # [63.4, 60.5, 75.6]
    "firstrun-pub2-esv-utgiftsomrade14-2030": {"full_recall": 78.0, "precision": 78.0, "measure": 76.0},  # [79.5, 79.5, 77.5]
    # lowered from [82.6, 79.2] on purpose (fourteenth session), as press-sjukforsakring above
    "firstrun-pub2-fk-sjuktal-kvartal-2028": {"full_recall": 76.8, "precision": 73.5, "measure": 87.4},  # [78.3, 75.0, 88.9]
    "firstrun-pub2-fragor-svar-sjukpenningtak-2029": {"full_recall": 41.7, "precision": 34.3, "measure": 96.2},  # [43.2, 35.8, 97.7]
    "firstrun-pub2-regeringen-andringsbudget-2029": {"full_recall": 67.5, "precision": 69.2, "measure": 81.4},  # [69.0, 70.7, 82.9]
    "firstrun-pub3-budgetartikel-2031": {"full_recall": 72.2, "precision": 69.2, "measure": 86.4},  # [73.7, 70.7, 87.9]
    "firstrun-pub3-isf-bilaga-2032": {"full_recall": 73.0, "precision": 68.7, "measure": 60.4},  # [74.5, 70.2, 61.9]
    "firstrun-pub3-kommun-nyckeltal-2030": {"full_recall": 62.9, "precision": 61.3, "measure": 97.6},  # [64.4, 62.8, 99.1]
    "firstrun-pub3-kvartalsrapport-af-2029": {"full_recall": 72.4, "precision": 71.7, "measure": 34.5},  # [73.9, 73.2, 36.0]
    "firstrun-pub3-statistiknyhet-scb-2029": {"full_recall": 73.0, "precision": 74.2, "measure": 88.7},  # [74.5, 75.7, 90.2]
    "firstrun-pub4-lagradsremiss-konsekvenser-2031": {"full_recall": 36.9, "precision": 34.6, "measure": 77.8},  # [38.4, 36.1, 79.3]
    "firstrun-pub4-lansrapport-2031": {"full_recall": 79.2, "precision": 77.0, "measure": 70.9},  # [80.7, 78.5, 72.4]
    "firstrun-pub4-statskontoret-myndighetsanalys-2030": {"full_recall": 45.5, "precision": 45.9, "measure": 84.5},  # [47.0, 47.4, 86.0]
    "firstrun-pub4-tidsserie-socialforsakring-2032": {"full_recall": 91.9, "precision": 91.9, "measure": 83.6},  # [93.4, 93.4, 85.1]
    # first runs (2026-12-07, thirteenth session, pub5: four genres none of the 44 had)
    "firstrun-pub5-ifau-rapport-2032": {"full_recall": 53.6, "precision": 44.6, "measure": 68.4},  # [55.1, 46.1, 69.9]
    "firstrun-pub5-kommunrevision-2033": {"full_recall": 69.9, "precision": 69.9, "measure": 83.1},  # [71.4, 71.4, 84.6]
    "firstrun-pub5-styrelseprotokoll-2033": {"full_recall": 73.9, "precision": 75.2, "measure": 61.5},  # [75.4, 76.7, 63.0]
    "firstrun-pub5-verksamhetsplan-fk-2034": {"full_recall": 60.1, "precision": 59.6, "measure": 92.0},  # [61.6, 61.1, 93.5]
    # first runs (2026-12-07, fourteenth session, pub6: four more genres, one a web page)
    "firstrun-pub6-lagesbild-fk-af-2035": {"full_recall": 84.4, "precision": 79.4, "measure": 93.6},  # [85.9, 80.9, 95.1]
    # (after the session's fixes: each <td> on its own line, rates in promille by the gold README; precision falls as
    # more cells are read, 52.9 -> 48.3, most with the förmån the caption names, which this gold leaves out)
    "firstrun-pub6-regional-tertialrapport-2034": {"full_recall": 49.6, "precision": 46.8, "measure": 75.9},  # [51.1, 48.3, 77.4]
    "firstrun-pub6-remissvar-af-2035": {"full_recall": 66.4, "precision": 64.0, "measure": 76.6},  # [67.9, 65.5, 78.1]
    "firstrun-pub6-rut-pm-2035": {"full_recall": 82.3, "precision": 82.3, "measure": 87.4},  # [83.8, 83.8, 88.9]
    # first runs (2026-12-07, fourteenth session, pub7: a press conference transcript, an internrevision in Word, an
    # encyclopedia article, a newsletter web page with layout tables)
    "firstrun-pub7-internrevision-fk-2036": {"full_recall": 60.0, "precision": 57.0, "measure": 87.7},  # [61.5, 58.5, 89.2]
    "firstrun-pub7-nyhetsbrev-samordningsforbund-2036": {"full_recall": 72.7, "precision": 72.7, "measure": 87.6},  # [74.2, 74.2, 89.1]
    "firstrun-pub7-presstraff-transkript-2036": {"full_recall": 57.6, "precision": 49.9, "measure": 62.2},  # [59.1, 51.4, 63.7]
    "firstrun-pub7-uppslagsverk-finsam-2036": {"full_recall": 82.2, "precision": 75.1, "measure": 68.3},  # [83.7, 76.6, 69.8]
    # first runs (2026-12-07, fifteenth session, pub8: a written question and answer, a yearbook chapter in Word, an
    # annual report's results in Markdown, a statistics-database page)
    "firstrun-pub8-skriftlig-fraga-svar-2037": {"full_recall": 46.9, "precision": 46.9, "measure": 60.7},  # [48.4, 48.4, 62.2]
    "firstrun-pub8-statistisk-arsbok-2037": {"full_recall": 84.5, "precision": 85.6, "measure": 83.9},  # [86.0, 87.1, 85.4]
    "firstrun-pub8-arsredovisning-resultat-2037": {"full_recall": 62.4, "precision": 62.4, "measure": 81.3},  # [63.9, 63.9, 82.8]
    "firstrun-pub8-statistikdatabas-2038": {"full_recall": 89.2, "precision": 86.0, "measure": 72.6},  # [90.7, 87.5, 74.1]
    # first runs (2026-12-07, fifteenth session, pub9: a letter to a kommun, a newspaper web article, a Word interim
    # report with months in columns, a Region's verksamhetsberättelse; full is low where the gold gives prose figures their place)
    "firstrun-pub9-brev-till-kommun-2039": {"full_recall": 0.0, "precision": 0.0, "measure": 51.6},  # [1.0, 1.0, 53.1]
    "firstrun-pub9-tidningsartikel-2039": {"full_recall": 2.9, "precision": 2.0, "measure": 51.9},  # [4.4, 3.5, 53.4]
    "firstrun-pub9-delrapport-manader-2040": {"full_recall": 85.8, "precision": 79.2, "measure": 84.5},  # [87.3, 80.7, 86.0]
    "firstrun-pub9-verksamhetsberattelse-region-2039": {"full_recall": 42.9, "precision": 41.8, "measure": 72.5},  # [44.4, 43.3, 74.0]
    # first run (benchmarks/first_runs.md, 2026-12-06 ninth session): [52.2, 57.9, 25.4]
    "firstrun-oppna-jamforelser-2028": {"full_recall": 76.4, "precision": 74.0, "measure": 68.5},  # [77.9, 75.5, 70.0]
    # first runs (benchmarks/first_runs.md, 2026-12-06 sixth session): [84.7, 83.5, 76.8], [74.8, 73.9, 27.3]
    "firstrun-aterrapport-2031-word": {"full_recall": 83.2, "precision": 82.0, "measure": 75.3},  # [84.7, 83.5, 76.8]
    # measure: its figures are a half year's, which the extractor leaves unclassified (period_part) where the gold
    # names the yearly measures
    # (ninth session: changes against "samma halvår 2029" read as changes, full 79.5 -> 80.6; a half-year's change
    # stays unclassified as its level does, measure 26.4 -> 24.8)
    "firstrun-halvarsrapport-pandoc-2030": {"full_recall": 85.3, "precision": 85.0, "measure": 83.6},  # [86.8, 86.5, 85.1]
    # first runs (benchmarks/first_runs.md, 2026-12-06 fifth session): [57.9, 53.8, 70.2], [29.4, 26.7, 70.6], [22.6, 21.6, 94.7]
    "firstrun-gemensam-redovisning-2029": {"full_recall": 86.3, "precision": 85.7, "measure": 82.1},  # [87.8, 87.2, 83.6]
    "firstrun-budgetunderlag-af-2029": {"full_recall": 37.3, "precision": 37.0, "measure": 69.4},  # [38.8, 38.5, 70.6]
    "firstrun-sjukforsakring-i-siffror-2028": {"full_recall": 57.4, "precision": 54.9, "measure": 93.7},  # [58.9, 56.4, 95.2]
    "firstrun-aterrapport-2027-ny-stil": {"full_recall": 93.3, "precision": 93.3, "measure": 83.7},  # [94.8, 94.8, 85.2]
    "firstrun-arsredovisning-layout-2026": {"full_recall": 80.4, "precision": 79.6, "measure": 83.3},  # [81.9, 81.1, 84.4]
    # measure: nearly every figure is the project's own (3 of 267 have a catalogue measure), which the extractor
    # now leaves unclassified (nlp.measure_trust); first run [17.6, 23.7, 60.1]
    "firstrun-esf-slutrapport-2026": {"full_recall": 75.3, "precision": 77.0, "measure": 97.7},  # [76.8, 78.5, 98.8]
    "firstrun-fk-tabellbilaga-2027": {"full_recall": 90.0, "precision": 89.5, "measure": 87.4},  # [91.5, 91.0, 88.4]
    # lowered from [87.8, 86.2] on purpose: its gold gives a table about one anslag ("... för anslag 1:6 Bidrag för ...")
    # no post, where the budgetprop's, budgetunderlag's and betänkande's golds give the anslag (nlp.tables,
    # appropriations_own_their_amounts): one convention for all, the majority's
    "firstrun-granskning-riksrevisionen-2026": {"full_recall": 80.7, "precision": 79.1, "measure": 71.5},  # [82.2, 80.6, 73.0]
    "firstrun-betankande-sfu-2026": {"full_recall": 67.8, "precision": 61.9, "measure": 88.2},  # [69.3, 63.4, 89.7]
    # first runs [78.6, 79.3, 84.0], [71.5, 69.1, 98.7], [34.8, 33.7, 70.9] (benchmarks/first_runs.md)
    "firstrun-aterrapport-word-2028": {"full_recall": 87.8, "precision": 88.5, "measure": 87.2},  # [89.3, 90.0, 88.7]
    "firstrun-nyckeltal-faktablad-2027": {"full_recall": 93.0, "precision": 89.7, "measure": 96.9},  # [94.5, 91.2, 98.4]
    "firstrun-interpellationsdebatt-2027": {"full_recall": 56.8, "precision": 55.0, "measure": 71.0},  # [58.3, 56.5, 72.5]
    # first run (benchmarks/first_runs.md)
    "firstrun-regleringsbrev-2027": {"full_recall": 40.0, "precision": 31.3, "measure": 77.6},  # [41.5, 32.8, 79.1]
    # first run (benchmarks/first_runs.md)
    "firstrun-presentation-2027": {"full_recall": 74.8, "precision": 77.6, "measure": 76.3},  # [76.3, 79.1, 77.8]
    # first runs (benchmarks/first_runs.md, 2026-12-06 fourth session)
    # (tenth session: each news piece its own now and lead year, full 57.4 -> 69.3)
    "firstrun-nyheter-myndigheter-2027": {"full_recall": 67.8, "precision": 67.8, "measure": 69.0},  # [69.3, 69.3, 70.5]
    "firstrun-budgetprop-uo10-2028": {"full_recall": 82.5, "precision": 80.4, "measure": 69.4},  # [84.0, 81.9, 70.9]
    "firstrun-fk-analysrapport-2028": {"full_recall": 53.9, "precision": 52.2, "measure": 71.4},  # [54.9, 53.7, 72.9]
    "firstrun-delredovisning-webb-2026": {"full_recall": 86.6, "precision": 86.6, "measure": 88.1},  # [88.1, 88.1, 89.6]
    "firstrun-isf-utvardering-2026": {"full_recall": 89.5, "precision": 88.6, "measure": 84.4},  # [91.0, 90.1, 85.9]
    # measure 96.5 -> 93.3 (2026-12-06, ninth session): a measure the report names plainly once makes its weak
    # matches that measure (nlp.measure_trust), and this kommun's own kartläggningar are the catalogue's words
    "firstrun-kommun-arbetsmarknad-2026": {"full_recall": 78.9, "precision": 76.4, "measure": 91.8},  # [80.4, 77.9, 93.3]
    "firstrun-kapiteltabeller-2026": {"full_recall": 87.8, "precision": 87.3, "measure": 85.8},  # [89.3, 88.8, 87.3]
    # lowered from [91.0, 92.3] on purpose: its gold gives rows "1:1 Arbetsförmedlingens förvaltningskostnader" no post,
    # where the budgetunderlag's and betänkande's golds give the same rows their anslag as post (see granskning above)
    "firstrun-press-budget-arbetsmarknad": {"full_recall": 94.7, "precision": 95.9, "measure": 87.0},  # [96.2, 97.4, 88.5]
    "firstrun-press-ersattningar": {"full_recall": 83.2, "precision": 84.9, "measure": 79.9},  # [84.7, 86.4, 81.4]
    # lowered from [90.6, 90.6] on purpose (fourteenth session): "182 000 sjukfall med sjukpenning" lost the mean
    # measure it had by mistake (nlp.measures.fits_statistic) and, unclassified, takes förmån sjukpenning, which this
    # gold leaves out and sjukforsakring-i-siffror-2028's gold gives: a split between golds
    "firstrun-press-sjukforsakring": {"full_recall": 87.6, "precision": 87.6, "measure": 87.6},  # [89.1, 89.1, 89.1]
    # measure: its gold leaves the förbund's own counts unclassified (the samordningsforbund_* measures are national)
    # and nearly every figure outside the catalogue; first run [50.7, 50.9, 36.1]
    "firstrun-samordningsforbund-2026": {"full_recall": 69.2, "precision": 69.5, "measure": 94.7},  # [70.7, 71.0, 96.2]
    # measure: its gold leaves every figure for less than a year unclassified (the catalogue's measures are
    # yearly), as the extractor now does (period_part); first run [31.2, 39.2, 21.7]
    "firstrun-statistiknyhet-af-2026": {"full_recall": 84.9, "precision": 82.4, "measure": 86.7},  # [86.4, 83.9, 87.8]
}


def _pct(a: int, b: int) -> float:
    return 100.0 * a / b if b else 0.0


def _figures(s) -> dict[str, float]:
    return {"full_recall": _pct(s.full_ok, s.gold), "measure": _pct(s.measure_ok, s.found_value),
            "precision": _pct(s.extracted_matching, s.extracted_on_lines + s.nonfact_hits)}


@pytest.fixture(scope="module")
def corpus_scores(corpus_facts):
    gold = load_gold(GOLD / "facts.yaml")
    nonfacts = load_gold(GOLD / "nonfacts.yaml")
    return {"corpus": score(gold, nonfacts, corpus_facts),
            "corpus_clean": score([g for g in gold if not _reconstructed(g)], nonfacts, corpus_facts)}


def _own(pattern: str, nlp, catalogue):
    from ingest.reader import read_path
    from nlp.extract import extract_facts

    files, docs, nonfact_files = own_report_files(pattern)
    facts = {}
    for path in docs:
        doc = read_path(path, doc_id=path.stem)
        facts[doc.id] = extract_facts(doc, nlp, catalogue)
    return score([g for p in files for g in load_gold(p)], [n for p in nonfact_files for n in load_gold(p)], facts)


@pytest.mark.parametrize("name", ["corpus", "corpus_clean"])
def test_corpus_accuracy_stays_above_its_floor(corpus_scores, name):
    got = _figures(corpus_scores[name])
    low = {k: round(v, 1) for k, v in got.items() if v < FLOORS[name][k]}
    assert not low, f"{name}: {low} below the floors {FLOORS[name]} (all: {got})"


def test_own_synthetic_reports_accuracy_stays_above_its_floor(nlp, catalogue):
    got = _figures(_own("synthetic-*.facts.yaml", nlp, catalogue))
    low = {k: round(v, 1) for k, v in got.items() if v < FLOORS["own_synthetic"][k]}
    assert not low, f"own_synthetic: {low} below the floors {FLOORS['own_synthetic']} (all: {got})"


def test_every_first_run_report_has_a_floor():
    files, _, _ = own_report_files("firstrun-*.facts.yaml")
    stems = {p.name.replace(".facts.yaml", "") for p in files}
    assert stems == set(FIRSTRUN_FLOORS), f"without a floor: {sorted(stems - set(FIRSTRUN_FLOORS))}"


@pytest.mark.parametrize("stem", sorted(FIRSTRUN_FLOORS))
def test_first_run_report_accuracy_stays_above_its_floor(nlp, catalogue, stem):
    got = _figures(_own(f"{stem}.facts.yaml", nlp, catalogue))
    low = {k: round(v, 1) for k, v in got.items() if v < FIRSTRUN_FLOORS[stem][k]}
    assert not low, f"{stem}: {low} below the floors {FIRSTRUN_FLOORS[stem]} (all: {got})"
