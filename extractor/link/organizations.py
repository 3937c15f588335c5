"""Organizations and locations: mentions merged into one record per organization or place, the
parent named inside a name, the kind the surest mention gives."""

from __future__ import annotations

from extractor.model import Location, Mention, Organization
from extractor.rules.organizations.names import OrgMention, org_kind, same_org


def _norm(s: str) -> str:
    return " ".join(s.lower().replace("ё", "е").split())


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
        if target.name.isupper() and not m.name.isupper() and _norm(m.name) == _norm(target.name):
            target.name = m.name  # «МИНПРОМТОРГ РОССИИ» of a heading, «Минпромторг России» in the text
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
