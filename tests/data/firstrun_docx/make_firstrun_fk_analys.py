"""Write the first-run test report "Socialförsäkringsrapport 2028:2 – Vägen tillbaka".

A fictional analytical report by Försäkringskassan (Avdelningen för analys och prognos) on rehabilitation and the
förstärkta samarbetet with Arbetsförmedlingen 2020-2027, in the house style of the Socialförsäkringsrapport series:
a colophon page, a "Förord" signed by the analysis director with place and date, a "Sammanfattning" whose key findings
open with bold lead-ins, chapters numbered by hand ("1 Inledning", "2 Data och metod", "2.1 Datakällor"), a numbered
list of research questions, real Word footnotes (footnotes.xml), "Diagram N.N ..." captions ABOVE a chart placeholder
followed by the chart's data as a small table (years 2020-2027 in rows, Kvinnor | Män | Samtliga), "Tabell N.N ..."
captions BELOW the tables followed by "Källa: ..." (and "Anm.: ...") lines, a two-level table header, a regression
table with significance stars and a reference list. One content list gives three files that say the same things:

- firstrun_docx/firstrun-fk-analysrapport-2028.docx: the Word document (python-docx), footer with the series name and
  a page field, explicit page breaks before the main parts;
- ../firstrun-fk-analysrapport-2028.txt: the same content as Word's plain-text export gives it, as in the kommun
  report (make_firstrun_kommun.py): one paragraph per line, headings as plain lines, numbered list items as
  "1.<TAB>text", each table row one line with TAB between cells (a horizontally merged cell ONE field, the
  continuation of a vertically merged cell an empty field), a chart placeholder as an empty line; footnote reference
  marks as superscript digits ("MiDAS¹") and each chapter's footnotes as lines "¹ text" after the chapter's last
  paragraph; no page-break or footer artifacts;
- firstrun_docx/firstrun-fk-analysrapport-2028.pdf: the docx exported by LibreOffice headless.

Table building, the plain-text table rows and the soffice call come from make_firstrun_kommun.py; the Word footnote
machinery and the page field from make_firstrun_aterrapport_word.py. All figures are invented. Run:
python tests/data/firstrun_docx/make_firstrun_fk_analys.py (needs python-docx; soffice on PATH for the PDF).
"""
from __future__ import annotations

import sys
from pathlib import Path

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import make_firstrun_aterrapport_word as word  # footnotes, page field (after the sys.path line)
import make_firstrun_kommun as kommun  # tables, plain-text rows, PDF export

STEM = "firstrun-fk-analysrapport-2028"
DOCX, PDF = (HERE / f"{STEM}.{ext}" for ext in ("docx", "pdf"))
TXT = HERE.parent / f"{STEM}.txt"   # Word's plain-text export sits beside the other test reports

SERIES = "Socialförsäkringsrapport 2028:2"
NB = "\u00a0"     # no-break space: thousands separator in the running text
M = "\u2212"      # typographic minus in the regression table
SOURCE = "Källa: Försäkringskassans datalager MiDAS och Arbetsförmedlingen."
SUPERSCRIPT = dict(zip(range(1, 10), "¹²³⁴⁵⁶⁷⁸⁹"))

table = kommun.table


def diagram(caption, rows):
    """A chart as FK prints it: caption above, the chart (a placeholder), the source, then the chart's data."""
    return [("caption", caption), ("chart",), ("source", SOURCE), ("datalabel", "Diagrammets data"),
            table([["År", "Kvinnor", "Män", "Samtliga"], *rows])]


FOOTNOTES = {
    "midas": "MiDAS (Mikrodata för analys av socialförsäkringen) är Försäkringskassans datalager för statistik och "
             "analys. Uppgifterna hämtades den 9 februari 2028.",
    "arbetsformaga": "Som arbetsförmåga räknas att personen har arbete med eller utan subvention, studerar eller är "
                     "aktivt arbetssökande och inte längre får sjukpenning. Definitionen är densamma som i "
                     "myndigheternas återrapportering, men vi mäter utfallet senast 90 dagar efter avslutad insats.",
    "logit": "I en logistisk modell anger koefficienten förändringen i logaritmen av oddset. Oddskvoten är "
             "exponenten av koefficienten och jämför oddset i en grupp med oddset i referensgruppen.",
    "selektion": "Skillnaden kan inte tolkas som en effekt av mötet. De som tackar ja till ett möte kan skilja sig från "
                 "dem som inte gör det, till exempel i motivation och hälsa, och vi har inte kunnat kontrollera för "
                 "sådana skillnader.",
}

# Footnote reference marks in text: [[fn:key]] (the syntax of make_firstrun_aterrapport_word.py).

CONTENT = [
    ("p", SERIES),
    ("title", "Vägen tillbaka"),
    ("subtitle", "Rehabilitering och samarbetet med Arbetsförmedlingen 2020–2027"),
    ("empty",),
    ("p", "Försäkringskassan"),
    ("p", "Avdelningen för analys och prognos"),
    ("pagebreak",),
    ("small", SERIES),
    ("small", "ISSN 1654-8574"),
    ("small", "Utgivare: Försäkringskassan, Avdelningen för analys och prognos"),
    ("small", "Diarienummer: FK 2027/012904"),
    ("small", "Rapporten kan laddas ner från forsakringskassan.se. Frågor om rapporten besvaras av enheten för analys "
              "av sjukförsäkringen."),
    ("pagebreak",),
    ("h1", "Förord"),
    ("p", "Sedan 2018 har Försäkringskassan och Arbetsförmedlingen ett förstärkt samarbete för personer som behöver "
          "stöd för att komma tillbaka till arbete efter en sjukskrivning. Samarbetet följs upp varje år i "
          "myndigheternas gemensamma återrapportering, men den visar främst hur många som deltar."),
    ("p", f"I den här rapporten följer vi i stället 48{NB}215 sjukfall över tid och frågar vad som händer med dem som får en "
          "gemensam kartläggning."),
    ("p", "Rapporten bygger på registeruppgifter ur Försäkringskassans datalager som har kopplats till uppgifter från "
          "Arbetsförmedlingen. Den har skrivits av utredarna Elin Sandgren och Mikael Torstensson vid enheten för "
          "analys av sjukförsäkringen. Docent Anna Berglund vid Uppsala universitet har granskat ett utkast och "
          "lämnat värdefulla synpunkter. Vi tackar också Arbetsförmedlingens analysavdelning för ett gott samarbete."),
    ("p", "Stockholm den 14 april 2028"),
    ("p", "Katarina Holm"),
    ("p", "Analysdirektör"),
    ("pagebreak",),
    ("h1", "Sammanfattning"),
    ("p", "Rapporten beskriver vägen tillbaka till arbete för personer med sjukpenning eller aktivitetsersättning som "
          "får stöd i det förstärkta samarbetet mellan Försäkringskassan och Arbetsförmedlingen. Resultaten gäller "
          "åren 2020–2027."),
    ("lead", "Allt fler får en gemensam kartläggning. ",
     f"Antalet gemensamma kartläggningar har ökat varje år sedan 2020 och var 11{NB}965 under 2027, vilket är "
     "37,5 procent fler än 2020. Två av tre kartläggningar gällde personer med sjukpenning. Kvinnor kartläggs oftare "
     "än män: 2,3 kartläggningar per 1 000 försäkrade kvinnor mot 1,5 per 1 000 försäkrade män."),
    ("lead", "Kartläggningen kommer tidigare i sjukfallet. ",
     "Mediantiden från sjukfallets start till kartläggningen var 187 dagar 2027, 27 dagar kortare än 2020. Var "
     "åttonde kartläggning görs dock först när sjukfallet har pågått i mer än ett år."),
    ("lead", "Drygt sju av tio påbörjar en rehabiliteringsinsats. ",
     f"Av de 48{NB}215 sjukfallen i studiepopulationen ledde 72,3 procent till en påbörjad rehabiliteringsinsats hos "
     "Arbetsförmedlingen inom uppföljningsfönstret. Kvinnor påbörjade insats något oftare än män, 73,4 mot "
     "70,4 procent."),
    ("lead", "Fler får eller återfår arbetsförmåga. ",
     "Bland dem som avslutade en rehabiliteringsinsats 2027 hade 58,4 procent fått eller återfått arbetsförmåga, "
     "6,5 procentenheter fler än 2020. Skillnaden mellan män och kvinnor kvarstår: 62,3 procent av männen och "
     "55,9 procent av kvinnorna."),
    ("lead", "En anställning att gå tillbaka till väger tyngst. ",
     "För den som hade en anställning när sjukfallet började var oddset att få eller återfå arbetsförmåga "
     "1,34 gånger så högt som för den som saknade anställning, även när vi tar hänsyn till kön, ålder, diagnos och "
     "sjukfallets längd."),
    ("lead", "Omställningsmötet gör skillnad men når få. ",
     "Av dem som fick avslag på sjukpenning och hade ett omställningsmöte var 69,4 procent inskrivna hos "
     "Arbetsförmedlingen 90 dagar senare, mot 46,5 procent av dem utan möte. Men bara var tionde som fick avslag "
     "2027 hade ett möte."),
    ("pagebreak",),
    ("h1", "1 Inledning"),
    ("p", "Den som är sjukskriven länge riskerar att förlora kontakten med arbetsmarknaden. Försäkringskassan och "
          "Arbetsförmedlingen har därför sedan 2018 ett förstärkt samarbete som ska ge personer med sjukpenning eller "
          "aktivitetsersättning stöd att utveckla eller återfå sin arbetsförmåga."),
    ("p", "Samarbetet har två delar: "
          "rehabiliteringssamverkan, som inleds med en gemensam kartläggning, och möten för omställning för den som "
          "inte längre har rätt till ersättning."),
    ("h2", "1.1 Bakgrund"),
    ("p", "Myndigheterna redovisar varje år hur många kartläggningar och möten som har genomförts och hur stor andel "
          "av deltagarna som har fått eller återfått arbetsförmåga. Den senaste återrapporteringen visar att "
          f"myndigheterna genomförde 11{NB}965 gemensamma kartläggningar och 2{NB}515 omställningsmöten under 2027 "
          "(Arbetsförmedlingen och Försäkringskassan 2028)."),
    ("p", "Återrapporteringen följer dock inte individerna över tid. Den säger därför lite om vad som händer efter "
          "kartläggningen, hur lång tid det tar och vilka som har störst nytta av samarbetet. Inspektionen för "
          "socialförsäkringen har pekat på samma brist (ISF 2026)."),
    ("h2", "1.2 Syfte och frågeställningar"),
    ("p", "Syftet med rapporten är att beskriva och analysera vägen tillbaka till arbete för personer som får stöd i "
          "det förstärkta samarbetet. Vi besvarar fyra frågor:"),
    ("numbered", "Hur har antalet gemensamma kartläggningar och tiden fram till kartläggningen utvecklats?"),
    ("numbered", "Hur många påbörjar en rehabiliteringsinsats, och hur många får eller återfår arbetsförmåga?"),
    ("numbered", "Vilka faktorer hänger samman med att få eller återfå arbetsförmåga?"),
    ("numbered", "Vad händer efter ett avslag, och spelar omställningsmötet någon roll?"),
    ("h2", "1.3 Rapportens disposition"),
    ("p", "I kapitel 2 beskriver vi data och metod. Kapitel 3 handlar om den gemensamma kartläggningen och kapitel 4 "
          "om rehabiliteringsinsatserna och deras resultat. I kapitel 5 analyserar vi omställningsmötena, och i "
          "kapitel 6 drar vi slutsatser."),
    ("h1", "2 Data och metod"),
    ("h2", "2.1 Datakällor"),
    ("p", "Analysen bygger på uppgifter ur Försäkringskassans datalager MiDAS[[fn:midas]] om sjukfall, ersättningar "
          "och gemensamma kartläggningar. Uppgifterna har kopplats till Arbetsförmedlingens register över "
          "inskrivningar, program och rehabiliteringsinsatser. Kopplingen har gjorts på individnivå med "
          "avidentifierade löpnummer."),
    ("p", "Uppgifterna om antal kartläggningar, insatser och möten per år i kapitel 3–5 kommer från myndigheternas "
          "gemensamma uppföljning och kan avvika något från tidigare publicerade siffror, eftersom en del "
          "registreringar görs i efterhand."),
    ("h2", "2.2 Studiepopulation"),
    ("p", "Studiepopulationen består av alla sjukfall med sjukpenning där en gemensam kartläggning fastställdes mellan "
          f"den 1 januari 2020 och den 31 december 2026, totalt N = 48{NB}215 sjukfall."),
    ("p", "Varje sjukfall ingår en gång, "
          "med sin första kartläggning. Antalet sjukfall är därför detsamma som antalet kartläggningar med sjukpenning "
          "under perioden (tabell 3.1)."),
    ("p", f"Vi har uteslutit 1{NB}137 sjukfall där kartläggningen påbörjades men aldrig fastställdes och 212 sjukfall "
          "som avslutades på grund av dödsfall under uppföljningen. Populationen beskrivs i tabell 2.1."),
    ("p", "Drygt sex av tio sjukfall gällde kvinnor (62,7 procent), och drygt hälften av dem som kartlades hade en "
          "psykiatrisk diagnos. Sju av tio hade en anställning när sjukfallet började."),
    table([
        ["", "Antal", "Andel (%)"],
        ["Kvinnor", "30 214", "62,7"],
        ["Män", "18 001", "37,3"],
        ["16–29 år", "6 412", "13,3"],
        ["30–49 år", "24 587", "51,0"],
        ["50–64 år", "17 216", "35,7"],
        ["Psykiatrisk diagnos", "24 590", "51,0"],
        ["Anställd vid sjukfallets start", "33 702", "69,9"],
        ["Sjukfallet över 365 dagar vid kartläggningen", "6 031", "12,5"],
        ["Samtliga", "48 215", "100,0"],
    ]),
    ("caption", "Tabell 2.1 Studiepopulationen efter kön, ålder och några bakgrundsfaktorer. Sjukfall med gemensam "
                "kartläggning 2020–2026"),
    ("source", SOURCE),
    ("h2", "2.3 Uppföljningsfönster och utfall"),
    ("p", "Varje sjukfall följs under ett uppföljningsfönster som börjar den dag kartläggningen fastställs och slutar "
          "365 dagar senare, dock senast den 31 december 2027."),
    ("p", "Inom fönstret mäter vi om personen påbörjar en "
          "rehabiliteringsinsats hos Arbetsförmedlingen och om personen får eller återfår arbetsförmåga."
          "[[fn:arbetsformaga]]"),
    ("p", "Utfallen i fönstret är inte direkt jämförbara med myndigheternas årliga mått. Där återrapporteringen "
          "räknar andelen med arbetsförmåga bland alla som avslutat en insats under ett visst år, räknar vi andelen "
          "bland alla som påbörjat en insats, oavsett om insatsen hunnit avslutas."),
    ("h2", "2.4 Statistisk analys"),
    ("p", "För att se vilka faktorer som hänger samman med utfallet skattar vi en logistisk regressionsmodell."
          f"[[fn:logit]] Modellen omfattar de 34{NB}863 sjukfall där en insats påbörjades."),
    ("p", "Vi redovisar "
          "koefficienterna, deras standardfel och oddskvoterna. En oddskvot över 1 innebär att oddset för att få "
          "eller återfå arbetsförmåga är högre än i referensgruppen, en oddskvot under 1 att det är lägre."),
    ("p", "Andelar redovisas med 95 procents konfidensintervall (KI) där det är relevant. Skillnader som inte är "
          "statistiskt säkerställda på 5-procentsnivån kommenteras inte."),
    ("footnotes",),
    ("h1", "3 Vägen till en gemensam kartläggning"),
    ("p", "Den gemensamma kartläggningen är porten till rehabiliteringssamverkan. Där bedömer Försäkringskassan och "
          "Arbetsförmedlingen tillsammans med personen om det finns förutsättningar för en rehabiliteringsinsats."),
    ("h2", "3.1 Allt fler kartläggs"),
    ("p", "Antalet gemensamma kartläggningar har ökat varje år sedan 2020, se diagram 3.1. Under 2027 genomfördes "
          f"11{NB}965 kartläggningar, 560 fler än 2026 och 37,5 procent fler än 2020, då antalet var 8{NB}703."),
    *diagram("Diagram 3.1 Gemensamma kartläggningar efter kön, 2020–2027, antal", [
        ["2020", "5 412", "3 291", "8 703"],
        ["2021", "5 876", "3 598", "9 474"],
        ["2022", "6 103", "3 787", "9 890"],
        ["2023", "6 345", "3 952", "10 297"],
        ["2024", "6 590", "4 188", "10 778"],
        ["2025", "6 712", "4 365", "11 077"],
        ["2026", "6 884", "4 521", "11 405"],
        ["2027", "7 163", "4 802", "11 965"],
    ]),
    ("p", f"Kvinnor stod för 7{NB}163 av kartläggningarna 2027, knappt sex av tio. Männens andel har ökat från "
          "37,8 procent 2020 till 40,1 procent 2027, eller med 2,3 procentenheter, eftersom antalet kartläggningar "
          "med män har ökat snabbare."),
    ("p", "Räknat per 1 000 försäkrade i åldern 16–64 år genomfördes 1,9 kartläggningar 2027, jämfört med 1,4 år "
          "2020, se diagram 3.2. Bland kvinnorna var talet 2,3 och bland männen 1,5 per 1 000 försäkrade."),
    ("p", "Kvinnor kartläggs alltså "
          "drygt 1,5 gånger så ofta som män, vilket i stort motsvarar könsfördelningen bland dem som har långa "
          "sjukfall."),
    *diagram("Diagram 3.2 Gemensamma kartläggningar per 1 000 försäkrade 16–64 år efter kön, 2020–2027", [
        ["2020", "1,8", "1,0", "1,4"],
        ["2021", "1,9", "1,1", "1,5"],
        ["2022", "2,0", "1,2", "1,6"],
        ["2023", "2,1", "1,2", "1,6"],
        ["2024", "2,1", "1,3", "1,7"],
        ["2025", "2,2", "1,3", "1,7"],
        ["2026", "2,2", "1,4", "1,8"],
        ["2027", "2,3", "1,5", "1,9"],
    ]),
    ("h2", "3.2 Tiden till kartläggning har blivit kortare"),
    ("p", "Mediantiden från sjukfallets start till den gemensamma kartläggningen var 187 dagar 2027. Det är 27 dagar "
          "kortare än 2020, då mediantiden var 214 dagar, se diagram 3.3."),
    ("p", "Medeltiden var 243 dagar, jämfört med "
          "276 dagar 2020."),
    *diagram("Diagram 3.3 Mediantid från sjukfallets start till gemensam kartläggning efter kön, 2020–2027, dagar", [
        ["2020", "219", "206", "214"],
        ["2021", "212", "199", "207"],
        ["2022", "208", "196", "203"],
        ["2023", "203", "190", "198"],
        ["2024", "199", "185", "194"],
        ["2025", "196", "181", "190"],
        ["2026", "194", "179", "189"],
        ["2027", "192", "180", "187"],
    ]),
    ("p", "Kvinnor kartläggs senare i sjukfallet än män. År 2027 var mediantiden 192 dagar för kvinnor och 180 dagar "
          "för män, en skillnad på 12 dagar. Skillnaden har varit ungefär lika stor under hela perioden."),
    ("p", "Medeltiden är längre än mediantiden eftersom en mindre grupp kartläggs sent. I studiepopulationen hade var "
          "åttonde sjukfall, 12,5 procent, pågått i mer än 365 dagar när kartläggningen gjordes. Dessa sjukfall "
          "återkommer vi till i kapitel 4."),
    ("h2", "3.3 Vilka kartläggs?"),
    ("p", "Två av tre kartläggningar gäller personer med sjukpenning. Andelen har legat mellan 67 och 68 procent "
          f"varje år sedan 2020, se tabell 3.1. Under 2027 gällde 8{NB}127 kartläggningar personer med sjukpenning "
          f"och 2{NB}301 unga med aktivitetsersättning."),
    table([
        ["År", "Sjukpenning", "Aktivitetsersättning", "Övriga", "Samtliga"],
        ["2020", "5 894", "1 712", "1 097", "8 703"],
        ["2021", "6 382", "1 868", "1 224", "9 474"],
        ["2022", "6 655", "1 935", "1 300", "9 890"],
        ["2023", "6 910", "2 014", "1 373", "10 297"],
        ["2024", "7 233", "2 106", "1 439", "10 778"],
        ["2025", "7 450", "2 181", "1 446", "11 077"],
        ["2026", "7 691", "2 244", "1 470", "11 405"],
        ["2027", "8 127", "2 301", "1 537", "11 965"],
    ]),
    ("caption", "Tabell 3.1 Gemensamma kartläggningar efter förmån, 2020–2027, antal"),
    ("source", SOURCE),
    ("note", "Anm.: Övriga är personer med annan ersättning, till exempel sjukersättning eller aktivitetsstöd, och "
             "personer utan ersättning."),
    ("p", "Bland dem som kartlades med sjukpenning 2027 hade 52,6 procent en psykiatrisk diagnos, oftast depression, "
          "ångest eller stressrelaterad psykisk ohälsa. Bland unga med aktivitetsersättning var andelen 68,4 procent, "
          "och där var neuropsykiatriska diagnoser vanligast."),
    ("h1", "4 Rehabiliteringsinsatser och arbetsförmåga"),
    ("h2", "4.1 Drygt sju av tio påbörjar en insats"),
    ("p", f"Av de 48{NB}215 sjukfallen i studiepopulationen påbörjade 34{NB}863, eller 72,3 procent (95 % KI "
          "71,9–72,7), en rehabiliteringsinsats hos Arbetsförmedlingen inom uppföljningsfönstret."),
    ("p", "Andelen var "
          "73,4 procent för kvinnor och 70,4 procent för män, en skillnad på 3,0 procentenheter."),
    ("p", "Unga påbörjar insats oftare än äldre. I åldersgruppen 16–29 år påbörjade 76,0 procent en insats, bland "
          "personer 50–64 år 69,8 procent (tabell 4.1)."),
    ("p", f"I genomsnitt deltog 8{NB}406 personer per månad i en rehabiliteringsinsats under 2027. Drygt var tredje "
          "deltagare, 35,8 procent, tog del av insatser i en upphandlad tjänst."),
    table([
        ["", "Påbörjad insats, andel (%)", "Arbetsförmåga, andel av dem med insats (%)"],
        ["Kvinnor", "73,4", "39,9"],
        ["Män", "70,4", "46,0"],
        ["16–29 år", "76,0", "48,0"],
        ["30–49 år", "73,1", "43,3"],
        ["50–64 år", "69,8", "38,0"],
        ["Samtliga", "72,3", "42,1"],
    ]),
    ("caption", "Tabell 4.1 Påbörjad rehabiliteringsinsats och arbetsförmåga inom uppföljningsfönstret efter kön och "
                "ålder. Studiepopulationen, sjukfall med gemensam kartläggning 2020–2026"),
    ("source", SOURCE),
    ("h2", "4.2 Fler får eller återfår arbetsförmåga"),
    ("p", "I myndigheternas årliga uppföljning räknas andelen som fått eller återfått arbetsförmåga bland dem som "
          "avslutat en rehabiliteringsinsats under året. Den andelen har ökat från 51,9 procent 2020 till "
          "58,4 procent 2027, alltså med 6,5 procentenheter, se diagram 4.1."),
    *diagram("Diagram 4.1 Andel som fått eller återfått arbetsförmåga efter avslutad rehabiliteringsinsats, efter "
             "kön, 2020–2027, procent", [
                 ["2020", "49,8", "55,1", "51,9"],
                 ["2021", "50,6", "56,0", "52,7"],
                 ["2022", "51,9", "57,2", "54,0"],
                 ["2023", "52,4", "58,3", "54,7"],
                 ["2024", "53,1", "59,0", "55,4"],
                 ["2025", "54,0", "59,6", "56,2"],
                 ["2026", "54,7", "60,8", "57,1"],
                 ["2027", "55,9", "62,3", "58,4"],
             ]),
    ("p", f"Under 2027 avslutade 5{NB}612 personer en rehabiliteringsinsats, varav 3{NB}421 kvinnor och 2{NB}191 män. "
          f"Av dem hade 3{NB}277 fått eller återfått arbetsförmåga."),
    ("p", "Männen har under hela perioden haft en högre "
          "andel än kvinnorna; 2027 var skillnaden 6,4 procentenheter (62,3 mot 55,9 procent)."),
    ("p", "Utfallet skiljer sig mellan förmånerna, se tabell 4.2. Bland dem med sjukpenning fick eller återfick "
          "60,0 procent arbetsförmåga, bland unga med aktivitetsersättning 46,0 procent. Fyra av tio unga med "
          "aktivitetsersättning hade fortfarande ersättning när insatsen avslutades."),
    table([
        ["Utfall", "Sjukpenning", None, "Aktivitetsersättning", None],
        [None, "Antal", "Andel (%)", "Antal", "Andel (%)"],
        ["Fått eller återfått arbetsförmåga", "2 638", "60,0", "466", "46,0"],
        ["varav anställning utan subvention", "1 012", "23,0", "98", "9,7"],
        ["varav anställning med subvention", "771", "17,5", "141", "13,9"],
        ["varav reguljära studier", "243", "5,5", "127", "12,5"],
        ["varav aktivt arbetssökande", "612", "13,9", "100", "9,9"],
        ["Kvar i sjukförsäkringen", "1 296", "29,5", "412", "40,7"],
        ["Ingen uppgift", "462", "10,5", "135", "13,3"],
        ["Totalt", "4 396", "100,0", "1 013", "100,0"],
    ], header_rows=2, merges=[(0, 0, 1, 0), (0, 1, 0, 2), (0, 3, 0, 4)]),
    ("caption", "Tabell 4.2 Avslutade rehabiliteringsinsatser efter utfall och förmån, 2027"),
    ("source", SOURCE),
    ("note", "Anm.: Andelarna är beräknade på samtliga avslutade inom förmånen. De 203 personer med annan ersättning "
             "som avslutade en insats ingår inte i tabellen."),
    ("p", "Av dem med sjukpenning som fick eller återfick arbetsförmåga hade 67,6 procent en anställning med eller utan "
          "subvention när insatsen avslutades. Bland unga med aktivitetsersättning var motsvarande andel 51,3 procent, "
          "och fler gick till reguljära studier."),
    ("p", "Den genomsnittliga tiden i samverkan, från kartläggningen till att samarbetet avslutades, var 371 dagar för "
          "personer med sjukpenning och 349 dagar för unga med aktivitetsersättning. Mediantiden var 328 dagar för "
          "båda grupperna tillsammans."),
    ("h2", "4.3 Vad hänger samman med utfallet?"),
    ("p", "Tabell 4.3 visar resultaten från den logistiska regressionen. Den starkaste positiva faktorn är att ha en "
          "anställning när sjukfallet började. Oddset att få eller återfå arbetsförmåga var då 1,34 gånger så högt som "
          "för den som saknade anställning."),
    ("p", "Ett sjukfall som pågått i mer än 365 dagar vid kartläggningen minskar i stället chansen: oddskvoten är 0,66. "
          f"Bland de 4{NB}318 personer i modellen som kartlades så sent fick 33,5 procent (95 % KI 32,1–34,9) "
          "arbetsförmåga, jämfört med 42,1 procent i hela modellpopulationen."),
    ("p", "Kvinnor har lägre odds än män att få eller återfå arbetsförmåga (oddskvot 0,76), även när hänsyn tas till "
          "ålder och diagnos. Skillnaden mellan könen är alltså inte bara en följd av att kvinnor oftare har "
          "psykiatriska diagnoser."),
    ("p", "Personer 50–64 år har lägre odds än de yngsta, medan insatser i upphandlad tjänst "
          "inte har något statistiskt säkerställt samband med utfallet."),
    table([
        ["Variabel", "Koefficient", "Standardfel", "Oddskvot"],
        ["Kvinna", f"{M}0,27***", "0,024", "0,76"],
        ["Ålder 30–49 år", f"{M}0,08**", "0,034", "0,92"],
        ["Ålder 50–64 år", f"{M}0,35***", "0,036", "0,70"],
        ["Psykiatrisk diagnos", f"{M}0,12***", "0,023", "0,89"],
        ["Sjukfallet över 365 dagar vid kartläggningen", f"{M}0,41***", "0,035", "0,66"],
        ["Anställd vid sjukfallets start", "0,29***", "0,025", "1,34"],
        ["Insats i upphandlad tjänst", "0,05", "0,037", "1,05"],
        ["Kartläggning 2024–2026", "0,12***", "0,024", "1,13"],
        ["Konstant", f"{M}0,38***", "0,041", "–"],
        ["Antal observationer", "34 863", "", ""],
        ["Pseudo-R²", "0,061", "", ""],
    ]),
    ("caption", "Tabell 4.3 Sannolikheten att få eller återfå arbetsförmåga inom uppföljningsfönstret. Logistisk "
                "regression, sjukfall med påbörjad insats 2020–2026"),
    ("source", SOURCE),
    ("note", "Anm.: *** p < 0,01, ** p < 0,05, * p < 0,10. Referenskategorier: man, 16–29 år, ingen psykiatrisk "
             "diagnos, sjukfallet högst 365 dagar vid kartläggningen, inte anställd, insats i Arbetsförmedlingens egen "
             "regi, kartläggning 2020–2023."),
    ("h2", "4.4 Nya sjukfall efter avslutad insats"),
    ("p", "Att få eller återfå arbetsförmåga är inte alltid varaktigt. Av dem i studiepopulationen som fick eller "
          "återfick arbetsförmåga hade 15,2 procent ett nytt sjukfall med sjukpenning inom tolv månader."),
    ("p", "Bland dem som "
          "lämnade sjukförsäkringen utan att ha påbörjat någon insats var andelen 18,4 procent. Risken för ett nytt "
          "sjukfall var alltså 1,21 gånger så hög i den gruppen."),
    ("p", "Nya sjukfall var vanligast bland personer med psykiatrisk diagnos. I den gruppen hade nästan var femte ett "
          "nytt sjukfall inom tolv månader."),
    ("h1", "5 Omställningsmöten efter avslag"),
    ("p", "Den som inte längre har rätt till sjukpenning, eller som får avslag på en ansökan om aktivitetsersättning "
          "eller sjukersättning, ska erbjudas ett omställningsmöte med Försäkringskassan och Arbetsförmedlingen."),
    ("p", "De "
          "flesta avslag på sjukpenning beslutas när arbetsförmågan efter dag 180 prövas mot ett normalt förekommande "
          "arbete. Mötet ska ge personen information om vilket stöd som finns för att komma tillbaka till arbete."),
    ("h2", "5.1 Antalet möten ökar"),
    ("p", f"Under 2027 hölls 2{NB}515 omställningsmöten, 170 fler än 2026 och nästan dubbelt så många som 2020 "
          f"(1{NB}309). Diagram 5.1 visar att ökningen har varit jämn över perioden och gäller både kvinnor och män."),
    *diagram("Diagram 5.1 Omställningsmöten efter kön, 2020–2027, antal", [
        ["2020", "812", "497", "1 309"],
        ["2021", "1 004", "611", "1 615"],
        ["2022", "1 143", "702", "1 845"],
        ["2023", "1 228", "764", "1 992"],
        ["2024", "1 301", "815", "2 116"],
        ["2025", "1 366", "848", "2 214"],
        ["2026", "1 452", "893", "2 345"],
        ["2027", "1 547", "968", "2 515"],
    ]),
    ("p", "Antalet avslag har ökat långsammare än antalet möten. Andelen av dem som fått avslag som hade ett "
          "omställningsmöte steg därför från 6,1 procent 2020 till 10,5 procent 2027, en ökning med "
          "4,4 procentenheter."),
    ("p", "Det innebär ändå att bara var tionde person som fick avslag 2027 hade ett möte."),
    ("h2", "5.2 Stora skillnader mellan förmånerna"),
    ("p", "Andelen med möte var högst efter avslag på sjukpenning, 13,6 procent, och lägst efter avslag på "
          "sjukersättning, 4,7 procent (tabell 5.1). Efter avslag på sjukpenning var andelen med möte alltså "
          "2,9 gånger så hög som efter avslag på sjukersättning."),
    table([
        ["Förmån", "Avslag", "Omställningsmöten", "Andel med möte (%)"],
        ["Sjukpenning", "13 942", "1 903", "13,6"],
        ["Aktivitetsersättning", "1 874", "231", "12,3"],
        ["Sjukersättning", "8 054", "381", "4,7"],
        ["Samtliga", "23 870", "2 515", "10,5"],
    ]),
    ("caption", "Tabell 5.1 Avslag och omställningsmöten efter förmån, 2027"),
    ("source", SOURCE),
    ("h2", "5.3 Inskrivning hos Arbetsförmedlingen efter avslag"),
    ("p", f"Av de 13{NB}942 personer som fick avslag på sjukpenning 2027 var 6{NB}919 inskrivna hos "
          "Arbetsförmedlingen 90 dagar efter avslaget, nästan hälften (49,6 procent)."),
    ("p", "Bland dem som hade haft ett omställningsmöte var andelen inskrivna 69,4 procent (95 % KI 67,3–71,5), bland "
          "dem utan möte 46,5 procent (95 % KI 45,6–47,4). Skillnaden är 22,9 procentenheter, och sannolikheten att "
          "vara inskriven var 1,49 gånger så hög för dem som haft ett möte.[[fn:selektion]]"),
    table([
        ["", "Avslag", "Inskrivna", "Andel inskrivna (%)", "95 % KI"],
        ["Med omställningsmöte", "1 903", "1 321", "69,4", "67,3–71,5"],
        ["Utan omställningsmöte", "12 039", "5 598", "46,5", "45,6–47,4"],
        ["Samtliga", "13 942", "6 919", "49,6", "48,8–50,5"],
    ]),
    ("caption", "Tabell 5.2 Inskrivna hos Arbetsförmedlingen 90 dagar efter avslag på sjukpenning, efter om personen "
                "haft ett omställningsmöte, 2027"),
    ("source", SOURCE),
    ("p", f"Av dem som fick avslag på aktivitetsersättning var 1{NB}012 inskrivna efter 90 dagar, vilket motsvarar "
          "54,0 procent."),
    ("footnotes",),
    ("pagebreak",),
    ("h1", "6 Slutsatser"),
    ("p", "Det förstärkta samarbetet når i dag fler än någonsin. Antalet gemensamma kartläggningar har ökat varje år "
          "sedan 2020, kartläggningen kommer tidigare i sjukfallet och andelen som får eller återfår arbetsförmåga "
          "efter en insats har ökat med 6,5 procentenheter."),
    ("p", f"Vår uppföljning av 48{NB}215 sjukfall visar samtidigt att vägen tillbaka är lång för många."),
    ("p", "Knappt sex av "
          "tio av dem som påbörjade en insats hade inte fått eller återfått arbetsförmåga inom uppföljningsfönstret, "
          "och bland dem som kartlades först efter mer än ett år i sjukfallet var andelen med arbetsförmåga bara "
          "33,5 procent."),
    ("p", "För det första bör kartläggningen komma tidigt. Sjukfall som kartläggs efter mer än 365 dagar har klart "
          "sämre utfall, även när andra skillnader har beaktats."),
    ("p", "För det andra behöver samarbetet nå dem som saknar en anställning att gå tillbaka till. Deras odds att få "
          "eller återfå arbetsförmåga är lägre, och det är också de som oftast får avslag och blir inskrivna hos "
          "Arbetsförmedlingen."),
    ("p", "För det tredje bör fler som får avslag erbjudas ett omställningsmöte. I dag har bara var tionde ett möte, "
          "och efter avslag på sjukersättning knappt var tjugonde."),
    ("p", "Försäkringskassan kommer att följa studiepopulationen även under 2028 och 2029 för att se om utfallen håller "
          "över tid."),
    ("h1", "Referenser"),
    ("ref", "Arbetsförmedlingen och Försäkringskassan (2028). Återrapportering 2028: det förstärkta samarbetet. "
            "Af-2028/0052816 och FK 2028/007340."),
    ("ref", "Försäkringskassan (2024). Sjukfall som avslutas efter dag 180. Socialförsäkringsrapport 2024:6."),
    ("ref", "Arbetsförmedlingen (2027). Årsredovisning 2026. Af-2027/0009214."),
    ("ref", "Försäkringskassan (2025). Socialförsäkringen i siffror 2025."),
    ("ref", "Försäkringskassan (2026). Uppföljning av sjukförsäkringen 2025. Dnr FK 2026/003318."),
    ("ref", "ISF (2026). Det förstärkta samarbetet – en utvärdering. Rapport 2026:9. Inspektionen för "
            "socialförsäkringen."),
]

FN_RE = word.FN_RE
FN = {key: n for n, key in enumerate(dict.fromkeys(
    FN_RE.findall(" ".join(b[1] for b in CONTENT if len(b) > 1 and isinstance(b[1], str)))), start=1)}


# ---------------------------------------------------------------------------------------------- plain text

def marks(text: str) -> str:
    return FN_RE.sub(lambda m: SUPERSCRIPT[FN[m.group(1)]], text)


def plain_text() -> str:
    lines: list[str] = []
    pending: list[str] = []
    number = 0
    for block in CONTENT:
        kind = block[0]
        number = number + 1 if kind == "numbered" else 0
        if kind == "pagebreak":
            continue
        if kind in ("empty", "chart"):
            lines.append("")
        elif kind == "table":
            lines.extend(kommun.table_lines(block[1]))
        elif kind == "footnotes":
            lines.extend(f"{SUPERSCRIPT[FN[key]]} {FOOTNOTES[key]}" for key in pending)
            pending.clear()
        else:
            text = "".join(block[1:])
            pending.extend(FN_RE.findall(text))
            lines.append(f"{number}.\t{marks(text)}" if kind == "numbered" else marks(text))
    assert not pending, pending
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------------------------------------- docx

def chart_placeholder(doc) -> None:
    """An empty framed paragraph of a chart's height (a chart object has no text in the plain-text export)."""
    p = doc.add_paragraph()
    p.paragraph_format.line_spacing = Cm(4.5)
    p_pr = p._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    for side in ("top", "left", "bottom", "right"):
        el = OxmlElement(f"w:{side}")
        for attr, value in (("val", "single"), ("sz", "4"), ("space", "4"), ("color", "A6A6A6")):
            el.set(qn(f"w:{attr}"), value)
        borders.append(el)
    p_pr.append(borders)


def write_docx() -> None:
    word.FN, word.FOOTNOTES = FN, FOOTNOTES   # the footnote helpers read these module globals
    doc = word.new_a4_document(f"{SERIES} – Vägen tillbaka", "Försäkringskassan", "Georgia")
    section = doc.sections[0]
    word.add_page_footer(section, SERIES)

    page_break_next = False
    for kind, *rest in CONTENT:
        if kind in ("pagebreak", "footnotes"):   # footnotes live in footnotes.xml, not in the body
            page_break_next = page_break_next or kind == "pagebreak"
            continue
        if kind == "table":
            kommun.add_table(doc, rest[0])
            doc.tables[-1].style = "Light List Accent 1"
            continue
        if kind == "chart":
            chart_placeholder(doc)
            continue
        if kind in ("title", "subtitle"):
            p = doc.add_paragraph(style=kind.capitalize())
        elif kind in ("h1", "h2"):
            p = doc.add_heading(level=int(kind[1]))
        elif kind == "numbered":
            p = doc.add_paragraph(style="List Number")
        elif kind == "caption":
            p = doc.add_paragraph(style="Caption")
        else:
            p = doc.add_paragraph()
        if kind == "lead":
            word.add_text_with_footnotes(p, rest[0], bold=True)
            word.add_text_with_footnotes(p, rest[1])
        elif kind in ("source", "note", "small", "datalabel"):
            word.add_text_with_footnotes(p, rest[0], size=Pt(8.5), italic=kind == "source",
                                         bold=kind == "datalabel")
        elif kind == "ref":
            p.paragraph_format.left_indent = Cm(0.8)
            p.paragraph_format.first_line_indent = Cm(-0.8)
            word.add_text_with_footnotes(p, rest[0])
        elif kind != "empty":
            word.add_text_with_footnotes(p, rest[0])
        if kind == "title":
            for run in p.runs:
                run.font.color.rgb = RGBColor(0x00, 0x5A, 0x8C)
        if kind == "p" and rest[0] == SERIES:
            p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        if page_break_next:
            p.paragraph_format.page_break_before = True
            page_break_next = False
    word.attach_footnotes(doc)
    doc.save(DOCX)


def write_pdf() -> None:
    kommun.STEM, kommun.DOCX, kommun.PDF = STEM, DOCX, PDF   # kommun.write_pdf reads these module globals
    kommun.write_pdf()


def main(argv: list[str]) -> None:
    written = [TXT, DOCX]
    TXT.write_text(plain_text(), encoding="utf-8")
    write_docx()
    if "--no-pdf" not in argv:
        write_pdf()
        written.append(PDF)
    print(*written, sep="\n")


if __name__ == "__main__":
    main(sys.argv)
