"""Money spans against NEREL's MONEY entities (train and dev mark them; its scorer does not score
them): exact and token F1 the way ../shared/eval/nerel/score.py counts the other types (gold =
the outermost MONEY spans; a prediction equal to a nested one is ignored; tokens are \\w+ runs
lying wholly inside a span). NEREL puts a preposition inside some spans («в 3 млрд») and marks
amounts without a number («миллиард долларов», «несколько миллионов»): its conventions, not ours,
so the token figure is the one to watch.

usage: python bench/nerel_money.py [--shared ../shared] [--gold FILE] [--errors]
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path
from typing import Any

from scoring import ROOT, extract_json, read_jsonl

from extractor.pipeline import Pipeline, Request

Span = tuple[int, int]
WORD = re.compile(r"\w+")


def outermost(spans: set[Span]) -> tuple[set[Span], set[Span]]:
    """The spans not inside a longer one, and the nested ones."""
    outer = {s for s in spans if not any(o != s and o[0] <= s[0] and s[1] <= o[1] for o in spans)}
    return outer, spans - outer


def tokens_in(text: str, spans: set[Span]) -> set[Span]:
    return {(m.start(), m.end()) for s in spans for m in WORD.finditer(text, s[0], s[1])}


def f1(tp: int, fp: int, fn: int) -> dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0}


def score(rows: list[dict[str, Any]], outputs: list[dict[str, Any]], errors: bool) -> dict[str, Any]:
    exact = [0, 0, 0]
    tok = [0, 0, 0]
    for row, out in zip(rows, outputs, strict=True):
        text = row["text"]
        gold, nested = outermost({(e["start"], e["end"]) for e in row["entities"] if e["type"] == "MONEY"})
        pred = {(m["start"], m["end"]) for m in out.get("money", [])} - nested
        exact[0] += len(gold & pred)
        exact[1] += len(pred - gold)
        exact[2] += len(gold - pred)
        g, p = tokens_in(text, gold), tokens_in(text, pred)
        tok[0] += len(g & p)
        tok[1] += len(p - g)
        tok[2] += len(g - p)
        if errors:
            for s in sorted(gold - pred):
                print(f"  [{row['id']}] missed: {text[s[0]:s[1]]!r}  …{text[max(0, s[0] - 50):s[0]]!r}")
            for s in sorted(pred - gold):
                print(f"  [{row['id']}] extra: {text[s[0]:s[1]]!r}  …{text[max(0, s[0] - 50):s[0]]!r}")
    return {"exact": f1(*exact), "token": f1(*tok), "gold": exact[0] + exact[2]}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--gold", type=Path, action="append", help="NEREL files (default: train and dev)")
    ap.add_argument("--errors", action="store_true", help="list every missed and extra span")
    args = ap.parse_args()
    pipeline = Pipeline()
    for gold in args.gold or [args.shared / "eval/nerel/train.jsonl", args.shared / "eval/nerel/dev.jsonl"]:
        rows = read_jsonl(gold)
        outputs = extract_json(pipeline, [Request(r["text"], r["id"]) for r in rows])
        result = score(rows, outputs, args.errors)
        print(f"NEREL {gold.stem} MONEY ({result['gold']} gold): exact {result['exact']}  token {result['token']}")


if __name__ == "__main__":
    main()
