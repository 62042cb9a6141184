"""Write the blind test report "Det förstärkta samarbetet – delrapport januari–juni 2040" (Försäkringskassan and
Arbetsförmedlingen; all figures and names invented) as a real Word document with python-docx, export it with
LibreOffice headless to PDF, and write the text version of the same content.

Pattern copied from tests/data/firstrun_docx/make_firstrun_pub8_arsbok.py (python-docx + soffice):
- firstrun-pub9-delrapport-manader-2040.docx: an interim report (delrapport) of two agencies: a title page, a manual
  table of contents with page numbers, a "Sammanfattning" page, numbered chapters "1" .. "6", SIX TABLES WITH THE CAPTION
  ABOVE THE TABLE ("Tabell 2. ...") AND THE UNIT ON ITS OWN LINE UNDER THE CAPTION ("Antal kartläggningar", "Procent",
  "Tusental kronor (tkr)"), MONTHS IN THE COLUMNS (Jan .. Dec plus "Totalt" in tabell 1, on a LANDSCAPE page; Jan .. Jun
  plus "Jan–jun" in tabell 2, 5 and 6, tabell 6 also on a landscape page), YEARS IN THE ROWS WITH QUARTER COLUMNS ("Kv 1" .. "Kv 4", "Helår") in tabell 3
  and 4, panel rows in tabell 4, the year inside the row label in tabell 5 ("Möten för omställning 2040"), ".." for
  quarters not yet reported, and REAL WORD FOOTNOTES (a footnotes part with w:footnoteReference runs), one of them on a
  table cell ("1 118" in tabell 2) and one on a row label ("Totalt");
- firstrun-pub9-delrapport-manader-2040.pdf: the docx exported by LibreOffice ("--convert-to pdf");
- firstrun-pub9-delrapport-manader-2040.txt: the text version written by this script from the same content: one
  paragraph per line, headings as plain lines, every table row on ONE LINE WITH CELLS SEPARATED BY TABS, the caption
  line and the unit line above the table, a "Källa:" line under it; a footnote reference is written "[n]" glued to the
  word or number it follows, and the footnote texts come at the end of the text after a rule line, one per line,
  "[n] text" (as a plain-text export gathers them). In the Word document the space inside a grouped number ("6 888")
  is a no-break space, as Word typesetting has it; the .txt writes an ordinary space. The gold (firstrun-pub9-delrapport-manader-2040.facts.yaml) refers
  to this .txt.

Run: python make_firstrun_pub9_delrapport.py (writes the .docx, .pdf and .txt next to this script).
"""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
STEM = "firstrun-pub9-delrapport-manader-2040"
DOCX = HERE / f"{STEM}.docx"
PDF = HERE / f"{STEM}.pdf"
TXT = HERE / f"{STEM}.txt"

MONTHS12 = ["Jan", "Feb", "Mar", "Apr", "Maj", "Jun", "Jul", "Aug", "Sep", "Okt", "Nov", "Dec"]
MONTHS6 = MONTHS12[:6]


def fmt(n: int) -> str:
    s = f"{n:,}".replace(",", " ")
    return s


def pct(x: float) -> str:
    return f"{x:.1f}".replace(".", ",")


# ---- data (hand-made; sums and shares computed so that the tables add up) ---------------------------------------
GK2039_TOT = [1020, 1130, 1240, 1105, 1210, 1060, 540, 905, 1265, 1330, 1290, 890]
GK2039_KV = [640, 716, 779, 697, 762, 668, 342, 569, 797, 840, 812, 561]
GK2040_SP = [855, 926, 878, 912, 979, 866]
GK2040_AE = [204, 219, 207, 214, 228, 199]
GK2040_OV = [31, 35, 33, 34, 38, 30]
GK2040_TOT = [a + b + c for a, b, c in zip(GK2040_SP, GK2040_AE, GK2040_OV)]
OM2040 = [182, 201, 214, 196, 228, 187]
OM2039 = [170, 188, 199, 181, 205, 176]
KM2040 = [312, 334, 351, 329, 362, 298]
KM2039 = [290, 305, 322, 318, 340, 281]
AF_FORV = [33850, 34120, 35010, 34460, 34980, 35210]
AF_REHAB = [41200, 43560, 45980, 44300, 46120, 42840]
AF_MON = [a + b for a, b in zip(AF_FORV, AF_REHAB)]
FK_MON = [27340, 28010, 29150, 28470, 29600, 28930]
SUM_MON = [a + b for a, b in zip(AF_MON, FK_MON)]
AF_TILL, FK_TILL = 978000, 352000

assert sum(GK2039_TOT) == 12985 and sum(GK2039_KV) == 8183
assert GK2040_TOT == [1090, 1180, 1118, 1160, 1245, 1095] and sum(GK2040_TOT) == 6888
assert sum(OM2040) == 1208 and sum(OM2039) == 1119 and sum(KM2040) == 1986 and sum(KM2039) == 1856
assert sum(SUM_MON) == 643130 and AF_TILL + FK_TILL == 1330000

FOOTNOTES = {
    1: "Uppgifterna är uttagna ur Samordnade uppföljningssystemet (SUS) den 14 juli 2040 och är preliminära.",
    2: "Månadsuppgifterna summerar inte alltid exakt till kvartals- och helårsuppgifterna i årsrapporten, eftersom de "
       "tas ut vid olika tidpunkter.",
    3: "Totalt omfattar även arbetssökande inskrivna vid Arbetsförmedlingen och personer med sjukersättning, sammanlagt "
       f"{fmt(sum(GK2040_OV))} kartläggningar under januari–juni 2040.",
    4: "Uppgiften för mars har reviderats. I månadsstatistiken för mars redovisades 1 102 kartläggningar.",
    5: ".. = uppgiften finns ännu inte. Andelen för ett kvartal avser personer som kartlades under kvartalet och som "
       "påbörjat en insats inom 90 dagar.",
    6: "Antalet avser personer med en pågående insats den sista dagen i månaden. Genomsnittet för januari–juni 2040 var "
       "4 319 personer.",
    7: "Möten för omställning med aktivitetsersättning och sjukersättning räknas från beslutet till och med sex månader "
       "efter beslutet. Under helåret 2039 hölls 2 310 möten för omställning och 3 640 kontaktmöten.",
    8: f"Av anslaget fördelas {AF_TILL // 1000} miljoner kronor till Arbetsförmedlingen och {FK_TILL // 1000} miljoner "
       "kronor till Försäkringskassan enligt regleringsbreven.",
}


def T(caption, unit, header, rows, source, landscape=False):
    return ("table", caption, unit, header, rows, source, landscape)


KALLA = "Källa: Försäkringskassan och Arbetsförmedlingen, SUS."

CONTENT = [
    ("kicker", "Försäkringskassan · Arbetsförmedlingen"),
    ("title", "Det förstärkta samarbetet"),
    ("subtitle", "Delrapport januari–juni 2040"),
    ("meta", "Redovisning enligt regleringsbreven för 2040"),
    ("meta", "Dnr FK 2040/004512 · Af-2040/0032876"),
    ("meta", "Datum 2040-08-28"),
    ("pagebreak",),
    ("tochead", "Innehåll"),
    ("toc", "Sammanfattning\t3"),
    ("toc", "1 Inledning\t4"),
    ("toc", "2 Gemensam kartläggning\t4"),
    ("toc", "3 Rehabiliteringsinsatser\t6"),
    ("toc", "4 Möten för omställning och kontaktmöten\t7"),
    ("toc", "5 Medel\t8"),
    ("toc", "6 Bedömning och fortsatt arbete\t9"),
    ("pagebreak",),
    ("h1", "Sammanfattning"),
    ("p", "Under januari–juni 2040 genomförde Försäkringskassan och Arbetsförmedlingen 6 888 gemensamma "
          "kartläggningar{fn:1}, 123 fler än under motsvarande period 2039. Flest kartläggningar gjordes i maj, 1 245 "
          "stycken."),
    ("p", "Under helåret 2039 genomfördes 12 985 kartläggningar. Myndigheternas mål för 2040 är minst 13 500 "
          "kartläggningar. Med nuvarande takt bedömer vi att antalet för helåret 2040 blir omkring 13 200, och att "
          "målet därmed inte nås."),
    ("bullet", "74 procent av dem som kartlades under första halvåret påbörjade en rehabiliteringsinsats, mot 72 "
               "procent under helåret 2039."),
    ("bullet", "Vid utgången av juni deltog 4 296 personer i en rehabiliteringsinsats, 116 fler än i december 2039."),
    ("bullet", "Antalet möten för omställning ökade med 8 procent till 1 208, och kontaktmötena ökade till 1 986."),
    ("bullet", "Myndigheterna har förbrukat 643 130 tkr av de särskilda medlen, vilket motsvarar 48,4 procent av de "
               "tilldelade medlen för året."),
    ("pagebreak",),
    ("h1", "1 Inledning"),
    ("p", "Försäkringskassan och Arbetsförmedlingen ska enligt regleringsbreven för 2040 lämna en delrapport om det "
          "förstärkta samarbetet senast den 31 augusti 2040. Rapporten omfattar perioden januari–juni 2040 och jämförs i "
          "huvudsak med samma period 2039. Uppgifter per månad redovisas för att visa hur inflödet varierar över "
          "året.{fn:2}"),
    ("h1", "2 Gemensam kartläggning"),
    ("p", "Under 2039 varierade antalet kartläggningar mellan 540 i juli och 1 330 i oktober (tabell 1). Kvinnorna "
          "stod för 63 procent av kartläggningarna under året."),
    T("Tabell 1. Gemensamma kartläggningar per månad 2039, kvinnor och totalt", "Antal kartläggningar",
      [[""] + MONTHS12 + ["Totalt"]],
      [["därav kvinnor"] + [fmt(x) for x in GK2039_KV] + [fmt(sum(GK2039_KV))],
       ["Totalt"] + [fmt(x) for x in GK2039_TOT] + [fmt(sum(GK2039_TOT))]],
      KALLA, landscape=True),
    ("p", "Under januari–juni 2040 ökade antalet kartläggningar med sjukpenning jämfört med samma period 2039, medan "
          "kartläggningarna med aktivitetsersättning minskade något (tabell 2). Under januari–juni 2039 genomfördes "
          "6 765 kartläggningar, varav 5 290 med sjukpenning och 1 298 med aktivitetsersättning."),
    T("Tabell 2. Gemensamma kartläggningar per månad januari–juni 2040 efter ersättning", "Antal kartläggningar",
      [["Ersättning"] + MONTHS6 + ["Jan–jun"]],
      [["Sjukpenning"] + [fmt(x) for x in GK2040_SP] + [fmt(sum(GK2040_SP))],
       ["Aktivitetsersättning"] + [fmt(x) for x in GK2040_AE] + [fmt(sum(GK2040_AE))],
       ["Totalt{fn:3}"] + [fmt(x) + ("{fn:4}" if i == 2 else "") for i, x in enumerate(GK2040_TOT)]
       + [fmt(sum(GK2040_TOT))]],
      KALLA),
    ("h1", "3 Rehabiliteringsinsatser"),
    ("p", "Andelen som påbörjar en rehabiliteringsinsats efter gemensam kartläggning var 73 procent under första "
          "kvartalet och 75 procent under andra kvartalet 2040, vilket är högre än under motsvarande kvartal 2039 "
          "(tabell 3)."),
    T("Tabell 3. Andel som påbörjat rehabiliteringsinsats efter gemensam kartläggning, per kvartal 2039–2040{fn:5}",
      "Procent",
      [["År", "Kv 1", "Kv 2", "Kv 3", "Kv 4", "Helår"]],
      [["2039", "71", "73", "70", "74", "72"],
       ["2040", "73", "75", "..", "..", ".."]],
      KALLA),
    ("p", "Vid utgången av juni 2040 deltog 4 296 personer i en rehabiliteringsinsats. I december 2039 var antalet "
          "4 180, och under 2039 deltog i genomsnitt 4 120 personer per månad.{fn:6}"),
    ("p", "Under första halvåret 2040 avslutade 4 645 personer en rehabiliteringsinsats och 57 procent av dem fick "
          "eller återfick arbetsförmåga (tabell 4). Målet för 2040 är att 60 procent eller fler ska ha utvecklat eller "
          "återfått arbetsförmåga."),
    T("Tabell 4. Avslutade rehabiliteringsinsatser och andel som fått eller återfått arbetsförmåga, per kvartal "
      "2039–2040", "Antal personer respektive procent",
      [["År", "Kv 1", "Kv 2", "Kv 3", "Kv 4", "Helår"]],
      [["Avslutade insatser, antal", "", "", "", "", ""],
       ["2039", "2 180", "2 305", "1 745", "2 460", "8 690"],
       ["2040", "2 255", "2 390", "..", "..", ".."],
       ["Fått eller återfått arbetsförmåga, %", "", "", "", "", ""],
       ["2039", "54", "56", "53", "57", "55"],
       ["2040", "55", "58", "..", "..", ".."]],
      KALLA),
    ("h1", "4 Möten för omställning och kontaktmöten"),
    ("p", "Under januari–juni 2040 hölls 1 208 möten för omställning, 89 fler än under samma period 2039 (tabell 5). "
          "Kontaktmötena ökade från 1 856 till 1 986. Flest möten hölls i maj.{fn:7}"),
    T("Tabell 5. Möten för omställning per månad januari–juni 2039 och 2040", "Antal möten",
      [[""] + MONTHS6 + ["Jan–jun"]],
      [["Möten för omställning 2040"] + [fmt(x) for x in OM2040] + [fmt(sum(OM2040))],
       ["Möten för omställning 2039"] + [fmt(x) for x in OM2039] + [fmt(sum(OM2039))]],
      KALLA),
    ("h1", "5 Medel"),
    ("p", "Anslaget 1:6 Bidrag till förstärkt samarbete uppgår 2040 till 1 330 miljoner kronor.{fn:8} Till och med juni "
          "hade myndigheterna förbrukat 643 130 tkr (tabell 6). Förbrukningstakten är något lägre än under 2039, då "
          "49,1 procent av medlen hade förbrukats vid halvårsskiftet."),
    T("Tabell 6. Förbrukade medel per månad januari–juni 2040 och tilldelade medel 2040, per myndighet",
      "Tusental kronor (tkr)",
      [["Myndighet"] + MONTHS6 + ["Jan–jun", "Tilldelat 2040", "Förbrukat, %"]],
      [["Arbetsförmedlingen"] + [fmt(x) for x in AF_MON] + [fmt(sum(AF_MON)), fmt(AF_TILL),
                                                            pct(100 * sum(AF_MON) / AF_TILL)],
       ["Försäkringskassan"] + [fmt(x) for x in FK_MON] + [fmt(sum(FK_MON)), fmt(FK_TILL),
                                                           pct(100 * sum(FK_MON) / FK_TILL)],
       ["Summa"] + [fmt(x) for x in SUM_MON] + [fmt(sum(SUM_MON)), fmt(AF_TILL + FK_TILL),
                                               pct(100 * sum(SUM_MON) / (AF_TILL + FK_TILL))]],
      "Källa: Arbetsförmedlingens och Försäkringskassans ekonomisystem.", landscape=True),
    ("h1", "6 Bedömning och fortsatt arbete"),
    ("p", "Myndigheterna bedömer att samarbetet utvecklas i rätt riktning. Under de senaste tolv månaderna, juli "
          "2039–juni 2040, genomfördes 13 108 kartläggningar, vilket fortfarande är under målnivån för 2040."),
    ("p", "Prognosen för helåret 2040 är omkring 13 200 kartläggningar, vilket är 300 färre än målet om minst 13 500. "
          "Arbetsförmedlingen kommer under hösten att anställa 25 arbetsförmedlare med inriktning mot rehabilitering, "
          "och Försäkringskassan förstärker med 12 handläggare."),
    ("p", "Nästa rapport, årsrapporten för 2040, lämnas den 20 februari 2041."),
]

FN = re.compile(r"\{fn:(\d+)\}")


# ---- text version -----------------------------------------------------------------------------------------------
def text_lines():
    lines: list[str] = []
    for block in CONTENT:
        kind = block[0]
        if kind == "table":
            _, caption, unit, header, data, source, _land = block
            lines.append(FN.sub(r"[\1]", caption))
            lines.append(unit)
            for h in header:
                lines.append("\t".join(h))
            for r in data:
                lines.append("\t".join(FN.sub(r"[\1]", c) for c in r))
            lines.append(source)
            lines.append("")
        elif kind == "pagebreak":
            lines.append("")
        elif kind == "bullet":
            lines.append("• " + FN.sub(r"[\1]", block[1]))
        elif kind in ("h1", "tochead"):
            lines.append("")
            lines.append(block[1])
        else:
            lines.append(FN.sub(r"[\1]", block[1]))
    lines.append("")
    lines.append("_" * 20)
    for n, text in FOOTNOTES.items():
        lines.append(f"[{n}] {text}")
    return lines


def write_txt():
    lines = text_lines()
    out = "\n".join(lines)
    out = re.sub(r"\n{3,}", "\n\n", out).strip("\n") + "\n"
    TXT.write_text(out, encoding="utf-8")


# ---- Word -------------------------------------------------------------------------------------------------------
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _esc(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def footnotes_xml() -> bytes:
    parts = [f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:footnotes xmlns:w="{W_NS}">',
             '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" w:line="240" '
             'w:lineRule="auto"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>',
             '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0" w:line="240" '
             'w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>']
    for n, text in FOOTNOTES.items():
        parts.append(
            f'<w:footnote w:id="{n}"><w:p><w:pPr><w:spacing w:after="0"/></w:pPr>'
            '<w:r><w:rPr><w:vertAlign w:val="superscript"/><w:sz w:val="16"/></w:rPr><w:footnoteRef/></w:r>'
            f'<w:r><w:rPr><w:sz w:val="16"/></w:rPr><w:t xml:space="preserve"> {_esc(text)}</w:t></w:r></w:p></w:footnote>')
    parts.append("</w:footnotes>")
    return "".join(parts).encode("utf-8")


def add_footnotes_part(doc):
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    from docx.oxml import parse_xml

    part = Part(PackURI("/word/footnotes.xml"),
                "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
                footnotes_xml(), doc.part.package)
    doc.part.relate_to(part, RT.FOOTNOTES)
    settings = doc.settings.element
    pr = parse_xml(f'<w:footnotePr xmlns:w="{W_NS}"><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr>')
    # schema order: w:footnotePr comes after w:hdrShapeDefaults and before w:endnotePr / w:compat / w:docVars ...
    later = {"endnotePr", "compat", "docVars", "rsids", "mathPr", "attachedSchema", "themeFontLang",
             "clrSchemeMapping", "doNotIncludeSubdocsInStats", "doNotAutoCompressPictures", "forceUpgrade",
             "captions", "readModeInkLockDown", "smartTagType", "schemaLibrary", "shapeDefaults",
             "doNotEmbedSmartTags", "decimalSymbol", "listSeparator", "docId", "defaultImageDpi"}
    for child in settings:
        if child.tag.split("}")[1] in later:
            child.addprevious(pr)
            break
    else:
        settings.append(pr)


GROUPED = re.compile(r"(?<=\d) (?=\d{3}(?!\d))")


def add_runs(paragraph, text, size=None, bold=False):
    """Add text; '{fn:N}' becomes a Word footnote reference; the space inside a grouped number ("6 888") becomes a
    no-break space in the Word document (the .txt keeps the ordinary space)."""
    from docx.oxml import parse_xml
    text = GROUPED.sub("\u00a0", text)
    pos = 0
    for m in list(FN.finditer(text)) + [None]:
        chunk = text[pos:m.start()] if m else text[pos:]
        if chunk:
            run = paragraph.add_run(chunk)
            if size:
                run.font.size = size
            if bold:
                run.bold = True
        if m:
            n = m.group(1)
            r = parse_xml(f'<w:r xmlns:w="{W_NS}"><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
                          f'<w:footnoteReference w:id="{n}"/></w:r>')
            paragraph._p.append(r)
            pos = m.end()


def set_orientation(section, landscape):
    from docx.enum.section import WD_ORIENT
    from docx.shared import Cm
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    if landscape:
        section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    else:
        section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2.0)


def write_docx():
    from docx import Document
    from docx.enum.section import WD_SECTION
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
    from docx.shared import Cm, Pt, RGBColor

    doc = Document()
    doc.core_properties.title = "Det förstärkta samarbetet – delrapport januari–juni 2040"
    doc.core_properties.author = "Försäkringskassan och Arbetsförmedlingen"
    doc.styles["Normal"].font.name = "Garamond"
    doc.styles["Normal"].font.size = Pt(11)
    set_orientation(doc.sections[0], False)
    doc.sections[0].footer.paragraphs[0].add_run("Delrapport januari–juni 2040 · Det förstärkta samarbetet").font.size = Pt(8)
    doc.styles["Heading 1"].font.color.rgb = RGBColor(0x1D, 0x3F, 0x6E)
    for block in CONTENT:
        kind = block[0]
        if kind == "kicker":
            p = doc.add_paragraph()
            add_runs(p, block[1], size=Pt(10))
        elif kind == "title":
            p = doc.add_paragraph(style="Title")
            add_runs(p, block[1])
        elif kind == "subtitle":
            p = doc.add_paragraph(style="Subtitle")
            add_runs(p, block[1])
        elif kind == "meta":
            add_runs(doc.add_paragraph(), block[1], size=Pt(10))
        elif kind == "pagebreak":
            doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        elif kind == "tochead":
            add_runs(doc.add_paragraph(style="Heading 1"), block[1])
        elif kind == "toc":
            p = doc.add_paragraph()
            p.paragraph_format.tab_stops.add_tab_stop(Cm(15.5))
            add_runs(p, block[1])
        elif kind == "h1":
            add_runs(doc.add_heading(level=1), block[1])
        elif kind == "bullet":
            add_runs(doc.add_paragraph(style="List Bullet"), block[1])
        elif kind == "table":
            _, caption, unit, header, data, source, landscape = block
            if landscape:
                sec = doc.add_section(WD_SECTION.NEW_PAGE)
                set_orientation(sec, True)
            cap = doc.add_paragraph(style="Caption")
            add_runs(cap, caption, bold=True)
            u = doc.add_paragraph()
            add_runs(u, unit, size=Pt(9))
            ncols = len(header[0])
            t = doc.add_table(rows=len(header) + len(data), cols=ncols)
            t.style = "Light List Accent 1"
            t.alignment = WD_TABLE_ALIGNMENT.CENTER
            size = Pt(8) if ncols > 10 else Pt(9)
            usable = 25.7 if landscape else 17.0
            first = 4.0 if landscape else (4.6 if ncols > 7 else 5.2)
            widths = [Cm(first)] + [Cm((usable - first) / (ncols - 1))] * (ncols - 1)
            t.autofit = False
            for c, w in enumerate(widths):
                t.columns[c].width = w
            for row_cells in t.rows:
                for c, w in enumerate(widths):
                    row_cells.cells[c].width = w
            for r, row in enumerate(header + data):
                panel = r >= len(header) and all(c == "" for c in row[1:])
                for c, text in enumerate(row):
                    para = t.cell(r, c).paragraphs[0]
                    add_runs(para, text, size=size, bold=r < len(header) or panel or row[0].startswith(("Totalt", "Summa")))
                    if c > 0:
                        para.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            add_runs(doc.add_paragraph(), source, size=Pt(8))
            if landscape:
                sec = doc.add_section(WD_SECTION.NEW_PAGE)
                set_orientation(sec, False)
        else:
            add_runs(doc.add_paragraph(), block[1])
    add_footnotes_part(doc)
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
