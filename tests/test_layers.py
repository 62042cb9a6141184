"""Imports run one way: api -> nlp -> ingest. A backwards import fails here."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FORBIDDEN = {"ingest": {"nlp", "api"}, "nlp": {"api"}, "api": set()}


def imported_packages(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name.split(".")[0] for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


MODULES = [p for pkg in FORBIDDEN for p in sorted((ROOT / pkg).rglob("*.py"))]


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_backwards_import(path: Path):
    package = path.relative_to(ROOT).parts[0]
    bad = imported_packages(path) & FORBIDDEN[package]
    assert not bad, f"{path.relative_to(ROOT)} imports {sorted(bad)}, against the api -> nlp -> ingest direction"


def test_pdfplumber_and_spacy_stay_in_their_layer():
    for path in (ROOT / "api").rglob("*.py"):
        assert not imported_packages(path) & {"pdfplumber", "spacy"}, path
    for path in (ROOT / "ingest").rglob("*.py"):
        assert "spacy" not in imported_packages(path), path
