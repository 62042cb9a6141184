"""`rapportkoll series`, `ask --format csv`, `export --format xlsx` and `--dialect excel-sv`, `serve --cors`."""
from __future__ import annotations

import io
import json

import pandas as pd
import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from api.cli import cli


def run(*args: str):
    result = CliRunner().invoke(cli, list(args))
    return result


def test_series_table(tiny_db):
    r = run("series", "moten_antal", "--db", str(tiny_db))
    assert r.exit_code == 0, r.output
    lines = r.output.splitlines()
    assert lines[0] == "Antal möten (moten_antal, antal): 3 värden"
    assert lines[1].split()[:3] == ["period", "breakdown", "value"]
    assert [ln.split()[:3] for ln in lines[3:]] == [["2019", "totalt", "100"], ["2020", "totalt", "125"], ["2020", "kvinnor", "60"]]


def test_series_filters_and_machine_formats(tiny_db):
    body = json.loads(run("series", "moten_antal", "--db", str(tiny_db), "--kon", "kvinnor", "--format", "json").output)
    assert [(row["period"], row["value"]) for row in body["rows"]] == [("2020", 60)]
    assert body["measure"] == {"key": "moten_antal", "label": "Antal möten", "unit": "antal"}
    csv_text = run("series", "moten_antal", "--db", str(tiny_db), "--total", "--format", "csv").output
    frame = pd.read_csv(io.StringIO(csv_text))
    assert list(frame["value"]) == [100, 125] and list(frame["period_type"]) == ["year", "year"]
    ds = json.loads(run("series", "moten_antal", "--db", str(tiny_db), "--format", "jsonstat").output)
    assert ds["id"] == ["measure", "period", "kon", "forman", "alder", "myndighet", "vintage"]


def test_series_xlsx_and_swedish_csv_to_files(tiny_db, tmp_path):
    out = tmp_path / "moten.xlsx"
    r = run("series", "moten_antal", "--db", str(tiny_db), "--format", "xlsx", "-o", str(out))
    assert r.exit_code == 0 and "skrev 3 rader" in r.output
    book = load_workbook(out)
    assert [row[9] for row in book["Data"].iter_rows(min_row=2, values_only=True)] == [100, 125, 60]
    sv = tmp_path / "moten.csv"
    run("series", "moten_antal", "--db", str(tiny_db), "--format", "csv", "--dialect", "excel-sv", "-o", str(sv))
    assert sv.read_bytes().startswith(b"\xef\xbb\xbf")
    assert list(pd.read_csv(sv, sep=";", decimal=",", encoding="utf-8-sig")["value"]) == [100, 125, 60]


def test_series_unknown_measure_is_a_clear_error(tiny_db):
    r = run("series", "nope", "--db", str(tiny_db))
    assert r.exit_code == 1 and "unknown measure 'nope'; `rapportkoll measures` lists them" in r.output


def test_ask_csv(tiny_db):
    r = run("ask", "möten kvinnor 2020", "--db", str(tiny_db), "--format", "csv", "--passages", "0")
    assert r.exit_code == 0, r.output
    assert r.output.splitlines()[0].startswith("value,unit,period,measure,breakdown,doc,")
    assert r.output.splitlines()[1].startswith('60,antal,2020,moten_antal,"{""kon"": ""kvinnor""}",tiny,')


def test_export_xlsx_and_tidy_columns(built_db, tmp_path):
    out = tmp_path / "dataset.xlsx"
    r = run("export", "--db", str(built_db), "--format", "xlsx", "-o", str(out))
    assert r.exit_code == 0, r.output
    book = load_workbook(out)
    assert book.sheetnames == ["Data", "Om datat"]
    rows = list(book["Data"].iter_rows(values_only=True))
    header = rows[0]
    for column in ("period_type", "period_start", "period_end", "change", "is_total", "grupp"):
        assert column in header
    csv_frame = pd.read_csv(io.StringIO(run("export", "--db", str(built_db)).output))
    assert len(rows) - 1 == len(csv_frame)
    assert list(csv_frame.columns) == list(header)
    value = header.index("value")
    assert all(isinstance(row[value], (int, float)) for row in rows[1:])
    # a group's row is not a total, though its kön and förmån are empty
    grupp, is_total = header.index("grupp"), header.index("is_total")
    assert any(row[grupp] for row in rows[1:]) and not any(row[is_total] for row in rows[1:] if row[grupp])


def test_export_swedish_csv(built_db, tmp_path):
    out = tmp_path / "dataset.csv"
    assert run("export", "--db", str(built_db), "--dialect", "excel-sv", "-o", str(out)).exit_code == 0
    sv = pd.read_csv(out, sep=";", decimal=",", encoding="utf-8-sig")
    plain = pd.read_csv(io.StringIO(run("export", "--db", str(built_db)).output))
    assert len(sv) == len(plain) and list(sv.columns) == list(plain.columns)
    assert sv["value"].tolist() == pytest.approx(plain["value"].tolist())


@pytest.mark.parametrize("origin, ok", [("https://dashboards.example.se", True), ("*", True),
                                        ("dashboards.example.se", False), ("https://x.se/path", False)])
def test_serve_cors_origin_is_checked(tiny_db, origin, ok):
    r = run("serve", "--db", str(tiny_db), "--lexical-only", "--cors", origin, "--get", "/health")
    if ok:
        assert r.exit_code == 0 and json.loads(r.output)["ok"] is True
    else:
        assert r.exit_code == 2 and "is no origin" in r.output
