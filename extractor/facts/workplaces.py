"""Workplaces: the organizations a person heads, works in or left, as the text states them.

One list from two sources:
- a post of the person whose organization the entity layer linked («генеральный директор ПАО
  «Северсталь» Александр Шевелев»): relation `post`, the span of the post;
- a verb tying a person to an organization in one clause (`facts_workplace_triggers.txt`):
  «Фриден возглавляет департамент здравоохранения», «Петров, который руководит фондом»,
  «Иванова, работающая в банке», «покинул компанию»: relation `heads`, `works` or `left`, the
  span of the sentence.

The person of a verb is the subject of its clause, or the name a relative clause («, который»)
or a participle stands beside; the organization stands where the verb puts it: its object, the
instrumental, or after «в», «за», «из» (a common noun may stand between: «в компании «Вектор»»),
with the organizations listed after it. Or the organization is named first and the person after
the verb: «компания «Кедр», которую возглавляет Лев Ушаков», «союз, возглавляемый Петровым»,
«компанию возглавляет Лев Ушаков». A person «из» an organization works there: «Ольга Гусева из
Института экономики города».
A verb of the future, a plan or a negation states nothing yet.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from extractor.facts.clauses import Clause
from extractor.facts.context import (
    clause_at,
    found_triggers,
    negated,
    roles_in,
    span_of,
    verb_planned,
)
from extractor.facts.units import Ref, Scene, Unit, unit_case
from extractor.lexicon import Match
from extractor.lexicon.facts import workplace_triggers
from extractor.model import Workplace
from extractor.nlp.morph import UD_OF

# how many words may stand between the verb and its organization («возглавлял с 2002 года
# городской департамент»)
MAX_WORDS_TO_ORGANIZATION = 6
# how many common words may stand between a preposition and the organization's name («в
# крупнейшем российском банке «Россия»»)
MAX_DESCRIBING_WORDS = 3
# verbs whose infinitive says the person does it: «начал работать в HSBC»
PHASE_VERBS = frozenset({"начать", "начинать", "продолжать", "продолжить"})
PREPOSITION_FORMS = {"в": ("в", "во"), "за": ("за",), "из": ("из", "изо"), "на": ("на",)}


@dataclass(frozen=True)
class Found:
    person: Ref
    organization: Ref
    relation: str
    sent: int


def _person(unit: Unit) -> bool:
    return bool(unit.refs) and unit.refs[0][0] == "person"


def _organization(unit: Unit) -> bool:
    return bool(unit.refs) and unit.refs[0][0] == "organization"


def _stated(scene: Scene, clause: Clause, k: int) -> bool:
    """A verb stating what is or was: not «будет руководить», «может возглавить», «не работал»;
    an infinitive after «начал», «продолжает» is stated by that verb."""
    toks = scene.toks
    if toks[k].pos not in ("VERB", "AUX"):
        return not _after_an_infinitive(scene, clause, k)
    if toks[k].feats.get("VerbForm") == "Inf" and k - 1 in clause and scene.lemmas[k - 1] in PHASE_VERBS:
        k -= 1
    return not (verb_planned(scene, clause, k) or negated(scene, clause, k))


def _after_an_infinitive(scene: Scene, clause: Clause, k: int) -> bool:
    """A noun of work whose verb is an infinitive says what may or should be: «может перейти на работу
    в правительство», «решил перейти на работу»; not after «начал» («начал работу в»), and not a finite
    verb, whatever its tense («продолжит работу в компании» says where he works)."""
    toks = scene.toks
    verb = next((j for j in range(k - 1, -1, -1) if j in clause and toks[j].pos in ("VERB", "AUX")), None)
    if verb is None or toks[verb].feats.get("VerbForm") != "Inf":
        return False
    return not (verb - 1 in clause and scene.lemmas[verb - 1] in PHASE_VERBS)


def _preposition_before(scene: Scene, unit: Unit) -> str | None:
    """The preposition governing the unit, past a few common words («в компании «Вектор»»)."""
    toks = scene.toks
    k = unit.first - 1
    for _ in range(MAX_DESCRIBING_WORDS + 1):
        if k < 0 or toks[k].sent != toks[unit.first].sent:
            return None
        if toks[k].pos == "ADP":
            return toks[k].text.lower()
        if not (toks[k].text.islower() and toks[k].pos in ("NOUN", "ADJ", "DET")):
            return None
        k -= 1
    return None


def _stands_where(scene: Scene, clause: Clause, unit: Unit, role: str, ways: list[str]) -> bool:
    case = unit_case(scene, unit)  # None: a name its words cannot decline («МВФ», «Газпром»)
    for way in ways:
        if way == "obj" and (role == "obj" or case in ("Acc", None)):
            return True
        if way == "ins" and (role == "ins" or case in ("Ins", None)):
            return True
        if way in PREPOSITION_FORMS and _preposition_before(scene, unit) in PREPOSITION_FORMS[way]:
            return True
    return False


def _organization_of(scene: Scene, clause: Clause, match: Match, ways: list[str]) -> Unit | None:
    """The first organization after the trigger, within reach, standing where the trigger puts it."""
    for unit, role in sorted(roles_in(scene, clause), key=lambda x: x[0].first):
        if unit.first < match.last or not _organization(unit):
            continue
        if unit.first - match.last > MAX_WORDS_TO_ORGANIZATION:
            return None
        if _stands_where(scene, clause, unit, role, ways):
            return unit
        return None  # another organization comes first: «работал в банке, а затем в фонде» is not read
    return None


# what may stand between the organizations of a list: «клубы «Генк», «Андерлехт» и «Брюгге»»
LIST_TOKENS = frozenset({",", "и", "«", "»", '"', "“", "”"})


def _with_list(scene: Scene, unit: Unit) -> list[Ref]:
    """The organization and those listed right after it: «работал в «Росбанке», «ВТБ» и «Сбере»»."""
    toks = scene.toks
    sent = toks[unit.first].sent
    units = sorted((u for u in scene.units(sent) if u.first >= unit.last), key=lambda u: u.first)
    found = [unit.refs[0]]
    last = unit.last
    for u in units:
        between = toks[last : u.first]
        if not _organization(u) or not between or not all(t.text in LIST_TOKENS for t in between):
            break
        if not any(t.text in (",", "и") for t in between):
            break
        found.append(u.refs[0])
        last = u.last
    return found


def _beside(scene: Scene, sent: int, k: int, wanted: Callable[[Unit], bool] = _person) -> list[Ref]:
    """The person (or what `wanted` picks) named right before token k, a comma between:
    «Петров, руководивший ...», «Петров, который ...», «компания «Вектор», которую ...»."""
    toks = scene.toks
    end = k - 1 if k > 0 and toks[k - 1].text == "," else k
    return [u.refs[0] for u in scene.units(sent) if wanted(u) and u.last == end]


# the case of «который» that makes its antecedent the organization of a trigger («которую
# возглавляет», «которой руководит»); after a preposition, the trigger's own («в котором работает»)
RELATIVE_CASE_OF = {"obj": "Acc", "ins": "Ins"}


def _relative_stands_for(scene: Scene, clause: Clause, ways: list[str]) -> int | None:
    """Where the clause's «который» (or its preposition) stands, when it stands where the
    trigger puts the organization."""
    toks = scene.toks
    k = clause.intro
    if clause.kind != "embedded" or k is None:
        return None
    if toks[k].pos == "ADP" and k + 1 < len(toks) and toks[k + 1].lemma == "который":
        preposition = toks[k].text.lower()
        fits = any(preposition in PREPOSITION_FORMS.get(way, ()) for way in ways)
        return k if fits else None
    if toks[k].lemma != "который":
        return None
    cases = {UD_OF.get(p.tag.case) for p in toks[k].parses} | {toks[k].case}
    return k if any(RELATIVE_CASE_OF.get(way) in cases for way in ways) else None


def _object_before(scene: Scene, clause: Clause, match: Match) -> Ref | None:
    """The organization right before the verb, in the accusative or a case its words cannot tell."""
    for unit, _role in roles_in(scene, clause):
        if unit.last == match.first and _organization(unit) and unit_case(scene, unit) in ("Acc", None):
            return unit.refs[0]
    return None


def _person_after(scene: Scene, clause: Clause, match: Match, roles: tuple[str, ...]) -> list[Ref]:
    """The first person after the trigger in one of these roles, within reach."""
    for unit, role in sorted(roles_in(scene, clause), key=lambda x: x[0].first):
        if unit.first < match.last or unit.first - match.last > MAX_WORDS_TO_ORGANIZATION:
            continue
        if _person(unit) and role in roles:
            return [unit.refs[0]]
    return []


def _organization_first(scene: Scene, clause: Clause, match: Match, ways: list[str]) -> list[Found]:
    """The organization named before the trigger, the person after it: a passive participle
    («Союз журналистов, возглавляемый Иваном Петровым») or «который» standing for the
    organization («компания «Вектор», которую возглавляет Иван Петров»)."""
    toks = scene.toks
    trigger = toks[match.first]
    sent = trigger.sent
    if trigger.is_participle and trigger.feats.get("Voice") == "Pass" and "obj" in ways:
        organization = next(iter(_beside(scene, sent, match.first, _organization)), None)
        persons = _person_after(scene, clause, match, ("ins",))
    elif (intro := _relative_stands_for(scene, clause, ways)) is not None:
        organization = next(iter(_beside(scene, sent, intro, _organization)), None)
        persons = _person_after(scene, clause, match, ("subj",))
    elif "obj" in ways and trigger.pos == "VERB":
        # «С 2010 года компанию возглавляет Марсель Крамер»: the object before the verb, the
        # subject after it
        organization = _object_before(scene, clause, match)
        persons = _person_after(scene, clause, match, ("subj",))
    else:
        return []
    if organization is None:
        return []
    return [Found(person, organization, match.value[0], sent) for person in persons]


def _holders(scene: Scene, clause: Clause, match: Match) -> list[Ref]:
    toks = scene.toks
    trigger = toks[match.first]
    sent = trigger.sent
    if trigger.is_participle:
        return _beside(scene, sent, match.first)
    if clause.kind == "embedded" and clause.intro is not None and toks[clause.intro].lemma == "который":
        if toks[clause.intro].case != "Nom":
            return []  # «которую возглавлял X»: the subject is named inside
        return _beside(scene, sent, clause.intro)
    wanted = ("subj", "obj") if trigger.pos == "NOUN" else ("subj",)  # «перевели на работу в мэрию»
    return [u.refs[0] for u, r in roles_in(scene, clause) if _person(u) and r in wanted][:1]


def _statements(scene: Scene, sent: int, match: Match) -> list[Found]:
    relation, where = match.value
    clause = clause_at(scene, match.first)
    if not _stated(scene, clause, match.first):
        return []
    organization = _organization_of(scene, clause, match, where.split())
    if organization is None:
        return _organization_first(scene, clause, match, where.split())
    holders = _holders(scene, clause, match)
    return [Found(person, org, relation, sent) for org in _with_list(scene, organization) for person in holders]


def _from_posts(scene: Scene) -> list[Workplace]:
    """The organization a post refers to, and the others it names in a list after it
    («топ-менеджер Citigroup и Bank of America», «нападающий «Реала» и «Ювентуса»»)."""
    out = []
    for k, person in enumerate(scene.doc.persons):
        for post in person.posts:
            ref = post.org_ref
            if ref is None or ref.type != "organization":
                continue
            listed = [i for i in _organizations_listed(scene, post.start, post.end) if i != ref.index]
            for index in [ref.index, *listed]:
                out.append(Workplace(
                    person=scene.entity(("person", k)),
                    organization=scene.entity(("organization", index)),
                    relation="post",
                    start=post.start,
                    end=post.end,
                ))
    return out


# what joins the organizations a post names: «Citigroup и Bank of America», «Реала» и «Ювентуса»
LISTED_BEFORE = re.compile(r"(?:\s+и|,)\s+[«\"]?\Z")


def _organizations_listed(scene: Scene, start: int, end: int) -> list[int]:
    """Indexes of the organizations a post names after «и» or a comma."""
    text = scene.tagged.text
    return [i for i, org in enumerate(scene.doc.organizations)
            if any(start < m.start and m.end <= end and LISTED_BEFORE.search(text, start, m.start)
                   for m in org.mentions)]


# common words that may stand between «из» and the organization: «из команды Orlando Magic»
MAX_FROM_WORDS = 2


def _from_organization(scene: Scene, sent: int) -> list[Found]:
    """«Джонатан Тэплин из Университета Южной Калифорнии», «Иван Петров из компании «Вектор»»: a
    person followed by «из» and an organization works there."""
    toks = scene.toks
    units = sorted(scene.units(sent), key=lambda u: u.first)
    out = []
    for a, b in zip(units, units[1:], strict=False):
        if not (_person(a) and _organization(b)) or a.last >= len(toks) or toks[a.last].text.lower() != "из":
            continue
        between = toks[a.last + 1 : b.first]
        if len(between) <= MAX_FROM_WORDS and all(t.text.islower() and t.pos in ("NOUN", "ADJ") for t in between):
            out.append(Found(a.refs[0], b.refs[0], "works", sent))
    return out


# «во главе с»: the organization before it is headed by the person after it
HEADED_BY = ("во", "главе", "с")
# common words that may stand between «во главе с» and the person: «во главе с министром»
MAX_HEAD_POST_WORDS = 4


def _headed_by(scene: Scene, sent: int) -> list[Found]:
    """«Правительство во главе с Марьяном Шарецом», «союз (РСП) во главе с Никитой Михалковым»:
    the organization right before «во главе с» is headed by the person after it."""
    toks = scene.toks
    units = sorted(scene.units(sent), key=lambda u: u.first)
    out = []
    for i, a in enumerate(units):
        k = a.last
        if k < len(toks) and toks[k].text == "(":  # an abbreviation in brackets after the name
            k = next((m + 1 for m in range(k, min(len(toks), k + 4)) if toks[m].text == ")"), k)
        if not _organization(a) or tuple(t.text.lower() for t in toks[k : k + 3]) != HEADED_BY:
            continue
        if a.first > 0 and toks[a.first - 1].pos == "NOUN":
            continue  # «делегация Минпромторга во главе с замминистра»: he heads the delegation
        person = next((u for u in units[i + 1 :] if u.first >= k + 3), None)
        if person is None or not _person(person):
            continue
        between = toks[k + 3 : person.first]
        if len(between) <= MAX_HEAD_POST_WORDS and all(t.text.islower() and t.pos in ("NOUN", "ADJ") for t in between):
            out.append(Found(person.refs[0], a.refs[0], "heads", sent))
    return out


def find_workplaces(scene: Scene) -> list[Workplace]:
    """Every (person, organization, relation) once, the first statement of it."""
    out = _from_posts(scene)
    stated = [f for sent, match in found_triggers(scene, "workplaces", workplace_triggers())
              for f in _statements(scene, sent, match)]
    stated += [f for sent in range(len(scene.tagged.sents)) for f in _from_organization(scene, sent)]
    stated += [f for sent in range(len(scene.tagged.sents)) for f in _headed_by(scene, sent)]
    for f in stated:
        start, end = span_of(scene, f.sent, f.sent)
        out.append(Workplace(
            person=scene.entity(f.person),
            organization=scene.entity(f.organization),
            relation=f.relation,  # type: ignore[arg-type]
            start=start,
            end=end,
        ))
    seen: set[tuple[int, int, str]] = set()
    unique = []
    for w in sorted(out, key=lambda w: w.start):
        key = (w.person.index, w.organization.index, w.relation)
        if key not in seen:
            seen.add(key)
            unique.append(w)
    return unique
