"""factRuEval-2016 dev through our output: for each document of ../shared/eval/factru/dev.jsonl,
write factRuEval predictions (PER/ORG/LOC mention spans, and occupations who/position/where from
persons' posts) and score them with ../shared/eval/factru/score.py.

usage: python bench/factru_occupations.py [--shared ../shared] [--out bench/out]

Mapping to factRuEval's conventions: PER spans are the persons' name mentions (post-only
references such as «губернатор отметил» are left out: factRuEval marks them as no PER); ORG
spans are our organization mentions, cut to the quoted name where there is one (factRuEval
leaves legal forms, descriptors and quotes out: «партии «Яблоко»» is ORG «Яблоко»); LOC spans
are our location mentions; an occupation is (person name, post role, post org).
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
from extractor.posts import role_key_of, starts_post
from extractor.tagging import get_tagger

ROOT = Path(__file__).resolve().parent.parent


def _is_name_mention(text: str) -> bool:
    """Person mentions that are names, not post-only references («губернатор отметил»): those
    start with a word of the post lexicon."""
    words = role_key_of(text).split()
    return not words or not starts_post(words[0])


def run_scorer(script: Path, *args: object, note: str = "") -> None:
    """Run a shared scorer, showing the command it ran."""
    cmd = [sys.executable, str(script), *map(str, args)]
    print("$ " + " ".join(cmd) + (f"   # {note}" if note else ""), flush=True)
    subprocess.run(cmd, check=True)


def factru_org_span(text: str, start: int, end: int) -> tuple[int, int]:
    """factRuEval marks only the name inside the quotes as ORG («партии «Яблоко»» -> «Яблоко»,
    «ОАО «Газпром»» -> «Газпром»); our mentions keep the legal form or descriptor with it."""
    i = text.find("«")
    j = text.rfind("»")
    if 0 <= i < j:
        return start + i + 1, start + j
    return start, end


def factru_record(doc: Document, doc_id: str) -> dict:
    """Our output as factRuEval predictions: entity spans and occupation facts."""
    entities = []
    occupations = []
    for person in doc.persons:
        for m in person.mentions:
            if _is_name_mention(m.text):
                entities.append({"type": "PER", "start": m.start, "end": m.end})
        for post in person.posts:
            occupations.append({"who": person.name, "position": post.role, "where": post.org})
    for org in doc.organizations:
        for m in org.mentions:
            start, end = factru_org_span(m.text, m.start, m.end)
            entities.append({"type": "ORG", "start": start, "end": end})
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
    run_scorer(shared / "eval/factru/score.py", gold, preds)


def natasha_baseline(shared: Path, out: Path) -> None:
    """The reference: natasha's own NER spans, scored the same way (no occupations: natasha
    has no posts)."""
    gold = shared / "eval/factru/dev.jsonl"
    rows = [json.loads(line) for line in gold.open(encoding="utf-8") if line.strip()]
    tagged = get_tagger().tag_many([r["text"] for r in rows])
    preds = out / "factru_dev_natasha.jsonl"
    with preds.open("w", encoding="utf-8") as fh:
        for row, tg in zip(rows, tagged, strict=True):
            ents = [{"type": s.type, "start": s.start, "end": s.end} for s in tg.spans]
            fh.write(json.dumps({"id": row["id"], "entities": ents, "occupations": []}, ensure_ascii=False) + "\n")
    run_scorer(shared / "eval/factru/score.py", gold, preds, note="natasha NER alone, for reference")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--out", type=Path, default=ROOT / "bench/out")
    ap.add_argument("--natasha", action="store_true", help="also score natasha's own NER spans, for reference")
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    factru(Pipeline(), args.shared, args.out)
    if args.natasha:
        natasha_baseline(args.shared, args.out)


if __name__ == "__main__":
    main()
