"""Run the notebooks top to bottom and save them with their outputs, so the tables and plots show
on GitHub without running anything.

    make notebooks        (or: python notebooks/execute.py [NOTEBOOK ...])

They read ./rapportkoll.db (each notebook builds it from corpus/ first when it is missing) and
write their files to notebooks/out/. tests/test_notebooks.py runs them the same way on a fresh
build, so what is saved here is what a reader gets.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def execute(path: Path) -> None:
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    NotebookClient(nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(HERE)}}).execute()
    nbformat.write(nb, path)
    print(f"körde {path.name}", file=sys.stderr)


def main(names: list[str]) -> None:
    # relative to notebooks/, so the saved outputs name no folder of this machine
    os.environ.setdefault("RAPPORTKOLL_DB", "../rapportkoll.db")
    os.environ.setdefault("RAPPORTKOLL_OUT", "out")
    for name in names or sorted(p.name for p in HERE.glob("*.ipynb")):
        execute(HERE / Path(name).name)


if __name__ == "__main__":
    main(sys.argv[1:])
