"""Quality on the shared dev sets in one command (`make quality`): runs the extractor over
../shared/eval/press-dev (docs/*.txt), factRuEval dev and NEREL dev, scores each with the shared
scorers, and prints one table: a row per figure, with the committed baseline beside it.

usage: python bench/quality.py [--full] [--only press|factru|nerel] [--save] [--errors DIR]
                               [--verbose] [--shared ../shared] [--out bench/out]

  --full        adds NEREL train (746 documents) to the table
  --save        writes the figures of this run into bench/quality_baseline.json (the groups run;
                the others are kept): do it on purpose, when a change of the figures is accepted
  --errors DIR  writes each scorer's report, with its error listing (--verbose) where it has one,
                to DIR/<set>.txt: press_dev.txt, press_dev_facts.txt, factru_dev.txt, nerel_dev.txt,
                nerel_train.txt (factRuEval's scorer lists no errors: its file is the summary)
  --verbose     also prints each scorer's own report before the table

The scorers run as subprocesses; their last printed line (a JSON object) gives the figures.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from factru_occupations import factru
from nerel_adapter import nerel
from scoring import ROOT, ScorerRun, extract_json, positions_only, run_scorer, write_jsonl

from extractor.pipeline import Pipeline, Request

BASELINE = ROOT / "bench/quality_baseline.json"
Figures = dict[str, float | None]


@dataclass(frozen=True)
class Scored:
    """One scorer run and the figures the table shows from it."""

    group: str  # the table's group: the data set (and, for press-dev, entities or facts)
    stem: str  # the file name under --errors
    run: ScorerRun
    figures: Figures


def dig(data: dict[str, Any], path: str) -> float | None:
    """The number at a path of a scorer's JSON ("entities/token/ORG/f1": the keys hold dots), None
    when the scorer does not give it (money without money gold): the row shows «-»."""
    for key in path.split("/"):
        if not isinstance(data, dict) or key not in data:
            return None
        data = data[key]
    return data if isinstance(data, int | float) else None


def pick(figures: dict[str, Any], rows: Iterable[tuple[str, str]]) -> Figures:
    return {label: dig(figures, path) for label, path in rows}


# ---------------------------------------------------------------- figures of each scorer

PRESS_ROWS = [
    ("persons F1", "persons/f1"),
    ("posts F1", "posts/f1"),
    ("posts_strict F1", "posts_strict/f1"),
    ("organizations P", "organizations/p"),
    ("organizations R", "organizations/r"),
    ("organizations F1", "organizations/f1"),
    ("companies F1", "companies/f1"),
    ("percentages F1", "percentages/f1"),
    ("dates F1", "dates/f1"),
    ("money F1", "money/f1"),
    ("person name exact", "person_name_exact"),
    ("legal form acc", "legal_form_acc"),
    ("org kind acc", "org_kind_acc"),
]

FACTRU_ROWS = [
    ("PER token F1", "entities/token/PER/f1"),
    ("ORG token F1", "entities/token/ORG/f1"),
    ("ORG token P", "entities/token/ORG/p"),
    ("ORG token R", "entities/token/ORG/r"),
    ("LOC token F1", "entities/token/LOC/f1"),
    ("ORG exact F1", "entities/exact/ORG/f1"),
    *((f"occupations {level} F1", f"occupations/{level}/f1") for level in ("who", "who+position", "who+where", "full")),
]

NEREL_TYPES = ("PERSON", "ORGANIZATION", "PROFESSION", "PERCENT", "DATE", "DATE_calendar")
NEREL_ROWS = [
    *((f"{t} {level} F1", f"entities/{level}/{t}/f1") for t in NEREL_TYPES for level in ("exact", "token")),
    *((f"{rel} {m.upper()}", f"relations/{rel}/{m}") for rel in ("WORKS_AS", "WORKPLACE") for m in ("f1", "p", "r")),
    ("WORKPLACE_composed F1", "relations/WORKPLACE_composed/f1"),
]


def facts_figures(figures: dict[str, Any]) -> Figures:
    """Every figure score_facts.py gives, as it gives them: F1 of the P/R/F1 ones, the accuracies."""
    out: Figures = {}
    for key, value in figures.items():
        if isinstance(value, dict) and "f1" in value:
            out[f"{key} F1"] = value["f1"]
        elif isinstance(value, dict) and "acc" in value:
            out[key] = value["acc"]
    return out


# ---------------------------------------------------------------- the data sets


def score_press_dev(pipeline: Pipeline, shared: Path, out: Path, listing: bool) -> list[Scored]:
    """press-dev: the output JSON is the prediction of both scorers (entities and facts:
    score_facts.py reads the output's meetings / agreements / appointments itself), its posts
    without ranks, as the gold lists them (`positions_only`)."""
    base = shared / "eval/press-dev"
    docs = sorted((base / "docs").glob("*.txt"))
    outputs = extract_json(pipeline, [Request(p.read_text(encoding="utf-8"), str(p)) for p in docs])
    preds = write_jsonl(out / "press_dev.jsonl", [positions_only(o) for o in outputs])
    verbose = ["--verbose"] if listing else []
    entities = run_scorer(base / "score.py", base / "gold.jsonl", preds, *verbose)
    facts = run_scorer(base / "score_facts.py", base / "facts.jsonl", preds, *verbose)
    return [
        Scored("press-dev", "press_dev", entities, pick(entities.figures, PRESS_ROWS)),
        Scored("press-dev facts", "press_dev_facts", facts, facts_figures(facts.figures)),
    ]


def score_factru(pipeline: Pipeline, shared: Path, out: Path, listing: bool) -> list[Scored]:
    run = factru(pipeline, shared, out)  # its scorer has no error listing
    return [Scored("factru dev", "factru_dev", run, pick(run.figures, FACTRU_ROWS))]


# a data set's run: (pipeline, shared, out, with error listings) -> its scored groups
ScoreSet = Callable[[Pipeline, Path, Path, bool], list[Scored]]


def nerel_scorer(split: str) -> ScoreSet:
    def score(pipeline: Pipeline, shared: Path, out: Path, listing: bool) -> list[Scored]:
        run = nerel(pipeline, shared, out, shared / f"eval/nerel/{split}.jsonl", verbose=listing)
        return [Scored(f"nerel {split}", f"nerel_{split}", run, pick(run.figures, NEREL_ROWS))]

    return score


def scorers(only: str | None, full: bool) -> list[ScoreSet]:
    chosen = {
        "press": [score_press_dev],
        "factru": [score_factru],
        "nerel": [nerel_scorer("dev"), *([nerel_scorer("train")] if full else [])],
    }
    return [fn for name, fns in chosen.items() if only in (None, name) for fn in fns]


# ---------------------------------------------------------------- the table


def change(now: float | None, before: float | None) -> str:
    if now is None or before is None:
        return ""
    diff = now - before
    if abs(diff) < 1e-9:
        return "="
    shown = f"{diff:+.4f}"
    # a change smaller than the shown precision is still a change: show it, not «+0.0000»
    return shown if float(shown) != 0 else f"{diff:+.6f}"


def cell(value: float | None) -> str:
    return "-" if value is None else f"{value:.4f}"


# the figures the issues set targets on: the table shows these unless --all (the stop hook reads
# the last 40 lines); the baseline and the summary count every figure
KEY_FIGURES = {
    "press-dev": {"persons F1", "person name exact", "posts F1", "posts_strict F1", "organizations P",
                  "organizations F1", "companies F1", "legal form acc", "org kind acc", "percentages F1",
                  "dates F1", "money F1"},
    "press-dev facts": {"meetings.pairs F1", "meetings.date_acc", "agreements.pairs F1", "agreements.kind_acc",
                        "agreements.date_acc", "appointments F1", "appointments.strict F1"},
    "factru dev": {"PER token F1", "ORG token F1", "ORG token P", "LOC token F1", "occupations who+position F1",
                   "occupations who+where F1"},
    "nerel": {"PERSON exact F1", "ORGANIZATION token F1", "PROFESSION token F1", "PERCENT token F1",
              "DATE_calendar token F1", "WORKS_AS F1", "WORKS_AS P", "WORKPLACE F1"},
}  # fmt: skip


def is_key(group: str, label: str) -> bool:
    return label in KEY_FIGURES.get("nerel" if group.startswith("nerel") else group, set())


def table(results: list[Scored], baseline: dict[str, Figures], every: bool = False) -> list[str]:
    rows = [("group", "figure", "now", "baseline", "change")]
    for scored in results:
        before = baseline.get(scored.group, {})
        for label, now in scored.figures.items():
            if not every and not is_key(scored.group, label):
                continue
            rows.append((scored.group, label, cell(now), cell(before.get(label)), change(now, before.get(label))))
    widths = [max(len(r[i]) for r in rows) for i in range(5)]
    return [
        f"{g:<{widths[0]}}  {f:<{widths[1]}}  {n:>{widths[2]}}  {b:>{widths[3]}}  {c:>{widths[4]}}".rstrip()
        for g, f, n, b, c in rows
    ]


def summary(results: list[Scored], baseline: dict[str, Figures]) -> str:
    """One line to read at a glance: how many figures moved, each way (all are higher-is-better)."""
    diffs = [
        now - before
        for s in results
        for label, now in s.figures.items()
        if now is not None and (before := baseline.get(s.group, {}).get(label)) is not None
    ]
    up = sum(d > 1e-9 for d in diffs)
    down = sum(d < -1e-9 for d in diffs)
    return f"{sum(len(s.figures) for s in results)} figures: {up} up, {down} down against {BASELINE.name}"


# ---------------------------------------------------------------- baseline and error files


def load_baseline() -> dict[str, Figures]:
    return json.loads(BASELINE.read_text(encoding="utf-8")) if BASELINE.exists() else {}


def save_baseline(results: list[Scored], baseline: dict[str, Figures]) -> None:
    """The groups of this run replace theirs; groups not run (--only, no --full) are kept."""
    merged = {**baseline, **{s.group: s.figures for s in results}}
    BASELINE.write_text(json.dumps(merged, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def write_errors(results: list[Scored], folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for s in results:
        (folder / f"{s.stem}.txt").write_text(f"$ {s.run.command}\n{s.run.output}", encoding="utf-8")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--out", type=Path, default=ROOT / "bench/out", help="where the predictions are written")
    ap.add_argument("--only", choices=["press", "factru", "nerel"], default=None)
    ap.add_argument("--full", action="store_true", help="add NEREL train (746 documents)")
    ap.add_argument("--save", action="store_true", help=f"store this run's figures in {BASELINE.name}")
    ap.add_argument("--errors", type=Path, metavar="DIR", help="write each scorer's error listing to DIR")
    ap.add_argument("--verbose", action="store_true", help="print the scorers' own reports too")
    ap.add_argument("--all", action="store_true", help="every figure in the table, not only those with targets")
    args = ap.parse_args()
    if not (args.shared / "eval").is_dir():
        sys.exit(f"no shared evaluation data at {args.shared}: pass --shared PATH")

    started = time.monotonic()
    pipeline = Pipeline()
    listing = args.errors is not None
    results = [s for fn in scorers(args.only, args.full) for s in fn(pipeline, args.shared, args.out, listing)]
    elapsed = time.monotonic() - started

    if args.verbose:
        for s in results:
            print(f"$ {s.run.command}\n{s.run.output}")
    baseline = load_baseline()
    print("\n".join(table(results, baseline, args.all)))
    print(f"{summary(results, baseline)}; {elapsed:.1f} s")
    if args.errors:
        write_errors(results, args.errors)
        print(f"scorer reports with error listings: {args.errors}/")
    if args.save:
        save_baseline(results, baseline)
        print(f"baseline saved: {BASELINE.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
