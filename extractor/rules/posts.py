"""Posts: the position a text attaches to a person.

Grammar, in words: a POST is [modifiers] HEAD [dependents], where HEAD is an entry of the post
lexicon (`data/posts.txt`, matched on lemmas so that any case fits) and dependents are what may
follow a post in Russian: genitive groups («Тульской области»), named organizations and places,
quoted names with legal forms («ПАО «Северсталь»»), «по»+dative («по научной работе»),
«в»+locative («в Республике Беларусь»), coordinated genitives («промышленности и торговли») and
chained posts («заместителя Премьер-министра», «губернатора – первого заместителя»).

A post attaches to a name standing right after it (apposition), after the name in commas, a
dash or parentheses, or through a verb («назначен на должность»).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Protocol

from extractor.lexicon.numbers import month_forms
from extractor.lexicon.orgs import compound_head_kind, legal_forms, org_heads, org_organs, time_nouns
from extractor.lexicon.posts import (
    LINK_NOUNS,
    MAX_POST_WORDS,
    is_acting,
    is_acting_participle,
    is_modifier,
    match_post_head,
    post_lemma,
    post_lexicon,
    ranked_noun,
    starts_post,
    starts_rank,
)
from extractor.model import Post
from extractor.nlp.inflect import (
    as_written,
    head_grams,
    head_index,
    join_tokens,
    nominative_phrase,
    nominative_word,
    singular_nominative_phrase,
    substantive_nominative,
)
from extractor.nlp.morph import ADJISH, UD_CASES, UD_OF, in_dictionary, parses
from extractor.nlp.phrases import (
    DASHES,
    MAX_DEPENDENT_TOKENS,
    OPEN_QUOTES,
    NamedSpans,
    case_of,
    coordinated_list_end,
    extend_dependents,
    is_abbreviation,
    object_of_action,
    past_instrumental_partner,
    past_partner,
    sector_abbreviation,
)
from extractor.nlp.tagging import AGE_WORD, Tagged, Token, surname_shape_gender


class NameTokens(Protocol):
    """Where a name stands, by token index (a person rule's name mention has these)."""

    @property
    def first_tok(self) -> int: ...

    @property
    def last_tok(self) -> int: ...


# an apposition after a name is short: «Иван Петров, директор завода», at most six words to its comma
MAX_APPOSITION_WORDS = 6
# a spelling in brackets after a name («Джоэл Саймон (Joel Simon)») has a few words
MAX_SPELLING_WORDS = 6
# a biography's note of birth and death before its dash is longer: «Иван Петров (12 мая 1950 года,
# Тула — 3 марта 2020 года, Москва) — инженер»
MAX_BIO_NOTE_TOKENS = 20
# posts in a row after a name, comma-separated: «..., известный правозащитник, член палаты, ...»
MAX_APPOSITIONS = 3
# «И.о.», «исполняющий обязанности» opens a post: among its first words, after modifiers
ACTING_WITHIN = 3
# analyses of name words asked about again and again across documents
NAME_CACHE = 50_000

# between a post and the name it belongs to, in lists: «министр – Иван Петров», «глава: Иван Петров»
NAME_SEPARATORS = frozenset({"-", "–", "—", ":"})
# posts in a row before one name: «певец, композитор и автор песен Леонард Коэн»
MAX_POSTS_IN_A_ROW = 4
POST_JOINERS = frozenset({",", "и"})
AFTER_NAME_OPENERS = frozenset({",", "(", "-", "–", "—"})
POST_END = frozenset({",", ".", "(", ")", ";", ":", "!", "?", "-", "–", "—"})
# «российский президент», «свердловского губернатора»: adjectives of places end so
PLACE_ADJECTIVE = re.compile(r"(ский|цкий|овный)$")
# «кандидатом на пост главы»: who may take a post, not who takes it
CANDIDACY_NOUNS = frozenset({"кандидат", "кандидатура", "претендент"})
# academic titles, no post when alone: «профессор Н. Г. Воронцова»
ACADEMIC_TITLES = frozenset({"профессор", "доцент", "академик", "член-корреспондент"})
# an academic degree is no post: «доктор технических наук», «кандидат экономических наук»
ACADEMIC_DEGREE = re.compile(
    r"(?:доктор|кандидат)\s+(?:(?:[\w-]+\s+)?наук|искусствоведения|архитектуры|культурологии|богословия)$",
    re.IGNORECASE,
)
# an academic degree abbreviated: «д.м.н.», «к. т. н.», «к.ф.-м.н.», «PhD»; it stands between posts and a
# name as the spelled-out degree does
DEGREE_ABBREV = re.compile(r"[дк]\.\s?(?:[а-я]{1,5}\.\s?-?\s?)*н\.|Ph\.?\s?D\.?", re.IGNORECASE)
# the tokens of such an abbreviation: «к . ф . - м . н .»
MAX_DEGREE_TOKENS = 12
# a title of an academy's member is no post, alone too: «академик РАН», «член-корреспондент Российской
# академии образования» (the blind parts c, d and u list none; the academy is no workplace)
ACADEMY_MEMBER = re.compile(
    r"(?:академик|член-корреспондент|почетный член|иностранный член)\s+(?:[А-ЯЁ]{2,5}|.*академи[а-яё]+\b.*)$",
    re.IGNORECASE,
)
# an honorary title is no post: «заслуженный артист России», «народный учитель»; NEREL v1.1 train
# marks 32 of its 35 «заслуженный / народный ...» as AWARD, and the blind parts f, k, m and q as
# no post; «народный депутат», «народный комиссар», «народный судья» are offices. A sports title
# («мастер спорта международного класса») is one too: NEREL train marks its one as AWARD
HONORARY_TITLE = re.compile(
    r"(?:заслуженн|народн)\w*\s+(?!депутат|комиссар|суд|заседател)|мастер\s+спорта"
    # a sports referee's category: «судья всероссийской категории» (three blind parts list it as no post)
    r"|судья\s+(?:всероссийской|республиканской|международной|первой|второй|третьей|1|2|3)(?:-й)?\s+категории",
    re.IGNORECASE,
)
# degrees and titles no organization holds
NO_POST_TITLES = (ACADEMIC_DEGREE, HONORARY_TITLE, ACADEMY_MEMBER)
# the longest such title between a post and a name: «заслуженный деятель науки Российской Федерации»
MAX_TITLE_WORDS = 6
# «на пост министра», «в должности директора», «в качестве тренера», «с поста», «от должности»,
# «вернется к должности заместителя»
LINK_PREPOSITIONS = frozenset({"на", "в", "с", "со", "от", "к"})
# «с назначением на должность»: the event of taking a post, said of the name before it
LINK_EVENTS = frozenset({"назначение", "избрание", "утверждение", "переназначение"})
# words between a name and the verb linking it to a post: «Петров сейчас является», «был назначен»
MAX_WORDS_TO_LINK_VERB = 3


def _genitive_form(tok: Token, listed: bool) -> bool:
    """A word in the genitive; or, next in a list after a comma, in the animate accusative that has
    the genitive's form: the tagger reads «министра» in «Председателя Правительства области,
    министра энергетики» either way (right after a post it is a name: «режиссёра Эмира»)."""
    case = case_of(tok)
    return case in ("Gen", None) or listed and case == "Acc" and tok.feats.get("Animacy") == "Anim"


def _chained_post(toks: list[Token], j: int, limit: int) -> int | None:
    """A post continuing a post: «заместителя Премьер-министра», «губернатора – первого заместителя»."""
    if j >= limit:
        return None  # a comma closing the text
    head_end = match_post_head(toks, j, limit)
    # the case of the entry's head, not of its last word: «генерал-майор внутренней службы» after
    # a post is a rank of its own, not a genitive going on with it
    if head_end is not None and _genitive_form(_head_noun(toks, j, head_end), listed=j > 0 and toks[j - 1].text == ","):
        return head_end
    if toks[j].text in DASHES and j + 1 < limit:
        # «заместитель председателя правления – директор по работе с клиентами»: one post, whatever
        # the case of the second
        k = j + 1
        while k < limit and is_modifier(toks[k], toks[k - 1]):
            k += 1
        if toks[k - 1].lemma in FIELD_OPENERS:  # «– главный государственный | жилищный | инспектор области»
            k = _past_field_adjectives(toks, k, limit)
        return match_post_head(toks, k, limit)
    return None


# a bishop's title names his see by adjectives: «митрополит Тверской и Кашинский Амвросий»
CHURCH_TITLES = frozenset({"патриарх", "митрополит", "архиепископ", "епископ", "экзарх", "католикос"})
SEE_WORDS = frozenset({"и", "всея", "руси"})
SEE_ADJECTIVE = re.compile(r"(ск|цк)(ий|ой|ого|ому|им|ом)$")


def _see_adjective(tok: Token) -> bool:
    """A capitalized adjective agreeing with the (masculine) title: «Тверской», not the «Русской»
    of «епископа Русской Православной Церкви», which begins the name of his church."""
    return (
        tok.text[:1].isupper()
        and SEE_ADJECTIVE.search(tok.text.lower()) is not None
        and tok.feats.get("Gender") in ("Masc", None)
    )


def _see_end(toks: list[Token], j: int, limit: int) -> int:
    """Past the see of a church title («Тверской и Кашинский», «Московский и всея Руси»)."""
    k = j
    while k < limit and (
        _see_adjective(toks[k])
        or (k > j and toks[k].text.lower() in SEE_WORDS)
    ):
        k += 1
    while k > j and toks[k - 1].text.lower() == "и":
        k -= 1
    return k


def _dependents(tagged: Tagged, spans: NamedSpans, j: int, limit: int) -> int:
    toks = tagged.tokens
    head = toks[j - 1]  # the post's head word (its last)
    if j > 0 and post_lemma(toks[j - 1]) in CHURCH_TITLES and (see := _see_end(toks, j, limit)) > j:
        return see  # «митрополит Тверской и Кашинский»; «архиепископ Боготы» takes its genitive
    if j + 1 < limit and toks[j].text == "и" and case_of(toks[j - 1]) == "Gen" and sector_abbreviation(
        tagged, spans, j + 1, limit
    ):
        j += 2  # «министр энергетики | и ЖКХ Свердловской области»: the head's genitive goes on
    j = _past_field_list(toks, j, limit)
    reach = extend_dependents(tagged, spans, j, limit, _chained_post, name_lists=True)
    if spans.named_end.get(j - 1, j) > j and j - 1 not in spans.per_start:
        # a head whose last word opens a name reaches its end at least: «управляющий | Отделением Томск
        # Сибирского ГУ Банка России»
        named = min(limit, spans.named_end[j - 1])
        reach = max(reach, extend_dependents(tagged, spans, named, limit, _chained_post, name_lists=True))
    end = _past_branch_name(tagged, reach, limit)
    end = _past_municipal_name(tagged, spans, end, limit)
    end = _past_post_tail(toks, end, limit)
    # «начальник Управления | генерал-майор полиции»: a rank after the post is the person's own,
    # with its adjectives («командир армии | 74-летнего генерала»)
    rank = next((k for k in range(j, end) if starts_rank(toks, k)), None)
    if rank is not None:
        end = rank
        while end > j and toks[end - 1].pos == "ADJ" and toks[end - 1].text.islower():
            end -= 1
    # «членом совета директоров и советником ...», «... директоров и бывшего президента»: a post
    # after «и» is another post, not a dependent of this one; a genitive going on a list of
    # genitives is the list's («Союза промышленников и предпринимателей»)
    return next(
        (
            k for k in range(j, end - 1)
            if toks[k].text == "и"
            and (other := _post_head_after(toks, k + 1, end)) is not None
            and not _genitive_list_goes_on(toks, head, k, toks[other])
            and not _inside_an_org_name(tagged, k)
        ),
        end,
    )


# the votes of an election commission's member: «член комиссии с правом решающего голоса»
VOTE_KINDS = frozenset({"решающий", "совещательный"})


def _past_post_tail(toks: list[Token], end: int, limit: int) -> int:
    """A post's own «с» phrase after its organization: a commission member's vote («член
    Избирательной комиссии области | с правом совещательного голоса»), the side one works for in a
    joint project («руководитель проекта | с сербской стороны»)."""
    words = [t.lemma for t in toks[end : min(limit, end + 4)]]
    if words[:1] != ["с"]:
        return end
    if words[1:2] == ["право"] and words[2:3] and words[2] in VOTE_KINDS and words[3:4] == ["голос"]:
        return end + 4
    if len(words) >= 3 and toks[end + 1].pos == "ADJ" and toks[end + 1].text.islower() and words[2] == "сторона":
        return end + 3
    return end


def _post_head_after(toks: list[Token], k: int, limit: int) -> int | None:
    """The post's head at k, or after its modifiers or describing adjectives there: «советником»,
    «бывшего президента», «нынешнего депутата»; None when no post starts at k."""
    while k < limit and match_post_head(toks, k, limit) is None and (
        is_modifier(toks[k], toks[k - 1]) or _describing(toks[k])
    ):
        k += 1
    return k if k < limit and match_post_head(toks, k, limit) is not None else None


def _genitive_list_goes_on(toks: list[Token], head: Token, k: int, other: Token) -> bool:
    """The words around «и» at k are genitives in the same number, and the post's head is no genitive:
    «президентом Союза промышленников и предпринимателей»; a post in the singular after «и» is one
    of its own («ректора университета и нынешнего депутата»)."""
    before, after = toks[k - 1], toks[k + 1]
    return (
        other.feats.get("Number") != "Sing"
        and case_of(head) != "Gen" and case_of(before) == "Gen" and case_of(after) == "Gen"
        and before.feats.get("Number") == after.feats.get("Number")
    )


def _inside_an_org_name(tagged: Tagged, k: int) -> bool:
    """The model's organization span holds the word at k with words on both sides: «председателя
    правления | Союза промышленников и предпринимателей Республики Карелия»."""
    return any(s.type == "ORG" and s.first < k < s.last - 1 for s in tagged.spans)


# a municipality's official name goes on after a dash: «городской округ — город Камышин», «муниципальное
# образование — поселок Тазовский» (not yet «— городской округ город Касимов»)
MUNICIPAL_KINDS = frozenset({"округ", "образование"})
MUNICIPAL_NAMES = frozenset({"город", "поселок", "посёлок", "село"})


def _past_municipal_name(tagged: Tagged, spans: NamedSpans, end: int, limit: int) -> int:
    """Past the dash and the rest of a municipality's official name: «глава городского округа —
    город Камышин Станислав Ефремов»."""
    toks = tagged.tokens
    if not (0 < end < limit - 2 and toks[end].text in DASHES and toks[end - 1].lemma in MUNICIPAL_KINDS):
        return end
    if toks[end + 1].lemma not in MUNICIPAL_NAMES or end + 1 in spans.per_start:
        return end
    return extend_dependents(tagged, spans, end + 2, limit, _chained_post, name_lists=True)


def _past_branch_name(tagged: Tagged, end: int, limit: int) -> int:
    """Past a branch's own quoted name after its company's and a dash: «директор филиала ПАО
    «Россети Центр» — «Курскэнерго»»."""
    toks = tagged.tokens
    if not (0 < end < limit - 1 and toks[end].text in DASHES and toks[end - 1].text in CLOSE_QUOTES):
        return end
    closed = tagged.quote_closes.get(end + 1) if toks[end + 1].text in OPEN_QUOTES else None
    return closed if closed is not None and closed <= limit else end


def _past_field_list(toks: list[Token], j: int, limit: int) -> int:
    """A head ending in a field («директор по маркетингу») goes on with the fields after «и» or a
    comma: «директор по маркетингу и продажам», «по экономике, финансам и инвестициям»."""
    if j < 2 or case_of(toks[j - 1]) != "Dat" or not any(t.text == "по" for t in toks[max(0, j - 4) : j - 1]):
        return j
    return coordinated_list_end(toks, j, limit, ("Dat",)) or j


def _role_end(toks: list[Token], head_end: int, last: int) -> int:
    """The role takes in posts chained right after its head: «заместитель Премьер-министра»."""
    while head_end < last:
        nxt = match_post_head(toks, head_end, last)
        if nxt is None or case_of(toks[nxt - 1]) not in ("Gen", None):
            break
        head_end = nxt
    return head_end


def _role_complement_end(tagged: Tagged, head_end: int, last: int) -> int:
    """The role takes in its lowercase genitive complement, up to a named organization or
    place or a generic organization noun: «министр связи и коммуникаций» РФ, «директор» банка."""
    toks = tagged.tokens
    named = tagged.named_first_set
    heads = org_heads()
    k = head_end
    while k < last and k not in named:
        tok = toks[k]
        if tok.text == "и" and k + 1 < last and toks[k + 1].text.islower() and case_of(toks[k + 1]) == "Gen":
            k += 1
            continue
        if tok.text == "и" and k + 2 < last and is_abbreviation(toks[k + 1]) and case_of(toks[k + 2]) == "Gen":
            k += 2  # «министр энергетики и ЖКХ» Свердловской области
            continue
        if tok.text == "," and case_of(toks[k - 1]) in ("Gen", "Dat") and (
            end := coordinated_list_end(toks, k, last, (case_of(toks[k - 1]),))
        ):
            # «министр строительства, архитектуры и территориального развития» области, «министр по
            # промышленной политике, развитию предпринимательства и торговли» области
            k = end
            continue
        if tok.text == "по" and k + 1 < last and toks[k + 1].text.islower():
            k = _field_after_po(toks, k + 1, last, named)
            continue
        if k > head_end and (partner := past_partner(toks, k, last)) > k:
            k = partner  # «начальник отдела связей | с общественностью»
            continue
        if not (tok.text.isalpha() and tok.text.islower()) or case_of(tok) != "Gen":
            break
        if tok.pos in ("NOUN", "PROPN") and ((tok.lemma,) in heads or compound_head_kind(tok.lemma, joined=True)):
            break  # «директор» банка, «директор» агрокомбината
        if k + 1 < last and (tok.lemma, toks[k + 1].lemma) in heads:
            break  # a two-word organization noun: «вооружённых сил»
        k += 1
    # an adjective left hanging belongs to what follows: «министр» Новосибирской области
    while k > head_end and toks[k - 1].pos == "ADJ":
        k -= 1
    return k


def _field_after_po(toks: list[Token], k: int, last: int, named: Collection[int]) -> int:
    """The end of the field after «по» at k: «министр по | государственным сборам», «секретарь по |
    вопросам прав человека», «по | связям с общественностью и взаимодействию со СМИ»."""
    while True:
        while (
            k < last
            and k not in named
            and toks[k].text.islower()
            and toks[k].text.isalpha()
            and (case_of(toks[k]) in ("Dat", "Gen") or toks[k].text == "и" or object_of_action(toks, k))
        ):
            k += 1
        k = past_instrumental_partner(toks, k, last)
        if not (k + 1 < last and toks[k].text == "и" and toks[k + 1].text.islower() and case_of(toks[k + 1]) == "Dat"):
            return k
        k += 1


def _post_record(tagged: Tagged, first: int, head_end: int, last: int, group: bool = False) -> Post | None:
    """The post over tokens [first, last) whose head ends at `head_end`. A plural post is of a
    group, not of one person («руководители региона»), unless `group`: it stands before a list
    of names («сенаторы Джон Маккейн и Марко Рубио») and each holds it in the singular."""
    toks = tagged.tokens
    head = _head_noun(toks, first, head_end)
    # an indeclinable head («врио», «и.о.») shows no number: the tagger's plural is a guess
    plural = _plural(head) and head.text.lower() not in ("обязанности", "обязанностей") and (
        not _indeclinable(head.text)
    )
    if plural and not group:
        return None
    joined = _joined_post(tagged, first, head_end, last, group)
    if joined is not None:
        return joined
    head_end = _role_end(toks, head_end, last)
    head_end = _role_complement_end(tagged, head_end, last)
    # a lexicon entry that names its organization («председатель Государственной Думы»): the
    # role stops where the named organization or place begins
    cut = tagged.first_named_in(first + 1, head_end)
    # not «по взаимодействию со СМИ», nor an organ the model took for a name: «Председателем
    # Правления Банка» is the board's chairman
    if cut is not None and toks[cut - 1].text.lower() not in ("с", "со") and not org_organs().longest_at(
        toks, cut, head_end
    ):
        head_end = cut
    words = toks[first:last]
    text = tagged.text[words[0].start : words[-1].end]
    role_toks = toks[first:head_end]
    org_toks = toks[head_end:last]
    if plural:
        nominative = singular_nominative_phrase(role_toks, tagged.text, role_toks.index(head))
    else:
        nominative = _nominative_role(role_toks, tagged.text)
    role = _lower_initial(nominative, tagged, first)
    # the role's own words change; its genitive tail stays: «заместителем Премьер-министра»
    tail = tagged.text[role_toks[-1].end : words[-1].end] if org_toks else ""
    normal = role + tail
    church = post_lemma(toks[head_end - 1]) in CHURCH_TITLES
    org = None if church else _org_name(tagged, head_end, last)  # a see is not an organization
    return Post(
        normal=_without_short_name(_tidy(normal)),
        text=text,
        start=words[0].start,
        end=words[-1].end,
        role=_tidy(role),
        org=org,
    )


# a short name in brackets ending a post: «(ЕФУ)», «(УрФУ)», «(ФТС РФ)», «(АО «УЗГК»)», «(CDC)»; not a part of
# the name («Республики Саха (Якутия)», «Государственного Собрания (Ил Тумэн)») nor a legal form («(АО)»)
BRACKETED_SHORT_NAME = re.compile(r"\s*\((?=[^()]*(?:[А-ЯЁ][а-яё]?[А-ЯЁ]|[A-Za-z]{2}))[^()]*\)$")


def _without_short_name(normal: str) -> str:
    """The post as a name of it, without the short name the text gives its organization in brackets:
    «директор Территориального фонда ... Хабаровского края (ТФОМС)» is «директор Территориального
    фонда ... Хабаровского края»."""
    m = BRACKETED_SHORT_NAME.search(normal)
    if m is None or m.group(0).strip()[1:-1].strip() in legal_forms().kinds:
        return normal
    return normal[: m.start()]


def _joined_post(tagged: Tagged, first: int, head_end: int, last: int, group: bool) -> Post | None:
    """«заместителем губернатора — председателем комитета промышленности»: two posts joined by a
    dash are one, each part in the nominative; its organization is the second's, else the first's."""
    toks = tagged.tokens
    dash = next((k for k in range(head_end, last - 1) if toks[k].text in DASHES), None)
    second_head = _chained_post(toks, dash, last) if dash is not None else None
    if dash is None or second_head is None or case_of(toks[head_end - 1]) in ("Nom", None):
        return None  # a post in the nominative reads as written
    if any(is_acting(t) for t in toks[first : min(dash, first + ACTING_WITHIN)]):
        return None  # «врио заместителя губернатора – первого заместителя ...»: both depend on «врио»
    one = _post_record(tagged, first, head_end, dash, group)
    two = _post_record(tagged, dash + 1, second_head, last, group)
    if one is None or two is None:
        return None
    between = tagged.text[toks[dash - 1].end : toks[dash + 1].start]
    words = toks[first:last]
    return Post(
        normal=_tidy(one.normal + between + two.normal),
        text=tagged.text[words[0].start : words[-1].end],
        start=words[0].start,
        end=words[-1].end,
        role=_tidy(one.normal + between + two.role),
        org=two.org or one.org,
    )


FEMININE_PARTICIPLE_ENDINGS = ("ей", "ую", "ою", "ая")


def _nominative_role(tokens: list[Token], text: str) -> str:
    """A role in the nominative; an acting post keeps its object as it is: «исполняющим
    обязанности губернатора» -> «исполняющий обязанности губернатора»; «И.о. главы» never declines."""
    acting = next((i for i, t in enumerate(tokens[:ACTING_WITHIN]) if is_acting(t)), None)
    if acting is None:
        # an adjective in the reading the post lexicon knows: «временным» of «временный», not «временной»
        tokens = [_misread_substantive(t) or replace(t, lemma=post_lemma(t)) if t.pos == "ADJ" else t for t in tokens]
        return _participle_role(tokens, text) or nominative_phrase(tokens, text)
    tok = tokens[acting]
    if not is_acting_participle(tok) or tok.case == "Nom":
        return as_written(tokens, text)
    words = [t.text for t in tokens]
    # «исполняющей», «исполняющую»: a woman's; «исполняющим», «исполняющего»: a man's
    gender = "femn" if tok.text.lower().endswith(FEMININE_PARTICIPLE_ENDINGS) else "masc"
    # the word's own ending tells its case when the tagger's reading has none («Исполнявшую» read
    # as a genitive name)
    nominative = nominative_word(tok.text, "ADJ", tok.case, gender, "sing")
    words[acting] = nominative if nominative != tok.text else nominative_word(tok.text, "ADJ", None, gender, "sing")
    return join_tokens(tokens, words, text)


def _participle_role(tokens: list[Token], text: str) -> str | None:
    """«Конкурсным управляющим», «заведующим кафедрой», «управляющей филиалом»: a participle used
    as a noun heads the post; it and the adjectives before it take the nominative of its gender,
    what it governs stays as written («филиалом», not «филиал»)."""
    head, said = next(
        ((i, n) for i, t in enumerate(tokens) if (n := _substantive_said(t, tokens[i + 1 : i + 2]))), (None, None)
    )
    if head is None or said is None or any(t.pos not in ADJISH for t in tokens[:head]):
        return None
    after = tokens[head + 1] if head + 1 < len(tokens) else None
    if ranked_noun(tokens, head) or (
        after is not None and after.pos == "NOUN" and after.case == tokens[head].case and starts_post(after.lemma)
    ):
        return None  # «управляющим директором», «ведущего синоптика»: the participle is the post's adjective
    gender = "femn" if said.lower().endswith("ая") else "masc"
    words = [nominative_word(t.text, "ADJ", t.case, gender, "sing", t.lemma) for t in tokens[:head]]
    words += [said] + [t.text for t in tokens[head + 1 :]]
    return join_tokens(tokens, words, text)


def _substantive_said(tok: Token, after: list[Token]) -> str | None:
    """A participle used as a noun in the nominative singular («управляющим» -> «управляющий»);
    one already in it that the tagger called a participle stays as written («Управляющий делами»)."""
    if tok.case == "Nom" and tok.pos in ("VERB", "ADJ") and tok.feats.get("Number") != "Plur":
        nominative = any("Subx" in p.tag and p.tag.case == "nomn" for p in tok.parses)
        return tok.text if nominative else None
    said = substantive_nominative(tok.text, tok.case)
    if said is None and (not after or after[0].pos in ("ADP", "PUNCT")):
        # «Уполномоченного | по правам ребенка»; not «Ответственного | секретаря», «Чрезвычайным | и
        # Полномочным Послом»: adjectives of a post
        said = _adjectival_post_said(tok)
    return said


def _adjectival_post_said(tok: Token) -> str | None:
    """«Уполномоченного по правам ребенка»: a post of the lexicon that is an adjective in form, which
    the dictionary does not mark as used for a noun, in the nominative singular of its gender."""
    if tok.case in (None, "Nom") or not starts_post(post_lemma(tok)):
        return None
    if not tok.parses or any(p.tag.POS not in ("ADJF", "PRTF") for p in tok.parses):
        return None  # a noun («директора») or a word the dictionary reads as one too
    gender = "femn" if tok.feats.get("Gender") == "Fem" else "masc"
    return nominative_word(tok.text, "ADJ", tok.case, gender, "sing", post_lemma(tok))


def _lower_initial(s: str, tagged: Tagged, first: int) -> str:
    """«Губернатор» opening a sentence is «губернатор»; «Посол» inside one keeps its capital."""
    tok = tagged.tokens[first]
    sent = tagged.sents[tok.sent]
    # only when nothing else in the role is capitalized: «Чрезвычайный и Полномочный Посол» stays
    words = s.split()
    if not words or not (first == sent.first or _after_dateline_dash(tagged, first)) or not s[:1].isupper():
        return s
    # «Губернатор», «И.о.», «И. о.»: no other capital in the first word («ВРИО», «И.О.» stay)
    head = tok.text if s.startswith(tok.text) else words[0]
    if head[1:] == head[1:].lower() and any(c.isalpha() for c in head[1:]):
        # (an abbreviation's capitals are no title's: «Министр строительства, ЖКХ и энергетики»)
        if not any(w[:1].isupper() and not w.strip(",.;").isupper() for w in s[len(head) :].split()):
            return s[:1].lower() + s[1:]
    return s


def _after_dateline_dash(tagged: Tagged, first: int) -> bool:
    """The first word after an agency's dateline and its dash: «КИРЕНСК, 12 февраля. — Директор ...»."""
    toks = tagged.tokens
    return first >= 2 and toks[first - 1].text in DASHES and toks[first - 2].text == "."


def _tidy(s: str) -> str:
    return " ".join(s.split())


def _org_name(tagged: Tagged, first: int, last: int) -> str | None:
    """The organization or territory of a post, in the nominative: the named group its
    dependents start with («Тульской области», «ПАО «Северсталь»»), up to a preposition."""
    toks = tagged.tokens
    cut = last
    for k in range(first, last):
        # «по» and «при» stay: «Комиссия по атомной энергии», «Совет при Президенте»
        if toks[k].text.lower() in ("в", "во", "от", "на") or toks[k].text in DASHES:
            cut = k
            break
    named = tagged.first_named_in(first, cut)
    start = first if named is None else named
    while start < cut and not (toks[start].text[:1].isupper() or toks[start].text in OPEN_QUOTES):
        start += 1
    # a name in quotes ends at its closing quote: «Главы городского округа «Город Архангельск» | по
    # городскому хозяйству» (the deputy's remit)
    closed = tagged.quote_closes.get(start - 1) if first < start < cut else None
    if closed is not None and closed < cut and toks[closed].text.lower() == "по":
        cut = closed
    # an organization noun the name hangs on belongs to it: «партии «Яблоко»», «внешнеполитического
    # ведомства России», «государственной Комиссии по атомной энергии»
    if first < start < cut:
        lead = head_index(toks[first : start + 1])
        if lead is not None and (toks[first + lead].lemma,) in org_heads():
            start = first
    if start >= cut:
        # no name, but a described organization: «ректор ферганского вуза»
        group = toks[first:cut]
        h = head_index(group)
        two_word = h is not None and h > 0 and (group[h - 1].lemma, group[h].lemma) in org_heads()
        if (
            h is not None and len(group) > 1 and ((group[h].lemma,) in org_heads() or two_word)
        ):  # not a bare «компании»
            return _tidy(nominative_phrase(group, tagged.text)) or None
        return _place_of(tagged, cut, last)
    if any(sp.type == "PER" and sp.first == start for sp in tagged.spans):
        return None  # a person's post, no organization: «заместитель Сергея Собянина»
    group = toks[start:cut]
    if group[0].text in OPEN_QUOTES or group[0].text.isupper():
        name = _tidy(tagged.text[group[0].start : group[-1].end])
    else:
        name = _tidy(nominative_phrase(group, tagged.text))
    return _balance_quotes(name) or None


def _place_of(tagged: Tagged, k: int, last: int) -> str | None:
    """A post naming no organization of its own is of the place after «в» that ends it:
    «уполномоченный по правам человека в Российской Федерации», «посол в Казахстане»."""
    toks = tagged.tokens
    if k + 1 >= last or toks[k].text.lower() not in ("в", "во"):
        return None
    place = next((s for s in tagged.spans if s.type == "LOC" and s.first == k + 1 and s.last == last), None)
    return _tidy(nominative_phrase(toks[place.first : place.last], tagged.text)) if place else None


def _balance_quotes(s: str) -> str:
    """Drop a closing quote with no opening one («Солидарность»» -> «Солидарность»)."""
    while s.endswith(("»", "“", '"')) and s.count("»") > s.count("«"):
        s = s[:-1].rstrip()
    if s.count('"') % 2:
        s = s.replace('"', "")
    return s


def _head_with_modifiers(tagged: Tagged, head_first: int, sent_first: int) -> int:
    """Take in modifiers before a post head: «первый заместитель», «врио».
    Modifiers before a head are not inflected apart from it, so they stay in the post."""
    toks = tagged.tokens
    i = head_first
    while i > sent_first and is_modifier(toks[i - 1], toks[i - 2] if i > 1 else None):
        i -= 1
    if i == head_first and (k := _field_adjectives_back(toks, i, sent_first)) < i:
        i = _head_with_modifiers(tagged, k, sent_first)
    return i


# how many adjectives of its field may stand between a post's modifier and its head
MAX_FIELD_ADJECTIVES = 2
# the modifiers of official titles a field's adjectives follow («главный государственный санитарный
# врач», «главный внештатный детский онколог»); not «бывший», «первый», «ведущий», which describe the
# holder («бывший российский шпион», «первым японским космонавтом»)
FIELD_OPENERS = frozenset({"главный", "государственный", "внештатный", "старший"})


def _past_field_adjectives(toks: list[Token], k: int, limit: int) -> int:
    """Forward past the lowercase adjectives between a post's modifiers and its head, when a head
    follows them: «главный государственный | жилищный | инспектор»; `k` otherwise."""
    m = k
    while m < limit and m - k < MAX_FIELD_ADJECTIVES and toks[m].text.islower() and toks[m].pos == "ADJ" and (
        match_post_head(toks, m, limit) is None
    ):
        m += 1
    return m if m > k and match_post_head(toks, m, limit) is not None else k


def _field_adjectives_back(toks: list[Token], head_first: int, sent_first: int) -> int:
    """Back past lowercase adjectives of the head's case with a post's modifier before them: they
    name its field, «главный государственный | жилищный | инспектор», «главный внештатный |
    детский | онколог»; `head_first` when none stand there."""
    head = toks[head_first]
    k = head_first
    while k > sent_first and head_first - k < MAX_FIELD_ADJECTIVES and toks[k - 1].text.islower() and (
        toks[k - 1].pos == "ADJ" and toks[k - 1].case == head.case and not is_modifier(toks[k - 1])
    ):
        k -= 1
    if k == head_first or k == sent_first or toks[k - 1].lemma not in FIELD_OPENERS:
        return head_first
    return k


def _head_noun(toks: list[Token], i: int, end: int) -> Token:
    """The word that carries the post's case: its first noun, or «исполняющий» in «исполняющий
    обязанности главы»; a word that begins a post and reads as a noun is one, whatever the tagger
    said of it («Руководители» opening a sentence, tagged an adjective), and so is a participle the
    dictionary marks as used as a noun («Заведующая отделением», tagged an adjective)."""
    for t in toks[i:end]:
        if is_acting(t) or t.pos in ("NOUN", "PROPN"):
            return t
        # a reading as a noun naming a person: an animate noun («Руководители»), a participle used
        # as one («Заведующая»); not the inanimate noun an adjective may read as («главные»: «главное»)
        if starts_post(post_lemma(t)) and any(
            "Subx" in p.tag or p.tag.POS == "NOUN" and "anim" in p.tag for p in t.parses
        ):
            return t
        # a participle that is a post by itself, capitalized opening a sentence, which the tagger
        # then reads as an adjective: «Уполномоченным по правам ребенка назначена»
        if t.pos == "ADJ" and t is toks[i] and t.text[:1].isupper() and (post_lemma(t),) in post_lexicon().heads:
            return t
    return toks[end - 1]


# a man's name in the accusative is spelled as in the genitive, and the tagger mixes them up
# («приговорил руководителя компании «Гермес» Уильяма Браудера»); not for a plural head
ANIMATE_ACC = {"Gen", "Acc"}


def _name_agrees(head: Token, name: list[Token]) -> bool:
    """A post before a name stands in the name's case: «с заместителем ... Виктором». The tagger's
    case of the first or the last word will do (foreign first names do not decline: «Сейджи
    Маехары»). When the tagger misses the case of a rare name, the surname must read in that case
    in the dictionary, and a known first name too («Ерланом Касымбековым»), so that «Указом
    Президента Александр Хинштейн» stays apart. Indeclinable heads («врио») agree with anything."""
    words = [t for t in name if t.text[:1].isalpha()]
    if case_of(head) is None or not words or _indeclinable(head.text):
        return True
    one = head.feats.get("Number") != "Plur"
    return any(_name_in_case(a, words, one) for a in _head_cases(head))


def _name_in_case(a: str, words: list[Token], one: bool) -> bool:
    if any(case_of(t) in (None, a) or one and {case_of(t), a} == ANIMATE_ACC for t in (words[0], words[-1])):
        return True
    first_ok = _can_be(words[0].text, a) or not _known_name(words[0].text)
    return first_ok and _can_be(words[-1].text, a)


def _head_cases(head: Token) -> tuple[str, ...]:
    """The tagger's case of a post's head; when the tagger took a participle used as a noun for
    an adjective and gave it a case the dictionary reads it in nowhere («Заведующая отделением»
    tagged instrumental, as if it agreed with the noun after it), the cases the dictionary does
    read it in. A noun keeps the tagger's case: the dictionary misreads indeclinable
    abbreviations («зампрокурора» as a genitive)."""
    tagged_case = case_of(head)
    # a post's head tagged a proper noun is a capitalized common noun the tagger misread too
    # («Пресс-секретарь» opening a sentence, tagged genitive)
    possible = _dictionary_cases(head.text.lower()) if head.pos != "NOUN" else frozenset()
    if tagged_case == "Acc" and "Nom" in _dictionary_cases(head.text.lower()):
        # an accusative that reads as the nominative is an inanimate reading: a person's post takes
        # the genitive's form there, so the nominative is meant («Итоги утвердила исполняющий
        # обязанности министра ... Татьяна Ржевская»)
        return ("Acc", "Nom")
    if tagged_case is None or not possible or tagged_case in possible:
        return (tagged_case,) if tagged_case else ()
    return tuple(sorted(possible))


def _misread_substantive(tok: Token) -> Token | None:
    """A participle used as a noun («Заведующая» before «отделением», tagged instrumental) or a noun
    the tagger does not know («докмейстером», tagged a genitive adjective), taken for an adjective in
    a case the word cannot be in, as the noun in the one case the dictionary reads it in: its object
    then stays as written."""
    if any("Subx" in p.tag for p in tok.parses):
        cases = _head_cases(tok)
    elif tok.parses and tok.parses[0].tag.POS == "NOUN" and tok.parses[0].tag.animacy == "anim":
        cases = tuple(sorted({UD_OF[p.tag.case] for p in tok.parses if p.tag.POS == "NOUN" and p.tag.case in UD_OF}))
    else:
        return None
    if len(cases) != 1 or cases[0] == case_of(tok):
        return None
    return replace(tok, pos="NOUN", feats={**tok.feats, "Case": cases[0]})


@lru_cache(maxsize=NAME_CACHE)
def _dictionary_cases(word: str) -> frozenset[str]:
    return frozenset(UD_OF[p.tag.case] for p in parses(word) if p.tag.case in UD_OF)


@lru_cache(maxsize=NAME_CACHE)
def _indeclinable(word: str) -> bool:
    found = parses(word.lower())
    return bool(found) and all("Fixd" in p.tag or p.tag.POS != "NOUN" for p in found)


@lru_cache(maxsize=NAME_CACHE)
def _known_name(word: str) -> bool:
    return any("Name" in p.tag and p.is_known for p in parses(word.lower()))


@lru_cache(maxsize=NAME_CACHE)
def _can_be(word: str, case: str) -> bool:
    """A dictionary reading of the word in this case; words the dictionary cannot read at all
    («Лэм») may be in any. One person's name is singular: «Александр» is no genitive."""
    cases = UD_CASES.get(case, set())
    if _foreign_indeclinable(word.lower()):
        return True
    nouns = [p for p in parses(word.lower()) if p.tag.POS == "NOUN"]
    return not nouns or any(p.tag.case in cases and p.tag.number != "plur" for p in nouns)


# how a foreign name the dictionary does not know ends when it does not decline: «Сальвини», «Ренци», «Кабо»
INDECLINABLE_ENDINGS = ("и", "о", "э")


def _foreign_indeclinable(word: str) -> bool:
    """A name the dictionary does not know ending in «-и», «-о» or «-э» does not decline («Маттео
    Сальвини»): it may stand in any case. «-ии» is a Russian case ending («Марии», «Гарсии»), as an
    adjective's «-ого» is («Суходольского»)."""
    if not word.endswith(INDECLINABLE_ENDINGS) or word.endswith("ии"):
        return False
    # «Суходольского»: an adjective's ending, declined
    return not in_dictionary(word) and not any(p.tag.POS == "ADJF" for p in parses(word))


# «генеральный директор которого Иван Петров»: a relative pronoun between a post and its holder
RELATIVE_GENITIVES = frozenset({"которого", "которой", "которых"})


# relatives named by the post of the one they are kin to: «дочь президента Барака Обамы Малия»
# (lemmas, «ё» written «е» as the lemmas are compared)
KINSHIP_NOUNS = frozenset({
    "дочь", "сын", "жена", "супруга", "супруг", "муж", "вдова", "вдовец", "мать", "отец", "брат", "сестра",
    "внук", "внучка", "племянник", "племянница", "зять", "невестка", "теща", "тесть", "свекровь",
})


def _after_kinship(tagged: Tagged, post: Post) -> bool:
    """A post in the genitive after a noun of kinship: «дочь | президента»."""
    k = tagged.token_at(post.start)
    if k is None or k == 0:
        return False
    toks = tagged.tokens
    return toks[k - 1].lemma.replace("ё", "е") in KINSHIP_NOUNS and toks[k].case == "Gen"


def _posts_before(tagged: Tagged, spans: NamedSpans, nm: NameTokens) -> list[Post]:
    """Posts standing right before the name; two of them may stand in a row («председатель
    Совета муфтиев России шейх Равиль Гайнутдин»)."""
    toks = tagged.tokens
    sent = tagged.sents[toks[nm.first_tok].sent]
    lo = _post_window_start(sent.first, nm.first_tok)
    # an age between the post and the name is the person's: «член Партии регионов | 54-летний Геннадий Кернес»
    aged = nm.first_tok - 1 > sent.first and AGE_WORD.fullmatch(toks[nm.first_tok - 1].text) is not None
    found = _posts_reaching(tagged, spans, nm, lo, nm.first_tok - aged, sent.first, depth=MAX_POSTS_IN_A_ROW)
    if not found and aged and nm.first_tok - 2 > sent.first and toks[nm.first_tok - 2].text == ",":
        # «директор завода, 52-летний Иван Петров»: the post set off before the person's age
        found = _posts_reaching(tagged, spans, nm, max(sent.first, lo - 2), nm.first_tok - 2, sent.first,
                                depth=MAX_POSTS_IN_A_ROW)
        found = found if found and not _after_a_name(tagged, found[0]) else []  # not «Сергей Иванов, директор»
    if not found:
        found = _post_held_since_before(tagged, spans, nm, sent.first)
    separator = nm.first_tok - 1 - aged  # «глава республики — 57-летний Тоомас Ильвес»: the age is the person's
    if not found and separator > sent.first and toks[separator].text in NAME_SEPARATORS:
        # a list of posts and names: «министр промышленности области – Владимир Разумков»,
        # «руководитель агентства: Иван Петров»
        found = _posts_reaching(tagged, spans, nm, lo, separator, sent.first, depth=MAX_POSTS_IN_A_ROW)
    if not found and separator > sent.first and toks[separator].text.lower() in RELATIVE_GENITIVES:
        # «ООО «Амурский берег», генеральный директор которого Станислав Мун»: the post of the body
        # the relative pronoun stands for
        found = _posts_reaching(tagged, spans, nm, lo, separator, sent.first, depth=1)
    if not found and separator > sent.first and toks[separator].text == ")":
        # a note in brackets between the post and the name: «директор ООО «Вектор» (входит в
        # группу «Альфа») Иван Петров», «представитель союза (Unión Nacional) Сесар Дуран»
        opening = _bracket_opening(toks, separator, sent.first)
        if opening is not None:
            reach = _post_window_start(sent.first, opening)  # as far before the note
            found = _posts_reaching(tagged, spans, nm, reach, opening, sent.first, depth=MAX_POSTS_IN_A_ROW)
    if not found and separator > sent.first and toks[separator].text == ",":
        # a participle's or a relative clause's aside between the post and the name: «генеральный
        # директор АО «Кузбасские аэропорты», управляющего терминалом, Ольга Рейнгардт»
        opening = _participle_aside_opening(toks, separator, sent.first)
        if opening is not None and toks[opening - 1].text == ")":
            opening = _bracket_opening(toks, opening - 1, sent.first) or opening  # «(АО «ТСА»), которое ...,»
        if opening is not None:
            reach = _post_window_start(sent.first, opening)  # as far before the aside
            found = _posts_reaching(tagged, spans, nm, reach, opening, sent.first, depth=MAX_POSTS_IN_A_ROW)
            # the subject's post: not «по делу российского бизнесмена, обвиняемого ..., Алла», nor
            # a post in apposition to the name before it («Мария Фомушина, пресс-секретарь суда,
            # который принял решение, Данилов ...»)
            found = found if found and _in_nominative(tagged, found[0]) and not _after_a_name(tagged, found[0]) else []
    if not found and separator > sent.first and _set_off_by_commas(toks, separator, nm.last_tok):
        # «Президент России, Владимир Путин, выразил соболезнования»: a post opening the sentence
        found = _posts_reaching(tagged, spans, nm, sent.first, separator, sent.first, depth=MAX_POSTS_IN_A_ROW)
        found = found if found and tagged.token_at(found[0].start) == sent.first else []
    degree = _degree_before(tagged, nm.first_tok, sent.first)
    if not found and degree < nm.first_tok:
        # an abbreviated degree between the post and the name: «руководитель центра, к.т.н. Иван Петров»
        reach = degree - 1 if degree - 1 > sent.first and toks[degree - 1].text == "," else degree
        found = _posts_reaching(tagged, spans, nm, lo, reach, sent.first, depth=MAX_POSTS_IN_A_ROW)
    if not found or all(any(t.match(p.normal) for t in NO_POST_TITLES) for p in found):
        # «утвердило ректором университета доктора технических наук Павла ...»: the degree before
        # the name is no post; the appointing verb's post is
        found = _appointed_post_before(tagged, spans, nm.first_tok, lo, sent.first) + found
    else:
        # «избрало председателем правления генерального директора ООО «Пармасофт» Дениса Шестакова»:
        # the appointing verb's post stands before the post the one appointed holds
        held = tagged.token_at(found[0].start)
        found = _appointed_post_before(tagged, spans, held, _post_window_start(sent.first, held), sent.first) + found
    if not found:
        found = _held_post_before(tagged, spans, nm, lo)
    if not found:
        found = _one_of_post_before(tagged, spans, nm, lo)
    # the verb before the name, or before the rank or post right before it
    anchor = tagged.token_at(found[0].start) if found else None
    anchor = _degree_before(tagged, nm.first_tok if anchor is None else anchor, sent.first)
    verb = _verb_before_name(toks, sent.first, anchor - 1, [])
    listed = _name_list_first(tagged, spans, nm.first_tok)
    if not found and listed < nm.first_tok:
        # «Заместителями председателя избраны Ирина Голуб и Сергей Аракелян»: a later name of the
        # list after the verb
        verb = _verb_before_name(toks, sent.first, listed - 1, [])
    elif found and listed == nm.first_tok:
        # «Вице-президентами избраны директор ООО «А» Илья Пантелеев и генеральный директор АО «Б» Вера
        # Ступина»: a later item of a list of posts, each with its name, after the verb
        item = _posted_list_first(tagged, spans, tagged.token_at(found[0].start), sent.first)
        if item is not None:
            verb, listed = _verb_before_name(toks, sent.first, item - 1, []), item
    if found or verb <= sent.first or post_lemma(toks[verb]) not in post_lexicon().link_verbs:
        # (unless a link verb right before the name gives the post) «Председателем совета назначен X,
        # ученым секретарем — доцент кафедры Ольга Бурцева»: the verb given once for a list of posts
        # in the instrumental, each with a dash and its name
        gapped = _gapped_post_before(tagged, spans, anchor, sent.first)
        found = [*gapped, *found]
    if verb > sent.first and post_lemma(toks[verb]) in post_lexicon().link_verbs:
        # «капитаном стал Михаель Баллак», «председателем избран Иван Петров», «начальником
        # управления назначен генерал-лейтенант Андрей Третьяк»; a plural post before a list of
        # names is each one's in the singular
        group = listed < nm.first_tok or _name_list_goes_on(tagged, spans, nm.last_tok)
        linked = _post_before_link_verb(tagged, spans, verb, sent.first, group)
        return [*linked, *found]
    return found


def _gapped_post_before(tagged: Tagged, spans: NamedSpans, anchor: int, sent_first: int) -> list[Post]:
    """A post in the instrumental between a comma and a dash right before the name (or its own post
    at `anchor`), after a link verb earlier in the sentence that follows a post in the instrumental:
    «Председателем совета назначен X, ученым секретарем — Ольга Бурцева»; or an item of a list after
    a link verb and a colon: «Назначены:\n– главным врачом больницы – Ольга Кудряшова;\n– ...»."""
    toks = tagged.tokens
    dash = anchor - 1
    if dash - 2 <= sent_first or toks[dash].text not in DASHES:
        return []
    comma = next((k for k in range(dash - 1, max(sent_first, dash - MAX_GAPPED_POST_TOKENS), -1)
                  if toks[k].text in (",", ";", ":")), None)
    if comma is None and toks[sent_first].text in DASHES and dash - sent_first <= MAX_GAPPED_POST_TOKENS:
        comma = sent_first  # a list's item, a sentence of its own from its bullet
    if comma is None or not (
        _link_verb_after_instrumental(toks, sent_first, comma) or _list_after_link_verb(toks, comma)
    ):
        return []
    for i in range(comma + 1, dash):
        head_end = match_post_head(toks, i, dash)
        if head_end is None:
            continue
        first = _head_with_modifiers(tagged, i, comma + 1)
        if case_of(_head_noun(toks, first, head_end)) != "Ins":
            return []
        if head_end == dash or _dependents(tagged, spans, head_end, dash) == dash:
            post = _post_record(tagged, first, head_end, dash)
            return [post] if post else []
        return []
    return []


# the most tokens of a post given after a comma with its verb left out
MAX_GAPPED_POST_TOKENS = 16


def _list_after_link_verb(toks: list[Token], end: int) -> bool:
    """The list `end` stands in opens with a colon right after a link verb: «Назначены:»."""
    colon = end if toks[end].text == ":" else _list_colon(toks, end)
    return colon is not None and colon > 0 and post_lemma(toks[colon - 1]) in post_lexicon().link_verbs


def _link_verb_after_instrumental(toks: list[Token], sent_first: int, end: int) -> bool:
    """A link verb before `end` with a word in the instrumental among the four before it: «Председателем
    совета назначен»."""
    link_verbs = post_lexicon().link_verbs
    return any(
        post_lemma(toks[k]) in link_verbs and any(case_of(toks[m]) == "Ins" for m in range(max(sent_first, k - 4), k))
        for k in range(sent_first, end)
    )


def _post_held_since_before(tagged: Tagged, spans: NamedSpans, nm: NameTokens, sent_first: int) -> list[Post]:
    """The post before the time it is held since, that time right before the name: «Исполнявший
    обязанности директора фонда с марта Роман Бекмуратов», «Директор школы с 2010 года Иван Петров»."""
    since = _past_start_day_back(tagged.tokens, nm.first_tok, sent_first)
    if since == nm.first_tok or tagged.tokens[since].text.lower() not in ("с", "со"):
        return []
    reach = _post_window_start(sent_first, since)
    return _posts_reaching(tagged, spans, nm, reach, since, sent_first, depth=MAX_POSTS_IN_A_ROW)


# the words joining the names of a list
NAME_LIST_JOINERS = frozenset({",", "и"})


def _name_list_first(tagged: Tagged, spans: NamedSpans, first: int) -> int:
    """The first token of the list of names the name starting at `first` closes or goes on: «Ирина
    Голуб и | Сергей Аракелян», «Ирина Голуб, директор фонда, и | Сергей Аракелян»; `first` itself
    when no name is joined before it."""
    toks = tagged.tokens
    while first >= 2 and toks[first - 1].text in NAME_LIST_JOINERS:
        if first - 1 in spans.per_first:
            first = spans.per_first[first - 1]
            continue
        closing = first - 2 if toks[first - 1].text == "и" else first - 1
        named = next((e for e in range(closing - 1, max(0, closing - MAX_APPOSED_POST_TOKENS), -1)
                      if e in spans.per_first and _apposed_post_end(tagged, spans, e) == closing), None)
        if named is None:
            break
        first = spans.per_first[named]
    return first


def _name_list_goes_on(tagged: Tagged, spans: NamedSpans, last: int) -> bool:
    """Another name joined right after the name ending at `last`, or after its post set off by
    commas, or with its own post before it: «Ирина Голуб | и Сергей Аракелян», «Ирина Голуб |,
    директор фонда, и Сергей Аракелян», «Илья Пантелеев | и генеральный директор АО «Б» Вера Ступина»."""
    toks = tagged.tokens
    if (closing := _apposed_post_end(tagged, spans, last)) is not None:
        last = closing + 1 if closing + 1 < len(toks) and toks[closing + 1].text == "и" else closing
        return last + 1 in spans.per_start
    if last + 1 >= len(toks) or toks[last].text not in NAME_LIST_JOINERS:
        return False
    return last + 1 in spans.per_start or _post_before_a_name(tagged, spans, last + 1) is not None


def _post_before_a_name(tagged: Tagged, spans: NamedSpans, k: int, name_first: int | None = None) -> Post | None:
    """A post starting at token k that ends right before a name (at `name_first` if given)."""
    toks = tagged.tokens
    sent_last = tagged.sents[toks[k].sent].last
    limit = name_first if name_first is not None else min(sent_last, k + MAX_APPOSED_POST_TOKENS)
    post = _post_from(tagged, spans, k, limit, strict_end=False)
    if post is None or tagged.token_at(post.start) != k:
        return None
    end = tagged.token_ending(post.end) + 1
    return post if end in spans.per_start and (name_first is None or end == name_first) else None


def _posted_list_first(tagged: Tagged, spans: NamedSpans, held: int, sent_first: int) -> int | None:
    """Where the list of posts, each with its name, that the post at `held` goes on starts: «директор
    ООО «А» Илья Пантелеев и | генеральный директор АО «Б» Вера Ступина» -> «директор»."""
    toks = tagged.tokens
    joiner = held - 1
    if joiner <= sent_first or toks[joiner].text not in NAME_LIST_JOINERS or joiner not in spans.per_first:
        return None
    name_first = spans.per_first[joiner]
    return next((k for k in range(max(sent_first, name_first - MAX_APPOSED_POST_TOKENS), name_first)
                 if _post_before_a_name(tagged, spans, k, name_first) is not None), None)


# the most tokens of a post set off by commas after a name in a list
MAX_APPOSED_POST_TOKENS = 16


def _apposed_post_end(tagged: Tagged, spans: NamedSpans, k: int) -> int | None:
    """The comma closing a post set off by commas from the comma at k after a name: «Ирина Голуб
    |, директор фонда «Волжский берег»|, и ...»."""
    toks = tagged.tokens
    sent_last = tagged.sents[toks[k].sent].last if k < len(toks) else k
    if k + 1 >= sent_last or toks[k].text != ",":
        return None
    post = _post_from(tagged, spans, k + 1, min(sent_last, k + 1 + MAX_APPOSED_POST_TOKENS), strict_end=False)
    if post is None or tagged.token_at(post.start) != k + 1:
        return None
    end = tagged.token_ending(post.end) + 1
    return end if end < sent_last and toks[end].text == "," else None


# the words of a note in brackets between a post and the name: «(АО «КТПЗ», Каменск-Уральский, входит в группу «УТП»)»
MAX_NOTE_TOKENS = 20


def _post_window_start(sent_first: int, at: int) -> int:
    """How far back from token `at` a post reaching it may start: its words and their dependents,
    within the sentence."""
    return max(sent_first, at - MAX_DEPENDENT_TOKENS - MAX_POST_WORDS)


def _bracket_opening(toks: list[Token], closing: int, sent_first: int) -> int | None:
    """The «(» of the bracket closing at token `closing`, a few words back in the sentence; a
    bracket inside it is passed over: «(ГБУ РС(Я) «РШВСМ»)»."""
    inner = 0
    for k in range(closing - 1, max(sent_first, closing - MAX_NOTE_TOKENS) - 1, -1):
        if toks[k].text == ")":
            inner += 1
        elif toks[k].text == "(" and inner:
            inner -= 1
        elif toks[k].text == "(":
            return k if k > sent_first else None
    return None


def _in_nominative(tagged: Tagged, post: Post) -> bool:
    first = tagged.token_at(post.start)
    end = tagged.token_ending(post.end)
    if first is None or end is None:
        return False
    return case_of(_head_noun(tagged.tokens, first, end + 1)) in ("Nom", None)


def _after_a_name(tagged: Tagged, post: Post) -> bool:
    """A post right after a person's name and a comma: that name's, in apposition."""
    first = tagged.token_at(post.start)
    if first is None or first < 2 or tagged.tokens[first - 1].text != ",":
        return False
    return any(s.type == "PER" and s.last == first - 1 for s in tagged.spans)


# how far back the comma opening an aside may stand: «, управляющего сетью медицинских лабораторий
# «ЮгЛаб» в Краснодарском крае и Адыгее,»
MAX_ASIDE_TOKENS = 20


def _participle_aside_opening(toks: list[Token], closing: int, sent_first: int) -> int | None:
    """The comma opening an aside that the comma at `closing` ends, describing the post or its
    organization: a participle («АО «Кузбасские аэропорты», управляющего терминалом,», «,
    курирующим городское хозяйство,»), «который» («(АО «ТСА»), которое управляет объектом,»), or an
    apposition of the organization in the genitive («ООО «Волгасофт Лаб», дочерней компании ...,», «,
    одного из крупнейших провайдеров области,»); a finite verb only in the relative clause."""
    finite = False
    for k in range(closing - 1, max(sent_first, closing - MAX_ASIDE_TOKENS) - 1, -1):
        if toks[k].text == ",":
            opener = toks[k + 1] if k + 1 < closing else None
            if opener is None or k <= sent_first:
                return None
            relative = opener.lemma == "который"
            apposed = opener.pos in ("ADJ", "NOUN") and opener.text.islower() and opener.feats.get("Case") == "Gen"
            # «АО «Уралсеть», одного из крупнейших провайдеров области,»: «один из» apposed too
            one_of = opener.lemma == "один" and k + 2 < closing and toks[k + 2].text.lower() == "из"
            return k if relative or (opener.is_participle or apposed or one_of) and not finite else None
        if toks[k].text in (".", ";", ":"):
            return None
        finite = finite or toks[k].pos in ("VERB", "AUX") and not toks[k].is_participle
    return None


def _one_of_post_before(tagged: Tagged, spans: NamedSpans, nm: NameTokens, lo: int) -> list[Post]:
    """«один из заместителей главы центра Сергей Михайлов», «одному из руководителей фонда Анне
    Котовой»: the plural post after «один из», its dependents reaching the name, is the name's in
    the singular; «один» stands in the name's case."""
    toks = tagged.tokens
    end = nm.first_tok
    for i in range(lo, end - 2):
        if toks[i].lemma != "один" or toks[i + 1].text.lower() != "из":
            continue
        head_end = match_post_head(toks, i + 2, end)
        if head_end is None or _head_noun(toks, i + 2, head_end).feats.get("Number") != "Plur":
            continue
        if not _name_agrees(toks[i], toks[nm.first_tok : nm.last_tok]):
            continue
        if head_end == end or _dependents(tagged, spans, head_end, end) == end:
            post = _post_record(tagged, i + 2, head_end, end, group=True)
            return [post] if post else []
    return []


# «на посту», «в должности», «в качестве»: the post held, whatever the case of the name after it
HELD_AT = frozenset({"на", "в", "во"})
# the tokens of a time between a verb of holding and its link noun: «с июня 2016 года»
MAX_TIME_TOKENS = 5


def _holds_link_noun(toks: list[Token], k: int, sent_first: int) -> bool:
    """A link noun at k saying a post is held: after «на», «в» in the locative («на посту
    министра», «в качестве министра»), or the object of a verb of holding («занимающая пост»)."""
    if k <= sent_first or toks[k].lemma not in LINK_NOUNS:
        return False
    before = toks[k - 1]
    if before.text.lower() in HELD_AT and case_of(toks[k]) == "Loc":
        return True
    if case_of(toks[k]) in LINK_NOUN_CASES.get(before.text.lower(), ()):
        # «освобожден от должности министра ... Вячеслав Горшенин», «назначен на пост директора
        # Иван Петров»: a link verb gives or takes the post after it
        return k >= 2 and _link_verb_before(toks, k - 1, sent_first)
    if case_of(toks[k]) != "Acc":
        return False
    # the verb may stand a time before: «Занимающая с июня 2016 года пост»
    for j in range(k - 1, max(sent_first, k - 1 - MAX_TIME_TOKENS) - 1, -1):
        if post_lemma(toks[j]) in post_lexicon().link_verbs:
            return not _is_appointing(toks[j])
        if toks[j].pos == "PUNCT" or toks[j].pos in ("VERB", "AUX"):
            return False
    return False


# the case of a link noun after its preposition: «на должность», «в должность», «от должности», «с поста»,
# «к должности»
LINK_NOUN_CASES = {"на": ("Acc",), "в": ("Acc",), "во": ("Acc",), "от": ("Gen",), "с": ("Gen",), "со": ("Gen",),
                   "к": ("Dat",)}


def _link_verb_before(toks: list[Token], k: int, sent_first: int) -> bool:
    """A link verb right before token k, or a time between them: «освобожден | от должности»,
    «назначена с 1 марта | на должность»."""
    for j in range(k - 1, max(sent_first, k - 1 - MAX_TIME_TOKENS) - 1, -1):
        if post_lemma(toks[j]) in post_lexicon().link_verbs:
            return True
        if toks[j].pos == "PUNCT" or toks[j].pos in ("VERB", "AUX", "NOUN", "PROPN", "PRON"):
            return False
    return False


def _held_post_before(tagged: Tagged, spans: NamedSpans, nm: NameTokens, lo: int) -> list[Post]:
    """«Занимающая пост премьер-министра Великобритании Тереза Мэй», «в качестве министра Эштон
    Картер», «сменил на посту губернатора Ивана Петрова»: the post after a link noun of holding,
    its dependents reaching the name, is the name's, though in the genitive."""
    toks = tagged.tokens
    sent_first = tagged.sents[toks[nm.first_tok].sent].first
    end = nm.first_tok
    if end - 1 > sent_first and toks[end - 1].text == ")":
        # its short name in brackets before the name: «в должности начальника МКУ «Единая
        # дежурно-диспетчерская служба» (МКУ «ЕДДС») Геннадий Пестерев»
        end = _bracket_opening(toks, end - 1, sent_first) or end
        lo = min(lo, _post_window_start(sent_first, end))
    for k in range(max(lo, sent_first + 1), end - 1):
        if not _holds_link_noun(toks, k, sent_first):
            continue
        first = k + 1
        head = first
        while head < end and match_post_head(toks, head, end) is None and is_modifier(
            toks[head], _before(toks, head, first)
        ):
            head += 1
        head_end = _head_before_name(toks, spans, head, match_post_head(toks, head, end))
        if head_end is None:
            continue
        if head_end == end or _dependents(tagged, spans, head_end, end) == end:
            post = _post_with_place(tagged, first, head_end, end)
            return [post] if post else []
    return []


# between an appointing verb and the post it gives: «назначил её директором», «назначить вновь»
APPOINTED_OBJECT_POS = frozenset({"PRON", "ADV"})
# how far before the post window the appointing verb may stand (its pronoun object and adverbs)
MAX_APPOINTED_GAP = 3


def _appointed_post_before(tagged: Tagged, spans: NamedSpans, appointed: int, lo: int, sent_first: int) -> list[Post]:
    """«назначил министром финансов Ивана Петрова», «назначил её директором Марину Кравченко»:
    the post in the instrumental an appointing verb gives, right before the name of the one
    appointed (or before the post they hold) at token `appointed`."""
    toks = tagged.tokens
    end = _past_notes_back(tagged, appointed, sent_first)
    lo = min(lo, _post_window_start(sent_first, end))  # as far before the notes
    window = range(max(sent_first, lo - 1 - MAX_APPOINTED_GAP), end)
    if not any(_gives_a_post(toks[k]) or _appointing_participle(toks[k]) for k in window):
        return []
    for i in range(lo, end):
        if (acting := _acting_appointed(tagged, spans, i, end, sent_first)) is not None:
            return [acting]
        head_end = match_post_head(toks, i, end)
        if head_end is None or _head_noun(toks, i, head_end).case != "Ins":
            continue
        # the dependents reach the notes, or take a bracketed short name in: «университета (ЮУрГИУ)»
        if head_end != end and not end <= _dependents(tagged, spans, head_end, end) <= appointed:
            continue
        first = _head_with_modifiers(tagged, i, sent_first)
        if _appointing_verb_before(toks, first, sent_first):
            post = _post_record(tagged, first, head_end, end)
            return [post] if post else []
        return []
    return []


def _acting_appointed(tagged: Tagged, spans: NamedSpans, i: int, end: int, sent_first: int) -> Post | None:
    """«назначил исполняющим обязанности генерального директора Дениса Гончарова»: the acting post
    in the instrumental an appointing verb gives, right before the name."""
    toks = tagged.tokens
    if toks[i].lemma not in DUTY_VERBS or not toks[i].is_participle or case_of(toks[i]) != "Ins":
        return None
    found = _acting_post(tagged, spans, i, end)
    if not found or found[0].end != toks[end - 1].end:
        return None
    return found[0] if _appointing_verb_before(toks, i, sent_first) else None


def _appointing_verb_before(toks: list[Token], first: int, sent_first: int) -> bool:
    """An appointing verb (or its noun, or its participle) before the post starting at `first`, past
    its object pronoun, adverbs («временно»), adjectives of the post («избрал своим председателем»)
    and a day («назначенный в апреле директором»)."""
    k = first - 1
    while k > sent_first and (
        toks[k].pos in APPOINTED_OBJECT_POS or _describing_instrumental(toks[k]) or toks[k].lemma == "свой"
    ):
        k -= 1
    k = _past_start_day_back(toks, k + 1, sent_first) - 1
    return k >= sent_first and (_gives_a_post(toks[k]) or _appointing_participle(toks[k]))


def _appointing_participle(tok: Token) -> bool:
    """A full participle of an appointing verb before the post and the name it describes:
    «назначенный в апреле директором предприятия Андрей Пищулин», «Назначенный ...» opening a sentence."""
    appointing = post_lexicon().appointing
    return tok.text[1:].islower() and any(p.tag.POS == "PRTF" and p.normal_form in appointing for p in tok.parses)


def _describing_instrumental(tok: Token) -> bool:
    """An adjective of the appointed post that the lexicon does not keep in it: «назначил временным
    губернатором», «избран новым председателем»."""
    return tok.text.islower() and tok.pos == "ADJ" and case_of(tok) == "Ins"


def _gives_a_post(tok: Token) -> bool:
    """An appointing verb, or the noun of the event: «распоряжение о назначении директором департамента
    Светланы Кулешовой»."""
    return _is_appointing(tok) or tok.lemma in LINK_EVENTS


def _post_before_link_verb(
    tagged: Tagged, spans: NamedSpans, verb: int, sent_first: int, group: bool = False
) -> list[Post]:
    """The post in the instrumental that ends right before a link verb; in the plural before a
    `group` of names, each one's in the singular."""
    toks = tagged.tokens
    lo = _post_window_start(sent_first, verb)
    # «Председателем совета директоров вновь избран», «... была назначена»: adverbs and the
    # auxiliary of the verb stand before it
    while verb - 1 > lo and toks[verb - 1].pos in ("ADV", "AUX") and toks[verb - 1].text.islower():
        verb -= 1
    verb = _past_start_day_back(toks, verb, lo)  # «Начальником департамента с 21 января назначена»
    # «Исполняющей обязанности главы на период | до избрания нового главы | назначена»
    while (term := _past_term_back(toks, verb, lo)) < verb:
        verb = term
    # a short name in brackets between the post and the verb: «Главным врачом ... больницы (ГБУЗ «КОКБ»)
    # назначен»
    opening = _bracket_opening(toks, verb - 1, sent_first) if toks[verb - 1].text == ")" else None
    # «Заместителем главы города, курирующим городское хозяйство, назначен»: a participle's clause
    # between commas describes the post
    if toks[verb - 1].text == ",":
        opening = _participle_aside_opening(toks, verb - 1, sent_first)
        if opening is not None and toks[opening - 1].text == ")":
            # the aside after a short name in brackets: «Генеральным директором ООО «Жигулевская водная
            # компания» (ООО «ЖВК»), обеспечивающего водоснабжение Тольятти, назначен»
            opening = _bracket_opening(toks, opening - 1, sent_first) or opening
    if opening is not None:  # the post reaches as far before the brackets as it would before the verb
        lo = min(lo, _post_window_start(sent_first, opening))
    end = _past_circumstance_back(toks, verb if opening is None else opening, lo)
    # «На должность заведующего кафедрой избрана ...», «От должности министра освобожден ...»: the
    # post in the genitive after «на должность», «от должности», «с поста»
    at_post = next((k + 2 for k in range(lo, end - 2) if toks[k].text.lower() in POST_OF_LINK_NOUN
                    and toks[k + 1].lemma in LINK_NOUNS and toks[k - 1].lemma not in CANDIDACY_NOUNS), None)
    if at_post is None:
        # «Пост министра торговли занимал Мервин Дэвис», «должность главкома займет Александр
        # Постников»: the link noun is the verb's object
        at_post = next((k + 1 for k in range(lo, end - 1) if _object_link_noun(toks, k, sent_first)), None)
    if at_post is not None and (head_end := match_post_head(toks, at_post, end)) is not None:
        if head_end == end or end <= _dependents(tagged, spans, head_end, end) <= verb:
            post = _post_record(tagged, at_post, head_end, end)
            return [post] if post else []
    for i in range(lo, end):
        head_end = match_post_head(toks, i, end)
        if head_end is None:
            continue
        # the case is the head's, or an acting post's participle's: «Исполняющим обязанности министра»
        first = _head_with_modifiers(tagged, i, sent_first)
        if not _may_be_instrumental(_head_noun(toks, first, head_end)):
            continue
        # the dependents reach the bracket, or take it in: «университета (КГМУ)»
        if head_end == end or end <= _dependents(tagged, spans, head_end, end) <= verb:
            post = _post_record(tagged, first, head_end, end, group)
            return [post] if post else []
    return []


def _object_link_noun(toks: list[Token], k: int, sent_first: int) -> bool:
    """A link noun in the accusative with no preposition before it: «пост министра | занимал» (the
    tagger reads one opening a sentence as the nominative as often, or after a dash as no noun at all)."""
    if toks[k].lemma not in LINK_NOUNS or case_of(toks[k]) not in ("Acc", "Nom", None):
        return False
    return k == sent_first or toks[k - 1].pos != "ADP" and toks[k - 1].lemma not in CANDIDACY_NOUNS


# the prepositions of a link noun before a verb: «На должность ... избрана», «От должности ...
# освобожден», «С поста ... ушел»
POST_OF_LINK_NOUN = frozenset(LINK_NOUN_CASES)


# the words of a time a post is given at, read back from the verb: «с 21 января 2026 года», «в мае»,
# «до конца года», «в прошлом месяце»
TIME_WORDS = frozenset({"года", "году", "г", ".", "конца", "начала", "середины", "текущего", "этого", "прошлого",
                        "сегодняшнего", "завтрашнего", "того", "же",  # «с того же дня»
                        "прошлом", "текущем", "этом", "следующего"})
# the prepositions a time circumstance opens with
TIME_PREPS = frozenset({"с", "со", "в", "во", "до"})


def _past_start_day_back(toks: list[Token], verb: int, lo: int) -> int:
    """Before a link verb, the first token of the time the post is given at («с 21 января», «в
    мае», «до конца года»), or the verb when no such time stands right before it."""
    months = month_forms()
    k = verb - 1
    while k > lo and (
        toks[k].text.isdigit() or toks[k].text.lower() in months or toks[k].text.lower() in TIME_WORDS
        or toks[k].lemma in time_nouns() or _range_joint(toks, k)
    ):
        k -= 1
    timed = any(t.text.lower() in months or t.lemma in time_nouns() for t in toks[k + 1 : verb])
    if k < verb - 1 and toks[k].text.lower() in TIME_PREPS and timed:
        return k
    return verb


# what joins a range's days: «с 16 по 22 ноября», «с 16 до 22 ноября», «с 16–22 ноября»
RANGE_JOINTS = frozenset({"по", "до", "—", "–", "-"})


def _range_joint(toks: list[Token], k: int) -> bool:
    """Token k joins the days of a range, a day on either side: «16 | по | 22»."""
    return toks[k].text.lower() in RANGE_JOINTS and 0 < k < len(toks) - 1 and toks[k - 1].text.isdigit() and (
        toks[k + 1].text.isdigit()
    )


# the term a post is given for, before the link verb: «на период до избрания нового главы», «на
# время отпуска директора», «до назначения руководителя», «на ближайшие три года», «на пять лет»
TERM_OPENERS = (
    ("на", frozenset({"период", "время", "срок", "год", "месяц"})),
    ("до", frozenset({"избрание", "назначение", "вступление", "собрание", "выборы", "окончание", "конец", "завершение",
                      "утверждение", "проведение", "конкурс"})),
)
MAX_TERM_WORDS = 7


def _past_term_back(toks: list[Token], verb: int, lo: int) -> int:
    """Before a link verb, the first token of the term the post is given for (`TERM_OPENERS`), or
    the verb when none stands right before it."""
    for k in range(verb - 2, max(lo, verb - 1 - MAX_TERM_WORDS), -1):
        if toks[k].pos == "PUNCT":
            return verb
        noun = _term_noun(toks, k + 1, verb)
        opens = any(toks[k].text.lower() == word and noun in nouns for word, nouns in TERM_OPENERS)
        if opens and not any(toks[j].case == "Ins" for j in range(k + 1, verb)):
            return k  # not past the post: «На время до выборов | градоначальником стал»
    return verb


def _term_noun(toks: list[Token], k: int, verb: int) -> str | None:
    """The lemma of the noun a term opens with, past its adjectives and numbers: «до | годового
    собрания», «на | ближайшие три года»."""
    while k < verb and toks[k].pos in ("ADJ", "NUM"):
        k += 1
    return toks[k].lemma if k < verb else None


# how many words a circumstance «на ...» before a link verb has: «на заседании», «на конкурсной основе»
MAX_CIRCUMSTANCE_WORDS = 3


def _past_circumstance_back(toks: list[Token], end: int, lo: int) -> int:
    """Before a link verb, where a circumstance that is the verb's, not the post's, begins: «на» and
    the prepositional case («Председателем совета директоров | на заседании переизбран», «Директором
    школы | на конкурсной основе назначен»), or a compound preposition with «в» and its genitive
    («Директором завода | в результате конкурса назначен»); `end` when none stands there."""
    k = end - 1
    while k > lo and end - k <= MAX_CIRCUMSTANCE_WORDS and toks[k].text.islower() and (
        toks[k].pos in ("NOUN", "ADJ") and toks[k].case == "Loc"
    ):
        k -= 1
    if k < end - 1 and toks[k].text.lower() == "на":
        return k
    # «Директором завода | в результате конкурса назначен»: a compound preposition and its genitive
    k = end - 1
    while k > lo and end - k <= MAX_CIRCUMSTANCE_WORDS and toks[k].text.islower() and (
        toks[k].pos in ("NOUN", "ADJ") and toks[k].case == "Gen"
    ):
        k -= 1
    compound = k < end - 1 and k - 1 > lo and toks[k].text.lower() in COMPOUND_PREPOSITION_NOUNS
    if compound and toks[k - 1].text.lower() in ("в", "во"):
        return k - 1
    return _past_vote_back(toks, end, lo)


# how a body voted, in the instrumental: «тайным голосованием», «большинством голосов»
VOTE_NOUNS = frozenset({"голосование", "большинство"})


def _past_vote_back(toks: list[Token], end: int, lo: int) -> int:
    """«Председателем Думы | тайным голосованием избран», «... | большинством голосов избран»: how
    the body voted is the verb's; `end` when no such words stand there."""
    k = end - 1
    while k > lo and toks[k].text.islower() and toks[k].pos == "NOUN" and toks[k].case == "Gen" and end - k <= 2:
        k -= 1  # «голосов», «голосов депутатов»
    if not (k > lo and toks[k].lemma in VOTE_NOUNS and toks[k].case == "Ins"):
        return end
    while k - 1 > lo and toks[k - 1].text.islower() and toks[k - 1].pos == "ADJ" and toks[k - 1].case == "Ins":
        k -= 1  # «тайным», «абсолютным»
    return k


# the nouns of compound prepositions with «в» taking a genitive: «в результате», «в ходе», «в рамках»
COMPOUND_PREPOSITION_NOUNS = frozenset({"результате", "ходе", "рамках", "течение", "итоге", "связи"})


def _may_be_instrumental(head: Token) -> bool:
    """Tagged an instrumental, or a feminine form the tagger read as another oblique case that the
    dictionary reads as an instrumental too: «Исполняющей обязанности председателя комитета
    назначена», «Заведующей отделением назначена»; an acting abbreviation is in any case."""
    if case_of(head) == "Ins" or is_acting(head) and not is_acting_participle(head):
        return True  # «И.о.», «врио» do not decline: any case will do
    return case_of(head) in ("Gen", "Dat", "Loc") and any(
        p.tag.case == "ablt" and p.tag.gender == "femn" for p in head.parses
    )


def _set_off_by_commas(toks: list[Token], before: int, after: int) -> bool:
    return toks[before].text == "," and after < len(toks) and toks[after].text == ","


# words between a verb and the name it links to a post before it: «министром назначен 34-летний
# Максим Орешкин», «тренером стал американец Дэвид Сало»
MAX_WORDS_AFTER_LINK_VERB = 2


def _verb_before_name(toks: list[Token], sent_first: int, k: int, found: list[Post]) -> int:
    """The token before a name, past an age («34-летний») or a nationality («американец»)."""
    if found:
        return k
    for _ in range(MAX_WORDS_AFTER_LINK_VERB):
        # not a verb the tagger read as a noun before a surname («назначен | Шувалов Артем Олегович»)
        # nor a post, which is the verb's subject: «станет советник канцлера Ангелы Меркель»
        describing = toks[k].pos in ("ADJ", "NOUN") and toks[k].case == "Nom" and not any(
            p.tag.POS in ("PRTS", "VERB") for p in toks[k].parses
        ) and not starts_post(post_lemma(toks[k]))
        if k <= sent_first or not (toks[k].text.islower() and (describing or toks[k].pos == "PART")):
            break
        k -= 1  # «34-летний», «американец», «именно»
    return k


def _posts_reaching(
    tagged: Tagged, spans: NamedSpans, nm: NameTokens, lo: int, end: int, sent_first: int, depth: int
) -> list[Post]:
    """The leftmost post in [lo, end) whose dependents reach `end` (directly or through one
    more post right after it)."""
    toks = tagged.tokens
    resume = lo  # past a post that reached the name but named none, the next may start after a stop
    for i in range(lo, end):
        if i < resume:
            continue
        head_end = _head_before_name(toks, spans, i, match_post_head(toks, i, end))
        if head_end is None:
            continue
        first = _head_with_modifiers(tagged, i, sent_first)
        head = _head_noun(toks, first, head_end)
        if not _name_agrees(head, toks[nm.first_tok : nm.last_tok]):
            if _object_of_an_instrumental_post(tagged, spans, nm, first, head, head_end, end):
                return []
            continue
        last = head_end if head_end == end else _dependents(tagged, spans, head_end, end)
        if last == end:
            post = _post_with_place(tagged, first, head_end, end)
            if post:
                return [post]
            # no post reaches the name from here; one after a dash or comma may: «Среди других
            # политиков — бывший губернатор Флориды Джеб Буш», «руководители колледжа и завода —
            # директор ГИТК Алевтина Корепанова»; not a post inside this one's own dependents
            stop = next((k for k in range(end - 1, head_end - 1, -1) if toks[k].text in DASHES | {","}), None)
            if stop is None:
                return []
            resume = stop + 1
            continue
        if depth > 1 and last < end:
            # side by side, after a comma or «и» («депутат муниципального собрания, сопредседатель
            # движения «Солидарность» Михаил Вельмакин», «певец, композитор и автор песен Леонард
            # Коэн»); «глава города и генеральный директор компании Михаил Максюков обсудили» are
            # two people: a plural verb after the name says so
            if toks[last].text == "и" and _plural_verb_of(tagged, first, nm):
                continue
            # «директор автошколы «Форсаж» | из Ачинска, член совета ассоциации Людмила ...»: where
            # the holder comes from ends the first post
            joint = _origin_end(toks, spans, last, end) or last
            nxt = joint + 1 if toks[joint].text in POST_JOINERS else joint
            nxt = _past_degree(tagged, nxt, end)  # «ректор КГМУ, д.м.н., профессор Наталья ...»
            rest = _posts_reaching(tagged, spans, nm, nxt, end, sent_first, depth - 1)
            # the next post starts there, or after «и» past adjectives of how: «и нынешнего депутата»
            after_and = toks[last].text == "и"
            reach = _past_describing_adjectives(toks, nxt, end) if after_and else nxt
            if rest and nxt <= tagged.token_at(rest[0].start) <= reach:
                post = _post_with_place(tagged, first, head_end, last)
                if post is None or _addressee_before(tagged, head, rest[0], end, first):
                    return rest
                # «представитель вооружённых сил полковник Сансерн ...»: the rank or post right
                # before the name, naming no organization, is held in the one just named
                if post.org and rest[0].org is None and tagged.token_at(rest[0].start) == last:
                    rest = [replace(rest[0], org=post.org), *rest[1:]]
                return [post, *rest]
    return []


# the cases of a post the one addressed holds, not the subject after it
ADDRESSEE_CASES = frozenset({"Dat", "Ins"})


def _spoken_of(tagged: Tagged, head: Token, first: int) -> bool:
    """A post in the genitive of a noun before it, not of a post's noun: «Приказ о назначении
    44-летнего анестезиолога-реаниматолога | министр ... X подписала» (not «с поста главы церкви,
    папа римский X»)."""
    toks = tagged.tokens
    k = first - 1
    while k >= 0 and toks[k].pos in ("ADJ", "NUM"):
        k -= 1
    return case_of(head) == "Gen" and k >= 0 and toks[k].pos == "NOUN" and toks[k].lemma not in LINK_NOUNS


def _addressee_before(tagged: Tagged, head: Token, rest: Post, end: int, first: int) -> bool:
    """«Как рассказал корреспонденту агентства временно исполняющий обязанности начальника ...
    X»: a post in the dative or instrumental right before one in the nominative is someone
    else's, the one spoken to, as is one in the genitive of a noun (`_spoken_of`); the posts of one
    person share their case."""
    toks = tagged.tokens
    if case_of(head) not in ADDRESSEE_CASES and not _spoken_of(tagged, head, first):
        return False
    k = tagged.token_at(rest.start)
    # the case of the post's first declined word: «исполняющий» of «временно исполняющий обязанности»
    cases = [case_of(t) for t in toks[k:end] if case_of(t)] if k is not None else []
    return cases[:1] == ["Nom"]


def _past_degree(tagged: Tagged, k: int, limit: int) -> int:
    """The token after an abbreviated degree at k and the comma after it («д.м.н., профессор»); k
    when none stands there."""
    toks, text = tagged.tokens, tagged.text
    for j in range(k, min(limit, k + MAX_DEGREE_TOKENS)):
        if DEGREE_ABBREV.fullmatch(text[toks[k].start : toks[j].end]):
            return j + 2 if j + 1 < limit and toks[j + 1].text == "," else j + 1
    return k


def _degree_before(tagged: Tagged, k: int, lo: int) -> int:
    """The first token of an abbreviated degree (and the comma after it) ending right before k;
    k when none does: «назначен д.м.н., профессор Лаптев»."""
    toks, text = tagged.tokens, tagged.text
    end = k - 1 if k - 1 > lo and toks[k - 1].text == "," else k
    for i in range(end - 1, max(lo, end - MAX_DEGREE_TOKENS) - 1, -1):
        if DEGREE_ABBREV.fullmatch(text[toks[i].start : toks[end - 1].end]):
            return i
    return k


def _spelled_degree_before(toks: list[Token], k: int, lo: int) -> int:
    """The first token of a degree written out ending right before k («доктора технических
    наук»); k when none does."""
    if k - 1 <= lo or toks[k - 1].lemma != "наука":
        return k
    j = k - 2
    while j > lo and toks[j].pos == "ADJ":
        j -= 1
    return j if toks[j].lemma in ("доктор", "кандидат") else k


# notes that may stand between an appointing verb's post and the name: a short name in brackets,
# a degree
MAX_NOTES_BEFORE_NAME = 3


def _past_notes_back(tagged: Tagged, k: int, lo: int) -> int:
    """Back from token k over what may stand between a post and the name after it: «ректором
    университета (ЮУрГИУ) доктора технических наук Павла ...», «... д.т.н. Павла ...»."""
    toks = tagged.tokens
    for _ in range(MAX_NOTES_BEFORE_NAME):
        j = _degree_before(tagged, k, lo)
        j = _spelled_degree_before(toks, j, lo)
        if j == k and k - 1 > lo and toks[k - 1].text == ")":
            j = _bracket_opening(toks, k - 1, lo) or k
        if j == k:
            return k
        k = j
    return k


def _plural_verb_of(tagged: Tagged, first: int, nm: NameTokens) -> bool:
    """The verb of the posts starting at `first` and the name after them is plural, the nearest
    finite verb before them or the first after the name: they are two subjects or more
    («присутствовали глава города и генеральный директор ...», «... Максюков обсудили»)."""
    toks = tagged.tokens
    sent = tagged.sents[toks[nm.last_tok - 1].sent]
    before = next((t for t in reversed(toks[sent.first : first]) if t.feats.get("VerbForm") == "Fin"), None)
    after = next((t for t in toks[nm.last_tok : sent.last] if t.feats.get("VerbForm") == "Fin"), None)
    return any(v is not None and v.feats.get("Number") == "Plur" for v in (before, after))


def _head_before_name(toks: list[Token], spans: NamedSpans, i: int, head_end: int | None) -> int | None:
    """A lexicon post may not eat into a name: «Глава Республики Коми» is «глава» of the place
    «Республика Коми», not the post «глава республики» followed by «Коми»."""
    if head_end is None:
        return None
    inside = [k for k in range(i + 1, head_end) if k in spans.named_end and spans.named_end[k] > head_end]
    if inside:
        return match_post_head(toks, i, inside[0]) or head_end
    return head_end


def _post_with_place(tagged: Tagged, first: int, head_end: int, last: int) -> Post | None:
    """A post; a place adjective before it is its territory: «свердловского губернатора»."""
    toks = tagged.tokens
    post = _post_record(tagged, first, head_end, last)
    if post is None:
        return None
    k = first - 1
    if (
        post.org is None
        and k >= 0
        and toks[k].pos == "ADJ"
        and toks[k].sent == toks[first].sent
        and (PLACE_ADJECTIVE.search(toks[k].lemma) and not is_modifier(toks[k]))
    ):
        adjective = toks[k].lemma
        place = post_lexicon().place_names.get(adjective, adjective)
        # the adjective agrees with the post: «белорусскую теннисистку» -> «белорусская теннисистка»
        gender, _number = head_grams(_head_noun(toks, first, head_end))
        agreeing = nominative_word(toks[k].text, "ADJ", toks[k].case, gender, "sing", adjective).lower()
        return Post(
            normal=f"{agreeing} {post.normal}",
            text=tagged.text[toks[k].start : post.end],
            start=toks[k].start,
            end=post.end,
            role=post.role,
            org=place,
        )
    return post


def _before(toks: list[Token], k: int, first: int) -> Token | None:
    """The token before k, when it is no earlier than `first`."""
    return toks[k - 1] if k > first else None


# adjectives before a post that only describe its holder: «российская эстрадная певица»
MAX_DESCRIBING_ADJECTIVES = 3


def _past_describing_adjectives(toks: list[Token], i: int, limit: int) -> int:
    """Past the lowercase adjectives (and «и» between them) that open an apposition: «советский и
    российский», «известный»."""
    k = i
    while k < limit and k - i < MAX_DESCRIBING_ADJECTIVES * 2 and (
        _describing(toks[k]) and match_post_head(toks, k, limit) is None or k > i and toks[k].text == "и"
    ):
        k += 1  # not past a post's own adjective: «новый главный тренер»
    return k


def _describing(tok: Token) -> bool:
    """A lowercase adjective or participle («известный», «действующий»)."""
    return tok.text.islower() and (tok.pos == "ADJ" or tok.is_participle)


def _post_from(tagged: Tagged, spans: NamedSpans, i: int, limit: int, strict_end: bool = True) -> Post | None:
    """A post starting at token i (modifiers allowed); in apposition it must end where an
    apposition ends (a comma, a dash, a parenthesis, the verb)."""
    toks = tagged.tokens
    k = i
    # «управляющий» is a modifier in «управляющий директор» and a post of its own
    while k < limit and match_post_head(toks, k, limit) is None and is_modifier(toks[k], _before(toks, k, i)):
        k += 1
    head_end = match_post_head(toks, k, limit)
    if head_end is None:
        # «— российская эстрадная певица», «, известный правозащитник», «первым чернокожим
        # президентом»: adjectives of how or where are no part of the post, which begins at its
        # head; a modifier before them describes too («первый» of a first holder, not a deputy)
        after = _past_describing_adjectives(toks, k, limit)
        head_end = match_post_head(toks, after, limit) if after > k else None
        i = after
    if head_end is None:
        return None
    last = _dependents(tagged, spans, head_end, limit)
    if strict_end:
        last = _past_genitive_name(toks, spans, _head_noun(toks, i, head_end), last, limit)
    if strict_end and _bracket_before_a_name(toks, spans, last, limit):
        return None  # «Сергей Мохов, директор учреждения «Вектор» (МКУ «ВК») Игорь Сомов»: Сомов's post
    if (
        strict_end
        and last < limit
        and toks[last].text not in POST_END
        and (toks[last].pos not in ("VERB", "AUX", "CCONJ"))
        and not _time_follows(toks, last, limit)
        and not _origin_follows(toks, spans, last, limit)
    ):
        return None
    return _post_record(tagged, i, head_end, last)


def _origin_follows(toks: list[Token], spans: NamedSpans, k: int, limit: int) -> bool:
    """«, директор ООО «Туесок» | из Кондопоги,»: where the holder comes from, a place after «из»
    that ends the apposition, is no word of the post."""
    return _origin_end(toks, spans, k, limit) is not None


def _origin_end(toks: list[Token], spans: NamedSpans, k: int, limit: int) -> int | None:
    """Where «из <place>» at token k ends, when it ends the apposition too (`_origin_follows`)."""
    if k + 1 >= limit or toks[k].text.lower() != "из" or k + 1 not in spans.loc_start:
        return None
    end = spans.named_end.get(k + 1, k + 2)
    closes = end >= limit or toks[end].text in POST_END or toks[end].pos in ("VERB", "AUX", "CCONJ")
    return end if closes else None


def _past_genitive_name(toks: list[Token], spans: NamedSpans, head: Token, last: int, limit: int) -> int:
    """«Дмитрий Песков, пресс-секретарь президента | Владимира Путина, заявил»: a person named in
    the genitive after a post in another case, the apposition ending right after the name, is the
    post's dependent, not the next person of a list; `last` when no such name stands there."""
    if last >= limit or last not in spans.per_start or case_of(head) == "Gen":
        return last
    # a name the person rules start where the model's span does not has no end there
    end = spans.per_end.get(last)
    if end is None or case_of(toks[end - 1]) != "Gen" or case_of(toks[last]) != "Gen":
        return last
    closes = end >= limit or toks[end].text in POST_END or toks[end].pos in ("VERB", "AUX")
    return end if closes else last


def _bracket_before_a_name(toks: list[Token], spans: NamedSpans, k: int, limit: int) -> bool:
    """A note in brackets at token k, a name right after it."""
    if k >= limit or toks[k].text != "(":
        return False
    close = next((j for j in range(k + 1, min(limit, k + MAX_NOTE_TOKENS)) if toks[j].text == ")"), None)
    return close is not None and close + 1 in spans.per_start


# a post in apposition may end where its time begins: «— президент Филиппин с 1986 по 1992 год»,
# «, директор завода в 2001—2005 годах»
TIME_PREPOSITIONS = frozenset({"с", "со", "по", "до", "в", "во", "от"})


def _time_follows(toks: list[Token], k: int, limit: int) -> bool:
    if k + 1 >= limit or toks[k].text.lower() not in TIME_PREPOSITIONS:
        return False
    nxt = toks[k + 1].text.lower()
    return nxt[:1].isdigit() or nxt in month_forms()


def _apposition_agrees(tagged: Tagged, post: Post, nm: NameTokens) -> bool:
    """A post in apposition after a name stands in the name's case («с Иваном Петровым,
    генеральным директором ...»), or in the nominative after a name in any case."""
    toks = tagged.tokens
    i = tagged.token_at(post.start)
    end = tagged.token_ending(post.end)
    if i is None or end is None:
        return True
    head = _head_noun(toks, i, end + 1)
    if case_of(head) in (None, "Nom"):
        return True
    return _name_agrees(head, toks[nm.first_tok : nm.last_tok])


def _next_comma(toks: list[Token], i: int, limit: int) -> int | None:
    """The comma ending a short apposition, if any."""
    for k in range(i, min(limit, i + MAX_APPOSITION_WORDS + 1)):
        if toks[k].text == ",":
            return k
        if toks[k].pos in ("VERB", "AUX") or toks[k].text in (".", ";", "(", ")"):
            return None
    return None


def _posts_after(tagged: Tagged, spans: NamedSpans, nm: NameTokens) -> list[Post]:
    toks = tagged.tokens
    sent = tagged.sents[toks[nm.last_tok - 1].sent]
    j = nm.last_tok
    if j >= sent.last:
        return []
    # a spelling in brackets right after the name, «Джоэл Саймон (Joel Simon), руководитель»
    if (
        toks[j].text == "("
        and match_post_head(toks, _past_describing_adjectives(toks, j + 1, sent.last), sent.last) is None
        and not is_modifier(toks[j + 1] if j + 1 < sent.last else toks[j])
        and _past_formerly(toks, j + 1, sent.last, dash=True) == j + 1  # «(ранее – директор ...)»: a post
    ):
        reach = min(sent.last, j + MAX_BIO_NOTE_TOKENS + 2)
        close = next((k for k in range(j + 1, reach) if toks[k].text == ")"), None)
        long_note = close is not None and close - j > MAX_SPELLING_WORDS + 1
        if close is not None and close + 1 < sent.last and (not long_note or toks[close + 1].text in DASHES):
            j = close + 1  # a spelling, or a note of birth and death before a biography's dash
    if toks[j].text in AFTER_NAME_OPENERS:
        # «Александр Брод, известный правозащитник, член Общественной палаты»: the posts may
        # follow another apposition
        posts: list[Post] = []
        k = j
        for _ in range(MAX_APPOSITIONS):
            if k >= sent.last or toks[k].text not in AFTER_NAME_OPENERS:
                break
            start = _past_formerly(toks, k + 1, sent.last, dash=toks[k].text != "(")
            if toks[k].text == "," and start < sent.last and toks[start].text.lower() in FORMER_ADVERBS:
                start += 1  # «Ольга Сампилова, ранее главный врач больницы»: an adverb, no qualifier of the post
            post = _post_from(tagged, spans, start, sent.last)
            if post is None and _joins_a_post(toks, start, sent.last):
                # «Иван Петров, основатель и генеральный директор компании»: the post after «и»
                post = _post_from(tagged, spans, start + 2, sent.last)
            if post is not None and not _apposition_agrees(tagged, post, nm):
                post = None  # «на место Оливера Кана, капитаном стал ...»: another clause
            if post is not None and _before_a_name(tagged, spans, post):
                break  # «Станислав Ким, исполняющая обязанности министра ... Оксана Белоусова»: the next one's
            if post is not None:
                posts.append(post)
                k = tagged.token_ending(post.end) + 1
                if k < sent.last and toks[k].text == "и":  # «..., председатель совета и член правления»
                    second = _post_from(tagged, spans, k + 1, sent.last)
                    if second is not None:
                        posts.append(second)
                        k = tagged.token_ending(second.end) + 1
            else:
                opening, k = k, _next_comma(toks, k + 1, sent.last)
                if k is None or posts or _names_a_subject(toks, spans, opening + 1, k):
                    break  # another person named: what follows is that person's («..., Аарон Гринспен, управляющий»)
        if posts:
            # «Иван Петров, директор завода, назначен министром»: the link verb after the
            # apposition gives a post too
            linked = _linked_after(tagged, spans, nm, j, sent.last)
            return posts + [p for p in linked if all(p.start != q.start for q in posts)]
    return _linked_after(tagged, spans, nm, j, sent.last)


def _object_of_an_instrumental_post(
    tagged: Tagged, spans: NamedSpans, nm: NameTokens, first: int, head: Token, head_end: int, end: int
) -> bool:
    """«избрал заместителем председателя областного совета Ирину Кожевникову»: a post in the
    instrumental reaching a name in the accusative; the posts inside it are its dependents, none
    the name's (the appointing verb's post is, `_appointed_post_before`). A name in the genitive
    holds them: «назначен помощником премьер-министра России Дмитрия Медведева»; but after an
    active appointing verb or the noun of the event, a man's name, alike in both cases, is the
    object of a post of a post: «назначил заместителем министра Тагира Сулейманова», «о назначении
    заместителем министра Тагира Сулейманова» (not «избрало председателем правления генерального
    директора ООО «Х» Дениса Шестакова», where the name's own post follows the appointed one)."""
    toks = tagged.tokens
    if head.case != "Ins":
        return False
    # «заместителем министра»: two nouns of the appointed post's head are post heads
    heads = [k for k in range(first, head_end) if toks[k].pos == "NOUN" and match_post_head(toks, k, end) is not None]
    nested = len(heads) > 1
    post_of_a_post = first > 0 and _gives_a_post(toks[first - 1]) and nested
    if not _accusative_only(toks[nm.last_tok - 1]) and not post_of_a_post:
        return False
    return (head_end if head_end == end else _dependents(tagged, spans, head_end, end)) == end


def _accusative_only(tok: Token) -> bool:
    """A name word in the accusative that no genitive reads alike: «Кожевникову», not «Хейккинена»."""
    return tok.case == "Acc" and not any(p.tag.case == "gent" for p in tok.parses)


def _before_a_name(tagged: Tagged, spans: NamedSpans, post: Post) -> bool:
    """A post right before another person's name: in a list («Ким, исполняющая обязанности министра
    Оксана Белоусова и ректор ...») it is that person's."""
    k = tagged.token_ending(post.end)
    if k is None or "\n" in tagged.text[post.end : tagged.tokens[min(k + 1, len(tagged.tokens) - 1)].start]:
        return False  # not a list's next line
    if k + 1 in spans.per_start:
        return True
    if k + 2 < len(tagged.tokens) and tagged.tokens[k + 1].text in DASHES and k + 2 in spans.per_start:
        return True  # «министр финансов — Иван Петров, директор завода — Олег Ли»: the next item's
    # «Мурашова, художественный руководитель филармонии, народный артист России Виктор Лавренёв»,
    # «Полетаев, декан факультета, доктор наук, профессор Людмила Сазонова»: the post before posts
    # and titles set off by commas that end in a name is that name's too
    toks = tagged.tokens
    sent_last = tagged.sents[toks[k].sent].last
    for _ in range(MAX_APPOSITIONS):
        if k + 2 >= sent_last or toks[k + 1].text != ",":
            return False
        end = _post_or_title_end(tagged, spans, k + 2, sent_last)
        if end is None:
            return False
        if end in spans.per_start:
            return True
        k = end - 1
    return False


def _post_or_title_end(tagged: Tagged, spans: NamedSpans, first: int, limit: int) -> int | None:
    """Where a post or a title no organization holds («народный артист России», «доктор
    технических наук»), starting at `first`, ends before a name or a comma; None if none starts."""
    post = _post_from(tagged, spans, first, limit)
    if post is not None:
        return tagged.token_ending(post.end) + 1
    toks = tagged.tokens
    reach = min(limit, first + MAX_TITLE_WORDS)
    ends = (m for m in range(first + 1, reach + 1) if m in spans.per_start or m < limit and toks[m].text == ",")
    end = next(ends, None)
    if end is None or any(not t.text[:1].isalpha() for t in toks[first:end]):
        return None
    title = tagged.text[toks[first].start : toks[end - 1].end]
    if end == first + 1 and toks[first].text.lower() in ACADEMIC_TITLES:
        return end  # «профессор» alone
    return end if any(t.match(title) for t in NO_POST_TITLES) else None


def _joins_a_post(toks: list[Token], k: int, limit: int) -> bool:
    """A lowercase noun that is no post, joined by «и» to what follows: «основатель и | генеральный
    директор», «владелец и | директор»."""
    return k + 2 < limit and toks[k].pos == "NOUN" and toks[k].text.islower() and toks[k + 1].text == "и"


def _names_a_subject(toks: list[Token], spans: NamedSpans, lo: int, hi: int) -> bool:
    """A person named in the nominative within [lo, hi): the posts after it are that person's (not
    «соратник Цзян Цзэминя», a genitive)."""
    # a name the person rules start where the model's span does not has no end there: its first word
    return any(m in spans.per_start and case_of(toks[spans.per_end.get(m, m + 1) - 1]) == "Nom" for m in range(lo, hi))


# «(ранее — заместитель финансового директора ...)», «(до этого – советник ...)», «, до избрания –
# генеральный директор ...»: a former post
FORMERLY = frozenset({"ранее", "прежде", "до", "этого", "того", "бывший", "бывшая", "избрания", "назначения"})

FORMER_ADVERBS = frozenset({"ранее", "прежде"})


def _past_formerly(toks: list[Token], k: int, limit: int, dash: bool = False) -> int:
    """Past the words saying a post in brackets was held before, and a dash after them; with
    `dash`, only when the dash follows («Елена Громова, до этого — заместитель начальника»: not
    «Иван Петров, бывший министр», whose qualifier is the post's)."""
    m = k
    while m < limit and toks[m].text.lower() in FORMERLY:
        m += 1
    if m > k and m < limit and toks[m].text in DASHES:
        return m + 1
    return k if dash else m


def post_at(tagged: Tagged, first: int, head_end: int, last: int) -> Post | None:
    """The post over tokens [first, last) whose head ends at `head_end` (for the facts, which find
    posts in the slots of their verbs)."""
    return _post_record(tagged, first, head_end, last)


# ---------------------------------------------------------------- posts linked through a verb


def _is_appointing(tok: Token) -> bool:
    """An active verb that gives a post to its object: «назначил», «избрали» (not «назначен»)."""
    return post_lemma(tok) in post_lexicon().appointing and tok.feats.get("Voice") != "Pass" and (
        tok.feats.get("Variant") != "Short"
    )


def _is_link_verb(tok: Token) -> bool:
    if tok.pos not in ("VERB", "AUX"):
        return False
    link_verbs = post_lexicon().link_verbs
    return post_lemma(tok) in link_verbs or tok.is_participle and any(
        # «избранная председателем»: the dictionary lists the adjective «избранный» first
        p.tag.POS in ("PRTF", "PRTS") and p.normal_form in link_verbs for p in tok.parses
    )


def _relative_after(toks: list[Token], j: int, limit: int) -> tuple[str | None, int]:
    """«, который ...» or «, занимавший ...» after a name: what kind of clause speaks of the
    name («Nom» / «Acc»: the case of «который»; «participle»), and where its words begin."""
    if j + 1 >= limit or toks[j].text != ",":
        return None, j
    nxt = toks[j + 1]
    if nxt.lemma == "который" and nxt.case in ("Nom", "Acc"):
        return nxt.case, j + 2
    k = _past_adverbials(toks, j + 1, limit)  # «, в прошлом занимавшая пост министра»
    if k < limit and toks[k].is_participle and _is_link_verb(toks[k]):
        return "participle", k
    if k < limit and toks[k].feats.get("VerbForm") == "Conv" and _is_link_verb(toks[k]) and (
        toks[j - 1].case in ("Nom", None)
    ):
        return "participle", k  # the subject's gerund: «Сметанин, занимая должность заместителя главы, ...»
    return None, j


# how far before the name the verb appointing it to «на пост ...» may stand: its own post between
APPOINTED_REACH = 12


def _appointed_to_a_post(tagged: Tagged, nm: NameTokens, j: int, limit: int) -> bool:
    """A name in the accusative followed by «на пост», «на должность», with an appointing verb
    before it in the sentence."""
    toks = tagged.tokens
    if j + 1 >= limit or toks[j].text.lower() != "на" or post_lemma(toks[j + 1]) not in LINK_NOUNS:
        return False
    if toks[nm.last_tok - 1].case not in ("Acc", None):
        return False
    first = max(tagged.sents[toks[nm.first_tok].sent].first, nm.first_tok - APPOINTED_REACH)
    return any(_is_appointing(toks[k]) for k in range(first, nm.first_tok))


# verbs that take the event of an appointment: «получил назначение на пост ...»
EVENT_VERBS = frozenset({"получить", "получать"})


# verbs that announce leaving a post, and the nouns of leaving: «заявил об уходе с поста ...»
ANNOUNCING_VERBS = frozenset(
    {"заявить", "заявлять", "объявить", "объявлять", "сообщить", "сообщать", "подать", "подавать"}
)
LEAVING_EVENTS = frozenset({"уход", "отставка"})


# verbs of going on with work: «продолжит работу в компании в качестве советника»
WORK_VERBS = frozenset({"продолжить", "продолжать", "начать", "начинать", "приступить"})


# verbs of heading what one goes on heading, and the words of what they head: «руководить компанией»
HEADING_VERBS = frozenset({"руководить", "возглавлять", "работать", "управлять"})
MAX_HEADED_OBJECT_WORDS = 3


def _link_event_after(toks: list[Token], k: int, limit: int) -> int:
    """Where the post begins after «получил (новое) назначение» or «продолжит работу» starting
    at k; 0 if none does."""
    m = k + 1
    if toks[k].lemma in WORK_VERBS:
        if m < limit and toks[m].text.lower() == "к":  # «приступил к работе»
            m += 1
        if m < limit and toks[m].lemma in HEADING_VERBS and toks[m].feats.get("VerbForm") == "Inf":
            # «продолжит руководить компанией в должности генерального директора»: past the object
            m += 1
            stop = min(limit, m + MAX_HEADED_OBJECT_WORDS)
            while m < stop and toks[m].pos in ("NOUN", "PROPN", "ADJ"):
                m += 1
            return m if m < limit and toks[m].text.lower() in ("в", "на") else 0
        return m + 1 if m < limit and toks[m].lemma == "работа" else 0
    if toks[k].lemma in ANNOUNCING_VERBS:
        # «заявил об уходе с поста президента», «подал в отставку с поста главного тренера»
        if m < limit and toks[m].text.lower() in ("о", "об", "в"):
            m += 1
        while m < limit and toks[m].pos in ("ADJ", "DET"):
            m += 1  # «о своём уходе»
        return m + 1 if m < limit and toks[m].lemma in LEAVING_EVENTS else 0
    if toks[k].lemma not in EVENT_VERBS:
        return 0
    while m < limit and toks[m].pos == "ADJ":
        m += 1
    return m + 1 if m < limit and toks[m].lemma in LINK_EVENTS else 0


def _linked_after(tagged: Tagged, spans: NamedSpans, nm: NameTokens, j: int, limit: int) -> list[Post]:
    """The posts the name holds through a link verb after it: «Петров назначен на должность
    министра», «Петров стал самым молодым премьером», «Петров, который сейчас является
    советником», «Петров, занимавший пост министра», «Петрова, которого назначили министром»,
    «Майер до 2012 года работала в Google инженером, дизайнером и менеджером по продукции».
    An active appointing verb gives the post to its object: «назначил Петрова министром»."""
    toks = tagged.tokens
    giver = _object_words_back(toks, nm.first_tok, tagged.sents[toks[nm.first_tok].sent].first) - 1
    if giver >= 0 and _gives_a_post(toks[giver]):
        # and the event's noun: «о назначении Бережного Игоря Станиславовича заместителем губернатора»;
        # not when the name is the subject of a verb of its own after it («До назначения Артем
        # Корнилов работал заместителем директора»)
        given = _posts_after_link(tagged, spans, j, limit)
        if given or toks[giver].lemma not in LINK_EVENTS:
            return given
    if _appointed_to_a_post(tagged, nm, j, limit):
        # «назначит доктора Томаса Фридена на пост директора ...», «назначил бывшего министра
        # Сэйдзи Маэхару на пост главы комитета»
        return _posts_after_link(tagged, spans, j, limit)
    if j + 1 < limit and toks[j].text.lower() == "с" and toks[j + 1].lemma in LINK_EVENTS:
        # «поздравил Марину Седых с назначением на должность министра»: the event is the name's
        return _posts_after_link(tagged, spans, j + 2, limit)
    clause, k = _relative_after(toks, j, limit)
    if clause == "participle":
        # «Петрова, занимавшая пост министра, назначена вице-губернатором»: the participle's post,
        # and the verb's after its aside («Гуров, возглавлявший предприятие, назначен советником»)
        held = _posts_after_link(tagged, spans, k + 1, limit)
        aside_end = _past_aside(toks, j, limit)
        after = _posts_after_verb(tagged, spans, aside_end, limit, None) if aside_end > j else []
        return held + [p for p in after if all(p.start != q.start for q in held)]
    oblique = toks[nm.last_tok - 1].case not in ("Nom", None)
    if clause is None and oblique and not _subject_all_the_same(toks, nm, j, limit):
        return _impersonal_appointment(tagged, spans, nm, j, limit)
    if clause is None:
        k = _past_aside(toks, k, limit)
    found = _posts_after_verb(tagged, spans, k, limit, clause)
    if not found and clause in ("Nom", None) and (verb := _coordinated_verb(toks, k, limit)) is not None:
        # «Сурина, который возглавлял предприятие с 2014 года и перешел на должность советника»,
        # «Гаврин покидает компанию и переходит на должность вице-президента»
        found = _posts_after_verb(tagged, spans, verb, limit, clause)
    if not found and clause is None and (where := _where_clause_after(toks, k, limit)) is not None:
        # «Вольский переходит в ГК «Нордэнерго», где займет пост вице-президента»
        found = _posts_after_verb(tagged, spans, where, limit, None)
    if not found and clause in ("Nom", None) and (held := _held_in_capacity(tagged, spans, k, limit)) is not None:
        found = _posts_after_link(tagged, spans, held, limit)
        # «в связи с назначением на должность министра Олега Сидорова»: the post of the name after it
        found = [] if found and tagged.token_ending(found[-1].end) + 1 in spans.per_start else found
    return found


# how far after the name the subject's «в качестве», «в должности» may stand: «Сафин поставил под
# договором подпись в качестве директора колледжа»
MAX_CAPACITY_REACH = 8
# a post held while acting, in the prepositional case: «в качестве», «в должности», «на посту»
CAPACITY = frozenset({("в", "качество"), ("в", "должность"), ("во", "должность"), ("на", "пост")})
CAPACITY_BREAKS = frozenset({",", ";", ":", "(", ")", "—", "–", "-", "«", "»", "."})


def _held_in_capacity(tagged: Tagged, spans: NamedSpans, k: int, limit: int) -> int | None:
    """Where «в качестве» (or «в должности», «на посту») stands in the clause of the subject's
    verb, with no one else it could describe in between: «Сафин поставил подпись в качестве
    директора колледжа», not «пригласил Иванова в качестве эксперта»; or where the post of the
    subject's own appointment given as a reason begins (`_own_appointment_as_reason`)."""
    toks = tagged.tokens
    verb = False
    for j in range(k, min(limit - 1, k + MAX_CAPACITY_REACH)):
        tok = toks[j]
        if tok.text in CAPACITY_BREAKS or j in spans.per_start or (
            tok.pos == "NOUN" and tok.case == "Acc" and tok.feats.get("Animacy") == "Anim"
        ):
            return None
        verb = verb or tok.pos == "VERB"
        nxt = toks[j + 1]
        if verb and _capacity(tok, nxt):
            return j
        if verb and (onto := _own_appointment_as_reason(toks, j, limit)):
            return onto
    return None


def _own_appointment_as_reason(toks: list[Token], j: int, limit: int) -> int | None:
    """«Гринберг сложил полномочия в связи с назначением на должность заместителя губернатора», «в
    связи с избранием депутатом областной Думы»: the subject's own appointment given as the reason;
    where its «на» («на должность», «на пост») or its post in the instrumental stands."""
    words = [t.text.lower() for t in toks[j : min(limit, j + 5)]]
    if words[:3] != ["в", "связи", "с"] or len(words) < 5:
        return None
    event, onto = j + 3, j + 4
    if toks[event].lemma not in LINK_EVENTS:
        return None
    if words[4] == "на" or case_of(toks[onto]) == "Ins" and match_post_head(toks, onto, limit) is not None:
        return onto
    return None


def _capacity(prep: Token, noun: Token) -> bool:
    return noun.case == "Loc" and (prep.text.lower(), noun.lemma) in CAPACITY


# the words describing the object of an appointing verb before its name: «назначил своего давнего
# соратника Ивана Петрова», «свою супругу»
MAX_OBJECT_WORDS = 3


def _object_words_back(toks: list[Token], first: int, sent_first: int) -> int:
    """Where lower-case words in the accusative right before the name at `first` begin (`first`
    when none stand there)."""
    k = first
    while k - 1 > sent_first and first - k < MAX_OBJECT_WORDS and toks[k - 1].text.islower() and (
        toks[k - 1].pos in ("ADJ", "DET", "NOUN") and toks[k - 1].case == "Acc" and not _gives_a_post(toks[k - 1])
    ):
        k -= 1
    return k


# how far after a relative clause's first verb its coordinated verb may stand
MAX_COORDINATED_VERB_REACH = 15


def _coordinated_verb(toks: list[Token], k: int, limit: int) -> int | None:
    """The verb after «и» in the clause starting at k («который возглавлял предприятие и перешел
    ...»), before any comma but that of «, а» («руководил службой с 2019 года, а теперь станет
    советником»); the verb must follow at once, past adverbs and time or place phrases («, а с 1 ноября
    станет»): «, а его заместитель стал» is another's."""
    for j in range(k + 1, min(limit - 1, k + MAX_COORDINATED_VERB_REACH)):
        contrast = toks[j].text == "," and toks[j + 1].text.lower() == "а"
        if toks[j].text in (",", ";", "(", "—", "–") and not contrast:
            return None
        if toks[j].text == "и" or contrast:
            k = _past_adverbials(toks, j + 1 + contrast, limit - 1)  # «а с 1 ноября станет»
            while k < limit - 1 and toks[k].pos == "ADV":
                k += 1  # «и теперь станет председателем»
            return k if toks[k].pos == "VERB" else None
    return None


# the words of a clause about the place the subject goes to or works at: «, где займет пост ...»
WHERE_WORDS = frozenset({"где", "куда"})


def _where_clause_after(toks: list[Token], k: int, limit: int) -> int | None:
    """Where the words of a «где» clause begin when the subject's own verb and a place come first
    («переходит в материнскую ГК «Нордэнерго», где займет»), past a pronoun repeating the subject."""
    while k < limit and toks[k].pos in ("ADV", "AUX"):
        k += 1
    if k + 1 >= limit or toks[k].pos != "VERB":
        return None
    place = _past_adverbial(toks, k + 1, limit)
    if place == k + 1 or place + 1 >= limit or toks[place].text != ",":
        return None
    if toks[place + 1].text.lower() not in WHERE_WORDS:
        return None
    words = place + 2
    if words < limit and toks[words].text.lower() in ("он", "она"):
        words += 1  # «, где он займет пост»
    return None if _subject_of_its_own(toks, words, limit) else words


def _subject_of_its_own(toks: list[Token], k: int, limit: int) -> bool:
    """A clause from k to its comma names a subject of its own: «, где работает технологом его брат»."""
    for tok in toks[k:limit]:
        if tok.text in CAPACITY_BREAKS:
            return False
        if tok.case == "Nom" and tok.pos in ("NOUN", "PROPN", "PRON") and post_lemma(tok) not in LINK_NOUNS:
            return True
    return False


def _posts_after_verb(tagged: Tagged, spans: NamedSpans, k: int, limit: int, clause: str | None) -> list[Post]:
    """The posts of the link verb at or a few words after token k: «назначен советником»."""
    toks = tagged.tokens
    words = 0
    while k < limit and not _is_link_verb(toks[k]) and not _link_event_after(toks, k, limit):
        past = _past_adverbial(toks, k, limit)
        if past > k:  # «Майер до 2012 года работала», «Петров в 1997 году стал»
            k = past
            continue
        if toks[k].pos not in ("ADV", "AUX", "VERB") or words == MAX_WORDS_TO_LINK_VERB:
            return []  # «не» and any other word: no link from this name
        k, words = k + 1, words + 1
    if k < limit and (event_end := _link_event_after(toks, k, limit)):
        # «Сагитов получил новое назначение на пост управляющего делами администрации Уфы»
        return _posts_after_link(tagged, spans, event_end, limit)
    if k < limit and words and toks[k - 1].pos == "VERB" and toks[k].feats.get("VerbForm") != "Inf":
        return []  # another verb of the name's own: «Петров заявил, стал ...»; «согласился занять» links
    if k >= limit or _is_appointing(toks[k]) != (clause == "Acc"):
        return []  # «Путин назначил ...» speaks of the one appointed; «которого назначили» of the name
    return _posts_after_link(tagged, spans, k + 1, limit)


# prepositions of a place or a time between a verb and its post: «работала в Google инженером»,
# «в 1997 году стал»; those governing the instrumental («с», «за», «под») would take the post in
ADVERBIAL_PREPOSITIONS = frozenset({"в", "во", "на", "до", "после", "по", "из", "от", "у", "при", "к", "около"})
# words of an adverbial: the preposition and a short noun phrase («в администрации Брянской области»)
MAX_ADVERBIAL_WORDS = 5
ADVERBIAL_WORDS = frozenset({"ADJ", "NOUN", "PROPN", "NUM", "DET"})
CLOSE_QUOTES = frozenset({"»", '"', "“", "”"})
MAX_QUOTED_WORDS = 8


# an aside between a name and its verb: «Абэ — стал», «аль-Ганзури, 1933 года рождения, занимал»
MAX_ASIDE_WORDS = 6
MAX_PARTICIPLE_ASIDE_WORDS = 10
ASIDE_WORDS = frozenset({"ADJ", "NOUN", "PROPN", "NUM", "DET", "ADP", "ADV", "PUNCT"})


def _past_aside(toks: list[Token], k: int, limit: int) -> int:
    """Past a dash, or a short aside set off by commas after a name: one with no verb of its own,
    or a participle's («Геннадий Ткачук, руководивший вузом с 2014 года, избран ...»)."""
    if k < limit and toks[k].text in DASHES:
        return k + 1
    if k + 1 >= limit or toks[k].text != ",":
        return k
    # «, ранее исполнявшая обязанности министра, назначена»: adverbs may open a participle's aside
    opening = _past_adverbials(toks, k + 1, limit)
    participle = opening < limit and toks[opening].is_participle
    reach = MAX_PARTICIPLE_ASIDE_WORDS if participle else MAX_ASIDE_WORDS
    for m in range(k + 1, min(limit, k + reach + 2)):
        if toks[m].text == ",":
            return m + 1 if m > k + 1 else k
        if participle and m > k + 1 and toks[m].pos in ("VERB", "AUX") and not toks[m].is_participle:
            return k  # a finite verb: the clause goes on
        if not participle and toks[m].pos not in ASIDE_WORDS or toks[m].text in (".", ";", ":", "(", ")"):
            return k
    return k


# the verbs that appoint with no subject named: «Гуллита назначили тренером»
IMPERSONAL_NUMBER = "Plur"


def _subject_all_the_same(toks: list[Token], nm: NameTokens, j: int, limit: int) -> bool:
    """A name the tagger read in an oblique case whose last word has the shape of a surname in the
    nominative of the gender of the finite verb after it, past the adverbials: «До назначения
    Саввинов с 2021 года работал заместителем главного врача» (read as a genitive of «назначения»)."""
    v = _past_adverbials(toks, j, limit)
    if v >= limit or toks[v].pos not in ("VERB", "AUX") or toks[v].feats.get("VerbForm") != "Fin":
        return False
    gender = toks[v].feats.get("Gender")
    return gender is not None and toks[v].feats.get("Number") == "Sing" and (
        surname_shape_gender(toks[nm.last_tok - 1].text) == gender
    )


def _impersonal_appointment(tagged: Tagged, spans: NamedSpans, nm: NameTokens, j: int, limit: int) -> list[Post]:
    """«48-летнего Гуллита назначили тренером «Терека»»: a name in the accusative before an
    appointing verb in the plural with no subject holds the post the verb gives."""
    toks = tagged.tokens
    if toks[nm.last_tok - 1].case != "Acc" or j >= limit:
        return []
    verb = toks[j]
    if not _is_appointing(verb) or verb.feats.get("Number") != IMPERSONAL_NUMBER:
        return []
    return _posts_after_link(tagged, spans, j + 1, limit)


THAT_TIME = frozenset({"этого", "того", "тех", "этих"})


def _past_adverbial(toks: list[Token], k: int, limit: int) -> int:
    """The end of a place or time phrase starting at k («в 2009 году», «до 2012 года», «в
    администрации Брянской области», «13 лет»), none of its words in the instrumental or the
    nominative (a post, a subject); k if none starts there."""
    tok = toks[k]
    if k + 1 < limit and post_lemma(toks[k + 1]) in LINK_NOUNS:
        return k  # «на пост министра», «от должности»: the post itself
    if tok.text.lower() in ADVERBIAL_PREPOSITIONS or _since(toks, k, limit):
        m = k + 1
    elif tok.pos == "NUM" and k + 1 < limit and toks[k + 1].lemma in TIME_NOUNS:
        return k + 2
    elif (dated := _past_day_and_month(toks, k, limit)) > k:
        return dated  # «Петрова 28 июня 2024 года назначена директором»
    elif _time_span_words(toks, k, limit):
        return k + 2  # «долгое время», «много лет», «всю жизнь»
    elif tok.lemma in SPAN_ADJECTIVES and k + 2 < limit and toks[k + 1].pos == "NUM" and (
        toks[k + 2].lemma in TIME_NOUNS
    ):
        return k + 3  # «последние три года»
    else:
        return k
    if m < limit and toks[m].text.lower() in THAT_TIME:
        return m + 1  # «до этого», «после того»: a time named by a pronoun
    end = min(limit, m + MAX_ADVERBIAL_WORDS)
    while m < end and toks[m].pos in ADVERBIAL_WORDS and toks[m].case not in ("Nom", "Ins") and (
        post_lemma(toks[m]) not in LINK_NOUNS  # «занимал в партии должность главы отдела»
    ):
        m += 1
    if m < end and toks[m].text in OPEN_QUOTES:  # «в компании «Роснефть»»
        close = next((q for q in range(m + 1, min(limit, m + MAX_QUOTED_WORDS)) if toks[q].text in CLOSE_QUOTES), None)
        m = close + 1 if close is not None else m
    return m if m > k + 1 else k


def _past_day_and_month(toks: list[Token], k: int, limit: int) -> int:
    """Past a date without a preposition, a day and a month and maybe the year: «28 июня», «28 июня
    2024 года», «28 июня 2024 г.»; k if none starts there."""
    if k + 1 >= limit or not toks[k].text.isdigit() or len(toks[k].text) > 2:
        return k
    if toks[k + 1].text.lower() not in month_forms():
        return k
    m = k + 2
    if m + 1 < limit and toks[m].text.isdigit() and len(toks[m].text) == 4 and toks[m + 1].lemma in ("год", "г"):
        m += 2
        if m < limit and toks[m - 1].text == "г" and toks[m].text == ".":
            m += 1
    return m


# the adjectives of a span of years counted back or on: «последние три года», «первые два года»
SPAN_ADJECTIVES = frozenset({"последний", "первый"})

# time nouns that may stand before a verb without being its subject: «С 2016 по 2020 год работал»
TIME_NOUNS = frozenset({"год", "месяц", "время", "период", "неделя", "день", "лето", "зима", "весна", "осень"})
# how long, in the accusative without a preposition: «долгое время был», «много лет работал», «всё лето»
SPAN_NOUNS = TIME_NOUNS | {"жизнь"}
SPAN_QUANTIFIERS = frozenset({"много", "немало", "мало"})


def _time_span_words(toks: list[Token], k: int, limit: int) -> bool:
    """A lower-case adjective or quantifier and a time noun, neither a subject nor a post:
    «долгое время», «долгие годы», «много лет», «всю жизнь»."""
    if k + 1 >= limit or not toks[k].text.islower() or toks[k + 1].lemma not in SPAN_NOUNS:
        return False
    word, noun = toks[k], toks[k + 1]
    if word.lemma not in SPAN_QUANTIFIERS and word.pos not in ("ADJ", "DET"):
        return False
    return word.case not in ("Nom", "Ins") or noun.lemma == "время" and word.case == "Nom" and noun.case != "Ins"


def _since(toks: list[Token], k: int, limit: int) -> bool:
    """«с декабря 2012 года», «с 2014 года»: «с» of a time, not of the instrumental («с Петровым»)."""
    return toks[k].text.lower() in ("с", "со") and k + 1 < limit and (
        toks[k + 1].text[:1].isdigit() or toks[k + 1].text.lower() in month_forms()
    )


def _past_adverbials(toks: list[Token], k: int, limit: int) -> int:
    """Past adverbs and place or time phrases in a row: «в прошлом», «сейчас», «в 2010 году»."""
    while k < limit:
        past = _past_adverbial(toks, k, limit)
        if past == k and toks[k].pos == "ADV" and not is_modifier(toks[k]):
            past = k + 1
        if past == k:
            return k
        k = past
    return k


# posts in a row after a link verb: «был начальником Генштаба, главой МВД, министром обороны»
MAX_LINKED_POSTS = 5
# «, главой МВД», «и министром», «, а затем министром», «, а также советником», «, затем — директором»
LINKED_POST_JOINERS = frozenset({",", "и", "а", "затем", "потом", "позже", "также", "—", "–"})
MAX_JOINER_WORDS = 4  # «, а затем и премьер-министром»


def _posts_after_link(tagged: Tagged, spans: NamedSpans, m: int, limit: int) -> list[Post]:
    """The post a link verb names and the posts coordinated with it in the same case: «был
    начальником Генштаба, главой МВД и министром обороны»."""
    toks = tagged.tokens
    # «был назначен», «будет избран», «был уже выбран»; adverbs: «сейчас», «официально» («временно
    # исполняющим обязанности» is the post)
    while m < limit and (
        _is_link_verb(toks[m]) and not _is_appointing(toks[m]) or toks[m].pos == "ADV" and not is_modifier(toks[m])
    ):
        m += 1
    m = _past_adverbials(toks, m, limit)  # «переходит в головной офис банка в Челябинске на должность»
    first = _post_after_link(tagged, spans, m, limit)
    if first is None and (later := _past_then(toks, m, limit)) > m:
        # «работал в ООО «Альфа», а затем – техническим директором ООО «Бета»», «..., последние четыре
        # года — в должности заместителя директора»: the verb's post after its place
        first = _post_after_link(tagged, spans, later, limit)
    if first is None:
        return []
    first_at = tagged.token_at(first.start)
    first_head = _head_noun(toks, first_at, tagged.token_ending(first.end) + 1) if first_at is not None else None
    posts = [first]
    while len(posts) < MAX_LINKED_POSTS:
        k = tagged.token_ending(posts[-1].end) + 1
        j = k
        while j < min(limit, k + MAX_JOINER_WORDS) and toks[j].text.lower() in LINKED_POST_JOINERS:
            j += 1
        if j == k or j >= limit:
            break
        j = _past_dated_dash(toks, j, limit)
        if _describes_the_organization(tagged, k, j):
            break
        nxt = _post_from(tagged, spans, j, limit, strict_end=False)
        if nxt is None or not _same_case(first_head, _head_noun(toks, j, tagged.token_ending(nxt.end) + 1)):
            break
        posts.append(nxt)
    return posts


def _describes_the_organization(tagged: Tagged, comma: int, j: int) -> bool:
    """A genitive participle right after the comma that ends a post's organization describes that
    organization: «должность генерального директора ООО «Каспийский берег», управляющего курортным
    комплексом» (an instrumental one cannot: «был директором ООО «Альфа», управляющим филиалом»)."""
    toks = tagged.tokens
    return (
        j == comma + 1 and toks[comma].text == ","
        and toks[j].is_participle and toks[j].feats.get("Case") == "Gen"
        and any(sp.type == "ORG" and _only_closing_quotes(toks, sp.last, comma) for sp in tagged.spans)
    )


def _only_closing_quotes(toks: list[Token], k: int, end: int) -> bool:
    """Only closing quotes between k and end: a name's span may leave them out."""
    return k <= end and all(toks[i].text in CLOSE_QUOTES for i in range(k, end))


# words after a comma that go on a verb's story: «, а затем», «, потом», «, последние четыре года»
THEN_WORDS = frozenset({"затем", "потом", "позже", "впоследствии"})
LAST_YEARS = frozenset({"последний"})
TIME_SPAN_NOUNS = frozenset({"год", "месяц", "неделя"})


def _past_then(toks: list[Token], m: int, limit: int) -> int:
    """Past a comma and the words that go on a verb's story, and a dash after them; `m` when none
    stand there: «, а затем –», «, последние четыре года —»."""
    if m + 2 >= limit or toks[m].text != ",":
        return m
    k = m + 1
    if toks[k].text.lower() == "а":
        k += 1
    if k < limit and toks[k].text.lower() in THEN_WORDS:
        k += 1
    elif k + 2 < limit and toks[k].lemma in LAST_YEARS and toks[k + 2].lemma in TIME_SPAN_NOUNS:
        k += 3  # «последние четыре года»
    else:
        return m
    return k + 1 if k < limit and toks[k].text in DASHES else k


def _past_dated_dash(toks: list[Token], j: int, limit: int) -> int:
    """Past a time and the dash after it that stands for the link verb: «..., а с мая 2024 года —
    первым заместителем»; j itself when no dash follows the time."""
    k = _past_adverbials(toks, j, limit)
    return k + 1 if k > j and k < limit and toks[k].text in DASHES else j


def _post_after_link(tagged: Tagged, spans: NamedSpans, m: int, limit: int) -> Post | None:
    """The post a link verb names: in the instrumental («министром», «самым молодым
    премьером»), or after «на пост», «на должность», «в качестве», «пост» («занимал пост
    министра»)."""
    toks = tagged.tokens
    named_by_noun = False
    if m + 1 < limit and toks[m].text.lower() in LINK_PREPOSITIONS and post_lemma(toks[m + 1]) in LINK_NOUNS:
        m, named_by_noun = m + 2, True
    elif m < limit and post_lemma(toks[m]) in LINK_NOUNS:
        m, named_by_noun = m + 1, True
    while m < limit and toks[m].pos == "ADJ" and toks[m].case == "Ins" and not is_modifier(toks[m]):
        m += 1  # «самым молодым», «лучшим»: how, not what
    post = _post_from(tagged, spans, m, limit, strict_end=False)
    if post is None:
        return None
    head = _head_noun(toks, m, tagged.token_ending(post.end) + 1)
    return post if named_by_noun or _may_be_instrumental(head) else None


def _same_case(first: Token | None, tok: Token) -> bool:
    """A post coordinated with the first one a link gives stands in its case: the instrumental
    («был министром и послом»), or the genitive after «в качестве», «на пост» («в качестве члена
    совета и советника»)."""
    return tok.case == (first.case if first is not None else "Ins")


def _of_a_name_before(
    tagged: Tagged, spans: NamedSpans, mentions: Sequence[NameTokens], before: list[list[Post]]
) -> None:
    """«пресс-секретарь Путина Дмитрий Песков», «адвокат Навального Ольга Михайлова»: a post
    naming a person in the genitive, a second name right after, is the second one's post."""
    ends = {nm.last_tok: k for k, nm in enumerate(mentions)}
    toks = tagged.tokens
    for k, nm in enumerate(mentions):
        g = ends.get(nm.first_tok)
        if g is None or before[k] or case_of(toks[mentions[g].last_tok - 1]) != "Gen":
            continue
        inner = mentions[g]
        sent = tagged.sents[toks[nm.first_tok].sent]
        lo = _post_window_start(sent.first, inner.first_tok)
        found = _posts_reaching(tagged, spans, nm, lo, inner.first_tok, sent.first, depth=1)
        post = _extended(tagged, found[-1], inner.last_tok) if found else None
        # «дочь президента Барака Обамы Малия»: the post of kin is the genitive name's alone
        if post is not None and not _after_kinship(tagged, post):
            before[k] = [post]
            before[g] = [b for b in before[g] if b.start != post.start]  # «губернатора» stays Смирнов's


def _extended(tagged: Tagged, post: Post, last: int) -> Post | None:
    """The post taking in the tokens up to `last` as its dependents."""
    toks = tagged.tokens
    first = tagged.token_at(post.start)
    if first is None:
        return None
    k = first
    while k < last and match_post_head(toks, k, last) is None:
        k += 1
    head_end = match_post_head(toks, k, last) if k < last else None
    return _post_record(tagged, first, head_end, last) if head_end is not None else None


def find_posts(tagged: Tagged, mentions: Sequence[NameTokens]) -> list[list[Post]]:
    """For each name mention, the posts the text attaches to it."""
    spans = NamedSpans(tagged)
    # a name starts where the person rules say, not where the model's span does («руководителя
    # Пермьстата В. С. Мальцев»: the office the model took in is the post's)
    trimmed = {
        s.first for s in tagged.spans if s.type == "PER" and any(s.first < nm.first_tok < s.last for nm in mentions)
    }
    spans.per_start = (spans.per_start - trimmed) | {nm.first_tok for nm in mentions}
    before = [_posts_before(tagged, spans, nm) for nm in mentions]
    _of_a_name_before(tagged, spans, mentions, before)
    for run in _name_lists(tagged, mentions):
        group = None if before[run[0]] else _group_post(tagged, spans, mentions[run[0]])
        group = group or _group_post_in_brackets(tagged, spans, mentions[run[-1]])
        for k in run if group else ():
            before[k] = before[k] or [group]
    out = [b + _posts_after(tagged, spans, nm) for b, nm in zip(before, mentions, strict=True)]
    _drop_bare_posts_of_others(tagged, mentions, out)
    for k, nm in enumerate(mentions):
        if not out[k]:
            out[k] = _duties_laid_on(tagged, spans, nm) or _distributed_post(tagged, nm)
        if (listed := _post_over_a_list(tagged, spans, nm)) is not None:
            out[k].insert(0, listed)
        if (named := _post_named_before_pronoun(tagged, spans, nm)) is not None:
            out[k].insert(0, named)
        held = {q.start for q in out[k]}
        duties = _duties_held_after(tagged, spans, nm) + _duties_held_before(tagged, spans, nm)
        out[k] += [p for p in duties if p.start not in held]
    for k, post in _posts_of_pronouns(tagged, spans, mentions):
        out[k].append(post)
    # a post an appointing verb gives a name of the sentence is no zero subject's: «Пленум (read as
    # an object) избрал заместителем председателя ... Ирину Кожевникову»
    appointed = {q.start for posts in out for q in posts if _given_by_appointing_verb(tagged, q)}
    for k, post in _posts_of_zero_subjects(tagged, spans, mentions):
        if post.start not in appointed:
            out[k].append(post)
    for k, post in _posts_of_predecessors(tagged, mentions, out):
        out[k].append(post)
    return [_without_academic_ranks(posts) for posts in out]


def _drop_bare_posts_of_others(tagged: Tagged, mentions: Sequence[NameTokens], out: list[list[Post]]) -> None:
    """«трое: министр, глава округа Надежда Теплякова и директор ...»: a one-word position in the
    nominative set off by a comma before another post of a name is no post of that name when its
    head heads the post of another person named before; it stands for that person. Trades side by
    side stay one person's («поэт, журналист Анатолий Смолин»)."""
    toks = tagged.tokens
    for k, posts in enumerate(out):
        if len(posts) < 2:
            continue
        first = tagged.token_at(posts[0].start)
        if first != tagged.token_ending(posts[0].end) or post_lemma(toks[first]) in post_lexicon().professions:
            continue
        if toks[first].case != "Nom" or toks[first + 1].text != ",":
            continue  # not «избрала своим новым спикером первого заместителя ...», «модель и актриса»
        bare = toks[first].lemma
        surname = toks[mentions[k].last_tok - 1].lemma
        held_before = any(
            toks[tagged.token_at(q.start)].lemma == bare
            for j in range(k) if toks[mentions[j].last_tok - 1].lemma != surname
            for q in out[j]
        )
        if held_before:
            out[k] = posts[1:]


# the bodies a list of posts is distributed over, by their genitive singular: «председатели
# комитетов: по бюджету – X, ...» gives «председатель комитета по бюджету»
LIST_BODIES = {"комитет": "комитета", "комиссия": "комиссии"}
# how far before its colon a list's plural post may stand: «Их председателями избраны:»
LIST_HEAD_REACH = 6


def _opens_an_item(toks: list[Token], k: int) -> bool:
    """Token k opens an item of a list: after a comma, colon or semicolon, or after a dash that
    stands for a bullet after one («избраны:\n— по финансам — X;\n— по ...»)."""
    after = toks[k - 1].text
    return after in (",", ":", ";") or after in DASHES and k >= 2 and toks[k - 2].text in (",", ":", ";")


def _list_colon(toks: list[Token], k: int) -> int | None:
    """The colon a list opens with, back from token k within its sentence."""
    colon = next((j for j in range(k - 1, 0, -1) if toks[j].text in (":", ".", "!", "?")), None)
    return colon if colon is not None and toks[colon].text == ":" else None


def _plural_post_before(toks: list[Token], colon: int) -> tuple[int, int] | None:
    """Where the plural post nearest before a list's colon starts and its head ends: «Их
    председателями избраны:»."""
    for k in range(colon - 1, max(-1, colon - LIST_HEAD_REACH - 1), -1):
        end = match_post_head(toks, k, colon)
        if end is not None and _plural(_head_noun(toks, k, end)):
            return k, end
    return None


def _distributed_post(tagged: Tagged, nm: NameTokens) -> list[Post]:
    """«Их председателями избраны: комитета по бюджету – Ольга Пак, комитета по транспорту –
    Виталий Лебедь», «избраны председатели комитетов: по экологии – Петр Слепцов»: a plural post
    before a colon, then its bodies each with a dash and a name, is each one's post in the singular."""
    toks = tagged.tokens
    dash = nm.first_tok - 1
    if dash < 2 or toks[dash].text not in DASHES:
        return []
    start = next((k for k in range(dash - 1, 0, -1) if _opens_an_item(toks, k) and (
        toks[k].text.lower() == "по" or toks[k].lemma in LIST_BODIES) or toks[k].text in (".", "!", "?")), None)
    if start is None or toks[start].text in (".", "!", "?") or start >= dash - 1:
        return []
    colon = _list_colon(toks, start)
    found = _plural_post_before(toks, colon) if colon is not None else None
    if colon is None or found is None:
        return []
    head = found[0]
    body = next((toks[k].lemma for k in range(head + 1, colon) if toks[k].lemma in LIST_BODIES), None)
    if toks[start].text.lower() == "по" and body is None:
        return []
    role = singular_nominative_phrase([toks[head]], tagged.text, 0).lower()
    item = tagged.text[toks[start].start : toks[dash - 1].end]
    normal = f"{role} {item}" if body is None else f"{role} {LIST_BODIES[body]} {item}"
    return [Post(normal=normal, text=item, start=toks[start].start, end=toks[dash - 1].end, role=normal)]


# «назначен министром вместо Алмаза Закиева», «сменив на этом посту Олега Белова»: the one replaced
# held the post the sentence gives (NEREL train marks it so, 17 times among the WORKS_AS misses)
REPLACING_WORDS = frozenset({"вместо"})
REPLACING_VERBS = frozenset({"сменить", "сменять"})
# «на этом посту», «на этой должности»: the post named before
THIS_POST_PREPOSITION = "на"
THIS_POST_WORDS = frozenset({"этом", "этой"})
# how many sentences back «на этом посту» may point
THIS_POST_REACH = 2
# words that may stand between the marker and the name replaced: «вместо ушедшего в отставку»,
# «сменив своего брата», «вместо 86-летнего»
MAX_WORDS_TO_REPLACED = 5


def _replacing_marker(toks: list[Token], first: int, sent_first: int) -> int | None:
    """The token of «вместо» or of «сменить» a few words before a name, the words between
    lowercase (or an age), with «на этом посту» allowed after the verb."""
    k = first - 1
    while k >= sent_first and first - k <= MAX_WORDS_TO_REPLACED + 3:
        tok = toks[k]
        if tok.text.lower() in REPLACING_WORDS or tok.pos == "VERB" and tok.lemma in REPLACING_VERBS:
            return k
        if not (tok.text.islower() or AGE_WORD.fullmatch(tok.text)) or tok.text in POST_END:
            return None
        k -= 1
    return None


FORMER_BY_GENDER = {"masc": "бывший", "femn": "бывшая"}
# the verbs of taking up a post, beside the appointing ones
TAKING_UP = frozenset({"стать", "становиться", "занять", "возглавить", "назначить", "назначать", "избрать",
                       "избирать", "утвердить", "переизбрать"})


def _given_post(tagged: Tagged, post: Post) -> str | None:
    """The lemma of the link verb or post noun giving a post: «назначен министром», «стал
    главой», «на посту директора», «Ректором избрана»; None if nothing gives it."""
    toks = tagged.tokens
    k = tagged.token_at(post.start)
    if k is None:
        return None
    j = k - 1
    while j >= 0 and toks[j].pos == "ADJ" and toks[j].text.islower():
        j -= 1  # «новым главой»
    if j >= 0 and post_lemma(toks[j]) in LINK_NOUNS:
        return post_lemma(toks[j])
    end = tagged.token_ending(post.end) + 1
    if _head_noun(toks, k, end).case != "Ins":
        return None  # «избран генеральный директор ООО «Вектор» Иван Петров»: who, not what
    if j >= 0 and _is_link_verb(toks[j]):
        return post_lemma(toks[j])
    return post_lemma(toks[end]) if end < len(toks) and _is_link_verb(toks[end]) else None  # «Ректором избрана»


def _posts_of_predecessors(
    tagged: Tagged, mentions: Sequence[NameTokens], out: list[list[Post]]
) -> list[tuple[int, Post]]:
    """A name replaced by another in a post held it too, when the text gives the name no post of its
    own: the post a link verb gives someone else before «вместо» or «сменил» in the sentence, or in
    the two sentences before when the verb says «на этом посту» («Ирина Панова избрана ректором.
    Она сменила на этом посту Виктора ...»)."""
    toks = tagged.tokens
    found = []
    # a post of the person's own elsewhere is what the text tells of them («Он сменил на этом посту
    # Зуева ... Зуев переведён на должность советника»)
    with_posts = {_surname(nm) for j, nm in enumerate(mentions) if out[j]} - {None}
    for k, nm in enumerate(mentions):
        if out[k] or _surname(nm) in with_posts:
            continue
        sent = toks[nm.first_tok].sent
        marker = _replacing_marker(toks, nm.first_tok, tagged.sents[sent].first)
        if marker is None:
            continue
        words = [t.text.lower() for t in toks[marker + 1 : marker + 3]]
        this_post = len(words) == 2 and words[0] == THIS_POST_PREPOSITION and words[1] in THIS_POST_WORDS
        lo = tagged.sents[max(0, sent - THIS_POST_REACH) if this_post else sent].start
        given = [
            p for j, posts in enumerate(out) if j != k for p in posts
            if lo <= p.start and p.end <= toks[marker].start and not p.rank and _given_post(tagged, p) is not None
        ]
        if given:
            # the post given by an appointment or a taking up («назначен», «стал») over one held
            # meanwhile («..., который является артдиректором театра, сменит на этом посту»)
            post = max(given, key=lambda p: (_given_post(tagged, p) in TAKING_UP, p.start))
            found.append((k, _as_former(post, getattr(nm, "gender", None))))
    return found


def _as_former(post: Post, gender: str | None) -> Post:
    """The post as its former holder's: «бывший министр», as a text says of one («бывшая» of a
    woman), so that «министр» said later is still the new holder's."""
    former = FORMER_BY_GENDER.get(gender or "masc", FORMER_BY_GENDER["masc"])
    return replace(post, normal=f"{former} {post.normal}", role=f"{former} {post.role}")


def _surname(nm: NameTokens) -> str | None:
    return getattr(nm, "last", None)


def _given_by_appointing_verb(tagged: Tagged, post: Post) -> bool:
    """A post in the instrumental right after an appointing verb: «избрал заместителем ...»."""
    k = tagged.token_at(post.start)
    return k is not None and k > 0 and _is_appointing(tagged.tokens[k - 1])


def _without_academic_ranks(posts: list[Post]) -> list[Post]:
    """A degree or an honorary title (HONORARY_TITLE) links posts to a name («сотрудник
    лаборатории, доктор технических наук Игорь Сидоров») but is held in no organization: no
    post. An academic title alone («профессор») is none beside a post of the person («директор
    института профессор Н. Г. Воронцова»), as the press releases' gold has it; alone, it is what
    NEREL calls the person («академик Виталий Костомаров»). «Профессор кафедры физики» is a post."""
    posts = [p for p in posts if not any(title.match(p.normal) for title in NO_POST_TITLES)]
    held = [p for p in posts if p.normal.lower() not in ACADEMIC_TITLES]
    return held or posts


ACTING_BY_DUTIES = "исполняющий обязанности"
ACTING_BY_POWERS = "исполняющий полномочия"
ROLE_TOKEN = re.compile(r"[\w-]+|[^\w\s]")


def _duties_laid_on(tagged: Tagged, spans: NamedSpans, nm: NameTokens) -> list[Post]:
    """«Исполнение обязанностей директора департамента ... возложено на Д. В. Корнеева»,
    «Возложить временное исполнение обязанностей министра на Иванова И. И.»: the one the duties
    are laid on is acting in that post."""
    toks = tagged.tokens
    on = nm.first_tok - 1
    sent = tagged.sents[toks[nm.first_tok].sent]
    if on <= sent.first or toks[on].text.lower() != "на":
        return []
    if not any(t.lemma == "возложить" for t in toks[sent.first : on]):
        return []
    for k in range(sent.first + 1, on - 1):
        if toks[k].lemma != "обязанность" or toks[k - 1].lemma != "исполнение":
            continue
        head_end = match_post_head(toks, k + 1, on)
        if head_end is None:
            return []
        post = _post_record(tagged, k + 1, head_end, _dependents(tagged, spans, head_end, on))
        if post is None:
            return []
        role_end = k + len(ROLE_TOKEN.findall(post.role))  # its role as written, in the genitive
        role = tagged.text[post.start : toks[role_end].end]
        return [replace(post, normal=f"{ACTING_BY_DUTIES} {post.text}", role=f"{ACTING_BY_DUTIES} {role}")]
    return []


# «исполнять обязанности министра», «исполнять полномочия главы»: the verbs and their objects of acting
DUTY_VERBS = frozenset({"исполнять", "выполнять"})
DUTY_OBJECTS = frozenset({"обязанность", "полномочие"})
# the adverb of a temporary appointment, kept in the post: «временно исполняет обязанности»
TEMPORARILY = "временно"


def _duties_held_after(tagged: Tagged, spans: NamedSpans, nm: NameTokens) -> list[Post]:
    """«Ворожцов, с декабря исполнявший обязанности ректора, избран ...», «Смирнов временно
    исполняет обязанности ректора», «Воробьёв будет исполнять обязанности главы региона»: the
    name acts in that post, whatever the tense. A participle stands after a comma, a verb of the
    name's own right after it."""
    toks = tagged.tokens
    sent = tagged.sents[toks[nm.first_tok].sent]
    j = nm.last_tok
    if j + 3 >= sent.last:
        return []
    if toks[j].text == ",":
        k = _past_adverbials(toks, j + 1, sent.last)
        if k >= sent.last or not toks[k].is_participle:
            return []
    else:
        k = _past_adverbials(toks, j, sent.last)
        if k < sent.last and toks[k].lemma == "быть" and toks[k].pos == "AUX":
            k = _past_adverbials(toks, k + 1, sent.last)  # «будет исполнять»
        if k < sent.last and toks[k].text.lower() == TEMPORARILY:
            k += 1  # a modifier of posts, which the adverbials leave
        if k >= sent.last or toks[k].is_participle or toks[k].pos != "VERB":
            return []
    # «Ким, исполняющая обязанности министра ... Оксана Белоусова»: the acting post of the next name
    return [p for p in _acting_post(tagged, spans, k, sent.last) if not _before_a_name(tagged, spans, p)]


def _duties_held_before(tagged: Tagged, spans: NamedSpans, nm: NameTokens) -> list[Post]:
    """«Обязанности главы комиссии будет исполнять Уолтер», «Сейчас обязанности ректора временно
    исполняет Олег Смирнов»: the object and its post before the verb, the name right after it."""
    toks = tagged.tokens
    sent_first = tagged.sents[toks[nm.first_tok].sent].first
    verb = nm.first_tok - 1
    if verb <= sent_first or toks[verb].lemma not in DUTY_VERBS or toks[verb].is_participle:
        return []
    k = verb - 1
    while k > sent_first and (toks[k].pos == "ADV" or toks[k].lemma == "быть"):
        k -= 1  # «будет», «временно»
    duty = next((d for d in range(k, _post_window_start(sent_first, k) - 1, -1)
                 if toks[d].lemma in DUTY_OBJECTS), None)
    if duty is None or duty + 1 > k:
        return []
    head_end = match_post_head(toks, duty + 1, k + 1)
    if head_end is None or _dependents(tagged, spans, head_end, k + 1) != k + 1:
        return []
    post = _post_record(tagged, duty + 1, head_end, k + 1)
    return [_acting(tagged, post, duty, head_end, _temporarily(toks, verb))] if post else []


def _acting_post(tagged: Tagged, spans: NamedSpans, k: int, limit: int) -> list[Post]:
    """The post after «исполняющий обязанности» or «исполняет обязанности» at k."""
    toks = tagged.tokens
    if k + 2 >= limit or toks[k].lemma not in DUTY_VERBS or toks[k + 1].lemma not in DUTY_OBJECTS:
        return []
    head_end = match_post_head(toks, k + 2, limit)
    if head_end is None:
        return []
    post = _post_record(tagged, k + 2, head_end, _dependents(tagged, spans, head_end, limit))
    if post is None:
        return []
    temporarily = _temporarily(toks, k)
    acting = _acting(tagged, post, k + 1, head_end, temporarily)
    if toks[k].is_participle:  # the participle (and «временно» before it) opens the post: «временно исполняющий ...»
        start = toks[k - 1 if temporarily else k].start
        acting = replace(acting, text=tagged.text[start : post.end], start=start)
    return [acting]


def _temporarily(toks: list[Token], verb: int) -> bool:
    return verb > 0 and toks[verb - 1].text.lower() == TEMPORARILY


def _acting(tagged: Tagged, post: Post, duty: int, head_end: int, temporarily: bool) -> Post:
    """The post a verb of acting names, as its holder's post: «исполняющий обязанности ректора»;
    its text stays the written post, after the verb and its object."""
    toks = tagged.tokens
    acting = (f"{TEMPORARILY} " if temporarily else "") + (
        ACTING_BY_POWERS if toks[duty].lemma == "полномочие" else ACTING_BY_DUTIES
    )
    role = tagged.text[post.start : toks[head_end - 1].end]  # as written, in the genitive
    return replace(post, normal=f"{acting} {post.text}", role=f"{acting} {role}")


@dataclass(frozen=True)
class _Pronoun:
    """«он», «она» as the subject of a link verb: a name by another word."""

    first_tok: int
    last_tok: int


# «он», «она» stand for the person named last before them, of their gender, in these sentences
PRONOUN_GENDERS = {"он": "masc", "она": "femn"}
# the object or owner pronouns an appointment may be of: «его назначением», «её избрали»
OBJECT_PRONOUN_GENDERS = {"его": "masc", "её": "femn", "ее": "femn"}
PRONOUN_REACH_SENTENCES = 2
# how many sentences back the subject of a biography may be named when no one else is named since
BIOGRAPHY_REACH_SENTENCES = 4


def _posts_of_pronouns(
    tagged: Tagged, spans: NamedSpans, mentions: Sequence[NameTokens]
) -> list[tuple[int, Post]]:
    """«Сейчас он работает спецпредставителем президента»: a post linked by a verb to «он» or
    «она» is of the person named last before the pronoun with its gender, a sentence or two back."""
    toks = tagged.tokens
    out = []
    starts = [nm.first_tok for nm in mentions]
    for i, tok in enumerate(toks):
        last = tagged.sents[tok.sent].last
        gender = PRONOUN_GENDERS.get(tok.text.lower())
        if gender is None and (gender := OBJECT_PRONOUN_GENDERS.get(tok.text.lower())) is not None:
            # «в связи с его назначением министром», «Ее избрали председателем комиссии»: the
            # pronoun's appointment, by an event noun or by an active appointing verb
            given = i + 1 < last and (toks[i + 1].lemma in LINK_EVENTS or _is_appointing(toks[i + 1]))
            posts = _posts_after_link(tagged, spans, i + 2, last) if given else []
        elif gender is None or tok.case != "Nom":
            continue
        else:
            pronoun = _Pronoun(i, i + 1)
            posts = _linked_after(tagged, spans, pronoun, i + 1, last) or _dashed_post(tagged, spans, i + 1, last)
        if not posts:
            continue
        k = bisect.bisect_left(starts, i) - 1
        subject = tok.text.lower() in PRONOUN_GENDERS
        while k >= 0 and (
            getattr(mentions[k], "gender", None) not in (gender, None)
            or subject and _in_an_opening_adverbial(tagged, mentions[k], tok.sent)
        ):
            k -= 1
        if k >= 0 and tok.sent - toks[mentions[k].first_tok].sent <= PRONOUN_REACH_SENTENCES:
            out.extend((k, post) for post in posts)
    return out


def _in_an_opening_adverbial(tagged: Tagged, nm: NameTokens, sent: int) -> bool:
    """A name in another case inside the prepositional phrase that opens the subject pronoun's
    own sentence is someone else: «После ухода прежнего директора Николая Гребенщикова ... он был
    временно исполняющим обязанности директора»."""
    toks = tagged.tokens
    first = tagged.sents[sent].first
    return (
        toks[nm.first_tok].sent == sent and toks[first].pos == "ADP"
        and toks[nm.last_tok - 1].case not in ("Nom", None)
        and not any(toks[k].feats.get("VerbForm") == "Fin" for k in range(first, nm.first_tok))
    )


def _dashed_post(tagged: Tagged, spans: NamedSpans, j: int, limit: int) -> list[Post]:
    """«Сейчас он — профессор университета»: a post in the nominative after a dash that stands
    for the link verb."""
    if j + 1 >= limit or tagged.tokens[j].text not in DASHES:
        return []
    post = _post_from(tagged, spans, _past_formerly(tagged.tokens, j + 1, limit, dash=True), limit)
    return [post] if post is not None and _in_nominative(tagged, post) else []


VERB_GENDERS = {"Masc": "masc", "Fem": "femn"}


def _subjectless_link_verb(tagged: Tagged, sent_first: int, sent_last: int) -> int | None:
    """The first finite verb of a sentence when nothing before it can be its subject («С 2016 по
    2020 год работал главным инженером ...», «Ранее занимала должность ...»), if it links a post."""
    toks = tagged.tokens
    for k in range(sent_first, sent_last):
        tok = toks[k]
        if tok.feats.get("VerbForm") == "Fin" or tok.feats.get("Variant") == "Short":
            if _surname_before(toks, sent_first, k):
                return None  # «До назначения Саввинов с 2021 года работал ...»: read as a genitive
            return k if _is_link_verb(tok) and tok.feats.get("Gender") in VERB_GENDERS else None
        if tok.case == "Nom" and tok.pos in ("NOUN", "PROPN", "PRON") and tok.lemma not in TIME_NOUNS:
            return None
        if tok.text in ("«", "\"", ":"):
            return None
    return None


def _surname_before(toks: list[Token], first: int, verb: int) -> bool:
    """A capitalized name before the verb with the nominative shape of a surname of its gender,
    whatever case the tagger read."""
    gender = toks[verb].feats.get("Gender")
    return gender is not None and toks[verb].feats.get("Number") == "Sing" and any(
        toks[m].pos == "PROPN" and toks[m].text[:1].isupper() and surname_shape_gender(toks[m].text) == gender
        for m in range(first, verb)
    )


def _posts_of_zero_subjects(
    tagged: Tagged, spans: NamedSpans, mentions: Sequence[NameTokens]
) -> list[tuple[int, Post]]:
    """A biography goes on without naming its subject: «Дмитрий Карпенко родился в 1978 году. С
    2016 по 2020 год работал главным инженером ...»: the post of a link verb with no subject of its
    own is of the person named last before, of the verb's gender, a sentence or two back."""
    toks = tagged.tokens
    out = []
    starts = [nm.first_tok for nm in mentions]
    for n, sent in enumerate(tagged.sents):
        for first in _clause_starts(toks, sent.first, sent.last):
            out.extend(_zero_subject_posts(tagged, spans, mentions, starts, n, first, sent.last))
    return out


# words that may open a clause going on with a biography: «..., а с 2020 года — ...»
CLAUSE_JOINERS = frozenset({"а", "затем", "потом", "позже"})


def _dated_dash_post(tagged: Tagged, spans: NamedSpans, first: int, last: int) -> Post | None:
    """A clause of a biography with a time, a dash for its verb and a post: «С 2015 года —
    заместитель руководителя департамента», «..., последние три года — главным инженером», «..., а
    в 2017–2025 годах — проректором»."""
    toks = tagged.tokens
    k = first
    while k < last and toks[k].text.lower() in CLAUSE_JOINERS:
        k += 1
    dash = _past_adverbials(toks, k, last)
    if dash == k or dash + 1 >= last or toks[dash].text not in DASHES or not _tells_a_time(toks[k:dash]):
        return None  # «в числе пострадавших — офицер полиции»: a place or a group, no time of a career
    post = _post_from(tagged, spans, dash + 1, last, strict_end=False)
    if post is None:
        return None
    head = _head_noun(toks, dash + 1, tagged.token_ending(post.end) + 1)
    return post if case_of(head) in ("Nom", "Ins") else None


def _tells_a_time(words: list[Token]) -> bool:
    """A year, a month or a time noun among the words: «с 2015 года», «с августа», «последние три года»."""
    return any(t.text[:1].isdigit() or t.lemma in TIME_NOUNS or t.text.lower() in month_forms() for t in words)


def _clause_starts(toks: list[Token], first: int, last: int) -> list[int]:
    """The sentence's start and each place after a comma or «и» where a clause may go on with the
    subject of the one before: «..., а с 2020 года занимал», «..., до этого работал», «окончил
    университет и работал»; whether it does is the verb's to say (`_subjectless_link_verb`)."""
    return [first] + [k for k in range(first + 1, last - 1) if toks[k - 1].text in (",", "и")]


def _zero_subject_posts(
    tagged: Tagged, spans: NamedSpans, mentions: Sequence[NameTokens], starts: list[int], n: int, first: int, last: int
) -> list[tuple[int, Post]]:
    toks = tagged.tokens
    verb = _subjectless_link_verb(tagged, first, last)
    gender: str | None = None  # a dash in place of the verb tells no gender
    if verb is None:
        dated = _dated_dash_post(tagged, spans, first, last)
        posts = [dated] if dated else []
    else:
        posts = _posts_after_link(tagged, spans, verb + 1, last)
        gender = VERB_GENDERS[toks[verb].feats["Gender"]]
    if not posts:
        return []
    last_named = k = bisect.bisect_left(starts, first) - 1
    while k >= 0 and gender is not None and getattr(mentions[k], "gender", None) not in (gender, None):
        k -= 1
    # a biography names no one else between its subject and its later lines: they reach further
    reach = BIOGRAPHY_REACH_SENTENCES if k == last_named else PRONOUN_REACH_SENTENCES
    # the one the biography is about is a subject before: named in the nominative, or by «он» /
    # «она» after a name in another case («Клюеву 44 года. В 2004 году он окончил ... С 2019 года
    # работал ...»)
    if k >= 0 and n - toks[mentions[k].first_tok].sent <= reach and (
        toks[mentions[k].last_tok - 1].case == "Nom" or _pronoun_between(toks, mentions[k].last_tok, first, gender)
    ):
        return [(k, post) for post in posts]
    return []


def _pronoun_between(toks: list[Token], start: int, end: int, gender: str | None) -> bool:
    """A subject pronoun of the gender («он», «она») between tokens start and end."""
    return any(
        toks[j].text.lower() in PRONOUN_GENDERS and PRONOUN_GENDERS[toks[j].text.lower()] == gender
        for j in range(start, end)
    )


# what joins the names of a list: «Джон Маккейн и Марко Рубио», «Анжелина Джоли, Гвинет Пэлтроу»
LIST_JOINERS = (",", "и")
# a short note in brackets may follow each name of a list: «Томас Бах (Германия) и Нг Сер Мианг»
MAX_NOTE_WORDS = 3


def _past_note(words: list[str]) -> list[str]:
    """The words after a short bracketed note that opens them."""
    if words[:1] == ["("] and ")" in words[: MAX_NOTE_WORDS + 2]:
        return words[words.index(")") + 1 :]
    return words


def _past_apposed_post(toks: list[Token], start: int, end: int) -> int:
    """The comma closing a post set off after a name in a list, or `start` when none is: «Айдар
    Хасанов, генеральный директор ООО «Демский агрокомплекс», | и Наталья Кудрявцева»."""
    if start + 1 >= end or end - start > MAX_DEPENDENT_TOKENS:
        return start  # nothing between (a name the next one overlaps: «ОАО В. В. Дмитрий»), or too much
    if toks[start].text != "," or not toks[start + 1].text.islower():
        return start
    if match_post_head(toks, start + 1, end) is None:
        return start
    closing = max((k for k in range(start + 2, end) if toks[k].text == ","), default=None)
    return start if closing is None else closing


def _name_lists(tagged: Tagged, mentions: Sequence[NameTokens]) -> list[list[int]]:
    """Runs of two names or more joined by commas and «и», as indexes into `mentions`."""
    toks = tagged.tokens
    runs: list[list[int]] = []
    for k, nm in enumerate(mentions):
        if k and runs and runs[-1][-1] == k - 1:
            start = _past_apposed_post(toks, mentions[k - 1].last_tok, nm.first_tok)
            between = _past_note([t.text for t in toks[start : nm.first_tok]])
            if between and len(between) <= 2 and all(w in LIST_JOINERS for w in between):
                runs[-1].append(k)
                continue
        runs.append([k])
    return [run for run in runs if len(run) > 1]


def _group_post(tagged: Tagged, spans: NamedSpans, nm: NameTokens) -> Post | None:
    """A plural post right before the first name of a list: «американские сенаторы Джон Маккейн
    и Марко Рубио», «актрисы Анжелина Джоли, Гвинет Пэлтроу»; each of them holds it."""
    toks = tagged.tokens
    sent = tagged.sents[toks[nm.first_tok].sent]
    end = nm.first_tok
    for i in range(_post_window_start(sent.first, end), end):
        head_end = match_post_head(toks, i, end)
        if head_end is None or not _plural(_head_noun(toks, i, head_end)):
            continue
        if head_end == end or _dependents(tagged, spans, head_end, end) == end:
            return _post_record(tagged, _head_with_modifiers(tagged, i, sent.first), head_end, end, group=True)
    return None


def _post_over_a_list(tagged: Tagged, spans: NamedSpans, nm: NameTokens) -> Post | None:
    """«Заместителями председателя избраны:\nX — председатель ...;\nY — заведующая ...»: a plural
    post and the verb that gives it, before a colon, are the post of each name that opens an item
    of the list after it."""
    toks = tagged.tokens
    k = nm.first_tok
    if k < 2 or toks[k - 1].text not in (":", ";"):
        return None
    colon = _list_colon(toks, k)
    found = _plural_post_before(toks, colon) if colon is not None else None
    if colon is None or found is None:
        return None
    i, head_end = found
    last = _dependents(tagged, spans, head_end, colon)
    # the verb that gives the post, and nothing else, before the colon: not «его защитники:»
    if last < colon and all(_is_appointing(t) or _is_link_verb(t) for t in toks[last:colon]):
        return _post_record(tagged, i, head_end, last, group=True)
    return None


# «Им стал X», «Ею стала Y»: the instrumental pronoun of a post named the sentence before
POST_PRONOUNS = frozenset({"им", "ею", "ей"})
# what may close the words that name the post within the pronoun's own sentence
POST_PRONOUN_BREAKS = frozenset({":", "—", "–", "-"})
# verbs that say a post changed holder: «сменился главный инженер»
HOLDER_CHANGE_VERBS = frozenset({"смениться", "поменяться"})
# a post told as new has a holder to come: «новый генеральный директор»
NEW_HOLDER_WORDS = frozenset({"новый"})


def _post_named_before_pronoun(tagged: Tagged, spans: NamedSpans, nm: NameTokens) -> Post | None:
    """«На заседании также избран заместитель председателя Думы. Им стал Игорь Пронин», «В АТСК
    сменился главный инженер: им стал Максим Ткач»: the post the words before give in the
    nominative, as given (a passive appointing verb), changed («смениться») or new («новый»), is
    the name's; the words before are the sentence before, or the same sentence up to a colon or dash."""
    toks = tagged.tokens
    opening = tagged.sents[toks[nm.first_tok].sent].first
    # past a degree: «им стала кандидат биологических наук Наталья Ершова»
    k = min(_spelled_degree_before(toks, nm.first_tok, opening), _degree_before(tagged, nm.first_tok, opening))
    if k < 2 or toks[k - 1].lemma != "стать" or toks[k - 2].text.lower() not in POST_PRONOUNS:
        return None
    sent = toks[k].sent
    first = tagged.sents[sent].first
    if first == k - 2 and sent > 0:
        lo, hi = tagged.sents[sent - 1].first, tagged.sents[sent - 1].last
    elif k - 3 > first and toks[k - 3].text in POST_PRONOUN_BREAKS:
        lo, hi = first, k - 3
    else:
        return None
    # «избран заместитель председателя»: the post given, its holder told next
    given = any(_is_link_verb(toks[j]) for j in range(lo, hi) if toks[j].feats.get("Voice") == "Pass")
    changed = given or any(toks[j].lemma in HOLDER_CHANGE_VERBS for j in range(lo, hi))
    for i in range(lo, hi):
        if match_post_head(toks, i, hi) is None or toks[i].case != "Nom":
            continue
        if not changed and not (i > lo and toks[i - 1].lemma in NEW_HOLDER_WORDS):
            continue  # a post named with no word of a new holder is someone else's
        post = _post_from(tagged, spans, i, hi, strict_end=False)
        if post is not None:
            return post
    return None


def _plural(head: Token) -> bool:
    """A plural noun by the tagger, or by the dictionary alone when it has no singular reading
    («лётчики-космонавты», «зампредам»: the tagger may read them as singular)."""
    nouns = [p for p in head.parses if p.tag.POS == "NOUN"]
    if head.feats.get("Number") == "Plur":
        # the tagger reads a noun by its plural verb («вели каллиграф X и директор Y»): a form the
        # dictionary reads only in the singular is singular
        return not nouns or any(p.tag.number == "plur" for p in nouns)
    return bool(nouns) and all(p.tag.number == "plur" for p in nouns)


def _group_post_in_brackets(tagged: Tagged, spans: NamedSpans, nm: NameTokens) -> Post | None:
    """A plural post in brackets after the last name of a list: «Тимур Хасанов, Олег Верещагин и
    Зарина Ахметова (независимые директора)»; each of them holds it."""
    toks = tagged.tokens
    sent = tagged.sents[toks[nm.last_tok - 1].sent]
    j = nm.last_tok
    if j + 1 >= sent.last or toks[j].text != "(":
        return None
    i = j + 1 if match_post_head(toks, j + 1, sent.last) else _past_describing_adjectives(toks, j + 1, sent.last)
    head_end = match_post_head(toks, i, sent.last)
    if head_end is None or not _plural(_head_noun(toks, i, head_end)):
        return None
    last = _dependents(tagged, spans, head_end, sent.last)
    if last >= sent.last or toks[last].text != ")":
        return None
    return _post_record(tagged, i, head_end, last, group=True)


@dataclass(frozen=True)
class BarePost:
    """A post in the nominative standing as a reference to someone («губернатор отметил»,
    «Губернатор Тульской области обсудил»)."""

    first: int  # token range of the post: its first token, the end of its head, its end
    head_end: int
    last: int
    role_key: str  # the lemmas of the role alone, as `role_key` gives them
    whole_key: str  # the lemmas of the whole post
    post: Post | None  # the post itself, for the person it turns out to refer to
    nominative: bool = True  # a subject («губернатор отметил»), not «по поручению губернатора»


def find_bare_posts(tagged: Tagged) -> list[BarePost]:
    """Posts in the nominative that are no part of a name's post: references to someone."""
    spans = NamedSpans(tagged)
    out = []
    toks = tagged.tokens
    i = 0
    while i < len(toks):
        head_end = match_post_head(toks, i, len(toks))
        if head_end is None:
            i += 1
            continue
        sent = tagged.sents[toks[i].sent]
        last = _dependents(tagged, spans, head_end, sent.last)
        if last < sent.last and last in spans.per_start:
            i = last  # a post before a name: not a bare reference
            continue
        key = " ".join(post_lemma(t) for t in toks[i:head_end])
        whole = " ".join(post_lemma(t) for t in toks[i:last] if t.text[:1].isalnum())
        post = _post_record(tagged, i, head_end, last)
        head = _head_noun(toks, i, head_end)
        nominative = case_of(head) == "Nom"
        if not nominative and head.feats.get("Number") == "Plur":
            i = last  # «встреча с губернаторами»: no one person
            continue
        out.append(BarePost(i, head_end, last, key, whole, post, nominative))
        i = last
    return out
