"""Noun-phrase reach shared by the post and organization rules: how far the dependents of a
head noun go («Тульской области», «ПАО «Северсталь»», «по научной работе», «в Республике
Беларусь», «промышленности и торговли»)."""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from functools import cache

from extractor.nlp.morph import UD_CASES, data_lines
from extractor.nlp.tagging import Tagged, Token

# how far the dependents of a head noun may reach: a long official name has about twenty words
MAX_DEPENDENT_TOKENS = 24
OPEN_QUOTES = frozenset("«„“\"")
DASHES = frozenset({"-", "–", "—"})
# what introduces the short name a text gives an organization: «(далее – МФЦ)», «(далее «Банк»)»
HEREAFTER_LEAD = r"далее\s*[–—-]?\s*"
PREP_CASES = {"по": ("Dat",), "в": ("Loc",), "во": ("Loc",), "при": ("Loc",), "от": ("Gen",), "на": ("Loc",)}
# «в» + these is a time or a circumstance («в июле», «в ходе»), not where a post is
NOT_PLACES = frozenset(
    "январе феврале марте апреле мае июне июле августе сентябре октябре ноябре декабре году годах "
    "месяце неделе время период ходе рамках течение связи целом итоге случае составе числе лице сфере части "
    "качестве отношении интересах пользу области рамках результате виде силу".split()
)
# the months by lemma and written short («15 окт.»): a day and a month after a head are a date (the
# closed class spelled here, as the nlp layer reads no lexicon file)
MONTHS = frozenset(
    "январь февраль март апрель май июнь июль август сентябрь октябрь ноябрь декабрь "
    "янв фев февр мар апр июн июл авг сен сент окт ноя нояб дек".split()
)
# participles used as posts govern the instrumental: «управляющий компанией», «заведующий кафедрой»
# the heads that take an instrumental («заведующая лабораторией»), in any gender and case
INS_HEADS = re.compile(
    r"(?:управляющ|заведующ|командующ|руководящ|возглавляющ)(?:ий|ая|его|ей|ему|им|ую|ем|ие|их|ими)"
    # and the nouns of managing something: «министра управления финансами», «управления делами»
    r"|управлени[еяюи]|управлением"
)
# a settlement's abbreviation before its name: «мэр г. Красноярска», «по г. Москве», «главы пос. Заречный»
SETTLEMENT_ABBREVIATIONS = frozenset({"г", "гор", "пос", "пгт"})


def declared_short_name(text: str, lemma: str) -> bool:
    """Whether the text declares the word of `lemma`, capitalized, as an organization's short name:
    «(далее — Комбинат)»; said again, it is that organization, no person nor a name of its own."""
    return re.search(rf"{HEREAFTER_LEAD}[«\"]?{re.escape(lemma.capitalize())}\b", text) is not None


def settlement_name_at(toks: list[Token], j: int, limit: int) -> int | None:
    """At «г.» before a capitalized name, the index of the name; None elsewhere."""
    if (
        j + 2 < limit and toks[j].text.lower() in SETTLEMENT_ABBREVIATIONS
        and toks[j + 1].text == "." and toks[j + 2].text[:1].isupper()
    ):
        return j + 2
    return None


# a municipality's own name in apposition, in the nominative whatever the case of the unit before
# it: «городского округа город Воронеж», «муниципального образования город Краснодар», «сельского
# поселения село Красное»
MUNICIPAL_UNITS = frozenset({"округ", "образование", "поселение", "район"})
SETTLEMENT_WORDS = frozenset({"город", "село", "поселок", "посёлок", "деревня", "станица", "аул", "хутор"})


def municipal_name_at(toks: list[Token], spans: NamedSpans, j: int, limit: int) -> int | None:
    """At «город» of «городского округа город Воронеж», the end of the settlement's name."""
    if not (
        0 < j and j + 1 < limit and toks[j].text.lower() in SETTLEMENT_WORDS
        and toks[j - 1].lemma in MUNICIPAL_UNITS and toks[j + 1].text[:1].isupper()
    ):
        return None
    k = j + 1
    if k in spans.named_end:
        return spans.named_end[k]
    while k < limit and toks[k].text[:1].isupper() and k not in spans.per_start:
        k += 1
        if k + 1 < limit and toks[k].text in DASHES and toks[k + 1].text[:1].isupper():
            k += 1  # «город Ростов-на-Дону» split by the tokenizer
    return k


# the words a town's name follows: «города Иванова», «г. Королёва»
TOWN_WORDS = frozenset({"города", "город", "городе", "г"})


def after_town_word(toks: list[Token], k: int) -> bool:
    """The word at k follows «города» or «г.» and the dictionary knows it as a place and no first
    name: a town's name, whatever surname it looks like («Администрации города Иванова Оксаны
    Лапиной»; not «заместитель главы города Сергей Романов»)."""
    j = k - 2 if k >= 2 and toks[k - 1].text == "." else k - 1
    grams = [p.tag.grammemes for p in toks[k].parses]
    if j < 0 or toks[j].text.lower() not in TOWN_WORDS or not any("Geox" in g for g in grams):
        return False
    # a town that is a first name too («города Владимира») when a first name and a patronymic
    # follow it: a person has one first name («... Владимира Роман Евгеньевич Коротков»)
    return not any("Name" in g for g in grams) or _first_name_and_patronymic(toks, k + 1)


def _first_name_and_patronymic(toks: list[Token], k: int) -> bool:
    if k + 1 >= len(toks) or not (toks[k].text[:1].isupper() and toks[k + 1].text[:1].isupper()):
        return False
    return any("Name" in p.tag.grammemes for p in toks[k].parses) and any(
        "Patr" in p.tag.grammemes for p in toks[k + 1].parses
    )


class NamedSpans:
    """Where ORG/LOC/PER spans start and end, by token index."""

    def __init__(self, tagged: Tagged) -> None:
        self.named_end: dict[int, int] = {}
        self.per_start: set[int] = set()
        self.per_end: dict[int, int] = {}  # a name's first token -> its end
        self.per_first: dict[int, int] = {}  # a name's end -> its first token
        self.loc_start: set[int] = {s.first for s in tagged.spans if s.type == "LOC"}
        toks = tagged.tokens
        org_starts: set[int] = set()
        for s in tagged.spans:
            if s.type == "PER":
                first = s.first
                if s.last - first > 1 and after_town_word(toks, first):
                    self.loc_start.add(first)  # «города Иванова | Оксаны Лапиной»: the town, then the person
                    self.named_end[first] = first + 1
                    first += 1
                self.per_start.add(first)
                self.per_end[first] = s.last
                self.per_first[s.last] = first
                continue
            last = s.last
            # natasha's ORG spans often stop before the closing quotes: take them in
            unclosed = sum(_quote_depth(t.text) for t in toks[s.first : s.last])
            while unclosed > 0 and last < len(toks) and toks[last].text in ("»", "»»", "“", '"'):
                unclosed += _quote_depth(toks[last].text)
                last += 1
            self.named_end[s.first] = max(self.named_end.get(s.first, 0), last)
            org_starts.add(s.first)
        # a region's double name, «Кемеровской области – Кузбасса», its second one word
        self._join_double_names(toks, self.loc_start, DASHES, lambda k: self.named_end.get(k) == k + 1)
        # a republic's body named in Russian and in its own language, «Государственного Собрания —
        # Курултая» (a dash, not a hyphen), its second capitalized
        self._join_double_names(toks, org_starts, ("—", "–"), lambda k: toks[k].text[:1].isupper())
        self.ends = frozenset(self.named_end.values())  # where named spans end

    def _join_double_names(
        self, toks: list[Token], starts: set[int], dashes: Collection[str], fits: Callable[[int], bool]
    ) -> None:
        """Two spans of one kind, a dash between them and the second in the first's case, that
        name one thing twice: the first one's span reaches over the second's."""
        for first in sorted(starts):
            end = self.named_end.get(first)
            if end is None or end + 1 >= len(toks) or toks[end].text not in dashes:
                continue
            second = end + 1
            if second in starts and case_of(toks[second]) == case_of(toks[end - 1]) and fits(second):
                self.named_end[first] = self.named_end[second]


def _quote_depth(text: str) -> int:
    """How many quotes a token opens (positive) or closes (negative): «, »», ..."""
    return text.count("«") + text.count("„") - text.count("»") - text.count("“")


def quote_end(tagged: Tagged, i: int, limit: int) -> int | None:
    """Index after the quote closing the one at token i, if it closes before `limit`; nested
    quotes («Завод «Октябрь»») count."""
    end = tagged.quote_closes.get(i)
    return end if end is not None and end <= limit else None


def case_of(tok: Token) -> str | None:
    return tok.feats.get("Case")


# the tagger reads some genitives as datives or locatives («директор компании» -> Dat); a noun
# takes no bare dative or locative, so after a head such a form is its genitive
MISREAD_GENITIVE = frozenset({"Dat", "Loc"})


def is_abbreviation(tok: Token) -> bool:
    """Capitals only, two letters at least: «ПАО», «ЖКХ», «СМИ»."""
    return tok.text.isupper() and tok.text.isalpha() and len(tok.text) >= 2


def sector_abbreviation(tagged: Tagged, spans: NamedSpans, k: int, limit: int) -> bool:
    """An abbreviation at token k that no named span starts at, followed by a place or a
    genitive: «ЖКХ» in «министерство энергетики и ЖКХ Нижегородской области»."""
    toks = tagged.tokens
    if k + 1 >= limit or k in spans.named_end:
        return False
    return is_abbreviation(toks[k]) and (k + 1 in spans.loc_start or _can_be_genitive(toks[k + 1]))


def _abbreviation_inside_a_list(toks: list[Token], k: int, limit: int) -> bool:
    """An abbreviation at token k that a comma or «и» follows, the list of genitives going on:
    «ЖКХ» in «строительства, ЖКХ и энергетики»."""
    return k + 2 < limit and is_abbreviation(toks[k]) and toks[k + 1].text in (",", "и") and toks[k + 2].text.islower()


def _genitive_by_dictionary(tok: Token) -> bool:
    return any(p.tag.case in UD_CASES["Gen"] for p in tok.parses)


def _can_be_genitive(tok: Token) -> bool:
    """Tagged a genitive, and a genitive by the dictionary too: the tagger guesses a case for
    a word it does not know («мэрия Казани и хокимият», an adjective in the genitive to it)."""
    return case_of(tok) == "Gen" and (not tok.parses or _genitive_by_dictionary(tok))


def dependent_genitive(tok: Token) -> bool:
    """A genitive dependent of the word before: tagged so, or a form the tagger read as a
    dative or locative that is also a genitive («компании», «области»)."""
    case = case_of(tok)
    return case == "Gen" or case in MISREAD_GENITIVE and _genitive_by_dictionary(tok)


# chain(tokens, j, limit) -> end of something that continues the phrase at j (a chained post)
Chain = Callable[[list[Token], int, int], int | None]


ALL_PREPS = frozenset(PREP_CASES)
# the words after «с» of the one legal form written with a preposition
LIMITED_LIABILITY = ("ограниченной", "ответственностью")
# organization names take «по» and «при» groups («Совет при Президенте РФ по развитию ...»);
# «в» says where or when («в Хьюстоне», «в японском МИДе», «во главе с», «в выступлении»: in
# NEREL train no «в» with a common noun our names took in was part of the gold name), «от»
# whose («от штата Аризона»), «на» where a post is («Посол Евросоюза на Южном Кавказе»)
ORG_PREPS = frozenset({"по", "при"})
# the nouns of a field «по ...» that govern «за» and what is overseen: «по надзору за», «по контролю за»
OVERSIGHT_NOUNS = frozenset({"надзор", "контроль", "наблюдение"})


# the words of one item of a coordinated list: «государственной поддержки предпринимательства»
MAX_LIST_ITEM_WORDS = 4


def _can_be_in(tok: Token, cases: tuple[str, ...]) -> bool:
    """The tagged case is one of `cases`, or a dictionary reading is («печати»: dative too)."""
    if case_of(tok) in cases:
        return True
    wanted = set().union(*(UD_CASES[c] for c in cases))
    return any(p.tag.case in wanted for p in tok.parses)


def _list_item_end(toks: list[Token], k: int, limit: int, cases: tuple[str, ...]) -> int:
    """The end of a run of lowercase nouns and adjectives in one of `cases` starting at k; an
    adjective of a place may be capitalized («по Челябинской и | Курганской областям»)."""
    start = k
    while (
        # «жилищно-коммунального» too
        k < limit and k - start < MAX_LIST_ITEM_WORDS and toks[k].text.replace("-", "").isalpha()
        and (toks[k].text.islower() or toks[k].pos == "ADJ" or _place_adjective(toks[k]))
        and (toks[k].pos in ("NOUN", "ADJ") or _participle(toks[k]) or _place_adjective(toks[k]))
        and _can_be_in(toks[k], cases)
        and toks[k].text.lower() not in SETTLEMENT_ABBREVIATIONS  # «администрации г. Иркутска»
    ):
        k += 1
    return k


def _place_adjective(tok: Token) -> bool:
    """A capitalized adjective of a place the tagger took for a proper noun: «по г. Салехарду, |
    Приуральскому и Шурышкарскому районам»."""
    return tok.pos == "PROPN" and tok.text[:1].isupper() and bool(tok.parses) and all(
        p.tag.POS == "ADJF" for p in tok.parses
    )


def _participle(tok: Token) -> bool:
    """A participle agreeing like an adjective: «окружающей среде»."""
    return tok.pos == "VERB" and tok.feats.get("VerbForm") == "Part"


def _lowercase_end(toks: list[Token], k: int, end: int) -> int:
    """The end of the lowercase words from k, before `end`."""
    while k < end and toks[k].text.islower():
        k += 1
    return k


def coordinated_list_end(toks: list[Token], j: int, limit: int, cases: tuple[str, ...]) -> int | None:
    """At a comma inside a dependent, the end of the coordinated list it continues, when the list
    closes with «и»: «промышленности, транспорта, связи и энергетики», «по национальной политике,
    внешним связям, печати и информации», «экономического, территориального развития и торговли»."""
    k = j
    while k < limit and toks[k].text in (",", "и"):
        closing = toks[k].text == "и"
        end = _list_item_end(toks, k + 1, limit, cases)
        if end == k + 1 and "Gen" in cases and k + 2 < limit and toks[k + 1].text == "по":
            # «министр культуры, по делам национальностей и архивного дела»: a «по» group in the list
            end = _list_item_end(toks, k + 2, limit, ("Dat",))
            end = _list_item_end(toks, end, limit, ("Gen",)) if end > k + 2 else k + 1
        if end == k + 1 and closing and k + 1 < limit and is_abbreviation(toks[k + 1]) and not (
            k + 2 < limit and toks[k + 2].text in OPEN_QUOTES
        ):
            # a field's abbreviation closing the list: «строительства, архитектуры и ЖКХ»; not a legal
            # form before a quoted name, another organization: «... по Самарской области и ООО «Волна»»
            end = k + 2
        if end == k + 1 and not closing and k + 2 < limit and is_abbreviation(toks[k + 1]) and (
            toks[k + 2].text in (",", "и")
        ):
            end = k + 2  # a field's abbreviation inside the list: «по строительству, ЖКХ и транспорту»
        if end > k + 1 and "Gen" not in cases and toks[end - 1].pos == "NOUN":
            end = _list_item_end(toks, end, limit, ("Gen",))  # an item's genitive: «охране труда»
        if end == k + 1 and closing and "Gen" not in cases and case_of(toks[k - 1]) == "Gen":
            # «по промышленной политике, развитию предпринимательства и торговли»: «и» joins the
            # last item's genitives, which close the list (up to a place's capitalized adjective)
            end = _lowercase_end(toks, k + 1, _list_item_end(toks, k + 1, limit, ("Gen",)))
            return end if end > k + 1 else None
        if end == k + 1:
            return None
        end = past_partner(toks, end, limit)  # «образования, культуры и работы | с молодежью»
        if closing:
            return end
        k = end
    return None


def _past_field_genitive_list(toks: list[Token], k: int, limit: int, want: tuple[str, ...]) -> int:
    """A field's genitive, then a second field after «и» or a list of them after a comma: «по делам
    молодежи | и социальным коммуникациям», «по делам молодежи |, физической культуре и спорту»;
    else k."""
    g = k
    while g < limit and toks[g].text.islower() and toks[g].pos in ("NOUN", "ADJ") and case_of(toks[g]) == "Gen":
        g += 1
    if g > k and g < limit and toks[g].text == ",":
        return coordinated_list_end(toks, g, limit, want) or k
    if g == k or g >= limit or toks[g].text != "и":
        return k
    end = _list_item_end(toks, g + 1, limit, want)
    return end if end > g + 1 and toks[end - 1].pos == "NOUN" else k


# possessive pronouns that do not decline («крови и ее компонентов»), and the genders (or the
# number) of what each stands for, as the tagger names them
POSSESSIVE_GENDERS = {"его": ("Masc", "Neut"), "её": ("Fem",), "ее": ("Fem",), "их": ("Plur",)}
POSSESSIVES = frozenset(POSSESSIVE_GENDERS)


def object_of_the_verb_before(toks: list[Token], k: int) -> bool:
    """«его», «её», «их» at k right after a verb is its object, not a possessive, unless a word it
    could own follows in a case other than the instrumental: «назначило его директором», «освободил
    её от должности»; not «подписал его заместитель», «прекратить его полномочия»."""
    if k == 0 or toks[k - 1].pos not in ("VERB", "AUX"):
        return False
    nxt = toks[k + 1] if k + 1 < len(toks) else None
    return nxt is None or nxt.pos not in ("NOUN", "ADJ") or nxt.case == "Ins"


def _possessive_before_genitive(toks: list[Token], j: int, limit: int) -> bool:
    """«и» at j joining two genitive nouns, a possessive before the second: «заготовки крови и ее
    компонентов» (not «певец и его подруги»: the first is no genitive)."""
    k = j + 1
    return (
        j > 0 and toks[j - 1].pos == "NOUN" and toks[j - 1].text.islower() and case_of(toks[j - 1]) == "Gen"
        and toks[k].text.lower() in POSSESSIVES and k + 1 < limit and toks[k + 1].text.islower()
        and toks[k + 1].pos == "NOUN" and case_of(toks[k + 1]) == "Gen"
    )


def _after_name(tagged: Tagged, spans: NamedSpans, j: int) -> bool:
    """Token j follows the end of a named span or of a quoted name."""
    return j in spans.ends or tagged.tokens[j - 1].text in ("»", '"', "“", "”")


@cache
def partner_nouns() -> frozenset[str]:
    return frozenset(data_lines("partner_nouns.txt"))


def past_instrumental_partner(toks: list[Token], k: int, limit: int) -> int:
    """Past «с» / «со» at k and the instrumental phrase after it («с молодежью», «с малым и средним
    бизнесом», «со СМИ»); k when no instrumental follows."""
    if not (k + 1 < limit and toks[k].text.lower() in ("с", "со") and _instrumental(toks[k + 1])):
        return k
    k += 1
    while k < limit and (
        toks[k].pos in ("NOUN", "ADJ", "PROPN") and _instrumental(toks[k])
        or toks[k].text == "и" and k + 1 < limit and case_of(toks[k + 1]) == "Ins"  # «с малым и средним»
    ):
        k += 1
    return k


def past_partner(toks: list[Token], k: int, limit: int) -> int:
    """The partner of a field noun of partner_nouns.txt ending at k («связей | с общественностью»,
    «работы | с молодежью»), or what a noun of oversight oversees («надзора | за долевым
    строительством», «по контролю | за оборотом»: past «за» whatever case the tagger gives the
    next word); else k."""
    if k == 0:
        return k
    if toks[k - 1].lemma in OVERSIGHT_NOUNS and k + 1 < limit and toks[k].text.lower() == "за":
        end = k + 1
        # a participle agrees as an adjective does: «контроля за аккредитованными лицами»; «и» joins
        # two of them: «по контролю за алкогольным и табачным рынками»
        while end < limit and (
            _nominal_or_participle(toks[end]) and _instrumental(toks[end])
            or toks[end].text == "и" and end + 1 < limit and case_of(toks[end + 1]) == "Ins"
        ):
            end += 1
        return end
    if toks[k - 1].lemma not in partner_nouns() or not toks[k - 1].text.islower():
        return k
    return past_instrumental_partner(toks, k, limit)


def _nominal_or_participle(tok: Token) -> bool:
    return tok.pos in ("NOUN", "ADJ", "PROPN") or tok.feats.get("VerbForm") == "Part"


def _instrumental(tok: Token) -> bool:
    """A word in the instrumental, or an abbreviation that does not decline («со СМИ»)."""
    return case_of(tok) == "Ins" or is_abbreviation(tok)


def object_of_action(toks: list[Token], k: int) -> bool:
    """An instrumental object after a noun of action in the dative, in a «по» group: «по
    управлению | муниципальным имуществом», «по руководству | проектами»."""
    tok = toks[k]
    if case_of(tok) != "Ins" or tok.pos not in ("NOUN", "ADJ") or not tok.text.islower():
        return False
    before = toks[k - 1]
    return (before.pos == "NOUN" and case_of(before) == "Dat") or (case_of(before) == "Ins" and before.text.islower())


# «имени», «им.» and the title after them: «имени академика», «им. Героя Советского Союза»
DEDICATION_WORDS = frozenset({"имени", "им"})
MAX_DEDICATION_TITLE_WORDS = 3  # «Героя Советского Союза»


def after_dedication(toks: list[Token], k: int) -> bool:
    """Token k follows «имени» / «им.», maybe past a title: the name of the one a body is named after."""
    j = k - 1
    if j >= 0 and toks[j].text == ".":
        j -= 1
    for _ in range(MAX_DEDICATION_TITLE_WORDS + 1):
        if j < 0:
            return False
        if toks[j].text.lower() in DEDICATION_WORDS:
            return True
        before = toks[j - 1].text if j > 0 else ""
        if not (toks[j].text.isalpha() and (toks[j].text.islower() or before.istitle() or before.islower())):
            # a lowercase title, or a capitalized one after another or after a lowercase one
            # («Героя Советского Союза», «первого Президента России»)
            return False
        j -= 1
    return False


# nouns whose object is in the dative: «помощь взрослому населению», «поддержка малому бизнесу»
DATIVE_HEADS = frozenset({"помощь", "поддержка", "содействие"})


def _dative_phrase_end(toks: list[Token], j: int, limit: int) -> int:
    """The end of a lowercase dative noun with its adjectives from token j; j when none is there."""
    k = j
    while k < limit and toks[k].pos == "ADJ" and toks[k].text.islower() and case_of(toks[k]) == "Dat":
        k += 1
    if k < limit and toks[k].pos == "NOUN" and toks[k].text.islower() and case_of(toks[k]) == "Dat":
        return k + 1
    return j


def _governed_instrumental(toks: list[Token], j: int) -> bool:
    """An instrumental at token j that a head of INS_HEADS governs, right before it or past the
    adjectives of the noun («управляющий Вологодским | филиалом», whose place adjective the model
    marks as a name of its own)."""
    if case_of(toks[j]) != "Ins":
        return False
    k = j - 1
    # the head may be tagged an adjective in the instrumental itself («Заведующей лабораторией»):
    # the walk stops at it
    while (
        k > 0 and toks[k].pos == "ADJ" and case_of(toks[k]) == "Ins" and toks[j].pos == "NOUN"
        and INS_HEADS.fullmatch(toks[k].text.lower()) is None
    ):
        k -= 1
    return INS_HEADS.fullmatch(toks[k].text.lower()) is not None


# the nouns of a field a post, a department or a cooperation works in: «в сфере водоснабжения»,
# «в области культуры» (lemmas)
FIELD_NOUNS = frozenset({"сфера", "область"})


def _genitive_of_a_field(tok: Token) -> bool:
    """A noun or adjective in the genitive; a participle agrees as an adjective does: «в сфере охраны |
    окружающей среды»."""
    return (tok.pos in ("NOUN", "ADJ") or _participle(tok)) and case_of(tok) == "Gen"


def field_end(toks: list[Token], k: int, limit: int) -> int | None:
    """The end of a field at k: «сфере» or «области» and the lower-case genitives after it
    («в сфере | жилищно-коммунального хозяйства»); None when no genitive follows («в области», the region)."""
    if toks[k].lemma not in FIELD_NOUNS or not toks[k].text.islower():
        return None
    end = k + 1
    while end < limit and toks[end].text.islower() and _genitive_of_a_field(toks[end]):
        end += 1
    if end == k + 1 or toks[end - 1].pos != "NOUN":
        return None
    if end < limit and toks[end].text in (",", "и"):
        end = coordinated_list_end(toks, end, limit, ("Gen",)) or end
    return end


def _past_list_the_model_cut(toks: list[Token], j: int, limit: int, first: int) -> int:
    """A name the model ended on an adjective at a comma of a list of adjectives: «Федеральной
    службы по экологическому | , технологическому и атомному надзору» goes on to the list's noun;
    one ended inside a list of fields after «по» goes on to its last: «Комитета по культуре,
    спорту | и работе с молодежью»."""
    if not (0 < j < limit) or toks[j].text not in (",", "и"):
        return j
    if _field_list_cut(toks, j, first):
        return coordinated_list_end(toks, j, limit, ("Dat",)) or j
    if toks[j - 1].pos != "ADJ" or not toks[j - 1].text.islower():
        return j
    case = case_of(toks[j - 1])
    end = coordinated_list_end(toks, j, limit, (case,)) if case is not None else None
    return end if end is not None and toks[end - 1].pos == "NOUN" else j


def _field_list_cut(toks: list[Token], j: int, first: int) -> bool:
    """The name from `first` to j ends in a lowercase noun in the dative of a field after «по»."""
    last = toks[j - 1]
    return (
        last.pos == "NOUN" and last.text.islower() and case_of(last) == "Dat"
        and any(t.text.lower() == "по" for t in toks[first : j - 1])
    )


def _nominative_adjective(tok: Token) -> bool:
    """A capitalized adjective opening an organization's name that can only be a nominative (or
    its like accusative): «Арбитражный суд», no dependent of the noun before it."""
    if tok.pos != "ADJ" or not tok.text[:1].isupper() or not tok.text[1:].islower():
        return False
    found = [p for p in tok.parses if p.tag.POS in ("ADJF", "PRTF")]
    return bool(found) and all(p.tag.case in ("nomn", "accs") for p in found)


def _day_and_month(toks: list[Token], j: int, limit: int) -> bool:
    """A day of the month opens at j: «15 октября», «15 окт.»."""
    if j + 1 >= limit or not toks[j].text.isdigit() or len(toks[j].text) > 2:
        return False
    month = toks[j + 1]
    return month.lemma in MONTHS or month.text.lower() in MONTHS


def extend_dependents(
    tagged: Tagged, spans: NamedSpans, j: int, limit: int, chain: Chain | None = None,
    preps: frozenset[str] = ALL_PREPS, name_lists: bool = False,
) -> int:
    """How far the dependents of a head reach from token j (exclusive end); with `name_lists`, a
    list of names too («топ-менеджер Citigroup и Bank of America»: a post's, not a name's own)."""
    toks = tagged.tokens
    start = j
    while j < limit and j - start < MAX_DEPENDENT_TOKENS:
        tok = toks[j]
        text = tok.text
        if _day_and_month(toks, j, limit):
            break  # «назначен министром 15 октября»: when, not whose
        if j in spans.per_start:
            if not after_dedication(toks, j) and text.lower() not in DEDICATION_WORDS:
                break  # (the model may take «им.» into the span of the one named: «СГУ | им. Н. Г. Чернышевского»)
            j = spans.per_end[j]  # «институт имени профессора А. Н. Сысина»: the one it is named after
            continue
        if j in spans.named_end and j not in spans.loc_start and _nominative_adjective(toks[j]):
            break  # «По заявлению Управления | Арбитражный суд ... аннулировал»: the next clause's subject
        if j in spans.named_end:
            end = spans.named_end[j]
            # a name the model cut inside its quotes: «ФГБУ «Администрация портов | Белого моря»»
            opened = next((k for k in range(j, end) if toks[k].text in OPEN_QUOTES), None)
            closed = quote_end(tagged, opened, limit) if opened is not None else None
            first, j = j, min(limit, closed if closed is not None and closed > end else end)  # a span may run past it
            j = _past_list_the_model_cut(toks, j, limit, first)
            if toks[j - 1].text.lower() == "за":  # the model cut «по контролю за | алкогольным рынком»
                j = past_partner(toks, j - 1, limit)
            continue
        if text in OPEN_QUOTES:
            q = quote_end(tagged, j, limit)
            if q is None:
                break
            j = q
            continue
        if is_abbreviation(toks[j]):  # ПАО, МГУ, РФ
            j += 1
            continue
        if text == "и" and j > start and toks[j - 1].text.islower() and case_of(toks[j - 1]) == "Gen" and (
            j + 2 == limit and is_abbreviation(toks[j + 1]) or sector_abbreviation(tagged, spans, j + 1, limit)
        ):
            j += 2  # «по вопросам строительства и ЖКХ»: a sector written short closes a list of genitives
            continue
        if len(text) == 1 and text.isupper() and j + 2 < limit and toks[j + 1].text == "." and (
            toks[j + 2].text[:1].isupper()
        ):
            j += 2  # an initial: «имени академика И. Э. Грабаря» (where a person starts, names end)
            continue
        if text == "№" and j + 1 < limit and toks[j + 1].text[:1].isdigit():  # «больницы № 1»
            j += 2
            continue
        name = settlement_name_at(toks, j, limit)
        if name is not None:
            j = name
            continue
        town = municipal_name_at(toks, spans, j, limit)
        if town is not None:
            j = town
            continue
        if chain is not None:
            k = chain(toks, j, limit)
            if k is not None:
                # a place begun inside the chained post goes on past it: «Главы | Республики Карелия»
                j = min(limit, max((e for s, e in spans.named_end.items() if s < k < e), default=k))
                continue
        low = text.lower()
        if text == "(" and j + 2 < limit and toks[j + 2].text == ")" and toks[j + 1].pos == "ADJ" and (
            toks[j + 1].text.islower()
        ):
            j += 3  # «крестьянского (фермерского) хозяйства»: an adjective in brackets goes on the phrase
            continue
        if low == "с" and tuple(t.text.lower() for t in toks[j + 1 : j + 3]) == LIMITED_LIABILITY:
            j += 3  # «общества с ограниченной ответственностью «...»»: a legal form written out
            continue
        if low in ("в", "во") and "по" in preps and j > 0 and toks[j - 1].lemma in OVERSIGHT_NOUNS and (
            field := field_end(toks, j + 1, limit)
        ) is not None:
            j = field  # «Служба по надзору в сфере образования»: the field of an oversight, in the genitive
            continue
        if low in preps and j + 1 < limit:
            want = PREP_CASES[low]
            k = settlement_name_at(toks, j + 1, limit) or j + 1
            if k > j + 1:
                # «по г. Находка»: after «г.» a town's name may stand in the nominative
                while k < limit and toks[k].text[:1].isupper() and k not in spans.per_start:
                    k = spans.named_end.get(k, k + 1)
            if k < limit and toks[k].text in OPEN_QUOTES:  # «депутат от «Справедливой России»»
                k = quote_end(tagged, k, limit) or k
            while k < limit and k not in spans.per_start and (
                k in spans.named_end
                or (toks[k].pos in ("NOUN", "PROPN", "ADJ") and case_of(toks[k]) in want)
                or (low == "по" and object_of_action(toks, k))
            ):
                if k > j + 1 and k in spans.ends and toks[k].text.islower() and toks[k].pos == "NOUN":
                    break  # «по Свердловской области | порталу»: a place closes the group; the noun is the verb's
                k = spans.named_end.get(k, k + 1)
            if k < limit and toks[k].text in (",", "и") and k > j + 1:
                # «по бюджету, налогам и финансам», «по экономике и финансам»
                k = coordinated_list_end(toks, k, limit, want) or k
            elif low == "по" and k > j + 1:
                k = _past_field_genitive_list(toks, k, limit, want)
            if low == "по" and k + 1 < limit and toks[k].text == "и" and k + 1 in spans.loc_start and any(
                i in spans.loc_start for i in range(j + 1, k)
            ):
                k = spans.named_end.get(k + 1, k + 2)  # «по Республике Хакасия и Тыве»: a second place
            # «по связям с общественностью», «по работе с молодёжью», «по взаимодействию со СМИ»
            if low == "по" and (partner := past_instrumental_partner(toks, k, limit)) > k:
                k = partner
                if k < limit and toks[k].text in (",", "и"):  # «по связям с общественностью и взаимодействию со СМИ»
                    k = coordinated_list_end(toks, k, limit, want) or k
            # «по надзору за объектами нефтегазового комплекса», «по контролю за оборотом»: what is
            # overseen, in the instrumental
            if low == "по":
                k = past_partner(toks, k, limit)
            # «в сфере водоснабжения», «в области здравоохранения»: a field, in the genitive
            if low in ("в", "во") and (field := field_end(toks, j + 1, limit)) is not None:
                j = field
                continue
            # «в» takes a place or organization («в Республике Беларусь», «в округе»), not a time
            if low in ("в", "во") and toks[j + 1].text.lower() in NOT_PLACES:
                break
            if low == "на" and j + 1 not in spans.named_end and toks[j + 1].text.lower() in NOT_PLACES:
                break  # «на посту», «на время»: not where a post is
            if k == j + 1:
                break
            j = extend_dependents(tagged, spans, k, limit, chain, preps, name_lists) if k < limit else k
            break
        # «Citigroup и Bank of America», «Реала» и «Ювентуса»: a name after «и» right after a name
        if name_lists and low == "и" and j + 1 < limit and j > start and _after_name(tagged, spans, j) and (
            j + 1 in spans.named_end or toks[j + 1].text in OPEN_QUOTES
        ):
            j += 1
            continue
        # «Администрации Губернатора и Правительства Курской области»: a capitalized genitive noun
        # after «и» right after a name is a second body of an official title
        if name_lists and low == "и" and j + 1 < limit and j > start and _after_name(tagged, spans, j) and (
            j + 1 not in spans.per_start and toks[j + 1].text[:1].isupper() and toks[j + 1].text[1:].islower()
            and toks[j + 1].pos in ("NOUN", "PROPN") and case_of(toks[j + 1]) == "Gen"
        ):
            j += 1
            continue
        # «энергетики и ЖКХ Нижегородской области»: a sector's abbreviation inside the name, not
        # a name of its own (that the model would have marked), the name going on after it
        if low == "и" and j > start and sector_abbreviation(tagged, spans, j + 1, limit):
            j += 2
            continue
        # «промышленности и торговли»; a capital after «и» starts another name
        if low == "и" and j + 1 < limit and j + 1 not in spans.per_start and toks[j + 1].text.islower() and (
            # a participle too: «сельского хозяйства и перерабатывающей промышленности»
            _can_be_genitive(toks[j + 1]) and (toks[j + 1].pos in ("NOUN", "ADJ", "PROPN") or toks[j + 1].is_participle
                                               or j > start and _possessive_before_genitive(toks, j, limit))
        ):
            # past a possessive only inside the dependents, not right after the head («певца и его подруги»)
            j += 2 if j > start and _possessive_before_genitive(toks, j, limit) else 1
            continue
        if tok.is_participle and j + 1 < limit and toks[j + 1].pos == "NOUN" and case_of(toks[j + 1]) == "Acc":
            break  # a participle with its object is a clause of its own: «Думы города | исполняющей обязанности»
        if (tok.pos in ("NOUN", "PROPN", "ADJ", "DET", "NUM") or tok.is_participle) and dependent_genitive(tok):
            j += 1  # a participle is an adjective here: «объединённого комитета»
            continue
        if j > start and (partner := past_partner(toks, j, limit)) > j:
            j = partner  # «отдела связей | с общественностью»
            continue
        # a list of genitives after a comma («министр строительства, архитектуры и ...»), right after
        # the head too, unless another post follows, there or past the head's dependents («писателя,
        # актёра Василия Шукшина», «заместителя губернатора области, директора департамента ...»)
        # (a capital after the comma starts another name: «министерства ... Свердловской области, |
        # Красноуфимского колледжа и АО ...»), but for a sector's abbreviation inside the list
        # («министр строительства, ЖКХ и энергетики»)
        if text == "," and j > 0 and not (chain and chain(toks, j + 1, limit)) and (
            case_of(toks[j - 1]) == "Gen" and toks[j - 1].text.islower()
        ) and not (
            j + 1 < limit and toks[j + 1].text[:1].isupper() and not _abbreviation_inside_a_list(toks, j + 1, limit)
        ):
            end = coordinated_list_end(toks, j, limit, ("Gen",))
            if end is not None:
                j = end
                continue
        if j > 0 and toks[j - 1].lemma in DATIVE_HEADS and (end := _dative_phrase_end(toks, j, limit)) > j:
            j = end  # «отдела организации медицинской помощи | взрослому населению»
            continue
        if j > 0 and _governed_instrumental(toks, j):
            j += 1  # «управляющий компанией FaceCash»
            # its adjectives first: «заведующий хирургическим отделением»
            while j < limit and toks[j - 1].pos == "ADJ" and toks[j].text.islower() and case_of(toks[j]) == "Ins":
                j += 1
            continue
        if text[:1].isascii() and text[:1].isalnum():  # Latin names: «проекта Mushroom works»
            j += 1
            continue
        if tok.pos == "ADJ" and case_of(tok) is None and "-" in text:  # «военно-промышленного»
            j += 1
            continue
        break
    return j
