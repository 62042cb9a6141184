"""What "hur många X" counts decides between two count measures the rest of the question fits (issue 13):
"hur många stationer ingick i räddningsförbunden" asks for stations, not for förbund.

The measures and figures are made up (fire services) and in no benchmark question file."""
from __future__ import annotations

import sqlite3

import pytest

from api.answer.ask import Asker
from ingest import store as ingest_store
from nlp import store as nlp_store
from nlp.records import Fact, Measure

SERVICES = [
    Measure(key="forbund_antal", label="Antal räddningsförbund", unit="antal", definition="Antal räddningsförbund i landet.",
            lemmas=("räddningsförbund", "förbund"), phrases=("förbund bildades",), synonyms=("rtj-förbund", "rtj-förbunden")),
    Measure(key="forbund_stationer_antal", label="Antal stationer i räddningsförbund", unit="antal",
            definition="Antal brandstationer som ingår i något räddningsförbund.", lemmas=("station",),
            phrases=("stationer ingick",)),
]


def fact(fid, measure, value, quote) -> Fact:
    return Fact(id=fid, doc="rf-2030", source_file="rf-2030.txt", measure=measure, measure_label=measure, period="2030",
                breakdown=(), value=value, printed=str(value), unit="antal", kind="body", line=int(fid[1:]), quote=quote)


@pytest.fixture(scope="module")
def services(tmp_path_factory):
    path = tmp_path_factory.mktemp("rf") / "rf.db"
    with ingest_store.building(path) as conn:
        nlp_store.save_measures(conn, SERVICES)
        nlp_store.save_facts(conn, [fact("f1", "forbund_antal", 41, "År 2030 fanns 41 räddningsförbund."),
                                    fact("f2", "forbund_stationer_antal", 512,
                                         "I förbunden ingick 512 stationer 2030.")],
                             {"rf-2030": ("2031-03-01", 2030)})
    conn = sqlite3.connect(path)
    conn.row_factory = sqlite3.Row
    return Asker(conn)


def test_hur_manga_names_what_is_counted(services):
    answer = services.ask("hur många stationer var med i rtj-förbunden 2030", k=0)
    assert [a["value"] for a in answer.answers] == [512]


def test_a_count_of_the_things_the_question_names_stays(services):
    answer = services.ask("hur många rtj-förbund fanns 2030", k=0)
    assert [a["value"] for a in answer.answers] == [41]
