"""natasha's MorphVocab interface on pymorphy3, for the reference runs of the benchmarks only:
natasha's own MorphVocab is built on pymorphy2, which breaks on Python 3.11. The extractor does
not use it."""

from __future__ import annotations

from functools import lru_cache

import pymorphy3

# natasha's tables map OpenCorpora grammemes to Universal Dependencies (importing the module only
# defines them: pymorphy2 is imported there but never constructed)
from natasha.morph.lemma import lemmatize as natasha_lemmatize
from natasha.morph.vocab import oc_grams, ud_feats, ud_pos

CACHE_SIZE = 100_000


class MorphForm:
    """One analysis of a word: pymorphy3's parse plus natasha's `normal`/`pos`/`feats` view."""

    __slots__ = ("parse", "normal", "pos", "feats")

    def __init__(self, parse: pymorphy3.analyzer.Parse) -> None:
        self.parse = parse
        self.normal = parse.normal_form
        self.pos = ud_pos(parse.tag)
        self.feats = dict(ud_feats(parse.tag))

    @property
    def tag(self) -> pymorphy3.tagset.OpencorporaTag:
        return self.parse.tag

    @property
    def word(self) -> str:
        return self.parse.word

    def inflect(self, grams: set[str]) -> pymorphy3.analyzer.Parse | None:
        """Inflect to UD grammemes (natasha's convention)."""
        return self.parse.inflect(set(oc_grams(grams)))


class MorphVocab:
    """Drop-in for natasha's MorphVocab, backed by pymorphy3."""

    def __init__(self) -> None:
        self.analyzer = pymorphy3.MorphAnalyzer()

    @lru_cache(CACHE_SIZE)  # noqa: B019 - one vocabulary per benchmark process
    def parse(self, word: str) -> tuple[MorphForm, ...]:
        return tuple(MorphForm(p) for p in self.analyzer.parse(word))

    __call__ = parse

    def lemmatize(self, word: str, pos: str, feats: dict[str, str]) -> str | None:
        return natasha_lemmatize(self, word, pos, feats)
