"""Derive extractor/lexicon/data/occupations.txt from NEREL train: the occupation nouns its
PROFESSION spans are headed by that the post lexicon lacks.

usage: python bench/derive_occupations.py [--shared ../shared] [--min-seen 1] [--min-rate 0.2] \
    > extractor/lexicon/data/occupations.txt

The head of a span is its first noun; it counts when the dictionary reads it as an animate noun
(«политик», «астронавт»; not «защита», «руководство»). Heads seen in at least --min-seen spans
that are not already a post, a post abbreviation or a modifier are written, minus NOT_OCCUPATIONS
(words NEREL marks as professions that name no occupation, or that the post rules read otherwise),
and minus the heads of too few of the times the word is written (--min-rate): «автор» heads 3
spans but is written 45 times, mostly of a book or a bill, no occupation.
NEREL train only: dev stays for checking.
"""

from __future__ import annotations

import argparse
import collections
import json
import re
from pathlib import Path

from extractor.lexicon import load_rows
from extractor.nlp.morph import parses, phrase_lemmas, plain_lemma

ROOT = Path(__file__).resolve().parent.parent
WORD = re.compile(r"[А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)*")
# read by the acting-post rule, a word of a degree or a candidacy, family and honorifics, roles
# that are no occupation, tagging noise
NOT_OCCUPATIONS = frozenset(
    "исполняющий кандидат и городской звезда сэр леди болельщик пассажир беженец фанат "
    # seen twice: tagging noise, a state of life, what someone is to another (as partners and
    # founders are kept out of posts.txt);
    # «стрелок», «керамист» are keyed by the lemmas «стрелка» (an arrow) and «керамистый»: other words
    "по пенсионер партнер прислуга воин босс стрелок керамист "
    # seen once (--min-seen 1): misspellings and words the dictionary misreads; adjectives and
    # oblique forms taken for a noun; ranks of birth and church titles, crimes and conditions of life,
    # sport disciplines in a word, which NEREL marks but a release's reader would not call a post;
    # suppliers, contractors and dealers, which in releases are companies far more often than people
    "актерема маронитский сиро-маланкарский винницкий олист спорстмен програмист провозащиткник омудсмен "
    "автору-исполнитель мультипликаторов-режиссер поп-певцов судейский донна классик пионер пророк апостол "
    "граф графиня императрица кронпринцесса престолонаследник первосвятитель бандит киллер кибермошенник "
    "проститутка военнопленный наемник гастарбайтер призывник паломник пикетчик комбатант муджахид гангстер "
    "пустынник мушкетер президент-социалист бегунья одиночница толкательница супертяжеловес мыслитель "
    "землевладелец мультимиллионер евангелист поставщик подрядчик дилер".split()
)


def animate_head(text: str) -> str | None:
    """The lemma of the first noun of a span, when the dictionary reads it as animate."""
    for word in WORD.findall(text):
        nouns = [p for p in parses(word.lower()) if p.tag.POS == "NOUN"]
        if nouns:
            animate = [p for p in nouns if "anim" in p.tag]
            return plain_lemma(animate[0].normal_form) if animate else None
    return None


def times_written(texts: list[str], lemmas: set[str]) -> collections.Counter[str]:
    """How many times each lemma is written in the texts, as any noun reading of a word."""
    counts: collections.Counter[str] = collections.Counter()
    readings: dict[str, set[str]] = {}
    for text in texts:
        for word in WORD.findall(text):
            low = word.lower()
            if low not in readings:
                readings[low] = {plain_lemma(p.normal_form) for p in parses(low) if p.tag.POS == "NOUN"} & lemmas
            counts.update(readings[low])
    return counts


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--min-seen", type=int, default=1)
    ap.add_argument("--min-rate", type=float, default=0.2)
    args = ap.parse_args()
    seen: collections.Counter[str] = collections.Counter()
    texts = []
    with (args.shared / "eval/nerel/train.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            doc = json.loads(line)
            texts.append(doc["text"])
            for e in doc["entities"]:
                if e["type"] == "PROFESSION" and (head := animate_head(e["text"])):
                    seen[head] += 1
    written = times_written(texts, {lemma for lemma, n in seen.items() if n >= args.min_seen})
    # posts.txt and post_modifiers.txt, not the lexicon built with this file's last output
    known = {phrase_lemmas(row[0]) for row in load_rows("posts.txt")}
    known |= {phrase_lemmas(row[0].rstrip(".")) for row in load_rows("post_modifiers.txt")}
    print("# Occupations NEREL train names that posts.txt lacks: the animate head nouns of its PROFESSION")
    print(f"# spans seen at least {args.min_seen} time(s), made by bench/derive_occupations.py (which lists")
    print("# the few words left out). They head posts like the entries of posts.txt, and count as trades")
    print("# (professions.txt) for factRuEval. Lemma, then the number of spans it heads.")
    for lemma, n in seen.most_common():
        if n < args.min_seen:
            break
        if (lemma,) not in known and lemma not in NOT_OCCUPATIONS and n >= args.min_rate * written[lemma]:
            print(f"{lemma} | {n}")


if __name__ == "__main__":
    main()
