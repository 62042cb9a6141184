"""Write the blind test report "Statistisk årsbok för Sverige 2037, kapitel 7 Samverkan inom socialförsäkringen"
(all figures and names invented) as a real Word document with python-docx, export it with LibreOffice headless to
PDF, and write the agency-style text version of the same content.

Pattern copied from tests/data/firstrun_docx/make_firstrun_pub7_internrevision.py (python-docx + soffice):
- firstrun-pub8-statistisk-arsbok-2037.docx: a chapter of a statistical yearbook: a running kicker line, a numbered
  chapter heading ("7 Samverkan inom socialförsäkringen"), an "I korthet" bullet box, a "Teckenförklaring" with the
  official-statistics symbols (– noll, .. uppgift inte tillgänglig, . kan inte förekomma, x sekretess), numbered
  sections ("7.1" .. "7.5") and CHAPTER-NUMBERED TABLES WITH THE CAPTION BELOW THE TABLE ("Tabell 7.1" .. "Tabell 7.7"),
  then the table's footnotes and a "Källa:" line; YEARS IN ROWS (7.1, 7.2, 7.4) and years in columns (7.5-7.7); a
  TWO-LEVEL HEADER with merged cells ("Kvinnor" / "Män" spanning "Antal" / "Andel (%)"); SHARES AS DECIMAL FRACTIONS
  ("0,78", the Samtliga column "1,00") in tabell 7.2; units in the headers ("Andel (%)", "mnkr", "dagar"); the symbols
  "..", "–", "." and "x" in cells; footnote markers as superscripts (Word) / "¹" (text) glued to a row or column label;
  a "därav" row structure; a closing "Definitioner" section with the rules of the rehabiliteringskedja;
- firstrun-pub8-statistisk-arsbok-2037.pdf: the docx exported by LibreOffice ("--convert-to pdf");
- firstrun-pub8-statistisk-arsbok-2037.txt: the text version, written by this script from the same content the way
  the agencies' text exports look: one paragraph per line, headings as plain lines, bullets "• ", every table row on
  ONE LINE WITH CELLS SEPARATED BY TABS (a merged header cell is followed by an empty cell), the caption line below
  the table, then the notes and the Källa line. The gold (firstrun-pub8-statistisk-arsbok-2037.facts.yaml) refers to
  this .txt.

Run: python make_firstrun_pub8_arsbok.py (writes the .docx, .pdf and .txt next to this script; the .txt in the
parent directory when the script lies in a folder named firstrun_docx).
"""
from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
STEM = "firstrun-pub8-statistisk-arsbok-2037"
DOCX = HERE / f"{STEM}.docx"
PDF = HERE / f"{STEM}.pdf"
TXT = (HERE.parent if HERE.name == "firstrun_docx" else HERE) / f"{STEM}.txt"

TITLE = "7 Samverkan inom socialförsäkringen"
KALLA_SUS = "Källa: Försäkringskassan och Arbetsförmedlingen, Samordnade uppföljningssystemet (SUS)."


def T(caption, header, rows, notes=(), spans=None):
    """header: list of header rows; spans: {(row, col): ncols} merged header cells (the merged-away cells are "")."""
    return ("table", caption, header, rows, list(notes), spans or {})


CONTENT = [
    ("kicker", "Statistisk årsbok för Sverige 2037"),
    ("h1", TITLE),
    ("p", "Kapitlet redovisar statistik om det förstärkta samarbetet mellan Försäkringskassan och "
          "Arbetsförmedlingen, om möten för omställning och kontaktmöten samt om finansiell samordning genom "
          "samordningsförbund. Uppgifterna avser i regel åren 2032–2036. Tabellerna bygger på Samordnade "
          "uppföljningssystemet (SUS), Försäkringskassans datalager och myndigheternas årsredovisningar."),
    ("h2", "I korthet"),
    ("bullet", "10 620 gemensamma kartläggningar genomfördes 2036, 780 färre än 2035."),
    ("bullet", "63,0 procent av kartläggningarna 2036 gjordes med kvinnor."),
    ("bullet", "69 procent av dem som kartlades 2036 påbörjade en rehabiliteringsinsats, den lägsta andelen under "
               "perioden."),
    ("bullet", "Av de 8 450 som avslutade en insats 2036 fick eller återfick 52 procent arbetsförmåga."),
    ("bullet", "Anslaget 1:6 Bidrag till förstärkt samarbete uppgick 2036 till 1 310,0 miljoner kronor, varav "
               "1 247,0 miljoner kronor förbrukades."),
    ("h2", "Teckenförklaring"),
    ("sym", "–\tNoll"),
    ("sym", "..\tUppgift inte tillgänglig eller för osäker för att anges"),
    ("sym", ".\tUppgift kan inte förekomma"),
    ("sym", "x\tUppgift kan inte redovisas av sekretesskäl"),
    ("h2", "7.1 Gemensam kartläggning"),
    ("p", "Gemensam kartläggning görs av Försäkringskassan och Arbetsförmedlingen tillsammans med den försäkrade för "
          "att bedöma om personen kan ta del av rehabiliteringsinsatser. Antalet kartläggningar ökade varje år från "
          "2032 till 2035 men minskade 2036 med 6,8 procent till 10 620 (tabell 7.1). Minskningen var störst bland "
          "män, vars kartläggningar minskade med 520, medan kvinnornas minskade med 260."),
    ("p", "Andelen kvinnor har legat mellan 61,0 och 63,0 procent under hela perioden 2032–2036."),
    T("Tabell 7.1 Gemensamma kartläggningar efter kön 2032–2036",
      [["År", "Totalt", "Kvinnor", "", "Män", ""],
       ["", "", "Antal", "Andel (%)", "Antal", "Andel (%)"]],
      [["2032", "10 240", "6 350", "62,0", "3 890", "38,0"],
       ["2033", "10 950", "6 830", "62,4", "4 120", "37,6"],
       ["2034", "11 180", "7 040", "63,0", "4 140", "37,0"],
       ["2035", "11 400", "6 950", "61,0", "4 450", "39,0"],
       ["2036", "10 620", "6 690", "63,0", "3 930", "37,0"]],
      notes=[KALLA_SUS], spans={(0, 2): 2, (0, 4): 2}),
    ("p", "År 2036 gjordes nästan fyra av fem kartläggningar med personer som hade sjukpenning (tabell 7.2). "
          "Andelen med aktivitetsersättning var 18 procent 2032 och 19 procent 2036. Av de 2 020 kartläggningarna "
          "med aktivitetsersättning 2036 gjordes 1 070 med kvinnor och 950 med män (tabell 7.3)."),
    T("Tabell 7.2 Gemensamma kartläggningar efter ersättning vid kartläggningen 2032–2036. Andel av samtliga "
      "kartläggningar (decimalbråk)",
      [["År", "Sjukpenning", "Aktivitetsersättning", "Övriga¹", "Samtliga"]],
      [["2032", "0,79", "0,18", "0,03", "1,00"],
       ["2033", "0,78", "0,19", "0,03", "1,00"],
       ["2034", "0,77", "0,20", "0,03", "1,00"],
       ["2035", "0,78", "0,19", "0,03", "1,00"],
       ["2036", "0,78", "0,19", "0,03", "1,00"]],
      notes=["¹ Personer med aktivitetsstöd, försörjningsstöd eller utan ersättning. Från och med 2034 ingår även "
             "personer med sjukersättning.", KALLA_SUS]),
    T("Tabell 7.3 Gemensamma kartläggningar med aktivitetsersättning efter ålder och kön 2036",
      [["Ålder, år", "Kvinnor", "Män", "Totalt"]],
      [["19–20", "x", "x", "41"],
       ["21–24", "615", "574", "1 189"],
       ["25–29", "430", "360", "790"],
       ["30–", ".", ".", "."],
       ["Totalt", "1 070", "950", "2 020"]],
      notes=["Aktivitetsersättning kan lämnas från och med juli det år den försäkrade fyller 19 år till och med "
             "månaden före den då den försäkrade fyller 30 år.", KALLA_SUS]),
    ("h2", "7.2 Rehabiliteringsinsatser och resultat"),
    ("p", "Andelen som påbörjade en rehabiliteringsinsats efter gemensam kartläggning sjönk från 73 procent 2035 till "
          "69 procent 2036, en minskning med 4 procentenheter (tabell 7.4). Antalet som avslutade en insats minskade "
          "samma år med 450 till 8 450."),
    ("p", "Av dem som avslutade en insats 2036 fick eller återfick 52 procent arbetsförmåga, vilket motsvarar 4 390 "
          "personer. Andelen har varierat mellan 52 och 55 procent sedan 2033. Den genomsnittliga tiden i samverkan "
          "har minskat varje år och var 388 dagar 2036, 13 dagar kortare än 2032."),
    T("Tabell 7.4 Rehabiliteringsinsatser och resultat efter gemensam kartläggning 2032–2036",
      [["År", "Påbörjat insats, andel (%)", "Avslutade insatser, antal", "Fått eller återfått arbetsförmåga, antal",
        "Fått eller återfått arbetsförmåga, andel (%)", "Tid i samverkan, dagar"]],
      [["2032¹", "74", "7 620", "..", "..", "401"],
       ["2033", "75", "8 100", "4 290", "53", "398"],
       ["2034", "72", "8 530", "4 610", "54", "395"],
       ["2035", "73", "8 900", "4 895", "55", "392"],
       ["2036", "69", "8 450", "4 390", "52", "388"]],
      notes=["¹ Resultatmåttet ändrades 2033 och resultaten för 2032 redovisas inte. Med det tidigare måttet fick 51 "
             "procent arbetsförmåga 2032.",
             "Tid i samverkan avser genomsnittligt antal dagar från initierad kartläggning till avslut.", KALLA_SUS]),
    ("h2", "7.3 Möten för omställning och kontaktmöten"),
    ("p", "Möten för omställning erbjuds personer som inte längre får sjukpenning efter dag 180 eller som fått avslag "
          "på aktivitets- eller sjukersättning. År 2036 hölls 2 140 möten, 310 färre än 2035 (tabell 7.5). Tre av "
          "fyra möten gällde personer med sjukpenning. Kontaktmöten, som erbjuds anställda med sjukpenning mellan dag "
          "91 och dag 180, ökade till 3 270 år 2036, och 66 procent av deltagarna var kvinnor."),
    T("Tabell 7.5 Möten för omställning efter förmån samt kontaktmöten 2034–2036",
      [["Möten", "2034", "2035", "2036"]],
      [["Möten för omställning, totalt", "2 310", "2 450", "2 140"],
       ["därav sjukpenning", "1 720", "1 830", "1 590"],
       ["därav aktivitetsersättning", "370", "390", "350"],
       ["därav sjukersättning", "220", "230", "200"],
       ["Kontaktmöten", "3 050", "3 210", "3 270"],
       ["Kontaktmöten, andel kvinnor (%)", "64", "65", "66"]],
      notes=["Möten för omställning med aktivitets- och sjukersättning räknas från beslutet till och med sex månader "
             "efter beslutet.", "Källa: Försäkringskassan."]),
    ("h2", "7.4 Medel för det förstärkta samarbetet"),
    ("p", "Anslaget 1:6 Bidrag till förstärkt samarbete uppgick 2036 till 1 310,0 miljoner kronor (tabell 7.6). "
          "Arbetsförmedlingen tilldelades 962,0 miljoner kronor och Försäkringskassan 348,0 miljoner kronor. "
          "Myndigheterna förbrukade tillsammans 1 247,0 miljoner kronor, vilket motsvarar 95,2 procent av anslaget."),
    T("Tabell 7.6 Anslaget 1:6 Bidrag till förstärkt samarbete, tilldelade och förbrukade medel efter myndighet "
      "2034–2036",
      [["mnkr", "2034", "2035", "2036"]],
      [["Anslag", "1 250,0", "1 280,0", "1 310,0"],
       ["Tilldelat Arbetsförmedlingen", "919,0", "940,0", "962,0"],
       ["Tilldelat Försäkringskassan", "331,0", "340,0", "348,0"],
       ["Förbrukat Arbetsförmedlingen¹", "901,6", "925,0", "912,3"],
       ["Förbrukat Försäkringskassan", "326,9", "337,4", "334,7"]],
      notes=["¹ Förbrukat 2034 har reviderats. Tidigare publicerat värde var 899,8 mnkr.",
             "Källa: Arbetsförmedlingens och Försäkringskassans årsredovisningar."]),
    ("h2", "7.5 Samordningsförbund"),
    ("p", "Genom finansiell samordning kan Försäkringskassan, Arbetsförmedlingen, regioner och kommuner bilda "
          "samordningsförbund. År 2036 fanns 75 förbund med sammanlagt 262 medlemskommuner (tabell 7.7). Förbunden "
          "finansierade insatser för 44 600 deltagare 2036, 1 500 fler än året innan."),
    T("Tabell 7.7 Samordningsförbund, medlemskommuner, deltagare och statens bidrag 2034–2036",
      [["", "2034", "2035", "2036"]],
      [["Samordningsförbund, antal¹", "76", "76", "75"],
       ["Nybildade förbund", "1", "–", "–"],
       ["Medlemskommuner", "260", "262", "262"],
       ["Deltagare i insatser", "42 300", "43 100", "44 600"],
       ["Statens bidrag, mnkr", "600,0", "612,0", "624,0"]],
      notes=["¹ Två förbund i Dalmarks län gick samman den 1 januari 2036.",
             "Källa: Nationella rådet för finansiell samordning."]),
    ("h2", "Definitioner"),
    ("p", "Förstärkt samarbete: Försäkringskassans och Arbetsförmedlingens gemensamma uppdrag sedan 2016 att stödja "
          "personer med sjukpenning eller aktivitetsersättning som behöver arbetslivsinriktade insatser."),
    ("p", "Rehabiliteringskedjan: Arbetsförmågan bedöms mot det egna arbetet de första 90 dagarna, mot annat arbete "
          "hos arbetsgivaren från dag 91 och mot arbete på hela arbetsmarknaden från dag 181. Efter dag 365 prövas "
          "arbetsförmågan alltid mot hela arbetsmarknaden."),
    ("p", "Fått eller återfått arbetsförmåga: personen har efter avslutad insats lämnat sjukförsäkringen för arbete, "
          "studier eller aktivt arbetssökande."),
]


# ---- text version -----------------------------------------------------------------------------------------------
def text_lines():
    """The .txt lines and, for every table row, its 1-based line: rows[(caption_prefix, i)] (i = 0-based data row)."""
    lines: list[str] = []
    rows: dict[tuple[str, int], int] = {}
    for block in CONTENT:
        kind = block[0]
        if kind == "table":
            _, caption, header, data, notes, spans = block
            for h in header:
                lines.append("\t".join(h))
            key = " ".join(caption.split()[:2])
            for i, r in enumerate(data):
                lines.append("\t".join(r))
                rows[(key, i)] = len(lines)
            lines.append(caption)
            lines.extend(notes)
            lines.append("")
        elif kind == "bullet":
            lines.append("• " + block[1])
        elif kind in ("h1", "h2"):
            lines.append("")
            lines.append(block[1])
        else:
            lines.append(block[1])
    return lines, rows


def write_txt():
    lines, _ = text_lines()
    TXT.write_text("\n".join(lines).strip("\n") + "\n", encoding="utf-8")


# ---- Word -------------------------------------------------------------------------------------------------------
SUPER = {"¹": "1", "²": "2", "³": "3"}


def add_runs(paragraph, text, size=None, bold=False):
    from docx.shared import Pt  # noqa: F401
    buf = ""
    for ch in text + "\0":
        if ch in SUPER or ch == "\0":
            if buf:
                run = paragraph.add_run(buf)
                if size:
                    run.font.size = size
                run.bold = bold or None
                buf = ""
            if ch in SUPER:
                run = paragraph.add_run(SUPER[ch])
                run.font.superscript = True
                if size:
                    run.font.size = size
        else:
            buf += ch


def write_docx():
    from docx import Document
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt, RGBColor

    doc = Document()
    doc.core_properties.title = "Statistisk årsbok för Sverige 2037, kapitel 7"
    doc.core_properties.author = "Statistikmyndigheten"
    doc.styles["Normal"].font.name = "Arial"
    doc.styles["Normal"].font.size = Pt(9.5)
    section = doc.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    section.left_margin = section.right_margin = Cm(2.2)
    section.footer.paragraphs[0].add_run("Statistisk årsbok 2037 · Samverkan inom socialförsäkringen").font.size = Pt(7.5)
    for style in ("Heading 1", "Heading 2"):
        doc.styles[style].font.color.rgb = RGBColor(0x00, 0x4B, 0x6B)
    for block in CONTENT:
        kind = block[0]
        if kind == "kicker":
            p = doc.add_paragraph()
            add_runs(p, block[1], size=Pt(8))
        elif kind == "h1":
            add_runs(doc.add_heading(level=1), block[1])
        elif kind == "h2":
            add_runs(doc.add_heading(level=2), block[1])
        elif kind == "bullet":
            add_runs(doc.add_paragraph(style="List Bullet"), block[1])
        elif kind == "sym":
            p = doc.add_paragraph()
            p.paragraph_format.tab_stops.add_tab_stop(Cm(1.2))
            add_runs(p, block[1], size=Pt(8.5))
        elif kind == "table":
            _, caption, header, data, notes, spans = block
            ncols = len(header[0])
            t = doc.add_table(rows=len(header) + len(data), cols=ncols)
            t.style = "Table Grid"
            t.alignment = WD_TABLE_ALIGNMENT.CENTER
            for r, row in enumerate(header + data):
                for c, text in enumerate(row):
                    cell = t.cell(r, c)
                    para = cell.paragraphs[0]
                    add_runs(para, text, size=Pt(8.5), bold=r < len(header) or row[0].startswith("Totalt"))
                    if c > 0:
                        para.alignment = WD_ALIGN_PARAGRAPH.RIGHT if r >= len(header) else WD_ALIGN_PARAGRAPH.CENTER
            for (r, c), n in spans.items():
                a = t.cell(r, c)
                a.merge(t.cell(r, c + n - 1))
                # merging keeps the text of both cells; the merged-away cells were empty
            if len(header) > 1:  # the stub and Totalt header span both header rows
                for c in range(ncols):
                    if header[1][c] == "" and (0, c) not in spans and all((0, k) not in spans or c >= k + spans[(0, k)]
                                                                        or c < k for k in range(ncols)):
                        t.cell(0, c).merge(t.cell(1, c))
            cap = doc.add_paragraph(style="Caption")
            add_runs(cap, caption)
            for note in notes:
                add_runs(doc.add_paragraph(), note, size=Pt(7.5))
        else:
            add_runs(doc.add_paragraph(), block[1])
    doc.save(DOCX)


def convert():
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        print("soffice not found: PDF not written", file=sys.stderr)
        return
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([soffice, f"-env:UserInstallation=file://{tmp}/profile", "--headless", "--convert-to", "pdf",
                        "--outdir", tmp, str(DOCX)], check=True, capture_output=True, timeout=180)
        shutil.copyfile(Path(tmp) / f"{STEM}.pdf", PDF)


if __name__ == "__main__":
    write_docx()
    convert()
    write_txt()
    print(f"wrote {DOCX.name}, {PDF.name}, {TXT.name}")
