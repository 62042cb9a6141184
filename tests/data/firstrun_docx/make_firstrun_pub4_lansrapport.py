"""Write the first-run test report "Länsrapport Västra Götaland 2031" (blind test, all figures invented).

A fictional joint regional report of Arbetsförmedlingen (marknadsområde Väst) and Försäkringskassan on the förstärkta
samarbetet in Västra Götalands län in 2030, written as a real Word document with python-docx:

- firstrun_docx/firstrun-pub4-lansrapport-2031.docx: title page lines, "Sammanfattning", numbered chapters (Heading 1),
  a caption paragraph ABOVE each table ("Tabell 3. ..."), tables with MERGED header cells (a year or "Kvinnor"/"Män"
  spanning two or three sub-columns, a vertically merged first header cell), superscript footnote reference marks in
  text and in a row label, and the footnotes as ordinary numbered paragraphs ("1 Övriga avser ...") under the heading
  "Fotnoter" at the end; a page footer with a page number;
- firstrun_docx/firstrun-pub4-lansrapport-2031.pdf: the docx exported by LibreOffice headless;
- ../firstrun-pub4-lansrapport-2031.txt: the docx exported by LibreOffice headless as
  "txt:Text (encoded):UTF8" (unedited): one paragraph per line, EVERY TABLE CELL ON A LINE OF ITS OWN, an empty line
  for the continuation of a vertically merged cell, superscript marks as plain digits glued to the word, a BOM at the
  start, no page footer.

Run: .venv/bin/python tests/data/firstrun_docx/make_firstrun_pub4_lansrapport.py (needs python-docx; soffice on PATH).
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
STEM = "firstrun-pub4-lansrapport-2031"
DOCX = HERE / f"{STEM}.docx"
PDF = HERE / f"{STEM}.pdf"
TXT = HERE.parent / f"{STEM}.txt"

TITLE = "Länsrapport Västra Götaland 2031"


def T(caption, rows, merges=(), header_rows=2):
    """rows: full grid; None = covered by a merge. merges: (r1, c1, r2, c2) inclusive."""
    return ("table", caption, rows, list(merges), header_rows)


CONTENT = [
    ("p", "Arbetsförmedlingen marknadsområde Väst · Försäkringskassan, lokalt försäkringscenter Göteborg"),
    ("title", TITLE),
    ("subtitle", "Det förstärkta samarbetet mellan Arbetsförmedlingen och Försäkringskassan i Västra Götalands län – "
                 "resultat för 2030"),
    ("p", "Datum: 2031-03-14. Dnr: Af-2031/0042117 och FK 2031/003318."),
    ("h1", "Sammanfattning"),
    ("p", "Under 2030 genomfördes 2 214 gemensamma kartläggningar i länet, 9 procent fler än 2029. Kvinnorna stod för "
          "63 procent av kartläggningarna och tre av fyra gällde personer med sjukpenning."),
    ("p", "Av de 1 226 personer som avslutade en rehabiliteringsinsats hade 57 procent utvecklat eller återfått "
          "arbetsförmåga. Därmed nåddes länets mål om minst 55 procent."),
    ("p", "Länet genomförde 612 omställningsmöten, vilket motsvarar 17 procent av dem som fick avslag, och 248 "
          "kontaktmöten. Av de särskilda medlen förbrukades 41,8 miljoner kronor."),
    ("h1", "1 Inledning"),
    ("p", "Rapporten beskriver det förstärkta samarbetet i Västra Götalands län under 2030 och jämför med 2029. Länet "
          "har 49 kommuner och omkring 1,1 miljoner försäkrade i åldern 16–64 år. Arbetsförmedlingen och "
          "Försäkringskassan följer upp samarbetet i fyra delområden: Göteborgsregionen, Fyrbodal, Skaraborg och "
          "Sjuhärad."),
    ("p", "Uppgifterna har hämtats ur SUS och MiDAS den 20 januari 2031. Den regionala samverkansgruppen har träffats "
          "sex gånger under året."),
    ("h1", "2 Gemensam kartläggning"),
    ("p", "Antalet gemensamma kartläggningar^3 ökade från 2 031 under 2029 till 2 214 under 2030. Ökningen var störst "
          "i Göteborgsregionen, där 1 180 kartläggningar genomfördes, drygt hälften av alla i länet."),
    T("Tabell 1. Gemensamma kartläggningar efter delområde och kön, 2029 och 2030", [
        ["Delområde", "2029", None, None, "2030", None, None],
        [None, "Kvinnor", "Män", "Totalt", "Kvinnor", "Män", "Totalt"],
        ["Göteborgsregionen", "690", "394", "1 084", "742", "438", "1 180"],
        ["Fyrbodal", "200", "121", "321", "224", "128", "352"],
        ["Skaraborg", "188", "113", "301", "199", "119", "318"],
        ["Sjuhärad", "205", "120", "325", "230", "134", "364"],
        ["Länet totalt", "1 283", "748", "2 031", "1 395", "819", "2 214"],
    ], merges=[(0, 0, 1, 0), (0, 1, 0, 3), (0, 4, 0, 6)]),
    ("source", "Källa: SUS."),
    ("p", "Tre av fyra kartläggningar gällde personer med sjukpenning och knappt var femte unga med "
          "aktivitetsersättning, se tabell 2. Andelen kvinnor var högst bland övriga^1, 69 procent."),
    T("Tabell 2. Gemensamma kartläggningar efter förmån och kön, 2030", [
        ["Förmån", "Antal", None, None, "Andel kvinnor, %"],
        [None, "Kvinnor", "Män", "Totalt", None],
        ["Sjukpenning", "1 062", "588", "1 650", "64,4"],
        ["Aktivitetsersättning", "231", "185", "416", "55,5"],
        ["Övriga^1", "102", "46", "148", "68,9"],
        ["Samtliga", "1 395", "819", "2 214", "63,0"],
    ], merges=[(0, 0, 1, 0), (0, 1, 0, 3), (0, 4, 1, 4)]),
    ("source", "Källa: SUS."),
    ("p", "De som hade sjukpenning hade i genomsnitt varit sjukskrivna i 212 dagar när kartläggningen genomfördes "
          "(226 dagar 2029). Av dem som kartlades under 2030 påbörjade 71 procent en rehabiliteringsinsats."),
    ("h1", "3 Rehabiliteringsinsatser och resultat"),
    ("p", "I genomsnitt deltog 1 530 personer per månad i rehabiliteringsinsatser under 2030, jämfört med 1 448 under "
          "2029. I december 2030 pågick insatser för 1 602 personer. Tiden i samverkan var i genomsnitt 402 dagar."),
    ("p", "Under året avslutade 1 226 personer sina rehabiliteringsinsatser. Av dem hade 720 utvecklat eller "
          "återfått arbetsförmåga^2, vilket är 58,7 procent. Männen nådde ett bättre resultat än kvinnorna, 61,7 mot "
          "56,5 procent."),
    T("Tabell 3. Avslutade rehabiliteringsinsatser efter utfall och kön, 2030", [
        ["Utfall", "Kvinnor", None, "Män", None, "Totalt", None],
        [None, "Antal", "Andel, %", "Antal", "Andel, %", "Antal", "Andel, %"],
        ["Utvecklat eller återfått arbetsförmåga^2", "402", "56,5", "318", "61,7", "720", "58,7"],
        ["Kvar i sjukförsäkringen", "248", "34,9", "160", "31,1", "408", "33,3"],
        ["Ingen uppgift", "61", "8,6", "37", "7,2", "98", "8,0"],
        ["Samtliga avslutade", "711", "100", "515", "100", "1 226", "100"],
    ], merges=[(0, 0, 1, 0), (0, 1, 0, 2), (0, 3, 0, 4), (0, 5, 0, 6)]),
    ("source", "Källa: SUS och MiDAS."),
    ("h1", "4 Omställningsmöten och kontaktmöten"),
    ("p", "Omkring 3 600 personer i länet fick avslag^4 på sjukpenning, aktivitetsersättning eller sjukersättning "
          "under 2030. Länet genomförde 612 omställningsmöten (2029: 559). Kvinnorna deltog i 63 procent av mötena."),
    T("Tabell 4. Omställningsmöten efter förmån och kön, 2029 och 2030", [
        ["Förmån", "2029", None, "2030", None],
        [None, "Kvinnor", "Män", "Kvinnor", "Män"],
        ["Sjukpenning", "290", "160", "318", "171"],
        ["Aktivitetsersättning", "35", "37", "38", "41"],
        ["Sjukersättning", "22", "15", "27", "17"],
        ["Samtliga", "347", "212", "383", "229"],
    ], merges=[(0, 0, 1, 0), (0, 1, 0, 2), (0, 3, 0, 4)]),
    ("source", "Källa: SUS."),
    ("p", "Försäkringskassan erbjöd 402 personer ett kontaktmöte, och 38 procent av dem avböjde. Det blev 248 "
          "kontaktmöten (2029: 231), varav 71 procent med kvinnor."),
    ("h1", "5 Ekonomi"),
    ("p", "Länets del av de särskilda medlen var 42,6 miljoner kronor, varav 41,8 miljoner kronor förbrukades.^5 "
          "Arbetsförmedlingen lämnade 584 tusen kronor oförbrukade och Försäkringskassan 166 tusen kronor."),
    T("Tabell 5. Särskilda medel för samarbetet i länet 2030, tkr", [
        ["Post", "Arbetsförmedlingen", None, "Försäkringskassan", None],
        [None, "Tilldelat", "Förbrukat", "Tilldelat", "Förbrukat"],
        ["Förvaltning", "9 850", "9 612", "8 400", "8 234"],
        ["Rehabiliteringsinsatser och aktivitetsstöd", "24 300", "23 954", "–", "–"],
        ["Summa", "34 150", "33 566", "8 400", "8 234"],
    ], merges=[(0, 0, 1, 0), (0, 1, 0, 2), (0, 3, 0, 4)]),
    ("source", "Källa: Arbetsförmedlingens och Försäkringskassans ekonomisystem."),
    ("h1", "Fotnoter"),
    ("fn", "1 Övriga avser personer med sjukersättning, aktivitetsstöd eller ekonomiskt bistånd."),
    ("fn", "2 Arbete med eller utan subvention, reguljära studier eller aktivt arbetssökande."),
    ("fn", "3 Uppgiften för 2029 har reviderats från 2 017 till 2 031 efter ett nytt uttag ur SUS."),
    ("fn", "4 Avslag under 2030 bland personer folkbokförda i länet. Andelen med omställningsmöte beräknas på samtliga "
           "med avslag."),
    ("fn", "5 Länets andel av de nationella särskilda medlen är 7,9 procent enligt den regionala fördelningsnyckeln."),
]


def plain(text: str) -> str:
    """The text as the LibreOffice text export gives it: superscript marks become plain digits."""
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
                shade(cell, "E2EFD9")
                para.alignment = WD_ALIGN_PARAGRAPH.CENTER
            elif c > 0:
                para.alignment = WD_ALIGN_PARAGRAPH.RIGHT


def write_docx():
    doc = Document()
    doc.core_properties.title = TITLE
    doc.core_properties.author = "Arbetsförmedlingen och Försäkringskassan"
    doc.styles["Normal"].font.name = "Calibri"
    doc.styles["Normal"].font.size = Pt(11)
    section = doc.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    section.left_margin = section.right_margin = Cm(2.5)
    add_page_number_footer(section, TITLE)
    for style in ("Heading 1", "Title", "Subtitle"):
        doc.styles[style].font.color.rgb = RGBColor(0x37, 0x56, 0x23)
    for block in CONTENT:
        kind = block[0]
        if kind == "title":
            add_runs(doc.add_paragraph(style="Title"), block[1])
        elif kind == "subtitle":
            add_runs(doc.add_paragraph(style="Subtitle"), block[1])
        elif kind == "h1":
            add_runs(doc.add_heading(level=1), block[1])
        elif kind == "table":
            _, caption, rows, merges, header_rows = block
            cap = doc.add_paragraph(style="Caption")
            add_runs(cap, caption)
            cap.paragraph_format.keep_with_next = True
            add_table(doc, rows, merges, header_rows)
        elif kind == "source":
            p = doc.add_paragraph()
            add_runs(p, block[1], size=Pt(8.5))
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
