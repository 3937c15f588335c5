"""Organizations: companies with legal forms and quoted names, authorities and institutions.

Sources, each a small rule:
- a legal form before a quoted name («ОАО «Кидма тек»», «общества с ограниченной
  ответственностью «Томат»»): the whole quoted name, nested quotes included;
- a head noun of the organization lexicon before a quoted name («завод «Красный Октябрь»»);
- a capitalized head noun with its genitive dependents («Правительство Тульской области»,
  «Министерство промышленности и торговли Российской Федерации»);
- natasha's ORG spans, widened to whole quotes and to a following genitive place
  («комитета» + «Республики Беларусь»), minus events and exhibitions.
The name is put into the nominative; the legal form and the quotes are not part of it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache

from .inflect import UD_CASES, head_grams, head_index, lemma, nominative_phrase, recover_shape, word_lemmas
from .lexicon import load_rows, load_words
from .morph import get_vocab
from .phrases import OPEN_QUOTES, ORG_PREPS, NamedSpans, case_of, extend_dependents, quote_end
from .tagging import Tagged, Token

QUOTE_CHARS = '«»„“”"'
PAREN_ABBR = re.compile(r"^(.+?)\s*\(\s*([A-ZА-ЯЁ][A-ZА-ЯЁа-яё.\-]{1,19})\s*\)?$")


@dataclass(frozen=True)
class OrgMention:
    start: int
    end: int
    name: str  # nominative, no legal form, no outer quotes
    legal_form: str | None
    kind: str | None  # None: not known from this mention
    alias: str | None = None  # «Московский государственный университет (МГУ)» gives «МГУ»
    parent: OrgMention | None = None  # an organization named inside this one's name
    kind_guessed: bool = False  # the kind is a guess («Яблоко» in quotes alone reads as a company)


def _stem_pattern(phrase: str) -> str:
    """A regex for a phrase in any case: each word's stem followed by any ending."""
    parts = []
    for word in phrase.split():
        stem = word[:-2] if len(word) > 4 else word
        parts.append(re.escape(stem) + r"\w*")
    return r"\s+".join(parts)


@cache
def legal_forms() -> tuple[dict[str, str], re.Pattern[str], tuple[re.Pattern[str], list[tuple[re.Pattern[str], str]]]]:
    """Abbreviation -> kind; a regex of the abbreviations; a regex of every spelled-out form,
    with each form's own pattern -> abbreviation."""
    kinds: dict[str, str] = {}
    spelled: list[tuple[str, str]] = []
    for row in load_rows("legal_forms.txt"):
        abbr = row[0]
        kinds[abbr] = row[2] if len(row) > 2 else "company"
        if len(row) > 1 and row[1]:
            spelled.append((row[1], abbr))
    abbrs = sorted(kinds, key=len, reverse=True)
    # a form written in lowercase («госкорпорация») may open a sentence or a name with a capital
    alternatives = [f"(?i:{re.escape(a[0])}){re.escape(a[1:])}" if a.islower() else re.escape(a) for a in abbrs]
    abbr_re = re.compile(r"(?<![\w-])(" + "|".join(alternatives) + r")(?![\w-])")
    spelled.sort(key=lambda x: len(x[0]), reverse=True)
    patterns = [(re.compile(_stem_pattern(s) + "$", re.IGNORECASE), a) for s, a in spelled]
    # one pass over the text finds every spelled-out form (longest first); which one it was
    # is then told on the short match alone
    any_spelled = re.compile(r"(?<!\w)(?:" + "|".join(_stem_pattern(s) for s, _ in spelled) + ")", re.IGNORECASE)
    return kinds, abbr_re, (any_spelled, patterns)


def _form_of(written: str) -> str:
    """The legal form as listed: «Госкорпорация» -> «госкорпорация», «ООО» stays."""
    return written if written in legal_forms()[0] else written.lower()


@cache
def org_heads() -> dict[tuple[str, ...], str]:
    """Head-noun lemmas («правительство», «группа компаний») -> kind."""
    return {word_lemmas(row[0]): row[1] for row in load_rows("org_heads.txt") if len(row) > 1}


@cache
def lowercase_heads() -> frozenset[tuple[str, ...]]:
    """Heads that name an organization in lowercase too: «министерство финансов»."""
    return frozenset(word_lemmas(r[0]) for r in load_rows("org_heads.txt") if r[2:] == ("lowercase",))


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
    return frozenset(_plain(w) for w in load_words("not_orgs.txt"))


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


def _plain(s: str) -> str:
    s = s.lower().replace("ё", "е")
    for q in QUOTE_CHARS:
        s = s.replace(q, " ")
    return " ".join(s.replace(".", " ").split())


# «Министерство ... РФ», «... России», «... Российской Федерации» name one body
COUNTRY_SPELLINGS = {"рф": "российской федерации", "россии": "российской федерации"}


def _country_plain(s: str) -> str:
    words = _plain(s).split()
    return " ".join(COUNTRY_SPELLINGS.get(w, w) for w in words)


def strip_quotes(s: str) -> str:
    """Outer quotes off: «Кидма тек» -> Кидма тек; «Завод «Октябрь»» -> Завод «Октябрь»."""
    s = s.strip()
    while len(s) >= 2 and s[0] in OPEN_QUOTES and s[-1] in QUOTE_CHARS:
        inner = s[1:-1]
        if inner.count("«") != inner.count("»"):
            # «Завод «Октябрь»» ends with two closers; only strip a matched pair
            break
        s = inner.strip()
    if s[:1] in OPEN_QUOTES and s.count("«") == s.count("»") + 1 - 1 and s.endswith("»»"):
        s = s[1:-1]
    return s


def strip_legal_form(name: str) -> str:
    """«ОАО «Кидма тек»» -> «Кидма тек»: the bare name, as organizations are named."""
    m = legal_forms()[1].match(name)
    rest = name[m.end() :].strip() if m else name
    return strip_quotes(rest) or name


def _head_kind(tokens: list[Token]) -> str | None:
    """Kind from the head noun: at the start («Правительство ...») or after adjectives
    («Государственный военно-промышленный комитет»)."""
    heads = org_heads()
    starts = [0]
    h = head_index(tokens)
    if h:
        starts += [h, h - 1]  # «Белорусская железная дорога»: a two-word head
    for s in starts:
        lemmas = tuple(lemma(t) for t in tokens[s : s + 3])
        for n in (3, 2, 1):
            kind = heads.get(lemmas[:n])
            if kind:
                return kind
    return None


def _legal_form_mentions(tagged: Tagged) -> list[OrgMention]:
    """A legal form (abbreviated or spelled out) followed by a quoted name."""
    kinds, abbr_re, spelled = legal_forms()
    text = tagged.text
    hits: list[tuple[int, int, str]] = [(m.start(), m.end(), _form_of(m.group(1))) for m in abbr_re.finditer(text)]
    any_spelled, patterns = spelled
    for m in any_spelled.finditer(text):
        if any(s <= m.start() < e for s, e, _ in hits):
            continue
        abbr = next((a for p, a in patterns if p.match(m.group(0))), None)
        if abbr:
            hits.append((m.start(), m.end(), abbr))
    out = []
    for start, end, abbr in sorted(hits):
        # the quoted name right after the form
        rest = text[end : end + 3]
        gap = len(rest) - len(rest.lstrip(" \u00a0"))
        qpos = end + gap
        if qpos >= len(text) or text[qpos] not in OPEN_QUOTES:
            continue
        k = tagged.token_at(qpos)
        if k is None:
            continue
        sent = tagged.sents[tagged.tokens[k].sent]
        q = quote_end(tagged.tokens, k, sent.last)
        if q is None:
            continue
        qend = tagged.tokens[q - 1].end
        name = strip_quotes(text[qpos:qend])
        if not name:
            continue
        out.append(OrgMention(start, qend, " ".join(name.split()), abbr, kinds.get(abbr, "company")))
    return out


MAX_QUOTED_NAME_WORDS = 6


def _looks_like_name(inner: list[Token]) -> bool:
    """A quoted name is short, starts with a capital, a digit or a Latin letter, and has no
    finite verb: «Красный Октябрь», «16 тонн» are names, «опасен для православия ...» is not."""
    words = [t for t in inner if t.text[:1].isalnum()]
    if not words or len(words) > MAX_QUOTED_NAME_WORDS:
        return False
    first = words[0].text
    if not (first[:1].isupper() or first[:1].isdigit() or first[:1].isascii()):
        return False
    return not any(t.pos in ("VERB", "AUX") and t.feats.get("VerbForm") == "Fin" for t in words)


def _is_capitalized(tok: Token) -> bool:
    return tok.text[:1].isupper()


def _head_mentions(tagged: Tagged, spans: NamedSpans) -> list[OrgMention]:
    """Capitalized org head nouns with their dependents: «Правительство Тульской области»;
    and any org head before a quoted name: «завод «Красный Октябрь»»."""
    toks = tagged.tokens
    heads = org_heads()
    max_len = max((len(k) for k in heads), default=1)
    out = []
    i = 0
    while i < len(toks):
        found = None
        key: tuple[str, ...] = ()
        for n in range(max_len):
            if i + n >= len(toks):
                break
            key = key + (lemma(toks[i + n]),)
            if key in heads:
                found = (i + n + 1, heads[key])
        if not found:
            i += 1
            continue
        head_end, kind = found
        sent = tagged.sents[toks[i].sent]
        if head_end < sent.last and toks[head_end].text in OPEN_QUOTES:
            q = quote_end(toks, head_end, sent.last)
            if q is not None and not _looks_like_name(toks[head_end + 1 : q - 1]):
                q = None  # a quotation or a title in quotes, not a name
                i = head_end
                continue
            if q is not None:
                name = strip_quotes(tagged.text[toks[head_end].start : toks[q - 1].end])
                if name:
                    out.append(OrgMention(toks[i].start, toks[q - 1].end, name, None, kind))
                i = q
                continue
        latin = _latin_name_end(toks, head_end, sent.last)
        if latin:
            # «корпорация Google», «компании Sun Microsystems»: the Latin name is the mention
            name = tagged.text[toks[head_end].start : toks[latin - 1].end]
            out.append(OrgMention(toks[head_end].start, toks[latin - 1].end, name, None, kind))
            i = latin
            continue
        if kind == "authority" and toks[head_end - 1].feats.get("Number") == "Plur":
            shared = _coordinated(tagged, i, head_end, sent.last, kind)
            if shared:
                out.extend(shared)
                i = tagged.token_ending(shared[-1].end) + 1
                continue
        # «Правительство Тульской области»; lowercase too when a place follows: «правительство
        # Омской области»
        if kind == "authority":
            last = extend_dependents(tagged, spans, head_end, sent.last, preps=ORG_PREPS)
            first = _with_adjectives(toks, i, sent.first)
            named_place = any(head_end <= k < last for k in spans.loc_start)
            lowercase_name = key[: head_end - i] in lowercase_heads()
            if last > head_end and (_is_capitalized(toks[first]) or named_place or lowercase_name):
                words = toks[first:last]
                name = _tidy(nominative_phrase(words, tagged.text))
                out.append(OrgMention(words[0].start, words[-1].end, name[:1].upper() + name[1:], None, kind))
                i = last
                continue
        i += 1
    return out


def _adjective_name_mentions(tagged: Tagged) -> list[OrgMention]:
    """«блоков Хмельницкой атомной электростанции», «с Минским тракторным заводом»: capitalized
    adjectives before a lowercase head noun inside a sentence make a name. Not at the start of a
    sentence or a quotation («Российские компании», «Японское правительство»), not where the
    model saw a place («Российской федерации»); the model's longer spans win over these."""
    toks = tagged.tokens
    heads = org_heads()
    others = {k for sp in tagged.spans if sp.type != "ORG" for k in range(sp.first, sp.last)}
    out = []
    for i, tok in enumerate(toks):
        if not tok.text[:1].islower() or tok.pos != "NOUN":
            continue
        kind = heads.get((lemma(tok),))
        if kind is None:
            continue
        sent = tagged.sents[tok.sent]
        first = _with_adjectives(toks, i, sent.first)
        if not sent.first < first < i or toks[first - 1].text in OPEN_QUOTES:
            continue
        if any(k in others for k in range(first, i + 1)):
            continue
        words = toks[first : i + 1]
        out.append(OrgMention(words[0].start, words[-1].end, _tidy(nominative_phrase(words, tagged.text)), None, kind))
    return out


LATIN_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9&.\-']*$")
MAX_LATIN_NAME_WORDS = 4


def _latin_name_end(toks: list[Token], i: int, limit: int) -> int | None:
    """The end of a capitalized Latin-script name starting at token `i`, if there is one."""
    if i >= limit or not toks[i].text[:1].isupper() or not LATIN_WORD.match(toks[i].text):
        return None
    k = i
    while k < limit and k - i < MAX_LATIN_NAME_WORDS and LATIN_WORD.match(toks[k].text):
        k += 1
    return k


# pronoun-like adjectives point at a unit, they do not name it: «самого центра», «своего отдела»
NOT_NAME_ADJECTIVES = frozenset({"сам", "самый", "свой", "весь", "этот", "тот", "такой", "каждый", "другой", "иной"})


@cache
def unit_heads() -> frozenset[tuple[str, ...]]:
    return frozenset(word_lemmas(w) for w in load_words("unit_heads.txt"))


def _unit_mentions(tagged: Tagged, spans: NamedSpans) -> list[OrgMention]:
    """A unit of a named organization, in lowercase, with the organization closing it:
    «кафедрой социальных коммуникаций и технологий РГГУ», «президентского совета ФИДЕ». The
    organization becomes its parent."""
    toks = tagged.tokens
    known = _abbrev_spellings()
    org_ends = {s.last for s in tagged.spans if s.type == "ORG"}
    org_ends |= {i + 1 for i, t in enumerate(toks) if t.text in known and sum(c.isupper() for c in t.text) >= 2}
    units = unit_heads()
    longest = max(len(u) for u in units)
    out = []
    i = 0
    while i < len(toks):
        tok = toks[i]
        n = next((n for n in range(longest, 0, -1) if tuple(lemma(t) for t in toks[i : i + n]) in units), 0)
        quoted_name = i + n + 1 < len(toks) and toks[i + n].text in OPEN_QUOTES and case_of(toks[i + n + 1]) != "Gen"
        if not n or not tok.text[:1].islower() or quoted_name:
            i += 1  # «филиал «Владимирский полиэфир»» is a name of its own; «службе «Голоса Америки»» a unit
            continue
        sent = tagged.sents[tok.sent]
        last = extend_dependents(tagged, spans, i + n, sent.last, preps=ORG_PREPS)
        closed = last - 1 if toks[last - 1].text in QUOTE_CHARS else last  # «движения «Солидарность»»
        if last == i + n or (last not in org_ends and closed not in org_ends):
            i += 1
            continue
        first = i  # «президентского» совета: lowercase adjectives agreeing with the head
        while first > sent.first and toks[first - 1].pos == "ADJ" and case_of(toks[first - 1]) == case_of(tok):
            if lemma(toks[first - 1]) in NOT_NAME_ADJECTIVES:
                break
            first -= 1
        words = toks[first:last]
        name = _tidy(nominative_phrase(words, tagged.text))
        # a unit is of its organization's kind: «отдел ... HP» is no authority
        owner = known_abbrevs().get(toks[last - 1].text.lower())
        out.append(OrgMention(words[0].start, words[-1].end, name, None, owner[1] if owner else None))
        i = last
    return out


def _with_adjectives(toks: list[Token], i: int, sent_first: int) -> int:
    """Take in the capitalized adjectives of a name before its head: «Государственного
    военно-промышленного» комитета."""
    k = i
    while k > sent_first and toks[k - 1].pos == "ADJ":
        k -= 1
    return k if k < i and toks[k].text[:1].isupper() else i


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
    noun_gen = _inflect(noun.text, "NOUN", "Gen", {"gent", "sing"})
    head = _inflect(toks[head_end - 1].text, "NOUN", case_of(toks[head_end - 1]), {"nomn", "sing"})
    head_words = [t.text for t in toks[i : head_end - 1]] + [head]
    out = []
    for n, a in enumerate(adjs):
        adj = _inflect(toks[a].text, "ADJ", "Gen", {"gent", "sing", gender or "femn"})
        name = " ".join([*head_words, adj, noun_gen])
        start = toks[i].start if n == 0 else toks[a].start
        end = toks[a].end if n < len(adjs) - 1 else noun.end
        out.append(OrgMention(start, end, name, None, kind))
    return out


def _inflect(word: str, pos: str, case: str | None, grams: set[str]) -> str:
    for p in get_vocab().raw_parse(word.lower()):
        if (p.tag.POS == "NOUN") == (pos == "NOUN") and (case is None or p.tag.case in UD_CASES.get(case, ())):
            form = p.inflect(grams)
            if form:
                return recover_shape(form.word, word)
    return word


def _tidy(s: str) -> str:
    return " ".join(s.split())


def _ner_mentions(tagged: Tagged, spans: NamedSpans) -> list[OrgMention]:
    toks = tagged.tokens
    out = []
    kinds, abbr_re, _ = legal_forms()
    loc_at = {s.first: s for s in tagged.spans if s.type == "LOC"}
    for span in tagged.spans:
        if span.type != "ORG":
            continue
        first, last = span.first, span.last
        while first < last - 1 and toks[first].pos in ("VERB", "AUX"):
            first += 1  # «Открылся Центр ...»: the model took the verb opening the sentence in
        if last - first == 1 and toks[first].pos == "ADJ":
            continue  # a lone adjective («Чрезвычайным») is a tagging slip, not a name
        sent = tagged.sents[toks[first].sent]
        # a quote opened inside the span and closed after it: take the whole quote
        opened = [k for k in range(first, last) if toks[k].text in OPEN_QUOTES]
        if opened:
            q = quote_end(toks, opened[0], sent.last)
            if q is not None and q > last and _looks_like_name(toks[opened[0] + 1 : q - 1]):
                last = q
        # an opening quote just before the span and its closer just after
        if first > sent.first and toks[first - 1].text in OPEN_QUOTES:
            q = quote_end(toks, first - 1, sent.last)
            if q is not None and q >= last and _looks_like_name(toks[first : q - 1]):
                first, last = first - 1, q
        # «Минпромторг» + «России»: a short name and its country
        if last - first == 1 and last < sent.last and toks[last].text in ("России", "РФ") and _known(toks[first].text):
            last += 1
        # «Государственного ... комитета» + «Республики Беларусь»
        if last in loc_at and case_of(toks[last - 1]) == "Gen" and case_of(toks[last]) == "Gen":
            last = loc_at[last].last
        elif last < sent.last and case_of(toks[last - 1]) is not None:
            if _head_kind(toks[first:last]):
                last = extend_dependents(tagged, spans, last, sent.last, preps=ORG_PREPS)
        words = toks[first:last]
        raw = tagged.text[words[0].start : words[-1].end]
        legal = None
        m = abbr_re.match(raw)
        if m:
            legal = _form_of(m.group(1))
            raw = raw[m.end() :].strip()
            words = [t for t in words if t.start >= words[0].start + m.end()]
        if not words:
            continue
        if raw[:1] in OPEN_QUOTES:
            name = strip_quotes(raw)
            inner = [t for t in words if t.text[:1].isalnum()]
            if len(inner) == 1 and case_of(inner[0]) not in (None, "Nom"):
                name = _quoted_nominative(inner[0])
        elif head_index(words) is not None and not any(t.text in QUOTE_CHARS for t in words):
            name = nominative_phrase(words, tagged.text)
        else:
            name = raw
        name = _tidy(name)
        alias = None
        m_abbr = PAREN_ABBR.match(name)
        if m_abbr:
            # the short form as written («СПбГУ»), not as inflection left it
            raw_abbr = PAREN_ABBR.match(_tidy(raw))
            name, alias = m_abbr.group(1), raw_abbr.group(2) if raw_abbr else m_abbr.group(2)
            if alias in kinds:  # «Банк ВТБ (ПАО)»: a legal form in brackets
                legal, alias = legal or alias, None
        if not name:
            continue
        kind = kinds.get(legal) if legal else _head_kind(words)
        guessed = kind is None and raw[:1] in OPEN_QUOTES and legal is None and not known_abbrevs().get(name.lower())
        if guessed:
            kind = "company"  # a bare quoted name («Амкадор»): a brand name, nearly always a company
        start = words[0].start if not legal else span.start
        out.append(OrgMention(start, words[-1].end, name, legal, kind, alias, kind_guessed=guessed))
    return out


def org_like_place(tagged: Tagged, span) -> str | None:
    """A LOC span that names a known organization («ЕС», «Европейского союза», «ООН»): its kind.
    Only names of the organization lexicon count: «Сколково» or «СНГ» stay places."""
    if span.text.isupper():
        known = known_abbrevs().get(_plain(span.text))
        return known[1] if known else None
    words = tagged.tokens[span.first : span.last]
    spelling = _one_word_spelling(words)
    if spelling:  # «Евросоюза»
        return known_abbrevs()[spelling.lower()][1]
    return known_full_names().get(_plain(nominative_phrase(words, tagged.text)))


@cache
def known_full_names() -> dict[str, str]:
    return {_plain(full): kind for full, kind in known_abbrevs().values()}


def _place_mentions(tagged: Tagged) -> list[OrgMention]:
    out = []
    for span in tagged.spans:
        if span.type != "LOC":
            continue
        kind = org_like_place(tagged, span)
        if kind:
            words = tagged.tokens[span.first : span.last]
            if span.text.isupper():
                name = span.text
            else:
                name = _one_word_spelling(words) or _tidy(nominative_phrase(words, tagged.text))
            out.append(OrgMention(span.start, span.end, name, None, kind))
    return out


def _is_generic(m: OrgMention) -> bool:
    """«Компания», «Группа», «Общество» alone: a reference to an organization named elsewhere
    («далее – «Компания»»), not a name."""
    words = _plain(m.name).split()
    if len(words) != 1:
        return False
    return word_lemmas(words[0]) in org_heads() or words[0] in ("группа", "общество", "компания")


def _quoted_nominative(tok: Token) -> str:
    """«Газпроме» -> «Газпром»: a one-word quoted name in an oblique case, when the dictionary
    reads it as a noun in that case; indeclinable names («Черкизово») stay as written."""
    cases = UD_CASES.get(case_of(tok) or "", set())
    for p in get_vocab().raw_parse(tok.text.lower()):
        if p.tag.POS == "NOUN" and p.tag.case in cases and p.normal_form != tok.text.lower():
            return recover_shape(p.normal_form, tok.text)
    return tok.text


def _is_event(tagged: Tagged, m: OrgMention) -> bool:
    """Exhibitions, forums and programmes are not organizations: «выставка «ИННОПРОМ»»,
    «Международная промышленная выставка»; nor are vehicles, buildings and products: «шаттл
    «Дискавери»», «Космический телескоп Хаббл»."""
    if _plain(m.name) in not_org_names() or _plain(tagged.text[m.start : m.end]) in not_org_names():
        return True
    i = tagged.token_at(m.start)
    if i is None:
        return False
    toks = tagged.tokens
    # an event or thing noun right before the name, in apposition to it: «выставка «ИННОПРОМ»»,
    # «шаттл «Дискавери»», «телескоп Хаббл»; an event noun only before quotes, as «в 2010 году
    # Google» or «акций Facebook» name no event
    k = i - 1
    quoted = toks[i].text in OPEN_QUOTES
    if k >= 0 and toks[k].text in OPEN_QUOTES:
        k, quoted = k - 1, True
    if k >= 0 and toks[k].sent == toks[i].sent and _in_apposition(tagged, m):
        head = lemma(toks[k])
        if head in object_heads() and (quoted or not m.name.isupper()):
            return True
        # a Latin name does not decline: after a singular event noun it is the event's name
        # («конкурс The BOBs»), after a plural one an owner («акций Facebook»)
        latin = LATIN_WORD.match(m.name.split()[0]) is not None and toks[k].feats.get("Number") == "Sing"
        if (quoted or latin) and head in event_heads() and head not in time_nouns():
            return True
    # an event noun heading a name of several words
    j = tagged.token_ending(m.end)
    words = toks[i : (j + 1 if j is not None else i + 1)]
    h = head_index(words)
    return len(words) > 1 and h is not None and lemma(words[h]) in not_org_heads()


def _in_apposition(tagged: Tagged, m: OrgMention) -> bool:
    """A name in apposition to a noun keeps the nominative («на шаттле «Дискавери»»); one in
    another case depends on it as an owner («Инициатива «Яблока»», «автомобили ЗАЗ»)."""
    written = strip_quotes(tagged.text[m.start : m.end]).split()
    return bool(written) and written[0].lower() == m.name.split()[0].lower()


@cache
def _abbrev_spellings() -> dict[str, str]:
    """Well-known abbreviations as written («УрФУ», «СПбГУ») -> kind."""
    return {row[0]: row[2] for row in load_rows("org_abbrevs.txt") if len(row) >= 3 and " " not in row[0]}


@cache
def _one_word_names() -> dict[str, str]:
    """Well-known one-word names with one capital («Минфин», «Евросоюз», «Интерпол»), by lemma,
    so that their case forms count too («Минфина», «Евросоюзом»)."""
    out = {}
    for spelling in _abbrev_spellings():
        if spelling[:1].isupper() and spelling[1:].islower() and spelling.isalpha():
            out.setdefault(word_lemmas(spelling)[0], spelling)
    return out


def _one_word_spelling(words: list[Token]) -> str | None:
    """The lexicon spelling of a one-word well-known name in any case («Евросоюза» -> «Евросоюз»)."""
    return _one_word_names().get(lemma(words[0])) if len(words) == 1 else None


def _abbrev_mentions(tagged: Tagged) -> list[OrgMention]:
    """Well-known abbreviations and short names the NER model missed («В УрФУ прошла ...»,
    «санкции Евросоюза»): words with two capitals or more as written; one-capital names in any
    case, but not where the model saw a person or a place, and not a common word opening a
    sentence («Магнит притягивает»)."""
    known = _abbrev_spellings()
    others = {i for s in tagged.spans if s.type != "ORG" for i in range(s.first, s.last)}
    out = []
    for i, t in enumerate(tagged.tokens):
        if sum(c.isupper() for c in t.text) >= 2 and t.text in known:
            out.append(OrgMention(t.start, t.end, t.text, None, known[t.text]))
            continue
        if not (t.text[:1].isupper() and t.text[1:].islower()) or i in others:
            continue
        spelling = _one_word_spelling([t])
        if spelling is None or tagged.sents[t.sent].first == i and _is_common_word(t):
            continue
        name = spelling if _plain(spelling) != _plain(t.text) else t.text
        out.append(OrgMention(t.start, t.end, name, None, known[spelling]))
    return out


# a site name: «NEWSru.com», «baltinfo.ru», «кремль.рф»
SITE = re.compile(
    r"(?<![\w@/.-])([A-Za-zА-ЯЁа-яё0-9][\w-]*(?:\.[\w-]+)*\.(?:ru|com|org|net|info|ua|by|kz|eu|рф))(?![\w/@-]|\.\w)"
)
WORD_BEFORE = re.compile(r"(\w+)\s+$")


@cache
def report_verbs() -> frozenset[str]:
    return frozenset(load_words("report_verbs.txt"))


def _site_mentions(tagged: Tagged) -> list[OrgMention]:
    """A site named as the source of a report is the media outlet: «сообщает baltinfo.ru»,
    «цитирует infox.ru»."""
    text = tagged.text
    out = []
    for m in SITE.finditer(text):
        before = WORD_BEFORE.search(text, max(0, m.start() - 30), m.start())
        if before and word_lemmas(before.group(1))[0] in report_verbs():
            out.append(OrgMention(m.start(), m.end(), m.group(1), None, "company"))
    return out


# «Группа «Черкизово» (MOEX: GCHE)»: a stock exchange and a ticker
EXCHANGE_TICKER = re.compile(r"\(\s*([A-Z]{2,10})\s*:\s*[A-Z0-9.]{1,12}\s*\)")


def _exchange_mentions(tagged: Tagged) -> list[OrgMention]:
    """The exchange of a ticker is a company the release names: «(MOEX: GCHE)», «(NYSE: X)»."""
    return [
        OrgMention(m.start(1), m.end(1), m.group(1), None, "company") for m in EXCHANGE_TICKER.finditer(tagged.text)
    ]


def find_org_mentions(tagged: Tagged) -> list[OrgMention]:
    """All organization mentions, overlaps resolved in favour of legal-form matches, then the
    longest."""
    spans = NamedSpans(tagged)
    ranked = [(0, m) for m in _legal_form_mentions(tagged)]
    ranked += [(1, m) for m in _head_mentions(tagged, spans)]
    ranked += [(1, m) for m in _unit_mentions(tagged, spans)]
    ranked += [(2, m) for m in _ner_mentions(tagged, spans)]
    ranked += [(3, m) for m in _place_mentions(tagged)]
    ranked += [(3, m) for m in _adjective_name_mentions(tagged)]
    ranked += [(4, m) for m in _abbrev_mentions(tagged)]
    ranked += [(0, m) for m in _exchange_mentions(tagged)]
    ranked += [(4, m) for m in _site_mentions(tagged)]
    ranked.sort(key=lambda x: (x[0], -(x[1].end - x[1].start), x[1].start))
    chosen: list[OrgMention] = []
    not_here: set[tuple[str, ...]] = set()  # names this document shows to be events or things
    for _, m in ranked:
        if any(m.start < c.end and c.start < m.end for c in chosen):
            continue
        if m.legal_form is None and _is_event(tagged, m):
            not_here.update(_name_keys(tagged, m))
            continue
        if m.legal_form is None and _is_generic(m):
            continue
        chosen.append(m)
    chosen = _territorial_branches(tagged, [m for m in chosen if not _lone_common_noun(tagged, m)])
    for m in _repeated_mentions(tagged, chosen):
        if _is_event(tagged, m):
            not_here.update(_name_keys(tagged, m))
        else:
            chosen.append(m)
    # «шаттл «Дискавери»» once makes every «Дискавери» of the text a shuttle
    chosen = [m for m in chosen if m.legal_form is not None or not _named_in(_name_keys(tagged, m), not_here)]
    chosen.sort(key=lambda m: m.start)
    out = [_bracketed(tagged, m) for m in chosen]
    return [_with_parent(tagged.text, m, ranked) for m in out]


# «ГУ МЧС России по Санкт-Петербургу», «УФНС России по Тульской области»: a territorial body
BRANCH_TAIL = re.compile(r"\s+(?:(?:России|РФ)\s+)?по\s+(?:г\.\s*)?")
AND = re.compile(r"\s+и\s+")
UNIT_ABBR = re.compile(r"[А-ЯЁ]{2,5}")


def _territorial_branches(tagged: Tagged, chosen: list[OrgMention]) -> list[OrgMention]:
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
        name = _tidy(prefix + m.name + text[m.end : end])
        out.append(replace(m, start=start, end=end, name=name, kind=m.kind or "authority"))
    return out


MAX_REPEATED_NAME_WORDS = 3


def _name_tokens(tagged: Tagged, m: OrgMention) -> tuple[list[Token], bool] | None:
    """The words a short name is written with in a mention, and whether they were quoted:
    «Майкрософт» in «компания «Майкрософт»», «Facebook», «Интерпол»."""
    i, j = tagged.token_at(m.start), tagged.token_ending(m.end)
    if i is None or j is None:
        return None
    toks = tagged.tokens[i : j + 1]
    quoted = [k for k, t in enumerate(toks) if t.text in QUOTE_CHARS]
    if len(quoted) >= 2:
        toks, is_quoted = toks[quoted[0] + 1 : quoted[-1]], True
    elif m.legal_form is None:
        is_quoted = False
    else:
        return None
    words = [t for t in toks if t.text[:1].isalnum()]
    if not words or len(words) > MAX_REPEATED_NAME_WORDS or len(words) != len(toks):
        return None
    if not (words[0].text[:1].isupper() or words[0].text[:1].isdigit()):
        return None
    return words, is_quoted


def _name_keys(tagged: Tagged, m: OrgMention) -> set[tuple[str, ...]]:
    """Keys that tell two mentions of one name, in any case: its nominative words, and the lemmas
    of the words it is written with («Хаббла» -> «хаббл»)."""
    keys = {tuple(_plain(m.name).split())}
    found = _name_tokens(tagged, m)
    if found:
        keys.add(tuple(lemma(t) for t in found[0]))
        keys.add(tuple(_plain(t.text) for t in found[0]))
    return keys


def _named_in(keys: set[tuple[str, ...]], names: set[tuple[str, ...]]) -> bool:
    """Whether a mention's keys name one of `names`; a one-word name also in a case form the
    dictionary does not know («Хаббл» -> «Хаббла»)."""
    if keys & names:
        return True
    ones = [n[0] for n in names if len(n) == 1 and len(n[0]) >= 4]
    return any(
        len(k) == 1 and any(k[0].startswith(n) and len(k[0]) - len(n) <= 2 for n in ones) for k in keys
    )


def _is_common_word(tok: Token) -> bool:
    """A word of the dictionary that is not a name: «Центр», «Телевизор», «Яблоко»."""
    parses = get_vocab().raw_parse(tok.text.lower())
    return bool(parses) and all(
        p.is_known and not ({"Orgn", "Abbr", "Name", "Surn", "Geox", "Trad"} & p.tag.grammemes) for p in parses
    )


def _repeated_mentions(tagged: Tagged, chosen: list[OrgMention]) -> list[OrgMention]:
    """Every other place a short organization name found once is written again, in any case:
    «компания «Майкрософт»» ... «Майкрософт» представил ...; «Интерпол» ... «Интерполу». A name
    that is a common word («Центр», «Яблоко») counts again only in quotes, and words the model
    tagged as a person or a place stay theirs."""
    toks = tagged.tokens
    names: dict[tuple[str, ...], tuple[OrgMention, bool]] = {}
    for m in chosen:
        if _is_generic(m) or _plain(m.name) in not_org_names():
            continue
        found = _name_tokens(tagged, m)
        if found is None:
            continue
        words, quoted = found
        key = tuple(lemma(t) for t in words)
        needs_quotes = quoted and any(_is_common_word(t) for t in words)
        if key not in names or not needs_quotes:
            names[key] = (m, needs_quotes)
    if not names:
        return []
    taken = [(m.start, m.end) for m in chosen]
    taken += [(s.start, s.end) for s in tagged.spans if s.type != "ORG"]
    out = []
    for key, (m, needs_quotes) in names.items():
        n = len(key)
        for i in range(len(toks) - n + 1):
            if lemma(toks[i]) != key[0] or not toks[i].text[:1].isupper() and not toks[i].text[:1].isdigit():
                continue
            if tuple(lemma(t) for t in toks[i : i + n]) != key:
                continue
            first, last = i, i + n
            in_quotes = first > 0 and toks[first - 1].text in OPEN_QUOTES
            if in_quotes and last < len(toks) and toks[last].text in QUOTE_CHARS:
                first, last = first - 1, last + 1
            elif needs_quotes:
                continue
            start, end = toks[first].start, toks[last - 1].end
            if any(start < e and s < end for s, e in taken):
                continue
            taken.append((start, end))
            out.append(OrgMention(start, end, m.name, m.legal_form, m.kind, m.alias, kind_guessed=m.kind_guessed))
    return out


def _with_parent(text: str, m: OrgMention, ranked: list[tuple[int, OrgMention]]) -> OrgMention:
    """An organization named inside another's name is its parent: «Отдел информации ...
    Правительства Пензенской области», «Центр азербайджановедения УФУ». A name inside the
    quotes of a name is part of it («Инжиниринговый центр «Верхняя Сура»»)."""
    inner = [
        x for _, x in ranked
        if m.start < x.start and x.end <= m.end and x.legal_form is None and x.name != m.name
        and not _is_generic(x) and text[m.start : x.start].count("«") <= text[m.start : x.start].count("»")
    ]
    if not inner:
        return m
    parent = max(inner, key=lambda x: (x.end - x.start, -x.start))
    return replace(m, parent=parent)


# a short name, or a Latin name of a few words, in brackets: «(Росмолодежь)», «(Volkswagen)»,
# «(Committee to Protect Journalists)»
BRACKETED = re.compile(r"\s*\(\s*([А-ЯЁA-Z][\w.\-]{1,24}|[A-Z][\w.\-&']*(?:\s+[\w.\-&']+){1,7})\s*\)")
MAX_BRACKETS = 2


def _bracketed(tagged: Tagged, m: OrgMention) -> OrgMention:
    """A short name or legal form in brackets after a name: «Федеральное агентство по делам
    молодежи (Росмолодежь)», «Банк ВТБ (ПАО)», «Комитет защиты журналистов (КЗЖ) (Committee to
    Protect Journalists)». The brackets join the mention; a place or a person in brackets
    («(Москва)») is no other name."""
    name, end, found = m.name, m.end, []
    inner = PAREN_ABBR.match(name)
    if inner:  # the name took the brackets in
        name = inner.group(1)
        found.append(inner.group(2))
    others = [(s.start, s.end) for s in tagged.spans if s.type in ("LOC", "PER")]
    for _ in range(MAX_BRACKETS):
        after = BRACKETED.match(tagged.text, end)
        if not after or any(s < after.end(1) and after.start(1) < e for s, e in others):
            break
        found.append(after.group(1))
        end = after.end()
    legal, alias = m.legal_form, m.alias
    for f in found:
        if f in legal_forms()[0]:
            legal = legal or f
        elif f != name:
            alias = alias or f
    return replace(m, name=name, end=end, legal_form=legal, alias=alias)


def _lone_common_noun(tagged: Tagged, m: OrgMention) -> bool:
    """«Разъяснения Минздрав опубликует»: a capitalized common noun opening a sentence, tagged as
    an organization, is not one."""
    i = tagged.token_at(m.start)
    if i is None or tagged.token_ending(m.end) != i or m.legal_form or m.alias:
        return False
    tok = tagged.tokens[i]
    if tagged.sents[tok.sent].first != i or not tok.text[1:].islower():
        return False
    parses = get_vocab().raw_parse(tok.text.lower())
    return bool(parses) and all(
        p.is_known and not ({"Orgn", "Abbr", "Name", "Surn", "Geox", "Trad"} & p.tag.grammemes) for p in parses
    )


def org_kind(m: OrgMention) -> str:
    if m.kind:
        return m.kind
    known = known_abbrevs().get(m.name.lower())
    if known:
        return known[1]
    return "other"


def acronym(name: str) -> str:
    """«Московский государственный университет» -> «МГУ» (words of 3+ letters)."""
    words = re.findall(r"[А-ЯЁA-Zа-яёa-z]+", name)
    return "".join(w[0] for w in words if len(w) > 2).upper()


def same_org(a: str, b: str) -> bool:
    """Two names of one organization: equal, an acronym of the other, a known short form, or
    a name of three words or more with its country after it («Уральский федеральный
    университет России»)."""
    pa, pb = _country_plain(a), _country_plain(b)
    if pa == pb:
        return True
    short, long_ = sorted((pa, pb), key=len)
    if len(short.split()) >= 3 and long_.startswith(short + " ") and len(long_.split()) - len(short.split()) <= 2:
        tail = (a if len(a) > len(b) else b).split()[len(short.split()) :]
        if all(w[:1].isupper() for w in tail):
            return True
    for x, y in ((a, b), (b, a)):
        if x.isupper() and 2 <= len(x) <= 8 and " " not in x and acronym(y) == x:
            return True
        known = _known(x)
        full = _country_plain(strip_legal_form(known[0])) if known else None
        py = _country_plain(y)
        # the lexicon may spell the name out longer: «Уральский федеральный университет имени ...»
        if full and (full == py or (len(py.split()) >= 2 and full.startswith(py + " "))):
            return True
    return False


def _known(name: str) -> tuple[str, str] | None:
    """The lexicon entry of a short name, also when the country follows it («Минпромторг России»)."""
    low = " ".join(name.lower().split())
    known = known_abbrevs().get(low)
    if known is None:
        for suffix in (" россии", " рф"):
            if low.endswith(suffix):
                known = known_abbrevs().get(low[: -len(suffix)])
                break
    return known


__all__ = ["OrgMention", "find_org_mentions", "org_kind", "same_org", "strip_legal_form", "strip_quotes"]
