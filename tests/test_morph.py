"""The pymorphy3 vocabulary serves natasha's own normalization and lemmatization, in place of
natasha's pymorphy2-based MorphVocab."""

from __future__ import annotations

from natasha import Doc, NewsEmbedding, NewsMorphTagger, NewsNERTagger, Segmenter

from extractor.nlp.morph import get_vocab


def test_natasha_normalizes_spans_with_pymorphy3():
    emb = NewsEmbedding()
    doc = Doc("Губернатор встретился с Борисом Грызловым в Республике Беларусь.")
    doc.segment(Segmenter())
    doc.tag_morph(NewsMorphTagger(emb))
    doc.tag_ner(NewsNERTagger(emb))
    vocab = get_vocab()
    for span in doc.spans:
        span.normalize(vocab)
    assert {s.normal for s in doc.spans} == {"Борис Грызлов", "Республика Беларусь"}
    for token in doc.tokens:
        token.lemmatize(vocab)
    assert [t.lemma for t in doc.tokens[:2]] == ["губернатор", "встретиться"]


def test_vocabulary_is_one_per_process():
    assert get_vocab() is get_vocab()


def test_a_word_with_a_nameless_character_has_no_parse_and_no_crash():
    # U+17463 (a Tangut code point Python's unicodedata gives no name) makes pymorphy3's shape
    # check raise
    assert get_vocab().raw_parse("l\U00017463x") == ()
    assert get_vocab().parse("\U00017463") == ()
