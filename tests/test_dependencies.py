"""Every package the code imports is declared in pyproject.toml, and every declared one is used.

An undeclared import works here (something else pulled it in) and breaks on a user's fresh
install; a declared package nobody uses is weight every install carries.
"""
from __future__ import annotations

import ast
import importlib.metadata
import re
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("api", "ingest", "nlp")
# declared, used without an import of its own name
USED_WITHOUT_IMPORT = {
    "spacy-lookups-data": "spaCy's Swedish lemma tables, read by spaCy (nlp/pipeline.py)",
    "hunspell-sv": "the Swedish dictionary spylls reads (nlp/compounds.py)",
    "pyarrow": "pandas' parquet engine (rapportkoll export --format parquet)",
}


def imported_modules() -> set[str]:
    mods = set()
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Import):
                    mods.update(a.name.split(".")[0] for a in node.names)
                elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                    mods.add(node.module.split(".")[0])
    return {m for m in mods if m not in sys.stdlib_module_names and m not in PACKAGES}


def normalised(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def declared() -> set[str]:
    deps = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]
    return {normalised(re.split(r"[<>=!~ \[;]", d, maxsplit=1)[0]) for d in deps}


def test_every_imported_package_is_declared_and_every_declared_one_used():
    distributions = importlib.metadata.packages_distributions()
    used = set()
    for module in imported_modules():
        names = distributions.get(module)
        assert names, f"{module} is imported but installed by no distribution"
        used.update(normalised(n) for n in names)
    missing = used - declared()
    assert not missing, f"imported but not declared in pyproject.toml: {sorted(missing)}"
    unused = declared() - used - set(USED_WITHOUT_IMPORT)
    assert not unused, f"declared but never imported: {sorted(unused)}"


def test_one_snowball_stemmer():
    """The stemmer is loaded in one place (nlp/stemmer.py), from one package."""
    hits = [str(p.relative_to(ROOT)) for package in PACKAGES for p in (ROOT / package).rglob("*.py")
            if re.search(r"^\s*(import|from) (Stemmer|snowballstemmer)\b", p.read_text(encoding="utf-8"), re.M)]
    assert hits == ["nlp/stemmer.py"]
