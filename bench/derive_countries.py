"""Derive extractor/lexicon/data/countries.txt: the names of countries, so that a national post
(«президент», «глава государства») takes the country named before it, not a city.

usage: python bench/derive_countries.py --shared ../shared > extractor/lexicon/data/countries.txt

Made from NEREL train: every span tagged COUNTRY that is one capitalized word of letters and
hyphens, put in the nominative by pymorphy3 when the dictionary knows it as a place name (Geox),
kept as written when it is an acronym (США, КНР); adjectives and names of several words are left
out (place_names.txt gives those). A name must be tagged so twice: once lets in the corpus' slips
(«Иерусалим», «ФРС»).
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from pathlib import Path

import pymorphy3

# how many times a name must be tagged COUNTRY to be kept
MIN_COUNT = 2
WORD = re.compile(r"[А-ЯЁ][а-яё]+(?:-[А-ЯЁ]?[а-яё]+)*")
ACRONYM = re.compile(r"[А-ЯЁ]{2,5}")


def nominative(morph: pymorphy3.MorphAnalyzer, word: str) -> str | None:
    """The nominative of a place name, or None when the dictionary knows no place of that form."""
    for parse in morph.parse(word):
        if "Geox" in parse.tag and "NOUN" in parse.tag:
            norm = parse.inflect({"nomn", "sing"}) or parse.inflect({"nomn"})
            return "-".join(part.capitalize() for part in norm.word.split("-")) if norm else None
    return None


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", type=Path, required=True)
    args = ap.parse_args()
    morph = pymorphy3.MorphAnalyzer()
    names: Counter[str] = Counter()
    for line in open(args.shared / "eval/nerel/train.jsonl", encoding="utf-8"):
        doc = json.loads(line)
        for e in doc["entities"]:
            if e["type"] != "COUNTRY":
                continue
            text = doc["text"][e["start"] : e["end"]]
            if ACRONYM.fullmatch(text):
                names[text] += 1
            elif WORD.fullmatch(text) and (name := nominative(morph, text)) is not None:
                names[name] += 1
    print(__doc__.strip().replace("\n", "\n# ").join(["# ", ""]))
    for name in sorted(n for n, count in names.items() if count >= MIN_COUNT):
        print(name)


if __name__ == "__main__":
    main()
