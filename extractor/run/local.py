"""Running many documents: reading them lazily, extracting in worker processes (each uses the
models loaded once before forking), yielding results in input order, writing output files
atomically.

What a batch survives, with the same records whatever the number of workers:

* a document that cannot be read or makes the rules fail: an error record (kind from the
  reader, or ``internal``);
* a document whose reading or extraction takes longer than ``Settings.timeout`` seconds: an
  error record of kind ``timeout``. The limit is a SIGALRM timer inside the process that
  extracts (a worker, or the CLI itself with one job) around each read and each group of
  documents tagged together; when it fires on a group, its documents are redone one at a time,
  each with the full limit, so only the slow one gets the record;
* a worker process that dies (killed, segfault, ``os._exit``): a new worker is forked, the
  chunk it had is redone one document at a time, and the document it dies on alone gets an
  ``internal`` error record. A worker stuck in C code past its timer is killed by the parent.

Workers ignore SIGINT: on Ctrl-C the parent gets KeyboardInterrupt, terminates them and the
caller reports how far it got. Only a bounded window of chunks is in flight, so memory does
not grow with the number of documents.
"""

from __future__ import annotations

import datetime as dt
import json
import multiprocessing as mp
import os
import signal
import sys
import tempfile
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import islice
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Any, TypeVar

from extractor.io.reader import ReadError, read_path
from extractor.model import error_record
from extractor.nlp.tagging import get_tagger
from extractor.pipeline import Pipeline, Request

# Documents handed to a worker at once: slovnet tags their sentences in shared batches.
CHUNK_SIZE = 8
# A document longer than this (characters) is tagged alone, not with the rest of its chunk.
ALONE_CHARS = 200_000
# Chunks that may be dispatched ahead of the oldest result not yet yielded, per worker: bounds
# the results waiting to be put in order behind a slow chunk.
WINDOW_PER_WORKER = 4
# Seconds the parent waits beyond a worker's own timers before it kills the worker.
KILL_GRACE = 10.0
# Test hook: a worker process exits at once (os._exit) before reading any document whose path
# contains this substring. Lets the tests check that a dying worker costs one error record.
CRASH_ENV = "EXTRACTOR_TEST_CRASH_ON"

T = TypeVar("T")


@dataclass(frozen=True)
class Settings:
    encoding: str | None = None
    ref_date: dt.date | None = None
    timeout: float = 0.0  # seconds per document; 0 = no limit


@dataclass(frozen=True)
class Item:
    """One input of a batch: the file to read and the name it has in the output."""

    path: str
    source: str


@dataclass(frozen=True)
class Result:
    """One document's output: its JSON line (serialized in the worker, which has the time to
    spare) and, for an input that failed, the one-line message."""

    item: Item
    line: str
    error: str | None = None

    @property
    def failed(self) -> bool:
        return self.error is not None


def dumps(record: dict[str, Any], indent: int | None = None) -> str:
    return json.dumps(record, ensure_ascii=False, indent=indent)


# --------------------------------------------------------------------------- time limit


class DocumentTimeout(BaseException):
    """Raised by the SIGALRM handler; a BaseException so that no `except Exception` in the
    rules swallows it."""


def timeout_message(source: str, timeout: float) -> str:
    return f"{source}: extraction took longer than {timeout:g} s"


def _on_alarm(_signum: int, _frame: object) -> None:
    raise DocumentTimeout


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise DocumentTimeout in the body after `seconds` (0: no limit). Only in the main thread
    (where signals are delivered); elsewhere there is no limit."""
    if seconds <= 0 or threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGALRM, _on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        try:
            signal.setitimer(signal.ITIMER_REAL, 0)
        finally:
            signal.signal(signal.SIGALRM, previous)


# --------------------------------------------------------------------------- one chunk

_pipeline: Pipeline | None = None
_settings = Settings()
_crash_on: str | None = None  # CRASH_ENV, read in worker processes only


def _init_worker(settings: Settings) -> None:
    global _pipeline, _settings
    _settings = settings
    _pipeline = Pipeline()


def _extract_texts(reqs: list[tuple[int, Request]], out: list[dict[str, Any] | None]) -> None:
    assert _pipeline is not None
    try:
        docs = _pipeline.extract_many([r for _, r in reqs])
        for (k, _), doc in zip(reqs, docs, strict=True):
            out[k] = doc.to_json()
    except Exception:
        if len(reqs) == 1:
            k, r = reqs[0]
            out[k] = error_record(r.source, "internal", f"{r.source}: extraction failed")
            return
        for one in reqs:  # find the document that fails; the others still get extracted
            _extract_texts([one], out)


def _timed_out(source: str, timeout: float) -> dict[str, Any]:
    return error_record(source, "timeout", timeout_message(source, timeout))


def _extract_group(reqs: list[tuple[int, Request]], out: list[dict[str, Any] | None], timeout: float) -> None:
    """Extract documents together under one time limit; if it runs out, each alone under its
    own, so that only a slow document gets the timeout record, whatever it was grouped with."""
    try:
        with time_limit(timeout):
            _extract_texts(reqs, out)
    except DocumentTimeout:
        if len(reqs) == 1:
            k, r = reqs[0]
            out[k] = _timed_out(r.source, timeout)
            return
        for one in reqs:
            _extract_group([one], out, timeout)


def process_chunk(items: list[Item]) -> list[tuple[str, str | None]]:
    """Read and extract a few documents: (JSON line, error message or None) for each; a bad
    input becomes an error record. Documents are tagged together, except very long ones, which
    go alone (they would only hold the others back, and a time limit would run out on them
    twice: together, then alone)."""
    timeout = _settings.timeout
    out: list[dict[str, Any] | None] = [None] * len(items)
    together: list[tuple[int, Request]] = []
    alone: list[tuple[int, Request]] = []
    for k, item in enumerate(items):
        if _crash_on and _crash_on in item.path:
            os._exit(70)
        try:
            with time_limit(timeout):
                text = read_path(item.path, encoding=_settings.encoding)
        except ReadError as e:
            out[k] = error_record(item.source, e.kind, e.message)
            continue
        except DocumentTimeout:
            out[k] = _timed_out(item.source, timeout)
            continue
        (alone if len(text) > ALONE_CHARS else together).append((k, Request(text, item.source, _settings.ref_date)))
    if together:
        _extract_group(together, out, timeout)
    for one in alone:
        _extract_group([one], out, timeout)
    return [(dumps(r), r["error"]["message"] if "error" in r else None) for r in out if r is not None]


def _chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


# --------------------------------------------------------------------------- worker processes

Task = list[tuple[int, Item]]  # (position in the input, item)


def _worker_main(conn: Connection) -> None:
    """A worker: extract the chunks the parent sends, send back their lines, until None/EOF."""
    global _crash_on
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's business
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    _crash_on = os.environ.get(CRASH_ENV) or None
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        conn.send(process_chunk(task))


class _Worker:
    def __init__(self, ctx: Any) -> None:
        self.conn, child = ctx.Pipe()
        for stream in (sys.stdout, sys.stderr):  # the child must not inherit unflushed output
            stream.flush()
        # SIGINT blocked across the fork, so a Ctrl-C cannot hit the child before it ignores it.
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
        try:
            self.proc = ctx.Process(target=_worker_main, args=(child,), daemon=True)
            self.proc.start()
        finally:
            signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
        child.close()
        self.task: Task | None = None
        self.deadline: float | None = None

    def send(self, task: Task, timeout: float) -> bool:
        """Hand over a task; False if the worker is gone. SIGPIPE (SIG_DFL in the CLI) is held
        off so that writing to a dead worker is an error here, not the death of the parent."""
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGPIPE})
        try:
            self.conn.send([item for _, item in task])
        except OSError:
            signal.sigtimedwait({signal.SIGPIPE}, 0)  # drop the pending SIGPIPE, if any
            return False
        finally:
            signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGPIPE})
        self.task = task
        # the worker's own timers: a read per document, the chunk together, then each document alone
        self.deadline = time.monotonic() + timeout * (2 * len(task) + 1) + KILL_GRACE if timeout > 0 else None
        return True

    def death(self) -> str:
        """Make sure the process is gone; how it ended, in words."""
        if self.proc.is_alive():
            self.proc.kill()
        self.proc.join(5)
        self.conn.close()
        code = self.proc.exitcode
        if code is not None and code < 0:
            try:
                return f"killed by {signal.Signals(-code).name}"
            except ValueError:
                return f"killed by signal {-code}"
        return f"exit code {code}"

    def stop(self, force: bool) -> None:
        if not force:
            try:
                self.conn.send(None)
            except OSError:
                force = True
        if force and self.proc.is_alive():
            self.proc.terminate()
        self.proc.join(2 if force else 10)
        if self.proc.is_alive():
            self.proc.kill()
            self.proc.join(2)
        self.conn.close()


def _run_workers(items: Iterable[Item], settings: Settings, jobs: int) -> Iterator[Result]:
    ctx = mp.get_context("fork")
    timeout = settings.timeout
    source = _chunks(enumerate(items), CHUNK_SIZE)
    retry: deque[Task] = deque()  # documents of a chunk whose worker died, one per task
    results: dict[int, Result] = {}
    next_out = 0  # position of the next result to yield
    next_in = 0  # position of the first item not yet taken from `source`
    exhausted = False
    window = WINDOW_PER_WORKER * jobs * CHUNK_SIZE
    workers: list[_Worker] = []
    clean = False

    def lost(w: _Worker, timed_out: bool) -> None:
        """Worker `w` died or was killed with a task: replace it, redo or record the task."""
        task = w.task
        assert task is not None
        how = w.death()
        workers[workers.index(w)] = _Worker(ctx)
        if len(task) > 1:
            retry.extendleft([one] for one in reversed(task))
            return
        k, item = task[0]
        if timed_out:
            record = _timed_out(item.source, timeout)
        else:
            message = f"{item.source}: extraction failed (worker process died: {how})"
            record = error_record(item.source, "internal", message)
        results[k] = Result(item, dumps(record), record["error"]["message"])

    try:
        workers.extend(_Worker(ctx) for _ in range(jobs))
        while True:
            for w in workers:  # keep every worker busy, within the window
                while w.task is None:
                    if retry:
                        task = retry.popleft()
                    elif not exhausted and next_in < next_out + window:
                        task = next(source, None)
                        if task is None:
                            exhausted = True
                            break
                        next_in = task[-1][0] + 1
                    else:
                        break
                    if not w.send(task, timeout):
                        retry.appendleft(task)  # died idle: not this task's fault
                        w.death()
                        w = workers[workers.index(w)] = _Worker(ctx)
            while next_out in results:
                yield results.pop(next_out)
                next_out += 1
            busy = [w for w in workers if w.task is not None]
            if not busy:
                if exhausted and not retry:
                    break
                continue
            deadlines = [w.deadline for w in busy if w.deadline is not None]
            wait_for = max(0.0, min(deadlines) - time.monotonic()) if deadlines else None
            ready = wait([w.conn for w in busy], wait_for)
            for w in busy:
                if w.conn in ready:
                    try:
                        lines = w.conn.recv()
                    except (EOFError, OSError):
                        lost(w, timed_out=False)
                        continue
                    assert w.task is not None
                    for (k, item), (line, error) in zip(w.task, lines, strict=True):
                        results[k] = Result(item, line, error)
                    w.task = w.deadline = None
                elif w.deadline is not None and time.monotonic() >= w.deadline:
                    lost(w, timed_out=True)  # stuck where its own timer cannot reach
        clean = True
    finally:
        for w in workers:
            w.stop(force=not clean)


_WARM_UP = "Губернатор Тульской области Дмитрий Миляев посетил ОАО «Кидма тек» 29 сентября 2025 года."


def warm_up() -> None:
    """Load the models and vocabularies (lazily loaded on first use) with a one-line document:
    a time limit then measures extraction, not loading, and forked workers share the pages."""
    get_tagger()
    Pipeline().extract(_WARM_UP)


def run(items: Iterable[Item], settings: Settings, jobs: int = 1) -> Iterator[Result]:
    """Results in input order; with jobs > 1 in worker processes. `items` is consumed lazily."""
    _init_worker(settings)
    warm_up()  # before forking: the workers share the models' pages instead of each holding a copy
    if jobs <= 1:
        for chunk in _chunks(items, CHUNK_SIZE):
            yield from (Result(i, *r) for i, r in zip(chunk, process_chunk(chunk), strict=True))
        return
    yield from _run_workers(items, settings, jobs)


def write_atomic(path: Path, data: str) -> None:
    """Write via a temporary file and a rename: a reader never sees half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
