"""Write the blind test report "Myndighetsgemensam lägesbild 2035:1" (Försäkringskassan and Arbetsförmedlingen, all
figures invented) as a real Word document with python-docx, and export it with LibreOffice headless to PDF and to text.

Pattern copied from tests/data/firstrun_docx/make_firstrun_pub5_kommunrevision.py (python-docx + soffice):
- firstrun-pub6-lagesbild-fk-af-2035.docx: a joint situation report of the two agencies: title lines, a
  "Sammanfattning" as a bullet list, numbered chapters (Heading 1), a table with the UNIT IN THE CORNER CELL
  ("Antal, tusental") under a horizontally merged header over the years and a vertically merged change column, a
  table whose CAPTION IS BELOW it (shares printed as decimal fractions "0,61", age groups in rows), an anslag table in
  miljoner kronor, and, after a section break, a LANDSCAPE appendix "Bilaga B" with "Tabell B1" whose years are column
  groups (merged header cells "2032" / "2033" / "2034" over Kvinnor / Män / Totalt), a "varav" row, missing values
  "..", "–" and "x" explained in a legend, shares as "0,43", superscript note marks in row labels, in a header cell and
  in a ".." cell, and a definition change explained in a note;
- firstrun-pub6-lagesbild-fk-af-2035.pdf and firstrun-pub6-lagesbild-fk-af-2035.txt: the docx exported by
  LibreOffice ("--convert-to pdf" and "--convert-to txt:Text (encoded):UTF8", unedited).

Run: python make_firstrun_pub6_lagesbild.py (writes the .docx and .pdf next to this script, the .txt in the parent
directory when the script lies in tests/data/firstrun_docx, else next to it).
"""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

HERE = Path(__file__).resolve().parent
STEM = "firstrun-pub6-lagesbild-fk-af-2035"
DOCX = HERE / f"{STEM}.docx"
PDF = HERE / f"{STEM}.pdf"
# in tests/data/firstrun_docx the text goes to tests/data (as in the pub5 generator); elsewhere next to the script
TXT = (HERE.parent if HERE.name == "firstrun_docx" else HERE) / f"{STEM}.txt"

TITLE = "Myndighetsgemensam lägesbild 2035:1"


def T(caption, rows, merges=(), header_rows=1, notes=(), caption_below=False):
    """rows: full grid; None = covered by a merge. merges: (r1, c1, r2, c2) inclusive."""
    return ("table", caption, rows, list(merges), header_rows, list(notes), caption_below)


B1 = [
    ["Uppgift", "2032", None, None, "2033", None, None, "2034", None, None],
    [None, "Kvinnor", "Män", "Totalt", "Kvinnor", "Män", "Totalt", "Kvinnor", "Män", "Totalt"],
    ["Gemensamma kartläggningar, antal", "7 412", "4 655", "12 067", "7 688", "4 871", "12 559", "7 390", "4 702",
     "12 092"],
    ["varav sjukpenning", "5 930", "3 480", "9 410", "6 105", "3 622", "9 727", "5 804", "3 498", "9 302"],
    ["varav aktivitetsersättning", "..^3", "..", "1 702", "803", "911", "1 714", "781", "912", "1 693"],
    ["Påbörjat rehabiliteringsinsats, andel", "0,71", "0,68", "0,70", "0,73", "0,70", "0,72", "0,72", "0,69", "0,71"],
    ["Avslutade rehabiliteringsinsatser, antal", "4 610", "3 630", "8 240", "4 800", "3 810", "8 610", "4 690", "3 730",
     "8 420"],
    ["Fått eller återfått arbetsförmåga^4, andel", "0,55", "0,58", "0,56", "0,56", "0,58", "0,57", "0,55", "0,59",
     "0,57"],
    ["Tid i samverkan, dagar (medel)", "412", "398", "406", "405", "391", "399", "401", "384", "393"],
    ["Omställningsmöten, sjukpenning", "1 846", "1 122", "2 968", "2 011", "1 209", "3 220", "2 130", "1 318", "3 448"],
    ["Omställningsmöten, sjukersättning^5", "x", "x", "19", "14", "9", "23", "–", "–", "–"],
]

CONTENT = [
    ("p", "Försäkringskassan och Arbetsförmedlingen"),
    ("title", TITLE),
    ("subtitle", "Sjukskrivning, rehabilitering och återgång i arbete"),
    ("p", "Publicerad 2035-02-26. FK 2035/000411, Af-2035/0001 2290. Uppgifterna avser helåret 2034 om inget annat "
          "anges."),
    ("h1", "Sammanfattning"),
    ("li", "I december 2034 pågick 184 400 sjukfall med sjukpenning, 4 900 färre än ett år tidigare."),
    ("li", "Myndigheterna genomförde 12 092 gemensamma kartläggningar 2034. Andelen som därefter påbörjade en "
           "rehabiliteringsinsats var 71 procent, i nivå med tidigare år."),
    ("li", "57 procent av dem som avslutade en rehabiliteringsinsats hade fått eller återfått arbetsförmåga."),
    ("li", "Av de 28 580 personer som fick avslag på sjukpenning var 61 procent inskrivna hos Arbetsförmedlingen 90 "
           "dagar senare, och 12 procent hade haft ett omställningsmöte."),
    ("p", "Lägesbilden bygger på uppgifter ur myndigheternas system per den 3 februari 2035. Uppgifterna kan därför "
          "skilja sig något från årsredovisningarna."),
    ("h1", "1 Inledning"),
    ("p", "Enligt regleringsbreven för 2035 ska Försäkringskassan och Arbetsförmedlingen två gånger per år redovisa en "
          "gemensam lägesbild av sjukskrivningen och av samarbetet kring arbetslivsinriktad rehabilitering. Detta är "
          "den första lägesbilden för 2035. Tabellerna i bilaga B redovisar uppgifterna efter kön."),
    ("h1", "2 Sjukskrivningen"),
    ("p", "I december 2034 pågick 184 400 sjukfall med sjukpenning, varav 117 900 bland kvinnor. Kvinnor stod därmed "
          "för 64 procent av de pågående sjukfallen. Antalet sjukfall som pågått längre än 365 dagar minskade med "
          "3 100 till 60 100."),
    T("Tabell 1. Pågående sjukfall med sjukpenning i december 2032–2034", [
        ["Antal, tusental", "Pågående sjukfall i december", None, None, "Förändring 2033–2034"],
        [None, "2032", "2033", "2034", None],
        ["Kvinnor", "118,6", "121,3", "117,9", "-3,4"],
        ["Män", "66,2", "68,0", "66,5", "-1,5"],
        ["Totalt", "184,8", "189,3", "184,4", "-4,9"],
        ["varav längre än 365 dagar^1", "61,0", "63,2", "60,1", "-3,1"],
    ], merges=[(0, 0, 1, 0), (0, 1, 0, 3), (0, 4, 1, 4)], header_rows=2,
      notes=["1 Sjukfall som pågått längre än 365 dagar. Uppgiften för 2033 är reviderad; i lägesbild 2034:2 angavs "
             "62,8 tusen."]),
    ("p", "Antalet pågående sjukfall ökade under 2033 men minskade under 2034, för både kvinnor och män. Minskningen "
          "var störst bland kvinnor, 3 400 färre sjukfall."),
    ("h1", "3 Gemensam kartläggning och rehabiliteringsinsatser"),
    ("p", "Antalet gemensamma kartläggningar minskade med 467 till 12 092 under 2034 (tabell B1 i bilaga B). Kvinnor "
          "stod för 61 procent av kartläggningarna. Andelen som därefter påbörjade en rehabiliteringsinsats var 71 "
          "procent, 72 procent för kvinnor och 69 procent för män."),
    ("p", "Under 2034 avslutade 8 420 personer en rehabiliteringsinsats, och 57 procent av dem hade fått eller "
          "återfått arbetsförmåga. Tiden i samverkan var i genomsnitt 393 dagar, 13 dagar färre än 2032. "
          "Definitionen av arbetsförmåga ändrades 2033, se not 4 till tabell B1."),
    ("h1", "4 Avslag och omställning"),
    ("p", "Under 2034 fick 28 580 personer avslag på sjukpenning. 90 dagar efter avslaget var 17 320 av dem, eller 61 "
          "procent, inskrivna hos Arbetsförmedlingen. Andelen var lägst bland dem som var 60–64 år, 52 procent, och "
          "högst i åldersgruppen 40–49 år, 63 procent. Totalt hölls 3 448 omställningsmöten med personer vars "
          "sjukpenning hade upphört."),
    T("Tabell 2. Avslag på sjukpenning, inskrivning hos Arbetsförmedlingen 90 dagar efter avslaget och "
      "omställningsmöten efter ålder 2034. Andelar som decimaltal.", [
        ["Ålder, år", "Avslag, antal", "Inskrivna efter 90 dagar, antal", "Andel inskrivna",
         "Andel med omställningsmöte^2"],
        ["19–29", "3 120", "1 810", "0,58", "0,09"],
        ["30–39", "6 480", "4 020", "0,62", "0,11"],
        ["40–49", "7 350", "4 630", "0,63", "0,13"],
        ["50–59", "8 140", "5 050", "0,62", "0,13"],
        ["60–64", "3 490", "1 810", "0,52", "0,10"],
        ["Samtliga", "28 580", "17 320", "0,61", "0,12"],
    ], caption_below=True,
      notes=["2 Andel av dem som fick avslag som hade haft ett omställningsmöte inom tre månader efter avslaget.",
             "Källa: Försäkringskassan (MiDAS) och Arbetsförmedlingen (Datalagret)."]),
    ("p", "Andelen med omställningsmöte var lägst bland de yngsta, 9 procent."),
    ("h1", "5 Ekonomi"),
    ("p", "Tabell 3 visar anvisade medel och utfall på de anslag inom utgiftsområde 10 som lägesbilden avser."),
    T("Tabell 3. Anvisade medel och utfall 2034 samt anvisade medel 2035, miljoner kronor", [
        ["Anslag", "Anvisat 2034", "Utfall 2034", "Anvisat 2035"],
        ["1:1 Sjukpenning och rehabilitering m.m.", "46 820", "45 973", "48 150"],
        ["1:2 Aktivitets- och sjukersättningar m.m.", "61 240", "60 812", "62 300"],
        ["1:6 Bidrag till förstärkt samarbete", "1 240", "1 243", "1 260"],
        ["Summa", "109 300", "108 028", "111 710"],
    ], notes=["Källa: Statsredovisningen och regleringsbreven för 2034 och 2035."]),
    ("p", "Utgifterna på anslaget 1:1 Sjukpenning och rehabilitering m.m. var 847 miljoner kronor lägre än anvisat."),
    ("p", "Utgifterna på anslaget 1:6 Bidrag till förstärkt samarbete uppgick till 1 243 miljoner kronor 2034, vilket "
          "är 3 miljoner kronor mer än det anvisade beloppet. Överskridandet ryms inom anslagskrediten på 3 procent. "
          "På anslaget 1:6 har riksdagen anvisat 1 260 miljoner kronor för 2035."),
    ("p", "Nästa lägesbild publiceras i augusti 2035."),
    ("landscape", None),
    ("h1", "Bilaga B. Tabeller efter kön"),
    T("Tabell B1. Gemensam kartläggning, rehabiliteringsinsatser och omställningsmöten efter kön 2032–2034", B1,
      merges=[(0, 0, 1, 0), (0, 1, 0, 3), (0, 4, 0, 6), (0, 7, 0, 9)], header_rows=2,
      notes=["Teckenförklaring: .. uppgift saknas, – inget att redovisa, x uppgiften skyddas av sekretess. Andelar "
             "anges som decimaltal, till exempel 0,43 = 43 procent.",
             "3 Uppdelningen på kön saknas för 2032 eftersom aktivitetsersättning då registrerades manuellt.",
             "4 Från och med 2033 räknas även den som efter avslutad insats arbetar deltid och har kvar partiell "
             "ersättning som att ha återfått arbetsförmåga. Uppgiften för 2032 är därför inte helt jämförbar. Med den "
             "tidigare definitionen hade andelen 2033 varit 0,54 totalt.",
             "5 Omställningsmöten vid avslag på sjukersättning upphörde den 1 januari 2034. Uppgifter som avser färre "
             "än fem personer redovisas inte.",
             "Källa: Försäkringskassan och Arbetsförmedlingen, SUS och MiDAS, uttag 2035-02-03."]),
]


def add_runs(paragraph, text, size=None, bold=False):
    for i, part in enumerate(re.split(r"\^(\d+)", text)):
        if not part:
            continue
        run = paragraph.add_run(part)
        if i % 2 == 1:
            run.font.superscript = True
        if size:
            run.font.size = size
        run.bold = bold or None


def shade(cell, fill):
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shd)


def add_page_number_footer(section, text, tab_cm):
    p = section.footer.paragraphs[0]
    p.add_run(text).font.size = Pt(8)
    p.paragraph_format.tab_stops.add_tab_stop(Cm(tab_cm), WD_TAB_ALIGNMENT.RIGHT)
    p.add_run("\t")
    run = p.add_run()
    for tag, attr in (("w:fldChar", "begin"), ("w:instrText", None), ("w:fldChar", "separate")):
        el = OxmlElement(tag)
        if attr:
            el.set(qn("w:fldCharType"), attr)
        else:
            el.set(qn("xml:space"), "preserve")
            el.text = " PAGE "
        run._r.append(el)
    run2 = p.add_run("1")
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run2._r.append(end)


def add_table(doc, rows, merges, header_rows, size=Pt(9)):
    t = doc.add_table(rows=len(rows), cols=len(rows[0]))
    t.style = "Table Grid"
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    for r1, c1, r2, c2 in merges:
        t.cell(r1, c1).merge(t.cell(r2, c2))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            if text is None:
                continue
            cell = t.cell(r, c)
            para = cell.paragraphs[0]
            add_runs(para, text, size=size, bold=r < header_rows)
            if r < header_rows:
                shade(cell, "E2EFDA")
                para.alignment = WD_ALIGN_PARAGRAPH.CENTER
            elif c > 0:
                para.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    return t


def write_docx():
    doc = Document()
    doc.core_properties.title = TITLE
    doc.core_properties.author = "Försäkringskassan och Arbetsförmedlingen"
    doc.styles["Normal"].font.name = "Calibri"
    doc.styles["Normal"].font.size = Pt(11)
    section = doc.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    section.left_margin = section.right_margin = Cm(2.3)
    add_page_number_footer(section, "Myndighetsgemensam lägesbild 2035:1", 16.4)
    for style in ("Heading 1", "Heading 2", "Title", "Subtitle"):
        doc.styles[style].font.color.rgb = RGBColor(0x00, 0x4B, 0x3C)
    for block in CONTENT:
        kind = block[0]
        if kind == "title":
            add_runs(doc.add_paragraph(style="Title"), block[1])
        elif kind == "subtitle":
            add_runs(doc.add_paragraph(style="Subtitle"), block[1])
        elif kind == "h1":
            add_runs(doc.add_heading(level=1), block[1])
        elif kind == "li":
            add_runs(doc.add_paragraph(style="List Bullet"), block[1])
        elif kind == "landscape":
            new = doc.add_section(WD_SECTION.NEW_PAGE)
            new.orientation = WD_ORIENT.LANDSCAPE
            new.page_width, new.page_height = Cm(29.7), Cm(21.0)
            new.left_margin = new.right_margin = Cm(1.8)
        elif kind == "table":
            _, caption, rows, merges, header_rows, notes, below = block
            if not below:
                cap = doc.add_paragraph(style="Caption")
                add_runs(cap, caption)
                cap.paragraph_format.keep_with_next = True
            add_table(doc, rows, merges, header_rows, size=Pt(8) if len(rows[0]) > 6 else Pt(9))
            if below:
                cap = doc.add_paragraph(style="Caption")
                add_runs(cap, caption)
            for note in notes:
                p = doc.add_paragraph()
                add_runs(p, note, size=Pt(8))
        else:
            add_runs(doc.add_paragraph(), block[1])
    doc.save(DOCX)


def convert():
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        print("soffice not found: PDF and text not written", file=sys.stderr)
        return
    with tempfile.TemporaryDirectory() as tmp:
        for target, dest in (("pdf", PDF), ("txt:Text (encoded):UTF8", TXT)):
            subprocess.run([soffice, f"-env:UserInstallation=file://{tmp}/profile", "--headless", "--convert-to",
                            target, "--outdir", tmp, str(DOCX)], check=True, capture_output=True, timeout=180)
            shutil.copyfile(Path(tmp) / f"{STEM}.{target.split(':')[0]}", dest)


if __name__ == "__main__":
    write_docx()
    convert()
    print(f"wrote {DOCX.name}, {PDF.name}, {TXT.name}")
