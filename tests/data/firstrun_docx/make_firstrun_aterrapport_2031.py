"""Write the first-run test report "Återrapportering av det förstärkta samarbetet ... – verksamhetsåret 2030".

A fictional joint report of Arbetsförmedlingen and Försäkringskassan on 2030 (delivered 2031, compared with 2029 in
parentheses and with 2028 in the key-figure table), written in Microsoft Word by a new team in a house style of its
own. One content list gives three files that say exactly the same things:

- firstrun_docx/firstrun-aterrapport-2031-word.docx: a Word document written with python-docx: a key-figure table
  "Sammanfattning i siffror" first, hand-numbered chapters per activity, each closing with a bordered, shaded
  "Faktaruta" (a group of bordered paragraphs with "Label: value" lines), tables with captions BELOW them, a table
  whose years are spanning column groups (Kvinnor | Män | Totalt under each), a quarterly table (Kv 1 .. Kv 4,
  Helår), a table by Arbetsförmedlingen's marknadsområde with a rate per 10 000 försäkrade and a share as a fraction
  ("0,61") under the bare heading "Andel", a chart (Diagram 2.1, a picture) whose data stand in a small table below
  it, an appendix "Bilaga 1 Tabeller" with tables B1-B6 (years in rows; B3 broken across a page with a
  "Tabell B3 (forts.)" caption; B4 in mnkr with the unit in the corner cell, B5 in tkr with the unit in the
  caption), "–" and ".." for nil and missing, and real Word footnotes (footnotes.xml), one of them in a table's row
  header and one restating last year's figure ("reviderats från 1 204 till 1 238");
- ../firstrun-aterrapport-2031-word.txt: the document as Word's "Spara som: Oformaterad text" gives it: one
  paragraph per line and no empty line between paragraphs, headings as plain lines, each table row one line with TAB
  between the cells (a horizontally merged cell ONE field, the continuation of a vertically merged cell an empty
  field), the picture and the page-break paragraph as empty lines, page breaks set as "page break before" leave
  nothing, headers and footers are dropped, footnote reference marks as plain digits glued to the preceding
  character ("sjukförsäkringen.5", "Kontaktmöten1"), and the footnotes at the end of the document after one empty
  line, each as "N text";
- firstrun_docx/firstrun-aterrapport-2031-word.pdf: the docx exported by LibreOffice headless.

All figures are invented. Run: python tests/data/firstrun_docx/make_firstrun_aterrapport_2031.py (needs python-docx
and matplotlib; soffice on PATH for the PDF, skipped with a message if missing). The helpers for the page footer,
the A4 document and the footnotes part are adapted from make_firstrun_aterrapport_word.py.
"""
from __future__ import annotations

import io
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_TAB_ALIGNMENT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

HERE = Path(__file__).resolve().parent
STEM = "firstrun-aterrapport-2031-word"
DOCX = HERE / f"{STEM}.docx"
PDF = HERE / f"{STEM}.pdf"
TXT = HERE.parent / f"{STEM}.txt"

TITLE = ("Återrapportering av det förstärkta samarbetet mellan Arbetsförmedlingen och Försäkringskassan – "
         "verksamhetsåret 2030")
FOOTER = "Återrapportering av det förstärkta samarbetet – verksamhetsåret 2030"


def table(rows, header_rows=1, merges=()):
    """rows: full grid (lists of equal length; cells covered by a merge hold None).
    merges: (r1, c1, r2, c2) inclusive; the text sits in (r1, c1)."""
    return ("table", {"rows": rows, "header_rows": header_rows, "merges": list(merges)})


FOOTNOTES = {
    "revision": "Uppgiften för 2029 har reviderats från 1 204 till 1 238 eftersom möten som registrerades efter "
                "förra årets uttag har lagts till.",
    "uttag": "Uppgifterna för tidigare år har tagits ut på nytt och kan avvika från tidigare återrapporter. För 2028 "
             "redovisades tidigare 11 006 gemensamma kartläggningar; efter det nya uttaget är antalet 11 024.",
    "forsakrade": "Med försäkrade avses personer 16–64 år som är folkbokförda i Sverige, cirka 6,37 miljoner "
                  "personer vid utgången av 2030.",
    "ovriga": "Personer med annan ersättning än sjukpenning och aktivitetsersättning, till exempel sjukersättning "
              "eller aktivitetsstöd, samt personer utan ersättning.",
    "arbetsformaga": "Som utvecklad eller återfunnen arbetsförmåga räknas arbete med eller utan subvention, "
                     "reguljära studier och aktivt arbetssökande.",
    "omstallning": "Ett möte räknas om det hålls inom sex månader från beslutet.",
    "oh": "Respektive myndighet fördelar omkring 37 procent av sina medel till interna OH-kostnader "
          "(2029: 36 procent).",
}

# Markers in text: [[fn:key]]. Footnotes are numbered in order of first reference (as Word does).

CONTENT = [
    ("p", "Arbetsförmedlingen och Försäkringskassan"),
    ("title", TITLE),
    ("subtitle", "Gemensam redovisning enligt regleringsbreven för 2030"),
    ("p", "Datum: 27 februari 2031"),
    ("p", "Dnr: Af-2031/0011482 respektive FK 2031/000873"),
    ("p", "Kontakt: enheten för samverkan, Arbetsförmedlingen, och avdelningen för analys och prognos, "
          "Försäkringskassan"),
    # ------------------------------------------------------------------ Sammanfattning
    ("h1", "Sammanfattning", True),
    ("h2", "Sammanfattning i siffror"),
    table([
        ["Mått", "2028", "2029", "2030", "Förändring i %"],
        ["Gemensamma kartläggningar", "11 024", "11 709", "12 412", "6,0"],
        ["Avslutade rehabiliteringsinsatser", "5 188", "5 402", "5 746", "6,4"],
        ["Omställningsmöten", "2 260", "2 387", "2 614", "9,5"],
        ["Kontaktmöten[[fn:revision]]", "1 127", "1 238", "1 312", "6,0"],
    ]),
    ("caption", "Tabell 1 Nyckeltal för det förstärkta samarbetet 2028–2030. Antal och förändring mellan 2029 och "
                "2030 i procent"),
    ("source", "Källa: SUS och MiDAS."),
    ("h2", "Året i korthet"),
    ("p", "Arbetsförmedlingen och Försäkringskassan genomförde 12,4 tusen gemensamma kartläggningar under 2030, en "
          "ökning med 6 procent jämfört med 2029. Därmed nåddes målet om minst 12 000 kartläggningar. Tre av fyra "
          "kartläggningar gällde personer med sjukpenning."),
    ("p", "Av de 5 746 personer som avslutade sina rehabiliteringsinsatser hade 59 procent utvecklat eller återfått "
          "arbetsförmåga (2029: 58 procent). Männen lyckades bättre än kvinnorna, 62,7 respektive 56,5 procent."),
    ("p", "Antalet omställningsmöten ökade till 2 614 (2029: 2 387), men bara drygt var tionde person som fått avslag "
          "hade ett möte. Kontaktmötena blev ett sjuttiotal fler än året innan."),
    ("p", "Av anslaget på 780 mnkr förbrukades 764,2 mnkr, eller 98 procent. Knappt 16 mnkr lämnas tillbaka, nästan "
          "allt av Arbetsförmedlingen."),
    # ------------------------------------------------------------------ 1
    ("h1", "1 Uppdraget och underlaget", True),
    ("p", "Arbetsförmedlingen och Försäkringskassan ska enligt regleringsbreven för 2030 (A2029/01822 och "
          "S2029/04410) gemensamt återrapportera resultaten av det förstärkta samarbetet. Samarbetet omfattar "
          "rehabiliteringssamverkan – gemensam kartläggning och rehabiliteringsinsatser – samt möten för omställning "
          "och kontaktmöten."),
    ("p", "Resultaten för 2030 jämförs i texten med 2029, som anges inom parentes, och i bilaga 1 med åren "
          "2027–2029. Uppgifterna har tagits ut ur det gemensamma uppföljningssystemet SUS och ur "
          "Försäkringskassans datalager MiDAS den 9 januari 2031.[[fn:uttag]]"),
    ("p", "Underlaget har kompletterats med intervjuer med ett fyrtiotal handläggare och chefer vid båda "
          "myndigheterna. Varje kapitel avslutas med en faktaruta med årets viktigaste uppgifter."),
    # ------------------------------------------------------------------ 2
    ("h1", "2 Gemensam kartläggning", True),
    ("p", "Under 2030 genomfördes 12 412 gemensamma kartläggningar (2029: 11 709), en ökning med 6 procent jämfört "
          "med 2029. Det motsvarar 19,5 kartläggningar per 10 000 försäkrade[[fn:forsakrade]] (2029: 18,5)."),
    ("p", "Kartläggningarna med sjukpenning och aktivitetsersättning uppgick till 9 296 respektive 2 318 (2029: 8 781 "
          "respektive 2 176). Tre av fyra kartläggningar gällde alltså personer med sjukpenning och knappt var femte "
          "unga med aktivitetsersättning. De övriga 798 kartläggningarna gällde personer med annan ersättning eller "
          "utan ersättning.[[fn:ovriga]]"),
    ("p", "Kvinnor stod för 7 571 kartläggningar och män för 4 841. Andelen kvinnor var 61 procent, en procentenhet "
          "lägre än 2028."),
    table([
        ["Förmån", "2029", None, None, "2030", None, None],
        [None, "Kvinnor", "Män", "Totalt", "Kvinnor", "Män", "Totalt"],
        ["Sjukpenning", "5 552", "3 229", "8 781", "5 796", "3 500", "9 296"],
        ["Aktivitetsersättning", "1 216", "960", "2 176", "1 283", "1 035", "2 318"],
        ["Samtliga", "7 213", "4 496", "11 709", "7 571", "4 841", "12 412"],
    ], header_rows=2, merges=[(0, 0, 1, 0), (0, 1, 0, 3), (0, 4, 0, 6)]),
    ("caption", "Tabell 2.1 Gemensamma kartläggningar efter förmån och kön, 2029 och 2030"),
    ("note", "Anm.: Samtliga omfattar även kartläggningar med personer som hade annan ersättning eller ingen "
             "ersättning."),
    ("source", "Källa: SUS."),
    ("p", "Det finns stora skillnader mellan Arbetsförmedlingens marknadsområden. Flest kartläggningar i förhållande "
          "till antalet försäkrade gjordes i marknadsområde Nord, 23,3 per 10 000 försäkrade, och färst i "
          "Stockholm-Gotland, 16,6. I Stockholm-Gotland genomfördes ändå drygt var femte kartläggning, 2 691 "
          "stycken, se tabell 2.2."),
    table([
        ["Marknadsområde", "Antal", "Per 10 000 försäkrade", "Andel"],
        ["Nord", "1 212", "23,3", "0,63"],
        ["Mitt", "1 684", "21,6", "0,62"],
        ["Stockholm-Gotland", "2 691", "16,6", "0,60"],
        ["Öst", "2 398", "20,9", "0,61"],
        ["Väst", "2 476", "19,8", "0,61"],
        ["Syd", "1 951", "18,6", "0,60"],
        ["Riket", "12 412", "19,5", "0,61"],
    ]),
    ("caption", "Tabell 2.2 Gemensamma kartläggningar efter marknadsområde, 2030. Antal, antal per 10 000 "
                "försäkrade och andel kvinnor"),
    ("note", "Anm.: Kolumnen Andel anger andelen kvinnor som bråktal. Kartläggningarna fördelas efter det "
             "arbetsförmedlingskontor som deltog."),
    ("source", "Källa: SUS och SCB."),
    ("p", "När kartläggningen genomfördes hade sjukfallet i genomsnitt pågått i 241 dagar (2029: 256 dagar). Av dem "
          "som kartlades med sjukpenning hade 54 procent en psykiatrisk diagnos. Bland unga med "
          "aktivitetsersättning var andelen 72 procent."),
    ("image", "diagram21"),
    ("caption", "Diagram 2.1 Gemensamma kartläggningar efter kön, 2028–2030"),
    table([
        ["", "2028", "2029", "2030"],
        ["Kvinnor", "6 846", "7 213", "7 571"],
        ["Män", "4 178", "4 496", "4 841"],
    ]),
    ("source", "Källa: SUS."),
    ("box", [
        "Faktaruta – gemensam kartläggning 2030",
        "Genomförda kartläggningar: 12 412",
        "Förändring jämfört med 2029: +6,0 %",
        "Mål: minst 12 000",
    ]),
    # ------------------------------------------------------------------ 3
    ("h1", "3 Rehabiliteringsinsatser och resultat", True),
    ("h2", "3.1 Påbörjade och pågående insatser"),
    ("p", "Efter kartläggningen påbörjade 74 procent en rehabiliteringsinsats hos Arbetsförmedlingen (2029: "
          "73 procent), 76 procent av kvinnorna och 72 procent av männen."),
    ("p", "I genomsnitt deltog 8 604 personer per månad i en rehabiliteringsinsats, 389 fler än 2029. Av deltagarna var 62 procent kvinnor, och ungefär var fjärde, "
          "26 procent, tog del av insatser i en upphandlad tjänst."),
    ("p", "Den genomsnittliga tiden i samverkan för dem som avslutade sitt samarbete under året var 374 respektive "
          "351 dagar för personer med sjukpenning och aktivitetsersättning (2029: 388 respektive 360 dagar)."),
    ("h2", "3.2 Resultat efter avslutad insats"),
    ("p", "Under 2030 avslutade 5 746 personer sina rehabiliteringsinsatser (2029: 5 402). Av dem hade 3 390, eller "
          "59,0 procent, utvecklat eller återfått arbetsförmåga och lämnat sjukförsäkringen.[[fn:arbetsformaga]] "
          "Andelen är en procentenhet högre än 2029 och målet om minst 55 procent nåddes."),
    ("p", "Av övriga var 1 612 personer, 28,1 procent, fortfarande kvar i sjukförsäkringen, medan det för 744 "
          "personer, 12,9 procent, saknas uppgift om vad som hände efter avslutet."),
    ("p", "Männen lyckades bättre än kvinnorna: 62,7 procent av männen och 56,5 procent av kvinnorna utvecklade eller "
          "återfick arbetsförmåga, en skillnad på 6,2 procentenheter."),
    ("p", "Av dem som utvecklat eller återfått arbetsförmåga fick 41 procent en anställning med subvention och "
          "19 procent en anställning utan subvention. Vidare började 12 procent reguljära studier, medan 28 procent "
          "var aktivt arbetssökande."),
    ("box", [
        "Faktaruta – rehabiliteringsinsatser 2030",
        "Deltagare per månad: 8 604",
        "Avslutade insatser: 5 746",
        "Utvecklat eller återfått arbetsförmåga: 3 390 (59,0 %)",
    ]),
    # ------------------------------------------------------------------ 4
    ("h1", "4 Möten för omställning", True),
    ("p", "Omställningsmöten[[fn:omstallning]] erbjuds den som inte längre får sjukpenning eller som har fått avslag "
          "på en ansökan om aktivitetsersättning eller sjukersättning."),
    ("h2", "4.1 Omställningsmöten"),
    ("p", "Under 2030 genomfördes 2 614 omställningsmöten, 227 fler än året innan (2 387). Det är en ökning med "
          "9,5 procent. Efter avslag på sjukpenning och sjukersättning hölls 1 946 respektive 427 möten, och efter "
          "avslag på aktivitetsersättning 241 möten (2029: 226)."),
    ("p", "Totalt fick 25 858 personer avslag eller förlorade rätten till sjukpenning (2029: 24 848). Av dem hade "
          "10,1 procent ett omställningsmöte, medan 23 244 personer inte hade något möte. Andelen är fortfarande "
          "lägst efter avslag på sjukersättning, 4,4 procent, och högst efter avslag på sjukpenning, 13,7 procent."),
    ("p", "Kvinnor stod för 63 procent av mötena efter avslag på sjukpenning. Flest möten hölls under fjärde "
          "kvartalet, 719, se tabell 4.1."),
    table([
        ["Förmån", "Kv 1", "Kv 2", "Kv 3", "Kv 4", "Helår"],
        ["Sjukpenning", "452", "498", "461", "535", "1 946"],
        ["Aktivitetsersättning", "55", "64", "58", "64", "241"],
        ["Sjukersättning", "98", "112", "97", "120", "427"],
        ["Totalt", "605", "674", "616", "719", "2 614"],
    ]),
    ("caption", "Tabell 4.1 Omställningsmöten per kvartal och förmån, 2030"),
    ("source", "Källa: MiDAS."),
    ("h2", "4.2 Inskrivning hos Arbetsförmedlingen efter avslag"),
    ("p", "Av de 14 210 personer som inte längre fick sjukpenning under 2030 var 7 389 inskrivna hos "
          "Arbetsförmedlingen 90 dagar efter beslutet, 52 procent (2029: 50 procent). Av de inskrivna var 2 512 "
          "personer, drygt tre av tio, öppet arbetslösa."),
    ("box", [
        "Faktaruta – möten för omställning 2030",
        "Omställningsmöten: 2 614",
        "Förändring jämfört med 2029: +9,5 %",
        "Andel av dem som fått avslag som haft möte: 10,1 %",
    ]),
    # ------------------------------------------------------------------ 5
    ("h1", "5 Kontaktmöten", True),
    ("p", "Kontaktmöten erbjuds anställda med sjukpenning som riskerar att inte kunna gå tillbaka till sin "
          "arbetsgivare. Mötet ska erbjudas mellan dag 91 och dag 180 i rehabiliteringskedjan."),
    ("p", "Under 2030 genomfördes 1 312 kontaktmöten (2029: 1 238), en ökning med 6 procent. Försäkringskassan "
          "erbjöd 1 947 personer ett kontaktmöte, och knappt var fjärde, 23 procent, avböjde. Närmare två "
          "tredjedelar av deltagarna, 65 procent, var kvinnor."),
    ("p", "De möten som erbjudits men ännu inte hållits vid årets slut ingår inte i antalet genomförda möten."),
    ("box", [
        "Faktaruta – kontaktmöten 2030",
        "Genomförda kontaktmöten: 1 312",
        "Erbjudna kontaktmöten: 1 947",
    ]),
    # ------------------------------------------------------------------ 6
    ("h1", "6 Medel för uppdraget", True),
    ("p", "Regeringen anvisade 780 mnkr till uppdraget för 2030 på anslag 1:6 inom utgiftsområde 10 (2029: "
          "770 mnkr). Arbetsförmedlingen och Försäkringskassan tilldelades 490,0 respektive 290,0 mnkr.[[fn:oh]]"),
    ("p", "Myndigheterna förbrukade tillsammans 764,2 mnkr, vilket är 98 procent av anslaget. Av överskottet på 15,8 mnkr avser 13,7 mnkr "
          "Arbetsförmedlingen, främst lägre kostnader för rehabiliteringsinsatser och aktivitetsstöd (11,6 mnkr)."),
    ("box", [
        "Faktaruta – medel 2030",
        "Anslag: 780,0 mnkr",
        "Förbrukat: 764,2 mnkr",
        "Lämnas tillbaka: 15,8 mnkr",
    ]),
    # ------------------------------------------------------------------ Bilaga
    ("h1", "Bilaga 1 Tabeller", True),
    ("p", "Tabellerna redovisar uppgifterna år för år. Andelar anges som bråktal i kolumner med rubriken Andel. "
          "Tecknet – betyder att uppgiften inte kan förekomma och .. att uppgift saknas."),
    table([
        ["År", "Sjukpenning", "Aktivitetsersättning", "Övriga", "Totalt"],
        ["2028", "8 268", "2 049", "707", "11 024"],
        ["2029", "8 781", "2 176", "752", "11 709"],
        ["2030", "9 296", "2 318", "798", "12 412"],
    ]),
    ("caption", "Tabell B1 Gemensamma kartläggningar efter förmån, 2028–2030"),
    ("source", "Källa: SUS."),
    table([
        ["År", "Avslutade insatser", "Utvecklat eller återfått arbetsförmåga", "Andel"],
        ["2028", "5 188", "2 957", "0,57"],
        ["2029", "5 402", "3 133", "0,58"],
        ["2030", "5 746", "3 390", "0,59"],
    ]),
    ("caption", "Tabell B2 Avslutade rehabiliteringsinsatser och andel som utvecklat eller återfått arbetsförmåga, "
                "2028–2030"),
    ("source", "Källa: SUS."),
    table([
        ["År", "Sjukpenning", "Aktivitetsersättning", "Sjukersättning"],
        ["2027", "1 619", "204", "301"],
        ["2028", "1 712", "215", "333"],
    ]),
    ("caption", "Tabell B3 Omställningsmöten efter förmån, 2027–2030"),
    ("pagebreak",),
    table([
        ["År", "Sjukpenning", "Aktivitetsersättning", "Sjukersättning"],
        ["2029", "1 801", "226", "360"],
        ["2030", "1 946", "241", "427"],
    ]),
    ("caption", "Tabell B3 (forts.)"),
    ("source", "Källa: MiDAS."),
    table([
        ["mnkr", "Anslag", "Tilldelat Arbetsförmedlingen", "Tilldelat Försäkringskassan", "Förbrukat"],
        ["2028", "765,0", "481,0", "284,0", "752,6"],
        ["2029", "770,0", "484,0", "286,0", "755,9"],
        ["2030", "780,0", "490,0", "290,0", "764,2"],
    ]),
    ("caption", "Tabell B4 Anslag, tilldelade och förbrukade medel, 2028–2030"),
    ("source", "Källa: Arbetsförmedlingens och Försäkringskassans årsredovisningar."),
    table([
        ["Myndighet och post", "Tilldelat", "Förbrukat"],
        ["Arbetsförmedlingen", "490 000", "476 312"],
        ["varav rehabiliteringsinsatser och aktivitetsstöd", "348 000", "336 438"],
        ["Försäkringskassan", "290 000", "287 905"],
        ["varav rehabiliteringsinsatser och aktivitetsstöd", "–", "–"],
        ["Totalt", "780 000", "764 217"],
    ]),
    ("caption", "Tabell B5 Tilldelade och förbrukade medel per myndighet och post, 2030. Belopp i tusental kronor"),
    ("source", "Källa: Arbetsförmedlingens och Försäkringskassans årsredovisningar."),
    table([
        ["År", "Erbjudna", "Genomförda", "Andel avböjda"],
        ["2028", "..", "1 127", "0,24"],
        ["2029", "1 803", "1 238", "0,22"],
        ["2030", "1 947", "1 312", "0,23"],
    ]),
    ("caption", "Tabell B6 Erbjudna och genomförda kontaktmöten, 2028–2030"),
    ("note", "Anm.: .. = uppgift saknas; antalet erbjudna möten registrerades inte särskilt 2028."),
    ("source", "Källa: MiDAS."),
]

FN_RE = re.compile(r"\[\[fn:([a-z_]+)\]\]")


def _texts(block):
    kind = block[0]
    if kind == "table":
        return [cell for row in block[1]["rows"] for cell in row if cell]
    if kind == "box":
        return list(block[1])
    if kind in ("pagebreak", "image"):
        return []
    return [block[1]]


def footnote_numbers() -> dict[str, int]:
    order: dict[str, int] = {}
    for block in CONTENT:
        for text in _texts(block):
            for key in FN_RE.findall(text):
                order.setdefault(key, len(order) + 1)
    return order


FN = footnote_numbers()
assert set(FN) == set(FOOTNOTES), set(FOOTNOTES) ^ set(FN)


# ---------------------------------------------------------------------------------------------- plain text

def plain(text: str) -> str:
    """Word's plain-text export writes a footnote reference as its number, glued to the text before it."""
    return FN_RE.sub(lambda m: str(FN[m.group(1)]), text)


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
                fields.append(plain(rows[m[0]][m[1]]) if r == m[0] else "")
                c = m[3] + 1
            else:
                fields.append(plain(row[c]))
                c += 1
        out.append("\t".join(fields))
    return out


def plain_text() -> str:
    lines: list[str] = []
    for block in CONTENT:
        kind = block[0]
        if kind == "table":
            lines.extend(table_lines(block[1]))
        elif kind == "box":
            lines.extend(plain(t) for t in block[1])
        elif kind in ("pagebreak", "image"):
            lines.append("")
        else:
            lines.append(plain(block[1]))
    lines.append("")
    for key, num in sorted(FN.items(), key=lambda kv: kv[1]):
        lines.append(f"{num} {FOOTNOTES[key]}")
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------------------------------------- docx helpers
# (adapted from make_firstrun_aterrapport_word.py)

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def add_text_with_footnotes(paragraph, text, size=None, bold=False, italic=False):
    """Add text to a paragraph, turning [[fn:key]] into real Word footnote references."""
    def run_of(s):
        run = paragraph.add_run(s)
        run.bold, run.italic = bold, italic
        if size:
            run.font.size = size
        return run

    pos = 0
    for m in FN_RE.finditer(text):
        if m.start() > pos:
            run_of(text[pos:m.start()])
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
        run_of(text[pos:])


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
            '<w:r><w:rPr><w:vertAlign w:val="superscript"/><w:sz w:val="16"/></w:rPr><w:footnoteRef/></w:r>'
            f'<w:r><w:rPr><w:sz w:val="16"/></w:rPr><w:t xml:space="preserve"> {esc(FOOTNOTES[key])}</w:t></w:r>'
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
    run2.font.size = Pt(8)
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run2._r.append(end)


def new_a4_document(title: str, author: str, font: str):
    """A4, 2.5 cm side margins, 10.5 pt body text, no footer on the title page."""
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
    """A footer of `text` in 8 pt, then a right-aligned tab at the right margin and the page number."""
    fp = section.footer.paragraphs[0]
    fp.text = ""
    fp.add_run(text).font.size = Pt(8)
    fp.paragraph_format.tab_stops.add_tab_stop(Cm(15.9), WD_TAB_ALIGNMENT.RIGHT)
    fp.add_run("\t")
    add_page_field(fp)


def mark_header_row(row) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    tr_pr.append(el)


def shade(element_pr, fill: str) -> None:
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    element_pr.append(shd)


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
            add_text_with_footnotes(para, text, size=Pt(9), bold=r < header_rows)
            if r < header_rows:
                shade(cell._tc.get_or_add_tcPr(), "DCE6F0")
            if c >= 1:
                para.alignment = WD_ALIGN_PARAGRAPH.CENTER if r < header_rows else WD_ALIGN_PARAGRAPH.RIGHT
    for r in range(header_rows):
        mark_header_row(t.rows[r])
    t.autofit = False
    first = Cm(5.0) if ncols > 4 else Cm(6.0)
    other = Cm(10.5 / (ncols - 1))
    for c, col in enumerate(t.columns):
        col.width = first if c == 0 else other
    for row in t.rows:
        for c, cell in enumerate(row.cells):
            cell.width = first if c == 0 else other


def add_box(doc, lines) -> None:
    """A Faktaruta: consecutive paragraphs with the same border and shading, which Word draws as one box."""
    for i, text in enumerate(lines):
        p = doc.add_paragraph()
        p_pr = p._p.get_or_add_pPr()
        bdr = OxmlElement("w:pBdr")
        for side in ("top", "left", "bottom", "right"):
            el = OxmlElement(f"w:{side}")
            el.set(qn("w:val"), "single")
            el.set(qn("w:sz"), "8")
            el.set(qn("w:space"), "4")
            el.set(qn("w:color"), "1F4E79")
            bdr.append(el)
        p_pr.append(bdr)
        shade(p_pr, "EAF1F8")
        p.paragraph_format.space_after = Pt(0)
        p.paragraph_format.keep_with_next = i < len(lines) - 1
        add_text_with_footnotes(p, text, size=Pt(9.5), bold=i == 0)


def diagram_png() -> bytes:
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    years = ["2028", "2029", "2030"]
    kvinnor, man = [6846, 7213, 7571], [4178, 4496, 4841]
    fig, ax = plt.subplots(figsize=(6.0, 2.8), dpi=120)
    x = range(len(years))
    ax.bar([i - 0.2 for i in x], kvinnor, width=0.4, label="Kvinnor", color="#1F4E79")
    ax.bar([i + 0.2 for i in x], man, width=0.4, label="Män", color="#8FB4D9")
    ax.set_xticks(list(x), years)
    ax.set_ylabel("Antal")
    ax.legend(frameon=False)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    fig.tight_layout()
    buf = io.BytesIO()
    fig.savefig(buf, format="png")
    plt.close(fig)
    return buf.getvalue()


def write_docx() -> None:
    doc = new_a4_document(TITLE, "Arbetsförmedlingen och Försäkringskassan", "Arial")
    section = doc.sections[0]
    add_page_footer(section, FOOTER)
    for style in ("Heading 1", "Heading 2", "Title", "Subtitle"):
        doc.styles[style].font.name = "Arial"
        doc.styles[style].font.color.rgb = RGBColor(0x1F, 0x4E, 0x79)

    for block in CONTENT:
        kind = block[0]
        if kind == "title":
            p = doc.add_paragraph(style="Title")
            add_text_with_footnotes(p, block[1])
        elif kind == "subtitle":
            p = doc.add_paragraph(style="Subtitle")
            add_text_with_footnotes(p, block[1])
        elif kind == "h1":
            p = doc.add_heading(level=1)
            add_text_with_footnotes(p, block[1])
            if len(block) > 2 and block[2]:
                p.paragraph_format.page_break_before = True
        elif kind == "h2":
            p = doc.add_heading(level=2)
            add_text_with_footnotes(p, block[1])
        elif kind == "caption":
            p = doc.add_paragraph(style="Caption")
            add_text_with_footnotes(p, block[1])
        elif kind in ("source", "note"):
            p = doc.add_paragraph()
            add_text_with_footnotes(p, block[1], size=Pt(8.5), italic=kind == "source")
        elif kind == "table":
            add_table(doc, block[1])
        elif kind == "box":
            add_box(doc, block[1])
        elif kind == "image":
            doc.add_picture(io.BytesIO(diagram_png()), width=Cm(14.0))
        elif kind == "pagebreak":
            doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        else:
            p = doc.add_paragraph()
            add_text_with_footnotes(p, block[1])
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


def check_b3_split() -> None:
    """Tabell B3 must straddle a page: its first part and its "(forts.)" part on consecutive pages."""
    if not shutil.which("pdftotext"):
        print("pdftotext not found: page split not checked", file=sys.stderr)
        return
    text = subprocess.run(["pdftotext", "-layout", str(PDF), "-"], check=True, capture_output=True,
                          text=True).stdout
    pages = text.split("\f")
    first = [n + 1 for n, pg in enumerate(pages) if "Tabell B3 Omställningsmöten" in pg]
    cont = [n + 1 for n, pg in enumerate(pages) if "Tabell B3 (forts.)" in pg]
    ok = len(first) == 1 and len(cont) == 1 and cont[0] == first[0] + 1
    print(f"{len(pages) - 1} PDF pages; Tabell B3 on page {first}, (forts.) on page {cont}: "
          f"{'ok' if ok else 'NOT SPLIT AS INTENDED'}")


if __name__ == "__main__":
    TXT.write_text(plain_text(), encoding="utf-8")
    write_docx()
    if "--no-pdf" not in sys.argv and write_pdf():
        check_b3_split()
    print(TXT, DOCX, PDF, sep="\n")
