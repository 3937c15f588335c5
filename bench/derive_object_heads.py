"""List the head words NEREL train puts before a quoted name that is no organization: the lowercase
word right before «...» where the quoted name is (inside) an EVENT, WORK_OF_ART, AWARD, LAW,
FACILITY, PRODUCT or a place, at least --min-seen times, and never before an ORGANIZATION. The
output is a candidate list for extractor/lexicon/data/object_heads.txt and event_heads.txt: words
already there are left out, and a word that may head a company in a press release («отель»,
«галерея») is for the reader to drop. NEREL train only: dev stays for checking.

usage: python bench/derive_object_heads.py [--shared ../shared] [--min-seen 2]
"""

from __future__ import annotations

import argparse
import collections
import json
import re
from pathlib import Path

from extractor.lexicon import load_words
from extractor.nlp.morph import word_lemma

ROOT = Path(__file__).resolve().parent.parent
QUOTED = re.compile(r"([А-Яа-яЁё-]+)\s+[«\"]([^»\"]{1,60})[»\"]")
NOT_ORG_TYPES = frozenset({"FACILITY", "PRODUCT", "EVENT", "WORK_OF_ART", "AWARD", "LAW", "LOCATION", "DISTRICT",
                           "CITY"})


def _types_at(entities: list[dict], start: int, end: int) -> set[str]:
    """The types of the gold entities holding the quoted name, or mostly made of it."""
    holding = {e["type"] for e in entities if e["start"] <= start and end <= e["end"]}
    inside = {
        e["type"] for e in entities
        if start <= e["start"] and e["end"] <= end and e["end"] - e["start"] >= 0.6 * (end - start)
    }
    return holding | inside


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--min-seen", type=int, default=2)
    args = ap.parse_args()
    known = set(load_words("object_heads.txt")) | set(load_words("event_heads.txt"))
    orgs: collections.Counter[str] = collections.Counter()
    others: collections.Counter[str] = collections.Counter()
    for line in open(Path(args.shared) / "eval/nerel/train.jsonl", encoding="utf-8"):
        doc = json.loads(line)
        for m in QUOTED.finditer(doc["text"]):
            if not m.group(1)[:1].islower():
                continue
            types = _types_at(doc["entities"], m.start(2), m.end(2))
            lemma = word_lemma(m.group(1).lower())
            if "ORGANIZATION" in types:
                orgs[lemma] += 1
            elif types & NOT_ORG_TYPES:
                others[lemma] += 1
    for lemma, seen in others.most_common():
        if seen >= args.min_seen and not orgs[lemma] and lemma not in known:
            print(f"{lemma}\t{seen}")


if __name__ == "__main__":
    main()
