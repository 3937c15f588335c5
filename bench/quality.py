"""Quality on the shared dev sets: runs the extractor over ../shared/eval/press-dev and
../shared/eval/factru/dev.jsonl and prints the shared scorers' figures.

usage: python bench/quality.py [--shared ../shared] [--out bench/out] [--verbose]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

from extractor.model import Document
from extractor.pipeline import Pipeline, Request

ROOT = Path(__file__).resolve().parent.parent


def press_dev(pipeline: Pipeline, shared: Path, out: Path, verbose: bool) -> None:
    docs = sorted((shared / "eval/press-dev/docs").glob("*.txt"))
    reqs = [Request(p.read_text(encoding="utf-8"), str(p)) for p in docs]
    preds = out / "press_dev.jsonl"
    with preds.open("w", encoding="utf-8") as fh:
        for doc in pipeline.extract_many(reqs):
            fh.write(json.dumps(doc.to_json(), ensure_ascii=False) + "\n")
    cmd = [sys.executable, str(shared / "eval/press-dev/score.py"), str(shared / "eval/press-dev/gold.jsonl"),
           str(preds)] + (["--verbose"] if verbose else [])
    print("$ " + " ".join(cmd), flush=True)
    subprocess.run(cmd, check=True)


def _is_name_mention(text: str, person) -> bool:
    """Person mentions that are names, not post-only references («губернатор отметил»)."""
    low = text.lower()
    return any(part and part.lower()[:4] in low for part in (person.last, person.first))


def factru_record(doc: Document, doc_id: str) -> dict:
    """Our output as factRuEval predictions: entity spans and occupation facts."""
    entities = []
    occupations = []
    for person in doc.persons:
        for m in person.mentions:
            if _is_name_mention(m.text, person):
                entities.append({"type": "PER", "start": m.start, "end": m.end})
        for post in person.posts:
            occupations.append({"who": person.name, "position": post.role, "where": post.org})
    for org in doc.organizations:
        for m in org.mentions:
            entities.append({"type": "ORG", "start": m.start, "end": m.end})
    for loc in doc.locations:
        for m in loc.mentions:
            entities.append({"type": "LOC", "start": m.start, "end": m.end})
    return {"id": doc_id, "entities": entities, "occupations": occupations}


def factru(pipeline: Pipeline, shared: Path, out: Path) -> None:
    gold = shared / "eval/factru/dev.jsonl"
    rows = [json.loads(line) for line in gold.open(encoding="utf-8") if line.strip()]
    started = time.monotonic()
    docs = pipeline.extract_many([Request(r["text"], r["id"]) for r in rows])
    elapsed = time.monotonic() - started
    preds = out / "factru_dev.jsonl"
    with preds.open("w", encoding="utf-8") as fh:
        for row, doc in zip(rows, docs, strict=True):
            fh.write(json.dumps(factru_record(doc, row["id"]), ensure_ascii=False) + "\n")
    print(f"factru: {len(rows)} documents extracted in {elapsed:.1f} s")
    cmd = [sys.executable, str(shared / "eval/factru/score.py"), str(gold), str(preds)]
    print("$ " + " ".join(cmd), flush=True)
    subprocess.run(cmd, check=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--out", type=Path, default=ROOT / "bench/out")
    ap.add_argument("--verbose", action="store_true", help="list press-dev misses and extras")
    ap.add_argument("--only", choices=["press", "factru"], default=None)
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    pipeline = Pipeline()
    if args.only in (None, "press"):
        press_dev(pipeline, args.shared, args.out, args.verbose)
    if args.only in (None, "factru"):
        factru(pipeline, args.shared, args.out)


if __name__ == "__main__":
    main()
