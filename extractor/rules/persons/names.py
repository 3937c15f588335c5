"""The words of a name: which is the first name, the patronymic, the surname; each in the
nominative; the person's gender. The dictionary (pymorphy3) decides what it knows, rules of
endings what it does not, and a word no rule knows stays as written, with a rank saying how sure
each form is (mentions of one person vote with it)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from extractor.lexicon import load_words
from extractor.nlp.inflect import inflect_word, nominative_word
from extractor.nlp.morph import UD_CASES, UD_OF, in_dictionary, parses
from extractor.nlp.tagging import SURNAME_NOMINATIVE, SURNAME_SKY_NOMINATIVE, Token

# name words analysed and inflected, kept: names recur across documents
NAME_CACHE = 100_000
# a patronymic by its suffix, in any case: «Болатовичем», «Ринатовны» (the middle of three words)
PATRONYMIC = re.compile(r"(ович|евич|ич|овн|евн|ичн|инич)(а|у|ем|ом|е|ой|ы|ою|на|ны|не|ну|ной)?$|^\w+ (оглы|кызы)$")
# «Ле Пен», «ван Бастен», «фон дер Ляйен»: particles that belong to the surname
SURNAME_PARTICLES = frozenset(load_words("name_particles.txt"))
CHINESE_SURNAMES = frozenset(load_words("chinese_surnames.txt"))
VIETNAMESE_SURNAMES = frozenset(load_words("vietnamese_surnames.txt"))
KOREAN_SURNAMES = frozenset(load_words("korean_surnames.txt"))
# surnames written before the given name, which is then no first name a reader keys the person by
FAMILY_NAME_FIRST = CHINESE_SURNAMES | VIETNAMESE_SURNAMES

# How sure a name form is. Mentions of one person may disagree, and the surest form wins: a word
# written in the nominative, then one inflected by the dictionary, then one declined by an ending
# rule, and last a word of another case kept as written because no rule knew it.
KEPT, RULE, DICTIONARY, WRITTEN = range(4)
NOMINATIVE = UD_CASES["Nom"]


class NameForm(NamedTuple):
    """A name part in the nominative, and how it was reached (KEPT ... WRITTEN)."""

    text: str
    rank: int


def is_single_first_name(word: str) -> bool:
    """A lone word is a first name only in the singular: «Тулегенов» is not «Тулеген» (plural)."""
    return in_dictionary(word) and any("Name" in p.tag and p.tag.number == "sing" for p in parses(word.lower()))


def has_gram(word: str, gram: str) -> bool:
    """A dictionary analysis carries `gram`; guesses for unknown words do not count
    (pymorphy3 guesses «Каранкевичем» to be a patronymic)."""
    return in_dictionary(word) and any(gram in p.tag for p in parses(word.lower()))


def _singular_name(word: str) -> bool:
    """The dictionary reads the word as one person's first name: «Иван», «Ивана»; not «Иванов»,
    which is a first name only as the genitive plural of «Иван»."""
    return in_dictionary(word) and any("Name" in p.tag and p.tag.number != "plur" for p in parses(word.lower()))


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
def nominative(word: str, case: str | None, gram: str, gender: str | None) -> NameForm:
    """A first name, patronymic or surname in the nominative, of the person's gender."""
    if "-" in word.strip("-"):
        return _hyphenated(word, case, gram, gender)
    known = _known_readings(word, gram, gender)
    oblique = [p for p in known if p.tag.case not in NOMINATIVE and "Fixd" not in p.tag]
    if (
        case in (None, "Nom") and gram == "Name" and gender == "femn" and word[-1:].lower() not in "ая"
        and not any(_gender_fits(p, gender) for p in known)
    ):
        # a woman's first name the tagger reads as a nominative, not in -а/-я, which the dictionary
        # knows as a man's in another case only, is another name: «Сауле Маратовна» is no Саул
        # (a man's name in -а is his genitive: «Мартина Бига»)
        oblique = []
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
    if gram == "Surn" and gender and known and not any(_gender_fits(p, gender) for p in known):
        # the dictionary knows the surname of the other gender only: «Ларису Кротову» is no Кротов
        if ruled := _adjective_surname(word, case, gender) or _surname_by_suffix(word, gender):
            return NameForm(ruled, RULE)
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
            forms.append(nominative(part, case, gram, gender))
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
    if word[-1:].lower() in "ыи" and not (gender == "femn" and word[-1:].lower() == "ы"):
        # a first name in -и, -ы is as often indeclinable: «Гурбангулы», «Бенджи»; a woman's in -ы is
        # the genitive of one in -а: «Айаны Сергеевны» -> Айана
        return None
    return _by_ending(word, case, gender)


# adjectives in -овый/-иный share their oblique forms with the surnames in -ов/-ин, which are
# far more common («Рябчиковым»); a surname declined as an adjective ends in -ой, -ий, -ая
POSSESSIVE_ADJECTIVE = re.compile(r"(ов|ев|ёв|ин|ын)ый$")


def _adjective_surname(word: str, case: str, gender: str | None) -> str | None:
    """A surname declined as an adjective: «Сергея Лугового» -> Луговой, «Ирины Яровой» -> Яровая."""
    if not gender:
        return None
    low = word.lower()
    # an adjective's stem has a vowel: not «Евгении Цой» (a Korean surname, no case of «Цая»)
    if gender == "femn" and case != "Nom" and low.endswith("ой") and any(ch in VOWELS for ch in low[:-2]) and any(
        "Surn" in p.tag and "masc" in p.tag and p.tag.case == "nomn" and p.word == low for p in parses(low)
    ):
        return word[:-2] + "ая"  # «Екатерины Лозовой»: the dictionary's man is Лозовой, so she is Лозовая
    for p in parses(word.lower()):
        if POSSESSIVE_ADJECTIVE.search(p.normal_form):
            continue  # «Рябчиковым» is of Рябчиков, not of the adjective «рябчиковый»
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
    endings = table.get(case, ())
    if gender == "masc" and case == "Gen":
        # a man's first name reads the same in the genitive and the accusative, and the tagger mixes
        # them up: «министра Олега Ранталу» is the accusative of Рантала
        endings += tuple(e for e in table["Acc"] if e not in endings)
    for ending, replacement in endings:
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


# a patronymic with no case ending after its suffix: a nominative of either gender
NOMINATIVE_PATRONYMIC = re.compile(r"(ич|овна|евна|ична)$", re.IGNORECASE)
# a patronymic's ending tells the person's gender for sure: «Азаматович», «Ринатовны»
MASC_PATRONYMIC = re.compile(r"(ович|евич)(а|у|ем|е)?$|^\w+ оглы$", re.IGNORECASE)
FEMN_PATRONYMIC = re.compile(r"(овн|евн|ичн)(а|ы|е|у|ой|ою)$|^\w+ кызы$", re.IGNORECASE)


def is_patronymic(word: str, by_ending: bool = False) -> bool:
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


def _first_name_gender(tokens: list[Token]) -> str | None:
    """The one gender of every reading the dictionary gives the first names as names: «Туйаара»,
    «Мария», «Никита» («Ивана» is a man's, in the genitive); none for «Саша» or «Александра» (a
    man's name in the genitive, a woman's in the nominative)."""
    genders = set()
    for tok in tokens:
        if not in_dictionary(tok.text):
            continue  # a guess of the morphology («Цэрэндоржийн») tells nothing
        names = [p for p in parses(tok.text.lower()) if "Name" in p.tag]
        if not names or len(names) < len(parses(tok.text.lower())):
            continue  # a word that may be something else tells nothing
        genders |= {p.tag.gender for p in names}
    return genders.pop() if len(genders) == 1 and genders <= {"masc", "femn"} else None


def gender_of(tokens: list[Token], surname: tuple[Token, ...] = ()) -> str | None:
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
        # a woman's first name (the dictionary knows it for a woman only, in any case) outweighs a
        # man's genitive the tagger read in «-ова»: «Туйаара Аммосова» after a dash is a woman. Not
        # the other way: the dictionary calls the Tatar «Ляйсан» a man's name
        if g == "masc" and _first_name_gender([t for t in tokens if t not in surname]) == "femn":
            return "femn"
        return g
    votes = {g for tok in tokens if (g := _dictionary_gender(tok))}
    if len(votes) == 1:
        return votes.pop()
    if named := _first_name_gender([t for t in tokens if t not in surname]):
        return named
    for tok in tokens:
        g = tok.feats.get("Gender")
        if g in ("Masc", "Fem"):
            return "masc" if g == "Masc" else "femn"
    for tok in tokens:
        for p in parses(tok.text.lower()):
            if ("Name" in p.tag or "Patr" in p.tag) and p.tag.gender in ("masc", "femn"):
                return p.tag.gender
    return None


# a surname by its Russian suffix, in any case: «Тажитдинова», «Луговского» (not -ин: «Зинедин»)
SURNAME_SHAPE = re.compile(r"(ов|ев|ёв)(а|у|ым|е|ой)?$|(ск|цк)(ий|ого|ому|им|ом|ая|ой|ую)$", re.IGNORECASE)


def _same_gender(name: str, patronymic: str) -> bool:
    """A patronymic of the first name's gender: «Мария Богданович» is a surname, no patronymic."""
    def genders(word: str, gram: str) -> set[str]:
        return {p.tag.gender for p in parses(word.lower()) if gram in p.tag} if in_dictionary(word) else set()

    names, patronymics = genders(name, "Name"), genders(patronymic, "Patr")
    return not names or not patronymics or bool(names & patronymics)


# how a Chinese given name ends in the Palladius transcription: «Лэй», «Минхуа», «Цзиньпэн»
CHINESE_GIVEN_END = re.compile(r"([аеёиоуыэюя]|й|н|нь)$", re.IGNORECASE)
# the endings a given name ending in a consonant or «й» takes in the other cases: «Лэем», «Цзиньпину»
CASE_ENDINGS = ("ом", "ем", "а", "я", "у", "ю", "е")


def _surname_first(a: str, b: str) -> bool:
    """Two words in the official order, surname first: the dictionary says so («Путин Владимир»),
    a Chinese surname opens the name («Ван Лэй», «Лю Цзиньпэн»), a Korean one stands before a
    Russian given name («Пак Евгений»), or a word shaped like a Russian surname stands before a word
    no dictionary knows («Тажитдинова Илшата»)."""
    if a in CHINESE_SURNAMES and not has_gram(b, "Name") and any(
        CHINESE_GIVEN_END.search(stem) for stem in (b, *(b[: -len(e)] for e in CASE_ENDINGS if b.endswith(e)))
    ):
        return True
    if a in KOREAN_SURNAMES and has_gram(b, "Name") and not has_gram(b, "Surn"):
        return True  # «Пак Евгений»: a Korean surname, a Russian given name
    if _singular_name(a):
        return False
    if has_gram(a, "Surn") and has_gram(b, "Name"):
        return True
    if not SURNAME_SHAPE.search(a) or SURNAME_SHAPE.search(b):
        return False
    return has_gram(b, "Name") or not in_dictionary(b)


def _vietnamese(a: str, b: str, c: str) -> bool:
    """«Нгуен Ван Тхань», «Чан Тхи Хоа»: a Vietnamese family name, then a middle and a given name
    no dictionary reads as a Russian name or patronymic."""
    return a in VIETNAMESE_SURNAMES and not any(
        has_gram(w, "Patr") or is_patronymic(w, by_ending=True) for w in (b, c)
    )


@dataclass(frozen=True)
class Roles:
    """Which words of a name are the first name, the middle name (and its kind), the surname."""

    first: Token | None = None
    middle: Token | None = None
    middle_gram: str = "Patr"
    last: tuple[Token, ...] = ()


def roles_of(parts: list[Token], initials: list[str], lone_surname: bool = False) -> Roles:
    """Name parts by their order and the dictionary: «Иван Петрович Сидоров», the official order
    «Сидоров Иван Петрович», «Жан-Мари Ле Пен», a second given name «Реджеп Тайип Эрдоган»."""
    texts = [t.text for t in parts]
    if len(parts) == 3 and _vietnamese(*texts):
        # «Нгуен Ван Тхань»: «Ван» is a Vietnamese middle name here, no particle as in «ван Бастен»
        return Roles(first=parts[1], middle=parts[2], middle_gram="Name", last=(parts[0],))
    # surname particles glue to the following words: «Ле Пен»
    k = next((i for i, w in enumerate(texts) if 0 < i < len(texts) - 1 and w.lower() in SURNAME_PARTICLES), None)
    if k is not None:
        return Roles(first=parts[0], last=tuple(parts[k:]))
    if len(parts) == 1:
        word = texts[0]
        if lone_surname or initials or not is_single_first_name(word) or has_gram(word, "Surn"):
            return Roles(last=(parts[0],))
        return Roles(first=parts[0])
    if len(parts) == 2:
        a, b = parts
        # «Виктора Александровича»: a first name and a patronymic, though the dictionary knows the
        # patronymic as a surname too
        first_name = has_gram(a.text, "Name") and not has_gram(a.text, "Surn")
        # after a given name the dictionary does not know, a patronymic's form is a surname: «Милош
        # Петрович», a Serb's
        known = first_name or not has_gram(b.text, "Surn") and in_dictionary(a.text)
        if is_patronymic(b.text) and known and _same_gender(a.text, b.text):
            return Roles(first=a, middle=b)
        if _surname_first(a.text, b.text):
            return Roles(first=b, last=(a,))  # «Иванов Иван»
        return Roles(first=a, last=(b,))
    a, b, c = parts[0], parts[1], parts[-1]
    if is_patronymic(c.text, by_ending=True) and not is_patronymic(b.text, by_ending=True):
        return Roles(first=b, middle=c, last=(a,))  # «Тажитдинов Илшат Азаматович»
    if is_patronymic(b.text, by_ending=True):
        return Roles(first=a, middle=b, last=(c,))
    if len(parts) == 3 and has_gram(b.text, "Name") and not has_gram(b.text, "Surn"):
        return Roles(first=a, middle=b, middle_gram="Name", last=(c,))
    return Roles(first=a, last=tuple(parts[1:]))  # a two-word surname


def mention_case(roles: Roles) -> str | None:
    """The case of the whole name, when a first name the dictionary knows in its tagged case says
    it (in «Артёма Жоги» the tagger may read the unknown surname as a dative, «Артёма» is not),
    or a man's first name in -ом («Арвиндом»), or a patronymic the dictionary knows in one case
    only («Магомедовичу»: a dative, whatever the tagger says of «Шамсуддину»)."""
    tok = roles.first
    if tok is not None and tok.case is not None and in_dictionary(tok.text):
        cases = UD_CASES.get(tok.case, ())
        # an indeclinable first name («Гарри», «Мари») is in every case: no evidence
        if any("Name" in p.tag and "Fixd" not in p.tag and p.tag.case in cases for p in tok.parses):
            return tok.case
    if tok is not None and MASC_INSTRUMENTAL.search(tok.text) and all(
        p.tag.case == "ablt" for p in tok.parses if "Name" in p.tag
    ):
        # «Арвиндом Кумаром Шармой»: an instrumental, whatever the tagger says; a name the dictionary
        # does not know reads by its ending alone, as `nominative` reads «Ерланом»
        return "Ins"
    tok = roles.middle
    if tok is not None and roles.middle_gram == "Patr" and in_dictionary(tok.text):
        found = {UD_OF.get(p.tag.case) for p in tok.parses if "Patr" in p.tag}
        if len(found) == 1:
            return found.pop()
    if tok is not None and roles.middle_gram == "Patr" and NOMINATIVE_PATRONYMIC.search(tok.text):
        # a patronymic the dictionary does not know says the nominative by its bare ending: «Бадма
        # Очирович» (the tagger may read an unknown first name in -а as a genitive)
        return "Nom"
    return None


def surname_form(tokens: tuple[Token, ...], gender: str | None, case: str | None) -> NameForm:
    """The surname's words in the nominative, in the case of the whole name if known; particles
    stay as written («де Голля» -> де Голль)."""
    forms = [
        NameForm(t.text, WRITTEN) if t.text.lower() in SURNAME_PARTICLES
        else nominative(t.text, case or t.case, "Surn", gender)
        for t in tokens
    ]
    return NameForm(" ".join(f.text for f in forms), min(f.rank for f in forms))


@lru_cache(maxsize=NAME_CACHE)
def surname_readings(word: str) -> frozenset[str]:
    """A surname's possible nominatives as written («Тулегенов» may be read as a genitive of
    «Тулеген», «Кимуре» as a form of «Кимура»): mentions whose readings meet are one surname."""
    out = {word}
    for p in parses(word.lower()):
        if p.tag.POS == "NOUN":
            out.add(p.normal_form)
    # a surname's lemma is the man's form; the woman's is the other gender («Иванов», «Иванова»)
    out |= {pair for form in out if (pair := _other_gender(form))}
    return frozenset(name_key(form) for form in out)


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
