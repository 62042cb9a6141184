"""The `rapportkoll` group and what every command shares: help settings and the --db option.

Kept apart so the command modules (api/cli/commands.py, api/cli/serve.py) each import this one and
not each other.
"""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import click

from ingest import store as ingest_store

CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"], "max_content_width": 100}

db_option = click.option(
    "--db", "db", type=click.Path(dir_okay=False, path_type=Path), default=None,
    help=f"Knowledge base file. Default: ${ingest_store.DB_ENV} or ./{ingest_store.DEFAULT_DB}, so commands run in the "
         "project folder find the KB that `build` wrote.",
)


def _db(db: Optional[Path]) -> Path:
    return db or ingest_store.default_db_path()


@click.group(context_settings=CONTEXT_SETTINGS)
@click.version_option(package_name="rapportkoll")
def cli() -> None:
    """Turn the Arbetsförmedlingen/Försäkringskassan reports into a knowledge base you can query and audit.

    Example:

        rapportkoll build corpus/ && rapportkoll serve
    """


__all__ = ["CONTEXT_SETTINGS", "db_option", "_db", "cli"]
