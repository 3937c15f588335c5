"""One pipeline object: models loaded once, documents run through
segment -> tag -> rules -> link -> assemble."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from extractor.facts import find_facts
from extractor.link.organizations import claim_lone_names, merge_locations, merge_orgs
from extractor.link.persons import attach_posts, link_bare_posts, merge_mentions
from extractor.link.posts import link_post_orgs
from extractor.model import Document, RefDateSource
from extractor.nlp.tagging import Tagged, get_tagger
from extractor.rules import dates, money, percentages
from extractor.rules.locations import LocMention, find_loc_mentions
from extractor.rules.organizations import find_org_mentions
from extractor.rules.organizations.names import OrgMention
from extractor.rules.persons import NameMention, find_name_mentions
from extractor.rules.posts import find_bare_posts, find_posts


@dataclass(frozen=True)
class Request:
    """One document to extract: its text, where it came from, and dates: the caller's reference
    date (used where the release has no date of its own, or always with `override`) and the
    release's date from its HTML page (``io.reader``)."""

    text: str
    source: str = "-"
    ref_date: dt.date | None = None
    page_date: dt.date | None = None
    override: bool = False


def reference_date(
    own: dt.date | None, own_source: RefDateSource, given: dt.date | None, override: bool
) -> tuple[dt.date | None, RefDateSource]:
    """The date relative dates are resolved against, and where it came from: the release's own
    date, else the caller's; the caller's first when it overrides."""
    if given is not None and (override or own is None):
        return given, "option"
    if own is not None:
        return own, own_source
    return None, "none"


def assemble(
    tagged: Tagged, source: str, ref_date: dt.date | None, page_date: dt.date | None = None, override: bool = False
) -> Document:
    text = tagged.text
    # a date the page states (<meta>, <time>) is surer than one read from the text
    doc_date, own_source = (page_date, "html") if page_date else (dates.find_doc_date(tagged), "text")
    ref, ref_source = reference_date(doc_date, own_source, ref_date, override)

    names = find_name_mentions(tagged)
    names, org_mentions = claim_lone_names(text, names, _not_inside_names(text, find_org_mentions(tagged), names))
    persons, owner = merge_mentions(text, names)
    attach_posts(persons, owner, find_posts(tagged, names), names)
    link_bare_posts(tagged, persons, find_bare_posts(tagged))

    orgs = merge_orgs(text, org_mentions)
    locs = merge_locations(text, _outside_names(find_loc_mentions(tagged), names))
    link_post_orgs(persons, orgs, locs, tagged)

    found_dates = dates.find_dates(tagged, ref)
    doc = Document(
        source=source,
        doc_date=doc_date.isoformat() if doc_date else None,
        ref_date=ref.isoformat() if ref else None,
        ref_date_source=ref_source,
        persons=persons,
        organizations=orgs,
        locations=locs,
        percentages=percentages.find_percentages(tagged, found_dates),
        money=money.find_money(tagged, found_dates),
        dates=found_dates,
    )
    find_facts(tagged, doc)
    return doc


def _outside_names(mentions: list[LocMention], names: list[NameMention]) -> list[LocMention]:
    """A place the model saw inside a person's name is the person's surname: «Кирсанова Ольга
    Геннадьевна» (Кирсанов is a town too)."""
    return [m for m in mentions if not any(n.start < m.end and m.start < n.end for n in names)]


def _not_inside_names(text: str, mentions: list[OrgMention], names: list[NameMention]) -> list[OrgMention]:
    """A word the model took for an organization inside a person's full name is the person's
    first name: «председателем правления Айдара Хамитова». Nor does a name end with a person
    named in the nominative: «В администрации Ворохобов и Гладышев обсуждали» (a body named after
    a person takes the genitive: «Фонд Владимира Потанина»; a legal form's owner stays: «ИП Петров»);
    the name before the person stays when it ends in a place of its own: «в администрации
    городского округа Ступино | Ворохобов и Гладышев»."""
    kept = []
    for m in mentions:
        if any(n.first and n.start <= m.start and m.end <= n.end for n in names):
            continue
        tail = next((n for n in names if _nominative_tail(text, m, n)), None) if m.legal_form is None else None
        if tail is not None:
            m = _before_the_name(text, m, tail)
        if m is not None:
            kept.append(m)
    return kept


def _before_the_name(text: str, m: OrgMention, n: NameMention) -> OrgMention | None:
    """The organization named before the person that ends its mention, if its words before the
    person end in a proper name («Администрация городского округа Ступино»); else none."""
    person = text[n.start : n.end]
    name = m.name[: -len(person)].rstrip() if m.name.endswith(person) else ""
    words = name.split()
    if len(words) < 2 or not words[-1][:1].isupper():
        return None
    end = n.start
    while end > m.start and text[end - 1].isspace():
        end -= 1
    return replace(m, end=end, name=name)


def _nominative_tail(text: str, m: OrgMention, n: NameMention) -> bool:
    """The name mention ends the organization mention, written as the person's nominative."""
    return m.start < n.start and n.end == m.end and n.last is not None and text[n.start : n.end].endswith(n.last)


class Pipeline:
    """Extracts Documents; the models load on first use, once per process."""

    def extract_many(self, requests: list[Request]) -> list[Document]:
        tagged = get_tagger().tag_many([r.text for r in requests])
        return [
            assemble(t, r.source, r.ref_date, r.page_date, r.override) for t, r in zip(tagged, requests, strict=True)
        ]

    def extract(
        self, text: str, source: str = "-", ref_date: dt.date | None = None, override: bool = False
    ) -> Document:
        return self.extract_many([Request(text, source, ref_date, override=override)])[0]
