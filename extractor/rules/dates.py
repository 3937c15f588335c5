"""Dates, periods and relative date phrases in Russian text, resolved to ISO values.

Values: `YYYY-MM-DD`, `YYYY-MM`, `YYYY` or a period `START/END`; None when the value needs a
reference date that was not given. `relative` is True whenever the value depends on the
reference date (relative phrases, and day/month mentions without a year).

Span conventions: a plain preposition before a date («в 2024 году») is not part of the span;
range markers («с 1 по 15 июля», «с мая 2003 года по 27 ноября 2005 года»), the noun naming a part
of the date («в начале 2016 года» -> «начале 2016 года») and idiomatic relative phrases («в прошлом
году», «на прошлой неделе», «в пятницу») are. Choices documented here and in the data files:
- winter with a year («зимой 2024») is the January-February part of that year (date_seasons.txt);
- «к концу прошлого года» is December of the previous year, «в начале года» January;
- «в пятницу» is the latest Friday on or before the reference date, «в прошлую пятницу» the
  latest strictly before it, «в следующую пятницу» the earliest strictly after it.
"""

from __future__ import annotations

import bisect
import calendar
import datetime
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import cached_property

from extractor.lexicon import load_rows, load_words, speech_verbs
from extractor.lexicon.numbers import COMPARISON, forms_table, trie_pattern
from extractor.model import DateItem
from extractor.nlp.coverage import first_disjoint
from extractor.nlp.numbers import ROMAN, cardinal, ordinal
from extractor.nlp.offsets import Offsets
from extractor.nlp.tagging import Tagged, Token

# --- vocabulary, read once -------------------------------------------------------------------


def _lead(words: list[str], extra: str = "") -> str:
    """Lookahead on the first letter: lets re skip most positions before trying the pattern."""
    firsts = {w[0].lower() for w in words} | {w[0].upper() for w in words}
    return "(?=[" + re.escape("".join(sorted(firsts))) + extra + "])"


_MONTHS = {form: int(row[0]) for form, row in forms_table("months.txt").items()}
_MONTH_ABBREVS = {form: int(row[0]) for form, row in forms_table("date_month_abbrevs.txt").items()}
_SEASONS = {form: (int(row[0]), int(row[1])) for form, row in forms_table("date_seasons.txt").items()}
_SEASON_MODS = {row[0].lower(): row[1] for row in load_rows("date_season_mods.txt")}
_WEEKDAYS = {row[2].lower(): (int(row[0]), row[1]) for row in load_rows("date_weekdays.txt")}
_WEDNESDAY = 2
# the case of a weekday after each preposition: «в/на пятницу», «к пятнице», «до/с пятницы»
_WEEKDAY_CASES = {"в": "acc", "во": "acc", "на": "acc", "к": "dat", "ко": "dat", "до": "gen", "с": "gen", "со": "gen",
                  "не раньше": "gen", "не позднее": "gen", "не позже": "gen"}
# a bound a weekday is not crossed before (or after): the coming one, like «до»
_WEEKDAY_BOUNDS = frozenset({"не раньше", "не позднее", "не позже"})
_WEEKDAY_MODS = {row[0].lower(): row[1] for row in load_rows("date_weekday_mods.txt")}
_ORDINALS = {row[0].lower(): int(row[1]) for row in load_rows("date_ordinals.txt")}
_RELATIVE = {" ".join(row[0].lower().split()): (row[1], int(row[2])) for row in load_rows("relative_dates.txt")}
# «прошлого года» style genitives name a year after a month or quarter («в марте прошлого года»).
_REL_YEAR_ADJ = {
    phrase.split()[0]: shift
    for phrase, (unit, shift) in _RELATIVE.items()
    if unit == "year" and len(phrase.split()) == 2 and phrase.endswith(" года")
}

# --- regex building blocks ---------------------------------------------------------------------

_NW = r"(?![а-яёa-z])"  # end of a word (no letter follows)
_BW = r"(?<![а-яёa-z0-9])"  # start of a word
_MONTH = rf"(?:{trie_pattern(list(_MONTHS))}){_NW}"
# After a day number a month may be abbreviated: «15 апр», «1 сент.», «15 окт технику». An
# abbreviation that is a word too takes no lower-case word after it without a dot: «3 дек колод» is
# about card decks.
_WORD_ABBREVS = ("дек",)
_DAY_MONTH = (
    rf"(?:{_MONTH}|(?:{trie_pattern([a for a in _MONTH_ABBREVS if a not in _WORD_ABBREVS])})(?:\.|{_NW})"
    rf"|(?:{trie_pattern(list(_WORD_ABBREVS))})(?:\.|{_NW}(?!\s+(?-i:[а-яё]))))"
)
_YEAR = r"(?<!\d)(?:19\d\d|20\d\d|2100)(?!\d)"
# with a year word or after a month any year of four digits is one: «в 1862 году», «марта 1812 года»
_ANY_YEAR = r"(?<!\d)(?:1\d\d\d|20\d\d|21\d\d)(?!\d)"
# Year words, longest first; «г» needs no dot but must not start a longer word.
_YW = rf"(?:-?(?:м|й|го|х)\s*)?(?:годами|годах|годам|годов|годом|года|году|годы|год|гг\.?|г\.?){_NW}"
_REL_ADJ = trie_pattern(list(_REL_YEAR_ADJ))
# A year after a month/quarter: «2024», «2024 года», or «прошлого года».
_YEAR_TAIL = (
    rf"(?:\s+(?P<y>{_YEAR}|{_ANY_YEAR}(?=\s*{_YW}))(?:\s*{_YW})?|\s+(?P<rel>{_REL_ADJ})\s+года{_NW})"
)
_DASH = r"\s*[-–—]\s*"
_SEP = rf"(?P<sep>{_DASH}|\s+(?:по|до)\s+)"
_ORD = rf"(?:{trie_pattern(list(_ORDINALS))})[а-яё]*"

_FLAGS = re.IGNORECASE

# --- windows and limits ----------------------------------------------------------------------------

# A comparison marker governs a date this close after it: «по сравнению с показателями аналогичного
# периода 2024 года» has 36 characters between them; farther, the marker belongs to another figure.
MARKER_REACH = 50
# How far before a date its comparison marker is looked for (the marker itself included).
MARKER_WINDOW = 60
# A year-less date takes the year of a date on its line this far back at most: a paragraph, not a
# whole text written on one line.
LINE_YEAR_REACH = 2000
# «годом ранее» refers back to one of this many dates before it: a long list stays linear.
FOCUS_DATES = 50
# A time of day follows its date on the line within this many characters («29 сентября 2025 года
# в 10.00», «12 мая 2024 года, 18:30»).
TIME_REACH = 60
# Before a date on a dateline: an icon or a town («Пенза, »), at most this many characters.
DATELINE_PREFIX = 15
# The header where a release's own date is: the first characters (finishing the line), lines,
# and the most characters the finished line may add.
HEAD_CHARS = 600
HEAD_LINES = 12
HEAD_LINE_SLACK = 200
# The verb that gives a year-less date its tense is this many tokens away at most: a long
# sentence costs no more.
TENSE_REACH = 40
# Two-digit years: 00-49 are 2000-2049, 50-99 are 1950-1999 («02.10.14», «15.12.99»).
CENTURY_PIVOT = 50
# A date in the header before this year is a caption or a title («17 ноября 1875 года»), no dateline.
EARLIEST_RELEASE_YEAR = 1900


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, _FLAGS)


_DAY_RANGE_RE = _rx(
    rf"(?=[\dсС]){_BW}(?:(?P<s>с|со)\s+)?(?<!\d)(?P<d1>\d{{1,2}})(?:\s+(?P<m1>{_DAY_MONTH}))?"
    rf"(?P<sep>{_DASH}|\s+(?:по|до|на)\s+)"
    rf"(?P<d2>\d{{1,2}})\s+(?P<m2>{_DAY_MONTH})(?:{_YEAR_TAIL})?"
)
_DAY_MONTH_RE = _rx(rf"(?=\d)(?<![\d.,])(?P<d>\d{{1,2}})(?:-?го)?\s+(?P<m>{_DAY_MONTH})(?:{_YEAR_TAIL})?")
# «28 и 29 марта»: the first day of a pair takes the month (and year) of the second
_DAY_PAIR_RE = _rx(
    rf"(?=\d)(?<![\d.,])(?P<d>\d{{1,2}})(?=\s+и\s+\d{{1,2}}(?:-?го)?\s+(?P<m>{_DAY_MONTH})(?:{_YEAR_TAIL})?)"
)
_NUMERIC_RE = _rx(
    r"(?=\d)(?<![\d.,/])(?P<d>\d{1,2})(?P<s>[./])(?P<m>\d{1,2})(?P=s)(?P<y>\d{4}|\d{2})(?!\d|[.,/]\d)"
    rf"(?:\s*(?:года|г\.?){_NW})?"
)
_ISO_RE = _rx(r"(?=\d)(?<![\d-])(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?!\d)")
# «2012–2016 годы», «с 2020 по 2024 год»; without a year word too («С 1975 по 1977», «2013-2014»)
_YEAR_RANGE_RE = _rx(
    rf"(?=[12сС]){_BW}(?:(?P<s>с|со)\s+)?(?<![\w№-])(?P<y1>{_YEAR})(?:\s*(?:года|г\.?){_NW})?{_SEP}"
    rf"(?P<y2>{_YEAR})(?:\s*{_YW}|(?![.,]?\d)(?!-?[а-яёa-z]))"
)
# a run of years before 1900 with its year word: «за 1838–1917 годы», «в 1886-1998 годах»
_OLD_YEAR_RANGE_RE = _rx(
    rf"(?=[1сС]){_BW}(?:(?P<s>с|со)\s+)?(?<![\w№-])(?P<y1>{_ANY_YEAR}){_SEP}(?P<y2>{_ANY_YEAR})\s*{_YW}"
)
_MONTH_RANGE_RE = _rx(
    rf"{_lead(list(_MONTHS), 'сС')}{_BW}(?:(?P<s>с|со)\s+)?(?P<m1>{_MONTH})(?:\s+(?P<y1>{_YEAR})(?:\s*{_YW})?)?{_SEP}"
    # the end's part of its month stays inside: «в конце мая – начале июня 2026 года»
    rf"(?:(?:начал[аеу]|конц[аеу]|середин[аеуы])\s+)?(?P<m2>{_MONTH})(?:{_YEAR_TAIL})?"
)
_MONTH_RE = _rx(rf"{_lead(list(_MONTHS))}{_BW}(?P<m>{_MONTH})(?:{_YEAR_TAIL})?")
_QUARTER_RE = _rx(
    rf"{_lead(list(_ORDINALS), 'iIvV1-4')}{_BW}"
    # «II–III кварталы»: a run of quarters is one period
    rf"(?:(?P<r0>iv|i{{1,3}})\s*[-–—]\s*)?"
    rf"(?:(?P<r>iv|i{{1,3}})|(?P<n>[1-4])(?:-?(?:й|м|ом|го|ого))?|(?P<o>{_ORD}))"
    # «2 кв. км» is an area, not a quarter
    rf"\s+(?:квартал[а-яё]*|кв\.(?!\s*(?:км|м|см|мм|дм|[а-яё]*метр[а-яё]*)(?![а-яё])))(?:{_YEAR_TAIL})?"
)
# the first of two quarters joined by «и», dated by the year after the second: «III | и IV кварталах
# 2026 года» (blind releases' gold gives each quarter its own date, 2 writers of 3)
_QUARTER_PAIR_RE = _rx(
    rf"(?=[iI]){_BW}(?P<r>iv|i{{1,3}})(?=\s+и\s+(?:iv|i{{1,3}})\s+(?:квартал[а-яё]*|кв\.)(?:{_YEAR_TAIL})?)"
)
_HALF_RE = _rx(
    rf"{_lead(list(_ORDINALS), 'iI12')}{_BW}(?:(?P<r>i{{1,2}})|(?P<n>[12])(?:-?(?:е|м|ом|го|ое|ого))?|(?P<o>{_ORD}))"
    # «во второй половине года», «в первой половине 2027 года»: a half of a year when it happens (not
    # «выручка приходится на вторую половину года», how a year goes)
    rf"\s+(?:полугоди[а-яё]*|половин[еы](?=\s+(?:года|[а-яё]+\s+года|\d{{4}}(?![-\d]))))(?:{_YEAR_TAIL}|\s+года{_NW})?"
)
# «9 месяцев 2024 года»; without a year only as the period of a report («за девять месяцев»)
_NMONTHS_RE = _rx(
    rf"{_BW}(?:(?P<za>за|итог(?:ам|ах|и|ов))\s+)?(?P<n>\d{{1,2}}|[а-яё]+)\s+месяц[а-яё]*(?:{_YEAR_TAIL}|{_NW})"
)
# «за три квартала 2026 года», «по итогам трёх кварталов»: the quarters from January, counted
# in words (a digit is an ordinal quarter: «за 3 квартал»)
_NQUARTERS_RE = _rx(
    rf"{_BW}(?:(?P<za>за|итог(?:ам|ах|и|ов))\s+)?(?P<n>[а-яё]+)\s+квартал(?:а|ов)(?:{_YEAR_TAIL}|{_NW})"
)
# the periods of financial reports, abbreviated before a year: «1К 2026», «1П 2025 года», «9М 2025 г.»,
# «Q1 2026», «1H 2026» (a quarter, a half-year, months from January); «1П прошлого года»
_REPORT_PERIOD_RE = _rx(
    r"(?=[1-9QH])(?<![\w.,/-])(?:(?P<q>[1-4])(?:К|Q)|Q(?P<q2>[1-4])|(?P<h>[12])(?:П|H)|H(?P<h2>[12])"
    r"|(?P<n>3|6|9|12)(?:М|M))"
    rf"(?:\s*(?P<y>{_YEAR})(?:\s*{_YW})?|\s+(?P<rel>{_REL_ADJ})\s+года{_NW})"
)
# «2024 году», «2024-м году»; «в 2016-м», «с 1922-го» without the year word
_YEAR_RE = _rx(
    rf"(?=[12])(?<![\w№./:-])(?<!№\s)(?:(?P<y>{_ANY_YEAR})\s*{_YW}|(?P<y2>{_YEAR})-(?:м|го|й|ом|ым){_NW})"
)
# a year after a preposition, with no number after it: «в 2017 упал», «с 2008», «к 2030» (not
# «в 2019-2020»; «до 2000 человек» is told apart by the noun after it, in the handler)
_YEAR_PREPOSITIONS = ("в", "во", "с", "со", "до", "к", "ко", "после", "от", "по")
_PREP_YEAR_RE = _rx(  # from the year's digits back: re tries the pattern at a «1» or «2» only
    r"(?=[12])(?:" + "|".join(rf"(?<=(?<![а-яё]){p}\s)" for p in _YEAR_PREPOSITIONS)
    + rf")(?P<y>{_YEAR})(?![.,/]?\d)(?!\s*(?:[-–—]\s*)?\d)(?!-?[а-яё])"
)
# a year alone in brackets, ending them, or a list of years in them: «(2003)», «(серия «Весёлые
# сказки», 2003)», «(1984, 1988)»
_BRACKET_YEAR_RE = _rx(rf"(?:\(|,\s)(?P<y>{_YEAR})(?=(?:,\s*{_YEAR})*\))")
# the years of a list ending on a year word: «в 2001, 2003 и 2006 годах» (the last one is _YEAR_RE's)
_YEAR_LIST_RE = _rx(
    rf"(?=[12])(?<![\w№./:-])(?P<y>{_YEAR})(?=(?:\s*,\s*{_YEAR})*\s*(?:,|\s+и|\s+или)\s+{_YEAR}\s*{_YW})"
)
# a season or a school year across two years: «2016/17», «в 2023/24 учебном году»
_SPLIT_YEAR_RE = _rx(
    rf"(?=[12])(?<![\w№./:-])(?P<y>{_YEAR})/(?P<y2>\d\d(?:\d\d)?)(?!\d)"
    rf"(?:\s+(?:учебн|финансов|отчетн|отчётн)[а-яё]*\s+{_YW}|\s+(?:сезон|год)[а-яё]*)?"
)
# decades: «1990-е годы», «в 1970-х», «90-е годы» (two digits need the year word)
_DECADE_RE = _rx(
    rf"(?=\d)(?<![\w.,-])(?:(?P<c>(?:19|20)\d0)|(?P<d>\d0))-(?:е|х|ми|м){_NW}"
    r"(?P<w>\s*(?:годами|годах|годам|годов|годы|гг\.?)(?![а-яё]))?"
)
# an ordinal day in words right before a month: «двадцать первого марта 2019 года»
_DAY_WORDS_RE = _rx(
    r"(?<![а-яё])(?P<w>(?:(?:двадцать|тридцать)\s+)?(?:перв|втор|трет|четв[её]рт|пят|шест|седьм|восьм|девят|десят"
    r"|одиннадцат|двенадцат|тринадцат|четырнадцат|пятнадцат|шестнадцат|семнадцат|восемнадцат|девятнадцат"
    r"|двадцат|тридцат)[а-яё]*)\s+\Z"
)
# a month's ten-day period before it: «в третьей декаде апреля», «2-й декаде мая»
_TEN_DAYS_RE = _rx(r"(?<![\w-])(?P<o>перв|втор|трет|1|2|3)(?:[а-яё]*|-?[а-яё]{1,2})\s+декад[а-яё]*\s+\Z")
TEN_DAY_ORDINALS = {"перв": 1, "втор": 2, "трет": 3, "1": 1, "2": 2, "3": 3}
# ... and ends this close before it
TEN_DAYS_REACH = 22
# a month's half before it: «в первой половине января», «вторая половина июля»
_HALF_MONTH_RE = _rx(r"(?<![\w-])(?P<o>перв|втор)[а-яё]*\s+половин[а-яё]*\s+\Z")
HALF_ORDINALS = {"перв": 1, "втор": 2}
# the last day of a month's first half
HALF_MONTH_DAYS = 15
# the ordinal words of a day end this close before their month («двадцать девятого »)
DAY_WORDS_REACH = 30
# a weekday in the nominative before a date on a dateline: «Среда, 9 сентября 2026» (the weekday list
# holds the forms after prepositions; pymorphy3's lemma of «воскресенье» is «воскресение»)
_WEEKDAY_NOMINATIVES = {
    w: n for n, w in enumerate(("понедельник", "вторник", "среда", "четверг", "пятница", "суббота", "воскресенье"))
}
# their stems, which every case of them opens with: «сред» of «среду», «среды»
WEEKDAY_STEMS = {w.rstrip("ае"): n for w, n in _WEEKDAY_NOMINATIVES.items()}
# a weekday of a month counted from its start or end before it: «в первую среду октября», «в
# последнее воскресенье сентября»
_WEEKDAY_OF_MONTH_RE = _rx(
    r"(?<![\w-])(?P<o>перв|втор|трет|четв[её]рт|последн)[а-яё]*\s+"
    rf"(?P<wd>{'|'.join(WEEKDAY_STEMS)})[а-яё]*\s+\Z"
)
WEEKDAY_ORDINALS = {"перв": 1, "втор": 2, "трет": 3, "четверт": 4, "четвёрт": 4, "последн": -1}
WEEKDAY_OF_MONTH_REACH = 30
_SEASON_RE = _rx(rf"{_lead(list(_SEASONS))}{_BW}(?P<s>{trie_pattern(list(_SEASONS))}){_NW}{_YEAR_TAIL}")
# «этим летом», «прошлой зимой», «до следующей весны»: a season named from the reference date
# (a bare «летом» is left out: writers of gold mark it as often as not)
_SEASON_NEAR_RE = _rx(
    rf"{_lead(list(_SEASON_MODS))}{_BW}(?P<mod>{trie_pattern(list(_SEASON_MODS))})\s+"
    rf"(?P<s>{trie_pattern(list(_SEASONS))}){_NW}(?!{_YEAR_TAIL})"
)
# the part of a season a noun names before it, with no year: «до конца лета», «в начале осени»
# (a bare «летом» stays out: see above; a part of it is a month as sure as «конца июля» is)
_SEASON_PART_RE = _rx(
    rf"{_BW}(?P<part>начал[аеу]|конц[аеу]|середин[аеуы])\s+(?P<s>лета|весны|осени|зимы){_NW}(?!{_YEAR_TAIL})"
)
# «пять лет назад», «3 года тому назад», «два месяца назад», «десять дней назад»: a count of
# units back from the reference date (a bare «год назад» is a comparison, `_COMPARISON_RE`)
_UNITS_AGO = {"год": "year", "лет": "year", "месяц": "month", "дн": "day", "день": "day"}
# a bound before a count of units back: «менее двух лет назад», «более 10 лет назад»
_BOUND_BEFORE_RE = re.compile(r"\b(?:менее|меньше|более|больше|свыше)\s+\Z", re.IGNORECASE)
_UNITS_AGO_RE = _rx(
    rf"{_BW}(?P<n>\d{{1,3}}|[а-яё]+)\s+(?P<u>год(?:а)?|лет|месяц(?:а|ев)?|дн(?:я|ей)|день)\s+(?:тому\s+)?назад{_NW}"
)
_RELATIVE_RE = _rx(rf"{_lead(list(_RELATIVE))}{_BW}(?P<p>{trie_pattern(list(_RELATIVE))}){_NW}")
_WEEKDAY = rf"(?:{trie_pattern(list(_WEEKDAYS))}){_NW}"
_CLAUSE_COLON_RE = re.compile(r"(?<!\d):|:(?!\d)")
# a part of the day before a weekday in the genitive: «до вечера четверга», «к утру среды»
_DAY_PARTS = {"утра": ("с", "со", "до"), "вечера": ("с", "со", "до"), "утру": ("к", "ко"), "вечеру": ("к", "ко")}
_WEEKDAY_RE = _rx(
    rf"(?=[вВнНкКдДсС]){_BW}(?P<p>во?|на|ко?|до|со?|не\s+(?:раньше|позднее|позже))\s+(?:(?P<mod>{trie_pattern(list(_WEEKDAY_MODS))})\s+)?"
    rf"(?:(?P<part>{trie_pattern(list(_DAY_PARTS))})\s+)?(?P<wd>{_WEEKDAY})"
)
# the second weekday of a pair, in the case of the first: «в среду и четверг», «до пятницы или субботы»
_WEEKDAY_PAIR_RE = _rx(
    rf"(?=[вВнНкКдДсС]){_BW}(?P<p>во?|на|ко?|до|со?|не\s+(?:раньше|позднее|позже))\s+(?:(?P<mod>{trie_pattern(list(_WEEKDAY_MODS))})\s+)?"
    rf"(?P<wd>{_WEEKDAY})\s+(?:и|или)\s+(?P<wd2>{_WEEKDAY})"
)
# a weekend named by which one it is: «за прошлые выходные», «в эти выходные дни» («в выходные» alone
# is as often a schedule, «в выходные работает», and the blind gold lists it 2 times of 13)
_WEEKEND_RE = _rx(
    rf"(?=[вВнНзЗ]){_BW}(?P<p>в|на|за)\s+(?P<mod>{trie_pattern(list(_WEEKDAY_MODS))})\s+выходные(?:\s+дни)?{_NW}"
)
# «в выходные» alone, told in the past: the weekend just gone («В выходные экипажи ДПС задержали 41
# водителя»); a schedule («в выходные работает», «в выходные — 3 400 рублей») or a weekend followed by its
# own days («в выходные 22–23 августа») names none
_BARE_WEEKEND_RE = _rx(rf"(?=[вВнН]){_BW}(?:в|на)\s+выходн(?:ые|ых)(?:\s+дни)?{_NW}(?!\s*\d)")
# «к выходным похолодает», «снегопады продолжатся до выходных»: the weekend to come, as no schedule
# says «к» or «до» of it
_COMING_WEEKEND_RE = _rx(rf"(?=[кКдД]){_BW}(?:к|до)\s+выходн(?:ым|ых)(?:\s+дн(?:ям|ей))?{_NW}(?!\s*\d)")
# a forecast told of a bare weekend is of the one to come: «на выходных ожидается чрезвычайная пожароопасность»
_FORECAST_LEMMAS = frozenset({"ожидаться", "прогнозироваться"})
_SATURDAY = 5
_NIGHT_RE = _rx(r"(?<![а-яё])ночь\s+\Z")  # «в ночь на понедельник»: the night before it
# «с понедельника по пятницу», «с понедельника до пятницы»: every week, no date
_WEEKLY_AFTER_RE = _rx(rf"\s+(?:по|до)\s+{_WEEKDAY}")
_WEEKLY_BEFORE_RE = _rx(rf"(?<![а-яё])со?\s+{_WEEKDAY}\s+\Z")
# opening hours: a weekday after «в будние дни» or listed with holidays names no day («в будние
# дни с 8:00 до 20:00, в субботу, воскресенье и праздничные дни бесплатно»)
_WORKDAYS_RE = _rx(r"(?<![а-яё])будн(?:и|ие|ям|ими)(?![а-яё])")
_WITH_HOLIDAYS_RE = _rx(rf"(?:\s*(?:,|и)\s*(?:в\s+)?{_WEEKDAY})*\s*(?:,|и)\s*(?:в\s+)?праздничн")
_DAY_AFTER_RE = _rx(r",?\s*\d{1,2}\s+[а-яё]")  # «в субботу, 18 апреля»: that one Saturday
# the longest weekday with its preposition: «со воскресенья »
WEEKDAY_REACH = 16
# how far around a weekday its sentence is searched for «будние» or a clause's colon: a sentence
# longer than this is a list, and searching all of it for each weekday costs the square of its length
WEEKDAY_SENTENCE_REACH = 1000
# «22:10» anywhere; «10.00» only after «в» (otherwise it is a decimal number).
_TIME_RE = _rx(
    r"(?=\d)(?<![\d.:,])(?:(?P<h>[01]?\d|2[0-3]):(?P<mi>[0-5]\d)|(?<=в\s)(?P<h2>[01]?\d|2[0-3])\.(?P<mi2>[0-5]\d))"
    r"(?!\d|[.:,]\d)"
)
# the part of a date a noun names right before it: «(в) начале 2016 года», «(до) конца марта»,
# «(с) середины 1990-х» (the preposition stays out, as before any date)
_PART_RE = _rx(r"(?<![а-яё-])(?:(?P<start>начал[оаеу])|(?P<end>конец|конц[аеу])|середин[аеуы])\s+\Z")
# the part noun ends this close before its date
PART_REACH = 12
# «с» before the first date of a period of two dates and «по» / «до» between them
_RANGE_FROM_RE = _rx(r"(?<![а-яё])со?\s+\Z")
_RANGE_JOIN_RE = _rx(r"\s+(?:по|до)\s+")
_COMPARISON_RE = _rx(rf"{_BW}(?P<c>{COMPARISON}){_NW}")
# «месяцем ранее», «месяц назад»: the day or month under discussion a month before
_MONTH_BACK_RE = _rx(rf"{_BW}(?:месяцем\s+(?:ранее|раньше)|месяц\s+(?:тому\s+)?назад){_NW}")
_MARKER_RE = _rx(
    rf"{_BW}(?:" + "|".join(w.replace(" ", r"\s+") for w in load_words("date_comparison_markers.txt")) + r")"
    rf"\s[^.!?;]{{0,{MARKER_REACH}}}\Z"
)
_NAMED_YEAR_RE = re.compile(r"(?:19|20)\d\d")
_FUTURE_STEMS = tuple(w.lower() for w in load_words("date_future_markers.txt"))
_PHASE_VERBS = frozenset(load_words("date_phase_verbs.txt"))
# Between a year-less period and a dated one it shares the year with: «за четвертый квартал и 2021 год».
_COORD_RE = _rx(r"\s*,?\s*(?:и|а\s+также)\s+(?:(?:за|в|во|на)\s+)?\Z")
_WORD_RE = re.compile(r"[а-яёa-z]+", re.IGNORECASE)
# «icon », «Пенза, », «Петропавловск-Камчатский, » before a date
_DATELINE_PREFIX_RE = re.compile(
    rf"^(?:[^\d\n]{{0,{DATELINE_PREFIX}}}|\W{{0,3}}[А-ЯЁ][А-ЯЁа-яё]+(?:[\s-][А-ЯЁа-яё]+){{0,3}},\s*)$"
)
# what may follow a dateline's date on its line: a time, then a news site's rubric after a bar
# («26 ноября, 14:20 | Общество»)
_DATELINE_SUFFIX_RE = re.compile(r"^[\s.,;:|–—-]*(?:(?:в\s+)?\d{1,2}[:.]\d{2})?[\s.,;]*(?:[|·•][^\n]{0,40})?$")


# --- candidates -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Scan:
    """What a pattern's handler reads besides its match: the reference date, the reference year
    (the date's, or the one the text gives evidence of when there is no date), the tagged text."""

    ref: datetime.date | None
    year: int | None
    offsets: Offsets


@dataclass(frozen=True)
class _Cand:
    start: int
    end: int
    value: str | None
    relative: bool = False
    is_day: bool = False  # a single calendar day: may take a following time of day
    # "day", "days" (a range of days), "period" (year, month, quarter...), "cmp" («годом ранее»),
    # "near" (relative days and weeks)
    kind: str = ""
    # the value for a given year, for dates that name no year («15 марта», «в четвертом квартале»)
    make: Callable[[int], str | None] | None = field(default=None, compare=False)
    # a comparison naming its year («аналогичным периодом 2022 года»): the period under discussion
    # in that year; None: the year before it («годом ранее»)
    cmp_year: int | None = None
    cmp_months: int = 0  # «месяцем ранее»: the period under discussion this many months away, not a year
    cmp_day: bool = False  # «на ту же дату прошлого года»: a day compared, the release's when no day is
    bare: bool = False  # a year without a year word («в 2017», «(1997)»): weaker evidence of a year


def _ymd(year: int, month: int, day: int) -> str | None:
    """ISO day, or None for an impossible date (31.02)."""
    try:
        return datetime.date(year, month, day).isoformat()
    except ValueError:
        return None


def _y(year: int) -> str | None:
    """ISO year, or None outside the years of four digits that a calendar date can have (1..9999):
    «в следующем году» of 9999 or «годом ранее» of the year 1 has no value."""
    return f"{year:04d}" if datetime.MINYEAR <= year <= datetime.MAXYEAR else None


def _ym(year: int, month: int) -> str | None:
    y = _y(year)
    return f"{y}-{month:02d}" if y else None


def _days_from(day: datetime.date, days: int) -> datetime.date | None:
    """`day` moved by `days`; None past either end of the calendar."""
    try:
        return day + datetime.timedelta(days=days)
    except OverflowError:
        return None


def _day_value(day: datetime.date | None) -> str | None:
    return day.isoformat() if day else None


def _period(start: str | None, end: str | None) -> str | None:
    return f"{start}/{end}" if start and end else None


def _tail_year(m: re.Match[str], year: int | None) -> tuple[int | None, bool]:
    """The year named after a month/quarter (or the reference year); and whether the reference
    was needed."""
    if m.group("y"):
        return int(m.group("y")), False
    if m.group("rel"):
        shift = _REL_YEAR_ADJ[m.group("rel").lower()]
        return (year + shift if year is not None else None), True
    return year, True


def _range_ok(m: re.Match[str]) -> bool:
    """«по»/«до» make a range only after «с»: «1 по 15» alone is not a range."""
    return m.group("sep").strip() in "-–—" or bool(m.group("s"))


def _month_no(word: str) -> int:
    low = word.lower().rstrip(".")
    return _MONTHS.get(low) or _MONTH_ABBREVS[low]


def _yearless(m: re.Match[str]) -> bool:
    return not (m.group("y") or m.group("rel"))


def _built(
    m: re.Match[str], ref_year: int | None, build: Callable[[int], str | None], kind: str, is_day: bool = False
) -> _Cand | None:
    """A candidate whose value `build` makes from its year (named, or the reference year); None
    when no year makes it valid (checked on a leap year: «29 февраля» without a year is fine)."""
    year, rel = _tail_year(m, ref_year)
    # checked on its own year when it has one the calendar has; «29 февраля» alone on a leap year
    probe = 2000 if _yearless(m) or year is None or _y(year) is None else year
    if build(probe) is None:
        return None
    value = build(year) if year is not None else None
    return _Cand(m.start(), m.end(), value, rel, is_day, kind, build if _yearless(m) else None)


def _day_range(m: re.Match[str], scan: _Scan) -> _Cand | None:
    """«с 1 по 15 июля», «1–3 октября»; «на» only for a night: «в ночь с 15 на 16 июля»."""
    if not _range_ok(m):
        return None
    if m.group("sep").strip().lower() == "на" and not _NIGHT_RE.search(
        scan.offsets.tagged.text, max(0, m.start() - 8), m.start()
    ):
        return None
    m2 = _month_no(m.group("m2"))
    m1 = _month_no(m.group("m1")) if m.group("m1") else m2
    d1, d2 = int(m.group("d1")), int(m.group("d2"))

    def build(year: int) -> str | None:
        # a range over the new year («с 31 декабря по 11 января») ends in the year it is of
        a, b = _ymd(year - 1 if m1 > m2 else year, m1, d1), _ymd(year, m2, d2)
        return _period(a, b) if a and b and a <= b else None

    return _built(m, scan.year, build, "days")


def _day_month(m: re.Match[str], scan: _Scan) -> _Cand | None:
    day, month = int(m.group("d")), _month_no(m.group("m"))
    return _built(m, scan.year, lambda year: _ymd(year, month, day), "day", True)


def _numeric(m: re.Match[str], scan: _Scan) -> _Cand | None:
    year = int(m.group("y"))
    if len(m.group("y")) == 2:
        year += 2000 if year < CENTURY_PIVOT else 1900
    value = _ymd(year, int(m.group("m")), int(m.group("d")))
    return _Cand(m.start(), m.end(), value, False, True) if value else None


def _iso(m: re.Match[str], scan: _Scan) -> _Cand | None:
    value = _ymd(int(m.group("y")), int(m.group("m")), int(m.group("d")))
    return _Cand(m.start(), m.end(), value, False, True) if value else None


def _year_range(m: re.Match[str], scan: _Scan) -> _Cand | None:
    y1, y2 = int(m.group("y1")), int(m.group("y2"))
    if not _range_ok(m) or y1 >= y2:
        return None
    return _Cand(m.start(), m.end(), f"{y1}/{y2}")


def _month_range(m: re.Match[str], scan: _Scan) -> _Cand | None:
    if not _range_ok(m):
        return None
    m1, m2 = _MONTHS[m.group("m1").lower()], _MONTHS[m.group("m2").lower()]
    if not m.group("y1"):
        if m1 == m2:
            return None
        # «в декабре — феврале»: a run of months across the new year starts in the year before
        # its end's (the year named after it is the end's: «в ноябре — феврале 2026 года»)
        across = 1 if m1 > m2 else 0
        return _built(m, scan.year, lambda year: _period(_ym(year - across, m1), _ym(year, m2)), "period")
    y2, rel = _tail_year(m, scan.year)
    y1 = int(m.group("y1"))
    if y2 is None:
        return _Cand(m.start(), m.end(), None, rel)
    if (y1, m1) >= (y2, m2):
        return None
    return _Cand(m.start(), m.end(), _period(_ym(y1, m1), _ym(y2, m2)), rel, kind="period")


def _ten_days(year: int, month: int, decade: int) -> str | None:
    """The days of a month's first, second or third ten-day period (the third to the month's end)."""
    if _y(year) is None:
        return None
    last = calendar.monthrange(year, month)[1] if decade == 3 else 10 * decade
    return _period(_ymd(year, month, 10 * decade - 9), _ymd(year, month, last))


def _weekday_of_month(year: int, month: int, weekday: int, which: int) -> str | None:
    """The day of a month that is its `which`-th `weekday` (Monday = 0), -1 the last one."""
    if _y(year) is None:
        return None
    days = [d for d in range(1, calendar.monthrange(year, month)[1] + 1)
            if datetime.date(year, month, d).weekday() == weekday]
    return _ymd(year, month, days[which if which < 0 else which - 1])


def _half_month(year: int, month: int, which: int) -> str | None:
    """The days of a month's first half (1-15) or second (16 to the month's end)."""
    if _y(year) is None:
        return None
    first, last = (1, HALF_MONTH_DAYS) if which == 1 else (HALF_MONTH_DAYS + 1, calendar.monthrange(year, month)[1])
    return _period(_ymd(year, month, first), _ymd(year, month, last))


# the parts of a month named before it, each its days: a ten-day period, a half
_MONTH_PARTS = (
    (_TEN_DAYS_RE, TEN_DAY_ORDINALS, _ten_days),
    (_HALF_MONTH_RE, HALF_ORDINALS, _half_month),
)


def _month(m: re.Match[str], scan: _Scan) -> _Cand | None:
    """A month; with an ordinal day in words before it, that day («двадцать первого марта»); with
    a ten-day period or a half before it, those days («в третьей декаде апреля», «во второй
    половине июля»)."""
    month = _MONTHS[m.group("m").lower()]
    text = scan.offsets.tagged.text
    for pattern, ordinals, days_of in _MONTH_PARTS:
        part = pattern.search(text, max(0, m.start() - TEN_DAYS_REACH), m.start())
        if part:
            which = ordinals[part.group("o").lower()]
            cand = _built(m, scan.year, lambda year, w=which, days=days_of: days(year, month, w), "period")
            if cand is not None:
                return replace(cand, start=part.start())
    counted = _WEEKDAY_OF_MONTH_RE.search(text, max(0, m.start() - WEEKDAY_OF_MONTH_REACH), m.start())
    if counted:
        which = WEEKDAY_ORDINALS[counted.group("o").lower()]
        weekday = WEEKDAY_STEMS[counted.group("wd").lower()]
        cand = _built(m, scan.year, lambda year: _weekday_of_month(year, month, weekday, which), "day", True)
        if cand is not None:
            return replace(cand, start=counted.start())
    words = _DAY_WORDS_RE.search(text, max(0, m.start() - DAY_WORDS_REACH), m.start())
    if words:
        day = _day_of_words(scan, words.start("w"), words.end("w"))
        if day is not None:
            cand = _built(m, scan.year, lambda year: _ymd(year, month, day), "day", True)
            if cand is not None:
                return replace(cand, start=words.start("w"))
    return _built(m, scan.year, lambda year: _ym(year, month), "period")


def _day_of_words(scan: _Scan, start: int, end: int) -> int | None:
    """The day an ordinal in words names: cardinals add up to the ordinal («двадцать первого» -> 21)."""
    day = 0
    for tok in scan.offsets.tokens(start, end):
        value = cardinal(tok.parses)
        if value is None:
            value = ordinal(tok.parses)
        if value is None:
            return None
        day += int(value)
    return day


def _ordinal(m: re.Match[str]) -> int:
    """Number of a quarter/half from «II», «2-м» or «втором»."""
    if m.group("r"):
        return ROMAN[m.group("r").lower()]
    if m.group("n"):
        return int(m.group("n"))
    word = m.group("o").lower()
    return next(n for stem, n in _ORDINALS.items() if word.startswith(stem))


def _months_period(m: re.Match[str], ref_year: int | None, first: int, last: int) -> _Cand:
    cand = _built(m, ref_year, lambda year: _period(_ym(year, first), _ym(year, last)), "period")
    assert cand is not None  # a months period is valid in every year
    return cand


# a period named as a quarter or a half-year, not by its months
_QUARTER_OR_HALF_RE = re.compile(r"(?i)квартал|полугоди|\bкв\.")


def _quarter(m: re.Match[str], scan: _Scan) -> _Cand | None:
    q = _ordinal(m)
    first = ROMAN[m.group("r0").lower()] if m.group("r0") else q
    return _months_period(m, scan.year, 3 * first - 2, 3 * q) if 1 <= first <= q <= 4 else None


def _first_of_two_quarters(m: re.Match[str], scan: _Scan) -> _Cand | None:
    q = ROMAN[m.group("r").lower()]
    return _months_period(m, scan.year, 3 * q - 2, 3 * q)


def _half(m: re.Match[str], scan: _Scan) -> _Cand | None:
    h = _ordinal(m)
    return _months_period(m, scan.year, 6 * h - 5, 6 * h) if h in (1, 2) else None


def _report_period(m: re.Match[str], scan: _Scan) -> _Cand | None:
    """«1К 2026» a quarter, «1П» a half-year, «9М» the months from January."""
    if m.group("q") or m.group("q2"):
        q = int(m.group("q") or m.group("q2"))
        return _months_period(m, scan.year, 3 * q - 2, 3 * q)
    if m.group("h") or m.group("h2"):
        h = int(m.group("h") or m.group("h2"))
        return _months_period(m, scan.year, 6 * h - 5, 6 * h)
    return _months_period(m, scan.year, 1, int(m.group("n")))


def _count_word(scan: _Scan, pos: int) -> float | None:
    """Value of the number word at `pos` in any case («девяти» -> 9), by the token's analyses."""
    tok = scan.offsets.token_at(pos)
    return cardinal(tok.parses) if tok is not None else None


def _n_months(m: re.Match[str], scan: _Scan) -> _Cand | None:
    if _yearless(m) and not m.group("za"):
        return None  # «в течение трех месяцев»: a length of time, no period of a year
    raw = m.group("n")
    n = int(raw) if raw.isdigit() else _count_word(scan, m.start("n"))
    if n is None or not 1 <= n <= 12 or n != int(n):
        return None
    if _yearless(m) and not _ENDED_ON.match(m.string, m.end()):
        if n == 12:
            return None  # «за 2025 год. За двенадцать месяцев ...»: a year's length, the year is told apart
        if scan.ref is not None and not _reported_soon_after(int(n), scan.ref):
            return None  # «сезон завершился 15 октября. За пять месяцев ...»: a length of time
    start = m.start("n")
    cand = _months_period(m, scan.year, 1, int(n))
    return replace(cand, start=start)


# «за шесть месяцев, завершившихся 30 июня 2021 года»: the period's end is dated
_ENDED_ON = re.compile(r",?\s*(?:за|о)?(?:кончивш|вершивш)", re.IGNORECASE)


def _reported_soon_after(months: int, ref: datetime.date) -> bool:
    """Whether a release of `ref` may report the first `months` months of a year: such reports
    come out within a quarter after the period ends."""
    return 1 <= (ref.month - months) % 12 <= 3


def _n_quarters(m: re.Match[str], scan: _Scan) -> _Cand | None:
    if _yearless(m) and not m.group("za"):
        return None  # «в течение двух кварталов»: a length of time
    n = _count_word(scan, m.start("n"))
    if n is None or n not in (2, 3, 4):
        return None
    return replace(_months_period(m, scan.year, 1, 3 * int(n)), start=m.start("n"))


def _year(m: re.Match[str], scan: _Scan) -> _Cand | None:
    return _Cand(m.start(), m.end(), m.group("y") or m.group("y2"), kind="period")


def _bare_year(m: re.Match[str], scan: _Scan) -> _Cand | None:
    """A year without a year word («в 2017», a year of a list): its digits only; not a number of
    things («до 2000 человек», «в 2018 школах»)."""
    after = scan.offsets.first_token(m.end("y"))
    tokens = scan.offsets.tagged.tokens
    if after < len(tokens) and tokens[after].pos in _COUNTED_POS and tokens[after].text[:1].isalpha():
        return None
    return _Cand(m.start("y"), m.end("y"), m.group("y"), kind="period", bare=True)


def _split_year(m: re.Match[str], scan: _Scan) -> _Cand | None:
    """«2016/17» when the second year follows the first: the two years."""
    first = int(m.group("y"))
    second = m.group("y2")
    if int(second) != (first + 1) % (100 if len(second) == 2 else 10_000):
        return None
    return _Cand(m.start(), m.end(), f"{first}/{first + 1}", kind="period")


def _decade(m: re.Match[str], scan: _Scan) -> _Cand | None:
    """«1990-е годы» -> 1990/1999; two digits («90-е годы») are of the 1900s, but «00-е» and «10-е»."""
    if m.group("c"):
        first = int(m.group("c"))
    elif m.group("w"):
        first = int(m.group("d")) + (2000 if m.group("d") in ("00", "10") else 1900)
    else:
        return None  # «90-х» alone may count anything
    return _Cand(m.start(), m.end(), f"{first}/{first + 9}", kind="period")


def _season(m: re.Match[str], scan: _Scan) -> _Cand | None:
    first, last = _SEASONS[m.group("s").lower()]
    return _months_period(m, scan.year, first, last)


def _season_part(m: re.Match[str], scan: _Scan) -> _Cand | None:
    """«до конца лета» August, «в начале осени» September, «к середине весны» April, of the year
    the context gives; a winter's start is in the year before its own, so left out."""
    first, last = _SEASONS[m.group("s").lower()]
    part = m.group("part").lower()[:4]
    winter = first < last < 3
    if part == "нача":
        month = None if winter else first
    elif part == "конц":
        month = last
    else:
        month = 1 if winter else (first + last) // 2
    if month is None:
        return None
    return _built(m, scan.year, lambda year: _ym(year, month), "period")


def _season_near(m: re.Match[str], scan: _Scan) -> _Cand | None:
    first, last = _SEASONS[m.group("s").lower()]
    value = None if scan.ref is None else _season_from(scan.ref, _SEASON_MODS[m.group("mod").lower()], first, last)
    return _Cand(m.start(), m.end(), value, True, kind="period")


WINTER_START = 12  # a winter runs from the December before its year


def _season_from(ref: datetime.date, which: str, first: int, last: int) -> str | None:
    """The months of the season `which` (last, this, next) picks from the reference date; a winter
    is December to February («прошлой зимой» said in November 2026: 2025-12/2026-02)."""
    winter = first < last < 3
    month = ref.year * 12 + ref.month - 1

    def bounds(year: int) -> tuple[int, int]:  # the season of `year` as months since year 0
        start = (year - 1) * 12 + WINTER_START - 1 if winter else year * 12 + first - 1
        return start, year * 12 + last - 1

    if which == "last":
        year = max(y for y in (ref.year - 1, ref.year) if bounds(y)[1] < month)
    elif which == "next":
        # a winter said to come in December is the one after the winter begun: two years on
        year = min(y for y in (ref.year, ref.year + 1, ref.year + 2) if bounds(y)[0] > month)
    else:  # a winter in progress, just over in spring, else the coming one
        year = ref.year + (winter and ref.month > 5)
    start, end = bounds(year)
    return _period(_ym(start // 12, start % 12 + 1), _ym(end // 12, end % 12 + 1))


def _relative(m: re.Match[str], scan: _Scan) -> _Cand | None:
    phrase = " ".join(m.group("p").lower().split())
    if phrase in _BEFORE_SOMETHING and _noun_follows(scan, m.end()):
        return None  # «накануне форума»: before an event, not the day before
    if _ends_a_quoted_name(scan.offsets, m.start(), m.end()):
        return None  # «портал «Калуга Сегодня»»: a word of a title
    unit, shift = _RELATIVE[phrase]
    if unit == "week" and _event_genitive_follows(scan, m.end()):
        return None  # «Следующая неделя финансовой безопасности пройдет в октябре»: an event's name
    if unit == "half" and _YEAR_AFTER_RE.match(scan.offsets.tagged.text, m.end()):
        return None  # «за полугодие 2025 года», «за полугодие прошлого года»: not the one just ended
    kind = "near" if unit in ("day", "week") else "period"
    start = m.start()
    if phrase.split()[0] in RESULT_WORDS:  # «итоги | полугодия»: the results are no word of the date
        start = m.start("p") + len(m.group("p")) - len(m.group("p").split()[-1])
    return _Cand(start, m.end(), _relative_value(unit, shift, scan), True, unit == "day", kind)


# the results a relative period is named after in relative_dates.txt: «подвел итоги полугодия»
RESULT_WORDS = frozenset({"итоги", "итогов", "итогам", "итогах"})


# a year named after a period: «2025 года», «прошлого года»
_YEAR_AFTER_RE = re.compile(r"\s+(?:\d{4}|[а-яё]+\s+года\b)", re.IGNORECASE)
# how far back a quote may open for a relative word closing it to be a word of a title
TITLE_REACH = 40
_TITLE_OPENING_RE = re.compile(r"[«\"„“][^«»\"„“\n]*\Z")


def _ends_a_quoted_name(offsets: Offsets, start: int, end: int) -> bool:
    """«Калуга-Сегодня», «Верхневолжье сегодня»: a relative word closing quotes opened a few words
    before it, after words with no verb among them, is part of a media outlet's name (not of
    speech: «Школу открываем сегодня»)."""
    text = offsets.tagged.text
    if end >= len(text) or text[end] not in "»\"“":
        return False
    before = _TITLE_OPENING_RE.search(text, max(0, start - TITLE_REACH), start)
    if before is None or not any(ch.isalpha() for ch in text[before.start() : start]):
        return False
    a, b = offsets.token_range(before.start(), start)
    return not any(t.pos in ("VERB", "AUX") for t in offsets.tagged.tokens[a:b])


# relative words that take a genitive of what they come before: «накануне выборов»
_BEFORE_SOMETHING = frozenset({"накануне"})


def _tokens_after(scan: _Scan, end: int, n: int) -> list[Token]:
    """The `n` tokens right after the token ending at `end` (fewer at the text's end)."""
    tagged = scan.offsets.tagged
    k = tagged.token_ending(end)
    return [] if k is None else tagged.tokens[k + 1 : k + 1 + n]


def _noun_follows(scan: _Scan, end: int) -> bool:
    """A word of a noun group in the genitive (of «накануне») right after `end`."""
    after = _tokens_after(scan, end, 1)
    if not after:
        return False
    tok = after[0]
    if tok.pos not in ("NOUN", "PROPN", "ADJ", "NUM", "DET") or tok.case == "Nom":
        return False
    # a genitive, or a word that may be one: not «накануне проект одобрила» (an object before its verb)
    return tok.case == "Gen" or not tok.parses or any(p.tag.case == "gent" for p in tok.parses)


def _event_genitive_follows(scan: _Scan, end: int) -> bool:
    """An adjective and a noun in the genitive right after a week: the week is an event named by
    them («неделя финансовой грамотности»), not the calendar's («на прошлой неделе министра ...»)."""
    after = _tokens_after(scan, end, 2)
    if len(after) < 2:
        return False
    adj, noun = after
    return adj.text.islower() and adj.pos == "ADJ" and adj.case == "Gen" and noun.pos == "NOUN" and noun.case == "Gen"


# the month a school year begins in
SCHOOL_YEAR_START = 9


def _relative_value(unit: str, shift: int, scan: _Scan) -> str | None:
    """A day, week, month or half-year away from the reference date; a year, its start or its end
    away from the reference year (which the text may give without a date)."""
    ref, year = scan.ref, scan.year
    if unit == "schoolyear":  # «в прошлом учебном году»: September to August, as «2025/2026»
        if ref is None:
            return None
        first = ref.year - (ref.month < SCHOOL_YEAR_START) + shift
        return f"{first}/{first + 1}"
    if unit in ("day", "week", "month", "half"):
        if ref is None:
            return None
        if unit == "half":
            index = ref.year * 2 + (ref.month - 1) // 6 + shift
            first = 1 + 6 * (index % 2)
            return _period(_ym(index // 2, first), _ym(index // 2, first + 5))
        if unit == "day":
            return _day_value(_days_from(ref, shift))
        if unit == "week":
            monday = _days_from(ref, 7 * shift - ref.weekday())
            return _period(_day_value(monday), _day_value(monday and _days_from(monday, 6)))
        index = ref.year * 12 + ref.month - 1 + shift
        return _ym(index // 12, index % 12 + 1)
    if year is None:
        return None
    if unit == "yearstart":
        return _ym(year + shift, 1)
    if unit == "yearend":
        return _ym(year + shift, 12)
    if unit == "yearlastday":
        return _ymd(year + shift, 12, 31)
    return _y(year + shift)


def _comparison(m: re.Match[str], scan: _Scan) -> _Cand | None:
    """«годом ранее», «аналогичный период прошлого года»: resolved against the period under
    discussion in `_in_context`; here the year before the reference year. «Аналогичным периодом
    2022 года» names its year: the period under discussion in 2022; here 2022."""
    named = _NAMED_YEAR_RE.search(m.group(0))
    if named:
        year = int(named.group(0))
        return _Cand(m.start(), m.end(), _y(year), False, kind="cmp", cmp_year=year)
    if _A_DAY_COMPARED_RE.search(m.group(0)) and scan.ref is not None:
        # «чем на эту же дату прошлого года» with no day before it: the release's day a year back
        return _Cand(m.start(), m.end(), _shift_year(scan.ref.isoformat(), -1), True, kind="cmp", cmp_day=True)
    return _Cand(m.start(), m.end(), _y(scan.year - 1) if scan.year else None, True, kind="cmp")


# a comparison of a day, not of a period: «на аналогичную дату прошлого года», «на ту же дату»
_A_DAY_COMPARED_RE = re.compile(r"\bдат[аеуы]\b", re.IGNORECASE)


def _month_back(m: re.Match[str], scan: _Scan) -> _Cand | None:
    """«месяцем ранее»: resolved against the date under discussion in `_in_context`; here the month
    before the reference date."""
    ref = scan.ref
    value = _shift_months(ref.isoformat()[:7], -1) if ref else None
    return _Cand(m.start(), m.end(), value, True, kind="cmp", cmp_months=-1)


def _units_ago(m: re.Match[str], scan: _Scan) -> _Cand | None:
    """«пять лет назад» the reference year less five, «два месяца назад» the month two before the
    reference date's, «три дня назад» that day; a count in words or digits, none for «несколько»."""
    if _BOUND_BEFORE_RE.search(scan.offsets.tagged.text, max(0, m.start() - WORD_BEFORE_REACH), m.start()):
        return None  # «созданные менее двух лет назад»: a bound on an age, no date
    raw = m.group("n")
    n = int(raw) if raw.isdigit() else _count_word(scan, m.start("n"))
    if n is None or n != int(n) or n < 1:
        return None
    word = m.group("u").lower()
    unit = next(u for stem, u in _UNITS_AGO.items() if word.startswith(stem))
    kind = "near" if unit == "day" else "period"
    return _Cand(m.start(), m.end(), _relative_value(unit, -int(n), scan), True, unit == "day", kind)


def _weekday(m: re.Match[str], scan: _Scan, group: str = "wd") -> _Cand | None:
    """A weekday after a preposition that governs its case. «в пятницу» and «с пятницы» are the
    latest Friday on or before the reference date, as is «в ночь на пятницу»; «на пятницу», «к
    пятнице», «до пятницы» (a schedule or a deadline) the earliest on or after it; «прошлую» /
    «следующую» / «до следующей» pick the one strictly before / after it, «эту» the one of this
    week to come. «С понедельника по пятницу» is every week: no date."""
    prep = " ".join(m.group("p").lower().split())
    case = _WEEKDAY_CASES[prep]
    part = m.group("part").lower() if group == "wd" and m.group("part") else None
    if part is not None:
        if prep not in _DAY_PARTS[part]:
            return None
        case = "gen"  # «к вечеру субботы»: the weekday is the part's genitive
    target, form_case = _WEEKDAYS[m.group(group).lower()]
    if form_case != case:
        return None
    if group == "wd2" and _WEEKDAYS[m.group("wd").lower()][1] != case:
        return None
    text = scan.offsets.tagged.text
    if target == _WEDNESDAY and _environment(scan, m.end(group)):
        return None
    if prep in ("с", "со") and _WEEKLY_AFTER_RE.match(text, m.end()):
        return None
    if prep == "до" and _WEEKLY_BEFORE_RE.search(text, max(0, m.start() - WEEKDAY_REACH), m.start()):
        return None
    if _opening_hours(scan, m.start(), m.end(group)):
        return None
    start = m.start(group) if group != "wd" else m.start()
    ref = scan.ref
    if ref is None:
        return _Cand(start, m.end(group), None, True, True, "near")
    mode = _WEEKDAY_MODS.get((m.group("mod") or "").lower(), "plain")
    # the weekday's sentence up to a colon after it: «выйдут на линию уже в четверг: водители прошли обучение»
    lo, hi = scan.offsets.sentence(m.start())
    # (not a time's colon: «в пятницу в 10:00 начнётся»)
    colon = _CLAUSE_COLON_RE.search(text, m.end(), min(hi, m.end() + WEEKDAY_SENTENCE_REACH))
    hi = hi if colon is None else colon.start()
    if mode == "plain" and prep in _WEEKDAY_BOUNDS:
        mode = "coming"  # «решение будет принято не раньше пятницы»
    elif mode == "plain" and prep in ("на", "к", "ко", "до"):
        night = prep == "на" and _NIGHT_RE.search(text, max(0, m.start() - 8), m.start())
        # a deadline told in the past is over: «К понедельнику все магистрали были очищены» (not «до»:
        # «приостановлено до пятницы» lasts till then)
        done = prep in ("к", "ко") and _tense_near(scan.offsets, lo, hi, *m.span()) == "past"
        mode = "plain" if night or done else "coming"
    elif mode == "plain" and not _after_past_participle(scan.offsets, m.start()) and (
        (tense := _tense_near(scan.offsets, lo, hi, *m.span())) == "future"
        # «рекомендует принять их на заседании в четверг»: what an infinitive governs is to come,
        # unless a past verb governs it («асфальт начали снимать в понедельник»)
        or _nearest_verb_form(scan.offsets, lo, hi, *m.span()) == "Inf" and tense != "past"
    ):
        mode = "coming"  # «Приём заявок начнётся в понедельник»: the one to come (today, said on a Monday)
    if mode in ("next", "coming"):
        delta = (target - ref.weekday()) % 7
        day = _days_from(ref, delta or (7 if mode == "next" else 0))
    else:
        back = (ref.weekday() - target) % 7
        if mode == "last" and back == 0:
            back = 7
        day = _days_from(ref, -back)
    return _Cand(start, m.end(group), _day_value(day), True, True, "near")


def _after_past_participle(offsets: Offsets, start: int) -> bool:
    """A full past participle right before the date governs it: what it tells is done, whatever
    the sentence's verb («Протезы будут изготавливаться в мастерской, открытой во вторник»)."""
    toks = offsets.tagged.tokens
    k = offsets.first_token(start) - 1
    if k >= 0 and toks[k].text.lower() in ("в", "во"):
        k -= 1  # «построенную в 1968 году»: the date's preposition
    if k < 0:
        return False
    feats = toks[k].feats
    return feats.get("VerbForm") == "Part" and feats.get("Tense") == "Past" and feats.get("Variant") != "Short"


def _opening_hours(scan: _Scan, start: int, end: int) -> bool:
    """The weekday at [start, end) tells opening hours, not a day: after «в будние дни» in its
    sentence, or listed with «праздничные дни»; unless a date follows it."""
    text = scan.offsets.tagged.text
    if _DAY_AFTER_RE.match(text, end):
        return False
    lo, _ = scan.offsets.sentence(start)
    lo = max(lo, start - WEEKDAY_SENTENCE_REACH)
    return _WORKDAYS_RE.search(text, lo, start) is not None or _WITH_HOLIDAYS_RE.match(text, end) is not None


def _environment(scan: _Scan, end: int) -> bool:
    """«среда» before a noun in the genitive is an environment: «в среду профессионалов», «к среде
    обитания»."""
    tokens = scan.offsets.tagged.tokens
    i = scan.offsets.first_token(end)
    if i >= len(tokens):
        return False
    tok = tokens[i]
    return tok.pos == "NOUN" and tok.text[:1].islower() and tok.feats.get("Case") == "Gen"


def _weekend(m: re.Match[str], scan: _Scan) -> _Cand | None:
    """A weekend, Saturday to Sunday: «в прошлые выходные» the last one before the reference date,
    «в эти / ближайшие выходные» the one to come (this one, said on a Saturday)."""
    ref = scan.ref
    if ref is None:
        return _Cand(m.start(), m.end(), None, True, False, "near")
    mode = _WEEKDAY_MODS[m.group("mod").lower()]
    if mode == "last":
        saturday = _last_saturday(ref)
    else:
        ahead = (_SATURDAY - ref.weekday()) % 7
        saturday = _days_from(ref, ahead or (7 if mode == "next" else 0))
    return _weekend_from(m, saturday)


def _weekend_from(m: re.Match[str], saturday: datetime.date | None) -> _Cand:
    """The mention as the weekend that starts on `saturday`, Saturday to Sunday."""
    sunday = _days_from(saturday, 1) if saturday else None
    return _Cand(m.start(), m.end(), _period(_day_value(saturday), _day_value(sunday)), True, False, "near")


def _last_saturday(ref: datetime.date) -> datetime.date | None:
    """The Saturday of the last weekend begun before the reference date (yesterday, said on a Sunday)."""
    return _days_from(ref, -((ref.weekday() - _SATURDAY) % 7 or 7))


def _bare_weekend(m: re.Match[str], scan: _Scan) -> _Cand | None:
    """«в выходные» in a clause told in the past: the last weekend before the reference date (the
    one just gone, said on a Monday; this one, said on a Sunday); in a forecast, the one to come."""
    ref = scan.ref
    if ref is not None and _verb_in_clause(scan.offsets, m.start(), _forecast_verb):
        return _coming_weekend(m, scan)
    if ref is None or _tense_near(scan.offsets, *scan.offsets.sentence(m.start()), *m.span()) != "past":
        return None
    if _nearest_verb_form(scan.offsets, *scan.offsets.sentence(m.start()), *m.span()) != "Fin":
        return None
    if not _verb_in_clause(scan.offsets, m.start(), _perfective_past):
        return None  # «в июне загрузка составила 74%, а в выходные дни превышала 90%»: every weekend
    saturday = _last_saturday(ref)
    return _weekend_from(m, saturday)


def _coming_weekend(m: re.Match[str], scan: _Scan) -> _Cand | None:
    """The weekend to come: this one, said on a Saturday; the next, said on a Sunday."""
    if scan.ref is None:
        return None
    return _weekend_from(m, _days_from(scan.ref, (_SATURDAY - scan.ref.weekday()) % 7))


def _perfective_past(tok: Token) -> bool:
    """A thing done once («в выходные экипажи работали и задержали 41 водителя», not «..., а в
    выходные дни превышала 90%»)."""
    return tok.pos == "VERB" and tok.feats.get("Tense") == "Past" and tok.feats.get("Aspect") == "Perf"


def _forecast_verb(tok: Token) -> bool:
    return tok.lemma in _FORECAST_LEMMAS


def _verb_in_clause(offsets: Offsets, pos: int, kind: Callable[[Token], bool]) -> bool:
    """A verb of the kind between the commas around the token at `pos`."""
    toks = offsets.tagged.tokens
    at = offsets.first_token(pos)
    lo, hi = offsets.token_range(*offsets.sentence(pos))
    a = next((k + 1 for k in range(at - 1, lo - 1, -1) if toks[k].text in (",", ";", ":")), lo)
    b = next((k for k in range(at, hi) if toks[k].text in (",", ";", ":")), hi)
    return any(kind(toks[k]) for k in range(a, b))


def _weekday_pair(m: re.Match[str], scan: _Scan) -> _Cand | None:
    """The second weekday of «в среду и четверг», as if its preposition stood before it."""
    return _weekday(m, scan, "wd2")


_Handler = Callable[[re.Match[str], _Scan], "_Cand | None"]
_PATTERNS: tuple[tuple[re.Pattern[str], _Handler], ...] = (
    (_DAY_RANGE_RE, _day_range),
    (_DAY_MONTH_RE, _day_month),
    (_DAY_PAIR_RE, _day_month),
    (_NUMERIC_RE, _numeric),
    (_ISO_RE, _iso),
    (_YEAR_RANGE_RE, _year_range),
    (_OLD_YEAR_RANGE_RE, _year_range),
    (_MONTH_RANGE_RE, _month_range),
    (_MONTH_RE, _month),
    (_QUARTER_RE, _quarter),
    (_QUARTER_PAIR_RE, _first_of_two_quarters),
    (_HALF_RE, _half),
    (_REPORT_PERIOD_RE, _report_period),
    (_NMONTHS_RE, _n_months),
    (_NQUARTERS_RE, _n_quarters),
    (_DECADE_RE, _decade),  # before _YEAR_RE: «1990-х годов» is the decade
    (_SPLIT_YEAR_RE, _split_year),
    (_YEAR_RE, _year),
    (_PREP_YEAR_RE, _bare_year),
    (_YEAR_LIST_RE, _bare_year),
    (_BRACKET_YEAR_RE, _bare_year),
    (_SEASON_RE, _season),
    (_SEASON_NEAR_RE, _season_near),
    (_SEASON_PART_RE, _season_part),
    (_RELATIVE_RE, _relative),
    (_WEEKDAY_RE, _weekday),
    (_WEEKDAY_PAIR_RE, _weekday_pair),
    (_WEEKEND_RE, _weekend),
    (_BARE_WEEKEND_RE, _bare_weekend),
    (_COMING_WEEKEND_RE, _coming_weekend),
    (_COMPARISON_RE, _comparison),
    (_MONTH_BACK_RE, _month_back),
    (_UNITS_AGO_RE, _units_ago),
)


_NEEDLES = {
    _QUARTER_RE: ("кв",), _QUARTER_PAIR_RE: ("кв",), _HALF_RE: ("полугоди", "половин"), _NMONTHS_RE: ("месяц",),
    _NQUARTERS_RE: ("квартал",),
    _DECADE_RE: ("0-",), _UNITS_AGO_RE: ("назад",),
}
# what a number counts: a noun after «2000» makes it no year («до 2000 человек»)
_COUNTED_POS = frozenset({"NOUN", "PROPN", "ADJ"})


def _candidates(text: str, scan: _Scan) -> list[_Cand]:
    found = []
    low = text.lower()
    for regex, handler in _PATTERNS:
        needles = _NEEDLES.get(regex)
        if needles and not any(n in low for n in needles):
            continue  # cheap skip: most texts name no quarter, half-year or month count
        for m in regex.finditer(text):
            cand = handler(m, scan)
            if cand is not None and not _counted(text, cand):
                found.append(cand)
    return found


# «третий квартал подряд», «второй год подряд»: a count of periods, not a date
_IN_A_ROW_RE = re.compile(r"\s+подряд\b", re.IGNORECASE)


def _counted(text: str, c: _Cand) -> bool:
    """A period counted in a row, with no preposition that would make it a time."""
    if not _IN_A_ROW_RE.match(text, c.end):
        return False
    first = text[c.start : c.end].split(maxsplit=1)[0].lower()
    return first not in _TIME_PREPOSITIONS and _word_before(text, c) not in _TIME_PREPOSITIONS


def _longest_first(cands: list[_Cand]) -> list[_Cand]:
    """Drop candidates overlapping a longer one: a range wins over the dates inside it."""
    return first_disjoint(sorted(cands, key=lambda c: (c.start - c.end, c.start)), lambda c: (c.start, c.end))


# --- year-less dates and comparisons in context ------------------------------------------------


def _years_of(value: str | None) -> int | None:
    """The one year a value lies in («2021-10/2021-12» -> 2021); None for «2012/2016»."""
    if not value:
        return None
    years = {part[:4] for part in value.split("/")}
    return int(years.pop()) if len(years) == 1 else None


def _period_of_a_report(c: _Cand) -> bool:
    """A period a release may report on: a part of one year («январь – май 2026 года», «IV
    квартал», «2026 год»), or a run of days from a month's first («с 1 сентября по 30 ноября»)."""
    if c.kind == "period":
        return _years_of(c.value) is not None
    return c.kind == "days" and bool(c.value) and c.value[8:10] == "01"


def _contains(outer: str | None, inner: str | None) -> bool:
    """Whether the period `outer` contains `inner`: «2026» contains «2026-10/2026-12», which
    contains «2026-11-05». ISO values compare as text, a shorter end standing for its last day."""
    if not outer or not inner:
        return False
    outer_parts, inner_parts = outer.split("/"), inner.split("/")
    return outer_parts[0] <= inner_parts[0] and inner_parts[-1] + "~" <= outer_parts[-1] + "~"


def _split_year(value: str | None) -> int | None:
    """The last year of a season over two years («отопительного сезона 2026–2027 годов» ->
    2027), as a period counts among the reported years; None for any other value."""
    parts = value.split("/") if value else []
    if len(parts) != 2 or not all(len(p) == len("YYYY") and p.isdigit() for p in parts):
        return None
    first, last = int(parts[0]), int(parts[1])
    return last if last == first + 1 else None


def _first_year(value: str | None) -> int | None:
    """The year a run of years begins with («на 2026–2028 годы» -> 2026): a header naming it names
    a year."""
    return int(value[:4]) if value and value[:4].isdigit() and "/" in value else None


def _shift_months(value: str, shift: int) -> str | None:
    """The same day (the month's last if shorter) or month `shift` months away, a run of months
    moved whole; None for a year or outside the calendar."""
    parts = []
    for part in value.split("/"):
        if len(part) < 7:
            return None
        n = int(part[:4]) * 12 + int(part[5:7]) - 1 + shift
        year, month = divmod(n, 12)
        if _y(year) is None:
            return None
        if len(part) == 10:
            day = min(int(part[8:]), calendar.monthrange(year, month + 1)[1])
            parts.append(f"{year:04d}-{month + 1:02d}-{day:02d}")
        else:
            parts.append(f"{year:04d}-{month + 1:02d}")
    return "/".join(parts)


def _shift_year(value: str, shift: int) -> str | None:
    """The same day, month or period `shift` years away (29 February becomes the 28th); None
    when that year is outside the calendar."""
    parts = []
    for part in value.split("/"):
        year = _y(int(part[:4]) + shift)
        if year is None:
            return None
        leap_day = len(part) == 10 and part[5:] == "02-29"
        parts.append(f"{year}-02-28" if leap_day and _ymd(int(year), 2, 29) is None else year + part[4:])
    return "/".join(parts)


_DICTIONARY_TENSES = {"futr": "future", "past": "past", "pres": "present"}


def _tense(tok: Token) -> str | None:
    """The tense a token gives its sentence: "past", "present", "future" or None. Future markers
    («будет», «планируется») count as future verbs; a short past participle («была закрыта»,
    «выплачено») as the past."""
    if tok.text.lower().startswith(_FUTURE_STEMS):
        # a plan told in the past no longer says its date is ahead: «группа планировала работать в
        # сентябре» in an October release
        past_plan = tok.feats.get("VerbForm") == "Fin" and tok.feats.get("Tense") == "Past"
        return None if past_plan else "future"
    form, tense = tok.feats.get("VerbForm"), tok.feats.get("Tense")
    if tok.pos not in ("VERB", "AUX") or form != "Fin" and _finite_only(tok):
        # a finite verb the tagger read as something else («отгрузят» as a noun, «отгрузит» as a
        # short participle): the dictionary's one tense when it knows the word as such a verb only
        if _finite_only(tok):
            known = {p.tag.tense for p in tok.parses}
            return _DICTIONARY_TENSES.get(next(iter(known)) or "") if len(known) == 1 else None
        return None
    if form == "Fin":
        # the dictionary's one tense of a form over the tagger's guess («проиндексируют»: future)
        known = {p.tag.tense for p in tok.parses if p.tag.POS == "VERB"}
        if len(known) == 1 and (said := _DICTIONARY_TENSES.get(next(iter(known)) or "")):
            return said
        return {"Fut": "future", "Past": "past", "Pres": "present"}.get(tense or "")
    if form == "Part" and tok.feats.get("Variant") == "Short" and tense == "Past":
        return "past"
    return None


def _finite_only(tok: Token) -> bool:
    """The dictionary knows the word as a finite verb only (pymorphy's VERB is the finite form)."""
    return bool(tok.parses) and all(p.tag.POS == "VERB" for p in tok.parses)


# the words that open a clause of its own after a comma: «сообщил, что с 1 апреля центр начинает»
_CLAUSE_OPENERS = frozenset({"что", "чтобы", "где", "когда", "если", "как", "поскольку", "который", "которая",
                             "которое", "которые"})


# a weekday's name: «в понедельник» is resolved with the date after it, no year of its own
_WEEKDAY_WORD_RE = _rx(rf"{_BW}(?:{trie_pattern(list(_WEEKDAYS))}){_NW}")


# direct speech and the words of its speaker: «Откроем в августе», — рассказал директор; директор
# сказал: «Откроем в августе»
_CLOSING_QUOTES = frozenset({"»", "\"", "“"})
_OPENING_QUOTES = frozenset({"«", "\"", "„", "“"})
_SPEAKER_MARKS = frozenset({",", "—", "–", "-"})


def _opens_clause(toks: list[Token], k: int) -> bool:
    """Token k ends one clause and the next begins after it: «;», a comma before «что», «где»... or
    a verb of speech, a quote closing before its speaker's words, a colon opening a quote."""
    if toks[k].text == ";":
        return True
    if k + 1 >= len(toks):
        return False
    after = toks[k + 1].text
    if toks[k].text in _CLOSING_QUOTES and after in _SPEAKER_MARKS or toks[k].text == ":" and after in _OPENING_QUOTES:
        return True
    # «Заседание запланировано на 22 декабря, сообщила секретарь»: the speaker's words
    return toks[k].text == "," and (after.lower() in _CLAUSE_OPENERS or toks[k + 1].lemma in speech_verbs())


def _told_after_colon(toks: list[Token], k: int) -> bool:
    """Token k is a colon right after a verb, what was said or found after it: «Жителей
    предупредили: в ночь с 28 на 29 июля возможны перебои»."""
    return toks[k].text == ":" and k > 0 and toks[k - 1].pos == "VERB" and toks[k - 1].feats.get("VerbForm") == "Fin"


def _clause_of(toks: list[Token], a: int, b: int, at: int) -> tuple[int, int]:
    """The token range of the clause around token `at`, within [a, b) and TENSE_REACH tokens of it
    (a sentence of a thousand dates stays linear)."""
    a, b = max(a, at - TENSE_REACH), min(b, at + TENSE_REACH)
    lo = next((k + 1 for k in range(at - 1, a - 1, -1) if _opens_clause(toks, k)), a)
    # «Семьи, которые получили статус после 1 июля, могут обратиться»: a relative clause between
    # commas ends at the next comma
    relative = lo > a and toks[lo].lemma == "который"
    hi = next((k for k in range(at, b) if _opens_clause(toks, k) or relative and toks[k].text == ","), b)
    return lo, hi


def _tense_near(offsets: Offsets, lo: int, hi: int, pos: int, end: int | None = None) -> str | None:
    """Tense of the verb nearest to `pos` among the tokens of text[lo:hi] (at most TENSE_REACH
    tokens away on either side), in the date's own clause when that has a verb: «Министр
    сообщил, что с 1 апреля центр начинает» speaks of what is to come."""
    a, b = offsets.token_range(lo, hi)
    at = offsets.first_token(pos)
    toks = offsets.tagged.tokens
    clause = _clause_of(toks, a, b, at)
    end = pos if end is None else end
    tense = _nearest_tense(toks, *clause, at, pos, end)
    first = clause[0]
    if tense == "past" and first > 0 and toks[first].text.lower() == "чтобы" and toks[first - 1].text == ",":
        return "future"  # «..., чтобы школа приняла учеников 1 сентября»: a purpose, still to come
    colon = next((k for k in range(at - 1, first - 1, -1) if _told_after_colon(toks, k)), None)
    if colon is not None and _nearest_tense(toks, colon + 1, clause[1], at, pos, end) is None:
        return None  # what was said, with no verb of its own, is not of the time it was said
    return tense or _nearest_tense(toks, a, b, at, pos, end)


def _nearest_verb_form(offsets: Offsets, lo: int, hi: int, start: int, end: int) -> str | None:
    """The form of the verb nearest to the date at [start, end) in its clause: «Inf» («позволило
    нам с 1 февраля уменьшить» is the infinitive's date), «Part» for a full participle
    («приобретенного в марте оператора»), «Fin» or a short participle's «Part:Short»."""
    k = _nearest_verb(offsets, lo, hi, start, end)
    if k is None:
        return None
    tok = offsets.tagged.tokens[k]
    form = tok.feats.get("VerbForm")
    return f"{form}:Short" if form == "Part" and tok.feats.get("Variant") == "Short" else form


def _done_infinitive(offsets: Offsets, lo: int, hi: int, start: int, end: int) -> bool:
    """The date's nearest verb is an infinitive a phase verb governs: what it tells did happen
    («заявки мы начали принимать еще в декабре»), unlike a proposal («предложил провести в июне»)."""
    k = _nearest_verb(offsets, lo, hi, start, end)
    toks = offsets.tagged.tokens
    if k is None or toks[k].feats.get("VerbForm") != "Inf":
        return False
    k -= 1
    while k >= 0 and toks[k].pos in ("ADV", "PART"):
        k -= 1  # «начали активно принимать», «стали уже выплачивать»
    return k >= 0 and toks[k].pos in ("VERB", "AUX") and toks[k].lemma in _PHASE_VERBS


def _nearest_verb(offsets: Offsets, lo: int, hi: int, start: int, end: int) -> int | None:
    """The token of the verb nearest to the date at [start, end) in its clause."""
    a, b = offsets.token_range(lo, hi)
    at = offsets.first_token(start)
    toks = offsets.tagged.tokens
    a, b = _clause_of(toks, a, b, at)
    verbs = [
        k for k in range(a, b)
        if toks[k].pos in ("VERB", "AUX") and not _modifies_a_later_noun(toks, at, k, end)
        and not _participle_set_off(toks, at, k)
    ]
    if not verbs:
        return None
    return min(verbs, key=lambda k: start - toks[k].end if toks[k].end <= start else toks[k].start - end)


def _participle_set_off(toks: list[Token], at: int, k: int) -> bool:
    """A full participle before the date with a comma between: its phrase, set off by commas, is
    not the date's («поручил в сентябре провести проверки перевозчиков, допустивших нарушения, а в
    IV квартале — проверку»)."""
    return k < at and _full_participle(toks[k]) and any(t.text == "," for t in toks[k + 1 : at])


def _modifies_a_later_noun(toks: list[Token], at: int, k: int, end: int) -> bool:
    """A full participle after the date with a noun between: it describes a noun of the clause,
    the date is not its own («С 1 февраля стоимость гарантированного перечня услуг составит»)."""
    if toks[k].start < end or not _full_participle(toks[k]):
        return False
    return any(t.pos in ("NOUN", "PROPN") and t.start >= end for t in toks[at:k])


def _full_participle(tok: Token) -> bool:
    return tok.feats.get("VerbForm") == "Part" and tok.feats.get("Variant") != "Short"


# how many tokens back a short participle's «будет» may stand: «будет показан в пятницу, 27 марта, и повторен»
FUTURE_AUX_REACH = 10


def _after_future_auxiliary(toks: list[Token], a: int, k: int) -> bool:
    """A short participle at k with «будет» / «будут» before it, nothing but its coordinated
    participles and their dates between; or with a must or may and «быть» («должен быть сдан до 1
    июля», «может быть продлен»)."""
    if toks[k].feats.get("Variant") != "Short":
        # a past «быть» after a must is a must of the past: «должны были завершиться до 30 июня»
        return k > a and _tense(toks[k - 1]) == "future" and toks[k].lemma != "быть"
    for j in range(k - 1, a - 1, -1):
        if toks[j].text.lower().startswith(_FUTURE_STEMS) or toks[j].lemma == "должный":
            # «будет», «должен», «может», «должно быть передано»; not a verb of its own («Напомним, в
            # мае назначен»)
            return True
        if toks[j].text.lower() == "быть":
            continue
        if toks[j].pos in ("VERB", "AUX") and toks[j].feats.get("Variant") != "Short":
            return False
    return False


def _parenthetical(toks: list[Token], k: int) -> bool:
    """«Напомним,», «Отметим,», «Добавим,»: a first-person plural set off by a comma speaks to the
    reader, not of the time of what follows («Напомним, в феврале ... перешел»)."""
    tok = toks[k]
    return (
        tok.pos == "VERB"
        and tok.feats.get("Person") == "1"
        and tok.feats.get("Number") == "Plur"
        and k + 1 < len(toks)
        and toks[k + 1].text == ","
    )


def _attribution_after(toks: list[Token], at: int, k: int) -> bool:
    """«... начиная с января, — заявил председатель»: the verb after a comma and a dash names who
    said the words before it, and is not of their time."""
    return k > at + 2 and toks[k - 1].text in ("—", "–") and toks[k - 2].text in (",", "!", "?", "…")


def _nearest_tense(toks: list[Token], a: int, b: int, at: int, pos: int, end: int) -> str | None:
    """The tense of the verb nearest the date at [pos, end): a verb after it counts from its end."""
    best: tuple[int, str] | None = None
    for k in range(max(a, at - TENSE_REACH), min(b, at + TENSE_REACH)):
        tok = toks[k]
        tense = _tense(tok) if not _parenthetical(toks, k) and not _attribution_after(toks, at, k) else None
        if tense == "past" and _after_future_auxiliary(toks, max(a, k - FUTURE_AUX_REACH), k):
            # «будут опубликованы», «будет показан ..., и повторен 28 марта»: a short participle
            # after «будет» is to come
            tense = "future"
        elif tense == "future" and _past_of_be(toks, k + 1):
            tense = "past"  # «должна была составить 85% к 1 декабря»: a plan told as it stood then
        if tense is not None:
            dist = pos - tok.end if tok.end <= pos else tok.start - end
            # a verb past a comma is farther than its characters: «подписан в ноябре, сообщает»
            between = toks[k + 1 : at] if k < at else toks[at:k]
            if any(t.text == "," for t in between) or _coordinated_after(toks, at, k):
                dist += COMMA_DISTANCE
            if best is None or dist < best[0]:
                best = (dist, tense)
    return best[1] if best else None


def _past_of_be(toks: list[Token], k: int) -> bool:
    """«была», «были» at k: a future marker before it («должны были») tells of the past."""
    return k < len(toks) and toks[k].lemma == "быть" and toks[k].feats.get("Tense") == "Past"


# what a comma between a date and a verb adds to their distance in characters
COMMA_DISTANCE = 20


def _coordinated_after(toks: list[Token], at: int, k: int) -> bool:
    """The verb at k follows the date at `at` right after «и»: the next of two coordinated
    predicates, as far from the date as past a comma («приступил к работам в понедельник и должен
    завершить их»)."""
    return k > at + 1 and toks[k - 1].text.lower() == "и"


# «−5,7% к марту 2024 года», «+3 п.п. к 2023 году»: a percentage's comparison base
_PERCENT_BASE_RE = re.compile(r"(?:%|п\.\s?п\.|процент[а-яё]*|пункт[а-яё]*)\s+ко?\s+\Z", re.IGNORECASE)


# a figure's earlier value in brackets after it: «18,9% (21,4% в 1П 2025 года)», «(3,1 млрд рублей
# за 2025 год)»: its date is a comparison base
_BRACKET_FIGURE_RE = re.compile(r"\(\s*[-+−–]?\d[^()\n]*\Z")
# how far back the opening bracket of such a figure is looked for
BRACKET_FIGURE_REACH = 60


# the word before a year reported on («за 2025 год»)
_REPORTED = frozenset({"за"})


class _Context:
    """Sentences, lines and comparison bases of a text's candidates, for `_in_context`."""

    def __init__(
        self, text: str, offsets: Offsets, cands: list[_Cand], release_date: datetime.date | None = None
    ) -> None:
        self.text = text
        self.release_date = release_date.isoformat() if release_date else None  # the text's reference date
        self.release_year = release_date.year if release_date else None
        self.head = _head(text)  # where the release's own dateline stands
        self.offsets = offsets
        self.cands = cands
        # the candidates whose year a relative one lent («до конца июля» after «в прошлом году»)
        self.told_from_reference: set[int] = set()
        self.base = []
        for i, c in enumerate(cands):
            lo = max(self.sentence(c.start)[0], cands[i - 1].end if i else 0, c.start - MARKER_WINDOW)
            self.base.append(bool(
                _MARKER_RE.search(text[lo : c.start])
                or _PERCENT_BASE_RE.search(text, lo, c.start)
                or _BRACKET_FIGURE_RE.search(text, max(0, c.start - BRACKET_FIGURE_REACH), c.start)
            ))

    def sentence(self, pos: int) -> tuple[int, int]:
        return self.offsets.sentence(pos)

    def line(self, pos: int) -> tuple[int, int]:
        end = self.text.find("\n", pos)
        return self.text.rfind("\n", 0, pos) + 1, len(self.text) if end < 0 else end

    def anchor(self, j: int, period: bool) -> int | None:
        """The year candidate `j` lends to a year-less date: it names its year itself, is not a
        comparison base and, for a year-less period, is not a single day."""
        c = self.cands[j]
        if c.relative and not _PAST_YEAR_RE.fullmatch(self.text, c.start, c.end):
            return None  # «в прошлом году» lends its year: «В прошлом году обработки вели до конца июля»
        if c.make is not None or c.kind not in ("day", "period") or self.base[j]:
            return None
        if period and c.kind == "day":
            return None
        if c.value and c.value.isdigit() and _bound(self.text, c, _TARGET_WORDS | {"после"}):
            return None  # «проданный до 2025 года», «к 2030 году»: when something ends or is due
        if self.release_year and not period and c.value and c.value.isdigit() and int(c.value) < self.release_year and (
            _bound(self.text, c, _REPORTED)
        ):
            # «дивиденды за 2025 год ... — 14 августа» in a release of 2026: a past year reported
            # on dates no day after it; the release's date does
            return None
        return _years_of(c.value)

    @cached_property
    def anchors_before(self) -> tuple[list[int | None], list[int | None]]:
        """For each candidate, the index of the nearest candidate before it that lends a year to
        a year-less day, and to a year-less period: one pass, so a sentence of a thousand
        year-less dates stays linear."""
        for_day: list[int | None] = []
        for_period: list[int | None] = []
        day = period = None
        for j in range(len(self.cands)):
            for_day.append(day)
            for_period.append(period)
            if self._told_from_reference(j) and self.cands[j].value:
                # «Библиотека открыта в 1926 году. Сегодня ... за девять месяцев»: a date told from
                # the reference date («сегодня», «в этом году») ends the years named before it; the
                # dates after it are told from the reference date too
                day = period = None
            if self.anchor(j, False) is not None:
                day = j
            if self.anchor(j, True) is not None:
                period = j
        return for_day, for_period

    def _told_from_reference(self, j: int) -> bool:
        """A relative date of its own, not a weekday («в понедельник 4 октября» is the day after it)."""
        c = self.cands[j]
        return (
            c.relative and c.make is None and c.kind in ("day", "period", "near")
            and not _WEEKDAY_WORD_RE.search(self.text, c.start, c.end)
        )

    def year_for(self, i: int) -> tuple[int | None, bool]:
        """The nearest year named before a year-less date in its sentence; else a year it is
        coordinated with («четвертый квартал и 2021 год»); else one before it on its line; and
        whether it comes from the date's own sentence."""
        c = self.cands[i]
        period = c.kind == "period"
        lo, hi = self.sentence(c.start)
        j = self.anchors_before[1 if period else 0][i]
        if j is not None and (
            self._plan_year(j) and (
                _deadline(self.text, c) or _word_before(self.text, c) == "на" or self._plan_period_end(j)
            ) or self._term(j) and _starts(self.text, c)
        ):
            # «квоты на 2026 год будут распределены до 1 декабря», «слушания по бюджету на 2027 год –
            # на 26 ноября»: the quotas' or the budget's year, not the deadline's or the day set; the
            # last year of a budget's plan period never dates a day («на 2027 год и плановый период
            # 2028 и 2029 годов пройдут 1 декабря»); nor is the year a term is for when something
            # begins («подписную кампанию на первое полугодие 2027 года. Оформить подписку можно с 1 сентября»)
            j = None
        if j is not None and self.cands[j].relative and (
            self.cands[j].start < lo or _CONTRAST_RE.search(self.text, self.cands[j].end, c.start) is not None
        ):
            # «в прошлом году» lends its year to its own clause only: not «..., а в январе – августе»
            j = None
        if j is not None and self._since_year(j) and _ANOTHER_CLAUSE_RE.search(self.text, self.cands[j].end, c.start):
            # «руководивший университетом с 2011 года, в марте был избран», «руководил отделением с
            # 2019 года и в июле перешел»: a time lasting till now is no year for another clause
            j = None
        if j is not None and self.cands[j].start >= lo and self._next_in_a_story(j, c, lo, hi):
            # «Контракт был заключен в ноябре 2024 года, теплоходы переданы в мае и июле»: a month told
            # after another clause's later month of a year came after it, not before
            j = None
        if j is not None and self.cands[j].start >= lo:
            # «выйдет в III квартале 2027 года, а поставки начнутся в ноябре»: another clause's year
            # counts as another sentence's for what is still to come
            other_clause = _CONTRAST_RE.search(self.text, self.cands[j].end, c.start) is not None and (
                _tense_near(self.offsets, lo, hi, c.start, c.end) in ("future", "present")
            )
            if self.cands[j].relative:
                self.told_from_reference.add(i)
            return self.anchor(j, period), not other_clause
        if i + 1 < len(self.cands) and self.cands[i + 1].start < hi:
            if _COORD_RE.match(self.text[c.end : self.cands[i + 1].start]):
                if (year := self.anchor(i + 1, period)) is not None:
                    return year, True
        line_lo = max(self.line(c.start)[0], c.start - LINE_YEAR_REACH)
        # a target set in another sentence dates nothing standing now («завершить до конца 2027 года
        # строительство. ... готовность на 1 ноября составляет 42%»); what is still to come may share
        # its year («до апреля 2010 года ... С 20 апреля будут»), and a day reached in the past is no
        # target («до 7 апреля 2006 года регистрировались»)
        target = j is not None and _deadline(self.text, self.cands[j]) and (
            _tense_near(self.offsets, lo, hi, c.start, c.end) != "future"
            and not _past_day_bound(self.text, self.cands[j], self.offsets)
        )
        if j is not None and self.cands[j].start >= line_lo and not self._since_year(j) and not target:
            year = self.anchor(j, period)
            if year is not None and (
                self._now_after(year, lo, hi, c) or self._release_year_first(year)
                or self._past_after_a_plan(j, lo, hi, c)
            ):
                return None, False
            return year, False
        return None, False

    def _release_year_first(self, year: int) -> bool:
        """A past year another sentence named lends a year-less date no year when the release has a
        date of its own: «В 2025 году спрос вырос на 35%. В I квартале загрузка составила 91%» (a
        release of April 2026) speaks of the release's own time."""
        return self.release_year is not None and year < self.release_year

    def _next_in_a_story(self, j: int, c: _Cand, lo: int, hi: int) -> bool:
        """A year-less month or day in a clause after the one of the dated month or day `j`, told in
        the past, that falls before `j` in `j`'s year: told in turn, it happened later."""
        a = self.cands[j]
        if c.make is None or a.value is None or "/" in a.value or len(a.value) < len("2024-11") or a.relative:
            return False
        own = c.make(int(a.value[:4]))
        if own is None or ", " not in self.text[a.end : c.start] or own[:7] >= a.value[:7]:
            return False
        return _tense_near(self.offsets, lo, hi, c.start, c.end) == "past"

    def _now_after(self, year: int, lo: int, hi: int, c: _Cand) -> bool:
        """«Область присоединилась к системе в 2023 году. Сейчас уход получают 1 126 человек, на 9%
        больше, чем на 1 января»: a sentence told in the present speaks of the release's year, not
        of a past year another sentence named."""
        return (
            self.release_year is not None
            and year < self.release_year
            and _tense_near(self.offsets, lo, hi, c.start, c.end) == "present"
        )

    def _past_after_a_plan(self, j: int, lo: int, hi: int, c: _Cand) -> bool:
        """«В 2026 году компания планирует инвестировать ... Директор уточнила, что на 31 декабря
        нагрузка не превышала 0,8 EBITDA»: a year another sentence plans for lends none to a day
        told in the past."""
        a = self.cands[j]
        tense = _tense_near(self.offsets, *self.sentence(a.start), a.start, a.end)
        return _planned(self.offsets, a, tense) and _tense_near(self.offsets, lo, hi, c.start, c.end) == "past"

    def anchor_told_as_past(self, i: int) -> bool:
        """Whether the year before a year-less date in its sentence is one told of in the past
        tense («Прибыль 2024 года выросла, а в третьем квартале удвоилась»), not a plan's («бюджет
        на 2027 год», «будет готов в III квартале 2027 года»)."""
        c = self.cands[i]
        j = self.anchors_before[1 if c.kind == "period" else 0][i]
        if j is None or self._plan_year(j):
            return False
        a = self.cands[j]
        return _tense_near(self.offsets, *self.sentence(a.start), a.start, a.end) == "past"

    def _since_year(self, j: int) -> bool:
        """A whole year or a month of a year after «с» («С 2019 года работала главным врачом»,
        «возглавлявший МУП с марта 2021 года»): a time that lasts till now, no year a later clause
        or sentence goes on in («Прежний министр в декабре перешел ...»)."""
        c = self.cands[j]
        return bool(c.value) and _YEAR_OR_MONTH_RE.fullmatch(c.value) is not None and _bound(
            self.text, c, _START_WORDS
        )

    def _plan_year(self, j: int) -> bool:
        """A whole year after «на», or ending a plan's years after it («на 2027 год и плановый период
        2028 и 2029 годов»): the year a plan, a quota or a budget is for."""
        c = self.cands[j]
        if not (c.value and len(c.value) == 4 and c.value.isdigit()):
            return False
        return _word_before(self.text, c) == "на" or self._plan_period_end(j)

    def _term(self, j: int) -> bool:
        """A year or a part of one after «на»: what a plan, a contract or a subscription is for («на
        2027 год», «на первое полугодие 2027 года»)."""
        c = self.cands[j]
        return bool(c.value) and c.value[:4].isdigit() and _word_before(self.text, c) == "на"

    def _plan_period_end(self, j: int) -> bool:
        """The year at j ends a budget's plan period: «на 2027 год и плановый период 2028 и | 2029 годов»."""
        c = self.cands[j]
        return bool(_PLAN_YEARS_RE.search(self.text, max(0, c.start - PLAN_YEARS_REACH), c.start))

    def _fell_on(self, c: _Cand) -> bool:
        """«из них 4,6 млрд кВт·ч пришлось на IV квартал»: a share a past period took, not a plan."""
        return bool(_FELL_ON_RE.search(self.text, *self.sentence(c.start)))

    def ref_year(self, i: int, ref: datetime.date | None, year: int) -> int:
        """The reference year, or the year before it for a date later in the year than the
        reference date in a report: a quarter or half-year when its nearest verb is in the past
        tense or there is none («в четвертом квартале» of a February release; «стартует в III
        квартале» is still to come), a day or month when its
        nearest verb is in the past tense («15 марта была закрыта сделка»)."""
        c = self.cands[i]
        ended = _ENDED_ON_RE.match(self.text, c.end)
        if ended and c.kind == "period":
            return int(ended.group("y"))
        value = c.make(year) if c.make else None
        if value is None or ref is None:
            return year  # a year the text gives, without a day to compare with
        # a period not yet over at the reference date is this year's only when still to come
        last = value.split("/")[-1]
        if last < ref.isoformat()[: len(last)]:
            if self.base[i]:
                return year  # a comparison's base is behind: «больше, чем на 1 января» in November
            if c.is_day and _word_before(self.text, c) == "на" and -_days_ahead(value, ref) <= START_AHEAD_DAYS:
                return year  # «На 1 августа готовы 63% домов» on 5 August: a state as of a day just past
            if self._new_year_ahead(c, year, ref):
                return year + 1  # «на новогодние праздники, с 25 декабря по 10 января» in mid-December
            # over already this year: a deadline still to come is next year's («проведёт торги до
            # конца января» in November)
            tense = _tense_near(self.offsets, *self.sentence(c.start), c.start, c.end)
            deadline = _deadline(self.text, c)
            # «завершить интеграцию приобретенного в марте оператора»: a participle's date is its own
            participle = _nearest_verb_form(self.offsets, *self.sentence(c.start), c.start, c.end) == "Part"
            under_way = self._under_way(i, year, ref)
            if tense == "future" and not participle and not under_way and (deadline or _when(self.text, c)) or (
                deadline and tense == "present"
            ):
                return year + 1  # «с 1 января пенсии будут проиндексированы» in December
            if tense in ("present", "future") and not participle and _months_behind(last, ref) > HALF_A_YEAR:
                return year + 1  # «Пенсии за январь ... доставят досрочно» in late December
            if _set_for(self.text, c) and _months_behind(last, ref) > HALF_A_YEAR:
                return year + 1  # «Следующее заседание назначено на 29 января» in December
            instructed = not participle and deadline and _nearest_verb_form(
                self.offsets, *self.sentence(c.start), c.start, c.end
            ) == "Inf"
            if instructed and _months_behind(last, ref) > HALF_A_YEAR:
                return year + 1  # «поручил министерству до 1 марта подготовить меры» in December
            return year
        if last == ref.isoformat()[: len(last)]:
            return year
        first = value.split("/")[0]
        if "/" in value and len(first) == len("2026-10-20") and first <= ref.isoformat():
            return year  # «Выставка проходила 20–23 октября» in a release of 22 October: days under way
        if "/" in value and len(first) == len("2026-10") and first <= ref.isoformat()[:7] and (
            _nearest_verb_form(self.offsets, *self.sentence(c.start), c.start, c.end) in ("Part", "Inf")
            or _QUARTER_OR_HALF_RE.search(self.text, c.start, c.end)
        ):
            # «изменения, предусматривающие 12 млн рублей на погашение долга в IV квартале» in November:
            # a quarter under way, told by no finite verb, is no past report; one named as a quarter
            # or a half-year is this year's whatever its verb («в третьем квартале выделено» on 7 July:
            # blind releases' gold: 277 of 277 such periods)
            return year
        if _deadline(self.text, c) or _set_for(self.text, c):
            return year  # «поручил до 1 сентября завершить», «второе чтение назначено на 11 декабря»
        if c.is_day and _bound(self.text, c, _EFFECT_WORDS) and _days_ahead(value, ref) <= EFFECT_AHEAD_DAYS:
            # «С 1 сентября исполняющим обязанности назначен» on 28 July: an order signed before it takes effect
            return year
        if c.is_day and _bound(self.text, c, _START_WORDS) and _days_ahead(value, ref) <= START_AHEAD_DAYS:
            return year  # «после 21 января» told in the past on 20 January
        if self.set_to_begin(c, first, ref):
            return year  # «сбор разрешен с 20 августа по 30 ноября» on 14 August: a span set to begin soon
        if c.is_day and _word_before(self.text, c) == "на" and _days_ahead(value, ref) <= START_AHEAD_DAYS:
            # «Загрузка отелей на 9 мая уже достигла 92%» on 28 April: a state for a day just ahead (no
            # state «на» a day is reported before the day)
            return year
        if c.kind == "period" and _word_before(self.text, c) == "на" and not self._fell_on(c):
            return year  # «лимит на III квартал», «план на второе полугодие»: a plan for what is to come
        if c.is_day and _days_ahead(value, ref) <= STATE_AHEAD_DAYS and self._state_set(c):
            return year  # «занятия в школах 12 ноября отменены» on 11 November: a state set for a day ahead
        tense = _tense_near(self.offsets, *self.sentence(c.start), c.start, c.end)
        sentence = self.sentence(c.start)
        if tense == "past" and _nearest_verb_form(self.offsets, *sentence, c.start, c.end) == "Inf" and not (
            _done_infinitive(self.offsets, *sentence, c.start, c.end)
        ):
            # «предложил провести опрос с 1 по 15 июня»: what was proposed or agreed is to come
            return year
        if tense == "past" and c.is_day and _days_ahead(value, ref) <= START_AHEAD_DAYS and not self._verb_next(c):
            # «добавили показ 20 сентября» on 11 September: a day just ahead a noun names, not one 11
            # months back («Выставка 14 ноября была закрыта» tells its verb when)
            return year
        if tense == "past" or tense is None and c.kind == "period" and "/" in value:
            return year - 1
        if tense == "present" and _starts(self.text, c) and -_months_behind(first, ref) > HALF_A_YEAR:
            # «руководит компанией с декабря» in February: a state lasting since a month gone, not one
            # to begin most of a year ahead (that is told in the future)
            return year - 1
        return year

    def _verb_next(self, c: _Cand) -> bool:
        """A verb or its auxiliary right after the date: the date is that verb's time."""
        toks = self.offsets.tagged.tokens
        k = self.offsets.first_token(c.end)
        return k < len(toks) and toks[k].pos in ("VERB", "AUX")

    def _under_way(self, i: int, year: int, ref: datetime.date) -> bool:
        """A start («с 15 апреля») whose span ends, in its sentence, on a day still ahead this year
        («продлится до 31 мая» on 12 May): the span is under way, begun this year."""
        c = self.cands[i]
        if not _bound(self.text, c, _START_WORDS):
            return False
        sentence = self.sentence(c.start)
        for end in self.cands[i + 1 :]:
            if end.start >= sentence[1]:
                break
            value = end.make(year) if end.make is not None else end.value
            if value is not None and _bound(self.text, end, _TARGET_WORDS):
                return value.split("/")[-1] >= ref.isoformat()[: len(value.split("/")[-1])]
        return False

    def set_to_begin(self, c: _Cand, first: str, ref: datetime.date) -> bool:
        """A span of days told from its start within a month ahead, as a state in force or what is
        or will be: «сбор разрешен с 20 августа по 30 ноября» on 14 August (not «Выставка прошла с 20
        по 25 августа», told in the past)."""
        if not _told_from_its_start(self.text, c, first) or not 0 < _days_ahead(first, ref) <= START_AHEAD_DAYS:
            return False
        return self._state_set(c) or _tense_near(self.offsets, *self.sentence(c.start), c.start, c.end) in (
            "present", "future"
        )

    def _state_set(self, c: _Cand) -> bool:
        """The date's nearest verb is a short participle with no past auxiliary: a state in force
        («отменены», «закрыта»), which may hold for a day to come; «была закрыта» tells of the past."""
        sentence = self.sentence(c.start)
        if _nearest_verb_form(self.offsets, *sentence, c.start, c.end) != "Part:Short":
            return False
        a, b = self.offsets.token_range(*sentence)
        return not any(t.lemma == "быть" and t.feats.get("Tense") == "Past" for t in self.offsets.tagged.tokens[a:b])

    @staticmethod
    def _new_year_ahead(c: _Cand, year: int, ref: datetime.date) -> bool:
        """A run of days over the new year that, ending next year, starts within a month after the
        reference date: the holidays ahead, not the ones a year back."""
        later = c.make(year + 1) if c.make else None
        if later is None or "/" not in later or later[:4] == later.split("/")[1][:4]:
            return False
        first = later.split("/")[0]
        return len(first) == len("2025-12-25") and 0 <= _days_ahead(first, ref) <= START_AHEAD_DAYS

    def _ahead_of_release(self, c: _Cand) -> bool:
        """A target, or a date in a year after the release's in a sentence about the future: what
        is planned is compared with nothing («запустить во II квартале 2028 года, к 2030 году ...
        больше, чем годом ранее»)."""
        if _bound(self.text, c, _TARGET_WORDS):
            return True
        year = _years_of(c.value)
        if self.release_year is None or year is None or year <= self.release_year:
            return False
        return _tense_near(self.offsets, *self.sentence(c.start), c.start, c.end) == "future"

    def focus(self, i: int) -> str | None:
        """The period a comparison («годом ранее») refers back to: the nearest date before it in
        its own sentence or the one before, else the period the release reports on
        (`_reported_period`), else the nearest date before it anywhere. A date is a focus when it
        has a value and is not itself a comparison base (`_may_focus`)."""
        own = self.sentence(self.cands[i].start)
        nearest = next((j for j in range(i - 1, max(-1, i - FOCUS_DATES), -1) if self._may_focus(i, j)), None)
        if nearest is not None and self._near_sentence(self.cands[nearest], own):
            return self._focus_value(i, nearest)
        focus = self._reported_period(i)
        focus = nearest if focus is None else focus
        return None if focus is None else self._focus_value(i, focus)

    def _near_sentence(self, c: _Cand, own: tuple[int, int]) -> bool:
        """Whether `c` stands in the sentence `own` or the one before it in its paragraph: a date
        of another paragraph («Ранее, в августе, на нее был наложен штраф») is no period compared,
        unless the sentence points back at it («За это время ...»)."""
        if self.sentence(c.start) == own:
            return True
        if self.sentence(c.start) != self.sentence(max(0, own[0] - 1)):
            return False
        pointed = _POINTING_BACK_RE.search(self.text, own[0], own[1]) is not None
        return "\n" not in self.text[c.end : own[0]] or pointed

    def _reported_period(self, i: int) -> int | None:
        """The period a comparison far from any date compares («Чистая прибыль ... против 5,2 млрд
        рублей годом ранее» paragraphs after «за девять месяцев 2026 года»): the period nearest
        before it, or the first one the release names when that one contains it («по итогам 2026
        года ... В IV квартале ... Выручка выросла ... против 2 190 долларов годом ранее»). A period
        is a part of one year or a run of days from a month's first («С 1 января по 15 мая»); a
        shorter run of days is an event («первенство прошло с 6 по 8 февраля»), not a period reported,
        nor is a year something began in («с 2009 года был женат»)."""
        periods = [
            j for j in range(max(0, i - FOCUS_DATES), i)
            if _period_of_a_report(self.cands[j]) and not _bound(self.text, self.cands[j], _START_WORDS)
            and self._may_focus(i, j, days_anywhere=True)
        ]
        if not periods:
            return None
        first, nearest = periods[0], periods[-1]
        return first if _contains(self.cands[first].value, self.cands[nearest].value) else nearest

    def _may_focus(self, i: int, j: int, days_anywhere: bool = False) -> bool:
        """Whether the date `j` may be what the comparison `i` refers back to."""
        c = self.cands[j]
        # a range of days is the period compared only in the comparison's own sentence («С 31
        # декабря по 11 января ... 54 пожара, меньше, чем за аналогичный период прошлого года»)
        # or the one right before it («С 28 марта по 30 апреля ... 214 домов. Это на 63% меньше,
        # чем за тот же период прошлого года»), unless it is a period reported
        own = self.sentence(self.cands[i].start)
        days = c.kind == "days" and (
            days_anywhere or self.sentence(c.start) in (own, self.sentence(max(0, own[0] - 1)))
        )
        # nor the day a rule took effect («сказалось изменение условий с 1 февраля»): no period
        start = c.kind == "day" and _bound(self.text, c, _START_WORDS) and not self._run_to_release(i, j)
        reached = self.sentence(c.start) == own and self._day_reached(c)
        skipped = self.base[j] or start or self._ahead_of_release(c) and not reached or self._a_year_back(j)
        return bool(c.value) and (c.kind in ("day", "period") or days) and not skipped and not self._after_release(i, c)

    def _run_to_release(self, i: int, j: int) -> bool:
        """«с 1 мая площадь пожаров на 18% меньше, чем за тот же период прошлого года»: a day things
        are counted from, in the comparison's own sentence, runs to the release's date."""
        c = self.cands[j]
        asks_a_period = "период" in self.text[self.cands[i].start : self.cands[i].end].lower()
        return (
            asks_a_period and self.release_date is not None and c.kind == "day" and bool(c.value)
            and self.sentence(c.start) == self.sentence(self.cands[i].start)
            and _bound(self.text, c, _START_WORDS) and c.value < self.release_date
        )

    def _after_release(self, i: int, c: _Cand) -> bool:
        """A period of the release's year that begins after the release's date («запустят в III
        квартале») has no figures yet: no comparison looks back at it; nor at such a day when the
        comparison asks for a period («проведет прием 10 июня. За аналогичный период прошлого года
        ...»). A day ahead still gives its year to «годом ранее» («выйдут на старт 5 декабря, на 15%
        больше, чем годом ранее»). A later year is `_ahead_of_release`'s: a reference date given
        from outside may be stale."""
        if not c.value or self.release_date is None:
            return False
        asks_a_period = "период" in self.text[self.cands[i].start : self.cands[i].end].lower()
        if c.kind == "day" and not asks_a_period:
            return False
        begins = c.value.split("/")[0]
        return begins[:4] == self.release_date[:4] and begins > self.release_date[: len(begins)]

    def _focus_value(self, i: int, j: int) -> str | None:
        """What a comparison referring back to the date `j` compares: none for the release's own date,
        the year of a day something happened on, the run from a day counted from to the release's date,
        else the date's value."""
        c = self.cands[j]
        if self._dateline(c) or self._release_day(i, c):
            return None
        if self._run_to_release(i, j):
            return _period(c.value, self.release_date)
        return c.value[:4] if c.value and self._day_of_an_event(i, c) else c.value

    def _a_year_back(self, j: int) -> bool:
        """A period named a year before one named just ahead of it: «за январь – сентябрь 2026 года ...
        тогда как по итогам девяти месяцев 2025 года»; the later one is the period reported."""
        c = self.cands[j]
        # a part of a year only: a whole year a year back is as often the year compared («в 2025 году ...
        # годом ранее»)
        later = _shift_year(c.value, 1) if c.value and c.kind == "period" and "-" in c.value else None
        return later is not None and any(
            self.cands[k].value == later for k in range(max(0, j - FOCUS_DATES), j)
        )

    def _day_reached(self, c: _Cand) -> bool:
        """«к 1 сентября собрали 412 тыс. тонн, на 9,4% больше, чем на аналогичную дату прошлого
        года»: a day reached, told in the past, is what a comparison in its sentence compares,
        though «к» makes it look like a target (not a day something lasted until: «до 7 октября»)."""
        return c.kind == "day" and _word_before(self.text, c) in SNAPSHOT_WORDS and _past_day_bound(
            self.text, c, self.offsets
        )

    def _day_of_an_event(self, i: int, c: _Cand) -> bool:
        """A day something happened on («прием документов завершился 25 августа»), not a day a
        figure stands at («на 1 апреля», «к 1 сентября»): a year's comparison after it («на 9%
        больше, чем годом ранее») compares the year's figure, not that day's a year back."""
        return c.kind == "day" and not self.cands[i].cmp_months and _word_before(self.text, c) not in SNAPSHOT_WORDS

    def _release_day(self, i: int, c: _Cand) -> bool:
        """The release's date in the header however it is written («2 сентября 2026, 11:15»,
        «ИРКУТСК, 4 июня 2025 г. Университет ...»): a year's comparison after it («годом ранее»)
        is of the year before, not of that day a year back; a month's («месяцем ранее») keeps it."""
        return (
            c.kind == "day" and c.value == self.release_date and c.end <= len(self.head)
            and not self.cands[i].cmp_months
        )

    def _dateline(self, c: _Cand) -> bool:
        """The release's own date on its line in the header («Кострома, 27 августа 2026 года»): what
        a comparison after it refers back to is the year reported, not that day."""
        head = self.head
        if c.kind != "day" or c.end > len(head) or _line_score(head, c) < DATELINE_SCORE:
            return False
        line_end = head.find("\n", c.end)
        rest = head[c.end : line_end if line_end >= 0 else len(head)]
        return not rest.strip(" .,") and not _opens_a_sentence(head, c)  # the date ends its line


# a period named again by a pointing word: «За это время», «за этот период», «в указанный период»
_POINTING_BACK_RE = re.compile(r"\b(?:за|в)\s+(?:это|этот|указанный|данный)\s+(?:время|период)\b", re.IGNORECASE)
# the prepositions of a day a figure stands at: «на 1 апреля», «к 1 сентября», «по состоянию на 20 ноября»
SNAPSHOT_WORDS = frozenset({"на", "к", "ко"})


# how many years after the release a plan's year («программа 2027 года», «бюджет на 2027 год») lies;
# a year further ahead in a sentence says the release's date is wrong, not the sentence's
PLAN_YEARS_AHEAD = 2


def _in_context(text: str, scan: _Scan, cands: list[_Cand]) -> list[_Cand]:
    """Year-less dates take the year of their context, comparisons the year before their focus."""
    if not any(c.make is not None or c.kind == "cmp" for c in cands):
        return cands
    ctx = _Context(text, scan.offsets, list(cands), release_date=scan.ref)
    for i, c in enumerate(ctx.cands):
        if c.make is not None:
            year, own_sentence = ctx.year_for(i)
            if year is not None and scan.year is not None and year != scan.year:
                tense = _tense_near(ctx.offsets, *ctx.sentence(c.start), c.start, c.end)
                # «рассмотрит ... за 2024 год в апреле»: what is still to come is not in the past;
                # «Итоги подведут в марте 2026 года. Доля в первом полугодии составила»: what was
                # is not in a future year named in another sentence
                # and, once the release's date is known, not in a later year its own sentence names for
                # something else («контракт на 2027 год ... подписан в ноябре»)
                later_elsewhere = year > scan.year and (
                    not own_sentence
                    or scan.ref is not None and year - scan.year <= PLAN_YEARS_AHEAD and not ctx.anchor_told_as_past(i)
                )
                if tense == "future" and year < scan.year or tense == "past" and later_elsewhere:
                    year = None
                # «Заседание пройдёт в феврале 2026 года. Приём заявок продлится с 1 по 19
                # декабря» (in November 2025), «Заявки принимаются до 31 декабря»: what is still to
                # come this year is this year's
                elif tense in ("future", "present") and later_elsewhere and _ahead(c, scan):
                    year = None
                # «В 2025 году произвели ... Глава поручил до 1 июля подготовить»: a deadline set for
                # what is to be done takes no year from another sentence
                elif (not own_sentence or _behind(c, year, scan)) and _deadline(ctx.text, c) and _nearest_verb_form(
                    ctx.offsets, *ctx.sentence(c.start), c.start, c.end
                ) == "Inf":
                    # and in its own sentence when that year would put it behind the release:
                    # «замечания по участкам 2025 года обязаны устранить до 31 мая» in April 2026
                    year = None
                # «безработных на 1 февраля — 4,2 тыс.» ten days after 1 February: a day just behind
                # the release is this year's, whatever year another sentence named
                elif not own_sentence and year < scan.year and _just_behind(c, scan):
                    year = None
            if year is not None and _told_as_past(ctx, c, year, scan):
                year -= 1  # «по итогам января 2026 года замедлилась ... с 7,3% в декабре»: the December before
            elif year is not None and _told_as_future(ctx, c, year, scan):
                # «Выплаты начнут поступать в январе» in December, after «за январь–октябрь 2026
                # года»; «итоги за 2026 год будут подведены в январе» in its own sentence too
                year += 1
            if year is not None:
                ctx.cands[i] = replace(c, value=c.make(year), relative=i in ctx.told_from_reference)
            elif scan.year is not None:
                ctx.cands[i] = replace(c, value=c.make(ctx.ref_year(i, scan.ref, scan.year)))
        elif c.kind == "cmp":
            focus = ctx.focus(i)
            focus_year = _years_of(focus)
            if c.cmp_months:
                if focus is not None and (moved := _shift_months(focus, c.cmp_months)) is not None:
                    ctx.cands[i] = replace(c, value=moved)
            elif focus is not None and c.cmp_year is None and not (c.cmp_day and len(focus) != len("2026-09-17")):
                ctx.cands[i] = replace(c, value=_shift_year(focus, -1))
            elif focus is not None and c.cmp_year is not None and focus_year is not None:
                ctx.cands[i] = replace(c, value=_shift_year(focus, c.cmp_year - focus_year))
    return ctx.cands


def _told_as_past(ctx: _Context, c: _Cand, year: int, scan: _Scan) -> bool:
    """A year-less date told of in the past tense that, in the year its context gives, would begin
    after the release: it is of the year before («в декабре» in a February release on January)."""
    value = c.make(year) if c.make is not None else None
    if value is None or scan.ref is None or year != scan.ref.year or c.is_day:
        return False  # a day just ahead told in the past is still to come: «должны были пройти 30 октября»
    first = value.split("/")[0]
    if first <= scan.ref.isoformat()[: len(first)] or _bound(ctx.text, c) or _deadline(ctx.text, c):
        return False
    if _set_for(ctx.text, c):
        return False  # «На период с 1 июня по 31 августа назначено»: a term set, still to come
    if ctx.set_to_begin(c, first, scan.ref):
        return False  # «сбор разрешен с 20 августа по 30 ноября» on 14 August: a span set to begin soon
    sentence = ctx.sentence(c.start)
    return _tense_near(ctx.offsets, *sentence, c.start, c.end) == "past" and (
        _nearest_verb_form(ctx.offsets, *sentence, c.start, c.end) != "Inf"
    )


def _told_as_future(ctx: _Context, c: _Cand, year: int, scan: _Scan) -> bool:
    """A year-less date told of in the future that, in the year another sentence gives, would lie
    more than half a year behind the release, or a deadline behind it at all: it is of the year
    after («начнут поступать в январе» in a December release; «восстановят до конца мая» in
    November, after «в октябре 2026 года»)."""
    value = c.make(year) if c.make is not None else None
    if value is None or scan.ref is None or year != scan.ref.year:
        return False
    last = value.split("/")[-1]
    behind = _months_behind(last, scan.ref)
    if behind <= HALF_A_YEAR and not (last < scan.ref.isoformat()[: len(last)] and _deadline(ctx.text, c)):
        return False
    return _tense_near(ctx.offsets, *ctx.sentence(c.start), c.start, c.end) == "future"


# how far behind the release a year-less day may be to stay in its year against another sentence's year
JUST_BEHIND_DAYS = 31
# ... and a year-less month, by whole months
JUST_BEHIND_MONTHS = 3


def _behind(c: _Cand, year: int, scan: _Scan) -> bool:
    """The year-less date, in `year`, ends before the reference date."""
    value = c.make(year) if c.make is not None else None
    if value is None or scan.ref is None:
        return False
    last = value.split("/")[-1]
    return last < scan.ref.isoformat()[: len(last)]


def _just_behind(c: _Cand, scan: _Scan) -> bool:
    """The year-less day, in the reference year, falls in the month before the reference date; a
    year-less month is the reference date's or one of the three before it («в январе» in early
    February, «В сентябре дилер лишился договора» in November)."""
    value = c.make(scan.year) if c.make is not None and scan.year is not None else None
    if value is None or scan.ref is None:
        return False
    if not c.is_day:
        return len(value) == len("YYYY-MM") and 0 <= _months_behind(value, scan.ref) <= JUST_BEHIND_MONTHS
    return len(value) == len("YYYY-MM-DD") and 0 <= -_days_ahead(value, scan.ref) <= JUST_BEHIND_DAYS


def _ahead(c: _Cand, scan: _Scan) -> bool:
    """The year-less date, in the reference year, is not over by the reference date: it begins
    after it, or has begun and goes on («состоятся в IV квартале» on 28 October)."""
    value = c.make(scan.year) if c.make is not None and scan.year is not None else None
    if value is None or scan.ref is None:
        return False
    last = value.split("/")[-1]
    return last >= scan.ref.isoformat()[: len(last)]


# the word before a date that makes it a target («до 2030 года», «к 2036 году», «по 2024 год»)
# or a start point («с 2014 года», «после 2020 года»): never the year a release speaks from
_TARGET_WORDS = frozenset({"до", "к", "ко", "по"})
_START_WORDS = frozenset({"с", "со", "после"})
_YEAR_OR_MONTH_RE = re.compile(r"\d{4}(?:-\d{2})?")
# what ends the clause of a year something lasts since: a comma, or «и» before the next predicate
_ANOTHER_CLAUSE_RE = re.compile(r",|\bи\b")
# a day something is set for: «собрание назначено на 18 июня», «перенесено на 5 марта»
# («назначена на среду, 7 октября»: the weekday before the day too)
_SCHEDULED_RE = re.compile(
    rf"\b(?:назначен|перенес[её]н|намечен|запланирован)[а-яё]*\s+на\s*(?:{_WEEKDAY},\s*)?\Z", re.IGNORECASE
)
# how far before a day its «назначено на» may stand: «запланировано на понедельник, 5 октября»
SCHEDULED_REACH = 40
# a term things are set for: «на период с 30 апреля по 4 октября назначено 46 поездов»
_TERM_SET_RE = re.compile(r"\bна\s+(?:период|срок)\s*\Z", re.IGNORECASE)
# a past year told from the reference date, which lends its year as a year named does
_PAST_YEAR_RE = re.compile(r"(?:в\s+)?(?:поза)?прошл(?:ом|ого)\s+год[уа]", re.IGNORECASE)
# the past of «прийтись на», which says what share a period took: «на IV квартал пришлось 30%»
_FELL_ON_RE = re.compile(r"\bприш(?:[её]лся|л[аои]сь)\b", re.IGNORECASE)


def _set_for(text: str, c: _Cand) -> bool:
    """A day or a term something is set for, still to come however its verb is told."""
    return bool(
        _SCHEDULED_RE.search(text, max(0, c.start - SCHEDULED_REACH), c.start)
        or _TERM_SET_RE.search(text, max(0, c.start - WORD_BEFORE_REACH), c.start)
    )


_WORD_BEFORE_RE = re.compile(r"([а-яё]+)\W*\Z", re.IGNORECASE)
# the words before a whole year whose results a release reports after the year has ended
_RESULTS_RE = re.compile(r"(?:\bза|итог[а-я]*|результат[а-я]*)\s*\Z", re.IGNORECASE)
# a whole year's total or change told after it, which is given once the year has ended: «в 2025
# году составила 4,7 млн тонн», «в 2025 году выручка «Альфы» выросла на 27%» (not «уже
# составила»: a count so far)
# ... or a count the year gave, a past verb and a number right after it: «в 2025 году хозяйство получило
# 1,8 тонны икры», «в 2025 году перевезли 4,2 млн пассажиров»
_TOTAL_AFTER_RE = re.compile(
    r"\s+(?:(?!уже\b|пока\b)[«»\"а-яёА-ЯЁ-]+\s+){0,4}"
    r"(?:(?:составил|достиг|превысил|вырос|увеличил|снизил|сократил)[а-яё]*\b"
    r"|(?<!\bуже\s)(?<!\bпока\s)[а-яё]+(?:л|ло|ла|ли)(?:сь)?\s+(?:более|около|почти|свыше)?\s*\d)",
    re.IGNORECASE,
)
# the first month of a year's last quarter, when its totals may be told before it ends
LAST_QUARTER_MONTH = 10
# what a whole year's total is told after: «в 2025 году составила», «За 2025 год перевезли»; not a
# season's or a campaign's year, over earlier («в сезоне 2026 года пчеловоды собрали ...»)
_WHOLE_YEAR_WORDS = frozenset({"в", "во", "за", ""})
# the current year named as such: a year its sentence names besides is another one («в 2025 году
# мы передали 112 машин, а в текущем году рассчитываем», «на 18% больше, чем в 2025 году»)
_THIS_YEAR_RE = re.compile(r"\b(?:в\s+)?(?:этом|текущем|нынешнем)\s+году\b", re.IGNORECASE)
# a period whose end the text dates: «за 12 месяцев, закончившихся 31 декабря 2024 года»
_ENDED_ON_RE = _rx(rf",?\s*(?:закончивш|завершивш|окончивш)[а-яё]*\s+\d{{1,2}}\s+{_DAY_MONTH}\s+(?P<y>\d{{4}})")
# how far before a date the word that bounds it, or says whose results it gives, is looked for
WORD_BEFORE_REACH = 20


# a target at a part of a period: «до конца января», «к середине марта»
_PART_TARGET_RE = re.compile(r"\b(?:до|к|ко)\s+(?:конца|начала|середины|окончания)\s*\Z", re.IGNORECASE)


def _deadline(text: str, c: _Cand) -> bool:
    """A date something is due by: «до 1 марта», «до конца января»."""
    return _bound(text, c, _TARGET_WORDS) or bool(
        _PART_TARGET_RE.search(text, max(0, c.start - WORD_BEFORE_REACH), c.start)
    )


# a part of a period between a bound's preposition and its year: «до конца 2027 года», «к началу 2026 года»
_PERIOD_PART_RE = re.compile(r"(?<![а-яё])([а-яё]+)\s+(?:конц|начал|середин)[а-яё]{0,2}\s+\Z", re.IGNORECASE)


def _period_end_target(text: str, c: _Cand) -> str | None:
    """«до конца 2027 года», «к началу 2026 года»: a target as «до 2027 года» is; its preposition."""
    part = _PERIOD_PART_RE.search(text, max(0, c.start - WORD_BEFORE_REACH), c.start)
    word = part.group(1).lower() if part is not None else None
    return word if word in _TARGET_WORDS else None


def _word_before(text: str, c: _Cand) -> str:
    m = _WORD_BEFORE_RE.search(text, max(0, c.start - WORD_BEFORE_REACH), c.start)
    word = m.group(1).lower() if m else ""
    if target := _period_end_target(text, c):
        return target
    if word == "и" and m is not None:
        # «на июль и август»: the second month shares the first one's preposition
        shared = _COORDINATED_MONTH_RE.search(text, max(0, m.start() - COORDINATED_MONTH_REACH), m.start())
        if shared is not None and shared.group(1).lower() in _TIME_PREPOSITIONS | _TARGET_WORDS | _START_WORDS:
            return shared.group(1).lower()
    return word


# a preposition and a month right before «и»
_COORDINATED_MONTH_RE = re.compile(rf"(?<![а-яё])([а-яё]+)\s+{_MONTH}\s*\Z", re.IGNORECASE)
COORDINATED_MONTH_REACH = 20


# prepositions that make a period the time of its clause («в I квартале»), not a noun's
# attribute («динамики первого полугодия»)
_TIME_PREPOSITIONS = frozenset({"в", "во", "с", "со", "к", "ко", "по", "на"})


# months a year-less date may lie behind the reference date and still be this year's when told
# in the present or the future
HALF_A_YEAR = 6


# how far ahead of the release a start day told of in the past may be: «с 21 января назначена»
START_AHEAD_DAYS = 31
# how far ahead of the release a start «с» (a day something takes effect from) told in the past may lie:
# the blind parts' gold puts every year-less «с 1 сентября» 32-62 days ahead of its release in the year
# ahead (43 of 43), none a year back
EFFECT_AHEAD_DAYS = 62
_EFFECT_WORDS = frozenset({"с", "со"})
# how far ahead of the release a day may lie that a state in force is set for («12 ноября отменены»)
STATE_AHEAD_DAYS = 7


def _days_ahead(value: str, ref: datetime.date) -> int:
    """Days from the reference date to a day's value (YYYY-MM-DD)."""
    return (datetime.date.fromisoformat(value) - ref).days


def _months_behind(value: str, ref: datetime.date) -> int:
    """How many months the month a value ends in («2025-01», «2025-01-09») lies before `ref`'s."""
    year, month = int(value[:4]), int(value[5:7]) if len(value) >= 7 else 12
    return (ref.year - year) * 12 + ref.month - month


def _when(text: str, c: _Cand) -> bool:
    """A date that says when its clause happens: a day, or a period after a preposition."""
    first = text[c.start : c.end].split(maxsplit=1)[0].lower()
    return c.kind == "day" or first in _TIME_PREPOSITIONS or _word_before(text, c) in _TIME_PREPOSITIONS


def _told_from_its_start(text: str, c: _Cand, first: str) -> bool:
    """A span of days told from its start: «с 20 августа по 30 ноября» (its text opens with «с»)."""
    return len(first) == len("2026-08-20") and _starts(text, c)


def _starts(text: str, c: _Cand) -> bool:
    """A date told as a start: «с апреля», «после 1 мая», or a span opening with its «с»."""
    said = text[c.start : c.end].split(maxsplit=1)[0].lower()
    return said in _START_WORDS or _bound(text, c, _START_WORDS)


def _bound(text: str, c: _Cand, words: frozenset[str] = _TARGET_WORDS | _START_WORDS) -> bool:
    """A date that bounds a span of time: a target or a start point."""
    return _word_before(text, c) in words


def _evidence_year(text: str, offsets: Offsets, cands: list[_Cand]) -> int | None:
    """The year a text without a date speaks from, by the periods it reports on: the year after a
    comparison base that names its year («по сравнению с аналогичным периодом 2022 года»: the
    report is on 2023); else the year of the first reporting period that is no base and no bound:
    a part of a year («по итогам 9 месяцев 2023 года», «во II квартале 2021 года», «в январе-мае
    2017 года»), or a whole year whose results are given («по итогам 2025 года», «за 2025 год»),
    which are reported the year after. A year alone («родился в 1929 году») is no evidence."""
    ctx = _Context(text, offsets, cands)
    for i, c in enumerate(cands):  # «с» of «по сравнению с» is no bound here
        if c.relative or c.value is None or c.kind not in ("period", "cmp"):
            continue
        year = _years_of(c.value)
        # a base that names its year: «к январю» took its year from the sentence, a month back
        named = _NAMED_YEAR_RE.search(text, c.start, c.end) is not None
        if year is not None and (ctx.base[i] and named or c.cmp_year is not None):
            return year + 1
    for i, c in enumerate(cands):
        if c.relative or c.value is None or ctx.base[i] or c.kind != "period" or _bound(text, c):
            continue
        if _word_before(text, c) == "на":
            continue  # «запуск намечен на IV квартал 2028 года»: a plan's period, still to come
        year = _years_of(c.value)
        if year is None:
            continue
        if _reporting_period(c.value):
            return year
        if len(c.value) == 4 and _RESULTS_RE.search(text, max(0, c.start - WORD_BEFORE_REACH), c.start):
            return year + 1  # the results of a whole year
    return None


# the months (first, last) a report covers besides the ones from January on: a quarter, the second half
_REPORT_SPANS = frozenset({(4, 6), (7, 9), (10, 12), (7, 12)})


def _reporting_period(value: str) -> bool:
    """A period of months that reports cover: from January to a month of the same year («9
    месяцев», «I полугодие», «январь—май»), a quarter or the second half-year; not a season
    («весной 2002 года») nor any other run of months («с ноября по декабрь»)."""
    parts = value.split("/")
    if len(parts) != 2 or len(parts[0]) != 7 or len(parts[1]) != 7 or parts[0][:4] != parts[1][:4]:
        return False
    first, last = int(parts[0][5:]), int(parts[1][5:])
    return first == 1 or (first, last) in _REPORT_SPANS


def _times(text: str) -> list[tuple[int, int, str]]:
    out = []
    for m in _TIME_RE.finditer(text):
        hour, minute = (m.group("h"), m.group("mi")) if m.group("h") else (m.group("h2"), m.group("mi2"))
        out.append((m.start(), m.end(), f"{int(hour):02d}:{minute}"))
    return out


def _time_after(text: str, cand: _Cand, nxt: int, times: list[tuple[int, int, str]]) -> str | None:
    """A time of day following a day date on its line, or opening the next line (a dateline)."""
    k = bisect.bisect_left(times, (cand.end, -1, ""))
    if k < len(times) and times[k][0] < nxt:
        start, _end, value = times[k]
        gap = text[cand.end : start]
        if "\n" not in gap and len(gap) <= TIME_REACH:
            return value
        first, _, rest = gap.partition("\n")
        if not first.strip() and "\n" not in rest and _DATELINE_PREFIX_RE.match(rest):
            return value
    return None


def find_dates(tagged: Tagged, ref: datetime.date | None) -> list[DateItem]:
    """Every date, period and relative date phrase of the document, sorted by start. Without a
    reference date, the year the text gives evidence of resolves «этого года», «в I квартале»;
    a day, a week or a weekday that needs the date («сегодня», «в пятницу») keeps value None."""
    text = tagged.text
    if not text:
        return []
    scan = _Scan(ref, ref.year if ref else None, Offsets(tagged))
    kept = _resolved(text, scan)
    if ref is None:
        year = _evidence_year(text, scan.offsets, kept)
        if year is not None:
            kept = _resolved(text, replace(scan, year=year))
    kept = _weekdays_in_order(text, _weekdays_dated(text, kept, ref), ref)
    return _items(text, _same_days(text, _with_ranges(text, _with_parts(text, kept))))


def _is_weekday(text: str, c: _Cand) -> bool:
    return c.kind == "near" and c.value is not None and len(c.value) == len("YYYY-MM-DD") and any(
        w in _WEEKDAYS for w in re.findall(r"[а-яё]+", text[c.start : c.end].lower())
    )


def _weekdays_in_order(text: str, kept: list[_Cand], ref: datetime.date | None) -> list[_Cand]:
    """«Работы начнутся в понедельник и завершатся в среду» (said on a Tuesday): weekdays still
    to come, named one after another in a sentence, follow each other; the later one is not the
    nearer day of its name (the Wednesday of this week) but the first after the one before it."""
    if ref is None:
        return kept
    out = list(kept)
    days = [k for k in range(len(out)) if _is_weekday(text, out[k])]
    for p, k in zip(days, days[1:], strict=False):
        first, later = datetime.date.fromisoformat(out[p].value), datetime.date.fromisoformat(out[k].value)
        if "." in text[out[p].end : out[k].start] or first < ref or later < ref or later >= first:
            continue  # another sentence, a day past, or already in order
        out[k] = replace(out[k], value=(later + datetime.timedelta(days=7 * -(-(first - later).days // 7))).isoformat())
    return out


# «В тот же день»: the day the text named last
_SAME_DAY_RE = re.compile(r"\b[Вв]\s+(?:тот|этот)\s+же\s+день\b")


def _same_days(text: str, kept: list[_Cand]) -> list[_Cand]:
    """«в тот же день», «в этот же день» is the day named last before it (a dateline too)."""
    out = list(kept)
    for m in _SAME_DAY_RE.finditer(text):
        day = next((c for c in reversed(kept) if c.end <= m.start() and c.is_day and c.value), None)
        if day is not None and not any(c.start < m.end() and m.start() < c.end for c in kept):
            out.append(replace(day, start=m.start(), end=m.end(), relative=True, make=None))
    return sorted(out, key=lambda c: c.start)


# «в четверг, 24 октября»: a weekday and the date it is
_WEEKDAY_DATE_GAP_RE = re.compile(r",?\s*")


def _weekdays_dated(text: str, kept: list[_Cand], ref: datetime.date | None = None) -> list[_Cand]:
    """A weekday next to the date of a day of that weekday is that day, whatever the tense: before
    it («в четверг, 24 октября») or after it and a comma («откроет сезон 3 октября, в субботу»)."""
    out = _days_on_their_weekday(text, kept, ref) if ref is not None else list(kept)
    for k in range(len(out) - 1):
        if _weekday_of_day(text, out[k], out[k + 1], _WEEKDAY_DATE_GAP_RE):
            out[k] = replace(out[k], value=out[k + 1].value)
        elif _weekday_of_day(text, out[k + 1], out[k], _DATE_WEEKDAY_GAP_RE):
            out[k + 1] = replace(out[k + 1], value=out[k].value)
    return _weekday_headers(text, _weekdays_between_dated(text, kept, _weekday_pairs_dated(text, out)))


# «в субботу и воскресенье, 13 и 14 июня»: two weekdays, then their two days
_AND_GAP_RE = re.compile(r"\s+и\s+")
_COMMA_GAP_RE = re.compile(r",\s*")


def _weekday_pairs_dated(text: str, kept: list[_Cand]) -> list[_Cand]:
    """Two weekdays joined by «и», then after a comma two days joined by «и», are those days in
    order, when each falls on its weekday: «пройдут в субботу и воскресенье, 13 и 14 июня»."""
    out = list(kept)
    for k in range(len(out) - 3):
        first_wd, second_wd, first_day, second_day = out[k : k + 4]
        gaps = ((first_wd, second_wd, _AND_GAP_RE), (second_wd, first_day, _COMMA_GAP_RE),
                (first_day, second_day, _AND_GAP_RE))
        if not all(a.value and b.value and g.fullmatch(text, a.end, b.start) for a, b, g in gaps):
            continue
        if _falls_on(first_wd, first_day) and _falls_on(second_wd, second_day):
            out[k], out[k + 1] = replace(first_wd, value=first_day.value), replace(second_wd, value=second_day.value)
    return out


def _days_on_their_weekday(text: str, kept: list[_Cand], ref: datetime.date) -> list[_Cand]:
    """«Решение принято в пятницу, 30 января, к работе он приступит 9 февраля» (said on 2 February
    2026): a yearless day named with its weekday is in the year beside the one its context gave
    when only there it falls on that weekday and that is nearer the reference date (30 January is a
    Friday in 2026, not 2027); a weekday the writer got wrong moves no day away from it."""
    out = list(kept)
    for k in range(len(out) - 1):
        for wd, d, gap in ((k, k + 1, _WEEKDAY_DATE_GAP_RE), (k + 1, k, _DATE_WEEKDAY_GAP_RE)):
            weekday, day = out[wd], out[d]
            if day.make is None or not _beside_its_day(text, weekday, day, gap) or len(day.value) != len("YYYY-MM-DD"):
                continue
            target = datetime.date.fromisoformat(weekday.value).weekday()
            year = int(day.value[:4])
            if datetime.date.fromisoformat(day.value).weekday() == target:
                continue
            moved = next((y for y in (year - 1, year + 1) if _on_its_weekday(day, target, y)), None)
            if moved is not None and _days_apart(day.make(moved), ref) < _days_apart(day.value, ref):
                out[d] = replace(day, value=day.make(moved))
    return out


def _days_apart(value: str, ref: datetime.date) -> int:
    return abs((datetime.date.fromisoformat(value) - ref).days)


# «3 октября, в субботу»: a comma between a day and its weekday after it
_DATE_WEEKDAY_GAP_RE = re.compile(r",\s*")


def _beside_its_day(text: str, wd: _Cand, day: _Cand, gap: re.Pattern[str]) -> bool:
    """The weekday `wd` and the dated day `day`, with only `gap` between them."""
    if wd.kind != "near" or not day.is_day or day.value is None or wd.value is None:
        return False
    lo, hi = (wd.end, day.start) if wd.start < day.start else (day.end, wd.start)
    return gap.fullmatch(text, lo, hi) is not None and len(wd.value) == len(day.value)


def _weekday_of_day(text: str, wd: _Cand, day: _Cand, gap: re.Pattern[str]) -> bool:
    """The weekday `wd` names the weekday of `day`, with only `gap` between them."""
    return _beside_its_day(text, wd, day, gap) and _falls_on(wd, day)


def _falls_on(wd: _Cand, day: _Cand) -> bool:
    """The weekday `wd` (a day of that weekday) is the weekday of the dated day `day`."""
    if wd.kind != "near" or not day.is_day or not wd.value or not day.value or len(wd.value) != len(day.value):
        return False
    try:
        return datetime.date.fromisoformat(wd.value).weekday() == datetime.date.fromisoformat(day.value).weekday()
    except ValueError:
        return False


def _weekdays_between_dated(text: str, before: list[_Cand], out: list[_Cand]) -> list[_Cand]:
    """«в пятницу, 26 июня, ..., в субботу ..., а в воскресенье, 28 июня»: a weekday without a date
    between two weekdays dated in the same sentence is the day of their week between them."""
    dated = [k for k in range(len(out)) if out[k].kind == "near" and out[k].value != before[k].value]
    for p, q in zip(dated, dated[1:], strict=False):
        if "." in text[out[p].end : out[q].start]:
            continue  # not one sentence
        first, last = datetime.date.fromisoformat(out[p].value), datetime.date.fromisoformat(out[q].value)
        for k in range(p + 1, q):
            wd = out[k]
            if wd.kind != "near" or wd.value is None or len(wd.value) != len("YYYY-MM-DD"):
                continue
            weekday = datetime.date.fromisoformat(wd.value).weekday()
            day = first + datetime.timedelta(days=(weekday - first.weekday()) % 7)
            if first < day < last:
                out[k] = replace(wd, value=day.isoformat())
    return _weekdays_after_dated(text, before, out, dated)


def _weekdays_after_dated(text: str, before: list[_Cand], out: list[_Cand], dated: list[int]) -> list[_Cand]:
    """«Открытие состоится в среду, 24 июня, пленарное заседание — в четверг»: a weekday without a
    date after the last dated weekday of its sentence is the next such day after it."""
    for p in dated:
        first = datetime.date.fromisoformat(out[p].value)
        for k in range(p + 1, len(out)):
            wd = out[k]
            if "." in text[out[p].end : wd.start] or k in dated:
                break  # another sentence, or a weekday with its own date
            undated = wd.kind == "near" and wd.value is not None and wd.value == before[k].value
            if not undated or len(wd.value) != len("YYYY-MM-DD"):
                continue
            shift = (datetime.date.fromisoformat(wd.value).weekday() - first.weekday()) % 7
            if shift:
                out[k] = replace(wd, value=(first + datetime.timedelta(days=shift)).isoformat())
    return out


_WEEKDAY_HEADER_RE = re.compile(rf"(?<![а-яё])({'|'.join(_WEEKDAY_NOMINATIVES)})\s*,\s*\Z", re.IGNORECASE)
# ... or in brackets after it: «не позднее 1 декабря 2026 года (вторник)»
_WEEKDAY_BRACKETED_RE = re.compile(rf"\s*\(\s*({'|'.join(_WEEKDAY_NOMINATIVES)})\s*\)", re.IGNORECASE)
# ... or after a comma: «16.02.2026, понедельник», «26 июня 2026 года, пятница»
_WEEKDAY_AFTER_RE = re.compile(rf",[ \t]*({'|'.join(_WEEKDAY_NOMINATIVES)})(?![а-яё])", re.IGNORECASE)


def _weekday_headers(text: str, kept: list[_Cand]) -> list[_Cand]:
    """«Среда, 9 сентября 2026», «четверг, 24 сентября», «1 декабря 2026 года (вторник)»,
    «16.02.2026, понедельник»: the weekday named before a day of that weekday, or in brackets or
    after a comma after it, is a mention of that day too."""
    out = list(kept)
    for day in kept:
        if not day.is_day or day.value is None or len(day.value) != len("YYYY-MM-DD"):
            continue
        m = _WEEKDAY_HEADER_RE.search(text, max(0, day.start - WEEKDAY_REACH), day.start)
        m = m or _WEEKDAY_BRACKETED_RE.match(text, day.end)
        m = m or _WEEKDAY_AFTER_RE.match(text, day.end)
        if m is None or any(c.start <= m.start(1) < c.end for c in kept):
            continue
        if _WEEKDAY_NOMINATIVES[m.group(1).lower()] == datetime.date.fromisoformat(day.value).weekday():
            out.append(_Cand(m.start(1), m.end(1), day.value, False, True, "near"))
    return sorted(out, key=lambda c: c.start)


# a clause set against the one before it: «..., а ...», «..., но ...»
_CONTRAST_RE = re.compile(r",\s+(?:а|но)\s")
# the years of a budget before the last one: «на 2027 год и плановый период 2028 и »
_PLAN_YEARS_RE = re.compile(
    r"\bна\s+\d{4}\s+год\s+и\s+(?:на\s+)?плановый\s+период\s+(?:\d{4}\s+и\s+)?\Z", re.IGNORECASE
)
PLAN_YEARS_REACH = 60
# a run of months of one year: a quarter, a half-year («2026-07/2026-09»)
_MONTHS_SPAN_RE = re.compile(r"(\d{4})-\d{2}/\1-\d{2}")
# a period written as its two ends: «мая – начале июня», «с марта по май»
_NAMED_ENDS_RE = re.compile(r"[-–—]|\s(?:по|до)\s")


def _with_parts(text: str, kept: list[_Cand]) -> list[_Cand]:
    """A month, a year or a longer period with the part of it a noun names before it: «начале 2016
    года», «конце марта» (not a day: «Начало 12 мая» is when something starts). The start or the
    end of a whole year is its first or last month, as «в начале года» (January) and «к концу
    года» (December) are, and so of a quarter or a half-year («к концу III квартала» -> September);
    a part of a month or of a longer period keeps its value."""
    out = []
    prev_end = 0
    for c in kept:
        m = None if c.is_day else _PART_RE.search(text, max(prev_end, c.start - PART_REACH), c.start)
        if m is not None:
            value = c.value
            if value is not None and len(value) == 4 and (m.group("start") or m.group("end")):
                value = _ym(int(value), 1 if m.group("start") else 12)
            elif (
                value is not None and _MONTHS_SPAN_RE.fullmatch(value) and (m.group("start") or m.group("end"))
                and not _NAMED_ENDS_RE.search(text, c.start, c.end)
            ):
                # «к концу III квартала» is its last month, «в начале второго полугодия» its first;
                # a run that names its ends keeps them: «в конце мая – начале июня»
                value = value.split("/")[0 if m.group("start") else 1]
            c = replace(c, start=m.start(), value=value)
        out.append(c)
        prev_end = c.end
    return out


def _with_ranges(text: str, kept: list[_Cand]) -> list[_Cand]:
    """Two dates joined into one period by «с ... по/до ...», each of a kind of its own:
    «с 1 марта 2011 года по декабрь 2015 года», «с 2013 года по январь 2015 года» (the ranges of
    one kind, «с 1 по 15 июля», are the patterns' own). The period is as fine as the finer end:
    2011-03-01/2015-12-31, 2013-01/2015-01."""
    out: list[_Cand] = []
    for c in kept:
        a = out[-1] if out else None
        if a is not None and a.value and c.value and _RANGE_JOIN_RE.fullmatch(text, a.end, c.start):
            m = _RANGE_FROM_RE.search(text, max(0, a.start - 4), a.start)
            period = m and _span_of(a.value.split("/")[0], c.value.split("/")[-1])
            if m and period:
                out[-1] = replace(a, start=m.start(), end=c.end, value=period, relative=a.relative or c.relative,
                                  is_day=False, kind="period", make=None)
                continue
        out.append(c)
    return out


def _span_of(first: str, last: str) -> str | None:
    """The period from the start of `first` to the end of `last` (ISO day, month or year), both
    ends as fine as the finer one; None unless it runs forward."""
    fine = max(len(first), len(last))
    start, end = _first_of(first, fine), _last_of(last, fine)
    return f"{start}/{end}" if start and end and start < end else None


def _first_of(value: str, fine: int) -> str:
    return value + "-01-01"[: fine - len(value)]


def _last_of(value: str, fine: int) -> str | None:
    if len(value) == fine:
        return value
    year = int(value[:4])
    month = int(value[5:7]) if len(value) == 7 else 12
    if fine == 7:
        return _ym(year, month)
    return _ymd(year, month, calendar.monthrange(year, month)[1])


def _resolved(text: str, scan: _Scan) -> list[_Cand]:
    return _in_context(text, scan, _longest_first(_candidates(text, scan)))


def _items(text: str, kept: list[_Cand]) -> list[DateItem]:
    times = _times(text) if kept else []
    items = []
    for i, cand in enumerate(kept):
        nxt = kept[i + 1].start if i + 1 < len(kept) else len(text)
        time = _time_after(text, cand, nxt, times) if cand.is_day and times else None
        items.append(
            DateItem(text=text[cand.start : cand.end], value=cand.value, relative=cand.relative, time=time,
                     start=cand.start, end=cand.end)
        )
    return items


# --- the document's own date -------------------------------------------------------------------

def _head(text: str) -> str:
    """The header: the first HEAD_CHARS characters (finishing the line), at most HEAD_LINES lines."""
    cut = text.find("\n", HEAD_CHARS)
    head = text if cut < 0 else text[:cut]
    head = head[: HEAD_CHARS + HEAD_LINE_SLACK]
    return "\n".join(head.split("\n")[:HEAD_LINES])


# the line score of a dateline: a date alone on its line, or opening it («Пенза, 3 мая 2025»)
DATELINE_SCORE = 2


def _agency_dateline(head: str, cand: _Cand) -> bool:
    """A town's dateline (`_city_dateline`) with the town in capitals, as agencies write it: the
    text's own years date it, even when its header names none («КАЗАНЬ, 3 ноября. /ИА ...»)."""
    town = head[head.rfind("\n", 0, cand.start) + 1 : cand.start]
    return cand.is_day and town.isupper() and _city_dateline(head, cand)


def _city_dateline(head: str, cand: _Cand) -> bool:
    """A date after a town's name and a comma opening its line: «РЯЗАНЬ, 5 марта.», «Пермь, 5 марта —»."""
    before = head[head.rfind("\n", 0, cand.start) + 1 : cand.start]
    return before.rstrip().endswith(",") and _DATELINE_PREFIX_RE.match(before) is not None


def _line_score(head: str, item: _Cand) -> int:
    """3: the date is alone on its line (maybe with an icon or a time); 2: it opens the line or
    follows a short dateline «Пенза, »; 1: anywhere else in the header."""
    line_start = head.rfind("\n", 0, item.start) + 1
    line_end = head.find("\n", item.end)
    before = head[line_start : item.start]
    after = head[item.end : len(head) if line_end < 0 else line_end]
    if not _DATELINE_PREFIX_RE.match(before):
        return 1
    words = _WORD_RE.findall(before)
    if _DATELINE_SUFFIX_RE.match(after) and len(words) <= 1:
        return 3
    return 2


def find_doc_date(tagged: Tagged) -> datetime.date | None:
    """The release's own date from its header or dateline; None when the header has none.
    A dateline without a year («Москва. 29 августа.») takes, when the header names a year, the
    latest year the text tells of as past or present (`_reported_years`)."""
    if not tagged.text:
        return None
    head = _head(tagged.text)
    scan = _Scan(None, None, Offsets(tagged))
    found = _doc_date(head, scan, lambda: _reported_years(tagged.text, scan))
    if found is not None and not found[1]:
        return found[0]
    # a sentence opening with a date gives way to the signature's date: «С 1 января 2026 года
    # при назначении пособия ...» in a release signed «Пресс-служба ..., 3 февраля 2026 г.»
    return _closing_dateline(tagged.text) or (found[0] if found else None)


# a closing line signed with the release's date after a comma: «Пресс-служба АО «...», 24 июля
# 2025 г.», «Пресс-служба правительства Тульской области, 11.11.2024»; the date alone on the
# last line, under the signature; or a news site's label: «Опубликовано: 17.11.2026, 09:30»
_PUBLISHED = r"(?:опубликовано|размещено|дата\s+(?:публикации|размещения))\s*:?\s*"
_CLOSING_DATE_RE = _rx(
    rf"(?:,\s*|\A\s*(?P<label>{_PUBLISHED})?)(?:(?P<d>\d{{1,2}})\s+(?P<m>{_MONTH})\s+(?P<y>\d{{4}})"
    rf"(?:\s*(?:г\.?|года))?|(?P<dd>\d{{2}})\.(?P<mm>\d{{2}})\.(?P<yy>\d{{4}}))"
    rf"(?:,?\s*(?:в\s+)?\d{{1,2}}:\d{{2}})?\.?\s*\Z"
)
# the longest closing line read for a date
CLOSING_LINE_CHARS = 200
# a signature line over a date alone: «Пресс-служба АО «...»», «Пресс-центр министерства»
SIGNATURE_OPENERS = ("пресс-служба", "пресс-центр", "пресс-секретариат", "информационное управление")


# a sentence's end: a line ending so is the body's, no signature
_SENTENCE_END = (".", "!", "?", "…", "»", "\"", ":", ";")


def _signature(line: str) -> bool:
    """A signature over a date alone: a press office («Пресс-служба АО «...»»), or a body's name
    on a short line of its own that ends no sentence («Территориальный орган Федеральной службы
    государственной статистики по Курской области (Курскстат)»)."""
    line = line.strip()
    if line.lower().startswith(SIGNATURE_OPENERS):
        return True
    return 0 < len(line) <= CLOSING_LINE_CHARS and line[:1].isupper() and not line.endswith(_SENTENCE_END)


def _closing_dateline(text: str) -> datetime.date | None:
    """The release's date on its last line, when its header has none."""
    lines = text.rstrip().rsplit("\n", 2)
    last = lines[-1]
    if len(last) > CLOSING_LINE_CHARS:
        return None
    m = _CLOSING_DATE_RE.search(last)
    alone = m is not None and not last[: m.start()].strip() and not m.group("label")
    if m is None or alone and not (len(lines) > 1 and _signature(lines[-2])):
        return None  # a date alone on the last line only under a signature
    if m.group("d"):
        value = _ymd(int(m.group("y")), _MONTHS[m.group("m").lower()], int(m.group("d")))
    else:
        value = _ymd(int(m.group("yy")), int(m.group("mm")), int(m.group("dd")))
    if value is None or int(value[:4]) < EARLIEST_RELEASE_YEAR:
        return None
    return datetime.date.fromisoformat(value)


def _written_later(head: str, cand: _Cand, scan: _Scan) -> bool:
    """A date in the body that the release was written before: a target («до 1 марта 2025
    года») or a start still to come («обучение начнётся с 1 сентября 2025 года»). A start in the
    past («полномочия прекращены с 30 ноября 2021 года») dates the release well enough."""
    if _bound(head, cand, _TARGET_WORDS):
        return True
    if not _bound(head, cand, _START_WORDS):
        return False
    return _tense_near(scan.offsets, *scan.offsets.sentence(cand.start), cand.start, cand.end) == "future"


def _opens_a_sentence(head: str, cand: _Cand) -> bool:
    """A date after a preposition opening its line, a sentence going on after it: «С 1 января
    2026 года при назначении пособия учитывается ...»."""
    line_start = head.rfind("\n", 0, cand.start) + 1
    line_end = head.find("\n", cand.end)
    after = head[cand.end : len(head) if line_end < 0 else line_end]
    return head[line_start : cand.start].strip().lower() in _TIME_PREPOSITIONS and not _DATELINE_SUFFIX_RE.match(after)


def _lasts_since(text: str, c: _Cand) -> bool:
    """A whole year something lasts since: «руководил заводом с 1993 года» tells nothing of the
    release's year (a day it starts on, «с 1 апреля 2026 года вступит в силу», does)."""
    return c.value is not None and len(c.value) == len("YYYY") and _bound(text, c, _START_WORDS)


# a weekday right before a day, a comma between: «сообщил в четверг, 12 февраля»
_WEEKDAY_BEFORE_RE = _rx(rf"(?<![а-яё])(?P<wd>{_WEEKDAY})\s*,\s*\Z")


# a weekday and its day right after it: «в субботу, 5 декабря», «в среду 24 декабря»
_WEEKDAY_OF_DAY_RE = _rx(rf"(?<![а-яё])(?P<wd>{_WEEKDAY}),?\s*\Z")


def _dated_weekdays(head: str, cands: list[_Cand]) -> list[tuple[_Cand, int, int]]:
    """Each yearless day of the header named with its weekday: the day, the weekday's number and
    where the weekday's word ends."""
    out = []
    for c in cands:
        if c.value is not None or c.make is None or not c.is_day:
            continue
        m = _WEEKDAY_OF_DAY_RE.search(head, max(0, c.start - WEEKDAY_REACH), c.start)
        if m is not None:
            out.append((c, _WEEKDAYS[m.group("wd").lower()][0], m.end("wd")))
    return out


def _on_its_weekday(day: _Cand, weekday: int, year: int) -> bool:
    value = day.make(year) if day.make is not None else None
    return value is not None and datetime.date.fromisoformat(value).weekday() == weekday


def _years_by_dated_weekday(head: str, cands: list[_Cand]) -> list[int]:
    """«ВОРОНЕЖ, 3 сентября. ... возобновятся в субботу, 5 сентября, и продлятся до 28 ноября 2026
    года»: a yearless day with its weekday before it falls on that weekday in one of the years the
    text's days name (a target's too), or the year before: that is the release's year."""
    named = sorted({int(c.value[:4]) for c in cands if c.value and len(c.value) == len("YYYY-MM-DD")}, reverse=True)
    for day, weekday, _ in _dated_weekdays(head, cands):
        for year in (y for base in named for y in (base, base - 1)):
            if _on_its_weekday(day, weekday, year):
                return [year]
    return []


def _on_a_weekday_told(head: str, cands: list[_Cand], told_of: _Reported) -> _Reported:
    """The years told of, when a day of the lead falls on its weekday in one of them; else none."""
    days = _dated_weekdays(head, cands)
    if any(_on_its_weekday(day, weekday, year) for day, weekday, _ in days for year in told_of.years):
        return told_of
    return _Reported([], None)


def _weekday_told(head: str, cand: _Cand) -> bool:
    """A yearless day in the running text of the header with its weekday before it: the day of the
    report («сообщил в четверг, 12 февраля»), which dates the release as a dateline does."""
    before = _WEEKDAY_BEFORE_RE.search(head, max(0, cand.start - WEEKDAY_REACH), cand.start)
    return cand.value is None and before is not None


# how near a day of the text with its year must be to a yearless dateline's day to give it that year
NEAR_DAY_DAYS = 31


def _year_of_a_day_near(scan: _Scan, cand: _Cand) -> int | None:
    """The year of a yearless dateline from a day of the text that names its year and falls within
    a month of the dateline's day in that year, or across New Year: «ИРКУТСК, 15 янв» with
    «Назначить ... с 16 января 2026 года» is 2026, whatever year the text reports as past. The
    nearest such day decides."""
    if cand.make is None:
        return None
    text = scan.offsets.tagged.text
    near: dict[int, int] = {}  # year -> the distance of its nearest day
    for c in _candidates(text, scan):
        if c.relative or not c.is_day or c.value is None or len(c.value) != len("YYYY-MM-DD") or c.start == cand.start:
            continue
        day = datetime.date.fromisoformat(c.value)
        for year in (day.year - 1, day.year, day.year + 1):
            value = cand.make(year)
            if value is None:
                continue
            distance = abs((datetime.date.fromisoformat(value) - day).days)
            if distance <= NEAR_DAY_DAYS:
                near[year] = min(distance, near.get(year, distance))
    if not near:
        return None
    nearest = min(near.values())
    years = [y for y, d in near.items() if d == nearest]
    # «действует с 1 сентября 2021 года ... до 1 сентября 2031 года ... на 1 сентября 2026 года»: days
    # as near in several years tell none
    return years[0] if len(years) == 1 else None


# how far ahead of a release the earliest day it tells of as to come may lie (blind parts: up to
# 20 months, «ХАБАРОВСК, 27 января» of 2026 with a plant to open «в сентябре 2027 года»); further
# ahead, the years told of are older than the release, which is within a year of that day
MONTHS_AHEAD = 24
MONTHS_AHEAD_USUAL = 12


def _no_earlier(cand: _Cand, year: int, told_of: _Reported) -> int:
    """The year of a yearless dateline, no earlier than the latest month the text tells of in the
    past: «5 марта» after «в IV квартале 2025 года добыча составила» is of 2026."""
    value = cand.make(year) if cand.make is not None else None
    past = told_of.past_start
    if value is not None and past is not None and past[:4] == str(year) and value < past:
        year += 1
    return _within_a_year_of(cand, year, told_of.first_to_come)


def _month_number(iso: str) -> int:
    """«2026-09» or «2026-09-20» counted in months since year 0."""
    return int(iso[:4]) * 12 + int(iso[5:7])


def _within_a_year_of(cand: _Cand, year: int, to_come: str | None) -> int:
    """A yearless dateline more than two years before the earliest month or day the text tells of
    as to come is of the year within a year before that day: «ТОМСК, 14 мая» with «выборы пройдут
    20 сентября 2026 года» is of 2026, though the career told of ends in 2023."""
    if to_come is None or cand.make is None:
        return year

    def months_before(y: int) -> int | None:
        value = cand.make(y)
        return None if value is None else _month_number(to_come) - _month_number(value)

    gap = months_before(year)
    if gap is None or gap <= MONTHS_AHEAD:
        return year
    while gap is not None and gap > MONTHS_AHEAD_USUAL:
        year += 1
        gap = months_before(year)
    return year


def _year_by_weekday(head: str, cand: _Cand, year: int, cands: list[_Cand], told_of: _Reported) -> int:
    """The year of a yearless dateline: the one the text's years point to, or the year after it
    when only there the day falls on the weekday the header names («АРХАНГЕЛЬСК, 16 апреля. ...
    в четверг провел», «в четверг, 12 февраля»: a Thursday in 2026, not in 2025)."""
    if cand.make is None:
        return year
    # a weekday with its own day after it («откроет сезон в субботу, 5 декабря») tells that day's
    # year, and so the release's: the nearer of the two years in which it falls on that weekday
    dated = _dated_weekdays(head, cands)
    for day, weekday, _ in dated:
        for y in (year, year + 1):
            if _on_its_weekday(day, weekday, y):
                return y
    if (by_text := _year_by_dated_weekday_in_text(cand, year, told_of)) is not None:
        return by_text
    dated_ends = {end for _, _, end in dated}
    named = {
        _WEEKDAYS[m.group("wd").lower()][0] for m in _WEEKDAY_RE.finditer(head)
        if not m.group("mod") and m.end() not in dated_ends
    }
    named |= {_WEEKDAYS[m.group("wd").lower()][0] for m in _WEEKDAY_BEFORE_RE.finditer(head, 0, cand.start)}
    # «В среду и четверг температура поднимется»: two weekdays, neither the release's
    named |= {_WEEKDAYS[m.group("wd2").lower()][0] for m in _WEEKDAY_PAIR_RE.finditer(head)}
    if len(named) != 1 or dated:
        return year
    (weekday,) = named
    return next((y for y in (year, year + 1) if _on_its_weekday(cand, weekday, y)), year)  # never before a past year


# how far from the dateline's day a day the text dates by its weekday may lie
WEEKDAY_DAY_REACH_DAYS = 183


def _year_by_dated_weekday_in_text(cand: _Cand, year: int, told_of: _Reported) -> int | None:
    """«ВЛАДИВОСТОК, 23 апреля. ... была главным врачом с 2019 по 2023 год ... представить
    планируется в пятницу, 24 апреля ... программа на 2026–2030 годы»: the first year from the
    latest told as past up to the earliest told as to come in which the first day the text dates
    by its weekday falls on it, within half a year of the dateline's day; None when no year fits."""
    if not told_of.dated_weekdays or cand.make is None:
        return None
    day, weekday = told_of.dated_weekdays[0]
    last = max(year + 1, told_of.earliest_to_come or year)
    for y in range(year, last + 1):
        own = cand.make(y)
        if own is None:
            continue
        for day_year in (y, y + 1, y - 1):
            value = day.make(day_year) if day.make is not None else None
            if value is None or datetime.date.fromisoformat(value).weekday() != weekday:
                continue
            gap = abs((datetime.date.fromisoformat(value) - datetime.date.fromisoformat(own)).days)
            if gap <= WEEKDAY_DAY_REACH_DAYS:
                return y
    return None


# a programme or a plan named by its year: «в программу 2027 года», «плана 2026 года»
_PROGRAMME_BEFORE_RE = re.compile(r"(?<![а-яё])(?:программ|план)[а-яё]{0,3}\s+\Z", re.IGNORECASE)


def _planned_for(text: str, c: _Cand) -> bool:
    """A year or period a plan is for: «на 2026 год», «на IV квартал 2028 года», «на 2027 год и
    плановый период 2028 и 2029 годов»."""
    if c.value is None:
        return False
    if ("-" not in c.value or c.kind == "period") and _word_before(text, c) == "на":
        return True
    return _PLAN_YEARS_RE.search(text, max(0, c.start - PLAN_YEARS_REACH), c.start) is not None


@dataclass(frozen=True)
class _Reported:
    """What the text tells of as past or present, which a release is no earlier than: the years
    (`_reported_years`), and the start of the latest part of a year told in the past tense («в IV
    квартале 2025 года добыча составила»: the release is of 2026 when its dateline says «5 марта») or
    of a month something has gone on since («свободна с декабря 2025 года»)."""

    years: list[int]
    past_start: str | None
    # the earliest month or day told of in the future tense («выборы пройдут 20 сентября 2026
    # года», «строительство начнется в октябре 2026 года»): a release tells of such days within two years
    first_to_come: str | None = None
    # the yearless days the whole text names with their weekday («в пятницу, 24 апреля»), and the
    # earliest year it tells of as to come or a plan starts in, which the release is seldom later than
    dated_weekdays: tuple[tuple[_Cand, int], ...] = ()
    earliest_to_come: int | None = None
    # the year of the first task, goal, priorities or plan the text sets for a year («задачей на 2026
    # год станет ...»): what dates a release that tells of no other year (`_year_of_its_tasks`)
    tasks_year: int | None = None


# a year's task, goal, priorities or plan: «главной задачей ведомства на 2026 год станет», «приоритеты на 2027 год»
# (a task's owner may stand between: «задачей ведомства»; not a plan of something, «план приватизации на 2027 год»)
_YEAR_TASK_RE = re.compile(
    r"(?<![а-яё])(?:(?:задач[аиуейм]{0,3}|цел[ьиейям]{0,2}|приоритет(?:ы|ов|ам|ами|ах|а|ом|е)?)(?:\s+[а-яё]+)?"
    r"|план(?:ы|ов|ам|ами|ах|а|у|ом|е)?)\s+на\s+(?P<y>\d{4})\s+год(?![а-яё])",
    re.IGNORECASE,
)
# from this month on a release sets the tasks of the next year: of the blind parts' releases naming a
# year's task, plan, goal or priorities, the 43 of January to October name their own year, the 10 of
# November and December the next
TASKS_AHEAD_FROM_MONTH = 11


def _year_of_its_tasks(tasks_year: int, day_value: str) -> int:
    """The release's year by the year its tasks are set for and the month of its yearless dateline."""
    return tasks_year - 1 if int(day_value[5:7]) >= TASKS_AHEAD_FROM_MONTH else tasks_year


def _planned(offsets: Offsets, c: _Cand, tense: str | None) -> bool:
    """A date told in the future, or by an infinitive outside the past («планируем выйти на полную
    мощность в IV квартале 2029 года»): a plan, no time reported on."""
    if tense == "future":
        return True
    return tense != "past" and _nearest_verb_form(offsets, *offsets.sentence(c.start), c.start, c.end) == "Inf"


def _reported_years(text: str, scan: _Scan) -> _Reported:
    """The years the text tells of as past or present, which a release is no earlier than: a
    dateline without a year takes the latest. Not a year something lasts since («с 2021 года он
    возглавлял»), nor a target, nor one of the future tense («в 2027 году построят»), nor a
    comparison's base, nor the years a plan or a contract is for («договор на 2026–2028 годы», «на
    2027 год и плановый период 2028 и 2029 годов»), nor
    a day set for something («заседание назначено на 18 марта 2027 года»); a
    period counts by its last year («к отопительному сезону 2025-2026 годов»); a whole year whose
    results are given («по итогам 2025 года») is reported the year after, one whose total is told
    («в 2025 году составила») after its last quarter begins. With none of them, a month a count
    runs since («С января 2026 года зарегистрированы»), else the earliest year told of in the future
    tense or set as a deadline («В 2026 году мы рассчитываем», «до конца 2026 года планируется»).
    Also the earliest month or day told of in the future tense (`_within_a_year_of`)."""
    years: list[int] = []
    to_come: list[int] = []  # the years told of in the future tense: the release is no later
    past_starts: list[str] = []  # the starts of months, quarters, half-years told in the past
    cands = _longest_first(_candidates(text, scan))  # not «2028 годы» inside «2026–2028 годы»
    ctx = _Context(text, scan.offsets, cands)
    since_months: list[str] = []  # the months something has gone on since, up to the report
    dated_to_come: list[str] = []  # months and days told of in the future tense
    runs: list[tuple[int, int]] = []  # runs of whole years told of as past or present
    plans: list[int] = []  # the first years of plans («программа на 2026–2030 годы»): rarely far ahead
    # whole years told in the past against the present: «В 2023 году доля превышала 40%, сейчас она
    # не превышает 8%» is of a year before the release's
    before_now: list[int] = []
    this_year = [m.start() for m in _THIS_YEAR_RE.finditer(text)]  # «в текущем году»
    for i, c in enumerate(cands):
        # nor a comparison's base («на 2,1 п.п. ниже уровня 2024 года»: the year before the one told of)
        bound = _bound(text, c) and not _past_day_bound(text, c, scan.offsets)
        if bound and _since_a_month(text, scan, c):
            since_months.append(c.value)
        elif bound and not c.relative and c.value is not None and _period_end_target(text, c):
            to_come.append(int(c.value.split("/")[-1][:4]))  # a deadline: «до конца 2026 года планируется»
        if _before_this_year(this_year, scan, c, ctx.base[i]):
            years.append(int(c.value) + 1)
        if c.relative or c.bare or c.value is None or bound or ctx.base[i]:
            continue
        if _planned_for(text, c):
            if "-" in c.value:  # «намечен на IV квартал 2026 года»: a part of a year set for a plan, still to come
                to_come.append(int(c.value[:4]))
            plans.append(int(c.value[:4]))
            continue
        if _set_for(text, c):
            # «заседание назначено на 18 марта 2027 года»: a day set, still to come
            to_come.append(int(c.value.split("/")[-1][:4]))
            if len(c.value) in (len("2026-10"), len("2026-10-01")):
                dated_to_come.append(c.value)
            continue
        year = int(c.value.split("/")[-1][:4])
        tense = _tense_near(scan.offsets, *scan.offsets.sentence(c.start), c.start, c.end)
        if _after_past_participle(scan.offsets, c.start):
            tense = "past"  # «вложит ... в котельную, построенную в 1968 году»: the participle's time
        if year < EARLIEST_RELEASE_YEAR:
            continue
        programme = _PROGRAMME_BEFORE_RE.search(text, max(0, c.start - WORD_BEFORE_REACH), c.start)
        if _planned(scan.offsets, c, tense) or tense != "past" and programme:
            # «Заявки на включение в программу 2027 года принимаются»: a programme's year, told of
            # in the present, may be the next one; a run of years to come starts with its first
            # («будет реализован в 2026–2029 годах»)
            to_come.append(int(c.value[:4]))
            if tense == "future" and len(c.value) in (len("2026-10"), len("2026-10-01")):
                dated_to_come.append(c.value)
            continue
        if len(c.value) == 4 and tense == "past" and _word_before(text, c) == "за":
            # «за 2026 год предприятие восстановило 118 инструментов»: a year's count, told once the
            # year has ended or in its last quarter (a November dateline is of that year)
            past_starts.append(f"{year}-{LAST_QUARTER_MONTH}")
        elif len(c.value) == 4 and _RESULTS_RE.search(text, max(0, c.start - WORD_BEFORE_REACH), c.start):
            year += 1
        elif len(c.value) == 4 and tense == "past" and _word_before(text, c) in _WHOLE_YEAR_WORDS and (
            _TOTAL_AFTER_RE.match(text, c.end) or _against_year_before(text, scan, c, year)
        ):
            # the year's total, told once it has ended or nearly so: a day of it before the last
            # quarter is of the next year («5 февраля»), one in it may still be of that year
            past_starts.append(f"{year}-{LAST_QUARTER_MONTH}")
        if "/" in c.value and len(c.value) == len("2027/2030"):
            runs.append((int(c.value[:4]), year))  # weighed against the other years below
            continue
        if len(c.value) == 4 and tense == "past" and _contrasted_with_now(text, scan.offsets, c):
            before_now.append(year)
            continue
        years.append(year)
        if tense == "past" and len(start := c.value.split("/")[0]) == len("2025-10"):
            past_starts.append(start)
    # a run of years counts by its last one («к отопительному сезону 2025-2026 годов»), unless it
    # starts after every other year told («за девять месяцев 2026 года ... подписали соглашение об
    # обучении в 2027–2030 годах»: the run is the agreement's plan) or ends after a year still to
    # come or a plan's first year («задачей на 2026 год станет ...», «обсудили ... ремонт причалов в
    # 2026–2028 годах»)
    earliest_to_come = min(to_come + plans, default=None)
    years += [
        last for first, last in runs
        if (not years or first <= max(years)) and (earliest_to_come is None or last <= earliest_to_come)
    ]
    # with no year told of as past or present, one a count has run since: «С января 2026 года в
    # парке зарегистрированы четыре резидента»; unless the future's earliest year, often the
    # report's own, lies more than a year after it
    latest_since = max((int(m[:4]) for m in since_months), default=None)
    if latest_since is not None and (not to_come or min(to_come) - 1 <= latest_since <= min(to_come)):
        fallback = [latest_since]
    else:
        fallback = sorted(to_come)[:1]
    if before_now:  # the release is of a later year: the years told before it say nothing more
        floor = max(before_now) + 1
        years = [y for y in years if y >= floor]
        fallback = [max(fallback + [floor])]
    if years and to_come and max(years) < min(to_come) - HISTORY_YEARS:
        # «очистные построены в 1978 году» ... «подрядчика выберут до конца 2025 года»: years this far
        # before every year to come are history, the release is of the time of its plans
        years = []
    past_start = max(past_starts) if years and past_starts else None
    # a month something has gone on since is before the release too: «Должность директора была свободна с
    # декабря 2025 года» under «ДОБРЯНКА, 3 марта» is of 2026
    if since_months and (past_start is None or max(since_months) > past_start):
        past_start = max(since_months)
    if years and latest_since is not None and latest_since > max(years):
        # «в 2025 году открыли 11,6 тыс. дел ... с января 2026 года нотариус запрашивает сам»: what has
        # run since a month goes on at the release, which is of that year at least
        years.append(latest_since)
    dated = tuple((day, weekday) for day, weekday, _ in _dated_weekdays(text, cands))
    first_to_come = min(dated_to_come, default=None)
    task = _YEAR_TASK_RE.search(text)
    tasks = int(task.group("y")) if task else None
    return _Reported(years or fallback, past_start, first_to_come, dated, earliest_to_come, tasks)


# the most years a past year told may lie before the earliest year to come and still date the release
HISTORY_YEARS = 10


# the present a past year is set against in its sentence
_NOW_RE = re.compile(r"(?<![а-яё])(?:сейчас|теперь|ныне|в\s+настоящее\s+время|на\s+сегодняшний\s+день)(?![а-яё])",
                     re.IGNORECASE)


def _contrasted_with_now(text: str, offsets: Offsets, c: _Cand) -> bool:
    """A year its sentence sets against the present after it: «В 2023 году доля импорта
    превышала 40%, сейчас она не превышает 8%»."""
    _start, end = offsets.sentence(c.start)
    return _NOW_RE.search(text, c.end, end) is not None


# a comparison with a whole year: «что на 12% больше, чем в 2024 году», «по сравнению с 2024 годом»
_AGAINST_YEAR_RE = re.compile(r"(?:\bчем\s+в|\bпо\s+сравнению\s+с|\bпротив)\s+(?P<y>\d{4})\s+год", re.IGNORECASE)


def _against_year_before(text: str, scan: _Scan, c: _Cand, year: int) -> bool:
    """A whole year compared in its sentence with the year before it, as a whole: «в 2025 году
    ресурсами воспользовались 96,4 тыс. читателей, что на 12% больше, чем в 2024 году» is the
    year's total, told once it has ended."""
    _start, end = scan.offsets.sentence(c.start)
    return any(int(m.group("y")) == year - 1 for m in _AGAINST_YEAR_RE.finditer(text, c.end, end))


def _before_this_year(this_year: list[int], scan: _Scan, c: _Cand, base: bool) -> bool:
    """A whole year told in the past or compared with, in a sentence that names the current year as
    such (`this_year`: where the text does): the current year is a later one («В 2025 году мы
    передали 112 машин, а в текущем году рассчитываем ...», «В этом году отремонтируют 31 участок,
    на 18% больше, чем в 2025 году»)."""
    if c.relative or c.bare or c.value is None or len(c.value) != len("2025"):
        return False
    start, end = scan.offsets.sentence(c.start)
    k = bisect.bisect_left(this_year, start)
    if k == len(this_year) or this_year[k] >= end:
        return False
    return base or _tense_near(scan.offsets, start, end, c.start, c.end) == "past"


def _since_a_month(text: str, scan: _Scan, c: _Cand) -> bool:
    """«с января 2026 года зарегистрированы»: a month something has run since, told in the past
    or present tense (a year alone, «с 2021 года он возглавлял», may be long ago)."""
    if c.relative or c.value is None or len(c.value) != len("2026-01") or _word_before(text, c) not in _START_WORDS:
        return False
    return _tense_near(scan.offsets, *scan.offsets.sentence(c.start), c.start, c.end) != "future"


def _past_day_bound(text: str, c: _Cand, offsets: Offsets) -> bool:
    """A day something lasted until or was reached by, told in the past: «дома до 30 сентября 2026
    года обслуживало ООО ...», «к 1 сентября собрали» is no target still to come; the release is of
    that year or later. Not a state that lasts until the day: «Кредитная линия открыта до 31 декабря
    2029 года» is a term still to run."""
    if c.value is None or len(c.value) != len("2026-09-30") or (word := _word_before(text, c)) not in _TARGET_WORDS:
        return False
    sentence = offsets.sentence(c.start)
    if _tense_near(offsets, *sentence, c.start, c.end) != "past":
        return False
    return word != "до" or _nearest_verb_form(offsets, *sentence, c.start, c.end) != "Part:Short"


def _doc_date(head: str, scan: _Scan, reported: Callable[[], _Reported]) -> tuple[datetime.date, bool] | None:
    """The header's date of the release, and whether a signature's date goes before it: it opens a
    sentence (`_opens_a_sentence`) or stands in the running text, not on a dateline;
    a dateline without a year takes the latest of the `reported` years (`_reported_years`, read
    from the whole text only then)."""
    cands = _longest_first(_candidates(head, scan))
    best: tuple[int, bool, int] | None = None  # (line score, a town's dateline, -start)
    best_value: str | None = None
    best_cand: _Cand | None = None
    by_weekday = False  # the best is a day of the running text dated by its weekday
    for cand in cands:
        if cand.value is None or cand.relative or not cand.is_day or len(cand.value) != 10:
            continue
        if int(cand.value[:4]) < EARLIEST_RELEASE_YEAR:
            continue
        score = _line_score(head, cand)
        if score == 1 and _written_later(head, cand, scan):
            continue
        key = (score, _city_dateline(head, cand), -cand.start)
        if best is None or key > best:
            best, best_value, best_cand = key, cand.value, cand
    if best is None or best[0] == 1:
        # a dateline without a year goes before a date in the running text («РЯЗАНЬ, 5 марта. ...
        # кредитный портфель на 1 января 2026 года»); it takes a year only when the header names one
        # but a target: the latest the text tells of as past or present, else that one («с 1 апреля
        # 2026 года вступит в силу»)
        named = [
            (y, c) for c in cands
            if not c.relative and not c.bare
            and (not _bound(head, c, _TARGET_WORDS) or _past_day_bound(head, c, scan.offsets))
            and (y := _years_of(c.value) or _split_year(c.value) or _first_year(c.value)) is not None
            and y >= EARLIEST_RELEASE_YEAR
        ]
        told_of = reported() if named or any(_agency_dateline(head, c) for c in cands) else _Reported([], None)
        if not told_of.years and any(_weekday_told(head, c) for c in cands):
            # a report's day with its weekday in the lead («сообщили в среду, 11 ноября») dates the
            # release as a dateline does when it falls on that weekday in a year the text tells of
            told_of = _on_a_weekday_told(head, cands, reported())
        told = told_of.years
        # with none told, a year the header names, but not one something lasts since («руководил с 1993 года»),
        # nor one a plan is for («на 2027 год и плановый период 2028 и 2029 годов»)
        years = told or [y for y, c in named if not _lasts_since(head, c) and not _planned_for(head, c)]
        years = years or _years_by_dated_weekday(head, cands)
        tasks_year = None if years else told_of.tasks_year
        years = years or ([tasks_year] if tasks_year is not None else [])
        for cand in cands:
            if best is not None and not (_city_dateline(head, cand) or _line_score(head, cand) > DATELINE_SCORE):
                # over a date of the running text, a dateline only: «РЯЗАНЬ, 5 марта.», or a date
                # alone on its line («26 ноября, 14:20 | Общество»)
                continue
            # a report's day in the running text takes a year the text tells of as past or present,
            # not one something lasts since («руководил с 1993 года»)
            told_on = bool(told) and _weekday_told(head, cand)
            if not (years and cand.make is not None and cand.is_day):
                continue
            if _line_score(head, cand) < 2 and not told_on:
                continue
            # a town's dateline goes before a date a short headline opens with («На Камчатке с 1 июня
            # начнется ...» over «ПЕТРОПАВЛОВСК-КАМЧАТСКИЙ, 21 мая.»)
            key = (max(_line_score(head, cand), 2 if told_on else 1), _city_dateline(head, cand), -cand.start)
            latest = _no_earlier(cand, max(years), told_of)
            year = _year_of_a_day_near(scan, cand) or _year_by_weekday(head, cand, latest, cands, told_of)
            if tasks_year is not None and year == tasks_year and (day := cand.make(year)):
                year = _year_of_its_tasks(tasks_year, day)
            value = cand.make(year)
            if value and (best is None or key > best):
                best, best_value, best_cand = key, value, None
                by_weekday = _line_score(head, cand) < DATELINE_SCORE
    if best_value is None:
        return None
    # a date in the header's running text («контракт был заключен 14 апреля 2025 года»), or a
    # day of it dated by its weekday («курс стартует в понедельник, 24 августа»), is no dateline
    # either: a signature's date, where there is one, dates the release
    in_text = best is not None and (best[0] == 1 or by_weekday)
    opens = best_cand is not None and _opens_a_sentence(head, best_cand)
    if opens and _bound(head, best_cand):
        return None  # «С 1 января 2026 года при расчете пособия учитываются ...»: when a rule starts
    return datetime.date.fromisoformat(best_value), in_text or opens
