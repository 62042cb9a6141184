"""The HTTP API on the tiny fixture KB: every endpoint, its filters, paging, CSV as whole text, errors.

The tiny KB (kb_fixtures.write_tiny_kb) is one made-up report with four facts about "möten"
and one finding, so every expected body can be written out in full.
"""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from api.http.app import create_app
from api.cli import cli

ERROR_KEYS = {"ok", "error", "status", "errors"}


def test_health(tiny_client):
    r = tiny_client.get("/health")
    assert r.status_code == 200
    assert r.json() == {"ok": True, "documents": 1, "facts": 4, "findings": 1, "measures": 2, "chunks": 3,
                        "search": {"lexical": True, "dense": False}, "built_at": "2021-03-01 12:00:00"}


# -- /facts ---------------------------------------------------------------------------------

def ids(response) -> list[str]:
    return [row["id"] for row in response.json()["rows"]]


@pytest.mark.parametrize("query, expected", [
    ("", ["tiny:f2", "tiny:f1", "tiny:f3", "tiny:f4"]),
    ("?measure=moten_antal&period=2019", ["tiny:f2"]),
    ("?period=2020&kind=table", ["tiny:f4"]),
    ("?kon=kvinnor", ["tiny:f3"]),
    ("?period=2020&total=true", ["tiny:f1", "tiny:f4"]),
    ("?doc=tiny.txt&period=2019", ["tiny:f2"]),  # a file name works as well as an id
    ("?kon=män", []),
    ("?nonsense=1&period=2019", ["tiny:f2"]),  # unknown parameters are ignored
])
def test_facts_filters(tiny_client, query, expected):
    r = tiny_client.get("/facts" + query)
    assert r.status_code == 200
    assert ids(r) == expected
    assert r.json()["total"] == len(expected)


def test_facts_row_shape(tiny_client):
    row = tiny_client.get("/facts?kon=kvinnor").json()["rows"][0]
    assert row["value"] == 60 and isinstance(row["value"], int)
    assert row["breakdown"] == {"kon": "kvinnor"} and row["kon"] == "kvinnor"
    assert (row["doc"], row["line"], row["quote"], row["published"]) == ("tiny", 3, "Av dem var 60 med kvinnor.", "2021-03-01")


def test_facts_paging(tiny_client):
    first = tiny_client.get("/facts?limit=3").json()
    assert (first["total"], first["next"], len(first["rows"])) == (4, 3, 3)
    assert first["next_url"] == "/facts?limit=3&offset=3"
    second = tiny_client.get(first["next_url"]).json()
    # the Host header does not make the link point elsewhere
    assert tiny_client.get("/facts?limit=3", headers={"Host": "evil.example"}).json()["next_url"] == "/facts?limit=3&offset=3"
    assert [r["id"] for r in second["rows"]] == ["tiny:f4"]
    assert (second["next"], second["next_url"]) == (None, None)
    assert tiny_client.get("/facts?offset=10").json()["rows"] == []


FACTS_2020_CSV = (
    "id,doc,source_file,published,measure,measure_label,period,kon,forman,alder,myndighet,breakdown,value,printed,unit,scale,"
    "qualifier,kind,page,page_label,line,section,cell,quote,period_type,period_start,period_end,change,is_total\n"
    "tiny:f1,tiny,tiny.txt,2021-03-01,moten_antal,Antal möten,2020,,,,,{},120,120,antal,1,exact,body,,,3,,,"
    "Under 2020 genomfördes 120 möten (100 möten 2019).,year,2020,2020,,True\n"
    'tiny:f3,tiny,tiny.txt,2021-03-01,moten_antal,Antal möten,2020,kvinnor,,,,"{""kon"": ""kvinnor""}",60,60,antal,1,exact,'
    "body,,,3,,,Av dem var 60 med kvinnor.,year,2020,2020,,False\n"
    "tiny:f4,tiny,tiny.txt,2021-03-01,moten_antal,Antal möten,2020,,,,,{},125,125,antal,1,exact,table,,,7,,tiny:t0:r1c1,"
    "Tabell 1 Antal möten | 2020 | Antal: 125,year,2020,2020,,True\n"
)


@pytest.mark.parametrize("how", ["param", "accept"])
def test_facts_csv(tiny_client, how):
    if how == "param":
        r = tiny_client.get("/facts?period=2020&format=csv")
    else:
        r = tiny_client.get("/facts?period=2020", headers={"Accept": "text/csv"})
    assert r.status_code == 200
    assert r.headers["content-type"] == "text/csv; charset=utf-8"
    assert r.headers["x-total-count"] == "3"
    assert r.text == FACTS_2020_CSV


def test_csv_download_is_the_whole_result(tiny_client):
    # a spreadsheet cannot see paging headers: limit and offset apply to JSON only
    r = tiny_client.get("/facts?format=csv&limit=1&offset=1")
    assert r.text.count("\n") == 1 + 4 and "link" not in r.headers
    assert r.headers["content-disposition"] == 'attachment; filename="fakta.csv"'


def test_format_param_beats_accept(tiny_client):
    r = tiny_client.get("/facts?format=json", headers={"Accept": "text/csv"})
    assert r.headers["content-type"] == "application/json"


# -- /measures, /documents, /inconsistencies --------------------------------------------------

def test_measures(tiny_client):
    body = tiny_client.get("/measures").json()
    assert [(m["key"], m["unit"], m["facts"]) for m in body["rows"]] == [("moten_andel", "procent", 0), ("moten_antal", "antal", 4)]
    assert body["rows"][1]["breakdowns"] == ["kon"] and body["rows"][1]["synonyms"] == ["möten"]


def test_measures_csv(tiny_client):
    assert tiny_client.get("/measures?format=csv").text == (
        "key,label,unit,definition,denominator,counts_of,breakdowns,synonyms,notes,facts\n"
        'moten_andel,Andel med möte,procent,Andel som fått ett möte.,Alla som kunde få ett möte.,moten_antal,,"[""andel möten""]",,0\n'
        'moten_antal,Antal möten,antal,Antal möten under året.,,,"[""kon""]","[""möten""]",,4\n'
    )


def test_documents(tiny_client):
    body = tiny_client.get("/documents").json()
    assert body["rows"] == [{"id": "tiny", "source_file": "tiny.txt", "format": "text", "title": "Testrapport om möten",
                             "published": "2021-03-01", "reporting_year": 2020, "kind": "återrapport", "pages": None,
                             "lines": 7, "blocks": 2, "tables": 1, "footnotes": 0}]
    assert tiny_client.get("/documents?format=csv").text == (
        "id,source_file,format,title,published,reporting_year,kind,pages,lines,blocks,tables,footnotes\n"
        "tiny,tiny.txt,text,Testrapport om möten,2021-03-01,2020,återrapport,,7,2,1,0\n"
    )


@pytest.mark.parametrize("ref", ["tiny", "tiny.txt"])
def test_document_is_the_show_json(tiny_client, tiny_db, ref):
    r = tiny_client.get(f"/documents/{ref}")
    assert r.status_code == 200
    shown = CliRunner().invoke(cli, ["show", "tiny", "--db", str(tiny_db), "--format", "json"])
    assert shown.exit_code == 0, shown.output
    assert r.json() == json.loads(shown.output)
    assert r.json()["tables"][0]["rows"] == [["", "Antal"], ["2020", "125"]]


@pytest.mark.parametrize("query, expected", [
    ("", 1), ("?type=text_vs_table", 1), ("?severity=error", 1), ("?severity=info", 0), ("?measure=moten_antal&period=2020", 1),
    ("?period=2019", 0),
])
def test_inconsistencies_filters(tiny_client, query, expected):
    body = tiny_client.get("/inconsistencies" + query).json()
    assert body["total"] == expected


def test_inconsistencies_row(tiny_client):
    row = tiny_client.get("/inconsistencies").json()["rows"][0]
    assert (row["type"], row["severity"], row["expected"], row["found"], row["rank"]) == ("text_vs_table", "error", "120", "125", 1)
    assert [(f["fact"], f["value"], f["line"]) for f in row["facts"]] == [("tiny:f1", 120, 3), ("tiny:f4", 125, 7)]


def test_inconsistencies_csv(tiny_client):
    facts = ('[{""doc"": ""tiny"", ""source_file"": ""tiny.txt"", ""value"": 120, ""page"": null, ""quote"": '
             '""Under 2020 genomfördes 120 möten"", ""fact"": ""tiny:f1"", ""printed"": """", ""line"": 3, ""kind"": """", '
             '""period"": """", ""published"": """"}, {""doc"": ""tiny"", ""source_file"": ""tiny.txt"", ""value"": 125, '
             '""page"": null, ""quote"": ""2020 | Antal: 125"", ""fact"": ""tiny:f4"", ""printed"": """", ""line"": 7, '
             '""kind"": """", ""period"": """", ""published"": """"}]')
    assert tiny_client.get("/inconsistencies?format=csv").text == (
        "rank,id,type,severity,measure,period,breakdown,expected,found,explanation,facts\n"
        "1,text_vs_table:moten_antal:2020,text_vs_table,error,moten_antal,2020,{},120,125,"
        f'Texten och tabellen anger olika antal för 2020.,"{facts}"\n'
    )


# -- /series ----------------------------------------------------------------------------------

def test_series_rows(tiny_client):
    body = tiny_client.get("/series/moten_antal").json()
    assert body["measure"] == {"key": "moten_antal", "label": "Antal möten", "unit": "antal"}
    assert body["periods"] == ["2019", "2020"]
    assert body["vintages"] == [{"doc": "tiny", "title": "Testrapport om möten", "published": "2021-03-01"}]
    got = [(r["period"], r["breakdown"], r["value"], r["kind"], r["mentions"], r["mentions_agree"]) for r in body["rows"]]
    # 2020 total is printed twice (text 120, table 125): one row, the table's, with the disagreement flagged
    assert got == [("2019", {}, 100, "body", 1, True), ("2020", {}, 125, "table", 2, False),
                   ("2020", {"kon": "kvinnor"}, 60, "body", 1, True)]


def test_series_filters(tiny_client):
    assert [r["value"] for r in tiny_client.get("/series/moten_antal?kon=kvinnor").json()["rows"]] == [60]
    assert [r["value"] for r in tiny_client.get("/series/moten_antal?total=true").json()["rows"]] == [100, 125]


def test_series_csv(tiny_client):
    assert tiny_client.get("/series/moten_antal", headers={"Accept": "text/csv"}).text == (
        "measure,measure_label,unit,period,kon,forman,alder,myndighet,breakdown,value,qualifier,printed,doc,source_file,"
        "published,reporting_year,kind,page,page_label,line,quote,fact_id,mentions,mentions_agree,block,cell,"
        "period_type,period_start,period_end,change,is_total\n"
        "moten_antal,Antal möten,antal,2019,,,,,{},100,exact,100,tiny,tiny.txt,2021-03-01,2020,body,,,3,"
        "Under 2020 genomfördes 120 möten (100 möten 2019).,tiny:f2,1,True,tiny:b1,,year,2019,2019,,True\n"
        "moten_antal,Antal möten,antal,2020,,,,,{},125,exact,125,tiny,tiny.txt,2021-03-01,2020,table,,,7,"
        "Tabell 1 Antal möten | 2020 | Antal: 125,tiny:f4,2,False,,tiny:t0:r1c1,year,2020,2020,,True\n"
        'moten_antal,Antal möten,antal,2020,kvinnor,,,,"{""kon"": ""kvinnor""}",60,exact,60,tiny,tiny.txt,2021-03-01,2020,'
        "body,,,3,Av dem var 60 med kvinnor.,tiny:f3,1,True,tiny:b1,,year,2020,2020,,False\n"
    )


@pytest.mark.parametrize("query", ["format=jsonstat", "format=json-stat2", "outputFormat=json-stat2"])
def test_series_jsonstat(tiny_client, query):
    ds = tiny_client.get(f"/series/moten_antal?{query}").json()
    assert (ds["version"], ds["class"]) == ("2.0", "dataset")
    # one dimension per breakdown variable, as PxWeb has one per variable
    assert ds["id"] == ["measure", "period", "kon", "forman", "alder", "myndighet", "vintage"]
    assert ds["size"] == [1, 2, 2, 1, 1, 1, 1]
    assert len(ds["value"]) == 1 * 2 * 2 * 1 * 1 * 1 * 1
    assert ds["role"] == {"time": ["period"], "metric": ["measure"]}
    dims = ds["dimension"]
    assert set(dims) == set(ds["id"])
    assert dims["period"]["category"]["index"] == {"2019": 0, "2020": 1}
    assert dims["kon"]["category"]["index"] == {"totalt": 0, "kvinnor": 1}
    assert dims["kon"]["category"]["label"] == {"totalt": "Totalt", "kvinnor": "kvinnor"}
    assert (dims["kon"]["label"], dims["forman"]["label"]) == ("kön", "förmån")
    assert dims["forman"]["category"]["index"] == {"totalt": 0}
    assert dims["vintage"]["category"]["index"] == {"tiny": 0}
    assert dims["measure"]["category"]["unit"] == {"moten_antal": {"label": "antal", "decimals": 0}}
    # row-major: period 2019 x (totalt, kvinnor), then 2020 x (totalt, kvinnor); 2019 kvinnor is not reported
    assert ds["value"] == [100, None, 125, 60]
    assert ds["extension"]["facts"] == {"0": "tiny:f2", "2": "tiny:f4", "3": "tiny:f3"}
    assert ds["updated"] == "2021-03-01T12:00:00Z"


# -- /search and /ask ---------------------------------------------------------------------------

def test_search(tiny_client):
    body = tiny_client.get("/search?q=möten&k=2").json()
    assert (body["mode"], body["total"], body["note"]) == ("lexical", 2, "the index was built without dense vectors (lexical search only)")
    assert [(p["id"], p["kind"], p["line"]) for p in body["rows"]] == [("tiny:b1", "paragraph", 3), ("tiny:t0", "table", 5)]
    assert tiny_client.get("/search?q=möten&mode=lexical").json()["note"] is None


def test_search_csv_columns(tiny_client):
    lines = tiny_client.get("/search?q=kvinnor&format=csv").text.splitlines()
    assert lines[0] == "id,doc,source_file,kind,section,page,page_label,line,score,text"
    assert lines[1].startswith('tiny:b1,tiny,tiny.txt,paragraph,"[""Möten""]",,,3,')


def test_ask(tiny_client):
    body = tiny_client.get("/ask?q=antal möten 2020&k=1").json()
    assert body["interpretation"]["measure"] == "moten_antal" and body["interpretation"]["period"] == "2020"
    assert [(a["value"], a["kind"], a["line"], a["conflict"], a["findings"]) for a in body["answers"]] == [
        (125, "table", 7, True, ["text_vs_table:moten_antal:2020"]), (120, "body", 3, True, ["text_vs_table:moten_antal:2020"])]
    assert [c["id"] for c in body["conflicts"]] == ["text_vs_table:moten_antal:2020"]
    assert body["not_reported"] is False and len(body["passages"]) == 1


def test_ask_csv(tiny_client):
    assert tiny_client.get("/ask?q=möten kvinnor 2020&format=csv").text == (
        "value,unit,period,measure,breakdown,doc,source_file,published,page,line,kind,qualifier,printed,conflict,findings,fact_id,quote\n"
        '60,antal,2020,moten_antal,"{""kon"": ""kvinnor""}",tiny,tiny.txt,2021-03-01,,3,body,exact,60,False,,tiny:f3,'
        "Av dem var 60 med kvinnor.\n"
    )


def test_ask_not_reported(tiny_client):
    body = tiny_client.get("/ask?q=antal möten 2015").json()
    assert body["not_reported"] is True and body["answers"] == []
    assert body["message"] == "Rapporterna redovisar inte antal möten för 2015. Rapporterna har siffror för 2019, 2020."


# -- one error body -----------------------------------------------------------------------------

ERROR_SOURCES = [
    # (path, status, words the message must contain)
    ("/facts?measure=nope", 404, "unknown measure 'nope'; GET /measures lists them"),
    ("/facts?doc=nope", 404, "unknown document 'nope'; GET /documents lists them"),
    ("/inconsistencies?measure=nope", 404, "unknown measure"),
    ("/inconsistencies?type=nope", 422, "unknown finding type 'nope'; choose from "),
    ("/search?q=x&mode=dense", 422, "mode: 'dense' is not available here; use hybrid or lexical; the index was built "
                                    "without dense vectors"),  # this KB has no vectors
    ("/documents/nope", 404, "unknown document 'nope'"),
    ("/series/nope", 404, "unknown measure 'nope'"),
    ("/no/such/path", 404, "no such path '/no/such/path'"),
    ("/facts?limit=0", 422, "limit"),
    ("/facts?limit=1001", 422, "less than or equal to 1000"),
    ("/facts?limit=abc", 422, "limit"),
    ("/facts?offset=-1", 422, "offset"),
    ("/facts?offset=99999999999999999999", 422, "offset"),
    ("/facts?period=20x9", 422, "period"),
    ("/facts?kind=appendix", 422, "kind"),
    ("/facts?format=xml", 422, "format"),
    ("/facts?total=maybe", 422, "total"),
    ("/ask", 422, "q: Field required"),
    ("/ask?q=", 422, "q"),
    ("/ask?q=x&k=51", 422, "k"),
    ("/search?q=x&mode=fuzzy", 422, "mode: 'fuzzy' is not available here"),
    ("/series/moten_antal?format=xml", 422, "format"),
    ("/series/moten_antal?outputFormat=px", 422, "outputFormat"),
    ("/facts?format=csv&dialect=excel-de", 422, "dialect: Input should be 'comma' or 'excel-sv'"),
    ("/inconsistencies?severity=fatal", 422, "severity"),
]


@pytest.mark.parametrize("path, status, words", ERROR_SOURCES, ids=[p for p, _, _ in ERROR_SOURCES])
def test_error_shape(tiny_client, path, status, words):
    r = tiny_client.get(path)
    assert r.status_code == status
    body = r.json()
    assert set(body) == ERROR_KEYS
    assert body["ok"] is False and body["status"] == status
    assert words in body["error"]
    if status == 422 and not any(w in words for w in ("finding type", "not available")):
        assert body["errors"] and all(isinstance(e, str) for e in body["errors"])


def test_error_shape_wrong_method(tiny_client):
    r = tiny_client.post("/facts")
    assert r.status_code == 405
    assert r.json() == {"ok": False, "error": "POST is not allowed here; the API only answers GET", "status": 405, "errors": []}


def test_error_shape_server_error(tiny_db):
    """The catch-all must never trigger; when it does, the body has the same shape."""
    app = create_app(tiny_db, load_model=False, with_web=False)

    @app.get("/boom")
    def boom():
        raise RuntimeError("kaboom")

    r = TestClient(app, raise_server_exceptions=False).get("/boom")
    assert r.status_code == 500
    assert r.json() == {"ok": False, "error": "internal error (RuntimeError); please report it", "status": 500, "errors": []}


def test_missing_kb(tmp_path):
    with pytest.raises(FileNotFoundError, match="no knowledge base at .*none.db; run `rapportkoll build` first"):
        create_app(tmp_path / "none.db")


def test_kb_that_was_only_ingested(tmp_path, tiny_db):
    import sqlite3

    path = tmp_path / "ingested.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE documents (id TEXT)")
    with pytest.raises(FileNotFoundError, match="not a built knowledge base .no facts, measures, findings table"):
        create_app(path)
    junk = tmp_path / "junk.db"
    junk.write_text("not sqlite at all, but long enough to be read as a header " * 4)
    with pytest.raises(FileNotFoundError, match="is not a knowledge base"):
        create_app(junk)


# -- the OpenAPI schema documents every endpoint ---------------------------------------------

ENDPOINTS = ["/ask", "/search", "/facts", "/series/{measure}", "/measures", "/documents", "/documents/{doc_id}",
             "/inconsistencies", "/health"]


@pytest.mark.parametrize("path", ENDPOINTS)
def test_openapi_documents_endpoint(tiny_client, path):
    schema = tiny_client.get("/openapi.json").json()
    op = schema["paths"][path]["get"]
    assert op["summary"] and op["description"], path
    assert "application/json" in op["responses"]["200"]["content"]
    for param in op.get("parameters", []):
        assert param.get("description"), f"{path}: {param['name']} has no description"
    for status in ("404", "422") if "{" in path else ("422",) if op.get("parameters") else ():
        ref = op["responses"][status]["content"]["application/json"]["schema"]["$ref"]
        assert ref.endswith("/ErrorBody"), (path, status)
    lists = {"/search", "/facts", "/series/{measure}", "/measures", "/documents", "/inconsistencies", "/ask"}
    if path in lists:
        assert "text/csv" in op["responses"]["200"]["content"], path


def test_every_endpoint_is_in_the_docs(tiny_client):
    """docs/http-api.md names every endpoint of the schema (as sqlite-utils' test_docs does for commands)."""
    from pathlib import Path

    docs = (Path(__file__).resolve().parents[2] / "docs" / "http-api.md").read_text(encoding="utf-8")
    paths = [p for p in tiny_client.get("/openapi.json").json()["paths"] if not p.endswith(".png")]
    for path in paths:
        documented = path.replace("{doc_id}", "{id}")
        assert f"`GET {documented}" in docs, path


def test_openapi_has_examples(tiny_client):
    schema = tiny_client.get("/openapi.json").json()
    for name in ("AnswerModel", "FactsPage", "FindingsPage", "MeasuresPage", "DocumentsPage", "JsonStatDataset", "Health", "ErrorBody"):
        assert schema["components"]["schemas"][name].get("examples"), name
    ask_q = next(p for p in schema["paths"]["/ask"]["get"]["parameters"] if p["name"] == "q")
    assert "andel omställningsmöte 2019" in ask_q["schema"].get("examples", []) + ask_q.get("examples", [])


def test_head_answers_like_get_without_a_body(tiny_client):
    """issue 15: HEAD got 405 on every route; a link checker or `curl -I` then calls it broken."""
    get, head = tiny_client.get("/facts?limit=2"), tiny_client.head("/facts?limit=2")
    assert head.status_code == get.status_code == 200 and head.content == b""
    assert head.headers["content-type"] == get.headers["content-type"]
    assert tiny_client.head("/nowhere").status_code == 404


def test_errors_name_the_input_without_echoing_all_of_it(tiny_client):
    """issue 15: a 100 KB path came back whole in the error body."""
    response = tiny_client.get("/documents/" + "x" * 20_000)
    body = response.json()
    assert response.status_code == 404 and "x" * 100 in body["error"] and len(response.content) < 1_000


def test_docs_work_offline(tiny_client):
    """issue 15: /docs loaded Swagger UI from a CDN and was blank offline; its files come from this server now."""
    page = tiny_client.get("/docs")
    assert page.status_code == 200 and "cdn" not in page.text.lower()
    for asset in ("/docs-assets/swagger-ui-bundle.js", "/docs-assets/swagger-ui.css"):
        assert asset in page.text
        assert tiny_client.get(asset).status_code == 200
    assert tiny_client.get("/openapi.json").json()["info"]["title"] == "rapportkoll"
