"""Entities on releases the rules were not written from: extracts bench/entities_heldout/part_*/docs
and scores them with ../shared/eval/press-dev/score.py (persons, posts, organizations, companies,
legal form, kind, percentages, dates, money) against each part's gold.jsonl and money.jsonl,
apart from `make quality`.

usage: python bench/entities_heldout.py [--shared ../shared] [--out bench/out] [--verbose]

--verbose prints the scorer's misses and extras on the parts whose errors may be read, never on
part_a, the final check (--verbose-final adds it, once the rules are settled), nor on the parts
bench/entities_heldout/CHECK_PARTS lists: the current session's checks.

The releases and their gold were written blind (nobody ran the extractor on them before the gold
was done): read the figures as an estimate of how the rules do on releases they were not tuned
on, and fix kinds of error, not documents. Prints one column per part and one for all.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from scoring import ROOT, extract_json, positions_only, read_jsonl, run_scorer, write_jsonl

from extractor.pipeline import Pipeline, Request

HELDOUT = ROOT / "bench/entities_heldout"
# the part kept for a final check: its figures are read, its errors are not
FINAL_PART = "part_a"
# the parts kept as the current session's checks, one name per line: --verbose leaves them out too
CHECK_LIST = HELDOUT / "CHECK_PARTS"
ROWS = (
    ("persons F1", "persons", "f1"),
    ("person name exact", "person_name_exact", None),
    ("posts F1", "posts", "f1"),
    ("posts_strict F1", "posts_strict", "f1"),
    ("organizations P", "organizations", "p"),
    ("organizations F1", "organizations", "f1"),
    ("companies F1", "companies", "f1"),
    ("legal form acc", "legal_form_acc", None),
    ("org kind acc", "org_kind_acc", None),
    ("percentages F1", "percentages", "f1"),
    ("dates F1", "dates", "f1"),
    ("money F1", "money", "f1"),
)


def _figure(figures: dict, key: str, field: str | None) -> float:
    value = figures.get(key, 0.0)
    return float(value.get(field, 0.0) if field and isinstance(value, dict) else value or 0.0)


def _check_parts() -> list[str]:
    if not CHECK_LIST.is_file():
        return []
    lines = (line.strip() for line in CHECK_LIST.read_text(encoding="utf-8").splitlines())
    return [line for line in lines if line and not line.startswith("#")]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--out", type=Path, default=ROOT / "bench/out")
    ap.add_argument("--verbose", action="store_true", help="the scorer's misses and extras, but on part_a")
    ap.add_argument("--verbose-final", action="store_true", help="the same on every part")
    ap.add_argument("--parts", help="only these parts, comma-separated (part_b,part_c): leave out one being written")
    args = ap.parse_args()
    scorer = args.shared / "eval/press-dev/score.py"
    if not scorer.is_file():
        sys.exit(f"no score.py at {scorer}: pass --shared PATH")
    parts = sorted(p for p in HELDOUT.glob("part_*") if (p / "gold.jsonl").is_file())
    if args.parts:
        parts = [p for p in parts if p.name in args.parts.split(",")]
    if not parts:
        sys.exit(f"no part with a gold.jsonl in {HELDOUT}")

    docs = [d for part in parts for d in sorted((part / "docs").glob("*.txt"))]
    outputs = extract_json(Pipeline(), [Request(p.read_text(encoding="utf-8"), str(p)) for p in docs])
    out = args.out
    preds = write_jsonl(
        out / "entities_heldout.jsonl",
        ({"id": p.stem, **positions_only(o)} for p, o in zip(docs, outputs, strict=True)),
    )
    gold = write_jsonl(
        out / "entities_heldout_gold.jsonl", (g for part in parts for g in read_jsonl(part / "gold.jsonl"))
    )
    money = write_jsonl(
        out / "entities_heldout_money.jsonl",
        (m for part in parts if (part / "money.jsonl").is_file() for m in read_jsonl(part / "money.jsonl")),
    )
    columns = {"all": [d.stem for d in docs]}
    columns |= {p.name: [d.stem for d in sorted((p / "docs").glob("*.txt"))] for p in parts}
    runs = {
        name: run_scorer(scorer, gold, preds, "--money", str(money), "--ids=" + ",".join(ids))
        for name, ids in columns.items()
    }
    if args.verbose or args.verbose_final:
        kept = {FINAL_PART, *_check_parts()}
        listed = [d.stem for d in docs if args.verbose_final or d.parent.parent.name not in kept]
        print(run_scorer(scorer, gold, preds, "--money", str(money), "--verbose", "--ids=" + ",".join(listed)).output)
    width = max(9, *(len(name) + 1 for name in runs))  # «part_zzza» and longer stay apart
    print(f"{'figure':22}" + "".join(f"{name:>{width}}" for name in runs))
    for label, key, field in ROWS:
        print(f"{label:22}" + "".join(f"{_figure(run.figures, key, field):{width}.3f}" for run in runs.values()))


if __name__ == "__main__":
    main()
