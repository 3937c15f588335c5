"""Locations on sentence-level cases (issue 12, item 7): one entity per place whatever the text
calls it, the other names in `aliases`; a lone «Республика» is the republic named before it or
nothing; the name of a street in an address is no place."""

from __future__ import annotations

import pytest
from conftest import cases


def _places(doc: dict) -> list[tuple[str, list[str], list[str]]]:
    return [(loc["name"], loc["aliases"], [m["text"] for m in loc["mentions"]]) for loc in doc["locations"]]


@pytest.mark.parametrize(
    ("text", "places"),
    cases(
        [
            (
                "Республика Беларусь поставит в Тулу 300 тракторов. Белоруссия также закупит зерно, "
                "а Беларусь откроет торговый дом.",
                [
                    ("Республика Беларусь", ["Белоруссия", "Беларусь"],
                     ["Республика Беларусь", "Белоруссия", "Беларусь"]),
                    ("Тула", [], ["Тулу"]),
                ],
            ),
            (
                "Россия увеличила экспорт зерна. Экспорт из РФ вырос, и Российская Федерация стала лидером рынка.",
                [("Россия", ["РФ", "Российская Федерация"], ["Россия", "РФ", "Российская Федерация"])],
            ),
            (
                "Договор подписали Республика Казахстан и Монголия. Казахстан поставит уголь.",
                [
                    ("Республика Казахстан", ["Казахстан"], ["Республика Казахстан", "Казахстан"]),
                    ("Монголия", [], ["Монголия"]),
                ],
            ),
            (
                "Торговый оборот с Чешской Республикой вырос. Чехия закупает станки.",
                [("Чешская Республика", ["Чехия"], ["Чешской Республикой", "Чехия"])],
            ),
            (
                "Делегация из Объединенных Арабских Эмиратов прибыла в Казань. ОАЭ инвестируют в регион.",
                [
                    ("Объединенные Арабские Эмираты", ["ОАЭ"], ["Объединенных Арабских Эмиратов", "ОАЭ"]),
                    ("Казань", [], ["Казань"]),
                ],
            ),
            # a region's nickname gives way to its official name, whichever comes first
            (
                "В Прикамье выросло производство. Губернатор Пермского края отметил рост.",
                [("Пермский край", ["Прикамье"], ["Прикамье", "Пермского края"])],
            ),
            (
                "Власти Ханты-Мансийского автономного округа — Югры выделили гранты. В Югре поддержат 40 проектов.",
                [("Ханты-Мансийский автономный округ — Югра", ["Югра"],
                  ["Ханты-Мансийского автономного округа — Югры", "Югре"])],
            ),
        ]
    ),
)
def test_one_place_whatever_it_is_called(extract, text, places):
    assert _places(extract(text)) == places


@pytest.mark.parametrize(
    ("text", "places"),
    cases(
        [
            ("Соглашение подписали Тульская область и Тула.", ["Тульская область", "Тула"]),
            ("Груз из Ростовской области доставлен в Ростов-на-Дону.", ["Ростовская область", "Ростов-на-Дону"]),
        ]
    ),
)
def test_a_region_and_its_city_stay_apart(extract, text, places):
    assert [loc["name"] for loc in extract(text)["locations"]] == places


@pytest.mark.parametrize(
    ("text", "places"),
    cases(
        [
            ("Прием граждан ведется по адресу: г. Тула, ул. Ленина, д. 5.", ["Тула"]),
            ("Офис компании находится на улице Советской, 12, в Рязани.", ["Рязань"]),
            ("Филиал переехал на Ленинский проспект, д. 45 в Москве.", ["Москва"]),
            ("Туристы гуляли по улицам Лондона, 5 дней подряд шел дождь.", ["Лондон"]),
            ("Митинг прошел на площади Тяньаньмынь в Пекине.", ["Тяньаньмынь", "Пекин"]),
            # a street named after a person needs no house number to be a street
            ("В пятницу мэр Вологды проверит ход ремонта на улице Ленина.", ["Вологда"]),
            ("Акция прошла на улице Москвы.", ["Москва"]),
            # nor does one that is an adjective in the street word's case
            ("Губернатор осмотрел котельную на улице Заводской в Новозыбкове.", ["Новозыбков"]),
        ]
    ),
)
def test_a_street_in_an_address_is_no_place(extract, text, places):
    assert [loc["name"] for loc in extract(text)["locations"]] == places


@pytest.mark.parametrize(
    ("text", "places"),
    cases(
        [
            ("Делегация прибыла в Минск. Американцы предложили поставки техники.", ["Минск"]),
            # a common noun opening a sentence with lowercase words after it
            ("Оферту получили в Казани. Акцепты элеватор направил сегодня утром двум хозяйствам.", ["Казань"]),
            # ... after the dash that follows a dateline
            ("ТОМСК, 4 декабря 2025 года. — Колледж открыл теплицу.", ["Томск"]),
        ]
    ),
)
def test_a_common_word_opening_a_sentence_is_no_place(extract, text, places):
    assert [loc["name"] for loc in extract(text)["locations"]] == places


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("ТОМСК, 18 декабря 2023 г. Лаборатория университета получила грант.", "Томск"),
        ("РОСТОВ-НА-ДОНУ, 3 мая. Министр открыл новую школу.", "Ростов-на-Дону"),
        ("НИЖНИЙ НОВГОРОД, 5 июня. На заводе запущена новая линия.", "Нижний Новгород"),
        ("ЙОШКАР-ОЛА, 14 мая 2026 года. Фабрика открыла второй цех.", "Йошкар-Ола"),
        ("УЛАН-УДЭ, 2 июля. Аэропорт принял первый международный рейс.", "Улан-Удэ"),
        # a town of several words the model splits or misses, whole; none of its words is an abbreviation
        ("БОЛЬШИЕ БЕРЕЗНИКИ, 4 декабря 2025 года. — В колледже открыли теплицу.", "Большие Березники"),
        ("СТАРЫЙ ОСКОЛ, 5 марта. Комбинат запустил новую линию.", "Старый Оскол"),
        ("ЛЕВ ТОЛСТОЙ, 12.05.2026. Школа отметила юбилей.", "Лев Толстой"),
    ],
)
def test_a_dateline_place_in_capitals_is_a_place_named_in_mixed_case(extract, text, place):
    doc = extract(text)
    assert [loc["name"] for loc in doc["locations"]] == [place]
    assert doc["organizations"] == []


def test_each_name_of_a_double_name_goes_to_the_nominative(extract):
    doc = extract("Губернатор Ханты-Мансийского автономного округа – Югры провел совещание.")
    assert [loc["name"] for loc in doc["locations"]] == ["Ханты-Мансийский автономный округ – Югра"]


@pytest.mark.parametrize(("text", "places"), cases([
    ("Депутаты назначили председателем Контрольно-счётной палаты Самарской области (КСП) Елену Грачёву.",
     ["Самарская область"]),
    ("Данные Территориального органа Федеральной службы государственной статистики по Пермскому краю "
     "(Пермьстат) опубликованы.", ["Пермский край"]),
    ("Глава Республики Саха (Якутия) Айсен Николаев провёл совещание.", ["Республика Саха (Якутия)"]),
]))
def test_brackets_after_a_place_are_its_own_only_when_they_name_a_place(extract, text, places):
    assert [loc["name"] for loc in extract(text)["locations"]] == places


def test_a_place_the_model_reads_as_a_person_once_is_the_place_named_elsewhere(extract):
    """natasha tags «Вышний Волочёк» a person in one sentence and a place in another: one place,
    named with the «ё» the text writes."""
    doc = extract("Завод в Вышнем Волочке откроют весной. Вышний Волочёк и компания «Мста» подписали соглашение.")
    assert [(loc["name"], len(loc["mentions"])) for loc in doc["locations"]] == [("Вышний Волочёк", 2)]
    assert doc["persons"] == []



def test_a_regions_nickname_the_model_reads_as_a_person_is_a_place(extract):
    """«Новгородчина» opening a sentence is tagged a person (the dictionary also reads it as the
    surname «Новгородчин»): it is the region, and a party to the agreement."""
    doc = extract(
        "Новгородчина согласилась: соглашение о строительстве завода с ООО «Ильмень-Пласт» она подписала утром."
    )
    assert [(loc["name"], [m["text"] for m in loc["mentions"]]) for loc in doc["locations"]] == [
        ("Новгородчина", ["Новгородчина"])
    ]
    assert doc["persons"] == []
    assert [[p["name"] for p in a["parties"]] for a in doc["agreements"]] == [["Новгородчина", "Ильмень-Пласт"]]


def test_a_regions_nickname_the_model_leaves_untagged_is_a_place_in_the_nominative(extract):
    doc = extract("Новгородчина и ООО «Ильмень-Пласт» договорились о заводе. На Новгородчине он даст 200 рабочих мест.")
    assert [(loc["name"], [m["text"] for m in loc["mentions"]]) for loc in doc["locations"]] == [
        ("Новгородчина", ["Новгородчина", "Новгородчине"])
    ]


@pytest.mark.parametrize(
    ("text", "place", "aliases"),
    [
        # a nickname no list holds, formed from the region's adjective, is the region named officially
        ("Костромщина — один из лидеров страны по заготовке льна. Губернатор Костромской области Олег Рыжов "
         "вручил награды аграриям.", "Костромская область", ["Костромщина"]),
        ("На Липетчине открыли завод. Правительство Липецкой области вложило в него 200 млн рублей.",
         "Липецкая область", ["Липетчина"]),
    ],
)
def test_a_regions_nickname_formed_from_its_adjective_is_the_region(extract, text, place, aliases):
    doc = extract(text)
    assert [(loc["name"], loc["aliases"]) for loc in doc["locations"]] == [(place, aliases)]
    assert all(p["name"] not in aliases for p in doc["persons"])


def test_a_common_noun_formed_like_a_nickname_is_no_place(extract):
    # «годовщина», «деревенщина»: the dictionary knows them as common nouns
    doc = extract("Годовщина открытия завода прошла в Костроме.")
    assert [loc["name"] for loc in doc["locations"]] == ["Кострома"]


def test_a_place_adjective_the_dictionary_reads_only_as_a_surname_agrees_with_its_noun(extract):
    doc = extract("В Кузьмоловском городском поселении и в Каменском районе открыли школы.")
    assert [loc["name"] for loc in doc["locations"]] == ["Кузьмоловское городское поселение", "Каменский район"]


def test_a_bare_adjective_shares_only_a_head_in_its_case(extract):
    # «Карагандинской и Павлодарской областей» share their head; a town read as an adjective takes
    # no head in another case («под Мещовском | свинокомплекс»)
    doc = extract("Губернаторы Карагандинской и Павлодарской областей встретились. Компания ООО «Бекон», которое "
                  "запустило под Мещовском свинокомплекс на 60 тысяч голов, подписала соглашение.")
    names = [loc["name"] for loc in doc["locations"]]
    assert names[:2] == ["Карагандинская область", "Павлодарская область"]
    assert not any("свинокомплекс" in name for name in names)  # (the town itself keeps its case: a gap)


def test_a_governing_bodys_head_word_is_no_place(extract):
    # the model tags «Администрации» a place; it heads the city administration's name
    doc = extract("Как сообщил начальник Департамента городского хозяйства Администрации города Вологды Павел "
                  "Кубасов, приют расширят.")
    assert [loc["name"] for loc in doc["locations"]] == ["Вологда"]


def test_a_town_in_an_oblique_case_takes_the_dictionarys_place_reading(extract):
    # «в Иванове», «города Иванова» are read first as the surname Иванов; the place reading is
    # Иваново, and so they merge with «Иваново» in the nominative; «в Кирове» stays Киров, «в Томске» Томск
    doc = extract("Во вторник делегация побывала в Иванове и Одинцове. Иваново встречает гостей ярмаркой, а в "
                  "Кирове открылась выставка. Гостиница для гостей из Томска и Костомукши открыта в центре "
                  "города Иванова.")
    assert [(loc["name"], [m["text"] for m in loc["mentions"]]) for loc in doc["locations"]] == [
        ("Иваново", ["Иванове", "Иваново", "Иванова"]), ("Одинцово", ["Одинцове"]), ("Киров", ["Кирове"]),
        ("Томск", ["Томска"]), ("Костомукша", ["Костомукши"]),
    ]
