"""The notebooks run top to bottom on a fresh build, so they cannot rot.

Each notebook builds the KB itself when the file RAPPORTKOLL_DB names does not exist. The
first notebook here gets a path with nothing there (the fresh-clone case) and builds it; the
second finds it built. Executed copies are written to tests/out/notebooks/ for a look.
"""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
EXECUTED = ROOT / "tests" / "out" / "notebooks"


@pytest.fixture(scope="module")
def fresh_db(tmp_path_factory) -> Path:
    """Where the notebooks keep their KB; nothing is there until the first notebook builds it."""
    return tmp_path_factory.mktemp("notebooks") / "rapportkoll.db"


def run_notebook(name: str, db: Path, out: Path, monkeypatch) -> "object":
    import nbformat
    from nbclient import NotebookClient

    monkeypatch.setenv("RAPPORTKOLL_DB", str(db))
    monkeypatch.setenv("RAPPORTKOLL_OUT", str(out))
    nb = nbformat.read(NOTEBOOKS / name, as_version=4)
    NotebookClient(nb, timeout=180, kernel_name="python3", resources={"metadata": {"path": str(NOTEBOOKS)}}).execute()
    EXECUTED.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, EXECUTED / name)
    return nb


def outputs_text(nb) -> str:
    parts = []
    for cell in nb.cells:
        for o in cell.get("outputs", []):
            parts.append(o.get("text", ""))
            parts.extend(str(v) for k, v in o.get("data", {}).items() if k.startswith("text/"))
    return "\n".join(parts)


def images(nb) -> int:
    return sum("image/png" in o.get("data", {}) for cell in nb.cells for o in cell.get("outputs", []))


def test_researcher_builds_the_kb_plots_every_vintage_and_exports_csv(fresh_db, tmp_path, monkeypatch):
    assert not fresh_db.exists()
    nb = run_notebook("researcher.ipynb", fresh_db, tmp_path, monkeypatch)
    text = outputs_text(nb)
    assert fresh_db.exists() and "byggde" in text
    assert images(nb) == 2  # the vintage chart and the one by kön
    assert "kvinnor" in text and "män" in text
    csv = tmp_path / "gemensamma_kartlaggningar_antal.csv"
    lines = csv.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("measure,measure_label,unit,period")
    assert any(line.split(",")[3] == "2018" for line in lines[1:])
    assert "af-fk-2019" in text and "af-fk-2022" in text  # two vintages of the same years


def test_auditor_tabulates_findings_and_quotes_the_top_errors(fresh_db, tmp_path, monkeypatch):
    built_before = fresh_db.exists()  # by the researcher notebook, unless this test runs alone
    nb = run_notebook("auditor.ipynb", fresh_db, tmp_path, monkeypatch)
    text = outputs_text(nb)
    assert ("byggde" in text) is not built_before
    assert "restatement" in text and "error" in text
    assert "Förväntat" in text and "citat" in text
    assert (tmp_path / "avvikelser.csv").read_text(encoding="utf-8").startswith("rank,id,type,severity")


@pytest.mark.parametrize("name, charts", [("researcher.ipynb", 2), ("auditor.ipynb", 0)])
def test_committed_notebooks_keep_their_outputs(name, charts):
    """Saved with their outputs (`make notebooks`), so tables and plots show on GitHub unrun."""
    import nbformat

    nb = nbformat.read(NOTEBOOKS / name, as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert all(c.get("execution_count") for c in code), "a cell was not run: make notebooks"
    assert all(c.get("outputs") for c in code), "a cell has no output: make notebooks"
    assert not [o for c in code for o in c.outputs if o.output_type == "error"]
    assert images(nb) == charts
    assert "/tmp/" not in outputs_text(nb) and "/home/" not in outputs_text(nb)  # no path of the machine that ran them
