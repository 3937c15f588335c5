"""Facts (issue 13): meetings, agreements, appointments, workplaces, one convention a case, on sentences
written for these tests.

Each case gives a text and the facts expected of it, exactly: sides by name in the order the
output gives them, the date, place, kind, post and action, and the sentence(s) stating the fact
(`span`: the text the fact's start/end must cover)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from conftest import validate

from extractor.pipeline import Pipeline


def _facts(pipeline: Pipeline, text: str, ref_date: dt.date | None = None) -> dict[str, Any]:
    got = pipeline.extract(text, ref_date=ref_date).to_json()
    validate(got)
    for key in ("meetings", "agreements", "appointments", "workplaces"):
        for fact in got[key]:
            sides = [fact.get("person"), fact.get("organization")]
            for side in fact.get("participants", []) + fact.get("parties", []) + sides:
                if side is not None:  # every side points at its entity
                    listed = {"person": "persons", "organization": "organizations", "location": "locations"}
                    assert got[listed[side["type"]]][side["index"]]["name"] == side["name"]
    return got


def _names(sides: list[dict[str, Any]]) -> list[str]:
    return [s["name"] for s in sides]


def _covers(text: str, fact: dict[str, Any], span: str) -> None:
    assert text[fact["start"] : fact["end"]] == span


# ---------------------------------------------------------------- meetings

MEETINGS = [
    pytest.param(
        "Глава Пензенской области Олег Мельниченко провёл встречу с генеральным директором компании "
        "«Ростех» Сергеем Чемезовым.",
        [(["Олег Мельниченко", "Сергей Чемезов"], None, None)],
        id="a meeting held with someone; his company is no side",
    ),
    pytest.param(
        "Министр культуры Ольга Любимова и директор Эрмитажа Михаил Пиотровский встретились в Санкт-Петербурге.",
        [(["Ольга Любимова", "Михаил Пиотровский"], None, "Санкт-Петербург")],
        id="two subjects met, the place in the nominative",
    ),
    pytest.param(
        "Губернатор Курской области Алексей Смирнов принял в своей резиденции посла Республики Беларусь "
        "Дмитрия Крутого.",
        [(["Алексей Смирнов", "Дмитрий Крутой"], None, None)],
        id="received someone",
    ),
    pytest.param(
        "Ректор КФУ Ленар Сафин принял делегацию Университета Цинхуа во главе с проректором Ли Вэем.",
        [(["Ленар Сафин", "Ли Вэй"], None, None)],
        id="received a delegation whose head is named",
    ),
    pytest.param(
        "Губернатор Воронежской области Александр Гусев принял участие во встрече Председателя Совета Федерации "
        "Валентины Матвиенко и Председателя Совета Республики Михаила Мясниковича.",
        [(["Александр Гусев", "Валентина Матвиенко", "Михаил Мясникович"], None, None)],
        id="took part in a meeting of two others",
    ),
    pytest.param(
        "В ходе рабочей поездки в Рыбинск губернатор области Михаил Орлов провёл переговоры с директором "
        "завода «Волга» Тимофеем Сазоновым.",
        [(["Михаил Орлов", "Тимофей Сазонов"], None, "Рыбинск")],
        id="a post word used as an adjective («рабочей поездки») stands for nobody",
    ),
    pytest.param(
        "Губернатор Иван Петров обсудил с министром транспорта Анной Ивановой строительство дорог.",
        [(["Иван Петров", "Анна Иванова"], None, None)],
        id="discussed with someone",
    ),
    pytest.param(
        "В ходе встречи губернатора Андрея Травникова с президентом Сбербанка Германом Грефом обсуждалось "
        "развитие региона.",
        [(["Андрей Травников", "Герман Греф"], None, None)],
        id="the genitive of the meeting noun and its «с» side",
    ),
    pytest.param(
        "Мэр Казани Ильсур Метшин встретился с делегацией Казахстана во главе с акимом Алматы Ерболатом "
        "Досаевым.",
        [(["Ильсур Метшин", "Ерболат Досаев"], None, None)],
        id="a delegation is its named head",
    ),
    pytest.param(
        "Мэр Казани Ильсур Метшин встретился с делегацией Узбекистана.",
        [(["Ильсур Метшин", "Узбекистан"], None, None)],
        id="a delegation nobody heads by name is its territory",
    ),
    pytest.param(
        "12 марта 2024 года губернатор Иван Петров встретился с министром финансов Анной Ивановой.",
        [(["Иван Петров", "Анна Иванова"], "2024-03-12", None)],
        id="the meeting's own date",
    ),
    pytest.param(
        "В Москве прошла встреча между министром финансов Антоном Силуановым и главой Минфина Белоруссии "
        "Юрием Селиверстовым.",
        [(["Антон Силуанов", "Юрий Селиверстов"], None, "Москва")],
        id="a meeting between two sides",
    ),
    pytest.param(
        "Встретившись с руководством компании «Татнефть», Ильсур Метшин осмотрел новый цех.",
        [(["Ильсур Метшин", "Татнефть"], None, None)],
        id="a gerund takes the subject of its sentence; a company's management is the company",
    ),
    pytest.param(
        "Вчера в Сызрани состоялся разговор министра транспорта Самарской области Ильи Гусева с директором "
        "автобусного парка Павлом Мироновым.",
        [(["Илья Гусев", "Павел Миронов"], None, "Сызрань")],
        id="a talk held somewhere is a meeting",
    ),
    pytest.param(
        "Встреча прошла в Омске с участием министра Ильи Сабурова и акима Павлодарской области Ерлана Жакупова.",
        [(["Илья Сабуров", "Ерлан Жакупов"], None, "Омск")],
        id="«с участием» names who met",
    ),
    pytest.param(
        "В понедельник, 16 февраля 2026 года, Артём Сорокин встретился в Мурманске с министром спорта Лидией "
        "Кондратьевой.",
        [(["Артём Сорокин", "Лидия Кондратьева"], "2026-02-16", "Мурманск")],
        id="a subject after a date set off by commas",
    ),
    pytest.param(
        "Министр образования области Анна Лосева и ректор политехнического университета Игорь Фомин провели "
        "консультации о новой магистерской программе.",
        [(["Анна Лосева", "Игорь Фомин"], None, None)],
        id="consultations held by two subjects",
    ),
    pytest.param(
        "Глава Новомосковска Алексей Бойко сверил часы с директором завода «Азот» Павлом Грачёвым.",
        [(["Алексей Бойко", "Павел Грачёв"], None, None)],
        id="«сверить часы» with someone named",
    ),
    pytest.param(
        "Губернатор Тульской области Дмитрий Миляев обсудил с ректором университета Михаилом Кравченко "
        "сотрудничество в области энергетики.",
        [(["Дмитрий Миляев", "Михаил Кравченко"], None, None)],
        id="«в области энергетики» is a field, not the region as the place",
    ),
]


@pytest.mark.parametrize(("text", "expected"), MEETINGS)
def test_meetings(pipeline: Pipeline, text: str, expected: list[tuple[list[str], str | None, str | None]]) -> None:
    got = _facts(pipeline, text)["meetings"]
    assert [(_names(m["participants"]), m["date"], m["place"]) for m in got] == expected
    for m in got:
        _covers(text, m, text.strip())


NO_MEETINGS = [
    pytest.param("Завтра губернатор Иван Петров встретится с министром Анной Ивановой.", id="future"),
    pytest.param("Планируется, что Иван Петров проведёт встречу с Анной Ивановой в мае.", id="planned"),
    pytest.param("Иван Петров не встречался с Анной Ивановой.", id="denied"),
    pytest.param("На заседании правительства Иван Петров и Анна Иванова обсудили бюджет.", id="a session"),
    pytest.param("Губернатор Иван Петров встретился с жителями района.", id="one named side"),
    pytest.param("В беседе с журналистами министр Анна Иванова рассказала о планах.", id="an interview"),
    pytest.param("Анна Иванова прилетела в Минск для встречи с Иваном Петровым.", id="a purpose"),
    pytest.param("Компания «Альфа» согласна на переговоры с компанией «Бета».", id="ready to talk"),
    pytest.param("Губернатор Иван Петров принял поздравления коллег Анны Смирновой.", id="received a thing"),
    pytest.param("В мероприятии приняли участие вице-премьер Дмитрий Чернышенко и министр Сергей Кравцов.",
                 id="took part, received no one"),
    pytest.param("Состоялся телефонный разговор губернатора Ивана Петрова с министром Анной Ивановой.",
                 id="a call"),
    pytest.param("Компания «Альфа» передаст больнице Тверской области два аппарата. Отделение принимает детей со "
                 "всей области.", id="received no person"),
    pytest.param("Министр Иван Петров по видеосвязи обсудил с заместителем министра Анной Ивановой посевную.",
                 id="a video link"),
    pytest.param("Юристы фонда провели бесплатные консультации для жителей района.", id="consultations for residents"),
    pytest.param("Участники совещания сверили часы по строительству моста.", id="«сверили часы» at a session"),
    pytest.param("Губернатор Кировской области Иван Петров осмотрел новый цех завода. Программу обучения операторов "
                 "ещё обсуждают с Кировским промышленным техникумом.", id="talked with by someone unnamed"),
]


@pytest.mark.parametrize("text", NO_MEETINGS)
def test_no_meeting(pipeline: Pipeline, text: str) -> None:
    assert _facts(pipeline, text)["meetings"] == []


def test_the_sides_talking_in_the_next_sentence_are_the_same_meeting(pipeline: Pipeline) -> None:
    first = "Ректор МГУ Виктор Садовничий встретился с послом Франции Пьером Леви."
    text = first + " Стороны обсудили академические обмены."
    got = _facts(pipeline, text)["meetings"]
    assert [_names(m["participants"]) for m in got] == [["Виктор Садовничий", "Пьер Леви"]]


def test_today_is_the_release_date(pipeline: Pipeline) -> None:
    text = "Сегодня губернатор Иван Петров провёл встречу с министром Анной Ивановой."
    got = _facts(pipeline, text, ref_date=dt.date(2024, 6, 3))["meetings"]
    assert [m["date"] for m in got] == ["2024-06-03"]


def test_a_dateline_is_no_meeting_date(pipeline: Pipeline) -> None:
    text = "КАЗАНЬ, 5 апреля 2024 — РИА Новости. Мэр Ильсур Метшин встретился с послом Индии Винаем Кумаром."
    got = _facts(pipeline, text)["meetings"]
    assert [(_names(m["participants"]), m["date"]) for m in got] == [(["Ильсур Метшин", "Винай Кумар"], None)]


def test_a_post_alone_is_its_holder(pipeline: Pipeline) -> None:
    text = (
        "Губернатор Самарской области Вячеслав Федорищев посетил завод. "
        "Глава региона пообщался с генеральным директором предприятия Ильей Смирновым."
    )
    got = _facts(pipeline, text)["meetings"]
    assert [_names(m["participants"]) for m in got] == [["Вячеслав Федорищев", "Илья Смирнов"]]
    _covers(text, got[0], "Глава региона пообщался с генеральным директором предприятия Ильей Смирновым.")


def test_a_meeting_named_after_a_reception_is_of_who_received_whom(pipeline: Pipeline) -> None:
    text = (
        "Губернатор Андрей Клычков принял в своей резиденции посла Китая Чжан Ханьхуэя. "
        "В ходе встречи обсуждались вопросы торгового сотрудничества."
    )
    got = _facts(pipeline, text)["meetings"]
    assert [_names(m["participants"]) for m in got] == [["Андрей Клычков", "Чжан Ханьхуэй"]]
    _covers(text, got[0], text)


def test_received_past_a_place_and_the_post_of_the_one_received(pipeline: Pipeline) -> None:
    text = "Губернатор Иван Петров принял в Доме правительства Курской области президента компании «Сейм» Олега Кима."
    assert [_names(m["participants"]) for m in _facts(pipeline, text)["meetings"]] == [["Иван Петров", "Олег Ким"]]


def test_a_title_naming_the_company_of_the_one_received_is_the_same_meeting(pipeline: Pipeline) -> None:
    text = (
        "Глава Коми обсудил с «Печора Тимбер» строительство завода\nСыктывкар, 24 октября 2025 года.\nГлава "
        "Республики Коми Олег Кочергин принял председателя совета директоров компании «Печора Тимбер» Станислава "
        "Ермолина."
    )
    got = _facts(pipeline, text)["meetings"]
    assert [_names(m["participants"]) for m in got] == [["Олег Кочергин", "Станислав Ермолин"]]


def test_a_meeting_told_on_after_a_video_link_is_not_the_call(pipeline: Pipeline) -> None:
    text = (
        "Саранск, 13 февраля 2026 года.\nВ четверг министр сельского хозяйства Мордовии Иван Петров провёл рабочую "
        "встречу с ректором университета Зоей Кудашкиной.\nНакануне Иван Петров по видеосвязи обсудил с "
        "заместителем министра Анной Ивановой поддержку семеноводства. После рабочей встречи министр провёл "
        "заседание коллегии."
    )
    got = _facts(pipeline, text)["meetings"]
    assert [_names(m["participants"]) for m in got] == [["Иван Петров", "Зоя Кудашкина"]]


def test_the_one_met_is_named_in_the_main_clause(pipeline: Pipeline) -> None:
    text = (
        "Мэр Твери Алексей Огоньков посетил выставку. "
        "Одним из первых, с кем глава города пообщался, стал директор завода «Прогресс» Олег Зуев."
    )
    got = _facts(pipeline, text)["meetings"]
    assert [_names(m["participants"]) for m in got] == [["Алексей Огоньков", "Олег Зуев"]]


# ---------------------------------------------------------------- agreements

AGREEMENTS = [
    pytest.param(
        "Между правительством Самарской области и компанией «Газпром нефть» подписано соглашение о "
        "сотрудничестве в сфере энергетики.",
        [(["Правительство Самарской области", "Газпром нефть"], "соглашение о сотрудничестве в сфере энергетики")],
        id="«между» names the parties",
    ),
    pytest.param(
        "Банк ВТБ и администрация Тульской области подписали соглашение о финансировании проектов.",
        [(["Банк ВТБ", "Администрация Тульской области"], "соглашение о финансировании проектов")],
        id="the subjects are the parties",
    ),
    pytest.param(
        "Компания «Северсталь» заключила с администрацией Череповца концессионное соглашение.",
        [(["Северсталь", "Администрация Череповца"], "концессионное соглашение")],
        id="X concluded with Y; the document's adjective stays in its kind",
    ),
    pytest.param(
        "Заключены договоры поставки между АО «Альфа» и ООО «Бета», между ПАО «Гамма» и АО «Дельта», а также "
        "между ООО «Эпсилон» и АО «Зета».",
        [
            (["Альфа", "Бета"], "договор поставки"),
            (["Гамма", "Дельта"], "договор поставки"),
            (["Эпсилон", "Зета"], "договор поставки"),
        ],
        id="three pairs in one sentence are three documents",
    ),
    pytest.param(
        "На форуме подписаны документы: соглашение между Курской областью и компанией «Сейм», меморандум о "
        "партнерстве между АО «Альфа» и ООО «Бета», а также договор поставки между ПАО «Гамма» и АО «Дельта».",
        [
            (["Курская область", "Сейм"], "соглашение"),
            (["Альфа", "Бета"], "меморандум о партнерстве"),
            (["Гамма", "Дельта"], "договор поставки"),
        ],
        id="documents listed after a colon, each with its «между», are each its own agreement",
    ),
    pytest.param(
        "Губернатор Тверской области Игорь Руденя посетил компанию «Тверской вагоностроительный завод». "
        "Соглашение со стороны региона подписал губернатор, со стороны компании — генеральный директор Петр "
        "Петров.",
        [(["Тверская область", "Тверской вагоностроительный завод"], "соглашение")],
        id="«со стороны» names the sides, «регион» and «компания» the entities they stand for",
    ),
    pytest.param(
        "АО «Альфа» и Курский университет подписали меморандум о подготовке кадров, а Фонд развития "
        "Курской области и банк «Сейм» — соглашение о льготном кредитовании.",
        [(["Альфа", "Курский университет"], "меморандум о подготовке кадров"),
         (["Фонд развития Курской области", "Сейм"], "соглашение о льготном кредитовании")],
        id="a clause after «а» leaving the verb out is another agreement",
    ),
    pytest.param(
        "АО «Вектор» и ООО «Бета» договорились о сотрудничестве: соответствующий меморандум подписан в рамках "
        "форума.",
        [(["Вектор", "Бета"], "меморандум")],
        id="a passive signing after a colon is of the subjects before it",
    ),
    pytest.param(
        "Глава Чувашии Олег Николаев и председатель правления банка Андрей Костин подписали меморандум.",
        [(["Олег Николаев", "Андрей Костин"], "меморандум")],
        id="the persons who sign are the parties when no side is named",
    ),
    pytest.param(
        "Подписание соглашения о намерениях между администрацией Твери и ООО «Тверьлес» состоялось в мэрии.",
        [(["Администрация Твери", "Тверьлес"], "соглашение о намерениях")],
        id="intentions a document is about are no plan of the signing",
    ),
    pytest.param(
        "В ходе форума Кузбасский технический университет и АО «Сибуголь» подписали меморандум о партнёрстве.",
        [(["Кузбасский технический университет", "Сибуголь"], "меморандум о партнёрстве")],
        id="a name with its own head after an event noun is a subject, not the event's name",
    ),
    pytest.param(
        "12 марта Тамбовская область, банк «Черноземье» и компания «Тамбовагро» подписали трёхстороннее "
        "соглашение.",
        [(["Тамбовская область", "Черноземье", "Тамбовагро"], "трёхстороннее соглашение")],
        id="a date before the subjects is no noun they are apposed to",
    ),
    pytest.param(
        "Директор компании «Волгасталь» Олег Ким и директор компании «Нижегородские сети» Анна Белова провели "
        "переговоры, по итогам которых стороны подписали дорожную карту.",
        [(["Волгасталь", "Нижегородские сети"], "дорожная карта")],
        id="«стороны» in a clause after the meeting of two heads are their organizations",
    ),
    pytest.param(
        "Итог переговоров таков: правительство Омской области и компания «Иртыш» ударили по рукам, оформив "
        "протокол о намерениях.",
        [(["Правительство Омской области", "Иртыш"], "протокол о намерениях")],
        id="a gerund's document is signed by the subjects of the clause its comma closes",
    ),
    pytest.param(
        "Соглашение между государственной корпорацией по развитию портов «Севморпорт» и администрацией "
        "Ненецкого автономного округа о строительстве причала подписано в Москве.",
        [(["Севморпорт", "Администрация Ненецкого автономного округа"], "соглашение о строительстве причала")],
        id="a side after a descriptor's «по ...» and what the document is about after its sides",
    ),
    pytest.param(
        "Руководитель Федерального агентства лесного хозяйства Иван Ким посетил область, где агентство и "
        "правительство области продлили соглашение о защите лесов.",
        [(["Федеральное агентство лесного хозяйства", "Правительство области"], "соглашение о защите лесов")],
        id="an extension signed; «агентство» is the agency named before",
    ),
    pytest.param(
        "Правительство Удмуртии подписало с АО «Купол» соглашение о создании технопарка, а также меморандум о "
        "подготовке кадров.",
        [(["Правительство Удмуртии", "Купол"], "соглашение о создании технопарка"),
         (["Правительство Удмуртии", "Купол"], "меморандум о подготовке кадров")],
        id="documents joined by «а также» are each signed",
    ),
    pytest.param(
        "Программу сотрудничества на 2026–2028 годы подписали АО «Альфа» и банк «Сейм».",
        [(["Альфа", "Сейм"], "программа сотрудничества")],
        id="a programme of cooperation is a document; its complement keeps its case",
    ),
    pytest.param(
        "Дорожную карту по развитию кампуса подписали АО «Альфа» и Курский университет.",
        [(["Альфа", "Курский университет"], "дорожная карта по развитию кампуса")],
        id="the subjects after the verb when the document opens the clause",
    ),
    pytest.param(
        "Договор о поставке 50 автобусов Липецк заключил с компанией «ПАЗ».",
        [(["Липецк", "ПАЗ"], "договор о поставке 50 автобусов")],
        id="a place in the nominative after what a document is about is its subject",
    ),
    pytest.param(
        "Удмуртский университет заключил договоры о сотрудничестве с двумя предприятиями региона: АО «Купол» и "
        "ООО «Сарапульский генератор».",
        [(["Удмуртский университет", "Купол"], "договор о сотрудничестве"),
         (["Удмуртский университет", "Сарапульский генератор"], "договор о сотрудничестве")],
        id="partners counted, then listed after a colon",
    ),
    pytest.param(
        "Администрация Томской области заключила соглашения о сотрудничестве с двумя компаниями — АО «Альфа» и "
        "ООО «Бета».",
        [(["Администрация Томской области", "Альфа"], "соглашение о сотрудничестве"),
         (["Администрация Томской области", "Бета"], "соглашение о сотрудничестве")],
        id="partners counted, then listed after a dash",
    ),
    pytest.param(
        "Глава Республики Коми Олег Кочергин принял председателя совета директоров компании «Вычегда Тимбер» "
        "Станислава Ермолина. По итогам встречи Республика Коми и «Вычегда Тимбер» заключили соглашение о "
        "лесовосстановлении.",
        [(["Республика Коми", "Вычегда Тимбер"], "соглашение о лесовосстановлении")],
        id="a name after an event noun is no name of the event",
    ),
    pytest.param(
        "Соглашение о развитии туризма заключено между Алтайским краем, с одной стороны, и АО «Бирюзовая Катунь», "
        "с другой стороны.",
        [(["Алтайский край", "Бирюзовая Катунь"], "соглашение о развитии туризма")],
        id="«с одной стороны» between the sides of «между»",
    ),
    pytest.param(
        "Администрация Томска в лице мэра и ООО «Сибирская тепловая компания» в лице генерального директора "
        "подписали концессионное соглашение.",
        [(["Администрация Томска", "Сибирская тепловая компания"], "концессионное соглашение")],
        id="«в лице» its signer after each side",
    ),
    pytest.param(
        "Договор о целевом обучении подписан министерством здравоохранения Чувашии, Чувашским государственным "
        "университетом и ООО «Медсервис».",
        [(["Министерство здравоохранения Чувашии", "Чувашский государственный университет", "Медсервис"],
          "договор о целевом обучении")],
        id="a passive signing's bodies in the instrumental",
    ),
    pytest.param(
        "По итогам разговора Правительство Курской области и компания «Агропромкомплектация» подписали "
        "соглашение о строительстве свинокомплекса.",
        [(["Правительство Курской области", "Агропромкомплектация"], "соглашение о строительстве свинокомплекса")],
        id="a capitalized body after a genitive noun is the subject",
    ),
    pytest.param(
        "Федеральное государственное бюджетное образовательное учреждение высшего образования «Камский "
        "государственный политехнический университет» (КГПУ) и акционерное общество «Елабужский моторный завод» "
        "подписали соглашение о создании базовой кафедры.",
        [(["Камский государственный политехнический университет", "Елабужский моторный завод"],
          "соглашение о создании базовой кафедры")],
        id="a name read as an accusative before «и» and a subject is a subject",
    ),
    pytest.param(
        "Федеральное государственное бюджетное образовательное учреждение высшего образования «Окский "
        "аграрный университет» (ОАУ) подписало соглашение о сотрудничестве с АО «Рязанские семена».",
        [(["Окский аграрный университет", "Рязанские семена"], "соглашение о сотрудничестве")],
        id="a name read as an accusative agreeing with the verb is its subject",
    ),
    pytest.param(
        "Ректор Окского аграрного университета Илья Баранов и генеральный директор АО «Рязанские семена» Олег "
        "Рябов поставили подписи под договором о селекции картофеля.",
        [(["Окский аграрный университет", "Рязанские семена"], "договор о селекции картофеля")],
        id="persons who sign for the bodies of their posts: the bodies are the parties",
    ),
    pytest.param(
        "Под договором о целевом обучении стоят подписи главного врача ГБУЗ «Окская больница» Ильи Баранова и "
        "ректора Рязанского медицинского колледжа Олега Рябова.",
        [(["Окская больница", "Рязанский медицинский колледж"], "договор о целевом обучении")],
        id="the signers in the genitive after «подписи» sign for the bodies of their posts",
    ),
    pytest.param(
        "Свои автографы под соглашением о практике оставили директор АО «Рязанские семена» Илья Баранов и ректор "
        "Окского аграрного университета Олег Рябов.",
        [(["Рязанские семена", "Окский аграрный университет"], "соглашение о практике")],
        id="«автограф» is a signature",
    ),
    pytest.param(
        "Под меморандумом о сотрудничестве подписались директор АО «Рязанские семена» Илья Баранов и ректор "
        "Окского аграрного университета Олег Рябов.",
        [(["Рязанские семена", "Окский аграрный университет"], "меморандум о сотрудничестве")],
        id="«подписались под меморандумом»",
    ),
    pytest.param(
        "Акционерный коммерческий банк «Заря» расширяет кредитование промышленности. Кредитное соглашение банк "
        "заключил сегодня с ООО «Вятский литейный завод».",
        [(["Заря", "Вятский литейный завод"], "кредитное соглашение")],
        id="«банк» stands for a bank called so in a mention, not in its name",
    ),
    pytest.param(
        "Губернатор рассказал о соглашении о строительстве элеватора, которое заключили Курганская область и "
        "АО «Тобольские зерновые технологии».",
        [(["Курганская область", "Тобольские зерновые технологии"], "соглашение о строительстве элеватора")],
        id="the document a relative «которое» stands for",
    ),
    pytest.param(
        "ООО «Ржевская нива» построит элеватор. Соглашение о реализации проекта компания подписала с "
        "правительством Тверской области в среду.",
        [(["Ржевская нива", "Правительство Тверской области"], "соглашение о реализации проекта")],
        id="a plan word of a fronted document's name says no plan, and the subject ends its name",
    ),
    pytest.param(
        "Администрация Нефтеюганска, Нефтеюганский политехнический колледж и АО «Юганский бур», подписавшие "
        "соглашение о создании учебного центра, начнут набор в сентябре.",
        [(["Администрация Нефтеюганска", "Нефтеюганский политехнический колледж", "Юганский бур"],
          "соглашение о создании учебного центра")],
        id="an active participle after a comma: the names listed before it signed",
    ),
]


@pytest.mark.parametrize(("text", "expected"), AGREEMENTS)
def test_agreements(pipeline: Pipeline, text: str, expected: list[tuple[list[str], str]]) -> None:
    got = _facts(pipeline, text)["agreements"]
    assert [(_names(a["parties"]), a["kind"]) for a in got] == expected
    for a in got:  # the sentence stating it: the last one of the text
        _covers(text, a, text.strip()[text.rfind(". ") + 2 if ". " in text else 0 :])


NO_AGREEMENTS = [
    pytest.param("Стороны планируют подписать меморандум о сотрудничестве в октябре.", id="planned"),
    pytest.param("Жители района подписались на рассылку новостей администрации.", id="subscribed, no document"),
    pytest.param("Губернатор рассказал о соглашении о строительстве элеватора, которое область заключит с АО "
                 "«Тобольские зерновые технологии» в мае.", id="a relative clause's future"),
    pytest.param("Соглашение между АО «Альфа» и ООО «Бета» будет подписано в ходе форума.", id="future"),
    pytest.param("Всего на форуме подписано 12 соглашений.", id="a summary count"),
    pytest.param("Губернатор Иван Петров подписал закон о ратификации соглашения с Арменией.", id="a law signed"),
    pytest.param("Проект соглашения между АО «Альфа» и ООО «Бета» пока не подписан.", id="a draft not signed"),
    pytest.param("Новым директором завода назначен Олег Сомов. Контракт с ним заключен на три года.",
                 id="a contract whose parties the text never names"),
]


@pytest.mark.parametrize("text", NO_AGREEMENTS)
def test_no_agreement(pipeline: Pipeline, text: str) -> None:
    assert _facts(pipeline, text)["agreements"] == []


def test_the_term_of_an_agreement_is_not_its_date(pipeline: Pipeline) -> None:
    text = "Банк ВТБ и администрация Тульской области подписали соглашение о сотрудничестве на 2025 год."
    assert [a["date"] for a in _facts(pipeline, text)["agreements"]] == [None]


def test_a_start_point_is_no_date_of_a_signing(pipeline: Pipeline) -> None:
    text = (
        "Курск, 3 декабря 2024 года.\nФонд развития промышленности Курской области заключил соглашение о "
        "льготном финансировании с банком «Сейм». Всего с начала года фонд подписал 6 соглашений с банками."
    )
    assert [a["date"] for a in _facts(pipeline, text)["agreements"]] == [None]


def test_a_signing_that_comes_of_a_meeting_takes_its_date(pipeline: Pipeline) -> None:
    text = (
        "Сыктывкар, 24 октября 2025 года.\nГлава Республики Коми Олег Кочергин 23 октября принял председателя "
        "совета директоров компании «Вычегда Тимбер» Станислава Ермолина. По итогам встречи стороны заключили "
        "соглашение о лесовосстановлении."
    )
    assert [a["date"] for a in _facts(pipeline, text)["agreements"]] == ["2025-10-23"]


def test_a_signing_that_comes_of_a_meeting_is_of_its_sides(pipeline: Pipeline) -> None:
    text = (
        "Киров, 12 мая 2026 года.\nМинистр промышленности Кировской области Павел Зуев принял генерального "
        "директора ООО «Вятская мебель» Игоря Сычёва. По итогам встречи стороны подписали соглашение о "
        "модернизации фабрики."
    )
    assert [[p["name"] for p in a["parties"]] for a in _facts(pipeline, text)["agreements"]] == [
        ["Павел Зуев", "Вятская мебель"]
    ]


def test_the_sentence_after_a_signing_names_its_sides(pipeline: Pipeline) -> None:
    text = (
        "Казань, 3 июня 2026 года.\nДоговор о целевом обучении подписан во вторник. Одной стороной документа "
        "выступил Казанский технологический колледж. Другой — АО «Волжский химзавод»."
    )
    assert [[p["name"] for p in a["parties"]] for a in _facts(pipeline, text)["agreements"]] == [
        ["Казанский технологический колледж", "Волжский химзавод"]
    ]
    text = (
        "Казань, 3 июня 2026 года.\nДоговор о целевом обучении подписан во вторник. Его сторонами стали "
        "Казанский технологический колледж и АО «Волжский химзавод»."
    )
    assert [[p["name"] for p in a["parties"]] for a in _facts(pipeline, text)["agreements"]] == [
        ["Казанский технологический колледж", "Волжский химзавод"]
    ]


def test_the_sentence_after_a_signing_names_its_sides_by_their_roles(pipeline: Pipeline) -> None:
    text = (
        "Пенза, 12 мая 2026 года.\nДоговор подряда на ремонт моста подписан в понедельник. Заказчиком по нему "
        "выступает администрация города Пензы, подрядчиком — ООО «Сурская мостостроительная компания»."
    )
    assert [[p["name"] for p in a["parties"]] for a in _facts(pipeline, text)["agreements"]] == [
        ["Администрация города Пензы", "Сурская мостостроительная компания"]
    ]
    text = (
        "Пенза, 12 мая 2026 года.\n«Договор подряда на ремонт моста мы подписали в марте. Мост будет передан "
        "заказчику к осени», — сказал директор Пензенского завода Иван Рябов."
    )
    assert _facts(pipeline, text)["agreements"] == []


def test_a_lead_naming_no_sides_is_the_agreement_whose_sides_come_later(pipeline: Pipeline) -> None:
    text = (
        "ОРЕНБУРГ, 9 сентября 2026 года. — Подписанием хартии о приграничном сотрудничестве завершился сегодня "
        "деловой форум. На форум приехали руководители 30 предприятий из двух стран. Участники обсудили "
        "поставки зерна и техники. Гости осмотрели выставку. Подписание хартии прошло в конце форума. Её "
        "сторонами стали министерство экономики Оренбургской области и АО «Степной элеватор»."
    )
    agreements = _facts(pipeline, text)["agreements"]
    assert [([p["name"] for p in a["parties"]], a["kind"], a["date"]) for a in agreements] == [
        (["Министерство экономики Оренбургской области", "Степной элеватор"], "хартия о приграничном сотрудничестве",
         "2026-09-09")
    ]


def test_a_signing_told_in_quotes_keeps_its_sides(pipeline: Pipeline) -> None:
    text = (
        "Братск, 4 августа 2026 года.\n«Сегодня мэрия Братска и ООО «Ангара-Лес» подписали соглашение о "
        "партнёрстве. Компания отремонтирует две школы», — сообщил мэр города Сергей Серебренников."
    )
    assert [[p["name"] for p in a["parties"]] for a in _facts(pipeline, text)["agreements"]] == [
        ["Мэрия Братска", "Ангара-Лес"]
    ]


def test_the_ceremony_in_the_next_sentence_dates_the_signing(pipeline: Pipeline) -> None:
    text = (
        "Самара, 17 июля 2025 года.\nМинистр строительства области Игорь Орлов и глава города Анна Белова "
        "подписали соглашение о расселении аварийного жилья. Церемония прошла 16 июля в Самаре."
    )
    assert [a["date"] for a in _facts(pipeline, text)["agreements"]] == ["2025-07-16"]


def test_one_who_leaves_without_a_post_named_left_the_post_filled(pipeline: Pipeline) -> None:
    text = (
        "Совет директоров АО «Северсталь-Логистика» избрал генеральным директором Павла Орлова. Игорь Сомов, "
        "возглавлявший компанию с 2019 года, покидает пост в связи с выходом на пенсию."
    )
    got = _facts(pipeline, text)["appointments"]
    assert [(a["person"]["name"], a["post"], a["action"]) for a in got] == [
        ("Павел Орлов", "генеральный директор", "appointed"),
        ("Игорь Сомов", "генеральный директор", "dismissed"),
    ]


def test_a_title_naming_the_region_is_the_agreement_of_its_government(pipeline: Pipeline) -> None:
    text = (
        "Тульская область подписала концессионное соглашение с производителем кабеля\nТула, 3 июня 2025 года.\n"
        "Правительство Тульской области и компания «Тулакабель» заключили концессионное соглашение."
    )
    got = _facts(pipeline, text)["agreements"]
    assert [(_names(a["parties"]), a["kind"]) for a in got] == [
        (["Правительство Тульской области", "Тулакабель"], "концессионное соглашение")
    ]


def test_the_parties_in_the_sentence_before(pipeline: Pipeline) -> None:
    text = (
        "Компания «Сибур» и правительство Тюменской области договорились о сотрудничестве. "
        "Сегодня стороны подписали меморандум о взаимопонимании."
    )
    got = _facts(pipeline, text)["agreements"]
    assert [(_names(a["parties"]), a["kind"]) for a in got] == [
        (["Сибур", "Правительство Тюменской области"], "меморандум о взаимопонимании")
    ]
    _covers(text, got[0], text)


def test_several_documents_with_partners_named_after(pipeline: Pipeline) -> None:
    text = (
        "Губернатор Иван Петров заключил с партнёрами из Казахстана ряд соглашений о сотрудничестве. "
        "В число партнёров вошли АО «Альфа» и ООО «Бета»."
    )
    got = _facts(pipeline, text)["agreements"]
    assert [(_names(a["parties"]), a["kind"]) for a in got] == [
        (["Иван Петров", "Альфа"], "соглашение о сотрудничестве"),
        (["Иван Петров", "Бета"], "соглашение о сотрудничестве"),
    ]
    for a in got:
        _covers(text, a, text)


def test_a_document_signed_by_three_heads_and_named_again_is_one_agreement(pipeline: Pipeline) -> None:
    got = _facts(pipeline, "Окский аграрный университет подписал соглашение о сотрудничестве с АО «Рязанские "
                           "семена» и ООО «Мещёра Агро». Документ подписали ректор университета Илья Баранов, "
                           "генеральный директор АО «Рязанские семена» Олег Рябов и директор ООО «Мещёра Агро» "
                           "Анна Котова. Соглашение подписано в присутствии губернатора.")["agreements"]
    assert [(_names(a["parties"]), a["kind"]) for a in got] == [
        (["Окский аграрный университет", "Рязанские семена", "Мещёра Агро"], "соглашение о сотрудничестве"),
    ]


def test_the_signers_of_a_document_named_before_add_no_agreement(pipeline: Pipeline) -> None:
    text = (
        "Томский государственный университет и компания «Газпром» подписали соглашение о подготовке кадров. "
        "Подписи под документом поставили ректор ТГУ Эдуард Галажинский и заместитель председателя правления "
        "компании Виталий Маркелов."
    )
    got = _facts(pipeline, text)["agreements"]
    assert [_names(a["parties"]) for a in got] == [["Томский государственный университет", "Газпром"]]


# ---------------------------------------------------------------- appointments

APPOINTMENTS = [
    pytest.param(
        "Прежний главный врач районной больницы Пётр Самойлов в октябре вышел на пенсию.",
        [("Пётр Самойлов", "главный врач районной больницы", "dismissed")],
        id="retiring leaves the post",
    ),
    pytest.param(
        "Директор Тарского краеведческого музея Анна Лыкова завершила работу в должности.",
        [("Анна Лыкова", "директор Тарского краеведческого музея", "dismissed")],
        id="ending one's work in the post leaves it",
    ),
    pytest.param(
        "Ольга Зимина получила назначение на должность директора департамента культуры Курской области.",
        [("Ольга Зимина", "директор департамента культуры Курской области", "appointed")],
        id="«получила назначение на должность»: the subject is appointed",
    ),
    pytest.param(
        "Указом губернатора Ивана Петрова министром здравоохранения области назначен Сергей Волков.",
        [("Сергей Волков", "министр здравоохранения области", "appointed")],
        id="appointed; who signs the decree is not",
    ),
    pytest.param(
        "Временно исполняющим обязанности главы города назначена Мария Орлова.",
        [("Мария Орлова", "глава города", "acting")],
        id="acting: the post is the one whose duties are performed",
    ),
    pytest.param(
        "Мария Орлова назначена главой администрации города.",
        [("Мария Орлова", "глава администрации города", "appointed")],
        id="appointed, not acting",
    ),
    pytest.param(
        "Губернатор освободил от должности министра финансов Олега Смирнова.",
        [("Олег Смирнов", "министр финансов", "dismissed")],
        id="dismissed from the post written beside the name",
    ),
    pytest.param(
        "Министр спорта области Павел Кузнецов ушёл в отставку.",
        [("Павел Кузнецов", "министр спорта области", "dismissed")],
        id="leaving a post for any reason is dismissed",
    ),
    pytest.param(
        "Совет директоров ПАО «Ромашка» досрочно прекратил полномочия генерального директора Игоря Лебедева.",
        [("Игорь Лебедев", "генеральный директор", "dismissed")],
        id="a board ends someone's powers",
    ),
    pytest.param(
        "Распоряжением губернатора Сергей Иванов назначен заместителем председателя правительства области.",
        [("Сергей Иванов", "заместитель председателя правительства области", "appointed")],
        id="the governor of the decree is no post of the person after him",
    ),
    pytest.param(
        "Решением совета директоров генеральным директором АО «Вектор» избран Павел Смирнов.",
        [("Павел Смирнов", "генеральный директор АО «Вектор»", "appointed")],
        id="elected by a board to a post",
    ),
    pytest.param(
        "Совет директоров компании избрал генеральным директором общества Максима Тулупова.",
        [("Максим Тулупов", "генеральный директор общества", "appointed")],
        id="the name right after the post of the verb is its object, not the genitive of the post's noun",
    ),
    pytest.param(
        "Ольга Крылова, занимавшая пост министра культуры с 2020 года, освобождена от должности в связи с "
        "переходом на другую работу.",
        [("Ольга Крылова", "министр культуры", "dismissed")],
        id="the post the person held, named in the sentence outside the name",
    ),
    pytest.param(
        "Глава города Курска Ирина Полетаева покидает пост досрочно.",
        [("Ирина Полетаева", "глава города Курска", "dismissed")],
        id="leaving a post in the news present",
    ),
    pytest.param(
        "Губернатор уволил министра спорта Олега Панова и назначил Игоря Маркова.",
        [("Олег Панов", "министр спорта", "dismissed"), ("Игорь Марков", None, "appointed")],
        id="two verbs, each with its own object",
    ),
    pytest.param(
        "Начальник полиции города Андрей Рябов снят с должности.",
        [("Андрей Рябов", "начальник полиции города", "dismissed")],
        id="removed from office",
    ),
    pytest.param(
        "Глава администрации района Сергей Миронов подал в отставку.",
        [("Сергей Миронов", "глава администрации района", "dismissed")],
        id="resigned",
    ),
    pytest.param(
        "Пост министра образования занял Игорь Кравец.",
        [("Игорь Кравец", "министр образования", "appointed")],
        id="took the post",
    ),
    pytest.param(
        "Министр Олег Зайцев подал в отставку, и по его предложению на должность министра назначен его "
        "заместитель Игорь Соколов.",
        [("Олег Зайцев", "министр", "dismissed"), ("Игорь Соколов", "министр", "appointed")],
        id="two clauses joined by «, и», each with its own person",
    ),
    pytest.param(
        "Совет директоров принял решение о досрочном прекращении полномочий президента компании Михаила Осипова.",
        [("Михаил Осипов", "президент компании", "dismissed")],
        id="a decision to end someone's powers",
    ),
    pytest.param(
        "Назначен новый министр спорта — им стал Олег Петров.",
        [("Олег Петров", "министр спорта", "appointed")],
        id="«им стал»: the post named just before",
    ),
    pytest.param(
        "Полномочия генерального директора Игоря Лебедева прекращены досрочно.",
        [("Игорь Лебедев", "генеральный директор", "dismissed")],
        id="the powers named before the verb",
    ),
    pytest.param(
        "Глава республики освободил от занимаемых должностей министра культуры Ирину Белову и министра "
        "спорта Артёма Ершова.",
        [
            ("Ирина Белова", "министр культуры", "dismissed"),
            ("Артём Ершов", "министр спорта", "dismissed"),
        ],
        id="two people, each with their own post",
    ),
    pytest.param(
        "Временно исполняющей обязанности министра культуры Тверской области определена Ольга Зимина.",
        [("Ольга Зимина", "министр культуры Тверской области", "acting")],
        id="«определена» with an acting post fronted",
    ),
    pytest.param(
        "Кресло первого заместителя главы Омска занял Артём Лыков.",
        [("Артём Лыков", "первый заместитель главы Омска", "appointed")],
        id="«кресло ... занял»",
    ),
    pytest.param(
        "Андрей Пахомов переведён на должность начальника управления транспорта.",
        [("Андрей Пахомов", "начальник управления транспорта", "appointed")],
        id="a transfer to a post",
    ),
    pytest.param(
        "В должность генерального директора АО «Курганмашзавод» вступил Сергей Ким.",
        [("Сергей Ким", "генеральный директор АО «Курганмашзавод»", "appointed")],
        id="the post before «вступил», a quoted name in the gap",
    ),
    pytest.param(
        "Новый генеральный директор АО «Вектор» Роман Тихомиров возглавил компанию 10 ноября.",
        [("Роман Тихомиров", "генеральный директор АО «Вектор»", "appointed")],
        id="«возглавил» a body: the post the person holds in it",
    ),
    pytest.param(
        "На посту министра культуры Курской области Марину Зотову сменил Олег Белых.",
        [("Марина Зотова", "министр культуры Курской области", "dismissed"),
         ("Олег Белых", "министр культуры Курской области", "appointed")],
        id="«на посту ... сменил»: who leaves and who takes the post",
    ),
    pytest.param(
        "Олег Белых, сменивший на посту директора завода Марину Зотову, представил программу.",
        [("Марина Зотова", "директор завода", "dismissed"), ("Олег Белых", "директор завода", "appointed")],
        id="an active participle: its object leaves",
    ),
    pytest.param(
        "Губернатор Олег Белых, назначивший Марину Зотову министром культуры, выступил первым.",
        [("Марина Зотова", "министр культуры", "appointed")],
        id="an active participle: who appointed is not the appointee",
    ),
    pytest.param(
        "Совет директоров принял Олега Белых на должность генерального директора АО «Вектор».",
        [("Олег Белых", "генеральный директор АО «Вектор»", "appointed")],
        id="«принял на должность»",
    ),
]


@pytest.mark.parametrize(("text", "expected"), APPOINTMENTS)
def test_appointments(pipeline: Pipeline, text: str, expected: list[tuple[str, str, str]]) -> None:
    got = _facts(pipeline, text)["appointments"]
    assert [(a["person"]["name"], a["post"], a["action"]) for a in got] == expected
    for a in got:
        _covers(text, a, text.strip())


NO_APPOINTMENTS = [
    pytest.param("Андрей Козлов будет назначен министром транспорта.", id="future"),
    pytest.param("Андрея Козлова выдвинули на пост министра транспорта.", id="nominated"),
    pytest.param("Министр транспорта пока не назначен.", id="not yet"),
    pytest.param("Лучшим игроком матча стал нападающий Андрей Козлов.", id="an award is no office"),
    pytest.param("Депутаты предложили назначить Андрея Козлова министром.", id="proposed"),
    pytest.param("Теперь должность министра займёт Андрей Козлов.", id="will take the post"),
    pytest.param("Указа о назначении Андрея Козлова губернатор пока не подписал.", id="a decree not signed"),
    pytest.param("Олег Гусев занимал пост министра образования пять лет.", id="held, not took"),
    pytest.param("Делегацию возглавил министр экономики области Иван Петров.", id="led a delegation"),
    pytest.param("Председатель правления банка «Заря» Олег Сомов возглавил рейтинг самых влиятельных банкиров.",
                 id="topped a rating"),
    pytest.param("Первый заместитель директора АО «Вектор» Роман Тихомиров возглавил компанию в ноябре.",
                 id="«возглавил» with no head's post named"),
    pytest.param("Компания «Вектор» сменила логотип, а Роман Тихомиров сменил автомобиль.", id="«сменил» no post"),
]


@pytest.mark.parametrize("text", NO_APPOINTMENTS)
def test_no_appointment(pipeline: Pipeline, text: str) -> None:
    assert _facts(pipeline, text)["appointments"] == []


def test_a_pronoun_is_the_person_before(pipeline: Pipeline) -> None:
    text = "Андрей Козлов работал заместителем министра. В понедельник его назначили министром транспорта."
    got = _facts(pipeline, text)["appointments"]
    assert [(a["person"]["name"], a["post"], a["action"]) for a in got] == [
        ("Андрей Козлов", "министр транспорта", "appointed")
    ]
    _covers(text, got[0], "В понедельник его назначили министром транспорта.")


def test_a_title_and_its_body_are_one_appointment(pipeline: Pipeline) -> None:
    text = (
        "Олег Смирнов покинул пост министра\n\n"
        "Губернатор освободил от должности министра финансов области Олега Смирнова."
    )
    got = _facts(pipeline, text)["appointments"]
    assert [(a["person"]["name"], a["post"], a["action"]) for a in got] == [
        ("Олег Смирнов", "министр финансов области", "dismissed")
    ]


@pytest.mark.xfail(strict=True, reason="a dismissal told by what someone will no longer do: no trigger reads it")
def test_gap_no_longer_heads(pipeline: Pipeline) -> None:
    text = "Вице-премьер Анна Колосова больше не будет руководить Министерством финансов."
    got = _facts(pipeline, text)["appointments"]
    assert [(a["person"]["name"], a["action"]) for a in got] == [("Анна Колосова", "dismissed")]


@pytest.mark.xfail(strict=True, reason="a new post implies leaving the old one; only the appointment is stated")
def test_gap_the_old_post_left_by_a_new_appointment(pipeline: Pipeline) -> None:
    text = "Министром сельского хозяйства работал Алексей Сомов, однако в мае его назначили вице-губернатором."
    got = _facts(pipeline, text)["appointments"]
    assert [(a["person"]["name"], a["action"]) for a in got] == [
        ("Алексей Сомов", "appointed"),
        ("Алексей Сомов", "dismissed"),
    ]


# ---------------------------------------------------------------- held-out wording (bench/facts_heldout)


def test_a_meeting_with_a_delegation_joined_by_who_took_part(pipeline: Pipeline) -> None:
    text = (
        "В правительстве Курской области состоялась встреча с делегацией компании «Сейм Агро». "
        "Со стороны региона во встрече участвовал вице-губернатор Павел Рыбин."
    )
    got = _facts(pipeline, text)["meetings"]
    assert [_names(m["participants"]) for m in got] == [["Сейм Агро", "Павел Рыбин"]]
    _covers(text, got[0], text)


def test_participants_after_a_session_meet_nobody(pipeline: Pipeline) -> None:
    text = (
        "Соглашение между АО «Альфа» и ООО «Бета» стороны планируют подписать осенью. "
        "Пленарное заседание провёл вице-премьер Олег Сомов. Участники обсудили развитие туризма."
    )
    got = _facts(pipeline, text)
    assert got["meetings"] == [] and got["agreements"] == []


def test_a_contract_for_a_deed_and_a_kind_told_before(pipeline: Pipeline) -> None:
    text = "Завод «Северный турбинный» заключил договор на поставку оборудования с компанией «Энерготех»."
    got = _facts(pipeline, text)["agreements"]
    assert [(_names(a["parties"]), a["kind"]) for a in got] == [
        (["Северный турбинный", "Энерготех"], "договор на поставку оборудования")
    ]
    text = (
        "Правительство Калужской области и компания «Вега» договорились о строительстве завода. "
        "Соглашение об этом стороны скрепили подписями в ходе форума."
    )
    got = _facts(pipeline, text)["agreements"]
    assert [(_names(a["parties"]), a["kind"]) for a in got] == [
        (["Правительство Калужской области", "Вега"], "соглашение")
    ]


def test_a_title_naming_the_sides_and_a_body_naming_their_signers(pipeline: Pipeline) -> None:
    text = (
        "Тверская область и компания «Волга Пласт» подписали соглашение о строительстве завода\n"
        "Губернатор Тверской области Игорь Смирнов и генеральный директор компании «Волга Пласт» Олег Рыбаков "
        "подписали соглашение о строительстве завода в Конакове."
    )
    got = _facts(pipeline, text)["agreements"]
    assert [_names(a["parties"]) for a in got] == [["Тверская область", "Волга Пласт"]]


def test_a_plural_noun_subject_stands_for_the_two_of_its_kind_named_before(pipeline: Pipeline) -> None:
    text = (
        "Ректор Уральского технического университета Павел Серов принял делегацию Харбинского университета "
        "науки и техники. По итогам переговоров университеты подписали меморандум о создании совместной лаборатории."
    )
    got = _facts(pipeline, text)["agreements"]
    assert [(_names(a["parties"]), a["kind"]) for a in got] == [
        (["Уральский технический университет", "Харбинский университет науки и техники"],
         "меморандум о создании совместной лаборатории")
    ]


def test_a_bare_document_noun_paragraphs_later_is_the_one_signed(pipeline: Pipeline) -> None:
    text = (
        "Правительство Курской области и банк «Сейм» заключили соглашение о финансировании строительства жилья.\n"
        "Банк направит на проекты 5 млрд рублей.\nПриоритет получат районы области.\n"
        "Министерство строительства подберёт площадки. Оно же будет сопровождать проекты.\n"
        "«В прошлом году область ввела рекордный объём жилья. Застройщикам нужны доступные кредиты, и "
        "соглашение как раз об этом», — прокомментировал подписание министр строительства Иван Орлов."
    )
    got = _facts(pipeline, text)["agreements"]
    assert [(_names(a["parties"]), a["kind"]) for a in got] == [
        (["Правительство Курской области", "Сейм"], "соглашение о финансировании строительства жилья")
    ]


def test_an_unknown_noun_after_and_starts_another_organization(pipeline: Pipeline) -> None:
    text = "Сегодня мэрия Казани и хокимият Самаркандской области подписали дорожную карту по развитию туризма."
    got = _facts(pipeline, text)["agreements"]
    assert [_names(a["parties"]) for a in got] == [["Мэрия Казани", "Хокимият Самаркандской области"]]


def test_replaced_in_the_post(pipeline: Pipeline) -> None:
    text = "Новый директор завода Иван Белов вступил в должность. Он сменил на этом посту Петра Орлова."
    got = _facts(pipeline, text)["appointments"]
    assert [(a["person"]["name"], a["action"]) for a in got] == [
        ("Иван Белов", "appointed"),
        ("Петр Орлов", "dismissed"),
    ]


def test_the_post_of_the_one_replaced(pipeline: Pipeline) -> None:
    text = "Новый директор завода Иван Белов вступил в должность. Он сменил на этом посту Петра Орлова."
    got = _facts(pipeline, text)["appointments"]
    assert [a["post"] for a in got] == ["директор завода", "директор завода"]


def test_documents_listed_after_a_colon(pipeline: Pipeline) -> None:
    text = (
        "На выставке подписаны документы: соглашение между АО «Альфа» и ООО «Бета», меморандум о "
        "взаимопонимании между АО «Гамма» и ООО «Дельта»."
    )
    got = _facts(pipeline, text)["agreements"]
    assert [(_names(a["parties"]), a["kind"]) for a in got] == [
        (["Альфа", "Бета"], "соглашение"), (["Гамма", "Дельта"], "меморандум о взаимопонимании")
    ]


def test_the_sides_of_heads_are_their_bodies(pipeline: Pipeline) -> None:
    text = (
        "Ректор Курского аграрного университета Виктор Смолин и директор агрохолдинга «Сейм Агро» Анна Лосева "
        "провели встречу. По итогам встречи стороны подписали договор о практике студентов."
    )
    got = _facts(pipeline, text)["agreements"]
    assert [_names(a["parties"]) for a in got] == [["Курский аграрный университет", "Сейм Агро"]]


# a text and its workplaces: (person, relation, organization), in the output's order
WORKPLACES = [
    # a post naming its organization
    ("Генеральный директор АО «Северный порт» Олег Ветров провёл совещание.",
     [("Олег Ветров", "post", "Северный порт")]),
    # a verb: the subject, its object or instrumental
    ("С 2019 года Марина Юдина возглавляет фонд «Открытое небо».", [("Марина Юдина", "heads", "Открытое небо")]),
    ("Игорь Седов много лет руководит ПАО «Волжский трубный завод».",
     [("Игорь Седов", "heads", "Волжский трубный завод")]),
    # after a preposition, past a common noun
    ("Анна Гришина десять лет работала в банке «Восточный экспресс».",
     [("Анна Гришина", "works", "Восточный экспресс")]),
    ("Нападающий Павел Зуев три сезона играл за клуб «Амур».", [("Павел Зуев", "works", "Амур")]),
    ("В марте Кирилл Левин покинул компанию «Ростелеком».", [("Кирилл Левин", "left", "Ростелеком")]),
    # the name a relative clause or a participle stands beside
    ("На форуме выступил Сергей Панин, который руководит ассоциацией «Русский лес».",
     [("Сергей Панин", "heads", "Русский лес")]),
    ("Слово взяла Ольга Руднева, возглавляющая фонд «Добрые дела».", [("Ольга Руднева", "heads", "Добрые дела")]),
    # an infinitive after «начал» is stated
    ("В 2015 году Денис Котов начал работать в «Сбербанке».", [("Денис Котов", "works", "Сбербанк")]),
    # the organization named first: «который» standing for it, or a passive participle
    ("Компания «Кедр», которую с 2018 года возглавляет Лев Ушаков, открыла филиал.",
     [("Лев Ушаков", "heads", "Кедр")]),
    ("Банк «Заречье», которым руководит Нина Баранова, снизил ставки.", [("Нина Баранова", "heads", "Заречье")]),
    ("Фонд «Светлый путь», в котором работает Олег Шубин, открыл приемную.",
     [("Олег Шубин", "works", "Светлый путь")]),
    ("Ассоциация «Полесье», возглавляемая Игорем Дубовым, провела съезд.", [("Игорь Дубов", "heads", "Полесье")]),
    # the organization before the verb, the person after it; a person «из» an organization
    ("С 2019 года компанию «Кедр» возглавляет Лев Ушаков.", [("Лев Ушаков", "heads", "Кедр")]),
    ("Эксперт Ольга Гусева из Института экономики города считает иначе.",
     [("Ольга Гусева", "works", "Институт экономики города")]),
    # «во главе с»: the organization before it, its abbreviation in brackets, the head after it
    ("Союз кондитеров Урала (СКУ) во главе с Тимуром Халиловым направил обращение в мэрию.",
     [("Тимур Халилов", "heads", "Союз кондитеров Урала")]),
    # not a delegation's head: he heads the delegation, whatever his post in the organization
    ("Делегация Минпромторга во главе с заместителем министра Ильёй Котовым посетила Казань.", []),
    # a post naming a list of organizations: each of them
    ("Выступила бывший топ-менеджер компаний «Альфа» и «Бета» Ольга Гусева.",
     [("Ольга Гусева", "post", "Альфа"), ("Ольга Гусева", "post", "Бета")]),
    # a list of organizations after the verb
    ("Тренер Антон Белов тренировал клубы «Искра», «Факел» и «Луч».",
     [("Антон Белов", "works", "Искра"), ("Антон Белов", "works", "Факел"), ("Антон Белов", "works", "Луч")]),
]


@pytest.mark.parametrize(("text", "expected"), WORKPLACES)
def test_workplaces(pipeline: Pipeline, text: str, expected: list[tuple[str, str, str]]) -> None:
    got = _facts(pipeline, text)["workplaces"]
    assert [(w["person"]["name"], w["relation"], w["organization"]["name"]) for w in got] == expected


NO_WORKPLACES = [
    # planned, negated, a place
    "В следующем году Марина Юдина будет руководить фондом «Открытое небо».",
    "Анна Гришина никогда не работала в банке «Восточный экспресс».",
    "Губернатор Тульской области Дмитрий Миляев открыл выставку.",
    # «которую возглавляет» names its own subject, not the name before
    "Фонд «Открытое небо», который основал Петр Орлов, помогает детям.",
    "Компания «Кедр», которую посетил Лев Ушаков, открыла филиал.",
    "Компанию «Кедр» посетил Лев Ушаков.",
    "Лев Ушаков из Москвы приехал на форум.",
]


@pytest.mark.parametrize("text", NO_WORKPLACES)
def test_no_workplace(pipeline: Pipeline, text: str) -> None:
    assert _facts(pipeline, text)["workplaces"] == []


def test_a_workplace_spans_its_sentence_and_a_post_its_post(pipeline: Pipeline) -> None:
    text = "Петр Орлов возглавляет компанию «Вектор» с 2015 года. Директор ООО «Вектор» Петр Орлов рассказал о планах."
    got = _facts(pipeline, text)
    spans = [(w["relation"], text[w["start"] : w["end"]]) for w in got["workplaces"]]
    assert spans == [
        ("heads", "Петр Орлов возглавляет компанию «Вектор» с 2015 года."),
        ("post", "Директор ООО «Вектор»"),
    ]
