"""Meetings: the sides met or talked («встретился с», «провёл встречу», «на встрече», «провёл
переговоры», «пообщался», «обсудил с», «принял посла»), stated as done.

Each trigger gives a statement read in small steps (`STEPS`): its clause, whether it is done,
the sides (subject, «с» objects, the genitive of «встреча», a delegation's head), what «стороны»
or «они» stand for, a subject left to the sentence before, the date and place. Statements
of one meeting (a title and the body, «Стороны обсудили...» after «X встретился с Y») are merged.
A meeting needs two named sides.
"""

from __future__ import annotations

import datetime
import itertools
from collections.abc import Callable
from dataclasses import replace

from extractor.facts.clauses import Clause, clause_of, clauses, past_date_aside
from extractor.facts.context import (
    CONTEXT_SENTENCES,
    DAYS_AFTER_A_BODY_DAY,
    IN_OR_AT,
    Statement,
    building_in,
    clause_at,
    clause_planned,
    date_in,
    dateline_day,
    dateline_town,
    day_told_before,
    distinct,
    negated,
    persons_before,
    place_in,
    resolve_sides,
    roles_in,
    span_of,
    triggers,
    verb_planned,
)
from extractor.facts.units import PLURAL_PRONOUNS, PRONOUNS, Ref, Scene, Unit, unit_case
from extractor.lexicon import Match, speech_verbs
from extractor.lexicon.facts import agreement_triggers, documents, meeting_triggers, person_counts, sessions, words
from extractor.model import DateItem, Meeting
from extractor.nlp.tagging import Token

MEETING_SIDES = frozenset({"subj", "with", "gen", "head"})
# the sides a meeting noun or verb names itself, beside the subject
OWN_SIDES = frozenset({"gen", "with", "head", "between", "listed"})
# how a meeting noun says the clause's subject took part: «на встрече», «в ходе встречи»,
# «провёл встречу»
FRAME_PREPOSITIONS = frozenset({"на", "в", "во", "после", "по"})
# «для встречи с президентом», «просьба о встрече», «в беседе с НСН сообщил»: a purpose, a topic,
# an interview; no meeting
NOT_MEETING_BEFORE = {"для": "", "о": "", "об": "", "в": "беседа"}


# «принял посла Китая»: the roles of the one received («в своей резиденции посла»: a genitive to the noun before)
RECEIVED = frozenset({"obj", "gen_case", "dep"})


def _received(scene: Scene, unit: Unit, after: int) -> bool:
    """A person after the verb of receiving: «принял в своей резиденции посла Беларуси Дмитрия
    Крутого»; not a thing («принял решение»)."""
    if unit.first < after or not unit.refs or unit.refs[0][0] != "person":
        return False
    toks = scene.toks
    if toks[after].lemma == "участие":
        return False  # «приняли участие X и Y»: who took part, no one received
    # the posts of persons, this one's and those received before it in a list: «принял ...
    # президента компании X», «собрал у себя главу района X и директора завода Y»
    posts = [(m.start, m.end) for p in scene.doc.persons for post in p.posts for m in post.mentions]
    persons = [u for u in scene.units(toks[after].sent) if u.refs and u.refs[0][0] == "person"]
    names = {k for u in persons for k in range(u.first, u.last)}
    governed = False  # a noun between the verb and the person stands in a prepositional group
    for k in range(after, unit.first):
        tok = toks[k]
        if (k in names or any(s <= tok.start < e for s, e in posts)) and tok.case != "Nom":
            continue  # not the subject after the verb: «решение принял глава ведомства X по поручению Y»
        if tok.pos == "ADP":
            governed = True
        elif tok.pos in ("NOUN", "PROPN") and tok.case != "Gen":  # a genitive hangs on the noun before
            if not governed:
                return False  # «принял поздравления коллег X»: the thing received
            governed = False
    return True


def _post_in_accusative(scene: Scene, unit: Unit) -> bool:
    """A person named by a post whose noun may be an animate accusative: «генерального директора
    АО «Сибирь» Олега Сомова» after «в администрации города» is the one received, not the
    place's genitive (a surname alone there is: «в приёмной Иванова»)."""
    if not unit.refs or unit.refs[0][0] != "person":
        return False
    parses = scene.toks[unit.head].parses
    return not any({"Name", "Surn"} & p.tag.grammemes for p in parses) and any(
        p.tag.case == "accs" and p.tag.animacy == "anim" for p in parses
    )


class Draft:
    """A statement being read: the trigger, its clause and roles, the sides found so far."""

    def __init__(self, scene: Scene, sent: int, match: Match, earlier: list[Statement]) -> None:
        self.scene, self.sent, self.match, self.earlier = scene, sent, match, earlier
        self.kind = match.value[0]
        self.clause: Clause = clause_at(scene, match.first)
        nouns = frozenset({match.first}) if self.kind == "noun" else frozenset()
        self.roles = roles_in(scene, self.clause, nouns)
        sides = MEETING_SIDES if self.kind != "noun" or _framed(scene, match.first) else MEETING_SIDES - {"subj"}
        nxt = match.last
        if self.kind == "noun" and nxt < len(scene.toks) and scene.toks[nxt].text.lower() == "между":
            sides = sides | {"between"}  # «встреча между премьер-министром Турции и президентом Украины»
        if self.kind == "receive":  # whom the subject received: an animate accusative, read as a genitive too
            sides = sides | RECEIVED
        if self.kind == "before":  # whom the subject reported to: «отчитался перед главой округа X»
            sides = sides | {"before"}
        if self.kind == "to":  # whom the subject reported or paid a visit to: «доложил губернатору X»
            sides = sides | {"dat", "to"}  # and whom they went to: «приехал к главе округа X»
        # a name whose case its words cannot tell, before the verb, is its subject
        met = RECEIVED | {"before", "dat", "to"}
        if self.kind == "receive":  # «принял в здании правительства директора завода X»: read into the place
            self.roles = [(u, "obj" if r == "at" and _post_in_accusative(scene, u) else r) for u, r in self.roles]
        self.units: list[tuple[Unit, str]] = [
            (u, "subj" if r == "none" else "with" if r in met else r) for u, r in self.roles
            if (r in sides and (r not in RECEIVED or _received(scene, u, match.last))
                or r == "none" and "subj" in sides and u.last <= match.first) and not _town_noun(u)
        ]
        self.refs: list[Ref] = []
        self.first_sent = self.last_sent = sent
        self.one_side_before = False  # one side is who the sentence before speaks of (`_subject_before`)
        self.rejected = False


Step = Callable[[Draft], None]


def _town_noun(unit: Unit) -> bool:
    """«после встречи муниципалитет и компания подписали»: a town or region said by a common noun
    meets no one."""
    return unit.via == "noun" and bool(unit.refs) and unit.refs[0][0] == "location"


# the parts people play in a meeting, said by a copula: «Участниками встречи стали ...», «Хозяином
# встречи был ...»
MEETING_ROLES = frozenset({"участник", "хозяин"})


def _framed(scene: Scene, k: int, verbs_only: bool = False) -> bool:
    """«на встрече», «в ходе встречи», «провёл встречу», «принял участие во встрече»: the meeting
    the clause's subject took part in; not «к 75-летию встречи войск»."""
    toks = scene.toks
    if _held_after(scene, k):
        return True
    j = k - 1
    while j >= 0 and toks[j].pos == "ADJ":
        j -= 1
    if j < 0:
        return False
    if toks[j].lemma in words("hold") or _held_before(scene, j):
        return True
    if toks[j].lemma in MEETING_ROLES and toks[j].case == "Ins":
        return True  # «Участниками встречи стали X и Y», «Хозяином встречи был X»: who took part, by a copula
    if verbs_only:
        return False
    if toks[j].lemma in words("frame") and j > 0 and toks[j - 1].pos == "ADP":
        return True
    return toks[j].pos == "ADP" and toks[j].text.lower() in FRAME_PREPOSITIONS


# what may stand between a verb of holding and its meeting noun: «провели в Усинске первый раунд
# переговоров», «провели вчера переговоры»
HELD_GAP = 8
GAP_WORDS = frozenset({"ADJ", "ADV", "NUM", "DET"})


def _held_before(scene: Scene, j: int) -> bool:
    """A verb of holding a few words before the meeting noun, past an adverb, a group of place or
    time and the counted noun of a series («раунд», «серия»); `j` is the word before the noun."""
    toks = scene.toks
    sent, stop = toks[j].sent, max(0, j - HELD_GAP)
    while j >= stop and toks[j].sent == sent:
        tok = toks[j]
        if tok.lemma in words("hold") and tok.pos == "VERB":
            return True
        if tok.pos in GAP_WORDS or tok.lemma in words("series"):
            j -= 1
            continue
        if tok.pos in ("NOUN", "PROPN"):
            adp = _preposition_before(toks, j)
            if adp is None:
                return False
            j = adp - 1
            continue
        return False
    return False


# the words of a noun group after its preposition: a genitive with its adjectives
MAX_GROUP_WORDS = 5


def _preposition_before(toks: list[Token], j: int) -> int | None:
    """The preposition a noun group ending at `j` hangs on: «в Усинске», «в здании администрации»,
    «в администрации Ржаксинского муниципального округа»."""
    for i in range(j - 1, max(-1, j - 1 - MAX_GROUP_WORDS), -1):
        if toks[i].pos == "ADP":
            return i
        if toks[i].pos not in ("NOUN", "PROPN", "ADJ", "NUM"):
            return None
    return None


# how far after a meeting noun opening its clause the verb holding it may stand
HELD_AFTER_REACH = 20


def _held_after(scene: Scene, k: int) -> bool:
    """A meeting noun in the accusative whose verb of holding comes after it: «Беседу о строительстве
    водозабора вели в Уфе X и Y», «Переговоры ... провели X и Y»."""
    toks = scene.toks
    if toks[k].case != "Acc":
        return False
    j, stop = k + 1, min(len(toks), k + 1 + HELD_AFTER_REACH)
    while j < stop:
        tok = toks[j]
        if tok.text == "," and (past := past_date_aside(scene, j)) is not None:
            j = past  # «Встречу в среду, 4 марта, провели X и Y»: a date set off by commas
            continue
        if tok.sent != toks[k].sent or tok.text in (",", ";", ":", "."):
            return False
        if tok.pos == "VERB" and tok.feats.get("VerbForm") == "Fin":
            return tok.lemma in words("hold")
        j += 1
    return False


def _took_place(scene: Scene, k: int) -> bool:
    """A meeting noun in the nominative opening its sentence (its adjectives may come first), the
    subject of a verb telling it took place: «Встреча прошла в закрытом формате», «Рабочая встреча
    проходила в администрации»."""
    toks = scene.toks
    sent = scene.tagged.sents[toks[k].sent]
    if toks[k].case != "Nom" or any(toks[j].pos != "ADJ" for j in range(sent.first, k)):
        return False
    verb = next((j for j in range(k + 1, min(sent.last, k + 1 + HELD_AFTER_REACH)) if toks[j].pos == "VERB"), None)
    return verb is not None and toks[verb].lemma in words("took_place")


def _done(d: Draft) -> None:
    """Not planned, not denied: «встретится», «планирует встретиться», «встреча состоится»."""
    first = d.match.first
    if negated(d.scene, d.clause, first):
        d.rejected = True
    elif d.kind == "noun":
        d.rejected = clause_planned(d.scene, d.clause) or _held_now(d.scene.toks, first)
    else:
        d.rejected = verb_planned(d.scene, d.clause, first) or clause_planned(d.scene, d.clause) and (
            d.scene.toks[first].feats.get("VerbForm") != "Fin"
        ) or _going_on(d.scene.toks[first])


def _held_now(toks: list[Token], first: int) -> bool:
    """«С колледжем мастерская тоже ведёт переговоры», «ведёт похожие переговоры»: a meeting noun
    held by a verb in the present tense goes on, no meeting held."""
    k = first - 1
    while k >= 0 and toks[k].pos == "ADJ":
        k -= 1
    return k >= 0 and toks[k].pos == "VERB" and _going_on(toks[k])


def _going_on(verb: Token) -> bool:
    """A meeting verb in the present tense tells what goes on, not a meeting held: «кандидатуру он
    обсуждает с департаментом»."""
    return verb.feats.get("VerbForm") == "Fin" and verb.feats.get("Tense") == "Pres"


def _as_a_meeting(d: Draft) -> None:
    """A full participle («обсуждаемых кандидатур») is no action; a noun after «для» or «о» is
    a purpose or a topic; «в беседе с X сообщил» is an interview."""
    toks = d.scene.toks
    tok = toks[d.match.first]
    if tok.is_participle:
        d.rejected = True
        return
    j = d.match.first - 1
    while j >= 0 and toks[j].pos == "ADJ":
        j -= 1
    if d.kind == "noun" and j >= 0 and toks[j].pos == "ADP":
        only = NOT_MEETING_BEFORE.get(toks[j].text.lower())
        d.rejected = only is not None and only in ("", tok.lemma)
        # «согласен на переговоры», «пригласил на встречу»: where one is going, not where one was
        d.rejected = d.rejected or toks[j].text.lower() in ("на", "в", "во") and tok.case == "Acc"


def _own_sides(d: Draft) -> None:
    """A meeting noun names its sides («встреча X с Y», «на встрече с Y»), or a verb holding it
    has two subjects («X и Y провели переговоры»); «после длительных переговоров» names none."""
    if d.kind != "noun" or any(r in OWN_SIDES for _u, r in d.units):
        return
    relative = _sides_of_relative_holding(d)
    if relative:
        d.units = relative  # «Повестка встречи, которую провели X, Y и Z, ...»
        return
    subjects = [u for u, r in d.units if r == "subj"]
    if _framed(d.scene, d.match.first) and not _framed(d.scene, d.match.first, verbs_only=True):
        return  # «во встрече приняли участие X»: sides of a meeting told before
    held = _framed(d.scene, d.match.first, verbs_only=True)
    if not held or not (len(subjects) >= 2 or any(u.via == "sides" for u in subjects)):
        d.units = []  # it may still tell where the meeting before took place


# how many sentences back the persons of such a meeting may be named («... на разговор. Тема была одна ...
# Разговор продолжался около двух часов»)
TOLD_BEFORE_SENTENCES = 2
# verbs a meeting goes on, takes time, takes place, begins or ends by: «Разговор продолжался около двух
# часов», «Разговор шёл о том», «Встреча прошла во вторник», «Разговор завершился»
GOING_ON = frozenset({
    "идти", "продолжаться", "продолжиться", "длиться", "затянуться", "занять", "пройти", "проходить",
    "состояться", "начаться", "завершиться", "закончиться",
})


def _sides_told_before(d: Draft) -> None:
    """«Глава округа пригласил к себе министра X и директора Y на разговор. Разговор в администрации
    продолжался около двух часов»: a meeting noun that is the subject of a verb of going on, naming
    no one, is of the persons the nearest sentence before names, two at least, within
    TOLD_BEFORE_SENTENCES."""
    scene, toks = d.scene, d.scene.toks
    noun = toks[d.match.first]
    if d.kind != "noun" or d.sent == 0 or noun.case != "Nom" or any(u.refs for u, _r in d.units):
        return
    if not any(toks[k].lemma in GOING_ON and toks[k].pos == "VERB" for k in d.clause.tokens):
        return
    for s in range(d.sent - 1, max(-1, d.sent - 1 - TOLD_BEFORE_SENTENCES), -1):
        persons: list[Unit] = []
        for u in scene.units(s):
            if u.refs and u.refs[0][0] == "person" and all(u.refs[0] != p.refs[0] for p in persons):
                persons.append(u)
        if len(persons) >= 2:
            d.units = [(u, "listed") for u in persons]
            d.first_sent = s
            return


def _sides_listed_next(d: Draft) -> None:
    """«Главным её пунктом стала встреча в администрации округа. За столом были только трое:
    министр, глава округа X и директор Y»: a meeting noun naming no person is of the persons the
    next sentence lists after its colon, two at least."""
    scene, toks = d.scene, d.scene.toks
    nxt = d.sent + 1
    if d.kind != "noun" or nxt >= len(scene.tagged.sents) or any(_of_a_person(u) for u, _r in d.units):
        return
    colon = next((k for k in scene.sentence_tokens(nxt) if toks[k].text == ":"), None)
    if colon is None:
        return
    persons: list[Unit] = []
    for u in scene.units(nxt):
        if u.first > colon and _of_a_person(u) and all(u.refs[0] != p.refs[0] for p in persons):
            persons.append(u)
    if len(persons) >= 2:
        d.units = [(u, "listed") for u in persons]
        d.last_sent = nxt


def _of_a_person(unit: Unit) -> bool:
    return bool(unit.refs) and unit.refs[0][0] == "person"


def _sides_of_relative_holding(d: Draft) -> list[tuple[Unit, str]]:
    """A meeting noun followed by a relative clause that holds it («встречи, которую в четверг,
    22 января, провели министр X, глава района Y и директор Z»): the names in the nominative after
    its verb of holding, two at least, are its sides. The relative clause runs to the predicate of
    the sentence (a date set off by commas may split what the clause reader sees)."""
    scene, k = d.scene, d.match.last
    toks = scene.toks
    if k + 1 >= len(toks) or toks[k].text != "," or toks[k + 1].lemma != "который":
        return []
    # the plural «которые» of an inanimate noun is the accusative whatever the tagger reads
    if toks[k + 1].case != "Acc" and not (toks[k + 1].text.lower() == "которые" and toks[k + 1].case == "Nom"):
        return []
    stop = max(scene.sentence_tokens(d.sent)) + 1
    stop = min([c.first for c in clauses(scene, d.sent) if c.kind == "predicate" and c.first > k] + [stop])
    verb = next((j for j in range(k + 2, stop) if toks[j].lemma in words("hold") and toks[j].pos == "VERB"), None)
    if verb is None:
        return []
    sides = [
        (u, "subj") for u in scene.units(d.sent)
        if verb < u.first < stop and u.refs and u.refs[0][0] == "person" and unit_case(scene, u) in ("Nom", None)
    ]
    return sides if len(sides) >= 2 else []


def _one_side_with_someone(d: Draft) -> None:
    """«Со зрителями пообщались режиссёр и сценарист»: subjects meeting someone unnamed are one
    side, not a meeting of their own."""
    if d.kind == "noun" or any(r in OWN_SIDES for _u, r in d.units):
        return
    toks = d.scene.toks
    units = {u.first for u, _r in d.roles}
    for k in d.clause.tokens:
        if _colon_between(toks, k, d.match.first):
            continue  # «состоялся контакт с работодателем: X и Y обсуждали»: the colon's lead tells another thing
        if toks[k].text.lower() in ("с", "со") and k + 1 in d.clause and k + 1 not in units:
            nxt = toks[k + 1]
            if nxt.case == "Ins" and nxt.pos in ("NOUN", "ADJ") and not d.scene.unit_at(k + 1):
                d.rejected = True
                return


def _colon_between(toks: list[Token], a: int, b: int) -> bool:
    """A colon between tokens `a` and `b`: what comes before it leads, what comes after tells."""
    return any(toks[k].text == ":" for k in range(min(a, b), max(a, b)))


def _not_a_session(d: Draft) -> None:
    """«На заседании совета стороны обсудили», «на заседании правительства выслушал министра»:
    talking at a session, or hearing someone there, is no meeting."""
    if d.kind in ("with", "receive", "before", "to"):
        lemmas = d.scene.lemmas
        if any(lemmas[k] in sessions() for k in d.scene.sentence_tokens(d.sent)):
            d.rejected = True
        # «Заседание провёл X. Участники обсудили»: a plural subject right after a session is its
        elif d.sent > 0 and any(u.via == "sides" for u, r in d.units if r == "subj"):
            d.rejected = any(lemmas[k] in sessions() for k in d.scene.sentence_tokens(d.sent - 1))


def _face_to_face(d: Draft) -> None:
    """«телефонный разговор», «переговорили по телефону»: a call is no meeting; a call told after
    a colon is another thing («впервые увиделись очно: до этого они говорили по видеосвязи»)."""
    lemmas, toks = d.scene.lemmas, d.scene.toks
    if any(
        lemmas[k] in words("remote") and not _colon_between(toks, k, d.match.first) for k in d.clause.tokens
    ):
        d.rejected = True


def _named_with(d: Draft) -> None:
    """«обсудил с» is a meeting with a «с» side, or with two sides as the subject («глава
    города и директор компании обсудили»): «в министерстве обсудили» is none; «принял» one with
    a person received or a delegation's named head."""
    if d.kind in ("receive", "before", "to"):  # «принимает детей со всей области», «отчитался перед жителями»
        # whom the subject received, not a «с» side alone: «С Элвисом меня познакомила мама»
        with_sides = {u.first for u, r in d.roles if r == "with"} if d.kind == "receive" else set()
        if d.kind == "receive" and _short_passive(d.scene.toks[d.match.first]):
            # «Решение принято по заявлению самого Хоботова»: what is «принято» is its subject; a
            # person received would be that subject («делегация была принята губернатором»)
            d.rejected = not any(r == "subj" and u.refs and u.refs[0][0] == "person" for u, r in d.units)
            return
        d.rejected = not any(
            r == "head" or r == "with" and u.first not in with_sides and u.refs and u.refs[0][0] == "person"
            for u, r in d.units
        )
        return
    if d.kind != "with":
        return
    roles = [r for _u, r in d.units]
    if "with" not in roles and roles.count("subj") < 2 and not any(u.via == "sides" for u, _r in d.units):
        d.rejected = True
    # two sides as the subject take a plural verb: «Первым говорил X, за ним — Y» is one speaker after another
    verb = d.scene.toks[d.match.first]
    if "with" not in roles and verb.pos == "VERB" and verb.feats.get("Number") == "Sing":
        d.rejected = True


def _short_passive(tok: Token) -> bool:
    """«принято», «принята»: a short passive participle."""
    return tok.feats.get("VerbForm") == "Part" and tok.feats.get("Variant") == "Short" and (
        tok.feats.get("Voice") == "Pass"
    )


def _shared_subject(d: Draft) -> None:
    """«Глава республики и директор компании побывали на площадке, где ..., и там же обсудили
    сроки»: a predicate joined by «и» with no subject of its own has the subject of the one before."""
    clause = d.clause
    if clause.kind != "predicate" or clause.parent is None or any(r == "subj" for _u, r in d.units):
        return
    if d.scene.toks[clause.intro].lemma != "и":
        return
    d.units += [(u, r) for u, r in roles_in(d.scene, clause.parent) if r == "subj"]


def _subject_outside(d: Draft) -> None:
    """A gerund or relative clause («Встретившись с коллективом, Николай Николаевич рассказал»)
    takes its subject from the clause it hangs on."""
    if any(r == "subj" for _u, r in d.units) or d.clause.parent is None or d.clause.kind == "quote":
        return
    parent = d.clause.parent
    d.units += [(u, r) for u, r in roles_in(d.scene, parent) if r == "subj"]


def _relative_side(d: Draft) -> None:
    """«с кем глава региона пообщался»: the «с» side is what the relative clause hangs on."""
    toks = d.scene.toks
    clause = d.clause
    if clause.kind != "embedded" or clause.parent is None:
        return
    intro = clause.intro
    if intro is None or toks[intro].text.lower() not in ("с", "со"):
        return
    before = [u for u in d.scene.units(d.sent) if u.last == intro - 1]  # «..., X, с которым»
    if before:
        d.units.append((before[0], "with"))
    else:
        d.units += [(u, r) for u, r in roles_in(d.scene, clause.parent) if r == "subj"]


# how many words of the noun's own may stand between «их» and a meeting noun
MAX_WORDS_AFTER_THEIR = 3


def _their_meeting(d: Draft) -> None:
    """«Губернатор пригласил для знакомства X ... Их беседа состоялась сегодня»: a meeting noun
    after «их» is of the persons it stands for, as «они» would be."""
    toks = d.scene.toks
    k = d.match.first - 1
    # «их почти трёхчасовой разговор»: the noun's own words may stand between
    while k >= 0 and d.match.first - k <= MAX_WORDS_AFTER_THEIR and toks[k].pos in ("ADJ", "ADV") and (
        toks[k].text.isalpha() or "-" in toks[k].text
    ):
        k -= 1
    if d.kind == "noun" and k >= 0 and toks[k].text.lower() == "их":
        their = Unit(k, k + 1, k, (), "sides", lemma="они")
        # «A и B привезли C на озеро. Там прошёл их разговор»: a talk is of every person named just
        # before, whatever their roles, not only of the subjects
        persons = persons_before(d.scene, their)
        d.units.append((replace(their, refs=tuple(persons), via="pronoun") if persons else their, "subj"))
        here = {u.refs[0] for u in d.scene.units(d.sent) if u.refs}
        if persons and not here & set(persons):
            d.first_sent = min(d.first_sent, d.sent - 1)  # named in the sentence before, which tells of the talk too


def _resolved(d: Draft) -> None:
    """Units to entities; «стороны», «они» to the sides they stand for."""
    order = {"subj": 0, "gen": 1, "with": 2, "head": 3}
    d.units.sort(key=lambda ur: (order.get(ur[1], 4), ur[0].first))  # who met first, then whom
    for unit, _r in d.units:
        if unit.via == "sides":
            refs = resolve_sides(d.scene, unit, d.earlier)
            if refs:
                d.first_sent = min(d.first_sent, _sentence_of(d, refs))
            d.refs += refs
        else:
            d.refs += list(unit.refs)
    d.refs = distinct(d.refs)


def _sentence_of(d: Draft, refs: list[Ref]) -> int:
    for st in reversed(d.earlier):
        if st.sides == refs:
            return st.first_sent
    return max(0, d.sent - 1)


def _subject_before(d: Draft) -> None:
    """«В ходе визита состоялась встреча с X»: one side named, the other is who the sentence
    before speaks of."""
    if len(d.refs) != 1 or any(r in ("subj", "gen") for _u, r in d.units) or _impersonal(d):
        return
    for s in range(d.sent - 1, max(-1, d.sent - CONTEXT_SENTENCES - 1), -1):
        if not _has_verb(d.scene, s):
            continue  # «Благовещенск, 14 августа 2024 года.»: a dateline names nobody who met
        main = clauses(d.scene, s)[0]
        subjects = [u.refs[0] for u, r in roles_in(d.scene, main) if r == "subj" and u.refs]
        # «Первой точкой рабочей поездки вице-премьера X стало ООО «...»»: who made the visit
        subjects = _visitors(d.scene, s) + subjects
        subjects = [x for x in subjects if x not in d.refs]
        if subjects:
            d.refs = [subjects[0], *d.refs]
            d.first_sent = s
            d.one_side_before = True
            return


def _visitors(scene: Scene, sent: int) -> list[Ref]:
    """The persons named in the genitive right after a noun of a visit: «поездки вице-премьера X»."""
    return [
        u.refs[0] for u in scene.units(sent)
        if u.refs and u.refs[0][0] == "person" and u.first > 0 and scene.lemmas[u.first - 1] in words("visit")
        and unit_case(scene, u) == "Gen"
    ]


def _impersonal(d: Draft) -> bool:
    """«её текст ещё обсуждают с техникумом»: a finite verb in the plural with no subject of its
    clause says someone unnamed talks, not who the sentence before speaks of."""
    toks = d.scene.toks
    tok = toks[d.match.first]
    if d.kind == "noun" or tok.feats.get("VerbForm") != "Fin" or tok.feats.get("Number") != "Plur":
        return False
    # «гости встретились с ...»: a subject no entity stands for is still one
    return not any(toks[k].case == "Nom" and toks[k].pos in ("NOUN", "PROPN", "PRON") for k in d.clause.tokens)


def _has_verb(scene: Scene, sent: int) -> bool:
    return any(scene.toks[k].pos in ("VERB", "AUX") for k in scene.sentence_tokens(sent))


def _head_for_delegation(d: Draft) -> None:
    """«с руководством компании X во главе с её президентом Y»: a delegation is its named head,
    so the body it is named by goes."""
    heads = [u for u, r in d.units if r == "head"]
    if not heads:
        return
    led = [u for u, r in d.units if r == "with" and u.last <= heads[0].first and u.refs and u.refs[0][0] != "person"]
    if led:
        d.units = [(u, r) for u, r in d.units if u is not led[-1]]


# how far after «в лице» the name of who acts for a body may come (its post between)
MAX_REPRESENTATIVE_GAP = 8


def _in_the_person_of(d: Draft) -> None:
    """«встреча губернатора с руководством ООО «Шилка-Цемент» в лице генерального директора Ильи
    Бочкарёва»: a body met in the person of someone is that person."""
    toks = d.scene.toks
    persons = [u for u in d.scene.units(d.sent) if u.refs and u.refs[0][0] == "person"]
    out = []
    for unit, role in d.units:
        k = unit.last
        if unit.refs and unit.refs[0][0] != "person" and k + 1 < len(toks) and (
            toks[k].text.lower() == "в" and toks[k + 1].lemma == "лицо"
        ):
            who = next((u for u in persons if k + 2 <= u.first <= k + 2 + MAX_REPRESENTATIVE_GAP), None)
            if who is not None:
                out.append((who, role))
                continue
        out.append((unit, role))
    d.units = out


def _listed_after_colon(d: Draft) -> None:
    """«Встреча прошла в узком составе: министр X, глава района Y и директор Z»: a meeting noun
    whose clause names no one, ending at a colon, has the persons listed after it for sides."""
    if d.kind != "noun" or any(u.refs and u.refs[0][0] == "person" for u, _r in d.units):
        return
    colon, told = _colon_after(d)
    if colon is None or told:
        return  # «..., заявил: ... подписали»: what comes after is a clause of its own
    listed = [u for u in d.scene.units(d.sent) if u.first > colon and u.refs and u.refs[0][0] == "person"]
    if len(listed) >= 2:
        d.units = [(u, "listed") for u in listed]


def _not_past_a_told_colon(d: Draft) -> None:
    """«Хозяин кабинета и гость обсуждали причал: артель готова восстановить его»: after a colon
    that follows the fact's word, a clause with a predicate of its own tells what was said; its
    subject is no side."""
    if any(r == "listed" for _u, r in d.units):
        return  # the sides listed after the colon: `_listed_after_colon`
    colon, told = _colon_after(d)
    if colon is not None and told:
        d.units = [(u, r) for u, r in d.units if u.first < colon]


def _colon_after(d: Draft) -> tuple[int | None, bool]:
    """The colon after the fact's word in its sentence, and whether a clause with a predicate of
    its own follows it (a relative clause's verb describes one listed: «..., чья компания
    обслуживает котельную»)."""
    toks = d.scene.toks
    end = d.scene.tagged.sents[d.sent].last
    colon = next((k for k in range(d.match.last, end) if toks[k].text == ":"), None)
    if colon is None:
        return None, False
    described = {k for c in clauses(d.scene, d.sent) if c.kind == "embedded" for k in c.tokens}
    return colon, any(_predicate(toks[k]) for k in range(colon, end) if k not in described)


def _predicate(tok: Token) -> bool:
    """A finite verb or a short adjective: what a clause of its own says («обещает», «готова»)."""
    return tok.pos in ("VERB", "AUX") and tok.feats.get("VerbForm") == "Fin" or (
        tok.pos == "ADJ" and tok.feats.get("Variant") == "Short"
    )


def _document_partners(d: Draft) -> None:
    """«Договор ещё с одним хозяйством, КФХ «X», стороны обсуждают»: a «с» group after a
    document's noun is the document's partner, no one the subject talked with."""
    d.units = [(u, r) for u, r in d.units if r != "with" or not _after_a_document(d.scene, u.first)]


# words between a document's noun and its «с» partner: «договор ещё с одним хозяйством»
DOCUMENT_TO_PARTNER = frozenset({"ещё", "еще", "также", "уже"})


# how far before a «с» side its preposition may stand: «с одним хозяйством, КФХ «X»»
PARTNER_REACH = 8


def _after_a_document(scene: Scene, first: int) -> bool:
    toks, lemmas = scene.toks, scene.lemmas
    k = first - 1
    while k >= max(0, first - PARTNER_REACH) and lemmas[k] not in ("с", "со") and toks[k].pos != "VERB":
        k -= 1
    if k < 0 or lemmas[k] not in ("с", "со"):
        return False
    k -= 1
    while k >= 0 and lemmas[k] in DOCUMENT_TO_PARTNER:
        k -= 1
    return k >= 0 and documents().match(lemmas, k, k + 1) is not None


STEPS: list[Step] = [
    _done, _as_a_meeting, _not_a_session, _face_to_face, _listed_after_colon, _not_past_a_told_colon,
    _document_partners,
    _shared_subject, _named_with, _own_sides, _sides_told_before, _sides_listed_next, _one_side_with_someone,
    _subject_outside, _relative_side, _head_for_delegation, _in_the_person_of, _their_meeting,
    _resolved, _subject_before,
]


def _statement(scene: Scene, sent: int, match: Match, earlier: list[Statement]) -> Statement | None:
    d = Draft(scene, sent, match, earlier)
    for step in STEPS:
        step(d)
        if d.rejected:
            return None
    st = Statement(sent, match.first, d.refs, d.first_sent, d.last_sent)
    # «во встрече приняли участие X»: no meeting of its own, a side of the one before
    st.extra["took_part"] = d.kind == "noun" and _framed(scene, match.first) and not any(
        r in OWN_SIDES for _u, r in d.units
    )
    st.date = _met_on(scene, date_in(scene, sent, match.first))
    st.place = (
        place_in(scene, d.roles, staying_only=True) or building_in(scene, d.clause) or place_in(scene, d.roles)
        or _relative_place(scene, st) or _place_of_a_later_predicate(scene, d.clause)
    )
    if st.date is None and d.first_sent < sent and not d.one_side_before:
        # «Уже в среду, 8 апреля, X побывала у главы района Y. ... они около часа обсуждали»: the
        # sentence that names the sides tells the day
        st.date = _met_on(scene, date_in(scene, d.first_sent, scene.tagged.sents[d.first_sent].first, day_only=True))
    if st.place is None and d.first_sent < sent and not d.one_side_before:
        # sides named before (`_sides_told_before`): where that sentence has them be or arrive; not
        # where the one side borrowed from the sentence before was («Последние семь лет он заведовал
        # участком в Долгоруковском районе. ... у Кудеярова состоялась встреча с главой района»)
        st.place = _any_place(scene, d.first_sent) or _arrived_at(scene, d.first_sent)
        if st.place is None and _dated_in(scene, d.first_sent - 1):
            # «В среду ... в администрации округа говорили о мосте. Решали вопрос втроём: X, Y и Z.
            # Разговор продолжался ...»: the sentence that tells when tells where
            st.place = _any_place(scene, d.first_sent - 1)
    if st.date is None or st.place is None:
        _context_of_visit(scene, st)
    if st.date is None and st.place is None:
        _trip_just_before(scene, st)
    return st


def _dated_in(scene: Scene, sent: int) -> bool:
    """Sentence `sent` tells a day."""
    return sent >= 0 and date_in(scene, sent, scene.tagged.sents[sent].first, day_only=True) is not None


# verbs of arriving at a place, whose «в» / «на» with the accusative is where one then is
ARRIVING = frozenset({"приехать", "прибыть", "прилететь", "заехать", "прийти", "съездить", "приходить", "наведаться"})
# personal pronouns that go on with the subject of the sentence before
THIRD_PERSONS = frozenset(PRONOUNS) | PLURAL_PRONOUNS


def _arrived_at(scene: Scene, sent: int) -> str | None:
    """«министр приехал в Омутнинскую центральную районную больницу»: the organization or place a
    verb of arriving takes the sides to."""
    toks = scene.toks
    if not any(scene.lemmas[k] in ARRIVING for k in scene.sentence_tokens(sent)):
        return None
    for u in scene.units(sent):
        if u.first > 0 and toks[u.first - 1].text.lower() in IN_OR_AT and u.refs and u.refs[0][0] in (
            "organization", "location"
        ):
            return scene.entity(u.refs[0]).name
    return None


def _context_of_visit(scene: Scene, st: Statement) -> None:
    """«5 сентября Балахин побывал на предприятии. В ходе посещения ... обсудили»: a sentence
    going on with a visit told just before takes that visit's date and place."""
    toks = scene.toks
    first = scene.tagged.sents[st.sent].first
    opening = [toks[k].lemma for k in range(first, min(first + 3, len(toks)))]
    goes_on = any(w in words("frame") for w in opening) and any(
        toks[k].lemma in words("visit") for k in range(first, min(first + 5, len(toks)))
    )
    gerund = toks[first].feats.get("VerbForm") == "Conv"
    if not (goes_on or gerund):
        return
    for s in range(st.sent - 1, max(-1, st.sent - CONTEXT_SENTENCES - 1), -1):
        main = clauses(scene, s)[0]
        near = scene.tagged.sents[s].first
        st.date = st.date or _met_on(scene, date_in(scene, s, near, day_only=True))
        st.place = st.place or place_in(scene, roles_in(scene, main))
        if st.date is not None:
            return


def _trip_just_before(scene: Scene, st: Statement) -> None:
    """«В среду, 11 марта, Федулова съездила в колледж. С его директором она почти час
    обсуждала ...»: a pronoun going on with the one who went somewhere in the sentence before, or that
    one named again, meets there, on that sentence's day."""
    before = st.sent - 1
    if before < 0:
        return
    # or one of the sides named again: «Голохвастов приехал в администрацию округа. Глава округа X и
    # Голохвастов около часа разбирали ...»
    named_before = any(u.refs and u.refs[0] in st.sides for u in scene.units(before))
    if not named_before and not any(scene.lemmas[k] in THIRD_PERSONS for k in scene.sentence_tokens(st.sent)):
        return
    place = _arrived_at(scene, before)
    if place is not None:
        st.place = place
        st.date = _met_on(scene, date_in(scene, before, scene.tagged.sents[before].first, day_only=True))


def _merged(scene: Scene, statements: list[Statement]) -> list[Statement]:
    """Statements sharing two sides (or one holding the other's) are one meeting: the one with
    more sides (then more persons) stays, the other lends it a date and a place."""
    kept: list[Statement] = []
    for st in statements:
        same = next((k for k in kept if _same_meeting(scene, k, st)), None)
        if same is None:
            kept.append(st)
            continue
        big, small = (st, same) if _fuller(st, same) else (same, st)
        big.date = big.date or small.date
        big.place = small.place if _finer_place(scene, big.place, small.place) else big.place or small.place
        if big is st:
            kept[kept.index(same)] = st
    return kept


def _finer_place(scene: Scene, place: str | None, other: str | None) -> bool:
    """`other` names an organization or a room, no location, where `place` names a location:
    «сверили позиции по проекту ... в Кимрах. Встреча прошла в администрации Кимрского
    муниципального округа», «... в Селтах. Собеседники провели в кабинете главного врача около
    двух часов»."""
    locations = {loc.name for loc in scene.doc.locations}
    return place in locations and other is not None and other not in locations


def _fuller(a: Statement, b: Statement) -> bool:
    persons = sum(r[0] == "person" for r in a.sides) - sum(r[0] == "person" for r in b.sides)
    return len(a.sides) > len(b.sides) or len(a.sides) == len(b.sides) and persons > 0


def _same_meeting(scene: Scene, a: Statement, b: Statement) -> bool:
    sides_a, sides_b = set(a.sides), set(b.sides)
    if 0 in (a.sent, b.sent):  # a title names a company where the body names its head
        sides_a, sides_b = set(_as_people(scene, a.sides, b.sides)), set(_as_people(scene, b.sides, a.sides))
    shared = len(sides_a & sides_b)
    return shared >= 2 or (shared >= 1 and (sides_a <= sides_b or sides_b <= sides_a))


def _without_own_bodies(scene: Scene, sides: list[Ref]) -> list[Ref]:
    """An organization side one of the person sides holds a post of is that person's, no side of
    its own: «генеральный директор АО «А» X ... они беседовали» is not X meeting АО «А»."""
    persons = scene.doc.persons
    held = {
        (p.org_ref.type, p.org_ref.index) for r in sides if r[0] == "person" for p in persons[r[1]].posts
        if p.org_ref is not None
    }
    return [r for r in sides if r[0] == "person" or r not in held]


def _as_people(scene: Scene, sides: list[Ref], other: list[Ref]) -> list[Ref]:
    """An organization among `sides` stands for a person of `other` who holds a post of it: the
    title's «Глава Коми обсудил с «Вычегда Тимбер»» and the body's chairman of its board."""
    persons = scene.doc.persons

    def holder(org: Ref) -> Ref:
        return next((r for r in other if r[0] == "person" and any(
            p.org_ref is not None and (p.org_ref.type, p.org_ref.index) == org for p in persons[r[1]].posts
        )), org)

    return [holder(r) if r[0] == "organization" else r for r in sides]


def find_meetings(scene: Scene) -> list[Meeting]:
    statements: list[Statement] = []
    one_sided: list[Statement] = []  # «состоялась встреча с делегацией X»: the other side may follow
    sideless: list[Statement] = []  # «прошла рабочая встреча»: who took part may follow
    for sent, match in triggers(scene, meeting_triggers()):
        st = _statement(scene, sent, match, statements)
        if st is not None and len(st.sides) >= 2:
            if st.extra.get("took_part"):
                _told_just_before(scene, st, sideless)
            else:
                _told_in_its_sentence(scene, st, sideless)
            statements.append(st)
        elif st is not None and not st.sides:
            if _took_part_next(scene, st) or _pictured(scene, st, statements):
                statements.append(st)
            elif not _continues_last(scene, st, statements) and not (
                (_framed(scene, match.first) or _took_place(scene, match.first)) and _met_before(scene, st, statements)
            ):
                sideless.append(st)  # no one's yet: who took part may follow
        elif st is not None and st.extra.get("took_part"):
            _joins_last(scene, st, one_sided[-1:] if _later(one_sided, statements) else statements)
            if one_sided and len(one_sided[-1].sides) >= 2 and one_sided[-1] not in statements:
                statements.append(one_sided[-1])
        elif st is not None:
            one_sided.append(st)
    statements += _joint_actions(scene, statements)
    out = []
    # people meet: bodies alone that «обсуждали» something for a year talked through their staff
    # («Правительство области и ООО «...» почти год обсуждали, где ...»)
    merged = _merged(scene, statements)
    for st in merged:
        st.sides = _without_own_bodies(scene, st.sides)
    met = [st for st in merged if len(st.sides) >= 2 and any(r[0] == "person" for r in st.sides)]
    town = dateline_town(scene) if met else None  # «Усть-Цильма, 5 марта 2026 года.»: where it was told
    for st in met:
        st.date = st.date or _met_on(scene, day_told_before(scene, scene.toks[st.trigger].start)) or dateline_day(scene)
        told = _place_told_next(scene, st)
        if told is not None and (st.place is None or _finer_place(scene, st.place, told)):
            st.place, st.last_sent = told, st.last_sent + 1  # the meeting is told on in that sentence
        st.place = st.place or _indoors_near(scene, st) or town
        start, end = span_of(scene, st.first_sent, st.last_sent)
        out.append(Meeting(
            participants=[scene.entity(r) for r in st.sides],
            date=st.date.value if st.date else None,
            place=st.place,
            start=start,
            end=end,
        ))
    return out


# how many persons a joint action of a day needs to be read as their meeting; two do when the
# clause says they did it together («X и Y сегодня вместе прошли по строящемуся корпусу»)
JOINT_ACTION_PERSONS = 3
TOGETHER = frozenset({"вместе", "совместно"})
# verbs of going round a place, which two do together as well: «X и Y сегодня осмотрели площадку»
VISITING = frozenset({"осмотреть", "посетить", "объехать", "обойти", "облететь"})


def _joint_actions(scene: Scene, statements: list[Statement]) -> list[Statement]:
    """«В пятницу, 23 января, министр туризма X, глава округа Y и генеральный директор ООО «...» Z
    провели ревизию всего, что ...»: three persons or more, the subject of one verb of the past in
    a sentence that names the day, did it together, a meeting whatever the verb («облетели на
    вертолёте», «устроили разбор полётов»); two when they did it together («вместе») or went round
    a place («осмотрели площадку»), or did it in a body's premises or a room («сегодня в администрации
    района уточняли сроки»); not signing nor saying. How long they spent at it says they did it
    together, and that it happened, as a day would: «X и Y почти два часа выясняли, почему ...». One
    person's action done «вместе с» another is theirs too (`_done_together_with`)."""
    toks, told = scene.toks, {st.sent for st in statements}
    out = []
    for sent, span in enumerate(scene.tagged.sents):
        # the cheap tests first: a sentence with no verb of the kind and no date reads no clauses
        ks = range(span.first, span.last)
        if sent in told or not any(_joint_past(toks[k]) or _together_with(toks, k) for k in ks):
            continue
        timed = _time_spent(scene, ks)
        dated = any(span.start <= d.start < span.end for d in scene.doc.dates) and (
            date_in(scene, sent, span.first, day_only=True) is not None
        )
        if not dated and not timed and not _talked_just_before(scene, sent):
            continue
        main, verbs, persons = _joint_clause(scene, sent, statements)
        with_companions = len(persons) < 2  # «X ... вместе с Y»: X's action, Y there too
        if with_companions:
            main, verbs, persons = _done_together_with(scene, sent, (main, verbs, persons))
        # how long they spent at it says they were at it together: «X, Y и Z почти два часа выясняли»
        together = with_companions or any(scene.lemmas[k] in TOGETHER for k in main.tokens) or timed or (
            _indoors(scene, main)
        )
        visiting = len(verbs) == 1 and scene.lemmas[verbs[0]] in VISITING
        if not _one_action(scene, verbs) or len(persons) < (2 if together or visiting else JOINT_ACTION_PERSONS):
            continue
        if any(scene.lemmas[k] in speech_verbs() or agreement_triggers().starts(scene.lemmas[k]) for k in verbs):
            continue
        st = Statement(sent, verbs[0], persons, sent, sent)
        st.date = _met_on(scene, date_in(scene, sent, verbs[0]))
        roles = roles_in(scene, main)
        # where they stayed before where they went: «в город никто не поехал: ... просидели в кабинете»
        st.place = (
            place_in(scene, roles, staying_only=True) or building_in(scene, main) or place_in(scene, roles)
            or _place_there(scene, main) or _place_of_a_later_predicate(scene, main)
        )
        out.append(st)
    return out


# how many sentences around a meeting's own may tell the premises it was held in
PREMISES_REACH = 1


def _indoors_near(scene: Scene, st: Statement) -> str | None:
    """A meeting no sentence of its own places: the premises of a body or the room where the sentences
    just around it tell something was done («... в мэрии Ак-Довурака решали, успеет ли город ... .
    Участников у разговора было трое: ...», «Трое собеседников собрались в мэрии Тулуна»), its own
    sentences first."""
    last = len(scene.tagged.sents) - 1
    around = sorted(
        range(max(0, st.first_sent - PREMISES_REACH), min(last, st.last_sent + PREMISES_REACH) + 1),
        key=lambda s: (0 if st.first_sent <= s <= st.last_sent else 1, s),
    )
    for sent in around:
        for clause in clauses(scene, sent):
            if not any(_past(scene.toks[k]) for k in clause.tokens):
                continue  # what is done there now: «на рассмотрении кредитной комиссии банка находится ...»
            if any(u.first in clause and _of_a_person(u) and u.refs[0] not in st.sides for u in scene.units(sent)):
                continue  # what someone else did there: «... директор школы Анна Лыкова говорила с родителями»
            roles = roles_in(scene, clause)
            # a body's premises right after «в» / «на» («в мэрии Тулуна»), not a name far from its preposition
            bodies = [
                (u, r) for u, r in roles
                if r == "at" and u.refs and u.refs[0][0] == "organization" and u.first > 0
                and scene.toks[u.first - 1].text.lower() in IN_OR_AT
            ]
            place = place_in(scene, bodies, staying_only=True)
            if place:
                return place
            room = building_in(scene, clause)
            if room and " " in room:  # a room by its noun alone says little of where: «на площадке»
                return room
    return None


def _talked_just_before(scene: Scene, sent: int) -> bool:
    """«Паромную переправу ... сегодня обсуждали прямо на месте. На катере ... выехали X, Y и Z»: the
    sentence before tells of a day's talk in the plural, naming no one; the persons doing something
    together next are the ones who talked."""
    before = sent - 1
    if before < 0 or not _dated_in(scene, before):
        return False
    if any(_of_a_person(u) for u in scene.units(before)):
        return False
    return any(
        _joint_past(scene.toks[k]) and meeting_triggers().starts(scene.lemmas[k]) for k in scene.sentence_tokens(before)
    )


def _place_there(scene: Scene, clause: Clause) -> str | None:
    """«Там» stands for the place the sentence before named last: «..., а закончили его в
    администрации Тимского района. Там больше двух часов они изучали проект»."""
    if clause.sent == 0 or not any(scene.lemmas[k] == "там" for k in clause.tokens):
        return None
    return _any_place(scene, clause.sent - 1, last=True)


def _joint_clause(scene: Scene, sent: int, earlier: list[Statement]) -> tuple[Clause, list[int], list[Ref]]:
    """The first clause whose verb of the past has persons for its subject, its verbs and its
    persons; else the main clause's: «Табуны осмотрели с вертолёта, а склад все трое часа три
    разбирали уже в администрации села»."""
    found = []
    for clause in clauses(scene, sent):
        verbs = [k for k in clause.tokens if _joint_past(scene.toks[k])]
        subjects = [u for u, r in roles_in(scene, clause) if r == "subj"]
        persons = distinct([p for u in subjects for p in _persons_of(scene, u, earlier)])
        found.append((clause, verbs, persons))
        if verbs and len(persons) >= 2:
            return clause, verbs, persons
    return found[0]


def _together_with(toks: list[Token], k: int) -> bool:
    """«вместе с» at token k."""
    return toks[k].text.lower() == "вместе" and k + 1 < len(toks) and toks[k + 1].text.lower() in ("с", "со")


def _done_together_with(
    scene: Scene, sent: int, found: tuple[Clause, list[int], list[Ref]]
) -> tuple[Clause, list[int], list[Ref]]:
    """«Губернатор X добирался сегодня в Исилькуль не служебной машиной, а электричкой — вместе с
    директором ООО «...» Y», «X пил сегодня чай вместе с Y»: a person, the subject of a verb of the
    past in any number, and the persons «вместе с» names in its clause or in a clause of no subject
    of its own after it, did it together."""
    found_clauses = clauses(scene, sent)
    roles = [roles_in(scene, clause) for clause in found_clauses]
    for n, clause in enumerate(found_clauses):
        verbs = [k for k in clause.tokens if _past(scene.toks[k])]
        subjects = [u.refs[0] for u, r in roles[n] if r == "subj" and u.refs and u.refs[0][0] == "person"]
        if not verbs or len(subjects) != 1:
            continue
        # its own clause, or a later one of no subject of its own: «..., а электричкой — вместе с Y»
        theirs = [n] + [
            m for m, later in enumerate(found_clauses)
            if later.intro is not None and later.intro > max(clause.tokens) and all(r != "subj" for _u, r in roles[m])
        ]
        companions = [
            u.refs[0] for m in theirs for u, r in roles[m] if r == "together" and u.refs and u.refs[0][0] == "person"
        ]
        if companions:
            return clause, sorted(verbs), distinct(subjects + companions)
    return found


def _persons_of(scene: Scene, unit: Unit, earlier: list[Statement]) -> list[Ref]:
    """The person a subject names, or the persons «они» stands for: «X привёз сегодня главу округа Y
    на площадку. Час с лишним они мерили шагами пустырь»."""
    if unit.via == "sides" and (unit.lemma in PLURAL_PRONOUNS or unit.lemma in person_counts()):
        return [r for r in resolve_sides(scene, unit, earlier) if r[0] == "person"]
    return [unit.refs[0]] if unit.refs and unit.refs[0][0] == "person" else []


# the words that join one subject's verbs into one action, or one after the other: «вместе проехали и
# местами прошли пешком», «они изучали проект: спорили о мощности», «сначала прошли по участку, а затем спорили»
ONE_ACTION_JOINS = frozenset({"и", ":", "затем", "потом"})


def _one_action(scene: Scene, verbs: list[int]) -> bool:
    """One verb, or verbs of one subject joined by «и», one after the other («затем», «потом»), or
    telling after a colon what it was."""
    return bool(verbs) and all(
        any(scene.toks[k].text.lower() in ONE_ACTION_JOINS for k in range(a + 1, b))
        for a, b in itertools.pairwise(verbs)
    )


# the words of how long something took: «почти два часа», «полтора часа», «больше часа»
DURATION_WORDS = frozenset({"час", "полчаса", "полтора"})
# prepositions that make them a time of day or a deadline: «в 10 часов», «к 12 часам», «через час»
NOT_DURATION = frozenset({"в", "во", "к", "ко", "до", "с", "со", "после", "через", "на"})


def _time_spent(scene: Scene, ks: range) -> bool:
    """The sentence says how long something took: «почти два часа», «больше часа»."""
    toks = scene.toks
    return any(
        scene.lemmas[k] in DURATION_WORDS and not (k > 0 and toks[k - 1].text.lower() in NOT_DURATION)
        and not (k > 1 and toks[k - 1].pos == "NUM" and toks[k - 2].text.lower() in NOT_DURATION)
        for k in ks
    )


def _indoors(scene: Scene, clause: Clause) -> bool:
    """The clause puts what they did in a body's premises or a room: «сегодня в администрации района
    уточняли сроки», «в кабинете главы разбирали проект» (not a town: «в Москве открыли выставку»)."""
    at_a_body = any(r == "at" and u.refs and u.refs[0][0] == "organization" for u, r in roles_in(scene, clause))
    return at_a_body or building_in(scene, clause) is not None


def _past(tok: Token) -> bool:
    return tok.pos == "VERB" and tok.feats.get("VerbForm") == "Fin" and tok.feats.get("Tense") == "Past"


def _joint_past(tok: Token) -> bool:
    return _past(tok) and tok.feats.get("Number") == "Plur"


def _told_just_before(scene: Scene, st: Statement, sideless: list[Statement]) -> None:
    """«... разбирались на рабочей встрече, которая прошла во вторник, 20 января, в администрации
    округа. Во встрече приняли участие X, Y и Z»: the meeting named without sides in the sentence
    before is the one they took part in, and tells its date and place (a date in the list of
    participants is of something else: «в декабре выкупивший имущество»)."""
    if not sideless or st.sent - sideless[-1].sent != 1:
        _done_just_before(scene, st)
        return
    told = sideless[-1]
    st.date = told.date or st.date
    st.place = _relative_place(scene, told) or told.place or st.place
    st.first_sent = told.sent


def _done_just_before(scene: Scene, st: Statement) -> None:
    """«Строительство дороги обсудили в пятницу, 7 ноября, в администрации района. В обсуждении
    приняли участие X, Y и Z»: the sentence before that tells, by the verb of the noun they took
    part in, what was done tells where and when."""
    before = st.sent - 1
    verb = next((
        j for j in (scene.sentence_tokens(before) if before >= 0 else ())
        if scene.toks[j].pos == "VERB" and _noun_of_the_verb(scene.lemmas[st.trigger], scene.lemmas[j])
    ), None)
    if verb is None:
        return
    clause = clause_of(clauses(scene, before), verb)
    # where it was done stands after the verb: not «дорогу ... в верховьях Лузы обсудили»
    st.place = st.place or place_in(scene, [(u, r) for u, r in roles_in(scene, clause) if u.first > verb])
    st.date = st.date or _met_on(scene, date_in(scene, before, scene.tagged.sents[before].first))
    st.first_sent = before


def _told_in_its_sentence(scene: Scene, st: Statement, sideless: list[Statement]) -> None:
    """«Встречались в администрации округа, разговор продолжался больше двух часов»: a meeting
    word naming no one earlier in the sentence is the same meeting, and tells its place."""
    if not sideless or sideless[-1].sent != st.sent:
        return
    told = sideless[-1].place
    if told is not None and (st.place is None or _finer_place(scene, st.place, told)):
        st.place = told


def _relative_place(scene: Scene, st: Statement) -> str | None:
    """The place a relative clause right after the meeting noun tells: «на встрече, которая прошла
    во вторник в администрации округа»; or after its sides, when «которая» agrees with the noun
    and not with them: «В ходе беседы губернатора X с директором Y, которая прошла в администрации»."""
    for clause in clauses(scene, st.sent):
        opening = clause.intro if clause.intro is not None else clause.first
        relative = scene.lemmas[opening] == "который" and (
            0 < opening - st.trigger <= 3 or opening > st.trigger and _agrees_with(scene, opening, st.trigger)
        )
        # or a participle's: «Протокол встречи, прошедшей в пятницу в администрации района, ...»
        participle = scene.toks[opening].is_participle and 0 < opening - st.trigger <= 3
        if relative or participle:
            return place_in(scene, roles_in(scene, clause))
    return None


def _agrees_with(scene: Scene, pronoun: int, noun: int) -> bool:
    """«которая» of «беседы»: a relative pronoun of the noun's gender and number; a feminine or a
    neuter one only, which the persons named between (in the masculine) do not take."""
    toks = scene.toks
    p, n = toks[pronoun].feats, toks[noun].feats
    return toks[noun].pos == "NOUN" and p.get("Number") == n.get("Number") == "Sing" and (
        p.get("Gender") == n.get("Gender") in ("Fem", "Neut")
    )


def _later(one_sided: list[Statement], statements: list[Statement]) -> bool:
    """The last one-sided statement is nearer than the last whole one."""
    return bool(one_sided) and (not statements or one_sided[-1].sent > statements[-1].last_sent)


def _joins_last(scene: Scene, st: Statement, statements: list[Statement]) -> None:
    """«Во встрече также приняли участие министр X и руководители предприятий»: one more side
    of the meeting just told."""
    if statements and st.sent - statements[-1].last_sent <= 2:
        last = statements[-1]
        # «X и директор компании Y провели встречу. После встречи компания подписала»: a body
        # whose head took part is no side of its own
        holders = _as_people(scene, st.sides, last.sides)
        joining = [r for r, who in zip(st.sides, holders, strict=True) if who == r or who not in last.sides]
        last.sides = distinct(last.sides + joining)
        last.last_sent = max(last.last_sent, st.sent)


# a pronoun standing for the meeting just told, as the subject of the next sentence
MEETING_SUBJECT_PRONOUNS = frozenset({"она", "он", "оно"})


def _place_told_next(scene: Scene, st: Statement) -> str | None:
    """«... обсудили проект. Завтрак прошёл в Обнинске»: the sentence right after a meeting that
    opens with a noun of the gathering («завтрак», «презентация», a meeting noun), or with a noun
    its own sentence said, tells its place."""
    nxt = st.last_sent + 1
    if nxt >= len(scene.tagged.sents):
        return None
    toks = scene.toks
    sent = scene.tagged.sents[nxt]
    k = next((j for j in range(sent.first, sent.last) if toks[j].pos != "ADJ"), None)
    if k is None:
        return None
    opening = scene.lemmas[k]
    # or with the noun of what the meeting's sentence says they did: «... провели ревизию проекта.
    # Ревизия шла в администрации округа»
    # the tagger may read a common noun opening its sentence as a name: «Совещание прошло в ...»
    noun = toks[k].pos in ("NOUN", "PROPN")
    said = noun and any(
        scene.lemmas[j] == opening and toks[j].pos == "NOUN" for j in scene.sentence_tokens(st.last_sent)
    )
    # or with a pronoun standing for it, the subject of a verb of going on: «Она прошла сегодня в
    # администрации Вилючинского городского округа»
    pronoun = opening in MEETING_SUBJECT_PRONOUNS and any(
        scene.lemmas[j] in GOING_ON and toks[j].pos == "VERB" for j in scene.sentence_tokens(nxt)
    )
    # or with the noun of the meeting's verb: «... познакомил X с Y. Знакомство состоялось в администрации»
    named = noun and _noun_of_the_verb(opening, scene.lemmas[st.trigger])
    if opening not in words("gathering") and not (meeting_triggers().starts(opening) and noun):
        room = _room_of_them(scene, st, nxt)
        if room is not None:
            return room
        if not (said or pronoun or named or _time_spent_by_them(scene, st, nxt)):
            return None
    return _any_place(scene, nxt)


# a verb's prefixes and suffixes its action noun may lack: «по-знаком-ить» «знаком-ство», «бесед-овать» «бесед-а»
VERB_PREFIXES = ("по", "пере", "при", "про", "раз", "рас", "с", "со")
VERB_SUFFIXES = ("овать", "евать", "ить", "ать", "ять", "еть")
# a stem's last consonant as the action noun may have it: «обсу(д)ить» «обсу(жд)ение»
ALTERNATIONS = {"д": "жд", "т": "щ", "з": "ж", "с": "ш"}
# the letters of a stem that make it one word's and not a chance match
MIN_STEM_LETTERS = 4


def _noun_of_the_verb(noun: str, verb: str) -> bool:
    """Whether `noun` is the action noun of `verb` by their letters: «знакомство» of «познакомить»,
    «беседа» of «беседовать»."""
    suffix = next((x for x in VERB_SUFFIXES if verb.endswith(x)), None)
    if suffix is None:
        return False
    stem = verb[: -len(suffix)]
    stems = {stem} | {stem[len(p):] for p in VERB_PREFIXES if stem.startswith(p)}
    # the consonant the noun alternates: «обсудить» «обсуждение», «посетить» «посещение»
    stems |= {s[:-1] + ALTERNATIONS[s[-1]] for s in stems if s[-1:] in ALTERNATIONS}
    return any(len(x) >= MIN_STEM_LETTERS and noun.startswith(x) for x in stems)


def _time_spent_by_them(scene: Scene, st: Statement, sent: int) -> bool:
    """Sentence `sent` says how long something took and names no person but the meeting's sides:
    «В кабинете главы района проговорили больше двух часов»."""
    span = scene.tagged.sents[sent]
    if not _time_spent(scene, range(span.first, span.last)):
        return False
    return _names_only_them(scene, st, sent)


def _names_only_them(scene: Scene, st: Statement, sent: int) -> bool:
    """Sentence `sent` names no person but the meeting's sides."""
    named = {u.refs[0] for u in scene.units(sent) if u.refs and u.refs[0][0] == "person"}
    return named <= set(st.sides)


def _room_of_them(scene: Scene, st: Statement, sent: int) -> str | None:
    """The room sentence `sent` opens with, when it goes on in the plural with no one else named:
    «... нанёс рабочий визит главе округа X. В кабинете главы округа обсуждали квартиры»."""
    span = scene.tagged.sents[sent]
    toks = scene.toks
    room = building_in(scene, clauses(scene, sent)[0]) if toks[span.first].text.lower() in IN_OR_AT else None
    if room is None:
        return None
    plural_past = any(_joint_past(t) for t in toks[span.first : span.last])
    return room if plural_past and _names_only_them(scene, st, sent) else None


def _continues_last(scene: Scene, st: Statement, statements: list[Statement]) -> bool:
    """«Встреча прошла в Могилеве»: a meeting without sides right after one, or a sentence further
    on, tells its place («Повестка встречи ... Разговор в администрации района продолжался»)."""
    if statements and st.sent - statements[-1].last_sent <= 2:
        last = statements[-1]
        last.place = last.place or st.place or _any_place(scene, st.sent)
        last.date = last.date or st.date
        last.last_sent = max(last.last_sent, st.sent)  # the meeting is told on in this sentence
        return True
    return False


# the pronoun after «в» that points back at the meeting: «в ней участвовали», «в них (переговорах)»
MEETING_PRONOUNS = frozenset({"ней", "нём", "нем", "них"})
# words of taking part: «в ней участвовали», «приняли участие», «Их участниками были»
TAKING_PART = frozenset({"участвовать", "участие", "участник"})


# the possessive pronouns before «участники» that point back at the meeting: «Её участники — X, Y и Z»
OWNER_PRONOUNS = frozenset({"их", "её", "ее", "его"})


def _points_back(toks: list[Token], ks: list[int]) -> bool:
    """A sentence speaking of the meeting before: «в ней», «в них», «Их участниками», «Её участники»."""
    return any(
        toks[k].text.lower() in MEETING_PRONOUNS and toks[k - 1].text.lower() in ("в", "во")
        or toks[k].text.lower() in OWNER_PRONOUNS and toks[k + 1].lemma == "участник"
        for k in ks[1:-1]
    ) or toks[ks[0]].text.lower() in OWNER_PRONOUNS and toks[ks[1]].lemma == "участник"


# a photo's caption: «На снимке: участники встречи — X, Y и Z», «На фото (слева направо): X, Y и Z»
CAPTION_OPENERS = (("на", "снимок"), ("на", "фото"), ("на", "фотография"))


def _pictured(scene: Scene, st: Statement, statements: list[Statement]) -> bool:
    """A meeting told without sides, no meeting told before it, and a photo's caption after it
    naming two persons or more: those persons («прошла встреча ... . На снимке: министр X, глава
    округа Y и директор Z»)."""
    if statements:
        return False
    for nxt in range(st.sent + 1, len(scene.tagged.sents)):
        ks = sorted(scene.sentence_tokens(nxt))
        if len(ks) < 3 or (scene.toks[ks[0]].text.lower(), scene.lemmas[ks[1]]) not in CAPTION_OPENERS:
            continue
        persons = distinct([u.refs[0] for u in scene.units(nxt) if u.refs and u.refs[0][0] == "person"])
        if len(persons) >= 2:
            st.sides, st.last_sent = persons, nxt
            return True
    return False


def _took_part_next(scene: Scene, st: Statement) -> bool:
    """«Закрытая встреча ... прошла в пятницу. Кроме главы X, в ней участвовали только Y и Z»: a
    meeting named without sides, the next sentence telling who took part «в ней»: those persons,
    after whoever held it."""
    nxt = st.sent + 1
    if nxt >= len(scene.tagged.sents):
        return False
    ks = sorted(scene.sentence_tokens(nxt))
    toks = scene.toks
    if len(ks) < 3 or not _points_back(toks, ks) or not any(scene.lemmas[k] in TAKING_PART for k in ks):
        return False
    # who held it: «X провёл встречу с руководителями предприятий. В ней участвовали Y и Z»
    held_by = [u.refs[0] for u, r in roles_in(scene, clause_at(scene, st.trigger))
               if r == "subj" and u.refs and u.refs[0][0] == "person"]
    persons = distinct([u.refs[0] for u in scene.units(nxt) if u.refs and u.refs[0][0] == "person"])
    if len(persons) < 2:
        return False
    st.sides, st.last_sent = distinct(held_by + persons), nxt
    return True


def _met_before(scene: Scene, st: Statement, statements: list[Statement]) -> bool:
    """«Губернатор принял посла Китая. В ходе встречи обсуждались ...»: a meeting named without
    sides right after a sentence about someone and someone else is theirs."""
    if st.sent == 0:
        return False
    main = clauses(scene, st.sent - 1)[0]
    if any(scene.lemmas[k] in words("remote") for k in main.tokens):
        return False  # «Накануне X по видеосвязи обсудил с Y ... После встречи»: the call was no meeting
    roles = roles_in(scene, main)
    subjects = [u.refs[0] for u, r in roles if r == "subj" and u.refs]
    # whom the subject received or visited: an object, a «с» side, a person in another case
    # («принял в своей резиденции посла Китая»: an animate accusative read as a genitive)
    others = [
        u.refs[0] for u, r in roles
        if u.refs and (r in ("obj", "with") and u.refs[0][0] != "location" or r != "subj" and u.refs[0][0] == "person")
    ]
    # «X, Y и Z подвели итоги. Встреча прошла ...»: the subjects met one another
    persons = [x for x in subjects if x[0] == "person"]
    sides = distinct(subjects[:1] + others) if others or len(persons) < 2 else distinct(persons)
    if len(subjects) >= 1 and len(sides) >= 2:
        st.sides, st.first_sent = sides, st.sent - 1
        st.date = st.date or _met_on(scene, date_in(scene, st.sent - 1, scene.tagged.sents[st.sent - 1].first))
        st.place = st.place or _any_place(scene, st.sent - 1)
        statements.append(st)
        return True
    return False


def _met_on(scene: Scene, item: DateItem | None) -> DateItem | None:
    """A meeting told as held is no later than the release: «обсудили инвестпрограмму, которая в
    2026 году составит ...» (a year to come) dates nothing; unless the release's date is only a
    day its body tells and the meeting's is a day within a week after it."""
    release = scene.doc.doc_date
    if item is None or release is None or not item.value:
        return item
    if item.value[: len(release)] <= release[: len(item.value)]:
        return item
    if len(item.value) == len(release) and dateline_day(scene) is None:
        ahead = datetime.date.fromisoformat(item.value) - datetime.date.fromisoformat(release)
        return item if ahead.days <= DAYS_AFTER_A_BODY_DAY else None
    return None


def _place_of_a_later_predicate(scene: Scene, clause: Clause) -> str | None:
    """«X и Y сначала осмотрели площадку, а потом в администрации района два часа сверяли график»:
    where a later predicate of the same subject (no subject of its own) was done; a place it went to
    («... и уехали в Петербург») is none."""
    for later in clauses(scene, clause.sent):
        if later.kind not in ("predicate", "contrast") or later.intro is None or later.intro <= max(clause.tokens):
            continue
        roles = roles_in(scene, later)
        if any(r == "subj" for _u, r in roles):
            continue  # a subject of its own: another action
        place = place_in(scene, roles, staying_only=True) or building_in(scene, later)
        if place:
            return place
    return None


def _any_place(scene: Scene, sent: int, last: bool = False) -> str | None:
    """The place a clause of the sentence names, the first one's (or, `last`, the last one's)."""
    found = clauses(scene, sent)
    for clause in reversed(found) if last else found:
        place = place_in(scene, roles_in(scene, clause)) or building_in(scene, clause)
        if place:
            return place
    return None
