"""Appointments: a person appointed, dismissed (leaving a post for any reason) or acting, stated
as done («назначен», «освободил от должности», «покинул пост», «сложил полномочия», «стал
министром», «исполняющим обязанности стал»; a decree's «Назначить ...», «Освободить ...»).

Each trigger is read in small steps (`STEPS`): whether it is done (not «будет назначен», «может
стать», «выдвинут», not «пока не назначен»), who is appointed (the subject of a passive or an
intransitive verb, the object of an active one, the genitive of «полномочия» / «назначение», «на»
+ the person of «возложить обязанности»; never who signs the decree), the post (the instrumental
«министром», «на должность ...», «от должности ...», «обязанности ...», «как ...», else the post
beside the person's name) and whether it is acting («исполняющий обязанности», «врио», «и. о.»:
the post is the one whose duties are performed). One person's statements of one action (a title,
the body, the decree quoted) are one appointment, with the fullest post.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace

from extractor.facts.clauses import POSSESSIVE_PRONOUNS, Clause
from extractor.facts.context import (
    clause_at,
    clause_planned,
    date_in,
    days_between,
    decided,
    found_triggers,
    negated,
    roles_in,
    span_of,
    triggers_of,
    verb_planned,
)
from extractor.facts.units import (
    OBLIQUE_GENDERS,
    Ref,
    Scene,
    Unit,
    agrees_with_verb,
    gender_of,
    same_clause_subject,
    same_person,
    unit_case,
)
from extractor.lexicon import Match
from extractor.lexicon.facts import appointment_triggers, not_offices, plan_words, post_modifiers, words
from extractor.lexicon.orgs import event_heads, org_heads, time_nouns
from extractor.lexicon.posts import match_post_head, post_lexicon
from extractor.model import Appointment, DateItem, Person
from extractor.nlp.inflect import as_written, case_form
from extractor.nlp.morph import active_participle, word_lemma
from extractor.nlp.phrases import DASHES, extend_dependents
from extractor.nlp.tagging import Token
from extractor.rules.posts import REPLACING_VERBS, post_at

ACTING_WORDS = frozenset({"врио", "и.о.", "и.о", "вр.и.о.", "вр.и.о", "временно", "и. о."})
# «лучшим», «старейшим», «крупнейшим»: an adjective of an award
SUPERLATIVE = re.compile(r"^(лучш|худш|наи)|[еа]йш(ий|ая|ее|ие|его|ей|ему|им|ую|ими|их|ем)$")
POSSESSIVES = OBLIQUE_GENDERS
# verbs that name no post themselves: without a post in the clause they are no appointment
# («за» + «оставаться»: «за министра остаётся X», not «за ним остаётся участок»)
NEEDS_POST = frozenset({
    "стать", "избрать", "переизбрать", "выбрать", "перестать", "сменить", "являться", "работать", "за",
    "оставаться", "остаться", "утвердить", "поставить", "сделать",
})
# verbs of holding a post: an appointment only from a day of the news on («с сегодняшнего дня является»)
HOLDING = frozenset({"являться", "занимать", "работать", "осуществлять"})
# the verbs of leading a body held from a day of the news on, as HOLDING when appointed («С
# понедельника МУП «...» руководит X»); not when acting («Временно руководить ... будет X»)
LEADING_SINCE = frozenset({"возглавлять", "руководить"})
# how far from the release's day the day a post is held from may lie
HELD_SINCE_DAYS = 31
SINCE = frozenset({"с", "со"})
# ... and of them, those whose post may be in the genitive of «пост», «должность»
GENITIVE_POST = frozenset({"избрать", "переизбрать", "сменить", "за", "оставаться", "остаться", "утвердить"})
ELECTING = frozenset({"избрать", "переизбрать", "выбрать"})
# verbs of staying in a post: alone, an acting post only
STAYING = frozenset({"оставаться", "остаться"})
POST_WORDS = frozenset({"пост", "должность"})
# verbs of taking the lead of a body: the post is the one the person holds in it
HEADING = frozenset({"возглавить"})
# verbs of leaving, a dismissal only with the body left right after them («покинул администрацию»,
# «уходит из правительства области»; not «покинул здание», «уйти из жизни»)
LEAVING = frozenset({"покинуть", "покидать", "уйти", "уходить"})
# the verbs (and the noun) of leading a body, which name the post of its head
LEADING = frozenset({"возглавить", "руководить", "возглавлять", "руководство"})


@dataclass
class PostSlot:
    first: int  # the post's tokens
    head_end: int
    last: int
    acting: bool


@dataclass
class Draft:
    scene: Scene
    sent: int
    match: Match
    clause: Clause = field(init=False)
    roles: list[tuple[Unit, str]] = field(init=False)
    action: str = field(init=False)
    persons: list[Unit] = field(default_factory=list)
    slot: PostSlot | None = None
    headed: Ref | None = None  # the body «возглавил» takes the lead of
    headed_unit: Unit | None = None  # its words in the text
    since: DateItem | None = None  # the day a post is held from: «с сегодняшнего дня является»
    led_since: bool = False  # «С понедельника МУП «...» руководит X»: leading a body from a day on
    rejected: bool = False

    def __post_init__(self) -> None:
        self.clause = clause_at(self.scene, self.match.first)
        self.roles = roles_in(self.scene, self.clause)
        self.action = self.match.value[0]

    @property
    def who(self) -> str:
        return self.match.value[1]

    @property
    def trigger(self) -> Token:
        return self.scene.toks[self.match.first]


Step = Callable[[Draft], None]


def _infinitive(tok: Token) -> bool:
    """«Назначить» (the tagger may take a capitalized one for a name)."""
    return tok.feats.get("VerbForm") == "Inf" or any(p.tag.POS == "INFN" for p in tok.parses)


def _decree(d: Draft) -> bool:
    """«Назначить Иванова ...», «Досрочно прекратить полномочия»: an infinitive opening a clause
    or a quote is the text of a decree."""
    if not _infinitive(d.trigger):
        return False
    toks = d.scene.toks
    k = d.match.first - 1
    while k in d.clause and toks[k].pos == "ADV":
        k -= 1
    return k not in d.clause or toks[k].text in ("«", '"', "„", ":") or _bullet(d.scene, k)


def _bullet(scene: Scene, k: int) -> bool:
    """A dash opening a line: an item of a list («звучат так:\n— освободить Носырева ...»)."""
    toks = scene.toks
    if toks[k].text not in ("—", "–", "-"):
        return False
    return k == 0 or "\n" in scene.tagged.text[toks[k - 1].end : toks[k].start]


# verbs of carrying a post's duties: an acting post is arranged in the present or with «будет»
ACTING_VERBS = frozenset({"исполнять", "выполнять", "руководить", "замещать", "возглавить", "совмещать"})


def _post_participle(scene: Scene, match: Match) -> bool:
    """«назначило исполняющей обязанности ректора X», «подписала исполняющая обязанности министра X»:
    the participle of an acting post names the post, no statement of its own, unless a verb of
    the match tells it («в качестве исполняющего обязанности директора руководит X»)."""
    tokens = range(match.first, match.last)
    told = any(scene.toks[k].pos == "VERB" and not scene.toks[k].is_participle for k in tokens)
    return not told and any(scene.lemmas[k] in ACTING_VERBS and scene.toks[k].is_participle for k in tokens)


def _acting_arranged(d: Draft) -> bool | None:
    """«Обязанности директора исполняет X», «Временно руководить министерством будет X»: an acting
    post arranged (True), even told with «будет»; «исполнял обязанности» in the past is a past post
    (False); None when the trigger is no such verb."""
    verbs = [k for k in range(d.match.first, d.match.last) if d.scene.lemmas[k] in ACTING_VERBS]
    if d.action != "acting" or not verbs:
        return None
    tok = d.scene.toks[verbs[0]]
    if tok.feats.get("Tense") == "Past" or negated(d.scene, d.clause, verbs[0]):
        return False
    return not any(d.scene.lemmas[k] in plan_words() for k in d.clause.tokens)


def _done(d: Draft) -> None:
    first = d.match.first
    if d.match.last - 1 not in d.clause.tokens:
        d.rejected = True  # «был избран на этот пост, получив 58% голосов»: its words in two clauses
        return
    arranged = _acting_arranged(d)
    # the particle is written in lower case: «Ли» is a surname («Олег Ли ушёл в отставку»)
    if negated(d.scene, d.clause, first) or any(d.scene.toks[k].text == "ли" for k in d.clause.tokens):
        d.rejected = True  # «не назначен», «принял ли отставку»: not stated as done
    elif d.match.last < len(d.scene.toks) and d.scene.lemmas[d.match.last] == "участие":
        d.rejected = True  # «В церемонии вступления в должность приняла участие X»: took part
    elif arranged is not None:
        d.rejected = not arranged
    elif _decree(d):
        return
    elif d.trigger.lemma == "стать" and d.match.last < len(d.scene.toks) and _infinitive(d.scene.toks[d.match.last]):
        d.rejected = True  # «стало ухудшаться»: began to
    elif d.trigger.pos in ("VERB", "AUX") or _infinitive(d.trigger):
        # «совет директоров решил прекратить полномочия X»: done by the decision
        d.rejected = verb_planned(d.scene, d.clause, first) and not decided(d.scene, d.clause, first)
    else:  # a noun first («должность ... займёт», «о назначении»): the clause says when
        verbs = [k for k in range(first, d.match.last) if d.scene.toks[k].pos == "VERB"]
        # «больше не возглавляет»: no longer holding a post denies nothing
        own_negated = frozenset(k for k in verbs if k - 2 >= first and _no_longer(d.scene.toks, k))
        d.rejected = clause_planned(d.scene, d.clause, own_negated) or any(
            verb_planned(d.scene, d.clause, k) for k in verbs
        )


def _no_longer(toks: list[Token], k: int) -> bool:
    """«больше не» right before the verb at k."""
    return toks[k - 1].lemma == "не" and toks[k - 2].text.lower() == "больше"


# a possessive between «на» and the person duties are laid on: «на её заместителя X»
LAID_ON_POSSESSIVES = frozenset({*POSSESSIVES, "их", "своего", "свою", "своих"})


def _after_on(toks: list[Token], first: int, preposition: str = "на") -> bool:
    """The unit starting at `first` stands after «на» (or another preposition), a possessive maybe between."""
    k = first - 1
    if k > 0 and toks[k].text.lower() in LAID_ON_POSSESSIVES:
        k -= 1
    return k >= 0 and toks[k].text.lower() == preposition


def _passive_or_intransitive(d: Draft) -> bool:
    feats = d.trigger.feats
    # «отрешён»: a short participle the tagger reads as an active verb, which the dictionary does not
    short = any(p.tag.POS == "PRTS" for p in d.trigger.parses)
    return d.who == "subject" or feats.get("Voice") == "Pass" or feats.get("Variant") == "Short" or short


def _appointees(d: Draft) -> None:
    """Who is appointed: by where the trigger puts them."""
    persons = [(u, r) for u, r in d.roles if u.refs and u.refs[0][0] == "person"]
    if d.trigger.is_participle and d.who == "object" and active_participle(d.trigger.text):
        # «Иванов, сменивший на посту Петрова»: the participle's object, after it
        d.persons = [u for u in _sentence_persons(d) if u.first >= d.match.last and u.first in d.clause][:1]
    elif d.trigger.is_participle:  # «Ерёменко, назначенный на эту должность»: beside it, in any clause
        d.persons = _participle_holder(d, _sentence_persons(d))
    elif d.who == "genitive":
        d.persons = _right_after(d, persons)
    elif d.who == "on":  # «возложено на X», «на её заместителя X»
        d.persons = [u for u, r in persons if r == "at" and _after_on(d.scene.toks, u.first)]
    elif d.who == "with":  # «расторгло трудовой договор с главным врачом X»
        d.persons = [u for u, r in persons if r == "with"] or _with_named_after_a_dash(d, persons)
    elif d.who == "dative":  # «исполнение обязанностей директора поручено главному инженеру X»
        d.persons = [u for u, r in persons if r == "dat"]
    elif _passive_or_intransitive(d) and not _decree(d):
        subjects = [u for u, r in persons if r == "subj" and not _past_a_colon_clause(d, u)]
        d.persons = subjects or _subject_outside(d) or _relative_holder(d) or _name_right_after(d, persons)
        d.persons = d.persons or _left_in_charge(d, persons)
    else:
        # an animate accusative looks like a genitive: «назначил Валерия Мелещенко»
        objects = [u for u, r in persons if r in ("obj", "gen_case", "slot")]
        objects = objects or [
            u for u, r in persons
            if r == "dep" and (_after_a_post_of_the_verb(d, u) or _after_the_verbs_complement(d, u))
        ]
        objects = objects or [u for u, r in persons if r == "ins" and _named_after_its_post(d, u)]
        # a name after the verb the tagger read as a nominative, the verb's subject a noun before
        # it: «Совет директоров утвердил Евгения Кондакова генеральным директором»
        after = [u for u, r in persons if r == "subj" and u.first >= d.match.last]
        objects = objects or (after if after and _noun_subject_before(d) else [])
        d.persons = _own_objects(d, objects)
    if not d.persons:
        d.rejected = True


def _left_in_charge(d: Draft, persons: list[tuple[Unit, str]]) -> list[Unit]:
    """«учреждение осталось за его заместителем X»: a body left in the charge of a person, who stands
    after the trigger's «за» in the instrumental (a possessive maybe between)."""
    toks = d.scene.toks
    if toks[d.match.last - 1].text.lower() != "за":
        return []
    return [
        u for u, _r in persons
        if u.first in (d.match.last, d.match.last + 1) and _after_on(toks, u.first, "за")
        and unit_case(d.scene, u) == "Ins"
    ][:1]


def _with_named_after_a_dash(d: Draft, persons: list[tuple[Unit, str]]) -> list[Unit]:
    """«заключила трудовой договор с новым директором учреждения «...» — Баиром Будаевым»: the name
    after a dash that closes the «с» group, in the instrumental, is whom it was made with."""
    toks = d.scene.toks
    with_end = max((u.last for u, r in d.roles if r == "with"), default=None)
    return [
        u for u, _r in persons
        if with_end is not None and u.first > with_end and toks[u.first - 1].text in DASHES
        and all(t.text not in DASHES for t in toks[with_end : u.first - 1])
        and any(p.tag.case == "ablt" for p in toks[u.last - 1].parses)
    ]


def _name_right_after(d: Draft, persons: list[tuple[Unit, str]]) -> list[Unit]:
    """A name right after a passive verb whose every word may be a nominative, whatever case the
    tagger gave it: «Генеральным директором ... утверждён Аяс Хертек» (a Tuvan name read as an
    instrumental)."""
    toks = d.scene.toks
    return [
        u for u, _r in persons
        if u.first == d.match.last and u.refs and u.refs[0][0] == "person"
        and all(_nominative_or_unknown(toks[k]) for k in range(u.first, u.last) if toks[k].text.isalpha())
    ][:1]


def _nominative_or_unknown(tok: Token) -> bool:
    """A word the dictionary reads as a nominative, or in no case at all (one it does not know)."""
    cases = {p.tag.case for p in tok.parses}
    return "nomn" in cases or cases <= {None}


def _past_a_colon_clause(d: Draft, unit: Unit) -> bool:
    """The unit stands after a colon after the trigger that opens a clause with a verb of its own:
    «X расстался с должностью: его заявление глава администрации Y удовлетворил в пятницу»; or after a
    dash and a verb of its clause."""
    toks = d.scene.toks

    def finite(k: int) -> bool:
        return toks[k].pos == "VERB" and toks[k].feats.get("VerbForm") == "Fin"

    colon = next((k for k in range(d.match.last, unit.first) if toks[k].text == ":"), None)
    if colon is None:
        # or after a dash, the clause's verb before it: «... взяла на себя X — так распорядился глава района Y»
        dash = next((k for k in range(d.match.last, unit.first) if toks[k].text in DASHES), None)
        return dash is not None and any(finite(k) for k in range(dash + 1, unit.first))
    end = max(d.scene.sentence_tokens(d.sent)) + 1
    return any(finite(k) for k in range(colon + 1, end))


def _after_a_post_of_the_verb(d: Draft, unit: Unit) -> bool:
    """«избрал генеральным директором общества Максима Тулупова»: the name right after the
    instrumental post of the verb is its object, not the genitive of the post's last noun."""
    toks = d.scene.toks
    for k in range(d.match.last, unit.first):
        if toks[k].case == "Ins" and toks[k].pos == "NOUN":
            slot = _post_phrase(d.scene, k, unit.first)
            return slot is not None and slot.last == unit.first
    return False


def _after_the_verbs_complement(d: Draft, unit: Unit) -> bool:
    """«освободил от руководства предприятием генерального директора X»: the name right after the
    instrumental complement of the trigger's last noun is the verb's object, not that noun's genitive."""
    between = [u for u in d.scene.units(d.sent) if d.match.last <= u.first and u.last <= unit.first]
    return (
        len(between) == 1 and between[0].first == d.match.last and between[0].last == unit.first
        and unit_case(d.scene, between[0]) == "Ins"
    )


def _named_after_its_post(d: Draft, unit: Unit) -> bool:
    """«назначил министром здравоохранения Ивана Петрова»: the post of the verb opens the unit of
    the person it names, the name in the accusative after it, so the unit reads as instrumental. A
    rare name the tagger read as a nominative counts by its parses: «избрали председателем главного
    зоотехника кооператива Сэсэгму Цыремпилову»."""
    last = d.scene.toks[unit.last - 1]
    accusative = last.case in ("Acc", "Gen") or any(p.tag.case in ("accs", "gent") for p in last.parses)
    return unit.first == d.match.last and accusative


def _own_objects(d: Draft, objects: list[Unit]) -> list[Unit]:
    """«уволил главу РЖД Якунина и назначил Мишарина»: each verb its own objects, those after it
    up to the next verb of the clause (or, with none after it, those before it: «его назначили»)."""
    others = [
        m.first for m in triggers_of(d.scene, "appointments", appointment_triggers(), d.sent)
        if m.first != d.match.first and m.first in d.clause and not _post_participle(d.scene, m)
    ]
    nxt = min((k for k in others if k > d.match.first), default=max(d.clause.tokens) + 1)
    prev = max((k for k in others if k < d.match.first), default=-1)
    after = [u for u in objects if d.match.first < u.first < nxt]
    after = [u for u in after if not _successors_owner(d, u, after)]
    return after or [u for u in objects if prev < u.first < d.match.first]


# the nouns of one who takes the post of another, whose possessive names that other
SUCCESSOR_NOUNS = frozenset({"преемник", "преемница"})


def _successors_owner(d: Draft, unit: Unit, objects: list[Unit]) -> bool:
    """«назначил его преемником X»: a pronoun right before «преемником» names whose successor X is;
    X, named after it, is the one appointed."""
    toks = d.scene.toks
    return unit.via == "pronoun" and unit.last < len(toks) and toks[unit.last].lemma in SUCCESSOR_NOUNS and any(
        u.first > unit.last for u in objects
    )


def _sentence_persons(d: Draft) -> list[Unit]:
    return [u for u in d.scene.units(d.sent) if u.refs and u.refs[0][0] == "person"]


def _participle_holder(d: Draft, persons: list[Unit]) -> list[Unit]:
    """«вместо отправленного в отставку Ивана Муравьева», «Иванов, назначенный министром»: a
    participle speaks of the person it stands beside, in its case («назначенный Виктором
    Ющенко» names who appointed)."""
    case = d.trigger.case
    after = [
        u for u in persons
        if d.match.last <= u.first <= d.match.last + 1 and unit_case(d.scene, u) != "Ins"
        and (case is None or unit_case(d.scene, u) in (None, case))
    ]
    before = [u for u in persons if d.match.first - 2 <= u.last <= d.match.first]
    return after[:1] or before[-1:] or _posted_after_participle(d, persons, case)


def _posted_after_participle(d: Draft, persons: list[Unit], case: str | None) -> list[Unit]:
    """«Назначенный решением участника генеральный директор ООО «А» Тимур Жанабаев принял дела»:
    the participle opens the phrase of a post, the person named right after that post, with no
    verb between, is who it speaks of."""
    toks = d.scene.toks
    text = d.scene.tagged.text
    for u in persons:
        if u.first <= d.match.last or any(toks[k].pos in ("VERB", "AUX") for k in range(d.match.last, u.first)):
            continue
        if case is not None and unit_case(d.scene, u) not in (None, case):
            return []
        # the unit takes in the post before the name, or the post ends right where it starts
        person = d.scene.doc.persons[u.refs[0][1]]
        first, last = toks[u.first].start, toks[u.last - 1].end
        after_it = toks[d.match.last].start if d.match.last < len(toks) else last
        if any(after_it <= p.start and (p.end <= last and p.start >= first or not text[p.end : first].strip())
               for p in person.posts):
            return [u]
        return []
    return []


def _subject_outside(d: Draft) -> list[Unit]:
    """«Варичев избран депутатом, а в 2018 году досрочно прекратил свои полномочия»: a clause
    going on after a comma keeps the subject of the one before."""
    if d.clause.kind not in ("contrast", "predicate") or d.clause.parent is None or _own_subject(d):
        return []
    return [u for u, r in roles_in(d.scene, d.clause.parent) if r == "subj" and u.refs and u.refs[0][0] == "person"]


def _relative_holder(d: Draft) -> list[Unit]:
    """«Марина Кузовкова, которая с понедельника временно исполняет обязанности главы»: the subject
    «который» of a relative clause is the person the comma before it follows; so is a dative one
    before an infinitive trigger («главный специалист, которой доверено временно исполнять
    обязанности начальника отдела»)."""
    toks = d.scene.toks
    first = min(d.clause.tokens)
    case = toks[first].case
    told_to = case == "Dat" and d.trigger.feats.get("VerbForm") == "Inf"
    if toks[first].lemma != "который" or not (case == "Nom" or told_to) or first < 1 or toks[first - 1].text != ",":
        return []
    return [u for u in _sentence_persons(d) if u.last == first - 1][:1]


def _noun_subject_before(d: Draft) -> bool:
    """A nominative noun before the trigger agreeing with it, no person's name, is its subject
    («Совет директоров ... утвердил»; the sentence's first word may be tagged a proper noun)."""
    toks = d.scene.toks
    named = {k for u, _r in d.roles if u.refs and u.refs[0][0] == "person" for k in range(u.first, u.last)}
    return any(
        toks[k].pos in ("NOUN", "PROPN") and toks[k].case == "Nom" and k not in named
        and agrees_with_verb(toks[k], d.trigger)
        for k in d.clause.tokens if k < d.match.first
    )


def _own_subject(d: Draft) -> bool:
    """«..., а на четверг назначена её встреча»: a nominative noun of the clause agreeing with the
    verb is its subject."""
    toks = d.scene.toks
    # what a colon after the verb opens is a sentence of its own: «стал директором: за его
    # кандидатуру проголосовал совет директоров»
    colon = next((k for k in sorted(d.clause.tokens) if k > d.match.first and toks[k].text == ":"), None)
    return any(
        t.pos == "NOUN" and t.case == "Nom" and agrees_with_verb(t, d.trigger)
        for t in (toks[k] for k in d.clause.tokens if k != d.match.first and (colon is None or k < colon))
    )


def _right_after(d: Draft, persons: list[tuple[Unit, str]]) -> list[Unit]:
    """«прекратили полномочия Андрея Богинского», «о назначении Абдулганиевой и Петрова»; «сложил
    свои полномочия»: the subject's own."""
    toks = d.scene.toks
    if any(toks[k].lemma == "свой" for k in range(d.match.first, d.match.last)):
        return [u for u, r in persons if r == "subj"] or _subject_outside(d)
    before = d.match.first - 1
    if before >= 0 and toks[before].text.lower() in ("с", "со"):
        # «поздравил Ирину Скворцову с назначением»: the one congratulated, just before
        return [u for u, _r in persons if u.last == before][:1]
    # «о её назначении», «прекратить его полномочия»: whose, before the phrase or inside it
    owner = next((k for k in (before, *range(d.match.first + 1, d.match.last), _object_pronoun_after(d))
                  if k is not None and k >= 0 and toks[k].text.lower() in POSSESSIVES), None)
    if owner is not None:
        gender = POSSESSIVES[toks[owner].text.lower()]  # not the man signing: «мэр ... подписал ... о её»
        # not the subject of its own clause, whose own is «свой»: «министр X подписал приказ о его
        # увольнении» is of someone named before
        candidates = [
            u for u in d.scene.units_before(owner, 1)
            if u.refs and u.refs[0][0] == "person" and gender_of(d.scene, u.refs[0][1]) in (gender, None)
            and not same_clause_subject(d.scene, u, owner)
        ]
        # whom the text speaks of, a subject told before, over the author of the order in the
        # genitive: «Тарасюк ... выходит на пенсию. Распоряжение мэра Кокорина о его увольнении»
        told = [u for u in candidates if toks[u.first].sent < toks[owner].sent and unit_case(d.scene, u) == "Nom"]
        here = [u for u in candidates if toks[u.first].sent == toks[owner].sent]
        if told and here and all(unit_case(d.scene, u) == "Gen" for u in here):
            return told[:1]
        return candidates[:1]
    out: list[Unit] = []
    # after the noun whose genitive the person is: «полномочия | Андрея Богинского прекращены»
    nouns = [
        j for j in range(d.match.first, d.match.last)
        if toks[j].pos == "NOUN" and (j == d.match.first or d.scene.lemmas[j] in words("slot"))
    ]  # «о прекращении полномочий | X», «Полномочия | X прекращены», «о назначении | X»
    k = nouns[-1] + 1 if nouns else d.match.last
    # the person in the phrase's gap, after a noun of it: «об освобождении | Максима Ветрова от должности»,
    # «о приёме на работу | Инны Шумейко на должность»
    inside = [
        u.first for u, _r in persons if d.match.first < u.first < d.match.last and toks[u.first - 1].pos == "NOUN"
    ]
    if inside:
        k = min(inside)
    for u, _r in sorted(persons, key=lambda x: x[0].first):
        if u.first < k:
            continue
        gap = [t for t in toks[k : u.first] if t.text.lower() not in (",", "и") and t.pos not in ("ADV", "ADJ")]
        if gap and not (out == [] and _post_slot_between(d, k, u.first)) or unit_case(d.scene, u) == "Nom":
            break
        # a second one is listed with the first: «о назначении Абдулганиевой и Петрова», not the
        # post after the first («о назначении Андрея Шлыкова первым заместителем главы ...»)
        if out and not any(t.text.lower() in (",", "и") for t in toks[k : u.first]):
            break
        out.append(u)
        k = u.last
    return out


def _object_pronoun_after(d: Draft) -> int | None:
    """«о назначении её директором», «об освобождении его от должности»: the pronoun right after
    the phrase is whom it is of, unless a noun it owns follows («о назначении его заместителя»)."""
    toks, k = d.scene.toks, d.match.last
    if k + 1 >= len(toks) or toks[k + 1].pos in ("NOUN", "PROPN") and toks[k + 1].case == "Gen":
        return None
    return k


def _post_slot_between(d: Draft, first: int, last: int) -> bool:
    """«прекратить полномочия генерального директора Иванова»: only a post stands between."""
    found = _post_phrase(d.scene, first, last)
    return found is not None and found.last == last


# the word calling a post newly taken: «новый генеральный директор»
NEW_POST_WORD = "новый"


def _post(d: Draft) -> None:
    """The post the trigger names, the nearest to it: an instrumental («министром»), the genitive
    of «должность» and the like, «как» + post; the words of acting mark the action. A verb that
    names no post itself (стать, избрать) needs an instrumental or an acting post."""
    slots = _slots(d)
    if not slots and d.trigger.lemma == "стать" and _post_pronoun(d):
        post = _post_phrase_before(d.scene, d.match.first)
        slots = [(post, "instrumental")] if post else []  # «Назначен новый министр — им стал X»
    if d.trigger.lemma in NEEDS_POST:
        slots = [(s, kind) for s, kind in slots if kind != "genitive" or d.trigger.lemma in GENITIVE_POST]
    if slots:
        at = d.match.first
        d.slot = min(slots, key=lambda sk: min(abs(sk[0].first - at), abs(sk[0].first - d.match.last)))[0]
    if d.trigger.lemma in NEEDS_POST and d.slot is None and not _post_word_in(d) and not _successor(d):
        d.slot = _new_post_of(d)
        d.rejected = d.slot is None
    elif d.slot is None and not _post_word_in(d) and not _successor(d):
        # «X — новый глава администрации района. Решение о его назначении ...»: the post the text
        # calls the person's new one
        d.slot = _new_post_of(d)
    elif d.trigger.lemma in STAYING and d.match.last - d.match.first == 1 and not _acting_with_it(d):
        d.rejected = True  # «остаётся заместителем»: no change; «остаётся исполняющим обязанности»: acting
    elif d.trigger.lemma in ELECTING and d.slot and d.scene.lemmas[d.slot.first] in words("elected"):
        d.rejected = True  # «избран депутатом»: elected, not appointed
    elif d.slot is not None and not _office(d.scene, d.slot):
        d.rejected = True  # «стал лучшим игроком матча», «стала лицом коллекции»
    elif d.trigger.lemma == "стать" and d.slot and _a_trade(d.scene, d.slot):
        d.rejected = True  # «стал экспертом», «стала актрисой»: a trade one takes up


def _acting_with_it(d: Draft) -> bool:
    """An acting post in the staying verb's own clause: «исполняющим обязанности директора остаётся
    X»; not «в статусе исполняющей обязанности руководила X; она остаётся в прежней должности»."""
    slot = d.slot
    return slot is not None and slot.acting and slot.last > slot.first and slot.first in d.clause.tokens


def _a_trade(scene: Scene, slot: PostSlot) -> bool:
    """The post is a trade («экспертом», «актрисой»), not an office its rank makes of one
    («главным врачом»)."""
    if scene.lemmas[slot.head_end - 1] not in post_lexicon().professions:
        return False
    return not any(scene.lemmas[k] in words("office_rank") for k in range(slot.first, slot.head_end - 1))


def _new_post_of(d: Draft) -> PostSlot | None:
    """«Новый генеральный директор АО «X» Андрей Мокрушин ... Совет директоров избрал его»: a verb
    that names no post itself takes the post the text calls the person's new one."""
    scene = d.scene
    for unit in d.persons:
        for post in scene.doc.persons[unit.refs[0][1]].posts:
            first = scene.tagged.token_at(post.start)
            if first is None or first == 0 or scene.lemmas[first - 1] != NEW_POST_WORD:
                continue
            slot = _post_phrase(scene, first, scene.tagged.sents[scene.toks[first].sent].last)
            if slot is not None:
                return slot
    return None


def _successor(d: Draft) -> bool:
    """«Его преемником стал X»: the trigger names a successor, whose post is the one left before."""
    return any(d.scene.lemmas[k] in words("successor") for k in range(d.match.first, d.match.last))


def _post_word_in(d: Draft) -> bool:
    """The trigger's own words name a post: «сменил на этом посту»."""
    return any(d.scene.lemmas[k] in POST_WORDS for k in range(d.match.first, d.match.last))


def _slots(d: Draft) -> list[tuple[PostSlot, str]]:
    """Every post the clause names outside other people's words: (slot, instrumental | genitive |
    acting)."""
    toks = d.scene.toks
    mine = {u.refs for u in d.persons}
    units = {k for u in d.scene.units(d.sent) if u.refs not in mine for k in range(u.first, u.last)}
    limit = max(d.clause.tokens) + 1
    out: list[tuple[PostSlot, str]] = []
    for k in sorted(d.clause.tokens):
        if k in units:
            continue
        tok = toks[k]
        acting = _acting_at(toks, k)
        if acting is not None:
            slot = _post_phrase(d.scene, acting, limit)
            bare = PostSlot(acting, acting, acting, acting=True)  # «исполняющим обязанности стал»
            out.append((replace(slot, acting=True) if slot else bare, "acting"))
        elif k + 1 < len(toks) and (tok.lemma in words("slot") or tok.text.lower() == "как") and (
            _acting_at(toks, k + 1) is None
        ):
            # «на должность | исполняющего обязанности губернатора»: the acting words say the post
            slot = _post_phrase(d.scene, k + 1, limit)
            # not «освобождении X от должности | глава администрации Y подписал»: the subject's post
            theirs = tok.text.lower() != "как" and toks[k + 1].case == "Nom"
            if slot is not None and slot.first == k + 1 and not theirs:
                out.append((_before_names(d, slot), "genitive"))
        elif tok.case == "Ins" and tok.pos == "NOUN":
            # «медицинской сестрой»: a post of the lexicon may begin with its adjectives
            slot = _post_phrase(d.scene, k, limit)
            slot = slot or _post_phrase(d.scene, _post_adjectives(toks, d.clause, k, limit), limit)
            if slot is not None and slot.head_end > k and not any(s.first <= k < s.last for s, _ in out):
                first = _post_adjectives(toks, d.clause, k, slot.last)  # «генеральным директором»
                out.append((_before_names(d, replace(slot, first=first)), "instrumental"))
    return out


def _office(scene: Scene, slot: PostSlot) -> bool:
    """An office, not a title or an award («лучшим вратарём года», «старейшим актёром»)."""
    toks = scene.toks
    start = slot.first
    while start > 0 and toks[start - 1].pos == "ADJ" and toks[start - 1].case == toks[slot.first].case:
        start -= 1  # the adjectives before the post say whether it is an award
    span = range(start, max(slot.head_end, slot.first + 1))
    kinds = [not_offices().get(toks[k].lemma) or not_offices().get(toks[k].text.lower()) for k in span]
    superlative = any(toks[k].feats.get("Degree") == "Sup" or SUPERLATIVE.search(toks[k].text.lower()) for k in span)
    return "title" not in kinds and "superlative" not in kinds and not superlative


def _post_adjectives(toks: list[Token], clause: Clause, k: int, last: int) -> int:
    """The adjectives before a post head that belong to the post: a post of the lexicon
    («генеральный директор») or a post modifier («первый», «главный», «постоянный»); not
    «новым», «бывшим»."""
    first = k
    while first - 1 in clause and toks[first - 1].pos == "ADJ" and toks[first - 1].case == "Ins":
        j = first - 1
        if toks[j].lemma in post_modifiers() or (match_post_head(toks, j, last) or 0) > k:
            first = j
        else:
            break
    return first


def _before_names(d: Draft, slot: PostSlot) -> PostSlot:
    """«на пост главы МВД полковника Игоря Шуневича»: the post stops where a person's own words
    begin."""
    starts = [u.first for u in d.scene.units(d.sent) if u.refs and u.refs[0][0] == "person"]
    cut = min((k for k in starts if slot.first < k <= slot.last), default=slot.last)
    if cut <= slot.last:  # «главы МВД полковника | Игоря Шуневича»: the rank is the person's
        toks = d.scene.toks
        cut = next((k for k in range(slot.head_end, cut) if match_post_head(toks, k, cut) == cut), cut)
    return replace(slot, last=max(cut, slot.head_end))


# the nouns of a post's duties: «исполняющий обязанности», «функции директора выполняет»
DUTY_NOUNS = frozenset({"обязанность", "полномочие", "функция"})


def _acting_at(toks: list[Token], k: int) -> int | None:
    """«исполняющим обязанности министра», «врио ректора»: where the post after the acting
    words begins."""
    if k >= len(toks):
        return None
    low = toks[k].text.lower()
    if low.startswith("исполняющ") or low.startswith("исполнени"):
        j = k + 1
        if j < len(toks) and toks[j].lemma in DUTY_NOUNS:
            return j + 1
        return j
    if low in ACTING_WORDS and not (
        low == "временно" and not (k + 1 < len(toks) and toks[k + 1].text.lower().startswith("исполня"))
    ):
        return k + 1 if low != "временно" else None
    return None


def _post_phrase(scene: Scene, k: int, limit: int) -> PostSlot | None:
    """A post starting at token k (after its adjectives): lexicon head and dependents."""
    toks = scene.toks
    first = k
    while k < limit and toks[k].pos == "ADJ" and match_post_head(toks, k, limit) is None:
        k += 1
    if k >= limit:
        return None
    head_end = match_post_head(toks, k, limit)
    if head_end is None:
        return None
    last = extend_dependents(scene.tagged, scene.spans, head_end, limit)
    at = toks[head_end].start if head_end < len(toks) else 0
    names = [(u.first, u.last) for u in scene.units(toks[k].sent)]
    for d in scene.doc.dates:  # «пост генерального директора | в конце августа»
        inside_name = any(toks[a].start <= d.start < toks[b - 1].end for a, b in names)
        if at <= d.start < toks[last - 1].end and not inside_name:
            last = min(last, next(j for j in range(head_end, last + 1) if j == last or toks[j].end > d.start))
            while last > head_end and (toks[last - 1].pos == "ADP" or toks[last - 1].lemma in words("time_word")):
                last -= 1
    return PostSlot(first, head_end, _before_event(toks, head_end, last), acting=False)


def _before_event(toks: list[Token], head_end: int, last: int) -> int:
    """«Председателем совета директоров | на заседании ... переизбран»: where the post is given is
    no word of the post."""
    for k in range(head_end, last - 1):
        if toks[k].text.lower() in ("на", "в", "во") and toks[k + 1].lemma in event_heads():
            return k
    return last


def _headed_body(d: Draft) -> None:
    """«Роман Тихомиров возглавил компанию 10 ноября», «Центр возглавила Нино Беридзе», «Во главе
    компании встал X»: taking the lead of an organization, the verb's object or the genitive after
    «во главе»; not of a delegation, a list or a headquarters."""
    lemmas = d.scene.lemmas
    lead = next((k + 1 for k in range(d.match.first, d.match.last - 1)
                 if lemmas[k] == "во" and lemmas[k + 1] == "глава"), None)
    heading = HEADING | LEADING_SINCE if d.action == "appointed" else HEADING
    verb = next((k for k in range(d.match.first, d.match.last) if lemmas[k] in heading), None)
    if verb is None and lead is None:
        return
    if lead is not None:  # «во главе предприятия встал», «встал во главе компании»
        bodies = [u for u, _r in d.roles if u.first == lead + 1 and u.refs and u.refs[0][0] == "organization"]
    else:
        # a name of no case («МУП «Пластунская пекарня» возглавила технолог X») may be the object too
        # what «руководит» heads is in the instrumental: «С понедельника МУП «...» руководит X»
        roles = ("obj", "none", "ins") if verb is not None and lemmas[verb] == "руководить" else ("obj", "none")
        bodies = [u for u, r in d.roles if r in roles and u.refs and u.refs[0][0] == "organization"]
    if not bodies:
        # «С сегодняшнего дня больницу возглавляет X»: a body told by a common noun; the post comes
        # from the text
        d.rejected = verb is None or lemmas[verb] not in LEADING_SINCE
    else:
        d.headed, d.headed_unit = bodies[0].refs[0], bodies[0]
    d.led_since = not d.rejected and verb is not None and lemmas[verb] in LEADING_SINCE


def _held_since_news(d: Draft) -> None:
    """A post held «с сегодняшнего дня», «с понедельника, 9 февраля»: taken on a day of the news.
    Held without such a day, or since long before («с 2019 года является директором»), it is no
    appointment."""
    # the verb of holding opens or closes the phrase: not «освобождён от занимаемой должности»
    verbs = HOLDING | LEADING_SINCE if d.action == "appointed" else HOLDING
    holding = [k for k in (d.match.first, d.match.last - 1) if d.scene.lemmas[k] in verbs]
    if not holding:
        return
    tok = d.scene.toks[holding[0]]
    d.since = _day_since(d)
    d.rejected = tok.feats.get("Tense") == "Past" or tok.is_participle or d.since is None


def _day_since(d: Draft) -> DateItem | None:
    """The day of the clause written after «с» («с сегодняшнего дня», «с понедельника»), near
    the release's day."""
    scene = d.scene
    release = scene.doc.doc_date
    lo, hi = scene.toks[min(d.clause.tokens)].start, scene.toks[max(d.clause.tokens)].end
    for item in scene.doc.dates:
        if not (lo <= item.start < hi) or not item.value or len(item.value) != 10:
            continue
        before = scene.tagged.text[max(0, item.start - 4) : item.start].split()
        opens = item.text.split()[0].lower() in SINCE
        if not opens and (not before or before[-1].lower() not in SINCE):
            continue
        gap = days_between(item.value, release) if release else 0
        if gap is not None and abs(gap) <= HELD_SINCE_DAYS:
            return item
    return None


def _body_left(d: Draft) -> None:
    """A verb of leaving states a dismissal only when what is left is a body: an organization named
    right after it (past «из»), or an organization's head noun («покинул администрацию»,
    «покидает правительство республики»)."""
    words_of_verb = 2 if d.trigger.lemma in ("уйти", "уходить") else 1  # «уйти из», «покинуть»
    if d.trigger.lemma not in LEAVING or d.match.last - d.match.first > words_of_verb:
        return  # «покинуть пост», «уйти в отставку»: a post left, read as before
    k = d.match.last
    toks = d.scene.toks
    named = any(u.first == k and u.refs and u.refs[0][0] == "organization" for u in d.scene.units(d.sent))
    d.rejected = not (named or k < len(toks) and toks[k].text.islower() and (d.scene.lemmas[k],) in org_heads())


STEPS: list[Step] = [_done, _body_left, _held_since_news, _appointees, _post, _headed_body]


@dataclass
class Found:
    person: Ref
    post: str | None
    action: str
    sent: int
    date: DateItem | None
    inferred: bool = False  # told only by whom the person replaced: any statement of their own goes first
    successor: bool = False  # «Его преемником стал X»: the post is the one the person before left
    led: bool = False  # the post made up from the body taken the lead of: any post the text names goes first
    stand_in: bool = False  # leads a body for a while («временно руководить министерством будет X»)


def _statements(scene: Scene, sent: int, match: Match) -> list[Found]:
    d = Draft(scene, sent, match)
    for step in STEPS:
        step(d)
        if d.rejected:
            return []
    action = "acting" if d.slot and d.slot.acting or _temporarily(d) else d.action
    date = d.since or date_in(scene, sent, match.first)
    stand_in = action == "acting" and d.slot is None and (_leading(d) or _anothers_duties(d))
    out = []
    for unit in d.persons:
        if stand_in:
            post = _post_of(scene, d, unit) if d.headed is None else _post_in_body(scene, unit, d.headed)
            out.append(Found(unit.refs[0], post, action, sent, date, stand_in=True))
            continue
        if d.led_since:
            # the head's post of the body, not one the person held before in it («До этого он восемь
            # лет был главным инженером предприятия»)
            post = _vacant_post(scene, unit, sent) or _lead_of(scene, d.headed_unit) or _post_sought(scene, unit, sent)
            out.append(Found(unit.refs[0], post, action, sent, date))
            continue
        if d.headed is not None:
            post = _post_in_body(scene, unit, d.headed)
            led = post is None and not _holds_a_post_in(scene, unit, d.headed)
            post = _lead_of(scene, d.headed_unit) if led else post
            if post is not None:
                out.append(Found(unit.refs[0], post, action, sent, date, led=led))
            continue
        post = _post_of(scene, d, unit)
        if action == "acting" and (d.slot is None or unit.first <= d.slot.first < unit.last):
            # «осталось за его заместителем X, исполняющей обязанности директора МБУ «...»»: the post
            # held meanwhile, not the person's own
            post = _acting_post_in(scene, sent) or post
        if action == "acting" and post is None:
            post = _post_before(scene, d.match.first)
        if action == "dismissed" and (post is None or " " not in post):
            post = _post_named_with(scene, unit, d.match.first) or post
        if action == "appointed" and post is None:
            post = _post_sought(scene, unit, sent)
        if post is not None and " " not in post:
            post = _post_of_the_staff(d, post) or post
        if action in ("appointed", "acting") and (post is None or _named_before(scene, d, unit)):
            # «Заместитель директора X пересел в кресло директора МУП «...». Распоряжение о его
            # назначении подписал ...»: the post beside the name is the one held before
            post = _vacant_post(scene, unit, sent) or post
        out.append(Found(unit.refs[0], post, action, sent, date, successor=_successor(d)))
    return out + _successors(d, out, date)


def _temporarily(d: Draft) -> bool:
    """«Полномочия главы ... временно осуществляет первый заместитель X»: a post held for a while is
    held acting, whatever the verb."""
    return d.action == "appointed" and any(
        d.scene.toks[k].text.lower() == "временно" for k in range(max(0, d.match.first - 1), d.match.last)
    )


def _anothers_duties(d: Draft) -> bool:
    """«Пока у предприятия нет директора, его обязанности исполняет главный инженер X»: the duties of
    one named before (a possessive before them), not of X's own post."""
    first = d.match.first
    return first > 0 and d.scene.toks[first - 1].text.lower() in POSSESSIVE_PRONOUNS and (
        d.scene.lemmas[first] == "обязанность"
    )


def _leading(d: Draft) -> bool:
    """The trigger leads a body («временно возглавить», «временно руководить»)."""
    return any(d.scene.lemmas[k] in LEADING for k in range(d.match.first, d.match.last))


def _posts_of_stand_ins(scene: Scene, found: list[Found]) -> None:
    """«Министр строительства X отправлен в отставку. Временно руководить министерством будет первый
    заместитель министра Y»: one who leads a body for a while holds the post the one leaving left,
    not the post of their own."""
    vacated = _vacated_post(scene, found)
    for f in found:
        if f.stand_in and vacated:
            f.post = vacated


def _successors(d: Draft, left: list[Found], date: DateItem | None) -> list[Found]:
    """«На посту министра Y сменил X», «X сменил Y на посту министра»: who replaces the one
    leaving takes the post that one left."""
    # the verbs of one person replacing another: who leaves is the object, who takes the post the subject
    replacing = any(d.scene.lemmas[k] in REPLACING_VERBS for k in range(d.match.first, d.match.last))
    if not replacing or d.action != "dismissed" or len(left) != 1 or d.slot is None:
        return []
    # the post named with the verb («на посту министра»), not «на этом посту» nor another of the one leaving
    if left[0].post is None or left[0].post != _slot_post(d.scene, d.slot):
        return []
    if d.trigger.is_participle:  # «X, сменивший на посту министра Y»
        subjects = _participle_holder(d, _sentence_persons(d))
    else:
        subjects = [u for u, r in d.roles if r == "subj" and u.refs and u.refs[0][0] == "person"]
    return [
        Found(u.refs[0], left[0].post, "appointed", d.sent, date, inferred=True)
        for u in subjects if u.refs[0] != left[0].person
    ]


def _post_of(scene: Scene, d: Draft, unit: Unit) -> str | None:
    """The slot's post when it stands apart («назначен министром») or in this person's own words
    («освободил от должности вице-премьера Илшата Тажитдинова»); else the post written beside
    this person's name («покинул пост министр Л. Шустов»)."""
    slot = d.slot
    if slot is not None and slot.head_end > slot.first:
        if unit.first <= slot.first < unit.last:
            return _own_post(scene, unit, slot.first) or _slot_post(scene, slot)
        if not any(p.first <= slot.first < p.last for p in d.persons):
            return _slot_post(scene, slot)
    return _own_post(scene, unit, None) or _post_in_sentence(scene, unit, d.sent)


def _post_named_with(scene: Scene, unit: Unit, before: int) -> str | None:
    """«Директор МУП «Ефремовский водоканал» Павел Сурков покинул кресло руководителя»,
    «стоила должности его директору Виктору Плотникову»: who leaves a post the verb names by a bare
    head, or not at all, leaves the post the text named them with up to the verb."""
    person = scene.doc.persons[unit.refs[0][1]]
    end = scene.toks[before].start
    # a bare head names a post only with the organization the text gives it («его директору»)
    named = [p for p in person.posts if p.start < end and not p.rank and (" " in p.normal or p.org_ref is not None)]
    return _without_acting(named[0].normal) if named else None


def _post_sought(scene: Scene, unit: Unit, sent: int) -> str | None:
    """«Конкурс на должность директора школы выиграла Юлия Корнилова. ... подписал распоряжение о её
    назначении»: one appointed to no post named takes the post «на должность ...» of the sentence
    naming them, this one or the one before."""
    person = unit.refs[0]
    for s in (sent, sent - 1):
        if s < 0 or not any(u.refs[:1] == (person,) for u in scene.units(s)):
            continue
        last = scene.tagged.sents[s].last
        for k in sorted(scene.sentence_tokens(s)):
            if scene.lemmas[k] in POST_WORDS and k > 0 and scene.toks[k - 1].text.lower() == "на":
                slot = _post_phrase(scene, k + 1, last)
                if slot is not None and slot.first == k + 1:
                    return _slot_post(scene, slot)
    return None


def _post_of_the_staff(d: Draft, head: str) -> str | None:
    """«представила коллективу Тотемского музея нового директора»: a bare post of the head of the
    body whose staff meet them is that body's («директор Тотемского музея»); a body named by the
    post's own noun drops it («коллективу Министерства культуры» -> «министр культуры»)."""
    scene = d.scene
    staff = next((k for k in range(d.match.first, d.match.last) if scene.lemmas[k] == "коллектив"), None)
    if staff is None:
        return None
    toks = scene.toks
    first = staff + 1  # the genitive words before a quoted name are the body's: «Поморского музея «Лодьма»»
    k = first
    while k < len(toks) and toks[k].case == "Gen" and toks[k].pos in ("ADJ", "NOUN") and scene.unit_at(k) is None:
        k += 1
    body = scene.unit_at(k) if k < len(toks) else None
    if body is None or body.first != k or not body.refs or body.refs[0][0] != "organization":
        return None
    if toks[first].lemma[:5] == head.lower()[:5]:
        first += 1  # «Министерства культуры» of a «министр»
    return f"{head} {as_written(toks[first : body.last], scene.tagged.text)}" if first < body.last else None


def _named_before(scene: Scene, d: Draft, unit: Unit) -> bool:
    """The person is named in a sentence before the trigger's, which no post slot of the trigger
    names («Распоряжение о его назначении подписал ...»)."""
    return d.slot is None and scene.toks[unit.first].sent < d.sent


def _vacant_post(scene: Scene, unit: Unit, sent: int) -> str | None:
    """«Ключи от кабинета директора МУП «Сосновоборские автобусные линии» ... получил Вадим Лапшин»,
    «вступил в права генерального директора АО «...»»: one who takes a post the verb does not name
    takes the post of an organization the sentence names with no holder, this sentence's or, when
    it names them too, the one before."""
    person = unit.refs[0]
    held = [(p.start, p.end) for x in scene.doc.persons for p in x.posts]
    for s in (sent, sent - 1):
        if s < 0 or not any(u.refs[:1] == (person,) for u in scene.units(s)):
            continue
        people = [u for u in scene.units(s) if u.refs and u.refs[0][0] == "person"]
        last = scene.tagged.sents[s].last
        k = scene.tagged.sents[s].first
        while k < last:
            slot = _post_phrase(scene, k, last) if not any(u.first <= k < u.last for u in people) else None
            if slot is None or slot.first != k or slot.head_end <= k:
                k += 1
                continue
            post = post_at(scene.tagged, slot.first, slot.head_end, slot.last)
            start, end = scene.toks[slot.first].start, scene.toks[slot.last - 1].end
            if post is not None and post.org and not any(a < end and start < b for a, b in held):
                return _without_acting(post.normal)
            k = slot.last
    return None


def _post_in_body(scene: Scene, unit: Unit, body: Ref) -> str | None:
    """The post the person holds in the body they took the lead of, as the text names it
    («нового генерального директора АО «Средуралвагон» Романа Тихомирова»)."""
    person = scene.doc.persons[unit.refs[0][1]]
    for post in person.posts:
        ref = post.org_ref
        if ref is None or (ref.type, ref.index) != body or post.rank or _without_acting(post.normal) != post.normal:
            continue  # an acting post is told by its own statement («назначена исполняющей обязанности»)
        if not _deputy(post.role):
            return post.normal
    return None


def _holds_a_post_in(scene: Scene, unit: Unit, body: Ref) -> bool:
    """The person holds some post in the body: «Первый заместитель директора АО «Вектор» X
    возглавил компанию» tells no appointment of a deputy."""
    person = scene.doc.persons[unit.refs[0][1]]
    return any(p.org_ref is not None and (p.org_ref.type, p.org_ref.index) == body for p in person.posts)


# the post of one who took the lead of a body that names none for them
LEAD_POST = "руководитель"


def _lead_of(scene: Scene, body: Unit | None) -> str | None:
    """«Андрей Клюев возглавил департамент строительства области», no post of his in it named:
    «руководитель департамента строительства области», the head noun and the words before it in
    the genitive; a body opening with a legal form («ООО «...»») is left as written."""
    if body is None or body.via != "name":
        return None  # «возглавил компанию»: the body named before says more
    toks = scene.toks
    written = scene.tagged.text[toks[body.first].start : toks[body.last - 1].end]
    if toks[body.first].text.isupper() and len(toks[body.first].text) > 1:
        return f"{LEAD_POST} {written}"  # «ООО «Орловский хлеб»», «АО «...»»: no case to change
    head = next((k for k in range(body.first, body.last) if toks[k].pos == "NOUN"), None)
    if head is None or any(not toks[k].text.isalpha() for k in range(body.first, head + 1)):
        return None
    number = "plur" if toks[head].feats.get("Number") == "Plur" else "sing"
    genitive = [
        case_form(toks[k].text, toks[k].pos, toks[k].case, {"gent", number}) for k in range(body.first, head + 1)
    ]
    rest = scene.tagged.text[toks[head].end : toks[body.last - 1].end]
    return f"{LEAD_POST} {' '.join(genitive)}{rest}"


def _deputy(role: str) -> bool:
    """«заместитель директора», «первый заместитель»: a second in command, a modifier allowed before."""
    return any(word_lemma(w) in words("second_in_command") for w in role.split()[:2])


def _post_in_sentence(scene: Scene, unit: Unit, sent: int) -> str | None:
    """«Светлана Дорохова, занимавшая пост министра здравоохранения с 2021 года, освобождена от
    должности»: the person's post named in the sentence of the trigger, outside the name."""
    person = scene.doc.persons[unit.refs[0][1]]
    for post in person.posts:
        first = scene.tagged.token_at(post.start)
        if first is not None and scene.toks[first].sent == sent:
            return _without_acting(post.normal)
    return None


def _slot_post(scene: Scene, slot: PostSlot) -> str | None:
    post = post_at(scene.tagged, slot.first, slot.head_end, slot.last)
    return _without_acting(post.normal) if post else None


def _own_post(scene: Scene, unit: Unit, at: int | None) -> str | None:
    """The post the entity layer attached to the person inside this unit (the one starting at
    token `at`, if given)."""
    person = scene.doc.persons[unit.refs[0][1]]
    for post in person.posts:
        first = scene.tagged.token_at(post.start)
        if first is not None and unit.first <= first < unit.last and (at is None or first == at):
            return _without_acting(post.normal)
    return None


def _without_acting(post: str) -> str:
    """The post itself: the words of acting («исполняющий обязанности», «врио»), of the slot
    («должность вице-премьера») and of whose turn it is («прежний глава ведомства») go."""
    parts = post.split()
    while parts and (parts[0].lower() in ("должность", "пост") or word_lemma(parts[0]) in words("not_the_post")):
        parts = parts[1:]
    while parts and (parts[0].lower() in ACTING_WORDS or parts[0].lower().startswith("исполняющ")):
        parts = parts[1:]
        if parts and parts[0].lower() in ("обязанности", "полномочия", "функции"):
            parts = parts[1:]
    return " ".join(parts) or post


def _post_before(scene: Scene, k: int) -> str | None:
    """«Министр финансов пока не назначен, а исполняющим обязанности стал С. Михайлов»: an acting
    post that names none is the post named just before it."""
    slot = _post_phrase_before(scene, k)
    post = post_at(scene.tagged, slot.first, slot.head_end, slot.last) if slot else None
    return post.normal if post else None


def _post_phrase_before(scene: Scene, k: int) -> PostSlot | None:
    """The last post phrase of the sentence before token k."""
    toks = scene.toks
    s = scene.tagged.sents[toks[k].sent]
    for i in range(k - 1, s.first - 1, -1):
        slot = _post_phrase(scene, i, k)
        if slot is not None and slot.first == i:
            return slot
    return None


def _post_pronoun(d: Draft) -> bool:
    """«им стал», «ею стала»: the post is the one just named."""
    toks = d.scene.toks
    near = [k for k in (d.match.first - 1, d.match.last) if k in d.clause]
    return any(toks[k].pos == "PRON" and toks[k].case == "Ins" for k in near)


def _merged(scene: Scene, found: list[Found]) -> list[Found]:
    """One person, one action: one appointment, with the fullest post."""
    found = [f for f in found if not _title_of_an_acting_post(scene, f, found)]
    kept: list[Found] = []
    for f in sorted(found, key=lambda f: f.inferred):  # stable: the text's order otherwise
        same = next((k for k in kept if same_person(scene, k.person, f.person) and k.action == f.action), None)
        if same is None:
            kept.append(f)
            continue
        if f.inferred:
            continue
        named_over_led = same.led and not f.led
        longer = f.led == same.led and len((f.post or "").split()) > len((same.post or "").split())
        if f.post and (not same.post or named_over_led or longer):
            same.post, same.led = f.post, f.led
        same.date = same.date or f.date
    return kept


def _title_of_an_acting_post(scene: Scene, f: Found, found: list[Found]) -> bool:
    """«Новым ректором ТПУ стал X» over «исполняющим обязанности ректора ... назначен X»: a title
    says appointed what the body says precisely is acting."""
    return f.sent == 0 and f.action == "appointed" and any(
        g.sent > 0 and g.action == "acting" and same_person(scene, g.person, f.person) for g in found
    )


def _successors_post(scene: Scene, found: list[Found]) -> list[Found]:
    """«Новый директор X вступил в должность. Он сменил на этом посту Y», «Y, возглавлявший
    компанию, покидает пост»: one who leaves without a post named, or with its bare head, left
    the post the one appointment (or acting one) of the text fills."""
    appointed = [f for f in found if f.action in ("appointed", "acting") and f.post]
    if len({f.post for f in appointed}) != 1:
        return found
    post = appointed[0].post or ""

    def vague(f: Found) -> bool:
        # «Бывший министр X освобождён» beside «исполняющим обязанности министра здравоохранения края
        # назначен Y»: the bare head is of the post filled
        bare = f.post is not None and " " not in f.post.strip() and post.lower().startswith(f.post.lower() + " ")
        taking = any(same_person(scene, a.person, f.person) for a in appointed)  # leaving another post for it
        return f.action == "dismissed" and (not f.post or bare) and not taking

    leaving = [f for f in found if vague(f)]
    if len({f.person for f in leaving}) == 1:  # several who leave: whose post is whose is not told
        for f in leaving:
            f.post = post
    return found


# how far after «до» the noun of what the post waits for stands («до проведения конкурса»)
INTERIM_REACH = 3


# verbs of a contest for a post going on or being held: «пока идёт конкурс», «пока не пройдёт конкурс»
CONTEST_GOING_ON = frozenset({
    "идти", "продолжаться", "проходить", "проводиться", "пройти", "завершиться", "состояться",
})


def _interim_marker(scene: Scene, sent: int) -> range | None:
    """The words saying the post waits for a new holder: «до избрания нового главы», «до
    окончания конкурса», «Пока министерство ищет преемника,»; None without them."""
    toks, lemmas = scene.toks, scene.lemmas
    span = scene.sentence_tokens(sent)
    for k in span:
        low = toks[k].text.lower()
        if low == "до":
            ahead = range(k + 1, min(k + 1 + INTERIM_REACH, span.stop))
            noun = next((j for j in ahead if lemmas[j] in words("interim")), None)
            if noun is None:
                # «до прихода преемника»: whatever the noun, the successor awaited
                noun = next((j - 1 for j in ahead if j > k + 1 and lemmas[j] in words("successor")), None)
                if noun is None:
                    continue
            new = noun + 1 < span.stop and lemmas[noun + 1] in words("new_holder") | words("successor")
            if new or lemmas[noun] in ("конкурс", "выборы"):
                end = extend_dependents(scene.tagged, scene.spans, noun + 1, span.stop)
                return range(k, end)
        elif low == "пока" and (end := next((j for j in range(k + 1, span.stop) if toks[j].text == ","), None)):
            clause = range(k + 1, end)
            # «Пока министерство ищет преемника,», «Пока новый главный врач не назначен,»
            awaited = any(lemmas[j] in words("new_holder") for j in clause) and any(
                toks[j].text.lower() == "не" for j in clause
            )
            # «пока идёт конкурс,»: the contest for the post is going on (not «пока неизвестно: ... конкурс»)
            contest = any(lemmas[j] in ("конкурс", "выборы") for j in clause) and any(
                lemmas[j] in CONTEST_GOING_ON for j in clause
            )
            if awaited or contest or any(lemmas[j] in words("successor") for j in clause):
                return range(k, end)
    return None


def _interim_holders(scene: Scene, found: list[Found]) -> list[Found]:
    """«До избрания нового главы должность временно займёт первый заместитель главы района X»:
    the one person a sentence of waiting for a new holder names, not in the past, holds the post
    meanwhile (see `_interim_post`)."""
    vacated = _vacated_post(scene, found)
    out: list[Found] = []
    for sent in range(len(scene.tagged.sents)):
        marker = _interim_marker(scene, sent)
        if marker is None or _past_predicate(scene, sent, marker):
            continue
        persons = [u for u in scene.units(sent) if u.refs and u.refs[0][0] == "person" and u.first not in marker]
        # «До конкурса Бурлакову заменит X»: the one who left is no holder meanwhile
        persons = [u for u in persons if not any(
            same_person(scene, f.person, u.refs[0]) for f in found if f.action == "dismissed"
        )]
        if len({u.refs[0] for u in persons}) != 1:
            continue  # a pronoun may name the one again: «... X: распоряжение о возложении на неё»
        person = persons[0].refs[0]
        if any(same_person(scene, f.person, person) for f in found if f.sent == sent):
            continue  # told already
        post = _interim_post(scene, sent, marker, persons[0], vacated)
        out.append(Found(person, post, "acting", sent, date_in(scene, sent, persons[0].first)))
    return out


def _persons_not_found(scene: Scene, found: list[Found]) -> Iterator[tuple[Ref, Person]]:
    """The text's persons no statement found yet, with their reference."""
    for index, person in enumerate(scene.doc.persons):
        ref: Ref = ("person", index)
        if not any(same_person(scene, f.person, ref) for f in found):
            yield ref, person


def _acting_by_their_post(scene: Scene, found: list[Found]) -> list[Found]:
    """«... уволен директор МУП «Венёвский водоканал» X. Первый приказ сегодня подписала исполняющая
    обязанности директора МУП «ВВК» главный инженер Y»: after a dismissal, one whose post is acting
    in the post left is the acting holder, though no verb says they took it."""
    vacated = _vacated_post(scene, found)
    if vacated is None:
        return []
    out: list[Found] = []
    for ref, person in _persons_not_found(scene, found):
        for post in person.posts:
            own = _without_acting(post.normal)
            if own == post.normal or not _same_head(vacated, own):
                continue
            at = scene.tagged.token_at(post.start)
            if at is not None:
                sent = scene.toks[at].sent
                out.append(Found(ref, vacated, "acting", sent, date_in(scene, sent, at)))
            break
    return out


# the words a state told from now opens with, before its holder and the post with no verb: «теперь он
# глава округа», «с сегодняшнего дня она директор колледжа», «с понедельника он директор МУП»
NOW_WORDS = frozenset({"теперь", "отныне"})
# the words of «с сегодняшнего дня», «с этого часа» after «с» (a time noun of time_nouns.txt last)
FROM_NOW_REACH = 2


def _holding_from_now(scene: Scene, found: list[Found]) -> list[Found]:
    """«..., и с этого часа он генеральный директор компании», «теперь он глава Гайнского
    муниципального округа»: one told to hold a post from now on, with no verb, took it."""
    out: list[Found] = []
    for sent in range(len(scene.tagged.sents)):
        limit = scene.tagged.sents[sent].last
        for unit in scene.units(sent):
            if not unit.refs or unit.refs[0][0] != "person" or not _told_from_now(scene, unit.first):
                continue
            if unit_case(scene, unit) != "Nom" or any(same_person(scene, f.person, unit.refs[0]) for f in found + out):
                continue
            slot = _post_phrase(scene, unit.last, limit)
            post = _slot_post(scene, slot) if slot is not None else None
            if post is not None:
                out.append(Found(unit.refs[0], post, "appointed", sent, date_in(scene, sent, unit.first)))
    return out


def _told_from_now(scene: Scene, k: int) -> bool:
    """Right before token k: «теперь», «отныне», or «с» and a time noun («с сегодняшнего дня», «с
    понедельника»)."""
    toks = scene.toks
    if k == 0 or toks[k - 1].sent != toks[k].sent:
        return False
    if scene.lemmas[k - 1] in NOW_WORDS:
        return True
    return scene.lemmas[k - 1] in time_nouns() and any(
        toks[j].text.lower() in ("с", "со") for j in range(max(0, k - 2 - FROM_NOW_REACH), k - 1)
    )


# what joins a post called new and its holder: «Новый директор завода — Максим Изюмов», «Алексей
# Голошубов — новый глава администрации»; after the post, nothing too («Новый управляющий офисом
# Дмитрий Мачехин»)
NEW_POST_DASHES = frozenset({"—", "–"})


def _appointed_to_a_new_post(scene: Scene, found: list[Found]) -> list[Found]:
    """«Новый директор ОГБУ «Мелекесский конный завод» — Максим Изюмов», «работает под началом нового
    директора — Ларисы Бондаревой», «Новый управляющий офисом Дмитрий Мачехин сегодня впервые открыл
    офис»: one the text gives a post called new, right before the name or set off by a dash, took it,
    though no verb says so."""
    text = scene.tagged.text
    out: list[Found] = []
    for ref, person in _persons_not_found(scene, found):
        for post in person.posts:
            first = scene.tagged.token_at(post.start)
            if first is None or first == 0 or scene.lemmas[first - 1] != NEW_POST_WORD:
                continue
            new_at = scene.toks[first - 1].start
            dashed = any(
                post.end <= m.start and text[post.end : m.start].strip() in NEW_POST_DASHES | {""}
                or m.end <= new_at and text[m.end : new_at].strip() in NEW_POST_DASHES
                for m in person.mentions
            )
            if dashed:
                sent = scene.toks[first].sent
                out.append(Found(ref, post.normal, "appointed", sent, date_in(scene, sent, first)))
                break
    return out


def _vacated_post(scene: Scene, found: list[Found]) -> str | None:
    """The post the text's one dismissed person left, in its fullest form."""
    left = [f for f in found if f.action == "dismissed" and f.post]
    if not left or not all(same_person(scene, f.person, left[0].person) for f in left):
        return None
    return max((f.post or "" for f in left), key=len)


def _interim_post(scene: Scene, sent: int, marker: range, unit: Unit, vacated: str | None) -> str | None:
    """The post held meanwhile: an acting post the sentence names («обязанности директора
    департамента будет исполнять»), unless the post left says it in full; else the post left, the
    post waited for («нового президента»), whom the person deputizes («первый заместитель
    директора» -> директор)."""
    post = _acting_post_in(scene, sent)
    if post is not None and not (vacated and _same_head(vacated, post)):
        return post
    return vacated or _waited_post(scene, marker) or _deputy_of(scene, unit)


def _same_head(vacated: str, post: str) -> bool:
    """The acting post is the one left, said shorter («директор МУП «ТГБ»» of «директор
    муниципального унитарного предприятия «Тавдинские городские бани»»): its head is the same."""
    return vacated.lower().startswith(post.lower()) or word_lemma(vacated.split()[0]) == word_lemma(post.split()[0])


def _past_predicate(scene: Scene, sent: int, marker: range) -> bool:
    """«До назначения нового директора X руководил ...» tells the past, no arrangement; a verb
    done once («Статус исполняющего обязанности до конкурса получил X») tells the arrangement."""
    toks = scene.toks
    return any(
        toks[k].feats.get("VerbForm") == "Fin" and toks[k].feats.get("Tense") == "Past"
        and toks[k].feats.get("Aspect") != "Perf"
        for k in scene.sentence_tokens(sent) if k not in marker
    )


def _acting_post_in(scene: Scene, sent: int) -> str | None:
    """«в статусе исполняющей обязанности главного врача», «Обязанности директора департамента
    будет исполнять»: the acting post the sentence names."""
    span = scene.sentence_tokens(sent)
    # «обязанности директора исполняет», «Обязанности министра ... переходят к»
    duties = any(scene.lemmas[k] in ("исполнять", "выполнять", "перейти", "переходить") for k in span)
    for k in span:
        first = _acting_at(scene.toks, k)
        if first is None and duties and scene.lemmas[k] in DUTY_NOUNS:
            first = k + 1
        slot = _post_phrase(scene, first, span.stop) if first is not None and first < span.stop else None
        if slot is not None and slot.first == first:
            return _slot_post(scene, slot)
    return None


def _deputy_of(scene: Scene, unit: Unit) -> str | None:
    """«первый заместитель директора Ирина Сомова»: a deputy holds the post of whom they deputize."""
    for k in range(unit.first, unit.last - 1):
        if scene.lemmas[k] in words("second_in_command"):
            slot = _post_phrase(scene, k + 1, unit.last)
            if slot is not None and slot.first == k + 1:
                return _slot_post(scene, slot)
    return None


def _waited_post(scene: Scene, marker: range) -> str | None:
    """«до избрания нового президента»: the post the marker names, if any."""
    for k in marker:
        slot = _post_phrase(scene, k, marker.stop)
        if slot is not None and slot.first == k:
            return _slot_post(scene, slot)
    return None


def _post_in_full(scene: Scene, f: Found) -> str | None:
    """«Министр природных ресурсов и экологии области X выведен из состава правительства. За
    министра остаётся Y»: a post the statement names by its bare head is the last post of that
    head the text named in full before it, whoever held it."""
    if f.post is None:
        return None
    before = scene.tagged.sents[f.sent].start
    fuller = [
        p for person in scene.doc.persons for p in person.posts
        if p.start < before and not p.rank and _heads(p.role, f.post) and len(p.normal) > len(f.post)
    ]
    return _without_acting(max(fuller, key=lambda p: p.start).normal) if fuller else f.post


def _posts_of_successors(found: list[Found]) -> None:
    """«Генеральный директор АО «...» X покидает свой пост. Его преемником стал Y»: a successor
    with no post of their own takes the post the last one leaving before them left; so does one
    appointed to no post named («Освободившуюся должность министр сразу же отдал X»)."""
    for f in found:
        if (f.successor or f.action == "appointed") and f.post is None:
            left = [g for g in found if g.action == "dismissed" and g.post and g.sent <= f.sent]
            f.post = left[-1].post if left else None


def _heads(role: str, post: str) -> bool:
    """«министр» heads «Министр культуры»; «заместитель министра» does not."""
    return (role.lower() + " ").startswith(post.lower() + " ")


def find_appointments(scene: Scene) -> list[Appointment]:
    found: list[Found] = []
    for sent, match in found_triggers(scene, "appointments", appointment_triggers()):
        if not _post_participle(scene, match):
            found += _statements(scene, sent, match)
    out = []
    found += _interim_holders(scene, found)
    found += _acting_by_their_post(scene, found)
    found += _appointed_to_a_new_post(scene, found)
    found += _holding_from_now(scene, found)
    _posts_of_stand_ins(scene, found)
    _posts_of_successors(found)
    vacated = _vacated_post(scene, found)
    for f in _successors_post(scene, _merged(scene, found)):
        f.post = _post_in_full(scene, f)
        if f.action == "acting" and f.post and vacated and len(vacated) > len(f.post) and _same_head(vacated, f.post):
            f.post = vacated  # «обязанности директора МУП «НВК» исполняет X»: the post left, in full
        start, end = span_of(scene, f.sent, f.sent)
        out.append(Appointment(
            person=scene.entity(f.person),
            post=f.post,
            action=f.action,  # type: ignore[arg-type]
            date=f.date.value if f.date else None,
            start=start,
            end=end,
        ))
    return out
