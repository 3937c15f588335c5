"""The same extraction on a Dask cluster (``pip install 'ru-press-extractor[dask]'``), or anywhere a plain
function can be mapped over partitions of documents (Spark).

* ``run_on_cluster(items, settings, scheduler)``: what ``extract --scheduler ADDRESS`` runs. The
  same Result objects as ``run.local.run``, in input order, from the same loop
  (``run.chunks.run_ordered``): chunks of ``CHUNK_SIZE`` paths go to the workers, which read and
  extract them (``run.chunks.process_chunk``), with a bounded number of chunks in flight, so
  memory stays flat over any number of inputs.
* ``extract_bag(bag)``: a ``dask.bag.Bag`` of inputs to a bag of result dicts, a partition at a
  time (``map_partitions``), the documents of a partition tagged together in chunks.
* ``extract_partition(items)``: the function behind ``extract_bag``, with no Dask in it, for
  any engine that maps a function over partitions (``rdd.mapPartitions`` in Spark).

An input item is one of: a ``str`` (the text itself; its source in the output is ``-``), a
``pathlib.Path`` (a file to read on the worker: it must be visible there, under the same path),
a ``(source, text)`` tuple (a text with the name it has in the output), or an
``extractor.run.chunks.Item`` (a path to read, with its name). A ``str`` is always a text: wrap paths
in ``Path``.

Models: ``ModelsPlugin`` (a ``distributed.WorkerPlugin``) loads them once per worker process when
it is registered (``run_on_cluster`` and ``extract_bag`` register it on the current client), so
tasks never load them. Without the plugin (Spark, the local Dask schedulers) they load on the
first call in each process and stay.

Dask runs tasks in threads of the worker process, where a SIGALRM timer cannot be set: there the
time limit (``run.limits.time_limit``) raises its exception in the calling thread from a timer
thread (an asynchronous exception, delivered between two Python bytecodes, as a signal handler
would be). A worker process extracts one chunk at a time, whatever its number of threads: start
workers with one thread each (``dask worker ADDRESS --nworkers N --nthreads 1``).

A worker that dies on a chunk (killed, crashed): Dask reruns the chunk elsewhere, and when it
gives up (``KilledWorker``), the chunk's documents are redone one at a time and the one that
kills workers gets an ``internal`` error record. A document stuck in C code past its time limit
is not stopped: Dask has no per-task time limit. Losing the scheduler is a one-line
:class:`ClusterError`; ``distributed``'s own log lines about it are held back during a run.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import signal
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from extractor.run.chunks import (
    CHUNK_SIZE,
    Failure,
    Input,
    Item,
    Outcome,
    Result,
    Settings,
    Task,
    Text,
    chunks,
    process_chunk,
    run_ordered,
    warm_up,
)

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
# One chunk at a time per worker process, whatever its number of threads: the models are shared
# by the process and not known to be thread-safe.
_extract_lock = threading.Lock()


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
            warm_up()
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


def _run_chunk(inputs: list[Input], settings: Settings) -> list[Outcome]:
    """A task: ``process_chunk`` on a worker, the models loaded once per process."""
    load_models()
    with _extract_lock:
        return process_chunk(inputs, settings)


# --------------------------------------------------------------------------- Python API


def as_input(item: InputItem | Text) -> Input:
    if isinstance(item, Item | Text):
        return item
    if isinstance(item, Path):
        return Item(str(item), str(item))
    if isinstance(item, str):
        return Text("-", item)
    if isinstance(item, tuple) and len(item) == 2 and all(isinstance(x, str) for x in item):
        return Text(item[0], item[1])
    raise TypeError(f"an input is a str text, a pathlib.Path or a (source, text) tuple, not {item!r}")


def extract_partition(
    items: Iterable[InputItem], *, encoding: str | None = None, ref_date: dt.date | None = None,
    timeout: float = 0.0, override_date: bool = False, with_text: bool = False,
) -> list[dict[str, Any]]:
    """Result dicts of some inputs, in their order: the records of the CLI's output, an error
    record for an input that fails. Documents are tagged together ``CHUNK_SIZE`` at a time.
    `ref_date` is used where a release has no date of its own (always with `override_date`);
    `with_text` adds the decoded text to each record.

    No Dask here: usable from any engine that maps a function over partitions, e.g. Spark's
    ``rdd.mapPartitions(lambda it: extract_partition(list(it)))``."""
    settings = Settings(encoding, ref_date, timeout, override_date, with_text)
    inputs = [as_input(item) for item in items]
    results: list[dict[str, Any]] = []
    for chunk in chunks(inputs, CHUNK_SIZE):
        results += (json.loads(outcome.line) for outcome in _run_chunk(chunk, settings))
    return results


def extract_bag(
    bag: dask.bag.Bag, *, encoding: str | None = None, ref_date: dt.date | None = None, timeout: float = 0.0,
    override_date: bool = False, with_text: bool = False,
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
    return bag.map_partitions(extract_partition, encoding=encoding, ref_date=ref_date, timeout=timeout,
                              override_date=override_date, with_text=with_text)  # fmt: skip


# --------------------------------------------------------------------------- the CLI's batches

# `--scheduler local`: two worker processes, loopback only, no dashboard; only errors logged
# (no warnings about the tasks cancelled by a Ctrl-C on stderr)
LOCAL_CLUSTER = {"n_workers": 2, "threads_per_worker": 1, "processes": True, "host": "127.0.0.1",
                 "dashboard_address": None, "silence_logs": logging.ERROR}  # fmt: skip


def _start_ignoring_sigint(start: Callable[[], T]) -> T:
    """Start worker processes that ignore SIGINT (the disposition survives exec): Ctrl-C is the
    CLI's business, which then closes the cluster, as the local workers do. A Ctrl-C during
    these seconds of start-up is lost."""
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


@contextmanager
def _quiet_distributed() -> Iterator[None]:
    """``distributed`` logs tracebacks on stderr when the scheduler goes away (dozens of lines,
    from loggers it configures itself); the CLI says it in one line instead. While a batch runs,
    only critical log records pass."""
    previous = logging.root.manager.disable
    logging.disable(logging.ERROR)
    try:
        yield
    finally:
        logging.disable(previous)


class _Cluster:
    """Chunks as Dask tasks (a backend of ``run.chunks.run_ordered``): Dask queues them, so
    there is always room; the loop's window bounds how many are submitted."""

    def __init__(self, client: distributed.Client, settings: Settings, scheduler: str) -> None:
        self.client = client
        self.settings = settings
        self.scheduler = scheduler
        self.pending: dict[Any, Task] = {}  # future -> task
        try:
            register(client)
            workers = client.scheduler_info()["workers"].values()
        except OSError as e:
            raise ClusterError(f"the Dask scheduler at {scheduler} failed: {e}") from None
        self.slots = sum(w.get("nthreads", 1) for w in workers)

    def has_room(self) -> bool:
        return True

    def submit(self, task: Task) -> None:
        future = self.client.submit(_run_chunk, [inp for _, inp in task], self.settings, pure=False)
        self.pending[future] = task

    def lost(self, e: BaseException | None = None) -> ClusterError:
        why = f" ({type(e).__name__})" if e is not None else ""
        return ClusterError(f"lost the Dask cluster at {self.scheduler}{why}")

    def wait(self) -> list[tuple[Task, list[Outcome] | Failure]]:
        from distributed import KilledWorker
        from distributed import wait as wait_for

        try:
            finished, _ = wait_for(list(self.pending), return_when="FIRST_COMPLETED")
        except Exception as e:  # the futures were cancelled (connection lost), or the comm failed
            raise self.lost(e) from None
        done: list[tuple[Task, list[Outcome] | Failure]] = []
        for future in finished:
            task = self.pending.pop(future)
            if future.status == "finished":
                try:
                    done.append((task, future.result()))
                except OSError as e:
                    raise self.lost(e) from None
            elif future.status == "error":
                e = future.exception()
                how = "worker processes died on it" if isinstance(e, KilledWorker) else type(e).__name__
                done.append((task, Failure(False, how)))
            else:  # cancelled: the scheduler forgot it, or went away
                raise self.lost()
        return done

    def cancel(self) -> None:
        with suppress(Exception):  # the cluster may be gone already: nothing left to cancel then
            self.client.cancel(list(self.pending))
        self.pending.clear()


def run_on_cluster(items: Iterable[Input], settings: Settings, scheduler: str) -> Iterator[Result]:
    """``run.local.run`` on a Dask cluster: ``scheduler`` is ``local`` (a LocalCluster of two
    worker processes on this machine, loopback only) or a scheduler's address
    (``tcp://HOST:PORT``). Paths are read on the workers. Results in input order; ``items`` is
    consumed lazily."""
    client, cluster = _connect(scheduler)
    try:
        with _quiet_distributed():
            backend = _Cluster(client, settings, scheduler)
            try:
                yield from run_ordered(items, settings, backend)
            finally:
                backend.cancel()
    finally:
        with _quiet_distributed():
            client.close()
            if cluster is not None:
                cluster.close()
