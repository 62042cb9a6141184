"""Fuzz the OpenAPI schema with schemathesis, in-process against the ASGI app.

Every operation gets generated parameters, valid (positive) and invalid (negative); every
response must be no 5xx, must have a documented status and content type, and must match
its schema (schemathesis' default checks in `call_and_validate`). The examples per operation
are bounded so the whole file runs in well under a minute.

Why not `schema.parametrize()`: schemathesis' pytest plugin does not run under pytest 9 yet
('Function' object has no attribute '_nodeid'), so each operation's hypothesis strategy is
driven here directly; the checks are the same.
"""
from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode

MAX_EXAMPLES = 50
OPERATIONS = ["/ask", "/search", "/facts", "/series/{measure}", "/measures", "/documents", "/documents/{doc_id}",
              "/inconsistencies", "/health"]
# Operations with a parameter that can be made invalid (any string is a valid document id; /health has none)
NEGATABLE = [op for op in OPERATIONS if op not in ("/documents/{doc_id}", "/health")]
CASES = [(op, GenerationMode.POSITIVE) for op in OPERATIONS] + [(op, GenerationMode.NEGATIVE) for op in NEGATABLE]


@pytest.fixture(scope="module")
def api_schema(corpus_app):
    return schemathesis.openapi.from_asgi("/openapi.json", corpus_app)


def test_every_operation_is_fuzzed(api_schema):
    """A new endpoint must be added to OPERATIONS (the page images belong to tests/api/test_pages.py)."""
    documented = {path for path in api_schema.raw_schema["paths"] if not path.endswith(".png")}
    assert documented == set(OPERATIONS)


@pytest.mark.parametrize("path, mode", CASES, ids=[f"{op}-{mode.value}" for op, mode in CASES])
def test_operation_conforms(api_schema, path, mode):
    operation = api_schema[path]["GET"]

    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(max_examples=MAX_EXAMPLES, deadline=None, derandomize=True, database=None,
              suppress_health_check=list(HealthCheck))
    def fuzz(case):
        case.call_and_validate()

    fuzz()
