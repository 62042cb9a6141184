"""The scale benchmark's generated reports: new figures, the years and the wording kept."""
from __future__ import annotations

from benchmarks.scale_corpus import shifted, write_reports


def test_figures_move_and_years_stay():
    text = "Under 2019 genomfördes 8 662 kartläggningar (8 638 2018), 45 procent och 1,5 mnkr."
    out = shifted(text, 3)
    assert out == "Under 2019 genomfördes 8 666 kartläggningar (8 642 2018), 49 procent och 1,5 mnkr."
    assert shifted(text, 4) != out  # another copy, other figures


def test_every_copy_is_a_new_document(corpus_dir, tmp_path):
    made = write_reports(corpus_dir, tmp_path, 6)
    assert len(made) == 6 and len({p.read_bytes() for p in made}) == 6
    assert len({p.name for p in made}) == 6
