"""Persons: natasha's PER spans, widened to initials, split into first/middle/last names and put
into the nominative with pymorphy3, then merged by surname into one record a person."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from extractor.lexicon import load_words
from extractor.nlp.inflect import recover_shape
from extractor.nlp.morph import UD_CASES, parses
from extractor.nlp.tagging import Tagged, Token

# name words analysed and inflected, kept: names recur across documents
NAME_CACHE = 100_000
INITIAL = re.compile(r"[А-ЯЁA-Z]")
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


def _name_parses(word: str, case: str | None, gram: str):
    cases = UD_CASES.get(case or "", None)
    out = []
    for p in parses(word.lower()):
        if gram in p.tag and (cases is None or p.tag.case in cases):
            out.append(p)
    # a declinable reading first: «Анне» is Анна in the dative before it is the French Anne
    out.sort(key=lambda p: "Fixd" in p.tag)
    return out


def _is_single_first_name(word: str) -> bool:
    """A lone word is a first name only in the singular: «Тулегенов» is not «Тулеген» (plural)."""
    return any("Name" in p.tag and p.is_known and p.tag.number == "sing" for p in parses(word.lower()))


def has_gram(word: str, gram: str) -> bool:
    """A dictionary analysis carries `gram`; guesses for unknown words do not count
    (pymorphy3 guesses «Каранкевичем» to be a patronymic)."""
    return any(gram in p.tag and p.is_known for p in parses(word.lower()))


def _gender_fits(parse, gender: str) -> bool:
    # pymorphy3's tag.gender refuses comparison with the common-gender grammeme "ms-f"
    return "ms-f" in parse.tag or parse.tag.gender is None or gender in parse.tag


@lru_cache(maxsize=NAME_CACHE)
def _nominative(word: str, case: str | None, gram: str, gender: str | None) -> str:
    """A first name, patronymic or surname in the nominative, of the person's gender."""
    if case == "Nom":
        if _name_parses(word, "Nom", gram) or not _name_parses(word, None, gram):
            return word
        case = None  # the tagger said nominative, the dictionary disagrees: «Анне»
    found = _name_parses(word, case, gram)
    if gram == "Name" and word[-1:].lower() in "ая" and gender != "masc":
        # an unknown first name ending in -а/-я may well be a nominative: «Ннека» stays, while
        # «Ерланом», or «Шахина» of a man, still become «Ерлан», «Шахин»
        found = [p for p in found if p.is_known]
    if gender:
        found = [p for p in found if _gender_fits(p, gender)] or found
    if gram == "Surn" and not found:
        guess = _surname_by_suffix(word, gender)
        if guess:
            return guess
    keep_as_written = gram == "Name" and word[-1:].lower() in "ая" and gender != "masc"
    if not found and (gram in ("Surn", "Patr") or not keep_as_written):
        # unknown names: any noun analysis in this case («Каранкевичем» -> «каранкевич»,
        # «Шахина», known only as a surname, of a man -> «Шахин»)
        cases = UD_CASES.get(case or "")
        found = [
            p for p in parses(word.lower())
            if p.tag.POS == "NOUN" and (cases is None or p.tag.case in cases)
        ]
        if gender:
            found = [p for p in found if _gender_fits(p, gender)] or found
    if not found:
        return word
    want = {"nomn", "sing"}
    if gender and gram in ("Surn", "Patr") and "ms-f" not in found[0].tag:
        want.add(gender)
    inflected = found[0].inflect(want) or found[0].inflect({"nomn"})
    if not inflected:
        return word
    if not found[0].is_known and len(inflected.word) > len(word):
        return word  # a guess that lengthens an unknown name («Беназир» -> «Беназира») is wrong
    out = inflected.word if "ё" in word.lower() else inflected.word.replace("ё", "е")  # «Цивилев» as written
    return recover_shape(out, word)


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


def _gender(tokens: list[Token]) -> str | None:
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
    if not initials:
        while j + 1 < len(toks) and INITIAL.fullmatch(toks[j].text) and toks[j + 1].text == "." and (
            toks[j].start - toks[j - 1].end <= 1
        ):
            initials.append(toks[j].text)
            j += 2
    return i, j, initials


def split_name(tagged: Tagged, first: int, last: int) -> NameMention | None:
    """Read a PER span as first/middle/last name; None if nothing name-like is left."""
    first, last, initials = _widen_initials(tagged, first, last)
    toks = tagged.tokens
    words = [t for t in toks[first:last] if t.text[:1].isalpha() and not (
        INITIAL.fullmatch(t.text) and t.text in initials
    )]
    # initials written inside the span («А.В. Иванов» tokenized as one span)
    inner = [t for t in toks[first:last] if INITIAL.fullmatch(t.text)]
    if inner and not initials:
        initials = [t.text for t in inner]
        words = [t for t in words if t not in inner]
    if not words:
        return None
    gender = _gender(words)
    f = m = la = None
    parts = [w for w in words]
    # surname particles glue to the following word: «Ле Пен»
    if len(parts) >= 2 and any(p.text.lower() in SURNAME_PARTICLES for p in parts[1:-1]):
        k = next(i for i, p in enumerate(parts) if i > 0 and p.text.lower() in SURNAME_PARTICLES)
        f_tok, last_toks = parts[0], parts[k:]
        f = _nominative(f_tok.text, f_tok.feats.get("Case"), "Name", gender)
        la = " ".join(t.text for t in last_toks)
        parts = []
    if len(parts) == 1:
        t = parts[0]
        case = t.feats.get("Case")
        if initials or not _is_single_first_name(t.text) or has_gram(t.text, "Surn"):
            la = _nominative(t.text, case, "Surn", gender)
        else:
            f = _nominative(t.text, case, "Name", gender)
    elif len(parts) == 2:
        a, b = parts
        if has_gram(a.text, "Surn") and not has_gram(a.text, "Name") and has_gram(b.text, "Name"):
            a, b = b, a  # «Иванов Иван»
        if has_gram(b.text, "Patr") and not has_gram(b.text, "Surn"):
            f = _nominative(a.text, a.feats.get("Case"), "Name", gender)
            m = _nominative(b.text, b.feats.get("Case"), "Patr", gender)
        else:
            f = _nominative(a.text, a.feats.get("Case"), "Name", gender)
            la = _nominative(b.text, b.feats.get("Case"), "Surn", gender)
    elif len(parts) >= 3:
        a, b, c = parts[0], parts[1], parts[-1]
        if has_gram(c.text, "Patr") and has_gram(b.text, "Name") and not has_gram(b.text, "Patr"):
            a, b, c = b, c, a  # «Иванов Иван Иванович»
        f = _nominative(a.text, a.feats.get("Case"), "Name", gender)
        if has_gram(b.text, "Patr") or PATRONYMIC.search(b.text.lower()):
            m = _nominative(b.text, b.feats.get("Case"), "Patr", gender)
            la = _nominative(c.text, c.feats.get("Case"), "Surn", gender)
        elif len(parts) == 3 and has_gram(b.text, "Name") and not has_gram(b.text, "Surn"):
            # a second given name: «Реджеп Тайип Эрдоган»
            m = _nominative(b.text, b.feats.get("Case"), "Name", gender)
            la = _nominative(c.text, c.feats.get("Case"), "Surn", gender)
        else:  # a two-word surname: keep the middle word with the surname
            la = " ".join(
                _nominative(t.text, t.feats.get("Case"), "Surn", gender) for t in parts[1:]
            )
    if initials and not f:
        f = initials[0] + "."
        if len(initials) > 1 and not m:
            m = initials[1] + "."
    start, end = toks[first].start, toks[last - 1].end
    forms = _surname_readings(words[-1].text) if la and len(words) == 1 else frozenset()
    return NameMention(
        start, end, first, last, f, m, la, gender, forms
    )


@lru_cache(maxsize=NAME_CACHE)
def _surname_readings(word: str) -> frozenset[str]:
    """A bare surname's possible nominatives («Тулегенов» may be read as a genitive of
    «Тулеген»): it joins a person whose surname is any of them."""
    out = {name_key(word)}
    for p in parses(word.lower()):
        if p.tag.POS == "NOUN":
            out.add(name_key(p.normal_form))
            for g in ("masc", "femn"):
                inflected = p.inflect({"nomn", "sing", g}) if "Surn" in p.tag else None
                if inflected:
                    out.add(name_key(inflected.word))
    return frozenset(out)


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


def find_name_mentions(tagged: Tagged) -> list[NameMention]:
    out = []
    for span in tagged.spans:
        if span.type != "PER":
            continue
        previous = None
        for first, last, spelling in _name_parts(tagged, span.first, span.last):
            if spelling and previous is not None:
                toks = tagged.tokens
                out.append(replace(previous, start=toks[first].start, end=toks[last - 1].end,
                                   first_tok=first, last_tok=last))
                continue
            nm = split_name(tagged, first, last)
            if nm is not None:
                out.append(nm)
                previous = nm
    out += _initialled_names(tagged, out)
    out += _surnames_again(tagged, out)
    return sorted(out, key=lambda nm: nm.start)


def _free(tagged: Tagged, found: list[NameMention]) -> set[int]:
    """Tokens no name and no other span of the model covers."""
    taken = {k for nm in found for k in range(nm.first_tok, nm.last_tok)}
    taken |= {k for sp in tagged.spans for k in range(sp.first, sp.last)}
    return set(range(len(tagged.tokens))) - taken


def _is_initial_at(toks: list[Token], k: int) -> bool:
    return k + 1 < len(toks) and INITIAL.fullmatch(toks[k].text) is not None and toks[k + 1].text == "."


def _initialled_names(tagged: Tagged, found: list[NameMention]) -> list[NameMention]:
    """Two initials and a surname the model missed: «А. В. Иванов», «Иванов А. В.»."""
    toks = tagged.tokens
    free = _free(tagged, found)
    out = []
    for k, tok in enumerate(toks):
        if k not in free or not tok.text[:1].isupper() or not tok.text.isalpha() or len(tok.text) < 2:
            continue
        before = k >= 4 and _is_initial_at(toks, k - 4) and _is_initial_at(toks, k - 2)
        after = _is_initial_at(toks, k + 1) and _is_initial_at(toks, k + 3)
        if (before or after) and all(j in free for j in range(k - 4 if before else k, k + (5 if after else 1))):
            nm = split_name(tagged, k, k + 1)
            if nm is not None:
                out.append(nm)
    return out


def _surnames_again(tagged: Tagged, found: list[NameMention]) -> list[NameMention]:
    """A surname of a person named in the text, written again where the model saw no name: «По
    словам Русских» after «Сергей Русских». Not a word opening a sentence, not in quotes."""
    known = {name_key(nm.last) for nm in found if nm.last and nm.first}
    if not known:
        return []
    toks = tagged.tokens
    free = _free(tagged, found)
    out = []
    for k in sorted(free):
        tok = toks[k]
        if not (tok.text[:1].isupper() and tok.text[1:].islower() and tok.text.isalpha()):
            continue
        if tagged.sents[tok.sent].first == k or (k > 0 and toks[k - 1].text in "«\"„"):
            continue
        if known & _surname_readings(tok.text):
            nm = split_name(tagged, k, k + 1)
            if nm is not None and nm.last:
                out.append(nm)
    return out
