import io
import os
import sys
from pathlib import Path

import pytest

from extractor.io.reader import (
    MAX_INPUT_BYTES,
    MAX_TEXT_CHARS,
    ReadError,
    check_encoding,
    decode_bytes,
    html_to_text,
    read_path,
    read_stdin,
)

SHORT = "Губернатор встретился с послом."  # 31 characters
SHORT_2 = "Выручка ПАО выросла на 14,2%."
LONG = (
    "Сегодня, 14 мая, губернатор Калужской области Николай Петрович Орлов встретился с делегацией "
    'Республики Беларусь на международной выставке "Иннопром". Стороны обсудили поставки '
    "сельскохозяйственной техники и создание совместного сборочного производства.\n"
    '"Товарооборот между нашими регионами за девять месяцев прошлого года вырос на 12,7%, '
    'а экспорт - на 3,1%", - отметил губернатор. Щедрый урожай, съезд аграриев, объём инвестиций, '
    "эффективность и жильё тоже упомянуты, чтобы в тексте встретились редкие буквы: ё, ъ, щ, э, ф, ц.\n"
)
# KOI8-R and CP866 have no «», — or №, so LONG keeps to ASCII punctuation; this one is for CP1251
TYPOGRAPHIC = "ООО «Вектор» — резидент технопарка № 3… «Ёлки» и „кавычки“."
CAPS = "ПРЕСС-РЕЛИЗ. МИНИСТЕРСТВО ПРОМЫШЛЕННОСТИ СООБЩАЕТ"

TEXTS = [SHORT, SHORT_2, LONG, CAPS]


def write(tmp_path, name, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return path


# --------------------------------------------------------------------------- round trips


@pytest.mark.parametrize("text", TEXTS, ids=["short", "short2", "long", "caps"])
@pytest.mark.parametrize(
    "codec", ["utf-8", "utf-8-sig", "cp1251", "koi8_r", "utf-16", "utf-16-le-bom", "utf-16-be-bom"]
)
def test_round_trip_autodetect(tmp_path, text, codec):
    if codec == "utf-16-le-bom":
        data = b"\xff\xfe" + text.encode("utf-16-le")
    elif codec == "utf-16-be-bom":
        data = b"\xfe\xff" + text.encode("utf-16-be")
    else:
        data = text.encode(codec)
    assert read_path(write(tmp_path, "doc.txt", data)) == text


@pytest.mark.parametrize("codec", ["cp866", "mac_cyrillic"])
def test_round_trip_other_legacy(tmp_path, codec):
    assert read_path(write(tmp_path, "doc.txt", LONG.encode(codec))) == LONG


def test_cp1251_typography():
    assert decode_bytes(TYPOGRAPHIC.encode("cp1251"), "x") == TYPOGRAPHIC


@pytest.mark.parametrize(
    "sentence",
    [
        "Министр подписал соглашение о сотрудничестве.",
        "Ректор вручил дипломы выпускникам университета.",
        "Экспорт зерна вырос почти на треть за год.",
        "Объём инвестиций в регион превысил ожидания.",
        "Юбилейный съезд прошёл в Пензе в четверг.",
    ],
)
@pytest.mark.parametrize("codec", ["cp1251", "koi8_r"])
def test_short_legacy_sentences(sentence, codec):
    assert decode_bytes(sentence.encode(codec), "x.txt") == sentence


def test_bom_is_stripped():
    assert decode_bytes("\ufeffПривет, мир".encode(), "x") == "Привет, мир"
    assert decode_bytes("Привет, мир".encode("utf-8-sig"), "x") == "Привет, мир"
    assert decode_bytes("Привет, мир".encode("utf-8-sig"), "x", encoding="utf-8") == "Привет, мир"


def test_text_is_not_stripped():
    text = "  \tОтступ в начале и пробелы в конце  \n\n"
    assert decode_bytes(text.encode("cp1251"), "x") == text


# --------------------------------------------------------------------------- newlines


@pytest.mark.parametrize("codec", ["utf-8", "cp1251", "koi8_r", "utf-16"])
def test_crlf_and_cr_normalised(tmp_path, codec):
    raw = "Первая строка.\r\nВторая строка.\rТретья строка.\r\n\r\nЧетвёртая."
    text = read_path(write(tmp_path, "crlf.txt", raw.encode(codec)))
    assert text == "Первая строка.\nВторая строка.\nТретья строка.\n\nЧетвёртая."
    assert "\r" not in text


# --------------------------------------------------------------------------- forced encoding


def test_forced_encoding(tmp_path):
    path = write(tmp_path, "doc.txt", SHORT.encode("cp1251"))
    assert read_path(path, encoding="cp1251") == SHORT
    assert read_path(path, encoding="windows-1251") == SHORT
    # forcing a wrong single-byte codec decodes without complaint: the user asked for it
    assert read_path(path, encoding="koi8-r") == SHORT.encode("cp1251").decode("koi8_r")


def test_forced_encoding_error(tmp_path):
    path = write(tmp_path, "doc.txt", SHORT.encode("cp1251"))
    with pytest.raises(ReadError) as info:
        read_path(path, encoding="utf-8")
    assert info.value.kind == "decode"
    assert str(path) in info.value.message
    assert "utf-8" in info.value.message


@pytest.mark.parametrize("name", ["no-such-codec", "base64"])
def test_unknown_encoding(tmp_path, name):
    path = write(tmp_path, "doc.txt", SHORT.encode())
    with pytest.raises(ReadError) as info:
        read_path(path, encoding=name)
    assert info.value.kind == "decode"
    assert name in info.value.message


# --------------------------------------------------------------------------- errors


def assert_one_line(err: ReadError, source: str):
    assert err.message == str(err)
    assert "\n" not in err.message
    assert err.message.startswith(source + ": ")


def test_not_found(tmp_path):
    path = tmp_path / "missing.txt"
    with pytest.raises(ReadError) as info:
        read_path(path)
    assert info.value.kind == "not_found"
    assert_one_line(info.value, str(path))


def test_directory_is_unreadable(tmp_path):
    with pytest.raises(ReadError) as info:
        read_path(tmp_path)
    assert info.value.kind == "unreadable"
    assert_one_line(info.value, str(tmp_path))


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="root reads anything")
def test_permission_denied(tmp_path):
    path = write(tmp_path, "secret.txt", SHORT.encode())
    path.chmod(0)
    try:
        with pytest.raises(ReadError) as info:
            read_path(path)
    finally:
        path.chmod(0o644)
    assert info.value.kind == "unreadable"


@pytest.mark.parametrize("data", [b"", b"   \n\t\r\n ", "  \n".encode("utf-16"), b"\xef\xbb\xbf"])
def test_empty(tmp_path, data):
    path = write(tmp_path, "empty.txt", data)
    with pytest.raises(ReadError) as info:
        read_path(path)
    assert info.value.kind == "empty"
    assert info.value.message == f"{path}: file is empty"


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00",
        "Текст с NUL\x00 внутри".encode(),
        bytes(range(1, 32)) * 20 + "немного текста".encode("cp1251"),
        bytes(range(1, 256)) * 4,
    ],
    ids=["png", "nul", "controls", "all-bytes"],
)
def test_binary(tmp_path, data):
    path = write(tmp_path, "blob.bin", data)
    with pytest.raises(ReadError) as info:
        read_path(path)
    assert info.value.kind == "binary"
    assert_one_line(info.value, str(path))


def test_few_control_characters_are_fine():
    text = "Страница 1\fСтраница 2\tконец\x1a"
    assert decode_bytes(("Длинный абзац обычного текста. " * 3 + text).encode("cp1251"), "x").endswith(text)


def test_too_large(tmp_path):
    path = write(tmp_path, "big.txt", ("Текст. " * 100).encode())
    with pytest.raises(ReadError) as info:
        read_path(path, max_bytes=100)
    assert info.value.kind == "too_large"
    assert_one_line(info.value, str(path))
    assert read_path(path, max_bytes=10_000).startswith("Текст.")


def test_bad_utf8_after_bom():
    with pytest.raises(ReadError) as info:
        decode_bytes(b"\xef\xbb\xbf" + "Привет".encode("cp1251"), "x.txt")
    assert info.value.kind == "decode"


def test_read_error_kind_validated():
    with pytest.raises(ValueError):
        ReadError("oops", "x: oops")


# --------------------------------------------------------------------------- stdin


def test_stdin_bytes():
    assert read_stdin(io.BytesIO(LONG.encode("koi8_r"))) == LONG
    assert read_stdin(io.BytesIO(SHORT.encode("cp1251")), encoding="cp1251") == SHORT


def test_stdin_text_stream():
    assert read_stdin(io.StringIO("Строка\r\nещё")) == "Строка\nещё"


def test_stdin_errors():
    with pytest.raises(ReadError) as info:
        read_stdin(io.BytesIO(b""))
    assert info.value.kind == "empty"
    assert info.value.source == "-"
    assert info.value.message == "<stdin>: input is empty"
    with pytest.raises(ReadError) as info:
        read_stdin(io.BytesIO(b"x" * 20), max_bytes=10)
    assert info.value.kind == "too_large"


# --------------------------------------------------------------------------- HTML

PAGE = """<!DOCTYPE html>
<html lang="ru">
<head><title>Новости</title><style>p { color: red; }</style></head>
<body>
<header><a href="/">Главная</a></header>
<nav><ul><li><a href="/news">Новости</a></li><li><a href="/about">О компании</a></li></ul></nav>
<article>
<h1>Губернатор   встретился
 с делегацией</h1>
<p>Сегодня, 14&nbsp;мая, стороны подписали <b>соглашение</b> о сотрудничестве.<br>Рост товарооборота составил 12,7%.</p>
<script>var x = "<p>скрипт</p>";</script>
<p>Соглашение подписали ООО &laquo;Вектор&raquo; и правительство области.</p>
</article>
<aside>Реклама</aside>
<footer>© 2025 Все права защищены</footer>
</body>
</html>
"""
# the article only: no menu, header, aside, footer, script; inline markup stays in its sentence
PAGE_TEXT = (
    "Губернатор встретился с делегацией\n"
    "Сегодня, 14 мая, стороны подписали соглашение о сотрудничестве.\n"
    "Рост товарооборота составил 12,7%.\n"
    "Соглашение подписали ООО «Вектор» и правительство области.\n"
)


def test_html_to_text():
    assert html_to_text(PAGE) == PAGE_TEXT


@pytest.mark.parametrize("name", ["page.html", "page.htm", "page.txt"])
def test_html_file(tmp_path, name):
    assert read_path(write(tmp_path, name, PAGE.encode("cp1251"))) == PAGE_TEXT


def test_html_by_extension_without_doctype(tmp_path):
    path = write(tmp_path, "frag.HTML", "<p>Первый абзац</p><p>Второй абзац</p>".encode())
    assert read_path(path) == "Первый абзац\nВторой абзац\n"


def test_html_body_without_paragraphs(tmp_path):
    path = write(tmp_path, "bare.html", "<html><body>Текст без абзацев</body></html>".encode())
    assert read_path(path) == "Текст без абзацев\n"


def test_html_without_visible_text(tmp_path):
    path = write(tmp_path, "blank.html", b"<html><script>1</script></html>")
    with pytest.raises(ReadError) as info:
        read_path(path)
    assert info.value.kind == "empty"


def test_plain_text_mentioning_html_is_not_html():
    text = "Пресс-релиз о разметке <html> и тегах.\n"
    assert read_stdin(io.BytesIO(text.encode())) == text


# --------------------------------------------------------------------------- the bundled samples

SAMPLES = sorted((Path(__file__).resolve().parent.parent / "samples").glob("*.txt"))


@pytest.mark.skipif(not SAMPLES, reason="no samples")
@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_samples_in_legacy_encodings(tmp_path, path):
    text = read_path(path)
    assert text == path.read_text(encoding="utf-8")
    assert read_path(write(tmp_path, "cp1251.txt", text.encode("cp1251"))) == text
    # KOI8-R has no typographic quotes or dashes: files in it use ASCII ones
    plain = text.translate(str.maketrans({"«": '"', "»": '"', "–": "-", "—": "-", "№": "N"}))
    assert read_path(write(tmp_path, "koi8.txt", plain.encode("koi8_r"))) == plain
    crlf = text.replace("\n", "\r\n").encode("utf-16")
    assert read_path(write(tmp_path, "utf16.txt", crlf)) == text


# --------------------------------------------------------------------------- mostly UTF-8

MILYAEV = "Губернатор Тульской области Дмитрий Миляев посетил завод 29 сентября 2025 года."


@pytest.mark.parametrize(
    "data",
    [
        MILYAEV.encode() + b"\xff\n",  # a stray byte
        MILYAEV.encode()[:-5] + b"\xd0",  # cut in the middle of a character
        "\ufeff".encode() + MILYAEV.encode() + b"\xff\n",  # after a byte-order mark
    ],
    ids=["stray", "cut", "bom"],
)
def test_mostly_utf8_is_utf8_with_replacement_and_a_warning(tmp_path, data):
    warnings: list[str] = []
    text = read_path(write(tmp_path, "doc.txt", data), warn=warnings.append)
    assert text.startswith("Губернатор Тульской области Дмитрий Миляев")  # not mojibake
    assert text.count("\ufffd") == 1
    assert warnings == [f"{tmp_path / 'doc.txt'}: 1 invalid UTF-8 byte replaced with U+FFFD"]


def test_each_bad_byte_is_one_replacement_and_counted():
    warnings: list[str] = []
    text = decode_bytes(LONG.encode() + b"\xff\xfe!" + LONG.encode() + b"\xc0", "x.txt", warn=warnings.append)
    assert text == LONG + "\ufffd\ufffd!" + LONG + "\ufffd"
    assert warnings == ["x.txt: 3 invalid UTF-8 bytes replaced with U+FFFD"]


@pytest.mark.parametrize("codec", ["cp1251", "koi8_r", "mac_cyrillic", "cp866"])
def test_legacy_text_is_never_taken_for_mostly_utf8(codec):
    warnings: list[str] = []
    assert decode_bytes(LONG.encode(codec), "x.txt", warn=warnings.append) == LONG
    assert warnings == []


def test_forced_utf8_stays_strict():
    with pytest.raises(ReadError) as info:
        decode_bytes(MILYAEV.encode() + b"\xff", "x.txt", encoding="utf-8")
    assert info.value.kind == "decode"


# --------------------------------------------------------------------------- encodings, limits


@pytest.mark.parametrize("name", ["undefined", "base64", "no-such-codec"])
def test_check_encoding_refuses_what_cannot_decode_text(name):
    with pytest.raises(ValueError, match=name):
        check_encoding(name)


def test_check_encoding_names_the_codec():
    assert check_encoding("windows-1251") == "cp1251"
    assert check_encoding("KOI8-R") == "koi8-r"


def test_undefined_encoding_is_a_decode_error(tmp_path):
    with pytest.raises(ReadError) as info:
        read_path(write(tmp_path, "doc.txt", SHORT.encode()), encoding="undefined")
    assert info.value.kind == "decode"


def test_text_over_the_character_limit_is_too_large(tmp_path):
    path = write(tmp_path, "long.txt", ("Текст. " * 100).encode())
    with pytest.raises(ReadError) as info:
        read_path(path, max_chars=699)
    assert info.value.kind == "too_large"
    assert info.value.message == f"{path}: text is 700 characters, more than the limit of 699"
    assert read_path(path, max_chars=700).startswith("Текст.")


def test_limits_are_what_the_time_limit_can_finish():
    assert MAX_TEXT_CHARS <= 2_000_000  # about 30 s of tagging, inside the default limit of 60 s
    assert MAX_INPUT_BYTES <= 20_000_000


def test_messages_quote_a_name_that_does_not_print(tmp_path):
    path = tmp_path / "a\nextract: fake.txt"
    with pytest.raises(ReadError) as info:
        read_path(path)
    assert "\n" not in info.value.message
    assert info.value.message == f"{str(path)!r}: no such file"
