"""nlp/tables/: every numeric cell is a fact named by its headers."""
from __future__ import annotations

from dataclasses import replace

from ingest.records import Block, Document, DocumentMetadata, Table
from ingest.text_tables import GridCell, cells_from_grid
from nlp.tables import extract_table_facts, is_numeric_cell, legends_for, measure_axis


def table(rows, caption, number=1, unit_note="", line=20, section=("Tabellbilaga",)) -> Table:
    grid = [[GridCell(text=c, line=line + i) for c in row] for i, row in enumerate(rows)]
    return Table(id="t:t0", doc="t", index=0, number=number, caption=caption, cells=cells_from_grid("t:t0", grid),
                 unit_note=unit_note, section=section, line_start=line, line_end=line + len(rows) - 1)


def document(*tables, blocks=(), year=2022) -> Document:
    return Document(id="t", source_file="t.txt", content_hash="x", format="text",
                    metadata=DocumentMetadata(reporting_year=year), blocks=tuple(blocks), tables=tuple(tables))


def facts(matcher, doc):
    return [(f.printed, f.value, f.unit, f.period, f.measure, dict(f.breakdown)) for f in extract_table_facts(doc, matcher)]


def test_years_in_rows_groups_in_columns(matcher):
    t = table([["", "Kvinnor", "Män", "Totalt"], ["2021", "48%", "51%", "49%"], ["2022", "49%", "51%", "50%"]],
              "Tabell 1 Andel av individer i rehabiliteringssamverkan med utvecklat eller återfått arbetsförmåga efter avslutad rehabiliteringsinsats, 2021-2022")
    got = facts(matcher, document(t))
    assert got[:3] == [
        ("48%", 48.0, "procent", "2021", "arbetsformaga_andel", {"kon": "kvinnor"}),
        ("51%", 51.0, "procent", "2021", "arbetsformaga_andel", {"kon": "män"}),
        ("49%", 49.0, "procent", "2021", "arbetsformaga_andel", {}),
    ]
    assert len(got) == 6


def test_years_in_columns_amounts_in_tkr(matcher):
    t = table([["Verksamhetsområden", "2018", "2019"], ["Förvaltningskostnader", "340 100", "345 400"],
               ["Totalt", "380 000", "384 700"], ["Varav förvaltning", "340 100", "345 400"]],
              "Tabell 1 Arbetsförmedlingens förbrukning av förvaltnings- och programmedel", unit_note="Belopp i tkr")
    assert measure_axis(t) == "row"
    got = facts(matcher, document(t, year=2019))
    assert got[0] == ("340 100", 340_100_000.0, "kronor", "2018", "forbrukade_medel_kronor",
                      {"myndighet": "Arbetsförmedlingen", "post": "förvaltning"})
    assert got[3] == ("384 700", 384_700_000.0, "kronor", "2019", "forbrukade_medel_kronor", {"myndighet": "Arbetsförmedlingen"})
    assert got[5][5] == {"myndighet": "Arbetsförmedlingen", "post": "förvaltning"}  # a "Varav" row


def test_ja_nej_andel_and_groups_in_one_header(matcher):
    t = table([["", "Ja", "Nej", "Andel totalt", "Ja, kvinnor", "Andel kvinnor"], ["2022", "1199", "10600", "10,2%", "761", "10,4%"]],
              "Tabell 6, Antal och andel som haft ett omställningsmöte av alla som fått avslag på sjukpenning, 2012-2022.")
    got = facts(matcher, document(t))
    assert got == [
        ("1199", 1199.0, "antal", "2022", "omstallningsmoten_antal", {"forman": "sjukpenning"}),
        ("10600", 10600.0, "antal", "2022", "avslag_utan_omstallningsmote_antal", {"forman": "sjukpenning"}),
        ("10,2%", 10.2, "procent", "2022", "omstallningsmoten_andel", {"forman": "sjukpenning"}),
        ("761", 761.0, "antal", "2022", "omstallningsmoten_antal", {"forman": "sjukpenning", "kon": "kvinnor"}),
        ("10,4%", 10.4, "procent", "2022", "omstallningsmoten_andel", {"forman": "sjukpenning", "kon": "kvinnor"}),
    ]


def test_legend_spells_out_abbreviations(matcher):
    blocks = [Block(id=f"t:b{i}", doc="t", order=i, kind="paragraph", section=(), text=text, line_start=16 + 2 * i, line_end=16 + 2 * i)
              for i, text in enumerate(["Sjukpenning=SP", "Aktivitetsersättning=AE"])]
    t = table([["", "Kvinnor, SP", "Totalt, SP", "Män, AE", "Totalt, Alla"], ["2022", "73%", "73%", "62%", "71%"]],
              "Tabell 5, andel som påbörjar rehabiliteringsinsats efter gemensam kartläggning efter ersättningstyp, kvinnor och män")
    doc = document(t, blocks=blocks)
    assert legends_for(doc, t) == {"sp": "Sjukpenning", "ae": "Aktivitetsersättning"}
    assert [(m, b) for *_, m, b in facts(matcher, doc)] == [
        ("paborjar_rehabiliteringsinsats_andel", {"forman": "sjukpenning", "kon": "kvinnor"}),
        ("paborjar_rehabiliteringsinsats_andel", {"forman": "sjukpenning"}),
        ("paborjar_rehabiliteringsinsats_andel", {"forman": "aktivitetsersättning", "kon": "män"}),
        ("paborjar_rehabiliteringsinsats_andel", {}),
    ]


def test_age_groups_and_header_shares_without_percent_sign(matcher):
    t = table([["", "0-29 år", "60- år"], ["2022", "6,5%", "9,7%"]],
              "Tabell 9, Andel av olika åldersklasser som haft omställningsmöte av alla som fått avslag på sjukpenning, 2012-2022")
    assert [b for *_, b in facts(matcher, document(t))] == [
        {"alder": "0-29", "forman": "sjukpenning"}, {"alder": "60-", "forman": "sjukpenning"}]
    t2 = table([["", "Antal", "Andel"], ["Totalt", "8 662", "100"], ["Kvinnor", "5 369", "62"]],
               "Tabell 4 Gemensam kartläggning kvinnor och män")
    got = facts(matcher, document(t2, year=2019))
    assert [(v, u, p, m, b) for _, v, u, p, m, b in got] == [
        (8662.0, "antal", "2019", "gemensamma_kartlaggningar_antal", {}),
        (100.0, "procent", "2019", "gemensamma_kartlaggningar_kon_andel", {}),
        (5369.0, "antal", "2019", "gemensamma_kartlaggningar_antal", {"kon": "kvinnor"}),
        (62.0, "procent", "2019", "gemensamma_kartlaggningar_kon_andel", {"kon": "kvinnor"}),
    ]


def test_quote_line_and_cell_provenance(matcher):
    t = table([["", "Antal"], ["Totalt", "4 647"]], "Tabell 6 Antal omställningsmöten", number=6, line=374)
    (fact,) = extract_table_facts(document(t, year=2019), matcher)
    assert fact.quote == "Tabell 6: Antal omställningsmöten | Totalt | Antal: 4 647"
    assert (fact.line, fact.cell, fact.kind) == (375, "t:t0:r1c1", "table")


def test_numeric_cells():
    assert all(is_numeric_cell(t) for t in ["8 662", "9,7%", "-5 000", "29 %", "40 år", "0"])
    assert not any(is_numeric_cell(t) for t in ["Totalt", "2013–2022", "", "n/a"])


def test_a_change_column_beside_two_year_columns_spans_them(matcher):
    t = table([["Län", "2033", "2034", "Diff."], ["Norrland", "1 210", "1 180", "−30"], ["Svealand", "880", "910", "+30"]],
              "Tabell 5. Ärenden efter län, 2033 och 2034")
    got = {(p, period): b for p, _, _, period, _, b in facts(matcher, document(t, year=2034))}
    assert got[("−30", "2033-2034")]["forandring"] == "minskning"
    assert got[("+30", "2033-2034")]["forandring"] == "ökning"


def test_a_change_column_ends_in_the_latest_year_beside_it_whatever_year_the_caption_ends_on(matcher):
    t = table([["Mått", "Första halvåret 2033", "Första halvåret 2034", "Förändring", "Helåret 2033"],
               ["Ärenden, antal", "1 210", "1 300", "+90", "2 400"]],
              "Tabell 1. Nyckeltal, första halvåret 2033 och 2034 samt helåret 2033")
    got = {(p, period): b for p, _, _, period, _, b in facts(matcher, document(t, year=2034))}
    assert got[("+90", "2033-2034")]["forandring"] == "ökning"


def test_a_differens_column_beside_budget_columns_is_no_change(matcher):
    t = table([["", "Tilldelat", "Förbrukat", "Differens"], ["2033", "500", "520", "-20"], ["2034", "510", "505", "5"]],
              "Tabell 6. Medel för samarbetet, tkr")
    got = {(p, period): b for p, _, _, period, _, b in facts(matcher, document(t, year=2034))}
    assert "forandring" not in got[("-20", "2033")]


def test_the_captions_share_belongs_to_the_column_that_names_procent(matcher):
    t = table([["Region", "Avgjorda", "Beviljade, procent"], ["Norr", "1 210", "61,5"], ["Syd", "880", "58,0"]],
              "Tabell 7. Avgjorda ärenden och andel beviljade efter region, 2034")
    got = {p: unit for p, _, unit, _, _, _ in facts(matcher, document(t, year=2034))}
    assert got["1 210"] == "antal" and got["61,5"] == "procent"


def test_a_budget_table_with_party_columns_gives_post_and_party(matcher):
    t = table([["Anslag", "Förslag", "Avvikelse", "Avvikelse", "Avvikelse"],
               ["", "", "(A)", "(B)", "(C)"],
               ["1:1 Sjukpenning och rehabilitering m.m.", "12 400", "+300", "−150", "±0"],
               ["1:2 Stöd till kommuner", "8 200", "±0", "+90", "+40"]],
              "Tabell 1 Anslag för 2045, tusental kronor")
    t = replace(t, header_rows=2)
    got = {p: b for p, _, _, _, _, b in facts(matcher, document(t, year=2045))}
    assert got["12 400"] == {"post": "sjukpenning och rehabilitering m.m."}  # the förmån names the money, no forman
    assert got["−150"] == {"post": "sjukpenning och rehabilitering m.m.", "grupp": "B"}
    assert got["+40"] == {"post": "stöd till kommuner", "grupp": "C"}
    values = [v for p, v, *_ in facts(matcher, document(t, year=2045)) if p == "±0"]
    assert values == [0.0, 0.0]  # "±0": the party proposes no change


def test_a_change_column_of_shares_gives_the_change_in_points_with_its_sign(matcher):
    t = table([["", "2047", "2048", "Förändring"], ["Andel beviljade, procent", "61,5", "58,4", "−3,1"]],
              "Tabell 8. Beslut 2047 och 2048")
    got = {p: (v, unit, period) for p, v, unit, period, _, _ in facts(matcher, document(t, year=2048))}
    assert got["−3,1"] == (-3.1, "procentenheter", "2047-2048")  # a difference of two shares, as printed


def test_the_captions_one_forman_holds_whatever_the_measure_is_split_by(matcher):
    # the catalogue's count of ongoing insatser in December is not split by förmån, but a next report may be
    t = table([["År", "Kvinnor", "Män", "Totalt"], ["2030", "1 310", "880", "2 190"]],
              "Tabell 4a. Pågående rehabiliteringsinsatser i december för personer med sjukersättning, efter kön")
    got = facts(matcher, document(t, year=2030))
    assert [b.get("forman") for *_, b in got] == ["sjukersättning"] * 3
    assert [b.get("kon") for *_, b in got] == ["kvinnor", "män", None]


def test_a_share_column_is_the_share_of_the_count_on_its_left(matcher):
    t = table([["", "Avslutade", "Fått eller återfått arbetsförmåga", "Andel", "Kvar i sjukförsäkringen"],
               ["Sjukpenning", "2 100", "1 150", "55 %", "640"]],
              "Tabell 7. Avslutade rehabiliteringsinsatser och utfall efter förmån, 2030")
    got = {p: m for p, _, _, _, m, _ in facts(matcher, document(t, year=2030))}
    assert got["55 %"] == "arbetsformaga_andel"


def test_a_regression_cell_gives_its_estimate_and_its_standard_error(matcher):
    t = table([["Variabel", "Modell 1", "Modell 2"],
               ["Deltog i kurs", "0,21*** (0,04)", "0,17** (0,05)"],
               ["Man", "−0,08* (0,03)", "–"],
               ["Antal observationer", "8 214", "8 214"]],
              "Tabell 5. Sambandet mellan kurs och arbete, koefficienter med standardfel inom parentes, 2030")
    got = [(p, v, u) for p, v, u, *_ in facts(matcher, document(t, year=2030))]
    assert ("0,21***", 0.21, "koefficient") in got and ("0,04", 0.04, "standardfel") in got
    assert ("−0,08*", -0.08, "koefficient") in got and ("0,03", 0.03, "standardfel") in got
    assert [u for p, v, u in got if v == 8214] == ["antal", "antal"]
    # the rows are the model's variables, not groups the figures are about
    assert all(b == {} for *_, u, _, _, b in facts(matcher, document(t, year=2030)) if u in ("koefficient", "standardfel"))


class Walks(tuple):
    """A document's blocks that count how often something walks through all of them."""

    def __iter__(self):
        self.walks = getattr(self, "walks", 0) + 1
        return super().__iter__()


def report_of(n_tables: int) -> Document:
    """n_tables tables, each with a legend and a lead-in paragraph above it and a paragraph citing it."""
    blocks, tables = [], []
    for k in range(n_tables):
        line = 30 * k + 10
        blocks += [Block(f"t:b{3 * k}", "t", 3 * k, "paragraph", ("Resultat",), f"Antalet möten ökade, se tabell {k + 1}.", line_start=line),
                   Block(f"t:b{3 * k + 1}", "t", 3 * k + 1, "paragraph", ("Resultat",), "SP=Sjukpenning", line_start=line + 2),
                   Block(f"t:b{3 * k + 2}", "t", 3 * k + 2, "paragraph", ("Resultat",), "Tabellen visar mötena per förmån.", line_start=line + 4)]
        tables.append(replace(table([["", "2021"], ["SP", "1 633"]], f"Tabell {k + 1} Omställningsmöten", number=k + 1, line=line + 6),
                              id=f"t:t{k}", index=k, label=str(k + 1)))
    return replace(document(*tables, blocks=blocks), blocks=Walks(blocks))


def test_a_long_report_is_not_walked_through_once_per_table(matcher):
    """The legend, the lead-in, the quoted units and the citing sentences of each table are looked up
    in an index of the document (nlp.nearby), not found by walking every block for every table: a
    report of n tables cost n² (a 4 MB text with 324 tables spent 31 of 187 s citing them)."""
    walks = []
    for n in (4, 40):
        doc = report_of(n)
        got = extract_table_facts(doc, matcher)
        assert len(got) == n and all(f.breakdown == (("forman", "sjukpenning"),) for f in got)
        walks.append(doc.blocks.walks)
    assert walks[0] == walks[1]
