"""benchmarks/icdar2013.py: ICDAR 2013 -str.xml files to the benchmark's truth grids."""
from __future__ import annotations

import json

from benchmarks.bench_pdf_tables import load_fixtures
from benchmarks.icdar2013 import convert

# Two tables in the dataset's own mix of styles. Table 1 is on page 1: a header cell that
# spans two columns, one spanning two rows, two-line contents. Table 2 runs over pages 1
# and 2 in two regions; the second region numbers its rows from 0 again and its
# row-increment lays them under the first region's, and its first column is number 1 with
# col-increment -1.
STR_XML = """<?xml version="1.0" encoding="UTF-8"?>
<document filename="us-999-str.xml">
    <table id="1">
        <region col-increment="0" id="1" page="1" row-increment="0">
            <cell end-row="1" id="1" start-col="0" start-row="0">
                <bounding-box x1="10" x2="50" y1="500" y2="520"/>
                <content>Country</content>
            </cell>
            <cell end-col="2" id="2" start-col="1" start-row="0">
                <content>Releases
to air</content>
            </cell>
            <cell id="3" start-col="1" start-row="1"><content>2011</content></cell>
            <cell id="4" start-col="2" start-row="1"><content>2012</content></cell>
            <cell id="5" start-col="0" start-row="2"><content>  Belgium  </content></cell>
            <cell id="6" start-col="1" start-row="2"><content>1 200</content></cell>
            <cell id="7" start-col="2" start-row="2"><content>1,350
</content></cell>
        </region>
    </table>
    <table id='2'>
        <region page='1' id='1' col-increment='0' row-increment='0'>
            <cell id='1' start-row='0' start-col='0'><content>Year</content></cell>
            <cell id='2' start-row='0' start-col='1'><content>Total</content></cell>
            <cell id='3' start-row='1' start-col='0'><content>2010</content></cell>
            <cell id='4' start-row='1' start-col='1'><content>5</content></cell>
        </region>
        <region page='2' id='2' col-increment='-1' row-increment='2'>
            <cell id='1' start-row='0' start-col='1'><content>2011</content></cell>
            <cell id='2' start-row='0' start-col='2'><content>6</content></cell>
            <cell id='3' start-row='1' start-col='1' end-col='2'><content>Source: an
office</content></cell>
        </region>
    </table>
</document>
"""


def test_convert_writes_exact_grids(tmp_path):
    src, out = tmp_path / "src", tmp_path / "out"
    src.mkdir()
    (src / "us-999-str.xml").write_text(STR_XML, encoding="utf-8")
    (src / "us-999.pdf").write_bytes(b"not a real PDF")  # page count falls back to the truth's last page
    # an alternative ground truth has no PDF of its own name: left out
    (src / "us-999b-str.xml").write_text(STR_XML, encoding="utf-8")

    assert convert(src, out) == ["us-999"]
    assert sorted(p.name for p in out.iterdir()) == ["us-999.pdf", "us-999.truth.json"]
    truth = json.loads((out / "us-999.truth.json").read_text(encoding="utf-8"))

    assert truth["file"] == "us-999.pdf"
    assert truth["producer"] == "icdar2013-us"
    assert truth["pages"] == 2
    assert (truth["hazards"], truth["footnotes"], truth["toc"], truth["not_tables"]) == ([], [], None, [])
    assert [t["id"] for t in truth["tables"]] == ["t1", "t2"]

    first, second = truth["tables"]
    assert first["pages"] == [1]
    assert first["rows"] == [
        ["Country", "Releases to air", ""],
        ["", "2011", "2012"],
        ["Belgium", "1 200", "1,350"],
    ]
    assert second["pages"] == [1, 2]
    assert second["rows"] == [
        ["Year", "Total"],
        ["2010", "5"],
        ["2011", "6"],
        ["Source: an office", ""],
    ]

    # and the benchmark reads it
    (fixture,) = load_fixtures(out)
    assert fixture.producer == "icdar2013-us"
    assert [t.pages for t in fixture.tables] == [(1,), (1, 2)]
    assert fixture.tables[1].rows == second["rows"]


def test_eu_producer_and_shifted_grid(tmp_path):
    # rows numbered from 1 (row-increment 0) and a first column left empty: the grid starts at
    # the first row and column that have a cell
    xml = """<document><table id="1"><region page="3" row-increment="0" col-increment="0">
      <cell start-row="1" start-col="1"><content>a</content></cell>
      <cell start-row="2" start-col="2"><content>b</content></cell>
    </region></table></document>"""
    (tmp_path / "eu-001-str.xml").write_text(xml, encoding="utf-8")
    (tmp_path / "eu-001.pdf").write_bytes(b"")
    convert(tmp_path, tmp_path / "out")
    truth = json.loads((tmp_path / "out" / "eu-001.truth.json").read_text(encoding="utf-8"))
    assert truth["producer"] == "icdar2013-eu"
    assert truth["pages"] == 3
    assert truth["tables"][0]["rows"] == [["a", ""], ["", "b"]]
