"""nlp/checks/evidence.py: the figures that bear out one side of a disagreement, looked up once per run."""
from __future__ import annotations

from nlp.checks import run_checks
from nlp.checks.evidence import FactGroups, sum_of_parts


class Walks(list):
    """A run's facts that count how often something walks through all of them."""

    def __iter__(self):
        self.walks = getattr(self, "walks", 0) + 1
        return super().__iter__()


def test_the_parts_are_found_in_the_groups_as_in_the_facts(fact):
    total = fact(1633, measure="m", period="2022", doc="r", kind="summary", line=5)
    parts = [fact(v, measure="m", period="2022", doc="r", kind=kind, line=line, breakdown=(("forman", k),))
             for v, k, kind, line in ((1199, "sjukpenning", "body", 30), (164, "aktivitetsersättning", "table", 90),
                                      (270, "sjukersättning", "body", 31), (999, "sjukpenning", "table", 91))]
    other = [fact(5, measure="m", period="2021", doc="r", breakdown=(("forman", "sjukpenning"),)),
             fact(7, measure="m", period="2022", doc="s", breakdown=(("forman", "sjukersättning"),))]
    facts = [total, *other, *parts]
    # tables first, then by line: the table's 999 is sjukpenning's part, not the body's 1 199
    assert [p.value for p in sum_of_parts(total, facts)] == [164.0, 999.0, 270.0]
    assert sum_of_parts(total, facts, FactGroups.of(facts)) == sum_of_parts(total, facts)


def test_a_long_report_is_not_walked_through_once_per_side_of_each_disagreement(fact, context, flat):
    """Which side the report's other figures bear out is looked up in the run's facts grouped once:
    sorting and scanning every fact for each side made a long report's checks cost disagreements × facts."""
    walks = []
    for n in (3, 30):
        facts = Walks(f for k in range(n) for f in (
            fact(100 + k, measure=f"matt_{k}", doc="r", kind="summary", line=10 + k),
            fact(200 + k, measure=f"matt_{k}", doc="r", kind="body", line=10 + n + k),
            fact(200 + k, measure=f"matt_{k}", doc="s", kind="body", line=10 + k)))
        found = run_checks(facts, context(), types=["summary_vs_body"])
        assert sorted(flat(found)) == sorted(("summary_vs_body", "error", f"matt_{k}", "2019") for k in range(n))
        assert all("samma värde på andra ställen" in f.explanation for f in found)
        walks.append(facts.walks)
    assert walks[0] == walks[1]
