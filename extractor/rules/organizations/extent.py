"""Where an organization name ends: the dependents of its head noun (`extend_dependents`), but
never into a date («одобрен Советом Федерации 28 июня», «правительства области 4 октября 2023
года», «70-х годов»), an age («Партии регионов | 54-летний»), an amount («взыскал с завода
148,6 млн рублей»), a count («в Законодательном собрании края | 44 депутата»), a circumstance
after «по» («обратился в Думу по поводу законов») or «при» («Фондом | при поддержке
Минпромторга»; «Совет при губернаторе» goes on), a verb («Фонд создан для помощи»), a rank
(«Управления | генерал-майор полиции»), a post joined by «и» («правительства | и руководителей
ведомств») or a person named after it («СГУ им. Н. Г. Чернышевского Л. Ю. Коссович»)."""

from __future__ import annotations

import re

from extractor.lexicon.facts import words
from extractor.lexicon.orgs import (
    circumstance_words,
    legal_forms,
    month_lemmas,
    org_heads,
    territory_nouns,
    unit_heads,
)
from extractor.lexicon.posts import match_post_head, starts_rank
from extractor.nlp.morph import guessed
from extractor.nlp.phrases import (
    DASHES,
    OPEN_QUOTES,
    ORG_PREPS,
    TOWN_WORDS,
    NamedSpans,
    after_dedication,
    case_of,
    extend_dependents,
)
from extractor.nlp.tagging import AGE_WORD, PATRONYMIC_ENDING, Tagged, Token

# a year written alone after a name («оркестра сезона 2015—2016») has four digits
YEAR_DIGITS = 4


# a decade: «70-х годов»
DECADE = re.compile(r"\d+-[хе]")


def _starts_date(toks: list[Token], k: int) -> bool:
    """A day before a month («28 июня»), a year before «год» or alone («2023 года», «2015»), a
    decade («70-х годов прошлого века»)."""
    text = toks[k].text
    if DECADE.fullmatch(text) and k + 1 < len(toks) and toks[k + 1].lemma == "год":
        return True
    if not text.isdigit() or (k > 0 and toks[k - 1].text == "№"):
        return False
    after = toks[k + 1].lemma if k + 1 < len(toks) else ""
    return after in month_lemmas() or after in ("год", "г") or len(text) == YEAR_DIGITS


# what follows a number that is an amount, not a part of a name: «148,6 млн рублей», «на 5%»
AMOUNT_WORDS = frozenset({"млн", "млрд", "трлн", "тыс", "%", "процент", "рубль", "руб", "доллар", "евро"})


def _starts_amount(toks: list[Token], k: int) -> bool:
    """An amount after a name: «взыскал с завода 148,6 млн рублей»; a fraction is never a name's."""
    text = toks[k].text
    if not text[:1].isdigit() or (k > 0 and toks[k - 1].text == "№"):
        return False
    after = toks[k + 1] if k + 1 < len(toks) else None
    fraction = "," in text or "." in text
    return fraction or after is not None and (after.text.lower() in AMOUNT_WORDS or after.lemma in AMOUNT_WORDS)


# a legislature's convocation numbered after it is the name's: «Палаты представителей 112 созыва»
CONVOCATIONS = frozenset({"созыв"})


def _starts_count(toks: list[Token], k: int) -> bool:
    """A number counting the noun after it is no part of a name: «в Законодательном собрании края |
    44 депутата» (a number closing a name is its own: «школы 1535», «больницы № 17»)."""
    if not toks[k].text.isdigit() or (k > 0 and toks[k - 1].text == "№") or k + 1 >= len(toks):
        return False
    after = toks[k + 1]
    return after.text.isalpha() and after.text.islower() and after.pos == "NOUN" and after.lemma not in CONVOCATIONS


def _starts_circumstance(toks: list[Token], k: int) -> bool:
    """«по поводу», «по делу», «по итогам»: a circumstance, not what a body deals with."""
    return toks[k].text.lower() == "по" and k + 1 < len(toks) and toks[k + 1].text.lower() in circumstance_words()


# pymorphy3's parts of speech of a clause: finite verbs, short participles, gerunds
CLAUSE_POS = frozenset({"VERB", "PRTS", "GRND"})


def _is_verb(tok: Token) -> bool:
    """A finite verb, a short participle or a gerund, and nothing else in the dictionary: a clause,
    not a name («Фонд создан»); «Уральской стали» may be read as a verb but is a noun too."""
    feats = tok.feats
    clause = feats.get("VerbForm") in ("Fin", "Conv") or feats.get("Variant") == "Short"
    only_verb = bool(tok.parses) and all(p.tag.POS in CLAUSE_POS for p in tok.parses)
    # a finite verb the tagger read as a noun: «Окский политех | зачислил на бюджет ...»
    only_finite = tok.text.islower() and _verb_but_for_guesses(tok)
    # a short adjective is a predicate too: «Учреждение | подведомственно министерству»
    short_adjective = tok.pos == "ADJ" and clause and bool(tok.parses) and all(p.tag.POS == "ADJS" for p in tok.parses)
    return (tok.pos in ("VERB", "AUX") and clause and only_verb) or only_finite or short_adjective


# the share of the analyses' weight a verb must carry when guesses stand beside it
VERB_SHARE = 0.95


def _verb_but_for_guesses(tok: Token) -> bool:
    """A verb to the dictionary, but for readings guessed from the ending: «номинировало» (a verb,
    guessed a short adjective too); not «стали» (the dictionary's «сталь» too) nor «фармпроизводитель»
    (all guesses, a noun by most of their weight)."""
    total = sum(p.score for p in tok.parses)
    verbs = sum(p.score for p in tok.parses if p.tag.POS == "VERB")
    return total > 0 and verbs >= VERB_SHARE * total and all(p.tag.POS == "VERB" or guessed(p) for p in tok.parses)


def _heading_verb(tagged: Tagged, k: int) -> bool:
    """A verb of a heading in capitals, which the tagger reads as a name: «В ОнГТУ ОТКРЫЛСЯ ...»;
    the dictionary alone says it is a verb, and no word of the line is written as in running text."""
    tok = tagged.tokens[k]
    if not (tok.text.isupper() and len(tok.text) > MAX_ACRONYM_LETTERS):
        return False
    if not (tok.parses and all(p.tag.POS in CLAUSE_POS for p in tok.parses)):
        return False
    text = tagged.text
    line_start, line_end = text.rfind("\n", 0, tok.start) + 1, text.find("\n", tok.end)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    # no word written as in running text («Открылся», «открылся»); «ОнГТУ» is an abbreviation
    return not any(len(w) > 1 and w[1:].islower() for w in re.findall(r"\w+", line))


# an acronym may read as a verb in the dictionary; a word of a heading is longer
MAX_ACRONYM_LETTERS = 5


def _starts_full_name(toks: list[Token], k: int) -> bool:
    """A capitalized word before a patronymic starts a person's name: «Фонда | Виктория Олеговна»."""
    return (
        k + 1 < len(toks) and toks[k].text[:1].isupper() and toks[k].text[1:].islower()
        and toks[k + 1].text[:1].isupper() and PATRONYMIC_ENDING.search(toks[k + 1].text) is not None
    )


def _is_initial(toks: list[Token], k: int) -> bool:
    return len(toks[k].text) == 1 and "А" <= toks[k].text <= "Я" and k + 1 < len(toks) and toks[k + 1].text == "."


def _starts_person(toks: list[Token], k: int) -> bool:
    """Initials that neither follow «им.»/«имени» (past a title: «имени академика И. Э. Грабаря»)
    nor go on other initials start a person named after the name: «СГУ им. Н. Г. Чернышевского
    Л. Ю. Коссович»."""
    if not _is_initial(toks, k) or k < 2:
        return False
    if toks[k - 1].text == "." and _is_initial(toks, k - 2):
        return False
    return not after_dedication(toks, k)


# a name in quotes is short («Красный Октябрь»); a longer quote is a quotation or a title
MAX_QUOTED_NAME_WORDS = 6


# ... but an organization's full name after the head that describes it may be long: «общественно-
# государственной организации «Добровольное общество содействия армии, авиации и флоту России»»
MAX_DESCRIBED_NAME_WORDS = 10


# a name in quotes may hold a verb («Говорит Москва»); a clause of more words is a quotation
MAX_QUOTED_VERB_NAME_WORDS = 2


def _quotation(inner: list[Token], described: bool = False) -> bool:
    """Quoted words that are no name: a clause or a long title; a name after a head that describes
    it may be longer (`described`)."""
    words = [t for t in inner if t.text[:1].isalnum()]
    clause = len(words) > MAX_QUOTED_VERB_NAME_WORDS and any(_is_verb(t) for t in words)
    return len(words) > (MAX_DESCRIBED_NAME_WORDS if described else MAX_QUOTED_NAME_WORDS) or clause


def described_by_head(toks: list[Token], quote: int) -> bool:
    """A quote opening after a lowercase head of organizations: «общественной организации «...»»."""
    return quote > 0 and toks[quote - 1].text.islower() and (toks[quote - 1].lemma,) in org_heads()


def _post_after_place(tagged: Tagged, k: int, last: int) -> bool:
    """«Правительства Астраханской области | президента компании»: a lowercase post after a
    place names someone else; after a head it is the name's («Администрации губернатора»)."""
    toks = tagged.tokens
    if k == 0 or not toks[k].text.islower() or k not in tagged.place_ends:
        return False
    return match_post_head(toks, k, last) is not None


def _post_of_a_turn(toks: list[Token], k: int, last: int) -> bool:
    """«коллективу Тотемского музея | нового директора»: a post with a word of whose turn it is
    names someone else, no body of the name."""
    return toks[k].text.islower() and toks[k].lemma in words("not_the_post") and (
        match_post_head(toks, k + 1, last) is not None
    )


def _past_its_place(tagged: Tagged, k: int) -> bool:
    """A lowercase genitive after the place that ends a name belongs to the clause, not the name:
    «администрации Архангельской области | никаких комментариев», «силами Великобритании | военной
    деятельности», «Прокуратура ... района | нового руководителя»; unless its noun names a body the
    name belongs to («следственного управления», «службы ЗАГС»), more of the place («г. Томска»,
    «муниципального образования», «Ненецкого | автономного округа») or the convocation («восьмого
    созыва»)."""
    toks = tagged.tokens
    if k not in tagged.place_ends or not toks[k].text.islower() or case_of(toks[k]) != "Gen":
        return False
    head = k
    while head < len(toks) - 1 and toks[head].pos in ("ADJ", "DET") and toks[head + 1].text.islower():
        head += 1
    noun = toks[head]
    if noun.pos != "NOUN" or noun.text.lower() in TOWN_WORDS:
        return False
    lemma = (noun.lemma,)
    return not (
        org_heads().get(lemma) or unit_heads().get(lemma) or noun.lemma in territory_nouns()
        or noun.lemma in CONVOCATIONS or noun.lemma in PLACE_NOUNS
    )


# nouns of a municipality's or a settlement's name after a place that territory_nouns.txt leaves out:
# «муниципального образования», «поселка», «села»
PLACE_NOUNS = frozenset({"образование", "поселок", "посёлок", "село"})


def name_end(tagged: Tagged, first: int, last: int) -> int:
    """The end of a name found in tokens [first, last): before a date, a circumstance, a verb or
    a person's initials, or a genitive of the clause after its place; words in quotes are the
    name's own («Сила 2011»)."""
    toks = tagged.tokens
    k = first
    while k < last:
        closed = tagged.quote_closes.get(k)
        if closed is not None:
            if _quotation(toks[k + 1 : closed - 1], described_by_head(toks, k)):
                return k  # «в Государственную думу «не появляется ни на ... поле»»: a quotation follows
            k = min(closed, last)  # «Радиостанции «Говорит Москва»»: a quoted name is all the name's
            continue
        if (
            _starts_date(toks, k) or _starts_amount(toks, k) or _starts_count(toks, k)
            or _starts_circumstance(toks, k) or _is_verb(toks[k])
            or _starts_person(toks, k) or _starts_full_name(toks, k) or _heading_verb(tagged, k)
            or _post_after_place(tagged, k, last) or _post_of_a_turn(toks, k, last)
            or AGE_WORD.fullmatch(toks[k].text) is not None
            or starts_rank(toks, k) or _past_its_place(tagged, k)
        ):
            return k
        if k > 0 and (_object_after_name(toks[k - 1], toks[k]) or _subject_after_name(toks[k - 1], toks[k])):
            return k
        if k == first and _joined_to_a_bare_head(tagged, k):
            return k
        if k > 0 and (_post_joined(toks, k, last) or _body_joined(tagged, k, last)):
            return k
        if k > first and toks[k - 1].text[:1].isupper() and _starts_form_and_name(toks, k, last):
            # «подведомственное администрации города Нижнего Новгорода | МКУ «ЦОДД»»: after its place
            # (a unit before a form and a name is that organization's: «Служба по связям с общественностью
            # АО «СЗГА»»)
            return k
        if toks[k].text == "при" and not _holder_after(tagged, k + 1, last):
            return k  # «Фондом развития промышленности | при поддержке Минпромторга»
        if toks[k].text == "по" and first > 0 and _fieldless(toks[first - 1], placed=k > first):
            return k  # «заместитель главы администрации города Твери | по социальным вопросам»: the post's field
        k += 1
    return last


def _holder_after(tagged: Tagged, j: int, last: int) -> bool:
    """What a body is «при» is another body or a post holder: a name («при Президенте», «при
    Минобрнауки»), a post («при губернаторе области») or an organization's head («при
    администрации города»); «при поддержке», «при полном аншлаге» are circumstances."""
    toks = tagged.tokens
    while j < last and toks[j].text.islower() and toks[j].pos == "ADJ":
        j += 1
    if j >= last:
        return False
    if toks[j].text[:1].isupper() or toks[j].text in OPEN_QUOTES:
        return True
    return match_post_head(toks, j, last) is not None or (toks[j].lemma,) in org_heads()


def _post_joined(toks: list[Token], k: int, last: int) -> bool:
    """«правительства | и руководителей ведомств», «Пограничной службы ФСБ | и первого замдиректора
    ФСБ»: a post joined by «и» to a body is someone else beside it, not the name's (a name joins
    posts to posts: «Союз ректоров и ...»); so is the next post of one person's list after a comma
    («Председателя Правительства Омской области, | министра энергетики ...»)."""
    if toks[k].text not in ("и", ",") or toks[k - 1].pos not in ("NOUN", "PROPN") or _animate(toks[k - 1]):
        return False
    j = k + 1
    while j < last and toks[j].text.islower() and toks[j].pos in ("ADJ", "NUM"):
        j += 1  # «первого», «главного»
    return j < last and toks[j].text.islower() and _animate(toks[j]) and match_post_head(toks, j, last) is not None


def _starts_form_and_name(toks: list[Token], k: int, last: int) -> bool:
    """An abbreviated legal form and a quoted name begin another organization."""
    return k + 1 < last and toks[k + 1].text in OPEN_QUOTES and toks[k].text in legal_forms().kinds


def _body_joined(tagged: Tagged, k: int, last: int) -> bool:
    """«министерства сельского хозяйства Воронежской области | и администрации городского округа»:
    after its place, a public body's head in lowercase after «и» begins another body (a name joins
    fields: «Министерства образования и науки»)."""
    toks = tagged.tokens
    if toks[k].text != "и" or not any(s.type == "LOC" and s.last == k for s in tagged.spans):
        return False
    j = k + 1
    while j < last and toks[j].text.islower() and toks[j].pos == "ADJ":
        j += 1  # «и регионального министерства»
    found = org_heads().longest_at(toks, j, last) if j < last and toks[j].text.islower() else None
    return found is not None and found[1] == "authority"


def _animate(tok: Token) -> bool:
    return any("anim" in p.tag and "inan" not in p.tag for p in tok.parses if p.tag.POS == "NOUN")


def _joined_to_a_bare_head(tagged: Tagged, k: int) -> bool:
    """«из собрания Музея | и частной коллекции резчика»: «и» right after a name of one
    capitalized word joins another thing to it; a name's own «и» joins its dependents
    («Министерства образования и науки»)."""
    toks = tagged.tokens
    if toks[k].text != "и" or k == 0 or k + 1 >= len(toks) or not toks[k + 1].text.islower():
        return False
    head = toks[k - 1]
    capitalized = head.text[:1].isupper() and not head.text.isupper()
    return capitalized and head.pos in ("NOUN", "PROPN") and _alone(tagged, k - 1)


def _alone(tagged: Tagged, k: int) -> bool:
    """The word at k is a name of its own: the word before it is none of the name's, being in
    lowercase, punctuation, or a noun opening the sentence («Специалисты | Управления и ...»)."""
    before = tagged.tokens[k - 1] if k > 0 else None
    if before is None or not before.text[:1].isalnum() or before.text.islower():
        return True
    return tagged.sents[before.sent].first == k - 1 and before.pos == "NOUN" and not before.text.isupper()


# governing bodies that are named by their place, never by a field after it: a «по» group after
# their place is a deputy's field («заместитель председателя правительства области по социальным
# вопросам»); right after the head it may be a name («Администрация по контролю за продуктами»)
FIELDLESS_BODIES = frozenset({"правительство", "администрация", "мэрия", "дума"})
# a legislature named by its place's adjectives: a «по» group right after it is its committee's field
# («комитета Саратовской областной думы | по транспорту»)
FIELDLESS_LEGISLATURES = frozenset({"дума"})


def _fieldless(head: Token, placed: bool) -> bool:
    """A body whose «по» group is never its own: after its place (`placed`), or right after the
    head of a legislature its place's adjectives name."""
    return head.lemma in FIELDLESS_BODIES if placed else head.lemma in FIELDLESS_LEGISLATURES


def _object_after_name(before: Token, tok: Token) -> bool:
    """«выданных Уралинвестом | субъектам Федерации»: a common noun after a name, neither its
    genitive nor in its case, is the verb's, not the name's."""
    if not (before.text[:1].isupper() and before.pos in ("PROPN", "NOUN") and tok.text.islower() and tok.pos == "NOUN"):
        return False
    return tok.case not in (None, "Gen", "Nom") and tok.case != before.case


# the cases of a name's head that a noun in the nominative right after it never depends on
OBLIQUE_HEAD_CASES = frozenset({"Ins", "Dat", "Loc"})


def _subject_after_name(before: Token, tok: Token) -> bool:
    """«с Каменским индустриально-энергетическим колледжем | завод рассчитывает»: a noun that can
    only be in the nominative, after a head in an oblique case, is the clause's subject."""
    if not (tok.text.islower() and tok.pos == "NOUN" and tok.case == "Nom" and before.case in OBLIQUE_HEAD_CASES):
        return False
    return before.pos == "NOUN" and bool(tok.parses) and all(p.tag.case in ("nomn", "accs") for p in tok.parses)


def name_reach(tagged: Tagged, spans: NamedSpans, j: int, limit: int) -> int:
    """How far the dependents of a head ending at token j go as part of a name."""
    end = name_end(tagged, j, extend_dependents(tagged, spans, j, limit, preps=ORG_PREPS))
    field = _cut_field(tagged.tokens, j, end, limit)
    if field is not None:
        # «службы по экологическому, | технологическому и атомному надзору»: the reach stopped inside
        # a field's list of adjectives; read the field again from its «по»
        end = max(end, name_end(tagged, field, extend_dependents(tagged, spans, field, limit, preps=ORG_PREPS)))
    return _town_after_dash(tagged.tokens, _without_dangling_conjunct(tagged.tokens, j, end))


# the municipality nouns a town's name follows after a dash: «городского округа – город Волжский»
DASHED_MUNICIPALITY_NOUNS = frozenset({"округ", "образование"})
# the most capitalized words of that town's name: «город Нижний Новгород»
MAX_TOWN_WORDS = 3


def _town_after_dash(toks: list[Token], end: int) -> int:
    """«администрация городского округа – город Волжский»: the municipality's official name goes on
    after a dash with its town, which the reach stopped before."""
    if not (0 < end and end + 2 < len(toks) and toks[end].text in DASHES):
        return end
    if toks[end - 1].lemma not in DASHED_MUNICIPALITY_NOUNS or toks[end + 1].text.lower() != "город":
        return end
    k = end + 2
    while k < len(toks) and k < end + 2 + MAX_TOWN_WORDS and toks[k].text[:1].isupper() and toks[k].text.isalpha():
        k += 1
    return k if k > end + 2 else end


def _without_dangling_conjunct(toks: list[Token], j: int, end: int) -> int:
    """«Главным управлением МЧС России по Томской области | и областным государственным казенным
    учреждением»: a reach ending in lowercase adjectives after «и» stopped inside the next body's
    name; the name ends before the «и»."""
    k = end
    while k > j and toks[k - 1].text.islower() and toks[k - 1].pos == "ADJ":
        k -= 1
    if k < end and k > j and toks[k - 1].text == "и":
        return k - 1
    return end


def _cut_field(toks: list[Token], first: int, end: int, limit: int) -> int | None:
    """The «по» of a field that [first, end) stops inside of, on a lowercase adjective before a
    comma or «и»: a name never ends in one."""
    if end >= limit or end <= first or toks[end].text not in (",", "и"):
        return None
    last = toks[end - 1]
    if last.pos != "ADJ" or not last.text.islower():
        return None
    return next((k for k in range(end - 2, first - 1, -1) if toks[k].text == "по"), None)
