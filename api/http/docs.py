"""/docs served from this server: the Swagger UI files (5.x, which reads OpenAPI 3.1) come from the
swagger-ui-py package.

FastAPI's default /docs loads Swagger UI from a CDN, so an offline server showed a blank page;
ReDoc (/redoc) likewise, and is left out.
"""
from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

ASSETS = "/docs-assets"


def register_docs(app: FastAPI) -> None:
    """Swagger UI at /docs with its scripts and styles at /docs-assets, from the installed package."""
    import swagger_ui  # swagger-ui-py: the Swagger UI distribution as package data

    app.mount(ASSETS, StaticFiles(directory=Path(swagger_ui.__file__).parent / "static"), name="docs-assets")

    @app.get("/docs", include_in_schema=False)
    async def docs() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url=app.openapi_url or "/openapi.json", title=f"{app.title} – API",
            swagger_js_url=f"{ASSETS}/swagger-ui-bundle.js", swagger_css_url=f"{ASSETS}/swagger-ui.css",
            swagger_favicon_url=f"{ASSETS}/favicon-32x32.png",
        )


__all__ = ["ASSETS", "register_docs"]
