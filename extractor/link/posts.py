"""Posts to the organization or place they name (`org_ref`); a territorial post that names none
takes the place named just before it."""

from __future__ import annotations

from dataclasses import replace

from extractor.lexicon.posts import post_lexicon, role_key
from extractor.model import Location, Organization, OrgRef, Person
from extractor.rules.organizations.names import same_org, strip_legal_form


def _norm(s: str) -> str:
    return " ".join(s.lower().replace("ё", "е").split())


# how far back (in characters) the place of a territorial post may be named
CONTEXT_CHARS = 800


# posts of a country: a president is of the country named before, not of its capital
NATIONAL = frozenset({"президент", "премьер-министр", "премьер", "канцлер", "король", "королева", "министр", "посол"})


def _countries() -> frozenset[str]:
    return frozenset(_norm(name) for name in post_lexicon().place_names.values())


def _place_before(
    locs: list[Location], orgs: list[Organization], pos: int, national: bool
) -> str | None:
    """The place or authority named last before `pos`, within CONTEXT_CHARS («В Сенате, где
    ..., спикер Гарри Рид»); for a national post the country named last, if any."""
    named = [(loc.name, loc.mentions) for loc in locs if not national or _norm(loc.name) in _countries()]
    if not national:
        named += [(o.name, o.mentions) for o in orgs if o.kind == "authority"]
    best = None
    for name, mentions in named:
        for m in mentions:
            if pos - CONTEXT_CHARS <= m.end <= pos and (best is None or m.end > best[0]):
                best = (m.end, name)
    if best is None and national:
        return _place_before(locs, orgs, pos, national=False)
    return best[1] if best else None


def link_post_orgs(persons: list[Person], orgs: list[Organization], locs: list[Location]) -> None:
    """`org_ref` of each post: the organization or location its `org` names. A territorial post
    that names no territory («Премьер-министр Сильвио Берлускони») takes the place named just
    before it in the text."""
    for person in persons:
        linked = []
        for post in person.posts:
            first_word = (role_key(post.role).split() or [""])[0]
            # only a bare post: «глава партии» speaks of a party, not of the place named before
            if post.org is None and first_word in post_lexicon().territorial and _norm(post.normal) == _norm(post.role):
                place = _place_before(locs, orgs, post.start, first_word in NATIONAL)
                if place:
                    post = replace(post, org=place)
            ref: OrgRef | None = None
            if post.org:
                org_name = strip_legal_form(post.org)
                for i, o in enumerate(orgs):
                    if any(same_org(n, org_name) for n in [o.name, *o.aliases]):
                        ref = OrgRef("organization", i)
                        break
                else:
                    for i, loc in enumerate(locs):
                        if _norm(loc.name) == _norm(post.org):
                            ref = OrgRef("location", i)
                            break
            linked.append(replace(post, org_ref=ref))
        person.posts = linked
