"""Persons: natasha's PER spans, widened to initials, split into first/middle/last names and put
into the nominative with pymorphy3, then merged by surname into one record a person."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import NamedTuple

from pymorphy3.units import DictionaryAnalyzer

from extractor.lexicon import load_words
from extractor.nlp.inflect import inflect_word, nominative_word
from extractor.nlp.morph import UD_CASES, parses
from extractor.nlp.tagging import Tagged, Token

# name words analysed and inflected, kept: names recur across documents
NAME_CACHE = 100_000
INITIAL = re.compile(r"[А-ЯЁA-Z]")
CYRILLIC = re.compile(r"[А-ЯЁа-яё]")
# a regnal number: «Николай II», «Бенедикт XVI»
ROMAN = re.compile(r"[IVXL]+")
# a patronymic by its suffix, in any case: «Болатовичем», «Ринатовны» (the middle of three words)
PATRONYMIC = re.compile(r"(ович|евич|ич|овн|евн|ичн|инич)(а|у|ем|ом|е|ой|ы|ою|на|ны|не|ну|ной)?$|^\w+ (оглы|кызы)$")
# «Ле Пен», «ван Бастен», «фон дер Ляйен»: particles that belong to the surname
SURNAME_PARTICLES = frozenset(load_words("name_particles.txt"))


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


# How sure a name form is. Mentions of one person may disagree, and the surest form wins: a word
# written in the nominative, then one inflected by the dictionary, then one declined by an ending
# rule, and last a word of another case kept as written because no rule knew it.
KEPT, RULE, DICTIONARY, WRITTEN = range(4)
NOMINATIVE = UD_CASES["Nom"]


class NameForm(NamedTuple):
    """A name part in the nominative, and how it was reached (KEPT ... WRITTEN)."""

    text: str
    rank: int


@lru_cache(maxsize=NAME_CACHE)
def in_dictionary(word: str) -> bool:
    """The dictionary knows the word: an analysis comes from it alone, not from a guess by the
    word's ending (the same answer as pymorphy3's `is_known`, which looks the word up again)."""
    return any(
        len(p.methods_stack) == 1 and isinstance(p.methods_stack[0][0], DictionaryAnalyzer)
        for p in parses(word.lower())
    )


def _is_single_first_name(word: str) -> bool:
    """A lone word is a first name only in the singular: «Тулегенов» is not «Тулеген» (plural)."""
    return in_dictionary(word) and any("Name" in p.tag and p.tag.number == "sing" for p in parses(word.lower()))


def has_gram(word: str, gram: str) -> bool:
    """A dictionary analysis carries `gram`; guesses for unknown words do not count
    (pymorphy3 guesses «Каранкевичем» to be a patronymic)."""
    return in_dictionary(word) and any(gram in p.tag for p in parses(word.lower()))


def _gender_fits(parse, gender: str) -> bool:
    # pymorphy3's tag.gender refuses comparison with the common-gender grammeme "ms-f"
    return "ms-f" in parse.tag or parse.tag.gender is None or gender in parse.tag


def _known_readings(word: str, gram: str, gender: str | None) -> list:
    """The dictionary's singular readings of a name word as `gram` (Name, Surn, Patr), of the
    person's gender when it has some; declinable readings first: «Анне» is Анна in the dative
    before it is the French Anne. Guesses for unknown words are left out: they invent names
    («Кимура» -> «Кимур», «Спейси» -> «Спейся»)."""
    if not in_dictionary(word):
        return []
    found = [p for p in parses(word.lower()) if gram in p.tag and p.tag.number != "plur"]
    if gender:
        found = [p for p in found if _gender_fits(p, gender)] or found
    return sorted(found, key=lambda p: "Fixd" in p.tag)


@lru_cache(maxsize=NAME_CACHE)
def _nominative(word: str, case: str | None, gram: str, gender: str | None) -> NameForm:
    """A first name, patronymic or surname in the nominative, of the person's gender."""
    if "-" in word.strip("-"):
        return _hyphenated(word, case, gram, gender)
    known = _known_readings(word, gram, gender)
    oblique = [p for p in known if p.tag.case not in NOMINATIVE and "Fixd" not in p.tag]
    if case in (None, "Nom"):
        if gram == "Surn" and _no_nominative(word, gender):
            # the tagger said nominative, the ending cannot be one: «С. М. Вдовиным»
            return _surname_from_oblique(word, oblique, gender)
        if gram == "Patr" and PATRONYMIC_CASES.match(word):
            return NameForm(_patronymic_by_suffix(word, gender) or word, RULE)  # «Болатовичем»
        if gram != "Patr" and gender == "masc" and not known and MASC_INSTRUMENTAL.search(word):
            return NameForm(_by_ending(word, "Ins", gender) or word, RULE)  # «Ерланом», «Чонгом»
        declinable_nom = [p for p in known if p.tag.case in NOMINATIVE and "Fixd" not in p.tag]
        if gram != "Name" or declinable_nom or not oblique:
            return NameForm(word, WRITTEN if case == "Nom" else KEPT)
        # the tagger said nominative, the dictionary knows the first name in another case only:
        # «Анне». A surname it knows so may still be a nominative: «Юн Фоссе»
        return NameForm(_inflected(word, oblique[0], gram, gender), DICTIONARY)
    readings = [p for p in known if p.tag.case in UD_CASES.get(case, ())] or oblique
    if readings:
        return NameForm(_inflected(word, readings[0], gram, gender), DICTIONARY)
    ruled = _declined_by_rule(word, case, gram, gender)
    return NameForm(ruled, RULE) if ruled else NameForm(word, KEPT)


# Russian surname endings that are never a nominative, whatever the tagger says: «Вдовиным»,
# «Луговскому»; of a man also -ова/-ина («Хажина»), of a woman -овой/-ской («Ивановой»)
NO_NOMINATIVE = re.compile(r"(ов|ев|ёв|ин|ын)(у|ым|ом|е)$|(ск|цк)(ого|ому|им|ом|ую)$", re.IGNORECASE)
NO_MASC_NOMINATIVE = re.compile(r"(ов|ев|ёв|ин|ын)а$", re.IGNORECASE)
NO_FEMN_NOMINATIVE = re.compile(r"(ов|ев|ёв|ин|ын|ск|цк)ой$", re.IGNORECASE)


# a man's name the dictionary does not know, in the instrumental whatever the tagger says
MASC_INSTRUMENTAL = re.compile(r"[^аеёиоуыэюя]ом$", re.IGNORECASE)


def _no_nominative(word: str, gender: str | None) -> bool:
    if NO_NOMINATIVE.search(word):
        return True
    if gender == "masc":
        return bool(NO_MASC_NOMINATIVE.search(word))
    return gender == "femn" and bool(NO_FEMN_NOMINATIVE.search(word))


def _surname_from_oblique(word: str, oblique: list, gender: str | None) -> NameForm:
    if oblique:
        return NameForm(_inflected(word, oblique[0], "Surn", gender), DICTIONARY)
    ruled = _surname_by_suffix(word, gender)
    return NameForm(ruled, RULE) if ruled else NameForm(word, KEPT)


def _inflected(word: str, parse, gram: str, gender: str | None) -> str:
    want = {"nomn", "sing"}
    if gender and gram in ("Surn", "Patr") and "ms-f" not in parse.tag:
        want.add(gender)
    out = inflect_word(word, parse, want, {"nomn"}) or word
    return out if "ё" in word.lower() else out.replace("ё", "е").replace("Ё", "Е")  # «Цивилев» as written


def _hyphenated(word: str, case: str | None, gram: str, gender: str | None) -> NameForm:
    """«Диаса-Канеля», «Римского-Корсакова», «Хантсмена-младшего»: each part declines alone; a
    lowercase part is an attribute or a particle («младшего», «аль»)."""
    forms = []
    for part in word.split("-"):
        if part[:1].isupper():
            forms.append(_nominative(part, case, gram, gender))
        elif case not in (None, "Nom") and part.lower() not in SURNAME_PARTICLES:
            forms.append(NameForm(nominative_word(part, "ADJ", case, gender, "sing"), RULE))
        else:
            forms.append(NameForm(part, WRITTEN))
    return NameForm("-".join(f.text for f in forms), min(f.rank for f in forms))


def _declined_by_rule(word: str, case: str, gram: str, gender: str | None) -> str | None:
    """A name the dictionary does not know as one, declined back by its ending."""
    if gram == "Surn":
        return (
            _adjective_surname(word, case, gender)
            or _surname_by_suffix(word, gender)
            or _by_ending(word, case, gender)
        )
    if gram == "Patr":
        return _patronymic_by_suffix(word, gender)
    if word[-1:].lower() in "ыи":
        return None  # a first name in -и, -ы is as often indeclinable: «Гурбангулы», «Бенджи»
    return _by_ending(word, case, gender)


def _adjective_surname(word: str, case: str, gender: str | None) -> str | None:
    """A surname declined as an adjective: «Сергея Лугового» -> Луговой, «Ирины Яровой» -> Яровая."""
    if not gender:
        return None
    for p in parses(word.lower()):
        if (in_dictionary(word) and p.tag.POS == "ADJF" and p.tag.number == "sing" and gender in p.tag
                and p.tag.case in UD_CASES.get(case, ())):
            return inflect_word(word, p, {"nomn", "sing", gender})
    return None


# Russian surnames in -ов/-ев/-ин/-ын/-ский decline by rule; when the dictionary only knows
# the word as something else («Мантурова» as the town Мантурово), the rule decides.
SURNAME_MASC = re.compile(r"^(.+(?:ов|ев|ёв|ин|ын))(а|у|ым|е)$", re.IGNORECASE)
SURNAME_FEM = re.compile(r"^(.+(?:ов|ев|ёв|ин|ын))(ой|у)$", re.IGNORECASE)
SURNAME_SKY = re.compile(r"^(.+(?:ск|цк))(ого|ому|им|ом|ая|ой|ую)$", re.IGNORECASE)


def _surname_by_suffix(word: str, gender: str | None) -> str | None:
    if gender == "masc":
        m = SURNAME_MASC.match(word)
        if m:
            return m.group(1)
        m = SURNAME_SKY.match(word)
        if m and m.group(2) in ("ого", "ому", "им", "ом"):
            return m.group(1) + "ий"
    if gender == "femn":
        m = SURNAME_FEM.match(word)
        if m:
            return m.group(1) + "а"
        m = SURNAME_SKY.match(word)
        if m and m.group(2) in ("ой", "ую"):
            return m.group(1) + "ая"
    return None


PATRONYMIC_CASES = re.compile(r"^(.+(?:ович|евич|ич))(а|у|ем|е)$|^(.+(?:овн|евн|ичн))(ы|е|у|ой|ою)$", re.IGNORECASE)


def _patronymic_by_suffix(word: str, gender: str | None) -> str | None:
    m = PATRONYMIC_CASES.match(word)
    if not m:
        return None
    return m.group(1) if m.group(1) else m.group(3) + "а"


VOWELS = frozenset("аеёиоуыэюяАЕЁИОУЫЭЮЯ")
# after these a declined -и stands for -а («Жоги» -> Жога); spelling rules forbid -ы there
VELAR_OR_HUSHING = frozenset("гкхжшчщ")
# after these a soft stem takes no soft sign: «Ассанжем» -> Ассанж, not «Ассанжь»
NO_SOFT_SIGN = frozenset("жшчщц")

# The endings of names that decline like nouns, by gender and case: ending -> what replaces it
# («Иглесиаса» -> Иглесиас, «Пателя» -> Патель, «Кандыбы» -> Кандыба). Endings that are as
# often the nominative of an indeclinable name stay out: -и after a soft consonant («Спейси»),
# -е of the locative («Ассанже» or «Манделе»), a woman's -е («Фриске»); her surname ending in a
# consonant does not decline («Марины Голуб»).
MASC_ENDINGS = {
    "Gen": (("ы", "а"), ("и", "а"), ("а", ""), ("я", "ь")),
    "Acc": (("у", "а"), ("ю", "я"), ("а", ""), ("я", "ь")),
    "Dat": (("у", ""), ("ю", "ь"), ("е", "а")),
    "Ins": (("ом", ""), ("ем", "ь"), ("ой", "а"), ("ей", "я")),
}
FEMN_ENDINGS = {
    "Gen": (("ы", "а"), ("и", "а")),
    "Acc": (("у", "а"), ("ю", "я")),
    "Ins": (("ой", "а"), ("ей", "я")),
}
# the shortest stem left when an ending comes off: two letters («Ли» is no declined «Л»)
MIN_STEM = 2


def _by_ending(word: str, case: str, gender: str | None) -> str | None:
    table = MASC_ENDINGS if gender == "masc" else FEMN_ENDINGS if gender == "femn" else {}
    lower = word.lower()
    for ending, replacement in table.get(case, ()):
        stem = word[: len(word) - len(ending)]
        if not lower.endswith(ending) or len(stem) < MIN_STEM:
            continue
        last = stem[-1].lower()
        if last in VOWELS:
            # only a soft ending follows a vowel: «Карзая», «Карзаем» -> Карзай
            return stem + "й" if replacement == "ь" else None
        if ending == "и" and last not in VELAR_OR_HUSHING:
            return None  # «Спейси», «Берлускони»: an indeclinable name
        if replacement == "ь" and last in NO_SOFT_SIGN | VELAR_OR_HUSHING:
            replacement = ""
        if replacement == "я" and last in VELAR_OR_HUSHING:
            replacement = "а"
        return stem + replacement
    return None


# a patronymic's ending tells the person's gender for sure: «Азаматович», «Ринатовны»
MASC_PATRONYMIC = re.compile(r"(ович|евич)(а|у|ем|е)?$|^\w+ оглы$", re.IGNORECASE)
FEMN_PATRONYMIC = re.compile(r"(овн|евн|ичн)(а|ы|е|у|ой|ою)$|^\w+ кызы$", re.IGNORECASE)


def _is_patronymic(word: str, by_ending: bool = False) -> bool:
    """The dictionary derives patronymics from the first names it knows. The ending alone is
    enough only among three words: of two it takes surnames for them («Виктором Каранкевичем»)."""
    return has_gram(word, "Patr") or (by_ending and bool(MASC_PATRONYMIC.search(word) or FEMN_PATRONYMIC.search(word)))


def _dictionary_gender(tok: Token) -> str | None:
    """The gender of a name word the dictionary knows in its tagged case, if only one: «Каримова»
    in the nominative is a woman's surname, «Яну» a woman's name («Ян» has no accusative «Яну»)."""
    if not in_dictionary(tok.text):
        return None
    cases = UD_CASES.get(tok.case or "")
    genders = {
        p.tag.gender for p in tok.parses
        if {"Name", "Surn"} & p.tag.grammemes and p.tag.number == "sing"
        and (cases is None or p.tag.case in cases) and p.tag.gender in ("masc", "femn")
    }
    return genders.pop() if len(genders) == 1 else None


# a Russian surname's ending in its tagged case tells the gender: ending, cases (None: any) -> gender
SURNAME_GENDER = [
    (re.compile(r"(ов|ев|ёв|ин|ын)$", re.IGNORECASE), {"Nom"}, "masc"),
    (re.compile(r"(ов|ев|ёв|ин|ын)а$", re.IGNORECASE), {"Nom"}, "femn"),
    (re.compile(r"(ов|ев|ёв|ин|ын)а$", re.IGNORECASE), {"Gen", "Acc"}, "masc"),
    (re.compile(r"(ов|ев|ёв|ин|ын)у$", re.IGNORECASE), {"Dat"}, "masc"),
    (re.compile(r"(ов|ев|ёв|ин|ын)у$", re.IGNORECASE), {"Acc"}, "femn"),
    # not read as a nominative: «Андрей Лозовой» declines as an adjective
    (re.compile(r"(ов|ев|ёв|ин|ын)ой$", re.IGNORECASE), {"Gen", "Dat", "Ins", "Loc"}, "femn"),
    (re.compile(r"(ов|ев|ёв|ин|ын)(ым|ом|е)$", re.IGNORECASE), None, "masc"),
    (re.compile(r"(ск|цк)(ий|ого|ому|им|ом)$", re.IGNORECASE), None, "masc"),
    (re.compile(r"(ск|цк)(ая|ую)$", re.IGNORECASE), None, "femn"),
]


def _surname_gender(tok: Token) -> str | None:
    """«Утяшева» read as a nominative is a woman's surname, «Бобошикову» as an accusative too."""
    for ending, cases, gender in SURNAME_GENDER:
        if ending.search(tok.text) and (cases is None or tok.case in cases):
            return gender
    return None


def _gender(tokens: list[Token], surname: tuple[Token, ...] = ()) -> str | None:
    """The person's gender: a patronymic says it, else the ending of a Russian surname in its
    tagged case, else the name words the dictionary knows in their tagged case when they agree
    (the dictionary calls the Tatar «Ляйсан» a man's name: the surname goes first), else the
    tagger, else a first name's reading."""
    for tok in tokens:
        if has_gram(tok.text, "Surn"):
            continue  # «Мария Богданович»: a surname that looks like a patronymic
        if MASC_PATRONYMIC.search(tok.text):
            return "masc"
        if FEMN_PATRONYMIC.search(tok.text):
            return "femn"
    if surname and (g := _surname_gender(surname[-1])):
        return g
    votes = {g for tok in tokens if (g := _dictionary_gender(tok))}
    if len(votes) == 1:
        return votes.pop()
    for tok in tokens:
        g = tok.feats.get("Gender")
        if g in ("Masc", "Fem"):
            return "masc" if g == "Masc" else "femn"
    for tok in tokens:
        for p in parses(tok.text.lower()):
            if ("Name" in p.tag or "Patr" in p.tag) and p.tag.gender in ("masc", "femn"):
                return p.tag.gender
    return None


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


# a surname by its Russian suffix, in any case: «Тажитдинова», «Луговского» (not -ин: «Зинедин»)
SURNAME_SHAPE = re.compile(r"(ов|ев|ёв)(а|у|ым|е|ой)?$|(ск|цк)(ий|ого|ому|им|ом|ая|ой|ую)$", re.IGNORECASE)


def _same_gender(name: str, patronymic: str) -> bool:
    """A patronymic of the first name's gender: «Мария Богданович» is a surname, no patronymic."""
    def genders(word: str, gram: str) -> set[str]:
        return {p.tag.gender for p in parses(word.lower()) if gram in p.tag} if in_dictionary(word) else set()

    names, patronymics = genders(name, "Name"), genders(patronymic, "Patr")
    return not names or not patronymics or bool(names & patronymics)


def _surname_first(a: str, b: str) -> bool:
    """Two words in the official order, surname first: the dictionary says so («Путин Владимир»),
    or a word shaped like a Russian surname stands before a word no dictionary knows
    («Тажитдинова Илшата»)."""
    if has_gram(a, "Name"):
        return False
    if has_gram(a, "Surn") and has_gram(b, "Name"):
        return True
    if not SURNAME_SHAPE.search(a) or SURNAME_SHAPE.search(b):
        return False
    return has_gram(b, "Name") or not in_dictionary(b)


@dataclass(frozen=True)
class _Roles:
    """Which words of a name are the first name, the middle name (and its kind), the surname."""

    first: Token | None = None
    middle: Token | None = None
    middle_gram: str = "Patr"
    last: tuple[Token, ...] = ()


def _roles(parts: list[Token], initials: list[str], lone_surname: bool = False) -> _Roles:
    """Name parts by their order and the dictionary: «Иван Петрович Сидоров», the official order
    «Сидоров Иван Петрович», «Жан-Мари Ле Пен», a second given name «Реджеп Тайип Эрдоган»."""
    texts = [t.text for t in parts]
    # surname particles glue to the following words: «Ле Пен»
    k = next((i for i, w in enumerate(texts) if 0 < i < len(texts) - 1 and w.lower() in SURNAME_PARTICLES), None)
    if k is not None:
        return _Roles(first=parts[0], last=tuple(parts[k:]))
    if len(parts) == 1:
        word = texts[0]
        if lone_surname or initials or not _is_single_first_name(word) or has_gram(word, "Surn"):
            return _Roles(last=(parts[0],))
        return _Roles(first=parts[0])
    if len(parts) == 2:
        a, b = parts
        if _is_patronymic(b.text) and not has_gram(b.text, "Surn") and _same_gender(a.text, b.text):
            return _Roles(first=a, middle=b)
        if _surname_first(a.text, b.text):
            return _Roles(first=b, last=(a,))  # «Иванов Иван»
        return _Roles(first=a, last=(b,))
    a, b, c = parts[0], parts[1], parts[-1]
    if _is_patronymic(c.text, by_ending=True) and not _is_patronymic(b.text, by_ending=True):
        return _Roles(first=b, middle=c, last=(a,))  # «Тажитдинов Илшат Азаматович»
    if _is_patronymic(b.text, by_ending=True):
        return _Roles(first=a, middle=b, last=(c,))
    if len(parts) == 3 and has_gram(b.text, "Name") and not has_gram(b.text, "Surn"):
        return _Roles(first=a, middle=b, middle_gram="Name", last=(c,))
    return _Roles(first=a, last=tuple(parts[1:]))  # a two-word surname


# pymorphy3's cases -> the tagger's (UD) names
UD_OF = {oc: ud for ud, ocs in UD_CASES.items() for oc in ocs}


def _mention_case(roles: _Roles) -> str | None:
    """The case of the whole name, when a first name the dictionary knows in its tagged case says
    it (in «Артёма Жоги» the tagger may read the unknown surname as a dative, «Артёма» is not),
    or a patronymic the dictionary knows in one case only («Магомедовичу»: a dative, whatever the
    tagger says of «Шамсуддину»)."""
    tok = roles.first
    if tok is not None and tok.case is not None and in_dictionary(tok.text):
        cases = UD_CASES.get(tok.case, ())
        if any("Name" in p.tag and p.tag.case in cases for p in tok.parses):
            return tok.case
    tok = roles.middle
    if tok is not None and roles.middle_gram == "Patr" and in_dictionary(tok.text):
        found = {UD_OF.get(p.tag.case) for p in tok.parses if "Patr" in p.tag}
        if len(found) == 1:
            return found.pop()
    return None


def _surname(tokens: tuple[Token, ...], gender: str | None, case: str | None) -> NameForm:
    """The surname's words in the nominative, in the case of the whole name if known; particles
    stay as written («де Голля» -> де Голль)."""
    forms = [
        NameForm(t.text, WRITTEN) if t.text.lower() in SURNAME_PARTICLES
        else _nominative(t.text, case or t.case, "Surn", gender)
        for t in tokens
    ]
    return NameForm(" ".join(f.text for f in forms), min(f.rank for f in forms))


def split_name(tagged: Tagged, first: int, last: int, lone_surname: bool = False) -> NameMention | None:
    """Read a PER span as first/middle/last name; None if nothing name-like is left. A lone word is
    a surname if `lone_surname`, else if the dictionary does not take it for a first name."""
    first, last, initials = _widen_initials(tagged, first, last)
    toks = tagged.tokens
    words = [t for t in toks[first:last] if t.text[:1].isalpha() and not (
        INITIAL.fullmatch(t.text) and t.text in initials
    )]
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
    roles = _roles(words, initials, lone_surname)
    gender = _gender(words, roles.last)
    case = _mention_case(roles)
    f = _nominative(roles.first.text, case or roles.first.case, "Name", gender) if roles.first else None
    m = _nominative(roles.middle.text, case or roles.middle.case, roles.middle_gram, gender) if roles.middle else None
    la = _surname(roles.last, gender, case) if roles.last else None
    if regnal:
        numerals = " ".join(t.text for t in regnal)
        if f:
            f = NameForm(f"{f.text} {numerals}", f.rank)
        elif la:
            la = NameForm(f"{la.text} {numerals}", la.rank)
    if initials and not f:
        f = NameForm(initials[0] + ".", WRITTEN)
        if len(initials) > 1 and not m:
            m = NameForm(initials[1] + ".", WRITTEN)
    start, end = toks[first].start, toks[last - 1].end
    forms = _surname_readings(roles.last[-1].text) if roles.last else frozenset()
    return NameMention(
        start, end, first, last,
        f.text if f else None, m.text if m else None, la.text if la else None, gender, forms,
        first_forms=frozenset({name_key(f.text), name_key(roles.first.text)}) if f and roles.first else frozenset(),
        first_rank=f.rank if f else KEPT, last_rank=la.rank if la else KEPT,
    )


@lru_cache(maxsize=NAME_CACHE)
def _surname_readings(word: str) -> frozenset[str]:
    """A surname's possible nominatives as written («Тулегенов» may be read as a genitive of
    «Тулеген», «Кимуре» as a form of «Кимура»): mentions whose readings meet are one surname."""
    out = {word}
    for p in parses(word.lower()):
        if p.tag.POS == "NOUN":
            out.add(p.normal_form)
    # a surname's lemma is the man's form; the woman's is the other gender («Иванов», «Иванова»)
    out |= {pair for form in out if (pair := _other_gender(form))}
    return frozenset(name_key(form) for form in out)


# a Russian surname in the nominative and its other gender: «Топалов» / «Топалова»
SURNAME_NOMINATIVE = re.compile(r"(ов|ев|ёв|ин|ын)(а)?$", re.IGNORECASE)
SURNAME_SKY_NOMINATIVE = re.compile(r"(ск|цк)(ий|ая)$", re.IGNORECASE)


def _other_gender(word: str) -> str | None:
    """The nominative of the other gender of a surname shaped like a Russian one («Иванов» /
    «Иванова», «Политковский» / «Политковская»); the dictionary lacks it for some surnames it knows
    («Топалов»)."""
    m = SURNAME_NOMINATIVE.search(word)
    if m:
        return word[:-1] if m.group(2) else word + "а"
    m = SURNAME_SKY_NOMINATIVE.search(word)
    if m:
        return word[: m.start(2)] + ("ая" if m.group(2).lower() == "ий" else "ий")
    return None


def name_key(s: str | None) -> str:
    """A name part as compared: lowercase, ё as е."""
    return (s or "").lower().replace("ё", "е")


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
# parts of speech of words that describe a person named next: adjectives, participles, adverbs
DESCRIBING_POS = frozenset({"ADJF", "PRTF", "ADVB", "NUMR", "COMP"})


def _no_name_word(tok: Token, opens_sentence: bool) -> bool:
    """A word that is no part of a name: every reading the dictionary has is a common word (or a
    place), and the tagger does not call it a proper noun («Оппонентом Рубио», «Экс-советник
    Трампа», «Князь Голицын»). Names the dictionary knows only as common words or places are proper
    nouns to the tagger: «Серена Уильямс», «Гата Камский», «Бруклина Джозефа»."""
    if tok.text.lower() in SURNAME_PARTICLES or not in_dictionary(tok.text) or any(
        NAME_GRAMS & p.tag.grammemes for p in tok.parses
    ):
        return False
    if tok.pos != "PROPN":
        return True
    # a capital opening a sentence makes the tagger see a proper noun: there a word goes if it can
    # only name a person by what they are or describe them («Князь Голицын», «Восьмидесятилетний
    # Маккейн»); a name the dictionary knows as a thing stays («Челси Мэннинг», «Камерон Диас»)
    return opens_sentence and all(
        (p.tag.POS == "NOUN" and p.tag.animacy == "anim") or p.tag.POS in DESCRIBING_POS for p in tok.parses
    )


def _trimmed(tagged: Tagged, first: int, last: int) -> tuple[int, int]:
    """A name part without the common words before it and the punctuation around it."""
    toks = tagged.tokens
    while first < last and (not toks[first].text[:1].isalnum() or (
        last - first > 1 and _no_name_word(toks[first], tagged.sents[toks[first].sent].first == first)
    )):
        first += 1
    while last > first and not toks[last - 1].text[:1].isalnum() and not _initial_dot(toks, last - 1, first):
        last -= 1
    if last - first > 1 and _initial_ends(toks, first, last):
        last += 1  # «Михальчука И. Ф.»: the model left the last initial's period out
    return first, last


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
    if left and right and left != right:
        return False
    sizes = (a[1] - a[0], b[1] - b[0])
    if sizes == (1, 1):
        # a first name and a surname, in either order; two surnames are two people («смерти
        # Моррисона Манзарек начал»)
        return has_gram(words[0], "Name") != has_gram(words[1], "Name")
    # a name and its patronymic on one side, the surname on the other; a surname before a full
    # name is someone else's («советника Путина Михаила Лесина»)
    return sizes in ((1, 2), (2, 1)) and _is_patronymic(words[-1] if sizes == (1, 2) else words[1], by_ending=True)


def _person_spans(tagged: Tagged) -> list[tuple[int, int]]:
    """The model's PER spans as token ranges, those that are one name joined."""
    out: list[tuple[int, int]] = []
    for span in tagged.spans:
        if span.type != "PER":
            continue
        here = (span.first, span.last)
        if out and _joins(tagged, out[-1], here):
            out[-1] = (out[-1][0], here[1])
        else:
            out.append(here)
    return out


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
    out += _surnames_again(tagged, out)
    return sorted(out, key=lambda nm: nm.start)


# the statistics offices of Rosstat, one a region: «Татарстанстат», «Свердловскстат», «Мосстат»
STATISTICS_OFFICE = re.compile(r"стат(а|у|ом|е)?$", re.IGNORECASE)


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
            known & _surname_readings(word)
        ):
            nm = split_name(tagged, nm.first_tok, nm.last_tok, lone_surname=True) or nm
        out.append(nm)
    return out


def _without_common_words(tagged: Tagged, found: list[NameMention]) -> list[NameMention]:
    """A one-word span that is a common word is no person («Хакер взломал камеру», «Прокуроры
    обязаны ...», «Обсуждавшие пришли к выводу»): the dictionary knows the word, as no name, and
    the tagger does not call it a proper noun or only because it opens a sentence. Unless it is the
    surname of someone named in full in the text («Мария Соболь ... Соболь заявила»). Nor is a
    statistics office («По данным Татарстанстата»)."""
    known = _known_surnames(found)
    toks = tagged.tokens
    out = []
    for nm in found:
        tok = toks[nm.first_tok]
        if nm.last_tok - nm.first_tok == 1 and not known & _surname_readings(tok.text) and (
            _no_name_word(tok, tagged.sents[tok.sent].first == nm.first_tok) or STATISTICS_OFFICE.search(tok.text)
        ):
            continue
        out.append(nm)
    return out


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


def _surnames_again(tagged: Tagged, found: list[NameMention]) -> list[NameMention]:
    """A surname of a person named in the text, written again where the model saw no name: «По
    словам Русских» after «Сергей Русских», «Путин подписал указ» in a headline before «Владимир
    Путин». Not in quotes; opening a sentence, only a proper noun, not an adjective
    («Русских покупателей ждут скидки»). The first name written before it comes along when it is
    that person's (`_first_name_of`)."""
    known = _known_surnames(found)
    if not known:
        return []
    firsts = _first_names_by_surname(found)
    toks = tagged.tokens
    free = _free(tagged, found)
    out = []
    for k in sorted(free):
        tok = toks[k]
        if not (tok.text[:1].isupper() and tok.text[1:].islower() and tok.text.isalpha()):
            continue
        if (tagged.sents[tok.sent].first == k and tok.pos != "PROPN") or (k > 0 and toks[k - 1].text in "«\"„"):
            continue
        readings = _surname_readings(tok.text)
        if known & readings:
            start = k - 1 if k - 1 in free and _first_name_of(toks[k - 1], readings, firsts) else k
            nm = split_name(tagged, start, k + 1)
            if nm is not None and nm.last:
                out.append(nm)
    return out


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
                if word[:1] == initial[:1] and _is_single_first_name(tok.text):
                    return True
            elif word in forms or name_key(_nominative(tok.text, tok.case, "Name", gender).text) in forms:
                return True
    return False
