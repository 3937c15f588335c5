"""Running many documents: reading them lazily, extracting in worker processes (each loads the
models once), yielding results in input order, writing output files atomically."""

from __future__ import annotations

import datetime as dt
import json
import multiprocessing as mp
import os
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Any

from .model import error_record
from .pipeline import Pipeline, Request
from .reader import ReadError, read_path
from .tagging import get_tagger

# Documents handed to a worker at once: slovnet tags their sentences in shared batches.
CHUNK_SIZE = 8


@dataclass(frozen=True)
class Settings:
    encoding: str | None = None
    ref_date: dt.date | None = None


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


_pipeline: Pipeline | None = None
_settings = Settings()


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


def process_chunk(items: list[Item]) -> list[tuple[str, str | None]]:
    """Read and extract a few documents: (JSON line, error message or None) for each; a bad
    input becomes an error record."""
    out: list[dict[str, Any] | None] = [None] * len(items)
    reqs: list[tuple[int, Request]] = []
    for k, item in enumerate(items):
        try:
            text = read_path(item.path, encoding=_settings.encoding)
        except ReadError as e:
            out[k] = error_record(item.source, e.kind, e.message)
            continue
        reqs.append((k, Request(text, item.source, _settings.ref_date)))
    if reqs:
        _extract_texts(reqs, out)
    return [(dumps(r), r["error"]["message"] if "error" in r else None) for r in out if r is not None]


def _chunks(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def run(items: Iterable[Item], settings: Settings, jobs: int = 1) -> Iterator[Result]:
    """Results in input order; with jobs > 1 in worker processes."""
    _init_worker(settings)
    if jobs <= 1:
        for chunk in _chunks(items, CHUNK_SIZE):
            yield from (Result(i, *r) for i, r in zip(chunk, process_chunk(chunk), strict=True))
        return
    # Load the models before forking: the workers share their pages instead of each loading
    # (and holding) a copy.
    get_tagger()
    ctx = mp.get_context("fork")
    with ctx.Pool(jobs, initializer=_init_worker, initargs=(settings,)) as pool:
        chunks = list(_chunks(items, CHUNK_SIZE))
        for chunk, records in zip(chunks, pool.imap(process_chunk, chunks), strict=True):
            yield from (Result(i, *r) for i, r in zip(chunk, records, strict=True))


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
