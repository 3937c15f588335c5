"""The organization word lists, loaded once per process: legal forms, head nouns, well-known
short names, and the words that mark events, things, units and report sources."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from extractor.lexicon import PhraseIndex, load_rows, load_words
from extractor.nlp.inflect import nominative_phrase
from extractor.nlp.morph import parses, phrase_lemmas
from extractor.nlp.tagging import PERSON_NAME_GRAMMEMES, Span, Tagged, Token

QUOTE_CHARS = '«»„“”"'


def _stem_pattern(phrase: str) -> str:
    """A regex for a phrase in any case: each word's stem followed by any ending."""
    parts = []
    for word in phrase.split():
        stem = word[:-2] if len(word) > 4 else word
        parts.append(re.escape(stem) + r"\w*")
    return r"\s+".join(parts)


@dataclass(frozen=True)
class LegalForms:
    kinds: dict[str, str]  # abbreviation («ООО», «госкорпорация») -> kind of organization
    abbreviation: re.Pattern[str]  # any abbreviation, as written in a text (group 1)
    any_spelled: re.Pattern[str]  # any spelled-out form («общества с ограниченной ответственностью»)
    spelled: list[tuple[re.Pattern[str], str]]  # each spelled-out form's own pattern -> abbreviation
    statuses: frozenset[str]  # forms that state a licence or trade («МФК», «УК»), not a legal form
    descriptors: frozenset[str]  # words that introduce a name as a form does, no legal form of the record
    spelled_out: dict[str, str]  # abbreviation -> its spelled-out form, lowercase («СПК» -> «сельскохозяйственный ...»)

    def words_of(self, form: str) -> str:
        """What a form spells, so that letters of the same words are one form: «МОО» and «МРОО» are
        «межрегиональная общественная организация»; a form with no spelled-out words is itself."""
        return self.spelled_out.get(form, form)

    def spelled_abbreviation(self, written: str) -> str | None:
        """The abbreviation of a spelled-out form found by `any_spelled`."""
        return next((a for p, a in self.spelled if p.match(written)), None)


@cache
def legal_forms() -> LegalForms:
    kinds: dict[str, str] = {}
    spelled: list[tuple[str, str]] = []
    written = load_rows("legal_forms.txt")
    known = {row[0] for row in written} | {row[1] for row in written if len(row) > 1}
    # the institutions' forms built from their parts add what the hand-made list lacks («КГАУК»)
    derived = [row for row in load_rows("institution_forms.txt") if row[0] not in known and row[1] not in known]
    for row in (*written, *derived):
        abbr = row[0]
        kinds[abbr] = row[2] if len(row) > 2 else "company"
        if len(row) > 1 and row[1]:
            spelled.append((row[1], abbr))
    for abbr in list(kinds):
        # a form of two abbreviations is also written fused: «МБУДО «Детская школа искусств № 3»»
        fused = abbr.replace(" ", "")
        if fused != abbr and fused.isupper():
            kinds.setdefault(fused, kinds[abbr])
    abbrs = sorted(kinds, key=len, reverse=True)
    # a form written in lowercase («госкорпорация») may open a sentence or a name with a capital
    alternatives = [f"(?i:{re.escape(a[0])}){re.escape(a[1:])}" if a.islower() else re.escape(a) for a in abbrs]
    abbr_re = re.compile(r"(?<![\w-])(" + "|".join(alternatives) + r")(?![\w-])")
    spelled.sort(key=lambda x: len(x[0]), reverse=True)
    patterns = [(re.compile(_stem_pattern(s) + "$", re.IGNORECASE), a) for s, a in spelled]
    # one pass over the text finds every spelled-out form (longest first); which one it was
    # is then told on the short match alone
    any_spelled = re.compile(r"(?<!\w)(?:" + "|".join(_stem_pattern(s) for s, _ in spelled) + ")", re.IGNORECASE)
    statuses = frozenset(row[0] for row in written if row[3:] == ("status",))
    descriptors = frozenset(row[0] for row in written if row[3:] == ("descriptor",))
    spelled_out: dict[str, str] = {}
    for form, abbr in reversed(spelled):  # the longest spelled-out form of an abbreviation wins
        spelled_out[abbr] = form.lower()
    return LegalForms(kinds, abbr_re, any_spelled, patterns, statuses, descriptors, spelled_out)


def form_of(written: str) -> str:
    """The legal form as listed: «Госкорпорация» -> «госкорпорация», «ООО» stays."""
    return written if written in legal_forms().kinds else written.lower()


@cache
def form_lemmas(form: str | None) -> frozenset[str]:
    """The lemmas of a legal form spelled out: «АО» -> {«акционерный», «общество»}; what a post's
    «генеральный директор общества» may name its company by."""
    spelled = legal_forms().spelled_out.get(form or "")
    return frozenset(phrase_lemmas(spelled)) if spelled else frozenset()


@cache
def org_heads() -> PhraseIndex[str]:
    """Head-noun lemmas («правительство», «группа компаний») -> kind."""
    return PhraseIndex((phrase_lemmas(row[0]), row[1]) for row in load_rows("org_heads.txt") if len(row) > 1)


# the shortest head a compound may end with: «гордума», «госуниверситет», «медколледж»
MIN_COMPOUND_HEAD = 4


@cache
def _compound_endings() -> tuple[tuple[str, str], ...]:
    heads = org_heads()
    return tuple((h, kind) for h in heads.firsts if len(h) >= MIN_COMPOUND_HEAD and (kind := heads.get((h,))))


# the vowels that join a compound's stem to its head: «агр|о|комбинат», «птиц|е|фабрика», «меди|а|холдинг»
LINKING_VOWELS = "оеа"
MIN_JOINED_STEM = 3


@cache
def compound_head_kind(lemma: str, joined: bool = False) -> str | None:
    """The kind of the organization head a compound ends with: «госуниверситет» -> other,
    «агрокомбинат» -> company; None for a head itself or any other word. `joined` takes only a
    stem of three letters or more closed by a linking vowel before the head («агро|комбинат»), so
    that «транспорт», «сотрудник», «спорт» are no compounds of «порт», «рудник»."""
    for head, kind in _compound_endings():
        stem = lemma[: -len(head)]
        if not stem or not lemma.endswith(head):
            continue
        if not joined or len(stem) >= MIN_JOINED_STEM and stem[-1] in LINKING_VOWELS:
            return kind
    return None


@cache
def plural_heads() -> PhraseIndex[bool]:
    """Heads written in the plural in org_heads.txt («вооруженные силы», «войска»): names that
    stand in the plural by themselves, unlike «министерства» said of many ministries."""
    return PhraseIndex(
        (phrase_lemmas(row[0]), True) for row in load_rows("org_heads.txt")
        if len(row) > 1 and all(_only_plural_nominative(word) for word in row[0].split())
    )


def _only_plural_nominative(word: str) -> bool:
    found = parses(word)
    nominative = [p for p in found if p.tag.case == "nomn"]
    return bool(nominative) and all(p.tag.number == "plur" for p in nominative)


@cache
def lowercase_heads() -> frozenset[tuple[str, ...]]:
    """Heads that name an organization in lowercase too: «министерство финансов»."""
    return frozenset(phrase_lemmas(r[0]) for r in load_rows("org_heads.txt") if r[2:] == ("lowercase",))


@cache
def country_named_heads() -> frozenset[tuple[str, ...]]:
    """Heads named by the place after them, in lowercase too: «сборной России по хоккею»."""
    return frozenset(phrase_lemmas(r[0]) for r in load_rows("org_heads.txt") if r[2:] == ("country",))


@cache
def quoted_only_heads() -> frozenset[tuple[str, ...]]:
    """Heads that name an organization only before a quoted name: «портал «Двина-Медиа»»."""
    return frozenset(phrase_lemmas(r[0]) for r in load_rows("org_heads.txt") if r[2:] == ("quoted",))


@cache
def branch_heads() -> frozenset[tuple[str, ...]]:
    """Heads of a branch, which is of the kind of the body named after it: «Отделение Социального
    фонда России по ...», «Представительство МИД России в ...»."""
    return frozenset(phrase_lemmas(r[0]) for r in load_rows("org_heads.txt") if r[2:] == ("branch",))


@cache
def known_name_kinds() -> PhraseIndex[str]:
    """The lemmas of the lexicon's short and full names -> kind: «Социального фонда России», «СФР»."""
    names = [(short, kind) for short, (_full, kind) in known_abbrevs().items()]
    names += [(full, kind) for full, kind in known_abbrevs().values()]
    return PhraseIndex((phrase_lemmas(name), kind) for name, kind in names)


@cache
def known_abbrevs() -> dict[str, tuple[str, str]]:
    """Well-known short names, lowercase -> (full name, kind)."""
    out = {}
    for row in load_rows("org_abbrevs.txt"):
        if len(row) >= 3:
            out[row[0].lower()] = (row[1], row[2])
    return out


@cache
def not_org_names() -> frozenset[str]:
    return frozenset(plain(w) for w in load_words("not_orgs.txt"))


@cache
def platforms() -> frozenset[str]:
    """Social networks one writes in: «написал в Twitter» (platforms.txt)."""
    return frozenset(load_words("platforms.txt"))


@cache
def object_heads() -> frozenset[str]:
    return frozenset(load_words("object_heads.txt"))


@cache
def time_nouns() -> frozenset[str]:
    """«в течение двух лет «Майкрософт» ...»: a time noun before a name is no event of it."""
    return frozenset(load_words("time_nouns.txt"))


@cache
def not_org_heads() -> frozenset[str]:
    return event_heads() | object_heads()


@cache
def event_heads() -> frozenset[str]:
    return frozenset(load_words("event_heads.txt"))


@cache
def unit_heads() -> PhraseIndex[bool]:
    return PhraseIndex((phrase_lemmas(w), True) for w in load_words("unit_heads.txt"))


@cache
def bare_heads() -> PhraseIndex[bool]:
    """Heads that name an organization in lowercase and alone: «правительство», «полиция»."""
    return PhraseIndex((phrase_lemmas(w), True) for w in load_words("org_bare_heads.txt"))


@cache
def org_organs() -> PhraseIndex[bool]:
    """Governing and speaking bodies of an organization: «правление», «совет директоров»."""
    return PhraseIndex((phrase_lemmas(w), True) for w in load_words("org_organs.txt"))


def plain(s: str) -> str:
    s = s.lower().replace("ё", "е")
    for q in QUOTE_CHARS:
        s = s.replace(q, " ")
    return " ".join(s.replace(".", " ").split())


@cache
def abbrev_spellings() -> dict[str, str]:
    """Well-known abbreviations as written («УрФУ», «СПбГУ») -> kind."""
    return {row[0]: row[2] for row in load_rows("org_abbrevs.txt") if len(row) >= 3 and " " not in row[0]}


@cache
def one_word_names() -> dict[str, str]:
    """Well-known one-word names with one capital («Минфин», «Евросоюз», «Интерпол»), by lemma,
    so that their case forms count too («Минфина», «Евросоюзом»)."""
    out = {}
    for spelling in abbrev_spellings():
        if spelling[:1].isupper() and spelling[1:].islower() and spelling.isalpha():
            out.setdefault(phrase_lemmas(spelling)[0], spelling)
    return out


@cache
def known_full_names() -> dict[str, str]:
    return {plain(full): kind for full, kind in known_abbrevs().values()}


@cache
def territorial_heads() -> frozenset[tuple[str, ...]]:
    """Heads that name a body in lowercase with a territory noun: «правительство края»."""
    return frozenset(phrase_lemmas(r[0]) for r in load_rows("org_heads.txt") if r[2:] == ("territory",))


@cache
def territory_nouns() -> frozenset[str]:
    """«край», «город», «страна»: after an authority head, the territory it governs."""
    return frozenset(load_words("territory_nouns.txt"))


@cache
def month_lemmas() -> frozenset[str]:
    """«январь» ... «декабрь»: a day and a month end a name («Советом Федерации 28 июня»)."""
    return frozenset(row[1].split()[0] for row in load_rows("months.txt"))


@cache
def circumstance_words() -> frozenset[str]:
    """Words that after «по» make a circumstance («по поводу», «по делу»), as written."""
    return frozenset(load_words("circumstance_words.txt"))


@cache
def report_verbs() -> frozenset[str]:
    return frozenset(load_words("report_verbs.txt"))


def one_word_spelling(words: Sequence[Token]) -> str | None:
    """The lexicon spelling of a one-word well-known name in any case («Евросоюза» -> «Евросоюз»)."""
    return one_word_names().get(words[0].lemma) if len(words) == 1 else None


# readings that make a word a person's or a place's name
NAME_OR_PLACE_GRAMMEMES = PERSON_NAME_GRAMMEMES | {"Geox"}


def known_body_word(tok: Token) -> bool:
    """A body's well-known one-word name in any case that the dictionary reads as no person's or
    place's name, whatever the model tagged it: «в Росаккредитации»."""
    readings = (p.tag.grammemes for p in tok.parses)
    return one_word_spelling([tok]) is not None and not any(NAME_OR_PLACE_GRAMMEMES & g for g in readings)


def known_org_kind(tagged: Tagged, span: Span) -> str | None:
    """A LOC span that names a known organization («ЕС», «Европейского союза», «ООН»): its kind.
    Only names of the organization lexicon count: «Сколково» or «СНГ» stay places. A seat of power
    counts where it is no place («Белый дом заявил», not «встреча в Белом доме»)."""
    if span.text.isupper():
        known = known_abbrevs().get(plain(span.text))
        return known[1] if known else None
    words = tagged.tokens[span.first : span.last]
    spelling = one_word_spelling(words)
    if spelling:  # «Евросоюза»
        return known_abbrevs()[spelling.lower()][1]
    name = plain(nominative_phrase(words, tagged.text))
    seat = seats_of_power().get(name)
    if seat and not _placed(tagged, span):
        return seat
    return known_full_names().get(name)


@cache
def seats_of_power() -> dict[str, str]:
    """«Белый дом»: buildings that stand for the body in them (seats_of_power.txt)."""
    return {plain(name): kind for name, kind in load_rows("seats_of_power.txt")}


# prepositions of place: «в Белом доме», «у Белого дома», «перед Белым домом»; «в» counts with the
# locative only («вернуться в Белый дом» may be to the body)
PLACE_PREPOSITIONS = frozenset({"у", "возле", "около", "напротив", "близ", "рядом", "перед", "пред"})
IN_PREPOSITIONS = frozenset({"в", "во", "на"})


def _placed(tagged: Tagged, span: Span) -> bool:
    """The span is a place after a preposition of place: «в Белом доме», «у Белого дома»."""
    if span.first == 0:
        return False
    before = tagged.tokens[span.first - 1].text.lower()
    head = tagged.tokens[span.last - 1]
    return before in PLACE_PREPOSITIONS or before in IN_PREPOSITIONS and head.feats.get("Case") == "Loc"
