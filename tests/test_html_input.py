"""HTML input: the release's date from the page, a lead paragraph kept, XHTML and fragments told
from plain text; through the reader and through the command."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import check_offsets, validate

from extractor.cli import main
from extractor.io.html import is_html
from extractor.io.reader import read_document, read_path

BODY = (
    "<h1>Губернатор провёл совещание с главами районов</h1>\n"
    "{date}\n"
    '<div class="lead">Вчера губернатор Пензенской области Олег Мельниченко провёл совещание с главами районов.</div>\n'
    '<div class="text"><p>На совещании обсудили подготовку школ к учебному году. Министр образования региона '
    "Анна Кузнецова доложила о ходе ремонта.</p>\n"
    "<p>Объём финансирования программы в этом году вырос на 12%.</p></div>\n"
)
LEAD = "Вчера губернатор Пензенской области Олег Мельниченко провёл совещание с главами районов."


def page(date_block: str = "", head: str = "", header: str = "") -> str:
    return (
        f'<!DOCTYPE html>\n<html lang="ru"><head><meta charset="utf-8"><title>Новости</title>{head}</head>\n'
        f"<body><header>{header}<nav><a href='/'>Главная</a></nav></header>\n"
        f'<main><div class="news-item">{BODY.format(date=date_block)}</div></main>\n'
        "<footer>© Правительство области, 2025</footer></body></html>\n"
    )


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


@pytest.mark.parametrize(
    ("head", "date_block"),
    [
        ('<meta property="article:published_time" content="2024-06-29T10:15:00+03:00">', ""),
        ('<meta name="date" content="2024-06-29">', ""),
        ('<meta name="pubdate" content="29.06.2024">', ""),
        ("", '<time datetime="2024-06-29T10:15">сегодня, 10:15</time>'),
        ("", '<div class="news-date">29 июня 2024, 10:15</div>'),
        ("", '<span id="date">29.06.2024</span>'),
        ("", '<div itemprop="datePublished" content="2024-06-29">29 июня</div>'),
    ],
    ids=["og-meta", "meta-date", "meta-pubdate", "time", "date-block", "date-id", "itemprop"],
)
def test_the_pages_date(tmp_path: Path, head: str, date_block: str) -> None:
    doc = read_document(write(tmp_path / "news.html", page(date_block, head)))
    assert doc.date == dt.date(2024, 6, 29)


def test_a_date_in_the_sites_header_is_not_the_releases(tmp_path: Path) -> None:
    today = '<div class="header-date">1 октября 2025</div><time datetime="2025-10-01">1 октября</time>'
    doc = read_document(write(tmp_path / "news.html", page(header=today)))
    assert doc.date is None


def test_the_lead_in_a_div_is_kept_first(tmp_path: Path) -> None:
    text = read_path(write(tmp_path / "news.html", page()))
    assert text.splitlines()[0] == LEAD
    assert "Министр образования региона Анна Кузнецова" in text
    assert "Главная" not in text and "Правительство области, 2025" not in text


XHTML = (
    '<?xml version="1.0" encoding="utf-8"?>\n'
    '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">\n'
    '<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="ru"><head><title>Новость</title>'
    '<meta name="date" content="2023-07-11"/></head>\n<body><div class="content">'
    "<p>Мэр Твери Алексей Огоньков открыл новую школу в Заволжском районе.</p>"
    "<p>Строительство обошлось городу в девятьсот миллионов рублей.</p></div></body></html>\n"
)
FRAGMENT = (
    "<p>Ректор Томского университета Эдуард Галажинский вручил дипломы выпускникам.</p>\n"
    "<p>Церемония прошла в <b>актовом зале</b> главного корпуса.</p>\n"
)


@pytest.mark.parametrize("name", ["news.txt", "news.xhtml"])
def test_xhtml_is_html(tmp_path: Path, name: str) -> None:
    doc = read_document(write(tmp_path / name, XHTML))
    assert doc.text == (
        "Мэр Твери Алексей Огоньков открыл новую школу в Заволжском районе.\n"
        "Строительство обошлось городу в девятьсот миллионов рублей.\n"
    )
    assert doc.date == dt.date(2023, 7, 11)


def test_a_fragment_in_a_txt_file_is_html(tmp_path: Path) -> None:
    text = read_path(write(tmp_path / "fragment.txt", FRAGMENT, "cp1251"))
    assert text == (
        "Ректор Томского университета Эдуард Галажинский вручил дипломы выпускникам.\n"
        "Церемония прошла в актовом зале главного корпуса.\n"
    )


@pytest.mark.parametrize(
    "text",
    [
        "Пресс-релиз о разметке <html> и тегах.\n",
        "<p> в начале строки, но тег нигде не закрыт: это текст о разметке.\n",
        "<Пресс-служба> сообщает о новом назначении.\n",
    ],
)
def test_plain_text_with_angle_brackets_is_not_html(text: str) -> None:
    assert not is_html(text, "note.txt")


def test_the_command_records_the_pages_date(tmp_path: Path) -> None:
    f = write(tmp_path / "news.html", page(head='<meta property="article:published_time" content="2024-06-29">'))
    result = CliRunner().invoke(main, [str(f), "--with-text", "--date", "2020-01-01"], catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    record = json.loads(result.stdout)
    validate(record)
    check_offsets(record["text"], record)
    assert record["text"] == read_path(f)
    assert (record["doc_date"], record["ref_date"], record["ref_date_source"]) == ("2024-06-29", "2024-06-29", "html")
    assert next(d["value"] for d in record["dates"] if d["text"] == "Вчера") == "2024-06-28"
    assert "Олег Мельниченко" in [p["name"] for p in record["persons"]]  # from the lead


def test_a_lone_paragraph_is_its_text(tmp_path: Path) -> None:
    # trafilatura returns nothing for one paragraph alone
    f = write(tmp_path / "one.html", "<p>Мэр Казани Ильсур Метшин открыл новый парк.</p>")
    assert read_path(f) == "Мэр Казани Ильсур Метшин открыл новый парк.\n"
