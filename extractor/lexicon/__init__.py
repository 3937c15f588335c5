"""Word lists kept as data in `extractor/lexicon/data/*.txt`, and the one index that finds their
phrases in tagged text.

A data file holds one entry a line; `#` starts a comment; a line may hold several fields separated
by ` | ` (for example `ООО | общество с ограниченной ответственностью | company`): `load_rows`
returns them split, `load_words` the first field only. Files are read once per process.

`PhraseIndex` maps phrases of lemmas to values and finds the longest phrase starting at a token
(any case of its words, since it matches lemmas). The modules beside this one build the named
lexicons of the rules on top of it: posts, organizations.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from functools import cache
from importlib import resources
from typing import Generic, TypeVar

from extractor.nlp.tagging import Token

V = TypeVar("V")
Phrase = tuple[str, ...]


@cache
def load_rows(name: str) -> tuple[tuple[str, ...], ...]:
    text = resources.files("extractor.lexicon").joinpath("data", name).read_text(encoding="utf-8")
    rows = []
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            rows.append(tuple(field.strip() for field in line.split(" | ")))
    return tuple(rows)


@cache
def load_words(name: str) -> tuple[str, ...]:
    return tuple(row[0] for row in load_rows(name))


def token_lemma(tok: Token) -> str:
    return tok.lemma


class PhraseIndex(Generic[V]):
    """Phrases of lemmas -> values, with every proper prefix known, so that a match stops at the
    first word no phrase continues with."""

    def __init__(self, entries: Iterable[tuple[Phrase, V]]) -> None:
        self._entries: dict[Phrase, V] = {}
        self._prefixes: set[Phrase] = set()
        for phrase, value in entries:
            self._entries.setdefault(phrase, value)
            self._prefixes.update(phrase[:n] for n in range(1, len(phrase)))
        self.firsts = frozenset(p[0] for p in self._entries)
        self.longest = max((len(p) for p in self._entries), default=0)

    def __contains__(self, phrase: object) -> bool:
        return phrase in self._entries

    def __len__(self) -> int:
        return len(self._entries)

    def get(self, phrase: Phrase) -> V | None:
        return self._entries.get(phrase)

    def continues(self, phrase: Phrase) -> bool:
        """Whether a longer phrase starts with this one."""
        return phrase in self._prefixes

    def longest_at(
        self, tokens: Sequence[Token], i: int, end: int, lemma: Callable[[Token], str] = token_lemma
    ) -> tuple[int, V] | None:
        """The end (exclusive) and value of the longest phrase whose lemmas start at token `i`
        and end by `end`."""
        if i >= end or lemma(tokens[i]) not in self.firsts:
            return None
        best = None
        key: Phrase = ()
        for j in range(i, min(end, i + self.longest)):
            key += (lemma(tokens[j]),)
            if key in self._entries:
                best = (j + 1, self._entries[key])
            if key not in self._prefixes:
                break
        return best
