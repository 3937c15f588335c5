"""Posts to the organization or place they name: `org` becomes that entity's name, as the
document's organizations and locations give it, and `org_ref` points at it.

Each post tries, in order:
1. the entity its `org` names («Тульская область», «ПАО «Северсталь»» -> «Северсталь»);
2. an entity the text names inside the post («директор департамента ... Курганской области»);
3. for a post after a possessive pronoun («его директор»), the organization named last before the
   pronoun in its sentence, when it agrees with the pronoun;
4. for a post of a described organization («генеральный директор компании»), the organization of
   that kind named last before it;
5. for a territorial post standing alone («Премьер-министр Сильвио Берлускони»), the place (or
   for a national post, the country) named last before it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from functools import cache

from extractor.lexicon.orgs import compound_head_kind, form_lemmas, org_heads, territorial_heads, territory_nouns
from extractor.lexicon.places import place_key
from extractor.lexicon.posts import is_rank, post_lexicon, role_key, spelled_role_key
from extractor.link.organizations import find_location
from extractor.model import Location, Mention, Organization, OrgRef, Person, Post
from extractor.nlp.morph import phrase_lemmas
from extractor.nlp.phrases import POSSESSIVE_GENDERS, object_of_the_verb_before
from extractor.nlp.tagging import Tagged
from extractor.rules.organizations.names import same_org, strip_legal_form


def _norm(s: str) -> str:
    return " ".join(s.lower().replace("ё", "е").split())


# how far back (in characters) the place or organization of a post may be named
CONTEXT_CHARS = 800


# posts of a country: a president is of the country named before, not of its capital
NATIONAL = frozenset({"президент", "премьер-министр", "премьер", "канцлер", "король", "королева", "министр", "посол"})
# the words of a post that say its territory is a country: «глава страны», «главой государства»
COUNTRY_WORDS = re.compile(r"\b(?:стран|государств)[аеуыой]*\b", re.IGNORECASE)


class Entities:
    """The organizations and locations of a document, as a post may refer to them, and the
    document's tokens and person mentions (what a pronoun before a post may stand for)."""

    def __init__(
        self,
        orgs: list[Organization],
        locs: list[Location],
        tagged: Tagged,
        persons: list[Person],
    ) -> None:
        self.orgs, self.locs, self.tagged = orgs, locs, tagged
        self.person_mentions = [m for p in persons for m in p.mentions]

    def name_of(self, ref: OrgRef) -> str:
        return (self.orgs if ref.type == "organization" else self.locs)[ref.index].name

    def mentions(self) -> list[tuple[Mention, OrgRef]]:
        out = [(m, OrgRef("organization", i)) for i, o in enumerate(self.orgs) for m in o.mentions]
        return out + [(m, OrgRef("location", i)) for i, loc in enumerate(self.locs) for m in loc.mentions]

    def by_name(self, name: str) -> OrgRef | None:
        bare = strip_legal_form(name)
        for i, o in enumerate(self.orgs):
            if any(same_org(n, bare) for n in [o.name, *o.aliases]):
                return OrgRef("organization", i)
        place = find_location(self.locs, name)
        return None if place is None else OrgRef("location", place)

    def last_before(
        self, pos: int, wanted: Callable[[OrgRef], bool], asides: bool = True, reach: int = CONTEXT_CHARS
    ) -> OrgRef | None:
        """The wanted entity named last before `pos`, within `reach` characters; without `asides`, one
        named in brackets only when none is named outside them."""
        best: tuple[int, OrgRef] | None = None
        for m, ref in self.mentions():
            if pos - reach <= m.end <= pos and wanted(ref) and (best is None or m.end > best[0]):
                if asides or not self._in_brackets(m, pos):
                    best = (m.end, ref)
        if best is None and not asides:
            return self.last_before(pos, wanted, reach=reach)
        return best[1] if best else None

    def first_after(self, pos: int, wanted: Callable[[OrgRef], bool]) -> OrgRef | None:
        """The wanted entity named first after `pos`, within CONTEXT_CHARS."""
        found = [(m.start, ref) for m, ref in self.mentions() if pos <= m.start <= pos + CONTEXT_CHARS and wanted(ref)]
        return min(found, key=lambda x: x[0])[1] if found else None

    def _in_brackets(self, m: Mention, pos: int) -> bool:
        """A mention inside brackets closed before `pos`: «ООО «ЛБТ» (входит в группу компаний
        «...»)» names the group aside."""
        text = self.tagged.text
        opened, closed = text.rfind("(", 0, m.start), text.rfind(")", 0, m.start)
        return opened > closed and text.find(")", m.end, pos) != -1


def _named_org(post: Post, entities: Entities) -> OrgRef | None:
    """The entity the post's `org` names; when that is a place and the post also names an
    organization, the organization: one works for it («представитель России в ООН» -> ООН,
    «глава администрации Гонконга» -> Администрация Гонконга)."""
    ref = entities.by_name(post.org) if post.org else None
    if ref is None:
        return None
    closing = _closing_mention(post, entities) if _generic_org(post.org) else None
    if closing is not None and closing.type == "organization" and ref.type == "organization":
        return closing  # «Председатель Правления Банка»: the bank the text means there, not one named «Банк ...»
    inside = _named_inside(post, entities)
    if inside is None or inside.type != "organization":
        return ref
    # «председатель комитета по бюджету Тверской городской Думы»: the unit the post names, of
    # which the named body is the parent
    return inside if ref.type == "location" or entities.orgs[inside.index].parent == entities.name_of(ref) else ref


def _generic_org(org: str) -> bool:
    """An organization named by its head noun alone: «Банка», «Компании»."""
    return " " not in org.strip() and org_heads().get(phrase_lemmas(org.strip())) is not None


def _closing_mention(post: Post, entities: Entities) -> OrgRef | None:
    """The entity of a mention that closes the post and names its `org` as written: the words that
    name the organization where the post is written."""
    org = phrase_lemmas(post.org) if post.org else None
    return next(
        (ref for m, ref in entities.mentions()
         if post.start < m.start and m.end == post.end and phrase_lemmas(m.text) == org),
        None,
    )


def _named_inside(post: Post, entities: Entities) -> OrgRef | None:
    """The entity first named inside a post that names one: «министр финансов Пензенской
    области» -> the region; a department before its region wins («директор департамента ...
    Курганской области»). A post that names no organization of its own takes only an
    organization: the see of a bishop («епископ Одинцовский») is no place he works for."""
    inside = [(m.start, -(m.end - m.start), ref) for m, ref in entities.mentions()
              if post.start < m.start and m.end <= post.end and (post.org is not None or ref.type == "organization")]
    return min(inside, key=lambda x: (x[2].type != "organization", x[0], x[1]))[2] if inside else None


# the nouns any company goes by; «завод», «банк», «комбинат» tell which one by its name
ANY_COMPANY = frozenset({("компания",), ("общество",), ("предприятие",), ("организация",), ("фирма",), ("группа",),
                         ("холдинг",), ("корпорация",)})


def _described_org(post: Post, entities: Entities) -> OrgRef | None:
    """«генеральный директор компании», «ректор университета»: the post names its organization by
    a generic noun; the organization of that kind named last before it is the one meant."""
    tail = post.normal[len(post.role) :].split() if post.normal.startswith(post.role) else []
    # «заместитель генерального директора компании по разведке и добыче»: the remit is the deputy's
    remit = len(tail) > 2 and tail[1] == "по"
    if remit:
        tail = tail[:1]
    if post.org is not None and not remit or len(tail) != 1:
        return None
    noun = phrase_lemmas(tail[0])

    def named(ref: OrgRef) -> bool:
        # «генеральным директором общества» of «АО «Онежская транспортная компания»»: by its legal form too
        org = entities.orgs[ref.index]
        return set(noun) <= set(phrase_lemmas(org.name)) or set(noun) <= form_lemmas(org.legal_form)

    kind = org_heads().get(noun)
    # a compound of a head («генеральный директор агрокомбината»): only of a name it stands in
    if kind is None and len(noun) == 1 and compound_head_kind(noun[0], joined=True) is not None:
        return entities.last_before(post.start, lambda r: r.type == "organization" and named(r), asides=False)
    if kind is None or remit and kind != "company":
        return None

    # a territory's own body is that body: «руководитель администрации» is of no Duma named before
    own_body = noun in territorial_heads()

    def described(ref: OrgRef) -> bool:
        # of the noun's kind, or with the noun in its name: «председатель совета» is of «Конституционный
        # совет страны», an authority, though «совет» is mostly of other kinds
        org = entities.orgs[ref.index]
        return org.kind == kind and not own_body or named(ref)

    # «other» is every kind left over: «директор института» is of the institute named before, not of
    # a portal named nearer; with no such name, of the last of that kind («лидер партии» of «ЛДПР»);
    # so is a company's own noun: «директор завода» of «АО «... завод»», not of «ООО «... лесопилка»»; and
    # an authority's other than a territory's own: «начальник отдела министерства» of the ministry named
    specific = kind == "other" or kind == "company" and noun not in ANY_COMPANY or kind == "authority" and not own_body

    def named_org(r: OrgRef) -> bool:
        return r.type == "organization" and named(r)

    # the one named before, however long ago (the body a release is about may open it), else the one
    # named right after: «Директор фонда X рассказала ... «Светлица» помогла 1 240 семьям»
    if specific:
        found = entities.last_before(post.start, named_org, reach=post.start)
        if found := found or entities.first_after(post.end, named_org):
            return found
    # «генеральный директор компании» after «ООО «А» (входит в группу компаний «Б»)»: of the one
    # the sentence is about, not of the one named aside
    return entities.last_before(post.start, lambda ref: ref.type == "organization" and described(ref), asides=False)


def _possessor(post: Post, entities: Entities) -> OrgRef | None:
    """«В колледже ... (ККБТ) сидела его директор Нина Ерёмкина»: a post after «его / её / их»
    belongs to the organization named last before the pronoun in its sentence, when that name
    agrees with the pronoun and no person is named between («Петров и его заместитель» is his)."""
    tagged = entities.tagged
    i = tagged.token_at(post.start) if post.org is None else None
    if not i:
        return None
    pronoun = tagged.tokens[i - 1]
    genders = POSSESSIVE_GENDERS.get(pronoun.text.lower())
    if genders is None or object_of_the_verb_before(tagged.tokens, i - 1):
        return None  # «назначило его директором»: the pronoun is the one appointed («её тренером стал» is hers)
    sent_start = tagged.tokens[tagged.sents[pronoun.sent].first].start
    named = [(m.end, m, ref) for m, ref in entities.mentions() if sent_start <= m.start and m.end <= pronoun.start]
    named += [(m.end, m, None) for m in entities.person_mentions if sent_start <= m.start and m.end <= pronoun.start]
    if not named:
        return None
    _, mention, ref = max(named, key=lambda x: x[0])
    if ref is None or ref.type != "organization" or not _agrees(tagged, mention, genders):
        return None
    return ref


def _agrees(tagged: Tagged, mention: Mention, genders: tuple[str, ...]) -> bool:
    """The head of a named organization (its first noun) is of one of the genders, or plural for
    «их»; a head the tagger gives no gender agrees."""
    first = tagged.token_at(mention.start)
    if first is None:
        return True
    head = next(
        (tok for tok in tagged.tokens[first:] if tok.start < mention.end and tok.pos in ("NOUN", "PROPN")), None
    )
    if head is None:
        return True
    if genders == ("Plur",):
        return head.feats.get("Number") == "Plur"
    return head.feats.get("Number") != "Plur" and head.feats.get("Gender", genders[0]) in genders


@cache
def _countries() -> frozenset[str]:
    lexicon = post_lexicon()
    # the places of adjectives are regions too («тульский»): not countries
    adjectives = (name for name in lexicon.place_names.values() if not REGION_WORDS.search(name))
    return frozenset(_norm(name) for name in (*adjectives, *lexicon.countries))


# the heads of a territory's own government and legislature, among the first words of its name
TERRITORY_BODY_HEADS = frozenset({
    "правительство", "кабинет", "администрация", "мэрия", "акимат", "парламент", "дума", "собрание", "совет",
    "хурал", "рада",
})
TERRITORY_HEAD_WORDS = 3
# posts of a region: a governor is of the region named last, not of a town named after it
REGIONAL = frozenset({"губернатор", "вице-губернатор"})
REGION_WORDS = re.compile(r"област|кра[йяе]\b|республик|автономн|округ", re.IGNORECASE)


def _territory(post: Post, entities: Entities) -> OrgRef | None:
    """A bare territorial post («Премьер-министр Сильвио Берлускони», «спикер»): the place or
    authority named last before it; for a national post, the country named last, if any. Not
    «глава партии»: that speaks of a party, not of the place named before."""
    first_word = (role_key(post.role).split() or [""])[0]
    if post.org is not None or first_word not in post_lexicon().territorial or _norm(post.normal) != _norm(post.role):
        return None

    def place(ref: OrgRef) -> bool:
        # a governor or a mayor heads a place's government or council, not a ministry named before
        return ref.type == "location" or entities.orgs[ref.index].kind == "authority" and bool(
            set(phrase_lemmas(_norm(entities.orgs[ref.index].name))[:TERRITORY_HEAD_WORDS]) & TERRITORY_BODY_HEADS
        )

    def country(ref: OrgRef) -> bool:
        return ref.type == "location" and _norm(entities.locs[ref.index].name) in _countries()

    def region(ref: OrgRef) -> bool:
        name = entities.locs[ref.index].name if ref.type == "location" else entities.orgs[ref.index].name
        return place(ref) and REGION_WORDS.search(name) is not None

    if COUNTRY_WORDS.search(post.role):
        return entities.last_before(post.start, country)  # «глава страны»: a country, not a city named last
    national = entities.last_before(post.start, country) if first_word in NATIONAL else None
    regional = entities.last_before(post.start, region) if first_word in REGIONAL else None
    return national or regional or _place_of_its_noun(post, entities, place) or entities.last_before(post.start, place)


def _place_of_its_noun(post: Post, entities: Entities, place: Callable[[OrgRef], bool]) -> OrgRef | None:
    """«глава района» after «администрация муниципального района Нефтегорский» and a village: the
    place named with the territory noun of the post («район»), not the last place named."""
    nouns = set(phrase_lemmas(_norm(post.role))[1:]) & territory_nouns()
    if not nouns:
        return None
    return entities.last_before(
        post.start, lambda ref: place(ref) and bool(nouns & set(phrase_lemmas(_norm(entities.name_of(ref)))))
    )


# a place adjective a post names its territory by, when no list knows it: «пермский губернатор»
PLACE_ADJECTIVE_END = re.compile(r"(?:с|ц)кий$")
# the least of the adjective's stem a place's name must start with («перм» of «пермский»)
MIN_PLACE_STEM = 4


def _place_adjective(org: str | None) -> bool:
    """A post's territory given as an adjective no list knows: «пермский» of «пермский губернатор»."""
    return org is not None and " " not in org and org.islower() and PLACE_ADJECTIVE_END.search(org) is not None


def _place_by_adjective(post: Post, entities: Entities) -> OrgRef | None:
    """«пермский губернатор», «тбилисский врач»: a territory given as an adjective no list knows is
    the place the text names that starts as the adjective does («Пермский край», «Тбилиси»), the one
    named nearest the post."""
    adjective = post.org or ""
    if not _place_adjective(adjective):
        return None
    stem = PLACE_ADJECTIVE_END.sub("", adjective)
    if len(stem) < MIN_PLACE_STEM:
        return None
    near = [(abs(m.start - post.start), ref) for m, ref in entities.mentions()
            if ref.type == "location" and entities.name_of(ref).lower().startswith(stem)]
    return min(near, key=lambda x: x[0])[1] if near else None


# the body an office's holder heads, named by the same words: «министр образования края» heads
# «министерство образования края»
OFFICE_BODIES = {"министр": "министерство", "министра": "министерства"}
# what a ministry's name opens with, in any case
MINISTRY_STEM = "министерств"
# how much of a place's word tells it from another's («Красноярского», «Красноярский»)
PLACE_STEM = 5


def _body_of_the_office(post: Post, entities: Entities) -> OrgRef | None:
    """«министр образования Красноярского края» (or his deputy) works for the «Министерство
    образования Красноярского края» the text names, not for the region."""
    words = post.normal.split()
    at = next((k for k, w in enumerate(words) if w.lower() in OFFICE_BODIES), None)
    if at is None:
        return None
    if at == len(words) - 1:
        # «первый заместитель министра» alone: of the ministry named last before it
        return entities.last_before(
            post.start,
            lambda r: r.type == "organization" and entities.orgs[r.index].name.lower().startswith(MINISTRY_STEM),
        )
    ref = entities.by_name(" ".join([OFFICE_BODIES[words[at].lower()], *words[at + 1 :]]))
    if ref is None or ref.type != "organization":
        return None
    # of the same place: «министр иностранных дел Японии» is no one of «МИД РФ»
    org = entities.orgs[ref.index]
    own = _place_stems(words[at + 1 :])
    named = [_place_stems(n.split()[1:]) for n in [org.name, *org.aliases]]
    return ref if not own or not any(named) or any(own & stems for stems in named) else None


def _place_stems(words: list[str]) -> set[str]:
    """The capitalized words of a name after its head, cut to their stems: the place it names."""
    return {w.lower()[:PLACE_STEM] for w in words if w[:1].isupper()}


RESOLVERS = (
    _body_of_the_office, _named_org, _named_inside, _possessor, _described_org, _territory, _place_by_adjective
)


def link_post_orgs(
    persons: list[Person], orgs: list[Organization], locs: list[Location], tagged: Tagged
) -> None:
    """`org_ref` of each post, its `org` as that entity's name, and whether it is a rank or a
    trade."""
    entities = Entities(orgs, locs, tagged, persons)
    for person in persons:
        linked = []
        for post in person.posts:
            if _place_adjective(post.org) and _place_by_adjective(post, entities) is None:
                # «уфимский политолог» with no Уфа in the text: the adjective names no entity, and no
                # organization whose name opens with it («Татарский культурный центр» for «татарский поэт»)
                post = replace(post, org=None)
            ref = next((r for resolve in RESOLVERS if (r := resolve(post, entities)) is not None), None)
            if ref is not None:
                post = replace(post, org=entities.name_of(ref), org_ref=ref)
            linked.append(replace(post, rank=is_rank(post.normal), trade=_trade_alone(post)))
        person.posts = _one_per_office(linked, entities)


def _trade_alone(post: Post) -> bool:
    """An occupation held in no organization: «писатель Олег Кривощеков», «тбилисский врач»,
    against «журналист газеты «Ведомости»» (professions.txt and occupations.txt)."""
    of_organization = post.org_ref is not None and post.org_ref.type == "organization"
    return not of_organization and role_key(post.role) in post_lexicon().professions and not _of_a_district(post)


def _of_a_district(post: Post) -> bool:
    """«нотариус Казанского нотариального округа»: an occupation named with the district of its office
    after it (a place in the genitive, no adjective before the occupation) is a position."""
    words = post.normal.split()
    return post.org_ref is not None and len(words) > len(post.role.split()) and words[-1].lower().startswith("округ")


def _one_per_office(posts: list[Post], entities: Entities) -> list[Post]:
    """«генеральный директор «Сибирской генерирующей компании»» and later «генеральным
    директором компании» of the same company: one post, named the fuller way, with the places
    of both; so too a post of a region said short in a headline and in full in the body («врио
    министра здравоохранения Приморья», «временно исполняющая обязанности министра
    здравоохранения Приморского края»)."""
    kept: list[Post] = []
    for p in posts:
        same = next((i for i, q in enumerate(kept) if _one_office(q, p, entities)), None)
        if same is None:
            kept.append(p)
            continue
        q = kept[same]
        # the fuller way: a role spelled out («генеральный директор», not «гендиректор»), then the longer
        keep, other = (q, p) if _fullness(q) >= _fullness(p) else (p, q)
        mentions = sorted({*keep.mentions, *other.mentions}, key=lambda m: m.start)
        if keep.org_ref is None:  # the bare post spelled fuller keeps the organization of the other
            keep = replace(keep, org=other.org, org_ref=other.org_ref)
        kept[same] = replace(keep, mentions=mentions)
    return kept


def _one_office(a: Post, b: Post, entities: Entities) -> bool:
    return (_same_office(a, b, entities) and _same_role(a, b)) or _bare_of(a, b) or _bare_of(b, a)


def _bare_of(bare: Post, named: Post) -> bool:
    """«временно исполняющий обязанности генерального директора» of a company said as the
    subject («Совет директоров АО «…» назначил ...») and a headline's «врио гендиректора
    Ладожского стеклотарного завода»: a post with no organization whose words are all of the
    role of the same person's post of an organization is that post."""
    return bare.org_ref is None and named.org_ref is not None and (
        spelled_role_key(bare.normal) == spelled_role_key(named.role)
    )


def _same_office(a: Post, b: Post, entities: Entities) -> bool:
    """The same organization, or a region and a body of that region (its name ends with the
    region's: «Министерство здравоохранения Приморского края» and «Приморский край»)."""
    if a.org_ref is None or b.org_ref is None:
        return False
    if a.org_ref == b.org_ref:
        return True
    refs = {a.org_ref.type: a.org_ref, b.org_ref.type: b.org_ref}
    if set(refs) != {"organization", "location"}:
        return False
    place = place_key(entities.name_of(refs["location"]))
    body = place_key(entities.name_of(refs["organization"]))
    return len(body) > len(place) and body[-len(place) :] == place


# the letters of a word that tell it from others in a role's shortening: «экономики» of «экономического»
ROLE_STEM = 5


def _same_role(a: Post, b: Post) -> bool:
    """The same role, or, for posts of the same office, a shortening of it that keeps all its
    words but the last, which stands later in the longer, maybe as another word of its stem
    («министр спорта» of «министр физической культуры и спорта», a headline's «министр экономики
    Калужской области» of «министр экономического развития и промышленности Калужской области»);
    a role of one word shortens nothing («заместитель»)."""
    ka, kb = spelled_role_key(a.role).split(), spelled_role_key(b.role).split()
    if ka == kb:
        return True
    if a.org_ref is None or b.org_ref is None:
        return False
    (short, _), (long, long_post) = sorted(((ka, a), (kb, b)), key=lambda kp: len(kp[0]))
    n = len(short)
    # the role stops at its first dependent; a list the post goes on with counts too: «министр
    # транспорта» of «министр инвестиций, промышленности и транспорта Республики Коми»
    whole = spelled_role_key(long_post.normal).split()
    stems = {w[:ROLE_STEM] for w in long[n - 1 :]} | {w[:ROLE_STEM] for w in whole[n - 1 :]}
    return n >= 2 and short[:-1] == long[: n - 1] and short[-1][:ROLE_STEM] in stems


def _fullness(post: Post) -> tuple[int, int]:
    """Words of the role as written (so «генеральный директор» is fuller than «гендиректор»), a
    territory said by a common noun not counted («министр здравоохранения региона» is no fuller
    than «министр здравоохранения Ивановской области»), then letters."""
    said_by_noun = sum(w in territory_nouns() for w in spelled_role_key(post.role).split())
    return len(post.role.split()) - said_by_noun, len(post.normal)
