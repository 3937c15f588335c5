"""Golden test: each sample release gives exactly its expected JSON (samples/expected/).

The expected files were written by `make golden` and read through by hand; after a deliberate
change of behaviour, run `make golden` and review the diff before committing it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import check_offsets, validate

from extractor.pipeline import Pipeline

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
CASES = sorted(SAMPLES.glob("*.txt"))


def test_there_are_samples():
    assert len(CASES) >= 5


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_sample_matches_expected(pipeline: Pipeline, path: Path):
    text = path.read_text(encoding="utf-8")
    got = pipeline.extract(text, source=f"samples/{path.name}").to_json()
    validate(got)
    check_offsets(text, got)
    expected = json.loads((SAMPLES / "expected" / f"{path.stem}.json").read_text(encoding="utf-8"))
    keys = ("doc_date", "ref_date", "ref_date_source", "persons", "organizations", "locations", "percentages", "dates",
            "meetings", "agreements", "appointments")
    for key in keys:
        assert got[key] == expected[key], key
