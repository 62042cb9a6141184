"""Write the first-run test report "Redovisning av uppdrag om förstärkt samarbete – 2028".

A fictional joint report of Arbetsförmedlingen and Försäkringskassan to the government on the förstärkta samarbetet
in 2028 (delivered in March 2029; compared with 2026 and 2027, and in the appendix with 2024-2027), written in a Word
house style unlike the other test reports:

- a title page, then a table of contents ("Innehåll", entries with TAB and page number), then "Sammanfattning";
- main headings numbered as "Avsnitt 1 ...", "Avsnitt 2 ..." (Heading 1), sub-headings UNNUMBERED, as ordinary
  paragraphs in bold (no heading style);
- tables numbered through the document, "Tabell 1." ... "Tabell 9.", the caption BELOW the table with the source
  in the same paragraph ("... 2026–2028, antal. Källa: SUS."); one small UNNUMBERED table without caption, introduced
  only by the preceding paragraph ending in a colon;
- tables with a VERTICALLY MERGED first column (a row label such as "Sjukpenning" spanning the rows "Kvinnor" and
  "Män") and a total row whose label is merged horizontally over the two label columns; kön in rows and the years
  2026 | 2027 | 2028 in columns in some tables (1, 4, 6), years in rows and kön in columns in another (2); a
  "Totalt" row placed FIRST, above its parts (tabell 3); shares printed "62 %" in cells, and as quotients ("0,38")
  in the one table whose column is headed "Andel (andel av samtliga)" (tabell 5); a signed change column with U+2212
  minus (tabell 1) and a signed Differens column (tabell 7, tkr);
- real Word footnotes (footnotes.xml), several with figures, one with a restatement of last year's figure.

One content list gives three files that say exactly the same things:

- firstrun_docx/firstrun-gemensam-redovisning-2029.docx: the Word document (python-docx), a footer with the short
  title and a page field (not on the title page), explicit page breaks before the main parts;
- ../firstrun-gemensam-redovisning-2029.txt: the document as Word's "Spara som: Oformaterad text" gives it: one
  paragraph per line, no blank lines, headings and the bold sub-headings as plain lines, table-of-contents entries
  as "text<TAB>page", each table row one line with TAB between cells (a horizontally merged cell ONE field, the
  continuation of a vertically merged cell an EMPTY field), no header/footer text, footnote reference marks as
  plain digits glued to the word or full stop they follow ("kartläggningar2", "redovisningar.1"), and all
  footnotes at the END of the document as lines "N text" (Word puts footnotes after the last paragraph when it
  saves as plain text);
- firstrun_docx/firstrun-gemensam-redovisning-2029.pdf: the docx exported by LibreOffice headless. The page numbers
  in the table of contents are checked against this PDF (pdftotext) and a mismatch is reported.

The Word footnote machinery and the page field come from make_firstrun_aterrapport_word.py, the PDF export from
make_firstrun_kommun.py. All figures are invented. Run:
python tests/data/firstrun_docx/make_firstrun_gemensam_2029.py (needs python-docx; soffice and pdftotext on PATH for
the PDF and the page check, skipped with a message if missing).
"""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt, RGBColor

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import make_firstrun_aterrapport_word as word  # footnotes, page field (after the sys.path line)
import make_firstrun_kommun as kommun  # PDF export

STEM = "firstrun-gemensam-redovisning-2029"
DOCX, PDF = (HERE / f"{STEM}.{ext}" for ext in ("docx", "pdf"))
TXT = HERE.parent / f"{STEM}.txt"   # Word's plain-text export sits beside the other test reports

SHORT_TITLE = "Förstärkt samarbete – redovisning 2028"
M = "\u2212"   # typographic minus in the change and Differens columns


def table(rows, header_rows=1, merges=(), label_cols=1):
    """rows: full grid (lists of equal length; cells covered by a merge hold None).
    merges: (r1, c1, r2, c2) inclusive; the text sits in (r1, c1). label_cols: columns of row labels."""
    return ("table", {"rows": rows, "header_rows": header_rows, "merges": list(merges), "label_cols": label_cols})


FOOTNOTES = {
    "uttag": "I redovisningen för 2027 angavs 11 965; efter efterregistrering är antalet 12 034. Skillnaden, 69 "
             "kartläggningar, avser främst kartläggningar som registrerades i SUS efter uttaget i februari 2028.",
    "gk": "En gemensam kartläggning räknas när individen, en arbetsförmedlare och en handläggare på "
          "Försäkringskassan har fastställt en gemensam planering. Av kartläggningarna 2028 hölls 3 318 helt eller "
          "delvis på distans.",
    "ovriga": "Personer med annan ersättning än sjukpenning och aktivitetsersättning eller utan ersättning. Av de "
              "1 194 kartläggningarna i gruppen under 2028 gällde 431 personer med sjukersättning och 287 personer "
              "med aktivitetsstöd.",
    "arbetsformaga": "Som fått eller återfått arbetsförmåga räknas den som efter avslutad insats har ett arbete med "
                     "eller utan subvention, studerar eller är aktivt arbetssökande och inte längre har ersättning "
                     "från sjukförsäkringen. Den som arbetar deltid och har kvar sjukpenning på deltid räknas också "
                     "hit; under 2028 gällde det 214 personer.",
    "omstallning": "Ett omställningsmöte räknas om det hålls inom sex månader från beslutet om avslag. Möten som "
                   "hålls digitalt ingår; de var 611 under 2028.",
    "kontakt": "Kontaktmöte erbjuds anställda med sjukpenning mellan dag 91 och dag 180 i rehabiliteringskedjan. "
               "Under 2028 erbjöds 1 236 personer ett kontaktmöte.",
    "oh": "Respektive myndighet fördelar omkring 35 % av de tilldelade medlen till interna OH-kostnader för "
          "gemensam styrning, administration och lokaler.",
}

# Footnote reference marks in text: [[fn:key]] (the syntax of make_firstrun_aterrapport_word.py).

TOC = [  # (entry, page): checked against the PDF by check_pages()
    ("Sammanfattning", 3),
    ("Avsnitt 1 Uppdraget och underlaget", 4),
    ("Avsnitt 2 Gemensam kartläggning", 5),
    ("Avsnitt 3 Rehabiliteringsinsatser och resultat", 6),
    ("Avsnitt 4 Omställningsmöten och kontaktmöten", 8),
    ("Avsnitt 5 Förbrukade medel", 9),
    ("Avsnitt 6 Mål och utfall", 9),
    ("Bilaga 1 Definitioner", 10),
    ("Bilaga 2 Nyckeltal 2024–2028", 11),
]

CONTENT = [
    ("p", "Arbetsförmedlingen"),
    ("p", "Försäkringskassan"),
    ("title", "Redovisning av uppdrag om förstärkt samarbete – 2028"),
    ("subtitle", "Gemensam redovisning till regeringen om gemensam kartläggning, rehabiliteringsinsatser, "
                 "omställningsmöten, kontaktmöten och förbrukade medel"),
    ("p", "Datum: 2029-03-26"),
    ("p", "Dnr: Af-2029/0013406 och FK 2029/004127"),
    ("p", "Uppdrag i regleringsbreven för 2028 (A2027/01533 och S2027/02981)"),
    ("pagebreak",),
    ("bold", "Innehåll"),
    *[("toc", entry, page) for entry, page in TOC],
    ("pagebreak",),
    ("h1", "Sammanfattning"),
    ("p", "Arbetsförmedlingen och Försäkringskassan genomförde 12 611 gemensamma kartläggningar under 2028, 577 fler "
          "än 2027. Målet på 13 000 kartläggningar nåddes därmed inte. Drygt tre av fyra av dem som kartlades "
          "påbörjade en rehabiliteringsinsats."),
    ("p", "Under året avslutade 4 768 personer sina rehabiliteringsinsatser. Av dem fick eller återfick 56 % "
          "arbetsförmåga, jämfört med 57 % året innan och målet 58 %."),
    ("p", "Myndigheterna höll 2 524 omställningsmöten och 531 kontaktmöten. Efter avslag på sjukpenning hade 13 % ett "
          "omställningsmöte, vilket är lägre än målet på 15 %."),
    ("p", "Av anslaget på 780 mnkr förbrukades 766,4 mnkr. Myndigheterna lämnar tillbaka 13,6 mnkr."),
    ("pagebreak",),
    ("h1", "Avsnitt 1 Uppdraget och underlaget"),
    ("bold", "Uppdraget"),
    ("p", "Enligt regleringsbreven för 2028 ska Arbetsförmedlingen och Försäkringskassan senast den 31 mars 2029 "
          "lämna en gemensam redovisning av det förstärkta samarbetet. Redovisningen omfattar gemensam kartläggning, "
          "rehabiliteringsinsatser, omställningsmöten, kontaktmöten och hur de särskilda medlen på anslaget 1:6 "
          "inom utgiftsområde 10 har förbrukats."),
    ("p", "Samarbetet är en liten del av sjukförsäkringen. Statens utgifter för sjukpenning var 44,2 mdkr under 2028, "
          "och anslaget för samarbetet motsvarade mindre än 2 procent av det beloppet."),
    ("bold", "Underlag"),
    ("p", "Uppgifterna om kartläggningar och insatser kommer från det gemensamma uppföljningssystemet SUS och "
          "uppgifterna om möten och avslag från Försäkringskassans datalager MiDAS. Uttagen gjordes den 14 februari "
          "2029. Uppgifterna för 2026 och 2027 har tagits ut på nytt och kan därför skilja sig från tidigare "
          "redovisningar.[[fn:uttag]]"),
    ("p", "Andelar redovisas i procent och avrundas till hela tal om inget annat anges. Uppgifter som bygger på färre "
          "än tio personer redovisas inte."),
    ("bold", "Läsanvisning"),
    ("p", "Avsnitt 2 handlar om den gemensamma kartläggningen och avsnitt 3 om rehabiliteringsinsatserna och "
          "resultaten efter avslutad insats. I avsnitt 4 redovisas omställningsmöten och kontaktmöten och i avsnitt 5 "
          "hur medlen har förbrukats. Avsnitt 6 jämför utfallen med myndigheternas mål. Definitioner finns i bilaga 1 "
          "och nyckeltal för 2024–2028 i bilaga 2."),
    ("pagebreak",),
    ("h1", "Avsnitt 2 Gemensam kartläggning"),
    ("bold", "Antal kartläggningar"),
    ("p", "Mål 2028: 13 000, utfall 12 611."),
    ("p", "Under 2028 genomfördes 12 611 gemensamma kartläggningar[[fn:gk]], en ökning med 577 eller 4,8 % jämfört "
          "med 2027. Sedan 2026 har antalet ökat med 1 209. Ökningen kom främst under andra halvåret; under första "
          "kvartalet 2028 genomfördes 2 874 kartläggningar, färre än under samma kvartal 2027 (2 951)."),
    ("p", "Ökningen gällde främst personer med sjukpenning, där antalet kartläggningar ökade med 482 till 9 242. "
          "Kartläggningarna med aktivitetsersättning ökade bara med 27, till 2 175, och antalet kvinnor med "
          "aktivitetsersättning minskade (tabell 1)."),
    table([
        ["Förmån", "Kön", "2026", "2027", "2028", "Förändring 2027–2028"],
        ["Sjukpenning", "Kvinnor", "5 236", "5 498", "5 744", "+246"],
        [None, "Män", "3 071", "3 262", "3 498", "+236"],
        ["Aktivitetsersättning", "Kvinnor", "1 054", "1 101", "1 079", f"{M}22"],
        [None, "Män", "998", "1 047", "1 096", "+49"],
        ["Övriga[[fn:ovriga]]", "Kvinnor", "572", "613", "648", "+35"],
        [None, "Män", "471", "513", "546", "+33"],
        ["Totalt", None, "11 402", "12 034", "12 611", "+577"],
    ], merges=[(1, 0, 2, 0), (3, 0, 4, 0), (5, 0, 6, 0), (7, 0, 7, 1)], label_cols=2),
    ("caption", "Tabell 1. Gemensamma kartläggningar efter förmån och kön, 2026–2028, antal. Källa: SUS."),
    ("bold", "Vilka som kartläggs"),
    ("p", "Drygt sju av tio kartläggningar gällde personer med sjukpenning och var sjätte unga med "
          "aktivitetsersättning. Andelen kvinnor var 59 %, något lägre än 2027 (60 %)."),
    ("p", "När kartläggningen genomfördes hade sjukfallet i genomsnitt pågått i 229 dagar, tolv dagar kortare än "
          "2027. Bland dem som kartlades med sjukpenning hade 54 % en psykiatrisk diagnos; bland unga med "
          "aktivitetsersättning var andelen 72 %."),
    ("pagebreak",),
    ("h1", "Avsnitt 3 Rehabiliteringsinsatser och resultat"),
    ("bold", "Påbörjade insatser"),
    ("p", "Av dem som kartlades under 2028 påbörjade 9 710 personer en rehabiliteringsinsats hos "
          "Arbetsförmedlingen, drygt tre av fyra (77 %). Andelen har ökat varje år sedan 2026 och var 78 % för "
          "kvinnor och 75 % för män, se tabell 2."),
    table([
        ["År", "Kvinnor", "Män", "Samtliga"],
        ["2026", "75 %", "73 %", "74 %"],
        ["2027", "77 %", "74 %", "76 %"],
        ["2028", "78 %", "75 %", "77 %"],
    ]),
    ("caption", "Tabell 2. Andel av dem som kartlagts som påbörjat en rehabiliteringsinsats, efter kön, 2026–2028. "
                "Källa: SUS."),
    ("bold", "Deltagare i insats"),
    ("p", "I genomsnitt deltog 8 214 personer per månad i en rehabiliteringsinsats under 2028, 256 fler än året "
          "innan. I december befann sig 8 377 personer i en insats. Av deltagarna var 62 % kvinnor, och 24 % tog del "
          "av insatser i en upphandlad tjänst."),
    ("p", "Den genomsnittliga tiden i samverkan var 371 dagar för personer med sjukpenning och 349 dagar för personer "
          "med aktivitetsersättning."),
    ("bold", "Resultat efter avslutad insats"),
    ("p", "Under 2028 avslutade 4 768 personer sina rehabiliteringsinsatser, 65 fler än 2027. Av dem hade 2 666 fått "
          "eller återfått arbetsförmåga[[fn:arbetsformaga]], vilket är 56 %. Målet var att minst 58 % skulle få eller "
          "återfå arbetsförmåga. Drygt var femte av dem som avslutade en insats hade aktivitetsersättning."),
    ("p", "Resultatet skiljer sig mellan förmånerna. Bland personer med sjukpenning fick 58 % arbetsförmåga, bland "
          "unga med aktivitetsersättning 51 % (tabell 3). Totalt var 1 421 personer kvar i sjukförsäkringen efter "
          "avslutet och för 681 personer saknas uppgift."),
    table([
        ["", "Avslutade", "Fått eller återfått arbetsförmåga", "Andel", "Kvar i sjukförsäkringen",
         "Ingen uppgift"],
        ["Totalt", "4 768", "2 666", "56 %", "1 421", "681"],
        ["Sjukpenning", "3 389", "1 961", "58 %", "958", "470"],
        ["Aktivitetsersättning", "1 014", "518", "51 %", "341", "155"],
        ["Övriga", "365", "187", "51 %", "122", "56"],
    ]),
    ("caption", "Tabell 3. Avslutade rehabiliteringsinsatser och resultat efter förmån, 2028. Källa: SUS."),
    ("p", "Kvinnor fick eller återfick arbetsförmåga i lägre grad än män, 53 respektive 60 %. Skillnaden på sju "
          "procentenheter är densamma som 2027 (tabell 4). Resultatet var bäst för personer 19–29 år, där 59 % fick "
          "eller återfick arbetsförmåga, och sämst för personer 50–64 år, 52 %."),
    table([
        ["", "2026", "2027", "2028"],
        ["Kvinnor", "52 %", "54 %", "53 %"],
        ["Män", "59 %", "61 %", "60 %"],
        ["Samtliga", "55 %", "57 %", "56 %"],
    ]),
    ("caption", "Tabell 4. Andel av dem som avslutat en rehabiliteringsinsats som fått eller återfått "
                "arbetsförmåga, efter kön, 2026–2028. Källa: SUS."),
    ("bold", "Sysselsättning vid avslut"),
    ("p", "Av de 2 666 personer som fått eller återfått arbetsförmåga hade 62 % en anställning när insatsen "
          "avslutades, med eller utan subvention. Nästan var tionde gick vidare till ett arbetsmarknadspolitiskt "
          "program. Fördelningen framgår av tabell 5, där andelarna anges som kvoter."),
    table([
        ["Sysselsättning vid avslut", None, "Antal", "Andel (andel av samtliga)"],
        ["Anställning", "subventionerad", "1 013", "0,38"],
        [None, "osubventionerad", "640", "0,24"],
        ["Arbetssökande", "öppet arbetslös", "560", "0,21"],
        [None, "i program", "266", "0,10"],
        ["Studier", "reguljära studier", "187", "0,07"],
        ["Samtliga", None, "2 666", "1,00"],
    ], merges=[(0, 0, 0, 1), (1, 0, 2, 0), (3, 0, 4, 0), (6, 0, 6, 1)], label_cols=2),
    ("caption", "Tabell 5. Sysselsättning vid avslut bland dem som fått eller återfått arbetsförmåga, 2028. Källa: "
                "SUS och Arbetsförmedlingens ärendehanteringssystem."),
    ("pagebreak",),
    ("h1", "Avsnitt 4 Omställningsmöten och kontaktmöten"),
    ("bold", "Omställningsmöten"),
    ("p", "Under 2028 genomfördes 2 524 omställningsmöten[[fn:omstallning]], 142 fler än 2027. Av mötena hölls 1 888 "
          "efter avslag på sjukpenning, 249 efter avslag på aktivitetsersättning och 387 efter avslag på "
          "sjukersättning."),
    ("p", "Av dem som fick avslag på sjukpenning hade 13 % ett omställningsmöte, jämfört med 12 % 2027. Målet för "
          "2028 var 15 % eller fler. Efter avslag på aktivitetsersättning var andelen 12 % och efter avslag på "
          "sjukersättning 4,5 %. Av mötena efter avslag på sjukpenning hölls 62 % med kvinnor."),
    table([
        ["Förmån", "Kön", "2026", "2027", "2028"],
        ["Sjukpenning", "Kvinnor", "1 015", "1 102", "1 176"],
        [None, "Män", "641", "690", "712"],
        ["Aktivitetsersättning", "Kvinnor", "104", "110", "118"],
        [None, "Män", "118", "127", "131"],
        ["Sjukersättning", "Kvinnor", "190", "214", "236"],
        [None, "Män", "127", "139", "151"],
        ["Samtliga", None, "2 195", "2 382", "2 524"],
    ], merges=[(1, 0, 2, 0), (3, 0, 4, 0), (5, 0, 6, 0), (7, 0, 7, 1)], label_cols=2),
    ("caption", "Tabell 6. Omställningsmöten efter förmån och kön, 2026–2028, antal. Källa: MiDAS."),
    ("bold", "Inskrivning efter avslag"),
    ("p", "Av de 14 212 personer som fick avslag på sjukpenning under 2028 var 7 390 inskrivna hos "
          "Arbetsförmedlingen 90 dagar efter avslaget, eller 52 %. Fyra av tio av de inskrivna var öppet "
          "arbetslösa."),
    ("bold", "Kontaktmöten"),
    ("p", "Försäkringskassan och Arbetsförmedlingen genomförde 531 kontaktmöten[[fn:kontakt]] under 2028, ett "
          "tjugotal fler än 2027. Av deltagarna var 65 % kvinnor."),
    ("bold", "Möten per kvartal"),
    ("p", "Antalet möten varierar över året. Under första kvartalet 2028 hölls 583 omställningsmöten och 118 "
          "kontaktmöten, och flest möten hölls under fjärde kvartalet. Fördelningen per kvartal var följande:"),
    table([
        ["Kvartal", "Omställningsmöten", "Kontaktmöten"],
        ["Kvartal 1", "583", "118"],
        ["Kvartal 2", "662", "141"],
        ["Kvartal 3", "571", "109"],
        ["Kvartal 4", "708", "163"],
        ["Helår", "2 524", "531"],
    ]),
    ("pagebreak",),
    ("h1", "Avsnitt 5 Förbrukade medel"),
    ("p", "Regeringen anvisade 780 miljoner kronor för det förstärkta samarbetet under 2028, 10 miljoner kronor mer "
          "än 2027. Arbetsförmedlingen tilldelades 490,0 mnkr och Försäkringskassan 290,0 mnkr. Myndigheterna "
          "förbrukade tillsammans 766,4 mnkr, eller 98 % av anslaget.[[fn:oh]]"),
    ("p", "Arbetsförmedlingen lämnar tillbaka 9,7 mnkr. Underutnyttjandet på förvaltningsposten, 12,6 mnkr, beror "
          "främst på vakanser, medan posten rehabiliteringsinsatser och aktivitetsstöd överskreds med 2,9 mnkr. "
          "Försäkringskassan förbrukade 286,1 mnkr och lämnar tillbaka 3,9 mnkr."),
    table([
        ["Myndighet", "Post", "Tilldelat, tkr", "Förbrukat, tkr", "Differens, tkr"],
        ["Arbetsförmedlingen", "Förvaltning", "425 000", "412 380", "12 620"],
        [None, "Rehabiliteringsinsatser och aktivitetsstöd", "65 000", "67 910", f"{M}2 910"],
        ["Försäkringskassan", "Förvaltning", "290 000", "286 140", "3 860"],
        ["Totalt", None, "780 000", "766 430", "13 570"],
    ], merges=[(1, 0, 2, 0), (4, 0, 4, 1)], label_cols=2),
    ("caption", "Tabell 7. Tilldelade och förbrukade medel efter myndighet och post, 2028. Differens = tilldelat "
                "minus förbrukat. Källa: Myndigheternas ekonomisystem."),
    ("p", "Inom posten rehabiliteringsinsatser och aktivitetsstöd betalade Arbetsförmedlingen 41,8 miljoner kronor "
          "för köpta rehabiliteringsinsatser och 26,1 miljoner kronor i aktivitetsstöd till deltagarna."),
    ("p", "Sedan 2024 har förbrukningen ökat från 726,1 till 766,4 mnkr, se bilaga 2."),
    ("h1", "Avsnitt 6 Mål och utfall"),
    ("p", "Tabell 8 visar målen för 2028 och utfallen. Inget av de tre målen nåddes, men för kartläggningarna var "
          "utfallet 97 % av målet."),
    table([
        ["Mål", "Mål 2028", "Utfall 2028", "Utfall 2027"],
        ["Gemensamma kartläggningar, antal", "13 000", "12 611", "12 034"],
        ["Andel som fått eller återfått arbetsförmåga", "58 %", "56 %", "57 %"],
        ["Andel med omställningsmöte efter avslag på sjukpenning", "15 %", "13 %", "12 %"],
    ]),
    ("caption", "Tabell 8. Mål och utfall för det förstärkta samarbetet, 2028. Källa: SUS och MiDAS."),
    ("p", "För 2029 har myndigheterna beslutat att behålla målet om minst 13 000 gemensamma kartläggningar och att "
          "höja målet för omställningsmöten efter avslag på sjukpenning till 16 %."),
    ("bold", "Beslut"),
    ("p", "Beslut i detta ärende har fattats av generaldirektör Maria Lindqvist, Arbetsförmedlingen, och "
          "generaldirektör Nils Ekström, Försäkringskassan. Föredragande har varit utredarna Sara Holm och "
          "Johan Berg. Kontaktperson: Sara Holm, telefon 010-486 21 37."),
    ("pagebreak",),
    ("h1", "Bilaga 1 Definitioner"),
    ("p", "Gemensam kartläggning: ett eller flera möten där individen, Arbetsförmedlingen och Försäkringskassan "
          "går igenom individens förutsättningar och behov av stöd och gör en gemensam planering."),
    ("p", "Rehabiliteringsinsats: arbetslivsinriktad insats hos Arbetsförmedlingen, till exempel kartläggning, "
          "vägledning, arbetsträning eller en upphandlad tjänst, för personer som har sjukpenning eller "
          "aktivitetsersättning."),
    ("p", "Fått eller återfått arbetsförmåga: individen har efter avslutad insats ett arbete, studerar eller är "
          "aktivt arbetssökande och har inte längre ersättning från sjukförsäkringen, eller arbetar deltid och har "
          "kvar ersättning på deltid."),
    ("p", "Avslag: individen har fått avslag på ansökan om sjukpenning, aktivitetsersättning eller sjukersättning, "
          "eller får inte längre sjukpenning efter prövning vid dag 180 eller dag 365 i rehabiliteringskedjan."),
    ("p", "Omställningsmöte: ett möte mellan individen, Försäkringskassan och Arbetsförmedlingen inom sex månader "
          "efter avslaget. Kontaktmöte: ett möte för anställda med sjukpenning som riskerar att inte kunna gå "
          "tillbaka till sin arbetsgivare."),
    ("p", "Inskriven efter avslag: individen har en pågående inskrivningsperiod hos Arbetsförmedlingen 90 dagar "
          "efter avslaget."),
    ("pagebreak",),
    ("h1", "Bilaga 2 Nyckeltal 2024–2028"),
    ("p", "Tabellen sammanfattar utvecklingen sedan 2024. Uppgifterna för tidigare år har tagits ut på nytt."),
    table([
        ["År", "Gemensamma kartläggningar", "Avslutade insatser", "Andel med arbetsförmåga", "Omställningsmöten",
         "Förbrukat, mnkr"],
        ["2024", "10 688", "4 402", "53 %", "1 874", "726,1"],
        ["2025", "11 027", "4 556", "54 %", "2 031", "733,8"],
        ["2026", "11 402", "4 611", "55 %", "2 195", "745,2"],
        ["2027", "12 034", "4 703", "57 %", "2 382", "757,9"],
        ["2028", "12 611", "4 768", "56 %", "2 524", "766,4"],
    ]),
    ("caption", "Tabell 9. Nyckeltal för det förstärkta samarbetet, 2024–2028. Uppgiften om kartläggningar för 2027 "
                "avser antalet efter efterregistrering. Källa: SUS, MiDAS och myndigheternas årsredovisningar."),
]

FN_RE = word.FN_RE


def _footnote_order() -> dict[str, int]:
    order: dict[str, int] = {}
    for block in CONTENT:
        texts = [c for row in block[1]["rows"] for c in row if c] if block[0] == "table" else \
            [b for b in block[1:] if isinstance(b, str)]
        for text in texts:
            for key in FN_RE.findall(text):
                order.setdefault(key, len(order) + 1)
    return order


FN = _footnote_order()


# ---------------------------------------------------------------------------------------------- plain text

def marks(text: str) -> str:
    """Word's plain-text export writes a footnote reference mark as the plain digit(s), glued to what precedes."""
    return FN_RE.sub(lambda m: str(FN[m.group(1)]), text)


def table_lines(spec) -> list[str]:
    rows, merges = spec["rows"], spec["merges"]
    out = []
    for r, row in enumerate(rows):
        fields, c = [], 0
        while c < len(row):
            m = kommun.covering(merges, r, c)
            if m:
                fields.append(marks(rows[m[0]][m[1]]) if r == m[0] else "")
                c = m[3] + 1
            else:
                fields.append(marks(row[c]))
                c += 1
        out.append("\t".join(fields))
    return out


def plain_text() -> str:
    lines: list[str] = []
    for block in CONTENT:
        kind = block[0]
        if kind == "pagebreak":
            continue
        if kind == "table":
            lines.extend(table_lines(block[1]))
        elif kind == "toc":
            lines.append(f"{block[1]}\t{block[2]}")
        else:
            lines.append(marks(block[1]))
    for key, num in sorted(FN.items(), key=lambda kv: kv[1]):   # footnotes after the last paragraph
        lines.append(f"{num} {FOOTNOTES[key]}")
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------------------------------------- docx

def add_table(doc, spec) -> None:
    rows, merges, header_rows, label_cols = spec["rows"], spec["merges"], spec["header_rows"], spec["label_cols"]
    ncols = len(rows[0])
    t = doc.add_table(rows=len(rows), cols=ncols)
    t.style = "Table Grid"
    t.alignment = WD_TABLE_ALIGNMENT.LEFT
    for r1, c1, r2, c2 in merges:
        t.cell(r1, c1).merge(t.cell(r2, c2))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            if text is None:   # covered by a merged cell
                continue
            para = t.cell(r, c).paragraphs[0]
            word.add_text_with_footnotes(para, text, size=Pt(9), bold=r < header_rows)
            if c >= label_cols:
                para.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    for r in range(header_rows):
        word.mark_header_row(t.rows[r])
    t.autofit = False
    label_w = Cm(4.2) if label_cols == 2 else Cm(5.6)
    other = Cm((16.0 - label_w.cm * label_cols) / (ncols - label_cols))
    for c, col in enumerate(t.columns):
        col.width = label_w if c < label_cols else other
    for row in t.rows:
        for c, cell in enumerate(row.cells):
            cell.width = label_w if c < label_cols else other


def write_docx() -> None:
    word.FN, word.FOOTNOTES = FN, FOOTNOTES   # the footnote helpers read these module globals
    doc = word.new_a4_document("Redovisning av uppdrag om förstärkt samarbete – 2028", "Arbetsförmedlingen och Försäkringskassan", "Arial")
    section = doc.sections[0]
    word.add_page_footer(section, SHORT_TITLE)

    page_break_next = False
    for block in CONTENT:
        kind = block[0]
        if kind == "pagebreak":
            page_break_next = True
            continue
        if kind == "table":
            add_table(doc, block[1])
            continue
        if kind in ("title", "subtitle"):
            p = doc.add_paragraph(style=kind.capitalize())
            word.add_text_with_footnotes(p, block[1])
        elif kind == "h1":
            p = doc.add_heading(level=1)
            word.add_text_with_footnotes(p, block[1])
            for run in p.runs:
                run.font.color.rgb = RGBColor(0x1F, 0x3A, 0x5F)
        elif kind == "bold":   # an unnumbered sub-heading: a Normal paragraph in bold, no heading style
            p = doc.add_paragraph()
            p.paragraph_format.space_before = Pt(8)
            p.paragraph_format.keep_with_next = True
            word.add_text_with_footnotes(p, block[1], bold=True)
        elif kind == "toc":
            p = doc.add_paragraph()
            p.paragraph_format.tab_stops.add_tab_stop(Cm(16.0))
            p.add_run(f"{block[1]}\t{block[2]}")
        elif kind == "caption":
            p = doc.add_paragraph(style="Caption")
            word.add_text_with_footnotes(p, block[1])
        else:
            p = doc.add_paragraph()
            word.add_text_with_footnotes(p, block[1])
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
    """The page numbers in the table of contents must be the PDF pages where the headings stand."""
    if not shutil.which("pdftotext"):
        print("pdftotext not found: page numbers not checked", file=sys.stderr)
        return
    text = subprocess.run(["pdftotext", str(PDF), "-"], check=True, capture_output=True, text=True).stdout
    pages = text.split("\f")
    bad = []
    for entry, page in TOC:
        found = [n + 1 for n, pg in enumerate(pages) if n >= 2 and any(line.strip() == entry for line in
                                                                      pg.splitlines())]
        if page not in found:
            bad.append(f"{entry!r}: toc says {page}, PDF has it on {found}")
    print("\n".join(bad) if bad else f"table of contents agrees with the PDF ({len(pages) - 1} pages)")


if __name__ == "__main__":
    TXT.write_text(plain_text(), encoding="utf-8")
    write_docx()
    if "--no-pdf" not in sys.argv and write_pdf():
        check_pages()
    print(TXT, DOCX, PDF, sep="\n")
