"""Property tests: any text goes through the pipeline, any bytes go through the CLI, without a crash."""

from __future__ import annotations

import io
import json
import tempfile
from pathlib import Path

from click.testing import CliRunner
from conftest import validate
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractor.cli import main
from extractor.io.reader import ReadError, read_stdin

FUZZ = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

_ALPHABET = (
    "абвгдеёжзийклмнопрстуфхцчшщъыьэюя"
    "АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ"
    "0123456789«»%.,–-—:;()\n "
)
_WORDS = [
    "Губернатор", "губернатора", "Тульской", "области", "Дмитрий", "Миляев", "Борисом", "Грызловым",
    "ОАО", "«Кидма", "тек»", "выросла", "на", "12,5%", "п.", "п.", "29", "сентября", "2025", "года",
    "вчера", "в", "прошлом", "году", "министр", "А.", "В.", "Иванов", "20–30%", "более", "\n", "–",
]  # fmt: skip

russianish = st.text(alphabet=_ALPHABET, max_size=300)
wordy = st.lists(st.sampled_from(_WORDS), max_size=60).map(" ".join)
anything = st.text(max_size=300)


@FUZZ
@given(text=st.one_of(russianish, wordy, anything))
def test_any_text_extracts(extract, text: str) -> None:
    record = extract(text)  # validates the schema and every offset
    assert record["source"] == "-"


@FUZZ
@given(text=wordy, ref=st.dates())
def test_any_text_with_reference_date(extract, text: str, ref) -> None:
    extract(text, ref)


@FUZZ
@given(data=st.one_of(st.binary(max_size=400), russianish.map(lambda t: t.encode("cp1251", "replace"))))
def test_any_bytes_through_cli(data: bytes) -> None:
    runner = CliRunner()
    with tempfile.TemporaryDirectory() as tmp:
        f = Path(tmp) / "input.txt"
        f.write_bytes(data)
        result = runner.invoke(main, [str(f)])
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert result.exit_code in (0, 1), result.stderr
    assert "Traceback" not in result.stdout
    assert "Traceback" not in result.stderr
    if result.exit_code == 0:
        validate(json.loads(result.stdout))
    else:
        assert result.stdout == ""
        assert str(f) in result.stderr


@FUZZ
@given(body=st.one_of(russianish, anything), tag=st.sampled_from(["p", "div", "nav", "b", "script", "li"]))
def test_any_html_reads_or_is_empty(body: str, tag: str) -> None:
    page = f"<!DOCTYPE html><html><body><{tag}>{body}</{tag}><p>{body}</p></body></html>"
    try:
        text = read_stdin(io.BytesIO(page.encode("utf-8")))
    except ReadError as e:
        assert e.kind in ("empty", "binary")
    else:
        assert text.endswith("\n") and text.strip()


def test_text_hypothesis_found_with_nameless_characters(extract):
    # found by test_any_text_extracts: pymorphy3 raised on U+17463
    record = extract("(\x9dLÉ\U00017463\x03\U000eced5µ\U0010c1e7\x9c\x8d:ö\U00017d59l")
    assert record["persons"] == [] and record["organizations"] == []


# --------------------------------------------------------------------------- mutated real releases

SAMPLES = sorted((Path(__file__).resolve().parent.parent / "samples").glob("*.txt"))
_NOISE = "«»\"„“()[]–—-.,;:%№/\\\n\t 0123456789IVX$€₽ЁёA-Za-zабвАБВ"


@st.composite
def mutated_release(draw: st.DrawFn) -> str:
    """One of the sample releases, cut, repeated and sprinkled with what real files carry: stray
    quotes and brackets, digits, line breaks, Latin letters, a piece dropped or said twice."""
    text = SAMPLES[draw(st.integers(0, len(SAMPLES) - 1))].read_text(encoding="utf-8")
    for _ in range(draw(st.integers(1, 6))):
        a = draw(st.integers(0, len(text)))
        b = draw(st.integers(a, min(len(text), a + 200)))
        kind = draw(st.sampled_from(["drop", "repeat", "insert", "upper", "join"]))
        if kind == "drop":
            text = text[:a] + text[b:]
        elif kind == "repeat":
            text = text[:b] + text[a:b] + text[b:]
        elif kind == "insert":
            text = text[:a] + draw(st.text(alphabet=_NOISE, min_size=1, max_size=12)) + text[a:]
        elif kind == "upper":
            text = text[:a] + text[a:b].upper() + text[b:]
        else:
            text = text[:a] + text[a:b].replace(" ", "") + text[b:]
    return text


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=mutated_release(), ref=st.one_of(st.none(), st.dates()))
def test_mutated_releases_extract(extract, text: str, ref) -> None:
    """No exception from any rule (dates and percentages raise like the others now), every offset
    points at its text, the record fits the schema."""
    extract(text, ref)
