"""Word lists kept as data in `extractor/data/*.txt`: one entry a line, `#` starts a comment.

A line may hold several fields separated by ` | ` (for example `ООО | общество с ограниченной
ответственностью | company`); `load_rows` returns them split, `load_words` the first field only.
Files are read once per process.
"""

from __future__ import annotations

from functools import cache
from importlib import resources


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
