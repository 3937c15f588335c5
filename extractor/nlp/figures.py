"""The context of a figure - a percentage, an amount of money - in its sentence, read from the
tagged tokens. The percentage and money rules find their figures; this reads, for each:

- the qualifier before it («более», «около», «не менее», «до»), which starts its span;
- the direction of the change it states (a change verb or noun: «выросла», «снижение»; a sign);
- its role: the amount of a change («на 1,2%», «увеличившись на 3 млрд рублей») or the level
  reached («до 7,2%» after a verb of change, «составила 45 млрд рублей», «с 5% до 3%»);
- its subject: the noun phrase it measures, in the nominative («выручка компании»);
- its period and comparison base among the document's dates, carried over from the figure before
  it in the same paragraph when it continues the same comparison («За 2024 год оборот вырос на
  19%. В свою очередь экспорт увеличился на 22,3%»), not across a new period named between them.

The word lists come from the caller (lexicon/numbers.py reads them): this layer reads no files.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache
from typing import Any, Literal, TypeVar

from extractor.model import Change, DateItem, Money, Percentage, Qualifier, Role
from extractor.nlp.inflect import as_written, nominative_phrase
from extractor.nlp.offsets import Offsets
from extractor.nlp.tagging import Tagged, Token

FigureT = TypeVar("FigureT", Percentage, Money)

_FLAGS = re.IGNORECASE

# --- windows and limits ----------------------------------------------------------------------------

# A qualifier is at most this many characters before its number («по меньшей мере на»).
QUALIFIER_REACH = 40
# «на», «до», «с» right before a number: the word and its space
PREPOSITION_REACH = 5
# a sign glued to its number, or one space before it («+3,5%», «(- 2%»)
SIGN_REACH = 2
# «с 5% до 3%»: the «с» figure ends this close before the «до».
FROM_TO_REACH = 30
# An elliptic list item («а чистая прибыль – на 8%») is read in this many characters before the
# figure: a long clause costs no more.
ELLIPSIS_REACH = 150
# The genitive group a figure measures follows it within this many characters («40% калужских
# поставок»).
GENITIVE_REACH = 120
# A comparison-base marker governs a date this far after it («по сравнению с показателями
# аналогичного периода 2024 года»).
BASE_MARKER_REACH = 60
# How far before a date its base marker is looked for (the marker itself included).
BASE_WINDOW = 90
# A time adverbial: a preposition, then at most this many numbers and adjectives before its noun
# of time («в ближайшие пять лет»).
TIME_ADVERBIAL_WORDS = 5
# The dates looked at on either side of a figure for its period and base.
NEAR_DATES = 20


# what a predicate word says: a change, or "none" for a neutral one («составила», «достигла»)
Direction = Change | Literal["none"]


@dataclass(frozen=True)
class FigureWords:
    """The word lists a figure's context is read with."""

    qualifiers: tuple[tuple[str, Qualifier], ...]  # phrase before a number, qualifier
    changes: tuple[tuple[str, Direction], ...]  # word start («$»: the whole word), what it says
    base_markers: tuple[str, ...]  # phrases introducing a comparison base («по сравнению с»)
    clause_cuts: tuple[str, ...]  # after a comma, they start another clause («а», «но»)
    time_nouns: frozenset[str]  # lemmas of nouns of time («год», «течение»)
    comparison: str  # regex of phrases naming a comparison period («годом ранее»)


@dataclass(frozen=True)
class Figure:
    """A figure a rule found: where its number begins and where the figure ends."""

    num_start: int  # the number, or «от» of a range «от 3 до 5%»
    end: int


@dataclass(frozen=True)
class FigureContext:
    start: int  # the span's start: the qualifier's, else the number's
    qualifier: Qualifier | None
    role: Role | None
    change: Change | None
    subject: str | None
    period: str | None
    base: str | None

    def fields(self) -> dict[str, Any]:
        """What a percentage's or an amount's record takes from its context."""
        return {"qualifier": self.qualifier, "subject": self.subject, "change": self.change, "role": self.role,
                "period": self.period, "base": self.base}


# --- patterns of the word lists ------------------------------------------------------------------


def _phrases(phrases: Sequence[str]) -> str:
    """Regex alternation, longest first; a space matches any whitespace."""
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in sorted(set(phrases), key=len, reverse=True))


@dataclass(frozen=True)
class _Patterns:
    qualifier: re.Pattern[str]
    qualifiers: dict[str, Qualifier]
    cut: re.Pattern[str]
    base: re.Pattern[str]
    comparison: re.Pattern[str]


@cache
def _patterns(words: FigureWords) -> _Patterns:
    qualifiers = {" ".join(p.lower().split()): q for p, q in words.qualifiers}
    return _Patterns(
        qualifier=re.compile(rf"(?<![а-яё])(?P<q>{_phrases(list(qualifiers))})\s+(?:на\s+)?\Z", _FLAGS),
        qualifiers=qualifiers,
        cut=re.compile(rf";|,\s+(?:{_phrases(words.clause_cuts)})(?![а-яёa-z])", _FLAGS),
        base=re.compile(
            rf"(?<![а-яёa-z0-9])(?:{_phrases(words.base_markers)})\s[^,;:%\d]{{0,{BASE_MARKER_REACH}}}\Z", _FLAGS
        ),
        comparison=re.compile(rf"(?:{words.comparison})", _FLAGS),
    )


# «с 5% », «с 10 млн рублей » before a «до»
_FROM_TO_RE = re.compile(r"(?<![а-яёa-z0-9])со?\s+\d[\d\s.,\u00a0\u202f]*(?:\s*(?:%|[а-яё.]+)){0,3}\s*\Z", _FLAGS)
_PREP_BEFORE_RE = re.compile(r"(?<![а-яё])(?P<p>на|до|с|со)\s+\Z", _FLAGS)
_SIGN_RE = re.compile(r"(?:^|(?<=[\s(]))[+−-]\Z")
_ELLIPTIC_RE = re.compile(
    r"(?:^|[:;]|,(?!\d))\s*(?:(?:а|и|в том числе|при этом|также)\s+)?"
    r"(?P<subj>(?:[^,:;–—]|(?<=\d),(?=\d))*?[а-яёa-z](?:[^,:;–—]|(?<=\d),(?=\d))*?)\s+[–—-]\s*(?P<na>на\s+)?\Z",
    _FLAGS,
)
_JOIN_RE = re.compile(r"[\s,]*(?:(?:и|а)\s+)?(?:до|по)?\s*", _FLAGS)  # between two joined figures
_FOLLOW_RE = re.compile(r"\s*(?P<w>выше|ниже|больше|меньше)(?![а-яё])", _FLAGS)

# the tagger's parts of speech that end a noun phrase, or may sit inside one
# clause words, and the prepositions that introduce a figure («до 7,2%», «против 4 млрд»)
_STOP_WORDS = frozenset(
    {"что", "чем", "как", "который", "которая", "которое", "которые", "где", "когда", "до", "против"}
)
_NOMINAL = frozenset({"NOUN", "PROPN"})
_MODIFIERS = frozenset({"ADJ", "DET"})
_PHRASE_POS = frozenset({"NOUN", "PROPN", "ADJ", "DET", "ADP", "NUM", "X"})
_QUOTES = frozenset('«»"„“”')
_OPEN_QUOTES = frozenset("«„“")
_PROPER_GRAMMEMES = frozenset({"Name", "Surn", "Patr", "Geox", "Orgn", "Abbr", "Trad"})


# --- reading a token -----------------------------------------------------------------------------


def _is_verb(tok: Token) -> bool:
    """A predicate: a finite verb, an infinitive, a gerund or a short participle («снижена»)."""
    if tok.pos == "AUX":
        return True
    if tok.pos != "VERB":
        return False
    return tok.feats.get("VerbForm") != "Part" or tok.feats.get("Variant") == "Short"


def _nominal_reading(tok: Token) -> bool:
    """The word has a noun or adjective reading: «стали» of «выпуск стали» is a noun, however the
    tagger read it."""
    return any(p.tag.POS in ("NOUN", "ADJF", "PRTF") for p in tok.parses)


def _time_noun(tok: Token, words: FigureWords) -> bool:
    """A noun of time («лет», «года»; «течение» of «в течение»)."""
    return tok.lemma in words.time_nouns or tok.lemma.split("-", 1)[0] in words.time_nouns


@cache
def _change_table(
    changes: tuple[tuple[str, Direction], ...],
) -> tuple[dict[str, Direction], tuple[tuple[str, Direction], ...]]:
    whole = {stem[:-1]: change for stem, change in changes if stem.endswith("$")}
    starts = tuple((stem, change) for stem, change in changes if not stem.endswith("$"))
    return whole, starts


def change_of(word: str, words: FigureWords) -> Direction | None:
    """"increase", "decrease", "none" (a neutral predicate: «составила») or None (no predicate)."""
    low = word.lower()
    whole, starts = _change_table(words.changes)
    if low in whole:
        return whole[low]
    for stem, change in starts:
        if low.startswith(stem):
            return change
    return None


# --- the document ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Dated:
    start: int
    end: int
    value: str
    is_base: bool  # introduced by «по сравнению с», «относительно»..., or «годом ранее» itself


class _Doc:
    """One document's text, tokens, dates and cuts, read once for all its figures."""

    def __init__(self, tagged: Tagged, dates: Sequence[DateItem], words: FigureWords, by_is_change: bool) -> None:
        self.by_is_change = by_is_change
        self.text = tagged.text
        self.tokens = tagged.tokens
        self.offsets = Offsets(tagged)
        self.words = words
        self.pat = _patterns(words)
        self.cuts = [m.end() for m in self.pat.cut.finditer(self.text)]
        self.date_spans = sorted((d.start, d.end) for d in dates)
        self.dated = self._dated(dates)
        self.dated_starts = [d.start for d in self.dated]

    def _dated(self, dates: Sequence[DateItem]) -> list[_Dated]:
        out = []
        for d in sorted(dates, key=lambda d: d.start):
            if d.value is None or not 0 <= d.start <= d.end <= len(self.text):
                continue
            sent_start = self.offsets.sentence(d.start)[0]
            lo = max(sent_start, d.start - BASE_WINDOW)
            is_base = bool(self.pat.base.search(self.text, lo, d.start)) or bool(self.pat.comparison.fullmatch(d.text))
            out.append(_Dated(d.start, d.end, d.value, is_base))
        return out

    def in_dates(self, tok: Token) -> bool:
        spans = self.date_spans
        i = bisect.bisect_right(spans, (tok.start, 1 << 62)) - 1
        return i >= 0 and spans[i][0] <= tok.start < spans[i][1]

    def clause_start(self, sent_start: int, prev_end: int, pos: int) -> int:
        i = bisect.bisect_right(self.cuts, pos) - 1
        return max(sent_start, prev_end, self.cuts[i] if i >= 0 else 0)

    def paragraph_start(self, pos: int) -> int:
        return self.text.rfind("\n", 0, pos) + 1

    def any_date(self, lo: int, hi: int) -> bool:
        """Whether a date (resolved or not) starts in text[lo:hi]."""
        i = bisect.bisect_left(self.date_spans, (lo, -1))
        return i < len(self.date_spans) and self.date_spans[i][0] < hi

    def dates_between(self, lo: int, hi: int) -> list[_Dated]:
        i = bisect.bisect_left(self.dated_starts, lo)
        out = []
        while i < len(self.dated) and self.dated[i].start < hi:
            out.append(self.dated[i])
            i += 1
        return out


# --- the qualifier -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Qualified:
    start: int
    qualifier: Qualifier | None
    prep: str | None  # «на», «до», «с» right before the number (after the qualifier)
    from_to: bool  # «с 5% до 3%»: the «до» figure ends a move from one level to another


def _qualified(doc: _Doc, fig: Figure) -> _Qualified:
    text = doc.text
    lo = max(0, fig.num_start - QUALIFIER_REACH)
    prep_m = _PREP_BEFORE_RE.search(text, max(0, fig.num_start - PREPOSITION_REACH), fig.num_start)
    prep = prep_m.group("p").lower() if prep_m else None
    m = doc.pat.qualifier.search(text, lo, fig.num_start)
    if not m:
        return _Qualified(fig.num_start, None, prep, False)
    q = doc.pat.qualifiers[" ".join(m.group("q").lower().split())]
    start = m.start()
    if q == "up_to":
        from_to = bool(_FROM_TO_RE.search(text, max(0, start - FROM_TO_REACH), start))
        return _Qualified(start, q, "до", from_to)
    return _Qualified(start, q, prep, False)


def _sign(text: str, num_start: int) -> Change | None:
    m = _SIGN_RE.search(text, max(0, num_start - SIGN_REACH), num_start)
    if not m:
        return None
    return "increase" if m.group(0) == "+" else "decrease"


# --- the predicate ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Predicate:
    change: Change | None
    verb: int | None  # index (in the clause tokens) of the predicate verb
    verb_change: Direction | None  # what the verb itself says
    change_noun: bool  # the change is said by a noun («рост выручки составил 12%»)


def _predicate(doc: _Doc, toks: Sequence[Token]) -> _Predicate:
    change: Change | None = None
    verb: int | None = None
    verb_change: Direction | None = None
    change_noun = False
    for i in range(len(toks) - 1, -1, -1):
        tok = toks[i]
        if not tok.text[:1].isalpha():
            continue
        kind = change_of(tok.text, doc.words)
        if kind is None:
            continue
        if kind != "none" and change is None:
            change = kind
            change_noun = tok.pos in _NOMINAL
        if verb is None and tok.pos in ("VERB", "AUX"):
            verb, verb_change = i, kind
    return _Predicate(change, verb, verb_change, change_noun)


# --- the subject -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Subject:
    text: str
    head: str | None  # the head noun as written when it opens the phrase («выпуск» of «выпуск чугуна»)


def _agrees(noun: Token, verb: Token | None) -> bool:
    """A nominative noun whose number and gender fit the verb."""
    if noun.pos not in _NOMINAL or noun.case != "Nom":
        return False
    if verb is None:
        return True
    v_number, n_number = verb.feats.get("Number"), noun.feats.get("Number")
    if v_number and n_number and v_number != n_number:
        return False
    v_gender, n_gender = verb.feats.get("Gender"), noun.feats.get("Gender")
    return not (v_number == "Sing" and v_gender and n_gender and v_gender != n_gender)


def _governed(toks: Sequence[Token], i: int) -> bool:
    """A preposition governs the noun at `i` (over its adjectives): «в портфеле заказов»."""
    j = i - 1
    while j >= 0 and (toks[j].pos in _MODIFIERS or toks[j].is_participle):
        j -= 1
    return j >= 0 and toks[j].pos == "ADP"


def _head_eligible(doc: _Doc, toks: Sequence[Token], i: int, verb: Token | None) -> bool:
    """A subject head: agrees with the verb, is no date or time, and no preposition governs it."""
    tok = toks[i]
    if doc.in_dates(tok) or _time_noun(tok, doc.words) or not _agrees(tok, verb):
        return False
    return not _governed(toks, i)


def _time_adverbial(doc: _Doc, toks: Sequence[Token], i: int) -> bool:
    """Whether a time adverbial starts at token `i`: a preposition, then numbers and adjectives,
    then a noun of time («за год», «в ближайшие пять лет», «в течение трех месяцев»)."""
    if toks[i].pos != "ADP":
        return False
    for tok in toks[i + 1 : i + 1 + TIME_ADVERBIAL_WORDS]:
        if _time_noun(tok, doc.words):
            return True
        if tok.pos not in ("ADJ", "DET", "NUM"):
            return False
    return False


def _chain_word(doc: _Doc, tok: Token) -> bool:
    """A token that can sit inside a subject noun phrase («объем торговли Тульской области с»)."""
    if doc.in_dates(tok):
        return False
    if tok.text in _QUOTES:
        return True
    if not tok.text[:1].isalpha():
        return False
    if tok.pos == "VERB" and _nominal_reading(tok):
        return True
    return tok.pos in _PHRASE_POS or tok.is_participle or tok.text.lower() == "и"


def _proper(tok: Token) -> bool:
    """A name by the dictionary (a person, a place, an organization, an abbreviation): it keeps
    its capital where a common noun opening a sentence loses it."""
    return bool(tok.parses) and bool(_PROPER_GRAMMEMES & tok.parses[0].tag.grammemes)


def _subject_text(doc: _Doc, words: Sequence[Token], nominative: bool = True) -> str:
    """A subject's words in the nominative (or as written), a common noun opening it in lowercase."""
    phrase = nominative_phrase(words, doc.text) if nominative else as_written(words, doc.text)
    first = words[0]
    if phrase[:1].isupper() and first.text[:1].isalpha() and not _proper(first) and not first.text.isupper():
        phrase = phrase[0].lower() + phrase[1:]
    return phrase


def _phrase(doc: _Doc, toks: Sequence[Token], h: int, nominative: bool = True) -> _Subject:
    """The noun phrase around head `h`, in the nominative: agreeing adjectives before it,
    dependents after it (genitives, prepositional groups), up to a verb, a clause word or a time
    adverbial."""
    left = h
    while left > 0 and toks[left - 1].pos in _MODIFIERS and toks[left - 1].case == toks[h].case:
        left -= 1
    right = h
    while right + 1 < len(toks):
        tok = toks[right + 1]
        if not _chain_word(doc, tok) or tok.text.lower() in _STOP_WORDS or _time_adverbial(doc, toks, right + 1):
            break
        right += 1
    while right > h and (toks[right].pos in ("ADP", "CCONJ") or toks[right].text in _OPEN_QUOTES):
        right -= 1
    genitive = _changed(doc, toks, h, right + 1)
    if genitive is not None:  # «рост выручки составил 12%» measures «выручка»
        return _phrase(doc, toks, genitive, nominative)
    words = toks[left : right + 1]
    return _Subject(_subject_text(doc, words, nominative), _head_noun(doc, toks[h]) if left == h < right else None)


def _head_noun(doc: _Doc, tok: Token) -> str | None:
    """A common noun heading a phrase with dependents («выпуск» of «выпуск чугуна»), in the
    nominative: a later list item may put its own genitive after it («выпуск проката»)."""
    if tok.pos != "NOUN" or _proper(tok):
        return None
    return nominative_phrase([tok], doc.text).lower()


def _changed(doc: _Doc, toks: Sequence[Token], h: int, end: int) -> int | None:
    """The head of the genitive group after a change noun («рост выручки», «увеличении
    производства палладия»): what the change is of. None when `h` is no change noun."""
    if toks[h].pos not in _NOMINAL or change_of(toks[h].text, doc.words) not in ("increase", "decrease"):
        return None
    i = h + 1
    while i < end and toks[i].case == "Gen" and (toks[i].pos in _MODIFIERS or toks[i].is_participle):
        i += 1
    if i < end and toks[i].pos in _NOMINAL and toks[i].case == "Gen" and not _time_noun(toks[i], doc.words):
        return i
    return None


def _participial_skips(toks: Sequence[Token]) -> set[int]:
    """Tokens of clauses set off by commas that start with a participle or «который»:
    «доля продукции, освоенной за три года, составила» - the subject is outside them."""
    skip: set[int] = set()
    commas = [i for i, t in enumerate(toks) if t.text == ","]
    for a, b in zip(commas, commas[1:], strict=False):
        first = toks[a + 1] if a + 1 < b else None
        if first is not None and (first.is_participle or first.lemma.startswith("котор")):
            skip.update(range(a, b + 1))
    return skip


def _nearest_head(doc: _Doc, toks: Sequence[Token], verb_i: int, agree: Token | None) -> int | None:
    """The nearest subject head before the verb, over participial clauses in commas and over a
    finite verb coordinated with it by «и» («выручка выросла на 14% и достигла 86 млрд рублей»)."""
    skip = _participial_skips(toks[:verb_i])
    coordinated = False  # an «и» was passed: a finite verb before it shares the subject
    for i in range(verb_i - 1, -1, -1):
        if i in skip:
            continue
        tok = toks[i]
        low = tok.text.lower()
        if _is_verb(tok) and not _nominal_reading(tok):
            if coordinated and tok.feats.get("VerbForm") == "Fin":
                coordinated = False
                continue
            return None
        if low == "и" and tok.pos == "CCONJ":
            coordinated = True
        if tok.pos in ("CCONJ", "SCONJ") and low != "и":
            return None
        if low in _STOP_WORDS:
            return None
        if _head_eligible(doc, toks, i, agree):
            return i
    return None


def _leftmost_head(doc: _Doc, toks: Sequence[Token], i: int, agree: Token | None) -> int:
    """Walk the noun phrase left of head `i`: «оборот компании Газпром» has its head first."""
    best = i
    j = i - 1
    while j >= 0 and _chain_word(doc, toks[j]):
        if _head_eligible(doc, toks, j, agree):
            best = j
        j -= 1
    return best


def _subject(doc: _Doc, toks: Sequence[Token], verb_i: int) -> _Subject | None:
    """The grammatical subject of the predicate `verb_i`: the agreeing nominative noun phrase
    before it, else after it («выросла выручка на 12%»); a plural verb may take «экспорт и импорт»."""
    verb = toks[verb_i]
    plural = verb.feats.get("Number") == "Plur"
    for agree in (verb, None) if plural else (verb,):
        i = _nearest_head(doc, toks, verb_i, agree)
        if i is not None:
            return _phrase(doc, toks[:verb_i], _leftmost_head(doc, toks, i, agree))
    for i in range(verb_i + 1, len(toks)):
        if _is_verb(toks[i]):
            break
        if _head_eligible(doc, toks, i, verb):
            return _phrase(doc, toks, i)
    return None


def _reads_as(tok: Token, case: str) -> bool:
    """The noun has a dictionary reading in an OpenCorpora case («платины»: gent, nomn)."""
    return any(p.tag.POS == "NOUN" and p.tag.case == case for p in tok.parses)


def _item_subject(doc: _Doc, toks: Sequence[Token], prev_head: str | None) -> tuple[_Subject | None, bool]:
    """The subject of an elliptic list item («импорт – на 29,4%»), without a verb to agree with,
    so by the dictionary: when the item before it measured a head noun with a genitive
    («производство палладия») and this one can be a genitive («платины»), it is that genitive,
    returned as written with True; else the first noun that can be a nominative, else None."""
    # after brackets («(442 голоса) 3. Иванов») and after a verb («за снос выступили жители домов»)
    after = max((i + 1 for i, t in enumerate(toks) if t.text == ")" or _is_verb(t)), default=0)
    for i in range(after, len(toks)):
        tok = toks[i]
        if tok.pos not in _NOMINAL or doc.in_dates(tok) or _time_noun(tok, doc.words):
            continue
        if _governed(toks, i):
            continue
        if prev_head and _reads_as(tok, "gent"):
            return _phrase(doc, toks, i, nominative=False), True
        if tok.case == "Nom" or _reads_as(tok, "nomn"):
            return _phrase(doc, toks, i), False
        return None, False
    return None, False


def _genitive_after(doc: _Doc, fig: Figure, hi: int) -> _Subject | None:
    """The genitive group right after a figure, in the nominative: «40% калужских поставок
    приходится на...» measures «калужские поставки»."""
    toks = doc.offsets.tokens(fig.end, min(hi, fig.end + GENITIVE_REACH))
    i = 0
    while i < len(toks) and (toks[i].pos in _MODIFIERS or toks[i].is_participle) and toks[i].case == "Gen":
        i += 1
    if i >= len(toks) or toks[i].pos not in _NOMINAL or toks[i].case != "Gen":
        return None
    if _time_noun(toks[i], doc.words) or doc.in_dates(toks[i]):
        return None
    end = i
    while end + 1 < len(toks):
        tok = toks[end + 1]
        if _time_noun(tok, doc.words) or doc.in_dates(tok) or tok.case != "Gen":
            break
        if tok.pos not in _NOMINAL and tok.pos not in _MODIFIERS and not tok.is_participle:
            break
        end += 1
    while end > i and toks[end].pos not in _NOMINAL:  # a trailing adjective belongs to the next noun
        end -= 1
    return _Subject(_subject_text(doc, toks[: end + 1]), None)


# --- one figure in its clause ------------------------------------------------------------------------


@dataclass(frozen=True)
class _Read:
    """What was read of a figure, for the figures after it."""

    fig: Figure
    sentence: tuple[int, int]
    context: FigureContext
    head: str | None  # the subject's head noun when it opens the subject
    verb_change: Direction | None  # what its predicate verb says, if it has one


def _period_base(doc: _Doc, sent: tuple[int, int], fig: Figure) -> tuple[str | None, str | None]:
    """Period: the nearest non-base date before the figure in its sentence (else the first after);
    base: the comparison-base date of the sentence nearest to the figure. At most NEAR_DATES dates
    are looked at on either side: a sentence of a thousand dates and figures stays linear."""
    dated = doc.dated
    at = bisect.bisect_left(doc.dated_starts, fig.num_start)
    before = [d for d in dated[max(0, at - NEAR_DATES) : at] if d.start >= sent[0] and d.end <= fig.num_start]
    after = [d for d in dated[at : at + NEAR_DATES] if d.start >= fig.end and d.end <= sent[1]]
    period = next((d.value for d in reversed(before) if not d.is_base), None)
    period = period or next((d.value for d in after if not d.is_base), None)
    bases = [d for d in before + after if d.is_base]
    base = min(bases, key=lambda d: abs(d.start - fig.end)).value if bases else None
    return period, base


def _elliptic(doc: _Doc, start: int, lo: int, pred: _Predicate, toks: Sequence[Token]) -> re.Match[str] | None:
    """An elliptic list item «, а импорт – на 11%»: a noun phrase and a dash right before the
    figure, with no predicate of its own after the list began."""
    base = max(lo, start - ELLIPSIS_REACH)
    m = _ELLIPTIC_RE.search(doc.text[base:start])
    if not m:
        return None
    if pred.verb is not None and toks[pred.verb].start >= base + m.start("subj"):
        return None
    return m


def _read(doc: _Doc, fig: Figure, prev: _Read | None) -> _Read:
    text = doc.text
    q = _qualified(doc, fig)
    sign = _sign(text, fig.num_start)
    sent = doc.offsets.sentence(fig.num_start)
    same_sentence = prev is not None and prev.sentence == sent
    lo = doc.clause_start(sent[0], prev.fig.end if same_sentence and prev else 0, q.start)
    toks = doc.offsets.tokens(lo, q.start)
    pred = _predicate(doc, toks)
    period, base = _period_base(doc, sent, fig)
    start, qualifier, prep = q.start, q.qualifier, q.prep

    # «снизилась на 1,2% до 7,2%», «с 5% до 3%»: a figure joined to the one before it by «до»
    # shares its clause: the level it reached
    joined = same_sentence and prev is not None and not pred.verb_change and _joins(doc, prev.fig.end, q.start)
    # «до» after a verb of change is the level reached, no bound: «снизилась на 1,2% до 7,2%»
    if qualifier == "up_to" and (q.from_to or pred.change or joined and prev and prev.context.change):
        start, qualifier = fig.num_start, None

    if joined and prev is not None:
        role: Role | None = "level" if prep in ("до", "с", "со") else prev.context.role
        subject = _Subject(prev.context.subject, prev.head) if prev.context.subject else None
        subject = subject or _genitive_after(doc, fig, sent[1])  # «50% и 30% скидки»
        said = subject.text if subject else None
        ctx = FigureContext(start, qualifier, role, prev.context.change, said, period, base)
        return _Read(fig, sent, ctx, subject.head if subject else None, prev.verb_change)

    change = pred.change
    if change is None:
        follow = _FOLLOW_RE.match(text, fig.end)
        said = change_of(follow.group("w"), doc.words) if follow else None
        change = sign if said is None or said == "none" else said
    ell = _elliptic(doc, start, lo, pred, toks) if sign is None else None
    if ell is not None:
        return _read_elliptic(doc, fig, prev, ell, start, qualifier, change, sent, lo, period, base)

    subject = _measured(doc, toks, pred, fig, sent[1], prev if same_sentence else None)

    role = _role(prep, q.from_to, change, sign, pred, doc.by_is_change)
    ctx = FigureContext(start, qualifier, role, change, subject.text if subject else None, period, base)
    return _Read(fig, sent, ctx, subject.head if subject else None, pred.verb_change)


def _bracketed(doc: _Doc, toks: Sequence[Token], fig: Figure, sent_end: int) -> _Subject | None:
    """«производство одежды (+75,1%)»: a figure opening brackets measures the noun phrase before
    them; not when a genitive follows it («Радик (51% акций)») nor after a quantity («105 млн
    человек (+21,7%)»: it says how that changed, and the clause's subject is what it measures)."""
    end = len(toks)
    while end and toks[end - 1].text in ("+", "-", "−", "±"):
        end -= 1
    if end < 2 or toks[end - 1].text != "(" or _genitive_after(doc, fig, sent_end) is not None:
        return None
    toks = toks[: end - 1]
    j = len(toks) - 1
    while j >= 0 and _chain_word(doc, toks[j]):
        j -= 1
    if j >= 0 and toks[j].text[:1].isdigit():
        return None
    nouns = [i for i in range(j + 1, len(toks)) if toks[i].pos in _NOMINAL and not _governed(toks, i)]
    # the head: the last noun that is no genitive dependent of the one before it
    heads = [i for i in nouns if toks[i].case != "Gen"] or nouns
    return _phrase(doc, toks, heads[-1]) if heads else None


def _object_of_verb(doc: _Doc, toks: Sequence[Token], pred: _Predicate) -> _Subject | None:
    """«Компания увеличила выручку на 12%», «Банк снизил ставку до 7%»: an active verb of change
    measures its direct object."""
    if pred.verb is None or pred.verb_change not in ("increase", "decrease"):
        return None
    verb = toks[pred.verb]
    if verb.feats.get("Voice") != "Act" or verb.lemma.endswith(("ся", "сь")):
        return None
    for i in range(pred.verb + 1, len(toks)):
        tok = toks[i]
        if _is_verb(tok) or tok.pos == "ADP":
            return None
        if tok.pos in _NOMINAL and tok.case == "Acc" and not doc.in_dates(tok) and not _time_noun(tok, doc.words):
            return _phrase(doc, toks, i)
    return None


def _subject_of_verb(doc: _Doc, toks: Sequence[Token], pred: _Predicate) -> _Subject | None:
    """The grammatical subject of the predicate; a gerund shares the subject of the finite verb
    before it: «выручка составила 12 млрд рублей, увеличившись на 9%» measures «выручка»."""
    verb = pred.verb
    if verb is None:
        return None
    if toks[verb].feats.get("VerbForm") == "Conv":
        verb = next((i for i in range(verb - 1, -1, -1) if toks[i].feats.get("VerbForm") == "Fin"), verb)
    return _subject(doc, toks, verb)


def _change_of_noun(doc: _Doc, toks: Sequence[Token]) -> _Subject | None:
    """«об увеличении производства палладия на 8%»: no verb, a change noun with a genitive."""
    for i in range(len(toks) - 1, -1, -1):
        genitive = _changed(doc, toks, i, len(toks))
        if genitive is not None:
            return _phrase(doc, toks, genitive)
    return None


def _measured(
    doc: _Doc, toks: Sequence[Token], pred: _Predicate, fig: Figure, sent_end: int, prev: _Read | None
) -> _Subject | None:
    """What a figure measures: the first of these that finds a noun phrase."""
    for found in (
        lambda: _bracketed(doc, toks, fig, sent_end),
        lambda: _object_of_verb(doc, toks, pred),
        lambda: _subject_of_verb(doc, toks, pred),
        lambda: _change_of_noun(doc, toks),
        lambda: _genitive_after(doc, fig, sent_end),
    ):
        subject = found()
        if subject is not None:
            return subject
    # «снизилась на 1,2 п.п. и составила 17,8%»: a second predicate of the same subject
    if pred.verb is not None and prev is not None and prev.context.subject:
        return _Subject(prev.context.subject, prev.head)
    return None


def _joins(doc: _Doc, prev_end: int, start: int) -> bool:
    """Only «до» or «и до», «, а до» (no word of its own) between two figures."""
    return bool(_JOIN_RE.fullmatch(doc.text, prev_end, start))


def _role(
    prep: str | None, from_to: bool, change: Change | None, sign: Change | None, pred: _Predicate, by_is_change: bool
) -> Role | None:
    """"change" for the amount of a change, "level" for the level reached, None when the
    sentence does not say. `change` is the figure's own, from a word or a sign."""
    if sign is not None or prep == "на" and (change is not None or by_is_change):
        return "change"  # «выросла на 5%», «обновился на 45%», «+3,5%»
    if change is not None and pred.change is None:
        return "change"  # «на 5% выше»
    if prep in ("до", "с", "со") and (from_to or pred.change is not None):
        return "level"
    if pred.verb_change == "none":
        return "change" if pred.change_noun and pred.change is not None else "level"
    if pred.verb_change in ("increase", "decrease"):
        return "change"
    return None


def _read_elliptic(
    doc: _Doc, fig: Figure, prev: _Read | None, ell: re.Match[str], start: int, qualifier: str | None,
    change: str | None, sent: tuple[int, int], lo: int, period: str | None, base: str | None,
) -> _Read:
    """An elliptic list item continues the item before it: «на 1,6%» takes its change and role;
    the period and base carry over unless the item names its own date («а в 2025 году – на 15%»);
    a missing subject is the previous one, or its head noun with this item's genitive («выпуск
    проката»)."""
    base_pos = max(lo, start - ELLIPSIS_REACH)
    sub = doc.offsets.tokens(base_pos + ell.start("subj"), base_pos + ell.end("subj"))
    by = bool(ell.group("na")) or bool(re.search(r"\sна\s", doc.text[start : fig.num_start + 1]))
    subject, genitive = _item_subject(doc, sub, prev.head if prev else None)
    role: Role | None = "change" if by else None
    continues = prev is not None and (prev.sentence == sent or change is None)
    if subject is None and not (prev is not None and prev.sentence == sent):
        # the first item of a list: «доля его сыновей, директора группы и ее председателя, - по 28%»
        clause = doc.offsets.tokens(lo, start)
        colon = max((i + 1 for i, t in enumerate(clause) if t.text == ":"), default=0)
        clause = clause[colon:]
        if not any(_is_verb(t) for t in clause):
            first_head = next((i for i in range(len(clause)) if _head_eligible(doc, clause, i, None)), None)
            subject = _phrase(doc, clause, first_head) if first_head is not None else None
    if not continues or prev is None:
        ctx = FigureContext(start, qualifier, role, change, subject.text if subject else None, period, base)
        return _Read(fig, sent, ctx, subject.head if subject else None, None)
    first = prev.context
    if by:
        change = change or first.change
    elif first.role == "change" and prev.verb_change in ("increase", "decrease"):
        role = "change"
    else:
        role = "level"
    head = subject.head if subject else None
    text = subject.text if subject else None
    if subject is None and first.subject:
        text, head = first.subject, prev.head
    elif subject is not None and genitive:
        text, head = f"{prev.head} {subject.text}", prev.head
    if not doc.any_date(lo, start):  # «а в 2025 году – на 15%» has its own
        period, base = first.period, first.base
    ctx = FigureContext(start, qualifier, role, change, text, period, base)
    return _Read(fig, sent, ctx, head, prev.verb_change)


def _carried(doc: _Doc, read: _Read, last: _Read | None) -> _Read:
    """A change with no period of its own continues the comparison of the last change before it
    in the same paragraph («За 2024 год оборот вырос на 19%. В свою очередь экспорт увеличился на
    22,3%»): it takes its period, and its base when it names none; not when a new date is named
    between them, nor across a line break."""
    ctx = read.context
    if ctx.period is not None or ctx.role != "change" or last is None or last.context.period is None:
        return read
    if last.fig.end <= doc.paragraph_start(read.fig.num_start):
        return read
    if any(not d.is_base for d in doc.dates_between(last.fig.end, read.fig.num_start)):
        return read
    return replace(read, context=replace(ctx, period=last.context.period, base=ctx.base or last.context.base))


def read_figures(
    tagged: Tagged, figures: Sequence[Figure], dates: Sequence[DateItem], words: FigureWords, by_is_change: bool
) -> list[FigureContext]:
    """The context of each figure (in text order) of a document. `by_is_change`: «на» before a
    figure says the amount of a change even with no verb of change the lists know («обновился
    на 45%»): so for percentages, not for money («кредит на 112 млн рублей»)."""
    if not figures:
        return []
    doc = _Doc(tagged, dates, words, by_is_change)
    out: list[FigureContext] = []
    prev: _Read | None = None
    last_change: _Read | None = None  # the last change read: the comparison a change may continue
    for fig in figures:
        prev = _carried(doc, _read(doc, fig, prev), last_change)
        if prev.context.role == "change":
            last_change = prev
        out.append(prev.context)
    return out


# what joins the two numbers of a range: a dash, or «до» after «от»
_RANGE_JOINER_RE = re.compile(r"\s*[–—]\s*|(?<=\w)-(?=\d)|\s+-\s+|\s+до\s+", re.IGNORECASE)


def range_items(text: str, item: FigureT) -> list[FigureT]:
    """A range is two items, one a number, with the range's unit or currency and scale: «12–14%»
    -> «12» (range from, value_to 14) and «14%» (range to); anything else stays one item."""
    parts = range_parts(text, item.start, item.end) if item.value_to is not None else None
    if parts is None:
        return [item]
    first_end, second_start = parts
    low = replace(item, text=text[item.start : first_end], end=first_end, range="from")
    high = replace(item, text=text[second_start : item.end], value=item.value_to, value_to=None, range="to",
                   start=second_start)
    return [low, high]


def range_parts(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Where the first number of a range written over [start, end) ends and the second begins:
    «12–14%» -> «12» | «14%», «от 500 тыс. до 25 млн рублей» -> «от 500 тыс.» | «25 млн рублей»."""
    first = next((k for k in range(start, end) if text[k].isdigit()), start)  # past «от», «около»
    m = _RANGE_JOINER_RE.search(text, first + 1, end)
    return (m.start(), m.end()) if m else None

