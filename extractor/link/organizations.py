"""Organizations and locations: mentions merged into one record per organization or place, the
parent named inside a name, the kind the surest mention gives."""

from __future__ import annotations

import re

from extractor.lexicon.orgs import legal_forms, org_heads, plain
from extractor.lexicon.places import place_key, region_nickname
from extractor.model import Location, Mention, Organization
from extractor.nlp.morph import parses, phrase_lemmas
from extractor.rules.locations import LocMention, is_republic, same_place
from extractor.rules.organizations.names import (
    ADJECTIVE_WORD,
    LATIN_AFTER_DESCRIPTOR,
    OFFICE_HEADS,
    PLACE_ADJECTIVE_WORD,
    QUOTED_AFTER_DESCRIPTOR,
    SKIPPED,
    OrgMention,
    abbreviates_ministry,
    head_again_in_brackets,
    is_abbreviation,
    is_adjectiveless_short_form,
    is_branch_short_form,
    is_committee_short_form,
    is_compound_short_form,
    is_dedication_short_form,
    is_headless_short_form,
    is_leading_short_form,
    is_lone_head_of,
    is_office_of_the_body,
    is_place_adjective_short_form,
    is_placed_body_short_form,
    is_regional_nickname,
    is_spelled_head_short_form,
    org_kind,
    placed_acronym_stem,
    placed_letters_spell,
    same_bank_office,
    same_name_in_another_case,
    same_org,
    short_name_of_the_name_before,
    spelled_state_prefix,
    split_acronym_territory,
    split_body,
    split_spelled_office,
    split_territory,
)
from extractor.rules.persons import NameMention


def _norm(s: str) -> str:
    return " ".join(s.lower().replace("ё", "е").split())


# a committee or commission of a Duma makes the Duma one the release speaks of: «комитет по бюджету
# Архангельской городской Думы» names the Duma as well (the blind parts' gold: 7 Dumas so named, 1 not;
# a regional government or legislative assembly so named is in their gold as often not as it is)
UNIT_HEADS = frozenset({"комитет", "комиссия"})
BODIES_OF_UNITS = frozenset({"дума"})


def _committee_of_a_duma(unit: str, body: str) -> bool:
    """`unit` is a committee or commission (its first two words name it) of `body`, a Duma."""
    heads = phrase_lemmas(unit.lower())[:2]
    return bool(UNIT_HEADS & set(heads)) and bool(BODIES_OF_UNITS & set(phrase_lemmas(body.lower())))


def _bodies_of_units(mentions: list[OrgMention]) -> list[OrgMention]:
    """The Dumas whose committees are named, except a name cut before its place («Дума Города» in a
    text that names «Дума Города Томска»: that one is the committee's parent)."""
    names = [m.name for m in mentions]
    bodies = [m.parent for m in mentions if m.parent is not None and _committee_of_a_duma(m.name, m.parent.name)]
    return [b for b in bodies if not any(_cut_before_its_place(b.name, n) for n in names)]


def merge_orgs(text: str, mentions: list[OrgMention]) -> list[Organization]:
    """One Organization per organization; one named inside another's name is that one's
    `parent` (by the name the document gives it elsewhere, if it does), not an entry of its own:
    «Совет Федерации Федерального Собрания РФ» belongs to the Federal Assembly, which the
    release does not otherwise speak of. A Duma whose committee is named is an entry of its own
    (`_bodies_of_units`)."""
    orgs = _merge_orgs(text, sorted([*mentions, *_bodies_of_units(mentions)], key=lambda m: m.start))
    for m in mentions:
        if m.parent is None:
            continue
        child = _find_org(orgs, m.name)
        known = _find_org(orgs, m.parent.name) or _named_with_its_place(orgs, m.parent.name)
        if child is not None and child is not known and child.parent is None:
            child.parent = known.name if known else m.parent.name
    return orgs


def _cut_before_its_place(short: str, name: str) -> bool:
    """`name` is `short` with capitalized words after it: «Дума Города» of «Дума Города Томска»."""
    rest = name[len(short) :].split() if name.startswith(short + " ") else []
    return bool(rest) and all(w[:1].isupper() for w in rest)


def _named_with_its_place(orgs: list[Organization], short: str) -> Organization | None:
    return next((o for o in orgs if _cut_before_its_place(short, o.name)), None)


def claim_lone_names(
    text: str, names: list[NameMention], org_mentions: list[OrgMention]
) -> tuple[list[NameMention], list[OrgMention]]:
    """A lone word the model took for a surname that is an organization's name elsewhere in the
    document («В 2025 году Тайгасофт планирует ...» after «ПАО «Тайгасофт»») is that
    organization: the name mention goes, an organization mention takes its place."""
    taken = [(m.start, m.end) for m in org_mentions]
    # surnames a person with a first name bears in this document («Генри Форд» and «Форд»)
    borne = {nm.last for nm in names if nm.first and nm.last}
    kept: list[NameMention] = []
    claimed: list[OrgMention] = []
    for nm in names:
        word = text[nm.start : nm.end]
        org = None
        if nm.first is None and nm.middle is None and " " not in word and nm.last not in borne:
            org = next((m for m in org_mentions if _names_org(m, word)), None)
        if org is None or any(a < nm.end and nm.start < b for a, b in taken):
            kept.append(nm)
            continue
        claimed.append(OrgMention(nm.start, nm.end, org.name, None, org.kind, kind_guessed=org.kind_guessed))
    return kept, sorted(org_mentions + claimed, key=lambda m: m.start)


def _names_org(m: OrgMention, word: str) -> bool:
    return same_org(m.name, word) or bool(m.alias and same_org(m.alias, word))


def _find_org(orgs: list[Organization], name: str) -> Organization | None:
    return next((o for o in orgs if any(same_org(n, name) for n in [o.name, *o.aliases])), None)


# merging groups of mentions pairwise is quadratic in their number: past this many groups (a
# directory, not a release) the merge mention by mention stands
MAX_PAIRED_GROUPS = 300


def _merge_orgs(text: str, mentions: list[OrgMention]) -> list[Organization]:
    groups = _pairwise(_grouped(mentions, _bracketed(text, mentions)))
    groups = _headline_descriptions(text, _chains_with_operators(text, groups))
    return [_organization(text, group) for group in groups]


def _chains_with_operators(text: str, groups: list[list[OrgMention]]) -> list[list[OrgMention]]:
    """A chain named as one («сеть «Полный дом»») and the company of its name and one word more
    («ПАО «Полный дом Ритейл»», «ООО «Торгсфера Маркет»») are one organization: the company runs
    the chain under its brand."""
    out = [list(g) for g in groups]
    for chain in [g for g in out if any(_named_a_chain(text, m) for m in g)]:
        brand = _norm(chain[0].name)
        operator = next(
            (g for g in out if g is not chain and any(_runs_the_brand(m, brand) for m in g)), None
        )
        if operator is not None:
            operator.extend(chain)
            operator.sort(key=lambda m: m.start)
            out.remove(chain)
    return sorted(out, key=lambda g: g[0].start)


def _runs_the_brand(m: OrgMention, brand: str) -> bool:
    name = _norm(m.name)
    return m.legal_form is not None and name.startswith(brand + " ") and len(name.split()) == len(brand.split()) + 1


def _headline_descriptions(text: str, groups: list[list[OrgMention]]) -> list[list[OrgMention]]:
    """A headline's organization named by a description of its own («Уральский завод запустил
    линию ...», «Пермский завод ЖБИ заплатит ...», «Воронежский политех поднялся в рейтинге») is the
    one organization of that head the body names («Ревдинский завод теплообменного оборудования»,
    «Центрально-Черноземный политехнический университет»); with several, the first with a legal
    form; with none, it stays."""
    headline_end = _headline_end(text)
    if headline_end < 0:
        return groups
    out = [g for g in groups if not _headline_description(g, headline_end)]
    for g in groups:
        if not _headline_description(g, headline_end):
            continue
        head = _head_word(g[0].name)
        body = [
            o for o in out
            if o[0].start > headline_end and head and _has_head(o[0].name, head)
            and not _other_places(g[0].name, o[0].name)
        ]
        if len(body) > 1:
            body = [o for o in body if _has_all_words(o[0].name, g[0].name)] or body
        if len(body) > 1:
            body = [o for o in body if o[0].legal_form is not None][:1]
        if len(body) != 1:
            out.append(g)
        else:
            body[0].extend(g)
            body[0].sort(key=lambda m: m.start)
    return sorted(out, key=lambda g: g[0].start)


def _has_all_words(name: str, short: str) -> bool:
    """Every word of a headline's short name stands in the body's name: «Департамент финансов
    Тюмени» of «Департамент финансов и налоговой политики Администрации города Тюмени», not of
    «Департамент экономики ... Администрации города Тюмени»; «Томский политех» of «Томский
    политехнический университет», not of «Харбинский политехнический университет»."""
    own = set(phrase_lemmas(plain(name)))
    return all(
        lemma in own or len(lemma) >= MIN_HEAD_STEM and any(word.startswith(lemma) for word in own)
        for lemma in phrase_lemmas(plain(short))
    )  # «политех» of «политехнический»


def _other_places(a: str, b: str) -> bool:
    """A country's body and a region's: «Правительство Забайкальского края» is no description of
    «Правительство Российской Федерации». (Two regions may be one under two names: «Общественная
    палата Кубани», «... Краснодарского края».)"""
    pa, pb = split_territory(a), split_territory(b)
    if pa is None or pb is None or same_place(pa[1], pb[1]):
        return False
    return same_place(pa[1], "Россия") or same_place(pb[1], "Россия")


# a headline's word for the kind of school the body names fully
HEAD_SYNONYMS = {"вуз": frozenset({"университет", "институт", "академия", "консерватория"})}
# the shortest word a body's word may start with to share a head with it: «политех» of «политехнический»
MIN_HEAD_STEM = 6


def _own_head(lemmas: tuple[str, ...]) -> int | None:
    """Where a name's first organization head word stands: «Пермский завод ЖБИ» -> 1."""
    heads = org_heads()
    return next((k for k, lemma in enumerate(lemmas) if heads.get((lemma,))), None)


def _head_word(name: str) -> str | None:
    """The lemma of a name's organization head («Пермский завод ЖБИ» -> «завод»), else of its last word."""
    lemmas = phrase_lemmas(plain(name))
    own = _own_head(lemmas)
    return lemmas[own] if own is not None else (lemmas[-1] if lemmas else None)


def _has_head(name: str, head: str) -> bool:
    """The name is headed by that word, or by a word it starts, or one of the kind it names: the
    words up to the name's own head («политехнический университет»), not a parent named after it
    («Комитет Госдумы ...» is no «Госдума»)."""
    lemmas = phrase_lemmas(plain(name))
    own = _own_head(lemmas) or 0
    return any(
        lemma == head or lemma in HEAD_SYNONYMS.get(head, ()) or len(head) >= MIN_HEAD_STEM and lemma.startswith(head)
        for lemma in lemmas[: own + 1]
    )


# fewer words than this make a rubric or a dateline line above a headline («11.11.2026 09:40 | Экономика»)
HEADLINE_WORDS = 4
# the longest a headline runs to; a longer first line is the lead (the held-out headlines: 90% under 110)
HEADLINE_MAX_CHARS = 200


def _headline_end(text: str) -> int:
    """Where the headline's line ends: the first line of a few words, past a site's rubric or
    date line above it; -1 for a text of one line."""
    start = 0
    while (end := text.find("\n", start)) >= 0:
        if len(re.findall(r"[А-ЯЁа-яёA-Za-z]+", text[start:end])) >= HEADLINE_WORDS:
            # a lead paragraph opening the text («ЮЖНО-САХАЛИНСК. /ИА .../. Режим ... введен ...») is no
            # headline: its names are the body's
            return end if end - start <= HEADLINE_MAX_CHARS else -1
        start = end + 1
    return -1


def _headline_description(group: list[OrgMention], headline_end: int) -> bool:
    """Mentions only in the headline, no legal form, no short name of its own: a description, not
    a name the body repeats («Заринский политехнический техникум (ЗПТ)» of a lead taken for the
    headline is a name)."""
    return not any(m.end > headline_end or m.legal_form for m in group) and len(_names(group)) == 1


# «акционерного общества «Сибирская генерирующая компания» (АО «СГК-Энерго»)»: a name in brackets
# right after another is its short name; the brackets may go on to the text's own short name
# («(ООО «Зауралспорт», далее — Фабрика)»)
BRACKET_OPEN = re.compile(r"\s*\(\s*$")
BRACKET_CLOSE = re.compile(r"^\s*(?:\)|[,;]\s*далее\b)")
# a chain or a brand a company runs, named right after it: its name too («ООО «Прикамторг», управляющее
# сетью магазинов у дома «Уральский двор»», «АО «СРК», оператор сети «Кедровый»»)
OPERATED_BRAND = re.compile(
    r"(?:\s*\([^()]{1,60}\)|\))?,?\s*\(?\s*(?:котор[а-яё]+\s+)?(?:управля[юе]|оператор|владе[юел]|развива[юе])[а-яё]*\s+"
    r"(?:[а-яё]+\s+){0,2}?"
    r"(?:сеть|сети|сетью|брендом|бренда|бренд)(?:\s+[а-яё]+(?:-[а-яё]+)?){0,4}\s*[«\"]?",
    re.IGNORECASE,
)

# a chain and the company that runs it named right after it: «сеть магазинов «Левша», которой
# управляет ООО «Тульские подарки»»
RUN_BY_COMPANY = re.compile(r",\s*(?:которой|которую|которая)\s+(?:управляет|владеет|руководит)\s*")

# the company that runs a chain named before, said so in its own mention: «... из отчетности
# оператора сети — ООО «Торговый дом «Заречье»»» after «торговой сети «Хлебный двор»»; «Аптечная
# сеть «...» (оператор – общество с ограниченной ответственностью «...»)»; «Сеть из шести магазинов
# принадлежит ООО «...»», «Сетью управляет ООО «...»»
OPERATOR_OF_THE_CHAIN = re.compile(
    r"(?:(?:оператор|управляющ)[а-яё]*\s+(?:компани[а-яё]+\s+)?(?:сети\s*[—–-]?|[—–-])"
    r"|\bсеть(?:\s+[а-яё]+){0,3}\s+принадлежит|\bсетью(?:\s+[а-яё]+){0,3}\s+(?:управляет|владеет|руководит))\s*\Z",
    re.IGNORECASE,
)
# the company that runs a chain named before, said so after its own mention without the chain's
# name: «Сеть салонов красоты «Северное сияние» ... ООО «Сияние Групп», управляющее 11 салонами»,
# «ООО «...», которому принадлежит сеть»
RUNS_THE_CHAIN = re.compile(
    r",\s*(?:(?:управляющ|владеющ)[а-яё]*\s+(?:сетью|\d+\s+[а-яё]+ами)|котор[а-яё]+\s+принадлежит\s+сеть)"
    r"(?![а-яё]|\s+[^.,;]{0,40}[«\"])"
)
# a chain's name: «сети «Хлебный двор»», «торговая сеть «Магнит»»
CHAIN_NAMED = re.compile(r"\bсет(?:ь|и|ью)\s+(?:[а-яё]+(?:-[а-яё]+)?\s+){0,3}[«\"]?\Z", re.IGNORECASE)
# how far before a mention the words naming it a chain or its operator are looked for
CHAIN_WORDS_REACH = 60


def _bracketed(text: str, mentions: list[OrgMention]) -> dict[int, int]:
    """Index of a mention standing alone in brackets right after another -> that other's index;
    the operator of a chain named before -> the chain's."""
    order = sorted(range(len(mentions)), key=lambda k: mentions[k].start)
    out = {}
    for a, b in zip(order, order[1:], strict=False):
        first, second = mentions[a], mentions[b]
        opening = text[first.end : second.start]
        # «(Ассоциация «СибКожОбувь»)» after «Ассоциация ...»: the head said again opens the short name
        headed = head_again_in_brackets(text, first.end, first.name) == second.start
        if (BRACKET_OPEN.fullmatch(opening) or headed) and BRACKET_CLOSE.match(text[second.end :]):
            out[b] = _owner_of_short_name(text, mentions, order, a, second)
        elif OPERATED_BRAND.fullmatch(text[first.end : second.start]):
            out[b] = a  # «ООО «Прикамторг», управляющее сетью магазинов у дома «Уральский двор»»
        elif RUN_BY_COMPANY.fullmatch(text[first.end : second.start]) and second.legal_form and _named_a_chain(
            text, first
        ):
            out[b] = a
    for i, b in enumerate(order):
        reach = max(0, mentions[b].start - CHAIN_WORDS_REACH)
        runs = mentions[b].legal_form is not None and RUNS_THE_CHAIN.match(text, mentions[b].end)
        if b in out or not (OPERATOR_OF_THE_CHAIN.search(text, reach, mentions[b].start) or runs):
            continue
        chain = next((a for a in reversed(order[:i]) if _named_a_chain(text, mentions[a])), None)
        if chain is not None:
            out[b] = chain
    return out


def _owner_of_short_name(text: str, mentions: list[OrgMention], order: list[int], a: int, short: OrgMention) -> int:
    """The mention a bracketed short name after mention `a` belongs to: `a`, or the quoted name right
    before `a` when `a` is its parent body the acronym does not spell (««Средневолжский
    государственный медицинский университет» Министерства здравоохранения ... (СВГМУ)»)."""
    i = order.index(a)
    if i == 0 or not short_name_of_the_name_before(text, mentions[a].name, mentions[a].start, short.name):
        return a
    before = order[i - 1]
    if not text[mentions[before].end : mentions[a].start].strip():
        return before
    # «Амурском центре ... – филиале ФГБУ «Дальневосточное УГМС» (Амурский ЦГМС)»: the name its place opens
    # «Управление федеральной почтовой связи Мурманской области — филиал АО «...» (УФПС Мурманской области)»:
    # the name its letters and place spell
    stem = placed_acronym_stem(short.name)
    placed = (
        b
        for b in reversed(order[:i])
        if (
            stem is not None and mentions[b].name.lower().startswith(stem)
            or placed_letters_spell(short.name, mentions[b].name)
        )
        and "\n" not in text[mentions[b].start : mentions[a].start]
    )
    return next(placed, a)


def _named_a_chain(text: str, m: OrgMention) -> bool:
    inside = text[m.start : m.end]
    quote = next((k for k, ch in enumerate(inside) if ch in "«\""), 0)
    before = text[max(0, m.start - CHAIN_WORDS_REACH) : m.start] + inside[:quote]
    return CHAIN_NAMED.search(before) is not None


def _names(group: list[OrgMention]) -> list[str]:
    """Every name the mentions of a group give, their bracketed short names too, in text order."""
    out: list[str] = []
    for m in group:
        _add_names(out, m)
    return out


def _add_names(names: list[str], m: OrgMention) -> None:
    """A mention's name and short name, unless known; written in mixed case, they replace the
    capitals of a heading («МИНПРОМТОРГ РОССИИ» -> «Минпромторг России»)."""
    # a short name given with the legal form («(ГБПОУ ИО ПККИ)») is the name a later «ГБПОУ ИО ПККИ» gives
    form = f"{m.legal_form} " if m.legal_form else None
    bare = m.alias[len(form) :] if form and m.alias and m.alias.startswith(form) else None
    for n in (m.name, m.alias, bare):
        if not n:
            continue
        k = next((i for i, x in enumerate(names) if _norm(x) == _norm(n)), None)
        # a name said again in another case is known; the nominative replaces a form kept as written
        # («(МУ Росприроднадзора по ПФО)», «Выручка «Притобольских телесистем»»)
        case_form = None if k is not None else next(
            (i for i, x in enumerate(names) if same_name_in_another_case(x, n)), None
        )
        if case_form is not None and (
            _nominative(n) and not _nominative(names[case_form]) or names[case_form].isupper() and not n.isupper()
        ):
            names[case_form] = n
        elif k is None and case_form is None:
            names.append(n)
        elif k is not None and names[k].isupper() and not n.isupper():
            names[k] = n


def _nominative(name: str) -> bool:
    """Every word of a name that declines may be a nominative; capitals («МУ», «ПФО») and words of no
    case («по», «и») do not decline."""
    return all(not w.isalpha() or w.isupper() or _may_be_nominative(w) for w in name.split())


def _may_be_nominative(word: str) -> bool:
    cases = {p.tag.case for p in parses(word.lower()) if p.tag.case}
    return not cases or "nomn" in cases


def _grouped(mentions: list[OrgMention], bracketed: dict[int, int]) -> list[list[OrgMention]]:
    """Mentions in text order, each joined to the group of the mention it stands in brackets
    after, or else to the first group it is one organization with."""
    groups: list[list[OrgMention]] = []
    names: list[list[str]] = []
    group_of: dict[int, int] = {}
    for n, m in enumerate(mentions):
        own = _names([m])
        k = group_of.get(bracketed.get(n, -1))
        if k is None:
            found = [
                i
                for i, ns in enumerate(names)
                if _one_org(ns, own) and not _other_forms(groups[i], [m]) and not _bare_before(ns, own)
            ]
            j = _joined([names[i] for i in found], own)
            k = found[j] if j is not None else None
        if k is None:
            k = len(groups)
            groups.append([m])
            names.append(own)
        else:
            groups[k].append(m)
            _add_names(names[k], m)
        group_of[n] = k
    return groups


def _bare_before(earlier: list[str], later: list[str]) -> bool:
    """«МВД проверит данные МВД Петербурга»: a state body's bare short name said before a body of
    a place is the country's body; said after, it may be that place's («По данным Минздрава»). A
    federal body's office is only ever a place's: «в Управлении Россельхознадзора ... руководитель
    Управления Россельхознадзора по Приморскому краю» is one office."""
    if all(_office_name(a) for a in earlier):
        return False
    return any(is_placed_body_short_form(a, b) for a in earlier for b in later) and not any(
        _same(a, b) for a in earlier for b in later if not is_placed_body_short_form(a, b)
    )


def _office_without_its_place(names: list[str], other: list[str]) -> bool:
    """Names of a federal body's office said without the region that other names add after «по»."""
    return all(_office_name(n) for n in names) and any(
        _norm(b).startswith(_norm(a) + " по ") for a in names for b in other
    )


def _office_name(name: str) -> bool:
    """A name opening with the head of a federal body's office: «Управление Россельхознадзора»."""
    return name.split(maxsplit=1)[0].lower() in OFFICE_HEADS


def _joined(found: list[list[str]], own: list[str]) -> int | None:
    """Which of the organizations found (by their names) a mention's or a group's names join:
    the first, but a lone head one of several organizations may go by («Дума» of two dumas), or
    a state body's bare short name that one of them is only by the place after it («Минздрав»
    after «Минздрав России» and «Минздрав Чувашии»), joins none but the same name said before."""
    if len(found) <= 1:
        return 0 if found else None
    # «АО «ЗАК»» after «ИА «Забайкальский курьер»» and «... «Забайкальская аэропортовая компания» (АО
    # «ЗАК»)»: the organization that was given this very name, not one it merely may spell
    said = [i for i, ns in enumerate(found) if {_norm(n) for n in ns} & {_norm(n) for n in own}]
    if len(said) == 1 and all(n.isupper() for n in own):
        return said[0]
    if not _lone_head(own) and not _of_a_place(found, own):
        return 0
    same = [i for i, ns in enumerate(found) if {_norm(n) for n in ns} == {_norm(n) for n in own}]
    return same[0] if len(same) == 1 else None


def _of_a_place(found: list[list[str]], own: list[str]) -> bool:
    return any(is_placed_body_short_form(a, b) for ns in found for a in own for b in ns)


def _pairwise(groups: list[list[OrgMention]]) -> list[list[OrgMention]]:
    """Groups that a later mention shows to be one («Норникель» after «Норильский Никель» and
    «Норникелем») are joined: the first absorbs the later ones."""
    if len(groups) > MAX_PAIRED_GROUPS:
        return groups
    out: list[list[OrgMention]] = []
    for group in groups:
        names = _names(group)
        targets = [
            g
            for g in out
            if _one_org(_names(g), names) and not _other_forms(g, group) and not _bare_before(_names(g), names)
        ]
        j = _joined([_names(g) for g in targets], names)
        target = targets[j] if j is not None else None
        if target is None:
            out.append(list(group))
        else:
            target.extend(group)
            target.sort(key=lambda m: m.start)
    return out


def _lone_head(names: list[str]) -> bool:
    """Names that are one organization's head («Дума», «Правительство»): the short name of
    whichever body of that kind the text means."""
    return all((n.lower(),) in org_heads() for n in names)


def _other_forms(a: list[OrgMention], b: list[OrgMention]) -> bool:
    """Two public institutions whose mentions give different legal forms are two, though one
    name may be a shorter form of the other: «ГБУЗ «Городская больница» г. Орска» is not «ГАУЗ
    «Новотроицкая городская больница»». A company's forms vary in one text («АО КБ «Северный
    кредит»», «Коммерческий банк «Северный кредит»»). Letters of the same words are one form: «МОО» and
    «МРОО» both spell «межрегиональная общественная организация»."""
    forms = legal_forms()
    forms_b = {m.legal_form for m in b if m.legal_form}
    if not forms_b:
        return False
    words_b = {forms.words_of(f) for f in forms_b}
    forms_a: set[str] = set()
    for m in a:  # `a` grows with the text: a form they share ends the look at once
        if m.legal_form and forms.words_of(m.legal_form) in words_b:
            return False
        if m.legal_form:
            forms_a.add(m.legal_form)
    return bool(forms_a) and all(forms.kinds.get(f) not in (None, "company") for f in forms_a | forms_b)


def _principal(names: list[str], official: frozenset[str] = frozenset()) -> str:
    """The name an organization goes by: the name written after its legal form if any (the official
    one), else the longest written in mixed case (the spelled-out form; a heading's capitals give
    way), not a descriptor before a quoted or Latin name («ОК «РусАл»» gives way to «РусАл»,
    «Компания Özkaya Plastik» to «Özkaya Plastik»); a convocation («... восьмого созыва») adds no length."""
    return max(
        names,
        key=lambda n: (
            n in official,
            not n.isupper(),
            QUOTED_AFTER_DESCRIPTOR.fullmatch(n) is None and LATIN_AFTER_DESCRIPTOR.fullmatch(n) is None,
            len(CONVOCATION.sub("", n)),
            CONVOCATION.search(n) is None,  # of two names alike, the body's over a convocation's
        ),
    )


# a short name of a few abbreviations: «ИФМ УрО РАН», «СО РАН»
ABBREVIATIONS = re.compile(r"[А-ЯЁA-Z][А-ЯЁA-Zа-яё]*[А-ЯЁA-Z](?:\s[А-ЯЁA-Z][А-ЯЁA-Zа-яё]*[А-ЯЁA-Z])+")


# a word of an abbreviated name: «Печорский НПЗ», «Рязанская ГРЭС»
ABBREVIATED_WORD = re.compile(r"[А-ЯЁ]{3,}")


def _short(name: str) -> bool:
    """One word, abbreviations only, or a name that abbreviates its head («Печорский НПЗ»)."""
    words = name.split()
    return len(words) == 1 or ABBREVIATIONS.fullmatch(name) is not None or (
        len(words) == 2 and ABBREVIATED_WORD.fullmatch(words[-1]) is not None
    )


def _one_org(names: list[str], other: list[str]) -> bool:
    """Two sets of names are one organization's when two of them are, and their principal names
    agree too, unless one side has short names only, or capitals only: «СГУ» joins «Саратовский
    государственный университет», but does not then bring «Сургутский государственный университет» in."""
    if not any(_same(a, b) for a in names for b in other):
        return False
    if _said_by(names, other) or _said_by(other, names):
        return True  # «Семейный улов» of a headline, a name the other already goes by (a brand it runs)
    if _shared_abbreviation(names, other):
        return True  # «ОСФР по Самарской области» after two spellings of the Fund's office
    if _office_without_its_place(names, other) or _office_without_its_place(other, names):
        return True  # «Управление Россельхознадзора» of «Управление Россельхознадзора по Приморскому краю»
    if _placed_abbreviation(names, other) or _placed_abbreviation(other, names):
        return True  # «МФЦ Нижегородской области» of a headline and «ГАУ НО «МФЦ»» of the body
    if all(_short(n) for n in names) or all(_short(n) for n in other):
        return True
    if all(n.isupper() for n in names) or all(n.isupper() for n in other):
        return True  # a heading's capitals and a short name: «ЦЕНТР ГАРАНТИЙНОЙ ПОДДЕРЖКИ», «ЦГП»
    return _same(_principal(names), _principal(other))


def _placed_abbreviation(names: list[str], other: list[str]) -> bool:
    """Each of `names` is an abbreviation the other organization goes by and the place it serves."""
    return all(any(is_abbreviation(o) and is_placed_body_short_form(o, n) for o in other) for n in names)


def _said_by(names: list[str], other: list[str]) -> bool:
    """Each of `names` is one the other organization goes by, in some case: a short name in brackets
    is kept as written («(МРУ Росалкогольтабакконтроля по ЮФО)»), a later mention in the nominative."""
    return all(any(_norm(n) == _norm(o) or same_name_in_another_case(n, o) for o in other) for n in names)


# the first word of a short name two spellings of one organization may share: «ОСФР»
SHARED_ABBREVIATION = re.compile(r"[А-ЯЁ]{3,}")


def _shared_abbreviation(names: list[str], other: list[str]) -> bool:
    shared = {_norm(n) for n in names} & {_norm(n) for n in other}
    return any(SHARED_ABBREVIATION.fullmatch(n.split()[0]) for n in names if _norm(n) in shared)


# the word that makes a district a municipal one, which a short name leaves out: «Лаишевского
# муниципального района», «Лаишевского района»
MUNICIPAL = re.compile(r"\s+муниципальн(?:ого|ый|ом|ому|ым)\s+(?=район|округ)", re.IGNORECASE)
# a legislature's convocation closing its name: «Дума города Иркутска восьмого созыва»
CONVOCATION = re.compile(r"\s+[а-яё0-9-]+\s+созыва$", re.IGNORECASE)


def _same(a: str, b: str) -> bool:
    """One organization's names, or one body's of one place named two ways: «Правительство
    Республики Хакасия», «Правительство Хакасии»; a convocation named or not («Дума города
    Иркутска восьмого созыва», «Дума нового созыва») is the same body."""
    if CONVOCATION.search(a) or CONVOCATION.search(b):
        return _same(CONVOCATION.sub("", a), CONVOCATION.sub("", b))
    if MUNICIPAL.search(a) or MUNICIPAL.search(b):
        # «Исполком Лаишевского района», «Исполнительный комитет Лаишевского муниципального района»
        bare_a, bare_b = MUNICIPAL.sub(" ", a), MUNICIPAL.sub(" ", b)
        if _same(bare_a, bare_b):
            return True
    if same_org(a, b) or is_placed_body_short_form(a, b) or is_placed_body_short_form(b, a):
        return True
    if same_bank_office(a, b) or same_bank_office(b, a):
        return True
    if _unqualified_short_form(a, b) or _unqualified_short_form(b, a):
        return True
    if _descriptor_of_quoted(a, b) or _descriptor_of_quoted(b, a):
        return True
    spelled = spelled_state_prefix(a), spelled_state_prefix(b)
    if spelled != (a, b) and _same(*spelled):
        return True  # «Госсовет Татарстана», «Государственный Совет Республики Татарстан»
    if is_regional_nickname(a, b) or is_regional_nickname(b, a):
        return True
    if is_place_adjective_short_form(a, b) or is_place_adjective_short_form(b, a):
        return True
    if is_headless_short_form(a, b) or is_headless_short_form(b, a):
        return True
    if is_lone_head_of(a, b) or is_lone_head_of(b, a):
        return True
    if is_leading_short_form(a, b) or is_leading_short_form(b, a):
        return True
    if is_office_of_the_body(a, b) or is_office_of_the_body(b, a):
        return True
    if is_compound_short_form(a, b) or is_compound_short_form(b, a):
        return True
    if is_dedication_short_form(a, b) or is_dedication_short_form(b, a):
        return True
    if is_branch_short_form(a, b) or is_branch_short_form(b, a):
        return True
    if is_committee_short_form(a, b) or is_committee_short_form(b, a):
        return True
    if is_adjectiveless_short_form(a, b) or is_adjectiveless_short_form(b, a):
        return True
    if is_spelled_head_short_form(a, b) or is_spelled_head_short_form(b, a):
        return True
    if _partial_acronym(a, b) or _partial_acronym(b, a):
        return True
    sa, sb = split_territory(a), split_territory(b)
    if sa is not None and sb is not None and _same_body(sa[0], sb[0]) and same_place(sa[1], sb[1]):
        return True
    # «Отделение СФР по Карелии», «Отделение Фонда пенсионного и социального страхования Российской
    # Федерации по Республике Карелия»
    xa, xb = split_spelled_office(a), split_spelled_office(b)
    if xa is not None and xb is not None and xa[0] == xb[0] and same_place(xa[1], xb[1]):
        return True
    # «Парламент КБР», «Парламент Кабардино-Балкарской Республики»; the body's letters before the
    # place's name too: «ТПП Бурятии», «Торгово-промышленная палата Республики Бурятия»
    for x, y in ((split_acronym_territory(a) or sa, sb), (split_acronym_territory(b) or sb, sa)):
        if x is not None and y is not None and x[0] in (y[0], _initials(y[0])) and same_place(x[1], y[1]):
            return True  # «ТПП РТ», «Торгово-промышленная палата Республики Татарстан»
    # «Минсельхозпрод Дагестана», «Министерство сельского хозяйства и продовольствия Республики Дагестан»,
    # «Минсельхоз КБР»
    ba, bb = _body_and_place(a), _body_and_place(b)
    if _place_adjective_ministry(a, b) or _place_adjective_ministry(b, a):
        return True
    return (
        ba is not None
        and bb is not None
        and (abbreviates_ministry(ba[0], bb[0]) or abbreviates_ministry(bb[0], ba[0]))
        and same_place(ba[1], bb[1])
    )


# a town's administration goes by «мэрия» too: «мэрия Нижнего Новгорода», «администрация города Нижнего
# Новгорода»
BODY_SYNONYMS = frozenset({frozenset({("мэри",), ("администрац",)})})


def _same_body(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """The stems of one body's name, or of its synonym: («мэри»,) and («администрац»,)."""
    return a == b or frozenset({a, b}) in BODY_SYNONYMS


def _place_adjective_ministry(short: str, name: str) -> bool:
    """«Калужский минздрав» of «Министерство здравоохранения Калужской области»: a place's adjective
    and the ministry's one-word short name, the place's adjective opening the ministry's territory."""
    words = short.split()
    if len(words) != 2 or not ADJECTIVE_WORD.fullmatch(words[0].lower()) or (split := split_body(name)) is None:
        return False
    body = words[1][:1].upper() + words[1][1:]
    place = place_key(split[1])
    return abbreviates_ministry(body, split[0]) and bool(place) and place[:1] == place_key(words[0])[:1]


# a name that ends in a quoted name: «Дом народного искусства «Инвожо»»
ENDS_IN_QUOTED = re.compile(r"(?P<descriptor>.+?)\s+[«\"][^«»\"]+(?:[«\"][^«»\"]+[»\"])?[^«»\"]*[»\"]")


def _descriptor_of_quoted(short: str, name: str) -> bool:
    """«при Доме народного искусства» of «Дом народного искусства «Инвожо»», «Каспийский
    судостроительный завод» of «... «Бузан»»: the words before a name's quoted end, two or more."""
    m = ENDS_IN_QUOTED.fullmatch(name)
    return m is not None and len(short.split()) >= 2 and _norm(m.group("descriptor")) == _norm(short)


def _partial_acronym(short: str, name: str) -> bool:
    """«Балашовская РБ» of «Балашовская районная больница», «ГБ № 2» of «Городская больница № 2»,
    «комитет ЖКХ и ТЭК Волгоградской области» of «Комитет жилищно-коммунального хозяйства и
    топливно-энергетического комплекса Волгоградской области»: the same words around, and in
    their places capitals standing for two or more of the other's words."""
    s, n = short.split(), name.split()
    if len(n) <= len(s) or not any(_acronym_word(w) for w in s):
        return False
    return _spells(tuple(s), tuple(n))


def _acronym_word(word: str) -> bool:
    return len(word) >= 2 and word.isalpha() and word.isupper()


def _spells(short: tuple[str, ...], name: tuple[str, ...]) -> bool:
    """Whether the short name's words are the name's, each acronym of them standing for a run of
    two or more of the name's words; a place's adjective may agree with another head («Пензенское
    ЦГМС» of «Пензенский центр ...»)."""
    if not short or not name:
        return not short and not name
    word = short[0]
    if _same_word(word, name[0]) and _spells(short[1:], name[1:]):
        return True
    if not _acronym_word(word):
        return False
    letters = word.lower()
    for n in range(2, len(name) + 1):
        run = tuple(w.lower() for w in name[:n])
        spelled = _initials(run)[0] == letters or run[0][:1] == letters[:1] and _spells_skipping(letters, run)
        if spelled and _spells(short[1:], name[n:]):
            return True
    return False


def _same_word(a: str, b: str) -> bool:
    if a.lower() == b.lower():
        return True
    places = PLACE_ADJECTIVE_WORD.fullmatch(a) and PLACE_ADJECTIVE_WORD.fullmatch(b)
    return bool(places) and place_key(a) == place_key(b)


def _spells_skipping(letters: str, run: tuple[str, ...]) -> bool:
    """An acronym whose letters open the run's words in order, its prepositions and conjunctions
    left out and some adjectives too: «цгмс» of («центр», «по», «гидрометеорологии», «и»,
    «мониторингу», «окружающей», «среды»). The run's first and last words give a letter."""
    if not letters or not run:
        return not letters and not run
    word = run[0]
    if word in SKIPPED and len(run) > 1:
        return _spells_skipping(letters, run[1:])
    if word[:1] == letters[0] and _spells_skipping(letters[1:], run[1:]):
        return True
    # an adjective (or a participle) before its noun may give no letter: «окружающей»
    adjective = any({"ADJF", "PRTF"} & p.tag.grammemes for p in parses(word))
    return len(run) > 1 and adjective and _spells_skipping(letters, run[1:])


def _unqualified_short_form(short: str, name: str) -> bool:
    """«Дума Краснодара» of «Городская Дума Краснодара»: the head alone with the same territory,
    the adjectives before the head left out."""
    s, n = split_territory(short), split_territory(name)
    if s is None or n is None or len(s[0]) != 1 or len(n[0]) < 2 or n[0][-1] != s[0][0]:
        return False
    adjectives = name.split()[: len(n[0]) - 1]
    return all(ADJECTIVE_WORD.fullmatch(w.lower()) for w in adjectives) and same_place(s[1], n[1])


def _initials(words: tuple[str, ...]) -> tuple[str]:
    """The acronym of a body's words, a hyphenated word giving a letter for each part:
    («торгово-промышленн», «палат») -> («тпп»,)."""
    return ("".join(part[:1] for w in words for part in w.split("-")),)


def _body_and_place(name: str) -> tuple[str, str] | None:
    """A body's name and its territory, written out or as the place's letters («Минсельхоз», «КБР»)."""
    if (split := split_body(name)) is not None:
        return split
    words = name.split()
    return (" ".join(words[:-1]), words[-1]) if split_acronym_territory(name) is not None else None


def _written_forms(text: str, forms: list[str]) -> list[str]:
    """The forms, each read from spelled-out words replaced by the letters the text writes for the
    same words: «сельскохозяйственного производственного кооператива «X» (СХПК «X»)» is a СХПК,
    not the list's first letters for those words (СПК)."""
    words_of = legal_forms().words_of
    written = [f for f in forms if _written(text, f)]
    return [
        f if f in written else next((w for w in written if words_of(w) == words_of(f)), _run_together(text, f))
        for f in forms
    ]


def _written(text: str, form: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(form)}(?!\w)", text) is not None


def _run_together(text: str, form: str) -> str:
    """A form of two words the text writes as one: «ГАУСО» for «ГАУ СО» (государственное автономное
    учреждение социального обслуживания)."""
    joined = form.replace(" ", "")
    return joined if joined != form and _written(text, joined) else form


def _organization(text: str, group: list[OrgMention]) -> Organization:
    """One organization from its mentions: the longest name written in mixed case (the spelled-out
    form; a heading's capitals give way), the other names as aliases, the first legal form (a
    status, «МФК», only when there is none), the kind the surest mention gives."""
    names = _names(group)
    statuses, descriptors = legal_forms().statuses, legal_forms().descriptors
    forms = _written_forms(text, [m.legal_form for m in group if m.legal_form and m.legal_form not in descriptors])
    name = _principal(names, frozenset(m.name for m in group if m.legal_form))
    org = Organization(
        name=name,
        # a legal form outranks a status written first («УК «X»» in a heading, «АО «УК «X»»» after)
        legal_form=next((f for f in forms if f not in statuses), forms[0] if forms else None),
        kind=org_kind(group[0]),
        aliases=[n for n in names if _norm(n) != _norm(name)],
        mentions=[Mention(text[m.start : m.end], m.start, m.end) for m in group],
    )
    # how sure the kind is: 0 a default, 1 guessed from quotes, 2 from a head noun, a legal form
    # or the lexicon, 3 from a commercial legal form; a surer mention overrides
    sure = _kind_sureness(group[0])
    for m in group[1:]:
        sureness = _kind_sureness(m)
        if sureness > sure or (m.kind and sureness == sure and org.kind == "other"):
            org.kind = org_kind(m)
            sure = sureness
    return org


def _kind_sureness(m: OrgMention) -> int:
    """A commercial legal form says the kind surest: «Вологодское ипотечное агентство» of a
    headline (an authority by its head) is the company «АО «Вологодское ипотечное агентство»»."""
    if m.legal_form and m.kind == "company" and legal_forms().kinds.get(m.legal_form) == "company":
        return 3
    return 0 if not m.kind else 1 if m.kind_guessed else 2


def merge_locations(text: str, mentions: list[LocMention]) -> list[Location]:
    """One Location per place, whatever the form («Беларусь», «Республика Беларусь»,
    «Белоруссия»; «Россия», «РФ», «Российская Федерация»): named as the text first names it, the
    other names as aliases. A lone «Республика» is the republic named last before it, or no
    place at all."""
    groups: list[list[LocMention]] = []
    names: list[list[str]] = []
    for m in mentions:
        if _norm(m.name) == LONE_STATE:
            k = next((i for i in range(len(groups) - 1, -1, -1) if _is_republic(names[i], m.start, groups[i])), None)
        else:
            k = next((i for i, ns in enumerate(names) if any(same_place(n, m.name) for n in ns)), None)
        if k is None:
            if _norm(m.name) != LONE_STATE:
                groups.append([m])
                names.append([m.name])
            continue
        groups[k].append(m)
        if all(_norm(n) != _norm(m.name) for n in names[k]) and _norm(m.name) != LONE_STATE:
            names[k].append(m.name)
    out = []
    for group, ns in zip(groups, names, strict=True):
        group.sort(key=lambda x: x.start)
        # a region's nickname gives way to its official name («Прикамье», «Пермский край»)
        ns = sorted(ns, key=lambda n: region_nickname(n) is not None)
        ns[0] = _with_written_yo(ns[0], [text[m.start : m.end] for m in group])
        loc = Location(name=ns[0], aliases=ns[1:])
        loc.mentions = [Mention(text[m.start : m.end], m.start, m.end) for m in group]
        out.append(loc)
    return out


def _with_written_yo(name: str, written: list[str]) -> str:
    """The name with «ё» where the text writes it in that form: «Вышний Волочёк», though the
    dictionary's nominative of «Вышнем Волочке» lost it."""
    return next((w for w in written if "ё" in w and "ё" not in name and w.replace("ё", "е") == name), name)


def find_location(locs: list[Location], name: str) -> int | None:
    """The index of the location one of whose names is `name`, in any form («Российская
    Федерация» finds the place named «Россия» with that alias): for `org_ref` of a post."""
    return next((i for i, loc in enumerate(locs) if any(same_place(n, name) for n in [loc.name, *loc.aliases])), None)


# «Республика» alone stands for the republic the text names before it
LONE_STATE = "республика"


def _is_republic(names: list[str], before: int, group: list[LocMention]) -> bool:
    """A place named before `before` whose names, or the place list, call it a republic."""
    if group[0].start >= before:
        return False
    return any(LONE_STATE in _norm(n) or is_republic(n) for n in names)
