"""Documents in chunks: reading and extracting one chunk (:func:`process_chunk`), and the one
ordered, bounded loop (:func:`run_ordered`) that every backend drives: in this process, worker
processes (``run.local``), a Dask cluster (``run.cluster``).

Errors are handled here, once: a ReadError becomes an error record of its kind; an exception
while reading or in the rules, an ``internal`` record for that document alone (a chunk that
fails is redone a document at a time); a time limit that runs out, a ``timeout`` record; a
chunk whose process died or stuck (a backend reports a :class:`Failure`), each of its documents
redone alone, and the one at fault gets the record.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from typing import Any, NamedTuple, Protocol, TypeVar

from extractor.io.errors import STDIN, ReadError, display_name
from extractor.io.reader import Decoded, read_document, read_stdin_document
from extractor.model import error_record
from extractor.pipeline import Pipeline, Request
from extractor.run.limits import DocumentTimeout, time_limit, timeout_message

# Documents handed to a worker at once: slovnet tags their sentences in shared batches.
CHUNK_SIZE = 8
# A document longer than this (characters) is tagged alone: it would only hold its chunk-mates
# back, and a time limit would run out on it twice (together, then alone).
ALONE_CHARS = 200_000
# Chunks dispatched ahead of the oldest result not yet yielded, per worker: bounds the results
# waiting to be put in order behind a slow chunk, so memory stays flat over any number of inputs.
WINDOW_PER_WORKER = 4
# Characters of an exception's message kept in an error record.
EXCEPTION_CHARS = 200

T = TypeVar("T")


@dataclass(frozen=True)
class Settings:
    encoding: str | None = None
    ref_date: dt.date | None = None  # used where a release has no date of its own
    timeout: float = 0.0  # seconds per document; 0 = no limit
    override_date: bool = False  # ref_date even where a release has its own date
    with_text: bool = False  # each record carries the decoded text


@dataclass(frozen=True)
class Item:
    """A file to read (``-``: stdin), with the name it has in the output. An input whose
    problem is known before reading (a directory that cannot be listed) carries it."""

    path: str
    source: str
    error: ReadError | None = None


@dataclass(frozen=True)
class Text:
    """A text given as it is, with the name it has in the output."""

    source: str
    text: str


Input = Item | Text


class Outcome(NamedTuple):
    """One document's JSON line (serialized where it was extracted), the one-line message of an
    input that failed, and one-line warnings about an input that did not (bytes replaced)."""

    line: str
    error: str | None = None
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class Result:
    """One input's outcome, in input order."""

    item: Input
    line: str
    error: str | None = None
    warnings: tuple[str, ...] = ()

    @property
    def failed(self) -> bool:
        return self.error is not None


def dumps(record: dict[str, Any], indent: int | None = None) -> str:
    return json.dumps(record, ensure_ascii=False, indent=indent)


def chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


_WARM_UP = "Губернатор Тульской области Дмитрий Миляев посетил ОАО «Кидма тек» 29 сентября 2025 года."


def warm_up() -> None:
    """Load the models and vocabularies (loaded lazily on first use) with a one-line document:
    a time limit then measures extraction, not loading, and forked workers share the pages."""
    Pipeline().extract_many([Request(_WARM_UP)])


# --------------------------------------------------------------------------- one chunk


def _describe(exc: BaseException) -> str:
    first = str(exc).splitlines()[0][:EXCEPTION_CHARS] if str(exc) else ""
    return f"{type(exc).__name__}: {first}" if first else type(exc).__name__


def _error(source: str, kind: str, message: str) -> Outcome:
    return Outcome(dumps(error_record(source, kind, message)), message)


def _timed_out(source: str, timeout: float, what: str = "extraction") -> Outcome:
    return _error(source, "timeout", timeout_message(display_name(source), timeout, what))


class _Chunk:
    """The documents of one chunk on their way: each slot ends with an Outcome."""

    def __init__(self, inputs: list[Input], settings: Settings, on_step: Callable[[], None] | None) -> None:
        self.inputs = inputs
        self.settings = settings
        self.on_step = on_step
        self.out: list[Outcome | None] = [None] * len(inputs)
        self.warnings: list[list[str]] = [[] for _ in inputs]
        self.pipeline = Pipeline()

    def step(self) -> None:
        """A timed step begins: a watchdog outside the process gives it its own deadline."""
        if self.on_step is not None:
            self.on_step()

    def read(self, k: int, item: Item) -> Decoded | None:
        """The text of an input (and the date of its HTML page), or None when its slot got an
        error record."""
        if item.error is not None:
            self.out[k] = _error(item.source, item.error.kind, item.error.message)
            return None
        timeout = self.settings.timeout
        try:
            if item.path == STDIN:  # not timed: the user may be typing
                return read_stdin_document(sys.stdin.buffer, self.settings.encoding, warn=self.warnings[k].append)
            self.step()
            with time_limit(timeout):  # a FIFO or a device may never end; a huge page takes time
                return read_document(
                    item.path, self.settings.encoding, source=item.source, warn=self.warnings[k].append
                )
        except ReadError as e:
            self.out[k] = _error(item.source, e.kind, e.message)
        except DocumentTimeout:
            self.out[k] = _timed_out(item.source, timeout, "reading")
        except Exception as e:  # a bug, ours or a library's: this input fails, not the batch
            message = f"{display_name(item.source)}: reading failed ({_describe(e)})"
            self.out[k] = _error(item.source, "internal", message)
        return None

    def extract(self, reqs: list[tuple[int, Request]]) -> None:
        """Extract documents together; if that raises, each alone, so that only the document
        that makes the rules fail gets an ``internal`` record."""
        try:
            docs = self.pipeline.extract_many([r for _, r in reqs])
            if self.settings.with_text:
                for doc, (_, r) in zip(docs, reqs, strict=True):
                    doc.text = r.text
            lines = [dumps(doc.to_json()) for doc in docs]
        except Exception as e:
            if len(reqs) > 1:
                for one in reqs:
                    self.extract([one])
                return
            k, r = reqs[0]
            self.out[k] = _error(r.source, "internal", f"{display_name(r.source)}: extraction failed ({_describe(e)})")
            return
        for (k, _), line in zip(reqs, lines, strict=True):
            self.out[k] = Outcome(line)

    def extract_timed(self, reqs: list[tuple[int, Request]]) -> None:
        """Extract documents together under one time limit; if it runs out, each (not yet done)
        alone under its own, so that only a slow document gets the timeout record."""
        timeout = self.settings.timeout
        self.step()
        try:
            with time_limit(timeout):
                self.extract(reqs)
        except DocumentTimeout:
            if len(reqs) == 1:
                k, r = reqs[0]
                self.out[k] = _timed_out(r.source, timeout)
                return
            for k, r in reqs:
                if self.out[k] is None:
                    self.extract_timed([(k, r)])

    def run(self) -> list[Outcome]:
        together: list[tuple[int, Request]] = []
        alone: list[tuple[int, Request]] = []
        settings = self.settings
        for k, inp in enumerate(self.inputs):
            doc = Decoded(inp.text) if isinstance(inp, Text) else self.read(k, inp)
            if doc is not None:
                request = Request(doc.text, inp.source, settings.ref_date, doc.date, settings.override_date)
                (alone if len(doc.text) > ALONE_CHARS else together).append((k, request))
        if together:
            self.extract_timed(together)
        for one in alone:
            self.extract_timed([one])
        outcomes = []
        for out, warnings in zip(self.out, self.warnings, strict=True):
            assert out is not None
            outcomes.append(out._replace(warnings=tuple(warnings)) if warnings else out)
        return outcomes


def process_chunk(
    inputs: list[Input], settings: Settings, on_step: Callable[[], None] | None = None
) -> list[Outcome]:
    """Read and extract a few documents, tagged together (but very long ones): an Outcome for
    each, in order; a bad input gets an error record. `on_step` is called as each timed step (a
    read, an extraction) begins."""
    return _Chunk(inputs, settings, on_step).run()


# --------------------------------------------------------------------------- the ordered loop

Task = list[tuple[int, Input]]  # (position in the input, input)


class Failure(NamedTuple):
    """A chunk whose process went away: it died (``how``: in words), or was stopped after its
    time ran out where its own timer could not reach (stuck in C code)."""

    timed_out: bool
    how: str


class Backend(Protocol):
    """Where chunks run. ``slots``: chunks it runs at once (sets the window of chunks ahead)."""

    slots: int

    def has_room(self) -> bool:
        """Whether a chunk submitted now starts without waiting."""

    def submit(self, task: Task) -> None: ...

    def wait(self) -> list[tuple[Task, list[Outcome] | Failure]]:
        """Block until at least one submitted chunk is done; those done."""


def _failed(inp: Input, failure: Failure, timeout: float) -> Result:
    if failure.timed_out:
        outcome = _timed_out(inp.source, timeout)
    else:
        outcome = _error(inp.source, "internal", f"{display_name(inp.source)}: extraction failed ({failure.how})")
    return Result(inp, *outcome)


def run_ordered(inputs: Iterable[Input], settings: Settings, backend: Backend) -> Iterator[Result]:
    """Results in input order, `inputs` consumed lazily: chunks go to the backend while it has
    room, at most a window ahead of the oldest result not yet yielded. A chunk that fails (its
    process died or stuck) is redone a document at a time; the document at fault gets the record."""
    source = chunks(enumerate(inputs), CHUNK_SIZE)
    window = WINDOW_PER_WORKER * max(1, backend.slots) * CHUNK_SIZE  # documents ahead
    retry: deque[Task] = deque()
    results: dict[int, Result] = {}
    next_out = 0  # position of the next result to yield
    next_in = 0  # position of the first input not yet taken
    exhausted = False
    held: Task | None = None  # taken, but the backend had no room for it yet
    running = 0
    while True:
        while True:  # submit while there are chunks to run and room for them
            if held is None and retry:
                held = retry.popleft()
            elif held is None and not exhausted and next_in < next_out + window:
                held = next(source, None)
                exhausted = held is None
                next_in = held[-1][0] + 1 if held else next_in
            if held is None or not backend.has_room():
                break
            backend.submit(held)
            held = None
            running += 1
        while next_out in results:
            yield results.pop(next_out)
            next_out += 1
        if not running:
            if held is not None:
                raise RuntimeError("the backend takes no chunk and runs none")
            if exhausted and not retry:
                return
            continue
        for task, outcome in backend.wait():
            running -= 1
            if isinstance(outcome, Failure):
                if len(task) > 1:
                    retry.extendleft([one] for one in reversed(task))
                else:
                    k, inp = task[0]
                    results[k] = _failed(inp, outcome, settings.timeout)
            else:
                for (k, inp), one in zip(task, outcome, strict=True):
                    results[k] = Result(inp, *one)


class InProcess:
    """The backend of ``--jobs 1``: each chunk runs in this process when submitted."""

    slots = 1

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.done: list[tuple[Task, list[Outcome] | Failure]] = []

    def has_room(self) -> bool:
        return not self.done

    def submit(self, task: Task) -> None:
        self.done.append((task, process_chunk([inp for _, inp in task], self.settings)))

    def wait(self) -> list[tuple[Task, list[Outcome] | Failure]]:
        done, self.done = self.done, []
        return done
