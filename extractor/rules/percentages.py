"""Percentages and percentage points, with what they measure, the direction of change, and the
period and comparison base they refer to.

Span convention: the text of a percentage starts at its qualifier when there is one
(«более 50%», «почти на 5%», «не менее 3 процентов») and otherwise at the number («8,4%»);
a range includes its «от»: «от 3 до 5 процентов». Adjectives («19-процентный», «стопроцентный»)
and «в 2 раза» are not percentages. Word lists are data: pct_qualifiers.txt, change_verbs.txt,
pct_numbers.txt, pct_base_markers.txt, pct_clause_cuts.txt.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from functools import lru_cache

from extractor.lexicon import load_rows, load_words
from extractor.lexicon.numbers import is_comparison, phrase_pattern
from extractor.model import DateItem, Percentage
from extractor.nlp.morph import parses
from extractor.nlp.numbers import MAX_NUMBER_WORDS, NUMBER, cardinal, to_float
from extractor.nlp.offsets import Offsets
from extractor.nlp.tagging import Tagged

_alternation = phrase_pattern
_QUALIFIERS = {" ".join(row[0].lower().split()): row[1] for row in load_rows("pct_qualifiers.txt")}
_CHANGE_STEMS = tuple((row[0].lower(), row[1]) for row in load_rows("change_verbs.txt"))

_NW = r"(?![а-яёa-z])"
_BW = r"(?<![а-яёa-z0-9])"
_NUM = NUMBER
_PP = (
    rf"процентн(?:ых|ого|ому|ым|ыми|ый|ые|ом)\s+пункт(?:ов|ами|ам|ах|ом|а|у|е|ы)?{_NW}"
    r"|п\.\s?п\.?|п\.п(?![а-яё])"
)
_PCT_WORD = rf"процент(?:ов|ами|ам|ах|ом|а|у|е|ы)?{_NW}"
_UNIT = rf"(?P<unit>{_PP}|{_PCT_WORD}|%(?!-?[а-яё]))"
_UNIT_INNER = rf"(?:%|{_PCT_WORD}|п\.\s?п\.?)"  # a unit repeated after the first number of a range
_DASH = r"\s*[-–—]\s*"
_FLAGS = re.IGNORECASE

_DIGIT_RE = re.compile(
    rf"(?:{_BW}(?P<ot>от)\s+(?P<a>{_NUM})(?:\s*{_UNIT_INNER})?\s+до\s+(?P<b>{_NUM})"
    rf"|(?P<c>{_NUM})(?:\s*{_UNIT_INNER})?{_DASH}(?P<d>{_NUM})"
    rf"|(?P<v>{_NUM}))\s*{_UNIT}",
    _FLAGS,
)
_WORD_GAP_RE = re.compile(r"[\s-]*")  # between the words of a number in words, and its unit
_WORD_UNIT_RE = re.compile(rf"{_BW}(?P<unit>{_PP}|{_PCT_WORD})", _FLAGS)
_QUAL_RE = re.compile(rf"(?<![а-яё])(?P<q>{_alternation(list(_QUALIFIERS))})\s+(?:на\s+)?\Z", _FLAGS)
_FROM_TO_RE = re.compile(rf"{_BW}со?\s+{_NUM}\s*{_UNIT_INNER}?\s*\Z", _FLAGS)
_SIGN_RE = re.compile(r"(?:^|(?<=[\s(]))[+−-]\Z")
# Sentence ends: punctuation then a capital, or a line break; abbreviations are checked apart.
_CUT_RE = re.compile(rf";|,\s+(?:{_alternation(list(load_words('pct_clause_cuts.txt')))}){_NW}", _FLAGS)
_BASE_RE = re.compile(
    rf"{_BW}(?:{_alternation(list(load_words('pct_base_markers.txt')))})\s[^,;:%\d]{{0,60}}\Z", _FLAGS
)
_TOKEN_RE = re.compile(r"[а-яёa-z]+(?:-[а-яёa-z]+)*|\d+(?:[.,]\d+)?|[^\w\s]", _FLAGS)
_ELLIPTIC_RE = re.compile(
    r"(?:^|[,:;])\s*(?:(?:а|и|в том числе|при этом|также)\s+)?"
    r"(?P<subj>[^,:;–—]*?[а-яёa-z][^,:;–—]*?)\s+[–—-]\s*(?P<na>на\s+)?\Z",
    _FLAGS,
)
_FOLLOW_RE = re.compile(r"\s*(?P<w>выше|ниже|больше|меньше)(?![а-яё])", _FLAGS)
_SPACES_RE = re.compile(r"\s+")

# pymorphy3 grammemes that end a noun phrase or may not belong to one
_STOP_POS = frozenset({"VERB", "INFN", "GRND", "CONJ", "PRTS"})
_SKIP_POS = frozenset({"ADVB", "PRCL", "INTJ", "PRED"})
_STOP_WORDS = frozenset({"что", "чем", "как", "который", "которая", "которое", "которые", "где", "когда"})
_NP_POS = frozenset({"NOUN", "ADJF", "PRTF", "PREP", "NUMR", None})
_QUOTES = '«»"„“”'
_TIME_NOUNS = frozenset(load_words("time_nouns.txt"))
# Words a time adverbial may have between its preposition and its noun: «в ближайшие пять лет».
_TIME_FILLER_POS = frozenset({"ADJF", "PRTF", "NUMR", None})
_PROPER = frozenset({"Name", "Surn", "Patr", "Geox", "Orgn", "Abbr", "Trad"})


@dataclass(frozen=True)
class _Raw:
    start: int
    end: int
    num_start: int  # where the number (or «от») begins, after the qualifier
    value: float
    value_to: float | None
    unit: str
    qualifier: str | None
    sign: str | None  # change read from a «+»/«−» sign


# --- numbers and spans -------------------------------------------------------------------------


def _unit_kind(unit: str) -> str:
    return "percent" if unit == "%" or unit.lower().startswith("процент") and "пункт" not in unit.lower() else "pp"


def _words_back(offsets: Offsets, pos: int) -> tuple[float, int] | None:
    """A number written in words ending at `pos` («двадцати пяти»): its value and start."""
    tokens = offsets.tagged.tokens
    i = offsets.first_token(pos) - 1
    total, start, seen = 0.0, pos, 0
    while seen < MAX_NUMBER_WORDS and i >= 0:
        value = cardinal(tokens[i].parses)
        if value is None or not _WORD_GAP_RE.fullmatch(offsets.tagged.text, tokens[i].end, start):
            break
        total, start, seen, i = total + value, tokens[i].start, seen + 1, i - 1
    return (total, start) if seen else None


def _word_range(offsets: Offsets, num: tuple[float, int]) -> tuple[float, float | None, int]:
    """«от трех до пяти процентов»: lower bound, upper bound, start of «от»."""
    text = offsets.tagged.text
    value, start = num
    m = re.search(r"(?<![а-яё])до\s+\Z", text[max(0, start - 10) : start], _FLAGS)
    if m:
        first = _words_back(offsets, start - len(m.group(0)))
        if first:
            ot = re.search(r"(?<![а-яё])от\s+\Z", text[max(0, first[1] - 10) : first[1]], _FLAGS)
            if ot:
                return first[0], value, first[1] - len(ot.group(0))
    return value, None, start


def _qualifier(text: str, num_start: int) -> tuple[str | None, int]:
    """The qualifier words right before a number and where they begin."""
    lo = max(0, num_start - 40)
    window = text[lo:num_start]
    m = _QUAL_RE.search(window)
    if not m:
        return None, num_start
    q = _QUALIFIERS[" ".join(m.group("q").lower().split())]
    start = lo + m.start()
    if q == "up_to" and _FROM_TO_RE.search(text, max(0, start - 30), start):
        return None, num_start  # «с 5% до 3%»: a move from one level to another, not «up to»
    return q, start


def _sign(text: str, num_start: int) -> str | None:
    m = _SIGN_RE.search(text[max(0, num_start - 2) : num_start])
    if not m:
        return None
    return "increase" if m.group(0) == "+" else "decrease"


def _raw_digits(text: str) -> list[_Raw]:
    out = []
    for m in _DIGIT_RE.finditer(text):
        if m.group("ot"):
            value, value_to, num_start = to_float(m.group("a")), to_float(m.group("b")), m.start("ot")
        elif m.group("c"):
            value, value_to, num_start = to_float(m.group("c")), to_float(m.group("d")), m.start("c")
        else:
            value, value_to, num_start = to_float(m.group("v")), None, m.start("v")
        qualifier, start = _qualifier(text, num_start)
        unit = _unit_kind(m.group("unit"))
        out.append(_Raw(start, m.end(), num_start, value, value_to, unit, qualifier, _sign(text, num_start)))
    return out


def _raw_words(offsets: Offsets, taken: list[_Raw]) -> list[_Raw]:
    """Percentages with the number in words: «на десять процентов», «полтора процента»."""
    text = offsets.tagged.text
    out = []
    for m in _WORD_UNIT_RE.finditer(text):
        if any(r.start <= m.start() < r.end for r in taken):
            continue
        num = _words_back(offsets, m.start())
        if num is None:
            continue
        value, value_to, num_start = _word_range(offsets, num)
        qualifier, start = _qualifier(text, num_start)
        out.append(_Raw(start, m.end(), num_start, value, value_to, _unit_kind(m.group("unit")), qualifier, None))
    return out


# --- sentences and clauses ---------------------------------------------------------------------


# --- morphology of the clause ------------------------------------------------------------------


@dataclass(frozen=True)
class _Tok:
    text: str
    start: int
    end: int
    parses: tuple  # pymorphy3 parses; empty for digits and punctuation

    @property
    def pos(self) -> str | None:
        return self.parses[0].tag.POS if self.parses else None

    @property
    def nominal(self) -> bool:
        """Has a noun or adjective reading: «стали» is a noun too, not only a verb."""
        return any(p.tag.POS in ("NOUN", "ADJF", "PRTF") for p in self.parses)

    def has(self, *grams: str) -> bool:
        return any(all(g in p.tag for g in grams) for p in self.parses)

    @property
    def timely(self) -> bool:
        """A noun of time («лет», «года», «месяцев»; «течение» of «в течение»)."""
        return bool(self.parses) and self.parses[0].normal_form in _TIME_NOUNS


def _tokens(text: str, lo: int, hi: int) -> list[_Tok]:
    out = []
    for m in _TOKEN_RE.finditer(text, lo, hi):
        word = m.group(0)
        found = parses(word.lower()) if word[0].isalpha() else ()
        out.append(_Tok(word, m.start(), m.end(), found))
    return out


@lru_cache(maxsize=20_000)
def _change_of(word: str) -> str | None:
    """`increase`, `decrease`, `none` (a neutral predicate) or None (not a predicate)."""
    low = word.lower()
    for stem, change in _CHANGE_STEMS:
        if stem.endswith("$") and low == stem[:-1] or not stem.endswith("$") and low.startswith(stem):
            return change
    return None


def _agrees(noun: _Tok, verb: _Tok | None) -> bool:
    """A nominative noun reading of `noun` whose number/gender fit the verb."""
    if verb is None:
        return noun.has("NOUN", "nomn")
    vtag = verb.parses[0].tag
    for p in noun.parses:
        tag = p.tag
        if tag.POS != "NOUN" or tag.case != "nomn":
            continue
        if vtag.number and tag.number and vtag.number != tag.number:
            continue
        if vtag.number == "sing" and vtag.gender and tag.gender and tag.gender != vtag.gender:
            if "Ms-f" not in tag:
                continue
        return True
    return False


def _in_dates(tok: _Tok, spans: list[tuple[int, int]]) -> bool:
    """Whether the token lies in a date; `spans` are sorted and do not overlap."""
    i = bisect.bisect_right(spans, (tok.start, len(spans) and 1 << 62)) - 1
    return i >= 0 and spans[i][0] <= tok.start < spans[i][1]


def _head_eligible(toks: list[_Tok], i: int, verb: _Tok | None, spans: list[tuple[int, int]]) -> bool:
    """A subject head: agrees with the verb and is not governed by a preposition."""
    tok = toks[i]
    if tok.pos in ("PREP", "CONJ", "PRCL", "INTJ") or _in_dates(tok, spans) or tok.timely:
        return False
    if not _agrees(tok, verb):
        return False
    j = i - 1
    while j >= 0 and toks[j].pos in ("ADJF", "PRTF"):
        j -= 1
    return j < 0 or toks[j].pos != "PREP"


def _phrase(text: str, toks: list[_Tok], h: int, spans: list[tuple[int, int]]) -> str:
    """The noun phrase around head `h`: agreeing adjectives before, dependents after."""
    left = h
    while left > 0 and toks[left - 1].has("nomn") and toks[left - 1].pos in ("ADJF", "PRTF"):
        left -= 1
    right = h
    while right + 1 < len(toks):
        tok = toks[right + 1]
        if not _chain_word(tok, spans) or tok.text.lower() in _STOP_WORDS or _time_adverbial(toks, right + 1):
            break
        right += 1
    while right > h and (toks[right].pos in ("PREP", "CONJ") or toks[right].text in "«„“"):
        right -= 1
    phrase = _SPACES_RE.sub(" ", text[toks[left].start : toks[right].end])
    first = toks[left]
    proper = any(g in first.parses[0].tag for g in _PROPER) if first.parses else True
    if phrase[:1].isupper() and not proper and not first.text.isupper():
        phrase = phrase[0].lower() + phrase[1:]
    return phrase


def _time_adverbial(toks: list[_Tok], i: int) -> bool:
    """Whether a time adverbial starts at token `i`: a preposition, then numbers and adjectives,
    then a noun of time («за год», «в ближайшие пять лет», «в течение трех месяцев»)."""
    if toks[i].pos != "PREP":
        return False
    for tok in toks[i + 1 : i + 6]:
        if tok.timely:
            return True
        if tok.pos not in _TIME_FILLER_POS or not tok.parses and not tok.text[0].isdigit():
            return False
    return False


def _participial_skips(toks: list[_Tok]) -> set[int]:
    """Tokens of clauses set off by commas that start with a participle or «который»:
    «доля продукции, освоенной за три года, составила» - the subject is outside them."""
    skip: set[int] = set()
    commas = [i for i, t in enumerate(toks) if t.text == ","]
    for a, b in zip(commas, commas[1:], strict=False):
        first = toks[a + 1] if a + 1 < b else None
        if first is not None and (first.pos == "PRTF" or first.text.lower().startswith("котор")):
            skip.update(range(a, b + 1))
    return skip


def _chain_word(tok: _Tok, spans: list[tuple[int, int]]) -> bool:
    """A token that can sit inside a subject noun phrase («объем торговли Тульской области с»)."""
    if _in_dates(tok, spans):
        return False
    if not tok.parses:
        return tok.text in _QUOTES
    return tok.pos in _NP_POS or tok.nominal or tok.text.lower() == "и"


def _nearest_head(toks: list[_Tok], verb_i: int, agree: _Tok | None, spans: list[tuple[int, int]]) -> int | None:
    skip = _participial_skips(toks[:verb_i])
    for i in range(verb_i - 1, -1, -1):
        if i in skip:
            continue
        tok = toks[i]
        low = tok.text.lower()
        if tok.pos in _STOP_POS and low != "и" and not tok.nominal or low in _STOP_WORDS:
            return None
        if _head_eligible(toks, i, agree, spans):
            return i
    return None


def _leftmost_head(toks: list[_Tok], i: int, agree: _Tok | None, spans: list[tuple[int, int]]) -> int:
    """Walk the noun phrase left of head `i`: «оборот компании Газпром» has its head first."""
    best = i
    j = i - 1
    while j >= 0 and _chain_word(toks[j], spans):
        if _head_eligible(toks, j, agree, spans):
            best = j
        j -= 1
    return best


def _subject(text: str, toks: list[_Tok], verb_i: int, spans: list[tuple[int, int]]) -> str | None:
    """The grammatical subject of the predicate `verb_i`: the agreeing nominative noun phrase
    before it, else after it («выросла выручка на 12%»); a plural verb may take «экспорт и импорт»."""
    verb = toks[verb_i]
    plural = verb.parses[0].tag.number == "plur"
    for agree in (verb, None) if plural else (verb,):
        i = _nearest_head(toks, verb_i, agree, spans)
        if i is not None:
            return _phrase(text, toks[:verb_i], _leftmost_head(toks, i, agree, spans), spans)
    for i in range(verb_i + 1, len(toks)):
        if toks[i].pos in _STOP_POS:
            break
        if _head_eligible(toks, i, verb, spans):
            return _phrase(text, toks, i, spans)
    return None


def _np_subject(text: str, toks: list[_Tok], spans: list[tuple[int, int]]) -> tuple[str | None, str | None]:
    """Subject of an elliptic item «импорт – на 29,4%»: the first nominative noun phrase; else a
    genitive one («проката – на 7%» after «выпуск чугуна – ...»), returned second."""
    for i in range(len(toks)):
        if _head_eligible(toks, i, None, spans):
            return _phrase(text, toks, i, spans), None
    for i, tok in enumerate(toks):
        if (
            tok.pos == "NOUN"
            and tok.has("NOUN", "gent")
            and not _in_dates(tok, spans)
            and (i == 0 or toks[i - 1].pos != "PREP")
        ):
            return None, _phrase(text, toks, i, spans)
    return None, None


def _head_word(subject: str) -> str | None:
    """The first word of a subject when it is its head noun («выпуск» of «выпуск чугуна»)."""
    word = subject.split(" ", 1)[0]
    found = parses(word.lower())
    return word if found and found[0].tag.POS == "NOUN" and " " in subject else None


# --- putting a percentage in context -----------------------------------------------------------


@dataclass(frozen=True)
class _Context:
    subject: str | None
    change: str | None
    elliptic: bool
    by: bool = False  # «экспорт – на 1,6%»: an amount of change, so the list's change carries over
    genitive: str | None = None  # «проката – на 7%»: the head noun is left out
    predicate: bool = False  # a predicate («составила», «увеличившись») was found before the figure


def _clause_start(text: str, cuts: list[int], sent_start: int, prev_end: int, pos: int) -> int:
    i = bisect.bisect_right(cuts, pos) - 1
    cut = cuts[i] if i >= 0 else 0
    return max(sent_start, prev_end, cut)


def _context(text: str, raw: _Raw, lo: int, spans: list[tuple[int, int]]) -> _Context:
    toks = _tokens(text, lo, raw.start)
    change = None
    verb_i = None
    for i in range(len(toks) - 1, -1, -1):
        kind = _change_of(toks[i].text) if toks[i].parses else None
        if kind is None:
            continue
        if kind != "none" and change is None:
            change = kind
        if verb_i is None and toks[i].pos in ("VERB", "PRTS", "PRTF", "INFN", "GRND"):
            verb_i = i
    if change is None:
        follow = _FOLLOW_RE.match(text, raw.end)
        change = _change_of(follow.group("w")) if follow else raw.sign
    # sliced so that «^» is the clause start; bounded so that a long clause costs no more
    base = max(lo, raw.start - 150)
    ell = _ELLIPTIC_RE.search(text[base : raw.start])
    if ell and raw.sign is None and (verb_i is None or toks[verb_i].start < base + ell.start("subj")):
        sub = [t for t in toks if base + ell.start("subj") <= t.start and t.end <= base + ell.end("subj")]
        by = bool(ell.group("na")) or bool(re.search(r"\sна\s", text[raw.start : raw.num_start + 1]))
        subject, genitive = _np_subject(text, sub, spans)
        return _Context(subject, change, True, by, genitive)
    subj_i = verb_i
    if verb_i is not None and toks[verb_i].pos == "GRND":
        # a gerund shares the subject of the finite verb before it: «выручка составила 12 млрд
        # рублей, увеличившись на 9%» measures «выручка», not «рублей»
        subj_i = next((i for i in range(verb_i - 1, -1, -1) if toks[i].pos == "VERB"), verb_i)
    subject = _subject(text, toks, subj_i, spans) if subj_i is not None else None
    return _Context(subject, change, False, predicate=verb_i is not None)


def _nominative(tok: _Tok, number: str, gender: str | None) -> str:
    """A genitive noun or adjective in the nominative, agreeing in number (and gender)."""
    for p in tok.parses:
        if p.tag.case == "gent" and p.tag.POS in ("NOUN", "ADJF", "PRTF"):
            want = {"nomn", number} | ({gender} if gender and number == "sing" and p.tag.POS != "NOUN" else set())
            inflected = p.inflect(want) or p.inflect({"nomn"})
            if inflected:
                word = inflected.word
                return word[0].upper() + word[1:] if tok.text[:1].isupper() else word
    return tok.text.lower()


def _genitive_after(text: str, raw: _Raw, hi: int, spans: list[tuple[int, int]]) -> str | None:
    """The genitive group right after a figure, in the nominative: «40% калужских поставок
    приходится на...» measures «калужские поставки»."""
    toks = _tokens(text, raw.end, min(hi, raw.end + 120))
    i = 0
    while i < len(toks) and toks[i].pos in ("ADJF", "PRTF") and toks[i].has("gent"):
        i += 1
    if i >= len(toks) or not toks[i].has("NOUN", "gent") or toks[i].timely or _in_dates(toks[i], spans):
        return None
    head = next(p for p in toks[i].parses if p.tag.POS == "NOUN" and p.tag.case == "gent")
    number, gender = head.tag.number or "sing", head.tag.gender
    words = [_nominative(t, number, gender) for t in toks[: i + 1]]
    end = i
    while end + 1 < len(toks):
        tok = toks[end + 1]
        if tok.timely or _in_dates(tok, spans) or tok.pos not in ("NOUN", "ADJF", "PRTF") or not tok.has("gent"):
            break
        end += 1
        words.append(tok.text)
    while end > i and toks[end].pos != "NOUN":  # a trailing adjective belongs to the next noun
        end -= 1
        words.pop()
    return " ".join(words)


@dataclass(frozen=True)
class _Dated:
    start: int
    end: int
    value: str
    is_base: bool  # introduced by «по сравнению с», «относительно»...


def _dated(offsets: Offsets, dates: list[DateItem]) -> list[_Dated]:
    """Resolved dates in text order, each marked once as a comparison base or not."""
    text = offsets.tagged.text
    out = []
    for d in sorted(dates, key=lambda d: d.start):
        if d.value is None or not 0 <= d.start <= d.end <= len(text):
            continue
        sent_start = offsets.sentence(d.start)[0]
        is_base = bool(_BASE_RE.search(text, max(sent_start, d.start - 90), d.start))
        is_base = is_base or bool(is_comparison(d.text))  # «годом ранее» is a base by itself
        out.append(_Dated(d.start, d.end, d.value, is_base))
    return out


def _period_base(dated: list[_Dated], sent: tuple[int, int], raw: _Raw) -> tuple[str | None, str | None]:
    """Period: nearest non-base date before the figure in its sentence (else the first after);
    base: the comparison-base date of the sentence nearest to the figure."""
    period = period_after = base = None
    base_dist = None
    lo = bisect.bisect_left([d.start for d in dated], sent[0]) if len(dated) > 8 else 0
    for d in dated[lo:]:
        if d.start >= sent[1]:
            break
        if d.start < sent[0] or d.end > sent[1]:
            continue
        if d.is_base:
            dist = abs(d.start - raw.end)
            if base_dist is None or dist < base_dist:
                base, base_dist = d.value, dist
        elif d.end <= raw.num_start:
            period = d.value
        elif d.start >= raw.end and period_after is None:
            period_after = d.value
    return period or period_after, base


def find_percentages(tagged: Tagged, dates: list[DateItem]) -> list[Percentage]:
    """Every percentage of the document with its subject, change, period and base, sorted by start."""
    if not tagged.text:
        return []
    return _find(Offsets(tagged), list(dates))


def _find(offsets: Offsets, dates: list[DateItem]) -> list[Percentage]:
    text = offsets.tagged.text
    raws = _raw_digits(text)
    raws = sorted(raws + _raw_words(offsets, raws), key=lambda r: r.start)
    if not raws:
        return []
    cuts = [m.end() for m in _CUT_RE.finditer(text)]
    spans = sorted((d.start, d.end) for d in dates)
    dated = _dated(offsets, dates)
    out: list[Percentage] = []
    prev_end, prev_sent = 0, -1
    for raw in raws:
        sent = offsets.sentence(raw.num_start)
        lo = _clause_start(text, cuts, sent[0], prev_end, raw.start)
        ctx = _context(text, raw, lo, spans)
        period, base = _period_base(dated, sent, raw)
        item = Percentage(
            text=text[raw.start : raw.end],
            value=raw.value,
            unit=raw.unit,
            qualifier=raw.qualifier,
            start=raw.start,
            end=raw.end,
            value_to=raw.value_to,
            subject=ctx.subject,
            change=ctx.change,
            period=period,
            base=base,
        )
        if ctx.elliptic and out and (prev_sent == sent[0] or ctx.change is None):
            item = _inherit(item, out[-1], dates, lo, ctx)
        elif not ctx.elliptic and item.subject is None:
            subject = _genitive_after(text, raw, sent[1], spans)
            if subject is None and ctx.predicate and out and prev_sent == sent[0]:
                subject = out[-1].subject  # «снизилась на 1,2 п.п. и составила 17,8%»: one subject
            if subject is not None:
                item = replace(item, subject=subject)
        out.append(item)
        prev_end, prev_sent = raw.end, sent[0]
    return out


def _inherit(item: Percentage, first: Percentage, dates: list[DateItem], lo: int, ctx: _Context) -> Percentage:
    """An elliptic list item continues the item before it: «на 1,6%» takes its change; the period
    and base carry over unless the item names its own date («а в 2025 году – на 15%»); a missing
    subject is the previous one, or its head noun with this item's genitive («выпуск проката»)."""
    change = item.change or (first.change if ctx.by else None)
    subject = item.subject
    if subject is None and first.subject:
        if ctx.genitive is None:
            subject = first.subject
        elif head := _head_word(first.subject):
            subject = f"{head} {ctx.genitive}"
    if any(lo <= d.start < item.start for d in dates):
        return replace(item, change=change, subject=subject)
    return replace(item, change=change, subject=subject, period=first.period, base=first.base)
