"""The inputs of a batch: files named on the command line, and the files matching a pattern under
the directories named, each with its name in the output and the relative path of its output
file under ``--out-dir``."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from extractor.io.errors import ReadError, display_name, source_name


@dataclass(frozen=True)
class Input:
    path: str  # what to open, as the file system spells it
    source: str  # its name in the output (valid UTF-8, see source_name)
    out_name: str  # its output under --out-dir, relative, without ".json": never leaves the out-dir
    error: ReadError | None = None  # a directory that could not be listed: no file to read


def check_pattern(pattern: str) -> str:
    """The pattern for files under a directory, which must stay below it: ValueError for an
    absolute pattern or one with ``..``. A leading ``**/`` is dropped (the search is recursive)."""
    pure = PurePosixPath(pattern)
    if pure.is_absolute():
        raise ValueError(f"{pattern!r} is absolute: it matches files below the directories given")
    if ".." in pure.parts:
        raise ValueError(f"{pattern!r} contains '..': it matches files below the directories given")
    parts = list(pure.parts)
    while parts and parts[0] == "**":
        parts.pop(0)
    if not parts:
        raise ValueError(f"{pattern!r} matches no file name")
    return "/".join(parts)


def find_inputs(paths: Iterable[str], pattern: str | Sequence[str]) -> list[Input]:
    """Files named directly, and files matching `pattern` (or any of several) under directories,
    once each, in sorted order of their names. A path that does not exist stays (it becomes a
    ``not_found`` record); a directory that cannot be listed becomes an ``unreadable`` input. A
    file found under a directory keeps its path below it for its output, even when it is also
    named directly."""
    patterns = [check_pattern(p) for p in ([pattern] if isinstance(pattern, str) else pattern)]
    found: dict[str, Input] = {}
    named = []
    for p in paths:
        if os.path.isdir(p):
            for found_input in _walk(str(Path(p)), patterns):
                found.setdefault(found_input.path, found_input)
        else:
            named.append(p)
    for p in named:
        found.setdefault(p, Input(p, source_name(p), os.path.basename(os.path.normpath(p))))
    return sorted(found.values(), key=lambda i: i.source)


def _walk(root: str, patterns: list[str]) -> Iterator[Input]:
    """Files under `root` whose path below it matches one of `patterns`, following symbolic links to
    directories but entering each directory once (a link loop ends)."""
    seen: set[tuple[int, int]] = set()
    stack = [(root, "")]
    while stack:
        directory, rel = stack.pop()
        try:
            st = os.stat(directory)
            if (st.st_dev, st.st_ino) in seen:
                continue
            seen.add((st.st_dev, st.st_ino))
            with os.scandir(directory) as it:
                entries = list(it)
        except OSError as e:
            source = source_name(directory)
            error = ReadError("unreadable", f"{display_name(source)}: cannot list the directory: {e.strerror}", source)
            yield Input(directory, source, rel or os.path.basename(directory), error)
            continue
        for entry in entries:
            entry_rel = f"{rel}/{entry.name}" if rel else entry.name
            entry_path = entry.name if directory == "." else entry.path  # as pathlib spells it
            try:
                is_dir = entry.is_dir()
                is_file = not is_dir and entry.is_file()
            except OSError:
                continue
            if is_dir:
                stack.append((entry_path, entry_rel))
            elif is_file and any(PurePosixPath(entry_rel).match(pattern) for pattern in patterns):
                yield Input(entry_path, source_name(entry_path), entry_rel)


def check_out_name(name: str) -> str:
    """A name given to standard input (``--source-name``) that is also the path of its output under
    ``--out-dir``: ValueError unless it is relative and stays below (no ``..``)."""
    pure = PurePosixPath(name)
    if not name or pure.is_absolute() or ".." in pure.parts:
        raise ValueError(f"{name!r} cannot name a file under --out-dir: give a relative name without '..'")
    return name


def html_files_under(paths: Iterable[str]) -> bool:
    """Whether any directory among `paths` holds an HTML page (for the hint when none matched)."""
    for p in paths:
        if os.path.isdir(p):
            for _, _, files in os.walk(p):
                if any(f.lower().endswith((".html", ".htm", ".xhtml")) for f in files):
                    return True
    return False
