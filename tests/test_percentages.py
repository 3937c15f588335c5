"""Percentages: values, units, qualifiers, ranges, spans, and subject/change/period/base."""

from __future__ import annotations

import datetime
import random

import pytest
from conftest import cases

from extractor.model import Percentage
from extractor.nlp.tagging import get_tagger
from extractor.rules.dates import find_dates
from extractor.rules.percentages import find_percentages

REF = datetime.date(2025, 9, 29)


def _find(text: str) -> list[Percentage]:
    doc = get_tagger().tag(text)
    return find_percentages(doc, find_dates(doc, REF))


# (text, [(span, value, value_to, unit, qualifier)])
FORMS: list[tuple[str, list[tuple[str, float, float | None, str, str | None]]]] = [
    ("Оборот вырос на 8,4% за год.", [("8,4%", 8.4, None, "percent", None)]),
    ("Рентабельность составила 8.4 % по итогам года.", [("8.4 %", 8.4, None, "percent", None)]),
    ("Доля рынка достигла 19 процентов.", [("19 процентов", 19.0, None, "percent", None)]),
    # numbers listed before the one the unit follows
    ("Доля выросла до 29 и 22 процентов соответственно.",
     [("29", 29.0, None, "percent", None), ("22 процентов", 22.0, None, "percent", None)]),
    ("Показатели выросли на 3, 5 и 9%, а выручка в 2024 и 2025 годах росла.",
     [("3", 3.0, None, "percent", None), ("5", 5.0, None, "percent", None), ("9%", 9.0, None, "percent", None)]),
    ("Индекс снизился на 19 процента.", [("19 процента", 19.0, None, "percent", None)]),
    ("Ставка выросла на 1 процент.", [("1 процент", 1.0, None, "percent", None)]),
    ("Доля выросла на 1,5 п.п. за квартал.", [("1,5 п.п.", 1.5, None, "pp", None)]),
    ("Маржа снизилась на 0,7 п. п. к прошлому году.", [("0,7 п. п.", 0.7, None, "pp", None)]),
    ("Доля увеличилась на 1,5 процентных пункта.", [("1,5 процентных пункта", 1.5, None, "pp", None)]),
    ("Показатель снизился на 2 процентных пунктов.", [("2 процентных пунктов", 2.0, None, "pp", None)]),
    ("Безработица упала на 3 процентных пункта.", [("3 процентных пункта", 3.0, None, "pp", None)]),
    ("Цены выросли на десять процентов.", [("десять процентов", 10.0, None, "percent", None)]),
    ("Ставка снижена на полтора процента.", [("полтора процента", 1.5, None, "percent", None)]),
    ("Инфляция не превысит двух процентов.", [("двух процентов", 2.0, None, "percent", None)]),
    ("Скидка достигает двадцати пяти процентов.", [("двадцати пяти процентов", 25.0, None, "percent", None)]),
    ("Тарифы выросли на пять процентов.", [("пять процентов", 5.0, None, "percent", None)]),
    ("Потери сократились на один процент.", [("один процент", 1.0, None, "percent", None)]),
    ("Спрос вырос на сто процентов.", [("сто процентов", 100.0, None, "percent", None)]),
    ("Скидка 100% на второй товар.", [("100%", 100.0, None, "percent", None)]),
    ("Загрузка мощностей составила 0,5%.", [("0,5%", 0.5, None, "percent", None)]),
    ("Инвестиции выросли на 1\u00a0200% за десять лет.", [("1\u00a0200%", 1200.0, None, "percent", None)]),
    # ranges: an item for each number, the lower one with the upper bound as value_to
    ("Цены вырастут на 5–7%.", [("5", 5.0, 7.0, "percent", None), ("7%", 7.0, None, "percent", None)]),
    ("Рост составит 5-7 % в год.", [("5", 5.0, 7.0, "percent", None), ("7 %", 7.0, None, "percent", None)]),
    ("Прирост ожидается на уровне 3%–4% в год.",
     [("3%", 3.0, 4.0, "percent", None), ("4%", 4.0, None, "percent", None)]),
    ("Доходность составит от 3 до 5 процентов.",
     [("от 3", 3.0, 5.0, "percent", None), ("5 процентов", 5.0, None, "percent", None)]),
    ("Снижение от 10% до 12% прогнозируют эксперты.",
     [("от 10%", 10.0, 12.0, "percent", None), ("12%", 12.0, None, "percent", None)]),
    ("Скидка от трех до пяти процентов.",
     [("от трех", 3.0, 5.0, "percent", None), ("пяти процентов", 5.0, None, "percent", None)]),
    ("Маржа выросла на 1,5–2 п.п.", [("1,5", 1.5, 2.0, "pp", None), ("2 п.п.", 2.0, None, "pp", None)]),
    # the level a change starts from takes the unit of the level reached
    ("Доля снизилась с 68 до 61%.", [("68", 68.0, None, "percent", None), ("61%", 61.0, None, "percent", None)]),
    # qualifiers, included in the span
    ("Доля составила более 50%.", [("более 50%", 50.0, None, "percent", "more")]),
    ("Выручка выросла более чем на 50%.", [("более чем на 50%", 50.0, None, "percent", "more")]),
    ("Свыше 70% продукции уходит на экспорт.", [("Свыше 70%", 70.0, None, "percent", "more")]),
    ("Больше 30% опрошенных довольны.", [("Больше 30%", 30.0, None, "percent", "more")]),
    ("Уровень выше 90% считается высоким.", [("выше 90%", 90.0, None, "percent", "more")]),
    ("Менее 5% сотрудников работают удаленно.", [("Менее 5%", 5.0, None, "percent", "less")]),
    ("Доля импорта меньше 10 процентов.", [("меньше 10 процентов", 10.0, None, "percent", "less")]),
    ("Износ ниже 40% допустим.", [("ниже 40%", 40.0, None, "percent", "less")]),
    ("Не менее 30% закупок у местных поставщиков.", [("Не менее 30%", 30.0, None, "percent", "at_least")]),
    ("Доля должна быть не меньше 15%.", [("не меньше 15%", 15.0, None, "percent", "at_least")]),
    ("Экономия составит как минимум 12%.", [("как минимум 12%", 12.0, None, "percent", "at_least")]),
    ("Около 40% жителей используют транспорт.", [("Около 40%", 40.0, None, "percent", "about")]),
    ("Рост составил порядка 6%.", [("порядка 6%", 6.0, None, "percent", "about")]),
    ("Почти 80% сделок заключены онлайн.", [("Почти 80%", 80.0, None, "percent", "about")]),
    ("Объем упал почти на 7%.", [("почти на 7%", 7.0, None, "percent", "about")]),
    ("Примерно 25% площади занимают склады.", [("Примерно 25%", 25.0, None, "percent", "about")]),
    ("Приблизительно 3 процента бюджета.", [("Приблизительно 3 процента", 3.0, None, "percent", "about")]),
    ("Скидки до 8% действуют весь месяц.", [("до 8%", 8.0, None, "percent", "up_to")]),
    ("Кешбэк составит до 15 процентов.", [("до 15 процентов", 15.0, None, "percent", "up_to")]),
    # several figures
    (
        "Ставка снижена с 7,5% до 7%.",
        [("7,5%", 7.5, None, "percent", None), ("7%", 7.0, None, "percent", None)],
    ),
    (
        "Доля выросла на 2 п.п. и составила 34%.",
        [("2 п.п.", 2.0, None, "pp", None), ("34%", 34.0, None, "percent", None)],
    ),
]

def test_a_written_minus_makes_the_value_negative() -> None:
    found = _find("Выпуск меди уменьшился до 425 тыс. т (-2% год к году), палладия (−1% г/г).")
    assert [(p.text, p.value, p.change) for p in found] == [("-2%", -2.0, "decrease"), ("−1%", -1.0, "decrease")]


def test_an_en_dash_glued_to_the_number_is_a_minus_but_a_spaced_one_is_a_dash() -> None:
    found = _find("Чистая прибыль – 15,8 млрд рублей (–21,5%), маржа – 22,4% (–3,4 п.п.), рост цен на 5–7%.")
    assert [(p.text, p.value) for p in found] == [
        ("–21,5%", -21.5), ("22,4%", 22.4), ("–3,4 п.п.", -3.4), ("5", 5.0), ("7%", 7.0)
    ]


NEGATIVE = [
    "Выпуск вырос в 2 раза.",
    "Это 100-процентный результат.",
    "Сделан стопроцентный выбор.",
    "Введен 19-процентный налог.",
    "Доля акций стопроцентная.",
    "Позвоните: +7 (495) 123-45-67.",
    "Согласно статье 15 закона.",
    "Процентная ставка не изменилась.",
    "Проценты по вкладу начисляются ежемесячно.",
    "Несколько процентов жителей против.",
    "Доход составил 5 млн рублей.",
    "Выпущено 2024 тонны продукции.",
    "Рост в 1,5 раза за 2024 год.",
    "",
]

# (text, [(span, subject, change, period, base)])
CONTEXT: list[tuple[str, list[tuple[str, str | None, str | None, str | None, str | None]]]] = [
    (
        "За 7 месяцев 2025 года внешнеторговый оборот вырос на 8,4% по сравнению с показателями "
        "аналогичного периода 2024 года.",
        [("8,4%", "внешнеторговый оборот", "increase", "2025-01/2025-07", "2024-01/2024-07")],
    ),
    (
        "Доля торговли с Беларусью составила более 50%.",
        [("более 50%", "доля торговли с Беларусью", None, None, None)],
    ),
    ("Выручка компании увеличилась на 12%.", [("12%", "выручка компании", "increase", None, None)]),
    (
        "За 2024 год объем торговли Тульской области с Белоруссией вырос на 19%.",
        [("19%", "объем торговли Тульской области с Белоруссией", "increase", "2024", None)],
    ),
    (
        "В свою очередь, экспорт из Тулы увеличился на 22,3%.",
        [("22,3%", "экспорт из Тулы", "increase", None, None)],
    ),
    (
        "Экспорт вырос на 1,6%, импорт – на 29,4%.",
        [("1,6%", "экспорт", "increase", None, None), ("29,4%", "импорт", "increase", None, None)],
    ),
    (
        "В 2024 году товарооборот снизился: экспорт – на 1,6%, импорт – на 29,4%.",
        [("1,6%", "экспорт", "decrease", "2024", None), ("29,4%", "импорт", "decrease", "2024", None)],
    ),
    (
        "И уже к концу прошлого года доля экспорта составила 45%.",
        [("45%", "доля экспорта", None, "2024-12", None)],
    ),
    ("Себестоимость сократилась на 4%.", [("4%", "себестоимость", "decrease", None, None)]),
    # a figure before a genitive group measures that group, in the nominative
    (
        "Более 60% тульских поставок приходится на продукцию машиностроения.",
        [("Более 60%", "тульские поставки", None, None, None)],
    ),
    (
        "Около 35% региональных заказов приходится на малый бизнес.",
        [("Около 35%", "региональные заказы", None, None, None)],
    ),
    ("Компания получила 12% годовых.", [("12%", None, None, None, None)]),
    # a gerund or a coordinated verb shares the subject of the first predicate
    (
        "Доля иностранных студентов составила 18%, увеличившись за год на 2,5 процентных пункта.",
        [
            ("18%", "доля иностранных студентов", None, None, None),
            ("2,5 процентных пункта", "доля иностранных студентов", "increase", None, None),
        ],
    ),
    (
        "Маржинальность продаж снизилась на 0,8 п.п. и составила 21,3%.",
        [
            ("0,8 п.п.", "маржинальность продаж", "decrease", None, None),
            ("21,3%", "маржинальность продаж", None, None, None),
        ],
    ),
    # participial clauses in commas are skipped; time expressions give no subject and end it
    (
        "Доля новой продукции, освоенной в течение последних трёх лет, в портфеле заказов должна "
        "составить не менее 10 процентов.",
        [("не менее 10 процентов", "доля новой продукции", None, None, None)],
    ),
    (
        "Доля отечественного оборудования, закупленного за последние пять лет, в общем парке должна вырасти до 40%.",
        [("40%", "доля отечественного оборудования", "increase", None, None)],
    ),
    (
        "Потребность отрасли в специалистах с магистерским образованием в ближайшие пять лет вырастет примерно на 30%.",
        [("примерно на 30%", "потребность отрасли в специалистах с магистерским образованием", "increase", None, None)],
    ),
    (
        "Спрос на инженеров с опытом работы за год вырос на 12%.",
        [("12%", "спрос на инженеров с опытом работы", "increase", None, None)],
    ),
    ("Выпуск стали в 2024 году снизился на 3%.", [("3%", "выпуск стали", "decrease", "2024", None)]),
    ("Продажи упали на 15% в первом квартале 2025 года.", [("15%", "продажи", "decrease", "2025-01/2025-03", None)]),
    ("Уровень безработицы снизился на 0,3 п.п.", [("0,3 п.п.", "уровень безработицы", "decrease", None, None)]),
    (
        "Чистая прибыль ПАО «Северсталь» снизилась на 3,2% относительно 2023 года.",
        [("3,2%", "чистая прибыль ПАО «Северсталь»", "decrease", None, "2023")],
    ),
    ("В 2024 году выросла выручка на 12%.", [("12%", "выручка", "increase", "2024", None)]),
    ("Экспорт и импорт выросли на 5%.", [("5%", "экспорт и импорт", "increase", None, None)]),
    ("Средняя зарплата в регионе прибавила 9%.", [("9%", "средняя зарплата в регионе", "increase", None, None)]),
    # a change noun measures what it is the change of
    ("Рост выручки составил 12%.", [("12%", "выручка", "increase", None, None)]),
    ("Цены на жилье повысились на 6% за год.", [("6%", "цены на жилье", "increase", None, None)]),
    ("Производительность оказалась на 5% выше, чем год назад.", [("5%", None, "increase", None, "2024")]),
    (
        "Выручка составила 12 млрд рублей, увеличившись на 9% против 11 млрд рублей годом ранее.",
        [("9%", "выручка", "increase", None, "2024")],
    ),
    ("Индекс потребительских цен составил 104,5%.", [("104,5%", "индекс потребительских цен", None, None, None)]),
    (
        "Выручка в первом полугодии 2025 года увеличилась на 10% к уровню 2024 года.",
        [("10%", "выручка", "increase", "2025-01/2025-06", "2024")],
    ),
    (
        "По сравнению с 2023 годом тарифы выросли на 11%.",
        [("11%", "тарифы", "increase", None, "2023")],
    ),
    (
        "Рост выручки составил 12%, а доля экспорта – 30%.",
        [("12%", "выручка", "increase", None, None), ("30%", "доля экспорта", None, None, None)],
    ),
    (
        "В 2024 году выручка выросла на 12%, а в 2025 году – на 15%.",
        [("12%", "выручка", "increase", "2024", None), ("15%", "выручка", "increase", "2025", None)],
    ),
    # a written sign belongs to the span; a minus makes the value negative
    ("Индекс вырос: +3,5% за неделю.", [("+3,5%", "индекс", "increase", None, None)]),
    ("Котировки показали -2% за день.", [("-2%", None, "decrease", None, None)]),
    ("Компания сообщила, что выручка выросла на 7%.", [("7%", "выручка", "increase", None, None)]),
    # an active verb of change measures its object; a change noun what it is the change of
    ("Компания увеличила выручку на 12%.", [("12%", "выручка", "increase", None, None)]),
    ("Банк снизил ключевую ставку на 1 п.п.", [("1 п.п.", "ключевая ставка", "decrease", None, None)]),
    ("Отмечен рост производства стали на 5%.", [("5%", "производство стали", "increase", None, None)]),
    (
        "Сообщается об увеличении выпуска никеля на 8%, меди — на 3%.",
        [("8%", "выпуск никеля", "increase", None, None), ("3%", "выпуск меди", "increase", None, None)],
    ),
    # a figure in brackets measures the noun phrase before them, unless a genitive follows it
    # or the brackets follow a quantity
    (
        "Наибольший рост показали отрасли: производство одежды (+75,1%), выпуск мебели (+12%).",
        [("+75,1%", "производство одежды", "increase", None, None), ("+12%", "выпуск мебели", "increase", None, None)],
    ),
    (
        "Акционерами выступают Иванов (51% акций) и Петров (49% акций).",
        [("51%", "акции", None, None, None), ("49%", "акции", None, None, None)],
    ),
    ("Пассажиропоток составил 105 млн человек (+21,7%).", [("+21,7%", "пассажиропоток", "increase", None, None)]),
    # a list of shares: the first item's head noun takes the genitives of the next ones
    (
        "Доли акционеров распределены так: доля основателя — 40%, его партнеров — 35%.",
        [("40%", "доля основателя", None, None, None), ("35%", "доля партнеров", None, None, None)],
    ),
    # a conjunction or a preposition is never a subject
    ("Студенты получат 50% и 30% скидки.", [("50%", None, None, None, None), ("30%", "скидка", None, None, None)]),
    ("Выручка компании, по данным отчета, выросла на 5%.", [("5%", "выручка компании", "increase", None, None)]),
]

# (text, [(span, qualifier, role, change)]): the amount of a change, or the level reached
ROLES: list[tuple[str, list[tuple[str, str | None, str | None, str | None]]]] = [
    (
        "Инфляция снизилась на 1,2% до 7,2%.",
        [("1,2%", None, "change", "decrease"), ("7,2%", None, "level", "decrease")],
    ),
    ("Доля импорта достигла 30%.", [("30%", None, "level", None)]),
    (
        "Доля выросла на 2 п.п. и составила 34%.",
        [("2 п.п.", None, "change", "increase"), ("34%", None, "level", None)],
    ),
    ("Ставка снижена с 7,5% до 7%.", [("7,5%", None, "level", "decrease"), ("7%", None, "level", "decrease")]),
    ("Ставку повысили до 9 процентов.", [("9 процентов", None, "level", "increase")]),
    ("Скидки до 8% действуют весь месяц.", [("до 8%", "up_to", None, None)]),
    ("Кешбэк составит до 15 процентов.", [("до 15 процентов", "up_to", "level", None)]),
    ("Индекс вырос: +3,5% за неделю.", [("+3,5%", None, "change", "increase")]),
    ("Рост выручки составил 12%.", [("12%", None, "change", "increase")]),
    ("Выручка выросла более чем на 50%.", [("более чем на 50%", "more", "change", "increase")]),
    (
        "Экспорт вырос на 1,6%, импорт – на 29,4%.",
        [("1,6%", None, "change", "increase"), ("29,4%", None, "change", "increase")],
    ),
    (
        "Рост выручки составил 12%, а доля экспорта – 30%.",
        [("12%", None, "change", "increase"), ("30%", None, "level", None)],
    ),
    ("Около 40% жителей пользуются автобусом.", [("Около 40%", "about", None, None)]),
]


@pytest.mark.parametrize("text,expected", cases(ROLES))
def test_roles(text: str, expected: list[tuple[str, str | None, str | None, str | None]]) -> None:
    assert [(p.text, p.qualifier, p.role, p.change) for p in _find(text)] == expected


# (text, [(span, period, base)]): a change with no period of its own continues the comparison of
# the change before it in the same paragraph, unless a new date is named between them
CARRIED: list[tuple[str, list[tuple[str, str | None, str | None]]]] = [
    (
        "За 2023 год оборот компании вырос на 12%. В свою очередь экспорт увеличился на 15%, а импорт — на 7%.",
        [("12%", "2023", None), ("15%", "2023", None), ("7%", "2023", None)],
    ),
    (
        "За 2023 год выручка выросла на 12% по сравнению с 2022 годом. Прибыль увеличилась на 5%.",
        [("12%", "2023", "2022"), ("5%", "2023", "2022")],
    ),
    (
        "В 2023 году выручка выросла на 12%. Доля экспорта составила 30%. Прибыль увеличилась на 5%.",
        [("12%", "2023", None), ("30%", None, None), ("5%", "2023", None)],
    ),
    (
        "За 2023 год оборот вырос на 12%. Планы на 2025 год утверждены. Экспорт увеличился на 15%.",
        [("12%", "2023", None), ("15%", None, None)],
    ),
    ("За 2023 год оборот вырос на 12%.\nЭкспорт увеличился на 15%.", [("12%", "2023", None), ("15%", None, None)]),
]


@pytest.mark.parametrize("text,expected", cases(CARRIED))
def test_period_carried_over(text: str, expected: list[tuple[str, str | None, str | None]]) -> None:
    assert [(p.text, p.period, p.base) for p in _find(text)] == expected


PARAGRAPH = (
    "Тула, 29 сентября 2025 года. ПАО «Тулачермет» подвело итоги первого полугодия 2025 года. "
    "Выручка компании за первое полугодие 2025 года увеличилась на 12,5% по сравнению с "
    "аналогичным периодом 2024 года, а чистая прибыль – на 8%. Операционные расходы сократились "
    "на 3,1%. Доля экспорта в выручке составила более 40%. В свою очередь, долговая нагрузка "
    "снизилась на 0,4 процентного пункта. В 2024 году производство стали выросло на 6%: выпуск чугуна – на 4,2%, "
    "проката – на 7%."
)

PARAGRAPH_EXPECTED = [
    ("12,5%", 12.5, None, "выручка компании", "increase", "2025-01/2025-06", "2024-01/2024-06"),
    ("8%", 8.0, None, "чистая прибыль", "increase", "2025-01/2025-06", "2024-01/2024-06"),
    ("3,1%", 3.1, None, "операционные расходы", "decrease", "2025-01/2025-06", "2024-01/2024-06"),
    ("более 40%", 40.0, "more", "доля экспорта в выручке", None, None, None),
    ("0,4 процентного пункта", 0.4, None, "долговая нагрузка", "decrease", "2025-01/2025-06", "2024-01/2024-06"),
    ("6%", 6.0, None, "производство стали", "increase", "2024", None),
    ("4,2%", 4.2, None, "выпуск чугуна", "increase", "2024", None),
    ("7%", 7.0, None, "выпуск проката", "increase", "2024", None),
]

TRADE = (
    "За 7 месяцев 2025 года внешнеторговый оборот Пензенской области с Республикой Беларусь вырос "
    "на 8,4% по сравнению с показателями аналогичного периода 2024 года. При этом экспорт – на 1,6%, "
    "импорт – на 29,4%.\nДоля торговли с Беларусью составила более 50% всего оборота региона."
)

TRADE_EXPECTED = [
    ("8,4%", "внешнеторговый оборот Пензенской области с Республикой Беларусь", "increase", "2025-01/2025-07",
     "2024-01/2024-07"),
    ("1,6%", "экспорт", "increase", "2025-01/2025-07", "2024-01/2024-07"),
    ("29,4%", "импорт", "increase", "2025-01/2025-07", "2024-01/2024-07"),
    ("более 50%", "доля торговли с Беларусью", None, None, None),
]


@pytest.mark.parametrize("text,expected", cases(FORMS))
def test_forms(text: str, expected: list[tuple[str, float, float | None, str, str | None]]) -> None:
    assert [(p.text, p.value, p.value_to, p.unit, p.qualifier) for p in _find(text)] == expected


def test_a_range_marks_its_two_numbers_and_their_offsets() -> None:
    text = "Выручка вырастет на 12–14%."
    got = [(p.range, p.start, p.end, text[p.start : p.end], p.change, p.subject) for p in _find(text)]
    assert got == [("from", 20, 22, "12", "increase", "выручка"), ("to", 23, 26, "14%", "increase", "выручка")]


@pytest.mark.parametrize("text", cases(NEGATIVE))
def test_not_percentages(text: str) -> None:
    assert _find(text) == []


@pytest.mark.parametrize("text,expected", cases(CONTEXT))
def test_context(text: str, expected: list[tuple[str, str | None, str | None, str | None, str | None]]) -> None:
    assert [(p.text, p.subject, p.change, p.period, p.base) for p in _find(text)] == expected


def test_corporate_paragraph() -> None:
    got = [(p.text, p.value, p.qualifier, p.subject, p.change, p.period, p.base) for p in _find(PARAGRAPH)]
    assert got == PARAGRAPH_EXPECTED


def test_trade_paragraph() -> None:
    assert [(p.text, p.subject, p.change, p.period, p.base) for p in _find(TRADE)] == TRADE_EXPECTED


@pytest.mark.xfail(strict=True, reason="razdel ends no sentence after «п.п.» before a capital: the period of the "
                   "next sentence is taken as the one after the figure")
def test_no_period_from_the_next_sentence_after_pp() -> None:
    text = "Долговая нагрузка снизилась на 0,4 п.п. В 2024 году выпуск стали вырос на 6%."
    assert [(p.text, p.period) for p in _find(text)] == [("0,4 п.п.", None), ("6%", "2024")]


def test_without_dates_no_period() -> None:
    text = "За 2024 год выручка выросла на 19%."
    assert [(p.period, p.base) for p in find_percentages(get_tagger().tag(text), [])] == [(None, None)]


FUNCTION_WORDS = frozenset("в во на с со к по за из от до у о об при для и а но или что как".split())


def test_a_subject_is_never_a_function_word_alone() -> None:
    """«Инфляция снизилась на 1,2% до 7,2%» gave the subject «в»: a subject is a noun phrase."""
    texts = [t for t, _ in FORMS] + [t for t, _ in CONTEXT] + [t for t, _ in ROLES] + [PARAGRAPH, TRADE]
    texts += ["Инфляция снизилась на 1,2% до 7,2%.", "Студенты получат 50% и 30% скидки.", "В 2024 году – на 15%."]
    for doc in get_tagger().tag_many(texts):
        for p in find_percentages(doc, find_dates(doc, REF)):
            assert p.subject is None or p.subject.lower() not in FUNCTION_WORDS, (doc.text, p)


def test_sorted_and_offsets_hold_on_all_cases() -> None:
    texts = [t for t, _ in FORMS] + NEGATIVE + [t for t, _ in CONTEXT] + [PARAGRAPH, TRADE]
    for text in texts:
        items = _find(text)
        assert [p.start for p in items] == sorted(p.start for p in items)
        for p in items:
            assert text[p.start : p.end] == p.text


def test_never_raises_on_noise() -> None:
    rnd = random.Random(11)
    alphabet = "0123456789 ,.-–%пп.процентовнаболеедоот\n«»ёЁ\u00a0\U0001f600выросснизился"
    texts = ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 90))) for _ in range(300)]
    for doc in get_tagger().tag_many(texts):
        for p in find_percentages(doc, find_dates(doc, REF)):
            assert doc.text[p.start : p.end] == p.text
