"""The `extract` command through click's CliRunner: inputs, outputs, encodings, exit codes."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from conftest import validate

from extractor.cli import main

ORLOV = (
    "Губернатор Калужской области Николай Орлов встретился с делегацией промышленников. "
    "Выручка предприятия за первое полугодие выросла на 12,5%.\n"
)
MILYAEV = (
    "Губернатор Тульской области Дмитрий Миляев встретился с Борисом Грызловым 29 сентября 2025 года. "
    "Стороны обсудили развитие промышленности региона.\n"
)
YESTERDAY = "Вчера министр экономического развития Ольга Смирнова провела совещание с предпринимателями.\n"
RELEASES = [
    "Мэр Твери Алексей Огоньков открыл новую школу.\n",
    "Ректор МГУ Виктор Садовничий вручил дипломы выпускникам.\n",
    "Глава Сбербанка Герман Греф выступил на форуме. Прибыль банка выросла на 8%.\n",
    "Губернатор Пензенской области Олег Мельниченко посетил завод.\n",
    "Министр финансов Антон Силуанов заявил, что дефицит бюджета сократился на 0,5 п. п.\n",
]


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def invoke(runner: CliRunner, args: list[str], **kw: Any) -> Result:
    result = runner.invoke(main, args, catch_exceptions=False, **kw)
    for stream in (result.stdout, result.stderr):
        assert "Traceback" not in stream
    return result


def lines(result: Result) -> list[dict[str, Any]]:
    out = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    for record in out:
        validate(record)
    return out


def person_names(record: dict[str, Any]) -> list[str]:
    return [p["name"] for p in record["persons"]]


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# --------------------------------------------------------------------------- one document


def test_single_file_gives_one_compact_object(runner: CliRunner, tmp_path: Path) -> None:
    f = write(tmp_path / "orlov.txt", ORLOV)
    result = invoke(runner, [str(f)])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.count("\n") == 1  # compact when stdout is not a terminal
    assert "Николай Орлов" in result.stdout  # Cyrillic is not \u-escaped
    assert "\\u04" not in result.stdout
    record = json.loads(result.stdout)
    validate(record)
    assert record["source"] == str(f)
    assert "Николай Орлов" in person_names(record)
    orlov = next(p for p in record["persons"] if p["name"] == "Николай Орлов")
    assert orlov["last"] == "Орлов"
    assert any(post["role"] == "губернатор" for post in orlov["posts"])
    assert [p["value"] for p in record["percentages"]] == [12.5]
    assert record["percentages"][0]["unit"] == "percent"


def test_indent(runner: CliRunner, tmp_path: Path) -> None:
    f = write(tmp_path / "orlov.txt", ORLOV)
    result = invoke(runner, [str(f), "--indent", "2"])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith('{\n  "source": ')
    assert "Николай Орлов" in result.stdout
    record = json.loads(result.stdout)
    validate(record)
    compact = invoke(runner, [str(f), "--indent", "2", "--compact"])
    assert compact.stdout == json.dumps(record, ensure_ascii=False) + "\n"


def test_dash_reads_stdin(runner: CliRunner) -> None:
    result = invoke(runner, ["-"], input=MILYAEV.encode("utf-8"))
    assert result.exit_code == 0, result.stderr
    record = json.loads(result.stdout)
    validate(record)
    assert record["source"] == "-"
    names = person_names(record)
    assert "Дмитрий Миляев" in names
    assert "Борис Грызлов" in names
    assert any(d["value"] == "2025-09-29" for d in record["dates"])


def test_no_path_with_piped_stdin_reads_stdin(runner: CliRunner) -> None:
    result = invoke(runner, [], input=ORLOV.encode("utf-8"))
    assert result.exit_code == 0, result.stderr
    record = json.loads(result.stdout)
    validate(record)
    assert record["source"] == "-"
    assert "Николай Орлов" in person_names(record)


def test_stdin_cp1251(runner: CliRunner) -> None:
    result = invoke(runner, ["-"], input=ORLOV.encode("cp1251"))
    assert result.exit_code == 0, result.stderr
    assert "Николай Орлов" in person_names(json.loads(result.stdout))


def test_empty_stdin_fails(runner: CliRunner) -> None:
    result = invoke(runner, ["-"], input=b"")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "<stdin>" in result.stderr


def test_date_option_resolves_relative_dates(runner: CliRunner, tmp_path: Path) -> None:
    f = write(tmp_path / "yesterday.txt", YESTERDAY)
    result = invoke(runner, [str(f), "--date", "2024-06-01"])
    assert result.exit_code == 0, result.stderr
    record = json.loads(result.stdout)
    validate(record)
    yesterday = next(d for d in record["dates"] if d["text"] == "Вчера")
    assert yesterday["value"] == "2024-05-31"
    assert yesterday["relative"] is True
    # without a reference date (no dateline in the text) it cannot be resolved
    bare = json.loads(invoke(runner, [str(f)]).stdout)
    assert next(d for d in bare["dates"] if d["text"] == "Вчера")["value"] is None


@pytest.mark.parametrize("codec", ["cp1251", "koi8_r", "utf-8-sig", "utf-16"])
def test_encodings_are_detected(runner: CliRunner, tmp_path: Path, codec: str) -> None:
    f = tmp_path / f"{codec}.txt"
    f.write_bytes(ORLOV.encode(codec))
    result = invoke(runner, [str(f)])
    assert result.exit_code == 0, result.stderr
    record = json.loads(result.stdout)
    validate(record)
    assert "Николай Орлов" in person_names(record)
    assert [p["value"] for p in record["percentages"]] == [12.5]


def test_forced_encoding(runner: CliRunner, tmp_path: Path) -> None:
    f = tmp_path / "koi8.txt"
    f.write_bytes(MILYAEV.encode("koi8_r"))
    result = invoke(runner, [str(f), "--encoding", "koi8-r"])
    assert result.exit_code == 0, result.stderr
    assert "Дмитрий Миляев" in person_names(json.loads(result.stdout))


def test_crlf_offsets_count_normalised_text(runner: CliRunner, tmp_path: Path) -> None:
    f = tmp_path / "crlf.txt"
    f.write_bytes(("Пресс-релиз\r\n" + ORLOV.replace("\n", "\r\n")).encode("utf-8"))
    record = json.loads(invoke(runner, [str(f)]).stdout)
    text = "Пресс-релиз\n" + ORLOV
    for p in record["percentages"]:
        assert text[p["start"] : p["end"]] == p["text"]
    for person in record["persons"]:
        for m in person["mentions"]:
            assert text[m["start"] : m["end"]] == m["text"]


# --------------------------------------------------------------------------- batches


def test_directory_gives_json_lines_in_sorted_order(runner: CliRunner, tmp_path: Path) -> None:
    d = tmp_path / "releases"
    write(d / "b.txt", MILYAEV)
    write(d / "a.txt", ORLOV)
    write(d / "sub" / "c.txt", YESTERDAY)
    write(d / "notes.md", ORLOV)  # not matched by the default glob
    result = invoke(runner, [str(d)])
    assert result.exit_code == 0, result.stderr
    records = lines(result)
    assert [r["source"] for r in records] == [str(d / "a.txt"), str(d / "b.txt"), str(d / "sub" / "c.txt")]
    assert "Николай Орлов" in person_names(records[0])
    assert "Борис Грызлов" in person_names(records[1])
    assert "3 documents, 0 failed" in result.stderr


def test_glob(runner: CliRunner, tmp_path: Path) -> None:
    d = tmp_path / "releases"
    write(d / "a.txt", ORLOV)
    write(d / "x" / "b.md", MILYAEV)
    write(d / "c.md", ORLOV)
    result = invoke(runner, [str(d), "--glob", "*.md"])
    assert result.exit_code == 0, result.stderr
    assert [r["source"] for r in lines(result)] == [str(d / "c.md"), str(d / "x" / "b.md")]


def test_several_files_give_json_lines(runner: CliRunner, tmp_path: Path) -> None:
    a = write(tmp_path / "a.txt", ORLOV)
    b = write(tmp_path / "b.txt", MILYAEV)
    result = invoke(runner, [str(b), str(a)])
    assert result.exit_code == 0, result.stderr
    records = lines(result)
    assert [r["source"] for r in records] == [str(a), str(b)]
    assert all("\n" not in line for line in result.stdout.splitlines())
    assert "Дмитрий Миляев" in person_names(records[1])


def test_out_dir_writes_relative_paths(runner: CliRunner, tmp_path: Path) -> None:
    d = tmp_path / "releases"
    write(d / "a.txt", ORLOV)
    write(d / "sub" / "deeper" / "b.txt", MILYAEV)
    out = tmp_path / "out"
    result = invoke(runner, [str(d), "--out-dir", str(out)])
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    written = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
    assert written == ["a.txt.json", "sub/deeper/b.txt.json"]  # no temp files left behind
    a = json.loads((out / "a.txt.json").read_text(encoding="utf-8"))
    validate(a)
    assert "Николай Орлов" in person_names(a)
    b = json.loads((out / "sub" / "deeper" / "b.txt.json").read_text(encoding="utf-8"))
    assert "Борис Грызлов" in person_names(b)


def test_out_dir_single_file(runner: CliRunner, tmp_path: Path) -> None:
    f = write(tmp_path / "a.txt", ORLOV)
    out = tmp_path / "out"
    result = invoke(runner, [str(f), "--out-dir", str(out)])
    assert result.exit_code == 0, result.stderr
    assert "Николай Орлов" in person_names(json.loads((out / "a.txt.json").read_text(encoding="utf-8")))


def test_skip_existing(runner: CliRunner, tmp_path: Path) -> None:
    d = tmp_path / "releases"
    write(d / "a.txt", ORLOV)
    write(d / "b.txt", MILYAEV)
    out = tmp_path / "out"
    sentinel = write(out / "a.txt.json", '{"source": "sentinel"}\n')  # a document: kept
    result = invoke(runner, [str(d), "--out-dir", str(out), "--skip-existing"])
    assert result.exit_code == 0, result.stderr
    assert sentinel.read_text(encoding="utf-8") == '{"source": "sentinel"}\n'
    assert "Дмитрий Миляев" in person_names(json.loads((out / "b.txt.json").read_text(encoding="utf-8")))
    assert "1 document, 0 failed, 1 skipped" in result.stderr
    # without --skip-existing everything is redone
    result = invoke(runner, [str(d), "--out-dir", str(out)])
    assert result.exit_code == 0, result.stderr
    assert "Николай Орлов" in person_names(json.loads(sentinel.read_text(encoding="utf-8")))


def test_out_dir_refuses_two_inputs_with_one_output(runner: CliRunner, tmp_path: Path) -> None:
    a = write(tmp_path / "a" / "x.txt", ORLOV)
    b = write(tmp_path / "b" / "x.txt", MILYAEV)
    out = tmp_path / "out"
    result = invoke(runner, [str(a), str(b), "--out-dir", str(out)])
    assert result.exit_code == 2
    assert str(a) in result.stderr and str(b) in result.stderr
    assert not (out / "x.txt.json").exists()
    # found under one directory they keep their relative paths and do not collide
    result = invoke(runner, [str(tmp_path), "--out-dir", str(out)])
    assert result.exit_code == 0, result.stderr
    assert (out / "a" / "x.txt.json").is_file() and (out / "b" / "x.txt.json").is_file()


def test_file_named_twice_is_extracted_once(runner: CliRunner, tmp_path: Path) -> None:
    d = tmp_path / "releases"
    a = write(d / "a.txt", ORLOV)
    result = invoke(runner, [str(d), str(a)])
    assert result.exit_code == 0, result.stderr
    assert [r["source"] for r in lines(result)] == [str(a)]


def test_progress_bar_goes_to_stderr(runner: CliRunner, tmp_path: Path) -> None:
    d = tmp_path / "releases"
    write(d / "a.txt", ORLOV)
    write(d / "b.txt", MILYAEV)
    plain = invoke(runner, [str(d), "--no-progress"])
    bar = invoke(runner, [str(d), "--progress"])
    assert plain.exit_code == bar.exit_code == 0
    assert plain.stdout_bytes == bar.stdout_bytes
    assert "extracting" in bar.stderr
    assert "extracting" not in plain.stderr


def test_html_file_gives_visible_text(runner: CliRunner, tmp_path: Path) -> None:
    html = (
        "<!DOCTYPE html><html><head><title>Новости</title><script>var x = 'Иван Петров';</script></head>"
        "<body><nav>Главная | Контакты</nav><p>Губернатор Калужской области <b>Николай Орлов</b> "
        "встретился с делегацией. Выручка выросла на 12,5%.</p><footer>© 2024</footer></body></html>"
    )
    f = write(tmp_path / "release.html", html)
    result = invoke(runner, [str(f)])
    assert result.exit_code == 0, result.stderr
    record = json.loads(result.stdout)
    validate(record)
    assert person_names(record) == ["Николай Орлов"]  # the script's name is not visible text
    assert [p["value"] for p in record["percentages"]] == [12.5]


def test_jobs_do_not_change_output(runner: CliRunner, tmp_path: Path) -> None:
    d = tmp_path / "releases"
    for k, text in enumerate(RELEASES):
        write(d / f"{k:02d}.txt", text)
    one = invoke(runner, [str(d), "--jobs", "1"])
    two = invoke(runner, [str(d), "--jobs", "2"])
    assert one.exit_code == two.exit_code == 0, (one.stderr, two.stderr)
    assert one.stdout_bytes == two.stdout_bytes
    records = lines(one)
    assert len(records) == 5
    assert "Герман Греф" in person_names(records[2])


# --------------------------------------------------------------------------- bad inputs


def test_missing_file(runner: CliRunner, tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    result = invoke(runner, [str(missing)])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1
    assert str(missing) in result.stderr


@pytest.mark.parametrize(
    ("name", "data", "args", "why"),
    [
        ("empty.txt", b"", [], "empty"),
        ("blank.txt", b"  \n\n \t\n", [], "empty"),
        ("binary.txt", b"\x00\x01\x02PNG\x00\x00" * 50, [], "binary"),
        ("ascii.txt", ORLOV.encode("utf-8"), ["--encoding", "ascii"], "cannot decode as ascii"),
    ],
    ids=["empty", "blank", "binary", "decode"],
)
def test_bad_single_file(
    runner: CliRunner, tmp_path: Path, name: str, data: bytes, args: list[str], why: str
) -> None:
    f = tmp_path / name
    f.write_bytes(data)
    result = invoke(runner, [str(f), *args])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1
    assert str(f) in result.stderr
    assert why in result.stderr


def test_batch_with_bad_files_goes_on(runner: CliRunner, tmp_path: Path) -> None:
    d = tmp_path / "releases"
    write(d / "a_good.txt", ORLOV)
    (d / "b_empty.txt").write_bytes(b"")
    (d / "c_binary.txt").write_bytes(b"\x7fELF\x00\x00\x01" * 40)
    write(d / "d_good.txt", MILYAEV)
    missing = tmp_path / "missing.txt"
    result = invoke(runner, [str(d), str(missing)])
    assert result.exit_code == 1
    records = lines(result)
    by_source = {r["source"]: r for r in records}
    assert [r["source"] for r in records] == sorted(by_source)
    assert by_source[str(d / "b_empty.txt")]["error"]["kind"] == "empty"
    assert by_source[str(d / "c_binary.txt")]["error"]["kind"] == "binary"
    assert by_source[str(missing)]["error"]["kind"] == "not_found"
    for r in records:
        if "error" in r:
            assert set(r) == {"source", "error"}
            assert r["source"] in r["error"]["message"]
    assert "Николай Орлов" in person_names(by_source[str(d / "a_good.txt")])
    assert "Дмитрий Миляев" in person_names(by_source[str(d / "d_good.txt")])
    for bad in ("b_empty.txt", "c_binary.txt", "missing.txt"):
        assert sum(bad in line for line in result.stderr.splitlines()) == 1
    assert "5 documents, 3 failed" in result.stderr


def test_batch_decode_error_with_forced_encoding(runner: CliRunner, tmp_path: Path) -> None:
    a = write(tmp_path / "a.txt", "Press release: revenue grew by 5%.\n")
    b = write(tmp_path / "b.txt", ORLOV)
    result = invoke(runner, [str(a), str(b), "--encoding", "ascii"])
    assert result.exit_code == 1
    first, second = lines(result)
    assert "error" not in first
    assert [p["value"] for p in first["percentages"]] == [5.0]
    assert second == {"source": str(b), "error": {"kind": "decode", "message": second["error"]["message"]}}
    assert str(b) in result.stderr


def test_batch_out_dir_writes_error_records(runner: CliRunner, tmp_path: Path) -> None:
    d = tmp_path / "releases"
    write(d / "a.txt", ORLOV)
    (d / "b.txt").write_bytes(b"")
    out = tmp_path / "out"
    result = invoke(runner, [str(d), "--out-dir", str(out)])
    assert result.exit_code == 1
    err = json.loads((out / "b.txt.json").read_text(encoding="utf-8"))
    validate(err)
    assert err["error"]["kind"] == "empty"
    assert "Николай Орлов" in person_names(json.loads((out / "a.txt.json").read_text(encoding="utf-8")))


def test_directory_with_nothing_matching(runner: CliRunner, tmp_path: Path) -> None:
    d = tmp_path / "releases"
    write(d / "a.md", ORLOV)
    result = invoke(runner, [str(d)])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "no input files" in result.stderr


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["--date", "2024-13-45"], "2024-13-45"),
        (["--date", "yesterday"], "yesterday"),
        (["--date-override", "2024-02-30"], "2024-02-30"),
        (["--date", "2024-06-01", "--date-override", "2024-06-02"], "cannot be used together"),
        (["--encoding", "nonsense"], "nonsense"),
        (["--skip-existing"], "--out-dir"),
        (["--jobs", "0"], "--jobs"),
        (["--timeout", "-1"], "--timeout"),
        (["--no-such-option"], "--no-such-option"),
    ],
)
def test_usage_errors(runner: CliRunner, tmp_path: Path, args: list[str], needle: str) -> None:
    f = write(tmp_path / "a.txt", ORLOV)
    result = invoke(runner, [str(f), *args])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert needle in result.stderr


def test_stdin_mixed_with_paths_is_a_usage_error(runner: CliRunner, tmp_path: Path) -> None:
    f = write(tmp_path / "a.txt", ORLOV)
    result = invoke(runner, ["-", str(f)], input=ORLOV.encode("utf-8"))
    assert result.exit_code == 2
    assert "stdin" in result.stderr


# --------------------------------------------------------------------------- meta


def test_version(runner: CliRunner) -> None:
    result = invoke(runner, ["--version"])
    assert result.exit_code == 0
    assert result.stdout.startswith("extract, version ")


@pytest.mark.parametrize("flag", ["--help", "-h"])
def test_help(runner: CliRunner, flag: str) -> None:
    result = invoke(runner, [flag])
    assert result.exit_code == 0
    assert "jq" in result.stdout
    assert "--out-dir" in result.stdout
    assert "Exit codes" in result.stdout


# --------------------------------------------------------------------------- hostile inputs (issue 16)


def test_mostly_utf8_file_is_read_as_utf8_with_a_warning(runner: CliRunner, tmp_path: Path) -> None:
    f = tmp_path / "bad-byte.txt"
    f.write_bytes(MILYAEV.encode("utf-8").replace(b".", b".\xff", 1))
    result = invoke(runner, [str(f)])
    assert result.exit_code == 0, result.stderr
    assert "Дмитрий Миляев" in person_names(json.loads(result.stdout))  # not «Р”РјРёС‚...»
    assert result.stderr == f"extract: {f}: 1 invalid UTF-8 byte replaced with U+FFFD\n"


@pytest.mark.parametrize("pattern", ["../*.txt", "sub/../../*.txt", "/etc/*", "**/../*.txt"])
def test_glob_outside_the_directory_is_a_usage_error(runner: CliRunner, tmp_path: Path, pattern: str) -> None:
    d = tmp_path / "in"
    write(d / "a.txt", ORLOV)
    write(tmp_path / "victim.txt", MILYAEV)
    out = tmp_path / "out"
    result = invoke(runner, [str(d), "--glob", pattern, "--out-dir", str(out)])
    assert result.exit_code == 2
    assert "--glob" in result.stderr and result.stdout == ""
    assert not (tmp_path / "victim.txt.json").exists() and not out.exists()


def test_out_dir_files_stay_inside_it(runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    here, other = tmp_path / "here", tmp_path / "other"
    write(here / "a.txt", ORLOV)
    write(other / "b.txt", MILYAEV)
    monkeypatch.chdir(here)
    result = invoke(runner, [".", "../other", "--out-dir", "out"])
    assert result.exit_code == 0, result.stderr
    written = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*.json"))
    assert written == ["here/out/a.txt.json", "here/out/b.txt.json"]


def test_out_dir_refuses_a_symbolic_link_leading_out(runner: CliRunner, tmp_path: Path) -> None:
    d = tmp_path / "in"
    write(d / "sub" / "a.txt", ORLOV)
    write(d / "b.txt", MILYAEV)
    out, elsewhere = tmp_path / "out", tmp_path / "elsewhere"
    out.mkdir()
    elsewhere.mkdir()
    (out / "sub").symlink_to(elsewhere)
    result = invoke(runner, [str(d), "--out-dir", str(out)])
    assert result.exit_code == 1
    assert list(elsewhere.iterdir()) == []
    assert "leads outside the out-dir" in result.stderr
    assert (out / "b.txt.json").is_file()


def test_file_name_that_is_not_utf8(runner: CliRunner, tmp_path: Path) -> None:
    d = tmp_path / "in"
    write(d / "a.txt", ORLOV)
    raw = os.fsdecode(bytes(d) + b"/n\xffame.txt")  # the name holds a byte that is not UTF-8
    Path(raw).write_text(MILYAEV, encoding="utf-8")
    result = invoke(runner, [str(d)])
    assert result.exit_code == 0, result.stderr
    text = result.stdout_bytes.decode("utf-8")  # strictly: valid UTF-8
    records = [json.loads(line) for line in text.splitlines()]
    assert [r["source"] for r in records] == [f"{d}/a.txt", f"{d}/n\\xffame.txt"]
    assert "Дмитрий Миляев" in person_names(records[1])
    out = tmp_path / "out"
    result = invoke(runner, [str(d), "--out-dir", str(out)])
    assert result.exit_code == 0, result.stderr
    assert sorted(os.listdir(bytes(out))) == [b"a.txt.json", b"n\xffame.txt.json"]  # named after the input


def test_long_file_name_with_out_dir(runner: CliRunner, tmp_path: Path) -> None:
    d = tmp_path / "in"
    name = "д" * 118 + ".txt"  # 240 bytes: the output's name (245) fits in 255, a long temporary one did not
    write(d / name, ORLOV)
    out = tmp_path / "out"
    result = invoke(runner, [str(d), "--out-dir", str(out)])
    assert result.exit_code == 0, result.stderr
    assert [p.name for p in out.iterdir()] == [name + ".json"]


def test_output_file_that_cannot_be_written_fails_alone(runner: CliRunner, tmp_path: Path) -> None:
    d = tmp_path / "in"
    write(d / "a.txt", ORLOV)
    write(d / "b.txt", MILYAEV)
    write(d / "c.txt", ORLOV)
    write(d / "c.txt.json" / "d.txt", ORLOV)  # its output needs a folder where c.txt's output is
    write(d / ("я" * 125 + ".txt"), ORLOV)  # 254 bytes: its output's name would have 259
    out = tmp_path / "out"
    (out / "a.txt.json").mkdir(parents=True)  # a folder where the output file goes
    result = invoke(runner, [str(d), "--out-dir", str(out)])
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if "cannot write" in line]
    assert len(errors) == 3
    assert errors[0] == f"extract: {d / 'a.txt'}: cannot write {out / 'a.txt.json'}: Is a directory"
    assert errors[1] == f"extract: {d / 'c.txt.json' / 'd.txt'}: cannot write {out / 'c.txt.json' / 'd.txt.json'}: " \
        "File exists"  # fmt: skip
    assert errors[2].endswith("File name too long")
    assert "5 documents, 3 failed" in result.stderr
    assert "Дмитрий Миляев" in person_names(json.loads((out / "b.txt.json").read_text(encoding="utf-8")))
    assert sorted(p.name for p in out.iterdir()) == ["a.txt.json", "b.txt.json", "c.txt.json"]  # no temporary file


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["--encoding", "undefined"], "undefined"),
        (["--encoding", "base64"], "base64"),
        (["--timeout", "nan"], "--timeout"),
        (["--timeout", "inf"], "--timeout"),
        (["--timeout", "1e300"], "--timeout"),
    ],
)
def test_options_that_cannot_work_are_usage_errors(
    runner: CliRunner, tmp_path: Path, args: list[str], needle: str
) -> None:
    d = tmp_path / "in"
    write(d / "a.txt", ORLOV)
    for target in ([str(d / "a.txt")], [str(d), "--jobs", "1"], [str(d), "--jobs", "2"]):
        result = invoke(runner, [*target, *args])
        assert result.exit_code == 2, result.stderr
        assert needle in result.stderr and result.stdout == ""


def test_full_out_dir_stops_the_batch(runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import errno

    from extractor.io import output

    d = tmp_path / "in"
    for k, text in enumerate(RELEASES):
        write(d / f"{k}.txt", text)
    real_replace = os.replace

    def full(src: str, dst: Path) -> None:
        if str(dst).endswith("2.txt.json"):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real_replace(src, dst)

    monkeypatch.setattr(output.os, "replace", full)
    out = tmp_path / "out"
    result = invoke(runner, [str(d), "--out-dir", str(out), "--jobs", "1"])
    assert result.exit_code == 3
    assert result.stderr.splitlines() == [
        f"extract: cannot write to {out}: No space left on device; stopped after 2 of 5 documents "
        "(--skip-existing resumes)"
    ]
    assert sorted(p.name for p in out.iterdir()) == ["0.txt.json", "1.txt.json"]  # and no temporary file


def test_out_dir_files_follow_the_umask(runner: CliRunner, tmp_path: Path) -> None:
    write(tmp_path / "in" / "a.txt", ORLOV)
    previous = os.umask(0o027)
    try:
        result = invoke(runner, [str(tmp_path / "in"), "--out-dir", str(tmp_path / "out")])
    finally:
        os.umask(previous)
    assert result.exit_code == 0, result.stderr
    assert (tmp_path / "out" / "a.txt.json").stat().st_mode & 0o777 == 0o640


def test_skip_existing_redoes_error_records(runner: CliRunner, tmp_path: Path) -> None:
    d = tmp_path / "in"
    write(d / "a.txt", ORLOV)
    (d / "b.txt").write_bytes(b"")
    out = tmp_path / "out"
    assert invoke(runner, [str(d), "--out-dir", str(out)]).exit_code == 1
    assert json.loads((out / "b.txt.json").read_text(encoding="utf-8"))["error"]["kind"] == "empty"
    a_before = (out / "a.txt.json").stat().st_mtime_ns
    write(d / "b.txt", MILYAEV)  # fixed: the resumed run must pick it up
    result = invoke(runner, [str(d), "--out-dir", str(out), "--skip-existing"])
    assert result.exit_code == 0, result.stderr
    assert "1 document, 0 failed, 1 skipped" in result.stderr
    assert "Дмитрий Миляев" in person_names(json.loads((out / "b.txt.json").read_text(encoding="utf-8")))
    assert (out / "a.txt.json").stat().st_mtime_ns == a_before


def test_file_names_are_quoted_on_stderr(runner: CliRunner, tmp_path: Path) -> None:
    d = tmp_path / "in"
    write(d / "a.txt", ORLOV)
    fake = "b\nextract: 9 documents, 0 failed, 0.1 s, 90.0 docs\n.txt"
    (d / fake).write_bytes(b"")
    result = invoke(runner, [str(d)])
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert len(lines) == 2 and lines[-1].startswith("extract: 2 documents, 1 failed")
    assert lines[0] == f"extract: {str(d / fake)!r}: file is empty"
    assert [r["source"] for r in lines_of(result)] == [str(d / "a.txt"), str(d / fake)]  # the name as it is


def lines_of(result: Result) -> list[dict[str, Any]]:
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_stdin_with_out_dir_says_why(runner: CliRunner, tmp_path: Path) -> None:
    result = invoke(runner, ["-", "--out-dir", str(tmp_path / "out")], input=ORLOV.encode("utf-8"))
    assert result.exit_code == 2
    assert "- (stdin) has no file name to write under --out-dir" in result.stderr
    assert "mixed" not in result.stderr


def test_text_over_the_limit_is_too_large(runner: CliRunner, tmp_path: Path) -> None:
    from extractor.io.reader import MAX_TEXT_CHARS

    d = tmp_path / "in"
    write(d / "a.txt", ORLOV)
    (d / "huge.txt").write_bytes(b"Press release. " * (MAX_TEXT_CHARS // 15 + 1))
    result = invoke(runner, [str(d), "--jobs", "1"])
    assert result.exit_code == 1
    kinds = [r.get("error", {}).get("kind") for r in lines(result)]
    assert kinds == [None, "too_large"]
    assert f"more than the limit of {MAX_TEXT_CHARS}" in result.stderr


def test_html_cleaner_is_a_direct_dependency() -> None:
    from importlib.metadata import requires

    assert any(r.replace("-", "_").startswith("lxml_html_clean") for r in requires("ru-press-extractor") or [])


def test_version_is_the_distributions(runner: CliRunner) -> None:
    from importlib.metadata import version

    result = invoke(runner, ["--version"])
    assert result.exit_code == 0
    assert result.stdout.strip() == f"extract, version {version('ru-press-extractor')}"
    assert "unknown" not in result.stdout
