"""The error kinds in one place (io.errors) agree with schema.json; names in messages and in the
output are safe."""

from __future__ import annotations

import json
import pickle
from importlib import resources

import pytest

from extractor.io.errors import ERROR_KINDS, READ_ERROR_KINDS, ReadError, display_name, source_name

SCHEMA = json.loads(resources.files("extractor").joinpath("schema.json").read_text(encoding="utf-8"))


def test_error_kinds_are_the_schema_enum() -> None:
    kinds = SCHEMA["$defs"]["error"]["properties"]["error"]["properties"]["kind"]["enum"]
    assert list(ERROR_KINDS) == kinds
    assert set(READ_ERROR_KINDS) == set(kinds) - {"internal", "timeout"}


def test_read_error_kind_is_checked_and_it_pickles() -> None:
    with pytest.raises(ValueError):
        ReadError("timeout", "x: too slow")  # type: ignore[arg-type]  # decided in run/, not read
    error = pickle.loads(pickle.dumps(ReadError("unreadable", "d: cannot list the directory", "d")))
    assert (error.kind, error.message, error.source) == ("unreadable", "d: cannot list the directory", "d")


@pytest.mark.parametrize(
    ("source", "shown"),
    [
        ("releases/a.txt", "releases/a.txt"),
        ("пресс-релиз 1.txt", "пресс-релиз 1.txt"),
        ("-", "<stdin>"),
        ("a\nextract: 9 documents, 0 failed", "'a\\nextract: 9 documents, 0 failed'"),
        ("tab\there", "'tab\\there'"),
    ],
)
def test_display_name(source: str, shown: str) -> None:
    assert display_name(source) == shown


def test_source_name_of_a_file_name_that_is_not_utf8() -> None:
    raw = b"dir/n\xffame.txt".decode("utf-8", "surrogateescape")  # as os.listdir gives it
    assert source_name(raw) == "dir/n\\xffame.txt"
    assert source_name("dir/имя.txt") == "dir/имя.txt"
    source_name(raw).encode("utf-8")  # valid UTF-8 in the JSON
