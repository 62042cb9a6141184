"""api/ is kept by job: a few modules at its top, sub-packages for the rest, no import cycle, SQL in the store.

Imports are read with ast, function-level ones included (a lazy import is still a dependency),
and relative imports are resolved against the importing module's package.
"""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
API = ROOT / "api"
# __init__.py (the KnowledgeBase export) and a handful of modules every face shares
MAX_TOP_MODULES = 6


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for p in sorted(API.rglob("*.py"))}


def imported_api_modules(path: Path, modules: dict[str, Path] = MODULES) -> set[str]:
    """The modules of `modules` (api's by default) that `path` imports: `from .x import y` is api...x, or
    api...x.y when y is a module."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                parts = package.split(".")
                base = ".".join(parts[:len(parts) - (node.level - 1)] + ([node.module] if node.module else []))
            else:
                base = node.module or ""
            for alias in node.names:
                found.add(f"{base}.{alias.name}" if f"{base}.{alias.name}" in modules else base)
    return {m for m in found if m in modules and m != name}


def find_cycle(graph: dict[str, set[str]]) -> list[str]:
    """One cycle of `graph` as a list of nodes (first == last), or [] when there is none."""
    state: dict[str, int] = {}  # 1 on the current path, 2 done
    path: list[str] = []

    def visit(node: str) -> list[str]:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return path[path.index(nxt):] + [nxt]
            if nxt not in state and (cycle := visit(nxt)):
                return cycle
        path.pop()
        state[node] = 2
        return []

    for node in sorted(graph):
        if node not in state and (cycle := visit(node)):
            return cycle
    return []


def module_graph() -> dict[str, set[str]]:
    return {name: imported_api_modules(path) for name, path in MODULES.items()}


def job_of(module: str) -> str:
    """The sub-package a module belongs to (api.search.index -> api.search); a top-level module is its own job."""
    parts = module.split(".")
    return ".".join(parts[:2])


def test_cycle_finder_finds_a_cycle():
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": set()}) == []


def test_no_import_cycle_between_api_modules():
    cycle = find_cycle(module_graph())
    assert not cycle, "import cycle: " + " -> ".join(cycle)


def test_no_import_cycle_between_api_sub_packages():
    """api.cli may use api.http, but then api.http must not use api.cli (a package's own modules aside)."""
    jobs: dict[str, set[str]] = {}
    for name, targets in module_graph().items():
        jobs.setdefault(job_of(name), set()).update(job_of(t) for t in targets if job_of(t) != job_of(name))
    cycle = find_cycle(jobs)
    assert not cycle, "import cycle between sub-packages: " + " -> ".join(cycle)


def test_api_has_a_handful_of_modules_at_its_top():
    top = sorted(p.name for p in API.glob("*.py"))
    assert len(top) <= MAX_TOP_MODULES, f"api/ has {len(top)} modules at its top ({', '.join(top)}); put new ones in a sub-package"


# Modules that own tables of their own or open the KB; every other module asks api/store/ for its rows.
SQL_OWNERS = {"api.build": "the build's bookkeeping (build_inputs, kb_meta)", "api.kb": "open_readonly's check of the tables",
              "api.search.index": "the index's tables (chunks, index_meta, passage_vectors)",
              "api.search.blobs": "the index's arrays in parts (index_blobs)"}


def test_sql_sits_in_the_store_modules():
    for name, path in MODULES.items():
        if name == "api.store" or name.startswith("api.store.") or name in SQL_OWNERS:
            continue
        calls = [node.lineno for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
                 if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                 and node.func.attr in ("execute", "executemany", "executescript")]
        assert not calls, f"{path.relative_to(ROOT)} runs SQL at line(s) {calls}; add a named query to api/store/queries.py"


@pytest.mark.parametrize("package", sorted(p.parent.name for p in API.glob("*/__init__.py")))
def test_every_api_sub_package_is_installed(package: str):
    """A sub-package missing from pyproject's packages list would be left out of a non-editable install."""
    import tomllib

    setuptools = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    assert f"api.{package}" in setuptools["packages"]


# every package of the product: ingest/ and nlp/ read and extract, api/ serves
PACKAGE_MODULES = {module_name(p): p for pkg in ("ingest", "nlp", "api") for p in sorted((ROOT / pkg).rglob("*.py"))}
MAX_MODULE_LINES = 600


def test_no_import_cycle_in_ingest_nlp_and_api():
    graph = {name: imported_api_modules(path, PACKAGE_MODULES) for name, path in PACKAGE_MODULES.items()}
    cycle = find_cycle(graph)
    assert not cycle, "import cycle: " + " -> ".join(cycle)


def test_no_module_is_over_600_lines():
    long = {str(p.relative_to(ROOT)): n for p in PACKAGE_MODULES.values()
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES}
    assert not long, f"split these along the steps they take: {long}"

