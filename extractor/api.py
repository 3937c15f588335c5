"""The Python API, re-exported by the package: ``extractor.extract``, ``extractor.extract_many``,
``extractor.read`` and ``extractor.frames``. The records are the dicts of the command's output
(``schema.json``), error records included."""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from extractor import DISTRIBUTION
from extractor.io.reader import read_path
from extractor.io.tables import collect
from extractor.run.chunks import Settings
from extractor.run.cluster import InputItem, as_input
from extractor.run.local import run

if TYPE_CHECKING:
    import pandas

Record = dict[str, Any]


def _date(date: dt.date | str | None) -> dt.date | None:
    return dt.date.fromisoformat(date) if isinstance(date, str) else date


def extract_many(
    items: Iterable[InputItem], *, jobs: int = 1, date: dt.date | str | None = None
) -> Iterator[Record]:
    """Records of many inputs, in their order, as they are done. An input is a text (``str``), a
    file (``pathlib.Path``: read and decoded as the command reads it, HTML included) or a
    ``(source, text)`` pair. `jobs` > 1 extracts in that many worker processes (forked: call it
    under ``if __name__ == "__main__":`` in a script). `date` (a ``datetime.date`` or
    ``"YYYY-MM-DD"``) is the reference date of a release without a date of its own. An input
    that fails gives an error record (``{"source", "error": {"kind", "message"}}``)."""
    settings = Settings(ref_date=_date(date))
    results = run((as_input(item) for item in items), settings, jobs)
    try:
        for result in results:
            yield json.loads(result.line)
    finally:
        results.close()  # stops the workers when the caller stops early


def extract(text: str, *, source: str | None = None, date: dt.date | str | None = None) -> Record:
    """The record of one text, as the command writes it: persons with posts, organizations,
    locations, percentages, dates... with offsets into `text`. `source` names it in the record
    (default ``-``); `date` is the reference date if the text has no date of its own."""
    if not isinstance(text, str):
        raise TypeError(f"extract() takes the text as a str, not {type(text).__name__}: for a file, read(path)")
    return next(extract_many([(source or "-", text)], date=date))


def read(path: str | os.PathLike[str]) -> str:
    """A file's text as the command decodes it (encoding detected, newlines normalised, an HTML
    page reduced to its main text): the text every offset of its record refers to. Raises
    ``extractor.io.errors.ReadError`` (``kind``, one-line ``message``) when it cannot."""
    return read_path(Path(path))


def frames(records: Iterable[Record]) -> dict[str, pandas.DataFrame]:
    """The records as DataFrames, one per table: ``documents``, ``persons``, ``posts`` (with the
    name of each post's organization), ``organizations``, ``locations``, ``percentages``,
    ``dates``, every other kind the records or the schema have (money, facts), and ``errors``;
    one row per item, with its document's ``source``. Needs pandas (the ``pandas`` extra)."""
    try:
        import pandas
    except ImportError:
        raise ImportError(f"extractor.frames() needs pandas: pip install '{DISTRIBUTION}[pandas]'") from None
    return {name: pandas.DataFrame(rows, columns=columns) for name, (columns, rows) in collect(records).items()}
