"""The post lexicon: post heads (`posts.txt`, and `occupations.txt` derived from NEREL train), the
modifiers and abbreviations that go with them
(`post_modifiers.txt`), trades that are posts only with an organization (`professions.txt`), the
verbs that link a post to a name (`post_link_verbs.txt`), posts of a territory
(`territorial_posts.txt`), adjectives of places (`place_adjectives.txt`), the posts that are
ranks (`ranks.txt`), and the nouns a rank adjective makes no post of (`rank_non_posts.txt`, derived
from NEREL train: «старший брат»; any other animate noun after «главный», «ведущий», «старший»,
«младший» is a post where an organization or a link verb goes with it). Read once per process;
matched on lemmas, so any case of a post fits."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from extractor.lexicon import Phrase, PhraseIndex, load_rows, load_words
from extractor.lexicon.orgs import legal_forms, org_heads
from extractor.lexicon.places import country_names
from extractor.nlp.morph import nominal_phrase_lemmas, parses, phrase_lemmas, plain_lemma
from extractor.nlp.tagging import Token

# the longest post head of the lexicon has fewer words («заместитель председателя правительства ...»)
MAX_POST_WORDS = 8
# the prefix of a former holder: «экс-премьера»
EX_PREFIX = "экс-"
# nouns whose genitive is the post they name: «пост министра», «в должности директора», «в
# качестве тренера», «кресло мэра», «портфель министра»
LINK_NOUNS = frozenset({"должность", "пост", "качество", "позиция", "кресло", "портфель"})
# words read as a former holder's post («экс-премьера»), kept
WORD_CACHE = 10_000


@dataclass(frozen=True)
class PostLexicon:
    heads: PhraseIndex[bool]  # post phrases as lemmas
    modifiers: frozenset[str]  # lemmas that qualify a post before it: «первый», «врио»
    expansions: dict[str, Phrase]  # an abbreviation that stands for a whole post: «гендиректор»
    acting: frozenset[str]  # short forms of «исполняющий обязанности»: «и.о», «врио»
    acting_objects: frozenset[str]  # what an acting post performs: «обязанности», «полномочия»
    link_verbs: frozenset[str]  # «назначен на должность», «избрана председателем», «стал министром»
    appointing: frozenset[str]  # link verbs whose active voice gives the post to the object: «назначил»
    professions: frozenset[str]  # trades: «журналист», a position only with its organization
    territorial: frozenset[str]  # posts of a territory: «губернатор», «премьер-министр»
    place_names: dict[str, str]  # «российский» -> «Россия»
    countries: frozenset[str]  # «Малайзия», «США»: countries.txt and the countries of place_names
    offices: dict[Phrase, str]  # posts that name one office: «глава региона», «губернатор» -> region


def _is_modifier_row(row: tuple[str, ...]) -> bool:
    """A modifier as it is («первый»), or one marking a former post («бывший | past»); the other
    rows give an abbreviation and what it stands for."""
    return len(row) == 1 or row[1] == "past"


def _modifiers_and_expansions(heads: PhraseIndex[bool]) -> tuple[frozenset[str], dict[str, Phrase], frozenset[str]]:
    modifiers: set[str] = set()
    expansions: dict[str, Phrase] = {}
    acting: set[str] = set()
    for row in load_rows("post_modifiers.txt"):
        word = row[0].lower()
        if _is_modifier_row(row):
            # «чрезвычайный и полномочный», «временно исполняющий полномочия»: the words, not the
            # conjunction (a noun among them qualifies only after «исполняющий»: is_modifier)
            modifiers.update(w for w in phrase_lemmas(word) if len(w) > 2)
        elif " " not in word:  # one-token abbreviations: «врио», «замминистра», «гендиректор»
            abbr = word.rstrip(".")
            expansions[abbr] = phrase_lemmas(row[1])
            if expansions[abbr] not in heads:
                modifiers.add(abbr)  # «врио» qualifies a post; «гендиректор» is one
            if "исполняющ" in row[1]:
                acting.add(abbr)
    return frozenset(modifiers), expansions, frozenset(acting)


def _head_rows() -> list[str]:
    """Post heads: the posts of posts.txt, and the occupations NEREL train names that it lacks."""
    return [row[0] for name in ("posts.txt", "occupations.txt") for row in load_rows(name)]


@cache
def post_lexicon() -> PostLexicon:
    heads = PhraseIndex((nominal_phrase_lemmas(phrase), True) for phrase in _head_rows())
    modifiers, expansions, acting = _modifiers_and_expansions(heads)
    acting_objects = frozenset(
        w for row in load_rows("post_modifiers.txt") if _is_modifier_row(row) and " " in row[0]
        for w in phrase_lemmas(row[0]) if _is_noun(w)
    )
    return PostLexicon(
        heads=heads,
        modifiers=modifiers,
        expansions=expansions,
        acting=acting,
        acting_objects=acting_objects,
        link_verbs=frozenset(load_words("post_link_verbs.txt")),
        appointing=frozenset(row[0] for row in load_rows("post_link_verbs.txt") if row[1:] == ("object",)),
        professions=frozenset(load_words("professions.txt")) | frozenset(load_words("occupations.txt")),
        territorial=frozenset(load_words("territorial_posts.txt")),
        place_names={row[0]: row[1] for row in load_rows("place_adjectives.txt") if len(row) > 1},
        countries=country_names(),
        offices={phrase_lemmas(row[0]): row[1] for row in load_rows("offices.txt")},
    )


@lru_cache(maxsize=WORD_CACHE)
def _is_noun(lemma: str) -> bool:
    found = parses(lemma)
    return bool(found) and found[0].tag.POS == "NOUN"


def starts_post(word_lemma: str) -> bool:
    """Whether a post of the lexicon begins with this lemma."""
    return word_lemma in post_lexicon().heads.firsts


@lru_cache(maxsize=WORD_CACHE)
def _lemma_of_word(word: str) -> str:
    """A word's lemma, the one that begins a post when there is such («премьера» -> «премьер»)."""
    lemmas = [plain_lemma(p.normal_form) for p in parses(word)]
    return next((x for x in lemmas if starts_post(x)), lemmas[0] if lemmas else word)


# a participle the tagger reads as a noun: «нападающий», «заведующий»
SUBSTANTIVE_PARTICIPLE = ("щий", "щая", "вший", "вшая")


def post_lemma(tok: Token) -> str:
    """A token's lemma as the post lexicon reads it: «экс-премьера» is a former «премьер»; a
    word the tagger read otherwise may still be a post in another reading («нападающий»,
    a participle to the tagger, is a forward; «временным» the tagger reads as «временной»)."""
    text = tok.text.lower()
    if text.startswith(EX_PREFIX) and len(text) > len(EX_PREFIX):
        return _lemma_of_word(text[len(EX_PREFIX) :])
    lemma = _compound_head(tok.lemma)
    if starts_post(lemma):
        return lemma
    if tok.pos == "ADJ":
        # «Временным управляющим»: the tagger's «временной» is «временный» in another reading
        other = _lemma_of_word(text)
        return other if starts_post(other) else lemma
    if not lemma.endswith(SUBSTANTIVE_PARTICIPLE):
        return lemma
    other = _lemma_of_word(text)  # the lexicon keys «нападающий» by its dictionary lemma «нападать»
    return other if starts_post(other) else lemma


def _compound_head(lemma: str) -> str:
    """A compound the lexicon does not know is a post by its first part: «писатель-сатирик»,
    «режиссёр-постановщик», «боксёр-тяжеловес» (the lexicon's own «генерал-майор» stays whole);
    else by its last part after a field's prefix: «арт-директор», «бренд-менеджер»; not after a
    person: «женщина-космонавт» says who she is, and its post is no plain «космонавт»."""
    if "-" not in lemma or starts_post(lemma):
        return lemma
    first, last = lemma.split("-", 1)[0], lemma.rsplit("-", 1)[1]
    if starts_post(first):
        return first
    return last if starts_post(last) and not is_person_noun(first) else lemma


@lru_cache(maxsize=WORD_CACHE)
def is_person_noun(word: str) -> bool:
    """An animate common noun («женщина»), not a first name the dictionary also knows («Арт»)."""
    found = parses(word)
    return bool(found) and found[0].tag.POS == "NOUN" and found[0].tag.animacy == "anim" and (
        not {"Name", "Surn", "Patr"} & found[0].tag.grammemes
    )


def match_post_head(tokens: Sequence[Token], i: int, end: int) -> int | None:
    """End of the longest post of the lexicon starting at token i, or None; an abbreviation
    («гендиректор», «замминистра») stands for the whole post it abbreviates."""
    if i < end and tokens[i].feats.get("VerbForm") == "Fin" and "." not in tokens[i].text and not (
        is_acting_participle(tokens[i])
    ):
        # «управлял», «исполняет»: a verb, though of a participle's lemma («управляющий»); not an
        # abbreviation the tagger took for one («и. о.»)
        return None
    lexicon = post_lexicon()
    first = post_lemma(tokens[i]) if i < end else ""
    starts: list[Phrase] = [(first,)]
    # the tagger may give an abbreviation a lemma of its own («замгубернатор»); its written form,
    # which does not decline, is the key then
    written = tokens[i].text.lower().rstrip(".") if i < end else ""
    abbreviation = first if first in lexicon.expansions else written
    if abbreviation in lexicon.expansions:
        starts.append(lexicon.expansions[abbreviation])
    ends = [_longest_from(tokens, i + 1, end, key) for key in starts]
    found = max((e for e in ends if e is not None), default=None)
    if found in (None, i + 1) and _ranked_post(tokens, i, end):
        return i + 2
    if found == i + 1 and _adjective_use(tokens, i):
        return None
    return found


# adjectives of rank that make a post of an animate noun the lexicon lacks: «главный ихтиолог»,
# «ведущего синоптика» (rank_non_posts.txt lists the nouns they do not: «старший брат»)
RANK_OPENERS = frozenset({"главный", "ведущий", "старший", "младший"})


@cache
def _rank_non_posts() -> frozenset[str]:
    return frozenset(row[0] for row in load_rows("rank_non_posts.txt"))


def ranked_noun(tokens: Sequence[Token], i: int) -> bool:
    """A rank adjective and an animate common noun in its case that names no kin or rival."""
    if i + 1 >= len(tokens) or post_lemma(tokens[i]) not in RANK_OPENERS:
        return False
    noun = tokens[i + 1]
    found = parses(noun.text.lower())
    if not found or found[0].tag.POS != "NOUN" or found[0].tag.animacy != "anim":
        return False
    # a word the dictionary lacks is guessed a surname («докмейстером»); written in lower case it is none
    names = {"Name", "Patr"} if noun.text[:1].islower() else {"Name", "Patr", "Surn"}
    if names & found[0].tag.grammemes or plain_lemma(found[0].normal_form) in _rank_non_posts():
        return False
    # agreement by the dictionary: the tagger may misread a word it does not know
    adjective = {(p.tag.case, p.tag.number) for p in parses(tokens[i].text.lower()) if p.tag.POS == "ADJF"}
    return any((p.tag.case, p.tag.number) in adjective for p in found if p.tag.POS == "NOUN")


def _ranked_post(tokens: Sequence[Token], i: int, end: int) -> bool:
    """A ranked noun the lexicon lacks is a post where a verb links it to its holder or an
    organization follows it: in news, «главный соперник президента» names none."""
    return ranked_noun(tokens, i) and (
        _linked(tokens, i - 1) or _linked(tokens, i + 2) or _workplace_after(tokens, i + 2, end)
    )


def _linked(tokens: Sequence[Token], k: int) -> bool:
    """A verb that links a post to its holder: «назначен», «работавший»."""
    return 0 <= k < len(tokens) and tokens[k].lemma in post_lexicon().link_verbs


# how many adjectives may stand between a ranked noun and the organization it works in
MAX_WORKPLACE_ADJECTIVES = 3


def _workplace_after(tokens: Sequence[Token], k: int, end: int) -> bool:
    """An organization after a ranked noun: «ихтиолог компании», «библиотекарь Национальной
    библиотеки», «рыбовод АО «...»», not a person or an event («соперник президента», «фаворит турнира»)."""
    limit = min(end, k + MAX_WORKPLACE_ADJECTIVES)
    while k < limit and tokens[k].pos == "ADJ":
        k += 1
    return k < end and (tokens[k].lemma in org_heads().firsts or tokens[k].text in legal_forms().kinds)


# how many adjectives may stand between a one-word post read as an adjective and its noun
MAX_AGREEING_ADJECTIVES = 2


# posts whose word is never an adjective of the noun after it: the 101 «заведующ-» before a word in
# NEREL train, press-dev and the held-out parts are all posts («заведующей лабораторией»,
# «работает заведующим сектором»), against «управляющей компании», «ведущего специалиста»
NOUN_ONLY_POSTS = frozenset({"заведовать"})  # keyed as the lexicon keys «заведующий»


def _adjective_use(tokens: Sequence[Token], i: int) -> bool:
    """A one-word post the tagger reads as an adjective of the noun after it, in its case,
    gender and number: «в ходе рабочей встречи», «управляющей компании» name no «рабочий», no
    «управляющий»."""
    tok = tokens[i]
    if post_lemma(tok) in NOUN_ONLY_POSTS:
        return False
    participle = tok.pos != "ADJ" and tok.feats.get("VerbForm") == "Part"
    if tok.pos != "ADJ" and not participle:
        return False
    # in the singular it agrees in gender too: «заведующей центром» is a post, «управляющей компании» no
    grams = ("Case", "Number", "Gender") if tok.feats.get("Number") == "Sing" else ("Case", "Number")

    def agrees(other: Token) -> bool:
        return all(tok.feats.get(f) == other.feats.get(f) for f in grams)

    # past other adjectives of the same noun: «ведущий сербский политик» names no «ведущий»
    k = i + 1
    while k < min(len(tokens), i + 1 + MAX_AGREEING_ADJECTIVES) and tokens[k].pos == "ADJ" and agrees(tokens[k]):
        k += 1
    if k >= len(tokens) or tokens[k].pos != "NOUN":
        return False
    if k > i + 1 and tokens[k].feats.get("Case") == "Ins":
        return False  # «управляющим Новосибирским региональным филиалом»: a post's instrumental object
    if participle and match_post_head(tokens, k, len(tokens)) is None:
        return False  # a participle describes a post only: «ведущему инженеру-технологу», not «управляющей компании»
    return agrees(tokens[k]) and tok.feats.get("Case") is not None


def _longest_from(tokens: Sequence[Token], j: int, end: int, key: Phrase) -> int | None:
    """The end of the longest post that begins with the lemmas `key` (its words up to token j)."""
    heads = post_lexicon().heads
    best = j if key in heads else None
    limit = min(end, j + MAX_POST_WORDS)
    while j < limit and heads.continues(key):
        key += (post_lemma(tokens[j]),)
        j += 1
        if key in heads:
            best = j
    return best


def is_modifier(tok: Token, previous: Token | None = None) -> bool:
    """A word that qualifies a post before its head: «первый», «врио», «бывший»; the object of
    an acting post right after it («исполняющий обязанности», «временно исполняющий полномочия»),
    while «полномочия» elsewhere qualifies nothing."""
    if tok.feats.get("VerbForm") in ("Fin", "Inf") and not is_acting_participle(tok):
        # «роль исполняет заслуженная артистка», «будет исполнять первый заместитель»: a verb, though
        # of the acting participle's lemma; «исполнявшая» read as a verb is none
        return False
    lexicon = post_lexicon()
    lemma = post_lemma(tok)
    if lemma in lexicon.acting_objects:
        return previous is not None and is_acting(previous)
    return lemma in lexicon.modifiers or _written(tok) in lexicon.modifiers or is_acting_participle(tok)


def is_acting(tok: Token) -> bool:
    """«исполняющий (обязанности)», «И.о.», «врио»: a participle or its short form that heads a
    post phrase in place of a noun."""
    return is_acting_participle(tok) or _written(tok) in post_lexicon().acting


# the participle of acting, present or past: «исполняющий», «исполнявшая (обязанности)»
ACTING_PARTICIPLE = re.compile(r"исполня(?:ющ|вш)", re.IGNORECASE)


def is_acting_participle(tok: Token) -> bool:
    """«исполняющим», «исполнявшая»: the participle spelled out, which declines, not «И.о.»."""
    return ACTING_PARTICIPLE.match(tok.text) is not None


def _written(tok: Token) -> str:
    """A short word as written, without its dots and spaces: «и. о.» -> «и.о»."""
    return "".join(tok.text.lower().split()).rstrip(".")


def office_of(role_key_: str, whole_key: str) -> str | None:
    """The office a post names, by the lemma keys of its whole post or of its role."""
    offices = post_lexicon().offices
    return offices.get(tuple(whole_key.split())) or offices.get(tuple(role_key_.split()))


# the short forms of acting, spelled out so that «и. о. ректора» is a form of «исполняющий
# обязанности ректора ...»
ACTING_SHORT = re.compile(r"(?<!\w)(?:(?P<vr>вр\.?\s?)?и\.\s?о\.?|(?P<vrio>врио))(?!\w)", re.IGNORECASE)


def _spelled_acting(m: re.Match[str]) -> str:
    return ("временно " if m.group("vr") or m.group("vrio") else "") + "исполняющий обязанности"


def role_key(role: str) -> str:
    """The lemma key of a role or post string, comparable across the forms of one post."""
    role = ACTING_SHORT.sub(_spelled_acting, role)
    words = "".join(c if c.isalnum() or c == "-" else " " for c in role)
    return " ".join(phrase_lemmas(words))


def spelled_role_key(role: str) -> str:
    """`role_key` with a contracted post spelled out: «гендиректор» is «генеральный директор»,
    «премьер» «премьер-министр» (one office named two ways)."""
    expansions = post_lexicon().expansions
    return " ".join(" ".join(expansions.get(w, (w,))) for w in role_key(role).split())


# «государственный советник юстиции 2 класса», «советник юстиции III класса»: a class rank's class
RANK_CLASS = re.compile(r"\s+(?:\d+|[ivx]+)(?:-го)?\s+класса$")


@cache
def _ranks() -> tuple[frozenset[str], frozenset[str], tuple[str, ...]]:
    rows = load_rows("ranks.txt")
    ranks = frozenset(words for kind, words in rows if kind == "rank")
    classes = frozenset(words for kind, words in rows if kind == "class")
    services = tuple(sorted((words for kind, words in rows if kind == "service"), key=len, reverse=True))
    return ranks, classes, services


def is_rank(normal: str) -> bool:
    """A post that is a rank or a class rank, not a position: «генерал-майор полиции», «старший
    советник юстиции», «государственный советник юстиции 2 класса»; not «капитан морского порта»
    nor a «советник» alone."""
    ranks, classes, services = _ranks()
    words = RANK_CLASS.sub("", " ".join(normal.lower().replace("ё", "е").split()))
    service = next((s for s in services if words.endswith(" " + s)), None)
    if service is None:
        return words in ranks
    words = words[: -len(service) - 1]
    return words in ranks or words in classes


def starts_rank(tokens: Sequence[Token], i: int) -> bool:
    """A lowercase rank of one word before a service or a capitalized name: «генерал-майор
    полиции», «полковник Иванов»; a name that runs into it has ended («начальник Управления
    генерал-майор полиции В. Ю. Терехин»)."""
    tok = tokens[i]
    if not tok.text.islower() or i + 1 >= len(tokens):
        return False
    ranks, _classes, services = _ranks()
    word = tok.lemma.lower().replace("ё", "е")
    if word not in ranks and tok.text.lower().replace("ё", "е") not in ranks:
        return False
    after = tokens[i + 1]
    return after.text[:1].isupper() or any(service.split()[0] == after.text.lower() for service in services)
