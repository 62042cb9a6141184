"""Write the first-run test report "Budgetunderlag för 2029–2031" (Arbetsförmedlingen, Dnr Af-2028/0012345).

A fictional budget submission by Arbetsförmedlingen to the government (dated 2028-02-27), in the house style of an
agency budgetunderlag written in Word: a title page with "Dnr" and "Datum" lines, a table of contents with page
numbers, a "Sammanfattning" with the agency's requests (prose and a bulleted list "att ..."), chapters numbered by
hand ("3 Förslag till anslag, krediter och bemyndiganden", "3.2 ..."), tables whose columns are YEARS WITH A STATUS
WORD ("Utfall 2026 | Prognos 2027 | Prognos 2028 | Beräknat 2029 | Beräknat 2030 | Beräknat 2031"), in two tables
split over two header rows ("Utfall" above "2026"), rows for anslag and indented "varav" sub-items, a "Summa" row, a
"Förändring 2028–2029, %" column, amounts in tkr stated ONLY in the caption ("..., tkr") or ONLY in a header cell
("(tkr)"), one table in mnkr with one decimal, captions "Tabell 3.1 ..." ABOVE the tables and "Tabell B:1 ..." in
"Bilaga 1", real Word footnotes (footnotes.xml) explaining a price base and two changes of definition (one mark glued
to "tkr" at the end of a caption, two inside row-header cells), and a closing decision paragraph. One content list
gives three files that say the same things:

- firstrun_docx/firstrun-budgetunderlag-af-2029.docx: the Word document (python-docx), a footer with the document
  name and a page field (not on the title page), explicit page breaks before the main parts;
- ../firstrun-budgetunderlag-af-2029.txt: the same content as Word's plain-text export gives it, as in the kommun and
  FK analysis reports (make_firstrun_kommun.py, make_firstrun_fk_analys.py): one paragraph per line, no blank lines
  except the empty title-page paragraph, headings as plain lines, bullets as "•<TAB>text", table-of-contents entries
  as "heading<TAB>page", each table row one line with TAB between cells (a horizontally merged cell ONE field, the
  continuation of a vertically merged cell an empty field; the indentation of "varav" rows is paragraph formatting
  and does not come out); footnote reference marks as superscript digits glued to the preceding text ("tkr²",
  "lokalkostnader³", "prognoser.¹") and each chapter's footnotes as lines "¹ text" after the chapter's last
  paragraph; thousands separators in the running text are NO-BREAK SPACES (U+00A0), in tables plain spaces; negative
  table cells use U+2212;
- firstrun_docx/firstrun-budgetunderlag-af-2029.pdf: the docx exported by LibreOffice headless. The page numbers of
  the table of contents are checked against this PDF (pdftotext) and a mismatch is reported.

The footnote machinery and the page field come from make_firstrun_aterrapport_word.py, the plain-text table rows
and the soffice call from make_firstrun_kommun.py. All figures are invented. Run:
python tests/data/firstrun_docx/make_firstrun_budgetunderlag_af.py (needs python-docx; soffice and pdftotext on PATH
for the PDF and the page check).
"""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.shared import Cm, Pt, RGBColor

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import make_firstrun_aterrapport_word as word  # footnotes, page field, header-row marking (after sys.path)
import make_firstrun_kommun as kommun  # plain-text table rows, PDF export

STEM = "firstrun-budgetunderlag-af-2029"
DOCX, PDF = (HERE / f"{STEM}.{ext}" for ext in ("docx", "pdf"))
TXT = HERE.parent / f"{STEM}.txt"

NB = "\u00a0"     # no-break space: thousands separator in the running text
M = "\u2212"      # typographic minus in table cells
SUPERSCRIPT = dict(zip(range(1, 10), "¹²³⁴⁵⁶⁷⁸⁹"))
FOOTER = "Arbetsförmedlingen – Budgetunderlag för 2029–2031"

YEARS = ["2026", "2027", "2028", "2029", "2030", "2031"]
STATUS = ["Utfall", "Prognos", "Prognos", "Beräknat", "Beräknat", "Beräknat"]
ONE_ROW_HEADER = [f"{s} {y}" for s, y in zip(STATUS, YEARS)]


def n(text: str) -> str:
    """Write the thousands separators of the running text as no-break spaces: n('8 412') -> '8\u00a0412'."""
    return text.replace(" ", NB)


def table(rows, header_rows=1, merges=(), tid=None):
    """rows: full grid (cells covered by a merge hold None); merges: (r1, c1, r2, c2) inclusive."""
    return ("table", {"rows": rows, "header_rows": header_rows, "merges": list(merges), "numeric_from": 1,
                      "id": tid})


def split_header(first: str, last: str | None = None):
    """Two header rows: the status word above the year (first/last columns merged vertically)."""
    top = [first, *STATUS] + ([last] if last else [])
    bottom = [None, *YEARS] + ([None] if last else [])
    merges = [(0, 0, 1, 0)] + ([(0, 7, 1, 7)] if last else [])
    return [top, bottom], merges


FOOTNOTES = {
    "prognos": "Årsredovisningen för 2027 var inte fastställd när tabellerna i detta underlag togs fram. Uppgifterna "
               "för 2027 bygger på det preliminära bokslutet per den 31 januari 2028 och redovisas därför som "
               "prognos.",
    "prisniva": "Beloppen för 2029–2031 är beräknade i 2029 års prisnivå med de pris- och löneomräkningsindex som "
                "Ekonomistyrningsverket publicerade i december 2027. Beloppen för 2026–2028 anges i löpande priser.",
    "lokal": "Från och med 2028 redovisas kostnaderna för de statliga servicekontoren som övriga driftkostnader i "
             "stället för som lokalkostnader. Med den tidigare definitionen hade lokalkostnaderna för 2028 uppgått "
             "till 884 600 tkr.",
    "omstallning": "Från och med 2027 räknas även omställningsmöten som hålls digitalt. Utfallet för 2026 har räknats "
                   "om enligt den nya definitionen; med den tidigare definitionen var antalet 2 790.",
    "rantekonto": "Räntekontokrediten används för att täcka tillfälliga likviditetsbehov, främst när aktivitetsstöd "
                  "betalas ut i början av varje månad. Räntekontokrediten för 2027 var 380 000 tkr.",
}

# Footnote reference marks in text and table cells: [[fn:key]] (the syntax of make_firstrun_aterrapport_word.py).

hdr31, mg31 = split_header("Anslag", "Förändring 2028–2029, %")
hdr33, mg33 = split_header("Verksamhet", "Förändring 2028–2029, %")

TOC = [  # (heading, page in the PDF; checked by check_pages)
    ("Sammanfattning", 3),
    ("1 Inledning", 4),
    ("2 Arbetsmarknadens utveckling och verksamhetens volymer", 5),
    ("2.1 Arbetsmarknadsprognosen", 5),
    ("2.2 Sjukskrivna och personer med aktivitetsersättning", 5),
    ("2.3 Osäkerheter i bedömningen", 5),
    ("3 Förslag till anslag, krediter och bemyndiganden", 6),
    ("3.1 Anslagen inom utgiftsområde 14", 6),
    ("3.2 Medel för det förstärkta samarbetet med Försäkringskassan", 6),
    ("3.3 Volymer i det förstärkta samarbetet", 7),
    ("3.4 Anslagskredit, räntekontokredit och låneram", 8),
    ("3.5 Bemyndiganden", 8),
    ("4 Verksamhetens inriktning 2029–2031", 9),
    ("4.1 Bemanning och lokal närvaro", 9),
    ("4.2 Digitala tjänster", 9),
    ("4.3 Investeringar och lån", 9),
    ("Bilaga 1 Tabeller", 10),
]

CONTENT = [
    ("p", "Arbetsförmedlingen"),
    ("title", "Budgetunderlag för 2029–2031"),
    ("empty",),
    ("p", "Dnr Af-2028/0012345"),
    ("p", "Datum 2028-02-27"),
    ("p", "Till Regeringen"),
    ("p", "Arbetsmarknadsdepartementet"),
    ("pagebreak",),
    ("tochead", "Innehåll"),
    *[("toc", heading, page) for heading, page in TOC],
    ("pagebreak",),
    ("h1", "Sammanfattning"),
    ("p", "Arbetsförmedlingen lämnar härmed budgetunderlag för 2029–2031 enligt 9 kap. 3 § förordningen (2000:605) om "
          "årsredovisning och budgetunderlag. Underlaget bygger på myndighetens arbetsmarknadsprognos från januari "
          "2028 och på de uppdrag som Arbetsförmedlingen har i dag."),
    ("p", f"Arbetsförmedlingen föreslår att anslaget 1:1 Arbetsförmedlingens förvaltningskostnader för 2029 uppgår "
          f"till {n('8 412')} miljoner kronor. Det är 236 miljoner kronor mer än prognosen för 2028. För 2030 och 2031 "
          f"beräknas anslaget till {n('8 538')} respektive {n('8 661')} miljoner kronor."),
    ("p", "Ökningen beror främst på att fler personer som är sjukskrivna eller har aktivitetsersättning väntas behöva "
          "stöd i det förstärkta samarbetet med Försäkringskassan. Vi bedömer att antalet gemensamma kartläggningar "
          f"ökar till omkring {n('13 500')} under 2029, jämfört med {n('12 640')} under 2028."),
    ("p", "Arbetsförmedlingen föreslår därutöver att regeringen för 2029 beslutar"),
    ("bullet", "att anslagskrediten för anslaget 1:1 uppgår till 3 procent av anslaget,"),
    ("bullet", "att räntekontokrediten uppgår till 420 miljoner kronor, motsvarande 5 procent av anslaget 1:1,"),
    ("bullet", f"att låneramen för investeringar i anläggningstillgångar uppgår till {n('1 480')} miljoner kronor,"),
    ("bullet", "att bemyndiganderamen för anslaget 1:3 Kostnader för arbetsmarknadspolitiska program och insatser "
               f"uppgår till {n('1 250')} miljoner kronor."),
    ("p", f"Antalet inskrivna arbetslösa beräknas minska från i genomsnitt {n('372 000')} personer 2028 till "
          f"{n('358 000')} personer 2029. Utgifterna under anslaget 1:2 Bidrag till arbetsmarknadspolitiska program "
          f"och insatser minskar därmed till {n('9 390')} miljoner kronor 2029."),
    ("pagebreak",),
    ("h1", "1 Inledning"),
    ("p", "Arbetsförmedlingen är förvaltningsmyndighet för den arbetsmarknadspolitiska verksamheten. Myndigheten "
          "disponerar anslagen 1:1–1:4 inom utgiftsområde 14 Arbetsmarknad och arbetsliv. Arbetsförmedlingen får "
          "också medel för det förstärkta samarbetet med Försäkringskassan från anslaget 1:6 Bidrag för "
          "sjukskrivningsprocessen inom utgiftsområde 10."),
    ("p", "Regeringen har i regleringsbrevet för 2028 gett Arbetsförmedlingen i uppdrag att i budgetunderlaget "
          "redovisa konsekvenserna av den beräknade volymutvecklingen i det förstärkta samarbetet med "
          "Försäkringskassan (A2027/01874)."),
    ("p", "Budgetunderlaget utgår från den verksamhet som Arbetsförmedlingen bedriver i dag och från regleringsbrevet "
          "för 2028. Förslagen för 2029–2031 tar hänsyn till arbetsmarknadsprognosen och till de volymer som "
          "redovisas i kapitel 2."),
    ("p", "Belopp anges i tusental kronor (tkr) om inget annat anges. Uppgifterna för 2026 är utfall enligt "
          "årsredovisningen för 2026. Uppgifterna för 2027 och 2028 är prognoser.[[fn:prognos]]"),
    ("p", "Kapitel 2 beskriver arbetsmarknadens utveckling och volymerna i verksamheten. I kapitel 3 redovisas "
          "förslagen till anslag, krediter och bemyndiganden och i kapitel 4 verksamhetens inriktning. Bilaga 1 "
          "innehåller tabeller med prognoserna."),
    ("footnotes",),
    ("pagebreak",),
    ("h1", "2 Arbetsmarknadens utveckling och verksamhetens volymer"),
    ("h2", "2.1 Arbetsmarknadsprognosen"),
    ("p", "Arbetsförmedlingens prognos från januari 2028 visar att arbetsmarknaden återhämtar sig långsamt efter "
          "konjunkturnedgången 2025–2026. Sysselsättningen väntas öka under 2028 och 2029, men arbetslösheten "
          "minskar först under 2029."),
    ("p", "Arbetslösheten enligt Arbetskraftsundersökningarna (AKU) beräknas till 8,4 procent 2028 och 8,0 procent "
          "2029 i åldersgruppen 15–74 år. Under 2026 var arbetslösheten 8,6 procent."),
    ("p", f"Antalet inskrivna arbetslösa uppgick till i genomsnitt {n('381 600')} personer under 2026. Vi bedömer att "
          f"antalet minskar till {n('372 000')} under 2028 och till omkring {n('358 000')} under 2029. Därefter väntas "
          f"en fortsatt minskning till {n('347 000')} personer 2031."),
    ("p", "Långtidsarbetslösheten minskar inte i samma takt. Andelen inskrivna arbetslösa som varit utan arbete i mer "
          "än tolv månader beräknas till omkring 46 procent 2029, jämfört med 47,2 procent 2026."),
    ("h2", "2.2 Sjukskrivna och personer med aktivitetsersättning"),
    ("p", "Försäkringskassan bedömer i sin utgiftsprognos från februari 2028 att antalet pågående sjukfall som varat "
          "längre än 180 dagar ökar med drygt 4 procent mellan 2028 och 2029. Antalet unga med aktivitetsersättning "
          "väntas vara i stort sett oförändrat."),
    ("p", "Det innebär att fler personer kommer att behöva stöd i det förstärkta samarbetet mellan Arbetsförmedlingen "
          "och Försäkringskassan. Vi bedömer att antalet gemensamma kartläggningar ökar till omkring "
          f"{n('13 500')} under 2029. Antalet omställningsmöten beräknas öka från {n('3 410')} under 2028 till "
          f"{n('3 700')} under 2029."),
    ("p", "Volymerna redovisas i tabell 3.3 och arbetsmarknadsprognosen i tabell B:1 i bilaga 1."),
    ("h2", "2.3 Osäkerheter i bedömningen"),
    ("p", "Prognosen är osäker. En svagare internationell utveckling kan göra att arbetslösheten ligger kvar på en "
          "hög nivå längre än vi räknar med, och då ökar utgifterna under anslagen 1:2 och 1:3."),
    ("p", "Volymerna i det förstärkta samarbetet beror också på hur många som Försäkringskassan bedömer är i behov "
          "av stöd. Arbetsförmedlingen kommer att lämna en uppdaterad bedömning i myndighetens prognoser till "
          "regeringen under 2028."),
    ("pagebreak",),
    ("h1", "3 Förslag till anslag, krediter och bemyndiganden"),
    ("h2", "3.1 Anslagen inom utgiftsområde 14"),
    ("p", "Tabell 3.1 visar utfall, prognoser och beräknade anslag för de anslag som Arbetsförmedlingen disponerar. "
          "Beloppen för 2029–2031 är Arbetsförmedlingens förslag."),
    ("caption", "Tabell 3.1 Arbetsförmedlingens anslag inom utgiftsområde 14, tkr[[fn:prisniva]]"),
    table([
        *hdr31,
        ["1:1 Arbetsförmedlingens förvaltningskostnader", "7 884 312", "8 051 600", "8 176 000", "8 412 000",
         "8 538 000", "8 661 000", "2,9"],
        ["varav personalkostnader", "5 302 118", "5 421 000", "5 498 000", "5 664 000", "5 752 000", "5 840 000",
         "3,0"],
        ["varav lokalkostnader[[fn:lokal]]", "861 540", "872 300", "846 200", "858 000", "866 000", "874 000", "1,4"],
        ["1:2 Bidrag till arbetsmarknadspolitiska program och insatser", "9 214 660", "9 480 000", "9 620 000",
         "9 390 000", "9 210 000", "9 050 000", f"{M}2,4"],
        ["1:3 Kostnader för arbetsmarknadspolitiska program och insatser", "3 105 224", "3 240 000", "3 310 000",
         "3 285 000", "3 230 000", "3 190 000", f"{M}0,8"],
        ["1:4 Lönebidrag och Samhall m.m.", "20 987 450", "21 640 000", "22 150 000", "22 560 000", "22 930 000",
         "23 310 000", "1,9"],
        ["Summa", "41 191 646", "42 411 600", "43 256 000", "43 647 000", "43 908 000", "44 211 000", "0,9"],
    ], header_rows=2, merges=mg31, tid="3.1"),
    ("source", "Källa: Arbetsförmedlingens årsredovisning för 2026 och egna beräkningar."),
    ("p", f"Arbetsförmedlingen föreslår att anslaget 1:1 för 2029 uppgår till {n('8 412 000')} tkr. Det är en ökning "
          f"med {n('236 000')} tkr, eller 2,9 procent, jämfört med prognosen för 2028."),
    ("p", f"Av ökningen avser {n('89 000')} tkr pris- och löneomräkning. Resterande {n('147 000')} tkr behövs för att "
          "anställa fler arbetsförmedlare i det förstärkta samarbetet och i stödet till långtidsarbetslösa. Vi "
          "beräknar att det motsvarar omkring 230 årsarbetskrafter."),
    ("p", "Personalkostnaderna utgör omkring två tredjedelar av förvaltningskostnaderna under hela perioden "
          "2026–2031. Lokalkostnaderna minskar 2028 eftersom kostnaderna för de statliga servicekontoren numera "
          "redovisas som övriga driftkostnader."),
    ("p", f"Utgifterna under anslaget 1:2 beräknas minska till {n('9 390 000')} tkr 2029, eftersom färre deltagare i "
          f"program väntas få aktivitetsstöd. För anslaget 1:3 beräknas utgifterna till {n('3 285 000')} tkr 2029, "
          "vilket är 0,8 procent lägre än 2028."),
    ("p", f"Anslaget 1:4 Lönebidrag och Samhall m.m. ökar till {n('22 560 000')} tkr 2029 till följd av fler "
          "anställningar med lönebidrag."),
    ("h2", "3.2 Medel för det förstärkta samarbetet med Försäkringskassan"),
    ("p", "Arbetsförmedlingen och Försäkringskassan har sedan 2018 ett förstärkt samarbete för personer som är "
          "sjukskrivna eller har aktivitetsersättning. De särskilda medlen för samarbetet anvisas under anslaget 1:6 "
          "Bidrag för sjukskrivningsprocessen inom utgiftsområde 10 och fördelas mellan myndigheterna i "
          "regleringsbrevet."),
    ("p", "För 2028 uppgår de särskilda medlen till 600 miljoner kronor, varav Arbetsförmedlingen har tilldelats "
          "356,0 miljoner kronor."),
    ("caption", "Tabell 3.2 Arbetsförmedlingens medel för det förstärkta samarbetet, mnkr"),
    table([
        ["", *ONE_ROW_HEADER],
        ["Tilldelade medel", "331,0", "345,0", "356,0", "–", "–", "–"],
        ["Förbrukade medel och beräknat behov", "324,6", "343,8", "354,2", "392,5", "404,0", "415,0"],
        ["varav förvaltning", "118,3", "121,5", "124,0", "137,4", "141,4", "145,3"],
        ["varav rehabiliteringsinsatser och aktivitetsstöd", "206,3", "222,3", "230,2", "255,1", "262,6", "269,7"],
        ["Differens", "6,4", "1,2", "1,8", "–", "–", "–"],
    ], tid="3.2"),
    ("source", "Källa: Arbetsförmedlingens ekonomisystem."),
    ("note", "Anm.: Differens är tilldelade medel minus förbrukade medel. För 2029–2031 har inga medel tilldelats."),
    ("p", "Förbrukningen 2026 blev 324,6 miljoner kronor och 6,4 miljoner kronor lämnades tillbaka. Vi bedömer att "
          "Arbetsförmedlingens behov ökar till 392,5 miljoner kronor 2029, varav 255,1 miljoner kronor för "
          "rehabiliteringsinsatser och aktivitetsstöd."),
    ("p", "Arbetsförmedlingen föreslår därför att de särskilda medlen för samarbetet höjs till 650 miljoner kronor för "
          "2029. Försäkringskassan lämnar ett motsvarande förslag i sitt budgetunderlag."),
    ("h2", "3.3 Volymer i det förstärkta samarbetet"),
    ("p", "Tabell 3.3 visar antalet deltagare i det förstärkta samarbetet. Beräkningarna för 2029–2031 bygger på "
          "Försäkringskassans prognos över antalet långa sjukfall och på hur stor andel som de senaste åren har gått "
          "vidare från kartläggning till insats."),
    ("caption", "Tabell 3.3 Antal deltagare i det förstärkta samarbetet med Försäkringskassan"),
    table([
        *hdr33,
        ["Gemensamma kartläggningar", "11 870", "12 215", "12 640", "13 480", "13 850", "14 200", "6,6"],
        ["varav med sjukpenning", "8 190", "8 420", "8 700", "9 300", "9 560", "9 800", "6,9"],
        ["Deltagare i rehabiliteringsinsats, genomsnitt per månad", "7 420", "7 680", "7 950", "8 600", "8 850",
         "9 100", "8,2"],
        ["Avslutade rehabiliteringsinsatser", "6 310", "6 540", "6 800", "7 250", "7 500", "7 750", "6,6"],
        ["Omställningsmöten[[fn:omstallning]]", "3 020", "3 240", "3 410", "3 700", "3 820", "3 950", "8,5"],
        ["Andel med arbetsförmåga efter avslutad insats, %", "57", "58", "58", "59", "60", "60", "–"],
    ], header_rows=2, merges=mg33, tid="3.3"),
    ("source", "Källa: Arbetsförmedlingen och Försäkringskassan."),
    ("note", "Anm.: För andelen med arbetsförmåga redovisas ingen förändring i procent."),
    ("p", f"Enligt vår beräkning genomförs {n('13 480')} gemensamma kartläggningar under 2029. Det är 840 fler än "
          f"2028, eller 6,6 procent. Antalet deltagare i rehabiliteringsinsats väntas öka med 650 personer per månad "
          f"till {n('8 600')}."),
    ("p", "Andelen som får eller återfår arbetsförmåga efter avslutad rehabiliteringsinsats var 57 procent 2026. Vi "
          "räknar med att andelen ökar med 2 procentenheter till 59 procent 2029. Myndigheternas gemensamma mål är "
          "att minst 60 procent ska ha fått eller återfått arbetsförmåga 2031."),
    ("p", "Om de särskilda medlen inte höjs måste Arbetsförmedlingen prioritera bland deltagarna. Vi bedömer att "
          "omkring 900 färre personer då skulle kunna påbörja en rehabiliteringsinsats under 2029."),
    ("h2", "3.4 Anslagskredit, räntekontokredit och låneram"),
    ("p", "Arbetsförmedlingen föreslår att anslagskrediten för anslaget 1:1 för 2029 uppgår till 3 procent av "
          f"anslaget, vilket motsvarar {n('252 360')} tkr. Krediten behövs för att hantera oförutsedda variationer i "
          "verksamhetens volym."),
    ("p", "För anslaget 1:2 föreslås en anslagskredit på 5 procent av anslaget för 2029. I regleringsbrevet för 2028 "
          "är anslagskrediten 3 procent för anslaget 1:2. Utgifterna för aktivitetsstöd varierar med konjunkturen "
          "och är svåra att förutse."),
    ("p", f"Räntekontokrediten föreslås uppgå till {n('420 000')} tkr för 2029, vilket motsvarar 5 procent av det "
          f"föreslagna anslaget 1:1.[[fn:rantekonto]] För 2028 uppgår räntekontokrediten till {n('400 000')} tkr."),
    ("p", f"Låneramen föreslås uppgå till {n('1 480 000')} tkr för 2029. Det är {n('80 000')} tkr mer än 2028 och "
          "beror främst på investeringar i nya it-system för matchning."),
    ("caption", "Tabell 3.4 Föreslagna krediter och låneram"),
    table([
        ["(tkr)", "Beslutat 2028", "Förslag 2029", "Beräknat 2030", "Beräknat 2031"],
        ["Anslagskredit, anslag 1:1", "245 280", "252 360", "256 140", "259 830"],
        ["Räntekontokredit", "400 000", "420 000", "425 000", "430 000"],
        ["Låneram", "1 400 000", "1 480 000", "1 520 000", "1 550 000"],
    ], tid="3.4"),
    ("source", "Källa: Regleringsbrev för 2028 och egna beräkningar."),
    ("h2", "3.5 Bemyndiganden"),
    ("p", "Arbetsförmedlingen ingår ekonomiska åtaganden under anslaget 1:3 genom avtal med leverantörer av "
          "arbetsmarknadspolitiska tjänster. Avtalen löper ofta över flera år, och åtagandena infrias under "
          "2030–2033."),
    ("p", f"Arbetsförmedlingen föreslår att bemyndiganderamen för anslaget 1:3 för 2029 uppgår till {n('1 250')} "
          f"miljoner kronor. Den tilldelade ramen för 2028 är {n('1 200')} miljoner kronor."),
    ("caption", "Tabell 3.5 Beställningsbemyndigande för anslaget 1:3, tkr"),
    table([
        ["", *ONE_ROW_HEADER],
        ["Nya åtaganden", "512 600", "540 100", "561 600", "585 000", "598 000", "610 000"],
        ["Infriade åtaganden", f"{M}449 300", f"{M}477 000", f"{M}518 000", f"{M}551 000", f"{M}572 000",
         f"{M}590 000"],
        ["Utestående åtaganden vid årets slut", "905 300", "968 400", "1 012 000", "1 046 000", "1 072 000",
         "1 092 000"],
        ["Tilldelad/föreslagen bemyndiganderam", "1 100 000", "1 150 000", "1 200 000", "1 250 000", "1 250 000",
         "1 300 000"],
    ], tid="3.5"),
    ("source", "Källa: Arbetsförmedlingens årsredovisning för 2026 och egna beräkningar."),
    ("p", f"Utestående åtaganden vid utgången av 2029 beräknas till {n('1 046')} miljoner kronor, vilket ryms inom den "
          "föreslagna ramen."),
    ("footnotes",),
    ("pagebreak",),
    ("h1", "4 Verksamhetens inriktning 2029–2031"),
    ("p", "Arbetsförmedlingen ska fortsätta att utveckla matchningen och stödet till dem som står långt från "
          "arbetsmarknaden. De ökade anslagen används främst inom tre områden:"),
    ("bullet", "fler arbetsförmedlare i det förstärkta samarbetet med Försäkringskassan,"),
    ("bullet", "ett utökat stöd till långtidsarbetslösa och personer med funktionsnedsättning,"),
    ("bullet", "nya it-system för matchning och handläggning."),
    ("h2", "4.1 Bemanning och lokal närvaro"),
    ("p", f"Antalet årsarbetskrafter beräknas öka från {n('11 980')} under 2028 till {n('12 210')} under 2029."),
    ("p", "Arbetsförmedlingen har i dag lokalkontor på 132 orter. Vi planerar inte att förändra den lokala närvaron "
          "under perioden."),
    ("h2", "4.2 Digitala tjänster"),
    ("p", "En allt större del av kontakterna med de arbetssökande sker digitalt. Under 2027 skötte omkring 70 procent "
          "av de inskrivna sin aktivitetsrapportering helt digitalt, och andelen väntas fortsätta att öka."),
    ("h2", "4.3 Investeringar och lån"),
    ("p", "Investeringarna i it-system beräknas till 310 miljoner kronor 2029 och finansieras med lån i "
          "Riksgäldskontoret inom den föreslagna låneramen."),
    ("p", "Avskrivningarna på de nya systemen påverkar förvaltningsanslaget först från 2030."),
    ("p", "Beslut i detta ärende har fattats av generaldirektören Maria Lindqvist. I den slutliga handläggningen har "
          "även överdirektören Per Hallberg och ekonomidirektören Annika Ström, föredragande, deltagit."),
    ("p", "Maria Lindqvist"),
    ("p", "Annika Ström"),
    ("pagebreak",),
    ("h1", "Bilaga 1 Tabeller"),
    ("p", "Tabellerna redovisar Arbetsförmedlingens prognos över arbetsmarknaden från januari 2028. Antalet personer "
          "avser genomsnitt per månad."),
    ("caption", "Tabell B:1 Inskrivna arbetslösa och arbetslöshet 2026–2031"),
    table([
        ["", "Utfall 2026", "Prognos 2027", "Prognos 2028", "Prognos 2029", "Prognos 2030", "Prognos 2031"],
        ["Inskrivna arbetslösa", "381 600", "376 900", "372 000", "358 000", "351 000", "347 000"],
        ["varav öppet arbetslösa", "176 300", "171 200", "168 000", "160 500", "156 000", "153 500"],
        ["varav i program med aktivitetsstöd", "205 300", "205 700", "204 000", "197 500", "195 000", "193 500"],
        ["Långtidsarbetslösa, andel av inskrivna arbetslösa, %", "47,2", "46,8", "46,5", "46,0", "45,1", "44,3"],
        ["Arbetslöshet enligt AKU (15–74 år), %", "8,6", "8,7", "8,4", "8,0", "7,7", "7,5"],
    ], tid="B:1"),
    ("source", "Källa: Arbetsförmedlingen och SCB (AKU)."),
]

FN_RE = word.FN_RE


def footnote_numbers() -> dict[str, int]:
    """Number the footnotes in order of first reference, table cells included (as Word does)."""
    order: dict[str, int] = {}
    for block in CONTENT:
        texts = ([c for row in block[1]["rows"] for c in row if c] if block[0] == "table"
                 else [b for b in block[1:] if isinstance(b, str)])
        for text in texts:
            for key in FN_RE.findall(text):
                order.setdefault(key, len(order) + 1)
    return order


FN = footnote_numbers()


# ---------------------------------------------------------------------------------------------- plain text

def marks(text: str) -> str:
    return FN_RE.sub(lambda m: SUPERSCRIPT[FN[m.group(1)]], text)


def tables() -> dict[str, dict]:
    """The table specs by id (the gold script reads them)."""
    return {b[1]["id"]: b[1] for b in CONTENT if b[0] == "table"}


def plain_text() -> str:
    lines: list[str] = []
    pending: list[str] = []
    for block in CONTENT:
        kind = block[0]
        if kind == "pagebreak":
            continue
        if kind == "empty":
            lines.append("")
        elif kind == "table":
            for row in block[1]["rows"]:
                for cell in row:
                    pending.extend(FN_RE.findall(cell or ""))
            lines.extend(marks(line) for line in kommun.table_lines(block[1]))
        elif kind == "footnotes":
            lines.extend(f"{SUPERSCRIPT[FN[key]]} {FOOTNOTES[key]}" for key in pending)
            pending.clear()
        elif kind == "toc":
            lines.append(f"{block[1]}\t{block[2]}")
        elif kind == "bullet":
            lines.append(f"•\t{block[1]}")
        else:
            pending.extend(FN_RE.findall(block[1]))
            lines.append(marks(block[1]))
    assert not pending, pending
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------------------------------------- docx

def add_table(doc, spec) -> None:
    """A Word table: header rows bold and repeated, merged header cells, "varav" rows indented, footnote marks."""
    rows, merges, header_rows = spec["rows"], spec["merges"], spec["header_rows"]
    ncols = len(rows[0])
    t = doc.add_table(rows=len(rows), cols=ncols)
    t.style = "Table Grid"
    t.alignment = WD_TABLE_ALIGNMENT.LEFT
    for r1, c1, r2, c2 in merges:
        t.cell(r1, c1).merge(t.cell(r2, c2))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            if text is None:
                continue
            para = t.cell(r, c).paragraphs[0]
            word.add_text_with_footnotes(para, text, size=Pt(8), bold=r < header_rows or text == "Summa")
            if c == 0 and text.startswith("varav "):
                para.paragraph_format.left_indent = Cm(0.4)
            if c >= 1:
                para.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            if c >= 1 and r >= header_rows and rows[r][0] == "Summa":
                for run in para.runs:
                    run.bold = True
    for r in range(header_rows):
        word.mark_header_row(t.rows[r])
    t.autofit = False
    widths = {8: [3.2] + [1.75] * 6 + [2.3], 7: [4.6] + [1.9] * 6}.get(ncols, [6.4] + [2.4] * (ncols - 1))
    for c, col in enumerate(t.columns):   # the text width is 16 cm
        col.width = Cm(widths[c])
    for row in t.rows:
        for c, cell in enumerate(row.cells):
            cell.width = Cm(widths[c])


def write_docx() -> None:
    word.FN, word.FOOTNOTES = FN, FOOTNOTES   # the footnote helpers read these module globals
    doc = word.new_a4_document("Budgetunderlag för 2029–2031", "Arbetsförmedlingen", "Arial")
    section = doc.sections[0]
    word.add_page_footer(section, FOOTER)

    page_break_next = False
    for kind, *rest in CONTENT:
        if kind in ("pagebreak", "footnotes"):   # footnotes live in footnotes.xml, not in the body
            page_break_next = page_break_next or kind == "pagebreak"
            continue
        if kind == "table":
            add_table(doc, rest[0])
            continue
        if kind == "title":
            p = doc.add_paragraph(style="Title")
        elif kind in ("h1", "h2"):
            p = doc.add_heading(level=int(kind[1]))
        elif kind == "tochead":
            p = doc.add_heading(level=1)
        elif kind == "bullet":
            p = doc.add_paragraph(style="List Bullet")
        elif kind == "caption":
            p = doc.add_paragraph(style="Caption")
            p.paragraph_format.keep_with_next = True
        else:
            p = doc.add_paragraph()
        if kind == "toc":
            p.paragraph_format.tab_stops.add_tab_stop(Cm(16.0), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)
            if rest[0][1:2] == ".":   # sections indented under their chapter
                p.paragraph_format.left_indent = Cm(0.6)
            p.add_run(f"{rest[0]}\t{rest[1]}")
        elif kind in ("source", "note"):
            word.add_text_with_footnotes(p, rest[0], size=Pt(8.5), italic=kind == "source")
        elif kind != "empty":
            word.add_text_with_footnotes(p, rest[0])
        if kind == "title":
            for run in p.runs:
                run.font.color.rgb = RGBColor(0x00, 0x30, 0x5E)
        if page_break_next:
            p.paragraph_format.page_break_before = True
            page_break_next = False
    word.attach_footnotes(doc)
    doc.save(DOCX)


def write_pdf() -> bool:
    if not (shutil.which("soffice") or shutil.which("libreoffice")):
        print("soffice not found: PDF not written", file=sys.stderr)
        return False
    kommun.STEM, kommun.DOCX, kommun.PDF = STEM, DOCX, PDF   # kommun.write_pdf reads these module globals
    kommun.write_pdf()
    return True


def check_pages() -> None:
    """The page numbers in the table of contents must be the pages where the headings stand in the PDF."""
    if not shutil.which("pdftotext"):
        print("pdftotext not found: page numbers not checked", file=sys.stderr)
        return
    text = subprocess.run(["pdftotext", str(PDF), "-"], check=True, capture_output=True, text=True).stdout
    pages = [" ".join(p.split()) for p in text.split("\f")]
    bad = []
    for heading, page in TOC:
        found = [i + 1 for i, pg in enumerate(pages) if i > 1 and heading in pg]
        if page not in found:
            bad.append(f"{heading!r}: TOC says {page}, PDF has it on {found}")
    print("\n".join(bad) if bad else f"TOC page numbers agree with the PDF ({len(pages) - 1} pages)")


def main(argv: list[str]) -> None:
    TXT.write_text(plain_text(), encoding="utf-8")
    write_docx()
    written = [TXT, DOCX]
    if "--no-pdf" not in argv and write_pdf():
        check_pages()
        written.append(PDF)
    print(*written, sep="\n")


if __name__ == "__main__":
    main(sys.argv)
