"""Batches that lose nothing: one record per input in input order whatever --jobs is, bad inputs,
time limits, dying workers, Ctrl-C and resuming, a bounded number of documents in flight."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from conftest import check_offsets, validate

from extractor.cli import main
from extractor.io.reader import read_path
from extractor.pipeline import Pipeline
from extractor.run import local
from extractor.run.chunks import CHUNK_SIZE, WINDOW_PER_WORKER, Item, Settings
from extractor.run.local import run

SAMPLES = Path(__file__).resolve().parent.parent / "samples"

REGIONS = ["Калужской", "Тульской", "Пензенской", "Рязанской", "Владимирской", "Тверской", "Ярославской"]
NAMES = ["Николай Орлов", "Дмитрий Миляев", "Олег Мельниченко", "Павел Малков", "Александр Авдеев",
         "Игорь Руденя", "Михаил Евраев"]  # fmt: skip
TEMPLATES = [
    "Губернатор {region} области {name} встретился с делегацией промышленников {day} мая 2024 года. "
    "Выручка предприятий региона за первое полугодие выросла на {pct},5%.\n",
    "{day} мая 2024 года губернатор {region} области {name} открыл новый завод ООО «Вектор». "
    "Инвестиции в проект составили более {pct}% бюджета области.\n",
    "Глава {region} области {name} провёл совещание с руководителями муниципалитетов.\n"
    "Безработица в регионе снизилась на {pct} п. п. по сравнению с прошлым годом.\n",
]
HTML = """<!DOCTYPE html>
<html lang="ru"><head><title>Пресс-центр</title><script>var author = "Иван Петров";</script></head>
<body>
<nav><ul><li><a href="/">Главная</a></li><li><a href="/blog">Блог Сергея Кузнецова</a></li>
<li><a href="/contacts">Контакты</a></li></ul></nav>
<article>
<h1>Губернатор встретился с промышленниками</h1>
<p>Губернатор Калужской области <b>Николай Орлов</b> встретился с делегацией промышленников.
Выручка предприятия за первое полугодие выросла на 12,5%.</p>
<p>Стороны договорились продолжить сотрудничество в следующем году.</p>
</article>
<footer>© 2024 Правительство области. Разработка сайта: Андрей Смирнов</footer>
</body></html>
"""
PLAIN = "Губернатор Калужской области Николай Орлов встретился с делегацией промышленников.\n"


def release(k: int) -> str:
    return TEMPLATES[k % len(TEMPLATES)].format(
        region=REGIONS[k % len(REGIONS)], name=NAMES[k % len(NAMES)], day=k % 28 + 1, pct=k % 9 + 2
    )


def invoke(args: list[str]) -> Result:
    result = CliRunner().invoke(main, args, catch_exceptions=False)
    assert "Traceback" not in result.stdout and "Traceback" not in result.stderr
    return result


def records(result: Result) -> list[dict[str, Any]]:
    out = [json.loads(line) for line in result.stdout.splitlines()]
    for r in out:
        validate(r)
    return out


def kinds(recs: list[dict[str, Any]]) -> dict[str, str | None]:
    return {Path(r["source"]).name: r["error"]["kind"] if "error" in r else None for r in recs}


# --------------------------------------------------------------------------- a mixed batch


@pytest.fixture(scope="module")
def mixed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str], dict[str, str | None]]:
    """30 inputs: a directory of text files, an HTML page and a missing file named explicitly.
    Returns (directory, CLI paths, expected error kind or None per file name)."""
    d = tmp_path_factory.mktemp("mixed") / "releases"
    d.mkdir()
    expected: dict[str, str | None] = {}

    def put(name: str, data: bytes, kind: str | None) -> None:
        (d / name).write_bytes(data)
        expected[name] = kind

    put("00_empty.txt", b"", "empty")
    put("01_binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 40, "binary")
    put("02_cp1251.txt", release(0).encode("cp1251"), None)
    put("03_koi8.txt", release(1).replace("«", '"').replace("»", '"').encode("koi8_r"), None)
    put("04_utf16.txt", release(2).replace("\n", "\r\n").encode("utf-16"), None)
    paragraph = release(3).encode("utf-8")
    put("05_huge.txt", paragraph * (2_000_000 // len(paragraph)), "timeout")  # ~2 MB: tens of seconds
    line = (release(4).replace("\n", " ") * 1000)[:50_000]
    put("06_line.txt", (line + "\n").encode("utf-8"), None)
    put("07_page.html", HTML.encode("utf-8"), None)
    for k in range(8, 29):
        put(f"{k:02d}_release.txt", release(k).encode("utf-8"), None)
    expected["29_missing.txt"] = "not_found"
    paths = [str(d), str(d / "07_page.html"), str(d / "29_missing.txt")]
    assert len(expected) == 30
    return d, paths, expected


# The huge document needs tens of seconds: with this limit it becomes a timeout record, while the
# others (the 50,000-character line included) take well under a second.
MIXED_TIMEOUT = "4"


@pytest.fixture(scope="module")
def mixed_runs(mixed: tuple[Path, list[str], dict[str, str | None]]) -> dict[int, Result]:
    _, paths, _ = mixed
    return {jobs: invoke([*paths, "--jobs", str(jobs), "--timeout", MIXED_TIMEOUT]) for jobs in (1, 2)}


@pytest.mark.parametrize("jobs", [1, 2])
def test_mixed_batch_gives_one_record_per_input_in_order(
    mixed: tuple[Path, list[str], dict[str, str | None]], mixed_runs: dict[int, Result], jobs: int
) -> None:
    d, _, expected = mixed
    result = mixed_runs[jobs]
    assert result.exit_code == 1, result.stderr
    recs = records(result)
    assert [r["source"] for r in recs] == sorted(str(d / name) for name in expected)
    assert kinds(recs) == expected
    for r in recs:
        if "error" in r:
            assert r["source"] in r["error"]["message"]
            assert sum(r["source"] in line for line in result.stderr.splitlines()) == 1
        else:
            assert r["persons"], r["source"]
            check_offsets(read_path(r["source"]), r)
    assert "30 documents, 4 failed" in result.stderr
    by_name = {Path(r["source"]).name: r for r in recs}
    huge = by_name["05_huge.txt"]["error"]["message"]
    assert huge == f"{d / '05_huge.txt'}: extraction took longer than {MIXED_TIMEOUT} s"
    names = lambda r: {p["name"] for p in r["persons"]}  # noqa: E731
    assert "Николай Орлов" in names(by_name["02_cp1251.txt"])
    assert "Дмитрий Миляев" in names(by_name["03_koi8.txt"])
    assert "Олег Мельниченко" in names(by_name["04_utf16.txt"])
    page = by_name["07_page.html"]
    assert names(page) == {"Николай Орлов"}  # not the script, the menu or the footer
    assert [p["value"] for p in page["percentages"]] == [12.5]


def test_mixed_batch_output_does_not_depend_on_jobs(mixed_runs: dict[int, Result]) -> None:
    assert mixed_runs[1].stdout_bytes == mixed_runs[2].stdout_bytes


def test_html_only_by_name_or_glob(tmp_path: Path) -> None:
    d = tmp_path / "site"
    d.mkdir()
    (d / "a.txt").write_text(PLAIN, encoding="utf-8")
    (d / "b.html").write_text(HTML, encoding="utf-8")
    assert [Path(r["source"]).name for r in records(invoke([str(d)]))] == ["a.txt"]
    result = invoke([str(d), "--glob", "*.html"])
    assert result.exit_code == 0, result.stderr
    (page,) = records(result)
    assert page["source"] == str(d / "b.html")
    assert [p["name"] for p in page["persons"]] == ["Николай Орлов"]


# --------------------------------------------------------------------------- time limits


@pytest.fixture
def slow_pipeline(monkeypatch: pytest.MonkeyPatch) -> None:
    """Extraction of any group holding a document whose source contains "slow" sleeps for a
    minute. Forked workers inherit the patch."""
    original = Pipeline.extract_many

    def extract_many(self: Pipeline, requests: list[Any]) -> list[Any]:
        if any("slow" in r.source for r in requests):
            time.sleep(60)
        return original(self, requests)

    monkeypatch.setattr(Pipeline, "extract_many", extract_many)


def small_batch(d: Path, slow_at: int, n: int = 5) -> list[Item]:
    d.mkdir()
    items = []
    for k in range(n):
        f = d / (f"{k}_slow.txt" if k == slow_at else f"{k}.txt")
        f.write_text(release(k), encoding="utf-8")
        items.append(Item(str(f), str(f)))
    return items


@pytest.mark.usefixtures("slow_pipeline")
def test_timeout_gives_a_record_and_the_batch_goes_on(tmp_path: Path) -> None:
    items = small_batch(tmp_path / "in", slow_at=2)
    settings = Settings(timeout=0.5)
    one = list(run(items, settings, jobs=1))
    two = list(run(items, settings, jobs=2))
    assert [r.item for r in one] == [r.item for r in two] == items
    assert [r.line for r in one] == [r.line for r in two]
    slow = items[2].source
    assert [r.failed for r in one] == [False, False, True, False, False]
    assert json.loads(one[2].line) == {
        "source": slow, "error": {"kind": "timeout", "message": f"{slow}: extraction took longer than 0.5 s"},
    }
    assert one[2].error == f"{slow}: extraction took longer than 0.5 s"
    assert "Николай Орлов" in {p["name"] for p in json.loads(one[0].line)["persons"]}


@pytest.mark.usefixtures("slow_pipeline")
def test_timeout_option(tmp_path: Path) -> None:
    items = small_batch(tmp_path / "in", slow_at=1, n=3)
    result = invoke([str(tmp_path / "in"), "--timeout", "0.3", "--jobs", "1"])
    assert result.exit_code == 1
    assert kinds(records(result)) == {"0.txt": None, "1_slow.txt": "timeout", "2.txt": None}
    assert f"{items[1].source}: extraction took longer than 0.3 s" in result.stderr
    single = invoke([items[1].path, "--timeout", "0.3"])
    assert single.exit_code == 1 and single.stdout == ""
    assert "took longer than 0.3 s" in single.stderr


def test_worker_stuck_beyond_its_timer_is_killed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    original = Pipeline.extract_many

    def stuck(self: Pipeline, requests: list[Any]) -> list[Any]:
        if any("slow" in r.source for r in requests):
            signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})  # as if stuck in C code
            time.sleep(60)
        return original(self, requests)

    monkeypatch.setattr(Pipeline, "extract_many", stuck)
    monkeypatch.setattr(local, "KILL_GRACE", 0.5)
    items = small_batch(tmp_path / "in", slow_at=1, n=3)
    results = list(run(items, Settings(timeout=0.2), jobs=2))
    assert [r.item for r in results] == items
    assert [r.failed for r in results] == [False, True, False]
    assert json.loads(results[1].line)["error"]["kind"] == "timeout"


# --------------------------------------------------------------------------- dying workers


def test_crashing_worker_gives_an_internal_record(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    d = tmp_path / "in"
    d.mkdir()
    for k in range(12):
        (d / (f"{k:02d}_boom-7f3.txt" if k == 5 else f"{k:02d}.txt")).write_text(release(k), encoding="utf-8")
    reference = invoke([str(d), "--jobs", "1"])
    original = Pipeline.extract_many

    def crash(self: Pipeline, requests: list[Any]) -> list[Any]:
        if any("boom-7f3" in r.source for r in requests):
            os._exit(70)  # as a segfault would: no exception, the process is gone
        return original(self, requests)

    monkeypatch.setattr(Pipeline, "extract_many", crash)  # the forked workers inherit the patch
    result = invoke([str(d), "--jobs", "2"])
    assert result.exit_code == 1
    recs = records(result)
    assert len(recs) == 12
    bad = recs[5]
    assert bad["error"]["kind"] == "internal"
    assert bad["error"]["message"].startswith(f"{d / '05_boom-7f3.txt'}: extraction failed (worker process died")
    expected = reference.stdout.splitlines()
    got = result.stdout.splitlines()
    assert got[:5] + got[6:] == expected[:5] + expected[6:]  # its chunk-mates were redone
    assert "12 documents, 1 failed" in result.stderr


# --------------------------------------------------------------------------- memory


def test_items_are_taken_lazily(tmp_path: Path) -> None:
    """Only a bounded window of documents is taken from the input ahead of the output."""
    taken = 0

    def items() -> Iterator[Item]:
        nonlocal taken
        for k in range(300):
            taken += 1
            path = str(tmp_path / f"missing-{k:03d}.txt")  # fast: a not_found record each
            yield Item(path, path)

    jobs = 2
    ahead = 0
    for k, result in enumerate(run(items(), Settings(), jobs=jobs)):
        assert result.item.source.endswith(f"missing-{k:03d}.txt")
        ahead = max(ahead, taken - k)
    assert k == 299
    assert ahead <= (WINDOW_PER_WORKER * jobs + 1) * CHUNK_SIZE


# --------------------------------------------------------------------------- Ctrl-C


def test_interrupt_leaves_complete_files_and_resumes(tmp_path: Path) -> None:
    d = tmp_path / "in"
    d.mkdir()
    text = (SAMPLES / "02_company_results.txt").read_text(encoding="utf-8")
    for k in range(200):
        (d / f"{k:03d}.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    cmd = [sys.executable, "-c", "from extractor.cli import main; main()", str(d), "--jobs", "2", "--out-dir", str(out)]
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    proc = subprocess.Popen(
        cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),  # a background shell ignores it
    )
    try:
        deadline = time.monotonic() + 120
        while len(list(out.glob("*.json"))) < 10 and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
    stderr = err.decode("utf-8")
    assert proc.returncode == 130, stderr
    assert "interrupted" in stderr
    assert "Traceback" not in stderr
    assert not [p for p in out.iterdir() if not p.name.endswith(".json")]  # no temp files left
    done = sorted(out.glob("*.json"))
    assert 10 <= len(done) < 200
    for p in done:
        validate(json.loads(p.read_text(encoding="utf-8")))

    resumed = subprocess.run([*cmd, "--skip-existing"], capture_output=True, env=env, timeout=300)
    stderr = resumed.stderr.decode("utf-8")
    assert resumed.returncode == 0, stderr
    assert f"{200 - len(done)} documents, 0 failed" in stderr
    assert len(list(out.glob("*.json"))) == 200
    assert not [p for p in out.iterdir() if not p.name.endswith(".json")]


# --------------------------------------------------------------------------- faults (issue 16)


def test_any_exception_while_reading_is_an_internal_record_whatever_the_jobs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from extractor.io import reader

    d = tmp_path / "in"
    d.mkdir()
    for k in range(10):
        (d / (f"{k:02d}_odd.txt" if k == 3 else f"{k:02d}.txt")).write_text(release(k), encoding="utf-8")
    original = reader.decode_bytes

    def odd(data: bytes, source: str, *args: Any, **kwargs: Any) -> str:
        if "odd" in source:
            raise RuntimeError("a codec's own failure\nsecond line")
        return original(data, source, *args, **kwargs)

    monkeypatch.setattr(reader, "decode_bytes", odd)  # the forked workers inherit the patch
    one, two = (invoke([str(d), "--jobs", jobs]) for jobs in ("1", "2"))
    assert one.exit_code == two.exit_code == 1
    assert one.stdout == two.stdout
    odd_record = records(one)[3]
    assert odd_record["error"] == {
        "kind": "internal", "message": f"{d / '03_odd.txt'}: reading failed (RuntimeError: a codec's own failure)",
    }
    assert "10 documents, 1 failed" in one.stderr and "10 documents, 1 failed" in two.stderr


def test_workers_are_no_more_than_the_chunks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    started: list[int] = []

    class Counted(local._Worker):
        def __init__(self, *args: Any) -> None:
            started.append(1)
            super().__init__(*args)

    monkeypatch.setattr(local, "_Worker", Counted)
    d = tmp_path / "in"
    d.mkdir()
    for k in range(2):
        (d / f"{k}.txt").write_text(release(k), encoding="utf-8")
    result = invoke([str(d), "--jobs", "12"])
    assert result.exit_code == 0, result.stderr
    assert len(records(result)) == 2
    assert len(started) == 1  # two inputs are one chunk: one worker, not twelve


def test_a_step_stuck_in_c_code_is_killed_after_its_own_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The parent kills a worker whose step (here the extraction of a chunk of 8) runs past the
    time limit plus KILL_GRACE, not past a limit for the whole chunk (17 times the time limit)."""
    timeout, grace, stuck_for = 0.5, 0.3, 4.0  # killed after 0.8 s; a deadline per chunk would be 8.8 s
    original = Pipeline.extract_many

    def stuck(self: Pipeline, requests: list[Any]) -> list[Any]:
        if any("slow" in r.source for r in requests):
            signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})  # as if in C code: no timer
            time.sleep(stuck_for)
            signal.sigtimedwait({signal.SIGALRM}, 0)  # a step not killed by then finishes normally
            signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGALRM})
        return original(self, requests)

    monkeypatch.setattr(Pipeline, "extract_many", stuck)
    monkeypatch.setattr(local, "KILL_GRACE", grace)
    items = small_batch(tmp_path / "in", slow_at=3, n=CHUNK_SIZE)
    results = list(run(items, Settings(timeout=timeout), jobs=2))
    assert [r.item for r in results] == items
    assert [r.failed for r in results] == [k == 3 for k in range(CHUNK_SIZE)]
    assert json.loads(results[3].line)["error"]["kind"] == "timeout"
