"""Putting words and phrases into the nominative: the one place where the project inflects.

The tagger tells each token's part of speech and case; pymorphy3 gives the analyses that fit them
and inflects (`inflect_word`). A word (`nominative_word`) or a noun phrase (`nominative_phrase`)
goes to the nominative on top of that; rules that choose their own analyses (names, for one) pass
them to `inflect_word`. Results are cached: names and posts recur across documents.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from os.path import commonprefix

from pymorphy3.analyzer import Parse

from extractor.nlp.morph import ADJISH, NAME_GRAMMEMES, NOUNISH, OC_ADJ, UD_CASES, fits, parses
from extractor.nlp.tagging import PERSON_NAME_GRAMMEMES, Token, is_mixed_abbreviation

# inflected words kept: names and posts recur across documents
INFLECT_CACHE = 200_000


def recover_shape(word: str, original: str) -> str:
    """Give `word` the capitalization of `original` (per hyphen part), and its «е» for «ё» when
    the text writes none («летчики» -> «летчик», not the dictionary's «лётчик»)."""
    if word.lower() == original.lower():
        return original  # unchanged by inflection: keep «СПбГУ» as written
    if "ё" not in original.lower():
        word = word.replace("ё", "е").replace("Ё", "Е")
    if original.isupper() and len(original) > 1:
        return word.upper()
    word = _hyphens_kept(word, original)
    w_parts, o_parts = word.split("-"), original.split("-")
    if len(w_parts) == len(o_parts):
        return "-".join(_shape_part(w, o) for w, o in zip(w_parts, o_parts, strict=True))
    return _shape_part(word, original)


def _hyphens_kept(word: str, original: str) -> str:
    """The dictionary's form written with the hyphens of the text: «Южно-Уральского» is
    «южноуральский» to pymorphy3, «Южно-Уральский» here."""
    if "-" not in original or "-" in word:
        return word
    out, at = [], 0
    for part in original.split("-")[:-1]:
        if not word.lower().startswith(part.lower(), at):
            return word
        out.append(word[at : at + len(part)])
        at += len(part)
    return "-".join([*out, word[at:]])


def _shape_part(word: str, original: str) -> str:
    if original[:1].isupper():
        if original[1:2].isupper() and original.isupper():
            return word.upper()
        return word[:1].upper() + word[1:]
    return word


def inflect_word(word: str, parse: Parse, grams: set[str], fallback: set[str] | None = None) -> str | None:
    """`word` inflected by its analysis `parse` to `grams` (OpenCorpora grammemes), else to
    `fallback`; written with the capitals of `word`. None when it cannot be."""
    inflected = parse.inflect(grams) or (parse.inflect(fallback) if fallback else None)
    if inflected is not None and "Supr" in parse.tag:
        inflected = _same_stem_form(word, parse, inflected)
    return None if inflected is None else recover_shape(inflected.word, word)


def _same_stem_form(word: str, parse: Parse, inflected: Parse) -> Parse:
    """A superlative's lexeme holds two stems («высший», «высочайший» of «высокий»); pymorphy3
    inflects to the first: keep the word's own, «Высшей школы» -> «Высшая школа»."""
    low = word.lower()
    forms = [f for f in parse.lexeme if f.tag.grammemes == inflected.tag.grammemes]
    return max(forms, key=lambda f: len(commonprefix([f.word, low])), default=inflected)


@lru_cache(maxsize=INFLECT_CACHE)
def nominative_word(
    word: str, pos: str, case: str | None, gender: str | None = None, number: str | None = None,
    lemma: str | None = None,
) -> str:
    """`word` in the nominative, agreeing with `gender`/`number` (OpenCorpora grammemes) if given;
    of `lemma` when the word has a reading of it («временным» of «временный», not «временной»)."""
    if case == "Nom" or not word[:1].isalpha() or is_mixed_abbreviation(word):
        return word
    found = [p for p in parses(word.lower()) if fits(p, pos, case)]
    found = [p for p in found if p.normal_form == lemma] or found
    found = first_part_kept(word, found)
    if not found and pos == "ADJ":
        found = _surname_read_adjective(word, case, gender)
        if found and gender == "neut" and number != "plur":
            # a surname has no neuter: «Кузьмоловском (городском поселении)» is «Кузьмоловское»
            masculine = inflect_word(word, found[0], {"nomn", "sing", "masc"})
            if masculine is None:
                return word
            return masculine[:-2] + ("ое" if masculine[-2:].islower() else "ОЕ")  # «-ский», «-ской»: «-ское»
    if not found:
        return word
    parse = found[0]
    num = number or parse.tag.number
    want_gender = gender or parse.tag.gender
    if parse.tag.POS in OC_ADJ and parse.tag.case == "accs" and any(
        p.tag.case == "nomn" and p.tag.POS in OC_ADJ and p.tag.number == num
        and (p.tag.gender == want_gender or num == "plur")
        for p in parses(word.lower())
    ):
        return word  # an adjective's accusative spelled as its nominative is one: «высшее», not «высочайшее»
    want = {"nomn"}
    if num:
        want.add(num)
    if gender and num != "plur" and parse.tag.POS in OC_ADJ:
        want.add(gender)
    return inflect_word(word, parse, want, {"nomn"}) or word


def first_part_kept(word: str, found: list[Parse]) -> list[Parse]:
    """A compound the dictionary reads both ways, its first part declined or fixed: the fixed one first
    when that part is a nominative as written, a common noun or a place («Десна-Электромаша» is of
    «Десна-Электромаш», not «Десон-»; «Волга-Днепра» of «Волга-Днепр»), not a name («Ростова»)."""
    first = word.lower().split("-")[0]
    if "-" not in word or len(found) < 2:
        return found
    if not any(p.tag.case == "nomn" and p.word == first and not PERSON_NAME_GRAMMEMES & p.tag.grammemes
               for p in parses(first)):
        return found
    kept = [p for p in found if p.normal_form.split("-")[0] == first]
    return kept + [p for p in found if p not in kept]


# the endings of a place adjective the dictionary may know only as a surname: «Каменским»
PLACE_ADJECTIVE_CASE_ENDING = re.compile(r"[сц]к(?:им|ой|ого|ому|ом|ую)$")


def _surname_read_adjective(word: str, case: str | None, gender: str | None) -> list[Parse]:
    """«Каменским (колледжем)»: a place adjective the dictionary reads only as a surname declines
    as that surname does, which is as an adjective."""
    if case is None or not PLACE_ADJECTIVE_CASE_ENDING.search(word.lower()):
        return []
    found = [p for p in parses(word.lower()) if "Surn" in p.tag and p.tag.case in UD_CASES.get(case, ())]
    return [p for p in found if p.tag.gender == gender] or found


def substantive_nominative(word: str, case: str | None) -> str | None:
    """A participle used as a noun («управляющим», «заведующей»: the dictionary marks it Subx) in
    the nominative singular of its gender; None when the word is none in the tagged case."""
    if case == "Nom":
        return None
    found = [p for p in parses(word.lower()) if "Subx" in p.tag and p.tag.POS in OC_ADJ
             and (case is None or p.tag.case in UD_CASES.get(case, ()))]
    return inflect_word(word, found[0], {"nomn", "sing", found[0].tag.gender or "masc"}) if found else None


def case_form(word: str, pos: str, case: str | None, grams: set[str]) -> str:
    """`word` inflected to `grams` by its first analysis in the tagged `case` that can be (read as
    a noun when `pos` is NOUN, else as any other word): «областей» -> «области» (gent, sing)."""
    found = [
        p for p in parses(word.lower())
        if (p.tag.POS == "NOUN") == (pos == "NOUN") and (case is None or p.tag.case in UD_CASES.get(case, ()))
    ]
    for p in found:
        form = p.inflect(grams)
        if form:
            return recover_shape(form.word, word)
    return word


def join_tokens(tokens: Sequence[Token], words: Sequence[str], text: str) -> str:
    """Words joined with the text's own spacing (line breaks become spaces)."""
    parts = []
    for i, (tok, word) in enumerate(zip(tokens, words, strict=True)):
        if i:
            gap = text[tokens[i - 1].end : tok.start]
            parts.append(" " if gap and gap.isspace() else gap)
        parts.append(word)
    return "".join(parts)


def as_written(tokens: Sequence[Token], text: str) -> str:
    return join_tokens(tokens, [t.text for t in tokens], text)


def adjective_only(tok: Token) -> bool:
    """A word the dictionary reads only as a full adjective, whatever the tagger made of it
    («Прииртышского» tagged a proper noun after «Ректором»)."""
    return bool(tok.parses) and all(p.tag.POS == "ADJF" for p in tok.parses)


def may_agree_in_case(adjective: Token, noun: Token) -> bool:
    """The dictionary has a reading of both words in one case: an adjective that may go with the
    noun («Хмельницкой | электростанции»), not a town read as one before a thing («под Мещовском |
    свинокомплекс»). Unknown either way, they may."""
    cases = {p.tag.case for p in adjective.parses}
    return not adjective.parses or not noun.parses or any(p.tag.case in cases for p in noun.parses)


def noun_only(tok: Token) -> bool:
    """A word the dictionary reads only as a common noun, whatever the tagger made of it
    («техникумом» tagged a plural adjective after «между»; not a surname shaped like an adjective,
    «Каменским»)."""
    return bool(tok.parses) and all(p.tag.POS == "NOUN" and not PROPER_GRAMS & p.tag.grammemes for p in tok.parses)


# the grammemes of a name the dictionary knows, a patronymic's too
PROPER_GRAMS = NAME_GRAMMEMES | {"Patr"}


def _part_of_speech(tok: Token, i: int, head: int) -> str:
    if i == head and tok.pos in ADJISH and noun_only(tok):
        return "NOUN"
    return "ADJ" if i < head and tok.pos in NOUNISH and adjective_only(tok) else tok.pos


def head_index(tokens: Sequence[Token]) -> int | None:
    """The head of a noun phrase: its first noun, after any adjectives and conjunctions; a word
    that can only be an adjective is none when a noun follows it (the tagger may call «Самарской»
    of «Самарской Губернской Думы» a proper noun)."""
    for i, tok in enumerate(tokens):
        if tok.pos in NOUNISH and adjective_only(tok) and any(t.pos in NOUNISH for t in tokens[i + 1 :]):
            continue
        if tok.pos in NOUNISH or tok.pos in ADJISH and noun_only(tok):
            return i
        if tok.pos not in ADJISH and tok.pos != "CCONJ" and tok.pos != "PUNCT":
            return None
    return None


def head_grams(tok: Token) -> tuple[str | None, str | None]:
    """Gender and number of a head noun, from its analysis in the tagged case."""
    for p in tok.parses:
        if fits(p, "NOUN", tok.case):
            return p.tag.gender, p.tag.number
    return None, None


def singular_nominative_phrase(tokens: Sequence[Token], text: str, head: int) -> str:
    """A noun phrase with its head at `head` in the nominative singular, whatever its number:
    «американские сенаторы» -> «американский сенатор» (the post each of a group holds)."""
    gender, _number = head_grams(tokens[head])
    words = []
    for i, tok in enumerate(tokens):
        agrees = i == head or i < head and tok.pos in ADJISH
        pos = "NOUN" if i == head else tok.pos
        found = [p for p in tok.parses if fits(p, pos, tok.case) or i == head and p.tag.POS == "NOUN"] if agrees else []
        grams = {"nomn", "sing"} | ({gender} if gender and tok.pos not in NOUNISH else set())
        words.append((inflect_word(tok.text, found[0], grams, {"nomn"}) if found else None) or tok.text)
    return join_tokens(tokens, words, text)


# the tagger's grammemes in pymorphy3's names
_UD_NUMBER = {"Sing": "sing", "Plur": "plur"}
_UD_GENDER = {"Masc": "masc", "Fem": "femn", "Neut": "neut"}


def _acronym_head_grams(tokens: Sequence[Token], head: int) -> tuple[str | None, str | None] | None:
    """An acronym does not decline, nor tell its gender: the adjective before it does, in an
    oblique case, as the tagger reads it in context («Вологодской ЛПК» is «Вологодская ЛПК»,
    «Пермского УФАС» «Пермское УФАС»)."""
    word = tokens[head].text
    if head == 0 or not (word.isupper() and word.isalpha()):
        return None
    adjective = tokens[head - 1]
    if adjective.pos not in ADJISH or adjective.case in (None, "Nom"):
        return None
    return _UD_GENDER.get(adjective.feats.get("Gender", "")), _UD_NUMBER.get(adjective.feats.get("Number", ""))


def nominative_phrase(tokens: Sequence[Token], text: str) -> str:
    """A noun phrase in the nominative: the head and the words agreeing with it change,
    its dependents (genitive and prepositional groups) stay as they are."""
    if not tokens:
        return ""
    head = head_index(tokens)
    if head is None:
        return as_written(tokens, text)
    grams = _acronym_head_grams(tokens, head)
    if tokens[head].case == "Nom" and grams is None:
        return as_written(tokens, text)
    gender, number = grams or head_grams(tokens[head])
    words = []
    for i, tok in enumerate(tokens):
        if i <= head and tok.pos in NOUNISH | ADJISH:
            pos = _part_of_speech(tok, i, head)
            case = tok.case or tokens[head].case
            head_case = tokens[head].case
            if i < head and pos in ADJISH and head_case is not None and case != head_case and (
                not any(fits(p, pos, case) for p in tok.parses) or any(fits(p, pos, head_case) for p in tok.parses)
            ):
                # it agrees with its head: «Исетского» read as instrumental, «Чусовской» (городской
                # больницы) read as a masculine nominative
                case = head_case
            words.append(nominative_word(tok.text, pos, case, gender, number, tok.lemma))
        else:
            words.append(tok.text)
    return join_tokens(tokens, words, text)
