"""The options a new user reaches for first, through click's CliRunner: reference dates
(--date, --date-override), --with-text."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from conftest import check_offsets, validate

from extractor.cli import main

# a release with a dateline of its own, and one without
DATED = "Пенза, 2 октября 2014 года. Сегодня губернатор Иван Белозерцев открыл школу. Вчера прошло заседание.\n"
UNDATED = "Сегодня министр культуры Анна Петрова открыла выставку. Вчера прошла репетиция.\n"


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def invoke(runner: CliRunner, args: list[str], **kw: Any) -> Result:
    result = runner.invoke(main, args, catch_exceptions=False, **kw)
    assert "Traceback" not in result.stdout + result.stderr
    return result


def records(result: Result) -> list[dict[str, Any]]:
    out = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    for record in out:
        validate(record)
    return out


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def value_of(record: dict[str, Any], text: str) -> str | None:
    return next(d["value"] for d in record["dates"] if d["text"] == text)


def test_date_is_used_only_where_a_release_has_none(runner: CliRunner, tmp_path: Path) -> None:
    write(tmp_path / "a_dated.txt", DATED)
    write(tmp_path / "b_undated.txt", UNDATED)
    result = invoke(runner, [str(tmp_path), "--date", "2024-10-13", "--jobs", "1"])
    assert result.exit_code == 0, result.stderr
    dated, undated = records(result)
    assert (dated["doc_date"], dated["ref_date"], dated["ref_date_source"]) == ("2014-10-02", "2014-10-02", "text")
    assert value_of(dated, "Сегодня") == "2014-10-02"
    assert value_of(dated, "Вчера") == "2014-10-01"
    assert (undated["doc_date"], undated["ref_date"], undated["ref_date_source"]) == (None, "2024-10-13", "option")
    assert value_of(undated, "Вчера") == "2024-10-12"


def test_date_override_wins_over_the_releases_own(runner: CliRunner, tmp_path: Path) -> None:
    f = write(tmp_path / "dated.txt", DATED)
    record = json.loads(invoke(runner, [str(f), "--date-override", "2024-10-13"]).stdout)
    validate(record)
    assert record["doc_date"] == "2014-10-02"  # still the release's own date
    assert (record["ref_date"], record["ref_date_source"]) == ("2024-10-13", "option")
    assert value_of(record, "Сегодня") == "2024-10-13"


def test_no_date_anywhere(runner: CliRunner, tmp_path: Path) -> None:
    f = write(tmp_path / "undated.txt", UNDATED)
    record = json.loads(invoke(runner, [str(f)]).stdout)
    assert (record["doc_date"], record["ref_date"], record["ref_date_source"]) == (None, None, "none")
    assert value_of(record, "Вчера") is None


def test_with_text_adds_the_decoded_text(runner: CliRunner, tmp_path: Path) -> None:
    f = tmp_path / "crlf.txt"
    f.write_bytes(DATED.replace("\n", "\r\n").encode("cp1251"))
    record = json.loads(invoke(runner, [str(f), "--with-text"]).stdout)
    validate(record)
    assert record["text"] == DATED  # decoded, newlines normalised: what the offsets count in
    check_offsets(record["text"], record)
    assert "text" not in json.loads(invoke(runner, [str(f)]).stdout)


def test_with_text_in_a_batch(runner: CliRunner, tmp_path: Path) -> None:
    write(tmp_path / "a.txt", DATED)
    write(tmp_path / "b.txt", UNDATED)
    result = invoke(runner, [str(tmp_path), "--with-text", "--jobs", "1"])
    assert [r["text"] for r in records(result)] == [DATED, UNDATED]
