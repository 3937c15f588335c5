"""Persons: natasha's PER spans, cut, trimmed and joined into name mentions, widened to initials,
and the names the model missed found again (initials and a surname, a surname of someone named in
the text); each mention read into first/middle/last names in the nominative by `names`. Merging
the mentions into persons is the link layer's job."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace

from extractor.lexicon import animal_nouns, load_words, speech_verbs
from extractor.lexicon.orgs import known_body_word
from extractor.lexicon.places import region_nickname
from extractor.lexicon.posts import LINK_NOUNS, is_acting, match_post_head, starts_post
from extractor.nlp.inflect import adjective_only
from extractor.nlp.morph import UD_CASES, UD_OF, parses
from extractor.nlp.phrases import DASHES, SETTLEMENT_WORDS, after_town_word, declared_short_name
from extractor.nlp.tagging import Span, Tagged, Token, is_mixed_abbreviation, is_regional_office
from extractor.rules.persons.names import (
    DICTIONARY,
    FAMILY_NAME_FIRST,
    KEPT,
    KOREAN_SURNAMES,
    PATRONYMIC,
    SURNAME_NOMINATIVE,
    SURNAME_PARTICLES,
    SURNAME_SKY_NOMINATIVE,
    VIETNAMESE_SURNAMES,
    WRITTEN,
    NameForm,
    Roles,
    gender_of,
    has_gram,
    in_dictionary,
    is_patronymic,
    is_single_first_name,
    mention_case,
    name_key,
    nominative,
    roles_of,
    surname_form,
    surname_readings,
)

__all__ = [
    "DICTIONARY", "FAMILY_NAME_FIRST", "PATRONYMIC", "NameMention", "find_name_mentions", "has_gram", "name_key",
    "split_name",
]

INITIAL = re.compile(r"[А-ЯЁA-Z]")
CYRILLIC = re.compile(r"[А-ЯЁа-яё]")
# a regnal number: «Николай II», «Бенедикт XVI»
ROMAN = re.compile(r"[IVXL]+")


@dataclass(frozen=True)
class NameMention:
    """One mention of a person as the text names them."""

    start: int
    end: int
    first_tok: int  # token range of the whole mention, initials included
    last_tok: int
    first: str | None
    middle: str | None
    last: str | None
    gender: str | None  # masc | femn
    last_forms: frozenset[str] = frozenset()  # every nominative reading of the surname as written
    first_forms: frozenset[str] = frozenset()  # the first name as compared: its nominative and as written
    first_rank: int = 0  # how sure the nominative of the first name and of the surname are (KEPT ... WRITTEN)
    last_rank: int = 0
    surname_first: bool = False  # written in the official order: «Петров Иван Сергеевич»
    bracketed_surname: bool = False  # a monastic name, the surname in brackets: «Тихон (Вершинин)»


def _widen_initials(tagged: Tagged, first: int, last: int) -> tuple[int, int, list[str]]:
    """Take in initials written before («А. В. Иванов») or after («Иванов А.В.») the span."""
    toks = tagged.tokens
    initials: list[str] = []
    i = first
    while i >= 2 and toks[i - 1].text == "." and INITIAL.fullmatch(toks[i - 2].text) and (
        toks[i - 2].sent == toks[first].sent
    ):
        initials.insert(0, toks[i - 2].text)
        i -= 2
    j = last
    cyrillic = bool(CYRILLIC.match(toks[last - 1].text))
    if not initials:
        # an initial after the name is of its alphabet: «Харальд V.» ends with a Roman numeral
        while j + 1 < len(toks) and INITIAL.fullmatch(toks[j].text) and toks[j + 1].text == "." and (
            toks[j].start - toks[j - 1].end <= 1 and bool(CYRILLIC.match(toks[j].text)) == cyrillic
        ):
            initials.append(toks[j].text)
            j += 2
    return i, j, initials


# how far before a name its post may begin: «генерального директора АО «Волжская дорожная компания» Гарри ...»
APPOSITION_REACH = 10
# what may stand between the post and the name: its dependents and the quotes of a name, whose words
# the tagger may not know («ООО «Вятские дикоросы»», «АО «Smart Grid»»: X)
APPOSITION_WORDS = frozenset({"NOUN", "PROPN", "ADJ", "NUM", "DET", "X"})
# a post's area after «по» («проректора по учебной работе») or its place («начальника отдела надзора
# на Байкальской природной территории», «уполномоченного в Самарской области») stands between it and the name too
BETWEEN_PREPOSITIONS = frozenset({"по", "в", "во", "на"})
QUOTES = frozenset({"«", "»", '"', "“", "”"})
# the quotes of a name and the sign of a number in it: «начальник инспекции № 12 ... Т. А. Курбатова»
NAME_SIGNS = QUOTES | {"№"}


# «исполняющий», «исполняющая», «исполняющего» ... обязанности
ACTING = re.compile(r"(?:временно\s+)?исполняющ[а-я]+")


def _post_noun(tok: Token, opens_sentence: bool = False) -> bool:
    """A post's noun, lowercase, or capitalized when it opens the sentence («Заместитель министра»)."""
    written = tok.text.islower() or opens_sentence and tok.text[1:].islower()
    return tok.pos == "NOUN" and written and starts_post(tok.lemma)


def _opens_sentence(toks: list[Token], k: int) -> bool:
    return k == 0 or toks[k - 1].sent != toks[k].sent


def _apposition_case(toks: list[Token], first: int) -> str | None:
    """The case of the post before a name («профессор Н. Г. Воронцова», «генерального директора
    АО «Волжская дорожная компания» Гарри Штайнберга»), where the dictionary allows no other
    reading of its noun that the tagger gave: «профессор» (nominative), «директора» (genitive, or
    the accusative that declines a man's surname alike); None if no post stands there or it may be
    a nominative too."""
    for k in range(first - 1, max(-1, first - 1 - APPOSITION_REACH), -1):
        tok = toks[k]
        if _post_noun(tok, _opens_sentence(toks, k)) and not _plural_only(tok):
            head, k = _first_post_of_chain(toks, k)
            tok = toks[head]
            if k >= 1 and toks[k - 1].lemma in LINK_NOUNS:
                return None  # «пост министра культуры Марина Лебедева»: the link noun's genitive, no apposition
            if k >= 2 and toks[k - 1].text.lower() == "обязанности" and ACTING.fullmatch(toks[k - 2].text.lower()):
                return toks[k - 2].case  # «исполняющая обязанности проректора Е. В. Сабитова»: the acting one's
            if k >= 1 and is_acting(toks[k - 1]):
                return None  # «И. о. министра ... А. В. Мельникова сообщила»: the short form has no case
            # a lowercase post is no name: «акима» is no woman's «Акима» in the nominative; when the
            # dictionary knows the word as names only («аким»), the tagger's case stands
            cases = {UD_OF.get(p.tag.case) for p in tok.parses if p.tag.POS == "NOUN" and p.tag.number == "sing"
                     and not (tok.text.islower() and NAME_GRAMS & p.tag.grammemes)}
            cases = cases or ({tok.case} if tok.text.islower() else set())
            if cases == {"Nom"}:
                return "Nom"
            return tok.case if "Nom" not in cases and tok.case in cases else None
        if k == first - 1 and tok.text in DASHES:
            continue  # «Главный секретарь – Л. И. Маслова»: a post and its holder, both nominatives
        between = tok.text in NAME_SIGNS or tok.pos in APPOSITION_WORDS or tok.text.lower() in BETWEEN_PREPOSITIONS
        if not between and not _joins_dependents(toks, k):
            return None
    return None


def _plural_only(tok: Token) -> bool:
    """A post noun the dictionary reads in the plural only, in its tagged case: «директоров» of
    «председателя совета директоров», no one person's post."""
    readings = [p for p in tok.parses if p.tag.POS == "NOUN" and UD_OF.get(p.tag.case) == tok.case]
    return bool(readings) and all(p.tag.number == "plur" for p in readings)


def _first_post_of_chain(toks: list[Token], k: int) -> tuple[int, int]:
    """From a post noun at k back to the first post of a chain of genitives, and where that post's
    lowercase modifiers start: «заместителем министра» (the case is the first post's), «заместителю
    главного врача» (past the genitive's adjective), «исполняющий обязанности генерального директора»."""
    while True:
        start = k
        while start >= 1 and toks[start - 1].pos == "ADJ" and toks[start - 1].text.islower():
            start -= 1
        if not (toks[k].case == "Gen" and start > 0 and _post_noun(toks[start - 1], _opens_sentence(toks, start - 1))):
            return k, start
        k = start - 1


def _joins_dependents(toks: list[Token], k: int) -> bool:
    """«и» between two lowercase dependents of a post: «министр образования и науки Амурской области»."""
    return toks[k].text == "и" and k > 0 and toks[k - 1].text.islower() and toks[k + 1].text.islower()


# words of a post's modifiers before its noun: «старший помощник», «первый заместитель»
MODIFIER_REACH = 3


def _opening_apposition_case(tagged: Tagged, first: int, last: int) -> str | None:
    """«Ю. С. Малкова, старший помощник прокурора ...» opening a sentence or a line: a name with
    a post after its comma whose noun can only be a nominative is a nominative itself."""
    toks = tagged.tokens
    if tagged.sents[toks[first].sent].first != first or last >= len(toks) or toks[last].text != ",":
        return None
    for k in range(last + 1, min(len(toks), last + 1 + MODIFIER_REACH)):
        tok = toks[k]
        if _post_noun(tok):
            cases = {UD_OF.get(p.tag.case) for p in tok.parses if p.tag.POS == "NOUN" and p.tag.number == "sing"}
            return "Nom" if cases == {"Nom"} else None
        if tok.pos != "ADJ":
            return None
    return None


def _subject_gender(toks: list[Token], first: int, last: int) -> str | None:
    """The gender of a past-tense verb right after a name that opens its clause: the name is its
    subject, in the nominative («Алиева Н. Р. провела приём», which the tagger read as a man's
    genitive). Not after a noun, whose genitive the name may be («Команда Петрова выиграла», «после
    смерти Дадашева заявил»), unless a plural one before a woman's verb, nor after a preposition
    («У Петрова была ...»). A passive participle right before a name is said of it as well
    («назначена Е. С. Полозова»)."""
    before = toks[first - 1] if first > 0 else None
    if before is not None and before.feats.get("Variant") == "Short" and before.feats.get("Voice") == "Pass" and (
        before.feats.get("Number") == "Sing" and before.feats.get("Gender") in ("Masc", "Fem")
    ):
        return before.feats["Gender"]  # «назначена Е. С. Полозова»: the subject of a passive after it
    if before is not None and _reporting_verb(toks, first - 1) and before.feats.get("Tense") == "Past" and (
        before.feats.get("Number") == "Sing" and before.feats.get("Gender") in ("Masc", "Fem")
    ):
        # «— пояснила Т. Б. Шестакова»: a verb of saying takes no person for its object; the name after
        # it is its subject
        return before.feats["Gender"]
    if (said_by := _speech_verb_before_post(toks, first)) is not None:
        return said_by
    if last >= len(toks):
        return None
    verb = toks[last]
    if verb.pos != "VERB" or verb.feats.get("Tense") != "Past" or verb.feats.get("Number") != "Sing":
        return None
    gender = verb.feats.get("Gender")
    if before is not None and before.pos in ("ADP", "NOUN", "PROPN", "ADJ") and not _plural_owner(before, gender):
        return None
    return gender if gender in ("Masc", "Fem") else None


# how far before a name the verb of saying may stand that the post before the name follows
SPEECH_REACH = 20


def _speech_verb_before_post(toks: list[Token], first: int) -> str | None:
    """«— пояснила директор по корпоративным финансам ... ПАО «ПХК» Т. Б. Шестакова»: the gender of
    a verb of saying right before the post the name follows, in the same sentence."""
    for k in range(first - 1, max(-1, first - 1 - SPEECH_REACH), -1):
        tok = toks[k]
        if tok.text in (".", "!", "?"):
            return None
        if _reporting_verb(toks, k) and tok.feats.get("Tense") == "Past" and tok.feats.get("Number") == "Sing":
            gender = tok.feats.get("Gender")
            follows = match_post_head(toks, k + 1, first) is not None
            return gender if follows and gender in ("Masc", "Fem") else None
    return None


def _reporting_verb(toks: list[Token], k: int) -> bool:
    """A verb of saying (speech_verbs.txt), or any verb after a quote's «», —»: «— пояснила»."""
    tok = toks[k]
    if tok.pos != "VERB":
        return False
    return tok.lemma in speech_verbs() or k >= 2 and toks[k - 1].text in DASHES and toks[k - 2].text in (",", "»")


# honorifics inside a name's span, no part of the name: «Айрат хазрат Габдуллин»
NAME_HONORIFICS = frozenset(load_words("name_honorifics.txt"))


# a surname with initials whose ending is a woman's nominative or a man's genitive alike: «Шестакова»
EITHER_CASE_SURNAME = re.compile(r"(?:ов|ев|ёв|ин|ын)а$", re.IGNORECASE)


def _case_open(roles: Roles) -> bool:
    """A surname with no first name («Т. Б. Шестакова») whose ending leaves its case open: the post
    before it says it («директор ... Т. Б. Шестакова» a woman, «директора ... Т. Б. Шестакова» a man)."""
    return roles.first is None and bool(roles.last) and EITHER_CASE_SURNAME.search(roles.last[-1].text) is not None


def _plural_owner(before: Token, gender: str | None) -> bool:
    """«... отделения судебных приставов Гусейнова Л. Р. ограничила»: a plural noun before the name
    is no subject of a singular verb, so the name is: a woman's, in the nominative (a man's verb
    leaves it open: «после смерти Дадашева заявил»)."""
    return before.pos == "NOUN" and before.feats.get("Number") == "Plur" and gender == "Fem"


def _first_name_in(roles: Roles, case: str) -> bool:
    """The first name can be read in this case too: the post's case wins over the tagger's guess
    («министр ... Амурской области Евгения Гриценко»: a woman in the nominative, not «Евгений» in
    the genitive)."""
    tok = roles.first
    cases = UD_CASES.get(case, ())
    return tok is not None and tok.case != case and any(
        "Name" in p.tag and p.tag.case in cases and p.tag.number == "sing" for p in tok.parses
    )


def split_name(tagged: Tagged, first: int, last: int, lone_surname: bool = False) -> NameMention | None:
    """Read a PER span as first/middle/last name; None if nothing name-like is left. A lone word is
    a surname if `lone_surname`, else if the dictionary does not take it for a first name."""
    first, last, initials = _widen_initials(tagged, first, last)
    toks = tagged.tokens
    words = [t for t in toks[first:last] if t.text[:1].isalpha() and not (
        INITIAL.fullmatch(t.text) and t.text in initials
    ) and t.text.lower() not in NAME_HONORIFICS]
    # a regnal number after a name in Cyrillic stays with the name: «Харальд V», «Николая II»
    regnal = [t for t in words[1:] if ROMAN.fullmatch(t.text) and CYRILLIC.match(words[0].text)]
    words = [t for t in words if t not in regnal]
    # initials written inside the span («А.В. Иванов» tokenized as one span)
    inner = [t for t in toks[first:last] if INITIAL.fullmatch(t.text) and t not in regnal]
    if inner and not initials:
        initials = [t.text for t in inner]
        words = [t for t in words if t not in inner]
    if not words:
        return None
    roles = roles_of(words, initials, lone_surname)
    said = _apposition_case(toks, first) or _opening_apposition_case(tagged, first, last) or (
        _list_item_case(tagged, first, last)
    )
    if said is None and roles.first is None:
        said = _coordinated_case(toks, first)  # a surname with initials says no case of its own
    if said is not None and (mention_case(roles) is None or _first_name_in(roles, said) or _case_open(roles)):
        # «директора АО ... Гарри Штайнберга», «профессор Н. Г. Воронцова»: the post before the
        # name says its case where the name's own words cannot
        words = [t if t.case == said else replace(t, feats={**t.feats, "Case": said}) for t in words]
        roles = roles_of(words, initials, lone_surname)
    # a surname with initials or alone says its gender by its ending only, in the case it is in
    if said is None and roles.first is None and (verb_gender := _subject_gender(toks, first, last)):
        words = [replace(t, feats={**t.feats, "Case": "Nom", "Gender": verb_gender}) for t in words]
        roles = roles_of(words, initials, lone_surname)
    case = mention_case(roles)
    # the surname's ending says the gender in the name's case, which the first name knows better
    # than the tagger's reading of the surname: «Веру Чернову» (not a man's dative)
    surname = tuple(
        t if case is None or t.case == case else replace(t, feats={**t.feats, "Case": case}) for t in roles.last
    )
    gender = gender_of(words, surname)
    f = nominative(roles.first.text, case or roles.first.case, "Name", gender) if roles.first else None
    m = nominative(roles.middle.text, case or roles.middle.case, roles.middle_gram, gender) if roles.middle else None
    la = surname_form(roles.last, gender, case) if roles.last else None
    if regnal:
        # the number follows the word it stands after: «Николай II», «Иоанн Павел II»
        numerals = " ".join(t.text for t in regnal)
        after_surname = bool(roles.last) and roles.last[-1].start < regnal[0].start
        if la and (after_surname or not f):
            la = NameForm(f"{la.text} {numerals}", la.rank)
        elif f:
            f = NameForm(f"{f.text} {numerals}", f.rank)
    if initials and not f:
        f = NameForm(initials[0] + ".", WRITTEN)
        if len(initials) > 1 and not m:
            m = NameForm(initials[1] + ".", WRITTEN)
    start, end = toks[first].start, toks[last - 1].end
    forms = surname_readings(roles.last[-1].text) if roles.last else frozenset()
    initial_toks = [t for t in toks[first:last] if INITIAL.fullmatch(t.text)]
    # «Петров Иван», «Кожевников Е. В.»: the surname written before the first name or initials
    surname_first = bool(roles.last) and (
        bool(roles.first) and roles.last[0].start < roles.first.start
        or not roles.first and bool(initial_toks) and roles.last[-1].start < initial_toks[0].start
    )
    return NameMention(
        start, end, first, last,
        f.text if f else None, m.text if m else None, la.text if la else None, gender, forms,
        first_forms=frozenset({name_key(f.text), name_key(roles.first.text)}) if f and roles.first else frozenset(),
        first_rank=f.rank if f else KEPT, last_rank=la.rank if la else KEPT,
        surname_first=surname_first,
    )


SPAN_BREAKS = frozenset({"(", ")", ",", ";", "•", "[", "]"})


def _name_parts(tagged: Tagged, first: int, last: int) -> list[tuple[int, int, bool]]:
    """A PER span cut at brackets and commas: «Джоэл Саймон (Joel Simon)» is a name and its
    spelling (flagged True: the same person), «Овечкин, Фёдоров» two names."""
    toks = tagged.tokens
    parts: list[tuple[int, int, bool]] = []
    start, bracket = first, False
    for k in range(first, last + 1):
        if k == last or toks[k].text in SPAN_BREAKS:
            if k > start:
                parts.append((start, k, bracket))
            if k < last:
                bracket = toks[k].text == "(" and bool(parts)
            start = k + 1
    return parts


NAME_GRAMS = frozenset({"Name", "Surn", "Patr"})
# an age written as one word: «семидесятилетний», «шестидесятивосьмилетняя»
AGE_ADJECTIVE = re.compile(r"\wлетн(?:ий|яя|ее|его|ей|ему|им|юю|ие|их|ими)$")
# parts of speech of words that describe a person named next: adjectives, participles, adverbs
DESCRIBING_POS = frozenset({"ADJF", "PRTF", "ADVB", "NUMR", "COMP"})
# a verb's forms
VERB_FORMS = frozenset({"VERB", "INFN", "PRTS", "GRND"})


def _no_name_word(tok: Token, opens_sentence: bool) -> bool:
    """A word that is no part of a name: every reading the dictionary has is a common word (or a
    place), and the tagger does not call it a proper noun («Оппонентом Рубио», «Экс-советник
    Трампа», «Князь Голицын»). Names the dictionary knows only as common words or places are proper
    nouns to the tagger: «Серена Уильямс», «Гата Камский», «Бруклина Джозефа»."""
    if is_mixed_abbreviation(tok.text):
        return True  # «КарГЛТУ», «ЯрГУ»: a university's short name, though the model may tag it a person
    if known_body_word(tok):
        return True  # a body's well-known one-word name the model may tag a person: «в Росаккредитации»
    if "-" in tok.text.strip("-"):
        return _person_noun_compound(tok.text)
    if opens_sentence and _no_one_s_adjective(tok):
        return True  # «Ледорезные и взрывные работы ...», «Девятиэтажное здание ...»
    if AGE_ADJECTIVE.search(tok.text.lower()):
        return True  # «Шестидесятивосьмилетняя Дилма Руссефф»: an age the dictionary may not know
    if tok.text.lower() in SURNAME_PARTICLES or not in_dictionary(tok.text) or any(
        NAME_GRAMS & p.tag.grammemes for p in tok.parses
    ):
        return False
    if tok.pos != "PROPN":
        return True
    if all(p.tag.POS == "INFN" for p in tok.parses):
        return True  # a decree's verb, after its item's number too: «1. Отрешить Соловьева Александра Васильевича»
    # a capital opening a sentence makes the tagger see a proper noun: there a word goes if it can
    # only name a person by what they are or describe them («Князь Голицын», «Восьмидесятилетний
    # Маккейн»); a name the dictionary knows as a thing stays («Челси Мэннинг», «Камерон Диас»)
    # nor a common noun in an oblique plural («Экспонентами стали 264 компании», «Черепахам»): one
    # person is never named so (a plural genitive may be a foreign name the dictionary misreads: «Хамад»)
    return opens_sentence and (
        all((p.tag.POS == "NOUN" and p.tag.animacy == "anim") or p.tag.POS in DESCRIBING_POS for p in tok.parses)
        or all(p.tag.POS == "NOUN" and p.tag.number == "plur" and p.tag.case in OBLIQUE_PLURAL for p in tok.parses)
        # nor things in the plural, a sentence's subject or object («Сеянцы с закрытой корневой
        # системой поставит ...»)
        or all(p.tag.POS == "NOUN" and p.tag.number == "plur" and p.tag.animacy == "inan" and p.tag.case in THING_PLURAL
               for p in tok.parses)
    )


def _no_one_s_adjective(tok: Token) -> bool:
    """A word read only as an adjective in the plural or the neuter: no name of one person, even
    when the dictionary guesses it («Ледорезные», «Девятиэтажное»); an adjective-shaped surname is
    masculine or feminine («Толстой», «Лановая»)."""
    if not tok.text.lower().endswith(PLURAL_OR_NEUTER_ADJECTIVE_ENDINGS) or not tok.parses:
        return False
    return any(p.tag.POS == "ADJF" for p in tok.parses) and all(
        ("plur" in p.tag or "neut" in p.tag) and not NAME_GRAMS & p.tag.grammemes for p in tok.parses
    )


PLURAL_OR_NEUTER_ADJECTIVE_ENDINGS = ("ые", "ие", "ое", "ее")


# the plural cases no name of one person stands in
OBLIQUE_PLURAL = frozenset({"datv", "ablt", "loct"})
# the plural cases of things opening a sentence as its subject or object (a genitive plural may be a
# Russian surname: «Шнуров», «Ицков» read as «шнуров», «ицков»)
THING_PLURAL = frozenset({"nomn", "accs"})


def _person_noun_compound(word: str) -> bool:
    """«Писатель-сатирик», «Боксёр-тяжеловес»: every part a common word of the dictionary and
    the first a noun for a person; a double surname has a name part («Римский-Корсаков»)."""
    parts = [w for w in word.split("-") if w]
    if not all(in_dictionary(w) for w in parts):
        return False
    readings = [parses(w.lower()) for w in parts]
    if any(NAME_GRAMS & p.tag.grammemes for found in readings for p in found):
        return False
    return all(p.tag.POS == "NOUN" and p.tag.animacy == "anim" for p in readings[0])


def _opens_official_order(toks: list[Token], first: int, last: int) -> bool:
    """A word of a Russian surname's shape before a first name and a patronymic: the surname of the
    official order, though the dictionary knows it as a common word («Лыкова Дарья Сергеевна»)."""
    if last - first != 3 or not _surname_shaped(toks[first].text):
        return False
    return _capitalized(toks[first]) and is_single_first_name(toks[first + 1].text) and (
        is_patronymic(toks[first + 2].text)
    )


def _trimmed(tagged: Tagged, first: int, last: int) -> tuple[int, int]:
    """A name part without the common words before it and the punctuation around it."""
    toks = tagged.tokens
    while first < last and (not toks[first].text[:1].isalnum() or (
        last - first > 1 and not _opens_official_order(toks, first, last) and (
            _no_name_word(toks[first], tagged.sents[toks[first].sent].first == first)
            or is_regional_office(toks[first].text)  # «руководителя Пермьстата В. С. Мальцев»
            or _post_word(toks[first])  # «заместитель Министра Гараев Р. Т.»: capitalized out of respect
            or after_town_word(toks, first)  # «Администрации города Иванова Оксаны Лапиной»: a town
            or last - first == 4 and toks[first + 1].text in VIETNAMESE_SURNAMES  # «Хайфона Нгуен Ван Тхань»
            or _before_a_full_name(toks, first, last)  # «начальник Тываннедра Борис Сергеевич Оюн»
            or _before_a_region_nickname(toks, first, last)  # «Студотряды Оренбуржья подвели итоги»
        )
    )):
        first += 1
    while last > first and not toks[last - 1].text[:1].isalnum() and not _initial_dot(toks, last - 1, first):
        last -= 1
    if last - first > 1 and _initial_ends(toks, first, last):
        last += 1  # «Михальчука И. Ф.»: the model left the last initial's period out
    return first, last


def _before_a_full_name(toks: list[Token], first: int, last: int) -> bool:
    """A word before a first name, a patronymic and one word after them: a full name has no room for
    it (the surname comes first or last, not both)."""
    return last - first == 4 and is_single_first_name(toks[first + 1].text) and is_patronymic(toks[first + 2].text)


def _before_a_region_nickname(toks: list[Token], first: int, last: int) -> bool:
    """A word no first name before a region's nickname, the whole span: people of the region named
    by what they are («Студотряды Оренбуржья», «Аграрии Кубани»), no person."""
    return last - first == 2 and region_nickname(toks[first + 1].text) is not None and not any(
        NAME_GRAMS & p.tag.grammemes for p in toks[first].parses
    )


def _is_regnal(toks: list[Token], k: int, first: int) -> bool:
    return bool(ROMAN.fullmatch(toks[k].text)) and bool(CYRILLIC.match(toks[first].text))


def _initial_dot(toks: list[Token], k: int, first: int) -> bool:
    """The period at token `k` closes an initial, not a regnal number («Харальд V.»)."""
    return toks[k].text == "." and k - 1 >= first and bool(INITIAL.fullmatch(toks[k - 1].text)) and (
        not _is_regnal(toks, k - 1, first)
    )


def _initial_ends(toks: list[Token], first: int, last: int) -> bool:
    """The span ends with an initial whose period follows right after it."""
    k = last - 1
    return (
        last < len(toks) and toks[last].text == "." and toks[last].start == toks[k].end
        and bool(INITIAL.fullmatch(toks[k].text)) and not _is_regnal(toks, k, first)
    )


# what opens an item of a list of names, and what sets its name off from the rest of the item
LIST_OPENERS = frozenset({":", ";"})


def _list_item_case(tagged: Tagged, first: int, last: int) -> str | None:
    """«Награды вручены: Пак Д. С. — начальнику поста; Чернова Е. А. — заместителю ...»: a
    name opening an item of a list, a dash after it, is named, in the nominative, whatever
    case the rest of the item is in."""
    toks = tagged.tokens
    if _ends_a_dashed_line(tagged, first, last):
        return "Nom"
    if first == 0 or last >= len(toks) or toks[first - 1].text not in LIST_OPENERS:
        return None
    if toks[last].text not in DASHES:
        return None
    # «Чендыевой М. С. — инспектору»: a surname that cannot be a nominative is in the post's case
    post = next((t for t in toks[last + 1 : last + 1 + MODIFIER_REACH] if t.pos != "ADJ"), None)
    words = [t for t in toks[first:last] if len(t.text) > 1 and t.text[:1].isupper()]
    if post is not None and post.pos == "NOUN" and post.case not in (None, "Nom") and words:
        cases = {UD_OF.get(p.tag.case) for p in words[0].parses if p.tag.POS == "NOUN"}
        if "Nom" not in cases and post.case in cases:
            return post.case
    return "Nom"


# a line that is an item of a list: a dash or a bullet opening it
DASHED_LINE = re.compile(r"[ \t]*[–—•-][ \t]+")


def _ends_a_dashed_line(tagged: Tagged, first: int, last: int) -> bool:
    """«В обсуждении приняли участие:\n– и. о. главного врача ГБУЗ «...» Алиева Н. Р.;»: a name
    closing a line that a dash opens is a participant listed, in the nominative."""
    toks = tagged.tokens
    closes = last >= len(toks) or toks[last].text in (";", ".") and (
        last + 1 >= len(toks) or "\n" in tagged.text[toks[last].end : toks[last + 1].start]
    )
    line_start = tagged.text.rfind("\n", 0, toks[first].start) + 1
    return closes and DASHED_LINE.match(tagged.text, line_start, toks[first].start) is not None


# the most tokens of a bracketed aside between two coordinated names
MAX_ASIDE_TOKENS = 12


def _coordinated_case(toks: list[Token], first: int) -> str | None:
    """«Фомин С. Н. и Ахмедова Л. Р.»: a name after «и» or a comma, right after a name (and its
    bracketed aside) whose surname the dictionary reads in the nominative only, is in the nominative
    too (not «Ахмедов» in the genitive)."""
    k = first - 1
    if k < 1 or toks[k].text not in (",", "и"):
        return None
    k -= 1
    if toks[k].text == ")":  # past the first name's aside: «Ермолаев А. Н. (ООО «Альфа») и Кузьмина Т. С.»
        k = next((j for j in range(k - 1, max(0, k - MAX_ASIDE_TOKENS), -1) if toks[j].text in ("(", ")")), 0)
        k = k - 1 if toks[k].text == "(" else 0
    while k >= 1 and toks[k].text == "." and INITIAL.fullmatch(toks[k - 1].text):
        k -= 2  # past the initials after the surname
    surname = toks[k]
    if not surname.text[:1].isupper():
        return None
    cases = {p.tag.case for p in surname.parses if "Surn" in p.tag and p.tag.number == "sing"}
    return "Nom" if cases == {"nomn"} else None


def _official_order(words: list[str], sizes: tuple[int, int], right: str) -> bool:
    """«Корнилова» «Анна Вадимовна»: a Russian surname before a name and patronymic in the
    nominative reads as a nominative too, whatever case the tagger gave it (a man's genitive)."""
    return sizes == (1, 2) and right == "Nom" and bool(SURNAME_NOMINATIVE.search(words[0])) and (
        is_patronymic(words[-1], by_ending=True)
    )


# surnames that keep one form in every case: «Гречко», «Седых», «Черных», «Дурново»
UNDECLINED_SURNAME = re.compile(r"(?:о|ых|их)$")


def _undeclined_surname(word: str) -> bool:
    """A surname whose case the tagger cannot tell, after a name and patronymic in another case:
    «Виталия Аркадьевича» «Гречко»."""
    unknown = bool(UNDECLINED_SURNAME.search(word)) and not in_dictionary(word)
    return unknown or has_gram(word, "Surn") and any("Fixd" in p.tag for p in parses(word.lower()))


# a woman's patronymic in any case, and a surname ending in a consonant, which a woman's does not decline:
# «Анной Сергеевной» «Лукашевич»
FEMININE_PATRONYMIC = re.compile(r"(?:вн|чн)(?:а|ы|е|у|ой|ою)$")
CONSONANT_END = re.compile(r"[бвгджзклмнпрстфхцчшщ]$")


def _womans_undeclined_surname(words: list[str]) -> bool:
    return bool(FEMININE_PATRONYMIC.search(words[1].lower())) and bool(CONSONANT_END.search(words[2].lower()))


def _joins(tagged: Tagged, a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Two PER spans of the model that are one name: next to each other on one line, agreeing in
    case, together a first name and a surname («Радия» «Хабирова») or a name, patronymic and
    surname («Марина Филипповна» «Ходорковская», «Юлдашева» «Кристина Камиловна»)."""
    toks = tagged.tokens
    if b[0] != a[1] or toks[a[1] - 1].sent != toks[b[0]].sent:
        return False
    if tagged.text[toks[a[1] - 1].end : toks[b[0]].start] != " ":
        return False
    words = [t.text for t in toks[a[0] : b[1]]]
    if not all(w[:1].isupper() and w.isalpha() for w in words):
        return False
    left, right = toks[a[1] - 1].case, toks[b[0]].case
    sizes = (a[1] - a[0], b[1] - b[0])
    if left and right and left != right and not _official_order(words, sizes, right):
        if not (sizes == (2, 1) and (_undeclined_surname(words[2]) or _womans_undeclined_surname(words))):
            return False
    if sizes == (1, 1):
        # a first name and a surname, in either order; two surnames are two people («смерти
        # Моррисона Манзарек начал»)
        return has_gram(words[0], "Name") != has_gram(words[1], "Name")
    # a name and its patronymic on one side, the surname on the other; a surname before a full
    # name is someone else's («советника Путина Михаила Лесина»)
    return sizes in ((1, 2), (2, 1)) and is_patronymic(words[-1] if sizes == (1, 2) else words[1], by_ending=True)


def _person_spans(tagged: Tagged) -> list[tuple[int, int]]:
    """The model's PER spans as token ranges, those that are one name joined."""
    out: list[tuple[int, int]] = []
    previous = None
    for span in tagged.spans:
        if span.type != "PER":
            previous = span
            continue
        here = (span.first, span.last)
        if out and _joins(tagged, out[-1], here):
            out[-1] = (out[-1][0], here[1])
        elif previous is not None and previous.type != "PER" and _surname_read_as_a_place(
            tagged, (previous.first, previous.last), here
        ):
            out.append((previous.first, here[1]))
        elif previous is not None and previous.type != "PER" and _first_name_read_as_a_name_of_another_kind(
            tagged, (previous.first, previous.last), here
        ):
            out.append((previous.first, here[1]))
        elif _surname_left_out(tagged, here, previous) or _first_name_left_out(tagged, here, previous):
            out.append((here[0] - 1, here[1]))
        else:
            out.append(here)
        previous = span
    return out


def _surname_read_as_a_place(tagged: Tagged, before: tuple[int, int], name: tuple[int, int]) -> bool:
    """«Кирсанова» «Ольга Геннадьевна»: a one-word span the model took for a place or an
    organization, a Russian surname in shape, right before a name and patronymic: the official
    order (Кирсанов is a town too)."""
    surname = tagged.tokens[before[0]].text
    return before[1] - before[0] == 1 and name[1] - name[0] == 2 and _joins(tagged, before, name) and bool(
        SURNAME_NOMINATIVE.search(surname)
    )


def _surname_left_out(tagged: Tagged, name: tuple[int, int], previous: Span | None) -> bool:
    """«— Коновалова Светлана Игоревна, директор ...»: the model's span is the name and
    patronymic only; the word before it, in no span and a Russian surname in shape, opens the
    name in the official order (after a dash bullet or a line break the model often drops it)."""
    k = name[0] - 1
    if k < 0 or (previous is not None and previous.last > k):
        return False
    toks = tagged.tokens
    before = toks[k - 1] if k > 0 and toks[k - 1].sent == toks[k].sent else None
    if before is not None and before.text[:1].isupper() and before.text.isalpha():
        return False  # after a capitalized word it may be that one's: «Музея Коновалова Анна ...»
    # a Korean surname of Russia's Koreans, a word of no Russian shape: «Пак Денис Енсуевич – ...»
    korean = name[1] - name[0] == 2 and toks[k].text in KOREAN_SURNAMES and _joins(tagged, (k, k + 1), name)
    return korean or _surname_read_as_a_place(tagged, (k, k + 1), name)


def _first_name_read_as_a_name_of_another_kind(tagged: Tagged, before: tuple[int, int], name: tuple[int, int]) -> bool:
    """«избрал председателем правления Айдара Хамитова»: a one-word span the model took for an
    organization or a place, a first name by the dictionary, right before a one-word name in
    the same case."""
    if before[1] - before[0] != 1 or name[1] - name[0] != 1 or not _joins(tagged, before, name):
        return False
    first, surname = tagged.tokens[before[0]].text, tagged.tokens[name[0]].text
    return first[1:].islower() and is_single_first_name(first) and _surname_like(surname)


def _first_name_left_out(tagged: Tagged, name: tuple[int, int], previous: Span | None) -> bool:
    """«глава района Мичил Егорович Слепцов»: the model's span opens with a patronymic and a
    surname, the rare first name before it read as a place or as nothing. No name opens with a
    patronymic, so the capitalized word right before it is the first name."""
    k = name[0] - 1
    toks = tagged.tokens
    if k < 0 or name[1] - name[0] != 2 or (previous is not None and previous.type == "PER" and previous.last > k):
        return False
    word = toks[k]
    return (
        word.sent == toks[name[0]].sent and tagged.sents[word.sent].first != k
        and tagged.text[word.end : toks[name[0]].start] == " "
        and word.text[:1].isupper() and word.text[1:].islower() and word.text.isalpha()
        and is_patronymic(toks[name[0]].text, by_ending=True)
        and (not in_dictionary(word.text) or has_gram(word.text, "Name"))
    )


def find_name_mentions(tagged: Tagged) -> list[NameMention]:
    out = []
    for span_first, span_last in _person_spans(tagged):
        previous = None
        for first, last, spelling in _name_parts(tagged, span_first, span_last):
            if spelling and previous is not None:
                toks = tagged.tokens
                out.append(replace(previous, start=toks[first].start, end=toks[last - 1].end,
                                   first_tok=first, last_tok=last))
                continue
            first, last = _trimmed(tagged, first, last)
            nm = split_name(tagged, first, last) if first < last else None
            if nm is not None:
                out.append(nm)
                previous = nm
    out = _lone_surnames(tagged, _without_common_words(tagged, out))
    out += _initialled_names(tagged, out)
    out += _surnames_before_posts(tagged, out)
    out += _patronymic_names(tagged, out)
    out += _first_name_and_surname(tagged, out)
    own_names = _names_in_brackets_of_organizations(tagged)
    out = [nm for nm in out if not _named_after(tagged.tokens, nm.first_tok) and _words_of(tagged, nm) not in own_names]
    out = _monastic_names(tagged, out)
    out = _without_animals_names(tagged, out)
    out = _without_settlements_names(tagged, out)
    out = _without_names_listed_as_words(tagged, out)
    out += _surnames_again(tagged, out)
    out = _names_read_in_the_other_gender(tagged, out)
    return sorted(out, key=lambda nm: nm.start)


def _without_animals_names(tagged: Tagged, found: list[NameMention]) -> list[NameMention]:
    """«амурскую тигрицу Ладу», «наша медведица Умка»: one word in the case of an animal's noun right
    before it names that animal, and so does the same word anywhere in the text («Лада полностью
    готова к самостоятельной жизни»)."""
    toks = tagged.tokens
    animals = animal_nouns()
    named = {
        _one_word_key(nm) for nm in found
        if nm.last_tok - nm.first_tok == 1 and nm.first_tok > 0
        and toks[nm.first_tok - 1].text.islower() and name_key(toks[nm.first_tok - 1].lemma) in animals
        and toks[nm.first_tok - 1].case == toks[nm.first_tok].case
    }
    return [nm for nm in found if not (nm.last_tok - nm.first_tok == 1 and _one_word_key(nm) in named)]


VILLAGE_WORDS = SETTLEMENT_WORDS - {"город"}


def _without_settlements_names(tagged: Tagged, found: list[NameMention]) -> list[NameMention]:
    """«по хутору Лысов», «жителей посёлка Ольга»: one word right after a village's noun names the
    village, unless a person's noun governs it («глава посёлка Петров сообщил») or it is a genitive
    of its own, the village's owner («в деревне Шереметева»); towns are after_town_word's."""
    toks = tagged.tokens

    def names_a_settlement(nm: NameMention) -> bool:
        k = nm.first_tok
        if nm.last_tok - k != 1 or k == 0:
            return False
        noun = toks[k - 1]
        if not noun.text.islower() or noun.lemma.replace("ё", "е") not in VILLAGE_WORDS:
            return False
        if toks[k].case == "Gen" and noun.case != "Gen":
            return False
        return k < 2 or not (toks[k - 2].pos == "NOUN" and toks[k - 2].feats.get("Animacy") == "Anim")

    return [nm for nm in found if not names_a_settlement(nm)]


MIN_LISTED_NAMES = 3


def _without_names_listed_as_words(tagged: Tagged, found: list[NameMention]) -> list[NameMention]:
    """«Самыми популярными именами новорожденных остаются Александр, Михаил и Ева»: bare first names,
    three or more in a sentence that speaks of names (plural «имена»), are names as words, not people.
    Two are kept: «их имена — Алёша и Соня» names two children."""
    toks = tagged.tokens
    speaking_of_names = {tok.sent for tok in toks if tok.lemma == "имя" and tok.feats.get("Number") == "Plur"}
    bare = [
        nm for nm in found
        if nm.first and not (nm.middle or nm.last) and toks[nm.first_tok].sent in speaking_of_names
    ]
    per_sentence = Counter(toks[nm.first_tok].sent for nm in bare)
    listed = {id(nm) for nm in bare if per_sentence[toks[nm.first_tok].sent] >= MIN_LISTED_NAMES}
    return [nm for nm in found if id(nm) not in listed]


def _one_word_key(nm: NameMention) -> str:
    return name_key(nm.first or nm.last or nm.middle)


def _monastic_names(tagged: Tagged, found: list[NameMention]) -> list[NameMention]:
    """«митрополит Тихон (Вершинин)», «монахиня Евфросиния (Карпова)»: a monastic name with, in
    brackets, the surname given at birth is one person's name, as church releases write it. The
    model spans either word alone, or both apart: their mentions give way to the whole name."""
    toks = tagged.tokens
    inside_names = {k for sp in tagged.spans if sp.type == "PER" for k in range(sp.first + 1, sp.last)}
    monastic = []
    for k in range(len(toks) - 3):
        if k not in inside_names and _monastic_at(toks, k):
            nm = split_name(tagged, k, k + 4)  # the brackets are no words of the name
            if nm is not None and nm.first and nm.last:
                monastic.append(replace(nm, bracketed_surname=True))
    if not monastic:
        return found
    taken = {k for nm in monastic for k in range(nm.first_tok, nm.last_tok)}
    kept = [nm for nm in found if not taken & set(range(nm.first_tok, nm.last_tok))]
    return sorted(kept + monastic, key=lambda nm: nm.start)


def _monastic_at(toks: list[Token], k: int) -> bool:
    """Tokens k..k+3 read «Имя (Фамилия)»: a first name by the dictionary, then one bracketed word
    that reads as a surname; not two first names («Саша (Наташа)») nor a place («Финикса
    (Аризона)»). A name the model spans over k's word before is a longer one's («Карлос Симон
    (Бразилия)»): the caller leaves those out."""
    name, opening, surname, closing = toks[k : k + 4]
    if opening.text != "(" or closing.text != ")" or not (_capitalized(name) and _capitalized(surname)):
        return False
    return is_single_first_name(name.text) and not is_single_first_name(surname.text) and (
        _surname_like(surname.text) and not has_gram(surname.text, "Geox")
    )


@dataclass(frozen=True)
class Rereading:
    """A name whose words read as one gender's nominative and as the other's oblique case: which
    gender it was read as, which it may be, the surname's endings that allow it, the first name's
    cases in the other reading, and what the surname's nominative puts for its last letter."""

    read: str
    other: str
    endings: tuple[str, ...]
    cases: tuple[str, ...]
    last_letter: str


REREADINGS = (
    # «Евгения Кондакова» is a man's genitive or accusative too: «Кондаков»
    Rereading("femn", "masc", ("ова", "ева", "ёва", "ина", "ына"), ("gent", "accs"), ""),
    # «Александру Петрову» is a woman's accusative too: «Петрова»
    Rereading("masc", "femn", ("ову", "еву", "ёву", "ину", "ыну"), ("accs",), "а"),
)


def _names_read_in_the_other_gender(tagged: Tagged, mentions: list[NameMention]) -> list[NameMention]:
    """«утвердил Евгения Кондакова генеральным директором ... Кондаков начал работу», «представила
    Александру Петрову ... Петрова поблагодарила»: a name whose words read in either gender («Евгения»,
    «Александру») is of the gender the text names that surname in, written in the nominative."""
    # a surname written in the nominative, not one read so from an oblique case («Колотова»)
    written = {
        (nm.gender, name_key(nm.last)) for nm in mentions
        if nm.last and name_key(tagged.tokens[nm.last_tok - 1].text) == name_key(nm.last)
    }
    out = []
    for nm in mentions:
        plain = nm.first and nm.last and not nm.middle and not nm.surname_first
        other = next((o for r in REREADINGS if plain and r.read == nm.gender and (o := _reread(tagged, nm, r))), None)
        out.append(other if other is not None and (other.gender, name_key(other.last or "")) in written else nm)
    return out


def _reread(tagged: Tagged, nm: NameMention, r: Rereading) -> NameMention | None:
    """The mention read in the other gender, when its words allow it."""
    words = [t.text for t in tagged.tokens[nm.first_tok : nm.last_tok]]
    if len(words) != 2 or not words[1].lower().endswith(r.endings):
        return None
    first = next(
        (p.normal_form for p in parses(words[0].lower())
         if "Name" in p.tag and p.tag.gender == r.other and p.tag.case in r.cases),
        None,
    )
    if first is None:
        return None
    first, last = first.capitalize(), words[1][:-1] + r.last_letter
    return replace(nm, first=first, last=last, gender=r.other, last_forms=nm.last_forms | {name_key(last)},
                   first_forms=nm.first_forms | {name_key(first)})


def _words_of(tagged: Tagged, nm: NameMention) -> str:
    return " ".join(name_key(t.text) for t in tagged.tokens[nm.first_tok : nm.last_tok])


# how many words a name in brackets after an organization's may have
MAX_BRACKETED_WORDS = 4


def _names_in_brackets_of_organizations(tagged: Tagged) -> set[str]:
    """The words in brackets right after, or inside, an organization the model found: its other
    name, no person wherever it stands («Государственного Собрания (Ил Тумэн)» and the headline's
    «Ил Тумэн назначил»)."""
    toks = tagged.tokens
    inside = {k for sp in tagged.spans if sp.type == "ORG" for k in range(sp.first + 1, sp.last + 1)}
    out = set()
    for k, tok in enumerate(toks):
        if tok.text != "(" or k not in inside:
            continue
        reach = range(k + 1, min(len(toks), k + 2 + MAX_BRACKETED_WORDS))
        close = next((j for j in reach if toks[j].text == ")"), None)
        if close is not None and close > k + 1:
            out.add(" ".join(name_key(t.text) for t in toks[k + 1 : close]))
    return out


def _known_surnames(found: list[NameMention]) -> set[str]:
    """The surnames of the persons named in full, and the last word of a surname of two
    («Ларс Лёкке Расмуссен» is «Расмуссен» later)."""
    known = set()
    for nm in found:
        if nm.last and nm.first:
            words = nm.last.split()
            known |= {name_key(nm.last), name_key(words[-1])} if len(words) == 2 else {name_key(nm.last)}
    return known


def _lone_surnames(tagged: Tagged, found: list[NameMention]) -> list[NameMention]:
    """A lone word read as a first name that is the surname of a person named in full: «Аллена»
    after «Джон Аллен», «Уильямс» after «Серена Уильямс»."""
    known = _known_surnames(found)
    out = []
    for nm in found:
        word = tagged.tokens[nm.first_tok].text
        if nm.first and not (nm.last or nm.middle) and nm.last_tok - nm.first_tok == 1 and (
            known & surname_readings(word)
        ):
            nm = split_name(tagged, nm.first_tok, nm.last_tok, lone_surname=True) or nm
        out.append(nm)
    return out


def _without_common_words(tagged: Tagged, found: list[NameMention]) -> list[NameMention]:
    """A one-word span that is a common word is no person («Хакер взломал камеру», «Прокуроры
    обязаны ...», «Обсуждавшие пришли к выводу»): the dictionary knows the word, as no name, and
    the tagger does not call it a proper noun or only because it opens a sentence. Unless it is the
    surname of someone named in full in the text («Мария Соболь ... Соболь заявила»). Nor is a
    statistics office («По данным Татарстанстата»), nor a region's nickname («Белгородчина согласилась»),
    nor a verb opening a sentence («Накопано 6,8 млн тонн»), though a first name may read as one when a
    surname follows («Серена Уильямс»)."""
    known = _known_surnames(found)
    toks = tagged.tokens
    lowercase = {t.lemma for t in toks if t.text.islower()}
    # words the text capitalizes inside a sentence too: names there («Моторола ... известный как Моторола»)
    named_inside = {t.lemma for k, t in enumerate(toks) if t.text[:1].isupper() and tagged.sents[t.sent].first != k}
    places = _places_after_prepositions(tagged)
    out = []
    for nm in found:
        tok = toks[nm.first_tok]
        opens = tagged.sents[tok.sent].first == nm.first_tok
        if nm.last_tok - nm.first_tok == 1 and not known & surname_readings(tok.text) and (
            _no_name_word(tok, opens) or is_regional_office(tok.text)
            # a word the text also writes in lowercase, capitalized only as a sentence's first:
            # «Регоператор взыскал ... регоператор», «Библиобус доберется ... библиобус»
            or opens and tok.lemma in lowercase
            # the short name the text gave an organization: «(далее — Комбинат) ... Комбинат посетил»
            or declared_short_name(tagged.text, tok.lemma)
            or _adjective_of_a_noun(toks, nm.first_tok) or _post_word(tok)
            or opens and _only_a_verb(tok)
            or _in_a_list_of_places(tagged, nm.first_tok) or region_nickname(tok.text) is not None
            or places & surname_readings(tok.text)
            or opens and _only_a_thing(tok) and tok.lemma not in named_inside
        ):
            continue
        out.append(nm)
    return out


def _only_a_thing(tok: Token) -> bool:
    """A word read only as a thing in the singular, by the dictionary or by its guess from the
    word's ending: opening a sentence («Книговыдача выросла на 4,3%», «Маркетплейс открыл склад»)
    the tagger calls it a proper noun for its capital."""
    return bool(tok.parses) and all(
        p.tag.POS == "NOUN" and p.tag.animacy == "inan" and p.tag.number == "sing" and not NAME_GRAMS & p.tag.grammemes
        and "Geox" not in p.tag
        for p in tok.parses
    )


def _places_after_prepositions(tagged: Tagged) -> set[str]:
    """The readings of one-word places the model found after a preposition of place: a lone word
    read as a surname elsewhere is that town («в Касимове ... Касимов стал одной из самых
    посещаемых точек»)."""
    toks = tagged.tokens
    return {
        reading for sp in tagged.spans
        if sp.type == "LOC" and sp.last - sp.first == 1 and sp.first > 0
        and toks[sp.first - 1].text.lower() in PLACE_PREPOSITIONS
        for reading in surname_readings(toks[sp.first].text)
    }


def _in_a_list_of_places(tagged: Tagged, k: int) -> bool:
    """«микрорайонов Хотунок, Соцгород и Донской»: one word joined by a comma or «и» to a list of
    two places or more the model found is a place of that list too, not a surname (one place
    beside it is not enough: «между Россией и Путиным»)."""
    toks = tagged.tokens
    places = [(s.first, s.last) for s in tagged.spans if s.type == "LOC"]  # token ranges, end exclusive
    by_end = {last: first for first, last in places}
    by_start = {first: last for first, last in places}

    def joined(i: int) -> bool:
        return 0 <= i < len(toks) and toks[i].text in (",", "и")

    if joined(k - 1) and k - 1 in by_end:  # «Хотунок, Соцгород и Донской»
        first = by_end[k - 1]
        if joined(first - 1) and first - 1 in by_end:
            return True
    if joined(k + 1) and k + 2 in by_start:  # «Донской, Хотунок и Соцгород»
        last = by_start[k + 2]
        return joined(last) and last + 1 in by_start
    return False



def _only_a_verb(tok: Token) -> bool:
    return bool(tok.parses) and all(p.tag.POS in VERB_FORMS for p in tok.parses)


def _post_word(tok: Token) -> bool:
    """A post the text capitalizes out of respect, standing for its holder: «По словам
    Уполномоченного», «Губернатор отметил»; not a surname the dictionary knows («Судья»)."""
    return in_dictionary(tok.text) and starts_post(tok.lemma) and not any(
        NAME_GRAMS & p.tag.grammemes for p in tok.parses
    )


# the endings a surname shares with an adjective: «Лысковскому», «Воскресенского»
ADJECTIVE_SURNAME = re.compile(r"(ский|ская|ского|скому|ским|ском|ской|цкий|цкого|цкому|цким|цком|цкой)$", re.I)


# lowercase adjectives that may stand between a capitalized adjective and its noun
MAX_ADJECTIVES_BETWEEN = 3


def _adjective_of_a_noun(toks: list[Token], k: int) -> bool:
    """A word shaped like an adjective with a common noun after it in its case, right after it
    or after another such word and «и»: «уделить Лысковскому и Воскресенскому округам» names
    districts, not a person; nor a word the dictionary reads only as an adjective
    («Общетерриториальную часть списка возглавил»)."""
    if not (ADJECTIVE_SURNAME.search(toks[k].text) or adjective_only(toks[k])):
        return False
    j = k + 1
    coordinated = j + 1 < len(toks) and toks[j].text == "и" and ADJECTIVE_SURNAME.search(toks[j + 1].text)
    if coordinated:
        j += 2
    # other adjectives of the noun between: «Западно-Уральский межрегиональный природоохранный прокурор»
    for _ in range(MAX_ADJECTIVES_BETWEEN):
        if j < len(toks) and toks[j].pos == "ADJ" and toks[j].text.islower() and toks[j].case == toks[k].case:
            j += 1
    # two adjectives in the singular share a noun in the plural, whose case the tagger may read
    # otherwise: «Мезенский и Лешуконский округа»
    return j < len(toks) and toks[j].pos == "NOUN" and toks[j].text.islower() and (
        toks[j].case is not None and toks[j].case == toks[k].case or bool(coordinated)
    )


def _free(tagged: Tagged, found: list[NameMention], skip: frozenset[str] = frozenset()) -> set[int]:
    """Tokens no name and no other span of the model covers (spans of the types `skip` aside)."""
    taken = {k for nm in found for k in range(nm.first_tok, nm.last_tok)}
    taken |= {k for sp in tagged.spans if sp.type not in skip for k in range(sp.first, sp.last)}
    return set(range(len(tagged.tokens))) - taken


# «имени», «им.» before a name: an organization is named after the person
EPONYM_MARKERS = frozenset({"имени", "им"})


def _eponym(toks: list[Token], k: int) -> bool:
    """The name starting at token `k` follows «имени» or «им.»: «МГУ им. М. В. Ломоносова»."""
    if k >= 1 and toks[k - 1].text.lower() in EPONYM_MARKERS:
        return True
    return k >= 2 and toks[k - 1].text == "." and toks[k - 2].text.lower() in EPONYM_MARKERS


# titles between «имени» and the name: «имени академика», «имени Героя Советского Союза»
MAX_EPONYM_TITLE_WORDS = 4
# capitalized titles: «Героя Советского Союза», «Героя России»
EPONYM_CAPITAL_TITLES = frozenset({"герой"})


def _named_after(toks: list[Token], k: int) -> bool:
    """The name starting at token `k` is the one an organization, a street or a prize is named
    after, past a title in the genitive between: «университет имени академика В. А. Сурикова»,
    «школа имени Героя Советского Союза П. С. Рябцева»; not a person of the text. A name after
    another name («МГУ им. Ломоносова Виктор Садовничий») is a person of the text."""
    for j in range(k, max(-1, k - MAX_EPONYM_TITLE_WORDS - 1), -1):
        if _eponym(toks, j) and not (j >= 2 and toks[j - 2].pos == "ADP"):  # «по имени», «от имени»: a person
            title = toks[j:k]  # «академика», «первого президента России», «Героя России»
            return not title or title[0].text.islower() or title[0].lemma in EPONYM_CAPITAL_TITLES
        if j == 0 or toks[j - 1].case != "Gen" or toks[j - 1].pos not in ("NOUN", "ADJ", "PROPN"):
            return False
    return False


def _is_initial_at(toks: list[Token], k: int) -> bool:
    return k + 1 < len(toks) and INITIAL.fullmatch(toks[k].text) is not None and toks[k + 1].text == "."


def _initialled_names(tagged: Tagged, found: list[NameMention]) -> list[NameMention]:
    """Two initials and a surname the model missed: «А. В. Иванов», «Иванов А. В.»; inside an
    organization's span too, unless the organization is named after the person: in «СГУ им. Н. Г.
    Чернышевского Л. Ю. Коссович» the rector is a person of the text, the eponym is not."""
    toks = tagged.tokens
    free = _free(tagged, found, skip=frozenset({"ORG"}))
    outside_orgs = _free(tagged, found)
    out = []
    for k, tok in enumerate(toks):
        if k not in free or not tok.text[:1].isupper() or not tok.text.isalpha() or len(tok.text) < 2:
            continue
        before = k >= 4 and _is_initial_at(toks, k - 4) and _is_initial_at(toks, k - 2)
        after = _is_initial_at(toks, k + 1) and _is_initial_at(toks, k + 3)
        span = range(k - 4 if before else k, k + (5 if after else 1))
        if k not in outside_orgs and (_eponym(toks, span[0]) or not CYRILLIC.match(tok.text)):
            continue  # inside an organization's name: its eponym, or a company «J. C. Penny»
        if (before or after) and all(j in free for j in span):
            nm = split_name(tagged, k, k + 1)
            if nm is not None:
                out.append(nm)
    return out


# adjectives of a post between the comma and its head: «Петров, главный инженер», «Сидорова, первый
# заместитель директора»
MAX_POST_ADJECTIVES = 2


def _surnames_before_posts(tagged: Tagged, found: list[NameMention]) -> list[NameMention]:
    """A surname alone the model missed, a post after it in apposition: «Иванов, директор завода;
    Петров, главный инженер». The dictionary must know the word as a surname, and nothing else
    as a name; a post of the lexicon follows the comma."""
    toks = tagged.tokens
    free = _free(tagged, found)
    out = []
    for k in sorted(free):
        tok = toks[k]
        if k + 2 >= len(toks) or toks[k + 1].text != "," or toks[k + 1].sent != tok.sent:
            continue
        if not _capitalized(tok):
            continue
        if not has_gram(tok.text, "Surn") or is_single_first_name(tok.text) or has_gram(tok.text, "Geox"):
            continue
        j = k + 2
        while j < min(len(toks), k + 2 + MAX_POST_ADJECTIVES) and toks[j].pos == "ADJ" and toks[j].text.islower():
            j += 1
        if j < len(toks) and _post_noun(toks[j]):
            nm = split_name(tagged, k, k + 1, lone_surname=True)
            if nm is not None and nm.last:
                out.append(nm)
    return out


def _capitalized(tok: Token) -> bool:
    return tok.text[:1].isupper() and tok.text[1:].islower() and tok.text.isalpha()


def _surname_shaped(word: str) -> bool:
    """The ending of a Russian surname in the nominative: «Щеглова», «Лыкова», «Покровский»."""
    return bool(SURNAME_NOMINATIVE.search(word) or SURNAME_SKY_NOMINATIVE.search(word))


def _surname_like(word: str) -> bool:
    """A surname by the dictionary, by its Russian shape («Щеглова»), or a word it does not know."""
    return has_gram(word, "Surn") or not in_dictionary(word) or _surname_shaped(word)


def _patronymic_names(tagged: Tagged, found: list[NameMention]) -> list[NameMention]:
    """A full name the model missed, found by its patronymic: a first name and a patronymic the
    dictionary knows, with a surname before them (the official order, «Щеглова Анна Михайловна —
    Министр ...») or after them («Анна Михайловна Щеглова»). A surname the model read as a place
    still counts; a word of any other span or name does not."""
    toks = tagged.tokens
    free = _free(tagged, found, skip=frozenset({"LOC"}))
    out = []
    for k in range(1, len(toks)):
        if k not in free or k - 1 not in free or not _capitalized(toks[k]) or not is_patronymic(toks[k].text):
            continue
        if not _capitalized(toks[k - 1]) or not is_single_first_name(toks[k - 1].text):
            continue
        span = next(
            (
                (a, b) for a, b, surname in ((k - 2, k + 1, k - 2), (k - 1, k + 2, k + 1))
                if 0 <= surname < len(toks) and surname in free and _capitalized(toks[surname])
                and toks[surname].sent == toks[k].sent
                and (_surname_like(toks[surname].text) or surname < k and toks[surname].text in KOREAN_SURNAMES)
            ),
            None,
        )
        nm = split_name(tagged, *span) if span is not None else None
        if nm is not None:
            out.append(nm)
            free -= set(range(*span))
    return out


def _first_name_and_surname(tagged: Tagged, found: list[NameMention]) -> list[NameMention]:
    """A first name and a surname the model missed inside a sentence («заведующая комплексом на
    улице Ленина Галина Вострикова», where no span came at all): a capitalized word that is a first
    name only, not opening the sentence, and a capitalized word of a surname's shape after it, in
    the nominative shape («Вострикова», «Лыков»), neither in any span but a place of just those two words."""
    toks = tagged.tokens
    free = _free(tagged, found)
    # the model may read such a name as a place of its own two words («района Учалинский район
    # Зульфия Суяргулова»): not after a preposition of place
    places = {sp.first for sp in tagged.spans if sp.type == "LOC" and sp.last - sp.first == 2
              and not (sp.first > 0 and toks[sp.first - 1].text.lower() in PLACE_PREPOSITIONS)}
    out = []
    for k in range(1, len(toks) - 1):
        own = k in free and k + 1 in free or k in places
        if not own or toks[k - 1].sent != toks[k].sent:
            continue
        if not (_capitalized(toks[k]) and is_single_first_name(toks[k].text)):
            continue
        if not (_capitalized(toks[k + 1]) and toks[k + 1].sent == toks[k].sent and _surname_shaped(toks[k + 1].text)):
            continue
        if not toks[k - 1].text[:1].isalpha() and toks[k - 1].text not in (",", "—", "–"):
            continue  # after a quote or a bracket: a title's words, not a name
        nm = split_name(tagged, k, k + 2)
        if nm is not None:
            out.append(nm)
            free -= {k, k + 1}
    return out


def _surnames_again(tagged: Tagged, found: list[NameMention]) -> list[NameMention]:
    """A surname of a person named in the text, written again where the model saw no name: «По
    словам Русских» after «Сергей Русских», «Путин подписал указ» in a headline before «Владимир
    Путин». Not in quotes; opening a sentence, only a proper noun, not an adjective
    («Русских покупателей ждут скидки»). The first name written before it, or after it in a name
    written surname first, comes along when it is that person's (`_first_name_of`)."""
    known = _known_surnames(found)
    if not known:
        return []
    firsts = _first_names_by_surname(found)
    toks = tagged.tokens
    free = _free(tagged, found) | _surnames_read_as_places(tagged, found, known) | _surnames_ending_names(tagged, known)
    out = []
    for k in sorted(free):
        tok = toks[k]
        if not (tok.text[:1].isupper() and tok.text[1:].islower() and tok.text.isalpha()):
            continue
        if k > 0 and toks[k - 1].text in "«\"„":
            continue
        readings = surname_readings(tok.text)
        if known & readings:
            start = k - 1 if k - 1 in free and _first_name_of(toks[k - 1], readings, firsts) else k
            # or after it, in a name written surname first: «Ван Цзюнь» after «Ван Цзюня»
            after = start == k and k + 1 in free and _first_name_of(toks[k + 1], readings, firsts)
            if tagged.sents[tok.sent].first == k and tok.pos != "PROPN" and not after:
                continue
            # alone, the word is the surname it was found as, though it may read as a first name
            # («75-летний Салех» after «Али Абдалла Салех»)
            nm = split_name(tagged, start, k + 2 if after else k + 1, lone_surname=start == k and not after)
            if nm is not None and nm.last:
                out.append(nm)
    return out


# prepositions that make a word a place: «в Кургане», «из Орла»
PLACE_PREPOSITIONS = frozenset({"в", "во", "на", "из", "изо", "под", "до", "через", "около", "близ"})


def _surnames_read_as_places(tagged: Tagged, found: list[NameMention], known: set[str]) -> set[int]:
    """A place of one word the model saw where a surname of a person named in full stands, and no
    preposition of place before it: «Вместе с Овьедо погиб» after «Лино Овьедо» (Oviedo, a city)."""
    toks = tagged.tokens
    taken = {k for nm in found for k in range(nm.first_tok, nm.last_tok)}
    return {
        sp.first for sp in tagged.spans
        if sp.type == "LOC" and sp.last - sp.first == 1 and sp.first not in taken
        and known & surname_readings(toks[sp.first].text)
        and not (sp.first > 0 and toks[sp.first - 1].text.lower() in PLACE_PREPOSITIONS)
    }


def _surnames_ending_names(tagged: Tagged, known: set[str]) -> set[int]:
    """The last word of a place or organization the model saw, a surname of a person named in
    full written as that person's nominative: «в администрации городского округа Ступино
    Ворохобов и Гладышев обсуждали» (the model's place «Ступино Ворохобов»); a body named after
    someone takes the genitive."""
    toks = tagged.tokens
    ending = [
        sp for sp in tagged.spans
        if sp.type in ("LOC", "ORG") and sp.last - sp.first >= 2
        and toks[sp.last - 1].case == "Nom" and name_key(toks[sp.last - 1].text) in known
    ]
    # the word before it too, when it is that person's first name («Селена Гомес» the model took
    # for an organization): `_surnames_again` takes it if so
    return {sp.last - 1 for sp in ending} | {sp.last - 2 for sp in ending}


# per surname key, the first names of the persons named in full: (readings of the first name, gender)
FirstNames = dict[str, list[tuple[frozenset[str], str | None]]]


def _first_names_by_surname(found: list[NameMention]) -> FirstNames:
    index: FirstNames = {}
    for nm in found:
        if nm.first and nm.last:
            for key in {name_key(nm.last)} | nm.last_forms:
                index.setdefault(key, []).append((nm.first_forms or frozenset({name_key(nm.first)}), nm.gender))
    return index


def _first_name_of(tok: Token, surnames: frozenset[str], firsts: FirstNames) -> bool:
    """The word before a surname found again is the first name of a person with that surname, as
    written or read: «Тарасу Шевченко» after «Тараса Шевченко»; or a first name with that person's
    initial: «Мэри Шапиро» after «М. Шапиро»."""
    if not (tok.text[:1].isupper() and tok.text.isalpha()):
        return False
    word = name_key(tok.text)
    for key in surnames:
        for forms, gender in firsts.get(key, ()):
            initial = next((f for f in forms if f.endswith(".")), None)
            if initial is not None:
                if word[:1] == initial[:1] and is_single_first_name(tok.text):
                    return True
            elif word in forms or name_key(nominative(tok.text, tok.case, "Name", gender).text) in forms:
                return True
    return False
