"""api/build.py: build_kb reports how far fact extraction and the checks have come."""
from __future__ import annotations

from pathlib import Path

from api.build import build_kb
from nlp.checks import CHECKS
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


def report_with_a_table(path: Path) -> Path:
    path.write_text("# Resultat\n\nUnder 2021 hölls 1 633 omställningsmöten, se tabell 1.\n\nTabell 1 Omställningsmöten 2021\n\n"
                    "| Förmån | Antal |\n|---|---|\n| Sjukpenning | 1 200 |\n| Aktivitetsersättning | 433 |\n", encoding="utf-8")
    return path


def test_fact_extraction_and_checks_report_their_steps(tmp_path: Path):
    """issue 15: a 50 MB report's extraction ran for minutes with nothing shown. Each text passage and
    table read is one step of a bar whose total is known before the first; each check run one of another."""
    path = report_with_a_table(tmp_path / "rapport-2021.md")
    bars: list[Recorder] = []
    report = build_kb([path], tmp_path / "kb.db", with_index=False, progress=lambda label, total: Recorder(bars, label, total))
    assert report.facts == 3
    n = parts(read_path(path))
    assert [(b.label, b.total, b.done, b.closed) for b in bars] == [("fakta", n, n, True), ("kontroller", len(CHECKS), len(CHECKS), True)]


def test_the_facts_are_let_go_before_the_index_is_built(tmp_path: Path, monkeypatch):
    """A long report's facts (213 000 of a 50 MB one) and what the checks worked out from them are no
    longer held while the index, the build's largest stage in memory, is built beside them."""
    import gc

    import api.search.index
    from nlp.records import Fact

    path = report_with_a_table(tmp_path / "issue15-lang-rapport.md")
    alive = []
    index_chunks = api.search.index.index_chunks

    def counting(chunks, embedder=None, **kwargs):
        gc.collect()
        alive.append(sum(1 for o in gc.get_objects() if type(o) is Fact and o.doc == "issue15-lang-rapport"))
        return index_chunks(chunks, embedder, **kwargs)

    monkeypatch.setattr(api.search.index, "index_chunks", counting)
    report = build_kb([path], tmp_path / "kb.db", with_dense=False)
    assert report.facts == 3 and report.chunks > 0
    assert alive == [0]
