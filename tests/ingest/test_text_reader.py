"""The text reader on each format quirk of the corpus text versions, and on the real reports."""
from __future__ import annotations

import pytest

from ingest.records import DocumentMetadata
from ingest.text_reader import read_text


def read(text: str, doc_id: str = "t"):
    return read_text("t.txt", doc_id, DocumentMetadata(), "hash", text=text)


def test_tab_table_with_caption_source_and_headers():
    doc = read(
        "Tabell 4 Gemensam kartläggning kvinnor och män\n\n"
        "\tKvinnor\tMän\tTotalt\n"
        "2018\t5 284\t3 354\t8 638\n"
        "2019\t5 386\t3 276\t8 662\n\n"
        "Källa: SUS\n"
    )
    (t,) = doc.tables
    assert t.number == 4
    assert t.caption == "Tabell 4 Gemensam kartläggning kvinnor och män"
    assert t.source_note == "Källa: SUS"
    assert t.rows == [["", "Kvinnor", "Män", "Totalt"], ["2018", "5 284", "3 354", "8 638"], ["2019", "5 386", "3 276", "8 662"]]
    cell = next(c for c in t.cells if c.text == "3 276")
    assert cell.row_headers == ("2019",) and cell.col_headers == ("Män",) and not cell.is_header
    assert cell.line == 5


def test_a_chapters_notes_end_where_the_next_chapter_begins():
    # Word's plain-text export: one paragraph per line, the chapter's notes at its end, the next chapter right under
    doc = read(
        "2 Data och metod\n"
        "Analysen bygger på MiDAS.¹ Modellen är logistisk.²\n"
        "¹ MiDAS är Försäkringskassans datalager för analys av socialförsäkringen och uppdateras varje månad med nya uppgifter.\n"
        "² En logistisk modell skattar oddset för att få eller återfå arbetsförmåga inom uppföljningsfönstret.\n"
        "3 Vägen till en gemensam kartläggning\n"
        "Under 2027 genomfördes 11 965 kartläggningar, 560 fler än 2026 och 37,5 procent fler än 2020, se diagram 3.1.\n"
    )
    assert [f.number for f in doc.footnotes] == [1, 2]
    assert "3 Vägen" not in doc.footnotes[-1].text
    assert any(b.text.startswith("Under 2027 genomfördes") and b.kind == "paragraph" for b in doc.blocks)


def test_a_table_under_a_chart_takes_the_charts_caption():
    doc = read(
        "Diagram 3.3 Mediantid till kartläggning efter kön, 2020–2027, dagar\n\n"
        "Källa: MiDAS.\n"
        "Diagrammets data\n"
        "År\tKvinnor\tMän\n"
        "2020\t219\t206\n"
        "2021\t212\t199\n"
    )
    (t,) = doc.tables
    assert t.caption.startswith("Diagram 3.3") and t.unit_note == "dagar"


def test_each_group_of_a_table_of_measures_keeps_its_own_total():
    # every block lists Kvinnor, Män, Totalt under a measure's name: each Totalt is its block's, not the table's
    doc = read(
        "Tabell 3.4 Resultatindikatorer\n\n"
        "\t2025\t2026\n"
        "Kvinnor\t5 438\t5 600\n"
        "Män\t3 332\t3 400\n"
        "Totalt\t8 770\t9 000\n"
        "Andel som påbörjat insats (procent)\t\t\n"
        "Kvinnor\t73\t70\n"
        "Män\t76\t73\n"
        "Totalt\t74\t71\n"
    )
    (t,) = doc.tables
    cell = next(c for c in t.cells if c.text == "74")
    assert cell.row_headers == ("Andel som påbörjat insats (procent)", "Totalt")
    assert next(c for c in t.cells if c.text == "8 770").row_headers == ("Totalt",)


def test_spanning_header_rows_and_group_rows():
    doc = read(
        "Tabell 3 Resultat\n\n"
        "\tFått arbetsförmåga\t\tTotalt\t\n"
        "\tAntal\tAndel\tAntal\tAndel\n"
        "Kvinnor\t1 611\t53%\t3 036\t100%\n"
        "Ålder\t\t\t\t\n"
        "18–29 år\t770\t59%\t1 311\t100%\n"
    )
    (t,) = doc.tables
    share = next(c for c in t.cells if c.text == "59%")
    assert share.col_headers == ("Fått arbetsförmåga", "Andel")
    assert share.row_headers == ("Ålder", "18–29 år")
    assert next(c for c in t.cells if c.text == "100%" and c.row == 2).col_headers == ("Totalt", "Andel")


def test_unit_row_becomes_unit_note_and_years_in_columns_are_headers():
    doc = read("Tabell 1 Förbrukning\n\nVerksamhetsområden\t2019\t2020\nBelopp i tkr\t\t\nFörvaltning\t345 400\t351 000\nTotalt\t384 700\t390 100\n")
    (t,) = doc.tables
    assert t.unit_note == "Belopp i tkr"
    assert t.rows[0] == ["Verksamhetsområden", "2019", "2020"]
    cell = next(c for c in t.cells if c.text == "351 000")
    assert cell.col_headers == ("2020",) and cell.row_headers == ("Förvaltning",)


def test_semicolon_separated_rows_are_a_table():
    # as a spreadsheet exports them where the decimal mark is a comma
    doc = read(
        "Tabell 7. Beslut efter kön, per kvartal\nAntal beslut\n\n"
        "Period;Kvinnor;Män;Totalt\n"
        "Kvartal 1;1 204;988;2 192\n"
        "Kvartal 2;1 187;1 002;2 189\n\n"
        "Källa: Egen statistik.\n"
    )
    (t,) = doc.tables
    assert t.rows[0] == ["Period", "Kvinnor", "Män", "Totalt"]
    cell = next(c for c in t.cells if c.text == "1 002")
    assert cell.col_headers == ("Män",) and cell.row_headers == ("Kvartal 2",) and cell.line == 6


def test_source_line_and_caption_right_under_a_table_are_records_of_their_own():
    # as Word exports it: no blank line between the table, its source line and the caption below it
    doc = read(
        "År\tSjukpenning\tTotalt\n2026\t405\t398\n2027\t376\t371\n"
        "Källa: SUS\nTabell B2 Genomsnittlig tid i samverkan efter förmån, dagar, 2026–2027\n\n"
        "Tiden minskade.\n"
    )
    (t,) = doc.tables
    assert (t.label, t.source_note) == ("B2", "Källa: SUS")
    assert t.caption.startswith("Tabell B2 Genomsnittlig tid")
    assert [b.text for b in doc.blocks if b.kind == "paragraph"] == ["Tiden minskade."]


def test_a_table_of_contents_right_under_its_title_is_no_paragraph():
    doc = read("Innehåll\nSammanfattning\t3\n1 Inledning\t4\n2 Rehabiliteringssamverkan\t5\n\nSammanfattning\n\nText.\n")
    assert [b.kind for b in doc.blocks][:4] == ["heading", "toc", "toc", "toc"]
    assert not any(b.kind == "paragraph" and "\t" in b.text for b in doc.blocks)


def test_prose_with_semicolons_is_no_table():
    doc = read("Handläggningen tog längre tid; 42 ärenden väntade.\nDet gällde främst sjukpenning; de flesta var kvinnor.\n\n"
               "Övriga; se bilaga\n")
    assert not doc.tables


def test_bold_tags_in_cells_are_removed():
    doc = read("\tKvinnor\tMän\n<b>2013</b>\t4464\t2398\n<b>Totalt</b>\t<b>643 000</b>\t1\n")
    assert doc.tables[0].rows[1] == ["2013", "4464", "2398"]
    assert doc.tables[0].rows[2][1] == "643 000"


@pytest.mark.parametrize("marker", ["<sup>19</sup>", "¹⁹"])
def test_footnote_marker_does_not_fuse_with_number(marker):
    doc = read(f"Under 2018{marker} genomfördes 3 109 möten.\n\n{marker} Källa: Manuell registrering.\n")
    (b,) = [b for b in doc.blocks if b.kind == "paragraph"]
    assert b.text == "Under 2018 genomfördes 3 109 möten."
    assert [(r.number, r.offset) for r in b.footnote_refs] == [(19, len("Under 2018"))]
    (fn,) = doc.footnotes
    assert (fn.number, fn.text, fn.line) == (19, "Källa: Manuell registrering.", 3)
    assert fn.marker_refs == (b.id,)


def test_headings_hash_numbered_and_section_path():
    doc = read("# Rapport\n\n## Sammanfattning\n\nText om året.\n\n4. Den gemensamma arbetsprocessen\n\n"
               "Under 2019 har myndigheterna genomfört fler möten än tidigare år, vilket beskrivs nedan i detalj.\n")
    heads = [(b.text, b.section) for b in doc.blocks if b.kind == "heading"]
    assert ("Sammanfattning", ("Rapport",)) in heads
    para = [b for b in doc.blocks if b.kind == "paragraph"]
    assert para[0].section == ("Rapport", "Sammanfattning")
    assert para[-1].section[-1] == "4. Den gemensamma arbetsprocessen"


def test_toc_lines_are_toc_blocks_not_tables():
    doc = read("Innehållsförteckning\n\nSammanfattning\t4\n1. Inledning.....\t6\n\nSammanfattning\n\nDet här är en lång sammanfattande text om året som gått och om resultaten.\n")
    assert not doc.tables
    assert [b.text for b in doc.blocks if b.kind == "toc"] == ["Sammanfattning", "1. Inledning"]
    assert doc.blocks[-1].section == ("Sammanfattning",)


def test_hyphenated_wrap_is_joined_and_lines_are_tracked():
    doc = read("Parlamentariska social-\nförsäkringsutredningen lämnade\n8 662 förslag.\n")
    (b,) = doc.blocks
    assert b.text == "Parlamentariska socialförsäkringsutredningen lämnade 8 662 förslag."
    assert b.line_at(b.text.index("8 662")) == 3
    assert b.line_at(0) == 1


def test_rules_and_emphasis():
    doc = read("**Källa:** MiDAS\n\n---\n\nAntal *möten för omställning* påverkas av avslagen.\n")
    assert [b.kind for b in doc.blocks] == ["source_note", "paragraph"]
    assert doc.blocks[0].text == "Källa: MiDAS"
    assert doc.blocks[1].text == "Antal möten för omställning påverkas av avslagen."


def test_corpus_2022_appendix_tables(corpus_docs):
    doc = corpus_docs["af-fk-2022"]
    t6 = next(t for t in doc.tables if t.number == 6 and "omställningsmöte" in t.caption)
    assert t6.rows[0][:4] == ["", "Ja", "Nej", "Andel totalt"]
    assert t6.rows[-1] == ["2022", "1199", "10600", "10,2%", "761", "6532", "10,4%", "438", "4068", "9,7%"]
    cell = next(c for c in t6.cells if c.text == "10,4%")
    assert cell.row_headers == ("2022",) and cell.col_headers == ("Andel kvinnor",)
    t5 = next(t for t in doc.tables if t.number == 5 and "tkr" in t.caption)
    assert t5.unit_note == "belopp i tkr"
    assert t5.rows[-1] == ["Totalt", "643 000", "700 000", "57 000"]


def test_corpus_2019_summary_and_footnotes(corpus_docs):
    doc = corpus_docs["af-fk-2019"]
    summary = [b for b in doc.blocks if b.section and b.section[-1] == "Sammanfattning" and b.kind == "paragraph"]
    assert any("8 662 gemensamma kartläggningar" in b.text for b in summary)
    b = next(b for b in summary if "4 647 omställningsmöten" in b.text)
    assert [r.number for r in b.footnote_refs] == [1]
    assert doc.footnote(1) is not None and b.id in doc.footnote(1).marker_refs
    assert len(doc.tables) == 6
    assert all(t.source_note.startswith("Källa") for t in doc.tables)


def test_footnote_marker_in_a_table_cell_links_to_the_cell(corpus_docs):
    doc = corpus_docs["af-fk-2019"]
    t3 = next(t for t in doc.tables if t.number == 3)
    cell = next(c for c in t3.cells if c.text == "Ersättning")
    assert cell.id in doc.footnote(17).marker_refs
    sp = next(c for c in t3.cells if c.text == "1 971")
    assert sp.row_headers == ("Ersättning", "Sjukpenning")


def test_two_column_table_outside_a_toc_is_a_table():
    doc = read("Tabell 3 Omställningsmöten efter förmån\n\n\tAntal\nSjukpenning\t905\nAktivitetsersättning\t149\nTotalt\t1 288\n\nKälla: FK\n")
    (t,) = doc.tables
    assert t.rows == [["", "Antal"], ["Sjukpenning", "905"], ["Aktivitetsersättning", "149"], ["Totalt", "1 288"]]
    assert not [b for b in doc.blocks if b.kind == "toc"]


def test_a_sentence_is_not_a_heading_and_several_top_headings_are_chapters():
    doc = read("# Sammanfattning\n\nUnder 2025 genomförde myndigheterna 10 326 kartläggningar.\n\n# 1. Rehabiliteringssamverkan\n\n"
               "Under 2025 genomfördes 10 236 gemensamma kartläggningar enligt tabellen nedan i rapporten.\n")
    kinds = [(b.kind, b.section) for b in doc.blocks]
    assert kinds == [("heading", ()), ("paragraph", ("Sammanfattning",)), ("heading", ()), ("paragraph", ("1. Rehabiliteringssamverkan",))]


def test_footnote_over_several_lines_and_restarted_numbering():
    doc = read("Text med not¹ här.\n\n¹ 2016 lämnade 9 329 individer\n2017 lämnade 7 187 individer\n\n"
               "# Nästa kapitel\n\nAnnan text med not¹ här.\n\n¹ En annan fotnot.\n")
    first, second = doc.footnotes
    assert first.text == "2016 lämnade 9 329 individer\n2017 lämnade 7 187 individer" and first.line == 3
    assert (second.id, second.text) == ("t:fn1-2", "En annan fotnot.")
    para = [b for b in doc.blocks if b.kind == "paragraph"]
    assert first.marker_refs == (para[0].id,) and second.marker_refs == (para[1].id,)


def test_footnote_marker_in_a_heading_is_linked(corpus_docs):
    doc = corpus_docs["af-fk-2022"]
    heading = next(b for b in doc.blocks if b.kind == "heading" and b.text.startswith("Resultat av rehabiliteringssamverkan"))
    assert [r.number for r in heading.footnote_refs] == [9]
    assert heading.id in doc.footnote(9).marker_refs


def test_label_value_lines_are_statements_of_their_own_under_their_title():
    doc = read("Året i siffror\n\nAntal deltagare: 412\nAndel kvinnor: 56 %\nMedlemsinsatser: 12 400 tkr\n\n"
               "Bilaga 1. Insatserna i korthet\n\nSteget vidare\nHuvudman: Åsby kommun\nDeltagare: 118\n\n"
               "Medlemmarnas insatser fördelades så här: staten 50 %, regionen 25 %, kommunerna 25 %. Det är samma som förut.\n")
    blocks = [(b.kind, b.text, b.section) for b in doc.blocks]
    assert blocks[:4] == [("heading", "Året i siffror", ()), ("paragraph", "Antal deltagare: 412", ("Året i siffror",)),
                          ("paragraph", "Andel kvinnor: 56 %", ("Året i siffror",)),
                          ("paragraph", "Medlemsinsatser: 12 400 tkr", ("Året i siffror",))]
    assert ("heading", "Steget vidare") in [(k, t) for k, t, _ in blocks]
    deltagare = next(b for b in doc.blocks if b.text == "Deltagare: 118")
    assert deltagare.section[-1] == "Steget vidare"
    assert ("heading", "Bilaga 1. Insatserna i korthet") in [(k, t) for k, t, _ in blocks]
    # a sentence with a colon in it is no key figure
    assert any(b.text.startswith("Medlemmarnas insatser fördelades så här:") and b.text.endswith("förut.") for b in doc.blocks)


def test_a_numbered_heading_may_open_with_a_decade():
    """"2 2000-talets första år": chapter 2, whose title opens with a decade, not the figure 2."""
    doc = read("1 Inledning\n\nText om uppdraget och om hur rapporten är upplagd i sina delar.\n\n2 2000-talets första år\n\n"
               "2.1 Mer fokus på samverkan\n\nUnder 2003 inleddes ett nytt arbete mellan myndigheterna i flera län.\n")
    heads = [b.text for b in doc.blocks if b.kind == "heading"]
    assert "2 2000-talets första år" in heads
    assert doc.blocks[-1].section[-2:] == ("2 2000-talets första år", "2.1 Mer fokus på samverkan")


def test_a_protocols_numbered_items_are_its_sections_and_a_line_of_figures_is_none():
    doc = read("§ 4 Beslut om ärenden\n\nVotering:\n\nFör utskottet: 63 M, 64 SD, 17 KD\n\n"
               "Kammaren biföll utskottets förslag efter en kort debatt om hur rösterna hade fördelats mellan partierna.\n\n"
               "§ 5 Svar på interpellation 2026/27:203 om sjukskrivna som nekas sjukpenning\n\n"
               "Anf. 17 Socialförsäkringsminister ANNA LUNDGREN (M):\n\n"
               "Fru talman! Förra året nekades 16 500 personer sjukpenning, och det är för många enligt min mening.\n")
    heads = [b.text for b in doc.blocks if b.kind == "heading"]
    assert heads == ["§ 4 Beslut om ärenden", "§ 5 Svar på interpellation 2026/27:203 om sjukskrivna som nekas sjukpenning"]
    assert doc.blocks[-1].section == ("§ 5 Svar på interpellation 2026/27:203 om sjukskrivna som nekas sjukpenning",)


def test_rows_cut_by_pipes_without_the_border_pipes_are_a_table_with_an_empty_corner():
    # as a table is copied from a web page: no Markdown border pipes, a year header spanning its group
    doc = read_text("t.txt", "t", DocumentMetadata(), "hash", text=(
        "Tabell 4. Ärenden efter kanal 2040 och 2041\n"
        " | 2040 | | 2041 |\n"
        " | Webb | Telefon | Webb | Telefon\n"
        "Ansökningar | 4 410 | 1 020 | 4 980 | 870\n"
        "Överklaganden | 61 | 14 | 58 | 9\n"
    ))
    (table,) = doc.tables
    by_text = {c.text: c for c in table.cells}
    assert by_text["1 020"].col_headers == ("2040", "Telefon")
    assert by_text["4 980"].col_headers == ("2041", "Webb")
    assert by_text["9"].row_headers == ("Överklaganden",)


def test_a_merged_header_cell_written_as_one_field_heads_its_group_of_columns():
    # a word processor's plain-text export writes a cell merged over two columns as one field
    doc = read_text("t.txt", "t", DocumentMetadata(), "hash", text=(
        "Tabell 2. Besök efter utfall och region\n"
        "Utfall\tNorr\tSyd\n"
        "\tAntal\tAndel, %\tAntal\tAndel, %\n"
        "Beviljade\t310\t62,0\t288\t57,6\n"
        "Avslagna\t190\t38,0\t212\t42,4\n"
    ))
    (table,) = doc.tables
    by_text = {c.text: c for c in table.cells}
    assert by_text["62,0"].col_headers == ("Norr", "Andel, %")
    assert by_text["288"].col_headers == ("Syd", "Antal")


def test_a_short_header_row_whose_columns_below_differ_is_not_spread():
    from ingest.text_tables import spread_short_header

    assert spread_short_header(["Utfall", "Norr", "Syd"], ["", "Antal", "Andel", "Antal", "Andel"], 5) == \
        ["Utfall", "Norr", "Norr", "Syd", "Syd"]
    assert spread_short_header(["Utfall", "Norr", "Syd"], ["", "Antal", "Andel", "Kostnad", "Tid"], 5) is None


def test_a_figures_caption_next_to_its_data_table_captions_it_above_or_below():
    doc = read_text("t.txt", "t", DocumentMetadata(), "hash", text=(
        "Figur 2. Besökare per kvartal 2041, i tusental\n"
        "Kvartal\tBesökare\n"
        "Kv 1\t12,4\n"
        "Kv 2\t13,1\n"
        "\n"
        "Löptext om något annat.\n"
        "\n"
        "Månad\tÄrenden\n"
        "jan\t410\n"
        "feb\t388\n"
        "Källa: Ärendesystemet.\n"
        "Figur 3. Ärenden per månad 2041\n"
    ))
    first, second = doc.tables
    assert first.caption.startswith("Figur 2.") and first.unit_note
    assert second.caption.startswith("Figur 3.")
    assert first.label == "" and first.number is None  # "se tabell 2" does not cite a figure


WORD_PLAIN_TEXT = (
    "Verksamhetsår 2042\n"
    "Året i korthet\n"
    "•\t3 120 ärenden avgjordes, 4 procent fler än året innan.\n"
    "•\tHandläggningstiden var i genomsnitt 41 dagar.\n"
    "3.1 Ärenden\n"
    "Under året kom det in fler ärenden än någonsin tidigare, och nämnden avgjorde de flesta inom sin egen tidsfrist.\n"
    "Andra stycket har också en hel mening på en och samma rad, så som ordbehandlaren skriver det.\n"
    "Tabell 3. Ärenden efter typ, 2042\n"
    "Typ\tAntal\n"
    "Ansökan\t2 410 1)\n"
    "Omprövning\t710\n"
    "1) Varav 12 ärenden gällde tidigare år.\n"
)


def test_word_plain_text_keeps_list_items_headings_and_paragraphs_apart():
    doc = read_text("t.txt", "t", DocumentMetadata(), "hash", text=WORD_PLAIN_TEXT)
    items = [b for b in doc.blocks if b.kind == "list_item"]
    assert [b.line_start for b in items][:2] == [3, 4] and "3 120 ärenden" in items[0].text
    paragraphs = [b for b in doc.blocks if b.kind == "paragraph" and b.line_start in (6, 7)]
    assert [(b.line_start, b.line_end) for b in paragraphs] == [(6, 6), (7, 7)]
    assert paragraphs[0].section[-1] == "3.1 Ärenden"


def test_a_cell_marker_written_as_n_paren_points_to_the_note_under_the_table():
    doc = read_text("t.txt", "t", DocumentMetadata(), "hash", text=WORD_PLAIN_TEXT)
    (table,) = doc.tables
    assert "2 410" in [c.text for c in table.cells]
    assert not any(c.text.endswith("1)") for c in table.cells)


def test_a_budget_table_as_a_parliament_prints_it_keeps_its_unit_line_and_merged_header():
    # one paragraph per line, the unit on a line of its own, a header cell merged over the party columns,
    # row labels that end in an abbreviation's period
    doc = read_text("t.txt", "t", DocumentMetadata(), "hash", text=(
        "Tabell 1 Anslag för 2045\n"
        "Tusental kronor\n"
        "Anslag | Förslag | Avvikelse\n"
        " | | (A) | (B)\n"
        "1:1 Bidrag m.m. | 12 400 | +300 | −150\n"
        "1:2 Stöd till kommuner m.fl. | 8 200 | ±0 | +90\n"
        "Summa | 20 600 | +300 | −60\n"
        "Källa: Prop. 2044/45:1.\n"
    ))
    (table,) = doc.tables
    assert table.unit_note.lower() == "tusental kronor"
    by_text = {c.text: c for c in table.cells}
    assert by_text["12 400"].col_headers == ("Förslag",)
    assert by_text["−150"].col_headers == ("Avvikelse", "(B)")
    assert by_text["+90"].row_headers == ("1:2 Stöd till kommuner m.fl.",)


def test_a_space_aligned_table_in_text_without_blank_lines():
    doc = read_text("t.txt", "t", DocumentMetadata(), "hash", text=(
        "Utvecklingen under perioden beskrivs närmare i tabellen nedan, som visar alla år.\n"
        "Tabell 2 Anslagsutveckling\n"
        "Miljoner kronor\n"
        "Anslag                         Utfall 2043    Anslag 2044    Förslag 2045\n"
        "1:1 Bidrag m.m.                     11 870,4       12 100,0        12 400,0\n"
        "1:2 Stöd till kommuner m.fl.         7 950,2        8 010,0         8 200,0\n"
        "Källa: Prop. 2044/45:1.\n"
        "Nästa stycke handlar om något helt annat och har inga siffror alls i sig.\n"
    ))
    (table,) = doc.tables
    assert table.unit_note == "Miljoner kronor"
    by_text = {c.text: c for c in table.cells}
    assert by_text["12 100,0"].col_headers == ("Anslag 2044",)
    assert by_text["7 950,2"].row_headers == ("1:2 Stöd till kommuner m.fl.",)


def test_a_list_of_amounts_one_to_a_line_is_a_table_with_the_unit_above_it():
    # statsliggaren's appropriation lists: a label and an amount per line, no column separator, "Tkr" above
    doc = read("3.1 Anslag\n\nTkr\n1:1 Sjukpenning och rehabilitering m.m. (ramanslag)\nDisponeras av Försäkringskassan\n"
               "ap.1 Sjukpenning (ram) 44 871 300\nap.2 Rehabiliteringsersättning (ram) 731 600\nSumma 45 602 900\n\n"
               "Anslaget får användas för utgifter för sjukpenning enligt 27 kap. socialförsäkringsbalken.\n")
    (t,) = doc.tables
    assert t.unit_note == "Tkr"
    assert [r for r in t.rows if r[1]] == [["ap.1 Sjukpenning (ram)", "44 871 300"], ["ap.2 Rehabiliteringsersättning (ram)", "731 600"],
                                          ["Summa", "45 602 900"]]
    assert doc.blocks[-1].text.startswith("Anslaget får användas")  # prose stays prose


def test_a_list_needs_two_amounts_and_no_sentences():
    doc = read("Resultat\n\nUnder året deltog 412 personer\nsom en följd av beslutet 2026.\n\nTabell 3 visar fördelningen\n")
    assert not doc.tables


def test_a_group_row_without_tabs_inside_a_table_keeps_the_table_whole():
    doc = read("Tkr\nVerksamhet\tIntäkter 2027\tKostnader 2027\nUppdragsverksamhet\nTjänsteexport\t4 800\t4 800\n"
               "Personskadeersättning\t14 300\t14 500\n")
    (t,) = doc.tables
    assert t.unit_note == "Tkr" and t.rows[1][0] == "Uppdragsverksamhet" and t.rows[-1][:2] == ["Personskadeersättning", "14 300"]


# A word processor's plain-text export: one paragraph per line and no blank lines, cells merged down
# the label columns written as empty fields, a total merged across them as one field.
_WORD_EXPORT = (
    "Del 1 Besök och beslut\n"
    "Beslut per region\n"
    "Under året fattade kontoren sammanlagt 4 310 beslut om stöd, vilket är något fler än under det föregående året"
    " enligt den löpande uppföljningen.\n"
    "Region\tUtfall\t2030\t2031\n"
    "Norr\tBeviljade\t610\t655\n"
    "\tAvslagna\t240\t230\n"
    "Syd\tBeviljade\t1 540\t1 611\n"
    "\tAvslagna\t700\t742\n"
    "Samtliga\t3 090\t3 238\n"
    "Tabell 3. Beslut efter region och utfall, 2030–2031. Källa: Ärendesystemet.\n"
    "Handläggningstid\n"
    "Den genomsnittliga handläggningstiden var 41 dagar, vilket är sju dagar kortare än målet för verksamheten och"
    " det kortaste sedan mätningarna började.\n"
    "Bedömning\tAntal\tAndel\n"
    "Beviljade\tdelvis\t410\t0,31\n"
    "\thelt\t910\t0,69\n"
)


def test_a_word_processors_export_keeps_each_line_a_paragraph_of_its_own():
    doc = read(_WORD_EXPORT)
    titles = {b.text: b for b in doc.blocks}
    # a bold sub-heading and a chapter named "Del 1" are headings, not the first words of a paragraph
    assert titles["Beslut per region"].kind == "heading"
    assert titles["Handläggningstid"].kind == "heading"
    assert doc.tables[0].section[-1] == "Beslut per region"
    # the caption ends its sentence: the sub-heading under it is not part of it
    assert doc.tables[0].caption == "Tabell 3. Beslut efter region och utfall, 2030–2031. Källa: Ärendesystemet"


def test_label_columns_merged_down_and_a_total_merged_across_them():
    doc = read(_WORD_EXPORT)
    cells = {c.text: c for c in doc.tables[0].cells}
    assert cells["240"].row_headers == ("Norr", "Avslagna") and cells["240"].col_headers == ("2030",)
    assert cells["742"].row_headers == ("Syd", "Avslagna") and cells["742"].col_headers == ("2031",)
    # "Samtliga | 3 090 | 3 238": its figures under the years, not under "Utfall" and "2030"
    assert cells["3 090"].row_headers == ("Samtliga",) and cells["3 090"].col_headers == ("2030",)
    assert cells["3 238"].col_headers == ("2031",)
    assert cells["Avslagna"].is_header


def test_a_corner_merged_across_two_label_columns_leaves_the_figures_under_their_headers():
    doc = read(_WORD_EXPORT)
    cells = {c.text: c for c in doc.tables[1].cells}
    assert cells["0,69"].col_headers == ("Andel",) and cells["0,69"].row_headers == ("Beviljade", "helt")
    assert cells["910"].col_headers == ("Antal",)


def test_word_exports_plain_footnotes_and_the_references_glued_to_words():
    doc = read(
        "Besök\n"
        "Kontoren tog emot 4 310 besökare4 under året, fler än någonsin tidigare enligt den löpande statistiken.\n"
        "Av dem bokade 1 920 sin tid digitalt.5 Resten kom utan bokning till något av kontoren i regionen.\n"
        "Slutsatser\n"
        "Verksamheten nådde sina mål för året och kostnaderna låg inom den ram som styrelsen beslutade om.\n"
        "4 Besökare räknas en gång per dag och kontor, oavsett ärende.\n"
        "5 Bokningar via telefon räknas som digitala sedan mars, då systemet byttes.\n"
    )
    assert [(f.number, f.line) for f in doc.footnotes] == [(4, 6), (5, 7)]
    assert doc.footnotes[0].text.startswith("Besökare räknas")
    text = " ".join(b.text for b in doc.blocks)
    assert "besökare under" in text and "digitalt. Resten" in text  # the reference marks are gone from the words


def test_numbered_lines_without_references_stay_text():
    doc = read(
        "Inledning\n"
        "Rapporten har två delar och beskriver verksamheten under året som gick i korthet.\n"
        "1 Verksamheten under året beskrivs i korthet med de viktigaste händelserna.\n"
        "2 Ekonomin under året beskrivs med utfall mot budget för varje verksamhet.\n"
    )
    assert doc.footnotes == ()


def test_a_table_of_contents_in_a_word_export_is_contents_not_headings_or_figures():
    doc = read(
        "Årsrapport 2030\n"
        "Innehåll\n"
        "Sammanfattning\t3\n"
        "Del 1 Verksamheten\t4\n"
        "Bilaga 2 Nyckeltal 2026–2030\t11\n"
        "Sammanfattning\n"
        "Kontoren tog emot 4 310 besökare under året, fler än någonsin tidigare enligt den löpande statistiken.\n"
        "Del 1 Verksamheten\n"
        "Verksamheten nådde sina mål för året och kostnaderna låg inom den ram som styrelsen beslutade om.\n"
    )
    toc = [b.text for b in doc.blocks if b.kind == "toc"]
    assert toc == ["Sammanfattning", "Del 1 Verksamheten", "Bilaga 2 Nyckeltal 2026–2030"]
    assert [b.text for b in doc.blocks if b.kind == "heading"] == ["Innehåll", "Sammanfattning", "Del 1 Verksamheten"]


def test_a_column_of_marked_figures_is_data_not_a_second_label_column():
    doc = read(
        "Tabell 1 Andel med arbete efter år\n\n"
        "\tKvinnor\tMän\tTotalt\n"
        "2030\t45%*\t46%\t45%\n"
        "2031\t50%*\t53%\t51%\n\n"
        "* Preliminära uppgifter.\n"
    )
    cells = {c.text: c for c in doc.tables[0].cells}
    assert not cells["45%*"].is_header and cells["45%*"].col_headers == ("Kvinnor",)
    assert cells["46%"].row_headers == ("2030",)


def test_a_grid_table_as_pandoc_writes_it_is_read_cell_by_cell_with_its_caption_below():
    # pandoc -t plain: a cell wraps over lines and paragraphs of its row; ": " marks the caption under the table
    doc = read(
        "Medel\n\n"
        "+--------------------+-------------+-------------+\n"
        "| Myndighet och post | Tilldelade  | Förbrukat   |\n"
        "|                    | medel 2030  | 2030        |\n"
        "+====================+=============+=============+\n"
        "| Försäkringskassan  | 96 000      | 44 812      |\n"
        "|                    |             |             |\n"
        "| Förvaltning        |             |             |\n"
        "+--------------------+-------------+-------------+\n"
        "| Totalt             | 692 000     | 331 194     |\n"
        "+--------------------+-------------+-------------+\n\n"
        ": Tabell 6. Tilldelade och förbrukade medel efter myndighet och\n"
        "post, tkr\n"
    )
    (t,) = doc.tables
    assert t.caption == "Tabell 6. Tilldelade och förbrukade medel efter myndighet och post, tkr"
    assert t.rows == [["Myndighet och post", "Tilldelade medel 2030", "Förbrukat 2030"],
                      ["Försäkringskassan Förvaltning", "96 000", "44 812"], ["Totalt", "692 000", "331 194"]]
    cell = next(c for c in t.cells if c.text == "44 812")
    assert cell.line == 7 and cell.row_headers == ("Försäkringskassan Förvaltning",)
    assert not any("+--" in b.text or "|" in b.text for b in doc.blocks)


def test_a_line_that_opens_with_a_colon_is_a_caption_only_when_it_is_one():
    doc = read("Villkor\n\n: gäller från och med 2027 för alla\n")
    assert not doc.tables and any(b.text.startswith(": gäller") for b in doc.blocks)


def test_the_notes_to_a_tables_markers_stand_between_it_and_its_source_line():
    doc = read(
        "Tabell 5 Besökare per filial\n\n"
        "Filial\t2030\t2031\n"
        "Centrum¹\t8 140\t8 512\n"
        "Hamnen\t2 077\t2 301\n\n"
        "¹ Stängt under juli 2031.\n"
        "Källa: Bibliotekets besöksräknare.\n"
    )
    (t,) = doc.tables
    assert t.source_note == "Källa: Bibliotekets besöksräknare."
    (note,) = doc.footnotes
    assert note.text == "Stängt under juli 2031." and note.marker_refs == ("t:t0:r1c0",)
