"""`extract` as a real process among others: a parent that dies or is told to stop, a closed or
full stdout, files it may not read or write, a small open-file limit, a FIFO. Each runs the CLI
in a subprocess (the faults are the operating system's) except the FIFO, which needs no other
process."""

from __future__ import annotations

import ctypes
import json
import os
import resource
import shlex
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from conftest import validate

from extractor.cli import main

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
    """Enough documents for both workers, and for the parent to be writing when it is stopped."""
    return releases(tmp_path / "in", 24)


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


def test_sigterm_stops_with_a_summary_and_complete_files(tmp_path: Path) -> None:
    """SIGTERM to the whole process group, as `timeout` and systemd send it: the parent stops the
    run (the workers leave it to the parent) and says how far it got."""
    batch_dir = releases(tmp_path / "in", 60)  # still running after the first few
    out = tmp_path / "out"
    command = [*CLI, str(batch_dir), "--jobs", "2", "--out-dir", str(out)]
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=ENV, start_new_session=True)
    try:
        wait_for(lambda: len(list(out.glob("*.json"))) >= 3, proc)
        workers = children(proc.pid)
        os.killpg(proc.pid, signal.SIGTERM)
        _, err = proc.communicate(timeout=PATIENCE)
    finally:
        proc.kill()
    stderr = err.decode("utf-8")
    assert proc.returncode == 143, stderr
    assert "Traceback" not in stderr
    done = sorted(out.iterdir())
    assert f"extract: terminated after {len(done)} of 60 documents (--skip-existing resumes)" in stderr
    assert all(p.suffix == ".json" for p in done)  # no temporary file
    for p in done:
        record = json.loads(p.read_text(encoding="utf-8"))
        validate(record)
        assert "error" not in record  # no worker counted as dead on the way out
    assert still_alive(workers) == []


# --------------------------------------------------------------------------- stdout


def test_full_stdout_is_one_line_and_exit_3(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text(ORLOV, encoding="utf-8")
    with open("/dev/full", "w") as full:
        done = subprocess.run([*CLI, str(f)], stdout=full, stderr=subprocess.PIPE, env=ENV, timeout=PATIENCE * 2)
    assert done.returncode == 3, done.stderr
    assert done.stderr.decode("utf-8") == "extract: cannot write to stdout: No space left on device\n"


def test_closed_stdout_is_one_line_and_exit_3(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text(ORLOV, encoding="utf-8")
    command = f"{shlex.join(CLI)} {shlex.quote(str(f))} >&-"
    done = subprocess.run(["sh", "-c", command], capture_output=True, env=ENV, timeout=PATIENCE * 2)
    assert done.returncode == 3, done.stderr
    assert done.stderr.decode("utf-8") == "extract: cannot write to stdout: it is closed\n"


# --------------------------------------------------------------------------- permissions

_PR_CAPBSET_DROP, _CAP_DAC_OVERRIDE, _CAP_DAC_READ_SEARCH = 24, 1, 2


def _without_root_file_access() -> None:
    """In the child, before exec: drop the capabilities that let root read and write any file."""
    libc = ctypes.CDLL(None, use_errno=True)
    for cap in (_CAP_DAC_OVERRIDE, _CAP_DAC_READ_SEARCH):
        if libc.prctl(_PR_CAPBSET_DROP, cap, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")


def _can_drop_root_file_access() -> bool:
    if os.geteuid() != 0:
        return True
    try:
        subprocess.run(["true"], preexec_fn=_without_root_file_access, check=True)
    except (OSError, subprocess.SubprocessError):
        return False
    return True


@pytest.fixture
def unprivileged() -> Iterator[Callable[..., subprocess.CompletedProcess[bytes]]]:
    """Run the CLI as a user that file permissions apply to (root without its file capabilities)."""
    if not _can_drop_root_file_access():
        pytest.skip("cannot drop root's file capabilities here")
    preexec = _without_root_file_access if os.geteuid() == 0 else None

    def cli(*args: str) -> subprocess.CompletedProcess[bytes]:
        return subprocess.run([*CLI, *args], capture_output=True, env=ENV, timeout=PATIENCE * 2, preexec_fn=preexec)

    yield cli


def test_unreadable_files_and_folders_are_records(tmp_path: Path, unprivileged: Any) -> None:
    d = tmp_path / "in"
    (d / "locked").mkdir(parents=True)
    (d / "a.txt").write_text(ORLOV, encoding="utf-8")
    (d / "locked" / "b.txt").write_text(ORLOV, encoding="utf-8")
    (d / "secret.txt").write_text(ORLOV, encoding="utf-8")
    named = tmp_path / "named-secret.txt"
    named.write_text(ORLOV, encoding="utf-8")
    for p in (d / "locked", d / "secret.txt", named):
        p.chmod(0)
    try:
        done = unprivileged(str(d), str(named), "--jobs", "1")
    finally:
        for p in (d / "locked", d / "secret.txt", named):
            p.chmod(0o755)
    stderr = done.stderr.decode("utf-8")
    assert done.returncode == 1, stderr
    records = [json.loads(line) for line in done.stdout.decode("utf-8").splitlines()]
    assert [(Path(r["source"]).name, r.get("error", {}).get("kind")) for r in records] == [
        ("a.txt", None), ("locked", "unreadable"), ("secret.txt", "unreadable"), ("named-secret.txt", "unreadable"),
    ]  # fmt: skip
    assert records[1]["error"]["message"] == f"{d / 'locked'}: cannot list the directory: Permission denied"
    assert "4 documents, 3 failed" in stderr


def test_read_only_out_dir_is_one_line_and_exit_3(tmp_path: Path, unprivileged: Any) -> None:
    (tmp_path / "a.txt").write_text(ORLOV, encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    out.chmod(0o555)
    try:
        done = unprivileged(str(tmp_path / "a.txt"), "--out-dir", str(out))
    finally:
        out.chmod(0o755)
    assert done.returncode == 3
    assert done.stderr.decode("utf-8") == f"extract: cannot write to {out}: Permission denied\n"
    assert list(out.iterdir()) == []


# --------------------------------------------------------------------------- limits


def test_jobs_beyond_the_open_file_limit(tmp_path: Path) -> None:
    d = tmp_path / "in"
    d.mkdir()
    for k in range(40):
        (d / f"{k:02d}.txt").write_bytes(b"")  # an `empty` record each: quick
    limit = 40  # room for the interpreter and 8 workers, not for 30
    done = subprocess.run([*CLI, str(d), "--jobs", "30"], capture_output=True, env=ENV, timeout=PATIENCE * 2,
                          preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_NOFILE, (limit, limit)))  # fmt: skip
    stderr = done.stderr.decode("utf-8")
    assert done.returncode == 1, stderr  # 40 empty files
    assert "Traceback" not in stderr
    assert f"extract: --jobs 30 needs about 84 open files but the limit is {limit} (ulimit -n): running 8 worker " \
        "processes" in stderr.splitlines()  # fmt: skip
    assert len(done.stdout.splitlines()) == 40
    assert "40 documents, 40 failed" in stderr


def test_reading_a_fifo_honours_the_time_limit(tmp_path: Path) -> None:
    """A FIFO nobody writes to blocks open() forever: the time limit ends the wait."""
    fifo = tmp_path / "release.txt"
    os.mkfifo(fifo)
    stop = threading.Event()

    def unblock_if_still_waiting() -> None:  # so that a failure is a failure, not a hung suite
        if not stop.wait(PATIENCE):
            try:
                os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
            except OSError:
                pass

    threading.Thread(target=unblock_if_still_waiting, daemon=True).start()
    try:
        result = CliRunner().invoke(main, [str(fifo), "--timeout", "0.5"], catch_exceptions=False)
    finally:
        stop.set()
    assert result.exit_code == 1
    assert result.stderr == f"extract: {fifo}: reading took longer than 0.5 s\n"
