"""The web page: index.html at `/` and its files under `/static/`, all from api/http/static/.

Everything the page needs is in the repository (no CDN), so it works offline. The page
itself only calls the JSON endpoints, with paths relative to where it is served.
"""
from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles

STATIC_DIR = Path(__file__).with_name("static")


def register_web_routes(app: FastAPI) -> None:
    """Serve the single-page UI at `/` and its scripts and styles at `/static/`."""

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        # no-cache: the page is tiny and must match the API of the server that serves it
        return FileResponse(STATIC_DIR / "index.html", media_type="text/html", headers={"Cache-Control": "no-cache"})

    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
