"""Writing outputs: JSON lines on stdout, or one file per input under ``--out-dir`` written
atomically (a temporary file renamed), and what a failure to write means for a batch:

* :class:`OutputError`: nothing more can be written (stdout closed or full, the out-dir read-only
  or its disk full): the batch stops;
* :class:`OutputFileError`: one output file cannot be written (its name is too long, a directory
  of that name is in the way): its document fails, the batch goes on.

Ctrl-C (SIGINT) and SIGTERM wait while a line or a file is written, so output is never half
written and no temporary file is left behind.
"""

from __future__ import annotations

import errno
import json
import os
import secrets
import signal
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import TextIO

from extractor.io.errors import display_name

# Failures that no other file of the batch would escape: the disk is full, the file system
# read-only, the device broken.
FATAL_ERRNOS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EIO})
# Temporary files are `.extract-<random>.tmp` in the directory of the output: short, so that a
# temporary name fits wherever the output's own name does (a file name has at most 255 bytes).
TEMP_PREFIX = ".extract-"
TEMP_RANDOM_BYTES = 6  # 12 hex digits: two runs writing into one directory do not collide
_DEFERRED = {signal.SIGINT, signal.SIGTERM}


class OutputError(Exception):
    """Nothing more can be written: the batch stops. ``message`` is one line."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class OutputFileError(Exception):
    """One output file cannot be written: its document fails, the batch goes on."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@contextmanager
def deferred_signals() -> Iterator[None]:
    """SIGINT and SIGTERM that arrive in the block are delivered when it ends (main thread only,
    where Python runs signal handlers)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, _DEFERRED)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def _create_temp(directory: Path) -> tuple[int, str]:
    while True:
        name = os.path.join(directory, f"{TEMP_PREFIX}{secrets.token_hex(TEMP_RANDOM_BYTES)}.tmp")
        try:
            # mode 0o666 less the umask, as for any file the user creates
            return os.open(name, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o666), name
        except FileExistsError:
            continue


def write_atomic(path: Path, data: str) -> None:
    """Write via a temporary file and a rename: a reader never sees half a file, and nothing of
    it stays behind when writing fails or the process is told to stop."""
    with deferred_signals():
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = _create_temp(path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8", errors="backslashreplace") as fh:
                fh.write(data)
            os.replace(tmp, path)
        except BaseException:
            with suppress(OSError):
                os.unlink(tmp)
            raise


class StdoutSink:
    """JSON lines on stdout, as UTF-8 whatever the locale, each line whole."""

    def __init__(self, stream: TextIO | None = None) -> None:
        self.stream = sys.stdout if stream is None else stream

    def check(self) -> None:
        if self.stream is None:
            raise OutputError("cannot write to stdout: it is closed")

    def write(self, line: str) -> None:
        self.check()
        data = (line + "\n").encode("utf-8", "backslashreplace")
        try:
            with deferred_signals():
                self.stream.flush()
                buffer = getattr(self.stream, "buffer", None)
                if buffer is None:
                    self.stream.write(data.decode("utf-8"))
                    self.stream.flush()
                else:
                    buffer.write(data)
                    buffer.flush()
        except OSError as e:
            self._discard()
            raise OutputError(f"cannot write to stdout: {e.strerror or e}") from None

    def _discard(self) -> None:
        """Point stdout at /dev/null, so that the interpreter's last flush does not fail again."""
        with suppress(OSError, ValueError, AttributeError):
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, self.stream.fileno())
            os.close(devnull)


class DirSink:
    """One file per input: ``OUT/<out_name>.json``, always under ``OUT``."""

    def __init__(self, out_dir: Path) -> None:
        self.out_dir = out_dir

    def check(self) -> None:
        """The directory exists (created if need be) and takes files: else OutputError, before any
        document is extracted."""
        try:
            self.out_dir.mkdir(parents=True, exist_ok=True)
            fd, tmp = _create_temp(self.out_dir)
            os.close(fd)
            os.unlink(tmp)
        except OSError as e:
            raise OutputError(f"cannot write to {display_name(str(self.out_dir))}: {e.strerror or e}") from None

    def path_of(self, out_name: str) -> Path:
        return self.out_dir / (out_name + ".json")

    def holds_document(self, out_name: str) -> bool:
        """Whether the output of an input is there and is a document (not an error record, nor
        anything else): what --skip-existing skips."""
        try:
            with open(self.path_of(out_name), encoding="utf-8") as fh:
                record = json.load(fh)
        except (OSError, ValueError):
            return False
        return isinstance(record, dict) and "error" not in record

    def write(self, out_name: str, line: str, source: str) -> None:
        path = self.path_of(out_name)
        try:
            self._confine(path)
            write_atomic(path, line + "\n")
        except OSError as e:
            if e.errno in FATAL_ERRNOS:
                raise OutputError(f"cannot write to {display_name(str(self.out_dir))}: {e.strerror}") from None
            what = e.strerror or str(e)
            raise OutputFileError(f"{display_name(source)}: cannot write {display_name(str(path))}: {what}") from None

    def _confine(self, path: Path) -> None:
        """The nearest existing folder of `path` resolves inside the out-dir (a symbolic link in
        it may point elsewhere)."""
        folder = path.parent
        while not folder.exists() and folder != self.out_dir:
            folder = folder.parent
        real, root = os.path.realpath(folder), os.path.realpath(self.out_dir)
        if os.path.commonpath([real, root]) != root:
            raise OSError(errno.EXDEV, f"leads outside the out-dir (to {display_name(real)})")
