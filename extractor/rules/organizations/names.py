"""An organization mention and its name: quotes and legal forms off, the kind, and when two
names are one organization."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from extractor.lexicon.orgs import QUOTE_CHARS, known_abbrevs, legal_forms, plain
from extractor.nlp.phrases import OPEN_QUOTES

PAREN_ABBR = re.compile(r"^(.+?)\s*\(\s*([A-ZА-ЯЁ][A-ZА-ЯЁа-яё.\-]{1,19})\s*\)?$")


LATIN_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9&.\-']*$")


# names compared and looked up, kept: merging compares every mention with every organization
NAME_CACHE = 100_000


@dataclass(frozen=True)
class OrgMention:
    start: int
    end: int
    name: str  # nominative, no legal form, no outer quotes
    legal_form: str | None
    kind: str | None  # None: not known from this mention
    alias: str | None = None  # «Московский государственный университет (МГУ)» gives «МГУ»
    parent: OrgMention | None = None  # an organization named inside this one's name
    kind_guessed: bool = False  # the kind is a guess («Яблоко» in quotes alone reads as a company)


# «Министерство ... РФ», «... России», «... Российской Федерации» name one body
COUNTRY_SPELLINGS = {"рф": "российской федерации", "россии": "российской федерации"}


@lru_cache(maxsize=NAME_CACHE)
def _country_plain(s: str) -> str:
    words = plain(s).split()
    return " ".join(COUNTRY_SPELLINGS.get(w, w) for w in words)


def strip_quotes(s: str) -> str:
    """Outer quotes off: «Кидма тек» -> Кидма тек; «Завод «Октябрь»» -> Завод «Октябрь»."""
    s = s.strip()
    while len(s) >= 2 and s[0] in OPEN_QUOTES and s[-1] in QUOTE_CHARS:
        inner = s[1:-1]
        if inner.count("«") != inner.count("»"):
            # «Завод «Октябрь»» ends with two closers; only strip a matched pair
            break
        s = inner.strip()
    if s[:1] in OPEN_QUOTES and s.count("«") == s.count("»") + 1 - 1 and s.endswith("»»"):
        s = s[1:-1]
    return s


def strip_legal_form(name: str) -> str:
    """«ОАО «Кидма тек»» -> «Кидма тек»: the bare name, as organizations are named."""
    m = legal_forms().abbreviation.match(name)
    rest = name[m.end() :].strip() if m else name
    return strip_quotes(rest) or name


def tidy(s: str) -> str:
    return " ".join(s.split())


def org_kind(m: OrgMention) -> str:
    if m.kind:
        return m.kind
    known = known_abbrevs().get(m.name.lower())
    if known:
        return known[1]
    return "other"


def acronym(name: str) -> str:
    """«Московский государственный университет» -> «МГУ» (words of 3+ letters)."""
    words = re.findall(r"[А-ЯЁA-Zа-яёa-z]+", name)
    return "".join(w[0] for w in words if len(w) > 2).upper()


@lru_cache(maxsize=NAME_CACHE)
def same_org(a: str, b: str) -> bool:
    """Two names of one organization: equal, an acronym of the other, a known short form, or
    a name of three words or more with its country after it («Уральский федеральный
    университет России»)."""
    pa, pb = _country_plain(a), _country_plain(b)
    if pa == pb:
        return True
    short, long_ = sorted((pa, pb), key=len)
    if len(short.split()) >= 3 and long_.startswith(short + " ") and len(long_.split()) - len(short.split()) <= 2:
        tail = (a if len(a) > len(b) else b).split()[len(short.split()) :]
        if all(w[:1].isupper() for w in tail):
            return True
    for x, y in ((a, b), (b, a)):
        if x.isupper() and 2 <= len(x) <= 8 and " " not in x and acronym(y) == x:
            return True
        known = known_short_name(x)
        full = _country_plain(strip_legal_form(known[0])) if known else None
        py = _country_plain(y)
        # the lexicon may spell the name out longer: «Уральский федеральный университет имени ...»
        if full and (full == py or (len(py.split()) >= 2 and full.startswith(py + " "))):
            return True
    return False


@lru_cache(maxsize=NAME_CACHE)
def known_short_name(name: str) -> tuple[str, str] | None:
    """The lexicon entry of a short name, also when the country follows it («Минпромторг России»)."""
    low = " ".join(name.lower().split())
    known = known_abbrevs().get(low)
    if known is None:
        for suffix in (" россии", " рф"):
            if low.endswith(suffix):
                known = known_abbrevs().get(low[: -len(suffix)])
                break
    return known
