"""Morphology on pymorphy3, with the small interface natasha expects of a vocabulary.

natasha's own `MorphVocab` subclasses pymorphy2's analyzer, which breaks on Python 3.11 and
needs `pkg_resources`; this one wraps pymorphy3 and is what every lemma, normalization and
inflection in the project uses. Lookups are cached: the same words recur across documents.
"""

from __future__ import annotations

from functools import cache, lru_cache

import pymorphy3

# natasha's tables map OpenCorpora grammemes to Universal Dependencies; importing the module
# only defines them (pymorphy2 is imported there but never constructed).
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

    def __repr__(self) -> str:
        return f"MorphForm(normal={self.normal!r}, pos={self.pos!r}, feats={self.feats!r})"


class MorphVocab:
    """Drop-in for natasha's MorphVocab, backed by pymorphy3."""

    def __init__(self) -> None:
        self.analyzer = pymorphy3.MorphAnalyzer()

    @lru_cache(CACHE_SIZE)  # noqa: B019 - one vocabulary per process, lives as long as it
    def parse(self, word: str) -> tuple[MorphForm, ...]:
        return tuple(MorphForm(p) for p in self.raw_parse(word))

    __call__ = parse

    def lemmatize(self, word: str, pos: str, feats: dict[str, str]) -> str | None:
        return natasha_lemmatize(self, word, pos, feats)

    @lru_cache(CACHE_SIZE)  # noqa: B019
    def raw_parse(self, word: str) -> tuple[pymorphy3.analyzer.Parse, ...]:
        """pymorphy3's own parses, for rules that read OpenCorpora tags. A word with a character
        Unicode gives no name (unassigned or private-use code points, as PDFs leave behind) has
        none: pymorphy3's shape check raises on it."""
        try:
            return tuple(self.analyzer.parse(word))
        except (KeyError, ValueError):
            return ()

    def __repr__(self) -> str:
        return "MorphVocab(pymorphy3)"


@cache
def get_vocab() -> MorphVocab:
    """The one vocabulary of this process."""
    return MorphVocab()
