"""Linking: posts to persons, post-only references to persons, organization mentions into
organizations, posts to the organization or place they name."""

from __future__ import annotations

from dataclasses import replace

from extractor.lexicon import load_rows, load_words
from extractor.model import Location, Mention, Organization, OrgRef, Person, Post
from extractor.nlp.tagging import Tagged
from extractor.rules.organizations.names import OrgMention, org_kind, same_org, strip_legal_form
from extractor.rules.posts import post_at, role_key_of


def _norm(s: str) -> str:
    return " ".join(s.lower().replace("ё", "е").split())


def attach_posts(persons: list[Person], owner: list[int], posts: list[list[Post]]) -> None:
    """Give each person the posts found at its mentions, each post once; a post that is the
    start of a longer one of the same person («губернатор» / «губернатор Тульской области»)
    is dropped."""
    gathered: list[list[Post]] = [[] for _ in persons]
    for k, ps in zip(owner, posts, strict=True):
        gathered[k].extend(ps)
    for person, ps in zip(persons, gathered, strict=True):
        ps = sorted(ps, key=lambda p: p.start)
        kept: list[Post] = []
        for p in ps:
            n = _norm(p.normal)
            if any(_norm(q.normal) == n for q in kept):
                continue
            kept.append(p)
        # «посол» said later of someone introduced as «Чрезвычайный и Полномочный Посол ...»
        # adds nothing: a post whose words all stand in a longer post of the same person goes
        keys = [set(role_key_of(p.normal).split()) for p in kept]
        person.posts = [
            p for i, p in enumerate(kept)
            if not any(j != i and keys[i] < keys[j] for j in range(len(kept)))
        ]


def link_bare_posts(
    tagged: Tagged, persons: list[Person], bare: list[tuple[int, int, int, str, str]]
) -> None:
    """«губернатор отметил»: a post standing alone refers to the one person holding it; with
    its organization («Губернатор Тульской области обсудил») it must be that person's whole post."""
    holders: dict[str, list[int]] = {}
    wholes: dict[str, list[int]] = {}
    for k, person in enumerate(persons):
        for post in person.posts:
            for index, key in ((holders, role_key_of(post.role)), (wholes, role_key_of(post.normal))):
                if k not in index.setdefault(key, []):
                    index[key].append(k)
    # names and the posts attached to them are not references of their own
    taken = {(m.start, m.end) for p in persons for m in p.mentions}
    taken |= {(post.start, post.end) for p in persons for post in p.posts}
    toks = tagged.tokens
    for first, head_end, last, key, whole in bare:
        who = holders.get(key, []) if last == head_end else wholes.get(whole, [])
        start, end = toks[first].start, toks[last - 1].end
        if any(s < end and start < e for s, e in taken):
            continue
        if not who and last > head_end:
            who = _introduced_before(tagged, persons, first)
            if len(who) == 1:
                post = post_at(tagged, first, head_end, last)
                if post is None:
                    continue
                persons[who[0]].posts.append(post)
        if len(who) != 1:
            continue
        persons[who[0]].mentions.append(Mention(tagged.text[start:end], start, end))
        persons[who[0]].mentions.sort(key=lambda m: m.start)


def _introduced_before(tagged: Tagged, persons: list[Person], first: int) -> list[int]:
    """«Беньямин Нетаньяху отказался от поездки. Премьер-министр Израиля заявил...»: a post with
    its organization opening a sentence speaks of the one person named in the sentence before,
    if that person has no post yet."""
    toks = tagged.tokens
    sent = toks[first].sent
    if sent == 0 or tagged.sents[sent].first != first:
        return []
    prev = tagged.sents[sent - 1]
    lo, hi = prev.start, prev.end
    named = [k for k, p in enumerate(persons) if any(lo <= m.start < hi for m in p.mentions)]
    return named if len(named) == 1 and not persons[named[0]].posts else []


def merge_orgs(text: str, mentions: list[OrgMention]) -> list[Organization]:
    """One Organization per organization; one named inside another's name is that one's
    `parent` (by the name the document gives it elsewhere, if it does), not an entry of its own:
    «Совет Федерации Федерального Собрания РФ» belongs to the Federal Assembly, which the
    release does not otherwise speak of."""
    orgs = _merge_orgs(text, mentions)
    for m in mentions:
        if m.parent is None:
            continue
        child = _find_org(orgs, m.name)
        known = _find_org(orgs, m.parent.name)
        if child is not None and child is not known and child.parent is None:
            child.parent = known.name if known else m.parent.name
    return orgs


def _find_org(orgs: list[Organization], name: str) -> Organization | None:
    return next((o for o in orgs if any(same_org(n, name) for n in [o.name, *o.aliases])), None)


def _merge_orgs(text: str, mentions: list[OrgMention]) -> list[Organization]:
    orgs: list[Organization] = []
    # how sure each organization's kind is: 0 a default, 1 guessed from quotes, 2 from a head
    # noun, a legal form or the lexicon; a surer mention overrides
    sure: dict[int, int] = {}
    for m in mentions:
        target = next((o for o in orgs if any(same_org(n, m.name) for n in [o.name, *o.aliases])), None)
        mention = Mention(text[m.start:m.end], m.start, m.end)
        if target is None and m.alias:
            target = next((o for o in orgs if any(same_org(n, m.alias) for n in [o.name, *o.aliases])), None)
        if target is None:
            orgs.append(Organization(name=m.name, legal_form=m.legal_form, kind=org_kind(m), mentions=[mention],
                                     aliases=[m.alias] if m.alias else []))
            sure[id(orgs[-1])] = _kind_sureness(m)
            continue
        if m.alias and all(_norm(m.alias) != _norm(a) for a in [target.name, *target.aliases]):
            target.aliases.append(m.alias)
        target.mentions.append(mention)
        if _norm(m.name) != _norm(target.name) and all(_norm(m.name) != _norm(a) for a in target.aliases):
            # the longer, spelled-out form names the organization; the others are aliases
            if len(m.name) > len(target.name) and not m.name.isupper():
                target.aliases.append(target.name)
                target.name = m.name
            else:
                target.aliases.append(m.name)
        target.legal_form = target.legal_form or m.legal_form
        sureness = _kind_sureness(m)
        if sureness > sure[id(target)] or (m.kind and sureness == sure[id(target)] and target.kind == "other"):
            target.kind = org_kind(m)
            sure[id(target)] = sureness
    return orgs


def _kind_sureness(m: OrgMention) -> int:
    return 0 if not m.kind else 1 if m.kind_guessed else 2


def merge_locations(text: str, mentions) -> list[Location]:
    by_name: dict[str, Location] = {}
    for m in mentions:
        loc = by_name.setdefault(_norm(m.name), Location(name=m.name))
        loc.mentions.append(Mention(text[m.start:m.end], m.start, m.end))
    return list(by_name.values())


# how far back (in characters) the place of a territorial post may be named
CONTEXT_CHARS = 800
TERRITORIAL = frozenset(load_words("territorial_posts.txt"))


# posts of a country: a president is of the country named before, not of its capital
NATIONAL = frozenset({"президент", "премьер-министр", "премьер", "канцлер", "король", "королева", "министр", "посол"})
COUNTRIES = frozenset(_norm(row[1]) for row in load_rows("place_adjectives.txt") if len(row) > 1)


def _place_before(
    locs: list[Location], orgs: list[Organization], pos: int, national: bool
) -> str | None:
    """The place or authority named last before `pos`, within CONTEXT_CHARS («В Сенате, где
    ..., спикер Гарри Рид»); for a national post the country named last, if any."""
    named = [(loc.name, loc.mentions) for loc in locs if not national or _norm(loc.name) in COUNTRIES]
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
            first_word = (role_key_of(post.role).split() or [""])[0]
            # only a bare post: «глава партии» speaks of a party, not of the place named before
            if post.org is None and first_word in TERRITORIAL and _norm(post.normal) == _norm(post.role):
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


__all__ = ["attach_posts", "link_bare_posts", "merge_orgs", "merge_locations", "link_post_orgs"]
