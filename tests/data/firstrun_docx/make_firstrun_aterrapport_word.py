"""Write the first-run test report "Återrapportering 2028: det förstärkta samarbetet".

A fictional joint report of Arbetsförmedlingen and Försäkringskassan on 2027 (compared with 2026 and, in the table
appendix, with 2021-2026), written in a house style unlike the corpus. One content list gives three files that say
exactly the same things:

- firstrun_docx/firstrun-aterrapport-word-2028.docx: a Word document written with python-docx: real headings
  (numbered by hand: "2 Rehabiliteringssamverkan", "2.1 Gemensam kartläggning"), a running header
  "Återrapportering 2028<TAB>page number" (not on the title page), real Word tables with repeated header rows and
  merged header cells, captions BELOW the tables, real Word footnotes (footnotes.xml; the reference mark sits in
  running text and in one table cell), explicit page breaks before the chapters and inside two continued tables;
- ../firstrun-aterrapport-word-2028.txt: the agencies' plain-text conversion (the format of the converted corpus
  reports, see shared/corpus/README.md): one paragraph per line with an empty line between paragraphs, headings as
  plain lines, each table row one line with TAB between cells (an empty corner cell an empty first field, a
  horizontally merged header cell ONE field, the continuation of a vertically merged cell an empty field), caption,
  "Anm.:" and "Källa:" lines directly under the table rows, footnote markers as <sup>N</sup> and the footnotes as
  lines beginning with <sup>N</sup>, gathered before the next page break; at every explicit page break the running
  header comes out as a line "Återrapportering 2028<TAB>N" (N = the page that begins there in the PDF);
- firstrun_docx/firstrun-aterrapport-word-2028.pdf: the docx exported by LibreOffice headless. The page numbers
  written into the .txt are checked against this PDF (pdftotext) and a mismatch is reported.

All figures are invented. Run: python tests/data/firstrun_docx/make_firstrun_aterrapport_word.py (needs
python-docx; soffice and pdftotext on PATH for the PDF and the page check, skipped with a message if missing).
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
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

HERE = Path(__file__).resolve().parent
STEM = "firstrun-aterrapport-word-2028"
DOCX = HERE / f"{STEM}.docx"
PDF = HERE / f"{STEM}.pdf"
TXT = HERE.parent / f"{STEM}.txt"

RUNNING_HEADER = "Återrapportering 2028"
M = "\u2212"  # typographic minus in table cells


def table(rows, header_rows=1, merges=(), tid=None):
    """rows: full grid (lists of equal length; cells covered by a merge hold None).
    merges: (r1, c1, r2, c2) inclusive; the text sits in (r1, c1). tid names the table for the gold script."""
    return ("table", {"rows": rows, "header_rows": header_rows, "merges": list(merges), "id": tid})


FOOTNOTES = {
    "uttag": "Uppgifter för tidigare år har tagits ut på nytt och kan avvika från tidigare återrapporter. I "
             "återrapporten för 2026 angavs 10 861 gemensamma kartläggningar för 2026; efter efterregistrering i SUS "
             "är antalet 10 874.",
    "gk": "En gemensam kartläggning består av ett eller flera möten där individen, en arbetsförmedlare och en "
          "försäkringsutredare går igenom individens förutsättningar och gör en plan. Kartläggningen räknas det "
          "datum då planen fastställs.",
    "ovriga": "Personer med annan ersättning än sjukpenning och aktivitetsersättning, till exempel sjukersättning "
              "eller aktivitetsstöd, och personer utan ersättning.",
    "arbetsformaga": "Som utvecklad eller återfunnen arbetsförmåga räknas arbete med eller utan subvention, reguljära "
                     "studier och aktivt arbetssökande. Även den som efter avslutat samarbete arbetar deltid och har "
                     "kvar ersättning på deltid räknas hit.",
    "omstallning": "Ett möte räknas om det hålls från beslutet till och med sex månader efter beslutet. Avslag på en "
                   "första ansökan om sjukpenning ingår inte.",
    "kontakt": "Kontaktmöte erbjuds mellan dag 91 och dag 180 i rehabiliteringskedjan.",
    "oh": "Respektive myndighet fördelar omkring 38 procent av sina medel till interna OH-kostnader, det vill säga "
          "kostnader för gemensam styrning, samordning, administration och lokaler.",
}

# Markers in text: [[fn:key]]. Footnotes are numbered in order of first reference (as Word does).

CONTENT = [
    ("p", "Arbetsförmedlingen"),
    ("p", "Försäkringskassan"),
    ("title", "Återrapportering 2028: det förstärkta samarbetet"),
    ("subtitle", "Insatser för personer som är sjukskrivna och för unga med aktivitetsersättning – resultat för 2027"),
    ("p", "Datum: 2028-04-20"),
    ("p", "Diarienummer: Af-2028/0052816 och FK 2028/007340"),
    ("p", "Rapporten har beslutats av generaldirektörerna för Arbetsförmedlingen och Försäkringskassan."),
    ("pagebreak", 2),
    ("h1", "Sammanfattning"),
    ("p", "Arbetsförmedlingen och Försäkringskassan genomförde 11 593 gemensamma kartläggningar under 2027, 719 fler "
          "än 2026 (10 874). Ökningen är den största under den period som redovisas i bilaga B. Tre av fyra "
          "kartläggningar gällde personer med sjukpenning och knappt var femte unga med aktivitetsersättning."),
    ("p", "Drygt sju av tio av dem som kartlades påbörjade en rehabiliteringsinsats hos Arbetsförmedlingen. Under året "
          "avslutade 5 214 personer sina insatser, och 57 procent av dem hade utvecklat eller återfått arbetsförmåga "
          "(54 procent 2026). Därmed uppnåddes målet att minst 55 procent ska utveckla eller återfå arbetsförmåga."),
    ("p", "Myndigheterna höll 2 350 omställningsmöten, 300 fler än året innan. Var tionde person som fick avslag hade "
          "ett möte, men andelen skiljer sig mycket mellan förmånerna: från 4,2 procent vid avslag på sjukersättning "
          "till 13,3 procent vid avslag på sjukpenning. Möten efter avslag på sjukersättning var tre gånger så många "
          "som 2021."),
    ("p", "Av anslagets 760 mnkr förbrukade myndigheterna 744,4 mnkr. Knappt 16 mnkr lämnas tillbaka, nästan allt av "
          "Arbetsförmedlingen."),
    ("h1", "1 Inledning"),
    ("p", "I rapporten redovisar Arbetsförmedlingen och Försäkringskassan det förstärkta samarbetet under 2027 enligt "
          "uppdraget i myndigheternas regleringsbrev för 2027 (A2026/02031 och S2026/03377). Samarbetet består av "
          "två delar: rehabiliteringssamverkan för personer som behöver insatser för att utveckla eller återfå "
          "arbetsförmåga, och möten för omställning för personer som inte längre har rätt till ersättning från "
          "sjukförsäkringen."),
    ("p", "Resultaten för 2027 jämförs med 2026 och i bilaga B med åren 2021–2026. Uppgifterna har tagits ut ur "
          "myndigheternas gemensamma uppföljningssystem SUS och ur Försäkringskassans datalager MiDAS den 12 februari "
          "2028.[[fn:uttag]] Kapitel 2 handlar om rehabiliteringssamverkan, kapitel 3 om möten för omställning och "
          "kapitel 4 om hur anslaget har använts."),
    ("footnotes",),
    ("pagebreak", 3),
    ("h1", "2 Rehabiliteringssamverkan"),
    ("p", "Rehabiliteringssamverkan inleds med en gemensam kartläggning[[fn:gk]] och fortsätter, om individen har "
          "behov av det, med rehabiliteringsinsatser hos Arbetsförmedlingen medan Försäkringskassan ansvarar för "
          "ersättningen."),
    ("h2", "2.1 Gemensam kartläggning"),
    ("p", "Under 2027 genomfördes 11 593 gemensamma kartläggningar, vilket är 719 fler än 2026 (10 874) och en ökning "
          "med 6,6 procent. Sedan 2021, då 9 326 kartläggningar genomfördes, har antalet ökat med 2 267, eller "
          "24 procent, se tabell B1."),
    ("p", "Ökningen gäller främst personer med sjukpenning. Kartläggningarna med sjukpenning blev 631 fler och uppgick "
          "till 8 743, medan kartläggningarna med aktivitetsersättning ökade med 97 till 2 148. Tre av fyra "
          "kartläggningar (75,4 procent) gällde personer med sjukpenning och 18,5 procent unga med "
          "aktivitetsersättning."),
    ("p", "Kvinnor stod för 6 991 av kartläggningarna, drygt sex av tio. Andelen kvinnor har legat mellan 60 och "
          "63 procent varje år sedan 2021 men har minskat något de senaste åren, eftersom antalet kartläggningar med "
          "män har ökat snabbare (8,8 procent mot 5,2 procent för kvinnor)."),
    table([
        ["", "2026", "2027", "Förändring 2026–2027, %"],
        ["Totalt", "10 874", "11 593", "6,6"],
        ["varav kvinnor", "6 644", "6 991", "5,2"],
        ["varav män", "4 230", "4 602", "8,8"],
        ["Sjukpenning", "8 112", "8 743", "7,8"],
        ["Aktivitetsersättning", "2 051", "2 148", "4,7"],
        ["Övriga[[fn:ovriga]]", "711", "702", f"{M}1,3"],
    ], tid="2.1"),
    ("caption", "Tabell 2.1 Gemensamma kartläggningar efter kön och förmån, 2026 och 2027"),
    ("source", "Källa: SUS."),
    ("p", "Antalet kartläggningar med personer som har annan ersättning minskade något, från 711 till 702. När "
          "kartläggningen genomfördes hade sjukfallet i genomsnitt pågått i 236 dagar, jämfört med 251 dagar 2026. "
          "Drygt hälften av dem som kartlades med sjukpenning hade en psykiatrisk diagnos (53 procent), och bland unga "
          "med aktivitetsersättning var andelen 71 procent."),
    ("h2", "2.2 Rehabiliteringsinsatser"),
    ("p", "Av dem som kartlades under 2027 påbörjade 8 463 personer en rehabiliteringsinsats hos Arbetsförmedlingen, "
          "73 procent (71 procent 2026). Andelen var 74 procent för kvinnor och 72 procent för män. För personer med "
          "sjukpenning var andelen 75 procent och för personer med aktivitetsersättning 66 procent."),
    ("p", "I genomsnitt deltog 7 846 personer per månad i en rehabiliteringsinsats, 444 fler än 2026. I december 2027 "
          "pågick insatser för 8 012 personer. Av deltagarna var 63 procent kvinnor och var femte hade "
          "aktivitetsersättning. En knapp fjärdedel, 23 procent, tog del av insatser i en upphandlad tjänst."),
    ("p", "Den genomsnittliga tiden i samverkan för dem som avslutade sitt samarbete under året var 382 dagar för "
          "personer med sjukpenning och 358 dagar för personer med aktivitetsersättning, 12 respektive 11 dagar "
          "kortare än 2026 (tabell B4)."),
    ("h2", "2.3 Resultat efter avslutad insats"),
    ("p", "Under 2027 avslutade 5 214 personer sina rehabiliteringsinsatser, jämfört med 4 987 året innan. Av dem hade "
          "2 983, eller 57,2 procent, utvecklat eller återfått arbetsförmåga och lämnat sjukförsäkringen."
          "[[fn:arbetsformaga]] Andelen är 3,2 procentenheter högre än 2026."),
    ("p", "Bland övriga var 1 498 fortfarande kvar i sjukförsäkringen, medan det för 733 personer saknas uppgift om "
          "vad som hände efter avslutet."),
    ("p", "Skillnaden mellan könen är större än tidigare år. Bland männen hade 61,6 procent utvecklat eller återfått "
          "arbetsförmåga, bland kvinnorna 54,6 procent, en skillnad på sju procentenheter. Resultatet var bäst i den "
          "yngsta åldersgruppen, 16–29 år, där 61,8 procent nådde arbetsförmåga, och sämst bland personer 50–64 år "
          "(54,8 procent), se tabell B3."),
    ("p", "Av dem som utvecklat eller återfått arbetsförmåga fick närmare hälften en anställning, oftast med "
          "subvention."),
    ("footnotes",),
    ("pagebreak", 5),
    ("h1", "3 Möten för omställning"),
    ("p", "Möten för omställning erbjuds den som inte längre har rätt till ersättning från sjukförsäkringen. "
          "Omställningsmöten[[fn:omstallning]] hålls efter ett avslag på sjukpenning, aktivitetsersättning eller "
          "sjukersättning. Kontaktmöten erbjuds anställda med sjukpenning som riskerar att inte kunna gå tillbaka "
          "till sin arbetsgivare.[[fn:kontakt]]"),
    ("h2", "3.1 Omställningsmöten – var tionde med avslag fick ett möte"),
    ("p", "Under 2027 genomfördes 2 350 omställningsmöten, 300 fler än 2026 (2 050). Antalet personer som fick avslag "
          "ökade samtidigt till 23 561, och andelen som hade ett möte steg från 9,0 till 10,0 procent."),
    ("p", "Flest möten hölls med personer som inte längre fick sjukpenning, 1 788 möten eller 13,3 procent av "
          "avslagen. Av dem var 62 procent kvinnor. Efter avslag på aktivitetsersättning hölls 213 möten "
          "(11,0 procent) och efter avslag på sjukersättning 349 möten (4,2 procent). Möten efter avslag på "
          "sjukersättning var tre gånger så många som 2021 (113), men andelen är fortfarande lägst i den gruppen."),
    table([
        ["Förmån", "Möten", None, "Andel av avslagen, %", None],
        [None, "2026", "2027", "2026", "2027"],
        ["Sjukpenning", "1 582", "1 788", "12,2", "13,3"],
        ["Aktivitetsersättning", "186", "213", "9,9", "11,0"],
        ["Sjukersättning", "282", "349", "3,6", "4,2"],
        ["Totalt", "2 050", "2 350", "9,0", "10,0"],
    ], header_rows=2, merges=[(0, 0, 1, 0), (0, 1, 0, 2), (0, 3, 0, 4)], tid="3.1"),
    ("caption", "Tabell 3.1 Omställningsmöten och andel av dem som fått avslag som haft ett möte, efter förmån, "
                "2026 och 2027"),
    ("source", "Källa: MiDAS."),
    ("p", "Andelen med möte är ungefär lika stor för kvinnor och män, 10,2 respektive 9,7 procent (tabell B5). Efter "
          "avslag på sjukersättning hölls knappt två av tre möten med personer 50–64 år (tabell B6)."),
    ("h2", "3.2 Kontaktmöten"),
    ("p", "Försäkringskassan och Arbetsförmedlingen genomförde 512 kontaktmöten under 2027, 44 fler än 2026. Närmare "
          "två tredjedelar av deltagarna, 64 procent, var kvinnor. Kontaktmötet hölls i genomsnitt 19 dagar efter att "
          "Försäkringskassan erbjöd det, men i enskilda fall upp till tio veckor senare."),
    ("h2", "3.3 Inskrivning hos Arbetsförmedlingen efter avslag"),
    ("p", "Av de 13 415 personer som fick avslag på sjukpenning under 2027 var 6 842 inskrivna hos "
          "Arbetsförmedlingen 90 dagar efter avslaget, vilket motsvarar 51 procent. Andelen var något högre för män "
          "än för kvinnor, se tabell B7. Av de inskrivna var drygt tre av tio, 2 189 personer, öppet arbetslösa."),
    ("p", "Bland unga som fick avslag på aktivitetsersättning var 1 082 inskrivna efter 90 dagar, 56 procent."),
    ("footnotes",),
    ("pagebreak", 7),
    ("h1", "4 Medel för uppdraget"),
    ("p", "Regeringen anvisade 760 mnkr till uppdraget under 2027 på anslag 1:6 inom utgiftsområde 10, 10 mnkr mer "
          "än 2026. Av medlen tilldelades Arbetsförmedlingen 478,0 mnkr och Försäkringskassan 282,0 mnkr.[[fn:oh]] "
          "Myndigheterna förbrukade tillsammans 744,4 mnkr, knappt 98 procent av anslaget."),
    ("p", "Arbetsförmedlingen lämnar tillbaka 13,2 mnkr. Posten förvaltning gav ett underutnyttjande på 16,7 mnkr, "
          "främst på grund av vakanser, medan posten rehabiliteringsinsatser och aktivitetsstöd överskreds med "
          "3,4 mnkr. Försäkringskassan förbrukade nästan hela sin tilldelning och lämnar tillbaka 2,4 mnkr."),
    table([
        ["tkr", "Tilldelat", "Förbrukat", "Differens"],
        ["Arbetsförmedlingen", "478 000", "464 770", "13 230"],
        ["varav förvaltning", "418 000", "401 350", "16 650"],
        ["varav rehabiliteringsinsatser och aktivitetsstöd", "60 000", "63 420", f"{M}3 420"],
        ["Försäkringskassan, förvaltning", "282 000", "279 615", "2 385"],
        ["Totalt", "760 000", "744 385", "15 615"],
    ], tid="4.1"),
    ("caption", "Tabell 4.1 Tilldelade och förbrukade medel inom anslaget för det förstärkta samarbetet, efter "
                "myndighet och post, 2027"),
    ("note", "Anm.: Differens = tilldelat minus förbrukat. Ett negativt tal innebär att posten har överskridits."),
    ("source", "Källa: Arbetsförmedlingens och Försäkringskassans ekonomisystem."),
    ("p", "Utöver anslaget finansierade myndigheterna en extern utvärdering av det gemensamma arbetssättet för en halv "
          "miljon kronor. Sedan 2021 har förbrukningen ökat från 688,2 till 744,4 mnkr, se tabell B8."),
    ("h1", "5 Mål och fortsatt arbete"),
    ("p", "För 2028 har myndigheterna beslutat att genomföra minst 12 000 gemensamma kartläggningar och att minst "
          "58 procent av dem som avslutar en rehabiliteringsinsats ska utveckla eller återfå arbetsförmåga. Målet för "
          "andelen som har ett omställningsmöte efter avslag på sjukpenning är 15 procent eller fler."),
    ("footnotes",),
    ("pagebreak", 8),
    ("h1", "Bilaga A Definitioner och datakällor"),
    ("p", "Uppgifterna om gemensam kartläggning, rehabiliteringsinsatser och resultat kommer från SUS. Uppgifterna om "
          "avslag, omställningsmöten och kontaktmöten kommer från MiDAS och uppgifterna om inskrivning från "
          "Arbetsförmedlingens ärendehanteringssystem. Kön avser kön enligt folkbokföringen. Uppgifter som avser "
          "färre än fem personer redovisas inte."),
    ("h1", "Bilaga B Tabeller"),
    ("p", "Tabellerna avser hela landet och kalenderår. I bilagan redovisas andelar som kvoter (0,62 = 62 procent) om "
          "inget annat anges."),
    table([
        ["År", "Totalt", "Andel kvinnor"],
        ["2021", "9 326", "0,63"],
        ["2022", "9 588", "0,62"],
        ["2023", "9 947", "0,62"],
        ["2024", "10 215", "0,61"],
        ["2025", "10 532", "0,61"],
        ["2026", "10 874", "0,61"],
        ["2027", "11 593", "0,60"],
    ], tid="B1"),
    ("caption", "Tabell B1 Gemensamma kartläggningar, totalt och andel kvinnor, 2021–2027"),
    ("source", "Källa: SUS."),
    table([
        ["År", "Sjukpenning", "Aktivitetsersättning"],
        ["2021", "6 874", "1 821"],
        ["2022", "7 036", "1 889"],
        ["2023", "7 311", "1 954"],
        ["2024", "7 522", "1 987"],
    ], tid="B2a"),
    ("caption", "Tabell B2 Gemensamma kartläggningar efter förmån, 2021–2027"),
    ("pagebreak", 9),
    table([
        ["År", "Sjukpenning", "Aktivitetsersättning"],
        ["2025", "7 790", "2 019"],
        ["2026", "8 112", "2 051"],
        ["2027", "8 743", "2 148"],
    ], tid="B2b"),
    ("caption", "Tabell B2 (forts.)"),
    ("note", "Anm.: Kartläggningar med personer som har annan ersättning ingår inte."),
    ("source", "Källa: SUS."),
    table([
        ["Ålder", "Avslutade", "Andel med arbetsförmåga, %"],
        ["16–29 år", "1 341", "61,8"],
        ["30–49 år", "2 356", "56,2"],
        ["50–64 år", "1 517", "54,8"],
        ["Samtliga", "5 214", "57,2"],
    ], tid="B3"),
    ("caption", "Tabell B3 Avslutade rehabiliteringsinsatser och andel som utvecklat eller återfått arbetsförmåga, "
                "efter ålder, 2027"),
    ("source", "Källa: SUS."),
    table([
        ["År", "Sjukpenning", "Aktivitetsersättning"],
        ["2024", "408", ".."],
        ["2025", "401", "377"],
        ["2026", "394", "369"],
        ["2027", "382", "358"],
    ], tid="B4"),
    ("caption", "Tabell B4 Genomsnittlig tid i samverkan efter förmån, 2024–2027, dagar"),
    ("note", "Anm.: .. = uppgift saknas. Tiden för aktivitetsersättning 2024 kan inte tas fram efter bytet av "
             "uppföljningssystem."),
    ("source", "Källa: SUS."),
    table([
        ["Förmån", "Kvinnor", None, "Män", None],
        [None, "Antal", "Andel", "Antal", "Andel"],
        ["Sjukpenning", "1 104", "13,5", "684", "13,0"],
        ["Aktivitetsersättning", "104", "11,5", "109", "10,6"],
    ], header_rows=2, merges=[(0, 0, 1, 0), (0, 1, 0, 2), (0, 3, 0, 4)], tid="B5a"),
    ("caption", "Tabell B5 Omställningsmöten efter avslag, efter förmån och kön, 2027. Antal möten och andel av dem "
                "som fick avslag, procent"),
    ("pagebreak", 10),
    table([
        ["Förmån", "Kvinnor", None, "Män", None],
        [None, "Antal", "Andel", "Antal", "Andel"],
        ["Sjukersättning", "221", "4,4", "128", "4,0"],
        ["Samtliga", "1 429", "10,2", "921", "9,7"],
    ], header_rows=2, merges=[(0, 0, 1, 0), (0, 1, 0, 2), (0, 3, 0, 4)], tid="B5b"),
    ("caption", "Tabell B5 (forts.)"),
    ("source", "Källa: MiDAS."),
    table([
        ["Ålder", "Aktivitetsersättning", "Sjukersättning"],
        ["16–29 år", "213", "x"],
        ["30–49 år", "–", "117"],
        ["50–64 år", "–", "229"],
        ["Samtliga", "213", "349"],
    ], tid="B6"),
    ("caption", "Tabell B6 Omställningsmöten efter avslag på aktivitetsersättning och sjukersättning, efter ålder, "
                "2027"),
    ("note", "Anm.: – = ej tillämpligt, aktivitetsersättning kan bara beviljas till och med 29 års ålder. x = färre än "
             "fem möten, uppgiften redovisas inte."),
    ("source", "Källa: MiDAS."),
    table([
        ["", "Avslag", "Inskrivna", "Andel inskrivna"],
        ["Totalt", "13 415", "6 842", "0,51"],
        ["varav kvinnor", "8 160", "4 080", "0,50"],
        ["varav män", "5 255", "2 762", "0,53"],
    ], tid="B7"),
    ("caption", "Tabell B7 Inskrivna hos Arbetsförmedlingen 90 dagar efter avslag på sjukpenning, efter kön, 2027"),
    ("source", "Källa: MiDAS och Arbetsförmedlingen."),
    table([
        ["År", "Belopp, mnkr", None],
        [None, "Anslag", "Förbrukat"],
        ["2023", "720,0", "702,3"],
        ["2024", "730,0", "714,6"],
        ["2025", "740,0", "721,5"],
        ["2026", "750,0", "736,8"],
        ["2027", "760,0", "744,4"],
    ], header_rows=2, merges=[(0, 0, 1, 0), (0, 1, 0, 2)], tid="B8"),
    ("caption", "Tabell B8 Anslag och förbrukade medel för det förstärkta samarbetet, 2023–2027"),
    ("note", "Anm.: Förbrukningen var 688,2 mnkr 2021 och 683,7 mnkr 2022."),
    ("source", "Källa: Arbetsförmedlingens och Försäkringskassans årsredovisningar."),
]

FN_RE = re.compile(r"\[\[fn:([a-z_]+)\]\]")


def footnote_numbers() -> dict[str, int]:
    order: dict[str, int] = {}

    def scan(text):
        for key in FN_RE.findall(text or ""):
            order.setdefault(key, len(order) + 1)

    for block in CONTENT:
        if block[0] == "table":
            for row in block[1]["rows"]:
                for cell in row:
                    scan(cell)
        elif len(block) > 1 and isinstance(block[1], str):
            scan(block[1])
    return order


FN = footnote_numbers()


# ---------------------------------------------------------------------------------------------- plain text

def sup(text: str) -> str:
    return FN_RE.sub(lambda m: f"<sup>{FN[m.group(1)]}</sup>", text)


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
                fields.append(sup(rows[m[0]][m[1]]) if r == m[0] else "")
                c = m[3] + 1
            else:
                fields.append(sup(row[c]))
                c += 1
        out.append("\t".join(fields))
    return out


TABLE_TAIL = ("caption", "note", "source")


def plain_text() -> str:
    paras: list[list[str]] = []  # groups of lines; groups are separated by one empty line
    pending: list[str] = []       # footnote keys referenced since the last flush
    seen: set[str] = set()

    def note_refs(text):
        for key in FN_RE.findall(text or ""):
            if key not in seen:
                seen.add(key)
                pending.append(key)

    prev = None
    for block in CONTENT:
        kind = block[0]
        if kind == "table":
            for row in block[1]["rows"]:
                for cell in row:
                    note_refs(cell)
            paras.append(table_lines(block[1]))
        elif kind in TABLE_TAIL and prev in ("table",) + TABLE_TAIL:
            paras[-1].append(sup(block[1]))
        elif kind == "pagebreak":
            paras.append([f"{RUNNING_HEADER}\t{block[1]}"])
        elif kind == "footnotes":
            for key in pending:
                paras.append([f"<sup>{FN[key]}</sup> {FOOTNOTES[key]}"])
            pending.clear()
        else:
            note_refs(block[1])
            paras.append([sup(block[1])])
        prev = kind
    assert not pending, pending
    return "\n\n".join("\n".join(p) for p in paras) + "\n"


# ---------------------------------------------------------------------------------------------- docx

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def add_text_with_footnotes(paragraph, text, size=None, bold=False, italic=False):
    """Add text to a paragraph, turning [[fn:key]] into real Word footnote references."""
    pos = 0
    for m in FN_RE.finditer(text):
        if m.start() > pos:
            run = paragraph.add_run(text[pos:m.start()])
            run.bold, run.italic = bold, italic
            if size:
                run.font.size = size
        run = paragraph.add_run()
        r_pr = run._r.get_or_add_rPr()
        va = OxmlElement("w:vertAlign")
        va.set(qn("w:val"), "superscript")
        r_pr.append(va)
        ref = OxmlElement("w:footnoteReference")
        ref.set(qn("w:id"), str(FN[m.group(1)]))
        run._r.append(ref)
        pos = m.end()
    if pos < len(text):
        run = paragraph.add_run(text[pos:])
        run.bold, run.italic = bold, italic
        if size:
            run.font.size = size


def footnotes_xml() -> bytes:
    def esc(s):
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

    parts = [
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:footnotes xmlns:w="{W_NS}">',
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" w:line="240" '
        'w:lineRule="auto"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>',
        '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0" w:line="240" '
        'w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>',
    ]
    for key, num in sorted(FN.items(), key=lambda kv: kv[1]):
        parts.append(
            f'<w:footnote w:id="{num}"><w:p><w:pPr><w:spacing w:after="0"/></w:pPr>'
            '<w:r><w:rPr><w:vertAlign w:val="superscript"/><w:sz w:val="18"/></w:rPr><w:footnoteRef/></w:r>'
            f'<w:r><w:rPr><w:sz w:val="18"/></w:rPr><w:t xml:space="preserve"> {esc(FOOTNOTES[key])}</w:t></w:r>'
            '</w:p></w:footnote>')
    parts.append("</w:footnotes>")
    return "".join(parts).encode("utf-8")


def attach_footnotes(doc) -> None:
    part = Part(PackURI("/word/footnotes.xml"),
                "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
                footnotes_xml(), doc.part.package)
    doc.part.relate_to(part, RT.FOOTNOTES)
    settings = doc.settings.element
    fpr = OxmlElement("w:footnotePr")
    for fid in ("-1", "0"):
        el = OxmlElement("w:footnote")
        el.set(qn("w:id"), fid)
        fpr.append(el)
    compat = settings.find(qn("w:compat"))  # schema order: footnotePr comes before compat
    if compat is not None:
        compat.addprevious(fpr)
    else:
        settings.append(fpr)


def mark_header_row(row) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    tr_pr.append(el)


def add_table(doc, spec) -> None:
    rows, merges, header_rows = spec["rows"], spec["merges"], spec["header_rows"]
    ncols = len(rows[0])
    t = doc.add_table(rows=len(rows), cols=ncols)
    t.style = "Table Grid"
    t.alignment = WD_TABLE_ALIGNMENT.LEFT
    for r1, c1, r2, c2 in merges:
        t.cell(r1, c1).merge(t.cell(r2, c2))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            if text is None:  # covered by a merged cell
                continue
            cell = t.cell(r, c)
            para = cell.paragraphs[0]
            add_text_with_footnotes(para, text, size=Pt(9.5), bold=r < header_rows)
            if c >= 1:
                para.alignment = WD_ALIGN_PARAGRAPH.CENTER if (r < header_rows and header_rows > 1 and r == 0) \
                    else WD_ALIGN_PARAGRAPH.RIGHT
    for r in range(header_rows):
        mark_header_row(t.rows[r])
    t.autofit = False
    first = Cm(6.5) if ncols > 3 else Cm(5.5)
    other = Cm(9.5 / (ncols - 1))
    for c, col in enumerate(t.columns):
        col.width = first if c == 0 else other
    for row in t.rows:
        for c, cell in enumerate(row.cells):
            cell.width = first if c == 0 else other


def add_page_field(paragraph) -> None:
    run = paragraph.add_run()
    for tag, attr in (("w:fldChar", "begin"), ("w:instrText", None), ("w:fldChar", "separate")):
        el = OxmlElement(tag)
        if attr:
            el.set(qn("w:fldCharType"), attr)
        else:
            el.set(qn("xml:space"), "preserve")
            el.text = " PAGE "
        run._r.append(el)
    run2 = paragraph.add_run("1")
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run2._r.append(end)


def new_a4_document(title: str, author: str, font: str):
    """A Word document as the later first-run reports are set: A4, 2.5 cm side margins, 10.5 pt body text,
    no footer on the title page."""
    doc = Document()
    doc.core_properties.title = title
    doc.core_properties.author = author
    doc.styles["Normal"].font.name = font
    doc.styles["Normal"].font.size = Pt(10.5)
    section = doc.sections[0]
    for attr, cm in (("page_height", 29.7), ("page_width", 21.0), ("left_margin", 2.5), ("right_margin", 2.5)):
        setattr(section, attr, Cm(cm))
    section.different_first_page_header_footer = True
    return doc


def add_page_footer(section, text: str) -> None:
    """A footer of `text` in 8 pt, then a tab to the right edge and the page number."""
    fp = section.footer.paragraphs[0]
    fp.text = ""
    fp.add_run(text).font.size = Pt(8)
    fp.paragraph_format.tab_stops.add_tab_stop(Cm(16.0))
    fp.add_run("\t")
    add_page_field(fp)


def write_docx() -> None:
    doc = Document()
    doc.core_properties.title = "Återrapportering 2028: det förstärkta samarbetet"
    doc.core_properties.author = "Arbetsförmedlingen och Försäkringskassan"
    doc.styles["Normal"].font.name = "Calibri"
    doc.styles["Normal"].font.size = Pt(11)
    section = doc.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    section.left_margin = section.right_margin = Cm(2.5)
    section.different_first_page_header_footer = True
    hp = section.header.paragraphs[0]
    hp.text = ""
    hp.add_run(RUNNING_HEADER)
    hp.paragraph_format.tab_stops.add_tab_stop(Cm(16.0))
    hp.add_run("\t")
    add_page_field(hp)

    page_break_next = False
    for block in CONTENT:
        kind = block[0]
        if kind == "pagebreak":
            page_break_next = True
            continue
        if kind == "footnotes":
            continue
        if kind == "title":
            p = doc.add_paragraph(style="Title")
            add_text_with_footnotes(p, block[1])
        elif kind == "subtitle":
            p = doc.add_paragraph(style="Subtitle")
            add_text_with_footnotes(p, block[1])
        elif kind == "h1":
            p = doc.add_heading(level=1)
            add_text_with_footnotes(p, block[1])
        elif kind == "h2":
            p = doc.add_heading(level=2)
            add_text_with_footnotes(p, block[1])
        elif kind == "caption":
            p = doc.add_paragraph(style="Caption")
            add_text_with_footnotes(p, block[1])
        elif kind in ("source", "note"):
            p = doc.add_paragraph()
            add_text_with_footnotes(p, block[1], size=Pt(9), italic=kind == "source")
        elif kind == "table":
            if page_break_next:  # a table that starts a page: break in an empty paragraph before it
                doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
                page_break_next = False
            add_table(doc, block[1])
            continue
        else:
            p = doc.add_paragraph()
            add_text_with_footnotes(p, block[1])
        if page_break_next:
            p.paragraph_format.page_break_before = True
            page_break_next = False
    attach_footnotes(doc)
    doc.save(DOCX)


def write_pdf() -> bool:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        print("soffice not found: PDF not written", file=sys.stderr)
        return False
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([soffice, f"-env:UserInstallation=file://{tmp}/profile", "--headless", "--convert-to", "pdf",
                        "--outdir", tmp, str(DOCX)], check=True, capture_output=True, timeout=180)
        shutil.copyfile(Path(tmp) / f"{STEM}.pdf", PDF)
    return True


def check_pages() -> None:
    """The page numbers in the running-header lines of the .txt must be the PDF's pages."""
    if not shutil.which("pdftotext"):
        print("pdftotext not found: page numbers not checked", file=sys.stderr)
        return
    text = subprocess.run(["pdftotext", "-layout", str(PDF), "-"], check=True, capture_output=True,
                          text=True).stdout
    pages = text.split("\f")
    bad = []
    for i, block in enumerate(CONTENT):
        if block[0] != "pagebreak":
            continue
        nxt = CONTENT[i + 1]
        probe = (table_lines(nxt[1])[1].split("\t")[0] if nxt[0] == "table" else FN_RE.sub("", nxt[1]))[:25]
        page = block[1]
        if page > len(pages) or probe not in pages[page - 1] or f"{RUNNING_HEADER}" not in pages[page - 1]:
            found = [n + 1 for n, pg in enumerate(pages) if probe in pg]
            bad.append(f"page break before {probe!r}: txt says {page}, PDF has it on {found}")
    print("\n".join(bad) if bad else f"page numbers agree with the PDF ({len(pages) - 1} pages)")


if __name__ == "__main__":
    TXT.write_text(plain_text(), encoding="utf-8")
    write_docx()
    if "--no-pdf" not in sys.argv and write_pdf():
        check_pages()
    print(TXT, DOCX, PDF, sep="\n")
