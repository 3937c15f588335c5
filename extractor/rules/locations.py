"""Locations: natasha's LOC spans, put into the nominative and merged by name.

Coordinated place names share their head noun: «Карагандинской и Павлодарской областей» are
«Карагандинская область» and «Павлодарская область»."""

from __future__ import annotations

from dataclasses import dataclass

from extractor.lexicon.orgs import known_org_kind
from extractor.nlp.inflect import head_grams, nominative_phrase, nominative_word, recover_shape
from extractor.nlp.tagging import Span, Tagged, Token

# how far (in tokens) a bare adjective looks for the head noun it shares
SHARED_HEAD_WINDOW = 6


@dataclass(frozen=True)
class LocMention:
    start: int
    end: int
    name: str


def _shared_head(tagged: Tagged, span: Span) -> Token | None:
    """The head noun a bare adjective («Карагандинской») shares with the next place name."""
    toks = tagged.tokens
    sent_last = tagged.sents[toks[span.first].sent].last
    for k in range(span.last, min(sent_last, span.last + SHARED_HEAD_WINDOW)):
        if toks[k].pos in ("NOUN", "PROPN"):
            return toks[k]
        if toks[k].pos not in ("ADJ", "CCONJ", "PUNCT"):
            return None
    return None


def _adjective_and_head(tagged: Tagged, adjs: list[Token], head: Token) -> str:
    """Adjectives agreeing with a head noun in the nominative singular: «Павлодарская область»."""
    gender, _number = head_grams(head)
    words = [nominative_word(t.text, t.pos, t.feats.get("Case"), gender, "sing") for t in adjs]
    words.append(recover_shape(head.lemma, head.text))
    return " ".join(words)


def _name(tagged: Tagged, span: Span) -> str:
    words = tagged.tokens[span.first : span.last]
    nouns = [t for t in words if t.pos in ("NOUN", "PROPN")]
    if not nouns and all(t.pos == "ADJ" for t in words):
        head = _shared_head(tagged, span)
        if head is not None:
            return _adjective_and_head(tagged, words, head)
    if len(nouns) == 1 and words[-1] is nouns[0] and nouns[0].feats.get("Number") == "Plur" and (
        len(words) > 1 and all(t.pos == "ADJ" and t.feats.get("Number") == "Sing" for t in words[:-1])
    ):
        return _adjective_and_head(tagged, words[:-1], nouns[0])  # «Павлодарской областей»
    return " ".join(nominative_phrase(words, tagged.text).split())


def find_loc_mentions(tagged: Tagged) -> list[LocMention]:
    out = []
    for span in tagged.spans:
        if span.type != "LOC" or known_org_kind(tagged, span):
            continue  # «ЕС», «Европейский союз» are organizations
        name = _name(tagged, span)
        if name:
            out.append(LocMention(span.start, span.end, name))
    return out
