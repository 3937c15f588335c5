"""Where the time of one document goes: tagging (slovnet) against each rule stage, as shares
of the whole, measured in one process over the same documents.

Issue 4 keeps dates + percentages under a quarter of the per-document time.

usage: python bench/stage_times.py [--shared ../shared] [--repeat 2]
"""

from __future__ import annotations

import argparse
import json
import time
from collections import defaultdict
from pathlib import Path

from extractor.facts import find_facts
from extractor.link.organizations import merge_locations, merge_orgs
from extractor.link.persons import attach_posts, link_bare_posts, merge_mentions
from extractor.link.posts import link_post_orgs
from extractor.model import Document
from extractor.nlp.tagging import get_tagger
from extractor.pipeline import Pipeline, Request
from extractor.rules import dates, money, percentages
from extractor.rules.locations import find_loc_mentions
from extractor.rules.organizations import find_org_mentions
from extractor.rules.persons import find_name_mentions
from extractor.rules.posts import find_bare_posts, find_posts

ROOT = Path(__file__).resolve().parent.parent


def corpus(shared: Path) -> list[str]:
    texts = [json.loads(line)["text"] for line in (shared / "eval/factru/dev.jsonl").open(encoding="utf-8")]
    texts += [p.read_text(encoding="utf-8") for p in sorted((ROOT / "samples").glob("*.txt"))]
    texts += [p.read_text(encoding="utf-8") for p in sorted((shared / "eval/press-dev/docs").glob("*.txt"))]
    return texts


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--repeat", type=int, default=2)
    args = ap.parse_args()
    texts = corpus(args.shared) * args.repeat
    Pipeline().extract_many([Request(t) for t in texts[:10]])  # load models, warm caches

    spent: dict[str, float] = defaultdict(float)

    def timed(stage: str, fn, *a):
        t = time.perf_counter()
        out = fn(*a)
        spent[stage] += time.perf_counter() - t
        return out

    t0 = time.perf_counter()
    tagged = timed("tagging (segment, morphology, NER)", get_tagger().tag_many, texts)
    for tg in tagged:
        text = tg.text
        doc_date = timed("dates", dates.find_doc_date, tg)
        found = timed("dates", dates.find_dates, tg, doc_date)
        timed("percentages", percentages.find_percentages, tg, found)
        timed("money", money.find_money, tg, found)
        names = timed("persons", find_name_mentions, tg)
        persons, owner = timed("persons", merge_mentions, text, names)
        timed("posts", attach_posts, persons, owner, timed("posts", find_posts, tg, names), names)
        timed("posts", link_bare_posts, tg, persons, timed("posts", find_bare_posts, tg))
        orgs = timed("organizations", merge_orgs, text, timed("organizations", find_org_mentions, tg))
        locs = timed("locations", merge_locations, text, timed("locations", find_loc_mentions, tg))
        timed("posts", link_post_orgs, persons, orgs, locs, tg)
        doc = Document("-", None, None, "none", persons=persons, organizations=orgs, locations=locs, dates=found)
        timed("facts", find_facts, tg, doc)
    total = time.perf_counter() - t0

    print(f"{len(texts)} documents, {sum(map(len, texts))} characters, {total:.2f} s, {len(texts) / total:.1f} docs/s")
    for stage, sec in sorted(spent.items(), key=lambda x: -x[1]):
        print(f"  {stage:38s} {sec:6.2f} s  {100 * sec / total:5.1f}%  {1000 * sec / len(texts):6.2f} ms/doc")
    numbers = spent["dates"] + spent["percentages"] + spent["money"]
    print(f"dates + percentages + money: {100 * numbers / total:.1f}% of the per-document time (target < 25%); "
          f"ratio to tagging {numbers / spent['tagging (segment, morphology, NER)']:.3f}")


if __name__ == "__main__":
    main()
