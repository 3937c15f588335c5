"""The entities a sentence speaks of, as runs of tokens ("units"), read from the linked entities.

A unit is a mention of a person (with the post standing right before or after the name:
«губернатор Тульской области Дмитрий Миляев» is one unit, its place inside it no side of its own),
of an organization or of a place; or a reference the entity layer left alone and the facts
resolve here: a post standing for its holder («глава региона», «Губернатор Ульяновской области»),
a pronoun («его назначили»), a common noun («компания», «регион», «чиновник»). Plural references
(«стороны», «двумя вузами») stay open: which sides they mean depends on the facts around them.

Units are built per sentence, only for the sentences a fact needs.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from functools import cached_property

from extractor.lexicon.facts import counts, person_counts, reference_nouns, together_counts, words
from extractor.lexicon.orgs import legal_forms, org_heads
from extractor.lexicon.posts import is_acting, is_acting_participle, match_post_head, office_of, post_lexicon, role_key
from extractor.model import Document, EntityRef, EntityType, Location, Organization
from extractor.nlp.coverage import first_disjoint
from extractor.nlp.morph import UD_CASES, is_common, parses
from extractor.nlp.phrases import DASHES, NamedSpans, extend_dependents, field_end, object_of_the_verb_before
from extractor.nlp.tagging import ADJECTIVE_ENDING, Tagged, Token, surname_shape_gender

Ref = tuple[EntityType, int]  # ("person", 0): a list of the document and an index into it

# how many sentences back a pronoun or a common noun may point
REFERENCE_REACH = 3
PRONOUNS = {"он": "masc", "она": "femn"}
# the tagger's lemma of «её» as a personal pronoun and as a possessive alike («его» is «он» or «его»)
FEMININE_OBLIQUE = "ее"
# the oblique forms of «он», «она», possessives too, by the gender they stand for: «о её назначении»,
# and right after a verb its object though the tagger reads a possessive («совет директоров банка
# назначил его председателем»)
OBLIQUE_GENDERS = {"его": "masc", "её": "femn", "ее": "femn"}
PLURAL_PRONOUNS = frozenset({"они"})
RELATIVE = "который"


@dataclass(frozen=True)
class Unit:
    first: int  # token range
    last: int
    head: int  # the token whose case is the unit's case
    refs: tuple[Ref, ...]  # the entities it stands for; empty for an open plural reference
    via: str  # name | post | pronoun | noun | sides
    count: int | None = None  # «двумя вузами»: how many sides a plural reference names
    lemma: str = ""  # the reference's noun


@dataclass
class Scene:
    """A document as the facts read it: tagged text, linked entities, units per sentence."""

    tagged: Tagged
    doc: Document
    _units: dict[int, list[Unit]] = field(default_factory=dict)
    memo: dict[tuple[str, int], object] = field(default_factory=dict)  # per-sentence results of other modules

    @property
    def toks(self) -> list[Token]:
        return self.tagged.tokens

    @cached_property
    def lemmas(self) -> list[str]:
        """Each token's lemma; a verb's is its infinitive («снят» -> «снять», where the tagged
        lemma may be a stray adjective reading)."""
        return [_verb_lemma(t) if t.pos == "VERB" else t.lemma for t in self.tagged.tokens]

    @cached_property
    def spans(self) -> NamedSpans:
        return NamedSpans(self.tagged)

    @cached_property
    def name_tokens(self) -> frozenset[int]:
        """The tokens of persons' names: «Надежда» of «Надежда Колупаева» is no hope."""
        return frozenset(k for first, end in self.spans.per_end.items() for k in range(first, end))

    def entity(self, ref: Ref) -> EntityRef:
        kind, index = ref
        items = {"person": self.doc.persons, "organization": self.doc.organizations, "location": self.doc.locations}
        return EntityRef(items[kind][index].name, kind, index)

    def sentence_tokens(self, sent: int) -> range:
        s = self.tagged.sents[sent]
        return range(s.first, s.last)

    # ------------------------------------------------------------ units

    def units(self, sent: int) -> list[Unit]:
        """The units of a sentence, in text order, none overlapping another."""
        if sent not in self._units:
            self._units[sent] = _sentence_units(self, sent)
        return self._units[sent]

    def unit_at(self, tok: int) -> Unit | None:
        for u in self.units(self.toks[tok].sent):
            if u.first <= tok < u.last:
                return u
        return None

    def units_before(self, tok: int, reach: int = REFERENCE_REACH, current: list[Unit] | None = None) -> Iterator[Unit]:
        """Units before token `tok`, nearest first, back `reach` sentences (`current`: the
        units of its own sentence while they are being built)."""
        sent = self.toks[tok].sent
        for s in range(sent, max(-1, sent - reach - 1), -1):
            units = current if s == sent and current is not None else self.units(s)
            for u in sorted(units, key=lambda u: -u.first):
                if u.last <= tok:
                    yield u

    @cached_property
    def _entity_units(self) -> dict[int, list[Unit]]:
        return _entity_units(self)

    @cached_property
    def post_offices(self) -> list[list[tuple[str, str, str | None, str | None]]]:
        """Per person: (role key, whole key, office, org) of each post."""
        out = []
        for person in self.doc.persons:
            rows = []
            for post in person.posts:
                role, whole = role_key(post.role), role_key(post.normal)
                office = office_of(role, whole)
                rows.append((role, whole, office, post.org))
            out.append(rows)
        return out

    @cached_property
    def name_heads(self) -> frozenset[str]:
        """The head nouns of the organizations' names, lower case: «терминал» of «Ванинский
        навалочный терминал», so the bare noun later stands for it."""
        heads = set()
        for org in self.doc.organizations:
            for word in org.name.split():
                readings = parses(word.lower())
                nominative = any(p.tag.POS == "NOUN" and p.tag.case == "nomn" for p in readings)
                if word[:1].isalpha() and nominative and not any(p.tag.POS == "ADJF" for p in readings):
                    heads.add(word.lower())
                    break
        return frozenset(heads)

    @cached_property
    def region(self) -> int | None:
        """The region the document is about: the place of its head of region's post, else the
        region mentioned most."""
        held = self._office_place("region")
        return held if held is not None else self._most_mentioned(self._regional)

    @cached_property
    def city(self) -> int | None:
        """The town the document is about: the place of its head of town's post, else the place
        mentioned most that names no region nor country («Бердск», «Серовский городской округ»)."""
        held = self._office_place("city")
        return held if held is not None else self._most_mentioned(
            lambda i, loc: not self._regional(i, loc) and i != self.region and loc.name not in post_lexicon().countries
        )

    def _office_place(self, office_group: str) -> int | None:
        """The place of a post of this office group («губернатор» for region, «мэр» for city)."""
        for person, rows in zip(self.doc.persons, self.post_offices, strict=True):
            for post, (_r, _w, office, _o) in zip(person.posts, rows, strict=True):
                if office == office_group and post.org_ref is not None and post.org_ref.type == "location":
                    return post.org_ref.index
        return None

    @staticmethod
    def _regional(_i: int, loc: Location) -> bool:
        return any(w in words("generic_place") for w in loc.name.lower().split())

    def _most_mentioned(self, wanted: Callable[[int, Location], bool]) -> int | None:
        """The place mentioned most of those wanted, the first of equals."""
        best = None
        for i, loc in enumerate(self.doc.locations):
            if wanted(i, loc) and (best is None or len(loc.mentions) > best[0]):
                best = (len(loc.mentions), i)
        return best[1] if best else None


VERB_TAGS = frozenset({"VERB", "INFN", "PRTF", "PRTS", "GRND"})


def _verb_lemma(tok: Token) -> str:
    return next((p.normal_form.replace("ё", "е") for p in tok.parses if p.tag.POS in VERB_TAGS), tok.lemma)


def same_person(scene: Scene, a: Ref, b: Ref) -> bool:
    """One person, even when the entity layer kept two («Илшат Тажитдинов» and «Тажитдинов Илшат
    Азаматович» in a decree): the same surname and first names that agree."""
    if a == b:
        return True
    if a[0] != "person" or b[0] != "person":
        return False
    pa, pb = scene.doc.persons[a[1]], scene.doc.persons[b[1]]
    if pa.last and pb.last and _plain(pa.last) == _plain(pb.last):
        return not pa.first or not pb.first or _plain(pa.first)[:1] == _plain(pb.first)[:1]
    # the name words of one within the other's, in any order («Тажитдинов Илшат Азаматович»)
    wa, wb = set(_plain(pa.name).split()), set(_plain(pb.name).split())
    return min(len(wa), len(wb)) >= 2 and (wa <= wb or wb <= wa)


def _plain(word: str) -> str:
    return word.lower().replace("ё", "е")


def may_be_nominative(scene: Scene, unit: Unit) -> bool:
    """The dictionary reads the unit's head as a nominative too, whatever case the tagger gave it:
    «университет», «техникум» (nominative or accusative)."""
    return any(p.tag.case == "nomn" for p in scene.toks[unit.head].parses)


def unit_case(scene: Scene, unit: Unit) -> str | None:
    """The case a unit stands in, None when its words cannot tell: an organization named by a
    legal form and a quoted name («ООО «Бета»»), an abbreviation, a name that does not decline."""
    toks = scene.toks
    head = toks[unit.head]
    if unit.refs and unit.refs[0][0] == "organization":
        first = toks[unit.first].text
        quoted = any(toks[k].text in ("«", '"', "„") for k in range(unit.first, unit.head))
        if quoted or (first.isupper() and len(first) > 1) or not head.text[:1].isalpha():
            return None
    if head.text.isupper() and len(head.text) > 1:
        return None
    if unit.via == "sides" and unit.lemma in person_counts():
        return "Nom"  # «трое» standing for persons, which the tagger may read as an inanimate accusative
    if unit.via == "sides" and reference_nouns().get(unit.lemma or "") == "counted" and head.case == "Gen" and (
        toks[unit.head - 1].pos == "NUM"
    ):
        return toks[unit.head - 1].case  # «три организации подписали»: the noun is in its count's case
    return head.case


# ---------------------------------------------------------------- units from the entities


def _token_range(tagged: Tagged, start: int, end: int) -> tuple[int, int] | None:
    first, last = tagged.token_at(start), tagged.token_ending(end)
    if first is None or last is None:
        return None
    return first, last + 1


def _noun_head(toks: list[Token], first: int, last: int) -> int:
    nouns = [k for k in range(first, last) if toks[k].pos in ("NOUN", "PROPN")]
    common = [k for k in nouns if not _adjective_read_as_name(toks[k])]
    return (common or nouns or [first])[0]


def _adjective_read_as_name(tok: Token) -> bool:
    """«Щёкинским химико-технологическим колледжем»: a capitalized adjective the tagger took for
    a name is the noun's modifier, and its case no guide to the unit's."""
    return tok.pos == "PROPN" and any(p.tag.POS == "ADJF" for p in tok.parses)


def _entity_units(scene: Scene) -> dict[int, list[Unit]]:
    """Units of the persons (each mention with the post beside it), organizations, places."""
    tagged, doc, toks = scene.tagged, scene.doc, scene.toks
    found: list[Unit] = []
    for k, person in enumerate(doc.persons):
        posts = [r for p in person.posts if (r := _token_range(tagged, p.start, p.end))]
        for m in person.mentions:
            r = _token_range(tagged, m.start, m.end)
            if r is None:
                continue
            first, last = r
            is_post = match_post_head(toks, first, last) is not None
            head = _noun_head(toks, first, last) if is_post else _name_head(toks, first, last)
            for p_first, p_last in posts:
                case_word = _post_head(toks, p_first, p_last, head)
                if p_last == first and (case_word == head or _agrees(toks[case_word], toks[head])):
                    # «губернатор Тульской области | Дмитрий Миляев»; not «заместитель | Шустова»
                    first = _post_start(toks, p_first, p_last)
                    head = _post_head(toks, first, p_last, head)
                elif p_first == last + 1 and toks[last].text in (",", "(", "–", "—", "-"):
                    last = p_last  # «Иван Петров, генеральный директор компании»
            found.append(Unit(first, last, head, (("person", k),), "post" if is_post else "name"))
    for kind, items in (("organization", doc.organizations), ("location", doc.locations)):
        for k, item in enumerate(items):
            for m in item.mentions:
                r = _token_range(tagged, m.start, m.end)
                if r is not None:
                    found.append(Unit(r[0], r[1], _noun_head(toks, *r), ((kind, k),), "name"))
    by_sent: dict[int, list[Unit]] = {}
    for u in found:
        by_sent.setdefault(toks[u.first].sent, []).append(u)
    return by_sent


def _noun_post_at(toks: list[Token], k: int, last: int) -> bool:
    end = match_post_head(toks, k, last)
    return end is not None and toks[end - 1].pos == "NOUN"


def _name_head(toks: list[Token], first: int, last: int) -> int:
    """The word of a name whose case counts: not an initial («Л. Шустов»)."""
    return next((k for k in range(first, last) if len(toks[k].text) > 1 and toks[k].text.isalpha()), first)


def _post_head(toks: list[Token], first: int, last: int, name_head: int) -> int:
    """The word whose case is that of a post before a name: its head noun, better tagged than a
    foreign name; the name after a short acting word, which does not decline and leaves the noun a
    genitive («Врио министра ... Ильдар Ахметшин», «И.о. главы города ...»)."""
    for k in range(first, last):
        end = match_post_head(toks, k, last)
        if end is not None and toks[end - 1].pos == "NOUN":
            if any(_short_acting(toks[j]) for j in range(first, end)):
                return name_head
            return next((j for j in range(k, end) if toks[j].pos == "NOUN"), end - 1)
    return first


def _short_acting(tok: Token) -> bool:
    """«врио», «и.о.»: acting said by a word that does not decline (not «исполняющий»)."""
    return is_acting(tok) and not is_acting_participle(tok)


def _post_start(toks: list[Token], first: int, last: int) -> int:
    """Where a post really begins: at its head and the adjectives before it («Чрезвычайным и
    Полномочным Послом», «Врио министра»), not at words the posts rule took in before them
    («рабочей встречи губернатора»)."""
    head = next((k for k in range(first, last) if _noun_post_at(toks, k, last)), first)
    while head > first and (toks[head - 1].pos == "ADJ" or toks[head - 1].text == "и" or _short_acting(toks[head - 1])):
        head -= 1
    return head


def _without_overlaps(units: list[Unit]) -> list[Unit]:
    """The longest units first; a person before an organization before a place."""
    rank = {"person": 0, "organization": 1, "location": 2}
    ordered = sorted(units, key=lambda u: (u.first - u.last, rank[u.refs[0][0]] if u.refs else 3))
    return first_disjoint(ordered, lambda u: (u.first, u.last))


def _sentence_units(scene: Scene, sent: int) -> list[Unit]:
    units = list(scene._entity_units.get(sent, []))
    units = _with_post_references(scene, sent, units)
    units = _without_overlaps(units)
    covered = {k for u in units for k in range(u.first, u.last)}
    for k in scene.sentence_tokens(sent):
        if k not in covered:
            ref = _word_reference(scene, k, units)
            if ref is not None:
                units.append(ref)
    return sorted(units, key=lambda u: u.first)


# ---------------------------------------------------------------- posts standing for their holder


def _with_post_references(scene: Scene, sent: int, units: list[Unit]) -> list[Unit]:
    """Posts outside the person units: one right before a name joins it («губернатор Тульской
    области Дмитрий Миляев» said a second time); one standing alone stands for the one person
    holding it («глава региона пообщался»)."""
    toks = scene.toks
    s = scene.tagged.sents[sent]
    names = {u.first: u for u in units if u.refs[0][0] == "person" and u.via == "name"}
    inside = {k for u in units if u.refs[0][0] == "person" for k in range(u.first, u.last)}
    out = list(units)
    i = s.first
    while i < s.last:
        head_end = None if i in inside else match_post_head(toks, i, s.last)
        if head_end is None or toks[head_end - 1].feats.get("Number") == "Plur":
            i += 1
            continue
        last = extend_dependents(scene.tagged, scene.spans, head_end, s.last)
        if last in names and _agrees(toks[head_end - 1], toks[last]):
            name = names[last]
            out[out.index(name)] = replace(name, first=i, head=_post_head(toks, i, last, name.head))
        elif i > s.first and (toks[i - 1].lemma in words("slot") or toks[i - 1].lemma in words("new_holder")):
            pass  # «на пост госсекретаря», «о назначении нового премьера»: the post, not who holds it
        elif _predicate(toks, i, head_end):
            pass  # «стал министром», «назначен представителем»: what someone becomes, no reference
        else:
            holder = _post_holder(scene, units, i, head_end, last)
            if holder is not None:
                out.append(Unit(i, last, _noun_head(toks, i, head_end), (("person", holder),), "post"))
        i = max(last, i + 1)
    return out


def _predicate(toks: list[Token], i: int, head_end: int) -> bool:
    """A post in the instrumental with no preposition says what someone is or becomes."""
    head = next((k for k in range(i, head_end) if toks[k].pos == "NOUN"), head_end - 1)
    return toks[head].case == "Ins" and (i == 0 or toks[i - 1].pos != "ADP")


def _agrees(head: Token, name: Token) -> bool:
    """A post before a name is its apposition when they can stand in one case: «министра
    культуры Ирину Белову» (an animate accusative the tagger read as a genitive), «министра ...
    Айбулата Хажина» (a rare name it read as a nominative); not «заместитель Шустова», not
    «Распоряжением губернатора Сергей Иванов»."""
    if head.pos != "NOUN":
        return False
    if head.case is None or name.case is None or head.case == name.case:
        return True
    if head.case == "Nom":
        return False  # a name after a nominative post in another case is its dependent
    if surname_shape_gender(name.text) == "Masc":
        # «главного врача больницы Ардашев исполняет»: a man's surname in -ов, -ин, -ский is a nominative
        # (its genitive and, for a person, accusative take «-а»: «Ардашева»)
        return False
    if not any(p.is_known for p in name.parses):
        return True  # a name the dictionary does not know: its case is the tagger's guess
    return _can_be(name, head.case) or _can_be(head, name.case)


def _can_be(tok: Token, case: str) -> bool:
    cases = UD_CASES.get(case, set())
    return any(p.tag.case in cases for p in tok.parses if p.tag.POS == "NOUN")


def _post_holder(scene: Scene, units: list[Unit], i: int, head_end: int, last: int) -> int | None:
    """The one person holding the post over tokens [i, last): the same post, the same role with
    no other organization, or the same office («губернатор» / «глава региона»)."""
    toks = scene.toks
    role = " ".join(t.lemma for t in toks[i:head_end])
    whole = " ".join(t.lemma for t in toks[i:last] if t.text[:1].isalnum())
    office = office_of(role, whole)
    named = [u for u in units if i <= u.first and u.last <= last and u.refs[0][0] != "person"]
    org = scene.entity(named[0].refs[0]).name if named else None
    levels: list[set[int]] = [set(), set(), set(), set()]
    for k, rows in enumerate(scene.post_offices):
        for p_role, p_whole, p_office, p_org in rows:
            if p_whole == whole:
                levels[0].add(k)
            elif p_role == role and (org is None or p_org is None or p_org == org):
                levels[1].add(k)
            elif office and p_office == office and (org is None or p_org is None or p_org == org):
                levels[2].add(k)
            elif " " not in role and p_role.split()[-1:] == [role] and org is not None and p_org == org:
                levels[3].add(k)  # «с послом Республики Беларусь»: the «Чрезвычайный и Полномочный Посол» of it
    for level in levels:
        if len(level) == 1:
            return next(iter(level))
        if level:
            return None
    if office:
        return _protagonist_before(scene, i)
    return None


def _protagonist_before(scene: Scene, i: int) -> int | None:
    """«Николай Балахин побывал на предприятии. ... глава города и директор обсудили»: an office
    nobody holds is the one person without a post named in the sentence before (or earlier in
    this one)."""
    sent = scene.toks[i].sent
    for s in (sent, sent - 1):
        if s < 0:
            continue
        named = {
            u.refs[0][1] for u in scene._entity_units.get(s, [])
            if u.refs[0][0] == "person" and u.via == "name" and (s < sent or u.last <= i)
        }
        postless = [k for k in named if not scene.doc.persons[k].posts]
        if len(named) == 1 and postless:
            return postless[0]
        if named:
            return None
    return None


# ---------------------------------------------------------------- pronouns and common nouns


def _word_reference(scene: Scene, k: int, units: list[Unit]) -> Unit | None:
    tok = scene.toks[k]
    if tok.pos == "PRON":
        return _pronoun(scene, k, units)
    if tok.pos == "NUM":
        return _persons_counted(scene, k)
    opening = k == scene.tagged.sents[tok.sent].first and tok.text[1:].islower()
    # the tagger may read a capitalized common noun opening a sentence as a name: «Банк заключил»
    noun = tok.pos == "NOUN" or opening and tok.pos == "PROPN" and is_common(tok.parses)
    if not noun or not (tok.text.islower() or opening):
        return None  # «Стороны подписали» opens a sentence; «Регион» inside one is a name
    # a head of names the list leaves out («комбинат» for ООО «Вяземский льнокомбинат») stands for
    # the organization named last before it with that noun in its name, as «агентство» does
    qualified = f"{scene.toks[k - 1].lemma} {tok.lemma}" if k > 0 else ""
    what = (
        reference_nouns().get(qualified) or reference_nouns().get(tok.lemma)
        or ("head" if (tok.lemma,) in org_heads() or _name_head_subject(scene, k) else None)
    )
    if what is None or _names_something(scene, k) or _a_field(scene, k) or _quoted(scene, k):
        return None
    if tok.text.lower() == EDGE_FORM and k > 0 and scene.toks[k - 1].text.lower() == "на":
        return None  # «на краю своего комбината»: the edge of something, not the region
    plural = tok.feats.get("Number") == "Plur"
    if what == "counted":
        # «три организации» is a genitive singular after its count, «пять организаций» a plural
        count = _count_before(scene, k) if plural or tok.case == "Gen" else None
        return Unit(k, k + 1, k, (), "sides", count, tok.lemma) if count is not None else None
    side_of = k > 0 and scene.toks[k - 1].text.lower() in ("со", "с")
    if tok.lemma == "сторона" and (not plural or side_of):
        return None  # «со стороны региона»: who the side is comes after
    if what == "sides" or (plural and what in ("company", "university", "region", "bank", "head")):
        count = _count_before(scene, k)
        if what != "sides" and count is None:
            # «университеты подписали меморандум»: the subject stands for the two of its kind
            # named before; «представители белорусских предприятий» have no sides of their own
            named = _named_of_kind(scene, k, what) if tok.case == "Nom" else []
            return Unit(k, k + 1, k, tuple(named), "noun", lemma=tok.lemma) if len(named) == 2 else None
        return Unit(k, k + 1, k, (), "sides", count, tok.lemma)
    if plural:
        return None
    ref = _resolve_noun(scene, k, what, units)
    return Unit(k, k + 1, k, (ref,), "noun", lemma=tok.lemma) if ref else None


# «краю» after «на» is an edge («на краю села»), never the region (which is «в крае», «по краю»)
EDGE_FORM = "краю"


def _name_head_subject(scene: Scene, k: int) -> bool:
    """«Договор ... терминал подписал»: a nominative noun heading a name of the text («Ванинский
    навалочный терминал») stands for it, and so does the agent of a passive right after it
    («Сегодня мануфактурой подписаны договоры»); in other cases such a noun mostly names a thing
    («в кабинете» beside «Кабинет министров»)."""
    toks = scene.toks
    tok = toks[k]
    if tok.lemma not in scene.name_heads:
        return False
    agent = tok.case == "Ins" and k + 1 < len(toks) and toks[k + 1].feats.get("Voice") == "Pass"
    return tok.case == "Nom" or agent


# «в области здравоохранения», «в области мембранных технологий»: a field of work, no region
def _a_field(scene: Scene, k: int) -> bool:
    """A noun of a field before the genitive it names: «сотрудничество в области энергетики»."""
    return field_end(scene.toks, k, scene.tagged.sents[scene.toks[k].sent].last) is not None


# how many words a quoted name holds at most, unlike a quoted speech
QUOTED_NAME_WORDS = 6


def _quoted(scene: Scene, k: int) -> bool:
    """A word inside a quoted name («программы «Сталь и город»»), not in a quoted speech."""
    toks = scene.toks
    sent = scene.tagged.sents[toks[k].sent]
    opening = next((j for j in range(k - 1, max(sent.first, k - QUOTED_NAME_WORDS) - 1, -1)
                    if toks[j].text in ("«", "»")), None)
    if opening is None or toks[opening].text != "«":
        return False
    return any(toks[j].text == "»" for j in range(k + 1, min(sent.last, opening + QUOTED_NAME_WORDS + 1)))


def _names_something(scene: Scene, k: int) -> bool:
    """«компании «МИДАУС»», «банка ВТБ»: the noun heads a name, it is no reference."""
    toks = scene.toks
    sent = scene.tagged.sents[toks[k].sent]
    if k + 1 >= sent.last:
        return False
    nxt = toks[k + 1]
    return nxt.text in ("«", '"', "„") or (nxt.text[:1].isupper() and nxt.pos == "PROPN")


def _count_before(scene: Scene, k: int) -> int | None:
    toks = scene.toks
    j = k - 1
    while j >= 0 and toks[j].pos == "ADJ" and toks[j].sent == toks[k].sent:
        j -= 1
    if j >= 0 and toks[j].sent == toks[k].sent:
        if counts().get(toks[j].lemma):
            return counts()[toks[j].lemma]
        if toks[j].text.isdigit():
            return int(toks[j].text)
    return None


def _relative(scene: Scene, k: int, units: list[Unit]) -> Unit | None:
    """«который» after a comma and its preposition stands for what the comma follows: «АО «Альфа» и ООО
    «Бета», с которыми университет заключил договоры» names both, in the singular the last one. The
    subject of a relative clause («Петров, который возглавлял завод») is the modules' own to read."""
    toks = scene.toks
    # «X, которого совет избрал директором»: a person's object needs no preposition
    comma = k - 1 if k > 0 and toks[k - 1].text == "," and toks[k].case not in (None, "Nom") else k - 2
    if comma < 0 or (comma == k - 2 and toks[k - 1].pos != "ADP") or toks[comma].text != ",":
        return None
    chain: list[Unit] = []
    end = comma
    while (unit := next((u for u in units if u.last == end and u.refs), None)) is not None:
        chain.insert(0, unit)
        if unit.first == 0 or toks[unit.first - 1].text.lower() not in ("и", ","):
            break
        end = unit.first - 1
    if toks[k].feats.get("Number") != "Plur":
        chain = chain[-1:]
    refs = tuple(r for u in chain for r in u.refs)
    if comma == k - 1:  # a clause's object standing for a party would cut the party's clause apart
        refs = tuple(r for r in refs if r[0] == "person")
    return Unit(k, k + 1, k, refs, "pronoun") if refs else None


def _persons_counted(scene: Scene, k: int) -> Unit | None:
    """«все трое», «оба» as a subject standing alone: that many persons named before, as «они»
    stands for them («Около двух часов все трое разбирали схему»); not «оба министра», «трое детей»."""
    toks = scene.toks
    word = toks[k].text.lower()
    count = person_counts().get(word)
    if count is None or k + 1 < len(toks) and (_counted_noun(word, toks[k + 1]) or toks[k + 1].text == "из"):
        return None  # «двое из них»: some of a group
    return Unit(k, k + 1, k, (), "sides", count, word)


def _counted_together(toks: list[Token], k: int) -> int | None:
    """How many persons «они» are when an adverb next to it counts them: «Втроём они обошли площадь»."""
    for j in (k - 1, k + 1):
        if 0 <= j < len(toks) and toks[j].sent == toks[k].sent:
            count = together_counts().get(toks[j].text.lower().replace("ё", "е"))
            if count is not None:
                return count
    return None


def _counted_noun(numeral: str, tok: Token) -> bool:
    """The noun a collective numeral counts: «оба министра» in the genitive singular, «трое суток»
    in the plural; not a time after it: «все трое часа три разбирали»."""
    number = "Sing" if numeral in ("оба", "обе") else "Plur"
    return tok.pos in ("NOUN", "PROPN", "ADJ") and tok.feats.get("Number") == number


def _pronoun(scene: Scene, k: int, units: list[Unit]) -> Unit | None:
    tok = scene.toks[k]
    if tok.lemma == RELATIVE:
        return _relative(scene, k, units)
    if tok.lemma in PLURAL_PRONOUNS:
        return Unit(k, k + 1, k, (), "sides", _counted_together(scene.toks, k), tok.lemma)
    if tok.lemma in PRONOUNS and tok.case == "Nom" and (partners := _organization_partners(scene, k)) is not None:
        return _organization_pronoun(scene, k, units, partners)
    gender = PRONOUNS.get(tok.lemma)
    if gender is None and tok.lemma == FEMININE_OBLIQUE and not _owns_the_next(scene.toks, k):
        gender = "femn"  # «Главным врачом её назначили 1 декабря»
    if gender is None and object_of_the_verb_before(scene.toks, k):
        gender = OBLIQUE_GENDERS.get(tok.text.lower())
    if gender is None:
        return None
    candidates = [
        u for u in scene.units_before(k, 1, units)
        if u.refs and u.refs[0][0] == "person" and gender_of(scene, u.refs[0][1]) in (gender, None)
        and not (tok.case != "Nom" and same_clause_subject(scene, u, k))  # «Папа назначил его»
    ]
    # the one the text speaks of: a subject before anyone else («X работал ..., однако его назначили»),
    # in the pronoun's own sentence first, from another clause of it («Руководство перешло к Виктору
    # Тхаю — он назначен»; not «С его директором Y она обсуждала»: no pronoun stands for a noun of its
    # own clause)
    own = [u for u in candidates if scene.toks[u.first].sent == tok.sent and _clause_break(scene, u.last, k)]
    candidates = own or candidates
    subjects = [u for u in candidates if unit_case(scene, u) == "Nom"]
    for u in subjects[:1] or candidates[:1]:
        return Unit(k, k + 1, k, u.refs, "pronoun")
    return None


# what a common noun joined to a pronoun may stand for, when it stands for an organization
ORGANIZATION_REFERENCES = frozenset({"company", "bank", "university", "administration", "head"})


def _organization_partners(scene: Scene, k: int) -> frozenset[int] | None:
    """«она и КТУ подписали», «вчера она и банк подписали»: a pronoun joined by «и» to an
    organization's name (the organizations of that mention) or to a noun that stands for one (none
    named); None when it is joined to no organization."""
    toks = scene.toks
    if k + 2 >= len(toks) or toks[k + 1].text.lower() != "и":
        return None
    partner = toks[k + 2]
    orgs = scene.doc.organizations
    named = frozenset(i for i, org in enumerate(orgs) if any(m.start == partner.start for m in org.mentions))
    if named or partner.text.islower() and reference_nouns().get(partner.lemma) in ORGANIZATION_REFERENCES:
        return named
    return None


def _organization_pronoun(scene: Scene, k: int, units: list[Unit], partners: frozenset[int]) -> Unit | None:
    """The organization named last before the pronoun, other than its partner after «и»: «После
    обеда настала очередь ООО «Б». ... она и КТУ подписали договор»."""
    for u in scene.units_before(k, REFERENCE_REACH, units):
        if u.refs and u.refs[0][0] == "organization" and u.refs[0][1] not in partners:
            return Unit(k, k + 1, k, u.refs, "pronoun")
    return None


def _owns_the_next(toks: list[Token], k: int) -> bool:
    """The pronoun at k may own the word after it, a noun or an adjective in a case other than the
    instrumental: «её заместитель», not «её директором»."""
    nxt = toks[k + 1] if k + 1 < len(toks) else None
    return nxt is not None and nxt.pos in ("NOUN", "PROPN", "ADJ") and nxt.case != "Ins"


CLAUSE_MARKS = DASHES | {",", ":", ";"}
# what ends the clause of a subject before a pronoun («X больше не работает: глава Y расторг с ним
# договор»); a dash may close an apposition of the subject instead
CLAUSE_ENDS = frozenset({",", ":", ";"})


def _clause_break(scene: Scene, start: int, end: int) -> bool:
    """A comma, a dash, a colon or a semicolon among tokens [start, end)."""
    return any(scene.toks[j].text in CLAUSE_MARKS for j in range(start, end))


def same_clause_subject(scene: Scene, unit: Unit, k: int) -> bool:
    """A nominative in the pronoun's own clause (no comma, colon or semicolon between them)."""
    toks = scene.toks
    return (
        toks[unit.first].sent == toks[k].sent and unit_case(scene, unit) == "Nom"
        and all(toks[j].text not in CLAUSE_ENDS for j in range(unit.last, k))
    )


def gender_of(scene: Scene, person: int) -> str | None:
    """«masc» or «femn» by the person's first name, None when it cannot tell."""
    first = scene.doc.persons[person].first
    if not first or first.endswith("."):
        return None
    names = [p for p in parses(first.lower()) if "Name" in p.tag]
    return names[0].tag.gender if names else None


def _resolve_noun(scene: Scene, k: int, what: str, units: list[Unit]) -> Ref | None:
    if what == "region":
        return ("location", scene.region) if scene.region is not None else None
    if what == "city":
        return ("location", scene.city) if scene.city is not None else None
    if what == "person":  # «Гусев освободил чиновника»: someone of the sentences before
        sent = scene.toks[k].sent
        if (after := _named_after_a_dash(scene, k, units)) is not None:
            return after  # «принимала первого гостя — директора ООО «А» Руслана Ичетовкина»
        for u in scene.units_before(k, REFERENCE_REACH, units):
            if u.refs and u.refs[0][0] == "person" and scene.toks[u.first].sent < sent:
                return u.refs[0]
        return None
    orgs = scene.doc.organizations
    lemma = scene.toks[k].lemma
    if (same := _said_with_the_same_noun(scene, k, units)) is not None:
        return same
    if (named := _named_with_its_adjective(scene, k)) is not None:
        return named
    # another noun of the sentence stands for another body: «Кооператив будет передавать предприятию»
    taken = {u.refs[0] for u in units if u.via == "noun" and u.refs and u.lemma != lemma and u.last <= k}
    candidates = [
        u for u in scene.units_before(k, REFERENCE_REACH, units)
        if u.refs and u.refs[0][0] == "organization" and _stands_for(scene, orgs[u.refs[0][1]], what, lemma)
        and not (_partner_of(scene, u, k, units) or _exchange_of_ticker(scene, u)) and u.refs[0] not in taken
    ]
    if candidates and _subject_of_its_verb(scene, k) and (subject := _subject_told_last(scene, candidates, k)):
        # a subject stands for the subject of the sentence before rather than for its partner:
        # «АО «А» заключило с кооперативом «Б» договор. ... предприятие подписало с администрацией»
        return subject.refs[0]
    if candidates:
        return candidates[0].refs[0]
    fitting = [i for i in range(len(orgs)) if _fits(orgs[i], what, lemma)]
    if len(fitting) == 1:
        return ("organization", fitting[0])
    if what == "administration" and not fitting and scene.city is not None:
        return ("location", scene.city)  # «мэрия» of a town whose administration the text does not name
    return None


def _named_with_its_adjective(scene: Scene, k: int) -> Ref | None:
    """The one organization named before k whose name holds the noun at k with the adjective before
    it: «управляющая компания» for ООО «Лысковская управляющая компания», named among other companies."""
    toks = scene.toks
    adj = toks[k - 1] if k > 0 else None
    describes = adj is not None and (adj.pos == "ADJ" or adj.feats.get("VerbForm") == "Part")
    if adj is None or not describes or not adj.text.islower() or adj.case != toks[k].case:
        return None
    adj_stem = ADJECTIVE_ENDING.sub("", adj.text.lower())
    phrase = re.compile(rf"(?<!\w){re.escape(adj_stem)}\w*\s+{re.escape(_stem(toks[k].lemma))}")
    start = toks[k].start
    named = [i for i, org in enumerate(scene.doc.organizations)
             if phrase.search(org.name.lower()) and any(m.start < start for m in org.mentions)]
    return ("organization", named[0]) if len(named) == 1 else None


def _said_with_the_same_noun(scene: Scene, k: int, units: list[Unit]) -> Ref | None:
    """The body the same noun stood for in the sentence before, when it stood for one other than the
    other nouns' there: «Кооператив будет передавать предприятию ... Сегодня предприятие заключило»."""
    toks = scene.toks
    sent = toks[k].sent
    if sent == 0:
        return None
    before = [u for u in scene.units(sent - 1) if u.via == "noun" and u.refs and u.refs[0][0] == "organization"]
    same = [u for u in before if u.lemma == toks[k].lemma]
    others = {u.refs[0] for u in before if u.lemma != toks[k].lemma}
    if len(same) != 1 or not others or same[0].refs[0] in others:
        return None
    return same[0].refs[0]


# how far after the dash that follows a reference noun the person it stands for may be named
NAMED_AFTER_DASH_REACH = 12


def _named_after_a_dash(scene: Scene, k: int, units: list[Unit]) -> Ref | None:
    """The person named after a dash right after the noun at k, in its sentence: «первого гостя —
    генерального директора ООО «А» Руслана Ичетовкина»."""
    toks = scene.toks
    if k + 1 >= len(toks) or toks[k + 1].text not in DASHES:
        return None
    for u in units:
        if k + 1 < u.first <= k + 1 + NAMED_AFTER_DASH_REACH and toks[u.first].sent == toks[k].sent and u.refs and (
            u.refs[0][0] == "person"
        ):
            return u.refs[0]
    return None


def _stands_for(scene: Scene, org: Organization, what: str, lemma: str) -> bool:
    return _fits(org, what, lemma) or what == "head" and _named_after(scene, org, lemma)


def _named_after(scene: Scene, org: Organization, lemma: str) -> bool:
    """The organization's name follows that noun in a mention: «клуб» for «Футбольный клуб
    «Курганинск»», whose name is «Курганинск»."""
    for m in org.mentions:
        k = scene.tagged.token_at(m.start)
        if k is not None and k > 0 and scene.lemmas[k - 1] == lemma:
            return True
    return False


def _subject_of_its_verb(scene: Scene, k: int) -> bool:
    """A nominative noun the finite verb after it agrees with: «предприятие подписало», not
    «отделение которой возглавлял»."""
    toks = scene.toks
    noun = toks[k]
    if noun.case != "Nom":
        return False
    end = scene.tagged.sents[noun.sent].last
    verb = next((toks[j] for j in range(k + 1, end) if toks[j].feats.get("VerbForm") == "Fin"), None)
    return verb is not None and agrees_with_verb(noun, verb)


def agrees_with_verb(noun: Token, verb: Token) -> bool:
    """A noun and a verb agree as subject and predicate: in number, and in the past singular in
    gender too («предприятие подписало», «совет проголосовал»)."""
    if verb.feats.get("Number") != noun.feats.get("Number"):
        return False
    return verb.feats.get("Tense") != "Past" or verb.feats.get("Number") == "Plur" or (
        verb.feats.get("Gender") == noun.feats.get("Gender")
    )


def _subject_told_last(scene: Scene, candidates: list[Unit], k: int) -> Unit | None:
    """Of the candidates (nearest first), the subject of the last sentence before k's that names one."""
    toks = scene.toks
    told = [u for u in candidates if toks[u.first].sent < toks[k].sent]
    last = [u for u in told if toks[u.first].sent == toks[told[0].first].sent] if told else []
    return next((u for u in last if _subject_like(scene, u)), None)


def _subject_like(scene: Scene, unit: Unit) -> bool:
    """A name that may be its sentence's subject: in the nominative (or of no case its words tell)
    before any finite verb of its sentence."""
    toks = scene.toks
    first = scene.tagged.sents[toks[unit.first].sent].first
    before_verb = not any(toks[j].pos in ("VERB", "AUX") and toks[j].feats.get("VerbForm") == "Fin"
                          for j in range(first, unit.first))
    return before_verb and unit_case(scene, unit) in (None, "Nom")


def _exchange_of_ticker(scene: Scene, unit: Unit) -> bool:
    """«ПАО «Уралхимпром» (MOEX: UHPM). Выручка компании ...»: the exchange of a ticker is never
    the company a common noun speaks of."""
    toks = scene.toks
    before_colon = unit.last < len(toks) and toks[unit.last].text == ":"
    return before_colon and unit.first > 0 and toks[unit.first - 1].text in ("(", ";", ",")


def _partner_of(scene: Scene, unit: Unit, k: int, units: list[Unit]) -> bool:
    """«Договор с ООО «Б» компания подписала»: a «с» partner of the noun's own sentence is not
    what the noun, its subject, stands for; nor is one listed after it («с ООО «Б» и кооперативом
    «В» компания заключила»)."""
    toks = scene.toks
    if toks[unit.first].sent != toks[k].sent or toks[k].case != "Nom":
        return False
    while unit.first > 0 and toks[unit.first - 1].text.lower() in ("и", ","):
        before = next((u for u in units if u.last == unit.first - 1), None)
        if before is None:
            return False
        unit = before
    return unit.first > 0 and toks[unit.first - 1].text.lower() in ("с", "со")


def _fits(org: Organization, what: str, lemma: str = "") -> bool:
    """An organization a common noun of this kind can stand for."""
    name = org.name.lower()
    if what == "head":  # «агентство» for «Федеральное агентство по мелиорации земель»
        # or the head of its legal form spelled out: «кооператив» for СПК «Вихра», «учреждение» for an МБУ
        stem = _stem(lemma)
        spelled = legal_forms().spelled_out.get(org.legal_form or "", "")
        return stem in name.replace("ё", "е") or any(w.startswith(stem) for w in spelled.split())
    if what == "bank":  # «банк «Заря»», or named so in a mention: «Акционерный коммерческий банк «Обь-Иртыш»»
        return "банк" in name or any("банк" in m.text.lower() for m in org.mentions)
    if what == "university":
        return any(w in name for w in words("university"))
    if what == "administration":  # «мэрия» for «Администрация Южноуральского городского округа»
        return org.kind == "authority" and any(w in name for w in ("администрац", "мэри", "исполнительный комитет"))
    return org.kind == "company"


def _stem(lemma: str) -> str:
    """A noun without its ending, to find it in a name in any case: «агентств», «больниц»."""
    return lemma[:-1] if lemma[-1:] in "аяоеьйи" else lemma


def _named_of_kind(scene: Scene, k: int, what: str) -> list[Ref]:
    """The organizations of a kind («вузы», «компании») the text names before token k."""
    if what == "region":
        return []
    start = scene.toks[k].start
    lemma = scene.toks[k].lemma
    return [("organization", i) for i, org in enumerate(scene.doc.organizations)
            if _fits(org, what, lemma) and any(m.start < start for m in org.mentions)]
