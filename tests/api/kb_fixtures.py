"""Knowledge bases for the API tests, built in code (as datasette's tests/fixtures.py does).

- `write_tiny_kb`: one made-up report, two measures, four facts, one finding: small enough
  that the CSV tests compare whole text.
- `write_corpus_kb`: the real corpus ingested, the real catalogue, a lexical index, and a
  handful of facts written by hand from the reports (line numbers as in corpus/), so the
  answering tests do not wait on the extraction stage.

Run as a script to write them out for a look: `python tests/api/kb_fixtures.py tiny.db corpus.db`.
"""
from __future__ import annotations

import sys
from pathlib import Path

from ingest import store as ingest_store
from ingest.records import Block, Document, DocumentMetadata, Table, TableCell
from nlp import store as nlp_store
from nlp.records import Fact, Finding, FindingFact, Measure

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "corpus"

TINY_MEASURES = [
    Measure(key="moten_antal", label="Antal möten", unit="antal", definition="Antal möten under året.",
            lemmas=("möte",), phrases=("antal möten",), synonyms=("möten",), breakdowns=("kon",)),
    Measure(key="moten_andel", label="Andel med möte", unit="procent", definition="Andel som fått ett möte.",
            denominator="Alla som kunde få ett möte.", counts_of="moten_antal", lemmas=("möte", "andel"),
            phrases=("andel möten",), synonyms=("andel möten",)),
]


def tiny_document() -> Document:
    meta = DocumentMetadata(title="Testrapport om möten", publishers=("Testmyndigheten",), published="2021-03-01",
                            reporting_year=2020, years="2019-2020", kind="återrapport", from_manifest=True)
    blocks = (
        Block(id="tiny:b0", doc="tiny", order=0, kind="heading", section=(), text="Möten", line_start=1, line_end=1),
        Block(id="tiny:b1", doc="tiny", order=1, kind="paragraph", section=("Möten",),
              text="Under 2020 genomfördes 120 möten (100 möten 2019). Av dem var 60 med kvinnor.",
              line_start=3, line_end=3),
    )
    cells = (
        TableCell(table="tiny:t0", row=0, col=0, text="", is_header=True, line=6),
        TableCell(table="tiny:t0", row=0, col=1, text="Antal", is_header=True, line=6),
        TableCell(table="tiny:t0", row=1, col=0, text="2020", row_headers=("2020",), line=7, col_headers=()),
        TableCell(table="tiny:t0", row=1, col=1, text="125", row_headers=("2020",), col_headers=("Antal",), line=7),
    )
    table = Table(id="tiny:t0", doc="tiny", index=0, number=1, caption="Tabell 1 Antal möten", cells=cells,
                  section=("Möten",), line_start=5, line_end=7)
    return Document(id="tiny", source_file="tiny.txt", content_hash="0" * 64, format="text", metadata=meta,
                    line_count=7, blocks=blocks, tables=(table,))


def _fact(fid, doc, source, measure, label, period, value, printed, unit, kind, line, quote, **extra) -> Fact:
    breakdown = tuple(sorted(extra.pop("breakdown", {}).items()))
    return Fact(id=fid, doc=doc, source_file=source, measure=measure, measure_label=label, period=period,
                breakdown=breakdown, value=value, printed=printed, unit=unit, kind=kind, line=line, quote=quote, **extra)


TINY_FACTS = [
    _fact("tiny:f1", "tiny", "tiny.txt", "moten_antal", "Antal möten", "2020", 120, "120", "antal", "body", 3,
          "Under 2020 genomfördes 120 möten (100 möten 2019).", block="tiny:b1"),
    _fact("tiny:f2", "tiny", "tiny.txt", "moten_antal", "Antal möten", "2019", 100, "100", "antal", "body", 3,
          "Under 2020 genomfördes 120 möten (100 möten 2019).", block="tiny:b1"),
    _fact("tiny:f3", "tiny", "tiny.txt", "moten_antal", "Antal möten", "2020", 60, "60", "antal", "body", 3,
          "Av dem var 60 med kvinnor.", block="tiny:b1", breakdown={"kon": "kvinnor"}),
    _fact("tiny:f4", "tiny", "tiny.txt", "moten_antal", "Antal möten", "2020", 125, "125", "antal", "table", 7,
          "Tabell 1 Antal möten | 2020 | Antal: 125", cell="tiny:t0:r1c1"),
]

TINY_FINDINGS = [
    Finding(id="text_vs_table:moten_antal:2020", type="text_vs_table", severity="error", measure="moten_antal",
            period="2020", breakdown=(),
            facts=(FindingFact(doc="tiny", source_file="tiny.txt", value=120, page=None, quote="Under 2020 genomfördes 120 möten",
                               fact="tiny:f1", line=3),
                   FindingFact(doc="tiny", source_file="tiny.txt", value=125, page=None, quote="2020 | Antal: 125",
                               fact="tiny:f4", line=7)),
            expected="120", found="125", explanation="Texten och tabellen anger olika antal för 2020.", score=1.0),
]


def write_tiny_kb(path: Path, with_index: bool = True) -> Path:
    doc = tiny_document()
    with ingest_store.building(path) as conn:
        ingest_store.save_document(conn, doc)
        nlp_store.save_measures(conn, TINY_MEASURES)
        nlp_store.save_facts(conn, TINY_FACTS, {"tiny": ("2021-03-01", 2020)})
        nlp_store.save_findings(conn, TINY_FINDINGS)
        if with_index:
            _save_index(conn, [doc])
        conn.execute("INSERT OR REPLACE INTO kb_meta VALUES ('built_at', '2021-03-01 12:00:00')")
    return path


def _save_index(conn, docs) -> None:
    from api.search.index import build_index, save_index

    save_index(conn, build_index(docs, None))


# -- the real corpus, with facts written by hand ----------------------------------------------

F19, F22 = ("af-fk-2019", "af-fk-aterrapport-2019.txt"), ("af-fk-2022", "af-fk-aterrapport-2022.txt")
GK, GK_LABEL = "gemensamma_kartlaggningar_antal", "Antal gemensamma kartläggningar"
OM, OM_LABEL = "omstallningsmoten_antal", "Antal omställningsmöten"
OMA, OMA_LABEL = "omstallningsmoten_andel", "Andel omställningsmöten av avslag"
L65 = ("Under 2019 har myndigheterna genomfört 8 662 gemensamma kartläggningar tillsammans med kvinnor och män som är "
       "sjukskrivna eller har aktivitetsersättning (8 638 kartläggningar 2018).")
L69 = "Under året har totalt 4 647 omställningsmöten genomförts (3 109 möten 2018)."

CORPUS_FACTS = [
    _fact("af-fk-2019:f1", *F19, GK, GK_LABEL, "2019", 8662, "8 662", "antal", "summary", 65, L65),
    _fact("af-fk-2019:f2", *F19, GK, GK_LABEL, "2018", 8638, "8 638", "antal", "summary", 65, L65),
    _fact("af-fk-2019:f3", *F19, GK, GK_LABEL, "2019", 8662, "8 662", "antal", "table", 326, "Tabell 4 | Totalt | Antal: 8 662"),
    _fact("af-fk-2019:f4", *F19, GK, GK_LABEL, "2019", 5369, "5 369", "antal", "table", 327, "Tabell 4 | Kvinnor | Antal: 5 369",
          breakdown={"kon": "kvinnor"}),
    _fact("af-fk-2019:f5", *F19, OM, OM_LABEL, "2019", 4647, "4 647", "antal", "summary", 69, L69),
    _fact("af-fk-2019:f6", *F19, OM, OM_LABEL, "2018", 3109, "3 109", "antal", "summary", 69, L69),
    _fact("af-fk-2019:f7", *F19, OM, OM_LABEL, "2019", 3887, "3 887", "antal", "body", 361,
          "Med individer som inte längre får sjukpenning har 3 887 möten genomförts (2 620 möten 2018).",
          breakdown={"forman": "sjukpenning"}),
    _fact("af-fk-2019:f8", *F19, OMA, OMA_LABEL, "2019", 15, "15 procent", "procent", "body", 416,
          "2019 genomfördes omställningsmöten i cirka 15 procent av fallen där personer inte längre får sjukpenning",
          qualifier="approximate"),
    _fact("af-fk-2022:f1", *F22, GK, GK_LABEL, "2018", 8936, "8936", "antal", "table", 474, "Tabell 2 | 2018 | Totalt: 8936"),
    _fact("af-fk-2022:f2", *F22, GK, GK_LABEL, "2019", 8770, "8770", "antal", "table", 475, "Tabell 2 | 2019 | Totalt: 8770"),
    _fact("af-fk-2022:f3", *F22, GK, GK_LABEL, "2018", 5467, "5467", "antal", "table", 474, "Tabell 2 | 2018 | Kvinnor: 5467",
          breakdown={"kon": "kvinnor"}),
    _fact("af-fk-2022:f4", *F22, OM, OM_LABEL, "2022", 1199, "1199", "antal", "table", 555, "Tabell 6 | 2022 | Ja: 1199"),
    _fact("af-fk-2022:f5", *F22, OM, OM_LABEL, "2019", 3266, "3266", "antal", "table", 552, "Tabell 6 | 2019 | Ja: 3266"),
    _fact("af-fk-2022:f6", *F22, OMA, OMA_LABEL, "2019", 7.9, "7,9%", "procent", "table", 552, "Tabell 6 | 2019 | Andel totalt: 7,9%"),
]

CORPUS_FINDINGS = [
    Finding(id="restatement:gemensamma_kartlaggningar_antal:2018", type="restatement", severity="error", measure=GK,
            period="2018", breakdown=(),
            facts=(FindingFact(doc=F19[0], source_file=F19[1], value=8638, page=None, quote=L65, fact="af-fk-2019:f2", line=65,
                               published="2020-05-08"),
                   FindingFact(doc=F22[0], source_file=F22[1], value=8936, page=None, quote="2018 | Totalt: 8936",
                               fact="af-fk-2022:f1", line=474, published="2023-04-14")),
            expected="8 638", found="8 936",
            explanation="Årsrapporten för 2022 anger ett annat antal för 2018 än återrapporten för 2019.", score=1.0),
]


def write_corpus_kb(path: Path, with_index: bool = True) -> Path:
    from ingest.reader import iter_report_files, read_path
    from nlp.measures import load_catalogue

    docs = [read_path(p) for p in iter_report_files([CORPUS])]
    meta = {d.id: (d.metadata.published, d.metadata.reporting_year) for d in docs}
    with ingest_store.building(path) as conn:
        for d in docs:
            ingest_store.save_document(conn, d)
        nlp_store.save_measures(conn, load_catalogue())
        nlp_store.save_facts(conn, CORPUS_FACTS, meta)
        nlp_store.save_findings(conn, CORPUS_FINDINGS)
        if with_index:
            _save_index(conn, docs)
    return path


if __name__ == "__main__":  # pragma: no cover - a helper for looking at the fixtures
    tiny, corpus = (Path(a) for a in (sys.argv[1:3] if len(sys.argv) > 2 else ("tiny.db", "corpus.db")))
    write_tiny_kb(tiny)
    write_corpus_kb(corpus)
    print(f"wrote {tiny} and {corpus}")
