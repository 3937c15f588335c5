"""factRuEval-2016 through our output: for each document of ../shared/eval/factru/dev.jsonl (or
any file of the same shape, --gold), write factRuEval predictions (PER/ORG/LOC mention spans, and
occupations who/position/where from persons' posts) and score them with the shared score.py.

usage: python bench/factru_occupations.py [--shared ../shared] [--gold FILE] [--out bench/out] [--natasha]

Mapping to factRuEval's annotation conventions (they hold for the whole corpus, not for single
documents):
- PER spans are the persons' name mentions; post-only references («губернатор отметил») are
  left out, as factRuEval marks them as no PER.
- ORG spans are our organization mentions, written as factRuEval marks names:
  - cut to the quoted name where there is one: «партии «Яблоко»» is ORG «Яблоко»;
  - a bracketed short or foreign name is a span of its own: «Союз координационных советов
    (СКС)» gives two;
  - a country or region closing the name is a LOC, not part of the ORG («Министерство
    внутренних дел Пакистана»), except after «по» («ГУ МЧС России по Санкт-Петербургу»);
  - a government, parliament, mayoralty or administration named by its place («правительство
    Китая», «мэрия Москвы») is no ORG;
  - a lowercase adjective of a place before the name is part of it («японского МИДа»).
- LOC spans are our location mentions.
- An occupation is (person name, post role, post org); a trade (professions.txt) counts only with an
  organization: «журналист газеты», not «журналист Виктор Шендерович» nor «тбилисский врач».
"""

from __future__ import annotations

import argparse
import json
import re
import time
from pathlib import Path

from scoring import ROOT, ScorerRun, batches, read_jsonl, run_scorer, write_jsonl

from extractor.model import Document
from extractor.nlp.morph import parses, phrase_lemmas
from extractor.nlp.tagging import get_tagger
from extractor.pipeline import Pipeline, Request


def show(run: ScorerRun, note: str = "") -> None:
    """A scorer's command and report, as a run from the shell would show them."""
    print("$ " + run.command + (f"   # {note}" if note else ""))
    print(run.output, end="", flush=True)


# factRuEval never marks a government or parliament named by its country as ORG («правительство
# Китая», «парламент Грузии», «мэрия Москвы»): the country in it is a LOC, the noun is not an entity
FACTRU_NOT_ORG_HEADS = frozenset({"правительство", "парламент", "мэрия", "кабинет", "администрация"})
QUOTES = "«»„“”\""
BY_REGION = re.compile(r"\sпо\s+(?:г\.\s*)?$")
PARENS = re.compile(r"\s*\(([^()]+)\)")


def _unquoted(text: str, start: int, end: int) -> tuple[int, int]:
    """factRuEval marks only the name inside the quotes as ORG («партии «Яблоко»» -> «Яблоко»,
    «ОАО «Газпром»» -> «Газпром», «завода "ЗАЗ"» -> «ЗАЗ»)."""
    chunk = text[start:end]
    opened = [k for k, c in enumerate(chunk) if c in QUOTES]
    if len(opened) >= 2 and opened[-1] - opened[0] > 1:
        return start + opened[0] + 1, start + opened[-1]
    return start, end


# adjectives of a place or a people: «японского», «российском», «американского»
PLACE_ADJECTIVE_BEFORE = re.compile(r"([а-яё-]*[сц]к(?:ий|ого|ому|им|ом|ая|ой|ую|ое|ие|их|ими)) $")
FIRST_WORD = re.compile(r"\w[\w-]*")


def _case_number(word: str, pos: set[str]) -> set[tuple[str, str]]:
    return {(p.tag.case, p.tag.number) for p in parses(word.lower()) if p.tag.POS in pos}


def _with_adjectives(text: str, start: int, end: int) -> int:
    """factRuEval takes a lowercase adjective of a place before a name into its span («японского
    МИДа», «российского Минсельхоза»), when it agrees with the name's first word."""
    first = FIRST_WORD.match(text, start, end)
    if first is None:
        return start
    head = _case_number(first.group(), {"NOUN", "ADJF", "PRTF"})
    while True:
        before = PLACE_ADJECTIVE_BEFORE.search(text[max(0, start - 40) : start])
        if before is None or not head & _case_number(before.group(1), {"ADJF"}):
            return start
        start -= len(before.group(0))


def factru_org_spans(text: str, start: int, end: int, loc_spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """One of our organization mentions as factRuEval ORG spans. Our mentions keep the legal form,
    descriptor, country and bracketed short name with the name; factRuEval marks the name alone:
    «Министерство внутренних дел Пакистана» -> ORG «Министерство внутренних дел» (the country is
    a LOC), «Союз координационных советов (СКС)» -> two ORG spans, and a government named by its
    country is no ORG at all."""
    first_word = text[start:end].split(maxsplit=1)[0].lower()
    if phrase_lemmas(first_word)[0] in FACTRU_NOT_ORG_HEADS:
        return []
    parts = []
    cursor = start
    for m in PARENS.finditer(text, start, end):
        parts.append((cursor, m.start()))
        parts.append((m.start(1), m.end(1)))
        cursor = m.end()
    parts.append((cursor, end))
    out = []
    for s, e in parts:
        s, e = _unquoted(text, s, e)
        # a country or region closing the name is a LOC of its own
        # (but the region of a territorial body is part of its name: «ГУ МЧС России по Санкт-Петербургу»)
        tails = [ls for ls, le in loc_spans if s < ls and le == e and not BY_REGION.search(text, s, ls)]
        if tails:
            e = min(tails)
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            if text[s] not in QUOTES and (s == start or text[s - 1] not in QUOTES):
                s = _with_adjectives(text, s, e)
            out.append((s, e))
    return out


def factru_record(doc: Document, doc_id: str, text: str) -> dict:
    """Our output as factRuEval predictions: entity spans and occupation facts."""
    entities = []
    occupations = []
    for person in doc.persons:
        post_mentions = {(m.start, m.end) for post in person.posts for m in post.mentions}
        for m in person.mentions:
            if (m.start, m.end) not in post_mentions:
                entities.append({"type": "PER", "start": m.start, "end": m.end})
        for post in person.posts:
            if not post.trade:  # factRuEval marks a trade as an occupation only with its organization
                occupations.append({"who": person.name, "position": post.role, "where": post.org})
    loc_spans = [(m.start, m.end) for loc in doc.locations for m in loc.mentions]
    for org in doc.organizations:
        for m in org.mentions:
            for start, end in factru_org_spans(text, m.start, m.end, loc_spans):
                entities.append({"type": "ORG", "start": start, "end": end})
    for start, end in loc_spans:
        entities.append({"type": "LOC", "start": start, "end": end})
    return {"id": doc_id, "entities": entities, "occupations": occupations}


def factru(pipeline: Pipeline, shared: Path, out: Path, gold: Path | None = None) -> ScorerRun:
    """Extract every document of a factRuEval file, write the predictions and score them."""
    gold = gold or shared / "eval/factru/dev.jsonl"
    rows = read_jsonl(gold)
    requests = [Request(r["text"], r["id"]) for r in rows]
    docs = [doc for batch in batches(requests) for doc in pipeline.extract_many(list(batch))]
    preds = write_jsonl(
        out / f"factru_{gold.stem}.jsonl",
        (factru_record(doc, row["id"], row["text"]) for row, doc in zip(rows, docs, strict=True)),
    )
    return run_scorer(shared / "eval/factru/score.py", gold, preds)


def natasha_baseline(shared: Path, out: Path, gold: Path | None = None) -> None:
    """The reference: natasha's own NER spans, scored the same way (no occupations: natasha
    has no posts); once as natasha gives them, once through the same factRuEval conventions as
    ours, so that the gap between us and natasha is not the adapter's."""
    gold = gold or shared / "eval/factru/dev.jsonl"
    rows = read_jsonl(gold)
    tagged = get_tagger().tag_many([r["text"] for r in rows])
    raw, adapted = out / f"factru_{gold.stem}_natasha.jsonl", out / f"factru_{gold.stem}_natasha_adapted.jsonl"
    with raw.open("w", encoding="utf-8") as fh_raw, adapted.open("w", encoding="utf-8") as fh_adapted:
        for row, tg in zip(rows, tagged, strict=True):
            ents = [{"type": s.type, "start": s.start, "end": s.end} for s in tg.spans]
            fh_raw.write(json.dumps({"id": row["id"], "entities": ents}, ensure_ascii=False) + "\n")
            locs = [(s.start, s.end) for s in tg.spans if s.type == "LOC"]
            ents = [e for e in ents if e["type"] != "ORG"] + [
                {"type": "ORG", "start": a, "end": b}
                for s in tg.spans
                if s.type == "ORG"
                for a, b in factru_org_spans(row["text"], s.start, s.end, locs)
            ]
            fh_adapted.write(json.dumps({"id": row["id"], "entities": ents}, ensure_ascii=False) + "\n")
    score = shared / "eval/factru/score.py"
    show(run_scorer(score, gold, raw), note="natasha NER alone, for reference")
    show(run_scorer(score, gold, adapted), note="natasha NER through our factRuEval adapter")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--gold", type=Path, default=None, help="a factRuEval JSON Lines file (default: the dev set)")
    ap.add_argument("--out", type=Path, default=ROOT / "bench/out")
    ap.add_argument("--natasha", action="store_true", help="also score natasha's own NER spans, for reference")
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    run = factru(Pipeline(), args.shared, args.out, args.gold)
    print(f"factru: extracted and scored in {time.monotonic() - started:.1f} s")
    show(run)
    if args.natasha:
        natasha_baseline(args.shared, args.out, args.gold)


if __name__ == "__main__":
    main()
