"""Downloads as analysts open them: the whole result in every format, Swedish Excel's CSV, xlsx,
JSON-stat with one dimension per variable read by outside readers, the tidy columns, CORS.

The corpus KB as `build` makes it has more facts than one JSON page may hold, so a download
that stopped at a page would be caught here.
"""
from __future__ import annotations

import io
import json

import pandas as pd
import pytest
from fastapi.testclient import TestClient
from openpyxl import load_workbook

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def json_total(client, path: str) -> int:
    return client.get(path).json()["total"]


def workbook(response):
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == XLSX
    return load_workbook(io.BytesIO(response.content))


# -- the whole result ---------------------------------------------------------------------------

def test_csv_download_has_every_fact_beyond_a_page(built_client):
    total = json_total(built_client, "/facts")
    assert total > 1000  # more than the largest JSON page
    frame = pd.read_csv(io.StringIO(built_client.get("/facts?format=csv").text))
    assert len(frame) == total
    frame = pd.read_csv(io.StringIO(built_client.get("/facts", headers={"Accept": "text/csv"}).text))
    assert len(frame) == total


def test_swedish_excel_csv(built_client):
    r = built_client.get("/facts?format=csv&dialect=excel-sv&measure=omstallningsmoten_andel")
    assert r.content.startswith(b"\xef\xbb\xbf")  # UTF-8 BOM: Excel then reads å, ä, ö right
    text = r.content.decode("utf-8-sig")
    assert text.splitlines()[0].startswith("id;doc;source_file;published;measure;")
    frame = pd.read_csv(io.StringIO(text), sep=";", decimal=",")
    rows = built_client.get("/facts?measure=omstallningsmoten_andel&limit=1000").json()["rows"]
    assert len(frame) == len(rows)
    assert frame["value"].dtype.kind == "f"
    assert sorted(frame["value"]) == sorted(r["value"] for r in rows)
    assert any(not float(v).is_integer() for v in frame["value"])  # a decimal comma was read as one
    assert "Omställningsmöte" in " ".join(frame["measure_label"].astype(str)) or "omställningsmöte" in text


def test_plain_csv_stays_plain(tiny_client):
    r = tiny_client.get("/facts?format=csv")
    assert not r.content.startswith(b"\xef\xbb\xbf") and r.text.startswith("id,doc,")


@pytest.mark.parametrize("path", ["/facts", "/measures", "/documents", "/inconsistencies", "/series/gemensamma_kartlaggningar_antal"])
def test_every_list_downloads_whole_as_csv_and_xlsx(built_client, path):
    body = built_client.get(path).json()
    total = body["total"]
    csv_rows = pd.read_csv(io.StringIO(built_client.get(path, params={"format": "csv", "limit": 1}).text))
    assert len(csv_rows) == total
    sv = built_client.get(path, params={"format": "csv", "dialect": "excel-sv"}).content.decode("utf-8-sig")
    assert len(pd.read_csv(io.StringIO(sv), sep=";", decimal=",")) == total
    book = workbook(built_client.get(path, params={"format": "xlsx", "limit": 1}))
    assert book.sheetnames == ["Data", "Om datat"]
    data = book["Data"]
    assert data.max_row == total + 1
    assert [c.value for c in data[1]] == list(csv_rows.columns)


def test_xlsx_cells_are_typed_and_sourced(built_client):
    r = built_client.get("/facts?format=xlsx&measure=gemensamma_kartlaggningar_antal")
    assert r.headers["content-disposition"] == 'attachment; filename="fakta.xlsx"'
    book = workbook(r)
    data = book["Data"]
    assert data.freeze_panes == "A2"
    header = [c.value for c in data[1]]
    values = [row[header.index("value")] for row in data.iter_rows(min_row=2, values_only=True)]
    assert values and all(isinstance(v, (int, float)) for v in values)
    total = json_total(built_client, "/facts?measure=gemensamma_kartlaggningar_antal")
    assert int(r.headers["x-total-count"]) == total == len(values)
    about = {row[0]: row[1] for row in book["Om datat"].iter_rows(values_only=True) if row and row[0]}
    assert about["Rader"] == total
    assert about["Urval"] == "measure=gemensamma_kartlaggningar_antal"
    assert about["Kunskapsbasen byggd"] not in (None, "okänt")
    # the measure's definition and every report the rows come from
    assert "gemensamma_kartlaggningar_antal" in about
    docs = {row[header.index("doc")] for row in data.iter_rows(min_row=2, values_only=True)}
    assert docs and docs <= set(about)


def test_accept_xlsx(tiny_client):
    book = workbook(tiny_client.get("/facts", headers={"Accept": XLSX}))
    assert book["Data"].max_row == 1 + 4


def test_ask_and_search_download(tiny_client):
    r = tiny_client.get("/ask?q=möten kvinnor 2020&format=xlsx")
    rows = list(workbook(r)["Data"].iter_rows(values_only=True))
    assert rows[0][:3] == ("value", "unit", "period") and rows[1][:3] == (60, "antal", "2020")
    text = tiny_client.get("/search?q=möten&format=csv&dialect=excel-sv").content.decode("utf-8-sig")
    assert text.startswith("id;doc;source_file;kind;")


def test_text_that_looks_like_a_formula_stays_text():
    from api.http.downloads import About, render_xlsx

    book = load_workbook(io.BytesIO(render_xlsx([{"quote": "=HYPERLINK(\"x\")", "value": 1.5}], ["quote", "value"],
                                                About(title="t"))))
    cell = book["Data"]["A2"]
    assert (cell.value, cell.data_type) == ('=HYPERLINK("x")', "s")
    assert book["Data"]["B2"].value == 1.5


# -- JSON-stat, one dimension per variable --------------------------------------------------------

def test_jsonstat_passes_an_outside_validator_and_pyjstat(built_client):
    from jsonstat_validator import validate_jsonstat
    from pyjstat import pyjstat

    ds = built_client.get("/series/gemensamma_kartlaggningar_antal?outputFormat=json-stat2").json()
    assert validate_jsonstat(ds) is True
    assert {"kon", "forman", "alder", "myndighet"} <= set(ds["id"])
    frame = pyjstat.Dataset.read(json.dumps(ds)).write("dataframe").dropna(subset=["value"])
    series = built_client.get("/series/gemensamma_kartlaggningar_antal").json()["rows"]
    assert len(frame) == len(series)
    # slice by kön alone: women, every förmån taken together
    women = frame[(frame["kön"] == "kvinnor") & (frame["förmån"] == "Totalt") & (frame["ålder"] == "Totalt")]
    expected = [r for r in series if r["breakdown"] == {"kon": "kvinnor"}]
    assert expected and sorted(women["value"]) == sorted(r["value"] for r in expected)


def test_jsonstat_gives_other_breakdown_keys_a_dimension():
    from api.answer.series import to_jsonstat

    rows = [{"period": "2019", "breakdown": {}, "doc": "a", "value": 10, "qualifier": "exact", "fact_id": "f1"},
            {"period": "2019", "breakdown": {"grupp": "övriga"}, "doc": "a", "value": 3, "qualifier": "cirka", "fact_id": "f2"}]
    ds = to_jsonstat({"key": "m", "label": "M", "unit": "antal"}, rows, {})
    assert ds["id"] == ["measure", "period", "kon", "forman", "alder", "myndighet", "grupp", "vintage"]
    assert ds["dimension"]["grupp"]["category"]["index"] == {"totalt": 0, "övriga": 1}
    assert ds["value"] == [10, 3]


# -- tidy columns -------------------------------------------------------------------------------

def test_facts_rows_say_what_kind_of_period(built_client):
    rows = built_client.get("/facts?limit=1000").json()["rows"]
    kinds = {r["period_type"] for r in rows}
    assert {"year", "span"} <= kinds
    for r in rows:
        if r["period_type"] == "year":
            assert r["period_start"] == r["period_end"] == int(r["period"])
        if r["period_type"] in ("span", "change"):
            assert f"{r['period_start']}-{r['period_end']}" == r["period"]


def test_facts_download_has_a_column_per_breakdown_key(built_client):
    frame = pd.read_csv(io.StringIO(built_client.get("/facts?format=csv").text))
    keys = set()
    for b in frame["breakdown"].dropna():
        keys |= set(json.loads(b))
    assert keys - {"kon", "forman", "alder", "myndighet"}, "the corpus has other breakdown keys"
    for key in keys:
        assert key in frame.columns
    # a group's figure is no total
    groups = frame[frame["grupp"].notna()] if "grupp" in frame.columns else frame.iloc[0:0]
    assert not groups.empty and not groups["is_total"].any()


@pytest.mark.parametrize("period, unit, breakdown, expected", [
    ("2019", "antal", {}, ("year", 2019, 2019, "", True)),
    ("2018-2022", "antal", {}, ("span", 2018, 2022, "", True)),
    ("2018-2019", "procentenheter", {}, ("change", 2018, 2019, "förändring", True)),
    ("2009-2010", "antal", {"forandring": "ökning"}, ("change", 2009, 2010, "ökning", True)),
    ("2022", "procentenheter", {"skillnad": "män-kvinnor"}, ("year", 2022, 2022, "", False)),  # a gap, not a change
    ("2019", "antal", {"grupp": "övriga"}, ("year", 2019, 2019, "", False)),
])
def test_period_fields(period, unit, breakdown, expected):
    from api.store.tidy import PERIOD_COLUMNS, period_fields

    assert tuple(period_fields(period, unit, breakdown)[k] for k in PERIOD_COLUMNS) == expected


# -- CORS -----------------------------------------------------------------------------------------

def test_cors_is_off_by_default(tiny_client):
    r = tiny_client.get("/health", headers={"Origin": "https://dashboards.example.se"})
    assert "access-control-allow-origin" not in r.headers


def test_cors_opt_in(tiny_db):
    from api.http.app import create_app

    app = create_app(tiny_db, load_model=False, cors_origins=["https://dashboards.example.se"])
    with TestClient(app) as client:
        r = client.get("/facts?limit=1", headers={"Origin": "https://dashboards.example.se"})
        assert r.headers["access-control-allow-origin"] == "https://dashboards.example.se"
        assert "X-Total-Count" in r.headers["access-control-expose-headers"]
        other = client.get("/facts?limit=1", headers={"Origin": "https://evil.example"})
        assert "access-control-allow-origin" not in other.headers
        pre = client.options("/facts", headers={"Origin": "https://dashboards.example.se",
                                                "Access-Control-Request-Method": "GET"})
        assert pre.status_code == 200 and "GET" in pre.headers["access-control-allow-methods"]


def test_findings_pages_read_in_sql_add_up_to_the_download(built_client):
    total = built_client.get("/inconsistencies?limit=1").json()["total"]
    ids, offset = [], 0
    while offset is not None:
        page = built_client.get(f"/inconsistencies?limit=7&offset={offset}").json()
        ids += [r["id"] for r in page["rows"]]
        offset = page["next"]
    assert len(ids) == total == len(set(ids))
    assert ids == list(pd.read_csv(io.StringIO(built_client.get("/inconsistencies?format=csv").text))["id"])
