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
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Generic, TypeVar

from extractor.nlp.morph import phrase_lemmas
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


@cache
def animal_nouns() -> frozenset[str]:
    """Animals a release names by a pet name after them: «тигрицу Ладу» (animal_nouns.txt)."""
    return frozenset(load_words("animal_nouns.txt"))


@cache
def speech_verbs() -> frozenset[str]:
    """Verbs that attribute words to their speaker («— сказал министр»); their dative is the one
    told («рассказал «Коммерсанту»»)."""
    return frozenset(load_words("speech_verbs.txt"))


def data_words() -> set[str]:
    """Every lowercase word of every field of every word list (the words whose lemmas
    extractor/nlp/data/lemmas.tsv holds; hyphenated words are kept whole, so left out)."""
    files = [f.name for f in resources.files("extractor.lexicon").joinpath("data").iterdir() if f.name.endswith(".txt")]
    return {
        word
        for name in files
        for row in load_rows(name)
        for field in row
        for word in field.lower().replace("~", " ").split()
        if word.isalpha()
    }


def token_lemma(tok: Token) -> str:
    return tok.lemma


# words a « ~ » gap of a phrase may hold: «освободить ~ должность» in «освободил Иванова от должности»;
# nine, for a post with its body and a circumstance («На должность директора муниципального унитарного
# предприятия «...» по итогам конкурса принят») or with a legal form written out («Пост директора
# государственного бюджетного учреждения социального обслуживания Ростовской области «...» заняла»)
MAX_GAP = 9
# quotes in a gap are no words of it
GAP_QUOTES = frozenset("«»\"„“”")
# a name in quotes or a short name in brackets is no words of a gap either: «на должность директора МУП
# «Ангарский трамвай» (МУП «АТ») принят»
GAP_OPENERS = {"«": "»", "(": ")"}


@dataclass(frozen=True)
class Match(Generic[V]):
    """Where a phrase was found, in word indexes (last exclusive), and its value."""

    first: int
    last: int
    value: V


class PhraseIndex(Generic[V]):
    """Phrases of lemmas -> values: the one matcher of the word lists. Every proper prefix of a
    phrase is known, so that a match stops at the first word no phrase continues with. A phrase may
    have gaps: parts of lemmas with a few words between them («освободить ~ должность»)."""

    def __init__(self, entries: Iterable[tuple[Phrase | tuple[Phrase, ...], V]]) -> None:
        self._entries: dict[Phrase, V] = {}
        self._prefixes: set[Phrase] = set()
        self._gapped: dict[str, list[tuple[tuple[Phrase, ...], V]]] = {}
        for phrase, value in entries:
            if phrase and isinstance(phrase[0], tuple):
                parts = phrase  # type: ignore[assignment]
                self._gapped.setdefault(parts[0][0], []).append((parts, value))  # type: ignore[index]
                continue
            self._entries.setdefault(phrase, value)  # type: ignore[arg-type]
            self._prefixes.update(phrase[:n] for n in range(1, len(phrase)))  # type: ignore[misc]
        for phrases in self._gapped.values():
            phrases.sort(key=lambda entry: -sum(len(part) for part in entry[0]))
        self.firsts = frozenset(p[0] for p in self._entries) | frozenset(self._gapped)
        self.longest = max((len(p) for p in self._entries), default=0)

    @staticmethod
    def from_rows(rows: Iterable[tuple[str, ...]]) -> PhraseIndex[tuple[str, ...]]:
        """A word list's rows: the phrase (« ~ » for a gap), then its other fields as the value."""
        entries: list[tuple[Phrase | tuple[Phrase, ...], tuple[str, ...]]] = []
        for phrase, *fields in rows:
            parts = tuple(phrase_lemmas(part) for part in phrase.split(" ~ "))
            entries.append((parts if len(parts) > 1 else parts[0], tuple(fields)))
        return PhraseIndex(entries)

    def __contains__(self, phrase: object) -> bool:
        return phrase in self._entries

    def __len__(self) -> int:
        return len(self._entries) + sum(len(v) for v in self._gapped.values())

    def get(self, phrase: Phrase) -> V | None:
        return self._entries.get(phrase)

    def continues(self, phrase: Phrase) -> bool:
        """Whether a longer phrase starts with this one."""
        return phrase in self._prefixes

    def starts(self, lemma: str) -> bool:
        return lemma in self.firsts

    def longest_at(
        self, tokens: Sequence[Token], i: int, end: int, lemma: Callable[[Token], str] = token_lemma
    ) -> tuple[int, V] | None:
        """The end (exclusive) and value of the longest phrase (with no gap) whose lemmas start at
        token `i` and end by `end`."""
        found = self._longest(lambda k: lemma(tokens[k]), i, end)
        return (found.last, found.value) if found else None

    def match(
        self,
        lemmas: Sequence[str],
        i: int,
        end: int,
        gap_ok: Callable[[int], bool] = lambda _k: True,
        gap_free: Callable[[int], bool] = lambda _k: False,
    ) -> Match[V] | None:
        """The phrase of the most words starting at word i and ending by `end`, gaps allowed; a
        gap's words must pass `gap_ok` (given their index), and those `gap_free` tells count as
        none of its words."""
        best = self._longest(lemmas.__getitem__, i, end)
        for parts, value in self._gapped.get(lemmas[i], ()) if i < end else ():
            if best is not None and sum(len(p) for p in parts) <= best.last - best.first:
                break
            last = _match_parts(parts, lemmas, i, end, gap_ok, gap_free)
            if last is not None:
                return Match(i, last, value)
        return best

    def _longest(self, lemma_at: Callable[[int], str], i: int, end: int) -> Match[V] | None:
        if i >= end or lemma_at(i) not in self.firsts:
            return None
        best = None
        key: Phrase = ()
        for j in range(i, min(end, i + self.longest)):
            key += (lemma_at(j),)
            if key in self._entries:
                best = Match(i, j + 1, self._entries[key])
            if key not in self._prefixes:
                break
        return best


def _match_parts(
    parts: tuple[Phrase, ...],
    lemmas: Sequence[str],
    i: int,
    end: int,
    gap_ok: Callable[[int], bool],
    gap_free: Callable[[int], bool],
) -> int | None:
    first, rest = parts[0], parts[1:]
    if i + len(first) > end or tuple(lemmas[i : i + len(first)]) != first:
        return None
    j = i + len(first)
    if not rest:
        return j
    words = 0
    closers: list[str] = []
    for k in range(j, end):
        if k > j:
            word = lemmas[k - 1]
            if not gap_ok(k - 1):
                return None
            if word in GAP_OPENERS:
                closers.append(GAP_OPENERS[word])
            elif closers and word == closers[-1]:
                closers.pop()
            elif not closers and not gap_free(k - 1):
                words += word not in GAP_QUOTES  # «вступил в должность директора АО «Х»»
            if words > MAX_GAP:
                return None
        found = _match_parts(rest, lemmas, k, end, gap_ok, gap_free)
        if found is not None:
            return found
    return None
