"""Organizations: companies with legal forms and quoted names, authorities and institutions.

Sources of mentions, each a small rule, ranked when they overlap (legal forms first, then head
nouns and units, the model's spans, places and adjectives, known short names):
- a legal form before a quoted name («ОАО «Кидма тек»», «Госкорпорация «Росатом»»);
- a head noun before a quoted or a Latin name («завод «Красный Октябрь»», «корпорация Google»);
- an authority head with its dependents («Правительство Тульской области», «министерству
  экономического развития»);
- a lowercase unit closed by its organization («кафедра ... РГГУ»);
- natasha's ORG spans, widened to whole quotes and a following genitive place;
- a bare lowercase head that names a body alone («правительство одобрило»);
- LOC spans that name a known body («Евросоюза»), capitalized adjectives before a head
  («Хмельницкой атомной электростанции»), well-known short names, exchange tickers and sites
  that report («сообщает baltinfo.ru»).
Events and things named like organizations are dropped (org_filters); territorial bodies, names
found again, brackets and parents are passes over the chosen mentions (org_passes). The name is
put into the nominative; the legal form and the quotes are not part of it (org_names).
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from pymorphy3.analyzer import Parse

from extractor.lexicon import load_words, speech_verbs
from extractor.lexicon.orgs import (
    QUOTE_CHARS,
    abbrev_spellings,
    bare_heads,
    branch_heads,
    country_named_heads,
    form_of,
    known_abbrevs,
    known_body_word,
    known_name_kinds,
    known_org_kind,
    legal_forms,
    lowercase_heads,
    not_org_names,
    one_word_spelling,
    org_heads,
    org_organs,
    plain,
    quoted_only_heads,
    report_verbs,
    seats_of_power,
    territorial_heads,
    territory_nouns,
    unit_heads,
)
from extractor.lexicon.places import caps_place, country_lemmas
from extractor.lexicon.posts import match_post_head
from extractor.nlp.coverage import Coverage
from extractor.nlp.inflect import (
    adjective_only,
    as_written,
    case_form,
    first_part_kept,
    head_grams,
    head_index,
    may_agree_in_case,
    nominative_phrase,
    recover_shape,
)
from extractor.nlp.morph import UD_CASES, guessed, in_dictionary, parses, phrase_lemmas
from extractor.nlp.numbers import ROMAN
from extractor.nlp.phrases import DASHES, DEDICATION_WORDS, OPEN_QUOTES, TOWN_WORDS, NamedSpans, case_of, quote_end
from extractor.nlp.tagging import MINISTRY_WORD, Span, Tagged, Token
from extractor.rules.organizations.extent import (
    MAX_DESCRIBED_NAME_WORDS,
    MAX_QUOTED_NAME_WORDS,
    described_by_head,
    name_end,
    name_reach,
)
from extractor.rules.organizations.filters import (
    event_or_thing,
    is_a_post_word,
    is_blood_group,
    is_body_of_many_territories,
    is_branch_by_place,
    is_common_noun_before_its_owner,
    is_common_word,
    is_descriptor_alone,
    is_descriptor_of_a_quoted_name,
    is_facility_by_its_town,
    is_facility_of_the_company,
    is_generic,
    is_group_of_countries,
    is_lone_common_noun,
    is_lowercase_common_words,
    is_organ_of_a_reference,
    is_platform_as_a_medium,
    is_plural_common_noun,
    is_thing_of_a_unit,
    is_unit_after_a_number,
    is_working_commission,
    name_keys,
    named_in,
)
from extractor.rules.organizations.names import (
    BRANCH_NOUNS,
    CB_BRANCH_ALONE,
    CENTRAL_BANK_OFFICE,
    LATIN_WORD,
    MIN_ACRONYM,
    NATIONAL_BANK_OFFICE,
    POLICE_DEPARTMENT,
    OrgMention,
    bracketed_short_name,
    central_bank_office_name,
    is_abbreviation,
    is_place_in_the_genitive,
    is_short_body_name,
    known_short_name,
    lexicon_kind,
    national_bank_office_name,
    opens_as_branch,
    same_org,
    strip_quotes,
    tidy,
)
from extractor.rules.organizations.passes import (
    declared_key,
    declared_short_names,
    deputy_remits,
    double_names,
    generic_references,
    joined_by_short_name,
    repeated_mentions,
    spelled_further,
    territorial_branches,
    territory_references,
    with_brackets,
    with_legal_form_before,
    with_parents,
)

# a head noun telling the kind has at most three words: «группа компаний», «Белорусская железная дорога»
MAX_HEAD_KIND_WORDS = 3


# Latin words that make a name a company's: «Segezha Group», «Apple Inc.», «HSBC Holdings»
# English words and foreign legal designations that make a Latin name a company's
COMPANY_WORDS = frozenset(
    "group holding holdings inc ltd llc corp corporation company ag gmbh plc bank "
    "jsc pjsc co limited sa nv bv spa ab oy oyj kg pte pty llp srl sas".split()
)


def _latin_kind(name: str) -> str | None:
    return "company" if any(w.strip(".,").lower() in COMPANY_WORDS for w in name.split()[1:]) else None


def _nominative_name(words: list[Token], text: str) -> str:
    """A name in the nominative; abbreviations stay as written («РУДН», not «РУДНЫ»: the
    dictionary would decline a guess at the word)."""
    name = tidy(nominative_phrase(words, text))
    written = tidy(as_written(words, text)).split()
    said = name.split()
    if len(said) != len(written):
        return name
    return " ".join(_nominative_word(n, w) for n, w in zip(said, written, strict=True))


# an abbreviation with a case ending: «МИДа», «МИДе», «ЦБшного» is no name
DECLINED_ABBREVIATION = re.compile(r"([А-ЯЁ]{2,})[а-яё]{1,2}")


def _nominative_word(said: str, written: str) -> str:
    """A word of a name in the nominative: abbreviations and ministries' genitive short names as
    written, an abbreviation's case ending dropped («МИДа» -> «МИД», not «Мид»)."""
    if len(written) > 1 and written.isupper() or _ministry_of_a_genitive(written):
        return written
    declined = DECLINED_ABBREVIATION.fullmatch(written) if said != written else None  # dependents stay
    return declined.group(1) if declined else said


@cache
def _ministry_of_a_genitive(word: str) -> bool:
    """«Минпросвещения», «Минприроды», «Минэнерго»: a ministry's short name ending in a feminine
    or neuter genitive does not decline («Минпросвещения России» is no «Минпросвещение»), unlike
    «Минфина», «Минспорта»."""
    m = MINISTRY_WORD.fullmatch(word)
    if m is None or any(p.tag.POS == "ADJF" for p in parses(word.lower())):
        return False  # «Минским»
    return any(
        p.tag.POS == "NOUN" and p.tag.case == "gent" and p.tag.number == "sing" and p.tag.gender in ("femn", "neut")
        for p in parses(m.group(1))
    )


def _head_kind(tokens: list[Token]) -> str | None:
    """Kind from the head noun: at the start («Правительство ...») or after adjectives
    («Государственный военно-промышленный комитет»)."""
    starts = [0]
    h = head_index(tokens)
    if h:
        # a two-word head first: «Белорусская железная дорога», «Смоленский городской Совет»
        starts += [h - 1, h]
    for s in starts:
        found = org_heads().longest_at(tokens, s, min(len(tokens), s + MAX_HEAD_KIND_WORDS))
        if found and tuple(t.lemma for t in tokens[s : found[0]]) not in quoted_only_heads():
            if found[0] == s + 1 and tokens[s].lemma in COUNCIL_HEADS and _territory_follows(tokens, found[0]):
                return "authority"
            return _owner_kind(tokens, s, found[0]) or found[1]
    return None


def _owner_kind(tokens: list[Token], head: int, k: int) -> str | None:
    """A branch is of its body's kind when the lexicon knows the body named after the head:
    «Отделение Социального фонда России по Магаданской области» is an authority."""
    if tuple(t.lemma for t in tokens[head:k]) not in branch_heads():
        return None
    owner = known_name_kinds().longest_at(tokens, k, len(tokens))
    return owner[1] if owner else None


# a council named by its territory is its representative body: «Совет Ладожского сельского поселения»,
# «Совет Зеленодольского муниципального района» (the blind gold makes every such one an authority);
# «Совет ветеранов района», «Совет судей области» keep the head's kind
COUNCIL_HEADS = frozenset({"совет"})
# the adjectives of a territory between the head and its noun: «Зеленодольского муниципального»
MAX_TERRITORY_ADJECTIVES = 3


def _territory_follows(tokens: list[Token], k: int) -> bool:
    """A territory noun in the genitive at k, past its adjectives: «Ладожского сельского | поселения»."""
    end = min(len(tokens), k + MAX_TERRITORY_ADJECTIVES + 1)
    while k < end and tokens[k].pos == "ADJ":
        k += 1
    return k < len(tokens) and tokens[k].lemma in territory_nouns() and case_of(tokens[k]) == "Gen"


# spaces (no-break ones too) between a legal form and its quoted name: «ООО  «Вектор»»
MAX_GAP_BEFORE_QUOTE = 2


def _legal_form_mentions(tagged: Tagged, spans: NamedSpans) -> list[OrgMention]:
    """A legal form (abbreviated or spelled out) followed by a quoted name; a spelled-out one also
    by a name without quotes that opens with a capitalized head («учреждения науки Института
    прикладной механики ...»)."""
    forms = legal_forms()
    text = tagged.text
    hits = [(m.start(), m.end(), form_of(m.group(1))) for m in forms.abbreviation.finditer(text)]
    hits += _regional_forms(text, {s for s, _e, _a in hits})
    for m in forms.any_spelled.finditer(text):
        if any(s <= m.start() < e for s, e, _ in hits):
            continue
        abbr = forms.spelled_abbreviation(m.group(0))
        if abbr:
            hits.append((m.start(), m.end(), abbr))
    out = []
    ends = {e: (s, a) for s, e, a in hits}
    for start, end, abbr in sorted(hits):
        # the quoted name right after the form
        region = REGION_CODE.match(text, end)  # «ГКУ НСО «...»»: the region's code after the form
        if region and region[0].strip() in forms.kinds and forms.kinds.get(abbr) != "other":
            # «ООО УК «Северинвест»»: a second form, not a region; after an institution's form the
            # letters are its region's, a form's though they be («ГАУ ДО ПО «...»»: Пензенской области)
            region = None
        after = region.end() if region else end
        if region is None:
            # «учреждение культуры Новосибирской области «...»», «ГАУ Ярославской области «...»», «МКУ
            # города Костромы «...»»
            after = _past_place(tagged, spans, end)
        rest = text[after : after + MAX_GAP_BEFORE_QUOTE + 1]
        gap = len(rest) - len(rest.lstrip(" \u00a0"))
        qpos = after + gap
        if qpos >= len(text) or text[qpos] not in OPEN_QUOTES:
            unquoted = _unquoted_name(tagged, spans, qpos) if " " in text[start:end] else None
            if unquoted is not None:
                # «Федерального государственного бюджетного учреждения науки Института ...»
                kind = forms.kinds.get(abbr) or _regional_kind(abbr) or "company"
                out.append(OrgMention(start, unquoted[0], unquoted[1], abbr, kind))
            continue
        k = tagged.token_at(qpos)
        if k is None:
            continue
        sent = tagged.sents[tagged.tokens[k].sent]
        q = quote_end(tagged, k, sent.last)
        if q is None:
            continue
        qend = tagged.tokens[q - 1].end
        name = strip_quotes(text[qpos:qend])
        if not name or region and not name[:1].isupper():
            continue  # «УК РФ «угроза применения насилия ...»»: a code's article, no name
        if _preposition_before_oblique(tagged, text[start:end], k + 1, q):
            continue  # a heading in capitals: «ПО «ПУШКИНСКОЙ КАРТЕ» ПРОДАНО ...»
        # «ООО УК «Металлоинвест»», «АО НПО «Энергомаш»»: the first form is the legal one, the
        # second belongs to the name
        before = text[max(0, start - MAX_GAP_BEFORE_QUOTE - 1) : start]
        outer = ends.get(start - (len(before) - len(before.rstrip(" \u00a0"))))
        if outer is not None and before[-1:].isspace():
            name = f"{text[start:end]} «{name}»"
            start, abbr = outer
        abbr = _without_region_letters(abbr, name)
        kind = forms.kinds.get(abbr) or _regional_kind(abbr) or "company"
        # «ФГБОУ ВО «... медицинский университет» Министерства здравоохранения Российской Федерации»:
        # the ministry the institution belongs to closes its official name, as its parent
        owner_end = _owning_ministry_end(tagged, spans, q, sent.last) if kind == "other" else None
        end_at = tagged.tokens[owner_end - 1].end if owner_end else qend
        out.append(OrgMention(start, end_at, " ".join(name.split()), abbr, kind))
    return out


def _owning_ministry_end(tagged: Tagged, spans: NamedSpans, k: int, limit: int) -> int | None:
    """Where a ministry in the genitive right after an institution's quoted name ends: «Министерства
    здравоохранения Российской Федерации»; None when none stands there."""
    toks = tagged.tokens
    if k >= limit or toks[k].lemma != "министерство" or not toks[k].text[:1].isupper() or case_of(toks[k]) != "Gen":
        return None
    end = name_reach(tagged, spans, k + 1, limit)
    end = next((j for j in range(k + 1, end) if toks[j].text == "("), end)  # «(СВГМУ)» is the institution's
    return end if end > k + 1 else None


# legal forms spelled like a preposition: «ПО» (потребительское общество) is «по» in capitals
FORMS_LIKE_PREPOSITIONS = frozenset({"по"})


def _preposition_before_oblique(tagged: Tagged, form: str, first: int, last: int) -> bool:
    """A form that is a preposition in capitals before a quoted name no word of which may be a
    nominative: the preposition and the thing it governs («ПО «ПУШКИНСКОЙ КАРТЕ»»), as a body's
    quoted name after its form is written in the nominative."""
    if form.lower() not in FORMS_LIKE_PREPOSITIONS:
        return False
    words = [t for t in tagged.tokens[first:last] if t.text.isalpha()]
    return bool(words) and not any(p.tag.case == "nomn" for t in words for p in t.parses)


# «СО» of a form is «социального обслуживания» for a social service; before another name it is the
# region's letters («ГКУ СО «Центр занятости населения города Саратова»»: Саратовской области)
SOCIAL_SERVICE = re.compile(r"социальн|обслуживан|реабилитац|интернат|геронтолог|милосерди", re.IGNORECASE)


def _without_region_letters(abbr: str, name: str) -> str:
    """The legal form without a trailing «СО» that is the region's letters, not a social service's."""
    if abbr.endswith(" СО") and not SOCIAL_SERVICE.search(name):
        return abbr[: -len(" СО")]
    return abbr


def _past_place(tagged: Tagged, spans: NamedSpans, end: int) -> int:
    """The end of a place named right after a legal form («города Костромы» too), or `end`."""
    window = tagged.text[end : end + MAX_GAP_BEFORE_QUOTE + 1]
    k = tagged.token_at(end + len(window) - len(window.lstrip(" \u00a0")))
    town_word = k is not None and k + 1 < len(tagged.tokens) and tagged.tokens[k].text.lower() in TOWN_WORDS
    if town_word:
        k += 2 if tagged.tokens[k + 1].text == "." else 1
    toks = tagged.tokens
    if k is not None and k + 1 < len(toks) and toks[k].pos == "ADJ" and toks[k].text[:1].isupper() and (
        toks[k + 1].lemma in territory_nouns()
    ):
        last = k + 2  # «Ярославской области», which the model took into the name's span
    elif k is not None and (named := _capitalized_place_before_quote(toks, k, town_word)) is not None:
        last = named  # «ГУП Республики Марий Эл «...»», «МУП города Кирова «...»» inside the model's ORG span
    elif k is None or k not in spans.loc_start or k not in spans.named_end:
        return end
    else:
        last = spans.named_end[k]
        # a place the model ran into the quoted name: «округа – Югры «Лангепасская городская больница»
        last = next((j for j in range(k + 1, last) if toks[j].text in OPEN_QUOTES), last)
    # a region's second name after a dash: «Ханты-Мансийского автономного округа – Югры»
    if last + 1 < len(toks) and toks[last].text in DASHES and toks[last + 1].text[:1].isupper():
        last = spans.named_end.get(last + 1, last + 2)
    return toks[last - 1].end


# words a republic's or a town's name may take before a quoted name: «Марий Эл», «Саха (Якутия)»
MAX_PLACE_WORDS_BEFORE_QUOTE = 4


def _capitalized_place_before_quote(toks: list[Token], k: int, town_word: bool) -> int | None:
    """The end of a town's name after its town word, or of «Республики» and its name, when only
    capitalized words stand between it and an opening quote; None otherwise."""
    first = k if town_word else k + 1
    if not town_word and (toks[k].text != "Республики" or first >= len(toks)):
        return None
    j = first
    while j < len(toks) and j - first < MAX_PLACE_WORDS_BEFORE_QUOTE and (
        toks[j].text[:1].isupper() or toks[j].text in ("(", ")")
    ):
        j += 1
    return j if j > first and j < len(toks) and toks[j].text in OPEN_QUOTES else None


def _outside_others(mentions: list[OrgMention]) -> list[OrgMention]:
    """Mentions not inside another's brackets: «(ИХТТ УрО РАН)» joined the name before it, its
    «РАН» is no mention of its own."""
    inside: set[tuple[int, int]] = set()
    reach = -1  # the furthest end of the spans starting before, or at the same start and longer
    for start, end in sorted({(m.start, m.end) for m in mentions}, key=lambda se: (se[0], -se[1])):
        if reach >= end:
            inside.add((start, end))
        reach = max(reach, end)
    return [m for m in mentions if (m.start, m.end) not in inside]


def _unquoted_name(tagged: Tagged, spans: NamedSpans, pos: int) -> tuple[int, str] | None:
    """The end and the nominative of a name starting at `pos` with a capitalized head noun of
    names and its dependents («Института прикладной механики сплавов Сибирского отделения
    Российской академии наук»); None if no such head starts there."""
    k = tagged.token_at(pos)
    if k is None or not _is_capitalized(tagged.tokens[k]):
        return None
    found = org_heads().longest_at(tagged.tokens, k, len(tagged.tokens))
    if not found:
        return None
    sent = tagged.sents[tagged.tokens[k].sent]
    last = name_reach(tagged, spans, found[0], sent.last)
    last = next((j for j in range(k, last) if tagged.tokens[j].text == "("), last)  # the short name: an alias
    words = tagged.tokens[k:last]
    name = _nominative_name(words, tagged.text)
    return words[-1].end, name[:1].upper() + name[1:]


# a region's code between a legal form and the quoted name: «ГКУ НСО «...»», «БУЗ ВО «...»»
REGION_CODE = re.compile(r"[ \u00a0]+[А-ЯЁ]{2,3}(?:[ \u00a0]?\([А-ЯЁ]\))?(?=[ \u00a0]*[«\"„“])")  # «ГБУ РС(Я) «...»»
# a form no list holds, written before a quoted name: a known form with a region's letters before
# it («КОГАУ», «КГБУЗ») or after it («БУЗОО»: Омской области), or the tail of a known form («БУЗ» of «ГБУЗ»)
CAPS_BEFORE_NAME = re.compile(r"(?<![\w-])([А-ЯЁ]{3,7})(?=(?:[ \u00a0]+[А-ЯЁ]{2,3})?[ \u00a0]*[«\"„“])")
MIN_FORM_LETTERS = 3
# the letters of a region written after a form: «ОО» (Омской области)
MAX_REGION_LETTERS_AFTER = 2


def _regional_forms(text: str, known_starts: set[int]) -> list[tuple[int, int, str]]:
    out = []
    for m in CAPS_BEFORE_NAME.finditer(text):
        word = m.group(1)
        if m.start() in known_starts or word in legal_forms().kinds or word.lower() in known_abbrevs():
            continue
        if _regional_kind(word) is not None:
            out.append((m.start(), m.end(), word))
    return out


def _regional_kind(word: str) -> str | None:
    """The kind of the listed form a regional form is made of («КОГАУ»: «ГАУ», «БУЗОО»: «БУЗ», «БУЗ»: «ГБУЗ»)."""
    forms = _one_word_forms()
    found = next((f for f in forms if word.endswith(f) or f.endswith(word) or _letters_after(f, word)), None)
    return legal_forms().kinds[found] if found else None


def _letters_after(form: str, word: str) -> bool:
    """`word` is `form` and one or two letters more: a region's («БУЗОО»: Омской области) or a field's
    («ОГБУВ»: ветеринарии)."""
    return word.startswith(form) and len(word) - len(form) <= MAX_REGION_LETTERS_AFTER


@cache
def _one_word_forms() -> tuple[str, ...]:
    """The listed legal forms a regional one may be made of: one word in capitals, three letters at least."""
    return tuple(f for f in legal_forms().kinds if f.isupper() and len(f) >= MIN_FORM_LETTERS and " " not in f)




def _looks_like_name(inner: list[Token], described: bool = False) -> bool:
    """A quoted name is short, starts with a capital, a digit or a Latin letter, and has no
    finite verb: «Красный Октябрь», «16 тонн» are names, «опасен для православия ...» is not; after
    a head that describes it, it may be longer (`described`)."""
    words = [t for t in inner if t.text[:1].isalnum()]
    if not words or len(words) > (MAX_DESCRIBED_NAME_WORDS if described else MAX_QUOTED_NAME_WORDS):
        return False
    first = words[0].text
    if not (first[:1].isupper() or first[:1].isdigit() or first[:1].isascii()):
        return False
    # a capitalized word the tagger took for a verb is a slip: «Прикамье»
    return not any(t.pos in ("VERB", "AUX") and t.feats.get("VerbForm") == "Fin" and t.text.islower() for t in words)


def _opens_name(tok: Token) -> bool:
    """A capital, a quote or a Latin letter: «Газпрома», «"Черкизово"», «HSBC»."""
    return tok.text[:1].isupper() or tok.text[:1] in OPEN_QUOTES or tok.text[:1].isdigit()


def _is_capitalized(tok: Token) -> bool:
    return tok.text[:1].isupper()


# a head's word that names a field of work, no body, after these adjectives: «государственного управления»
FIELD_PHRASES = frozenset({("государственный", "управление"), ("муниципальный", "управление")})


def _head_mentions(tagged: Tagged, spans: NamedSpans, descriptors: Coverage) -> list[OrgMention]:
    """Capitalized org head nouns with their dependents: «Правительство Тульской области»;
    and any org head before a quoted name: «завод «Красный Октябрь»», whose mention is the quoted
    name, as after a head before a Latin name: the head is a descriptor, no part of the name
    (NEREL and factRuEval mark «Спартак» in «футбольного клуба «Спартак»»). The descriptors left
    out go into `descriptors`: they are no mention of their own («Футбольный клуб» alone)."""
    toks = tagged.tokens
    out = []
    i = 0
    while i < len(toks):
        organ = org_organs().longest_at(toks, i, len(toks))
        if organ:
            i = organ[0]  # «Совет директоров ПАО ...»: an organ, the name after it is the organization
            continue
        found = org_heads().longest_at(toks, i, len(toks))
        if not found or _managing(toks, i, found[0]):
            i += 1
            continue
        head_end, kind = found
        key = tuple(t.lemma for t in toks[i:head_end])
        sent = tagged.sents[toks[i].sent]
        # «спортивной школы олимпийского резерва «Амур»»: the genitive of a lowercase head before a
        # quoted name is the descriptor's too
        described = head_end
        # (a head that names only by a quoted name may open the sentence: «Сеть ювелирных салонов «...»»)
        lowercase = toks[i].text.islower() or key in quoted_only_heads()
        if lowercase and kind != "authority" and _with_adjectives(toks, i, sent.first) == i:
            head_end = _past_genitives_before_quote(toks, head_end, sent.last)
        if key in quoted_only_heads() and not (head_end < sent.last and toks[head_end].text in OPEN_QUOTES):
            i = head_end
            continue
        if head_end < sent.last and toks[head_end].text in OPEN_QUOTES:
            q = quote_end(tagged, head_end, sent.last)
            if q is not None and not _looks_like_name(toks[head_end + 1 : q - 1], described_by_head(toks, head_end)):
                q = None  # a quotation or a title in quotes, not a name
                i = head_end
                continue
            if q is not None:
                name = strip_quotes(tagged.text[toks[head_end].start : toks[q - 1].end])
                if name:
                    # a company's head is its name's, unless its genitives stand between («объединения
                    # московских художников «АДМИ»») or it names only by a quoted name («сети «Магнит»»)
                    own_head = kind == "company" and head_end == described and key not in quoted_only_heads()
                    start = toks[i].start if own_head else toks[head_end].start
                    if kind == "authority" and head_end == i + 1:
                        # a state body is named by its head and dependents, never by a quoted name:
                        # «агентство «Енисей-Инфо»» is a news agency
                        kind = "other"
                    first = _with_adjectives(toks, i, sent.first)
                    if not sent.first < first < i:
                        # not «Континентальной хоккейной лиги «Сибирь»»: a name ends at the head
                        descriptors.add(toks[i].start, start)
                    out.append(OrgMention(start, toks[q - 1].end, name, None, kind))
                i = q
                continue
        latin = _latin_name_end(toks, head_end, sent.last)
        if latin:
            # «корпорация Google», «компании Sun Microsystems»: the Latin name is the mention
            name = tagged.text[toks[head_end].start : toks[latin - 1].end]
            out.append(OrgMention(toks[head_end].start, toks[latin - 1].end, name, None, kind))
            i = latin
            continue
        if key in country_named_heads() and _country_at(toks, spans, head_end):
            last = _past_sport(toks, spans.named_end.get(head_end, head_end + 1), sent.last)
            words = toks[i:last]
            name = _nominative_name(words, tagged.text)
            out.append(OrgMention(words[0].start, words[-1].end, name[:1].upper() + name[1:], None, kind))
            i = last
            continue
        if kind == "authority" and toks[head_end - 1].feats.get("Number") == "Plur":
            shared = _coordinated(tagged, i, head_end, sent.last, kind)
            if shared:
                out.extend(shared)
                i = tagged.token_ending(shared[-1].end) + 1
                continue
            if i > 0 and toks[i - 1].pos == "NUM" and toks[i].text.islower():
                i = head_end  # «из 38 муниципалитетов Пермского края»: counted bodies, none named
                continue
        # «Правительство Тульской области»; lowercase too when a place follows: «правительство
        # Омской области»
        if kind == "authority" and toks[i].text.islower() and head_end < len(toks) and toks[head_end].text == ",":
            i = head_end  # «развития государственного управления, информационных технологий»: a field in a list
            continue
        if toks[i].text.islower() and i > 0 and (toks[i - 1].lemma, toks[i].lemma) in FIELD_PHRASES:
            i = head_end  # «министр цифрового развития государственного управления Республики ...»: a field
            continue
        if kind == "authority":
            last = name_reach(tagged, spans, head_end, sent.last)
            first = _with_adjectives(toks, i, sent.first)
            if first == i and last > head_end and toks[i].text.islower() and _unit_head(toks[i]) and any(
                org_heads().longest_at(toks, k, last) for k in range(head_end, last)
            ):
                # a unit of the body named after it («финансово-казначейского управления Администрации
                # города»), not of a country or a people («государственный департамент США»: factRuEval
                # leaves the adjective out)
                first = _unit_adjectives(toks, i, sent.first)
            named_place = any(k in spans.loc_start for k in range(head_end, last)) or _quoted_municipality(
                toks, head_end, last
            )
            lowercase_name = key in lowercase_heads()
            # «правительство края», «администрация города»: the territory of the text's own body
            territory = key in territorial_heads() and last == head_end + 1
            territory = territory and toks[head_end].lemma in territory_nouns() and case_of(toks[head_end]) == "Gen"
            if last > head_end and (_is_capitalized(toks[first]) or named_place or lowercase_name or territory):
                words = toks[first:last]
                name, short = _short_name_split(_nominative_name(words, tagged.text))
                if first > 0 and toks[first - 1].text in QUOTE_CHARS and case_of(toks[first]) == "Gen":
                    # «... «Южнороссийский медицинский университет» Министерства здравоохранения
                    # Российской Федерации (ЮРМУ)»: the founder's name; the short name is the institution's
                    short = None
                # the adjectives taken in may make a head of their own: «Духовное управление мусульман» is no
                # «управление» of a state body
                kind_of_words = (_head_kind(words) if first < i else None) or kind
                out.append(
                    OrgMention(words[0].start, words[-1].end, name[:1].upper() + name[1:], None, kind_of_words, short)
                )
                i = last
                continue
        i += 1
    return out


def _country_at(toks: list[Token], spans: NamedSpans, k: int) -> bool:
    """A place the model found that is a country: «России», «США» (not a region's or a town's
    team: «сборная Ростовской области», which the blind releases' gold counts as no organization)."""
    return k in spans.loc_start and spans.named_end.get(k, k + 1) == k + 1 and toks[k].lemma in country_lemmas()


# the words of a sport after «по»: «по лыжным гонкам», «по пляжному волейболу»
MAX_SPORT_WORDS = 3


def _past_sport(toks: list[Token], k: int, limit: int) -> int:
    """«сборная России | по хоккею», «по лыжным гонкам»: the sport a national team plays, in the dative."""
    if not (k + 1 < limit and toks[k].text == "по"):
        return k
    j = k + 1
    while j < min(limit, k + 1 + MAX_SPORT_WORDS) and toks[j].text.islower() and case_of(toks[j]) == "Dat":
        if toks[j].pos == "NOUN":
            return j + 1
        j += 1
    return k


# the nouns of a municipality whose own name is quoted: «городского округа «Город Архангельск»»,
# «муниципального образования «Вяземский район»»
MUNICIPALITY_NOUNS = frozenset({"округ", "образование", "район", "поселение"})


def _quoted_municipality(toks: list[Token], k: int, last: int) -> bool:
    """The words from k name a municipality by its quoted name: lowercase adjectives, a
    municipality's noun in the genitive, the opening quote («городского округа «Город Архангельск»»)."""
    j = k
    while j < last and toks[j].text.islower() and toks[j].pos == "ADJ":
        j += 1
    return (
        j + 1 < last and toks[j].lemma in MUNICIPALITY_NOUNS and case_of(toks[j]) == "Gen"
        and toks[j + 1].text in OPEN_QUOTES
    )


# the most words of a genitive between a head and a quoted name: «олимпийского резерва»
MAX_DESCRIPTOR_GENITIVE = 5


def _past_genitives_before_quote(toks: list[Token], head_end: int, limit: int) -> int:
    """Past lowercase genitive words between a head and an opening quote, or `head_end`; not past
    a head of its own («делегации | администрации муниципального образования «...»»)."""
    k = head_end
    while k < min(limit, head_end + MAX_DESCRIPTOR_GENITIVE) and toks[k].text.islower() and (
        toks[k].pos in ("NOUN", "ADJ") and case_of(toks[k]) == "Gen" and not org_heads().longest_at(toks, k, limit)
    ):
        k += 1
    ends_in_noun = k > head_end and toks[k - 1].pos == "NOUN"
    return k if ends_in_noun and k < limit and toks[k].text in OPEN_QUOTES else head_end


def _nested_authority(tagged: Tagged, spans: NamedSpans, m: OrgMention) -> list[OrgMention]:
    """The authority a name ends with, named by a lowercase head and its place: «управления
    внешнего благоустройства | администрации города Перми» (its parent, an organization of its
    own)."""
    toks = tagged.tokens
    first, end = tagged.token_at(m.start), tagged.token_ending(m.end)
    if first is None or end is None:
        return []
    last = end + 1
    for j in range(first + 1, last):
        found = org_heads().longest_at(toks, j, last)
        if not found or found[1] != "authority" or not toks[j].text.islower():
            continue
        if case_of(toks[j]) != "Gen" or toks[j - 1].pos != "NOUN":
            continue  # a genitive after a noun: not the name's own head («Верховный суд США»)
        head_end = found[0]
        placed = any(n in spans.loc_start for n in range(head_end, last))
        if not placed or name_reach(tagged, spans, head_end, last) < last:
            continue
        name = _nominative_name(toks[j:last], tagged.text)
        return [OrgMention(toks[j].start, toks[last - 1].end, name[:1].upper() + name[1:], None, "authority")]
    return []


# a dash or a colon opening what follows like a sentence
CLAUSE_DASHES = frozenset({"—", "–", "-", ":"})


def _adjective_name_mentions(tagged: Tagged, spans: NamedSpans) -> list[OrgMention]:
    """«блоков Хмельницкой атомной электростанции», «с Минским тракторным заводом»: capitalized
    adjectives before a lowercase head noun inside a sentence make a name. Not at the start of a
    sentence or a quotation («Российские компании», «Японское правительство»), not where the
    model saw a place («Российской федерации»); the model's longer spans win over these."""
    toks = tagged.tokens
    heads = org_heads()
    others = {k for sp in tagged.spans if sp.type != "ORG" for k in range(sp.first, sp.last)}
    # a place the model saw in adjectives alone («Шадринским | техникумом») may be the name's own words
    adjective_places = {
        k: sp for sp in tagged.spans if sp.type != "ORG" and all(toks[j].pos == "ADJ" for j in range(sp.first, sp.last))
        for k in range(sp.first, sp.last)
    }
    out = []
    for i, tok in enumerate(toks):
        if not tok.text[:1].islower() or tok.pos != "NOUN":
            continue
        kind = heads.get((tok.lemma,))
        if kind is None or (tok.lemma,) in quoted_only_heads():
            continue
        sent = tagged.sents[tok.sent]
        first = _with_adjectives(toks, i, sent.first)
        if not sent.first < first < i or toks[first - 1].text in OPEN_QUOTES or toks[first - 1].text in CLAUSE_DASHES:
            continue  # after a dateline's dash a sentence opens: «ОРЕНБУРГ, 17 сентября — Первая партия ...»
        if any(k in others and not _agreeing_place(toks, adjective_places.get(k), i) for k in range(first, i + 1)):
            continue
        if not may_agree_in_case(toks[i - 1], toks[i]):
            continue  # «запустило под Мещовском | свинокомплекс»: a town in another case, no adjective of the head
        if org_organs().longest_at(toks, first, i + 1) and i + 1 < len(toks) and case_of(toks[i + 1]) == "Gen":
            # «Организационный комитет конгресса»: an organ of what follows, no name («Экспертный совет по
            # вопросам ...» alone is one)
            continue
        last = name_reach(tagged, spans, i + 1, sent.last)  # «... комитета по имуществу»
        words = toks[first:last]
        out.append(OrgMention(words[0].start, words[-1].end, _nominative_name(words, tagged.text), None, kind))
    return out


def _agreeing_place(toks: list[Token], place: Span | None, head: int) -> bool:
    """Adjectives the model read as a place, in the case of the head noun after them: «Шадринским
    техникумом», not «в станице Ленинградской | агрохолдинг»."""
    if place is None or place.last > head:
        return False
    return all(toks[k].case == toks[head].case for k in range(place.first, place.last))


def _of_a_place(tok: Token) -> bool:
    """An adjective of a country, a region or a people: «японское», «британского», «областное»."""
    return tok.pos == "ADJ" and (tok.lemma.endswith(("ский", "цкий")) or tok.lemma in PLACE_ADJECTIVES)


def _bare_head_mentions(tagged: Tagged) -> list[OrgMention]:
    """«правительство одобрило», «парламент принял»: a head that names an organization in lowercase
    and alone (org_bare_heads.txt). A head with a name or a place after it is taken by the longer
    mentions; a bare one is a reference to the organization of that head named before
    (`generic_references`), else the body of the text's country. Not after an adjective of a place
    («японское правительство», «областное правительство»): it tells another body, or one named
    otherwise; another adjective stays out of the span («новое правительство»): factRuEval marks
    no ORG in these."""
    toks = tagged.tokens
    out = []
    for i, tok in enumerate(toks):
        if not (tok.text[:1].islower() or i == tagged.sents[tok.sent].first):  # «Правительство ушло»
            continue
        found = bare_heads().longest_at(toks, i, len(toks))
        if found and not (i > 0 and _of_a_place(toks[i - 1])):  # «японское правительство»: whose, it says
            words = toks[i : found[0]]
            name = _nominative_name(words, tagged.text)
            out.append(OrgMention(words[0].start, words[-1].end, name[:1].upper() + name[1:], None, "authority"))
    return out


# a post or an organ before a head: a few words («заместителя спикера», «пресс-службе»)
MAX_POST_WORDS_BEFORE = 3


def _after_post_or_organ(tagged: Tagged, start: int) -> bool:
    """«спикера парламента», «в пресс-службе правительства»: a bare head after a post or an organ
    is said of the body the text is about, named otherwise («Госсобрание»), or of none it names."""
    toks = tagged.tokens
    i = tagged.token_at(start)
    if i is None:
        return False
    first = max(tagged.sents[toks[i].sent].first, i - MAX_POST_WORDS_BEFORE)
    for k in range(first, i):
        organ = org_organs().longest_at(toks, k, i)
        if match_post_head(toks, k, i) == i or (organ and organ[0] == i):
            return True
    return False


# a Latin name after a head noun: «корпорация Sun Microsystems», a few words at most
MAX_LATIN_NAME_WORDS = 4


def _latin_name_end(toks: list[Token], i: int, limit: int) -> int | None:
    """The end of a capitalized Latin-script name starting at token `i`, if there is one."""
    if i >= limit or not toks[i].text[:1].isupper() or not LATIN_WORD.match(toks[i].text):
        return None
    k, words = i, 0
    while k < limit and words < MAX_LATIN_NAME_WORDS and LATIN_WORD.match(toks[k].text):
        k, words = k + 1, words + 1
        # «Standard & Poors», «Johnson & Johnson»: an ampersand between two Latin words
        if k + 1 < limit and toks[k].text == "&" and LATIN_WORD.match(toks[k + 1].text):
            k += 1
    return k


# pronoun-like adjectives point at a unit, they do not name it: «самого центра», «своего отдела»
NOT_NAME_ADJECTIVES = frozenset(load_words("pronoun_adjectives.txt"))
# «областное», «городское»: adjectives of a territory that are no «-ский» ones
PLACE_ADJECTIVES = frozenset({"областной", "городской", "краевой", "республиканский", "федеральный"})


def _unit_mentions(tagged: Tagged, spans: NamedSpans) -> list[OrgMention]:
    """A unit of a named organization, in lowercase, with the organization closing it:
    «кафедрой социальных коммуникаций и технологий РГГУ», «президентского совета ФИДЕ». The
    organization becomes its parent."""
    toks = tagged.tokens
    known = abbrev_spellings()
    org_ends = {s.last for s in tagged.spans if s.type == "ORG"}
    org_ends |= {i + 1 for i, t in enumerate(toks) if t.text in known and sum(c.isupper() for c in t.text) >= 2}
    place_spans = {s.first: s.last for s in tagged.spans if s.type == "LOC"}
    out = []
    i = 0
    while i < len(toks):
        tok = toks[i]
        unit = unit_heads().longest_at(toks, i, len(toks)) if tok.text[:1].islower() else None
        n = unit[0] - i if unit else 0
        quoted_name = i + n + 1 < len(toks) and toks[i + n].text in OPEN_QUOTES and case_of(toks[i + n + 1]) != "Gen"
        if not n or not tok.text[:1].islower() or quoted_name or _managing(toks, i, i + n):
            i += 1  # «филиал «Владимирский полиэфир»» is a name of its own; «службе «Голоса Америки»» a unit
            continue
        if toks[i + n - 1].feats.get("Number") == "Plur":
            i += n  # «итоги всех подразделений ДВТУ»: units in the plural name none of them
            continue
        sent = tagged.sents[tok.sent]
        organ = org_organs().longest_at(toks, i, min(len(toks), i + n + 1))
        if organ:  # «совет директоров», «наблюдательный совет»: an organ, no unit
            i = organ[0]
            continue
        last = name_reach(tagged, spans, i + n, sent.last)
        closed = last - 1 if toks[last - 1].text in QUOTE_CHARS else last  # «движения «Солидарность»»
        placed = None
        if last not in org_ends and closed not in org_ends and (toks[i + n - 1].lemma,) in BRANCH_NOUNS:
            placed = _place_after_a_name(place_spans, org_ends, i + n, last)
            last = placed or last
        if last == i + n or (
            last not in org_ends and closed not in org_ends and placed is None and not _field_committee(toks, i, n)
            and not _committee_of_a_body(toks, org_ends, i, n, last)
        ):
            i += 1
            continue
        first = i  # «президентского» совета: lowercase adjectives agreeing with the head
        while first > sent.first and toks[first - 1].pos == "ADJ" and case_of(toks[first - 1]) == case_of(tok):
            if toks[first - 1].lemma in NOT_NAME_ADJECTIVES or match_post_head(toks, first - 1, first) is not None:
                break  # nor a post the tagger reads as an adjective: «Заведующим отделением ...»
            first -= 1
        if org_organs().longest_at(toks, first, last):
            i = last  # «наблюдательного совета «Уралкалия»»: an organ, no unit
            continue
        words = toks[first:last]
        name = _nominative_name(words, tagged.text)
        # a unit is of its organization's kind: «отдел ... HP» is no authority; of its own head's
        # when the organization is unknown («департамент ЖКХ»)
        owner = known_abbrevs().get(toks[last - 1].text.lower())
        kind = owner[1] if owner else org_heads().get(tuple(t.lemma for t in toks[i : i + n]))
        out.append(OrgMention(words[0].start, words[-1].end, name, None, kind))
        i = last
    return out


# a committee named by its field is a body though its parliament goes unnamed: «комитет по бюджету,
# финансам и налогам» (NEREL train: 11 of 13 lowercase «комитет / комиссия по ...» are inside an
# organization)
FIELD_COMMITTEES = frozenset({"комитет", "комиссия"})


def _field_committee(toks: list[Token], i: int, n: int) -> bool:
    return n == 1 and toks[i].lemma in FIELD_COMMITTEES and i + 1 < len(toks) and toks[i + 1].text == "по"


def _place_after_a_name(place_spans: dict[int, int], org_ends: set[int], lo: int, hi: int) -> int | None:
    """«региональное отделение движения «Юнармия» Приморского края»: within the unit's reach, a
    place right after a name (its closing quote too); the unit of that body in that place ends
    with it (not with «при поддержке министерства» after it)."""
    return next(
        (end for first, end in place_spans.items() if lo < first < hi and (first in org_ends or first - 1 in org_ends)),
        None,
    )


def _committee_of_a_body(toks: list[Token], org_ends: set[int], i: int, n: int, last: int) -> bool:
    """«комитета Саратовской областной думы по транспорту, дорожному хозяйству и связи»: a
    committee named by its body and then its field (the blind parts' gold lists each of the ten
    their texts hold)."""
    if n != 1 or toks[i].lemma not in FIELD_COMMITTEES:
        return False
    return any(
        toks[e].text == "по" and (e in org_ends or _capitalized_body(toks, i + n, e)) for e in range(i + n + 1, last)
    )


def _capitalized_body(toks: list[Token], start: int, end: int) -> bool:
    """«Омского городского Совета»: a name of adjectives and a body's capitalized head, the first
    word capitalized (the model may see no name in it)."""
    words = toks[start:end]
    if not words or not words[0].text[:1].isupper() or not words[-1].text[:1].isupper():
        return False
    return all(t.pos == "ADJ" for t in words[:-1]) and (words[-1].lemma,) in org_heads()


def _managing(toks: list[Token], i: int, head_end: int) -> bool:
    """«управления финансами», «управление имуществом»: managing what the instrumental names, no
    body («министерство управления финансами» is the body)."""
    return toks[i].lemma == "управление" and toks[i].text.islower() and head_end < len(toks) and (
        case_of(toks[head_end]) == "Ins" and toks[head_end].text.islower()
    )


def _unit_head(tok: Token) -> bool:
    """A head a body's unit goes by («управление», «отдел», «департамент»), not a body's own."""
    return (tok.lemma,) in unit_heads()


def _with_adjectives(toks: list[Token], i: int, sent_first: int) -> int:
    """Take in the capitalized adjectives of a name before its head: «Государственного
    военно-промышленного» комитета; a post the model read as an adjective is no part of it
    («Председателя» Совета Федерации), nor is an organ («Пресс-служба» министерства, tagged an
    adjective opening a sentence)."""
    k = i
    while k > sent_first and toks[k - 1].pos == "ADJ" and match_post_head(toks, k - 1, k) is None and (
        not org_organs().longest_at(toks, k - 1, i)
    ):
        k -= 1
    return k if k < i and toks[k].text[:1].isupper() else i


def _unit_adjectives(toks: list[Token], i: int, sent_first: int) -> int:
    """«финансово-казначейского управления Администрации города»: the lowercase adjectives of a
    unit's head, in its case, are its name's."""
    return _agreeing_adjectives(toks, i, sent_first, lowercase_only=True)


def _agreeing_adjectives(toks: list[Token], i: int, sent_first: int, lowercase_only: bool = False) -> int:
    """The first of the adjectives before a head in its case (by a reading of their own: the
    tagger may read a neuter as another), no post's: «Клинической инфекционной больницы»; a
    capitalized word opens the name («московскую Инфекционную больницу»)."""
    k = i
    head_cases = UD_CASES.get(case_of(toks[i]) or "", set())
    while k > sent_first and toks[k - 1].pos == "ADJ" and (
        any(p.tag.case in head_cases for p in toks[k - 1].parses) and match_post_head(toks, k - 1, k) is None
    ):
        lowercase = toks[k - 1].text.islower()
        if lowercase_only and not lowercase or not lowercase_only and lowercase and toks[k].text[:1].isupper():
            break
        k -= 1
    return k


def _coordinated(tagged: Tagged, i: int, head_end: int, limit: int, kind: str) -> list[OrgMention]:
    """«правительствами Псковской и Омской областей»: one authority for each place, named in
    the singular («правительство Псковской области», «правительство Омской области»)."""
    toks = tagged.tokens
    adjs: list[int] = []
    k = head_end
    while k < limit and toks[k].pos == "ADJ" and case_of(toks[k]) == "Gen":
        adjs.append(k)
        k += 1
        if k < limit and toks[k].text in (",", "и"):
            k += 1
    if len(adjs) < 2 or k >= limit or toks[k].pos != "NOUN" or toks[k].feats.get("Number") != "Plur":
        return []
    noun = toks[k]
    gender, _ = head_grams(noun)
    noun_gen = case_form(noun.text, "NOUN", "Gen", {"gent", "sing"})
    head = case_form(toks[head_end - 1].text, "NOUN", case_of(toks[head_end - 1]), {"nomn", "sing"})
    head_words = [t.text for t in toks[i : head_end - 1]] + [head]
    out = []
    for n, a in enumerate(adjs):
        adj = case_form(toks[a].text, "ADJ", "Gen", {"gent", "sing", gender or "femn"})
        name = " ".join([*head_words, adj, noun_gen])
        name = name[:1].upper() + name[1:]
        start = toks[i].start if n == 0 else toks[a].start
        end = toks[a].end if n < len(adjs) - 1 else noun.end
        out.append(OrgMention(start, end, name, None, kind))
    return out


# what opens something after a name and cannot end it: a bracket, a quote, a dash; a rubric's bar
# («Общество | 24 ноября 2026»)
SPAN_OPENERS = frozenset({"(", "[", "«", "„", "-", "–", "—", ",", "|"})


def _opening_common_noun(tagged: Tagged, k: int) -> bool:
    """A common noun that is no organization's head, opening its sentence before a capitalized
    organization's head that the text uses as a short name: «Доля» in «Доля Банка ...»,
    «Выручка» in «Выручка Компании ...» («Голос Америки» keeps its word)."""
    toks = tagged.tokens
    tok = toks[k]
    reach = min(len(toks), k + 1 + MAX_HEAD_KIND_WORDS)
    return (
        tagged.sents[tok.sent].first == k and tok.pos == "NOUN" and toks[k + 1].text[:1].isupper()
        and is_common_word(tok) and not org_heads().longest_at(toks, k, reach)
        and not org_organs().longest_at(toks, k, reach)
        # «Доля Банка», «Грузооборот Архангельского порта»: a head or a capitalized adjective after it
        and (bool(org_heads().longest_at(toks, k + 1, reach)) or toks[k + 1].pos == "ADJ")
    )


def _opening_head_before(tagged: Tagged, k: int) -> bool:
    """A unit's head noun opens the sentence right before the model's span, which is its genitive
    or a known body's short name: «Отделение» in «Отделение Фонда пенсионного и социального
    страхования ... подвело итоги», «Отделение СФР по Карелии»."""
    toks = tagged.tokens
    if k == 0 or tagged.sents[toks[k].sent].first != k - 1:
        return False
    head = toks[k - 1]
    found = unit_heads().longest_at(toks, k - 1, k)  # a unit of the body named after it, not «Делегация»
    if not (found and head.pos == "NOUN" and case_of(head) == "Nom" and head.text[:1].isupper()):
        return False
    if toks[k].text[1:].islower():
        return case_of(toks[k]) == "Gen"
    # «Отделение | СФР по Карелии»: a known body's short name; not «Компания | ГМК «Норильский
    # никель»», a descriptor (no unit's head) before an abbreviation
    return toks[k].text.isupper() and known_short_name(toks[k].text) is not None


def _opening_adverb(tok: Token) -> bool:
    """«Сегодня», «Также», «Ранее»: an adverb of the dictionary, no word of a name."""
    return tok.pos == "ADV" and is_common_word(tok) and all(p.tag.POS == "ADVB" for p in tok.parses)


def _dateline_place(tagged: Tagged, span: Span) -> bool:
    """A place in capitals opening a line: one the dictionary knows, or any before a comma and a
    day («КАМЕНСК-УРАЛЬСКИЙ, 3 фев — РИА ...»)."""
    toks = tagged.tokens
    if not tagged.opens_line(span.first):
        return False
    words = toks[span.first : span.last]
    if caps_place(words):
        return True
    dated = span.last + 1 < len(toks) and toks[span.last].text == "," and toks[span.last + 1].text[:1].isdigit()
    return dated and all(t.text.isupper() and t.text.replace("-", "").isalpha() for t in words) and (
        not known_short_name(words[0].text)
    )


def _declared_word_then_lowercase(tagged: Tagged, first: int, last: int, declared: dict[str, int]) -> bool:
    """A one-word short name the text declared, then lowercase words only: «Фонда права», «Фонда по
    кредитам банка» are the declared «Фонд» and what the sentence says of it."""
    toks = tagged.tokens
    return last - first > 1 and _declared_alone(toks, first, declared) and all(
        tok.text.islower() for tok in toks[first + 1 : last]
    )


def _declared_alone(toks: list[Token], first: int, declared: dict[str, int]) -> bool:
    """The declared short name said alone, as the text's own: not «с федеральным Фондом развития
    промышленности», which an adjective sets apart as another body."""
    return _declared(toks[first].text, toks[first].end, declared) and not (first > 0 and toks[first - 1].pos == "ADJ")


def _declared(name: str, end: int, declared: dict[str, int]) -> bool:
    """A short name the text declared for an organization before `end`: «Оператора» after «(далее
    — Оператор)», «Издательский дом» after «(далее — Издательский дом)»."""
    key = declared_key(name)
    return key in declared and declared[key] < end


def _council_of_a_body(toks: list[Token], first: int, last: int) -> tuple[int, bool] | None:
    """«Совет Адвокатской палаты Краснодарского края»: a council before a body's name is its organ,
    like «совет директоров»; not a body named «Совет ...» (a head of its own: «Совет Федерации»,
    «Совет министров»), nor a council of people («Совет ветеранов»)."""
    if toks[first].lemma != "совет":
        return None
    found = org_heads().longest_at(toks, first, last)
    if found is None or found[0] > first + 1 or first + 1 >= last:
        return None
    k = first + 1
    while k < last and toks[k].pos == "ADJ":
        k += 1
    body = k < last and (toks[k].lemma,) in org_heads() and case_of(toks[k]) == "Gen"
    return (first + 1, True) if body else None


# how far before a span's end «им.»/«имени» may stand: «им. академика Н. Г. Чернышевского»
NAMESAKE_REACH = 8


def _namesake_end(toks: list[Token], first: int, last: int) -> int:
    """Where a name named after someone ends: past the namesake's initials and surname after
    «им.»/«имени» at its end or right after it (the model may leave them out)."""
    starts = [p for p in range(max(first + 1, last - NAMESAKE_REACH), min(last + 1, len(toks)))
              if toks[p].text.lower() in DEDICATION_WORDS]
    if not starts:
        return last
    q = starts[-1] + 1
    if toks[starts[-1]].text.lower() == "им" and q < len(toks) and toks[q].text == ".":
        q += 1
    if q < len(toks) and toks[q].text.islower() and toks[q].text.isalpha():
        q += 1  # a title: «имени академика»
    initials = q
    while q + 1 < len(toks) and len(toks[q].text) == 1 and toks[q].text.isupper() and toks[q + 1].text == ".":
        q += 2
    surname = toks[q].text if q < len(toks) else ""
    if q == initials or q < last or not (surname[:1].isupper() and surname[1:].islower() and surname.isalpha()):
        return last
    return q + 1


def _place_then_subject(toks: list[Token], first: int, last: int) -> bool:
    """A place in the locative after «в» or «на», then a nominative common noun: two words of a clause
    («в Сычёвке | учреждение подписало»), no name; a name goes on in the locative or the genitive
    («в Газпром нефти», «в Сбербанке России»)."""
    if first == 0 or last - first < 2 or toks[first - 1].text.lower() not in ("в", "во", "на"):
        return False
    place, noun = toks[first], toks[first + 1]
    return place.feats.get("Case") == "Loc" and noun.text.islower() and noun.pos == "NOUN" and (
        noun.feats.get("Case") == "Nom"
    )


def _ner_mentions(
    tagged: Tagged, spans: NamedSpans, tickers: set[int], declared: dict[str, int]
) -> list[OrgMention]:
    """The model's ORG spans as mentions; `declared` the short names the text declares («(далее —
    Оператор)»), names though they are a post's word."""
    toks = tagged.tokens
    out = []
    loc_at = {s.first: s for s in tagged.spans if s.type == "LOC"}
    for span in tagged.spans:
        if span.type != "ORG" or _dateline_place(tagged, span):
            continue  # «ТОМСК, 18 декабря»: a dateline's place
        first, last = span.first, span.last
        if first > 0 and toks[first - 1].text in OPEN_QUOTES and tagged.quote_closes.get(first - 1, last + 1) <= last:
            first -= 1  # «Исламское государство» (ИГ): the model began inside the quotes it closes
        while last - first > 1 and toks[last - 1].text in SPAN_OPENERS:
            last -= 1  # «Харбинским институтом прикладной химии (»: the model took a bracket in
        while last - first > 1 and toks[last - 1].text == ")" and all(t.text != "(" for t in toks[first : last - 1]):
            last -= 1  # «(далее — Общество)»: the model took the closing bracket in
        last = next((k for k in range(first, last) if k in tickers), last)  # «... (MOEX: GMKN)»
        # «СГУ им. Н. Г. | Чернышевского Леонид Коссович», «СГУ | им. Н. Г. Чернышевского Андрей
        # Гуляков»: the model gave the namesake, or its surname, to a person
        last = _namesake_end(toks, first, last)
        # «(далее — НЗМК, Общество)»: a list of declared short names, each a mention of its own
        comma = next((k for k in range(first + 1, last - 1) if toks[k].text == ","), None)
        if comma is not None and _declared(toks[comma + 1].text, toks[comma + 1].end, declared):
            last = comma
        if first == last:
            continue
        # «Открылся Центр ...», «Председателя Совета Федерации»: the model took the verb opening
        # the sentence or the post before the name in
        quoted = first > 0 and toks[first - 1].text in OPEN_QUOTES  # «Вперёд, Италия»: a name
        while not quoted and first < last - 1 and (toks[first].pos in ("VERB", "AUX") or _opening_adverb(toks[first])):
            first += 1  # and an adverb: «Сегодня Томский политехнический университет подписал»
        if not quoted and first < last - 1 and toks[first].pos == "ADP":
            # «Благодаря прокурорскому надзору»: a preposition is no word of a name, and what
            # follows it in lower case is no name either
            first += 1
            if not _opens_name(toks[first]):
                continue
        if not quoted and _place_then_subject(toks, first, last):
            continue  # «Сегодня в Сычёвке учреждение подписало»: the model ran a place into the subject
        if not quoted and first < last - 1 and _opening_common_noun(tagged, first):
            first += 1  # «Доля Банка на рынке составила»: the noun opening the sentence is no word of it
        if not quoted and _opening_head_before(tagged, first):
            first -= 1  # «Отделение | Фонда пенсионного и социального страхования ...»: the model left the head out
        post_end = match_post_head(toks, first, last)
        written = tagged.text[toks[first].start : toks[last - 1].end]
        if post_end == last and not _declared(written, toks[last - 1].end, declared):
            continue  # «заместителя Председателя Правительства»: a post the text capitalizes, no name
        if post_end is not None and post_end < last and toks[post_end].text[:1].isupper():
            first = post_end
        # «Правления банка», «СД «Черкизово»»: an organ is no organization, the name after it is
        organ = org_organs().longest_at(toks, first, last) or _council_of_a_body(toks, first, last)
        if organ:
            first = organ[0]
            if first == last or not _opens_name(toks[first]):
                continue
            # «Пресс-служба Главы Республики Марий Эл»: the organ of a post and its territory
            held = match_post_head(toks, first, last)
            if held is not None and (held == last or held in loc_at and loc_at[held].last >= last):
                continue
        last = name_end(tagged, first + 1, last)  # the model's span too: «Фонд создан для помощи ...»
        if not quoted and _head_left_out(toks, first, last, sent_last=tagged.sents[toks[first].sent].last):
            last += 1  # «Пролетарского аграрно-технологического | техникума»: the model left the head out
        if _declared_word_then_lowercase(tagged, first, last, declared):
            last = first + 1  # «(далее — Фонд) ... Вознаграждение Фонда для заемщиков»: the short name alone
        while last - first > 1 and _dangling_adjective(toks[last - 1]):
            last -= 1  # an adjective left with no noun after it is the next phrase's: «музею | псковский коллекционер»
        if last - first == 1 and toks[first].pos == "ADJ":
            continue  # a lone adjective («Чрезвычайным») is a tagging slip, not a name
        if not quoted and all(_adjective_word(toks[k]) for k in range(first, last)):
            continue  # and so are adjectives with no noun: «в Таймырский Долгано-Ненецкий и Эвенкийский районы»
        sent = tagged.sents[toks[first].sent]
        # a quote opened inside the span and closed after it: take the whole quote
        opened = [k for k in range(first, last) if toks[k].text in OPEN_QUOTES]
        if opened:
            q = quote_end(tagged, opened[0], sent.last)
            if q is not None and q > last and _looks_like_name(
                toks[opened[0] + 1 : q - 1], described_by_head(toks, opened[0])
            ):
                last = q
        # an opening quote just before the span and its closer just after
        if first > sent.first and toks[first - 1].text in OPEN_QUOTES:
            q = quote_end(tagged, first - 1, sent.last)
            if q is not None and q >= last and _looks_like_name(toks[first : q - 1]):
                first, last = first - 1, q
        # «Минпромторг» + «России»: a short name and its country
        country_after = last < sent.last and toks[last].text.lower() in ("россии", "рф")
        if last - first == 1 and country_after and known_short_name(toks[first].text):
            last += 1
        elif last - first == 1 and not quoted and _country_at(toks, spans, last) and _genitive_place(toks[last]):
            # «Сенате» + «США», «Госдуму» + «России»: a body named in one word and its country (not «СМИ
            # Египта», nor «"Вертолетов России"», a name in quotes the model split)
            if plain(toks[first].text) not in not_org_names():
                last += 1
        elif last - first == 1 and last in loc_at and _genitive_place(toks[last]):
            if is_short_body_name(toks[first].text) or _abbreviation_of_a_place(tagged, first, loc_at[last]):
                # «Минздрав» + «Чувашии», «МИД» + «Казахстана», «УФПС» + «Тульской области»: that place's body
                last = loc_at[last].last
        # «Государственного ... комитета» + «Республики Беларусь»
        reached = last
        if last in loc_at and case_of(toks[last - 1]) == "Gen" and case_of(toks[last]) == "Gen":
            reached = loc_at[last].last
        elif last < sent.last and case_of(toks[last - 1]) is not None and not (
            last - first == 1 and _declared_alone(toks, first, declared)
        ):  # a declared short name reaches no further: «С участием Фонда права восстановлены»
            if _head_kind(toks[first:last]) and not _another_body_after(toks, last, sent.last):
                reached = name_reach(tagged, spans, last, sent.last)
        # the model's own span too, for when the longer one overlaps a surer mention («Департамента
        # по связям с общественностью» before «ЗАО «Роспром»»): the longest that fits is chosen
        for end in dict.fromkeys((last, reached)):
            m = _ner_mention(tagged, span, first, end)
            if m is not None:
                out.append(m)
    return out


def _abbreviation_of_a_place(tagged: Tagged, first: int, place: Span) -> bool:
    """«УФПС» + «Тульской области», «ГУВД» + «Москвы»: an abbreviation (not a common word's, «СМИ»)
    before a place in the genitive (names.is_place_in_the_genitive: not a surname the model took for
    a place, «КВН» + «Маслякова»)."""
    word = tagged.tokens[first].text
    if not is_abbreviation(word) or plain(word) in not_org_names():
        return False
    return is_place_in_the_genitive(tagged.text[tagged.tokens[place.first].start : tagged.tokens[place.last - 1].end])


def _genitive_place(tok: Token) -> bool:
    """A place's name in the genitive, by the tagger or, where it took a rare name for a nominative
    («Минспорт Оренбуржья»), by the dictionary that reads it in no nominative."""
    if case_of(tok) == "Gen":
        return True
    cases = {p.tag.case for p in tok.parses}
    return "gent" in cases and "nomn" not in cases


def _head_left_out(toks: list[Token], first: int, last: int, sent_last: int) -> bool:
    """Adjectives only, the first capitalized, and right after them an organization's head in
    lowercase in their case."""
    if last >= sent_last or not toks[first].text[:1].isupper():
        return False
    head = toks[last]
    if not head.text.islower() or head.pos != "NOUN" or (head.lemma,) not in org_heads():
        return False
    if (head.lemma,) in quoted_only_heads() or not may_agree_in_case(toks[last - 1], head):
        return False
    return all(_adjective_word(toks[k]) for k in range(first, last))


def _adjective_word(tok: Token) -> bool:
    """A word the tagger, or the dictionary alone, reads as an adjective («Долгано-Ненецкий»); not
    an abbreviation («СВ»)."""
    return not tok.text.isupper() and (tok.pos == "ADJ" or adjective_only(tok))


def _dangling_adjective(tok: Token) -> bool:
    """A lowercase word the dictionary reads as an adjective only, never a noun («псковский», not
    «лётчиков-испытателей», which the tagger may call an adjective)."""
    return tok.pos == "ADJ" and tok.text.islower() and adjective_only(tok)


def _short_name_split(name: str) -> tuple[str, str | None]:
    """A name and the short name in brackets its dependents took in: «Министерство здравоохранения
    Российской Федерации (ЮРМУ)» -> the name and «ЮРМУ»; a legal form or a word in brackets stays."""
    m = bracketed_short_name(name)
    capitals = max((sum(c.isupper() for c in w) for w in m.group(2).split()), default=0) if m else 0
    if m is None or m.group(2) in legal_forms().kinds or capitals < 2:
        return name, None  # not «Республики Саха (Якутия)»: a place's other name
    return m.group(1), m.group(2)


# the words after «и» looked at for another body's head
MAX_COORDINATED_HEAD_WORDS = 4


def _another_body_after(toks: list[Token], k: int, limit: int) -> bool:
    """«Общественной палаты | и российско-американской рабочей группы»: «и» before the head of
    another body, which the name does not take in («Союза издателей и распространителей» does)."""
    if toks[k].text != "и":
        return False
    words = toks[k + 1 : min(limit, k + 1 + MAX_COORDINATED_HEAD_WORDS)]
    return _head_kind(words) is not None


def _quotes_open_after(words: list[Token], head: int) -> bool:
    """No quote up to the head, and the first one after it opens a quoted name: not a span that
    begins inside quotes («Пакатан Харапан» («Альянс ...»).»)."""
    first = next((k for k, t in enumerate(words) if t.text in QUOTE_CHARS), None)
    return first is None or first > head and words[first].text in ("«", "„")


def _ner_mention(tagged: Tagged, span: Span, first: int, last: int) -> OrgMention | None:
    """The mention of the model's span made tokens [first, last): legal form, name, kind."""
    toks = tagged.tokens
    forms = legal_forms()
    words = toks[first:last]
    raw = tagged.text[words[0].start : words[-1].end]
    legal = None
    m = forms.abbreviation.match(raw)
    if m:
        legal = form_of(m.group(1))
        raw = raw[m.end() :].strip()
        words = [t for t in words if t.start >= words[0].start + m.end()]
    if not words:
        return None
    if raw[:1] in OPEN_QUOTES:
        name = strip_quotes(raw)
        inner = [t for t in words if t.text[:1].isalnum()]
        if len(inner) == 1 and (case_of(inner[0]) not in (None, "Nom") or _oblique_by_lemma(inner[0])):
            name = _quoted_nominative(inner[0])
        elif len(inner) == len(words) - 2 and _declined_phrase(inner):
            name = _nominative_name(inner, tagged.text)  # «Пермского порохового завода»
    elif (head := head_index(words)) is not None and _quotes_open_after(words, head):
        # a quoted name after the head stays as written: «Центра современной культуры «Гараж»»
        name = _nominative_name(words, tagged.text)
    else:
        name = raw
    name = tidy(name)
    alias = None
    m_abbr = bracketed_short_name(name)
    if m_abbr:
        # the short form as written («СПбГУ»), not as inflection left it
        raw_abbr = bracketed_short_name(tidy(raw))
        # a quoted name before it loses its quotes: «Исламское государство» (ИГ)
        name, alias = strip_quotes(m_abbr.group(1)), raw_abbr.group(2) if raw_abbr else m_abbr.group(2)
        if alias in forms.kinds:  # «Банк ВТБ (ПАО)»: a legal form in brackets
            legal, alias = legal or alias, None
    if not name:
        return None
    kind = forms.kinds.get(legal) if legal else (lexicon_kind(name) or _head_kind(words) or _latin_kind(name))
    guessed = kind is None and raw[:1] in OPEN_QUOTES and legal is None and not known_abbrevs().get(name.lower())
    if guessed:
        # a bare quoted name («Амкадор»): a brand name, nearly always a company; but the source of
        # a report, or the one told, is a news medium: «сообщает «Вести Прикамья»», «рассказал
        # «Кольскому вестнику»», «…\n\n«Деловой курьер», 09.06.2026»; that is no guess, and
        # outweighs the guess of another mention of the name
        outlet = _an_outlet(tagged, first, words)
        kind, guessed = ("other", False) if outlet else ("company", True)
    start = words[0].start if not legal else span.start
    return OrgMention(start, words[-1].end, name, legal, kind, alias, kind_guessed=guessed)


def _quoted_owner(tagged: Tagged, m: OrgMention) -> OrgMention | None:
    """The quoted name after the common noun a mention opens with, as a mention of its own."""
    first, end = tagged.token_at(m.start), tagged.token_ending(m.end)
    if first is None or end is None:
        return None
    toks = tagged.tokens
    span = Span("ORG", toks[first + 1].start, m.end, tagged.text[toks[first + 1].start : m.end], first + 1, end + 1)
    return _ner_mention(tagged, span, first + 1, end + 1)


# a signature line: the outlet's quoted name and a date, the last line of the text
SIGNATURE_REST = re.compile(r"\s*,\s*\d{1,2}(?:[./]\d{1,2}[./]\d{2,4}|\s+[а-яё]+\s+\d{4}(?:\s*г(?:ода|\.)?)?)\s*$")


# who works for an outlet, named before it: «корреспонденту «Пермского обозревателя»»
MEDIA_PEOPLE = frozenset({"корреспондент", "собкор", "спецкор", "журналист", "обозреватель", "редакция", "редактор"})


def _an_outlet(tagged: Tagged, first: int, words: list[Token]) -> bool:
    """A quoted name after a verb of reporting («сообщает», «передает»), in the dative after a
    verb of saying («рассказал»), after who works for it («корреспонденту «...»»), ending a
    dateline, or signing the text with a date on its last line (not before a verb of reporting:
    a company «сообщила» as well)."""
    toks = tagged.tokens
    line_start = tagged.text.rfind("\n", 0, words[0].start) + 1
    if not tagged.text[line_start : words[0].start].strip() and SIGNATURE_REST.match(tagged.text[words[-1].end :]):
        return True
    if _after_dateline(tagged, first, words):
        return True
    if first == 0 or toks[first - 1].sent != toks[first].sent:
        return False
    verb = toks[first - 1].lemma
    inner = [t for t in words if t.text[:1].isalnum()]
    told = bool(inner) and verb in speech_verbs() and case_of(inner[-1]) == "Dat"
    return verb in report_verbs() or told or verb in MEDIA_PEOPLE


# a dateline before an outlet's name: «СТАВРОПОЛЬ, 19 июня. — », «КАЛИНИНГРАД, 2 декабря 2026 г. — »
DATELINE = r"(?:^|\n)[А-ЯЁ][А-ЯЁа-яё -]*,\s*\d{1,2}\s+[а-яё]+(?:\s+\d{4}(?:\s*г(?:ода|\.)?)?)?\.?\s*[—–-]\s*"
DATELINE_BEFORE = re.compile(DATELINE + "$")


# the outlet's quoted name ending a dateline: «БЕЛГОРОД, 28 апреля 2026 г. — «Белгородская неделя».»
DATELINE_OUTLET = re.compile(DATELINE + r"(«[^«»\n]{2,60}»)(?=[.\n]|$)")


def _dateline_outlet_mentions(tagged: Tagged) -> list[OrgMention]:
    """The outlet named by its quoted name at the end of a dateline, which the model often leaves
    untagged there: a news medium."""
    return [
        OrgMention(m.start(1), m.end(1), strip_quotes(m.group(1)), None, "other")
        for m in DATELINE_OUTLET.finditer(tagged.text)
    ]


def _after_dateline(tagged: Tagged, first: int, words: list[Token]) -> bool:
    """«СТАВРОПОЛЬ, 19 июня. — «Ставропольский деловой курьер».»: the quoted name that ends the
    dateline is the outlet that wrote the item."""
    text = tagged.text
    before = text[max(0, words[0].start - 60) : words[0].start]
    after = text[words[-1].end : words[-1].end + 2]
    return DATELINE_BEFORE.search(before) is not None and after[:1] in (".", "\n", "")


def _place_mentions(tagged: Tagged) -> list[OrgMention]:
    out = []
    for span in tagged.spans:
        if span.type != "LOC":
            continue
        kind = known_org_kind(tagged, span)
        if kind:
            words = tagged.tokens[span.first : span.last]
            if span.text.isupper():
                name = span.text
            else:
                name = one_word_spelling(words) or _nominative_name(words, tagged.text)
            out.append(OrgMention(span.start, span.end, name, None, kind))
    return out


def _declined_phrase(words: list[Token]) -> bool:
    """Quoted words that are a noun phrase in an oblique case, adjectives agreeing with their head
    noun: «Пермского порохового завода», «Вечерней Перми», «Нашего двора» (a possessive is a
    determiner to the tagger); a name of other words keeps its form («Газпром нефти»)."""
    h = head_index(words)
    if h is None or h == 0 or words[h].pos not in ("NOUN", "PROPN"):
        return False
    # an acronym does not decline: its adjectives tell the case («Вологодской ЛПК»)
    case = case_of(words[h]) if not _acronym(words[h]) else case_of(words[0])
    if case in (None, "Nom"):
        return False
    return all(_adjective_reading(t) and case_of(t) == case for t in words[:h])


def _adjective_reading(tok: Token) -> bool:
    """An adjective, or a word the tagger took for a noun that the dictionary reads as an adjective
    only («Белокурихинских»: a place's adjective it does not know)."""
    return tok.pos in ("ADJ", "DET") or tok.pos == "NOUN" and bool(tok.parses) and all(
        p.tag.POS == "ADJF" for p in tok.parses
    )


def _acronym(tok: Token) -> bool:
    return tok.text.isupper() and tok.text.isalpha() and len(tok.text) >= MIN_ACRONYM


def _quoted_nominative(tok: Token) -> str:
    """«Газпроме» -> «Газпром»: a one-word quoted name in an oblique case, when the dictionary
    reads it as a noun in that case; indeclinable names («Черкизово») and names in capitals stay
    as written («АЛРОСА», which the dictionary reads as a genitive), a capitals name's case ending
    goes («КАМАЗа» -> «КАМАЗ»)."""
    if len(tok.text) > 1 and tok.text.isupper():
        return tok.text
    declined = DECLINED_ABBREVIATION.fullmatch(tok.text)
    if declined:
        return declined.group(1)
    cases = UD_CASES.get(case_of(tok) or "", set())
    if any(_common_nominative(p) for p in tok.parses):
        return tok.text  # «сети «Гранат»»: a word that is a common noun's nominative too is the name as written
    for p in first_part_kept(tok.text, list(tok.parses)):
        if p.tag.POS == "NOUN" and p.tag.case in cases and p.normal_form != tok.text.lower():
            return recover_shape(p.normal_form, tok.text)
    if _oblique_by_lemma(tok):
        head, last = tok.text.rsplit("-", 1)  # the first part as written: «Угра-Полимера»
        return f"{head}-{recover_shape(_noun_readings(last)[0].normal_form, last)}"
    return tok.text


# readings of proper names, which a quoted name in an oblique case may share («Хопра»: a river too)
PROPER_NAME_TAGS = frozenset({"Geox", "Name", "Surn", "Patr", "Orgn", "Trad"})


def _common_nominative(p: Parse) -> bool:
    """A common noun's nominative singular the dictionary holds as the word stands («гранат»)."""
    return (
        p.tag.POS == "NOUN" and p.tag.case == "nomn" and p.word == p.normal_form and not guessed(p)
        and not PROPER_NAME_TAGS & p.tag.grammemes
    )


def _noun_readings(word: str) -> list[Parse]:
    return [p for p in parses(word.lower()) if p.tag.POS == "NOUN"]


def _oblique_by_lemma(tok: Token) -> bool:
    """«Зилант-Строя», «Ангара-Домом»: a compound the tagger calls nominative, though its lemma
    and the dictionary agree that it is an oblique form of another word: its last part is a word
    the dictionary knows («строя», «домом»; not a guess at «Ойл») with no nominative reading."""
    if "-" not in tok.text or tok.lemma == tok.text.lower():
        return False
    last = tok.text.rsplit("-", 1)[1]
    nouns = _noun_readings(last)
    return (
        in_dictionary(last)
        and bool(nouns)
        and all(p.tag.case != "nomn" for p in nouns)
        and tok.lemma.rsplit("-", 1)[-1] == nouns[0].normal_form
    )


def _abbrev_mentions(tagged: Tagged) -> list[OrgMention]:
    """Well-known abbreviations and short names the NER model missed («В УрФУ прошла ...»,
    «санкции Евросоюза»): words with two capitals or more as written; one-capital names in any
    case, but not where the model saw a person or a place, and not a common word opening a
    sentence («Магнит притягивает»)."""
    known = abbrev_spellings()
    others = {i for s in tagged.spans if s.type != "ORG" for i in range(s.first, s.last)}
    loc_at = {s.first: s for s in tagged.spans if s.type == "LOC"}
    out = []
    for i, t in enumerate(tagged.tokens):
        if t.text in known and sum(c.isupper() for c in t.text) >= 2:
            out.append(OrgMention(t.start, t.end, t.text, None, known[t.text]))
            continue
        if t.text.islower():
            # the lexicon first: telling a common word asks the dictionary, which is slow
            if one_word_spelling([t]) is not None and i not in others and not is_common_word(t):
                out.append(_lowercase_known_name(tagged, i, loc_at))
            continue
        if not (t.text[:1].isupper() and t.text[1:].islower()):
            continue
        if i in others and not _known_body_read_as_a_name(tagged, i):
            continue
        spelling = one_word_spelling([t])
        if spelling is None or tagged.sents[t.sent].first == i and is_common_word(t):
            continue
        name = spelling if plain(spelling) != plain(t.text) else t.text
        out.append(OrgMention(t.start, t.end, name, None, known[spelling]))
    return out


def _known_body_read_as_a_name(tagged: Tagged, i: int) -> bool:
    """A body's well-known one-word name the model read as a person or a place alone: «в Росаккредитации»."""
    spans = [s for s in tagged.spans if s.first <= i < s.last]
    return all(s.last - s.first == 1 for s in spans) and known_body_word(tagged.tokens[i])


def _lowercase_known_name(tagged: Tagged, i: int, loc_at: dict[int, Span]) -> OrgMention:
    """A well-known short name written in lowercase, with the place after it in the genitive:
    «минздрав Татарстана», «в минпромторге» (one that is a common word of the dictionary too,
    «магнит», «полюс», «дума», is left alone before)."""
    toks = tagged.tokens
    spelling = one_word_spelling([toks[i]]) or toks[i].text
    end, name = toks[i].end, spelling
    place = loc_at.get(i + 1)
    if place is not None and case_of(toks[i + 1]) == "Gen":
        end, name = place.end, f"{spelling} {place.text}"
    return OrgMention(toks[i].start, end, name, None, abbrev_spellings()[spelling])


# a site name: «NEWSru.com», «baltinfo.ru», «кремль.рф»
SITE = re.compile(
    r"(?<![\w@/.-])([A-Za-zА-ЯЁа-яё0-9][\w-]*(?:\.[\w-]+)*\.(?:ru|com|org|net|info|ua|by|kz|eu|рф))(?![\w/@-]|\.\w)"
)


# the report verb right before a site: one word, of at most this many characters with its spaces
WORD_BEFORE_CHARS = 30
WORD_BEFORE = re.compile(r"(\w+)\s+$")


# a name written with a domain as one word: «ВЭБ.РФ», «ДОМ.РФ», «Дом.РФ»
DOTTED_NAME = re.compile(r"(?<![\w.])([А-ЯЁ][А-ЯЁа-яё]+\.(?:РФ|рф))(?![\w.])")


def _dotted_mentions(tagged: Tagged) -> list[OrgMention]:
    """«ВЭБ.РФ», «ДОМ.РФ»: a development institution's name with «.РФ» in it (the tokenizer splits
    it, the model reads «РФ» as a place)."""
    return [OrgMention(m.start(), m.end(), m.group(1), None, "company") for m in DOTTED_NAME.finditer(tagged.text)]


def _site_mentions(tagged: Tagged) -> list[OrgMention]:
    """A site named as the source of a report is the media outlet: «сообщает baltinfo.ru»,
    «цитирует infox.ru»."""
    text = tagged.text
    out = []
    for m in SITE.finditer(text):
        before = WORD_BEFORE.search(text, max(0, m.start() - WORD_BEFORE_CHARS), m.start())
        if before and phrase_lemmas(before.group(1))[0] in report_verbs():
            out.append(OrgMention(m.start(), m.end(), m.group(1), None, "other"))  # news media are «other»
    return out


# «Группа «Черкизово» (MOEX: GCHE)», «(MOEX и LSE: MGNT)», «(MOEX: GMKN, LSE: MNOD)»: stock
# exchanges and tickers in brackets
EXCHANGE = r"[A-Z]{2,10}"
TICKER = r"[A-Z0-9.]{1,12}"
EXCHANGES = rf"{EXCHANGE}(?:\s*(?:и|/)\s*{EXCHANGE})*"
# the tickers may close brackets that open with a short name: «(далее — «Прикамазот»; MOEX: PKAZ)»
# the brackets may go on after the tickers: «(MOEX: TKLG, далее — «Компания»)»
TICKER_BRACKET = re.compile(
    rf"[(;,]\s*{EXCHANGES}\s*:\s*{TICKER}(?:\s*[,;]\s*{EXCHANGES}\s*:\s*{TICKER})*(?=\s*\)|\s*[,;]\s*далее)"
)
EXCHANGE_BEFORE_COLON = re.compile(rf"({EXCHANGE})(?=(?:\s*(?:и|/)\s*{EXCHANGE})*\s*:)")
# «тикер VTBR», «тикер на Мосбирже — AFLT»: the ticker comes within a few words
TICKER_WORD_WINDOW = 4
LATIN_TICKER = re.compile(r"[A-Z][A-Z0-9.]{1,11}")


def _exchange_mentions(tagged: Tagged) -> list[OrgMention]:
    """The exchanges of tickers are companies the release names: «(MOEX: GCHE)», «(NYSE: X)»."""
    return [
        OrgMention(e.start(1), e.end(1), e.group(1), None, "company")
        for m in TICKER_BRACKET.finditer(tagged.text)
        for e in EXCHANGE_BEFORE_COLON.finditer(tagged.text, m.start(), m.end())
    ]


def _ticker_tokens(tagged: Tagged) -> set[int]:
    """Tokens of tickers, which name shares, not companies: the brackets of exchanges and tickers,
    and the code after «тикер»; a name ends before them («ГМК «Норильский никель» (MOEX: GMKN)»)."""
    out = set()
    for m in TICKER_BRACKET.finditer(tagged.text):
        first = tagged.token_at(m.start())
        k = first
        while k is not None and k < len(tagged.tokens) and tagged.tokens[k].start < m.end():
            out.add(k)
            k += 1
    toks = tagged.tokens
    for i, tok in enumerate(toks):
        if tok.lemma == "тикер":
            limit = min(tagged.sents[tok.sent].last, i + 1 + TICKER_WORD_WINDOW)
            out.update(k for k in range(i + 1, limit) if LATIN_TICKER.fullmatch(toks[k].text))
    return out


# a heading in capitals has a few words at least: «МИНПРОМТОРГ РОССИИ» alone is a name
MIN_HEADING_WORDS = 3
LINE = re.compile(r"[^\n]+")


def _headings(text: str) -> Coverage:
    """Lines written all in capitals («ГУБЕРНАТОР ПОСЕТИЛ НОВЫЙ ЗАВОД»): every word has a capital
    there, and the model reads names into them."""
    out = Coverage(len(text))
    for m in LINE.finditer(text):
        line = m.group()
        if len(line.split()) >= MIN_HEADING_WORDS and any(c.isalpha() for c in line) and line.upper() == line:
            out.add(m.start(), m.end())
    return out


def _outside_headings(text: str, chosen: list[OrgMention]) -> list[OrgMention]:
    """A name in a heading in capitals counts when the text names it elsewhere, when it is a
    well-known short name or has its legal form: «МИНПРОМТОРГ РОССИИ ПОДПИСАЛ ...» is the
    Минпромторг of the text, «НОВЫЙ ЗАВОД В ЗАРЕЧЬЕ» is no name."""
    headings = _headings(text)
    inside = [m for m in chosen if headings.overlaps(m.start, m.end)]
    if not inside:
        return chosen
    elsewhere = [m.name for m in chosen if not headings.overlaps(m.start, m.end)]
    kept = {
        id(m)
        for m in inside
        if m.legal_form or known_short_name(m.name)
        or (any(same_org(m.name, n) for n in elsewhere) and not _heading_words_before_quote(text, m))
    }
    return [m for m in chosen if not headings.overlaps(m.start, m.end) or id(m) in kept]


def _heading_words_before_quote(text: str, m: OrgMention) -> bool:
    """«ВЫРУЧКА «АКРОНА» ВЫРОСЛА»: words of the heading read into the name before its quotes; the
    name is the one the text names elsewhere, no other name of it."""
    quote = next((i for i in range(m.start, m.end) if text[i] in OPEN_QUOTES), None)
    return quote is not None and quote > m.start


def _without_descriptions_of_the_next(text: str, mentions: list[OrgMention]) -> list[OrgMention]:
    """«Калужская фармацевтическая компания АО «Ворсинофарм»»: a name without a legal form or
    quotes, headed by a company's noun and right before a name with its legal form, describes that
    one; it is no organization of its own."""
    out = []
    for k, m in enumerate(mentions):
        nxt = mentions[k + 1] if k + 1 < len(mentions) else None
        if (
            nxt is not None and nxt.legal_form is not None and m.legal_form is None
            and not text[m.end : nxt.start].strip() and not any(q in text[m.start : m.end] for q in QUOTE_CHARS)
            and org_heads().get(phrase_lemmas(plain(m.name).split()[-1])) == "company"
        ):
            continue
        out.append(m)
    return out


def _headed_before_quotes(tagged: Tagged, m: OrgMention) -> bool:
    """An organization's head noun opens the mention before its quoted name: «Администрация
    муниципального образования «Город Саратов»» is the administration, whatever else «Город
    Саратов» names in the text (here the municipality: «главы муниципального образования «Город
    Саратов»»)."""
    i = tagged.token_at(m.start)
    if i is None or tagged.tokens[i].text in OPEN_QUOTES:
        return False
    return (tagged.tokens[i].lemma,) in org_heads() and any(q in tagged.text[m.start : m.end] for q in OPEN_QUOTES)


def _thing_keys(tagged: Tagged, m: OrgMention, why: str) -> set[tuple[str, ...]]:
    """The keys of a name that is an event or a thing everywhere in the text: a thing noun before
    a quoted or Cyrillic name names the thing («шаттл «Дискавери»», «телескоп Хаббл»), a name of
    the lexicon or headed by an event noun is one; but after an event noun a name is often who
    takes part («чемпионата «Спартак»», «концерт Rolling Stones», «программа RT»), after a thing
    noun a bare Latin name its maker («альбома Rammstein»): there it is no event elsewhere. (In
    NEREL train these two readings unmade more gold names than they caught.) An event noun with its
    complement before a quoted name does title the event («фестиваль национальных кухонь «...»»)."""
    if why == "event":
        return set()
    if why == "object" and LATIN_WORD.match(m.name.split()[0]) and tagged.text[m.start] not in OPEN_QUOTES:
        return set()
    return name_keys(tagged, m)


def _coordinated_quoted(tagged: Tagged, chosen: list[OrgMention]) -> list[OrgMention]:
    """«мэрия Иркутска и «Саянская горная группа» подписали»: a quoted name joined by «и» or a
    comma to an organization, with no descriptor of its own, is one too (a company, as a bare
    quoted name nearly always is), unless it names an event or a thing."""
    toks = tagged.tokens
    taken = Coverage(len(tagged.text), [(m.start, m.end) for m in chosen])
    for span in tagged.spans:
        if span.type in ("LOC", "PER"):
            taken.add(span.start, span.end)
    # an organization named by its head or legal form: in a list of quoted titles («книги «Адам и
    # Ева» и «Ветер перемен»») the first may be a title the model took for a name
    ends = {tagged.token_ending(m.end) for m in chosen if tagged.text[m.start] not in OPEN_QUOTES} - {None}
    out = []
    for i, tok in enumerate(toks):
        if tok.text not in OPEN_QUOTES or i < 2 or toks[i - 1].text not in ("и", ",") or (i - 2) not in ends:
            continue
        q = quote_end(tagged, i, tagged.sents[tok.sent].last)
        if q is None or not _looks_like_name(toks[i + 1 : q - 1]) or taken.overlaps(tok.start, toks[q - 1].end):
            continue
        start, end = tok.start, toks[q - 1].end
        m = _ner_mention(tagged, Span("ORG", start, end, tagged.text[start:end], i, q), i, q)
        if m is not None and event_or_thing(tagged, m) is None:
            out.append(m)
    return out


def _one_word_places(tagged: Tagged) -> frozenset[str]:
    return frozenset(tagged.tokens[s.first].lemma for s in tagged.spans if s.type == "LOC" and s.last - s.first == 1)


def _a_place_of_the_text(tagged: Tagged, m: OrgMention, places: frozenset[str]) -> bool:
    """One unquoted word the model took for an organization that the text names as a place
    elsewhere: «налогоплательщиков Клинцов» after «поездки в Клинцы»."""
    k = tagged.token_at(m.start)
    if k is None or m.legal_form or tagged.tokens[k].end != m.end or known_short_name(m.name):
        return False
    return tagged.tokens[k].lemma in places and tagged.tokens[k].text[:1].isupper()


# the words of a head before «№» looked back over: «отдел полиции», «детский сад»
MAX_NUMBERED_HEAD_WORDS = 2


def _numbered_head(toks: list[Token], k: int, sent_first: int) -> tuple[int, str] | None:
    """The first token and kind of an organization's head ending right before «№» at `k`."""
    for i in range(max(sent_first, k - MAX_NUMBERED_HEAD_WORDS), k):
        found = org_heads().longest_at(toks, i, k)
        if found and found[0] == k and tuple(t.lemma for t in toks[i:k]) not in quoted_only_heads():
            return i, found[1]
    return None



def _inside_quotes(tagged: Tagged, first: int, last: int) -> bool:
    """Tokens [first, last) stand inside a quoted name or title: «Враг общества № 1»."""
    return any(q < first and close >= last for q, close in tagged.quote_closes.items())


def _numbered_mentions(tagged: Tagged, spans: NamedSpans) -> list[OrgMention]:
    """An institution named by its head and number, lowercase too: «школы № 1», «городской
    больницы № 4 города Читы», «отдела полиции № 3»; the adjectives in the head's case and a
    place right after are the name's. Inside quotes the quoted name is the mention."""
    toks = tagged.tokens
    out = []
    for k, tok in enumerate(toks):
        if tok.text != "№" or k + 1 >= len(toks) or not toks[k + 1].text[:1].isdigit():
            continue
        head = _numbered_head(toks, k, tagged.sents[tok.sent].first)
        if head is None:
            continue
        i, kind = head
        if toks[k - 1].feats.get("Number") == "Plur":
            continue  # «школ № 19 и № 46»: two of them, named by their numbers alone
        first = _agreeing_adjectives(toks, i, tagged.sents[tok.sent].first)
        if _inside_quotes(tagged, first, k + 2):
            continue
        end = _past_place(tagged, spans, toks[k + 1].end)
        last = tagged.token_ending(end)
        words = toks[first : (last if last is not None else k + 1) + 1]
        name = _nominative_name(words, tagged.text)
        out.append(OrgMention(words[0].start, words[-1].end, name[:1].upper() + name[1:], None, kind))
    return out


def _branches_over_their_body(ranked: list[tuple[int, OrgMention]]) -> list[tuple[int, OrgMention]]:
    """«Тюменского регионального отделения общероссийской общественной организации «Деловая
    Россия»»: a branch named by its place, the body it belongs to named after it with a legal form
    of no company, is one name, not the body's; the body is its parent. (A company's branch is
    none: `is_branch_by_place`.)"""
    kinds = legal_forms().kinds
    bodies = [m for r, m in ranked if r == 0 and m.legal_form and kinds.get(m.legal_form) != "company"]
    if not bodies:
        return ranked
    return [
        (0 if m.legal_form is None and opens_as_branch(m.name) and any(
            b.start > m.start and b.end <= m.end for b in bodies
        ) else r, m)
        for r, m in ranked
    ]


def _bracketed_short_name(m: OrgMention) -> OrgMention:
    """A name that took its bracketed short name in, however it was found, keeps it as the alias:
    «... по рыболовству (Азово-Черноморское ТУ Росрыболовства)»."""
    name, short = _short_name_split(m.name)
    if short is None or m.alias is not None or len(name.split()) < 2:
        return m
    return replace(m, name=name, alias=short)


def _central_bank_office_mentions(tagged: Tagged) -> list[OrgMention]:
    """The Bank of Russia's regional offices, which the model cuts into pieces («Отделением Самара
    Волго-Вятского» | «главного управления» | «Центрального банка»): authorities; an office named
    by its city alone once the text has named it in full («управляющий Отделением Иркутск»)."""
    offices = list(CENTRAL_BANK_OFFICE.finditer(tagged.text))
    out = [
        OrgMention(m.start(), m.end(), national_bank_office_name(m), None, "authority")
        for m in NATIONAL_BANK_OFFICE.finditer(tagged.text)
    ]
    taken = Coverage(len(tagged.text), ((m.start, m.end) for m in out))
    for m in offices:
        name = central_bank_office_name(m)
        if name is not None and not taken.overlaps(m.start(), m.end()):
            out.append(OrgMention(m.start(), m.end(), name, None, "authority"))
    cities = {m.group("city") for m in offices if m.group("city")}
    named = Coverage(len(tagged.text), ((m.start, m.end) for m in out))
    for m in CB_BRANCH_ALONE.finditer(tagged.text):
        if m.group("city") in cities and not named.overlaps(m.start(), m.end()):
            out.append(OrgMention(m.start(), m.end(), f"Отделение {m.group('city')}", None, "authority"))
    return out


def _police_department_mentions(tagged: Tagged) -> list[OrgMention]:
    """«МО МВД России «Ржевский»»: one authority, named as written (its words do not decline); the
    unit spelled out («межмуниципального отдела МВД России «Ржевский»») is named in the nominative,
    its letters the alias."""
    out = []
    for m in POLICE_DEPARTMENT.finditer(tagged.text):
        if m.group("spelled"):
            quoted = m.group("name")
            out.append(OrgMention(m.start(), m.end(), f"Межмуниципальный отдел МВД России {quoted}", None,
                                  "authority", f"МО МВД России {quoted}"))
        else:
            out.append(OrgMention(m.start(), m.end(), " ".join(m.group().split()), None, "authority"))
    return out


# a blank line, which no name goes across
PARAGRAPH_BREAK = re.compile(r"\n[^\S\n]*\n")


def find_org_mentions(tagged: Tagged) -> list[OrgMention]:
    """All organization mentions, overlaps resolved in favour of legal-form matches, then the
    longest."""
    spans = NamedSpans(tagged)
    tickers = _ticker_tokens(tagged)
    ranked = [(0, m) for m in _legal_form_mentions(tagged, spans)]
    ranked += [(0, m) for m in _central_bank_office_mentions(tagged)]
    ranked += [(0, m) for m in _police_department_mentions(tagged)]
    descriptors = Coverage(len(tagged.text))
    ranked += [(1, m) for m in _head_mentions(tagged, spans, descriptors)]
    ranked += [(1, m) for m in _unit_mentions(tagged, spans)]
    ranked += [(1, m) for m in _numbered_mentions(tagged, spans)]
    declared = declared_short_names(tagged.text)  # «(далее — Оператор)»
    ranked += [(2, m) for m in _ner_mentions(tagged, spans, tickers, declared)]
    outlets = _dateline_outlet_mentions(tagged)
    ranked += [(2, m) for m in outlets]
    ranked += [(3, m) for m in _place_mentions(tagged)]
    ranked += [(3, m) for m in _adjective_name_mentions(tagged, spans)]
    bare_heads_found = _bare_head_mentions(tagged)
    ranked += [(5, m) for m in bare_heads_found]
    ranked += [(4, m) for m in _abbrev_mentions(tagged)]
    ranked += [(0, m) for m in _exchange_mentions(tagged)]
    ranked += [(4, m) for m in _site_mentions(tagged)]
    ranked += [(0, m) for m in _dotted_mentions(tagged)]
    ranked = [(r, _bracketed_short_name(m)) for r, m in ranked if not is_branch_by_place(tagged, m)]
    ranked = _branches_over_their_body(ranked)
    ranked.sort(key=lambda x: (x[0], -(x[1].end - x[1].start), x[1].start))
    chosen: list[OrgMention] = []
    covered = Coverage(len(tagged.text))
    not_here: set[tuple[str, ...]] = set()  # names this document shows to be events or things
    generic: list[OrgMention] = []  # «Компания», «Комитет» alone: references, resolved below
    referenced = Coverage(len(tagged.text))
    ticker_chars = Coverage(len(tagged.text), ((tagged.tokens[k].start, tagged.tokens[k].end) for k in tickers))
    exchanges = {(m.start, m.end) for m in _exchange_mentions(tagged)}
    for _, m in ranked:
        if not any(c.isalpha() for c in m.name) or m.name.lower() in ROMAN:
            # no word in it: the model's span over a rubric's bar («Новости компании | 19 января»), a
            # machine's number in quotes («трубопрокатного стана «140»»), a class's («предприятиям I и II
            # категорий»)
            continue
        if covered.overlaps(m.start, m.end) or descriptors.overlaps(m.end - 1, m.end):
            continue  # a mention ending in a descriptor left out of a quoted name: «Футбольный клуб» «Тамбов»
        if PARAGRAPH_BREAK.search(tagged.text, m.start, m.end):
            continue  # a headline run into the dateline under it: «... подготовку кадров | КАЗАНЬ»
        if ticker_chars.overlaps(m.start, m.end) and (m.start, m.end) not in exchanges:
            continue
        # a dateline's outlet is a medium whatever its head says («Белгородская неделя»)
        why = event_or_thing(tagged, m) if m.legal_form is None and m not in outlets else None
        if why is not None:
            not_here.update(_thing_keys(tagged, m, why))
            continue
        if is_common_noun_before_its_owner(tagged, m):
            # «Грузооборот «Балтийских терминалов» вырос», «Фракции «Единой России» ...»: the quoted
            # owner is the organization
            owner = _quoted_owner(tagged, m)
            if owner is None or covered.overlaps(owner.start, owner.end):
                continue
            m = owner
        declared_name = _declared(m.name, m.end, declared)
        # a short name the text declares goes before the lexicon's: «(далее — Экспоцентр)» is not Moscow's
        if m.legal_form is None and (is_generic(m) and not known_short_name(m.name) or declared_name):
            if not referenced.overlaps(m.start, m.end):  # the model's and a head's may both see it
                generic.append(m)
                referenced.add(m.start, m.end)
            continue
        chosen.append(m)
        covered.add(m.start, m.end)
    places = _one_word_places(tagged)
    chosen = [
        m
        for m in chosen
        # «Белый дом заявил»: the lexicon's seats of power stand for their bodies
        if plain(m.name) in seats_of_power()
        or (
            not is_lone_common_noun(tagged, m)
            and not is_lowercase_common_words(tagged, m)
            and not is_plural_common_noun(tagged, m)
            and not is_body_of_many_territories(tagged, m)
            and not is_working_commission(tagged, m)
            and not is_a_post_word(tagged, m)
            and not is_facility_of_the_company(tagged, m)
            and not is_unit_after_a_number(tagged, m)
            and not is_group_of_countries(tagged, m)
            and not is_blood_group(tagged, m)
            and not is_platform_as_a_medium(tagged, m)
            and not is_organ_of_a_reference(tagged, m)
            and not is_descriptor_alone(tagged, m)
            and not is_descriptor_of_a_quoted_name(tagged, m)
            and not is_thing_of_a_unit(tagged, m)
            and not is_facility_by_its_town(tagged, m)
            and not _a_place_of_the_text(tagged, m, places)
        )
    ]
    chosen = deputy_remits(tagged, double_names(tagged, territorial_branches(tagged, chosen)))
    for m in repeated_mentions(tagged, chosen):
        why = event_or_thing(tagged, m)
        if why is not None:
            not_here.update(_thing_keys(tagged, m, why))
        else:
            chosen.append(m)
    # «шаттл «Дискавери»» once makes every «Дискавери» of the text a shuttle
    chosen = [
        m for m in chosen
        if m.legal_form is not None or _headed_before_quotes(tagged, m) or not named_in(name_keys(tagged, m), not_here)
    ]
    chosen = territory_references(_outside_headings(tagged.text, chosen))
    resolved = generic_references(tagged.text, chosen, generic, frozenset(exchanges), declared)
    # a bare head no organization named before resolves is the body of the text's country («в
    # ответ правительство заявило»), but not after a post or an organ (`_after_post_or_organ`)
    done = Coverage(len(tagged.text), [(m.start, m.end) for m in chosen + resolved])
    bare = {(m.start, m.end) for m in bare_heads_found if not _after_post_or_organ(tagged, m.start)}
    chosen += resolved + [m for m in generic if (m.start, m.end) in bare and not done.overlaps(m.start, m.end)]
    chosen += _coordinated_quoted(tagged, chosen)
    chosen.sort(key=lambda m: m.start)
    # a place or a person the model read from inside a name on («Новосибирской области» (АИР НСО)»)
    # is the name's end and its brackets, not a place in brackets
    named = Coverage(len(tagged.text), ((m.start, m.end) for m in chosen))
    outside = [s for s in tagged.spans if s.type in ("LOC", "PER") and not named.overlaps(s.start, s.start + 1)]
    others = Coverage(len(tagged.text), ((s.start, s.end) for s in outside))
    out = [with_brackets(tagged, m, others) for m in spelled_further(tagged.text, chosen)]
    out = joined_by_short_name(tagged.text, out)
    out = [with_legal_form_before(tagged.text, m) for m in _outside_others(out)]
    out = _without_descriptions_of_the_next(tagged.text, out)
    out = with_parents(tagged.text, out, [m for _, m in ranked])
    # no candidate inside: the authority a unit's name ends with
    return [m if m.parent else with_parents(tagged.text, [m], _nested_authority(tagged, spans, m))[0] for m in out]

