"""From character offsets to the tagged document: the sentence holding an offset, the tokens of
a stretch of text. For the rules that find their spans by patterns over the text (dates,
percentages, money) and then read the tagger's sentences and tokens around them."""

from __future__ import annotations

import bisect
from functools import cached_property

from extractor.nlp.tagging import Tagged, Token


class Offsets:
    """Sentence and token lookups by character offset, in O(log n) each; the indexes are built
    on the first lookup (a rule that finds nothing asks none)."""

    def __init__(self, tagged: Tagged) -> None:
        self.tagged = tagged

    @cached_property
    def _sent_starts(self) -> list[int]:
        return [s.start for s in self.tagged.sents]

    @cached_property
    def _token_ends(self) -> list[int]:
        return [t.end for t in self.tagged.tokens]

    def sentence(self, pos: int) -> tuple[int, int]:
        """The [start, end) of the sentence holding offset `pos`; between two sentences, the one
        before; before the first, the first; the whole text when it has none."""
        sents = self.tagged.sents
        if not sents:
            return 0, len(self.tagged.text)
        i = max(0, bisect.bisect_right(self._sent_starts, pos) - 1)
        return sents[i].start, sents[i].end

    def first_token(self, pos: int) -> int:
        """Index of the first token ending after `pos` (len(tokens) when none does)."""
        return bisect.bisect_right(self._token_ends, pos)

    def token_range(self, lo: int, hi: int) -> tuple[int, int]:
        """Indices [a, b) of the tokens lying wholly inside text[lo:hi]."""
        tokens = self.tagged.tokens
        a = self.first_token(lo)
        while a < len(tokens) and tokens[a].start < lo:
            a += 1
        b = bisect.bisect_right(self._token_ends, hi, lo=a)
        return a, max(a, b)

    def tokens(self, lo: int, hi: int) -> list[Token]:
        """The tokens lying wholly inside text[lo:hi]."""
        a, b = self.token_range(lo, hi)
        return self.tagged.tokens[a:b]

    def token_at(self, pos: int) -> Token | None:
        """The token holding offset `pos`, if any."""
        i = self.first_token(pos)
        if i < len(self.tagged.tokens) and self.tagged.tokens[i].start <= pos:
            return self.tagged.tokens[i]
        return None
