"""Morphology on pymorphy3: the analyses of a word, and the lemma that fits what the tagger said.

natasha's own `MorphVocab` subclasses pymorphy2's analyzer, which breaks on Python 3.11 and needs
`pkg_resources`; every lemma, normalization and inflection here runs on pymorphy3. Lookups are
cached: the same words recur across documents.
"""

from __future__ import annotations

from functools import cache, lru_cache
from importlib import resources

import pymorphy3
from pymorphy3.analyzer import Parse
from pymorphy3.units import DictionaryAnalyzer

# words whose analyses stay cached: a news vocabulary fits, and a worker lives long
CACHE_SIZE = 100_000

# UD case (the tagger's) -> OpenCorpora cases (pymorphy3's)
UD_CASES = {
    "Nom": {"nomn", "voct"},
    "Gen": {"gent", "gen2"},
    "Dat": {"datv"},
    "Acc": {"accs"},
    "Ins": {"ablt"},
    "Loc": {"loct", "loc2"},
}
# pymorphy3's cases -> the tagger's (UD) names
UD_OF = {oc: ud for ud, ocs in UD_CASES.items() for oc in ocs}
NOUNISH = frozenset({"NOUN", "PROPN"})
ADJISH = frozenset({"ADJ", "DET", "NUM", "VERB"})  # VERB: participles the tagger calls VERB
OC_ADJ = frozenset({"ADJF", "PRTF", "NUMR", "NPRO"})
FUNCTION_POS = frozenset({"CCONJ", "SCONJ", "ADP", "PART", "PUNCT", "SYM"})


@cache
def analyzer() -> pymorphy3.MorphAnalyzer:
    """The one pymorphy3 analyzer of this process."""
    return pymorphy3.MorphAnalyzer()


@lru_cache(CACHE_SIZE)
def parses(word: str) -> tuple[Parse, ...]:
    """pymorphy3's analyses of a word (lowercase it first: the dictionary is lowercase). A word
    with a character Unicode gives no name (unassigned or private-use code points, as PDFs leave
    behind) has none: pymorphy3's shape check raises on it."""
    try:
        return tuple(analyzer().parse(word))
    except (KeyError, ValueError):
        return ()


def active_participle(word: str) -> bool:
    """A full participle the dictionary reads as active only («подписавшие», «сменивший»); the
    tagger reads some passive ones («смененный») as active."""
    found = [p for p in parses(word.lower()) if p.tag.POS == "PRTF"]
    return bool(found) and all("actv" in p.tag for p in found)


@lru_cache(CACHE_SIZE)
def in_dictionary(word: str) -> bool:
    """The dictionary knows the word: an analysis comes from it alone, not from a guess by the
    word's ending (the same answer as pymorphy3's `is_known`, which looks the word up again)."""
    return any(not guessed(p) for p in parses(word.lower()))


def guessed(parse: Parse) -> bool:
    """An analysis pymorphy3 guessed (from the word's ending, or a known word after a prefix), not one
    its dictionary holds as it stands: «номинировало» as the short adjective «номинировалый»."""
    return not (len(parse.methods_stack) == 1 and isinstance(parse.methods_stack[0][0], DictionaryAnalyzer))


# the tagger's verbs and the dictionary's verb forms
VERBISH = frozenset({"VERB", "AUX"})
OC_VERB = frozenset({"VERB", "INFN", "PRTF", "PRTS", "GRND"})


def fits(parse: Parse, pos: str, case: str | None) -> bool:
    """An analysis agrees with the tagger's part of speech and case (UD names)."""
    tag = parse.tag
    if case and case in UD_CASES and tag.case not in UD_CASES[case]:
        return False
    if pos in NOUNISH:
        return tag.POS == "NOUN"
    if pos in VERBISH:
        return tag.POS in OC_VERB or tag.POS in OC_ADJ  # «вели» is «вести», not the name «Вели»
    if pos in ADJISH:
        return tag.POS in OC_ADJ
    return True


# grammemes of names: organizations, abbreviations, persons, places, trademarks
NAME_GRAMMEMES = frozenset({"Orgn", "Abbr", "Name", "Surn", "Geox", "Trad"})


def is_noun(lemma: str) -> bool:
    """The dictionary reads the word as a noun first: «заместитель» (not «первый», «исполняющий»)."""
    found = parses(lemma)
    return bool(found) and found[0].tag.POS == "NOUN"


def is_common(found: tuple[Parse, ...]) -> bool:
    """The analyses of a word of the dictionary that is no name: «центр», «телевизор», «яблоко»."""
    return bool(found) and all(p.is_known and not (NAME_GRAMMEMES & p.tag.grammemes) for p in found)


def plain_lemma(s: str) -> str:
    return s.replace("ё", "е")


@lru_cache(CACHE_SIZE)
def lemma_of(word: str, pos: str, case: str | None, number: str | None = None) -> str:
    """The dictionary form of a lowercase word, ё as е, chosen to fit its tagged part of speech
    and case, and for a verb its tagged number (pymorphy3's «sing» / «plur»); a function word is
    itself («и» is a conjunction, not the abbreviation «ИО»)."""
    if pos in FUNCTION_POS:
        return plain_lemma(word)
    found = parses(word)
    fitting = [p for p in found if fits(p, pos, case)]
    if number is not None and pos in VERBISH:
        # «вели» (plural) is the past of «вести», not the singular imperative of «велеть»
        fitting = [p for p in fitting if p.tag.number in (None, number)] or fitting
    if not found:
        return word
    readings = fitting or found
    # a noun's readings the dictionary rates alike: the lemma the word lists know, «парке» of «парк»,
    # not «парка»
    alike = [p for p in readings if p.score >= readings[0].score] if pos in NOUNISH else []
    known = next((p for p in alike if plain_lemma(p.normal_form) in lexicon_lemmas()), None)
    return plain_lemma((known or readings[0]).normal_form)


@cache
def lexicon_lemmas() -> frozenset[str]:
    """The lemmas of the words of the word lists (the table `make lemmas` writes)."""
    return frozenset(lemma_table().values())


@lru_cache(CACHE_SIZE)
def word_lemma(word: str) -> str:
    """The first dictionary reading's lemma of a word out of context, ё as е; the words of the
    word lists come from a table made in advance (`make lemmas`), so a start-up does not parse
    them all again."""
    low = word.lower()
    known = lemma_table().get(low)
    return known if known is not None else computed_lemma(low)


# pymorphy3's parts of speech of function words, which the tokens keep as written (`lemma_of`)
FUNCTION_WORD_TAGS = frozenset({"PREP", "CONJ", "PRCL"})


def computed_lemma(word: str) -> str:
    """`word_lemma` of a lowercase word, asked of pymorphy3 (what the table stores); a function
    word is itself, as in a token's lemma: «во главе» is matched by «во», not «в»."""
    found = parses(word)
    if found and found[0].tag.POS in FUNCTION_WORD_TAGS:
        return plain_lemma(word)
    return plain_lemma(found[0].normal_form if found else word)


# the table of word_lemma for the words of extractor/lexicon/data (bench/lemma_table.py writes it)
LEMMA_TABLE = "lemmas.tsv"


def data_lines(name: str) -> list[str]:
    """The lines of extractor/nlp/data/`name`, without its comments and blank lines."""
    text = resources.files("extractor.nlp").joinpath("data", name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


@cache
def lemma_table() -> dict[str, str]:
    rows = (line.split("\t") for line in data_lines(LEMMA_TABLE))
    return {word: lemma for word, lemma in rows}


def phrase_lemmas(phrase: str) -> tuple[str, ...]:
    """Lemmas of the words of a lexicon phrase; a hyphenated adjective too, as the tokens' lemmas
    give it («контрольно-счетная» -> «контрольно-счетный»), other hyphenated words kept whole."""
    return tuple(_hyphenated_lemma(w) if "-" in w else word_lemma(w) for w in plain_lemma(phrase.lower()).split())


# readings of a verb a noun of a word list may also have: «пристав» (пристать), «слесарь» (слесарить)
VERBAL_POS = frozenset({"VERB", "GRND", "INFN"})
NOMINAL_POS = frozenset({"NOUN", "ADJF", "PRTF"})
INFINITIVE_ENDINGS = ("ть", "ти", "чь", "ться", "тись", "чься")


def nominal_phrase_lemmas(phrase: str) -> tuple[str, ...]:
    """`phrase_lemmas` of a phrase of nouns and adjectives (a post, a title): a word whose first
    reading is a verb's takes its reading as a noun, as the tagger reads it in a sentence
    («судебный пристав» is no «пристать», «слесарь» no «слесарить»)."""
    words = plain_lemma(phrase.lower()).split()
    return tuple(_nominal_lemma(w, lemma) for w, lemma in zip(words, phrase_lemmas(phrase), strict=True))


def _nominal_lemma(word: str, lemma: str) -> str:
    if lemma == word or "-" in word or not lemma.endswith(INFINITIVE_ENDINGS):
        return lemma  # no verb's lemma: nothing to parse (most words of a list)
    found = parses(word)
    if not found or found[0].tag.POS not in VERBAL_POS:
        return lemma
    noun = next((p for p in found if p.tag.POS in NOMINAL_POS), None)
    return plain_lemma(noun.normal_form) if noun is not None else lemma


def _hyphenated_lemma(word: str) -> str:
    found = parses(word)
    return plain_lemma(found[0].normal_form) if found and found[0].tag.POS == "ADJF" else word
