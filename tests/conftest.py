"""Shared fixtures: one pipeline per test session (the models load once), schema validation, and
readable ids for the case tables."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable
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
        for post in p["posts"]:
            spans += post["mentions"]
    for o in record["organizations"]:
        spans += o["mentions"]
    for loc in record["locations"]:
        spans += loc["mentions"]
    spans += record["percentages"] + record["money"] + record["dates"]
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


# pytest escapes non-ASCII ids (\u0413...), so the ids are transliterated to stay readable
_LATIN = str.maketrans(
    {
        **dict(zip("абвгдезийклмнопрстуфыэ", "abvgdeziyklmnoprstufye", strict=True)),
        **{"ё": "e", "ж": "zh", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ю": "yu", "я": "ya"},
        **{"ъ": "", "ь": ""},
    }
)
_ID_WORDS = 6  # enough words to tell most sentences apart, short enough to read
_ID_CHARS = 80  # a cap for texts of long words (700 x's); a clash left by the cap is reported


def slug(text: str) -> str:
    """«Глава региона Алексей Русских» -> 'glava-regiona-aleksey-russkikh'."""
    return re.sub(r"[^a-z0-9]+", "-", str(text).lower().translate(_LATIN)).strip("-")


def _common_words(a: list[str], b: list[str]) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n


def cases(table: Iterable[Any]) -> list[pytest.ParameterSet]:
    """The rows of a case table as pytest.params whose ids come from the case text (the first field).

    A row is a tuple, a single value, or a pytest.param (e.g. a known gap with its xfail mark). The
    id is the first words of the text, more when another text starts with the same words; rows on
    the same text add the first field where they differ (the expected name). Ids depend on the
    text, not on the position (no counters): moving a row keeps its id, and a known gap keeps its
    id when its xfail mark is removed.
    """
    rows = [
        row if isinstance(row, pytest.ParameterSet) else pytest.param(*(row if isinstance(row, tuple) else (row,)))
        for row in table
    ]
    words = [str(row.values[0]).split() for row in rows]
    ids = []
    for row, own in zip(rows, words, strict=True):
        others = [w for w in words if w != own]
        n = max([_common_words(own, w) + 1 for w in others] + [_ID_WORDS])
        ident = slug(" ".join(own[:n]))[:_ID_CHARS].rstrip("-") or "empty"
        twins = [r for r, w in zip(rows, words, strict=True) if w == own and r is not row]
        if twins:
            differ = [k for k in range(1, len(row.values)) if any(t.values[k] != row.values[k] for t in twins)]
            if not differ:
                raise ValueError(f"the same case twice: {row.values}")
            ident += "--" + slug(row.values[differ[0]])
        ids.append(row.id or ident)
    clashes = sorted({i for i in ids if ids.count(i) > 1})
    if clashes:
        raise ValueError(f"case ids not unique: {clashes}")
    return [pytest.param(*row.values, marks=row.marks, id=ident) for row, ident in zip(rows, ids, strict=True)]
