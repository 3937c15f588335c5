"""Derive extractor/lexicon/data/rank_non_posts.txt from NEREL train: the animate nouns that follow a
rank adjective («главный», «ведущий», «старший», «младший») and are never part of a PROFESSION span.

usage: python bench/derive_rank_non_posts.py [--shared ../shared] > extractor/lexicon/data/rank_non_posts.txt

A rank adjective before an animate common noun the post lexicon does not know makes a post of it
(«главный ихтиолог», «ведущий синоптик»); the nouns written here are the exceptions NEREL train shows
(«старший брат», «главный соперник»). NEREL train only: dev stays for checking.
"""

from __future__ import annotations

import argparse
import collections
import json
import re
from pathlib import Path

from extractor.lexicon.posts import RANK_OPENERS, is_person_noun
from extractor.nlp.morph import parses, plain_lemma

ROOT = Path(__file__).resolve().parent.parent
RANKED = re.compile(r"\b([А-Яа-яЁё]+)(?=\s+([А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)*))")


def ranked_nouns(text: str) -> list[tuple[int, str]]:
    """(offset, lemma) of each animate common noun after a rank adjective."""
    found = []
    for m in RANKED.finditer(text):
        if not {plain_lemma(p.normal_form) for p in parses(m.group(1).lower())} & RANK_OPENERS:
            continue
        word = m.group(2).lower()
        lemma = plain_lemma(parses(word)[0].normal_form)
        if is_person_noun(word):
            found.append((m.start(2), lemma))
    return found


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = ap.parse_args()
    marked: collections.Counter[str] = collections.Counter()
    unmarked: collections.Counter[str] = collections.Counter()
    with (args.shared / "eval/nerel/train.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            doc = json.loads(line)
            spans = [(e["start"], e["end"]) for e in doc["entities"] if e["type"] == "PROFESSION"]
            for at, lemma in ranked_nouns(doc["text"]):
                inside = any(a <= at < b for a, b in spans)
                (marked if inside else unmarked)[lemma] += 1
    print("# Animate nouns after a rank adjective («главный», «ведущий», «старший», «младший») that name no")
    print("# post: those NEREL train writes so and never marks as a PROFESSION, made by")
    print("# bench/derive_rank_non_posts.py. Lemma, then the times seen.")
    for lemma, n in unmarked.most_common():
        if lemma not in marked:
            print(f"{lemma} | {n}")


if __name__ == "__main__":
    main()
