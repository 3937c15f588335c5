"""The place word lists, loaded once per process: names of one place (`place_names.txt`) and the
words before a street's name (`street_words.txt`)."""

from __future__ import annotations

import re
from functools import cache

from extractor.lexicon import load_rows, load_words
from extractor.lexicon.orgs import abbrev_spellings
from extractor.nlp.morph import guessed, parses, phrase_lemmas
from extractor.nlp.tagging import Token

# a dash between spaces, however it is typed
SPACED_DASH = re.compile(r"\s+[—–-]\s+")


def place_key(name: str) -> tuple[str, ...]:
    """A place name as lemmas: «Российской Федерации» and «Российская Федерация» agree, and so do
    the dashes of «Кемеровская область — Кузбасс»; a word before another is read as an adjective
    where it may be one («Тверская область», whose «Тверская» is a street's name to the dictionary,
    and «Тверской области»)."""
    lemmas = list(phrase_lemmas(SPACED_DASH.sub(" – ", name.lower().replace("ё", "е"))))
    words = name.lower().replace("ё", "е").split()
    if len(words) == len(lemmas):
        for i, word in enumerate(words[:-1]):
            lemmas[i] = _adjective_lemma(word) or lemmas[i]
    return tuple(lemmas)


@cache
def _adjective_lemma(word: str) -> str | None:
    """The lemma of a word as a full adjective, when the dictionary knows it as one."""
    return next((p.normal_form.replace("ё", "е") for p in parses(word) if p.tag.POS == "ADJF"), None)


@cache
def place_groups() -> dict[tuple[str, ...], int]:
    """Each name of the place lists (as lemmas) -> the number of its place: `place_names.txt` and
    the regions' nicknames (`region_nicknames.txt`)."""
    out: dict[tuple[str, ...], int] = {}
    rows = load_rows("place_names.txt") + load_rows("region_nicknames.txt")
    for k, row in enumerate(rows):
        for name in row:
            out.setdefault(place_key(name), k)
    return out


@cache
def region_nicknames() -> frozenset[tuple[str, ...]]:
    """The regions' nicknames («Прикамье», «Кузбасс»), as lemmas: a place has a better name."""
    return frozenset(nickname_names())


@cache
def nickname_names() -> dict[tuple[str, ...], str]:
    """Each region's nickname as lemmas -> the nickname in the nominative («Белгородчине» -> «Белгородчина»)."""
    return {place_key(row[0]): row[0] for row in load_rows("region_nicknames.txt")}


# the first letters of the nicknames: a cheap test before a word's lemmas are looked up
NICKNAME_STEM = 5


@cache
def _nickname_stems() -> frozenset[str]:
    return frozenset(name.lower()[:NICKNAME_STEM] for name in nickname_names().values())


def region_nickname(word: str) -> str | None:
    """A capitalized word that is a region's nickname, as the nickname in the nominative
    («Белгородчине» -> «Белгородчина»); None for any other word."""
    if not word[:1].isupper():
        return None
    if word[:NICKNAME_STEM].lower() in _nickname_stems() and (listed := nickname_names().get(place_key(word))):
        return listed
    lemma = _formed_nickname(word.lower())
    return lemma.capitalize() if lemma else None


# a region's nickname formed from its adjective's stem, the list aside: «Саратовщина» of «саратовский»,
# «Липетчина» of «липецкий»
FORMED_NICKNAME = re.compile(r"([а-яё]{4,})(?:щин|чин)[аеуыо]й?")
# a stem's last letter as the adjective spells it: «липет-» -> «липецкий»
ADJECTIVE_STEM_END = {"т": "ц"}


@cache
def _formed_nickname(word: str) -> str | None:
    """The nominative of a nickname formed as the regions' are: its stem makes an adjective the
    dictionary knows («саратов» -> «саратовский»), and the word itself is one the dictionary knows
    as a place or not at all («деревенщина», «годовщина» are common nouns)."""
    if not region_adjective(word):
        return None
    readings = [p for p in parses(word) if p.tag.POS == "NOUN" and "femn" in p.tag]
    known = [p for p in readings if not guessed(p)]
    if not readings or known and not any("Geox" in p.tag for p in known):
        return None
    return readings[0].normal_form


@cache
def region_adjective(word: str) -> str | None:
    """The adjective (its lemma) of the region a formed nickname names: «саратовщине» -> «саратовский»."""
    m = FORMED_NICKNAME.fullmatch(word)
    if m is None:
        return None
    stem = m.group(1)
    candidates = [stem + "ский", stem + "ской"]
    if stem[-1] in ADJECTIVE_STEM_END:
        candidates.append(stem[:-1] + ADJECTIVE_STEM_END[stem[-1]] + "кий")
    return next((c for c in candidates if any(p.tag.POS == "ADJF" and not guessed(p) for p in parses(c))), None)


@cache
def street_words() -> frozenset[str]:
    """«улица», «ул», «проспект» ... in lowercase, as written."""
    return frozenset(load_words("street_words.txt"))


def caps_place(tokens: list[Token]) -> bool:
    """A place name written in capitals, as a dateline writes it («ТОМСК, 18 декабря», «НИЖНИЙ
    НОВГОРОД»): a word of it the dictionary knows as a place, no abbreviation of an organization."""
    texts = [t.text for t in tokens]
    if not texts or not all(w.isupper() and w.replace("-", "").isalpha() for w in texts):
        return False
    if "".join(texts) in abbrev_spellings() or all(len(w) <= ABBREVIATION_LENGTH for w in texts):
        return False
    # the tagger's analyses of each word; a hyphenated one by its parts («РОСТОВ-НА-ДОНУ»)
    readings = [t.parses if "-" not in t.text else parses(part.lower()) for t in tokens for part in t.text.split("-")]
    known = [[p for p in found if p.is_known] for found in readings]
    if not all(known) or any("Abbr" in p.tag for found in known for p in found):
        return False  # a guess of the dictionary, or an abbreviation («ВАДА», «СССР»)
    return any("Geox" in p.tag for p in known[-1])


# words of this length or shorter written in capitals are abbreviations: «США», «ЮАР», «РФ»
ABBREVIATION_LENGTH = 3


@cache
def country_names() -> frozenset[str]:
    """The countries of countries.txt, as written: «Малайзия», «США»."""
    return frozenset(load_words("countries.txt"))


@cache
def country_lemmas() -> frozenset[str]:
    """The same countries as lowercase lemmas: «россия», «сша»."""
    return frozenset(name.lower() for name in country_names())
