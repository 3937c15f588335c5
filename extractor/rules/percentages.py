"""Percentages and percentage points, with what they measure, the direction of change, and the
period and comparison base they refer to.

Span convention: the text of a percentage starts at its qualifier when there is one
(«более 50%», «почти на 5%», «не менее 3 процентов») and otherwise at the number («8,4%»);
a range includes its «от»: «от 3 до 5 процентов». Adjectives («19-процентный», «стопроцентный»)
and «в 2 раза» are not percentages. The context (qualifier, subject, change, period, base) is
read by nlp/figures.py, as for money; its word lists are data (lexicon/numbers.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extractor.lexicon.numbers import figure_words
from extractor.model import DateItem, Percentage, PercentUnit
from extractor.nlp.figures import Figure, range_items, read_figures
from extractor.nlp.numbers import MAX_NUMBER_WORDS, NUMBER, cardinal, to_float
from extractor.nlp.offsets import Offsets
from extractor.nlp.tagging import Tagged

_NW = r"(?![а-яёa-z])"
_BW = r"(?<![а-яёa-z0-9])"
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
    rf"(?:{_BW}(?P<ot>от)\s+(?P<a>{NUMBER})(?:\s*{_UNIT_INNER})?\s+до\s+(?P<b>{NUMBER})"
    rf"|(?P<c>{NUMBER})(?:\s*{_UNIT_INNER})?{_DASH}(?P<d>{NUMBER})"
    rf"|(?P<v>{NUMBER}))\s*{_UNIT}",
    _FLAGS,
)
# «с 68 до 61%»: the level a change starts from, its unit written only after the level reached
_FROM_LEVEL_RE = re.compile(rf"{_BW}(?:с|со)\s+(?P<x>{NUMBER})\s+до\s+(?={NUMBER}\s*{_UNIT})", _FLAGS)
# «на 29 и 22 процента», «5, 7 и 9%»: numbers listed before the one the unit is written after
_LISTED_RE = re.compile(
    rf"(?<![\d,.])(?P<x>{NUMBER})(?=(?:\s*,\s*{NUMBER})*\s+(?:и|или)\s+{NUMBER}\s*{_UNIT})", _FLAGS
)
_WORD_UNIT_RE = re.compile(rf"{_BW}(?P<unit>{_PP}|{_PCT_WORD})", _FLAGS)
_WORD_GAP_RE = re.compile(r"[\s-]*")  # between the words of a number in words, and its unit
_TO_BEFORE_RE = re.compile(r"(?<![а-яё])до\s+\Z", _FLAGS)
_FROM_BEFORE_RE = re.compile(r"(?<![а-яё])от\s+\Z", _FLAGS)
# an en dash glued to the number is the minus of a typed change: «чистая прибыль (–21,5%)»
_SIGNS = frozenset("+-−–")
_MINUS = frozenset("-−–")
# «до» and «от» of a range in words sit this close before its numbers
RANGE_WORD_REACH = 10


@dataclass(frozen=True)
class _Raw:
    num_start: int  # where the number (or «от») begins
    end: int
    value: float
    value_to: float | None
    unit: PercentUnit


def _unit_kind(unit: str) -> PercentUnit:
    low = unit.lower()
    return "percent" if unit == "%" or low.startswith("процент") and "пункт" not in low else "pp"


def _raw_digits(text: str) -> list[_Raw]:
    out = []
    for m in _DIGIT_RE.finditer(text):
        if m.group("ot"):
            value, value_to, num_start = to_float(m.group("a")), to_float(m.group("b")), m.start("ot")
        elif m.group("c"):
            value, value_to, num_start = to_float(m.group("c")), to_float(m.group("d")), m.start("c")
        else:
            value, value_to, num_start = to_float(m.group("v")), None, m.start("v")
        out.append(_Raw(num_start, m.end(), value, value_to, _unit_kind(m.group("unit"))))
    # numbers that take the unit written after a later one: «с 68 до 61%», «29 и 22 процента»
    for regex in (_LISTED_RE, _FROM_LEVEL_RE):
        for m in regex.finditer(text):
            out.append(_Raw(m.start("x"), m.end("x"), to_float(m.group("x")), None, _unit_kind(m.group("unit"))))
    return out


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
    to = _TO_BEFORE_RE.search(text, max(0, start - RANGE_WORD_REACH), start)
    if to:
        first = _words_back(offsets, to.start())
        if first:
            ot = _FROM_BEFORE_RE.search(text, max(0, first[1] - RANGE_WORD_REACH), first[1])
            if ot:
                return first[0], value, ot.start()
    return value, None, start


def _raw_words(offsets: Offsets, taken: list[_Raw]) -> list[_Raw]:
    """Percentages with the number in words: «на десять процентов», «полтора процента»."""
    out = []
    for m in _WORD_UNIT_RE.finditer(offsets.tagged.text):
        if any(r.num_start <= m.start() < r.end for r in taken):
            continue
        num = _words_back(offsets, m.start())
        if num is None:
            continue
        value, value_to, num_start = _word_range(offsets, num)
        out.append(_Raw(num_start, m.end(), value, value_to, _unit_kind(m.group("unit"))))
    return out


def _glued_sign(text: str, num_start: int) -> str | None:
    """A plus or minus written right before the number and after a space or a bracket («(-2%»)."""
    if num_start == 0 or text[num_start - 1] not in _SIGNS:
        return None
    if num_start >= 2 and not (text[num_start - 2].isspace() or text[num_start - 2] in "(["):
        return None
    return text[num_start - 1]


def find_percentages(tagged: Tagged, dates: list[DateItem]) -> list[Percentage]:
    """Every percentage of the document with its subject, change, period and base, sorted by start.
    A sign written before the number belongs to the span, a minus makes the value negative
    («(-2% год к году)» -> -2.0, change decrease)."""
    text = tagged.text
    raws = _raw_digits(text)
    raws = sorted(raws + _raw_words(Offsets(tagged), raws), key=lambda r: r.num_start)
    figures = [Figure(r.num_start, r.end) for r in raws]
    out = []
    for raw, ctx in zip(raws, read_figures(tagged, figures, dates, figure_words(), by_is_change=True), strict=True):
        sign = _glued_sign(text, raw.num_start)
        start = min(ctx.start, raw.num_start - 1) if sign else ctx.start
        factor = -1.0 if sign in _MINUS else 1.0
        item = Percentage(
            text=text[start : raw.end],
            value=factor * raw.value,
            value_to=factor * raw.value_to if raw.value_to is not None else None,
            unit=raw.unit,
            start=start,
            end=raw.end,
            **ctx.fields(),
        )
        out.extend(range_items(text, item))
    return out

