"""The kinds of error record, in one place, and how a file name appears in a one-line message.

An input that gives no document gives ``{"source": ..., "error": {"kind": KIND, "message": ...}}``;
``schema.json`` lists the same kinds (``tests/test_errors.py`` checks that they agree).

* reading (:class:`ReadError`, raised in ``io``): ``not_found`` (no such file), ``unreadable``
  (no permission, a directory that cannot be listed, an I/O error), ``binary`` (not text),
  ``decode`` (no encoding fits, or the forced one does not), ``empty`` (nothing but white space,
  or an HTML page without main text), ``too_large`` (over the size limits of ``io.reader``);
* running (decided in ``run``): ``timeout`` (reading or extracting took longer than the time
  limit), ``internal`` (a bug: an exception in the rules, a worker process that died).
"""

from __future__ import annotations

import os
from typing import Literal, get_args

ReadErrorKind = Literal["not_found", "unreadable", "binary", "decode", "empty", "too_large"]
RunErrorKind = Literal["internal", "timeout"]
ErrorKind = Literal[ReadErrorKind, RunErrorKind]

READ_ERROR_KINDS: tuple[ReadErrorKind, ...] = get_args(ReadErrorKind)
ERROR_KINDS: tuple[ErrorKind, ...] = get_args(ErrorKind)

STDIN = "-"  # the source name of standard input


class ReadError(Exception):
    """An input could not be turned into text: ``kind`` says why, ``message`` is one line that
    names the source (see :func:`display_name`)."""

    def __init__(self, kind: ReadErrorKind, message: str, source: str | None = None) -> None:
        if kind not in READ_ERROR_KINDS:
            raise ValueError(f"unknown ReadError kind: {kind!r}")
        super().__init__(message)
        self.kind: ReadErrorKind = kind
        self.message = message
        self.source = source

    def __str__(self) -> str:
        return self.message

    def __reduce__(self) -> tuple[type[ReadError], tuple[str, str, str | None]]:
        # an Item of a batch may carry one to a worker process: pickle by its three fields
        return (ReadError, (self.kind, self.message, self.source))


def source_name(path: str) -> str:
    """The name a path has in the output: the path itself, with the bytes of a file name that
    are not UTF-8 (kept by Python as lone surrogates) written as ``\\xNN``, so that the JSON
    is valid UTF-8."""
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        return os.fsencode(path).decode("utf-8", "backslashreplace")
    return path


def display_name(source: str) -> str:
    """A source as it appears in a one-line message on stderr: as it is when every character
    prints, else quoted with escapes, so that a newline in a file name cannot fake a line."""
    if source == STDIN:
        return "<stdin>"
    return source if source.isprintable() else repr(source)
