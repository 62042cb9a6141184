"""Imports run one way: api -> nlp -> ingest. A backwards import fails here."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FORBIDDEN = {"ingest": {"nlp", "api"}, "nlp": {"api"}, "api": set()}


# Swedish language data (word lists and patterns, standard library only) lives once in nlp/sv/;
# the readers in ingest/ need the same caption, note and unit words, so they may import it.
SHARED_DATA = "nlp.sv"


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module)
    return names


def imported_packages(path: Path) -> set[str]:
    return {name.split(".")[0] for name in imported_modules(path)
            if not (name == SHARED_DATA or name.startswith(SHARED_DATA + "."))}


def test_swedish_data_imports_only_the_standard_library():
    import sys

    for path in sorted((ROOT / "nlp" / "sv").glob("*.py")):
        for name in imported_modules(path):
            top = name.split(".")[0]
            assert top in sys.stdlib_module_names or name.startswith(SHARED_DATA) or top == "__future__", (path, name)


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
