"""Knowledge bases and apps for the API tests, built once per session (see kb_fixtures.py)."""
from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from kb_fixtures import write_corpus_kb, write_tiny_kb


@pytest.fixture(scope="session")
def tiny_db(tmp_path_factory):
    return write_tiny_kb(tmp_path_factory.mktemp("tiny") / "tiny.db")


@pytest.fixture(scope="session")
def corpus_db(tmp_path_factory):
    return write_corpus_kb(tmp_path_factory.mktemp("corpus") / "corpus.db")


@pytest.fixture(scope="session")
def tiny_app(tiny_db):
    from api.http.app import create_app

    return create_app(tiny_db, load_model=False)


@pytest.fixture(scope="session")
def tiny_client(tiny_app):
    with TestClient(tiny_app) as client:
        yield client


@pytest.fixture(scope="session")
def corpus_app(corpus_db):
    from api.http.app import create_app

    return create_app(corpus_db, load_model=False)


@pytest.fixture(scope="session")
def corpus_client(corpus_app):
    with TestClient(corpus_app) as client:
        yield client


@pytest.fixture(scope="session")
def built_db(tmp_path_factory, corpus_dir):
    """The whole corpus through `build_kb` (lexical index only)."""
    from api.build import build_kb

    path = tmp_path_factory.mktemp("built") / "rapportkoll.db"
    build_kb([corpus_dir], path, with_dense=False)
    return path


@pytest.fixture(scope="session")
def built_client(built_db):
    """The HTTP API over the whole corpus as `build` makes it: more facts than one JSON page holds."""
    from api.http.app import create_app

    with TestClient(create_app(built_db, load_model=False)) as client:
        yield client
