"""Which characters of a text some span already covers: the overlap test of the rules that choose
among candidate spans, in time proportional to the span asked about, not to the spans chosen so far
(a long text with thousands of names stays linear)."""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable
from typing import TypeVar

T = TypeVar("T")


class Coverage:
    def __init__(self, length: int, spans: Iterable[tuple[int, int]] = ()) -> None:
        self._marks = bytearray(length)
        for start, end in spans:
            self.add(start, end)

    def add(self, start: int, end: int) -> None:
        self._marks[start:end] = b"\x01" * (end - start)

    def overlaps(self, start: int, end: int) -> bool:
        return 1 in self._marks[start:end]


def first_disjoint(items: Iterable[T], span: Callable[[T], tuple[int, int]]) -> list[T]:
    """The items, taken in the order given, that overlap none taken before them; sorted by start.
    Each is checked against its two neighbours among those kept (bisect), not against all."""
    starts: list[int] = []  # the kept spans' starts, sorted; the kept spans are disjoint
    kept: list[T] = []
    for item in items:
        start, end = span(item)
        i = bisect.bisect_right(starts, start)
        if i > 0 and span(kept[i - 1])[1] > start or i < len(kept) and span(kept[i])[0] < end:
            continue
        starts.insert(i, start)
        kept.insert(i, item)
    return kept
