"""What the benchmark adapters share: extraction in batches, JSON Lines output, and the shared
scorers (stdlib scripts in ../shared) run as subprocesses whose LAST printed line is a JSON object
with every figure.

Only the pipeline's public entry point is imported from the project: the adapters work on the
output JSON (`doc.to_json()`), which is the contract, not on the record classes behind it.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from extractor.pipeline import Pipeline, Request

ROOT = Path(__file__).resolve().parent.parent
# a batch bounds memory on the large sets (NEREL train) while keeping slovnet's batches full
BATCH = 32

T = TypeVar("T")


def batches(items: Sequence[T], size: int = BATCH) -> Iterator[Sequence[T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def extract_json(pipeline: Pipeline, requests: Sequence[Request], size: int = BATCH) -> list[dict[str, Any]]:
    """The extractor's JSON output of each request, in order."""
    return [doc.to_json() for batch in batches(requests, size) for doc in pipeline.extract_many(list(batch))]


def positions_only(output: dict[str, Any]) -> dict[str, Any]:
    """The output JSON as press-dev's gold counts posts: positions, not ranks nor trades held in no
    organization (no press-dev or blind gold lists «генерал-майор полиции», and one of 3 531 gold
    posts is a bare trade, «художник-постановщик»; NEREL's and factRuEval's adapters keep them)."""
    persons = [
        {**p, "posts": [q for q in p["posts"] if not q.get("rank") and not q.get("trade")]}
        for p in output.get("persons", [])
    ]
    return {**output, "persons": persons}


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def write_jsonl(path: Path, records: Iterable[dict[str, Any]]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as fh:
        for rec in records:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return path


@dataclass(frozen=True)
class ScorerRun:
    """One run of a shared scorer: the command, all it printed, and its figures (its last line)."""

    cmd: list[str]
    output: str
    figures: dict[str, Any]

    @property
    def command(self) -> str:
        return " ".join(self.cmd)


def run_scorer(script: Path, *args: object) -> ScorerRun:
    """Run a shared scorer with its output captured; fail loudly with what it printed."""
    cmd = [sys.executable, str(script), *map(str, args)]
    proc = subprocess.run(cmd, capture_output=True, text=True, encoding="utf-8")
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} exited with {proc.returncode}:\n{proc.stdout}{proc.stderr}")
    lines = proc.stdout.rstrip().splitlines()
    if not lines:
        raise RuntimeError(f"{' '.join(cmd)} printed nothing:\n{proc.stderr}")
    return ScorerRun(cmd, proc.stdout + proc.stderr, json.loads(lines[-1]))
