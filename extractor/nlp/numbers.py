"""Numbers as Russian texts write them, shared by the date, percentage and money rules.

- In digits: thousands in groups of three after a no-break or thin space («1 200»; in amounts of
  money after any space: «11 868,7 млн»), a decimal comma or point («8,4», «8.4»); `to_float`
  and `to_decimal` read one.
- In words: cardinal numbers add up («двадцати пяти» -> 25), a scale multiplies what comes before
  it («полтора миллиарда», «трех тысяч»); `words_value` reads a run of tokens by their analyses.
  Ordinals («двадцать первого») give a day of the month.
- Scales after a number: «тыс.», «млн», «млрд», «трлн» and the words «тысяча», «миллион»...
- Roman numerals of quarters and half-years (I-IV).

The word tables are the closed classes of Russian numerals, by their pymorphy3 lemma: grammar,
not a list tuned to any text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal

from pymorphy3.analyzer import Parse

# A number in digits. Groups of three after a no-break or thin space («1 200»); a decimal part
# after a comma or point. Not glued to a word or to another number («COVID-19», «1.2.3»).
NUMBER = r"(?<![\w.,])(?:\d{1,3}(?:[\u00a0\u202f]\d{3})+|\d+)(?:[.,]\d+)?(?![.,]?\d)"
# The same with plain spaces between the groups too («11 868,7 млн рублей»): amounts of money
# are written so, where a plain space between two numbers elsewhere separates two figures.
SPACED_NUMBER = r"(?<![\w.,])(?:\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+)(?:[.,]\d+)?(?![.,]?\d)"
_GROUP_SPACES = re.compile(r"[\s\u00a0\u202f]")

CARDINALS: dict[str, float] = {
    "ноль": 0, "один": 1, "полтора": 1.5, "два": 2, "три": 3, "четыре": 4, "пять": 5, "шесть": 6,
    "семь": 7, "восемь": 8, "девять": 9, "десять": 10, "одиннадцать": 11, "двенадцать": 12,
    "тринадцать": 13, "четырнадцать": 14, "пятнадцать": 15, "шестнадцать": 16, "семнадцать": 17,
    "восемнадцать": 18, "девятнадцать": 19, "двадцать": 20, "тридцать": 30, "сорок": 40,
    "пятьдесят": 50, "шестьдесят": 60, "семьдесят": 70, "восемьдесят": 80, "девяносто": 90,
    "сто": 100, "двести": 200, "триста": 300, "четыреста": 400, "пятьсот": 500, "шестьсот": 600,
    "семьсот": 700, "восемьсот": 800, "девятьсот": 900,
}
ORDINALS: dict[str, int] = {
    "первый": 1, "второй": 2, "третий": 3, "четвёртый": 4, "четвертый": 4, "пятый": 5, "шестой": 6,
    "седьмой": 7, "восьмой": 8, "девятый": 9, "десятый": 10, "одиннадцатый": 11, "двенадцатый": 12,
    "тринадцатый": 13, "четырнадцатый": 14, "пятнадцатый": 15, "шестнадцатый": 16,
    "семнадцатый": 17, "восемнадцатый": 18, "девятнадцатый": 19, "двадцатый": 20, "тридцатый": 30,
}
SCALE_WORDS: dict[str, float] = {"тысяча": 1e3, "миллион": 1e6, "миллиард": 1e9, "триллион": 1e12}
SCALE_ABBREVS: dict[str, float] = {"тыс": 1e3, "млн": 1e6, "млрд": 1e9, "трлн": 1e12}
ROMAN: dict[str, int] = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
# the lemmas a number in words may start with: a cheap test before reading the analyses
NUMBER_LEMMAS = frozenset(CARDINALS) | frozenset(SCALE_WORDS)
# the readings a number word counts with: «один» is an adjective to pymorphy3
_NUMBER_POS = frozenset({"NUMR", "ADJF", None})
# words of a number in words: «сто двадцать пять тысяч» is four
MAX_NUMBER_WORDS = 6


def to_float(raw: str) -> float:
    """The value of a number in digits: «1 200» -> 1200.0, «8,4» -> 8.4."""
    return float(to_decimal(raw))


def to_decimal(raw: str) -> Decimal:
    """The exact value of a number in digits, for multiplying by a scale without float error
    («45,4 млрд» is 45400000000, not 45400000000.000008)."""
    return Decimal(_GROUP_SPACES.sub("", raw).replace(",", "."))


def cardinal(found: Sequence[Parse]) -> float | None:
    """The value of a cardinal number word by its analyses («девяти» -> 9), else None."""
    for parse in found:
        value = CARDINALS.get(parse.normal_form)
        if value is not None and parse.tag.POS in _NUMBER_POS:
            return value
    return None


def scale(found: Sequence[Parse]) -> float | None:
    """The multiplier of a scale word by its analyses («миллиарда» -> 1e9), else None."""
    for parse in found:
        if parse.tag.POS == "NOUN" and parse.normal_form in SCALE_WORDS:
            return SCALE_WORDS[parse.normal_form]
    return None


def ordinal(found: Sequence[Parse]) -> int | None:
    """The value of an ordinal word by its analyses («первого» -> 1), else None."""
    for parse in found:
        if parse.tag.POS == "ADJF" and parse.normal_form in ORDINALS:
            return ORDINALS[parse.normal_form]
    return None


def words_value(analyses: Sequence[Sequence[Parse]]) -> tuple[float, int] | None:
    """A number in words at the start of a run of words, given each word's analyses: its value
    and how many words it takes. Cardinals add up, a scale multiplies the sum before it
    («двадцати пяти» -> 25, «полтора миллиарда» -> 1.5e9, «трех тысяч» -> 3000)."""
    total = group = 0.0
    used = 0
    for found in analyses[:MAX_NUMBER_WORDS]:
        value = cardinal(found)
        if value is not None:
            group += value
            used += 1
            continue
        mult = scale(found)
        if mult is None:
            break
        total += (group or 1) * mult
        group = 0.0
        used += 1
    return (total + group, used) if used else None
