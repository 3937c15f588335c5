"""What natasha's slovnet syntax model (`NewsSyntaxParser`, shipped with natasha, not used by the
extractor) would cost: parses the sentences of a corpus with it, after the extractor has run on the
same corpus in the same process, and prints both times and their ratio (issue 13: «measure its
cost»). The facts read subjects, objects and coordination from the clause rules of `facts/`.

usage: python bench/syntax_cost.py [--shared ../shared]

The corpus: factRuEval dev, press-dev and NEREL dev (260 documents), in batches of 8 as the
pipeline reads them. CPU time (time.process_time), models loaded before timing.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from scoring import ROOT

from extractor.nlp.tagging import _natasha_data, get_tagger
from extractor.pipeline import Pipeline, Request

SYNTAX_MODEL = ("model", "slovnet_syntax_news_v1.tar")
EMBEDDING = ("emb", "navec_news_v1_1B_250K_300d_100q.tar")
BATCH = 8


def corpus(shared: Path) -> list[str]:
    texts = [json.loads(line)["text"] for line in (shared / "eval/factru/dev.jsonl").open(encoding="utf-8")]
    texts += [p.read_text(encoding="utf-8") for p in sorted((shared / "eval/press-dev/docs").glob("*.txt"))]
    texts += [json.loads(line)["text"] for line in (shared / "eval/nerel/dev.jsonl").open(encoding="utf-8")]
    return texts


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = ap.parse_args()
    from navec import Navec
    from slovnet import Syntax

    texts = corpus(args.shared)
    pipeline = Pipeline()
    pipeline.extract("Губернатор Тульской области Дмитрий Миляев посетил ОАО «Кидма тек».")
    syntax = Syntax.load(_natasha_data(*SYNTAX_MODEL)).navec(Navec.load(_natasha_data(*EMBEDDING)))

    t = time.process_time()
    for i in range(0, len(texts), BATCH):
        pipeline.extract_many([Request(x) for x in texts[i : i + BATCH]])
    ours = time.process_time() - t

    sentences = [
        [tok.text for tok in tagged.tokens[s.first : s.last]]
        for tagged in get_tagger().tag_many(texts)
        for s in tagged.sents
    ]
    t = time.process_time()
    for _ in syntax.map(sentences):
        pass
    parsing = time.process_time() - t
    print(f"{len(texts)} documents, {len(sentences)} sentences")
    print(f"extractor, whole pipeline: {ours:6.2f} s CPU")
    print(f"slovnet syntax alone:      {parsing:6.2f} s CPU  ({100 * parsing / ours:.0f}% of the pipeline's time)")


if __name__ == "__main__":
    main()
