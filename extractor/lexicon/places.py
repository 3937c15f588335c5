"""The place word lists, loaded once per process: names of one place (`place_names.txt`) and the
words before a street's name (`street_words.txt`)."""

from __future__ import annotations

from functools import cache

from extractor.lexicon import load_rows, load_words
from extractor.lexicon.orgs import abbrev_spellings
from extractor.nlp.morph import parses, phrase_lemmas
from extractor.nlp.tagging import Token


def place_key(name: str) -> tuple[str, ...]:
    """A place name as lemmas: «Российской Федерации» and «Российская Федерация» agree."""
    return phrase_lemmas(name.lower().replace("ё", "е"))


@cache
def place_groups() -> dict[tuple[str, ...], int]:
    """Each name of the place list (as lemmas) -> the number of its place."""
    out: dict[tuple[str, ...], int] = {}
    for k, row in enumerate(load_rows("place_names.txt")):
        for name in row:
            out.setdefault(place_key(name), k)
    return out


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
