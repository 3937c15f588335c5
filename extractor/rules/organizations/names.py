"""An organization mention and its name: quotes and legal forms off, the kind, and when two
names are one organization."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import cache, lru_cache

from extractor.lexicon.orgs import (
    QUOTE_CHARS,
    known_abbrevs,
    known_full_names,
    legal_forms,
    org_heads,
    plain,
    territory_nouns,
    unit_heads,
)
from extractor.lexicon.places import place_key, region_nicknames
from extractor.lexicon.posts import post_lexicon
from extractor.nlp.morph import in_dictionary, parses, phrase_lemmas
from extractor.nlp.phrases import OPEN_QUOTES
from extractor.nlp.tagging import is_ministry_short_name, is_regional_office, is_supervisory_service

# a name that took its short name in brackets in, one word or a few: «(МГУ)», «(ИХУ СО РАН)»
PAREN_ABBR = re.compile(r"^(.+?)\s*\(\s*([A-ZА-ЯЁ][A-ZА-ЯЁа-яё.\-]{1,19}(?:\s[А-ЯЁ][А-ЯЁа-яё]{0,6}[А-ЯЁ]){0,3})\s*\)?$")
# ... or an abbreviation and its place: «(ТФОМС Ростовской области)», «(УФНС России по Приморскому краю)»
PAREN_ABBR_PLACE = re.compile(
    r"^(.+?)\s*\(\s*([A-ZА-ЯЁ]{2,}[A-ZА-ЯЁа-яё\-]*(?:\s(?:по|[А-ЯЁ][а-яё\-]+|[а-яё\-]+)){1,4})\s*\)?$"
)

# ... or a few words with an abbreviation among them: «(Азово-Черноморское ТУ Росрыболовства)»
PAREN_WORDS_WITH_ABBR = re.compile(r"^(.+?)\s*\(\s*((?=[A-ZА-ЯЁ])[^()]{0,60}?\b[A-ZА-ЯЁ]{2,}\b[^()]{0,60}?)\s*\)$")


# brackets opening with a capitalized word before a quoted short name: «(Ассоциация «СибКожОбувь»)»
BRACKET_WITH_HEAD = re.compile(r"\s*\(\s*([А-ЯЁ][а-яё]+)\s+(?=[«\"])")


def head_again_in_brackets(text: str, at: int, name: str) -> int | None:
    """Where the quoted short name opens, when the brackets at offset `at` open with the name's own
    head again before it: «Ассоциация производителей ... (Ассоциация «СибКожОбувь»)»; else None."""
    bracket = BRACKET_WITH_HEAD.match(text, at)
    if bracket is None or not name or phrase_lemmas(bracket.group(1)) != phrase_lemmas(name.split()[0]):
        return None
    return bracket.end()


def bracketed_short_name(name: str) -> re.Match[str] | None:
    """A name and its short name in brackets at its end (groups 1 and 2): «СПбГУ», «ТФОМС Ростовской
    области», «Азово-Черноморское ТУ Росрыболовства»."""
    return PAREN_ABBR.match(name) or PAREN_ABBR_PLACE.match(name) or PAREN_WORDS_WITH_ABBR.match(name)


LATIN_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9&.\-']*$")


# names compared and looked up, kept: merging compares every mention with every organization
NAME_CACHE = 100_000


@dataclass(frozen=True)
class OrgMention:
    start: int
    end: int
    name: str  # nominative, no legal form, no outer quotes
    legal_form: str | None
    kind: str | None  # None: not known from this mention
    alias: str | None = None  # «Московский государственный университет (МГУ)» gives «МГУ»
    parent: OrgMention | None = None  # an organization named inside this one's name
    kind_guessed: bool = False  # the kind is a guess («Яблоко» in quotes alone reads as a company)


# «Министерство ... РФ», «... России», «... Российской Федерации» name one body
COUNTRY_SPELLINGS = {"рф": "российской федерации", "россии": "российской федерации"}


@lru_cache(maxsize=NAME_CACHE)
def _country_plain(s: str) -> str:
    words = plain(s).split()
    return " ".join(COUNTRY_SPELLINGS.get(w, w) for w in words)


def strip_quotes(s: str) -> str:
    """Outer quotes off: «Кидма тек» -> Кидма тек; «Завод «Октябрь»» -> Завод «Октябрь»."""
    s = s.strip()
    while len(s) >= 2 and s[0] in OPEN_QUOTES and s[-1] in QUOTE_CHARS:
        inner = s[1:-1]
        if inner.count("«") != inner.count("»"):
            # «Завод «Октябрь»» ends with two closers; only strip a matched pair
            break
        s = inner.strip()
    if s[:1] in OPEN_QUOTES and s.count("«") == s.count("»") + 1 - 1 and s.endswith("»»"):
        s = s[1:-1]
    if s[:1] == "«" and s.count("«") == s.count("»") + 1:
        s = s[1:].strip()  # «Агрохолдинг «Степной»: a nested name typed with one closing quote
    return s


def strip_legal_form(name: str) -> str:
    """«ОАО «Кидма тек»» -> «Кидма тек»: the bare name, as organizations are named."""
    m = legal_forms().abbreviation.match(name)
    rest = name[m.end() :].strip() if m else name
    return strip_quotes(rest) or name


def tidy(s: str) -> str:
    return " ".join(s.split())


def org_kind(m: OrgMention) -> str:
    return m.kind or lexicon_kind(m.name) or "other"


# a known short name with a place after it: «МИД Казахстана», «Газпром трансгаз Москва»
MAX_OWNER_NAME_WORDS = 3


ABBREVIATION_WORD = re.compile(r"[А-ЯЁ]{2,6}")


def lexicon_kind(name: str) -> str | None:
    """The kind the lexicon gives a name, its country after it too («Минобрнауки РФ»), or its
    first word when that is a known short name and a place or a branch follows («МИД
    Казахстана»): the lexicon knows better than a head noun («Банк России» is an authority)."""
    known = known_short_name(name)
    if known is None and (full := known_full_names().get(plain(name))):
        return full  # «Фонд пенсионного и социального страхования Российской Федерации», written out
    words = name.split()
    # not before a quoted name: there the letters describe it («СК «Южный полис»» is an insurer, no
    # «Следственный комитет»)
    described = len(words) > 1 and words[1][:1] in OPEN_QUOTES
    if known is None and 1 < len(words) <= MAX_OWNER_NAME_WORDS and len(words[0]) > 1 and not described:
        known = known_abbrevs().get(words[0].lower())
    if known is None and 1 < len(words) and all(ABBREVIATION_WORD.fullmatch(w) for w in words):
        known = known_abbrevs().get(words[-1].lower())  # «ГУ МЧС»: an office of МЧС is of its kind
    if known is None and len(words) <= MAX_OWNER_NAME_WORDS and any(_office_of_an_authority(w) for w in words):
        return "authority"  # «Курское УФАС России», «Тверское УФНС»: a territorial office of a federal body
    if known is None and len(words) == 1 and is_regional_office(name):
        return "authority"  # «Челябинскстат», «Иркутскнедра»: a regional office of Rosstat, Rosnedra
    if known is None and words and is_ministry_short_name(words[0]):
        return "authority"  # «Минпромэнерго Чувашии»: a regional ministry
    return known[1] if known else None


# the letters a territorial office of a federal body puts before the body's: «УФАС», «ГУ МЧС», «МРУ»
OFFICE_LETTERS = ("МРУ", "ГУ", "ТУ", "У")


def _office_of_an_authority(word: str) -> bool:
    """«УФАС», «УФНС», «ГУФССП»: an office's letters and a federal authority's abbreviation."""
    if not word.isupper():
        return False
    for letters in OFFICE_LETTERS:
        rest = word[len(letters) :]
        known = known_abbrevs().get(rest.lower()) if word.startswith(letters) and len(rest) >= 2 else None
        if known is not None and known[1] == "authority":
            return True
    return False


def is_short_body_name(word: str) -> bool:
    """A ministry's or a state body's one-word short name, which takes the place after it in:
    «Минздрав Чувашии», «МИД Казахстана» are no «Минздрав», «МИД» of Russia."""
    known = known_abbrevs().get(word.lower())
    return is_ministry_short_name(word) or (known is not None and known[1] == "authority" and word.isupper())


def is_abbreviation(word: str) -> bool:
    """An organization's abbreviation (BRACKET_ACRONYM: three capitals or more): «УФПС» of «УФПС
    Тульской области», «ТФОМС», «ТПП»; not «СК»."""
    return BRACKET_ACRONYM.fullmatch(word) is not None


def acronym(name: str) -> str:
    """«Московский государственный университет» -> «МГУ» (words of 3+ letters)."""
    words = re.findall(r"[А-ЯЁA-Zа-яёa-z]+", name)
    return "".join(w[0] for w in words if len(w) > 2).upper()


# the letters a word may give a short name: «Ур» of «Уральского» in «УрО РАН»
MAX_LETTERS_OF_A_WORD = 3


def spells(short: str, name: str) -> bool:
    """Whether a short name spells a name: each word of three letters or more gives it one
    letter or a few, in order; shorter words («и», «по») may give none: «ИФМ УрО РАН» spells
    «Институт физики металлов Уральского отделения Российской академии наук»."""
    letters = "".join(short.split()).lower()
    words = [w.lower() for w in re.findall(r"[А-ЯЁA-Zа-яёa-z]+", name)]

    @cache
    def rest(i: int, w: int) -> bool:
        if w == len(words):
            return i == len(letters)
        word = words[w]
        if len(word) <= 2 and rest(i, w + 1):
            return True
        longest = min(len(word), len(letters) - i, MAX_LETTERS_OF_A_WORD)
        return any(letters[i : i + n] == word[:n] and rest(i + n, w + 1) for n in range(1, longest + 1))

    return bool(letters) and rest(0, 0)


@lru_cache(maxsize=NAME_CACHE)
def _territory_noun(word: str) -> bool:
    """«области», «края», «района»: a word of a territory's name."""
    return any(p.normal_form in territory_nouns() for p in parses(word.lower()))


# a regional statistics office written out: «Управление Федеральной службы государственной статистики
# по Свердловской области (и Курганской области)», «Территориальный орган ... по Республике Татарстан»
STATISTICS_SPELLED = re.compile(
    r"(?:управление|территориальный орган)\s+федеральной службы государственной статистики\s+по\s+"
    r"(?:(?:республике|городу|г\.)\s+)?(?P<place>[а-яё-]+)", re.IGNORECASE,
)
# the fewest letters of a statistics office's stem («Мос» of «Мосстат»)
STATISTICS_STEM = 3


def _statistics_office_spelled(short: str, name: str) -> bool:
    """«Свердловскстат» of «Управление Федеральной службы государственной статистики по Свердловской
    области», «Пермьстат» of «... по Пермскому краю»: the place starts with the office's stem."""
    m = STATISTICS_SPELLED.match(name)
    if m is None or not is_regional_office(short):
        return False
    stem = re.sub(r"стат[а-яё]*$", "", short.lower()).rstrip("ь")
    place = m.group("place").lower()
    if len(stem) < STATISTICS_STEM:
        return False
    # «Калугастат» of «... по Калужской области», «Вологдастат» of «... по Вологодской области»: the
    # adjective of the place changes the stem's last consonant or puts a vowel before it
    return place.startswith(stem) or _alternate_stem(stem.rstrip("аяоеи"), place) or (
        len(os.path.commonprefix([stem, place])) >= STATISTICS_SHARED_LETTERS
    )


# letters a place's adjective shares with a statistics office's stem it changes: «волог» of «Вологдастат»
STATISTICS_SHARED_LETTERS = 5
# consonants and what they turn into in a place's adjective: «Калуга» -> «калужская»
CONSONANT_ALTERNATIONS = {"г": "ж", "к": "ч", "х": "ш", "д": "ж", "т": "ч", "ц": "ч"}


def _alternate_stem(stem: str, place: str) -> bool:
    """The place starts with the stem, its last consonant alternated: «калуг» of «калужской»."""
    if len(stem) < STATISTICS_STEM + 1 or stem[-1] not in CONSONANT_ALTERNATIONS:
        return False
    return place.startswith(stem[:-1] + CONSONANT_ALTERNATIONS[stem[-1]])


# an institution's head and number, and what follows: «поликлиника № 8», «школа № 1 махачкалы»
NUMBERED = re.compile(r"(\w+) ?№ ?(\d+[а-яa-z]?)\b ?(.*)$")


def _same_numbered(a: str, b: str) -> bool:
    """«Городская поликлиника № 8» and «тверская поликлиника № 8»: one head and number, the
    adjectives told otherwise; a place after the number must not differ."""
    ma, mb = NUMBERED.search(a), NUMBERED.search(b)
    if ma is None or mb is None or ma.group(2) != mb.group(2) or _stem(ma.group(1)) != _stem(mb.group(1)):
        return False
    return not ma.group(3) or not mb.group(3) or _stems(ma.group(3)) == _stems(mb.group(3))


def same_org(a: str, b: str) -> bool:
    """Two names of one organization: equal (a country written either way, case forms of its
    words, one typo in a long word), a name and its own short forms (`is_short_form`), two short
    forms of one lexicon entry («Минпромторг», «Минпромторг России»), or a name of three words or
    more with its country after it («Уральский федеральный университет России»)."""
    pa, pb = _country_plain(a), _country_plain(b)
    if pa == pb or _same_stems(pa, pb) or _one_typo(pa, pb):
        return True
    sa, sb = _spelled_out(a), _spelled_out(b)
    if (sa != pa or sb != pb) and _stems(sa) == _stems(sb):
        return True  # «УФНС России по Воронежской области», «Управление Федеральной налоговой службы по ...»
    if _descriptor_spelled(a, b) or _same_numbered(pa, pb):
        return True
    short, long_ = sorted((pa, pb), key=len)
    extended = long_.startswith(short + " ") and len(long_.split()) - len(short.split()) <= 2
    if len(short.split()) >= 3 and extended and not _federal_namesake(short):
        tail = (a if len(a) > len(b) else b).split()[len(short.split()) :]
        # «Уральский федеральный университет России»; «администрация Сосновского муниципального
        # района Челябинской области»: the region the place is in
        if all(w[:1].isupper() or _territory_noun(w) for w in tail) and any(w[:1].isupper() for w in tail):
            return True
    known_a, known_b = known_short_name(a), known_short_name(b)
    if known_a and known_b and _country_plain(known_a[0]) == _country_plain(known_b[0]):
        return True
    for x, y, py in ((a, b, pb), (b, a, pa)):
        if is_short_form(x, y) or is_territorial_short_form(x, y) or _statistics_office_spelled(x, y):
            return True
        state = _state_spelled(x)
        if state != x and (_stems(_country_plain(state)) == _stems(py) or is_short_form(state, y)):
            return True  # «Томский госуниверситет» and «Томский государственный университет»
        named = DESCRIBED_QUOTED.fullmatch(x) or LATIN_AFTER_DESCRIPTOR.fullmatch(x)
        if named and _one_head(x[: named.start(1)]) and _stems(_country_plain(named.group(1))) == _stems(
            _country_plain(y)
        ):
            # «ОК «РусАл»» and «РусАл», «Коммерческий банк «Ладья-Кредит»» and «Ладья-Кредит»,
            # «Компания Özkaya Plastik» and «Özkaya Plastik»
            return True
        known = known_short_name(x)
        full = _country_plain(strip_legal_form(known[0])) if known else None
        py = _country_plain(y)
        # the lexicon may spell the name out longer: «Уральский федеральный университет имени ...»
        if full and (full == py or (len(py.split()) >= 2 and full.startswith(py + " "))):
            return True
    return False


# «гос» opening a compound is «государственный» agreeing with the noun: «госуниверситет»
# compounds of an adjective's first letters and a noun, spelled out: «госуниверситет», «гордума»,
# «облдума»; by prefix: the adjective in each gender, and the shortest noun after it («госвуз» is no
# «государственный вуз» of a name)
COMPOUND_PREFIXES = {
    "гос": ({"masc": "государственный", "femn": "государственная", "neut": "государственное"}, 5),
    "гор": ({"masc": "городской", "femn": "городская", "neut": "городское"}, 4),
    "обл": ({"masc": "областной", "femn": "областная", "neut": "областное"}, 4),
}


def _state_spelled(name: str) -> str:
    """«Томский госуниверситет» -> «Томский государственный университет», «Кировская гордума» ->
    «Кировская городская дума»: a lowercase word of a prefix and a noun, written out; other words
    as they are."""
    out = []
    for word in name.split():
        prefix = word[:3]
        adjectives, shortest = COMPOUND_PREFIXES.get(prefix, ({}, 0))
        noun = word[len(prefix) :]
        found = [p for p in parses(noun) if p.tag.POS == "NOUN" and p.tag.case == "nomn"] if (
            adjectives and len(noun) >= shortest
        ) else []
        adjective = adjectives.get(found[0].tag.gender) if found else None
        out += [adjective, noun] if adjective else [word]
    return " ".join(out)


def _descriptor_spelled(a: str, b: str) -> bool:
    """One quoted name after a descriptor written out and as its letters: «Коммерческий банк
    «Ладья-Кредит»» and «КБ «Ладья-Кредит»»."""
    qa, qb = DESCRIBED_QUOTED.fullmatch(a), DESCRIBED_QUOTED.fullmatch(b)
    if not qa or not qb or _stems(plain(qa.group(1))) != _stems(plain(qb.group(1))):
        return False
    da, db = a[: qa.start(1)].strip(" «\"„“"), b[: qb.start(1)].strip(" «\"„“")
    return (da.isupper() and acronym(db) == da) or (db.isupper() and acronym(da) == db)


# «УФНС», «УФАС»: the office («управление») of a federal service, by the service's abbreviation
OFFICE_LETTER = "У"
OFFICE_WORD = "управление"
# an office's own abbreviation before the service's: «ГУ МЧС России по ...» is «Главное управление
# МЧС России по ...»
OFFICE_ABBREVIATIONS = {"ГУ": "главное управление", "ТУ": "территориальное управление"}


@lru_cache(maxsize=1)
def _known_by_stem() -> dict[str, str]:
    """Known one-word short names by their stem («росреестр»), so that a case form finds its full name."""
    return {_stem(k): full for k, (full, _kind) in known_abbrevs().items() if " " not in k}


# the Social Fund's everyday name, in any case: its legal name is «Фонд пенсионного и социального
# страхования Российской Федерации» (СФР), and releases use both for one regional branch
SOCIAL_FUND = re.compile(r"\b[Сс]оциальн[а-яё]+\s+[Фф]онд[а-яё]*(?:\s+(?:России|РФ))?(?![\w-])")


def _spelled_out(name: str) -> str:
    """A plain name with its known short names spelled out, their country with them: «УФНС России
    по Воронежской области» -> «управление федеральная налоговая служба по воронежской области»,
    «Управление Росреестра по ...» -> «управление федеральная служба государственной регистрации ...»,
    «Отделение Социального фонда России по ...» -> «отделение фонд пенсионного и социального ...»."""
    words = SOCIAL_FUND.sub("СФР", name).split()
    out: list[str] = []
    i = 0
    while i < len(words):
        full, used = _short_name_at(words, i)
        out.append(plain(full) if full else _country_plain(words[i]))
        i += used
    return " ".join(out)


def _short_name_at(words: list[str], i: int) -> tuple[str | None, int]:
    """The full name of a known short name at word i (with the country after it, if any), and
    how many words it takes."""
    word = words[i]
    if not word[:1].isupper():
        return None, 1
    if word in OFFICE_ABBREVIATIONS and i + 1 < len(words):
        return OFFICE_ABBREVIATIONS[word], 1
    office = word.isupper() and len(word) > 2 and word.startswith(OFFICE_LETTER)
    for n in (2, 1):
        key = " ".join(words[i : i + n]).lower()
        if len(words[i : i + n]) < n:
            continue
        known = known_abbrevs().get(key)
        if known is None and office:
            known = known_abbrevs().get(key[1:])
            if known is not None:
                return f"{OFFICE_WORD} {known[0]}", n
        if known is not None:
            return known[0], n
    full = _known_by_stem().get(_stem(plain(word)))
    return full, 1


# a one-word descriptor before a quoted name: «ОК «РусАл»», «ИА «Первое областное»»; the name
# goes by the quoted one
QUOTED_AFTER_DESCRIPTOR = re.compile(r"\S+ [«\"„“](.+)[»\"“”]")
# a descriptor of a few words before a quoted name («Коммерческий банк «Ладья-Кредит»», «Пермский
# академический театр драмы «Прикамье»», «Государственная корпорация по развитию речного
# транспорта «Росречфлот»»), or before a
# Latin one («Компания Özkaya Plastik»): the same organization as the name alone
DESCRIBED_QUOTED = re.compile(r"(?:\S+ ){1,8}[«\"„“](.+)[»\"“”]")
LATIN_AFTER_DESCRIPTOR = re.compile(r"(?:[А-ЯЁа-яё-]+ ){1,3}([^\W\dА-ЯЁа-яё_][^А-ЯЁа-яё]*)")


def _one_head(descriptor: str) -> bool:
    """A descriptor of one noun and the adjectives before it («Коммерческий банк», «Компания»),
    or of a head noun and its lowercase complement («Новосибирский театр драмы»); not a unit of
    another organization («московское отделение движения»)."""
    words = re.findall(r"[А-ЯЁа-яё-]+", descriptor)
    adjective = [any(p.tag.POS in ("ADJF", "PRTF") for p in parses(w.lower())) for w in words]
    head = next((k for k, adj in enumerate(adjective) if not adj), len(words) - 1)
    complement = words[head + 1 :]
    if not complement:
        return True
    head_lemmas = {p.normal_form.replace("ё", "е") for p in parses(words[head].lower()) if p.tag.POS == "NOUN"}
    return all(w.islower() for w in complement) and not any((h,) in unit_heads() for h in head_lemmas)


# inflectional endings of Russian nouns and adjectives, longest first: «Газпромом» ~ «Газпром»
ENDINGS = sorted(
    "а я о е ы и у ю ь й ом ем ой ей ою ею ам ям ах ях ами ями ого его ому ему ым им ий ый ых их "
    "ая яя ое ее ые ие ую юю".split(),
    key=len,
    reverse=True,
)
# ... and those of the nouns in -ие / -ия, whose «и» belongs to every form: «управление» ~
# «управления» ~ «управлением»
IE_ENDINGS = sorted("ие ия ию ии ией иею ием иям иях иями".split(), key=len, reverse=True)
# a stem keeps this many letters at least: «РЖД» is not cut down to «РЖ»
MIN_STEM = 4


def _stem(word: str) -> str:
    for ending in IE_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= MIN_STEM:
            return word[: -len(ending)]
    return _case_stem(word)


def _case_stem(word: str) -> str:
    """A word without its case ending, the «и» of «-ие» kept: a compound's stem («Норникелем»)."""
    for ending in ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= MIN_STEM:
            return word[: -len(ending)]
    return word


def _stems(name: str) -> tuple[str, ...]:
    """The words of a plain name without their endings: «норникелем» and «норникель» agree."""
    return tuple(_stem(w) for w in name.split())


def _same_stems(a: str, b: str) -> bool:
    """Plain names whose words agree but for their endings, a word with no ending too: the
    genitive plural «телесистем» is the stem of «телесистемы», though it looks like one ending in «-ем»."""
    wa, wb = a.split(), b.split()
    return len(wa) == len(wb) and all(
        _stem(x) == _stem(y) or x == _stem(y) or _stem(x) == y or _short_noun_forms(x, y)
        for x, y in zip(wa, wb, strict=True)
    )


def _short_noun_forms(a: str, b: str) -> bool:
    """Two forms of one short noun the dictionary knows, too short for its ending to be cut off
    (`MIN_STEM`): «дома» and «дом» in «Суздальского продуктового дома»."""
    if a == b or not (a.isalpha() and b.isalpha()) or min(len(a), len(b)) > MIN_STEM + 1:
        return False
    lemmas = {p.normal_form for p in parses(a) if p.tag.POS == "NOUN" and p.is_known}
    return any(p.normal_form in lemmas for p in parses(b) if p.tag.POS == "NOUN" and p.is_known)


def same_name_in_another_case(a: str, b: str) -> bool:
    """One name written in two cases: «МРУ Росалкогольтабакконтроля по ЮФО», «МРУ Росалкогольтабакконтроль по ЮФО»."""
    return _same_stems(_country_plain(a), _country_plain(b))


# a typo is told from another name only in a long word: «Рсгеология» for «Росгеология»
MIN_TYPO_WORD = 8


def _one_typo(a: str, b: str) -> bool:
    """One-word names that differ by one letter left out, added or changed, in a long word."""
    if " " in a or " " in b or min(len(a), len(b)) < MIN_TYPO_WORD or abs(len(a) - len(b)) > 1:
        return False
    i = 0
    while i < min(len(a), len(b)) and a[i] == b[i]:
        i += 1
    return a[i + 1 :] == b[i + 1 :] or a[i:] == b[i + 1 :] or a[i + 1 :] == b[i:]


# words an acronym or a compound short name may skip: «Российский университет дружбы народов»,
# «Союз промышленников и предпринимателей» (СПП), «Министерство промышленности и торговли»
SKIPPED = frozenset({"и", "по", "в", "на", "при", "для", "of", "and", "for", "the", "de"})
# a dedication ends the part of a name its short forms spell: «СГУ им. Н. Г. Чернышевского»
DEDICATION = frozenset({"имени", "им"})
WORD_PIECES = re.compile(r"[а-яёa-z]+")
# an acronym of two letters («ГУ», «СК») spells too many names; the lexicon knows «ЦБ», «ЕС»
MIN_ACRONYM = 3


def _core(name: str) -> list[str]:
    """A name's lowercase words up to a dedication, hyphenated words in their parts:
    «Санкт-Петербургский государственный университет имени ...» -> санкт петербургский ..."""
    words = []
    for w in WORD_PIECES.findall(name.lower().replace("ё", "е")):
        if w in DEDICATION:
            break
        words.append(w)
    return words


# the nouns of a territory (territory_nouns.txt), and the one of a country's full name
TERRITORY_EXTRA = frozenset({"федерация"})


@lru_cache(maxsize=NAME_CACHE)
def _territory_genitive(word: str) -> bool:
    """«области», «края», «города», «г.», «Федерации»: a territory's noun in the genitive."""
    if word == "г":
        return True
    nouns = territory_nouns() | TERRITORY_EXTRA
    return any(p.tag.POS == "NOUN" and p.tag.case == "gent" and p.normal_form in nouns for p in parses(word))


# a place's adjective in the genitive before its noun: «Нижегородской» области, «Ханты-Мансийского» округа
PLACE_ADJECTIVE_GENITIVE = re.compile(r"(?:ской|цкой|ского|цкого|ной|ного)$")


# an adjective in the genitive opening a city's name: «Великого» Новгорода, «Нижнего» Тагила
ADJECTIVE_GENITIVE = re.compile(r"(?:ого|его|ой|ей|их|ых)$")


# «по» after a comma opens another of a body's fields, not its territory: «Министерство культуры, по
# делам национальностей и архивного дела Чувашской Республики»
def _opens_field(words: list[str], i: int) -> bool:
    return words[i - 1].endswith(",")


def _territory_cut(words: list[str]) -> int | None:
    """Where the territory a body serves begins in its name: «Дума | города Иркутска»,
    «Законодательное собрание | Нижегородской области», «Департамент Росприроднадзора | по
    Уральскому федеральному округу»; None if it names none."""
    low = [w.lower().rstrip(".") for w in words]
    for i in range(1, len(words)):
        if _territory_genitive(low[i]) or low[i] == "по" and i >= 2 and not _opens_field(words, i):
            return i
        if _adjectives_before_territory(low, i):
            return i
        if words[i][:1].isupper() and low[i - 1] not in SKIPPED and i + 1 == len(words) and _place_word(low[i]):
            return i  # «Государственный Совет | Татарстана»
        if (
            i + 2 == len(words) and words[i][:1].isupper() and ADJECTIVE_GENITIVE.search(low[i])
            and words[i + 1][:1].isupper() and _place_word(low[i + 1])
        ):
            return i  # «Дума | Великого Новгорода»
    return None


# adjectives of a territory's noun: «Сокольского муниципального | округа»
MAX_TERRITORY_ADJECTIVES = 3


def _adjectives_before_territory(low: list[str], i: int) -> bool:
    """Words from i on are a place's adjectives in the genitive, then a territory's noun."""
    for j in range(i, min(len(low), i + MAX_TERRITORY_ADJECTIVES)):
        if not PLACE_ADJECTIVE_GENITIVE.search(low[j]):
            return False
        if j + 1 < len(low) and _territory_genitive(low[j + 1]):
            return True
    return False


def _place_word(word: str) -> bool:
    """A place's name: the dictionary's, or a region's nickname («Приангарья», which it lacks)."""
    return any("Geox" in p.tag for p in parses(word)) or place_key(word) in region_nicknames()


@lru_cache(maxsize=NAME_CACHE)
def split_territory(name: str) -> tuple[tuple[str, ...], str] | None:
    """The stems of a body's name and the territory it serves: («правительств»,), «Республики
    Хакасия»; None if it names none."""
    words = name.split()
    cut = _territory_cut(words)
    return (_stems(plain(" ".join(words[:cut]))), " ".join(words[cut:])) if cut else None


def split_spelled_office(name: str) -> tuple[tuple[str, ...], str] | None:
    """An office's body, known short names spelled out, and the place after its last «по»:
    «Отделение СФР по Карелии» is («отделен», «фонд», «пенсионн», ...) and «Карелии», as
    «Отделение Фонда пенсионного и социального страхования Российской Федерации по Республике
    Карелия»; None with no «по»."""
    words = name.split()
    cut = max((k for k, w in enumerate(words) if w == "по"), default=0)
    if cut < 1 or cut + 1 == len(words):
        return None
    return _stems(_spelled_out(" ".join(words[:cut]))), " ".join(words[cut + 1 :])


def is_place_in_the_genitive(place: str) -> bool:
    """«Тульской области», «Москвы», «США»: a territory's noun or a place the dictionary knows, in
    the genitive; not a surname the model took for a place («КВН Маслякова»)."""
    return any(
        p.tag.case == "gent" and ("Geox" in p.tag or p.normal_form in territory_nouns())
        for word in place.split()
        for p in parses(word.lower())
    )


def is_placed_body_short_form(short: str, name: str) -> bool:
    """`short` is a state body's one-word short name and `name` the same with a place other
    than the country it serves: «МИД» of «МИД Италии», «Минздрав» of «Минздрав Чувашии», an
    abbreviation before a place: «МФЦ» of «МФЦ Пензенской области»; not of «Минздрав России»
    (which of several such bodies a bare short name means, the caller decides)."""
    split = split_territory(name)
    return (
        split is not None
        and " " not in short
        and (is_short_body_name(short) or is_abbreviation(short) and is_place_in_the_genitive(split[1]))
        and _stems(plain(short)) == split[0]
        and _country_plain(split[1]) != COUNTRY_SPELLINGS["рф"]
    )


def is_lone_head_of(short: str, name: str) -> bool:
    """`short` is the head alone of a body named with adjectives and its territory: «Дума» of
    «Городская Дума города Калуги» (which of several bodies a lone head means, the caller decides)."""
    if " " in short:
        return False
    if phrase_lemmas(short) not in org_heads():
        return _head_of_described(short, name, two_words=True)
    split = split_territory(name)
    if split is None:
        return _head_of_described(short, name)
    body = split[0]
    adjectives = name.split()[: len(body) - 1]
    return body[-1:] == _stems(plain(short)) and all(ADJECTIVE_WORD.fullmatch(w.lower()) for w in adjectives)


# the heads of a federal body's office in a region: «Управление Роспотребнадзора по ...»
OFFICE_HEADS = frozenset({"управление", "отделение"})


def is_office_of_the_body(short: str, name: str) -> bool:
    """`short` is a federal body's one-word name, and `name` its office's in a region, the body in
    the genitive after a unit's head, adjectives maybe before it: «Роспотребнадзор» of «Управление
    Роспотребнадзора по Кировской области», «Росприроднадзор» of «Межрегиональное управление
    Росприроднадзора по ...», «Госавтоинспекция» of «Управление Госавтоинспекции УМВД России по
    ...»: a release of the office calls it by its body's name."""
    words = name.split()
    head = next((k for k, w in enumerate(words) if not ADJECTIVE_WORD.fullmatch(w.lower())), len(words))
    if " " in short or len(words) < head + 4 or words[head].lower() not in OFFICE_HEADS or "по" not in words:
        return False
    place = words[len(words) - words[::-1].index("по") :]
    if not place or not place[0][:1].isupper():
        return False  # a remit («Комитет Госдумы по науке»), no region
    return known_short_name(short) is not None and _stems(plain(words[head + 1])) == _stems(plain(short))


def is_leading_short_form(short: str, name: str) -> bool:
    """`short` is the adjectives and head `name` opens with, and the remit after the head, the
    body it belongs to left out: «Сибирское управление» of «Сибирское управление Федеральной службы
    по экологическому, технологическому и атомному надзору», «Управление по вопросам миграции» of
    «Управление по вопросам миграции ГУ МВД России по Челябинской области»."""
    words, short_words = name.split(), short.split()
    if not 2 <= len(short_words) < len(words):
        return False
    after = words[len(short_words)]
    if not after[:1].isupper() and phrase_lemmas(plain(after)) not in org_heads():
        # a lowercase complement makes another body: «Русская православная церковь заграницей»; not
        # the body it belongs to: «комитет по физической культуре» of «... администрации города»
        return False
    head = next((k for k, w in enumerate(short_words) if not ADJECTIVE_WORD.fullmatch(w.lower())), len(short_words))
    if head == len(short_words) or phrase_lemmas(short_words[head]) not in org_heads():
        return False
    remit = short_words[head + 1 :]
    if not all(w.islower() for w in remit):
        return False
    if remit and remit[0] != "по" and not _names_a_body(words[len(short_words)]):
        # its remit may follow the head: «Управление по вопросам миграции» of «... ГУ МВД ...»; a
        # genitive one only before the body it belongs to («Департамент архитектуры» of «...
        # Администрации города Кургана», «Управление виноградарства» of «... Минсельхозпрода
        # Республики Дагестан»), not before a place («Фонд развития промышленности» is not the one
        # «... Пензенской области»)
        return False
    return _stems(plain(short)) == _stems(plain(" ".join(words[: len(short_words)])))


def _names_a_body(word: str) -> bool:
    """An organization's head, or a body's one-word name: «Администрации», «Минсельхозпрода»."""
    return phrase_lemmas(plain(word)) in org_heads() or is_ministry_short_name(word) or is_supervisory_service(word)


def _head_of_described(short: str, name: str, two_words: bool = False) -> bool:
    """«Собрание» of «Псковское областное Собрание депутатов»: the head (or the first word of a
    head of two, `two_words`) after adjectives only, lowercase words of its complement after it."""
    words = name.split()
    stem = _stems(plain(short))
    h = next((k for k, w in enumerate(words) if _stems(plain(w)) == stem), None)
    if h is not None and two_words and phrase_lemmas(plain(" ".join(words[h : h + 2]))) not in org_heads():
        return False
    return h is not None and h > 0 and all(ADJECTIVE_WORD.fullmatch(w.lower()) for w in words[:h]) and all(
        w.islower() for w in words[h + 1 :]
    )


# a place written as its letters after a body's name: «Парламент КБР», «Правительство ХМАО»
PLACE_ACRONYM = re.compile(r"[А-ЯЁ]{2,5}")


def split_acronym_territory(name: str) -> tuple[tuple[str, ...], str] | None:
    """Like `split_territory`, for a name ending in a place's acronym: («парламент»,), «КБР»; None
    when the acronym is a known organization's («Банк ВТБ»)."""
    words = name.split()
    if len(words) < 2 or not PLACE_ACRONYM.fullmatch(words[-1]) or words[-1].lower() in known_abbrevs():
        return None
    return _stems(plain(" ".join(words[:-1]))), words[-1]


# a capitalized word, hyphenated ones too, a capital maybe after the hyphen: «Ханты-Мансийского», «Улан-Удэ»
CAPITALIZED_WORD = r"[А-ЯЁ][а-яё]*(?:-[А-ЯЁа-яё][а-яё]*)*"
# a place's adjective before a federal body's short name: «Тверской Роспотребнадзор», «Карачаево-Черкесское
# (региональное отделение)»
PLACE_ADJECTIVE_WORD = re.compile(rf"{CAPITALIZED_WORD}(?:ск|цк)(?:ий|ой|ая|ое)")
# the letters of a place's stem its adjective and its name share: «Тверск-ой», «Тверск-ой области»
PLACE_STEM_LETTERS = 4


def is_place_adjective_short_form(short: str, name: str) -> bool:
    """`name` is `short` with a place's adjective before it: «Городская Дума» and «Дума» of
    «Благовещенская городская Дума», «Областная больница» of «Тамбовская областная больница» (a
    rubric, a second mention; which of several bodies a lone head means, the caller decides)."""
    words, n = name.split(), len(short.split())
    if not 0 < n < len(words) or not PLACE_ADJECTIVE_WORD.fullmatch(words[0]) or not names_a_place(words[0]):
        return False
    # a lone head only after adjectives: not «Университет» of «Медицинский центр Университета ...»
    if n < len(words) - 1 and not all(ADJECTIVE_WORD.fullmatch(w) for w in words[1:-n]):
        return False
    return _stems(plain(short)) == _stems(plain(" ".join(words[-n:])))


# a lowercase adjective in the nominative: «городская», «областной»
ADJECTIVE_WORD = re.compile(r"[а-яё-]+(?:ый|ий|ой|ая|яя|ое|ее)")
# what a place's adjective drops or adds to its stem to give the place: «тамбов-ский» Тамбов,
# «благовещен-ский» Благовещенск, «перм-ский» Пермь, «росси-йский» Россия, «ярослав-ский» Ярославль
PLACE_STEM_ENDINGS = ("", "ск", "ь", "а", "я", "ль")


@lru_cache(maxsize=4096)
def names_a_place(adjective: str) -> bool:
    """An adjective of a place the dictionary knows («Благовещенская», «Тамбовской»), not one of a
    kind («Медицинский», «Техническое»)."""
    base = next((p.normal_form for p in parses(adjective.lower()) if p.tag.POS == "ADJF"), adjective.lower())
    if base in post_lexicon().place_names:
        return True
    stem = base[:-4] if base.endswith(("ский", "цкий", "ской")) else None
    return stem is not None and any(  # the dictionary's places only, not the guesser's
        "Geox" in p.tag and p.is_known for e in PLACE_STEM_ENDINGS for p in parses(stem + e) if p.tag.POS == "NOUN"
    )


def is_headless_short_form(short: str, name: str) -> bool:
    """`short` is `name` without the head noun it ends in: «Сухонская энергосбытовая» of «Сухонская
    энергосбытовая компания», «Уральская горно-металлургическая» of «... компания» (a headline's
    quoted name); two words at least, the head a one-word organization head."""
    words, short_words = name.split(), short.split()
    return (
        len(short_words) >= 2
        and len(words) == len(short_words) + 1
        and phrase_lemmas(words[-1]) in org_heads()
        and _stems(plain(short)) == _stems(plain(" ".join(words[:-1])))
    )


# heads of a branch of a parent organization, whose short names leave words of the full one out
BRANCH_NOUNS = frozenset({("отделение",), ("филиал",), ("представительство",)})
# lowercase adjectives of a branch's reach: «региональное отделение», «территориальный»
BRANCH_REACH_ADJECTIVES = frozenset(
    {"региональный", "территориальный", "областной", "краевой", "городской", "районный", "местный"}
)


def opens_as_branch(name: str) -> bool:
    """A name that opens with a place's adjective or its reach and a branch head: «Тюменское
    (региональное) отделение», «региональное отделение движения «Юнармия» Приморского края»."""
    words = name.split()
    opener = PLACE_ADJECTIVE_WORD.fullmatch(words[0]) or any(
        lemma in BRANCH_REACH_ADJECTIVES for lemma in phrase_lemmas(words[0].lower())
    )
    return bool(opener) and any(phrase_lemmas(w.lower()) in BRANCH_NOUNS for w in words[1:3])


# heads of a legislature's committee: «Комитет Курултая» of «Комитет Государственного Собрания — Курултая
# Республики Башкортостан по аграрной политике ...»
COMMITTEE_HEADS = frozenset({("комитет",), ("комиссия",)})


def is_adjectiveless_short_form(short: str, name: str) -> bool:
    """`short` is `name` without the adjectives it opens with, two words at least, opening with a
    lowercase head: «отделение ВДПО» of «Орловское областное отделение ВДПО»."""
    words, short_words = name.split(), short.split()
    extra = len(words) - len(short_words)
    if len(short_words) < 2 or extra < 1 or not short_words[0][:1].islower():
        return False
    if not all(ADJECTIVE_WORD.fullmatch(w.lower()) for w in words[:extra]):
        return False
    if phrase_lemmas(short_words[0]) not in org_heads():
        return False
    return _stems(plain(short)) == _stems(plain(" ".join(words[extra:])))


def is_committee_short_form(short: str, name: str) -> bool:
    """`short` is a committee's head and its body's own name, both words in `name` in order: «Комитет
    Курултая» of «Комитет Государственного Собрания — Курултая Республики Башкортостан по ...»."""
    words = short.split()
    if len(words) != 2 or not words[1][:1].isupper() or phrase_lemmas(words[0].lower()) not in COMMITTEE_HEADS:
        return False
    short_stems, stems = _stems(plain(short)), _stems(plain(name))
    if len(stems) <= len(short_stems) or short_stems[0] != stems[0]:
        return False
    return short_stems[1] in stems[2:]


# a name ending in a quoted name: «Управляющая компания особой экономической зоны «Верхневолжье»»
QUOTED_TAIL = re.compile(r"(?P<head>[^«»]+?)\s+(?P<tail>«.+»)")


def is_spelled_head_short_form(short: str, name: str) -> bool:
    """`short` spells the words before the quoted name both end in: «УК ОЭЗ «Верхневолжье»» of
    «Управляющая компания особой экономической зоны «Верхневолжье»»."""
    a, b = QUOTED_TAIL.fullmatch(short), QUOTED_TAIL.fullmatch(name)
    if a is None or b is None or a["tail"] != b["tail"]:
        return False
    head = a["head"].split()
    return all(w.isupper() and len(w) > 1 for w in head) and spells(a["head"], b["head"])


def is_branch_short_form(short: str, name: str) -> bool:
    """`short` names the branch `name` names in full, with words left out: «Тюменское отделение
    «Деловой России»», «Тюменское региональное отделение» of «Тюменское региональное отделение
    общероссийской общественной организации «Деловая Россия»»; «Калининградское региональное
    отделение партии» of «... отделение Всероссийской политической партии «ЕДИНАЯ РОССИЯ»». Both
    open with one place's adjective and a branch head, and the words of `short` are in `name` in order."""
    short_stems, stems = _stems(plain(short)), _stems(plain(name))
    if not 2 <= len(short_stems) < len(stems) or short_stems[0] != stems[0] or not opens_as_branch(short):
        return False
    rest = iter(stems)
    return all(w in rest for w in short_stems)


# heads a compound short name may end in: «станкозавод» of «станкостроительный завод», «Автозавод»
COMPOUND_HEADS = ("завод", "комбинат")
# the letters of the adjective a compound's first part keeps at least: «авт(о)-»
MIN_COMPOUND_PART = 3


def is_compound_short_form(short: str, name: str) -> bool:
    """`short` writes an adjective and the head after it in `name` as one word: «Ижевский
    станкозавод» of «Ижевский станкостроительный завод», «Уральский автозавод» of «Уральский
    автомобильный завод»."""
    words, short_words = name.split(), short.split()
    if len(words) != len(short_words) + 1:
        return False
    for i, w in enumerate(short_words):
        low = w.lower()
        head = next((h for h in COMPOUND_HEADS if h in low[MIN_COMPOUND_PART:]), None)
        if head is None or i + 1 >= len(words) or not words[i + 1].lower().startswith(head):
            continue
        part = low[: low.index(head, MIN_COMPOUND_PART)].rstrip("о")
        if len(part) < MIN_COMPOUND_PART or not words[i].lower().startswith(part):
            continue
        spelled = " ".join(short_words[:i] + words[i : i + 2] + short_words[i + 1 :])
        return _stems(plain(spelled)) == _stems(plain(name))
    return False


def is_regional_nickname(short: str, name: str) -> bool:
    """«Тверской Роспотребнадзор», «Хабаровский Росреестр»: a place's adjective and a federal body's
    short name, said of its office in that place: «Управление Роспотребнадзора по Тверской области»."""
    words = short.split()
    if len(words) == 3 and words[2] in ("России", "РФ"):
        words = words[:2]  # «Саратовское УФАС России»
    if len(words) != 2 or not PLACE_ADJECTIVE_WORD.fullmatch(words[0]):
        return False
    low = name.lower().split()
    if "по" not in low:
        return False
    place = low[low.index("по") + 1 :]
    if not place or place[0][:PLACE_STEM_LETTERS] != words[0].lower()[:PLACE_STEM_LETTERS]:
        return False
    known = known_abbrevs().get(words[1].lower())
    if known is not None and known[1] == "authority":
        body_stem = _stem(words[1].lower())
        if any(_stem(w) == body_stem for w in low[: low.index("по")]):
            return True
    # an office's letters spelled out: «Саратовское УФАС» of «Управление Федеральной антимонопольной
    # службы по Саратовской области»
    body = " ".join(name.split()[: low.index("по")])
    return words[1].isupper() and _stems(_spelled_out(words[1] + " по")) == _stems(_spelled_out(body + " по"))


def is_dedication_short_form(short: str, name: str) -> bool:
    """«Музей Врубеля» of «Омский областной музей изобразительных искусств имени М. А. Врубеля»:
    the name's head noun and the one it is named after."""
    words, low = short.split(), name.lower().replace("им.", "имени").split()
    if len(words) != 2 or "имени" not in low or not words[1][:1].isupper():
        return False
    cut = low.index("имени")
    return low[-1] == words[1].lower() and any(_stem(w) == _stem(words[0].lower()) for w in low[:cut])


def split_body(name: str) -> tuple[str, str] | None:
    """A body's name as written and the territory it serves: «Минздрав», «Чувашии»."""
    words = name.split()
    cut = _territory_cut(words)
    return (" ".join(words[:cut]), " ".join(words[cut:])) if cut else None


# the words of a ministry's name its short name skips: «Министерство по делам молодежи»
MINISTRY_NAME_SKIPPED = frozenset({"и", "по", "делам"})
# a word gives the short name at least this many of its first letters («соц» of «социальной»)
MIN_MINISTRY_CHUNK = 3
# letters of a case ending the short name's last word may have of its own («Минприроды»)
MAX_MINISTRY_ENDING = 2


def abbreviates_ministry(short: str, name: str) -> bool:
    """`short` is the one-word short name of the ministry `name` (both without their territory):
    «Минсельхозпрод» of «Министерство сельского хозяйства и продовольствия», «Минтрудсоцзащиты» of
    «Министерство труда и социальной защиты», «Минспорт» of «Министерство физической культуры и
    спорта»: «Мин», then the first letters of some of the name's words, in order; the last may end
    in a case ending of its own («Минприроды» of «природных ресурсов»)."""
    words = [w.lower() for w in name.split()]
    if not is_ministry_short_name(short) or not words or not words[0].startswith("министерств"):
        return False
    content = [w for w in words[1:] if w not in MINISTRY_NAME_SKIPPED]
    letters = short[3:].lower()

    @cache
    def rest(i: int, w: int) -> bool:
        if len(letters) - i <= (MAX_MINISTRY_ENDING if i else -1):
            return True
        if w == len(content):
            return False
        word = content[w]
        longest = min(len(word), len(letters) - i)
        chunks = (n for n in range(longest, MIN_MINISTRY_CHUNK - 1, -1) if letters[i : i + n] == word[:n])
        return any(rest(i + n, w + 1) for n in chunks) or rest(i, w + 1)

    return rest(0, 0)


def _federal_namesake(short: str) -> bool:
    """A body the lexicon names so in full, a region's body with the same name and its region after
    it another: «Фонд развития промышленности» and «Фонд развития промышленности Ярославской области»."""
    return plain(short) in known_full_names()


def is_territorial_short_form(short: str, name: str) -> bool:
    """`short` is `name` without the territory it serves: «Государственный Совет» of «Государственный
    Совет Республики Татарстан», «департамент Росприроднадзора» of «Департамент Росприроднадзора по
    Уральскому федеральному округу». A single word only before a territory («Дума» of «Дума города
    Иркутска»), not before «по» («Министерство» is not «Министерство по делам молодёжи»)."""
    words = name.split()
    cut = _territory_cut(words)
    if cut is None or short.isupper():
        return False  # «МВД» is the federal body, «МВД Петербурга» one of the regions
    if _federal_namesake(short):
        return False
    if cut == 1 and not short[:1].isupper():
        return False  # a lone head: «правительство» may be any of the governments a text names
    # «Управление Госавтоинспекции» of «Управление Госавтоинспекции УМВД России по ...»: its parent's
    # letters left out too
    cuts = [cut] + [k for k in [_parent_letters_cut(words)] if k is not None]
    return any(_stems(plain(short)) == _stems(plain(" ".join(words[:k]))) for k in cuts)


# the country a federal body's letters may name before «по»: «УМВД России по Тульской области»
COUNTRY_AFTER_LETTERS = frozenset({"россии", "рф"})


def _parent_letters_cut(words: list[str]) -> int | None:
    """Where the letters of the parent body stand between a unit's head and the territory it
    serves: «Управление Госавтоинспекции | УМВД России по Тульской области»; None if they do not."""
    for i in range(2, len(words) - 1):
        if not (words[i].isupper() and words[i].isalpha() and len(words[i]) >= 2):
            continue
        k = i + 1 + (words[i + 1].lower() in COUNTRY_AFTER_LETTERS)
        if k < len(words) and words[k].lower() == "по":
            return i
    return None


@lru_cache(maxsize=NAME_CACHE)
def is_short_form(short: str, name: str) -> bool:
    """`short` is a short form of `name`:
    - an acronym or a compound of the first letters of its words, of the whole name or of a run
      of words opening or closing it («СГУ» of «Национальный исследовательский Саратовский
      государственный университет», «СПП» of «Союз промышленников и предпринимателей
      Челябинской области», «ТОГУ», «СПбГУ», «Минпромторг», «Госсобрание»);
    - the name before its dedication («СЭЗ» of «СЭЗ имени Серго Орджоникидзе»);
    - its own words, fewer of them, the first a place and the last its head («Саратовский
      университет» of «Саратовский государственный университет»)."""
    short_words, words = _core(short), _core(name)
    if not short_words or not words:
        return False
    if short_words == words and len(words) < len(WORD_PIECES.findall(name.lower())):
        return True  # the name is the short one with a dedication after it
    if 2 <= len(short_words) < len(words) and _fewer_words(short.split(), _undedicated(name)):
        return True  # «Саратовский университет»
    if _opening_initials(short, short_words, words):
        return True  # «ГУ МЧС» of «Главное управление МЧС России по Алтайскому краю»
    while len(short_words) > 1 and len(words) > 1 and short_words[-1] == words[-1]:
        short_words, words = short_words[:-1], words[:-1]  # a place both close with: «СПП Челябинской области»
    while len(short_words) > 1 and len(words) > 2 and _stem(short_words[0]) == _stem(words[0]):
        short_words, words = short_words[1:], words[1:]  # a place's adjective both open with: «Онежская ЛПК»
    if len(short_words) != 1 or len(words) < 2:
        return False
    # a compound in another case too: «Норникелем» of «Норильский никель»
    spelled = _spelled(short_words[0], words) or _spelled(_case_stem(short_words[0]), words)
    # or of the words before a quoted name closing it: «ТЮЗ» of «Саратовский областной театр юного
    # зрителя «Парус»»
    described = _core(name[: name.index("«")]) if "«" in name and name.rstrip().endswith("»") else []
    spelled = spelled or len(described) >= 2 and _spelled(short_words[0], described)
    return len(short_words[0]) >= MIN_ACRONYM and spelled


def _opening_initials(short: str, short_words: list[str], words: list[str]) -> bool:
    """An abbreviation of the name's first words, then the words that follow them: «ГУ МЧС» of
    «Главное управление МЧС России по ...», «ГУ МВД» of «Главное управление МВД России по ...»;
    not a compound of an initial and an abbreviation («УФНС России»)."""
    first = short.split()[0]
    n = len(short_words[0])
    if len(short_words) < 2 or not (first.isupper() and first.isalpha()) or len(words) <= n:
        return False
    initials = "".join(w[0] for w in words[:n])
    return initials == short_words[0] and words[n : n + len(short_words) - 1] == short_words[1:]


def _undedicated(name: str) -> list[str]:
    """The words of a name before its dedication («имени ...», «им. ...»)."""
    words = name.split()
    cut = next((k for k, w in enumerate(words) if w.lower().rstrip(".") in DEDICATION), len(words))
    return words[:cut]


def _fewer_words(few: list[str], words: list[str]) -> bool:
    """«Саратовский университет» of «... Саратовский государственный университет»: the same
    capitalized first word and common head noun, the words left out between them lowercase."""
    low = [w.lower().replace("ё", "е") for w in words]
    few_low = [w.lower().replace("ё", "е") for w in few]
    if few_low[0] not in low or low[-1] != few_low[-1] or not few[0][:1].isupper() or not words[-1].islower():
        return False
    start = low.index(few_low[0])
    rest = iter(range(start + 1, len(low)))
    kept = {start}
    for w in few_low[1:]:
        k = next((k for k in rest if low[k] == w), None)
        if k is None:
            return False
        kept.add(k)
    return all(words[k].islower() for k in range(start, len(words)) if k not in kept)


def _spelled(short: str, words: list[str]) -> bool:
    """`short` is the first letters (one or more) of every word of a run of `words` that opens or
    closes them, skipping «и», «по» ...; a run of two words at least."""
    content = [w for w in words if w not in SKIPPED]
    for first in range(len(content) - 1):
        if _spells(short, content[first:]):
            return True
    return any(_spells(short, content[:last]) for last in range(2, len(content)))


def _spells(short: str, words: list[str]) -> bool:
    """Every word gives a non-empty prefix, in order, and together they make `short`; a compound
    gives one of each of its parts («теплоэнергетическая» «ТЭ» in «ОТЭК»)."""
    if not words:
        return not short
    if not short:
        return False
    head = words[0]
    n = 1
    while n <= min(len(head), len(short)) and head[:n] == short[:n]:
        if _spells(short[n:], words[1:]):
            return True
        n += 1
    rest = _compound_rest(head)
    return rest is not None and short[0] == head[0] and _spells(short[1:], [rest, *words[1:]])


# the shortest first part of a compound an acronym spells apart («лес-о-промышленная»)
MIN_COMPOUND_PART = 3


@lru_cache(maxsize=NAME_CACHE)
def _compound_rest(word: str) -> str | None:
    """The second part of a compound word after its joining vowel, when the dictionary knows it as
    a word: «теплоэнергетическая» -> «энергетическая» («ТЭ» in «ОТЭК»), «лесопромышленная» ->
    «промышленная» («ЛП» in «ЛПК»), «авиастроительный» -> «строительный»; the shortest first part
    of three letters or more wins. Only acronyms read it: a wrong split spells nothing."""
    for k in range(MIN_COMPOUND_PART, len(word) - MIN_COMPOUND_PART):
        if word[k] in "оеиа" and _is_word(word[k + 1 :]):
            return word[k + 1 :]
    return None


def _is_word(word: str) -> bool:
    return len(word) > MIN_COMPOUND_PART and in_dictionary(word)


@lru_cache(maxsize=NAME_CACHE)
def known_short_name(name: str) -> tuple[str, str] | None:
    """The lexicon entry of a short name, also when the country follows it («Минпромторг России»)."""
    low = " ".join(name.lower().split())
    known = known_abbrevs().get(low)
    if known is None:
        for suffix in (" россии", " рф"):
            if low.endswith(suffix):
                known = known_abbrevs().get(low[: -len(suffix)])
                break
    return known


# the Bank of Russia's regional offices: «Отделение Самара Волго-Вятского главного управления
# Центрального банка Российской Федерации», «Волго-Вятское ГУ Банка России», «Главное управление
# Центрального банка Российской Федерации по Центральному федеральному округу»
CB_BRANCH = r"(?P<branch>[Оо]тделени(?:е|я|ю|ем|и))\s+(?P<city>[А-ЯЁ][а-яё]+(?:-[а-яё]+-[А-ЯЁ][а-яё]+)?)"
CB_ADJECTIVE = r"(?P<adj>[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?(?:ое|ого|ому|ым|им|ом))"
CB_HEAD = r"(?:(?P<head>[Гг]лавн(?:ое|ого|ому|ым|ом)\s+управлени(?:е|я|ю|ем|и))|(?P<abbr>ГУ))"
CB_BANK = r"(?P<bank>Центрального\s+банка\s+(?:Российской\s+Федерации|РФ)|Банка\s+России|ЦБ\s+РФ)"
CB_DISTRICT = r"(?:\s+по\s+(?P<district>[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?\s+федеральному\s+округу|[А-ЯЁ]{3,5}\b))?"
CENTRAL_BANK_OFFICE = re.compile(rf"(?:{CB_BRANCH}\s+)?(?:{CB_ADJECTIVE}\s+)?{CB_HEAD}\s+{CB_BANK}{CB_DISTRICT}")
# an office in a republic, named «Отделение – Национальный банк по Республике X» (its directorate may
# follow, in the genitive: «... по Удмуртской Республике Волго-Вятского главного управления ...»)
# (the republics whose names are two words: Марий Эл, Северная Осетия – Алания)
NB_REPUBLIC = (
    r"(?P<republic>[А-ЯЁ][а-яё-]+\s+Республике|Республике\s+(?:Марий\s+Эл|Северная\s+Осетия\s*[–—-]\s*Алания"
    r"|[А-ЯЁ][а-яё-]+(?:\s+\([А-ЯЁ][а-яё]+\))?))"
)
NATIONAL_BANK_OFFICE = re.compile(
    r"[Оо]тделени(?:е|я|ю|ем|и)\s*[–—-]\s*[Нн]ациональн(?:ый|ого|ому|ым|ом)\s+банк(?:а|у|ом|е)?\s+по\s+"
    rf"{NB_REPUBLIC}(?:\s+{CB_ADJECTIVE}\s+{CB_HEAD}\s+{CB_BANK})?"
)
# «Отделение Иркутск» alone, once the text has named the office in full
CB_BRANCH_ALONE = re.compile(CB_BRANCH + r"\b")
ADJECTIVE_CASE_ENDING = re.compile(r"(?:ое|ого|ому|ым|им|ом)$")


def central_bank_office_name(m: re.Match[str]) -> str | None:
    """The name of an office CENTRAL_BANK_OFFICE matched, in the nominative: an office («Отделение
    Самара») keeps the rest in the genitive as written; a main directorate takes the nominative
    («Волго-Вятское ГУ Банка России»). None for a lowercase «главное управление Банка России» or
    «ГУ Банка России» alone: a reference back to one named before."""
    branch, city, adjective, head, abbr, bank, district = (
        m.group("branch"), m.group("city"), m.group("adj"), m.group("head"), m.group("abbr"), m.group("bank"),
        m.group("district"),
    )
    tail = " ".join(bank.split()) + (f" по {' '.join(district.split())}" if district else "")
    if branch:
        words = [f"Отделение {city}", adjective, abbr or head, tail]
    elif adjective or district or (head and head[:1].isupper()):
        nominative = ADJECTIVE_CASE_ENDING.sub("ое", adjective) if adjective else None
        written = "ГУ" if abbr else "главное управление" if nominative else "Главное управление"
        words = [nominative, written, tail]
    else:
        return None
    return _one_line(words)


def national_bank_office_name(m: re.Match[str]) -> str:
    """The nominative of an office NATIONAL_BANK_OFFICE matched; its place and directorate as written."""
    directorate = [m.group("adj"), m.group("abbr") or m.group("head"), m.group("bank")] if m.group("adj") else []
    return _one_line(["Отделение – Национальный банк по", m.group("republic"), *directorate])


def _one_line(words: list[str | None]) -> str:
    """The words given, each with its spaces and line breaks made single spaces, joined."""
    return " ".join(" ".join(w.split()) for w in words if w)


def _bank_office_key(name: str) -> tuple[str, str, bool] | None:
    m = CENTRAL_BANK_OFFICE.fullmatch(name)
    if m is None:
        return None
    adjective = ADJECTIVE_CASE_ENDING.sub("", m.group("adj") or "").lower()
    return (m.group("city") or "", adjective, m.group("branch") is not None)


def same_bank_office(a: str, b: str) -> bool:
    """One office of the Bank of Russia named in full, by «ГУ Банка России», or by its city alone
    («Отделение Иркутск»)."""
    ka, kb = _bank_office_key(a), _bank_office_key(b)
    if ka is not None and ka == kb:
        return True
    alone = CB_BRANCH_ALONE.fullmatch(a)
    return alone is not None and kb is not None and kb[2] and kb[0] == alone.group("city")


# the Interior Ministry's district departments, named by a quoted adjective after the ministry:
# «МО МВД России «Ржевский»» (a межмуниципальный отдел), «ОМВД России «Сургутский»», «МУ МВД России
# «Мытищинское»». The model cuts them into the unit's letters, the ministry and a quoted company.
POLICE_DEPARTMENT = re.compile(
    r"(?<![\w-])(?:(?P<spelled>[Мм]ежмуниципальн[а-яё]+\s+отдел[а-яё]*\s+)|(?:МО|МУ|ЛО|ЛОП|ОП)[ \u00a0]+)?"
    r"(?:О|У|МО|МУ|ЛО)?МВД[ \u00a0]+(?:России|РФ)[ \u00a0]*(?P<name>«[А-ЯЁ][^«»\n]{1,40}»)"
)


# «Госсовет», «Госдума», «Госинспекция»: «Гос-» written for «Государственный» before a body's head
STATE_PREFIX = re.compile(r"Гос(?!удар)([а-яё]{4,})")


def spelled_state_prefix(name: str) -> str:
    """«Госсовет Татарстана» -> «Государственный совет Татарстана»: the first word spelled out
    when it is «Гос-» and a head of names (stems compare it, whatever the gender)."""
    words = name.split()
    m = STATE_PREFIX.fullmatch(words[0]) if words else None
    if m is None or phrase_lemmas(m.group(1)) not in org_heads():
        return name
    return " ".join(["Государственный", m.group(1), *words[1:]])


# an acronym of three letters or more
BRACKET_ACRONYM = re.compile(r"[А-ЯЁA-Z]{3,10}")
# a quoted name right before the mention: «университет» «Средневолжский ...» before «Министерства ...»
QUOTED_BEFORE = re.compile(r"«([^«»]+)»\s*$")
QUOTED_BEFORE_REACH = 200


def placed_acronym_stem(short: str) -> str | None:
    """«Амурский ЦГМС» -> «амурск»: the stem of a place's adjective before letters, lowercase."""
    words = short.split()
    if len(words) == 2 and PLACE_ADJECTIVE_WORD.fullmatch(words[0]) and BRACKET_ACRONYM.fullmatch(words[1]):
        return words[0][:-2].lower()
    return None


# how many words before its place a body's name spelled by letters may have
MAX_SPELLED_WORDS = 6


def _placed_letters(short: str) -> tuple[str, str] | None:
    """«УФПС Мурманской области»: an abbreviation and the place it serves after it."""
    split = split_territory(short)
    letters = short.split()[0]
    return (letters, split[1]) if split is not None and is_abbreviation(letters) else None


def placed_letters_spell(short: str, name: str) -> bool:
    """«УФПС Мурманской области» of «Управление федеральной почтовой связи Мурманской области»: the
    letters spell the name's words before the place it serves, and the place is the same."""
    placed, other = _placed_letters(short), split_territory(name)
    if placed is None or other is None:
        return False
    letters, place = placed
    body = " ".join(name.split()[: len(name.split()) - len(other[1].split())])
    return spells(letters, body) and _stems(plain(place)) == _stems(plain(other[1]))


def _placed_letters_of_the_name_before(text: str, name: str, start: int, short: str) -> bool:
    """Letters with a place in brackets after `name` that spell the words before that same place
    earlier on the line, not `name`: the body named before the parent the brackets follow."""
    placed = _placed_letters(short)
    if placed is None or spells(placed[0], name):
        return False
    letters, place = placed
    line_start = text.rfind("\n", 0, start) + 1
    window = text[max(line_start, start - QUOTED_BEFORE_REACH) : start]
    at = window.rfind(place)
    words = window[:at].split() if at > 0 else []
    return any(spells(letters, " ".join(words[-n:])) for n in range(1, min(len(words), MAX_SPELLED_WORDS) + 1))


def short_name_of_the_name_before(text: str, name: str, start: int, short: str) -> bool:
    """«ФГБОУ ВО «Средневолжский государственный медицинский университет» Министерства
    здравоохранения Российской Федерации (СВГМУ)»: an acronym in brackets after the parent body
    that spells the quoted name before the parent, not the parent, is that name's. So is a place's
    adjective and letters whose place opens a name just before, not this one: «в Амурском центре по
    гидрометеорологии ... – филиале ФГБУ «Дальневосточное УГМС» (Амурский ЦГМС)»; and letters with
    their place that spell the words before that place just before: «Управление федеральной почтовой
    связи Мурманской области — филиал АО «Почта России» (УФПС Мурманской области)»."""
    if _placed_letters_of_the_name_before(text, name, start, short):
        return True
    stem = placed_acronym_stem(short)
    if stem is not None:
        # the place named anywhere in this name makes the letters its own («Государственный ... центр
        # ... в Челябинской области» (ФБУ «Челябинский ЦСМ»)); a headline above is no name just before
        line_start = text.rfind("\n", 0, start) + 1
        window = text[max(line_start, start - QUOTED_BEFORE_REACH) : start]
        return stem not in name.lower() and stem in window.lower()
    if not BRACKET_ACRONYM.fullmatch(short) or spells(short, name):
        return False
    before = QUOTED_BEFORE.search(text, max(0, start - QUOTED_BEFORE_REACH), start)
    if before is None:
        return False
    quoted = before.group(1).split()
    # a compound word gives two letters the spelling cannot see («Средневолжский»: СВ): the first
    # and the last word's letters then tell
    ends_agree = short[0] == quoted[0][:1].upper() and short[-1] == quoted[-1][:1].upper()
    return spells(short, before.group(1)) or ends_agree
