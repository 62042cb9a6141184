"""Write the fixtures of ingest.text_cells (issue 21): small Word documents made with python-docx, in
different table shapes, and their LibreOffice plain-text exports (all figures invented).

LibreOffice's "txt:Text (encoded):UTF8" export writes every table cell as a line of its own: a cell
merged across columns gives one line, the continuation of a cell merged down gives an empty line.

- cells-years-in-rows: years down the label column, a "–" and a ".." cell, prose and a bulleted list after;
- cells-spanning-header: a year over "Kvinnor / Män / Totalt" (merged across), the corner merged down, a
  footnote mark glued to a row label ("Övriga1") and the notes as numbered paragraphs at the end;
- cells-two-and-five: a label column with two value columns (one header row), then one with five, whose
  last header is merged down over its column and whose body has an empty cell; a table under a heading
  with no caption;
- cells-two-label-columns: a förmån merged down over its kön rows (two label columns), the total row's
  label merged across both;
- cells-prose-lists: no table at all: short lines, a bulleted list, label and figure lines under a heading.

Run: .venv/bin/python tests/data/ingest_cells/make_ingest_cells.py (needs python-docx; soffice on PATH).
The .docx files are not kept: the .txt exports are the fixtures, so the tests need neither LibreOffice nor
python-docx; they compare what the reader finds with the grids in DOCUMENTS.
"""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent


def T(caption, rows, merges=(), header_rows=1):
    """A table: its caption paragraph above (None: none), its full grid (None = covered by a merge) and
    its merges (r1, c1, r2, c2), inclusive."""
    return ("table", caption, rows, list(merges), header_rows)


DOCUMENTS = {
    "cells-years-in-rows": [
        ("h1", "Utbetalningar över tid"),
        ("p", "Utbetalningarna har ökat varje år sedan 2026, med undantag för 2028 då regelverket ändrades."),
        T("Tabell 1. Utbetalningar av aktivitetsstöd, 2026–2030", [
            ["År", "Antal mottagare", "Belopp, mnkr", "Andel kvinnor, %"],
            ["2026", "12 410", "1 204,5", "47,1"],
            ["2027", "13 022", "1 310,0", "47,9"],
            ["2028", "12 876", "–", "48,3"],
            ["2029", "14 105", "1 402,8", ".."],
            ["2030", "15 330", "1 517,2", "49,0"],
        ]),
        ("p", "Källa: MiDAS."),
        ("p", "Ökningen mellan 2029 och 2030 var 9 procent. Det beror främst på att fler unga fick stöd."),
        ("bullet", "fler anvisningar till insatser"),
        ("bullet", "längre tid i program"),
        ("bullet", "högre dagersättning från 2029"),
        ("p", "Arbetsförmedlingen följer utvecklingen under 2031."),
    ],
    "cells-spanning-header": [
        ("h1", "Kartläggningar per region"),
        ("p", "Antalet kartläggningar ökade i alla regioner utom i norr. Tabell 2 visar utfallet efter kön."),
        T("Tabell 2. Kartläggningar efter region och kön, 2029 och 2030", [
            ["Region", "2029", None, None, "2030", None, None],
            [None, "Kvinnor", "Män", "Totalt", "Kvinnor", "Män", "Totalt"],
            ["Norr", "310", "205", "515", "298", "199", "497"],
            ["Mitt", "422", "280", "702", "455", "301", "756"],
            ["Syd", "514", "337", "851", "560", "362", "922"],
            ["Övriga^1", "41", "22", "63", "47", "25", "72"],
            ["Samtliga", "1 287", "844", "2 131", "1 360", "887", "2 247"],
        ], merges=[(0, 0, 1, 0), (0, 1, 0, 3), (0, 4, 0, 6)], header_rows=2),
        ("p", "Källa: SUS."),
        ("p", "Kvinnorna stod för 61 procent av kartläggningarna under 2030."),
        ("h1", "Fotnoter"),
        ("p", "1 Övriga avser personer utan känd folkbokföringsregion vid kartläggningen."),
        ("p", "2 Uppgifterna för 2029 har reviderats efter ett nytt uttag ur SUS i januari."),
    ],
    "cells-two-and-five": [
        ("h1", "Möten och medel"),
        ("p", "Omställningsmötena ökade medan kontaktmötena minskade något mellan åren."),
        T("Tabell 3. Möten efter slag, 2029 och 2030", [
            ["Slag av möte", "2029", "2030"],
            ["Omställningsmöten", "559", "612"],
            ["Kontaktmöten", "231", "248"],
            ["Avstämningsmöten", "1 904", "1 877"],
        ]),
        ("p", "Källa: Försäkringskassan."),
        T("Tabell 4. Deltagare efter insats, 2030", [
            ["Insats", "Kvinnor", "Män", "Totalt", "Därav unga", "Andel kvinnor, %"],
            [None, "Antal", "Antal", "Antal", "Antal", None],
            ["Arbetsträning", "412", "301", "713", "", "57,8"],
            ["Studiemotiverande kurs", "198", "121", "319", "88", "62,1"],
            ["Vägledning", "655", "540", "1 195", "201", "54,8"],
            ["Samtliga", "1 265", "962", "2 227", "289", "56,8"],
        ], merges=[(0, 0, 1, 0), (0, 5, 1, 5)], header_rows=2),
        ("p", "Källa: SUS."),
        ("h1", "Kostnader per län"),
        T(None, [
            ["Län", "Anslag, tkr", "Utfall, tkr", "Avvikelse, tkr"],
            ["Stockholm", "24 300", "23 954", "346"],
            ["Uppsala", "8 400", "8 234", "166"],
            ["Skåne", "19 750", "19 802", "−52"],
        ]),
        ("p", "Avvikelserna är små i alla län och förklaras av senare start av insatser."),
    ],
    "cells-two-label-columns": [
        ("h1", "Sjukpenning och sjukersättning"),
        ("p", "Fler kvinnor än män fick sjukpenning båda åren, medan sjukersättningen minskade för båda könen."),
        T("Tabell 5. Mottagare efter förmån och kön, 2029 och 2030", [
            ["Förmån", "Kön", "2029", "2030"],
            ["Sjukpenning", "Kvinnor", "8 662", "8 904"],
            [None, "Män", "5 120", "5 377"],
            ["Sjukersättning", "Kvinnor", "3 410", "3 296"],
            [None, "Män", "2 705", "2 650"],
            ["Samtliga", None, "19 897", "20 227"],
        ], merges=[(1, 0, 2, 0), (3, 0, 4, 0), (5, 0, 5, 1)]),
        ("p", "Källa: MiDAS."),
    ],
    "cells-prose-lists": [
        ("h1", "Året i korthet"),
        ("p", "Samarbetet växte under året."),
        ("p", "Fler fick stöd"),
        ("p", "412"),
        ("p", "Fler möten"),
        ("p", "612"),
        ("p", "Nöjda deltagare"),
        ("p", "87 %"),
        ("p", "Vad som hände under året:"),
        ("bullet", "nya lokaler i Umeå"),
        ("bullet", "2 nya samordnare"),
        ("bullet", "ett nytt avtal"),
        ("p", "Kontakt"),
        ("p", "Anna Andersson"),
        ("p", "Telefon 010-123 45 67"),
        ("p", "Nästa rapport kommer i mars 2032."),
    ],
}


def add_runs(paragraph, text, bold=False):
    """The text, with "^1" set as a superscript footnote mark (the export writes it as a plain digit)."""
    for i, part in enumerate(re.split(r"\^(\d+)", text)):
        if part:
            run = paragraph.add_run(part)
            run.font.superscript = i % 2 == 1 or None
            run.bold = bold or None


def add_table(doc, rows, merges, header_rows):
    t = doc.add_table(rows=len(rows), cols=len(rows[0]))
    t.style = "Table Grid"
    for r1, c1, r2, c2 in merges:
        t.cell(r1, c1).merge(t.cell(r2, c2))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            if text is not None:
                add_runs(t.cell(r, c).paragraphs[0], text, bold=r < header_rows)


def write_docx(blocks, path: Path) -> None:
    from docx import Document  # (here, so the tests can read DOCUMENTS without python-docx)
    from docx.shared import Pt

    doc = Document()
    doc.styles["Normal"].font.size = Pt(11)
    for block in blocks:
        kind = block[0]
        if kind == "h1":
            add_runs(doc.add_heading(level=1), block[1])
        elif kind == "bullet":
            add_runs(doc.add_paragraph(style="List Bullet"), block[1])
        elif kind == "table":
            _, caption, rows, merges, header_rows = block
            if caption:
                add_runs(doc.add_paragraph(style="Caption"), caption)
            add_table(doc, rows, merges, header_rows)
        else:
            add_runs(doc.add_paragraph(), block[1])
    doc.save(path)


def main() -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        sys.exit("soffice not found: the text exports need LibreOffice")
    with tempfile.TemporaryDirectory() as tmp:
        for stem, blocks in DOCUMENTS.items():
            docx = Path(tmp) / f"{stem}.docx"
            write_docx(blocks, docx)
            subprocess.run([soffice, f"-env:UserInstallation=file://{tmp}/profile", "--headless", "--convert-to",
                            "txt:Text (encoded):UTF8", "--outdir", tmp, str(docx)], check=True, capture_output=True,
                           timeout=180)
            shutil.copyfile(Path(tmp) / f"{stem}.txt", HERE / f"{stem}.txt")
            print(f"wrote {stem}.txt")


if __name__ == "__main__":
    main()
