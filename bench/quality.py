"""Quality on the shared dev sets: runs the extractor over ../shared/eval/press-dev and
../shared/eval/factru/dev.jsonl and prints the shared scorers' figures.

usage: python bench/quality.py [--shared ../shared] [--out bench/out] [--verbose]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from factru_occupations import factru, run_scorer

from extractor.pipeline import Pipeline, Request

ROOT = Path(__file__).resolve().parent.parent


def press_dev(pipeline: Pipeline, shared: Path, out: Path, verbose: bool) -> None:
    docs = sorted((shared / "eval/press-dev/docs").glob("*.txt"))
    reqs = [Request(p.read_text(encoding="utf-8"), str(p)) for p in docs]
    preds = out / "press_dev.jsonl"
    with preds.open("w", encoding="utf-8") as fh:
        for doc in pipeline.extract_many(reqs):
            fh.write(json.dumps(doc.to_json(), ensure_ascii=False) + "\n")
    run_scorer(shared / "eval/press-dev/score.py", shared / "eval/press-dev/gold.jsonl", preds,
               *(["--verbose"] if verbose else []))


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
