"""Amounts of money: the full value in units of the currency, the ISO 4217 currency, a range, and,
read as for percentages (nlp/figures.py), the qualifier, what the amount measures, the direction
and role of a change, the period and the comparison base.

An amount is a number in digits or words, maybe a scale («тыс.», «млн», «млрд», «трлн»,
«миллиона»), and a currency: a name after it («рублей», «долларов США», «норвежских крон»,
currencies.txt) or a symbol or code before or after it («$2,4 млрд», «20 €», «100 млн USD»,
currency_symbols.txt). An amount in digits with a scale and nothing after it («ещё на 16 млн.»,
«против 1,984 миллиарда годом ранее») is money when an amount of the same or the previous sentence
names its currency; it takes that one. Per-share figures and prices per unit are money («15 рублей
на акцию»); quantities («198,5 тыс. т», «3,7 тыс. заявлений»), counts and percentages are not.

Span convention: from the qualifier («более 240 млн руб.»), else from «от» of a range («от 10 до 15
млн рублей») or the currency symbol before the number, to the currency (an abbreviation with its
dot: «руб.») or, for an amount taking its currency from the context, to the scale («16 млн.»).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, replace
from decimal import Decimal

from extractor.lexicon.numbers import Currencies, currencies, figure_words
from extractor.model import DateItem, Money
from extractor.nlp.figures import Figure, range_items, read_figures
from extractor.nlp.numbers import (
    MAX_NUMBER_WORDS,
    NUMBER_LEMMAS,
    SCALE_ABBREVS,
    SPACED_NUMBER,
    cardinal,
    scale,
    to_decimal,
    words_value,
)
from extractor.nlp.tagging import Tagged, Token

# the parts of speech after a scale that make the amount a quantity of something («3,7 тыс.
# заявлений», «198,5 тыс. т»), unless it is a currency or a time («1,984 миллиарда годом ранее»)
QUANTITY_POS = frozenset({"NOUN", "PROPN", "ADJ", "X"})
DASHES = frozenset({"-", "–", "—"})
MINUS = frozenset({"-", "−"})
# before a scale word without a number, they leave the amount without a value («несколько
# миллионов», «сотни тысяч»)
INDEFINITE = frozenset({"несколько", "сотня", "десяток", "пара", "много", "немного", "сколько", "ряд"})
# a number in digits, maybe with a minus glued to it, maybe a range with a dash («200–300»)
_DIGITS_RE = re.compile(rf"(?P<minus>[-−](?=\d))?(?P<a>{SPACED_NUMBER})(?:\s*[-–—]\s*(?P<b>{SPACED_NUMBER}))?")
# lemmas of the nouns of time that may follow an amount without making it a quantity
TIME_LEMMAS = frozenset({"год", "месяц", "квартал", "полугодие", "неделя", "день"})


@dataclass(frozen=True)
class _Amount:
    start: int  # the amount's first character: «от» of a range, a symbol before the number
    end: int
    value: float
    value_to: float | None
    currency: str | None  # written with the amount
    first: int  # token indexes [first, last)
    last: int


@dataclass(frozen=True)
class _Number:
    value: Decimal  # scaled
    end: int  # index of the token after it (and after its scale)
    scale: Decimal | None  # the multiplier of its scale word, if it has one

    @property
    def scaled(self) -> bool:
        return self.scale is not None


# measure units written short, which the tagger may read as other words («2,6 тыс. т шкур»: «т» a
# preposition to it)
MEASURE_ABBREVIATIONS = frozenset({"т", "кг", "г", "ц", "л", "м", "км", "га", "шт"})


def _counted(tok: Token) -> bool:
    """A word a number may count: a noun or an adjective, a measure's short name, or a participle
    standing for persons («640 тыс. отдыхающих», «2 тыс. обратившихся»)."""
    return tok.pos in QUANTITY_POS or tok.is_participle or tok.text in MEASURE_ABBREVIATIONS


class _Scanner:
    """One pass over a document's tokens, amount after amount."""

    def __init__(self, tagged: Tagged, lexicon: Currencies) -> None:
        self.text = tagged.text
        self.toks = tagged.tokens
        self.sents = tagged.sents
        self.lex = lexicon
        self._starts = [t.start for t in self.toks]
        self._first_count: dict[int, int | None] = {}  # a sentence -> its first number counting a noun

    def token_after(self, offset: int) -> int:
        """Index of the first token starting at or after `offset`."""
        return bisect_right(self._starts, offset - 1)

    def adjacent(self, i: int, text: str) -> bool:
        """Token `i` is `text` and follows the token before it without a space («руб.»)."""
        return i < len(self.toks) and self.toks[i].text == text and self.toks[i - 1].end == self.toks[i].start

    # --- the parts of an amount -----------------------------------------------------------------

    def digits(self, i: int) -> tuple[_Number, _Number | None, bool] | None:
        """A number in digits starting at token i, with the scale after it; the upper bound when
        a dash joins a second number to it («200–300 тыс.»), and whether a minus is glued to it."""
        tok = self.toks[i]
        if not (tok.text[:1].isdigit() or tok.text[:1] in MINUS and tok.text[1:2].isdigit()):
            return None
        m = _DIGITS_RE.match(self.text, tok.start)
        if not m:
            return None
        j = self.token_after(m.end())
        if self.toks[j - 1].end != m.end():
            return None  # the number ends inside a word («54-летнего», «3-й»)
        if m.group("b") is None:
            return self.scaled(to_decimal(m.group("a")), j), None, bool(m.group("minus"))
        high = self.scaled(to_decimal(m.group("b")), j)
        low = to_decimal(m.group("a")) * (high.scale or 1)
        return _Number(low, high.end, high.scale), high, bool(m.group("minus"))

    def words(self, i: int) -> _Number | None:
        """A number in words starting at token i («десять миллионов», «полтора миллиарда»)."""
        if self.toks[i].lemma not in NUMBER_LEMMAS:
            return None
        run = []
        for tok in self.toks[i : i + MAX_NUMBER_WORDS]:
            if not tok.text.isalpha():
                break
            run.append(tok.parses)
        found = words_value(run)
        if found is None:
            return None
        value, used = found
        if cardinal(self.toks[i].parses) is None and i > 0 and self._indefinite(self.toks[i - 1]):
            return None  # «несколько миллионов», «сотни тысяч», «200—300 тысяч»: no value of its own
        mult = scale(self.toks[i + used - 1].parses)
        return _Number(Decimal(str(value)), i + used, Decimal(int(mult)) if mult else None)

    @staticmethod
    def _indefinite(tok: Token) -> bool:
        """A word or number before a scale word that makes it no amount by itself."""
        return tok.text[:1].isdigit() or tok.lemma in INDEFINITE

    def scaled(self, value: Decimal, j: int) -> _Number:
        """The number times the scale at token j, if there is one («млн», «миллиарда»)."""
        if j >= len(self.toks):
            return _Number(value, j, None)
        tok = self.toks[j]
        mult = SCALE_ABBREVS.get(tok.text.lower()) or scale(tok.parses)
        if mult is None:
            return _Number(value, j, None)
        j += 1
        if tok.text.lower() in SCALE_ABBREVS and self.adjacent(j, "."):
            j += 1
        return _Number(value * Decimal(int(mult)), j, Decimal(int(mult)))

    def currency_at(self, j: int) -> tuple[str, int] | None:
        """A currency name or symbol at token j: its code and the index after it (an abbreviated
        name with its dot)."""
        if j >= len(self.toks):
            return None
        code = self.lex.symbols.get(self.toks[j].text)
        if code:
            return code, j + 1
        found = self.lex.names.longest_at(self.toks, j, len(self.toks))
        if found is None:
            return None
        end, code = found
        last = self.toks[end - 1].text
        if last.lower() in self.lex.abbreviations:
            if not last.islower():
                return None  # «Р.» is an initial
            if self.adjacent(end, "."):
                end += 1  # «руб.», «долл.», «р.»
        return code, end

    def number(self, i: int) -> tuple[_Number, _Number | None, bool] | None:
        """The number at token i (in digits or words), its upper bound, whether it is negative."""
        found = self.digits(i)
        if found is not None:
            return found
        words = self.words(i)
        return (words, None, False) if words is not None else None

    # --- one amount -------------------------------------------------------------------------------

    def amount_at(self, i: int) -> _Amount | None:
        """The amount starting at token i, if one does."""
        toks = self.toks
        first = i
        symbol = self.lex.symbols.get(toks[i].text)
        if symbol and i + 1 < len(toks) and toks[i + 1].text[:1].isdigit():
            i += 1
        else:
            symbol = None
        found = self.number(i)
        if found is None:
            return None
        low, high, negative = found
        start = toks[first].start
        if high is None:
            high = self._range_end(low, first)
        if high is not None:
            if low.scale is None and high.scale is not None:  # «от 10 до 15 млн рублей»
                low = _Number(low.value * high.scale, low.end, high.scale)
            if toks[first - 1].text.lower() == "от":
                start = toks[first - 1].start
        last = (high or low).end
        currency = symbol
        after = self.currency_at(last)
        if after is not None and currency is None:
            currency, last = after
        if currency is None and not self._bare(high or low, last):
            return None
        sign = Decimal(-1) if negative else Decimal(1)
        return _Amount(
            start=start,
            end=toks[last - 1].end,
            value=float(sign * low.value),
            value_to=float(sign * high.value) if high is not None else None,
            currency=currency,
            first=first,
            last=last,
        )

    def _range_end(self, low: _Number, first: int) -> _Number | None:
        """The upper bound of a range: «5–7 млн», «от 10 до 15 млн» («до» only after «от»)."""
        j = low.end
        if j + 1 >= len(self.toks) or not self.toks[j + 1].text[:1].isdigit():
            return None
        word = self.toks[j].text
        if word in DASHES or word.lower() == "до" and first > 0 and self.toks[first - 1].text.lower() == "от":
            found = self.digits(j + 1)
            return found[0] if found is not None and found[1] is None and not found[2] else None
        return None

    def _bare(self, num: _Number, j: int) -> bool:
        """A scaled number with no currency may be money when no noun follows it (that would make
        it a quantity of something), other than a noun of time, nor «до» and a quantity."""
        if not num.scaled:
            return False
        if j >= len(self.toks):
            return True
        tok = self.toks[j]
        if tok.text.lower() == "до" and self._counts_something(j + 1):
            return False  # «выросла с 690 тыс. до 1,02 млн слушателей»: the level of that quantity
        return not _counted(tok) or tok.lemma in TIME_LEMMAS

    def _counts_something(self, i: int) -> bool:
        """The number at token i is followed by the noun it counts: «1,02 млн слушателей»."""
        found = self.number(i) if i < len(self.toks) else None
        if found is None or self.currency_at(found[0].end) is not None:
            return False
        j = found[0].end
        return j < len(self.toks) and _counted(self.toks[j]) and self.toks[j].lemma not in TIME_LEMMAS

    def counts_a_noun_before(self, i: int) -> bool:
        """A number counting a noun stands before token i in its sentence: «в отношении 4,2 тыс.
        должников ограничен выезд, еще у 2,7 тыс. приостановлено право»: the bare number after it
        counts the same, it costs nothing."""
        sent = self.toks[i].sent
        if sent not in self._first_count:  # once a sentence, so a long table stays linear
            s = self.sents[sent]
            self._first_count[sent] = next(
                (k for k in range(s.first, s.last) if self.toks[k].text[:1].isdigit() and self._counts_something(k)),
                None,
            )
        first = self._first_count[sent]
        return first is not None and first < i

    def may_start(self, tok: Token) -> bool:
        """A cheap test before reading an amount: a digit, a minus, a symbol or a number word."""
        first = tok.text[:1]
        return first.isdigit() or first in MINUS or tok.text in self.lex.symbols or tok.lemma in NUMBER_LEMMAS

    def amounts(self) -> list[_Amount]:
        out: list[_Amount] = []
        i = 0
        while i < len(self.toks):
            if not self.may_start(self.toks[i]):
                i += 1
                continue
            amount = self.amount_at(i) or self._from_level(i)
            if amount is None:
                i += 1
                continue
            out.append(amount)
            i = amount.last
        return out

    def _from_level(self, i: int) -> _Amount | None:
        """«со 100 до 150 тыс. рублей»: the level a change starts from, its scale and currency
        written only after the level reached, is an amount of its own."""
        toks = self.toks
        if i == 0 or toks[i - 1].text.lower() not in ("с", "со"):
            return None
        found = self.digits(i)
        if found is None or found[1] is not None or found[2]:
            return None
        low = found[0]
        if low.end + 1 >= len(toks) or toks[low.end].text.lower() != "до":
            return None
        reached = self.amount_at(low.end + 1)
        if reached is None or reached.currency is None or reached.value_to is not None:
            return None
        level = self.number(low.end + 1)
        scale = level[0].scale if level is not None and low.scale is None else None
        value = low.value * scale if scale is not None else low.value
        return _Amount(start=toks[i].start, end=toks[low.end - 1].end, value=float(value), value_to=None,
                       currency=reached.currency, first=i, last=low.end)


def _with_context_currency(tagged: Tagged, amounts: list[_Amount], counted: Callable[[int], bool]) -> list[_Amount]:
    """An amount without a currency takes the nearest currency of its sentence, else the last of
    the sentence before; without one it is no money. Two passes, so a long table stays linear."""
    sents = [tagged.tokens[a.first].sent for a in amounts]
    before: list[tuple[int, str] | None] = []  # the nearest currency before, in the same sentence
    last_of_sentence: dict[int, str] = {}
    seen: tuple[int, str] | None = None
    for k, amount in enumerate(amounts):
        if seen is not None and sents[seen[0]] != sents[k]:
            seen = None
        before.append(seen)
        if amount.currency is not None:
            seen = (k, amount.currency)
            last_of_sentence[sents[k]] = amount.currency
    after: list[tuple[int, str] | None] = [None] * len(amounts)
    seen = None
    for k in range(len(amounts) - 1, -1, -1):
        if seen is not None and sents[seen[0]] != sents[k]:
            seen = None
        after[k] = seen
        if amounts[k].currency is not None:
            seen = (k, amounts[k].currency)
    out = []
    for k, amount in enumerate(amounts):
        currency = amount.currency
        if currency is None:
            near = [c for c in (before[k], after[k]) if c is not None]
            near.sort(key=lambda c: abs(c[0] - k))
            if near:
                currency = near[0][1]
            elif not _counted_before(tagged, amount) and not counted(amount.first):
                currency = last_of_sentence.get(sents[k] - 1)
        if currency is not None:
            out.append(replace(amount, currency=currency))
    return out


# nouns of a count: «Число клиентов превысило 31 тыс.» after a sentence in roubles counts clients
COUNT_NOUNS = frozenset({"число", "количество", "численность"})


def _counted_before(tagged: Tagged, amount: _Amount) -> bool:
    """A count noun stands before the amount in its sentence: the amount counts, it costs nothing."""
    toks = tagged.tokens
    first = tagged.sents[toks[amount.first].sent].first
    return any(toks[k].lemma in COUNT_NOUNS for k in range(first, amount.first))


def find_money(tagged: Tagged, dates: list[DateItem]) -> list[Money]:
    """Every amount of money of the document with its currency and context, sorted by start."""
    scanner = _Scanner(tagged, currencies())
    amounts = _with_context_currency(tagged, scanner.amounts(), scanner.counts_a_noun_before)
    figures = [Figure(a.start, a.end) for a in amounts]
    contexts = read_figures(tagged, figures, dates, figure_words(), by_is_change=False)
    out = []
    for amount, ctx in zip(amounts, contexts, strict=True):
        item = Money(
            text=tagged.text[ctx.start : amount.end],
            value=amount.value,
            value_to=amount.value_to,
            currency=amount.currency,
            start=ctx.start,
            end=amount.end,
            **ctx.fields(),
        )
        out.extend(range_items(tagged.text, item))
    return out

