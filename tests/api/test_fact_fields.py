"""A fact's fields are defined once, by nlp.records.Fact: the table, the JSON and the OpenAPI model follow it."""
from __future__ import annotations

from api.http.models import FactRow
from api.store.queries import FACT_FIELDS
from api.store.tidy import PERIOD_COLUMNS
from nlp.store import BREAKDOWN_COLUMNS, FACT_COLUMN_NAMES, STORED_FACT_FIELDS
from nlp.sv.breakdowns import DEFAULT_BREAKDOWN_KEYS

# The public contract: a fact's JSON keys in this order (GET /facts, `rapportkoll facts --format json`).
JSON_KEYS = (
    "id", "doc", "source_file", "measure", "measure_label", "period", "breakdown", "value", "unit", "qualifier",
    "kind", "page", "page_label", "line", "section", "quote", "printed", "scale", "cell", "block", "phrase",
    "period_source", "published", "reporting_year", "measure_score", "measure_candidate", "qualifier_word",
    "period_part",
)


def test_the_breakdown_columns_are_the_default_breakdown_keys():
    assert BREAKDOWN_COLUMNS == DEFAULT_BREAKDOWN_KEYS


def test_every_stored_fact_field_is_a_column_a_json_key_and_a_field_of_the_openapi_model():
    stored = [f.name for f in STORED_FACT_FIELDS]
    assert set(stored) <= set(FACT_COLUMN_NAMES)
    assert set(stored) <= set(FACT_FIELDS)
    assert list(FactRow.model_fields) == [*FACT_FIELDS, *BREAKDOWN_COLUMNS, *PERIOD_COLUMNS]


def test_the_json_keys_keep_their_order():
    assert FACT_FIELDS == JSON_KEYS
