"""Time limits on reading and extracting a document, in any thread."""

from __future__ import annotations

import ctypes
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager

# The largest --timeout: a longer one is no limit in practice (use 0), and this one stays inside
# the timers' range.
MAX_TIMEOUT = 7 * 24 * 3600.0


class DocumentTimeout(BaseException):
    """Raised in the thread whose time ran out; a BaseException, so that no ``except
    Exception`` on the way swallows it."""


def timeout_message(name: str, timeout: float, what: str = "extraction") -> str:
    """The one-line message of a document whose `what` ran out of time; `name` as displayed."""
    return f"{name}: {what} took longer than {timeout:g} s"


def _on_alarm(_signum: int, _frame: object) -> None:
    raise DocumentTimeout


@contextmanager
def _alarm(seconds: float) -> Iterator[None]:
    previous = signal.signal(signal.SIGALRM, _on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        try:
            signal.setitimer(signal.ITIMER_REAL, 0)
        finally:
            signal.signal(signal.SIGALRM, previous)


def _raise_in(thread_id: int, exc: type[BaseException] | None) -> None:
    ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread_id), ctypes.py_object(exc) if exc else None)


@contextmanager
def _timer_thread(seconds: float) -> Iterator[None]:
    """Off the main thread (Dask runs tasks in threads), where SIGALRM cannot be used: a timer
    raises DocumentTimeout in the calling thread, between two Python bytecodes, as a signal
    handler would."""
    thread_id = threading.get_ident()
    guard = threading.Lock()
    armed = [True]

    def fire() -> None:
        with guard:
            if armed[0]:
                _raise_in(thread_id, DocumentTimeout)

    timer = threading.Timer(seconds, fire)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        timer.cancel()
        with guard:
            armed[0] = False
            _raise_in(thread_id, None)  # drop one fired but not yet delivered


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise DocumentTimeout in the body after `seconds` (0: no limit): a SIGALRM timer in the
    main thread, a timer thread elsewhere. Python code only: a call stuck in C code is stopped
    from outside (the worker pool kills the process)."""
    if seconds <= 0:
        yield
    elif threading.current_thread() is threading.main_thread():
        with _alarm(seconds):
            yield
    else:
        with _timer_thread(seconds):
            yield
