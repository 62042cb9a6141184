"""Write the blind test report "Granskning av handläggningen av ekonomiskt bistånd ..." (kommunrevision, all figures
invented) as a real Word document with python-docx, and export it with LibreOffice headless to PDF and to text.

Pattern copied from tests/data/firstrun_docx/make_firstrun_pub4_lansrapport.py (python-docx + soffice):
- firstrun-pub5-kommunrevision-2033.docx: a municipal audit report (revisionsrapport) by a fictional audit firm for the
  elected auditors of a fictional municipality: title lines, "Sammanfattning", numbered chapters (Heading 1) and
  sections (Heading 2), "Bedömning" and "Rekommendationer", captions ABOVE the tables, a monthly table with a Totalt
  column and a horizontally merged header ("Ansökningar" over Nyansökningar/Återansökningar) plus vertically merged
  header cells, a handläggningstid table with years in rows and two merged header groups (median/medel in dagar,
  Antal/% within 10 arbetsdagar), a samverkan table with years in columns, a cost table in tkr whose share column
  is split into the value and a separate "%" cell under one merged header, a bedömning table with numbered questions,
  a bullet list of recommendations, a superscript note mark in a row label and the notes under "Noter";
- firstrun-pub5-kommunrevision-2033.pdf and firstrun-pub5-kommunrevision-2033.txt: the docx exported by LibreOffice
  ("--convert-to pdf" and "--convert-to txt:Text (encoded):UTF8", unedited).

Run: python tests/data/firstrun_docx/make_firstrun_pub5_kommunrevision.py (writes the .docx and .pdf here, the .txt in tests/data).
"""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

HERE = Path(__file__).resolve().parent
STEM = "firstrun-pub5-kommunrevision-2033"
DOCX = HERE / f"{STEM}.docx"
PDF = HERE / f"{STEM}.pdf"
TXT = HERE.parent / f"{STEM}.txt"

TITLE = "Granskning av ekonomiskt bistånd vid nedsatt arbetsförmåga"


def T(caption, rows, merges=(), header_rows=2, note=None):
    """rows: full grid; None = covered by a merge. merges: (r1, c1, r2, c2) inclusive."""
    return ("table", caption, rows, list(merges), header_rows, note)


MONTHS = [
    ("Januari", 68, 241), ("Februari", 49, 228), ("Mars", 52, 236), ("April", 47, 229), ("Maj", 44, 231),
    ("Juni", 50, 233), ("Juli", 38, 214), ("Augusti", 66, 247), ("September", 55, 235), ("Oktober", 51, 232),
    ("November", 49, 226), ("December", 49, 232),
]


def fmt(n):
    s = f"{abs(n):,}".replace(",", " ")
    return ("-" if n < 0 else "") + s


def month_rows():
    rows = [["Månad", "Ansökningar", None, "Totalt"], [None, "Nyansökningar", "Återansökningar", None]]
    tn = tr = 0
    for m, n, r in MONTHS:
        rows.append([m, fmt(n), fmt(r), fmt(n + r)])
        tn += n
        tr += r
    rows.append(["Summa", fmt(tn), fmt(tr), fmt(tn + tr)])
    assert (tn, tr) == (618, 2784)
    return rows


CONTENT = [
    ("p", "Revisorerna i Norrfjärdens kommun"),
    ("title", TITLE),
    ("subtitle", "Revisionsrapport – Socialnämnden"),
    ("p", "Datum: 2033-09-22. Uppdragsnummer: REV 2033:07. Utförd av Revisionskonsult i Norr AB på uppdrag av de "
          "förtroendevalda revisorerna."),
    ("h1", "Sammanfattning"),
    ("p", "Revisorerna har granskat om socialnämnden säkerställer en rättssäker och effektiv handläggning av "
          "ekonomiskt bistånd till personer med nedsatt arbetsförmåga på grund av sjukdom, och om nämnden samverkar "
          "med Försäkringskassan och Arbetsförmedlingen. Vår samlade bedömning är att nämnden delvis säkerställer "
          "detta."),
    ("p", "Handläggningstiden för nyansökningar har ökat från en median på 9 dagar 2030 till 14 dagar 2032. Endast "
          "61 procent av nyansökningarna beslutades inom 10 arbetsdagar 2032, medan nämndens mål är minst 80 procent."),
    ("p", "Under 2032 fick 212 invånare i kommunen avslag på sjukpenning, och 22 procent av dem hade ett "
          "omställningsmöte. Antalet gemensamma kartläggningar ökade från 96 till 121 mellan 2030 och 2032. Vi lämnar "
          "fem rekommendationer till nämnden."),
    ("h1", "1 Inledning"),
    ("h2", "1.1 Bakgrund"),
    ("p", "Ekonomiskt bistånd är samhällets yttersta skyddsnät enligt 4 kap. 1 § socialtjänstlagen (2001:453). "
          "Kommunens kostnader för ekonomiskt bistånd uppgick 2032 till 41,6 mnkr, varav omkring en tredjedel avsåg "
          "hushåll där sjukdom var det huvudsakliga hindret för egen försörjning. Kommunen hade 19 057 invånare den "
          "31 december 2032."),
    ("h2", "1.2 Syfte och revisionsfrågor"),
    ("p", "Syftet är att bedöma om socialnämnden säkerställer en ändamålsenlig handläggning och samverkan. Granskningen "
          "besvarar fyra revisionsfrågor, se tabell 5."),
    ("h2", "1.3 Revisionskriterier"),
    ("p", "Socialtjänstlagen (2001:453), förvaltningslagen (2017:900), 6 kap. 6 § kommunallagen (2017:725) och "
          "nämndens mål och riktlinjer för 2032."),
    ("h2", "1.4 Metod och avgränsning"),
    ("p", "Granskningen omfattar åren 2030–2032. Vi har intervjuat 14 personer och granskat 40 slumpvis utvalda akter "
          "från 2032. Uppgifter om samverkan kommer från Försäkringskassans och samordningsförbundets uppföljning."),
    ("h1", "2 Iakttagelser"),
    ("h2", "2.1 Ärendeinflöde"),
    ("p", "Antalet ansökningar om ekonomiskt bistånd var 3 402 under 2032, varav 618 nyansökningar. Inflödet var "
          "störst i augusti och januari."),
    T("Tabell 1. Ansökningar om ekonomiskt bistånd per månad 2032, antal", month_rows(),
      merges=[(0, 0, 1, 0), (0, 1, 0, 2), (0, 3, 1, 3)], note="Källa: Verksamhetssystemet Viva, uttag 2033-02-06."),
    ("h2", "2.2 Handläggningstider"),
    ("p", "Handläggningstiden för nyansökningar har ökat varje år sedan 2030. Medianen har ökat med 5 dagar och "
          "medelvärdet med 5,8 dagar. Antalet beslut var 612 under 2032; skillnaden mot antalet nyansökningar beror på "
          "att sex ansökningar återtogs."),
    T("Tabell 2. Handläggningstid för nyansökningar 2030–2032", [
        ["År", "Antal beslut", "Handläggningstid, dagar", None, "Beslut inom 10 arbetsdagar", None],
        [None, None, "Median", "Medel", "Antal", "%"],
        ["2030", "571", "9", "12,4", "434", "76"],
        ["2031", "596", "11", "14,8", "405", "68"],
        ["2032", "612", "14", "18,2", "373", "61"],
    ], merges=[(0, 0, 1, 0), (0, 1, 1, 1), (0, 2, 0, 3), (0, 4, 0, 5)]),
    ("p", "Nämndens mål är att minst 80 procent av nyansökningarna ska beslutas inom 10 arbetsdagar. Målet nåddes "
          "inget av åren. I var tredje granskad akt, 13 av 40, saknades en dokumenterad bedömning av arbetsförmågan."),
    ("h2", "2.3 Samverkan med Försäkringskassan och Arbetsförmedlingen"),
    ("p", "Av de 212 invånare som fick avslag på sjukpenning 2032 hade 47 ett omställningsmöte. Av de 38 som sökte "
          "ekonomiskt bistånd inom tre månader efter avslaget hade endast fem haft ett sådant möte."),
    T("Tabell 3. Samverkan kring invånare i kommunen 2030–2032", [
        ["Uppgift", "2030", "2031", "2032"],
        ["Avslag på sjukpenning, antal", "174", "196", "212"],
        ["Omställningsmöten efter avslag på sjukpenning, antal", "29", "41", "47"],
        ["Andel med omställningsmöte, %", "17", "21", "22"],
        ["Inskrivna hos Arbetsförmedlingen 90 dagar efter avslag, %", "58", "60", "61"],
        ["Gemensamma kartläggningar^1, antal", "96", "112", "121"],
        ["varav med sjukpenning", "71", "84", "90"],
        ["Påbörjat rehabiliteringsinsats efter kartläggning, %", "66", "68", "71"],
        ["Deltagare i samordningsförbundets insatser, antal", "88", "97", "104"],
    ], header_rows=1, note="Källa: Försäkringskassan (lokal uppföljning) och Samordningsförbundet Norrfjärden–Kustlandet."),
    ("p", "Kommunen är medlem i Samordningsförbundet Norrfjärden–Kustlandet tillsammans med två andra kommuner, "
          "regionen, Försäkringskassan och Arbetsförmedlingen. Kommunens medlemsavgift var 1 240 tkr 2032."),
    ("h2", "2.4 Kostnader"),
    T("Tabell 4. Kostnader för ekonomiskt bistånd och arbetsmarknadsenheten 2032, tkr", [
        ["Verksamhet", "Budget", "Utfall", "Avvikelse", "Andel av utfallet", None],
        ["Ekonomiskt bistånd, utbetalt", "39 500", "41 620", "-2 120", "71,2", "%"],
        ["Arbetsmarknadsenheten, personal", "9 800", "9 460", "340", "16,2", "%"],
        ["Köpta arbetsmarknadsinsatser", "4 200", "3 820", "380", "6,5", "%"],
        ["Medlemsavgift till samordningsförbundet", "1 240", "1 240", "0", "2,1", "%"],
        ["Lokaler och övrigt", "2 350", "2 312", "38", "4,0", "%"],
        ["Summa", "57 090", "58 452", "-1 362", "100", "%"],
    ], merges=[(0, 4, 0, 5)], header_rows=1, note="Avvikelse = budget minus utfall. Källa: Kommunens ekonomisystem."),
    ("p", "Utbetalt ekonomiskt bistånd översteg budgeten med 2,1 mnkr. Kostnaden per invånare för ekonomiskt bistånd "
          "var 2 184 kronor."),
    ("h1", "3 Bedömning"),
    ("p", "Vår bedömning per revisionsfråga framgår av tabell 5."),
    T("Tabell 5. Bedömning per revisionsfråga", [
        ["Revisionsfråga", "Bedömning"],
        ["1. Har nämnden ändamålsenliga rutiner för handläggningen?", "Delvis"],
        ["2. Håller nämnden sina mål för handläggningstiden?", "Nej"],
        ["3. Dokumenteras bedömningen av arbetsförmåga?", "Delvis"],
        ["4. Samverkar nämnden med Försäkringskassan och Arbetsförmedlingen?", "Ja"],
    ], header_rows=1),
    ("p", "Nämnden har rutiner, men handläggningstiden har ökat och nämnden har inte vidtagit tillräckliga åtgärder. "
          "Samverkan med Försäkringskassan fungerar i huvudsak väl, men få av dem som söker bistånd efter avslag har "
          "haft ett omställningsmöte."),
    ("h1", "4 Rekommendationer"),
    ("p", "Vi rekommenderar socialnämnden att"),
    ("li", "vidta åtgärder så att minst 80 procent av nyansökningarna beslutas inom 10 arbetsdagar,"),
    ("li", "säkerställa att bedömningen av arbetsförmåga dokumenteras i samtliga akter,"),
    ("li", "tillsammans med Försäkringskassan erbjuda den som får avslag på sjukpenning ett möte inom 30 dagar,"),
    ("li", "följa upp kostnaderna för ekonomiskt bistånd varje månad, och"),
    ("li", "återrapportera vidtagna åtgärder till revisorerna senast den 30 juni 2034."),
    ("p", "Norrfjärden den 22 september 2033"),
    ("p", "Anna Wikström, certifierad kommunal revisor          Jonas Eklund, revisor"),
    ("h1", "Noter"),
    ("fn", "1 Kartläggningar av invånare i kommunen. Kartläggningar som påbörjats men avbrutits ingår inte."),
]


def plain(text: str) -> str:
    return re.sub(r"\^(\d+)", r"\1", text)


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


def add_page_number_footer(section, text):
    p = section.footer.paragraphs[0]
    p.add_run(text).font.size = Pt(8)
    p.paragraph_format.tab_stops.add_tab_stop(Cm(16.0), WD_TAB_ALIGNMENT.RIGHT)
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


def add_table(doc, rows, merges, header_rows):
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
            add_runs(para, text, size=Pt(9), bold=r < header_rows)
            if r < header_rows:
                shade(cell, "DCE6F1")
                para.alignment = WD_ALIGN_PARAGRAPH.CENTER
            elif c > 0:
                para.alignment = WD_ALIGN_PARAGRAPH.RIGHT


def write_docx():
    doc = Document()
    doc.core_properties.title = TITLE
    doc.core_properties.author = "Revisionskonsult i Norr AB"
    doc.styles["Normal"].font.name = "Arial"
    doc.styles["Normal"].font.size = Pt(10.5)
    section = doc.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    section.left_margin = section.right_margin = Cm(2.5)
    add_page_number_footer(section, "Norrfjärdens kommun – Revisionsrapport 2033")
    for style in ("Heading 1", "Heading 2", "Title", "Subtitle"):
        doc.styles[style].font.color.rgb = RGBColor(0x1F, 0x3A, 0x5F)
    for block in CONTENT:
        kind = block[0]
        if kind == "title":
            add_runs(doc.add_paragraph(style="Title"), block[1])
        elif kind == "subtitle":
            add_runs(doc.add_paragraph(style="Subtitle"), block[1])
        elif kind == "h1":
            add_runs(doc.add_heading(level=1), block[1])
        elif kind == "h2":
            add_runs(doc.add_heading(level=2), block[1])
        elif kind == "li":
            add_runs(doc.add_paragraph(style="List Bullet"), block[1])
        elif kind == "table":
            _, caption, rows, merges, header_rows, note = block
            cap = doc.add_paragraph(style="Caption")
            add_runs(cap, caption)
            cap.paragraph_format.keep_with_next = True
            add_table(doc, rows, merges, header_rows)
            if note:
                p = doc.add_paragraph()
                add_runs(p, note, size=Pt(8.5))
        elif kind == "fn":
            p = doc.add_paragraph()
            add_runs(p, block[1], size=Pt(9))
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
