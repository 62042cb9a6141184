"""Write the blind test report "Granskning av det förstärkta samarbetet med Arbetsförmedlingen" (Försäkringskassan,
Internrevisionen, Revisionsrapport IR 2036:04; all figures and names invented) as a real Word document with
python-docx, and export it with LibreOffice headless to PDF and to text.

Pattern copied from tests/data/firstrun_docx/make_firstrun_pub6_lagesbild.py (python-docx + soffice):
- firstrun-pub7-internrevision-fk-2036.docx: an internal-audit report: title page lines, a "Sammanfattning" in prose,
  two-level numbered headings ("2.1 Volymer och resultat"), CHAPTER-NUMBERED CAPTIONS ABOVE the tables ("Tabell 2:1"
  .. "Tabell 2:5", in the appendix "Tabell B1:1"), tables whose TOTAL ROW IS ON TOP ("Samtliga" first, then the
  groups), percentages with ONE DECIMAL and "%" only in the column header ("Andel (%)"), a sample-review table
  ("Granskade ärenden | Avvikelser | Andel (%)"), a "–" cell, a RISK MATRIX with text cells and scores (Sannolikhet,
  Konsekvens, Riskvärde, Risknivå), a money table in tkr, NUMBERED RECOMMENDATIONS (Word's List Number style), a
  management-response chapter and an appendix "Bilaga 1 Metod" with method figures (stratified sample, bortfall,
  konfidensnivå 95 %, felmarginal, konfidensintervall);
- firstrun-pub7-internrevision-fk-2036.pdf and firstrun-pub7-internrevision-fk-2036.txt: the docx exported by
  LibreOffice ("--convert-to pdf" and "--convert-to txt:Text (encoded):UTF8", unedited).

Run: python make_firstrun_pub7_internrevision.py (writes the .docx and .pdf next to this script, the .txt in the parent
directory when the script lies in a folder named firstrun_docx, else next to it).
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
STEM = "firstrun-pub7-internrevision-fk-2036"
DOCX = HERE / f"{STEM}.docx"
PDF = HERE / f"{STEM}.pdf"
TXT = (HERE.parent if HERE.name == "firstrun_docx" else HERE) / f"{STEM}.txt"

TITLE = "Granskning av det förstärkta samarbetet med Arbetsförmedlingen"


def T(caption, rows, notes=(), widths=None):
    return ("table", caption, rows, list(notes), widths)


CONTENT = [
    ("p", "Försäkringskassan"),
    ("p", "Internrevisionen"),
    ("title", TITLE),
    ("subtitle", "Revisionsrapport IR 2036:04"),
    ("p", "Dnr FK 2035/018830 · Datum 2036-03-19 · Granskningen avser verksamhetsåret 2035"),
    ("p", "Till: Försäkringskassans styrelse och generaldirektör. Internrevisionschef: Eva Lundqvist, tfn 010-116 42 37."),
    ("h1", "Sammanfattning"),
    ("p", "Internrevisionen har granskat Försäkringskassans del av det förstärkta samarbetet med Arbetsförmedlingen "
          "under 2035. Granskningen ingår i revisionsplanen för 2035 (dnr FK 2034/021175)."),
    ("p", "Försäkringskassan genomförde tillsammans med Arbetsförmedlingen 11 400 gemensamma kartläggningar under 2035, "
          "och 73,0 procent av dem som kartlades påbörjade en rehabiliteringsinsats. Av de 8 900 som avslutade en "
          "insats hade 55,0 procent fått eller återfått arbetsförmåga."),
    ("p", "I stickprovet om 400 ärenden fanns minst en avvikelse i 54 ärenden, eller 13,5 procent. Den vanligaste "
          "avvikelsen var att kallelsen till gemensam kartläggning inte skickats i tid. Försäkringskassan förbrukade "
          "99,2 procent av de tilldelade medlen."),
    ("p", "Internrevisionen bedömer att den interna styrningen och kontrollen i huvudsak är tillräcklig, men att "
          "riskerna kring kallelser och kring redovisningen av medel är höga. Vi lämnar sex rekommendationer i avsnitt "
          "3."),
    ("h1", "1 Inledning"),
    ("h2", "1.1 Bakgrund"),
    ("p", "Sedan 2016 har Försäkringskassan och Arbetsförmedlingen ett gemensamt uppdrag i regleringsbreven att "
          "samarbeta kring individer som behöver rehabiliteringsinsatser. För 2035 anvisades 1 280 miljoner kronor på "
          "anslaget 1:6 Bidrag till förstärkt samarbete inom utgiftsområde 10, varav 340 miljoner kronor tilldelades "
          "Försäkringskassan."),
    ("h2", "1.2 Syfte och revisionsfrågor"),
    ("p", "Syftet är att bedöma om Försäkringskassans interna styrning och kontroll av samarbetet är tillräcklig. "
          "Granskningen besvarar tre revisionsfrågor:"),
    ("ol", "Handläggs ärendena enligt de gemensamma rutinerna?"),
    ("ol", "Följs resultaten upp på ett tillförlitligt sätt?"),
    ("ol", "Redovisas medlen korrekt?"),
    ("h2", "1.3 Avgränsning och metod"),
    ("p", "Granskningen omfattar ärenden där en gemensam kartläggning avslutades under perioden 1 januari–31 december "
          "2035. Vi har granskat ett stickprov om 400 ärenden, intervjuat 18 medarbetare och chefer på sex orter samt "
          "analyserat uppgifter ur SUS och ärendesystemet. Metoden beskrivs i bilaga 1."),
    ("p", "Granskningen har genomförts av revisorerna Jonas Berg och Sofia Alm under perioden oktober 2035–februari "
          "2036 i enlighet med internrevisionens standarder."),
    ("h1", "2 Iakttagelser och bedömningar"),
    ("h2", "2.1 Volymer och resultat"),
    ("p", "Tabell 2:1 visar volymer och resultat i samarbetet 2035 efter förmån. Uppgifterna är hämtade ur SUS den "
          "15 januari 2036."),
    T("Tabell 2:1 Gemensamma kartläggningar, rehabiliteringsinsatser och resultat 2035, efter förmån", [
        ["Förmån", "Gemensamma kartläggningar", "Påbörjat insats", "Andel påbörjat (%)", "Avslutade insatser",
         "Fått eller återfått arbetsförmåga (%)"],
        ["Samtliga", "11 400", "8 322", "73,0", "8 900", "55,0"],
        ["Sjukpenning", "8 892", "6 580", "74,0", "6 720", "56,8"],
        ["Aktivitetsersättning", "2 166", "1 560", "72,0", "1 840", "48,2"],
        ["Övriga", "342", "182", "53,2", "340", "55,3"],
    ], notes=["Källa: SUS (Samordnade uppföljningssystemet), uttag 2036-01-15. Övriga avser personer utan sjukpenning "
              "eller aktivitetsersättning, till exempel med sjukersättning."]),
    ("p", "Andelen som påbörjade en insats var högst för sjukpenning, 74,0 procent, och lägst för gruppen övriga, 53,2 "
          "procent. Andelen som fått eller återfått arbetsförmåga var 48,2 procent för aktivitetsersättning, 8,6 "
          "procentenheter lägre än för sjukpenning."),
    ("p", "Den genomsnittliga tiden i samverkan var 392 dagar. För dem med aktivitetsersättning var den 451 dagar."),
    ("h2", "2.2 Granskning av ärenden"),
    ("p", "Vi har granskat 400 ärenden i tre strata (tabell 2:2). I 54 ärenden, motsvarande 13,5 procent, fanns minst "
          "en avvikelse från de gemensamma rutinerna."),
    T("Tabell 2:2 Granskade ärenden och ärenden med avvikelse, efter stratum", [
        ["Stratum", "Granskade ärenden", "Avvikelser", "Andel (%)"],
        ["Samtliga", "400", "54", "13,5"],
        ["Sjukpenning, anställda", "160", "19", "11,9"],
        ["Sjukpenning, arbetslösa", "120", "17", "14,2"],
        ["Aktivitetsersättning", "120", "18", "15,0"],
    ], notes=["Avvikelser avser ärenden med minst en avvikelse. Andelarna är oviktade."]),
    ("p", "Sammanlagt noterade vi 71 avvikelser vid de fem kontrollpunkterna, eftersom ett ärende kan ha flera "
          "avvikelser (tabell 2:3)."),
    T("Tabell 2:3 Avvikelser per kontrollpunkt", [
        ["Kontrollpunkt", "Avvikelser", "Andel av granskade ärenden (%)"],
        ["Samtliga kontrollpunkter", "71", "–"],
        ["Kallelse inom 14 dagar", "24", "6,0"],
        ["Dokumentation av kartläggningen", "19", "4,8"],
        ["Beslut om insats", "11", "2,8"],
        ["Uppföljning under insats", "9", "2,3"],
        ["Avslut och överlämning", "8", "2,0"],
    ], notes=["Ett ärende kan ha avvikelser vid flera kontrollpunkter. Någon andel redovisas därför inte för samtliga "
              "kontrollpunkter."]),
    ("p", "Den vanligaste avvikelsen var att kallelsen till gemensam kartläggning inte skickats inom 14 dagar från "
          "begäran, vilket gällde 24 ärenden. Mediantiden från begäran till genomförd kartläggning var 23 dagar, och i "
          "61 ärenden (15,3 procent) var tiden längre än 30 dagar."),
    ("p", "I 19 ärenden saknades dokumentation av kartläggningen i ärendesystemet, och i 11 ärenden saknade beslutet "
          "om insats motivering."),
    ("h2", "2.3 Redovisning av medel"),
    ("p", "Försäkringskassan förbrukade 337,4 miljoner kronor av de tilldelade 340,0 miljonerna, det vill säga 99,2 "
          "procent (tabell 2:4). Av förbrukningen hade 4,1 miljoner kronor redovisats på fel verksamhetskod."),
    T("Tabell 2:4 Försäkringskassans medel från anslaget 1:6 Bidrag till förstärkt samarbete 2034–2035, tkr", [
        ["Post", "2034", "2035"],
        ["Tilldelat", "331 000", "340 000"],
        ["Förbrukat", "326 850", "337 420"],
        ["Differens", "4 150", "2 580"],
        ["Andel förbrukat (%)", "98,7", "99,2"],
    ], notes=["Källa: Försäkringskassans ekonomisystem (Agresso), huvudbok 2034 och 2035."]),
    ("p", "Förbrukningen ökade med 10,6 miljoner kronor jämfört med 2034."),
    ("h2", "2.4 Riskbedömning"),
    ("p", "Internrevisionen har bedömt varje iakttagelse efter sannolikhet och konsekvens på en skala från 1 till 5. "
          "Riskvärdet är produkten av de två (tabell 2:5)."),
    T("Tabell 2:5 Riskmatris över iakttagelserna", [
        ["Nr", "Iakttagelse", "Sannolikhet", "Konsekvens", "Riskvärde", "Risknivå"],
        ["I1", "Kallelse till gemensam kartläggning skickas inte i tid", "4", "3", "12", "Hög"],
        ["I2", "Kartläggningen dokumenteras bristfälligt", "3", "3", "9", "Medel"],
        ["I3", "Beslut om insats saknar motivering", "2", "4", "8", "Medel"],
        ["I4", "Uppföljning under insats sker inte enligt rutin", "3", "2", "6", "Låg"],
        ["I5", "Överlämning vid avslut saknas", "2", "2", "4", "Låg"],
        ["I6", "Medel redovisas på fel verksamhetskod", "4", "4", "16", "Hög"],
    ], notes=["Skala 1–5 för sannolikhet och konsekvens. Risknivå: låg 1–6, medel 7–11, hög 12–25."],
      widths=[1.0, 6.4, 2.2, 2.2, 2.0, 2.0]),
    ("p", "Högst riskvärde, 16, har iakttagelsen om redovisning av medel (I6), följt av kallelser (I1) med 12."),
    ("h1", "3 Rekommendationer"),
    ("p", "Internrevisionen rekommenderar generaldirektören att"),
    ("ol2", "säkerställa att kallelse till gemensam kartläggning skickas inom 14 dagar, med målet att minst 90 procent "
            "av kallelserna ska skickas i tid,"),
    ("ol2", "införa en kontroll av att kartläggningen dokumenteras i ärendesystemet,"),
    ("ol2", "tydliggöra kraven på motivering i beslut om insats,"),
    ("ol2", "följa upp att uppföljningsmöten hålls minst var åttonde vecka under pågående insats,"),
    ("ol2", "säkerställa en fungerande överlämning till Arbetsförmedlingen vid avslut, samt"),
    ("ol2", "rätta redovisningen av de 4,1 miljoner kronor som bokförts på fel verksamhetskod och se över "
            "kontrollerna i bokslutet."),
    ("h1", "4 Ledningens kommentarer"),
    ("p", "Ledningen instämmer i iakttagelserna och har beslutat om en handlingsplan (dnr FK 2036/004102). Åtgärderna "
          "ska vara genomförda senast den 31 december 2036. Internrevisionen följer upp rekommendationerna hösten "
          "2036."),
    ("pagebreak", None),
    ("h1", "Bilaga 1 Metod"),
    ("p", "Urvalet drogs som ett stratifierat obundet slumpmässigt urval bland de 11 058 gemensamma kartläggningar med "
          "sjukpenning eller aktivitetsersättning som avslutades under 2035. Gruppen övriga (342 ärenden) ingick inte "
          "i urvalet."),
    T("Tabell B1:1 Population, urval, bortfall och granskade ärenden per stratum", [
        ["Stratum", "Population", "Urval", "Bortfall", "Granskade"],
        ["Samtliga", "11 058", "412", "12", "400"],
        ["Sjukpenning, anställda", "5 230", "165", "5", "160"],
        ["Sjukpenning, arbetslösa", "3 662", "124", "4", "120"],
        ["Aktivitetsersättning", "2 166", "123", "3", "120"],
    ]),
    ("p", "Bortfallet, 12 ärenden eller 2,9 procent av urvalet, avser ärenden som inte kunde granskas eftersom akten "
          "var gallrad eller sekretessmarkerad."),
    ("p", "Resultaten redovisas med konfidensnivå 95 %. För andelen ärenden med avvikelse, 13,5 procent, är "
          "felmarginalen ±3,3 procentenheter, vilket ger ett konfidensintervall på 10,2–16,8 procent. Andelarna i "
          "tabell 2:2 är oviktade; viktade efter populationen blir andelen 13,2 procent."),
    ("p", "Intervjuer: 18 intervjuer med handläggare, specialister och chefer på sex orter samt två intervjuer med "
          "företrädare för Arbetsförmedlingen."),
    ("p", "Dokumentstudier: regleringsbrevet för 2035, de gemensamma rutinerna (version 4.2 av den 30 november 2034) "
          "och Försäkringskassans riktlinjer 2034:07."),
]


def add_runs(paragraph, text, size=None, bold=False):
    run = paragraph.add_run(text)
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


def restart_numbering(doc, paragraph):
    """Give a List Number paragraph its own numbering instance so that the second list starts at 1 again."""
    numbering = doc.part.numbering_part.numbering_definitions._numbering
    style_num = doc.styles["List Number"].element.pPr.numPr.numId.val
    abstract = numbering.num_having_numId(style_num).abstractNumId.val
    num = numbering.add_num(abstract)
    override = num.add_lvlOverride(ilvl=0)
    override.add_startOverride(1)
    numPr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
    numPr.get_or_add_ilvl().val = 0
    numPr.get_or_add_numId().val = num.numId


def add_table(doc, rows, widths=None, size=Pt(9)):
    t = doc.add_table(rows=len(rows), cols=len(rows[0]))
    t.style = "Table Grid"
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            cell = t.cell(r, c)
            if widths:
                cell.width = Cm(widths[c])
            para = cell.paragraphs[0]
            add_runs(para, text, size=size, bold=(r == 0 or (r == 1 and row[0].startswith("Samtliga"))))
            if r == 0:
                shade(cell, "DCE6F0")
            elif row[0].startswith("Samtliga"):
                shade(cell, "F2F2F2")
            if r > 0 and c > 0 and re.fullmatch(r"[\d ,–]+", text):
                para.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    return t


def write_docx():
    doc = Document()
    doc.core_properties.title = TITLE
    doc.core_properties.author = "Försäkringskassan, Internrevisionen"
    doc.styles["Normal"].font.name = "Georgia"
    doc.styles["Normal"].font.size = Pt(10.5)
    section = doc.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    section.left_margin = section.right_margin = Cm(2.5)
    add_page_number_footer(section, "Revisionsrapport IR 2036:04", 16.0)
    for style in ("Heading 1", "Heading 2", "Title", "Subtitle"):
        doc.styles[style].font.color.rgb = RGBColor(0x1F, 0x3A, 0x5F)
    first_ol2 = True
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
        elif kind == "ol":
            add_runs(doc.add_paragraph(style="List Number"), block[1])
        elif kind == "ol2":
            p = doc.add_paragraph(style="List Number")
            add_runs(p, block[1])
            if first_ol2:
                restart_numbering(doc, p)
                ol2_num = p._p.pPr.numPr.numId.val
                first_ol2 = False
            else:
                numPr = p._p.get_or_add_pPr().get_or_add_numPr()
                numPr.get_or_add_ilvl().val = 0
                numPr.get_or_add_numId().val = ol2_num
        elif kind == "pagebreak":
            doc.add_page_break()
        elif kind == "table":
            _, caption, rows, notes, widths = block
            cap = doc.add_paragraph(style="Caption")
            add_runs(cap, caption)
            cap.paragraph_format.keep_with_next = True
            add_table(doc, rows, widths)
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
