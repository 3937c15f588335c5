"""Dates, periods and relative date phrases in Russian text, resolved to ISO values.

Values: `YYYY-MM-DD`, `YYYY-MM`, `YYYY` or a period `START/END`; None when the value needs a
reference date that was not given. `relative` is True whenever the value depends on the
reference date (relative phrases, and day/month mentions without a year).

Span conventions: a plain preposition before a date («в 2024 году») is not part of the span;
range markers («с 1 по 15 июля») and idiomatic relative phrases («в прошлом году», «на прошлой
неделе») are. Choices documented here and in the data files:
- winter with a year («зимой 2024») is the January-February part of that year (date_seasons.txt);
- «к концу прошлого года» is December of the previous year, «в начале года» January;
- «в пятницу» is the latest Friday on or before the reference date, «в прошлую пятницу» the
  latest strictly before it, «в следующую пятницу» the earliest strictly after it.
"""

from __future__ import annotations

import bisect
import datetime
import re
from collections.abc import Callable
from dataclasses import dataclass

from extractor.lexicon import load_rows
from extractor.model import DateItem

# --- vocabulary, read once -------------------------------------------------------------------


def _alternation(words: list[str]) -> str:
    """Regex for any of `words` as a character trie: Python's re tries alternatives one by one,
    a trie fails at the first letter. Greedy with backtracking, so «январем» beats «январе»."""
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


def _lead(words: list[str], extra: str = "") -> str:
    """Lookahead on the first letter: lets re skip most positions before trying the pattern."""
    firsts = {w[0].lower() for w in words} | {w[0].upper() for w in words}
    return "(?=[" + re.escape("".join(sorted(firsts))) + extra + "])"


def _forms_table(name: str) -> dict[str, tuple[str, ...]]:
    """`key | form form form` rows as {form: (key, other fields...)}."""
    table: dict[str, tuple[str, ...]] = {}
    for row in load_rows(name):
        for form in row[-1].split():
            table[form.lower()] = row[:-1]
    return table


_MONTHS = {form: int(row[0]) for form, row in _forms_table("months.txt").items()}
_SEASONS = {form: (int(row[0]), int(row[1])) for form, row in _forms_table("date_seasons.txt").items()}
_WEEKDAYS = {form: int(row[0]) for form, row in _forms_table("date_weekdays.txt").items()}
_WEEKDAY_MODS = {row[0].lower(): row[1] for row in load_rows("date_weekday_mods.txt")}
_ORDINALS = {row[0].lower(): int(row[1]) for row in load_rows("date_ordinals.txt")}
_RELATIVE = {" ".join(row[0].lower().split()): (row[1], int(row[2])) for row in load_rows("relative_dates.txt")}
# «прошлого года» style genitives name a year after a month or quarter («в марте прошлого года»).
_REL_YEAR_ADJ = {
    phrase.split()[0]: shift
    for phrase, (unit, shift) in _RELATIVE.items()
    if unit == "year" and len(phrase.split()) == 2 and phrase.endswith(" года")
}
_NUMBER_WORDS = {row[0]: float(row[1]) for row in load_rows("pct_numbers.txt")}
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}

# --- regex building blocks ---------------------------------------------------------------------

_NW = r"(?![а-яёa-z])"  # end of a word (no letter follows)
_BW = r"(?<![а-яёa-z0-9])"  # start of a word
_MONTH = rf"(?:{_alternation(list(_MONTHS))}){_NW}"
_YEAR = r"(?<!\d)(?:19\d\d|20\d\d|2100)(?!\d)"
# Year words, longest first; «г» needs no dot but must not start a longer word.
_YW = rf"(?:-?(?:м|й|го|х)\s*)?(?:годами|годах|годам|годов|годом|года|году|годы|год|гг\.?|г\.?){_NW}"
_REL_ADJ = _alternation(list(_REL_YEAR_ADJ))
# A year after a month/quarter: «2024», «2024 года», or «прошлого года».
_YEAR_TAIL = rf"(?:\s+(?P<y>{_YEAR})(?:\s*{_YW})?|\s+(?P<rel>{_REL_ADJ})\s+года{_NW})"
_DASH = r"\s*[-–—]\s*"
_SEP = rf"(?P<sep>{_DASH}|\s+(?:по|до)\s+)"
_ORD = rf"(?:{_alternation(list(_ORDINALS))})[а-яё]*"

_FLAGS = re.IGNORECASE


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, _FLAGS)


_DAY_RANGE_RE = _rx(
    rf"(?=[\dсС]){_BW}(?:(?P<s>с|со)\s+)?(?<!\d)(?P<d1>\d{{1,2}})(?:\s+(?P<m1>{_MONTH}))?{_SEP}"
    rf"(?P<d2>\d{{1,2}})\s+(?P<m2>{_MONTH})(?:{_YEAR_TAIL})?"
)
_DAY_MONTH_RE = _rx(rf"(?=\d)(?<![\d.,])(?P<d>\d{{1,2}})(?:-?го)?\s+(?P<m>{_MONTH})(?:{_YEAR_TAIL})?")
_NUMERIC_RE = _rx(
    r"(?=\d)(?<![\d.,/])(?P<d>\d{1,2})(?P<s>[./])(?P<m>\d{1,2})(?P=s)(?P<y>\d{4}|\d{2})(?!\d|[.,/]\d)"
    rf"(?:\s*(?:года|г\.?){_NW})?"
)
_ISO_RE = _rx(r"(?=\d)(?<![\d-])(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?!\d)")
_YEAR_RANGE_RE = _rx(
    rf"(?=[12сС]){_BW}(?:(?P<s>с|со)\s+)?(?<![\w№-])(?P<y1>{_YEAR})(?:\s*(?:года|г\.?){_NW})?{_SEP}"
    rf"(?P<y2>{_YEAR})\s*{_YW}"
)
_MONTH_RANGE_RE = _rx(
    rf"{_lead(list(_MONTHS), 'сС')}{_BW}(?:(?P<s>с|со)\s+)?(?P<m1>{_MONTH})(?:\s+(?P<y1>{_YEAR})(?:\s*{_YW})?)?{_SEP}"
    rf"(?P<m2>{_MONTH})(?:{_YEAR_TAIL})?"
)
_MONTH_RE = _rx(rf"{_lead(list(_MONTHS))}{_BW}(?P<m>{_MONTH})(?:{_YEAR_TAIL})?")
_QUARTER_RE = _rx(
    rf"{_lead(list(_ORDINALS), 'iIvV1-4')}{_BW}"
    rf"(?:(?P<r>iv|i{{1,3}})|(?P<n>[1-4])(?:-?(?:й|м|ом|го|ого))?|(?P<o>{_ORD}))"
    rf"\s+квартал[а-яё]*(?:{_YEAR_TAIL})?"
)
_HALF_RE = _rx(
    rf"{_lead(list(_ORDINALS), 'iI12')}{_BW}(?:(?P<r>i{{1,2}})|(?P<n>[12])(?:-?(?:е|м|ом|го|ое|ого))?|(?P<o>{_ORD}))"
    rf"\s+полугоди[а-яё]*(?:{_YEAR_TAIL})?"
)
_NMONTHS_RE = _rx(rf"{_BW}(?P<n>\d{{1,2}}|[а-яё]+)\s+месяц[а-яё]*{_YEAR_TAIL}")
_YEAR_RE = _rx(rf"(?=[12])(?<![\w№./:-])(?<!№\s)(?P<y>{_YEAR})\s*{_YW}")
_SEASON_RE = _rx(rf"{_lead(list(_SEASONS))}{_BW}(?P<s>{_alternation(list(_SEASONS))}){_NW}{_YEAR_TAIL}")
_RELATIVE_RE = _rx(rf"{_lead(list(_RELATIVE))}{_BW}(?P<p>{_alternation(list(_RELATIVE))}){_NW}")
_WEEKDAY_RE = _rx(
    rf"(?=[вВ]){_BW}во?\s+(?:(?P<mod>{_alternation(list(_WEEKDAY_MODS))})\s+)?"
    rf"(?P<wd>{_alternation(list(_WEEKDAYS))}){_NW}"
)
# «22:10» anywhere; «10.00» only after «в» (otherwise it is a decimal number).
_TIME_RE = _rx(
    r"(?=\d)(?<![\d.:,])(?:(?P<h>[01]?\d|2[0-3]):(?P<mi>[0-5]\d)|(?<=в\s)(?P<h2>[01]?\d|2[0-3])\.(?P<mi2>[0-5]\d))"
    r"(?!\d|[.:,]\d)"
)
_WORD_RE = re.compile(r"[а-яёa-z]+", re.IGNORECASE)
_DATELINE_PREFIX_RE = re.compile(r"^[^\d\n]{0,15}$")  # «icon », «Пенза, » before a date on its line
_DATELINE_SUFFIX_RE = re.compile(r"^[\s.,;:|–—-]*(?:(?:в\s+)?\d{1,2}[:.]\d{2})?[\s.,;]*$")


# --- candidates -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Cand:
    start: int
    end: int
    value: str | None
    relative: bool = False
    is_day: bool = False  # a single calendar day: may take a following time of day


def _ymd(year: int, month: int, day: int) -> str | None:
    """ISO day, or None for an impossible date (31.02)."""
    try:
        return datetime.date(year, month, day).isoformat()
    except ValueError:
        return None


def _ym(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def _period(start: str | None, end: str | None) -> str | None:
    return f"{start}/{end}" if start and end else None


def _tail_year(m: re.Match[str], ref: datetime.date | None) -> tuple[int | None, bool]:
    """The year named after a month/quarter (or the reference year); and whether ref was needed."""
    if m.group("y"):
        return int(m.group("y")), False
    if m.group("rel"):
        shift = _REL_YEAR_ADJ[m.group("rel").lower()]
        return (ref.year + shift if ref else None), True
    return (ref.year if ref else None), True


def _range_ok(m: re.Match[str]) -> bool:
    """«по»/«до» make a range only after «с»: «1 по 15» alone is not a range."""
    return m.group("sep").strip() in "-–—" or bool(m.group("s"))


def _day_range(m: re.Match[str], ref: datetime.date | None) -> _Cand | None:
    if not _range_ok(m):
        return None
    year, rel = _tail_year(m, ref)
    m2 = _MONTHS[m.group("m2").lower()]
    m1 = _MONTHS[m.group("m1").lower()] if m.group("m1") else m2
    d1, d2 = int(m.group("d1")), int(m.group("d2"))
    if year is None:
        ok = _ymd(2000, m1, d1) and _ymd(2000, m2, d2)  # leap year: validate the day numbers only
        return _Cand(m.start(), m.end(), None, rel) if ok else None
    a, b = _ymd(year, m1, d1), _ymd(year, m2, d2)
    if not a or not b or a > b:
        return None
    return _Cand(m.start(), m.end(), _period(a, b), rel)


def _day_month(m: re.Match[str], ref: datetime.date | None) -> _Cand | None:
    day, month = int(m.group("d")), _MONTHS[m.group("m").lower()]
    year, rel = _tail_year(m, ref)
    if year is None:
        return _Cand(m.start(), m.end(), None, rel, True) if _ymd(2000, month, day) else None
    value = _ymd(year, month, day)
    return _Cand(m.start(), m.end(), value, rel, True) if value else None


def _numeric(m: re.Match[str], ref: datetime.date | None) -> _Cand | None:
    year = int(m.group("y"))
    if len(m.group("y")) == 2:
        year += 2000 if year < 50 else 1900
    value = _ymd(year, int(m.group("m")), int(m.group("d")))
    return _Cand(m.start(), m.end(), value, False, True) if value else None


def _iso(m: re.Match[str], ref: datetime.date | None) -> _Cand | None:
    value = _ymd(int(m.group("y")), int(m.group("m")), int(m.group("d")))
    return _Cand(m.start(), m.end(), value, False, True) if value else None


def _year_range(m: re.Match[str], ref: datetime.date | None) -> _Cand | None:
    y1, y2 = int(m.group("y1")), int(m.group("y2"))
    if not _range_ok(m) or y1 >= y2:
        return None
    return _Cand(m.start(), m.end(), f"{y1}/{y2}")


def _month_range(m: re.Match[str], ref: datetime.date | None) -> _Cand | None:
    if not _range_ok(m):
        return None
    m1, m2 = _MONTHS[m.group("m1").lower()], _MONTHS[m.group("m2").lower()]
    y2, rel = _tail_year(m, ref)
    y1 = int(m.group("y1")) if m.group("y1") else y2
    if y1 is None or y2 is None:
        return _Cand(m.start(), m.end(), None, rel)
    if (y1, m1) >= (y2, m2):
        return None
    return _Cand(m.start(), m.end(), _period(_ym(y1, m1), _ym(y2, m2)), rel)


def _month(m: re.Match[str], ref: datetime.date | None) -> _Cand | None:
    year, rel = _tail_year(m, ref)
    value = _ym(year, _MONTHS[m.group("m").lower()]) if year else None
    return _Cand(m.start(), m.end(), value, rel)


def _ordinal(m: re.Match[str]) -> int:
    """Number of a quarter/half from «II», «2-м» or «втором»."""
    if m.group("r"):
        return _ROMAN[m.group("r").lower()]
    if m.group("n"):
        return int(m.group("n"))
    word = m.group("o").lower()
    return next(n for stem, n in _ORDINALS.items() if word.startswith(stem))


def _months_period(m: re.Match[str], ref: datetime.date | None, first: int, last: int) -> _Cand:
    year, rel = _tail_year(m, ref)
    value = _period(_ym(year, first), _ym(year, last)) if year else None
    return _Cand(m.start(), m.end(), value, rel)


def _quarter(m: re.Match[str], ref: datetime.date | None) -> _Cand | None:
    q = _ordinal(m)
    return _months_period(m, ref, 3 * q - 2, 3 * q) if 1 <= q <= 4 else None


def _half(m: re.Match[str], ref: datetime.date | None) -> _Cand | None:
    h = _ordinal(m)
    return _months_period(m, ref, 6 * h - 5, 6 * h) if h in (1, 2) else None


def _count_word(word: str) -> float | None:
    """Value of a number word in any case («девяти» -> 9) via its pymorphy3 lemma."""
    from extractor.morph import get_vocab  # imported lazily: most texts never get here

    for parse in get_vocab().raw_parse(word.lower()):
        if parse.normal_form in _NUMBER_WORDS:
            return _NUMBER_WORDS[parse.normal_form]
    return None


def _n_months(m: re.Match[str], ref: datetime.date | None) -> _Cand | None:
    raw = m.group("n")
    n = int(raw) if raw.isdigit() else _count_word(raw)
    if n is None or not 1 <= n <= 12 or n != int(n):
        return None
    start = m.start("n")
    cand = _months_period(m, ref, 1, int(n))
    return _Cand(start, cand.end, cand.value, cand.relative)


def _year(m: re.Match[str], ref: datetime.date | None) -> _Cand | None:
    return _Cand(m.start(), m.end(), m.group("y"))


def _season(m: re.Match[str], ref: datetime.date | None) -> _Cand | None:
    first, last = _SEASONS[m.group("s").lower()]
    return _months_period(m, ref, first, last)


def _relative(m: re.Match[str], ref: datetime.date | None) -> _Cand | None:
    unit, shift = _RELATIVE[" ".join(m.group("p").lower().split())]
    if ref is None:
        return _Cand(m.start(), m.end(), None, True, unit == "day")
    if unit == "day":
        value: str | None = (ref + datetime.timedelta(days=shift)).isoformat()
    elif unit == "week":
        monday = ref - datetime.timedelta(days=ref.weekday()) + datetime.timedelta(weeks=shift)
        value = _period(monday.isoformat(), (monday + datetime.timedelta(days=6)).isoformat())
    elif unit == "month":
        index = ref.year * 12 + ref.month - 1 + shift
        value = _ym(index // 12, index % 12 + 1)
    elif unit == "yearstart":
        value = _ym(ref.year + shift, 1)
    elif unit == "yearend":
        value = _ym(ref.year + shift, 12)
    else:
        value = f"{ref.year + shift:04d}"
    return _Cand(m.start(), m.end(), value, True, unit == "day")


def _weekday(m: re.Match[str], ref: datetime.date | None) -> _Cand | None:
    if ref is None:
        return _Cand(m.start(), m.end(), None, True, True)
    target = _WEEKDAYS[m.group("wd").lower()]
    mode = _WEEKDAY_MODS.get((m.group("mod") or "").lower(), "plain")
    if mode == "next":
        delta = (target - ref.weekday()) % 7 or 7
        day = ref + datetime.timedelta(days=delta)
    else:
        back = (ref.weekday() - target) % 7
        if mode == "last" and back == 0:
            back = 7
        day = ref - datetime.timedelta(days=back)
    return _Cand(m.start(), m.end(), day.isoformat(), True, True)


_Handler = Callable[[re.Match[str], datetime.date | None], "_Cand | None"]
_PATTERNS: tuple[tuple[re.Pattern[str], _Handler], ...] = (
    (_DAY_RANGE_RE, _day_range),
    (_DAY_MONTH_RE, _day_month),
    (_NUMERIC_RE, _numeric),
    (_ISO_RE, _iso),
    (_YEAR_RANGE_RE, _year_range),
    (_MONTH_RANGE_RE, _month_range),
    (_MONTH_RE, _month),
    (_QUARTER_RE, _quarter),
    (_HALF_RE, _half),
    (_NMONTHS_RE, _n_months),
    (_YEAR_RE, _year),
    (_SEASON_RE, _season),
    (_RELATIVE_RE, _relative),
    (_WEEKDAY_RE, _weekday),
)


_NEEDLES = {_QUARTER_RE: "квартал", _HALF_RE: "полугоди", _NMONTHS_RE: "месяц"}


def _candidates(text: str, ref: datetime.date | None) -> list[_Cand]:
    found = []
    low = text.lower()
    for regex, handler in _PATTERNS:
        needle = _NEEDLES.get(regex)
        if needle and needle not in low:
            continue  # cheap skip: most texts name no quarter, half-year or month count
        for m in regex.finditer(text):
            cand = handler(m, ref)
            if cand is not None:
                found.append(cand)
    return found


def _longest_first(cands: list[_Cand]) -> list[_Cand]:
    """Drop candidates overlapping a longer one: a range wins over the dates inside it."""
    starts: list[int] = []  # kept spans, sorted and disjoint
    kept: list[_Cand] = []
    for cand in sorted(cands, key=lambda c: (c.start - c.end, c.start)):
        i = bisect.bisect_right(starts, cand.start)
        if i > 0 and kept[i - 1].end > cand.start or i < len(kept) and kept[i].start < cand.end:
            continue
        starts.insert(i, cand.start)
        kept.insert(i, cand)
    return kept


def _times(text: str) -> list[tuple[int, int, str]]:
    out = []
    for m in _TIME_RE.finditer(text):
        hour, minute = (m.group("h"), m.group("mi")) if m.group("h") else (m.group("h2"), m.group("mi2"))
        out.append((m.start(), m.end(), f"{int(hour):02d}:{minute}"))
    return out


def _time_after(text: str, cand: _Cand, nxt: int, times: list[tuple[int, int, str]]) -> str | None:
    """A time of day following a day date on its line, or opening the next line (a dateline)."""
    for start, _end, value in times:
        if start < cand.end or start >= nxt:
            continue
        gap = text[cand.end : start]
        if "\n" not in gap and len(gap) <= 60:
            return value
        first, _, rest = gap.partition("\n")
        if not first.strip() and "\n" not in rest and _DATELINE_PREFIX_RE.match(rest):
            return value
        return None
    return None


def find_dates(text: str, ref: datetime.date | None) -> list[DateItem]:
    """Every date, period and relative date phrase of `text`, sorted by start."""
    if not isinstance(text, str) or not text:
        return []
    try:
        return _find_dates(text, ref)
    except Exception:  # noqa: BLE001 - one odd document must not fail a batch
        return []


def _find_dates(text: str, ref: datetime.date | None) -> list[DateItem]:
    kept = _longest_first(_candidates(text, ref))
    times = _times(text) if kept else []
    items = []
    for i, cand in enumerate(kept):
        nxt = kept[i + 1].start if i + 1 < len(kept) else len(text)
        time = _time_after(text, cand, nxt, times) if cand.is_day and times else None
        items.append(DateItem(text[cand.start : cand.end], cand.value, cand.start, cand.end, cand.relative, time))
    return items


# --- the document's own date -------------------------------------------------------------------

_HEAD_CHARS = 600
_HEAD_LINES = 12


def _head(text: str) -> str:
    """The header: the first ~600 characters (finishing the line) and at most 12 lines."""
    cut = text.find("\n", _HEAD_CHARS)
    head = text if cut < 0 else text[:cut]
    head = head[: _HEAD_CHARS + 200]
    return "\n".join(head.split("\n")[:_HEAD_LINES])


def _line_score(head: str, item: DateItem) -> int:
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


def find_doc_date(text: str) -> datetime.date | None:
    """The release's own date from its header or dateline; None when the header has none."""
    if not isinstance(text, str) or not text:
        return None
    head = _head(text)
    best: tuple[int, int] | None = None
    best_value: str | None = None
    for item in find_dates(head, None):
        if item.value is None or item.relative or len(item.value) != 10:
            continue
        key = (_line_score(head, item), -item.start)
        if best is None or key > best:
            best, best_value = key, item.value
    return datetime.date.fromisoformat(best_value) if best_value else None
