"""ingest/text_layout.py: plain text laid out with spaces (`pdftotext -layout`): aligned tables,
text boxes side by side, running page headers and footers. Small texts written for these tests."""
from __future__ import annotations

from ingest.records import DocumentMetadata
from ingest.text_layout import line_fragments, margin_lines
from ingest.text_reader import read_text


def read(text: str):
    return read_text("t.txt", "t", DocumentMetadata(), "hash", text=text)


def cell(table, text: str):
    (found,) = [c for c in table.cells if c.text == text]
    return found


KEY_FIGURES = (
    "Tabell 7 Bostadsbidrag, nyckeltal 2019–2021\n"
    "\n"
    "                                        2019      2020      2021    Förändring\n"
    "                                                                     2020–2021\n"
    "                                                                           (%)\n"
    "Hushåll med bidrag (tusental)            140,2     145,9     151,3         3,7\n"
    "Utbetalt belopp, mnkr                    4 610     4 892     5 127         4,8\n"
    "Genomsnittlig handläggningstid för\n"
    "  nya ansökningar, dagar                    21        19        24        26,3\n"
    "Andel beslut inom 14 dagar (%)              88        90        85           –\n"
    "\n"
    "Källa: Egen statistik.\n"
)


def test_fragments_keep_digit_groups_and_labels_whole():
    pieces = [f.text for f in line_fragments("Utbetalt belopp, mnkr        4 610     -1 315   58,9 %")]
    assert pieces == ["Utbetalt belopp, mnkr", "4 610", "-1 315", "58,9 %"]


def test_aligned_table_with_a_header_stacked_over_three_lines():
    doc = read(KEY_FIGURES)
    (t,) = doc.tables
    assert t.label == "7" and t.caption == "Tabell 7 Bostadsbidrag, nyckeltal 2019–2021"
    assert t.source_note == "Källa: Egen statistik."
    assert t.header_rows == 1
    assert t.rows[0] == ["", "2019", "2020", "2021", "Förändring 2020–2021 (%)"]
    # the year span of the change column stays in that column
    assert cell(t, "151,3").col_headers == ("2021",)
    assert cell(t, "3,7").col_headers == ("Förändring 2020–2021 (%)",)
    assert cell(t, "4 610").row_headers == ("Utbetalt belopp, mnkr",) and cell(t, "4 610").line == 7


def test_wrapped_row_label_is_one_label_on_the_line_of_its_figures():
    t = read(KEY_FIGURES).tables[0]
    got = cell(t, "26,3")
    assert got.row_headers == ("Genomsnittlig handläggningstid för nya ansökningar, dagar",)
    assert got.line == 9
    assert len(t.rows) == 5  # header + four rows: the label's first line is no row of its own
    assert cell(t, "–").row_headers == ("Andel beslut inom 14 dagar (%)",) and cell(t, "–").line == 10


def test_spanning_headers_over_stacked_hyphenated_headers_and_indented_rows():
    doc = read(
        "                          Region Nord               Region Syd\n"
        "                        Antal     Medel-        Antal     Medel-\n"
        "                      ärenden      värde      ärenden      värde\n"
        "Första kvartalet        1 204       38,5          987       41,0\n"
        "Helåret                 5 020       37,0        3 998       40,9\n"
        "  överklagade             402       52,1          310       55,3\n"
        "  ändrade                  61       49,8           44       47,0\n"
    )
    (t,) = doc.tables
    assert t.header_rows == 2
    assert cell(t, "987").col_headers == ("Region Syd", "Antal ärenden")
    assert cell(t, "38,5").col_headers == ("Region Nord", "Medelvärde")
    # an indented row is part of the row above it
    assert cell(t, "310").row_headers == ("Helåret", "överklagade")
    assert cell(t, "44").row_headers == ("Helåret", "ändrade")
    assert cell(t, "5 020").row_headers == ("Helåret",)


def test_group_label_above_indented_rows_is_a_group_not_a_wrapped_label():
    doc = read(
        "                       2022     2023\n"
        "Ålder\n"
        "  16–24 år              310      295\n"
        "  25–34 år              822      870\n"
        "Totalt                1 132    1 165\n"
    )
    (t,) = doc.tables
    assert cell(t, "295").row_headers == ("Ålder", "16–24 år")
    assert cell(t, "870").row_headers == ("Ålder", "25–34 år")
    assert cell(t, "1 165").row_headers == ("Totalt",)


def test_running_footers_with_page_numbers_and_page_headers_are_no_content():
    lines = [
        "Kapitel 2", "", "Under året handlades 4 210 ärenden.", "",
        "                       Statskontoret  Rapport 2023:4     Sida 7 av 9", "",
        "Kapitel 2", "", "Fortsatt text om 312 överklaganden.", "",
        "Sida 8 av 9     Statskontoret  Rapport 2023:4", "",
        "Kapitel 2", "", "Sista sidan.", "",
        "Statskontoret  Rapport 2023:4     Sida 9 av 9",
    ]
    assert margin_lines(lines) == {0, 4, 6, 10, 12, 16}
    doc = read("\n".join(lines) + "\n")
    assert [b.text for b in doc.blocks] == ["Under året handlades 4 210 ärenden.", "Fortsatt text om 312 överklaganden.",
                                            "Sista sidan."]


def test_a_repeated_line_whose_number_does_not_count_up_is_content():
    lines = ["Målet är 90", "", "Text.", "", "Målet är 90", "", "Mer text.", ""]
    assert margin_lines(lines) == set()


def test_text_boxes_side_by_side_are_paragraphs_per_column():
    doc = read(
        "    4 210                     87 %                       312\n"
        "    ärenden                   beslut i tid               överklaganden\n"
    )
    assert not doc.tables
    assert [(b.text, b.line_start, b.line_end) for b in doc.blocks] == [
        ("4 210 ärenden", 1, 2), ("87 % beslut i tid", 1, 2), ("312 överklaganden", 1, 2)]


def test_justified_prose_and_a_table_of_contents_are_no_tables():
    doc = read(
        "Fortsatt  text med 55 procent och  dubbla  mellanslag i  löptexten som\n"
        "ibland  uppstår  när  texten  är  marginaljusterad  i originalet  2019.\n"
        "\n"
        "Sammanfattning                              4\n"
        "Inledning                                   6\n"
        "Resultat                                   11\n"
    )
    assert not doc.tables


def test_a_paragraph_cut_by_a_page_break_is_joined_over_the_footer_and_header():
    doc = read(
        "Kapitel 2\n\nUnder året fattades 4 210 beslut, varav en stor del\n\n"
        "Statskontoret  Rapport 2023:4     7\n\nKapitel 2\n\n"
        "gällde förnyade ansökningar.\n\nEn ny mening.\n\n"
        "Statskontoret  Rapport 2023:4     8\n"
    )
    (first, second) = doc.blocks
    assert first.text == "Under året fattades 4 210 beslut, varav en stor del gällde förnyade ansökningar."
    assert (first.line_start, first.line_end) == (3, 9)
    assert second.text == "En ny mening." and second.line_start == 11
    assert first.line_at(first.text.index("gällde")) == 9 and first.line_at(first.text.index("4 210")) == 3


def test_prose_set_close_to_a_table_stays_prose_and_no_break_spaces_keep_groups():
    doc = read(
        "Tabellen nedan visar hur många ärenden som kom in och avgjordes under de två åren.\n"
        "                    2022        2023\n"
        "Inkomna            1\u00a0204       1\u00a0311\n"
        "Avgjorda           1\u00a0187       1\u00a0290\n"
        "Skillnaden mellan inkomna och avgjorda ärenden var alltså liten båda åren.\n"
    )
    (t,) = doc.tables
    assert t.rows == [["", "2022", "2023"], ["Inkomna", "1\u00a0204", "1\u00a0311"], ["Avgjorda", "1\u00a0187", "1\u00a0290"]]
    assert [b.text[:20] for b in doc.blocks] == ["Tabellen nedan visar", "Skillnaden mellan in"]


def test_rows_set_one_blank_line_apart_are_one_table():
    doc = read(
        "Tabell 2.1 Ärenden per län 2022–2023\n"
        "\n"
        "                               2022          2023\n"
        "\n"
        "Norrbotten                    1 204         1 311\n"
        "\n"
        "Västerbotten                    987         1 002\n"
        "\n"
        "Hela riket                   41 870        43 015\n"
        "\n"
        "Källa: Registret.\n"
        "\n"
        "Nästa stycke handlar om något annat och har 12 siffror i löptext som inte hör till tabellen.\n"
    )
    (t,) = doc.tables
    assert t.rows == [["", "2022", "2023"], ["Norrbotten", "1 204", "1 311"], ["Västerbotten", "987", "1 002"],
                      ["Hela riket", "41 870", "43 015"]]
    assert cell(t, "1 002").line == 7 and cell(t, "43 015").col_headers == ("2023",)
    assert t.source_note == "Källa: Registret."
    assert [b.kind for b in doc.blocks] == ["caption", "source_note", "paragraph"]


def test_a_group_label_between_blank_separated_rows_stays_in_the_table():
    doc = read(
        "                       2022     2023\n\n"
        "Ålder\n\n"
        "  16–24 år              310      295\n\n"
        "  25–34 år              822      870\n"
    )
    (t,) = doc.tables
    assert cell(t, "870").row_headers == ("Ålder", "25–34 år") and cell(t, "870").line == 7


def test_a_table_cut_by_a_page_break_goes_on_after_the_footer_and_header():
    doc = read(
        "Tabell 4 Beslut per län 2022–2023\n\n"
        "                         2022      2023\n"
        "Norrbotten              1 204     1 311\n"
        "Västerbotten              987     1 002\n\n"
        "Länsrapport 2023                             7\n\n"
        "                         2022      2023\n"
        "Jämtland                  512       530\n"
        "Hela riket             41 870    43 015\n\n"
        "Länsrapport 2023                             8\n"
    )
    (t,) = doc.tables
    assert [r[0] for r in t.rows] == ["", "Norrbotten", "Västerbotten", "Jämtland", "Hela riket"]
    assert cell(t, "530").line == 10 and cell(t, "530").col_headers == ("2023",)
    assert cell(t, "43 015").line == 11 and t.line_end == 11


def test_caption_below_unit_in_the_corner_and_sida_n_av_m_footers():
    doc = read(
        "3 Ekonomi\n\n"
        "Förvaltningsanslaget utnyttjades nästan helt under året.\n\n"
        "Belopp, tkr                        Utfall          Utfall         Budget\n"
        "                                     2021            2022           2023\n\n"
        "Personalkostnader                 412 118         431 907        445 000\n"
        "Lokaler                            61 330          60 118¹         58 500\n"
        "Övriga driftkostnader              97 402          −2 115             ..\n\n"
        "Tabell 3.1 Förvaltningskostnader 2021–2023\n\n"
        "                                          Sida 14 av 30\n\n"
        "3 Ekonomi\n\n"
        "Andelen av anslaget som förbrukades var 98 procent.\n\n"
        "                                          Sida 15 av 30\n"
    )
    (t,) = doc.tables
    assert t.label == "3.1" and t.unit_note == "tkr"
    assert t.rows[0] == ["Belopp, tkr", "Utfall 2021", "Utfall 2022", "Budget 2023"]
    assert cell(t, "60 118").col_headers == ("Utfall 2022",) and cell(t, "60 118").line == 9
    assert cell(t, "..").row_headers == ("Övriga driftkostnader",)
    # the chapter heading stays; its repeat as the next page's header and the page footers go
    assert [(b.kind, b.text) for b in doc.blocks if b.kind != "caption"] == [
        ("heading", "3 Ekonomi"), ("paragraph", "Förvaltningsanslaget utnyttjades nästan helt under året."),
        ("paragraph", "Andelen av anslaget som förbrukades var 98 procent.")]


def test_a_year_set_flush_left_over_each_group_of_columns_heads_the_whole_group():
    doc = read(
        "Tabell 9 Utbetalningar efter län och kön 2030 och 2031\n"
        "\n"
        "                 2030                         2031\n"
        "Län              Flickor   Pojkar   Alla      Flickor   Pojkar   Alla\n"
        "Norrland         1 204     1 187    2 391     1 250     1 199    2 449\n"
        "Svealand           977       941    1 918       990       963    1 953\n"
    )
    (table,) = doc.tables
    assert cell(table, "2 391").col_headers == ("2030", "Alla")
    assert cell(table, "1 250").col_headers == ("2031", "Flickor")
    assert cell(table, "1 953").col_headers == ("2031", "Alla")


def test_a_unit_line_under_a_long_caption_is_the_tables_unit_not_a_header():
    # a caption of ten words reads as a sentence and closes its own run; the unit line under it is still no row
    text = ("\nTabell 2b. Nya ärenden om bostadsbidrag efter hushållstyp och län, 2028–2030\n"
            "Tusental\n"
            "År             Antal      Förändring, %\n"
            "2028           188,9                ..\n"
            "2029           186,4              −1,3\n"
            "2030           178,2              −4,4\n")
    doc = read_text("t.txt", "t", DocumentMetadata(), "0", text=text)
    (table,) = doc.tables
    assert table.unit_note == "Tusental"
    assert table.rows[0] == ["År", "Antal", "Förändring, %"]


def test_a_page_footer_right_above_the_next_pages_header_is_page_furniture():
    # no form feed and no blank line between a page's number and the next page's running header
    header = "Uppföljning 2031:2" + " " * 70 + "Bilaga 1"
    lines = [header, "", "Deltagarna var 1 410 under året.", "", " " * 40 + "17", header, "",
             "Av dem gick 512 till arbete.", "", " " * 40 + "18", header, "", "Slut.", "", " " * 40 + "19"]
    assert margin_lines(lines) == {0, 4, 5, 9, 10, 14}
    doc = read("\n".join(lines) + "\n")
    assert [b.text for b in doc.blocks] == ["Deltagarna var 1 410 under året.", "Av dem gick 512 till arbete.", "Slut."]


def test_a_caption_wrapped_under_its_title_a_note_wrapped_to_a_second_line_and_a_hyphenated_header():
    doc = read(
        "Tabell C2   Utbetalningar per stöd och län, 2031.\n"
        "            Kronor per dag\n"
        "\n"
        "                  Bostads-     Etablerings-\n"
        "                  tillägg      ersättning\n"
        "  Dalarna            412            233\n"
        "  Gotland            398            241\n"
        "\n"
        "Anm.: Bostadstillägg avser tillägg till hushåll med barn och tillägg till de som är unga och\n"
        "har aktivitetsersättning.\n"
        "Källa: Länsstyrelsernas statistik.\n"
    )
    (t,) = doc.tables
    assert t.caption == "Tabell C2 Utbetalningar per stöd och län, 2031. Kronor per dag"
    assert t.rows[0] == ["", "Bostadstillägg", "Etableringsersättning"]
    assert t.source_note == "Källa: Länsstyrelsernas statistik."
    assert [b.kind for b in doc.blocks] == ["caption", "source_note", "source_note"]
    assert doc.blocks[1].text.endswith("unga och har aktivitetsersättning.")
