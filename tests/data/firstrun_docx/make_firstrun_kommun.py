"""Write the first-run test report "Årsrapport 2026, Arbetsmarknadsförvaltningen, Lindås kommun".

One content list gives three files that agree:

- firstrun_docx/firstrun-kommun-arbetsmarknad-2026.docx: a Word document written with python-docx (real
  headings, a bulleted list, real tables with a repeated header row, merged header cells);
- ../firstrun-kommun-arbetsmarknad-2026.txt: the same content as Word's "Spara som oformaterad text" gives it:
  one paragraph per line, headings as plain lines, bullets as "•<TAB>text", each table row on one line with
  its cells separated by TAB; a horizontally merged cell is one cell (one field), the continuation of a
  vertically merged cell is an empty field, an empty cell an empty field; empty paragraphs are blank lines;
- firstrun_docx/firstrun-kommun-arbetsmarknad-2026.pdf: the docx exported by LibreOffice headless.

All figures are invented. Run: python tests/data/firstrun_docx/make_firstrun_kommun.py (needs python-docx and
soffice on PATH; the PDF step is skipped with a message if soffice is missing).
"""
from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

HERE = Path(__file__).resolve().parent
STEM = "firstrun-kommun-arbetsmarknad-2026"
DOCX = HERE / f"{STEM}.docx"
PDF = HERE / f"{STEM}.pdf"
TXT = HERE.parent / f"{STEM}.txt"

NB = "\u00a0"   # no-break space as thousands separator
MINUS = "\u2212"  # typographic minus


def table(rows, header_rows=1, merges=(), numeric_from=1):
    """rows: full grid (lists of equal length; cells covered by a merge hold None).
    merges: (r1, c1, r2, c2) inclusive; the text sits in (r1, c1)."""
    return ("table", {"rows": rows, "header_rows": header_rows, "merges": list(merges), "numeric_from": numeric_from})


CONTENT = [
    ("title", "Årsrapport 2026"),
    ("subtitle", "Arbetsmarknadsförvaltningen, Lindås kommun"),
    ("empty",),
    ("p", "Dnr AMN 2027/031"),
    ("p", "Fastställd av arbetsmarknadsnämnden 2027-02-18, § 12"),
    ("empty",),
    ("h1", "Året i korthet"),
    ("bullet", f"1{NB}284 hushåll fick försörjningsstöd under året, 6,2 procent färre än 2025."),
    ("bullet", "412 personer lämnade försörjningsstödet för arbete eller studier, tre av fyra av dem för arbete."),
    ("bullet", "Utbetalt försörjningsstöd uppgick till 118,4 mnkr, 7,1 mnkr lägre än budget."),
    ("bullet", "Förvaltningen deltog i 186 gemensamma kartläggningar med Arbetsförmedlingen och Försäkringskassan, "
               "dubbelt så många som 2024."),
    ("bullet", "264 ungdomar hade feriearbete, ett trettiotal fler än året innan."),
    ("bullet", "Knappt hälften av deltagarna i kommunala arbetsmarknadsinsatser var kvinnor."),
    ("h1", "1 Inledning"),
    ("p", "Arbetsmarknadsförvaltningen handlägger försörjningsstöd och ansvarar för kommunens arbetsmarknadsinsatser "
          "för invånare 16–64 år. Arbetet sker i samverkan med Arbetsförmedlingen och Försäkringskassan enligt den "
          "lokala överenskommelse som nämnden godkände i mars 2025 (AMN 2025/087)."),
    ("p", "Förvaltningen hade 74 medarbetare vid årets slut, motsvarande 68,5 årsarbetare. Uppgifterna om "
          "försörjningsstöd är hämtade ur verksamhetssystemet den 15 januari 2027. Jämförelser görs med 2025 och i "
          "tabell 3 med åren 2022–2025."),
    ("h1", "2 Försörjningsstöd"),
    ("h2", "2.1 Hushåll och personer"),
    ("p", "Under 2026 fick 1 284 hushåll försörjningsstöd någon gång under året, jämfört med 1 369 hushåll 2025. "
          "I hushållen ingick 2 517 personer, varav 938 barn. Ett hushåll fick i genomsnitt stöd under 6,5 månader "
          "(6,6 månader 2025)."),
    ("p", "Tre av fyra hushåll (75,2 %) var ensamstående, med eller utan barn. Andelen hushåll med långvarigt "
          "bistånd, det vill säga tio månader eller mer under året, ökade från 38,9 procent 2025 till 41,3 procent "
          "2026."),
    ("caption", "Tabell 1. Hushåll med försörjningsstöd efter hushållstyp, 2025 och 2026"),
    table([
        ["Hushållstyp", "2025", "2026", "Förändring, %"],
        ["Ensamstående utan barn", "655", "612", f"{MINUS}6,6"],
        ["Ensamstående med barn", "381", "354", f"{MINUS}7,1"],
        ["Sammanboende utan barn", "104", "98", "-5,8"],
        ["Sammanboende med barn", "229", "220", "-3,9"],
        ["Totalt", "1 369", "1 284", f"{MINUS}6,2"],
    ]),
    ("source", "Källa: Verksamhetssystemet Viva, uttag 2027-01-15."),
    ("p", f"Antalet hushåll minskade i alla hushållstyper. Minskningen var störst bland ensamstående med barn, "
          f"{MINUS}7,1 procent, och minst bland sammanboende med barn, -3,9 procent."),
    ("h2", "2.2 Utbetalningar per månad"),
    ("p", "Antalet hushåll som fick en utbetalning en enskild månad var som högst i januari, 742 hushåll, och som "
          "lägst i december, 669 hushåll. I genomsnitt fick 699 hushåll utbetalning per månad, 54 färre än 2025."),
    table([
        ["Månad", "Hushåll"],
        ["jan", "742"], ["feb", "736"], ["mar", "728"], ["apr", "715"], ["maj", "702"], ["jun", "688"],
        ["jul", "671"], ["aug", "680"], ["sep", "693"], ["okt", "684"], ["nov", "676"], ["dec", "669"],
    ]),
    ("caption", "Figur 1. Hushåll med utbetalt försörjningsstöd per månad 2026"),
    ("source", "Källa: Viva."),
    ("h2", "2.3 Försörjningshinder"),
    ("p", "Arbetslöshet var det vanligaste försörjningshindret för både kvinnor och män, se tabell 2. Bland männen "
          "var andelen 55,8 procent och bland kvinnorna 48,1 procent, en skillnad på 7,7 procentenheter."),
    ("caption", "Tabell 2. Vuxna med försörjningsstöd efter främsta försörjningshinder och kön, 2026"),
    table([
        ["Försörjningshinder", "Antal vuxna", None, None],
        [None, "Kvinnor", "Män", "Totalt"],
        ["Arbetslös, inskriven på Arbetsförmedlingen", "396", "421", "817"],
        ["Sjukskriven med läkarintyg", "172", "139", "311 1)"],
        ["Sociala skäl", "98", "117", "215"],
        ["Otillräcklig inkomst", "104", "31", "135"],
        ["Övriga hinder", "54", "47", "101"],
        ["Totalt", "824", "755", "1 579"],
    ], header_rows=2, merges=[(0, 0, 1, 0), (0, 1, 0, 3)]),
    ("note", "1) Varav 64 personer hade samtidigt sjukpenning från Försäkringskassan."),
    ("source", "Källa: Viva."),
    ("h2", "2.4 Ålder"),
    ("p", "Antalet unga vuxna 18–24 år med försörjningsstöd minskade med 31 personer, medan gruppen 50–64 år ökade "
          "med 13 personer. Ungdomar under 25 år som ansöker om försörjningsstöd erbjuds ett första samtal med "
          "Ungdomsspåret inom fem arbetsdagar."),
    table([
        ["Ålder", "2025", "2026", "Diff."],
        ["18–24 år", "318", "287", f"{MINUS}31"],
        ["25–29 år", "201", "194", "-7"],
        ["30–49 år", "672", "661", "-11"],
        ["50–64 år", "392", "405", "+13"],
        ["65 år och äldre", "41", "32", f"{MINUS}9"],
        ["Totalt", "1 624", "1 579", f"{MINUS}45"],
    ]),
    ("caption", "Figur 2. Vuxna med försörjningsstöd efter ålder, 2025 och 2026"),
    ("source", "Källa: Viva."),
    ("h2", "2.5 Utveckling 2022–2026"),
    ("p", "Utbetalt försörjningsstöd uppgick till 118,4 mnkr 2026, jämfört med 121,9 mnkr 2025. Genomsnittligt "
          f"utbetalt belopp per hushåll och månad var 14{NB}122 kronor. Sedan 2022 har antalet hushåll minskat med "
          "168, eller 11,6 procent, medan andelen med långvarigt bistånd har ökat varje år."),
    ("caption", "Tabell 3. Hushåll och utbetalt försörjningsstöd 2022–2026"),
    table([
        ["År", "Hushåll", "Utbetalt, mnkr", "Långvarigt bistånd, %"],
        ["2022", f"1{NB}452", "112,6", "36,2"],
        ["2023", f"1{NB}418", "117,3", "37,5"],
        ["2024", f"1{NB}401", "120,8", "38,1"],
        ["2025", f"1{NB}369", "121,9", "38,9"],
        ["2026", f"1{NB}284", "118,4", "41,3"],
    ]),
    ("source", "Källa: Viva och kommunens årsredovisningar 2022–2025."),
    ("h1", "3 Samverkan med Arbetsförmedlingen och Försäkringskassan"),
    ("h2", "3.1 Gemensamma kartläggningar"),
    ("p", "Förvaltningen deltog i 186 gemensamma kartläggningar tillsammans med Arbetsförmedlingen och "
          "Försäkringskassan under 2026, jämfört med 141 år 2025 och 93 år 2024. Av kartläggningarna gällde 112 "
          "personer med sjukpenning och 38 personer med aktivitetsersättning. Övriga 36 hade enbart "
          "försörjningsstöd."),
    ("p", "Drygt sex av tio kartlagda (62 procent) bedömdes ha arbetsförmåga på heltid eller deltid. Av de 186 "
          "kartlagda påbörjade 131 personer en insats inom tre månader, vilket motsvarar 70,4 procent."),
    ("p", "Som jämförelse genomförde Arbetsförmedlingen och Försäkringskassan 11 842 gemensamma kartläggningar i "
          "hela landet under 2026, enligt myndigheternas gemensamma återrapport. Andelen kvinnor var där 61 procent."),
    ("caption", "Tabell 4. Gemensamma kartläggningar och påbörjade insatser per kvartal 2026"),
    table([
        ["", "Kv 1", "Kv 2", "Kv 3", "Kv 4", "Helår"],
        ["Gemensamma kartläggningar", "41", "52", "38", "55", "186"],
        ["varav sjukpenning", "25", "31", "22", "34", "112"],
        ["varav aktivitetsersättning", "8", "11", "9", "10", "38"],
        ["Påbörjad insats", "29", "36", "27", "39", "131"],
    ]),
    ("source", "Källa: Förvaltningens uppföljning."),
    ("h2", "3.2 Sjukpenning och aktivitetsersättning"),
    ("p", "Vid årets slut hade 47 personer med försörjningsstöd samtidigt sjukpenning och 23 personer "
          "aktivitetsersättning. Försäkringskassan avslog under året 19 ansökningar om fortsatt sjukpenning för "
          "personer som förvaltningen stödjer. I 12 av fallen hölls ett omställningsmöte med Arbetsförmedlingen "
          "inom 30 dagar."),
    ("p", "Aktivitetsersättning kan beviljas den som är 19–29 år. Förvaltningen har under året haft en särskild "
          "kontaktperson för dessa unga."),
    ("h2", "3.3 Arbetsförmedlingen"),
    ("p", "Av de 1 579 vuxna med försörjningsstöd var 817 inskrivna som arbetslösa på Arbetsförmedlingen, "
          "51,7 procent. Knappt hälften av dem, 386 personer, deltog i ett arbetsmarknadspolitiskt program."),
    ("h1", "4 Kommunala arbetsmarknadsinsatser"),
    ("h2", "4.1 Deltagare"),
    ("p", "Totalt deltog 587 personer i förvaltningens insatser, 28 fler än 2025. Andelen kvinnor var 47,4 procent. "
          "Extratjänsterna ökade mest, från 48 till 60 deltagare."),
    ("caption", "Tabell 5. Deltagare i kommunala arbetsmarknadsinsatser efter insats och kön, 2026"),
    table([
        ["Insats", "Kvinnor", "Män", "Totalt"],
        ["Jobbcentrum, vägledning", "98", "121", "219"],
        ["Arbetsträning", "64", "77", "141"],
        ["Extratjänster", "31", "29", "60"],
        ["Ungdomsspåret", "46", "58", "104"],
        ["Språkpraktik", "39", "24", "63"],
        ["Totalt", "278", "309", "587"],
    ]),
    ("source", "Källa: Förvaltningens deltagarregister."),
    ("h2", "4.2 Resultat"),
    ("p", "Under året avslutade 402 deltagare en insats. Av dem gick 161 till arbete och 58 till studier, sammanlagt "
          "54,5 procent. Bland männen gick 41,4 procent till arbete, bland kvinnorna 38,5 procent."),
    ("caption", "Tabell 6. Avslutade deltagare efter resultat och kön, 2026"),
    table([
        ["Resultat", "Kvinnor", None, "Män", None],
        [None, "Antal", "Andel, %", "Antal", "Andel, %"],
        ["Arbete", "72", "38,5", "89", "41,4"],
        ["Studier", "33", "17,6", "25", "11,6"],
        ["Arbetslös, inskriven på Arbetsförmedlingen", "49", "26,2", "68", "31,6"],
        ["Sjukskrivning", "19", "10,2", "14", "6,5"],
        ["Övrigt eller okänt", "14", "7,5", "19", "8,8"],
        ["Totalt", "187", "100,0", "215", "100,0"],
    ], header_rows=2, merges=[(0, 0, 1, 0), (0, 1, 0, 2), (0, 3, 0, 4)]),
    ("source", "Källa: Förvaltningens deltagarregister."),
    ("p", "Under 2026 lämnade 412 personer försörjningsstödet för arbete eller studier, jämfört med 367 personer "
          "2025. Av dem gick 309 till arbete och 103 till studier."),
    ("h2", "4.3 Feriearbete och extratjänster"),
    ("p", "Kommunen erbjöd feriearbete till ungdomar som avslutat årskurs 9 eller årskurs 1 eller 2 på gymnasiet. "
          "Av 531 sökande fick 264 ett feriearbete, knappt hälften. År 2025 hade 233 ungdomar feriearbete. "
          "Lönekostnaden blev 2 173 tkr."),
    ("p", "Förvaltningen hade 60 extratjänster under året, varav 41 inom äldreomsorgen. Nettokostnaden för "
          "extratjänsterna var 3,6 mnkr."),
    ("h1", "5 Ekonomi"),
    ("p", "Nämndens budget för 2026 var 191,0 mnkr. Utfallet blev 185,2 mnkr, vilket ger ett överskott på "
          f"5{NB}847 tkr. Försörjningsstödet blev 7,1 mnkr lägre än budget, medan arbetsmarknadsinsatserna "
          "överskred budgeten med 1 450 tkr, främst på grund av fler extratjänster och arbetsträningsplatser."),
    ("caption", "Tabell 7. Budget och utfall 2026, tkr"),
    table([
        ["Verksamhet", "Budget", "Utfall", "Avvikelse"],
        ["Försörjningsstöd", f"125{NB}500", f"118{NB}400 1)", f"7{NB}100"],
        ["Arbetsmarknadsinsatser", f"38{NB}200", f"39{NB}650", f"{MINUS}1{NB}450"],
        ["Feriearbete", f"2{NB}100", f"2{NB}173", "-73"],
        ["Extratjänster", f"3{NB}400", f"3{NB}620", f"{MINUS}220"],
        ["Administration och ledning", f"21{NB}800", f"21{NB}310", "490"],
        ["Summa", f"191{NB}000", f"185{NB}153", f"5{NB}847"],
    ]),
    ("note", "1) Varav 2 340 tkr avser ekonomiskt bistånd till hushåll i tillfälligt boende."),
    ("source", "Källa: Ekonomisystemet."),
    ("p", "Försörjningsstödet motsvarade 64 procent av nämndens kostnader. Kostnaden per deltagare i "
          "arbetsmarknadsinsatserna var 67 547 kronor. Under 2022–2026 har utbetalt försörjningsstöd legat mellan "
          "112 och 122 mnkr per år."),
    ("h1", "6 Inför 2027"),
    ("p", "Nämnden beslutade den 10 december 2026, § 142, om verksamhetsplan för 2027 (AMN 2026/123). Målet är att "
          "minst 450 personer ska gå från försörjningsstöd till arbete eller studier under 2027 och att andelen "
          "hushåll med långvarigt bistånd ska understiga 40 procent."),
    ("p", "Kontakt: enhetschef Per Lund, telefon 0521-76 41 25, Arbetsmarknadsförvaltningen, Lindås kommun, "
          "451 81 Lindås."),
]


# ---------------------------------------------------------------------------------------------- plain text

def covering(merges, r, c):
    for m in merges:
        r1, c1, r2, c2 = m
        if r1 <= r <= r2 and c1 <= c <= c2:
            return m
    return None


def table_lines(spec) -> list[str]:
    rows, merges = spec["rows"], spec["merges"]
    out = []
    for r, row in enumerate(rows):
        fields, c = [], 0
        while c < len(row):
            m = covering(merges, r, c)
            if m:
                fields.append(rows[m[0]][m[1]] if r == m[0] else "")
                c = m[3] + 1
            else:
                fields.append(row[c])
                c += 1
        out.append("\t".join(fields))
    return out


def plain_text() -> str:
    lines = []
    for block in CONTENT:
        kind = block[0]
        if kind == "empty":
            lines.append("")
        elif kind == "bullet":
            lines.append("•\t" + block[1])
        elif kind == "table":
            lines.extend(table_lines(block[1]))
        else:
            lines.append(block[1])
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------------------------------------- docx

def mark_header_row(row) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    tr_pr.append(el)


def add_table(doc, spec) -> None:
    rows, merges, header_rows = spec["rows"], spec["merges"], spec["header_rows"]
    t = doc.add_table(rows=len(rows), cols=len(rows[0]))
    t.style = "Table Grid"
    for r1, c1, r2, c2 in merges:
        t.cell(r1, c1).merge(t.cell(r2, c2))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            if text is None:  # covered by a merged cell
                continue
            cell = t.cell(r, c)
            cell.text = text
            para = cell.paragraphs[0]
            if c >= spec["numeric_from"] and r >= header_rows:
                para.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            if r < header_rows:
                for run in para.runs:
                    run.bold = True
                if c >= spec["numeric_from"]:
                    para.alignment = WD_ALIGN_PARAGRAPH.CENTER if r == 0 and header_rows > 1 else WD_ALIGN_PARAGRAPH.RIGHT
    for r in range(header_rows):
        mark_header_row(t.rows[r])
    t.autofit = False
    ncols = len(rows[0])
    first = Cm(6.0) if ncols > 2 else Cm(5.0)
    other = Cm(10.0 / (ncols - 1)) if ncols > 2 else Cm(3.0)
    for c, col in enumerate(t.columns):  # the grid widths (what LibreOffice reads)
        col.width = first if c == 0 else other
    for row in t.rows:
        for c, cell in enumerate(row.cells):
            cell.width = first if c == 0 else other


def write_docx() -> None:
    doc = Document()
    doc.core_properties.title = "Årsrapport 2026, Arbetsmarknadsförvaltningen, Lindås kommun"
    doc.core_properties.author = "Lindås kommun"
    doc.styles["Normal"].font.name = "Calibri"
    doc.styles["Normal"].font.size = Pt(11)
    for block in CONTENT:
        kind = block[0]
        if kind == "title":
            doc.add_paragraph(block[1], style="Title")
        elif kind == "subtitle":
            doc.add_paragraph(block[1], style="Subtitle")
        elif kind == "empty":
            doc.add_paragraph("")
        elif kind == "h1":
            doc.add_heading(block[1], level=1)
        elif kind == "h2":
            doc.add_heading(block[1], level=2)
        elif kind == "bullet":
            doc.add_paragraph(block[1], style="List Bullet")
        elif kind == "caption":
            doc.add_paragraph(block[1], style="Caption")
        elif kind in ("source", "note"):
            p = doc.add_paragraph()
            run = p.add_run(block[1])
            run.font.size = Pt(9)
            if kind == "source":
                run.italic = True
        elif kind == "table":
            add_table(doc, block[1])
        else:
            doc.add_paragraph(block[1])
    doc.save(DOCX)


def write_pdf() -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        print("soffice not found: PDF not written", file=sys.stderr)
        return
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([soffice, f"-env:UserInstallation=file://{tmp}/profile", "--headless", "--convert-to", "pdf",
                        "--outdir", tmp, str(DOCX)], check=True, capture_output=True, timeout=180)
        shutil.copyfile(Path(tmp) / f"{STEM}.pdf", PDF)


if __name__ == "__main__":
    TXT.write_text(plain_text(), encoding="utf-8")
    write_docx()
    if "--no-pdf" not in sys.argv:
        write_pdf()
    print(TXT, DOCX, PDF, sep="\n")
