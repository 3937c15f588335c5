"""The word lists of the date, percentage and money rules, read once, and the regular expressions
built from them. What two of those rules share lives here: the phrases naming a comparison
period («годом ранее»), which dates resolve and percentages and money take as their base
(`COMPARISON`); the words a figure's context is read with (`figure_words`:
qualifiers, change verbs, base markers, clause cuts, nouns of time); the currencies of money
(`currencies`: names on lemmas, symbols as written).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import cache
from typing import Any, get_args

from extractor.lexicon import PhraseIndex, load_rows, load_words
from extractor.model import Change, Qualifier
from extractor.nlp.figures import FigureWords
from extractor.nlp.morph import parses, plain_lemma

_FLAGS = re.IGNORECASE


def trie_pattern(words: list[str] | tuple[str, ...]) -> str:
    """A regex for any of `words` (lowercase it; match case-insensitively) as a character trie:
    Python's re tries the alternatives of a plain alternation one by one, a trie fails at the
    first letter. Greedy with backtracking, so «январем» beats «январе»; a space in a phrase
    matches any whitespace."""
    trie: dict = {}
    for word in set(words):
        node = trie
        for ch in word.lower():
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_regex(trie)


def _trie_regex(node: dict) -> str:
    branches = []
    for ch, child in sorted(node.items()):
        if ch:
            piece = r"\s+" if ch == " " else re.escape(ch)
            branches.append(piece + _trie_regex(child))
    optional = "" in node
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 and len(branches[0]) == 1 else "(?:" + "|".join(branches) + ")"
    return body + "?" if optional else body


def forms_table(name: str) -> dict[str, tuple[str, ...]]:
    """`key | form form form` rows as {form: (key, other fields...)}."""
    table: dict[str, tuple[str, ...]] = {}
    for row in load_rows(name):
        for form in row[-1].split():
            table[form.lower()] = row[:-1]
    return table


@cache
def month_forms() -> frozenset[str]:
    """Every case form of every month name, lower case: «января», «мае»."""
    return frozenset(forms_table("months.txt"))


# --- comparison periods --------------------------------------------------------------------------

# «годом ранее», «аналогичный период прошлого года»: the rows are regex fragments
COMPARISON = "|".join(w.replace(" ", r"\s+") for w in load_words("date_comparisons.txt"))


# --- figures: percentages and money ----------------------------------------------------------------


def _checked(rows: tuple[tuple[str, ...], ...], values: tuple[str, ...], name: str) -> tuple[tuple[str, Any], ...]:
    """`phrase | value` rows whose value is one of `values` (a typo in a data file fails loudly)."""
    for row in rows:
        if row[1] not in values:
            raise ValueError(f"{name}: {row[1]!r} is none of {values}")
    return tuple((row[0].lower(), row[1]) for row in rows)


@cache
def figure_words() -> FigureWords:
    """The word lists a percentage's or an amount's context is read with."""
    return FigureWords(
        qualifiers=_checked(load_rows("pct_qualifiers.txt"), get_args(Qualifier), "pct_qualifiers.txt"),
        changes=_checked(load_rows("change_verbs.txt"), (*get_args(Change), "none"), "change_verbs.txt"),
        base_markers=load_words("pct_base_markers.txt"),
        clause_cuts=load_words("pct_clause_cuts.txt"),
        time_nouns=frozenset(load_words("time_nouns.txt")),
        comparison=COMPARISON,
    )


# --- currencies ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Currencies:
    names: PhraseIndex[str]  # phrases of lemmas («доллар сша») -> ISO 4217 code
    symbols: dict[str, str]  # «$», «€», «USD» as written -> ISO 4217 code
    abbreviations: frozenset[str]  # «руб», «долл»: written in lowercase, with a dot after them


def _word_lemmas(word: str) -> set[str]:
    """Every dictionary form a word may have, so that a phrase matches whichever the tagger
    chose («лира» or «лир» of «лир», «драм» or «драма»); the word itself for an abbreviation."""
    low = word.lower()
    return {plain_lemma(low)} | {plain_lemma(p.normal_form) for p in parses(low)}


@cache
def currencies() -> Currencies:
    """The currency names (currencies.txt) and symbols (currency_symbols.txt)."""
    entries = []
    abbreviations = set()
    for code, phrase, *kind in load_rows("currencies.txt"):
        if kind == ["abbreviation"]:
            abbreviations.add(phrase)
            entries.append(((phrase,), code))
            continue
        forms = [sorted(_word_lemmas(w)) for w in phrase.split()]
        entries += [(key, code) for key in itertools.product(*forms)]
    symbols = {symbol: code for code, symbol in load_rows("currency_symbols.txt")}
    return Currencies(PhraseIndex(entries), symbols, frozenset(abbreviations))
