"""api/build.py: build_kb reports how far fact extraction has come."""
from __future__ import annotations

from pathlib import Path

from api.build import build_kb
from ingest.reader import read_path
from nlp.extract import parts


class Recorder:
    def __init__(self, log: list, label: str, total: int):
        self.log, self.label, self.total, self.done, self.closed = log, label, total, 0, False
        log.append(self)

    def update(self, n: int = 1) -> None:
        assert not self.closed
        self.done += n

    def close(self) -> None:
        self.closed = True


def test_fact_extraction_reports_each_passage_and_table(tmp_path: Path):
    """issue 15: a 50 MB report's extraction ran for minutes with nothing shown. Each text passage and
    table read is one step of a bar whose total is known before the first."""
    path = tmp_path / "rapport-2021.md"
    path.write_text("# Resultat\n\nUnder 2021 hölls 1 633 omställningsmöten, se tabell 1.\n\nTabell 1 Omställningsmöten 2021\n\n"
                    "| Förmån | Antal |\n|---|---|\n| Sjukpenning | 1 200 |\n| Aktivitetsersättning | 433 |\n", encoding="utf-8")
    bars: list[Recorder] = []
    report = build_kb([path], tmp_path / "kb.db", with_index=False, progress=lambda label, total: Recorder(bars, label, total))
    assert report.facts == 3
    assert [(b.label, b.total, b.done, b.closed) for b in bars] == [("fakta", parts(read_path(path)), parts(read_path(path)), True)]
