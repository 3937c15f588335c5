"""Cheap sentence bounds for the number and date rules, which read raw text: a sentence ends at
a stop followed by a capital, a digit or a quote, or at a line end; not after an abbreviation
(«г.», «млн.», «ул.»)."""

from __future__ import annotations

import bisect
import re

SENTENCE_END = re.compile(r"[.!?…]+[\s\u00a0]+(?=[«\"(А-ЯЁA-Z\d])|\n")
LAST_WORD = re.compile(r"([а-яёa-z]+)\W*\Z", re.IGNORECASE)
ABBREVIATIONS = frozenset("г гг ст им т д руб тыс млн млрд др пр ул обл р ч мин см долл ок".split())


def sentence_starts(text: str, abbreviations: frozenset[str] = ABBREVIATIONS) -> list[int]:
    """Offsets where sentences start, in order; 0 first."""
    starts = [0]
    for m in SENTENCE_END.finditer(text):
        if m.group(0) != "\n":
            word = LAST_WORD.search(text, max(0, m.start() - 8), m.start() + 1)
            if word and word.group(1).lower() in abbreviations:
                continue
        starts.append(m.end())
    return starts


def bounds(starts: list[int], pos: int, length: int) -> tuple[int, int]:
    """The sentence [start, end) holding offset `pos`."""
    i = bisect.bisect_right(starts, pos) - 1
    return starts[i], starts[i + 1] if i + 1 < len(starts) else length
