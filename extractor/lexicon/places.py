"""The place word lists, loaded once per process: names of one place (`place_names.txt`) and the
words before a street's name (`street_words.txt`)."""

from __future__ import annotations

from functools import cache

from extractor.lexicon import load_rows, load_words
from extractor.nlp.morph import phrase_lemmas


def place_key(name: str) -> tuple[str, ...]:
    """A place name as lemmas: «Российской Федерации» and «Российская Федерация» agree."""
    return phrase_lemmas(name.lower().replace("ё", "е"))


@cache
def place_groups() -> dict[tuple[str, ...], int]:
    """Each name of the place list (as lemmas) -> the number of its place."""
    out: dict[tuple[str, ...], int] = {}
    for k, row in enumerate(load_rows("place_names.txt")):
        for name in row:
            out.setdefault(place_key(name), k)
    return out


@cache
def street_words() -> frozenset[str]:
    """«улица», «ул», «проспект» ... in lowercase, as written."""
    return frozenset(load_words("street_words.txt"))
