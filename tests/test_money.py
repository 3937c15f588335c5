"""Money: spans, full values, currencies (written or from the context), ranges, and what is no money;
the context (subject, change, role, period) as percentages read it."""

from __future__ import annotations

import datetime
import time
from collections.abc import Callable

import pytest
from conftest import cases

from extractor.model import Money
from extractor.nlp.tagging import get_tagger
from extractor.rules.dates import find_dates, find_doc_date
from extractor.rules.money import find_money
from extractor.rules.percentages import find_percentages

REF = datetime.date(2025, 9, 29)


def _find(text: str) -> list[Money]:
    doc = get_tagger().tag(text)
    return find_money(doc, find_dates(doc, REF))


# (text, [(span, value, value_to, currency, qualifier)])
FORMS: list[tuple[str, list[tuple[str, float, float | None, str | None, str | None]]]] = [
    ("Выручка составила 45,4 млрд рублей.", [("45,4 млрд рублей", 45.4e9, None, "RUB", None)]),
    ("Прибыль достигла 7,7 млрд руб. за год.", [("7,7 млрд руб.", 7.7e9, None, "RUB", None)]),
    ("Оборот составил 11 868,7 млн. руб. за полугодие.", [("11 868,7 млн. руб.", 11868.7e6, None, "RUB", None)]),
    ("Кредит на сумму 250млн. рублей одобрен.", [("250млн. рублей", 250e6, None, "RUB", None)]),
    ("Цена акции выросла до 142,11 рубля.", [("142,11 рубля", 142.11, None, "RUB", None)]),
    ("Штраф составит 5 тыс. р. за нарушение.", [("5 тыс. р.", 5000.0, None, "RUB", None)]),
    ("Выделено 10 миллионов рублей на ремонт.", [("10 миллионов рублей", 10e6, None, "RUB", None)]),
    ("Сделка оценена в 1.5 млрд долларов.", [("1.5 млрд долларов", 1.5e9, None, "USD", None)]),
    ("Продажи составили $2,4 млрд.", [("$2,4 млрд.", 2.4e9, None, "USD", None)]),
    ("Цена золота — $1 287 за унцию.", [("$1 287", 1287.0, None, "USD", None)]),
    ("Инвестиции превысят 300 млн долларов США.", [("300 млн долларов США", 300e6, None, "USD", None)]),
    ("Бюджет проекта — 20 млн евро.", [("20 млн евро", 20e6, None, "EUR", None)]),
    ("Билет стоит 20 €, абонемент 150 €.", [("20 €", 20.0, None, "EUR", None), ("150 €", 150.0, None, "EUR", None)]),
    ("Взнос составит 1 500 000 ₽ в год.", [("1 500 000 ₽", 1.5e6, None, "RUB", None)]),
    ("Фонд привлек 100 млн USD от инвесторов.", [("100 млн USD", 100e6, None, "USD", None)]),
    ("Контракт заключен на 3 млрд юаней.", [("3 млрд юаней", 3e9, None, "CNY", None)]),
    ("Товарооборот достиг 5 млн белорусских рублей.", [("5 млн белорусских рублей", 5e6, None, "BYN", None)]),
    ("Кредит выдан на 8 млрд тенге.", [("8 млрд тенге", 8e9, None, "KZT", None)]),
    ("Экспорт принес 40 млн норвежских крон.", [("40 млн норвежских крон", 40e6, None, "NOK", None)]),
    ("Клуб купил игрока за £30 млн.", [("£30 млн.", 30e6, None, "GBP", None)]),
    ("Гонорар составил полтора миллиарда долларов.", [("полтора миллиарда долларов", 1.5e9, None, "USD", None)]),
    ("Дивиденды составят 15 рублей на акцию.", [("15 рублей", 15.0, None, "RUB", None)]),
    ("Убыток составил -3,2 млрд рублей.", [("-3,2 млрд рублей", -3.2e9, None, "RUB", None)]),
    # ranges
    # a range: an item for each number, in the range's scale and currency
    ("Штраф от 10 до 15 млн рублей.", [("от 10", 10e6, 15e6, "RUB", None), ("15 млн рублей", 15e6, None, "RUB", None)]),
    ("Штраф от 70 тыс. до 100 тыс. руб. для юрлиц.",
     [("от 70 тыс.", 70e3, 100e3, "RUB", None), ("100 тыс. руб.", 100e3, None, "RUB", None)]),
    ("Цена лота 200–300 тыс. долларов.",
     [("200", 200e3, 300e3, "USD", None), ("300 тыс. долларов", 300e3, None, "USD", None)]),
    # qualifiers, in the span
    ("Выручка превысила более 240 млн руб. за год.", [("более 240 млн руб.", 240e6, None, "RUB", "more")]),
    ("Состояние оценивается в около 9 млрд долларов.", [("около 9 млрд долларов", 9e9, None, "USD", "about")]),
    ("Штраф составит до 500 тыс. рублей.", [("до 500 тыс. рублей", 500e3, None, "RUB", "up_to")]),
    # the level a change starts from takes the scale and currency of the level reached
    (
        "Субсидия увеличена со 100 до 150 тыс. рублей.",
        [("100", 100e3, None, "RUB", None), ("150 тыс. рублей", 150e3, None, "RUB", None)],
    ),
    # the currency of the same or the previous sentence
    (
        "Кредит выдан на 112 млн рублей. Ещё на 16 млн. оформляются документы.",
        [("112 млн рублей", 112e6, None, "RUB", None), ("16 млн.", 16e6, None, "RUB", None)],
    ),
    (
        "Прибыль составила 519,7 млн рублей против убытка в 1,984 млрд годом ранее.",
        [("519,7 млн рублей", 519.7e6, None, "RUB", None), ("1,984 млрд", 1.984e9, None, "RUB", None)],
    ),
]

NOT_MONEY = [
    "Производство никеля снизилось до 198,5 тыс. т.",
    "Поступило более 3,7 тыс. заявлений.",
    "Население выросло на 15 млн человек.",
    "Выработка составила 24,2 млрд кВт.ч.",
    "Выпуск вырос в 1,5 раза.",
    "Доля рынка составила 30%.",
    "Завод выпустил 60 тыс. тонн продукции.",
    "В 2024 году открыто 12 школ.",
    "Объем добычи — 370 тыс. тонн нефти в год.",
    "Стоимость жилья составила несколько миллионов рублей.",
    "Ущерб оценили в сотни тысяч долларов.",
    "Об этом сообщил 54-летний Р. Иванов.",
    "Тираж составил 500 тыс.",
    "С 1 до 15 декабря пройдёт акция.",
    "",
]


@pytest.mark.parametrize("text,expected", cases(FORMS))
def test_forms(text: str, expected: list[tuple[str, float, float | None, str | None, str | None]]) -> None:
    got = [(m.text, m.value, m.value_to, m.currency, m.qualifier) for m in _find(text)]
    assert [g[0] for g in got] == [e[0] for e in expected]
    for g, e in zip(got, expected, strict=True):
        assert g[1] == pytest.approx(e[1]) and (g[2] is None) == (e[2] is None)
        assert e[2] is None or g[2] == pytest.approx(e[2])
        assert g[3:] == e[3:]


@pytest.mark.parametrize("text", cases(NOT_MONEY))
def test_not_money(text: str) -> None:
    assert _find(text) == []


def test_a_bare_number_after_a_count_of_its_sentence_counts_the_same() -> None:
    # «у 2,7 тыс.» says «должников» again by leaving it out: no roubles from the sentence before
    text = ("Приставы взыскали 412 млн рублей. У 5,1 тыс. должников арестованы счета, еще у 1,8 тыс. "
            "ограничен выезд за границу.")
    assert [m.text for m in _find(text)] == ["412 млн рублей"]


def test_a_scaled_number_counting_persons_named_by_a_participle_is_no_money() -> None:
    text = "Бюджет фестиваля составил 85 млн рублей. Санатории края приняли более 310 тыс. отдыхающих."
    assert [m.text for m in _find(text)] == ["85 млн рублей"]


def test_a_scaled_number_of_a_measure_written_short_is_no_money() -> None:
    # the tagger reads «т» (tonnes) as a preposition; it is what the number counts
    text = "Выручка комбината составила 640 млн рублей. В прошлом году он переработал 3,4 тыс. т молока."
    assert [m.text for m in _find(text)] == ["640 млн рублей"]


def test_a_level_a_quantity_grows_from_takes_no_currency_from_around() -> None:
    # the sentence before has rubles; «с 520 тыс. до 900 тыс. бутылок» counts bottles
    text = "Инвестиции составят 4,5 млрд рублей. Выпуск вырастет с 520 тыс. до 900 тыс. бутылок в год."
    assert [m.text for m in _find(text)] == ["4,5 млрд рублей"]
    # a count after a sentence in roubles counts, it costs nothing; an amount with no count noun
    # before it takes the roubles
    text = "Выручка фитнес-сети составила 612 млн рублей. Число клубных карт превысило 31 тыс."
    assert [m.text for m in _find(text)] == ["612 млн рублей"]
    text = "Выручка фитнес-сети составила 612 млн рублей. Чистая прибыль достигла 31 млн."
    assert [(m.text, m.currency) for m in _find(text)] == [("612 млн рублей", "RUB"), ("31 млн.", "RUB")]
    # ... while a level of money keeps the currency written after the level reached
    assert [(m.text, m.currency) for m in _find("Выручка выросла с 690 млн до 1,02 млрд рублей.")] == [
        ("690 млн", "RUB"), ("1,02 млрд рублей", "RUB")
    ]


# (text, [(span, subject, change, role, period)])
CONTEXT: list[tuple[str, list[tuple[str, str | None, str | None, str | None, str | None]]]] = [
    (
        "По итогам 2024 года выручка выросла на 3 млрд рублей и достигла 86,4 млрд рублей.",
        [
            ("3 млрд рублей", "выручка", "increase", "change", "2024"),
            ("86,4 млрд рублей", "выручка", None, "level", "2024"),
        ],
    ),
    (
        "Чистая прибыль снизилась на 1,2 млрд рублей до 6,1 млрд рублей.",
        [
            ("1,2 млрд рублей", "чистая прибыль", "decrease", "change", None),
            ("6,1 млрд рублей", "чистая прибыль", "decrease", "level", None),
        ],
    ),
    (
        "Компания увеличила инвестиции на 500 млн рублей.",
        [("500 млн рублей", "инвестиции", "increase", "change", None)],
    ),
    (
        "Капитальные вложения за 2024 год составили 5,2 млрд рублей.",
        [("5,2 млрд рублей", "капитальные вложения", None, "level", "2024")],
    ),
    ("Кредит на 112 млн рублей одобрен.", [("112 млн рублей", None, None, None, None)]),
]


@pytest.mark.parametrize("text,expected", cases(CONTEXT))
def test_context(text: str, expected: list[tuple[str, str | None, str | None, str | None, str | None]]) -> None:
    assert [(m.text, m.subject, m.change, m.role, m.period) for m in _find(text)] == expected


def test_offsets_hold_and_spans_are_sorted() -> None:
    texts = [t for t, _ in FORMS] + NOT_MONEY + [t for t, _ in CONTEXT]
    for doc in get_tagger().tag_many(texts):
        items = find_money(doc, find_dates(doc, REF))
        assert [m.start for m in items] == sorted(m.start for m in items)
        for m in items:
            assert doc.text[m.start : m.end] == m.text


def _cpu(work: Callable[[], object]) -> float:
    """The least CPU time of two runs of `work`."""
    spent = []
    for _ in range(2):
        start = time.process_time()
        work()
        spent.append(time.process_time() - start)
    return min(spent)


# four times the text may cost up to eight times the time (a linear rule costs four, a quadratic
# one sixteen): room for the noise of a shared machine, none for a quadratic rule
SIZE_FACTOR, LINEAR_BOUND = 4, 8.0


@pytest.mark.parametrize(
    "unit",
    cases([
        "С 1 по 3 мая, 5 мая, в 10:00 7 мая и в пятницу, ",  # one sentence of year-less days and times
        "5 мая, 7 мая, 9 июня, ",
        "выручка выросла на 5% по сравнению с 2023 годом, прибыль — на 3%, ",  # one sentence of figures
        "около 5 млн рублей и ещё 3 млрд, от двух до трех процентов, ",  # amounts taking a currency
        "За 2024 год доход вырос на 19%. В свою очередь экспорт увеличился на 22,3%, а импорт — на 11%. ",
    ]),
)
def test_number_rules_are_linear_in_the_text(unit: str) -> None:
    def rules_on(size: int) -> Callable[[], object]:
        doc = get_tagger().tag(unit * (size // len(unit)))

        def run() -> None:
            found = find_dates(doc, REF)
            find_percentages(doc, found)
            find_money(doc, found)
            find_doc_date(doc)

        return run

    small, large = rules_on(15_000), rules_on(15_000 * SIZE_FACTOR)
    assert _cpu(large) / _cpu(small) < LINEAR_BOUND
