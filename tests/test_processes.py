"""`extract` as a real process among others: a parent that dies. Each runs the CLI in a
subprocess (the faults are the operating system's)."""

from __future__ import annotations

import json
import os
import shlex
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from conftest import validate

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
CLI = [sys.executable, "-c", "from extractor.cli import main; main()"]
ENV = {**os.environ, "PYTHONIOENCODING": "utf-8"}
ORLOV = "Губернатор Калужской области Николай Орлов встретился с делегацией промышленников.\n"
# Seconds to wait for something that happens at once when the code is right (a generous bound
# on a loaded machine, not a measure of speed: a test fails only when it never happens).
PATIENCE = 60


def releases(d: Path, n: int) -> Path:
    d.mkdir(parents=True)
    text = (SAMPLES / "02_company_results.txt").read_text(encoding="utf-8")
    for k in range(n):
        (d / f"{k:03d}.txt").write_text(text, encoding="utf-8")
    return d


def children(pid: int) -> list[int]:
    tasks = Path(f"/proc/{pid}/task")
    return [int(c) for t in tasks.iterdir() for c in (t / "children").read_text().split()]


def gone(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        return True
    return stat.rsplit(")", 1)[1].split()[0] == "Z"  # a zombie nobody reaps is gone too


def still_alive(pids: list[int]) -> list[int]:
    deadline = time.monotonic() + PATIENCE
    while (alive := [p for p in pids if not gone(p)]) and time.monotonic() < deadline:
        time.sleep(0.1)
    for p in alive:  # do not leave them behind when the test fails
        os.kill(p, signal.SIGKILL)
    return alive


def running_on(path: Path) -> list[int]:
    """Processes whose command line names `path`."""
    pids = []
    for proc in Path("/proc").iterdir():
        try:
            if proc.name.isdigit() and str(path).encode() in (proc / "cmdline").read_bytes():
                pids.append(int(proc.name))
        except OSError:
            continue
    return pids


def wait_for(condition: Callable[[], bool], proc: subprocess.Popen[Any]) -> None:
    deadline = time.monotonic() + PATIENCE
    while not condition():
        assert proc.poll() is None, "extract ended early"
        assert time.monotonic() < deadline, "timed out waiting"
        time.sleep(0.05)


@pytest.fixture
def batch_dir(tmp_path: Path) -> Path:
    return releases(tmp_path / "in", 60)


pytestmark = pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="needs Linux /proc")


# --------------------------------------------------------------------------- a parent that goes away


def test_workers_exit_when_the_parent_is_killed(batch_dir: Path) -> None:
    proc = subprocess.Popen([*CLI, str(batch_dir), "--jobs", "2"], stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, env=ENV)  # fmt: skip
    try:
        assert json.loads(proc.stdout.readline())  # a document is out: the workers run  # type: ignore[union-attr]
        workers = children(proc.pid)
        assert workers
        proc.kill()
        proc.wait()
        assert still_alive(workers) == []
    finally:
        proc.kill()
        proc.communicate()


def test_workers_exit_when_a_pipe_reader_stops_early(batch_dir: Path) -> None:
    """The README's `extract dir | jq` pattern, when the reader stops after one line."""
    command = f"{shlex.join(CLI)} {shlex.quote(str(batch_dir))} --jobs 2 | head -1"
    # stderr is a pipe the workers inherit: it ends only when every process holding it is gone
    try:
        done = subprocess.run(["sh", "-c", command], capture_output=True, env=ENV, timeout=PATIENCE + 60)
    except subprocess.TimeoutExpired:
        still_alive(running_on(batch_dir))  # kill the orphans, then fail
        raise
    assert len(done.stdout.splitlines()) == 1
    validate(json.loads(done.stdout))
    assert b"Traceback" not in done.stderr
