"""The same extraction on a Dask cluster: `extract --scheduler` gives the local run's output byte
for byte, `extract_bag` and `extract_partition` the pipeline's records. A real LocalCluster (two
worker processes, loopback only, no dashboard) is started once for the module."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import dask.bag
import pytest
from click.testing import CliRunner, Result
from distributed import Client, LocalCluster

from extractor import dask_backend
from extractor.cli import main
from extractor.dask_backend import LOCAL_CLUSTER, extract_bag, extract_partition
from extractor.pipeline import Pipeline

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
TEXTS = [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))]


@pytest.fixture(scope="module")
def cluster() -> Iterator[LocalCluster]:
    with LocalCluster(**LOCAL_CLUSTER) as c:
        yield c


def cli(*args: str) -> Result:
    return CliRunner().invoke(main, [*args, "--no-progress"], catch_exceptions=False)


@pytest.fixture(scope="module")
def batch_args(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    tmp = tmp_path_factory.mktemp("dask-batch")
    (tmp / "empty.txt").write_bytes(b"")
    return [str(SAMPLES), str(tmp / "missing.txt"), str(tmp / "empty.txt")]


def test_cli_on_the_cluster_gives_the_local_output(cluster: LocalCluster, batch_args: list[str]) -> None:
    local = cli(*batch_args, "--jobs", "1")
    remote = cli(*batch_args, "--scheduler", cluster.scheduler_address)
    assert local.exit_code == remote.exit_code == 1  # the missing and the empty file
    assert remote.stdout == local.stdout
    lines = remote.stdout.splitlines()
    assert len(lines) == len(TEXTS) + 2
    assert sum('"error"' in line for line in lines) == 2
    for message in ("missing.txt: no such file", "empty.txt: file is empty", f"{len(TEXTS) + 2} documents, 2 failed"):
        assert message in remote.stderr


def test_cli_out_dir_on_the_cluster(cluster: LocalCluster, tmp_path: Path) -> None:
    local, remote = tmp_path / "local", tmp_path / "remote"
    assert cli(str(SAMPLES), "--jobs", "1", "--out-dir", str(local)).exit_code == 0
    assert cli(str(SAMPLES), "--scheduler", cluster.scheduler_address, "--out-dir", str(remote)).exit_code == 0
    names = sorted(p.name for p in local.iterdir())
    assert names == sorted(p.name for p in remote.iterdir()) and len(names) == len(TEXTS)
    for name in names:
        assert (remote / name).read_bytes() == (local / name).read_bytes()


def test_scheduler_usage_errors(monkeypatch: pytest.MonkeyPatch) -> None:
    result = cli(str(SAMPLES), "--scheduler", "local", "--jobs", "2")
    assert result.exit_code == 2 and "--jobs and --scheduler" in result.stderr
    monkeypatch.setattr(dask_backend, "dask_available", lambda: False)
    result = cli(str(SAMPLES), "--scheduler", "local")
    assert result.exit_code == 2
    assert "pip install 'ru-press-extractor[dask]'" in result.stderr
    assert result.stdout == ""


def test_unreachable_scheduler_is_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(dask_backend, "CONNECT_TIMEOUT", 1)
    result = cli(str(SAMPLES), "--scheduler", "tcp://127.0.0.1:9")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "extract: cannot connect to the Dask scheduler at tcp://127.0.0.1:9" in result.stderr
    assert "Traceback" not in result.stderr


def _persons(record: dict[str, Any]) -> list[dict[str, Any]]:
    return record["persons"]


def test_extract_bag_gives_the_pipeline_records(cluster: LocalCluster, tmp_path: Path) -> None:
    pipeline = Pipeline()
    expected = [pipeline.extract(t).to_json() for t in TEXTS]
    assert all(_persons(r) for r in expected)
    missing = tmp_path / "missing.txt"
    items: list[Any] = [*TEXTS, ("named.txt", TEXTS[0]), sorted(SAMPLES.glob("*.txt"))[1], missing]
    with Client(cluster):
        records = extract_bag(dask.bag.from_sequence(items, npartitions=3)).compute()
    assert len(records) == len(items)
    assert [_persons(r) for r in records[: len(TEXTS)]] == [_persons(r) for r in expected]
    assert records[: len(TEXTS)] == expected  # source "-" for a text, as Pipeline.extract
    assert records[len(TEXTS)]["source"] == "named.txt"
    assert _persons(records[len(TEXTS)]) == _persons(expected[0])
    assert _persons(records[len(TEXTS) + 1]) == _persons(expected[1])
    assert records[-1]["source"] == str(missing) and records[-1]["error"]["kind"] == "not_found"


def test_extract_partition_without_dask() -> None:
    """A plain function: Spark executors call it with no Dask installed, so none is imported."""
    code = (
        "import sys\n"
        "from extractor.run.cluster import extract_partition\n"
        "out = extract_partition([sys.argv[1], ('b.txt', sys.argv[1])])\n"
        "assert [r['source'] for r in out] == ['-', 'b.txt'], out\n"
        "assert out[0]['persons'] and out[0]['persons'] == out[1]['persons']\n"
        "assert not {'dask', 'distributed'} & set(sys.modules), sorted(sys.modules)\n"
    )
    subprocess.run([sys.executable, "-c", code, TEXTS[0]], check=True, timeout=300)


def test_extract_partition_records(pipeline: Pipeline) -> None:
    records = extract_partition([*TEXTS, *TEXTS[:2]])
    assert records == [pipeline.extract(t).to_json() for t in [*TEXTS, *TEXTS[:2]]]
    with pytest.raises(TypeError):
        extract_partition([b"bytes"])  # type: ignore[list-item]


def _slow(self: Pipeline, requests: list[Any]) -> list[Any]:
    while True:  # Python code, where the asynchronous exception gets in
        time.sleep(0.01)


def test_time_limit_in_a_worker_thread(monkeypatch: pytest.MonkeyPatch) -> None:
    """Dask runs tasks in threads, where SIGALRM cannot be used: the time limit still holds."""
    extract_partition(["прогрев"])  # models loaded, batch's pipeline created
    monkeypatch.setattr(Pipeline, "extract_many", _slow)
    out: list[Any] = []
    thread = threading.Thread(target=lambda: out.append(extract_partition([TEXTS[0], ("b", TEXTS[1])], timeout=0.2)))
    thread.start()
    thread.join(60)
    assert not thread.is_alive()
    assert [r["error"]["kind"] for r in out[0]] == ["timeout", "timeout"]
    assert [r["source"] for r in out[0]] == ["-", "b"]
    monkeypatch.undo()
    time.sleep(0.3)  # no timer left behind to fire later
    assert extract_partition([TEXTS[0]])[0]["persons"]


def test_losing_the_scheduler_is_one_line(tmp_path: Path) -> None:
    """A scheduler of its own, killed while the CLI waits on it: one line, exit code 1, none of
    distributed's tracebacks."""
    scheduler = subprocess.Popen(
        [sys.executable, "-m", "distributed.cli.dask_scheduler", "--host", "127.0.0.1", "--port", "0",
         "--no-dashboard"], stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    cli_proc = None
    try:
        address = ""
        while not address:
            line = scheduler.stderr.readline()  # type: ignore[union-attr]
            assert line, "the scheduler did not start"
            if "Scheduler at:" in line:
                address = line.split("Scheduler at:")[1].strip()
        # no worker: the chunks wait on the scheduler until it goes away
        command = [sys.executable, "-c", "from extractor.cli import main; main()", str(SAMPLES), "--scheduler", address]
        cli_proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        with Client(address, timeout=30) as probe:
            deadline = time.monotonic() + 120
            while not probe.run_on_scheduler(lambda dask_scheduler: len(dask_scheduler.tasks)):
                assert cli_proc.poll() is None and time.monotonic() < deadline
                time.sleep(0.1)
        scheduler.kill()
        out, err = cli_proc.communicate(timeout=180)
    finally:
        scheduler.kill()
        scheduler.communicate()
        if cli_proc is not None:
            cli_proc.kill()
    stderr = err.decode("utf-8")
    assert cli_proc.returncode == 1, stderr
    assert out == b""
    assert stderr.splitlines() == [f"extract: lost the Dask cluster at {address} (FuturesCancelledError)"]
