"""What the three kinds of facts share: triggers found in a sentence, whether a statement is done
or only planned, its date and place, the sides a plural reference («стороны», «они») stands for,
and the span of sentences stating it."""

from __future__ import annotations

import datetime
import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass, field

from extractor.facts.clauses import Clause, clause_of, clauses, role
from extractor.facts.units import PLURAL_PRONOUNS, Ref, Scene, Unit, may_be_nominative, unit_case
from extractor.lexicon import GAP_QUOTES, Match, PhraseIndex
from extractor.lexicon.facts import documents, meeting_triggers, person_counts, plan_words, venues, words
from extractor.model import DateItem
from extractor.nlp.inflect import nominative_phrase
from extractor.nlp.morph import is_common
from extractor.nlp.tagging import Token

FUTURE_AUX = frozenset({"будет", "будут", "буду", "будем", "будете", "будешь"})
SIDE_ROLES = frozenset({"subj", "with", "between", "gen", "head", "side"})
# a date standing in a dateline («ЦХИНВАЛ, 15 апр — Sputnik.», «Баку, 12 сентября, АЗЕРТАДЖ»,
# a date alone on its line) dates the release, not a fact
DATELINE_AFTER = re.compile(r"^\s*(?:[—–\-/|(]|[,.]\s*/?[A-ZА-ЯЁ«\"]|[\s.,;:]*(?:\d{1,2}[:.]\d{2})?[\s.,;]*$)")
DATELINE_BEFORE = re.compile(r"^(?:[^\d\n]{0,25},\s*|\s*)$")
# «ТОМСК, 14 ноября 2025 года. — Сегодня ...»: a dateline opening the first sentence
DATELINE_IN_LEAD = re.compile(r"^[.,]?\s*[—–]")
# what a counted plural reference counts: «обеими сторонами» persons, «двумя регионами» places
COUNTED_KINDS = {"сторона": "person", "регион": "location", "страна": "location"}
# how far back a statement may look for its subject, its date, the sides of «стороны»
CONTEXT_SENTENCES = 2


@dataclass
class Statement:
    """One sentence's statement of a fact, before statements of the same fact are merged."""

    sent: int  # the sentence holding the trigger
    trigger: int  # its first token
    sides: list[Ref]
    first_sent: int  # the sentences stating it (the sides may stand in the one before)
    last_sent: int
    date: DateItem | None = None
    place: str | None = None
    extra: dict[str, object] = field(default_factory=dict)


# punctuation a trigger's gap may hold: «освободил Иванова, Петрова от должности», «в должность
# директора АО «Х» вступил»
GAP_MARKS = GAP_QUOTES | {",", "(", ")"}


def triggers(scene: Scene, index: PhraseIndex) -> Iterator[tuple[int, Match]]:
    """(sentence, match) of every phrase of `index` in the text, in order."""
    lemmas = scene.lemmas
    toks = scene.toks
    dated = _date_tokens(scene)
    for n, s in enumerate(scene.tagged.sents):
        k = s.first
        while k < s.last:
            if index.starts(lemmas[k]):
                m = index.match(
                    lemmas, k, s.last, lambda j: toks[j].pos != "PUNCT" or toks[j].text in GAP_MARKS, dated.__contains__
                )
                if m is not None:
                    yield n, m
                    k = m.last
                    continue
            k += 1


def _date_tokens(scene: Scene) -> frozenset[int]:
    """The tokens of the text's dates and the commas setting them apart: a date is a circumstance,
    no words of a trigger's gap («приехал вчера, 11 марта 2026 года, в администрацию к главе»)."""
    key = ("date_tokens", -1)
    if key in scene.memo:
        return scene.memo[key]  # type: ignore[return-value]
    toks = scene.toks
    starts = [t.start for t in toks]
    inside = {
        k
        for d in scene.doc.dates
        for k in range(bisect_left(starts, d.start), bisect_left(starts, d.end))
        if toks[k].end <= d.end
    }
    commas = {k for k in range(len(toks)) if toks[k].text == "," and ({k - 1, k + 1} & inside)}
    scene.memo[key] = frozenset(inside | commas)
    return scene.memo[key]  # type: ignore[return-value]


def found_triggers(scene: Scene, name: str, index: PhraseIndex) -> list[tuple[int, Match]]:
    """Every match of one trigger index in the document, found once."""
    key = (name, -1)
    if key not in scene.memo:
        scene.memo[key] = list(triggers(scene, index))
    return scene.memo[key]  # type: ignore[return-value]


def triggers_of(scene: Scene, name: str, index: PhraseIndex, sent: int) -> list[Match]:
    """The matches of one trigger index in one sentence."""
    return [m for s, m in found_triggers(scene, name, index) if s == sent]


def clause_at(scene: Scene, tok: int) -> Clause:
    return clause_of(clauses(scene, scene.toks[tok].sent), tok)


def units_in(scene: Scene, clause: Clause) -> list[Unit]:
    return [u for u in scene.units(clause.sent) if u.first in clause and not _dateline_place(scene, u)]


def _dateline_place(scene: Scene, unit: Unit) -> bool:
    """«Чебоксары, 22 января 2026 г. Министерство ... подписали»: the city of a dateline that opens
    the first sentence is no side of what the sentence tells."""
    toks = scene.toks
    if not unit.refs or unit.refs[0][0] != "location" or unit.first != scene.tagged.sents[toks[unit.first].sent].first:
        return False
    if unit.last + 1 >= len(toks) or toks[unit.last].text != ",":
        return False
    after = toks[unit.last + 1].start
    return any(d.start == after for d in scene.doc.dates)


def roles_in(scene: Scene, clause: Clause, trigger_nouns: frozenset[int] = frozenset()) -> list[tuple[Unit, str]]:
    roles = [(u, role(scene, clause, u, trigger_nouns)) for u in units_in(scene, clause)]
    return _subjects_after_plural(scene, clause, _subject_agreeing(scene, clause, _subjects_listed(scene, roles)))


# the tagger's gender and number, as the morphology writes them
GENDERS = {"Masc": "masc", "Fem": "femn", "Neut": "neut"}
NUMBERS = {"Sing": "sing", "Plur": "plur"}


def _subject_agreeing(scene: Scene, clause: Clause, roles: list[tuple[Unit, str]]) -> list[tuple[Unit, str]]:
    """«Федеральное государственное ... учреждение «...» (ВГУАТ) подписало соглашение»: with no
    subject, an organization's name opening the clause that the tagger reads as an accusative is
    the subject when its head can be a nominative agreeing with the past verb after it in gender
    and number."""
    named = [(n, u) for n, (u, r) in enumerate(roles) if r != "dep"]
    if not named or any(r == "subj" for _u, r in roles) or roles[named[0][0]][1] != "obj":
        return roles
    n, unit = named[0]
    if unit.via != "name" or not unit.refs or unit.refs[0][0] != "organization":
        return roles  # a pronoun («его назначили») or a person is read as the tagger reads it
    toks = scene.toks
    verb = next((k for k in sorted(clause.tokens) if k >= unit.last and toks[k].pos == "VERB"
                 and toks[k].feats.get("Tense") == "Past"), None)
    if verb is None or any(u.first < verb for u, r in roles[n + 1 :] if r != "dep"):
        return roles  # another name stands between it and the verb
    gender = GENDERS.get(toks[verb].feats.get("Gender", ""))
    number = NUMBERS.get(toks[verb].feats.get("Number", ""))
    agrees = any(
        p.tag.case == "nomn" and p.tag.number == number and (gender is None or p.tag.gender == gender)
        for p in toks[unit.head].parses
    )
    return roles[:n] + [(unit, "subj")] + roles[n + 1 :] if agrees else roles


def _subjects_after_plural(scene: Scene, clause: Clause, roles: list[tuple[Unit, str]]) -> list[tuple[Unit, str]]:
    """«Меморандум подписали Петрозаводский университет и АО «Онежский завод»»: with no subject,
    a list of names right after a plural past verb, which the tagger reads as accusatives (the
    fronted document taken for the subject), is the subject when each head can be a nominative."""
    if any(r == "subj" for _u, r in roles):
        return roles
    toks = scene.toks
    verb = next((k for k in sorted(clause.tokens) if toks[k].pos == "VERB" and toks[k].feats.get("Tense") == "Past"
                 and toks[k].feats.get("Number") == "Plur"), None)
    if verb is None:
        return roles
    listed = _list_after(scene, verb, [(n, u) for n, (u, r) in enumerate(roles) if r != "dep" and u.first > verb])
    if len(listed) < 2 or any(roles[n][1] not in ("obj", "none") for n in listed):
        return roles
    heads = [roles[n][0] for n in listed]
    if not all(unit_case(scene, u) is None or may_be_nominative(scene, u) for u in heads):
        return roles
    return [(u, "subj") if n in listed else (u, r) for n, (u, r) in enumerate(roles)]


def _list_after(scene: Scene, verb: int, named: list[tuple[int, Unit]]) -> list[int]:
    """The roles' indices of the names listed right after the verb: «X и Y», «X, Y и Z»."""
    toks = scene.toks
    out: list[int] = []
    at = verb + 1
    for n, unit in named:
        gap = [toks[k].text for k in range(at, unit.first)]
        if gap and (not out or gap not in ([","], ["и"])):
            break
        out.append(n)
        at = unit.last
    return out


def _subjects_listed(scene: Scene, roles: list[tuple[Unit, str]]) -> list[tuple[Unit, str]]:
    """«Приокский государственный университет (ПГТУ) и АО «ОПК» подписали»: a name the tagger reads
    as an accusative, joined by «и» to a subject right after it, is a subject too when its head
    can be a nominative («университет», «учреждение»)."""
    toks = scene.toks
    out = list(roles)
    for n, (unit, r) in enumerate(roles):
        after = [(u, s) for u, s in roles[n + 1 :] if s != "dep"]
        if r != "obj" or not after or after[0][1] != "subj":
            continue
        gap = [toks[k].text for k in range(unit.last, after[0][0].first) if not _inside_gloss(roles, k)]
        if gap == ["и"] and may_be_nominative(scene, unit):
            out[n] = (unit, "subj")
    return out


def _inside_gloss(roles: list[tuple[Unit, str]], k: int) -> bool:
    return any(r == "dep" and u.first - 1 <= k <= u.last for u, r in roles)


# ---------------------------------------------------------------- done or planned


def negated(scene: Scene, clause: Clause, first: int) -> bool:
    """«не назначен», «пока не подписано»."""
    toks = scene.toks
    k = first - 1
    if k in clause and toks[k].pos == "AUX":
        k -= 1
    return k in clause and toks[k].lemma == "не"


def _future(tok: Token) -> bool:
    """A verb in the future tense, by the tagger or, for a rare verb it reads as a noun, by the
    dictionary's one reading («завод перезаключит договор»)."""
    if tok.feats.get("Tense") == "Fut":
        return True
    return bool(tok.parses) and all(p.tag.POS == "VERB" and "futr" in p.tag for p in tok.parses)


def verb_planned(scene: Scene, clause: Clause, first: int) -> bool:
    """A trigger verb that does not state something done: future, infinitive, conditional,
    with a future auxiliary («будет назначен»)."""
    toks = scene.toks
    feats = toks[first].feats
    infinitive = feats.get("VerbForm") == "Inf" and not achieved(scene, clause)
    if _future(toks[first]) or infinitive or feats.get("Mood") == "Cnd":
        return True
    if any(toks[k].lemma == "бы" for k in clause.tokens):
        return True
    return any(toks[k].text.lower() in FUTURE_AUX for k in range(first - 3, first) if k in clause)


# verbs of managing to do something: an infinitive they govern in the past is done («соглашение успели
# подписать до обеда», «Подписать ... удалось лишь с третьей попытки»)
ACHIEVEMENT_VERBS = frozenset({"успеть", "суметь", "смочь", "удаться"})


def achieved(scene: Scene, clause: Clause) -> bool:
    """The clause tells, in the past and not negated, that someone managed to: the infinitive it
    governs is done."""
    toks = scene.toks
    return any(
        toks[k].lemma in ACHIEVEMENT_VERBS and toks[k].feats.get("Tense") == "Past"
        and not (k - 1 in clause and toks[k - 1].lemma in ("не", "ни"))
        for k in clause.tokens
    )


# a decision taken, whose infinitive is done by taking it: «решил прекратить», «постановил назначить»,
# «принял решение освободить», «принято решение назначить»
DECISION_VERBS = frozenset({"решить", "постановить"})
DECISION_NOUN = "решение"
TAKING_VERB = "принять"


def decided(scene: Scene, clause: Clause, inf: int) -> bool:
    """The infinitive at `inf` follows a decision told as taken, adverbs maybe between («решил досрочно
    прекратить»): a board's or an official's act, done by the decision."""
    toks = scene.toks
    if toks[inf].feats.get("VerbForm") != "Inf":
        return False
    k = inf - 1
    while k in clause and toks[k].pos == "ADV":
        k -= 1
    if k not in clause:
        return False
    tok = toks[k]
    if tok.lemma in DECISION_VERBS:
        return tok.feats.get("Tense") == "Past" or tok.feats.get("Variant") == "Short"
    return tok.lemma == DECISION_NOUN and k - 1 in clause and toks[k - 1].lemma == TAKING_VERB and (
        toks[k - 1].feats.get("Tense") == "Past" or toks[k - 1].feats.get("Variant") == "Short"
    )


def clause_planned(scene: Scene, clause: Clause, skip: frozenset[int] = frozenset()) -> bool:
    """A clause speaking of the future or of plans: «встреча состоится», «предстоящая встреча»,
    «планируется подписать»; the tokens of `skip` are not read."""
    toks = scene.toks
    for k in clause.tokens - skip - scene.name_tokens:
        tok = toks[k]
        if k + 1 < len(toks) and toks[k + 1].text.lower() == "ли":
            continue  # «зависело, пойдут ли дети в новую школу»: an indirect question's verb plans nothing
        if (tok.lemma in plan_words() and not _a_project(toks, k)) or tok.text.lower() in FUTURE_AUX:
            return True
        if _future(tok):
            return True
        if tok.pos == "VERB" and tok.feats.get("VerbForm") == "Fin" and negated(scene, clause, k):
            return True  # «Указа о назначении ... пока не подписал»
    return False


def _a_project(toks: list[Token], k: int) -> bool:
    """«реализации инвестиционного проекта», «проект завода полимерных геомембран»: a project with
    an adjective of its own or the genitive of what it builds is an undertaking, no draft («проект
    соглашения», «проект указа») nor plan."""
    if toks[k].lemma != "проект":
        return False
    if k > 0 and toks[k - 1].pos == "ADJ" and toks[k - 1].case == toks[k].case:
        return True
    nxt = toks[k + 1] if k + 1 < len(toks) else None
    drafted = nxt is not None and (documents().starts(nxt.lemma) or nxt.lemma in words("draft"))
    return nxt is not None and nxt.pos == "NOUN" and nxt.case == "Gen" and not drafted


# ---------------------------------------------------------------- date and place


def is_dateline(text: str, item: DateItem) -> bool:
    line_start = text.rfind("\n", 0, item.start) + 1
    line_end = text.find("\n", item.end)
    before = text[line_start : item.start]
    after = text[item.end : line_end if line_end >= 0 else len(text)]
    return bool(DATELINE_BEFORE.match(before)) and bool(DATELINE_AFTER.match(after))


def dateline_day(scene: Scene) -> DateItem | None:
    """The release's day as its dateline gives it («Сыктывкар, 18 июня 2026 года.»): the day a
    signing or a meeting the text reports without a day of its own took place."""
    text = scene.tagged.text
    release = scene.doc.doc_date
    return next((d for d in scene.doc.dates if release and d.value == release and _dateline_or_lead(text, d)), None)


# a dateline's town written in title case, one to three words, before the comma and the day
DATELINE_TOWN = re.compile(r"\s*([А-ЯЁ][а-яё]+(?:[- ][А-ЯЁа-яё][а-яё]+){0,2}),\s*")


def dateline_town(scene: Scene) -> str | None:
    """The town a dateline names before the release's day («Ставрополь, 15 июля 2026 года.»): where
    a meeting the text gives no place of its own took place."""
    day = dateline_day(scene)
    if day is None:
        return None
    text = scene.tagged.text
    line_start = text.rfind("\n", 0, day.start) + 1
    for loc in scene.doc.locations:
        for m in loc.mentions:
            if line_start <= m.start and m.end <= day.start and not text[line_start : m.start].strip() and (
                text[m.end : day.start].strip() == ","
            ):
                return loc.name
    # a small town the model does not know, written in the nominative before the day: «Тальменка, 12 марта»,
    # «Губкинский, 14 марта» (a town's adjective); no other common word («Во вторник, 12 марта»)
    head = DATELINE_TOWN.fullmatch(text, line_start, day.start)
    if head is None:
        return None
    words_of = [t for t in scene.toks if head.start(1) <= t.start < head.end(1) and t.text[:1].isalpha()]
    return None if any(_common_but_adjective(t) for t in words_of) else head.group(1)


def _common_but_adjective(tok: Token) -> bool:
    return is_common(tok.parses) and not any(p.tag.POS == "ADJF" for p in tok.parses)


def _dateline_or_lead(text: str, item: DateItem) -> bool:
    line_start = text.rfind("\n", 0, item.start) + 1
    in_lead = DATELINE_BEFORE.match(text[line_start : item.start]) and DATELINE_IN_LEAD.match(text[item.end :])
    return is_dateline(text, item) or bool(in_lead)


# the days before the release a day told in its body still dates the scene in
RELEASE_WEEK = 8
# how many days after a release date read from its body (no dateline) a signing or a meeting told
# as held may be: «С понедельника, 2 марта, ... директор X. ... в среду, 4 марта, они обсуждали»
DAYS_AFTER_A_BODY_DAY = 7


def day_told_before(scene: Scene, at: int) -> DateItem | None:
    """«27 февраля на стенде региона были подписаны три документа. ... Меморандум подписали A и B»,
    «В понедельник, 19 января, X доложил губернатору ... Стороны подписали соглашение»: a signing
    or a meeting the text gives no day goes on the last day told before it, when that day is in
    the release's week (an older one is background)."""
    text = scene.tagged.text
    told = [d for d in scene.doc.dates if d.start < at and d.value and len(d.value) == 10
            and not is_dateline(text, d) and not deadline(text, d) and _of_a_main_clause(scene, d)]
    if not told:
        return None
    day = told[-1]
    release = scene.doc.doc_date
    if release is None:
        return day
    # a release dated by a day its body tells («Во вторник, 21 апреля 2026 года, депутаты избрали
    # ...»), not by a dateline, may go on to the days after it («На следующий день, 22 апреля, ...»)
    after = DAYS_AFTER_A_BODY_DAY if dateline_day(scene) is None else 0
    return day if days_between(release, day.value) in range(-after, RELEASE_WEEK) else None


def _of_a_main_clause(scene: Scene, item: DateItem) -> bool:
    """«выставки, которая открылась накануне»: a day in a relative or a subordinate clause dates
    the background, not the scene."""
    tok = scene.tagged.token_at(item.start)
    return tok is not None and clause_at(scene, tok).kind == "main"


def days_between(later: str, earlier: str | None) -> int | None:
    """Days from one ISO day to another; None when either is no day («2026-03», None)."""
    try:
        return (datetime.date.fromisoformat(later) - datetime.date.fromisoformat(earlier or "")).days
    except ValueError:
        return None


def date_in(scene: Scene, sent: int, near: int, day_only: bool = False) -> DateItem | None:
    """The date a sentence gives its fact: a date of the sentence that is no dateline and no
    period («за 7 месяцев»), the nearest to the trigger; `day_only`: a day («5 сентября»)."""
    s = scene.tagged.sents[sent]
    text = scene.tagged.text
    near_at = scene.toks[near].start
    aside = _described_aside(scene, sent, near)
    found = [
        d for d in scene.doc.dates
        if s.start <= d.start < s.end and not is_dateline(text, d) and "/" not in (d.value or "")
        and not deadline(text, d) and (not day_only or _is_day(d)) and scene.tagged.token_at(d.start) not in aside
        and not _a_nouns_period(scene, d)
    ]
    return min(found, key=lambda d: abs(d.start - near_at), default=None)


def _a_nouns_period(scene: Scene, item: DateItem) -> bool:
    """«обсудили итоги 2025 года», «план 2026 года»: a year or a month right after a noun, with no
    preposition, is what the noun is of, not when it happened (a day there is: «встреча 3 марта»)."""
    if item.value is None or len(item.value) == 10 or not item.text[:1].isdigit():
        return False
    k = scene.tagged.token_at(item.start)
    return k is not None and k > 0 and scene.toks[k - 1].pos == "NOUN" and scene.toks[k - 1].sent == scene.toks[k].sent


# the words opening a clause of what was said, thought or aimed at: its dates are of that, not of
# the fact told around it («просидели два часа, прикидывая, что предложить гостям в июле»)
TOPIC_OPENERS = frozenset({"что", "как", "чтобы"})


def _described_aside(scene: Scene, sent: int, near: int) -> set[int]:
    """The tokens of «который» clauses that describe something else than the fact at `near`: «прошли
    вдоль теплового узла, который в январе дважды выходил из строя, и обсудили»; not one that
    holds the fact, nor one right after its word («встреча, которая прошла 5 марта»). So are the
    clauses after the fact's word of what was talked or thought of (`TOPIC_OPENERS`)."""
    toks = scene.toks
    out: set[int] = set()
    for c in clauses(scene, sent):
        if c.kind != "embedded" or c.intro is None or near in c:
            continue
        if toks[c.intro].lemma in TOPIC_OPENERS and c.intro > near and _object_clause(toks, c.intro):
            out |= c.tokens
        elif toks[c.intro].lemma == "который" and not c.intro - 2 <= near < c.intro:
            out |= c.tokens
    # what a colon after the fact's word opens tells about something else: «говорили о дороге к
    # элеватору: ... ремонтировали её последний раз в 2012 году»
    s = scene.tagged.sents[sent]
    colon = next((k for k in range(near + 1, s.last) if toks[k].text == ":"), None)
    if colon is not None:
        out |= set(range(colon + 1, s.last))
    return out


def _object_clause(toks: list[Token], intro: int) -> bool:
    """The clause opened at `intro` is the object of the verb before its comma: «прикидывая, что»,
    «обсудили, как» (not «жильё, чтобы ...»: a purpose, which may hold the day the fact is of)."""
    return intro >= 2 and toks[intro - 1].text == "," and toks[intro - 2].pos == "VERB"


def _is_day(item: DateItem) -> bool:
    if item.value is not None:
        return len(item.value) == 10
    return any(c.isdigit() for c in item.text) or item.relative


def deadline(text: str, item: DateItem) -> bool:
    """«до 1 марта», «к концу года», «за 2024 год», «на 2025 год», «с начала года»: a limit, a
    span, a term or a start, not when it happened."""
    if item.text.lower().startswith(("с ", "со ")):
        return True  # «с начала года»: the date took its «с» in
    before = text[max(0, item.start - 4) : item.start].lower().split()
    return bool(before) and before[-1] in ("до", "к", "за", "по", "после", "на", "с", "со")


def place_in(scene: Scene, clause_roles: list[tuple[Unit, str]], staying_only: bool = False) -> str | None:
    """Where it happened: a place or venue the clause puts it «в» or «на»; one it is in before one
    something goes to: «доставку мяса в Якутск ... разбирали в администрации села» (`staying_only`:
    never one it goes to)."""
    places = [u for u, r in clause_roles if r == "at" and u.refs and u.refs[0][0] in ("location", "organization")]
    staying = [u for u in places if scene.toks[u.head].case != "Acc"]
    found = staying if staying_only else staying or places
    return scene.entity(found[0].refs[0]).name if found else None


# the prepositions of where a meeting is held
IN_OR_AT = frozenset({"в", "во", "на"})


def building_in(scene: Scene, clause: Clause) -> str | None:
    """A building or a room the clause puts it in, named by what it is (facts_venues.txt) with its
    adjectives and the genitive words after it: «в Доме правительства Астраханской области», «в
    резиденции губернатора», «в малом зале районной администрации»."""
    toks = scene.toks
    for k in sorted(clause.tokens):
        if toks[k].text.lower() not in IN_OR_AT or k + 1 not in clause:
            continue
        start = k + 1
        while start in clause and toks[start].pos == "ADJ" and toks[start].text.islower():
            start += 1  # «в малом зале», «в красном уголке»
        found = venues().longest_at(toks, start, max(clause.tokens) + 1)
        if found is None or toks[start].feats.get("Number") == "Plur":
            continue  # «по кабинетам», «в залах»: rooms gone round, no place a meeting is held in
        end = found[0]
        named = {u.first: u for u in scene.units(clause.sent) if u.refs}
        while end in clause and toks[end].case == "Gen" and toks[end].text[:1].isalpha():
            unit = named.get(end)
            if unit is not None:
                # a place, a body or a post ends its name («правительства Пермского края», «резиденции
                # губернатора»); a person named is the guest
                end = end if unit.refs[0][0] == "person" and unit.via == "name" else unit.last
                break
            end += 1
        return nominative_phrase(toks[k + 1 : end], scene.tagged.text)
    return None


# ---------------------------------------------------------------- plural references


def resolve_sides(scene: Scene, unit: Unit, earlier: list[Statement]) -> list[Ref]:
    """«стороны», «они», «двумя вузами»: the sides of the fact stated just before, else the
    entities the sentence before names as sides (or, with a count, that many of the kind)."""
    sent = scene.toks[unit.first].sent
    listed = _listed_after(scene, unit) if unit.count is not None else []
    if listed:
        return listed
    for s in range(sent, max(-1, sent - CONTEXT_SENTENCES - 1), -1):
        if unit.count is None:
            stated = [st for st in earlier if st.last_sent == s and len(st.sides) >= 2]
            if stated:
                return list(stated[-1].sides)
        refs = _named_sides(scene, s, unit) if s < sent or _outside_main(scene, unit) else []
        if refs:
            return refs
    if unit.lemma in person_counts() or unit.lemma in PLURAL_PRONOUNS and unit.count is not None:
        return _last_persons(scene, unit)  # «все трое», «втроём они»
    return persons_before(scene, unit) if unit.lemma in PLURAL_PRONOUNS else []


def _last_persons(scene: Scene, unit: Unit) -> list[Ref]:
    """«все трое», «оба»: as many persons as counted, the last named before it, back a few sentences
    («Саволайнен приехала в порт. Там её ждали X и Y. Около двух часов все трое разбирали ...»)."""
    sent = scene.toks[unit.first].sent
    found: list[Ref] = []
    for s in range(sent, max(-1, sent - CONTEXT_SENTENCES - 1), -1):
        named = [u.refs[0] for u in scene.units(s) if u.refs and u.refs[0][0] == "person" and u.last <= unit.first]
        found += [r for r in reversed(distinct(named)) if r not in found]
        if len(found) >= (unit.count or 0):
            break
    return list(reversed(found)) if len(found) == unit.count else []


def persons_before(scene: Scene, unit: Unit) -> list[Ref]:
    """«Климова заглянула к главе округа Дудченко: они обсуждали ...», «Мэр поздравил Корнилову.
    ... они около часа обсуждали»: «они» are the persons named before it in its sentence, else in
    the sentence before, whatever their roles, when there are two or more."""
    sent = scene.toks[unit.first].sent
    for s in (sent, sent - 1):
        if s < 0:
            break
        refs = distinct([u.refs[0] for u in scene.units(s)
                         if u.refs and u.refs[0][0] == "person" and (s < sent or u.last <= unit.first)])
        if len(refs) >= 2:
            return refs
    return _with_the_one_before(scene, unit)


def _with_the_one_before(scene: Scene, unit: Unit) -> list[Ref]:
    """«Гатин поехал в администрацию округа. С главой округа X они познакомились»: «с X они» are X
    and the one person the sentence before names."""
    toks, sent = scene.toks, scene.toks[unit.first].sent
    partner = next((u for u in scene.units(sent) if u.last == unit.first), None)
    if sent == 0 or partner is None or not partner.refs or partner.refs[0][0] != "person":
        return []
    group = scene.tagged.sents[sent].first
    if toks[group].text.lower() not in ("с", "со") or any(toks[k].text in (",", ":") for k in range(group, unit.first)):
        return []
    before = distinct([u.refs[0] for u in scene.units(sent - 1) if u.refs and u.refs[0][0] == "person"])
    return [*before, partner.refs[0]] if len(before) == 1 and before[0] != partner.refs[0] else []


def _listed_after(scene: Scene, unit: Unit) -> list[Ref]:
    """«с тремя предприятиями региона: АО «Купол», АО «Радиозавод» и ООО «Генератор»»: as
    many organizations as counted, listed after a colon, a dash or «а именно» in the same sentence."""
    toks = scene.toks
    end = scene.tagged.sents[toks[unit.first].sent].last
    colon = next((k for k in range(unit.last, end) if toks[k].text in (":", ".", ";", "—", "–") or (
        toks[k].text.lower() == "именно" and toks[k - 1].text.lower() == "а")), None)
    if colon is None or toks[colon].text in (".", ";"):
        return []  # a colon or a dash opens the list: «с тремя компаниями — «Альфа», «Бета» и «Гамма»»
    refs = distinct([u.refs[0] for u in scene.units(toks[unit.first].sent)
                     if u.first > colon and u.refs and u.refs[0][0] == "organization"])
    return refs if len(refs) == unit.count else []


def _outside_main(scene: Scene, unit: Unit) -> bool:
    """«X и Y провели переговоры, по итогам которых стороны подписали ...»: the sides of the
    sentence's main clause are those of a clause after it."""
    main = clauses(scene, scene.toks[unit.first].sent)[0]
    return unit.first not in main.tokens and unit.first > min(main.tokens)


def _named_sides(scene: Scene, sent: int, unit: Unit) -> list[Ref]:
    main = clauses(scene, sent)[0]
    # «Откроют её три партнёра — администрация района, МБУК «...» и ООО «...». Соглашение партнёры
    # подписали сегодня»: the sides a counted noun of sides lists after a dash or a colon
    for counted in scene.units(sent):
        if counted.via == "sides" and counted.count is not None and counted.first in main.tokens:
            listed = _listed_after(scene, counted)
            if listed:
                return listed
    if unit.count is not None:
        persons = unit.lemma in person_counts() or unit.lemma in PLURAL_PRONOUNS
        want = "person" if persons else COUNTED_KINDS.get(unit.lemma, "organization")
        refs = distinct([u.refs[0] for u in scene.units(sent) if u.refs and u.refs[0][0] == want])
        return refs if len(refs) == unit.count else []
    # «прошла встреча ректора X и директора Y»: the genitives of a meeting noun are its sides
    meeting_nouns = frozenset(k for k in main.tokens if meeting_triggers().get((scene.lemmas[k],)) == ("noun",))
    roles = roles_in(scene, main, meeting_nouns)
    refs = distinct([u.refs[0] for u, r in roles if u.refs and r in SIDE_ROLES | {"none"}])
    persons = [r for r in refs if r[0] == "person"]
    if unit.lemma in PLURAL_PRONOUNS and len(persons) >= 2:
        return persons  # «они» after two persons and their company are the persons: «Встретились они ...»
    return refs if len(refs) >= 2 else []


def distinct(refs: list[Ref]) -> list[Ref]:
    """Each entity once, in order."""
    out: list[Ref] = []
    for r in refs:
        if r not in out:
            out.append(r)
    return out


def span_of(scene: Scene, first_sent: int, last_sent: int) -> tuple[int, int]:
    sents = scene.tagged.sents
    return sents[first_sent].start, sents[last_sent].end
