"""What looks like an organization but is not: events and things named like one («выставка
«ИННОПРОМ»», «шаттл «Дискавери»»), generic references («Компания»), common words opening a
sentence; and the keys that tell one short name in any case."""

from __future__ import annotations

import re

from extractor.lexicon.orgs import (
    QUOTE_CHARS,
    compound_head_kind,
    event_heads,
    legal_forms,
    not_org_heads,
    not_org_names,
    object_heads,
    one_word_spelling,
    org_heads,
    org_organs,
    plain,
    platforms,
    plural_heads,
    territory_nouns,
    time_nouns,
    unit_heads,
)
from extractor.lexicon.places import country_lemmas
from extractor.lexicon.posts import starts_post
from extractor.nlp.inflect import head_index
from extractor.nlp.morph import is_common, parses, phrase_lemmas
from extractor.nlp.phrases import OPEN_QUOTES, declared_short_name
from extractor.nlp.tagging import CLOSE_QUOTES, Tagged, Token, is_place_word
from extractor.rules.organizations.names import (
    BRANCH_REACH_ADJECTIVES,
    LATIN_WORD,
    PLACE_ADJECTIVE_WORD,
    OrgMention,
    names_a_place,
    strip_quotes,
)

# a short name found again elsewhere («Майкрософт», «Газпром нефть»): longer names are not repeated alone
MAX_REPEATED_NAME_WORDS = 3


# the units of a grid facility's voltage class («подстанция 35/10 кВ «Северная»»)
VOLTAGE_UNITS = frozenset({"кВ", "кв"})
# a thing's code of letters and digits joined by a dash: «микрорайон В-16», «корпус А-3» (not «альбом U2»)
THING_CODE = re.compile(r"[А-ЯЁ]{1,3}-\d+")


# the most words between a chain and the quoted name of the chain: «сети ювелирных салонов «...»»
MAX_CHAIN_ITEM_WORDS = 3


def _items_of_a_chain(toks: list[Token], k: int) -> bool:
    """The plural noun at k and the lowercase words before it name the items of a chain:
    «Сеть ювелирных салонов «Янтарная гавань»» is no salon, as an exhibition is."""
    if toks[k].feats.get("Number") != "Plur":
        return False
    for j in range(k - 1, max(-1, k - 1 - MAX_CHAIN_ITEM_WORDS), -1):
        if toks[j].lemma == "сеть":
            return True
        if not toks[j].text.islower() or toks[j].sent != toks[k].sent:
            return False
    return False


def event_or_thing(tagged: Tagged, m: OrgMention) -> str | None:
    """Exhibitions, forums and programmes are not organizations: «выставка «ИННОПРОМ»»,
    «Международная промышленная выставка»; nor are vehicles, buildings and products: «шаттл
    «Дискавери»», «Космический телескоп Хаббл». The reason: "known" (the lexicon's), "object" (a
    thing noun before it), "event" (an event noun before it), "titled event" (an event noun and its
    complement before it), "head" (an event or thing noun heads it); None when the mention is none
    of these."""
    if plain(m.name) in not_org_names() or plain(tagged.text[m.start : m.end]) in not_org_names():
        return "known"
    i = tagged.token_at(m.start)
    if i is None:
        return None
    toks = tagged.tokens
    if tagged.token_ending(m.end) == i and (toks[i].lemma in object_heads() or toks[i].text.lower() in object_heads()):
        return "object"  # the thing noun alone, unquoted: «ЖК» of «ЖК «Заречные кварталы»»
    # an event or thing noun right before the name, in apposition to it: «выставка «ИННОПРОМ»»,
    # «шаттл «Дискавери»», «телескоп Хаббл»; an event noun only before quotes, as «в 2010 году
    # Google» or «акций Facebook» name no event
    k = _before_the_quotes_around(tagged, i, m.end)
    quoted = k != i - 1 or toks[i].text in OPEN_QUOTES
    if k == i - 1 and k >= 0 and toks[k].text in OPEN_QUOTES:
        k, quoted = k - 1, True
    if quoted:
        k = _before_quoted_list(toks, k)  # «по направлениям «Электроэнергетика» и «Агроинженерия»»
    if k >= 1 and toks[k].text in VOLTAGE_UNITS and toks[k - 1].text[:1].isdigit():
        k -= 2  # a facility's voltage class between it and its name: «подстанцию 110 кВ «Юхта»»
    if k >= 0 and toks[k].sent == toks[i].sent and _in_apposition(tagged, m):
        head = toks[k].lemma
        pair = f"{toks[k - 1].lemma} {head}" if k > 0 else head  # «жилого комплекса «Береговой»»
        # an all-capital name after a thing noun may be its owner's acronym («станция МЧС»); a code
        # with digits is the thing's own name («микрорайон В-16»)
        coded = THING_CODE.fullmatch(m.name) is not None
        if (head in object_heads() or pair in object_heads()) and (quoted or coded or not m.name.isupper()):
            return "object"
        # a Latin name does not decline: after a singular event noun it is the event's name
        # («конкурс The BOBs»), after a plural one an owner («акций Facebook»)
        latin = LATIN_WORD.match(m.name.split()[0]) is not None and toks[k].feats.get("Number") == "Sing"
        if (quoted or latin) and head in event_heads() and head not in time_nouns() and not _items_of_a_chain(toks, k):
            return "event"
        if quoted and _event_head_before_complement(toks, k):
            return "titled event"
    # an event noun heading a name of several words (quotes are no words of it: «Самолет» is a
    # developer's one-word name), unless an organization's head stands before the quoted name:
    # «газета «Иркутская неделя»» is a newspaper
    j = tagged.token_ending(m.end)
    words = [t for t in toks[i : (j + 1 if j is not None else i + 1)] if t.text not in QUOTE_CHARS]
    h = head_index(words)
    described = quoted and k >= 0 and (toks[k].lemma,) in org_heads()
    head = len(words) > 1 and h is not None and (
        words[h].lemma in not_org_heads() or h > 0 and f"{words[h - 1].lemma} {words[h].lemma}" in object_heads()
    )  # «Индустриальный парк «Сурский»»
    # a country's «Конгресс США» is its legislature, no congress held («Вертолетов России» stay things)
    of_a_country = len(words) == 2 and words[0].lemma in event_heads() and words[1].lemma in country_lemmas()
    if head and not described and not of_a_country:
        return "head"
    return "room" if _room(words, h, quoted) else None


# the quotes that close a name («“» closes one opened by «„»)
CLOSING_QUOTES = frozenset(CLOSE_QUOTES.values())
# the most words of a quoted name before the part a mention takes of it
QUOTED_HEAD_WORDS = 3


def _before_the_quotes_around(tagged: Tagged, i: int, end: int) -> int:
    """The token before the opening quote of a quoted name the mention at token i ends but does not
    open («танкер «Капитан Рубцов»»: the mention «Рубцов», the thing noun «танкер»); else i - 1."""
    toks = tagged.tokens
    j = tagged.token_ending(end)
    if j is None or j + 1 >= len(toks) or toks[j + 1].text not in CLOSING_QUOTES:
        return i - 1
    for q in range(i - 1, max(-1, i - 1 - QUOTED_HEAD_WORDS), -1):
        if toks[q].sent != toks[i].sent:
            return i - 1
        if toks[q].text in OPEN_QUOTES:
            return q - 1 if q < i - 1 else i - 1
        if toks[q].text in CLOSING_QUOTES:
            return i - 1
    return i - 1


# rooms of a building, which a capital makes look like names: «в Большом зале», «Малого зала»
ROOMS = frozenset({"зал", "фойе"})


def _room(words: list[Token], h: int | None, quoted: bool) -> bool:
    """A room named by adjectives before its noun («Большой зал», «Большой зал филармонии»), not a
    hall with a name of its own («Концертный зал «Ока-Холл»») nor one of a named owner («Колонный
    зал Дома союзов»)."""
    if quoted or h is None or h == 0 or words[h].lemma not in ROOMS:
        return False
    return all(w.pos == "ADJ" for w in words[:h]) and all(w.text.islower() for w in words[h + 1 :])


# the most words of a genitive complement between an event noun and its quoted name
MAX_COMPLEMENT_WORDS = 3


def _event_head_before_complement(toks: list[Token], k: int) -> bool:
    """«фестиваль национальных кухонь «Саратовский калач»», «ярмарка народных промыслов «...»»: an
    event noun before a lowercase genitive complement names the quoted name after it. An
    organization's noun in the complement owns the name instead: «выставка компании «...»»."""
    first = k
    while first >= 0 and k - first < MAX_COMPLEMENT_WORDS and _complement_word(toks[first]):
        first -= 1
    if first == k or first < 0 or toks[first].sent != toks[k].sent or toks[k].pos != "NOUN":
        return False
    head = toks[first].lemma
    # a plural one is no one event: «на выборах оппозиционного блока «Пакатан Харапан»»
    singular = toks[first].feats.get("Number") == "Sing"
    return toks[first].pos == "NOUN" and singular and head in event_heads() and head not in time_nouns()


def _complement_word(tok: Token) -> bool:
    return (
        tok.text.islower() and tok.case == "Gen" and tok.pos in ("NOUN", "ADJ")
        and (tok.lemma,) not in org_heads() and tok.lemma not in unit_heads()
    )


# what joins the quoted names of a list
QUOTED_LIST_JOINERS = frozenset({",", "и", "или"})
# the most words a quoted name of such a list holds
MAX_LISTED_QUOTE_TOKENS = 12


def _before_quoted_list(toks: list[Token], k: int) -> int:
    """The word before the first quoted name of a list that a quoted name closes: «направлениям
    «Нефтегазовое дело», «Судовождение» и ...» gives «направлениям» for «Судовождение»; `k` (the
    word right before the name's quote) when no quoted name is joined before it."""
    while k >= 1 and toks[k].text in QUOTED_LIST_JOINERS and toks[k - 1].text in QUOTE_CHARS:
        close = k - 1
        opening = next(
            (j for j in range(close - 1, max(-1, close - MAX_LISTED_QUOTE_TOKENS), -1) if toks[j].text in OPEN_QUOTES),
            None,
        )
        if opening is None or toks[opening].sent != toks[k].sent:
            break
        k = opening - 1
    return k


def _in_apposition(tagged: Tagged, m: OrgMention) -> bool:
    """A name in apposition to a noun keeps the nominative («на шаттле «Дискавери»»); one in
    another case depends on it as an owner («Инициатива «Яблока»», «автомобили ЗАЗ»)."""
    written = strip_quotes(tagged.text[m.start : m.end]).split()
    return bool(written) and written[0].lower() == m.name.split()[0].lower()


def is_generic(m: OrgMention) -> bool:
    """«Компания», «Группа», «Общество» alone: a reference to an organization named elsewhere
    («далее – «Компания»»), not a name."""
    words = plain(m.name).split()
    if len(words) != 1:
        return False
    return phrase_lemmas(words[0]) in org_heads() or words[0] in ("группа", "общество", "компания")


# the most words a quoted name after its kind's letters runs to: «ТРЦ «Ангарский пассаж»»
QUOTED_NAME_WORDS = 8


def is_descriptor_alone(tagged: Tagged, m: OrgMention) -> bool:
    """«Посещаемость ТРЦ выросла» after «ТРЦ «Ангарский пассаж»»: the letters the text puts before
    a quoted name as its kind, standing alone, refer to that organization; they name none."""
    if m.legal_form is not None or " " in m.name or not m.name.isupper() or len(m.name) < 2:
        return False
    toks = tagged.tokens
    return any(
        # a guillemet opens a name for sure; straight quotes may close one («"Ъ"», «ОПЕК"»)
        toks[k].text == m.name and toks[k + 1].text == "«" and toks[k + 2].text[:1].isupper()
        and "»" in (t.text for t in toks[k + 2 : k + 2 + QUOTED_NAME_WORDS])  # a name, not a quotation
        # after a noun the letters own the quoted name: «команду НХЛ «Сент-Луис Блюз»»
        and not (k > 0 and toks[k - 1].pos in ("NOUN", "PROPN"))
        for k in range(len(toks) - 2)
    )


def is_organ_of_a_reference(tagged: Tagged, m: OrgMention) -> bool:
    """«Наблюдательный совет Банка», «Отделения Банка»: an organ or a unit of an organization the
    text calls by its head noun alone, not an organization of its own."""
    i = tagged.token_at(m.start)
    j = tagged.token_ending(m.end)
    if i is None or j is None or m.legal_form or j == i:
        return False
    toks = tagged.tokens
    organ = org_organs().longest_at(toks, i, j + 1) or unit_heads().longest_at(toks, i, j + 1)
    if organ is None or organ[0] != j or not toks[j].text[:1].isupper() or (toks[j].lemma,) not in org_heads():
        return False
    # the head noun is the short name the text gave an organization: «(далее – Банк)»
    return declared_short_name(tagged.text, toks[j].lemma)


def _opens_sentence(tagged: Tagged, i: int) -> bool:
    """Token i opens its sentence, or a quotation that opens it: «Группировка сил ...», — сказал он."""
    first = tagged.sents[tagged.tokens[i].sent].first
    return i == first or i == first + 1 and tagged.tokens[first].text in OPEN_QUOTES


def _named_again(tagged: Tagged, i: int, j: int | None = None) -> bool:
    """The words of tokens i..j (i alone by default) stand elsewhere in the text inside a sentence,
    in any case."""
    toks = tagged.tokens
    lemmas = [t.lemma for t in toks[i : (i if j is None else j) + 1]]
    n = len(lemmas)
    return any(
        k != i and [t.lemma for t in toks[k : k + n]] == lemmas and not _opens_sentence(tagged, k)
        for k in range(len(toks) - n + 1)
    )


def is_lone_common_noun(tagged: Tagged, m: OrgMention) -> bool:
    """«Разъяснения Минздрав опубликует», «Выработка ГЭС и ГАЭС выросла», «Маржа EBITDA
    составила»: a capitalized common noun opening a sentence, tagged as (the start of) an
    organization, is not one; a head noun of names («Правительство области», «Банк России») or a
    noun with a place after it («Голос Америки») may be."""
    i = tagged.token_at(m.start)
    j = tagged.token_ending(m.end)
    if i is None or j is None or m.legal_form or m.alias:
        return False
    toks = tagged.tokens
    while j > i and not any(c.isalnum() for c in toks[j].text) and toks[j].text not in QUOTE_CHARS:
        j -= 1  # a rubric's separator the model took in: «Общество · 18 июня»
    tok = toks[i]
    if not _opens_sentence(tagged, i) or not tok.text[1:].islower() or not (is_common_word(tok) or _abstract_noun(tok)):
        return False
    if j == i:
        # «Сбербанк и правительство ... подписали» in a headline over «ПАО Сбербанк» in the body: a
        # one-word name the lexicon knows, which the text names again inside a sentence, is one;
        # «Магнит притягивает железо» is no company
        return one_word_spelling([tok]) is None or not _named_again(tagged, i)
    if org_heads().longest_at(toks, i, j + 1) or unit_heads().longest_at(toks, i, j + 1):
        return False
    if tok.pos in ("NOUN", "PROPN") and _owner_after(toks, i, j):
        return True  # «Докапитализация Фонда», «Грузооборот терминалов Компании»: what the body has
    if tok.pos == "ADJ":
        # «Областной бюджет направит», «Детские сады, школы и поликлиники»: an adjective and common
        # nouns, all but the first in lowercase, with no organization's head among them («Пермский
        # краевой суд», «Исторический музей» are names)
        rest = toks[i + 1 : j + 1]
        plain = all(t.text.islower() and t.text.isalpha() and is_common_word(t) for t in rest)
        if plain and len(rest) == 1 and org_heads().get((toks[j].lemma,)) == "company" and not names_a_place(tok.text):
            # «Свиноводческий холдинг вложит 9,5 млрд рублей»: an adjective of a kind and a company's
            # head noun opening a headline or a sentence describe a company unless the text names it so
            # again (a place's adjective may name it: «Камский завод» is a short name of a plant)
            return not _named_again(tagged, i, j)
        return plain and not _has_a_head(toks, i + 1, j)
    if tok.pos not in ("NOUN", "PROPN"):
        return False
    if toks[i + 1].start == tok.end:
        return False  # one word written with a dot or a dash: «Страна.ua»
    # the noun's complement: lowercase words, abbreviations, Latin terms («ГЭС», «EBITDA»), not a
    # proper name («Голос Америки») nor a country («Конгресс США»)
    rest = toks[i + 1 : j + 1]
    proper = any(t.text[:1].isupper() and t.text[1:].islower() and t.text.isalpha() for t in rest)
    return not proper and rest[-1].lemma not in country_lemmas()


def is_lowercase_common_words(tagged: Tagged, m: OrgMention) -> bool:
    """«Объединив усилия, администрация района ...»: what is left of a model's span after its verb
    goes, common words in lowercase with no head of an organization among them, names nothing."""
    i = tagged.token_at(m.start)
    j = tagged.token_ending(m.end)
    if i is None or j is None or m.legal_form or m.alias:
        return False
    toks = tagged.tokens
    words = [t for t in toks[i : j + 1] if any(c.isalnum() for c in t.text)]
    if not words or not all(t.text.islower() and t.text.isalpha() and is_common_word(t) for t in words):
        return False
    return not _has_a_head(toks, i, j)


def _has_a_head(toks: list[Token], first: int, last: int) -> bool:
    """A head of an organization's or a unit's name opens at one of the tokens first..last."""
    end = last + 1
    return any(
        org_heads().longest_at(toks, k, end) or unit_heads().longest_at(toks, k, end) or _compound_head(toks[k])
        for k in range(first, end)
    )


# the most lowercase words between a descriptor and the quoted name it describes: «Федеральная сеть
# квест-комнат «Зазеркалье»»
DESCRIPTOR_REACH = 3


def is_descriptor_of_a_quoted_name(tagged: Tagged, m: OrgMention) -> bool:
    """«Федеральная сеть квест-комнат «Зазеркалье» открыла», «Боулинг-центр «Онего Страйк» сменил
    владельца»: common words opening a sentence, tagged apart from the quoted name that follows
    them, say what that name is; they name nothing themselves."""
    i = tagged.token_at(m.start)
    j = tagged.token_ending(m.end)
    if i is None or j is None or m.legal_form or m.alias or not _opens_sentence(tagged, i):
        return False
    toks = tagged.tokens
    first, head = toks[i], toks[j]
    if not first.text[1:].islower() or not all(_lowercase_word(t) for t in toks[i + 1 : j + 1]):
        return False
    if not is_common(parses(head.text.lower().rsplit("-", 1)[-1])) and not _written_lowercase_elsewhere(tagged, head):
        return False  # «Ростелеком «...»»: a name of its own
    k = j + 1
    while k < len(toks) and k - j <= DESCRIPTOR_REACH and _genitive_complement(toks[k]):
        k += 1
    return k + 1 < len(toks) and toks[k].text in OPEN_QUOTES and toks[k + 1].text[:1].isupper()


def _written_lowercase_elsewhere(tagged: Tagged, tok: Token) -> bool:
    """A word the dictionary lacks that the text writes in lowercase too is a common noun:
    «Маркетплейс «Полка» открыл ...» over «(маркетплейс «Полка»)»."""
    return any(t.lemma == tok.lemma and t.text.islower() for t in tagged.tokens)


def _lowercase_word(tok: Token) -> bool:
    return tok.text.islower() and tok.text.replace("-", "").isalpha()


def _genitive_complement(tok: Token) -> bool:
    """A word of what a descriptor holds: «сеть | квест-комнат», «магазинов | бытовой техники»."""
    return _lowercase_word(tok) and tok.pos in ("NOUN", "ADJ") and tok.feats.get("Case") == "Gen"


# the endings of an abstract noun: a word the dictionary lacks that ends so is a common noun, no name
# («Вакантность», «Импортозамещение»)
ABSTRACT_NOUN_ENDINGS = ("ость", "ание", "ение")


def _abstract_noun(tok: Token) -> bool:
    return tok.text.lower().endswith(ABSTRACT_NOUN_ENDINGS) and bool(tok.parses) and all(
        p.tag.POS == "NOUN" for p in tok.parses
    )


def is_thing_of_a_unit(tagged: Tagged, m: OrgMention) -> bool:
    """«Фонд филиала пополнился», «Избирательный фонд отделения составит»: a head and its
    adjectives with nothing after them but a unit's noun in lowercase, in the genitive, speak of
    something of a unit named elsewhere (its fund, its funds), no organization's name."""
    i = tagged.token_at(m.start)
    j = tagged.token_ending(m.end)
    if i is None or j is None or j <= i or m.legal_form or m.alias:
        return False
    toks = tagged.tokens
    owner = toks[j]
    if not owner.text.isalpha() or not owner.text.islower() or owner.case != "Gen":
        return False
    if unit_heads().get((owner.lemma,)) is None or toks[j - 1].pos not in ("NOUN", "PROPN"):
        return False
    # common words only, capitalized at most as the sentence's first: «Калининградская высшая школа
    # управления» is a name
    capitals = [k for k in range(i, j) if not toks[k].text.islower()]
    if capitals and (capitals != [i] or not _opens_sentence(tagged, i)):
        return False
    return all(t.pos == "ADJ" for t in toks[i : j - 1])


# a commission standing on its own: a legislature's standing one, an election commission
STANDING_COMMISSIONS = frozenset({"постоянный", "избирательный"})
COMMISSION_HEADS = frozenset({"комиссия", "подкомиссия"})


def is_working_commission(tagged: Tagged, m: OrgMention) -> bool:
    """«комиссия по благоустройству», «межведомственная комиссия по мониторингу цен», «комиссия
    Правительства по бюджетным проектировкам»: a commission written in lowercase is a working body
    of the one that set it up, not an organization (the blind parts' gold: 11 such of 12 listed
    nowhere); a standing commission of a legislature and an election commission are. One opening its
    sentence with a common adjective is a working body too: «Конкурсная комиссия рассмотрела заявки»."""
    i = tagged.token_at(m.start)
    j = tagged.token_ending(m.end)
    if i is None or j is None or m.legal_form:
        return False
    first = tagged.tokens[i].text
    # capitalized as its sentence's first word, an adjective: NEREL marks «Комиссия по ценным бумагам»
    # opening a sentence, not «Специальная комиссия»
    opening = _opens_sentence(tagged, i) and first[1:].islower() and tagged.tokens[i].pos == "ADJ"
    if not first.islower() and not opening:
        return False
    words = tagged.tokens[i : j + 1]
    head = next((t for t in words if t.pos in ("NOUN", "PROPN")), None)
    if head is None or head.lemma not in COMMISSION_HEADS or any(t.lemma in STANDING_COMMISSIONS for t in words):
        return False
    # an owner named by a name of its own, not by a head noun: «комиссия Западноафриканского
    # экономического и валютного союза (UEMOA)» is one
    rest = words[1:] if opening else words
    return not any(t.text[:1].isupper() and (t.lemma,) not in org_heads() for t in rest) and not _owner_named_after(
        tagged, j
    )


def _owner_named_after(tagged: Tagged, j: int) -> bool:
    """The lowercase words after a mention that ends at token j run on into a capitalized genitive
    of its owner: «Комиссия по предупреждению и ликвидации чрезвычайных ситуаций | и обеспечению
    пожарной безопасности Забайкальского края»."""
    toks = tagged.tokens
    k = j + 1
    while k < len(toks) and toks[k].sent == toks[j].sent and toks[k].text.islower() and (
        toks[k].pos in ("NOUN", "ADJ", "CCONJ")
    ):
        k += 1
    return k < len(toks) and toks[k].sent == toks[j].sent and toks[k].text[:1].isupper() and toks[k].case == "Gen"


def is_plural_common_noun(tagged: Tagged, m: OrgMention) -> bool:
    """«Детские сады», «Почтовые отделения Тверской области», «Сельские дома культуры области»,
    «Коммунальные службы района» opening a sentence: a common noun in the plural, its adjectives
    before it, speaks of many bodies, no one organization's name; a quoted or abbreviated name, a
    legal form, or a plural head of names the lexicon knows with its adjectives («Вооруженные силы»)
    stay."""
    i = tagged.token_at(m.start)
    j = tagged.token_ending(m.end)
    if i is None or j is None or m.legal_form or m.alias or not _opens_sentence(tagged, i):
        return False
    toks = tagged.tokens
    k = i
    while k < j and toks[k].pos == "ADJ" and toks[k].text[1:].islower():
        k += 1
    head = toks[k]
    if head.pos not in ("NOUN", "PROPN") or not head.text[1:].islower() or not _plural_subject(tagged, k, j):
        return False
    if plural_heads().longest_at(toks, i, j + 1):
        return False  # a plural head of names with its adjective: «Вооружённые силы Черногории»
    if any(t.text in QUOTE_CHARS or t.text in OPEN_QUOTES for t in toks[i : j + 1]):
        return False
    return is_common_word(head) and any(p.tag.number == "plur" and p.tag.case == "nomn" for p in head.parses)


def is_body_of_many_territories(tagged: Tagged, m: OrgMention) -> bool:
    """«администрации муниципалитетов», «Администрация районов»: a body's head before territories in
    the plural speaks of the bodies of each, no one organization; a capital inside a sentence makes
    it a name («Партии регионов»)."""
    i = tagged.token_at(m.start)
    j = tagged.token_ending(m.end)
    if i is None or j != i + 1 or m.legal_form or m.alias:
        return False
    if not tagged.tokens[i].text.islower() and not _opens_sentence(tagged, i):
        return False
    head, owner = tagged.tokens[i], tagged.tokens[j]
    return (
        (head.lemma,) in org_heads() and owner.text.islower() and owner.lemma in territory_nouns()
        and owner.feats.get("Number") == "Plur" and owner.case == "Gen"
    )


def _plural_subject(tagged: Tagged, k: int, j: int) -> bool:
    """The head at k, opening its sentence, is in the plural: as tagged, or tagged a genitive (no
    genitive opens a sentence: the tagger misreads «Министерства Тверской области подготовили»,
    «Лесопожарные службы ... получат») when the sentence's first verb after it is plural."""
    head = tagged.tokens[k]
    if head.feats.get("Number") == "Plur":
        return True
    if head.feats.get("Case") != "Gen":
        return False
    sent = tagged.sents[head.sent]
    verb = next((t for t in tagged.tokens[j + 1 : sent.last] if t.pos in ("VERB", "AUX")), None)
    # a passive's subject is elsewhere: «Администрации области выделены средства» (a dative)
    return verb is not None and verb.feats.get("Number") == "Plur" and verb.feats.get("Voice") != "Pass"


def _owner_after(toks: list[Token], i: int, j: int) -> bool:
    """An organization's head in the genitive after the common noun at i: the noun names something
    of that organization («Докапитализация Фонда»), not the organization."""
    return any(
        toks[k].feats.get("Case") == "Gen"
        and (org_heads().longest_at(toks, k, j + 1) or unit_heads().longest_at(toks, k, j + 1))
        for k in range(i + 1, j + 1)
    )


def is_a_post_word(tagged: Tagged, m: OrgMention) -> bool:
    """«число заместителей Главы сокращено»: one capitalized word that opens a post («глава»,
    «губернатор») is the post written with a capital, not an organization."""
    i = tagged.token_at(m.start)
    if i is None or m.legal_form or m.alias or tagged.token_ending(m.end) != i:
        return False
    tok = tagged.tokens[i]
    return tok.pos in ("NOUN", "PROPN") and is_common_word(tok) and starts_post(tok.lemma)


def is_common_noun_before_its_owner(tagged: Tagged, m: OrgMention) -> bool:
    """«Грузооборот «Балтийских терминалов» вырос»: a capitalized common noun opening a sentence
    and a quoted name in the genitive after it; the quoted name is the owner of what the noun
    names, the organization, not a name in apposition to it («Сеть «Уральский гастроном»»)."""
    i = tagged.token_at(m.start)
    j = tagged.token_ending(m.end)
    if i is None or j is None or m.legal_form or m.alias or j < i + 2:
        return False
    toks = tagged.tokens
    tok = toks[i]
    if not _opens_sentence(tagged, i) or not tok.text[1:].islower() or tok.pos not in ("NOUN", "PROPN"):
        return False
    if not is_common_word(tok):
        return False
    if toks[i + 1].text not in OPEN_QUOTES or org_heads().longest_at(toks, i, j + 1) or unit_heads().longest_at(
        toks, i, j + 1
    ):
        return False
    return toks[i + 2].feats.get("Case") not in ("Nom", None)


def _compound_head(tok: Token) -> bool:
    """A compound ending in an organization's head: «госуниверситет», «медколледж»."""
    return compound_head_kind(tok.lemma) is not None


# the words a text calls a company it has named by («завод компании», «предприятие холдинга»)
COMPANY_WORDS = frozenset({"компания", "группа", "холдинг", "корпорация", "общество"})


def is_facility_of_the_company(tagged: Tagged, m: OrgMention) -> bool:
    """«Кабельный завод компании в Копейске»: a plant of the company the text speaks of, named by
    common words and «компании» after them, is no organization of its own."""
    i = tagged.token_at(m.start)
    j = tagged.token_ending(m.end)
    if i is None or j is None or m.legal_form or m.alias or j == i:
        return False
    toks = tagged.tokens
    last = toks[j]
    return (
        last.text.islower() and last.lemma in COMPANY_WORDS and last.feats.get("Case") == "Gen"
        and toks[j - 1].pos == "NOUN"  # the facility's own noun before it: «завод | компании»
        and all(is_common_word(t) and t.text[1:].islower() for t in toks[i : j + 1])
    )


# a branch named by its place: «Пензенский (региональный) филиал банка»; the parts of bench/entities_heldout
# (e, g, p, q) list only the organization it belongs to, while a branch with a name of its own
# («филиал «Владимирский полиэфир»») is an organization
BRANCH_HEADS = frozenset({"филиал"})
# a bank's or a company's office named by its place: «Томским отделением ПАО «...банк»» (parts zr,
# zu and zzk list only the bank); an «отделение» of anything else may be a body of its own
# («Сибирское отделение РАН», a party's «региональное отделение»)
COMPANY_BRANCH_HEADS = frozenset({"отделение"})


def is_branch_by_place(tagged: Tagged, m: OrgMention) -> bool:
    """«Пензенском филиале ОРБ Банка», «Красноярский филиал», «филиал банка «Волжский кредит»»: a
    subdivision named by the place it works in, not an organization of its own; the organization
    after it is."""
    i, j = tagged.token_at(m.start), tagged.token_ending(m.end)
    if i is None or j is None or m.legal_form:
        return False
    toks = tagged.tokens
    if _branch_named_by_place(toks, i, j):
        return True
    k = i
    while k < j and toks[k].pos == "ADJ" and (toks[k].text[:1].isupper() or toks[k].lemma in BRANCH_REACH_ADJECTIVES):
        k += 1
    if k > j or not (k > i or toks[k].text.islower()):
        return False
    # in lowercase with no place before it too: «(Самарский региональный) филиал банка «Волжский кредит»»
    if toks[k].lemma in BRANCH_HEADS:
        return True
    return toks[k].lemma in COMPANY_BRANCH_HEADS and k == j and _company_follows(toks, j + 1)


# the heads of a transport facility a text may call by its town: «Аэропорт Читы», «Архангельский порт»
FACILITY_HEADS = frozenset({"аэропорт", "порт"})


def is_facility_by_its_town(tagged: Tagged, m: OrgMention) -> bool:
    """«Аэропорт Калининграда обслужил 512 тыс. пассажиров», «Грузооборот Архангельского порта»: an
    airport or a port named by its town alone, by its place's noun or adjective, is the facility
    (NEREL marks it so, the blind parts list only the company that runs it); a quoted name or a
    legal form makes it a company («АО «Аэропорт Сургут»»)."""
    i, j = tagged.token_at(m.start), tagged.token_ending(m.end)
    if i is None or j is None or j != i + 1 or m.legal_form or m.alias:
        return False
    first, second = tagged.tokens[i], tagged.tokens[j]
    if first.lemma in FACILITY_HEADS:  # «Аэропорт Читы»
        return second.text[:1].isupper() and is_place_word(second.text) and second.case == "Gen"
    if second.lemma in FACILITY_HEADS:  # «Архангельского порта»
        return first.text[:1].isupper() and PLACE_ADJECTIVE_WORD.fullmatch(first.lemma.capitalize()) is not None
    return False


def _branch_named_by_place(toks: list[Token], i: int, j: int) -> bool:
    """«филиал «Печенгский»», «макрорегионального филиала «Поволжье»»: one quoted word after «филиал»,
    a place's adjective or a place, names the branch by where it works (as «Пензенский филиал» does);
    a name of its own («филиал «Владимирский полиэфир»») is an organization."""
    if toks[i].text in OPEN_QUOTES and j - i == 2:
        i = j = i + 1  # the mention with its quotes
    if i != j or i < 2 or toks[i - 1].text not in OPEN_QUOTES or toks[i - 2].lemma not in BRANCH_HEADS:
        return False
    word = toks[i]
    return word.pos == "ADJ" or PLACE_ADJECTIVE_WORD.fullmatch(word.text) is not None or is_place_word(word.text)


def _company_follows(toks: list[Token], k: int) -> bool:
    """A company's legal form or a bank right at token k: «ПАО «...»», «банка», «Сбербанка»."""
    if k >= len(toks):
        return False
    tok = toks[k]
    return legal_forms().kinds.get(tok.text) == "company" or tok.lemma.endswith("банк")


# multipliers a unit of measure follows: «412 тыс. TEU», «1,2 млн т»
NUMBER_MULTIPLIERS = frozenset({"тыс", "млн", "млрд", "трлн"})


def is_unit_after_a_number(tagged: Tagged, m: OrgMention) -> bool:
    """«412 тыс. TEU», «150 МВт»: one word right after a number is its unit of measure."""
    i, j = tagged.token_at(m.start), tagged.token_ending(m.end)
    if i is None or j != i or m.legal_form or i == 0:
        return False
    toks = tagged.tokens
    k = i - 1
    if toks[k].text == "." and k > 0:
        k -= 1
    return toks[k].text[:1].isdigit() or toks[k].text.lower() in NUMBER_MULTIPLIERS


def is_group_of_countries(tagged: Tagged, m: OrgMention) -> bool:
    """«экспорт в страны СНГ», «среди стран СНГ»: a union's letters after «страны» name where the
    countries are, a market, not the union as a body (no held-out gold lists it there)."""
    i, j = tagged.token_at(m.start), tagged.token_ending(m.end)
    if i is None or j != i or m.legal_form or i == 0:
        return False
    toks = tagged.tokens
    return toks[i].text.isupper() and toks[i - 1].lemma == "страна"


# a blood group and its rhesus, «A(II) Rh-», «AB (IV) Rh+», «0(I)»: the model reads the letters as
# an organization's
BLOOD_GROUP = re.compile(r"(?<![\w(])(?:0|O|A|B|AB)\s?\((?:I|II|III|IV)\)(?:\s?Rh\s?[+-]|\s?[+-])?")


def is_blood_group(tagged: Tagged, m: OrgMention) -> bool:
    """The mention lies inside a blood group's notation: «запасы крови групп A(II) Rh- и AB(IV) Rh-»."""
    lo = max(0, m.start - 4)
    groups = BLOOD_GROUP.finditer(tagged.text[lo : m.end + 8])
    return any(g.start() + lo <= m.start and m.end <= g.end() + lo for g in groups)


# the possessives between «в» and a medium: «в своём Твиттере», «на её странице»
MEDIUM_POSSESSIVES = frozenset({"свой", "его", "её", "ее", "их", "мой", "наш"})


def is_platform_as_a_medium(tagged: Tagged, m: OrgMention) -> bool:
    """A social network one writes in, after «в» or «на» and a possessive: «написал в Twitter», «на
    странице в Facebook», «в своём Твиттере». A text that names it as a company too («акции
    Facebook») keeps every mention, as factRuEval's gold does."""
    i, j = tagged.token_at(m.start), tagged.token_ending(m.end)
    if i is None or i != j or tagged.tokens[i].lemma.lower() not in platforms() and (
        tagged.tokens[i].text.lower() not in platforms()
    ):
        return False
    k = i - 1
    toks = tagged.tokens
    if k >= 0 and (toks[k].lemma in MEDIUM_POSSESSIVES or toks[k].text.lower() in MEDIUM_POSSESSIVES):
        k -= 1  # «в его Твиттере»: the tagger's lemma of «его» is «он»
    return k >= 0 and toks[k].text.lower() in ("в", "на", "во")


def is_common_word(tok: Token) -> bool:
    """A word of the dictionary that is not a name: «Центр», «Телевизор», «Яблоко»."""
    return is_common(tok.parses)


def name_tokens(tagged: Tagged, m: OrgMention) -> tuple[list[Token], bool] | None:
    """The words a short name is written with in a mention, and whether they were quoted:
    «Майкрософт» in «компания «Майкрософт»», «Facebook», «Интерпол»."""
    i, j = tagged.token_at(m.start), tagged.token_ending(m.end)
    if i is None or j is None:
        return None
    toks = tagged.tokens[i : j + 1]
    quoted = [k for k, t in enumerate(toks) if t.text in QUOTE_CHARS]
    if len(quoted) >= 2:
        toks, is_quoted = toks[quoted[0] + 1 : quoted[-1]], True
    elif m.legal_form is None:
        is_quoted = False
    else:
        return None
    words = [t for t in toks if t.text[:1].isalnum()]
    if not words or len(words) > MAX_REPEATED_NAME_WORDS or len(words) != len(toks):
        return None
    if not (words[0].text[:1].isupper() or words[0].text[:1].isdigit()):
        return None
    return words, is_quoted


def name_keys(tagged: Tagged, m: OrgMention) -> set[tuple[str, ...]]:
    """Keys that tell two mentions of one name, in any case: its nominative words, and the lemmas
    of the words it is written with («Хаббла» -> «хаббл»)."""
    keys = {tuple(plain(m.name).split())}
    found = name_tokens(tagged, m)
    if found:
        keys.add(tuple(t.lemma for t in found[0]))
        keys.add(tuple(plain(t.text) for t in found[0]))
    return keys


def named_in(keys: set[tuple[str, ...]], names: set[tuple[str, ...]]) -> bool:
    """Whether a mention's keys name one of `names`; a one-word name also in a case form the
    dictionary does not know («Хаббл» -> «Хаббла»)."""
    if keys & names:
        return True
    ones = [n[0] for n in names if len(n) == 1 and len(n[0]) >= 4]
    return any(len(k) == 1 and any(k[0].startswith(n) and len(k[0]) - len(n) <= 2 for n in ones) for k in keys)
