"""The `rapportkoll` command (console entry point `api.cli:cli`).

Exit codes: 0 all went well; 1 it ran but something failed (a file that would not ingest,
reported after the batch) or a one-sentence error; 2 wrong usage.

    base.py      the click group, the help settings and the --db option every command shares
    commands.py  ingest, documents, show, build, facts, export, series, measures, check
    serve.py     ask and serve, the commands that load the search index or the HTTP side

The command modules take the group from base.py and never import each other; importing this
package registers them all.
"""
from __future__ import annotations

from . import commands, serve  # noqa: F401 - each registers its commands on the group
from .base import cli


def main() -> None:  # pragma: no cover - console entry point
    cli()


__all__ = ["cli", "main"]
