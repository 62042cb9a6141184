"""Facts from a report published as a web page carry the page's own line numbers."""
from __future__ import annotations

from pathlib import Path

from ingest.reader import read_path
from nlp.extract import extract_facts

PAGE = Path(__file__).parents[1] / "data" / "html" / "uppfoljning-2031.html"


def test_facts_of_a_web_page_in_prose_lists_and_tables(nlp, catalogue):
    facts = {(f.line, f.printed): f for f in extract_facts(read_path(PAGE), nlp, catalogue)}
    assert facts[(11, "5 210")].measure == "gemensamma_kartlaggningar_antal" and facts[(11, "5 210")].period == "2031"
    assert (12, "312") in facts  # the second line of a wrapped <p>
    assert facts[(13, "38 procent")].unit == "procent"
    assert (16, "1\xa0944") in facts  # an <li>
    cell = facts[(28, "3 202")]
    assert cell.kind == "table" and cell.period == "2031" and dict(cell.breakdown) == {"kon": "kvinnor"}
    assert facts[(27, "4 898")].period == "2030" and dict(facts[(27, "4 898")].breakdown) == {}
    # nothing from the page's head, scripts, menu or comments
    assert not {f.printed for f in facts.values()} & {"4711", "9999", "2019"}
