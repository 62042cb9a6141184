"""Shared fixtures: the corpus folder and its documents read once per session."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
TEST_DATA = ROOT / "tests" / "data"


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    return CORPUS


@pytest.fixture(scope="session")
def corpus_docs():
    """Every corpus report read by ingest.reader, keyed by document id."""
    from ingest.reader import iter_report_files, read_path

    docs = {}
    for path in iter_report_files([CORPUS]):
        doc = read_path(path)
        docs[doc.id] = doc
    return docs
