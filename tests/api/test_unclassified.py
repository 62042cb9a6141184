"""`rapportkoll measures --unclassified`: figures no measure claims, grouped by candidate key (issue 21)."""
from __future__ import annotations

import json

from click.testing import CliRunner

from api.cli import cli


def test_unclassified_candidates_are_listed_with_counts(built_db):
    result = CliRunner().invoke(cli, ["measures", "--unclassified", "--db", str(built_db), "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert rows and {"candidate", "unit", "facts", "documents", "docs", "phrase", "example"} <= set(rows[0])
    assert [r["facts"] for r in rows] == sorted((r["facts"] for r in rows), reverse=True)
    keyed = [r for r in rows if r["candidate"]]
    assert keyed and all(r["candidate"].startswith("x_") for r in keyed)
    # every unclassified fact is counted once
    from api.kb import open_readonly

    conn = open_readonly(built_db)
    n = conn.execute("SELECT count(*) FROM facts WHERE measure = 'unclassified'").fetchone()[0]
    assert sum(r["facts"] for r in rows) == n


def test_facts_carry_measure_score_and_candidate(built_db):
    result = CliRunner().invoke(cli, ["facts", "--db", str(built_db), "--format", "jsonl"])
    facts = [json.loads(line) for line in result.output.splitlines() if line.strip()]
    classified = [f for f in facts if f["measure"] != "unclassified"]
    unclassified = [f for f in facts if f["measure"] == "unclassified"]
    assert classified and all(f["measure_score"] > 0 for f in classified)
    assert unclassified and all(f["measure_score"] == 0 for f in unclassified)
    assert all(f["measure_candidate"] == "" for f in classified)
