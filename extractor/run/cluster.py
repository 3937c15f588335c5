"""The same extraction on a Dask cluster (``pip install 'extractor[dask]'``), or anywhere a plain
function can be mapped over partitions of documents (Spark).

* ``run_on_cluster(items, settings, scheduler)``: what ``extract --scheduler ADDRESS`` runs. The
  same Result objects as ``extractor.batch.run``, in input order: chunks of ``CHUNK_SIZE`` paths
  go to the workers, which read and extract them (``batch.process_chunk``), with a bounded
  number of chunks in flight, so memory stays flat over any number of inputs.
* ``extract_bag(bag)``: a ``dask.bag.Bag`` of inputs to a bag of result dicts, a partition at a
  time (``map_partitions``), the documents of a partition tagged together in chunks.
* ``extract_partition(items)``: the function behind ``extract_bag``, with no Dask in it, for
  any engine that maps a function over partitions (``rdd.mapPartitions`` in Spark).

An input item is one of: a ``str`` (the text itself; its source in the output is ``-``), a
``pathlib.Path`` (a file to read on the worker: it must be visible there, under the same path),
a ``(source, text)`` tuple (a text with the name it has in the output), or an
``extractor.batch.Item`` (a path to read, with its name). A ``str`` is always a text: wrap paths
in ``Path``.

Models: ``ModelsPlugin`` (a ``distributed.WorkerPlugin``) loads them once per worker process when
it is registered (``run_on_cluster`` and ``extract_bag`` register it on the current client), so
tasks never load them. Without the plugin (Spark, the local Dask schedulers) they load on the
first call in each process and stay.

Dask runs tasks in threads of the worker process, where the CLI's SIGALRM time limit cannot be
set: during a call, the time limit raises its exception in the calling thread instead (an
asynchronous exception, delivered between two Python bytecodes, as a signal handler would be).
A worker process extracts one chunk at a time, whatever its number of threads: start workers
with one thread each (``dask worker ADDRESS --nworkers N --nthreads 1``).

A worker that dies on a chunk (killed, crashed): Dask reruns the chunk elsewhere, and when it
gives up (``KilledWorker``), the chunk's documents are redone one at a time and the one that
kills workers gets an ``internal`` error record. A document stuck in C code past its time limit
is not stopped: Dask has no per-task time limit.
"""

from __future__ import annotations

import ctypes
import datetime as dt
import json
import logging
import os
import signal
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from extractor.model import error_record
from extractor.pipeline import Pipeline, Request
from extractor.run import local as batch
from extractor.run.local import CHUNK_SIZE, WINDOW_PER_WORKER, DocumentTimeout, Item, Result, Settings, dumps

if TYPE_CHECKING:
    import dask.bag
    import distributed

InputItem = str | Path | tuple[str, str] | Item

T = TypeVar("T")

PLUGIN_NAME = "extractor-models"
LOCAL = "local"
# Seconds to wait for a scheduler given by address.
CONNECT_TIMEOUT = 30

_models_lock = threading.Lock()
_models_loaded = False
_run_lock = threading.Lock()  # one extraction at a time per process: batch's settings are global


class ClusterError(click.ClickException):
    """The cluster cannot be reached or went away. Out of the CLI: ``extract: MESSAGE`` on
    stderr, exit code 1."""

    def show(self, file: Any = None) -> None:
        click.echo(f"extract: {self.format_message()}", err=True, file=file)


def dask_available() -> bool:
    """Whether the ``dask`` extra is installed, without importing it."""
    from importlib.util import find_spec

    return all(find_spec(name) is not None for name in ("dask", "distributed"))


# --------------------------------------------------------------------------- per worker process


def load_models() -> None:
    """Load the models and vocabularies once per process (the plugin's setup, or the first task
    of a process without it)."""
    global _models_loaded
    with _models_lock:
        if not _models_loaded:
            batch.warm_up()
            _models_loaded = True


def _make_plugin_class() -> type:
    from distributed import WorkerPlugin

    class ModelsPlugin(WorkerPlugin):
        """Loads extractor's models when a worker starts (or when registered on a running one),
        in a thread, so that the worker's event loop keeps answering the scheduler."""

        idempotent = True
        name = PLUGIN_NAME

        async def setup(self, worker: distributed.Worker) -> None:
            import asyncio

            batch._crash_on = os.environ.get(batch.CRASH_ENV) or None  # test hook, as in batch's workers
            await asyncio.get_running_loop().run_in_executor(None, load_models)

    ModelsPlugin.__module__ = __name__
    ModelsPlugin.__qualname__ = "ModelsPlugin"
    return ModelsPlugin


_plugin_class: type | None = None


def __getattr__(name: str) -> Any:
    """``ModelsPlugin`` is built on first access, so that importing this module (and calling
    ``extract_partition``) does not import Dask; pickles refer to it by name."""
    global _plugin_class
    if name == "ModelsPlugin":
        if _plugin_class is None:
            _plugin_class = _make_plugin_class()
        return _plugin_class
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def register(client: distributed.Client) -> None:
    """Register ``ModelsPlugin`` on a client's cluster: every worker, present and future, loads
    the models once. Registering again does nothing."""
    plugin_class = __getattr__("ModelsPlugin")
    client.register_plugin(plugin_class(), name=PLUGIN_NAME)


# --------------------------------------------------------------------------- time limit in any thread


def _raise_in(thread_id: int, exc: type[BaseException] | None) -> None:
    ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread_id), ctypes.py_object(exc) if exc else None)


_main_thread_time_limit = batch.time_limit


@contextmanager
def any_thread_time_limit(seconds: float) -> Iterator[None]:
    """``batch.time_limit`` that also works off the main thread: a timer thread raises
    DocumentTimeout in the calling thread. In the main thread: the SIGALRM timer."""
    if seconds <= 0 or threading.current_thread() is threading.main_thread():
        with _main_thread_time_limit(seconds):
            yield
        return
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
def _configured(settings: Settings) -> Iterator[None]:
    """batch's per-process settings for the duration of one call, one call at a time."""
    load_models()
    with _run_lock:
        saved = batch._settings, batch.time_limit
        batch._settings = settings
        if batch._pipeline is None:
            batch._pipeline = Pipeline()
        batch.time_limit = any_thread_time_limit
        try:
            yield
        finally:
            batch._settings, batch.time_limit = saved


def _run_chunk(items: list[Item], settings: Settings) -> list[tuple[str, str | None]]:
    """A task of ``run_on_cluster``: ``batch.process_chunk`` on a worker."""
    with _configured(settings):
        return batch.process_chunk(items)


# --------------------------------------------------------------------------- Python API


def _lines(items: list[InputItem], settings: Settings) -> list[str]:
    """JSON lines of a few inputs, extracted together: paths read as in ``process_chunk``,
    texts taken as they are."""
    out: list[str | None] = [None] * len(items)
    paths: list[tuple[int, Item]] = []
    texts: list[tuple[int, Request]] = []
    for k, item in enumerate(items):
        if isinstance(item, Item):
            paths.append((k, item))
        elif isinstance(item, Path):
            paths.append((k, Item(str(item), str(item))))
        elif isinstance(item, str):
            texts.append((k, Request(item, "-", settings.ref_date)))
        elif isinstance(item, tuple) and len(item) == 2 and all(isinstance(x, str) for x in item):
            texts.append((k, Request(item[1], item[0], settings.ref_date)))
        else:
            raise TypeError(f"an input is a str text, a pathlib.Path or a (source, text) tuple, not {item!r}")
    if paths:
        for (k, _), (line, _error) in zip(paths, batch.process_chunk([i for _, i in paths]), strict=True):
            out[k] = line
    if texts:
        records: list[dict[str, Any] | None] = [None] * len(texts)
        batch._extract_group([(j, r) for j, (_, r) in enumerate(texts)], records, settings.timeout)
        for (k, _), record in zip(texts, records, strict=True):
            assert record is not None
            out[k] = dumps(record)
    return [line for line in out if line is not None]


def extract_partition(
    items: Iterable[InputItem], *, encoding: str | None = None, ref_date: dt.date | None = None,
    timeout: float = 0.0,
) -> list[dict[str, Any]]:
    """Result dicts of some inputs, in their order: the records of the CLI's output, an error
    record for an input that fails. Documents are tagged together ``CHUNK_SIZE`` at a time.

    No Dask here: usable from any engine that maps a function over partitions, e.g. Spark's
    ``rdd.mapPartitions(lambda it: extract_partition(list(it)))``."""
    settings = Settings(encoding=encoding, ref_date=ref_date, timeout=timeout)
    results: list[dict[str, Any]] = []
    with _configured(settings):
        for chunk in batch._chunks(items, CHUNK_SIZE):
            results += (json.loads(line) for line in _lines(chunk, settings))
    return results


def extract_bag(
    bag: dask.bag.Bag, *, encoding: str | None = None, ref_date: dt.date | None = None, timeout: float = 0.0,
) -> dask.bag.Bag:
    """A bag of inputs (``str`` texts, ``pathlib.Path`` paths visible to every worker,
    ``(source, text)`` tuples) to a bag of result dicts, in the same order, one partition per
    task. With a ``distributed.Client`` active, registers ``ModelsPlugin`` on its workers."""
    try:
        from distributed import default_client

        client = default_client()
    except (ImportError, ValueError):
        client = None
    if client is not None:
        register(client)
    return bag.map_partitions(extract_partition, encoding=encoding, ref_date=ref_date, timeout=timeout)


# --------------------------------------------------------------------------- the CLI's batches

# `--scheduler local`: two worker processes, loopback only, no dashboard; only errors logged
# (no warnings about the tasks cancelled by a Ctrl-C on stderr)
LOCAL_CLUSTER = {"n_workers": 2, "threads_per_worker": 1, "processes": True, "host": "127.0.0.1",
                 "dashboard_address": None, "silence_logs": logging.ERROR}  # fmt: skip


def _start_ignoring_sigint(start: Callable[[], T]) -> T:
    """Start worker processes that ignore SIGINT (the disposition survives exec): Ctrl-C is the
    CLI's business, which then closes the cluster, as batch's workers do. A Ctrl-C during these
    seconds of start-up is lost."""
    if threading.current_thread() is not threading.main_thread():
        return start()
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        return start()
    finally:
        signal.signal(signal.SIGINT, previous)


def _connect(scheduler: str) -> tuple[distributed.Client, Any]:
    from distributed import Client, LocalCluster

    if scheduler == LOCAL:
        cluster = _start_ignoring_sigint(lambda: LocalCluster(**LOCAL_CLUSTER))
        try:
            return Client(cluster), cluster
        except BaseException:
            cluster.close()
            raise
    try:
        return Client(scheduler, timeout=CONNECT_TIMEOUT), None
    except (OSError, ValueError, TypeError) as e:
        raise ClusterError(f"cannot connect to the Dask scheduler at {scheduler}: {e}") from None


def run_on_cluster(items: Iterable[Item], settings: Settings, scheduler: str) -> Iterator[Result]:
    """``batch.run`` on a Dask cluster: ``scheduler`` is ``local`` (a LocalCluster of two worker
    processes on this machine, loopback only) or a scheduler's address (``tcp://HOST:PORT``).
    Paths are read on the workers. Results in input order; ``items`` is consumed lazily."""
    from distributed import KilledWorker
    from distributed.client import FutureCancelledError

    client, cluster = _connect(scheduler)
    pending: deque[tuple[list[Item], Any]] = deque()  # (chunk, future), in input order
    try:
        try:
            register(client)
            slots = sum(w.get("nthreads", 1) for w in client.scheduler_info()["workers"].values())
        except OSError as e:
            raise ClusterError(f"the Dask scheduler at {scheduler} failed: {e}") from None
        window = WINDOW_PER_WORKER * max(1, slots)
        source = batch._chunks(items, CHUNK_SIZE)
        exhausted = False

        def submit(chunk: list[Item]) -> Any:
            return client.submit(_run_chunk, chunk, settings, pure=False)

        while True:
            while not exhausted and len(pending) < window:
                chunk = next(source, None)
                if chunk is None:
                    exhausted = True
                else:
                    pending.append((chunk, submit(chunk)))
            if not pending:
                break
            chunk, future = pending.popleft()
            try:
                lines = future.result()
            except (OSError, FutureCancelledError) as e:
                raise ClusterError(f"lost the Dask cluster at {scheduler}: {e or type(e).__name__}") from None
            except Exception as e:
                if future.status != "error":
                    raise
                if len(chunk) > 1:  # find the document at fault: each alone
                    pending.extendleft((one, submit(one)) for one in reversed([[i] for i in chunk]))
                    continue
                item = chunk[0]
                how = "worker processes died on it" if isinstance(e, KilledWorker) else type(e).__name__
                message = f"{item.source}: extraction failed ({how})"
                lines = [(dumps(error_record(item.source, "internal", message)), message)]
            for item, (line, error) in zip(chunk, lines, strict=True):
                yield Result(item, line, error)
    finally:
        for _, future in pending:
            future.cancel()
        client.close()
        if cluster is not None:
            cluster.close()
