"""Texts a hostile batch brings: a release ending on a unit noun, and texts that made rules
quadratic (a sentence full of unclosed quotes, «и.о.» repeated). Time is compared as a ratio of
two sizes, CPU time of this process alone, never against a clock."""

from __future__ import annotations

import gc
import time
from collections.abc import Callable

import pytest

from extractor.nlp import tagging
from extractor.nlp.tagging import get_tagger
from extractor.pipeline import assemble


@pytest.mark.parametrize("text", ["Решение совета", "Заседание президиума", "Источник: пресс-служба управления"])
def test_a_text_ending_on_a_unit_noun_extracts(extract, text):
    doc = extract(text)
    assert doc["organizations"] == []


def test_a_name_ending_the_text_that_another_overlaps_extracts(extract):
    # found by the property test: the name mentions overlapped, and the list reader read past the last token
    doc = extract("ОАО В. В. Дмитрий")
    assert "В. В. Дмитрий" in [p["name"] for p in doc["persons"]]


def test_a_name_the_person_rules_start_inside_a_model_span_after_a_post_extracts(extract):
    # found by a property run over the fuzz test's words: a name the rules start where the model's
    # span does not, right after a post, had no end recorded
    text = ("А. сентября Иванов тек» «Кидма Миляев ОАО Губернатор Дмитрий Борисом Миляев сентября области п. "
            "сентября Иванов в году п. Иванов – Губернатор Миляев году министр Борисом Борисом – более министр "
            "Тульской Иванов")
    assert "Иванов" in [p["name"] for p in extract(text)["persons"]]


@pytest.mark.parametrize("text", ["Министр строительства,", "Петров, министр строительства области,"])
def test_a_text_ending_on_a_comma_after_a_posts_genitive_extracts(extract, text):
    # found by a property run over held-out words: the reader of a post's genitives looked for another
    # post after the closing comma, past the last token
    doc = extract(text)
    assert [p["name"] for p in doc["persons"]] == (["Петров"] if "Петров" in text else [])


@pytest.mark.parametrize("text", ["Петров назначен на должность", "Петров назначен временно"])
def test_a_text_ending_on_an_appointments_post_word_extracts(extract, text):
    # found by a property run over held-out words: the appointment rules read the token after the last
    # (a post's slot noun, an acting word); the text reads as it does with a closing period
    def appointed(t: str) -> list[tuple[str, str | None]]:
        return [(a["person"]["name"], a["post"]) for a in extract(t)["appointments"]]

    assert appointed(text) == appointed(text + ".") == [("Петров", None)]


@pytest.mark.parametrize("text", ["Город подписал договор, банк и ООО «Б» –", "Банк и ООО «Б» —"])
def test_a_text_ending_on_the_dash_of_a_gapped_clause_extracts(extract, text):
    # found by a property run: a bare-comma clause's document was sought after a dash closing the text
    assert extract(text)["agreements"] == []


def test_a_release_ending_with_a_sign_off_keeps_its_content(extract):
    text = (
        "Губернатор Тульской области Дмитрий Миляев провел совещание с главами районов.\n"
        "Источник: пресс-служба управления"
    )
    doc = extract(text)
    (person,) = doc["persons"]
    assert person["name"] == "Дмитрий Миляев"
    assert [p["normal"] for p in person["posts"]] == ["губернатор Тульской области"]


def _cpu(work: Callable[[], object]) -> float:
    """The least CPU time of two runs of `work`, the garbage collector off: its full collections
    walk every object alive, so a large run pays for all of them more often than a small one (the
    ratio of «и.о. » went past 8 under load while the segmentation itself stayed linear)."""
    spent = []
    gc.collect()
    gc.disable()
    try:
        for _ in range(2):
            start = time.process_time()
            work()
            spent.append(time.process_time() - start)
    finally:
        gc.enable()
    return min(spent)


# four times the text may cost up to eight times the time (a linear rule costs four, a quadratic
# one sixteen): room for the noise of a shared machine, none for a quadratic rule
SIZE_FACTOR, LINEAR_BOUND = 4, 8.0


@pytest.mark.parametrize(
    "unit",
    [
        "ООО «",  # a legal form before a quote that never closes
        "ООО «Ромашка» и ",  # the same short name thousands of times in one sentence
        "Губернатор Тульской области Дмитрий Миляев встретился с главой ООО «Кидма тек». ",
    ],
)
def test_rules_are_linear_in_the_text(unit):
    def rules_on(size: int) -> Callable[[], object]:
        tagged = get_tagger().tag(unit * (size // len(unit)))
        return lambda: assemble(tagged, "-", None)

    small, large = rules_on(10_000), rules_on(10_000 * SIZE_FACTOR)
    assert _cpu(large) / _cpu(small) < LINEAR_BOUND


def test_segmentation_is_linear_in_dotted_words():
    def segment(size: int) -> Callable[[], object]:
        text = "и.о. " * (size // 5)
        return lambda: tagging._segment(text)

    assert _cpu(segment(20_000 * SIZE_FACTOR)) / _cpu(segment(20_000)) < LINEAR_BOUND
