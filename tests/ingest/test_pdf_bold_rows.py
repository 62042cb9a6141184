"""A ruled PDF table's header is its leading rows set in bold, not a bold total row right under it: a Word
template may print the header and the "Samtliga" row first, both in bold (the seventh batch's internrevision)."""
from __future__ import annotations

from ingest.pdf_tables import CellDraft, _bold_header_rows


def row(*cells: str, bold: bool) -> list[CellDraft]:
    return [CellDraft(text=c, bold=bold) for c in cells]


def test_a_bold_total_row_under_the_bold_header_is_data():
    rows = [row("Förmån", "Kartläggningar", "Andel (%)", bold=True),
            row("Samtliga", "11 400", "73,0", bold=True),
            row("Sjukpenning", "8 892", "74,0", bold=False)]
    assert _bold_header_rows(rows) == 1


def test_two_bold_header_rows_of_words_and_years_are_both_header():
    rows = [row("", "Kvinnor", "", bold=True),
            row("Förmån", "2034", "2035", bold=True),
            row("Sjukpenning", "8 892", "9 010", bold=False)]
    assert _bold_header_rows(rows) == 2


def test_a_table_of_words_all_in_bold_has_no_bold_header():
    rows = [row("Rekommendation", "Ansvarig", bold=True), row("Följ upp kallelserna", "Avdelningschef", bold=True)]
    assert _bold_header_rows(rows) == 0
