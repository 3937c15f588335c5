"""Segment and tag: razdel sentences and tokens, slovnet morphology and NER (the models natasha
ships), and each token annotated once: its pymorphy3 analyses and the lemma that fits its tagged
part of speech and case. Rules read these annotations.

The models are loaded once per process (`get_tagger()`), straight from natasha's data folder with
slovnet and navec: importing natasha itself would pull in its pymorphy2 vocabulary. They are fed
many sentences at once, across documents, because that is where slovnet's throughput is won.
Syntax is not run: no rule uses it.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import cache, cached_property
from importlib.util import find_spec
from pathlib import Path

from pymorphy3.analyzer import Parse
from razdel import sentenize, tokenize

from extractor.nlp.morph import UD_OF, data_lines, lemma_of, parses

BATCH_SIZE = 64
# sentences padded together by slovnet's encoder (its default, as natasha loads it)
ENCODER_BATCH = 8
# slovnet pads every sentence of a batch to the longest; a very long "sentence" (a table, a
# 50,000-character line) is cut into windows of this many tokens for tagging.
MAX_SENT_TOKENS = 200


@dataclass(slots=True)
class Token:
    start: int
    end: int
    text: str
    pos: str = "X"
    feats: dict[str, str] = field(default_factory=dict)
    sent: int = 0  # index of its sentence
    lemma: str = ""  # dictionary form fitting the tagged part of speech and case, lowercase, ё as е
    parses: tuple[Parse, ...] = ()  # pymorphy3's analyses of the lowercased word

    @property
    def case(self) -> str | None:
        """The tagged case (UD name: Nom, Gen, ...), if any."""
        return self.feats.get("Case")

    @property
    def is_participle(self) -> bool:
        """A full participle («выданных», «возглавляющий»), not a short one («назначен»)."""
        return self.pos == "VERB" and self.feats.get("VerbForm") == "Part" and self.feats.get("Variant") != "Short"


@dataclass(slots=True)
class Span:
    """A named-entity span from the NER model; `first`/`last` index tokens (last exclusive)."""

    type: str  # PER | ORG | LOC
    start: int
    end: int
    text: str
    first: int
    last: int


@dataclass(slots=True)
class Sentence:
    start: int
    end: int
    first: int  # index of its first token
    last: int  # one past its last token


# an opening quote -> the quote that closes it; «“» opens one pair and closes another
CLOSE_QUOTES = {"«": "»", "„": "“", "“": "”", '"': '"'}


@dataclass
class Tagged:
    text: str
    tokens: list[Token]
    sents: list[Sentence]
    spans: list[Span]

    @cached_property
    def named_firsts(self) -> list[int]:
        """The first tokens of the organization and place spans, in order."""
        return sorted({s.first for s in self.spans if s.type in ("ORG", "LOC")})

    @cached_property
    def named_first_set(self) -> frozenset[int]:
        return frozenset(self.named_firsts)

    @cached_property
    def place_ends(self) -> frozenset[int]:
        """The tokens right after the place spans."""
        return frozenset(s.last for s in self.spans if s.type == "LOC")

    def first_named_in(self, lo: int, hi: int) -> int | None:
        """The first token of the first organization or place span starting in tokens [lo, hi)."""
        i = bisect.bisect_left(self.named_firsts, lo)
        return self.named_firsts[i] if i < len(self.named_firsts) and self.named_firsts[i] < hi else None

    @cached_property
    def quote_closes(self) -> dict[int, int]:
        """For each opening quote token, the index after the token closing it in its sentence;
        nested quotes («Завод «Октябрь»») count. Found in one pass, so that every rule asking
        stays linear in the length of a sentence full of unclosed quotes."""
        closes: dict[int, int] = {}
        for sent in self.sents:
            closes.update(_quote_pairs(self.tokens, sent.first, sent.last))
        return closes

    def token_at(self, offset: int) -> int | None:
        """Index of the token starting at `offset`, if any."""
        return self._starts.get(offset)

    def token_ending(self, offset: int) -> int | None:
        return self._ends.get(offset)

    def opens_line(self, k: int) -> bool:
        """Token k is the first of its line (a dateline, a heading)."""
        start = self.tokens[k].start
        return not self.text[self.text.rfind("\n", 0, start) + 1 : start].strip(" \t\u00a0")

    def __post_init__(self) -> None:
        self._starts = {t.start: i for i, t in enumerate(self.tokens)}
        self._ends = {t.end: i for i, t in enumerate(self.tokens)}


def _quote_pairs(tokens: list[Token], first: int, last: int) -> dict[int, int]:
    """Opening quote token -> index after its closing one, within tokens [first, last).
    Guillemets and curly quotes nest, and a token may hold several («»»» after a nested name);
    a straight quote is closed by the next one."""
    out: dict[int, int] = {}
    open_at: dict[str, list[int]] = {opener: [] for opener, closer in CLOSE_QUOTES.items() if opener != closer}
    straight: int | None = None
    for j in range(first, last):
        text = tokens[j].text
        if text == '"':
            if straight is not None:
                out[straight] = j + 1
            straight = j
        for opener, stack in open_at.items():
            net = text.count(opener) - text.count(CLOSE_QUOTES[opener])
            for _ in range(-net):
                if stack:
                    out[stack.pop()] = j + 1
            # a token that is the quote itself can be asked about; quotes inside a longer token
            # only take part in the nesting
            stack.extend([j if text == opener else -1] * max(net, 0))
    for stack in open_at.values():
        # «АО «Агрохолдинг «Степной» Владислав Кузьмин»: a nested name typed with one closing
        # quote; the quote left open closes with the one it holds
        for outer in reversed(stack):
            inner = min((k for k in out if k > outer), default=None)
            if outer >= 0 and inner is not None:
                out[outer] = out[inner]
    out.pop(-1, None)
    return out


# A line break ends a sentence (titles, datelines and paragraphs carry no final period) unless
# the line is wrapped: it ends with a comma or hyphen, or the next line goes on in lowercase.
NEWLINE = re.compile(r"\n")
# how much of the lines around a line break is read to tell a wrapped line from a new sentence
LINE_CONTEXT = 80
WRAP_END = frozenset(",-–—")


def _ends_sentence(text: str, nl: int) -> bool:
    before = text[max(0, nl - LINE_CONTEXT) : nl].rstrip(" \t")
    rest = text[nl + 1 : nl + 1 + LINE_CONTEXT]
    after = rest.lstrip()
    if not before or not after or "\n" in rest[: len(rest) - len(after)]:
        return True  # a blank line, or the text's edge
    if before[-1] in ".!?…":
        return True
    if before[-1] in WRAP_END:
        return False
    return not after[0].islower()


def _blocks(text: str) -> list[tuple[int, str]]:
    out, pos = [], 0
    for m in NEWLINE.finditer(text):
        if _ends_sentence(text, m.start()):
            out.append((pos, text[pos : m.start()]))
            pos = m.end()
    out.append((pos, text[pos:]))
    return out


# «и.о.», «И.о.», «и. о.», «вр.и.о.»: razdel cuts these into letters and dots; they are one word
# of acting, as the post lexicon spells them («И.О.» with two capitals stays initials)
DOTTED_WORD = re.compile(r"(?<![\w.])(?:[Вв]р\.)?[Ии]\.[ \u00a0]?о\.?(?!\w)")


def _joined(tokens: list[Token], text: str, first: int) -> None:
    """Join the tokens of each dotted word of the sentence starting at token `first` into one.
    Right to left, so the indexes of the words still to join stay put."""
    starts = {tokens[k].start: k for k in range(first, len(tokens))}
    ends = {tokens[k].end: k for k in range(first, len(tokens))}
    for m in reversed(list(DOTTED_WORD.finditer(text, tokens[first].start, tokens[-1].end))):
        k, j = starts.get(m.start()), ends.get(m.end())
        if k is not None and j is not None and j > k:
            tokens[k : j + 1] = [Token(m.start(), m.end(), m.group(), sent=tokens[k].sent)]


# an academic degree abbreviated ends no sentence: «назначен к.м.н. Глеб Аверин»
DEGREE_AT_END = re.compile(r"(?<![\w.])[дк]\.\s?(?:[а-я]{1,5}\.\s?-?\s?)*н\.\Z")


def _sentence_spans(block: str) -> list[tuple[int, int]]:
    """razdel's sentences of a block, a sentence cut after a degree's abbreviation joined to the next."""
    spans: list[tuple[int, int]] = []
    joined = False
    for sent in sentenize(block):
        if joined:
            spans[-1] = (spans[-1][0], sent.stop)
        else:
            spans.append((sent.start, sent.stop))
        joined = bool(DEGREE_AT_END.search(sent.text))
    return spans


def _segment(text: str) -> tuple[list[Token], list[Sentence]]:
    tokens: list[Token] = []
    sents: list[Sentence] = []
    for base, block in _blocks(text):
        if not block.strip():
            continue
        for sent_start, sent_stop in _sentence_spans(block):
            first = len(tokens)
            start = base + sent_start
            sent_text = block[sent_start:sent_stop]
            for tok in tokenize(sent_text):
                tokens.append(Token(start + tok.start, start + tok.stop, tok.text, sent=len(sents)))
            if len(tokens) > first and "." in sent_text:
                _joined(tokens, text, first)
            if len(tokens) > first:
                sents.append(Sentence(start, base + sent_stop, first, len(tokens)))
    return tokens, sents


def _windows(sents: list[Sentence]) -> list[tuple[int, int]]:
    """Token ranges to tag: sentences, long ones cut into windows."""
    out = []
    for s in sents:
        for a in range(s.first, s.last, MAX_SENT_TOKENS):
            out.append((a, min(a + MAX_SENT_TOKENS, s.last)))
    return out


# the ending of a patronymic: «Олеговна», «Ашотович»
# an age written with digits, the person's and no part of a name or a post before it: «54-летний»,
# «43-летняя»
AGE_WORD = re.compile(r"\d+-летн\w*")
# a patronymic in any case: «Олеговна», «Ростиславовны», «Семеновичу»
# and the patronymics of first names in -а / -я: «Ильич», «Кузьмич», «Никитич», «Фомич», «Лукич», «Саввич»
PATRONYMIC_ENDING = re.compile(
    r"(?:ович|евич|овн|евн|ичн|[Ии]льич|зьмич|китич|[Фф]омич|[Лл]укич|ввич)(?:а|у|ем|е|ы|ой|ом)?$"
)


# a Russian surname in the nominative, its gender by the ending: «Топалов» / «Топалова»,
# «Политковский» / «Политковская»
SURNAME_NOMINATIVE = re.compile(r"(ов|ев|ёв|ин|ын)(а)?$", re.IGNORECASE)
SURNAME_SKY_NOMINATIVE = re.compile(r"(ск|цк)(ий|ая)$", re.IGNORECASE)


def surname_shape_gender(word: str) -> str | None:
    """«Masc» or «Fem» when the word has the shape of a Russian surname in the nominative of that
    gender, else None («Петрова» is a man's genitive too: the gender is the nominative's)."""
    if m := SURNAME_NOMINATIVE.search(word):
        return "Fem" if m.group(2) else "Masc"
    if m := SURNAME_SKY_NOMINATIVE.search(word):
        return "Masc" if m.group(2).lower() == "ий" else "Fem"
    return None


def _first_names_out_of_orgs(tagged: Tagged) -> list[Span]:
    """A first name the model read into the organization or place before a name that opens with
    a patronymic is the name's: «директор Фонда Виктория | Олеговна Семенцова», «министра
    культуры Республики Северная Осетия – Алания Аланы | Ростиславовны Цаллаговой»; so is a
    surname before a first name and patronymic in the official order: «Председатель Правления
    Банка Сафина | Альбина Маратовна». A first name the model made a person of its own joins the
    patronymic after it: «Тагир | Семенович Чебодаев»."""
    spans: list[Span | None] = list(tagged.spans)
    for n in range(len(spans) - 1):
        before, per = spans[n], spans[n + 1]
        if before is None or per is None or before.last != per.first or per.type != "PER":
            continue
        if before.type == "PER":
            joined = _first_name_alone(tagged, before, per)
        else:
            # «Шуклина | Елена Валерьевна»: a surname read as a one-word place before a first name
            # and a patronymic, in the official order
            joined = _first_name_read_as_a_place(tagged, before, per) or _first_name_alone_before(
                tagged, before, per
            ) or (
                before.last - before.first == 1 and _official_order(
                    tagged.tokens, tagged.tokens[before.first], per,
                    common_surname=_inside_sentence(tagged, before.first),
                )
                and not any("Geox" in p.tag for p in tagged.tokens[before.first].parses)
            )
        if joined:
            spans[n], spans[n + 1] = None, _span(tagged, "PER", before.first, per.last)
        elif before.type != "PER" and _name_word_at_end(tagged, before, per):
            spans[n] = _span(tagged, before.type, before.first, before.last - 1)
            spans[n + 1] = _span(tagged, "PER", before.last - 1, per.last)
    return [s for s in spans if s is not None]


def _names_out_of_orgs(tagged: Tagged) -> list[Span]:
    """A full name the model read into the end of an organization's or a place's span is a
    person's: «директор Музея Надежда Петровна Алексеева» -> «Музея» | «Надежда Петровна
    Алексеева», «муниципального образования город Набережные Челны Тимур Радикович Галимов» (a
    first name, a patronymic and a surname closing the span)."""
    toks = tagged.tokens
    out: list[Span] = []
    for s in tagged.spans:
        k = s.last - 3
        if s.type in ("ORG", "LOC") and k > s.first and _full_name_at(toks, k):
            out += [_span(tagged, s.type, s.first, k), _span(tagged, "PER", k, s.last)]
        else:
            out.append(s)
    return out


def _full_name_at(toks: list[Token], k: int) -> bool:
    """A first name, a patronymic and a surname at tokens k, k+1, k+2."""
    first, middle, last = toks[k], toks[k + 1], toks[k + 2]
    return (
        all(t.text[:1].isupper() and t.text[1:].islower() for t in (first, middle, last))
        and any("Name" in p.tag for p in first.parses)
        and PATRONYMIC_ENDING.search(middle.text) is not None
        and any("Surn" in p.tag for p in last.parses)
    )


# marks ending a sentence, which no name ends with
SENTENCE_MARKS = frozenset({"!", "?", ";"})


def _span(tagged: Tagged, typ: str, first: int, last: int) -> Span:
    """The span of tokens [first, last)."""
    start, end = tagged.tokens[first].start, tagged.tokens[last - 1].end
    return Span(typ, start, end, tagged.text[start:end], first, last)


def _first_name_alone(tagged: Tagged, first: Span, per: Span) -> bool:
    """«Тагир» before «Семенович Чебодаев»."""
    return first.last - first.first == 1 and PATRONYMIC_ENDING.search(tagged.tokens[per.first].text) is not None


def _first_name_read_as_a_place(tagged: Tagged, before: Span, per: Span) -> bool:
    """«Республики | Аслана | Тхагапсоева»: a one-word place or organization the dictionary knows
    only as a first name, right before a surname the model saw alone."""
    toks = tagged.tokens
    word, surname = toks[before.first], toks[per.first]
    if before.last - before.first != 1 or per.last - per.first != 1 or not word.text[:1].isupper():
        return False
    found = word.parses
    return (
        bool(found)
        and all("Name" in p.tag and p.is_known for p in found)
        and any("Surn" in p.tag for p in surname.parses)
    )


def _inside_sentence(tagged: Tagged, k: int) -> bool:
    """Token k does not open its sentence (where any word is capitalized)."""
    tok = tagged.tokens[k]
    return k > tagged.sents[tok.sent].first


def _first_name_alone_before(tagged: Tagged, before: Span, per: Span) -> bool:
    """«Гаврил | Иванович Оконешников»: a one-word organization or place the dictionary knows as a
    first name, before a name opening with a patronymic, is its first name."""
    word = tagged.tokens[before.first]
    return (
        before.last - before.first == 1
        and bool(PATRONYMIC_ENDING.search(tagged.tokens[per.first].text))
        and any("Name" in p.tag for p in word.parses)
    )


def _name_word_at_end(tagged: Tagged, before: Span, per: Span) -> bool:
    """The last word of an organization's or place's span is the first name («Виктория» before
    «Олеговна Семенцова») or, in the official order, the surname («Сафина» before «Альбина
    Маратовна») of the person after it."""
    toks = tagged.tokens
    word = toks[before.last - 1]
    if before.last - before.first < 2 or not word.text[:1].isupper():
        return False
    if PATRONYMIC_ENDING.search(toks[per.first].text):
        return any("Name" in p.tag for p in word.parses)
    return _official_order(toks, word, per)


def _official_order(toks: list[Token], surname: Token, per: Span, common_surname: bool = False) -> bool:
    """«Сафина» before «Альбина Маратовна»: a surname, then a first name and a patronymic; with
    `common_surname`, a surname the dictionary knows only as a noun of a person («Солодовник Петр
    Ильич»: nothing else stands between a post and a first name with its patronymic)."""
    if per.last - per.first != 2 or not PATRONYMIC_ENDING.search(toks[per.first + 1].text):
        return False
    first = toks[per.first]
    if not any("Name" in p.tag for p in first.parses):
        return False
    if any("Surn" in p.tag for p in surname.parses):
        return True
    # a noun of a person, as such surnames are («Солодовник», «Кузнец»), never «Компании» or «Банка»
    return common_surname and surname.text[1:].islower() and all(
        p.tag.POS == "NOUN" and p.tag.animacy == "anim" and not {"Geox", "Orgn", "Abbr"} & p.tag.grammemes
        for p in surname.parses
    )


# the regional offices of Rosstat and of Rosnedra, one word a region: «Татарстанстат», «Свердловскстата»,
# «Мосстат»; «Центрнедра», «Иркутскнедра» (written undeclined)
REGIONAL_OFFICE_WORD = re.compile(r"[А-ЯЁ][а-яё]{2,}(?:стат(а|у|ом|е)?|недра)")


def is_regional_office(word: str) -> bool:
    return REGIONAL_OFFICE_WORD.fullmatch(word) is not None


# a supervisory service's one-word name: «Роспотребнадзор», «Ространснадзора», «Гостехнадзор»,
# «Росалкогольтабакконтроля» (the model read the last one a person, and missed «Ространснадзора»)
SUPERVISORY_SERVICE_WORD = re.compile(r"[А-ЯЁ][а-яё]{3,}(?:надзор|контрол[ьяюе]|контролем)(?:а|у|ом|е)?")


def is_supervisory_service(word: str) -> bool:
    return SUPERVISORY_SERVICE_WORD.fullmatch(word) is not None


@cache
def _ministry_stems() -> tuple[str, ...]:
    return tuple(data_lines("ministry_stems.txt"))


# «Минздрав», «Минпромэнерго», «Минтрудсоцзащиты»: «Мин» and a ministry's stem, capitalized
MINISTRY_WORD = re.compile(r"Мин(?!истер)([а-яё]{3,})")


def is_ministry_short_name(word: str) -> bool:
    """A ministry's one-word short name («Минздрава», «Минсельхозпрод»), not a name that starts
    with the same letters («Мингазов», «Миннесота»): «Мин» + a stem of ministry_stems.txt."""
    m = MINISTRY_WORD.fullmatch(word)
    return m is not None and m.group(1).startswith(_ministry_stems())


def is_mixed_abbreviation(word: str) -> bool:
    """«КарГУ», «ЯрГУ», «СПбГУ»: small letters between capitals, and a capital at the end, make an
    abbreviation, which does not decline (pymorphy3 reads «КарГУ» as «каргу», the accusative of
    «карга»); «МИДа» ends in a case."""
    return len(word) > 2 and not word.isupper() and word[-1].isupper() and any(c.isupper() for c in word[1:-1])


# a school's short name ends in the letter of its head: университет, институт, академия
SCHOOL_ABBREVIATION = re.compile(r"[А-ЯЁ][а-яё]{1,3}[А-ЯЁ]*[УИА]")


def _one_word_body(word: str) -> bool:
    """A regional office of Rosstat or Rosnedra, a supervisory service, a ministry's short name, or a
    school's («КарГЛТУ», «ЯрГУ»)."""
    school = SCHOOL_ABBREVIATION.fullmatch(word) is not None and is_mixed_abbreviation(word)
    return is_regional_office(word) or is_supervisory_service(word) or is_ministry_short_name(word) or school


def _one_word_bodies(tagged: Tagged) -> list[Span]:
    """A regional statistics office or a ministry's short name is an organization, whatever the
    model made of its one word («начальник отдела Челябинскстата»: no span; «Татарстанстат
    сообщил»: a person; «Минтрудсоцзащиты Тверской области»: a place, or one with its place)."""
    toks = tagged.tokens
    spans = []
    for s in tagged.spans:
        if not _one_word_body(toks[s.first].text) or s.last - s.first > 1 and s.type == "ORG":
            spans.append(s)
        elif s.last - s.first > 1:
            spans.append(_span(tagged, s.type, s.first + 1, s.last))  # «Минтрудсоцзащиты | Татарстана»
    covered = {k for s in spans for k in range(s.first, s.last)}
    for k, tok in enumerate(toks):
        if k not in covered and _one_word_body(tok.text):
            spans.append(Span("ORG", tok.start, tok.end, tok.text, k, k + 1))
    return sorted(spans, key=lambda s: (s.start, s.end))


ABBREVIATION = re.compile(r"[А-ЯЁ]{2,6}")
# the abbreviations of a parent body after an institute's: «(ИХУ) СО РАН», «(ИГСЛ) УрО РАН»
PARENT_ABBREVIATIONS = re.compile(r"[А-ЯЁ](?:[а-яё]?[А-ЯЁ]){1,5}(?: [А-ЯЁ](?:[а-яё]?[А-ЯЁ]){1,5})*")


def _joined_org_spans(tagged: Tagged) -> list[Span]:
    """Two abbreviations the model marked one after another are one body: «ГУ МЧС» is the main
    office of МЧС, not «ГУ» and «МЧС» («ГУ МЧС России по ...» is read whole further on), «ИХУ СО
    РАН» an institute of the Siberian branch; so are
    adjectives the model cut from the name after them: «Алтайского краевого | Законодательного
    Собрания»."""
    out: list[Span] = []
    for span in tagged.spans:
        if out and _one_name(tagged, out[-1], span):
            out[-1] = _span(tagged, "ORG", out[-1].first, span.last)
            continue
        out.append(span)
    return out


# the words that dedicate a body to someone, and how far before the person's name they may stand
DEDICATIONS = frozenset({"имени", "им"})
DEDICATION_REACH = 4


def _dedications_in_orgs(tagged: Tagged) -> list[Span]:
    """«Уральский федеральный университет имени первого Президента России | Б. Н. Ельцина»: the
    person a body is named after, and a place of the title before it, are the body's name, when
    the model cut them off as spans of their own; brackets after them are not («(УрФУ)»)."""
    toks = tagged.tokens
    spans = tagged.spans
    out: list[Span] = []
    i = 0
    while i < len(spans):
        prev, span = (out[-1] if out else None), spans[i]
        dedicated = prev is not None and prev.type == "ORG" and any(
            toks[k].text.lower() in DEDICATIONS for k in range(max(prev.first, prev.last - DEDICATION_REACH), prev.last)
        )
        # the person by initials («Б. Н. Ельцина»), maybe after a place of the title («России»); not a
        # person named in full after the name («МГУ им. Ломоносова | Виктор Садовничий»)
        person = i + 1 if span.type == "LOC" and i + 1 < len(spans) and spans[i + 1].first == span.last else i
        if dedicated and prev is not None and span.first == prev.last and _by_initials(tagged, spans[person]):
            last = next((k for k in range(span.first, spans[person].last) if toks[k].text == "("), spans[person].last)
            out[-1] = _span(tagged, "ORG", prev.first, last)
            i = person + 1
            continue
        out.append(span)
        i += 1
    return out


def _by_initials(tagged: Tagged, span: Span) -> bool:
    """A person's span opening with an initial: «Б. Н. Ельцина», «Б.Н. Ельцина»."""
    toks = tagged.tokens
    first = toks[span.first].text
    return span.type == "PER" and (
        len(first) == 1 and first.isupper() and span.first + 1 < len(toks) and toks[span.first + 1].text == "."
        or re.fullmatch(r"(?:[А-ЯЁ]\.){1,2}", first) is not None
    )


def _one_name(tagged: Tagged, prev: Span, span: Span) -> bool:
    """Two organizations' spans side by side that are one name: adjectives, or two abbreviations."""
    toks = tagged.tokens
    if not (prev.type == span.type == "ORG" and span.first == prev.last and tagged.text[prev.end : span.start] == " "):
        return False
    if all(t.pos == "ADJ" for t in toks[prev.first : prev.last]):
        return True
    if toks[prev.last - 1].lemma == "орган" and toks[span.first].feats.get("Case") == "Gen":
        return True  # «Территориальный орган | Федеральной службы государственной статистики ...»
    country = span.last < len(toks) and toks[span.last].text in ("России", "РФ")
    return not country and bool(ABBREVIATION.fullmatch(prev.text) and PARENT_ABBREVIATIONS.fullmatch(span.text))


# «КТ-исследований», «IT-компании», «Конференц-звонок»: a capitalized first part, a common noun after
# the hyphen
COMPOUND_NOUN = re.compile(r"([А-ЯЁA-Z][А-ЯЁA-Zа-яё]*)-([а-яё]{3,})")
NAME_GRAMMEMES = frozenset({"Name", "Surn", "Patr", "Geox", "Orgn"})


def _compound_noun(tok: Token, typ: str) -> bool:
    """A common noun after an abbreviation («КТ-исследований», «IT-компании»: no organization's
    name), or after a word that is no name («Конференц-звонок»: no person; «Лукашенко-старший» is)."""
    m = COMPOUND_NOUN.fullmatch(tok.text)
    if m is None:
        return False
    lead, noun = m.group(1), parses(m.group(2))
    if not any(p.is_known and p.tag.POS == "NOUN" for p in noun) or any(NAME_GRAMMEMES & p.tag.grammemes for p in noun):
        return False
    if typ == "ORG":
        return lead.isupper() and len(lead) > 1
    return typ == "PER" and not any(p.is_known and NAME_GRAMMEMES & p.tag.grammemes for p in parses(lead.lower()))


def _without_compound_nouns(tagged: Tagged) -> list[Span]:
    """A name the model made of a compound common noun is none («Конференц-звонок для инвесторов
    пройдет»), and one that opens with it starts after it («IT-компании «Вектор»»)."""
    out: list[Span] = []
    toks = tagged.tokens
    for span in tagged.spans:
        if _compound_noun(toks[span.first], span.type):
            if span.last - span.first == 1:
                continue
            span = _span(tagged, span.type, span.first + 1, span.last)
        out.append(span)
    return out


def _word_stems(tagged: Tagged, span: Span) -> tuple[str, ...]:
    """The words of a span cut to four letters, so that its cases compare («Вышнем Волочке»)."""
    return tuple(t.text.lower().replace("ё", "е")[:4] for t in tagged.tokens[span.first : span.last])


def _opens_with_a_place_adjective(tagged: Tagged, span: Span) -> bool:
    """«Вышний Волочёк», «Старый Оскол»: an adjective opens the name, which no first name or
    surname the dictionary knows reads (a person's name opens with one of those)."""
    first = tagged.tokens[span.first]
    return any(p.tag.POS == "ADJF" for p in first.parses) and not any(
        NAME_GRAMMEMES - {"Geox"} & p.tag.grammemes for p in first.parses
    )


def _places_read_as_persons(tagged: Tagged) -> list[Span]:
    """A person of two words or more, opening with an adjective, that the model elsewhere in the
    text calls a place is that place («Вышний Волочёк и компания заключили соглашение» after «в
    Вышнем Волочке»)."""
    places = {_word_stems(tagged, s) for s in tagged.spans if s.type == "LOC" and s.last - s.first > 1}
    return [
        _span(tagged, "LOC", s.first, s.last)
        if s.type == "PER" and s.last - s.first > 1 and _word_stems(tagged, s) in places
        and _opens_with_a_place_adjective(tagged, s) else s
        for s in tagged.spans
    ]


def is_place_word(word: str) -> bool:
    """A word whose every dictionary reading is a place and none a name («Суджу»)."""
    found = parses(word.lower())
    return bool(found) and all(
        p.is_known and "Geox" in p.tag and not {"Name", "Surn", "Patr"} & p.tag.grammemes for p in found
    )


def _before_open_bracket(tagged: Tagged, typ: str, first: int, last: int) -> int | None:
    """The last token of a place's span cut before a bracket it opens and does not close:
    «Курской области (ТФОМС Курской области» is the place and the start of a short name. A
    person or an organization keeps it: the brackets hold their other name («Карсона Ёнга (Carson
    Yeung»), read with them."""
    if typ != "LOC":
        return last
    toks = tagged.tokens
    opened = next((k for k in range(last, first - 1, -1) if toks[k].text in "()"), None)
    if opened is None or toks[opened].text == ")":
        return last
    return opened - 1 if opened > first else None


def _span_type(typ: str, first: int, last: int, text: str) -> str:
    """The model's type, except that a one-word person that can only be a place is a place:
    «посетил Суджу» names a town, whatever the NER model says."""
    if typ == "PER" and last - first == 1 and is_place_word(text):
        return "LOC"
    return typ


def _natasha_data(*parts: str) -> str:
    """A file of natasha's data folder, found without importing natasha."""
    spec = find_spec("natasha")
    assert spec is not None and spec.submodule_search_locations, "natasha is a dependency"
    return str(Path(spec.submodule_search_locations[0], "data", *parts))


EMBEDDING = ("emb", "navec_news_v1_1B_250K_300d_100q.tar")
MORPH_MODEL = ("model", "slovnet_morph_news_v1.tar")
NER_MODEL = ("model", "slovnet_ner_news_v1.tar")


def annotate(tok: Token) -> None:
    """A token's analyses and lemma, once, after the tagger gave its part of speech and case."""
    word = tok.text.lower()
    tok.parses = parses(word)
    if tok.pos == "ADJ" and (tok.text[:1].islower() or "-" not in word) and _not_an_adjective(word, tok.parses):
        _as_noun(tok)
    if tok.pos == "NOUN" and tok.case is not None:
        case = dictionary_case(tok.parses, tok.case, written_lower=tok.text[:1].islower())
        if case is not None:
            tok.feats = {**tok.feats, "Case": case}
    tok.lemma = lemma_of(word, tok.pos, tok.case, NUMBERS.get(tok.feats.get("Number", "")))


# how far an adjective the tagger left without a case looks for its noun
ADJECTIVE_NOUN_REACH = 3


def _adjective_cases(toks: list[Token]) -> None:
    """A full adjective the tagger gave no case («директор муниципального казенного учреждения»)
    takes its noun's, when the dictionary allows it that case."""
    for k, tok in enumerate(toks):
        if tok.pos != "ADJ" or tok.case is not None or not ADJECTIVE_ENDING.search(tok.text.lower()):
            continue
        noun = next((t for t in toks[k + 1 : k + 1 + ADJECTIVE_NOUN_REACH] if t.pos != "ADJ"), None)
        if noun is None or noun.pos != "NOUN" or noun.case is None:
            continue
        if noun.case in {UD_OF.get(p.tag.case) for p in tok.parses if p.tag.POS in ("ADJF", "PRTF")}:
            tok.feats = {**tok.feats, "Case": noun.case}
            tok.lemma = lemma_of(tok.text.lower(), tok.pos, tok.case)


def _opening_nominatives(toks: list[Token], sents: list[Sentence]) -> None:
    """A noun opening its sentence after a nominative adjective, tagged accusative where the
    dictionary reads its form as both: the nominative its adjective shows («Молочный комбинат в
    Багратионовске подписал договоры», «комбинат» tagged accusative), so it is the subject."""
    for sent in sents:
        k = sent.first
        while k < sent.last and toks[k].pos == "ADJ" and toks[k].case == "Nom":
            k += 1
        if k == sent.first or k >= sent.last or toks[k].pos != "NOUN" or toks[k].case != "Acc":
            continue
        cases = {UD_OF.get(p.tag.case) for p in toks[k].parses if p.tag.POS == "NOUN"}
        if {"Nom", "Acc"} <= cases:
            toks[k].feats = {**toks[k].feats, "Case": "Nom"}


def _adjectives_read_as_names(toks: list[Token]) -> None:
    """A capitalized word the tagger calls a name, which the dictionary reads only as an adjective,
    before a lower-case word it reads only as a noun, is that adjective, and both stand in the one
    case their readings share: «Кумертауским техникумом» (tagged a nominative name and a genitive
    adjective), so the noun heads the phrase and gives its case."""
    for k, tok in enumerate(toks[:-1]):
        noun = toks[k + 1]
        if tok.pos != "PROPN" or not tok.text[:1].isupper() or not noun.text.isalpha() or not noun.text.islower():
            continue
        if not tok.parses or any(p.tag.POS != "ADJF" for p in tok.parses):
            continue
        nouns = [p for p in noun.parses if p.is_known]
        if not nouns or any(p.tag.POS != "NOUN" for p in nouns):
            continue
        adjective = {(UD_OF.get(p.tag.case), p.tag.number, p.tag.gender) for p in tok.parses}
        shared = {UD_OF.get(p.tag.case) for p in nouns
                  if (UD_OF.get(p.tag.case), p.tag.number, p.tag.gender) in adjective
                  or (p.tag.number == "plur" and (UD_OF.get(p.tag.case), "plur", None) in adjective)}
        if len(shared) != 1 or None in shared:
            continue
        case = shared.pop()
        tok.pos = "ADJ"
        tok.feats = {**tok.feats, "Case": case}
        tok.lemma = lemma_of(tok.text.lower(), tok.pos, case)
        if noun.pos != "NOUN" or noun.case != case:
            reading = next(p for p in nouns if UD_OF.get(p.tag.case) == case)
            noun.pos = "NOUN"
            noun.feats = {"Case": case, "Number": "Plur" if reading.tag.number == "plur" else "Sing"}
            noun.lemma = lemma_of(noun.text.lower(), noun.pos, case)


NUMBERS = {"Sing": "sing", "Plur": "plur"}


def _misread_genitives(toks: list[Token]) -> None:
    """A noun after a noun, in a case and number its dictionary readings do not have, is the
    genitive they do have, and so are the adjectives before it: «лабораторией почвенной
    биогеохимии» (tagged instrumental), «криолитологии» (tagged a nominative singular)."""
    for k, tok in enumerate(toks):
        if tok.pos != "NOUN" or tok.case in (None, "Gen"):
            continue
        before = next((j for j in range(k - 1, -1, -1) if toks[j].pos != "ADJ"), None)
        if before is None or toks[before].pos not in ("NOUN", "PROPN") or before < k - ADJECTIVE_NOUN_REACH:
            continue
        number = NUMBERS.get(tok.feats.get("Number", ""))
        readings = {(UD_OF.get(p.tag.case), p.tag.number) for p in tok.parses if p.tag.POS == "NOUN"}
        if (tok.case, number) in readings or ("Gen", number) not in readings:
            continue
        for t in [*toks[before + 1 : k], tok]:
            if t is tok or "Gen" in {UD_OF.get(p.tag.case) for p in t.parses if p.tag.POS in ("ADJF", "PRTF")}:
                t.feats = {**t.feats, "Case": "Gen"}
                t.lemma = lemma_of(t.text.lower(), t.pos, t.case)


def _cases_without_preposition(toks: list[Token]) -> None:
    """A noun in a case its dictionary readings do not have, which they leave two or more of, is the
    one left when no preposition stands before it to allow the locative: «нанёс рабочий визит главе
    округа» (tagged genitive; «главе» is a dative or a locative)."""
    for k, tok in enumerate(toks):
        if tok.pos != "NOUN" or tok.case is None:
            continue
        nouns = [p for p in tok.parses if p.tag.POS == "NOUN"]
        cases = {UD_OF.get(p.tag.case) for p in nouns}
        if tok.case in cases or len(cases) < 2 or not nouns or not all(p.is_known for p in nouns):
            continue
        before = next((j for j in range(k - 1, -1, -1) if toks[j].pos != "ADJ"), None)
        if before is None or toks[before].pos != "ADP":
            cases.discard("Loc")
        if len(cases) == 1:
            tok.feats = {**tok.feats, "Case": cases.pop()}
            tok.lemma = lemma_of(tok.text.lower(), tok.pos, tok.case)


# how a past verb's dictionary gender and number read in the tagger's features
PAST_FEATS = {"masc": ("Masc", "Sing"), "femn": ("Fem", "Sing"), "neut": ("Neut", "Sing"), None: (None, "Plur")}


def _misread_past_verbs(toks: list[Token]) -> None:
    """A noun between a nominative subject and an accusative object that the dictionary reads as a
    past verb is that verb: «ЗСК начала реконструкцию сетей» (tagged the genitive of «начало»), so
    that what the sentence tells is told in the past."""
    for k in range(1, len(toks) - 1):
        tok, subject, obj = toks[k], toks[k - 1], toks[k + 1]
        if tok.pos != "NOUN" or not tok.text.islower() or subject.pos not in ("NOUN", "PROPN"):
            continue
        if subject.case != "Nom" or obj.pos != "NOUN" or obj.case != "Acc":
            continue
        verb = next((p for p in tok.parses if p.tag.POS == "VERB" and p.tag.tense == "past"), None)
        if verb is None:
            continue
        gender, number = PAST_FEATS.get(verb.tag.gender, (None, "Sing"))
        feats = {"Tense": "Past", "VerbForm": "Fin", "Mood": "Ind", "Number": number}
        tok.pos, tok.feats, tok.lemma = "VERB", {**feats, **({"Gender": gender} if gender else {})}, verb.normal_form


# how the dictionary's person reads in the tagger's features
PERSONS = {"1per": "1", "2per": "2", "3per": "3"}


def _misread_future_verbs(toks: list[Token]) -> None:
    """A verb the tagger reads as past that the dictionary knows only as a future is a future:
    «С коллективом цеха он увидится на собрании» (tagged past), so it is no fact yet."""
    for tok in toks:
        if tok.pos != "VERB" or tok.feats.get("Tense") != "Past":
            continue
        verbs = [p for p in tok.parses if p.tag.POS == "VERB" and p.is_known]
        if not verbs or any(p.tag.tense != "futr" for p in verbs) or any(p.tag.POS == "PRTS" for p in tok.parses):
            continue  # «договор расторгнут 29 июля»: a short participle, past, read as «они расторгнут»
        feats = {k: v for k, v in tok.feats.items() if k != "Gender"}
        person = PERSONS.get(verbs[0].tag.person)
        tok.feats = {**feats, "Tense": "Fut", **({"Person": person} if person else {})}


def _misread_past_forms(toks: list[Token]) -> None:
    """A verb the tagger reads as present, or in another number or gender, that the dictionary
    knows only as one past form is that form: «X, Y и Z больше двух часов чертили на карте
    варианты дамбы» (tagged present, or a feminine singular), so that it is told as done by them all."""
    for tok in toks:
        if tok.pos != "VERB" or tok.feats.get("VerbForm") != "Fin" or tok.feats.get("Tense") == "Fut":
            continue
        verbs = [p for p in tok.parses if p.tag.POS == "VERB" and p.is_known]
        forms = {(p.tag.tense, p.tag.gender, p.tag.number) for p in verbs}
        if len(forms) != 1 or next(iter(forms))[0] != "past":
            continue
        gender, number = PAST_FEATS.get(verbs[0].tag.gender, (None, "Sing"))
        if (tok.feats.get("Tense"), tok.feats.get("Number"), tok.feats.get("Gender")) == ("Past", number, gender):
            continue
        feats = {k: v for k, v in tok.feats.items() if k not in ("Person", "Gender")}
        tok.feats = {**feats, "Tense": "Past", "Number": number, **({"Gender": gender} if gender else {})}


def _misread_nouns(toks: list[Token]) -> None:
    """A lowercase word the tagger calls a verb or an adverb that the dictionary reads only as a
    noun, if only by a known word after a prefix, is that noun: «Председатель студсовета Вероника
    Кузьмина» («студсовета» tagged a past verb), «Сегодня мануфактурой подписаны договоры»
    («мануфактурой» tagged an adverb, as «зимой» may be one)."""
    for tok in toks:
        if tok.pos not in ("VERB", "ADV") or not tok.text.islower() or not tok.parses:
            continue
        if all(p.tag.POS == "NOUN" for p in tok.parses):
            _as_noun(tok)
            tok.lemma = tok.parses[0].normal_form


# a Cyrillic word, or a compound of them: «инженеру-технологу»
CYRILLIC_WORD = re.compile(r"[а-яё]+(?:-[а-яё]+)*")
# the endings of full adjectives and participles in every case
ADJECTIVE_ENDING = re.compile(r"(ый|ий|ой|ая|яя|ое|ее|ые|ие|ого|его|ому|ему|ым|им|ом|ем|ых|их|ую|юю|ою|ей|ыми|ими)$")


def _not_an_adjective(word: str, analyses: tuple[Parse, ...]) -> bool:
    """A Cyrillic word the tagger calls an adjective with no adjective's ending, which the
    dictionary does not read as one either: a noun it does not know («хокимият»), a compound of
    nouns in lower case («инженеру-технологу»; «Комсомольского-на-Амуре» is a name's); or one with
    such an ending that the dictionary knows as a noun only («под Воронежем»)."""
    if not CYRILLIC_WORD.fullmatch(word):
        return False
    # a surname's reading keeps it an adjective: «Каменским колледжем», a place's the dictionary lacks
    if analyses and all(
        p.is_known and p.tag.POS == "NOUN" and not PERSON_NAME_GRAMMEMES & p.tag.grammemes for p in analyses
    ):
        return True
    return not ADJECTIVE_ENDING.search(word) and not any(
        p.tag.POS in ("ADJF", "ADJS", "PRTF", "PRTS", "NUMR", "COMP") for p in analyses if p.is_known
    )


def _as_noun(tok: Token) -> None:
    """A noun, in the case of the dictionary's guess if it has one."""
    guess = next((p for p in tok.parses if p.tag.POS == "NOUN"), None)
    case = UD_OF.get(guess.tag.case) if guess is not None else None
    feats = {k: v for k, v in tok.feats.items() if k in ("Number", "Gender", "Animacy")}
    tok.pos = "NOUN"
    tok.feats = {**feats, "Case": case} if case else feats


# readings of a person's name, which a word written in lower case is not (NAME_GRAMMEMES above also
# holds places and organizations)
PERSON_NAME_GRAMMEMES = frozenset({"Name", "Surn", "Patr"})


def dictionary_case(analyses: tuple[Parse, ...], tagged: str, written_lower: bool = False) -> str | None:
    """The one case a common noun's dictionary readings all have, where the tagger gave one they
    do not allow («работала на заводе технологом» tagged genitive); None to keep the tagger's.
    A word written in lower case is read as no name: «городской голова» tagged genitive, the case
    of the surname «Голов», is the nominative of «голова»."""
    nouns = [p for p in analyses if p.tag.POS == "NOUN"]
    common = [p for p in nouns if not PERSON_NAME_GRAMMEMES & p.tag.grammemes]
    nouns = common if written_lower and common else nouns
    cases = {UD_OF.get(p.tag.case) for p in nouns}
    if len(cases) != 1 or tagged in cases or not all(p.is_known for p in nouns):
        return None  # most often the tagger's case is among them: the dictionary is asked no more
    return cases.pop()


class Tagger:
    """natasha's news morphology and NER models (slovnet over navec embeddings), loaded once."""

    def __init__(self) -> None:
        from navec import Navec
        from slovnet import NER, Morph

        emb = Navec.load(_natasha_data(*EMBEDDING))
        # the encoder pads each of its batches to its longest sentence: small ones waste little;
        # many of them go to the model per call (natasha's settings)
        self.morph = Morph.load(_natasha_data(*MORPH_MODEL), batch_size=ENCODER_BATCH).navec(emb)
        self.ner = NER.load(_natasha_data(*NER_MODEL), batch_size=ENCODER_BATCH).navec(emb)
        self.morph.batch_size = self.ner.batch_size = BATCH_SIZE
        self.vocab = emb.vocab

    def tag_many(self, texts: list[str]) -> list[Tagged]:
        segmented = [_segment(t) for t in texts]
        windows = [(d, a, b) for d, (toks, sents) in enumerate(segmented) for a, b in _windows(sents)]
        # slovnet pads a batch to its longest sentence: batches of sentences of like length
        # waste little. Results are keyed by window, so the order of tagging does not matter.
        windows.sort(key=lambda w: w[2] - w[1])

        words = [[self._known_spelling(t.text) for t in segmented[d][0][a:b]] for d, a, b in windows]
        for (d, a, _b), markup in zip(windows, self.morph.map(words), strict=True):
            toks = segmented[d][0]
            for i, mt in enumerate(markup.tokens):
                toks[a + i].pos = mt.pos
                toks[a + i].feats = mt.feats

        # NER reads each window's own text; spans come back relative to it.
        chunks = []
        for d, a, b in windows:
            toks = segmented[d][0]
            chunks.append(texts[d][toks[a].start : toks[b - 1].end])
        spans_by_doc: list[list[tuple[str, int, int]]] = [[] for _ in texts]
        for (d, a, _b), markup in zip(windows, self.ner.map(chunks), strict=True):
            base = segmented[d][0][a].start
            for s in markup.spans:
                spans_by_doc[d].append((s.type, base + s.start, base + s.stop))

        out = []
        for d, text in enumerate(texts):
            toks, sents = segmented[d]
            for tok in toks:
                annotate(tok)
            _adjectives_read_as_names(toks)
            _adjective_cases(toks)
            _opening_nominatives(toks, sents)
            _misread_genitives(toks)
            _cases_without_preposition(toks)
            _misread_past_verbs(toks)
            _misread_future_verbs(toks)
            _misread_past_forms(toks)
            _misread_nouns(toks)
            tagged = Tagged(text, toks, sents, [])
            for typ, start, end in sorted(spans_by_doc[d], key=lambda x: (x[1], x[2])):
                first, last = tagged.token_at(start), tagged.token_ending(end)
                if first is None or last is None:
                    continue  # a span that cuts a token: NER and razdel disagree, drop it
                typ = _span_type(typ, first, last + 1, text[start:end])
                last = _before_open_bracket(tagged, typ, first, last)
                if last is None:
                    continue
                while last > first and toks[last].text in SENTENCE_MARKS and not toks[last - 1].text.isascii():
                    last -= 1  # «музея!»: the model took the sentence's mark in (not «Yahoo!», «Wham!»)
                end = toks[last].end
                tagged.spans.append(Span(typ, start, end, text[start:end], first, last + 1))
            tagged.spans = _names_out_of_orgs(tagged)
            tagged.spans = _first_names_out_of_orgs(tagged)
            tagged.spans = _one_word_bodies(tagged)
            tagged.spans = _joined_org_spans(tagged)
            tagged.spans = _dedications_in_orgs(tagged)
            tagged.spans = _without_compound_nouns(tagged)
            tagged.spans = _places_read_as_persons(tagged)
            out.append(tagged)
        return out

    def tag(self, text: str) -> Tagged:
        return self.tag_many([text])[0]

    def _known_spelling(self, word: str) -> str:
        """The word as the embeddings know it: written with «е» for «ё» when only that spelling is
        in their vocabulary («заключённое» is not, «заключенное» is; the model reads a word it
        does not know by its shape alone and may take a participle for a verb in the present); a
        word in lowercase only."""
        if "ё" not in word or not word.islower() or word in self.vocab:
            return word  # a name keeps its «ё»: «Цивилёв» is read as a name by its shape
        return word.replace("ё", "е")


@cache
def get_tagger() -> Tagger:
    """The one tagger of this process."""
    return Tagger()
