"""The variant harness (benchmarks/variants.py, benchmarks/bench_variants.py).

Most tests check the generator itself: a variant's truth must be exactly what its text says
(every printed figure on its line, values kept through rescaling and reformatting, the gold
attributes carried over), or the recall the harness reports means nothing. The last test runs a
small seeded sample through the extractor and holds recall per dimension above a floor.
"""
from __future__ import annotations

import re
from decimal import Decimal

import pytest

from benchmarks.variants import (
    DIMENSIONS,
    UNIT_SCALES,
    Marked,
    Span,
    Truth,
    clean_cell,
    fmt_decimal,
    generate,
    load_gold,
    load_sources,
    occurrences,
    parse_decimal,
    regroup,
    sample,
    sentence_bounds,
    share_word_value,
    write_all,
)


@pytest.fixture(scope="module")
def sources():
    return load_sources()


@pytest.fixture(scope="module")
def variants(sources):
    return generate(sources)


@pytest.fixture(scope="module")
def gold():
    return load_gold()


@pytest.fixture(scope="module")
def baseline(variants):
    """Unit id -> {gold index: Truth} of its unchanged re-set."""
    out = {}
    for v in variants:
        if v.dimension == "baseline":
            out[v.unit] = {t.gid: t for t in v.truth}
    return out


def _norm(text: str) -> str:
    return re.sub(r"\W+", "", clean_cell(text)).lower()


def _number(printed: str) -> Decimal:
    """The number in a printed figure: '345,4' -> 345.4, '0,3454 miljarder kronor' -> 0.3454."""
    m = re.search(r"[+\-−–]?\d(?:[\d \u00a0\u2009\u202f]*\d)?(?:,\d+)?", printed)
    assert m, printed
    return parse_decimal(m.group(0))


# --- the source material ------------------------------------------------------------------------

def test_sources_cover_the_annotated_tables_and_lines(sources, gold):
    assert len(sources.tables) >= 20 and len(sources.sentences) >= 80
    placed = {t.gid for u in sources.tables for r in u.rows for c in r for t in c.facts}
    placed |= {t.gid for u in sources.sentences for s in u.marked.spans for t in s.facts}
    body = [i for i, g in enumerate(gold) if g["kind"] in ("table", "body", "summary")]
    # everything but the two garbled SOU tables and a few sentences split over a page break
    assert len(placed) >= 0.85 * len(body)


def test_every_dimension_has_variants(variants):
    assert {v.dimension for v in variants} == set(DIMENSIONS)
    for v in variants:
        assert v.truth, v.id
    assert len({v.id for v in variants}) == len(variants)


# --- truth is exact ------------------------------------------------------------------------------

def test_every_true_fact_is_printed_on_its_line(variants):
    for v in variants:
        for t in v.truth:
            assert 0 < t.line <= len(v.lines), (v.id, t)
            assert t.printed and t.printed in v.lines[t.line - 1], (v.id, t.line, t.printed, v.lines[t.line - 1][:200])


def test_truth_keeps_the_gold_attributes(variants, gold):
    for v in variants:
        for t in v.truth:
            g = gold[t.gid]
            assert t.doc == g["doc"] and t.value == float(g["value"]) and t.period == str(g["period"]), v.id
            assert t.measure == g["measure"] and dict(t.breakdown) == {k: str(x) for k, x in (g.get("breakdown") or {}).items()}
            if v.dimension != "qualifiers":
                assert t.qualifier == g.get("qualifier", "exact"), (v.id, t)


def test_a_variant_states_a_subset_of_its_baseline_once_each(variants, baseline):
    for v in variants:
        gids = [t.gid for t in v.truth]
        assert len(gids) == len(set(gids)), v.id
        assert set(gids) <= set(baseline[v.unit]), v.id


def test_the_baseline_prints_the_figures_as_the_corpus_does(variants, gold):
    for v in variants:
        if v.dimension != "baseline":
            continue
        for t in v.truth:
            assert _norm(t.printed) == _norm(str(gold[t.gid]["printed"])), (v.id, t.printed, gold[t.gid]["printed"])


def test_a_rescaled_amount_keeps_its_value_in_kronor(variants):
    seen = set()
    for v in variants:
        if v.dimension != "units" or v.source != "table":
            continue
        unit = v.name.split("@")[0].replace("_", " ")
        scale = UNIT_SCALES[unit]
        for t in v.truth:
            assert _number(t.printed) * scale == Decimal(int(t.value)), (v.id, t.printed, t.value)
        seen.add(unit)
        assert unit in "\n".join(v.lines), v.id  # the unit is printed somewhere: caption, header, row or note
    assert seen == set(UNIT_SCALES)
    tkr_to_mnkr = next(v for v in variants if v.unit == "af-fk-2019:t0" and v.name == "mnkr@note_line")
    t = next(t for t in tkr_to_mnkr.truth if t.printed == "345,4")
    assert t.value == 345_400_000 and "Anm.: Belopp i mnkr." in tkr_to_mnkr.lines


def test_sentence_amounts_keep_their_value(variants):
    scales = {"mnkr": 10 ** 6, "mkr": 10 ** 6, "tkr": 1000, "kronor": 1, "miljarder_kronor": 10 ** 9}
    for v in variants:
        if v.dimension == "units" and v.source == "sentence":
            for t in v.truth:
                if t.unit == "kronor" and t.printed.endswith(v.name.replace("_", " ")):
                    assert _number(t.printed) * scales[v.name] == Decimal(int(t.value)), (v.id, t.printed)


def test_reformatted_numbers_keep_their_value(variants, baseline):
    for v in variants:
        if v.dimension not in ("number_format", "footnote_markers", "caption_numbering", "caption_position",
                               "orientation", "grouped_headers"):
            continue
        for t in v.truth:
            if not re.search(r"\d", baseline[v.unit][t.gid].printed):
                assert t.printed == baseline[v.unit][t.gid].printed, (v.id, t.printed)  # a figure in words
                continue
            before = _number(baseline[v.unit][t.gid].printed)
            after = _number(t.printed)
            if v.name == "fraction_under_andel" and after != before:
                assert after * 100 == before and "," in t.printed, (v.id, t.printed)
            else:
                assert after == before, (v.id, t.printed, baseline[v.unit][t.gid].printed)
        if v.name.startswith("sep_") and v.name != "sep_space":
            sep = {"sep_nbsp": "\u00a0", "sep_thin": "\u2009", "sep_narrow_nbsp": "\u202f", "sep_none": ""}[v.name]
            grouped = [t.printed for t in v.truth if t.printed != baseline[v.unit][t.gid].printed
                       and len(re.sub(r"\D", "", t.printed.split(",")[0])) >= 4]
            assert grouped and all(sep in p if sep else not re.search(r"\d\s\d", p) for p in grouped), v.id


def test_number_words_state_the_true_value(variants, baseline):
    names = set()
    for v in variants:
        if v.dimension != "number_words":
            continue
        names.add(v.name)
        for t in v.truth:
            if t.printed == baseline[v.unit][t.gid].printed:
                continue
            words = re.sub(r"^(?:nära|ungefär|drygt|knappt|runt|cirka|mer än|över)\s+", "", t.printed, flags=re.I)
            share = share_word_value(words)
            if share is not None:
                assert share == t.value, (v.id, t.printed)
            elif re.match(r"[+\-]?\d", words):
                assert _number(words) == Decimal(str(t.value)), (v.id, t.printed)
    assert names == {"digits_to_words", "percent_to_share_words", "words_to_digits"}


def test_added_qualifier_words_set_the_qualifier(variants, baseline):
    words = {"cirka": "approximate", "omkring": "approximate", "ungefär": "approximate", "drygt": "approximate",
             "runt": "approximate", "över": "over", "mer än": "over", "minst": "over", "mindre än": "under",
             "upp till": "under"}
    checked = 0
    for v in variants:
        if v.dimension != "qualifiers":
            continue
        line = v.lines[v.truth[0].line - 1]
        for t in v.truth:
            if t.qualifier == baseline[v.unit][t.gid].qualifier:
                continue
            at = [s for s, _ in occurrences(line, t.printed)]
            assert len(at) == 1, (v.id, t.printed)
            before = line[:at[0]].lower()
            word = next(w for w in sorted(words, key=len, reverse=True) if before.endswith(w + " "))
            assert words[word] == t.qualifier, (v.id, t.printed, word)
            checked += 1
    assert checked > 50


def test_reordered_sentences_are_the_same_sentences(variants, sources):
    by_unit = {u.id: u for u in sources.sentences}
    n = 0
    for v in variants:
        if v.name != "sentences_reordered":
            continue
        original = by_unit[v.unit].marked.text
        line = v.lines[v.truth[0].line - 1]
        parts = lambda text: sorted(text[a:b] for a, b in sentence_bounds(text))
        assert parts(line) == parts(original) and line != original, v.id
        n += 1
    assert n >= 20


def test_transposed_and_grouped_tables_keep_each_figure_under_its_labels(variants, gold):
    """A table figure's line starts with its row label (rows and columns swap in a transposed table)."""
    for v in variants:
        if v.source != "table" or v.dimension not in ("baseline", "orientation", "grouped_headers"):
            continue
        for t in v.truth:
            g = gold[t.gid]
            stub = _norm(v.lines[t.line - 1].split("\t")[0])
            want = g["col_header"] if v.dimension == "orientation" else g["row_header"]
            assert stub == _norm(str(want)), (v.id, stub, want)


def test_variant_documents_give_the_reporting_year(tmp_path, variants):
    from ingest.reader import read_path

    picked = [next(v for v in variants if v.source == s and v.dimension == "baseline") for s in ("table", "sentence")]
    for v, path in zip(picked, write_all(picked, tmp_path)):
        doc = read_path(path, doc_id=v.id)
        assert doc.metadata.reporting_year == v.year
        assert not doc.metadata.from_manifest


# --- the text machinery ----------------------------------------------------------------------------

def _truth(printed: str, value: float) -> Truth:
    return Truth(gid=0, doc="d", printed=printed, value=value, unit="antal", period="2030", breakdown=(),
                 measure="m", qualifier="exact", kind="body")


def test_marked_edits_move_and_resize_the_figures():
    text = "Under 2030 genomfördes 8 662 möten och 70 procent var kvinnor."
    spans = [Span(s, e, (_truth(text[s:e], v),), v) for (s, e), v in
             ((occurrences(text, "8 662")[0], 8662), (occurrences(text, "70")[0], 70))]
    m = Marked(text, spans)
    m2 = m.insert(spans[0].start, "cirka ")  # before a figure: the figure moves
    assert [m2.printed(s) for s in m2.spans] == ["8 662", "70"]
    at = m2.text.index("70 procent")
    m3 = m2.replace(at, at + len("70 procent"), "sju av tio")  # covering a figure: the words become it
    assert [m3.printed(s) for s in m3.spans] == ["8 662", "sju av tio"]
    with pytest.raises(ValueError):
        m3.replace(m3.spans[0].start + 2, m3.spans[1].start, "x")  # an edit that cuts a figure
    assert [t.printed for t in m3.truths()] == ["8 662", "sju av tio"]


def test_occurrences_find_whole_figures_only():
    text = "Av de 8 662 kartläggningarna 2019 var 662 i Stockholm och 62 procent kvinnor."
    assert [text[s:e] for s, e in occurrences(text, "662")] == ["662"]
    assert occurrences(text, "62") == [(text.index(" 62 ") + 1, text.index(" 62 ") + 3)]
    assert occurrences(text, "19") == []


def test_swedish_number_formatting_is_exact():
    assert fmt_decimal(Decimal(345400000) / 10 ** 6) == "345,4"
    assert fmt_decimal(Decimal(345400000) / 10 ** 9) == "0,3454"
    assert fmt_decimal(Decimal(-5000000) / 10 ** 6) == "-5"
    assert fmt_decimal(Decimal("0.097"), min_decimals=2) == "0,097"
    assert fmt_decimal(Decimal(1), min_decimals=2) == "1,00"
    assert regroup("5788", "\u00a0") == "5\u00a0788" and regroup("8 662", "") == "8662" and regroup("905", " ") == "905"
    assert regroup("-5 000", "\u2009") == "-5\u2009000"
    assert share_word_value("sju av tio") == 70 and share_word_value("Tre av fyra") == 75
    assert share_word_value("hälften") == 50 and share_word_value("en femtedel") == 20


# --- the floor ------------------------------------------------------------------------------------

# Measured on 2026-12-05 against the extractor in the working tree at the time (144 variant documents,
# 1159 true facts, see floor_sample; about 14 s with the pipeline loaded): recall in percent over
# all true facts of the sample, per dimension, as found (value on its line) / full (value, period and
# breakdown) / measure:
#   baseline 99.8/92.9/96.2, caption_numbering 100.0/100.0/100.0, caption_position
#   100.0/100.0/100.0, orientation 100.0/100.0/100.0, grouped_headers 100.0/100.0/100.0, units
#   100.0/91.9/82.3, number_format 100.0/94.2/95.9, footnote_markers 100.0/88.9/97.5, qualifiers
#   100.0/79.5/88.6, number_words 100.0/80.5/100.0, reworded 100.0/97.5/100.0
# Each floor is 5 points under that.
MEASURED = {
    "baseline": (99.8, 92.9, 96.2),
    "caption_numbering": (100.0, 100.0, 100.0),
    "caption_position": (100.0, 100.0, 100.0),
    "orientation": (100.0, 100.0, 100.0),
    "grouped_headers": (100.0, 100.0, 100.0),
    "units": (100.0, 91.9, 82.3),
    "number_format": (100.0, 94.2, 95.9),
    "footnote_markers": (100.0, 88.9, 97.5),
    "qualifiers": (100.0, 79.5, 88.6),
    "number_words": (100.0, 80.5, 100.0),
    "reworded": (100.0, 97.5, 100.0),
}


def floor_sample(variants):
    """4 table variants per dimension among the small tables (<= 40 true facts) and 10 sentence
    variants per dimension, seed 0, with the baselines of the units drawn."""
    tables = sample([v for v in variants if v.source == "table" and len(v.truth) <= 40], 4, seed=0)
    sentences = sample([v for v in variants if v.source == "sentence"], 10, seed=0)
    return tables + sentences


def test_recall_per_dimension_stays_above_its_floor(variants, nlp, matcher):
    from benchmarks import bench_variants

    bench_variants.use_pipeline(nlp, matcher)
    results, _, _ = bench_variants.run(floor_sample(variants), jobs=1)
    recall = bench_variants.measure_recall(results)
    low = []
    for dim, (found, full, measure) in MEASURED.items():
        got = recall[dim]
        for name, floor in (("found", found - 5), ("full", full - 5), ("measure", measure - 5)):
            if got[name] < floor:
                low.append(f"{dim} {name} {got[name]:.1f} < {floor:.1f}")
    assert not low, "; ".join(low)
