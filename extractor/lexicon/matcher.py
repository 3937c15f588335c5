"""Phrases of lemmas found in a run of tokens: the longest-phrase matcher of the word lists.

A phrase is written in a word list as lemmas separated by spaces; ` ~ ` between two parts lets a
few words stand between them («освободить ~ должность» matches «освободил Иванова от
должности»). Each phrase carries the other fields of its row.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from extractor.nlp.morph import phrase_lemmas

# words a ` ~ ` gap may hold
MAX_GAP = 5


@dataclass(frozen=True)
class Phrase:
    parts: tuple[tuple[str, ...], ...]  # runs of lemmas; a gap of up to MAX_GAP words between runs
    fields: tuple[str, ...]  # the row's other fields

    @property
    def words(self) -> int:
        return sum(len(p) for p in self.parts)


@dataclass(frozen=True)
class Match:
    first: int  # index of the first word
    last: int  # one past the last word
    phrase: Phrase


class PhraseIndex:
    """Phrases by their first lemma."""

    def __init__(self, rows: Sequence[tuple[str, ...]]) -> None:
        self.by_first: dict[str, list[Phrase]] = {}
        for phrase, *fields in rows:
            parts = tuple(phrase_lemmas(p) for p in phrase.split(" ~ "))
            self.by_first.setdefault(parts[0][0], []).append(Phrase(parts, tuple(fields)))
        for phrases in self.by_first.values():
            phrases.sort(key=lambda p: -p.words)

    def starts(self, lemma: str) -> bool:
        return lemma in self.by_first

    def match(
        self, lemmas: Sequence[str], i: int, end: int, gap_ok: Callable[[int], bool] = lambda _k: True
    ) -> Match | None:
        """The longest phrase starting at word i and ending by `end`; a gap's words must pass
        `gap_ok` (given their index)."""
        for phrase in self.by_first.get(lemmas[i], ()):
            last = _match_parts(phrase.parts, lemmas, i, end, gap_ok)
            if last is not None:
                return Match(i, last, phrase)
        return None


def _match_parts(
    parts: tuple[tuple[str, ...], ...], lemmas: Sequence[str], i: int, end: int, gap_ok: Callable[[int], bool]
) -> int | None:
    first, rest = parts[0], parts[1:]
    if i + len(first) > end or tuple(lemmas[i : i + len(first)]) != first:
        return None
    j = i + len(first)
    if not rest:
        return j
    for k in range(j, min(end, j + MAX_GAP + 1)):
        if k > j and not gap_ok(k - 1):
            return None
        found = _match_parts(rest, lemmas, k, end, gap_ok)
        if found is not None:
            return found
    return None
