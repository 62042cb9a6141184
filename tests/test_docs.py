"""Documentation that tests guard: finding types, measures, HTTP endpoints."""
from __future__ import annotations

from pathlib import Path

import pytest

from nlp.checks import CHECKS
from nlp.measures import load_catalogue

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("type_", sorted(CHECKS))
def test_every_finding_type_is_documented(type_):
    text = (ROOT / "docs" / "audit.md").read_text(encoding="utf-8")
    assert f"| `{type_}` | {CHECKS[type_].title} |" in text


def test_every_measure_has_a_label_unit_and_definition():
    for m in load_catalogue():
        assert m.label and m.unit and len(m.definition) > 20, m.key
        if m.unit == "procent":
            assert m.denominator or "andel" in m.definition.lower() or "av " in m.definition, m.key


@pytest.mark.parametrize("path", ["/ask", "/search", "/facts", "/series/{measure}", "/measures", "/documents",
                                  "/documents/{id}", "/inconsistencies", "/health"])
def test_every_endpoint_is_in_the_http_docs(path):
    text = (ROOT / "docs" / "http-api.md").read_text(encoding="utf-8")
    assert path.split("{")[0].rstrip("/") in text
