"""nlp/checks/document_index.py: lookups that answer what a scan of the document answers, once per run."""
from __future__ import annotations

from dataclasses import replace

from ingest.records import Footnote
from nlp.checks import run_checks
from nlp.checks.document_index import DocumentIndex, heading_key, nearest_table
from nlp.records import Fact


class Walks(tuple):
    """A document's blocks that count how often something walks through all of them."""

    def __iter__(self):
        self.walks = getattr(self, "walks", 0) + 1
        return super().__iter__()


def test_lookups_answer_as_the_scan_does(document, block, table):
    t0 = table("r", 0, [["", "2021"], ["Kvinnor", "12"]], caption="Tabell 1 Möten", line=20)
    t1 = table("r", 1, [["", "2021"], ["Män", "14"]], caption="Tabell 2 Möten", line=60)
    notes = [Footnote("r:fn1", "r", 1, "Om mötena.", line=30, marker_refs=("r:t0:r1c1",)),
             Footnote("r:fn2", "r", 2, "Utan markör.", line=70),
             Footnote("r:fn3", "r", 3, "Om rubriken.", line=90, marker_refs=("r:b0", "r:t0:r1c1"))]
    blocks = [block("r", 0, "## Resultat", section=(), kind="heading", line=1),
              block("r", 1, "Mötena ökade.", line=5), block("r", 2, "Fler möten.", section=("Annat",), line=40)]
    doc = document("r", "2022-05-01", 2021, blocks=blocks, tables=[t0, t1], footnotes=notes)
    index = DocumentIndex(doc)
    fact = Fact(id="f", doc="r", source_file="r.txt", measure="m", measure_label="", period="2021", breakdown=(), value=12.0,
                printed="12", unit="antal", scale=1.0, qualifier="exact", kind="table", page=None, line=21, quote="",
                cell="r:t0:r1c1")
    assert index.table_of(fact) is t0 and index.table_of(replace(fact, cell=None, block="r:b1")) is None
    assert index.block("r:b2") is blocks[2] and index.block(None) is None and index.footnote("r:fn2") is notes[1]
    assert index.heading_ids({heading_key("Resultat")}) == {"r:b0"}
    assert index.section_blocks(("Resultat",)) == [blocks[1]]
    assert nearest_table(notes[1], doc) is t1
    # marked on the cell (in document order), and the unmarked note nearest the table asked about
    assert [n.number for n in index.notes_marked_on({"r:t0:r1c1"})] == [1, 3]
    assert [n.number for n in index.notes_marked_on({"r:b0"}, t1)] == [2, 3]


def test_a_long_report_is_not_walked_through_once_per_disagreement(fact, document, block, context, flat):
    """Explaining each disagreement looks its figures' blocks, notes and section up in an index of the
    document: a scan of every block for every figure made the checks of a long report cost figures ×
    blocks (a 2 MB text: 38 s, four times that for 4 MB)."""
    walks = []
    for n in (3, 30):
        blocks = [block("r", k, f"Antalet möten var {100 + k} under året.", line=10 + k) for k in range(2 * n)]
        facts = [f for k in range(n) for f in (
            fact(100 + k, measure=f"matt_{k}", doc="r", kind="summary", line=10 + k, block=f"r:b{k}"),
            fact(200 + k, measure=f"matt_{k}", doc="r", kind="body", line=10 + n + k, block=f"r:b{n + k}"))]
        doc = document("r", "2022-05-01", 2021, blocks=blocks)
        doc = replace(doc, blocks=Walks(doc.blocks))
        found = run_checks(facts, context(documents=[doc]))
        assert sorted(flat(found)) == sorted(("summary_vs_body", "error", f"matt_{k}", "2019") for k in range(n))
        walks.append(doc.blocks.walks)
    assert walks[0] == walks[1]
