"""Morphology runs on pymorphy3, once per word; tokens carry their analyses and lemma from tagging."""

from __future__ import annotations

from extractor.lexicon import data_words
from extractor.nlp.morph import analyzer, computed_lemma, lemma_of, lemma_table, parses, phrase_lemmas, word_lemma
from extractor.nlp.tagging import Token, _cases_without_preposition, get_tagger


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
    # a verb's lemma is a verb's, in the tagged number: «вели» is no name «Вели», nor «велеть»'s imperative
    assert lemma_of("вели", "VERB", None, "plur") == "вести"
    assert lemma_of("мыла", "VERB", None, "sing") == "мыть"
    assert lemma_of("и", "CCONJ", None) == "и"  # a conjunction, not the abbreviation «ИО»
    # readings the dictionary rates alike: the noun the word lists know («парк», not «парка»)
    assert lemma_of("парке", "NOUN", "Loc") == "парк"
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


def test_a_lowercase_word_with_yo_the_embeddings_lack_is_tagged_as_written_with_ye():
    tagged = get_tagger().tag("Соглашение, заключённое сегодня с Петром Цивилёвым, рассчитано на пять лет.")
    by_text = {t.text: t for t in tagged.tokens}
    assert (by_text["заключённое"].feats.get("Voice"), by_text["заключённое"].case) == ("Pass", "Nom")
    assert by_text["заключённое"].text == "заключённое"  # the text keeps its letters
    assert by_text["Цивилёвым"].case == "Ins"


def test_the_lemma_table_holds_every_word_of_the_word_lists_as_pymorphy3_reads_it():
    # the table only saves start-up time: a word missing from it, or a lemma pymorphy3 now reads
    # otherwise, means `make lemmas` is due
    table = lemma_table()
    missing = sorted(data_words() - table.keys())
    assert missing == [], f"run `make lemmas`: {missing[:10]}"
    wrong = {w: (lemma, computed_lemma(w)) for w, lemma in table.items() if computed_lemma(w) != lemma}
    assert wrong == {}, "run `make lemmas`"


def test_a_word_out_of_the_table_is_lemmatized_all_the_same():
    assert "губернаторов" not in lemma_table()
    assert word_lemma("Губернаторов") == "губернатор"
    assert word_lemma("Губернатора") == lemma_table()["губернатора"] == "губернатор"


def test_a_function_word_of_a_word_list_is_its_own_lemma_as_in_a_token():
    """Word lists are matched against the tokens' lemmas, which keep function words as written."""
    assert [word_lemma(w) for w in ("во", "со", "главе")] == ["во", "со", "глава"]


def test_a_verb_the_dictionary_knows_as_one_past_form_is_tagged_that_form():
    # the tagger reads «чертили» as a present, or as a feminine singular after two men
    for text in ("Они чертили на карте варианты.",
                 "Мэр Тулуна Константин Ажгибесов и министр строительства Олег Тищенков в понедельник больше двух "
                 "часов чертили на карте варианты дамбы."):
        verb = next(t for t in get_tagger().tag(text).tokens if t.text == "чертили")
        assert (verb.feats.get("Tense"), verb.feats.get("Number"), verb.feats.get("Gender")) == ("Past", "Plur", None)
    # a present stays a present
    verb = next(t for t in get_tagger().tag("Он работает на заводе.").tokens if t.text == "работает")
    assert verb.feats.get("Tense") == "Pres"


def test_a_word_tagged_an_adverb_that_the_dictionary_knows_only_as_a_noun_is_that_noun():
    # «мануфактурой» is tagged an adverb, as «зимой» may be one; «сегодня» is one
    toks = get_tagger().tag("Сегодня мануфактурой подписаны договоры.").tokens
    assert [(t.text, t.pos, t.case) for t in toks[:2]] == [("Сегодня", "ADV", None), ("мануфактурой", "NOUN", "Ins")]


def _tokens(*words: tuple[str, str, str | None]) -> list[Token]:
    out, at = [], 0
    for text, pos, case in words:
        tok = Token(at, at + len(text), text, pos, {"Case": case} if case else {}, parses=parses(text.lower()))
        out.append(tok)
        at += len(text) + 1
    return out


def test_a_noun_tagged_in_a_case_its_readings_lack_is_the_dative_when_no_preposition_allows_the_locative():
    # «главе» is a dative or a locative; the tagger may read it as a genitive after «визит»
    toks = _tokens(("нанёс", "VERB", None), ("визит", "NOUN", "Acc"), ("главе", "NOUN", "Gen"))
    _cases_without_preposition(toks)
    assert (toks[2].case, toks[2].lemma) == ("Dat", "глава")
    # after a preposition both stay possible: the tagger's case is kept
    toks = _tokens(("о", "ADP", None), ("главе", "NOUN", "Gen"))
    _cases_without_preposition(toks)
    assert toks[1].case == "Gen"
