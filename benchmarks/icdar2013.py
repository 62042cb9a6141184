"""The ICDAR 2013 table competition dataset as fixtures for benchmarks/bench_pdf_tables.py.

The dataset is the one of the ICDAR 2013 Table Competition (M. Göbel, T. Hassan, E. Oro,
G. Orsi, "ICDAR 2013 Table Competition", ICDAR 2013, pp. 1449-1453): 67 PDFs of EU and US
government documents (`eu-NNN.pdf`, `us-NNN.pdf`, 238 pages) with hand-made ground truth.
For each PDF `NAME.pdf` there is `NAME-reg.xml` (table regions) and `NAME-str.xml` (table
structure: every table, its regions with their page, and every cell with start-row,
start-col, end-row, end-col and its content). A copy is in the camelot repository
(github.com/camelot-dev/camelot, tests/files/tabula/icdar2013-dataset/competition-dataset-eu
and -us); the original was published by the competition's organisers. The dataset stays
outside this repository: neither the PDFs nor the truth made from them are committed.

This module turns a folder of those files into the truth format of
tests/data/pdf_producers/README.md: for each NAME.pdf with a NAME-str.xml beside it, a copy
of the PDF and NAME.truth.json with every table as its full grid. A cell's place in the
table is its start-row / start-col plus its region's row-increment / col-increment (how
the competition lays several regions, or a table's side-by-side column blocks, into one
grid); the grid is shifted so that its first row and column are 0. A spanning cell's text
sits in its first row and column, with "" in the places it spans, and multi-line content is
its lines joined by one space. A table whose regions are on several pages is one table with
all those pages. The producer is "icdar2013-eu" or "icdar2013-us" from the file name. The
dataset marks no captions, notes, footnotes, table of contents or regions that are not
tables, so those are left empty (hazards [], footnotes [], toc null, not_tables []).

Four documents have a second, alternative ground truth (`eu-009b-str.xml`, `us-011b`,
`us-031b`, `us-035b`, for the PDFs `eu-009a.pdf` ...; the competition counted the better
of the two). Those have no PDF of their own name and are left out: the "a" truth is used.

Usage:

    python -m benchmarks.icdar2013 SRC_DIR OUT_DIR
    python -m benchmarks.bench_pdf_tables --fixtures OUT_DIR --out benchmarks/pdf_icdar2013_results.md
"""
from __future__ import annotations

import argparse
import json
import shutil
import sys
import xml.etree.ElementTree as ET
from pathlib import Path


def cell_text(content: str | None) -> str:
    """The cell's lines, each stripped, joined by one space."""
    if not content:
        return ""
    return " ".join(line.strip() for line in content.splitlines() if line.strip())


def _int(element: ET.Element, name: str, default: int | None = None) -> int:
    value = element.get(name)
    if value is None or not value.strip():
        if default is None:
            raise ValueError(f"cell without {name}")
        return default
    return int(value)


def table_grid(table: ET.Element) -> tuple[list[int], list[list[str]]]:
    """(pages, full grid) of one <table> of a -str.xml."""
    placed: list[tuple[int, int, int, int, str]] = []  # row, col, end row, end col, text
    pages: set[int] = set()
    for region in table.iter("region"):
        if region.get("page"):
            pages.add(int(region.get("page")))
        dr = _int(region, "row-increment", 0)
        dc = _int(region, "col-increment", 0)
        for cell in region.iter("cell"):
            row, col = _int(cell, "start-row"), _int(cell, "start-col")
            r, c = row + dr, col + dc
            er, ec = _int(cell, "end-row", row) + dr, _int(cell, "end-col", col) + dc
            content = cell.find("content")
            placed.append((r, c, max(r, er), max(c, ec), cell_text(content.text if content is not None else "")))
    if not placed:
        return sorted(pages), []
    top = min(p[0] for p in placed)
    left = min(p[1] for p in placed)
    height = max(p[2] for p in placed) - top + 1
    width = max(p[3] for p in placed) - left + 1
    rows = [[""] * width for _ in range(height)]
    for r, c, _, _, text in sorted(placed, key=lambda p: (p[0], p[1])):
        here = rows[r - top][c - left]
        # two cells in one place does not happen in the dataset; keep both texts if it does
        rows[r - top][c - left] = f"{here} {text}".strip() if here else text
    return sorted(pages), rows


def convert_document(str_xml: Path, pdf: Path) -> dict:
    """The truth of one document (NAME-str.xml beside NAME.pdf)."""
    root = ET.parse(str_xml).getroot()
    name = pdf.stem
    tables = []
    for i, table in enumerate(root.iter("table"), 1):
        pages, rows = table_grid(table)
        tables.append({
            "id": f"t{table.get('id') or i}", "label": None, "caption": None, "caption_position": None,
            "pages": pages, "hazards": [], "header_rows": 0, "rows": rows, "notes": [],
        })
    return {
        "file": pdf.name,
        "producer": "icdar2013-us" if name.lower().startswith("us") else "icdar2013-eu",
        "pages": page_count(pdf, tables),
        "hazards": [],
        "tables": tables,
        "footnotes": [],
        "toc": None,
        "not_tables": [],
    }


def page_count(pdf: Path, tables: list[dict]) -> int:
    """The PDF's page count (pdfplumber), or the last page a table is on if it will not open."""
    try:
        import pdfplumber

        with pdfplumber.open(pdf) as doc:
            return len(doc.pages)
    except Exception:  # noqa: BLE001  a PDF pdfplumber cannot open is for the benchmark to report
        return max((p for t in tables for p in t["pages"]), default=0)


def convert(src: Path, out: Path, log=sys.stderr) -> list[str]:
    """Every NAME.pdf in src with NAME-str.xml beside it, into out; the names converted."""
    out.mkdir(parents=True, exist_ok=True)
    done = []
    for str_xml in sorted(src.glob("*-str.xml")):
        name = str_xml.name[: -len("-str.xml")]
        pdf = src / f"{name}.pdf"
        if not pdf.exists():
            print(f"{str_xml.name}: no {pdf.name}, left out (an alternative ground truth)", file=log)
            continue
        truth = convert_document(str_xml, pdf)
        if not (out / pdf.name).exists() or (out / pdf.name).resolve() != pdf.resolve():
            shutil.copyfile(pdf, out / pdf.name)
        (out / f"{name}.truth.json").write_text(json.dumps(truth, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        done.append(name)
    return done


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("src", type=Path, help="folder of NAME.pdf + NAME-str.xml (+ NAME-reg.xml)")
    parser.add_argument("out", type=Path, help="folder for NAME.pdf + NAME.truth.json")
    args = parser.parse_args(argv)
    done = convert(args.src, args.out)
    if not done:
        print(f"no NAME.pdf with NAME-str.xml in {args.src}", file=sys.stderr)
        return 1
    print(f"{len(done)} documents written to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
