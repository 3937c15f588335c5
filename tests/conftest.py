"""Shared fixtures: one pipeline per test session (the models load once), schema validation."""

from __future__ import annotations

import datetime as dt
import json
from importlib import resources
from typing import Any

import jsonschema
import pytest

from extractor.pipeline import Pipeline

_SCHEMA = json.loads(resources.files("extractor").joinpath("schema.json").read_text(encoding="utf-8"))
_VALIDATOR = jsonschema.Draft202012Validator(_SCHEMA)


def validate(record: dict[str, Any]) -> None:
    """The output contract holds, and every offset points at its text."""
    _VALIDATOR.validate(record)


def check_offsets(text: str, record: dict[str, Any]) -> None:
    spans = []
    for p in record["persons"]:
        spans += p["mentions"] + p["posts"]
    for o in record["organizations"]:
        spans += o["mentions"]
    for loc in record["locations"]:
        spans += loc["mentions"]
    spans += record["percentages"] + record["dates"]
    for s in spans:
        assert text[s["start"] : s["end"]] == s["text"], s


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    return Pipeline()


@pytest.fixture(scope="session")
def extract(pipeline: Pipeline):
    """extract(text, ref=None) -> the JSON record, validated against the schema."""

    def run(text: str, ref: dt.date | None = None) -> dict[str, Any]:
        record = pipeline.extract(text, ref_date=ref).to_json()
        validate(record)
        check_offsets(text, record)
        return record

    return run
