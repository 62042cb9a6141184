"""KnowledgeBase, the notebooks' API, on the tiny fixture KB."""
from __future__ import annotations

import subprocess
import sys

import pytest

from api import KnowledgeBase


@pytest.fixture(scope="module")
def kb(tiny_db):
    with KnowledgeBase.open(tiny_db) as kb:
        yield kb


def test_import_api_is_light():
    """`import api` must not pull in pandas, FastAPI or the search index (PEP 562 lazy export)."""
    code = ("import sys, api; heavy = [m for m in ('pandas', 'fastapi', 'numpy', 'api.kb') if m in sys.modules]; "
            "print(','.join(heavy))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == ""


def test_documents_and_document(kb):
    docs = kb.documents()
    assert list(docs["id"]) == ["tiny"] and docs.loc[0, "published"] == "2021-03-01"
    doc = kb.document("tiny.txt")
    assert doc.id == "tiny" and doc.tables[0].rows == [["", "Antal"], ["2020", "125"]]
    with pytest.raises(KeyError, match="kb.documents"):
        kb.document("nope")


def test_facts(kb):
    assert list(kb.facts(period=2020, total=True)["value"]) == [120, 125]
    assert list(kb.facts(kon="kvinnor")["id"]) == ["tiny:f3"]
    assert list(kb.facts(doc="tiny.txt", kind="table")["quote"]) == ["Tabell 1 Antal möten | 2020 | Antal: 125"]
    with pytest.raises(TypeError, match="unknown breakdown filter.*kön"):
        kb.facts(kön="kvinnor")


def test_series_and_measures(kb):
    s = kb.series("moten_antal", total=True)
    assert list(zip(s["period"], s["value"], s["mentions"])) == [("2019", 100, 1), ("2020", 125, 2)]
    assert list(kb.measures()["key"]) == ["moten_andel", "moten_antal"]
    with pytest.raises(KeyError, match="kb.measures"):
        kb.series("nope")


def test_findings(kb):
    f = kb.findings(severity="error")
    assert list(f["type"]) == ["text_vs_table"]
    assert [x["fact"] for x in f.iloc[0]["facts"]] == ["tiny:f1", "tiny:f4"]
    assert kb.findings(period=2019).empty


def test_ask_and_search(kb):
    answer = kb.ask("antal möten 2020", k=1)
    assert [a["value"] for a in answer.answers] == [125, 120] and answer.passages[0].doc == "tiny"
    assert kb.ask("antal möten 2015").not_reported is True
    assert [p.id for p in kb.search("kvinnor", k=1)] == ["tiny:b1"]


def test_open_missing(tmp_path):
    with pytest.raises(FileNotFoundError, match="rapportkoll build"):
        KnowledgeBase.open(tmp_path / "none.db")
