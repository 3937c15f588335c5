"""Locations: natasha's LOC spans, put into the nominative; what tells two names of one place.

Coordinated place names share their head noun: «Карагандинской и Павлодарской областей» are
«Карагандинская область» and «Павлодарская область». The name of a street in an address is no
place of the text («ул. Ленина, д. 5»). One place has many names: «Беларусь», «Республика
Беларусь», «Белоруссия»; «Россия», «РФ», «Российская Федерация» (`same_place`)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from extractor.lexicon.numbers import month_forms
from extractor.lexicon.orgs import known_org_kind, org_heads
from extractor.lexicon.places import (
    ABBREVIATION_LENGTH,
    caps_place,
    place_groups,
    place_key,
    region_adjective,
    region_nickname,
    street_words,
)
from extractor.nlp.inflect import head_grams, may_agree_in_case, nominative_phrase, nominative_word, recover_shape
from extractor.nlp.morph import UD_CASES, is_common, plain_lemma
from extractor.nlp.phrases import DASHES
from extractor.nlp.tagging import Span, Tagged, Token, is_place_word

# how far (in tokens) a bare adjective looks for the head noun it shares
SHARED_HEAD_WINDOW = 6


@dataclass(frozen=True)
class LocMention:
    start: int
    end: int
    name: str


def _shared_head(tagged: Tagged, span: Span) -> Token | None:
    """The head noun a bare adjective («Карагандинской») shares with the next place name."""
    toks = tagged.tokens
    sent_last = tagged.sents[toks[span.first].sent].last
    for k in range(span.last, min(sent_last, span.last + SHARED_HEAD_WINDOW)):
        if toks[k].pos in ("NOUN", "PROPN"):
            return toks[k] if may_agree_in_case(toks[span.last - 1], toks[k]) else None
        if toks[k].pos not in ("ADJ", "CCONJ", "PUNCT"):
            return None
    return None


def _adjective_and_head(tagged: Tagged, adjs: list[Token], head: Token) -> str:
    """Adjectives agreeing with a head noun in the nominative singular: «Павлодарская область»."""
    gender, _number = head_grams(head)
    words = [nominative_word(t.text, t.pos, t.feats.get("Case"), gender, "sing") for t in adjs]
    words.append(recover_shape(head.lemma, head.text))
    return " ".join(words)


def _name(tagged: Tagged, span: Span) -> str:
    words = tagged.tokens[span.first : span.last]
    # a region's double name: «Ханты-Мансийский автономный округ – Югра»
    dash = next((k for k, t in enumerate(words) if t.text in DASHES), None)
    if dash is not None and 0 < dash < len(words) - 1:
        # each name of a double name stands in the same case: each goes to the nominative
        parts = (words[:dash], words[dash + 1 :])
        return f" {words[dash].text} ".join(
            _title_if_capitals(" ".join(nominative_phrase(part, tagged.text).split())) for part in parts
        )
    nouns = [t for t in words if t.pos in ("NOUN", "PROPN")]
    if not nouns and all(t.pos == "ADJ" for t in words):
        head = _shared_head(tagged, span)
        if head is not None:
            return _adjective_and_head(tagged, words, head)
    if len(nouns) == 1 and words[-1] is nouns[0] and nouns[0].feats.get("Number") == "Plur" and (
        len(words) > 1 and all(t.pos == "ADJ" and t.feats.get("Number") == "Sing" for t in words[:-1])
    ):
        return _adjective_and_head(tagged, words[:-1], nouns[0])  # «Павлодарской областей»
    name = _title_if_capitals(" ".join(nominative_phrase(words, tagged.text).split()))
    if len(words) == 1 and (town := _place_reading(words[0], name)) is not None:
        return _title_if_capitals(town)
    return name


def _place_reading(tok: Token, name: str) -> str | None:
    """A one-word place whose nominative came out as no place the dictionary knows: its place
    reading, in the tagged case first («в Иванове», «города Иванова» are Иваново, not the surname
    Иванов or Иванова; «Минусинска» is Минусинск); None when the nominative is one of the word's
    place readings already, when the dictionary only guesses them («Алабуга» is no «Алабуг»), for
    a word that may be an adjective (its places are towns of an adjective's form: «в Лесном») and
    for a hyphenated name (the dictionary knows its parts, not the whole)."""
    places = [p for p in tok.parses if "Geox" in p.tag and p.is_known and p.tag.number != "plur"]
    # a possessive («Иванова» of Иван) is a surname's shape, no adjective's
    adjective = any(p.tag.POS in ("ADJF", "ADJS") and "Poss" not in p.tag for p in tok.parses)
    if not places or adjective or "-" in tok.text or plain_lemma(name.lower()) in {
        plain_lemma(p.normal_form) for p in places
    }:
        return None
    cases = UD_CASES.get(tok.feats.get("Case") or "", set())
    place = next((p for p in places if p.tag.case in cases), places[0])
    return recover_shape(place.normal_form, tok.text)


# short words of a place name written in lowercase: «Ростов-на-Дону»
PARTICLES = frozenset({"на", "де", "дель", "ла", "ле"})


def _title_if_capitals(name: str, no_abbreviations: bool = False) -> str:
    """A place written in capitals in a dateline or a heading: «МОСКВА» is «Москва», «РОСТОВ-НА-ДОНУ»
    «Ростов-на-Дону»; abbreviations stay («США»), unless the name can hold none (a dateline's town:
    «ЛЕВ ТОЛСТОЙ»)."""
    words = name.replace("-", " ").split()
    if not name.isupper() or all(len(w) <= ABBREVIATION_LENGTH for w in words) and not no_abbreviations:
        return name

    def part(p: str, long_word: bool) -> str:
        if p.lower() in PARTICLES:
            return p.lower()
        # a short part of a long hyphenated word is a word too: «ЙОШКАР-ОЛА», «УЛАН-УДЭ»
        return p if len(p) <= ABBREVIATION_LENGTH and not long_word else p.capitalize()

    def word(w: str) -> str:
        long_word = no_abbreviations or any(len(p) > ABBREVIATION_LENGTH for p in w.split("-"))
        return "-".join(part(p, long_word) for p in w.split("-"))

    return " ".join(word(w) for w in name.split())


# a house number after a street's name: «, д. 5», «, 12», «дом 3», «, стр. 2»
HOUSE_NUMBER = re.compile(r"\s*,?\s*(?:(?:д|дом|стр|корп)\.?\s*)?\d")


def _is_street_word(tok: Token) -> bool:
    """«ул.», «улице», «проспект»: one street («на улицах Лондона» are a city's)."""
    singular = tok.feats.get("Number") != "Plur"
    return singular and (tok.text.lower() in street_words() or tok.lemma in street_words())


def _in_address(tagged: Tagged, span: Span) -> bool:
    """A street's name: after «ул.», «улица», «проспект» ... or with one of them («Ленинский
    проспект»), and before a house number or in a sentence that gives an address («по адресу:
    ... пр-т Маркса»); «на улицах Лондона» names a city."""
    toks = tagged.tokens
    k = span.first - 1
    if k >= 0 and toks[k].text == ".":
        k -= 1
    street = (k >= 0 and _is_street_word(toks[k])) or any(_is_street_word(t) for t in toks[span.first : span.last])
    if not street:
        return False
    sent = tagged.sents[toks[span.first].sent]
    if k >= 0 and _is_street_word(toks[k]) and _named_after_a_person(toks[span.first]):
        return True  # «на улице Ленина», «проспекта Вернадского»; not «на улице Москвы»
    if k >= 0 and _is_street_word(toks[k]) and _agrees_as_adjective(toks[k], toks[span.first]):
        return True  # «на улице Школьной», «по улице Садовой»
    return bool(HOUSE_NUMBER.match(tagged.text, span.end)) or "адрес" in tagged.text[sent.start : span.start].lower()


def _agrees_as_adjective(street: Token, tok: Token) -> bool:
    """A street's name that is an adjective agreeing with the street word: «на улице Школьной» (the
    parses, not the tagged cases: the tagger reads many such as genitives)."""
    nouns = {(p.tag.case, p.tag.gender) for p in street.parses if "NOUN" in p.tag}
    return any("ADJF" in p.tag and (p.tag.case, p.tag.gender) in nouns for p in tok.parses)


def _named_after_a_person(tok: Token) -> bool:
    """A street's name that is a person's surname in the genitive: the dictionary reads it as one."""
    return any("Surn" in p.tag and p.tag.case == "gent" for p in tok.parses)


def _common_word_opening(tagged: Tagged, span: Span) -> bool:
    """«Американцы возвращаются ...», «Речная экосистема ...»: one capitalized word of the
    dictionary that is no name, opening a sentence, is no place; nor is a common noun opening it
    with only lowercase words after it («Акцепты элеватор направил ...»; not «Центральный
    федеральный округ», whose first word is an adjective)."""
    toks = tagged.tokens
    tok = toks[span.first]
    # a dash or a quote may open the sentence before it: «ТОМСК, 4 декабря 2025 года. — Колледж открыл ...»
    opening = all(not t.text[:1].isalnum() for t in toks[tagged.sents[tok.sent].first : span.first])
    if not opening or not is_common(tok.parses):
        return False
    lowercase_rest = all(t.text.islower() for t in toks[span.first + 1 : span.last])
    return span.last - span.first == 1 or (
        lowercase_rest and all(p.tag.POS == "NOUN" for p in tok.parses) and not is_place_word(tok.text)
    )


def _body_head_alone(tagged: Tagged, span: Span) -> bool:
    """«Департамента городского хозяйства Администрации города Вологды»: one word heading the names
    of governing bodies («Администрация», «Правительство», «Мэрия») is the body, never a place."""
    if span.last - span.first != 1:
        return False
    tok = tagged.tokens[span.first]
    kind = org_heads().get((tok.lemma.lower(),))
    return kind == "authority" and is_common(tok.parses) and not is_place_word(tok.text)


def _caps_place_span(tagged: Tagged, span: Span) -> bool:
    """«ТОМСК» opening a dateline, which the model may call an organization (not «ВАДА» in a
    sentence, though the dictionary knows a place so spelled)."""
    return tagged.opens_line(span.first) and caps_place(tagged.tokens[span.first : span.last])


def _domain(tagged: Tagged, span: Span) -> bool:
    """«РФ» of «ВЭБ.РФ»: written onto a word with a dot, a part of a name."""
    text = tagged.text
    return span.start >= 2 and text[span.start - 1] == "." and text[span.start - 2].isalpha()


def _without_short_name(tagged: Tagged, span: Span) -> Span:
    """«Контрольно-счётной палаты Самарской области (КСП)»: brackets closing a place's span round
    no place are the short name of the body the place ends, not the place's; a place's own other
    name stays («Республики Саха (Якутия)»). The organizations read the span whole."""
    toks = tagged.tokens
    if toks[span.last - 1].text != ")":
        return span
    opened = next((k for k in range(span.last - 2, span.first, -1) if toks[k].text == "("), None)
    if opened is None or all(is_place_word(t.text) for t in toks[opened + 1 : span.last - 1]):
        return span
    end = toks[opened - 1].end
    return Span(span.type, span.start, end, tagged.text[span.start : end], span.first, opened)


def _nicknames_left_out(tagged: Tagged) -> list[LocMention]:
    """A region's nickname the model tagged as nothing: «Новгородчина и ООО «...» подписали»."""
    covered = {k for span in tagged.spans for k in range(span.first, span.last)}
    return [
        LocMention(tok.start, tok.end, name) for k, tok in enumerate(tagged.tokens)
        if k not in covered and (name := region_nickname(tok.text)) is not None
    ]


@lru_cache(maxsize=1)
def _caps_dateline() -> re.Pattern[str]:
    """A dateline's town of two words or more in capitals, before its day: «ВЕЛИКИЕ ЛУКИ, 5 марта»,
    «УСТЬ-ИЛИМСК, 12 мая», «ПЫТЬ-ЯХ, 3.04.2026» (the months are the lexicon's)."""
    months = "|".join(sorted(month_forms(), key=len, reverse=True))
    return re.compile(
        rf"^[ \t]*([А-ЯЁ]{{2,}}(?:(?: |-)[А-ЯЁ]{{2,}}){{1,3}}),[ \t]+(?=\d{{1,2}}(?:[ \t]+(?:{months})\b|\.\d{{2}}\.))",
        re.MULTILINE,
    )


def _caps_dateline_town(tagged: Tagged) -> LocMention | None:
    """The town a dateline names in capitals, of several words («БОЛЬШИЕ БЕРЕЗНИКИ, 4 декабря»),
    which the model splits or misses: the whole of it, in the nominative as written."""
    m = _caps_dateline().search(tagged.text, 0, DATELINE_REACH)
    if m is None:
        return None
    return LocMention(m.start(1), m.end(1), _title_if_capitals(m.group(1), no_abbreviations=True))


# how far into a text its dateline may open (after a headline and a timestamp)
DATELINE_REACH = 400


def find_loc_mentions(tagged: Tagged) -> list[LocMention]:
    dateline = _caps_dateline_town(tagged)
    out = [dateline] if dateline else []
    for span in tagged.spans:
        if dateline is not None and span.start < dateline.end and dateline.start < span.end:
            continue  # the dateline's town read whole
        if span.type == "ORG" and _caps_place_span(tagged, span):
            out.append(LocMention(span.start, span.end, _name(tagged, span)))
            continue
        # a region's nickname the model took for a person: «Белгородчина согласилась»
        if span.type == "PER" and span.last - span.first == 1 and (nick := region_nickname(span.text)) is not None:
            out.append(LocMention(span.start, span.end, nick))
            continue
        if span.type != "LOC" or known_org_kind(tagged, span) or _in_address(tagged, span):
            continue  # «ЕС», «Европейский союз» are organizations
        if _common_word_opening(tagged, span) or _domain(tagged, span) or _body_head_alone(tagged, span):
            continue
        span = _without_short_name(tagged, span)
        name = _name(tagged, span)
        if name:
            out.append(LocMention(span.start, span.end, name))
    return sorted(out + _nicknames_left_out(tagged), key=lambda m: m.start)


# the kinds of a state before its name: «Республика Беларусь», «Королевство Эсватини»
STATE_WORDS = frozenset({"республика", "королевство", "княжество", "султанат", "государство"})
# a state's adjective and a country's name share their first letters: «Азербайджанская
# Республика» and «Азербайджан», «Удмуртская» and «Удмуртия»
SHARED_STEM = 5
# place names compared, kept: merging compares every mention with every place
PLACE_CACHE = 100_000


@lru_cache(maxsize=PLACE_CACHE)
def same_place(a: str, b: str) -> bool:
    """Two names of one place: the same lemmas («Российской Федерации», «Российская Федерация»),
    names of one place in the place list («Белоруссия», «Беларусь»; «Россия», «РФ»), a state
    and its name («Республика Казахстан», «Казахстан»; «Азербайджанская Республика»,
    «Азербайджан»), or an acronym of its full name («ОАЭ»)."""
    ka, kb = place_key(a), place_key(b)
    if ka == kb or _without_town_word(ka) == _without_town_word(kb):
        return True
    groups = place_groups()
    if ka in groups and groups.get(kb) == groups[ka]:
        return True
    return (
        _state_of(ka, kb) or _state_of(kb, ka) or _acronym_of(a, b) or _acronym_of(b, a)
        or _nickname_of(a, kb) or _nickname_of(b, ka)
    )


# the nouns of a region a formed nickname stands for: «Саратовщина», «Саратовская область»
REGION_NOUNS = frozenset({"область", "край"})


def _nickname_of(nickname: str, name: tuple[str, ...]) -> bool:
    """«Саратовщина» of «саратовский область»: a nickname formed from the region's adjective (read
    from the word as written: its lemma may be a surname's, «Липетчина» -> «липетчин»)."""
    return len(name) == 2 and name[1] in REGION_NOUNS and region_adjective(nickname.lower()) == name[0]


# the word a town's name may follow: «города Костромы», «г. Перми»
TOWN_WORDS = frozenset({"город", "г"})


# what a town's municipality is called before its name: «городского округа Нальчик», «муниципального
# образования город Новороссийск», longest first
TOWN_MUNICIPALITY_WORDS = (
    ("муниципальный", "образование", "город"), ("городской", "округ", "город"), ("городской", "округ"),
)


def _without_town_word(key: tuple[str, ...]) -> tuple[str, ...]:
    """«город кострома» -> «кострома»: a town is the same with the word «город» before it or not,
    and with its municipality's words («городской округ нальчик»)."""
    for words in TOWN_MUNICIPALITY_WORDS:
        if len(key) > len(words) and key[: len(words)] == words:
            return key[len(words) :]
    return key[1:] if len(key) > 1 and key[0] in TOWN_WORDS else key


def _state_of(state: tuple[str, ...], name: tuple[str, ...]) -> bool:
    """«республика казахстан» of «казахстан»; «азербайджанский республика» of «азербайджан»."""
    if len(state) < 2 or state[0] not in STATE_WORDS and state[-1] not in STATE_WORDS:
        return False
    rest = state[1:] if state[0] in STATE_WORDS else state[:-1]
    if rest == name:
        return True
    if len(rest) != 1 or len(name) != 1 or state[0] in STATE_WORDS:
        return False
    shared = 0
    while shared < min(len(rest[0]), len(name[0])) and rest[0][shared] == name[0][shared]:
        shared += 1
    return shared >= SHARED_STEM


# an acronym of a place: «ОАЭ», «ЮАР», «КНДР»
ACRONYM = re.compile(r"[А-ЯЁ]{3,6}")
REPUBLIC_ACRONYM = re.compile(r"Р[А-ЯЁ]")


def _acronym_of(short: str, name: str) -> bool:
    words = [w for w in re.split(r"[\s-]+", name) if w and w.lower() not in ("и", "де")]
    # two letters only for a republic: «РТ» is «Республика Татарстан», «РБ» «Республика Башкортостан»
    fits = ACRONYM.fullmatch(short) or REPUBLIC_ACRONYM.fullmatch(short) and words[0].lower().startswith("республик")
    return bool(fits) and len(words) >= 2 and "".join(w[0] for w in words).upper() == short


@lru_cache(maxsize=PLACE_CACHE)
def is_republic(name: str) -> bool:
    """A place the place list also names a republic («Беларусь»: «Республика Беларусь»)."""
    groups = place_groups()
    k = groups.get(place_key(name))
    return k is not None and any(g == k and "республика" in key for key, g in groups.items())
