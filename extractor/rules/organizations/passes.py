"""Passes over the mentions chosen in a document: territorial bodies joined into one name, short
names found again elsewhere, bracketed short names, and the parent named inside a name."""

from __future__ import annotations

import bisect
import re
from dataclasses import replace

from extractor.lexicon.facts import words
from extractor.lexicon.orgs import QUOTE_CHARS, form_of, legal_forms, not_org_names, org_heads, plain, territory_nouns
from extractor.nlp.coverage import Coverage
from extractor.nlp.inflect import head_index, nominative_phrase
from extractor.nlp.morph import parses, phrase_lemmas
from extractor.nlp.phrases import HEREAFTER_LEAD, OPEN_QUOTES, NamedSpans
from extractor.nlp.tagging import Tagged, is_place_word
from extractor.rules.organizations.extent import name_reach
from extractor.rules.organizations.filters import is_common_word, is_generic, name_tokens
from extractor.rules.organizations.names import (
    CAPITALIZED_WORD,
    PAREN_ABBR,
    OrgMention,
    acronym,
    head_again_in_brackets,
    is_leading_short_form,
    known_short_name,
    short_name_of_the_name_before,
    spells,
    tidy,
)

# «ГУ МЧС России по Санкт-Петербургу», «УФНС России по Тульской области»: a territorial body
# «УФНС России по ...», «Межрайонная ИФНС России № 7 по ...»
BRANCH_TAIL = re.compile(r"\s+(?:(?:России|РФ)\s+)?(?:№\s*\d{1,3}\s+)?по\s+(?:г\.\s*)?")


AND = re.compile(r"\s+и\s+")


UNIT_ABBR = re.compile(r"[А-ЯЁ]{2,5}")


def territorial_branches(tagged: Tagged, chosen: list[OrgMention]) -> list[OrgMention]:
    """A federal body with «по» and a region after it is its territorial body, one name: «ГУ
    МЧС России по Санкт-Петербургу и Ленинградской области», «УФНС России по Тульской области».
    A short abbreviation just before it («ГУ», «УМВД») belongs to the name."""
    text = tagged.text
    locs = {s.start: s.end for s in tagged.spans if s.type == "LOC"}
    out: list[OrgMention] = []
    for m in sorted(chosen, key=lambda x: x.start):
        tail = BRANCH_TAIL.match(text, m.end)
        if tail is None or tail.end() not in locs:
            out.append(m)
            continue
        end = locs[tail.end()]
        more = AND.match(text, end)
        while more and more.end() in locs:
            end = locs[more.end()]
            more = AND.match(text, end)
        start, prefix = m.start, ""
        i = tagged.token_at(m.start)
        before = tagged.tokens[i - 1] if i else None
        if before is not None and before.end + 1 == m.start and UNIT_ABBR.fullmatch(before.text):
            start, prefix = before.start, before.text + " "
            out = [x for x in out if x.end <= start]
        name = tidy(prefix + m.name + text[m.end : end])
        out.append(replace(m, start=start, end=end, name=name, kind=m.kind or "authority"))
    return out


# the dash between a body's Russian name and its own one: «Государственное Собрание — Курултай»
NAME_DASH = re.compile(r"[ \u00a0]+[—–][ \u00a0]+")


def double_names(tagged: Tagged, chosen: list[OrgMention]) -> list[OrgMention]:
    """A republic's body named twice, in Russian and in its own language, a dash between them, is
    one body: «Государственного Собрания — Курултая Республики Башкортостан», «Государственный
    Совет – Хасэ Республики Адыгея». The second name agrees in case with the first, which is an
    authority; its own name alone («Курултай») is an alias."""
    ordered = sorted(chosen, key=lambda x: x.start)
    out: list[OrgMention] = []
    for m in ordered:
        before = out[-1] if out else None
        dash = NAME_DASH.match(tagged.text, before.end) if before is not None else None
        if before is not None and dash is not None and dash.end() == m.start and _body_named_twice(tagged, before, m):
            out[-1] = _unit_of_a_body_named_twice(tagged, before, m)
            continue
        if before is None or dash is None or dash.end() != m.start or not _second_name(tagged, before, m):
            out.append(m)
            continue
        own = m.name.split()[0]
        name = f"{before.name}{tagged.text[dash.start() : dash.end()]}{m.name}"
        out[-1] = replace(before, end=m.end, name=name, alias=before.alias or own, parent=None)
    return out


def _body_named_twice(tagged: Tagged, unit: OrgMention, second: OrgMention) -> bool:
    """«Комитет Государственного Собрания — Курултая Республики Башкортостан»: a unit's name ends
    in its body's Russian head, and the body's own name after the dash is in that head's case."""
    if unit.legal_form or second.legal_form or len(second.name.split()) < 2:
        return False
    i, k, j = tagged.token_at(unit.start), tagged.token_ending(unit.end), tagged.token_at(second.start)
    if i is None or k is None or j is None or k <= i:
        return False
    body, own = tagged.tokens[k], tagged.tokens[j]
    heads = ((body.lemma,), (tagged.tokens[k - 1].lemma, body.lemma))  # «Собрания», «Государственного Собрания»
    if not body.text[:1].isupper() or not any(h in org_heads() for h in heads) or not own.text[:1].isupper():
        return False
    head = head_index(tagged.tokens[i : k + 1])
    return head is not None and i + head < k and own.pos in ("NOUN", "PROPN") and (
        body.feats.get("Case") is not None and own.feats.get("Case") == body.feats.get("Case")
    )


def _unit_of_a_body_named_twice(tagged: Tagged, unit: OrgMention, second: OrgMention) -> OrgMention:
    """The unit's name through the body's second name and the unit's field after it: «комитет
    Государственного Собрания — Курултая Республики Башкортостан по аграрной политике ...»."""
    text = tagged.text
    end = second.end
    k = tagged.token_ending(second.end)
    toks = tagged.tokens
    if k is not None and k + 1 < len(toks) and toks[k + 1].text == "по":
        reach = name_reach(tagged, NamedSpans(tagged), k + 1, tagged.sents[toks[k].sent].last)
        end = max(end, toks[reach - 1].end)
    name = unit.name + text[unit.end : second.start] + text[second.start : end]
    parent = _body_named_twice_in_nominative(tagged, unit, second)
    return replace(unit, end=end, name=tidy(name), kind=unit.kind or "authority", parent=parent)


def _body_named_twice_in_nominative(tagged: Tagged, unit: OrgMention, second: OrgMention) -> OrgMention | None:
    """The body a unit named through its two names belongs to: «Государственное Собрание — Курултай
    Республики Башкортостан» of «Комитет Государственного Собрания — Курултая ... по ...»."""
    toks, text = tagged.tokens, tagged.text
    i, k = tagged.token_at(unit.start), tagged.token_ending(unit.end)
    j, n = tagged.token_at(second.start), tagged.token_ending(second.end)
    if i is None or k is None or j is None or n is None:
        return None
    body = toks[i + (head_index(toks[i : k + 1]) or 0) + 1 : k + 1]
    named = toks[j : n + 1]
    field = next((x for x, t in enumerate(named) if t.text == "по"), len(named))  # the committee's, not the body's
    dash = text[unit.end : second.start]
    own = tidy(nominative_phrase(body, text)) + dash + tidy(nominative_phrase(named[:field], text))
    return OrgMention(body[0].start, named[field - 1].end, own, None, "authority")


def _second_name(tagged: Tagged, first: OrgMention, second: OrgMention) -> bool:
    """«Курултая Республики Башкортостан» after «Государственного Собрания —»: a capitalized
    name and its republic, no legal form, in the case of the authority's head; not after a unit
    of the body («Комитет Государственного Собрания — Курултая»), whose head has another case."""
    if first.kind != "authority" or second.legal_form or first.legal_form:
        return False
    # both are names, the second with its republic: not «выборы в парламент страны — Кнессет»
    if not tagged.text[first.start].isupper() or len(second.name.split()) < 2:
        return False
    i, k, j = tagged.token_at(first.start), tagged.token_ending(first.end), tagged.token_at(second.start)
    if i is None or k is None or j is None:
        return False
    head = head_index(tagged.tokens[i : k + 1])
    own = tagged.tokens[j]
    case = tagged.tokens[i + head].feats.get("Case") if head is not None else None
    named = own.text[:1].isupper() and own.pos in ("NOUN", "PROPN")
    return named and case is not None and own.feats.get("Case") == case


def repeated_mentions(tagged: Tagged, chosen: list[OrgMention]) -> list[OrgMention]:
    """Every other place a short organization name found once is written again, in any case:
    «компания «Майкрософт»» ... «Майкрософт» представил ...; «Интерпол» ... «Интерполу». A name
    that is a common word («Центр», «Яблоко») counts again only in quotes, and words the model
    tagged as a person or a place stay theirs."""
    toks = tagged.tokens
    names: dict[tuple[str, ...], tuple[OrgMention, bool]] = {}
    for m in chosen:
        if is_generic(m) or plain(m.name) in not_org_names():
            continue
        found = name_tokens(tagged, m)
        if found is None:
            continue
        words, quoted = found
        key = tuple(t.lemma for t in words)
        needs_quotes = quoted and any(is_common_word(t) for t in words)
        if key not in names or not needs_quotes:
            names[key] = (m, needs_quotes)
    if not names:
        return []
    taken = Coverage(len(tagged.text), [(m.start, m.end) for m in chosen])
    for s in tagged.spans:
        if s.type != "ORG":
            taken.add(s.start, s.end)
    at_lemma: dict[str, list[int]] = {}
    for i, tok in enumerate(toks):
        at_lemma.setdefault(tok.lemma, []).append(i)
    out = []
    for key, (m, needs_quotes) in names.items():
        n = len(key)
        for i in at_lemma.get(key[0], []):
            if not toks[i].text[:1].isupper() and not toks[i].text[:1].isdigit():
                continue
            if tuple(t.lemma for t in toks[i : i + n]) != key:
                continue
            first, last = i, i + n
            in_quotes = first > 0 and toks[first - 1].text in OPEN_QUOTES
            if in_quotes and last < len(toks) and toks[last].text in QUOTE_CHARS:
                first, last = first - 1, last + 1
            elif needs_quotes:
                continue
            start, end = toks[first].start, toks[last - 1].end
            if taken.overlaps(start, end):
                continue
            taken.add(start, end)
            out.append(OrgMention(start, end, m.name, m.legal_form, m.kind, m.alias, kind_guessed=m.kind_guessed))
    return out


# the first words of a name tell its head noun: «Правительство ...», «Экспертный совет по ...»
HEAD_WORDS = 3
# back-references to a company by what it is («Компания», «Группа», «Общество», «Холдинг»)
COMPANY_REFERENCES = frozenset({"компания", "группа", "общество", "холдинг", "корпорация"})
# a bare head said of a body named with another head: a government named «Кабинет Министров»
# (Татарстан, Адыгея, Чувашия, Украина) is «правительство» when spoken of again; «региональный
# парламент» is the region's «Дума», «Законодательное Собрание», «Курултай», «Хурал»
HEAD_SYNONYMS = {
    "правительство": ("кабинет",), "парламент": ("дума", "собрание", "курултай", "хурал"),
}


# the short names a text gives an organization in brackets, a list maybe: «(далее — Общество)»,
# «(далее — «ВТП», Оператор)»
HEREAFTER_NAMES = re.compile(rf"\(\s*[^()]*?{HEREAFTER_LEAD}(?P<names>[^()]{{1,80}})\)")
# a capitalized common word, maybe with lowercase words after it: «Оператор», «Издательский дом»,
# «Управляющая компания»
DECLARED_WORD = re.compile(
    r"(?:^|[\s,«\"])(?P<word>[А-ЯЁ][а-яё]{2,}(?:\s+[а-яё]{2,}){0,2})(?=[»\"]?\s*(?:,|;|и\s|$))"
)


# a comma and a lowercase word after it: the brackets go on with a clause, not with another name
CLAUSE_IN_BRACKETS = re.compile(r"[,;]\s*(?=[а-яё])")


def declared_short_names(text: str) -> dict[str, int]:
    """The common words a text declares as an organization's short name for the rest of it («(далее
    — Общество)», «(далее — «ВТП», Оператор)»), by lemma, with where the declaration opens: said
    again, they refer to the organization named before it."""
    out: dict[str, int] = {}
    for m in HEREAFTER_NAMES.finditer(text):
        # the names end where a clause goes on in the brackets: «(далее — КМСК, входит в группу
        # «Уралминерал»)» declares no «Уралминерал»
        names = CLAUSE_IN_BRACKETS.split(m.group("names"), maxsplit=1)[0]
        for w in DECLARED_WORD.finditer(names):
            key = declared_key(w.group("word"))
            if key:
                out.setdefault(key, m.start())
    return out


def declared_key(name: str) -> str:
    """How a declared short name is looked up: its words' lemmas («Издательского дома» ->
    «издательский дом»)."""
    return " ".join(phrase_lemmas(plain(name)))


def generic_references(
    text: str,
    chosen: list[OrgMention],
    generic: list[OrgMention],
    exchanges: frozenset[tuple[int, int]] = frozenset(),
    declared: dict[str, int] | None = None,
) -> list[OrgMention]:
    """A head noun alone stands for the organization of that head named last before it:
    «Комитет Государственной Думы по промышленности ...» ... «Комитет поддержал ...»;
    «Компания», «Группа» for the company named last; a short name the text declared («(далее —
    Оператор)») for the organization it was declared for. The reference is a mention of that
    organization; one with nothing named before it is left out."""
    declared = declared or {}
    taken = Coverage(len(text), [(m.start, m.end) for m in chosen])
    refs = sorted((m for m in generic if not taken.overlaps(m.start, m.end)), key=lambda m: m.start)
    if not refs:
        return []
    named = sorted(chosen, key=lambda m: m.start)
    last_by_head: dict[str, OrgMention] = {}
    first_by_head: dict[str, OrgMention] = {}
    last_company: OrgMention | None = None
    out, k = [], 0
    for ref in refs:
        while k < len(named) and named[k].end <= ref.start:
            m = named[k]
            # the head it is named with counts too: «банка «Волжский кредит»» ... «Банк»
            written = plain(text[m.start : m.end])
            for lemma in phrase_lemmas(plain(m.name))[:HEAD_WORDS] + phrase_lemmas(written)[:1]:
                last_by_head[lemma] = m
                first_by_head.setdefault(lemma, m)
            if m.parent is not None:  # «Комитет Государственного Собрания — Курултая ...» ... «Курултая»
                for lemma in [w for w in phrase_lemmas(plain(m.parent.name)) if w[:1].isalpha()][:HEAD_WORDS]:
                    last_by_head[lemma] = m.parent
            if m.kind == "company" and (m.start, m.end) not in exchanges:  # «(MOEX: TKLG, далее — «Компания»)»
                last_company = m
            k += 1
        head = phrase_lemmas(plain(ref.name))[0]
        key = declared_key(ref.name)
        principal = first_by_head.get(head) if head not in COMPANY_REFERENCES else None
        if principal is not None and principal.kind == "company" and _defined_term(text, ref):
            # «Председателем Правления Банка», «работает в Банке»: a capitalized head inside a sentence
            # is the release's own term for the first company of that head, whatever came between
            # («согласование Банка России»); «Компания», «Корпорация» say only what it is: the last one
            out.append(OrgMention(ref.start, ref.end, principal.name, None, principal.kind))
            continue
        if key in declared and declared[key] < ref.end:
            at = declared[key]
            owner = [m for m in named if m.end <= at]
            if owner:
                # a short name of words of its own is an alias: «(далее — Лангепасская больница)»
                alias = ref.name if " " in key else None
                out.append(OrgMention(ref.start, ref.end, owner[-1].name, None, owner[-1].kind, alias))
                continue
        antecedent = (
            last_by_head.get(head)
            or next((last_by_head[h] for h in HEAD_SYNONYMS.get(head, ()) if h in last_by_head), None)
            or (last_company if head in COMPANY_REFERENCES else None)
        )
        if antecedent is not None:
            out.append(OrgMention(ref.start, ref.end, antecedent.name, None, antecedent.kind))
    return out


# what may stand right before a word that opens a sentence: an end mark, a quote, a dash, a line break
SENTENCE_OPENERS = re.compile(r"(?:[.!?…]\s*[«\"„“(—–-]?\s*|\n\s*|\A\s*)\Z")


def _defined_term(text: str, ref: OrgMention) -> bool:
    """A head noun capitalized inside a sentence: a release's own term for its organization."""
    return text[ref.start : ref.start + 1].isupper() and not SENTENCE_OPENERS.search(text, 0, ref.start)


def territory_references(chosen: list[OrgMention]) -> list[OrgMention]:
    """«администрация региона», «правительство области»: a body named by its head and a common
    noun of its territory is the body of that head the text names by its place («Администрация
    Костромской области»), the last one before it, else the first after; one the text does not
    name stays as it is."""
    named = sorted(chosen, key=lambda m: m.start)
    lemmas_of = {id(m): phrase_lemmas(plain(m.name)) for m in chosen}
    out = []
    for m in chosen:
        lemmas = lemmas_of[id(m)]
        head = lemmas[:-1]
        if len(lemmas) < 2 or lemmas[-1] not in territory_nouns() or not _has_a_noun(head):
            # «ИА «Вятский край»»: a place's adjective and a territory noun name no body
            out.append(m)
            continue
        same = [x for x in named if x is not m and lemmas_of[id(x)][: len(head)] == head
                and len(lemmas_of[id(x)]) > len(lemmas)]
        before = [x for x in same if x.start < m.start]
        antecedent = before[-1] if before else (same[0] if same else None)
        out.append(m if antecedent is None else replace(m, name=antecedent.name, kind=antecedent.kind))
    return out


def _has_a_noun(lemmas: tuple[str, ...] | list[str]) -> bool:
    """A noun among the lemmas, by each one's likeliest reading («приморский» is an adjective)."""
    return any((found := parses(lemma)) and found[0].tag.POS == "NOUN" for lemma in lemmas)


def with_parents(text: str, chosen: list[OrgMention], candidates: list[OrgMention]) -> list[OrgMention]:
    """Each chosen mention with its parent among all the candidate mentions (`with_parent`)."""
    by_start = sorted(candidates, key=lambda x: x.start)
    starts = [x.start for x in by_start]
    out = []
    for m in chosen:
        inside = by_start[bisect.bisect_right(starts, m.start) : bisect.bisect_left(starts, m.end)]
        out.append(with_parent(text, m, inside))
    return out


# the dashes a body's two names may be written with
ANY_DASH = re.compile(r"\s*[—–-]\s*")


def _own_short_name(short: str, name: str) -> bool:
    """«Хасэ» inside «Государственный Совет – Хасэ Республики Адыгея»: the lexicon's short name of
    the very body named, no parent of it."""
    known = known_short_name(short)
    return known is not None and ANY_DASH.sub("—", plain(known[0])) == ANY_DASH.sub("—", plain(name))


def with_parent(text: str, m: OrgMention, inside: list[OrgMention]) -> OrgMention:
    """An organization named inside another's name is its parent: «Отдел информации ...
    Правительства Пензенской области», «Центр азербайджановедения УФУ». A name inside the
    quotes of a name is part of it («Инжиниринговый центр «Верхняя Сура»»)."""
    inner = [
        x
        for x in inside
        if m.start < x.start
        and x.end <= m.end
        and x.legal_form is None
        and x.name != m.name
        and not _own_short_name(x.name, m.name)
        and not is_generic(x)
        and text[m.start : x.start].count("«") <= text[m.start : x.start].count("»")
    ]
    if not inner:
        return m
    if m.parent is not None:
        return m  # set where the name was made: «Комитет Государственного Собрания — Курултая ...»
    parent = max(inner, key=lambda x: (x.end - x.start, -x.start))
    if bracketed := PAREN_ABBR.match(parent.name):  # «Уральское отделение РАН (ИФМ УрО РАН»: the child's short name
        parent = replace(parent, name=bracketed.group(1))
    return replace(m, parent=parent)


# spaces between a legal form and the name after it: «АО ОДК», «ПАО Сбербанк»
MAX_FORM_GAP = 2
# the longest legal form as written: «ФГБОУ ВПО», «МКПАО»
MAX_FORM_WORD = 12


def with_legal_form_before(text: str, m: OrgMention) -> OrgMention:
    """A legal form written right before a name without quotes is its form: «АО ОДК», «ПАО
    Сбербанк» (the model often leaves the form out of its span)."""
    if m.legal_form is not None:
        return m
    before = text[max(0, m.start - MAX_FORM_GAP - 1) : m.start]
    gap = len(before) - len(before.rstrip(" \u00a0"))
    if not 1 <= gap <= MAX_FORM_GAP:
        return m
    forms = legal_forms()
    found = None
    for form in forms.abbreviation.finditer(text, max(0, m.start - gap - MAX_FORM_WORD), m.start - gap):
        if form.end() == m.start - gap:
            found = form
    if found is None:
        return m
    abbr = form_of(found.group(1))
    return replace(m, start=found.start(), legal_form=abbr, kind=forms.kinds.get(abbr, m.kind))


# a territory's noun in the genitive or locative after a short name
TERRITORY_WORD = r"(?:област(?:и|ь)|кра(?:я|е|й|ю)|республик(?:и|е)|округ(?:а|е|у)?|район(?:а|е|у)?|город(?:а|е|у)?)\b"
# the place a short name's office is for: «по Краснодарскому краю», «по Республике Татарстан», «по Удмуртии»
_CAP = rf"{CAPITALIZED_WORD}[а-яё]"
OFFICE_PLACE = (
    rf"(?:{_CAP}(?:\s+[а-яё\-]+)?\s+{TERRITORY_WORD}|(?:Республик[еи]|Кра[юе]|Област[иь])\s+{_CAP}(?:\s+{_CAP})?"
    rf"|{_CAP})"
)
# a short name, or a Latin name of a few words, in brackets: «(Росмолодежь)», «(Volkswagen)»,
# «(Committee to Protect Journalists)», an abbreviation of a few words: «(ИХТТ УрО РАН)»
BRACKETED = re.compile(
    r"\s*\(\s*([А-ЯЁA-Z][\w.\-]{1,24}|[A-Z][\w.\-&']*(?:\s+[\w.\-&']+){1,7}|[А-ЯЁ][А-ЯЁа-яё]{0,6}[А-ЯЁ](?:\s+[А-ЯЁ][А-ЯЁа-яё]{0,6}[А-ЯЁ]){1,3}"
    # a short name with its territory: «(ТФОМС Курской области)», «(ОСФР по Омской области)»,
    # «(ОСФР по Республике Татарстан)», «(ГУФССП России по Краснодарскому краю)», «(УФНС по Удмуртии)»
    rf"|[А-ЯЁ]{{2,10}}(?:\s+{_CAP}){{1,2}}\s+{TERRITORY_WORD}"
    # ... and a unit's short name before its office's: «(УВМ ГУ МВД России по Челябинской области)»
    rf"|[А-ЯЁ]{{2,10}}(?:\s+[А-ЯЁ]{{2,6}}){{0,2}}(?:\s+(?:России|РФ))?\s+(?:по|в)\s+{OFFICE_PLACE})\s*\)"
)


# a short word and its place in the genitive, in brackets: «(Инвестагентство Приморья)», «(Корпорация
# развития Дагестана)» is no place of its own but the body's short name
SHORT_WITH_PLACE = re.compile(r"\s*\(\s*([А-ЯЁ][а-яё\-]{3,24}(?:\s+[а-яё]{3,24})?\s+([А-ЯЁ][а-яё\-]{2,24}))\s*\)")


def _short_name_of_a_place(text: str, end: int) -> re.Match[str] | None:
    """Brackets at `end` holding a short word that is no place and a place in the genitive."""
    found = SHORT_WITH_PLACE.match(text, end)
    if found is None or is_place_word(found.group(1).split()[0]):
        return None
    place = any("Geox" in p.tag and "gent" in p.tag for p in parses(found.group(2).lower()))
    return found if place else None


# a short name the text gives for the rest of it, maybe after the legal form: «(далее – МФЦ)»,
# «(далее – КГКУ «УКС»)» (a name in brackets without «далее» is a mention of its own)
HEREAFTER = re.compile(
    rf"\s*\(\s*{HEREAFTER_LEAD}(?:(?P<form>[А-ЯЁ]{{2,6}})\s+(?=[«\"]))?[«\"]?(?P<short>[А-ЯЁA-Z][А-ЯЁA-Z\-]{{1,11}})[»\"]?"
    # a list of short names: «(далее — НЗМК, Общество)», the common words declared_short_names reads
    r"(?:\s*[,;]\s*[«\"]?[А-ЯЁA-Z][\w\-]{1,20}[»\"]?){0,2}\s*\)"
)


# a short name opening brackets that go on: «Северноуральский валковый завод» (СУВЗ, входит в ...)
ABBREVIATION_OPENING_BRACKETS = re.compile(
    rf"\s*\(\s*(?:{HEREAFTER_LEAD})?(?:(?P<form>[А-ЯЁ]{{2,6}})\s+«)?([А-ЯЁA-Z][А-ЯЁA-Z\-]{{1,9}})»?,\s"
)
# a quoted short name opening the brackets, something else after its comma (not another quoted name of
# a list): «ПАО «Уральский завод металлоконструкций» («Уралметаллоконструкция», Свердловская область)»
QUOTED_OPENING_BRACKETS = re.compile(r"\s*\(\s*«(?P<short>[^«»\"()]{2,40})»,\s+(?![«\"])")
# a quoted short name the text gives for the rest of it, the brackets maybe going on: «ПАО
# «Синтегра Софт» (далее — «Синтегра», тикер ...)»
# (after a ticker too: «(MOEX: TKLG, далее — «Компания»)»)
HEREAFTER_QUOTED = re.compile(
    rf"\s*\(\s*(?:[A-Z]{{2,10}}\s*:\s*[A-Z0-9.]{{1,12}}\s*[,;]\s*)?{HEREAFTER_LEAD}[«\"](?P<short>[^«»\"()]{{2,40}})[»\"]\s*[),;]"
)


# a short name of an abbreviated kind and a quoted name the text gives for the rest of it: «(далее —
# КЦСОН «Радуга»)», «(далее – ГБУЗ «ОКБ»)»
HEREAFTER_ABBREVIATED_QUOTED = re.compile(
    rf"\s*\(\s*{HEREAFTER_LEAD}(?P<short>[А-ЯЁ]{{2,8}}\s+[«\"][^«»\"()]{{2,40}}[»\"])\s*\)"
)


# the brand an organization trades under, in brackets after its name: «(бренд «СибТел»)», «(сеть
# лабораторий «ЛабЭксперт»)», «(торговая марка «Заречье»)», «(сеть фитнес-клубов «Атлет»)»: another name of it
BRAND_IN_BRACKETS = re.compile(
    r"\s*\(\s*(?:бренд|торговая\s+марка|сеть(?:\s+[а-яё]+(?:-[а-яё]+)?){1,2})\s+[«\"]?(?P<short>[^«»\"()]{2,30}?)[»\"]?\s*\)"
)


# a legal form written out in brackets after a name: «(акционерное общество)»
SPELLED_FORM_IN_BRACKETS = re.compile(r"\s*\(\s*([а-яёА-ЯЁ ]{10,120}?)\s*\)")

# brackets after a name: a short name and a foreign one, «(КЗЖ) (Committee to Protect Journalists)»
MAX_BRACKETS = 2

# words between a name and the acronym that spells it with them: «Центр ... технологий в ортопедии (ЦИТО)»
MAX_ACRONYM_GAP_WORDS = 4
WORD_AFTER = re.compile(r"[ \u00a0]+([\w-]+)")
BRACKETED_ACRONYM = re.compile(r"\s*\(\s*([А-ЯЁA-Z]{3,10})\s*\)")
ACRONYM = re.compile(r"[А-ЯЁA-Z]{3,10}")


# names the model cut one after another in a genitive chain: «Института химии углеводородов |
# Сибирского отделения | Российской академии наук»
MAX_CHAINED_NAMES = 3


def joined_by_short_name(text: str, mentions: list[OrgMention]) -> list[OrgMention]:
    """Names right after one another that the short name in brackets after the last spells
    together are one: «Института химии углеводородов Сибирского отделения Российской академии
    наук (ИХУ СО РАН)», cut by the model into three, is one institute."""
    out: list[OrgMention] = []
    for m in mentions:
        n = _chain_spelled_by(text, out, m) if m.alias else 0
        if not n:
            out.append(m)
            continue
        first = out[-n]
        bracket = text.rfind("(", m.start, m.end)
        tail = text[out[-n + 1].start if n > 1 else m.start : bracket if bracket >= 0 else m.end]
        del out[-n:]
        out.append(replace(first, name=tidy(f"{first.name} {tail}"), end=m.end, alias=m.alias,
                           legal_form=first.legal_form or m.legal_form))
    return out


def _chain_spelled_by(text: str, before: list[OrgMention], m: OrgMention) -> int:
    """How many of the names right before `m` (nothing but spaces between) its short name spells
    together with its own name; 0 if none."""
    short = m.alias or ""
    bracket = text.rfind("(", m.start, m.end)
    end = bracket if bracket >= 0 else m.end
    k = len(before)
    while k > 0 and len(before) - k < MAX_CHAINED_NAMES - 1:
        following = before[k].start if k < len(before) else m.start
        if text[before[k - 1].end : following].strip():
            break  # not right after one another
        k -= 1
        if spells(short, text[before[k].start : end]):
            return len(before) - k
    return 0


def spelled_further(text: str, chosen: list[OrgMention]) -> list[OrgMention]:
    """A name goes on to the words its acronym spells, the acronym in brackets after them or
    named elsewhere in the text: «Центр инновационных технологий» + «в ортопедии (ЦИТО)» is one
    name, as the letters of «ЦИТО» say; otherwise a name ends before a preposition."""
    acronyms = {m.name for m in chosen if ACRONYM.fullmatch(m.name)}
    taken = Coverage(len(text), [(m.start, m.end) for m in chosen])
    out = [_spelled_further(text, m, acronyms, taken) for m in chosen]
    # the references resolved to a name before it went on take its whole name too: «Бюджет Ассоциации»
    whole = {m.name: n.name for m, n in zip(chosen, out, strict=True) if n.name != m.name}
    return [replace(n, name=whole[n.name]) if n.name in whole else n for n in out]


def _spelled_further(text: str, m: OrgMention, acronyms: set[str], taken: Coverage) -> OrgMention:
    if m.legal_form or acronym(m.name) in acronyms or ACRONYM.fullmatch(m.name):
        return m  # a short name spells nothing further: «директор ФРП Роман Петров» is no «ФРП»
    if text[m.end - 1] in QUOTE_CHARS:
        return m  # its closing quote ends it: «Сурский велозавод» | запускает ... (АО «СВЗ»)
    words, ends, pos = [m.name], [], m.end
    for _ in range(MAX_ACRONYM_GAP_WORDS):
        word = WORD_AFTER.match(text, pos)
        if word is None or taken.overlaps(word.start(1), word.end(1)):
            break
        words.append(word.group(1))
        pos = word.end()
        ends.append(pos)
    for n in range(len(ends), 0, -1):
        bracket = BRACKETED_ACRONYM.match(text, ends[n - 1])
        spelled = acronym(" ".join(words[: n + 1]))
        headed = head_again_in_brackets(text, ends[n - 1], m.name) is not None  # «(Ассоциация «СибКожОбувь»)»
        if spelled in acronyms or (bracket and bracket.group(1) == spelled) or headed:
            return replace(m, name=tidy(" ".join(words[: n + 1])), end=ends[n - 1])
    return m


def _in_a_place_name(tagged: Tagged, offset: int) -> bool:
    """The character at `offset` is inside a place's name that begins before it."""
    return any(s.type == "LOC" and s.start < offset < s.end for s in tagged.spans)


def with_brackets(tagged: Tagged, m: OrgMention, others: Coverage) -> OrgMention:
    """A short name or legal form in brackets after a name: «Федеральное агентство по делам
    молодежи (Росмолодежь)», «Банк ВТБ (ПАО)», «Комитет защиты журналистов (КЗЖ) (Committee to
    Protect Journalists)». The brackets join the mention; a place or a person in brackets
    («(Москва)») is no other name."""
    name, end, found = m.name, m.end, []
    inner = PAREN_ABBR.match(name)
    # the bracket's last letter, inside quotes too: «ГКУ «Служба спасения Республики Саха (Якутия)»»
    closing = tagged.text.rfind(")", m.start, m.end)
    inside = closing - 1 if closing >= 0 else m.end - 1
    if inner and is_place_word(inner.group(2)) and _in_a_place_name(tagged, inside):
        inner = None  # «Правительство Республики Саха (Якутия)»: the place's own brackets
    if inner:  # the name took the brackets in
        name = inner.group(1)
        if not short_name_of_the_name_before(tagged.text, name, m.start, inner.group(2)):
            found.append(inner.group(2))
        else:  # the brackets are not this name's: the mention ends before them
            end = m.start + len(tagged.text[m.start : tagged.text.rfind("(", m.start, m.end)].rstrip())
            return replace(m, name=name, end=end)
    text = tagged.text
    if text.count("(", m.start, end) > text.count(")", m.start, end) and text.startswith(")", end):
        end += 1  # «Уральским федеральным университетом (УФУ»: the model left the bracket out
        opened = name.rfind("(")
        if not inner and opened > 0:  # «... надзору (Западно-Уральское управление Ростехнадзора»
            found.append(name[opened + 1 :].strip())
            name = name[:opened].strip()
    for _ in range(MAX_BRACKETS):
        after = BRACKETED.match(text, end) or _short_name_of_a_place(text, end)
        hereafter = None if after else HEREAFTER.match(text, end)
        short = after.span(1) if after else hereafter.span("short") if hereafter else None
        # the short name's own word, not the place after it («(ОСФР по Самарской области)»); a short
        # word with its place («(Инвестагентство Приморья)») was checked to be no place itself
        if short is None:
            break
        own_word = text[short[0] : short[1]].split()[0]
        if (after is None or after.re is not SHORT_WITH_PLACE) and others.overlaps(short[0], short[0] + len(own_word)):
            break
        if short_name_of_the_name_before(text, m.name, m.start, text[short[0] : short[1]]):
            break
        found.append(text[short[0] : short[1]])
        if hereafter and hereafter.group("form"):
            found.append(hereafter.group("form"))  # «(далее – КГКУ «УКС»)»: its legal form too
        if hereafter and "," in hereafter.group(0):
            break  # a list's names are mentions of their own: «(далее — «КС», Оператор)»
        end = (after or hereafter).end()
    if not found and (opening := ABBREVIATION_OPENING_BRACKETS.match(text, end)):
        found.append(opening.group(2))  # «(СУВЗ, входит в группу ...)»: the short name opens them
        if opening.group("form"):
            found.append(opening.group("form"))  # «(ПАО «ПЭСК», входит в группу ...)»
    elif not found and (opening_quoted := QUOTED_OPENING_BRACKETS.match(text, end)):
        found.append(opening_quoted.group("short"))  # «(«Уралметаллоконструкция», Свердловская область)»
    elif not found and (quoted := HEREAFTER_QUOTED.match(text, end)):
        if (quoted.group("short").lower(),) not in org_heads():  # «(далее — «Компания»)» names no name
            found.append(quoted.group("short"))
    elif not found and (described := HEREAFTER_ABBREVIATED_QUOTED.match(text, end)):
        found.append(described.group("short"))  # «(далее — КЦСОН «Радуга»)»
    elif not found and (brand := BRAND_IN_BRACKETS.match(text, end)):
        found.append(brand.group("short"))  # «(сеть лабораторий «ЛабЭксперт»)»
    legal, alias, kind = m.legal_form, m.alias, m.kind
    # the form written out in brackets is the official one: «Акционерный коммерческий банк «Иртышский
    # кредит» (акционерное общество)» is an АО
    if not found and (spelled := SPELLED_FORM_IN_BRACKETS.match(text, end)):
        form = legal_forms().spelled_abbreviation(spelled.group(1).lower())
        if form is not None and legal_forms().any_spelled.fullmatch(spelled.group(1)):
            legal, kind, end = form, legal_forms().kinds[form] or kind, spelled.end()
    for f in found:
        if f in legal_forms().kinds:
            # «агентства «Эталон Рейтинг» (ООО)»: the form says the kind over the head noun
            kind = kind if legal else legal_forms().kinds[f] or kind
            legal = legal or f
        elif f != name:
            alias = alias or f
    return replace(m, name=name, end=end, legal_form=legal, alias=alias, kind=kind)


# «... Главного управления | по антикризисному управлению»: a body's name and the «по» group after it
REMIT_AFTER = re.compile(r"^(?P<head>.+?)\s+по\s+[а-яё\s-]+$")
# how many words a deputy's post takes before the body: «заместитель начальника», «заместителя
# генерального директора»
DEPUTY_POST_WORDS = 3


def deputy_remits(tagged: Tagged, chosen: list[OrgMention]) -> list[OrgMention]:
    """«Главное управление МЧС России по Алтайскому краю ... — отметил заместитель начальника
    Главного управления по антикризисному управлению»: a «по» group after the short name of a
    body named before, told after a deputy's post, is the deputy's remit, and the mention is that
    short name."""
    return [_without_deputy_remit(tagged, m, chosen) for m in chosen]


def _without_deputy_remit(tagged: Tagged, m: OrgMention, chosen: list[OrgMention]) -> OrgMention:
    found = REMIT_AFTER.match(m.name)
    if found is None or not _after_deputy_post(tagged, m.start):
        return m
    head = found.group("head")
    if not any(o.start < m.start and is_leading_short_form(head, o.name) for o in chosen):
        return m
    written = tagged.text[m.start : m.end]
    cut = re.search(r"\s+по\s", written)
    return replace(m, end=m.start + cut.start(), name=head) if cut else m


def _after_deputy_post(tagged: Tagged, start: int) -> bool:
    """A deputy's word among the few words before `start`: «заместитель начальника»."""
    k = tagged.token_at(start)
    if k is None:
        return False
    before = tagged.tokens[max(0, k - DEPUTY_POST_WORDS) : k]
    return any(tok.lemma in words("second_in_command") for tok in before)
