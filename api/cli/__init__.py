"""The `rapportkoll` command (console entry point `api.cli:main`, which runs the group `cli`).

Exit codes: 0 all went well; 1 it ran but something failed (a file that would not ingest,
reported after the batch) or a one-sentence error; 2 wrong usage.

    base.py      the click group, the help settings and the --db option every command shares
    commands.py  ingest, documents, show, build, facts, export, series, measures, check
    serve.py     ask and serve, the commands that load the search index or the HTTP side

The command modules take the group from base.py and never import each other; importing this
package registers them all.
"""
from __future__ import annotations

import atexit
import os
import sys
from typing import NoReturn

from . import commands, serve  # noqa: F401 - each registers its commands on the group
from .base import cli


def main() -> NoReturn:  # pragma: no cover - the console entry point and `python -m api.cli`
    """Run the command, then end the process without freeing its objects one by one.

    After a build the fact extraction's dictionaries (spaCy's lemma table, hunspell-sv's words)
    are millions of objects, and the interpreter took 3 to 4 s to free them once the work was
    done and the KB in place. Exit handlers still run and output is flushed; only that freeing
    is skipped. Tests call `cli` through click's CliRunner, which this does not touch."""
    try:
        cli()
        code: object = 0
    except SystemExit as exc:  # click ends every command so, with the exit code
        code = exc.code
    if isinstance(code, str):
        print(code, file=sys.stderr)
    atexit._run_exitfuncs()  # logging, multiprocessing and executors finish as at a normal exit
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code if isinstance(code, int) else 0 if code is None else 1)


__all__ = ["cli", "main"]
