"""Which characters of a text some span already covers: the overlap test of the rules that choose
among candidate spans, in time proportional to the span asked about, not to the spans chosen so far
(a long text with thousands of names stays linear)."""

from __future__ import annotations

from collections.abc import Iterable


class Coverage:
    def __init__(self, length: int, spans: Iterable[tuple[int, int]] = ()) -> None:
        self._marks = bytearray(length)
        for start, end in spans:
            self.add(start, end)

    def add(self, start: int, end: int) -> None:
        self._marks[start:end] = b"\x01" * (end - start)

    def overlaps(self, start: int, end: int) -> bool:
        return 1 in self._marks[start:end]
