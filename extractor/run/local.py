"""Batches on this machine: ``--jobs 1`` in this process, more in worker processes forked after
the models are loaded (they share the models' pages), each extracting one chunk at a time.

What a batch survives, with the same records whatever the number of workers (the records
themselves are made in ``run.chunks``, the loop is ``run.chunks.run_ordered``):

* a worker process that dies (killed, segfault, ``os._exit``): its chunk is redone a document
  at a time in new workers, and the document it dies on gets an ``internal`` record;
* a worker stuck where its own timer cannot reach (C code): each timed step (a read, an
  extraction) tells the parent it begins, and the parent kills a worker whose step runs
  ``KILL_GRACE`` seconds past the time limit; the document gets a ``timeout`` record;
* the parent's death (``kill -9``, a closed pipe, SIGTERM): a worker holds no end of the other
  workers' pipes nor the parent's end of its own, so it sees its pipe close and exits; on Linux
  the kernel also kills it at once (``PR_SET_PDEATHSIG``).

Workers are forked as chunks need them (never more than there are chunks). They ignore SIGINT and
SIGTERM: a Ctrl-C, or a SIGTERM sent to the whole process group (``timeout``, systemd), is the
parent's business, which then stops them (they write no file: SIGKILL is safe).
"""

from __future__ import annotations

import ctypes
import multiprocessing as mp
import os
import resource
import signal
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from multiprocessing.connection import Connection, wait
from types import TracebackType
from typing import Any

from extractor.run.chunks import (
    Failure,
    InProcess,
    Input,
    Outcome,
    Result,
    Settings,
    Task,
    process_chunk,
    run_ordered,
    warm_up,
)

# Seconds a worker's step may run beyond the time limit before the parent kills the worker: the
# worker's own timer fires first whenever Python code is running.
KILL_GRACE = 10.0
# Seconds a worker has to finish its chunk after it is told to stop (a clean end) before it is
# killed, and to be reaped after SIGKILL.
STOP_WAIT, REAP_WAIT = 10.0, 2.0
# Open files the parent needs per worker (its end of the worker's pipe, the process sentinel) and
# for itself (standard streams, the models' files, output files).
FDS_PER_WORKER, FD_RESERVE = 2, 24
_STEP = "step"  # a worker's message: a timed step begins now
_PR_SET_PDEATHSIG = 1  # prctl option, <linux/prctl.h>


class PoolError(Exception):
    """No worker process can be started. ``message`` is one line."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def workers_within_fd_limit(jobs: int) -> tuple[int, str | None]:
    """How many worker processes the open-file limit allows (the soft limit is raised up to the
    hard one if need be), and a one-line note when that is fewer than `jobs`."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    need = FD_RESERVE + FDS_PER_WORKER * jobs
    if soft == resource.RLIM_INFINITY or soft >= need:
        return jobs, None
    try:
        raised = need if hard == resource.RLIM_INFINITY else min(need, hard)
        resource.setrlimit(resource.RLIMIT_NOFILE, (raised, hard))
        soft = raised
    except (ValueError, OSError):
        pass
    if soft >= need:
        return jobs, None
    fit = max(1, (soft - FD_RESERVE) // FDS_PER_WORKER)
    running = "running in this process" if fit == 1 else f"running {fit} worker processes"
    return fit, f"--jobs {jobs} needs about {need} open files but the limit is {soft} (ulimit -n): {running}"


def _die_with_parent() -> None:
    """Linux: the kernel kills this process when its parent dies, whatever it is doing."""
    if not sys.platform.startswith("linux"):
        return
    try:
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):
        pass


def _worker_main(conn: Connection, parent_ends: list[Connection], parent: int, settings: Settings) -> None:
    """A worker: extract the chunks the parent sends, send back their outcomes, until None/EOF."""
    for end in parent_ends:  # held here, they would keep the pipes open after the parent's death
        end.close()
    _die_with_parent()
    if os.getppid() != parent:  # the parent died before the line above
        return
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C and SIGTERM are the parent's business
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT, signal.SIGTERM})
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        conn.send(process_chunk(task, settings, on_step=lambda: conn.send(_STEP)))


class _Worker:
    def __init__(self, ctx: Any, settings: Settings, siblings: list[Connection]) -> None:
        self.conn, child = ctx.Pipe()
        for stream in (sys.stdout, sys.stderr):  # the child must not inherit unflushed output
            if stream is not None:
                stream.flush()
        # blocked across the fork: a signal cannot reach the child before it sets its own handling
        previous = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
        try:
            args = (child, [self.conn, *siblings], os.getpid(), settings)
            self.proc = ctx.Process(target=_worker_main, args=args, daemon=True)
            self.proc.start()
        except BaseException:
            self.conn.close()
            raise
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, previous)
            child.close()
        self.task: Task | None = None
        self.deadline: float | None = None

    def send(self, task: Task, timeout: float) -> bool:
        """Hand over a task; False if the worker is gone. SIGPIPE (SIG_DFL in the CLI) is held
        off so that writing to a dead worker is an error here, not the death of the parent."""
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGPIPE})
        try:
            self.conn.send([inp for _, inp in task])
        except OSError:
            signal.sigtimedwait({signal.SIGPIPE}, 0)  # drop the pending SIGPIPE, if any
            return False
        finally:
            signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGPIPE})
        self.task = task
        self.step_begins(timeout)  # the first step, a read, begins at once
        return True

    def step_begins(self, timeout: float) -> None:
        self.deadline = time.monotonic() + timeout + KILL_GRACE if timeout > 0 else None

    def death(self) -> str:
        """Make sure the process is gone; how it ended, in words."""
        if self.proc.is_alive():
            self.proc.kill()
        self.proc.join(REAP_WAIT)
        self.conn.close()
        code = self.proc.exitcode
        if code is not None and code < 0:
            try:
                return f"killed by {signal.Signals(-code).name}"
            except ValueError:
                return f"killed by signal {-code}"
        return f"exit code {code}"

    def stop(self, force: bool) -> None:
        """Let it end after its chunk, or (`force`: the run was interrupted) kill it at once."""
        if not force:
            try:
                self.conn.send(None)
                self.proc.join(STOP_WAIT)
            except OSError:
                pass
        if self.proc.is_alive():
            self.proc.kill()
            self.proc.join(REAP_WAIT)
        self.conn.close()


class LocalPool:
    """Up to `jobs` worker processes, forked when a chunk needs one (a backend of
    ``run.chunks.run_ordered``). A context manager: leaving it stops the workers."""

    def __init__(self, settings: Settings, jobs: int, note: Callable[[str], None] | None = None) -> None:
        self.ctx = mp.get_context("fork")
        self.settings = settings
        self.slots = self.limit = jobs
        self.note = note
        self.workers: list[_Worker] = []

    def __enter__(self) -> LocalPool:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        for w in self.workers:
            w.stop(force=exc_type is not None)
        self.workers.clear()

    def _idle(self) -> _Worker | None:
        return next((w for w in self.workers if w.task is None), None)

    def _fork(self) -> _Worker | None:
        """A new worker; None when none can start but others run (the pool then stays smaller)."""
        try:
            worker = _Worker(self.ctx, self.settings, [w.conn for w in self.workers])
        except OSError as e:
            if not self.workers:
                raise PoolError(f"cannot start a worker process: {e.strerror or e}") from None
            self.limit = len(self.workers)
            if self.note is not None:
                self.note(f"cannot start more worker processes ({e.strerror or e}): going on with {self.limit}")
            return None
        self.workers.append(worker)
        return worker

    def has_room(self) -> bool:
        return self._idle() is not None or (len(self.workers) < self.limit and self._fork() is not None)

    def submit(self, task: Task) -> None:
        while True:
            worker = self._idle() or self._fork()
            if worker is None:
                raise PoolError("cannot start a worker process")
            if worker.send(task, self.settings.timeout):
                return
            worker.death()  # it died idle: not this task's fault
            self.workers.remove(worker)

    def wait(self) -> list[tuple[Task, list[Outcome] | Failure]]:
        busy = [w for w in self.workers if w.task is not None]
        deadlines = [w.deadline for w in busy if w.deadline is not None]
        ready = wait([w.conn for w in busy], max(0.0, min(deadlines) - time.monotonic()) if deadlines else None)
        done: list[tuple[Task, list[Outcome] | Failure]] = []
        for w in busy:
            task = w.task
            assert task is not None
            if w.conn in ready:
                try:
                    message = w.conn.recv()
                except (EOFError, OSError):
                    done.append((task, Failure(False, f"worker process died: {w.death()}")))
                    self.workers.remove(w)
                    continue
                if isinstance(message, str):  # _STEP
                    w.step_begins(self.settings.timeout)
                    continue
                done.append((task, message))
                w.task = w.deadline = None
            elif w.deadline is not None and time.monotonic() >= w.deadline:
                done.append((task, Failure(True, f"worker process stuck past the time limit, {w.death()}")))
                self.workers.remove(w)
        return done


def run(
    items: Iterable[Input], settings: Settings, jobs: int = 1, note: Callable[[str], None] | None = None
) -> Iterator[Result]:
    """Results in input order: in this process with ``jobs == 1``, else in up to `jobs` worker
    processes. `items` is consumed lazily; `note` receives one-line notes (fewer workers)."""
    warm_up()  # before forking: the workers share the models' pages instead of each holding a copy
    if jobs <= 1:
        yield from run_ordered(items, settings, InProcess(settings))
        return
    with LocalPool(settings, jobs, note) as pool:
        yield from run_ordered(items, settings, pool)
