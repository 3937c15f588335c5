"""NEREL through our output: for each document of ../shared/eval/nerel/dev.jsonl (or any file of
the same shape, --gold), write NEREL predictions and score them with the shared score.py.

usage: python bench/nerel_adapter.py [--shared ../shared] [--gold FILE] [--out bench/out] [--verbose]

The mapping is the one ../shared/eval/nerel/README.md gives, read off the output JSON:
- every mention of every person -> persons; every mention of every organization -> organizations;
- every post -> professions, and a works_as pair with all mentions of its person: every mention
  of the post (NEREL links each place a post is named to its holder, «президент» said again too);
  a person's mentions that are mentions of one of its posts («губернатор отметил») are
  professions in NEREL, not persons;
- every workplace (a post whose org_ref is an organization, or a verb: «возглавляет», «работает
  в») -> a workplace pair: the person's mentions and all mentions of that organization; NEREL
  links a person to each place an organization is named beside them, so when the organization is
  named in two sentences or more that also name the person (by name or post), each of those
  mentions is a pair of its own (razdel's sentences);
- percentages -> percents; dates -> dates, with the preposition before them («в 2010 году»),
  as NEREL marks them. Locations are not scored.
"""

from __future__ import annotations

import argparse
import bisect
import re
from pathlib import Path
from typing import Any

from razdel import sentenize
from scoring import ROOT, ScorerRun, extract_json, read_jsonl, run_scorer, write_jsonl

from extractor.pipeline import Pipeline, Request

Span = list[int]


def _span(item: dict[str, Any]) -> Span:
    return [item["start"], item["end"]]


def _mention_spans(entity: dict[str, Any]) -> list[Span]:
    return [_span(m) for m in entity["mentions"]]


def _post_mentions(post: dict[str, Any]) -> list[dict[str, Any]]:
    return post.get("mentions") or [post]


# NEREL marks where a post is held apart from the post: «федеральным судьей | в Южном округе»,
# «сенатором | от Аризоны», «миссионером | на Тайване» (NEREL train, our post spans with such a
# phrase: 22 match a gold profession only without it, 1 only with it); «по» and «при» stay
# («представитель при ООН», «министр по делам молодёжи» are whole posts there)
PLACE_OF_A_POST = re.compile(r"\s(?:в|во|на|от)\s", re.IGNORECASE)


# NEREL marks a former post without its «бывший» or «экс-»: «бывшего | министра энергетики», «экс-|мэр
# Москвы» (NEREL train: 219 gold professions start right after one of these, none with it)
FORMER_OF_A_POST = re.compile(r"^(?:бывш[а-яё]+\s+|экс-)(?=\w)", re.IGNORECASE)


# NEREL marks where a holder is from apart from the post: «французский | актёр», «российский |
# министр иностранных дел» (NEREL train: 357 gold professions follow an adjective in -ский/-цкий
# right before them, against 91 that start with one, most of those no place's: «политический»,
# «городской»). Our post says it with a place adjective before its role («role»: «актёр»).
PLACE_ADJECTIVE = re.compile(r"^[а-яё-]+(?:ск|цк)(?:ий|ая|ое|ие|ого|ой|ому|ом|им|ую|их|ими)$")


def _place_adjectives(mention: dict[str, Any], post: dict[str, Any]) -> int:
    """How many characters of a post mention a place's adjective before the post's role takes up."""
    normal, role = post.get("normal") or "", post.get("role") or ""
    lead = normal[: -len(role)].split() if role and normal.endswith(" " + role) else []
    words = mention["text"].split()
    if not lead or len(words) <= len(lead) or not all(PLACE_ADJECTIVE.match(w.lower()) for w in words[: len(lead)]):
        return 0
    past_lead = re.match(rf"(?:\S+\s+){{{len(lead)}}}", mention["text"])  # whatever spaces stand between
    return past_lead.end() if past_lead else 0


def _profession_span(mention: dict[str, Any], post: dict[str, Any]) -> Span:
    """A post mention's span as a NEREL profession: past «бывший» or «экс-» and the adjective of
    where its holder is from, up to a phrase of where it is held."""
    start, end = _span(mention)
    text = mention["text"]
    former = FORMER_OF_A_POST.match(text)
    skip = former.end() if former else _place_adjectives(mention, post)
    held = PLACE_OF_A_POST.search(text, skip)
    short = BRACKETED_SHORT_NAME.search(text, skip)
    return [start + skip, start + held.start() if held else start + short.start() if short else end]


# NEREL marks an organization named in quotes after a lowercase word by its quoted name alone: «завода
# «Восход»», «компании «Стройтрансгаз»» -> «Восход», «Стройтрансгаз» (NEREL train: 612 gold spans hold the
# quoted name only, 1 the word too). After a capitalized word or a legal form the gold is less of one mind
# (76 and 16), and NEREL dev's organizations fell with those too: they keep the word.
DESCRIBED_QUOTED_NAME = re.compile(r"^[а-яё][^«\"„]*\s+[«\"„](?P<name>.+)[»\"“]$")
# ... and a name said in quotes alone by what is inside them: «Единая Россия» -> Единая Россия (NEREL
# train: 839 gold organizations right after an opening quote, 1 taking the quote in)
BARE_QUOTED_NAME = re.compile(r"^[«\"„](?P<name>[^«»\"„“]+)[»\"“]$")


# NEREL marks a short name in brackets after a name as a name of its own, out of the one before it:
# «Федеральной таможенной службы | (ФТС)» (NEREL train: 105 gold organizations right before such
# brackets, none taking them in; of professions, 31 and 2)
BRACKETED_SHORT_NAME = re.compile(r"\s+\((?P<name>[A-ZА-ЯЁ][^()]{0,15})\)$")


def _organization_spans(entity: dict[str, Any], short_names_apart: bool = True) -> list[Span]:
    """An organization's mention spans as NEREL marks them: a quoted name without its descriptor,
    a short name in brackets after it apart (one mention one span for a relation's side)."""
    spans = []
    for m in entity["mentions"]:
        start, text = m["start"], m["text"]
        short = BRACKETED_SHORT_NAME.search(text) if short_names_apart else None
        if short:
            spans.append([start + short.start("name"), start + short.end("name")])
            text = text[: short.start()]
        quoted = DESCRIBED_QUOTED_NAME.match(text) or BARE_QUOTED_NAME.match(text)
        named = [start + quoted.start("name"), start + quoted.end("name")] if quoted else [start, start + len(text)]
        spans.append(named)
    return spans


def _sentence_starts(text: str) -> list[int]:
    return [s.start for s in sentenize(text)]


def _workplace_pairs(
    output: dict[str, Any], name_spans: list[list[Span]], text: str | None
) -> list[dict[str, Any]]:
    """A pair per workplace with all the organization's mentions; with the text, a pair per
    mention of the organization in a sentence that names the person too, when there are two or
    more such mentions."""
    persons, organizations = output.get("persons", []), output.get("organizations", [])
    starts = _sentence_starts(text) if text is not None else []

    def sentence(span: Span) -> int:
        return bisect.bisect_right(starts, span[0])

    pairs = []
    for w in output.get("workplaces", []):
        k = w["person"]["index"]
        org_spans = _organization_spans(organizations[w["organization"]["index"]], short_names_apart=False)
        person_spans = [_span(m) for m in persons[k]["mentions"]]
        person_spans += [_span(m) for post in persons[k]["posts"] for m in _post_mentions(post)]
        person_sentences = {sentence(span) for span in person_spans}
        beside = [span for span in org_spans if sentence(span) in person_sentences] if starts else []
        if len(beside) > 1:
            pairs += [{"person": name_spans[k], "organization": [span]} for span in beside]
        else:
            pairs.append({"person": name_spans[k], "organization": org_spans})
    return pairs


# NEREL's date spans open with their preposition («в 2010 году», «с 2005 года»: 2,100 of the
# 2,069 DATE spans of train next to one of these, 1,987 open with it); «к» and «на» are as often outside
DATE_PREPOSITION_BEFORE = re.compile(r"(?<!\w)(?:[вВсС]о?|[дД]о|[оО]т|[зЗ]а|[пП]о)\s+$")


# NEREL's date spans leave out the period of «г.» / «гг.» (120 of the 128 spans of train written so)
YEAR_ABBREVIATION_DOT = re.compile(r"гг?\.$")


def _date_span(date: dict[str, Any], text: str | None) -> Span:
    """A date's span, its preposition included and the period of «г.» left out, as NEREL marks it."""
    start, end = _span(date)
    before = DATE_PREPOSITION_BEFORE.search(text[max(0, start - 6) : start]) if text else None
    if text and YEAR_ABBREVIATION_DOT.search(text[start:end]):
        end -= 1
    return [start - len(before.group(0)) if before else start, end]


# NEREL marks a weekday and the day it names after a comma as one date: «В пятницу, 3 июня 2016 года»
# (NEREL train: 95 of our weekdays overlapped a gold date running on past their comma into the day;
# joined to it, 78 more gold dates are matched exactly)
WEEKDAY_THEN_DAY = re.compile(r",\s*")


def _date_spans(dates: list[dict[str, Any]], text: str | None) -> list[Span]:
    """The dates' NEREL spans, a weekday joined to the day of the same value after its comma."""
    spans = []
    for date in sorted(dates, key=lambda d: d["start"]):
        span = _date_span(date, text)
        last = spans[-1] if spans else None
        joined = last is not None and text is not None and last[2] == date.get("value") and (
            WEEKDAY_THEN_DAY.fullmatch(text[last[1] : span[0]]) is not None
        )
        if joined:
            last[1] = span[1]
        else:
            spans.append([*span, date.get("value")])
    return [[s, e] for s, e, _value in spans]


def nerel_record(doc_id: str, output: dict[str, Any], text: str | None = None) -> dict[str, Any]:
    """One document of our output JSON as a NEREL prediction line (its text splits the workplace
    pairs by sentence)."""
    persons = output.get("persons", [])
    organizations = output.get("organizations", [])
    works_as, professions, names, name_spans = [], [], [], []
    for person in persons:
        post_spans = [_span(m) for post in person["posts"] for m in _post_mentions(post)]
        mentions = [span for span in _mention_spans(person) if span not in post_spans]
        names += mentions
        name_spans.append(mentions)
        professions += [_profession_span(m, post) for post in person["posts"] for m in _post_mentions(post)]
        for post in person["posts"]:
            for m in _post_mentions(post):
                works_as.append({"person": mentions, "profession": _profession_span(m, post)})
    workplace = _workplace_pairs(output, name_spans, text)
    return {
        "id": doc_id,
        "persons": names,
        "organizations": [span for o in organizations for span in _organization_spans(o)],
        "professions": professions,
        "percents": [_span(p) for p in output.get("percentages", [])],
        "dates": _date_spans(output.get("dates", []), text),
        "works_as": works_as,
        "workplace": workplace,
    }


def nerel(pipeline: Pipeline, shared: Path, out: Path, gold: Path | None = None, verbose: bool = False) -> ScorerRun:
    """Extract every document of a NEREL file, write the predictions and score them (--verbose
    makes the scorer list every error before its report)."""
    gold = gold or shared / "eval/nerel/dev.jsonl"
    rows = read_jsonl(gold)
    outputs = extract_json(pipeline, [Request(r["text"], r["id"]) for r in rows])
    preds = write_jsonl(
        out / f"nerel_{gold.stem}.jsonl",
        (nerel_record(row["id"], output, row["text"]) for row, output in zip(rows, outputs, strict=True)),
    )
    return run_scorer(shared / "eval/nerel/score.py", gold, preds, *(["--verbose"] if verbose else []))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--gold", type=Path, default=None, help="a NEREL JSON Lines file (default: the dev set)")
    ap.add_argument("--out", type=Path, default=ROOT / "bench/out")
    ap.add_argument("--verbose", action="store_true", help="the scorer lists every error (fn / fp)")
    args = ap.parse_args()
    run = nerel(Pipeline(), args.shared, args.out, args.gold, args.verbose)
    print("$ " + run.command)
    print(run.output, end="")


if __name__ == "__main__":
    main()
