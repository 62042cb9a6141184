"""Fixtures for the NLP tests: one pipeline and one measure matcher per session.

make_nlp() reads the lookup tables of spacy-lookups-data (about three seconds), so tests
share one pipeline, as spaCy's own tests share `sv_tokenizer`.
"""
from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def nlp():
    from nlp.pipeline import make_nlp

    return make_nlp()


@pytest.fixture(scope="session")
def catalogue():
    from nlp.measures import load_catalogue

    return load_catalogue()


@pytest.fixture(scope="session")
def matcher(nlp, catalogue):
    from nlp.extract import build_matcher

    return build_matcher(nlp, catalogue)


@pytest.fixture(scope="session")
def corpus_facts(corpus_docs, nlp, catalogue):
    """Every corpus report's facts, extracted once per session."""
    from nlp.extract import extract_facts

    return {doc_id: extract_facts(doc, nlp, catalogue) for doc_id, doc in corpus_docs.items()}
