"""One pipeline object: models loaded once, documents run through
segment -> tag -> rules -> link -> assemble."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from extractor.facts import find_facts
from extractor.link.organizations import merge_locations, merge_orgs
from extractor.link.persons import attach_posts, link_bare_posts, merge_mentions
from extractor.link.posts import link_post_orgs
from extractor.model import Document
from extractor.nlp.tagging import Tagged, get_tagger
from extractor.rules import dates, percentages
from extractor.rules.locations import find_loc_mentions
from extractor.rules.organizations import find_org_mentions
from extractor.rules.persons import find_name_mentions
from extractor.rules.posts import find_bare_posts, find_posts


@dataclass(frozen=True)
class Request:
    """One document to extract: its text, where it came from, an optional reference date."""

    text: str
    source: str = "-"
    ref_date: dt.date | None = None


def assemble(tagged: Tagged, source: str, ref_date: dt.date | None) -> Document:
    text = tagged.text
    doc_date = dates.find_doc_date(text)
    ref = ref_date or doc_date

    names = find_name_mentions(tagged)
    persons, owner = merge_mentions(text, names)
    attach_posts(persons, owner, find_posts(tagged, names))
    link_bare_posts(tagged, persons, find_bare_posts(tagged))

    orgs = merge_orgs(text, find_org_mentions(tagged))
    locs = merge_locations(text, find_loc_mentions(tagged))
    link_post_orgs(persons, orgs, locs)

    found_dates = dates.find_dates(text, ref)
    doc = Document(
        source=source,
        doc_date=doc_date.isoformat() if doc_date else None,
        persons=persons,
        organizations=orgs,
        locations=locs,
        percentages=percentages.find_percentages(text, found_dates),
        dates=found_dates,
    )
    find_facts(tagged, doc)
    return doc


class Pipeline:
    """Extracts Documents; the models load on first use, once per process."""

    def extract_many(self, requests: list[Request]) -> list[Document]:
        tagged = get_tagger().tag_many([r.text for r in requests])
        return [assemble(t, r.source, r.ref_date) for t, r in zip(tagged, requests, strict=True)]

    def extract(self, text: str, source: str = "-", ref_date: dt.date | None = None) -> Document:
        return self.extract_many([Request(text, source, ref_date)])[0]
