"""nlp/sv/english.py: the English summary a Swedish report ends with, read with English digits."""
from __future__ import annotations

from nlp.components.merge_numbers import find_numerals
from nlp.sv.english import is_english, parse_english_number


def test_english_running_text_is_told_from_swedish():
    assert is_english("In the first half of 2046, the agencies carried out 6,214 joint assessments, an increase of 12 per cent.")
    assert not is_english("Under första halvåret 2046 genomförde myndigheterna 6 214 gemensamma kartläggningar, 12 procent fler.")
    assert not is_english("Tabell 3 Anslag per år, tkr")


def test_english_digits():
    assert parse_english_number("6,214") == 6214
    assert parse_english_number("71.2") == 71.2
    assert parse_english_number("11,318.5") == 11318.5
    assert parse_english_number("6 214") is None


def test_numbers_of_an_english_sentence_are_read_the_english_way():
    text = "Of the SEK 742 million allocated, SEK 356.2 million had been used, and 4,316 people took part in the measure."
    assert [n.value for _, _, n in find_numerals(text)] == [742, 356.2, 4316]
    # the same digits in Swedish text keep their Swedish reading
    assert [n.value for _, _, n in find_numerals("Andelen var 4,316 procent och 356,2 miljoner kronor användes.")] == [4.316, 356.2]


def test_an_english_summary_gives_figures_with_units(nlp, catalogue):
    from ingest.records import DocumentMetadata
    from ingest.text_reader import read_text
    from nlp.extract import extract_facts

    text = ("Sammanfattning\n\nUnder 2046 genomfördes 6 214 kartläggningar.\n\nSummary\n\n"
            "In 2046 the agencies carried out 6,214 joint assessments, and 71.2 per cent of the people were women. "
            "Of the SEK 742 million that was allocated, 48 per cent had been used by 30 June 2046.\n")
    facts = extract_facts(read_text("e.txt", "e", DocumentMetadata(reporting_year=2046), "0", text=text), nlp, catalogue)
    got = {(f.value, f.unit) for f in facts}
    assert {(6214, "antal"), (71.2, "procent"), (742e6, "kronor"), (48, "procent")} <= got
    assert not any(f.value == 30 for f in facts)  # "30 June 2046" is a date
