"""Derive extractor/lexicon/data/speech_verbs.txt from NEREL train: the verbs that attribute direct
speech to its speaker, the first word after a closing quote and a dash («...», — сказал министр).

usage: python bench/derive_speech_verbs.py [--shared ../shared] [--min-seen 3] > extractor/lexicon/data/speech_verbs.txt

A word counts when pymorphy3's first reading of it is a verb; lemmas seen at least --min-seen times
are written. NEREL train only: dev stays for checking.
"""

from __future__ import annotations

import argparse
import collections
import json
import re
from pathlib import Path

from extractor.nlp.morph import parses

ROOT = Path(__file__).resolve().parent.parent
AFTER_QUOTE = re.compile(r"[»\"],?\s*[—–-]\s*([а-яё]+)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--min-seen", type=int, default=3)
    args = ap.parse_args()
    seen: collections.Counter[str] = collections.Counter()
    with (args.shared / "eval/nerel/train.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            for m in AFTER_QUOTE.finditer(json.loads(line)["text"]):
                found = parses(m.group(1))
                if found and found[0].tag.POS == "VERB":
                    seen[found[0].normal_form] += 1
    print("# Verbs that attribute what was said to its speaker («..., — сказал министр», «..., сообщила")
    print("# секретарь»): the clause they open is the speaker's, not the one of the words said.")
    print("# Made by bench/derive_speech_verbs.py: the lemma of the first word after «», —» in NEREL train")
    print(f"# texts, kept when pymorphy3 reads a verb seen at least {args.min_seen} times. One lemma a line.")
    for lemma, n in seen.most_common():
        if n >= args.min_seen:
            print(lemma)


if __name__ == "__main__":
    main()
