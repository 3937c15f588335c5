"""The Python API: extractor.extract, extract_many, read, frames."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from conftest import check_offsets, validate

import extractor

TULA = (
    "Тула, 3 марта 2025 года. Губернатор Тульской области Дмитрий Миляев встретился с генеральным "
    "директором ОАО «Тулачермет» Иваном Петровым. Вчера выручка завода выросла на 12%.\n"
)
UNDATED = "Мэр Твери Алексей Огоньков открыл новую школу. Вчера прошла репетиция выпускного.\n"


def test_extract_gives_the_commands_record() -> None:
    record = extractor.extract(TULA, source="tula")
    validate(record)
    check_offsets(TULA, record)
    assert record["source"] == "tula"
    assert (record["doc_date"], record["ref_date_source"]) == ("2025-03-03", "text")
    assert {"Дмитрий Миляев", "Иван Петров"} <= {p["name"] for p in record["persons"]}
    assert extractor.extract(UNDATED)["source"] == "-"


def test_extract_date_is_for_a_text_without_its_own() -> None:
    record = extractor.extract(UNDATED, date="2024-05-20")
    assert (record["ref_date"], record["ref_date_source"]) == ("2024-05-20", "option")
    assert next(d["value"] for d in record["dates"] if d["text"] == "Вчера") == "2024-05-19"
    assert extractor.extract(TULA, date=dt.date(2024, 5, 20))["ref_date"] == "2025-03-03"


def test_extract_refuses_a_path() -> None:
    with pytest.raises(TypeError, match="read"):
        extractor.extract(Path("release.txt"))  # type: ignore[arg-type]


def test_extract_many_keeps_the_order_of_texts_paths_and_pairs(tmp_path: Path) -> None:
    f = tmp_path / "tver.txt"
    f.write_bytes(UNDATED.encode("cp1251"))
    items = [TULA, f, ("pair", UNDATED), tmp_path / "missing.txt"]
    records = list(extractor.extract_many(items, jobs=2, date="2024-05-20"))
    assert [r["source"] for r in records] == ["-", str(f), "pair", str(tmp_path / "missing.txt")]
    assert records[3]["error"]["kind"] == "not_found"
    for record in records[:3]:
        validate(record)
    assert records[1]["ref_date"] == "2024-05-20"
    assert [p["name"] for p in records[1]["persons"]] == [p["name"] for p in records[2]["persons"]]


def test_read_is_the_text_the_offsets_refer_to(tmp_path: Path) -> None:
    f = tmp_path / "tula.txt"
    f.write_bytes(TULA.replace("\n", "\r\n").encode("koi8_r", "replace"))
    text = extractor.read(f)
    assert text == TULA.replace("«", "?").replace("»", "?")  # KOI8-R has no typographic quotes
    record = next(extractor.extract_many([f]))
    check_offsets(text, record)


def test_frames() -> None:
    records = [extractor.extract(TULA, source="tula"), {"source": "x.txt", "error": {"kind": "empty", "message": "x"}}]
    frames = extractor.frames(records)
    assert {"documents", "persons", "posts", "organizations", "locations", "percentages", "dates", "errors"} <= set(
        frames
    )
    posts = frames["posts"]
    petrov = posts[posts["person"] == "Иван Петров"].iloc[0]
    assert petrov["organization"] == "Тулачермет"  # the organization's own name, not «ОАО «Тулачермет»»
    assert petrov["organization_type"] == "organization"
    assert TULA[petrov["start"] : petrov["end"]] == petrov["text"]
    assert set(frames["persons"]["source"]) == {"tula"}
    assert list(frames["errors"]["kind"]) == ["empty"]
    assert frames["percentages"].iloc[0]["value"] == 12.0
    assert frames["documents"].iloc[0]["persons"] == len(records[0]["persons"])
