"""Morphology runs on pymorphy3, once per word; tokens carry their analyses and lemma from tagging."""

from __future__ import annotations

from extractor.nlp.morph import analyzer, lemma_of, parses, phrase_lemmas
from extractor.nlp.tagging import get_tagger


def test_analyzer_is_one_per_process():
    assert analyzer() is analyzer()


def test_a_word_with_a_nameless_character_has_no_parse_and_no_crash():
    # U+17463 (a Tangut code point Python's unicodedata gives no name) makes pymorphy3's shape
    # check raise
    assert parses("l\U00017463x") == ()
    assert parses("\U00017463") == ()


def test_lemma_fits_the_tagged_case_and_part_of_speech():
    assert lemma_of("стали", "NOUN", "Gen") == "сталь"
    assert lemma_of("стали", "VERB", None) == "стать"
    assert lemma_of("и", "CCONJ", None) == "и"  # a conjunction, not the abbreviation «ИО»
    assert phrase_lemmas("Группа компаний") == ("группа", "компания")
    assert phrase_lemmas("вице-премьер Ёлкин") == ("вице-премьер", "елкин")


def test_tokens_are_annotated_once_in_tagging():
    tagged = get_tagger().tag("Губернатор встретился с Борисом Грызловым в Республике Беларусь.")
    by_text = {t.text: t for t in tagged.tokens}
    assert by_text["встретился"].lemma == "встретиться"
    assert by_text["Грызловым"].case == "Ins"
    assert by_text["Республике"].lemma == "республика"
    assert by_text["Республике"].parses == parses("республике")
    assert by_text["."].parses == parses(".")
