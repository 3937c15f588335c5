"""Putting words and phrases into the nominative with pymorphy3.

The NER and morphology models tell each token's part of speech and case; pymorphy3 gives the
analyses that fit them and inflects. Results are cached: names and posts recur across documents.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache, lru_cache

from extractor.lexicon import load_rows
from extractor.nlp.morph import get_vocab
from extractor.nlp.tagging import Span, Token

# UD case (the tagger's) -> OpenCorpora cases (pymorphy3's)
UD_CASES = {
    "Nom": {"nomn", "voct"},
    "Gen": {"gent", "gen2"},
    "Dat": {"datv"},
    "Acc": {"accs"},
    "Ins": {"ablt"},
    "Loc": {"loct", "loc2"},
}
NOUNISH = {"NOUN", "PROPN"}
ADJISH = {"ADJ", "DET", "NUM", "VERB"}  # VERB: participles the tagger calls VERB
OC_ADJ = {"ADJF", "PRTF", "NUMR", "NPRO"}


def recover_shape(word: str, original: str) -> str:
    """Give `word` the capitalization of `original` (per hyphen part)."""
    if word.lower() == original.lower():
        return original  # unchanged by inflection: keep «СПбГУ» as written
    if original.isupper() and len(original) > 1:
        return word.upper()
    w_parts, o_parts = word.split("-"), original.split("-")
    if len(w_parts) == len(o_parts):
        return "-".join(_shape_part(w, o) for w, o in zip(w_parts, o_parts, strict=True))
    return _shape_part(word, original)


def _shape_part(word: str, original: str) -> str:
    if original[:1].isupper():
        if original[1:2].isupper() and original.isupper():
            return word.upper()
        return word[:1].upper() + word[1:]
    return word


def _fits(parse, pos: str, case: str | None) -> bool:
    tag = parse.tag
    if case and case in UD_CASES and tag.case not in UD_CASES[case]:
        return False
    if pos in NOUNISH:
        return tag.POS == "NOUN"
    if pos in ADJISH:
        return tag.POS in OC_ADJ
    return True


@lru_cache(maxsize=200_000)
def nominative_word(
    word: str, pos: str, case: str | None, gender: str | None = None, number: str | None = None
) -> str:
    """`word` in the nominative, agreeing with `gender`/`number` (OpenCorpora grammemes) if given."""
    if case == "Nom" or not word[:1].isalpha():
        return word
    lower = word.lower()
    parses = [p for p in get_vocab().raw_parse(lower) if _fits(p, pos, case)]
    if not parses:
        return word
    parse = parses[0]
    want = {"nomn"}
    num = number or parse.tag.number
    if num:
        want.add(num)
    if gender and num != "plur" and parse.tag.POS in OC_ADJ:
        want.add(gender)
    inflected = parse.inflect(want) or parse.inflect({"nomn"})
    if inflected is None:
        return word
    return recover_shape(inflected.word, word)


@cache
def _acting_abbreviations() -> frozenset[str]:
    """«и.о», «врио», «вр.и.о»: the short forms of «исполняющий обязанности» in the post lexicon."""
    rows = load_rows("post_modifiers.txt")
    return frozenset(r[0].lower().rstrip(".") for r in rows if len(r) > 1 and "исполняющ" in r[1] and " " not in r[0])


def is_acting(tok: Token) -> bool:
    """«исполняющий (обязанности)», «И.о.», «врио»: a participle or its short form that heads a
    post phrase in place of a noun."""
    low = tok.text.lower()
    return low.startswith("исполняющ") or low.rstrip(".") in _acting_abbreviations()


def join_tokens(tokens: Sequence[Token], words: Sequence[str], text: str) -> str:
    """Words joined with the text's own spacing (line breaks become spaces)."""
    parts = []
    for i, (tok, word) in enumerate(zip(tokens, words, strict=True)):
        if i:
            gap = text[tokens[i - 1].end : tok.start]
            parts.append(" " if gap and gap.isspace() else gap)
        parts.append(word)
    return "".join(parts)


def head_index(tokens: Sequence[Token]) -> int | None:
    """The head of a noun phrase: its first noun, after any adjectives and conjunctions."""
    for i, tok in enumerate(tokens):
        if tok.pos in NOUNISH:
            return i
        if tok.pos not in ADJISH and tok.pos != "CCONJ" and tok.pos != "PUNCT":
            return None
    return None


def is_place_span(span: Span) -> bool:
    """A one-word span whose every dictionary reading is a place and none a name: «посетил
    Суджу» names a town, whatever the NER model says."""
    if span.last - span.first != 1:
        return False
    parses = get_vocab().raw_parse(span.text.lower())
    return bool(parses) and all(
        p.is_known and "Geox" in p.tag and not {"Name", "Surn", "Patr"} & p.tag.grammemes for p in parses
    )


def head_grams(tok: Token) -> tuple[str | None, str | None]:
    """Gender and number of a head noun, from its analysis in the tagged case."""
    for p in get_vocab().raw_parse(tok.text.lower()):
        if _fits(p, "NOUN", tok.feats.get("Case")):
            return p.tag.gender, p.tag.number
    return None, None


def nominative_phrase(tokens: Sequence[Token], text: str) -> str:
    """A noun phrase in the nominative: the head and the words agreeing with it change,
    its dependents (genitive and prepositional groups) stay as they are."""
    if not tokens:
        return ""
    head = head_index(tokens)
    acting = next((i for i, t in enumerate(tokens[:3]) if is_acting(t)), None)
    if acting is not None and not tokens[acting].text.lower().startswith("исполняющ"):
        return join_tokens(tokens, [t.text for t in tokens], text)  # «И.о. главы»: a short form never declines
    if acting is not None and tokens[acting].feats.get("Case") != "Nom":
        # «исполняющим обязанности губернатора»: the participle is the head, «обязанности» its object
        words = [t.text for t in tokens]
        words[acting] = nominative_word(tokens[acting].text, "ADJ", tokens[acting].feats.get("Case"), "masc", "sing")
        return join_tokens(tokens, words, text)
    if head is None or tokens[head].feats.get("Case") == "Nom":
        return join_tokens(tokens, [t.text for t in tokens], text)
    gender, number = head_grams(tokens[head])
    words = []
    for i, tok in enumerate(tokens):
        if i <= head and tok.pos in NOUNISH | ADJISH:
            case = tok.feats.get("Case") or tokens[head].feats.get("Case")
            words.append(nominative_word(tok.text, tok.pos, case, gender, number))
        else:
            words.append(tok.text)
    return join_tokens(tokens, words, text)


FUNCTION_POS = frozenset({"CCONJ", "SCONJ", "ADP", "PART", "PUNCT", "SYM"})


@lru_cache(maxsize=200_000)
def _lemma(word: str, pos: str, case: str | None) -> str:
    if pos in FUNCTION_POS:  # «и» is a conjunction, not the abbreviation «ИО»
        return word.replace("ё", "е")
    parses = get_vocab().raw_parse(word)
    for p in parses:
        if _fits(p, pos, case):
            return p.normal_form.replace("ё", "е")
    return (parses[0].normal_form if parses else word).replace("ё", "е")


def lemma(tok: Token) -> str:
    """The dictionary form of a token, lowercase, ё as е, chosen to fit its tagged case."""
    if tok.lemma is None:
        tok.lemma = _lemma(tok.text.lower(), tok.pos, tok.feats.get("Case"))
    return tok.lemma


def word_lemmas(phrase: str) -> tuple[str, ...]:
    """Lemmas of the words of a lexicon phrase (hyphenated words kept whole)."""
    out = []
    for word in phrase.lower().replace("ё", "е").split():
        parses = get_vocab().raw_parse(word)
        out.append(parses[0].normal_form.replace("ё", "е") if parses and "-" not in word else word)
    return tuple(out)
