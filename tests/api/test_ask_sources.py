"""Which facts answer a reading (issue 13): a state that holds from a year on, and a table or passage
that gives a figure only split one step further than asked.

The reports, measures and figures here are made up (fire drills in two made-up municipalities) and in
no benchmark question file: each test says what a mechanism does, not that one question works.
"""
from __future__ import annotations

import pytest

from api.answer.ask import Asker, finer_splits, holds_in_year
from ingest import store as ingest_store
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
