"""The web page's files: served at / and /static/, and nothing in them reaches outside the server.

The browser tests (tests/browser, `-m browser`) drive the page itself; these checks need no
browser and guard the offline promise on every run.
"""
from __future__ import annotations

import re

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from api.http.web import STATIC_DIR, register_web_routes

STATIC_FILES = sorted(p for p in STATIC_DIR.iterdir() if p.suffix in (".html", ".js", ".css"))


@pytest.fixture(scope="module")
def client():
    app = FastAPI()
    register_web_routes(app)
    return TestClient(app)


def test_index_is_served_at_root(client):
    response = client.get("/")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert '<html lang="sv">' in response.text
    assert 'src="static/app.js"' in response.text


@pytest.mark.parametrize("path", [p.name for p in STATIC_FILES if p.suffix != ".html"])
def test_every_script_and_style_is_served(client, path):
    response = client.get(f"/static/{path}")
    assert response.status_code == 200
    assert response.text == (STATIC_DIR / path).read_text(encoding="utf-8")


@pytest.mark.parametrize("path", STATIC_FILES, ids=lambda p: p.name)
def test_nothing_is_loaded_from_outside(path):
    text = path.read_text(encoding="utf-8")
    # the only absolute URL allowed is the SVG namespace, which is a name, not a request
    urls = [u for u in re.findall(r"https?://[^\s\"'`)]+", text) if u != "http://www.w3.org/2000/svg"]
    assert urls == []


def test_every_module_import_exists():
    for path in STATIC_DIR.glob("*.js"):
        for name in re.findall(r'from "\./([\w.-]+)"', path.read_text(encoding="utf-8")):
            assert (STATIC_DIR / name).is_file(), f"{path.name} imports missing {name}"
