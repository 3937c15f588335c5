"""Tables: `extract DIR --tables OUT/` (one CSV per kind, UTF-8 with BOM) and the generic rows
behind it and extractor.frames (kinds a record has that the schema does not know yet)."""

from __future__ import annotations

import csv
from pathlib import Path

from click.testing import CliRunner

import extractor
from extractor.cli import main
from extractor.io.tables import collect, rows

SMOLENSK = (
    "Смоленск, 12 апреля 2025 года. Губернатор Смоленской области Василий Анохин провёл встречу с "
    "генеральным директором АО «Смоленский авиазавод» Петром Семёновым. Объём заказов вырос на 7%.\n"
)
KALUGA = "Министр экономики Калужской области Ирина Мартынова открыла форум. Губернатор Николай Орлов выступил.\n"


def read_csv(path: Path) -> list[dict[str, str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # a BOM: spreadsheet programs then read UTF-8
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def test_tables_of_a_folder(tmp_path: Path) -> None:
    d = tmp_path / "in"
    d.mkdir()
    (d / "a.txt").write_text(SMOLENSK, encoding="utf-8")
    (d / "b.txt").write_text(KALUGA, encoding="utf-8")
    (d / "c.txt").write_text("  \n", encoding="utf-8")
    out = tmp_path / "tables"
    result = CliRunner().invoke(main, [str(d), "--tables", str(out), "--jobs", "1"], catch_exceptions=False)
    assert result.exit_code == 1  # c.txt is empty
    assert result.stdout == ""  # the tables are the output
    names = {p.name for p in out.iterdir()}
    assert {"documents.csv", "persons.csv", "posts.csv", "organizations.csv", "locations.csv", "percentages.csv",
            "dates.csv", "errors.csv"} <= names  # fmt: skip
    posts = read_csv(out / "posts.csv")
    semenov = next(p for p in posts if p["person"] == "Пётр Семёнов" or p["person"] == "Петр Семёнов")
    assert semenov["source"] == str(d / "a.txt")
    assert semenov["role"] == "генеральный директор"
    assert semenov["rank"] == "False"  # a position
    assert semenov["organization"] == "Смоленский авиазавод"  # the canonical name, through org_ref
    assert SMOLENSK[int(semenov["start"]) : int(semenov["end"])] == semenov["text"]
    assert {p["person"] for p in posts if p["source"].endswith("b.txt")} >= {"Ирина Мартынова", "Николай Орлов"}
    assert [(e["source"], e["kind"]) for e in read_csv(out / "errors.csv")] == [(str(d / "c.txt"), "empty")]
    documents = read_csv(out / "documents.csv")
    assert [doc["doc_date"] for doc in documents] == ["2025-04-12", ""]
    assert read_csv(out / "percentages.csv")[0]["value"] == "7.0"


def test_a_single_file_to_tables_has_no_batch_summary(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text(KALUGA, encoding="utf-8")
    result = CliRunner().invoke(main, [str(f), "--tables", str(tmp_path / "t")], catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    assert "documents," not in result.stderr
    assert len(read_csv(tmp_path / "t" / "persons.csv")) == 2


def test_tables_into_a_file_is_an_output_error(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text(KALUGA, encoding="utf-8")
    (tmp_path / "taken").write_text("", encoding="utf-8")
    result = CliRunner().invoke(main, [str(f), "--tables", str(tmp_path / "taken" / "t")], catch_exceptions=False)
    assert result.exit_code == 3
    assert "cannot write to" in result.stderr and "Traceback" not in result.stderr


# a record with kinds being added elsewhere (money, facts): the tables take them as they come
FUTURE = {
    "source": "future.txt", "doc_date": "2025-04-12", "ref_date": "2025-04-12", "ref_date_source": "text",
    "persons": [{"name": "Василий Анохин", "first": "Василий", "middle": None, "last": "Анохин", "posts": [],
                 "mentions": [{"text": "Василием Анохиным", "start": 10, "end": 27}]}],
    "organizations": [{"name": "Смоленский авиазавод", "legal_form": "АО", "kind": "company", "aliases": [],
                       "parent": None, "mentions": [{"text": "АО «Смоленский авиазавод»", "start": 40, "end": 65}]}],
    "locations": [], "percentages": [], "dates": [],
    "money": [{"text": "1,2 млрд рублей", "value": 1.2e9, "value_to": None, "currency": "RUB", "qualifier": None,
               "subject": "инвестиции", "change": None, "role": None, "period": "2025", "start": 80, "end": 95}],
    "meetings": [{"participants": [{"name": "Василий Анохин", "type": "person", "index": 0},
                                   {"name": "Смоленский авиазавод", "type": "organization", "index": 0}],
                  "date": "2025-04-11", "place": "Смоленск", "start": 0, "end": 70}],
}  # fmt: skip


def test_kinds_the_schema_does_not_know_yet() -> None:
    tables = dict(collect([FUTURE]))
    columns, money = tables["money"]
    assert money == [{"source": "future.txt", "index": 0, "text": "1,2 млрд рублей", "value": 1.2e9, "value_to": None,
                      "currency": "RUB", "qualifier": None, "subject": "инвестиции", "change": None, "role": None,
                      "period": "2025", "start": 80, "end": 95}]  # fmt: skip
    assert columns[:3] == ["source", "index", "text"]
    (meeting,) = tables["meetings"][1]
    assert meeting["participants"] == "Василий Анохин; Смоленский авиазавод"
    (person,) = tables["persons"][1]
    assert (person["mentions"], person["start"], person["end"]) == (1, 10, 27)
    assert dict(rows(FUTURE))["documents"]["money"] == 1


def test_frames_take_new_kinds_too() -> None:
    frames = extractor.frames([FUTURE])
    assert frames["money"].iloc[0]["currency"] == "RUB"
    assert frames["meetings"].iloc[0]["place"] == "Смоленск"
    assert frames["documents"].iloc[0]["meetings"] == 1
