"""Progress of a batch on stderr: ``n/N`` documents, failures, the rate, and an ETA once a few
documents are done. On a terminal, one line redrawn in place; elsewhere (a log file), a line
every :data:`LINE_EVERY` seconds, and one when the batch starts."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TextIO

# Seconds between two lines when stderr is not a terminal.
LINE_EVERY = 10.0
# Seconds between two redraws on a terminal.
REDRAW_EVERY = 0.2
# Documents done before an ETA is shown: the first ones include starting the workers, and a rate
# from one or two documents says little.
ETA_AFTER = 5


def _clock_time(seconds: float) -> str:
    seconds = int(seconds + 0.5)
    hours, rest = divmod(seconds, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{rest // 60}:{rest % 60:02d}"


class Progress:
    """Told after each document; writes to `stream` when it is time."""

    def __init__(
        self, total: int, stream: TextIO, terminal: bool, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.total = total
        self.stream = stream
        self.terminal = terminal
        self.clock = clock
        self.done = self.failed = 0
        self.first: float | None = None  # when the first document was done: the rate counts from there
        self.shown = clock()
        self.width = 0
        if not terminal:
            self._line(f"extracting {total} documents")

    def status(self) -> str:
        text = f"extracting {self.done}/{self.total} documents"
        if self.failed:
            text += f", {self.failed} failed"
        if self.first is not None and self.done > 1:
            elapsed = self.clock() - self.first
            rate = (self.done - 1) / elapsed if elapsed > 0 else 0.0
            text += f", {rate:.1f} docs/s"
            if self.done >= ETA_AFTER and rate > 0 and self.done < self.total:
                text += f", ETA {_clock_time((self.total - self.done) / rate)}"
        return text

    def update(self, failed: bool) -> None:
        now = self.clock()
        self.done += 1
        self.failed += failed
        if self.first is None:
            self.first = now
        if self.terminal and (now - self.shown >= REDRAW_EVERY or self.done == self.total):
            self._redraw()
        elif not self.terminal and now - self.shown >= LINE_EVERY:
            self._line(self.status())

    def _line(self, text: str) -> None:
        self.stream.write(f"extract: {text}\n")
        self.stream.flush()
        self.shown = self.clock()

    def _redraw(self) -> None:
        text = self.status()
        self.stream.write("\r" + text.ljust(self.width))
        self.stream.flush()
        self.width = len(text)
        self.shown = self.clock()

    def clear(self) -> None:
        """Wipe the redrawn line, for a note to take its place (it is drawn again on the next update)."""
        if self.terminal and self.width:
            self.stream.write("\r" + " " * self.width + "\r")
            self.stream.flush()
            self.width = 0

    def finish(self) -> None:
        """End the redrawn line (the summary goes below it)."""
        if self.terminal and self.width:
            self.stream.write("\n")
            self.stream.flush()
            self.width = 0
